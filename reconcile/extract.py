"""Extract: one document -> atomic claims, each a clause with at most one figure.

A pure function of one Document, so it can run in a process pool (or on Dask/Spark) as is.
Each claim records what an editor needs to line claims up across outlets: the content
words around the figure, the predicate (what is being said of the thing: its capacity,
its cost, doses supplied or to be bought), the modality (done or planned), what the figure
is attached to ("a 1,100-km *pipeline*"), and whether it is a part or an increment.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from . import frames
from .escape import has_bidi
from .models import Claim, Document, Figure, Quantity, Sentence, replace
from .quantities import SLOT_VERBS, STOPWORDS, count_lemma, degree_for, dollar_for, extract_quantities, peso_for, rupee_for, yen_sign_for
from .segment import segment

# Cue word stem -> predicate class. Synonyms across outlets share a class.
PREDICATES: dict[str, tuple[str, ...]] = {
    "capacity": ("transport", "carry", "carries", "capacity", "flow", "pump", "handle", "move", "refin", "process"),
    "output": ("produc", "output", "generat", "yield", "extract"),
    "length": ("long", "length", "stretch", "span", "distance", "link"),
    "height": ("tall", "height", "depth"),
    "cost": ("cost", "worth", "valued", "price", "budget", "estimated at", "financ", "loan", "fund"),
    "investment": ("invest",),
    "payment": ("paid", "pay"),
    "revenue": ("revenue", "earn", "income", "sales", "profit"),
    "trade": ("trade", "export", "import", "turnover"),
    "growth": ("increase", "rise", "rose", "grow", "grew", "growth", "jump", "surge", "climb", "up by", "higher"),
    "decline": ("decrease", "fall", "fell", "drop", "declin", "shrank", "shrink", "down by", "lower", "cut"),
    "killed": ("kill", "dead", "died", "death", "toll", "lost their lives"),
    "injured": ("injur", "wound", "hurt"),
    "rescued": ("rescu", "survivor", "pulled"),
    "destroyed": ("destroy", "damag", "collapse", "flatten"),
    "displaced": ("displac", "evacuat", "homeless", "refugee", "shelter"),
    "supplied": ("provid", "supplied", "supply", "deliver", "sent", "send", "donat", "ship", "gave", "given", "receiv", "arriv"),
    "purchase": ("buy", "bought", "purchas", "procur", "order", "acquir"),
    "employment": ("employ", "worker", "job", "staff", "hire"),
    "duration": ("lease", "contract", "agreement", "deal", "concession", "term"),
    "visit": ("visit", "trip", "tour"),
}
DURATION_PREDICATES = frozenset({"duration", "visit"})
# (class, stems) in PREDICATES' order: all of them for durations and dates, else without those above
ALL_CLASSES = list(PREDICATES.items())
NOT_DURATION_CLASSES = [(name, stems) for name, stems in ALL_CLASSES if name not in DURATION_PREDICATES]
CHANGE_PREDICATES = frozenset({"growth", "decline"})
PLANNED_RE = re.compile(  # (?=[a-z]): see frames.FUTURE_RE
    r"\b(?=[a-z])(?:will|would|shall|plans?|planned|planning|intends?|intended|aims?|expected|expects|set\s+to|"
    r"going\s+to|scheduled|proposed|seeks?|wants?|hopes?|could|may|might|to\s+be|pledged?|promised?|"
    r"to\s+(?:build|buy|transport|carry|supply|provide|invest|spend|produce|generate|deliver|purchase))\b",
    re.I,
)
DONE_RE = re.compile(r"\b(?:has|have|had|already|was|were|did|last\s+year|ago)\b|\b\w{3,}ed\b", re.I)
INCREMENT_RE = re.compile(r"^\s*(?:more|additional|extra|further|another)\b|\b(?=[aef])(?:another|additional|extra|further|a\s+further|an\s+additional)\s*$", re.I)
INCREMENT_WORDS = ("more", "additional", "extra", "further", "another")


def _increment_cue(window: str) -> bool:
    """INCREMENT_RE.search(window), found or not. A match needs one of its words at the window's
    start or end: ASCII text with neither is not searched (most figures' windows)."""
    if window.isascii():
        lower = window.lower()
        if not lower.lstrip().startswith(INCREMENT_WORDS) and not lower.rstrip().endswith(INCREMENT_WORDS[1:]):
            return False
    return INCREMENT_RE.search(window) is not None


INCREMENT_END_RE = re.compile(r"\b(?:more|additional|extra|further)$", re.I)
PART_WORDS = frozenset(
    """section segment stretch portion part share phase leg tranche instalment installment""".split()
)
# A place is a part only when the text says so: "in Morla district alone", "in one province".
REGION_WORDS = frozenset("province region district state county city town village area zone".split())
ONLY_RE = re.compile(r"\b(?:alone|only|just|one|single)\b", re.I)
ATTRIBUTION_RE = re.compile(
    r"\b(?:according\s+to\s+[^,.;]{2,60}|(?:[A-Z][\w.'’-]+\s+){1,4}(?:said|says|told|announced|stated|added|noted)"
    r"|(?:said|says|told|announced)\s+(?:[A-Z][\w.'’-]+\s*){1,4})",
)
# a word every attribution has: most sentences lack them all and are not searched further
ATTRIBUTION_CUE_RE = re.compile(r"according|said|says|told|announced|stated|added|noted")
# the spaces before a dash, "while" or "but" are read once, not once per alternative
CLAUSE_BREAK_RE = re.compile(r";\s+|,\s+(?:and|but|while|whereas|although|though|as)\s+|\s+(?:[—–]\s+|while\s+|but\s+)")
VERB_AFTER_RE = re.compile(
    r"\s+(?:were|was|are|is|have\s+been|has\s+been|had\s+been|will\s+be|would\s+be|had|have)?\s*([a-z]+)"
)
SLOT_BREAK_RE = re.compile(r"[,;:—–()]|\s(?:and|while|but|whereas|or|as)\s")
LOCAL_WORDS = 4
POSSESSIVE_RE = re.compile(r"['’]s\b")
# with identifiers a figure is not: "777", "A320". Written as r"[A-Za-z][A-Za-z'’\-]+|[A-Za-z]*\d[A-Za-z\d\-]*"
# with its first character taken out in front: a pattern that opens with a character set is only
# tried where one of its characters stands
TOKEN_RE = re.compile(r"[A-Za-z\d](?:(?<=[A-Za-z])(?:[A-Za-z'’\-]+|[A-Za-z]*\d[A-Za-z\d\-]*)|(?<=\d)[A-Za-z\d\-]*)")
GAP_BEFORE_RE = re.compile(r"\b(?:in|for|after|since)\s+(?:the\s+(?:last|past)\s+)?$", re.I)
LAST_EVENT_RE = re.compile(r"\blast\b[^.;]{0,60}\bin\s+$|\bsince\s+$", re.I)
# compiled once here: re's own cache costs a lookup on every call, and these run per figure
FIRST_RE = re.compile(r"\bfirst\b", re.I)
AGO_AFTER_RE = re.compile(r"\s+ago\b")
COUNT_DIMENSION_RE = re.compile(r"^count:\S+")
TO_RE = re.compile(r"\bto\b")
HYPHEN_END_RE = re.compile(r"-[A-Za-z]+$")
HEAD_WORDS_RE = re.compile(r"(?:\s+[A-Za-z][\w\-]*){1,5}")


def read_figures(text: str) -> list[Figure]:
    """Every figure in `text` (offsets into it, nothing dropped) with its role: a level, an
    amount of change with its direction, or the prior value it is compared with (see
    frames.role). Dates have the role ""."""
    document = Document(path="-", text=text, blocks=((0, len(text)),) if text else ())
    claims = [c for c in extract_claims(document) if c.quantity is not None]
    roles = [frames.role(c.frame) if c.quantity.kind != "date" else ("", "") for c in claims]
    levels = {key for c, (role, _) in zip(claims, roles) if role == "level"
              for key in ((c.sentence, c.quantity.dimension), (c.sentence + 1, _measure(c.quantity)))}
    figures = []
    for claim, (role, direction) in zip(claims, roles):
        q = claim.quantity
        if role == "prior" and claim.frame.period == "last-period" and LAST_NAMED_RE.search(claim.text) \
                and not RELATIVE_NAMED_RE.search(claim.text) \
                and not {(claim.sentence, q.dimension), (claim.sentence, _measure(q))} & levels:
            # "put the median age at 38.2 years last year": the sentence's own period, with no
            # figure of the present (in it or the sentence before) to be prior to
            role = "level"
        elif role == "change" and claim.frame.head and claim.frame.change == "increment":
            role, direction = "level", ""  # "a new 64-bit chip": "new" is the chip's, not the figure's
        elif q.kind == "duration" and role != "level" and (claim.frame.head or claim.frame.change == "increment"
                                                           or PERIOD_WORD_BEFORE_RE.search(text, max(0, q.start - 12), q.start)):
            role, direction = "level", ""  # "a six-month low", "another four weeks": how long, not a change or a prior
        if role == "change" and q.kind == "count" and (q.thing or "").lower() in ("time", "times"):
            role, direction = "level", ""  # "fares have gone up at least seven times": how often, not by how much
        elif role == "change" and q.kind == "duration" and _span_of_change(text, figures, q):
            role, direction = "level", ""  # "shed 17.5 percent of body weight by 24 weeks": when, not how much
        if role == "level" and q.kind == "count" and (made := _made_or_lost(text, q)):
            role, direction = "change", made  # "63,000 jobs created last month", "417,000 of jobs lost", "54,000 net new jobs"
        elif role == "level" and (shared := _coordinated(text, figures, q)) is not None:
            role, direction = shared.role, shared.direction  # "shed 96,000 and finance 68,000", "up from 47% in 2014 and 44% in 2009"
        elif role == "level" and q.kind != "date" and WHEN_THEN_RE.search(text, max(0, q.start - 160), q.start):
            role, direction = "prior", ""  # "the lowest since 2017, when 77.36% took part": the earlier value compared with
        elif role != (prev := _bracketed_after(text, figures, q)).role and prev.role in ("change", "prior"):
            role, direction = prev.role, prev.direction  # "lost 13.4% of body weight (29.8 pounds)": the same amount restated
        elif role == "level" and figures and figures[-1].role == "change" and figures[-1].quantity.kind != q.kind \
                and figures[-1].quantity.kind != "date" and RESTATED_AFTER_COMMA_RE.fullmatch(text, figures[-1].quantity.end, q.start) \
                and HEDGED_RE.match(q.surface):
            role, direction = "change", figures[-1].direction  # "has grown by 1.2%, around 222,000 jobs": the change again
        figures.append(Figure(q, role, direction))
    return _sharing_noun_after(text, figures)


# a "when" clause recalling the past time a comparison names: "the highest since 1994, when 963
# cases were recorded", "still trails the 1980 peak, when an ounce cost $850", "two years ago,
# when the rate was 3.5 percent" (not "topped Labour's in 2005, when Labour won a majority of 60":
# no comparison with it)
WHEN_THEN_RE = re.compile(r"(?:\b(?:since|than|below|above|before|versus|against|trails?|trailed|trailing)\s+(?:the\s+|its\s+|their\s+)?"
                          r"(?:[\w'’\-]+\s+){0,3}?(?:(?:19|20)\d\d|peak|record|high|low)\b[^,.;]{0,20}|\bago),\s+when\b[^.;]*$", re.I)
BRACKET_OPEN_GAP_RE = re.compile(r"(?:\s+of\s+[\w'’\-]+(?:\s+[\w'’\-]+){0,2})?\s*\(\s*(?:or\s+|about\s+|around\s+|roughly\s+)?", re.I)
CLOSE_BRACKET_AFTER_RE = re.compile(r"\s*\)")
SIGNED_RE = re.compile(r"[+\-\u2212]")
NO_FIGURE = Figure(None, "", "")  # type: ignore[arg-type]


def _bracketed_after(text: str, figures: list[Figure], q: Quantity) -> Figure:
    """The figure q restates in brackets right after it or its "of" noun ("lost 13.4% of body
    weight (29.8 pounds)", "€80m (£75m)"), whose role a restatement shares; NO_FIGURE when q is no such restatement. A signed
    figure in brackets is a change of its own ("21.0 million (+23.3%)")."""
    prev = next((f for f in reversed(figures) if f.quantity.kind != "date"), None)
    if prev is None or SIGNED_RE.match(q.surface) or not BRACKET_OPEN_GAP_RE.fullmatch(text, prev.quantity.end, q.start) \
            or not CLOSE_BRACKET_AFTER_RE.match(text, q.end):
        return NO_FIGURE
    return prev


SPAN_BY_BEFORE_RE = re.compile(r"\b(?:by|after|within)\s+(?:(?:about|around|nearly|almost|some)\s+)?$", re.I)
SPAN_CLAUSE_BREAK_RE = re.compile(r"[;:()]")


def _span_of_change(text: str, figures: list[Figure], q: Quantity) -> bool:
    """Is the duration q, after "by", "after" or "within", the time a change before it in the
    same clause took ("had shed 17.5 percent of body weight by 24 weeks")? Not when it is the
    change itself ("the deadline was extended by two weeks": no other figure changed)."""
    prev = next((f for f in reversed(figures) if f.quantity.kind != "date"), None)
    return prev is not None and prev.role == "change" and prev.quantity.kind != "duration" \
        and bool(SPAN_BY_BEFORE_RE.search(text, max(0, q.start - 16), q.start)) \
        and not SPAN_CLAUSE_BREAK_RE.search(text, prev.quantity.end, q.start)


SHARED_NOUN_GAP_RE = re.compile(r"\s+and\s+")


def _sharing_noun_after(text: str, figures: list[Figure]) -> list[Figure]:
    """A bare count that shares the noun of the count after it ("with 14,318,924 and 8,747,621
    more people": see quantities._noun_shared_after) shares its role too: both are more people."""
    for k in range(len(figures) - 1):
        a, b = figures[k], figures[k + 1]
        if a.role == "level" and b.role == "change" and a.quantity.kind == b.quantity.kind == "count" \
                and a.quantity.dimension == b.quantity.dimension and a.quantity.thing and a.quantity.thing not in a.quantity.surface.lower() \
                and b.quantity.thing == a.quantity.thing and SHARED_NOUN_GAP_RE.fullmatch(text, a.quantity.end, b.quantity.start):
            figures[k] = Figure(a.quantity, b.role, b.direction)
    return figures


# the gap between two figures of one list that share their verb: "shed 96,000 and finance 68,000",
# "2.2% in euros and 10.4% in rupees", "up from 47% in 2014 and 44% in 2009"
# (not past a comma: "against an earlier ¥280 billion, and ¥340 billion in net profit" starts another clause)
OF_AFTER_RE = re.compile(r"\s+of\b", re.I)
COORDINATED_GAP_RE = re.compile(r"(?:\s+(?:in|on|for|at)\s+[\w'’\-]+(?:\s+[\w'’\-]+){0,2})?\s+(?:and|or)\s+(?:(?P<item>[A-Za-z][\w'’\-]*)\s+)?")


# a list of three or more bare figures in one unit: "compared with $71.3 billion, $52.1 billion and
# $12.6 billion", "against 5.6 per cent, then 6.3 per cent and then 7 per cent"; a comma joins two
# of them only where the list goes on after the second (a comma alone may start another clause:
# "rose to $5bn, $1bn more than a year earlier")
ITEM_GAP_RE = re.compile(r",\s+(?:then\s+)?|\s+(?:and|or)\s+then\s+", re.I)
ITEM_GOES_ON_RE = re.compile(r"(?:,\s+|\s+(?:and|or)\s+)(?:then\s+)?(?:US\$|[A-Z]{0,2}[$€£¥₹])?[\d.]", re.I)


def _coordinated(text: str, figures: list[Figure], q: Quantity) -> Figure | None:
    """The change or prior figure before `q` that q is listed with, sharing its verb (q's own
    words name no verb: an item noun at most); None when there is none."""
    prev = next((f for f in reversed(figures) if f.quantity.kind != "date"), None)
    if prev is None or prev.role not in ("change", "prior") or prev.quantity.kind != q.kind or prev.quantity.dimension != q.dimension:
        return None
    if prev.quantity.unit == q.unit and ITEM_GAP_RE.fullmatch(text, prev.quantity.end, q.start) \
            and (", " not in text[prev.quantity.end:q.start] or ITEM_GOES_ON_RE.match(text, q.end)):
        return prev  # one item of a list that another item's verb or comparison governs
    if not (gap := COORDINATED_GAP_RE.fullmatch(text, prev.quantity.end, q.start)):
        return None
    if OF_AFTER_RE.match(text, q.end):
        return None  # "rose 5% in March and 20% of firms plan rises": a share of its own
    item = (gap.group("item") or "").lower()
    if item and (item in STOPWORDS or item in SLOT_VERBS or item.endswith(("ed", "ing")) or frames._change_of(item)):
        return None  # "rose 5% and hit 30%": a verb of its own
    return prev


# "the previous 12 months": a period's name; "fell 6.4 percent over 12 months": the span a change is measured over
PERIOD_WORD_BEFORE_RE = re.compile(r"\b(?:previous|preceding|prior|past|last)\s+$|(?<!from\s)\bover\s+$", re.I)


# a count made or lost: "63,000 jobs created", "417,000 of jobs lost", "150,000 jobs to go",
# "54,000 net new jobs", "the creation of 80,000 jobs"
# (not "thousands of workers lost their jobs": what they lost is another thing)
MADE_AFTER_RE = re.compile(r"\s+(?:(?:were|was|have\s+been|had\s+been)\s+)?(?:(?P<up>created|added|gained|hired)|(?P<down>lost|cut|shed|axed|eliminated|to\s+go))\b"
                           r"(?!\s+(?:their|its|his|her|our|the|a|an)\b)")
NEW_IN_SURFACE_RE = re.compile(r"\snet\s+new\s", re.I)  # "54,000 net new jobs" (not "eight new soups": a level)
CREATION_BEFORE_RE = re.compile(r"\b(?:creation|addition)\s+of\s+(?:a\s+net\s+|some\s+|about\s+|around\s+)?$", re.I)
# "has grown by 1.2%, around 222,000 jobs", "gained $3.09 in after-hours trading, more than four per cent"
RESTATED_AFTER_COMMA_RE = re.compile(r"\)?(?:\s*\([^()]{1,30}\))?(?:\s+(?:in|on|at|during)\s+[\w\-]+(?:\s+[\w\-]+)?)?,\s*")
HEDGED_RE = re.compile(r"(?:about|around|roughly|some|nearly|almost|more\s+than|over|just\s+over|just\s+under|less\s+than)\s", re.I)


def _made_or_lost(text: str, q: Quantity) -> str:
    """"up" or "down" when a count says things were made or lost, else ""."""
    if (m := MADE_AFTER_RE.match(text, q.end)):
        return "up" if m.group("up") else "down"
    if NEW_IN_SURFACE_RE.search(q.surface) or CREATION_BEFORE_RE.search(text, max(0, q.start - 30), q.start):
        return "up"
    return ""


# "last year" names a calendar period, the one before the article's; "the prior year" and "the
# previous quarter" name the period before another figure's, so they always make a prior value
LAST_NAMED_RE = re.compile(r"\blast\s+(?:year|season|quarter|month|week)\b", re.I)
RELATIVE_NAMED_RE = re.compile(r"\b(?:prior|previous|preceding)\s+(?:\w+\s+)?(?:year|season|quarter|month|week|period)\b", re.I)


def _measure(q: Quantity) -> str:
    """What a figure measures, for finding the figure it is compared with: a count's noun aside
    ("Last week it was 2 million" after "runs between 5.5 million and 9 million bags")."""
    return "count" if q.kind == "count" else q.dimension or ""


def extract_claims(document: Document, sentences: list[Sentence] | None = None) -> list[Claim]:
    """Claims of one document, in reading order; sentences without figures become text claims."""
    sentences = segment(document) if sentences is None else sentences
    rupee = rupee_for(document.text)
    dollar = dollar_for(document.text, document.url)
    yen_sign = yen_sign_for(document.text)
    peso = peso_for(document.text)
    degree = degree_for(document.text, dollar)
    capitalized = frames.capitalized_words(document.text)
    year = document.published.year if document.published else None
    claims: list[Claim] = []
    previous: tuple[str, ...] = ()
    reading = (rupee, dollar, yen_sign, degree, peso)
    for sentence in sentences:
        found = _sentence_quantities(sentence.text, *reading)
        sentence_key = _sentence_frame_key(document.text, sentence, reading, capitalized, year) if found else None
        key = (sentence_key, _margins(document.text, sentence, found)) if sentence_key is not None else None
        kept = _SENTENCES.get(key) if key is not None else None
        if kept is not None:
            claims += _moved_claims(kept, document.path, sentence, previous)
        else:
            mentions = [replace(q, start=q.start + sentence.start, end=q.end + sentence.start) for q in found]
            made = _sentence_claims(document, sentence, mentions, previous, capitalized, year, reading, sentence_key)
            if key is not None:
                if len(_SENTENCES) >= SENTENCES_KEPT:
                    _SENTENCES.clear()
                _SENTENCES[key] = (sentence.index, sentence.start, made)
            claims += made
        previous = _content_words(sentence.text)
    claims = frames.age_owners(document.text, claims, capitalized)
    return frames.definite_names(document.text, frames.full_names(document.text, claims, capitalized), capitalized)


# A sentence with figures printed again (a wire copy, a retold article) keeps its claims: they
# depend on its frames' key (see _sentence_frame_key) and the text just around it (_margins), and
# are moved to its place and given the words of the sentence before it there (`nearby`, which
# nothing else in them depends on). Emptied when full, so memory stays bounded.
_SENTENCES: dict[tuple, tuple[int, int, list[Claim]]] = {}
SENTENCES_KEPT = 1 << 12
MARGIN_BEFORE = 48  # an age's "will be" cue is looked for up to 40 characters before it (_count_frame)
MARGIN_AFTER = 88  # a hyphenated figure's head noun up to 80 characters after it (_head_noun)
SPACE_RE = re.compile(r"\s*")


def _margins(text: str, sentence: Sentence, found: tuple[Quantity, ...]) -> tuple[str, str]:
    """The text around a sentence that the claims of its figures (`found`) may read. An age
    (_count_frame) or a hyphenated figure (_head_noun) reads before it, up to MARGIN_BEFORE
    characters, and after it, MARGIN_AFTER, or its spaces and the word after them ("40 years
    [space] older" reads on past a line's end); any figure the character after it (escape's
    bidirectional mark test; the one before is in the frames' key)."""
    s, e = sentence.start, sentence.end
    if not any(q.thing == "age" and q.kind == "count" or _hyphenated(q) for q in found):
        return "", text[e:e + 1]
    return text[max(0, s - MARGIN_BEFORE):s], text[e:max(e + MARGIN_AFTER, SPACE_RE.match(text, e).end() + 9)]


def _moved_claims(kept: tuple[int, int, list[Claim]], path: str, sentence: Sentence, nearby: tuple[str, ...]) -> list[Claim]:
    """Claims kept from one printing of a sentence, at another printing's place, after `nearby`."""
    index, start, claims = kept
    shift = sentence.start - start
    if not shift and index == sentence.index and all(c.source == path and c.nearby == nearby for c in claims):
        return claims
    return [replace(c, source=path, sentence=sentence.index, start=c.start + shift, end=c.end + shift, nearby=nearby,
                    quantity=c.quantity if c.quantity is None or not shift else
                    replace(c.quantity, start=c.quantity.start + shift, end=c.quantity.end + shift)) for c in claims]


# Frames already read, by what a figure's frame depends on (see _frame): a sentence printed again
# (a retold or reprinted article) keeps its frames. Emptied when full, so memory stays bounded.
_FRAMES: dict[tuple, frames.Frame] = {}
FRAMES_KEPT = 1 << 14


def _sentence_frame_key(text: str, sentence: Sentence, reading: tuple | None, capitalized: frozenset[str],
                        year: int | None) -> tuple | None:
    """What every figure's frame in the sentence depends on besides the figure's own place (see
    _frame); None when the sentence's text is not the document's at its offsets (then nothing is
    kept). read_frame reads nothing of `text` outside the sentence but the character before it (a
    pattern's \\b at the sentence's start looks at it; at offset 0 there is none), and asks
    `capitalized` only about words printed in the sentence; the mentions, made from the sentence's
    text and the document's currencies (`reading`), are the same at any offset."""
    s, e = sentence.start, sentence.end
    if reading is None or not (len(sentence.text) == e - s and text.startswith(sentence.text, s)):
        return None
    return (sentence.text, text[s - 1:s] if s else None, reading,
            frozenset(w for w in capitalized if w in sentence.text), year)


def _frame(text: str, sentence: Sentence, mentions: list[Quantity], k: int, sentence_key: tuple | None,
           capitalized: frozenset[str], year: int | None, phrase: str) -> frames.Frame:
    """frames.read_frame of figure `k` of the sentence's `mentions`, read once per distinct key
    (see _sentence_frame_key)."""
    q = mentions[k]
    others = [m for m in mentions if m is not q]
    if sentence_key is None:
        return frames.read_frame(text, sentence.start, sentence.end, q, others, capitalized, year, phrase)
    key = (sentence_key, k, phrase)
    found = _FRAMES.get(key)
    if found is None:
        if len(_FRAMES) >= FRAMES_KEPT:
            _FRAMES.clear()
        found = _FRAMES[key] = frames.read_frame(text, sentence.start, sentence.end, q, others, capitalized, year, phrase)
    return found


@lru_cache(maxsize=4096)
def _sentence_quantities(text: str, rupee: str, dollar: str, yen_sign: str, degree: str, peso: str) -> tuple[Quantity, ...]:
    """A sentence's figures, read once however often it is printed (a wire copy, a standing
    line): they depend on its text and the document's currencies only."""
    return tuple(extract_quantities(text, rupee=rupee, dollar=dollar, yen_sign=yen_sign, degree=degree, peso=peso))


def _sentence_claims(
    document: Document, sentence: Sentence, mentions: list[Quantity], previous: tuple[str, ...],
    capitalized: frozenset[str] = frozenset(), year: int | None = None, reading: tuple | None = None,
    sentence_key: tuple | None | bool = False,
) -> list[Claim]:
    """The claims of one sentence; `sentence_key` is its _sentence_frame_key when the caller
    made it already (False: made here)."""
    text = document.text
    clauses = _clauses(sentence)
    attribution = _attribution(sentence.text)
    if not mentions:
        return [
            Claim(document.path, sentence.index, s, e, text[s:e], _subject(text[s:e]), "", "reported",
                  attribution, context=_content_words(text[s:e]))
            for s, e in clauses
        ]
    claims = []
    # the whole sentence is the context: clauses are too short to say what a figure is about
    sentence_words = _content_words(_without_figures(text, sentence.start, sentence.end, mentions))

    figures = [m for m in mentions if frames.ends_slots(m)]  # "last year" does not end a figure's words
    if sentence_key is False:
        sentence_key = _sentence_frame_key(text, sentence, reading, capitalized, year)
    by_position = sorted(set(figures), key=lambda m: (m.start, m.end))  # a figure's neighbours, sorted once
    for k, q in enumerate(mentions):
        s, e = next(((s, e) for s, e in clauses if s <= q.start < e), (sentence.start, sentence.end))
        clause = text[s:e]
        words = sentence_words
        before = text[s:q.start]
        after = text[q.end:e]
        phrase = _head_noun(text, q)  # "rail link opens": the noun phrase a figure modifies, up to 3 words
        head = phrase.rsplit(" ", 1)[-1]
        # an adjectival figure ("a 1,100-km pipeline") is an attribute of its head noun
        predicate = "" if head else _predicate(before, after, q.kind)
        if q.kind == "duration" and GAP_BEFORE_RE.search(before[-40:]) and (
            FIRST_RE.search(clause) or before.rstrip().lower().endswith("after") and q.unit == "year"
        ):
            predicate = "last-occurrence"
        elif q.kind == "duration" and AGO_AFTER_RE.match(after):
            predicate = "event-ago"  # "impounded eight years ago": the year of an event
        elif q.kind == "date" and q.date and q.date[:4].isdigit() and LAST_EVENT_RE.search(before[-70:]):
            predicate = "last-occurrence"
        qualifiers = []
        if _increment_cue(after[:25]) or _increment_cue(before[-25:]) or INCREMENT_END_RE.search(q.surface):
            qualifiers.append("increment")
        if _is_part(head, before[-50:]):
            qualifiers.append("part")
        modality = _modality(before)
        frame = _count_frame(text, q, _frame(text, sentence, mentions, k, sentence_key, capitalized, year, phrase))
        # before q is replaced below: a replaced q beside its original in the set tied on position,
        # so which neighbour it took depended on hash order, which changes from run to run
        own = by_position if frames.ends_slots(q) else sorted({*figures, q}, key=lambda m: (m.start, m.end))
        local = _local_words(text, sentence, own, own.index(q))
        if q.kind == "count" and (thing := frames.people_thing(q.thing, frame.attribute, bare=q.thing not in q.surface.lower())) != q.thing:
            q = replace(q, thing=thing, dimension=COUNT_DIMENSION_RE.sub(f"count:{count_lemma(thing)}", q.dimension or ""))
        claims.append(Claim(
            source=document.path, sentence=sentence.index, start=s, end=e, text=clause,
            subject=_subject(clause), head=head, predicate="+".join([predicate] + qualifiers) if predicate or qualifiers else "",
            modality=modality, attribution=attribution, quantity=q, context=words,
            local=local,
            nearby=previous, frame=frame,
            marks=("bidi",) if has_bidi(text[max(0, q.start - 1):q.end + 1]) else (),
        ))
    return _carry_frames(text, claims)


# "10 years older than": a difference of ages; "will be 57 years old when released": an age to come
AGE_DIFFERENCE_RE = re.compile(r"\s+(?P<older>older)\b|\s+younger\b", re.I)
AGE_TO_COME_RE = re.compile(r"\b(?:will|would|shall)\s+(?:be|turn|reach)\s+(?:\w+\s+)?$", re.I)


def _age_frame(text: str, q: Quantity, frame):
    """An age's frame: an age compared ("older than") is a change with its direction, and an
    age to come is of a later period than the story's present (ages are static attributes in
    frames, so their modality is not read; a person's age still moves with time)."""
    if m := AGE_DIFFERENCE_RE.match(text, q.end):
        frame = replace(frame, change="up" if m.group("older") else "down")
    if not frame.period and AGE_TO_COME_RE.search(text, max(0, q.start - 40), q.start):
        frame = replace(frame, period="later")
    return frame


SIGNS = {"+": "up", "-": "down", "\u2212": "down"}  # a count printed with its sign is a signed change


def _count_frame(text: str, q: Quantity, frame):
    """What a count's own printing adds to its frame: an age's (see _age_frame), and a signed
    count's change ("a net change of -60 on the election before", see quantities), where the
    election before is what the change is measured from, not the figure's period. A percentage
    printed with a plus is a rise too ("+20.4% year-on-year"); with a minus it may be a level
    below zero ("growth of -0.1 percent")."""
    if q.kind == "percent" and q.surface[:1] == "+" and not frame.change:
        return replace(frame, change="up")
    if q.kind != "count":
        return frame
    if q.thing == "age":
        return _age_frame(text, q, frame)
    if q.surface[:1] in SIGNS and not frame.change:
        return replace(frame, change=SIGNS[q.surface[:1]], period="" if frame.period.startswith("previous") else frame.period)
    return frame


RESTATED_RE = re.compile(r"\)?\s*(?:,\s*or|\(|,?\s*(?:or\s+)?equal\s+to|,\s*or\s+about)\s*$", re.I)
ELLIPSIS_VERB_RE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|said|says|to|while|but|which|who)\b|\b[a-z]{3,}(?:ed|ing)\b", re.I)
OR_GAP_RE = re.compile(r"\s+or\s+")
WORKS_OUT_RE = re.compile(r",\s*(?:which\s+)?(?:works?|worked|working)\s+out\s+(?:at|to)\s+$|,\s*(?:the\s+)?equivalent\s+(?:of|to)\s+$", re.I)
AND_ITEM_GAP_RE = re.compile(r"(?:\s+in\s+[A-Za-z]+)?\s*,?\s+and\s+(?:[a-z]+\s+){0,2}(?:of\s+)?")  # "$0.03 in EPS and sales of $5.23 billion"
LIST_SEPARATOR_RE = re.compile(r",\s*(?:and\s+)?|\band\b")
LIST_GAP_RE = re.compile(r"^[^.;:()]*(?:,|\band\b)[^.;:()]*$")
HYPHEN_ED_RE = re.compile(r"\b[\w-]+-\w+ed\b")


