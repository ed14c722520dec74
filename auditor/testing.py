"""Helpers for testing plugins, the way a plugin author would::

    import my_plugin
    from auditor.testing import run_plugin, assert_finding, assert_no_finding

    def test_flags_reportedly():
        findings = run_plugin(my_plugin, "The minister reportedly resigned.")
        assert_finding(findings, "reportedly", at="reportedly")

    def test_leaves_named_sources_alone():
        findings = run_plugin(my_plugin, "The minister resigned, her office said.")
        assert_no_finding(findings, "reportedly")

A plugin is a module object, an importable module name (``"my_package.checks"``) or
the path of a ``.py`` file.  Only the plugins you pass are loaded (not the installed
ones), with the core's own analysis, so a test sees exactly what the plugin reports.
A plugin that fails to load, raises or returns something malformed fails the test
with the engine's error message.
"""

from __future__ import annotations

from typing import Any, Sequence

from .engine import Auditor, FileResult, PluginInfo
from .inputs import decode_article
from .model import Article, Finding, Problem

__all__ = ["audit_with", "run_plugin", "load_plugin", "assert_finding", "assert_no_finding"]


def audit_with(plugins: Sequence[Any], text: str, path: str = "<test>") -> FileResult:
    """Audit ``text`` with only ``plugins`` loaded.  ``path`` names the article; its
    ending picks the input format the way ``auditor audit`` does (``draft.md``)."""
    auditor = _auditor(plugins)
    article = decode_article(text.encode("utf-8"), path) if "." in path else Article(text, path)
    if isinstance(article, Problem):
        raise AssertionError(f"cannot read the test text as {path}: {article.message}")
    result = auditor.check(article)
    _fail_on(result.errors)
    return result


def run_plugin(plugin: Any, text: str, path: str = "<test>") -> list[Finding]:
    """The findings of one plugin over ``text``, in text order."""
    return audit_with([plugin], text, path).findings


def load_plugin(plugin: Any) -> PluginInfo:
    """Load ``plugin`` alone, as ``auditor plugins`` would; returns its name, version,
    origin and declared rules.  Fails with the engine's message if it is refused."""
    return _auditor([plugin]).plugins[-1]


def assert_finding(
    findings: Sequence[Finding],
    rule: str,
    *,
    at: str,
    occurrence: int = 1,
    message: str | None = None,
    severity: str | None = None,
) -> Finding:
    """Assert a finding of ``rule`` spans exactly the text ``at`` (its ``occurrence``-th
    such finding), with ``message`` in its message and the given ``severity`` when
    those are given.  Returns the finding for further checks."""
    for finding in findings:
        if finding.rule == rule and finding.text == at:
            occurrence -= 1
            if occurrence == 0:
                if message is not None and message not in finding.message:
                    raise AssertionError(f"{rule} at {at!r} says {finding.message!r}, without {message!r}")
                if severity is not None and finding.severity != severity:
                    raise AssertionError(f"{rule} at {at!r} has severity {finding.severity!r}, not {severity!r}")
                return finding
    raise AssertionError(f"no {rule} finding at {at!r}; found: {_describe(findings)}")


def assert_no_finding(findings: Sequence[Finding], rule: str, *, at: str | None = None) -> None:
    """Assert no finding of ``rule`` at all, or (with ``at``) none whose text is part
    of ``at`` or contains it."""
    bad = [f for f in findings if f.rule == rule and (at is None or (f.text and (at in f.text or f.text in at)))]
    if bad:
        raise AssertionError(f"unexpected {rule} finding(s): {_describe(bad)}")


def _auditor(plugins: Sequence[Any]) -> Auditor:
    auditor = Auditor(list(plugins), entry_points=False)
    _fail_on(auditor.load_errors)
    return auditor


def _fail_on(problems: Sequence[Problem]) -> None:
    if problems:
        raise AssertionError("\n".join(p.message for p in problems))


def _describe(findings: Sequence[Finding]) -> str:
    return ", ".join(f"{f.rule} at {f.text!r} ({f.line}:{f.column})" for f in findings) or "no findings"
