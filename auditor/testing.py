"""Helpers for testing plugins, the way a plugin author would::

    from auditor.testing import run_plugin, assert_finding

    def test_flags_reportedly():
        findings = run_plugin(my_plugin, "The minister reportedly resigned.")
        assert_finding(findings, "reportedly", at="reportedly")
"""

from __future__ import annotations

from typing import Any, Sequence

from .engine import Auditor, FileResult
from .model import Finding


def audit_with(plugins: Sequence[Any], text: str, path: str = "<test>") -> FileResult:
    """Audit ``text`` with only ``plugins`` loaded (objects, module names or .py paths).
    Raises if a plugin failed to load or reported an error, so a broken plugin fails the test."""
    auditor = Auditor(list(plugins), entry_points=False)
    result = auditor.audit_text(text, path)
    problems = auditor.load_errors + result.errors
    if problems:
        raise AssertionError("; ".join(p.message for p in problems))
    return result


def run_plugin(plugin: Any, text: str) -> list[Finding]:
    """The findings of one plugin over ``text``, in text order."""
    return audit_with([plugin], text).findings


def assert_finding(findings: Sequence[Finding], rule: str, *, at: str, occurrence: int = 1) -> Finding:
    """Assert a finding of ``rule`` spans exactly the ``occurrence``-th ``at`` substring; return it."""
    for finding in findings:
        if finding.rule == rule and finding.text == at:
            occurrence -= 1
            if occurrence == 0:
                return finding
    found = ", ".join(f"{f.rule} at {f.text!r}" for f in findings) or "no findings"
    raise AssertionError(f"no {rule} finding at {at!r}; found: {found}")


def assert_no_finding(findings: Sequence[Finding], rule: str, *, at: str | None = None) -> None:
    """Assert no finding of ``rule`` (at the substring ``at``, when given)."""
    bad = [f for f in findings if f.rule == rule and (at is None or at in f.text or f.text in at)]
    if bad:
        raise AssertionError(f"unexpected {rule} finding(s): " + ", ".join(repr(f.text) for f in bad))