def _carry_frames(text: str, claims: list[Claim]) -> list[Claim]:
    """What a sentence says once for several figures. A restatement ("$383 million, or 80 cents
    per share", "$US244 million ($A267.22 million)") shares its figure's period and change, either
    way ("0.3 per cent, or S$0.05, lower"); a list that
    leaves its verb out ("Robberies were up 22%, sexual offences 18% and burglaries 2%",
    "gained 2.1 percent in the past week and 3.1 percent in the past month") shares the change
    of the list's previous figure of its kind."""
    out: list[Claim] = []
    for claim in claims:
        q, frame = claim.quantity, claim.frame
        if q is not None and q.kind == "date" and claim.predicate.startswith("last-occurrence") and (
                changed := next((c for c in reversed(out) if c.quantity is not None and c.quantity.kind != "date"
                                 and c.frame.change and c.frame.change != "increment"), None)):
            # "Rents went up 0.8% in June, their biggest one-month rise since April 1986": the
            # record is of that change, whose it is and over what span
            frame = replace(frame, actor=frame.actor or changed.frame.actor, horizon=frame.horizon or changed.frame.horizon,
                            target=frame.target or changed.frame.target, subject=frame.subject or changed.frame.subject)
            out.append(replace(claim, frame=frame))
            continue
        same_clause = [c for c in out if c.quantity is not None and c.start == claim.start and c.quantity.kind != "date"]
        if q is None or q.kind == "date" or not same_clause:
            out.append(claim)
            continue
        last = same_clause[-1]
        peer = next((c for c in reversed(same_clause) if c.quantity.kind == q.kind), None)
        gap = text[last.quantity.end:q.start]
        if RESTATED_RE.match(gap) or OR_GAP_RE.fullmatch(gap) and (last.quantity.unit, last.quantity.thing) != (q.unit, q.thing):
            # "$US3.09 ($A3.38)", "down 127 points or 0.31 per cent": one amount in two measures
            frame = replace(frame, period=frame.period or last.frame.period, change=frame.change or last.frame.change,
                            target=frame.target or last.frame.target, attribute=frame.attribute or last.frame.attribute,
                            modality=frame.modality or last.frame.modality)
            if frame.change and not last.frame.change or frame.period and not last.frame.period:
                # "0.3 per cent, or S$0.05, lower at", "lost $408 million, or $2.31 a share, a year earlier": said last, of both
                k = next(k for k in range(len(out) - 1, -1, -1) if out[k] is last)
                out[k] = replace(last, frame=replace(last.frame, change=last.frame.change or frame.change,
                                                     period=last.frame.period or frame.period))
        elif peer is not None and not frame.target and peer.frame.target in ("gross", "net") and WORKS_OUT_RE.search(text, peer.quantity.end, q.start):
            frame = replace(frame, target=peer.frame.target)  # "€45m a year before tax, which works out at €865,000 a week"
        elif peer is not None and peer.frame.change in ("up", "down") and not frame.change \
                and _verbless_list(gap := text[peer.quantity.end:q.start]):
            # "energy rose 41.6% and gasoline 59.9%": the words after the separator say whose
            # change it is; with none ("2.1% in the past week and 3.1% in the past month") it is the peer's
            own = LIST_SEPARATOR_RE.split(gap)[-1]
            actor = frames.gapped_actor(own) if own.strip() else peer.frame.actor
            frame = replace(frame, change=peer.frame.change, actor=frame.actor or actor)
        elif peer is not None and peer.frame.modality == "planned" and not frame.modality and AND_ITEM_GAP_RE.fullmatch(text, peer.quantity.end, q.start):
            frame = replace(frame, modality="planned")  # "the consensus was $0.03 in EPS and sales of $5.23 billion": both forecasts
        out.append(claim if frame is claim.frame else replace(claim, frame=frame))
    return out


