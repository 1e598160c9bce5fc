"""Compare: do two aligned claims agree, within the precision printed and their hedges?

Each claim becomes an interval in base units: "1,100 km" is 1,050-1,150 km (two significant
figures), "about $3 billion" adds 10%, "up to 12.4 bcm" is 0-12.45 bcm. Two claims agree
when their intervals meet (after 1% slack for rounded conversions). A disagreement is
diagnosed by its ratio: 35.3 is cubic feet printed as cubic metres, 365 a day/year slip.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from . import units
from .errors import ReconcileError
from .frames import ATTRIBUTION_VERBS, SNAPSHOT_RE
from .models import Claim

SLACK = 0.01  # relative: printed conversions are rounded
MISLEADING_BOUND = 3.0  # "up to 80,000" where the facts say 20,000: consistent, but misleading
LONG_TON_KG = 1016.0469088  # a bare "ton" may be short (its reading), metric or long
APPROX = 0.1  # "about", "nearly", "an estimated": 10% either way
CALENDAR_PERIOD = "calendar-period"  # "expected to close in the second half of 2008": a span of years
PERIOD_EDGE = 1e-6  # a period ends just before the next begins
EVENT_YEAR = "event-year"  # "first visit in nine years" in a 2021 article -> 2012
EVENT_DAY = "event-day"  # "crashed on July 6": the day of an event, as a day number (date.toordinal)
DATED = frozenset({EVENT_YEAR, CALENDAR_PERIOD, EVENT_DAY})  # when something happened or is to happen

# ratio -> (kind, what probably happened, the two units the slip confuses), matched within
# RATIO_TOLERANCE; a unit slip needs its own two units printed ("4,610 metres" against "0.2 km"
# is 23x apart, but no one confused an hour with a day there). None: any units.
SLIPS: list[tuple[float, str, str, frozenset[str] | None]] = [
    (35.3147, "unit-confusion", "cubic feet and cubic metres confused", frozenset({"cubic_foot", "cubic_meter"})),
    (1.609344, "unit-confusion", "miles and kilometres confused", frozenset({"mile", "kilometer"})),
    (3.28084, "unit-confusion", "feet and metres confused", frozenset({"foot", "meter"})),
    (2.20462, "unit-confusion", "pounds and kilograms confused", frozenset({"pound", "kilogram"})),
    (1.10231, "unit-confusion", "short tons and tonnes confused", frozenset({"short_ton", "tonne"})),
    (365.0, "rate-confusion", "per day and per year confused", frozenset({"day", "year"})),
    (12.0, "rate-confusion", "per month and per year confused", frozenset({"month", "year"})),
    (24.0, "rate-confusion", "per hour and per day confused", frozenset({"hour", "day"})),
    (7.0, "rate-confusion", "per day and per week confused", frozenset({"day", "week"})),
    (52.18, "rate-confusion", "per week and per year confused", frozenset({"week", "year"})),
    (1000.0, "scale-confusion", "a factor of 1,000 (thousand/million/billion, kilo/mega/giga)", None),
    (1e6, "scale-confusion", "a factor of a million (million/trillion)", None),
    (100.0, "unit-confusion", "percent and fraction confused", frozenset({"percent", "dimensionless"})),
    (10.0, "value-mismatch", "a zero added or dropped", None),
]
RATIO_TOLERANCE = 0.04


@dataclass(frozen=True, slots=True)
class Measure:
    """A claim's figure as an interval in base units, with the unit to show it in."""

    value: float
    low: float
    high: float
    dimension: str
    unit: str  # the written unit, for display


@dataclass(frozen=True, slots=True)
class Verdict:
    agree: bool
    kind: str
    severity: str
    ratio: float
    unit: str
    value_a: float
    value_b: float
    explanation: str
    why: str = ""  # the likely slip in words ("a zero added or dropped"), "" when none is named


WORD_FRACTION_RE = re.compile(r"\b(?:half|halves|thirds?|quarters?|fifths?)\b", re.I)
DIGIT_RE = re.compile(r"\d")


