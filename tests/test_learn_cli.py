"""`cleaner learn` end to end: scrapes in, a profile out that check accepts and that
cleans an unseen scrape of the same site exactly."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from tests.learn.corpora import TEMPLATES, corpus


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_learn_check_explain_clean(tmp_path: Path, template: str):
    pages = corpus(template, seed=1, n=4)
    scrapes = tmp_path / "scrapes"
    scrapes.mkdir()
    for i, page in enumerate(pages[:3]):
        (scrapes / f"page{i}.txt").write_text(page.text, encoding="utf-8")
    unseen = tmp_path / "unseen.txt"
    unseen.write_text(pages[3].text, encoding="utf-8")
    profile = tmp_path / "profiles" / f"{template}.toml"
    run = CliRunner().invoke

    learned = run(main, ["learn", str(scrapes), "-o", str(profile)])
    assert learned.exit_code == 0, learned.output
    estimate, wrote = learned.stderr.splitlines()
    score = r"P \d\.\d\d R \d\.\d\d F1 \d\.\d\d"
    assert re.fullmatch(
        rf'leave-one-out over 3 scrapes: generic = "page": {score}; generic = "full": {score}; '
        rf'generic = "metadata": {score}; '
        r"wrote generic = '(page|full|metadata)'",
        estimate,
    )
    assert wrote == f"wrote {profile} from 3 scrapes; next: cleaner check {profile}"

    checked = run(main, ["check", str(profile)])
    assert (checked.exit_code, checked.stdout) == (0, "")

    explained = run(main, ["explain", str(unseen), "--profiles-dir", str(profile.parent), "--no-heuristics"])
    assert f"profile {template}: fingerprint" in explained.stdout

    cleaned = run(
        main, ["clean", str(unseen), "--profiles-dir", str(profile.parent), "--no-heuristics", "--format", "json"]
    )
    record = json.loads(cleaned.stdout)
    assert record["text"] == pages[3].body
    assert record["author"] == pages[3].meta.get("author")


def test_learn_needs_two_scrapes_and_a_name(tmp_path: Path):
    one = tmp_path / "one.txt"
    one.write_text("Only one scrape\n")
    result = CliRunner().invoke(main, ["learn", str(one), "--name", "x"])
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2,
        "Error: learn needs at least two readable scrapes, got 1",
    )
    result = CliRunner().invoke(main, ["learn", str(one)])
    assert (
        result.stderr.splitlines()[-1]
        == "Error: give the profile a --name of lower-case letters, digits and dashes (or an -o file named so)"
    )


def test_corpus_mode_writes_a_platform_profile(tmp_path: Path):
    pages = [p for t in sorted(TEMPLATES) for p in corpus(t, seed=2, n=3)]
    for i, page in enumerate(pages):
        (tmp_path / f"{i}.txt").write_text(page.text + "\nShare this article\nCookie settings\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["learn", str(tmp_path), "--corpus", "--name", "crawl", "--min-docs", "5"])
    assert result.exit_code == 0, result.output
    assert 'kind = "platform"' in result.stdout or "kind = 'platform'" in result.stdout
    assert "Share this article" in result.stdout and "Cookie settings" in result.stdout


HARBOUR_HTML = """<!DOCTYPE html><html><head><title>{title} | The Harbour Ledger</title>
<link rel="canonical" href="https://www.harbourledger.example/news/{n}"></head>
<body><header><p>The Harbour Ledger</p><nav>Home | Local News | Business | Culture</nav></header>
<main><article><h1>{title}</h1><p>By {author}, Staff Writer</p>
{paragraphs}
</article><aside><h3>Related posts</h3><ul><li>Another story from the quay</li></ul></aside></main>
<footer><p>© 2024 The Harbour Ledger</p></footer></body></html>"""


def test_learn_takes_hosts_from_the_pages_urls(tmp_path: Path):
    # as `new` does: the canonical link of HTML scrapes names the site's host (trial: none written)
    for k, page in enumerate(corpus("daily-ledger", seed=3, n=3)):
        paragraphs = "".join(f"<p>{line}</p>" for line in page.body.split("\n") if line)
        author = page.meta.get("author") or "Jane Roe"
        html = HARBOUR_HTML.format(title=page.meta["title"], n=k, author=author, paragraphs=paragraphs)
        (tmp_path / f"p{k}.html").write_text(html, encoding="utf-8")
    out = tmp_path / "profiles" / "harbour.toml"
    result = CliRunner().invoke(main, ["learn", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert tomllib.loads(out.read_text(encoding="utf-8"))["profile"]["hosts"] == ["harbourledger.example"]
    assert "warning" not in result.stderr


def test_learn_says_when_its_draft_can_never_match(tmp_path: Path):
    # scrapes of three different sites: no host, no line in all of them
    scrapes = tmp_path / "scrapes"
    scrapes.mkdir()
    for template in ("daily-ledger", "green-thumb", "chain-wire"):
        (scrapes / f"{template}.txt").write_text(corpus(template, seed=1, n=1)[0].text, encoding="utf-8")
    out = tmp_path / "mp" / "mixed.toml"
    result = CliRunner().invoke(main, ["learn", str(scrapes), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert tomllib.loads(out.read_text(encoding="utf-8"))["profile"].get("fingerprints") == []
    assert "cleaner: warning: the draft has no hosts and no fingerprints" in result.stderr
    checked = CliRunner().invoke(main, ["check", str(out)])
    assert checked.exit_code == 1
    assert "profile: no hosts and no fingerprints, so no page is ever matched to it" in checked.stdout


def _three_scrapes(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for k, page in enumerate(corpus("daily-ledger", seed=4, n=3)):
        (folder / f"s{k}.txt").write_text(page.text, encoding="utf-8")
    return [str(folder / f"s{k}.txt") for k in range(3)]


def test_learn_to_stdout_says_its_samples_are_relative_to_the_current_folder(tmp_path: Path, monkeypatch):
    # trial: `cleaner learn a b c --name x > redir/x.toml` wrote samples relative to the
    # current folder, and check said they do not exist
    monkeypatch.chdir(tmp_path)
    _three_scrapes(tmp_path / "scrapes")
    result = CliRunner().invoke(main, ["learn", "scrapes", "--name", "x"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "# The samples below are named relative to the folder cleaner learn ran in: save this file\n"
        "# there (`> x.toml`), or fix them, or run learn with -o FILE to name them from FILE's folder.\n"
    )
    assert tomllib.loads(result.stdout)["profile"]["samples"] == ["scrapes/s0.txt", "scrapes/s1.txt", "scrapes/s2.txt"]
    assert "relative to the current folder" in result.stderr
    Path("x.toml").write_text(result.stdout, encoding="utf-8")
    assert CliRunner().invoke(main, ["check", "x.toml"]).exit_code == 0


def test_learn_says_when_check_will_not_read_its_samples(tmp_path: Path, monkeypatch):
    # trial: with -o np/newdir/z.toml the samples ../../s0.txt are outside np/, the folder
    # check reads a user's samples from; learn says so, and where to put the draft
    monkeypatch.chdir(tmp_path)
    _three_scrapes(tmp_path)
    out = Path("np", "newdir", "z.toml")
    result = CliRunner().invoke(main, ["learn", "s0.txt", "s1.txt", "s2.txt", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (
        "cleaner: warning: the samples (../../s0.txt, ...) are outside np, and `cleaner check np/newdir/z.toml`"
        " reads a profile's samples only from the folder above its own: it will report them; write the"
        " draft as -o np/z.toml, or move the scrapes under np/"
    ) in result.stderr.replace("\n", " ")
    assert "is outside" in CliRunner().invoke(main, ["check", str(out)]).stdout
    # a profiles folder beside the scrapes: no warning
    fine = CliRunner().invoke(main, ["learn", "s0.txt", "s1.txt", "s2.txt", "-o", "profiles/z.toml"])
    assert "warning" not in fine.stderr
    assert CliRunner().invoke(main, ["check", "profiles/z.toml"]).exit_code == 0
    # a draft written outside the working folder: its folder named as it is, not "../../../tmp"
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere" / "drafts" / "z.toml"
    far = CliRunner().invoke(main, ["learn", "s0.txt", "s1.txt", "s2.txt", "-o", str(elsewhere)])
    assert f"are outside {elsewhere.parent.parent}, and" in far.stderr.replace("\n", " ")


ZH_BODIES = [
    "中央银行今年第三次上调利率，理由是服务业通胀持续居高不下。经济学家此前已预计到这一举措。",
    "一场强烈风暴昨夜袭击北部海岸，数千户家庭停电。抢险人员连夜清理道路上倒下的树木。",
    "本地球队周六晚在点球大战中夺得冠军。球迷们涌入球场庆祝几十年来的首个冠军。",
    "新大桥周一在经过四年施工后正式通车。通勤者表示，这座桥使他们的行程缩短了近二十分钟。",
]


def zh_page(k: int) -> str:
    head = [
        "订阅新闻通讯",
        "首页 | 国际 | 体育",
        "",
        f"标题{k}号 | 示例新闻网",
        "",
        f"作者：张伟 | 2024年3月{k + 1}日",
        "",
    ]
    return "\n".join([*head, ZH_BODIES[k], "", "分享这篇文章", "更多新闻", "版权所有 2024 示例新闻网"]) + "\n"


def test_learn_on_one_paragraph_chinese_articles_keeps_the_body(tmp_path: Path):
    """Attacker trial: a one-paragraph Chinese article read as the headline (no sentence end
    in 。, one "word" without spaces): the draft put the body into title, the text empty."""
    import cleaner

    paths = []
    for k in range(4):
        paths.append(tmp_path / f"zh{k}.txt")
        paths[-1].write_text(zh_page(k), encoding="utf-8")
    out = tmp_path / "p" / "zh.toml"
    result = CliRunner().invoke(main, ["learn", *map(str, paths[:3]), "--name", "zh", "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = cleaner.clean(paths[3].read_bytes(), profiles=cleaner.load_profiles([out.parent]), profile="zh")
    assert doc.text == ZH_BODIES[3] + "\n"
    assert doc.metadata.title != ZH_BODIES[3]


def test_learn_skips_identical_scrapes_by_name(tmp_path: Path):
    pages = [tmp_path / f"{name}.txt" for name in "abc"]
    for page in pages:
        page.write_text(zh_page(0), encoding="utf-8")
    result = CliRunner().invoke(main, ["learn", *map(str, pages), "--name", "x"])
    assert result.exit_code == 2
    assert f"cleaner: {pages[1]}: the same article as {pages[0]}" in result.stderr
    assert "learn needs at least two readable scrapes, got 1" in result.stderr


def test_learn_skips_a_copy_of_a_short_article(tmp_path: Path):
    """Attacker trial of stop 54: a copy of a scrape whose article has three short paragraphs
    (too few long lines to compare) was learned as a second page of the site, exit 0."""
    page = (
        "Subscribe to Example News\nHome | Business | World | Sport\n{title}\nBy Jane Roe | 3 min read\n\n"
        "{body}\n\nShare this article\nMore from Example News\n© 2024 Example News\n"
    )
    bodies = [
        ("Rates Rise Again", "The central bank raised rates for the third time this year.\n\nBrokers said so."),
        ("Port Strike Ends", "Dock workers voted to end the strike after nine days of talks.\n\nShips queued."),
    ]
    paths = []
    for n, (title, body) in enumerate([bodies[0], bodies[0], bodies[1]]):
        paths.append(tmp_path / f"s{n}.txt")
        text = page.format(title=title, body=body)
        # the copy with Windows line ends (second attacker trial of stop 54)
        paths[-1].write_bytes((text.replace("\n", "\r\n") if n == 1 else text).encode())
    out = tmp_path / "p" / "x.toml"
    result = CliRunner().invoke(main, ["learn", *map(str, paths), "--name", "x", "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert f"cleaner: {paths[1]}: the same article as {paths[0]}" in result.stderr
    samples = tomllib.loads(out.read_text(encoding="utf-8"))["profile"]["samples"]
    assert [Path(s).name for s in samples] == ["s0.txt", "s2.txt"]


def test_learn_names_what_it_skipped_once_and_exits_1_with_the_draft_written(tmp_path: Path):
    """Attacker trial of stop 37: learn skipped a binary scrape and a FIFO and exited 0 (clean
    exits 1 for any input it could not read), said "skipped; skipped" for the FIFO, and named a
    symlinked sample by its target ('../../../etc/passwd')."""
    import os

    pages = corpus(sorted(TEMPLATES)[0], seed=1, n=3)
    scrapes = tmp_path / "scrapes"
    scrapes.mkdir()
    for i, page in enumerate(pages[:2]):
        (scrapes / f"page{i}.txt").write_text(page.text, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "target.txt").write_text(pages[2].text, encoding="utf-8")
    (scrapes / "linked.txt").symlink_to(elsewhere / "target.txt")
    (scrapes / "binary.txt").write_bytes(bytes(range(256)) * 8)
    os.mkfifo(scrapes / "fifo.txt")
    profile = tmp_path / "profiles" / "site.toml"
    result = CliRunner().invoke(main, ["learn", str(scrapes), "-o", str(profile)])
    assert result.exit_code == 1, result.output
    assert profile.exists()
    assert "skipped; skipped" not in result.stderr
    assert result.stderr.count("skipped") == 3  # the FIFO, the binary file, and the count
    assert result.stderr.splitlines()[-1] == "cleaner: 2 inputs skipped"
    samples = tomllib.loads(profile.read_text())["profile"]["samples"]
    assert "../scrapes/linked.txt" in samples and not any("elsewhere" in s for s in samples)


@pytest.mark.parametrize("command", ["learn", "new"])
def test_a_scrape_named_twice_is_read_once_and_an_empty_one_skipped(tmp_path: Path, command: str):
    """Second attacker trial of stop 37: learn counted an empty scrape and a scrape named twice
    as scrapes of the site (what every other one holds looks like template then), exit 0."""
    pages = corpus(sorted(TEMPLATES)[0], seed=2, n=3)
    scrapes = tmp_path / "scrapes"
    scrapes.mkdir()
    for i, page in enumerate(pages):
        (scrapes / f"page{i}.txt").write_text(page.text, encoding="utf-8")
    (scrapes / "again.txt").symlink_to(scrapes / "page0.txt")
    (scrapes / "empty.txt").write_bytes(b" \n\n")
    named = [scrapes / "page0.txt", scrapes / "page0.txt", scrapes / "again.txt", scrapes / "empty.txt"]
    named += [scrapes / "page1.txt", scrapes / "page2.txt"]
    profile = tmp_path / "profiles" / "site.toml"
    if command == "learn":
        args = ["learn", *map(str, named)]
    else:
        args = ["new", "site", *[a for s in named for a in ("--sample", str(s))]]
    result = CliRunner().invoke(main, [*args, "-o", str(profile)])
    assert result.exit_code == 1, result.output
    assert f"cleaner: {scrapes / 'page0.txt'}: given more than once; read once" in result.stderr
    assert f"cleaner: {scrapes / 'again.txt'}: the same file as {scrapes / 'page0.txt'}; read once" in result.stderr
    assert f"cleaner: {scrapes / 'empty.txt'}: empty: no text; skipped" in result.stderr
    samples = tomllib.loads(profile.read_text())["profile"]["samples"]
    assert samples == ["../scrapes/page0.txt", "../scrapes/page1.txt", "../scrapes/page2.txt"]


def test_learn_leaves_out_a_profile_in_the_scrapes_folder_and_new_warns_about_copies(tmp_path: Path):
    """Second attacker trial of stop 38: learn read its own earlier draft, saved beside the
    scrapes, as one more scrape; new gave no warning for two samples of the same text."""
    pages = corpus(sorted(TEMPLATES)[0], seed=3, n=3)
    scrapes = tmp_path / "scrapes"
    scrapes.mkdir()
    for i, page in enumerate(pages):
        (scrapes / f"page{i}.txt").write_text(page.text, encoding="utf-8")
    first = CliRunner().invoke(main, ["learn", str(scrapes), "-o", str(scrapes / "site.toml")])
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(main, ["learn", str(scrapes), "-o", str(scrapes / "site2.toml")])
    assert again.exit_code == 0, again.output
    assert f"cleaner: {scrapes / 'site.toml'}: a profile, not a scrape; left out" in again.stderr
    assert "from 3 scrapes" in again.stderr
    assert not any(
        s.endswith(".toml") for s in tomllib.loads((scrapes / "site2.toml").read_text())["profile"]["samples"]
    )
    (scrapes / "copy.txt").write_text(pages[0].text, encoding="utf-8")
    args = ["new", "site", "--sample", str(scrapes / "page0.txt"), "--sample", str(scrapes / "copy.txt")]
    copied = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "new.toml")])
    assert "some scrapes are the same text" in copied.stderr


def test_learn_reads_one_article_once_however_many_scrapes_hold_it(tmp_path: Path):
    """Attacker trial of stop 49: the same article under three names drafted rules that
    removed its own paragraphs. A scrape whose long lines are another's is skipped by name."""
    pages = corpus(next(iter(TEMPLATES)), seed=3, n=3)
    for i, page in enumerate(pages[:2]):
        (tmp_path / f"page{i}.txt").write_text(page.text, encoding="utf-8")
    # the first page again, under another name and with its header line changed
    (tmp_path / "copy.txt").write_text("Edition: morning\n" + pages[0].text, encoding="utf-8")
    profile = tmp_path / "out" / "site.toml"
    scrapes = [str(tmp_path / name) for name in ("page0.txt", "copy.txt", "page1.txt")]
    result = CliRunner().invoke(main, ["learn", *scrapes, "-o", str(profile)])
    assert result.exit_code == 1, result.output  # a skipped input, as for any unreadable one
    assert result.stderr.startswith(f"cleaner: {tmp_path / 'copy.txt'}: the same article as {tmp_path / 'page0.txt'}")
    assert "from 2 scrapes" in result.stderr and profile.exists()


