"""The check contract (issue #13): configuration found upward from the draft, inline
suppression, --ignore, code and front matter not read, the markdown format, SARIF for stdin.
Exact messages and exit codes, as a CI job sees them."""

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reconcile.cli import app

from .conftest import FIXTURES

runner = CliRunner()
DRAFT_TEXT = (FIXTURES / "drafts" / "ferry-draft.md").read_text(encoding="utf-8")


def _project(config_name: str | None = None, config: str = "") -> Path:
    """A newsroom repo: sources/ (the mini corpus), drafts/story.md, and a configuration."""
    shutil.copytree(FIXTURES / "mini", "repo/sources")
    Path("repo/drafts").mkdir()
    Path("repo/drafts/story.md").write_text(DRAFT_TEXT, encoding="utf-8")
    if config_name:
        Path("repo", config_name).write_text(config, encoding="utf-8")
    return Path("repo/drafts/story.md")


def test_corpus_and_fail_on_come_from_reconcile_toml_found_upward():
    draft = _project("reconcile.toml", 'corpus = "sources"\n')
    result = runner.invoke(app, ["check", str(draft)])
    assert result.exit_code == 1
    assert result.stdout.startswith("repo/drafts/story.md:5:26: RC101 [high] value-mismatch: ")


def test_pyproject_tool_table_and_flags_win():
    draft = _project("pyproject.toml", '[project]\nname = "x"\n\n[tool.reconcile]\ncorpus = "sources"\nfail-on = "never"\n')
    assert runner.invoke(app, ["check", str(draft)]).exit_code == 0  # fail-on from the file
    assert runner.invoke(app, ["check", str(draft), "--fail-on", "high"]).exit_code == 1  # the flag wins


def test_ignore_from_flag_and_from_config():
    draft = _project("reconcile.toml", 'corpus = "sources"\nignore = ["RC101"]\n')
    result = runner.invoke(app, ["check", str(draft)])
    assert (result.exit_code, result.stdout.splitlines()[0]) == (0, "No figures contradict the sources.")
    Path("repo/reconcile.toml").write_text('corpus = "sources"\n')
    assert runner.invoke(app, ["check", str(draft), "--ignore", "rc101"]).exit_code == 0
    bad = runner.invoke(app, ["check", str(draft), "--ignore", "RC999"])
    assert (bad.exit_code, bad.stderr.startswith("Error: unknown rule code 'RC999': use one of RC101, ")) == (2, True)


def test_inline_suppression_silences_the_next_paragraph_only():
    draft = _project("reconcile.toml", 'corpus = "sources"\n')
    lines = DRAFT_TEXT.split("\n")
    lines.insert(4, "<!-- reconcile: ignore RC101 -->")  # before the paragraph on line 5
    draft.write_text("\n".join(lines), encoding="utf-8")
    assert runner.invoke(app, ["check", str(draft)]).exit_code == 0
    draft.write_text("\n".join(lines).replace("ignore RC101", "ignore RC105"), encoding="utf-8")
    assert runner.invoke(app, ["check", str(draft)]).exit_code == 1  # another rule's code: still reported
    draft.write_text("\n".join(lines).replace("ignore RC101", "ignore"), encoding="utf-8")
    assert runner.invoke(app, ["check", str(draft)]).exit_code == 0


