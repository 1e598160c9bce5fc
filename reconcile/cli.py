"""Command line: parse, call one core function, render, map errors to exit codes.

Exit codes: 0 the job completed, 1 findings (for checks), 2 bad input or an internal error,
130 interrupted. Errors are one line on stderr; RECONCILE_DEBUG=1 shows the traceback.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import __version__, escape
from .errors import InputFileError, OutputFileError, ReconcileError

app = typer.Typer(
    help="Find where news reports of one event disagree about their figures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        out.print(f"reconcile {__version__}")
        raise typer.Exit()


@app.callback()
def callback(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                     help="Show the version and exit.")] = None,
) -> None:
    """Find where news reports of one event disagree about their figures."""


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(escape.line(f"Error: {message}"), markup=False)
    return typer.Exit(code)


INTERRUPTED = "Interrupted: nothing from this run was stored; the database and report keep the last complete run."


def _guard(run, interrupted=lambda: INTERRUPTED):
    """Run a command body, turning our errors into one line and exit 2, Ctrl-C into 130 with
    `interrupted()` saying truthfully what was kept."""
    try:
        return run()
    except ReconcileError as error:
        raise _fail(str(error)) from None
    except KeyboardInterrupt:
        err.print(interrupted())
        raise typer.Exit(130) from None
    except BrokenPipeError:  # the reader stopped early ("reconcile extract f | head"): end quietly
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        except OSError:
            pass
        raise typer.Exit(0) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as error:  # a bug: one line, and the traceback on request
        if os.environ.get("RECONCILE_DEBUG"):
            raise
        raise _fail(f"internal error: {type(error).__name__}: {error} (set RECONCILE_DEBUG=1 for details)") from None


@app.command()
def run(
    corpus: Annotated[Path, typer.Argument(metavar="CORPUS", help="Folder of articles (.txt, .md), searched recursively, or a .jsonl file of articles (id, text, outlet, date, url, title).")],
    db: Annotated[Path, typer.Option(help="SQLite database to write.")] = Path("reconcile.db"),
    report: Annotated[Path, typer.Option(help="Report to write: Markdown, or HTML when the name ends in .html.")] = Path("reconcile-report.md"),
    jobs: Annotated[int, typer.Option(min=1, help="Processes for extraction (default: CPU cores).")] = os.cpu_count() or 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    max_file_bytes: Annotated[int, typer.Option(min=1, help="Skip larger files (named in the summary).")] = 50_000_000,
    max_sentence: Annotated[int, typer.Option(min=100, help="Cut longer sentences at a space.")] = 5_000,
    follow_symlinks: Annotated[bool, typer.Option("--follow-symlinks", help="Read symbolic links that lead outside CORPUS.")] = False,
    engine: Annotated[str, typer.Option(metavar="local|dask", help="Where the work runs: this process (and --jobs), or Dask (pip install 'reconcile[dask]').")] = "local",
    scheduler: Annotated[str | None, typer.Option(metavar="ADDRESS", help="With --engine dask: a running scheduler (tcp://host:8786); default: a local cluster of --jobs workers.")] = None,
) -> None:
    """Read every article in CORPUS, store claims and contradictions, write the report.

    The database and the report always describe the same run: the report is written beside
    its final name first, the database commits, then the report is moved into place. A run
    that fails or is interrupted before the commit keeps the previous run in both."""
    stage = ["reading"]

    def body():
        from .ingest import read_documents
        from .pipeline import Limits, analyze, extraction_key, run_key
        from .store import load_unchanged, open_database, save, stored_extractions, stored_story_results, writing
        from .story_report import StoryReport

        if engine not in ("local", "dask"):
            raise _fail(f"unknown engine {engine!r}: use local or dask")
        if scheduler and engine != "dask":
            raise _fail("--scheduler needs --engine dask")
        limits, title = Limits(max_file_bytes, max_sentence), corpus.resolve().name
        documents, skipped = read_documents(corpus, limits.max_file_bytes, follow_symlinks)
        keys = [extraction_key(d, limits.max_sentence) for d in documents]  # hashed once, used twice
        key = run_key(documents, skipped, limits, title, keys)
        unchanged = load_unchanged(str(db), key)  # the stored run is this one: nothing to judge again
        pending = None
        try:
            if unchanged is not None:
                markdown, summary = unchanged
                pending = _write_report(report, markdown, title)
            else:
                # each story is stored and reported as it is judged, in one transaction that
                # commits only after the report is written beside its final name
                database = open_database(str(db))
                with contextlib.ExitStack() as stack:
                    maps = {}
                    if engine == "dask":
                        from .dask_engine import dask_maps

                        maps = dict(zip(("map_articles", "map_stories"), stack.enter_context(dask_maps(scheduler, jobs))))
                    progress = stack.enter_context(_progress(enabled=not quiet))
                    stack.enter_context(_no_cycle_collection())
                    writer, story_report = stack.enter_context(writing(database)), StoryReport(title)

                    def each_story(part) -> None:
                        writer.add(part)
                        story_report.add(part)

                    head = analyze(documents, skipped, jobs, limits, progress=progress, stored=stored_extractions(str(db)),
                                   stored_stories=stored_story_results(str(db)), keys=keys, each_story=each_story, **maps)
                    markdown, summary = story_report.finish(head)
                    pending = _write_report(report, markdown, title)
                    stage[0] = "saving"
                    save(database, head, title=title, run_key=key, markdown=markdown, summary=summary, writer=writer)
            stage[0] = "saved"
            os.replace(pending, report)
            stage[0] = "done"
            _write_metadata(db, title)
        finally:
            if stage[0] != "done" and pending is not None:
                pending.unlink(missing_ok=True)
        if not quiet:
            _print_summary(summary, db, report)

    def interrupted() -> str:
        if stage[0] == "saved":  # between the commit and the move of the report
            return f"Interrupted: {db} holds this run, but {report} still holds the previous report; rerun to replace it."
        if stage[0] == "done":
            return f"Interrupted after the run was stored: {db} and {report} both hold it."
        return INTERRUPTED

    _guard(body, interrupted)


@contextlib.contextmanager
def _no_cycle_collection():
    """The cycle collector paused while a run builds its (acyclic) claims and verdicts: its full
    passes rescan every object made so far, which cost a quarter of the analysis of 4,000
    articles and grows with the corpus. Reference counting still frees everything."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextlib.contextmanager
