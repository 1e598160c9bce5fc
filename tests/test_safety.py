"""Issue #11, data safety: nothing stored is lost, the report and the database describe one run.

Each test names the item of the issue it stands for."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from reconcile.cli import app

from .conftest import FIXTURES

runner = CliRunner()
MINI = FIXTURES / "mini"


def _copy_corpus(folder):
    folder.mkdir()
    for source in MINI.iterdir():
        (folder / source.name).write_bytes(source.read_bytes())
    return folder


def _claims(db) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute("select count(*) from claims").fetchone()[0]


def _first_run(tmp_path):
    db, report = tmp_path / "r.db", tmp_path / "r.md"
    assert runner.invoke(app, ["run", str(MINI), "--db", str(db), "--report", str(report), "-q"]).exit_code == 0
    return db, report, _claims(db), report.read_text()


def test_a_run_where_every_file_is_skipped_keeps_the_stored_run(tmp_path):
    """Item 1: exit 2, one line naming why each file was skipped, previous run untouched."""
    db, report, claims, text = _first_run(tmp_path)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.md").write_text("")
    (bad / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = runner.invoke(app, ["run", str(bad), "--db", str(db), "--report", str(report)])
    assert result.exit_code == 2
    assert result.stderr == (f"Error: nothing to read in {bad}: every file was skipped "
                             "(empty.md: empty file; photo.txt: binary file)\n")
    assert _claims(db) == claims and report.read_text() == text


def test_an_unwritable_report_is_refused_before_anything_is_replaced(tmp_path):
    """Item 2: the report path is tried first; the database keeps the previous run."""
    db, report, claims, _ = _first_run(tmp_path)
    other = _copy_corpus(tmp_path / "other")
    (other / "extra.md").write_text("The ferry carries 900 cars a day, officials said.\n")
    missing = tmp_path / "no" / "such" / "folder" / "r.md"
    result = runner.invoke(app, ["run", str(other), "--db", str(db), "--report", str(missing)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: cannot write {missing}: No such file or directory (nothing was stored; pass another path)\n"
    assert _claims(db) == claims


def test_a_failed_save_leaves_the_report_of_the_previous_run(tmp_path, monkeypatch):
    """Item 2: the report is moved into place only after the database commits."""
    db, report, claims, text = _first_run(tmp_path)
    from reconcile import store

    def broken(*args, **kwargs):
        raise KeyboardInterrupt  # Ctrl-C inside the save

    monkeypatch.setattr(store, "save", broken)
    other = _copy_corpus(tmp_path / "other")
    (other / "extra.md").write_text("The ferry carries 900 cars a day, officials said.\n")
    result = runner.invoke(app, ["run", str(other), "--db", str(db), "--report", str(report)])
    assert result.exit_code == 130
    assert result.stderr == "Interrupted: nothing from this run was stored; the database and report keep the last complete run.\n"
    assert report.read_text() == text and _claims(db) == claims
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_link_out_of_the_corpus_is_skipped_by_name(tmp_path):
    """Item 3: a symbolic link leading outside the corpus is skipped unless --follow-symlinks."""
    corpus = _copy_corpus(tmp_path / "corpus")
    outside = tmp_path / "private.md"
    outside.write_text("The ferry carries 900 cars a day.\n")
    os.symlink(outside, corpus / "leak.md")
    os.symlink(corpus / "coast-wire.md", corpus / "alias.md")  # inside: read like any file
    db, report = tmp_path / "r.db", tmp_path / "r.md"
    result = runner.invoke(app, ["run", str(corpus), "--db", str(db), "--report", str(report)])
    assert result.exit_code == 0
    assert "skipped leak.md: symbolic link to a file outside the corpus (pass --follow-symlinks to read it)\n" in result.stderr
    with sqlite3.connect(db) as connection:
        assert connection.execute("select path, reason from skipped").fetchall() == [
            ("leak.md", "symbolic link to a file outside the corpus (pass --follow-symlinks to read it)")]
    followed = runner.invoke(app, ["run", str(corpus), "--db", str(db), "--report", str(report), "--follow-symlinks"])
    assert followed.exit_code == 0 and "skipped" not in followed.stderr
    with sqlite3.connect(db) as connection:
        assert ("leak.md",) in connection.execute("select path from sources").fetchall()


def _reconcile(*args: str) -> list[str]:
    return [sys.executable, "-m", "reconcile", *args]


def test_two_runs_started_together_on_a_new_database(tmp_path):
    """Item 4: the second run waits its turn (schema creation included), never 'database is locked'."""
    db = tmp_path / "new.db"
    runs = [subprocess.Popen(_reconcile("run", str(MINI), "--db", str(db), "--report", str(tmp_path / f"r{n}.md"), "-q"),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(2)]
    outcomes = [(p.wait(timeout=120), p.stderr.read()) for p in runs]
    assert outcomes == [(0, ""), (0, "")]
    with sqlite3.connect(db) as connection:
        assert connection.execute("pragma integrity_check").fetchone() == ("ok",)


KILLER = """
import os, signal, sys
point = sys.argv.pop(1)
die = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
if point == "reading":
    from reconcile import ingest
    decode, seen = ingest.decode, []
    def reading(raw):
        seen.append(1)
        if len(seen) == 3:
            die()
        return decode(raw)
    ingest.decode = reading
elif point == "saving":
    from reconcile import store
    build = store.build_rows
    class Killing(list):
        def __iter__(self):
            for n, row in enumerate(list.__iter__(self)):
                if n == 1:
                    die()
                yield row
    def spoiled(result):
        rows = build(result)
        rows["comparisons"] = Killing(rows["comparisons"])
        return rows
    store.build_rows = spoiled
elif point == "committed":
    os.replace = die  # after the database commit, before the report is moved into place
from reconcile.cli import main
main()
"""


@pytest.mark.parametrize("point", ["reading", "saving", "committed"])
def test_kill_9_keeps_the_previous_run_whole(tmp_path, point):
    """Item 5: kill -9 a run while it reads, inside the save's transaction, and between the
    commit and the report's move; the stored run is whole (the previous one until the commit),
    and a rerun completes."""
    db, report, claims, text = _first_run(tmp_path)
    other = _copy_corpus(tmp_path / "other")
    (other / "extra.md").write_text("The ferry carries 900 cars a day, officials said.\n")
    child = subprocess.run([sys.executable, "-c", KILLER, point, "run", str(other), "--db", str(db), "--report", str(report), "-q"],
                           capture_output=True, text=True, timeout=120)
    assert child.returncode == -signal.SIGKILL, child.stderr
    with sqlite3.connect(db) as connection:
        assert connection.execute("pragma integrity_check").fetchone() == ("ok",)
    assert report.read_text() == text  # the report is replaced only by a completed run
    killed_at = _claims(db)
    rerun = subprocess.run(_reconcile("run", str(other), "--db", str(db), "--report", str(report), "-q"),
                           capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert killed_at == (_claims(db) if point == "committed" else claims)
    assert report.read_text() != text


def test_a_run_says_how_many_stories_and_which_articles_stand_alone(tmp_path):
    """Item 8: a folder of several stories is summarized so a user sees when grouping went wrong."""
    corpus = _copy_corpus(tmp_path / "corpus")
    (corpus / "markets.md").write_text("Tokyo's Nikkei index slid 2% on Friday as Toyota and Sony shares dropped.\n")
    result = runner.invoke(app, ["run", str(corpus), "--db", str(tmp_path / "r.db"), "--report", str(tmp_path / "r.md")])
    assert result.exit_code == 0
    assert "\n2 stories; 1 article stands alone (no other article shares its subject): markets.md.\n" in result.stdout