def _printed_bound(q) -> str:
    """The figure's bound, where a share said in words ("a third", "half", "two-thirds") is a
    round figure, as "about 33%" is."""
    return "approx" if q.bound == "exact" and WORD_FRACTION_RE.search(q.surface) and not DIGIT_RE.search(q.surface) else q.bound


def measure(claim: Claim, published: date | None) -> Measure | None:
    """The comparable interval of a claim, or None when it has no comparable figure."""
    q = claim.quantity
    if q is None:
        return None
    if claim.predicate.startswith("last-occurrence"):
        return _event_year(claim, published)
    if claim.predicate.startswith("event-ago"):
        return _event_year(claim, published, gap=0)
    if q.kind == "date" and q.date and len(q.date) == 4 and q.date.isdigit() and claim.frame.attribute:
        year = float(q.date)  # "married in 1951": the year of an event the frame names
        return Measure(year, year, year, EVENT_YEAR, "year")
    if q.kind == "date" and (day := _event_day(q.date or "", published)) and not _no_event_day(claim):
        return Measure(day, day, day, EVENT_DAY, "day")
    if q.kind == "date" and claim.frame.modality in ("planned", "modal") and (period := PERIOD_DATE_RE.fullmatch(q.date or "")):
        return _calendar_period(period, published)
    if q.kind == "date" or q.value is None or q.unit is None:
        return None
    low, high = interval(q.value, _printed_bound(q), q.low, q.high, q.precision)
    to_base = lambda x: units.to_base(x, q.unit) if math.isfinite(x) else x  # noqa: E731
    low_base, high_base = to_base(low), to_base(high)
    if q.unit == "short_ton" and "short" not in q.surface.lower():
        high_base = high * LONG_TON_KG if math.isfinite(high) else high
    return Measure(q.si_value, low_base, high_base, q.dimension or "", q.unit)


def interval(value: float, bound: str, low: float | None, high: float | None, precision: float) -> tuple[float, float]:
    """What a printed figure allows, in its own unit: rounding, hedges and stated bounds."""
    slack = precision + (APPROX * abs(value) if bound == "approx" else 0.0)
    low = -math.inf if low is None else low - slack
    high = math.inf if high is None else high + slack
    if bound == "upper" and value >= 0:
        low = 0.0
    return low, high


PERIOD_DATE_RE = re.compile(r"(?P<year>\d{4}|XXXX|last|next)-(?P<part>[HQ])(?P<number>[1-4])")  # see quantities._period_mentions
RELATIVE_YEAR = {"XXXX": 0, "last": -1, "next": 1}


def _calendar_period(period: re.Match, published: date | None) -> Measure | None:
    """When a planned event is to happen: "close in the second half of 2008" is the years
    2008.5 to 2009 (the end left out, so the first half and the second never meet)."""
    year = period.group("year")
    if year.isdigit():
        start = int(year)
    elif published is not None:
        start = published.year + RELATIVE_YEAR[year]
    else:
        return None
    length = 0.5 if period.group("part") == "H" else 0.25
    low = start + length * (int(period.group("number")) - 1)
    return Measure(low + length / 2, low, low + length - PERIOD_EDGE, CALENDAR_PERIOD, "year")


DAY_DATE_RE = re.compile(r"(?P<year>\d{4}|XXXX)-(?P<month>\d\d)-(?P<day>\d\d)")
DATELINE_RE = re.compile(r"\W*[A-Z][A-Za-z .'’\-]{1,40},\s+")
DATELINE_END_RE = re.compile(r"\s*(?:\(\w+\)\s*)?(?:[—–-]|\W*$)")  # the dash, or the sentence ends there
SAID_ON_RE = re.compile(r"\b(?:" + "|".join(ATTRIBUTION_VERBS) + r")\s+(?:on\s+)?$", re.I)


