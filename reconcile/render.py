"""Render findings: one pure function per output format, list[Finding] -> str."""

from __future__ import annotations

import json
from urllib.parse import quote
from dataclasses import asdict

from . import __version__
from .check import RULES, Finding, Tally

GITHUB_LEVEL = {"high": "error", "medium": "warning", "low": "notice", "note": "notice"}
SARIF_LEVEL = {"high": "error", "medium": "warning", "low": "note", "note": "note"}


def render_text(findings: list[Finding], tally: Tally | None = None) -> str:
    """`path:line:col: CODE [severity] message`, then a count, then (given a tally) what was
    checked: "4 figures: 1 confirmed, 1 contradicted, 1 disputed, 1 unverified (no source states it)".
    Notes (RC201, unverified figures) are listed when given but are not contradictions."""
    lines = [f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.rule}: {f.message}" for f in findings]
    count = sum(1 for f in findings if f.severity != "note")
    if tally is not None and tally.figures == 0:
        lines.append("Nothing was checked: the draft has no figure to compare.")
    elif tally is not None and tally.unverified == tally.figures:
        lines.append(f"Nothing was checked: no source states any of the draft's {_figures(tally.figures)}.")
    else:
        lines.append("No figures contradict the sources." if not count else
                     f"{count} {'figure contradicts' if count == 1 else 'figures contradict'} the sources.")
    if tally is not None and tally.figures:
        why = f" (no source states {'it' if tally.unverified == 1 else 'them'})" if tally.unverified else ""
        lines.append(f"{_figures(tally.figures)}: {tally.confirmed} confirmed, {tally.contradicted} contradicted, "
                     f"{tally.disputed} disputed, {tally.unverified} unverified{why}.")
    return "\n".join(lines) + "\n"


def _figures(n: int) -> str:
    return f"{n} {'figure' if n == 1 else 'figures'}"


def render_json(findings: list[Finding]) -> str:
    return json.dumps([asdict(f) for f in findings], indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: list[Finding]) -> str:
    """GitHub Actions workflow commands: annotations on the draft's lines."""
    lines = []
    for f in findings:
        properties = ",".join([
            f"file={_escape_property(f.path)}", f"line={f.line}", f"col={f.column}",
            f"endLine={f.end_line}", f"endColumn={f.end_column}",
            f"title={_escape_property(f'{f.code} {f.rule}')}",
        ])
        lines.append(f"::{GITHUB_LEVEL[f.severity]} {properties}::{_escape_data(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def render_sarif(findings: list[Finding]) -> str:
    """SARIF 2.1.0 with stable rule ids and a fingerprint per finding."""
    rules = [{"id": code, "name": kind, "shortDescription": {"text": text}}
             for kind, (code, text) in RULES.items()]
    results = [{
        "ruleId": f.code,
        "level": SARIF_LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": quote(f.path)},  # a URI reference: "my draft.md" -> "my%20draft.md"
            "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column},
        }}],
        "partialFingerprints": {"reconcile/v1": f"{f.code}:{f.path}:{f.quote}"},
    } for f in findings]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "reconcile", "version": __version__, "rules": rules}},
                  "results": results}],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def render_markdown(findings: list[Finding]) -> str:
    """A Markdown table for a pull-request comment: where, rule, severity, message. Text from
    drafts and articles is escaped so it shows as typed."""
    from .escape import markdown as md

    problems = [f for f in findings if f.severity != "note"]
    notes = len(findings) - len(problems)
    if not problems:
        head = "**reconcile**: no figure contradicts the sources."
    else:
        head = f"**reconcile**: {len(problems)} {'figure contradicts' if len(problems) == 1 else 'figures contradict'} the sources."
    lines = [head + (f" {notes} {'figure is' if notes == 1 else 'figures are'} stated by no source (not checked)." if notes else ""), ""]
    if findings:
        lines += ["| Where | Rule | Severity | Finding |", "|---|---|---|---|"]
        lines += [f"| `{md(f.path)}:{f.line}` | {f.code} {f.rule} | {f.severity} | {md(f.message)} |" for f in findings]
    return "\n".join(lines).rstrip() + "\n"


RENDERERS = {"text": render_text, "json": render_json, "github": render_github, "sarif": render_sarif,
             "markdown": render_markdown}
