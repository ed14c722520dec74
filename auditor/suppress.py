"""Inline suppressions: a reviewed decision written into the draft itself.

In Markdown and HTML (and plain text too), an HTML comment before a paragraph::

    <!-- auditor: ignore unnamed-source -->
    <!-- auditor: ignore unnamed-source, paraphrased-quote -->
    <!-- auditor: ignore -->                  (every rule)

In plain text, the same as a line of its own starting with ``#``::

    # auditor: ignore unnamed-source

A directive silences the named rules in the paragraph that follows it (the first
paragraph with text after the directive).  The directive's own line is never
audited as prose.  A directive that silenced nothing is reported by
``auditor audit --report-unused-suppressions`` as an ``unused-suppression`` finding.
"""

from __future__ import annotations

import re

from .model import Article, Finding, Rule

# Patterns, not compiled ones: re compiles (and caches) them on first use, and most texts have no directive.
_RULES = r"(?P<rules>[^\r\n]*?)"
_COMMENT = r"<!--[ \t]*auditor:[ \t]*ignore\b" + _RULES + r"[ \t]*-->"
_LINE = r"(?m)^[ \t]*#[ \t]*auditor:[ \t]*ignore\b" + _RULES + r"[ \t]*(?=\r?$)"

UNUSED_RULE = Rule(
    "unused-suppression",
    "An `auditor: ignore` directive that silenced no finding (shown with --report-unused-suppressions).",
    "warning",
    plugin="auditor",
)


class Suppression:
    """One directive: where it is, which rules it names (None: every rule), and
    how many findings each rule it names silenced.  (Not a dataclass: building one
    costs about a millisecond at every start.)"""

    def __init__(self, start: int, end: int, rules: frozenset[str] | None) -> None:
        self.start, self.end, self.rules = start, end, rules
        self.scope: tuple[int, int] | None = None  # the paragraph it governs
        self.used: dict[str, int] = {}

    def covers(self, finding: Finding) -> bool:
        return (
            self.scope is not None
            and self.scope[0] <= finding.start < self.scope[1]
            and (self.rules is None or finding.rule in self.rules)
        )


def find_directives(text: str, fmt: str, metadata: dict | None = None) -> list[Suppression]:
    """Every directive in ``text`` (the file as written), in order.  ``metadata``: the
    reader's ``comment_ranges`` (only there a directive counts) or ``code_ranges``
    (there it is an example, as in a README that documents this syntax)."""
    if "auditor:" not in text:
        return []  # the common case: one fast scan
    patterns = (_COMMENT, _LINE) if fmt == "text" else (_COMMENT,)
    comments = (metadata or {}).get("comment_ranges")
    code = (metadata or {}).get("code_ranges", ())
    found = []
    for pattern in patterns:
        for m in re.finditer(pattern, text):
            if comments is not None and not any(a <= m.start() < b for a, b in comments):
                continue
            if any(a <= m.start() < b for a, b in code):
                continue
            names = frozenset(r for r in re.split(r"[\s,]+", m.group("rules")) if r)
            found.append(Suppression(m.start(), m.end(), names or None))
    return sorted(found, key=lambda s: s.start)


def blank_text_directives(text: str) -> str:
    """Plain text's prose view: the text with its directives blanked (same length)."""
    directives = find_directives(text, "text")
    if not directives:
        return text
    chars = list(text)
    for d in directives:
        chars[d.start : d.end] = " " * (d.end - d.start)
    return "".join(chars)


def apply_suppressions(article: Article, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """The findings no directive silences, and an ``unused-suppression`` finding for
    each directive (or rule named in one) that silenced nothing."""
    directives = find_directives(article.original, article.format, article.metadata)
    if not directives:
        return findings, []
    for directive in directives:
        directive.scope = _paragraph_after(article, directive.end)
    kept = []
    for finding in findings:
        covering = [d for d in directives if d.covers(finding)]
        for d in covering:
            d.used[finding.rule] = d.used.get(finding.rule, 0) + 1
        if not covering:
            kept.append(finding)
    return kept, unused_findings(article, directives)


def unused_findings(article: Article, directives: list[Suppression]) -> list[Finding]:
    """``unused-suppression`` findings for the rules a directive names but never silenced."""
    out = []
    for d in directives:
        if d.rules is None:
            unused = [] if d.used else ["every rule"]
        else:
            unused = sorted(r for r in d.rules if not d.used.get(r))
        if unused:
            message = f"Unused suppression: no {', '.join(unused)} finding in the paragraph after it; remove it."
            finding = Finding(UNUSED_RULE.id, d.start, d.end, message, data={"rules": unused})
            out.append(article.locate(finding, "auditor", UNUSED_RULE.severity))
    return out


def _paragraph_after(article: Article, offset: int) -> tuple[int, int] | None:
    following = [s for s in article.sentences if s.start >= offset]
    if not following:
        return None
    paragraph = [s for s in following if s.paragraph == following[0].paragraph]
    return paragraph[0].start, paragraph[-1].end
