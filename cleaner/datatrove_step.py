"""cleaner as a datatrove pipeline step (the `cleaner[datatrove]` extra).

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.datatrove_step import Cleaner

    LocalPipelineExecutor(pipeline=[
        JsonlReader("scrapes/"),                      # documents with text or HTML in "text"
        Cleaner(exclusion_writer=JsonlWriter("failed/")),
        JsonlWriter("clean/"),
    ]).run()

Each document's text (a whole-page scrape or HTML, recognised by its content) is cleaned
with the same profiles as the CLI (built-in ones, plus `profiles_dir`), the document's
metadata "url" choosing site profiles as `--url` does. The document keeps its id and
metadata; its text becomes the clean text and cleaner's metadata fills in `title`, `author`,
`date`, `sitename`, `categories`, `tags`, `reading_time` (keys the reader already set are
kept: what came with the data wins), plus `cleaner_profiles` (the profiles that matched)
and `cleaner_removed` (how many removals). A document that cannot be cleaned (binary, an
invalid URL) or has no text left is not passed on: it goes to `exclusion_writer` if one is
given, with `cleaner_error` saying why, and is counted in the step's stats either way, so
nothing is dropped unseen.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.writers.disk_base import DiskWriter
from datatrove.utils.typeshelper import StatHints

from cleaner.errors import CleanerError
from cleaner.pipeline import clean
from cleaner.profiles import Profiles, load_profiles
from cleaner.urls import url_problem

FIELDS = ("title", "author", "date", "sitename", "categories", "tags", "reading_time")


class Cleaner(PipelineStep):
    """Clean each document's text (scrape or HTML) into article text plus metadata."""

    name = "🧹 cleaner"
    type = "🛢 - EXTRAC"

    def __init__(
        self,
        profile: str = "auto",
        profiles_dir: Sequence[str | Path] | str | Path = (),
        heuristics: bool = True,
        exclusion_writer: DiskWriter | None = None,
    ):
        super().__init__()
        self.profile = profile
        folders = [profiles_dir] if isinstance(profiles_dir, str | Path) else profiles_dir
        self.profiles_dir = tuple(str(p) for p in folders)  # one folder, not the letters of its name
        self.heuristics = heuristics
        self.exclusion_writer = exclusion_writer
        self._profiles: Profiles | None = None  # loaded in the worker that runs the step, once

    def profiles(self) -> Profiles:
        """The profiles, loaded once; a bad profile or an unknown `profile` name stops the step
        before its first document (ProfileError, UnknownProfile), as the CLI stops before its first file."""
        if self._profiles is None:
            profiles = load_profiles(self.profiles_dir)
            if self.profile not in ("auto", "none"):
                profiles.get(self.profile)
            self._profiles = profiles
        return self._profiles

    def clean_one(self, text: str, metadata: dict[str, Any], doc_id: str) -> tuple[str, dict[str, Any]]:
        """The clean text and the metadata to merge; CleanerError for what cannot be cleaned."""
        url = metadata.get("url")
        if not isinstance(url, str) or url_problem(url):
            url = None  # a reader's url that is not a web address does not choose a profile
        doc = clean(
            text, profile=self.profile, url=url, source=doc_id, heuristics=self.heuristics, profiles=self.profiles()
        )
        found = doc.metadata.as_dict()
        fields = {name: found[name] for name in FIELDS if found.get(name) not in (None, [], ())}
        return doc.text, {
            **fields,
            "cleaner_profiles": list(doc.profiles),
            "cleaner_removed": len(doc.removals) + len(doc.page_removals),
        }

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        with self.exclusion_writer if self.exclusion_writer else contextlib.nullcontext() as writer:
            self.profiles()
            for doc in data:
                self.stat_update(StatHints.total)
                reason, error = None, ""
                with self.track_time():
                    try:
                        text, found = self.clean_one(doc.text, doc.metadata, str(doc.id))
                    except CleanerError as e:  # the document's own fault: binary, not a scrape
                        reason, error = "error", str(e)
                    except Exception as e:  # a bug in cleaner: this document goes aside, the run goes on
                        reason, error = "error", f"internal error: {type(e).__name__}: {e}"
                if reason is None and not text.strip():
                    reason, error = "empty", "no text left after cleaning"
                if reason is not None:
                    self.stat_update(StatHints.dropped, f"dropped_{reason}")
                    if writer is not None:  # the document as it came, with why
                        doc.metadata["cleaner_error"] = error
                        writer.write(doc, rank)
                    continue
                doc.text = text
                for key, value in found.items():
                    doc.metadata.setdefault(key, value)
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc
