"""Check: which figures in a draft contradict the sources, as linter findings.

The draft is analysed as one more source beside the corpus, so it goes through exactly the
same extraction, alignment and judgement; only pairs with one side in the draft count.
Rule codes are stable: a CI job or an editor's tooling may key on them.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, replace

from . import escape
from .compare import judge
from .ingest import parse_document, read_documents
from .pipeline import RunResult, analyze, story_body
from .stories import story_keys

DRAFT_PREFIX = "\0draft:"  # cannot collide with a corpus path

RULES: dict[str, tuple[str, str]] = {
    # kind -> (code, what it means)
    "value-mismatch": ("RC101", "the figure differs from the sources beyond the precision printed"),
    "unit-confusion": ("RC102", "the same figure with another unit, or a known unit slip (cubic feet/metres, miles/km)"),
    "scale-confusion": ("RC103", "off by a factor of 1,000 or a million (thousand/million/billion)"),
    "rate-confusion": ("RC104", "per day and per year (or month) confused"),
    "date-mismatch": ("RC105", "a different year or part of a year for the same event"),
    "duration-mismatch": ("RC106", "a different duration for the same thing"),
    "within-source": ("RC107", "the draft contradicts itself (a figure and its conversion)"),
    "altered-copy": ("RC108", "a passage copied from a source with a changed figure"),
    "unverified": ("RC201", "no source states this figure, so it was not checked (a note)"),
}
SEVERITY_ORDER = {"note": 0, "low": 1, "medium": 2, "high": 3}
FAIL_ON = ("high", "medium", "low", "unverified", "never")
BIDI_WARNING = "a bidirectional control character sits in or next to a figure and may make it display as another number"


@dataclass(frozen=True)
class Finding:
    code: str
    rule: str
    severity: str  # high, medium, low
    path: str
    line: int
    column: int  # 1-based
    end_line: int
    end_column: int
    quote: str
    message: str
    sources: tuple[str, ...]  # "file:line" of each contradicting source


@dataclass(frozen=True)
class Draft:
    path: str  # as the user named it
    text: str


@dataclass(frozen=True)
class Tally:
    """What a check could say about each of the draft's figures: every figure is exactly one
    of confirmed (a source agrees, none contradicts), contradicted (sources contradict it, none
    agrees), disputed (the sources disagree among themselves: some agree with it, some do not),
    or unverified (no source states it, so nothing was compared). `notes` holds one RC201
    finding per unverified figure; `skipped` the corpus files that were not read, with why."""

    figures: int
    confirmed: int
    contradicted: int
    unverified: int
    disputed: int = 0
    notes: tuple[Finding, ...] = ()
    skipped: tuple[str, ...] = ()


def check(drafts: list[Draft], corpus: str | os.PathLike, jobs: int = 1) -> list[Finding]:
    """Findings for every draft figure that a source contradicts, in draft order."""
    return check_with_tally(drafts, corpus, jobs)[0]


def check_with_tally(drafts: list[Draft], corpus: str | os.PathLike | None, jobs: int = 1,
                     follow_symlinks: bool = False, ignore: frozenset[str] = frozenset(),
                     db: str | None = None) -> tuple[list[Finding], Tally]:
    """The findings, and how many of the draft's figures were confirmed, contradicted or left
    unverified: a check never calls a draft clean without saying how much it compared.
    With `db` (a database `reconcile run` wrote) the sources are that run's articles, read
    from the database with their stored extractions; `corpus` is then not read.

    Code (fenced blocks, indented blocks, `inline`) is not read; front matter never is. A
    finding whose code is in `ignore`, or on a paragraph after `<!-- reconcile: ignore -->`
    (or `<!-- reconcile: ignore RC101 RC105 -->`), is dropped; so is that paragraph's RC201 note."""
    stored = None
    draft_documents = [parse_document(DRAFT_PREFIX + d.path, mask_code(d.text)) for d in drafts]
    if db is not None:  # a stored run: the stories the drafts can join, by the stored name index
        from .store import load_run
        names = frozenset().union(*(story_keys(story_body(d)) for d in draft_documents))
        run = load_run(db, names or None)
        documents, skipped, stored = run.documents, run.skipped, run.extractions
    else:
        documents, skipped = read_documents(corpus, follow_symlinks=follow_symlinks)
    result = analyze(documents + draft_documents, skipped, jobs, drafts=frozenset(d.path for d in draft_documents),
                     stored=stored)
    quiet = {escape.line(d.path): suppressions(d.text) for d in drafts}

    def kept(f: Finding) -> bool:
        return f.code not in ignore and not any(
            first <= f.line <= last and (codes is None or f.code in codes) for first, last, codes in quiet.get(f.path, ()))

    counted = tally(result)
    notes = tuple(f for f in counted.notes if kept(f))
    return [f for f in findings(result) if kept(f)], replace(counted, notes=notes)