def _no_event_day(claim: Claim) -> bool:
    """"SEOUL, July 8 —": the day a report was filed; "said on July 8": the day something was
    said. Neither is the day of an event the story is about."""
    text, surface = claim.text, claim.quantity.surface
    head = DATELINE_RE.match(text)
    if head and text.startswith(surface, head.end()) and DATELINE_END_RE.match(text, head.end() + len(surface)):
        return True
    at = text.find(surface)
    return at > 0 and SAID_ON_RE.search(text, max(0, at - 30), at) is not None


def _event_day(printed: str, published: date | None) -> float | None:
    """A full date as a day number: "August 23, 2023"; "7 July" in a dated article is the last
    7 July on or before the day after its date (a report may be dated the day before, abroad)."""
    m = DAY_DATE_RE.fullmatch(printed)
    if m is None or m.group("year") == "XXXX" and published is None:
        return None
    month, day = int(m.group("month")), int(m.group("day"))
    year = int(m.group("year")) if m.group("year") != "XXXX" else published.year
    try:
        found = date(year, month, day)
        if m.group("year") == "XXXX" and found > published + timedelta(days=1):
            found = date(year - 1, month, day)
    except ValueError:  # "February 30"
        return None
    return float(found.toordinal())


MONTH_OF_YEAR_RE = re.compile(r"\d{4}-\d\d(?:-\d\d)?")  # a month, or a day of it
MONTH_SPAN = 1 / 12 - 1e-6  # a month, less a hair, so two months side by side never touch


def _event_year(claim: Claim, published: date | None, gap: int = 1) -> Measure | None:
    q = claim.quantity
    if q.kind == "date":
        # "since November 1981" is that month of the year, "since 1981" any of its months: a
        # year's span, so "November 1981" and "December 1981" differ and either meets "1981"
        year = float(q.date[:4])
        if MONTH_OF_YEAR_RE.fullmatch(q.date or ""):
            month = int(q.date[5:7])
            return Measure(year, year + (month - 1) / 12, year + (month - 1) / 12 + MONTH_SPAN, EVENT_YEAR, "year")
        return Measure(year, year, year + 1 - 1e-6, EVENT_YEAR, "year")
    if published is None or q.unit is None:
        return None
    low, high = interval(q.value, q.bound, q.low, q.high, q.precision)
    to_years = lambda x: units.from_base(units.to_base(x, q.unit), "year") if math.isfinite(x) else x  # noqa: E731
    years, years_low, years_high = to_years(q.value), to_years(low), to_years(high)
    # "in nine years" counts whole years: the last event fell in one of two calendar years
    return Measure(
        published.year - years, published.year - years_high - gap, published.year - years_low,
        EVENT_YEAR, "year",
    )


