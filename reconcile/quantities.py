"""Quantity mentions: every figure in a text, with its unit, bound and exact span.

A pure function of one text. It scans for numbers (digits or words), then reads what
is glued around each one with small anchored regexes: a hedge and a currency before,
a range, a scale word, a unit and a rate after. Every regex is linear (no nested
quantifiers over the same characters), so a 20 MB line or a 5,000-digit number cannot hang.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from text_to_num import text2num

from . import units
from .errors import UnitError
from .firstchar import FirstCharDispatch
from .escape import BIDI_CONTROLS
from .models import Quantity, replace
from .words import count_class
from .words import CHANGE_BEFORE_AMOUNT, CHANGE_BEFORE_FROM, CHANGE_NOUNS, CHANGE_OBJECT_FROM, IRREGULAR_PAST

MAX_DIGITS = 24  # longer digit runs are identifiers or junk, not figures

DIGITS = r"(?:\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])|\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|[,.]\d)|\d+)(?:\.\d+)?|\.\d+"

UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
FRACTION_WORDS = {
    "half": 0.5, "a half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3,
    "two-thirds": 2 / 3, "two thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25,
    "one-quarter": 0.25, "three-quarters": 0.75, "three quarters": 0.75,
    "a fifth": 0.2, "one fifth": 0.2, "one-fifth": 0.2, "two-fifths": 0.4, "three-fifths": 0.6,
    "a tenth": 0.1, "one tenth": 0.1, "one-tenth": 0.1,
}
# Idioms: (value, bound, low, high). Vague ones keep the lowest plausible reading as value.
IDIOM_WORDS = {
    "a dozen": (12, "exact", None, None), "dozen": (12, "exact", None, None),
    "a hundred": (100, "exact", None, None), "hundred": (100, "exact", None, None),
    "a thousand": (1000, "exact", None, None), "a million": (1e6, "exact", None, None),
    "a billion": (1e9, "exact", None, None), "a trillion": (1e12, "exact", None, None),
    "several": (2, "vague", 2, 9), "a few": (2, "vague", 2, 9),
    "a couple of": (2, "approx", None, None), "a couple": (2, "approx", None, None),  # "a couple hundred miles"
    "dozens of": (24, "vague", 24, 99), "scores of": (40, "vague", 40, 99),
    "hundreds of": (200, "vague", 200, 999), "thousands of": (2000, "vague", 2000, 9999),
    "tens of thousands of": (20000, "vague", 20000, 99999),
    "hundreds of thousands of": (200000, "vague", 200000, 999999),
    "millions of": (2e6, "vague", 2e6, 9.99e8),
    # the same scale of vagueness a step up: "tens of billions of dollars", "hundreds of millions of people"
    "tens of millions of": (2e7, "vague", 2e7, 9.9e7), "hundreds of millions of": (2e8, "vague", 2e8, 9.99e8),
    "billions of": (2e9, "vague", 2e9, 9.99e11), "tens of billions of": (2e10, "vague", 2e10, 9.9e10),
    "hundreds of billions of": (2e11, "vague", 2e11, 9.99e11), "trillions of": (2e12, "vague", 2e12, 9.99e14),
    # "a multibillion-dollar deal", "a multi-million pound contract": read only before a currency word
    "multimillion": (2e6, "vague", 2e6, 9.99e8), "multi-million": (2e6, "vague", 2e6, 9.99e8),
    "multibillion": (2e9, "vague", 2e9, 9.99e11), "multi-billion": (2e9, "vague", 2e9, 9.99e11),
}
def trie_regex(words: list[str]) -> str:
    """One alternation factored by shared prefixes: Python's re tries alternatives one by
    one, so a trie fails at the first letter instead of once per word."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = []
        for char in sorted(k for k in node if k):
            piece = r"\s+" if char == " " else re.escape(char)
            branches.append(piece + build(node[char]))
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
        if optional:
            body = f"(?:{body[3:-1] if body.startswith('(?:') else body})?"
        return body

    return build(trie)


TENS_PATTERN = trie_regex(list(TENS_WORDS))
DIGIT_WORD_PATTERN = trie_regex([k for k in UNITS_WORDS if UNITS_WORDS[k] < 10])
NUMBER_WORD = rf"{TENS_PATTERN}(?:[-\s]{DIGIT_WORD_PATTERN})?|{trie_regex(list(UNITS_WORDS))}"
IDIOM = trie_regex(list(IDIOM_WORDS))
FRACTION = trie_regex(list(FRACTION_WORDS))
# a word right after "a third" that is no noun: "a third of", "by a third last year", "a third more"
NAMED_FRACTION_RE = re.compile(r"\s(?-i:[A-Z])", re.I)
# "half-year revenue", "full-year profit": the period a company reports on, named before its figure
REPORT_AFTER_RE = re.compile(r"\s+(?:revenues?|sales|profits?|earnings|results|loss(?:es)?|figures|reports?|dividends?|turnover|income|net)\b", re.I)
FRACTION_ORDINAL_RE = re.compile(
    r"\s+(?!(?:of|the|a|an|more|less|than|as|and|or|in|to|from|by|on|at|for|off|that|which|who|was|were|is|are|has|had"
    r"|have|be|been|will|would|last|this|next|since|over|after|before|compared|while|but|with|between|among|up|down"
    r"|again|only|ago|earlier|later|higher|lower|each|per|a-year)\b)[a-z]+\b")

# an ISO code or abbreviation glued to its number: "USD12.5 million", "EUR4bn", "Rmb2tn", "Rs380-crore"
# ("Rs.72.63 crore": the abbreviation's dot is no decimal point, so a glued figure starts with a digit)
GLUED_CODES = "|".join(f"(?<={re.escape(code)})(?=\\d)" for code in ("USD", "EUR", "GBP", "AUD", "CAD", "NZD", "SGD", "HKD", "CHF",
                                                               "JPY", "CNY", "RMB", "Rmb", "INR", "PKR", "BRL", "Rs", "Rs.", "US",
                                                               "KRW", "MXN", "SEK", "AED", "Dh", "Dhs", "KSh", "Ksh", "RM", "Rp",
                                                               "$US", "$A", "$NZ"))
# "R75" (the rand), "A54.7" (Australian cents, see GLUED_CENT_CODES): glued to a word's first letter only (not "2BR1")
GLUED_CODES += r"|(?<=(?<![\w$])[RA])(?=\d)"
# "12MP+13MP", "8GB+128GB": a spec sheet joins two figures with "+" after the first one's unit
GLUED_CODES += r"|(?<=[A-Za-z]\+)(?=\d)"
# "2GB/3GB RAM", "5mg/10mg doses": a spec sheet's alternatives, each figure with its unit, joined by "/"
GLUED_CODES += r"|(?<=\d[A-Za-z]/)(?=\d)|(?<=\d[A-Za-z]{2}/)(?=\d)|(?<=\d[A-Za-z]{3}/)(?=\d)"

# Fast first-character tests come first: the regex is tried at every position of the text.
CANDIDATE_RE = re.compile(
    rf"(?=[\d.\-\u2212+])(?:(?<![\w.,\-/:+#])|{GLUED_CODES})(?:(?P<neg>[-\u2212])|(?P<plus>\+))?(?(neg)(?=\d)|(?(plus)(?=\d)))(?P<digits>{DIGITS})"
    rf"|\b(?=[abdefhmnostwABDEFHMNOSTW])(?:"
    rf"(?P<fraction>{FRACTION})\b"
    rf"|(?P<idiom>{IDIOM})\b"
    rf"|(?P<word>{NUMBER_WORD})\b"
    rf"|(?P<article>an?|another)\s+(?=(?:decade|century|year|month|week|day|dozen)s?\b|percentage\s+point\b|(?:penny|cent)\b))",
    re.I,
)

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
FULL_MONTH = trie_regex([
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
])
MONTH = "(?:" + trie_regex([
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
]) + r")\b\.?"
DATE_RE = re.compile(
    rf"\b(?=[A-Z0-9abdefilmnopstuy])(?:"
    rf"(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}})\b)?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH})(?:,?\s+(?P<y2>\d{{4}})\b)?"
    rf"|(?P<m3>{MONTH}),?\s+(?P<y3>\d{{4}})\b"
    rf"|(?P<decade>1[89]\d0|20\d0)s\b"
    rf"|(?P<relative>(?:last|this|next|past)\s+(?:year|month|week|{FULL_MONTH})|yesterday)\b"
    # a month alone is a date after a preposition: "in December", "since May" (not the verb "may")
    rf"|(?:in|since|by|until|till|from|of|on|through|before|after|during|early|late|mid)[\s-]+(?P<m4>{FULL_MONTH})\b(?!\s+\d))",
)

HEDGES = [
    # "as many as 300" and "as much as $5bn" are ceilings: a source's most, not its least
    (r"up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|less\s+than|fewer\s+than|under|below|as\s+high\s+as|as\s+many\s+as|as\s+much\s+as|a\s+maximum\s+of|maximum\s+of|just\s+under|(?:just\s+)?(?:shy|short)\s+of", "upper"),  # "just shy of 40%"
    (r"more\s+than|over|at\s+least|above|in\s+excess\s+of|upwards\s+of|a\s+minimum\s+of|just\s+over|exceeding|no\s+fewer\s+than|no\s+less\s+than|north\s+of", "lower"),
    (r"about|around|some|roughly|nearly|almost|approximately|approx\.|an\s+estimated|estimated|close\s+to|circa|~|in\s+the\s+region\s+of", "approx"),
]
HEDGE_BEFORE_RE = re.compile(
    r"(?:^|(?<=[\s(\"'“]))(?:" + "|".join(f"(?P<h{i}>{p})" for i, (p, _) in enumerate(HEDGES)) + r")\s*$",
    re.I,
)
# "handed over 50,000 doses": a phrasal verb, not a hedge
MOVED_UP_TO_RE = re.compile(
    # verbs whose "up" is a particle; not "raised up to $1 million" (as much as), "drove up to 80 miles"
    r"\b(?:revised|revises|nudged|nudges|moved|moves|bumped|ratcheted"
    r"|went|goes|going|rose|rises|risen|climbed|climbs|jumped|edged|shot|ticked)\b"
    r"(?:\s+(?![\d$€£¥₹])[\w'’\-]+){0,4}\s+$", re.I)
PHRASAL_OVER_RE = re.compile(r"\b(?:\w+ed|hand|hands|handing|turn|turns|turning|take|takes|took|taking|give|gives|gave)\s+over\s*$", re.I)
HEDGE_WORDS = frozenset("about around some roughly nearly almost approximately over under up more less".split())
BETWEEN_BEFORE_RE = re.compile(r"(?:^|(?<=\s))(?:between|from)\s+(?:US\$|[$€£¥₹])?$", re.I)  # "between $62.89 and 63.97"
CURRENCY_BEFORE_RE = re.compile(  # "(~$2.73BN)": a tilde hedges the money after it
    r"(?:^|(?<=[\s(\"'“\-\u2212~]))(?:" + "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(units.CURRENCY_PREFIXES)) + r")\s?$"
)
PART_OF_WHOLE_AFTER_RE = re.compile(r"\s+of\s+the\s+\d[\d,]*(?![\d,.]*\s*(?:%|per\s*cent|percent))\b(?!\s+(?-i:[A-Z]))", re.I)  # "Ten of the 15 produced"
WHOLE_OF_PART_BEFORE_RE = re.compile(rf"(?:\b\d[\d,]*|\b(?:{NUMBER_WORD}))\s+of\s+the\s+$", re.I)
GLUED_LABEL_RE = re.compile(r"(?-i:[GD])(?![\w'’])")
PLUS_ODD_AFTER_RE = re.compile(r"-(plus|odd)\b(?!-)", re.I)
CLOCK_PART_RE = re.compile(r"[ms](?![\w'’])")
CLOCK_HOURS_BEFORE_RE = re.compile(r"(?<![\w.,])\d{1,3}\s?(?:h|hrs?)\s+$")  # "2h 15m"
CLOCK_MINUTES_BEFORE_RE = re.compile(r"(?<![\w.,])\d{1,3}\s?(?:h|hrs?)\s+\d{1,2}m\s+$")  # "1h 5m 30s"
NEGATIVE_SIGN_BEFORE_RE = re.compile(r"(?:^|(?<=[\s(]))[-\u2212]$")  # "-$515", "(−€2m)"; not "$8bn-$12bn"
SCALE_RE = re.compile(
    r"(?:\s+|-)?(?:" + "|".join(f"(?P<s{i}>{p})" for i, (p, _) in enumerate(units.SCALES)) + r")\b",
    re.I,
)
# "the 50m freestyle", "the 60m hurdles": a race's distance, not millions
RACE_EVENT_RE = re.compile(r"\s+(?:individual\s+)?(?:freestyle|backstroke|breaststroke|butterfly|medley|hurdles|sprint|relay|dash"
                           r"|steeplechase|final|heats?|semi-?finals?)\b", re.I)
# a field event named in the sentence: "a PB of 89.73m", "clearing 2.03m" in the high jump
FIELD_EVENT_RE = re.compile(r"\b(?:throw(?:s|n|ing)?|threw|javelin|discus|hammer\s+throw|shot[\s-]+put|(?:high|long|triple)\s+jump"
                            r"|pole[\s-]+vault|vault(?:ed|s)?|personal\s+best|season['’]s\s+best|(?-i:PB|SB))\b", re.I)


def _field_event_mark(text: str, start: int, pos: int) -> bool:
    """Is "89.89m" a field event's mark in metres, not 89.89 million: a sentence naming a throw,
    a jump or a vault (as athletics reports print their marks), no currency sign before it and
    no plural noun after it ("1.2m viewers watched the javelin final")."""
    if CURRENCY_BEFORE_RE.search(text, max(0, start - 8), start) or _count_noun(text, pos) is not None:
        return False
    return bool(FIELD_EVENT_RE.search(text, *_sentence_window(text, start, pos, 200, 120)))


LETTER_SCALE_RE = re.compile(r"(?P<ls>bn|tn|k|K|m|M|b|B)(?![\w])")
# a measure's adjective after "m" makes it metres, never millions: "59m wide", "400 m long"
DIMENSION_WORDS = r"\s+(?:long|wide|high|tall|deep|thick|across|in\s+(?:length|width|height|depth|diameter))\b"
DIMENSION_AFTER_RE = re.compile(DIMENSION_WORDS, re.I)
SPACED_METRES_RE = re.compile(r" (?-i:m)(?=" + DIMENSION_WORDS + ")", re.I)
# _UNIT_AT.match(text, pos) is _UNIT_AT.match(text, pos), trying only the spellings that can
# start at the next character (a figure's unit is looked for once or twice, among 150 spellings)
_UNIT_AT = FirstCharDispatch(
    r"(?:\s*-\s*|\s+|)", [p for p, _, _ in units.UNIT_SPELLINGS], r"(?:(?<=%)|(?![\w²³]))",  # "a 0.6%increase": a sign needs no space after it
    re.I, "u", skip=r"(?:\s*-)?\s*")
UNIT_RE = _UNIT_AT.whole
RATE_ALTERNATIVES = "|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(units.RATE_SPELLINGS))
RATE_RE = re.compile(
    # "of gas a year"; not "417 mm of rain against its monthly average": a comparison or a
    # possessive starts another noun phrase, whose adjective "monthly" is no rate of the figure
    rf"(?:\s+(?:net|gross|after\s+tax|before\s+tax))?(?:\s+of(?:\s+(?!(?:against|versus|than|compared|its|their|his|her|our)\b|\d)[\w'()\-]+){{1,6}}?)?,?(?:\s*|-)(?:in\s+)?(?:{RATE_ALTERNATIVES})(?![\w])"
    r"(?!\s+(?:earlier|ago|before|later|after(?!\s+tax)|previously)\b)",  # "4.1% a year earlier" is no rate
    re.I,
)
BRACKET_RE = re.compile(r"\s*\([^()]{1,40}\)")
# A price: "$75 a barrel", "€0.30 per kWh"; a yield: "39 bushels per acre".
PER_SPELLINGS = units.PER_ONLY_SPELLINGS + units.UNIT_SPELLINGS
PER_UNIT_RE = re.compile(
    r"\s*(?:(?:a|an|per|for\s+each)\s+|/\s*|(?=ps[fm]\b))(?P<hundred>100\s?(?=[^\W\d]))?(?:"  # "40.3C at" is no price per tonne; "£90 for each square foot"; "psf"
    + "|".join(f"(?P<p{i}>{p})" for i, (p, _, kind) in enumerate(PER_SPELLINGS))
    + r")(?![\w²³])(?!\s+(?:earlier|ago|before|later|previously)\b)",  # "$31.5m a year earlier" is no price
    re.I,
)
# money per thing: "per person", "a share" (before a clause's end or link word: "$3bn a company
# spokesman said" names no price; "a share" is the price of one whatever follows: "the 48 cents a
# share analysts had forecast")
PER_NOUN_RE = re.compile(
    r"\s+(?:per\s+(?:(?:diluted|basic|adjusted|average|(?-i:[A-Z][a-z]+))\s+)?(?P<per>(?!cent\b)[a-z]{3,})\b|(?:a|an)\s+(?P<a>share\b(?=\s+[a-z])|[a-z]{3,}\b(?=\s*(?:[,.;:)]|$)|\s+(?:and|or|in|on|for|from|to|compared|against|versus|vs|last|this|a|an|the|up|down|while|but)\b)))"
    r"|\s*(?P<each>apiece|each)\b(?!\s+(?:of|other)\b)"
    r"|-(?:a|an|per)-(?P<hyph>[a-z]{3,})\b(?!-)", re.I)  # "a $5-a-share dividend", "a £30-per-session course"
TOLL_BEFORE_RE = re.compile(
    r"\b(?:death|casualty|fatality)\s+tolls?\b[^.;]{0,80}?\b(?:to|at|of|reached|hit|is|was)\s+"
    r"(?:(?:at\s+least|more\s+than|over|about|around|nearly|almost|some)\s+)?$", re.I  # "risen to at least 14"
)
MORE_AFTER_RE = re.compile(r"\s+(?:more|additional|extra|further)\b(?!\s+than)", re.I)
SHARE_AFTER_RE = re.compile(r"\s+(?:of|the|its|their)\b", re.I)
BY_BEFORE_RE = re.compile(r"\bby\s+(?:(?:almost|nearly|about|around|roughly|more\s+than|less\s+than)\s+)?$", re.I)
HYPHEN_NOUN_RE = re.compile(r"-([a-z]{3,})\b(?=\s+[A-Za-z]|\s+\d|,\s+\d)(?!-)")  # "a six-bedroom 2,300 sq m flat"
WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z\-]*)[ \u00a0]$")
RATIO_RE = re.compile(r"\s+in\s+(?P<of>\d{1,3}(?:,\d{3})*)\b")
BASE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
PER_BASE_UNITS = {100: "percent", 1_000: "permille", 1_000_000: "ppm"}
PER_BASE_RE = re.compile(r"\s+(?:per|for\s+every|in\s+every|every)\s+(?:(?P<of>1(?:,?000)+|10(?:,?000)*|100(?:,?000)*)|(?:one\s+|a\s+)?(?P<word>hundred|thousand|million))"
                         r"\b", re.I)
RANGE_RE = re.compile(rf"\s*(?:-|–|—|to|and)\s*(?:US\$|[$€£¥₹])?(?P<digits>{DIGITS})(?![\d])", re.I)  # "$12 to $18 billion"
SUSPENDED_RANGE_RE = re.compile(rf"(?:-\s+to\s+|-to-)(?P<digits>{DIGITS})(?=-[A-Za-z])", re.I)  # "6- to 18-year-olds", "45-to-54-years-old"
NEGATIVE_RANGE_RE = re.compile(rf"\s*(?:to|-|–|—)\s*[-\u2212](?P<digits>{DIGITS})(?![\d])", re.I)  # "-5 to -30 degrees"
RANGE_WORD_RE = re.compile(rf"\s+(?:to|or|and)\s+(?P<word>{NUMBER_WORD})\b", re.I)
# a decimal spoken and printed in words, as radio transcripts do: "14-point-87", "five-point-seven"
DECIMAL_WORD_RE = re.compile(rf"-point-(?:(?P<frac>\d+)(?![\d.,])|(?P<words>(?:zero|{DIGIT_WORD_PATTERN})(?:-(?:zero|{DIGIT_WORD_PATTERN}))*)\b)", re.I)
DIGIT_VALUES = {**{k: v for k, v in UNITS_WORDS.items() if v < 10}, "zero": 0}