COMPARISON_GAP_RE = re.compile(r"\b(?:versus|vs|compared|against|than)\b", re.I)  # ", versus 2.8 per cent": a comparison, no list


def _verbless_list(gap: str) -> bool:
    """", sexual offences " / " in the past week and ": a list's separator and a few words, no verb."""
    return bool(LIST_GAP_RE.match(gap)) and len(gap.split()) <= 9 and not COMPARISON_GAP_RE.search(gap) \
        and not ELLIPSIS_VERB_RE.search(HYPHEN_ED_RE.sub("", gap))  # "vehicle-related" is no verb


def _local_words(text: str, sentence: Sentence, mentions: list[Quantity], k: int) -> tuple[str, ...]:
    """The words that belong to one figure of several: "$12 billion to defence and $4 billion
    to education" gives "defence" to the first and "education" to the second."""
    q = mentions[k]
    left = text[mentions[k - 1].end if k else sentence.start:q.start]
    right = text[q.end:mentions[k + 1].start if k + 1 < len(mentions) else sentence.end]
    breaks = list(SLOT_BREAK_RE.finditer(left))
    near_left = left[breaks[-1].end():] if breaks else left
    first_break = SLOT_BREAK_RE.search(right)
    near_right = right[:first_break.start()] if first_break else right
    words = _content_words(near_left)[-LOCAL_WORDS:] + _content_words(near_right)[:LOCAL_WORDS]
    return words or (_content_words(left)[-LOCAL_WORDS:] + _content_words(right)[:LOCAL_WORDS])


