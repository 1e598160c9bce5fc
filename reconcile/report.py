"""Report: a run as Markdown for editors. A pure function of the RunResult: no dates, no ids."""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .compare import DATED, Measure, dated_span, format_value
from .models import Claim
from .pipeline import Fact, RunResult
from .stories import story_names
from . import escape, units


# readings of one day in an order the reports do not give are sorted by value, and say so
TIMELINE_INTRO = ("Running tallies and readings reported at different times, earliest first; readings of one day "
                  "that do not give their hour are listed from low to high.")
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def disputed_rows(result: RunResult) -> list[tuple[str, str, str, list[str], int]]:
    """One row per disputed fact, most severe first: (fact, severity, kinds, sides, fact id). `kinds`
    names the likely slip of the most severe pair when there is one ("value-mismatch: a zero added
    or dropped?"). Each side is one agreement group in a contradiction, largest first: its figures
    as printed and how many articles print them ("1.6 billion cubic feet per day (2 articles)")."""
    by_fact: dict[int, list] = {}
    for j in result.contradictions:
        by_fact.setdefault(j.fact, []).append(j)
    rows = []
    for fact in result.facts:
        pairs = by_fact.get(fact.id)
        if not pairs:
            continue
        severity = min((j.verdict.severity for j in pairs), key=lambda x: SEVERITY_ORDER.get(x, 3))
        kinds = ", ".join(sorted({j.verdict.kind for j in pairs}))
        worst = min(pairs, key=lambda j: (SEVERITY_ORDER.get(j.verdict.severity, 3), not j.verdict.why))
        if worst.verdict.why and not worst.verdict.why.startswith("a copied passage"):
            kinds += f": {worst.verdict.why}?"
        flagged = {i for j in pairs for i in (j.a, j.b)}
        if only := _only_article(result, fact):  # a figure and its conversion in one article: not two sides
            printed = list(dict.fromkeys(result.claims[i].quantity.surface for i in fact.claims))
            rows.append((fact.label, severity, kinds, [f"{' and '.join(printed)}, both in {only}"], fact.id))
            continue
        sides = []
        for group, articles in zip(fact.groups, fact.articles):
            if flagged & set(group):
                printed = list(dict.fromkeys(result.claims[i].quantity.surface for i in group))
                more = f" +{len(printed) - 2} wordings" if len(printed) > 2 else ""
                sides.append(f"{' / '.join(printed[:2])}{more} ({count(articles, 'article')})")
        rows.append((fact.label, severity, kinds, sides, fact.id))
    return sorted(rows, key=lambda r: (SEVERITY_ORDER.get(r[1], 3), r[0]))


@dataclass(frozen=True)
class Summary:
    """What the terminal says after a run, as plain data (stored with the run, so an unchanged
    rerun says it again without judging anything): the counts line, one row per disputed fact
    (see disputed_rows), how the folder was grouped, and the skipped files and warnings."""

    counts: str
    rows: tuple[tuple[str, str, str, tuple[str, ...], int], ...]
    stories: str
    skipped: tuple[str, ...]
    warnings: tuple[str, ...]


def summarize(result: RunResult) -> Summary:
    rows = disputed_rows(result)
    figures = sum(1 for c in result.claims if c.quantity is not None)
    agreed = sum(1 for f in result.facts if not f.disputed)
    counts = (f"{count(len(result.documents), 'article')}, {count(figures, 'figure')}, "
              f"{count(len(rows), 'disputed fact')} ({count(len(result.contradictions), 'contradicting pair')}), "
              f"{count(agreed, 'agreed fact')}, {count(len(result.copies), 'copied passage')}, "
              f"{len(result.skipped)} skipped.")
    return Summary(counts, tuple((a, b, c, tuple(d), e) for a, b, c, d, e in rows),
                   stories_line(result.stories) if len(result.documents) > 1 else "",
                   tuple(f"skipped {s.path}: {s.reason}" for s in result.skipped),
                   tuple(f"warning {d.path}: {d.warning}" for d in result.documents if d.warning))


