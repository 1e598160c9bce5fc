"""Ingest: a corpus folder -> Documents, with front matter, publication date and furniture dropped.

Offsets always point into the decoded file text, so dropping furniture never moves a span:
the Document keeps the spans of the paragraphs ("blocks") that survive.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import CorpusIsFile, CorpusNotFound, CorpusNotReadable, EmptyCorpus, NothingReadable
from .escape import ZERO_WIDTH
from .quantities import DATE_RE, MONTHS
from .models import Document
from .segment import trimmed

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
HTML_EXTRA = "HTML needs the optional extra: pip install 'reconcile[html]' (trafilatura)"
FRONT_MATTER_KEYS = ("title", "outlet", "date", "url")

# Page furniture, matched against a whole line (lowercased). General web boilerplate, not
# the wording of any one site.
FURNITURE_RE = re.compile(
    r"""^(?:
      accessibility\s+links | skip\s+to\s+(?:main\s+)?content | breaking\s+news | main\s+menu
    | -*\s*advert\w*\s*-* | sponsored(?:\s+content)? | please\s+enter\s+your\s+\w+(?:\s+\w+)?!?
    | leave\s+a\s+(?:reply|comment) | your\s+email\s+address\s+will\s+not\s+be\s+published\.?
    | required\s+fields\s+are\s+marked.* | (?:trending|popular|latest)(?:\s+(?:stories|now|news|posts))?
    | must\s+read | related(?:\s+(?:stories|articles|posts|news|coverage))? | read\s+more.{0,40}
    | you\s+may\s+also\s+like | recommended(?:\s+for\s+you)? | more\s+from\s+.{0,40}
    | share\s+(?:this|on)\b.{0,40} | follow\s+us\b.{0,40} | subscribe\b.{0,60} | sign\s+up\b.{0,60}
    | (?:tags?|topics?|filed\s+under)\s*:.* | (?:©|\(c\)|copyright\b).{0,120}
    | cookies?\b.{0,80} | <!?--.* | !--.* | <[^>]{1,200}> | \[[^\]]{0,40}\]
    )$""",
    re.I | re.X,
)
# Two more kinds of furniture that may start anywhere in a line: tried at every position of
# every line, they were most of the time spent reading a corpus, so each is asked only of lines
# that hold its words (see _furniture)
TRACKER_RE = re.compile(r"^(?:.*\bgtag\b.*)$", re.I)
RIGHTS_RE = re.compile(r"^(?:.{0,80}all\s+rights\s+reserved\.?)$", re.I)
RIGHTS_END_RE = re.compile(r"reserved\.?$", re.I)
# Markers after which the rest of a page is teasers and comments, when they come late.
TAIL_MARKER_RE = re.compile(
    r"^(?:must\s+read|related(?:\s+\w+)?|trending(?:\s+\w+)?|more\s+from.*|you\s+may\s+also\s+like"
    r"|leave\s+a\s+reply|please\s+enter\s+your\s+comment!?|comments?)$",
    re.I,
)
SENTENCE_END_RE = re.compile(r"[.!?:;\"”’')]\s*$")


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


OUTSIDE_LINK = "symbolic link to a file outside the corpus (pass --follow-symlinks to read it)"


def discover(folder: str | os.PathLike, follow_symlinks: bool = False) -> list[Path]:
    """Article files under `folder`, recursively, in a stable order; hidden entries skipped.
    Symbolic links are listed like files; `read_documents` skips those that lead outside."""
    root = Path(folder)
    if not root.exists():
        raise CorpusNotFound(str(folder))
    if not root.is_dir():
        raise CorpusIsFile(str(folder))
    if not os.access(root, os.R_OK | os.X_OK):
        raise CorpusNotReadable(str(folder), "permission denied")
    found: list[Path] = []
    seen: set[str] = set()
    for current, dirs, files in os.walk(root, followlinks=follow_symlinks):
        real = os.path.realpath(current)
        if real in seen:  # a followed link that loops back
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES + HTML_SUFFIXES):
                found.append(Path(current) / name)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\x7fELF")
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


def _looks_binary(head: bytes) -> bool:
    """Known file signatures, or more control bytes than any text has (stray NULs are fine)."""
    if head.startswith(BINARY_MAGIC):
        return True
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))
    return bool(head) and controls / len(head) > 0.05


def decode(raw: bytes) -> tuple[str | None, str | None]:
    """Text and an optional warning; (None, reason) for binary data."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), None
    if _looks_binary(raw[:8192]):
        return None, "binary file"
    raw = raw.replace(b"\x00", b"")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "not UTF-8; read as Windows-1252"


