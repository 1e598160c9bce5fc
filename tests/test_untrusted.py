"""Issue #14: article text is untrusted. fixtures/hostile holds script tags, javascript: and
remote-image links, ANSI escapes, rich markup, bidirectional overrides around figures and a
zero-width joiner inside a number; nothing of it may act in any output, and its figures are
still read and compared."""

import json
import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from reconcile import escape
from reconcile.check import BIDI_WARNING, Draft, check
from reconcile.cli import app
from reconcile.pipeline import run_corpus
from reconcile.render import RENDERERS
from reconcile.report import CONTENT_SECURITY_POLICY, render_html, render_markdown

from .conftest import FIXTURES

CORPUS = FIXTURES / "hostile" / "corpus"
DRAFT = FIXTURES / "hostile" / "draft.md"
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff]")
# the only elements the reports make; no element may carry an attribute but these
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "table", "thead", "tbody",
                "tr", "th", "td", "ul", "li", "strong", "s"}  # <s>: the report's own mark of a copy's removed words
ALLOWED_ATTRIBUTES = {("html", "lang"), ("meta", "charset"), ("meta", "http-equiv"), ("meta", "content"),
                      ("meta", "name"), ("th", "style"), ("td", "style")}


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


def active_content(page: str) -> list:
    """Elements or attributes a report never makes itself: what article text would have injected."""
    parser = _Elements()
    parser.feed(page)
    return [(tag, attrs) for tag, attrs in parser.found
            if tag not in ALLOWED_TAGS or any((tag, name) not in ALLOWED_ATTRIBUTES for name, _ in attrs)
            or any("javascript:" in (value or "") or "//" in (value or "") for _, value in attrs)]


@pytest.fixture(scope="module")
def result():
    return run_corpus(CORPUS)


def test_the_figures_are_still_read_and_compared(result):
    surfaces = sorted(c.quantity.surface for c in result.claims if c.quantity is not None)
    assert "12000 people" in surfaces  # "12\u200d000": the joiner removed, the number whole
    assert [c.marks for c in result.claims if c.quantity is not None and c.source == "gamma.md"] == [(), ("bidi",)]
    kinds = {(result.claims[j.a].quantity.surface, result.claims[j.b].quantity.surface, j.verdict.kind)
             for j in result.contradictions}
    assert ("12,000 people", "21,000 people", "value-mismatch") in kinds
    agreed = [f for f in result.facts if not f.disputed]
    assert [len({result.claims[i].source for i in f.claims}) for f in agreed] == [3]  # "$45 million" in all three
    assert any("zero-width" in (d.warning or "") for d in result.documents)


def test_markdown_report_renders_no_active_content_even_with_html_allowed(result):
    report = render_markdown(result, "hostile")
    assert not CONTROLS.search(report)
    # a converter that passes raw HTML through (html=True) is the hostile case
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(report)
    assert active_content(rendered) == []
    assert "<em>" not in rendered and "<code>" not in rendered  # article emphasis and code stay text
    assert "[bold red]Daily Echo[/bold red]" in rendered  # shown as typed
    assert "bidirectional control" in report  # the marked claim says so


def test_html_report_is_self_contained_and_forbids_scripts(result):
    page = render_html(result, "hostile")
    assert f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">' in page
    assert "script-src" not in CONTENT_SECURITY_POLICY and "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert active_content(page) == [] and not CONTROLS.search(page)
    assert "&lt;script&gt;alert('sentence')&lt;/script&gt;" in page


def test_terminal_summary_shows_controls_and_markup_literally(tmp_path):
    runner = CliRunner()
    got = runner.invoke(app, ["run", str(CORPUS), "--db", str(tmp_path / "r.db"), "--report", str(tmp_path / "r.html")])
    assert got.exit_code == 0, got.output
    assert not CONTROLS.search(got.output)
    assert "value-mismatch" in got.output
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    marked_up = tmp_path / "[bold]r.md"  # a name is printed as typed, never as markup
    got = runner.invoke(app, ["run", str(CORPUS), "--db", str(tmp_path / "r.db"), "--report", str(marked_up)])
    assert got.exit_code == 0 and "[bold]r.md" in got.output.replace("\n", "")


@pytest.mark.parametrize("format", sorted(RENDERERS))
def test_every_check_format_carries_no_control_or_active_content(format):
    findings = check([Draft("draft.md", DRAFT.read_text(encoding="utf-8"))], CORPUS)
    assert [f.quote for f in findings] == ["21,000\\u202c people"]  # the override shown, not obeyed
    assert BIDI_WARNING in findings[0].message
    output = RENDERERS[format](findings)
    assert not CONTROLS.search(output)
    assert "<script" not in output  # the draft's own sentence is not quoted
    if format in ("json", "sarif"):
        json.loads(output)


def test_escape_functions():
    assert escape.visible("a\x1b[31mb\u202ec\u200bd\te\n") == "a\\x1b[31mb\\u202ec\\u200bd\te\n"
    assert escape.markdown("[x](javascript:y) ![i](http://e/i.png) <b>*a*</b> a|b") == (
        "\\[x\\](javascript:y) \\!\\[i\\](http://e/i.png) &lt;b&gt;\\*a\\*&lt;/b&gt; a\\|b")
    assert escape.terminal("[bold]x[/bold]") == "\\[bold]x\\[/bold]"
    assert escape.has_bidi("1,\u202e200") and not escape.has_bidi("1,200")


def test_github_annotations_and_sarif_keep_their_escaping():
    from reconcile.check import Finding
    finding = Finding("RC101", "value-mismatch", "high", "a,b:c.md", 1, 2, 1, 9, "12 %", "50% more\r\nnext::error x", ("s.md:1",))
    github = RENDERERS["github"]([finding])
    assert github == ("::error file=a%2Cb%3Ac.md,line=1,col=2,endLine=1,endColumn=9,title=RC101 value-mismatch::"
                      "50%25 more%0D%0Anext::error x\n")
    assert github.count("\n") == 1  # a newline in a message cannot start a second workflow command
    sarif = json.loads(RENDERERS["sarif"]([finding]))
    assert sarif["runs"][0]["results"][0]["message"]["text"] == "50% more\r\nnext::error x"
