"""The scaling table of `make bench` (issue #12): whole runs as a user starts them, one process
each, on generated corpora (bench/scale.py), with wall time and the process's peak memory.

Sizes: 1x = 1,000 articles in ~270 stories, 4x, 10x (10,000 articles); one story of 420
articles plus 25 verbatim reprints; an unchanged rerun and a rerun after one edited article at
10x; `check --db` with a 2,000-word draft against the 10x store (median of five cold starts).
`python bench/scaling.py [--quick]` (quick: 1x = 250 articles).
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale  # noqa: E402


# A child's peak resident memory (wait4's ru_maxrss) starts at its parent's size: Linux keeps the
# high-water mark of the memory the child shared before exec. This bench process grows to
# hundreds of MB, so each run is started from a small fresh interpreter that reports its own
# child's figure (it once reported 555 MB for a run that peaks at 85 MB).
TRAMPOLINE = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execv(sys.executable, [sys.executable, "-m", "reconcile", *sys.argv[2:]])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(f"{time.perf_counter() - start} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def timed(args: list[str]) -> tuple[float, float]:
    """(seconds, peak resident MB) of `python -m reconcile ARGS` in a fresh process."""
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as figures:
        actions = [(os.POSIX_SPAWN_DUP2, out.fileno(), 1), (os.POSIX_SPAWN_DUP2, out.fileno(), 2)]
        pid = os.posix_spawn(sys.executable, [sys.executable, "-c", TRAMPOLINE, figures.name, *args], dict(os.environ),
                             file_actions=actions)
        os.waitpid(pid, 0)
        elapsed, maxrss, code = figures.read().split()
        if int(code) not in (0, 1):
            out.seek(0)
            raise SystemExit(f"reconcile {' '.join(args)} failed: {out.read().decode()[-500:]}")
    return float(elapsed), int(maxrss) / 1024


def rows(db: Path) -> tuple[int, int, int]:
    """(contradiction rows, comparison rows, stories) in a stored run."""
    with sqlite3.connect(db) as con:
        return (con.execute("select count(*) from contradictions").fetchone()[0],
                con.execute("select count(*) from comparisons").fetchone()[0],
                con.execute("select count(distinct story) from facts").fetchone()[0])


def _ids(db: Path, table: str) -> list:
    with sqlite3.connect(db) as con:
        return [tuple(r) for r in con.execute(f"select * from {table} order by 1")]


def keys(db: Path) -> set[str]:
    with sqlite3.connect(db) as con:
        return {r[0] for r in con.execute("select key from extractions")}


def quantulum_seconds_per_article(path: Path, sample: int = 40) -> float | None:
    """quantulum3's parse of one article, after its one-off load, as a user calls it."""
    try:
        import warnings
        warnings.filterwarnings("ignore")
        from quantulum3 import parser
    except ImportError:
        return None
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()[:sample]]
    parser.parse("It is 5 km long.")  # the one-off load
    start = time.perf_counter()
    for text in texts:
        parser.parse(text)
    return (time.perf_counter() - start) / len(texts)


