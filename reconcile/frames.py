"""Frames: what a figure is about, read from the words tied to it.

A claim's frame is (subject, attribute, part, period, modality, change, as-of), in the spirit
of the (entity, quantity, context) facts of quantity search (Qsearch, Ho et al. 2019) and the
"concept" of CQE (Almasian et al. 2023). Two figures can only state one fact when their frames
are compatible (`compatible`); word similarity may rank candidates, never override a conflict.

Every part of the frame is read from the figure's own slot (the words between the nearest
comma, semicolon, dash, bracket or conjunction on either side) or from the words grammatically
next to it, never from cue words elsewhere in the sentence:
- attribute: "60 metres *wide*", "*burned* 12,000 acres", "a *budget* of $41bn",
  "40 people were *killed*", "61% *of the vote*", "a 400-metre *ship*" (its length);
- subject: a name tied to the figure ("*Trump's* 232", "the *Cedar Flat* fire has ...",
  "turnout *in Ohio*"); an unnamed figure ("the blaze", "it") is the story's thing;
- part: "the city's *share* of", "a 40-km *section*", "3,000 children *among*", "*31 of* the";
- period: "*last year's* budget", "*in 2019*", "the *previous* record";
- change: "*rose by* 3%", "*fell* 12%" (an amount of change, not a level), "150,000 *more*";
- as-of: the article's date moved by "on Tuesday", "yesterday", "a week ago".
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .words import CHANGE_BEFORE_FROM, CHANGE_OBJECT_FROM, IRREGULAR_PAST, stem

if TYPE_CHECKING:
    from .models import Quantity



# Attribute classes: news wordings of one measured attribute share a class. Keys are Snowball
# stems. A word outside these classes is its own attribute (its stem).
ATTRIBUTE_WORDS: dict[str, tuple[str, ...]] = {
    "killed": ("kill", "dead", "die", "death", "toll", "fatal", "fatality", "perish", "lives", "life", "bodi", "body"),
    "injured": ("injur", "injuri", "wound", "hurt", "casualti", "medic", "treat"),
    "missing": ("miss", "unaccount"),
    "hospitalized": ("hospit", "hospitalis", "hospitaliz", "admit"),
    "displaced": ("displac", "evacu", "homeless", "flee", "fled", "relocat", "shelter", "leav"),
    "rescued": ("rescu", "save", "saved", "pull", "pulled"),
    "arrested": ("arrest", "detain", "custodi"),
    "destroyed": ("destroy", "damag", "collaps", "flatten", "raze"),
    "area": ("burn", "burnt", "scorch", "char", "consum", "area", "cover", "span"),
    "cost": ("cost", "price", "worth", "valu", "budget", "spend", "spent", "expenditur", "bill"),
    "revenue": ("revenu", "sale", "turnov"),
    "profit": ("profit", "net", "incom", "earn", "eps"),
    "loss": ("loss", "lost"),
    "fine": ("fine", "penalti", "penalty", "sanction", "punish"),
    "damages": ("damages", "compens", "settlement", "settl", "award", "payout"),
    "capacity": ("capac", "transport", "carri", "carry", "flow", "pump", "handl", "throughput", "move"),
    "output": ("produc", "product", "output", "generat", "yield"),
    "length": ("long", "length", "stretch", "extend", "run", "distanc"),
    "width": ("wide", "width", "broad", "breadth", "across", "beam"),
    "height": ("tall", "high", "height", "altitud", "elev"),
    "depth": ("deep", "depth"),
    "weight": ("weigh", "weight", "mass", "heavi"),
    "age": ("age", "old", "aged"),
    "speed": ("speed", "fast", "veloc", "gust", "wind", "sustain"),
    "temperature": ("temperatur",),
    "rainfall": ("rain", "rainfal", "precipit", "snow", "snowfal"),
    "turnout": ("turnout", "vote", "ballot", "cast", "particip"),
    "population": ("popul", "resid", "inhabit", "headcount"),
    "investment": ("invest",),
    "trade": ("trade", "export", "import"),
    "jobs": ("job", "employ", "worker", "staff", "hire", "layoff", "redund"),
    "duration": ("durat", "lease", "contract", "term", "sentenc", "prison", "jail"),
    "attendance": ("attend", "crowd", "spectat"),
    "cases": ("case", "infect", "test", "posit", "sicken"),
    "doses": ("dose", "vaccin", "jab", "inocul"),
    "supplied": ("provid", "suppli", "deliv", "donat", "sent", "send", "gave", "given", "receiv"),
    "purchase": ("buy", "bought", "purchas", "procur", "order", "acquir"),
    "growth": ("growth",),
    "rate": ("rate",),
    "share": ("share", "stake", "percentag", "proport", "market"),
    "stock": ("stock", "shares"),
    "margin": ("lead", "margin"),  # "a lead of 290 seats", "a margin of 12 votes": how far ahead (and see MAJORITY_AFTER_RE)
}
_CLASS_OF = {s: name for name, stems in ATTRIBUTE_WORDS.items() for s in stems}

# Words that say nothing about what is measured: "a figure of", "the total", "an estimated".
GENERIC_WORDS = frozenset("""figur number total amount sum estim level count tall record about around
    some nearly almost roughli approxim least most more less fewer than over under just up only
    mere whop staggering record-break new latest the a an this that these those its their his her our
    also now still yet further anoth other there here it they he she we some to of at by in on for
    from with as is are was were be been being has have had stood stand stand reach hit amount came
    total numb put which who whom whose and or but around some peopl person
    confirm report identifi verifi announc publish releas includ compris contain involv""".split())  # verbs of reporting ("confirmed cases" are cases) and of listing ("included 61 Americans" names no event)
LINK_WORDS = frozenset("""of at to by is are was were be been being stood stands standing reached hit
    after for within during later back from since until
    recorded logged registered measured posted reported showed saw set touched topped peaked reach hitting
    stayed stays remained remains remain stay hovered sits sat
    totalled totaled totaling totalling came amounted numbered put as has have had""".split())
HEDGE_TOKENS = frozenset("""record new all-time combined staggering whopping about around some roughly nearly almost approximately an estimated estimate
    at least most more less fewer than over under just up to as many much high low close a the
    only mere some over below above upwards in excess of exceeding no not""".split())
_LINKS_AND_HEDGES = LINK_WORDS | HEDGE_TOKENS  # unions made once, not per word
MODALS = frozenset("will would shall should could might must".split())  # "will earn $5m": no target
_NOT_RATE_OF = _LINKS_AND_HEDGES | GENERIC_WORDS | MODALS
CHANGE_UP = ("rise", "rose", "risen", "increas", "grow", "grew", "grown", "jump", "surg", "soar", "climb",
             "gain", "rebound", "up", "ad", "boost", "doubl", "swell", "swollen", "hike", "expand", "strengthen", "appreci",
             "improv", "lengthen", "widen", "deepen", "bump",  # "earnings per share improved 10% to 6.20p", "the workweek lengthened to 34.4 hours"
             "zoom", "leap", "leapt", "spik", "skyrocket")  # "revenue zoomed 22.45%", "prices spiked 8%"
CHANGE_DOWN = ("fall", "fell", "fallen", "decreas", "declin", "drop", "slip", "dip", "slid", "slide",
               "tumbl", "plung", "eas", "shed", "sank", "sink", "shrank", "shrink", "shrunk", "cut",
               "lost", "loss", "lose", "losing", "down", "lower", "reduc", "slump", "contract", "weaken", "depreci", "shorten",
               "plummet", "slash", "eras", "sag", "skid", "nosediv")  # "erasing 9 per cent", "shares plummeted 40%"
PART_WORDS = frozenset("""section segment stretch portion part share phase leg tranche instal installment
    instalment half third quarter fraction""".split())
RELATIVE_PERIODS = (
    (re.compile(r"\blast\s+(?:year|season|quarter|month|week)['’]?s?\b(?!\s+of\b)|\bprevious\s+(?:year|season|quarter)\b", re.I), "last-period"),
    # not "€45m a year before tax": a rate, then the tax it is counted before
    (re.compile(r"\b(?:a|one|the)\s+(?:year|quarter|month)\s+(?:earlier|before(?![\s-]+tax)|ago)\b|\byear[\s-]+(?:earlier|ago)\b", re.I), "year-earlier"),
    (re.compile(r"\b(?:previous|prior|former|old|earlier|preceding)\s+(?:[\w\-]+(?:['’]s)?\s+)?(?:record|high|low|peak|best|mark|figure|estimate|forecast|total|toll|count|close|level|reading|session|price)\b", re.I), "previous"),
    (re.compile(r"\b(?:previously|formerly|last\s+time)\b", re.I), "previous"),
    (re.compile(r"\b(?:prior|preceding)\s+(?:financial\s+|fiscal\s+)?(?:year|quarter|period|month|season|half)\b", re.I), "last-period"),
    (re.compile(r"\b(?:pre-pandemic|pre-crisis|pre-war)\b", re.I), "previous"),
)
PERIOD_CUES = ("last", "pre", "earlier", "before", "ago", "prior", "former", "old")  # keep in step with RELATIVE_PERIODS
# (?=[a-z]) after \b: a word's end is passed over at once, not tried against every alternative
FUTURE_RE = re.compile(
    r"\b(?=[a-z])(?:will|would|shall|plans?|planned|planning|intends?|aims?|aiming|expects?|expected|forecasts?|"
    r"forecast|projected|projections?|predicts?|predicted|predicting|anticipated?|anticipates|likely(?!\s+[a-z]+ed\b)|looked\s+for|"
    r"targets?(?![\s-]+(?:range|rate|band))|targeted|goal|set\s+to|going\s+to|scheduled|proposed|on\s+track\s+(?:to|for)|exit\s+polls?|"
    r"pledged?|promised?|could|(?-i:may)|might|hopes?|seeks?|budgeted|should|designed\s+to|meant\s+to|due\s+to|"
    r"(?:is|are)\s+to|to\s+be|estimates?\s+(?:that\s+)?(?:it\s+)?will)\b",
    re.I,
)
# what is settled once and then holds, so its future tense restates it: a price, a fine, a term
DECIDED_CLASSES = frozenset({"cost", "fine", "damages", "duration", "purchase", "supplied"})
# a bare future says the figure is not yet, not that it is a plan's: "will spend 25 years in
# prison" is the sentence handed down; "plans to spend $5bn", "a target of 40%" are plans, and
# "could reach 43C" a forecast
# "the Fed said it would raise rates by 0.75 percent": a decision reported, as "raised" is, not a forecast
REPORTED_DECISION_RE = re.compile(r"\b(?:said|announced|decided|agreed)\s+(?:that\s+)?(?:it|they|the\s+[a-z]+)\s+would\s+[a-z]+\s+(?:[a-z]+\s+){0,4}(?:by|to)\s+$", re.I)
MODAL_ONLY_RE = re.compile(r"will|would|shall|going\s+to|(?:is|are)\s+to|to\s+be", re.I)
OFF_AFTER_RE = re.compile(r"\s+off\b(?!\s+(?:to|on|at|from|for|with|and|or)\b)", re.I)
# the present perfect before a figure reports a total up to now; "so far", "to date" say so outright
HEDGE_BEFORE = r"(?:(?:about|around|nearly|almost|some|roughly|over|more\s+than|at\s+least)\s+)?$"  # a verb's hedged figure
RUNNING_BEFORE_RE = re.compile(r"\b(?:has|have|had)\s+(?:now\s+|already\s+|so\s+far\s+)?(?:been\s+)?[a-z]{3,}(?:ed|en|t)\s+" + HEDGE_BEFORE, re.I)
RUNNING_AFTER_RE = re.compile(r"^\s+(?:[a-z\-]+\s+){0,3}?(?:has|have|had)\s+(?:now\s+|already\s+|so\s+far\s+)?(?:been\s+)?[a-z]{3,}(?:ed|en|t)\b", re.I)
# a count of things in a state at the time: the progressive ("were waiting"), or "remain" + a state
STATE_AFTER_RE = re.compile(r"^\s+(?:[a-z\-]+\s+){0,2}?(?:(?:are|were|is|was)\s+(?:still\s+)?(?!being\b)[a-z]{3,}ing\b|remain(?:s|ed)?\s+[a-z]+)", re.I)
# a count under way: "with 648 of the 650 seats declared", "once 649 of the 650 results were in",
# "with almost every seat counted", "with 95% of precincts reporting", "as things stand"
PARTIAL_COUNT_RE = re.compile(
    r"\b(?:with|once|after|by\s+the\s+time|when)\s+(?:only\s+|just\s+)?(?:\d[\d,]*\s*(?:%|per\s*cent|percent)?\s+(?:out\s+)?of|"
    r"(?:almost|nearly|virtually)\s+(?:all|every)|most\s+of|all\s+but)\b[^.;]{0,80}?\b(?:declared|counted|reporting|reported|"
    r"allocated|tallied|in)\b|\bas\s+things\s+stand\b|\bas\s+we\s+write\b|\bat\s+the\s+time\s+of\s+writing\b"
    r"|\b(?:still|yet|left)\s+to\s+(?:be\s+)?(?:declare|declared|count|counted|report)\b", re.I)
# a clause opened by a demonstrative noun phrase, "that mission's total cost", "this company"
# (not a time: "this year", "that day")
DEMONSTRATIVE_SUBJECT_RE = re.compile(
    r"(?:[;:]|\b(?:and|but|while|whereas))\s*(?:that|this)\s+(?!(?:is|was|year|week|month|day|time|morning|afternoon|evening|night"
    r"|season|quarter|summer|winter|spring|autumn|fall)\b)[a-z\-]+(?:['’]s)?\s[^;:]*$", re.I)
ESTIMATE_AT_RE = re.compile(
    r"\b(?:puts?|putting|pegs?|pegged|pegging|places?|placed|placing|estimates?|estimated|estimating|values?|valued|valuing)"
    r"\s+(?P<what>the\s+[^,;:]{0,60}?)\s+at\s+(?:(?:about|around|roughly|nearly|almost|some|just|only|more\s+than|less\s+than"
    r"|over|under|up\s+to)\s+)?$", re.I)
# a figure inside a clause that picks out some of the story's things: "(in seats) where it took
# more than 50%", "in areas where turnout topped 70%"
WHERE_CLAUSE_RE = re.compile(r"(?:^|[;:]\s*|[^,;:\s]\s+)where\s+[^,;:.]*$", re.I)  # not ", where": a place described
# "rose 1.7% in June and is 13.7% above", "jumped 7.5% in the month and stood 41.6% above": a
# second verb with no subject of its own (not "and gasoline 59.9%": a new subject, its verb gapped)
ELIDED_SUBJECT_GAP_RE = re.compile(
    r"(?:\s+(?:in|on|over|for|from|during|since|to)\s+(?:the\s+|a\s+)?[\w\-]+(?:\s+[\w\-]+)?)?\s*,?\s+(?:and|but|yet)\s+"
    r"(?:(?:has|have|had)\s+(?:been\s+)?|(?:now|still|also)\s+)?(?P<verb>[a-z]+)"
    r"(?:\s+(?:up|down|higher|lower|by|at|to|about|around|nearly|almost|some|roughly|more\s+than|over|under|just|only))*\s+", re.I)
COPULAS = frozenset("is are was were stood stands stand remained remains remain sits sat".split())
SHARED_OBJECT_GAP_RE = re.compile(r"\s+on\s+(?:(?:just|only|about|around|nearly|almost|some|more\s+than|over|under)\s+)?")
# a sentence whose subject is set apart from the story's own thing: "A broader jobless measure
# ... climbed to 9.4 percent", "A separate survey put it at 12%"
OTHER_THING_RE = re.compile(r"\W*(?:an?|the)\s+(?:broader|wider|narrower|separate|alternative|different)\s+[a-z]", re.I)
MAJORITY_AFTER_RE = re.compile(r"\s*(?:seats?\s+|votes?\s+|overall\s+|working\s+)?majority\b", re.I)
MAJORITY_BEFORE_RE = re.compile(r"\bmajority\b(?!\s+of\s+(?:the\s+|its\s+|their\s+)?[a-z])[^,;.]{0,25}$", re.I)
# a poll or forecast the sentence gives its figures by: "According to the exit poll", "The
# latest forecasts have", "The unofficial poll gives": forecasts, whatever the verb's tense
FORECAST_SOURCE_RE = re.compile(
    r"\b(?:according\s+to\s+(?:the\s+)?(?:[a-z]+\s+)?(?:polls?|forecasts?|projections?|surveys?)\b"
    r"|(?:polls?|forecasts?|projections?|surveys?)\s+(?:have\s+|has\s+)?(?:gives?|gave|has|have|had|shows?|showed|shown|suggests?|suggested|puts?|predicts?|predicted"
    r"|points?\s+to|pointed\s+to|indicates?|indicated|finds?|found)\b)", re.I)  # "Surveys have found that 70% of Catalans want a vote"
# what analysts expected, in the figure's own slot: "the consensus was $0.03", "FactSet's poll of
# analysts had pointed to sales of $5.15 billion", "beating estimates of 2 cents" (not after the
# figure: "$6.04bn, above estimates" is the outturn)
ESTIMATE_BEFORE_RE = re.compile(r"\b(?:consensus|estimates?|expectations|poll(?:ed)?\s+(?:of\s+)?analysts|analysts\s+polled"
                                r"|pencil+ed\s+in|had\s+pointed\s+to)\b[^,;:]*$", re.I)
# "over the 5.7 per cent estimate", "the $5.37 billion consensus": a figure named as a forecast
ESTIMATE_AFTER_RE = re.compile(r"\s*(?:(?:consensus|analysts['’]?|economists['’]?|median|average|mean)\s+)?"
                               r"(?:estimates?|forecasts?|projections?|expectations?|predictions?|consensus)\b", re.I)
SO_FAR_RE = re.compile(r"\b(?:so\s+far|to\s+date|thus\s+far)\b", re.I)
SLOT_BREAK_RE = re.compile(r"[,;:—–()\[\]]|\s[-–]\s|\s(?:and|while|but|whereas|or|as|compared\s+with|versus|vs\.?|against)\s")
NAME_RE = re.compile(r"[A-Z][\w’'\-.&]*(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w’'\-.&]*)*")
POSSESSIVE_RE = re.compile(r"['’]s?\s*$")
# verbs of saying, as data: a name before one is a speaker, not the subject ("X said", "Azernews
# reports that"); present forms too, since wire copy and datelined rewrites use them
ATTRIBUTION_VERBS = """said says told tells reported reports announced announces added adds stated noted
    estimated estimates confirmed confirms according counted recorded showed shows listed tallied put
    claimed claims insisted insists argued argues wrote writes warned warns explained explains clarified
    acknowledged acknowledges suggested suggests testified testifies knows knew""".split()


def _by_first_letter(words: list[str]) -> str:
    """The words as one alternation grouped by first letter, each group in the words' order:
    under re.I Python enters every alternative to compare its first letter, so a group is tried
    instead of each of its words (where a word's end must follow, at most one word can match)."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


ATTRIBUTION_AFTER_RE = re.compile(r"^\W{0,3}(?:\s*\w+){0,2}?\s*\b(?:" + _by_first_letter(ATTRIBUTION_VERBS) + r")\b", re.I)
ATTRIBUTION_BEFORE_FIGURE_RE = re.compile(r"\b(?:" + _by_first_letter(ATTRIBUTION_VERBS) + r")\s+" + HEDGE_BEFORE, re.I)
ATTRIBUTION_BEFORE_RE = re.compile(r"\b(?:according\s+to|told|by)\s*(?:the\s+)?$", re.I)
NOT_NAMES = frozenset("""the a an this that these those it its in on at by for from of to and but or as with
    he she they we i you his her their our there here when while after before during since until
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    mr mrs ms dr sir officials authorities police president prime minister
    covid-19 covid us$ c$ a$ hk$ nz$ s$ r$ usd eur gbp
    gaap ifrs eps ebitda ebit""".split())  # accounting measures' acronyms name a measure, not whose it is ("GAAP profit", "adjusted EPS")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_RE = re.compile(  # (?=[…]): every match's first letter, see FUTURE_RE
    r"(?=[abeflmostuwy])(?:\b(?:(?:on|by|since|as\s+of|until|through|late|early)\s+)?(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?P<yesterday>yesterday)\b|\b(?P<week>a\s+week\s+ago|last\s+week)\b)",
    re.I,
)
TALLY_ATTRIBUTES = frozenset({"killed", "injured", "missing", "displaced", "rescued", "arrested",
                              "destroyed", "cases", "doses", "hospitalized"})
