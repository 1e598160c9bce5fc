"""Issue #12: correctness at scale. Reprints do not change what is found and cost rows in
proportion to their number; a story of 400+ articles stays one story. No timings here
(those are in `make bench`)."""

import importlib.util
import shutil

import pytest

from reconcile.ingest import read_jsonl
from reconcile.pipeline import analyze, run_corpus

from .conftest import FIXTURES

_spec = importlib.util.spec_from_file_location("scale", FIXTURES.parent / "bench" / "scale.py")
scale = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scale)

STORY = FIXTURES / "corpus" / "lavrov-pakistan"


def _found(result, originals=None):
    """Contradictions as (source, figure, source, figure), both ends among `originals`."""
    out = set()
    for j in result.contradictions:
        a, b = result.claims[j.a], result.claims[j.b]
        if originals is None or {a.source, b.source} <= originals:
            out.add(tuple(sorted([(a.source, a.quantity.surface), (b.source, b.quantity.surface)])) + (j.verdict.kind,))
    return out


def _with_reprints(tmp_path, n: int):
    folder = tmp_path / f"r{n}"
    shutil.copytree(STORY, folder)
    for i in range(n):  # a wire story picked up verbatim by n more outlets
        shutil.copy(STORY / ("b.txt" if i % 2 else "a.md"), folder / f"reprint-{i:02d}.md")
    return run_corpus(folder)


def test_twenty_reprints_do_not_change_the_contradictions(tmp_path):
    plain = run_corpus(STORY)
    reprinted = _with_reprints(tmp_path, 20)
    originals = {p.name for p in STORY.iterdir()}
    assert _found(reprinted, originals) == _found(plain)
    assert len(set(reprinted.stories.values())) == 1
    # a reprint carries its first printing's contradictions with the other articles
    def against_others(source):
        return {(reprinted.claims[o].source, reprinted.claims[o].quantity.surface, reprinted.claims[i].quantity.surface, j.verdict.kind)
                for j in reprinted.contradictions for i, o in ((j.a, j.b), (j.b, j.a))
                if reprinted.claims[i].source == source and reprinted.claims[o].source in originals - {"a.md"}}
    assert against_others("reprint-00.md") == against_others("a.md") != set()
    disputed = [f for f in reprinted.facts if f.disputed]
    assert [f.origins for f in disputed] == [f.origins for f in plain.facts if f.disputed]


def test_rows_grow_with_the_reprints_not_their_square(tmp_path):
    rows = {n: len(_with_reprints(tmp_path, n).judged) for n in (0, 10, 20)}
    assert rows[20] - rows[10] <= (rows[10] - rows[0]) * 1.1 + 5


def test_a_story_of_four_hundred_articles_stays_one_story(tmp_path):
    path = tmp_path / "one.jsonl"
    scale.write(path, scale.one_story(400, reprints=25))
    documents, skipped = read_jsonl(path)
    assert len(documents) == 425 and not skipped
    result = analyze(documents, skipped)
    assert len(set(result.stories.values())) == 1
    # the first story's gas-pipeline slips are still found among 425 articles
    kinds = {j.verdict.kind for j in result.contradictions}
    assert "unit-confusion" in kinds or "rate-confusion" in kinds
    assert len(result.judged) < 40 * len(documents)  # rows in proportion to the articles


@pytest.mark.parametrize("articles", [60])
def test_many_stories_stay_apart(articles, tmp_path):
    path = tmp_path / "many.jsonl"
    scale.write(path, scale.many_stories(articles))
    documents, skipped = read_jsonl(path)
    result = analyze(documents, skipped)
    story_of_template = {}
    for d in documents:
        story_of_template.setdefault(d.path.split("#", 1)[1].split("/", 1)[0], set()).add(result.stories[d.path])
    assert all(len(s) == 1 for s in story_of_template.values())  # no generated story split...
    assert len(set(result.stories.values())) == len(story_of_template)  # ...and none merged


