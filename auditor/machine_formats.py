"""Formats for CI: SARIF 2.1.0 (code scanning), GitHub workflow commands (inline
annotations on a pull request), a Markdown summary and CSV.

Lines and columns are 1-based and count Unicode code points, as everywhere in
auditor; an end column is the column just past the flagged text (as ruff and
SARIF have it).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from urllib.parse import quote

from .engine import Report
from .model import Finding, Problem, Rule
from .output import excerpt

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_LEVELS = {"info": "note", "warning": "warning", "error": "error"}
GITHUB_COMMANDS = {"info": "notice", "warning": "warning", "error": "error"}


# -- SARIF ----------------------------------------------------------------------------
def render_sarif(report: Report) -> str:
    """One SARIF 2.1.0 log with one run: the rules with their metadata, the findings
    as results, and unreadable files or failing plugins as tool notifications."""
    from . import __version__

    rules = _rules(report)
    index = {rule.id: i for i, rule in enumerate(rules)}
    results = [
        _sarif_result(result.path, finding, index)
        for result in report.files
        for finding in result.findings
    ]
    notifications = [_sarif_notification(problem) for problem in report.all_errors]
    run = {
        "tool": {
            "driver": {
                "name": "auditor",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_sarif_rule(rule) for rule in rules],
            }
        },
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
        "results": results,
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _rules(report: Report) -> list[Rule]:
    """The run's rules, and any rule a finding names that the run did not list."""
    rules = dict(getattr(report, "rules", None) or {})
    for finding in report.findings:
        if finding.rule not in rules:
            if finding.rule == "unused-suppression":
                from .suppress import UNUSED_RULE

                rules[finding.rule] = UNUSED_RULE
            else:
                rules[finding.rule] = Rule(finding.rule, finding.rule, finding.severity or "warning", finding.plugin)
    return sorted(rules.values(), key=lambda r: r.id)


def _sarif_rule(rule: Rule) -> dict:
    out = {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.replace("_", "-").split("-")),
        "shortDescription": {"text": rule.description},
        "fullDescription": {"text": rule.description},
        "help": {"text": f"{rule.description} Silence one paragraph with <!-- auditor: ignore {rule.id} -->."},
        "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity]},
        "properties": {"tags": ["attribution"]},
    }
    if rule.plugin:
        out["properties"]["plugin"] = rule.plugin
    return out


def _sarif_result(path: str, finding: Finding, index: dict[str, int]) -> dict:
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "charOffset": finding.start,
        "charLength": finding.end - finding.start,
        "snippet": {"text": finding.text},
    }
    return {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": SARIF_LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}, "region": region}}],
        # Stable when lines move above the finding: file, rule and the flagged words.
        "partialFingerprints": {"auditorFinding/v1": _fingerprint(path, finding)},
        "properties": {"plugin": finding.plugin},
    }


def _sarif_notification(problem: Problem) -> dict:
    out: dict = {"level": "error", "message": {"text": problem.message}}
    if problem.path and not problem.path.startswith("<"):
        location: dict = {"artifactLocation": {"uri": artifact_uri(problem.path)}}
        if problem.line:
            location["region"] = {"startLine": problem.line, "startColumn": problem.column or 1}
        out["locations"] = [{"physicalLocation": location}]
    if problem.plugin:
        out["properties"] = {"plugin": problem.plugin}
    return out


def artifact_uri(path: str) -> str:
    """A SARIF artifact URI: relative paths stay relative (code scanning resolves them
    against the repository), with ``/`` separators and reserved characters escaped.
    The file system's bytes are escaped, so a name that is not UTF-8 (a Latin-1 ``café.txt``
    from an old archive) still makes a valid URI (``caf%E9.txt``)."""
    uri = quote(os.fsencode(path.replace(os.sep, "/")), safe="/")
    return "file://" + uri if os.path.isabs(path) else uri.removeprefix("./")


def _fingerprint(path: str, finding: Finding) -> str:
    words = " ".join(finding.text.split())
    key = f"{path}\0{finding.rule}\0{words}".encode("utf-8", "surrogateescape")  # any file name
    return hashlib.sha256(key).hexdigest()[:32]


# -- GitHub workflow commands ---------------------------------------------------------
def render_github(report: Report) -> str:
    """One ``::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`` line
    per finding (``::notice`` for info, ``::error`` for error), and ``::error`` lines for
    files or plugins that failed."""
    lines = []
    for result in report.files:
        for f in result.findings:
            properties = {
                "file": _github_path(result.path),
                "line": f.line,
                "col": f.column,
                "endLine": f.end_line,
                "endColumn": f.end_column,
                "title": f"auditor {f.rule}",
            }
            lines.append(workflow_command(GITHUB_COMMANDS[f.severity], properties, f.message))
    for problem in report.all_errors:
        properties = {"file": _github_path(problem.path)} if not problem.path.startswith("<") else {}
        if problem.line:
            properties.update(line=problem.line, col=problem.column or 1)
        properties["title"] = "auditor error"
        lines.append(workflow_command("error", properties, problem.message))
    return "".join(line + "\n" for line in lines)


def _github_path(path: str) -> str:
    """The path as GitHub matches it against the repository: "./a/b.md" -> "a/b.md"."""
    return os.path.normpath(path).replace(os.sep, "/")


def workflow_command(command: str, properties: dict, message: str) -> str:
    """A GitHub Actions workflow command with its values escaped as the runner expects."""
    props = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
    return f"::{command} {props}::{_escape_data(message)}" if props else f"::{command}::{_escape_data(message)}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


# -- Markdown -------------------------------------------------------------------------
def render_markdown(report: Report) -> str:
    """A Markdown summary (for a pull request comment or ``$GITHUB_STEP_SUMMARY``):
    a headline count, then one GitHub table per file with findings."""
    from tabulate import tabulate

    findings = report.findings
    with_findings = [r for r in report.files if r.findings]
    out = [
        f"## auditor: {_count(len(findings), 'finding')} in {_count(len(with_findings), 'file')} "
        f"({_count(len(report.files), 'file')} audited)",
        "",
    ]
    for result in with_findings:
        rows = [
            (f"{f.line}:{f.column}", f"`{f.rule}`", f.severity, _cell(excerpt(f.text)), _cell(f.message))
            for f in result.findings
        ]
        out += [f"### {_cell(result.path)}", ""]
        out.append(tabulate(rows, headers=("line:col", "rule", "severity", "text", "message"), tablefmt="github"))
        out.append("")
    for problem in report.all_errors:
        where = f"{problem.path}:{problem.line}:{problem.column}" if problem.line else problem.path
        out.append(f"- **error** {_cell(where)}: {_cell(problem.message)}")
    return "\n".join(out).rstrip("\n") + "\n"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


# -- CSV ------------------------------------------------------------------------------
CSV_COLUMNS = ("path", "line", "column", "end_line", "end_column", "rule", "plugin", "severity", "message", "text")


def render_csv(report: Report) -> str:
    """One row per finding, with a header row (RFC 4180 quoting, LF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for result in report.files:
        for f in result.findings:
            writer.writerow(
                (result.path, f.line, f.column, f.end_line, f.end_column, f.rule, f.plugin, f.severity, f.message, f.text)
            )
    return buffer.getvalue()
