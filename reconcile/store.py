"""Store: a run's results in SQLite, in one transaction, with content-hash ids.

A run replaces the previous run's rows inside a single transaction, so an interrupted or
failed run leaves the last complete state, and a rerun of an unchanged corpus writes
exactly the same rows. `contradictions` is a view over `comparisons`: a documented contract.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import operator
import os
import sqlite3
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields

from sqlite_utils import Database

from . import __version__
from .errors import DatabaseError, FactNotFound
from .frames import Frame
from .ingest import Skipped, parse_document
from .models import Claim, Document, Quantity, Sentence
from .compare import Verdict
from .copies import Copy, Variant
from .facts import Judged
from .pipeline import RunResult, StoryResult, story_body
from .stories import Alias
from .report import Summary
from .stories import story_keys

SCHEMA_VERSION = 8
BUSY_TIMEOUT_MS = 30_000
MIGRATIONS: list[Callable[[Database], None]] = []
migration = MIGRATIONS.append

# deleted in this order and inserted in reverse, so a row is written after the rows it refers to
TABLES = ("story_names", "aliases", "skipped", "variants", "copies", "fact_claims", "comparisons", "facts", "claims",
          "sentences", "sources")

CONTRADICTIONS_VIEW = """
select id, fact_id, source_a, source_b, quote_a, quote_b, sentence_a, sentence_b, line_a, line_b,
       value_a, value_b, unit, kind, severity, ratio, explanation, copied, claim_a, claim_b
from comparisons where agree = 0
"""


@migration
def m001_initial(db: Database) -> None:
    db["sources"].create({
        "id": str, "path": str, "title": str, "outlet": str, "published": str, "date_assumed": int,
        "url": str, "sha256": str, "sentences": int, "claims": int, "dropped_lines": int, "warning": str,
    }, pk="id")
    db["sentences"].create({
        "id": str, "source": str, "idx": int, "line": int, "start": int, "end": int, "text": str,
    }, pk="id", foreign_keys=[("source", "sources", "id")])
    db["claims"].create({
        "id": str, "source": str, "sentence_id": str, "line": int, "start": int, "end": int,
        "text": str, "subject": str, "head": str, "predicate": str, "modality": str,
        "attribution": str, "surface": str, "q_start": int, "q_end": int, "kind": str,
        "value": float, "unit": str, "bound": str, "low": float, "high": float,
        "si_value": float, "si_unit": str, "dimension": str, "thing": str, "date": str,
    }, pk="id", foreign_keys=[("source", "sources", "id"), ("sentence_id", "sentences", "id")])
    db["comparisons"].create({
        "id": str, "fact_id": int, "agree": int, "source_a": str, "source_b": str,
        "quote_a": str, "quote_b": str, "sentence_a": str, "sentence_b": str, "line_a": int,
        "line_b": int, "value_a": float, "value_b": float, "unit": str, "kind": str,
        "severity": str, "ratio": float, "explanation": str, "score": float, "copied": int,
        "claim_a": str, "claim_b": str,
    }, pk="id", foreign_keys=[("claim_a", "claims", "id"), ("claim_b", "claims", "id")])
    db["facts"].create({
        "id": int, "label": str, "disputed": int, "claims": int, "groups": str,
    }, pk="id")
    db["copies"].create({
        "id": str, "source_a": str, "line_a": int, "source_b": str, "line_b": int,
        "similarity": float, "identical": int, "text_a": str, "text_b": str,
    }, pk="id")
    db["variants"].create({
        "id": str, "name_a": str, "name_b": str, "sources_a": str, "sources_b": str, "similarity": float,
    }, pk="id")
    db["skipped"].create({"path": str, "reason": str}, pk="path")
    db["aliases"].create({"id": str, "canonical": str, "names": str, "sources": str}, pk="id")
    db["claims"].create_index(["dimension"])
    db["comparisons"].create_index(["agree"])
    db.create_view("contradictions", CONTRADICTIONS_VIEW, replace=True)


FRAME_COLUMNS = {
    "frame_subject": str, "attribute": str, "part": str, "period": str, "target": str,
    "change": str, "frame_modality": str, "as_of": str, "fact_name": str,
}


@migration
def m002_frames(db: Database) -> None:
    """Each claim's quantity frame (issue #9): what the figure is about, queryable."""
    for name, kind in FRAME_COLUMNS.items():
        db["claims"].add_column(name, kind)
    db["claims"].create_index(["attribute"])


@migration
def m003_extractions(db: Database) -> None:
    """Each article's sentences and claims, keyed by what they depend on (pipeline.extraction_key),
    so a rerun reads only the articles that changed (issue #12)."""
    db["extractions"].create({"key": str, "source": str, "sentences": bytes, "claims": bytes}, pk="key")


@migration
def m004_source_text(db: Database) -> None:
    """Each article's text, so `check --db` and a re-rendered report need no corpus folder."""
    db["sources"].add_column("text", str)


CONTRADICTIONS_VIEW_V5 = """
select c.id, c.fact_id, f.label as fact_name, c.source_a, sa.outlet as outlet_a, c.source_b,
       sb.outlet as outlet_b, c.quote_a, c.quote_b, c.sentence_a, c.sentence_b, c.line_a, c.line_b,
       c.value_a, c.value_b, c.unit, c.kind, c.severity, c.ratio, c.explanation, c.copied,
       c.claim_a, c.claim_b
from comparisons c left join facts f on f.id = c.fact_id
left join sources sa on sa.id = c.source_a left join sources sb on sb.id = c.source_b
where c.agree = 0
"""
FULL_TEXT = {"sentences": ("text",), "claims": ("text", "surface")}


