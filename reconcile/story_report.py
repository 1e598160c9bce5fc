"""The report and summary of a run handed on story by story (pipeline.analyze's `each_story`):
each story's lines are made when it is judged, kept as UTF-8, and put in the report's order
at the end. Byte for byte what report.render_markdown (encoded as UTF-8) and report.summarize give for the
whole run (tested): sections are the same functions' output, in the same order."""

from __future__ import annotations

from .pipeline import RunResult, _copy_order, _variant_order
from .report import (SEVERITY_ORDER, TIMELINE_INTRO, Summary, _cite, _fact_section, _md, _one_per_wording, _plural,
                     _quote, _short, _sources, count, disputed_rows, stories_line)
from .stories import story_names


class StoryReport:
    """`add` each story's RunResult in story order, then `finish` with the run's head (the
    RunResult analyze returns: articles, skipped files, stories, dates)."""

    def __init__(self, title: str = "corpus") -> None:
        self.title = title
        self.figures = self.agreed = self.copied = self.disputed = self.contradictions = 0
        self.rows: list[tuple] = []  # disputed_rows, each with its fact's number
        self.stories: list[tuple[str, list[bytes], list[int]]] = []  # name, fact sections, their headings
        self.timelines: list[bytes] = []
        self.agreements: list[bytes] = []
        self.copies: list[tuple] = []  # (order, line): the whole run's order is made at the end
        self.aliases: list[tuple] = []
        self.variants: list[tuple] = []

    def add(self, part: RunResult) -> None:
        self.figures += sum(1 for c in part.claims if c.quantity is not None)
        self.contradictions += sum(1 for j in part.judged if not j.verdict.agree)
        self.copied += len(part.copies)
        disputed = [f for f in part.facts if f.disputed]
        numbers = {f.id: self.disputed + n for n, f in enumerate(disputed, 1)}
        self.disputed += len(disputed)
        rows = disputed_rows(part)
        self.rows += [(row, numbers[row[4]]) for row in rows]
        judged_in: dict[int, list] = {}
        for j in part.judged:
            judged_in.setdefault(j.fact, []).append(j)
        if disputed:
            self._disputed(part, disputed, numbers, {fact_id: level for _, level, _, _, fact_id in rows}, judged_in)
        self._timelines(part, judged_in)
        agreed = [f for f in part.facts if not f.disputed]
        self.agreed += len(agreed)
        for fact in agreed:
            self.agreements.append((f"- **{_md(fact.label)}**: " + " ≈ ".join(
                f"{_quote(part.claims[i])} ({_cite(part, i)})" for i in _one_per_wording(part, fact.claims)
            ) + f" ({_sources(part, fact.claims)})").encode("utf-8"))
        for c in part.copies:
            a = part.sentences[c.source_a][c.sentence_a]
            b = part.sentences[c.source_b][c.sentence_b]
            note = "identical" if c.identical else f"{c.similarity:.0f}% similar"
            self.copies.append((_copy_order(c), f"- {_md(c.source_a)}:{a.line} ≈ {_md(c.source_b)}:{b.line} ({note}): "
                                                f"“{_md(_short(a.text))}”".encode("utf-8")))
        self.aliases += [(a.canonical, f"- {' = '.join(f'“{_md(n)}”' for n in a.names)} ({_md(', '.join(a.sources))})"
                          .encode("utf-8")) for a in part.aliases]
        self.variants += [(_variant_order(v), f"- “{_md(v.name_a)}” ({_md(', '.join(v.sources_a))}) / “{_md(v.name_b)}” "
                                              f"({_md(', '.join(v.sources_b))})".encode("utf-8")) for v in part.variants]

    def _disputed(self, part: RunResult, disputed: list, numbers: dict, severity: dict, judged_in: dict) -> None:
        """The story's disputed facts, under a story heading of level #### (made ### at the end
        when the run has one story with disputed facts, as report._by_story does)."""
        texts = ((path, " ".join(s.text for s in items)) for path, items in part.sentences.items())
        story = next(iter(part.stories.values()))
        name = story_names(texts, part.stories).get(story, "") or f"story {story + 1}"
        documents = {d.path: d for d in part.documents}
        lines: list[bytes] = []
        headings = []
        for fact in disputed:
            headings.append(len(lines))
            lines += [line.encode("utf-8") for line in _fact_section(
                part, fact, judged_in[fact.id], numbers[fact.id], severity.get(fact.id, ""), "####", documents)]
        self.stories.append((name, lines, headings))

    def _timelines(self, part: RunResult, judged_in: dict) -> None:
        labels = {f.id: f.label for f in part.facts}
        for fact_id in sorted({j.fact for j in part.judged if j.verdict.kind == "update"}):
            members = {i for j in judged_in[fact_id] if j.verdict.kind == "update" for i in (j.a, j.b)}
            steps = sorted(members, key=lambda i: (part.claims[i].frame.as_of, part.measures[i].value, part.claims[i].source))
            self.timelines.append((f"- **{_md(labels.get(fact_id, 'tally'))}**: " + " → ".join(
                f"{_quote(part.claims[i])} ({part.claims[i].frame.as_of or 'undated'}, {_cite(part, i)})" for i in steps
            )).encode("utf-8"))

    def finish(self, head: RunResult) -> tuple[list[bytes], Summary]:
        """The report as its UTF-8 lines (joined by newlines: render_markdown's text as UTF-8; never
        joined here, as the report of 10,000 articles runs to tens of megabytes) and the
        terminal summary; the parts' lines are released."""
        rows = sorted(self.rows, key=lambda r: (SEVERITY_ORDER.get(r[0][1], 3), r[0][0]))
        lines = self._lines(head, rows)
        summary = Summary(
            f"{count(len(head.documents), 'article')}, {count(self.figures, 'figure')}, "
            f"{count(len(rows), 'disputed fact')} ({count(self.contradictions, 'contradicting pair')}), "
            f"{count(self.agreed, 'agreed fact')}, {count(self.copied, 'copied passage')}, {len(head.skipped)} skipped.",
            tuple((a, b, c, tuple(d), e) for (a, b, c, d, e), _ in rows),
            stories_line(head.stories) if len(head.documents) > 1 else "",
            tuple(f"skipped {s.path}: {s.reason}" for s in head.skipped),
            tuple(f"warning {d.path}: {d.warning}" for d in head.documents if d.warning))
        return lines, summary

    def _lines(self, head: RunResult, rows: list) -> list[bytes]:
        """report._markdown_lines, from the parts' lines."""
        def text(*items: str) -> list[bytes]:
            return [item.encode("utf-8") for item in items]

        out = text(f"# Where the reports disagree: {_md(self.title)}", "",
                   f"{len(head.documents)} articles, {self.figures} figures read, "
                   f"{self.disputed} disputed {_plural(self.disputed, 'fact')}, "
                   f"{self.agreed} {_plural(self.agreed, 'fact')} where the sources agree, "
                   f"{self.copied} copied {_plural(self.copied, 'passage')}.", "")
        if rows:
            out += text("## Check first", "")
            out += text(*(f"- **{_md(label)}** ({severity}; {kinds}): " + " vs ".join(_md(side) for side in sides)
                          + f" (see {number} below; fact id {fact_id})" for (label, severity, kinds, sides, fact_id), number in rows))
            out.append(b"")
        out += text("## Sources", "", "| Source | Outlet | Date | Title |", "|---|---|---|---|")
        for d in head.documents:
            published = d.published or head.assumed_dates.get(d.path)
            date_text = f"{published}{' (assumed)' if d.path in head.assumed_dates else ''}" if published else "unknown"
            out += text(f"| {_md(d.path)} | {_md(d.outlet or '')} | {date_text} | {_md(d.title or '')} |")
        out += text("", "## Disputed facts", "")
        if not self.disputed:
            out += text("No contradictions found.", "")
        several = len(self.stories) > 1
        for name, lines, headings in self.stories:
            if several:
                out += text(f"### Story: {_md(name)}", "")
            else:
                for i in headings:
                    lines[i] = lines[i][1:]  # "#### 1. ..." -> "### 1. ..."
            out += lines
        if self.timelines:
            out += text("## Timelines", "", TIMELINE_INTRO, "")
            out += self.timelines + [b""]
        out += text("## Agreements", "")
        if not self.agreed:
            out += text("No figure is reported by more than one source.", "")
        out += self.agreements + [b""]
        if self.copies:
            out += text("## Copied passages", "",
                        "Near-identical sentences in different sources: a wire report or one outlet copying another. "
                        "Each copy counts once in the consensus.", "")
            out += [line for _, line in sorted(self.copies, key=lambda c: c[0])] + [b""]
        if self.aliases:
            out += text("## Names for one thing", "", "Different names the sources use for the same thing.", "")
            out += [line for _, line in sorted(self.aliases, key=lambda a: a[0])] + [b""]
        if self.variants:
            out += text("## Spelling variants", "", "Names spelt differently across sources (not contradictions).", "")
            out += [line for _, line in sorted(self.variants, key=lambda v: v[0])] + [b""]
        warned = [d for d in head.documents if d.warning]
        if warned:
            out += text("## Warnings", "", *(f"- {_md(d.path)}: {_md(d.warning)}" for d in warned), "")
        if head.skipped:
            out += text("## Skipped files", "", *(f"- {_md(s.path)}: {_md(s.reason)}" for s in head.skipped), "")
        while out and not out[-1].decode("utf-8").strip():
            out.pop()
        if out:
            out[-1] = out[-1].decode("utf-8").rstrip().encode("utf-8")
        out.append(b"")
        self.stories = self.timelines = self.agreements = self.copies = self.aliases = self.variants = []
        return out if len(out) > 1 else [b"", b""]
