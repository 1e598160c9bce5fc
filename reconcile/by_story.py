"""A run handed on story by story (issue #12): what is held at once is a few stories' claims
and verdicts, not the corpus's, so peak memory does not grow with the corpus.

Every article is extracted first, in document order, as `pipeline.analyze` does; each one's
settled sentences and claims go to a private spill file and only its claim count stays. Then
each story, in story order, is read back, judged (`pipeline.judge_story`), its facts grouped,
and handed on as a RunResult of the story alone, with the fact ids, rows and report lines a
whole-corpus `analyze` gives (tested). Claims are numbered corpus-wide while facts are grouped:
`facts.group_facts` breaks ties between equal values in the order of a set of those numbers.
"""

from __future__ import annotations

import pickle
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace

from . import pipeline
from .compare import measure
from .facts import group_facts, reprint_rows
from .models import Document

# stories go to map_stories in batches of about this many claims: one story at a time costs an
# engine a round trip per story; a batch bounds what is held (one story bigger than it goes alone)
BATCH_CLAIMS = {"local": 2_000, "engine": 20_000}


class _Spill:
    """Each article's results, pickled to an unnamed temporary file that only this process
    wrote and that is gone when it closes; each read back once, when its story is judged."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()
        self.where: dict[str, tuple[int, int]] = {}

    def put(self, path: str, value) -> None:
        blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.where[path] = (self.file.seek(0, 2), len(blob))
        self.file.write(blob)

    def take(self, path: str):
        offset, size = self.where.pop(path)
        self.file.seek(offset)
        return pickle.loads(self.file.read(size))


def analyze_by_story(documents: list[Document], skipped, jobs, limits, drafts, progress, stored,
                     map_stories: Callable, map_articles, stored_stories: Mapping | None, keys, stories: dict[str, int],
                     published: dict, assumed: dict, each_story: Callable) -> pipeline.RunResult:
    """`pipeline.analyze` with `each_story` (see there); the arguments are analyze's, with the
    stories and dates it found."""
    counts: dict[str, int] = {}
    spill = _Spill()

    def settled(document: Document, extracted: pipeline.Extracted) -> None:
        # as analyze settles them: dated by the printed date only, repeats shared
        when = None if document.path in assumed else published.get(document.path)
        sentences, claims = extracted
        texts, shared = {s.text: s.text for s in sentences}, {}
        claims = [pipeline._shared(pipeline._dated(c, when), shared, texts) for c in claims]
        counts[document.path] = len(claims)
        spill.put(document.path, (sentences, claims))

    with spill.file:
        pipeline.extract_all(documents, jobs, max_sentence=limits.max_sentence, progress=progress, stored=stored,
                             keys=keys, map_articles=map_articles, finish=settled)
        if progress:
            progress("comparing", 0, 1)
        first, n = {}, 0  # each article's first claim, numbered over the corpus
        for d in documents:
            first[d.path], n = n, n + counts[d.path]
        members: dict[int, list[Document]] = defaultdict(list)
        for d in documents:
            members[stories[d.path]].append(d)
        key_of = dict(zip((d.path for d in documents), keys))
        stored_stories = stored_stories if stored_stories is not None else {}
        offsets = [0, 0]  # facts and origins numbered so far
        size = BATCH_CLAIMS["local" if map_stories is map else "engine"]
        for batch in _batches(sorted(members), members, counts, size):
            story_key = {story: pipeline.story_key([(d.path, key_of[d.path], published.get(d.path), d.path in assumed,
                                                     d.path in drafts) for d in members[story]]) for story in batch}
            work = {story: _work(members[story], spill, published, drafts) for story in batch}
            judged = {story: stored_stories.get(story_key[story]) for story in batch}  # None: judged now
            fresh = [story for story in batch if judged[story] is None]
            judged.update(zip(fresh, map_stories(pipeline.judge_story, [work[story] for story in fresh])))
            for story in batch:
                part = judged.pop(story)
                each_story(_story_run(story, members[story], work.pop(story), part, story_key[story], offsets, first,
                                      counts, assumed, key_of, drafts))
    return pipeline.RunResult(documents, {}, [], [], [], [], [], [], list(skipped or []), stories, [], assumed,
                              {d.path: k for d, k in zip(documents, keys) if d.path not in drafts})


def _batches(order: list[int], members: dict, counts: dict[str, int], size: int) -> Iterator[list[int]]:
    batch, claims = [], 0
    for story in order:
        batch.append(story)
        claims += sum(counts[d.path] for d in members[story])
        if claims >= size:
            yield batch
            batch, claims = [], 0
    if batch:
        yield batch


def _work(documents: list[Document], spill: _Spill, published: dict, drafts: frozenset[str]) -> pipeline.StoryWork:
    sentences, claims = {}, []
    for d in documents:
        sentences[d.path], theirs = spill.take(d.path)
        claims += theirs
    return pipeline.StoryWork(sentences, claims, [measure(c, published.get(c.source)) for c in claims],
                              {d.path: d.text for d in documents}, drafts)


def _story_run(story: int, documents: list[Document], work: pipeline.StoryWork, part: pipeline.StoryResult, key: str,
               offsets: list[int], first: dict[str, int], counts: dict[str, int], assumed: dict, key_of: dict,
               drafts: frozenset[str]) -> pipeline.RunResult:
    """One judged story as analyze would merge it, as a RunResult of its own: facts and origins
    numbered after the stories before it (`offsets`, advanced here), claims numbered in the story."""
    index = [first[d.path] + k for d in documents for k in range(counts[d.path])]
    claims, measures = dict(zip(index, work.claims)), dict(zip(index, work.measures))
    judged = sorted((replace(j, a=index[j.a], b=index[j.b], fact=j.fact + offsets[0]) for j in part.judged),
                    key=lambda j: (j.a, j.b))
    twin_of = {index[t]: index[r] for t, r in part.twin_of.items()}
    origin = {index[i]: o + offsets[1] for i, o in enumerate(part.origin)}
    facts = group_facts(claims, measures, judged, origin, twin_of)
    judged += reprint_rows(judged, twin_of, claims, measures)
    offsets[0] += max((j.fact for j in part.judged), default=0)
    offsets[1] += max(part.origin, default=-1) + 1
    local = {g: i for i, g in enumerate(index)}
    judged = [replace(j, a=local[j.a], b=local[j.b]) for j in judged]
    facts = [replace(f, claims=tuple(local[i] for i in f.claims), groups=tuple(tuple(local[i] for i in g) for g in f.groups))
             for f in facts]
    paths = [d.path for d in documents]
    return pipeline.RunResult(
        documents, work.sentences, work.claims, work.measures, sorted(part.copies, key=pipeline._copy_order),
        sorted(part.variants, key=pipeline._variant_order), judged, facts, [], dict.fromkeys(paths, story),
        sorted(part.aliases, key=lambda a: a.canonical), {p: assumed[p] for p in paths if p in assumed},
        {p: key_of[p] for p in paths if p not in drafts}, {} if drafts else {key: part})