def _is_part(head: str, before: str) -> bool:
    """A section of the line, a share of the output, one district of a flooded province."""
    near = _content_words(before)[-3:]
    if head in PART_WORDS or any(w in PART_WORDS for w in near):
        return True
    return (head in REGION_WORDS or any(w in REGION_WORDS for w in near)) and bool(ONLY_RE.search(before))


def _without_figures(text: str, start: int, end: int, mentions: list[Quantity]) -> str:
    """The span's text with the figures blanked, so units do not count as shared words."""
    parts, pos = [], start
    for q in mentions:
        if start <= q.start and q.end <= end:
            parts.append(text[pos:q.start])
            pos = q.end
    parts.append(text[pos:end])
    return " ".join(parts)


def _clauses(sentence: Sentence) -> list[tuple[int, int]]:
    *cuts, last = _clause_spans(sentence.text)
    return [(sentence.start + a, sentence.start + b) for a, b in cuts] + [(sentence.start + last, sentence.end)]


@lru_cache(maxsize=4096)  # a sentence printed again (a retold or reprinted article) is cut once
def _clause_spans(text: str) -> tuple:
    """The clauses of a sentence's text as (start, end) offsets into it, then the last clause's
    start (it runs to the sentence's end)."""
    spans, start = [], 0
    for m in CLAUSE_BREAK_RE.finditer(text):
        if m.start() - start >= 20:
            spans.append((start, m.start()))
            start = m.end()
    return (*spans, start)


