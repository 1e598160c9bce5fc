"""Align: which claims in different sources are about the same thing.

Claims meet only inside a block of one dimension (lengths with lengths, dose counts with
dose counts), and inside a block only through an inverted index of their rarest words, so
the work grows with the number of claims, not its square. A pair must also be compatible:
the same predicate (doses supplied are not doses to buy), the same kind of part (a section
is not the whole line), the same head noun ("25-year lease" vs "two-day visit").

Copied passages (wire reprints) are found the same way, from shingles of masked words.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from . import frames
from .compare import EVENT_YEAR, RATIO_TOLERANCE, SLIPS, Measure, printed_number
from .models import Claim, DisjointSets, Sentence
from .quantities import STOPWORDS

SAME_STORY = 0.25  # weighted share of names two articles need to be one story
LONER_MIN_SHARED = 1  # content words an article with no shared names needs in common to join a story
MIN_SCORE = 0.3  # weighted word overlap for two claims to be about the same thing
NEARBY_WEIGHT = 0.5  # the previous sentence's words count half
RECIPROCAL_FACTOR = 0.5  # each other's best match in the other source, with a word nearby or a predicate in common
HEAD_BONUS = 0.2  # "a 1,100-km pipeline" and "a 680-mile pipeline": the head noun is strong evidence
PREDICATE_BONUS = 0.1  # both say "supplied" (or "cost", "capacity"): the same kind of statement
FAR_APART = 100.0  # see far_apart
FRAME_BONUS = MIN_SCORE  # both frames name one attribute: that alone pairs them, words only rank
COUNTED_FACTOR = 2  # "38 survivors rescued" / "45 survivors rescued": the thing and the verb say a lot
COMMON_IN_BLOCK = 0.2  # words in more of a block's claims than this share are not indexed
COPY_SIMILARITY = 88.0  # rapidfuzz ratio of masked sentences, 0-100
COPY_MIN_WORDS = 8
SHINGLE = 4
MAX_SHINGLE_POSTINGS = 16
SMALL_GROUP = 8
SPELLING_SIMILARITY = 85.0
WORD_RE = re.compile(r"[a-z][a-z'’\-]+|\d[\d,.]*")
NAME_WORD_RE = re.compile(r"\b[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)*\b")
NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:[ \-][A-Z][a-z]+)*\b")


@dataclass(frozen=True)
class Copy:
    """Two near-identical sentences in different sources: one was copied from the other."""

    source_a: str
    sentence_a: int
    source_b: str
    sentence_b: int
    similarity: float
    identical: bool


@dataclass(frozen=True)
class Alignment:
    a: int  # indices into the claim list
    b: int
    score: float
    copied: bool


@dataclass(frozen=True)
class Alias:
    """Several names for one thing: "North-South gas pipeline", "Pakistan Stream Gas Pipeline"."""

    canonical: str
    names: tuple[str, ...]
    sources: tuple[str, ...]


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
    for source, items in sentences.items():
        for s in items:
            words = _masked_words(s.text)
            if len(words) >= COPY_MIN_WORDS:
                masked[(source, s.index)] = " ".join(words)
                groups[masked[(source, s.index)]].append((source, s.index))
    pairs: dict[tuple, float] = {}
    for members in groups.values():
        # every pair in a small group; past that, each copy against the first (linear)
        anchors = members if len(members) <= SMALL_GROUP else members[:1]
        for i, anchor in enumerate(anchors):
            for other in members[i + 1:]:
                if other[0] != anchor[0]:
                    pairs[(anchor, other)] = 100.0
    index: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for members in groups.values():
        words = masked[members[0]].split()
        for shingle in {hash(tuple(words[i:i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}:
            index[shingle].append(members[0])
    shared: Counter = Counter()
    for postings in index.values():
        if len(postings) > MAX_SHINGLE_POSTINGS:  # a stock phrase, not evidence of copying
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
            for word in re.split(r"[ \-]", name):
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


# Things that get names in the news, and generic words that do not tell one from another.
THING_HEADS = ("pipeline", "project", "dam", "port", "plant", "refinery", "corridor", "railway",
               "line", "terminal", "station", "mine", "field", "canal", "highway", "airport", "tunnel")
NOT_NAME_WORDS = STOPWORDS | frozenset("gas oil natural power rail road new".split()) | frozenset(THING_HEADS)
THING_NAME_RE = re.compile(
    r"((?:\(?[A-Z][\w\-]*\)?\s+)+)(?:(?i:gas|oil|natural\s+gas|power|rail|road)\s+)?"
    rf"((?i:{'|'.join(THING_HEADS)}))s?\b(?:\s+[Pp]roject)?",
)


def find_aliases(
    sentences: dict[str, list[Sentence]], stories: dict[str, int]
) -> tuple[list[Alias], dict[tuple[str, int], set[str]]]:
    """Names of one thing within a story, linked when they share a distinctive word or meet in
    one sentence; and, for each sentence, the canonical names it mentions."""
    mentions: dict[tuple[str, int], set[str]] = defaultdict(set)
    tokens: dict[str, frozenset[str]] = {}
    where: dict[str, set[str]] = defaultdict(set)
    story_of: dict[str, int] = {}
    for source, items in sentences.items():
        for s in items:
            for m in THING_NAME_RE.finditer(s.text):
                words = [w.strip("()") for w in m.group(1).split()]
                words = [w for w in words if w.lower() not in NOT_NAME_WORDS]
                if not words:
                    continue
                # "Stream Gas Pipeline Project" is a pipeline: the first thing-word names the thing
                found = (w.rstrip("s") if w.rstrip("s") in THING_HEADS else w for w in re.findall(r"[a-z]+", m.group(0).lower()))
                head = next((w for w in found if w in THING_HEADS), m.group(2).lower())
                name = " ".join(words) + " " + head
                tokens[name] = frozenset(w.lower() for w in words)
                where[name].add(source)
                story_of[name] = stories.get(source, 0)
                mentions[(source, s.index)].add(name)
    common = _common_story_names(sentences, stories)
    sets = DisjointSets()

    names = sorted(tokens)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            same_thing = a.rsplit(" ", 1)[1] == b.rsplit(" ", 1)[1] and story_of[a] == story_of[b]
            if same_thing and (tokens[a] & tokens[b]) - common[story_of[a]]:
                sets.union(a, b)
    for together in mentions.values():
        ordered = sorted(together)
        for a, b in zip(ordered, ordered[1:]):
            if a.rsplit(" ", 1)[1] == b.rsplit(" ", 1)[1]:
                sets.union(a, b)
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        groups[sets.find(name)].append(name)
    aliases, canonical_of = [], {}
    for members in groups.values():
        canonical = max(members, key=lambda n: (len(where[n]), -len(n), n))
        canonical_of.update({n: canonical for n in members})
        if len(members) > 1:
            aliases.append(Alias(canonical, tuple(sorted(members)),
                                 tuple(sorted({src for n in members for src in where[n]}))))
    by_sentence = {key: {canonical_of[n] for n in found} for key, found in mentions.items()}
    return sorted(aliases, key=lambda a: a.canonical), by_sentence


def _common_story_names(sentences: dict[str, list[Sentence]], stories: dict[str, int]) -> dict[int, set[str]]:
    """Names in most of a story's articles ("Pakistan", "Russia") say nothing about which thing."""
    per_story: dict[int, Counter] = defaultdict(Counter)
    size: Counter = Counter()
    for source, items in sentences.items():
        story = stories.get(source, 0)
        size[story] += 1
        per_story[story].update({w.lower() for s in items for w in NAME_WORD_RE.findall(s.text)})
    return defaultdict(set, {
        story: {w for w, n in counts.items() if n >= max(2, 0.8 * size[story])} for story, counts in per_story.items()
    })


