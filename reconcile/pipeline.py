"""The whole job on a corpus, as one function the CLI calls: ingest -> ... -> findings.

Extraction runs per document (optionally in a process pool); alignment and judgement run
once over the corpus. Nothing here prints or writes files: `store` and `report` do that.
"""

from __future__ import annotations

import os
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date

from . import frames
from .align import (MIN_SCORE, Alias, Alignment, Copy, Variant, align, find_aliases, find_conversions, find_copies, find_stories,
                    find_variants, follow_conversions)
from .compare import Measure, Verdict, consistent, is_slip, judge, measure
from .extract import extract_claims
from .ingest import MAX_FILE_BYTES, Skipped, read_documents
from .models import Claim, DisjointSets, Document, Sentence
from .segment import MAX_SENTENCE, segment

PARALLEL_MIN_BYTES = 2_000_000  # below this a process pool costs more than it saves


@dataclass(frozen=True)
class Judged:
    """An aligned pair with its verdict; `fact` groups the pairs about one fact."""

    a: int
    b: int
    verdict: Verdict
    fact: int
    score: float
    copied: bool


@dataclass(frozen=True)
class Fact:
    id: int
    label: str
    claims: tuple[int, ...]
    disputed: bool
    groups: tuple[tuple[int, ...], ...]  # claims that agree with each other, largest first
    origins: tuple[int, ...]  # independent origins per group
    articles: tuple[int, ...]  # sources per group


@dataclass(frozen=True)
class RunResult:
    documents: list[Document]
    sentences: dict[str, list[Sentence]]
    claims: list[Claim]
    measures: list[Measure | None]
    copies: list[Copy]
    variants: list[Variant]
    judged: list[Judged]
    facts: list[Fact]
    skipped: list[Skipped]
    stories: dict[str, int] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)
    assumed_dates: dict[str, date] = field(default_factory=dict)

    @property
    def contradictions(self) -> list[Judged]:
        return [j for j in self.judged if not j.verdict.agree]


@dataclass(frozen=True)
class Limits:
    """Explicit bounds on input, far above what a real article needs."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_sentence: int = MAX_SENTENCE


def _extract_one(document: Document, max_sentence: int = MAX_SENTENCE) -> tuple[list[Sentence], list[Claim]]:
    sentences = segment(document, max_sentence)
    return sentences, extract_claims(document, sentences)


def extract_all(
    documents: Sequence[Document], jobs: int = 1, min_bytes: int = PARALLEL_MIN_BYTES,
    max_sentence: int = MAX_SENTENCE,
) -> list[tuple[list[Sentence], list[Claim]]]:
    """Per-document extraction, in a process pool when the corpus is big enough to pay for it.
    Results come back in document order either way."""
    size = sum(len(d.text) for d in documents)
    if jobs > 1 and len(documents) > 1 and size >= min_bytes:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            return list(pool.map(_extract_one, documents, [max_sentence] * len(documents),
                                 chunksize=max(1, len(documents) // (jobs * 4))))
    return [_extract_one(d, max_sentence) for d in documents]


def analyze(
    documents: list[Document], skipped: list[Skipped] | None = None, jobs: int = 1, limits: Limits = Limits()
) -> RunResult:
    """Claims, copies, alignments, verdicts and facts for already-ingested documents."""
    extracted = extract_all(documents, jobs, max_sentence=limits.max_sentence)
    sentences = {d.path: s for d, (s, _) in zip(documents, extracted)}
    claims = [c for _, cs in extracted for c in cs]
    stories = find_stories({d.path: "\n".join(d.text[a:b] for a, b in d.blocks) for d in documents})
    published, assumed = _publication_dates(documents, stories)
    # an assumed date says nothing about when a tally was true: only printed dates set as-of
    claims = [_dated(c, None if c.source in assumed else published.get(c.source)) for c in claims]
    measures = [measure(c, published.get(c.source)) for c in claims]
    copies = find_copies(sentences)
    variants = find_variants({path: _body_text(items) for path, items in sentences.items()})
    copies = [c for c in copies if stories[c.source_a] == stories[c.source_b]]
    aliases, things = find_aliases(sentences, stories)
    conversions = find_conversions(claims, measures, {d.path: d.text for d in documents})
    alignments = follow_conversions(align(claims, measures, copies, stories, things), conversions, claims, measures)
    alignments += [c for c in conversions if measures[c.a].dimension == measures[c.b].dimension]
    judged = _judge_all(claims, measures, alignments)
    judged = _plausible(_two_camps(judged, _origins(claims, copies)))
    facts = _facts(claims, measures, judged, copies)
    return RunResult(documents, sentences, claims, measures, copies, variants, judged, facts,
                     list(skipped or []), stories, aliases, assumed)


def _dated(claim: Claim, published: date | None) -> Claim:
    """The claim with its frame's as-of date, once its article's date is known."""
    if claim.quantity is None or published is None:
        return claim
    return replace(claim, frame=replace(claim.frame, as_of=frames.as_of(claim.frame, published)))


def run_corpus(folder: str | os.PathLike, jobs: int = 1, limits: Limits = Limits()) -> RunResult:
    documents, skipped = read_documents(folder, limits.max_file_bytes)
    return analyze(documents, skipped, jobs, limits)


def _body_text(sentences: list[Sentence]) -> str:
    """Body sentences without their first word: where a capital letter marks a name, not a
    headline's title case or a sentence start."""
    body = (s.text.split(None, 1) for s in sentences if s.text.rstrip("\"”’')").endswith((".", "!", "?")))
    return "\n".join(parts[1] for parts in body if len(parts) == 2)


