"""The behaviours of issue #9 as data (fixtures/frames/cases.json): which figures are one fact
and what the judgement is. "never": not compared at all; "compared": aligned (either verdict);
"agree": judged to agree; "contradict": judged to disagree (with `kind` when given);
"update": a later, higher count of a running tally."""

import pytest

from reconcile.frames import Frame, as_of, compatible
from reconcile.ingest import parse_document
from reconcile.pipeline import analyze

from .conftest import load_json

CASES = load_json("frames/cases.json")


def _claims(result, ref: str) -> set[int]:
    path, quote = ref.split("|", 1)
    document = next(d for d in result.documents if d.path == path)
    assert document.text.count(quote) == 1, f"{quote!r} is not unique in {path}"
    start = document.text.index(quote)
    end = start + len(quote)
    found = {i for i, c in enumerate(result.claims)
             if c.source == path and c.quantity is not None and c.quantity.start < end and start < c.quantity.end}
    assert found, f"{quote!r} was not read as a figure"
    return found


@pytest.mark.parametrize("case", CASES, ids=[f"{c['behaviour']}: {c['note']}" for c in CASES])
def test_behaviour(case):
    result = analyze([parse_document(name, text + "\n") for name, text in case["docs"].items()])
    for item in case["expect"]:
        a, b = _claims(result, item["a"]), _claims(result, item["b"])
        judged = [j for j in result.judged if (j.a in a and j.b in b) or (j.a in b and j.b in a)]
        shown = [f"{j.verdict.kind}: {j.verdict.explanation}" for j in judged]
        what = f"{item['a']} vs {item['b']}"
        if item["is"] == "never":
            assert judged == [], (what, shown)
            continue
        assert judged, f"{what}: not compared"
        if item["is"] == "agree":
            assert all(j.verdict.agree and j.verdict.kind == "agreement" for j in judged), (what, shown)
        elif item["is"] == "contradict":
            assert all(not j.verdict.agree for j in judged), (what, shown)
            if "kind" in item:
                assert {j.verdict.kind for j in judged} == {item["kind"]}, (what, shown)
        elif item["is"] == "update":
            assert all(j.verdict.kind == "update" for j in judged), (what, shown)


def test_frames_with_other_subjects_never_meet():
    assert not compatible(Frame(subject="harlow", attribute="area"), Frame(subject="cedar flat", attribute="area"))
    assert compatible(Frame(subject="cedar flat", attribute="area"), Frame(attribute="area"))


def test_as_of_moves_back_to_the_day_named():
    from datetime import date
    assert as_of(Frame(day="monday"), date(2024, 3, 6)) == "2024-03-04"  # a Wednesday article
    assert as_of(Frame(day="yesterday"), date(2024, 3, 6)) == "2024-03-05"
    assert as_of(Frame(), date(2024, 3, 6)) == "2024-03-06"


def test_a_day_named_for_comparison_does_not_date_the_figure():
    from reconcile.frames import _day
    assert _day("Officials said on Tuesday that 40 people died.") == "tuesday"
    assert _day("146 cases have now been reported, 22 more than in Tuesday's update.") == ""
    assert _day("The toll rose to 95, up from 40 since Monday.") == ""
    # the day of an event the sentence recalls does not date its count; a reporting verb's day does
    assert _day("The jet crashed while landing on Saturday, and three passengers died.") == ""
    assert _day("Officials confirmed on Saturday that three passengers died.") == "saturday"


READINGS = load_json("frames/readings.json")


@pytest.mark.parametrize("case", READINGS, ids=[c["why"] for c in READINGS])
def test_frame_reading(case):
    result = analyze([parse_document("a.md", case["text"] + "\n")])
    claim = next(c for c in result.claims if c.quantity is not None and c.quantity.surface == case["figure"])
    got = {field: getattr(claim.frame, field) for field in case["frame"]}
    assert got == case["frame"]


def test_labels_name_requests_and_ages_to_come():
    assert Frame(attribute="duration", modality="proposed").label() == "proposed duration"
    assert Frame(subject="okafor", attribute="age", period="later").label() == "Okafor: age to come"
