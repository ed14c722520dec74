"""``auditor audit --format html``: one self-contained page showing every finding in place.

Each article's text is shown as written, with every finding highlighted over
exactly its characters (a colour and an underline style per rule, so the page
reads in print and without colour vision), numbered to match the list of
findings beside it, with its message on hover and on keyboard focus.  A side
panel gives the article's source-ledger summary.  The stylesheet and script are
the files ``html_report.css`` and ``html_report.js`` beside this module, inlined;
the page loads nothing and its Content-Security-Policy forbids loading anything,
so it opens offline and can be attached to a ticket.

Article text is untrusted: every character of it goes through :func:`html.escape`.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections import Counter
from importlib import resources

from . import __version__
from .engine import FileResult, Report
from .ledger import TABLE_HEADERS, Ledger, table_row, ledger_of, percent
from .model import Finding

#: Okabe–Ito colours (distinguishable with the common colour-vision deficiencies),
#: each paired with an underline style, so rules differ in grey print too.
PALETTE = ("#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
UNDERLINES = ("solid", "dashed", "double", "dotted")
#: The built-in rules keep the same look in every report; other rules follow in id order.
BUILTIN_ORDER = ("unnamed-source", "paraphrased-quote", "named-researcher")

# Characters HTML cannot carry literally (NUL, C0/C1 controls other than tab and line breaks,
# non-characters): shown as U+FFFD so the browser's parser does not drop or rewrite them silently.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


def escape(text: str) -> str:
    return html.escape(_UNSAFE.sub("\ufffd", text), quote=True)


def render_html(report: Report) -> str:
    rules = rule_styles(report)
    ledgers = [ledger_of(result) for result in report.files]
    css = _asset("html_report.css") + "".join(
        f".r{i}{{--c:{color};--bg:{_tint(color)};--u:{style}}}" for i, (color, style) in enumerate(rules.values())
    )
    script = _asset("html_report.js")
    policy = (
        "default-src 'none'; base-uri 'none'; form-action 'none'; "
        f"style-src '{_digest(css)}'; script-src '{_digest(script)}'"
    )
    findings = report.findings
    title = "auditor report" + (f": {report.files[0].path}" if len(report.files) == 1 else "")
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta name="generator" content="auditor {escape(__version__)}">\n',
        f"<title>{escape(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n",
        '<header class="run">\n<h1>Source-attribution report</h1>\n',
        f'<p class="totals">{_count(len(report.files), "article")}, {_count(len(findings), "finding")}</p>\n',
        _legend(rules, Counter(f.rule for f in findings)),
        _contents(report, ledgers) if len(report.files) > 1 else "",
        _errors(report.errors),
        "</header>\n<main>\n",
    ]
    for n, (result, ledger) in enumerate(zip(report.files, ledgers), 1):
        parts.append(_article(f"a{n}", result, ledger, rules))
    parts.append('</main>\n<div id="tip" role="tooltip" hidden></div>\n')
    parts.append(f"<script>{script}</script>\n</body>\n</html>\n")
    return "".join(parts)


def rule_styles(report: Report) -> dict[str, tuple[str, str]]:
    """Rule id -> (colour, underline style), stable for the built-in rules."""
    present = {f.rule for f in report.findings}
    ordered = list(BUILTIN_ORDER) + sorted(present - set(BUILTIN_ORDER))
    return {
        rule: (PALETTE[i % len(PALETTE)], UNDERLINES[i % len(UNDERLINES)])
        for i, rule in enumerate(ordered)
    }


# -- the article text with its findings ------------------------------------------------


def highlight(text: str, findings: list[Finding], prefix: str, rules: dict[str, tuple[str, str]]) -> str:
    """``text`` escaped, with one ``<mark>`` per finding over exactly its characters.

    Overlapping findings that do not nest are split: when a finding ends inside
    another that began after it, the later one is closed and reopened around the
    end tag, so the elements nest while every finding still covers its own span.
    The first piece of each finding carries its id, number and keyboard focus.
    """
    rule_class = {rule: f"r{i}" for i, rule in enumerate(rules)}
    order = sorted(range(len(findings)), key=lambda i: (findings[i].start, -findings[i].end, i))
    starts: dict[int, list[int]] = {}
    for i in order:
        starts.setdefault(findings[i].start, []).append(i)
    bounds = sorted({0, len(text)} | {f.start for f in findings} | {f.end for f in findings})
    out: list[str] = []
    stack: list[int] = []
    opened: set[int] = set()

    def open_tag(i: int) -> str:
        f = findings[i]
        ident = f"{prefix}-f{i + 1}"
        classes = f"hl {rule_class[f.rule]} d{min(len(stack), 3)}" + (" empty" if f.start == f.end else "")
        attrs = f'class="{classes}" data-finding="{ident}" data-rule="{escape(f.rule)}"'
        if i not in opened:
            opened.add(i)
            attrs += f' id="{ident}" data-n="{i + 1}" tabindex="0" aria-describedby="{ident}-msg"'
        stack.append(i)
        return f"<mark {attrs}>"

    previous = 0
    for at in bounds:
        out.append(escape(text[previous:at]))
        previous = at
        ending = {i for i in stack if findings[i].end == at}
        reopen: list[int] = []
        while ending:
            i = stack.pop()
            out.append("</mark>")
            if i in ending:
                ending.discard(i)
            else:
                reopen.append(i)
        for i in reversed(reopen):
            out.append(open_tag(i))
        for i in starts.get(at, ()):
            out.append(open_tag(i))
            if findings[i].start == findings[i].end:
                stack.pop()
                out.append("</mark>")
    out.append(escape(text[previous:]))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def _article(prefix: str, result: FileResult, ledger: Ledger, rules: dict[str, tuple[str, str]]) -> str:
    article = result.article
    # Without the article (a worker's result) there is no text to show; the panel says why.
    marked = highlight(article.original, result.findings, prefix, rules) if article is not None else ""
    parts = [
        f'<section class="article" id="{prefix}" aria-labelledby="{prefix}-title">\n',
        f'<h2 id="{prefix}-title">{escape(result.path)}</h2>\n<div class="layout">\n',
        f'<div class="text" aria-label="article text">{marked}</div>\n',
        '<aside class="panel">\n',
        _summary(prefix, ledger),
        _finding_counts(prefix, result.findings, rules),
        _finding_list(prefix, result.findings, rules),
        _errors(ledger.errors),
        "</aside>\n</div>\n",
        _ledger_table(ledger),
        "</section>\n",
    ]
    return "".join(parts)


# -- the side panel ------------------------------------------------------------------------


def _summary(prefix: str, ledger: Ledger) -> str:
    s = ledger.summary
    rows = [
        ("attributions", "Attributions", str(s.attributions)),
        ("distinct_sources", "Distinct sources", str(s.distinct_sources)),
        ("unnamed", "Unnamed", f"{s.unnamed} ({percent(s.share_unnamed)})"),
        ("paraphrased", "Paraphrased", f"{s.paraphrased} ({percent(s.share_paraphrased)})"),
        ("direct_quotes", "Direct quotes", str(s.direct_quotes)),
    ]
    out = [f'<h3 id="{prefix}-sourcing">Sourcing</h3>\n<dl class="summary">\n']
    out += [f'<div><dt>{label}</dt><dd data-key="{key}">{value}</dd></div>\n' for key, label, value in rows]
    out.append("</dl>\n")
    if s.researchers:
        out.append('<h4>Named researchers</h4>\n<ul class="researchers">\n')
        for r in s.researchers:
            lacks = ", ".join(r.missing) or "nothing"
            out.append(f'<li><span class="name">{escape(r.name)}</span>: citation lacks '
                       f'<span class="missing">{escape(lacks)}</span></li>\n')
        out.append("</ul>\n")
    return "".join(out)


def _finding_counts(prefix: str, findings: list[Finding], rules: dict[str, tuple[str, str]]) -> str:
    counts = Counter(f.rule for f in findings)
    out = [f'<h3 id="{prefix}-findings">Findings</h3>\n<dl class="counts">\n',
           f'<div><dt>All</dt><dd data-key="findings">{len(findings)}</dd></div>\n']
    for i, rule in enumerate(rules):
        if counts[rule]:
            out.append(f'<div><dt><span class="chip r{i}">{escape(rule)}</span></dt>'
                       f'<dd data-rule="{escape(rule)}">{counts[rule]}</dd></div>\n')
    out.append("</dl>\n")
    return "".join(out)


def _finding_list(prefix: str, findings: list[Finding], rules: dict[str, tuple[str, str]]) -> str:
    if not findings:
        return '<p class="none">No findings.</p>\n'
    rule_class = {rule: f"r{i}" for i, rule in enumerate(rules)}
    out = [f'<ol class="findings" aria-labelledby="{prefix}-findings">\n']
    for i, f in enumerate(findings, 1):
        ident = f"{prefix}-f{i}"
        out.append(
            f'<li value="{i}" class="sev-{escape(f.severity or "")}"><a href="#{ident}">{f.line}:{f.column}</a> '
            f'<span class="chip {rule_class[f.rule]}">{escape(f.rule)}</span> '
            f'<span class="sev">{escape(f.severity or "")}</span> '
            f'<span class="msg" id="{ident}-msg">{escape(f.message)}</span></li>\n'
        )
    out.append("</ol>\n")
    return "".join(out)


def _ledger_table(ledger: Ledger) -> str:
    if not ledger.entries:
        return ""
    head = "".join(f"<th scope=\"col\">{escape(h)}</th>" for h in TABLE_HEADERS)
    rows = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in table_row(e)) + "</tr>\n"
                   for e in ledger.entries)
    return (f'<details class="ledger"><summary>Source ledger: {_count(len(ledger.entries), "attribution")}</summary>\n'
            f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n</details>\n")


# -- the page header ---------------------------------------------------------------------


def _legend(rules: dict[str, tuple[str, str]], counts: Counter) -> str:
    items = "".join(
        f'<li><mark class="hl sample r{i}">{escape(rule)}</mark> {counts[rule]}</li>\n'
        for i, rule in enumerate(rules)
        if counts[rule]
    )
    return f'<ul class="legend" aria-label="rules">\n{items}</ul>\n' if items else ""


def _contents(report: Report, ledgers: list[Ledger]) -> str:
    items = "".join(
        f'<li><a href="#a{n}">{escape(result.path)}</a> {_count(len(result.findings), "finding")}, '
        f'{_count(ledger.summary.attributions, "attribution")}</li>\n'
        for n, (result, ledger) in enumerate(zip(report.files, ledgers), 1)
    )
    return f'<nav aria-label="articles"><ol>\n{items}</ol></nav>\n'


def _errors(errors) -> str:
    if not errors:
        return ""
    items = "".join(
        f"<li>{escape(e.path)}{f':{e.line}:{e.column}' if e.line else ''}: {escape(e.message)}</li>\n" for e in errors
    )
    return f'<ul class="errors" role="alert">\n{items}</ul>\n'


# -- helpers -----------------------------------------------------------------------------


def _asset(name: str) -> str:
    text = resources.files("auditor").joinpath(name).read_text(encoding="utf-8")
    if "</" in text:  # would end the <style> or <script> element early
        raise ValueError(f"{name} must not contain '</'")
    return text


def _digest(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def _tint(color: str, alpha: float = 0.16) -> str:
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