# a sentence's words are asked for several times (its clause's subject and context, the next
# sentence's nearby words), so recent answers are kept; a tuple, so no caller can change one.
# As many are kept as of sentence figures (see _sentence_quantities), so a sentence printed again
# in another article of its story is still there (1x generated corpus: 256 kept answered 44% of
# the calls, 4096 answer 67%)
@lru_cache(maxsize=4096)
def _content_words(text: str) -> tuple[str, ...]:
    # each token's word is looked up, not made again: most calls are on short spans a cache
    # of whole texts misses, but their tokens recur (this was a tenth of extraction)
    lower = text.lower()
    if "'" in lower or "’" in lower:  # (POSSESSIVE_RE's quotes: most spans have none)
        lower = POSSESSIVE_RE.sub("", lower)
    return tuple(filter(None, map(_content_word, TOKEN_RE.findall(lower))))


@lru_cache(maxsize=1 << 16)  # bounded: a large corpus's vocabulary would otherwise stay in memory
def _content_word(token: str) -> str:
    """A token's content word, "" when it is none (short or a stopword). Interned: a corpus
    repeats its words in every claim's context, one copy each is enough; a token starts with
    a letter, so only its end can carry quotes or hyphens to strip."""
    w = token.rstrip("'’-")
    return sys.intern(w) if len(w) > 2 and w not in STOPWORDS else ""


