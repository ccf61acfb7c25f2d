"""All of konflikt's exceptions, in one tree.

    KonfliktError
    ├── InputError        an input file or record cannot become an article (recorded)
    ├── ModelError        a shipped pipeline is missing or cannot be loaded
    ├── ExtractionError   an article could not be processed by the event extractor
    ├── StoreError        the database cannot be opened or written
    └── ClusterError      worker processes or the Dask cluster cannot be started or reached

Each carries the input that caused it (`origin`) so that the recorded error says where to look.
"""

from __future__ import annotations


class KonfliktError(Exception):
    """Base class: every error konflikt raises on purpose."""

    def __init__(self, message: str, *, origin: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.origin = origin

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}" if self.origin else self.message


class InputError(KonfliktError):
    """An input that cannot be read as an article: unreadable, empty, wrong format, unsupported."""


class ModelError(KonfliktError):
    """A language pipeline is missing, damaged, or the language is not supported."""


class ExtractionError(KonfliktError):
    """The extractor failed on one article; the batch goes on and the failure is recorded."""


class StoreError(KonfliktError):
    """The database could not be opened, migrated or written."""


class ClusterError(KonfliktError):
    """Parallel workers could not be started, or the Dask scheduler could not be reached."""