def _spoken_decimal(whole: float, m: re.Match) -> float:
    """"14-point-87" -> 14.87, "five-point-seven" -> 5.7, "two-point-four-five" -> 2.45."""
    frac = m.group("frac") or "".join(str(DIGIT_VALUES[w.lower()]) for w in m.group("words").split("-"))
    return float(f"{int(whole)}.{frac}")


PARTS = {"tenths": 10, "hundredths": 100, "thousandths": 1000}
PARTS_OF_A_RE = re.compile(r"[\s-]+(?P<part>tenths|hundredths|thousandths)\s+of\s+an?(?=\s)", re.I)
ADDRESS_AFTER_RE = re.compile(r" (?:[A-Z][\w'’\-]*\s+){1,3}(?:Road|Street|Avenue|Lane|Drive|Boulevard|Terrace|Crescent|Rd|St|Ave)\b")
AT_BEFORE_RE = re.compile(r"\b(?:at|on|from|near|off)\s+$")
HYPHEN_A_RE = re.compile(r"-an?(?=-[a-z])", re.I)  # "half-a-minute", "half-an-hour"
OF_A_RE = re.compile(r"\s+(?:of\s+)?an?(?=\s)", re.I)  # "a quarter of a percentage point", "half a mile"
HALF_A_RE = re.compile(r"\s+(?:of\s+)?a\s+(?P<scale>million|billion|trillion|dozen)\b", re.I)  # "a quarter of a million", "half a dozen"
# the fractional part of a mixed number: "2 1/2", "2½", "three and a half", "one-and-a-half"
VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
MIXED_RE = re.compile(r"(?:[\s-](?P<num>[1-9]|1[0-5])/(?P<den>2|3|4|8|16)(?![\d/])|\s?(?P<vulgar>[½¼¾⅓⅔⅛⅜⅝⅞])|(?:\s+and\s+|-and-)a[\s-]half\b)")
TENTH_CENT_RE = re.compile(r"\.(\d)(?!\d|[.,]\d)")  # "$2.09.9": the tenth of a cent after the cents
CENT_FRACTION_RE = re.compile(r"-(?P<num>[1-7])/(?P<den>2|4|8)(?![\d/])")  # "$12.09-3/4": a grain price's fraction of a cent
# "0. 2 percentage points", "166, 855 children": a space typed inside a printed figure, read
# only where the pieces cannot be two figures (a nought before a point; a group of three before a noun)
LIST_BEFORE_RE = re.compile(r"\d,\s*$")  # "3, 4, 855 children": a list, not one figure
SPACED_POINT_RE = re.compile(r"\. (?P<frac>\d{1,3})(?![\d.,])")
GROUPED_DIGITS_RE = re.compile(r"\d{1,3}(?:,\d{3})+")
SPACED_GROUP_RE = re.compile(r", (?P<group>\d{3})(?![\d.,]|\s*(?:,\s*\d|and\s+\d|or\s+\d))")
DECIMAL_COMMA_RE = re.compile(r",(\d{1,2})(?![\d,])")  # "13,5": no thousands group has fewer than 3 digits
SLASH_RE = re.compile(r"/(?P<den>2|3|4|8|16)(?![\d/])")  # "3/4 inch"; "9/11" and "24/7" are not fractions
# scientific notation: "2.3×10^6", "2.3 x 10⁶", "6.02e23"
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
SCI_RE = re.compile(r"(?:\s?[×x]\s?10\s?(?:\^|\*\*)\s?(?P<exp>[-−]?\d{1,3})|\s?[×x]\s?10(?P<sup>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|[eE](?P<e>[-+]?\d{1,3}))(?![\w.])")
WORD_RE = re.compile(r"\s*([A-Za-z][\w'’\-]*)")
ORDINAL_BEFORE_RE = re.compile(r"\b(?:first|second|latter|former|other|back|front)\s+$", re.I)
THE_BEFORE_RE = re.compile(r"\bthe\s+$", re.I)
# (and after a verb whose object is a span of time: "spent a year looking into", "would last another day")
SPAN_WORD_BEFORE_RE = re.compile(r"\b(?:in|for|after|over|within|than|least|most|nearly|almost|about|around|once|just|only"
                                 r"|spen[dt]|spends|spending|took|takes|taking|last|lasts|lasted|waited|wait|served)\s+$")
THAN_FROM_BEFORE_RE = re.compile(r"\b(?:than|from)\s+$")
TIME_AFTER_RE = re.compile(r"(?::\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|(?<=\d\d\d\d)\s?hrs\b))", re.I)  # "1400 hrs" (not "2 hrs": two hours)

STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or but nor is are was were be been being has
    have had do does did will would shall should can could may might must that which who whom
    whose this these those it its their his her our your my than as per each every more most
    less least other such same so too very also only just not no into onto over under about
    after before since until while during between among across through against within without above below
    there here when where why how what all both either neither any some many much few several
    year years percent cent said says say saying told according they them he she we us you i me him""".split()
)
IRREGULAR_PLURALS = frozenset(
    """people children men women police personnel staff cattle sheep livestock deer fish
    aircraft troops crew""".split()
)
NOT_PRICED_PER = STOPWORDS | units.TIME_WORDS
DETERMINERS_BEFORE_SMALL = re.compile(r"\b(?:these|those)\s+$", re.I)


# compiled once here: re's own cache costs a lookup on every call, and these run per figure
DIGIT_GROUPING_RE = re.compile(r"[,\s\u00a0\u202f]")
SPACES_RE = re.compile(r"\s+")
YEAR_RE = re.compile(r"1[89]\d\d|20\d\d")
DIGITS_RE = re.compile(DIGITS)


def _parse_digits(digits: str) -> tuple[float, float] | None:
    """Value and half the step of the last printed digit ("1,100" -> 1100, 50)."""
    plain = DIGIT_GROUPING_RE.sub("", digits)
    if len(plain.replace(".", "")) > MAX_DIGITS:
        return None
    value = float(plain)
    if not math.isfinite(value):
        return None
    if "." in plain:
        step = 10.0 ** -len(plain.split(".")[1])
    else:
        trailing = len(plain) - len(plain.rstrip("0")) if value else 0
        # Trailing zeros may be rounding; assume at least two significant figures.
        step = 10.0 ** min(trailing, max(0, len(plain) - 2))
    return value, step / 2


# the rest of a number written in words: "[six] hundred", "[four] hundred thousand", "[one]
# hundred and forty"; a scale word ends it when a digit or unit scale follows in the text
NUMBER_PHRASE_RE = re.compile(
    rf"(?:(?:\s+|-)(?:hundred|thousand)(?:(?:\s+and)?(?:\s+|-)(?:{NUMBER_WORD})\b)?)+", re.I)


def _words_value(phrase: str) -> float | None:
    """The value of a number written in words, by text2num; None when it is not one."""
    try:
        return float(text2num(SPACES_RE.sub(" ", phrase.lower()), "en"))
    except ValueError:
        return None


def _mixed_fraction(m: re.Match) -> float:
    if m.group("num"):
        return int(m.group("num")) / int(m.group("den")) if int(m.group("num")) < int(m.group("den")) else 0.0
    return VULGAR[m.group("vulgar")] if m.group("vulgar") else 0.5


def _word_value(word: str) -> float:
    word = SPACES_RE.sub(" ", word.lower())
    if word in UNITS_WORDS:
        return UNITS_WORDS[word]
    tens, _, ones = word.replace("-", " ").partition(" ")
    return TENS_WORDS[tens] + (UNITS_WORDS[ones] if ones else 0)


def _first_group(match: re.Match, prefix: str) -> int:
    """Which alternative of a `(?P<u0>…)|(?P<u1>…)` pattern matched."""
    if match.lastgroup and match.lastgroup.startswith(prefix):
        return int(match.lastgroup[len(prefix):])
    for name, value in match.groupdict().items():
        if value is not None and name.startswith(prefix):
            return int(name[len(prefix):])
    raise ValueError("no alternative matched")


NOT_PLURAL_ENDINGS = ("ss", "us", "is", "'s", "’s", "ous")  # "various"
NOT_PLURAL_WORDS = frozenset({"overseas", "whereas"})  # not "areas", "ideas", "seas": plurals in -eas
# "42 MLAs", "12 MPs", "three SUVs": an abbreviation's plural counts what it abbreviates
ACRONYM_PLURAL_RE = re.compile(r"(?-i:[A-Z]{2,5}s)")
# "won by six wickets": a margin, not a count
MARGIN_NOUNS = frozenset("wickets runs goals points strokes shots lengths".split())
# "the 2022 floods", "the 2019 elections": a year naming an event
EVENT_NOUNS = frozenset("""floods elections polls games olympics protests riots attacks talks negotiations
    budgets earthquakes fires wildfires storms hurricanes crises sanctions reforms championships finals
    midterms accords""".split())


ELLIPTICAL_VERB_RE = re.compile(r"\s+(?:were|have|had|remain|remained)\s+(?:been\s+)?[a-z]+(?:ed|en)\b")
# "at one point", "in one way", "one side": "one" as a pronoun-like word, not a count
SINGULAR_NOT_COUNTED = frozenset("point way side thing time another hand".split())
# "a 3,400-square-foot one went for $740,000", "one area's price": a verb or a possessive after
# "one", not the thing it counts
PAST_TENSES = frozenset(IRREGULAR_PAST)


def _identifier_before(text: str, start: int) -> bool:
    """A capitalized name right before the number, not at a sentence start: "Boeing 737"."""
    m = WORD_BEFORE_RE.search(text, max(0, start - 30), start)
    if not m or not m.group(1)[0].isupper() or m.group(1).lower() in STOPWORDS:
        return False
    before = text[:m.start()].rstrip()
    return bool(before) and before[-1] not in ".!?:\"“'‘(" and m.group(1).lower() not in HEDGE_WORDS


def _count_noun(text: str, pos: int, singular: bool = False) -> tuple[int, str] | None:
    """The counted noun after a number: up to two modifiers, then a plural head noun (after
    "one", a singular one: "one death", "one unvaccinated child")."""
    start = pos
    for _ in range(3):
        match = WORD_RE.match(text, pos)
        if not match:
            return None
        word = match.group(1)
        lower = word.lower().rstrip("'’")
        if lower == "other":  # "182 other people": the noun after it
            pos = match.end(1)
            continue
        if lower in STOPWORDS or singular and lower.endswith(("'s", "’s")):
            return None
        if singular and word[0].islower() and len(lower) > 2 and "-" not in lower \
                and not lower.endswith(("ed", "ing", "ly")) and lower not in SINGULAR_NOT_COUNTED \
                and lower not in PAST_TENSES:
            return match.end(1), lower
        if lower in IRREGULAR_PLURALS or (
            len(lower) > 3 and lower.endswith("s") and not lower.endswith(NOT_PLURAL_ENDINGS) and lower not in NOT_PLURAL_WORDS
            and (word[0].islower() or lower.endswith("ans"))  # "61 Americans", "two million Catalans"
        ) or ACRONYM_PLURAL_RE.fullmatch(word):
            # the head is the last noun: "124 measles cases", "11 police officers"
            if (after := WORD_RE.match(text, match.end(1))) and _plural_noun(after.group(1)):
                return after.end(1), after.group(1).lower()
            if pos > start and PRICE_AFTER_RE.match(text, match.end(1)):
                return None  # "95 octane costs $2.17": a verb before a price, after the thing's name
            return match.end(1), lower
        pos = match.end(1)
    return None


PRICE_AFTER_RE = re.compile(r"\s+(?:US\$|[A-Z]{0,2}[$€£¥₹])\d")


def _plural_noun(word: str) -> bool:
    lower = word.lower()
    return word[0].islower() and lower not in STOPWORDS and (lower in IRREGULAR_PLURALS or (
        len(lower) > 3 and lower.endswith("s") and not lower.endswith(NOT_PLURAL_ENDINGS) and lower not in NOT_PLURAL_WORDS))


# every capital with the two characters after it: a cue that opens with a capital can be printed
# in a text only where its own first three are found (counting each of 80 cues was a scan of the
# whole article each, a tenth of reading its figures)
CUE_START_RE = re.compile(r"(?s)([A-Z])(?=(..))")


@lru_cache(maxsize=4)  # one article's text, asked by each of its currencies
def _cue_starts(text: str) -> frozenset[tuple[str, str]]:
    return frozenset(CUE_START_RE.findall(text))


def _keyed(cues: Iterable[str]) -> tuple[tuple[str, tuple[str, str] | None], ...]:
    """Each cue with the capital and two characters it opens with (see _cue_starts), or None
    for a cue that is always counted: made once per table, not per cue of every article."""
    return tuple((cue, (cue[:1], cue[1:3]) if "A" <= cue[:1] <= "Z" and len(cue) >= 3 else None) for cue in cues)


def _cue_count(text: str, cues: tuple[tuple[str, tuple[str, str] | None], ...]) -> int:
    """sum(text.count(cue) for cue in cues), skipping the cues `text` cannot hold (cues: _keyed)."""
    starts = _cue_starts(text)
    return sum(text.count(cue) for cue, key in cues if key is None or key in starts)


# each country's cues (each dollar cue also as a dateline prints it, "TORONTO -"), keyed once
_DOLLAR_CUES = [(_keyed(form for cue in cues for form in (cue, cue.upper() + " ")), code) for cues, code in units.DOLLAR_BY_COUNTRY]
_YEN_SIGN_CUES = [(_keyed(cues), code) for cues, code in units.YEN_SIGN_BY_COUNTRY]
_PESO_CUES = [(_keyed(cues), code) for cues, code in units.PESO_BY_COUNTRY]
_RUPEE_CUES = [(_keyed(cues), code) for cues, code in units.RUPEE_BY_COUNTRY]


LOCAL_DOLLAR_SIGNS = {"HKD": re.compile(r"(?<![A-Za-z])HK\$\s?\d"), "SGD": re.compile(r"(?<![A-Za-z])S\$\s?\d"),
                      "AUD": re.compile(r"(?<![A-Za-z])AU?\$\s?\d"), "CAD": re.compile(r"(?<![A-Za-z])CA?\$\s?\d"),
                      "NZD": re.compile(r"(?<![A-Za-z])NZ\$\s?\d")}


def dollar_for(text: str, url: str | None = None) -> str:
    """Which dollar a bare "$" means: the country the document names most; with none named, the
    country of the outlet's web address (units.DOLLAR_BY_DOMAIN); else, or on a tie, USD."""
    counts = [(_cue_count(text, cues), -i, code) for i, (cues, code) in enumerate(_DOLLAR_CUES)]
    best = max(counts)
    code = best[2] if best[0] else domain_dollar(url)
    if code in LOCAL_DOLLAR_SIGNS and LOCAL_DOLLAR_SIGNS[code].search(text):
        return "USD"  # "HK$640 million (around $82.2 million)": a paper that prefixes the local dollar keeps "$" for the US one
    return code or "USD"


def domain_dollar(url: str | None) -> str | None:
    """The dollar of the country an outlet's address names ("https://www.odt.co.nz/..." -> NZD), or None."""
    if not url:
        return None
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return None
    return units.DOLLAR_BY_DOMAIN.get(host.rstrip(".").rpartition(".")[2])


def yen_sign_for(text: str) -> str:
    """Which currency a "¥" means: the country the document names most; yen on a tie or none."""
    counts = [(_cue_count(text, cues), -i, code) for i, (cues, code) in enumerate(_YEN_SIGN_CUES)]
    best = max(counts)
    return best[2] if best[0] else "JPY"


# the printings of a scale counted per document: r"\d\s?(?:°\s?C|C|degrees?\s+C)\b|[Cc]elsius|centigrade"
# and the same for F. The digits' forms of both are one scan that stops at digits only (a search for
# the letters stopped at every c and f of the text); the names are counted as substrings, which no
# digits' form overlaps (its letter ends a word)
DEGREES_RE = re.compile(r"\d\s?(?:°\s?|degrees?\s+)?([CF])\b")


def degree_for(text: str, dollar: str | None = None) -> str:
    """Which scale bare degrees of heat are in: the one the document prints, the more often;
    printing neither, Fahrenheit when a bare "$" would be the US dollar and no pound, euro or
    rupee sign says another country, else Celsius."""
    digits = DEGREES_RE.findall(text)
    celsius = digits.count("C") + text.count("Celsius") + text.count("celsius") + text.count("centigrade")
    fahrenheit = digits.count("F") + text.count("Fahrenheit") + text.count("fahrenheit")
    if celsius != fahrenheit:
        return "degree_Celsius" if celsius > fahrenheit else "degree_Fahrenheit"
    us = (dollar or dollar_for(text)) == "USD" and not ("£" in text or "€" in text or "₹" in text)
    return "degree_Fahrenheit" if us else "degree_Celsius"


def peso_for(text: str) -> str:
    """Which peso a document means: the country it names most; with none named, Mexico's."""
    if "peso" not in text and "Peso" not in text:
        return "MXN"
    counts = [(_cue_count(text, cues), -i, code) for i, (cues, code) in enumerate(_PESO_CUES)]
    best = max(counts)
    return best[2] if best[0] else "MXN"


def rupee_for(text: str) -> str:
    """Which rupee a document means: the country it names most; with none named, India's (as a
    bare "$" is the US dollar's: most English-language rupee figures are Indian papers')."""
    counts = [(_cue_count(text, cues), code) for cues, code in _RUPEE_CUES]
    best = max(counts)
    return best[1] if best[0] else "INR"


# what every DATE_RE match has: a month's first three letters, a decade's "0s" or a relative
# word; most sentences have none, and this search is much faster than DATE_RE's
DATE_CUE_RE = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|0s|year|month|week|yesterday")


# a half or a quarter of a calendar year: "the second half of 2008", "Q3", "the first quarter of
# next year". A fiscal year is another calendar's, so "the first half of fiscal 2008" is left alone.
PERIOD_CUE_RE = re.compile(r"(?=[hq])(?:half|quarter|\b[HQ][1-4]\b)", re.I)  # (?=[hq]): tried only where a match can start
# r"half|quarter|\b[hq][1-4]\b" on ASCII text lowered: case-sensitive and opening with a character
# set, re skips to an "h" or a "q" at once ((?<!\w.) after the letter is \b before it)
PERIOD_CUE_LOWER_RE = re.compile(r"[hq](?:(?<=h)alf|(?<=q)uarter|(?<!\w.)[1-4]\b)")
PERIOD_RE = re.compile(
    r"\b(?:(?P<ordinal>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?P<part>half|quarter)"
    r"|(?P<code>[HQ][1-4])\b)"
    r"(?:\s+of\s+(?:the\s+)?(?:(?P<relative>this|current|last|previous|next|coming)\s+)?(?:calendar\s+)?(?:year\b|(?P<year>(?:19|20)\d\d)\b)"
    r"|\s+(?P<code_year>(?:19|20)\d\d)\b)?(?![\s-]+(?:of\s+)?(?:the\s+)?(?:fiscal|financial))",
    re.I,
)
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
RELATIVE_YEARS = {"last": "last", "previous": "last", "next": "next", "coming": "next"}


def _period_mentions(text: str) -> Iterator[Quantity]:
    """Halves and quarters of a year as dates: "2008-H2", "XXXX-Q2" (the year is the report's
    own), "last-H2" (the year before it), "next-Q1"."""
    if not (PERIOD_CUE_LOWER_RE.search(text.lower()) if text.isascii() else PERIOD_CUE_RE.search(text)):
        return
    for m in PERIOD_RE.finditer(text):
        if m.group("code"):
            if m.group("code")[0] not in "HQ" or m.group("code")[0] == "H" and m.group("code")[1] not in "12":
                continue
            part, number = m.group("code")[0].upper(), int(m.group("code")[1])
        else:
            part = "H" if m.group("part").lower() == "half" else "Q"
            ordinal = m.group("ordinal").lower()
            number = (2 if part == "H" else 4) if ordinal == "final" else ORDINALS[ordinal]
            if part == "H" and number > 2:
                continue
        year = m.group("year") or m.group("code_year") or RELATIVE_YEARS.get((m.group("relative") or "").lower(), "XXXX")
        yield Quantity(m.start(), m.end(), m.group(), "date", None, None, date=f"{year}-{part}{number}")


