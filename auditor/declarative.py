"""Rules without Python: phrase lists and regular expressions from the configuration
file, compiled into one plugin.

A rule table (TOML ``[[custom-rules]]``, or any mapping)::

    id = "house-insiders"                       # the rule id users select and ignore
    message = "Say who the insiders are."       # shown with every finding
    severity = "warning"                        # info, warning (default) or error
    description = "..."                         # for `auditor rules`; defaults to message
    phrases = ["insiders say", "sources close to"]   # whole words, any spacing
    patterns = ['\\bexperts? (?:agree|warn)\\b']      # regular expressions (`regex` module)
    case-sensitive = false                      # default false
    skip-quotes = false                         # true: ignore matches inside quotation marks

Patterns come from users, so each one runs with a time limit: a pattern that
backtracks without end stops after :data:`PATTERN_TIMEOUT` seconds and becomes an
error naming the rule, instead of hanging a CI job.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Iterator, Mapping, Sequence

import regex

from . import hookimpl
from .model import SEVERITIES, Article, Finding, Rule

#: Seconds one rule (all its patterns) may spend on one article before it is stopped.
PATTERN_TIMEOUT = 1.0
PLUGIN_NAME = "custom-rules"

_KEYS = {"id", "message", "severity", "description", "phrases", "patterns", "case-sensitive", "skip-quotes"}
_RULE_ID = regex.compile(r"[a-z0-9][a-z0-9_.-]*", regex.IGNORECASE)
# Straight and typographic apostrophes are interchangeable in a phrase.
_APOSTROPHES = "'\u2019\u2018"


class PatternTimeout(Exception):
    """A user-supplied pattern ran past its time limit."""


@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    message: str
    matchers: tuple[tuple[str, regex.Pattern], ...]  # (what the user wrote, compiled)
    skip_quotes: bool


class DeclarativePlugin:
    """The plugin the engine registers for a configuration file's custom rules."""

    AUDITOR_ORIGIN = "config"

    def __init__(self, rules: Sequence[CompiledRule], origin_file: str, timeout: float = PATTERN_TIMEOUT) -> None:
        self.__name__ = PLUGIN_NAME
        self.origin_file = origin_file
        self.compiled = tuple(rules)
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"<custom rules from {self.origin_file}: {', '.join(c.rule.id for c in self.compiled)}>"

    @hookimpl
    def auditor_rules(self) -> list[Rule]:
        return [c.rule for c in self.compiled]

    @hookimpl
    def auditor_check_article(self, article: Article) -> Iterator[Finding]:
        stopped: list[str] = []
        for compiled in self.compiled:
            try:
                found = list(self._matches(compiled, article))
            except TimeoutError:
                stopped.append(compiled.rule.id)
                continue
            yield from found
        if stopped:
            # Raised after the other rules' findings were yielded: the engine keeps
            # those and reports this beside them.
            raise PatternTimeout(self._timeout_message(stopped))

    def _matches(self, compiled: CompiledRule, article: Article) -> Iterator[Finding]:
        seen: set[tuple[int, int]] = set()
        deadline = time.monotonic() + self.timeout  # one budget for all of a rule's patterns
        for source, pattern in compiled.matchers:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(compiled.rule.id)
            for match in pattern.finditer(article.text, timeout=remaining):
                start, end = match.span()
                if (start, end) in seen or start == end:
                    continue
                if compiled.skip_quotes and article.quote_at(start) is not None:
                    continue
                seen.add((start, end))
                yield Finding(compiled.rule.id, start, end, compiled.message, data={"matched": source})

    def _timeout_message(self, rule_ids: list[str]) -> str:
        names = ", ".join(repr(r) for r in rule_ids)
        return (
            f"custom rule {names} from {self.origin_file} stopped after {self.timeout:g}s: "
            "its pattern backtracks too much on this article; simplify it (avoid nested repeats like (a+)+)"
        )