def _progress(enabled: bool):
    """A progress bar on stderr while articles are read and compared, when stderr is a
    terminal (never in a pipe, a log or a test); the callback the pipeline reports to."""
    if not (enabled and err.is_terminal):
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task("reading", total=None)

        def update(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total)

        yield update


def _write_metadata(db: Path, title: str) -> None:
    """reconcile-metadata.json beside the database, for `datasette DB -m ...`; a folder that
    refuses it costs only the metadata (the run is stored)."""
    from .store import datasette_metadata

    target = db.with_name("reconcile-metadata.json")
    try:
        os.replace(_write_beside(target, json.dumps(datasette_metadata(title), indent=2) + "\n"), target)
    except (OutputFileError, OSError) as error:
        err.print(escape.line(f"warning: metadata not written: {error}"), markup=False)


def _write_report(report: Path, markdown: str | bytes | list[bytes], title: str) -> Path:
    """The report (Markdown, or HTML by its name) written beside `report`; the pending file.
    `markdown` is its text, its UTF-8 bytes (a stored report) or its UTF-8 lines (a run's)."""
    from .report import html_page

    if report.suffix.lower() not in (".html", ".htm"):
        return _write_beside(report, markdown)
    if isinstance(markdown, list):
        markdown = b"\n".join(markdown)
    if isinstance(markdown, bytes):
        markdown = markdown.decode("utf-8")
    return _write_beside(report, html_page(markdown, title))


def _write_beside(path: Path, text: str | bytes | list[bytes]) -> Path:
    """Write `text` (its UTF-8 bytes, or its UTF-8 lines to be joined by newlines) to a hidden
    file next to `path` (same folder, so the move is atomic)."""
    pending = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if isinstance(text, list):
            from .store import joined_chunks

            with open(pending, "wb") as out:
                out.writelines(joined_chunks(text))
        elif isinstance(text, bytes):
            pending.write_bytes(text)
        else:
            pending.write_text(text, encoding="utf-8")
    except OSError as error:
        if pending.parent.is_dir():
            pending.unlink(missing_ok=True)
        raise OutputFileError(str(path), error.strerror or str(error)) from None
    return pending


