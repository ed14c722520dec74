"""The article model shared by the core and every plugin.

Everything is addressed by ``[start, end)`` offsets in Unicode code points into the
file's decoded text, so a finding points at the exact characters a user sees in
their editor.  ``Article.text`` is the *prose view* of the file: for plain text it
is the file itself; for Markdown or HTML it has the same length, with markup
blanked out, so offsets in the prose view are offsets in the file.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import MISSING, dataclass, field, fields, replace
from operator import attrgetter
from typing import Any, Iterator, Mapping, Sequence

SEVERITIES = ("info", "warning", "error")

#: Who an attribution credits.  ``title_only``: a person identified only by an
#: office ("the spokesman for the ministry"); ``document``: a statement, report
#: or filing of a source; ``unnamed``: a source readers cannot identify
#: ("officials said"), including a cue with no source at all ("reportedly", "it
#: is understood"), which comes with ``source`` None; ``none``: an act that is
#: not a report ("no one expected", as in the gold corpus) or a phrase the
#: finder could not classify.
SOURCE_KINDS = ("named_person", "named_org", "title_only", "unnamed", "document", "none")

#: How the content is given.  ``direct``: entirely verbatim inside quotation
#: marks; ``indirect``: reported speech in the writer's words; ``mixed``:
#: reported speech with quoted fragments, or quotation marks around what is
#: grammatically reported speech; ``belief``: a mental state ("believes",
#: "fears"), not a report of speech.
QUOTE_FORMS = ("direct", "indirect", "mixed", "belief")


def _set_through_slots(cls):
    """Give a frozen, slotted dataclass an ``__init__`` that fills each field through
    its slot.  The one ``dataclass`` writes calls ``object.__setattr__`` by name for
    each field, at twice the cost, and the finder makes a few of these per word."""
    params, lines, names = [], [], {}
    for f in fields(cls):
        names[f"_set_{f.name}"] = getattr(cls, f.name).__set__
        if f.default is MISSING:
            params.append(f.name)
        else:
            names[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        lines.append(f"    _set_{f.name}(self, {f.name})")
    exec(f"def __init__(self, {', '.join(params)}):\n" + "\n".join(lines), names)
    names["__init__"].__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = names["__init__"]
    return cls


@_set_through_slots
@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@_set_through_slots
@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence; ``index`` counts from 0, ``paragraph`` too."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@_set_through_slots
@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start`` is the opening mark, ``end`` is just past the closing
    mark.  ``closed`` is false when the quotation ran to the end of its paragraph
    without a closing mark (news style for quotes that run over paragraphs)."""

    start: int
    end: int
    closed: bool = True

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1 if self.closed else self.end


@_set_through_slots
@dataclass(frozen=True, slots=True)
class Attribution:
    """One act of attributing information to a source.

    ``cue`` is the reporting verb or phrase ("said", "according to", "wrote in
    Foreign Policy on 24 January that"); ``source`` the phrase naming who (None
    when the text gives nobody: "reportedly", "it is understood"); ``content``
    what is attributed.  ``resolved`` is the name a pronoun or anaphor
    ("he", "the militia") refers back to, where the text names it earlier.
    """

    cue: Span
    source: Span | None
    content: Span | None
    source_kind: str
    quote: str
    sentence: int
    resolved: str | None = None

    @property
    def start(self) -> int:
        return min(s.start for s in (self.cue, self.source, self.content) if s)

    @property
    def end(self) -> int:
        return max(s.end for s in (self.cue, self.source, self.content) if s)


#: The order attributions are kept in: where the cue starts, then where it ends.
ATTRIBUTION_ORDER = attrgetter("cue.start", "cue.end")


@dataclass(frozen=True, slots=True)
class Rule:
    """A check a plugin declares: stable id, one-line description, default severity."""

    id: str
    description: str
    severity: str = "warning"
    plugin: str | None = None


_NO_DATA: Mapping[str, Any] = {}  # Finding's default data, never handed out: each finding gets a dict of its own