def stories_line(stories: dict[str, int]) -> str:
    """How the folder was grouped: "3 stories; 2 articles stand alone (no other article shares
    their subject): a.md, b.md" — so a user sees when grouping went wrong."""
    members: dict[int, list[str]] = {}
    for path, story in stories.items():
        members.setdefault(story, []).append(path)
    alone = sorted(paths[0] for paths in members.values() if len(paths) == 1)
    line = f"{len(members)} {'story' if len(members) == 1 else 'stories'}"
    if alone:
        shown = ", ".join(alone[:10]) + (f" and {len(alone) - 10} more" if len(alone) > 10 else "")
        line += (f"; {len(alone)} {'article stands' if len(alone) == 1 else 'articles stand'} alone "
                 f"(no other article shares its subject): {shown}")
    return line + "."


def count(n: int, noun: str) -> str:
    """"1 article", "3 articles"."""
    return f"{n} {_plural(n, noun)}"


def render_markdown(result: RunResult, title: str = "corpus") -> str:
    """The report as CommonMark (GFM tables). Every piece of article text (and every file name)
    goes through `escape.markdown`: it is shown, never rendered as markup."""
    return "\n".join(_markdown_lines(result, title))


def _markdown_lines(result: RunResult, title: str) -> list[str]:
    """The report's lines; joined by newlines they end with one."""
    out: list[str] = [f"# Where the reports disagree: {_md(title)}", ""]
    disputed = [f for f in result.facts if f.disputed]
    agreed = [f for f in result.facts if not f.disputed]
    with_figures = sum(1 for c in result.claims if c.quantity is not None)
    out += [
        f"{len(result.documents)} articles, {with_figures} figures read, "
        f"{len(disputed)} disputed {_plural(len(disputed), 'fact')}, "
        f"{len(agreed)} {_plural(len(agreed), 'fact')} where the sources agree, "
        f"{len(result.copies)} copied {_plural(len(result.copies), 'passage')}.",
        "",
    ]
    rows = disputed_rows(result)
    if rows:  # what an editor checks first: one line per disputed fact, most severe first
        numbers = {f.id: n for n, f in enumerate(disputed, 1)}
        out += ["## Check first", ""]
        out += [f"- **{_md(label)}** ({severity}; {kinds}): " + " vs ".join(_md(side) for side in sides)
                + f" (see {numbers[fact_id]} below; fact id {fact_id})" for label, severity, kinds, sides, fact_id in rows]
        out.append("")
    out += [
        "## Sources",
        "",
        "| Source | Outlet | Date | Title |",
        "|---|---|---|---|",
    ]
    for d in result.documents:
        published = d.published or result.assumed_dates.get(d.path)
        date_text = f"{published}{' (assumed)' if d.path in result.assumed_dates else ''}" if published else "unknown"
        out.append(f"| {_md(d.path)} | {_md(d.outlet or '')} | {date_text} | {_md(d.title or '')} |")
    out.append("")

    out += ["## Disputed facts", ""]
    if not disputed:
        out += ["No contradictions found.", ""]
    severity = {fact_id: level for _, level, _, _, fact_id in rows}
    numbers = {f.id: n for n, f in enumerate(disputed, 1)}
    by_story = _by_story(result, disputed)
    documents = {d.path: d for d in result.documents}
    judged_in: dict[int, list] = {}  # one pass over the pairs: a fact's section reads only its own
    for j in result.judged:
        judged_in.setdefault(j.fact, []).append(j)
    for name, facts in by_story:
        if len(by_story) > 1:  # several stories: each fact under the story it belongs to
            out += [f"### Story: {_md(name)}", ""]
        for fact in facts:
            out += _fact_section(result, fact, judged_in[fact.id], numbers[fact.id], severity.get(fact.id, ""),
                                 "####" if len(by_story) > 1 else "###", documents)

    updated = sorted({j.fact for j in result.judged if j.verdict.kind == "update"})
    if updated:  # running tallies that grew between reports: a timeline, not a dispute
        out += ["## Timelines", "", TIMELINE_INTRO, ""]
        labels = {f.id: f.label for f in result.facts}
        for fact_id in updated:
            members = {i for j in judged_in[fact_id] if j.verdict.kind == "update" for i in (j.a, j.b)}
            steps = sorted(members, key=lambda i: (result.claims[i].frame.as_of, result.measures[i].value, result.claims[i].source))
            out.append(f"- **{_md(labels.get(fact_id, 'tally'))}**: " + " → ".join(
                f"{_quote(result.claims[i])} ({result.claims[i].frame.as_of or 'undated'}, {_cite(result, i)})" for i in steps))
        out.append("")

    out += ["## Agreements", ""]
    if not agreed:
        out += ["No figure is reported by more than one source.", ""]
    for fact in agreed:
        out.append(f"- **{_md(fact.label)}**: " + " ≈ ".join(
            f"{_quote(result.claims[i])} ({_cite(result, i)})" for i in _one_per_wording(result, fact.claims)
        ) + f" ({_sources(result, fact.claims)})")
    out.append("")

    if result.copies:
        out += ["## Copied passages", "",
                "Near-identical sentences in different sources: a wire report or one outlet copying another. "
                "Each copy counts once in the consensus.", ""]
        for c in result.copies:
            a = result.sentences[c.source_a][c.sentence_a]
            b = result.sentences[c.source_b][c.sentence_b]
            note = "identical" if c.identical else f"{c.similarity:.0f}% similar"
            out.append(f"- {_md(c.source_a)}:{a.line} ≈ {_md(c.source_b)}:{b.line} ({note}): “{_md(_short(a.text))}”")
        out.append("")
    if result.aliases:
        out += ["## Names for one thing", "", "Different names the sources use for the same thing.", ""]
        for a in result.aliases:
            out.append(f"- {' = '.join(f'“{_md(n)}”' for n in a.names)} ({_md(', '.join(a.sources))})")
        out.append("")
    if result.variants:
        out += ["## Spelling variants", "", "Names spelt differently across sources (not contradictions).", ""]
        for v in result.variants:
            out.append(f"- “{_md(v.name_a)}” ({_md(', '.join(v.sources_a))}) / “{_md(v.name_b)}” ({_md(', '.join(v.sources_b))})")
        out.append("")
    warned = [d for d in result.documents if d.warning]
    if warned:
        out += ["## Warnings", ""] + [f"- {_md(d.path)}: {_md(d.warning)}" for d in warned] + [""]
    if result.skipped:
        out += ["## Skipped files", ""]
        out += [f"- {_md(s.path)}: {_md(s.reason)}" for s in result.skipped]
        out.append("")
    # trailing blank lines dropped here, not stripped from the joined text (which would copy it)
    while out and not out[-1].strip():
        out.pop()
    if out:
        out[-1] = out[-1].rstrip()
    out.append("")
    return out if len(out) > 1 else ["", ""]


