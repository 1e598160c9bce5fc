"""A run handed on story by story (issue #12): what is held at once is a few stories' claims
and verdicts, not the corpus's, so peak memory does not grow with the corpus.

Articles are extracted in document order, as `pipeline.analyze` does. A story is judged
(`pipeline.judge_story`), its facts grouped and handed on, as a RunResult of the story alone,
as soon as its last article is read and every story numbered before it is handed on: fact ids,
rows and report lines are those a whole-corpus `analyze` gives (tested). Claims are numbered
corpus-wide while facts are grouped (`facts.group_facts` breaks ties between equal values in
the order of a set of those numbers). Articles of stories that cannot be judged yet (stories
spread through the corpus) are held up to HELD_CLAIMS, then kept in a spill file.
"""

from __future__ import annotations

import pickle
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping

from . import pipeline
from .compare import measure
from .facts import group_facts, reprint_rows
from .models import Document, replace

# stories go to an engine's map_stories in batches of about this many claims (a round trip
# per story would cost more than the judging); the local engine judges each story as it is ready
ENGINE_BATCH_CLAIMS = 20_000
HELD_CLAIMS = 10_000  # claims held in memory while their stories wait; more go to the spill file


class _Held:
    """Each waiting article's results: in memory up to HELD_CLAIMS claims, then pickled to an
    unnamed temporary file that only this process wrote and that is gone when it closes."""

    def __init__(self) -> None:
        self.memory: dict[str, pipeline.Extracted] = {}
        self.claims = 0
        self.file = None
        self.where: dict[str, tuple[int, int]] = {}

    def put(self, path: str, value: pipeline.Extracted) -> None:
        if self.claims + len(value[1]) <= HELD_CLAIMS:
            self.memory[path] = value
            self.claims += len(value[1])
            return
        if self.file is None:
            self.file = tempfile.TemporaryFile()
        blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.where[path] = (self.file.seek(0, 2), len(blob))
        self.file.write(blob)

    def take(self, path: str) -> pipeline.Extracted:
        if path in self.memory:
            value = self.memory.pop(path)
            self.claims -= len(value[1])
            return value
        offset, size = self.where.pop(path)
        self.file.seek(offset)
        return pickle.loads(self.file.read(size))

    def close(self) -> None:
        if self.file is not None:
            self.file.close()


def analyze_by_story(documents: list[Document], skipped, jobs, limits, drafts, progress, stored,
                     map_stories: Callable, map_articles, stored_stories: Mapping | None, keys, stories: dict[str, int],
                     published: dict, assumed: dict, each_story: Callable,
                     names: dict | None = None) -> pipeline.RunResult:
    """`pipeline.analyze` with `each_story` (see there); the arguments are analyze's, with the
    stories and dates it found and the articles' story_keys (`names`, sorted, by path)."""
    members: dict[int, list[Document]] = defaultdict(list)
    for d in documents:
        members[stories[d.path]].append(d)
    waiting = Counter(stories[d.path] for d in documents)  # articles each story waits for
    key_of = dict(zip((d.path for d in documents), keys))
    run = _Run(members, key_of, published, assumed, drafts, stored_stories if stored_stories is not None else {},
               map_stories, each_story, names if names is not None else {})

    def settled(document: Document, extracted: pipeline.Extracted) -> None:
        # dated by the printed date only, as analyze does (which also shares repeated values:
        # here a story's claims are held only while it is judged, and sharing cost 4% of a run)
        when = None if document.path in assumed else published.get(document.path)
        sentences, claims = extracted
        run.read(document.path, sentences, [pipeline._dated(c, when) for c in claims])
        story = stories[document.path]
        waiting[story] -= 1
        if not waiting[story]:
            run.ready(story)

    try:
        pipeline.extract_all(documents, jobs, max_sentence=limits.max_sentence, progress=progress, stored=stored,
                             keys=keys, map_articles=map_articles, finish=settled)
        run.flush()
    finally:
        run.held.close()
    return pipeline.RunResult(documents, {}, [], [], [], [], [], [], list(skipped or []), stories, [], assumed,
                              {d.path: k for d, k in zip(documents, keys) if d.path not in drafts})


