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
    """The report as one JSON document: indented down to each finding and error, and
    each of those on one line (json's C encoder; indent= would use its slow Python one)."""
    return "".join(json_chunks(report.to_dict())) + "\n"


_ONE_LINE = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def json_chunks(value, depth: int = 0, in_files: bool = False):
    """Pieces of the JSON text of ``value``: containers indented, except that an
    object inside a list (a finding, an error) is written on one line, but for
    the objects of ``"files"``."""
    if not value or not isinstance(value, (dict, list)) or (isinstance(value, dict) and depth and not in_files):
        yield _ONE_LINE(value)
        return
    pad = "\n" + "  " * (depth + 1)
    if isinstance(value, dict):
        yield "{"
        for i, (key, item) in enumerate(value.items()):
            yield ("," if i else "") + pad + _ONE_LINE(key) + ": "
            yield from json_chunks(item, depth + 1, key == "files")
        yield "\n" + "  " * depth + "}"
    else:
        yield "["
        for i, item in enumerate(value):
            yield ("," if i else "") + pad
            yield from json_chunks(item, depth + 1, in_files)
        yield "\n" + "  " * depth + "]"


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


def render_html(report: Report) -> str:
    """One self-contained HTML page with every finding highlighted in its article (auditor/html_report.py)."""
    from .html_report import render_html as render

    return render(report)


render_html.needs_articles = True  # it shows each article's text, so the engine must keep FileResult.article


#: ``--format`` name -> renderer.  Other formats register here.
RENDERERS: dict[str, Callable[..., str]] = {
    "table": render_table,
    "json": render_json,
    "jsonl": render_jsonl,
    "html": render_html,
}


def _machine_format(name: str) -> Callable[[Report], str]:
    """A renderer from auditor/machine_formats.py, imported only when it is used."""

    def render(report: Report) -> str:
        from . import machine_formats

        return getattr(machine_formats, f"render_{name}")(report)

    return render


# CI formats: SARIF for code scanning, GitHub annotations, a Markdown summary, CSV.
RENDERERS.update({name: _machine_format(name) for name in ("sarif", "github", "markdown", "csv")})


def write_atomically(path: str, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, renamed
    over ``path`` only once complete: an interrupted run never leaves half a report."""
    import os
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(prefix=".auditor-", suffix=".tmp", dir=folder)
    try:
        # mkstemp makes the file private; give the report the mode a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def worst_severity(findings: list[Finding]) -> str | None:
    order = {"info": 0, "warning": 1, "error": 2}
    return max((f.severity for f in findings), key=order.__getitem__, default=None)
