"""``auditor audit``: the findings for files, folders or stdin."""

from __future__ import annotations

import click

from ..cli import EXIT_CODES_HELP
from ..model import SEVERITIES

FAIL_LEVELS = (*SEVERITIES, "never")


def split_ids(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True,
              help="Output format.")
@click.option("--tablefmt", default="simple", show_default=True, help="tabulate's table format for --format table.")
@click.option("--select", multiple=True, help="Only these rule ids (comma-separated or repeated).")
@click.option("--ignore", multiple=True, help="Not these rule ids (comma-separated or repeated).")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default="warning", show_default=True,
              help="Exit 1 when a finding has this severity or a higher one.")
@click.option("--plugin", "plugins", multiple=True, metavar="FILE.py|MODULE",
              help="Load a plugin for this run from a file or an importable module (runs its code).")
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of the input files.")
def audit(paths, fmt, tablefmt, select, ignore, fail_on, plugins, encoding):
    """Audit articles (files, folders, or - for stdin) and report attribution problems."""
    from ..engine import Auditor
    from ..output import RENDERERS, render_table

    auditor = Auditor(plugins, select=split_ids(select), ignore=split_ids(ignore))
    unknown = [r for r in split_ids(select) + split_ids(ignore) if r not in auditor.rules]
    if unknown:
        raise click.UsageError(f"unknown rule id(s): {', '.join(unknown)}; see `auditor rules`")
    report = auditor.audit_paths(paths, encoding=encoding)
    if fmt == "table":
        click.echo(render_table(report, tablefmt), nl=False)
    else:
        click.echo(RENDERERS[fmt](report), nl=False)
    for error in report.all_errors:
        where = f"{error.path}:{error.line}:{error.column}" if error.line else error.path
        click.echo(f"error: {where}: {error.message}", err=True)
    raise SystemExit(exit_code(report, fail_on))


def exit_code(report, fail_on: str) -> int:
    if report.all_errors:
        return 2
    if fail_on == "never":
        return 0
    threshold = SEVERITIES.index(fail_on)
    return int(any(SEVERITIES.index(f.severity) >= threshold for f in report.findings))
