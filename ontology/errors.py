"""The project's error tree: every domain error is an ItukgError, mapped once by
each front end (the CLI prints ``file: reason`` and sets the exit status)."""

from __future__ import annotations


class ItukgError(Exception):
    """Base of all errors the project raises on purpose."""


class UnreadableDocument(ItukgError):
    """A file could not be read as a document; the message says why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnsupportedFormat(UnreadableDocument):
    """The file's format has no reader."""


class InvalidKey(ItukgError):
    """A string is not an instrument key of the contract."""