def _date_mentions(text: str) -> Iterator[Quantity]:
    yield from _period_mentions(text)
    if not DATE_CUE_RE.search(text):
        return
    for m in DATE_RE.finditer(text):
        month = m.group("m1") or m.group("m2") or m.group("m3") or m.group("m4")
        day = m.group("d1") or m.group("d2")
        year = m.group("y1") or m.group("y2") or m.group("y3")
        if m.group("decade"):
            iso = m.group("decade") + "s"
        elif m.group("relative"):
            iso = None
        else:
            month_number = MONTHS[month.rstrip(".")[:3].lower()]
            if day and not 1 <= int(day) <= 31:
                continue
            iso = f"{year or 'XXXX'}-{month_number:02d}" + (f"-{int(day):02d}" if day else "")
        start = m.start("m4") if m.group("m4") else m.start("decade") if m.group("decade") else m.start()
        yield Quantity(start, m.end(), text[start:m.end()], "date", None, None, date=iso)


# "lows below zero", "highs sink back to zero": the freezing mark (or 0°F) read as a temperature
ZERO_RE = re.compile(r"\b(?:below|under|above|near|around|to|at|from|hit|reach(?:es|ed)?)\s+(?P<zero>zero)\b"
                     r"(?![\s-]+(?:tolerance|sum|hours?|emissions?|carbon|covid|per|%|cases|deaths|to)\b)", re.I)
ZERO_CUE_RE = re.compile(r"\b(?:lows?|highs?|wind\s*chills?|degrees?|thermometers?)\b", re.I)


def _zero_temperatures(text: str, degree: str) -> Iterator[Quantity]:
    """"zero" in a sentence about the weather's heat or cold: a temperature of 0 in the
    document's scale (`degree`, a pint unit name), bounded by the hedge before it ("below zero")."""
    if "zero" not in text.lower():
        return
    for m in ZERO_RE.finditer(text):
        window = text[slice(*_sentence_window(text, m.start(), m.end(), 100, 60))]
        if TEMPERATURE_CUE_RE.search(window) or ZERO_CUE_RE.search(window):
            if (q := _finish(text, m.start("zero"), m.end("zero"), "quantity", 0.0, degree, "exact", 0.5)) is not None:
                yield q


# "highs in the mid 20s", "wind chills in the single digits": a band of temperatures, as forecasts give them
TEMPERATURE_BAND_RE = re.compile(r"\bthe\s+(?:(?P<part>low|lower|mid|middle|upper|high)[\s-]+(?P<tens>[1-9]0)s|(?P<single>single\s+digits)|(?P<teens>teens))\b", re.I)
BAND_PARTS = {"low": (0, 3), "lower": (0, 3), "mid": (3, 7), "middle": (3, 7), "upper": (7, 9), "high": (7, 9)}


def _temperature_bands(text: str, degree: str) -> Iterator[Quantity]:
    """"the mid 20s", "the single digits", "the teens" in a sentence about the weather's heat or
    cold: a vague temperature in the document's scale (`degree`), its value the band's lowest,
    low and high its ends ("the mid 20s": 23 to 27)."""
    if not ("0s" in text or "digits" in text or "teens" in text):
        return
    for m in TEMPERATURE_BAND_RE.finditer(text):
        window = text[slice(*_sentence_window(text, m.start(), m.end(), 100, 60))]
        if not (TEMPERATURE_CUE_RE.search(window) or ZERO_CUE_RE.search(window)):
            continue
        if m.group("tens"):
            lo, hi = BAND_PARTS[m.group("part").lower()]
            low, high = int(m.group("tens")) + lo, int(m.group("tens")) + hi
        else:
            low, high = (1, 9) if m.group("single") else (13, 19)
        yield _make(m.start(), m.end(), text, "quantity", float(low), degree, "vague", 0.0, float(low), float(high), None)


# "2:00:35" (a marathon), "3:43.13" (a mile): a race time in hours, minutes and seconds
CLOCK_DURATION_RE = re.compile(r"(?<![\d:.,])(?P<a>\d{1,2}):(?P<b>[0-5]\d)(?::(?P<s>[0-5]\d(?:\.\d+)?)|(?P<frac>\.\d+))(?![\d:]|\.\d)")


INCH_MARKS = '"″'
TWO_PRIMES = "''"  # "38.4'' of snow": two apostrophes typed for the inch mark
RELATIVE_AFTER_RE = re.compile(r"\s+(?:earlier|before|previously)\b", re.I)
TO_NUMBER_RE = re.compile(r"\s+to\s+\d[\d,.]*")
GLUED_INCH_RE = re.compile(r"in(?![\w'’])")
SENTENCE_BREAK_RE = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")
QUOTE_RE = re.compile(r'(?<!\d)"')


def _opens_no_quote(text: str, start: int) -> bool:
    """No quotation is open at `start` in its sentence, so a '"' after a number is an inch mark."""
    before = text[max(0, start - 400):start]
    sentence = SENTENCE_BREAK_RE.split(before)[-1]
    quotes = len(QUOTE_RE.findall(sentence))  # an inch mark ("50\"") opens nothing
    return quotes % 2 == 0 and sentence.count("“") == sentence.count("”")


def _clock_durations(text: str) -> Iterator[Quantity]:
    """Race times printed as a clock: a duration in seconds, precise to the last printed digit."""
    if ":" not in text:
        return
    for m in CLOCK_DURATION_RE.finditer(text):
        if m.group("s"):  # h:mm:ss
            hours, minutes, seconds = int(m.group("a")), int(m.group("b")), m.group("s")
        else:  # m:ss.ff
            hours, minutes, seconds = 0, int(m.group("a")), m.group("b") + m.group("frac")
        value = hours * 3600 + minutes * 60 + float(seconds)
        decimals = len(seconds.split(".")[1]) if "." in seconds else 0
        yield _finish(text, m.start(), m.end(), "duration", value, "second", "exact", 0.5 * 10 ** -decimals)


def _make(start, end, text, kind, value, unit, bound, precision, low=None, high=None, thing=None) -> Quantity:
    """Apply the unit's multiple (decades, bcm), state the bounds, normalize to base units."""
    if kind == "count" and precision == 0.5 and value == int(value) and int(value) % 10:
        precision = 0.0  # "11 police officers" is eleven, not 10.5-11.5; "1,400 homes" may be rounded
    multiple, unit = units.split_multiple(unit) if unit else (1.0, unit)
    value *= multiple
    precision *= multiple
    if bound in ("range", "vague"):
        low, high = low * multiple, high * multiple
    else:
        low = None if bound == "upper" else value
        high = None if bound == "lower" else value
    conversion = units.conversion(unit)
    si_value, si_unit, dimension = units.to_base(value, unit), conversion.base_unit, conversion.dimension
    if kind == "count":  # counts of different things never compare: the thing is part of the dimension
        dimension = f"count:{_lemma(count_class(None if thing == ELLIPTIC else thing, text[start:end]))}" + ("" if dimension == "dimensionless" else f" {dimension}")
    elif kind in ("money", "duration", "quantity") and thing:  # "$40 per person" never compares with "$4m"
        dimension = f"{dimension} / {thing}"
    return Quantity(
        start, end, text[start:end], kind, value, unit, bound, low, high, precision, thing,
        si_value=si_value, si_unit=si_unit, dimension=dimension,
    )


def count_lemma(thing: str | None) -> str:
    """The noun a count's dimension carries: "cases" -> "case", "people" -> "people"."""
    return _lemma(count_class(thing))


