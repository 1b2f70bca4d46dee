"""Line labels from a gold text, on small pages of our own writing."""

from cleaner.model.labels import label_lines

PAGE = [
    "Home | World | Sport",
    "",
    "Storm closes the harbour",
    "The harbour closed on Monday as the storm came in from the west.",
    "Fishing boats stayed tied up for a third day.",
    "Share this story",
    "Comments (3)",
    "Related: the harbour reopens",
]
GOLD = """Storm closes the harbour

The harbour closed on Monday as the storm came in from the west.

Fishing boats stayed tied up for a third day.
"""


def test_article_lines_are_content():
    assert label_lines(PAGE, GOLD) == [False, False, True, True, True, False, False, False]


def test_shared_words_out_of_order_are_not_content():
    # "the harbour" is in the gold, but one common pair does not make a teaser content
    labels = label_lines(["A storm came in from the west.", "Teaser about the harbour and boats today"], GOLD)
    assert labels == [True, False]


def test_a_line_mostly_in_the_gold_is_content():
    # the page's version of a caption has a credit the gold left out
    gold = "The mayor opened the new bridge on Friday morning."
    assert label_lines(["The mayor opened the new bridge on Friday morning. (Photo: J. Doe)"], gold) == [True]
    assert label_lines(["Photo: J. Doe / Agency / Archive", "x"], gold) == [False, False]


def test_one_word_heading_in_the_gold_counts():
    gold = "Introduction\n\nWe measured the rain for a year and wrote it down."
    lines = ["Menu", "Introduction", "We measured the rain for a year and wrote it down."]
    assert label_lines(lines, gold) == [False, True, True]


def test_lines_without_tokens_and_empty_gold():
    assert label_lines(["", "***", "Some words here"], "") == [False, False, False]
    assert label_lines([], "anything") == []


def test_a_duplicate_is_content_once():
    gold = "A line the page prints twice, for the menu and the body."
    lines = [gold, "Other", gold]
    assert sum(label_lines(lines, gold)) == 1
