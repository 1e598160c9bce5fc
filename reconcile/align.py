"""Align: which claims in different sources are about the same thing.

Claims meet only inside a block of one dimension (lengths with lengths, dose counts with
dose counts), and inside a block only through an inverted index of their rarest words, so
the work grows with the number of claims, not its square. A pair must also be compatible:
compatible frames (see `frames.compatible`) and the same head noun ("25-year lease" vs
"two-day visit"). Copies and stories are found in their own modules.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import frames
from .compare import DATED, EVENT_DAY, EVENT_YEAR, Measure, agree_plainly, clock_digits, consistent, is_slip, number_as_printed, printed_number
from .copies import Copy
from .models import Claim, DisjointSets, replace
from .words import spelling_map, stem, subgroup_of

MIN_SCORE = 0.3  # weighted word overlap for two claims to be about the same thing
NEARBY_WEIGHT = 0.5  # the previous sentence's words count half
RECIPROCAL_FACTOR = 0.5  # each other's best match in the other source, with a word nearby or a predicate in common
HEAD_BONUS = 0.2  # "a 1,100-km pipeline" and "a 680-mile pipeline": the head noun is strong evidence
PREDICATE_BONUS = 0.1  # both say "supplied" (or "cost", "capacity"): the same kind of statement
FAR_APART = 100.0  # see far_apart
FRAME_BONUS = MIN_SCORE  # both frames name one attribute: that alone pairs them, words only rank
VALUE_BONUS = MIN_SCORE  # "€222m" and "222 million euros": one distinctive value says as much as one attribute
COUNTED_FACTOR = 2  # "38 survivors rescued" / "45 survivors rescued": the thing and the verb say a lot
STRONG_TIE = 2 * MIN_SCORE  # a disagreement tied this well is carried to the figures agreeing with either side
COMPANION_BONUS = MIN_SCORE  # both sentences print one other figure alike: one statement, restated
COMMON_IN_BLOCK = 0.2  # words in more of a block's claims than this share are not indexed...
INDEXED_ALWAYS = 20  # ...but a word in this many claims or fewer always is: a small block's pairs all get a score


@dataclass(frozen=True, slots=True)
class Alignment:
    a: int  # indices into the claim list
    b: int
    score: float
    copied: bool
    agree_only: bool = False  # evidence enough that they agree, not that they disagree (see align)


def align(
    claims: Sequence[Claim],
    measures: Sequence[Measure | None],
    copies: Sequence[Copy] = (),
    stories: dict[str, int] | None = None,
    things: dict[tuple[str, int], set[str]] | None = None,
    conversions: Sequence[Alignment] = (),
) -> list[Alignment]:
    """Compatible pairs of claims from different sources about the same thing. `conversions`
    (see find_conversions) are figures restated in brackets: one figure, not a crowd."""
    spelling = spelling_map(w for c in claims for w in c.context)

    def stories_of(c: Claim) -> int:
        return (stories or {}).get(c.source, 0)

    # one spelling, one stem: each word of the story normalized once, then looked up in C
    vocabulary = set().union(*(c.context for c in claims), *(c.nearby for c in claims), *(c.local for c in claims))
    normal = {w: stem(spelling.get(w, w)) for w in vocabulary}.__getitem__

    # the figures of one sentence share its words: each sentence's bag is made once (and each
    # figure's local words, which repeat less)
    context_bags: dict[tuple[str, ...], frozenset[str]] = {}

    def context_bag(words: tuple[str, ...]) -> frozenset[str]:
        found = context_bags.get(words)
        if found is None:
            found = context_bags[words] = frozenset(map(normal, words))
        return found

    # a sentence naming a thing by any of its names counts as naming it: "§Stream pipeline"
    bags = [
        context_bag(c.context)
        | {f"§{name}" for name in (things or {}).get((c.source, c.sentence), ())}
        for c in claims
    ]
    document_frequency = Counter(w for bag in bags for w in bag)
    total = len(bags) or 1
    idf = {w: math.log(1 + total / n) for w, n in document_frequency.items()}
    # the sentence before counts at half weight: it often names what "the line" or "it" is
    weights = []
    nearby_words: dict[tuple[str, ...], tuple[str, ...]] = {}  # a sentence's figures share the sentence before
    for bag, c in zip(bags, claims):
        near = nearby_words.get(c.nearby)
        if near is None:
            near = nearby_words[c.nearby] = tuple(map(normal, c.nearby))
        weighted = {w: NEARBY_WEIGHT for w in near if w in idf}
        weighted.update({w: 1.0 for w in bag})
        weights.append(weighted)
    copied = {(c.source_a, c.sentence_a, c.source_b, c.sentence_b) for c in copies}
    copied |= {(b, sb, a, sa) for a, sa, b, sb in copied}

    blocks: dict[tuple[int, str], list[int]] = defaultdict(list)
    per_sentence: Counter = Counter()
    dims = [block_dimension(c, m) if m is not None else None for c, m in zip(claims, measures)]
    # "40.3C (104.5F)": the bracketed restatement of one dimension pairs through its figure (see
    # follow_conversions); a currency's ("€222m ($262m)") meets the figures printed in dollars alone
    restated = {c.b for c in conversions if measures[c.a].dimension == measures[c.b].dimension}
    for i, m in enumerate(measures):
        if m is not None and i not in restated:
            blocks[(stories_of(claims[i]), dims[i])].append(i)
            per_sentence[(claims[i].source, claims[i].sentence, dims[i], claims[i].frame.period)] += 1
    # a copied sentence's k-th figure of a dimension is the copy of the other's k-th, of no other
    ordinal: dict[int, int] = {}
    seen_in_sentence: Counter = Counter()
    for i in sorted((i for i, m in enumerate(measures) if m is not None), key=lambda i: (claims[i].source, claims[i].sentence, claims[i].quantity.start)):
        key = (claims[i].source, claims[i].sentence, dims[i])
        ordinal[i] = seen_in_sentence[key]
        seen_in_sentence[key] += 1
    # a figure's own words, and the noun it counts ("6.39 births per 1,000": births)
    local = [context_bag(c.local) | {stem(c.quantity.thing)} if c.quantity is not None and c.quantity.thing
             and c.quantity.thing.isalpha() else context_bag(c.local) for c in claims]
    # what a claim can be found by: its words, and what it says (predicate) of what (head noun)
    keys = [bag | {f"§{c.predicate}"} if c.predicate else bag for bag, c in zip(bags, claims)]
    keys = [k | {f"§head:{_head(c)}"} if c.head else k for k, c in zip(keys, claims)]
    # "16 crew" / "16 cabin crew": one count of one kind of thing, restated, whatever else the
    # sentences say (the key holds the value too, so it only ever ties figures that agree)
    counted_nouns = [_counted(c, m) for c, m in zip(claims, measures)]
    keys = [k | {f"{COUNTED_KEY}{t}"} if t else k for k, t in zip(keys, counted_nouns)]
    keys = [k | {f"{ATTRIBUTE_KEY}{c.frame.attribute}"} if c.frame.attribute else k for k, c in zip(keys, claims)]
    keys = [k | {f"{ATTRIBUTE_KEY}actor:{w}" for w in c.frame.actor.split()} | ({f"{ATTRIBUTE_KEY}target:{c.frame.target}"} if c.frame.target else set())
            for k, c in zip(keys, claims)]
    keys = [k | {f"§value:{m.value:.6g}"} if m is not None and _distinctive(m.value) else k for k, m in zip(keys, measures)]
    # the digits as printed, without scale or unit: "€222" for "€222 million" is a slip of one figure
    printed = [_distinctive_digits(c) if m is not None and c.quantity.kind != "date" else "" for c, m in zip(claims, measures)]
    keys = [k | {f"{PRINTED_KEY}{p}"} if p else k for k, p in zip(keys, printed)]
    with_figures = _sentence_figures(claims, measures, dims)
    keys = [k | {f"{WITH_KEY}{v:.6g}" for d, v in with_figures.get((c.source, c.sentence), ()) if d == dim}
            for k, c, dim in zip(keys, claims, dims)]

    # where one attribute is reported for several named things ("9 cases in New Mexico", "80 in
    # Gaines County"), an unnamed figure is the story's whole, not any one of the named parts
    named: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for i, m in enumerate(measures):
        c = claims[i]
        if m is not None and c.frame.subject:
            named[(stories_of(c), dims[i], c.frame.attribute)].append((c.frame.subject, c.source))
    divided = {key for key, subjects in named.items() if _distinct_subjects(subjects) > 1}
    # likewise where several actors make one kind of change ("Retail added 46,000", "Construction
    # gained 36,000"): a figure with no actor is the whole's, and meets theirs for agreement only
    actors: dict[tuple, set[str]] = defaultdict(set)
    for i, m in enumerate(measures):
        if m is not None and claims[i].frame.actor:
            actors[(stories_of(claims[i]), dims[i], claims[i].frame.attribute)].add(claims[i].frame.actor)
    acted_apart = {key for key, found in actors.items() if _distinct_actors(found) > 1}
    wholes, totals_in = _sum_relations(claims, measures, stories_of)
    event_words = {i: _event_words(claims[i]) for i, d in enumerate(dims) if d == EVENT_DAY}  # once per day, not per pair
    said_parts = _said_parts(claims, measures, dims, stories_of)

    # the words each source prints anywhere, to tell whether it names a subject at all
    printed_words: dict[str, set[str]] = defaultdict(set)
    subjects_in: dict[str, set[str]] = defaultdict(set)
    sources_of_story: dict[int, set[str]] = defaultdict(set)
    for c in claims:
        printed_words[c.source].update(c.context)
        sources_of_story[stories_of(c)].add(c.source)
        if c.frame.subject:
            subjects_in[c.source].add(c.frame.subject)

    @lru_cache(maxsize=None)  # asked again for every pair a subject's figures are in
    def names(source: str, subject: str) -> bool:
        """Does this source print the subject's name, or another name of it ("Hewlett-Packard"
        for "HP")?"""
        return bool(printed_words[source] & set(subject.replace(" & ", " ").split())) \
            or any(frames.same_subject(subject, other) for other in subjects_in[source])

    @lru_cache(maxsize=None)
    def peripheral(story: int, subject: str) -> bool:
        """A thing only one article of the story names, or fewer than half of them: a detail, not
        the story's subject (a town's or a region's result in a national vote; not the station
        where the national record was read, which most reports name)."""
        return sum(names(source, subject) for source in sources_of_story[story]) < max(2, len(sources_of_story[story]) / 2)

    def unnamed_elsewhere(a: Claim, b: Claim) -> bool:
        """One figure is of a thing only its own article names ("91.6% in Palafrugell") and the
        other's article never names it: the other is the story's own figure, not that thing's."""
        return any(x.frame.subject and not y.frame.subject and not names(y.source, x.frame.subject)
                   and peripheral(stories_of(x), x.frame.subject) for x, y in ((a, b), (b, a)))

    def agree_only(i: int, j: int) -> bool:
        """Where one attribute (or, unsaid, one dimension) is reported for several named things
        ("40.3C at Coningsby", "34.8C at Charterhall"), an unnamed figure that matches a named one
        is evidence they are one fact; one that does not is more likely another thing's figure."""
        a, b = claims[i], claims[j]
        if subgroup_of(a.quantity.thing) != subgroup_of(b.quantity.thing):
            return True  # "two teenage girls" / "two people died" agree; "15 children" / "40 people" are a part and more
        if _possible_ceiling(a, b) or _possible_ceiling(b, a):
            return True  # "could be fined up to 5 percent of turnover": what may happen at most, not the figure
        if _other_people(a, b):
            return True  # "291 passengers" / "at least 16 flight crew members": two groups of people, unless alike
        if a.frame.attribute == "age" == b.frame.attribute and bool(a.frame.subject) != bool(b.frame.subject):
            return True  # a story has many people: an unnamed person's age may be a named one's, if alike
        if dims[i] == EVENT_DAY and bool(a.frame.subject) != bool(b.frame.subject):
            return True  # and many events: an unnamed one's day may be a named one's, if alike
        if bool(a.frame.actor) != bool(b.frame.actor) and (stories_of(a), dims[i], a.frame.attribute or b.frame.attribute) in acted_apart:
            return True  # where the story's changes have several actors, one with none is the whole's
        if {a.frame.modality, b.frame.modality} == {"planned", ""} and (_forecast(a) or _forecast(b) or _outcome_later(a, b)):
            return True  # a forecast beside a figure that says neither: alike, the forecast restated; else the outturn
        if _past_year(a, b) or _past_year(b, a):
            return True  # "turnout sank to 59.4% in 2001" and "turnout is 59.9%": another election's, unless alike
        keys = {(stories_of(a), dims[i], attribute) for attribute in (a.frame.attribute, b.frame.attribute, "")}
        return bool(a.frame.subject) != bool(b.frame.subject) and bool(keys & divided) or unnamed_elsewhere(a, b)

    def pairable(i: int, j: int, listed: bool) -> bool:
        a, b = claims[i], claims[j]
        if a.source == b.source or not compatible(a, b, agreeing=lambda: agree_plainly(a, b, measures[i], measures[j])):
            return False
        if measures[i].dimension != measures[j].dimension and printed_number(a) != printed_number(b):
            return False  # "3 percentage points" and "25%" measure a change differently
        if far_apart(measures[i], measures[j], a, b):
            return False
        if (stories_of(a), frozenset((measures[i].value, measures[j].value))) in wholes:
            return False  # a source said "307 aboard, 291 passengers and 16 crew": 291 is a part of 307
        for x, y in ((i, j), (j, i)):  # "Of that, $8 billion ...": $8bn is part of any figure its whole allows
            if any(low <= measures[y].value <= high for low, high in said_parts.get((stories_of(claims[x]), measures[x].value), ())):
                return False
        if dims[i] == EVENT_DAY and not (event_words[i] & event_words[j]) - SAID:
            return False  # "crashed on July 6" / "the crash on 7 July": days of one event; not "said on", nor a name
        if dims[i] == EVENT_YEAR and not (a.frame.attribute and a.frame.attribute == b.frame.attribute) \
                and (not local[i] & local[j] or bool(a.frame.attribute) != bool(b.frame.attribute)
                     and a.frame.attribute not in bags[j] and b.frame.attribute not in bags[i]):
            # "in service since 1995" / "flying since 1994": years of which event? "the first death
            # since 2015" / "a higher count than in any year since 1992": one event named, the other
            # not ("last visited Pakistan in 2012" / "the first visit in nine years": one word for it)
            return False
        # figures of another period ("the previous record of 38.7C") are not this figure's rivals
        crowded = max(per_sentence[(c.source, c.sentence, dims[k], c.frame.period)] for c, k in ((a, i), (b, j))) > 1
        same_attribute = bool(a.frame.attribute) and a.frame.attribute == b.frame.attribute
        # crowded figures need their own words, or a figure both lists share to say which is which,
        # or the same distinctive digits ("2hr 0.35sec" beside "34 seconds" is the "2:00:35")
        return not crowded or same_attribute or bool(local[i] & local[j]) or listed or bool(printed[i]) and printed[i] == printed[j]

    sources = [c.source for c in claims]
    scored: dict[tuple[int, int], tuple[float, float, bool]] = {}
    for members in blocks.values():
        for i, j in _candidates(members, keys, sources):
            listed = _companion(i, j, claims, measures, dims, with_figures, totals_in)
            if not pairable(i, j, listed):
                continue
            a, b = claims[i], claims[j]
            is_copy = (a.source, a.sentence, b.source, b.sentence) in copied
            if is_copy and ordinal[i] != ordinal[j]:
                continue  # "half of what was asked and under a quarter of the term", copied: half is not the quarter
            same_head = bool(_head(a)) and _head(a) == _head(b)
            same_predicate = bool(a.predicate) and a.predicate == b.predicate
            counted = a.quantity.kind == "count" and b.quantity.kind == "count"
            bonus = HEAD_BONUS * same_head + PREDICATE_BONUS * same_predicate * (1 + COUNTED_FACTOR * counted)
            if a.frame.attribute and a.frame.attribute == b.frame.attribute:
                bonus += FRAME_BONUS
            elif a.frame.change.startswith("margin") and b.frame.change.startswith("margin"):
                bonus += FRAME_BONUS  # "beat the record by 35 seconds" / "by 34 seconds": a margin says what it measures
            if _same_component(a.frame, b.frame):
                bonus += FRAME_BONUS  # "Electricity prices rose 41.6%" / "electricity rose 13.7%": one component's change
            if counted_nouns[i] and counted_nouns[i] == counted_nouns[j]:
                bonus += VALUE_BONUS  # the same count of the same noun
            if _same_distinctive_value(measures[i], measures[j]) or (printed[i] and printed[i] == printed[j]):
                bonus += VALUE_BONUS  # "€222m" / "222 million euros", or "€222" for it: the digits alike
            if listed and (counted or local[i] & local[j]):
                bonus += COMPANION_BONUS  # "291 passengers and 16 crew" / "219 passengers and 16 crew members"
            score = 1.0 if is_copy else min(1.0, _weighted_overlap(weights[i], weights[j], idf) + bonus)
            threshold = MIN_SCORE * (1.5 if _is_duration(a) and not same_head else 1)
            scored[(i, j)] = (score, threshold, is_copy)
    best = _best_partners(scored, claims)
    alignments = [
        Alignment(i, j, round(score, 3), is_copy, agree_only(i, j))
        for (i, j), (score, threshold, is_copy) in scored.items()
        if score >= threshold
        or score >= threshold * RECIPROCAL_FACTOR and best.get((i, claims[j].source)) == j
        and best.get((j, claims[i].source)) == i
        and (bool(local[i] & local[j]) or bool(claims[i].predicate) and claims[i].predicate == claims[j].predicate)
    ]
    return sorted(alignments, key=lambda x: (x.a, x.b))


