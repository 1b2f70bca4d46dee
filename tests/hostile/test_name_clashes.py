"""A file and a folder that would mirror to the same output path: every input still gets
its own output (the file's takes the next name), and what is in the way is named."""

from __future__ import annotations

import gzip
from pathlib import Path

from tests.hostile.test_batch import PROSE, outputs, run


def test_file_and_folder_of_the_same_output_name_both_get_outputs(tmp_path: Path):
    src = tmp_path / "in"
    (src / "p.txt").mkdir(parents=True)
    (src / "p.html").write_text(f"<html><body><p>{PROSE[:-2]} in A.</p></body></html>")
    (src / "p.txt" / "x.txt").write_text(f"{PROSE[:-2]} in B.\n")
    out = tmp_path / "out"
    result = run("clean", str(src), "-o", str(out))
    assert (result.exit_code, result.stderr) == (0, f"cleaner: 2 cleaned, 0 failed into {out}\n")
    got = outputs(out)
    assert sorted(got) == ["p.html.txt", "p.txt/x.txt"]
    assert b"in A." in got["p.html.txt"] and b"in B." in got["p.txt/x.txt"]


def test_gz_file_and_folder_of_the_same_output_name_both_get_outputs(tmp_path: Path):
    src = tmp_path / "in"
    (src / "p.txt").mkdir(parents=True)
    (src / "p.txt.gz").write_bytes(gzip.compress(f"{PROSE[:-2]} in A.\n".encode()))
    (src / "p.txt" / "x.txt").write_text(f"{PROSE[:-2]} in B.\n")
    out = tmp_path / "out"
    result = run("clean", str(src), "-o", str(out))
    assert result.exit_code == 0
    assert sorted(outputs(out)) == ["p.txt.gz.txt", "p.txt/x.txt"]


def test_file_input_and_folder_input_of_the_same_output_name(tmp_path: Path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "p.html").write_text(f"<html><body><p>{PROSE[:-2]} in A.</p></body></html>")
    (tmp_path / "y" / "p.txt").mkdir(parents=True)
    (tmp_path / "y" / "p.txt" / "z.txt").write_text(f"{PROSE[:-2]} in B.\n")
    out = tmp_path / "out"
    result = run("clean", str(tmp_path / "x" / "p.html"), str(tmp_path / "y" / "p.txt"), "-o", str(out))
    assert result.exit_code == 0
    assert sorted(outputs(out)) == ["p.html.txt", "p.txt/z.txt"]


def test_a_leftover_folder_where_an_output_goes_is_named(tmp_path: Path):
    (tmp_path / "a.txt").write_text(PROSE)
    (tmp_path / "b.txt").write_text(PROSE)
    out = tmp_path / "out"
    (out / "a.txt").mkdir(parents=True)
    result = run("clean", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"cleaner: {tmp_path / 'a.txt'}: cannot write {out / 'a.txt'}: a folder is in the way "
        "(not one this run mirrors); move it away\n"
    )
    assert sorted(outputs(out)) == ["b.txt"]


def test_a_folder_and_a_file_output_differing_in_case_clash(tmp_path: Path):
    """A folder Page.txt/ beside page.html: page.html's output took page.txt, one name with the
    folder where case does not count (attacker trial 2 of stop 51)."""
    (tmp_path / "in" / "Page.txt").mkdir(parents=True)
    (tmp_path / "in" / "Page.txt" / "x.txt").write_text(PROSE)
    (tmp_path / "in" / "page.html").write_text(f"<html><body><p>{PROSE}</p></body></html>")
    result = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    got = sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*.txt") if p.is_file())
    assert got == ["Page.txt/x.txt", "page.html.txt"]
