"""FiveFilters site config files (the ftr-site-config format that Full-Text RSS and wallabag
read) as site profiles, found by host and parsed only when a page of that host is seen.

A file is named for the host it serves: `example.com.txt` for example.com (and for
www.example.com, when there is no `www.example.com.txt`), `.example.com.txt` for every
subdomain of example.com (www.example.com, news.example.com, a.b.example.com). The exact
name wins, then the name without "www.", then the nearest wildcard; a later folder over an
earlier one for the same name. Host names are compared in IDNA form (Unicode or punycode).

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
from cleaner.files import Unreadable, decode_error_at, read_regular
from cleaner.rules import RULES
from cleaner.rules.base import Selectors, Texts
from cleaner.rules.page import Selector, SelectorError, selector_issue
from cleaner.urls import normal_host, unicode_host

SUFFIX = ".txt"
# What a site config's file name looks like: a host, or "." and a domain, then .txt
FILE_NAME = re.compile(r"^\.?[a-z0-9_-]+(?:\.[a-z0-9_-]+)+\.txt$")
LINE = re.compile(r"^(?P<name>[A-Za-z_]+)(?:\((?P<arg>[^)]*)\))?\s*:\s*(?P<value>.*)$")
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
# Site configs are a few KB; a file larger than this is not one (and /dev/zero never ends)
MAX_BYTES = 1 << 20


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
    """The file names that may serve `host`, best first: the exact host, then the host
    without "www.", then "." and each parent domain, nearest first ("www.a.example.com":
    www.a.example.com, a.example.com, .a.example.com, .example.com; never .com). Hosts are
    compared in their IDNA ASCII form (cleaner.urls.normal_host)."""
    host = normal_host(host)
    if not host or "/" in host or ":" in host or host.startswith(".") or "." not in host:
        return []
    names = [host + SUFFIX]
    if host.startswith("www.") and host.count(".") > 1:
        names.append(host.removeprefix("www.") + SUFFIX)
    labels = host.split(".")
    names += ["." + ".".join(labels[i:]) + SUFFIX for i in range(1, len(labels) - 1)]
    return names


def find(dirs: list[Path], host: str) -> Path | None:
    """The site config file for `host` in `dirs` (later folders first), or None. Only the
    candidate names are looked at: a folder of thousands of files costs a few stat calls.
    A name written in Unicode ("bücher.example.txt") serves its IDNA host too. Whatever is
    there under the name counts, a directory or a dangling symlink too: loading it then
    fails the host's pages by name rather than passing over it in silence."""
    for name in candidates(host):
        spellings = dict.fromkeys([name, unicode_host(name.removesuffix(SUFFIX)) + SUFFIX])
        for folder in reversed(dirs):
            for spelling in spellings:
                path = folder / spelling
                if os.path.lexists(path):
                    return path
    return None


def saved_page(folder: Path, url: str) -> Path:
    """Where `cleaner check` reads a test_url's page: TEST_PAGES beside the site config, laid
    out as `wget -x` saves it (host/path, index.html for a folder, the query after "?"; a
    port other than the scheme's default stays in the host's folder name, "host:8080")."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    path = parts.path.lstrip("/")
    if not path or path.endswith("/"):
        path += "index.html"
    if parts.query:
        path += "?" + parts.query
    host = parts.hostname or ""
    port = parts.port
    if port is not None and port != {"http": 80, "https": 443}.get(parts.scheme.lower()):
        host += f":{port}"
    return folder / TEST_PAGES / host / path


def is_site_config(path: Path) -> bool:
    stem = path.name.removesuffix(SUFFIX)
    if stem == path.name:
        return False
    dot = "." if stem.startswith(".") else ""
    return FILE_NAME.match(dot + normal_host(stem[len(dot) :]) + SUFFIX) is not None


def files_in(folder: Path) -> list[Path]:
    """The site config files in a folder (for `cleaner check`): names like hosts."""
    return sorted(p for p in folder.glob("*" + SUFFIX) if is_site_config(p))


class Parsed(NamedTuple):
    """A site config file read line by line: its rules, tests and directives not applied;
    `problems` keep it from cleaning pages, `test_problems` only concern `cleaner check`."""

    rules: list
    tests: list[TestPage]
    unsupported: dict[str, list[int]]
    problems: list[Problem]
    test_problems: list[Problem]


def parse(path: Path) -> Parsed:
    """Every line of the file, every problem in it (none hides another)."""
    from cleaner.profiles import ProfileRule

    where = str(path)
    parsed = Parsed([], [], {}, [], [])
    problems = parsed.problems
    try:
        data = read_regular(path, MAX_BYTES)
    except Unreadable as err:
        problems.append(Problem(where, 1, 1, str(err)))
        return parsed
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line, col = decode_error_at(data, err.start)
        problems.append(Problem(where, line, col, f"not UTF-8 text ({err.reason} at byte {err.start})"))
        return parsed
    source = source.removeprefix("\ufeff")  # a byte order mark, as Windows editors write
    tests = parsed.tests
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
        if name != name.lower():
            message = f'unknown directive "{name}" (directives are lower-case: {name.lower()})'
            problems.append(Problem(where, no, raw.index(name) + 1, message))
            continue
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
            parsed.rules.append(ProfileRule(f"{path.name}:{no}", name, why, rule))
        elif name == "test_url":
            tests.append(TestPage(no, value, ()))
        elif name == "test_contains":
            if not tests:  # a test without its page: check says so, pages are cleaned all the same
                parsed.test_problems.append(Problem(where, no, 1, "test_contains: no test_url before it"))
                continue
            last = tests[-1]
            tests[-1] = last._replace(contains=(*last.contains, (no, value)))
        else:
            parsed.unsupported.setdefault(name, []).append(no)
    return parsed


def load(path: Path):
    """The site config as a Profile, or None and its problems (each at its file and line).
    Problems that only concern check's tests (cleaner.siteconfig.parse) do not stop it."""
    from cleaner.profiles import GENERIC_FOR_SITE_CONFIGS, Profile

    parsed = parse(path)
    if parsed.problems:
        return None, parsed.problems
    stem = path.name.removesuffix(SUFFIX)
    dot = "." if stem.startswith(".") else ""
    host = normal_host(stem[len(dot) :])
    profile = Profile(
        name=stem,
        kind="site",
        path=path,
        description=f"FiveFilters site config {path.name}",
        hosts=("*." + host if dot else host,),
        rules=tuple(parsed.rules),
        generic=GENERIC_FOR_SITE_CONFIGS,
        tests=tuple(parsed.tests),
        ignored=tuple(Unsupported(n, tuple(lines)) for n, lines in parsed.unsupported.items()),
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
    if issue := selector_issue(selector, getattr(cls, "finds", "elements")):
        return None, issue
    return cls(cls.Options(select=Selectors([selector]))), None