def find_stories(bodies: dict[str, str]) -> dict[str, int]:
    """Group articles into stories by the names they share, weighted by rarity.

    A folder may hold several stories; claims are only ever paired within one. Candidate
    article pairs come from an inverted index of names, so this is not all pairs either.
    """
    names = {
        path: frozenset(_lemma(w.lower()) for w in NAME_WORD_RE.findall(text) if w.lower() not in STOPWORDS)
        for path, text in bodies.items()
    }
    frequency = Counter(w for words in names.values() for w in words)
    total = len(names) or 1
    idf = {w: math.log(1 + total / n) for w, n in frequency.items()}
    postings: dict[str, list[str]] = defaultdict(list)
    for path in sorted(names):
        for w in names[path]:
            postings[w].append(path)
    sets = DisjointSets()

    limit = max(50, int(0.05 * total))  # past this many articles, a name's pairs are checked as a chain
    checked: set[tuple[str, str]] = set()
    for w in sorted(postings):
        paths = postings[w]
        # a name in many articles still counts, but each article is checked against its neighbours
        # in the posting list, not all the others: linear, and no evidence is dropped
        pairs = ((a, b) for i, a in enumerate(paths) for b in paths[i + 1:]) if len(paths) <= limit else \
            ((paths[i], paths[i + k]) for i in range(len(paths)) for k in (1, 2) if i + k < len(paths))
        for a, b in pairs:
            if (a, b) in checked or sets.find(a) == sets.find(b):
                continue
            checked.add((a, b))
            # one shared name is a coincidence unless an article names almost nothing
            enough = 2 if min(len(names[a]), len(names[b])) >= 5 else 1
            if len(names[a] & names[b]) >= enough and _overlap(names[a], names[b], idf) >= SAME_STORY:
                sets.union(a, b)
    _attach_loners(bodies, sets)
    roots: dict[str, int] = {}
    return {path: roots.setdefault(sets.find(path), len(roots)) for path in sorted(names)}


