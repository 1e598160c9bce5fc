"""The Markdown report, compared whole against a reviewed copy."""

from reconcile.pipeline import run_corpus
from reconcile.report import render_markdown

from .conftest import FIXTURES


def test_report_matches_reviewed_copy():
    result = run_corpus(FIXTURES / "mini")
    expected = (FIXTURES / "expected" / "mini-report.md").read_text(encoding="utf-8")
    assert render_markdown(result, title="mini") == expected


def test_report_with_nothing_to_compare(tmp_path):
    (tmp_path / "one.md").write_text("A lone article about 5 km of road.\n")
    text = render_markdown(run_corpus(tmp_path), title="solo")
    assert "No contradictions found." in text
    assert "No figure is reported by more than one source." in text
