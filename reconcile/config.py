"""Configuration for `check`: `reconcile.toml`, or `[tool.reconcile]` in `pyproject.toml`.

Found the way ruff finds its own: from the draft's folder upward, the first folder holding
either file wins (`reconcile.toml` before `pyproject.toml` in one folder; a pyproject.toml
without a `[tool.reconcile]` table is passed over). Paths in it are relative to its folder.
Command-line flags win over it.

    corpus = "sources"          # folder (or .jsonl) of source articles
    fail-on = "medium"          # high, medium, low, unverified, never
    ignore = ["RC106"]          # rule codes never reported
    exclude = ["drafts/old/*"]  # drafts (globs, relative to the config's folder) not checked
"""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError

KEYS = ("corpus", "fail-on", "ignore", "exclude")


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # the file it came from; None when there was none
    corpus: Path | None = None
    fail_on: str | None = None
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = field(default=())

    def excludes(self, draft: str) -> bool:
        """Is this draft (a path as given) excluded by a pattern of the config?"""
        if self.path is None or not self.exclude:
            return False
        try:
            relative = Path(draft).resolve().relative_to(self.path.parent.resolve()).as_posix()
        except ValueError:
            return False
        return any(fnmatch.fnmatch(relative, pattern) for pattern in self.exclude)


def find_config(start: Path) -> Config:
    """The configuration that applies to a draft in folder `start` (see the module docstring).
    Raises ConfigError for a file that is not valid TOML or holds an unknown key or bad value."""
    for folder in [start.resolve(), *start.resolve().parents]:
        own = folder / "reconcile.toml"
        if own.is_file():
            return _config(own, _load(own))
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _load(pyproject).get("tool", {}).get("reconcile")
            if table is not None:
                return _config(pyproject, table)
    return Config()


def load_config(path: Path) -> Config:
    """The configuration in one named file: `reconcile.toml` (top-level keys) or any other
    TOML file's `[tool.reconcile]` table. Raises ConfigError as find_config does."""
    table = _load(path)
    return _config(path, table if path.name == "reconcile.toml" else table.get("tool", {}).get("reconcile", {}))


def _load(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(str(path), str(error)) from None


def _config(path: Path, table: dict) -> Config:
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(str(path), f"unknown key {unknown[0]!r} (known: {', '.join(KEYS)})")
    corpus = table.get("corpus")
    if corpus is not None and not isinstance(corpus, str):
        raise ConfigError(str(path), "corpus must be a path (a string)")
    fail_on = table.get("fail-on")
    if fail_on is not None and not isinstance(fail_on, str):
        raise ConfigError(str(path), "fail-on must be a string")
    lists = {}
    for key in ("ignore", "exclude"):
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(str(path), f"{key} must be a list of strings")
        lists[key] = tuple(value)
    return Config(path=path, corpus=path.parent / corpus if corpus else None, fail_on=fail_on,
                  ignore=tuple(code.upper() for code in lists["ignore"]), exclude=lists["exclude"])