def _predicate(before: str, after: str, kind: str) -> str:
    """The predicate class of the nearest cue word: the verb right after a figure that is a
    subject ("112 people were killed"), else looking back, then ahead. Classes that only
    make sense for durations ("lease", "visit") are not given to other figures."""
    classes = ALL_CLASSES if kind in ("duration", "date") else NOT_DURATION_CLASSES
    if m := VERB_AFTER_RE.match(after):
        verb = m.group(1).lower()
        for name, stems in classes:
            if verb.startswith(stems):
                return name
    durations = kind in ("duration", "date")
    back = before.lower()[-80:]
    best, best_pos = "", -1
    for name, stem in _stems_at_word_starts(back, durations):
        pos = back.rfind(stem)
        if pos > best_pos and (pos == 0 or not back[pos - 1].isalpha()):
            if name in CHANGE_PREDICATES and TO_RE.search(back[pos:]):
                continue  # "trade climbed to $790 million": a level, not a change
            best, best_pos = name, pos
    if best:
        return best
    ahead = after.lower()[:60]
    best_pos = len(ahead) + 1
    for name, stem in _stems_at_word_starts(ahead, durations):
        pos = ahead.find(stem)
        if 0 <= pos < best_pos and (pos == 0 or not ahead[pos - 1].isalpha()):
            best, best_pos = name, pos
    return best