MAX_FILE_BYTES = 50_000_000  # far above any article; a bigger file is a dump, not a story


def html_to_text(html: str) -> tuple[str | None, str | None]:
    """The main text of a saved web page, with the optional trafilatura; else a named skip."""
    try:
        import trafilatura
    except ImportError:
        return None, HTML_EXTRA
    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    return (text, None) if text else (None, "no article text found in the HTML")


def read_documents(
    folder: str | os.PathLike, max_bytes: int = MAX_FILE_BYTES, follow_symlinks: bool = False,
) -> tuple[list[Document], list[Skipped]]:
    """Every article in the folder, and the files skipped with a reason.

    Raises EmptyCorpus when the folder holds no article files, NothingReadable when every one
    was skipped. A symbolic link that leads outside the folder is skipped by name unless
    `follow_symlinks`: a corpus is what the folder holds, not what it points at."""
    root = Path(folder)
    if root.is_file() and root.suffix.lower() == ".jsonl":
        return read_jsonl(root, max_bytes)
    paths = discover(root, follow_symlinks)
    inside = os.path.realpath(root)
    documents: list[Document] = []
    skipped: list[Skipped] = []
    for path in paths:
        relative = path.relative_to(root).as_posix()
        if not follow_symlinks and _leads_outside(path, inside):
            skipped.append(Skipped(relative, OUTSIDE_LINK))
            continue
        try:
            if path.stat().st_size > max_bytes:
                skipped.append(Skipped(relative, f"larger than {max_bytes:,} bytes (raise --max-file-bytes to read it)"))
                continue
            raw = path.read_bytes()
        except OSError as error:
            skipped.append(Skipped(relative, f"unreadable: {error.strerror or error}"))
            continue
        text, problem = decode(raw)
        if text is not None and relative.lower().endswith(HTML_SUFFIXES):
            text, problem = html_to_text(text)
        if text is None:
            skipped.append(Skipped(relative, problem or "undecodable"))
            continue
        if not text.strip():
            skipped.append(Skipped(relative, "empty file"))
            continue
        documents.append(parse_document(relative, text, hashlib.sha256(raw).hexdigest(), warning=problem))
    if not documents and not skipped:
        raise EmptyCorpus(str(folder))
    if not documents:
        raise NothingReadable(str(folder), skipped)
    return documents, skipped


JSONL_FIELDS = ("outlet", "date", "url", "title")


def read_jsonl(path: Path, max_bytes: int = MAX_FILE_BYTES) -> tuple[list[Document], list[Skipped]]:
    """Articles from a JSON Lines file, the form news archives export: one object per line with
    `id` and `text`, and optional `outlet`, `date` (ISO), `url`, `title`. Read line by line.

    Each article's path is "<file name>#<id>"; offsets and line numbers point into its `text`.
    A line that is not such an object, a repeated id, or an empty text is skipped by its line
    number with the reason. Raises EmptyCorpus / NothingReadable as read_documents does."""
    import json

    documents: list[Document] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    try:
        handle = path.open("rb")
    except OSError as error:
        raise CorpusNotReadable(str(path), error.strerror or str(error)) from None
    with handle:
        for number, raw in enumerate(handle, 1):
            where = f"{path.name}:{number}"
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                skipped.append(Skipped(where, f"larger than {max_bytes:,} bytes (raise --max-file-bytes to read it)"))
                continue
            try:
                record = json.loads(raw)
            except ValueError as error:
                skipped.append(Skipped(where, f"not JSON: {error}"))
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str) or "id" not in record:
                skipped.append(Skipped(where, 'not an article: needs "id" and "text" (a string)'))
                continue
            key = str(record["id"])
            if key in seen:
                skipped.append(Skipped(where, f"id {key!r} repeats an earlier line"))
                continue
            seen.add(key)
            if not record["text"].strip():
                skipped.append(Skipped(where, "empty text"))
                continue
            meta = {k: str(record[k]) for k in JSONL_FIELDS if isinstance(record.get(k), (str, int, float))}
            documents.append(parse_document(f"{path.name}#{key}", record["text"],
                                            hashlib.sha256(record["text"].encode("utf-8")).hexdigest(), meta=meta))
    if not documents and not skipped:
        raise EmptyCorpus(str(path), 'one JSON object per line, with "id" and "text"')
    if not documents:
        raise NothingReadable(str(path), skipped)
    return documents, skipped


def _leads_outside(path: Path, inside: str) -> bool:
    return os.path.commonpath([os.path.realpath(path), inside]) != inside