def _attach_loners(bodies: dict[str, str], sets: DisjointSets) -> None:
    """An article that shares no names with any other (an explainer, an editorial, a draft)
    joins the story of the article it shares the most rare content words with, so that it is
    never left alone while another article speaks of the same things."""
    size: Counter = Counter(sets.find(p) for p in bodies)
    loners = [p for p in sorted(bodies) if size[sets.find(p)] == 1]
    if not loners or len(bodies) < 2:
        return
    # a figure printed in both ("5,000") counts as a shared word
    words = {p: frozenset(_lemma(w) for w in WORD_RE.findall(t.lower()) if w not in STOPWORDS and len(w) > 2)
             for p, t in bodies.items()}
    frequency = Counter(w for ws in words.values() for w in ws)
    idf = {w: math.log(1 + len(bodies) / n) for w, n in frequency.items()}
    postings: dict[str, list[str]] = defaultdict(list)
    for p in sorted(bodies):
        for w in words[p]:
            postings[w].append(p)
    for loner in loners:
        shared: Counter = Counter()
        for w in words[loner]:
            for other in postings[w]:
                if other != loner:
                    shared[other] += idf[w]
        best = max(shared.items(), key=lambda kv: (kv[1], kv[0] < loner), default=None)
        if best and sum(1 for w in words[loner] if loner in postings[w] and best[0] in postings[w]) >= LONER_MIN_SHARED:
            sets.union(loner, best[0])


def spelling_map(words: Iterable[str]) -> dict[str, str]:
    """Map spelling variants of a word ("mehmood", "mahmood") onto one, blocked by prefix."""
    counts = Counter(words)
    blocks: dict[str, list[str]] = defaultdict(list)
    for word in counts:
        if len(word) >= 5:
            blocks[word[:2]].append(word)
    mapping: dict[str, str] = {}
    for block in blocks.values():
        if len(block) < 2:
            continue
        block.sort(key=lambda w: (-counts[w], w))  # the commonest spelling becomes canonical
        for i, word in enumerate(block):
            if word in mapping:
                continue
            for other, _, _ in process.extract(word, block[i + 1:], scorer=fuzz.ratio,
                                               score_cutoff=SPELLING_SIMILARITY, limit=None):
                mapping.setdefault(other, word)
    return mapping


SUFFIXES = ("ations", "ation", "ates", "ate", "ments", "ment", "ings", "ing", "eries", "ery", "ers", "er", "ed", "ion", "ly")


