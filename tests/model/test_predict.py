"""The shipped inference: stored parameters in, decisions out, no training library."""

import json
import math

import pytest

from cleaner.model.features import NAMES, page_features
from cleaner.model.predict import CHUNK, MODEL_FILE, WORDS_FILE, LineModel, viterbi


def test_logistic_is_a_dot_product_over_standardised_features():
    model = LineModel(
        {"kind": "logistic", "features": ["a", "b"], "mean": [1, 0], "scale": [2, 1], "weights": [1, -1], "bias": 0.5}
    )
    (margin,) = model.margins([[5.0, 1.0]])
    assert margin == 0.5 + (5 - 1) / 2 - 1
    assert model.probabilities([[5.0, 1.0]])[0] == 1 / (1 + math.exp(-1.5))


def test_trees_walk_to_a_leaf_and_add_up():
    # one stump: feature 0 <= 2 -> -1, else +1
    tree = [[0, 0, 0], [2.0, 0, 0], [1, -1, -1], [2, -1, -1], [0, -1.0, 1.0]]
    model = LineModel({"kind": "trees", "features": ["a"], "trees": [tree, tree], "learning_rate": 0.5, "base": 0.25})
    assert model.margins([[1.0], [3.0]]) == [0.25 - 1.0, 0.25 + 1.0]


def test_viterbi_takes_a_doubtful_line_to_its_neighbours_state():
    probs = [0.9, 0.9, 0.45, 0.9, 0.9, 0.05, 0.1, 0.6, 0.05]
    assert viterbi(probs, stay=0.0 + 0.8, prior=0.5) == [True] * 5 + [False] * 4
    # without smoothing it is the threshold alone
    assert viterbi(probs, stay=0.5, prior=0.5) == [p >= 0.5 for p in probs]


def test_a_clear_line_keeps_its_state():
    assert viterbi([0.9, 0.001, 0.9], stay=0.8, prior=0.5) == [True, False, True]
    assert viterbi([], stay=0.8, prior=0.5) == []


def test_features_cover_each_non_blank_line():
    lines = ["Home | News", "", "A long enough sentence about the weather, which was fine today.", "Share"]
    positions, rows = page_features(lines)
    assert positions == [0, 2, 3]
    assert all(len(row) == len(NAMES) for row in rows)
    positions, rows = page_features(["", "  "])
    assert (positions, rows.shape) == ([], (0, len(NAMES)))


def test_strongest_signals_are_each_splits_share_of_the_margin():
    # feature 0 <= 2 goes left to an inner node on feature 1; inner values unscaled (rate 0.5)
    tree = [
        [0, 1, 0, 0, 0],
        [2.0, 0.5, 0, 0, 0],
        [1, 3, -1, -1, -1],
        [2, 4, -1, -1, -1],
        [0.0, -2.0, 1.0, -0.5, -1.5],
    ]
    params = {"kind": "trees", "features": ["a", "b"], "trees": [tree], "learning_rate": 1.0, "base": 0.0}
    model = LineModel(params | {"node_rate": 0.5})
    # row (1, 1): root -> node 1 (a <= 2: value -2 * 0.5 = -1) -> node 4 (b > 0.5: leaf -1.5)
    (margin,) = model.margins([[1.0, 1.0]])
    assert margin == -1.5
    assert model.strongest([[1.0, 1.0]]) == [[("a", -1.0), ("b", -0.5)]]
    # a row that ends at a leaf with a positive value has nothing pushing it to boilerplate
    assert model.strongest([[3.0, 0.0]]) == [[]]
    # a file without inner-node scaling cannot tell, and says nothing
    assert LineModel(params).strongest([[1.0, 1.0]]) == [[]]


def _walk(params, row):
    """The shipped trees' margin of one row, walked node by node as the file stores them."""
    total = params["base"]
    for feature, threshold, left, right, value in params["trees"]:
        n = 0
        while left[n] >= 0:
            x = row[feature[n]]
            n = left[n] if x <= threshold[n] else right[n]  # NaN compares False: right
        total += params["learning_rate"] * value[n]
    return total


@pytest.mark.parametrize("path", [MODEL_FILE, WORDS_FILE], ids=["model", "with the words' vote"])
def test_the_shipped_forest_adds_up_what_a_walk_of_each_tree_gives(path):
    # the vectorised walk (slots, chunks of CHUNK lines) against its definition, on rows of a
    # real-looking page, more than one chunk of them, a NaN among them
    params = json.loads(path.read_text(encoding="utf-8"))
    model = LineModel(params)
    lines = [
        f"Line {k} of the menu" if k % 3 else f"A sentence number {k} that reads like prose, more or less."
        for k in range(2 * CHUNK + 7)
    ]
    _, rows = page_features(lines)
    rows = model.inputs(lines, rows).tolist()
    assert len(rows[0]) == len(params["features"])
    rows[5][3] = float("nan")
    got = model.margins(rows)
    assert len(got) == len(rows)
    for row, margin in zip(rows, got, strict=True):
        assert math.isclose(margin, _walk(params, row), rel_tol=1e-12, abs_tol=1e-12)
