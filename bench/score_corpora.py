"""Score reconcile on corpora with expectations as data (fixtures/dev/README.md gives the format).

    python bench/score_corpora.py ROOT [STORY ...]      ROOT holds corpus/<story>/ and expected/<story>.json

Per story: contradiction pairs found and found with the expected kind, false rows (flagged pairs no
expectation covers), agreements judged to agree (the pair judged so, or both in one agreement
group of one fact, with no disagreement flagged between them), unrelated pairs never compared, updates reported.
A last line counts facts, as a reader of the report sees them: expected contradictions with any pair
flagged, and disputed facts shown that hold at least one expected pair.
Each story's folder is run on its own, as a user would point the tool at one story.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from reconcile.pipeline import run_corpus


@dataclass
class Score:
    story: str
    pairs: int = 0
    found: int = 0
    right_kind: int = 0
    false_rows: int = 0
    agreements: int = 0
    agreed: int = 0
    unrelated: int = 0
    apart: int = 0
    updates: int = 0
    updated: int = 0
    unread: int = 0
    facts: int = 0  # expected contradictions (facts), and those with at least one pair flagged
    facts_found: int = 0
    disputed: int = 0  # disputed facts shown to the user, and those holding an expected pair
    disputed_true: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)


def score_story(root: Path, story: str) -> Score:
    expected = json.loads((root / "expected" / f"{story}.json").read_text(encoding="utf-8"))
    result = run_corpus(root / "corpus" / story)
    texts = {d.path: d.text for d in result.documents}
    s = Score(story)

    def at(loc) -> set[int]:
        path = loc["file"].split("/", 1)[1]
        text = texts.get(path, "")
        start = text.find(loc["quote"])
        if start < 0:
            return set()
        end = start + len(loc["quote"])
        return {i for i, c in enumerate(result.claims)
                if c.source == path and c.quantity is not None and c.quantity.start < end and start < c.quantity.end}

    judged = {}
    for j in result.judged:
        judged[(j.a, j.b)] = judged[(j.b, j.a)] = j

    def between(a: set[int], b: set[int]):
        return [judged[(x, y)] for x in a for y in b if (x, y) in judged]

    # a fact's agreement group is a judgement that its members agree (facts.group_facts checks
    # each member against every other), whether or not the pair itself was judged
    group_of = {i: (f.id, g) for f in result.facts for g, members in enumerate(f.groups) for i in members}

    def agreed(a: set[int], b: set[int]) -> bool:
        got = between(a, b)
        if any(not (j.verdict.agree and j.verdict.kind == "agreement") for j in got):
            return False
        return bool(got) or any(x in group_of and group_of[x] == group_of.get(y) for x in a for y in b)

    covered = set()
    flagged_pairs = {(j.a, j.b) for j in result.contradictions} | {(j.b, j.a) for j in result.contradictions}
    for c in expected.get("contradictions", []):
        s.facts += 1
        a_all = set().union(*(at(x) for x in c["a"]))
        b_all = set().union(*(at(x) for x in c["b"]))
        s.facts_found += any((x, y) in flagged_pairs for x in a_all for y in b_all)
        for la in c["a"]:
            for lb in c["b"]:
                if la["file"] == lb["file"]:
                    continue
                a, b = at(la), at(lb)
                s.pairs += 1
                if not a or not b:
                    s.unread += 1
                    s.misses.append(f"unread: {la['quote']!r} / {lb['quote']!r}")
                    continue
                covered |= {(x, y) for x in a for y in b} | {(y, x) for x in a for y in b}
                flagged = [j for j in between(a, b) if not j.verdict.agree]
                if flagged:
                    s.found += 1
                    s.right_kind += any(j.verdict.kind == c["kind"] for j in flagged)
                    if not any(j.verdict.kind == c["kind"] for j in flagged):
                        s.misses.append(f"kind {flagged[0].verdict.kind} for {c['kind']}: {la['quote']!r} / {lb['quote']!r}")
                else:
                    got = between(a, b)
                    s.misses.append(f"{'judged ' + got[0].verdict.kind if got else 'not compared'}: "
                                    f"{c['fact']}: {la['quote']!r} ({la['file']}) / {lb['quote']!r} ({lb['file']})")
    for j in result.contradictions:
        if (j.a, j.b) not in covered and result.claims[j.a].source != result.claims[j.b].source:
            s.false_rows += 1
            s.false.append(f"{j.verdict.kind}: {result.claims[j.a].quantity.surface!r} ({result.claims[j.a].source}) / "
                           f"{result.claims[j.b].quantity.surface!r} ({result.claims[j.b].source})")
    by_fact: dict[int, bool] = {}
    for j in result.contradictions:
        if result.claims[j.a].source != result.claims[j.b].source:
            by_fact[j.fact] = by_fact.get(j.fact, False) or (j.a, j.b) in covered
    s.disputed, s.disputed_true = len(by_fact), sum(by_fact.values())
    for c in expected.get("agreements", []):
        claims = c["claims"]
        for x in range(len(claims)):
            for y in range(x + 1, len(claims)):
                if claims[x]["file"] == claims[y]["file"]:
                    continue
                s.agreements += 1
                s.agreed += agreed(at(claims[x]), at(claims[y]))
    for c in expected.get("unrelated", []):
        s.unrelated += 1
        got = between(at(c["a"]), at(c["b"]))
        s.apart += not got
        if got:
            s.misses.append(f"unrelated but judged {got[0].verdict.kind}: {c['a']['quote']!r} ({c['a']['file']}) / {c['b']['quote']!r} ({c['b']['file']})")
    for c in expected.get("updates", []):
        s.updates += 1
        got = between(at(c["earlier"]), at(c["later"]))
        s.updated += bool(got) and all(j.verdict.kind == "update" for j in got)
    return s


def main(argv: list[str]) -> int:
    root = Path(argv[0])
    stories = argv[1:] or sorted(p.stem for p in (root / "expected").glob("*.json"))
    total = Score("all")
    print(f"{'story':40} {'found':>9} {'kind':>9} {'false':>5} {'agree':>9} {'apart':>9} {'updates':>9}")
    for story in stories:
        s = score_story(root, story)
        for name in ("pairs", "found", "right_kind", "false_rows", "agreements", "agreed", "unrelated", "apart", "updates", "updated",
                     "facts", "facts_found", "disputed", "disputed_true"):
            setattr(total, name, getattr(total, name) + getattr(s, name))
        print(f"{story:40} {s.found:>4}/{s.pairs:<4} {s.right_kind:>4}/{s.pairs:<4} {s.false_rows:>5} "
              f"{s.agreed:>4}/{s.agreements:<4} {s.apart:>4}/{s.unrelated:<4} {s.updated:>4}/{s.updates:<4}")
        if "-v" in sys.argv:
            for line in s.misses + ["FALSE " + f for f in s.false]:
                print("    " + line)
    print(f"{'total':40} {total.found:>4}/{total.pairs:<4} {total.right_kind:>4}/{total.pairs:<4} {total.false_rows:>5} "
          f"{total.agreed:>4}/{total.agreements:<4} {total.apart:>4}/{total.unrelated:<4} {total.updated:>4}/{total.updates:<4}")
    # what a reader of the report sees: expected disputes with any pair flagged, and shown disputes that are real
    print(f"facts: {total.facts_found}/{total.facts} expected contradictions found (any pair flagged); "
          f"{total.disputed_true}/{total.disputed} disputed facts shown hold an expected pair")
    return 0


if __name__ == "__main__":
    sys.exit(main([a for a in sys.argv[1:] if a != "-v"]))