PERSON_NOUNS = frozenset("""people persons person individuals residents inhabitants citizens evacuees
    villagers locals claimants victims passengers casualties patients""".split())
NEED_VERBS = frozenset("needed need sought seek received receive required require got".split())
# a snapshot of a value that moves through the day: a share price before the open or in early
# trading, a temperature by lunchtime or at 3pm, a toll "so far"; another reading that day is no
# contradiction
SNAPSHOT_RE = re.compile(
    r"\b(?:pre-?market|before\s+the\s+(?:market|bell|opening|open)\b|in\s+(?:early|late|morning|afternoon|midday|lunchtime)\s+trad|"
    r"early\s+trad|intraday|by\s+(?:lunchtime|midday|noon|mid-?afternoon|the\s+afternoon)|at\s+\d{1,2}(?::\d\d|\.\d\d)?\s*[ap]\.?m\b|"
    r"earlier\s+in\s+the\s+day|so\s+far|by\s+(?:the\s+)?(?:morning|afternoon|evening|nightfall|midnight)|"
    r"after[\s\-]+hours|extended\s+trad|(?-i:\bAH\b)|at\s+the\s+(?:open|opening|close|closing\s+bell))", re.I)
PEOPLE_ATTRIBUTES = frozenset({"killed", "injured", "missing", "displaced", "rescued", "arrested"})
_PEOPLE_OR_POPULATION = PEOPLE_ATTRIBUTES | {"population"}  # unions made once, not per word


@dataclass(frozen=True, slots=True)
class Frame:
    """What a figure is about. Empty strings mean "not said"; see `compatible`.

    subject: the name tied to the figure, lower case ("cedar flat fire"), "" for the story's thing
    attribute: the measured attribute class or word stem ("area", "width", "killed", "turnout")
    part: "" for the whole, else the part word ("share", "section", "among")
    period: "" for the story's present, else "year-2019", "last-period", "year-earlier", "previous"
        (an earlier value compared with; "previous-year-2014" when it names its year or month),
        "reference" (a mark the figure is measured against: "above the 2% target")
    modality: "planned" (plans, target, forecast, could), "modal" (only a bare future, will or
        would, of a settled figure: a price, fine, term), "actual" (a past tense tied to it) or ""
        (neither); "modal" meets both planned and actual
    change: "" for a level, "up"/"down" for an amount of change, "increment" for "more"
    day: a weekday, "yesterday" or "week-ago" that moves the as-of date back from the article's
    as_of: ISO date, set once the article's date is known ("" when it is not)
    head: the noun phrase an adjectival figure modifies ("gas pipeline")
    target: what money goes to or a measure is of ("defence" in "$14bn into defence")
    running: "so-far" when the figure's words give it as a total up to now, "state" when it counts
        what is in a state at the time ("300 ships were waiting"; see runs), "partial" when its
        sentence says the count is still under way ("with 648 of 650 seats declared"), else ""
    actor: who made a change, as stems of the common noun phrase before its verb ("privat busi"
        in "Private businesses added 237,000 jobs"), "" when unsaid or only a name or attribute
        word; actors that share no word are two parts (see align.agree_only)
    horizon: what a change is measured over, "month", "quarter" or "year" ("1.3% on the month",
        "9.1% from a year earlier", "annual growth of 2.5%"), "" when unsaid; two horizons are
        two facts (a monthly and an annual rate of one index)
    """

    subject: str = ""
    attribute: str = ""
    part: str = ""
    period: str = ""
    modality: str = ""
    change: str = ""
    day: str = ""
    as_of: str = ""
    head: str = ""
    target: str = ""
    running: str = ""
    actor: str = ""
    horizon: str = ""

    @property
    def tally(self) -> bool:
        """A running count (a toll, evacuees, cases) is compared by its as-of time."""
        return self.attribute in TALLY_ATTRIBUTES

    @property
    def runs(self) -> bool:
        """A running count, or any total its words give as one up to now ("has burned 12,000
        acres", "counted so far"): a later report may give more."""
        return self.tally or bool(self.running)

    def label(self, thing: str | None = None, text: str = "") -> str:
        """'Cedar Flat: area', 'deaths (people)': how the report and `check` name a fact. An
        attribute outside the classes is a word stem ("welcom"): shown as `text` prints it."""
        what = ATTRIBUTE_NAMES.get(self.attribute) or printed_word(self.attribute, text) or "figure"
        if thing and thing not in what:
            what = f"{what} ({thing})" if self.attribute else thing
        if self.change:
            what = {"up": f"rise in {what}", "down": f"fall in {what}", "increment": f"more {what}"}.get(self.change, what)
        if self.part:
            what = f"{what} ({self.part})"
        if self.period == "later":
            what = f"{what} to come"  # "will be 57 years old when released"
        elif self.period:
            what = f"{what}, {self.period.replace('year-', '').replace('-', ' ')}"
        if self.modality in ("planned", "proposed"):
            what = f"{self.modality} {what}"
        subject = self.subject.title() if self.subject else (self.head.rsplit(" ", 1)[-1] if self.head else "")
        return f"{subject}: {what}" if subject else what


LETTERS_RE = re.compile(r"[A-Za-z]+")


def printed_word(word_stem: str, text: str) -> str:
    """The first word of `text` whose Snowball stem is `word_stem` ("welcomed" for "welcom");
    the stem itself when none is, with hyphens as spaces."""
    if word_stem in ATTRIBUTE_WORDS:
        return word_stem
    for word in LETTERS_RE.findall(text):
        if stem(word.lower()) == word_stem:
            return word.lower()
    return word_stem.replace("-", " ")


ATTRIBUTE_NAMES = {"killed": "deaths", "displaced": "people displaced", "area": "area", "stock": "share price",
                   "share": "share", "jobs": "jobs", "cases": "cases", "doses": "doses"}


def compatible(a: Frame, b: Frame) -> bool:
    """Can these two frames describe one fact? Both attributes, parts, periods, changes and
    modalities must match where both are said; subjects must share a word or one be unnamed.
    An unsaid attribute is compatible (the aligner then needs word evidence instead)."""
    if a.attribute and b.attribute and a.attribute != b.attribute:
        return False
    if a.part != b.part or a.change != b.change and not _one_difference(a.change, b.change):
        return False
    if a.modality and b.modality and a.modality != b.modality and "modal" not in (a.modality, b.modality) \
            or (a.modality == "proposed") != (b.modality == "proposed"):
        return False  # what was asked for is another fact than what was given, whether or not it is said
    if a.period != b.period and not _same_period(a, b):
        return False
    if a.subject and b.subject and not same_subject(a.subject, b.subject):
        return False
    if a.target and b.target and a.target != b.target or a.horizon and b.horizon and a.horizon != b.horizon:
        return False
    return not _moves_on_other_days(a, b)


def _one_difference(x: str, y: str) -> bool:
    """A difference of unsaid direction ("broke the record by 34 seconds") may be one with its
    direction said ("took 34 seconds off the record", "34 seconds faster")."""
    return {x, y} in ({"margin", "margin-up"}, {"margin", "margin-down"})


def _moves_on_other_days(a: Frame, b: Frame) -> bool:
    """"Shares fell 6% on Tuesday" and "fell 2.6% on Monday": amounts of change on different
    days, one of them named by its sentence. A change with its own period ("shrank by 2 million
    in 2023") is dated by that period, not by the day it was announced."""
    if a.tally and a.change in ("increment", "margin-up", "margin-down") and a.as_of and b.as_of and a.as_of != b.as_of:
        return True  # a tally's "22 more than Tuesday's update" on the 28th, "34 more than last week" on the 25th
    if a.attribute == b.attribute == "stock" and not (a.change or b.change) and a.as_of and b.as_of and a.as_of != b.as_of:
        return True  # a share price read on two days ("$44.30 in early trading" on the 13th, "closed at $46.83" the day before)
    return (a.change in ("up", "down") and bool(a.as_of and b.as_of) and a.as_of != b.as_of
            and not a.tally and not (a.period or b.period) and bool(a.day or b.day))


def same_subject(x: str, y: str) -> bool:
    """Names of one thing: a shared word ("Compaq" / "Compaq Computer Corp"), or an acronym
    of the other's words ("HP" / "Hewlett-Packard Co"). Names that end in one word but differ
    before it name two of a kind ("Lea County" / "Ector County", "Joe Biden" / "Jill Biden"),
    unless one is the other's short form ("Sam" / "Samuel Bankman-Fried")."""
    if " & " in x or " & " in y:  # "texas & new mexico" together are neither one alone
        parts_x, parts_y = x.split(" & "), y.split(" & ")
        return len(parts_x) == len(parts_y) and all(any(same_subject(p, q) for q in parts_y) for p in parts_x)
    words_x, words_y = _unabbreviated(x).split(), _unabbreviated(y).split()
    if shared := set(words_x) & set(words_y):
        rest_x, rest_y = set(words_x) - shared, set(words_y) - shared
        # "Lea County" / "Ector County", and family names said first: "Lee Kang-kuk" / "Lee Jeong-min"
        two_of_a_kind = (words_x[-1] == words_y[-1] or words_x[0] == words_y[0]) and rest_x and rest_y \
            and not any(u.startswith(v) or v.startswith(u) for u in rest_x for v in rest_y)
        return not two_of_a_kind
    return _acronym_of(x, y) or _acronym_of(y, x)


WORD_BREAK_RE = re.compile(r"[\s\-]+")
NAME_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}  # "Paris St-Germain" / "Paris Saint-Germain"
ABBREVIATED_RE = re.compile(r"\b(st|ste|mt|ft)\.?(?=[\s\-]|$)")


def _unabbreviated(name: str) -> str:
    """A lower-case name with its place-name abbreviations spelled out ("st-germain" -> "saint-germain")."""
    return ABBREVIATED_RE.sub(lambda m: NAME_ABBREVIATIONS[m.group(1)], name) if "t" in name else name


def _acronym_of(short: str, long: str) -> bool:
    initials = "".join(w[0] for w in WORD_BREAK_RE.split(long) if w)
    # "EDS" / "Electronic Data Systems", and its short form "Electronic Data"
    return 2 <= len(short) <= 5 and " " not in short and len(initials) >= 2 and (initials.startswith(short) or short.startswith(initials))


def _present_of(a: Frame, b: Frame) -> str:
    """The as-of date of the frame that names no period, when the other's year is a measured
    period (an attribute said, not an age or a length) whose distance from it matters; else ""
    ("paid $19 billion for Compaq in 2002": a year dating a one-off event says nothing of it)."""
    dated, plain = (a, b) if a.period else (b, a)
    if not dated.attribute or dated.attribute in STATIC_ATTRIBUTES or plain.attribute in STATIC_ATTRIBUTES:
        return ""
    return plain.as_of


def _absolute(x: str, y: str, as_of: str = "") -> bool:
    """An absolute year ("in 2019") may be the story's own present; a relative one never is.
    `as_of` is the date of the figure that names no period: a year two or more before it is
    a past period ("7.37 deaths per 1,000 in 2022" in a January 2024 report on 2023), not
    the present that figure speaks of."""
    year = y if not x else x if not y else ""
    if year.startswith("month-"):
        # "227,000 jobs in January" and "227,000 jobs": the story's month, most likely; not a
        # month two or more before the report ("In May, prices had been up 8.6%" in July): an
        # earlier month's figure, as a year two before is an earlier year's
        return not as_of[5:7].isdigit() or (int(as_of[5:7]) - int(year[6:8])) % 12 < 2
    if not year.startswith("year-2"):
        return False
    return not as_of[:4].isdigit() or not year[5:9].isdigit() or int(year[5:9]) >= int(as_of[:4]) - 1


def as_of(frame: Frame, published: date | None) -> str:
    """The date the figure was true as of: the article's date moved back to the day named."""
    if published is None:
        return ""
    moved = published
    if frame.day in WEEKDAYS:
        moved = published - timedelta(days=(published.weekday() - WEEKDAYS.index(frame.day)) % 7)
    elif frame.day == "yesterday":
        moved = published - timedelta(days=1)
    elif frame.day == "week-ago":
        moved = published - timedelta(days=7)
    return moved.isoformat()


SPAN_AGO_AFTER_RE = re.compile(r"\s+(?:ago|earlier)\b", re.I)