def judge(a: Claim, b: Claim, ma: Measure, mb: Measure, copied: bool = False) -> Verdict:
    """Agreement, or a contradiction with its kind, severity and the conversion chain."""
    unit = display_unit(ma, mb)
    value_a, value_b = _shown(ma.value, ma, unit), _shown(mb.value, mb, unit)
    # measures of two dimensions (percent, percentage points) compare as printed
    ratio = _ratio(ma.value, mb.value) if ma.dimension == mb.dimension else _ratio(printed_number(a) or 0.0, printed_number(b) or 0.0)
    agree = consistent(a, b, ma, mb)
    kind, why = "agreement", ""
    if (copied and agree and a.source != b.source and a.quantity.unit == b.quantity.unit
            and a.quantity.bound == b.quantity.bound and printed_number(a) != printed_number(b) and not _one_clocked_time(a, b)
            and not (ma.dimension == EVENT_YEAR and a.quantity.kind == "duration")):
        # a reprint that changed the figure, even within the hedge; not a span back from its own
        # date ("opened seven years ago" in 2017, "eight years ago" reprinted in 2018: both 2010)
        agree = False
    if (not agree or _floor_then_more(a, b, ma, mb)) and _is_update(a, b, ma, mb):
        later_higher = (mb.value > ma.value) == (b.frame.as_of > a.frame.as_of)
        agree, kind, why = True, "update", ("a later, higher count of a running tally" if later_higher
                                            else "a later count of those still in that state")
    elif not agree and copied and _recounted_copy(a, b, ma, mb):
        agree, kind, why = True, "update", "a later version of one copied report, with a higher count"
    elif not agree and _snapshots(a, b, ma):
        agree, kind, why = True, "update", "a moving value read at different times of one day"
    elif not agree and _readings_of_one_day(a, b, ma, mb, ratio):
        agree, kind, why = True, "update", "two readings of one day of a moving count or temperature, in an order neither report gives"
    elif agree and a.source != b.source and a.frame.as_of == b.frame.as_of and (bound := _misleading_bound(a, b, ma, mb)):
        agree, kind, why = False, bound, "a bound consistent with the other figure but 3x or more away from it"
    elif not agree:
        kind, why = diagnose(a, b, ma, mb, ratio)
        if a.source == b.source:
            kind = "within-source"
        elif copied:
            # a confusion diagnosis says more than "altered"; plain mismatches in a copy are alterations
            if kind in ("value-mismatch", "duration-mismatch", "date-mismatch"):
                kind = "altered-copy"
            why = "a copied passage with a changed figure" + (f"; {why}" if why else "")
    return Verdict(
        agree=agree, kind=kind, severity="none" if agree else _severity(kind, ratio, ma, mb),
        ratio=ratio, unit=unit, value_a=value_a, value_b=value_b,
        explanation=explain(a, b, ma, mb, unit, agree, ratio, why), why=why,
    )


def consistent(a: Claim, b: Claim, ma: Measure, mb: Measure) -> bool:
    """Can both figures be true of one fact, given their precision and hedges? Two floors
    ("at least 40", "at least 95") or two ceilings always can, unless they print one number
    a known slip apart ("over $38 million" / "more than $38 billion")."""
    if _one_clocked_time(a, b):
        return True
    if a.quantity.bound == b.quantity.bound and a.quantity.bound in ("lower", "upper") \
            and number_as_printed(a) and number_as_printed(a) == number_as_printed(b) and is_slip(_ratio(ma.value, mb.value), a, b):
        return False
    return _overlap(ma, mb)


def agree_plainly(a: Claim, b: Claim, ma: Measure, mb: Measure) -> bool:
    """Both figures can be true of one fact and neither is a bound far from the other: "at
    least 92" beside "almost 900" is consistent but says something else."""
    return consistent(a, b, ma, mb) and not _misleading_bound(a, b, ma, mb)


def number_as_printed(claim: Claim) -> str:
    """The number as printed, without its scale or unit: "38" in "more than $38 billion"."""
    m = re.search(r"\d[\d,.]*\d|\d", claim.quantity.surface)
    return m.group(0).replace(",", "") if m else ""


def _floor_then_more(a: Claim, b: Claim, ma: Measure, mb: Measure) -> bool:
    """"at least 90 cases" on the 21st, "124 cases" on the 26th: the later count is higher than
    the earlier floor. The two meet, but a reader needs the timeline, not "they agree"."""
    earlier, later, m_earlier, m_later = (a, b, ma, mb) if a.frame.as_of <= b.frame.as_of else (b, a, mb, ma)
    return earlier.quantity.bound == "lower" and m_later.value > m_earlier.value


STATE_TALLIES = frozenset({"missing"})  # how many are in a state now, not how many ever were


def _running(a: Claim, b: Claim, ma: Measure) -> bool:
    """A running tally, or the highest temperature read so far: a later reading may be higher.
    A record of another time ("the previous record of 38.7C") or a change does not run."""
    if a.frame.runs and b.frame.runs or "partial" in (a.frame.running, b.frame.running):
        return True  # a count under way meets the final one as an earlier reading of it
    return ma.dimension == "[temperature]" and not (a.frame.period or b.frame.period or a.frame.change or b.frame.change)


