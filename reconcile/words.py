"""Words: the tokens, name patterns and light stemming that copies, stories and alignment share."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer
from rapidfuzz import fuzz, process

WORD_RE = re.compile(r"[a-z][a-z'’\-]+|\d[\d,.]*")
# "[A-Z](?<!\w[A-Z])" is "\b[A-Z]" with the capital first: a pattern that opens with a character
# set is only tried where one of its characters stands, not at every position (2.6x faster)
NAME_WORD_RE = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]{2,}(?:-[A-Z][a-z]+)*\b")
SPELLING_SIMILARITY = 85.0  # rapidfuzz ratio, 0-100: "Qureshi"/"Qureshy", "pipeline"/"pipe-line"
NAME_RE = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+(?:[ \-][A-Z][a-z]+)*\b")  # as NAME_WORD_RE: "\b[A-Z]..."


# A verb or word of change before "from": "rose from 12%", "revised higher, from 6.6%", "down
# from $31.5m": what follows "from" is the prior value (see quantities and frames). Verbs of
# extent ("ranged", "varied", "spanned", "stretched", "priced from") open a range instead.
# irregular past tenses of the verbs news figures hang on ("sales rose to", "took in", "sold"),
# as data; forms that are also present tenses or nouns ("set", "hit", "cut", "put") are left out
IRREGULAR_PAST = """rose fell grew shrank sank slid swung took brought gave made won sold paid stood spent
    saw went came lost drew struck broke began fought bought caught sought thought told kept held
    led met ran wrote drove flew threw""".split()

CHANGE_BEFORE_FROM = (
    r"\b(?:(?!rang|var|span|stretch|pric)[a-z]{3,}ed|rose|risen|rises|rising|fell|fallen|falls|falling|grew|grown|"
    r"grows|growing|sank|sunk|shrank|shrunk|slid|swung|shot|up|down|rise|fall|increase|decrease|drop|jump|gain|cut|"
    # base forms after "will", "to", "could": "fares could ease from $5 to $4"
    r"climb|grow|sink|slide|shrink|slip|dip|surge|soar|decline|plunge|tumble|rebound|recover|ease|"
    # and their -ing forms: "stocks climbing from 118 million"
    r"(?:climb|sink|slid|shrink|slipp|dipp|surg|soar|declin|plung|tumbl|rebound|recover|eas|jump|dropp|increas|decreas)ing|"
    # verbs of motion: "the rate went from $13.75 to $14.25", "training rates move from $12.20"
    r"go|goes|going|went|gone|move|moves|moving)"
    r"(?:\s+(?:higher|lower|up|down|sharply|slightly))?"
    # the period the change took may stand between: "rose over the quarter from $2604/oz"
    r"(?:\s+(?:over|during|across|through|in)\s+(?:the\s+|its\s+|their\s+)?(?:last\s+|past\s+)?"
    r"(?:year|quarter|month|week|day|period|season|half|decade|(?:19|20)\d\d)s?)?"
    # "climbed about 10 percent, from $31.99": the amount of the change may stand between
    r"(?:\s+(?:by\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?[$€£¥]?\d[\d,.]*\s*(?:%|per\s*cent|percent|percentage\s+points?|points?|[a-z]+)?)?"
    r",?\s+from"
)

# A verb of change that takes its object before "from": "raised the fine on eight convicts from
# $100 to $5,000", "cut its forecast for 2025 from 3% to 2.5%": a prior value and a level.
CHANGE_OBJECT_FROM = (
    r"\b(?:raise[sd]?|raising|lower(?:s|ed|ing)?|increase[sd]?|increasing|reduce[sd]?|reducing|hike[sd]?|hiking"
    r"|lift(?:s|ed|ing)?|boost(?:s|ed|ing)?|trim(?:s|med|ming)?|slash(?:es|ed|ing)?|revise[sd]?|revising|cut(?:s|ting)?)"
    r"(?:\s+(?!from\b)[\w'’\-]+){1,10},?\s+from"  # "raised it every year, from $12 to $15.25"
)

# A verb of change right before its amount: "rose by 9,400 people to 714,100", "gained 21 cents to
# $12.09": the amount of the change, then the level it reached (see quantities._range_ends).
CHANGE_BEFORE_AMOUNT = (
    r"\b(?:rose|risen|rises?|rising|fell|fallen|falls?|falling|grew|grown|grows?|growing|gain(?:s|ed|ing)?"
    r"|add(?:s|ed|ing)?|lost|loses?|losing|shed(?:s|ding)?|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|increase[sd]?|increasing"
    r"|decrease[sd]?|decreasing|decline[sd]?|declining|drop(?:s|ped|ping)?|slip(?:s|ped|ping)?|slid(?:es?|ing)?"
    r"|dip(?:s|ped|ping)?|surge[sd]?|surging|soar(?:s|ed|ing)?|sank|sunk|sinks?|plunge[sd]?|plunging|tumble[sd]?|tumbling"
    r"|ease[sd]?|easing|advance[sd]?|advancing|retreat(?:s|ed|ing)?|improve[sd]?|improving|edged\s+(?:up|down|higher|lower)"
    r"|raised|lifted|lowered|trimmed|hiked|reduced|boosted|cut"  # "was raised 15 cents to $5.80", "cut 10 cents to"
    r"|(?:come|comes|came|coming|go|goes|went|gone|going)\s+(?:up|down))"  # "will come down by £129 to £1,668"
    r"(?:\s+(?:higher|lower|up|down|sharply|slightly))?\s+(?:by\s+)?"
    r"(?:(?:about|around|some|nearly|almost|roughly|more\s+than|less\s+than|over|under|just)\s+)?$"
)

# Nouns that name an amount of change: "a gain of 73 million" counts no gains; it is a change in
# what the figure before it measures (see quantities._gapped_items).
CHANGE_NOUNS = frozenset("""increase rise jump gain surge climb hike boost decrease decline drop fall loss cut
    slump dip reduction contraction slide plunge""".split())

# Nouns that count people as such, whatever their role in the story: "2.26 million voters",
# "2.3 million people", "16 crew" count one kind of thing, and the frame (attribute, part) says
# which group. Subgroups (children, women, girls) are people too, but a part is not its whole:
# see SUBGROUP_NOUNS.
PEOPLE_NOUNS = frozenset("""people persons person individuals residents inhabitants citizens evacuees
    villagers locals claimants victims passengers casualties patients voters electors employees
    workers staff personnel crew members souls occupants travellers travelers""".split())
# the singular a figure joined to its noun prints: "an eight-member committee", "a 400-employee plant"
PEOPLE_NOUNS |= {w[:-1] for w in PEOPLE_NOUNS if w.endswith("s") and w not in ("casualties", "locals")} | {"casualty"}


# Nouns of a part of the people ("two teenage girls", "15 children"): counted as people, so the
# same figure said of everyone ("two people died") is met and agrees; a different figure is more
# likely the part than a dispute, so align pairs them for agreement only (see `subgroup_of`).
SUBGROUP_NOUNS = frozenset("""children child kids girls boys women men teenagers teens adults minors infants
    babies students pupils males females""".split())


def subgroup_of(thing: str | None) -> str:
    """The subgroup noun a count of people names ("girls"), or "" for people as such."""
    return thing.lower() if thing and thing.lower() in SUBGROUP_NOUNS else ""


# Nouns news uses for one kind of thing counted ("300 ships waiting" / "320 vessels waiting"):
# each counts as the first. Only words for the same things; a kind of them ("tankers" among
# ships) is a part, not another name.
SAME_THINGS = (
    "ships vessels ship vessel",
    "aircraft planes airplanes aeroplanes airliners plane airplane aeroplane airliner",
    "homes houses dwellings home house dwelling",
    "cars automobiles car automobile",
    # an election's seats: one per constituency, each held by one member ("412 seats" / "412 Labour MPs")
    "seats constituencies ridings seat constituency riding mps mp lawmakers lawmaker legislators legislator deputies senators",
)
_SAME_THING = {word: group.split()[0] for group in SAME_THINGS for word in group.split()}


def count_class(thing: str | None, printed: str = "") -> str | None:
    """What a count counts, for comparison: "people" for any of PEOPLE_NOUNS and for a
    capitalized plural as printed ("2.26 million Catalans", "40,000 Texans"), one name for
    words of the same things (SAME_THINGS: "vessels" are "ships"), else `thing`."""
    if not thing:
        return thing
    lower = thing.lower()
    if lower in PEOPLE_NOUNS or lower in SUBGROUP_NOUNS:
        return "people"
    if lower in _SAME_THING:
        return _SAME_THING[lower]
    # the ending first: a pattern made per thing is compiled anew on most calls (half this function's time)
    if lower.endswith(("ans", "ese", "ons", "ites", "ers")) and re.search(rf"\b{re.escape(thing[:1].upper() + thing[1:])}\b", printed):
        return "people"
    return thing


_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter2) stem: "refines"/"refined", "pipelines"/"pipeline", "rescued"/"rescue"."""
    return _STEMMER.stemWord(word.lower())


def spelling_map(words: Iterable[str]) -> dict[str, str]:
    """Map spelling variants of a word ("mehmood", "mahmood") onto one, blocked by prefix."""
    counts = Counter(words)
    blocks: dict[str, list[str]] = defaultdict(list)
    for word in counts:
        if len(word) >= 5:
            blocks[word[:2]].append(word)
    mapping: dict[str, str] = {}
    for block in blocks.values():
        if len(block) < 2:
            continue
        block.sort(key=lambda w: (-counts[w], w))  # the commonest spelling becomes canonical
        for i, word in enumerate(block):
            if word in mapping:
                continue
            for other, _, _ in process.extract(word, block[i + 1:], scorer=fuzz.ratio,
                                               score_cutoff=SPELLING_SIMILARITY, limit=None):
                mapping.setdefault(other, word)
    return mapping
