"""The words' vote (cleaner.model.words): the terms of a line, its score, its columns."""

import math

import numpy as np

from cleaner.document import Document, Line
from cleaner.model.features import NAMES, WORD_NAMES, page_features, word_columns
from cleaner.model.glossary import describe
from cleaner.model.predict import MODEL_FILE, WORDS_FILE, LineModel, load, load_words
from cleaner.model.stage import _model_for
from cleaner.model.words import Vocabulary, terms


def test_terms_are_lower_cased_words_and_pairs_in_a_row():
    assert terms("Posted in: News, Reply!") == {"posted", "in", "news", "reply", "posted in", "in news", "news reply"}
    assert terms("— · —") == frozenset()
    assert "été" in terms("Un été chaud") and "un été" in terms("Un été chaud")


def test_a_score_is_the_bias_plus_the_known_weights_over_the_root_of_their_count():
    vocabulary = Vocabulary({"bias": 0.5, "weights": {"reply": -2.0, "posted in": -1.0, "said": 1.5}})
    # known: "reply", "posted in"; "to", "posted", "in", ... are not in the vocabulary
    assert vocabulary.score("Posted in Reply") == 0.5 + (-3.0) / math.sqrt(2)
    assert vocabulary.score("nothing known here") == 0.5
    assert vocabulary.scores(["said", ""]) == [0.5 + 1.5, 0.5]


def test_the_columns_are_the_score_its_neighbours_and_window_means():
    columns = word_columns([1.0, 2.0, 3.0, 4.0])
    assert columns.shape == (4, len(WORD_NAMES))
    named = dict(zip(WORD_NAMES, columns.T, strict=True))
    assert named["words"].tolist() == [1.0, 2.0, 3.0, 4.0]
    assert named["words@-1"].tolist() == [0.0, 1.0, 2.0, 3.0]
    assert named["words@+2"].tolist() == [3.0, 4.0, 0.0, 0.0]
    assert named["words~3"].tolist() == [2.5, 2.5, 2.5, 2.5]  # the whole page is within 3 lines


def test_a_model_with_a_vocabulary_reads_the_words_columns_after_the_page_features():
    lines = ["Home | News", "", "A sentence about the weather, which was fine.", "Reply"]
    positions, rows = page_features(lines)
    texts = [lines[p] for p in positions]
    plain = LineModel({"kind": "logistic", "features": list(NAMES), "mean": [], "scale": [], "weights": [], "bias": 0})
    assert plain.inputs(texts, rows) is rows
    words = {"bias": 0.0, "weights": {"reply": -1.0}}
    model = LineModel({"kind": "trees", "features": [*NAMES, *WORD_NAMES], "trees": [], "learning_rate": 1.0,
                       "base": 0.0, "words": words})  # fmt: skip
    inputs = model.inputs(texts, rows)
    assert inputs.shape == (3, len(NAMES) + len(WORD_NAMES))
    assert np.array_equal(inputs[:, : len(NAMES)], rows)
    assert inputs[:, len(NAMES)].tolist() == [0.0, 0.0, -1.0]


def test_the_words_columns_read_in_words():
    assert describe("words@-1") == "its words' vote (learned), the line before (words@-1)"


def test_the_shipped_model_with_the_vote_reads_the_page_features_then_the_vote():
    model = load_words()
    assert model.names == [*NAMES, *WORD_NAMES]
    assert model.vocabulary is not None and 0 < model.vocabulary.coverage < 1
    # the line model's data files stay small (issue 15: under 2 MB), loaded only when used
    assert WORDS_FILE.stat().st_size + MODEL_FILE.stat().st_size < 2_000_000


ENGLISH = [
    "Home",
    "News",
    "The harbour reopened on Monday after three days of storms kept the fishing fleet in port.",
    "Fishermen said the catch was smaller than usual, but prices at the morning auction were high.",
]
GERMAN = [
    "Startseite",
    "Nachrichten",
    "Der Hafen wurde am Montag wieder geöffnet, nachdem drei Tage lang Stürme die Flotte festhielten.",
    "Die Fischer sagten, der Fang sei kleiner als sonst gewesen, aber die Preise seien hoch gewesen.",
]


def test_the_vote_decides_the_pages_whose_words_it_knows():
    def doc(texts):
        return Document(lines=tuple(Line(n + 1, t) for n, t in enumerate(texts)))

    assert _model_for(doc(ENGLISH)) is load_words()
    # learned from English pages, the vote would score every line of another language's page
    # the same: the model without it decides those
    assert _model_for(doc(GERMAN)) is load()
    assert _model_for(doc(["", "  "])) is load()
