"""Facts: judged pairs grouped into the facts they state, each split into agreement groups.

`judge_all` gives every aligned pair its verdict and a fact id (claims joined by alignments
are one fact). Two rules then drop disagreements that are more likely two facts than one
dispute (`two_camps`, `plausible`), and `group_facts` splits each fact's claims into groups
that agree, counting independent origins (copies count once).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .align import MIN_SCORE, Alignment
from .compare import Verdict, consistent, is_slip, judge
from .copies import Copy
from .frames import compatible as frames_compatible, same_subject
from .models import Claim, DisjointSets
from .words import subgroup_of
from . import units

TWO_CAMPS = 1.5  # two attested values this far apart are two facts, not a dispute (see _two_camps)
PLAIN_MISMATCH = frozenset({"value-mismatch", "duration-mismatch", "date-mismatch"})
MISLEADING_BOUNDS = frozenset({"overstated-bound", "understated-bound"})  # far from the other figure: no evidence of one fact
GAP_NEEDS_EVIDENCE = 2.0  # a gap this wide with no slip to explain it is more likely two facts...
STRONG_PAIRING = 2 * MIN_SCORE  # ...unless the words tie the figures twice as well as pairing needs


@dataclass(frozen=True, slots=True)
class Judged:
    """An aligned pair with its verdict; `fact` groups the pairs about one fact."""

    a: int
    b: int
    verdict: Verdict
    fact: int
    score: float
    copied: bool


@dataclass(frozen=True)
class Fact:
    id: int
    label: str
    claims: tuple[int, ...]
    disputed: bool
    groups: tuple[tuple[int, ...], ...]  # claims that agree with each other, largest first
    origins: tuple[int, ...]  # independent origins per group
    articles: tuple[int, ...]  # sources per group


def judge_all(claims, measures, alignments: list[Alignment]) -> list[Judged]:
    sets = DisjointSets()
    for al in alignments:
        sets.union(al.a, al.b)
    fact_ids: dict[int, int] = {}
    judged = []
    for al in sorted(alignments, key=lambda x: (x.a, x.b)):
        root = sets.find(al.a)
        fact = fact_ids.setdefault(root, len(fact_ids) + 1)
        verdict = judge(claims[al.a], claims[al.b], measures[al.a], measures[al.b], al.copied)
        if al.agree_only and not verdict.agree and verdict.kind in PLAIN_MISMATCH | MISLEADING_BOUNDS | {"altered-copy"}:
            continue  # an unnamed figure against one named part: not shown to be one fact (a slip is)
        if verdict.kind == "update" and subgroup_of(claims[al.a].quantity.thing) != subgroup_of(claims[al.b].quantity.thing):
            continue  # "15 children" after "40 people": the part, not a later count of everyone
        judged.append(Judged(al.a, al.b, verdict, fact, al.score, al.copied))
    return judged


def two_camps(judged: list[Judged], origin: list[int | None], claims: list[Claim]) -> list[Judged]:
    """Drop disagreements between two camps that are each attested by two independent origins
    and TWO_CAMPS times apart or more, with no known slip to explain the ratio: "90%" in four
    outlets and "43%" in three are the yes share and the turnout, not a dispute. One outlet's
    misprint is rarely repeated independently; two consensus values that far apart are two
    facts whose frames could not tell them apart. Copies count once (their shared origin); a
    claim whose origin is None (a draft under check) attests nothing. Two camps on one running
    tally (both frames say deaths, say) are a dispute between authorities and stay."""
    support: dict[int, set[int | None]] = defaultdict(set)
    for j in judged:
        if j.verdict.agree and j.verdict.kind == "agreement":
            support[j.a].add(origin[j.b])
            support[j.b].add(origin[j.a])

    def attested(i: int) -> bool:
        return len((support[i] | {origin[i]}) - {None}) >= 2

    def framed(j: Judged) -> bool:  # both frames name one attribute of a running tally: the frames say one fact
        a, b = claims[j.a].frame, claims[j.b].frame
        return a.tally and a.attribute == b.attribute

    def two_facts(j: Judged) -> bool:
        plain = j.verdict.kind in PLAIN_MISMATCH and not is_slip(j.verdict.ratio, claims[j.a], claims[j.b])
        return plain and j.verdict.ratio >= TWO_CAMPS and attested(j.a) and attested(j.b) and not framed(j)

    return [j for j in judged if j.verdict.agree or not two_facts(j)]


def co_printed(judged: list[Judged], claims: list[Claim], measures) -> list[Judged]:
    """Drop plain disagreements whose two values one source of the fact prints both of: a
    report giving "$12.57 billion" and, later, "$13.9 billion" for one deal is telling two
    measures apart (the equity and the enterprise value), so "$12.6 billion" in one outlet and
    "$13.9 billion" in another are those two facts, not a dispute. The witness is a third
    report: one that prints a slip and the right figure both contradicts itself. Only exact
    figures of no running tally witness or are excused (a tally's report prints its timeline)."""
    by_source: dict[tuple[int, str], set[int]] = defaultdict(set)
    for j in judged:
        for i in (j.a, j.b):
            by_source[(j.fact, claims[i].source)].add(i)
    sources_of: dict[int, list[set[int]]] = defaultdict(list)
    for (fact, _), members in by_source.items():
        if len(members) > 1:
            sources_of[fact].append(members)

    def tight(i: int) -> bool:  # an exact figure of no running tally: "at least 16 crew" meets any count above it
        return claims[i].quantity.bound in ("exact", "approx") and not claims[i].frame.tally

    like: dict[tuple[int, int], dict[str, list[int]]] = {}

    def alike(i: int, fact: int) -> dict[str, list[int]]:
        """Per other source of the fact, its figures that can be claim i's value of one fact. A
        report is no witness to its own figures: printing a slip and the right figure, it
        contradicts itself."""
        if (i, fact) not in like:
            c, found = claims[i], defaultdict(list)
            for members in sources_of.get(fact, ()):
                for x in members:
                    if claims[x].source != c.source and tight(x) and consistent(c, claims[x], measures[i], measures[x]) \
                            and frames_compatible(c.frame, claims[x].frame):
                        found[claims[x].source].append(x)
            like[(i, fact)] = found
        return like[(i, fact)]

    def printed_by_one(j: Judged) -> bool:
        a, b = claims[j.a], claims[j.b]
        if not (tight(j.a) and tight(j.b)):
            return False
        like_a, like_b = alike(j.a, j.fact), alike(j.b, j.fact)
        for source in like_a.keys() & like_b.keys():
            if any(not consistent(claims[x], claims[y], measures[x], measures[y]) for x in like_a[source] for y in like_b[source]):
                return True  # two values the one report tells apart ("40C (104F)" is one value, restated)
        return False

    return [j for j in judged if j.verdict.agree or j.verdict.kind not in PLAIN_MISMATCH or not printed_by_one(j)]


def plausible(judged: list[Judged], claims: list[Claim] | None = None) -> list[Judged]:
    """Drop plain disagreements GAP_NEEDS_EVIDENCE times apart or more whose pairing rests on
    weak evidence (score below STRONG_PAIRING, not a copy): outlets rarely differ by half on
    one fact except by a known slip, while loosely tied figures of other facts often do (a
    yes share and a turnout, an electorate and a turnout). A wide gap the words tie strongly
    ("15,000 votes" / "about 50,000 votes" left to count) stays, and so does one whose frames
    say it is one fact: both name one running tally ("two people had died" / "only one death":
    small counts of one toll differ by a wide ratio), or one attribute of one named thing
    ("the Cedar Flat fire has stayed at 900 acres" / "the Cedar Flat fire had burned 2,100 acres")."""
    def weak_and_wide(j: Judged) -> bool:
        pair = (claims[j.a], claims[j.b]) if claims else ()
        tally = bool(pair) and _one_fact_by_frames(*pair)
        return (not j.verdict.agree and not j.copied and j.verdict.kind in PLAIN_MISMATCH and not tally
                and not is_slip(j.verdict.ratio, *pair) and j.verdict.ratio >= GAP_NEEDS_EVIDENCE and j.score < STRONG_PAIRING)
    return [j for j in judged if not weak_and_wide(j)]


def _one_fact_by_frames(a: Claim, b: Claim) -> bool:
    """Both frames name one running tally, or one named thing with no other attribute said."""
    x, y = a.frame, b.frame
    if x.tally and x.attribute == y.attribute:
        return True
    named = bool(x.subject and y.subject) and same_subject(x.subject, y.subject)
    return named and (x.attribute == y.attribute or not (x.attribute and y.attribute))


def group_facts(claims, measures, judged: list[Judged], origin: list[int], twin_of: dict[int, int] | None = None) -> list[Fact]:
    """Group each fact's claims by agreement and count independent origins behind each group.
    A verbatim reprint (`twin_of`, see copies.twins) joins its representative's group unchecked:
    the work grows with distinct wordings, not with the square of the reprints."""
    twin_of = twin_of or {}
    members: dict[int, set[int]] = defaultdict(set)
    disputed: dict[int, bool] = defaultdict(bool)
    agrees: dict[tuple[int, int], bool] = {}
    for j in judged:
        members[j.fact] |= {j.a, j.b}
        disputed[j.fact] |= not j.verdict.agree
        agrees[(j.a, j.b)] = agrees[(j.b, j.a)] = j.verdict.agree and j.verdict.kind != "update"
    facts = []
    for fact_id in sorted(members):
        ids = sorted(members[fact_id], key=lambda i: measures[i].value)
        groups: list[list[int]] = []
        for i in ids:  # greedy: join the first group whose every member agrees with i
            if i in twin_of and twin_of[i] in members[fact_id]:
                continue
            for group in groups:
                if all(_agree(i, k, claims, measures, agrees) for k in group):
                    group.append(i)
                    break
            else:
                groups.append([i])
        group_of = {k: g for g in groups for k in g}
        for i in ids:
            if i in twin_of and twin_of[i] in group_of:
                group_of[twin_of[i]].append(i)
        groups = [sorted(g, key=lambda k: measures[k].value) for g in groups]
        groups.sort(key=lambda g: (-len({origin[i] for i in g}), -len(g), min(g)))
        facts.append(Fact(
            id=fact_id, label=_label([claims[i] for i in ids]), claims=tuple(ids), disputed=disputed[fact_id],
            groups=tuple(tuple(g) for g in groups),
            origins=tuple(len({origin[i] for i in g}) for g in groups),
            articles=tuple(len({claims[i].source for i in g}) for g in groups),
        ))
    return facts


def reprint_rows(judged: list[Judged], twin_of: dict[int, int], claims, measures) -> list[Judged]:
    """Each verbatim reprint judged against every figure its first printing was judged against:
    the same contradictions, updates and agreements, so a story reprinted 300 times keeps them
    all, with rows that grow with the reprints times the distinct wordings, never with the
    square of the reprints, since reprints are never judged against each other (issue #12)."""
    copies_of: dict[int, list[int]] = defaultdict(list)
    for twin, rep in sorted(twin_of.items()):
        copies_of[rep].append(twin)
    rows = []
    for j in judged:
        for rep, other in ((j.a, j.b), (j.b, j.a)):
            for twin in copies_of.get(rep, ()):
                if twin_of.get(other) != rep:  # a reprint against its own first printing is judged already
                    verdict = judge(claims[twin], claims[other], measures[twin], measures[other], j.copied)
                    rows.append(Judged(twin, other, verdict, j.fact, j.score, j.copied))
    return rows


def _agree(i: int, k: int, claims, measures, agrees) -> bool:
    """The judged verdict where the pair was judged, else whether the intervals meet."""
    if (i, k) in agrees:
        return agrees[(i, k)]
    return consistent(claims[i], claims[k], measures[i], measures[k])


def origins(claims: list[Claim], copies: list[Copy]) -> list[int]:
    """Claims in copied sentences share one origin; every other claim is its own source's."""
    sets = DisjointSets()
    for c in copies:
        sets.union((c.source_a, c.sentence_a), (c.source_b, c.sentence_b))
    keys: dict[object, int] = {}
    result = []
    for c in claims:
        key = sets.find((c.source, c.sentence)) if (c.source, c.sentence) in sets else c.source
        result.append(keys.setdefault(key, len(keys)))
    return result


def _label(claims: list[Claim]) -> str:
    """A fact's name from its claims' frames ("Coningsby: temperature", "deaths (people)"),
    the commonest among those that say what is measured; else from shared words."""
    if all(c.predicate.startswith(("last-occurrence", "event-ago")) for c in claims):
        subjects = Counter(c.frame.subject for c in claims if c.frame.subject)
        what = "year it last happened" if claims[0].predicate.startswith("last") else "year"
        return f"{subjects.most_common(1)[0][0].title()}: {what}" if subjects else what
    named = Counter(c.frame.label(c.quantity.thing, c.text) for c in claims if c.frame.attribute)
    if named:
        return max(named.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
    return _word_label(claims)


def _word_label(claims: list[Claim]) -> str:
    """A fact whose frames name no attribute: what the figure is attached to and what it
    measures ("Dhanpur: length", "number of vessels"), never a bag of the sentence's words."""
    subjects = Counter(c.frame.subject.title() for c in claims if c.frame.subject)
    heads = Counter(c.head.rsplit(" ", 1)[-1] for c in claims if c.head)
    nouns = Counter(c.subject.split()[0] for c in claims  # the claim's nearest noun first, not its figure's
                    if c.subject and c.subject.split()[0] not in c.quantity.surface.lower())
    named = subjects or heads or Counter({w: n for w, n in nouns.items() if n == len(claims) or n > 1})
    whose = named.most_common(1)[0][0] if named else ""
    first = claims[0].quantity
    what = units.dimension_name(first.dimension or "", first.unit or "", first.thing)
    return f"{whose}: {what}" if whose and whose.lower() not in what else what
