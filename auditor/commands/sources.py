"""``auditor sources``: the source ledger of articles (who says what, named or not)."""

from __future__ import annotations

import click

from ..ledger import RENDERERS
from .common import echo_errors, input_options


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(list(RENDERERS)), default="table", show_default=True,
              help="Output format.")
@click.option("--tablefmt", default="simple", show_default=True, help="tabulate's table format for --format table.")
@input_options
@click.option("--output", "-o", "output_file", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write the ledger to FILE instead of stdout.")
def sources(paths, fmt, tablefmt, plugins, encoding, config_file, isolated, exclude, stdin_filename, output_file):
    """Who says what: the source ledger of articles.

    One row per attribution in the articles (files, folders, or - for stdin): where,
    the source as written, who it resolves to, its kind, quote form, cue and content;
    then a summary per article.  Exit code 2 when an input could not be read or a
    plugin failed, else 0."""
    from ..config import ConfigError, exclusion
    from ..ledger import ledgers, render_table
    from ..output import write_atomically
    from .audit import make_auditor

    # Inputs, configuration and plugins exactly as `auditor audit` reads them.
    try:
        auditor, config = make_auditor(paths, plugins, config_file=config_file, isolated=isolated,
                                       stdin_filename=stdin_filename)
    except ConfigError as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(2) from None
    audited = auditor.audit_paths(paths, encoding=encoding, exclude=exclusion(exclude, config),
                                  stdin_filename=stdin_filename)
    config.apply(audited)
    report = ledgers(audited)
    text = render_table(report, tablefmt) if fmt == "table" else RENDERERS[fmt](report)
    if output_file:
        try:
            write_atomically(output_file, text)
        except OSError as exc:
            click.echo(f"error: cannot write {output_file}: {exc.strerror or exc}", err=True)
            raise SystemExit(2) from None
    else:
        click.echo(text, nl=False)
    echo_errors(report.all_errors)
    raise SystemExit(2 if report.all_errors else 0)
