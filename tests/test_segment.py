import pytest

from reconcile.ingest import parse_document
from reconcile.segment import segment, split_sentences

from .conftest import load_json

CASES = load_json("golden/sentences.json")


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_golden_sentences(case):
    spans = list(split_sentences(case["text"]))
    assert [case["text"][s:e] for s, e in spans] == case["sentences"]


def test_offsets_and_lines_point_into_the_file():
    text = "---\ntitle: T\n---\nHeadline without a stop\n\nFirst one. Second one.\nThird.\n"
    doc = parse_document("a.md", text)
    sentences = segment(doc)
    assert [s.text for s in sentences] == ["Headline without a stop", "First one.", "Second one.", "Third."]
    assert [s.line for s in sentences] == [4, 6, 6, 7]
    for s in sentences:
        assert doc.text[s.start:s.end] == s.text


def test_overlong_sentences_are_cut_at_spaces():
    text = "word " * 5000 + "end."
    sentences = segment(parse_document("x.txt", text))
    assert len(sentences) > 1
    assert all(len(s.text) <= 5000 for s in sentences)
    assert "".join(s.text.replace(" ", "") for s in sentences) == text.replace(" ", "")
