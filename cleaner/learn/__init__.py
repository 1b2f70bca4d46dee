"""cleaner learn: draft profiles mined from scrapes.

learn_site(texts, name, sources=None) -> TOML of a site profile, from 2+ scrapes of one site;
draft_site(...) -> Draft: the same TOML, the generic setting and the leave-one-out estimate.
learn_corpus(texts, name, min_docs=..., min_share=...) -> TOML of a platform profile, from
a large mixed crawl: the lines found in many documents.
"""

from cleaner.learn.corpus import learn_corpus
from cleaner.learn.site import Draft, draft_site, learn_site

__all__ = ["Draft", "draft_site", "learn_corpus", "learn_site"]