# (order, class, stem) of each cue stem in PREDICATES' order, under its first two letters
STEMS_BY_START: dict[str, list[tuple[int, str, str]]] = {}
for _order, (_name, _stem) in enumerate((name, stem) for name, stems in ALL_CLASSES for stem in stems):
    STEMS_BY_START.setdefault(_stem[:2], []).append((_order, _name, _stem))
WORD_START_RE = re.compile(r"(?<![a-z])[a-z]{2}")


def _stems_at_word_starts(window: str, durations: bool) -> list[tuple[str, str]]:
    """(class, stem) of the cue stems printed at a word's start somewhere in a lower-case
    `window`, in PREDICATES' order (without the duration classes unless `durations`). Only
    these can be read: a stem is taken where no letter comes before it (at its last or first
    occurrence), and a position after a letter other than a-z is still looked at. Looked up
    from the window's words, not searched for one by one (over a hundred searches a figure)."""
    found = [entry for m in WORD_START_RE.finditer(window) for entry in STEMS_BY_START.get(m.group(), ())
             if window.startswith(entry[2], m.start()) and (durations or entry[1] not in DURATION_PREDICATES)]
    return [(name, stem) for _, name, stem in sorted(set(found))]


def _modality(before: str) -> str:
    window = before[-60:]
    planned = [m.end() for m in PLANNED_RE.finditer(window)]
    done = [m.end() for m in DONE_RE.finditer(window)]
    if planned and (not done or planned[-1] >= done[-1]):
        return "planned"
    return "done" if done else "reported"