@dataclass(frozen=True, init=False)
class Finding:
    """One problem at one place.

    Plugins create findings with ``rule``, ``start``, ``end``, ``message`` and,
    optionally, ``severity`` and ``data``; the engine fills in the rest
    (``plugin``, ``severity`` from the rule's default, ``text``, lines and
    columns), so every reported finding carries all of them.
    """

    rule: str
    start: int
    end: int
    message: str
    severity: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)
    plugin: str | None = None
    text: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    def __init__(self, rule: str, start: int, end: int, message: str, severity: str | None = None,
                 data: Mapping[str, Any] = _NO_DATA, plugin: str | None = None, text: str = "",
                 line: int = 0, column: int = 0, end_line: int = 0, end_column: int = 0) -> None:
        # Written out: the __init__ a frozen dataclass generates sets each field through
        # object.__setattr__, at 2.5 times the cost, and every finding is built twice.
        fields = self.__dict__
        fields["rule"], fields["start"], fields["end"], fields["message"] = rule, start, end, message
        fields["severity"], fields["data"] = severity, {} if data is _NO_DATA else data
        fields["plugin"], fields["text"] = plugin, text
        fields["line"], fields["column"], fields["end_line"], fields["end_column"] = line, column, end_line, end_column

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "plugin": self.plugin,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "data": dict(self.data),
        }


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that stopped part of the audit: an unreadable file, a plugin
    that raised or returned something malformed.  Never silent: reported beside
    the findings and reflected in the exit code."""

    path: str
    message: str
    plugin: str | None = None
    line: int | None = None
    column: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "message": self.message}
        if self.plugin:
            out["plugin"] = self.plugin
        if self.line is not None:
            out["line"], out["column"] = self.line, self.column
        return out


class Article:
    """A decoded article with its analysis.

    The engine fills ``sentences``, ``quotes`` and ``attributions`` once, before
    any check runs; checks only read them.
    """

    def __init__(
        self,
        text: str,
        path: str = "<text>",
        *,
        original: str | None = None,
        format: str = "text",
        metadata: Mapping[str, Any] | None = None,
    ) -> None:
        if original is not None and len(original) != len(text):
            raise ValueError("the prose view must have the same length as the original text")
        self.text = text
        self.original = text if original is None else original
        self.path = path
        self.format = format
        self.metadata = dict(metadata or {})
        self.sentences: tuple[Sentence, ...] = ()
        self.quotes: tuple[Quote, ...] = ()
        self.attributions: tuple[Attribution, ...] = ()
        self._line_starts: list[int] | None = None
        self._quote_starts: list[int] = []
        self._attributions_indexed: tuple[Attribution, ...] | None = None
        self._attributions_by_sentence: dict[int, list[Attribution]] = {}
        self._sentence_starts: list[int] = []

    def __repr__(self) -> str:
        return f"Article({self.path!r}, {len(self.text)} chars, {len(self.sentences)} sentences)"

    # -- positions ---------------------------------------------------------
    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset``.  Lines end at LF, CRLF or a lone CR."""
        if self._line_starts is None:
            self._line_starts = _line_starts(self.original)
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    # -- sentences ---------------------------------------------------------
    def set_sentences(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = tuple(sentences)
        self._sentence_starts = [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    # -- quotations --------------------------------------------------------
    def set_quotes(self, quotes: Sequence[Quote]) -> None:
        self.quotes = tuple(quotes)
        self._quote_starts = [q.start for q in self.quotes]

    def quote_at(self, offset: int) -> Quote | None:
        """The quotation whose marks enclose ``offset``, if any."""
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        if i >= 0 and offset < self.quotes[i].end:
            return self.quotes[i]
        return None

    def quotes_in(self, start: int, end: int) -> list[Quote]:
        """Quotations that overlap ``[start, end)``."""
        i = max(bisect.bisect_right(self._quote_starts, start) - 1, 0)
        j = bisect.bisect_left(self._quote_starts, end, i)  # slicing to the end instead was quadratic
        return [q for q in self.quotes[i:j] if q.end > start]

    def quoted_share(self, start: int, end: int) -> float:
        """The share of non-space characters of ``[start, end)`` inside quotation marks."""
        quotes = self.quotes_in(start, end)
        total = _non_space(self.text[start:end]) if quotes else 0  # (most content has no quotation)
        if not total:
            return 0.0
        inside = 0
        for q in quotes:
            a, b = max(q.start, start), min(q.end, end)
            inside += _non_space(self.text[a:b])
        return inside / total

    # -- attributions ------------------------------------------------------
    def attributions_in(self, sentence: Sentence) -> list[Attribution]:
        # Indexed once per attributions tuple: a scan per sentence would be quadratic.
        if self._attributions_indexed is not self.attributions:
            index: dict[int, list[Attribution]] = {}
            for a in self.attributions:
                index.setdefault(a.sentence, []).append(a)
            self._attributions_by_sentence, self._attributions_indexed = index, self.attributions
        return list(self._attributions_by_sentence.get(sentence.index, ()))

    def iter_sentences(self) -> Iterator[Sentence]:
        return iter(self.sentences)

    # -- findings ----------------------------------------------------------
    def locate(self, finding: Finding, plugin: str | None, severity: str) -> Finding:
        """Fill a plugin's finding with its plugin, severity, text and lines/columns."""
        if self._line_starts is None:
            self._line_starts = _line_starts(self.original)
        starts = self._line_starts
        if type(finding) is not Finding:
            line, column = self.line_col(finding.start)
            end_line, end_column = self.line_col(finding.end)
            return replace(finding, plugin=finding.plugin or plugin, severity=finding.severity or severity,
                           text=self.original[finding.start : finding.end], line=line, column=column,
                           end_line=end_line, end_column=end_column)
        # A copy of the plugin's finding with these fields filled in, made from its fields:
        # dataclasses.replace would check every field again, at three times the cost.
        fields = finding.__dict__.copy()
        start, end = fields["start"], fields["end"]
        line, end_line = bisect.bisect_right(starts, start), bisect.bisect_right(starts, end)  # 1-based
        fields["plugin"] = fields["plugin"] or plugin
        fields["severity"] = fields["severity"] or severity
        fields["text"] = self.original[start:end]
        fields["line"], fields["column"] = line, start - starts[line - 1] + 1
        fields["end_line"], fields["end_column"] = end_line, end - starts[end_line - 1] + 1
        located = object.__new__(Finding)
        object.__setattr__(located, "__dict__", fields)
        return located


_LINE_BREAK = re.compile(r"\r\n?|\n")


def _line_starts(text: str) -> list[int]:
    """Offsets where lines start; lines end at LF, CRLF or a lone CR."""
    if "\r" in text:
        return [0, *(m.end() for m in _LINE_BREAK.finditer(text))]
    starts, find = [0], text.find
    i = find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def _non_space(text: str) -> int:
    """How many characters of ``text`` are not white space (counted in C, not per character)."""
    return sum(map(len, text.split()))
