"""Sentences printed again keep their claims (extract._SENTENCES), moved to their new place: the
claims must be those a fresh reading gives, whichever printing came first and whatever text
stands around it. A rule that reads past its sentence without saying so in extract._margins
fails here."""

from reconcile import extract
from reconcile.ingest import parse_document, read_documents

from .conftest import FIXTURES

WIRE = "Officials said 112 people were killed and the 1,100-km pipeline was shut; he will be 40 years old."


def _fresh(document) -> list:
    extract._SENTENCES.clear()
    extract._FRAMES.clear()
    return extract.extract_claims(document)


def test_kept_claims_are_a_fresh_reading():
    documents = read_documents(FIXTURES / "corpus")[0] + read_documents(FIXTURES / "hostile")[0]
    fresh = {d.path: _fresh(d) for d in documents}
    extract._SENTENCES.clear()
    kept = {d.path: extract.extract_claims(d) for d in reversed(documents)}  # the memo warm, in another order
    assert kept == fresh


def test_a_reprint_with_other_text_around_it():
    # one sentence printed in several places; an age reads the words before its sentence ("will
    # be": an age to come) and a hyphenated figure the noun after it (its head)
    documents = [
        parse_document("a.md", f"Rescue work went on.\n\n{WIRE}\n"),
        parse_document("b.md", f"# Pipeline\n\nA long report on the region's troubles.\n\n{WIRE}\n\nA 40-year-old man said it.\n"),
        parse_document("c.md", "Kiptum will be\n\n40 years old next week, his coach said.\n"),
        parse_document("d.md", "Kiptum is now\n\n40 years old next week, his coach said.\n"),
        parse_document("e.md", "The tanker.\n\nSome 1,100-km\npipeline was shut.\n"),
        parse_document("f.md", "The tanker.\n\nSome 1,100-km\nroad was shut.\n"),
    ]
    fresh = [_fresh(d) for d in documents]
    # (the words around the sentence make these readings differ)
    assert [c.frame.period for c in fresh[2] if c.quantity] != [c.frame.period for c in fresh[3] if c.quantity]
    assert [c.head for c in fresh[4] if c.quantity] != [c.head for c in fresh[5] if c.quantity]
    extract._SENTENCES.clear()
    assert [extract.extract_claims(d) for d in documents] == fresh
