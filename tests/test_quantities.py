import math

import pytest

from reconcile.quantities import dollar_for, extract_quantities

from .conftest import load_json

CASES = load_json("golden/quantities.json")


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_golden_quantities(case):
    # a case may give the outlet's address, which names the dollar when the text names no country
    found = extract_quantities(case["text"], dollar=dollar_for(case["text"], case["url"])) if "url" in case \
        else extract_quantities(case["text"])
    assert [q.surface for q in found] == [e["surface"] for e in case["expect"]]
    for q, expected in zip(found, case["expect"]):
        assert case["text"][q.start:q.end] == q.surface
        for field, value in expected.items():
            actual = getattr(q, field)
            if isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool)):
                assert actual == pytest.approx(value, rel=1e-3), (q.surface, field)
            else:
                assert actual == value, (q.surface, field)


def test_precision_follows_the_printed_digits():
    km, miles, rate = extract_quantities("a 1,100-km road, a 680-mile road, 1.6 bcm")
    assert (km.low, km.high, km.precision) == (1100, 1100, 50)
    assert miles.precision == 5
    assert rate.precision == pytest.approx(0.05e9) and rate.unit == "cubic_meter"


def test_normalizes_to_base_units():
    (q,) = extract_quantities("1.6 billion cubic feet per day")
    assert q.si_unit == "meter ** 3 / second"
    assert q.si_value == pytest.approx(1.6e9 * 0.0283168 / 86400, rel=1e-4)
    assert q.dimension == "[length] ** 3 / [time]"


def test_currencies_are_separate_dimensions():
    usd, eur = extract_quantities("$5 million and €5 million")
    assert usd.dimension != eur.dimension


def test_percentage_points_are_not_percent():
    pct, points = extract_quantities("up 12 percent, or 12 percentage points")
    assert pct.dimension != points.dimension


def test_huge_inputs_do_not_hang():
    assert extract_quantities("9" * 5000 + " km") == []
    line = "word 12 km, " * 200_000  # 2.4 MB on one line
    assert len(extract_quantities(line)) == 200_000
    assert math.isfinite(extract_quantities("1" * 20 + " km")[0].value)


ROLES = load_json("golden/roles.json")


@pytest.mark.parametrize("case", ROLES, ids=[c["text"][:40] for c in ROLES])
def test_roles_of_figures(case):
    """Issue #10 item 8: a change amount is not a level, and the value compared with is a prior."""
    from reconcile.extract import read_figures

    found = [(f.quantity.surface, f.role, f.direction) for f in read_figures(case["text"]) if f.quantity.kind != "date"]
    assert found == [tuple(e) for e in case["expect"]]


def test_an_outlets_address_names_the_dollar_of_its_claims():
    """The address in an article's front matter reaches the extractor: a bare "$" in a New
    Zealand paper's court report is NZD (quantities.dollar_for, units.DOLLAR_BY_DOMAIN)."""
    from reconcile.extract import extract_claims
    from reconcile.ingest import parse_document

    text = "---\nurl: https://www.example.co.nz/court\n---\nThe court fined him $400.\n"
    (claim,) = [c for c in extract_claims(parse_document("a.md", text)) if c.quantity is not None]
    assert claim.quantity.unit == "NZD"
