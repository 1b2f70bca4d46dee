"""The site of a corpus page (cleaner.model.sites), by which training's folds are made."""

from cleaner.model.sites import canonical_site, site_of, sites


def test_the_canonical_url_names_the_site():
    html = b'<html><head><link rel="canonical" href="https://www.example-news.com/2012/10/story/"></head></html>'
    assert site_of(html) == "example-news.com"
    # attributes the other way round, and og:url
    assert site_of(b"<link href='http://Blog.Example.org/p/1' rel='canonical'>") == "blog.example.org"
    assert site_of(b'<meta property="og:url" content="https://photos.example.net/a">') == "photos.example.net"
    assert site_of(b'<meta content="https://photos.example.net/a" property="og:url">') == "photos.example.net"
    # only these name the site for learn_sites.py: links alone do not
    assert canonical_site(b'<a href="http://c.example/x">c</a>') is None


def test_without_one_the_host_most_links_go_to():
    html = (
        b'<a href="https://twitter.com/share">t</a>'
        b'<a href="http://www.gazette.example/news/">n</a><a href="http://www.gazette.example/sport/">s</a>'
    )
    assert site_of(html) == "gazette.example"
    # a tie goes to the first name in order, whatever order the links come in
    a, b = b'<a href="http://b.example/">b</a>', b'<a href="http://a.example/">a</a>'
    assert site_of(a + b) == site_of(b + a) == "a.example"


def test_a_page_that_names_no_site():
    assert site_of(b"<p>No links at all</p>") is None
    # a malformed canonical URL names none: the links decide
    assert site_of(b'<link rel="canonical" href="http://[broken/"><a href="http://c.example/x">') == "c.example"


def test_pages_without_a_site_are_each_their_own(tmp_path):
    (tmp_path / "set" / "html").mkdir(parents=True)
    (tmp_path / "set" / "html" / "1.html").write_bytes(b'<link rel="canonical" href="http://one.example/a">')
    (tmp_path / "set" / "html" / "2.html").write_bytes(b'<link rel="canonical" href="http://one.example/b">')
    (tmp_path / "set" / "html" / "3.html").write_bytes(b"<p>nothing</p>")
    found = sites(tmp_path, [("set", "1"), ("set", "2"), ("set", "3"), ("set", "4")])
    assert found == {
        ("set", "1"): "one.example",
        ("set", "2"): "one.example",
        ("set", "3"): "set/3",
        ("set", "4"): "set/4",
    }
