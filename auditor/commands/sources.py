"""``auditor sources``: the source ledger of articles (who says what, named or not)."""

from __future__ import annotations

import click

from ..ledger import RENDERERS


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="table", show_default=True,
              help="Output format.")
@click.option("--tablefmt", default="simple", show_default=True, help="tabulate's table format for --format table.")
@click.option("--plugin", "plugins", multiple=True, metavar="FILE.py|MODULE",
              help="Load a plugin for this run from a file or an importable module (runs its code).")
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of the input files.")
@click.option("--stdin-filename", metavar="NAME",
              help="Name of the file read from - (stdin): its ending sets the format, e.g. draft.md.")
@click.option("--output", "-o", "output_file", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write the ledger to FILE instead of stdout.")
def sources(paths, fmt, tablefmt, plugins, encoding, stdin_filename, output_file):
    """List every attribution in articles (files, folders, or - for stdin): where, the source
    as written, who it resolves to, its kind, quote form, cue and content; then a summary
    per article.  Exit code 2 when an input could not be read or a plugin failed."""
    from ..engine import Auditor
    from ..ledger import render_table, sources as build
    from ..output import write_atomically

    report = build(paths, Auditor(plugins), encoding=encoding, stdin_filename=stdin_filename)
    text = render_table(report, tablefmt) if fmt == "table" else RENDERERS[fmt](report)
    if output_file:
        try:
            write_atomically(output_file, text)
        except OSError as exc:
            click.echo(f"error: cannot write {output_file}: {exc.strerror or exc}", err=True)
            raise SystemExit(2) from None
    else:
        click.echo(text, nl=False)
    for error in report.all_errors:
        where = f"{error.path}:{error.line}:{error.column}" if error.line else error.path
        click.echo(f"error: {where}: {error.message}", err=True)
    raise SystemExit(2 if report.all_errors else 0)