def _is_update(a: Claim, b: Claim, ma: Measure, mb: Measure) -> bool:
    """A running tally or temperature (see `_running`) that grew: the later report's figure is
    higher (a year is no tally); a count of those still in a state (missing, ships waiting) that
    changed either way."""
    if ma.dimension in DATED or not (_running(a, b, ma) and a.frame.as_of and b.frame.as_of) \
            or a.frame.as_of == b.frame.as_of:
        return False
    earlier, later = (ma, mb) if a.frame.as_of < b.frame.as_of else (mb, ma)
    # the missing are found, the displaced go home: such a count may fall as well as rise
    return later.value > earlier.value or a.frame.attribute == b.frame.attribute and a.frame.attribute in STATE_TALLIES \
        or a.frame.running == "state" == b.frame.running


def _recounted_copy(a: Claim, b: Claim, ma: Measure, mb: Measure) -> bool:
    """A wire report reprinted a day later with a higher count ("29 sites" on the 19th, "34
    sites" on the 20th): the agency updated its copy as the count grew. A later copy with a
    lower count, or a changed amount of change, is an altered figure."""
    if a.quantity.kind != "count" or b.quantity.kind != "count" or a.frame.change or b.frame.change \
            or not (a.frame.as_of and b.frame.as_of) or a.frame.as_of == b.frame.as_of:
        return False
    earlier, later = (ma, mb) if a.frame.as_of < b.frame.as_of else (mb, ma)
    return later.value > earlier.value


def _snapshots(a: Claim, b: Claim, ma: Measure) -> bool:
    """A share price, a temperature or a running tally moves through the day: where either
    report of one day is a snapshot ("in premarket trading", "by lunchtime", "at 3pm", "so
    far"), the two are two readings."""
    moving = ma.dimension == "[temperature]" or a.frame.attribute == b.frame.attribute == "stock" \
        or (a.frame.runs and b.frame.runs)
    return moving and a.frame.as_of == b.frame.as_of and bool(SNAPSHOT_RE.search(a.text) or SNAPSHOT_RE.search(b.text))


def _readings_of_one_day(a: Claim, b: Claim, ma: Measure, mb: Measure, ratio: float) -> bool:
    """Two outlets' figures of one day for a running tally or temperature (see `_running`),
    neither naming its day ("465 hurt", "761 hurt"), are two readings of a value that moves
    through the day, unless they print a slip: a known ratio (844 / 8,440) or the same digits in
    another order (95 / 59), as a mistyped figure does. A count for a closed period ("deaths last
    year") does not move."""
    if not (_running(a, b, ma) and a.frame.as_of and a.frame.as_of == b.frame.as_of) \
            or a.source == b.source or a.frame.period or b.frame.period or a.frame.day or b.frame.day:
        return False
    numbers = [printed_number(c) for c in (a, b)]
    if None in numbers:
        return False
    printed_a, printed_b = (f"{abs(n):g}".replace(".", "") for n in numbers)
    return not is_slip(ratio, a, b) and sorted(printed_a) != sorted(printed_b) and not _one_digit_replaced(printed_a, printed_b)


def _one_digit_replaced(x: str, y: str) -> bool:
    """"49.3" for "40.3": the same digits but one, and not the last, which a moving count or
    temperature changes as it is read again ("465" then "468"); a mistyped key, like digits
    swapped, is a slip rather than a reading."""
    return len(x) == len(y) and sum(p != q for p, q in zip(x, y)) == 1 and x[-1] == y[-1]


def _misleading_bound(a: Claim, b: Claim, ma: Measure, mb: Measure) -> str:
    """"up to 80,000" against 20,000 (overstated), "more than 40" against 1,900 (understated)."""
    for x, y, mx, my in ((a, b, ma, mb), (b, a, mb, ma)):
        if x.quantity.bound in ("upper", "lower") and y.quantity.bound in ("exact", "approx") and my.value:
            ratio = mx.value / my.value
            if x.quantity.bound == "upper" and ratio >= MISLEADING_BOUND:
                return "overstated-bound"
            if x.quantity.bound == "lower" and 0 < ratio <= 1 / MISLEADING_BOUND:
                return "understated-bound"
    return ""


