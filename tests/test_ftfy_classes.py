"""The fast path's regular expressions (cleaner/stages/_ftfy_classes.py) match ftfy's tables,
and ftfy is imported only when a line needs fixing."""

from __future__ import annotations

import re
import subprocess
import sys

import ftfy
import pytest

import cleaner
from cleaner.explain import render as explain_text
from cleaner.stages import _ftfy_classes, unicode
from cleaner.stages.unicode import ftfy_classes
from tests.conftest import ROOT


def test_generated_classes_match_the_installed_ftfy():
    current = ftfy_classes()
    for name in ("TOUCHED", "ENTITY", "DETECTOR_CHARS", "MAX_DECODE_LENGTH", "BADNESS_PATTERN", "BADNESS_FLAGS"):
        assert getattr(_ftfy_classes, name) == current[name], (
            f"{name} is stale (generated for ftfy {_ftfy_classes.FTFY_VERSION}, installed {current['FTFY_VERSION']}); "
            "regenerate: python -c 'from cleaner.stages.unicode import write_ftfy_classes; write_ftfy_classes()'"
        )


PROBE = """
import sys
import cleaner
assert cleaner.clean(b"Plain text, nothing to repair.\\n").text == "Plain text, nothing to repair.\\n"
assert cleaner.clean("Curly “quotes” and café are fine too.\\n").text == "Curly “quotes” and café are fine too.\\n"
print("ftfy" in sys.modules)
assert cleaner.clean("We donâ€™t know yet.\\n").text == "We don’t know yet.\\n"
print("ftfy" in sys.modules)
"""


def test_ftfy_is_imported_only_when_a_line_needs_it():
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True"]


def test_the_installed_ftfy_version_is_read_without_importing_it():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from cleaner.stages import unicode as u; "
            "print(u.installed_ftfy_version(), 'ftfy' in sys.modules)",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    import ftfy

    assert result.stdout.split() == [ftfy.__version__, "False"]


@pytest.fixture
def other_ftfy(monkeypatch):
    """An installed ftfy other than the one _ftfy_classes was generated from."""
    monkeypatch.setattr(unicode, "installed_ftfy_version", lambda: "99.0")
    unicode.fast_path_off.cache_clear()
    yield monkeypatch
    unicode.fast_path_off.cache_clear()


def test_another_ftfy_with_the_same_tables_keeps_the_fast_path(other_ftfy):
    assert unicode.fast_path_off() is None


def test_another_ftfy_with_other_tables_turns_the_fast_path_off(other_ftfy):
    # the copy misses control characters this "newer" ftfy removes: without the check the
    # fast path would pass the NUL through unseen
    other_ftfy.setattr(_ftfy_classes, "TOUCHED", "[\x01]")
    other_ftfy.setattr(unicode, "TOUCHED", re.compile("[\x01]"))
    assert "fast path off" in (unicode.fast_path_off() or "")
    doc = cleaner.clean("A line with a NUL\x00 in it, long enough to be kept as article text here.\n", heuristics=False)
    assert "\x00" not in doc.text
    assert doc.text == ftfy.fix_text(
        "A line with a NUL\x00 in it, long enough to be kept as article text here.\n", unicode.config()
    )
    assert any(s.startswith("unicode:fast path off") for s in doc.steps)
    assert "unicode: fast path off: the installed ftfy" in explain_text(doc, color=False)