def parse_document(path: str, text: str, sha256: str = "", warning: str | None = None,
                   meta: dict[str, str] | None = None) -> Document:
    """Front matter, paragraphs without furniture, and a publication date. `meta` (title,
    outlet, date, url), when given, is what the text's own front matter would say."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    if stripped := sum(text.count(ch) for ch in ZERO_WIDTH):
        # invisible, and inside a number ("1\u200b200") they would split it: a reader sees 1200
        text = "".join(ch for ch in text if ch not in ZERO_WIDTH)
        note = f"removed {stripped} zero-width {'character' if stripped == 1 else 'characters'}"
        warning = f"{warning}; {note}" if warning else note
    own, body_start = _front_matter(text)
    meta = {**own, **(meta or {})}
    lines = list(_lines(text, body_start))
    kept: list[tuple[int, int]] = []
    dropped: list[str] = []
    tail_from = len(text) * 0.5
    for index, (start, end) in enumerate(lines):
        line = text[start:end].strip()
        if start >= tail_from and TAIL_MARKER_RE.match(line):
            dropped.extend(text[s:e].strip() for s, e in lines[index:] if text[s:e].strip())
            break
        if _furniture(line):
            dropped.append(line)
            continue
        kept.append((start, end))
    blocks = tuple(_paragraphs(text, kept))
    published = _parse_iso(meta.get("date")) or find_publication_date(text, blocks)
    title = meta.get("title") or _first_headline(text, blocks)
    return Document(
        path=path, text=text, blocks=blocks, title=title, outlet=meta.get("outlet"),
        published=published, url=meta.get("url"), sha256=sha256, dropped=tuple(dropped), warning=warning,
    )


def _furniture(line: str) -> bool:
    """Is the line page furniture? FURNITURE_RE, TRACKER_RE or RIGHTS_RE matches it; the last
    two only where "gtag" (as re.I reads "g", "t" and "a": those letters, either case) or a final
    "reserved" is printed."""
    return bool(FURNITURE_RE.match(line) or "gtag" in line.lower() and TRACKER_RE.match(line)
                or RIGHTS_END_RE.search(line, max(0, len(line) - 10)) and RIGHTS_RE.match(line))


def _front_matter(text: str) -> tuple[dict[str, str], int]:
    if not text.startswith("---\n"):
        return {}, 0
    end = text.find("\n---", 3)
    if end < 0 or text.count("\n", 0, end) > 60:
        return {}, 0  # no closing fence: treat it all as text
    meta: dict[str, str] = {}
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in FRONT_MATTER_KEYS:
            meta[key.strip().lower()] = value.strip().strip("\"'")
    close = text.find("\n", end + 1)
    return meta, len(text) if close < 0 else close + 1


def _lines(text: str, start: int) -> Iterator[tuple[int, int]]:
    """Non-blank lines as (start, end) spans, whitespace trimmed."""
    for m in re.finditer(r"[^\n]+", text[start:]):
        yield from trimmed(text, m.start() + start, m.end() + start)


def _paragraphs(text: str, lines: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Join hard-wrapped lines; a short line without final punctuation is a headline of its own."""
    current: tuple[int, int] | None = None
    for start, end in lines:
        if current is None:
            current = (start, end)
            continue
        previous = text[current[0]:current[1]]
        gap = text[current[1]:start]
        last_line = previous.rsplit("\n", 1)[-1]
        continues = (
            gap.count("\n") == 1
            and not SENTENCE_END_RE.search(last_line)
            and len(last_line) >= 60
        )
        if continues:
            current = (current[0], end)
        else:
            yield current
            current = (start, end)
    if current is not None:
        yield current


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def find_publication_date(text: str, blocks: tuple[tuple[int, int], ...]) -> date | None:
    """The first full date (month, day and year) near the top of the article."""
    if not blocks:
        return None
    limit = blocks[min(len(blocks) - 1, 8)][1]
    for m in DATE_RE.finditer(text, blocks[0][0], limit):
        month = m.group("m1") or m.group("m2")
        day = m.group("d1") or m.group("d2")
        year = m.group("y1") or m.group("y2")
        if month and day and year:
            try:
                return date(int(year), MONTHS[month.rstrip(".")[:3].lower()], int(day))
            except ValueError:
                continue
    return None


def _first_headline(text: str, blocks: tuple[tuple[int, int], ...]) -> str | None:
    for start, end in blocks[:3]:
        line = text[start:end]
        if len(line) <= 160 and not line.endswith("."):
            return line
    return None
