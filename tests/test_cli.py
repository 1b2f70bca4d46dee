"""The command line through click's CliRunner: outputs, exit codes, exact error text."""

from __future__ import annotations

import codecs
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import __version__
from cleaner.batch import RUN_FILE
from cleaner.cli import main
from tests.conftest import GOLD, SEEDS

SEED = SEEDS[0]
GOLD_TEXT = (GOLD / SEED.name).read_text(encoding="utf-8")


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


@pytest.fixture
def scrapes(tmp_path: Path) -> Path:
    """A directory of scrapes: two seeds, one in a subfolder, an empty file and a binary."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    shutil.copy(SEEDS[0], root)
    shutil.copy(SEEDS[1], root / "sub")
    (root / "empty.txt").write_bytes(b"")
    (root / "sub" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    return root


def digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_one_file_to_stdout():
    result = run("clean", str(SEED))
    assert (result.exit_code, result.stdout) == (0, GOLD_TEXT)


def test_an_output_name_an_input_folder_takes_is_numbered(tmp_path: Path):
    """Attacker trial of stop 33: a file "page" beside a folder "page.txt" (mirrored as
    out/page.txt/) failed naming "out/page.txt and out/page.txt": its two names are one.
    Attacker trial of stop 34: a name taken both ways gets a number (page.2.txt)."""
    src = tmp_path / "in"
    (src / "page.txt").mkdir(parents=True)
    shutil.copy(SEEDS[0], src / "page")
    shutil.copy(SEEDS[1], src / "page.txt" / "inner.txt")
    out = tmp_path / "out"
    result = run("clean", str(src), "-o", str(out))
    assert result.exit_code == 0
    assert (out / "page.2.txt").read_text(encoding="utf-8") == (GOLD / SEEDS[0].name).read_text(encoding="utf-8")
    assert (out / "page.txt" / "inner.txt").read_text(encoding="utf-8") == (GOLD / SEEDS[1].name).read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("command", ["clean", "explain"])
def test_output_dash_is_stdout(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """-o - writes to standard output, as - reads standard input: no file named "-"."""
    monkeypatch.chdir(tmp_path)
    result = run(command, str(SEED), "-o", "-")
    assert (result.exit_code, result.stdout) == (0, run(command, str(SEED)).stdout)
    assert GOLD_TEXT.splitlines()[0] in result.stdout
    assert list(tmp_path.iterdir()) == []


def test_stdin_to_stdout():
    result = run("clean", "-", stdin=b"Getting your Trinity Audio player ready...\nHello world.\n")
    assert (result.exit_code, result.stdout) == (0, "Hello world.\n")


def test_directory_mirrors_the_tree_and_reports_the_bad_file(scrapes: Path, tmp_path: Path):
    before = digest(scrapes)
    out = tmp_path / "out"
    result = run("clean", str(scrapes), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == (
        f"cleaner: {scrapes / 'empty.txt'}: the input is empty (or only blank lines): the output is empty too\n"
        f"cleaner: {scrapes / 'sub' / 'image.png'}: binary file (contains NUL bytes), not text\n"
        f"cleaner: 3 cleaned, 1 failed into {out}\n"
    )
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and p.name != RUN_FILE) == [
        SEEDS[0].name,
        "empty.txt",
        f"sub/{SEEDS[1].name}",
    ]
    assert (out / SEEDS[0].name).read_text(encoding="utf-8") == GOLD_TEXT
    assert (out / "sub" / SEEDS[1].name).read_text(encoding="utf-8") == (GOLD / SEEDS[1].name).read_text(
        encoding="utf-8"
    )
    assert (out / "empty.txt").read_text() == ""
    assert digest(scrapes) == before, "inputs are never modified"


def test_json_records_carry_metadata_and_removals(tmp_path: Path):
    out = tmp_path / "out"
    result = run("clean", str(SEEDS[2]), str(SEEDS[3]), "-o", str(out), "--format", "json")
    assert result.exit_code == 0
    record = json.loads((out / f"{SEEDS[2].stem}.json").read_text(encoding="utf-8"))
    assert list(record) == [
        "text", "title", "author", "date", "sitename", "url", "categories", "tags",
        "reading_time", "profile", "source", "decoded", "unicode_fixes", "removed",
    ]  # fmt: skip
    assert record["source"] == str(SEEDS[2])
    assert (record["decoded"], record["unicode_fixes"]) == ("utf-8", [])
    assert record["profile"] == ["coinspeaker"]
    assert record["removed"][0] == {
        "lines": [1, 1],
        "rule": "metadata:title",
        "kind": "metadata",
        "why": "the headline is metadata (title), not body",
    }
    assert {
        "lines": [26, 26],
        "rule": "coinspeaker#related",
        "kind": "cut_after",
        "why": "related-articles rail and footer",
    } in record["removed"]


def test_json_records_say_how_bytes_were_decoded_and_repaired():
    text = "The cafÃ© said &amp; then left the harbour at noon.\n"
    result = run("clean", "-", "--format", "json", stdin=codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    record = json.loads(result.stdout)
    assert record["text"] == "The café said & then left the harbour at noon.\n"
    assert record["decoded"] == "utf-16-le (BOM)"
    assert record["unicode_fixes"] == ["unescape_html", "encode:latin-1", "decode:utf-8"]


def test_jsonl_to_stdout_one_record_per_input_in_order():
    result = run("clean", *map(str, SEEDS), "--format", "jsonl")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [str(s) for s in SEEDS]
    assert [r["text"] for r in records] == [(GOLD / s.name).read_text(encoding="utf-8") for s in SEEDS]


def test_jsonl_to_a_file_includes_failures_only_on_stderr(scrapes: Path, tmp_path: Path):
    out = tmp_path / "all.jsonl"
    result = run("clean", str(scrapes), "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    assert "image.png: binary file" in result.stderr


def test_empty_file_gives_empty_output(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("clean", str(empty))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"cleaner: {empty}: the input is empty (or only blank lines): the output is empty too\n"


def test_empty_stdin_gives_empty_output_and_says_so():
    result = run("clean", "-", stdin=b"")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "cleaner: -: the input is empty (or only blank lines): the output is empty too\n"


def test_missing_path_is_a_usage_error():
    result = run("clean", "nope.txt")
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: Invalid value for 'INPUT...': Path 'nope.txt' does not exist.\n")


def test_directory_without_output_is_a_usage_error(scrapes: Path):
    result = run("clean", str(scrapes))
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: several inputs or a directory need -o DIR (or --format jsonl or csv)\n")


def test_output_inside_input_directory_is_refused(scrapes: Path):
    result = run("clean", str(scrapes), "-o", str(scrapes / "out"))
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"Error: output directory {scrapes / 'out'} is inside input directory {scrapes}; choose another -o\n"
    )
    assert not (scrapes / "out").exists()


@pytest.mark.parametrize("name", ["", "new/"])
def test_jsonl_output_must_be_a_file(tmp_path: Path, name: str):
    """Attacker trial of stop 35: `-o new/` (a name that says directory) made a file "new"."""
    out = f"{tmp_path}/{name}" if name else str(tmp_path)
    result = run("clean", str(SEED), "--format", "jsonl", "-o", out)
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Error: with --format jsonl, -o names the output file; {out} names a directory\n")
    assert not (tmp_path / "new").exists()


def test_several_inputs_into_a_file_say_a_directory_is_needed(tmp_path: Path):
    """Attacker trial of stop 35: "cannot write into plain: File exists"."""
    (tmp_path / "plain").write_text("")
    result = run("clean", str(SEED), str(SEEDS[1]), "-o", str(tmp_path / "plain"))
    assert result.exit_code == 2
    assert f"several inputs or a directory need -o DIR, and {tmp_path / 'plain'} is a file" in result.stderr
    assert (tmp_path / "plain").read_text() == ""


def test_output_onto_its_own_input_is_refused(tmp_path: Path):
    page = tmp_path / "page.txt"
    page.write_bytes(SEED.read_bytes())
    result = run("clean", str(page), "-o", str(page))
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Error: output {page} is the input {page}; it would be overwritten\n")
    assert page.read_bytes() == SEED.read_bytes()


def test_output_dir_onto_an_input_file_is_refused(tmp_path: Path):
    page = tmp_path / "page.txt"
    page.write_bytes(SEED.read_bytes())
    other = tmp_path / "other.txt"
    other.write_bytes(SEEDS[1].read_bytes())
    result = run("clean", str(page), str(other), "-o", str(tmp_path))
    assert result.exit_code == 1
    assert f"cleaner: {page}: its output {page} is the input {page}; not overwritten\n" in result.stderr
    assert page.read_bytes() == SEED.read_bytes()


def test_unknown_profile_suggests_a_name():
    result = run("clean", str(SEED), "--profile", "coingek")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        'Error: Invalid value for \'--profile\': unknown profile "coingek"; did you mean "coingeek"?\n'
    )


def test_bad_profile_stops_before_any_input(tmp_path: Path, scrapes: Path):
    bad = tmp_path / "profiles"
    bad.mkdir()
    (bad / "mine.toml").write_text('[profile]\nname = "mine"\n\n[[rules]]\nkind = "cut_afer"\ntext = "x"\nwhy = "y"\n')
    out = tmp_path / "out"
    result = run("clean", str(scrapes), "-o", str(out), "--profiles-dir", str(bad))
    assert result.exit_code == 3
    assert result.stderr == (
        f'{bad / "mine.toml"}:5:8: rules[1]: unknown rule kind "cut_afer"; did you mean "cut_after"?\n'
        "Error: 1 problem in profiles; no input was processed.\n"
    )
    assert not out.exists()


def test_a_new_profile_is_a_toml_file_in_a_profiles_dir(tmp_path: Path):
    (tmp_path / "mysite.toml").write_text(
        '[profile]\nname = "mysite"\ndescription = "My site"\nsitename = "My Site"\n'
        "fingerprints = ['^Subscribe to My Site$']\n\n"
        '[[rules]]\nkind = "drop_line"\ntext = "Subscribe to My Site"\nwhy = "newsletter call to action"\n'
    )
    page = b"A first paragraph of the article, long enough to be prose.\n\nSubscribe to My Site\n\nThe end.\n"
    result = run("clean", "-", "--format", "json", "--profiles-dir", str(tmp_path), stdin=page)
    record = json.loads(result.stdout)
    assert record["text"] == "A first paragraph of the article, long enough to be prose.\n\nThe end.\n"
    assert (record["profile"], record["sitename"]) == (["mysite"], "My Site")
    assert record["removed"] == [
        {"lines": [3, 3], "rule": "mysite#1", "kind": "drop_line", "why": "newsletter call to action"}
    ]


def test_profile_none_and_named_profile():
    none = run("clean", str(SEED), "--profile", "none", "--no-heuristics")
    assert "Getting your Trinity Audio player ready" in none.stdout
    named = run("clean", "-", "--profile", "wix", stdin=b"top of page\nSome text here.\n")
    assert named.stdout == "Some text here.\n"


def test_fast_html_in_clean_and_explain(tmp_path: Path, monkeypatch):
    # --fast reaches the html stage through the workers' settings, and explain's options
    from cleaner.stages import html

    seen = []
    real = html.extract
    monkeypatch.setattr(html, "extract", lambda *a, **k: seen.append(a[-1]) or real(*a, **k))
    page = Path(__file__).parent / "html" / "000_0653ba34dd586963.html"
    fast = run("clean", str(page), "--fast", "-j", "1")
    assert fast.stdout == run("clean", str(page), "-j", "1").stdout  # a page where the fallbacks change nothing
    assert "html: main text by trafilatura" in run("explain", str(page), "--fast").stdout
    assert seen == [True, False, True]


def test_url_selects_a_profile_by_host():
    page = b"Headline\n\nGetting your Trinity Audio player ready...\n\nBody text.\n"
    result = run("clean", "-", "--format", "json", "--url", "https://www.coingeek.com/news/x/", stdin=page)
    record = json.loads(result.stdout)
    assert (record["profile"], record["url"], record["title"]) == (
        ["coingeek", "trinity-audio"],
        "https://www.coingeek.com/news/x/",
        "Headline",
    )


def test_profiles_lists_what_each_detects_by():
    result = run("profiles")
    assert result.exit_code == 0
    assert "coinspeaker (site): Coinspeaker news articles" in result.stdout
    assert "  host: coinspeaker.com" in result.stdout
    assert "  fingerprint: ^Getting your Trinity Audio player ready" in result.stdout


def test_profiles_lists_each_site_profiles_generic_setting(tmp_path: Path):
    (tmp_path / "full-site.toml").write_text(
        '[profile]\nname = "full-site"\nhosts = ["full.example"]\ngeneric = "full"\n', encoding="utf-8"
    )
    (tmp_path / "plain-site.toml").write_text(
        '[profile]\nname = "plain-site"\nhosts = ["plain.example"]\n', encoding="utf-8"
    )
    result = run("profiles", "--profiles-dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    full = lines.index(f"full-site (site): -  [{tmp_path / 'full-site.toml'}]")
    assert lines[full + 1 : full + 4] == ["  host: full.example", "  generic: full", "  rules: 0"]
    plain = lines.index(f"plain-site (site): -  [{tmp_path / 'plain-site.toml'}]")
    assert lines[plain + 1 : plain + 4] == ["  host: plain.example", "  generic: metadata", "  rules: 0"]
    assert "  generic: metadata\n  rules: 4\n" in result.stdout  # coinspeaker, built in
    platform = lines.index(next(line for line in lines if line.startswith("trinity-audio (platform)")))
    assert lines[platform + 1 : platform + 3] == [
        "  fingerprint: ^Getting your Trinity Audio player ready",
        "  rules: 1",
    ]


@pytest.mark.parametrize("command", [[], ["clean"], ["explain"], ["check"], ["new"], ["learn"], ["profiles"]])
def test_every_command_has_help_with_examples(command: list[str]):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout


def test_version():
    assert run("--version").stdout == f"cleaner, version {__version__}\n"


def test_a_real_pipe_gives_the_gold():
    script = Path(sys.executable).with_name("cleaner")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "cleaner"]
    cat = subprocess.Popen(["cat", str(SEED)], stdout=subprocess.PIPE)
    result = subprocess.run([*command, "clean", "-"], stdin=cat.stdout, capture_output=True, timeout=60)
    cat.wait()
    assert (result.returncode, result.stdout.decode("utf-8"), result.stderr) == (0, GOLD_TEXT, b"")


def test_profiles_dir_help_names_site_configs_too():
    for command in ("clean", "explain", "new", "check"):
        help_text = " ".join(run(command, "--help").stdout.split())
        assert (
            "*.toml profiles in DIR, and the FiveFilters site configs (example.com.txt, .example.com.txt)" in help_text
        )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["--help"], ["--version"], ["clean", "--help"], ["learn", "--help"]])
def test_what_click_writes_to_a_full_stdout_is_one_message(args):
    """Attacker trial: `cleaner --help > /dev/full` was an OSError traceback."""
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "cleaner", *args], stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 1
    assert done.stderr == "cleaner: standard output: No space left on device\n"


@pytest.mark.parametrize(
    "args",
    [
        ["clean", str(SEED)],
        ["clean", str(SEED), "-o", "-", "--format", "jsonl"],
        ["explain", str(SEED)],
        ["profiles"],
        ["new", "demo", "--sample", str(SEED)],
        ["learn", str(SEED), str(SEEDS[1]), "--name", "demo"],
        ["--help"],
    ],
)
def test_no_stdout_at_all_is_one_message_and_status_1(args):
    """Attacker trial of stop 33: started with standard output closed (`>&-`), clean gave a
    traceback and explain, profiles, new and learn exited 0 with their output lost."""
    done = subprocess.run(
        ["sh", "-c", 'exec "$0" -m cleaner "$@" >&-', sys.executable, *args], stderr=subprocess.PIPE, text=True
    )
    assert done.returncode == 1
    assert done.stderr.endswith("cleaner: standard output: Bad file descriptor\n")
    assert "Traceback" not in done.stderr


def test_no_stderr_at_all_the_run_goes_on(tmp_path):
    """Attacker trial of stop 35: started with standard error closed (`2>&-`), clean wrote
    nothing and exited 1 without a word (the progress check met a missing stderr)."""
    out = tmp_path / "out"
    outputs = []
    for args in (["clean", str(SEED)], ["clean", str(SEED), str(SEEDS[1]), "-o", str(out)]):
        done = subprocess.run(
            ["sh", "-c", 'exec "$0" -m cleaner "$@" 2>&-', sys.executable, *args], stdout=subprocess.PIPE, text=True
        )
        assert done.returncode == 0
        outputs.append(done.stdout)
    assert outputs == [GOLD_TEXT, ""]
    assert len(list(out.glob("*.txt"))) == 2


@pytest.mark.parametrize("command", ["clean", "explain"])
def test_no_stdin_at_all_fails_that_input_by_name(tmp_path, command):
    """Attacker trial of stop 35: `cleaner clean - <&-` was a traceback; the other inputs of
    the run are written."""
    args = [command, "-"] if command == "explain" else [command, "-", str(SEED), "-o", str(tmp_path / "out")]
    done = subprocess.run(
        ["sh", "-c", 'exec "$0" -m cleaner "$@" <&-', sys.executable, *args], capture_output=True, text=True
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "Bad file descriptor" in done.stderr and "cleaner: -:" in done.stderr
    if command == "clean":
        assert [p.name for p in (tmp_path / "out").glob("*.txt")] == [SEED.stem + ".txt"]


def test_an_output_a_command_cannot_write_is_named_without_a_traceback(tmp_path):
    """Attacker trial: learn -o where no file can go was an OSError traceback."""
    import subprocess
    import sys

    (tmp_path / "afile").write_text("")
    samples = []
    for k in range(3):
        samples.append(tmp_path / f"s{k}.txt")
        samples[-1].write_text(f"Site\nMenu\n\nHeadline {k} here\nBy Ann Lee\n\nBody {k} is about the harbour.\n")
    out = tmp_path / "afile" / "z.toml"
    command = [sys.executable, "-m", "cleaner", "learn", *map(str, samples), "--name", "z", "-o", str(out)]
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"cleaner: {tmp_path / 'afile'}: " in done.stderr


def test_a_compressed_name_for_the_errors_file_is_refused(tmp_path: Path):
    """Attacker trial of stop 35: `--errors e.jsonl.gz` was written uncompressed under that name."""
    result = run("clean", str(SEED), "-o", str(tmp_path / "out"), "--errors", str(tmp_path / "e.jsonl.gz"))
    assert result.exit_code == 2 and "name it without .gz" in result.stderr
    assert not (tmp_path / "e.jsonl.gz").exists() and not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "args", [["-o", "{a}", "--format", "jsonl"], ["-o", "{a}"], ["-o", "{out}", "--errors", "{a}"]]
)
def test_a_path_that_is_a_symlink_loop_is_a_usage_error(tmp_path: Path, args: list[str]):
    """Second attacker round of stop 35: `-o` or `--errors` a symlink loop (a -> b -> a) was a
    RuntimeError traceback."""
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    names = {"a": str(tmp_path / "a"), "out": str(tmp_path / "out")}
    result = run("clean", str(SEED), str(SEEDS[1]), *(arg.format(**names) for arg in args))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"symlink loop ('{tmp_path / 'a'}')" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_jsonl_records_on_stdin_fail_by_name_not_cleaned_as_one_scrape(fmt: str):
    """New-user trial of stop 36: `cat recs.jsonl | cleaner clean - --format jsonl` cleaned
    the records as one text scrape (the first taken for a header, the others output as JSON
    text), exit 0. Standard input is one scrape: records there fail, saying what to do."""
    records = b'\xef\xbb\xbf{"id": 1, "text": "Hello world."}\n{"id": 2, "text": "Another page."}\n'
    result = run("clean", "-", "--format", fmt, stdin=records)
    assert result.exit_code == 1
    assert "-: standard input holds JSONL records" in result.stderr
    assert "Another page" not in result.stdout
    # a scrape that only starts with a brace, or with JSON that holds no text field, is a scrape
    for scrape in (b'{"note": "x"}\nHello world.\n', b"{draft}\nHello world.\n"):
        assert run("clean", "-", stdin=scrape).exit_code == 0


@pytest.mark.parametrize(
    ("stdin", "refused"),
    [
        pytest.param(b'{"format": "v1"}\n{"id": 1, "text": "Hello."}\n{"id": 2, "text": "Bye."}\n', True, id="header"),
        pytest.param('{"id": 1, "text": "Hello."}\n{"id": 2, "text": "Bye."}\n'.encode("utf-16"), True, id="utf-16"),
        pytest.param(b'{"id": 1, "text": null}\n', True, id="text-null"),
        pytest.param(
            b'{"id": 1, "text": "Hel\n{"id": 2, "text": "Bye."}\n{"id": 3, "text": "Again."}\n', True, id="cut"
        ),
        pytest.param(
            b'{"@type": "DiscussionForumPosting", "text": "A post"}\nThe forum post goes on in prose.\nMore of it.\n',
            False,
            id="json-ld-then-prose",
        ),
        # attacker trial 3: records bigger than a megabyte slipped through; a forum page with
        # two JSON-LD blocks on lines of their own was refused
        pytest.param(
            b"".join(b'{"id": %d, "html": "<p>%s</p>"}\n' % (n, b"x " * 300_000) for n in range(3)), True, id="big"
        ),
        pytest.param(
            b'<!DOCTYPE html>\n<html><head>\n{"@context": "https://schema.org", "@type": "Comment", "text": "a"}\n'
            b'{"@context": "https://schema.org", "@type": "Comment", "text": "b"}\n</head>'
            b"<body><p>The forum post goes on in prose here.</p></body></html>\n",
            False,
            id="html-with-json-ld",
        ),
    ],
)
def test_what_stdin_holds_records_or_a_page(stdin: bytes, refused: bool):
    """Attacker trial 2 of stop 36: records slipped through as one scrape (UTF-16, a header
    object first, "text": null, a record cut short), and a page whose first line is JSON-LD
    with a "text" was refused."""
    result = run("clean", "-", stdin=stdin)
    assert (result.exit_code, "holds JSONL records" in result.stderr) == ((1, True) if refused else (0, False))


def test_a_run_stopped_part_way_with_workers_exits_at_once(monkeypatch):
    """Attacker trial of stop 47: stdout on a full disk with -j 2 printed the error, then
    "Exception ignored ... OSError: [Errno 9] Bad file descriptor" from concurrent.futures'
    exit handler, racing the stopped pool's shutdown (a race: about one run in several). The
    program exits at once, as for Ctrl-C."""
    import cleaner.cli as cli
    import cleaner.pool  # noqa: F401  # a run with workers imported it

    def stopped():
        raise cli.Stopped(cli.EXIT_FAILED)

    exits = []

    def exit_now(code):
        exits.append(code)
        raise SystemExit(code)

    monkeypatch.setattr(cli, "main", stopped)
    monkeypatch.setattr(cli, "_exit_now", exit_now)
    with pytest.raises(SystemExit):
        cli.program()
    assert exits == [cli.EXIT_FAILED]


def test_an_empty_output_path_is_a_usage_error(tmp_path: Path):
    """Attacker trial of stop 47: -o '' gave an AssertionError's traceback, exit 1."""
    page = tmp_path / "a.txt"
    page.write_text("A short note.\n")
    result = run("clean", str(page), "-o", "")
    assert result.exit_code == 2 and "empty path" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("all.jsonl", "jsonl"), ("all.ndjson", "jsonl"), ("all.csv", "csv"), ("all.jsonl.gz", "jsonl")],
)
def test_an_output_name_chooses_the_format_when_none_is_given(tmp_path: Path, name: str, fmt: str):
    """New-user trial of stop 47: `-o out.jsonl` without --format made a folder out.jsonl of .txt
    files, exit 0. The name chooses; an explicit --format still wins."""
    import gzip

    out = tmp_path / name
    result = run("clean", str(SEEDS[0].parent), "-o", str(out), "-q")
    assert result.exit_code == 0, result.stderr
    data = gzip.decompress(out.read_bytes()) if name.endswith(".gz") else out.read_bytes()
    rows = data.decode().splitlines()
    if fmt == "jsonl":
        assert len(rows) == len(SEEDS) and all(json.loads(row)["text"] for row in rows)
    else:
        assert rows[0] == "source,url,title,author,date,sitename,categories,text"
    one = tmp_path / "one.json"
    assert run("clean", str(SEEDS[0]), "-o", str(one)).exit_code == 0
    assert json.loads(one.read_text())["text"]
    explicit = run("clean", str(SEEDS[0].parent), "-o", str(tmp_path / "dir.jsonl"), "--format", "text", "-q")
    assert explicit.exit_code == 0 and (tmp_path / "dir.jsonl").is_dir()