SUPPRESS_RE = re.compile(r"^[ \t]*<!--[ \t]*reconcile:[ \t]*ignore(?P<codes>(?:[ \t,]+RC\d{3})*)[ \t]*-->[ \t]*$", re.I | re.M)


def suppressions(text: str) -> list[tuple[int, int, frozenset[str] | None]]:
    """(first line, last line, codes or None for all) of each paragraph that an ignore comment
    on the line before it silences (lines 1-based, as findings give them)."""
    lines = text.split("\n")
    out = []
    for m in SUPPRESS_RE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1  # the comment's own line
        first = line + 1
        while first <= len(lines) and not lines[first - 1].strip():
            first += 1
        last = first
        while last < len(lines) and lines[last].strip():
            last += 1
        codes = frozenset(c.upper() for c in re.findall(r"RC\d{3}", m.group("codes"), re.I)) or None
        out.append((first, last, codes))
    return out


FENCE_RE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})[^\n]*\n.*?(?:^ {0,3}(?P=fence)[ \t]*$|\Z)", re.M | re.S)
INDENTED_RE = re.compile(r"(?:(?<=\n\n)|\A)(?:(?: {4}|\t)[^\n]*(?:\n|\Z))+")
INLINE_CODE_RE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)


def mask_code(text: str) -> str:
    """The draft with its code blanked out (fenced and indented blocks, `inline` spans): spaces
    of the same length, newlines kept, so every offset and line number stays where it was."""
    def blank(m: re.Match) -> str:
        return re.sub(r"[^\n]", " ", m.group(0))
    return INLINE_CODE_RE.sub(blank, INDENTED_RE.sub(blank, FENCE_RE.sub(blank, text)))


def tally(result: RunResult) -> Tally:
    figures = [i for i, c in enumerate(result.claims)
               if _is_draft(c.source) and c.quantity is not None and result.measures[i] is not None]
    agree: dict[int, int] = defaultdict(int)
    disagree: dict[int, int] = defaultdict(int)
    for j in result.judged:
        for own, other in ((j.a, j.b), (j.b, j.a)):
            if _is_draft(result.claims[own].source) and not _is_draft(result.claims[other].source):
                (agree if j.verdict.agree else disagree)[own] += 1
    unverified = [i for i in figures if not agree[i] and not disagree[i]]
    return Tally(
        figures=len(figures),
        confirmed=sum(1 for i in figures if agree[i] and not disagree[i]),
        contradicted=sum(1 for i in figures if disagree[i] and not agree[i]),
        unverified=len(unverified),
        disputed=sum(1 for i in figures if agree[i] and disagree[i]),
        notes=tuple(_note(result, i) for i in unverified),
        skipped=tuple(escape.line(f"{s.path}: {s.reason}") for s in result.skipped),
    )


def _note(result: RunResult, index: int) -> Finding:
    """An RC201 note: a draft figure no source states."""
    claim = result.claims[index]
    q = claim.quantity
    message = f"{claim.frame.label(q.thing)}: “{q.surface}” is stated by no source, so it was not checked"
    return Finding(RULES["unverified"][0], "unverified", "note", escape.line(_display(claim.source)),
                   *_span(result, claim), escape.line(q.surface), escape.line(message), ())


def findings(result: RunResult) -> list[Finding]:
    by_claim: dict[int, list] = defaultdict(list)
    agreeing: dict[int, list[int]] = defaultdict(list)
    for j in result.judged:
        a, b = result.claims[j.a], result.claims[j.b]
        in_draft_a, in_draft_b = _is_draft(a.source), _is_draft(b.source)
        if not (in_draft_a or in_draft_b):
            continue
        draft_side, other = (j.a, j.b) if in_draft_a else (j.b, j.a)
        if j.verdict.agree:
            agreeing[draft_side].append(other)
        else:
            by_claim[draft_side].append((other, j))
    out = []
    for index in sorted(by_claim, key=lambda i: (result.claims[i].source, result.claims[i].quantity.start)):
        out.append(_finding(result, index, by_claim[index], agreeing[index]))
    return out


