"""auditor: a plugin-based source-attribution auditor for news articles and drafts.

The Python API the command line is built on::

    import auditor
    result = auditor.audit_text("Officials said the talks had failed.")
    for finding in result.findings:
        print(finding.line, finding.column, finding.rule, finding.message)

    report = auditor.audit_paths(["drafts/"])      # files, folders, "-" for stdin
"""

from __future__ import annotations

from typing import Any, Iterable

import pluggy

from .model import Article, Attribution, Finding, Problem, Quote, Rule, Sentence, Span

__version__ = "0.1.0"

#: Marks a function as the implementation of a hook in :mod:`auditor.hookspecs`.
hookimpl = pluggy.HookimplMarker("auditor")

__all__ = [
    "Article", "Attribution", "Finding", "Problem", "Quote", "Rule", "Sentence", "Span",
    "Auditor", "audit_text", "audit_paths", "hookimpl", "__version__",
]


def __getattr__(name: str) -> Any:
    # The engine pulls in pluggy's plugin loading and the analysis; import it on first use.
    if name == "Auditor":
        from .engine import Auditor

        return Auditor
    raise AttributeError(name)


def audit_text(text: str, path: str = "<text>", **options: Any):
    """Audit one text with every installed plugin.  Returns a ``FileResult``."""
    from .engine import Auditor

    return Auditor(**options).audit_text(text, path)


def audit_paths(paths: Iterable[str], **options: Any):
    """Audit files, folders (recursively) and ``"-"`` (stdin).  Returns a ``Report``."""
    from .engine import Auditor

    return Auditor(**options).audit_paths(list(paths))