def _publication_dates(
    documents: list[Document], stories: dict[str, int]
) -> tuple[dict[str, date], dict[str, date]]:
    """Each article's date; an undated one is assumed to share its story's median date."""
    known = {d.path: d.published for d in documents if d.published}
    by_story: dict[int, list[date]] = defaultdict(list)
    for path, published in known.items():
        by_story[stories.get(path, 0)].append(published)
    assumed = {}
    for d in documents:
        dates = by_story.get(stories.get(d.path, 0))
        if not d.published and dates:
            assumed[d.path] = date.fromordinal(statistics.median_low(x.toordinal() for x in dates))
    return {**known, **assumed}, assumed


def _judge_all(claims, measures, alignments: list[Alignment]) -> list[Judged]:
    sets = DisjointSets()
    for al in alignments:
        sets.union(al.a, al.b)
    fact_ids: dict[int, int] = {}
    judged = []
    for al in sorted(alignments, key=lambda x: (x.a, x.b)):
        root = sets.find(al.a)
        fact = fact_ids.setdefault(root, len(fact_ids) + 1)
        verdict = judge(claims[al.a], claims[al.b], measures[al.a], measures[al.b], al.copied)
        judged.append(Judged(al.a, al.b, verdict, fact, al.score, al.copied))
    return judged


TWO_CAMPS = 1.5  # two attested values this far apart are two facts, not a dispute (see _two_camps)
PLAIN_MISMATCH = frozenset({"value-mismatch", "duration-mismatch", "date-mismatch"})


def _two_camps(judged: list[Judged], origin: list[int]) -> list[Judged]:
    """Drop disagreements between two camps that are each attested by two independent origins
    and TWO_CAMPS times apart or more, with no known slip to explain the ratio: "90%" in four
    outlets and "43%" in three are the yes share and the turnout, not a dispute. One outlet's
    misprint is rarely repeated independently; two consensus values that far apart are two
    facts whose frames could not tell them apart. Copies count once (their shared origin)."""
    support: dict[int, set[int]] = defaultdict(set)
    for j in judged:
        if j.verdict.agree and j.verdict.kind == "agreement":
            support[j.a].add(origin[j.b])
            support[j.b].add(origin[j.a])

    def attested(i: int) -> bool:
        return len(support[i] | {origin[i]}) >= 2

    def two_facts(j: Judged) -> bool:
        plain = j.verdict.kind in PLAIN_MISMATCH and not is_slip(j.verdict.ratio)
        return plain and j.verdict.ratio >= TWO_CAMPS and attested(j.a) and attested(j.b)

    return [j for j in judged if j.verdict.agree or not two_facts(j)]


GAP_NEEDS_EVIDENCE = 3.0  # a gap this wide with no slip to explain it is more likely two facts...
STRONG_PAIRING = 2 * MIN_SCORE  # ...unless the words tie the figures twice as well as pairing needs


