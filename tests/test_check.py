import json
import random

from typer.testing import CliRunner

from reconcile.check import Draft, check, exit_code
from reconcile.cli import app

from .conftest import FIXTURES

runner = CliRunner()
MINI = str(FIXTURES / "mini")
DRAFT = str(FIXTURES / "drafts" / "ferry-draft.md")
CLEAN = str(FIXTURES / "drafts" / "ferry-clean.md")


def test_draft_figure_that_contradicts_sources_is_found():
    (finding,) = check([Draft("d.md", (FIXTURES / "drafts" / "ferry-draft.md").read_text())], MINI)
    assert (finding.code, finding.rule, finding.quote) == ("RC101", "value-mismatch", "12,000 passengers a day")
    assert (finding.path, finding.line, finding.column) == ("d.md", 5, 26)
    assert finding.sources == ("coast-wire.md:8", "harbour-gazette.md:13")
    # who disagrees and who agrees, by outlet and article count (issue #13)
    assert finding.message.startswith(
        "capacity (passengers): “12,000 passengers a day” contradicts 2 articles (Coast Wire, coast-wire.md:8: "
        "“1,200 passengers a day”; Harbour Gazette, harbour-gazette.md:13: “up to 1,200 passengers a day”); "
        "1 article agrees (island-times.txt:7: “12,000 passengers a day”). ")
    assert exit_code([finding], "high") == 1 and exit_code([finding], "never") == 0


def test_cli_exit_codes():
    assert runner.invoke(app, ["check", DRAFT, "--corpus", MINI]).exit_code == 1
    assert runner.invoke(app, ["check", CLEAN, "--corpus", MINI]).exit_code == 0
    assert runner.invoke(app, ["check", DRAFT, "--corpus", MINI, "--exit-zero"]).exit_code == 0
    result = runner.invoke(app, ["check", CLEAN, "--corpus", MINI])
    assert result.stdout == "No figures contradict the sources.\n2 figures: 2 confirmed, 0 contradicted, 0 disputed, 0 unverified.\n"


def test_cli_text_line_format():
    result = runner.invoke(app, ["check", DRAFT, "--corpus", MINI])
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{DRAFT}:5:26: RC101 [high] value-mismatch: capacity (passengers): “12,000 passengers a day” contradicts")
    assert result.stdout.endswith("1 figure contradicts the sources.\n3 figures: 2 confirmed, 0 contradicted, 1 disputed, 0 unverified.\n")


def test_cli_json_and_sarif_and_github():
    data = json.loads(runner.invoke(app, ["check", DRAFT, "--corpus", MINI, "-f", "json"]).stdout)
    assert [d["code"] for d in data] == ["RC101"]
    sarif = json.loads(runner.invoke(app, ["check", DRAFT, "--corpus", MINI, "-f", "sarif"]).stdout)
    assert sarif["runs"][0]["results"][0]["ruleId"] == "RC101"
    github = runner.invoke(app, ["check", DRAFT, "--corpus", MINI, "-f", "github"]).stdout
    assert github.startswith(f"::error file={DRAFT},line=5,col=26,endLine=5,endColumn=49,title=RC101 value-mismatch::")


def test_cli_stdin_draft():
    text = (FIXTURES / "drafts" / "ferry-draft.md").read_text()
    result = runner.invoke(app, ["check", "-", "--corpus", MINI, "--stdin-filename", "story.md"], input=text)
    assert result.exit_code == 1
    assert result.stdout.startswith("story.md:5:26: RC101")


def test_cli_bad_options_and_inputs():
    result = runner.invoke(app, ["check", DRAFT, "--corpus", MINI, "-f", "xml"])
    assert (result.exit_code, result.stderr) == (2, "Error: unknown format 'xml': use text, json, github, sarif, markdown\n")
    result = runner.invoke(app, ["check", DRAFT, "--corpus", "nowhere"])
    assert (result.exit_code, result.stderr) == (2, "Error: corpus folder not found: nowhere (pass a folder of .txt/.md articles)\n")
    result = runner.invoke(app, ["check", "missing.md", "--corpus", MINI])
    assert (result.exit_code, result.stderr) == (2, "Error: cannot read missing.md: No such file or directory\n")


def test_random_bytes_as_a_draft_never_crash(tmp_path):
    """Issue #11 item 10: random bytes are bad input (exit 2, the binary-file message), never
    an internal error; the internal-error message is distinct and asserted absent."""
    rng = random.Random(1234)
    for n in range(15):
        path = tmp_path / f"draft{n}.md"
        path.write_bytes(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000))))
        result = runner.invoke(app, ["check", str(path), "--corpus", MINI])
        assert result.exit_code in (0, 1, 2), result.output
        assert "internal error" not in result.stderr and "Traceback" not in result.output