def test_code_blocks_and_front_matter_are_not_checked():
    _project()
    Path("draft.md").write_text(
        "---\ntitle: 12,000 passengers a day\n---\n\nA note for the desk.\n\n"
        "```\nThe ferry carries 12,000 passengers a day.\n```\n\n"
        "    The ferry carries 12,000 passengers a day.\n\n"
        "Our style is `12,000 passengers a day` in examples.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "draft.md", "--corpus", "repo/sources"])
    assert result.exit_code == 0
    assert result.stdout == "Nothing was checked: the draft has no figure to compare.\n"


def test_bad_configuration_is_one_line():
    draft = _project("reconcile.toml", 'corpus = "sources"\nfail_on = "high"\n')
    result = runner.invoke(app, ["check", str(draft)])
    assert result.exit_code == 2
    assert result.stderr.endswith("reconcile.toml: unknown key 'fail_on' (known: corpus, fail-on, ignore, exclude)\n")
    assert result.stderr.startswith("Error: bad configuration in ")


def test_no_corpus_anywhere_is_one_line():
    _project()
    result = runner.invoke(app, ["check", "repo/drafts/story.md"])
    assert (result.exit_code, result.stderr) == (
        2, "Error: no corpus: pass --corpus FOLDER or --db FILE, or set corpus in reconcile.toml or [tool.reconcile] in pyproject.toml\n")


def test_excluded_drafts_are_not_checked():
    draft = _project("reconcile.toml", 'corpus = "sources"\nexclude = ["drafts/*"]\n')
    result = runner.invoke(app, ["check", str(draft)])
    assert result.exit_code == 2 and result.stderr.startswith("Error: every draft is excluded by ")


def test_markdown_format_for_a_pull_request_comment():
    draft = _project("reconcile.toml", 'corpus = "sources"\n')
    out = runner.invoke(app, ["check", str(draft), "-f", "markdown"]).stdout
    lines = out.splitlines()
    assert lines[0] == "**reconcile**: 1 figure contradicts the sources."
    assert lines[2:4] == ["| Where | Rule | Severity | Finding |", "|---|---|---|---|"]
    assert lines[4].startswith("| `repo/drafts/story.md:5` | RC101 value-mismatch | high | capacity (passengers): ")


def test_sarif_for_a_stdin_draft_has_a_uri():
    _project()
    sarif = json.loads(runner.invoke(app, ["check", "-", "--corpus", "repo/sources", "-f", "sarif"], input=DRAFT_TEXT).stdout)
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "stdin.md"


def test_check_against_a_stored_run_says_what_check_against_the_folder_says():
    """Issue #12 item 5: `check --db` uses the stored run (texts and extractions), not the folder."""
    shutil.copytree(FIXTURES / "corpus", "sources")
    drafts = [str(FIXTURES / "drafts" / name) for name in ("ferry-draft.md", "lavrov-draft.md", "ferry-clean.md")]
    assert runner.invoke(app, ["run", "sources", "--db", "run.db", "--report", "run.md", "-q"]).exit_code == 0
    by_folder = runner.invoke(app, ["check", *drafts, "--corpus", "sources", "-f", "json"])
    shutil.rmtree("sources")  # the folder is gone: only the database is left
    by_store = runner.invoke(app, ["check", *drafts, "--db", "run.db", "-f", "json"])
    assert (by_store.exit_code, by_store.stdout) == (by_folder.exit_code, by_folder.stdout)
    assert json.loads(by_store.stdout)  # it found something to compare
    both = runner.invoke(app, ["check", drafts[0], "--db", "run.db", "--corpus", "x"])
    assert (both.exit_code, both.stderr) == (2, "Error: give --corpus or --db, not both\n")
    missing = runner.invoke(app, ["check", drafts[0], "--db", "none.db"])
    assert missing.exit_code == 2 and not Path("none.db").exists()


def test_an_explicit_config_file_is_used():
    draft = _project()
    Path("team.toml").write_text('[tool.reconcile]\ncorpus = "repo/sources"\nfail-on = "never"\n', encoding="utf-8")
    assert runner.invoke(app, ["check", str(draft), "--config", "team.toml"]).exit_code == 0
    Path("reconcile.toml").write_text('corpus = "repo/sources"\n', encoding="utf-8")
    assert runner.invoke(app, ["check", str(draft), "--config", "reconcile.toml"]).exit_code == 1


@pytest.mark.parametrize("format", ["text", "json", "github", "sarif", "markdown"])
def test_every_check_format_matches_its_reviewed_copy(format, monkeypatch):
    """Issue #13: each output format of `check`, compared whole on the fixtures (run from the
    repository root, so paths are as a user there sees them)."""
    monkeypatch.chdir(FIXTURES.parent)
    monkeypatch.setenv("NO_COLOR", "1")
    result = runner.invoke(app, ["check", "fixtures/drafts/ferry-draft.md", "fixtures/drafts/ferry-clean.md",
                                 "--corpus", "fixtures/mini", "-f", format])
    expected = (FIXTURES / "expected" / "check" / f"ferry.{format}").read_text(encoding="utf-8")
    assert (result.exit_code, result.stdout) == (1, expected)
