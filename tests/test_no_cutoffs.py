"""Issue #9, items 12 and 13: no article is left alone for lack of names, and no cut-off drops
evidence: reprints and crowds of articles find the same conflicts as a handful do."""


from reconcile.check import Draft, check
from reconcile.ingest import parse_document
from reconcile.pipeline import analyze

from .conftest import FIXTURES

WIRE = ("---\ndate: 2024-05-02\n---\nFloodwaters from the Arlen river have destroyed 1,400 homes in the "
        "Varsey valley, the regional governor said on Thursday, as rescue crews worked through the night.\n")
OTHERS = [
    "---\ndate: 2024-05-02\n---\nIn the Varsey valley the Arlen river flood destroyed 4,100 homes, according to the relief agency on Thursday.\n",
    "---\ndate: 2024-05-02\n---\nThe Arlen burst its banks in the Varsey valley; officials said on Thursday that 1,400 homes were destroyed.\n",
    "---\ndate: 2024-05-02\n---\nRelief workers in the Varsey valley counted 1,400 homes destroyed by the Arlen flood on Thursday.\n",
]


def _conflicts(result):
    return {(result.claims[j.a].quantity.surface, result.claims[j.b].quantity.surface)
            for j in result.contradictions} | {(result.claims[j.b].quantity.surface, result.claims[j.a].quantity.surface)
                                              for j in result.contradictions}


def test_twenty_reprints_find_the_same_conflict():
    few = analyze([parse_document("wire.md", WIRE)] + [parse_document(f"o{i}.md", t) for i, t in enumerate(OTHERS)])
    many = analyze([parse_document("wire.md", WIRE)] + [parse_document(f"o{i}.md", t) for i, t in enumerate(OTHERS)]
                   + [parse_document(f"reprint{i:02}.md", WIRE) for i in range(20)])
    assert ("1,400 homes", "4,100 homes") in _conflicts(few)
    assert ("1,400 homes", "4,100 homes") in _conflicts(many)
    disputed = [f for f in many.facts if f.disputed]
    assert disputed and disputed[0].origins[0] >= 3  # the reprints count as one origin


def test_four_hundred_articles_on_one_event_find_the_conflict():
    openings = ["Officials said", "According to the agency,", "Rescuers reported that", "The governor said"]
    documents = [
        parse_document(f"a{i:03}.md", f"---\ndate: 2024-05-02\n---\n{openings[i % 4]} the Arlen flood in the Varsey "
                                      f"valley destroyed 1,400 homes on Thursday (report {i}).\n")
        for i in range(399)
    ] + [parse_document("odd.md", OTHERS[0])]
    result = analyze(documents)
    assert ("4,100 homes", "1,400 homes") in _conflicts(result)
    assert len(set(result.stories.values())) == 1


def test_a_draft_that_names_nothing_is_still_checked():
    draft = Draft("draft.md", "The new boats will carry 12,000 passengers a day.\n")
    found = check([draft], FIXTURES / "mini")
    assert [f.quote for f in found] == ["12,000 passengers a day"]
