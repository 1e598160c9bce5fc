"""Stories: which articles report one event, and the several names of one thing in them.

Articles are one story when they share enough of their names, weighted by rarity; an
article that shares no names joins the story it shares most words with.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .models import DisjointSets, Sentence
from .quantities import STOPWORDS
from .words import NAME_WORD_RE, WORD_RE, stem

SAME_STORY = 0.25  # weighted share of names two articles need to be one story
LONER_MIN_SHARED = 1  # content words an article with no shared names needs in common to join a story
# Things that get names in the news, and generic words that do not tell one from another.
THING_HEADS = ("pipeline", "project", "dam", "port", "plant", "refinery", "corridor", "railway",
               "line", "terminal", "station", "mine", "field", "canal", "highway", "airport", "tunnel")
NOT_NAME_WORDS = STOPWORDS | frozenset("gas oil natural power rail road new".split()) | frozenset(THING_HEADS)
THING_NAME_RE = re.compile(
    r"((?:\(?[A-Z][\w\-]*\)?\s+)+)(?:(?i:gas|oil|natural\s+gas|power|rail|road)\s+)?"
    rf"((?i:{'|'.join(THING_HEADS)}))s?\b(?:\s+[Pp]roject)?",
)
# what every THING_NAME_RE match holds: a thing-word right after a space (its name words and the
# modifier end in one). Most sentences have none, and this scan costs half of THING_NAME_RE's
THING_HEAD_RE = re.compile(rf"\s(?i:{'|'.join(THING_HEADS)})")


@dataclass(frozen=True)
class Alias:
    """Several names for one thing: "North-South gas pipeline", "Pakistan Stream Gas Pipeline"."""

    canonical: str
    names: tuple[str, ...]
    sources: tuple[str, ...]


def find_aliases(
    sentences: dict[str, list[Sentence]], stories: dict[str, int]
) -> tuple[list[Alias], dict[tuple[str, int], set[str]]]:
    """Names of one thing within a story, linked when they share a distinctive word or meet in
    one sentence; and, for each sentence, the canonical names it mentions."""
    mentions: dict[tuple[str, int], set[str]] = defaultdict(set)
    tokens: dict[str, frozenset[str]] = {}
    where: dict[str, set[str]] = defaultdict(set)
    story_of: dict[str, int] = {}
    read: dict[str, tuple] = {}  # a sentence printed again (a wire copy, a retold article) is read once
    for source, items in sentences.items():
        for s in items:
            found = read.get(s.text)
            if found is None:
                found = read[s.text] = _thing_names(s.text)
            for name, words in found:
                tokens[name] = words
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


def _thing_names(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The names of things a sentence prints ("Pakistan Stream Gas Pipeline"), each with its
    distinctive words, lower-cased, in order."""
    if not THING_HEAD_RE.search(text):
        return ()
    found = []
    for m in THING_NAME_RE.finditer(text):
        words = [w.strip("()") for w in m.group(1).split()]
        words = [w for w in words if w.lower() not in NOT_NAME_WORDS]
        if not words:
            continue
        # "Stream Gas Pipeline Project" is a pipeline: the first thing-word names the thing
        heads = (w.rstrip("s") if w.rstrip("s") in THING_HEADS else w for w in re.findall(r"[a-z]+", m.group(0).lower()))
        head = next((w for w in heads if w in THING_HEADS), m.group(2).lower())
        found.append((" ".join(words) + " " + head, frozenset(w.lower() for w in words)))
    return tuple(found)


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


CALENDAR_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december""".split())
SENTENCE_OPENERS = frozenset(".!?:;\"“‘([—–-")  # a word right after one of these (and spaces) opens a sentence


def article_names(text: str) -> set[str]:
    """The names an article uses: capitalized words it prints inside a sentence of its prose
    somewhere ("Lavrov", "Pakistan"), not words capitalized only because they open a sentence
    ("Officials", "Overnight") or stand in a title-case headline, which other stories print too."""
    found = set()
    for line in text.splitlines():
        if not line.rstrip().endswith((".", "!", "?", "\"", "”", "'", "’", ")")):
            continue  # a headline, a caption label, a list item: title case says nothing
        for m in NAME_WORD_RE.finditer(line):
            start = m.start()
            # the line's start or an opener within the three characters before, as a string test (a
            # regex search per word was most of the grouping's time)
            before = line[max(0, start - 3):start].rstrip() if start else ""
            if before and before[-1] not in SENTENCE_OPENERS:
                found.add(m.group(0))
    return found


NOT_STORY_NAMES = STOPWORDS | CALENDAR_WORDS  # "Tuesday" is in every story of its week


def story_keys(body: str) -> frozenset[str]:
    """What an article is grouped into a story by: the stems of the names it uses (see
    article_names). Stored per article, so `check --db` finds a draft's story by index."""
    return frozenset(stem(w.lower()) for w in article_names(body) if w.lower() not in NOT_STORY_NAMES)


