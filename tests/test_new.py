"""`cleaner new`: a starter profile that loads, passes check and cleans its samples."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner

from cleaner import clean, load_profiles
from cleaner.check import check
from cleaner.cli import main

TEMPLATE = """Home | News | Sport | Contact

{title}

{body}

Follow us on Twitter for more stories like this
Copyright 2024 The Daily Example. All rights reserved.
"""

BODIES = [
    (
        "Harbour Reopens After Storm",
        "The harbour reopened on Monday after three days of storms kept the fishing fleet in port.",
    ),
    (
        "Library Extends Opening Hours",
        "The town library will stay open until nine in the evening from next month, the council said.",
    ),
]


def write_samples(tmp_path: Path) -> list[Path]:
    paths = []
    for i, (title, body) in enumerate(BODIES):
        path = tmp_path / f"scrape{i}.txt"
        path.write_text(TEMPLATE.format(title=title, body=body), encoding="utf-8")
        paths.append(path)
    return paths


def test_new_writes_a_profile_that_check_accepts(tmp_path: Path):
    samples = write_samples(tmp_path)
    out = tmp_path / "profiles" / "daily-example.toml"
    args = ["new", "daily-example", *[a for s in samples for a in ("--sample", str(s))], "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote {out}; next: cleaner check {out}\n"
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    assert data["profile"]["samples"] == ["../scrape0.txt", "../scrape1.txt"]
    assert data["profile"]["generic"] == "metadata"
    assert data["rules"][0] == {  # drafted by shape, as learn does
        "kind": "meta_field",
        "pattern": "^(?P<title>.+)$",
        "prev": r"^Home \| News \| Sport \| Contact$",
        "why": "headline: the varying line directly below the same template line in 2 of 2 scrapes",
    }
    assert data["rules"][1]["text"] == [
        "Home | News | Sport | Contact",
        "Follow us on Twitter for more stories like this",
        "Copyright 2024 The Daily Example. All rights reserved.",
    ]
    assert all(rule["why"] for rule in data["rules"])
    assert check([out]) == []
    doc = clean(samples[0].read_bytes(), profiles=load_profiles([out.parent]))
    assert doc.profiles[0] == "daily-example"
    assert doc.text == BODIES[0][1] + "\n"


def test_new_refuses_to_overwrite(tmp_path: Path):
    samples = write_samples(tmp_path)
    out = tmp_path / "exists.toml"
    out.write_text("keep me")
    result = CliRunner().invoke(main, ["new", "x", "--sample", str(samples[0]), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Error: {out} exists; not overwritten\n")
    assert out.read_text() == "keep me"


def test_new_never_writes_over_a_file_that_appears_while_it_drafts(tmp_path: Path, monkeypatch):
    """Attacker trial of stop 51: a `new -o` of the same name during a `learn` was replaced at
    the learn's end, both exit 0. The draft goes to the next free name, exit 1."""
    import cleaner.guard

    samples = write_samples(tmp_path)
    out = tmp_path / "race.toml"

    def appears(path):
        out.write_text("keep me")

    monkeypatch.setattr(cleaner.guard, "refuse_writers_of", appears)
    result = CliRunner().invoke(main, ["new", "race", "--sample", str(samples[0]), "-o", str(out)])
    assert result.exit_code == 1
    assert f"cleaner: {out} appeared while drafting; not overwritten" in result.stderr
    assert out.read_text() == "keep me"
    assert tomllib.loads((tmp_path / "race.2.toml").read_text())["profile"]["name"] == "race"
    assert sorted(p.name for p in tmp_path.glob("*.toml")) == ["race.2.toml", "race.toml"]  # no temporary file left


