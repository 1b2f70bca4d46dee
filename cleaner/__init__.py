"""cleaner: raw scraped articles in, clean article text and metadata out."""

from cleaner.document import Document, Metadata, Removal
from cleaner.errors import CleanerError, InputError, ProfileError
from cleaner.pipeline import clean
from cleaner.profiles import Profile, Profiles, load_profiles

__version__ = "0.1.0"

__all__ = [
    "CleanerError",
    "Document",
    "InputError",
    "Metadata",
    "Profile",
    "ProfileError",
    "Profiles",
    "Removal",
    "__version__",
    "clean",
    "load_profiles",
]