def read_frame(
    text: str, sentence_start: int, sentence_end: int, q: Quantity, others: list[Quantity],
    names_capitalized: frozenset[str], published_year: int | None, head: str,
) -> Frame:
    """The frame of figure `q` in the sentence text[sentence_start:sentence_end].

    `others` are the sentence's other figures (their spans end slots); `names_capitalized`
    are words the document capitalizes mid-sentence (so a sentence-initial word is a name only
    when the article treats it as one); `head` is the noun an adjectival figure modifies.
    """
    figures = [o for o in others if ends_slots(o)]
    elided_actor = level_part = level_subject = level_modality = ""
    before_q = max((o for o in figures if o.end <= q.start), key=lambda o: o.end, default=None)
    if before_q is not None and before_q.kind == q.kind and RESTATED_GAP_RE.fullmatch(text, before_q.end, q.start):
        # "40C (104F)": a restatement in brackets is the figure before it, with its frame
        return read_frame(text, sentence_start, sentence_end, before_q, [x for x in others if x is not before_q] + [q],
                          names_capitalized, published_year, head)
    left_end = before_q.end if before_q is not None else sentence_start
    # "34.8C (94.6F) at Charterhall": a restatement in brackets right after the figure is the same
    # figure, so the words past it are still the figure's own
    after_q = min((o for o in figures if o.start >= q.end), key=lambda o: o.start, default=None)
    restated = [after_q] if after_q is not None and RESTATED_GAP_RE.fullmatch(text, q.end, after_q.start) else []
    right_end = min([o.start for o in figures if o.start >= q.end and o not in restated] + [sentence_end])
    before = text[left_end:q.start]
    after = text[q.end:right_end]
    if restated and (m := BRACKET_AFTER_RE.match(after)):
        after = after[m.end():]
    slot_before = _slot_before(before)
    apposed = False
    if not slot_before.strip() and COMMA_END_RE.search(before) and CLAUSE_END_AFTER_RE.match(after):
        apposed = True
        # an apposition, "the old UK record, 38.7C": the noun phrase before the comma names the figure
        # (the comma blanked, not cut, so the slot still ends where the sentence's text does)
        slot_before = _slot_before(COMMA_END_RE.sub(lambda m: " " * len(m.group(0)), before))
    slot_after = _slot_after(after)
    if q.kind == "count" and not slot_after.strip() and (m := APPOSITION_AFTER_RE.match(after)) \
            and APPOSITION_VERB_RE.match(after[m.end():]):
        slot_after = _slot_after(after[m.end():])  # "one person, a child, has died": the verb past the apposition
    clause_before = text[sentence_start:q.start]
    attribute, change, target = _attribute(q, slot_before, slot_after, head)
    if attribute == "loss" and not change and LOSS_VERB_END_RE.search(slot_before) and PRICE_MOVE_AFTER_RE.match(text, q.end, sentence_end):
        attribute, change = "", "down"  # "ham lost 4 cents, to $5.20", "the pound lost half a cent against the dollar": a price's fall
    if not change and q.kind in ("percent", "money") and ((m := PREMIUM_AFTER_RE.match(after))
                                                       or (m := PREMIUM_BEFORE_RE.search(slot_before)) and REFERENCE_AFTER_RE.match(after)):
        # "a 25% premium over Friday's close", "a 32.5-per-cent premium over", "a premium of almost
        # 25 percent to the level", "a 6% discount to the market price": a difference from a
        # reference price, whatever noun it modifies ("a discount of 20 per cent" on fares, with no
        # reference, is a standing rate)
        change = "margin-down" if m.group(1).lower().startswith("discount") else "margin-up"
    if apposed and attribute and not change and (m := APPOSED_OBJECT_RE.search(slot_before)) \
            and _class(m.group("noun"), verbs=False, kind=q.kind, dimension=q.dimension) == attribute:
        change = _change_of(m.group("verb").lower())  # "Retail added the most jobs, 46,000": the amount added
    if not attribute and before_q is not None and (before_q.kind == q.kind and RESULT_BEFORE_RE.search(slot_before)
                                                   or before_q.kind == "percent" and q.kind != "percent" and LEVEL_AFTER_CHANGE_RE.fullmatch(before)):
        # "the population fell by 2.08 million, leaving 1.40967 billion": the level left by the change before it
        changed = _frame_before(text, sentence_start, sentence_end, q, before_q, others, names_capitalized, published_year, head)
        if changed.change in ("up", "down"):
            # "Automotive sales fell 4% to $5.18bn": the level of what changed, a segment's ("automotive") if the change was
            attribute, level_subject, level_modality = changed.attribute, changed.subject, changed.modality
            level_part = changed.actor if changed.attribute else ""
    if not attribute and (MAJORITY_AFTER_RE.match(after) or MAJORITY_BEFORE_RE.search(slot_before)):
        attribute = "margin"  # "a 170-seat majority", "a majority of 174": not "the majority of patients" (most of them)
    if attribute == "turnout" and (m := VOTE_SIDE_RE.match(after)):
        attribute = "vote-against" if m.group(1).lower() == "against" else "vote-for"  # "8 percent voted against": one side's share
    age = q.kind == "count" and q.thing == "age"
    if age:  # "the 25-year-old had cleared the clause": an age, whatever he did; "aged 60 and over": a group's
        attribute, change = "age-group" if age_group(q) else "age", ""
    if not change and OFF_AFTER_RE.match(after) and q.dimension != "[length]":
        change = "margin-down"  # "took 34 seconds off the record", "5% off": below what it is taken off (not "20 km off the coast")
    if not change and (m := CLOSED_MARGIN_RE.match(after)):  # ", above the estimate": said after a restatement
        change = "margin-down" if (m.group(1) or m.group(2)).lower() in ("lower", "below") else "margin-up"  # "S$0.05, lower at S$18.24"
    if not change and not age and q.kind in ("percent", "money", "count", "quantity") and (
            (m := CHANGE_NOUN_AFTER_RE.match(after)) or (m := CHANGE_NOUN_BEFORE_RE.search(slot_before))) \
            and not (q.kind == "money" and (m.group("noun") or "").lower() == "loss") \
            and not (q.dimension == "[length]" and (m.group("noun") or m.group("amount")).lower() == "fall"):
        # "a loss of $318 million" is a level, and so is "the heaviest fall was 5.2 cm" (of rain)
        change = _change_of((m.group("noun") or m.group("amount")).lower())
        if m.re is CHANGE_NOUN_AFTER_RE and (attribute == "turnout" or attribute and attribute not in ATTRIBUTE_WORDS):
            attribute = ""  # "ten voted for the 0.75% increase", "one backed a 0.50% bump": the vote is on the rise, not of it
    subject = _subject(text, sentence_start, q, slot_before, slot_after, clause_before, names_capitalized) or level_subject
    if not subject and before_q is not None and SHARED_OBJECT_GAP_RE.fullmatch(text, before_q.end, q.start):
        # "The Greens took four seats on 1.9 million votes": a second object of the verb before
        # the first figure has that figure's subject
        subject = _frame_before(text, sentence_start, sentence_end, q, before_q, others, names_capitalized, published_year).subject
    if before_q is not None and (m := ELIDED_SUBJECT_GAP_RE.match(text, before_q.end, q.start)) and m.end() == q.start \
            and (_change_of(m.group("verb").lower()) or m.group("verb").lower() in COPULAS):
        # "Electricity rose 1.7% in June and is 13.7% above a year earlier": the second verb's
        # subject is the first's, unsaid; what changed and whose the figure is carry over
        shared = _frame_before(text, sentence_start, sentence_end, q, before_q, others, names_capitalized, published_year)
        subject = subject or shared.subject
        attribute = attribute or shared.attribute
        target = target or shared.target
        elided_actor = shared.actor
    if attribute in PENALTY_ATTRIBUTES and (payer := _penalized(slot_before, clause_before, names_capitalized)):
        subject = payer  # "regulators fined Google $3.6b", "the EU hit Google with a €2.42bn fine": Google's fine
    part = _part(q, slot_before, slot_after, head, clause_before) or _instalment(after) or level_part
    if part == "among" and subject and PRINTED_WHOLE_AFTER_RE.match(text, q.end, sentence_end):
        part = ""  # "Labour won 411 of the 650 seats": the named side's count, the whole printed beside it
    if q.kind == "percent" and attribute not in ("vote-for", "vote-against") \
            and (VOTE_SHARE_AFTER_RE.match(after) or VOTE_SHARE_BEFORE_RE.search(slot_before)):
        # "34 per cent of the vote", "Labour's vote share of 33.7%": one side's share of the votes
        # cast, not the turnout (the share of the electorate that voted)
        attribute, part = "vote-share", "" if part == "share" else part
    if not part and subject and attribute and attribute not in TALLY_ATTRIBUTES and q.kind in ("count", "money") \
            and (m := PLACE_AFTER_RE.match(after)) and (place := _clean_name(m.group("name"), False, names_capitalized)) \
            and place != subject:
        # "EDS employs about 7,200 people in North Texas": a named company's staff or sales in one
        # place are a part of its whole; an event's toll "in the Varsey valley" names where it struck
        part = place
    if not part and WHERE_CLAUSE_RE.search(clause_before):
        part = "where"  # "where it took more than 50% it is down 29 points": the seats where it did, a part
    if not part and OTHER_THING_RE.match(text, sentence_start, q.start):
        part = "other"  # "A broader jobless measure climbed to 9.4 percent": not the rate the story is about
    if not part and q.kind == "count" and q.thing == "times" and MULTIPLE_AFTER_RE.match(after):
        part = "multiple"  # "almost four times as much": a ratio to something else, not a count of times
    if not part and q.dimension == "[length]" and (POSITION_BEFORE_RE.search(slot_before) or SPAN_SURFACE_RE.match(q.surface)
                                                   or AT_POINT_RE.search(slot_before)):
        part = "point"  # "alone after 35 kilometres", "from 30 to 35km": a place along a route, not its length
    slot_dates = [o for o in others if o.kind == "date" and q.start - len(slot_before) <= o.start and o.end <= q.end + len(slot_after)]
    if not target and not age and (group := next((o for o in others if age_group(o) and _next_to(text, o, q)), None)):
        target = f"aged-{age_span(group)}"  # "those aged 60 and above numbered 297 million": of that group only
    period = _period(slot_before, slot_after, slot_dates, q, published_year)
    # an earlier value's own period is said after it ("against 2.4 percent in 2014", "after 6.6%
    # in June"); a year before it is the later figure's ("rose 1.6 percent in 2016 after 2.6 percent")
    own_period = _period("", slot_after, [o for o in slot_dates if o.start >= q.end], q, published_year) if period else ""
    if not period and after_q is not None and after_q.kind == "duration" and not after.strip() \
            and SPAN_AGO_AFTER_RE.match(text, after_q.end):
        period = "previous"  # "£656m two years ago": the span back is a figure of its own, and dates this one
    if (period == "last-period" or _named_period(period)) and q.kind != "date" \
            and (prior := _prior(text[max(sentence_start, q.start - 60):q.start], after)):
        # ("faster than the 9.69 seconds he set last year": compared with, whatever its period)
        # a comparison cue before the figure ("compared with 11.2 million at the 2010 Census") makes
        # it the earlier value, of its year still: two earlier values of two years are two facts
        period = _earlier(own_period) if prior == "previous" else prior
    if not period and q.kind != "date" and BEFORE_THEN_RE.match(text, sentence_start, q.start):
        period = "previous"  # "Before Tuesday the national record was 38.7C", "Before that, the best was 38.7C"
    if not period and q.kind != "date" and SUBJECT_PRIOR_RE.match(text, sentence_start, q.start) and COPULA_END_RE.search(before):
        period = "previous"  # "The previous record, set in London, was 6,000 pounds": the subject names an earlier value
    if _named_period(period) and q.kind not in ("date", "duration") and (after_prior := AFTER_PRIOR_RE.search(before)) \
            and (after_prior.group("since") or any(o.end <= q.start and o.dimension == q.dimension for o in figures)):
        # "gained 4% in July after 6.6% in June", "after growth of 4 percent in 2018", "the biggest
        # rise since 5.7% in 1991", "a gain since a close of $1,482.60": the value of a time before
        period = _earlier(own_period)
    if own_period and q.kind not in ("date", "duration") and AFTER_A_CHANGE_RE.search(before) and AFTER_CHANGE_NOUN_RE.match(after) \
            and (same := [o for o in figures if o.end <= q.start and o.dimension == q.dimension]) \
            and any(o.kind == "date" and same[-1].end <= o.start and o.end <= q.start for o in others):
        # "rose 0.5% in May, following a 0.9% gain in April": the change of a time before, when the
        # change it follows printed its own time too (not "forecast a gain of 5,000 jobs, after a
        # 9,000 surge in May": a forecast with no time of its own, then the month before)
        period = _earlier(own_period)
    if _named_period(period) and q.kind != "date" and FROM_BEFORE_RE.search(before) \
            and OBJECT_FROM_RE.search(text, max(sentence_start, q.start - 100), q.start):
        period = _earlier(own_period)  # "raised the fine on the convicts from $100 to $5,000": the value it was raised from
    if _named_period(period) and q.kind != "date" and left_end > sentence_start and FROM_GAP_RE.fullmatch(before) \
            and any(o.end == left_end and o.dimension == q.dimension for o in figures):  # not "450 scientists from 62 countries"
        # "to 6.5 per cent from 6.3 per cent", "$5bn from $4bn": the level, then the prior, even
        # when the prior names its year ("to Rs.270 crore from Rs.239 crore in 2011-12")
        period = _earlier(own_period)
    if period in ("", "previous") and q.kind != "date" and ((m := OPENING_YEAR_RE.match(text, sentence_start, q.start))
                                                          or (m := WHEN_YEAR_RE.search(text, sentence_start, q.start))
                                                          or (m := DATED_AFTER_RE.match(text, q.end, sentence_end))):
        # "In 2019, ... on a turnout of 67.3%", "in 1997, when Labour took 43.3 per cent", "Before
        # that, the best was 38.7C, measured in 2019": the year the scene or a participle sets
        period = _earlier(f"year-{m.group('year')}") if period else f"year-{m.group('year')}"
    if not period and q.kind != "date" and WHEN_EARLIER_RE.search(clause_before):
        period = "year-earlier"  # "a sharp turnaround from a year earlier, when Tesla lost $408 million"
    if not period and q.kind != "date" and TRAILING_YEAR_EARLIER_RE.match(after):
        period = "year-earlier"  # "lost $408 million, or $2.31 a share, a year earlier": said after the comma, of the clause
    if not period and q.kind != "date" and (m := YEAR_TO_MONTH_RE.match(text, q.end, sentence_end)):
        period = _month_period(m.group("month"))  # "8.6% in the twelve months to May": May's annual rate
    if not period and q.kind != "date" and (m := OPENING_MONTH_RE.match(text, sentence_start, q.start)):
        period = _month_period(m.group("month"))
    if change in ("up", "down") and q.kind != "date" and (m := SINCE_YEAR_RE.match(slot_after) or SINCE_YEAR_BEFORE_RE.search(slot_before)):
        # "down by around 8 per cent since 2019", "has fallen by seven points since the last election
        # in 2019": a change since a year is measured from it to now, whatever else dates the sentence
        period = f"since-{m.group('year')}"
    if change.startswith("margin") and period == "previous" and any(
            pattern.search(slot_before) for pattern, name in RELATIVE_PERIODS if name == "previous"):
        period = ""  # "bettered Kipchoge's previous world record by 34 seconds": the record is the earlier value, not the margin
    if _increment(q, slot_before, slot_after) and not age:  # "its new 25-year-old forward" is no increment
        change = change or "increment"
    day = _own_day(slot_before, slot_after) or _day(text[sentence_start:sentence_end])
    if not head and attribute in STATIC_ATTRIBUTES and (m := SUBJECT_NOUN_RE.search(slot_before)):
        head = m.group(1).lower()  # "The tanker is 330 metres long": a measure of the tanker
    # a thing's own measures (its length, capacity) do not depend on whether it is built yet
    modality = "" if head or attribute in STATIC_ATTRIBUTES else _modality(slot_before, slot_after)
    modality = modality or level_modality  # "revenues rose over 10 per cent to 28.3 billion dollars": reached, as the rise was
    if modality == "modal" and attribute and attribute not in DECIDED_CLASSES and not REPORTED_DECISION_RE.search(clause_before):
        modality = "planned"  # "the group will have sales of $20bn": a forecast of what is measured later
    if modality != "proposed" and q.kind != "date" and (FORECAST_SOURCE_RE.search(clause_before)
                                                         or ESTIMATE_BEFORE_RE.search(slot_before) or ESTIMATE_AFTER_RE.match(after)):
        modality = "planned"  # "According to the exit poll, Labour on 410 seats", "The latest forecasts have the Tories on 131"
    if PROPOSAL_RE.search(slot_before[-40:]) or PROPOSED_AFTER_RE.search(slot_after):
        modality = "proposed"  # "the 105-year term probation officers had proposed": asked for, not given
        # who asked: "prosecutors had sought", "the term probation officers had proposed", "his
        # lawyers had asked for ..., proposing": two parties' requests are two facts
        if requester := (REQUESTER_AFTER_RE.search(slot_after) or _last(REQUESTER_BEFORE_RE.finditer(clause_before))):
            target = f"by-{stem(requester.group('who').lower())}"
    if q.kind in ("money", "percent") and not target and (m := MEASURE_BEFORE_RE.search(slot_before) or MEASURE_AFTER_RE.match(after)):
        # "Operating income was $327 million", "adjusted earnings of $2.18 a share": another
        # measure of profit than the net figure, whichever the report gives plainly
        target = MEASURE_QUALIFIERS.get(m.group(1).lower(), m.group(1).lower())
    if q.kind == "money" and (m := TAX_RE.search(after[:40]) or TAX_BEFORE_RE.search(slot_before)):
        target = "net" if (m.group(1) or m.group(2)).lower() in ("after", "post", "net") else "gross"  # "€600,000 a week after tax"
    if q.kind == "money" and not target and attribute == "profit" and ADJUSTED_RE.search(clause_before + " " + after[:60]):
        target = "adjusted"  # "Stripping out one-off items, the carmaker earned $2.18 a share", "excluding items"
    if q.kind == "money" and not target and attribute == "profit":
        target = "net"  # a profit said plainly is the bottom line; operating, adjusted and pre-tax ones say so
    # "the fire has burned 12,000 acres", "votes counted so far": a total up to now, which grows
    running = "so-far" if q.kind in ("count", "quantity", "money") and not change and not period \
        and (RUNNING_BEFORE_RE.search(slot_before) and not ATTRIBUTION_BEFORE_FIGURE_RE.search(slot_before)
             or RUNNING_AFTER_RE.match(slot_after) or SO_FAR_RE.search(slot_before[-40:] + " " + slot_after[:40])) else ""
    if not change and not period and q.kind != "date" and modality != "planned" \
            and PARTIAL_COUNT_RE.search(text, sentence_start, sentence_end):
        running = "partial"  # "With 648 of 650 seats declared, Labour has 412": a count still under way
    if q.kind == "count" and not change and not period and STATE_AFTER_RE.match(slot_after):
        running = "state"  # "300 ships were waiting", "40 people remain stranded": how many are so at the time
    # who lost ("FTX customers lost $8bn", "equity investors lost $1.7bn") says whose loss, as who changed does
    actor = _actor(slot_before, names_capitalized, clause_before) if change in ("up", "down") or attribute == "loss" else ""
    if not actor and change:
        actor = elided_actor
    # the words past a date or a span after the figure still say its horizon ("1.3% in June compared with May")
    after_to_figure = text[q.end:min([o.start for o in figures if o.start >= q.end and o.kind not in ("date", "duration")] + [sentence_end])]
    horizon = _horizon(slot_before, after_to_figure, clause_before) if q.kind not in ("date", "duration") and change != "increment" else ""
    if change in ("margin-up", "margin-down") and (horizon or UNREFERENCED_MARGIN_RE.match(after)):
        # "9.1% higher than a year earlier": the rise over the year; "two-tenths of a point
        # higher", "sent its stock 5.3% higher, to $1,676": higher than nothing named, a change
        change = change.removeprefix("margin-")
    if change in ("up", "down") and horizon == "year" and (period in ("year-earlier", "last-period")
                                                           or published_year and period == f"year-{published_year - 1}"):
        period = ""  # "10.4% above last year", "up 9.1% from a year earlier": the year is what the change is over, not its time
    return Frame(subject=subject, attribute=attribute, part=part, period=period, modality=modality, change=change,
                 day=day, head=head, target=target, running=running, actor=actor, horizon=horizon)


def _frame_before(text: str, sentence_start: int, sentence_end: int, q: Quantity, before_q: Quantity, others: list[Quantity],
                  names_capitalized: frozenset[str], published_year: int | None, head: str = "") -> Frame:
    """The frame of the figure before `q` in its sentence, whose words a later figure shares
    (a level left by a change, a second object, a verb whose subject is left out)."""
    return read_frame(text, sentence_start, sentence_end, before_q, [x for x in others if x is not before_q] + [q],
                      names_capitalized, published_year, head)


def _month_period(name: str) -> str:
    """"May" -> "month-05": a month named in words as a period."""
    return f"month-{MONTHS.index(name.lower()[:3]) + 1:02d}"


_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
# what a change is measured over, said next to it: economic releases give one index's change
# over a month and over a year, and news prints both ("up 1.3% on the month and 9.1% on the year")
HORIZONS = (
    ("year", re.compile(
        r"\b(?:year[\s-]+(?:on|over|to)[\s-]+year|annual(?:ly|ized|ised)?|yearly|twelve-month|12-month|y/y|yoy)\b|"
        r"\b(?:over|from|on|than|above|below|compared\s+(?:with|to)|against)\s+(?:a|the|one|twelve\s+months|12\s+months)\s*(?:year\s+|months?\s+)?(?:earlier|ago|before|previously)\b|"
        r"\b(?:above|below|than|over|on)\s+(?:last\s+year|(?:the\s+)?same\s+(?:month|period|time)\s+(?:a\s+year\s+(?:ago|earlier|before)|last\s+year))|"
        r"\b(?:over|in|during)\s+the\s+(?:past\s+|last\s+|previous\s+)?(?:year|twelve\s+months|12\s+months)\b|"
        r"\b(?:on|over)\s+the\s+year\b|\bthan\s+(?:a\s+year|twelve\s+months|12\s+months)\s+(?:earlier|ago|before)|"
        r"\byear\s+(?:in\s+a\s+row|running|straight)\b|\bconsecutive\s+years?\b", re.I)),
    ("quarter", re.compile(
        r"\b(?:quarter[\s-]+(?:on|over|to)[\s-]+quarter|quarterly|q/q|qoq|sequential(?:ly)?)\b|"
        r"\b(?:from|on|over|than)\s+(?:the\s+)?(?:previous|prior|preceding|first|second|third|fourth)\s+quarter\b", re.I)),
    ("month", re.compile(
        rf"\b(?:month[\s-]+(?:on|over|to)[\s-]+month|monthly|one-month|m/m|mom)\b|\bmonth\s+(?:in\s+a\s+row|running|straight)\b|\bconsecutive\s+months?\b|"
        rf"\b(?:on|over|in)\s+the\s+month\b|\bfrom\s+(?:a\s+month\s+(?:earlier|ago|before)|the\s+(?:previous|prior|preceding)\s+month)\b|"
        rf"\b(?:from|compared\s+(?:with|to)|versus|vs\.?)\s+(?:{_MONTH_NAMES})(?!\s+\d{{4}}|\s+(?:last|of)\b)|\bfrom\s+(?:{_MONTH_NAMES})\s+to\s+(?:{_MONTH_NAMES})\b", re.I)),
)


