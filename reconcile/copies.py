"""Copies: sentences one source reprinted from another, and names spelled two ways.

Reprints are grouped by hashing their words with figures masked, and near-copies found
through shared shingles, so the work grows with the corpus, not its square.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .models import Sentence
from .words import NAME_RE, SPELLING_SIMILARITY, WORD_RE

COPY_SIMILARITY = 88.0  # rapidfuzz ratio of masked sentences, 0-100
COPY_MIN_WORDS = 8
SHINGLE = 4
MAX_SHINGLE_POSTINGS = 16
SMALL_GROUP = 8


@dataclass(frozen=True, slots=True)
class Copy:
    """Two near-identical sentences in different sources: one was copied from the other."""

    source_a: str
    sentence_a: int
    source_b: str
    sentence_b: int
    similarity: float
    identical: bool


@dataclass(frozen=True)
class Variant:
    """Two spellings of one name, e.g. "Shah Mehmood Qureshi" / "Shah Mahmood Qureshi"."""

    name_a: str
    name_b: str
    sources_a: tuple[str, ...]
    sources_b: tuple[str, ...]
    similarity: float


def _masked_words(text: str) -> list[str]:
    return ["#" if w[0].isdigit() else w for w in WORD_RE.findall(text.lower())]


def find_copies(sentences: dict[str, list[Sentence]]) -> list[Copy]:
    """Copied sentences across sources, never by comparing all pairs.

    Sentences whose words match once numbers are masked are grouped by hash (a reprint, even
    one that changed a figure), linearly however often a wire story was reprinted. Near-copies
    (an edited word or two) are found among one sentence per group through shared shingles.
    """
    masked: dict[tuple[str, int], str] = {}
    groups: dict[str, list[tuple[str, int]]] = defaultdict(list)
    group_words: dict[str, list[str]] = {}  # each group's masked words, kept for its shingles
    split: dict[str, list[str]] = {}  # a sentence printed again (a wire copy, a retold article) is split once
    for source, items in sentences.items():
        for s in items:
            words = split.get(s.text)
            if words is None:
                words = split[s.text] = _masked_words(s.text)
            if len(words) >= COPY_MIN_WORDS:
                key = masked[(source, s.index)] = " ".join(words)
                members = groups[key]
                if not members:
                    group_words[key] = words
                members.append((source, s.index))
    pairs: dict[tuple, float] = {}
    for members in groups.values():
        # every pair in a small group; past that, each copy against the first (linear)
        anchors = members if len(members) <= SMALL_GROUP else members[:1]
        for i, anchor in enumerate(anchors):
            for other in members[i + 1:]:
                if other[0] != anchor[0]:
                    pairs[(anchor, other)] = 100.0
    # each run of SHINGLE words, hashed in C (a comprehension per group was a third of this)
    shingles = {key: set(map(hash, zip(*(words[k:] for k in range(SHINGLE))))) for key, words in group_words.items()}
    # only a shingle of two groups or more can pair them: found with set operations per group, so
    # the loop below visits those, not every shingle of the story (most are one sentence's own)
    seen: set[int] = set()
    repeated: set[int] = set()
    for found in shingles.values():
        repeated |= found & seen
        seen |= found
    index: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for key, members in groups.items():
        for shingle in shingles[key] & repeated:
            index[shingle].append(members[0])
    shared: Counter = Counter()
    for postings in index.values():
        if len(postings) > MAX_SHINGLE_POSTINGS or len(postings) < 2:  # a stock phrase, or one sentence's own
            continue
        for i, x in enumerate(postings):
            for y in postings[i + 1:]:
                if x[0] != y[0]:
                    shared[(x, y) if x < y else (y, x)] += 1
    for (x, y), count in shared.items():
        if count >= 2 and (similarity := fuzz.ratio(masked[x], masked[y])) >= COPY_SIMILARITY:
            pairs[(x, y)] = similarity
    texts = {(src, s.index): s.text for src, items in sentences.items() for s in items}
    ordered = sorted((min(x, y), max(x, y), similarity) for (x, y), similarity in pairs.items())
    return [Copy(*x, *y, round(similarity, 1), texts[x] == texts[y]) for x, y, similarity in ordered]


NAME_PARTS_RE = re.compile(r"[ \-]")  # compiled once: split per name of every article


def find_variants(texts: dict[str, str]) -> list[Variant]:
    """Names spelt two ways across the corpus ("Mehmood" / "Mahmood"), reported in context.

    Two capitalized words are variants when they are close (rapidfuzz ratio), start alike,
    and differ inside the word rather than by an ending: "Russia"/"Russian" and
    "Minister"/"Ministry" are different words, not spellings.
    """
    where: dict[str, set[str]] = defaultdict(set)
    names: dict[str, Counter] = defaultdict(Counter)
    for source, text in texts.items():
        for name in NAME_RE.findall(text):
            for word in NAME_PARTS_RE.split(name):
                where[word].add(source)
                names[word][name] += 1
    blocks: dict[str, list[str]] = defaultdict(list)
    for word in where:
        if len(word) >= 5:
            blocks[word[0]].append(word)
    variants = []
    for words in blocks.values():
        words.sort()
        for i, word in enumerate(words):
            for other, score, _ in process.extract(
                word, words[i + 1:], scorer=fuzz.ratio, score_cutoff=SPELLING_SIMILARITY, limit=None
            ):
                if _differs_by_ending(word, other):
                    continue
                name_a = _in_context(names[word], names[other], word, other)
                name_b = name_a.replace(word, other)
                variants.append(Variant(
                    name_a, name_b, tuple(sorted(where[word])), tuple(sorted(where[other])), round(score, 1)
                ))
    return variants


def _differs_by_ending(a: str, b: str) -> bool:
    common = len(os.path.commonprefix([a.lower(), b.lower()]))
    return common >= min(len(a), len(b)) - 2


def _in_context(names_a: Counter, names_b: Counter, word: str, other: str) -> str:
    """The longest run of a name around the word whose other spelling also occurs:
    "Shah Mahmood Qureshi" rather than just "Mahmood"."""
    best = word
    for name in sorted(names_a, key=lambda n: (-names_a[n], n)):
        tokens = name.split()
        if word not in tokens:
            continue
        at = tokens.index(word)
        for size in range(len(tokens), len(best.split()), -1):
            for start in range(max(0, at - size + 1), min(at, len(tokens) - size) + 1):
                window = " ".join(tokens[start:start + size])
                swapped = window.replace(word, other)
                if any(swapped in n for n in names_b):
                    best = window
                    break
            if best != word:
                break
    return best


def twins(claims: list, sentences: dict[str, list[Sentence]], drafts: frozenset[str] = frozenset()) -> dict[int, int]:
    """Claims that are verbatim reprints of an earlier claim: {twin index: representative index}.

    A twin is a figure at the same place in a sentence printed word for word by an earlier
    source (a wire story reprinted). It says nothing new, so it is aligned through its
    representative only, and the work grows with distinct wordings, not with reprints (issue #12).
    A draft under check is never a twin nor a representative: it is judged in its own right."""
    first: dict[tuple, int] = {}
    out: dict[int, int] = {}
    for i, c in enumerate(claims):
        if c.quantity is None or c.source in drafts:
            continue
        sentence = sentences[c.source][c.sentence]
        key = (sentence.text, c.quantity.start - sentence.start, c.quantity.surface)
        rep = first.setdefault(key, i)
        if rep != i and claims[rep].source != c.source:
            out[i] = rep
    return out