class _Run:
    """The stories of one run judged and handed on in story order, each as soon as it can be."""

    def __init__(self, members, key_of, published, assumed, drafts, stored_stories, map_stories, each_story,
                 names) -> None:
        self.members, self.key_of, self.published, self.assumed, self.drafts = members, key_of, published, assumed, drafts
        self.names = names  # path -> story_keys, handed on (and dropped) with the article's story
        self.stored_stories, self.map_stories, self.each_story = stored_stories, map_stories, each_story
        self.held = _Held()
        self.first: dict[str, int] = {}  # each article's first claim, numbered over the corpus
        self.counts: dict[str, int] = {}
        self.claims = 0
        self.complete: set[int] = set()
        self.next = 0  # the next story to hand on (stories are numbered 0, 1, ...)
        self.batch: list[int] = []
        self.batch_claims = 0
        self.size = 1 if map_stories is map else ENGINE_BATCH_CLAIMS
        self.facts = self.origins = 0  # facts and origins numbered so far

    def read(self, path: str, sentences, claims) -> None:
        """An article's settled results, in document order."""
        self.first[path], self.counts[path] = self.claims, len(claims)
        self.claims += len(claims)
        self.held.put(path, (sentences, claims))

    def ready(self, story: int) -> None:
        """Every article of `story` is read: it and any stories it was holding up are batched."""
        self.complete.add(story)
        while self.next in self.complete:
            self.complete.discard(self.next)
            self.batch.append(self.next)
            self.batch_claims += sum(self.counts[d.path] for d in self.members[self.next])
            self.next += 1
            if self.batch_claims >= self.size:
                self.flush()

    def flush(self) -> None:
        """Judge the batched stories and hand them on."""
        batch, self.batch, self.batch_claims = self.batch, [], 0
        if not batch:
            return
        story_key = {story: pipeline.story_key([(d.path, self.key_of[d.path], self.published.get(d.path),
                                                 d.path in self.assumed, d.path in self.drafts)
                                                for d in self.members[story]]) for story in batch}
        work = {story: self._work(story) for story in batch}
        judged = {story: self.stored_stories.get(story_key[story]) for story in batch}  # None: judge it now
        fresh = [story for story in batch if judged[story] is None]
        judged.update(zip(fresh, self.map_stories(pipeline.judge_story, [work[story] for story in fresh])))
        for story in batch:
            self.each_story(self._story_run(story, work.pop(story), judged.pop(story), story_key[story]))

    def _work(self, story: int) -> pipeline.StoryWork:
        sentences, claims = {}, []
        for d in self.members[story]:
            sentences[d.path], theirs = self.held.take(d.path)
            claims += theirs
        return pipeline.StoryWork(sentences, claims, [measure(c, self.published.get(c.source)) for c in claims],
                                  {d.path: d.text for d in self.members[story]}, self.drafts)

    def _story_run(self, story: int, work: pipeline.StoryWork, part: pipeline.StoryResult, key: str) -> pipeline.RunResult:
        """One judged story as analyze would merge it, as a RunResult of its own: facts and origins
        numbered after the stories before it, claims numbered in the story."""
        documents = self.members.pop(story)
        index = [self.first[d.path] + k for d in documents for k in range(self.counts[d.path])]
        claims, measures = dict(zip(index, work.claims)), dict(zip(index, work.measures))
        judged = sorted((replace(j, a=index[j.a], b=index[j.b], fact=j.fact + self.facts) for j in part.judged),
                        key=lambda j: (j.a, j.b))
        twin_of = {index[t]: index[r] for t, r in part.twin_of.items()}
        origin = {index[i]: o + self.origins for i, o in enumerate(part.origin)}
        facts = group_facts(claims, measures, judged, origin, twin_of)
        judged += reprint_rows(judged, twin_of, claims, measures)
        self.facts += max((j.fact for j in part.judged), default=0)
        self.origins += max(part.origin, default=-1) + 1
        local = {g: i for i, g in enumerate(index)}
        judged = [replace(j, a=local[j.a], b=local[j.b]) for j in judged]
        facts = [replace(f, claims=tuple(local[i] for i in f.claims), groups=tuple(tuple(local[i] for i in g) for g in f.groups))
                 for f in facts]
        paths = [d.path for d in documents]
        return pipeline.RunResult(
            documents, work.sentences, work.claims, work.measures, sorted(part.copies, key=pipeline._copy_order),
            sorted(part.variants, key=pipeline._variant_order), judged, facts, [], dict.fromkeys(paths, story),
            sorted(part.aliases, key=lambda a: a.canonical), {p: self.assumed[p] for p in paths if p in self.assumed},
            {p: self.key_of[p] for p in paths if p not in self.drafts}, {} if self.drafts else {key: part},
            {p: self.names.pop(p) for p in paths if p in self.names})
