from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cleaner.rules.base import Hit, LineView, OptionIssue, Rule, Texts


class DropLine(Rule):
    """Drop every line equal to one of the given texts (surrounding whitespace ignored).

    Why: fixed boilerplate lines such as "See More" or "Scroll to Top".
    `together = N` drops them only where N or more of them stand together (blank lines
    between allowed): a menu's "Politics", "Business", "Sport" go, an article's subheading
    "Politics" alone stays (new-user trial of stop 38: a learned header rule took them).

    Profile entry:
        [[rules]]
        kind = "drop_line"
        text = ["top of page", "bottom of page"]
        why  = "Wix page anchors"

    >>> from cleaner.rules.base import numbered
    >>> DropLine(DropLine.Options(text=Texts(["See More"]))).apply(numbered("See More\\nBody\\n  See More ")).drop
    [0, 2]
    >>> menu = DropLine(DropLine.Options(text=Texts(["News", "Sport"]), together=2))
    >>> menu.apply(numbered("News\\nSport\\nHeadline\\n\\nSport\\nThe match report.")).drop
    [0, 1]
    """

    kind = "drop_line"

    @dataclass(frozen=True)
    class Options:
        text: Texts
        together: int = 1

    @classmethod
    def validate(cls, options: Any) -> list[OptionIssue]:
        if options.together < 1:
            return [OptionIssue("together", f"expected 1 or more lines, got {options.together}")]
        return []

    def apply(self, view: LineView) -> Hit:
        wanted = set(self.options.text)
        drop = [i for i, text in enumerate(view.texts) if text in wanted]
        if self.options.together <= 1:
            return Hit(drop=drop)
        runs: list[list[int]] = []
        for i in drop:  # a run goes on over blank lines only
            if runs and all(not view.texts[j] for j in range(runs[-1][-1] + 1, i)):
                runs[-1].append(i)
            else:
                runs.append([i])
        return Hit(drop=[i for run in runs if len(run) >= self.options.together for i in run])
