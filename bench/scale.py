"""Generated corpora for the scaling table in `make bench` (issue #12), written as JSON Lines.

- `many_stories(n)`: about n articles in stories of 3-5, made from the fixture stories with
  every name replaced by an invented one per story, so stories share no entity (as in months
  of coverage in one folder).
- `one_story(n, reprints)`: n articles about one event: the fixture story's articles, each
  retold with its paragraphs in another order and some left out, plus `reprints` verbatim wire
  copies of a few of them.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus"
NAME_RE = re.compile(r"\b[A-Z][A-Za-z]{2,}\b")  # "Lavrov", "TESK" (a dateline)
SYLLABLES = ["ka", "lo", "mi", "ra", "tu", "ven", "sa", "dor", "pel", "qui", "zan", "bor", "tel", "mur",
             "fi", "gen", "hal", "jo", "nek", "wu", "yar", "ost", "ber", "cim"]
KEEP = frozenset("""GDP USD EUR GBP The This That These Those There Their They When While After Before Since With Without
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July
    August September October November December According Officials Some Most Many More About""".split())


def _templates() -> list[list[tuple[str, str]]]:
    """Each fixture story as (file name, text) pairs."""
    return [[(p.name, p.read_text(encoding="utf-8")) for p in sorted(d.iterdir()) if p.suffix in (".md", ".txt")]
            for d in sorted(CORPUS.iterdir()) if d.is_dir()]


def _names(story: list[tuple[str, str]]) -> set[str]:
    """Words the story capitalizes inside a sentence somewhere: its names ("Lavrov", "TESK"),
    not a sentence's first word ("Rescuers")."""
    found = set()
    for _, text in story:
        for m in NAME_RE.finditer(text):
            before = text[max(0, m.start() - 2):m.start()]
            if m.start() > 0 and not re.search(r"(^|[.!?:\n#\"“(]\s*)$", before) and text[m.start() - 1] != "\n":
                found.add(m.group(0))
    return found - KEEP


def many_stories(articles: int, seed: int = 7) -> Iterator[dict]:
    rng = random.Random(seed)
    templates = _templates()
    made, n = 0, 0
    used: set[str] = set()
    while made < articles:
        story = templates[n % len(templates)]
        names: dict[str, str] = {}

        def rename(m: re.Match) -> str:
            word = m.group(0)
            if word in KEEP:
                return word
            if word not in names:
                new = ""
                while not new or new in used:  # no two stories share a name
                    new = "".join(rng.choice(SYLLABLES) for _ in range(4)).capitalize()
                names[word] = new
                used.add(new)
            return names[word].upper() if word.isupper() else names[word]

        names_here = _names(story)
        for name, text in story:
            yield {"id": f"s{n:05d}/{name}",
                   "text": NAME_RE.sub(lambda m: rename(m) if m.group(0) in names_here else m.group(0), text)}
            made += 1
        n += 1


def one_story(articles: int, reprints: int, seed: int = 11) -> Iterator[dict]:
    rng = random.Random(seed)
    story = _templates()[0]
    made = []
    for i in range(articles):
        name, text = story[i % len(story)]
        head, _, body = text.partition("\n\n")
        paragraphs = [p for p in body.split("\n\n") if p.strip()]
        kept = [p for p in paragraphs if rng.random() > 0.25] or paragraphs[:1]
        rng.shuffle(kept)
        made.append({"id": f"a{i:04d}-{name}", "text": head + "\n\n" + "\n\n".join(kept) + "\n"})
    yield from made
    for i in range(reprints):  # wire copies: the same text again under another outlet's name
        yield {"id": f"reprint{i:03d}", "text": made[i % 5]["text"]}


def draft(words: int) -> str:
    """A draft of about `words` words: the prose paragraphs of the first generated stories'
    articles (front matter and headlines left out), as a writer might retell several stories."""
    paragraphs, count = [], 0
    for item in many_stories(200):
        body = re.sub(r"\A---\n.*?\n---\n", "", item["text"], flags=re.S)
        for paragraph in body.split("\n\n"):
            if paragraph.strip().endswith(".") and count < words:
                paragraphs.append(paragraph.strip())
                count += len(paragraph.split())
    return "\n\n".join(paragraphs) + "\n"


def write(path: Path, rows: Iterator[dict]) -> int:
    """Write rows as JSON Lines; the bytes of article text written."""
    size = 0
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            size += len(row["text"].encode("utf-8"))
    return size


if __name__ == "__main__":
    import sys
    kind, n, target = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    rows = many_stories(n) if kind == "many" else one_story(n, int(sys.argv[4]) if len(sys.argv) > 4 else 25)
    print(write(target, rows))