def find_conversions(claims: Sequence[Claim], measures: Sequence[Measure | None], texts: dict[str, str]) -> list[Alignment]:
    """"a 300-kilometre (250-mile) road", "€222m (£198m)": a figure with its conversion in
    brackets, as a pair within one source (of one dimension, or two currencies). `texts` maps
    each source path to its text."""
    pairs = []
    for i in range(len(claims) - 1):
        a, b = claims[i], claims[i + 1]
        ma, mb = measures[i], measures[i + 1]
        if a.source != b.source or ma is None or mb is None:
            continue
        if ma.dimension != mb.dimension and not (a.quantity.kind == b.quantity.kind == "money"):
            continue
        between = texts[a.source][a.quantity.end:b.quantity.start].strip()
        if between in ("(", "[") or between in ("/", "or") and a.quantity.unit != b.quantity.unit:
            # "40C or 104F" restates in another unit; "177 or 178", "2GB/3GB" are alternatives
            pairs.append(Alignment(i, i + 1, 1.0, False))
    return pairs


def follow_conversions(
    alignments: list[Alignment], conversions: list[Alignment], claims: Sequence[Claim], measures: Sequence[Measure | None],
) -> list[Alignment]:
    """`alignments` plus the pairs their conversions imply: when "€222m (£198m)" and "222 million
    euros (£200.6m)" state one fact, so do "£198m" and "£200.6m", though their own words say little."""
    converted: dict[int, list[int]] = defaultdict(list)
    for c in conversions:
        converted[c.a].append(c.b)
        converted[c.b].append(c.a)
    have = {(al.a, al.b) for al in alignments}
    implied = []
    for al in alignments:
        for x in converted.get(al.a, ()):
            for y in converted.get(al.b, ()):
                pair = (min(x, y), max(x, y))
                if claims[x].source != claims[y].source and measures[x].dimension == measures[y].dimension \
                        and pair not in have and compatible(claims[x], claims[y]):
                    have.add(pair)
                    # a pair met for agreement only that disagrees shows no one fact, nor do its conversions
                    weak = al.agree_only and not agree_plainly(claims[al.a], claims[al.b], measures[al.a], measures[al.b])
                    implied.append(Alignment(*pair, al.score, False, weak))
    return alignments + implied