def _horizon(slot_before: str, after: str, opening: str) -> str:
    """What a change is measured over, from its own words (see Frame.horizon): said after it up
    to the next item ("1.3% on the month, and 9.1% ..."), else the nearest before it ("an annual
    rise of 9.1%"), else the sentence's opening ("Month on month, prices rose 1.3%")."""
    own = ITEM_END_RE.split(after[:60], 1)[0]
    found = {name for name, pattern in HORIZONS if pattern.search(own)}
    if found:
        return found.pop() if len(found) == 1 else ""
    ends = [(m.end(), name) for name, pattern in HORIZONS for m in pattern.finditer(slot_before)]
    if ends:
        return max(ends)[1]
    if m := OPENING_PHRASE_RE.match(opening):
        return next((name for name, pattern in HORIZONS if pattern.search(m.group(0))), "")
    return ""


ITEM_END_RE = re.compile(r"[,;:]|\b(?:and|while|but|whereas)\b")
OPENING_PHRASE_RE = re.compile(r"\W*[^,;:.]{3,40},")


# pay and profit said before or after tax are two measures of one thing
TAX_RE = re.compile(r"^[^.;]*?\b(before|after|pre|post)[\s\-]+tax\b|^\s*(?:\([^)]*\)\s*)?(?:a\s+\w+\s+|per\s+\w+\s+)?(net|gross)\b", re.I)
TAX_BEFORE_RE = re.compile(r"\b(pre|post)-tax\s+(?:[a-z]+\s+){0,2}$|\b(net|gross)\s+$", re.I)
MEASURE_QUALIFIERS = {"adjusted": "adjusted", "underlying": "adjusted", "non-gaap": "adjusted", "core": "adjusted",
                      "operating": "operating", "pre-tax": "gross", "pretax": "gross"}
_MEASURE = r"(operating|adjusted|underlying|non-gaap|pre-?tax)\s+(?:net\s+)?(?:income|profits?|earnings|loss(?:es)?|margin|ebitda|eps)\b"
MEASURE_BEFORE_RE = re.compile(r"\b" + _MEASURE + r"[^,;.]{0,30}$", re.I)
MEASURE_AFTER_RE = re.compile(r"\s*(?:\([^)]{0,30}\)\s*)?(?:of\s+)?(?:in\s+)?" + _MEASURE, re.I)
ADJUSTED_RE = re.compile(r"\b(?:excluding|excluded|strip(?:ping|ped)?\s+out|before|minus|leaving\s+out)\s+(?:some\s+|certain\s+|the\s+)?"
                         r"(?:one-?(?:off|time)\s+|special\s+|non-?recurring\s+)?(?:items|charges|costs)\b|\badjusted\s+basis\b", re.I)
VOTE_SHARE_AFTER_RE = re.compile(r"^\s*(?:of\s+(?:the\s+)?(?:(?:total|popular|national|overall)\s+)?(?:votes?|ballots)\b)", re.I)
VOTE_SHARE_BEFORE_RE = re.compile(r"\b(?:votes?\s*share|share\s+of\s+(?:the\s+)?(?:(?:total|popular|national|overall)\s+)?votes?)\b", re.I)
VOTE_SIDE_RE = re.compile(r"^\s*(?:[\w\-]+\s+){1,3}?(for|against|in\s+favou?r)\b", re.I)
RESTATED_GAP_RE = re.compile(r"\s*\(\s*(?:or\s+|about\s+|around\s+|roughly\s+)?")
BRACKET_AFTER_RE = re.compile(r"^\s*\([^)]{0,40}\)")  # a conversion in brackets after a figure; extract uses it too
APPOSITION_AFTER_RE = re.compile(r"^\s*,\s*(?:a|an|the|mostly|most|all|both|including)\b[^,;:()]{0,40},\s*")
APPOSITION_VERB_RE = re.compile(r"(?:has|have|had|was|were|is|are|died|[a-z]+ed)\b")
COMMA_END_RE = re.compile(r",\s*$")
# the object of a verb, restated by the figure set off after it: "added the most jobs, 46,000"
APPOSED_OBJECT_RE = re.compile(r"\b(?P<verb>[a-z]+)\s+(?:(?:the|a|an)\s+)?(?:(?:most|more|fewer|biggest|largest|smallest|least|new)\s+)?"
                               r"(?P<noun>[a-z\-]+)\s*$", re.I)
CLAUSE_END_AFTER_RE = re.compile(r"^\s*(?:(?:in\s+all|in\s+total|all\s+told|altogether)\b\s*)?(?:[,;).]|$)")  # "46,000 in all."
FROM_GAP_RE = re.compile(r"\s*from\s+")
SUBJECT_NOUN_RE = re.compile(
    r"\b(?:the|a|an|its|this|that)\s+(?:[a-z\-]+\s+){0,2}?([a-z\-]{3,})\s+(?:is|was|are|were|will|would|has|had|can|measures|measured|stretches|runs|spans)\b",
    re.I)
CHAIN_RE = re.compile(NAME_RE.pattern + r"(?:\s+(?:in|of|at)\s+(?:central\s+|northern\s+|southern\s+|eastern\s+|western\s+)?" + NAME_RE.pattern + ")?")
SUBJECT_WORDS = 7  # a name further from its figure is the subject of another verb

STATIC_ATTRIBUTES = frozenset({"length", "width", "height", "depth", "weight", "capacity", "age", "speed", "volume"})


# what someone asked for, said before the figure ("prosecutors had sought 40 to 50 years") or
# after it ("the 105-year term probation officers had proposed"; not "844 people who sought care")
PROPOSAL_RE = re.compile(
    r"\b(?:propos(?:ed|es|ing|al)|(?:asked|asking|asks)\s+for|sought|seeking|request(?:ed|ing|s)?|"
    r"recommend(?:ed|ing|s|ation)|demand(?:ed|ing|s)|urg(?:ed|ing|es))\b", re.I)
REQUESTER_BEFORE_RE = re.compile(r"\b(?P<who>[a-z]{4,})\s+(?:had\s+|have\s+|has\s+)?(?:propos(?:ed|ing)|sought|seeking|asked\s+for|asking\s+for|requested|recommended|demanded|urged)\b", re.I)
REQUESTER_AFTER_RE = re.compile(r"^\s*(?:[\w'’]+\s+){0,4}?(?P<who>[a-z]{4,})\s+(?:had\s+|have\s+|has\s+)?(?:proposed|sought|asked\s+for|requested|recommended|demanded)\b", re.I)


# determiners, pronouns and auxiliaries are no part of who acted ("Sales may rise", "It has added")
ACTOR_DROPPED = frozenset("""the a an that this these those its their his her our it they he she we which who
    may might will would could should can shall must has have had is are was were be been also still not now
    go goes went gone going come comes came coming when while where whereas as if because since though although
    year years month months quarter week earlier later ago before after then last next annual monthly quarterly yearly""".split())  # "went up", "came down": the verb, not who; "A year earlier Corvan lost": when, not who
ACTOR_ENDS = frozenset("in at of for from with on by across among over during throughout within".split())
ACTOR_WORDS = 5  # a longer run before the verb is no plain noun phrase
CLAUSE_OPENERS = frozenset(ATTRIBUTION_VERBS) | {"that", "found", "finds", "ruled", "rules", "concluded"}


def _actor(slot_before: str, capitalized: frozenset[str], sentence_before: str) -> str:
    """Who made a change, as the common noun phrase before its verb: "Private businesses added
    237,000 jobs", "Retail employment grew 46,000" ("retail"): stems of its words, less
    determiners, names (the subject says those) and attribute words (the attribute says those)."""
    tokens = list(WORD_RE.finditer(slot_before))
    verb = next((k for k in range(len(tokens) - 1, -1, -1) if _change_of(tokens[k].group(0).lower())), None)
    # "The judge found that customers lost": who said or found is not who changed
    opening = max((k + 1 for k in range(verb or 0) if _word(tokens[k].group(0)) in CLAUSE_OPENERS), default=0)
    if not verb or verb - opening > ACTOR_WORDS + 1:
        return ""
    first = len(sentence_before) - len(slot_before)
    words = []
    for t in tokens[opening:verb]:
        token, w = t.group(0), _word(t.group(0))
        if w in ACTOR_ENDS:
            break  # "Employers in the U.S.", "Revenue for the quarter": the head comes before its modifiers
        if token.endswith(("'s", "’s")):
            continue  # "HP's revenue": an owner is the subject
        at_start = not sentence_before[:first + t.start()].strip(BULLETS)  # "- Electricity rose": a list item opens a sentence
        if not w or w in ACTOR_DROPPED or w.endswith("ly") and not w.endswith(("ily", "ply")) or (token[:1].isupper() and (not at_start or token in capitalized)):
            continue
        if not class_of(stem(w)) and stem(w) not in UNDIRECTED_CHANGE:  # "edged" in "the rate edged up" is the verb's
            words.append(stem(w))
    return " ".join(words)


def gapped_actor(words: str) -> str:
    """Whose change a verbless list item is ("and gasoline 59.9%": "gasolin"), as _actor reads
    the noun phrase before a verb."""
    return _actor(f"{words.strip()} rose ", frozenset(), f"{words.strip()} rose ")


def _last(matches):
    found = None
    for found in matches:
        pass
    return found


PROPOSED_AFTER_RE = re.compile(r"\b(?:proposed|recommended|requested|demanded|asked\s+for)\b", re.I)
# "has to be paid", "will be completed": an obligation and a passive after "be" are no past tense
# (\b first and (?=[a-z]) after it: see FUTURE_RE)
PAST_RE = re.compile(r"\b(?=[a-z])(?:was|were|did|(?:has|have|had)(?!\s+to\b))\b|\b(?=[a-z])(?<!\bbe )(?:" + "|".join(IRREGULAR_PAST)
                     + r"|(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )[a-z]{3,}ed)\b", re.I)  # "the fragmented market": an adjective


# PAST_RE (all lower case) on ASCII text lowered: case-sensitive, re passes over an alternative
# by its first letter without entering it; the same positions (see PRIOR_CUE_LOWER_RE)
PAST_LOWER_RE = re.compile(PAST_RE.pattern)


def _past_ends(text: str) -> list[int]:
    """The end of each PAST_RE match in `text`."""
    return [m.end() for m in (PAST_LOWER_RE.finditer(text.lower()) if text.isascii() else PAST_RE.finditer(text))]


MODAL_HAVE_RE = re.compile(r"\b(will|would|shall|should|could|may|might|must|to)\s+have\b", re.I)


def _modality(before: str, after: str) -> str:
    """"planned" (will, aims, forecast, target), "actual" (a past tense tied to the figure),
    or "" when the figure's own words say neither: then it is compatible with both."""
    # "will have revenue of": a verb after a modal is no perfect tense (same length, same positions)
    # (no "have" in any case, nothing to replace: most figures' words have none)
    near_before, near_after = (MODAL_HAVE_RE.sub(r"\1 ____", x) if "have" in x.lower() else x for x in (before[-60:], after[:30]))
    future = [m.end() for m in FUTURE_RE.finditer(near_before)] + [100 + m.end() for m in FUTURE_RE.finditer(near_after)]
    past = _past_ends(near_before) + [100 + end for end in _past_ends(near_after)]
    if future and (not past or min(future) <= min(past) or max(future) >= max(past)):
        words = [m.group(0) for x in (near_before, near_after) for m in FUTURE_RE.finditer(x)]
        return "modal" if all(MODAL_ONLY_RE.fullmatch(w) for w in words) else "planned"
    return "actual" if past else ""


def _slot_before(before: str) -> str:
    breaks = list(SLOT_BREAK_RE.finditer(before))
    return before[breaks[-1].end():] if breaks else before


def _slot_after(after: str) -> str:
    m = SLOT_BREAK_RE.search(after)
    return after[:m.start()] if m else after


WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def _words(text: str) -> list[str]:
    return list(filter(None, map(_word, WORD_RE.findall(text))))


@lru_cache(maxsize=1 << 16)  # words recur: looked up, not lowered and stripped each time
def _word(token: str) -> str:
    """A token's lower-case word without a possessive, "" when one letter."""
    w = token.lower()
    if w.endswith(("'s", "’s")):  # a possessive: a string test, not a regex per word
        w = w[:-2]
    w = w.rstrip("'’-")  # a word starts with a letter: only its end can carry these
    return w if len(w) > 1 else ""


MONEY_CLASSES = frozenset({"cost", "revenue", "profit", "loss", "fine", "damages", "investment", "trade"})
COUNT_CLASSES = frozenset({"killed", "injured", "missing", "displaced", "rescued", "arrested", "destroyed",
                           "cases", "doses", "jobs", "attendance", "population", "turnout", "supplied", "purchase"})
LENGTH_CLASSES = frozenset({"length", "width", "height", "depth"})
# what happens once to a subject, so a year can date it; turnout, revenue, cases are measured per period
EVENT_CLASSES = frozenset({"killed", "injured", "missing", "displaced", "rescued", "arrested", "destroyed",
                           "purchase", "supplied"})
_MEASURED_CLASSES = MONEY_CLASSES | COUNT_CLASSES | LENGTH_CLASSES


# attribute classes that name a physical dimension: a measured figure of another is not one
CLASS_DIMENSIONS = {"area": "[length] ** 2", "length": "[length]", "width": "[length]", "height": "[length]",
                    "depth": "[length]", "weight": "[mass]", "temperature": "[temperature]", "speed": "[length] / [time]"}


def fits(cls: str, kind: str | None, dimension: str | None = None) -> bool:
    """Can an attribute class describe a figure of this kind and dimension? "spend 25 years in
    prison" is no cost, "30 sites across England" no width, "covers 6.3 billion cubic metres"
    no area (a volume): a word of the wrong class is passed over."""
    if kind is None or not cls:
        return True
    if kind == "quantity" and dimension and cls in CLASS_DIMENSIONS and dimension != CLASS_DIMENSIONS[cls]:
        return False
    if kind == "date":  # the year of an event ("bought Compaq in 2001"), not the period of a statistic
        return cls in EVENT_CLASSES or cls not in _MEASURED_CLASSES
    if cls in MONEY_CLASSES:
        return kind in ("money", "percent")
    if cls in COUNT_CLASSES:
        return kind in ("count", "percent", "quantity")
    if cls in LENGTH_CLASSES:
        return kind == "quantity"
    if cls == "capacity":
        # "a €222m move" is a transfer's price, not a flow; "moving at 1,680 m per second" a speed
        return kind not in ("money", "percent") and dimension != CLASS_DIMENSIONS["speed"]  # "moved the range to 1.5%": no flow
    if cls in ("duration", "age"):
        return kind in ("duration", "date")
    return True


def _class(word: str, verbs: bool = True, kind: str | None = None, dimension: str | None = None) -> str:
    """The attribute class of a word; a past participle outside the classes is its own
    attribute ("80 trucks crossed" vs "300 waited"); any other word is not an attribute."""
    s = stem(word)
    if word.endswith("ly") and s == stem(word[:-2]):
        return ""  # an adverb says how, not what: "widely reported" is no width, "highly paid" no height
    if word in ("shares", "stock", "stocks"):
        return "stock"  # a company's shares, not a share of something
    if cls := _CLASS_OF.get(s) or _CLASS_OF.get(word):
        if cls == "capacity" and kind == "count" and word.endswith(("ing", "ed")):
            return ""  # "a jet carrying 291 passengers": who was aboard, not how many it can hold
        return cls if fits(cls, kind, dimension) else ""
    if verbs and word.endswith("ed") and len(word) > 4 and s not in GENERIC_WORDS and s not in UNDIRECTED_CHANGE \
            and not (kind in ("money", "percent") and s in MARKET_VERBS) and "-" not in word:
        return s  # not "Bankman-Fried" nor "vehicle-related": a name or an adjective
    return ""


_CHANGE_UP_WORDS, _CHANGE_DOWN_WORDS = frozenset(CHANGE_UP), frozenset(CHANGE_DOWN)
# verbs of a small move whose direction the next word says ("edged up", "ticked down"): a change, no attribute
UNDIRECTED_CHANGE = frozenset(stem(w) for w in "edged inched ticked nudged".split())
# a market's verbs of a price's reading ("shares closed at $46.83"): what is read is the price, no attribute "closed"
MARKET_VERBS = frozenset(stem(w) for w in "closed opened traded finished ended".split())


@lru_cache(maxsize=4096)  # asked of the same few words before every figure
def _change_of(word: str) -> str:
    s = stem(word)
    if s.startswith(CHANGE_UP) or word in _CHANGE_UP_WORDS:
        return "up"
    if s.startswith(CHANGE_DOWN) or word in _CHANGE_DOWN_WORDS:
        return "down"
    return ""


DIMENSION_ATTRIBUTES = {
    "[length]": "length", "[length] ** 2": "area", "[length] ** 3": "volume", "[mass]": "weight",
    "[time]": "duration", "[temperature]": "temperature", "[length] / [time]": "speed",
}
ADJECTIVE_AFTER_RE = re.compile(
    r"^\s*(?:\([^)]{0,40}\)\s*)?(?P<adj>wide|broad|across|long|tall|high|deep|thick|old|in\s+(?:length|width|height|diameter|depth|area))\b",
    re.I,
)
VERB_AFTER_COUNT_RE = re.compile(
    r"^\s*(?:[a-z]+\s+(?=(?:were|was|are|is|have|has|had)\b))?(?:who\s+|that\s+)?(?:(?:had\s+been|have\s+been|has\s+been|will\s+be|are\s+still|were\s+still|were|was|are|is|have|has|had|remain|remained)\s+)?"
    r"(?:also\s+|reportedly\s+|now\s+|still\s+|later\s+)?(?P<verb>[a-z]+)",
)
OF_AFTER_RE = re.compile(r"^\s*(?:of|in)\s+(?:the\s+|its\s+|their\s+|all\s+|total\s+)?(?P<noun>[a-z][a-z\-]+)", re.I)
FIRST_WORD_RE = re.compile(r"^\s*([a-z]+)\b")
TO_VERB_RE = re.compile(r"\s+to\s+([a-z]+)")
NEXT_WORD_RE = re.compile(r"\s+([a-z]+)")
# "fell by 2.08 million, leaving 1.409 billion": the figure after is what remains, a level; who
# leaves is said after a count ("300 residents left", "ordered to leave"); "leaves out nine cases" excludes
RESULT_VERBS = frozenset({"leaving", "leaves", "left"})
RESULT_BEFORE_RE = re.compile(r"^\s*(?:leaving|bringing|taking|putting)\s+(?:it\s+|the\s+total\s+|the\s+tally\s+)?(?:at\s+|to\s+)?$", re.I)
# "fell 5% to $6.04 billion", "were down 4% year over year at $5.18 billion": the level the change reached
LEVEL_AFTER_CHANGE_RE = re.compile(r"\s*(?:(?:higher|lower)\s*)?(?:(?:year[\s-]+(?:over|on)[\s-]+year|on\s+the\s+year|(?:against|from|on)\s+(?:a|the\s+same)\s+(?:year|period|quarter)\s+(?:earlier|ago|before|last\s+year))\s*)?,?\s*(?:to|at)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|roughly\s+)?$", re.I)
PARTICLE_UP_VERBS = frozenset("make makes made making take takes took taken taking".split())  # "up" as a particle
BY_BEFORE_RE = re.compile(r"\bby\s+(?:(?:about|around|nearly|almost|just|some|more\s+than)\s+)?$")