def test_new_on_a_full_disk_names_the_file(tmp_path: Path, monkeypatch):
    import errno

    import cleaner.cli

    def full(path, text):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cleaner.cli, "write_new", full)
    samples = write_samples(tmp_path)
    out = tmp_path / "full.toml"
    result = CliRunner().invoke(main, ["new", "x", "--sample", str(samples[0]), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == f"cleaner: {out}: No space left on device; nothing written\n"


def test_new_refuses_a_dangling_symlink(tmp_path: Path):
    samples = write_samples(tmp_path)
    out = tmp_path / "link.toml"
    out.symlink_to(tmp_path / "nowhere.toml")
    result = CliRunner().invoke(main, ["new", "x", "--sample", str(samples[0]), "-o", str(out)])
    assert result.exit_code == 2 and result.stderr.endswith(f"Error: {out} exists; not overwritten\n")
    assert out.is_symlink() and not (tmp_path / "nowhere.toml").exists()


def test_new_checks_the_name(tmp_path: Path):
    samples = write_samples(tmp_path)
    result = CliRunner().invoke(main, ["new", "Daily Example", "--sample", str(samples[0])])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: Invalid value for 'NAME': \"Daily Example\" must be lower-case letters, digits and dashes\n"
    )


@pytest.mark.parametrize("command", ["new", "learn"])
def test_new_and_learn_refuse_the_names_profile_means_itself(tmp_path: Path, command: str):
    """Attacker trial of stop 36: a profile named "none" or "auto" could never be forced."""
    samples = write_samples(tmp_path)
    args = ["new", "none", "--sample", str(samples[0])] if command == "new" else ["learn", *map(str, samples)]
    result = CliRunner().invoke(main, [*args, "--name", "none"] if command == "learn" else args)
    assert result.exit_code == 2
    assert '"none" is what --profile none means' in result.stderr
    assert not list(tmp_path.glob("*.toml"))


def test_new_drafts_say_generic_metadata_and_why(tmp_path: Path):
    # Two samples: the rules remove all the generic stage removes (a draft from one of them
    # alone says "page": test_new_from_one_sample_says_generic_page_and_why).
    samples = write_samples(tmp_path)
    args = ["new", "daily-example", "--sample", str(samples[0]), "--sample", str(samples[1])]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    comments = [line for line in result.stdout.splitlines() if line.startswith("#")]
    assert comments[-1] == (
        '# generic = "metadata" (the site default): the generic stage removes no line here; the rules below do.'
    )
    assert tomllib.loads(result.stdout)["profile"]["generic"] == "metadata"


# A scrape of a made-up coastal paper: the template around the article, a closing appeal that
# is the article's own (only this story asks for donations) and a newsletter line that the
# site adds to some stories.
COAST = """Home | News | Sport | Contact

{title}

{body}

{tail}Share | Tweet | Email

{count} comments

Copyright 2024 The Coast Courier. All rights reserved.
"""
APPEAL = "If you want to help the fishing families affected, click here to donate to the harbour relief fund today."
NEWSLETTER = "Sign up for our morning newsletter to get the coast's top stories before breakfast."
COAST_PAGES = [
    COAST.format(
        title="Harbour Reopens After Storm",
        body="The harbour reopened on Monday after three days of storms kept the fishing fleet in port.\n\n"
        "Skippers said the delay had cost them most of a week's catch, and several boats needed repairs.",
        tail=f"{APPEAL}\n\n{NEWSLETTER}\n\n",
        count=12,
    ),
    COAST.format(
        title="Library Extends Opening Hours",
        body="The town library will stay open until nine in the evening from next month, the council said.\n\n"
        "Librarians welcomed the change, saying students had asked for somewhere quiet to work for years.",
        tail=f"{NEWSLETTER}\n\n",
        count=3,
    ),
    COAST.format(
        title="Ferry Timetable Changes",
        body="The island ferry will run two extra crossings on Saturdays through the summer, the operator said.\n\n"
        "The first boat will now leave at six in the morning, an hour earlier than before.",
        tail="",
        count=7,
    ),
]
LETTER = """Letters

To the editor:

I was dismayed to read that the council plans to close the swimming pool on Sundays from next month.

The pool is the only place many older residents can exercise safely, and Sunday suits their families.

Please sign the petition at the library and tell your councillor what you think before Thursday's vote.

Margaret Hill
Northgate

Share this letter
Print
"""


def draft(tmp_path: Path, *pages: str) -> dict:
    """The profile `cleaner new` drafts from these scrapes, after checking that it passes check."""
    args = ["new", "site"]
    for i, page in enumerate(pages):
        (tmp_path / f"page{i}.txt").write_text(page, encoding="utf-8")
        args += ["--sample", str(tmp_path / f"page{i}.txt")]
    out = tmp_path / "profiles" / "site.toml"
    result = CliRunner().invoke(main, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert check([out]) == []
    return tomllib.loads(out.read_text(encoding="utf-8"))


def rules(data: dict) -> list[tuple[list[str], str]]:
    return [(rule["text"], rule["why"]) for rule in data["rules"] if rule["kind"] == "drop_line"]


def test_new_from_one_sample_proposes_only_short_lines_that_are_not_sentences(tmp_path: Path):
    # The generic stage removes the closing appeal and the newsletter line (call to action) and
    # the copyright line; each ends like a sentence, so one sample cannot tell them from the article.
    data = draft(tmp_path, COAST_PAGES[0])
    assert rules(data) == [
        (["Home | News | Sport | Contact"], "suspected by heuristic:header (review)"),
        (["Share | Tweet | Email"], "suspected by heuristic:share (review)"),
        (["12 comments"], "suspected by heuristic:comments (review)"),
    ]
    # the share bar's labels are any site's: no fingerprint (attacker trial of stop 55)
    assert data["profile"]["fingerprints"] == [r"^Home \| News \| Sport \| Contact$"]
    assert data["expect"]["drop"] == ["Home | News | Sport | Contact", "Share | Tweet | Email", "12 comments"]


def test_new_never_proposes_a_letters_own_lines_that_read_as_sentences(tmp_path: Path):
    # The generic stage takes "To the editor:" for a header line; it ends like a clause, so it stays.
    # The signature is short and not a sentence: its shape is a menu's, so it is proposed for review.
    data = draft(tmp_path, LETTER)
    assert rules(data) == [
        (["Letters"], "suspected by heuristic:header (review)"),
        (["Margaret Hill", "Northgate", "Share this letter"], "suspected by heuristic:footer (review)"),
        (["Print"], "suspected by heuristic:share (review)"),
    ]
    assert "To the editor:" not in data["expect"]["drop"]


def test_new_from_several_samples_drops_prose_only_when_more_than_one_sample_has_it(tmp_path: Path):
    # The appeal is in one sample only: never a rule. The newsletter line is in two of the three,
    # the copyright line in all: both stay rules, as do the comment counters (short, not sentences).
    data = draft(tmp_path, *COAST_PAGES)
    assert rules(data) == [
        (
            [
                "Home | News | Sport | Contact",
                "Share | Tweet | Email",
                "Copyright 2024 The Coast Courier. All rights reserved.",
            ],
            "in all 3 samples although the articles differ: site template? (review)",
        ),
        ([NEWSLETTER], "suspected by heuristic:call-to-action (review)"),
    ]
    # lines that differ in their figures only are one pattern, which the next page's count
    # matches too (new-user trial of stop 52: "Listen to this story · 3:12" / "· 4:05" literal)
    assert [(rule["pattern"], rule["why"]) for rule in data["rules"] if rule["kind"] == "drop_matching"] == [
        (["^\\d+ comments$"], "suspected by heuristic:comments, its figures varying (review)")
    ]
    page = COAST_PAGES[0].replace("12 comments", "41 comments")
    doc = clean(page, profile="site", profiles=load_profiles([tmp_path / "profiles"]))
    assert [r.kind for r in doc.removals if r.text == "41 comments"] == ["drop_matching"]
    assert APPEAL not in data["expect"]["drop"]


def test_new_drafts_metadata_rules_not_literal_drops_of_bylines_dates_headlines(tmp_path: Path):
    """`new` on two scrapes of a news site: the byline and dateline become meta_field
    rules by shape (no literal drop_line of one sample's byline, date or headline, nor of
    the related links two pages share); on an unseen scrape by the same writer the author
    and date are read and neither line stays in the body."""
    from tests.learn.coastal import ARTICLES, SCRAPES

    folder = tmp_path / "my-profiles"
    (folder / "samples").mkdir(parents=True)
    samples = []
    for k in range(2):
        samples.append(folder / "samples" / f"s{k + 1}.txt")
        samples[-1].write_text(SCRAPES[k], encoding="utf-8")
    out = folder / "coastal-herald2.toml"
    args = ["new", "coastal-herald2", *[a for s in samples for a in ("--sample", str(s))], "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    metas = [r["pattern"] for r in data["rules"] if r["kind"] == "meta_field"]
    assert [m[:15] for m in metas] == ["^By (?P<author>", "^Published (?P<"]
    dropped = {t for r in data["rules"] if r["kind"] == "drop_line" for t in r["text"]}
    for a in ARTICLES[:2]:
        assert {a["title"], f"By {a['author']}, {a['role']}", a["dateline"], *a["related"]} & dropped == set()
    assert check([out]) == []
    unseen = ARTICLES[3]  # Margaret Ellison again, as in the first sample
    doc = clean(SCRAPES[3].encode(), profiles=load_profiles([folder]), profile="coastal-herald2")
    meta = doc.metadata.as_dict()
    assert (meta["author"], meta["date"]) == ("Margaret Ellison", "2024-08-05T18:05:00+01:00")
    assert "By Margaret Ellison" not in doc.text
    assert unseen["dateline"] not in doc.text
    assert unseen["standfirst"] in doc.text


# Five scrapes of a made-up local paper: a menu, a "Subscribe" link, headline, byline, date
# line, share bar, the article, a newsletter line, "Related posts" with three other articles'
# headlines, a comment form and a footer.
GAZETTE = """Home | Local News | Business | Culture
Subscribe
{title}
By {author}
{date}
Share on Facebook | Share on Twitter | Email
{body}
Subscribe to our newsletter for the latest local news.
Related posts
{related}
Leave a comment
Name
Email
Post Comment
© 2024 The Millbrook Gazette. All rights reserved.
"""
GAZETTE_ARTICLES = [
    (
        "Council Approves New Bike Lanes on Main Street",
        "Sarah Mills",
        "March 4, 2024",
        "The city council voted six to one on Tuesday to add protected bike lanes along Main Street.\n"
        "Supporters said the lanes would make the downtown safer for children cycling to school.\n"
        "Construction is expected to begin in the spring and finish before the end of the summer.",
    ),
    (
        "Riverside Bakery Celebrates Fifty Years",
        "Tom Harper",
        "March 6, 2024",
        "The Riverside Bakery marked its fiftieth anniversary on Saturday with free pastries for everyone.\n"
        "Founded by the Okafor family in 1974, the bakery has outlived three supermarkets nearby.\n"
        "The owners said they have no plans to retire and hope their grandchildren will take over.",
    ),
    (
        "Library Reopens After Roof Repairs",
        "Sarah Mills",
        "March 9, 2024",
        "The central library reopened on Monday after four months of repairs to its leaking roof.\n"
        "Librarians said the collection had been moved to a warehouse and not a single book was lost.\n"
        "The reading room now has new lights and the children's corner has been repainted.",
    ),
    (
        "Jazz Festival Announces Summer Lineup",
        "Ana Ruiz",
        "March 12, 2024",
        "Organisers of the riverside jazz festival announced twelve acts for this year's event in July.\n"
        "Tickets go on sale next week and a weekend pass will cost the same as last year.\n"
        "The festival drew more than eight thousand visitors last summer, a record for the town.",
    ),
    (
        "Factory Expansion to Bring Two Hundred Jobs",
        "Tom Harper",
        "March 15, 2024",
        "A packaging company plans to expand its factory on the east side, bringing two hundred jobs.\n"
        "The mayor welcomed the news and said the council would speed up the planning process.\n"
        "Work on the new building could start as early as next autumn if permits are approved.",
    ),
]
HEADLINES = [title for title, *_ in GAZETTE_ARTICLES]


def gazette(k: int) -> str:
    """Scrape k: its related posts are the next three articles' headlines."""
    title, author, date, body = GAZETTE_ARTICLES[k]
    related = "\n".join(HEADLINES[(k + n) % len(HEADLINES)] for n in (1, 2, 3))
    return GAZETTE.format(title=title, author=author, date=date, body=body, related=related)


def gazette_draft(tmp_path: Path, *ks: int) -> tuple[Path, dict]:
    """`cleaner new` from these scrapes (the others written beside them), as the user runs it."""
    for k in range(len(GAZETTE_ARTICLES)):
        (tmp_path / f"article{k + 1}.txt").write_text(gazette(k), encoding="utf-8")
    out = tmp_path / "np" / "site.toml"
    args = ["new", "site", *[a for k in ks for a in ("--sample", str(tmp_path / f"article{k + 1}.txt"))]]
    result = CliRunner().invoke(main, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out, tomllib.loads(out.read_text(encoding="utf-8"))


def test_a_draft_from_one_sample_passes_cleaner_check(tmp_path: Path):
    out, _ = gazette_draft(tmp_path, 0)
    assert check([out.parent]) == []
    result = CliRunner().invoke(main, ["check", str(out.parent)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no problems\n")


def test_a_draft_from_one_sample_cleans_other_articles_no_worse_than_no_profile(tmp_path: Path):
    """Article 2's headline is in article 1's related posts: the draft from article 1 must not
    drop it as boilerplate. Each other article comes out as without a profile: its headline
    the title, its byline and date read, neither menu nor byline nor date line in the text."""
    out, _ = gazette_draft(tmp_path, 0)
    profiles = load_profiles([out.parent])
    for k in range(1, len(GAZETTE_ARTICLES)):
        data = gazette(k).encode()
        drafted = clean(data, profiles=profiles)
        alone = clean(data, profile="none")
        assert drafted.profiles[0] == "site"
        assert drafted.metadata.title == HEADLINES[k]
        assert drafted.metadata.as_dict() | {"profile": None} == alone.metadata.as_dict() | {"profile": None}
        assert drafted.text == alone.text == GAZETTE_ARTICLES[k][3] + "\n"


def test_a_teaser_list_is_a_cut_at_its_heading_never_rules_naming_headlines(tmp_path: Path):
    """One sample or two (whose related posts share two headlines): no drop_line, fingerprint
    or expect.drop names another article's headline; the list goes by a cut at its heading,
    and the next article's headline is still its title."""
    for ks in ((0,), (0, 1)):
        folder = tmp_path / str(len(ks))
        folder.mkdir()
        out, data = gazette_draft(folder, *ks)
        named = [t for r in data["rules"] if r["kind"] == "drop_line" for t in r["text"]]
        named += data["profile"]["fingerprints"] + data["expect"].get("drop", [])
        escaped = [regex.escape(h, literal_spaces=True) for h in HEADLINES]
        assert not [line for line in named if any(h in line for h in HEADLINES + escaped)]
        assert data["rules"][-1]["kind"] == "cut_after"
        assert data["rules"][-1]["text"] == "Related posts"
        assert check([out]) == []
        doc = clean(gazette(2).encode(), profiles=load_profiles([out.parent]))
        assert (doc.metadata.title, doc.text) == (HEADLINES[2], GAZETTE_ARTICLES[2][3] + "\n")


def test_new_from_one_sample_says_generic_page_and_why(tmp_path: Path):
    # One sample: the generic stage removes the byline, date and newsletter lines, and the
    # draft has no rule for them (one sample cannot tell prose from template): "page".
    out, data = gazette_draft(tmp_path, 0)
    assert data["profile"]["generic"] == "page"
    comments = [line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert comments[-2:] == [
        '# generic = "page": on its samples the rules below leave 3 lines that the generic stage removes',
        '# (e.g. "By Sarah Mills"), so it judges the page as with no profile; "metadata" once rules cover such lines.',
    ]


# Two pages of the paper as HTML, with the same standfirst in each article's body.
GAZETTE_HTML = """<!DOCTYPE html><html><head><title>{title} | Millbrook Gazette</title>
<link rel="canonical" href="https://www.millbrookgazette.example/news/{n}"></head>
<body><header><nav><a href="/">Home</a> | <a href="/local">Local News</a> | <a href="/b">Business</a></nav>
<a href="/subscribe">Subscribe</a></header>
<main><article class="post">
<h1 class="entry-title">{title}</h1>
<p class="byline">By {author}</p><p class="date">{date}</p>
<div class="entry-content">
<p class="standfirst">Your weekly guide to what is happening in Millbrook, from the council to the high street.</p>
{paragraphs}
</div>
<div class="share">Share on Facebook | Share on Twitter | Email</div>
</article>
<aside class="related"><h3>Related posts</h3><ul>{related}</ul></aside>
</main>
<footer><p>© 2024 The Millbrook Gazette. All rights reserved.</p></footer></body></html>"""


def test_an_html_draft_never_expects_a_line_both_kept_and_dropped(tmp_path: Path):
    args = ["new", "site-html"]
    for k in range(2):
        title, author, date, body = GAZETTE_ARTICLES[k]
        related = "".join(f'<li><a href="/x{n}">{HEADLINES[(k + n) % 5]}</a></li>' for n in (1, 2, 3))
        paragraphs = "".join(f"<p>{line}</p>" for line in body.split("\n"))
        page = GAZETTE_HTML.format(title=title, author=author, date=date, n=k, paragraphs=paragraphs, related=related)
        (tmp_path / f"{'ab'[k]}.html").write_text(page, encoding="utf-8")
        args += ["--sample", str(tmp_path / f"{'ab'[k]}.html")]
    out = tmp_path / "hp" / "site-html.toml"
    assert CliRunner().invoke(main, [*args, "-o", str(out)]).exit_code == 0
    expect = tomllib.loads(out.read_text(encoding="utf-8"))["expect"]
    keep, drop = expect.get("keep", []), expect.get("drop", [])
    assert keep
    assert not [(k, d) for k in keep for d in drop if k in d or d in k]
    result = CliRunner().invoke(main, ["check", str(out)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no problems\n")


# The paper's related posts as a box inside the article, the article going on after it.
INLINE = """Home | Local News | Business | Culture
{title}
By {author}
{date}
{first}
Related posts
• {r1}
• {r2}
Advertisement
{rest}
© 2024 The Millbrook Gazette. All rights reserved.
"""


def test_a_teaser_box_inside_the_article_is_dropped_between_its_heading_and_the_line_after(tmp_path: Path):
    """Article text follows the box: no cut, but a drop_between from its heading to the next
    template line; the next article keeps all its paragraphs and loses its box."""

    def scrape(k: int) -> bytes:
        title, author, date, body = GAZETTE_ARTICLES[k]
        first, rest = body.split("\n", 1)
        r1, r2 = HEADLINES[(k + 1) % 5], HEADLINES[(k + 2) % 5]
        return INLINE.format(title=title, author=author, date=date, first=first, rest=rest, r1=r1, r2=r2).encode()

    (tmp_path / "page0.txt").write_bytes(scrape(0))
    out = tmp_path / "profiles" / "site.toml"
    result = CliRunner().invoke(main, ["new", "site", "--sample", str(tmp_path / "page0.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    assert {k: v for k, v in data["rules"][0].items() if k != "why"} == {
        "kind": "drop_between",
        "start": "^Related posts$",
        "end": "^Advertisement$",
    }
    assert [r["kind"] for r in data["rules"]].count("cut_after") == 0
    assert check([out]) == []
    doc = clean(scrape(1), profiles=load_profiles([out.parent]))
    assert (doc.metadata.title, doc.text) == (HEADLINES[1], GAZETTE_ARTICLES[1][3] + "\n")


def test_headlines_below_the_article_without_a_heading_are_no_rules(tmp_path: Path):
    """Without a "Related posts" heading the generic stage removes the other articles'
    headlines for their place below the article: from one sample, lines of four words or
    more without separators that only their place marks are no rules (they read as headlines)."""
    scrapes = [gazette(k).replace("Related posts\n", "") for k in range(2)]
    data = draft(tmp_path, scrapes[0])
    named = [t for r in data["rules"] if r["kind"] == "drop_line" for t in r["text"]]
    assert not set(named) & set(HEADLINES)
    assert "Name" in named  # a comment form's label: short, its place marks it, kept as a rule
    doc = clean(scrapes[1].encode(), profiles=load_profiles([tmp_path / "profiles"]))
    assert (doc.metadata.title, doc.text) == (HEADLINES[1], GAZETTE_ARTICLES[1][3] + "\n")


def test_new_and_check_read_samples_in_another_charset_as_clean_does(tmp_path: Path):
    """Attacker trial: cp1251 samples were read as UTF-8 with replacements, so the draft's
    fingerprints were all U+FFFD, never matched its own sample, and check passed it."""
    (tmp_path / "samples").mkdir()
    paths = []
    for k in range(2):
        page = (
            "Городские новости\nГлавная | Политика | Спорт\n\n"
            f"Заголовок номер {k} о городе\nАвтор: Анна Ли\n\n"
            f"Текст статьи номер {k} рассказывает о заседании городского совета и о новом мосте через реку.\n\n"
            "Подпишитесь на рассылку\n© Городские новости\n"
        )
        paths.append(tmp_path / "samples" / f"ru{k}.txt")
        paths[-1].write_bytes(page.encode("cp1251"))
    out = tmp_path / "r1.toml"
    args = ["new", "r1", *[a for p in paths for a in ("--sample", str(p))], "-o", str(out)]
    assert CliRunner().invoke(main, args).exit_code == 0
    draft = out.read_text(encoding="utf-8")
    assert "\ufffd" not in draft and "Подпишитесь на рассылку" in draft
    assert check([out]) == []
    doc = clean(paths[0].read_bytes(), profiles=load_profiles([tmp_path]))
    assert doc.profiles == ("r1",)


def test_standard_input_as_a_sample_is_refused_by_name():
    """New-user trial of stop 33: `--sample -` said "File '-' does not exist"."""
    result = CliRunner().invoke(main, ["new", "x", "--sample", "-"], input="Some scrape\n")
    assert result.exit_code == 2
    assert "- (standard input) cannot be a sample: the draft names its samples; save it to a file" in result.stderr


@pytest.mark.parametrize("command", ["new", "learn"])
def test_new_and_learn_say_a_draft_replaces_a_built_in(tmp_path: Path, command: str):
    """Attacker trial of stop 36: `learn --name coinspeaker` replaced the built-in unsaid."""
    samples = write_samples(tmp_path)
    out = tmp_path / "coinspeaker.toml"
    if command == "new":
        args = ["new", "coinspeaker", "--sample", str(samples[0]), "-o", str(out)]
    else:
        args = ["learn", *map(str, samples), "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    assert 'note: "coinspeaker" replaces the built-in profile of that name' in result.stderr


LEDGER_ARTICLE = [
    "The harbour board voted on Tuesday to rebuild the east pier, closed since the winter storms broke its deck.",
    "Work starts in May and should take two years; the board will borrow most of the cost from the port fund.",
    "Fishermen have unloaded at the smaller west dock since the closure, which adds an hour to every landing.",
    "The board will show the design at a public meeting in the community centre on the third of April.",
]


def ledger(comments: list[tuple[str, str]]) -> str:
    """A news page with related headlines and reader comments under their headings."""
    lines = ["Skip to main content", "The Ledger", "Home", "News", "Sport", "", "East pier to be rebuilt", ""]
    lines += ["By Ann Lee | 12 March 2024", "", *[f"{p}\n" for p in LEDGER_ARTICLE], "Share this article", ""]
    lines += ["Related articles", "Ferry service to resume in May", "Storm damage bill tops $12 million", ""]
    lines += [f"Comments ({len(comments)})", ""]
    for name, text in comments:
        lines += [name, "2 hours ago", text, "Reply", ""]
    lines += ["Leave a comment", "© 2024 The Ledger"]
    return "\n".join(lines) + "\n"


def test_a_draft_keeps_no_more_of_its_sample_than_no_profile_does(tmp_path: Path):
    """New-user trial of stop 41: a draft from one or two samples removed the "Related
    articles" heading and "Reply" links as template lines, and with generic = "full" the
    related headlines and the comments under them stayed, which no profile at all removed."""
    sample = tmp_path / "ledger.txt"
    sample.write_text(ledger([("Peter W.", "About time, that pier was falling apart."), ("Linda S.", "Who pays?")]))
    out = tmp_path / "np" / "ledger.toml"
    result = CliRunner().invoke(main, ["new", "ledger", "--sample", str(sample), "-o", str(out)])
    assert result.exit_code == 0, result.output
    drafted = clean(sample.read_bytes(), profiles=load_profiles([out.parent]), profile="ledger")
    alone = clean(sample.read_bytes(), profile="none")
    assert set(drafted.text.splitlines()) <= set(alone.text.splitlines())
    assert "About time, that pier was falling apart." not in drafted.text


def test_a_draft_cuts_at_a_related_heading_the_line_model_removed_and_names_no_headline(tmp_path: Path):
    """New-user trial of stop 41: on a scrape the line model cleans, the related list's lines
    are its removals ("model:boilerplate"), and the draft named each headline in a drop_line
    (and one as a fingerprint) where docs/profiles.md promises a cut at the heading."""
    sample = tmp_path / "ledger.txt"
    sample.write_text(ledger([("Peter W.", "About time, that pier was falling apart.")]))
    out = tmp_path / "np" / "ledger.toml"
    result = CliRunner().invoke(main, ["new", "ledger", "--sample", str(sample), "-o", str(out)])
    assert result.exit_code == 0, result.output
    draft = out.read_text(encoding="utf-8")
    assert "Ferry service to resume in May" not in draft and "Storm damage bill" not in draft
    rules = tomllib.loads(draft)["rules"]
    assert {"kind": "cut_after", "text": "Related articles"} in [
        {k: r[k] for k in ("kind", "text") if k in r} for r in rules
    ]


def test_a_topics_line_printed_with_slashes_is_split_on_them(tmp_path: Path):
    """New-user trial of stop 52: "Filed under: Schools / Arts" became one category,
    "Schools / Arts"; the draft now splits on the separator its samples print."""
    topics = ["Filed under: Town / Council", "Filed under: Business / Shops / Jobs", "Filed under: Culture / Music"]
    for k in range(3):
        page = gazette(k).replace("Leave a comment", f"{topics[k]}\nLeave a comment")
        (tmp_path / f"article{k + 1}.txt").write_text(page, encoding="utf-8")
    out = tmp_path / "np" / "site.toml"
    args = ["new", "site", "--sample", str(tmp_path / "article1.txt"), "--sample", str(tmp_path / "article2.txt")]
    assert CliRunner().invoke(main, [*args, "-o", str(out)]).exit_code == 0
    fields = [r for r in tomllib.loads(out.read_text())["rules"] if r.get("pattern", "").startswith("^Filed under")]
    assert [r.get("split") for r in fields] == [" / "]
    doc = clean((tmp_path / "article3.txt").read_text(), profile="site", profiles=load_profiles([out.parent]))
    assert "Culture" in doc.metadata.categories and "Music" in doc.metadata.categories
    assert "Culture / Music" not in doc.metadata.categories


def test_figures_alone_are_never_drafted_as_a_pattern(tmp_path: Path):
    """Second attacker trial of stop 52: share counts "12" / "7" were drafted as "^\\d+$",
    which took the next page's year headings."""
    pages = [page.replace(" comments\n", "\n") for page in COAST_PAGES]
    data = draft(tmp_path, *pages)
    patterns = [p for rule in data["rules"] if rule["kind"] == "drop_matching" for p in rule["pattern"]]
    assert all(regex.search(r"\p{L}", p.replace(r"\d", "")) for p in patterns), patterns


def test_a_fingerprint_matches_the_sites_pages_of_another_year():
    """New-user trial of stop 53: `new` drafted '^© Harbourview Gazette Ltd 2024 \\| ...$', a
    fingerprint that stops matching the site's pages when the year changes."""
    from cleaner.scaffold import _fingerprints

    footer = "© Valley Courier Media Ltd 2024 | All rights reserved | Registered in England"
    (pattern,) = _fingerprints([footer])
    assert regex_match(pattern, footer) and regex_match(pattern, footer.replace("2024", "2027"))
    assert not regex_match(pattern, footer.replace("Valley", "Hill"))


def test_learn_fingerprints_match_the_sites_pages_of_another_year():
    from cleaner.learn.shapes import year_free

    pattern = year_free("© 2023 Coastal Times Group. All rights reserved. (Since 1998)")
    assert regex_match(pattern, "© 2026 Coastal Times Group. All rights reserved. (Since 1998)")
    assert not regex_match(pattern, "© 2026 Coastal Times Group. All rights reserved. (Since 1998) more")


def regex_match(pattern: str, text: str) -> bool:
    import regex

    return regex.match(pattern, text) is not None


WEATHER = ["Millbrook 11°C Showers", "Millbrook 13°C Sunny", "Millbrook 9°C Windy"]


def test_a_draft_naming_one_samples_lines_keeps_the_generic_stage(tmp_path: Path):
    """New-user trial of stop 54: from two samples, each with its own weather line under the
    masthead ("Harbourton 11°C Showers"), `new` drafted the two lines as they read and chose
    generic = "metadata"; the site's next page printed another weather line, which no rule and
    no generic stage removed: the draft kept more boilerplate than no profile at all."""
    for k, weather in enumerate(WEATHER):
        page = gazette(k).replace("Subscribe\n", f"Subscribe\n{weather}\n", 1)
        assert weather in page
        (tmp_path / f"w{k + 1}.txt").write_text(page, encoding="utf-8")
    out = tmp_path / "np" / "site.toml"
    args = ["new", "site", "--sample", str(tmp_path / "w1.txt"), "--sample", str(tmp_path / "w2.txt")]
    result = CliRunner().invoke(main, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    named = [t for r in data["rules"] if r["kind"] == "drop_line" for t in r["text"]]
    assert WEATHER[0] in named  # drafted as it reads: the user reviews it
    assert data["profile"]["generic"] == "page"
    assert "one sample's only" in out.read_text(encoding="utf-8")
    unseen = (tmp_path / "w3.txt").read_bytes()
    drafted = clean(unseen, profiles=load_profiles([out.parent]))
    alone = clean(unseen)
    assert WEATHER[2] not in alone.text
    assert WEATHER[2] not in drafted.text