@migration
def m005_search(db: Database) -> None:
    """For Datasette: the contradictions view names the fact and both outlets, and sentences
    and claims have full-text search (FTS5, kept in step by triggers). Plain statements, not
    sqlite-utils' enable_fts, which commits mid-transaction."""
    db.execute("drop view if exists contradictions")
    db.execute(f"create view contradictions as {CONTRADICTIONS_VIEW_V5}")
    for table, columns in FULL_TEXT.items():
        cols = ", ".join(columns)
        db.execute(f"create virtual table [{table}_fts] using fts5({cols}, content=[{table}])")
        db.execute(f"insert into [{table}_fts] ([{table}_fts]) values ('rebuild')")
    _search_triggers(db)


def _search_triggers(db: Database, drop: bool = False) -> None:
    """The triggers that keep full-text search in step with rows inserted or deleted one by one
    (by a user's own edits). A run drops them while it replaces every row and rebuilds the index
    in bulk: per-row triggers made saving 10,000 articles ten times slower."""
    for table, columns in FULL_TEXT.items():
        if drop:
            db.execute(f"drop trigger if exists [{table}_ai]")
            db.execute(f"drop trigger if exists [{table}_ad]")
            continue
        cols = ", ".join(columns)
        new = ", ".join(f"new.[{c}]" for c in columns)
        old = ", ".join(f"old.[{c}]" for c in columns)
        db.execute(f"create trigger [{table}_ai] after insert on [{table}] begin "
                   f"insert into [{table}_fts] (rowid, {cols}) values (new.rowid, {new}); end")
        db.execute(f"create trigger [{table}_ad] after delete on [{table}] begin "
                   f"insert into [{table}_fts] ([{table}_fts], rowid, {cols}) values ('delete', old.rowid, {old}); end")


COMPARISON_COLUMNS = (
    "id", "fact_id", "agree", "source_a", "source_b", "quote_a", "quote_b", "sentence_a", "sentence_b",
    "line_a", "line_b", "value_a", "value_b", "unit", "kind", "severity", "ratio", "explanation", "score",
    "copied", "claim_a", "claim_b",
)
CONTRADICTIONS_VIEW_V6 = """
select c.id, c.fact_id, f.story, f.label as fact_name, c.source_a, sa.outlet as outlet_a, c.source_b,
       sb.outlet as outlet_b, c.quote_a, c.quote_b, c.sentence_a, c.sentence_b, c.line_a, c.line_b,
       c.shown_a as value_a, c.shown_b as value_b, c.unit, c.kind, c.severity, c.ratio, c.explanation,
       c.copied, c.claim_a, c.claim_b
from comparisons c left join facts f on f.id = c.fact_id
left join sources sa on sa.id = c.source_a left join sources sb on sb.id = c.source_b
where c.agree = 0
"""


@migration
def m006_keys(db: Database) -> None:
    """For Datasette and joins (issue #13): `comparisons` declares its foreign keys (fact, both
    sources, both claims) and carries each value rounded to the significant figures printed
    (`shown_a`, `shown_b`; the view shows those); facts name their story; `fact_claims` lists each
    fact's claims by agreement group, the representative first (issue #12). SQLite cannot add a
    foreign key to a table, so `comparisons` is rebuilt and its rows copied: nothing is lost."""
    db.execute("drop view if exists contradictions")
    db.execute("alter table comparisons rename to comparisons_old")
    db["comparisons"].create({
        "id": str, "fact_id": int, "agree": int, "source_a": str, "source_b": str,
        "quote_a": str, "quote_b": str, "sentence_a": str, "sentence_b": str, "line_a": int,
        "line_b": int, "value_a": float, "value_b": float, "shown_a": float, "shown_b": float, "unit": str,
        "kind": str, "severity": str, "ratio": float, "explanation": str, "score": float, "copied": int,
        "claim_a": str, "claim_b": str,
    }, pk="id", foreign_keys=[("fact_id", "facts", "id"), ("source_a", "sources", "id"), ("source_b", "sources", "id"),
                              ("claim_a", "claims", "id"), ("claim_b", "claims", "id")])
    cols = ", ".join(COMPARISON_COLUMNS)
    db.execute(f"insert into comparisons ({cols}, shown_a, shown_b) select {cols}, value_a, value_b from comparisons_old")
    db.execute("drop table comparisons_old")
    db["comparisons"].create_index(["agree"])
    db["comparisons"].create_index(["fact_id"])
    db["facts"].add_column("story", int)
    db["fact_claims"].create({"fact_id": int, "claim_id": str, "grp": int, "representative": int},
                             pk=("fact_id", "claim_id"),
                             foreign_keys=[("fact_id", "facts", "id"), ("claim_id", "claims", "id")])
    db.execute(f"create view contradictions as {CONTRADICTIONS_VIEW_V6}")


@migration
def m007_story_index(db: Database) -> None:
    """What `check --db` needs to read only the stories a draft can join (issue #12): each
    article's story and extraction key, and the names it is grouped by (stories.story_keys)."""
    db["sources"].add_column("story", int)
    db["sources"].add_column("extraction_key", str)
    db["story_names"].create({"source": str, "name": str}, pk=("source", "name"),
                             foreign_keys=[("source", "sources", "id")])
    db["story_names"].create_index(["name"])


