"""Library misuse and broken installs give CleanerError subclasses or a TypeError that
say what is wrong, and the CLI a message, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import cleaner
from cleaner import CleanerError, MissingDependency, UnknownProfile, clean
from tests.hostile.pages import article

ROOT = Path(__file__).resolve().parents[2]


def test_unknown_profile_is_a_cleaner_error_with_did_you_mean():
    with pytest.raises(UnknownProfile) as err:
        clean("Some text.", profile="coingek")
    assert isinstance(err.value, CleanerError) and isinstance(err.value, KeyError)  # KeyError, as before
    assert str(err.value) == 'unknown profile "coingek"; did you mean "coingeek"?'


@pytest.mark.parametrize("data", [123, None, ["text"]])
def test_clean_names_the_types_it_takes(data):
    with pytest.raises(TypeError, match=rf"^clean\(\) takes the scrape as str or bytes, got {type(data).__name__}$"):
        clean(data)


def test_errors_are_exported():
    for name in ("CleanerError", "InputError", "ProfileError", "UnknownProfile", "MissingDependency"):
        assert name in cleaner.__all__ and issubclass(getattr(cleaner, name), CleanerError)


# lxml_html_clean made unimportable, as after `pip install .` with pip 23.2.1 before it was a dependency
WITHOUT_HTML_CLEAN = "import sys; sys.modules['lxml_html_clean'] = None; from cleaner.cli import main; main()"
MISSING = (
    "cannot read HTML, a module it needs is missing: lxml.html.clean module is now a separate project "
    "lxml_html_clean. Install lxml[html-clean] or lxml_html_clean directly."
)


def test_missing_html_module_fails_html_inputs_with_a_message(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_text(article(), encoding="utf-8")
    (tmp_path / "in" / "note.txt").write_text("The harbour board met on Tuesday.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_HTML_CLEAN, "clean", "-j", "1", str(tmp_path / "in"), "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert (
        result.stderr
        == f"cleaner: {tmp_path / 'in' / 'page.html'}: {MISSING}\ncleaner: 1 cleaned, 1 failed into {out}\n"
    )
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["note.txt"]  # not the run's lock


def test_missing_html_module_is_a_cleaner_error_in_the_library():
    code = (
        "import sys; sys.modules['lxml_html_clean'] = None\n"
        "import cleaner\n"
        "try:\n"
        f"    cleaner.clean({article()!r})\n"
        "except cleaner.MissingDependency as err:\n"
        "    print(err)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert (result.returncode, result.stdout, result.stderr) == (0, MISSING + "\n", "")
    assert issubclass(MissingDependency, CleanerError)


def test_lxml_html_clean_is_a_declared_dependency():
    import tomllib

    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert any(d.startswith("lxml_html_clean") for d in dependencies)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        pytest.param({"url": 5}, "clean() takes url as str or None, got int", id="url-int"),
        pytest.param({"url": b"https://x.org/"}, "clean() takes url as str or None, got bytes", id="url-bytes"),
        pytest.param(
            {"profile": None}, 'clean() takes profile as a name, "auto" or "none", got NoneType', id="profile"
        ),
        pytest.param({"profiles": ["x"]}, "clean() takes profiles from load_profiles(), got list", id="profiles"),
        # attacker trial of stop 52: Python's own errors, naming no argument
        pytest.param({"target_language": 5}, "clean() takes target_language as a str or None, got int", id="lang"),
        pytest.param({"rule_budget": "1"}, "clean() takes rule_budget as a number of seconds, got str", id="budget"),
    ],
)
def test_wrong_argument_types_are_named(kwargs: dict, message: str):
    with pytest.raises(TypeError) as caught:
        cleaner.clean("Some article text.", **kwargs)
    assert str(caught.value) == message


def test_any_real_number_is_a_rule_budget():
    """Second attacker trial of stop 52: numpy's numbers and a Fraction were refused."""
    import fractions

    import numpy

    for budget in (numpy.int64(2), numpy.float32(1.5), fractions.Fraction(1, 2)):
        assert cleaner.clean("Some article text.\n", rule_budget=budget).text == "Some article text.\n"
