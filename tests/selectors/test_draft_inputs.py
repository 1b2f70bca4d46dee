"""`cleaner new` and `cleaner learn` on samples they cannot read: named and skipped, no traceback."""

from __future__ import annotations

import random

from click.testing import CliRunner

from cleaner.cli import NEVER_MATCHED, main

DEEP = "<html><body><p>x</p>" + "<div>" * 5000 + "deep" + "</div>" * 5000 + "</body></html>"
DEEP_MESSAGE = "HTML parser stopped at line 1, column 4105: Excessive depth in document: 2048"
ARTICLE = (
    "<html><head><title>T</title></head><body><article><p>{0} The harbour reopened on Monday after three days"
    " of storms kept the fleet in port, and fishermen were glad.</p></article></body></html>"
)


def test_new_skips_deep_and_binary_samples_by_name(tmp_path, monkeypatch):
    (tmp_path / "deep.html").write_text(DEEP, encoding="utf-8")
    # fixed random bytes: about 1 draw in 10 of os.urandom reads as "control bytes, and no
    # charset fits" instead, binary all the same (found by a new-user trial's test run)
    (tmp_path / "bin.html").write_bytes(random.Random(0).randbytes(3000).replace(b"<", b"\x01"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["new", "x", "--sample", "deep.html", "--sample", "bin.html"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.splitlines()[:2] == [
        f"cleaner: deep.html: {DEEP_MESSAGE}; skipped",
        "cleaner: bin.html: binary file (mostly control bytes), not text; skipped",
    ]
    assert result.stderr.splitlines()[-1] == "Error: new needs at least one readable sample"


def test_new_goes_on_with_the_readable_samples(tmp_path, monkeypatch):
    (tmp_path / "deep.html").write_text(DEEP, encoding="utf-8")
    (tmp_path / "a.html").write_text(ARTICLE.format("One."), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["new", "x", "--sample", "deep.html", "--sample", "a.html"])
    assert result.exit_code == 1, result.output  # the draft written, a sample skipped (as clean's status)
    # then the note on where the samples are named from (the draft goes to stdout), as learn says it
    assert result.stderr.splitlines() == [
        f"cleaner: deep.html: {DEEP_MESSAGE}; skipped",
        NEVER_MATCHED,  # the sample names no URL, and one sample gives no fingerprint
        "cleaner: the draft names its samples relative to the current folder; saved in another folder,"
        " it needs them fixed (or run new with -o FILE)",
        "cleaner: 1 sample skipped",
    ]
    assert "samples = ['a.html']" in result.stdout
    assert result.stdout.startswith("# The samples below are named relative to the folder cleaner new ran in")


def test_learn_skips_html_nested_too_deep_by_name(tmp_path):
    (tmp_path / "deep.html").write_text(DEEP, encoding="utf-8")
    for i in range(2):
        (tmp_path / f"a{i}.html").write_text(ARTICLE.format(f"Story {i}."), encoding="utf-8")
    result = CliRunner().invoke(main, ["learn", str(tmp_path), "--name", "x"])
    assert result.exit_code == 1, result.output  # the draft written, an input skipped (as clean's status)
    # then the note on where the samples are named from (the draft goes to stdout)
    assert result.stderr.splitlines() == [
        f"cleaner: {tmp_path}/deep.html: {DEEP_MESSAGE}; skipped",
        "cleaner: the draft names its samples relative to the current folder; saved in another folder,"
        " it needs them fixed (or run learn with -o FILE)",
        "cleaner: 1 input skipped",
    ]