@pytest.mark.parametrize("quiet", [False, True])
def test_learn_shows_its_progress_on_a_terminal_unless_quiet(tmp_path: Path, quiet: bool):
    """Attacker trial of stop 49: learn ran 191 s over 40 scrapes and said nothing meanwhile.
    Each step draws over the last (CLEANER_PROGRESS=1 stands for a terminal); the line is
    cleared before the summary."""
    scrapes = tmp_path / "scrapes"
    scrapes.mkdir()
    for i, page in enumerate(corpus(sorted(TEMPLATES)[0], seed=1, n=3)):
        (scrapes / f"page{i}.txt").write_text(page.text, encoding="utf-8")
    args = ["learn", str(scrapes), "-o", str(tmp_path / "site.toml"), *(["-q"] if quiet else [])]
    result = CliRunner(env={"CLEANER_PROGRESS": "1"}).invoke(main, args)
    assert result.exit_code == 0, result.output
    steps = [f"generic cleaning {n}/3" for n in (1, 2, 3)] + [f"leave-one-out {n}/3" for n in (1, 2, 3)]
    drawn = "".join(f"\rcleaner learn: {step}\033[K" for step in steps) + "\r\033[K"
    assert result.stderr.startswith(drawn) != quiet
    assert result.stderr.splitlines()[-1].startswith(f"wrote {tmp_path / 'site.toml'} from 3 scrapes")