def _attribute(q: Quantity, before: str, after: str, head: str) -> tuple[str, str]:
    """(attribute, change) from the words tied to the figure; ("", "") when none are."""
    if (m := ADJECTIVE_AFTER_RE.match(after)) and (cls := _class(m.group("adj").split()[-1].lower(), kind=q.kind, dimension=q.dimension)):
        return cls, "", ""
    if q.kind in ("money", "quantity", "percent") and (m := FIRST_WORD_RE.match(after)):
        if cls := _class(m.group(1), kind=q.kind, dimension=q.dimension):
            return cls, "", ""  # "the $4 billion cost", "12,000 acres burned"
        noun = m.group(1)
        if q.kind == "money" and (cls := _class_of_compound(after, q)):
            return cls, "", ""  # "a $2.7 billion antitrust fine": the compound's last noun is its head
        if q.kind == "money" and noun not in _LINKS_AND_HEDGES and not noun.endswith(("ed", "ly", "ing")) and not MARGIN_RE.match(after) \
                and noun not in NOT_A_NOUN_AFTER:
            return "cost", "", ""  # "a $1.2bn agreement", "a $2 billion project": what it is worth
    if head:  # "a 400-metre ship", "a 25-year lease", "a $4bn deal"
        return DIMENSION_ATTRIBUTES.get(q.dimension or "", "cost" if q.kind == "money" else ""), "", ""
    if q.kind == "count" and (m := VERB_AFTER_COUNT_RE.match(after)):
        word = m.group("verb")
        if then := TO_VERB_RE.match(after[m.end():]):  # "were ordered to leave", "forced to flee"
            word = then.group(1)
        elif word in NEED_VERBS and (then := NEXT_WORD_RE.match(after[m.end():])):
            word = then.group(1)  # "needed medical help", "sought medical care": what they needed
        if word in ("dead", "missing", "injured", "homeless") or word.endswith(("ed", "en")) or _CLASS_OF.get(stem(word)):
            if cls := _class(word, verbs=True, kind=q.kind, dimension=q.dimension):
                if cls not in ATTRIBUTE_WORDS and q.thing and (counted := _CLASS_OF.get(stem(q.thing))):
                    return counted, "", ""  # "124 cases have turned up": cases, whatever verb they take
                return cls, "", ""
    words = _words(before)
    change = ""
    i = _past_hedges(words, len(words) - 1)
    if i >= 1 and words[i] == "of" and words[i - 1] in AMOUNT_OF_NOUNS and q.kind != "money":
        # "rose an average of 5%", "lost a total of 40 pounds": the amount itself (money "lost a
        # total of 1.3 trillion pesos" is a loss, a level)
        i = _past_hedges(words, i - 2)
    if i >= 1 and (m := AMOUNT_ADJECTIVE_RE.search(before)) and m.group(1).lower() == words[i] and not _change_of(words[i]):
        i = _past_hedges(words, i - 1)  # "rose a more modest two percent", "fell a sharp 5%": one adjective of the amount
    # "rose by 3%", "fell 12%": an amount of change; "rose to $5bn", "slipped below ¥112": a level
    # "moved to" a position is a level; so is the value a comparative is measured against ("13 per
    # cent lower than the S$0.82": the S$0.82 is what it is compared with, not a fall)
    moved_to = POSITION_RE.match(q.surface) is not None or THAN_BEFORE_RE.search(before) is not None
    if i >= 0 and words[i] == "by" and i > 0 and _change_of(words[i - 1]) and not moved_to:
        change, i = _change_of(words[i - 1]), i - 2
    elif i >= 0 and words[i] == "by" and not moved_to and (verb := next(
            (j for j in range(i - 2, max(-1, i - 7), -1) if _change_of(words[j]) or stem(words[j]) in OBJECT_RAISE_VERBS), None)) is not None \
            and not RECORD_WORDS.intersection(words[verb:i]) and words[verb] not in LOSS_VERBS \
            and not (q.kind == "count" and q.thing and stem(q.thing) == "vote"):  # "lost the seat by 48 votes": a margin  # "lowered the world record by 34 seconds": a margin under a mark
        # "raised interest rates by 75 basis points", "cut its forecast by 2%": the verb, then its object, then the amount
        change, i = _change_of(words[verb]) or "up", i - 1
    elif i >= 0 and words[i] == "to" and i > 0 and _change_of(words[i - 1]):
        i -= 2
    elif i >= 1 and words[i] == "up" and words[i - 1] in PARTICLE_UP_VERBS:
        i -= 2  # "made up 61.3% of the population": what a share is, not a rise
    elif i >= 0 and words[i] == "at" and i > 0 and q.kind == "percent" and (_change_of(words[i - 1])
                                                                     or i > 1 and words[i - 1].endswith(("est", "ly")) and _change_of(words[i - 2])):
        # "grew at 6.7 per cent", "grew fastest at 12.1 per cent": a rate of change
        change = _change_of(words[i - 1]) or _change_of(words[i - 2])
        i -= 2 if _change_of(words[i - 1]) else 3
    elif i >= 0 and q.kind == "money" and words[i] in LOSS_VERBS:
        return "loss", "", ""  # "Tesla lost $408 million": a loss reported, a level, as "a loss of $408 million" is
    elif i >= 0 and _change_of(words[i]) and not moved_to and (q.kind in ("percent", "money", "count") or q.kind in ("quantity", "duration")
                                                           and i == len(words) - 1):
        # "stocks fell 2.1 million barrels", "cut 0.11sec": a measure right after its verb ("the third rise in a month": a span)
        change, i = _change_of(words[i]), i - 1
    if change:
        while i >= 0 and words[i] in _LINKS_AND_HEDGES:
            i -= 1
    found = target = ""
    first = next_to = True  # next_to: only generic words so far ("leaving a total of 1.409 billion")
    # a date's event may stand past a place ("impounded at Varna port in 2015"), not past another
    # verb; an attribute class further back outranks it ("the last death linked to measles was in 2015")
    event_reach, event = (4 if q.kind == "date" else 0), ""
    while i >= 0:  # the nearest attribute word in the figure's own slot: "the death toll ... has risen to 24"
        w = words[i]
        i -= 1
        if w in LINK_WORDS or w in HEDGE_TOKENS or (next_to and w in RESULT_VERBS):
            continue
        if w in ("share", "shares") and i >= 0 and words[i] in ("per", "a"):
            i -= 1  # "earnings per share of $2.18", "a loss per share": what is counted per share says the attribute
            continue
        event_reach = 0 if w.endswith("ing") else event_reach - 1
        if not first and event_reach >= 0 and not event and (verb := _class(w, verbs=True, kind=q.kind)) and verb not in ATTRIBUTE_WORDS:
            event = verb
            continue
        # "old" before a figure is another noun's ("the old mark of 2:01:09"); an age says it after
        if (cls := _class(w, verbs=first, kind=q.kind, dimension=q.dimension)) and w != "old":
            found = cls
            if cls in MONEY_NOUN_CLASSES and i >= 0 and _modifier(words[i]):
                target = stem(words[i].rsplit("-", 1)[-1])  # "health spending", "defence budget": on what
            elif cls == "rate" and i >= 0 and _rate_of(words[i]):
                target = stem(words[i].rsplit("-", 1)[-1])  # "birth rate", "death rate": a rate of what
            break
        first = False
        next_to = next_to and w in GENERIC_WORDS
    found = found or event
    if not found and q.kind in ("percent", "money", "quantity") and (m := OF_AFTER_RE.match(after)):
        found = _class(m.group("noun"), verbs=False)
    if not change and (m := MARGIN_RE.match(after)) \
            and not (m.group(1).split()[0].lower() in ("ahead", "behind") and READING_BEFORE_RE.search(before)):
        # "1.9C above the old record", "7.3% higher": a difference, not a level, with its direction
        # (not "led at 78.45 per cent ahead of Odisha", "touched in 23.71sec ahead of Harris": a reading, then who trailed it)
        word = m.group(1).lower().split()[0]
        if word in ("faster", "quicker", "slower"):  # "0.11 seconds faster": less time; "5 mph faster": more speed
            down = (word == "slower") != (q.dimension == "[time]")
        else:
            down = word in MARGIN_DOWN
        change = "margin-down" if down else "margin-up"
    elif not change and (m := MARK_MARGIN_RE.match(after)):
        change = "margin-up" if m.group(1).lower() in ("over", "outside") else "margin-down"
    elif not change and FEWER_IN_SURFACE_RE.match(q.surface):
        change = "margin-down"  # "pumped 88,000 fewer barrels per day than in July": a difference, downwards
    elif not change and MORE_IN_SURFACE_RE.match(q.surface) and THAN_AFTER_RE.match(after):
        change = "margin-up"  # "700,000 more votes than Mr Corbyn did": a difference, upwards, not more of a tally
    elif not change and BY_BEFORE_RE.search(before) and not (q.kind == "count" and q.thing and stem(q.thing) == "vote"):
        # "beat it by 1.6C": a difference of unsaid direction; "took the seat by 4,000 votes": the
        # size of a win, as a result is reported, not a change in anything
        change = "margin"
    if found not in ATTRIBUTE_WORDS and q.kind == "count" and q.thing and stem(q.thing) in _CLASS_OF:
        # "12 deaths", "3,000 cases", "caused 61 injuries": the counted noun's class says more than a verb's stem
        found = _CLASS_OF[stem(q.thing)]
    if found == "rate" and not target and q.kind == "percent" and q.thing:
        target = stem(q.thing)  # "6.39 births per 1,000 people": a birth rate
    if q.kind == "money" and (m := TARGET_AFTER_RE.match(after)) and m.group(1) not in INFINITIVES:
        target = stem(m.group(1).rsplit("-", 1)[-1])  # "$14 billion into defence", "$2bn on roads", "$12bn to defence"
    return found, change, target


LOSS_VERBS = frozenset("lost lose loses losing".split())
# "Brent lost 70 cents to trade under $112": a price's fall, not a company's loss
PRICE_MOVE_AFTER_RE = re.compile(r"\s*,?\s*(?:to\s+(?:trade|close|settle|end|finish|stand|sit)\b|to\s+[$€£¥]?\s?\d|at\s+[$€£¥]?\s?\d|against\b)", re.I)
LOSS_VERB_END_RE = re.compile(r"\b(?:lost|lose|loses|losing)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$", re.I)
# verbs that raise what they govern only with "by" and an amount: "lifted interest rates by 75bps",
# "raised rates by 0.75%" (not "can lift 200 kg", nor "raised $57 million": money raised is a level)
OBJECT_RAISE_VERBS = frozenset(stem(w) for w in "lifted raised".split())
NOT_A_NOUN_AFTER = frozenset("""in for on from with into over per a an and or each apiece last this next every the to of at by as than
    when while after before since because if but so that which who whom where though although until unless""".split())
COMPOUND_AFTER_RE = re.compile(r"\s*([a-z][a-z\-]*)\s+([a-z][a-z\-]*)(?:\s+([a-z][a-z\-]*))?")


def _class_of_compound(after: str, q: Quantity) -> str:
    """The class of the head of a compound noun right after a figure ("$2.7 billion antitrust
    fine"): its second or third word, when the words before it have none and none is a verb."""
    m = COMPOUND_AFTER_RE.match(after)
    if not m:
        return ""
    for k, word in enumerate(w for w in m.groups() if w):
        if word in _LINKS_AND_HEDGES or word in NOT_A_NOUN_AFTER or word.endswith(("ed", "ly", "ing")):
            return ""
        if k == 0:
            continue  # the first word's own class was asked already
        if cls := _class(word, verbs=False, kind=q.kind, dimension=q.dimension):
            return cls
    return ""


def _past_hedges(words: list[str], i: int) -> int:
    """The index of the last word at or before `i` that is no hedge ("about", "nearly", "a");
    "up" before a figure is a direction ("went up 2%": "up to" would be in the figure's surface),
    and "by", "to", "of", "at" link a verb to it."""
    while i >= 0 and words[i] in HEDGE_TOKENS and words[i] not in ("by", "to", "of", "at", "up"):
        i -= 1
    return i


MONEY_NOUN_CLASSES = frozenset({"cost", "revenue", "investment"})
AMOUNT_OF_NOUNS = frozenset({"average", "total"})
AMOUNT_ADJECTIVE_RE = re.compile(r"\b(?:an?|more|most)\s+([a-z\-]+)\s+$", re.I)
THAN_BEFORE_RE = re.compile(r"\bthan\s+(?:the\s+|its\s+|their\s+)?$", re.I)
POSITION_RE = re.compile(r"(?:below|above|under|beneath|past|beyond)\b", re.I)  # where a verb of change leaves a figure


def _rate_of(word: str) -> bool:
    """A noun that says what a rate counts ("birth", "death", "unemployment"), not an
    adjective ("annual", "overall") or a link word; unlike `_modifier`, an attribute word
    ("death") may name it."""
    return (word not in _NOT_RATE_OF and len(word) > 3 and word not in NOT_NAMES
            and not word.endswith(("al", "ly", "ed", "ic", "ive", "ous", "ing")))


def _modifier(word: str) -> bool:
    """A noun that says what money is for ("health", "defence"), not an adjective ("annual")
    nor an attribute word of its own."""
    return _rate_of(word) and not _class(word, False)


READING_BEFORE_RE = re.compile(r"\b(?:at|in)\s+$", re.I)
INFINITIVES = frozenset("""build buy pay fund help cover support finance repair rebuild upgrade expand make
    keep meet boost cut reduce settle resolve develop create improve buy""".split())
# "22,000 miles above the Earth", "400m below sea level": a height or depth, not a difference
MARGIN_RE = re.compile(r"^\s*(higher|lower|more|less|(?:above|below)(?!\s+(?:the\s+)?(?:earth|ground|sea|seabed|surface|street|planet)\b)|warmer|colder|hotter|cooler|fewer|greater|bigger|smaller|dearer|cheaper|short\s+of|ahead\s+of|behind|faster|quicker|slower)\b", re.I)
# "ended 0.3 per cent, or S$0.05, lower at S$18.24": market copy puts the direction past the comma
CLOSED_MARGIN_RE = re.compile(r"^,\s*(?:(higher|lower)\s+(?:at|to|on)|(above|below)\s+(?:the|its|their)\s+(?:\w+\s+)?(?:estimate|forecast|figure|level|average|total))\b", re.I)
# the comparative inside a figure's own words: "88,000 fewer barrels", "2 million less tonnes"
FEWER_IN_SURFACE_RE = re.compile(
    r"^(?:(?:some|about|around|nearly|almost|roughly|approximately|at\s+least|more\s+than|just\s+over|just\s+under|just|over)\s+)?(?!(?:no|not)\s)\S+"
    r"(?:\s+(?:thousand|million|billion|trillion|lakh|crore))?\s+(?:fewer|less)\s(?!\s*than\b)", re.I)  # not "no fewer than 486"
# "34 seconds under Kipchoge's world record", "inside the record", "5 points over the average":
# a preposition before a mark to beat is a difference from it, not a place or a bound
MARK_MARGIN_RE = re.compile(
    r"^\s*(under|inside|within|over|outside)\s+(?:the|a|an|his|her|its|their|[A-Z][\w\-]*['’]s?)\s+(?:[\w\-'’]+\s+){0,2}?"
    r"(?:record|mark|best|par|estimate|forecast|target|average|level)\b")
PREMIUM_AFTER_RE = re.compile(r"^\s*(premium|discount)s?\s+(?:to|over|on|above|below|against)\b", re.I)
REFERENCE_AFTER_RE = re.compile(r"\s*(?:to|over|on|above|below|against)\b", re.I)
PREMIUM_BEFORE_RE = re.compile(r"\b(premium|discount)\s+(?:is\s+|was\s+)?(?:of\s+)?(?:a\s+)?(?:[a-z]+\s+)?$", re.I)
# a comparative with nothing it is compared to ("5.3% higher, to $1,676.22", "a point lower."): a change
UNREFERENCED_MARGIN_RE = re.compile(r"\s*(?:higher|lower)\b(?!\s+(?:than|on|over|from|against|compared|versus|vs|at\s+the\b))\s*(?:[,;.]|$|(?:at|to|in|on|after|this|last|for)\b)", re.I)
MARGIN_DOWN = frozenset("lower less below colder cooler fewer smaller cheaper short behind".split())
# "a 29% increase in profit", "a 19,000 job loss", "gains of 1.2%", "a 24.3% year-over-year jump": an amount of change
CHANGE_NOUNS = r"increase|rise|jump|gain|surge|climb|hike|bump|boost|decrease|decline|drop|fall|loss|cut|slump|dip|reduction|contraction|slide|plunge"
CHANGE_NOUN_AFTER_RE = re.compile(rf"^\s*(?:(?:[a-z]+|(?:year|quarter|month|week|day)-(?:over|on)-(?:year|quarter|month|week|day))\s+)?(?P<noun>{CHANGE_NOUNS}|growth)s?\b(?!\s+(?:in|of)\s+(?:the\s+)?(?:number|rate)\b)", re.I)
# "the monthly gain to 2.7 percent", "year-to-date gains at 3.6 percent": the noun after a modifier
# (not a verb: "prices rise to $5" is a level), then what it amounts to
CHANGE_NOUN_BEFORE_RE = re.compile(
    # "the monthly rise in the consumer price index at 0.4%"
    rf"\b(?:(?P<noun>{CHANGE_NOUNS}|growth)s?\s+(?:of|by|(?:is|was|were|came\s+to|amounted\s+to|totall?ed)(?:\s+(?:now|just|only))?)|(?:the|its|their|[a-z]+ly|[a-z]+-[a-z\-]+)\s+(?P<amount>{CHANGE_NOUNS})s?"
    rf"(?:\s+(?:in|of)\s+(?:the\s+)?[a-z\-]+(?:\s+[a-z\-]+){{0,3}}?)?\s+(?:to|at))\s+$",
    re.I)
