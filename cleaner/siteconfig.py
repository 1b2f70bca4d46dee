"""FiveFilters site config files (the ftr-site-config format that Full-Text RSS and wallabag
read) as site profiles, found by host and parsed only when a page of that host is seen.

A file is named for the host it serves: `example.com.txt` for example.com (and for
www.example.com: "www." is stripped from the host first), `.example.com.txt` for the
subdomains of example.com (news.example.com, a.b.example.com). An exact name wins over a
wildcard, a nearer wildcard over a farther one, a later folder over an earlier one.

Each line is `directive: value` (or `directive(argument): value`); `#` starts a comment.
These map onto cleaner's rule kinds: body, strip, strip_id_or_class, title, author, date
(XPath, as the format has it; each line its own rule, tried in file order). test_url and
the test_contains lines after it are expectations `cleaner check` verifies on a saved copy of
the page. Every other directive is not applied; `cleaner check` reports each one once, and
`cleaner explain` lists them: as a note (check passes) when it only tunes Full-Text RSS's
own extraction or fetching (TUNING: `prune: no`, `tidy: no`, ... in almost every real
config), as a problem when it changes what is extracted (`replace_string`,
`single_page_link`, `next_page_link`, ...) or is unknown.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

from cleaner.errors import Problem
from cleaner.rules import RULES
from cleaner.rules.base import Selectors, Texts
from cleaner.rules.page import Selector, SelectorError

SUFFIX = ".txt"
# What a site config's file name looks like: a host, or "." and a domain, then .txt
FILE_NAME = re.compile(r"^\.?[a-z0-9_-]+(?:\.[a-z0-9_-]+)+\.txt$")
LINE = re.compile(r"^(?P<name>[a-z_]+)(?:\((?P<arg>[^)]*)\))?\s*:\s*(?P<value>.*)$")
APPLIED = ("body", "strip", "strip_id_or_class", "title", "author", "date")
TESTS = ("test_url", "test_contains")
# Directives that only tune Full-Text RSS's own extractor, its fetching, or markup that is
# not text (attributes, images, wrappers): cleaner has its own extractor, so not applying
# them changes no text it gives. Not applying any other directive may (replace_string,
# find_string, single_page_link, next_page_link, ...): those are problems for check.
TUNING = frozenset(
    {
        "prune",  # FTR's readability clean-up of the body element
        "tidy",  # HTML Tidy before extraction
        "parser",  # which HTML parser FTR uses
        "autodetect_on_failure",  # FTR's own detection when the selectors find nothing
        "insert_detected_image",
        "skip_json_ld",
        "convert_double_br_tags",
        "strip_comments",
        "src_lazy_load_attr",  # images
        "strip_image_src",  # images
        "strip_attr",  # attributes
        "post_strip_attr",
        "dissolve",  # an element replaced by its children: the text stays
        "http_header",  # fetching
        "login_uri",
        "login_username_field",
        "login_password_field",
        "login_extra_fields",
        "not_logged_in_xpath",
        "requires_login",
        "native_ad_clue",  # feed items, not the page's text
    }
)
# The folder, beside the site configs, where check reads saved test pages: `wget -x -P DIR/test_pages URL`
TEST_PAGES = "test_pages"


class TestPage(NamedTuple):
    """A test_url line and the test_contains snippets that follow it."""

    line: int
    url: str
    contains: tuple[tuple[int, str], ...]  # (line, snippet)


class Unsupported(NamedTuple):
    """A directive cleaner does not apply, and the lines it is on."""

    name: str
    lines: tuple[int, ...]


def candidates(host: str) -> list[str]:
    """The file names that may serve `host`, best first: the host without "www.", then
    "." and each parent domain ("a.b.example.com": .b.example.com, .example.com; not .com)."""
    host = host.lower().rstrip(".")
    host = host.removeprefix("www.")
    if not host or "/" in host or host.startswith("."):
        return []
    names = [host + SUFFIX]
    labels = host.split(".")
    names += ["." + ".".join(labels[i:]) + SUFFIX for i in range(1, len(labels) - 1)]
    return names


def find(dirs: list[Path], host: str) -> Path | None:
    """The site config file for `host` in `dirs` (later folders first), or None. Only the
    candidate names are looked at: a folder of thousands of files costs a few stat calls."""
    for name in candidates(host):
        for folder in reversed(dirs):
            path = folder / name
            if os.path.isfile(path):
                return path
    return None


def saved_page(folder: Path, url: str) -> Path:
    """Where `cleaner check` reads a test_url's page: TEST_PAGES beside the site config, laid
    out as `wget -x` saves it (host/path, index.html for a folder, the query after "?")."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    path = parts.path.lstrip("/")
    if not path or path.endswith("/"):
        path += "index.html"
    if parts.query:
        path += "?" + parts.query
    return folder / TEST_PAGES / (parts.hostname or "") / path