def _print_summary(summary, db: Path, report: Path) -> None:
    """The run's Summary (report.summarize) on the terminal: the counts, a table of disputed
    facts with severity in colour, how the folder was grouped; skips and warnings on stderr."""
    table = Table(title="Disputed facts (most severe first)", title_justify="left")
    for column in ("Fact", "Severity", "Kind", "What the sources print"):
        table.add_column(column)
    for label, severity, kinds, sides, _ in summary.rows:
        # article text is data: controls shown as escapes, rich markup printed as typed
        colour = {"high": "bold red", "medium": "yellow"}.get(severity, "")
        table.add_row(escape.terminal(label), f"[{colour}]{severity}[/]" if colour else severity, kinds,
                      "\n".join(escape.terminal(side) for side in sides))
    out.print(summary.counts, markup=False)
    if summary.rows:
        out.print(table)
    if summary.stories:
        out.print(escape.line(summary.stories), markup=False)
    for line in (*summary.skipped, *summary.warnings):
        err.print(escape.line(line), markup=False)
    out.print(escape.line(f"Wrote {db} and {report}."), markup=False)


@app.command()
def extract(
    file: Annotated[str, typer.Argument(metavar="FILE", help="A text file, or - for standard input.")],
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl or table.")] = "jsonl",
) -> None:
    """Print every quantity, money amount, percentage, count, duration and date in FILE."""
    from .extract import read_figures

    if format not in ("jsonl", "table"):
        raise _fail(f"unknown format {format!r}: use jsonl or table")

    def body():
        text = _read_text(file)
        figures = read_figures(text)
        if format == "jsonl":
            for f in figures:
                q = f.quantity
                record = dataclasses.asdict(q)
                record["value"] = record["value"] if q.kind != "date" else q.date
                record["role"], record["direction"] = f.role, f.direction
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            return
        table = Table()
        for column in ("start", "end", "surface", "kind", "value", "unit", "bound", "role", "si_value", "si_unit"):
            table.add_column(column)
        for f in figures:
            q = f.quantity
            role = f"{f.role} {f.direction}".strip()
            table.add_row(str(q.start), str(q.end), escape.terminal(q.surface), q.kind,
                          q.date if q.kind == "date" else f"{q.value:g}", q.unit or "", q.bound, role,
                          "" if q.si_value is None else f"{q.si_value:.6g}", q.si_unit or "")
        out.print(table)

    _guard(body)


@app.command()
def check(
    drafts: Annotated[list[str], typer.Argument(metavar="DRAFTS...", help="Draft files to check, or - for standard input.")],
    corpus: Annotated[Optional[Path], typer.Option("--corpus", "-c", help="Folder of source articles, or a .jsonl file of them (default: corpus in the configuration).")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text, json, github, sarif or markdown.")] = "text",
    fail_on: Annotated[Optional[str], typer.Option(help="Exit 1 for findings at or above: high, medium, low (the default); 'unverified' also for any figure no source states; never.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Rule codes not to report (RC101; repeat or separate by commas).")] = None,
    db: Annotated[Optional[Path], typer.Option("--db", help="Check against the run stored in this database instead of a corpus folder.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Configuration file (default: reconcile.toml or [tool.reconcile] in pyproject.toml, found upward from the first draft).")] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even with findings (errors still exit 2).")] = False,
    stdin_filename: Annotated[str, typer.Option(help="Name to show for a draft read from -.")] = "stdin.md",
    jobs: Annotated[int, typer.Option(min=1, help="Processes for extraction.")] = 1,
    follow_symlinks: Annotated[bool, typer.Option("--follow-symlinks", help="Read symbolic links that lead outside the corpus.")] = False,
) -> None:
    """Check DRAFTS against the articles in --corpus: exit 1 when a figure contradicts them.

    Every draft figure is confirmed, contradicted, disputed among the sources, or unverified;
    the text summary counts the four, JSON, GitHub and SARIF carry unverified figures as notes.
    A paragraph after <!-- reconcile: ignore --> (or <!-- reconcile: ignore RC101 -->) is not
    reported; code blocks and front matter are not read. Flags win over the configuration."""
    from .check import FAIL_ON, RULES, Draft, check_with_tally, exit_code
    from .config import Config, find_config, load_config
    from .render import RENDERERS, render_text

    if format not in RENDERERS:
        raise _fail(f"unknown format {format!r}: use {', '.join(RENDERERS)}")

    def body():
        if config is not None:
            settings = load_config(config)
        else:
            first = next((Path(d) for d in drafts if d != "-"), None)
            settings = find_config(first.parent if first is not None else Path.cwd()) if drafts else Config()
        level = fail_on or settings.fail_on or "low"
        if level not in FAIL_ON:
            raise _fail(f"unknown --fail-on {level!r}: use {', '.join(FAIL_ON[:-1])} or {FAIL_ON[-1]}")
        codes = {c.strip().upper() for value in (ignore or []) for c in value.split(",") if c.strip()} | set(settings.ignore)
        known = {code for code, _ in RULES.values()}
        if unknown := sorted(codes - known):
            raise _fail(f"unknown rule code {unknown[0]!r}: use one of {', '.join(sorted(known))}")
        if corpus is not None and db is not None:
            raise _fail("give --corpus or --db, not both")
        sources = corpus or (None if db is not None else settings.corpus)
        if sources is None and db is None:
            raise _fail("no corpus: pass --corpus FOLDER or --db FILE, or set corpus in reconcile.toml or [tool.reconcile] in pyproject.toml")
        chosen = [d for d in drafts if d == "-" or not settings.excludes(d)]
        if not chosen:
            raise _fail(f"every draft is excluded by {settings.path}: nothing to check")
        loaded = [Draft(stdin_filename if d == "-" else _shown(d), _read_text(d)) for d in chosen]
        found, tally = check_with_tally(loaded, sources, jobs=jobs, follow_symlinks=follow_symlinks, ignore=frozenset(codes),
                                        db=str(db) if db is not None else None)
        for skipped in tally.skipped:
            err.print(escape.line(f"skipped {skipped}"), markup=False)
        # notes go to machine formats always, to the text listing when they can fail the check
        shown = found + list(tally.notes) if format != "text" or level == "unverified" else found
        sys.stdout.write(render_text(shown, tally) if format == "text" else RENDERERS[format](shown))
        return 0 if exit_zero else exit_code(found, level, tally)

    code = _guard(body)
    if code:
        raise typer.Exit(code)


@app.command()
def report(
    db: Annotated[Path, typer.Option(help="SQLite database a run wrote.")] = Path("reconcile.db"),
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default: standard output).")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="md or html.")] = "md",
) -> None:
    """Render the report again from a stored run, without the corpus folder."""
    from .pipeline import analyze
    from .report import render_html, render_markdown
    from .store import load_run

    if format not in ("md", "html"):
        raise _fail(f"unknown format {format!r}: use md or html")

    def body():
        run = load_run(str(db))
        result = analyze(run.documents, run.skipped, stored=run.extractions)
        text = (render_html if format == "html" else render_markdown)(result, title=run.title)
        if output is None:
            sys.stdout.write(text)
        else:
            os.replace(_write_beside(output, text), output)

    _guard(body)