def test_an_empty_folder_says_there_was_nothing_to_clean(tmp_path: Path):
    """Attacker trial of stop 51: an empty input folder printed nothing, exit 0."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / ".hidden.txt").write_text("The council met on Tuesday about the harbour.\n")
    result = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert result.stderr == "cleaner: nothing to clean: no input files or records found (hidden ones are skipped)\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_run_an_output_error_stops_says_how_far_it_got(tmp_path: Path):
    """Attacker trial of stop 53: a full disk under the run's outputs stopped it with the error
    alone; an interrupted run gives its counts, and so does a stopped one."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("A first short article about the harbour.\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"\x00\x01\x02 not text")
    result = CliRunner().invoke(
        main, ["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--errors", "/dev/full", "-j", "1"]
    )
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    # the failure its errors file could not take is not counted: --resume tries that file again
    assert "cleaner: stopped after 1 cleaned, 0 failed" in result.stderr


def test_a_jsonl_output_that_cannot_be_opened_leaves_no_lock_file(tmp_path, monkeypatch):
    """Attacker trial of stop 58: a JSONL -o on a disk already full failed (exit 2) and left
    its .all.jsonl.lock behind."""
    import errno

    import cleaner.batch

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cleaner.batch, "SharedOutput", full)
    (tmp_path / "in.txt").write_text("A line of an article that is long enough to stay.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = run("clean", str(tmp_path / "in.txt"), "--format", "jsonl", "-o", str(out / "all.jsonl"))
    assert result.exit_code == 2 and "No space left on device" in result.output
    assert sorted(p.name for p in out.iterdir()) == []