def _overlap(ma: Measure, mb: Measure) -> bool:
    slack_a = SLACK * abs(ma.value)
    slack_b = SLACK * abs(mb.value)
    if ma.dimension in DATED or not _rounded_conversion(ma.unit, mb.unit):  # slack is for rounded conversions only
        slack_a = slack_b = 0.0
    return ma.low - slack_a <= mb.high + slack_b and mb.low - slack_b <= ma.high + slack_a


def _rounded_conversion(unit_a: str, unit_b: str) -> bool:
    """Is one unit converted to the other by a factor that is not whole? Miles to kilometres is
    rounded when printed ("1,100-km" = "680-mile"); metres to kilometres and months to years
    are not."""
    if unit_a == unit_b:
        return False
    try:
        factor = units.conversion(units.split_multiple(unit_a)[1]).factor / units.conversion(units.split_multiple(unit_b)[1]).factor
    except ReconcileError:
        return True
    if factor <= 0:
        return True
    whole = max(factor, 1 / factor)
    # a power of ten, or a whole multiple (12 months a year, 24 hours a day, 12 inches a foot),
    # converts exactly: "291 months" is not a rounded "25 years"
    return abs(whole - round(whole)) > 1e-9 * whole


def _ratio(x: float, y: float) -> float:
    x, y = abs(x), abs(y)
    if min(x, y) == 0:
        return math.inf if max(x, y) else 1.0
    return max(x, y) / min(x, y)


def is_slip(ratio: float, a: Claim | None = None, b: Claim | None = None) -> bool:
    """Is this ratio one of the known SLIPS (within RATIO_TOLERANCE)? Given the two claims, a
    slip between two units counts only when they print those units: 90% against 42.3% is 2.13x,
    near the pound/kilogram 2.2x, but no one confused pounds there."""
    return any(abs(ratio / slip - 1) <= RATIO_TOLERANCE and (confused is None or a is None or b is None or _printed(a, b, confused))
               for slip, _, _, confused in SLIPS)


def diagnose(a: Claim, b: Claim, ma: Measure, mb: Measure, ratio: float) -> tuple[str, str]:
    if ma.dimension in DATED:
        return "date-mismatch", ""
    if ma.dimension == "[time]" and a.quantity.kind == b.quantity.kind == "duration":
        if clock_digits(a) and clock_digits(a) == clock_digits(b):
            return "unit-confusion", "the same clocked digits with their units misplaced"  # "2hr 0.35sec" for 2:00:35
        return "duration-mismatch", ""
    if ma.dimension != mb.dimension and {a.quantity.kind, b.quantity.kind} == {"percent"}:
        return "percent-points", "percent and percentage points confused"
    same_number = printed_number(a) == printed_number(b) and a.quantity.unit != b.quantity.unit
    for slip_ratio, kind, why, confused in SLIPS:
        if confused is None and same_number and not _prefixes_of_one_unit(a.quantity.unit, b.quantity.unit):
            continue  # "6.39 ppm" for 6.39 per mille: the digits are right, the unit is the slip (TWh/GWh is a scale)
        if abs(ratio / slip_ratio - 1) <= RATIO_TOLERANCE and (confused is None or _printed(a, b, confused)):
            return kind, why
    if same_number:
        return "unit-confusion", "the same number printed with different units"
    return "value-mismatch", ""


SI_PREFIX_RE = re.compile(r"\b(?:tera|giga|mega|kilo|hecto|deca|deci|centi|milli|micro|nano)")


def _prefixes_of_one_unit(x: str | None, y: str | None) -> bool:
    """"terawatt_hour" and "gigawatt_hour", "kilometer" and "meter": one unit, two SI prefixes."""
    return bool(x and y) and SI_PREFIX_RE.sub("", x) == SI_PREFIX_RE.sub("", y)


