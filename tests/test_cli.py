import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from reconcile import __version__
from reconcile.cli import app

from .conftest import FIXTURES

runner = CliRunner()
MINI = FIXTURES / "mini"


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"reconcile {__version__}\n"


def test_every_command_has_help():
    for command in ([], ["run"], ["extract"]):
        result = runner.invoke(app, command + ["--help"])
        assert result.exit_code == 0
        assert "Usage" in result.stdout


def test_run_writes_database_and_report(tmp_path):
    result = runner.invoke(app, ["run", str(MINI), "--db", "out.db", "--report", "out.md"])
    assert result.exit_code == 0, result.output
    assert "3 articles" in result.stdout
    assert "Wrote out.db and out.md." in result.stdout
    assert Path("out.md").read_text().startswith("# Where the reports disagree: mini\n")
    with sqlite3.connect("out.db") as db:
        quotes = db.execute("select quote_a, quote_b from contradictions order by quote_a").fetchall()
    assert quotes == [("1,200 passengers a day", "12,000 passengers a day"),
                      ("up to 1,200 passengers a day", "12,000 passengers a day")]


def test_run_defaults_write_in_the_current_folder():
    result = runner.invoke(app, ["run", str(MINI), "--quiet"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert Path("reconcile.db").exists() and Path("reconcile-report.md").exists()


def test_missing_corpus_is_one_line_and_exit_2():
    result = runner.invoke(app, ["run", "no-such-folder"])
    assert result.exit_code == 2
    assert result.stderr == "Error: corpus folder not found: no-such-folder (pass a folder of .txt/.md articles)\n"


def test_corpus_that_is_a_file_is_refused(tmp_path):
    Path("file.txt").write_text("x")
    result = runner.invoke(app, ["run", "file.txt"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: corpus is a file, not a folder: file.txt (pass the folder of articles, or a .jsonl file of"
        " articles; to check one draft against sources use: reconcile check DRAFT --corpus FOLDER)\n")


def test_dash_h_is_help():
    result = runner.invoke(app, ["run", "-h"])
    assert result.exit_code == 0 and "CORPUS" in result.stdout


def test_a_jsonl_archive_is_a_corpus_and_bad_lines_are_skipped_by_number(tmp_path):
    import json
    lines = [
        {"id": "a1", "text": "The 1,100-km pipeline will carry 1.6 billion cubic meters of gas per day, officials said.",
         "outlet": "Daily A", "date": "2021-04-07"},
        {"id": "b2", "text": "Officials said the 680-mile pipeline can move 1.6 billion cubic feet per day.",
         "outlet": "Wire B", "date": "2021-04-07"},
        {"id": "b2", "text": "a repeated id"},
        {"text": "no id"},
    ]
    Path("archive.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken\n", encoding="utf-8")
    result = runner.invoke(app, ["run", "archive.jsonl", "--db", "a.db", "--report", "a.md"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("2 articles, 4 figures, 1 disputed fact (1 contradicting pair), ")
    assert result.stderr.splitlines() == [
        "skipped archive.jsonl:3: id 'b2' repeats an earlier line",
        'skipped archive.jsonl:4: not an article: needs "id" and "text" (a string)',
        "skipped archive.jsonl:5: not JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
    ]
    import sqlite3
    with sqlite3.connect("a.db") as db:
        assert sorted(db.execute("select path, outlet from sources")) == [("archive.jsonl#a1", "Daily A"), ("archive.jsonl#b2", "Wire B")]


def test_an_empty_jsonl_archive_is_one_line(tmp_path):
    Path("empty.jsonl").write_text("")
    result = runner.invoke(app, ["run", "empty.jsonl"])
    assert (result.exit_code, result.stderr) == (2, 'Error: no articles found in empty.jsonl: expected one JSON object per line, with "id" and "text"\n')


def test_a_closed_pipe_ends_quietly(tmp_path):
    Path("long.txt").write_text("The 1,100-km line cost $4bn. " * 20000)
    done = subprocess.run(f"{sys.executable} -m reconcile extract long.txt | head -1", shell=True,
                          capture_output=True, text=True, timeout=120)
    assert done.stderr == "" and done.stdout.count("\n") == 1


def test_empty_corpus_is_refused(tmp_path):
    Path("empty").mkdir()
    result = runner.invoke(app, ["run", "empty"])
    assert result.exit_code == 2
    assert result.stderr == "Error: no articles found in empty: expected .txt, .md, .markdown or .html files\n"


def test_foreign_database_is_refused_and_untouched(tmp_path):
    with sqlite3.connect("other.db") as db:
        db.execute("create table mine (x)")
    result = runner.invoke(app, ["run", str(MINI), "--db", "other.db"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: cannot use database other.db: it holds tables that reconcile did not create "
        "(pass another file with --db)\n"
    )
    with sqlite3.connect("other.db") as db:
        assert [r[0] for r in db.execute("select name from sqlite_master")] == ["mine"]


def test_extract_jsonl_and_stdin():
    result = runner.invoke(app, ["extract", "-"], input="The 1,100-km pipeline costs $2bn.")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert '"surface": "1,100-km"' in lines[0] and '"unit": "kilometer"' in lines[0]
    assert '"surface": "$2bn"' in lines[1] and '"value": 2000000000.0' in lines[1]


def test_extract_missing_file():
    result = runner.invoke(app, ["extract", "nope.txt"])
    assert result.exit_code == 2
    assert result.stderr == "Error: cannot read nope.txt: No such file or directory\n"


def test_extract_bad_format():
    result = runner.invoke(app, ["extract", "-", "--format", "xml"], input="x")
    assert result.exit_code == 2
    assert result.stderr == "Error: unknown format 'xml': use jsonl or table\n"


def test_python_dash_m_and_stable_output_across_hash_seeds(tmp_path):
    reports = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "reconcile", "run", str(MINI), "--db", f"{seed}.db", "--report", f"{seed}.md", "-q"],
            env=env, capture_output=True, text=True,
        )
        assert done.returncode == 0, done.stderr
        reports.append(Path(f"{seed}.md").read_text())
    assert reports[0] == reports[1]


def test_demo_corpus_report_names_the_pipeline_conflict_with_all_three_wordings():
    result = runner.invoke(app, ["run", str(FIXTURES / "corpus"), "-q"])
    assert result.exit_code == 0
    sections = Path("reconcile-report.md").read_text().split("\n### ")
    wordings = ("1.6 billion cubic meters of gas per day", "1.6 billion cubic feet per day",
                "up to 12.4 billion cubic metres of gas annually")
    assert any(all(w in section for w in wordings) for section in sections)


def test_ctrl_c_exits_130_with_a_message(monkeypatch):
    from reconcile import pipeline

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "analyze", interrupted)
    result = runner.invoke(app, ["run", str(MINI)])
    assert result.exit_code == 130
    assert result.stderr.startswith("Interrupted: nothing from this run was stored")


def test_show_prints_one_fact_from_the_store_only(tmp_path):
    assert runner.invoke(app, ["run", str(MINI), "--db", "m.db", "--report", "m.md", "-q"]).exit_code == 0
    result = runner.invoke(app, ["show", "3", "--db", "m.db"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Fact 3: capacity (passengers) (disputed)"
    assert lines[1:3] == ["Group 1 (2 articles):", "  coast-wire.md:8 (Coast Wire, 2023-09-14): “1,200 passengers a day”"]
    assert "Group 2 (1 article):" in lines and lines[-3] == "Disagreements:"
    assert lines[-2].startswith("  value-mismatch [high] coast-wire.md:8 / island-times.txt:7: ")
    missing = runner.invoke(app, ["show", "99", "--db", "m.db"])
    assert (missing.exit_code, missing.stderr) == (
        2, "Error: no fact 99 in m.db (the report gives each disputed fact's id; the facts table holds every id)\n")
    nowhere = runner.invoke(app, ["show", "1", "--db", "none.db"])
    assert nowhere.exit_code == 2 and not Path("none.db").exists()


def test_report_is_rendered_again_from_the_store_alone(tmp_path):
    import shutil
    shutil.copytree(MINI, "corpus")
    assert runner.invoke(app, ["run", "corpus", "--db", "r.db", "--report", "r.md", "-q"]).exit_code == 0
    assert runner.invoke(app, ["run", "corpus", "--db", "r2.db", "--report", "r.html", "-q"]).exit_code == 0
    shutil.rmtree("corpus")
    again = runner.invoke(app, ["report", "--db", "r.db"])
    assert (again.exit_code, again.stdout) == (0, Path("r.md").read_text(encoding="utf-8"))
    assert runner.invoke(app, ["report", "--db", "r2.db", "-f", "html", "-o", "again.html"]).exit_code == 0
    assert Path("again.html").read_bytes() == Path("r.html").read_bytes()
    bad = runner.invoke(app, ["report", "--db", "r.db", "-f", "pdf"])
    assert (bad.exit_code, bad.stderr) == (2, "Error: unknown format 'pdf': use md or html\n")


def test_terminal_summary_at_80_columns_without_colour_matches_the_reviewed_copy(tmp_path, monkeypatch):
    """Issue #13: the run summary as a terminal of 80 columns shows it, colour off (NO_COLOR,
    or any output that is not a terminal), compared whole."""
    import shutil
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    shutil.copytree(MINI, "corpus")
    done = subprocess.run([sys.executable, "-m", "reconcile", "run", "corpus"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (FIXTURES / "expected" / "mini-terminal.txt").read_text(encoding="utf-8")
    assert "\x1b[" not in done.stdout


def test_an_unknown_engine_and_a_scheduler_without_dask_are_refused():
    """Issue #12: --engine local|dask; --scheduler only with dask; exit 2, one line, nothing written."""
    result = runner.invoke(app, ["run", str(MINI), "--engine", "spark"])
    assert (result.exit_code, result.stderr) == (2, "Error: unknown engine 'spark': use local or dask\n")
    result = runner.invoke(app, ["run", str(MINI), "--scheduler", "tcp://127.0.0.1:8786"])
    assert (result.exit_code, result.stderr) == (2, "Error: --scheduler needs --engine dask\n")
    assert not Path("reconcile.db").exists()