def find_stories(bodies: Mapping[str, str], names_out: dict[str, tuple[str, ...]] | None = None) -> dict[str, int]:
    """Group articles into stories by the names they share, weighted by rarity.

    A folder may hold several stories; claims are only ever paired within one. Candidate
    article pairs come from an inverted index of names, so this is not all pairs either.
    `names_out`, when given, receives each article's story_keys, sorted (the store indexes them).
    """
    names = {path: story_keys(text) for path, text in bodies.items()}
    if names_out is not None:
        names_out.update((path, tuple(sorted(words))) for path, words in names.items())
    frequency = Counter(w for words in names.values() for w in words)
    total = len(names) or 1
    idf = {w: math.log(1 + total / n) for w, n in frequency.items()}
    weight = {path: sum(idf[w] for w in words) for path, words in names.items()}
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
            if len(names[a] & names[b]) >= enough and _overlap(names[a], names[b], idf, weight[a], weight[b]) >= SAME_STORY:
                sets.union(a, b)
    if not any(names.values()):  # no article names anything: nothing to tell stories apart by
        for path in sorted(names)[1:]:
            sets.union(path, min(names))
    _attach_loners(bodies, sets)
    roots: dict[str, int] = {}
    return {path: roots.setdefault(sets.find(path), len(roots)) for path in sorted(names)}


def _attach_loners(bodies: Mapping[str, str], sets: DisjointSets) -> None:
    """An article that shares no names with any other (an explainer, an editorial, a draft)
    joins the story of the article it shares the most rare content words with, so that it is
    never left alone while another article speaks of the same things."""
    size: Counter = Counter(sets.find(p) for p in bodies)
    loners = [p for p in sorted(bodies) if size[sets.find(p)] == 1]
    if not loners or len(bodies) < 2:
        return
    # a figure printed in both ("5,000") counts as a shared word
    def words(p: str) -> frozenset[str]:
        return frozenset(stem(w) for w in WORD_RE.findall(bodies[p].lower()) if w not in STOPWORDS and len(w) > 2)

    # only the loners' words are counted and indexed: every article's words held at once grew
    # with the corpus (a tenth of a run's peak memory)
    mine = {p: words(p) for p in loners}
    vocabulary = frozenset().union(*mine.values())
    frequency: Counter = Counter()
    postings: dict[str, list[str]] = defaultdict(list)
    for p in sorted(bodies):
        found = mine[p] if p in mine else words(p) & vocabulary
        frequency.update(found)
        for w in found:
            postings[w].append(p)
    idf = {w: math.log(1 + len(bodies) / n) for w, n in frequency.items()}
    for loner in loners:
        shared: Counter = Counter()
        for w in mine[loner]:
            for other in postings[w]:
                if other != loner:
                    shared[other] += idf[w]
        # ties broken by path, never by set order (which changes from run to run)
        best = max(shared.items(), key=lambda kv: (round(kv[1], 9), kv[0] < loner, kv[0]), default=None)
        if best and len(mine[loner] & words(best[0])) >= LONER_MIN_SHARED:
            sets.union(loner, best[0])


def _overlap(x: frozenset, y: frozenset, idf: dict[str, float], weight_x: float, weight_y: float) -> float:
    """Weighted overlap coefficient: shared weight over the lighter bag's weight (the bags'
    weights given, computed once per article)."""
    shared = sum(idf[w] for w in x & y)
    lighter = min(weight_x, weight_y)
    return shared / lighter if lighter else 0.0



def story_names(texts: Iterable[tuple[str, str]], stories: dict[str, int], top: int = 2) -> dict[int, str]:
    """A name for each story for the report: its `top` name words found in the most of its
    articles (ties: more mentions, then alphabetical), e.g. {0: "Lavrov, Pakistan"}. Calendar
    words and stopwords are not names. `texts` gives (path, text) for each article, one at a
    time (a generator keeps a large corpus from being held twice)."""
    articles: dict[int, Counter] = defaultdict(Counter)
    mentions: dict[int, Counter] = defaultdict(Counter)
    for path, text in texts:
        found = [w for w in NAME_WORD_RE.findall(text) if w.lower() not in NOT_STORY_NAMES]
        story = stories.get(path, 0)
        articles[story].update(set(found))
        mentions[story].update(found)
    return {story: ", ".join(sorted(counts, key=lambda w: (-counts[w], -mentions[story][w], w))[:top])
            for story, counts in articles.items()}