def _who(result: RunResult, indices: list[int], limit: int = 3) -> str:
    """"Coast Wire, coast-wire.md:8: “1,200 passengers a day”; ...": each source by outlet
    (where the article names one), file:line and the figure as printed."""
    outlet = {d.path: d.outlet for d in result.documents}
    items = []
    for o in indices[:limit]:
        c = result.claims[o]
        where = f"{_display(c.source)}:{_line(result, o)}"
        items.append(f"{outlet[c.source] + ', ' if outlet.get(c.source) else ''}{where}: “{c.quantity.surface}”")
    more = f"; and {len(indices) - limit} more" if len(indices) > limit else ""
    return "; ".join(items) + more


def _articles(result: RunResult, indices) -> int:
    return len({result.claims[o].source for o in indices})


def _finding(result: RunResult, index: int, conflicts, agreeing: list[int]) -> Finding:
    claim = result.claims[index]
    q = claim.quantity
    worst = max(conflicts, key=lambda c: (SEVERITY_ORDER[c[1].verdict.severity], c[1].verdict.ratio))[1]
    kind = worst.verdict.kind
    code = RULES.get(kind, ("RC100", ""))[0]
    severity = worst.verdict.severity
    if len(agreeing) >= len(conflicts) and kind != "within-source":
        severity = "low"  # the sources themselves disagree; the draft sides with some of them
    cited = tuple(sorted({
        f"{_display(result.claims[o].source)}:{_line(result, o)}" for o, _ in conflicts
    }))
    against = [o for o, _ in conflicts]
    worst_other = next(o for o, j in conflicts if j is worst)
    explanation = judge(claim, result.claims[worst_other], result.measures[index], result.measures[worst_other]).explanation
    n = _articles(result, against)
    support = ""
    if agreeing:
        k = _articles(result, agreeing)
        support = f"; {k} {'article agrees' if k == 1 else 'articles agree'} ({_who(result, agreeing)})"
    fact = next((f.label for f in result.facts if f.id == worst.fact), claim.frame.label(q.thing))
    message = (f"{fact}: “{q.surface}” contradicts {n} {'article' if n == 1 else 'articles'} "
               f"({_who(result, against)}){support}. {explanation}")
    marked = [i for i in (index, *(o for o, _ in conflicts)) if "bidi" in result.claims[i].marks]
    if marked:
        message += f". Note: {BIDI_WARNING}: " + ", ".join(f"“{result.claims[i].quantity.surface}”" for i in marked)
    # article and draft text is data: every output format gets it with controls made visible
    return Finding(code, kind, severity, escape.line(_display(claim.source)), *_span(result, claim),
                   escape.line(q.surface), escape.line(message), tuple(escape.line(c) for c in cited))


def _span(result: RunResult, claim) -> tuple[int, int, int, int]:
    """(line, column, end line, end column) of a claim's figure in its document, 1-based."""
    text = next(d.text for d in result.documents if d.path == claim.source)
    return (*_position(text, claim.quantity.start), *_position(text, claim.quantity.end))


def _is_draft(path: str) -> bool:
    return path.startswith(DRAFT_PREFIX)


def _display(path: str) -> str:
    return path[len(DRAFT_PREFIX):] if _is_draft(path) else path


def _line(result: RunResult, index: int) -> int:
    claim = result.claims[index]
    return result.sentences[claim.source][claim.sentence].line


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def exit_code(found: list[Finding], fail_on: str, tally: Tally | None = None) -> int:
    """1 when any finding is at or above `fail_on` (high, medium, low); "unverified" also fails
    on any figure no source states (for desks that want every figure sourced); never for "never"."""
    if fail_on == "never":
        return 0
    if fail_on == "unverified":
        return 1 if found or (tally is not None and tally.unverified) else 0
    threshold = SEVERITY_ORDER[fail_on]
    return 1 if any(SEVERITY_ORDER[f.severity] >= threshold for f in found) else 0