def _printed(a: Claim, b: Claim, confused: frozenset[str]) -> bool:
    """Do the two figures print the two units a slip confuses, one each (as the measured unit
    or as the "per" of a rate)?"""
    parts = [tuple(p.strip() for p in units.split_multiple(c.quantity.unit or "dimensionless")[1].split("/")) for c in (a, b)]
    numerators = {parts[0][0], parts[1][0]}
    denominators = {p[1] if len(p) > 1 else "" for p in parts}
    return numerators == confused or denominators == confused


DIGIT_GROUP_RE = re.compile(r"\d+")
LETTER_RE = re.compile(r"[A-Za-z]")


def clock_digits(claim: Claim) -> tuple[int, ...]:
    """A duration's digit groups as printed, when it is clocked in three ("2:00:35", "2hr 0min
    35sec", and the slip "2hr 0.35sec" all print 2, 0, 35); () otherwise."""
    q = claim.quantity
    groups = tuple(int(g) for g in DIGIT_GROUP_RE.findall(q.surface)) if q.kind == "duration" else ()
    return groups if len(groups) >= 3 else ()


def _one_clocked_time(a: Claim, b: Claim) -> bool:
    """"2:01.25" and "2:01:25": one clocked time in two outlets' typography (the same digits,
    no unit words to misplace; "2hr 0.35sec" for 2:00:35 is a slip, see diagnose)."""
    return bool(clock_digits(a)) and clock_digits(a) == clock_digits(b) and not LETTER_RE.search(a.quantity.surface + b.quantity.surface)


def printed_number(claim: Claim) -> float | None:
    """The number as printed, in its unit's own scale; basis points as the points they are
    ("75bps" is 0.75, so "0.75%" for it is the percent-points slip)."""
    q = claim.quantity
    multiple, unit = units.split_multiple(q.unit or "")
    if q.value is not None and unit == "basis_point":
        return round(q.value / 100, 6)
    return round(q.value / multiple, 6) if q.value is not None else None


def _severity(kind: str, ratio: float, ma: Measure, mb: Measure) -> str:
    ratio = round(ratio, 9)  # one figure restated with another scale word lands on one side of 1.1
    if kind in ("overstated-bound", "understated-bound"):
        return "medium"
    if kind in ("unit-confusion", "scale-confusion", "rate-confusion", "altered-copy", "percent-points") or ratio >= 1.5:
        return "high"
    return "medium" if ratio >= 1.1 or kind == "date-mismatch" else "low"


def display_unit(ma: Measure, mb: Measure) -> str:
    if ma.dimension in DATED:
        return ma.unit
    return units.split_multiple(mb.unit)[1]  # the second source's unit, as the reference


def _shown(base_value: float, m: Measure, unit: str) -> float:
    if m.dimension in DATED:
        return base_value
    return units.from_base(base_value, unit)


def explain(a: Claim, b: Claim, ma: Measure, mb: Measure, unit: str, agree: bool, ratio: float, why: str) -> str:
    """"1.6 billion cubic feet per day = 16.5 billion m³/year vs up to 12.4 ...: 33% higher"."""
    if ma.dimension != mb.dimension and not agree:  # "3 percentage points" / "3 percent": no conversion between them
        text = f"{a.quantity.surface} vs {b.quantity.surface}"
        return f"{text} ({why})" if why else text
    left, right = _side(a, ma, unit), _side(b, mb, unit)
    if ma.dimension in DATED:
        left = f"{a.quantity.surface} → {dated_span(ma)}"
        right = f"{b.quantity.surface} → {dated_span(mb)}"
    if agree and why:  # an update: "52 people (Tuesday) then 40 ...": in time order, else the lower first
        in_order = a.frame.as_of < b.frame.as_of if a.frame.as_of and b.frame.as_of and a.frame.as_of != b.frame.as_of \
            else ma.value <= mb.value
        return f"{left} then {right}: {why}" if in_order else f"{right} then {left}: {why}"
    if agree:
        return f"{left} ≈ {right}: agree within the precision printed"
    if ma.dimension == CALENDAR_PERIOD:
        difference = "different years" if math.floor(ma.low) != math.floor(mb.low) else "different parts of the year"
    elif ma.dimension == EVENT_YEAR:
        difference = f"{abs(ma.value - mb.value):.0f} years apart"
    elif ma.dimension == EVENT_DAY:
        difference = f"{abs(ma.value - mb.value):.0f} days apart"
    else:
        difference = _difference(ma.value, mb.value)
    text = f"{left} vs {right}: {difference}"
    return f"{text} ({why})" if why else text


