"""Properties that hold for any text: never raise, spans slice to their surface, in order."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.ingest import parse_document
from reconcile.quantities import extract_quantities
from reconcile.segment import segment

PIECES = list("0123456789 ,.-–%$€£()abcdekmnorstuyBCKMT\n") + [
    " km", " miles", " per cent", " billion", " bcm", " a day", " about ", " up to ", " doses",
    " April 7, 2021", " Mr. ", " U.S. ", "“", "”", " half of ", " nine years", "-year", " between ",
]
NEWSY = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(NEWSY, st.text(max_size=200)))
def test_extraction_spans_slice_to_surface(text):
    mentions = extract_quantities(text)
    previous_end = 0
    for q in mentions:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.surface
        assert q.start >= previous_end
        previous_end = q.end


@settings(max_examples=200, deadline=None)
@given(st.one_of(NEWSY, st.text(max_size=200)))
def test_segmentation_spans_are_ordered_and_inside(text):
    doc = parse_document("x.txt", text)
    previous_end = 0
    for s in segment(doc):
        assert previous_end <= s.start < s.end <= len(doc.text)
        assert doc.text[s.start:s.end] == s.text
        previous_end = s.end