def _lemma(word: str | None) -> str:
    if not word:
        return ""
    word = word.lower()
    if word in ("person", "persons"):
        return "people"  # one person and two people are counts of one thing
    for suffix, replacement in (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("ses", "s"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + replacement
    return word


# words between a bare figure and the noun it counts: "births totalled some 9.02 million",
# "the population fell to 1.409 billion", "deaths have risen by 690,000"
SLOT_VERBS = frozenset("""is are was were be been being has have had stood stands stand reached hit
    totalled totaled numbered fell rose grew shrank sank dropped climbed declined increased decreased
    jumped slid slipped dipped surged soared now still already again further only just down up
    came come comes went go goes stood got gets made makes took takes gave put set kept left lost
    won paid brought bought became become becomes ran held led saw""".split())
SLOT_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
NAMES_NUMBER_RE = re.compile(r"\b[A-Za-z]+\s+\d[\d.,]*")  # a word naming another number: "age 1", "Flight 214"
POSSESSIVE_END_RE = re.compile(r"['’]s$")
ALNUM_RE = re.compile(r"[A-Za-z0-9]")
SLOT_END_RE = re.compile(r"[!?;:,()\[\]—–\"“”]|\s-\s|(?<![A-Z])\.")  # "U.S." ends no slot


def _slot_noun(text: str, start: int) -> str | None:
    """The noun a bare figure counts, from the words just before it in its own clause; None
    when those words name none (then the figure is not read: "it was 6.77" says nothing)."""
    before = text[max(0, start - 80):start]
    if ends := list(SLOT_END_RE.finditer(before)):
        before = before[ends[-1].end():]
    before = NAMES_NUMBER_RE.sub(" ", before)  # "Babies under age 1 numbered 3.9 million": babies, not ages
    words = SLOT_WORD_RE.findall(before)
    for k in range(len(words) - 1, max(-1, len(words) - 7), -1):
        word = words[k]
        lower = POSSESSIVE_END_RE.sub("", word.lower())
        if lower in STOPWORDS or lower in SLOT_VERBS or lower in HEDGE_WORDS or lower.endswith(("ed", "ing")):
            continue
        opens = k == 0 and not ALNUM_RE.search(before[:before.find(word)])  # "Births totalled"
        if (head := _head_before_phrase(words, k)) is not None:
            return head
        return lower if (word[0].islower() or opens and not word.isupper()) and len(lower) > 2 else None
    return None


PHRASE_PREPOSITIONS = frozenset("in at across among for from on within throughout".split())
PARTITIVE_NOUNS = frozenset("number total tally count majority share".split())  # "the number of births": births


def _head_before_phrase(words: list[str], k: int) -> str | None:
    """"Births in the Asian giant totalled 9.02 million": the noun a bare figure counts is the
    head before a prepositional phrase, not the phrase's last noun. None when words[k] ends no
    such phrase (then words[k] itself is the noun)."""
    for p in range(k - 1, max(-1, k - 4), -1):
        lower = words[p].lower()
        if lower in PHRASE_PREPOSITIONS or lower == "of" and p > 0 and words[p - 1].lower() not in PARTITIVE_NOUNS:
            if p == 0:
                return None
            head = words[p - 1]
            if head.lower() in STOPWORDS or head.lower() in SLOT_VERBS or len(head) < 3:
                return None
            opens = p - 1 == 0
            return POSSESSIVE_END_RE.sub("", head.lower()) if head[0].islower() or opens and not head.isupper() else None
        if lower not in ("the", "a", "an") and words[p][0].islower():
            return None  # only articles and names sit between a preposition and its noun
    return None


_BIDI_AS_SPACE = {ord(ch): " " for ch in BIDI_CONTROLS}
_BIDI_RE = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")


def extract_quantities(text: str, rupee: str | None = None, dollar: str | None = None,
                       yen_sign: str | None = None, degree: str | None = None, peso: str | None = None) -> list[Quantity]:
    """Every quantity, money amount, percentage, count, duration and date in `text`.

    Bidirectional controls ("\u202e$45\u202c") are read as spaces, so the figure is read as
    its characters are stored; the surface keeps them (extract marks such claims)."""
    if _BIDI_RE.search(text):
        original = text
        text = text.translate(_BIDI_AS_SPACE)
        return [replace(q, surface=original[q.start:q.end]) for q in extract_quantities(text, rupee, dollar, yen_sign, degree, peso)]
    rupee = rupee or rupee_for(text)
    dollar = dollar or dollar_for(text)
    currencies = {"dollar": dollar, "rupee": rupee, "yen_sign": yen_sign or yen_sign_for(text),
                  "degree": degree or degree_for(text, dollar), "peso": peso or peso_for(text)}
    mentions: list[Quantity] = sorted([*_date_mentions(text), *_clock_durations(text), *_zero_temperatures(text, currencies["degree"]),
                                       *_temperature_bands(text, currencies["degree"])],
                                      key=lambda q: q.start)
    taken = [(q.start, q.end) for q in mentions]
    taken_index = 0
    last_end = 0
    for m in CANDIDATE_RE.finditer(text):
        if m.start() < last_end:
            continue
        while taken_index < len(taken) and taken[taken_index][1] <= m.start():
            taken_index += 1
        if taken_index < len(taken) and taken[taken_index][0] <= m.start() < taken[taken_index][1]:
            continue
        quantity = _read_mention(text, m, currencies)
        if quantity is not None:
            mentions.append(quantity)
            last_end = quantity.end
    mentions.sort(key=lambda q: q.start)
    mentions = _gapped_items(text, _join_compounds(text, _bare_level_after(text, _join_ranges(text, _drop_overlaps(mentions)))))
    return _restated_hedges(text, _inherit_things(text, _elided_currency(text, _priced_alike(text, [q for q in mentions if not _no_figure(text, q)]))))


BRACKET_GAP_RE = re.compile(r"\s*\(\s*")


def _restated_hedges(text: str, mentions: list[Quantity]) -> list[Quantity]:
    """"above 35C (95F)": a conversion in brackets restates the figure before it, hedge and all;
    printed bare, it would read as an exact 95F."""
    out = list(mentions)
    for i in range(1, len(out)):
        p, q = out[i - 1], out[i]
        if q.bound == "exact" and p.bound in ("upper", "lower", "approx") and p.kind == q.kind \
                and BRACKET_GAP_RE.fullmatch(text, p.end, q.start):
            out[i] = replace(q, bound=p.bound, low=None if p.bound == "upper" else q.low,
                             high=None if p.bound == "lower" else q.high)
    return out


COMPOUND_GAP_RE = re.compile(r",?\s+(?:and\s+)?|\s*")


def _join_compounds(text: str, mentions: list[Quantity]) -> list[Quantity]:
    """One span of time or length printed in two units is one figure: "six minutes and 40
    seconds", "two hours, 42 minutes", "6ft 3in" (the larger unit first)."""
    out: list[Quantity] = []
    for q in mentions:
        a = out[-1] if out else None
        if a is not None and a.kind == q.kind and q.kind in ("duration", "quantity") and q.bound == "exact" \
                and a.bound != "range" and a.value is not None and q.value is not None and a.dimension == q.dimension \
                and q.dimension in ("[time]", "[length]") and COMPOUND_GAP_RE.fullmatch(text, a.end, q.start) \
                and a.value == int(a.value) \
                and units.conversion(a.unit).factor > units.conversion(q.unit).factor:
            value = units.from_base(units.to_base(a.value, a.unit) + units.to_base(q.value, q.unit), q.unit)
            if q.dimension == "[time]" and (old := OLD_AFTER_RE.match(text, q.end)) \
                    and (age := _finish(text, a.start, old.end(), "count", units.from_base(units.to_base(value, q.unit), "year"),
                                        "count", "exact", 0.0, thing="age")) is not None:
                out[-1] = replace(age, surface=text[a.start:old.end()], start=a.start)  # "16 years, two months and 15 days old": an age in years
                continue
            if (joined := _finish(text, a.start, q.end, q.kind, value, q.unit, a.bound, q.precision)) is not None:
                out[-1] = replace(joined, surface=text[a.start:q.end], start=a.start)
                continue
        out.append(q)
    return out


# "$8bn-$12bn", "between 4% and 7%", "from $700,000 to $1.4 million": two printed ends of one range
RANGE_GAP_RE = re.compile(r"\s*(?:-|–|—|to)\s*|\s+(?P<and>and)\s+")
RANGE_OPEN_RE = re.compile(r"(?:^|(?<=[\s(]))(?P<word>between|from)\s+$", re.I)
UP_TO_SURFACE_RE = re.compile(r"up\s+to\s", re.I)
# "rose from 12% to 15%": a prior value and a level, not a range; "ranged from" is a range
CHANGE_FROM_RE = re.compile(CHANGE_BEFORE_FROM + r"\s+$", re.I)
CHANGE_FROM_AT_RE = re.compile(CHANGE_BEFORE_FROM + r"\s+(?:US\$|[A-Z]{0,2}[$€£¥₹]|Rs\.?\s?)?$", re.I)  # the number may follow its currency sign
OBJECT_FROM_AT_RE = re.compile(CHANGE_OBJECT_FROM + r"\s+(?:US\$|[A-Z]{0,2}[$€£¥₹]|Rs\.?\s?)?$", re.I)
CHANGE_AMOUNT_AT_RE = re.compile(CHANGE_BEFORE_AMOUNT, re.I)
BY_AMOUNT_RE = re.compile(r"\bby\s+(?:(?:about|around|some|nearly|almost|roughly|just)\s+)?$", re.I)


def _change_then_level(text: str, start: int) -> bool:
    """Is the figure at `start`, with a second figure three times it or more after "to", the
    amount of a change and the second its level? "rose by 9,400 people to 714,100", "gained 21
    cents to $12.09", "was raised by 1,000 to 157,000"."""
    return bool(CHANGE_AMOUNT_AT_RE.search(text, max(0, start - 40), start) or BY_AMOUNT_RE.search(text, max(0, start - 30), start))


def _after_change_from(text: str, start: int) -> bool:
    """Does the figure at `start` follow a verb of change and "from" ("climbed about 10 percent,
    from $31.99", "raised the fine from $100")? Then "from X to Y" is a prior value and a level,
    not a range."""
    return "from" in text[max(0, start - 12):start].lower() and bool(
        CHANGE_FROM_AT_RE.search(text, max(0, start - 60), start) or OBJECT_FROM_AT_RE.search(text, max(0, start - 100), start))
# "4 and 9 tonnes respectively": two figures sharing one unit; "4 or 5 tonnes": a range
# "rose from 4 to 9 tonnes": after a verb of change the first is the prior value, in the same unit
SHARED_UNIT_RE = re.compile(rf"(?:^|(?<=[\s(]))(?:(?P<digits>{DIGITS})|(?P<word>{NUMBER_WORD}))\s+(?P<link>and|or|to)\s+$", re.I)


def _spelled_unit(u: re.Match) -> tuple[str, str]:
    """(unit, kind) of the spelling UNIT_RE matched."""
    _, unit, kind = units.UNIT_SPELLINGS[_first_group(u, "u")]
    return unit, kind


def _shares_unit(text: str, shared: re.Match, first: float, q: Quantity) -> bool:
    """Does the bare number `shared` found before `q` take q's unit? "4 and 9 tonnes", "4 or 5
    tonnes" (the smaller first; after "between" or "from" they are a range's ends, joined
    elsewhere), or "rose from 9 to 4 tonnes" after a verb of change, in either order."""
    if shared.group("link") == "to":
        return _after_change_from(text, shared.start())
    return first < q.value and not RANGE_OPEN_RE.search(text, max(0, shared.start() - 10), shared.start())


def _unit_after(text: str, pos: int) -> bool:
    """Is a unit, a scale word or cents next ("to 9 tonnes", "to 4 million", "to 15 cents")?"""
    return bool(_UNIT_AT.match(text, pos) or SCALE_RE.match(text, pos) or CENTS_RE.match(text, pos))


def _guessed_count(a: Quantity, shared: re.Match) -> bool:
    """Is `a` the bare number `shared`, read as a count of a noun guessed from the words before
    it ("a specialist over 1,500 and 5,000 metres": not 1,500 specialists)? It takes the unit it
    shares with the next figure instead."""
    return a.kind == "count" and shared.group("digits") is not None and a.end == shared.end("digits") \
        and bool(a.thing) and a.thing.lower() not in a.surface.lower()


def _join_ranges(text: str, mentions: list[Quantity]) -> list[Quantity]:
    """Join the two printed ends of a range into one figure, and give a bare number the unit it
    shares with the next figure ("4 and 9 tonnes")."""
    out: list[Quantity] = []
    for q in mentions:
        if q.kind in ("quantity", "money") and q.value is not None and (k := _bare_prior(text, out, q)) is not None:
            a = out[k]  # "climbing from 118 million last year to 150 million tonnes": 118 million tonnes
            out[k] = _finish(text, a.start, a.end, q.kind, a.value, q.unit, a.bound, a.precision or 0.0, a.low, a.high, q.thing) or a
        a = out[-1] if out else None
        if a is not None and a.kind != "date" and not text[a.end:q.start].strip() and q.value is not None and q.value < 0 and text[q.start] in "-\u2212" \
                and not text[a.end - 1].isdigit() and (unsigned := _finish(text, q.start + 1, q.end, q.kind, -q.value, q.unit, q.bound,
                                                                             q.precision or 0.0, thing=q.thing)) is not None:
            q = unsigned  # "rates of 5.25%-5.5%", "a 3%-2% split": a dash glued to a figure's unit is no minus sign
        if a is not None and _range_ends(text, a, q):
            opening = RANGE_OPEN_RE.search(text, max(0, a.start - 10), a.start)
            up_to = UP_TO_SURFACE_RE.match(a.surface) if _up_to_range(text, a, q) else None
            start = opening.start() if opening else a.start + (up_to.end() if up_to else 0)
            precision = max(a.precision or 0.0, q.precision or 0.0)
            joined = _finish(text, start, q.end, q.kind, (a.value + q.value) / 2, q.unit, "range", precision,
                             a.value, q.value, q.thing or a.thing)
            if joined is not None:
                out[-1] = replace(joined, low=a.value if up_to else a.low, high=q.high)
                continue
        if q.kind != "date" and q.bound == "exact" and q.value is not None and q.value > 0 \
                and (shared := SHARED_UNIT_RE.search(text, max(0, q.start - 30), q.start)) \
                and (q.kind != "count" or shared.group("link") == "or" and q.thing and q.thing.lower() in q.surface.lower()) \
                and (a is None or a.end <= shared.start() or a.thing == ELLIPTIC and a.start >= shared.start() or _guessed_count(a, shared)) \
                and (parsed := _parse_digits(shared.group("digits")) if shared.group("digits") else (_word_value(shared.group("word")), 0.0)) \
                and _shares_unit(text, shared, parsed[0], q) and (q.kind != "count" or q.value <= 2 * parsed[0]):
            # a count's alternatives are close ("146 or 147 seats", "one or two nights"); "11 or 31
            # boroughs" is a slip for "11 of 31"
            if a is not None and (a.thing == ELLIPTIC and a.start >= shared.start() or _guessed_count(a, shared)):
                out.pop()  # "five and seven per cent": the bare number is read with the unit it shares
            scale = _printed_scale(q)
            first = _make(shared.start(), shared.end("digits") if shared.group("digits") else shared.end("word"), text, q.kind, parsed[0] * scale, q.unit, "exact",
                          parsed[1] * scale, thing=q.thing)
            if shared.group("link") == "or":
                joined = _finish(text, shared.start(), q.end, q.kind, (first.value + q.value) / 2, q.unit, "range",
                                 max(first.precision, q.precision), first.value, q.value, q.thing)
                if joined is not None:
                    out.append(replace(joined, low=first.low, high=q.high))
                    continue
            else:
                out.append(first)
        out.append(q)
    return out


TO_GAP_RE = re.compile(r"\s+to\s+")


def _bare_prior(text: str, out: list[Quantity], q: Quantity) -> int | None:
    """The index in `out` of a bare number that q's unit applies to: after a verb of change,
    "from X [a date] to Y tonnes" gives X the unit of Y (X is read as a count of no printed noun)."""
    k = len(out) - 1
    while k >= 0 and out[k].kind == "date":
        k -= 1
    if k < 0 or out[k].kind != "count" or out[k].value is None or out[k].thing == ELLIPTIC \
            or out[k].thing and out[k].thing.lower() in out[k].surface.lower():
        return None
    gap = text[out[k].end:q.start]
    for date in out[k + 1:]:
        gap = gap.replace(date.surface, " ")
    return k if TO_GAP_RE.fullmatch(gap) and _after_change_from(text, out[k].start) else None


# "from 8.96 million b/d to 9.04": the bare number after "to", nothing said after it
BARE_TO_RE = re.compile(rf"\s+to\s+(?P<digits>{DIGITS})(?![\d,.]\d|\.?\d|[\w%‰$€£¥₹/-])")


def _bare_level_after(text: str, mentions: list[Quantity]) -> list[Quantity]:
    """After a verb of change, "from X million barrels to Y" gives the bare Y the unit and scale
    of X ("demand rose from 8.96 million b/d to 9.04", "supply fell from 239.1 million barrels to
    237.6"): the level the change reached, printed without its unit (_bare_prior is the other way round)."""
    out: list[Quantity] = []
    skip = -1
    for k, q in enumerate(mentions):
        if k == skip:
            continue  # the bare number read as a count of no noun, now read as the level
        out.append(q)
        if q.kind not in ("quantity", "money") or q.bound != "exact" or q.value is None or not q.unit \
                or not (bare := BARE_TO_RE.match(text, q.end)) or not _after_change_from(text, q.start) \
                or _unit_after(text, bare.end()) or _count_noun(text, bare.end()) \
                or (parsed := _parse_digits(bare.group("digits"))) is None:
            continue
        if k + 1 < len(mentions) and mentions[k + 1].start < bare.end():
            if mentions[k + 1].thing != ELLIPTIC or mentions[k + 1].start != bare.start("digits"):
                continue
            skip = k + 1
        scale = _printed_scale(q)
        level = _finish(text, bare.start("digits"), bare.end("digits"), q.kind, parsed[0] * scale, q.unit, "exact",
                        parsed[1] * scale, thing=q.thing)
        if level is not None:
            out.append(level)
        elif skip == k + 1:
            skip = -1
    return out


def _printed_scale(q: Quantity) -> float:
    """The scale word's factor in a figure: "9 million tonnes" -> 1e6 (its value over its first
    printed number); 1.0 when no digits are printed ("seven per cent")."""
    printed = DIGITS_RE.match(q.surface.lstrip("$€£¥₹ "))
    return q.value / _parse_digits(printed.group(0))[0] if printed else 1.0


def _up_to_range(text: str, a: Quantity, b: Quantity) -> bool:
    """"moving the target range up to 1.5% to 1.75%": "up" is the verb's, and the range follows
    it; "up to" a figure and then "to" another of one unit is no ceiling and a level."""
    return a.bound == "upper" and b.bound == "exact" and UP_TO_SURFACE_RE.match(a.surface) is not None \
        and a.value is not None and b.value is not None and 0 < a.value < b.value <= 3 * a.value \
        and TO_GAP_RE.fullmatch(text, a.end, b.start) is not None


def _range_ends(text: str, a: Quantity, b: Quantity) -> bool:
    # "between 140p and 150 pence per litre": the price's "per litre" is said once, after the second end
    same_unit = a.unit == b.unit or a.thing is None and (b.unit or "").startswith(f"{a.unit} / ")
    if a.kind != b.kind or a.kind == "date" or not same_unit or a.thing != b.thing and a.thing is not None:
        return False
    if a.bound == "exact" and b.bound == "upper" and UP_TO_SURFACE_RE.match(b.surface) and not text[a.end:b.start].strip() \
            and a.value is not None and b.value is not None and a.value < b.value \
            and (opening := RANGE_OPEN_RE.search(text, max(0, a.start - 10), a.start)) and opening.group("word").lower() == "from" \
            and not _after_change_from(text, a.start):
        return True  # "clock speeds from 2GHz up to 3.20GHz": the range's top, said with "up to"
    if _up_to_range(text, a, b):
        return True
    if a.bound != "exact" or b.bound != "exact" or not (a.value is not None and b.value is not None and a.value < b.value):
        return False
    gap = RANGE_GAP_RE.fullmatch(text, a.end, b.start)
    if gap is None:
        return False
    opening = RANGE_OPEN_RE.search(text, max(0, a.start - 10), a.start)
    if gap.group("and"):
        return bool(opening) and opening.group("word").lower() == "between"
    if opening and opening.group("word").lower() == "from" and _after_change_from(text, a.start):
        return False
    if not opening and b.value >= 3 * a.value > 0 and _change_then_level(text, a.start):
        return False
    return True


# A list that leaves out its verb and unit after the first item: "the Conservatives held 117 seats,
# the Liberal Democrats 70 and the SNP 8", "petrol at 132.8p a litre and diesel at 140.4p". An
# item is a name (up to four capitalized words) or one plain noun, then the figure, then the
# item's end; a verb in the gap ("Adelaide is at 42C") makes it a clause of its own.
LIST_ITEM = r"(?:the\s+)?(?P<item>(?-i:[A-Z][\w'’.\-]*)(?:\s+(?-i:[A-Z][\w'’.\-]*)){0,3}|(?-i:[a-z]{3,}))\s+(?:at\s+)?"
LIST_ITEM_BEFORE_RE = re.compile(rf"(?:,\s*|\s+and\s+){LIST_ITEM}$")
LIST_GAP_RE = re.compile(rf"(?:,\s*(?:and\s+)?|\s+and\s+){LIST_ITEM}")
LIST_ITEM_END_RE = re.compile(r"\s*(?:,(?!\s*\d)|[;.)]|\s+(?:and|or)\b|$)")  # not "No 629, 088": a number goes on
# the first item's subject: a word, then one to three lower-case words up to its figure
FIRST_ITEM_RE = re.compile(r"(?P<subject>[A-Za-z][\w'’.\-]*)\s+(?:[a-z]+\s+){1,3}$")
COMPARED_GAP_RE = re.compile(r",?\s+(?:(?:up|down)\s+)?(?:compared\s+(?:with|to)|against|versus|vs\.?|from)\s+", re.I)
# "8.0p per share (2017: 7.7p)": the year before's figure in brackets, in a results statement's words (see frames)
BRACKET_YEAR_GAP_RE = re.compile(r"\s*\(\s*(?:(?:[HQ][1-4]|FY)\s?)?(?:19|20)\d\d(?:[/-]\d\d)?\s*:\s*")
GAPPED = "(gapped)"  # the thing of a bare number read as a list item, until _gapped_items gives it the list's unit
ELLIPTIC = "(elliptic)"  # the thing of a bare whole number, until _inherit_things gives it the count before's
# "won 3-1", "24/7", "5th", "4x4": a score, a ratio or a name, not a figure that left out its noun
# ("No 629, 088", "1,50": a misprinted group or a decimal comma, not figures we can read)
# a capitalized word next is a name the count is of ("two USB ports"), or the next item of a list
NOT_ELLIPTIC_AFTER_RE = re.compile(r"\s*[-–/×:]\s*\d|[-A-Za-z°'’\"”]|\s*x\s*\d|,\s?\d|\s+[A-Z]|\s+(?:in|of|out\s+of)\s+every\b|\s+(?:of|out\s+of)\s+\d")  # "1 of every 1,000": a rate
ELLIPTIC_GAP = 60  # characters: a unit is left out only right after the figure that printed it
# "10 over minor clashes, 16 for ... and one over a firing incident", "were one each from Israel":
# "one" as an item of a list of counts whose verb is left out (an article, a preposition or the
# clause's end next), or shared out; not a pronoun with a verb of its own ("and one may have been
# struck"), "one of them", "one another"
ONE_LISTED_BEFORE_RE = re.compile(r"(?:,|\band)\s+$")
ONE_EACH_AFTER_RE = re.compile(r"\s+(?:each|apiece)\b")
ONE_ITEM_AFTER_RE = re.compile(r"\s*(?:[,;.)]|$)|\s+(?:a|an|the|over|for|from|in|on|at|to|with|by|after|before)\b")


def _one_listed(text: str, start: int, pos: int) -> bool:
    """Is the word "one" at text[start:pos] a count that leaves its noun out, as the counts
    before it in its list did? (It is read only with such a count before it: _inherit_things.)"""
    return bool(ONE_EACH_AFTER_RE.match(text, pos)
                or ONE_LISTED_BEFORE_RE.search(text, max(0, start - 6), start) and ONE_ITEM_AFTER_RE.match(text, pos))


FAR_WORD_RE = re.compile(r"\s+(\d+(?:\.\d+)?(?=[A-Za-z])|(?:[A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z][\w'’\-]*|\d+(?:\.\d+)?)(?!\w))")  # "two 5MP lenses": digits glued to a unit
FAR_MODIFIERS = 4


def _far_count_noun(text: str, pos: int) -> tuple[int, str] | None:
    """The plural noun a number counts past more modifiers than _count_noun reads, names and
    abbreviations among them ("32 other Jiangshan Middle School students", "four U.S. regions",
    "two USB 3.0 ports"); None at a function word, a verb or the clause's end. A capitalized word
    is a name's, not a function word: "a dozen Grade A eggs", "12 Class A shares"."""
    for _ in range(FAR_MODIFIERS + 1):
        m = FAR_WORD_RE.match(text, pos)
        if not m:
            return None
        word = m.group(1)
        lower = word.lower()
        if word[0].isupper() and not _plural_noun(lower):
            pos = m.end(1)
            continue
        if lower in STOPWORDS and lower != "other" or lower in SLOT_VERBS or lower in HEDGE_WORDS:
            return None
        if word[0].isdigit() and (u := _UNIT_AT.match(text, m.end(1))):
            # "three 15 MW plants", "two 5MP lenses": a figure in its own unit between the count and its noun is a
            # figure of its own; the count ends before it, as "three $200 fines" does
            noun = _count_noun(text, u.end())
            return (pos, noun[1]) if noun else None
        if _plural_noun(word):
            if PRICE_AFTER_RE.match(text, m.end(1)):
                return None  # "95 octane costs $2.17": a verb before a price, after the thing's name
            return (after.end(1), after.group(1).lower()) if (after := WORD_RE.match(text, m.end(1))) and _plural_noun(after.group(1)) \
                else (m.end(1), lower)
        pos = m.end(1)
    return None


SAID_RE = re.compile(r"\b(?:said|says|say|told|tells|announced|stated|added|noted|according)\b")  # not "reported to police"
OF_PRONOUN_AFTER_RE = re.compile(r"\s+of\s+(?:them|these|those|whom|which|us|you)\b", re.I)
# a participle or relative clause that carries the subject past a comma to its figure
PARTICIPLE_BEFORE_RE = re.compile(r",\s+(?:which\s+|who\s+)?(?:reaching|hitting|totall?ing|numbering|numbered|reached|totall?ed|stood\s+at|standing\s+at)\s+"
                                  r"(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|more\s+than\s+|over\s+)?$", re.I)
# a verb of change and "to", "by" or "from" before a bare scaled figure: "Births ... dropped to 9.02 million",
# "The number of people over 65 rose by 3.3% to 216.76 million": the sentence's subject is what it counts
CHANGED_TO_BEFORE_RE = re.compile(r"\b(?:rose|fell|grew|dropped|declined|increased|decreased|climbed|jumped|shrank|slid|sank|surged|"
                                  r"rising|falling|growing|dropping|declining|increasing)\b[^.;]{0,25}?\b(?:to|by|from)\s+"
                                  r"(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$", re.I)
SUBJECT_WORDS = 10  # a sentence's subject is among its first words: "Over the last two weeks the number of patients"
COMPLEMENT_BEFORE_RE = re.compile(r"(?:^|[\s,;:(])([A-Za-z'’\-]+)?\s*$")


NAME_GOES_ON_RE = re.compile(r"\s+[A-Z][a-z]")
DETERMINER_NEXT_RE = re.compile(r"\s+(?:the|a|an|its|their|his|her|most|all|some|many|every|each)\s", re.I)


def _subject_noun(text: str, q: Quantity, before: list[Quantity]) -> str | None:
    """The plural noun a bare count with no count before it counts: its sentence's subject,
    when the count is the complement of the sentence's verb ("Homicides ... rose 14%, from 630
    to 719", "Sexual offences climbed ..., reaching 129,700", "Deaths from flu ... stand at
    21"): the first plural noun among the sentence's first words, figures' words aside."""
    if q.value != int(q.value) or OF_PRONOUN_AFTER_RE.match(text, q.end):
        return None  # "at least two of them were paralyzed": the people a sentence before named
    breaks = list(SENTENCE_BREAK_RE.finditer(text, max(0, q.start - 300), q.start))
    start = breaks[-1].end() if breaks else max(0, q.start - 300)
    if SAID_RE.search(text, start, q.start):
        return None  # "Hospital officials said ... eight were still in critical condition": a speaker is no subject
    if (complement := COMPLEMENT_BEFORE_RE.search(text, start, q.start)) is None:
        return None  # glued to what precedes it: "Island42"
    word = complement.group(1)
    if word and not (word.lower() in STOPWORDS or word.lower() in SLOT_VERBS or word.lower().endswith(("ed", "ing"))) \
            or word and word.lower() in ("every", "per", "of", "a", "an", "the"):
        # "the BJP's 700": a noun before the number is what it is of; "1 of every 1,000": a rate's
        # base; "scores of 3", "a majority of 60": the value of a noun, not a count of the
        # subject; "a crash of a 777": a thing named by a number
        return None
    spans = []
    for o in reversed(before):  # the figures of this window only: `before` may hold a whole text's
        if o.end <= start:
            break
        spans.append((o.start, o.end))
    for k, m in enumerate(SLOT_WORD_RE.finditer(text, start, q.start)):
        if k >= SUBJECT_WORDS:
            return None
        if any(a <= m.start() < b for a, b in spans):
            continue  # "the last two weeks": a figure's noun is not the subject
        w = m.group(0)
        if DETERMINER_NEXT_RE.match(text, m.end()):
            continue  # "holds the bulk": a verb takes a determiner after it, a subject noun does not
        if _plural_noun(w) or (m.start() == start and _plural_noun(w.lower()) and not w.isupper()
                               and not NAME_GOES_ON_RE.match(text, m.end())):  # "Gaines County": a name, not "gaines"
            return w.lower()
    return None


def _unit_left_out(gap: str) -> bool:
    """Does the text between a measure and a bare number leave the unit to be understood ("42C,
    and Canberra has reached 37")? Not when it names what the number is of ("89.7 inches, and
    the most days with snow: 100")."""
    return ":" not in gap and not any(_plural_noun(w) for w in SLOT_WORD_RE.findall(gap))


# words that may follow a count whose noun is left out ("two behind him", "one each")
AFTER_COUNT_WORDS = frozenset("behind ahead apiece each alone altogether overall together apart total combined net gross"
                              " dead hurt missing".split())  # "left 400 dead": people in a state, no label
# endings of adjectives and participles, which may stand between a count and its left-out noun
ADJECTIVE_ENDINGS = ("ed", "ing", "ly", "er", "est", "wn", "en", "al", "ive", "ous", "ic", "ful", "less", "able", "ible")


def _label_after(text: str, pos: int) -> bool:
    """A singular noun right after the number makes it a label ("91 octane", "Apollo 11
    mission"), not a count that left its noun out ("868 higher", "26 going to others")."""
    m = WORD_RE.match(text, pos)
    if not m or not m.group(1)[0].islower() or m.start(1) == pos:
        return False
    w = m.group(1).lower()
    return not (w in STOPWORDS or w in SLOT_VERBS or w in HEDGE_WORDS or w in AFTER_COUNT_WORDS or _plural_noun(w)
                or w.endswith(ADJECTIVE_ENDINGS))  # "130 known injured": an adjective, then what it counts


DIGIT_GROUP_BEFORE_RE = re.compile(r"\d[ \u00a0\u202f]+$")
LABEL_WORDS = frozenset({"number", "no", "nos", "num"})  # words that make the number after them a label


def _named_before(text: str, start: int) -> bool:
    """A capitalized word right before the number ("Table 1", "Model 3", "Canberra 37"): a name
    or a list's item, not a figure that left its noun out (stricter than _identifier_before)."""
    m = WORD_BEFORE_RE.search(text, max(0, start - 30), start)
    if text[start - 1:start] in "'’‘" or text[start - 1:start].isalpha():
        # "the Blizzard of '79": a year; "US89 (A97.5) cents": a code glued to its number
        return True
    if DIGIT_GROUP_BEFORE_RE.search(text, max(0, start - 3), start) or m and m.group(1).lower() in LABEL_WORDS:
        return True  # "the helpline on 0800 22 444": a code's digits; "shirt number 10": a label
    return bool(m) and m.group(1)[0].isupper() and m.group(1).lower() not in STOPWORDS and m.group(1).lower() not in HEDGE_WORDS


def _plain(item: str) -> bool:
    """A name, or a plain noun ("diesel"), not a verb or function word ("was", "rising")."""
    lower = item.lower()
    return item[0].isupper() or not (lower in STOPWORDS or lower in SLOT_VERBS or lower.endswith(("ed", "ing")))


def _list_item(text: str, start: int, end: int) -> bool:
    """Is the bare number at text[start:end] a list item after a name ("…, the SNP 8 and …")?"""
    m = LIST_ITEM_BEFORE_RE.search(text, max(0, start - 60), start)
    return bool(m) and _plain(m.group("item")) and bool(LIST_ITEM_END_RE.match(text, end))


def _listed(text: str, p: Quantity, q: Quantity, chained: bool) -> bool:
    """Is q the next item of a list whose item before is p (itself an item when `chained`)? The
    first items must be parallel: a name after a name's figure ("the Conservatives held 117
    seats, the SNP 8"), a noun after a noun's ("petrol at 132.8p a litre and diesel at 140.4p");
    "showed two smartphones, the Lumia 950" names the smartphones."""
    gap = LIST_GAP_RE.fullmatch(text, p.end, q.start)
    if not gap or not _plain(gap.group("item")):
        return False
    if chained:
        return True
    first = FIRST_ITEM_RE.search(text, max(0, p.start - 40), p.start)
    if not first:
        return False
    opens = not text[:first.start()].rstrip() or text[:first.start()].rstrip()[-1] in ".!?\"“"
    return opens or first.group("subject")[0].isupper() == gap.group("item")[0].isupper()


def _gapped_items(text: str, mentions: list[Quantity]) -> list[Quantity]:
    """A figure that leaves out what the figure before it said takes it: a list item ("the SNP 8")
    the first item's unit and thing (a bare item is unread when the gap is no list), a price in a
    list or compared with ("up from 140p") the other's "a litre" or "a share", and an amount of
    change ("a gain of 73 million") the unit of what it changes."""
    out: list[Quantity] = []
    listed = False
    for q in mentions:
        p = out[-1] if out and out[-1].kind != "date" and out[-1].value is not None else None
        bracket_year = p is None and len(out) > 1 and out[-1].kind == "date" and out[-2].kind != "date" \
            and out[-2].value is not None and bool(BRACKET_YEAR_GAP_RE.fullmatch(text, out[-2].end, q.start))
        if bracket_year:  # "8.0p per share (2017: 7.7p)": the figure before the bracket's year
            p = out[-2]
        listed = p is not None and not bracket_year and _listed(text, p, q, listed)
        # "$3.36 per share, compared with $3.28 last year": the price compared with is per share too
        # (not a total: "45 cents per share, compared with $3.48 billion")
        priced = listed or p is not None and (bracket_year or bool(COMPARED_GAP_RE.fullmatch(text, p.end, q.start))) \
            and q.value is not None and _printed_scale(q) <= max(_printed_scale(p), 1.0)
        if q.thing == GAPPED:
            if not listed or _printed_scale(p) != 1.0 or p.bound == "range":
                continue  # "$5bn, Italy 3": the scale is not said again, so the item is not read
            q = _finish(text, q.start, q.end, p.kind, q.value, p.unit, q.bound, q.precision or 0.0, q.low, q.high, thing=p.thing)
        elif priced and q.kind == p.kind == "money" and q.unit and p.unit and "/" not in q.unit \
                and p.unit.startswith(f"{q.unit} / ") and q.thing is None:
            q = _finish(text, q.start, q.end, q.kind, q.value, p.unit, q.bound, q.precision or 0.0, q.low, q.high)
        elif priced and q.kind == p.kind == "money" and q.unit == p.unit and q.thing is None and p.thing:
            q = replace(q, thing=p.thing, dimension=p.dimension)  # "19 cents a share and Acme 21 cents"
        elif p is not None and q.kind == "count" and q.thing in CHANGE_NOUNS and q.thing not in q.surface.lower() \
                and p.kind in ("quantity", "money", "count") and not SENTENCE_BREAK_RE.search(text, p.end, q.start):
            # "to 683 million tonnes, a gain of 73 million": a change in what the figure before measures
            q = _finish(text, q.start, q.end, p.kind, q.value, p.unit, q.bound, q.precision or 0.0, q.low, q.high, thing=p.thing)
        if q is not None:
            out.append(q)
    return out


# "a litre of unleaded should average around 97.8p": the thing priced, said before the price
# ("when an ounce cost $850", "a litre sold for 95p": the thing priced is the verb's subject)
PRICED_BEFORE_RE = re.compile(r"\b(?:a|an|one|each|per)\s+(?P<unit>(?:square\s+|cubic\s+)?[a-z]+)\s+(?:of\s+[a-z\-]+(?:\s+[a-z\-]+){0,4}?|costs?|sold\s+for|sells\s+for|fetched|fetches|at)\s+$", re.I)  # "puts each square metre at $30,000"


PRICED_NEIGHBOURS = 6  # figures either side a sentence's price may be: linear in a text's figures


SHARED_RATE_GAP_RE = re.compile(r"(?:\s+of\s+[A-Za-z\-]+(?:\s+[A-Za-z\-]+)?)?,?\s+and\s+")


def _priced_alike(text: str, mentions: list[Quantity]) -> list[Quantity]:
    """A price per unit said once in a sentence is the unit of its other plain amounts in that
    currency that are no more than twice it and at least a hundredth of it: a change in the price
    ("lift petrol by 2p, taking it close to the £1 a litre mark") or a price beside it ("2p a
    litre next April and another 1.84p"). A price whose thing is named before it ("a litre of
    unleaded should average around 97.8p") is per that thing. So is a measure compared right
    after a rate of its unit ("7.3 tonnes per hectare, down from 7.4 tonnes": tonnes per hectare)."""
    if not any(q.kind in ("money", "quantity") for q in mentions):
        return mentions
    out = list(mentions)
    for k, q in enumerate(out):
        if q.kind == "quantity" and k + 1 < len(out) and (p := out[k + 1]).kind == "quantity" and q.unit and "/" not in q.unit \
                and p.unit and p.unit.startswith(f"{q.unit} / ") and p.unit.partition(" / ")[2] in units.RATES \
                and q.bound != "range" and SHARED_RATE_GAP_RE.fullmatch(text, q.end, p.start):
            # "2,700 kWh of electricity and 11,500 kWh of gas a year": the rate said once, after the last
            out[k] = _finish(text, q.start, q.end, q.kind, q.value, p.unit, q.bound, q.precision or 0.0, q.low, q.high) or q
            continue
        if q.kind == "quantity" and k and (p := out[k - 1]).kind == "quantity" and q.unit and "/" not in q.unit \
                and p.unit and p.unit.startswith(f"{q.unit} / ") and p.value and q.value and p.value / 2 <= q.value <= 2 * p.value \
                and COMPARED_GAP_RE.fullmatch(text, p.end, q.start):
            out[k] = _finish(text, q.start, q.end, q.kind, q.value, p.unit, q.bound, q.precision or 0.0, q.low, q.high) or q
            continue
        if q.kind != "money" or not q.unit or "/" in q.unit or q.thing or q.value is None or q.value <= 0 \
                or _printed_scale(q) >= 2 or q.bound == "range":  # "2p" prints 2 of 0.02; "$6.30-1/2" prints 6.30 of 6.305
            continue
        price = next((p for p in out[max(0, k - PRICED_NEIGHBOURS):k + PRICED_NEIGHBOURS + 1] if p is not q and p.kind == "money" and p.unit and p.unit.startswith(f"{q.unit} / ")
                      and p.value and (p.value / 100 <= q.value <= 2 * p.value and _priced_beside(text, p, q) or _changed_to(text, p, q))
                      and not SENTENCE_BREAK_RE.search(text, min(p.end, q.end), max(p.start, q.start))), None)
        if price is not None:
            out[k] = _finish(text, q.start, q.end, q.kind, q.value, price.unit, q.bound, q.precision or 0.0, q.low, q.high) or q
        elif (before := PRICED_BEFORE_RE.search(text, max(0, q.start - 80), q.start)) \
                and (u := UNIT_RE.fullmatch(before.group("unit"))) and _spelled_unit(u)[1] == "quantity":
            per = units.split_multiple(_spelled_unit(u)[0])[1]
            out[k] = _finish(text, q.start, q.end, q.kind, q.value, f"{q.unit} / {per}", q.bound, q.precision or 0.0, q.low, q.high) or q
    return out


def _priced_beside(text: str, price: Quantity, q: Quantity) -> bool:
    """May a plain amount take a price's unit by being beside it? A price per a thing ("2p a
    litre ... another 1.84p") lends it to the sentence's amounts; a payment per a period lends
    it only to the amount it is compared with ("$500 a month, up from $450"), not to the fines,
    costs and totals listed with it ("fined him £392 and £135 costs ... at £200 per month")."""
    if units.conversion(price.unit.partition(" / ")[2]).dimension != "[time]":
        return True
    x, y = (price, q) if price.end <= q.start else (q, price)
    # "£1,568 per year, a fall of £122": the change in the payment, named right after it
    return COMPARED_GAP_RE.fullmatch(text, x.end, y.start) is not None \
        or x is price and CHANGE_NOUN_GAP_RE.fullmatch(text, x.end, y.start) is not None


CHANGE_NOUN_GAP_RE = re.compile(r",?\s+(?:an?\s+)?(?:fall|drop|rise|increase|decrease|cut|reduction|jump|hike)\s+of\s+(?:about\s+|around\s+|some\s+|nearly\s+)?", re.I)
CHANGED_TO_RE = re.compile(r"\s+to\s+(?:[a-z]+\s+){0,4}?|,\s+or\s+")


def _changed_to(text: str, a: Quantity, b: Quantity) -> bool:
    """Are two amounts a change and the level it reached, "to" between them ("gained 6 cents to
    $6.41 a bushel", "up $12.30 an ounce to a settlement price of $1,602.40"), or one amount said
    again another way ("$850, or about $2,400 in today's money")? Then a price's unit is the
    other's, however far apart their sizes."""
    x, y = (a, b) if a.end <= b.start else (b, a)
    if not (link := CHANGED_TO_RE.fullmatch(text, x.end, y.start)):
        return False
    # said again, it is of the same order ("$3 a litre, or $80 a tankful" is another amount)
    return "to" in link.group(0) or max(a.value, b.value) <= 10 * min(a.value, b.value)


def _scale_word_of(q: Quantity) -> float:
    """The scale word's factor in a figure, whatever its hedge or currency before the digits
    ("about HK$5 billion" -> 1e9); 1.0 when no digits are printed."""
    printed = DIGITS_RE.search(q.surface)
    if printed is None and (word := SCALE_WORD_RE.search(q.surface)):  # "half a million", "one million pounds"
        return next((f for p, f in units.SCALES if re.fullmatch(p, word.group(0), re.I)), 1.0)
    parsed = _parse_digits(printed.group(0)) if printed else None
    return q.value / parsed[0] if parsed and parsed[0] else 1.0


SCALE_WORD_RE = re.compile(r"\b(?:thousand|million|billion|trillion|crore|lakh)\b", re.I)
SCALE_END_RE = re.compile(r"(?:\s+|-)?(?:thousand|million|billion|trillion|bn|mn|tn|crore|lakh)$", re.I)


def _elided_currency(text: str, mentions: list[Quantity]) -> list[Quantity]:
    """A bare scaled figure that counts no plural noun, in a sentence whose money figure of the
    same scale word came before it, is money in that currency ("5.1 billion Swedish crowns ...
    from a year-ago 6.0 billion, ahead of a forecast of 3.6 billion"), when within ten times it.
    So is a measure's unit: "36.7 million tonnes, a touch below the 36.8 million of 2013" is in
    tonnes (a count whose noun, found further back, is that unit's word is read the same way)."""
    if not any(q.kind in ("money", "quantity") for q in mentions):
        return mentions
    out, by_scale = [], {}  # power of ten of a scale word -> the last money figure or count of things printed with it
    last = None  # the last measure of any scale: what a bare amount of change measures
    for q in mentions:
        if q.kind not in ("money", "count", "quantity") or not q.value or q.value < 1000 or (scale := _scale_word_of(q)) < 1000:
            if q.kind in ("money", "quantity") and q.bound != "range" and "/" not in (q.unit or "") and not q.thing:
                last = q
            out.append(q)
            continue
        key = round(math.log10(scale))
        unit_word = q.kind == "count" and q.thing and (u := UNIT_RE.fullmatch(q.thing)) and _spelled_unit(u)[1] == "quantity"
        if q.kind == "count" and not q.thing and SCALE_END_RE.search(q.surface) and last is not None and last.kind == "quantity" \
                and not SENTENCE_BREAK_RE.search(text, last.end, q.start) \
                and (CHANGE_AMOUNT_BEFORE_RE.search(text, max(0, q.start - 30), q.start) or CHANGE_AMOUNT_AFTER_RE.match(text, q.end)):
            # "put at 4.4 billion bushels, 270 million more than last year", "970 million bushels, 25
            # million fewer": a bare amount of change in the measure before it, whatever its size
            q = _finish(text, q.start, q.end, last.kind, q.value, last.unit, q.bound, q.precision or 0.0, q.low, q.high) or q
            out.append(q)
            continue
        if q.kind in ("money", "quantity") and q.bound != "range" and "/" not in (q.unit or "") and not q.thing \
                or q.kind == "count" and q.thing and _plural_noun(q.thing) and not unit_word:
            by_scale[key] = q  # "2.3 billion users ... versus 2.1 billion": users, not dollars
            if q.kind != "count":
                last = q
        elif q.kind == "count" and SCALE_END_RE.search(q.surface) and (p := by_scale.get(key)) is not None \
                and (p.kind == "money" or p.kind == "quantity" and (not unit_word or _spelled_unit(u)[0] == p.unit)) \
                and not SENTENCE_BREAK_RE.search(text, p.end, q.start) and max(p.value, q.value) <= 10 * min(p.value, q.value):
            q = _finish(text, q.start, q.end, p.kind, q.value, p.unit, q.bound, q.precision or 0.0, q.low, q.high) or q
        out.append(q)
    return out


CHANGE_AMOUNT_BEFORE_RE = re.compile(r"\b(?:up|down|by|(?:rise|fall|drop|increase|decrease|gain|decline|cut)\s+of)\s+(?:(?:about|around|some|nearly|almost|roughly)\s+)?$", re.I)
CHANGE_AMOUNT_AFTER_RE = re.compile(r"\s+(?:more|fewer|less|lower|higher|up|down)\b", re.I)
MOST_NOUN_BEFORE_RE = re.compile(r"\b(?:most|fewest|least|more|fewer)\s+([a-z]{3,}),\s+$", re.I)
PEOPLE_VERB_AFTER_RE = re.compile(r"\s+(?:dead|injured|wounded|hurt|missing|homeless)\b(?!\s+(?:of|in)\s+the\b)"  # "left 400 dead"
                                  r"|\s+(?:were|are|have\s+been|had\s+been|will\s+be)\s+(?:convicted|killed|injured|wounded|arrested|jailed"
                                  r"|sentenced|detained|rescued|evacuated|hospitali[sz]ed|charged|acquitted|executed|deported|abducted|kidnapped)\b", re.I)
INHERIT_WITHIN = 200  # characters: an elliptical count takes its thing from a count in its own sentence or so


SHARED_NOUN_GAP_RE = re.compile(r"\s+and\s+")


def _noun_shared_after(text: str, q: Quantity, after: list[Quantity]) -> str | None:
    """The noun a bare count shares with the count joined to it by "and" that prints it ("with
    14,318,924 and 8,747,621 more people respectively"), as "4 and 9 tonnes" share a unit."""
    if not after or q.value != int(q.value):
        return None
    nxt = after[0]
    if nxt.kind != "count" or not nxt.thing or nxt.thing.startswith("(") or nxt.thing not in nxt.surface.lower() \
            or not SHARED_NOUN_GAP_RE.fullmatch(text, q.end, nxt.start):
        return None
    return nxt.thing


UNNAMED = "(unnamed)"  # the thing of a large bare count whose sentence names nothing it counts
GROUPED_RE = re.compile(r"\d{1,3}(?:,\d{3})+")


BRACKET_NEXT_RE = re.compile(r"\s*\(")
BASE_BEFORE_RE = re.compile(r"\b(?:every|per|in|of)\s+$", re.I)  # "1 of every 1,000", "3 in 1,000": a rate's base


def _grouped_count(text: str, q: Quantity) -> bool:
    """A bare count in the millions, or printed with thousands groups ("4,518,230 were living in
    the province", "The region's population, now 3.6 million", "with 215,000 added to payrolls"),
    is a count even when its sentence names nothing it counts: a measure, price or label seldom
    prints grouped digits without its unit. Not glued to a word ("a673b" in an address), not
    before a bracket, which may name its currency ("2.42 billion (EUR)", "89.3 million ($111
    million)"), and not a rate's base ("1 of every 1,000", "3 in 1,000")."""
    return (bool(GROUPED_RE.search(q.surface)) or abs(q.value or 0.0) >= 1e6 and (_printed_scale(q) >= 1e6 or SCALE_END_RE.search(q.surface))) \
        and not text[q.start - 1:q.start].isalnum() and not BRACKET_NEXT_RE.match(text, q.end) \
        and not BASE_BEFORE_RE.search(text, max(0, q.start - 10), q.start)


def _age_beside(text: str, q: Quantity, near: Quantity | None, after: list[Quantity]) -> Quantity | None:
    """The age a bare number beside it leaves its years to ("At 41 years, the median age compares
    with 39 in 2010", "the median was 40.2 for men and 42.6 years for women"): an age printed
    within a few words before or after, of the same order, where the sentence speaks of a
    population's age (_age_of_population: "median", "the oldest population")."""
    if not q.value:
        return None
    nxt = next((o for o in after if o.kind != "date"), None)
    for o in (near, nxt):
        if o is None or o.kind != "count" or o.thing != "age" or not o.value or o.bound == "range":
            continue
        gap = text[o.end:q.start] if o.end <= q.start else text[q.end:o.start]
        if len(gap) <= ELLIPTIC_GAP and not SENTENCE_BREAK_RE.search(gap) and max(o.value, q.value) < 2 * min(o.value, q.value) \
                and _age_of_population(text, q.start, q.end):
            return o
    return None


def _inherit_things(text: str, mentions: list[Quantity]) -> list[Quantity]:
    """An elliptical count ("50,000 doses ... and 150,000 more") counts what the count before it
    counted; with nothing before it, it is not a figure we can read. A bare whole number
    (ELLIPTIC) takes it only from a count of its own sentence."""
    kept, last_thing, last_end = [], None, 0
    near = near_count = None  # the last figure, and the last that is not a percentage (dates aside)
    for k, q in enumerate(mentions):
        if q.kind == "count" and q.thing == ELLIPTIC:
            if near is not None and SENTENCE_BREAK_RE.search(text, near.end, q.start):
                near = near_count = None  # what came before is another sentence's
            if noun := _noun_shared_after(text, q, mentions[k + 1:k + 2]):
                q = replace(q, thing=noun, dimension=f"count:{count_lemma(noun)}")  # "11 and 31 boroughs"
            elif near_count is not None and near_count.kind == "count" and near_count.thing != "age" and last_thing is not None \
                    and q.value == int(q.value) and q.start - last_end <= INHERIT_WITHIN:
                q = replace(q, thing=None)  # "1,603 shares finishing lower and 868 higher"; "503 (71%) ... and 689"
            elif last_thing is not None and last_thing != "age" and q.value == int(q.value) and OF_PRONOUN_AFTER_RE.match(text, q.end) \
                    and q.start - last_end <= INHERIT_WITHIN and not SENTENCE_BREAK_RE.search(text, last_end, q.start):
                q = replace(q, thing=None)  # "Eight mines reported costs over $2000/oz, six of them in WA": the count before, past other figures
            elif q.value == 1 and not q.surface[:1].isdigit():
                # a listed "one" (_one_listed) counts only what a count before it in its sentence counted
                # (past the spans between: "four were given 10 years in jail and one a seven-year sentence")
                if last_thing is None or q.start - last_end > INHERIT_WITHIN or SENTENCE_BREAK_RE.search(text, last_end, q.start):
                    continue
                q = replace(q, thing=None)
            elif _age_beside(text, q, near, mentions[k + 1:k + 3]) is not None:
                q = _finish(text, q.start, q.end, "count", q.value, "count", q.bound, q.precision or 0.0, thing="age")
                if q is None:
                    continue
            elif near is not None and (near.kind in ("quantity", "percent") or near.kind == "duration" and q.value != int(q.value)) \
                    and near.unit and near.value and q.value \
                    and near.bound != "range" and q.start - near.end <= ELLIPTIC_GAP and _unit_left_out(text[near.end:q.start]) \
                    and max(abs(near.value), abs(q.value)) < 10 * min(abs(near.value), abs(q.value)):
                # "42C, and Canberra has reached 37", "the earlier 6.1 per cent but below 7.1": a
                # measure of the same order as the one before it, in its unit; a time only when it
                # prints decimals ("in 23.71sec ahead of Harris (23.97)": a race's times, not "15 died")
                q = _finish(text, q.start, q.end, near.kind, q.value, near.unit, q.bound, q.precision or 0.0, thing=near.thing)
                if q is None:
                    continue
            elif subject := _subject_noun(text, q, kept):
                q = replace(q, thing=subject, dimension=f"count:{count_lemma(subject)}")
            elif PEOPLE_VERB_AFTER_RE.match(text, q.end):
                q = replace(q, thing="people", dimension="count:people")  # "left 400 dead": people, whatever the sentence counted before
            elif q.value == int(q.value) and ((part := PART_OF_WHOLE_AFTER_RE.match(text, q.end))
                                               or WHOLE_OF_PART_BEFORE_RE.search(text, max(0, q.start - 40), q.start)):
                # "Ten of the 15 produced less": a part and its whole, of what an earlier sentence named;
                # "648 of the 650 House of Commons seats": of the whole's noun, past a name
                noun = _far_count_noun(text, part.end()) if part else None
                q = replace(q, thing=noun[1], dimension=f"count:{count_lemma(noun[1])}") if noun else replace(q, thing=UNNAMED)
            else:
                continue
        elif q.kind == "count" and q.thing is None and last_thing is None and (
                PARTICIPLE_BEFORE_RE.search(text, max(0, q.start - 30), q.start) or CHANGED_TO_BEFORE_RE.search(text, max(0, q.start - 40), q.start)) \
                and (subject := _subject_noun(text, q, kept)):
            # "Sexual offences climbed ..., reaching 129,700", "deaths ..., which numbered nearly 30,000"
            q = replace(q, thing=subject, dimension=q.dimension.replace("count:", f"count:{count_lemma(subject)}", 1))
        elif q.kind == "count" and q.thing is None and last_thing is None and PEOPLE_VERB_AFTER_RE.match(text, q.end):
            # "Eight were convicted in January", "left 400 dead": what only people undergo says what a bare figure counts
            q = replace(q, thing="people", dimension=q.dimension.replace("count:", "count:people", 1))
        elif q.kind == "count" and q.thing is None and last_thing is None \
                and (most := MOST_NOUN_BEFORE_RE.search(text, max(0, q.start - 40), q.start)) and _plural_noun(most.group(1)):
            # "drew the most voters, 13,96,719": the figure set off after the superlative's noun counts it
            q = replace(q, thing=most.group(1).lower(), dimension=q.dimension.replace("count:", f"count:{count_lemma(most.group(1))}", 1))
        if q.kind != "date":
            near = q
            if q.kind != "percent":
                near_count = q
        if q.kind == "count" and q.thing is None and (noun := _noun_shared_after(text, q, mentions[k + 1:k + 2])):
            # "with 14,318,924 and 8,747,621 more people respectively": the noun both counts count
            q = replace(q, thing=noun, dimension=q.dimension.replace("count:", f"count:{count_lemma(noun)}", 1))
        if q.kind == "count" and q.thing is None:
            if last_thing is None or q.start - last_end > INHERIT_WITHIN:
                if _grouped_count(text, q):
                    kept.append(replace(q, thing=UNNAMED))
                continue
            q = replace(q, thing=last_thing, dimension=q.dimension.replace("count:", f"count:{count_lemma(last_thing)}", 1))
        elif q.kind == "count":  # "27-year-olds, who numbered 4.8 million": an age is people's, so people
            last_thing = "people" if q.thing == "age" else q.thing
        if q.kind == "count":
            last_end = q.end
        kept.append(q)
    return kept


def _drop_overlaps(mentions: list[Quantity]) -> list[Quantity]:
    kept: list[Quantity] = []
    for q in mentions:
        if kept and q.start < kept[-1].end:
            if (q.end - q.start) > (kept[-1].end - kept[-1].start):
                kept[-1] = q
            continue
        kept.append(q)
    return kept


def _norm(words: str) -> str:
    return SPACES_RE.sub(" ", words.lower())


def _read_mention(text: str, m: re.Match, currencies: dict[str, str]) -> Quantity | None:
    """Read the figure around one number candidate, or None when it is not a quantity."""
    start, pos = m.start(), m.end()
    digits = m.group("digits")
    precision, bound, low, high = 0.0, "exact", None, None
    if digits:
        parsed = _parse_digits(digits)
        if parsed is None or TIME_AFTER_RE.match(text, pos):
            return None
        if LABEL_BEFORE_RE.search(text, max(0, start - 12), start) and not (text.startswith((".", ",", "%"), pos) or _unit_after(text, pos)):
            return None  # "type 2 diabetes", "a phase 3 trial", "Terminal 2": a label, not a figure
        if GLUED_LABEL_RE.match(text, pos) and len(digits) == 1:
            return None  # "5G phones", "4G networks", "3D screens": a generation or a format, not a count
        value, precision = parsed
        if "." not in digits and text.startswith("-point-", pos) and (point := DECIMAL_WORD_RE.match(text, pos)):
            value, precision, pos = _spoken_decimal(value, point), 0.0, point.end()
        if m.group("neg"):
            value = -value
        elif text.endswith("(-)", 0, start):  # "(-)0.1 per cent": Indian papers' minus sign
            value, start = -value, start - 3
        if (ratio := RATIO_RE.match(text, pos)) and (of := float(ratio.group("of").replace(",", ""))) and value <= of:
            # "1 in 5 adults": a share (not "climbed to 704 in 22 states": a share is no more than its whole)
            return _finish(text, start, ratio.end(), "percent", value / of, "dimensionless", "exact", 0.0)
        if sci := SCI_RE.match(text, pos):
            exponent = int((sci.group("exp") or sci.group("e") or sci.group("sup").translate(SUPERSCRIPTS)).replace("−", "-"))
            if abs(exponent) > 300:
                return None
            value, precision, pos = value * 10.0 ** exponent, precision * 10.0 ** exponent, sci.end()
        elif "." not in digits and "," not in digits and (slash := SLASH_RE.match(text, pos)):
            if value >= int(slash.group("den")):
                return None  # "5/4": a time signature or a score, not a figure we read
            value, precision, pos = value / int(slash.group("den")), 0.0, slash.end()
        elif "." not in digits and (mixed := MIXED_RE.match(text, pos)):
            value, pos = value + _mixed_fraction(mixed), mixed.end()
        elif (tenth := TENTH_CENT_RE.match(text, pos)) and len(digits.partition(".")[2]) == 2 \
                and CURRENCY_BEFORE_RE.search(text, max(0, start - 8), start):
            # "$2.09.9 per litre": a pump price in dollars, cents and a tenth of a cent
            value, precision, pos = value + int(tenth.group(1)) / 1000, 0.0005, tenth.end()
        elif text.startswith("-", pos) and len(digits.partition(".")[2]) == 2 and (frac := CENT_FRACTION_RE.match(text, pos)) \
                and int(frac.group("num")) < int(frac.group("den")) and CURRENCY_BEFORE_RE.search(text, max(0, start - 8), start):
            # "$12.09-3/4 a bushel": the exchanges quote grain in dollars, cents and a fraction of a cent
            value, precision, pos = value + int(frac.group("num")) / int(frac.group("den")) / 100, 0.0, frac.end()
        elif digits == "0" and (point := SPACED_POINT_RE.match(text, pos)) and _UNIT_AT.match(text, point.end()):
            value, precision, pos = float(f"0.{point.group('frac')}"), 0.5 * 10.0 ** -len(point.group("frac")), point.end()
        elif "." not in digits and (len(digits) <= 3 or GROUPED_DIGITS_RE.fullmatch(digits)) and not m.group("neg") \
                and (group := SPACED_GROUP_RE.match(text, pos)) and not LIST_BEFORE_RE.search(text, max(0, start - 12), start) \
                and (_count_noun(text, group.end()) or _UNIT_AT.match(text, group.end())):
            # "1, 234 people", "7,483, 895 votes": a thousands group misprinted after a space, before a noun or unit
            value, pos = value * 1000 + int(group.group("group")), group.end()
        elif "." not in digits and "," not in digits and (comma := DECIMAL_COMMA_RE.match(text, pos)) \
                and (_UNIT_AT.match(text, comma.end()) or CENTS_RE.match(text, comma.end())):
            # "a 13,5-inch screen", "13,6p": a decimal comma, before a unit or cents only
            value, precision, pos = float(f"{digits}.{comma.group(1)}"), 0.5 * 10.0 ** -len(comma.group(1)), comma.end()
    elif m.group("fraction"):
        if ORDINAL_BEFORE_RE.search(text[max(0, start - 12):start]):
            return None  # "the second half of the year": a period, not a fraction
        if NAMED_FRACTION_RE.search(m.group("fraction")):
            return None  # "a Fifth Avenue duplex": a capital after the article starts a name
        value = FRACTION_WORDS[_norm(m.group("fraction"))]
        if text.startswith("-", pos):  # "a half-inch pipe"; "half-time", "one-third-owned": not figures
            u = _UNIT_AT.match(text, (a_.end() if (a_ := HYPHEN_A_RE.match(text, pos)) else pos))  # "half-a-minute"
            unit, kind = _spelled_unit(u) if u else (None, None)
            if kind not in ("quantity", "duration"):
                return None
            if kind == "duration" and (THE_BEFORE_RE.search(text[max(0, start - 8):start]) or REPORT_AFTER_RE.match(text, u.end())):
                return None  # "profit for the half-year", "half-year revenue": a reporting period, not six months
            return _finish(text, start, u.end(), kind, value, unit, "exact", 0.0)
        if (of_a := OF_A_RE.match(text, pos)) and (u := _UNIT_AT.match(text, of_a.end())):
            unit, kind = _spelled_unit(u)
            if kind in ("quantity", "duration", "percent"):  # "a quarter of a percentage point", "half an hour"
                return _finish(text, start, u.end(), kind, value, unit, "exact", 0.0)
        if of_a and (cents := CENTS_RE.match(text, of_a.end())) and cents.group(2):  # "half a cent": a money amount
            pence = cents.group(2).lower() == "pence"
            return _finish(text, start, cents.end(), "money", value / 100, currencies["dollar"] if not pence else "GBP", "exact", 0.0)
        if of_a and (points := _points_of_rate(text, of_a.end(), start)):  # "a tenth of a point to 5.9%"
            return _finish(text, start, points.end("points"), "percent", value, "percentage_point", "exact", 0.0)
        if text.startswith(" ", pos) and (u := _UNIT_AT.match(text, pos)) and (spelled := _spelled_unit(u))[1] in ("quantity", "duration"):
            return _finish(text, start, u.end(), spelled[1], value, spelled[0], "exact", 0.0)  # "a half hour", "a quarter century"
        if FRACTION_ORDINAL_RE.match(text, pos):
            return None  # "a third child", "a second term": an ordinal before its noun, not a share
        half_a = HALF_A_RE.match(text, pos)
        bare_half = m.group("fraction").lower() == "half"
        if bare_half and not half_a and not SHARE_AFTER_RE.match(text, pos) and not BY_BEFORE_RE.search(text, max(0, start - 20), start):
            return None  # "the second half.": not a share of anything
        if not half_a:  # "half of the budget", "cut by a fifth": a share
            return _finish(text, start, pos, "percent", value, "dimensionless", "exact", 0.0)
        pos = half_a.start("scale") - 1  # "half a million": the scale reader takes "million"
    elif m.group("idiom"):
        value, bound, low, high = IDIOM_WORDS[_norm(m.group("idiom"))]
        if m.group("idiom").lower().startswith("multi") and not ((u := _UNIT_AT.match(text, pos)) and _spelled_unit(u)[1] == "money"):
            return None  # "a multibillion deal": no amount of anything said
    elif m.group("article"):
        value = 1
    else:
        value = _word_value(m.group("word"))
        if value <= 10 and DETERMINERS_BEFORE_SMALL.search(text, max(0, start - 12), start):
            return None  # "the two countries": a reference, not a measurement
        if (phrase := NUMBER_PHRASE_RE.match(text, pos)) and (whole := _words_value(text[start:phrase.end()])):
            value, pos = whole, phrase.end()  # "six hundred", "one hundred and forty", "thirty-five hundred"
        if (mixed := MIXED_RE.match(text, pos)) and not mixed.group("num") and not mixed.group("vulgar"):
            value, pos = value + 0.5, mixed.end()  # "three and a half years"
        elif text.startswith("-point-", pos) and value == int(value) and (point := DECIMAL_WORD_RE.match(text, pos)):
            value, pos = _spoken_decimal(value, point), point.end()  # "five-point-seven percent"

    if (tenths := PARTS_OF_A_RE.match(text, pos)) and (points := _points_of_rate(text, tenths.end(), start)):
        # "two-tenths of a point to 62.9%": parts of a percentage point
        return _finish(text, start, points.end("points"), "percent", value / PARTS[tenths.group("part").lower()], "percentage_point", "exact", 0.0)
    if (tenths := PARTS_OF_A_RE.match(text, pos)) and (u := _UNIT_AT.match(text, tenths.end())) \
            and _spelled_unit(u)[1] in ("quantity", "duration"):
        # "three tenths of a second", "11 hundredths of a second": parts of one unit
        unit, kind = _spelled_unit(u)
        return _finish(text, start, u.end(), kind, value / PARTS[tenths.group("part").lower()], unit, "exact", 0.0)

    value2, pos, precision = _read_range(text, m, pos, value, precision)

    scale, glued_m = 1.0, False
    if digits and value < 60 and "." not in digits and value2 is None and (clock := CLOCK_PART_RE.match(text, pos)) \
            and (CLOCK_HOURS_BEFORE_RE if clock.group(0) == "m" else CLOCK_MINUTES_BEFORE_RE).search(text, max(0, start - 16), start):
        # "2h 15m", "1h 5m 30s": a time said in hours, then minutes and seconds glued to their figures (not 15 million)
        return _finish(text, start, clock.end(), "duration", value, "minute" if clock.group(0) == "m" else "second", "exact", 0.0)
    if s := SCALE_RE.match(text, pos):
        scale, pos = units.SCALES[_first_group(s, "s")][1], s.end()
        if s2 := SCALE_RE.match(text, pos):  # "2.5 lakh crore"
            scale, pos = scale * units.SCALES[_first_group(s2, "s")][1], s2.end()
    elif digits and (ls := LETTER_SCALE_RE.match(text, pos)) and not _UNIT_AT.match(text, pos):
        # "£3m" and "1.5m doses" are millions; "400m hurdles" is a distance, and so is "59m wide"
        glued_m = ls.group("ls") in ("m", "M") and "." not in digits and (value >= 100 or RACE_EVENT_RE.match(text, ls.end())) \
            or ls.group("ls") == "m" and value < 100 and _field_event_mark(text, start, ls.end()) \
            or ls.group("ls") == "m" and DIMENSION_AFTER_RE.match(text, ls.end()) is not None
        scale, pos = units.LETTER_SCALES[ls.group("ls")], ls.end()
    elif digits and (spaced := SPACED_METRES_RE.match(text, pos)):
        glued_m, pos = True, spaced.end()  # "400 m long and 59 m wide": metres, measuring a thing
    if value2 is None and scale != 1.0 and (r := RANGE_RE.match(text, pos)) and (s2 := SCALE_RE.match(text, r.end())) \
            and not _after_change_from(text, start) \
            and (r.group(0).strip()[:3].lower() != "and" or BETWEEN_BEFORE_RE.search(text, max(0, start - 12), start)) \
            and (parsed := _parse_digits(r.group("digits"))):
        scale2 = units.SCALES[_first_group(s2, "s")][1]
        if parsed[0] * scale2 > value * scale:  # "between 5.5 million and 9 million", "60 lakh-70 lakh tonnes"
            value2, pos, precision = parsed[0] * scale2 / scale, s2.end(), max(precision, parsed[1] * scale2 / scale)
    if bound == "vague" and scale != 1.0:  # "several million": 2 to 9 million
        low, high = 2, 9
    if digits and value2 is None and bound == "exact" and (suffix := PLUS_ODD_AFTER_RE.match(text, pos)):
        # "30-plus years", "100,000-plus fans": at least the figure; "40-odd workers": about it
        bound, pos = ("lower" if suffix.group(1).lower() == "plus" else "approx"), suffix.end()

    unit = kind = thing = None
    glued = GLUED_CENT_CODE_RE.search(text, max(0, start - 3), start) if digits else None
    if glued and (after := BRACKET_RE.match(text, pos) or CLOSE_BRACKET_RE.match(text, pos)) \
            and (cents := CENTS_RE.match(text, after.end())) and not (cents.group(2) or cents.group(3) or "").lower().startswith("p"):
        # "US50 (A54.7) cents per share": a code glued to each figure, the cents said once after both
        unit, kind = GLUED_CENT_CODES[glued.group(1)], "money"
        start, value, precision = glued.start(1), value / 100, precision / 100
        if (per := PER_NOUN_RE.match(text, cents.end())) and (noun := (per.group("per") or per.group("a") or "").lower()) \
                and noun not in NOT_PRICED_PER:
            thing = _lemma(noun)
        return _finish(text, start, pos, kind, value, unit, bound, precision, thing=thing)
    if glued and glued.group(1) == "A":
        return None  # "A320 jets", "an A4 sheet": a name
    if (digits or m.group("word") or m.group("article")) and (cents := CENTS_RE.match(text, pos)) and (digits or cents.group(2)) \
            and not CURRENCY_BEFORE_RE.search(text, max(0, start - 8), start):
        # "19 cents a share" is $0.19 a share; "320 pence" is £3.20; in words, "eight cents", "a
        # penny a share" (a penny is the dollar's cent unless the text prices in sterling)
        if m.group("article") and not _a_cent_amount(text, start, cents.end()):
            return None  # "not a cent", "a penny stock": a way of speaking, not an amount
        pence = (cents.group(2) or cents.group(3) or "").lower() in ("pence", "p") \
            or (cents.group(2) or "").lower() == "penny" and "£" in text
        us = cents.group("us") or text.endswith("US", 0, start)  # "US68.45¢": Australian papers' US cents
        unit, kind, pos = ("GBP" if pence else "USD" if us else "dollar"), "money", cents.end()
        start -= 2 if text.endswith("US", 0, start) else 0
        value, precision = value / 100, precision / 100
        value2 = value2 / 100 if value2 is not None else None  # "between 1 and 3 cents": both ends are cents
    elif c := CURRENCY_BEFORE_RE.search(text, max(0, start - 8), start):
        unit, kind, start = units.CURRENCY_PREFIXES[_first_group(c, "c")][1], "money", c.start()
        if NEGATIVE_SIGN_BEFORE_RE.search(text, max(0, start - 2), start):
            value, start = -value, start - 1  # "AISC of -$515/oz": the minus sign before the currency's ("-$5 to $8": the first end's)
        if c.group(0).strip() == "R" and NAMED_AFTER_RE.match(text, pos):
            return None  # "R2-D2", "the R32 Skyline": a name, not rand
    elif (deg := BARE_DEGREES_RE.match(text, pos)) and TEMPERATURE_CUE_RE.search(text, *_sentence_window(text, start, pos, 100, 60)):
        # "temperatures have hovered around 100 degrees", "a record low of -33°": heat, in the
        # document's country's scale (an angle or a degree of warming names no heat cue)
        unit, kind, pos = currencies.get("degree", "degree_Celsius"), "quantity", deg.end()
    elif (u := _UNIT_AT.match(text, pos)) and not (u.group(0).endswith("won") and _verb_won(u, value * scale, digits if scale == 1.0 else None)) \
            or (run := RUN_ADJECTIVE_RE.match(text, pos)) and (u := _UNIT_AT.match(text, run.end())) \
            and _spelled_unit(u)[1] == "duration" \
            or (run := COMPARATIVE_BEFORE_UNIT_RE.match(text, pos)) and (u := _UNIT_AT.match(text, run.end())) \
            and _spelled_unit(u)[1] == "quantity":  # "113 straight months", "88,000 fewer barrels per day"
        unit, kind = _spelled_unit(u)
        if glued_m and kind != "money":
            return None  # "500m km" is not a figure we can read
        if unit == "GBP" and TORQUE_RE.match(text, u.end()):
            return None  # "400 pound-feet": a torque, not sterling
        if unit == "GBP" and (u.group(0).startswith("-") and not m.group("idiom") and (POUND_WEIGHS_RE.match(text, u.end()) or MASS_BRACKET_AFTER_RE.match(text, u.end()))
                              or u.group(0).strip().lower().startswith("pound") and (WEIGHT_BEFORE_RE.search(text, max(0, start - 40), start)
                                                                                     or _of_body_weight(text, start, u.end()))):
            unit, kind = "pound", "quantity"
        pos = u.end()
        if (kind == "quantity" and "degree" in unit or kind == "percent") and (minus := MINUS_BEFORE_RE.search(text, max(0, start - 8), start)) \
                and not (kind == "percent" and FIGURE_END_RE.search(text, max(0, minus.start() - 4), minus.start())):
            value, start = -value, minus.start()  # "minus 20C", "an inflation rate of minus 1.4%" (not "5% minus 2%")
    elif digits and scale == 1.0 and text[pos - 1:pos].isdigit() and (g := GLUED_INCH_RE.match(text, pos)):
        unit, kind, pos = "inch", "quantity", g.end()  # "6ft 3in", "a 2in pipe"; a spaced "in" is a preposition
    elif digits and text[pos:pos + 1] and text[pos:pos + 1] in INCH_MARKS and scale == 1.0 and _opens_no_quote(text, start):
        unit, kind, pos = "inch", "quantity", pos + 1  # 'over 50" of snow'; not the close of a quotation
    elif digits and text.startswith(TWO_PRIMES, pos) and scale == 1.0:
        unit, kind, pos = "inch", "quantity", pos + 2
    year_like = bool(digits and scale == 1.0 and value2 is None and YEAR_RE.fullmatch(digits))
    if glued_m and kind is None:  # "400m hurdles"
        scale, unit, kind = 1.0, "meter", "quantity"
    if unit is None and (points := POINTS_OF_RATE_RE.match(text, pos)):  # "cut the rate by 0.2 points to 5.5 per cent"
        return _finish(text, start, points.end("points"), "percent", value * scale, "percentage_point", bound, precision * scale,
                       low, high)
    if unit is None and value2 is None and not year_like and value != 1 and (of := OF_COUNT_RE.match(text, pos)) \
            and (noun := _count_noun(text, of.end())):
        # "31 of the paintings", "nine of 11 gauges", "38 out of 44 forces", "more than 30 million of
        # the new transistors": a count of the things named after it (the whole, when printed, is
        # read as a figure of its own); "one of the guards" is a way of speaking of one of them,
        # not a count anyone reports
        return _finish(text, start, pos, "count", value * scale, "count", bound, precision * scale,
                       low * scale if low is not None else None, high * scale if high is not None else None, thing=noun[1])
    if unit is None and digits and not year_like and value2 is None and scale == 1.0 and value == int(value) \
            and 0 < value < 120 and AGE_APPOSITION_BEFORE_RE.search(text, max(0, start - 40), start) \
            and AGE_APPOSITION_AFTER_RE.match(text, pos):
        return _finish(text, start, pos, "count", value, "count", "exact", 0.0, thing="age")  # "Kiptum, 23, won"
    if unit is None and digits and not year_like and value2 is None and scale == 1.0 and value == int(value) \
            and 0 < value < 120 and text.startswith(")", pos) and _named_person_before(text, start):
        return _finish(text, start, pos, "count", value, "count", "exact", 0.0, thing="age")  # "Chelsea Rose Toyer (26) was"
    if unit is None and (digits or m.group("word")) and not year_like and value < 130 \
            and (aged := AGED_BEFORE_RE.search(text, max(0, start - AGED_WINDOW), start)):
        start = aged.start() if aged.group("cue") else start  # "aged 34"; "under age 1 made up": no count of "made"
        if value2 is not None and value2 < 130:  # "ages 30 to 59": an age group, its two ends
            return _finish(text, start, pos, "count", (value + value2) / 2, "count", "range", 0.0, value, value2, thing="age")
        if value2 is None and (group := AGE_GROUP_AFTER_RE.match(text, pos)):
            return _age_group(text, start, group, value)  # "aged 60 and over"
        if value2 is None and not AGE_BRACKET_RE.match(text, pos):  # "a median age of 38.4 and an average of 41"
            return _finish(text, start, pos, "count", value, "count", "exact", 0.0, thing="age")
        return None
    if unit is None and digits and not year_like and value2 is None and scale == 1.0 and value < 130 \
            and HIGHS_BEFORE_RE.search(text, max(0, start - 60), start) and _count_noun(text, pos) is None:
        # "afternoon highs may struggle to get to 20", "lows near -5": a forecast's reading, in the document's scale
        return _finish(text, start, pos, "quantity", value, currencies.get("degree", "degree_Celsius"), "exact", precision)
    if unit is None and digits and not year_like and value2 is None and scale == 1.0 and value == int(value) and 0 < value < 120 \
            and TURNS_BEFORE_RE.search(text, max(0, start - 30), start) and TURNS_END_RE.match(text, pos):
        return _finish(text, start, pos, "count", value, "count", "exact", 0.0, thing="age")
    if unit is None and digits and value2 is None and ADDRESS_AFTER_RE.match(text, pos) \
            and AT_BEFORE_RE.search(text, max(0, start - 6), start):
        return None  # "a flat at 21 Harbour View Road": a house number, not a count
    if unit is None:
        noun = _count_noun(text, pos, singular=value == 1 and value2 is None and scale == 1.0
                           and (m.group("word") is not None or digits == "1"))  # "one death", "1 seat"
        if noun is None and bound == "exact" and value2 is None and (after := HEDGE_AFTER_RE.match(text, pos)) \
                and (noun := _count_noun(text, after.end())):
            bound = HEDGE_AFTER[after.group(1).lower()]  # "50 or so people", "600 or more homes": the hedge, then the noun
        if noun and year_like and (noun[1] in EVENT_NOUNS or text[pos:noun[0]].strip().count(" ") > 0):
            noun = None  # "the 2022 floods", "the 2024 budget sets": a year
        if noun and noun[1] in MARGIN_NOUNS and BY_BEFORE_RE.search(text, max(0, start - 20), start):
            return None
        if noun and digits and _identifier_before(text, start):
            return None  # "Boeing 737 models", "Resolution 2231 talks": a name, not a count
        if noun is None and (digits or value != 1) and (h := HYPHEN_NOUN_RE.match(text, pos)) \
                and h.group(1).lower() not in SINGULAR_NOT_COUNTED:  # "two-way trade", "a three-way race"
            noun = (h.end(1), h.group(1).lower())  # "a 600-bed hospital", "a four-door car" (not "one-off")
        if noun is None and value2 is None and (base := PER_BASE_RE.match(text, pos)) and (per := _count_noun(text, base.end())):
            # "a birth rate of 6.39 per 1,000 people": a rate whose counted noun is said once, before
            of = _parse_digits(base.group("of"))[0] if base.group("of") else BASE_WORDS[base.group("word").lower()]
            if of in PER_BASE_UNITS:
                return _finish(text, start, per[0], "percent", value, PER_BASE_UNITS[of], "exact", precision)
            return _finish(text, start, per[0], "percent", value / of, "dimensionless", "exact", precision / of)
        if noun and (base := PER_BASE_RE.match(text, noun[0])):
            # "6.39 births per 1,000 people", "12 cases per 100,000 residents": a rate, as "1 in 20" is a share
            of = _parse_digits(base.group("of"))[0] if base.group("of") else BASE_WORDS[base.group("word").lower()]
            per = _count_noun(text, base.end())  # "per 1,000 people": the base counts people
            end = per[0] if per else base.end()
            if of in PER_BASE_UNITS:  # printed in the unit it is: 6.39 per mille, so "6.39 ppm" is the same digits
                return _finish(text, start, end, "percent", value, PER_BASE_UNITS[of], "exact", precision, thing=noun[1])
            return _finish(text, start, end, "percent", value / of, "dimensionless", "exact", precision / of, thing=noun[1])
        if noun:
            pos, thing = noun
            unit, kind = "count", "count"
            if thing == "others":  # "182 others": what the count before it counted
                thing = None
        elif scale == 1.0 and value2 is None and (each := PRICED_THINGS_RE.match(text, pos)) \
                and (priced := _count_noun(text, each.end())):
            unit, kind, thing = "count", "count", priced[1]  # "three $200 fines": three fines, $200 each
        elif digits and not year_like and (to := TO_NUMBER_RE.match(text, pos)) \
                and BETWEEN_BEFORE_RE.search(text, max(0, start - 10), start) and (after := _count_noun(text, to.end())) \
                and not _unit_after(text, to.end()):
            unit, kind, thing = "count", "count", after[1]  # "from 630 to 719 cases": both count cases
        elif (digits and not year_like or m.group("word")) and ELLIPTICAL_VERB_RE.match(text, pos) \
                and not (digits and _identifier_before(text, start)):  # "Asiana Flight 214 were identified"
            unit, kind = "count", "count"  # "181 had been taken to hospital": the thing counted before
        elif more := MORE_AFTER_RE.match(text, pos):  # "150,000 more (soldiers)": an increment
            pos, unit, kind = more.end(), "count", "count"
            if (after := _count_noun(text, pos)) is not None:
                pos, thing = after
        elif TOLL_BEFORE_RE.search(text, max(0, start - 120), start):  # "the death toll rose to 24"
            unit, kind, thing = "count", "count", "people"
        elif ((digits or m.group("fraction")) and (scale != 1.0 or "," in (digits or "")) or m.group("word") and scale >= 1e6) and not year_like:
            # "births totalled 9.02 million", "deaths rose to 690,000"; with no noun before it
            # ("fell to 1.409 billion, down 2.75 million") it counts what the count before it counted
            unit, kind, thing = "count", "count", _slot_noun(text, start)
        elif digits and (m.group("neg") or m.group("plus")) and value2 is None and scale == 1.0 and SIGNED_END_RE.match(text, pos):
            # "a net change of +49", "-60 on the election before": a change in what the count before
            # counted, by the sign's direction (extract reads it from the surface)
            value, unit, kind = abs(value), "count", "count"
        elif digits and not year_like and value2 is None and scale == 1.0 and _list_item(text, start, pos):
            unit, kind, thing = "count", "count", GAPPED  # "the Liberal Democrats 70": see _gapped_items
        elif year_like or (digits and value2 is not None and YEAR_RE.fullmatch(digits)):
            return Quantity(m.start(), m.end(), digits, "date", None, None, date=digits)  # "between 2010 and 2020"
        elif value2 is None and scale == 1.0 and value == int(value) and (far := _far_count_noun(text, pos)):
            pos, unit, kind, thing = far[0], "count", "count", far[1]  # "two USB 3.0 ports", "the six biggest high street banks"
        elif value2 is None and scale == 1.0 and not NOT_ELLIPTIC_AFTER_RE.match(text, pos) and not _label_after(text, pos) and (
                digits and not _named_before(text, start) and not (digits[0] == "0" and digits[1:2].isdigit())
                or m.group("word") and (value != 1 or _one_listed(text, start, pos)) and not THE_BEFORE_RE.search(text, max(0, start - 8), start)):
            # "1,603 shares finishing lower and 868 higher", "Of the 704 cases, 503 involved",
            # "Adelaide is at 42C and Canberra has reached 37": a number that leaves out its noun
            # or unit takes the figure's before it in the sentence (_inherit_things); with none
            # before it, it is not read
            unit, kind, thing = "count", "count", ELLIPTIC
        else:
            return None
    unit = currencies.get(unit, unit)  # "$", "Rs" and "¥" as the document means them
    if kind == "duration" and unit == "year" and value2 is not None and scale == 1.0 \
            and ((aged := AGED_BEFORE_RE.search(text, max(0, start - AGED_WINDOW), start)) or (of_age := OF_AGE_AFTER_RE.match(text, pos))):
        # "children aged 1 to 3 years", "between 5 and 11 years of age": an age group, its two ends
        start, pos = aged.start() if aged and aged.group("cue") else start, of_age.end() if not aged else pos
        return _finish(text, start, pos, "count", (value + value2) / 2, "count", "range", 0.0, value, value2, thing="age")
    if kind == "duration" and unit == "year" and value2 is None and bound != "vague" and (of_age := OF_AGE_AFTER_RE.match(text, pos)):
        if group := AGE_GROUP_AFTER_RE.match(text, of_age.end()):
            return _age_group(text, start, group, value * scale)  # "30 years of age or older"
        return _finish(text, start, of_age.end(), "count", value * scale, "count", bound, precision * scale, thing="age")  # "18 years of age"
    if kind == "duration" and unit == "year" and value2 is None and bound != "vague" \
            and (aged := AGED_BEFORE_RE.search(text, max(0, start - AGED_WINDOW), start)):
        start = aged.start() if aged.group("cue") else start
        if group := AGE_GROUP_AFTER_RE.match(text, pos):
            return _age_group(text, start, group, value * scale)  # "aged 20 years and older"
        return _finish(text, start, pos, "count", value * scale, "count", bound, 0.0, thing="age")  # "aged 5 years"
    if kind == "duration" and unit == "year" and value2 is None and bound != "vague" and not OLD_AFTER_RE.match(text, pos) \
            and _age_of_population(text, start, pos):
        return _finish(text, start, pos, "count", value * scale, "count", bound, precision * scale, thing="age")
    if kind == "duration" and unit == "year" and value2 is None and bound != "vague" and (old := OLD_AFTER_RE.match(text, pos)):
        return _finish(text, start, old.end(), "count", value * scale, "count", bound, precision * scale, thing="age")
    if kind == "duration" and text.startswith("-old", pos) or text.startswith("s-old", pos):
        if unit != "year":
            return None  # "a six-month-old baby": not compared
        end = pos + (4 if text.startswith("-old", pos) else 5)
        if value2 is not None:  # "6- to 18-year-olds": an age group, its two ends
            return _finish(text, start, end, "count", (value + value2) / 2, "count", "range", 0.0, value, value2, thing="age")
        return _finish(text, start, end, "count", value, "count", "exact", 0.0, thing="age")  # "a 21-year-old"
    if m.group("article"):
        if kind not in ("duration", "money") and unit != "percentage_point":  # "more than a percentage point", "a penny"
            return None
        before = text[max(0, m.start() - 14):m.start()].lower()
        # "a year" is a duration only after a preposition or hedge: "in a year", "over a year"
        if unit in ("year", "month", "week", "day") and not SPAN_WORD_BEFORE_RE.search(before):
            return None
        if RELATIVE_AFTER_RE.match(text, pos) or THAN_FROM_BEFORE_RE.search(before) and text.startswith(" ago", pos):
            return None  # "8% higher than a year earlier": the period compared with, not a span

    if kind in ("money", "quantity") and (p := PER_UNIT_RE.match(text, pos)):
        per_unit = PER_SPELLINGS[_first_group(p, "p")]
        if per_unit[2] == "quantity" or per_unit[2] == "duration" and kind == "money":
            unit = f"{unit} / {units.split_multiple(per_unit[1])[1]}"
            pos = p.end()
            if p.group("hundred"):  # "27 kWh/100 miles", "5.8 litres per 100km": a rate per hundred units, per one
                value, precision = value / 100, precision / 100
                value2 = value2 / 100 if value2 is not None else None  # "6-8 L/100km": both ends
    elif kind == "money" and (text.startswith("(", pos) or text.startswith(" (", pos) or text.startswith(")", pos)) and (
            (b := BRACKET_RE.match(text, pos)) and (p := PER_UNIT_RE.match(text, b.end()))
            or text.startswith(")", pos) and (p := PER_UNIT_RE.match(text, pos + 1))) \
            and PER_SPELLINGS[_first_group(p, "p")][2] == "quantity":
        # "HK$80,000 (US$10,300) per square metre": the unit after a conversion is both figures' unit
        unit = f"{unit} / {units.split_multiple(PER_SPELLINGS[_first_group(p, 'p')][1])[1]}"
    # a percentage's "a year" is the period it is measured over ("grew 4.5% a year"), not a rate
    if kind in ("quantity", "money", "count") and "/" not in unit and (r := RATE_RE.match(text, pos)):
        unit = f"{unit} / {units.RATE_SPELLINGS[_first_group(r, 'r')][1]}"
        pos = r.end()
    elif kind in ("money", "count") and "/" not in unit and (r := PERIODIC_OF_RE.match(text, pos)):
        unit = f"{unit} / {PACE_PERIODS[r.group('period').lower()]}"  # "$20 billion of annual revenue"
    elif kind in ("money", "count", "quantity") and "/" not in unit and (r := PACE_BEFORE_RE.search(text, max(0, start - 50), start)):
        # "an annual pace of 3.89 million (sales)", "an annual salary of €30m", "daily output of 1.2 million barrels"
        unit = f"{unit} / {PACE_PERIODS[r.group('period').lower()]}"
    elif kind == "money" and "/" not in unit and (
            (b := BRACKET_RE.match(text, pos)) and (r := RATE_RE.match(text, b.end()))
            or text.startswith(")", pos) and (r := RATE_RE.match(text, pos + 1))):
        # "€600,000 (£540,000) per week": the rate after a conversion is both figures' rate
        unit = f"{unit} / {units.RATE_SPELLINGS[_first_group(r, 'r')][1]}"
    elif kind in ("duration", "quantity") and "/" not in unit and (p := PER_NOUN_RE.match(text, pos)) \
            and (noun := (p.group("per") or "").lower()) and noun not in NOT_PRICED_PER and not _UNIT_AT.match(text, p.start("per")):
        thing, pos = _lemma(noun), p.end()  # "36.4 minutes per game": an average per thing, not a total
    elif kind == "money" and "/" not in unit and (p := PER_NOUN_RE.match(text, pos)) \
            and (noun := (p.group("per") or p.group("a") or p.group("hyph") or "").lower()) not in NOT_PRICED_PER:
        noun = noun or "each"
        thing, pos = _lemma(noun), p.end()  # "19 cents a share", "$40 per person": money per thing
    elif kind == "money" and "/" not in unit and (
            (b := BRACKET_RE.match(text, pos)) and (p := PER_NOUN_RE.match(text, b.end()))
            or text.startswith(")", pos) and (p := PER_NOUN_RE.match(text, pos + 1))) \
            and (noun := (p.group("per") or "").lower()) and noun not in NOT_PRICED_PER:
        thing = _lemma(noun)  # "$US1.01 ($A1.11) per share": the price after a conversion is both figures' price

    value *= scale
    precision *= scale
    if value2 is not None:
        low, high = value, value2 * scale
        low, high = min(low, high), max(low, high)  # "-5 to -30": the lower end may come second
        value, bound = (low + high) / 2, "range"
    elif bound == "vague":
        low, high = low * scale, high * scale
    return _finish(text, start, pos, kind, value, unit, bound, precision, low, high, thing)


def _verb_won(u: re.Match, value: float, digits: str | None) -> bool:
    """"won" after a figure below 1,000 or a year is the verb ("3 won seats", "in 2019 won gold"):
    a sum in won is in thousands at least ("15,000 won", "9.4 trillion won"), the won being worth
    a tenth of a US cent."""
    return u.group(0).strip() == "won" and (value < 1000 or bool(digits and YEAR_RE.fullmatch(digits)))


TO_SIGN_RE = re.compile(r"\s*to\s*(?:US\$|[$€£¥₹])", re.I)


def _signed_level_after_change(text: str, start: int, value: float, value2: float) -> bool:
    """"gained $6.27 to $87.33 per barrel": after a verb of change, "to" and a second amount
    that prints its own currency sign and is three times the first or more is the level the
    change reached, not a range's end (as _range_ends reads two figures)."""
    if (c := CURRENCY_BEFORE_RE.search(text, max(0, start - 8), start)) is not None:
        start = c.start()
    return value2 >= 3 * value > 0 and bool(CHANGE_AMOUNT_AT_RE.search(text, max(0, start - 40), start))


QUOTE_END_RE = re.compile(r"-(?P<digits>\d{2,})")


def _quote_end(digits: str, r: re.Match) -> float | None:
    """A market quote's second price printed as only its last digits, glued by a dash
    ("$1.1414-1415", "¥127.69-70", "¥128.11-11"): the ask, the bid's decimals' last digits
    changed; as many digits as the bid's decimals, and no lower than the bid (else it is an
    ordinary range: "$2.75-10")."""
    if not (q := QUOTE_END_RE.fullmatch(r.group(0))) or "." not in digits:
        return None
    whole, _, decimals = digits.partition(".")
    tail = q.group("digits")
    if len(tail) != len(decimals) or not whole.replace(",", "").isdigit():
        return None
    ask = float(f"{whole.replace(',', '')}.{tail}")
    return ask if ask >= float(digits.replace(",", "")) else None


def _read_range(text: str, m: re.Match, pos: int, value: float, precision: float):
    """A second number after a dash, "to" or (after "between") "and"; none after a verb of
    change ("rose 14%, from 630 to 719": a prior value and a level, see _join_ranges)."""
    if _after_change_from(text, m.start()):
        return None, pos, precision
    if m.group("digits"):
        r = RANGE_RE.match(text, pos)
        if r is None and m.group("neg") and (r := NEGATIVE_RANGE_RE.match(text, pos)) and (parsed := _parse_digits(r.group("digits"))):
            return -parsed[0], r.end(), max(precision, parsed[1])  # "-5 to -30 degrees": both ends below zero
        if r is None and (r := SUSPENDED_RANGE_RE.match(text, pos)) and (parsed := _parse_digits(r.group("digits"))) and parsed[0] > value:
            return parsed[0], r.end(), max(precision, parsed[1])  # a compound's first hyphen left hanging: "a 10- to 15-minute walk"
        if r is None:
            return None, pos, precision
        is_and = r.group(0).strip()[:3].lower() == "and"
        if is_and and not BETWEEN_BEFORE_RE.search(text, max(0, m.start() - 10), m.start()):
            return None, pos, precision
        parsed = _parse_digits(r.group("digits"))
        sign = CURRENCY_BEFORE_RE.search(text, max(0, m.start() - 8), m.start())
        if sign and (quoted := _quote_end(m.group("digits"), r)) is not None:
            return quoted, r.end(), precision  # "$1.1414-1415", "¥127.69-70": a bid and an ask
        if parsed and parsed[0] >= 3 * value > 0 and BY_AMOUNT_RE.search(text, max(0, (sign.start() if sign else m.start()) - 30), sign.start() if sign else m.start()):
            return None, pos, precision  # "was raised by 1,000 to 157,000", "come down by £129 to £1,668" ("rose 5 to 20 percent" is a range)
        if parsed and parsed[0] > value and not (TO_SIGN_RE.match(r.group(0)) and _signed_level_after_change(text, m.start(), value, parsed[0])):
            return parsed[0], r.end(), max(precision, parsed[1])
    elif m.group("word"):
        r = RANGE_WORD_RE.match(text, pos)
        if r and r.group(0).split()[0].lower() == "and" and not BETWEEN_BEFORE_RE.search(text, max(0, m.start() - 10), m.start()):
            r = None  # "five and seven per cent": two figures sharing a unit, not a range
        if r and _word_value(r.group("word")) > value:
            return _word_value(r.group("word")), r.end(), precision
        if r is None and (r := RANGE_RE.match(text, pos)) and r.group(0).strip()[:1] in ("t", "T", "a", "A") \
                and (r.group(0).strip()[:1] in ("t", "T") or BETWEEN_BEFORE_RE.search(text, max(0, m.start() - 10), m.start())) \
                and (parsed := _parse_digits(r.group("digits"))) and parsed[0] > value:
            return parsed[0], r.end(), max(precision, parsed[1])  # "between two and 23 years", "aged one to 14"
    return None, pos, precision


HEDGE_AFTER_RE = re.compile(r",?\s+or\s+(more|over|above|less|fewer|under|below|so)\b(?!\s+than)", re.I)  # not "9.5%, or more than 6,000 deaths"
HEDGE_AFTER = {"more": "lower", "over": "lower", "above": "lower", "less": "upper", "fewer": "upper",
               "under": "upper", "below": "upper", "so": "approx"}
# "19 cents", "320 pence"; glued: "14c", "320p" (a capital C is Celsius); a capital P only after
# printed decimals, as dividend tables print pence ("15.94P"): after a whole number it is a name ("1080P")
CENTS_RE = re.compile(r"\s*(?P<us>US\s+|U\.S\.\s+)?(cents?|pence|penny)\b|(?-i:(c|p|(?:(?<=\.\d)|(?<=\.\d\d))P))(?![\w%'’-]|\.\w)|¢", re.I)  # "65 US cents", "US68.45¢"
# a currency letter glued to a number in Australian papers' cents: "US50 (A54.7) cents per share"
GLUED_CENT_CODES = {"US": "USD", "A": "AUD"}
GLUED_CENT_CODE_RE = re.compile(r"(?<![\w$])(US|A)$")
CLOSE_BRACKET_RE = re.compile(r"\)")
BARE_DEGREES_RE = re.compile(r"\s*degrees?\b(?!\s+(?:of\b|celsius|centigrade|fahrenheit|(?-i:[CF])\b))|°(?!\s?(?-i:[CF])\b)", re.I)
# (a scale named beside it, too: "27.7 degrees Celsius, was two degrees below normal")
TEMPERATURE_CUE_RE = re.compile(r"\b(?:temperatures?|heat|heatwave|hot|hotter|hottest|cold|colder|coldest|chill|frost|freezing|celsius|centigrade|fahrenheit"
                                r"|snow|mercury|thermometer|record\s+(?:low|high))\b", re.I)
NAMED_AFTER_RE = re.compile(r"-\w|\s+(?-i:[A-Z])")  # a letter-and-number name goes on with a hyphen or a name
TORQUE_RE = re.compile(r"[\s-]*(?:feet|foot|ft)\b", re.I)
# "a 13,500-pound satellite", "a 2,000-pound bomb": "-pound" before a noun weighs it; sterling
# prints "£" and is hyphenated only before what money buys or pays ("a five-pound note")
# "a 10,300-pound (4,700 kg) satellite": the mass converted in brackets says the pound weighs
MASS_BRACKET_AFTER_RE = re.compile(r"\s*\(\s*(?:about\s+|some\s+)?[\d,.]+\s*(?:kg|kilo(?:gram)?s?|tonnes?|t|lb)\b", re.I)
POUND_WEIGHS_RE = re.compile(r"\s+(?!(?i:notes?|coins?|fines?|fees?|bills?|tickets?|prizes?|bets?|vouchers?|rewards?|payments?"
                             r"|levy|levies|charges?|tax|taxes|bonus(?:es)?|prices?|salary|salaries|wages?|budget|deal|loans?|bribes?)\b)[A-Za-z]")
# "weighs about 300 pounds", "tips the scales at only 2.13 pounds", "64 tons (141,000 pounds)": pounds a
# weight is given in, or a mass converted
WEIGHT_BEFORE_RE = re.compile(r"(?:\b(?:weigh(?:s|ed|ing)?|weight\s+(?:of|is|was)|tip(?:s|ped|ping)?\s+the\s+scales?\s+at)\s+(?:[a-z]+\s+){0,3}"
                              r"|\b(?:tons?|tonnes?|kilo(?:gram)?s?|kg)\s*\(\s*(?:[a-z]+\s+){0,2})$", re.I)
# "by 0.2 points to 5.5 per cent": points moving a percentage are percentage points, not a
# count of points (as an index's "127 points" or a team's "won by six points" are)
POINTS_OF_RATE_RE = re.compile(
    r"\s+(?P<points>points?)\b(?=(?:\s+(?:in|on|last|this)\s+\w+)?,?\s+(?:to|from|at)\s+(?:about\s+|around\s+)?\d[\d.]*\s*(?:%|per\s*cent\b|percent\b))", re.I)
RATE_BEFORE_RE = re.compile(r"\d\s*(?:%|per\s*cent\b|percent\b)\s*,?\s*$", re.I)
POINTS_AFTER_RATE_RE = re.compile(r"\s+(?P<points>points?)\b(?=\s+(?:higher|lower|up|down|more|less|above|below)\b)", re.I)


def _points_of_rate(text: str, pos: int, start: int) -> re.Match | None:
    """"points" at `pos` (after "a tenth of a") that move a percentage: percentage points. Said
    before the rate ("by 0.2 points to 5.5 per cent") or after it ("4.8 percent, a tenth of a
    point higher")."""
    return POINTS_OF_RATE_RE.match(text, pos) or (
        RATE_BEFORE_RE.search(text, max(0, start - 25), start) and POINTS_AFTER_RATE_RE.match(text, pos))


SIGNED_END_RE = re.compile(r"(?=[\s,.;:)]|$)(?!\s*[\d(])")  # not "-33°", nor a telephone number's "+44 20"
# a flow said before its figure: "a seasonally adjusted annual pace of 3.89 million", "a monthly average of 139,000"
PACE_PERIODS = {"annual": "year", "annualized": "year", "annualised": "year", "yearly": "year", "monthly": "month",
                "weekly": "week", "daily": "day", "hourly": "hour"}
PACE_BEFORE_RE = re.compile(r"\b(?P<period>annuali[sz]ed|annual|yearly|monthly|weekly|daily|hourly)\s+(?:pace|rate|average|run[\s-]rate|(?!(?:of|at|was|is|to)\b)[a-z]+(?:\s+(?!(?:of|at|was|is|to)\b)[a-z]+)?)"
                            r"\s+(?:of|at|was|is|to)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?(?:US\$|[$€£¥₹])?$", re.I)
PERIODIC_OF_RE = re.compile(r"\s+(?:of|in)\s+(?P<period>annuali[sz]ed|annual|yearly|monthly|weekly|daily)\s+[a-z]", re.I)
MINUS_BEFORE_RE = re.compile(r"\bminus\s+$", re.I)
FIGURE_END_RE = re.compile(r"[\d%]\s*$")
# a word that numbers the thing after it: "type 2 diabetes", "phase 3 trial", "stage 4 cancer", "Terminal 2"
LABEL_BEFORE_RE = re.compile(r"\b(?:type|phase|stage|grade|category|tier|round|chapter|section|article|class|division|flight|terminal|gate|"
                             r"platform|version)\s+$", re.I)
NOT_AN_AMOUNT_BEFORE_RE = re.compile(r"(?:\bnot|n['’]t|\bnever)\s+(?:[a-z]+\s+)?$|(?:\bevery|\bsingle|\blast)\s+$", re.I)
AMOUNT_WORD_AFTER_RE = re.compile(r"\s*(?:[,.;:)]|$|(?:a|an|per|each|apiece|less|more|higher|lower|cheaper|dearer|below|above|from|to|on|in|"
                                  r"over|since|and|or|at|than|off|up|down|short|shy)\b)", re.I)


def _a_cent_amount(text: str, start: int, end: int) -> bool:
    """Is "a penny" / "a cent" at start..end an amount ("rose a penny", "a penny a share")? Not
    after "not" or "every" ("not a cent"), nor before a noun it names ("a penny stock")."""
    return not NOT_AN_AMOUNT_BEFORE_RE.search(text, max(0, start - 16), start) and bool(AMOUNT_WORD_AFTER_RE.match(text, end))


# "lost about 21% of body weight, roughly 50 pounds": pounds a person's weight is counted in
BODY_WEIGHT_RE = re.compile(r"\b(?:body[\s-]*weight|weight[\s-]+loss|(?:lose|loses|losing|lost|shed|sheds|shedding|gain|gains|gained|put\s+on)\s+weight)\b",
                            re.I)


def _of_body_weight(text: str, start: int, end: int) -> bool:
    """Is "pounds" at start..end a body's weight: its sentence speaks of body weight or weight
    lost or gained, and prints no pound sign (where "£" is, "pounds" may be the same money)?"""
    lo, hi = _sentence_window(text, start, end, 200, 120)
    return bool(BODY_WEIGHT_RE.search(text, lo, hi)) and "£" not in text[lo:hi]


# "88,000 fewer barrels per day", "2,000 more tonnes": an amount of change said between the figure and its unit
COMPARATIVE_BEFORE_UNIT_RE = re.compile(r"\s+(?:more|fewer|less|additional|extra)(?=\s)", re.I)
RUN_ADJECTIVE_RE = re.compile(r"\s+(?:consecutive|straight|successive|full|whole)(?=\s)", re.I)
# a price between a count and its noun: "three $200 fines", "two £5m bonuses"
PRICED_THINGS_RE = re.compile(r"\s+(?:[A-Z]{0,3}[$€£¥₹])\d[\d,.]*(?:\s?(?:m|bn|k|million|billion))?(?=\s)")
OF_COUNT_RE = re.compile(
    rf"\s+(?:out\s+)?of\s+(?:(?:the|its|their|these|those|our|his|her|all)\s+)?(?:[\w\-]+(?:['’]s|(?<=s)['’])\s+)?"  # "of the Commons' 650 seats"
    rf"(?:(?:{DIGITS}|{NUMBER_WORD})\s+)?(?=[a-z])", re.I)
# "Joao Rodrigo, 33, was photographed": a person's age after the name (not "In March, 23 ...")
AGE_APPOSITION_BEFORE_RE = re.compile(rf"\b(?!{MONTH})[A-Z][a-z'’\-]+(?:\s+(?:Jr\.|Sr\.))?,\s$"
                                      # "the World Cup winner, 22, has agreed": a person named by role, then an age
                                      r"|\b[Tt]he\s+(?:[\w'’\-]+\s+){0,3}(?:winner|striker|midfielder|defender|forward|goalkeeper|captain|player"
                                      r"|actor|actress|singer|rapper|star|teenager|victim|suspect|driver|pilot|mother|father|son|daughter"
                                      r"|founder|chief|executive|widow|woman|man|boy|girl),\s$")
AGE_APPOSITION_AFTER_RE = re.compile(r",\s|\s*$")
# "Scott Alexander Morrison (40) admitted": court reports in New Zealand and Britain give a
# defendant's age in brackets after the full name (two to four capitalized words)
NAME_BRACKET_BEFORE_RE = re.compile(r"(?<![\w'’])(?-i:[A-Z][a-z'’\-]+)(?:\s+(?-i:[A-Z][a-z'’\-]+)){1,3}\s?\($")


def _named_person_before(text: str, start: int) -> bool:
    """A full name, its words no function words ("The Greens (12)" names no person), right
    before the bracket the number opens."""
    m = NAME_BRACKET_BEFORE_RE.search(text, max(0, start - 60), start)
    return bool(m) and not any(w.lower() in STOPWORDS for w in m.group(0)[:-1].split())
# "aged 34", "under age 1", "a median age of 38.4", "the oldest median age, 67.8"
# (a bare "age" is the figure's first word, so its hedge is read: "under age 1")
AGED_BEFORE_RE = re.compile(r"\b(?:aged|age\s+(?:of|at)|age,|(?P<cue>ages?))\s+(?:(?:from|between)\s+)?$", re.I)  # "aged from one to 14"
HIGHS_BEFORE_RE = re.compile(r"\b(?:highs|lows)\b[^.;,:\d()]{0,40}?\b(?:to|near|around|about|of|at|in\s+the)\s+$", re.I)
# "when he turns 18", "who turned 20 last week": a birthday, with no noun or unit after the number
TURNS_BEFORE_RE = re.compile(r"\b(?:he|she|who|they|I|you|we)\s+(?:turns|turned|will\s+turn|would\s+turn)\s+$")
TURNS_END_RE = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:next|last|this|on|in|and|when|before|after|today|tomorrow)\b")
AGED_WINDOW = 16  # characters before the number: "age of " and its spaces
# "the median was 39.5 for women and 36.9 years for men", "North Dakota's median fell, to 35.2
# in 2018 from 37 years", "At 44.9 years Maine has the oldest population": a population's age
MEDIAN_RE = re.compile(r"\bmedian(?:\s+age\b|(?=\s*[,;:])|\s+(?P<verb>[a-z]+)\b)", re.I)
AGE_SUPERLATIVE_RE = re.compile(r"\b(?:oldest|youngest)\s+(?:population|people|residents|state|country|city|county)\b", re.I)
AGE_CONTEXT = 80  # characters either side of the figure, in its sentence


def _sentence_window(text: str, start: int, end: int, before: int, after: int) -> tuple[int, int]:
    """The span up to `before` characters before a figure and `after` past it, within its sentence."""
    lo, hi = max(0, start - before), min(len(text), end + after)
    if breaks := list(SENTENCE_BREAK_RE.finditer(text, lo, start)):
        lo = breaks[-1].end()
    if (stop := SENTENCE_BREAK_RE.search(text, end, hi)):
        hi = stop.start()
    return lo, hi


def _age_of_population(text: str, start: int, end: int) -> bool:
    """Is a span in years a population's age: "median" alone as a noun ("the median was", "the
    median age") or "the oldest population" beside it? (Not "median survival", "median income".)"""
    lo, hi = _sentence_window(text, start, end, AGE_CONTEXT, AGE_CONTEXT)
    if AGE_SUPERLATIVE_RE.search(text, lo, hi):
        return True
    return any(not m.group("verb") or m.group("verb").lower() in SLOT_VERBS for m in MEDIAN_RE.finditer(text, lo, hi))


# "2.8 million years old", "10 years older than": an age, or a difference of ages
OF_AGE_AFTER_RE = re.compile(r"\s+of\s+age\b", re.I)  # "18 years of age": an age, as "18 years old" is
OLD_AFTER_RE = re.compile(r"\s+old\b(?!-)|(?=\s+(?:older|younger)\b)", re.I)
# "aged 60 and over", "age 80 and older", "aged 20 years and older", "aged 65+": an age group,
# whose ages are at least (or at most) the figure; not one person's age
AGE_GROUP_AFTER_RE = re.compile(
    r"(?:\s+years?(?:\s+old)?)?(?:\s+(?:or|and)\s+(?:(?P<over>over|older|above|up)|under|younger|below)\b|(?P<plus>\s*\+))", re.I)


def _age_group(text: str, start: int, group: re.Match, value: float) -> Quantity | None:
    """An age group's bound: the ages at or past the figure ("aged 60 and over"), or up to it."""
    bound = "lower" if group.group("over") or group.group("plus") else "upper"
    return _finish(text, start, group.end(), "count", value, "count", bound, 0.0, thing="age")
EXTREME_RE = re.compile(r"m(?:ax|in)imum", re.I)
# "aged 60 and over", "aged 5 to 17", "65+": a group; not "a median age of 38.4 and an average of 41"
AGE_BRACKET_RE = re.compile(r"\s*(?:(?:to|-|–)\s*\d|(?:and|or)\s+(?:over|older|above|up|under|younger|\d)|\+|plus\b)", re.I)


# "0-60 mph in 3.5 seconds", "a 0-100 km/h time of 4.1s": a speed range from standstill names an
# acceleration test; the time after it is the figure
BENCHMARK_AFTER_RE = re.compile(r"\s*(?:in|time\s+of|sprint\s+of|acceleration\s+of)\b", re.I)


def _no_figure(text: str, q: Quantity) -> bool:
    """Mentions that print no figure to check: an acceleration test's name ("0-60 mph in 3.5
    seconds"), and "several" or "a few" alone (IDIOM_WORDS reads both as a vague 2; news
    annotators leave them out, while "several million" keeps its scale)."""
    benchmark = q.bound == "range" and q.low == 0 and q.dimension == "[length] / [time]" and BENCHMARK_AFTER_RE.match(text, q.end)
    return bool(benchmark) or q.bound == "vague" and q.value == 2 and q.kind == "count"


def _finish(text, start, end, kind, value, unit, bound, precision, low=None, high=None, thing=None):
    """Take the hedge before the figure into its span and bound, then build the Quantity."""
    if bound == "range":
        if between := BETWEEN_BEFORE_RE.search(text, max(0, start - 10), start):
            start = between.start()
    elif bound == "exact" and (hedge := HEDGE_BEFORE_RE.search(text, max(0, start - 24), start)):
        # "over three years", "over 680 miles": a span of time or ground, not "more than"
        over_is_extent = hedge.group(0).strip().lower() == "over" and (
            kind == "duration" or units.conversion(units.split_multiple(unit)[1]).dimension == "[length]"
        )
        # "a maximum of 40.3C", "a minimum of -5C": the day's highest reading, not a ceiling
        reading = EXTREME_RE.search(hedge.group(0)) and kind == "quantity" \
            and units.conversion(units.split_multiple(unit)[1]).dimension == "[temperature]"
        # "revised up to 6.6 per cent", "nudged its figure up to 6.6%": a verb's particle, not "at most"
        moved_up = hedge.group(0).strip().lower().startswith("up to") and bool(
            MOVED_UP_TO_RE.search(text, max(0, hedge.start() - 40), hedge.start()))
        if not over_is_extent and not reading and not moved_up \
                and not PHRASAL_OVER_RE.search(text, max(0, hedge.start() - 20), hedge.end()):
            bound = HEDGES[_first_group(hedge, "h")][1]
            start = hedge.start()
    if bound == "exact" and (after := HEDGE_AFTER_RE.match(text, end)):
        bound, end = HEDGE_AFTER[after.group(1).lower()], after.end()  # "600 people or more", "50 or so"
    try:
        return _make(start, end, text, kind, value, unit, bound, precision, low, high, thing)
    except UnitError:  # a unit combination pint cannot read: not a figure we can compare
        return None
