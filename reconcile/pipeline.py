"""The whole job on a corpus, as one function the CLI calls: ingest -> ... -> findings.

Extraction runs per document (optionally in a process pool); alignment and judgement run
once over the corpus. Nothing here prints or writes files: `store` and `report` do that.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import statistics
from collections import defaultdict, deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import frames
from .align import Alignment, align, find_conversions, follow_agreements, follow_conversions
from .compare import Measure, measure
from .copies import Copy, Variant, find_copies, find_variants, twins
from .extract import extract_claims
from .facts import Fact, Judged, co_printed, group_facts, judge_all, origins, plausible, reprint_rows, two_camps
from .ingest import MAX_FILE_BYTES, Skipped, read_documents
from .quantities import domain_dollar
from .models import Claim, Document, Sentence, replace
from .segment import MAX_SENTENCE, segment
from .stories import Alias, find_aliases, find_stories

PARALLEL_MIN_BYTES = 2_000_000  # below this a process pool costs more than it saves
# a pool's results come back a chunk at a time: in chunks this small they arrive as a stream, each
# article settled (see analyze) as it comes, not a thousand at once
ARTICLES_PER_CHUNK = 100


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
    extraction_keys: dict[str, str] = field(default_factory=dict)  # path -> extraction_key
    story_results: dict[str, StoryResult] = field(default_factory=dict)  # story_key -> its judgement
    # path -> the article's stories.story_keys, sorted, as grouping found them (the store indexes
    # them; an article missing here has them made again)
    story_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)

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


def _extract_chunk(documents: list[Document], max_sentence: int) -> list[tuple[list[Sentence], list[Claim]]]:
    return [_extract_one(d, max_sentence) for d in documents]


Progress = Callable[[str, int, int], None]  # (stage, done, total): for a progress bar; never prints
Extracted = tuple[list[Sentence], list[Claim]]


def _code_version() -> str:
    """A hash of the modules extraction runs through: a stored extraction is reused only by
    the very code that made it."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in ("quantities", "units", "frames", "extract", "segment", "words", "models", "escape"):
        digest.update((here / f"{name}.py").read_bytes())
    return digest.hexdigest()[:16]


CODE_VERSION = _code_version()
RUN_CODE_VERSION = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))).hexdigest()[:16]


def run_key(documents: Sequence[Document], skipped: Sequence[Skipped], limits: Limits, title: str,
            keys: Sequence[str] | None = None) -> str:
    """What a whole run's results depend on: every article (its extraction key, path, date and
    the outlet, title and address the report shows), the skipped files, the limits, the title
    and all of the code. Equal keys give equal rows, report and summary, so a rerun of an
    unchanged corpus reuses the stored run instead of judging it again. `keys` are the
    documents' extraction keys when the caller has them already."""
    if keys is None:
        keys = [extraction_key(d, limits.max_sentence) for d in documents]
    basis = [RUN_CODE_VERSION, title, limits.max_file_bytes, limits.max_sentence,
             [(d.path, k, d.outlet, d.title, d.url, d.warning) for d, k in zip(documents, keys)],
             [(s.path, s.reason) for s in skipped]]
    return hashlib.sha256(json.dumps(basis, default=str).encode("utf-8")).hexdigest()


def extraction_key(document: Document, max_sentence: int = MAX_SENTENCE) -> str:
    """What one article's extraction depends on: its text, its date, the sentence limit, the
    code and the dollar its address's country gives a bare "$" (quantities.domain_dollar).
    Equal keys give equal sentences and claims (up to the article's path)."""
    basis = json.dumps([document.text, document.published.isoformat() if document.published else None,
                        max_sentence, CODE_VERSION] + ([dollar] if (dollar := domain_dollar(document.url)) else []))
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def extract_all(
    documents: Sequence[Document], jobs: int = 1, min_bytes: int = PARALLEL_MIN_BYTES,
    max_sentence: int = MAX_SENTENCE, progress: Progress | None = None,
    stored: Mapping[str, Extracted] | None = None, keys: Sequence[str] | None = None,
    map_articles: Callable | None = None, finish: Callable[[Document, Extracted], Extracted] | None = None,
) -> list[Extracted]:
    """Per-document extraction, in a process pool when the corpus is big enough to pay for it.
    Results come back in document order either way; `progress` hears of each article read.
    `stored` maps extraction keys (see extraction_key) to a previous run's results: an article
    whose key is there is not read again (its claims take its current path; a damaged one is
    read here); `keys` are the documents' keys when the caller has them already. `finish` is
    applied to each article's result as it arrives, in document order (analyze dates its
    claims there, so no second copy of them is made; by_story judges each story once read)."""
    report = progress or (lambda stage, done, total: None)
    finish = finish or (lambda document, extracted: extracted)
    stored = stored if stored is not None else {}
    if keys is None:
        keys = [extraction_key(d, max_sentence) for d in documents] if stored else [""] * len(documents)
    fresh = [d for d, k in zip(documents, keys) if k not in stored]
    results: list[Extracted] = []
    with contextlib.closing(_extracted(fresh, jobs, min_bytes, max_sentence, map_articles)) as made:
        for d, k in zip(documents, keys):
            if k in stored:
                found = stored.get(k)  # read from the store now, not all at once
                item = _moved(found, d.path) if found is not None else _extract_one(d, max_sentence)
            else:
                item = next(made)
            results.append(finish(d, item))
            report("reading", len(results), len(documents))
    return results