def main(quick: bool = False) -> None:
    base = 250 if quick else 1000
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        table = []
        for factor in (1, 4, 10):
            corpus = tmp / f"many{factor}.jsonl"
            size = scale.write(corpus, scale.many_stories(base * factor))
            db = tmp / f"many{factor}.db"
            seconds, peak = timed(["run", str(corpus), "--db", str(db), "--report", str(tmp / f"r{factor}.md"), "--quiet"])
            contradictions, comparisons, stories = rows(db)
            articles = sum(1 for _ in corpus.open(encoding="utf-8"))
            table.append((factor, articles, size, seconds, peak, contradictions, comparisons, stories))
        print("| corpus | articles | MB | stories found | time | MB/s | peak memory | contradiction rows | comparison rows |")
        print("|---|---|---|---|---|---|---|---|---|")
        for factor, articles, size, seconds, peak, contradictions, comparisons, stories in table:
            print(f"| {factor}x | {articles:,} | {size / 1e6:.1f} | {stories:,} | {seconds:.1f} s | {size / 1e6 / seconds:.2f} | "
                  f"{peak:.0f} MB | {contradictions:,} | {comparisons:,} |")
        first, last = table[0], table[-1]
        print(f"10x the corpus: {last[3] / first[3]:.1f}x the time (target at most 11x), "
              f"{last[5] / max(1, first[5]):.1f}x the contradiction rows (at most 11x), peak memory {last[4]:.0f} MB (at most 400 MB)")

        big, db = tmp / "many10.jsonl", tmp / "many10.db"
        before = keys(db)
        again, _ = timed(["run", str(big), "--db", str(db), "--report", str(tmp / "again.md"), "--quiet"])
        print(f"unchanged rerun at 10x: {again:.1f} s, {again / last[3]:.0%} of the first run (target at most 10%)")
        lines = big.read_text(encoding="utf-8").splitlines()
        row = json.loads(lines[7])
        row["text"] = row["text"].replace("\n\n", "\n\nAn editor's note was added to this article.\n\n", 1)
        lines[7] = json.dumps(row, ensure_ascii=False)
        big.write_text("\n".join(lines) + "\n", encoding="utf-8")
        edited, _ = timed(["run", str(big), "--db", str(db), "--report", str(tmp / "edited.md"), "--quiet"])
        print(f"rerun after one edited article at 10x: {edited:.1f} s; articles read again: {len(keys(db) - before)}")

        draft = tmp / "draft.md"
        draft.write_text(scale.draft(2000), encoding="utf-8")
        times = [timed(["check", str(draft), "--db", str(db), "--exit-zero"])[0] for _ in range(5)]
        print(f"check --db, a 2,000-word draft against the 10x store ({last[1]:,} articles): "
              f"median {statistics.median(times):.2f} s of five cold starts (target under 1 s)")

        try:
            import distributed  # noqa: F401
        except ImportError:
            print("dask.distributed not installed: no dask engine figures (pip install 'reconcile[dask]')")
        else:  # the edited 10x corpus again, on two local workers, into a new database
            dask_db = tmp / "dask.db"
            seconds, _ = timed(["run", str(big), "--db", str(dask_db), "--report", str(tmp / "dask.md"), "--quiet",
                                "--engine", "dask", "--jobs", "2"])
            one_core, _ = timed(["run", str(big), "--db", str(tmp / "local.db"), "--report", str(tmp / "local.md"),
                                 "--quiet", "--jobs", "1"])
            same = all(_ids(dask_db, table) == _ids(tmp / "local.db", table) for table in ("claims", "comparisons", "facts"))
            print(f"dask engine, two local workers, 10x: {seconds:.1f} s against {one_core:.1f} s on one core "
                  f"({one_core / seconds:.2f}x); rows identical to the local engine's: {'yes' if same else 'NO'}")

        one = tmp / "one.jsonl"
        size = scale.write(one, scale.one_story(420, reprints=25))
        seconds, peak = timed(["run", str(one), "--db", str(tmp / "one.db"), "--report", str(tmp / "one.md"), "--quiet"])
        contradictions, comparisons, stories = rows(tmp / "one.db")
        print(f"one story of 445 articles (25 verbatim reprints): {stories} story found, {seconds:.1f} s, {peak:.0f} MB, "
              f"{contradictions:,} contradiction rows, {comparisons:,} comparison rows")

        # last: loading quantulum3 grows this process, and Linux counts a parent's size in the
        # peak memory of every child it starts after that
        per_article = first[3] / first[1]
        theirs = quantulum_seconds_per_article(tmp / "many1.jsonl")
        if theirs is not None:
            print(f"per article: reconcile's whole run {per_article * 1000:.1f} ms, quantulum3's extraction alone "
                  f"{theirs * 1000:.1f} ms: {theirs / per_article:.1f}x (target at least 25x)")
        else:
            print("quantulum3 not installed: no per-article comparison")


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