@migration
def m008_story_results(db: Database) -> None:
    """Each story's judgement, keyed by what it depends on (pipeline.story_key), so a rerun
    after one article changed judges only the stories it touches (issue #12)."""
    db["story_results"].create({"key": str, "result": bytes}, pk="key")


def significant(value: float, digits: int) -> float:
    """`value` rounded to `digits` significant figures: (1094.36, 2) -> 1100.0."""
    if not value or not math.isfinite(value):
        return value
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def printed_digits(value: float | None) -> int:
    """Significant figures of a printed value: 1.6e9 -> 2, 680 -> 2, 1200 -> 2, 12.45 -> 4 (at least 1)."""
    if not value or not math.isfinite(value):
        return 1
    text = f"{abs(value):.12g}".replace(".", "").split("e")[0]
    return max(1, len(text.strip("0")))


def open_database(path: str) -> Database:
    """Open (creating or migrating) the database; a clear error if it is not ours or too new.
    Two runs that open one new database together take turns: the schema is created under
    the write lock, so the second waits (up to BUSY_TIMEOUT_MS) and then finds it made."""
    try:
        db = Database(path)
        db.execute(f"pragma busy_timeout = {BUSY_TIMEOUT_MS}")  # a second run waits for the first
        _retry_busy(lambda: db.conn.execute("pragma journal_mode").fetchone()[0] == "wal" or db.enable_wal())
        with write_lock(db):
            version = _schema_version(db)
            if version > SCHEMA_VERSION:
                raise DatabaseError(path, f"it was written by a newer reconcile (schema {version})")
            if version == 0 and [t for t in db.table_names() if t != "meta"]:
                raise DatabaseError(path, "it holds tables that reconcile did not create")
            if version < SCHEMA_VERSION:
                for step in MIGRATIONS[version:]:
                    step(db)
                db["meta"].upsert({"key": "schema_version", "value": str(SCHEMA_VERSION)}, pk="key")
        return db
    except sqlite3.DatabaseError as error:
        raise DatabaseError(path, _reason(error)) from None


@contextmanager
def write_lock(db: Database) -> Iterator[None]:
    """One transaction that holds the write lock from its start (BEGIN IMMEDIATE): a second
    writer waits for it by the busy timeout, instead of failing when a read lock cannot be
    upgraded (SQLite does not wait in that case)."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")


def _retry_busy(step: Callable[[], object]) -> None:
    """Changing the journal mode takes an exclusive lock and does not wait on busy: retry it."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _reason(error: sqlite3.Error) -> str:
    reason = str(error)
    return "another reconcile run is writing to it; wait for it to finish" if "locked" in reason else reason


def _frame_columns(c) -> dict:
    f = c.frame
    if c.quantity is None:
        return dict.fromkeys(FRAME_COLUMNS)
    return {
        "frame_subject": f.subject, "attribute": f.attribute, "part": f.part, "period": f.period,
        "target": f.target, "change": f.change, "frame_modality": f.modality, "as_of": f.as_of or None,
        "fact_name": f.label(c.quantity.thing),
    }


