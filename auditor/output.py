"""Turning a :class:`~auditor.engine.Report` into what users read: a table per file
(tabulate), JSON, JSON Lines."""

from __future__ import annotations

import json
from collections import Counter
from contextlib import contextmanager
from dataclasses import replace
from json.encoder import encode_basestring as _STRING  # the C one where there is one, as _ONE_LINE uses
from operator import attrgetter
from typing import Callable

from .engine import FileResult, Report
from .model import Finding

EXCERPT_WIDTH = 40
MESSAGE_WIDTH = 70


def excerpt(text: str, width: int = EXCERPT_WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


TABLE_WIDTHS = (None, None, None, EXCERPT_WIDTH, MESSAGE_WIDTH)


def wrap_cells(row, widths) -> list[str]:
    """Each cell wrapped to its column's width (None: as it is).  Done here rather than
    with tabulate's maxcolwidths, which costs about 1.7 ms a row."""
    import textwrap

    return [cell if width is None or len(cell) <= width else "\n".join(textwrap.wrap(cell, width))
            for cell, width in zip(row, widths)]


def render_table(report: Report, tablefmt: str = "simple") -> str:
    from tabulate import tabulate

    blocks = []
    for result in report.files:
        rows = [
            wrap_cells((f"{f.line}:{f.column}", f.rule, f.severity, excerpt(f.text), f.message), TABLE_WIDTHS)
            for f in result.findings
        ]
        counts = Counter(f.rule for f in result.findings)
        summary = ", ".join(f"{rule} {n}" for rule, n in sorted(counts.items())) or "no findings"
        block = [one_line(result.path)]
        if rows:
            block.append(
                tabulate(
                    rows,
                    headers=("where", "rule", "severity", "excerpt", "message"),
                    tablefmt=tablefmt,
                    disable_numparse=True,
                )
            )
        block.append(f"{result.sentences} sentences; {summary}")
        blocks.append("\n".join(block))
    # Errors are not in the table: `auditor audit` writes each one once, on standard error.
    return "\n\n".join(blocks) + "\n" if blocks else ""


def render_json(report: Report) -> str:
    """The report as one JSON document: indented down to each finding and error, and
    each of those on one line (json's C encoder; indent= would use its slow Python one)."""
    return _render(JsonWriter, report)


def render_jsonl(report: Report) -> str:
    """One JSON object a line: each finding (with its path), then each error."""
    return _render(JsonLinesWriter, report)


def _render(writer_class, report: Report) -> str:
    pieces: list[str] = []
    writer = writer_class(pieces.append, report)
    for result in report.files:
        writer.add(result)
    writer.close()
    return "".join(pieces)


class JsonWriter:
    """``--format json`` written as results arrive, file by file, so a run never holds
    every finding; the text is the same as :func:`render_json`'s.  ``report``: the
    run's report, whose ``files`` are not used (its ``errors`` may grow until close).
    A file that comes in several results (blocks of a huge file, ``FileResult.more``)
    is one entry: its findings wait in a temporary file until its last block."""

    def __init__(self, write, report: Report) -> None:
        self.write, self.report, self.files = write, report, 0
        self.open: FileResult | None = None  # the blocks so far of a file still coming
        self.spool = None
        head = self._skeleton()
        self.write("{")
        for i, (key, value) in enumerate(head.items()):
            if key == "files":
                self.write(("," if i else "") + '\n  "files": [')
                break
            self.write(("," if i else "") + "\n  " + _ONE_LINE(key) + ": " + "".join(json_chunks(value, 1)))

    def _skeleton(self) -> dict:
        return Report(errors=self.report.errors, rules=self.report.rules).to_dict()

    def add(self, result: FileResult) -> None:
        if result.more or self.open is not None:
            self._add_block(result)
            return
        entry = replace(result, findings=[]).to_dict()
        entry["findings"] = Rendered(list(map(finding_json, result.findings)))
        self._entry(entry)

    def _entry(self, entry: dict) -> None:
        self.write("," if self.files else "")
        self.write("\n    ")
        for chunk in json_chunks(entry, 2, in_files=True):  # piece by piece: an entry may be huge
            self.write(chunk)
        self.files += 1

    def _add_block(self, result: FileResult) -> None:
        import tempfile

        if self.open is None:
            self.open = FileResult(result.path)
            self.spool = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.open.sentences += result.sentences
        self.open.errors.extend(result.errors)
        for finding in result.findings:
            self.spool.write(finding_json(finding) + "\n")
        if not result.more:
            entry = self.open.to_dict()
            self.spool.seek(0)
            entry["findings"] = Rendered(line.rstrip("\n") for line in self.spool)
            self._entry(entry)
            self.spool.close()
            self.open = self.spool = None

    def close(self) -> None:
        tail = self._skeleton()
        keys = list(tail)
        self.write(("\n  ]" if self.files else "]"))
        for key in keys[keys.index("files") + 1 :]:
            self.write(",\n  " + _ONE_LINE(key) + ": " + "".join(json_chunks(tail[key], 1)))
        self.write("\n}\n")


class JsonLinesWriter:
    """``--format jsonl`` written as results arrive (see :class:`JsonWriter`)."""

    def __init__(self, write, report: Report) -> None:
        self.write, self.report, self.errors = write, report, []

    def add(self, result: FileResult) -> None:
        path = result.path
        head = '{"path": ' + _ONE_LINE(path) + ", "
        self.write("".join(head + finding_json(f)[1:] + "\n" for f in result.findings))
        self.errors.extend(result.errors)  # after the file's findings, all blocks of it
        if not result.more:
            self._errors(self.errors)
            self.errors = []

    def _errors(self, errors) -> None:
        self.write("".join(_ONE_LINE({"error": e.message, **e.to_dict()}) + "\n" for e in errors))

    def close(self) -> None:
        self._errors(self.report.errors)


#: ``--format`` names whose output is written file by file as results arrive.
STREAMED = {"json": JsonWriter, "jsonl": JsonLinesWriter}


class Rendered:
    """A list whose items are JSON text already (see :func:`json_chunks`)."""

    def __init__(self, items) -> None:
        self.items = items


def _one_line_encoder():
    """JSON text of a value on one line.  CPython's C encoder called directly: the public
    JSONEncoder.encode builds a new one on every call, a quarter of the cost per finding."""
    from json import encoder

    standard = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
    if encoder.c_make_encoder is None:  # another Python
        return standard.encode
    c_encoder = encoder.c_make_encoder(None, standard.default, encoder.c_encode_basestring, None, ": ", ", ",
                                       False, False, True)
    return lambda value: "".join(c_encoder(value, 0))


_ONE_LINE = _one_line_encoder()
_FIELDS = attrgetter("rule", "plugin", "severity", "message", "start", "end", "line", "column", "end_line", "end_column",
                     "text", "data")
_FINDING = ('{"rule": %s, "plugin": %s, "severity": %s, "message": %s, "start": %d, "end": %d, "line": %d, '
            '"column": %d, "end_line": %d, "end_column": %d, "text": %s, "data": %s}')


def finding_json(finding: Finding) -> str:
    """``_ONE_LINE(finding.to_dict())``, the same text: for the usual finding (text, whole
    numbers and a dict where they belong) written straight into a template, at half the cost."""
    rule, plugin, severity, message, start, end, line, column, end_line, end_column, text, data = _FIELDS(finding)
    if (type(finding) is Finding and str is type(rule) is type(message) is type(text)
            and int is type(start) is type(end) is type(line) is type(column) is type(end_line) is type(end_column)
            and (plugin is None or type(plugin) is str) and (severity is None or type(severity) is str)
            and type(data) is dict):
        return _FINDING % (_STRING(rule), "null" if plugin is None else _STRING(plugin),
                           "null" if severity is None else _STRING(severity), _STRING(message),
                           start, end, line, column, end_line, end_column, _STRING(text), _ONE_LINE(data))
    return _ONE_LINE(finding.to_dict())


def json_chunks(value, depth: int = 0, in_files: bool = False):
    """Pieces of the JSON text of ``value``: containers indented, except that an
    object inside a list (a finding, an error) is written on one line, but for
    the objects of ``"files"``."""
    pad = "\n" + "  " * (depth + 1)
    if isinstance(value, Rendered) and isinstance(value.items, list):
        yield "[" + pad + ("," + pad).join(value.items) + "\n" + "  " * depth + "]" if value.items else "[]"
        return
    if isinstance(value, Rendered):
        count = 0
        for count, item in enumerate(value.items, 1):
            yield ("[" if count == 1 else ",") + pad + item
        yield "\n" + "  " * depth + "]" if count else "[]"
        return
    if not value or not isinstance(value, (dict, list)) or (isinstance(value, dict) and depth and not in_files):
        yield _ONE_LINE(value)
        return
    if isinstance(value, dict):
        yield "{"
        for i, (key, item) in enumerate(value.items()):
            yield ("," if i else "") + pad + _ONE_LINE(key) + ": "
            yield from json_chunks(item, depth + 1, key == "files")
        yield "\n" + "  " * depth + "}"
    elif not in_files:  # findings, errors: each on one line
        yield "[" + pad + ("," + pad).join(map(_ONE_LINE, value)) + "\n" + "  " * depth + "]"
    else:
        yield "["
        for i, item in enumerate(value):
            yield ("," if i else "") + pad
            yield from json_chunks(item, depth + 1, in_files)
        yield "\n" + "  " * depth + "]"


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


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters escaped (``\\n``), so that a
    file name holding one still gives one line: an error, a file's heading in a table."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def write_atomically(path: str, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, renamed
    over ``path`` only once complete: an interrupted run never leaves half a report."""
    with open_atomically(path) as handle:
        handle.write(text)


@contextmanager
def open_atomically(path: str):
    """A text file to write that appears at ``path`` only once it is complete (see
    :func:`write_atomically`); for a report written piece by piece."""
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
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def worst_severity(findings: list[Finding]) -> str | None:
    order = {"info": 0, "warning": 1, "error": 2}
    return max((f.severity for f in findings), key=order.__getitem__, default=None)
