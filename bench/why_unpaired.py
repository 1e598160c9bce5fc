"""Why expected pairs were not compared: a development tool for the aligner.

    python bench/why_unpaired.py ROOT [STORY ...] [-v]

For every expected agreement or contradiction pair (cross-file) that the run never compared,
names the first gate that stopped it: a frame field in conflict, the head noun, far apart,
crowded sentence, or a word score under the threshold. Prints a count per reason.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from reconcile import align as al
from reconcile import frames
from reconcile.compare import printed_number
from reconcile.pipeline import run_corpus


def frame_conflict(a: frames.Frame, b: frames.Frame) -> str:
    if a.attribute and b.attribute and a.attribute != b.attribute:
        return f"attribute {a.attribute}|{b.attribute}"
    if a.part != b.part:
        return f"part {a.part}|{b.part}"
    if a.change != b.change:
        return f"change {a.change}|{b.change}"
    if a.modality and b.modality and a.modality != b.modality and "modal" not in (a.modality, b.modality) \
            or (a.modality == "proposed") != (b.modality == "proposed"):
        return "modality"  # as frames.compatible: "modal" meets planned and actual
    if a.period != b.period and not frames._absolute(a.period, b.period, frames._present_of(a, b)):
        return f"period {a.period}|{b.period}"
    if a.subject and b.subject and not frames.same_subject(a.subject, b.subject):
        return "subject"
    if a.target and b.target and a.target != b.target:
        return "target"
    if frames._moves_on_other_days(a, b):
        return "day"
    return ""


def main(argv: list[str]) -> int:
    root = Path(argv[0])
    stories = argv[1:] or sorted(p.stem for p in (root / "expected").glob("*.json"))
    reasons: Counter = Counter()
    for story in stories:
        expected = json.loads((root / "expected" / f"{story}.json").read_text(encoding="utf-8"))
        result = run_corpus(root / "corpus" / story)
        texts = {d.path: d.text for d in result.documents}
        claims, measures = result.claims, result.measures
        judged = {(j.a, j.b) for j in result.judged} | {(j.b, j.a) for j in result.judged}

        def at(loc):
            path = loc["file"].split("/", 1)[1]
            text = texts.get(path, "")
            s = text.find(loc["quote"])
            if s < 0:
                return []
            e = s + len(loc["quote"])
            return [i for i, c in enumerate(claims) if c.source == path and c.quantity is not None
                    and c.quantity.start < e and s < c.quantity.end and measures[i] is not None]

        pairs = []
        for c in expected.get("agreements", []):
            cl = c["claims"]
            pairs += [(cl[x], cl[y], "agree") for x in range(len(cl)) for y in range(x + 1, len(cl)) if cl[x]["file"] != cl[y]["file"]]
        for c in expected.get("contradictions", []):
            pairs += [(x, y, "contra") for x in c["a"] for y in c["b"] if x["file"] != y["file"]]
        for la, lb, what in pairs:
            A, B = at(la), at(lb)
            if not A or not B:
                reasons[(what, "unread")] += 1
                continue
            if any((x, y) in judged for x in A for y in B):
                continue
            i, j = A[0], B[0]
            a, b = claims[i], claims[j]
            ma, mb = measures[i], measures[j]
            if al.block_dimension(a, ma) != al.block_dimension(b, mb):
                why = f"dimension {ma.dimension}|{mb.dimension}"
            elif (f := frame_conflict(a.frame, b.frame)):
                why = "frame " + f
            elif not al.compatible(a, b):
                why = "head/duration/count"
            elif al.far_apart(ma, mb):
                why = "far apart"
            else:
                why = "words (score or crowded)"
            reasons[(what, why.split(" ")[0] + (" " + why.split(" ")[1] if why.startswith("frame") else ""))] += 1
            if "-v" in sys.argv:
                print(f"{what:6} {why:40} {la['quote']!r} / {lb['quote']!r}   [{a.frame}] [{b.frame}]")
    for (what, why), n in reasons.most_common():
        print(f"{n:5}  {what:6} {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main([a for a in sys.argv[1:] if a != "-v"]))