NEWSY_PIECES = ["12,000", "1,200", "passengers", " a day", " per day", "€85 million", " km", "42-km", "ferry",
                " about ", " at least ", " up to ", "Skerry Island", "\n", ". ", ", ", "½", "3/4", "2.3×10^6",
                "between 4% and 7%", " tonnes", "\u202e", "\u200b", "$", "£", "—", "“", "”", " aged 34", " minus 20C"]


def test_random_text_drafts_reach_the_analysis_and_never_crash(tmp_path):
    """Issue #11 item 10: text-like random drafts are read and compared (exit 0 or 1), not
    rejected as binary, and none hits an internal error."""
    rng = random.Random(4321)
    codes = []
    for n in range(15):
        text = "".join(rng.choice(NEWSY_PIECES) for _ in range(rng.randrange(5, 80)))
        path = tmp_path / f"draft{n}.md"
        path.write_text(text, encoding="utf-8")
        result = runner.invoke(app, ["check", str(path), "--corpus", MINI])
        assert "internal error" not in result.stderr and "Traceback" not in result.output, (text, result.output)
        codes.append((result.exit_code, "figures: " in result.stdout or "figure: " in result.stdout))
    assert {code for code, _ in codes} <= {0, 1}  # every draft was read, none rejected as bad input
    assert sum(compared for _, compared in codes) >= 10  # and most had figures to compare


def test_an_internal_error_has_its_own_message(monkeypatch):
    """The crash message the random tests assert absent is what a crash prints."""
    from reconcile import check as check_module

    monkeypatch.setattr(check_module, "analyze", lambda *a, **k: 1 / 0)
    result = runner.invoke(app, ["check", CLEAN, "--corpus", MINI])
    assert result.exit_code == 2
    assert result.stderr == "Error: internal error: ZeroDivisionError: division by zero (set RECONCILE_DEBUG=1 for details)\n"


def test_lavrov_draft_findings_against_the_fixture_corpus():
    text = (FIXTURES / "drafts" / "lavrov-draft.md").read_text()
    found = check([Draft("draft.md", text)], FIXTURES / "corpus")
    assert [(f.line, f.code, f.quote) for f in found] == [
        (3, "RC105", "six years"),  # first visit in six years, but the sources say 2012
        (5, "RC104", "12.4 billion cubic metres of gas a day"),  # a year printed as a day
        (9, "RC101", "500,000 doses"),  # 50,000 in every source
    ]
    assert "years apart" in found[0].message


def test_check_never_calls_a_draft_clean_when_it_compared_nothing(tmp_path):
    unstated = tmp_path / "unstated.md"
    unstated.write_text("The museum opened 45 rooms and hung 3,000 paintings.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(unstated), "--corpus", MINI])
    assert result.exit_code == 0
    assert result.stdout == ("Nothing was checked: no source states any of the draft's 2 figures.\n"
                             "2 figures: 0 confirmed, 0 contradicted, 0 disputed, 2 unverified (no source states them).\n")
    bare = tmp_path / "bare.md"
    bare.write_text("A draft with no figure in it.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(bare), "--corpus", MINI])
    assert (result.exit_code, result.stdout) == (0, "Nothing was checked: the draft has no figure to compare.\n")


def test_unverified_figures_are_notes_and_can_fail_the_check(tmp_path):
    """Issue #11 item 6: a figure no source states is an RC201 note in JSON and SARIF, and
    `--fail-on unverified` makes it fail the check."""
    draft = tmp_path / "d.md"
    draft.write_text("The council approved a 42-km ferry route; the island has 37 lighthouses.\n")
    text = runner.invoke(app, ["check", str(draft), "--corpus", MINI])
    assert text.exit_code == 0
    assert text.stdout.endswith("2 figures: 1 confirmed, 0 contradicted, 0 disputed, 1 unverified (no source states it).\n")
    data = json.loads(runner.invoke(app, ["check", str(draft), "--corpus", MINI, "-f", "json"]).stdout)
    assert [(d["code"], d["severity"], d["quote"]) for d in data] == [("RC201", "note", "37 lighthouses")]
    sarif = json.loads(runner.invoke(app, ["check", str(draft), "--corpus", MINI, "-f", "sarif"]).stdout)
    assert [(r["ruleId"], r["level"]) for r in sarif["runs"][0]["results"]] == [("RC201", "note")]
    strict = runner.invoke(app, ["check", str(draft), "--corpus", MINI, "--fail-on", "unverified"])
    assert strict.exit_code == 1
    assert "d.md:1:58: RC201 [note] unverified: " in strict.stdout  # relative to where it runs


def test_check_lists_skipped_corpus_files(tmp_path):
    """Issue #11 item 7: `check` names the corpus files it skipped, as `run` does."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for source in (FIXTURES / "mini").iterdir():
        (corpus / source.name).write_bytes(source.read_bytes())
    (corpus / "empty.md").write_text("")
    result = runner.invoke(app, ["check", CLEAN, "--corpus", str(corpus)])
    assert result.exit_code == 0
    assert "skipped empty.md: empty file\n" in result.stderr
