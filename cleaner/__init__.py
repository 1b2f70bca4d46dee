"""cleaner: raw scraped articles in, clean article text and metadata out."""

from cleaner.document import Document, Metadata, Removal
from cleaner.errors import CleanerError, InputError, MissingDependency, ProfileError, UnknownProfile
from cleaner.pipeline import clean
from cleaner.profiles import Profile, Profiles, load_profiles

__version__ = "0.1.0"

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
