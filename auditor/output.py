"""Turning a :class:`~auditor.engine.Report` into what users read: a table per file
(tabulate), JSON, JSON Lines."""

from __future__ import annotations

import json
from collections import Counter
from typing import Callable

from .engine import Report
from .model import Finding

EXCERPT_WIDTH = 40
MESSAGE_WIDTH = 70


def excerpt(text: str, width: int = EXCERPT_WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def render_table(report: Report, tablefmt: str = "simple") -> str:
    from tabulate import tabulate

    blocks = []
    for result in report.files:
        rows = [
            (f"{f.line}:{f.column}", f.rule, f.severity, excerpt(f.text), f.message)
            for f in result.findings
        ]
        counts = Counter(f.rule for f in result.findings)
        summary = ", ".join(f"{rule} {n}" for rule, n in sorted(counts.items())) or "no findings"
        block = [result.path]
        if rows:
            block.append(
                tabulate(
                    rows,
                    headers=("where", "rule", "severity", "excerpt", "message"),
                    tablefmt=tablefmt,
                    maxcolwidths=[None, None, None, EXCERPT_WIDTH, MESSAGE_WIDTH],
                )
            )
        block.extend(f"error: {e.path}:{e.line}:{e.column}: {e.message}" for e in result.errors)
        block.append(f"{result.sentences} sentences; {summary}")
        blocks.append("\n".join(block))
    blocks.extend(f"error: {e.path}: {e.message}" for e in report.errors)
    return "\n\n".join(blocks) + "\n"


def render_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render_jsonl(report: Report) -> str:
    lines = []
    for result in report.files:
        for finding in result.findings:
            lines.append(json.dumps({"path": result.path, **finding.to_dict()}, ensure_ascii=False))
        for error in result.errors:
            lines.append(json.dumps({"error": error.message, **error.to_dict()}, ensure_ascii=False))
    for error in report.errors:
        lines.append(json.dumps({"error": error.message, **error.to_dict()}, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


#: ``--format`` name -> renderer.  Other formats register here.
RENDERERS: dict[str, Callable[..., str]] = {
    "table": render_table,
    "json": render_json,
    "jsonl": render_jsonl,
}


def worst_severity(findings: list[Finding]) -> str | None:
    order = {"info": 0, "warning": 1, "error": 2}
    return max((f.severity for f in findings), key=order.__getitem__, default=None)
