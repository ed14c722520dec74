"""The source ledger: who says what in an article, named or not, quoted or paraphrased.

One :class:`LedgerEntry` per attribution the core found (``article.attributions``),
named ones included, and a :class:`LedgerSummary` per article: how many
attributions, how many distinct sources, the share of unnamed sources and of
paraphrase, the direct quotes, and the researchers cited by name with what their
citation lacks (from the ``named-researcher`` findings).  It reads what the
engine already computed; it analyses nothing itself.

    from auditor.ledger import sources
    for ledger in sources(["draft.txt"]).ledgers:
        print(ledger.summary.share_unnamed)
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from .model import Article, Attribution, Problem, Span
from .output import one_line

#: Source kinds a reader cannot identify or check: the same test as the
#: unnamed-source rule and ``auditor corpus`` (sourceless cues such as
#: "reportedly" are ``unnamed`` with no source; ``none`` is an act that is not a report).
UNNAMED_KINDS = frozenset({"unnamed"})
#: Quote forms in the writer's words rather than the source's.
PARAPHRASED_FORMS = frozenset({"indirect", "mixed"})
RESEARCHER_RULE = "named-researcher"
CONTENT_WIDTH = 60


@dataclass(frozen=True)
class LedgerEntry:
    """One attribution, as the ledger shows it.  Offsets are ``[start, end)`` code
    points into the file; ``line``/``column`` are 1-based, of ``start``.  Span texts
    are the article's prose view (``Article.text``): the file's own characters for
    plain text; for Markdown and HTML, what a reader reads, markup blanked out at
    the same offsets."""

    path: str
    start: int
    end: int
    line: int
    column: int
    source: Span | None
    resolved: str | None
    kind: str
    form: str
    cue: Span
    content: Span | None
    sentence: int

    @property
    def who(self) -> str | None:
        """The source as the ledger counts it: the name a pronoun resolves to, else the words written."""
        return self.resolved or (self.source.text if self.source else None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "sentence": self.sentence,
            "source": _span_dict(self.source),
            "resolved": self.resolved,
            "kind": self.kind,
            "form": self.form,
            "cue": _span_dict(self.cue),
            "content": _span_dict(self.content),
        }


@dataclass(frozen=True)
class ResearcherCitation:
    """A researcher cited by name, and what the citation leaves out."""

    name: str
    start: int
    end: int
    line: int
    column: int
    missing: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "start": self.start, "end": self.end, "line": self.line,
                "column": self.column, "missing": list(self.missing)}


@dataclass(frozen=True)
class LedgerSummary:
    attributions: int
    distinct_sources: int
    unnamed: int
    paraphrased: int
    direct_quotes: int
    researchers: tuple[ResearcherCitation, ...] = ()

    @property
    def share_unnamed(self) -> float:
        return self.unnamed / self.attributions if self.attributions else 0.0

    @property
    def share_paraphrased(self) -> float:
        return self.paraphrased / self.attributions if self.attributions else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "attributions": self.attributions,
            "distinct_sources": self.distinct_sources,
            "unnamed": self.unnamed,
            "share_unnamed": round(self.share_unnamed, 4),
            "paraphrased": self.paraphrased,
            "share_paraphrased": round(self.share_paraphrased, 4),
            "direct_quotes": self.direct_quotes,
            "researchers": [r.to_dict() for r in self.researchers],
        }

    def lines(self) -> list[str]:
        """The summary in words, as the table and the HTML report show it."""
        out = [
            f"{self.attributions} attributions, {self.distinct_sources} distinct sources; "
            f"unnamed {percent(self.share_unnamed)} ({self.unnamed}), "
            f"paraphrased {percent(self.share_paraphrased)} ({self.paraphrased}), "
            f"direct quotes {self.direct_quotes}"
        ]
        for r in self.researchers:
            lacks = ", ".join(r.missing) or "nothing"
            out.append(f"named researcher {r.name} ({r.line}:{r.column}): citation lacks {lacks}")
        return out


@dataclass
class Ledger:
    """The sourcing of one article."""

    path: str
    entries: list[LedgerEntry]
    summary: LedgerSummary
    errors: list[Problem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "attributions": [e.to_dict() for e in self.entries],
            "summary": self.summary.to_dict(),
            "errors": [e.to_dict() for e in self.errors],
        }


@dataclass
class LedgerReport:
    """The ledgers of a run, and the inputs that could not be read."""

    ledgers: list[Ledger] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)

    @property
    def all_errors(self) -> list[Problem]:
        return self.errors + [e for ledger in self.ledgers for e in ledger.errors]

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1,
            "files": [ledger.to_dict() for ledger in self.ledgers],
            "errors": [e.to_dict() for e in self.errors],
        }


# -- building -------------------------------------------------------------------


def ledger_of(result) -> Ledger:
    """The ledger of one audited article (an :class:`auditor.engine.FileResult`)."""
    article = result.article
    if article is None:  # a worker process's result: the analysis stayed in the worker
        missing = Problem(result.path, "the audit did not keep this article's analysis (audit it with one job)")
        return Ledger(result.path, [], summarize([], []), [*result.errors, missing])
    entries = [entry(article, a) for a in article.attributions]
    researchers = [
        ResearcherCitation(
            str(f.data.get("name") or f.text), f.start, f.end, f.line, f.column, tuple(f.data.get("missing") or ())
        )
        for f in result.findings
        if f.rule == RESEARCHER_RULE
    ]
    return Ledger(result.path, entries, summarize(entries, researchers), list(result.errors))


def entry(article: Article, attribution: Attribution) -> LedgerEntry:
    line, column = article.line_col(attribution.start)
    return LedgerEntry(
        path=article.path,
        start=attribution.start,
        end=attribution.end,
        line=line,
        column=column,
        source=attribution.source,
        resolved=attribution.resolved,
        kind=attribution.source_kind,
        form=attribution.quote,
        cue=attribution.cue,
        content=attribution.content,
        sentence=attribution.sentence,
    )


def summarize(entries: list[LedgerEntry], researchers: list[ResearcherCitation]) -> LedgerSummary:
    # "He" resolved to "Charles Lister" and "Charles Lister" count as one source, and so
    # does "Syria researcher Charles Lister": a resolved name written out in full elsewhere.
    names = {_key(e.who) for e in entries if e.who}
    resolved = {_key(e.resolved) for e in entries if e.resolved}
    written_out = {r for r in resolved if any(k != r and f" {r} " in f" {k} " for k in names)}
    return LedgerSummary(
        attributions=len(entries),
        distinct_sources=len(names - written_out),
        unnamed=sum(e.kind in UNNAMED_KINDS for e in entries),
        paraphrased=sum(e.form in PARAPHRASED_FORMS for e in entries),
        direct_quotes=sum(e.form == "direct" for e in entries),
        researchers=tuple(researchers),
    )


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def sources(
    paths: Iterable[str | os.PathLike], auditor=None, **read_options: Any
) -> LedgerReport:
    """Audit ``paths`` (files, folders, ``-`` for stdin) and return their ledgers.
    ``auditor``: an :class:`auditor.engine.Auditor` to use (default: all installed plugins)."""
    if auditor is None:
        from .engine import Auditor

        auditor = Auditor()
    return ledgers(auditor.audit_paths(list(paths), **read_options))


def ledgers(report) -> LedgerReport:
    """The ledgers of an audit (an :class:`auditor.engine.Report` whose results kept their articles)."""
    return LedgerReport([ledger_of(r) for r in report.files], list(report.errors))


def ledger_of_text(text: str, path: str = "<text>", auditor=None) -> Ledger:
    """The ledger of an article given as a string."""
    if auditor is None:
        from .engine import Auditor

        auditor = Auditor()
    return ledger_of(auditor.audit_text(text, path))


def _span_dict(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"text": span.text, "start": span.start, "end": span.end}


def percent(share: float) -> str:
    return f"{share:.0%}"


# -- rendering --------------------------------------------------------------------

TABLE_HEADERS = ("where", "source", "resolves to", "kind", "form", "cue", "content")


def table_row(e: LedgerEntry) -> tuple[str, ...]:
    from .output import excerpt

    return (
        f"{e.line}:{e.column}",
        _flat(e.source.text) if e.source else "-",
        _flat(e.resolved or ""),
        e.kind.replace("_", " "),
        e.form,
        _flat(e.cue.text),
        excerpt(e.content.text, CONTENT_WIDTH) if e.content else "",
    )


def _flat(text: str) -> str:
    return " ".join(text.split())


TABLE_WIDTHS = (None, 30, 24, None, None, 24, CONTENT_WIDTH)


def render_table(report: LedgerReport, tablefmt: str = "simple") -> str:
    from tabulate import tabulate

    from .output import wrap_cells

    blocks = []
    for ledger in report.ledgers:
        block = [one_line(ledger.path)]
        if ledger.entries:
            rows = [wrap_cells(table_row(e), TABLE_WIDTHS) for e in ledger.entries]
            block.append(tabulate(rows, headers=TABLE_HEADERS, tablefmt=tablefmt, disable_numparse=True))
        block.extend(one_line(f"error: {e.path}:{e.line}:{e.column}: {e.message}") for e in ledger.errors)
        block.extend(ledger.summary.lines())
        blocks.append("\n".join(block))
    blocks.extend(one_line(f"error: {e.path}: {e.message}") for e in report.errors)
    return "\n\n".join(blocks) + "\n"


def render_markdown(report: LedgerReport) -> str:
    from tabulate import tabulate

    blocks = []
    for ledger in report.ledgers:
        block = [f"### {one_line(ledger.path)}", ""]
        if ledger.entries:
            rows = [[cell.replace("|", "\\|") for cell in table_row(e)] for e in ledger.entries]
            block += [tabulate(rows, headers=TABLE_HEADERS, tablefmt="github", disable_numparse=True), ""]
        block += [f"- {line}" for line in ledger.summary.lines()]
        block += [one_line(f"- error: {e.message}") for e in ledger.errors]
        blocks.append("\n".join(block))
    blocks.extend(one_line(f"error: {e.path}: {e.message}") for e in report.errors)
    return "\n\n".join(blocks) + "\n"


def render_json(report: LedgerReport) -> str:
    """Laid out as ``audit --format json``: one attribution per line."""
    from .output import json_chunks

    return "".join(json_chunks(report.to_dict())) + "\n"


def render_jsonl(report: LedgerReport) -> str:
    """One attribution per line; then one summary line per article; errors as ``audit`` gives them."""
    records: list[dict[str, Any]] = []
    for ledger in report.ledgers:
        records.extend(e.to_dict() for e in ledger.entries)
        records.append({"path": ledger.path, "summary": ledger.summary.to_dict()})
        records.extend({"error": e.message, **e.to_dict()} for e in ledger.errors)
    records.extend({"error": e.message, **e.to_dict()} for e in report.errors)
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


CSV_HEADERS = ("path", "line", "column", "start", "end", "source", "source_start", "source_end", "resolved",
               "kind", "form", "cue", "cue_start", "cue_end", "content", "content_start", "content_end")


def render_csv(report: LedgerReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADERS)
    for ledger in report.ledgers:
        for e in ledger.entries:
            spans = []
            for span in (e.source, e.cue, e.content):
                spans += [span.text, span.start, span.end] if span else ["", "", ""]
            writer.writerow([e.path, e.line, e.column, e.start, e.end, *spans[:3], e.resolved or "",
                             e.kind, e.form, *spans[3:]])
    return out.getvalue()


#: ``auditor sources --format`` name -> renderer.
RENDERERS: dict[str, Callable[[LedgerReport], str]] = {
    "table": render_table,
    "json": render_json,
    "jsonl": render_jsonl,
    "csv": render_csv,
    "markdown": render_markdown,
}