@app.command()
def show(
    fact_id: Annotated[int, typer.Argument(metavar="FACT_ID", help="A fact's id, as the report's check-first lines and the facts table give it.")],
    db: Annotated[Path, typer.Option(help="SQLite database a run wrote.")] = Path("reconcile.db"),
) -> None:
    """Print one fact from a stored run: every source's figure and sentence, grouped by what
    agrees, and the arithmetic of each disagreement. Reads only the database."""
    from .store import load_fact

    def body():
        fact = load_fact(str(db), fact_id)
        lines = [("", f"Fact {fact.id}: {fact.label} ({'disputed' if fact.disputed else 'the sources agree'})")]
        for number, group in enumerate(fact.groups, 1):
            sources = len({r["source"] for r in group})
            lines.append(("", f"Group {number} ({sources} {'article' if sources == 1 else 'articles'}):"))
            for r in group:
                who = ", ".join(x for x in (r["outlet"], r["published"]) if x)
                lines.append(("  ", f"{r['source']}:{r['line']}{f' ({who})' if who else ''}: “{r['surface']}”"))
                lines.append(("    ", r["sentence"]))
        if fact.disagreements:
            lines.append(("", "Disagreements:"))
            lines += [("  ", f"{d['kind']} [{d['severity']}] {d['source_a']}:{d['line_a']} / {d['source_b']}:{d['line_b']}: "
                             f"{d['explanation']}") for d in fact.disagreements]
        for indent, line in lines:  # stored article text is data: shown with its controls made visible
            out.print(indent + escape.line(line), markup=False)

    _guard(body)


def _shown(path: str) -> str:
    """A draft's path as a terminal can open it: relative to where the command runs when it is
    inside it, else as given."""
    try:
        return Path(os.path.relpath(Path(path).resolve(), Path.cwd().resolve())).as_posix() \
            if Path(path).resolve().is_relative_to(Path.cwd().resolve()) else path
    except (OSError, ValueError):
        return path


def _read_text(file: str) -> str:
    if file == "-":
        return sys.stdin.read()
    from .ingest import decode

    try:
        raw = Path(file).read_bytes()
    except OSError as error:
        raise InputFileError(file, error.strerror or str(error)) from None
    text, problem = decode(raw)
    if text is None:
        raise InputFileError(file, problem or "undecodable")
    return text


def main() -> None:
    app(prog_name="reconcile")