# scripts, remote loads, plugins, forms and base changes forbidden; the one inline style allowed
CONTENT_SECURITY_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; "
                           "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
HTML_STYLE = """body{font:16px/1.45 system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#111}
table{border-collapse:collapse;display:block;overflow-x:auto;margin:.5rem 0}
th,td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}
@media print{body{max-width:none}table{display:table}}"""


def render_html(result: RunResult, title: str = "corpus") -> str:
    """The Markdown report as one self-contained HTML page: no scripts, no external assets, a
    Content-Security-Policy that forbids both. Raw HTML in the Markdown is never passed through
    (markdown-it with html off), and article text was already escaped by `render_markdown`."""
    return html_page(render_markdown(result, title), title)


def html_page(markdown: str, title: str) -> str:
    """A report's Markdown as the self-contained HTML page (see render_html)."""
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"]).render(markdown)
    heading = html.escape(escape.line(f"Where the reports disagree: {title}"))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{heading}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


def _by_story(result: RunResult, facts: list[Fact]) -> list[tuple[str, list[Fact]]]:
    """The facts by story, in the order of each story's first fact, with the story's name."""
    story_of = {f.id: result.stories.get(result.claims[f.claims[0]].source, 0) for f in facts}
    groups: dict[int, list[Fact]] = {}
    for f in facts:
        groups.setdefault(story_of[f.id], []).append(f)
    if len(groups) < 2:
        return [("", facts)] if facts else []
    texts = ((path, " ".join(s.text for s in items)) for path, items in result.sentences.items())
    names = story_names(texts, result.stories)
    return [(names.get(story, "") or f"story {story + 1}", members) for story, members in groups.items()]


