"""`make bench`: extraction speed and accuracy against quantulum3, start-up, and corpus scaling
(bench/scaling.py: 1,000 to 10,000 generated articles; `--quick` for a quarter of that).

Run from the repository root. quantulum3 is a bench-only dependency: when it is missing the
comparison columns say so and the rest still runs.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from reconcile.quantities import extract_quantities  # noqa: E402

FIXTURES = ROOT / "fixtures"
GOLD = FIXTURES / "gold" / "quantities.jsonl"


def corpus_text() -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("corpus/**/*")) if p.is_file()]
    parts += [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "mini").rglob("*")) if p.is_file()]
    if GOLD.exists():
        parts += [json.loads(line)["text"] for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return "\n\n".join(parts)


def throughput(function, text: str, min_seconds: float = 2.0) -> float:
    """Bytes per second of `function` over `text`, repeated for at least `min_seconds`."""
    size = len(text.encode("utf-8"))
    runs, start = 0, time.perf_counter()
    while True:
        function(text)
        runs += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return size * runs / elapsed


def quantulum_parse():
    try:
        import warnings

        warnings.filterwarnings("ignore")
        from quantulum3 import parser
    except ImportError:
        return None
    return parser.parse


def gold_scores(parse_spans) -> dict[str, float] | None:
    """Precision, recall and F1 of (span overlap, value) against the gold mentions."""
    if not GOLD.exists():
        return None
    tp = fp = fn = 0
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        gold = [m for m in entry["mentions"] if m["kind"] != "date"]
        found = [f for f in parse_spans(entry["text"]) if f[2] is not None]
        matched = set()
        for start, end, value in found:
            hit = next((k for k, m in enumerate(gold) if k not in matched and start < m["end"] and m["start"] < end
                        and m.get("value") is not None and _close(value, m["value"])), None)
            if hit is None:
                fp += 1
            else:
                matched.add(hit)
                tp += 1
        fn += len(gold) - len(matched)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _close(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-6 * max(abs(x), abs(y), 1e-9)


def reconcile_spans(text: str):
    return [(q.start, q.end, q.value) for q in extract_quantities(text) if q.kind != "date"]


def quantulum_spans(parse):
    def spans(text: str):
        out = []
        for q in parse(text):
            if q.unit.entity.name in ("time", "unknown") and q.unit.name == "dimensionless":
                pass
            out.append((q.span[0], q.span[1], float(q.value)))
        return out
    return spans


def startup_seconds() -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reconcile", "extract", "-"], input="It is 5 km long.",
                       capture_output=True, text=True, check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def news_gold_table(parse) -> None:
    """Issue #10: both extractors on the news gold set's test half (fixtures/gold/news), one
    article sentence at a time, by the rules in bench/news_gold.py."""
    import news_gold

    readers = [("reconcile", news_gold.reconcile_reader())]
    if parse is not None:
        readers.append(("quantulum3", news_gold.quantulum_reader(parse)))
    for name, read in readers:
        result = news_gold.score(read, "test")
        (vp, vr, vf), (up, ur, uf) = result["value"], result["value_unit"]
        role = f", role {result['role']:.3f}" if name == "reconcile" else ""
        print(f"news gold set, test half ({result['gold']} figures), {name}: value P={vp:.3f} R={vr:.3f} F1={vf:.3f}; "
              f"value+unit P={up:.3f} R={ur:.3f} F1={uf:.3f}{role}")


def main() -> None:
    text = corpus_text()
    big = (text + "\n\n") * max(1, 2_000_000 // max(1, len(text)))
    ours = throughput(extract_quantities, big)
    print(f"reconcile extraction: {ours / 1e6:.2f} MB/s on {len(big.encode()) / 1e6:.1f} MB of news text")
    parse = quantulum_parse()
    if parse is not None:
        sample = text[:60_000]
        theirs = throughput(parse, sample, min_seconds=5.0)
        print(f"quantulum3 extraction: {theirs / 1e6:.4f} MB/s on {len(sample.encode()) / 1e3:.0f} kB")
        print(f"speed ratio: {ours / theirs:.0f}x (target: at least 100x)")
    else:
        print("quantulum3 not installed: `pip install quantulum3` to compare")
    scores = gold_scores(reconcile_spans)
    if scores:
        print("gold set (span overlap + value), reconcile: "
              f"P={scores['precision']:.3f} R={scores['recall']:.3f} F1={scores['f1']:.3f}")
        if parse is not None:
            theirs_scores = gold_scores(quantulum_spans(parse))
            print("gold set (span overlap + value), quantulum3: "
                  f"P={theirs_scores['precision']:.3f} R={theirs_scores['recall']:.3f} F1={theirs_scores['f1']:.3f}")
    news_gold_table(parse)
    print(f"CLI start-up (reconcile extract on one sentence): {startup_seconds() * 1000:.0f} ms")
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    import scaling  # whole runs on generated corpora, one process each (issue #12)

    scaling.main(quick="--quick" in sys.argv)


if __name__ == "__main__":
    main()
