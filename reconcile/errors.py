"""Errors shown to the user. Each says what went wrong and how to fix it."""

from __future__ import annotations


class ReconcileError(Exception):
    """Base class: the CLI prints str(error) on one line and exits 2."""


class CorpusNotFound(ReconcileError):
    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(
            f"corpus folder not found: {path} (pass a folder of .txt/.md articles)"
        )


class CorpusNotReadable(ReconcileError):
    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"cannot read corpus folder {path}: {reason} (check its permissions)")


class EmptyCorpus(ReconcileError):
    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(
            f"no articles found in {path}: expected .txt, .md, .markdown or .html files"
        )


class InputFileError(ReconcileError):
    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"cannot read {path}: {reason}")


class DatabaseError(ReconcileError):
    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            f"cannot use database {path}: {reason} (pass another file with --db)"
        )


class UnitError(ReconcileError, ValueError):
    def __init__(self, unit: str, reason: str) -> None:
        self.unit = unit
        self.reason = reason
        super().__init__(f"unknown unit {unit!r}: {reason}")
