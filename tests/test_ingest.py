from datetime import date

import pytest

from reconcile.errors import CorpusNotFound, EmptyCorpus
from reconcile.ingest import decode, discover, parse_document, read_documents


def test_front_matter_is_read_and_skipped():
    doc = parse_document("x.md", "---\ntitle: A title\noutlet: The Ledger\ndate: 2021-04-06\nurl: https://example.com/a\n---\nBody text here.\n")
    assert (doc.title, doc.outlet, doc.published, doc.url) == ("A title", "The Ledger", date(2021, 4, 6), "https://example.com/a")
    assert [doc.text[s:e] for s, e in doc.blocks] == ["Body text here."]


@pytest.mark.parametrize("line, expected", [
    ("Photo taken Apr. 6, 2021 in the capital.", date(2021, 4, 6)),
    ("April 8, 2021", date(2021, 4, 8)),
    ("Published 7 April 2021", date(2021, 4, 7)),
])
def test_publication_date_found_in_text(line, expected):
    doc = parse_document("x.txt", f"Headline\n\n{line}\n\nBody.\n")
    assert doc.published == expected


FURNITURE = [
    "Accessibility links", "Breaking News", "Please enter your comment!", "Please enter your name here",
    "- Advertisement -", "Trending Stories", "Leave a Reply", "Your email address will not be published.",
    "© 2024 Some Outlet. All rights reserved.", "Copyright 2021 The Associated Press.", "!-- Google tag (gtag.js) -->",
    "<div class=\"x\">", "Tags: energy, gas",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines_are_dropped(line):
    doc = parse_document("x.txt", f"A real sentence about gas.\n\n{line}\n\nAnother real sentence.\n")
    kept = [doc.text[s:e] for s, e in doc.blocks]
    assert kept == ["A real sentence about gas.", "Another real sentence."]
    assert line in doc.dropped


def test_tail_after_late_marker_is_dropped():
    body = "\n\n".join(f"Sentence number {i} of the article." for i in range(10))
    doc = parse_document("x.txt", body + "\n\nMust Read\n\nUnrelated teaser headline\n\nTeaser text.\n")
    assert not any("Teaser" in doc.text[s:e] or "Unrelated" in doc.text[s:e] for s, e in doc.blocks)


def test_discover_is_recursive_sorted_and_filters(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ["b/z.md", "a.txt", "b/y.markdown", "c.pdf", ".hidden/x.txt", "D.TXT"]:
        (tmp_path / name).write_text("Text.")
    assert [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)] == ["D.TXT", "a.txt", "b/y.markdown", "b/z.md"]


def test_missing_and_empty_corpus(tmp_path):
    with pytest.raises(CorpusNotFound):
        read_documents(tmp_path / "nope")
    with pytest.raises(EmptyCorpus):
        read_documents(tmp_path)


def test_decoding():
    assert decode("café".encode("utf-8-sig")) == ("café", None)
    assert decode("café".encode("utf-16")) == ("café", None)
    text, warning = decode("café".encode("cp1252"))
    assert text == "café" and "Windows-1252" in warning
    assert decode(b"\x89PNG\x00\x00\x00\x00\x00\x00")[0] is None


def test_windows_1252_is_read_with_a_warning(tmp_path):
    (tmp_path / "old.txt").write_bytes("Caf\xe9 prices rose 5 per cent.".encode("cp1252"))
    (documents, skipped) = read_documents(tmp_path)
    assert documents[0].warning == "not UTF-8; read as Windows-1252"
    assert "Café" in documents[0].text and skipped == []


def test_oversized_binary_and_empty_files_are_skipped_by_name(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 2000)
    (tmp_path / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "ok.txt").write_text("Fine.")
    documents, skipped = read_documents(tmp_path, max_bytes=1000)
    assert [d.path for d in documents] == ["ok.txt"]
    assert [(s.path, s.reason) for s in skipped] == [
        ("big.txt", "larger than 1,000 bytes (raise --max-file-bytes to read it)"),
        ("empty.txt", "empty file"),
        ("image.md", "binary file"),
    ]
