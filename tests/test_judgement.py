"""Pairs of one-sentence reports, as data: which agree, which contradict, which never meet."""

from datetime import date

import pytest

from reconcile.ingest import parse_document
from reconcile.pipeline import analyze

from .conftest import load_json

CASES = load_json("golden/pairs.json")


def _run(case):
    docs = []
    for side in ("a", "b"):
        published = case.get(f"date_{side}")
        front = f"---\ndate: {published}\n---\n" if published else ""
        docs.append(parse_document(f"{side}.md", front + case[side] + "\n"))
    return analyze(docs)


@pytest.mark.parametrize("case", CASES, ids=[c["note"] for c in CASES])
def test_pair(case):
    result = _run(case)
    cross = [j for j in result.judged if result.claims[j.a].source != result.claims[j.b].source]
    if case["expect"] == "unaligned":
        assert cross == [], [j.verdict.explanation for j in cross]
    elif case["expect"] == "contradict_only":
        flagged = {(result.claims[j.a].quantity.surface, result.claims[j.b].quantity.surface)
                   for j in cross if not j.verdict.agree}
        assert flagged == {tuple(case["quotes"])}
    else:
        assert len(cross) == 1, [j.verdict.explanation for j in cross]
        verdict = cross[0].verdict
        assert verdict.agree == (case["expect"] == "agree"), verdict.explanation
        if "kind" in case:
            assert verdict.kind == case["kind"], verdict.explanation
        if "explanation" in case:
            assert verdict.explanation == case["explanation"]


def test_within_source_conversion_in_brackets():
    doc = parse_document("a.md", "They will build a 300-kilometre (250-mile) transmission corridor.\n")
    result = analyze([doc])
    (judged,) = result.judged
    assert not judged.verdict.agree and judged.verdict.kind == "within-source"


def test_within_source_conversion_that_agrees():
    doc = parse_document("a.md", "They will build a 300-kilometre (186-mile) transmission corridor.\n")
    (judged,) = analyze([doc]).judged
    assert judged.verdict.agree


def _judged(ratio: float, score: float, kind: str = "value-mismatch", copied: bool = False):
    from reconcile.compare import Verdict
    from reconcile.facts import Judged
    verdict = Verdict(agree=False, kind=kind, severity="high", ratio=ratio, unit="", value_a=1.0, value_b=ratio,
                      explanation="")
    return Judged(0, 1, verdict, fact=1, score=score, copied=copied)


def test_a_wide_gap_needs_strong_pairing_evidence():
    from reconcile.facts import plausible
    assert plausible([_judged(5.0, 0.4)]) == []  # loosely tied, fivefold apart: two facts
    # 90% (a yes share) and 43% (a turnout) loosely tied: 2.1x is two facts, not a dispute
    assert plausible([_judged(2.09, 0.35)]) == []
    kept = [_judged(5.0, 0.8), _judged(1.4, 0.4), _judged(35.3147, 0.4, "unit-confusion"), _judged(5.0, 0.4, copied=True)]
    assert plausible(kept) == kept  # strongly tied, a narrower gap, a known slip, a copy


def test_a_wide_gap_in_one_running_tally_stays():
    """"two people had died" / "only one death": both frames name the toll, so a 2x gap of
    small counts is a dispute even when the words tie them loosely."""
    from reconcile.facts import plausible
    from reconcile.frames import Frame
    from reconcile.models import Claim
    toll = Claim("a", 0, 0, 1, "", "", "", "", None, frame=Frame(attribute="killed"))
    share = Claim("b", 0, 0, 1, "", "", "", "", None, frame=Frame(attribute="share"))
    wide = [_judged(2.0, 0.4)]
    assert plausible(wide, [toll, toll]) == wide
    assert plausible(wide, [share, share]) == []


def test_organisers_and_police_counts_of_one_march_stay_a_contradiction():
    from reconcile.ingest import parse_document
    from reconcile.pipeline import analyze
    result = analyze([parse_document(name, text + "\n") for name, text in {
        "a.md": "Organisers said 50,000 people joined the march through the capital on Saturday.",
        "b.md": "Police said about 12,000 people joined the march on Saturday, far fewer than organisers claimed.",
    }.items()])
    assert [j.verdict.kind for j in result.contradictions] == ["value-mismatch"]
