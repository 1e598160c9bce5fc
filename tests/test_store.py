import sqlite3

import pytest

from reconcile.errors import DatabaseError
from reconcile.pipeline import run_corpus
from reconcile.store import open_database, save

from .conftest import FIXTURES

TABLES = ("sources", "sentences", "claims", "comparisons", "facts", "copies", "variants", "skipped")


def _dump(path):
    with sqlite3.connect(path) as db:
        return {t: sorted(db.execute(f"select * from {t}").fetchall(), key=repr) for t in TABLES + ("contradictions",)}


def test_rerun_is_idempotent(tmp_path):
    result = run_corpus(FIXTURES / "mini")
    db = open_database(str(tmp_path / "r.db"))
    save(db, result)
    first = _dump(tmp_path / "r.db")
    save(open_database(str(tmp_path / "r.db")), run_corpus(FIXTURES / "mini"))
    assert _dump(tmp_path / "r.db") == first
    assert len(first["contradictions"]) == 2


def test_contradictions_view_has_the_documented_columns(tmp_path):
    save(open_database(str(tmp_path / "r.db")), run_corpus(FIXTURES / "mini"))
    with sqlite3.connect(tmp_path / "r.db") as db:
        columns = [r[1] for r in db.execute("pragma table_info(contradictions)")]
    for name in ("source_a", "source_b", "quote_a", "quote_b", "sentence_a", "sentence_b",
                 "value_a", "value_b", "unit", "kind", "severity", "explanation"):
        assert name in columns


def _failed_save_keeps_previous(tmp_path, monkeypatch, spoil, error):
    """Save once, then save again with rows spoiled by `spoil`: the first run must survive."""
    path = str(tmp_path / "r.db")
    save(open_database(path), run_corpus(FIXTURES / "mini"))
    before = _dump(path)
    from reconcile import store

    original = store.build_rows
    monkeypatch.setattr(store, "build_rows", lambda result: spoil(original(result)))
    with pytest.raises(error):
        save(open_database(path), run_corpus(FIXTURES / "mini"))
    assert _dump(path) == before
    with sqlite3.connect(path) as db:
        assert db.execute("pragma integrity_check").fetchone() == ("ok",)


def test_failed_save_keeps_the_previous_run(tmp_path, monkeypatch):
    def duplicate_key(rows):
        claims = list(rows["claims"])
        rows["claims"] = claims + [{"id": claims[0]["id"]}]
        return rows

    _failed_save_keeps_previous(tmp_path, monkeypatch, duplicate_key, DatabaseError)


def test_newer_schema_is_refused(tmp_path):
    path = str(tmp_path / "r.db")
    db = open_database(path)
    db["meta"].upsert({"key": "schema_version", "value": "99"}, pk="key")
    with pytest.raises(DatabaseError, match="newer reconcile"):
        open_database(path)


def test_interrupted_save_keeps_the_previous_run(tmp_path, monkeypatch):
    def interrupt(rows):
        rows["comparisons"] = _Interrupting(rows["comparisons"])
        return rows

    _failed_save_keeps_previous(tmp_path, monkeypatch, interrupt, KeyboardInterrupt)


class _Interrupting(list):
    """Rows that raise Ctrl-C halfway through being inserted."""

    def __iter__(self):
        for n, row in enumerate(super().__iter__()):
            if n == 1:
                raise KeyboardInterrupt
            yield row


def test_database_uses_wal(tmp_path):
    open_database(str(tmp_path / "r.db"))
    with sqlite3.connect(tmp_path / "r.db") as db:
        assert db.execute("pragma journal_mode").fetchone() == ("wal",)


def test_a_second_writer_gets_a_clear_error(tmp_path, monkeypatch):
    from reconcile import store

    path = str(tmp_path / "r.db")
    open_database(path)
    holder = sqlite3.connect(path)
    holder.execute("begin immediate")  # another run mid-write
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 100)
    try:
        with pytest.raises(DatabaseError, match="another reconcile run is writing to it"):
            save(open_database(path), run_corpus(FIXTURES / "mini"))
    finally:
        holder.rollback()
        holder.close()


def test_claims_carry_their_frames(tmp_path):
    save(open_database(str(tmp_path / "r.db")), run_corpus(FIXTURES / "mini"))
    with sqlite3.connect(tmp_path / "r.db") as db:
        rows = db.execute("select surface, attribute, fact_name, as_of from claims where surface like '%passengers a day'").fetchall()
    assert rows and all(r[1] == "capacity" and r[2] == "capacity (passengers)" and r[3] for r in rows)


def test_a_schema_1_database_gains_the_frame_columns(tmp_path):
    from sqlite_utils import Database

    from reconcile.store import MIGRATIONS
    db = Database(str(tmp_path / "old.db"))
    MIGRATIONS[0](db)
    db["meta"].upsert({"key": "schema_version", "value": "1"}, pk="key")
    db.conn.commit()
    db = open_database(str(tmp_path / "old.db"))
    assert {"attribute", "frame_subject", "as_of"} <= set(db["claims"].columns_dict)
    save(db, run_corpus(FIXTURES / "mini"))