# (a determiner is never the target: "at $46.83 on the New York Stock Exchange" names none)
TARGET_AFTER_RE = re.compile(r"^\s*(?:[a-z]+\s+){0,2}?(?:into|on|for|towards?|to)\s+(?:the\s+|its\s+|their\s+|new\s+)?(?!(?:the|its|their|an?)\b)([a-z]{3,})\b")


def _instalment(after: str) -> str:
    """"paid $300 million to the state as a first instalment": a part of the price."""
    m = INSTALMENT_AFTER_RE.match(after)
    return m.group(1).lower().split()[0] if m else ""


# (not "30mph further inland": farther, not more)
MORE_AFTER_RE = re.compile(r"^\s*(?:more|additional|extra|further(?!\s+(?:inland|afield|north|south|east|west|away|along|out|ahead|offshore|downstream|upstream)\b)|new)\b(?!\s+than)", re.I)
ANOTHER_BEFORE_RE = re.compile(r"\b(?:another|additional|extra|further|a\s+further|an\s+additional|new)\s*$", re.I)
MORE_END_RE = re.compile(r"\b(?:more|additional|extra|further)$", re.I)
THAN_AFTER_RE = re.compile(r"\s*than\b", re.I)
MORE_IN_SURFACE_RE = re.compile(
    r"^(?:(?:some|about|around|nearly|almost|roughly|approximately|at\s+least|more\s+than|just\s+over|just\s+under|just|over)\s+)?\S+"
    r"(?:\s+(?:thousand|million|billion|trillion|lakh|crore))?\s+(?:more|additional|extra|further|other)\b", re.I)  # "1.8 million more residents"


ADJECTIVAL_RE = re.compile(r"\d-[a-z]", re.I)  # "18-km", "400-metre": a figure before its thing's noun


def _increment(q: Quantity, before: str, after: str) -> bool:
    another = ANOTHER_BEFORE_RE.search(before)
    if another and another.group(0).strip().lower() == "new" and ADJECTIVAL_RE.search(q.surface):
        another = None  # "the new 18-km bridge": new is the bridge, not more of anything
    return bool(MORE_AFTER_RE.match(after) or another
                or MORE_END_RE.search(q.surface) or MORE_IN_SURFACE_RE.match(q.surface))


INSTALMENT_AFTER_RE = re.compile(
    r"^\s*(?:[\w-]+\s+){0,4}?as\s+(?:a|an|the|its)\s+(?:\w+\s+)?(instal\w*|tranche|down\s+payment|deposit|advance)\b", re.I)
OF_WHOLE_AFTER_RE = re.compile(r"^\s+(?:out\s+)?of\s+(?:(?:the|its|their|these|those|our|his|her|all)\s+)?(?:[\d,.]+\s+)?[a-z]", re.I)
PART_OF_RE = re.compile(r"\b(?=[spt])(share|portion|part|section|stretch|segment|phase|tranche)\s+of\b[^.;]*"
                        r"\b(?:is|was|will\s+be|would\s+be|amounts\s+to|amounted\s+to|comes\s+to|totals|of)\s+$", re.I)
WHOLE_BEFORE_RE = re.compile(r"\b(?:share|part|portion|section|half|third|quarter|fraction)\s+of\s+(?:the\s+|its\s+|their\s+)?$", re.I)
LETTER_OR_PERCENT_RE = re.compile(r"[A-Za-z%]")
AMONG_AFTER_RE = re.compile(r"^\s*(?:among\b|out\s+of\b|of\s+(?:the|them|whom|which|those|these|its|their)\b)", re.I)
ALONE_RE = re.compile(r"\b(?:alone|only)\b", re.I)
IN_ONE_RE = re.compile(r"\b(?:in\s+one|one\s+of\s+the)\b", re.I)


PRINTED_WHOLE_AFTER_RE = re.compile(r"\s*(?:of|out\s+of)\s+(?:the\s+|all\s+)?\d[\d,]*\b")


def _part(q: Quantity, before: str, after: str, head: str, clause_before: str = "") -> str:
    if head.rsplit(" ", 1)[-1] in PART_WORDS:
        return head.rsplit(" ", 1)[-1]
    if q.kind == "count" and OF_WHOLE_AFTER_RE.match(after):
        return "among"  # "about 47,000 of its employees", "31 of the paintings": some of a whole
    if m := PART_OF_RE.search(clause_before[-120:]):  # "the city's share of the $4bn cost is $1.1bn"
        return m.group(1).lower()
    near = _words(before)[-4:]
    whole = WHOLE_BEFORE_RE.search(before)
    for w in reversed(near):
        if w in PART_WORDS and not whole:  # "the share of the $4bn cost": the $4bn is the whole
            return w
    # "31 of the paintings", not "50,000 doses of the vaccine" nor "90.9% of those voting"
    bare = q.kind == "count" and not LETTER_OR_PERCENT_RE.search(q.surface)
    if bare and AMONG_AFTER_RE.match(after):
        return "among"
    if ALONE_RE.search(after[:40]) or IN_ONE_RE.search(before):
        return "one-place"
    if q.kind == "count" and SUBSET_AFTER_RE.match(after):
        return "among"  # "five cases turned up in people who had been vaccinated": some of the cases
    if q.kind == "count" and (m := CONDITION_AFTER_RE.match(after)):
        return f"condition-{m.group(1).lower()}"  # "five people were in critical condition": those of the hurt in that state
    if q.kind != "percent" and OF_THAT_RE.search(clause_before):  # "of those voters, 90%": a percentage's base
        return PART_OF_TOTAL  # "Of that, $8 billion was ...", "$11 billion, of which $8 billion ..."
    return ""


RECORD_WORDS = frozenset("record records mark best time standard".split())
PART_OF_TOTAL = "of a total"  # a part of the figure said just before; align finds which


OF_THAT_RE = re.compile(r"^\W*of\s+(?:that|this|those|these|them|it|which)\b|,\s*of\s+which\s+(?:about\s+|around\s+|some\s+)?$", re.I)
SUBSET_AFTER_RE = re.compile(r"^\s*(?:[a-z]+\s+){0,4}?(?:in|among|involv\w*|affect\w*)\s+(?:\w+\s+)?(?:people|persons|patients|children|adults|those|residents|individuals)\s+(?:who|with|under|over|aged|older|younger|whose)\b", re.I)
# a hospital's states of its patients: the count of those in one state is a part of the hurt
CONDITION_AFTER_RE = re.compile(r"^\s*(?:[a-z]+\s+){0,4}?(?:in|to)\s+(critical|serious|grave|stable|fair|good)(?:\s+but\s+stable)?\s+condition", re.I)
PLACE_AFTER_RE = re.compile(r"^\s+(?:[a-z]+\s+)?in\s+(?:the\s+)?(?P<name>[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*)*)")
PERIOD_AFTER = 20  # characters after a figure where its own period starts: "10.41 million the year before"


# "$3.48 billion, or 35 cents a share, in the same period last year": the comparison period, said once
SAME_PERIOD_AFTER_RE = re.compile(
    r"^[^.;]{0,45}?\b(?:in|for|during|of)\s+the\s+(?:same|corresponding|year-earlier|year-ago)\s+(?:period|quarter|month|half|week|time)\b", re.I)


YEAR_PERIOD_RE = re.compile(r"\b(?:in|for|during|of|since)\s+((?:19|20)\d\d)\b|\b((?:19|20)\d\d)['’]s\b")


YEAR_PERIOD_NAME_RE = re.compile(r"year-\d{4}")  # a named year, not "year-earlier"
TO_LEVEL_END_RE = re.compile(r"\b(?:to|from\s+[^,;]{0,30}?\s+at)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|a\s+record\s+)?$", re.I)  # "down 7.7% from a year earlier at 426 billion"


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_DATE_RE = re.compile(r"(?:XXXX|\d{4})-(\d\d)")  # a month, not a day ("XXXX-01-05") nor a quarter
MONTH_GAP_RE = re.compile(r"(?:\s+[a-z\-]+){0,3}\s+(?:in|for|during)\s+")
MONTH_OWNER_RE = re.compile(rf"\b({_MONTH_NAMES})['’]s?\s+(?:[a-z\-]+\s+){{0,6}}$")


def _earlier(period: str) -> str:
    """The period of an earlier value a figure is compared with: "previous", or with the year or
    month its own words name after it ("previous-year-2014": "against 2.4 percent in 2014")."""
    return f"previous-{period}" if period.startswith(("year-", "month-")) else "previous"


def _same_period(a: Frame, b: Frame) -> bool:
    """Do two frames' different periods meet? Changes since a year, earlier values and named
    periods each by their own rule."""
    for rule in (_same_since, _same_previous):
        if (meets := rule(a.period, b.period)) is not None:
            return meets
    return _absolute(a.period, b.period, _present_of(a, b))


def _same_since(x: str, y: str) -> bool | None:
    """Do two periods, one of them a change's since a year, meet? Two changes since two years do
    not; a change since a year meets one that names no period or names a year after it (the
    change up to that year's present). None when neither is a change since a year."""
    if not (x.startswith("since-") or y.startswith("since-")):
        return None
    if x.startswith("since-") and y.startswith("since-"):
        return x == y
    since, other = (x, y) if x.startswith("since-") else (y, x)
    return not other or other.startswith("year-") and other[5:9].isdigit() and int(other[5:9]) > int(since[6:10])


def _same_previous(x: str, y: str) -> bool | None:
    """Do two periods, one of them an earlier value's, meet? An earlier value of a named year or
    month meets that year's or month's figure and an earlier value naming none; two earlier
    values of two years do not. None when neither is an earlier value."""
    if not (x.startswith("previous") or y.startswith("previous")):
        return None
    named_x, named_y = (p.removeprefix("previous").removeprefix("-") for p in (x, y))
    if x.startswith("previous") and y.startswith("previous"):
        return not named_x or not named_y or named_x == named_y
    return bool(named_x and named_x == y or named_y and named_y == x)


def _named_period(period: str) -> bool:
    """No period, or a named year or month: a comparison cue before the figure ("up from 157,000
    in December", "compared with 11.2 million at the 2010 Census") outranks it."""
    return not period or bool(YEAR_PERIOD_NAME_RE.fullmatch(period)) or period.startswith("month-")


def _period(before: str, after: str, dates: list[Quantity], q: Quantity, published_year: int | None) -> str:
    if SAME_PERIOD_AFTER_RE.match(after):
        return "year-earlier"
    # "slid 13 per cent from a year before to S$337.4 million": the period before "to" is the
    # prior's, the new level's own period can only follow it
    near = (" " if TO_LEVEL_END_RE.search(before) else before + " ") + after[:PERIOD_AFTER]
    if published_year and THIS_YEAR_RE.search(near):
        return f"year-{published_year}"  # "this year's $44bn" against "last year's $41bn": two years, named
    # every RELATIVE_PERIODS match has one of PERIOD_CUES: ASCII text with none is not searched
    skip = near.isascii() and not any(cue in near.lower() for cue in PERIOD_CUES)
    for pattern, name in () if skip else RELATIVE_PERIODS:
        if m := pattern.search(near):
            if name == "last-period" and published_year and LAST_YEAR_RE.fullmatch(m.group(0)):
                # "9.02 million last year" in a January 2024 report is 2023's, as "in 2023" is
                return f"year-{published_year - 1}"
            return name
    # a month in the figure's own slot ("227,000 jobs in January", "December's increase now stands
    # at 157,000"): figures of two months are two facts; a month and no period may be one
    for o in dates:
        if o.date and (m := MONTH_DATE_RE.fullmatch(o.date)) and o.start >= q.end \
                and MONTH_GAP_RE.fullmatch(after[:o.start - q.end]):
            return f"month-{m.group(1)}"  # not "a study published in August put the deaths at 1.9 million"
    if m := MONTH_OWNER_RE.search(before):
        return _month_period(m.group(1))
    for o in dates:
        if o.date and o.date[:4].isdigit() and int(o.date[:4]) != published_year:
            return f"year-{o.date[:4]}"
    m = YEAR_PERIOD_RE.search(f"{before} # {after}")
    if m:
        return f"year-{m.group(1) or m.group(2)}"
    return ""


# the earlier value a figure is compared with: "down from $31.5m", "rose to 15% from 12%",
# "compared with 4.1%", "from 12% to 15%" (a change verb before "from": see quantities.CHANGE_FROM_RE)
PRIOR_BEFORE_RE = re.compile(
    # every alternative starts at a word's start, a digit, "%" or "per": other positions are passed over at once
    r"(?=\b\w|[\d%p])"
    # "to 6.8 per cent in October-December from 2.8 per cent", "to £44.7m this year from £40m": the level's period may come between
    rf"(?:{CHANGE_BEFORE_FROM}|\d\S*(?:\s+(?:per\s*cent|percent|percentage\s+points?))?(?:\s+(?:in|during|for)\s+[\w\-]+(?:\s+\d{{4}})?|\s+(?:this|last)\s+[a-z]+)?\s+from|\bcompare[sd]?\s+(?:with|to)|\bversus|\bvs\.?|\bagainst\s+(?:a|an)\b[^,.;]{{0,30}}?\bof|\bagainst(?:\s+the)?|\b(?:compare[sd]?\s+(?:with|to)|versus|vs\.?|against)\s+(?:an?\s+|the\s+)?(?:[a-z\-]+\s+){{0,2}}?(?:of|at)|\bfrom\s+(?:the|its|their|a|an)(?:\s+(?!(?:to|at)\b)[a-z\-]+){{0,2}}?(?:\s+of)?|\bfrom\s+a\s+(?:year|month|quarter)\s+(?:earlier|ago|before)\s+of"
    # "13 per cent lower than the S$0.82", "a 7 per cent increase on the S$95.3 million"
    # "will pass the record 24mt grown in 2021": the record a verb of surpassing names, its figure right after it
    r"|\b(?:broke|breaking|beat|beating|smashed|smashing|surpassed|surpassing|eclipsed|eclipsing|bettered|bettering|pass|passes|passed|passing)\s+"
    r"(?:(?:the|its|a)\s+(?:[\w\-]+\s+){0,3}?record\s+(?:of|at)|(?:the|its)\s+(?:[\w\-]+\s+){0,2}?record)"
    # "just below the record of 11 hours", "bettering Sun Yang's 12-year-old mark of 14:31.02": the mark compared with
    r"|\b(?:below|above|short\s+of|outside|bettered|bettering|beat|beating|broke|breaking)\s+(?:the|its|(?-i:[A-Z])[\w\-]*(?:\s+(?-i:[A-Z])[\w\-]*)?['’]s)\s+(?:[\w\-]+\s+){0,3}?(?:record|mark|best)\s+(?:of|at)"
    r"|\bimprov(?:ed|ing|es)\s+on"  # "improved on the 2:10:17 he ran in 2000"
    # "longer than May's 3.7 months", "4.1% above the $410,100", "down 5.4% on the 4.11 million", "the earlier 6.1 per cent"
    r"|\b(?:(?!greater\b|fewer\b)[a-z]+er|more|less|up|down)\s+than(?:\s+(?:the|its|their|[a-z][\w\-]*['’]s))?"
    r"|(?:%|per\s*cent(?:age)?|percent(?:age)?)(?:\s+points?)?\s+(?:on|over|above|below)|\b(?:the|its|their)\s+(?:earlier|previous|prior|former)|\b(?:increase|rise|gain|jump|fall|drop|decline|decrease)s?\s+(?:on|over)\s+(?:the|its|their)"
    # "¥250 billion instead of ¥150 billion", "more than double the 79-billion-peso loss": the value replaced or multiplied
    r"|\binstead\s+of|\b(?:double|twice|triple|treble)\s+(?:the|its|their))"
    # "compared with the 4.11 million", "versus a 6.3 percent growth rate": a determiner may come first
    # a period's possessive may come first: "0.21 per cent points above December 2017's 0.59 per cent"
    r"\s+(?:(?:the|an?|its|their|(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?|\d{4})['’]s)\s+)?(?:(?:about|around|roughly|nearly|almost|some|just|only|earlier|previous|prior|record|an?\s+estimated|a\s+(?:revised|record|previous))\s+)?"
    # "above the September 2022 rate (23.34 percent)": the value compared with, in brackets after its name
    r"(?:(?:[\w\-]+\s+){1,3}\(\s*)?$", re.I)
# a word every PRIOR_BEFORE_RE match has: a slot without one is not searched further
PRIOR_CUES = r"from|compare|versus|vs|against|than|on\s|over\s|record|mark|best|above|below|earlier|previous|prior|former|instead|double|twice|triple|treble"
PRIOR_CUE_RE = re.compile(r"(?=[fcvatormbepid])(?:" + PRIOR_CUES + ")", re.I)  # keep in step with PRIOR_BEFORE_RE
# the same, on ASCII text lowered: case-sensitive, re skips to the cues' first letters at once
# (re.I also folds "ſ" to "s" and "K" to "k", which lowering ASCII never meets)
PRIOR_CUE_LOWER_RE = re.compile(PRIOR_CUES)
FROM_TO_RE = re.compile(r"^\s+to\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?[$€£¥₹]?\d")
# "against 39.7 per cent for No", "against 35 per cent of the Congress's winners": another side's figure, not an earlier one
FOR_OTHER_RE = re.compile(r"^\s*(?:\w+\s+)?(?:for\b|of\s+(?:the\s+)?(?-i:[A-Z])[\w\-]*(?:\s+(?-i:[A-Z])[\w\-]*)*['’]s?\s)", re.I)
FROM_BEFORE_RE = re.compile(r"\bfrom\s+$", re.I)
# a sentence whose subject is an earlier value, and the copula that gives its figure
SUBJECT_PRIOR_RE = re.compile(r"\W*(?:the|its|their)\s+(?:previous|prior|former|old|earlier)\s+(?:[\w\-]+\s+)?(?:record|high|low|peak|best|mark|estimate|forecast|figure|total)\b", re.I)
COPULA_END_RE = re.compile(r"\b(?:was|were|had\s+been|stood\s+at)\s+$", re.I)
# the value a figure follows on (not "after a 5.5 percent rise to 101.5 million": a change that led to a level)
AFTER_A_CHANGE_RE = re.compile(r"\b(?:after|following)\s+an?\s+$", re.I)
AFTER_CHANGE_NOUN_RE = re.compile(rf"^\s*(?:{CHANGE_NOUNS})\b", re.I)
AFTER_PRIOR_RE = re.compile(rf"\b(?:after|following|(?P<since>since)(?:\s+an?\s+[a-z]+\s+of)?)\s+(?:(?:(?:[a-z]+\s+)?growth|an?\s+(?:[a-z]+\s+)?(?:{CHANGE_NOUNS}))\s+of\s+)?$", re.I)
OBJECT_FROM_RE = re.compile(CHANGE_OBJECT_FROM + r"\s+$", re.I)


