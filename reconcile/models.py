"""Values that flow between pipeline stages: frozen, with no storage ids.

Every span is a pair of character offsets into the original file text, so a claim can
always be shown with its exact wording and cited by line.
"""

from __future__ import annotations

import dataclasses
import operator
from dataclasses import dataclass, field
from datetime import date

from .frames import Frame


@dataclass(frozen=True)
class Document:
    path: str  # relative to the corpus folder, with forward slashes
    text: str  # the whole decoded file; offsets point into it
    blocks: tuple[tuple[int, int], ...]  # kept paragraphs (furniture and front matter dropped)
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    sha256: str = ""
    dropped: tuple[str, ...] = ()  # furniture lines removed, for the run summary
    warning: str | None = None  # e.g. "not UTF-8; read as Windows-1252"

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    surface: str
    kind: str  # quantity, money, percent, count, duration, date
    value: float | None  # the number with its scale applied, in `unit`
    unit: str | None  # canonical unit as written ("cubic_foot / day")
    bound: str = "exact"  # exact, approx, upper, lower, range, vague
    low: float | None = None  # in `unit`, after precision and hedge
    high: float | None = None
    precision: float = 0.0  # half the step of the last printed digit, in `unit`
    thing: str | None = None  # what a count counts ("doses")
    date: str | None = None  # ISO-like for dates: "2012", "2021-04-07", "XXXX-05-01"
    si_value: float | None = None
    si_unit: str | None = None
    dimension: str | None = None


@dataclass(frozen=True)
class Figure:
    """A figure as `extract` reports it: the quantity and its role ("level", "change" with a
    direction "up"/"down"/"", or "prior"; "" for dates)."""

    quantity: Quantity
    role: str
    direction: str = ""


@dataclass(frozen=True, slots=True)  # slots: a 10,000-article run holds hundreds of thousands of claims
class Claim:
    """One atomic statement: a clause of a sentence, with at most one quantity."""

    source: str
    sentence: int  # index of its sentence in the document
    start: int  # the clause span
    end: int
    text: str
    subject: str
    predicate: str
    modality: str  # done, planned, reported
    attribution: str | None
    quantity: Quantity | None = None
    head: str = ""  # the noun an adjectival figure modifies: "a 1,100-km pipeline"
    context: tuple[str, ...] = field(default=())  # content words of the sentence, for alignment
    local: tuple[str, ...] = field(default=())  # the words next to this figure, up to a comma or "and"
    nearby: tuple[str, ...] = field(default=())  # the previous sentence's words: "The line will carry…"
    frame: Frame = field(default=Frame())  # what the figure is about: subject, attribute, part, period...
    marks: tuple[str, ...] = ()  # "bidi": a bidirectional control in or next to the figure (see escape)


def _pickled_by_fields(cls: type) -> type:
    """Pickle a slotted frozen dataclass as its class and field values. dataclasses' own
    __getstate__/__setstate__ call dataclasses.fields() per object: that was most of sending an
    article's sentences and claims from a worker (a process pool, dask) or to the spill file."""
    values = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))
    cls.__reduce__ = lambda self: (cls, values(self))
    return cls


for _cls in (Sentence, Quantity, Claim):  # all their fields are positional __init__ arguments
    _pickled_by_fields(_cls)

_FIELDS: dict[type, tuple | None] = {}


def replace(obj, /, **changes):
    """dataclasses.replace, without its per-call look at the class's fields: claims, quantities
    and frames are copied once or twice per figure. Classes whose fields are not all plain
    positional __init__ arguments (or that have __post_init__) go to dataclasses.replace."""
    cls = type(obj)
    spec = _FIELDS.get(cls, False)
    if spec is False:
        fields = dataclasses.fields(cls)
        plain = all(f.init and not f.kw_only for f in fields) and not hasattr(cls, "__post_init__") and len(fields) > 1
        spec = _FIELDS[cls] = ({f.name for f in fields}, tuple(f.name for f in fields),
                               operator.attrgetter(*(f.name for f in fields))) if plain else None
    if spec is None or not changes.keys() <= spec[0]:
        return dataclasses.replace(obj, **changes)
    return cls(*[changes[n] if n in changes else v for n, v in zip(spec[1], spec[2](obj))])


class DisjointSets:
    """Union-find over hashable items, each its own set until joined."""

    def __init__(self) -> None:
        self.parent: dict = {}

    def __contains__(self, item) -> bool:
        return item in self.parent

    def find(self, item):
        parent = self.parent
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]  # path halving keeps the trees flat
            item = parent[item]
        return item

    def union(self, a, b) -> None:
        self.parent[self.find(a)] = self.find(b)