def test_the_store_serves_datasette_search_and_names(tmp_path):
    """Issue #13: the contradictions view names the fact and outlets; sentences and claims
    have full-text search that stays in step when a run replaces the last."""
    path = str(tmp_path / "r.db")
    save(open_database(path), run_corpus(FIXTURES / "mini"))
    save(open_database(path), run_corpus(FIXTURES / "mini"))  # replaced: the index must follow
    with sqlite3.connect(path) as db:
        names = {r[0] for r in db.execute("select fact_name from contradictions")}
        assert names == {"capacity (passengers)"}
        assert "Coast Wire" in {r[0] for r in db.execute("select outlet_a from contradictions")}
        found = db.execute("select count(*) from sentences_fts where sentences_fts match 'passengers'").fetchone()[0]
        plain = db.execute("select count(*) from sentences where text like '%passengers%'").fetchone()[0]
        assert found == plain > 0


def test_the_store_declares_its_keys_and_groups(tmp_path):
    """Issue #13: comparisons refer to facts, sources and claims by declared foreign keys, which
    hold; fact_claims lists every claim of every fact once, one representative per group."""
    path = str(tmp_path / "r.db")
    result = run_corpus(FIXTURES / "mini")
    save(open_database(path), result)
    with sqlite3.connect(path) as db:
        keys = {(r[2], r[3]) for r in db.execute("pragma foreign_key_list(comparisons)")}
        assert keys == {("facts", "fact_id"), ("sources", "source_a"), ("sources", "source_b"),
                        ("claims", "claim_a"), ("claims", "claim_b")}
        assert db.execute("pragma foreign_key_check").fetchall() == []
        assert db.execute("select count(*) from fact_claims").fetchone()[0] == sum(len(f.claims) for f in result.facts)
        assert db.execute("select count(*) from fact_claims where representative = 1").fetchone()[0] == \
            sum(len(f.groups) for f in result.facts)
        assert {r[0] for r in db.execute("select story from contradictions")} == {0}


@pytest.mark.parametrize(("value", "printed", "shown"), [
    (1094.36, 680.0, 1100.0),  # 680 miles in km: two figures printed, two shown
    (45.3069e6, 1.6e9, 45e6),
    (1200.0, 1200.0, 1200.0),
    (0.0, 5.0, 0.0),
])
def test_values_are_rounded_to_the_figures_printed(value, printed, shown):
    from reconcile.store import printed_digits, significant
    assert significant(value, printed_digits(printed)) == pytest.approx(shown)


def test_a_schema_5_database_keeps_its_rows_when_it_gains_keys(tmp_path):
    """The comparisons table is rebuilt to declare foreign keys: every stored row is copied."""
    from sqlite_utils import Database

    from reconcile.store import MIGRATIONS
    path = str(tmp_path / "old.db")
    db = Database(path)
    for step in MIGRATIONS[:5]:
        step(db)
    db["meta"].upsert({"key": "schema_version", "value": "5"}, pk="key")
    db["comparisons"].insert({"id": "x", "fact_id": 1, "agree": 0, "value_a": 1.0, "value_b": 2.0, "kind": "value-mismatch"})
    db.conn.commit()
    db = open_database(path)
    row = next(db.query("select id, value_a, shown_a, kind from comparisons"))
    assert row == {"id": "x", "value_a": 1.0, "shown_a": 1.0, "kind": "value-mismatch"}
    assert next(db.query("select count(*) as n from contradictions"))["n"] == 1


def test_a_stored_run_is_read_story_by_story_through_its_name_index(tmp_path):
    """Issue #12: `check --db` reads only the stories a draft's names lead to."""
    import shutil

    from reconcile.ingest import parse_document
    from reconcile.pipeline import story_body
    from reconcile.stories import story_keys
    from reconcile.store import load_run

    for story in sorted((FIXTURES / "corpus").iterdir()):
        shutil.copytree(story, tmp_path / "c" / story.name)
    path = str(tmp_path / "r.db")
    save(open_database(path), run_corpus(tmp_path / "c"))
    draft = parse_document("draft.md", "Lavrov met Qureshi in Islamabad, and the pipeline will cost $2.5 billion.\n")
    run = load_run(path, story_keys(story_body(draft)))
    assert {d.path.split("/")[0] for d in run.documents} == {"lavrov-pakistan"}
    assert set(run.extractions) and len(run.extractions) <= len(run.documents)
    everything = load_run(path, frozenset({"nameunknownanywhere"}))  # no story shares a name: all of them
    assert len({d.path.split("/")[0] for d in everything.documents}) == 6