def _fact_section(result: RunResult, fact: Fact, judged: list, number: int, severity: str = "", level: str = "###",
                  documents: dict | None = None) -> list[str]:
    """One disputed fact: its figures, consensus, disagreements (`judged`: the fact's pairs;
    `documents`: the run's documents by path, built once for all facts)."""
    unit = _fact_unit(result, fact)
    out = [f"{level} {number}. {_md(fact.label)}" + (f" ({severity})" if severity else ""), "",
           "| Outlet, date | As printed | Normalized | Sentence | Where |", "|---|---|---|---|---|"]
    documents = documents if documents is not None else {d.path: d for d in result.documents}
    for i in fact.claims:
        claim = result.claims[i]
        sentence = result.sentences[claim.source][claim.sentence]
        out.append(
            f"| {_md(_by_whom(result, documents[claim.source]))} | {_quote(claim)} | {_md(_normalized(result.measures[i], unit, claim))} "
            f"| {_around(sentence, claim)} | {_md(claim.source)}:{sentence.line} |"
        )
    out.append("")
    if only := _only_article(result, fact):
        out += [f"One article only: {_md(only)} prints " + " and ".join(
            _quote(result.claims[i]) for i in fact.claims) + ", a figure and its conversion that disagree.", ""]
    else:
        out += _consensus(result, fact, unit)
    lines: dict[str, list[str]] = {}
    for j in judged:
        if not j.verdict.agree:
            line = f"- **{j.verdict.kind}** ({j.verdict.severity}): {_md(j.verdict.explanation)}"
            a, b = _md(result.claims[j.a].source), _md(result.claims[j.b].source)
            lines.setdefault(line, []).append(a if a == b else f"{a} / {b}")
    for line, pairs in lines.items():  # reprints repeat a conflict: say it once, with every pair
        out.append(line + (f" — {len(pairs)} pairs: {'; '.join(pairs)}" if len(pairs) > 1 else f" — {pairs[0]}"))
    shown = set()
    for j in judged:  # a copy that changed its figure: the words that differ, marked
        if j.verdict.kind == "altered-copy":
            a, b = result.claims[j.a], result.claims[j.b]
            diff = word_diff(result.sentences[a.source][a.sentence].text, result.sentences[b.source][b.sentence].text)
            if diff not in shown:
                shown.add(diff)
                out.append(f"- Copy changed ({_md(a.source)} → {_md(b.source)}): {diff}")
    out.append("")
    return out


def _only_article(result: RunResult, fact: Fact) -> str | None:
    """The one article that prints every figure of `fact`, if one does (a figure and its conversion)."""
    sources = {result.claims[i].source for i in fact.claims}
    return next(iter(sources)) if len(sources) == 1 else None


def _by_whom(result: RunResult, document) -> str:
    """Who printed it and when: "Coast Wire, 2023-09-14"; the file name when no outlet is named,
    "(date assumed)" when the article gave none."""
    published = document.published or result.assumed_dates.get(document.path)
    when = f"{published}{' (date assumed)' if document.path in result.assumed_dates else ''}" if published else "undated"
    return f"{document.outlet or document.path}, {when}"


def _consensus(result: RunResult, fact: Fact, unit: str) -> list[str]:
    """"Consensus: 2 independent sources say ...; 1 ... says ...", and the outlier when one side is smaller."""
    out = ["Consensus: " + "; ".join(
        f"{_backers(origins, articles)} {_say(origins)} {_normalized(result.measures[group[0]], unit, result.claims[group[0]])}"
        for group, origins, articles in zip(fact.groups, fact.origins, fact.articles)
    ) + "."]
    if len(fact.groups) > 1 and fact.origins[0] > fact.origins[-1]:
        outlier = fact.groups[-1]
        out.append(f"Outlier: {', '.join(_quote(result.claims[i]) + ' (' + _md(result.claims[i].source) + ')' for i in outlier)}.")
    return out + [""]