def _hyphenated(q: Quantity) -> bool:
    """A figure that may modify a noun after it ("a 1,100-km pipeline"): see _head_noun."""
    return q.kind not in ("count", "date") and HYPHEN_END_RE.search(q.surface) is not None


def _head_noun(text: str, q: Quantity) -> str:
    """What a hyphenated figure modifies: "a 1,100-km (680-mile) gas pipeline" -> "pipeline"."""
    if not _hyphenated(q):
        return ""
    rest = frames.BRACKET_AFTER_RE.sub("", text[q.end:q.end + 80])  # a conversion in brackets
    m = HEAD_WORDS_RE.match(rest)
    words = []
    singular = SINGULAR_BEFORE_RE.search(text, max(0, q.start - 8), q.start) is not None
    following = m.group(0).split() if m else []
    after = rest[m.end():].split()[:1] if m else []
    names = 0
    for k, word in enumerate(following):
        next_word = (following[k + 1:] or after or [""])[0]
        if not words and word[0].isupper() and names < 2 and next_word[:1].isalpha():
            names += 1  # "the new 18-km Orsk bridge", "a 400-metre Taiwanese ship": the noun after the name
            continue
        if names and not words and word.endswith(("ed", "ing", "ly", "s")) and not word.endswith("ss"):
            break  # "the 193-km Suez Canal reopened": after a name, a verb ends it
        if word.lower() in STOPWORDS or not word[0].islower() or words and (
                word.endswith(("ed", "ing", "ly")) or word in ("once", "now", "also", "still", "today", "yesterday", "tonight", "tomorrow")
                or singular and word.endswith("s") and not word.endswith("ss")
                and (next_word.lower() in STOPWORDS or next_word[:1].isupper() or next_word[:1].isdigit())):
            # "the 190-km canal resumed", "a 25-year prison sentence places him", "a five-year
            # contract taking him to 2022": a verb or an adverb ends the noun phrase; after "a",
            # a word in -s before an object is a verb ("a natural gas pipeline" is not)
            break
        words.append(word.lower())
    return " ".join(words)


SINGULAR_BEFORE_RE = re.compile(r"(?:\b(?:a|an|one|his|her|its|this|that)|\w['’]s)\s+$", re.I)


@lru_cache(maxsize=4096)  # one answer per clause, asked once per figure in it and again where it is reprinted
def _subject(clause: str) -> str:
    words = _content_words(clause)
    return " ".join(words[:4])


@lru_cache(maxsize=4096)  # asked once per sentence, again where it is reprinted
def _attribution(sentence: str) -> str | None:
    m = ATTRIBUTION_RE.search(sentence) if ATTRIBUTION_CUE_RE.search(sentence) else None
    return m.group(0).strip() if m else None