def _side(claim: Claim, m: Measure, unit: str) -> str:
    """A figure as printed, and as read only when that says something new (another unit, or a
    number printed in words: "hundreds of people = at least 200 people"):
    "1.6 billion cubic feet per day = 16.5 billion m³/year", but "400 people", not "400 people = 400 people"."""
    surface = claim.quantity.surface
    shown = _bounded(claim, m, unit)
    number = re.search(r"\d[\d,.]*", shown)
    if units.split_multiple(m.unit)[1] == unit and number and number.group().rstrip(".,") in surface:
        return surface  # printed in the fact's unit, in digits: the reading says nothing new
    return surface if shown.lower() == surface.lower() else f"{surface} = {shown}"


def _difference(x: float, y: float) -> str:
    """How the first figure stands to the second, in words: "33% higher", "38% lower", "23.1x"."""
    if y == 0 or x == 0:
        return "one figure is zero"
    ratio = _ratio(x, y)
    if ratio >= 2:
        return f"{ratio:,.0f}x" if ratio >= 100 else f"{ratio:.3g}x"  # "1,000x", not "1e+03x"
    change = (x - y) / abs(y)
    return f"{abs(change):.0%} {'higher' if change > 0 else 'lower'}"


def _bounded(claim: Claim, m: Measure, unit: str) -> str:
    shown = format_value(_shown(m.value, m, unit), unit, claim.quantity.thing)
    prefix = {"upper": "at most ", "lower": "at least ", "approx": "about ", "vague": "at least "}
    return prefix.get(claim.quantity.bound, "") + shown


def dated_span(m: Measure) -> str:
    """An event year as "last in 2012" (see year_span), a calendar period as "H2 2008", an
    event's day as "on 2013-07-06"."""
    if m.dimension == EVENT_DAY:
        return f"on {date.fromordinal(int(m.value)).isoformat()}"
    if m.dimension != CALENDAR_PERIOD:
        return f"last in {year_span(m)}"
    year = math.floor(m.low)
    length = m.high + PERIOD_EDGE - m.low
    part = "H" if length > 0.3 else "Q"
    return f"{part}{round((m.low - year) / length) + 1} {year}"


def year_span(m: Measure) -> str:
    """The years an event-year interval allows: "2012" or "2011–2012"."""
    if not math.isfinite(m.low):
        return f"by {int(m.high)}" if math.isfinite(m.high) else "some year"
    if not math.isfinite(m.high):
        return f"{int(m.low)} or later"
    low, high = int(m.low), int(m.high)
    return str(high) if low == high else f"{low}–{high}"


TIME_WORDS = frozenset("second minute hour day week month year decade century".split())


def format_value(value: float, unit: str, thing: str | None = None) -> str:
    """Readable figure and unit: 1.65e10 cubic_meter / year -> "16.5 billion m³/year";
    counts name their thing: 1200 count / day -> "1,200 passengers/day"."""
    magnitude = abs(value)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if magnitude >= scale:
            number = f"{value / scale:,.3g} {word}"
            break
    else:
        number = f"{value:,.0f}" if magnitude >= 1000 else f"{value:,.3g}"
    unit_text = units.short_unit(unit)
    if unit_text in TIME_WORDS and value != 1:
        unit_text += "s"  # "9 years", not "9 year"
    if unit.startswith("count"):
        unit_text = unit_text.replace("count", thing or "", 1).strip()
    if unit in ("USD", "EUR", "GBP"):
        return {"USD": "$", "EUR": "€", "GBP": "£"}[unit] + number
    return f"{number} {unit_text}" if unit_text not in ("", "dimensionless") else number
