"""A hostile corpus: every file is read, cut or skipped by name; the rest is processed."""

import os
import sqlite3

from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.ingest import HTML_EXTRA, read_documents

runner = CliRunner()
GOOD = "The Kessa dam will generate 9.5 terawatt-hours a year, Norvenergi said.\n"


def _hostile(folder):
    (folder / "good.md").write_text(GOOD)
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    (folder / "utf16.txt").write_bytes(GOOD.encode("utf-16"))
    (folder / "latin.txt").write_bytes("Caf\xe9 owners in Kessa paid \u20ac5 million.\r\n".encode("cp1252"))
    (folder / "crlf.md").write_bytes(GOOD.replace("\n", "\r\n").encode())
    (folder / "nul.txt").write_bytes(GOOD.encode().replace(b" ", b" \x00", 2))
    (folder / "binary.md").write_bytes(bytes(range(256)) * 20)
    (folder / "empty.txt").write_text("")
    (folder / "digits.txt").write_text("A number: " + "7" * 5000 + " km long.\n")
    (folder / "long-line.txt").write_text("Kessa builds 12 km of road, " * 80_000)  # 2.2 MB, one line
    (folder / "broken-front.md").write_text("---\ntitle: never closed\n\nThe dam is 180 metres tall.\n")
    (folder / "page.html").write_text("<html><body><p>The dam is 180 metres tall.</p></body></html>")
    os.symlink("loop.txt", folder / "loop.txt")  # a link to itself


def test_hostile_corpus_is_read_or_skipped_by_name(tmp_path):
    _hostile(tmp_path)
    documents, skipped = read_documents(tmp_path)
    reasons = {s.path: s.reason for s in skipped}
    assert reasons["binary.md"] == "binary file"
    assert reasons["empty.txt"] == "empty file"
    assert reasons["loop.txt"].startswith("unreadable: ")
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        assert reasons["page.html"] == HTML_EXTRA
    read = {d.path: d for d in documents}
    for name in ("good.md", "bom.txt", "utf16.txt", "crlf.md", "nul.txt", "digits.txt", "long-line.txt", "broken-front.md"):
        assert name in read
    assert read["latin.txt"].warning == "not UTF-8; read as Windows-1252"
    assert "\x00" not in read["nul.txt"].text and "\r" not in read["crlf.md"].text
    assert read["bom.txt"].text.startswith("The Kessa dam")


def test_hostile_corpus_runs_end_to_end(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _hostile(corpus)
    result = runner.invoke(app, ["run", str(corpus), "--db", str(tmp_path / "h.db"), "--report", str(tmp_path / "h.md")])
    assert result.exit_code == 0, result.output
    assert "skipped binary.md: binary file" in result.stderr
    assert "warning latin.txt: not UTF-8; read as Windows-1252" in result.stderr
    with sqlite3.connect(tmp_path / "h.db") as db:
        assert db.execute("pragma integrity_check").fetchone() == ("ok",)
        skipped = dict(db.execute("select path, reason from skipped"))
    assert skipped["empty.txt"] == "empty file"


def test_limits_are_options(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "big.md").write_text("The dam is 180 metres tall. " * 100)
    (corpus / "small.md").write_text("The dam is 180 metres tall.")
    result = runner.invoke(app, ["run", str(corpus), "--db", str(tmp_path / "l.db"), "--report",
                                 str(tmp_path / "l.md"), "--max-file-bytes", "1000", "--max-sentence", "100"])
    assert result.exit_code == 0, result.output
    assert "skipped big.md: larger than 1,000 bytes (raise --max-file-bytes to read it)" in result.stderr