def _stored_by_story(documents, skipped, db_path, title, **options):
    """A run as `reconcile run` makes it: each story stored and reported as it is judged."""
    from reconcile.store import open_database, writing
    from reconcile.story_report import StoryReport

    report = StoryReport(title)
    with writing(open_database(str(db_path))) as writer:
        def each_story(part):
            writer.add(part)
            report.add(part)
        head = analyze(documents, skipped, each_story=each_story, **options)
        lines, summary = report.finish(head)
        writer.finish(head.skipped, title=title, run_key="k", markdown=lines, summary=summary)
    return b"\n".join(lines), summary


def _all_rows(db_path):
    import sqlite3
    with sqlite3.connect(db_path) as db:
        tables = [r[0] for r in db.execute("select name from sqlite_master where type = 'table' and name not like '%fts%'")]
        # the report is kept as text by save, as a blob written line by line by a run
        return {t: sorted(repr(tuple(v.decode() if t == "meta" and isinstance(v, bytes) else v for v in row))
                          for row in db.execute(f"select * from [{t}]")) for t in tables}


@pytest.mark.parametrize("held", [20_000, 0])
def test_judging_story_by_story_stores_and_reports_what_judging_all_at_once_does(tmp_path, monkeypatch, held):
    """Issue #12 item 3: `reconcile run` judges, stores and reports one story at a time; its rows,
    report and summary are those of the whole corpus judged at once (reprints, several stories,
    stories whose articles interleave in document order, an article that stands alone), whether
    the articles of waiting stories are held in memory or spilled to a file (`held` claims)."""
    from reconcile import by_story

    monkeypatch.setattr(by_story, "HELD_CLAIMS", held)
    from reconcile.ingest import parse_document
    from reconcile.report import render_markdown, summarize
    from reconcile.store import open_database, save

    folder = tmp_path / "c"
    for story in sorted((FIXTURES / "corpus").iterdir()):
        shutil.copytree(story, folder / story.name)
    for i in range(3):
        shutil.copy(STORY / "a.md", folder / f"reprint-{i}.md")
    documents, skipped = read_jsonl(_jsonl(tmp_path, folder))
    documents = documents[::2] + documents[1::2]  # stories interleaved in document order
    documents.append(parse_document("alone.md", "# Note\n\nA lone note names nothing anyone else names at all.\n"))
    whole = analyze(documents, skipped)
    assert len(set(whole.stories.values())) > 3
    save(open_database(str(tmp_path / "whole.db")), whole, title="t", run_key="k",
         markdown=render_markdown(whole, "t").encode("utf-8"), summary=summarize(whole))
    markdown, summary = _stored_by_story(documents, skipped, tmp_path / "parts.db", "t")
    assert markdown == render_markdown(whole, "t").encode("utf-8")
    assert summary == summarize(whole)
    assert _all_rows(tmp_path / "parts.db") == _all_rows(tmp_path / "whole.db")


def _jsonl(tmp_path, folder):
    import json
    path = tmp_path / "c.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                out.write(json.dumps({"id": p.relative_to(folder).as_posix(), "text": p.read_text(encoding="utf-8")}) + "\n")
    return path


def test_a_run_that_fails_between_stories_keeps_the_previous_run(tmp_path):
    """Nothing stored is lost: stories written before a failure are rolled back with it."""
    import pytest as _pytest

    from reconcile.store import open_database, writing

    path = tmp_path / "r.db"
    documents, skipped = read_jsonl(_jsonl(tmp_path, FIXTURES / "corpus"))
    _stored_by_story(documents, skipped, path, "first")
    before = _all_rows(path)
    written = []
    with _pytest.raises(KeyboardInterrupt):
        with writing(open_database(str(path))) as writer:
            def each_story(part):
                if written:
                    raise KeyboardInterrupt
                writer.add(part)
                written.append(part)
            analyze(documents[1:], skipped, each_story=each_story)
    assert written and _all_rows(path) == before
