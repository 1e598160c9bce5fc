"""Errors shown to the user. Each says what went wrong and how to fix it."""

from __future__ import annotations


class ReconcileError(Exception):
    """Base class: the CLI prints str(error) on one line and exits 2."""


class PathError(ReconcileError):
    """An error about one path, for one reason; `message` words it ({path}, {reason})."""

    message = "{path}: {reason}"

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(self.message.format(path=path, reason=reason))


class CorpusNotFound(ReconcileError):
    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(
            f"corpus folder not found: {path} (pass a folder of .txt/.md articles)"
        )


class CorpusIsFile(ReconcileError):
    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(
            f"corpus is a file, not a folder: {path} (pass the folder of articles, or a .jsonl file of"
            " articles; to check one draft against sources use: reconcile check DRAFT --corpus FOLDER)"
        )


class CorpusNotReadable(PathError):
    message = "cannot read corpus folder {path}: {reason} (check its permissions)"


class EmptyCorpus(ReconcileError):
    def __init__(self, path: str, expected: str = ".txt, .md, .markdown or .html files") -> None:
        self.path = path
        super().__init__(f"no articles found in {path}: expected {expected}")


class NothingReadable(ReconcileError):
    """Every article file was skipped: a run stores nothing (the previous run is kept)."""

    def __init__(self, path: str, skipped: list) -> None:
        self.path = path
        self.skipped = skipped
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped[:5])
        more = f"; and {len(skipped) - 5} more" if len(skipped) > 5 else ""
        super().__init__(f"nothing to read in {path}: every file was skipped ({reasons}{more})")


class InputFileError(PathError):
    message = "cannot read {path}: {reason}"


class OutputFileError(PathError):
    message = "cannot write {path}: {reason} (nothing was stored; pass another path)"


class ConfigError(PathError):
    message = "bad configuration in {path}: {reason}"


class DatabaseError(PathError):
    message = "cannot use database {path}: {reason} (pass another file with --db)"


class FactNotFound(ReconcileError):
    def __init__(self, fact_id: int, path: str) -> None:
        self.fact_id = fact_id
        super().__init__(f"no fact {fact_id} in {path} (the report gives each disputed fact's id; the facts table holds every id)")


class UnitError(ReconcileError, ValueError):
    def __init__(self, unit: str, reason: str) -> None:
        self.unit = unit
        self.reason = reason
        super().__init__(f"unknown unit {unit!r}: {reason}")


class EngineUnavailable(ReconcileError):
    """An engine whose optional packages are not installed, or whose cluster cannot be reached."""

    def __init__(self, engine: str, reason: str) -> None:
        self.engine = engine
        super().__init__(f"engine {engine}: {reason}")
