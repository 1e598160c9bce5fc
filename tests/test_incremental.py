"""Incremental reruns (issue #12 item 4): an article's extraction is stored under a key of
what it depends on (text, date, sentence limit, code), and a rerun reads only the articles
that changed; the stored run is the same as a fresh run's."""

import shutil
from pathlib import Path

import reconcile.pipeline as pipeline
from reconcile.pipeline import run_corpus
from reconcile.store import load_extractions, open_database, save

from .conftest import FIXTURES


def _rows(db_path: str) -> dict:
    db = open_database(db_path)
    return {t: sorted(map(str, db[t].rows)) for t in ("claims", "comparisons", "facts", "sentences")}


def test_a_rerun_reads_only_changed_articles_and_stores_what_a_fresh_run_stores(monkeypatch):
    shutil.copytree(FIXTURES / "mini", "corpus")
    save(open_database("run.db"), run_corpus("corpus"))
    read: list[str] = []
    real = pipeline._extract_one
    monkeypatch.setattr(pipeline, "_extract_one", lambda d, m=5000: read.append(d.path) or real(d, m))

    save(open_database("run.db"), run_corpus("corpus", stored=load_extractions("run.db")))
    assert read == []  # nothing changed: nothing read

    changed = Path("corpus/island-times.txt")
    changed.write_text(changed.read_text(encoding="utf-8").replace("12,000", "13,000"), encoding="utf-8")
    Path("corpus/coast-wire.md").rename("corpus/coast-wire-renamed.md")
    result = run_corpus("corpus", stored=load_extractions("run.db"))
    assert read == ["island-times.txt"]  # a renamed file keeps its extraction
    save(open_database("run.db"), result)

    save(open_database("fresh.db"), run_corpus("corpus"))
    assert _rows("run.db") == _rows("fresh.db")
    assert not [r for r in open_database("run.db")["claims"].rows if r["source"] == "coast-wire.md"]


def test_extractions_of_other_code_or_dates_are_not_reused():
    from reconcile.ingest import parse_document
    a = parse_document("a.md", "---\ndate: 2024-01-02\n---\nIt cost $4bn.\n")
    b = parse_document("a.md", "---\ndate: 2024-01-03\n---\nIt cost $4bn.\n")
    assert pipeline.extraction_key(a) != pipeline.extraction_key(b)
    assert pipeline.extraction_key(a) != pipeline.extraction_key(a, max_sentence=100)


def test_an_unreadable_database_means_a_full_read(tmp_path):
    Path("junk.db").write_bytes(b"not a database at all" * 100)
    assert load_extractions("junk.db") == {}
    assert load_extractions("missing.db") == {}


def test_an_unchanged_rerun_reuses_the_stored_run_and_any_change_judges_again(monkeypatch):
    """Issue #12: a rerun whose articles, limits, title and code are all unchanged writes the
    stored report and says the stored summary without judging anything; any change (one
    article edited, another title) judges the corpus again."""
    from typer.testing import CliRunner

    from reconcile.cli import app
    runner = CliRunner()
    shutil.copytree(FIXTURES / "mini", "corpus")
    first = runner.invoke(app, ["run", "corpus"])
    report = Path("reconcile-report.md").read_text(encoding="utf-8")
    judged: list[int] = []
    real = pipeline.analyze
    monkeypatch.setattr(pipeline, "analyze", lambda *a, **k: judged.append(1) or real(*a, **k))
    Path("reconcile-report.md").unlink()
    again = runner.invoke(app, ["run", "corpus"])
    assert (again.exit_code, again.stdout, judged) == (0, first.stdout, [])
    assert Path("reconcile-report.md").read_text(encoding="utf-8") == report
    html = runner.invoke(app, ["run", "corpus", "--report", "r.html"])  # the stored Markdown, as HTML
    assert html.exit_code == 0 and judged == [] and Path("r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

    edited = Path("corpus/island-times.txt")
    edited.write_text(edited.read_text(encoding="utf-8").replace("12,000", "13,000"), encoding="utf-8")
    runner.invoke(app, ["run", "corpus"])
    assert judged == [1]
    save(open_database("reconcile.db"), run_corpus("corpus"))  # stored without a key: never reused
    judged.clear()
    runner.invoke(app, ["run", "corpus"])
    assert judged == [1]


def test_a_rerun_judges_only_the_stories_an_edited_article_touches(monkeypatch):
    """Issue #12 item 4: each story's judgement is stored under a key of its articles, dates and
    the code; after one article changes, only its story is judged again, and the stored run is
    the same as a fresh run's."""
    from reconcile.store import load_story_results

    for story in sorted((FIXTURES / "corpus").iterdir()):
        shutil.copytree(story, Path("corpus") / story.name)
    first = run_corpus("corpus")
    save(open_database("run.db"), first)
    judged: list[list[str]] = []
    real = pipeline.judge_story
    monkeypatch.setattr(pipeline, "judge_story", lambda work: judged.append(sorted(work.texts)) or real(work))

    edited = Path("corpus/quake-wire/w2.md")
    edited.write_text(edited.read_text(encoding="utf-8").replace("at least 112 people", "at least 113 people"), encoding="utf-8")
    again = run_corpus("corpus", stored=load_extractions("run.db"), stored_stories=load_story_results("run.db"))
    assert len(judged) == 1 and "quake-wire/w2.md" in judged[0]  # one story of six
    save(open_database("run.db"), again)
    save(open_database("fresh.db"), run_corpus("corpus"))
    assert _rows("run.db") == _rows("fresh.db")


def test_stored_extractions_and_judgements_are_read_one_at_a_time_as_loaded_whole():
    """`reconcile run` reads a stored run's extractions and story judgements by key as it needs
    them (stored_extractions, stored_story_results): the same values as loading them whole, and
    a damaged row is missing (read or judged again), as it is there."""
    import sqlite3

    from reconcile.store import load_story_results, stored_extractions, stored_story_results

    shutil.copytree(FIXTURES / "mini", "corpus")
    save(open_database("run.db"), run_corpus("corpus"))
    lazy, whole = stored_extractions("run.db"), load_extractions("run.db")
    assert set(lazy) == set(whole) and all(lazy[k] == whole[k] for k in whole)
    assert dict(stored_story_results("run.db")) == load_story_results("run.db") != {}
    key = next(iter(whole))
    with sqlite3.connect("run.db") as db:
        db.execute("update extractions set claims = x'00' where key = ?", [key])
    assert key in stored_extractions("run.db") and stored_extractions("run.db").get(key) is None
    assert key not in load_extractions("run.db")
    assert stored_extractions("missing.db").get(key) is None and len(stored_extractions("missing.db")) == 0