def word_diff(old: str, new: str, context: int = 6) -> str:
    """The words of `new` against `old`, Markdown-marked: removed ~~struck~~, added **bold**,
    and at most `context` unchanged words kept around each change ("… at least ~~112~~ **212**
    people were …"). Article text is escaped first."""
    import difflib

    a, b = old.split(), new.split()
    parts: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            same = [_md(w) for w in a[i1:i2]]
            if len(same) > 2 * context:
                same = (same[:context] if parts else []) + ["…"] + (same[-context:] if i2 < len(a) else [])
            parts += same
            continue
        if i2 > i1:
            parts.append("~~" + _md(" ".join(a[i1:i2])) + "~~")
        if j2 > j1:
            parts.append("**" + _md(" ".join(b[j1:j2])) + "**")
    return " ".join(parts)


def _fact_unit(result: RunResult, fact: Fact) -> str:
    first = result.measures[fact.claims[0]]
    if first.dimension in DATED:
        return first.unit
    written = Counter(units.split_multiple(result.measures[i].unit)[1] for i in fact.claims)
    return min(written, key=lambda u: (-written[u], u))  # the commonest unit as printed


def _normalized(m: Measure, unit: str, claim: Claim) -> str:
    if m.dimension in DATED:
        return dated_span(m)
    value = format_value(units.from_base(m.value, unit), unit, claim.quantity.thing)
    prefix = {"upper": "≤ ", "lower": "≥ ", "approx": "~", "vague": "≥ ", "range": "~"}
    return prefix.get(claim.quantity.bound, "") + value


def _backers(origins: int, articles: int) -> str:
    text = f"{origins} independent {_plural(origins, 'source')}"
    return text + (f" ({articles} articles)" if articles != origins else "")


def _say(origins: int) -> str:
    return "says" if origins == 1 else "say"


def _one_per_wording(result: RunResult, claims: tuple[int, ...]) -> list[int]:
    seen, kept = set(), []
    for i in claims:
        key = (result.claims[i].quantity.surface.lower(), result.claims[i].source)
        if key not in seen:
            seen.add(key)
            kept.append(i)
    return kept


def _sources(result: RunResult, claims: tuple[int, ...]) -> str:
    count = len({result.claims[i].source for i in claims})
    return f"{count} {_plural(count, 'source')}"


def _quote(claim: Claim) -> str:
    mark = " (⚠ a bidirectional control character next to this figure may change how it displays)" if "bidi" in claim.marks else ""
    return f"“{_md(claim.quantity.surface)}”{mark}"


def _cite(result: RunResult, i: int) -> str:
    claim = result.claims[i]
    return f"{_md(claim.source)}:{result.sentences[claim.source][claim.sentence].line}"


def _around(sentence, claim: Claim, width: int = 200) -> str:
    """The claim's sentence with its figure in bold, shortened around the figure (never
    through it) to about `width` characters, cut at spaces with "…"."""
    start = claim.quantity.start - sentence.start
    end = claim.quantity.end - sentence.start
    text = sentence.text
    if not (0 <= start < end <= len(text)):
        return _md(_short(text, width))
    before, figure, after = text[:start], text[start:end], text[end:]
    room = max(0, width - len(figure))
    keep_before = min(len(before), max(room // 2, room - len(after)))
    keep_after = min(len(after), room - keep_before)
    if keep_before < len(before):
        cut = before[len(before) - keep_before:]
        before = "…" + (cut.split(" ", 1)[1] if " " in cut else cut)
    if keep_after < len(after):
        cut = after[:keep_after]
        after = (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"
    gap_before = " " if before[-1:].isspace() else ""  # escape.markdown trims: keep the spaces here
    gap_after = " " if after[:1].isspace() else ""
    return f"{_md(before)}{gap_before}**{_md(figure)}**{gap_after}{_md(after)}"


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@lru_cache(maxsize=1024)  # a story's paths, outlets and labels recur in most of its lines
def _md(text: str) -> str:
    return escape.markdown(text)


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"