# "came in above the 12 billion dollars reported", "below the 2% target": a known value the
# sentence measures against (a hedge has no article: "above 35C"); not "under the $1.4bn deal"
REFERENCE_BEFORE_RE = re.compile(r"\b(?:above|below|beyond|exceeding|topping)\s+(?:the|its|their)\s+(?:[a-z]+\s+)?$", re.I)


# "the interim dividend is 8.0p (2017: 7.7p)": UK results statements give the year before's
# figure in brackets after the year's (the comparative column of their tables)
BRACKET_YEAR_BEFORE_RE = re.compile(r"\(\s*(?:(?:[HQ][1-4]|FY)\s?)?(?:19|20)\d\d(?:[/-]\d\d)?\s*:\s*(?:[$€£¥₹]\s?)?$")


def _prior(before: str, after: str) -> str:
    """"previous" when the figure is the earlier value its sentence compares with, "reference"
    when it is a mark the sentence measures against."""
    if ":" in before and BRACKET_YEAR_BEFORE_RE.search(before):
        return "previous"
    if (PRIOR_CUE_LOWER_RE.search(before.lower()) if before.isascii() else PRIOR_CUE_RE.search(before)) \
            and (m := PRIOR_BEFORE_RE.search(before)) and not (m.group(0).lower().startswith("against") and FOR_OTHER_RE.match(after)):
        return "previous"  # not "60.3 per cent against 39.7 per cent for No": another side's figure
    if FROM_TO_RE.match(after) and FROM_BEFORE_RE.search(before):  # the anchored test first: it fails at once
        return "previous"
    if REFERENCE_BEFORE_RE.search(before[-30:]):
        return "reference"  # a level of its own (a target, a mark), not the subject's
    return ""


def role(frame: Frame) -> tuple[str, str]:
    """(role, direction) of a figure as `extract` reports it: ("change", "up"|"down"|"") for an
    amount of change (a margin has no direction), ("prior", "") for the earlier value a figure is
    compared with, else ("level", "")."""
    if frame.period.startswith("previous") and frame.change in ("up", "down", "increment"):
        return "prior", ""  # "versus a 6.3 percent growth rate in 2018": the change it is compared with
    if frame.change in ("up", "down"):
        return "change", frame.change
    if frame.change == "increment":
        return "change", "up"
    if frame.change.startswith("margin"):
        return "change", frame.change.partition("-")[2]
    if frame.period.startswith("previous") or frame.period in ("year-earlier", "last-period"):
        return "prior", ""
    return "level", ""


# "crashed while landing on Saturday, July 6": the day of an event the sentence recalls (an -ing or
# -ed verb other than a reporting one right before it), not the day its figures were counted
DAY_CUE_RE = re.compile(r"day|week", re.I)
EVENT_DAY_RE = re.compile(r"\b(?!(?:said|reported|confirmed|announced|counted|added|stated|noted|recorded|updated|released|published|tallied)\b)[a-z]{3,}(?:ed|ing)\s+(?:on\s+)?$", re.I)


def _own_day(slot_before: str, slot_after: str) -> str:
    """A day in the figure's own slot dates it, whatever the sentence's other figures say
    ("down at $45.61 before the open, having closed yesterday at $46.83": $46.83 is
    yesterday's); "" when its slot names none. Not a day it runs from ("since Monday") or
    one that owns a noun ("Tuesday's update")."""
    # (every DAY_RE match has "day" or "week": most slots have neither and are not searched)
    found = [m for m in DAY_RE.finditer(slot_before)
             if not re.match(r"(?:since|until|through)\b", m.group(0), re.I) and not re.match(r"['’]s\b", slot_before[m.end():])
             ] if DAY_CUE_RE.search(slot_before) else []
    m = OWN_DAY_AFTER_RE.match(slot_after) or (found[-1] if found else None)
    return _day_of(m) if m is not None else ""


def _day_of(m: re.Match) -> str:
    """The day a DAY_RE or OWN_DAY_AFTER_RE match names: a weekday, "yesterday" or "week-ago"."""
    if m.group("day"):
        return m.group("day").lower()
    return "yesterday" if m.group("yesterday") else "week-ago"


# a day that owns a market session dates what was read in it: "in Wednesday's after-hours trading"
SESSION_AFTER_RE = re.compile(r"['’]s\s+(?:[a-z\-]+\s+)?(?:trading|session|close|open|opening)\b", re.I)
OWN_DAY_AFTER_RE = re.compile(r"^\s*(?:on\s+)?(?:(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?P<yesterday>yesterday)|(?P<week>a\s+week\s+ago|last\s+week))\b(?!['’]s)", re.I)


@lru_cache(maxsize=256)  # one answer per sentence, asked once per figure in it
def _day(sentence: str) -> str:
    """The day a sentence dates its figures to; not a day it compares with ("than in Tuesday's
    update", "since Monday"), and none when it says "today" or "now"."""
    if re.search(r"\b(?:today|now|tonight)\b", sentence, re.I):
        return ""
    if not DAY_CUE_RE.search(sentence):
        return ""  # every DAY_RE match has "day" or "week": the sentence names no day
    m = next((m for m in DAY_RE.finditer(sentence)
              if (not re.match(r"['’]s\b", sentence[m.end():]) or SESSION_AFTER_RE.match(sentence, m.end()))
              and not re.match(r"(?:since|until|through)\b", m.group(0), re.I)
              and not re.search(r"\b(?:than|since|from|before|compared\s+with)\s+(?:in\s+|on\s+)?$", sentence[:m.start()], re.I)
              and not EVENT_DAY_RE.search(sentence[:m.start()])), None)
    return _day_of(m) if m else ""


def _subject(
    text: str, sentence_start: int, q: Quantity, before: str, after: str, clause_before: str,
    capitalized: frozenset[str],
) -> str:
    """The name tied to the figure: in its own slot before it (nearest first), after it
    ("turnout in Ohio", "votes for Biden"), else the clause's own subject name."""
    offset = len(clause_before) - len(before)
    if m := ESTIMATE_AT_RE.search(before):
        # "K Sivan puts the total cost of Chandrayaan-3 at Rs 615 crore": whoever puts a figure on
        # a thing is a source, not its subject; the thing is the one the object names, if any
        owner = NAME_RE.search(m.group("what"))
        return _clean_name(owner.group(0), False, capitalized) if owner else ""
    if m := OWNER_BEFORE_RE.search(before):
        if name := _clean_name(m.group("name"), False, capitalized):
            return name  # "Trump's 232", "Florida's death toll rose to"
    if m := PRONOUN_OWNER_RE.search(before):
        # "Scotland had its hottest day, smashing its previous record of 32.9C", "HP said its
        # revenue rose": the owner is the nearest name before the pronoun that no preposition
        # governs, speaker or not
        head = clause_before[:offset + m.start()]
        owners = [n for n in NAME_RE.finditer(head) if not head[n.start() - 1:n.start()].isalnum()  # not "34.8C"
                  and not PREPOSITION_END_RE.search(head[:n.start()])
                  and not OWNS_RE.match(head[n.end():])]
        if owners and (name := _clean_name(owners[-1].group(0), not head[:owners[-1].start()].strip(), capitalized)):
            return name
    # the subject of the verb that governs the figure: the last name before it, a few words away
    # ("the Cedar Flat fire had burned 2,100 acres", "Biden won 306"), never a speaker ("X said")
    names = [(m, n) for m in CHAIN_RE.finditer(before)
             if (n := _names(m.group(0), clause_before, offset + m.start(), capitalized))
             and not ATTRIBUTION_AFTER_RE.match(before[m.end():])]
    # a name after a preposition ("at HP") or owning a noun ("HP's biggest deal") is not the subject
    plain = [(m, n) for m, n in names if not PREPOSITION_END_RE.search(before[:m.start()])
             and not OWNS_RE.match(before[m.end():])]
    # failing a plain name, one after a preposition ("turnout in Ohio"), but not where a thing
    # came from ("the flight from Shanghai was carrying 291 passengers")
    placed = [(m, n) for m, n in names if not FROM_END_RE.search(before[:m.start()])]
    near = [(m, n) for m, n in (plain or placed) if len(before[m.end():].split()) <= SUBJECT_WORDS]
    if near:  # every such name is a word of the subject: "Coningsby in Lincolnshire", "the Arlen flood"
        # but not past a verb: "Paris St-Germain have paid Barcelona 222m euros": the payer is the subject
        cut = next((k for k in range(1, len(near)) if VERB_GAP_RE.search(before[near[k - 1][0].end():near[k][0].start()])), len(near))
        near = near[:cut]
        subject = " ".join(dict.fromkeys(w for _, n in near for name in n for w in name.split()))
        return _coordinated(subject, clause_before[:offset + near[0][0].start()], capitalized, q)
    m = NAME_AFTER_RE.match(after)
    if m and (name := _clean_name(m.group("name"), False, capitalized)):
        return name
    if (m := RECORDER_RE.search(before)) and (name := _clean_name(m.group("name") or m.group("reporter"), not before[:m.start()].strip(), capitalized)):
        # "Texas last recorded a measles death in 2018": a place records what happens in it; "New
        # Mexico has reported nine cases": a figure that is the object of "reported" is the name's own
        start = m.start("name") if m.group("name") else m.start("reporter")
        return _coordinated(name, clause_before[:offset + start], capitalized, q)
    # (every INTERRUPTED_SUBJECT_RE match has two commas or more: most clauses are not searched)
    if clause_before.count(",") >= 2 and (m := INTERRUPTED_SUBJECT_RE.search(clause_before)) \
            and not PREPOSITION_END_RE.search(clause_before[:m.start("name")]) \
            and (name := _clean_name(m.group("name"), not clause_before[:m.start("name")].strip(), capitalized)):
        # "Lea County, on the border, has nine cases", "Samuel Bankman-Fried, the former chief of
        # FTX, was sent to prison for 24 years": the clause's subject, past an apposition set off
        # by commas. Not past a relative clause: "Pakistan, which ..., wants to buy" is often a
        # capital's country, named by the capital elsewhere, as the wider clause already finds
        return name
    if (m := APPOSED_NAME_SUBJECT_RE.match(clause_before)) and (name := _clean_name(m.group("name"), False, capitalized)):
        return name
    if m := RELATIVE_RE.match(before):
        # "EDS, which took in $22 billion", "IBM, with revenue of $48.3 billion", "the co-pilot, Lee,
        # has logged 12,842 hours": the name the clause hangs on; "IBM leads the market, with $54
        # billion", "Scotland had its hottest day, at 34.8C": the phrase describes the clause's subject
        head = clause_before[:len(clause_before) - len(before)]
        # "Sam Bankman-Fried, who co-founded FTX, has been given 25 years": past the relative clause
        found = (m.group(1).lower() in ("has", "have", "had", "is", "was") and PAST_RELATIVE_RE.search(head)) \
            or ANTECEDENT_RE.search(head) or (m.group(1).lower() in ("with", "at", "having") and CLAUSE_SUBJECT_RE.match(head))
        if found and PREPOSITION_END_RE.search(head[:found.start("name")]):
            found = None  # "a jet from Seoul, South Korea, with 300 aboard": a place it came from
        if found:
            return _clean_name(found.group("name"), not head[:found.start("name")].strip(), capitalized)
    if FRONTED_PHRASE_RE.match(clause_before) and (m := MAIN_SUBJECT_AFTER_RE.match(text, q.end, q.end + 150)) \
            and (name := _clean_name(m.group("name"), False, capitalized)):
        # "With seven per cent of the vote, the Greens had their best result": a figure in an
        # opening phrase is said of the subject of the clause it opens
        return name
    if m := PLACE_FIRST_RE.match(clause_before):
        # "In Palafrugell, a town of 22,868, 6855 votes were cast": the sentence is set in that place
        return _clean_name(m.group("name"), False, capitalized)
    if m := DEMONSTRATIVE_SUBJECT_RE.search(clause_before):
        # "... than Chandrayaan-2, whose budget was $96.5 million; that mission's cost came to Rs
        # 978 crore": "that mission" is the thing the sentence last named
        named = [n for n in NAME_RE.finditer(clause_before, 0, m.start()) if n.start() > 0 or n.group(0).lower() in capitalized]
        if named and (name := _clean_name(named[-1].group(0), False, capitalized)):
            return name
    return ""


# a year that sets the scene for the clause a figure is in: a sentence opening "In 2019," or a
# "when" clause hung on a year ("in 1997, when Labour took 43.3 per cent")
WHEN_EARLIER_RE = re.compile(r"\b(?:a|one|the)\s+(?:year|quarter)\s+(?:earlier|ago|before)\s*,\s*when\b[^.;]*$", re.I)
TRAILING_YEAR_EARLIER_RE = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?,\s*(?:a|one|the)\s+(?:year|quarter)\s+(?:earlier|ago|before)\s*(?:[.;]|$)", re.I)
YEAR_TO_MONTH_RE = re.compile(r"\s*(?:in|for|over|during)\s+the\s+(?:twelve|12|12-month)?[\s-]*(?:months?|year)\s+(?:to|through|thru|ending(?:\s+in)?)\s+"
                              rf"(?P<month>{_MONTH_NAMES})\b")
# "In May the rate had been 8.6 percent": a month the sentence opens with dates its figures
OPENING_MONTH_RE = re.compile(rf"\W*(?:Back\s+)?In\s+(?P<month>{_MONTH_NAMES})\b(?!\s+\d)[^;]*$")
OPENING_YEAR_RE = re.compile(r"\W*(?:Back\s+)?In\s+(?:the\s+)?(?P<year>(?:19|20)\d\d)\b[^,;]{0,40},[^;]*$")
WHEN_YEAR_RE = re.compile(r"\b(?P<year>(?:19|20)\d\d)\s*,\s*(?:when|with)\b[^.;]*$")  # "came in 1945, with a gain of 239"
# "was 83.9%, recorded in 1950": a participle after the figure dates it
DATED_AFTER_RE = re.compile(r"\s*,\s*(?:first\s+)?(?:recorded|set|reached|seen|registered|achieved|posted|hit|measured)\s+in\s+(?P<year>(?:19|20)\d\d)\b")
# a penalty is the payer's: the name a verb puts it on, not the one who imposed it
PENALTY_ATTRIBUTES = frozenset({"fine", "damages"})
NOT_PAYER_END_RE = re.compile(r"\b(?:by|from|of|at|in|on)\s+(?:the\s+)?$")  # who imposed it, or a place
OBJECT_NAME_RE = re.compile(r"\b[a-z]{2,}\s+(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)(?=\s+(?:a|an|the|with|to|for|[$€£¥₹\d]|[A-Z]{1,3}\$)|\s*$)")


def _penalized(slot_before: str, clause_before: str, capitalized: frozenset[str]) -> str:
    """The name right after a verb in the figure's slot: who a fine was put on ("fined Google
    $3.6b", "hit Google with a record fine of"); "" when none, or when it follows "by"/"from"."""
    found = [m for m in OBJECT_NAME_RE.finditer(slot_before) if not NOT_PAYER_END_RE.search(slot_before, 0, m.start("name"))]
    return _clean_name(found[-1].group("name"), False, capitalized) if found else ""


SINCE_YEAR_RE = re.compile(r"\s*(?:[a-z\-]+\s+){0,2}?since\s+(?:the\s+)?(?:[a-z\-]+\s+){0,3}?(?:in\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
SINCE_YEAR_BEFORE_RE = re.compile(r"\bsince\s+(?P<year>(?:19|20)\d\d)\s*,?\s*(?:[a-z\-]+\s+){0,4}$", re.I)
FRONTED_PHRASE_RE = re.compile(r"^\W*(?:With|At|On|After|Despite|Having)\b[^,;]*$")
MAIN_SUBJECT_AFTER_RE = re.compile(r"[^,;.]*,\s*(?:the\s+)?(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)\s+[a-z]")
CONNECTOR_RE = re.compile(r"\s(?:of|de|the)\s")  # "Arsene Wenger of Arsenal" is a man and his club
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:\n]\s*|\n)$")
PLACE_MODIFIERS = frozenset("""north south east west northern southern eastern western central northeast northwest
    southeast southwest upper lower greater new old great little""".split())


def full_names(text: str, claims: list, capitalized: frozenset[str]) -> list:
    """Claims whose subject is one name ("lee") given the last full name the article used
    before that contains it ("lee kang-kuk"): news style names a person or place in full first
    and by one name after, and a story may hold two of one family name. `claims` are one
    document's, in reading order; the list returned is new, the claims replaced where changed."""
    lone = {c.frame.subject for c in claims if c.frame.subject and " " not in c.frame.subject}
    if not lone:
        return claims
    # a full name's words are its printed words lower-cased, stripped, their initials' dots
    # dropped (_clean_name): a printing holding no lone subject, as printed or undotted, holds
    # none of them and is not read (most of an article's names)
    named = [(m.start(), name) for m in NAME_RE.finditer(text)
             if _may_hold(m.group(0).lower(), lone)
             and (name := _full_name(m, text, capitalized)) and lone & set(name.split())]
    out = []
    for c in claims:
        subject = c.frame.subject
        if subject in lone:
            full = [name for at, name in named if at < c.start and subject in (name.split()[0], name.split()[-1])]
            if full:
                c = replace(c, frame=replace(c.frame, subject=full[-1]))
        out.append(c)
    return out


# "the hospital had taken in 34 patients": a definite noun phrase right before the figure's verb
DEFINITE_NP_RE = re.compile(r"\b[Tt]he\s+((?:[a-z][a-z\-]*\s+){0,2}[a-z][a-z\-]*)\s+(?:[a-z]+\s+){0,3}$")
DEFINITE_WINDOW = 400  # characters back to look for the name: the sentence, or one or two before it


