"""Site configs: which file serves a host (exact, without www., wildcards), files that cannot
be read, problems at their line, saved test pages with a port."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from cleaner import ProfileError, clean, load_profiles, siteconfig
from cleaner.check import check

NAMES = ["www.example.com.txt", "example.com.txt", ".example.com.txt"]


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def page(url: str) -> str:
    return f'<html><head><link rel="canonical" href="{url}"></head><body><article><p>Text.</p></article></body></html>'


@pytest.mark.parametrize(
    "files", [list(c) for n in range(1, 4) for c in itertools.combinations(NAMES, n)], ids=lambda f: "+".join(f)
)
@pytest.mark.parametrize("host", ["www.example.com", "example.com", "news.example.com", "a.www.example.com"])
def test_every_combination_of_exact_bare_and_wildcard_names(tmp_path, files, host):
    for name in files:
        write(tmp_path, name, "body: //article\n")
    wanted = {
        "www.example.com": NAMES,  # exact, then without www., then the wildcard
        "example.com": ["example.com.txt"],  # a wildcard serves subdomains only
        "news.example.com": [".example.com.txt"],
        "a.www.example.com": [".example.com.txt"],  # no .www.example.com.txt here
    }[host]
    chosen = next((name for name in wanted if name in files), None)
    found = siteconfig.find([tmp_path], host)
    assert (found.name if found else None) == chosen
    doc = clean(page(f"https://{host}/a"), profiles=load_profiles([tmp_path]))
    assert doc.profiles == ((chosen.removesuffix(".txt"),) if chosen else ())


def test_exact_name_wins_over_a_later_folders_bare_name(tmp_path):
    exact = write(tmp_path / "a", "www.example.com.txt", "body: //article\n")
    write(tmp_path / "b", "example.com.txt", "body: //main\n")
    assert siteconfig.find([tmp_path / "a", tmp_path / "b"], "www.example.com") == exact


@pytest.mark.parametrize(
    ("file", "host"),
    [
        ("xn--bcher-kva.example.txt", "bücher.example"),
        ("bücher.example.txt", "xn--bcher-kva.example"),
        ("bücher.example.txt", "BÜCHER.example"),
        ("example.com.txt", "ｅｘａｍｐｌｅ．ｃｏｍ"),  # full-width letters and dot
        (".xn--bcher-kva.example.txt", "www.bücher.example"),
    ],
)
def test_unicode_and_punycode_host_forms_meet(tmp_path, file, host):
    path = write(tmp_path, file, "body: //article\n")
    assert siteconfig.find([tmp_path], host) == path
    assert siteconfig.is_site_config(path)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: os.symlink("nowhere.txt", p), "cannot read: a dangling symlink (to nowhere.txt)"),
        (lambda p: os.symlink(p.name, p), "cannot read: a symlink loop"),
        (lambda p: p.mkdir(), "not a regular file: a directory"),
        (lambda p: os.mkfifo(p), "not a regular file: a FIFO"),
        (lambda p: os.symlink("/dev/zero", p), "not a regular file: a character device"),
        (lambda p: os.symlink("/dev/urandom", p), "not a regular file: a character device"),
        (lambda p: p.write_bytes(b"# x\n" * 300_000), "larger than 1024 KB; not read"),
    ],
    ids=["dangling", "loop", "directory", "fifo", "zero", "urandom", "huge"],
)
def test_an_unreadable_site_config_fails_its_hosts_pages_and_check_says_why(tmp_path, make, message):
    path = tmp_path / "example.com.txt"
    make(path)
    profiles = load_profiles([tmp_path])
    with pytest.raises(ProfileError) as err:
        clean(page("https://www.example.com/a"), profiles=profiles)
    assert str(err.value) == f"{path}:1:1: {message}"
    assert clean(page("https://example.org/a"), profiles=profiles).profiles == ()  # other hosts go on
    assert [str(p) for p in check([tmp_path])] == [f"{path}:1:1: {message}"]


@pytest.mark.parametrize("name", ["p.toml", "example.com.txt", "notes"])
def test_check_does_not_block_on_a_fifo_or_device_in_the_profiles_folder(tmp_path, name):
    os.mkfifo(tmp_path / name)
    os.symlink("/dev/zero", tmp_path / "z.toml")
    os.symlink("/dev/urandom", tmp_path / "u.toml")
    expected = [f"{tmp_path}/u.toml:1:1: not a regular file: a character device"]
    if name != "notes":
        expected.append(f"{tmp_path}/{name}:1:1: not a regular file: a FIFO")
    expected.append(f"{tmp_path}/z.toml:1:1: not a regular file: a character device")
    assert sorted(str(p) for p in check(dirs=[tmp_path])) == sorted(expected)


def test_check_reports_every_problem_and_unsupported_directive(tmp_path):
    path = write(
        tmp_path,
        "example.com.txt",
        "test_contains: orphan\nfrob: x\nbody: //div[\nno colon\ntest_url: https://example.com/a\n",
    )
    assert [str(p) for p in check([path])] == [
        f"{path}:1:1: test_contains: no test_url before it",
        f"{path}:2:1: frob: not supported by cleaner, so pages of this site are cleaned without it (line 2)",
        f"{path}:3:7: body: bad XPath: Invalid expression",
        f'{path}:4:1: expected "directive: value" (a "#" starts a comment)',
    ]


def test_an_orphan_test_contains_does_not_fail_cleaning(tmp_path):
    path = write(tmp_path, "example.com.txt", "test_contains: orphan\nbody: //article\n")
    doc = clean(page("https://example.com/a"), profiles=load_profiles([tmp_path]))
    assert doc.profiles == ("example.com",)
    assert [str(p) for p in check([path])] == [f"{path}:1:1: test_contains: no test_url before it"]


def test_a_byte_order_mark_is_accepted(tmp_path):
    (tmp_path / "example.com.txt").write_bytes(b"\xef\xbb\xbfbody: //article\n")
    doc = clean(page("https://example.com/a"), profiles=load_profiles([tmp_path]))
    assert doc.profiles == ("example.com",)
    assert check([tmp_path]) == []


def test_a_capitalised_directive_is_named(tmp_path):
    path = write(tmp_path, "example.com.txt", "body: //article\n  Strip: //div\n")
    assert [str(p) for p in check([path])] == [
        f'{path}:2:3: unknown directive "Strip" (directives are lower-case: strip)'
    ]


def test_a_non_utf8_byte_is_reported_at_its_line_and_column(tmp_path):
    path = tmp_path / "example.com.txt"
    path.write_bytes("body: //article\n# é\nstrip: //div[@id='\xff']\n".encode().replace(b"\xc3\xbf", b"\xff"))
    assert [str(p) for p in check([path])] == [f"{path}:3:19: not UTF-8 text (invalid start byte at byte 39)"]


@pytest.mark.parametrize(
    ("url", "folder"),
    [
        ("https://www.example.com:8080/a/b.html", "www.example.com:8080/a/b.html"),
        ("http://example.com:80/", "example.com/index.html"),  # the default port: wget leaves it out
        ("https://example.com:443/x?y=1", "example.com/x?y=1"),
        ("http://example.com:443/x", "example.com:443/x"),
    ],
)
def test_saved_test_pages_keep_the_port_as_wget_does(tmp_path, url, folder):
    assert siteconfig.saved_page(tmp_path, url) == tmp_path / "test_pages" / folder


def test_an_upper_case_site_config_name_is_said_to_be_never_used(tmp_path):
    # pages are matched by their lower-case host: EXAMPLE.org.txt was silently ignored
    from cleaner.check import check

    path = tmp_path / "EXAMPLE.org.txt"
    path.write_text("body: //article\n", encoding="utf-8")
    assert [str(p) for p in check([tmp_path])] == [
        f"{path}:1:1: never used: site configs are found by lower-case host; name it example.org.txt"
    ]


def test_a_sample_named_like_a_host_is_not_linted_as_a_site_config(tmp_path):
    from cleaner.check import check

    (tmp_path / "example-news.com-1.txt").write_text(
        "Subscribe to Example News\n\nThe harbour reopened on Monday after three days of storms.\n", encoding="utf-8"
    )
    (tmp_path / "example-news.toml").write_text(
        '[profile]\nname = "example-news"\nhosts = ["example-news.com"]\nsamples = ["example-news.com-1.txt"]\n\n'
        '[[rules]]\nkind = "drop_line"\ntext = ["Subscribe to Example News"]\nwhy = "newsletter"\n',
        encoding="utf-8",
    )
    assert check([tmp_path]) == []
