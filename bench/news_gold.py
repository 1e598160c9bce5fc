"""Score an extractor on the news gold set (fixtures/gold/news/*.jsonl, issue #10).

The gold set was annotated blind (before any extractor output was looked at) by five
annotators, from real outlets' reports in ten topics, each sentence reworded and each figure
phrase kept as printed; the provenance files name outlet, date and address. Whole articles are
split into a development half and a test half. The test half is scored once, at the end.

Scoring rules, fixed before the first score:
- Scored gold mentions: kinds quantity, money, percent, count, duration, age. Dates and "other"
  (ordinals, multipliers, sports scores) are not scored: a system figure overlapping one is
  neither right nor wrong.
- A system figure matches a gold mention when their spans overlap (hedge words inside or
  outside the span do not matter). Each is matched at most once, best match first.
- Value: the printed value, or its value in base units, agrees to 1e-6 (ranges by midpoint; a
  vague gold amount matches a vague system figure).
- Value + unit: also the same dimension. Gold units are pint names; "X / noun" (USD / share)
  is money per a thing, matched by the thing's lemma; an age is a count of "age" in years;
  a count's thing is not compared. Two annotator spellings pint lacks are mapped
  (pound_force_foot, newton_meter).
- Precision = right / system figures not overlapping a date or "other"; recall = right / gold.
  (Corrected after the first development-half score: a vague gold amount's unit was never
  matched because it has no value; it is now matched by dimension alone.)
- Role: among gold mentions matched on value, how often level / change / prior agrees, and
  among changes how often the direction agrees.

Usage: python bench/news_gold.py [dev|test]   (default dev)
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reconcile import units  # noqa: E402
from reconcile.errors import UnitError  # noqa: E402

GOLD_DIR = ROOT / "fixtures" / "gold" / "news"
SCORED = frozenset({"quantity", "money", "percent", "count", "duration", "age"})
ALIASES = {"pound_force_foot": "force_pound * foot", "newton_meter": "newton * meter",
           "metric_horsepower": "metric_horsepower"}
PEOPLE = {"person": "people", "persons": "people"}


@dataclass(frozen=True)
class Found:
    """One system figure: span, value in its own unit, unit, per-thing, role."""

    start: int
    end: int
    kind: str
    value: float | None
    unit: str | None
    thing: str | None
    bound: str
    role: str = ""
    direction: str = ""


def entries(half: str) -> list[dict]:
    out = []
    for path in sorted(GOLD_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and (entry := json.loads(line))["split"] == half:
                out.append(entry)
    return out


def _lemma(word: str | None) -> str:
    word = (word or "").lower().strip()
    word = PEOPLE.get(word, word)
    return word[:-1] if word.endswith("s") and len(word) > 3 and not word.endswith("ss") else word


def _base(value: float, unit: str) -> tuple[str, float] | None:
    """(dimension, value in base units) by pint, or None when pint cannot read the unit."""
    multiple, unit = units.split_multiple(ALIASES.get(unit, unit))
    try:
        c = units.conversion(unit)
    except UnitError:
        return None
    return c.dimension, (value * multiple) * c.factor + c.offset


def gold_key(m: dict) -> tuple | None:
    """(kind of measure, dimension, per-thing, base value) of a gold mention."""
    value, unit = m.get("value"), m.get("unit") or "dimensionless"
    if value is None and m.get("bound") == "vague":
        value = 1.0  # "dozens of deaths": no value, but a unit to match
    if value is None or not isinstance(value, (int, float)):
        return None
    if m["kind"] == "age":
        return ("age", "", "", float(value))
    if m["kind"] == "count" and unit.split(" / ")[0] == "count":
        return _count_key(float(value), unit)
    if (b := _base(float(value), unit)) is not None:
        return ("pint", b[0], "", b[1])
    if " / " in unit:
        head, _, per = unit.partition(" / ")
        if (b := _base(float(value), head)) is not None:
            return ("pint", b[0], _lemma(per), b[1])
    return ("unknown", unit, "", float(value))


def _count_key(value: float, unit: str) -> tuple:
    """A count's key: its rate's dimension ("count / day") and value per base time; its thing is not compared."""
    rest = unit.partition(" / ")[2]
    base = _base(1.0, f"count / {rest}") if rest else ("", 1.0)
    return ("count", base[0] if base else rest, "", value * (base[1] if base else 1.0))


def found_key(f: Found) -> tuple | None:
    if f.value is None:
        return None
    unit = f.unit or "dimensionless"
    if f.kind == "count" and f.thing == "age":
        return ("age", "", "", f.value)
    if f.kind == "count" or unit.split(" / ")[0] == "count":
        return _count_key(f.value, unit)
    if (b := _base(f.value, unit)) is not None:
        return ("pint", b[0], _lemma(f.thing) if f.kind == "money" and f.thing else "", b[1])
    return ("unknown", unit, "", f.value)


def _close(x: float, y: float) -> bool:
    return math.isfinite(x) and math.isfinite(y) and abs(x - y) <= 1e-6 * max(abs(x), abs(y), 1e-12)


def _value_match(m: dict, f: Found, gk: tuple | None, fk: tuple | None) -> bool:
    if m.get("value") is None:
        return m.get("bound") == "vague" and f.bound == "vague"
    if not isinstance(m["value"], (int, float)) or f.value is None:
        return False
    return _close(float(m["value"]), f.value) or (gk is not None and fk is not None and _close(gk[3], fk[3]))


def _unit_match(gk: tuple | None, fk: tuple | None) -> bool:
    return gk is not None and fk is not None and gk[:3] == fk[:3]


def score(read, half: str = "dev") -> dict:
    """`read(text) -> list[Found]`. Returns counts, P/R/F1 for value and value+unit, role figures,
    and the misses and false figures for inspection."""
    n_gold = n_sys = tp_v = tp_vu = 0
    role_n = role_ok = dir_n = dir_ok = 0
    misses, extras, roles = [], [], []
    for entry in entries(half):
        text = entry["text"]
        gold = [m for m in entry["mentions"] if m["kind"] in SCORED]
        neutral = [m for m in entry["mentions"] if m["kind"] not in SCORED]
        system = [f for f in read(text) if f.kind != "date"]
        used: set[int] = set()
        for m in gold:
            n_gold += 1
            gk = gold_key(m)
            best, best_rank = None, 0
            for k, f in enumerate(system):
                if k in used or not (f.start < m["end"] and m["start"] < f.end):
                    continue
                fk = found_key(f)
                rank = 1 + _value_match(m, f, gk, fk) + (_value_match(m, f, gk, fk) and _unit_match(gk, fk))
                if rank > best_rank:
                    best, best_rank = k, rank
            if best is None:
                misses.append((entry["id"], m["surface"], "unread"))
                continue
            used.add(best)
            f = system[best]
            if best_rank >= 2:
                tp_v += 1
                if m.get("role"):
                    role_n += 1
                    role_ok += f.role == m["role"]
                    if f.role != m["role"]:
                        roles.append((entry["id"], m["surface"], f"role {f.role or '-'} for {m['role']}"))
                    if m["role"] == "change" and f.role == "change":
                        dir_n += 1
                        dir_ok += (f.direction or "") == (m.get("direction") or "")
            if best_rank == 3:
                tp_vu += 1
            else:
                misses.append((entry["id"], m["surface"], f"read as {text[f.start:f.end]!r} {f.value} {f.unit}"))
        for k, f in enumerate(system):
            if k in used:
                continue
            if any(f.start < m["end"] and m["start"] < f.end for m in neutral):
                continue
            n_sys += 1
            extras.append((entry["id"], text[f.start:f.end], f.value, f.unit))
        n_sys += len(used)

    def prf(tp: int) -> tuple[float, float, float]:
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    return {"gold": n_gold, "system": n_sys, "value": prf(tp_v), "value_unit": prf(tp_vu),
            "role": role_ok / role_n if role_n else 0.0, "direction": dir_ok / dir_n if dir_n else 0.0,
            "misses": misses, "extras": extras, "roles": roles}


def reconcile_reader():
    from reconcile.extract import read_figures

    def read(text: str) -> list[Found]:
        return [Found(f.quantity.start, f.quantity.end, f.quantity.kind, f.quantity.value, f.quantity.unit,
                      f.quantity.thing, f.quantity.bound, f.role, f.direction) for f in read_figures(text)]
    return read


QUANTULUM_NAMES = {"percentage": "percent", "barrel": "oil_barrel", "degree Celsius": "degree_Celsius",
                   "degree Fahrenheit": "degree_Fahrenheit", "pound sterling": "GBP", "euro": "EUR",
                   "yen": "JPY", "indian rupee": "INR", "square kilometre": "kilometer ** 2",
                   "square mile": "mile ** 2", "square metre": "meter ** 2", "square foot": "foot ** 2"}


def quantulum_reader(parse):
    """quantulum3 called as a user calls it; its unit names mapped to pint's where one exists,
    a dimensionless figure read as a count (the benefit of the doubt)."""
    def unit_of(q) -> tuple[str | None, float]:
        u = q.unit
        if u.name == "cent":
            return "USD", 0.01
        parts = []
        for d in u.dimensions:
            name = getattr(u, "currency_code", None) if u.entity.name == "currency" else None
            name = name or QUANTULUM_NAMES.get(d["base"], d["base"].replace("metre", "meter").replace("litre", "liter").replace(" ", "_"))
            parts.append((name, d["power"]))
        if parts == [("dimensionless", 1)]:
            return "count", 1.0
        top = " * ".join(n for n, p in parts if p > 0) or "dimensionless"
        bottom = [n for n, p in parts if p < 0]
        return (f"{top} / {bottom[0]}" if bottom else top), 1.0

    def read(text: str) -> list[Found]:
        out = []
        for q in parse(text):
            unit, factor = unit_of(q)
            kind = "count" if unit == "count" else "quantity"
            out.append(Found(q.span[0], q.span[1], kind, float(q.value) * factor, unit, None, "exact"))
        return out
    return read


def main() -> None:
    half = sys.argv[1] if len(sys.argv) > 1 else "dev"
    verbose = "-v" in sys.argv
    result = score(reconcile_reader(), half)
    print(f"news gold set, {half} half: {result['gold']} gold figures, {result['system']} read")
    for name in ("value", "value_unit"):
        p, r, f = result[name]
        print(f"  {name:10s} P={p:.3f} R={r:.3f} F1={f:.3f}")
    print(f"  role right {result['role']:.3f}, change direction right {result['direction']:.3f}")
    if verbose:
        for miss in result["misses"]:
            print("  MISS", miss)
        for extra in result["extras"]:
            print("  EXTRA", extra)
        for role in result["roles"]:
            print("  ROLE", role)


if __name__ == "__main__":
    main()