def _schema_version(db: Database) -> int:
    if "meta" not in db.table_names():
        return 0
    row = db.execute("select value from meta where key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def _encoder(**options) -> Callable[[object], str]:
    """JSONEncoder(**options).encode for lists, tuples and dicts, with its C encoder made once:
    encode makes a new one per call, which cost more than encoding a row's id."""
    encoder = json.JSONEncoder(check_circular=False, **options)
    if json.encoder.c_make_encoder is None:
        return encoder.encode
    inner = json.encoder.c_make_encoder(None, encoder.default, json.encoder.encode_basestring_ascii, None,
                                        encoder.key_separator, encoder.item_separator, encoder.sort_keys,
                                        encoder.skipkeys, encoder.allow_nan)
    return lambda value: "".join(inner(value, 0))


_ID_ENCODE = _encoder(default=str)  # json.dumps(parts, default=str)


def _id(*parts: object) -> str:
    return hashlib.sha1(_ID_ENCODE(parts).encode()).hexdigest()[:16]


def save(db: Database, result: RunResult, title: str | None = None, run_key: str | None = None,
         markdown: str | bytes | None = None, summary: Summary | None = None, writer: StoryWriter | None = None) -> None:
    """Replace the stored run with `result`, atomically; `title` names it in a re-rendered report.
    With `run_key` (pipeline.run_key), the report's `markdown` (text or its UTF-8 bytes) and the
    terminal `summary` are kept with it, for an unchanged rerun to reuse (load_unchanged);
    without, any kept ones are dropped. With `writer` (see writing), the run's stories were
    added to it as they were judged: `result` is the run without them (what analyze returns
    with each_story), and the writer's transaction commits when its block ends."""
    if writer is not None:
        writer.finish(result.skipped, title, run_key, markdown, summary)
        return
    with writing(db) as writer:
        writer.add(result)
        writer.finish(result.skipped, title, run_key, markdown, summary)


@contextmanager
def writing(db: Database) -> Iterator[StoryWriter]:
    """A StoryWriter whose rows replace the stored run in one transaction, committed when the
    block ends after `finish`: a run that fails or is interrupted before then, however many
    stories it wrote, leaves the previous run stored, whole."""
    writer = StoryWriter(db)
    try:
        yield writer
        if writer.finished:
            db.conn.execute("COMMIT")
    except sqlite3.OperationalError as error:
        raise DatabaseError(_path(db), _reason(error)) from None
    except sqlite3.DatabaseError as error:
        raise DatabaseError(_path(db), str(error)) from None
    finally:
        if db.conn.in_transaction:  # not committed: nothing of this run is kept
            db.conn.execute("ROLLBACK")


def _path(db: Database) -> str:
    return str(db.conn.execute("pragma database_list").fetchone()[2])


class StoryWriter:
    """Writes a run story by story (each `add` a RunResult of one story or of all of them):
    the previous run's rows are deleted when the first is added, under the write lock held
    until `writing` commits. Extractions and story judgements are derived data: those of this
    run are kept (only new ones written), the others dropped at `finish`."""

    def __init__(self, db: Database) -> None:
        self.db, self.begun, self.finished = db, False, False
        self.extractions: set[str] = set()
        self.stories: set[str] = set()

    def _begin(self) -> None:
        if self.begun:
            return
        # BEGIN IMMEDIATE: a second writer waits for this one by the busy timeout (see write_lock)
        self.db.conn.execute("BEGIN IMMEDIATE")
        self.begun = True
        _search_triggers(self.db, drop=True)
        for table in TABLES:
            self.db.execute(f"delete from [{table}]")
        # secondary indexes are dropped while every row is written, and made again at `finish`
        # (by their own stored statements, so the schema is unchanged): one sort per index, not
        # a B-tree insert per row (a seventh of writing 2,000 articles' rows)
        marks = ", ".join("?" for _ in TABLES)
        indexes = self.db.execute(f"select name, sql from sqlite_master where type = 'index' and sql is not null "
                                  f"and tbl_name in ({marks}) order by rowid", TABLES).fetchall()
        self.indexes = [sql for _, sql in indexes]  # in the order they were made
        for name, _ in indexes:
            self.db.execute(f"drop index [{name}]")
        self.stored = {r[0] for r in self.db.execute("select key from extractions")}
        self.kept = {r[0] for r in self.db.execute("select key from story_results")}

    def add(self, result: RunResult) -> None:
        self._begin()
        rows = build_rows(result)
        for table in reversed(TABLES):
            if table != "skipped":
                _insert(self.db, table, rows[table])
        # stored or written already (by an earlier story: copies share a key); asked of the sets as
        # they are, not of a union made per story, which grew with the run (quadratic in stories)
        stored, written = self.stored, self.extractions
        _insert(self.db, "extractions", _extraction_rows(result, skip=lambda key: key in stored or key in written), replace=True)
        written.update(result.extraction_keys.values())
        _insert(self.db, "story_results", ({"key": k, "result": _pack(_story_plain(v))}
                                           for k, v in result.story_results.items() if k not in self.kept and k not in self.stories))
        self.stories.update(result.story_results)

    def finish(self, skipped, title: str | None = None, run_key: str | None = None,
               markdown: str | bytes | None = None, summary: Summary | None = None) -> None:
        """The skipped files, the search index, the dropped derived rows and the run's meta;
        see save for `run_key`, `markdown` and `summary`."""
        self._begin()
        db = self.db
        _insert(db, "skipped", ({"path": s.path, "reason": s.reason} for s in skipped))
        for sql in self.indexes:
            db.execute(sql)
        for table in FULL_TEXT:
            db.execute(f"insert into [{table}_fts] ([{table}_fts]) values ('rebuild')")
        _search_triggers(db)
        db.conn.executemany("delete from extractions where key = ?", [(k,) for k in sorted(self.stored - self.extractions)])
        db.conn.executemany("delete from story_results where key = ?", [(k,) for k in sorted(self.kept - self.stories)])
        db["meta"].upsert({"key": "tool_version", "value": __version__}, pk="key")
        db.execute("delete from meta where key in ('run_key', 'report_markdown', 'summary')")
        if run_key is not None and markdown is not None and summary is not None:
            db.conn.executemany("insert into meta (key, value) values (?, ?)", [
                ("run_key", run_key), ("summary", json.dumps(asdict(summary)))])
            _keep_report(db, markdown)
        if title is not None:
            db["meta"].upsert({"key": "title", "value": title}, pk="key")
        self.finished = True


def _keep_report(db: Database, markdown: str | bytes | list[bytes]) -> None:
    """The report kept for an unchanged rerun: text as text, UTF-8 bytes cast to text, and a
    run's UTF-8 lines (story_report) written into a blob a chunk at a time: bound as one value,
    the report of 10,000 articles was copied three times over (a tenth of the run's peak)."""
    if not isinstance(markdown, list):
        db.conn.execute("insert into meta (key, value) values ('report_markdown', cast(? as text))", [markdown])
        return
    size = sum(map(len, markdown)) + max(0, len(markdown) - 1)
    row = db.conn.execute("insert into meta (key, value) values ('report_markdown', zeroblob(?))", [size]).lastrowid
    with db.conn.blobopen("meta", "value", row) as blob:
        for chunk in joined_chunks(markdown):
            blob.write(chunk)


def joined_chunks(lines: list[bytes], size: int = 4096) -> Iterator[bytes]:
    """b"\\n".join(lines), as pieces of `size` lines."""
    for start in range(0, len(lines), size):
        yield (b"\n" if start else b"") + b"\n".join(lines[start:start + size])


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def build_rows(result: RunResult) -> dict[str, Iterable[dict]]:
    """Each table's rows for `result`. The large tables (sentences, claims, comparisons, facts,
    copies) are generators, made as they are written, so a 10,000-article run never holds all
    its rows at once."""
    # ids are hashed once, when a row first needs them: `reconcile run` writes one story at a
    # time, so these tables hold one story's ids (a whole run's cost more memory than its rows)
    sentence_ids: dict[tuple[str, int], str] = {}
    claim_ids: dict[int, str] = {}

    def sentence_id(src: str, index: int) -> str:
        found = sentence_ids.get((src, index))
        if found is None:
            s = result.sentences[src][index]
            found = sentence_ids[(src, index)] = _id(src, s.start, s.end)
        return found

    def claim_id(i: int) -> str:
        found = claim_ids.get(i)
        if found is None:
            c, q = result.claims[i], result.claims[i].quantity
            found = claim_ids[i] = _id(c.source, c.start, c.end, q.start if q else None, q.end if q else None)
        return found

    claim_counts: dict[str, int] = {}
    for c in result.claims:
        claim_counts[c.source] = claim_counts.get(c.source, 0) + 1
    sources = ({
        "id": d.path, "path": d.path, "title": d.title, "outlet": d.outlet,
        "published": _iso(d.published or result.assumed_dates.get(d.path)),
        "date_assumed": int(d.path in result.assumed_dates), "url": d.url, "sha256": d.sha256,
        "sentences": len(result.sentences[d.path]), "claims": claim_counts.get(d.path, 0),
        "dropped_lines": len(d.dropped), "warning": d.warning, "text": d.text,
        "story": result.stories.get(d.path), "extraction_key": result.extraction_keys.get(d.path),
    } for d in result.documents)
    story_names = ({"source": d.path, "name": name} for d in result.documents if d.path in result.extraction_keys
                   for name in result.story_keys.get(d.path) or sorted(story_keys(story_body(d))))
    sentences = ({
        "id": sentence_id(src, i), "source": src, "idx": s.index, "line": s.line,
        "start": s.start, "end": s.end, "text": s.text,
    } for src, items in result.sentences.items() for i, s in enumerate(items))
    def claim_row(c: Claim, claim_id: str) -> dict:
        q = c.quantity
        sentence = result.sentences[c.source][c.sentence]
        return {
            "id": claim_id, "source": c.source, "sentence_id": sentence_id(c.source, c.sentence),
            "line": sentence.line, "start": c.start, "end": c.end, "text": c.text, "subject": c.subject,
            "head": c.head, "predicate": c.predicate, "modality": c.modality, "attribution": c.attribution,
            "surface": q.surface if q else None, "q_start": q.start if q else None,
            "q_end": q.end if q else None, "kind": q.kind if q else "text",
            "value": q.value if q else None, "unit": q.unit if q else None, "bound": q.bound if q else None,
            "low": q.low if q else None, "high": q.high if q else None,
            "si_value": q.si_value if q else None, "si_unit": q.si_unit if q else None,
            "dimension": q.dimension if q else None, "thing": q.thing if q else None,
            "date": q.date if q else None,
            **_frame_columns(c),
        }

    claims = (claim_row(c, claim_id(i)) for i, c in enumerate(result.claims))
    def comparison_row(j) -> dict:
        a, b = result.claims[j.a], result.claims[j.b]
        id_a, id_b = claim_id(j.a), claim_id(j.b)
        sa, sb = result.sentences[a.source][a.sentence], result.sentences[b.source][b.sentence]
        v = j.verdict
        return {
            "id": _id(id_a, id_b), "fact_id": j.fact, "agree": int(v.agree),
            "source_a": a.source, "source_b": b.source, "quote_a": a.quantity.surface,
            "quote_b": b.quantity.surface, "sentence_a": sa.text, "sentence_b": sb.text,
            "line_a": sa.line, "line_b": sb.line, "value_a": v.value_a, "value_b": v.value_b,
            "shown_a": significant(v.value_a, printed_digits(a.quantity.value)),
            "shown_b": significant(v.value_b, printed_digits(b.quantity.value)),
            "unit": v.unit, "kind": v.kind, "severity": v.severity,
            "ratio": v.ratio if v.ratio != float("inf") else None, "explanation": v.explanation,
            "score": j.score, "copied": int(j.copied), "claim_a": id_a, "claim_b": id_b,
        }

    comparisons = (comparison_row(j) for j in result.judged)
    facts = ({
        "id": f.id, "label": f.label, "disputed": int(f.disputed), "claims": len(f.claims),
        "story": result.stories.get(result.claims[f.claims[0]].source),
        "groups": json.dumps([
            {"claims": [claim_id(i) for i in g], "origins": o, "articles": n}
            for g, o, n in zip(f.groups, f.origins, f.articles)
        ]),
    } for f in result.facts)
    fact_claims = ({"fact_id": f.id, "claim_id": claim_id(i), "grp": n, "representative": int(i == g[0])}
                   for f in result.facts for n, g in enumerate(f.groups, 1) for i in g)
    copies = ({
        "id": _id(c.source_a, c.sentence_a, c.source_b, c.sentence_b),
        "source_a": c.source_a, "line_a": result.sentences[c.source_a][c.sentence_a].line,
        "source_b": c.source_b, "line_b": result.sentences[c.source_b][c.sentence_b].line,
        "similarity": c.similarity, "identical": int(c.identical),
        "text_a": result.sentences[c.source_a][c.sentence_a].text,
        "text_b": result.sentences[c.source_b][c.sentence_b].text,
    } for c in result.copies)
    variants = [{
        "id": _id(v.name_a, v.name_b), "name_a": v.name_a, "name_b": v.name_b,
        "sources_a": ", ".join(v.sources_a), "sources_b": ", ".join(v.sources_b), "similarity": v.similarity,
    } for v in result.variants]
    skipped = [{"path": s.path, "reason": s.reason} for s in result.skipped]
    aliases = [{"id": _id(a.canonical, a.names), "canonical": a.canonical, "names": " | ".join(a.names),
                "sources": ", ".join(a.sources)} for a in result.aliases]
    return {
        "sources": sources, "story_names": story_names, "sentences": sentences, "claims": claims, "comparisons": comparisons,
        "facts": facts, "fact_claims": fact_claims, "copies": copies, "variants": variants, "skipped": skipped, "aliases": aliases,
    }


@dataclass(frozen=True)
class StoredFact:
    """One fact as stored: its name, each agreement group's figures (largest first) and the
    disagreements between them with their arithmetic. Rows are dicts of the stored columns."""

    id: int
    label: str
    disputed: bool
    groups: list[list[dict]]
    disagreements: list[dict]


def load_fact(path: str, fact_id: int) -> StoredFact:
    """Read one fact back from a stored run, without reading the corpus again.
    Raises DatabaseError when `path` is not a reconcile database, FactNotFound for an id it lacks."""
    db = _open_stored(path)
    row = next(db.query("select * from facts where id = ?", [fact_id]), None)
    if row is None:
        raise FactNotFound(fact_id, path)
    groups = []
    for group in json.loads(row["groups"]):
        marks = ", ".join("?" for _ in group["claims"])
        rows = {r["id"]: r for r in db.query(
            f"select claims.id, claims.source, claims.line, claims.surface, claims.value, claims.unit, "
            f"sources.outlet, sources.published, sentences.text as sentence from claims "
            f"join sources on sources.id = claims.source join sentences on sentences.id = claims.sentence_id "
            f"where claims.id in ({marks})", group["claims"])}
        groups.append([rows[i] for i in group["claims"] if i in rows])
    disagreements = list(db.query(
        "select source_a, line_a, quote_a, source_b, line_b, quote_b, kind, severity, explanation "
        "from comparisons where fact_id = ? and agree = 0 order by source_a, line_a, source_b, line_b", [fact_id]))
    return StoredFact(row["id"], row["label"], bool(row["disputed"]), groups, disagreements)


def _insert(db: Database, table: str, rows, replace: bool = False) -> None:
    """Insert dict rows (the first row's keys are the columns; a missing one is NULL) in one
    prepared statement: sqlite-utils' insert_all inspects every value, which at 10,000
    articles took longer than the analysis."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return
    columns = list(first)
    sql = (f"insert {'or replace ' if replace else ''}into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
           f"values ({', '.join('?' for _ in columns)})")
    db.conn.executemany(sql, map(_row_values(columns), itertools.chain([first], rows)))


def _row_values(columns: list[str]) -> Callable[[dict], tuple | list]:
    """A dict row's values in `columns`' order, NULL for a missing one: one itemgetter call
    per row (a row's `get` per column was a tenth of writing the store)."""
    if len(columns) < 2:  # itemgetter of one key gives the value, not a tuple
        return lambda row: [row.get(c) for c in columns]
    values = operator.itemgetter(*columns)

    def row_values(row: dict) -> tuple | list:
        try:
            return values(row)
        except KeyError:
            return [row.get(c) for c in columns]

    return row_values


def _extraction_rows(result: RunResult, skip: Callable[[str], bool] = lambda key: False) -> Iterator[dict]:
    """Each article's extraction, packed, unless `skip` says its key is stored already."""
    claims_of: dict[str, list] = {}
    for c in result.claims:
        claims_of.setdefault(c.source, []).append(c)
    done = set()
    for path, key in result.extraction_keys.items():
        if key in done or skip(key):
            continue
        done.add(key)
        # compressed: a claim repeats its sentence's words, and a one-line article has many claims
        yield {
            "key": key, "source": path,
            "sentences": _pack([[s.index, s.start, s.end, s.line, s.text] for s in result.sentences[path]]),
            "claims": _pack([_plain(c) for c in claims_of.get(path, [])]),
        }


def _story_plain(part: StoryResult) -> dict:
    """A story's judgement as JSON-ready lists (never pickle: a database may come from elsewhere)."""
    def row(value) -> list:
        return [getattr(value, f.name) for f in fields(value)]
    return {
        "copies": [row(c) for c in part.copies], "variants": [row(v) for v in part.variants],
        "aliases": [row(a) for a in part.aliases],
        "judged": [[j.a, j.b, row(j.verdict), j.fact, j.score, j.copied] for j in part.judged],
        "twin_of": sorted(part.twin_of.items()), "origin": part.origin,
    }


def _story_result(d: dict) -> StoryResult:
    return StoryResult(
        copies=[Copy(*r) for r in d["copies"]],
        variants=[Variant(r[0], r[1], tuple(r[2]), tuple(r[3]), r[4]) for r in d["variants"]],
        aliases=[Alias(r[0], tuple(r[1]), tuple(r[2])) for r in d["aliases"]],
        judged=[Judged(a, b, Verdict(*verdict), fact, score, copied) for a, b, verdict, fact, score, copied in d["judged"]],
        twin_of={int(t): int(r) for t, r in d["twin_of"]}, origin=[int(o) for o in d["origin"]],
    )


def load_story_results(path: str) -> dict[str, StoryResult]:
    """A stored run's story judgements by story key, for a rerun to reuse; empty when there is
    no usable database at `path`, and a damaged row is judged again."""
    db = _reusable(path)
    try:
        rows = list(db.query("select key, result from story_results")) if db is not None else []
    except sqlite3.DatabaseError:
        return {}
    out = {}
    for row in rows:
        try:
            out[row["key"]] = _story_result(_unpack(row["result"]))
        except (zlib.error, ValueError, TypeError, KeyError):
            continue
    return out


class _Stored(Mapping):
    """A stored run's extractions or story judgements by key, each read from the database when
    asked for (a rerun of 10,000 articles never holds them all); a damaged row is missing."""

    def __init__(self, path: str, table: str, decode: Callable[[sqlite3.Row], object]) -> None:
        self.db, self.table, self.decode = _reusable(path), table, decode
        try:
            self.keys_ = {r[0] for r in self.db.execute(f"select key from [{table}]")} if self.db is not None else set()
        except sqlite3.DatabaseError:
            self.keys_ = set()

    def __contains__(self, key: object) -> bool:
        return key in self.keys_

    def __getitem__(self, key: str):
        if key not in self.keys_:
            raise KeyError(key)
        try:
            row = next(self.db.query(f"select * from [{self.table}] where key = ?", [key]), None)
            if row is not None:
                return self.decode(row)
        except (sqlite3.DatabaseError, zlib.error, ValueError, TypeError, KeyError):
            pass
        raise KeyError(key)  # damaged: made again

    def __iter__(self):
        return iter(self.keys_)

    def __len__(self) -> int:
        return len(self.keys_)


def stored_extractions(path: str) -> Mapping[str, tuple[list[Sentence], list[Claim]]]:
    """load_extractions, each article's read when asked for."""
    return _Stored(path, "extractions", lambda row: (
        [Sentence(*items) for items in _unpack(row["sentences"])], [_claim(d) for d in _unpack(row["claims"])]))


def stored_story_results(path: str) -> Mapping[str, StoryResult]:
    """load_story_results, each story's read when asked for."""
    return _Stored(path, "story_results", lambda row: _story_result(_unpack(row["result"])))


# field names listed once: dataclasses.fields() is slow to ask per claim
_CLAIM_FIELDS = tuple(f.name for f in fields(Claim))
_QUANTITY_FIELDS = tuple(f.name for f in fields(Quantity))
_FRAME_FIELDS = tuple(f.name for f in fields(Frame))


_CLAIM_VALUES = operator.attrgetter(*_CLAIM_FIELDS)
_QUANTITY_VALUES = operator.attrgetter(*_QUANTITY_FIELDS)
_FRAME_VALUES = operator.attrgetter(*_FRAME_FIELDS)


_QUANTITY_AT, _FRAME_AT = _CLAIM_FIELDS.index("quantity"), _CLAIM_FIELDS.index("frame")
_TUPLES_AT = tuple(_CLAIM_FIELDS.index(k) for k in ("context", "local", "nearby", "marks"))


def _plain(claim: Claim) -> list:
    """A claim as a JSON-ready list of its fields in order, its quantity and frame as lists too:
    stored as dicts, every claim repeated every field name, and encoding those names was most of
    packing an article's extraction (a change of fields changes the extraction keys anyway)."""
    row = list(_CLAIM_VALUES(claim))
    q = row[_QUANTITY_AT]
    row[_QUANTITY_AT] = _QUANTITY_VALUES(q) if q is not None else None
    row[_FRAME_AT] = _FRAME_VALUES(row[_FRAME_AT])
    return row


_PACK_ENCODE = _encoder(separators=(",", ":"))  # json.dumps(value, separators=(",", ":"))


def _pack(value) -> bytes:
    # level 1: blobs a sixth larger than level 6's in under half its time (packing every
    # article's extraction was a tenth of a run)
    return zlib.compress(_PACK_ENCODE(value).encode("utf-8"), 1)


def _unpack(blob: bytes):
    return json.loads(zlib.decompress(blob))


def load_extractions(path: str) -> dict[str, tuple[list[Sentence], list[Claim]]]:
    """A stored run's extractions by key, for a rerun to reuse; empty when there is no usable
    database at `path` (a rerun then reads everything, as a first run does)."""
    db = _reusable(path)
    if db is None:
        return {}  # not a usable database: read everything again
    try:
        return _extractions(db)
    except sqlite3.DatabaseError:
        return {}


def _extractions(db: Database, keys: list[str] | None = None) -> dict[str, tuple[list[Sentence], list[Claim]]]:
    """Stored extractions by key: all of them, or those of `keys`."""
    out = {}
    rows = db.query("select key, sentences, claims from extractions") if keys is None else (
        row for chunk in range(0, len(keys), 500) for row in db.query(
            f"select key, sentences, claims from extractions where key in ({', '.join('?' for _ in keys[chunk:chunk + 500])})",
            keys[chunk:chunk + 500]))
    for row in rows:
        try:
            sentences = [Sentence(*items) for items in _unpack(row["sentences"])]
            out[row["key"]] = (sentences, [_claim(d) for d in _unpack(row["claims"])])
        except (zlib.error, ValueError, TypeError, KeyError):
            continue  # a damaged row: that article is read again
    return out


def _claim(d: list | dict) -> Claim:
    """A claim from its stored fields: a list (see _plain), or a dict as earlier stores kept them."""
    if isinstance(d, list):
        q = d[_QUANTITY_AT]
        d[_QUANTITY_AT] = Quantity(*q) if q else None
        d[_FRAME_AT] = Frame(*d[_FRAME_AT])
        for k in _TUPLES_AT:
            d[k] = tuple(map(sys.intern, d[k]))
        return Claim(*d)
    q = d.pop("quantity")
    frame = Frame(**d.pop("frame"))
    tuples = {k: tuple(map(sys.intern, d.pop(k))) for k in ("context", "local", "nearby", "marks")}
    return Claim(**d, quantity=Quantity(**q) if q else None, frame=frame, **tuples)


@dataclass(frozen=True)
class StoredRun:
    """What a stored run needs to be analysed again without its corpus folder: the articles and
    skipped files as `ingest.read_documents` gave them, their extractions by key, and its title."""

    documents: list[Document]
    skipped: list[Skipped]
    extractions: dict[str, tuple[list[Sentence], list[Claim]]]
    title: str


def load_run(path: str, names: frozenset[str] | None = None) -> StoredRun:
    """Read a stored run back (one opening of the database). With `names` (stories.story_keys of
    a draft), only the stories whose articles share one of them: the articles a draft can be
    grouped with, found through the stored index; every article when none shares one.
    Raises DatabaseError when `path` holds no stored run, or one from before article texts
    were stored."""
    db = _open_stored(path)
    where, params = "", []
    if names:
        marks = ", ".join("?" for _ in names)
        stories = [r[0] for r in db.execute(
            f"select distinct s.story from story_names n join sources s on s.id = n.source "
            f"where n.name in ({marks}) and s.story is not null", sorted(names))]
        if stories:
            where, params = f"where story in ({', '.join('?' for _ in stories)})", stories
    documents, keys = [], []
    for row in db.query(f"select * from sources {where} order by path", params):
        if row.get("text") is None:
            raise DatabaseError(path, "it holds a run from before article texts were stored; run it again")
        meta = {k: row[k] for k in ("title", "outlet", "url") if row[k]}
        if row["published"] and not row["date_assumed"]:
            meta["date"] = row["published"]
        documents.append(parse_document(row["path"], row["text"], row["sha256"] or "", row["warning"], meta=meta))
        keys.append(row.get("extraction_key"))
    if not documents:
        raise DatabaseError(path, "it holds no stored run; `reconcile run CORPUS --db FILE` writes one")
    skipped = [Skipped(r["path"], r["reason"]) for r in db.query("select path, reason from skipped order by path")]
    title = next(db.query("select value from meta where key = 'title'"), {"value": "corpus"})["value"]
    return StoredRun(documents, skipped, _extractions(db, keys if where and all(keys) else None), title)


def load_unchanged(path: str, run_key: str) -> tuple[str, Summary] | None:
    """The stored report and summary when the run stored at `path` has `run_key` (so a rerun
    would write the same rows); None otherwise, or when there is no usable database."""
    db = _reusable(path)
    if db is None:
        return None
    try:
        kept = {r["key"]: r["value"] for r in db.query(
            "select key, value from meta where key in ('run_key', 'report_markdown', 'summary')")}
        if kept.get("run_key") != run_key or "report_markdown" not in kept or "summary" not in kept:
            return None
        fields = json.loads(kept["summary"])
        summary = Summary(fields["counts"], tuple((a, b, c, tuple(d), e) for a, b, c, d, e in fields["rows"]),
                          fields["stories"], tuple(fields["skipped"]), tuple(fields["warnings"]))
        return kept["report_markdown"], summary
    except (DatabaseError, sqlite3.DatabaseError, ValueError, KeyError, TypeError):
        return None  # judged again, as a first run is


def _reusable(path: str) -> Database | None:
    """The database at `path` for a rerun to reuse what it stored; None when there is none or it
    is not usable (the run then does everything again, as a first run does)."""
    if not os.path.isfile(path):
        return None
    try:
        return open_database(path)
    except (DatabaseError, sqlite3.DatabaseError):
        return None


def _open_stored(path: str) -> Database:
    """A database a run wrote; never creates one where there is none."""
    if not os.path.isfile(path):
        raise DatabaseError(path, "no such file; `reconcile run CORPUS --db FILE` writes one")
    return open_database(path)


def datasette_metadata(title: str) -> dict:
    """Titles, descriptions and facets for `datasette DB -m reconcile-metadata.json`."""
    return {
        "title": f"reconcile: {title}",
        "description": "Where news reports of one event disagree about their figures.",
        "databases": {"*": {"tables": {
            "contradictions": {"description": "Pairs of figures about one fact that cannot both be true.",
                               "facets": ["kind", "severity", "story", "fact_name", "outlet_a"]},
            "facts": {"description": "Facts: figures grouped by what they measure; disputed when the groups disagree.",
                      "facets": ["disputed"]},
            "fact_claims": {"description": "Each fact's claims by agreement group; the representative of each group marked.",
                            "facets": ["grp", "representative"]},
            "claims": {"description": "Every figure read, with its quantity frame; full-text search on the clause.",
                       "facets": ["kind", "attribute", "source", "unit"]},
            "comparisons": {"description": "Every aligned pair, agreeing or not.", "facets": ["agree", "kind"]},
            "sources": {"description": "The articles read, with outlet and date.", "facets": ["outlet"]},
            "sentences": {"description": "Every sentence, with full-text search."},
            "skipped": {"description": "Files not read, and why."},
        }}},
    }
