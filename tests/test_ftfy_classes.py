"""The fast path's regular expressions (cleaner/stages/_ftfy_classes.py) match ftfy's tables,
and ftfy is imported only when a line needs fixing."""

from __future__ import annotations

import subprocess
import sys

from cleaner.stages import _ftfy_classes
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