def follow_agreements(
    alignments: list[Alignment], claims: Sequence[Claim], measures: Sequence[Measure | None],
) -> list[Alignment]:
    """`alignments` plus the pairs agreement implies. Figures tied pairwise and agreeing
    ("40.3C" ~ "40.3C (104.5F)" ~ "104.5F") are one agreement group of one fact: each is tied
    to the group's first member, so the fact holds them all. A figure tied well (STRONG_TIE) to
    one member and disagreeing ("49.3C") is compared with every member: a rewritten report
    shares few words with any one other report, but some with one of them. Only figures whose
    intervals meet, neither an open bound ("more than 2 million" meets everything above it),
    chain a group; every implied pair must still be compatible and not far apart (see
    `compatible`, `far_apart`). Linear in a group's size: no pair within a group is added
    beyond the tie to its first member."""
    def tight(i: int) -> bool:
        return claims[i].quantity.bound in ("exact", "approx")

    sets = DisjointSets()
    for al in alignments:
        a, b = claims[al.a], claims[al.b]
        if tight(al.a) and tight(al.b) and not al.agree_only and consistent(a, b, measures[al.a], measures[al.b]):
            sets.union(al.a, al.b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in sorted(sets.parent):
        groups[sets.find(i)].append(i)

    def group(i: int) -> list[int]:
        return groups[sets.find(i)] if i in sets else [i]

    have = {(al.a, al.b) for al in alignments}
    implied = []

    def add(x: int, y: int, score: float, agree_only: bool = False) -> None:
        pair = (min(x, y), max(x, y))
        if x == y or pair in have or claims[x].source == claims[y].source:
            return
        mx, my = measures[x], measures[y]
        if block_dimension(claims[x], mx) != block_dimension(claims[y], my) or far_apart(mx, my, claims[x], claims[y]) \
                or not compatible(claims[x], claims[y]):
            return
        have.add(pair)
        implied.append(Alignment(*pair, score, False, agree_only))

    score_in: dict[int, float] = defaultdict(float)
    for al in alignments:
        if al.a in sets and sets.find(al.a) == sets.find(al.b):
            score_in[sets.find(al.a)] = max(score_in[sets.find(al.a)], al.score)
    for root, members in groups.items():
        for m in members[1:]:
            if consistent(claims[members[0]], claims[m], measures[members[0]], measures[m]):
                add(members[0], m, score_in[root])  # a chain of agreeing figures may drift apart
    for al in alignments:
        if al.score < STRONG_TIE and not al.copied:
            continue  # a loose tie of two figures is not carried to the figures agreeing with either
        if al.a in sets and al.b in sets and sets.find(al.a) == sets.find(al.b):
            continue
        for y in group(al.b):
            add(al.a, y, al.score, al.agree_only)
        for x in group(al.a):
            add(x, al.b, al.score, al.agree_only)
    return alignments + implied


PERCENT_DIMENSIONS = frozenset({"dimensionless", "[percentage_point]"})


def far_apart(ma: Measure, mb: Measure, a: Claim | None = None, b: Claim | None = None) -> bool:
    """Figures FAR_APART times apart or more, with no known slip to explain the ratio (1,000, a
    million, 365, 100 for percent/fraction), are different facts: "an £89m fee" and "a £500
    fine". Real misprints are close or known slips; the founding 47x pipeline conflict is kept."""
    if ma.dimension in DATED or ma.dimension != mb.dimension or not ma.value or not mb.value:
        return False  # percent against percentage points is judged by its own diagnosis
    ratio = max(abs(ma.value), abs(mb.value)) / min(abs(ma.value), abs(mb.value))
    return ratio >= FAR_APART and not is_slip(ratio, a, b)


def _sentence_figures(claims, measures, dims) -> dict[tuple[str, int], frozenset[tuple[str, float]]]:
    """(dimension, value) of each sentence's level figures, dates and years aside: what a
    restatement of the sentence would print again."""
    found: dict[tuple[str, int], set[tuple[str, float]]] = defaultdict(set)
    for c, m, d in zip(claims, measures, dims):
        if m is not None and c.quantity.kind != "date" and d not in DATED and frames.role(c.frame)[0] == "level":
            found[(c.source, c.sentence)].add((d, m.value))
    return {key: frozenset(v) for key, v in found.items()}


def _companion(i: int, j: int, claims, measures, dims, with_figures, totals_in) -> bool:
    """Do the two claims' sentences restate one list? Both print as many figures of the claims'
    dimension and share one value or more ("291 passengers and 16 crew" / "219 passengers and 16
    crew members"): the shared figures restate each other, and so do the one left on each side.
    A total printed beside its parts ("307 people aboard, 291 passengers and 16 crew") is no item."""
    a, b = claims[i], claims[j]
    fa = {v for d, v in with_figures.get((a.source, a.sentence), ()) if d == dims[i]}
    fb = {v for d, v in with_figures.get((b.source, b.sentence), ()) if d == dims[i]}
    shared = fa & fb
    va, vb = measures[i].value, measures[j].value
    if not shared or va in shared or vb in shared:
        return bool(shared) and va == vb and len(fa) == len(fb)
    items_a = fa - totals_in.get((a.source, a.sentence), set())
    items_b = fb - totals_in.get((b.source, b.sentence), set())
    return len(items_a) == len(items_b) and va in items_a and vb in items_b and len(items_a - shared) == 1


def _sum_relations(claims: Sequence[Claim], measures: Sequence[Measure | None], stories_of
                   ) -> tuple[set[tuple[int, frozenset]], dict[tuple[str, int], set[float]]]:
    """(story, {whole, part}) for counts one sentence shows adding up: "307 people aboard, 291
    passengers and 16 crew" makes 291 and 16 parts of 307, in every source of the story. A part
    never contradicts its whole (issue #9, item 3), whatever nouns the sources count it in. A
    breakdown lists its parts one after the other, so only neighbouring figures are summed: linear
    in a sentence's figures. Also each sentence's totals: {(source, sentence): {307}}."""
    by_sentence: dict[tuple[int, str, int], list[tuple[int, float]]] = defaultdict(list)
    for c, m in zip(claims, measures):
        if m is not None and c.quantity is not None and c.quantity.kind == "count" and m.value > 0 \
                and frames.role(c.frame)[0] == "level":  # "11.1m, up 690,000 on 10.41m" adds up through a change
            by_sentence[(stories_of(c), c.source, c.sentence)].append((c.quantity.start, m.value))
    relations: set[tuple[int, frozenset]] = set()
    totals_in: dict[tuple[str, int], set[float]] = defaultdict(set)
    for (story, source, sentence), figures in by_sentence.items():
        values = [v for _, v in sorted(figures)]
        totals = {round(v, 6): v for v in values}
        for x, y in zip(values, values[1:]):
            if (whole := totals.get(round(x + y, 6))) is not None and whole > max(x, y):
                relations |= {(story, frozenset((whole, x))), (story, frozenset((whole, y)))}
                totals_in[(source, sentence)].add(whole)
    return relations, totals_in


def _said_parts(claims: Sequence[Claim], measures: Sequence[Measure | None], dims, stories_of
                ) -> dict[tuple[int, float], list[tuple[float, float]]]:
    """{(story, part value): [whole's (low, high)]} where a source says a figure is part of the
    one before it ("$11 billion in forfeiture. Of that, $8 billion was ..."): the larger figure of
    that dimension nearest before it, in its sentence or the one before, is its whole in every
    source, and so is any figure the whole's precision allows ("$11.2 billion")."""
    before: dict[tuple[str, str], list[tuple[int, int, float]]] = defaultdict(list)
    for i in sorted((i for i, m in enumerate(measures) if m is not None), key=lambda i: (claims[i].sentence, claims[i].quantity.start)):
        before[(claims[i].source, dims[i])].append((claims[i].sentence, i, measures[i].value))
    relations: dict[tuple[int, float], list[tuple[float, float]]] = defaultdict(list)
    for figures in before.values():
        for k, (sentence, i, value) in enumerate(figures):
            if claims[i].frame.part != frames.PART_OF_TOTAL:
                continue
            whole = next((w for s, w, v in reversed(figures[:k]) if s >= sentence - 1 and v > value), None)
            if whole is not None:
                relations[(stories_of(claims[i]), value)].append((measures[whole].low, measures[whole].high))
    return relations


def _distinct_subjects(named: list[tuple[str, str]]) -> int:
    """How many different things these (subject, source) names name, counting only things named
    by two sources or more: one outlet's "Moscow" for "Russia" does not divide a fact."""
    groups: list[tuple[set[str], set[str]]] = []
    for subject, source in sorted(named):
        for names, sources in groups:
            if any(frames.same_subject(subject, other) for other in names):
                names.add(subject)
                sources.add(source)
                break
        else:
            groups.append(({subject}, {source}))
    return sum(1 for _, sources in groups if len(sources) > 1)


def _distinct_actors(actors: set[str]) -> int:
    """How many actors these are, counting those that share a word as one ("retail" / "retail employ")."""
    groups: list[set[str]] = []
    for words in map(str.split, sorted(actors)):
        if not any(group & set(words) for group in groups):
            groups.append(set(words))
        else:
            next(group for group in groups if group & set(words)).update(words)
    return len(groups)


def _same_distinctive_value(ma: Measure, mb: Measure) -> bool:
    """"€222m" and "222 million euros": one value with three significant digits or more."""
    return bool(ma.value) and abs(ma.value - mb.value) <= 1e-9 * abs(ma.value) and _distinctive(ma.value)


def _distinctive_digits(claim: Claim) -> str:
    """The figure's printed digits when they are distinctive ("222" in "€222m"; "2.0.35" in
    "2:00:35" and in "2hr 0.35sec"), else ""."""
    if clocked := clock_digits(claim):
        return ".".join(map(str, clocked))
    digits = number_as_printed(claim)
    try:
        return digits if digits and _distinctive(float(digits)) else ""
    except ValueError:  # "1.2.3"
        return ""


def _distinctive(value: float) -> bool:
    """Three significant digits or more ("222", "1.409", "12,842"): rarely a coincidence."""
    digits = f"{abs(value):.6g}".split("e")[0].replace(".", "").strip("0")
    return len(digits) >= 3


def block_dimension(claim: Claim, m: Measure) -> str:
    """Claims meet only within one dimension; a change in percent and one in percentage points
    meet too, so that "rose 3 percent" against "rose 3 percentage points" can be diagnosed."""
    if claim.frame.change in ("up", "down") and m.dimension in PERCENT_DIMENSIONS:
        return "percent-change"
    return m.dimension


def _best_partners(scored, claims) -> dict[tuple[int, str], int]:
    """For each claim and each other source, its best-scoring candidate there."""
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for (i, j), (score, _, _) in scored.items():
        for x, y in ((i, j), (j, i)):
            key = (x, claims[y].source)
            if key not in best or (score, -y) > (best[key][0], -best[key][1]):
                best[key] = (score, y)
    return {key: y for key, (_, y) in best.items()}


def _candidates(members: list[int], keys, sources: Sequence[str]) -> Iterable[tuple[int, int]]:
    """Pairs from different sources sharing a key that is not common in the block: an inverted
    index, not all pairs; one article's many figures alike ("12 km of road, " 80,000 times) make
    no pairs at all."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i in members:
        for w in keys[i]:
            postings[w].append(i)
    limit = max(INDEXED_ALWAYS, int(COMMON_IN_BLOCK * len(members)))
    seen: set[tuple[int, int]] = set()
    for w in sorted(postings):
        ids = postings[w]
        if len(ids) < 2:  # one claim's own word pairs it with nothing
            continue
        if len(ids) > limit and not w.startswith(NEVER_COMMON):  # a common word; an attribute or a figure's digits are never dropped
            continue
        by_source: dict[str, list[int]] = defaultdict(list)
        for i in ids:
            by_source[sources[i]].append(i)
        groups = list(by_source.values())
        for x in range(len(groups)):
            for y in range(x + 1, len(groups)):
                for i in groups[x]:
                    for j in groups[y]:
                        pair = (i, j) if i < j else (j, i)
                        if pair not in seen:
                            seen.add(pair)
                            yield pair


def _weighted_overlap(x: dict[str, float], y: dict[str, float], idf: dict[str, float]) -> float:
    """Shared weight over the lighter side's own sentence (words of weight 1): the sentence
    before can add evidence, but never dilutes it."""
    shared = sum(idf[w] * min(x[w], y[w]) for w in x.keys() & y.keys())
    own_x = sum(idf[w] for w, v in x.items() if v == 1.0)
    own_y = sum(idf[w] for w, v in y.items() if v == 1.0)
    norm = math.sqrt(own_x * own_y)
    return min(1.0, shared / norm) if norm else 0.0


FORECAST_STEMS = frozenset(stem(w) for w in "forecast predicted expected anticipated projected likely consensus".split())


def _outcome_later(a: Claim, b: Claim) -> bool:
    """A plan reported before the other report's date, which does not call its figure planned:
    that one may be the outcome ("is set to fine Google two billion euros" the day before "a
    2.4-billion-euro fine")."""
    plan, other = (a, b) if a.frame.modality == "planned" else (b, a)
    return bool(plan.frame.as_of and other.frame.as_of) and plan.frame.as_of < other.frame.as_of


def _same_component(a: frames.Frame, b: frames.Frame) -> bool:
    """Both frames name the one part that changed or was spent on: an actor or a target alike."""
    return _shared_actor(a, b) is True or bool(a.target) and a.target == b.target


def _shared_actor(a: frames.Frame, b: frames.Frame) -> bool | None:
    """Do two frames' actors share a word? None when either says none: "Private businesses
    added 237,000 jobs" / "Retail added 46,000" (False) are two parts' gains."""
    if not (a.actor and b.actor):
        return None
    return bool(set(a.actor.split()) & set(b.actor.split()))


def _past_year(dated: Claim, plain: Claim) -> bool:
    """One figure is dated two or more years before the other report, which dates its own figure
    by nothing: the other is more likely of its own time ("a majority of 66 seats in 2005" in a
    2024 report on an election) than a restatement of the dated one, though it may be one."""
    period, as_of = dated.frame.period, plain.frame.as_of
    if any(c.frame.attribute in frames.STATIC_ATTRIBUTES or c.frame.head for c in (dated, plain)):
        return False  # a thing's own measures hold whenever dated ("in 2015 agreed to build a pipeline to carry ...")
    return not plain.frame.period and frames.YEAR_PERIOD_NAME_RE.fullmatch(period) is not None \
        and as_of[:4].isdigit() and int(period[5:9]) <= int(as_of[:4]) - 2


def _between_both(a: Claim, b: Claim) -> bool:
    """Two sums of money of two named subjects whose sentences each name both ("HP agreed to buy
    EDS for $13.9 billion" / "EDS, which HP is buying for $13.9 billion"): a price or a fee
    between two parties is either party's."""
    x, y = a.frame.subject, b.frame.subject
    if not x or not y or a.quantity.kind != "money" or b.quantity.kind != "money" or frames.same_subject(x, y):
        return False
    text_a, text_b = a.text.lower(), b.text.lower()
    return all(w in text for name in (x, y) for w in name.split() for text in (text_a, text_b))


def _possible_ceiling(ceiling: Claim, other: Claim) -> bool:
    """A planned or modal upper bound ("could be fined up to 5 percent of turnover", "faces up to
    20 years") beside a figure that is no plan: the most that may happen, a fact of its own."""
    return ceiling.quantity.bound == "upper" and ceiling.frame.modality in ("planned", "modal") \
        and other.frame.modality in ("", "actual")


def _other_people(a: Claim, b: Claim) -> bool:
    """Two counts of people that name them by two nouns ("passengers", "crew members") and share
    no attribute: likely two groups. With one attribute ("3,000 residents were evacuated", "5,000
    evacuees") they are one group by two names (issue #9, one group of several nouns)."""
    qa, qb = a.quantity, b.quantity
    if qa.kind != "count" or qb.kind != "count" or not qa.thing or not qb.thing \
            or qa.dimension != "count:people" or qb.dimension != "count:people":
        return False
    if a.frame.attribute and a.frame.attribute == b.frame.attribute:
        return False
    ta, tb = qa.thing.lower(), qb.thing.lower()
    return ta not in GENERIC_COUNTS and tb not in GENERIC_COUNTS and stem(ta) != stem(tb)


def _forecast(claim: Claim) -> bool:
    """A planned figure that is a forecast of an outcome ("economists had forecast 175,000"), not
    a plan of one's own ("receives $12 billion under the plan": that is the figure itself)."""
    return claim.frame.modality == "planned" and any(stem(w) in FORECAST_STEMS for w in claim.local)


CAPITALIZED_RE = re.compile(r"\b[A-Z][\w'’\-]*")
# verbs that take their event from their object ("made history", "made its touchdown"): no event alone
LIGHT_VERBS = frozenset("make makes made making take takes took taken get gets got do does did done give gives gave come came go went".split())


def _event_words(claim: Claim) -> frozenset[str]:
    """A date's own words that are no name, as stems: the event it is the day of ("launched",
    "crash"), not where or whose ("San Francisco", "Chandrayaan")."""
    names = {part for m in CAPITALIZED_RE.finditer(claim.text) for part in m.group(0).lower().split("-")}
    return frozenset(stem(w) for w in claim.local
                     if w not in names and w not in LIGHT_VERBS and not any(ch.isdigit() for ch in w))


def _is_duration(claim: Claim) -> bool:
    return claim.quantity is not None and claim.quantity.kind == "duration" and not claim.predicate.startswith("last-")


GENERIC_COUNTS = frozenset("people persons person individuals".split())  # say nothing of which group


def _counted(claim: Claim, m: Measure | None) -> str:
    """A count's noun and value together ("passeng=291"), when the noun says more than people."""
    q = claim.quantity
    if m is None or q is None or q.kind != "count" or not q.thing or not q.thing.isalpha() or q.thing.lower() in GENERIC_COUNTS:
        return ""
    return f"{stem(q.thing)}={m.value:g}"


def _head(claim: Claim) -> str:
    """What a figure measures a property of: "a 1,100-km *pipeline*", "the *tanker* is 330 m long"."""
    return stem(claim.head or claim.frame.head.rsplit(" ", 1)[-1])


def _same_head(x: str, y: str) -> bool:
    """Head nouns (stems) of one thing: the same stem, or two words of one attribute class
    ("contract" and "lease" are terms; "pipeline" and "canal" are not)."""
    return x == y or bool(frames.class_of(x)) and frames.class_of(x) == frames.class_of(y)


def _same_duration(a: Claim, b: Claim, head_a: str, head_b: str, base_a: str, base_b: str) -> bool:
    """Durations pair when they measure the same noun: both modify it ("25-year lease"), or one
    modifies it and the other has it next door ("leased ... for 30 years")."""
    if a.frame.attribute and a.frame.attribute == b.frame.attribute and a.frame.attribute != "duration":
        return True  # "freed four days later" / "freed after five days"
    if clock_digits(a) and clock_digits(a) == clock_digits(b):
        return True  # "2:00:35" / "2hr 0.35sec": the same clocked digits are one time, however printed
    if head_a and head_b:
        return _same_head(head_a, head_b)
    if head_a or head_b:
        head, other = (head_a, b) if head_a else (head_b, a)
        return head in {stem(w) for w in other.local}
    if bool(base_a) and base_a == base_b:
        return True
    # no noun on either side: "spend 25 years in prison" / "a prison sentence of 25 years" share
    # a word next to the figure
    return not {stem(w) for w in a.local}.isdisjoint(stem(w) for w in b.local)


TO_COME = ("planned", "modal")  # a date of what is still to happen
SAID = frozenset(stem(w) for w in frames.ATTRIBUTION_VERBS)  # a day something was said dates no event
ATTRIBUTE_KEY = "§attribute:"
WITH_KEY = "§with:"
PRINTED_KEY = "§printed:"
COUNTED_KEY = "§counted:"
NEVER_COMMON = (ATTRIBUTE_KEY, WITH_KEY, PRINTED_KEY, COUNTED_KEY)


def compatible(a: Claim, b: Claim, agreeing: Callable[[], bool] | None = None) -> bool:
    """Could these two claims state the same fact? Their frames first (subject, attribute,
    part, period, change, modality), then what an adjectival figure modifies. `agreeing`, asked
    only when it matters: do the figures agree, so a count that says its event may meet one that
    does not?"""
    if _shared_actor(a.frame, b.frame) is False:
        return False  # "Electricity rose 41.6%" / "energy rose 41.6%": two components' changes, alike or not
    if not frames.compatible(a.frame, b.frame) and not (_between_both(a, b) and frames.compatible(
            a.frame, replace(b.frame, subject=a.frame.subject))):
        return False
    base_a = a.predicate.split("+")[0]
    base_b = b.predicate.split("+")[0]
    if (base_a == "last-occurrence") != (base_b == "last-occurrence"):
        return False
    head_a, head_b = _head(a), _head(b)
    if head_a and head_b and not _same_head(head_a, head_b) and not (
            head_a in map(stem, b.frame.head.split()) or head_b in map(stem, a.frame.head.split())):
        return False  # "a 6-km tunnel" is not "a 30-km link"; "a 30-km rail link opens" names the link
    if _is_duration(a) and not _same_duration(a, b, head_a, head_b, base_a, base_b):
        return False  # "a two-day trip" vs "follows by one day": lengths of what?
    qa, qb = a.quantity, b.quantity
    if qa is not None and qb is not None and qa.kind == qb.kind == "date" and base_a != "last-occurrence" \
            and (a.frame.modality in TO_COME) != (b.frame.modality in TO_COME):
        # "expect to complete the purchase in 2008" is not "bought Compaq in 2001": one is to come;
        # but "this will be the lowest turnout since 2005" dates a past event, whatever the tense
        return False
    if qa is not None and qb is not None and qa.kind == qb.kind == "percent" and qa.thing and qb.thing \
            and stem(qa.thing) != stem(qb.thing):
        return False  # "6.39 births per 1,000 people" and "7.87 deaths per 1,000 people": rates of two things
    counts = a.quantity is not None and a.quantity.kind == "count"
    if counts and bool(a.frame.attribute) != bool(b.frame.attribute) and not (agreeing and agreeing()):
        return False  # "42 people died" and "120,000 people are in camps": counts need their event
    return True
