"""Corpus mode: lines found in many documents of a mixed crawl become a platform profile."""

from __future__ import annotations

import random
import tomllib

import cleaner
from cleaner.learn import learn_corpus
from cleaner.profiles import load_file

from .corpora import SENTENCES, TEMPLATES, corpus


def mixed_crawl(n_platform: int = 30, n_other: int = 70) -> tuple[list[str], list[str]]:
    """Pages of the generated sites, a share of them on one commenting platform."""
    rng = random.Random(7)
    pages, bodies = [], []
    names = list(TEMPLATES)
    for k in range(n_platform + n_other):
        page = corpus(names[k % len(names)], 1000 + k, n=1)[0]
        text = page.text
        if k < n_platform:
            text += f"\nPowered by Chatterbox\n{rng.randint(2, 99)} people are talking about this\nLog in to comment\n"
        pages.append(text)
        bodies.append(page.body)
    pages.append("\n\n".join(rng.sample(SENTENCES, 6)))  # a plain page
    return pages, bodies


def test_platform_lines_found_with_counts(tmp_path):
    pages, _ = mixed_crawl()
    toml = learn_corpus(pages, "chatterbox", min_docs=10, min_share=0.2)
    data = tomllib.loads(toml)
    assert data["profile"]["kind"] == "platform"
    whys = {r.get("text", r.get("pattern")): r["why"] for r in data["rules"]}
    assert whys["Powered by Chatterbox"] == "line found in 30 of 101 documents (30%)"
    assert whys[r"^\d+ people are talking about this$"].startswith("line found in 30 of 101 documents")
    assert "Daily Ledger" in whys  # a site's own template is frequent too: a candidate to review
    (tmp_path / "chatterbox.toml").write_text(toml, encoding="utf-8")
    profile, problems = load_file(tmp_path / "chatterbox.toml")
    assert problems == [] and profile.fingerprints


def test_thresholds_keep_article_text(tmp_path):
    pages, bodies = mixed_crawl()
    toml = learn_corpus(pages, "chatterbox", min_docs=10, min_share=0.2)
    (tmp_path / "chatterbox.toml").write_text(toml, encoding="utf-8")
    profiles = cleaner.load_profiles([tmp_path])
    doc = cleaner.clean(pages[0], profiles=profiles, profile="none", heuristics=False)
    platform = cleaner.clean(pages[0], profiles=profiles, heuristics=False)
    assert "chatterbox" in platform.profiles
    assert "Powered by Chatterbox" in doc.text and "Powered by Chatterbox" not in platform.text
    for paragraph in bodies[0].split("\n\n"):
        assert paragraph in platform.text


def test_rare_lines_are_not_candidates():
    pages, _ = mixed_crawl(n_platform=5)
    toml = learn_corpus(pages, "rare", min_docs=10, min_share=0.05)
    assert "Chatterbox" not in toml