def is_site_config(path: Path) -> bool:
    return FILE_NAME.match(path.name) is not None


def files_in(folder: Path) -> list[Path]:
    """The site config files in a folder (for `cleaner check`): names like hosts."""
    return sorted(p for p in folder.glob("*" + SUFFIX) if is_site_config(p))


def load(path: Path):
    """The site config as a Profile, or None and its problems (each at its file and line)."""
    from cleaner.profiles import GENERIC_FOR_SITE_CONFIGS, Profile, ProfileRule

    where = str(path)
    try:
        source = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        return None, [Problem(where, 1, 1, f"not UTF-8 text ({err.reason} at byte {err.start})")]
    except OSError as err:
        return None, [Problem(where, 1, 1, f"cannot read: {err.strerror}")]
    problems: list[Problem] = []
    rules: list[ProfileRule] = []
    tests: list[TestPage] = []
    unsupported: dict[str, list[int]] = {}
    for no, raw in enumerate(source.splitlines(), 1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        match = LINE.match(text)
        if not match:
            problems.append(Problem(where, no, 1, 'expected "directive: value" (a "#" starts a comment)'))
            continue
        name, value = match["name"], match["value"].strip()
        col = raw.index(match["value"]) + 1 if value else len(raw) + 1
        if name in APPLIED:
            if match["arg"] is not None:
                problems.append(Problem(where, no, 1, f"{name}: takes no (argument)"))
                continue
            if not value:
                problems.append(Problem(where, no, col, f"{name}: expected a value"))
                continue
            rule, issue = _rule(name, value)
            if issue:
                problems.append(Problem(where, no, col, f"{name}: {issue}"))
                continue
            why = f"from the site config {path.name}"
            rules.append(ProfileRule(f"{path.name}:{no}", name, why, rule))
        elif name == "test_url":
            tests.append(TestPage(no, value, ()))
        elif name == "test_contains":
            if not tests:
                problems.append(Problem(where, no, 1, "test_contains: no test_url before it"))
                continue
            last = tests[-1]
            tests[-1] = last._replace(contains=(*last.contains, (no, value)))
        else:
            unsupported.setdefault(name, []).append(no)
    if problems:
        return None, problems
    stem = path.name.removesuffix(SUFFIX)
    profile = Profile(
        name=stem,
        kind="site",
        path=path,
        description=f"FiveFilters site config {path.name}",
        hosts=("*" + stem if stem.startswith(".") else stem,),
        rules=tuple(rules),
        generic=GENERIC_FOR_SITE_CONFIGS,
        tests=tuple(tests),
        ignored=tuple(Unsupported(n, tuple(lines)) for n, lines in unsupported.items()),
    )
    return profile, []


def _rule(name: str, value: str):
    """The rule for one directive line, or None and what is wrong with its value."""
    cls = RULES[name]
    if name == "strip_id_or_class":
        return cls(cls.Options(text=Texts([value]))), None
    try:
        selector = Selector(value, xpath=True)  # the format's selectors are XPath
    except SelectorError as err:
        return None, str(err)
    return cls(cls.Options(select=Selectors([selector]))), None
