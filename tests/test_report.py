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


def test_html_report_loads_in_a_real_browser(tmp_path):
    """Issue #13: the HTML report opens in headless Chromium (Debian's chromium package) with
    its sections intact; skipped where no Chromium is installed."""
    import shutil
    import subprocess

    from reconcile.report import render_html

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        import pytest
        pytest.skip("no Chromium on this machine (Debian package chromium)")
    page = tmp_path / "report.html"
    page.write_text(render_html(run_corpus(FIXTURES / "mini"), title="mini"), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--window-size=390,1200"]
    dom = subprocess.run([browser, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    assert "<h2>Check first</h2>" in dom and "<h2>Disputed facts</h2>" in dom and "<table>" in dom


def test_an_altered_copy_is_shown_as_a_word_diff():
    from reconcile.report import render_html, word_diff

    assert word_diff("Rescuers said at least 112 people were killed on Monday.",
                     "Rescuers said at least 212 people were killed on Monday.") == \
        "Rescuers said at least ~~112~~ **212** people were killed on Monday."
    result = run_corpus(FIXTURES / "corpus" / "quake-wire")
    text = render_markdown(result, title="quake-wire")
    assert "~~112~~ **212**" in text
    assert "<s>112</s> <strong>212</strong>" in render_html(result, title="quake-wire")


def test_running_tallies_are_shown_as_a_timeline():
    from reconcile.ingest import parse_document
    from reconcile.pipeline import analyze

    docs = {
        "a.md": "---\ndate: 2024-03-04\n---\nAt least 40 people have died in the floods, officials said on Monday.\n",
        "b.md": "---\ndate: 2024-03-06\n---\nThe death toll from the floods has risen to at least 95 people, officials said on Wednesday.\n",
        "c.md": "---\ndate: 2024-03-07\n---\nThe floods have killed 120 people, the ministry said on Thursday.\n",
    }
    text = render_markdown(analyze([parse_document(n, t) for n, t in docs.items()]), title="floods")
    timeline = text[text.index("## Timelines"):text.index("## Agreements")]
    assert "“At least 40 people” (2024-03-04, a.md:4) → “at least 95 people” (2024-03-06, b.md:4) → “120 people” (2024-03-07, c.md:4)" in timeline


def test_readings_of_one_day_are_a_timeline_that_says_their_order_is_not_given():
    from reconcile.ingest import parse_document
    from reconcile.pipeline import analyze

    docs = {
        "a.md": "---\ndate: 2023-05-14\n---\nThe stampede left 508 people injured, according to the regional health office.\n",
        "b.md": "---\ndate: 2023-05-14\n---\nMedics treated 312 people injured in the stampede, the regional health office said.\n",
    }
    text = render_markdown(analyze([parse_document(n, t) for n, t in docs.items()]), title="stampede")
    timeline = text[text.index("## Timelines"):text.index("## Agreements")]
    assert "readings of one day that do not give their hour are listed from low to high" in timeline
    assert "“312 people” (2023-05-14, b.md:4) → “508 people” (2023-05-14, a.md:4)" in timeline


def test_a_long_sentence_is_shortened_around_its_figure_never_through_it():
    from reconcile.report import _around
    from reconcile.models import Claim, Quantity, Sentence

    words = "word " * 60
    text = f"{words}the line will move 1.6 billion cubic feet per day of gas {words}".strip()
    start = text.index("1.6")
    end = start + len("1.6 billion cubic feet per day")
    sentence = Sentence(0, 100, 100 + len(text), 1, text)
    claim = Claim("a.md", 0, 100, 100 + len(text), text, "", "", "", None,
                  quantity=Quantity(100 + start, 100 + end, text[start:end], "quantity", 1.6e9, "cubic_foot / day"))
    shown = _around(sentence, claim, width=80)
    assert "**1.6 billion cubic feet per day**" in shown
    assert shown.startswith("…") and shown.endswith("…") and len(shown) < 120


def test_html_report_matches_reviewed_copy():
    """Issue #13: the HTML report is byte-stable and compared whole, like the Markdown one."""
    from reconcile.report import render_html

    expected = (FIXTURES / "expected" / "mini-report.html").read_text(encoding="utf-8")
    assert render_html(run_corpus(FIXTURES / "mini"), title="mini") == expected


def test_disputed_facts_are_grouped_by_story(tmp_path):
    """Issue #13: with several stories in one folder, each disputed fact sits under its story,
    named by the names most of its articles use; one story keeps the flat list (above)."""
    import re
    import shutil

    for story in ("valdoria-budget", "riverdam"):
        for path in (FIXTURES / "corpus" / story).iterdir():
            shutil.copy(path, tmp_path / path.name)
    text = render_markdown(run_corpus(tmp_path), title="two")
    headings = re.findall(r"^(#{3,4}) (.*)$", text, re.M)
    stories = [h for level, h in headings if level == "###"]
    assert len(stories) == 2 and all(h.startswith("Story: ") for h in stories)
    assert "Valdoria" in stories[1] or "Valdoria" in stories[0]
    facts = [h for level, h in headings if level == "####"]
    assert [int(h.split(".")[0]) for h in facts] == list(range(1, len(facts) + 1))