def _extracted(fresh: list[Document], jobs: int, min_bytes: int, max_sentence: int,
               map_articles: Callable | None) -> Iterator[Extracted]:
    """The articles' extractions in order, as they are made: by an engine's map (dask), a
    process pool, or here."""
    if map_articles is not None:
        yield from map_articles(_extract_one, fresh, [max_sentence] * len(fresh))
    elif jobs > 1 and len(fresh) > 1 and sum(len(d.text) for d in fresh) >= min_bytes:
        size = max(1, min(ARTICLES_PER_CHUNK, len(fresh) // (jobs * 4)))
        chunks = (fresh[i:i + size] for i in range(0, len(fresh), size))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            # a few chunks in flight, not all: when the caller is slower than the workers (it
            # judges stories as they are read), finished chunks would pile up in memory
            pending = deque(pool.submit(_extract_chunk, c, max_sentence) for c in itertools.islice(chunks, 2 * jobs))
            while pending:
                done = pending.popleft().result()
                pending.extend(pool.submit(_extract_chunk, c, max_sentence) for c in itertools.islice(chunks, 1))
                yield from done
    else:
        for d in fresh:
            yield _extract_one(d, max_sentence)


def _moved(extracted: Extracted, path: str) -> Extracted:
    """A stored extraction under the article's current path (a renamed file keeps its claims)."""
    sentences, claims = extracted
    if all(c.source == path for c in claims):
        return extracted
    return sentences, [replace(c, source=path) for c in claims]


def analyze(
    documents: list[Document], skipped: list[Skipped] | None = None, jobs: int = 1, limits: Limits = Limits(),
    drafts: frozenset[str] = frozenset(), progress: Progress | None = None,
    stored: Mapping[str, Extracted] | None = None, map_stories: Callable = map, map_articles: Callable | None = None,
    stored_stories: Mapping[str, StoryResult] | None = None, keys: Sequence[str] | None = None,
    each_story: Callable[[RunResult], None] | None = None,
) -> RunResult:
    """Claims, copies, alignments, verdicts and facts for already-ingested documents.
    `drafts` are the paths of documents under check: judged like any source, but never
    evidence for a consensus (a draft cannot vote for its own figure). Each story is judged
    on its own (`judge_story`), through `map_stories` (map, or an engine's distributed map:
    the same results in the same order).
    With `each_story`, each story's results go to it as they are made, as a RunResult of the
    story alone (see by_story), and the RunResult returned holds the articles, stories and
    dates but no claims: memory is bounded by the largest story, not the corpus."""
    if keys is None:  # the documents' extraction keys, unless the caller has them already
        keys = [extraction_key(d, limits.max_sentence) for d in documents]
    # stories and dates come from the articles' text alone: known before any claim is read
    # each article's names are kept from grouping for the store: made twice, they were 1% of a
    # run; as sorted tuples of the stems' shared strings they hold ~0.2 KB an article
    names: dict[str, tuple[str, ...]] = {}
    stories = find_stories(_Bodies(documents), names)
    published, assumed = _publication_dates(documents, stories)
    if each_story is not None:
        from .by_story import analyze_by_story

        return analyze_by_story(documents, skipped, jobs, limits, drafts, progress, stored, map_stories, map_articles,
                                stored_stories, keys, stories, published, assumed, each_story, names)
    shared: dict = {}

    def settled(document: Document, extracted: Extracted) -> Extracted:
        # an assumed date says nothing about when a tally was true: only printed dates set as-of
        when = None if document.path in assumed else published.get(document.path)
        sentences, claims = extracted
        texts = {s.text: s.text for s in sentences}  # most clauses are their whole sentence
        return sentences, [_shared(_dated(c, when), shared, texts) for c in claims]

    extracted = extract_all(documents, jobs, max_sentence=limits.max_sentence, progress=progress, stored=stored,
                            keys=keys, map_articles=map_articles, finish=settled)
    if progress:
        progress("comparing", 0, 1)
    sentences = {d.path: s for d, (s, _) in zip(documents, extracted)}
    claims = [c for _, cs in extracted for c in cs]
    del extracted, shared
    measures = [measure(c, published.get(c.source)) for c in claims]
    texts = {d.path: d.text for d in documents}
    members: dict[int, list[int]] = defaultdict(list)  # each story's claims, in corpus order
    for i, c in enumerate(claims):
        members[stories[c.source]].append(i)
    paths: dict[int, list[str]] = defaultdict(list)
    for d in documents:
        paths[stories[d.path]].append(d.path)
    # a story whose articles, dates and code are as stored is not judged again (see story_key)
    key_of = {d.path: k for d, k in zip(documents, keys)}
    story_key_of = {story: story_key([(p, key_of[p], published.get(p), p in assumed, p in drafts) for p in paths[story]])
                    for story in paths}
    stored_stories = stored_stories or {}
    fresh = [story for story in sorted(paths) if story_key_of[story] not in stored_stories]
    work = [StoryWork({p: sentences[p] for p in paths[story]}, [claims[i] for i in members[story]],
                      [measures[i] for i in members[story]], {p: texts[p] for p in paths[story]}, drafts)
            for story in fresh]
    judged_now = dict(zip(fresh, map_stories(judge_story, work)))
    done = [judged_now[story] if story in judged_now else stored_stories[story_key_of[story]] for story in sorted(paths)]
    copies, variants, aliases, judged = [], [], [], []
    twin_of: dict[int, int] = {}
    origin = [0] * len(claims)
    fact_offset = origin_offset = 0
    for story, part in zip(sorted(paths), done):  # local claim indices, facts and origins made global
        index = members[story]
        copies += part.copies
        variants += part.variants
        aliases += part.aliases
        judged += [replace(j, a=index[j.a], b=index[j.b], fact=j.fact + fact_offset) for j in part.judged]
        twin_of.update({index[t]: index[r] for t, r in part.twin_of.items()})
        for local, o in enumerate(part.origin):
            origin[index[local]] = o + origin_offset
        fact_offset += max((j.fact for j in part.judged), default=0)
        origin_offset += max(part.origin, default=-1) + 1
    judged.sort(key=lambda j: (j.a, j.b))  # as one judge_all over the corpus would order them
    facts = group_facts(claims, measures, judged, origin, twin_of)
    judged += reprint_rows(judged, twin_of, claims, measures)
    stored_keys = {d.path: k for d, k in zip(documents, keys) if d.path not in drafts}
    kept_stories = {} if drafts else {story_key_of[story]: part for story, part in zip(sorted(paths), done)}
    return RunResult(documents, sentences, claims, measures, sorted(copies, key=_copy_order), sorted(variants, key=_variant_order),
                     judged, facts, list(skipped or []), stories, sorted(aliases, key=lambda a: a.canonical), assumed, stored_keys,
                     kept_stories, names)


@dataclass(frozen=True)
class StoryWork:
    """One story's share of a run: its articles' sentences and texts by path, and its claims
    with their measures, in corpus order. `drafts` are paths under check (never witnesses)."""

    sentences: dict[str, list[Sentence]]
    claims: list[Claim]
    measures: list[Measure | None]
    texts: dict[str, str]
    drafts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class StoryResult:
    """One story judged: indices are into its StoryWork's claims; facts and origins are the
    story's own (numbered from 1 and 0), made corpus-wide by `analyze`."""

    copies: list[Copy]
    variants: list[Variant]
    aliases: list[Alias]
    judged: list[Judged]
    twin_of: dict[int, int]
    origin: list[int]


def story_key(members: list[tuple]) -> str:
    """What one story's judgement depends on: each article's path, extraction key, date, whether
    the date was assumed and whether it is a draft, and all of the code."""
    return hashlib.sha256(json.dumps([RUN_CODE_VERSION, members], default=str).encode("utf-8")).hexdigest()


def judge_story(work: StoryWork) -> StoryResult:
    """Copies, names, alignments and verdicts inside one story: a pure function of its articles,
    so stories can be judged in any order, in parallel or on other machines (engine: dask)."""
    claims, measures, sentences = work.claims, work.measures, work.sentences
    copies = find_copies(sentences)
    variants = find_variants({path: _body_text(items) for path, items in sentences.items()})
    aliases, things = find_aliases(sentences, dict.fromkeys(sentences, 0))
    # verbatim reprints are aligned through their first printing only (see copies.twins)
    twin_of = twins(claims, sentences, work.drafts)
    kept = [i for i in range(len(claims)) if i not in twin_of]
    alignments = [replace(al, a=kept[al.a], b=kept[al.b]) for al in _alignments(
        [claims[i] for i in kept], [measures[i] for i in kept], copies, things, work.texts)]
    alignments += [Alignment(rep, i, 1.0, True) for i, rep in twin_of.items() if measures[i] is not None]
    origin = origins(claims, copies)
    witnesses = [None if c.source in work.drafts else o for c, o in zip(claims, origin)]
    judged = plausible(co_printed(two_camps(judge_all(claims, measures, alignments), witnesses, claims), claims, measures), claims)
    return StoryResult(copies, variants, aliases, judged, twin_of, origin)


def _copy_order(c: Copy):
    return (c.source_a, c.sentence_a, c.source_b, c.sentence_b)


def _variant_order(v: Variant):
    return (v.name_a, v.name_b)


class _Bodies(Mapping):
    """Each article's story_body by path, made when asked for: every body held at once was a
    second copy of the corpus."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = {d.path: d for d in documents}

    def __getitem__(self, path: str) -> str:
        return story_body(self.documents[path])

    def __iter__(self):
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)


def story_body(document: Document) -> str:
    """The article's body blocks, which story grouping reads (not headlines' furniture)."""
    return "\n".join(document.text[a:b] for a, b in document.blocks)


def _alignments(claims: list[Claim], measures: list, copies, things, texts: dict[str, str]) -> list[Alignment]:
    """Pairs of claims about one thing: aligned by words and frames, figures restated in
    brackets, and agreement groups followed (see align)."""
    conversions = find_conversions(claims, measures, texts)
    alignments = follow_conversions(align(claims, measures, copies, None, things, conversions), conversions, claims, measures)
    alignments += [c for c in conversions if measures[c.a].dimension == measures[c.b].dimension]
    return follow_agreements(alignments, claims, measures)


def _dated(claim: Claim, published: date | None) -> Claim:
    """The claim with its frame's as-of date, once its article's date is known."""
    if claim.quantity is None or published is None:
        return claim
    return replace(claim, frame=replace(claim.frame, as_of=frames.as_of(claim.frame, published)))


def _shared(claim: Claim, shared: dict, texts: dict[str, str]) -> Claim:
    """The claim with its word tuples, frame and quantity replaced by equal ones already held
    (`shared` maps each to its first copy), and its text by its sentence's or another clause's
    of the article (`texts`, the same for the article's text). A worker's results arrive as
    fresh copies of every word, unit, frame and clause; at 10,000 articles the repeats cost more
    memory than what is distinct."""
    def one(value):
        return shared.setdefault(value, value)

    def words(values: tuple[str, ...]) -> tuple[str, ...]:
        return one(tuple(one(w) for w in values)) if values else values

    q = claim.quantity
    return replace(claim, text=texts.setdefault(claim.text, claim.text),
                   context=words(claim.context), local=words(claim.local), nearby=words(claim.nearby),
                   subject=one(claim.subject), predicate=one(claim.predicate), head=one(claim.head),
                   frame=one(claim.frame), quantity=None if q is None else one(q))


def run_corpus(folder: str | os.PathLike, jobs: int = 1, limits: Limits = Limits(),
               follow_symlinks: bool = False, progress: Progress | None = None,
               stored: dict[str, Extracted] | None = None, map_stories: Callable = map,
               map_articles: Callable | None = None, stored_stories: dict[str, StoryResult] | None = None) -> RunResult:
    documents, skipped = read_documents(folder, limits.max_file_bytes, follow_symlinks)
    return analyze(documents, skipped, jobs, limits, progress=progress, stored=stored,
                   map_stories=map_stories, map_articles=map_articles, stored_stories=stored_stories)


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


