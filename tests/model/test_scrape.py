"""The corpus scrapes for training and measuring: the extracted text is what the HTML path's
generic stage reads, on a corpus of our own writing laid out as the shared one is."""

from cleaner.model.scrape import extracted, main

PARAGRAPHS = [
    "The harbour closed on Monday as the storm came in from the west, and it stayed closed.",
    "Fishing boats stayed tied up for a third day while the crews waited for the wind to drop.",
    "The council said repairs to the north pier would start as soon as the water was calm again.",
]
PAGE = (
    "<html><head><title>Storm closes the harbour</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    "<article><h1>Storm closes the harbour</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>"
    "<footer>Copyright 2024 Harbour News</footer></body></html>"
)


def test_extracted_is_the_main_text_before_generic_cleaning():
    text = extracted(PAGE.encode())
    assert all(p in text.split("\n") for p in PARAGRAPHS)  # a line each, as trafilatura gives them
    assert "World" not in text  # the extractor left the menu out
    assert "Copyright 2024" not in text  # and the footer: what the generic stage would judge is what is left


def test_extracted_corpus_layout(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    for name in ("dragnet", "cleaneval"):
        (corpus / name / "html").mkdir(parents=True)
        (corpus / name / "gold").mkdir()
        (corpus / name / "html" / "7.html").write_text(PAGE, encoding="utf-8")
        (corpus / name / "gold" / "7.txt").write_text("\n".join(PARAGRAPHS), encoding="utf-8")
    assert main(["--corpus", str(corpus), "--out", str(out), "--tool", "extracted"]) == 0
    for name in ("dragnet", "cleaneval"):
        assert (out / name / "text" / "7.txt").read_text(encoding="utf-8") == extracted(PAGE.encode())
        assert (out / name / "gold").is_symlink()
        assert (out / name / "gold" / "7.txt").read_text(encoding="utf-8") == "\n".join(PARAGRAPHS)


def test_the_corpus_text_tight(tmp_path):
    """--tool text --tight: the corpus's own scrape with its blank lines dropped."""
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    scrape = "Home\n\nStorm closes the harbour\n\n" + "\n\n".join(PARAGRAPHS) + "\n  \nCopyright 2024\n"
    for name in ("dragnet", "cleaneval"):
        (corpus / name / "text").mkdir(parents=True)
        (corpus / name / "gold").mkdir()
        (corpus / name / "text" / "7.txt").write_text(scrape, encoding="utf-8")
    assert main(["--corpus", str(corpus), "--out", str(out), "--tool", "text", "--tight"]) == 0
    for name in ("dragnet", "cleaneval"):
        lines = (out / name / "text" / "7.txt").read_text(encoding="utf-8").split("\n")
        assert lines == ["Home", "Storm closes the harbour", *PARAGRAPHS, "Copyright 2024"]