def _harbour_page(section: str | None, title: str, paragraphs: list[str]) -> str:
    label = f"{section}\n" if section else ""
    body = "\n\n".join(paragraphs)
    return (
        f"Official Blog of the Harbour League\n\nHome\n\n{label}{title}\n\nBy Staff Reporter | 4 min read\n\n{body}\n\n"
        "Fantasy\nSidelines\nAuthors\n\nPrivacy Policy | Terms\n"
    )


HARBOUR = [
    ("Council approves the new harbour budget", "council", "the harbour budget after a long debate about dredging"),
    ("Local rowing club wins regional title", "rowing club", "the regional title after a long season on the river"),
    ("Library extends its opening hours", "library board", "longer opening hours after students asked for them"),
    ("Old cinema reopens after restoration", "cinema trust", "the reopening after three years of careful restoration"),
    ("Why the bus lanes matter", "transport office", "the bus lanes after a year of measuring journey times"),
]


def test_a_learned_cut_on_a_footer_section_name_spares_a_page_labelled_with_it(tmp_path: Path):
    """Attacker trial of stop 50: learn drafted cut_after on the footer's section names
    ("Fantasy", "Sidelines", "Authors"); an unseen page printing "Sidelines" as its section
    label above the headline came out empty, exit 0 (4 of 19 unseen pages of one site in the
    corpus too). A cut's marker above all of a page's prose is passed over."""
    pages = [
        _harbour_page(
            "Sidelines" if n == 4 else None,
            title,
            [
                f"The {who} announced {what} on Tuesday, and most members welcomed it warmly.",
                f"Members of the {who} said the decision had taken longer than anyone expected at first.",
                f"A final report from the {who} is due in the spring, when the next vote will be held.",
            ],
        )
        for n, (title, who, what) in enumerate(HARBOUR)
    ]
    for n, page in enumerate(pages[:4]):
        (tmp_path / f"scrape{n}.txt").write_text(page, encoding="utf-8")
    (tmp_path / "unseen.txt").write_text(pages[4], encoding="utf-8")
    profile = tmp_path / "profiles" / "harbour.toml"
    scrapes = [str(tmp_path / f"scrape{n}.txt") for n in range(4)]
    learned = CliRunner().invoke(main, ["learn", *scrapes, "-o", str(profile)])
    assert learned.exit_code == 0, learned.output
    cleaned = CliRunner().invoke(main, ["clean", str(tmp_path / "unseen.txt"), "--profiles-dir", str(profile.parent)])
    assert cleaned.exit_code == 0, cleaned.output
    assert "The transport office announced the bus lanes" in cleaned.stdout
    assert "A final report from the transport office is due in the spring" in cleaned.stdout