def build_plugin(tables: Sequence[Mapping[str, Any]], origin_file: str, *, timeout: float = PATTERN_TIMEOUT) -> DeclarativePlugin:
    """Compile rule tables into a plugin.  Raises ``ValueError`` naming the file, the
    rule and the problem for a table that cannot work."""
    rules: list[CompiledRule] = []
    seen: set[str] = set()
    for number, table in enumerate(tables, 1):
        compiled = compile_rule(table, origin_file, number)
        if compiled.rule.id in seen:
            raise ValueError(f"{origin_file}: custom rule {compiled.rule.id!r} is defined twice")
        seen.add(compiled.rule.id)
        rules.append(compiled)
    return DeclarativePlugin(rules, origin_file, timeout)


def compile_rule(table: Mapping[str, Any], origin_file: str = "<config>", number: int = 1) -> CompiledRule:
    if not isinstance(table, Mapping):
        raise ValueError(f"{origin_file}: custom rule #{number} is {type(table).__name__}, not a table")
    rule_id = table.get("id")
    where = f"{origin_file}: custom rule {rule_id!r}" if rule_id else f"{origin_file}: custom rule #{number}"

    def fail(problem: str) -> ValueError:
        return ValueError(f"{where}: {problem}")

    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise fail(f"unknown key(s) {', '.join(unknown)}; the keys are {', '.join(sorted(_KEYS))}")
    if not isinstance(rule_id, str) or not _RULE_ID.fullmatch(rule_id):
        raise fail("needs an `id` of letters, digits, '-', '_' or '.' (e.g. \"house-insiders\")")
    message = table.get("message")
    if not isinstance(message, str) or not message.strip():
        raise fail("needs a `message` telling the writer what to do")
    severity = table.get("severity", "warning")
    if severity not in SEVERITIES:
        raise fail(f"severity {severity!r} is not one of {', '.join(SEVERITIES)}")
    description = table.get("description", message)
    if not isinstance(description, str):
        raise fail("`description` must be text")
    flags = regex.VERSION1 if table.get("case-sensitive", False) else regex.VERSION1 | regex.IGNORECASE
    for key in ("case-sensitive", "skip-quotes"):
        if not isinstance(table.get(key, False), bool):
            raise fail(f"`{key}` must be true or false")

    matchers: list[tuple[str, regex.Pattern]] = []
    phrases = _strings(table.get("phrases", []), "phrases", fail)
    if phrases:
        # Longest first, so "sources close to the" wins over "sources close to".
        body = "|".join(_phrase_pattern(p) for p in sorted(phrases, key=len, reverse=True))
        matchers.append(("phrases", regex.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)))
    for pattern in _strings(table.get("patterns", []), "patterns", fail):
        try:
            compiled = regex.compile(pattern, flags)
        except regex.error as exc:
            raise fail(f"pattern {pattern!r} is not a valid regular expression: {exc}") from None
        if compiled.fullmatch(""):
            raise fail(f"pattern {pattern!r} matches empty text, so it would flag every position")
        matchers.append((pattern, compiled))
    if not matchers:
        raise fail("needs `phrases` or `patterns` (or both), each a non-empty list of text")
    rule = Rule(rule_id, description.strip(), severity)
    return CompiledRule(rule, message.strip(), tuple(matchers), bool(table.get("skip-quotes", False)))


def _strings(value: Any, key: str, fail) -> list[str]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise fail(f"`{key}` must be a list of text, e.g. {key} = [\"...\"]")
    if not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(f"`{key}` must hold only non-empty text")
    return [v.strip() for v in value]


def _phrase_pattern(phrase: str) -> str:
    """A phrase as a pattern: any run of spaces or a line break between words,
    either kind of apostrophe."""
    parts = []
    for word in phrase.split():
        parts.append("".join(f"[{_APOSTROPHES}]" if ch in _APOSTROPHES else regex.escape(ch) for ch in word))
    return r"\s+".join(parts)