@lru_cache(maxsize=65536)
def _lemma(word: str) -> str:
    """A light stemmer, enough for "refines"/"refinery", "rescued"/"rescuers", "pipelines"/"pipeline"."""
    if len(word) <= 4:
        return word
    if word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith(("ches", "shes", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def align(
    claims: Sequence[Claim],
    measures: Sequence[Measure | None],
    copies: Sequence[Copy] = (),
    stories: dict[str, int] | None = None,
    things: dict[tuple[str, int], set[str]] | None = None,
) -> list[Alignment]:
    """Compatible pairs of claims from different sources about the same thing."""
    spelling = spelling_map(w for c in claims for w in c.context)

    def stories_of(c: Claim) -> int:
        return (stories or {}).get(c.source, 0)

    def normal(word: str) -> str:  # one spelling, one stem
        return _lemma(spelling.get(word, word))

    # a sentence naming a thing by any of its names counts as naming it: "§Stream pipeline"
    bags = [
        frozenset(normal(w) for w in c.context)
        | {f"§{name}" for name in (things or {}).get((c.source, c.sentence), ())}
        for c in claims
    ]
    document_frequency = Counter(w for bag in bags for w in bag)
    total = len(bags) or 1
    idf = {w: math.log(1 + total / n) for w, n in document_frequency.items()}
    # the sentence before counts at half weight: it often names what "the line" or "it" is
    weights = []
    for bag, c in zip(bags, claims):
        weighted = {w: NEARBY_WEIGHT for w in map(normal, c.nearby) if w in idf}
        weighted.update({w: 1.0 for w in bag})
        weights.append(weighted)
    copied = {(c.source_a, c.sentence_a, c.source_b, c.sentence_b) for c in copies}
    copied |= {(b, sb, a, sa) for a, sa, b, sb in copied}

    blocks: dict[tuple[int, str], list[int]] = defaultdict(list)
    per_sentence: Counter = Counter()
    dims = [block_dimension(c, m) if m is not None else None for c, m in zip(claims, measures)]
    for i, m in enumerate(measures):
        if m is not None:
            blocks[(stories_of(claims[i]), dims[i])].append(i)
            per_sentence[(claims[i].source, claims[i].sentence, dims[i])] += 1
    local = [frozenset(map(normal, c.local)) for c in claims]
    # what a claim can be found by: its words, and what it says (predicate) of what (head noun)
    keys = [bag | {f"§{c.predicate}"} if c.predicate else bag for bag, c in zip(bags, claims)]
    keys = [k | {f"§head:{_head(c)}"} if c.head else k for k, c in zip(keys, claims)]
    keys = [k | {f"{ATTRIBUTE_KEY}{c.frame.attribute}"} if c.frame.attribute else k for k, c in zip(keys, claims)]

    # where one attribute is reported for several named things ("9 cases in New Mexico", "80 in
    # Gaines County"), an unnamed figure is the story's whole, not any one of the named parts
    named: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for i, m in enumerate(measures):
        c = claims[i]
        if m is not None and c.frame.subject and c.frame.attribute:
            named[(stories_of(c), dims[i], c.frame.attribute)].append((c.frame.subject, c.source))
    divided = {key for key, subjects in named.items() if _distinct_subjects(subjects) > 1}

    def pairable(i: int, j: int) -> bool:
        a, b = claims[i], claims[j]
        if a.source == b.source or not compatible(a, b):
            return False
        if bool(a.frame.subject) != bool(b.frame.subject) and a.frame.attribute and \
                (stories_of(a), dims[i], a.frame.attribute) in divided:
            return False
        if measures[i].dimension != measures[j].dimension and printed_number(a) != printed_number(b):
            return False  # "3 percentage points" and "25%" measure a change differently
        if far_apart(measures[i], measures[j]):
            return False
        if dims[i] == EVENT_YEAR and not (a.frame.attribute and a.frame.attribute == b.frame.attribute) \
                and not local[i] & local[j]:
            return False  # "in service since 1995" / "flying since 1994": years of which event?
        crowded = max(per_sentence[(c.source, c.sentence, dims[k])] for c, k in ((a, i), (b, j))) > 1
        same_attribute = bool(a.frame.attribute) and a.frame.attribute == b.frame.attribute
        return not crowded or same_attribute or bool(local[i] & local[j])  # crowded figures need their own words

    scored: dict[tuple[int, int], tuple[float, float, bool]] = {}
    for members in blocks.values():
        for i, j in _candidates(members, keys):
            if not pairable(i, j):
                continue
            a, b = claims[i], claims[j]
            is_copy = (a.source, a.sentence, b.source, b.sentence) in copied
            same_head = bool(_head(a)) and _head(a) == _head(b)
            same_predicate = bool(a.predicate) and a.predicate == b.predicate
            counted = a.quantity.kind == "count" and b.quantity.kind == "count"
            bonus = HEAD_BONUS * same_head + PREDICATE_BONUS * same_predicate * (1 + COUNTED_FACTOR * counted)
            if a.frame.attribute and a.frame.attribute == b.frame.attribute:
                bonus += FRAME_BONUS
            score = 1.0 if is_copy else min(1.0, _weighted_overlap(weights[i], weights[j], idf) + bonus)
            threshold = MIN_SCORE * (1.5 if _is_duration(a) and not same_head else 1)
            scored[(i, j)] = (score, threshold, is_copy)
    best = _best_partners(scored, claims)
    alignments = [
        Alignment(i, j, round(score, 3), is_copy)
        for (i, j), (score, threshold, is_copy) in scored.items()
        if score >= threshold
        or score >= threshold * RECIPROCAL_FACTOR and best.get((i, claims[j].source)) == j
        and best.get((j, claims[i].source)) == i
        and (bool(local[i] & local[j]) or bool(claims[i].predicate) and claims[i].predicate == claims[j].predicate)
    ]
    return sorted(alignments, key=lambda x: (x.a, x.b))


def find_conversions(claims: Sequence[Claim], measures: Sequence[Measure | None], texts: dict[str, str]) -> list[Alignment]:
    """"a 300-kilometre (250-mile) road", "€222m (£198m)": a figure with its conversion in
    brackets, as a pair within one source (of one dimension, or two currencies). `texts` maps
    each source path to its text."""
    pairs = []
    for i in range(len(claims) - 1):
        a, b = claims[i], claims[i + 1]
        ma, mb = measures[i], measures[i + 1]
        if a.source != b.source or ma is None or mb is None:
            continue
        if ma.dimension != mb.dimension and not (a.quantity.kind == b.quantity.kind == "money"):
            continue
        between = texts[a.source][a.quantity.end:b.quantity.start]
        if between.strip() in ("(", "[", "/", "or"):
            pairs.append(Alignment(i, i + 1, 1.0, False))
    return pairs


def follow_conversions(
    alignments: list[Alignment], conversions: list[Alignment], claims: Sequence[Claim], measures: Sequence[Measure | None],
) -> list[Alignment]:
    """`alignments` plus the pairs their conversions imply: when "€222m (£198m)" and "222 million
    euros (£200.6m)" state one fact, so do "£198m" and "£200.6m", though their own words say little."""
    converted: dict[int, list[int]] = defaultdict(list)
    for c in conversions:
        converted[c.a].append(c.b)
        converted[c.b].append(c.a)
    have = {(al.a, al.b) for al in alignments}
    implied = []
    for al in alignments:
        for x in converted.get(al.a, ()):
            for y in converted.get(al.b, ()):
                pair = (min(x, y), max(x, y))
                if claims[x].source != claims[y].source and measures[x].dimension == measures[y].dimension \
                        and pair not in have and compatible(claims[x], claims[y]):
                    have.add(pair)
                    implied.append(Alignment(*pair, al.score, False))
    return alignments + implied


PERCENT_DIMENSIONS = frozenset({"dimensionless", "[percentage_point]"})


def far_apart(ma: Measure, mb: Measure) -> bool:
    """Figures FAR_APART times apart or more, with no known slip to explain the ratio (1,000, a
    million, 365, 100 for percent/fraction), are different facts: "an £89m fee" and "a £500
    fine". Real misprints are close or known slips; the founding 47x pipeline conflict is kept."""
    if ma.dimension == EVENT_YEAR or not ma.value or not mb.value:
        return False
    ratio = max(abs(ma.value), abs(mb.value)) / min(abs(ma.value), abs(mb.value))
    return ratio >= FAR_APART and not any(abs(ratio / slip - 1) <= RATIO_TOLERANCE for slip, _, _ in SLIPS)


def _distinct_subjects(named: list[tuple[str, str]]) -> int:
    """How many different things these (subject, source) names name, counting only things named
    by two sources or more: one outlet's "Moscow" for "Russia" does not divide a fact."""
    groups: list[tuple[set[str], set[str]]] = []
    for subject, source in sorted(named):
        for names, sources in groups:
            if any(frames.same_subject(subject, other) for other in names):
                names.add(subject)
                sources.add(source)
                break
        else:
            groups.append(({subject}, {source}))
    return sum(1 for _, sources in groups if len(sources) > 1)


def block_dimension(claim: Claim, m: Measure) -> str:
    """Claims meet only within one dimension; a change in percent and one in percentage points
    meet too, so that "rose 3 percent" against "rose 3 percentage points" can be diagnosed."""
    if claim.frame.change in ("up", "down") and m.dimension in PERCENT_DIMENSIONS:
        return "percent-change"
    return m.dimension


def _best_partners(scored, claims) -> dict[tuple[int, str], int]:
    """For each claim and each other source, its best-scoring candidate there."""
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for (i, j), (score, _, _) in scored.items():
        for x, y in ((i, j), (j, i)):
            key = (x, claims[y].source)
            if key not in best or (score, -y) > (best[key][0], -best[key][1]):
                best[key] = (score, y)
    return {key: y for key, (_, y) in best.items()}


def _candidates(members: list[int], keys) -> Iterable[tuple[int, int]]:
    """Pairs sharing a key that is not common in the block: an inverted index, not all pairs."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i in members:
        for w in keys[i]:
            postings[w].append(i)
    limit = max(8, int(COMMON_IN_BLOCK * len(members)))
    seen: set[tuple[int, int]] = set()
    for w in sorted(postings):
        ids = postings[w]
        if len(ids) > limit and not w.startswith(ATTRIBUTE_KEY):  # a common word; an attribute is never dropped
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                pair = (ids[x], ids[y]) if ids[x] < ids[y] else (ids[y], ids[x])
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def _weighted_overlap(x: dict[str, float], y: dict[str, float], idf: dict[str, float]) -> float:
    """Shared weight over the lighter side's own sentence (words of weight 1): the sentence
    before can add evidence, but never dilutes it."""
    shared = sum(idf[w] * min(x[w], y[w]) for w in x.keys() & y.keys())
    own_x = sum(idf[w] for w, v in x.items() if v == 1.0)
    own_y = sum(idf[w] for w, v in y.items() if v == 1.0)
    norm = math.sqrt(own_x * own_y)
    return min(1.0, shared / norm) if norm else 0.0


def _overlap(x: frozenset, y: frozenset, idf: dict[str, float]) -> float:
    """Weighted overlap coefficient: shared weight over the lighter bag's weight."""
    shared = sum(idf[w] for w in x & y)
    lighter = min(sum(idf[w] for w in x), sum(idf[w] for w in y))
    return shared / lighter if lighter else 0.0


def _is_duration(claim: Claim) -> bool:
    return claim.quantity is not None and claim.quantity.kind == "duration" and not claim.predicate.startswith("last-")


def _head(claim: Claim) -> str:
    """What a figure measures a property of: "a 1,100-km *pipeline*", "the *tanker* is 330 m long"."""
    return _lemma(claim.head or claim.frame.head.rsplit(" ", 1)[-1])


def _same_duration(a: Claim, b: Claim, head_a: str, head_b: str, base_a: str, base_b: str) -> bool:
    """Durations pair when they measure the same noun: both modify it ("25-year lease"), or one
    modifies it and the other has it next door ("leased ... for 30 years")."""
    if a.frame.attribute and a.frame.attribute == b.frame.attribute and a.frame.attribute != "duration":
        return True  # "freed four days later" / "freed after five days"
    if head_a and head_b:
        return head_a == head_b
    if head_a or head_b:
        head, other = (head_a, b) if head_a else (head_b, a)
        return head in {_lemma(w) for w in other.local}
    return bool(base_a) and base_a == base_b


ATTRIBUTE_KEY = "§attribute:"


def compatible(a: Claim, b: Claim) -> bool:
    """Could these two claims state the same fact? Their frames first (subject, attribute,
    part, period, change, modality), then what an adjectival figure modifies."""
    if not frames.compatible(a.frame, b.frame):
        return False
    base_a = a.predicate.split("+")[0]
    base_b = b.predicate.split("+")[0]
    if (base_a == "last-occurrence") != (base_b == "last-occurrence"):
        return False
    head_a, head_b = _head(a), _head(b)
    if head_a and head_b and head_a != head_b and not (
            head_a in map(_lemma, b.frame.head.split()) or head_b in map(_lemma, a.frame.head.split())):
        return False  # "a 6-km tunnel" is not "a 30-km link"; "a 30-km rail link opens" names the link
    if _is_duration(a) and not _same_duration(a, b, head_a, head_b, base_a, base_b):
        return False  # "a two-day trip" vs "follows by one day": lengths of what?
    counts = a.quantity is not None and a.quantity.kind == "count"
    if counts and bool(a.frame.attribute) != bool(b.frame.attribute):
        return False  # "42 people died" and "120,000 people are in camps": counts need their event
    return True
