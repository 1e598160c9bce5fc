"""Anchored alternations split by the character a match can start with.

`LEAD(?:(?P<x0>A0)|(?P<x1>A1)|…)TAIL` matched at one position tries every alternative in turn,
and under re.I Python has no fast way to pass over those that cannot start at the next
character. Where the alternatives can only start at one place (after the spaces and hyphen LEAD
may take), the character there names the few alternatives that can match: the same pattern with
only those, in the same order and under the same group names, gives the same match.
"""

from __future__ import annotations

import functools
import re

try:
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

# The characters a dispatch table is keyed by: ASCII, where a text's next character almost
# always is, and every whitespace character (to check that no alternative starts with one).
_ASCII = [chr(i) for i in range(128)]
_SPACES = re.findall(r"\s", "".join(map(chr, range(0x3001))))  # none lies above U+3000


_UNIVERSE = "".join(_ASCII + _SPACES)


@functools.lru_cache(maxsize=None)
def _matching(pattern: str, flags: int) -> frozenset[str]:
    """The characters of _ASCII and _SPACES that the one-character `pattern` matches."""
    return frozenset(re.findall(pattern, _UNIVERSE, flags))


def _first(items, flags: int) -> tuple[set[str] | None, bool]:
    """(characters a match of the parsed items can start with, can it match empty). None: not
    known (any character)."""
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            got, empty = _matching(re.escape(chr(av)), flags), False
        elif op is _c.IN:
            if any(o is not _c.LITERAL and o is not _c.RANGE for o, _ in av):
                return None, False  # a category or a negated set: any character
            got = set()
            for o, a in av:
                one = re.escape(chr(a)) if o is _c.LITERAL else f"[{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}]"
                got |= _matching(one, flags)
            empty = False
        elif op is _c.SUBPATTERN:
            _, add, remove, sub = av
            got, empty = _first(sub, (flags | add) & ~remove)
        elif op is _c.ATOMIC_GROUP:
            got, empty = _first(av, flags)
        elif op is _c.BRANCH:
            got, empty = set(), False
            for sub in av[1]:
                g, e = _first(sub, flags)
                if g is None:
                    return None, False
                got, empty = got | g, empty or e
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            low, _, sub = av
            got, empty = _first(sub, flags)
            empty = empty or low == 0
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            got, empty = set(), True  # zero-width: what it asks of the text only narrows
        else:
            return None, False
        if got is None:
            return None, False
        chars |= got
        if not empty:
            return chars, False
    return chars, True


class FirstCharDispatch:
    """`lead (?:(?P<{prefix}{i}>alternative_i)|…) tail` with `flags`, matched at a position.

    `skip` must consume, from any position, every character LEAD may take before an alternative
    starts, and nothing an alternative can start with; then an alternative can only start where
    `skip` stops, and only one whose first character can be the one found there."""

    def __init__(self, lead: str, alternatives: list[str], tail: str, flags: int, prefix: str, skip: str):
        self._parts = lead, alternatives, tail, flags, prefix
        self.whole = self._compile(range(len(alternatives)))
        self._skip = re.compile(skip)
        self._by_char: dict[str, re.Pattern | None] = {}
        self._by_indices: dict[tuple[int, ...], re.Pattern] = {}  # "M" and "m" mostly share one
        self._table: dict[str, tuple[int, ...]] | None = None  # built at the first match

    def _build(self) -> dict[str, tuple[int, ...]]:
        """For each ASCII character, the alternatives that can start with it; {} when the
        alternatives cannot be told apart so (every match then goes through the whole pattern)."""
        _, alternatives, _, flags, _ = self._parts
        skipped = {ch for ch in _UNIVERSE if self._skip.fullmatch(ch)}
        firsts = [_first(_p.parse(a, flags), flags) for a in alternatives]
        if any(chars is None or empty or chars & skipped for chars, empty in firsts):
            return {}
        return {ch: tuple(i for i, (chars, _) in enumerate(firsts) if ch in chars) for ch in _ASCII}

    def _compile(self, indices) -> re.Pattern:
        lead, alternatives, tail, flags, prefix = self._parts
        return re.compile(lead + "(?:" + "|".join(f"(?P<{prefix}{i}>{alternatives[i]})" for i in indices) + ")" + tail, flags)

    def match(self, text: str, pos: int = 0) -> re.Match | None:
        """The same as `self.whole.match(text, pos)`."""
        if self._table is None:
            self._table = self._build()
        if not self._table:
            return self.whole.match(text, pos)
        at = self._skip.match(text, pos).end()
        ch = text[at:at + 1]
        if not ch:
            return None  # every alternative takes a character
        try:
            pattern = self._by_char[ch]
        except KeyError:
            indices = self._table.get(ch)
            if indices is None:  # outside ASCII: not split
                return self.whole.match(text, pos)
            if indices and indices not in self._by_indices:
                self._by_indices[indices] = self._compile(indices)
            pattern = self._by_char[ch] = self._by_indices[indices] if indices else None
        return pattern.match(text, pos) if pattern is not None else None
