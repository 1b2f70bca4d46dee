"""cleaner: raw scraped articles in, clean article text and metadata out.

The names below are imported when first used (PEP 562): `import cleaner` alone costs
nothing, so that the `cleaner` command (cleaner.entry) is in its own code, where Ctrl-C is
answered, before the pipeline's modules load (attacker trial of stop 37: Ctrl-C in the
first half second printed a traceback).
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # not typing's: importing typing took 14 of the 18 ms this module took
if TYPE_CHECKING:
    from typing import Any

    from cleaner.document import Document, Metadata, Removal
    from cleaner.errors import CleanerError, InputError, MissingDependency, ProfileError, UnknownProfile
    from cleaner.pipeline import clean
    from cleaner.profiles import Profile, Profiles, load_profiles

__version__ = "0.1.0"

_HOME = {
    "Document": "cleaner.document",
    "Metadata": "cleaner.document",
    "Removal": "cleaner.document",
    "CleanerError": "cleaner.errors",
    "InputError": "cleaner.errors",
    "MissingDependency": "cleaner.errors",
    "ProfileError": "cleaner.errors",
    "UnknownProfile": "cleaner.errors",
    "clean": "cleaner.pipeline",
    "Profile": "cleaner.profiles",
    "Profiles": "cleaner.profiles",
    "load_profiles": "cleaner.profiles",
}

__all__ = [
    "CleanerError",
    "Document",
    "InputError",
    "Metadata",
    "MissingDependency",
    "Profile",
    "ProfileError",
    "Profiles",
    "Removal",
    "UnknownProfile",
    "__version__",
    "clean",
    "load_profiles",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value  # once: the next use is a plain lookup
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOME])
