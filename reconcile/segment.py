"""Segment: paragraphs -> sentences, each with offsets and a line number into the file."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from .models import Document, Sentence

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt cpl adm gov sen rep pres st jr sr rev hon
    inc corp ltd co bros dept est approx vs etc fig no nos vol pp ed eds jan feb mar apr jun jul
    aug sep sept oct nov dec mon tue wed thu fri sat sun mt gov't cf e.g i.e a.m p.m u.s
    u.k u.n u.s.a e.u rs""".split()  # "Rs. 57.46 crore": the rupee abbreviation ends no sentence
)
# A candidate break: terminal punctuation, optional closing quotes/brackets, then space.
BREAK_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


MAX_SENTENCE = 5_000  # characters; longer runs (tables, dumps) are cut at a space


def segment(document: Document, max_sentence: int = MAX_SENTENCE) -> list[Sentence]:
    """Sentences of the kept paragraphs, in order, with 1-based line numbers."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", document.text)]
    sentences: list[Sentence] = []
    for block_start, block_end in document.blocks:
        for sentence_start, sentence_end in split_sentences(document.text, block_start, block_end):
            for start, end in _capped(document.text, sentence_start, sentence_end, max_sentence):
                line = bisect.bisect_right(line_starts, start)
                sentences.append(Sentence(len(sentences), start, end, line, document.text[start:end]))
    return sentences


def _capped(text: str, start: int, end: int, limit: int) -> Iterable[tuple[int, int]]:
    """Cut an overlong sentence into pieces of at most `limit` characters, at spaces."""
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > start else start + limit
        yield from trimmed(text, start, cut)
        start = cut
    yield from trimmed(text, start, end)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> Iterable[tuple[int, int]]:
    """(start, end) spans of the sentences in text[start:end], whitespace trimmed."""
    end = len(text) if end is None else end
    sentence_start = start
    for m in BREAK_RE.finditer(text, start, end):
        if _is_abbreviation(text, sentence_start, m.start(), m.group(0)):
            continue
        yield from trimmed(text, sentence_start, m.end())
        sentence_start = m.end()
    yield from trimmed(text, sentence_start, end)


SPACED_DECIMAL_RE = re.compile(r" \d{1,3}(?![\d.,])\s?(?:%|[a-z])")


def _is_abbreviation(text: str, sentence_start: int, dot: int, punctuation: str) -> bool:
    if not punctuation.startswith(".") or len(punctuation.rstrip("\"'”’)]")) > 1:
        return False
    token = _token_before(text, sentence_start, dot)
    if not token:
        return False
    word = token.lower().strip("'’")
    if word in ABBREVIATIONS:
        return True
    if word == "0" and SPACED_DECIMAL_RE.match(text, dot + 1):
        return True  # "0. 2 percentage points": a space typed after a decimal point, not a sentence's end
    # initials and dotted acronyms: "J.", "U.S", "a.m"
    return len(word) == 1 and word.isalpha() or bool(re.fullmatch(r"(?:\w\.)+\w", word))


def _token_before(text: str, start: int, end: int) -> str:
    """What re.search(r"([\\w.'’-]+)$", text[start:end]) finds, read backwards from `end`: the
    search tried every start in the sentence, once per candidate break. As `$` does, a newline
    right before `end` is passed over."""
    if end > start and text[end - 1] == "\n":
        end -= 1
    i = end
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "_.'’-"):  # \w is isalnum() or "_"
        i -= 1
    return text[i:end]


def trimmed(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """The span without surrounding whitespace, unless nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end
