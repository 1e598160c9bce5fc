"""Escape: article text is untrusted data, never markup or control, in every output.

Articles come from scraped pages, wire feeds and readers' tips. Whatever they hold is shown,
never acted on: control characters and bidirectional overrides become visible escapes
("\\x1b", "\\u202e"), HTML and Markdown syntax is shown literally, rich markup is printed as
typed. One pure function per kind of output; renderers call them on every piece of article
text they place (sentences, quotes, fact names, outlets, titles, paths).
"""

from __future__ import annotations

import re

from rich.markup import escape as rich_escape

# U+202A-U+202E (embeddings, overrides) and U+2066-U+2069 (isolates), plus the marks U+200E/F
# and U+061C: they can make "1,200" display as another number (Unicode TR#9).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Zero-width characters carry nothing a reader sees; inside a number they would split it.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_CONTROL_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS | ZERO_WIDTH)) + "]"
)
# inline syntax: code, emphasis, links and images, table cells, strikethrough. Article text is
# never placed at the start of a line, so block syntax ("#", "-", "1.") cannot start there.
_MARKDOWN_PUNCTUATION_RE = re.compile(r"([\\`*_\[\]!|~])")


def visible(text: str) -> str:
    """`text` with every control, bidirectional and zero-width character shown as an escape
    ("\\x1b", "\\u202e"); tabs and newlines kept. Plain text is returned unchanged."""
    return _CONTROL_RE.sub(_escape_char, text)


def _escape_char(m: re.Match) -> str:
    code = ord(m.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def has_bidi(text: str) -> bool:
    """Does `text` hold a bidirectional control (which can reorder how a figure displays)?"""
    return not BIDI_CONTROLS.isdisjoint(text)


def line(text: str) -> str:
    """One line of visible text: newlines and tabs become spaces, runs of space one."""
    return " ".join(visible(text).split())


def markdown(text: str) -> str:
    """Article text as literal CommonMark inline content on one line: HTML special characters
    as entities, Markdown punctuation backslash-escaped (so `[x](javascript:…)`, `![x](http://…)`,
    emphasis and table pipes stay text), controls visible."""
    # "&" first, so no entity made here is escaped again; replace is far faster than translate
    # with a table, and these characters are rare in article text
    escaped = line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return _MARKDOWN_PUNCTUATION_RE.sub(r"\\\1", escaped)


def terminal(text: str) -> str:
    """Article text for a rich console: controls visible, rich markup ("[bold]") literal."""
    return rich_escape(visible(text))