def _plausible(judged: list[Judged]) -> list[Judged]:
    """Drop plain disagreements GAP_NEEDS_EVIDENCE times apart or more whose pairing rests on
    weak evidence (score below STRONG_PAIRING, not a copy): outlets rarely differ threefold on
    one fact except by a known slip, while loosely tied figures of other facts often do. A
    wide gap the words tie strongly ("15,000 votes" / "about 50,000 votes" left to count) stays."""
    def weak_and_wide(j: Judged) -> bool:
        return (not j.verdict.agree and not j.copied and j.verdict.kind in PLAIN_MISMATCH
                and not is_slip(j.verdict.ratio) and j.verdict.ratio >= GAP_NEEDS_EVIDENCE and j.score < STRONG_PAIRING)
    return [j for j in judged if not weak_and_wide(j)]


def _facts(claims, measures, judged: list[Judged], copies: list[Copy]) -> list[Fact]:
    """Group each fact's claims by agreement and count independent origins behind each group."""
    origin = _origins(claims, copies)
    members: dict[int, set[int]] = defaultdict(set)
    disputed: dict[int, bool] = defaultdict(bool)
    agrees: dict[tuple[int, int], bool] = {}
    for j in judged:
        members[j.fact] |= {j.a, j.b}
        disputed[j.fact] |= not j.verdict.agree
        agrees[(j.a, j.b)] = agrees[(j.b, j.a)] = j.verdict.agree and j.verdict.kind != "update"
    facts = []
    for fact_id in sorted(members):
        ids = sorted(members[fact_id], key=lambda i: measures[i].value)
        groups: list[list[int]] = []
        for i in ids:  # greedy: join the first group whose every member agrees with i
            for group in groups:
                if all(_agree(i, k, claims, measures, agrees) for k in group):
                    group.append(i)
                    break
            else:
                groups.append([i])
        groups.sort(key=lambda g: (-len({origin[i] for i in g}), -len(g), min(g)))
        facts.append(Fact(
            id=fact_id, label=_label([claims[i] for i in ids]), claims=tuple(ids), disputed=disputed[fact_id],
            groups=tuple(tuple(g) for g in groups),
            origins=tuple(len({origin[i] for i in g}) for g in groups),
            articles=tuple(len({claims[i].source for i in g}) for g in groups),
        ))
    return facts


def _agree(i: int, k: int, claims, measures, agrees) -> bool:
    """The judged verdict where the pair was judged, else whether the intervals meet."""
    if (i, k) in agrees:
        return agrees[(i, k)]
    return consistent(claims[i], claims[k], measures[i], measures[k])


def _origins(claims: list[Claim], copies: list[Copy]) -> list[int]:
    """Claims in copied sentences share one origin; every other claim is its own source's."""
    sets = DisjointSets()
    for c in copies:
        sets.union((c.source_a, c.sentence_a), (c.source_b, c.sentence_b))
    keys: dict[object, int] = {}
    result = []
    for c in claims:
        key = sets.find((c.source, c.sentence)) if (c.source, c.sentence) in sets else c.source
        result.append(keys.setdefault(key, len(keys)))
    return result


def _label(claims: list[Claim]) -> str:
    """A fact's name from its claims' frames ("Coningsby: temperature", "deaths (people)"),
    the commonest among those that say what is measured; else from shared words."""
    if all(c.predicate.startswith(("last-occurrence", "event-ago")) for c in claims):
        subjects = Counter(c.frame.subject for c in claims if c.frame.subject)
        what = "year it last happened" if claims[0].predicate.startswith("last") else "year"
        return f"{subjects.most_common(1)[0][0].title()}: {what}" if subjects else what
    named = Counter(c.frame.label(c.quantity.thing) for c in claims if c.frame.attribute)
    if named:
        return max(named.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
    return _word_label(claims)


def _word_label(claims: list[Claim]) -> str:
    """A short name for a fact: what the figure is attached to, and what is said of it."""
    heads = Counter(c.head for c in claims if c.head)
    things = Counter(c.quantity.thing for c in claims if c.quantity.thing)
    predicates = Counter(c.predicate.split("+")[0] for c in claims if c.predicate)
    words = Counter(w for c in claims for w in dict.fromkeys(c.context))
    shared = [w for w, n in words.most_common(4) if n > 1]
    parts = [x.most_common(1)[0][0] for x in (heads, things, predicates) if x]
    label = " ".join(dict.fromkeys(parts)) or "figure"
    return f"{label}: {' '.join(shared)}" if shared else label
