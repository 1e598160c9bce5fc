"""The judgement core, pinned down behaviour by behaviour (issue #11 item 12: mutation testing).

Each test states something a reader of the report relies on: which verdict two figures get,
how severe it is, the ratio and the values shown, the explanation's wording, the intervals a
hedge or a bound allows, unit conversions and the short unit names. They were written
against the mutants `mutmut run` left alive in reconcile/compare.py and reconcile/units.py
(see the README's development section); claims are built from real extractions, so each
case is a figure as it would be printed in an article.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import pytest

from reconcile import units
from reconcile.compare import (
    EVENT_YEAR, LONG_TON_KG, Measure, _severity, consistent, format_value, interval, judge, measure, year_span,
)
from reconcile.errors import UnitError
from reconcile.frames import Frame
from reconcile.models import Claim
from reconcile.quantities import extract_quantities

PUBLISHED = date(2021, 6, 1)
SHORT_TON_KG = 907.18474


def claim(text: str, source: str = "a.md", predicate: str = "amount", frame: Frame = Frame(), **quantity) -> Claim:
    """A claim whose figure is the first one read from `text` (fields of it overridden by `quantity`)."""
    q = extract_quantities(text)[0]
    if quantity:
        q = replace(q, **quantity)
    return Claim(source=source, sentence=0, start=0, end=len(text), text=text, subject="", predicate=predicate,
                 modality="done", attribution=None, quantity=q, frame=frame)


def verdict(text_a: str, text_b: str, *, copied: bool = False, published: date | None = None,
            predicate: str = "amount", frame_a: Frame = Frame(), frame_b: Frame = Frame(), source_b: str = "b.md"):
    a = claim(text_a, "a.md", predicate, frame_a)
    b = claim(text_b, source_b, predicate, frame_b)
    return judge(a, b, measure(a, published), measure(b, published), copied=copied)


# --- measure: the interval a printed figure allows -----------------------------------------

def test_bare_ton_may_be_a_long_ton_but_a_short_ton_may_not():
    bare = measure(claim("10 tons of coal"), None)
    assert bare.low == pytest.approx(9.5 * SHORT_TON_KG)
    assert bare.high == pytest.approx(10.5 * LONG_TON_KG)  # a bare "ton" may be the long ton
    for text in ("10 short tons of coal", "10 SHORT TONS of coal"):
        assert measure(claim(text), None).high == pytest.approx(10.5 * SHORT_TON_KG)
    long = measure(claim("10 long tons of coal"), None)
    assert (long.low, long.high) == pytest.approx((9.5 * LONG_TON_KG, 10.5 * LONG_TON_KG))


def test_a_figure_without_a_unit_or_value_has_no_measure():
    assert measure(claim("1,900 people", unit=None), None) is None
    assert measure(claim("1,900 people", value=None), None) is None
    assert measure(claim("married in 1951"), None) is None  # a year no frame attribute names


def test_a_dated_event_is_its_year():
    m = measure(claim("married in 1951", frame=Frame(attribute="married")), None)
    assert m == Measure(1951.0, 1951.0, 1951.0, EVENT_YEAR, "year")


def test_first_in_nine_years_falls_in_one_of_two_calendar_years():
    m = measure(claim("nine years", predicate="last-occurrence"), PUBLISHED)
    assert m == Measure(2012.0, 2011.0, 2012.0, EVENT_YEAR, "year")


def test_nine_years_ago_is_one_calendar_year():
    m = measure(claim("nine years", predicate="event-ago"), PUBLISHED)
    assert m == Measure(2012.0, 2012.0, 2012.0, EVENT_YEAR, "year")


def test_event_year_converts_months_and_widens_for_hedges():
    months = measure(claim("18 months", predicate="last-occurrence"), PUBLISHED)
    assert (months.value, months.low, months.high) == pytest.approx((2019.5, 2018.5 - 1 / 24, 2019.5 + 1 / 24))
    about = measure(claim("about ten years", predicate="last-occurrence"), PUBLISHED)
    assert (about.value, about.low, about.high) == (2011.0, 2009.0, 2012.0)  # ten years, 10% either way


def test_event_year_of_a_date_and_of_an_undated_article():
    m = measure(claim("on April 7, 2021", predicate="last-occurrence"), None)
    assert m.dimension == EVENT_YEAR and (m.value, m.low, m.high) == pytest.approx((2021.0, 2021.25, 2021 + 4 / 12 - 1e-6))  # April
    year = measure(claim("in 2021", predicate="last-occurrence"), None)
    assert (year.value, year.low, year.high) == pytest.approx((2021.0, 2021.0, 2022.0), abs=1e-5)  # any month of it
    assert measure(claim("nine years", predicate="last-occurrence"), None) is None  # no date to count back from


def test_interval_of_hedges_and_bounds():
    assert interval(80_000, "upper", None, 80_000, 500) == (0.0, 80_500)  # "up to": from nothing
    assert interval(0.5, "upper", None, 0.5, 0.05) == (0.0, 0.55)
    assert interval(0.0, "upper", None, 0.0, 0.5) == (0.0, 0.5)
    assert interval(-5.0, "upper", None, -5.0, 0.5) == (-math.inf, -4.5)  # a negative ceiling has no floor
    assert interval(40, "lower", 40, None, 0.5) == (39.5, math.inf)
    assert interval(20_000, "approx", 20_000, 20_000, 500) == (17_500, 22_500)
    assert interval(7, "exact", None, None, 0) == (-math.inf, math.inf)


# --- judge: verdict kinds, severities, ratios, values shown --------------------------------

def test_a_conversion_that_agrees_is_shown_in_the_second_sources_unit():
    v = verdict("300 km", "186 miles")
    assert (v.agree, v.kind, v.severity, v.unit) == (True, "agreement", "none", "mile")
    assert v.value_a == pytest.approx(186.41, abs=0.01) and v.value_b == 186.0
    assert v.explanation == "300 km = 186 mi ≈ 186 miles: agree within the precision printed"


def test_plain_mismatch():
    v = verdict("400 people", "300 people")
    assert (v.agree, v.kind, v.severity) == (False, "value-mismatch", "medium")
    assert v.ratio == pytest.approx(4 / 3)
    assert v.explanation == "400 people vs 300 people: 33% higher"  # no reason made up


def test_miles_printed_as_kilometres():
    v = verdict("300 km", "300 miles")
    assert (v.kind, v.severity, v.unit) == ("unit-confusion", "high", "mile")
    assert v.explanation == "300 km = 186 mi vs 300 miles: 38% lower (miles and kilometres confused)"


def test_per_day_printed_as_per_year():
    v = verdict("100,000 barrels a day", "100,000 barrels a year")
    assert (v.kind, v.severity) == ("rate-confusion", "high")
    assert v.explanation.endswith("(per day and per year confused)")
    assert verdict("100,000 barrels a day", "36.5 million barrels a year").agree


def test_a_slip_ratio_needs_the_slips_own_units():
    v = verdict("4,610 metres", "0.2 km")  # 23x, near a day's 24 hours, but no rate is printed
    assert (v.kind, v.explanation) == ("value-mismatch", "4,610 metres = 4.61 km vs 0.2 km: 23.1x")


def test_same_number_in_two_units():
    v = verdict("10 gallons", "10 litres")
    assert (v.kind, v.severity) == ("unit-confusion", "high")
    assert v.explanation.endswith("3.79x (the same number printed with different units)")
    v = verdict("1.4 gallons", "1.2 litres")  # two numbers: not a unit slip
    assert v.kind == "value-mismatch"


def test_percent_and_percentage_points():
    v = verdict("5%", "5 percentage points")
    assert (v.kind, v.severity) == ("percent-points", "high")
    assert v.explanation == "5% vs 5 percentage points (percent and percentage points confused)"


def test_bounds_far_from_the_facts_are_misleading():
    v = verdict("up to 80,000 people", "20,000 people")
    assert (v.agree, v.kind, v.severity, v.ratio) == (False, "overstated-bound", "medium", 4.0)
    assert v.explanation == ("up to 80,000 people vs 20,000 people: 4x "
                             "(a bound consistent with the other figure but 3x or more away from it)")
    assert verdict("up to 60,000 people", "20,000 people").kind == "overstated-bound"  # exactly 3x
    v = verdict("more than 40 people", "1,900 people")
    assert (v.kind, v.severity) == ("understated-bound", "medium")
    assert v.explanation.startswith("more than 40 people vs 1,900 people: 47.5x")
    assert verdict("more than 20 people", "60 people").kind == "understated-bound"  # exactly a third
    assert verdict("more than 30 people", "60 people").agree  # half: not misleading


def test_two_ceilings_or_floors_agree_unless_they_print_one_number_a_slip_apart():
    assert verdict("up to 80,000 people", "up to 20,000 people").agree
    assert verdict("more than ten people", "more than a hundred people").agree  # no digits to compare
    v = verdict("up to $38 million", "up to $38 billion")
    assert (v.agree, v.kind) == (False, "scale-confusion")
    v = verdict("at least 1,200 tonnes", "at least 1200 kilotonnes")  # digit grouping is not a difference
    assert (v.agree, v.kind) == (False, "scale-confusion")


def test_hedges_in_explanations():
    v = verdict("about 20,000 people", "20,000 people")
    assert v.agree
    assert v.explanation == ("about 20,000 people ≈ 20,000 people: "
                             "agree within the precision printed")
    v = verdict("hundreds of people", "1,900 people")
    assert v.explanation == "hundreds of people = at least 200 people vs 1,900 people: 9.5x"


def test_counts_name_their_thing_per_period():
    v = verdict("36,000 passengers a month", "1,200 passengers a day")
    assert v.explanation.startswith("36,000 passengers a month = 1,183 passengers/day ≈ ")


def test_differences_are_percentages_below_twofold_and_ratios_above():
    assert verdict("20 people", "10 people").explanation.endswith(": 2x")
    assert verdict("25 people", "10 people").explanation.endswith(": 2.5x")
    assert verdict("300 km", "250 miles").explanation.endswith(": 25% lower")


def test_zero_against_a_number():
    for a, b in (("0 deaths", "3 deaths"), ("3 deaths", "0 deaths")):
        v = verdict(a, b)
        assert (v.kind, v.ratio) == ("value-mismatch", math.inf)
        assert v.explanation.endswith(": one figure is zero")
    v = verdict("1 death", "3 deaths")
    assert v.ratio == 3.0 and v.explanation.endswith(": 3x")
    v = verdict("0 deaths", "0 deaths")
    assert v.agree and v.ratio == 1.0


def test_event_years_apart():
    v = verdict("nine years", "seven years", published=PUBLISHED, predicate="last-occurrence")
    assert (v.agree, v.kind, v.severity, v.unit) == (False, "date-mismatch", "medium", "year")
    assert (v.value_a, v.value_b) == (2012.0, 2014.0)
    assert v.explanation == "nine years → last in 2011–2012 vs seven years → last in 2013–2014: 2 years apart"


def test_durations_apart():
    v = verdict("nine years", "seven years")
    assert (v.kind, v.severity) == ("duration-mismatch", "medium")
    assert v.explanation.startswith("nine years = 9 years vs seven years = 7 years") and v.explanation.endswith(": 29% higher")  # no reason made up


def test_a_copy_that_changed_its_figure():
    v = verdict("1,200 people", "1,300 people", copied=True)
    assert (v.agree, v.kind, v.severity) == (False, "altered-copy", "high")  # high though only 8% apart
    assert v.explanation.endswith(": 8% lower (a copied passage with a changed figure)")
    assert verdict("nine years", "seven years", copied=True).kind == "altered-copy"
    assert verdict("nine years", "seven years", copied=True, published=PUBLISHED,
                   predicate="last-occurrence").kind == "altered-copy"
    v = verdict("300 km", "300 miles", copied=True)  # the diagnosis says more than "altered"
    assert v.kind == "unit-confusion"
    assert v.explanation.endswith("(a copied passage with a changed figure; miles and kilometres confused)")
    assert verdict("1,200 people", "1,300 people").agree  # within the precision printed, unless a copy
    a, b = claim("1,200 people"), claim("1,500 people", "b.md")
    assert judge(a, b, measure(a, None), measure(b, None)).kind == "value-mismatch"  # not a copy unless told


def test_a_contradiction_within_one_source():
    v = verdict("10 litres", "15 litres", source_b="a.md")
    assert (v.kind, v.severity) == ("within-source", "high")


def _tally(as_of: str, attribute: str = "killed") -> Frame:
    return Frame(attribute=attribute, as_of=as_of)


def test_a_running_tally_that_grew_is_an_update():
    v = verdict("52 people", "40 people", frame_a=_tally("2024-03-02"), frame_b=_tally("2024-03-01"))
    assert (v.agree, v.kind, v.severity) == (True, "update", "none")
    # the explanation says it is an update, earlier count first (it used to say "agree within
    # the precision printed", which is not why they agree)
    assert v.explanation == "40 people then 52 people: a later, higher count of a running tally"
    v = verdict("40 people", "52 people", frame_a=_tally("2024-03-02"), frame_b=_tally("2024-03-01"))
    assert (v.agree, v.kind) == (False, "value-mismatch")  # the later count is lower
    v = verdict("52 people", "40 people", frame_a=_tally("2024-03-02"), frame_b=_tally("2024-03-01", "area"))
    assert v.kind == "value-mismatch"  # only one of them is a tally


# --- the rules behind the verdicts ---------------------------------------------------------

@pytest.mark.parametrize("kind", ["unit-confusion", "scale-confusion", "rate-confusion", "altered-copy",
                                  "percent-points"])
def test_confusions_are_high_severity_however_close(kind):
    assert _severity(kind, 1.05, None, None) == "high"


@pytest.mark.parametrize("kind, ratio, expected", [
    ("overstated-bound", 10.0, "medium"),
    ("understated-bound", 10.0, "medium"),
    ("value-mismatch", 1.5, "high"),
    ("value-mismatch", 1.49, "medium"),
    ("value-mismatch", 1.1, "medium"),
    ("value-mismatch", 1.09, "low"),
    ("date-mismatch", 1.001, "medium"),
    ("duration-mismatch", 1.05, "low"),
])
def test_severity_by_ratio(kind, ratio, expected):
    assert _severity(kind, ratio, None, None) == expected


def _exact(unit: str, value: float) -> Measure:
    return Measure(value, value, value, "[length]", unit)


def test_one_percent_slack_for_conversions_only():
    a, b = claim("100 km"), claim("62 miles")
    assert consistent(a, b, _exact("kilometer", 101.5), _exact("mile", 100.0))
    assert consistent(a, b, _exact("kilometer", 100.0), _exact("mile", 101.5))
    assert not consistent(a, b, _exact("kilometer", 102.5), _exact("mile", 100.0))
    assert not consistent(a, b, _exact("kilometer", 100.0), _exact("mile", 102.5))
    assert not consistent(a, b, _exact("mile", 100.5), _exact("mile", 100.0))  # one unit: no rounding to forgive


def test_no_slack_between_units_a_power_of_ten_apart():
    a, b = claim("1,005 metres"), claim("1 km")
    km = Measure(1000.0, 1000.0, 1000.0, "[length]", "kilometer")
    assert not consistent(a, b, Measure(1005.0, 1005.0, 1005.0, "[length]", "meter"), km)  # nothing was rounded
    assert consistent(a, b, Measure(1005.0, 1005.0, 1005.0, "[length]", "mile"), km)
    twh = Measure(1000.0, 1000.0, 1000.0, "[energy]", "terawatt_hour")
    assert not consistent(a, b, Measure(1005.0, 1005.0, 1005.0, "[energy]", "gigawatt_hour"), twh)


def test_event_years_have_no_slack():
    a, b = claim("nine years"), claim("seven years")
    year = lambda y: Measure(y, y, y, EVENT_YEAR, "year")  # noqa: E731
    assert not consistent(a, b, year(2012.0), year(2014.0))


def test_year_span():
    assert year_span(Measure(2012, 2012, 2012, EVENT_YEAR, "year")) == "2012"
    assert year_span(Measure(2012, 2011, 2012, EVENT_YEAR, "year")) == "2011–2012"
    assert year_span(Measure(2012, -math.inf, 2012, EVENT_YEAR, "year")) == "by 2012"
    assert year_span(Measure(2012, 2011, math.inf, EVENT_YEAR, "year")) == "2011 or later"
    assert year_span(Measure(2012, -math.inf, math.inf, EVENT_YEAR, "year")) == "some year"


@pytest.mark.parametrize("value, unit, thing, expected", [
    (1.65e10, "cubic_meter / year", None, "16.5 billion m³/year"),
    (1e12, "USD", None, "$1 trillion"),
    (1e9, "EUR", None, "€1 billion"),
    (1e6, "GBP", None, "£1 million"),
    (2.5e6, "tonne", None, "2.5 million t"),
    (999_999, "kilometer", None, "999,999 km"),
    (1000, "meter", None, "1,000 m"),
    (2.5, "mile", None, "2.5 mi"),
    (1200, "count / day", "passengers", "1,200 passengers/day"),
    (12, "count", None, "12"),
    (0.46, "dimensionless", None, "0.46"),
])
def test_format_value(value, unit, thing, expected):
    assert format_value(value, unit, thing) == expected


# --- units ---------------------------------------------------------------------------------

def test_conversions_from_pint():
    assert units._convert("mile") == units.Conversion("mile", 1609.344, 0.0, "meter", "[length]")
    celsius = units._convert("degree_Celsius")
    assert (celsius.factor, celsius.offset, celsius.base_unit, celsius.dimension) == (
        pytest.approx(1.0), pytest.approx(273.15), "kelvin", "[temperature]")
    assert units._convert("percent").dimension == "dimensionless"
    assert units._convert("gigabyte").dimension == "[information]"  # not comparable with a percentage
    assert units._convert("gigabit / second").dimension == "[information] * 1 / [time]"
    with pytest.raises(UnitError, match="not defined in the unit registry"):  # pint's reason is kept
        units._convert("florp")


def test_known_units():
    known = set(units.known_units())
    assert {"USD", "PKR", "INR", "LKR", "NPR", "kelvin", "count", "dimensionless", "oil_barrel / day",
            "cubic_meter / year", "percentage_point", "USD / year", "count / week"} <= known
    assert not {"dollar", "yen_sign"} & known  # resolved per document first
    assert all(u.count("/") <= 1 for u in known)  # a rate is never a rate again


@pytest.mark.parametrize("unit, short", [
    ("cubic_meter / year", "m³/year"),
    ("oil_barrel / day", "bbl/day"),
    ("kilometer ** 2", "km²"),
    ("degree_Celsius", "degree Celsius"),
    ("count / day", "count/day"),
])
def test_short_unit(unit, short):
    assert units.short_unit(unit) == short


def test_severity_does_not_depend_on_the_scale_word():
    """Found by hypothesis: 4,567.31/4,152.1 is 1.1 to within float error, and the severity
    (10% apart or more is medium) flipped with the scale word the same figure was printed in."""
    assert verdict("$4,152.1 billion", "$4,567.31 billion").severity == "medium"
    assert verdict("$4,152,100 million", "$4,567.31 billion").severity == "medium"