def definite_names(text: str, claims: list, capitalized: frozenset[str]) -> list:
    """Claims with no subject whose figure's clause says "the hospital", "the county", "the
    airline" given the name that phrase refers to: the last name printed in the sentence or just
    before it whose last word is that noun ("San Francisco General Hospital ... the hospital had
    taken in 34 patients", "Gaines County ... the county has 98 cases"), as news style names a
    thing in full once and by its kind after. `claims` are one document's, in reading order;
    the list returned is new, the claims replaced where changed."""
    out = []
    for c in claims:
        q = c.quantity
        # (not a name and a noun after it, "the Cedar Flat fire": "the French club", "HP services" are not names)
        if q is not None and not c.frame.subject and (m := DEFINITE_NP_RE.search(text, c.start, q.start)) \
                and not ATTRIBUTION_BEFORE_FIGURE_RE.search(text, m.start(), q.start):  # not "the airline said 16 crew"
            nouns = {stem(w) for w in m.group(1).split() if len(w) > 2 and w not in NOT_NAMES}
            found = []
            for n in NAME_RE.finditer(text, max(0, m.start() - DEFINITE_WINDOW), m.start()):
                if not (name := _clean_name(n.group(0), _sentence_start(text, n.start()), capitalized)):
                    continue  # "The judge": no name
                if " " in name and stem(name.rsplit(" ", 1)[-1]) in nouns:
                    found.append(name)
            if found:
                c = replace(c, frame=replace(c.frame, subject=found[-1]))
        out.append(c)
    return out


def _sentence_start(text: str, at: int) -> bool:
    """Does a sentence (or the text) start at `at`?"""
    return at == 0 or SENTENCE_START_RE.search(text, max(0, at - 3), at) is not None


def _may_hold(printed: str, words: set[str]) -> bool:
    """Could the lower-cased printing of a name hold one of `words` once cleaned?"""
    undotted = printed.replace(".", "") if "." in printed else printed
    return any(w in printed or w in undotted for w in words)


# a name, not its owner ("Kenya's Kelvin Kiptum" is Kelvin Kiptum; "O'Brien" keeps its
# apostrophe), and not across a sentence's end ("on Sunday. Kovac led": a stop ends a name)
PERSON_NAME_RE = re.compile(r"[A-Z](?:[\w\-]|['’](?=[A-Z])|\.(?=\w))*(?:[ \t]+(?:de\s+)?[A-Z](?:[\w\-]|['’](?=[A-Z])|\.(?=\w))*)*")
AGE_APPOSITION_BEFORE_RE = re.compile(r"(?P<name>" + PERSON_NAME_RE.pattern + r")\s*,\s*(?:(?:the|a|an|aged)\s+)?$")
APPOSITION_CLOSED_RE = re.compile(r"^[^,.;:!?()]{0,40}[,)]")
AGE_NAME_AFTER_RE = re.compile(r"^\s+(?:[a-z]+\s+){0,2}(?P<name>" + PERSON_NAME_RE.pattern + ")")
DEFINITE_END_RE = re.compile(r"\bthe\s+$", re.I)
SENTENCE_BREAK_RE = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z\"“])")


def age_owners(text: str, claims: list, capitalized: frozenset[str]) -> list:
    """Age claims given the person the age belongs to, where the words around the age say it:
    in apposition ("Kiptum, 23,", "Sifan Hassan, the 30-year-old Dutch runner,"), or named after
    it ("his 38-year-old compatriot Eliud Kipchoge"). "The 30-year-old" standing alone refers
    back, as news style does: to the first person named in the nearest sentence of its
    paragraph that names one (a sentence's subject comes first), or, failing that, to the
    first person the paragraph before names (its topic); else it stays unnamed. A person is a
    full name whose last word the article also uses alone, or that lone word: news names a
    person in full once and by family name after (a mononym or a club is no person by this
    test, and its age stays unnamed). `claims` are one document's, in reading order; the list
    returned is new, the claims replaced where changed."""
    ages = [c for c in claims if c.quantity is not None and c.frame.attribute == "age"]
    if not ages:
        return claims
    matches = list(PERSON_NAME_RE.finditer(text))
    full = {m.start(): name for m in matches if (name := _full_name(m, text, capitalized))}
    surnames = {name.split()[-1] for name in full.values()} & {m.group(0).lower() for m in matches if " " not in m.group(0)}
    people = [(m.start(), full.get(m.start()) or m.group(0).lower()) for m in matches
              if (m.start() in full and full[m.start()].split()[-1] in surnames)
              or (" " not in m.group(0) and m.group(0).lower() in surnames)]

    def first_person(low: int, high: int, backwards: bool) -> str:
        """The first person named in the nearest (backwards) or the first sentence of
        text[low:high] that names one."""
        cuts = [low] + [m.end() for m in SENTENCE_BREAK_RE.finditer(text, low, high)] + [high]
        spans = list(zip(cuts, cuts[1:]))
        for a, b in reversed(spans) if backwards else spans:
            if named := [name for start, name in people if a <= start < b]:
                return named[0]
        return ""

    def referent(at: int) -> str:
        paragraph = text.rfind("\n\n", 0, at)
        previous = text.rfind("\n\n", 0, max(paragraph, 0))
        return first_person(max(paragraph, 0), at, True) or (
            first_person(max(previous, 0), paragraph, False) if paragraph > 0 else "")

    owners: dict[int, str] = {}
    for c in ages:
        q = c.quantity
        line_start = text.rfind("\n", 0, q.start) + 1
        before, after = text[max(line_start, q.start - 80):q.start], text[q.end:q.end + 80]
        if (m := AGE_APPOSITION_BEFORE_RE.search(before)) and APPOSITION_CLOSED_RE.match(after) \
                and not PREPOSITION_END_RE.search(before[:m.start("name")]):
            owners[id(c)] = _clean_name(m.group("name"), False, capitalized)
        elif (m := AGE_NAME_AFTER_RE.match(after)) and (owner := full.get(q.end + m.start("name"))
                                                        or dict(people).get(q.end + m.start("name"))):
            owners[id(c)] = owner
        elif DEFINITE_END_RE.search(before):
            owners[id(c)] = referent(q.start)  # not the clause's subject: "The deal for the 25-year-old"
    return [replace(c, frame=replace(c.frame, subject=owners[id(c)])) if id(c) in owners else c for c in claims]


def _coordinated(subject: str, head: str, capitalized: frozenset[str], q: Quantity) -> str:
    """A subject joined by "and" to the name before it is both together ("west Texas and
    neighboring New Mexico have recorded 130 cases": "texas & new mexico"), for a count or an
    amount of money, which add up; a temperature or a share does not ("Northolt and Kew each
    reached 39.9C"), nor does a figure each has ("both", "each"). `head` is the clause up to the
    subject's name; "and" ends a slot, so the clause is searched, not the slot."""
    if q.kind not in ("count", "money") or EACH_RE.search(head):
        return subject
    if (m := COORDINATED_BEFORE_RE.search(head)) and (other := _clean_name(m.group("name"), not head[:m.start()].strip(), capitalized)):
        return f"{other} & {subject}"
    return subject


def _full_name(m: re.Match, text: str, capitalized: frozenset[str]) -> str:
    """The full name a NAME_RE match in `text` prints, or "": two or three words on one line,
    none an acronym or a title ("EDS CEO", "HP Chief Strategy Officer Shane Robison" name no one
    by the company's name), none owning the next ("PSG's Qatari president"), no man and his club
    ("Arsene Wenger of Arsenal"), no headline's question word ("How Neymar's fee"), and no part of
    a place ("West Texas")."""
    return _printed_full_name(m.group(0), _sentence_start(text, m.start()), capitalized)


@lru_cache(maxsize=4096)  # every name an article prints is asked, and a name recurs through it
def _printed_full_name(printed: str, at_start: bool, capitalized: frozenset[str]) -> str:
    """_full_name of a name as printed, at a sentence's start or not."""
    words = printed.split()
    if "\n" in printed or CONNECTOR_RE.search(printed) or words[-1].rstrip("'’s").isupper() \
            or any(w.isupper() or OWNS_RE.search(w) for w in words[:-1]):
        return ""
    name = _clean_name(printed, at_start, capitalized)
    return name if 2 <= len(name.split()) <= 3 and name.split()[0] not in PLACE_MODIFIERS else ""


def class_of(word_stem: str) -> str:
    """The attribute class of a Snowball stem ("contract" -> "duration"), "" when it has none."""
    return _CLASS_OF.get(word_stem, "")


PLACE_FIRST_RE = re.compile(r"\W*(?:In|At)\s+(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)\s*,")
EACH_RE = re.compile(r"\b(?:both|each)\b", re.I)
COORDINATED_BEFORE_RE = re.compile(r"(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)\s+and\s+(?:[a-z]+\s+)?$")
OWNER_BEFORE_RE = re.compile(r"(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)['’]s?\s+(?:[a-z\-]+\s+){0,3}$")
# "from Seoul, South Korea": a name in apposition to a preposition's name is in the phrase too
PREPOSITION_END_RE = re.compile(r"\b(?:at|in|of|for|from|with|to|by|on|over|against)\s+(?:the\s+)?"
                                r"(?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*,\s*)?$")
SPAN_SURFACE_RE = re.compile(r"(?:from|between)\b", re.I)
# "a solo run at 35 kilometres", "broke away at 30km": "at" after the words of what happened is a
# point along a route; set off by a comma ("The pipeline, at 1,100 km, ...") it gives a length
# ("peaked at 30 feet", "stood at", "is at": a verb of level before "at" gives the level itself)
AT_POINT_RE = re.compile(r"\b(?![a-z]+ed\b|(?:is|are|was|were|be|been|stands?|stood|remains?|sits?|sat|peaks?|crests?|"
                         r"rose|fell|hit|hits|reach(?:es)?|put|puts|sets?|estimates?)\b)[a-z]+\s+at\s+(?:the\s+)?(?:about\s+|around\s+|roughly\s+)?$", re.I)
POSITION_BEFORE_RE = re.compile(r"\b(?:after|past|until|beyond|between)\s+(?:the\s+)?(?:about\s+|around\s+|roughly\s+)?$", re.I)
MULTIPLE_AFTER_RE = re.compile(r"\s*(?:as|more|less|fewer|bigger|larger|higher|greater|smaller|lower|longer|faster|the|that|what)\b", re.I)
THIS_YEAR_RE = re.compile(r"\bthis\s+year['’]?s?\b", re.I)
LAST_YEAR_RE = re.compile(r"last\s+year['’]?s?", re.I)
BEFORE_THEN_RE = re.compile(r"\W*(?:Before|Until)\s+(?:that|then|now|this|today|(?:last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b", re.I)
VERB_GAP_RE = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|[a-z]{3,}ed)\b")
FROM_END_RE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
OWNS_RE = re.compile(r"['’]s?\b")
# "its previous record of", "its share of the technology service market at about": the noun
# phrase the pronoun owns runs up to the figure
PRONOUN_OWNER_RE = re.compile(r"\b(?:its|their)\s+(?:[a-z\-]+\s+){0,8}$")
NAME_AFTER_RE = re.compile(r"^\s*(?:\w+\s+)?(?:in|for|at)\s+(?:the\s+)?(?P<name>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)")
RECORDER_RE = re.compile(r"(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)\s+(?:\w+\s+){0,2}?(?:recorded|logged|registered)\b"
                         r"|(?P<reporter>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)\s+(?:has|have|had|now)?\s*(?:reported|confirmed|counted)"
                         r"\s+(?:[a-z]+\s+){0,3}$")
# the clause's verb after its subject and an aside, then the rest of the clause up to the figure
# (a date's comma is no clause break): "Reform UK, for its part, won", "was launched on July 16, 2021 with"
SUBJECT_VERB_TO_FIGURE = (r"\s*(?:still\s+|now\s+|also\s+)?(?:has|have|had|is|was|are|were|[a-z]{3,}s|[a-z]{2,}ed|"
                          + "|".join(IRREGULAR_PAST) + r")\b(?:[^,]|,\s*(?:19|20)\d\d\b)*$")
INTERRUPTED_SUBJECT_RE = re.compile(
    r"(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*(?:\s+\d{1,3}\b)?)\s*,(?!\s*(?:which|who|whose|that)\b)(?:\s*[^,]{2,80}?,){1,2}"
    + SUBJECT_VERB_TO_FIGURE)
# "Its successor, Chandrayaan-2, had a much bigger allocation": a common noun phrase, then the
# name it is, set off by commas, then the verb: the name is the subject
APPOSED_NAME_SUBJECT_RE = re.compile(
    r"^\W*(?:[A-Z][a-z]*\s+)?(?:[a-z\-]+\s+){0,3}[a-z\-]+\s*,\s*(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)\s*,"
    + SUBJECT_VERB_TO_FIGURE)
RELATIVE_RE = re.compile(r"^\s*(which|who|whose|with|that|at|has|have|had|is|was|having)\b", re.I)
CLAUSE_SUBJECT_RE = re.compile(r"^\W*(?:The\s+)?(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-.]*)*)\s+[a-z]+")
PAST_RELATIVE_RE = re.compile(r"(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)\s*,\s*(?:who|which|whose)\b[^,;]*,\s*$")
# "EDS, which", "EDS stock, which": the name, or a name and its noun, the clause hangs on
ANTECEDENT_RE = re.compile(r"(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)(?:['’]s)?['’]?(?:\s+[a-z]+){0,2}\s*,\s*$")


def _names(span: str, clause: str, offset: int, capitalized: frozenset[str]) -> list[str]:
    """Names in `span` (which starts at `offset` in `clause`), without speakers ("X said")."""
    out = []
    for m in NAME_RE.finditer(span):
        rest = span[m.end():]
        if ATTRIBUTION_AFTER_RE.match(rest) or ATTRIBUTION_BEFORE_RE.search(span[:m.start()]):
            continue
        # a list item's bullet ("- Net income came to $104 million") opens its sentence too
        at_start = not clause[:offset + m.start()].strip(BULLETS) or clause[:offset + m.start()].rstrip()[-1:] in ".!?\"“"
        if at_start and PLACE_OF_RE.match(span, m.end()) and not m.group(0).endswith("s") \
                and not _class(m.group(0).lower()):
            at_start = False  # "Coningsby in Lincolnshire logged 40.3C": a place in a place (not "Officials in Texas")
        if name := _clean_name(m.group(0), at_start, capitalized):
            out.append(name)
    return out


BULLETS = " \t\n-–—•*·"
PLACE_OF_RE = re.compile(r"\s+in\s+(?:[a-z]+\s+)?[A-Z]")
INITIALS_RE = re.compile(r"(?:[A-Z]\.)+[A-Z]?")
MIXED_CASE_RE = re.compile(r"[a-z][A-Z]|-[A-Z]|-\d")  # "McDonald", "Hewlett-Packard", "Chandrayaan-3"


MODIFIER_START_RE = re.compile(r"(?:ing|ed|ly|ern|ward|ian|ish|ese)$|^(?:The|A|An|In|On|At|By|For|From|With|As|But|And|Or|If|When|While|After|Before|Since|Some|Many|Most|All|How|Why|What|Where|Who)$")


@lru_cache(maxsize=4096)  # a name recurs through its article (every figure's subject, every full name)
def _clean_name(name: str, at_start: bool, capitalized: frozenset[str]) -> str:
    # "U.S." and "US", "U.K." and "UK" are one name
    words = [w.strip(".’'-").removesuffix("’s").removesuffix("'s") for w in name.split()]
    words = [w.replace(".", "") if INITIALS_RE.fullmatch(w + ".") else w for w in words]
    if at_start and words and words[0] not in capitalized and not _name_shaped(words[0]) \
            and not (len(words) > 1 and words[1][:1].isupper() and not MODIFIER_START_RE.search(words[0])):
        words = words[1:]  # "Officials", "Neighboring New Mexico"; but "Gaines County" is one name
    if based := [i for i, w in enumerate(words) if w.lower().endswith("-based")]:
        words = words[based[-1] + 1:]  # "Palo Alto-based HP": HP, not where it is based
    words = [w for w in words if len(w) > 1 and w.lower() not in NOT_NAMES and not w[0].isdigit()]  # "101.7F": no name
    return " ".join(w.lower() for w in words)


def _name_shaped(word: str) -> bool:
    """A word that is a name even at a sentence start: "HP", "EDS", "Hewlett-Packard", "McDonald"."""
    return (len(word) > 1 and word.isupper()) or bool(MIXED_CASE_RE.search(word))


def age_group(q: Quantity) -> bool:
    """"aged 60 and over", "ages 30 to 59": the ages of a group of people, not one person's age."""
    return q.kind == "count" and q.thing == "age" and q.bound not in ("exact", "approx")


def ends_slots(q: Quantity) -> bool:
    """Does a figure end its neighbours' words? Not a year ("revenue in 2019 was $5bn") nor an
    age group ("296.9 million people aged 60 and over": the group says which people)."""
    return q.kind != "date" and not age_group(q)


NEXT_TO_RE = re.compile(r"\s+(?:[A-Za-z'’\-]+\s+){0,4}")  # a few words, no punctuation: "aged 60 and above numbered"


def _next_to(text: str, a: Quantity, b: Quantity) -> bool:
    """Are the two figures a few words apart in one phrase, either way round?"""
    x, y = (a, b) if a.end <= b.start else (b, a)
    return x.end <= y.start and bool(NEXT_TO_RE.fullmatch(text, x.end, y.start))


def age_span(q: Quantity) -> str:
    """An age group's ages as a word: "60-" for "aged 60 and over", "5-17" for "aged 5 to 17"."""
    low, high = (f"{v:g}" if v is not None else "" for v in (q.low, q.high))
    return f"{low}-{high}"


# r"(?<=[a-z,] )[A-Z][\w’'\-]*" with its capital taken out in front: a pattern that opens with a
# character set is only tried where one of its characters stands, not at every position
CAPITALIZED_RE = re.compile(r"[A-Z](?<=[a-z,] [A-Z])[\w’'\-]*")


def capitalized_words(text: str) -> frozenset[str]:
    """Words a document capitalizes after a lower-case word: its names, not sentence starts."""
    return frozenset(CAPITALIZED_RE.findall(text))


def people_thing(thing: str | None, attribute: str, bare: bool = False) -> str | None:
    """"residents", "evacuees", "claimants" are people when the attribute is what happened to them;
    "deaths", "casualties" and "population" always count people. An age is never a count of
    people ("the body of a 14-year-old boy was recovered": an age, not one more death)."""
    if thing == "age":
        return thing
    if thing in PERSON_NOUNS and attribute in PEOPLE_ATTRIBUTES:
        return "people"
    if thing in PERSON_NOUNS and attribute == "cases":
        return "cases"  # "120 people have been infected" counts cases, as "124 cases" does
    if thing and _CLASS_OF.get(stem(thing)) in _PEOPLE_OR_POPULATION:
        return "people"  # "690,000 deaths" and "690,000 people died"; a population counts people
    if bare and attribute in _PEOPLE_OR_POPULATION:
        return "people"  # "the population ... shrank by 2.08 million": the noun before was a guess
    return thing
