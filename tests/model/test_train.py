"""Training's choice of threshold and smoothing (no training library needed)."""

import numpy as np

from cleaner.model.train import SETS, choose


def test_every_scrape_of_a_page_counts_in_the_choice():
    # the same page id scraped twice (--extra-corpus): both outputs must reach the scorer
    seen: list[dict[str, str]] = []

    def score(gold, pred):
        seen.append(dict(pred))
        return {"F1": 1.0}

    pages = [
        {"set": SETS[0], "id": "7", "gold": "body", "texts": ["menu", "body"], "scrape": 0},
        {"set": SETS[0], "id": "7", "gold": "body", "texts": ["body", "footer"], "scrape": 1},
    ]
    probs = [np.array([0.1, 0.9]), np.array([0.9, 0.1])]
    choose(pages, probs, prior=0.5, score=score)
    first = next(p for p in seen if p)  # the first set's call
    assert sorted(first.values()) == ["body", "body"]
    assert len(first) == 2
