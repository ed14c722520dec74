"""What the commands that read articles share: their input options and how they report errors."""

from __future__ import annotations

import click


def _known_encoding(ctx: click.Context, param: click.Parameter, name: str) -> str:
    import codecs

    try:
        codecs.lookup(name)
    except LookupError:
        raise click.BadParameter(f"unknown encoding {name!r} (try utf-8, latin-1, cp1252, utf-16)") from None
    return name


_INPUT_OPTIONS = (
    click.option("--plugin", "plugins", multiple=True, metavar="FILE.py|MODULE",
                 help="Load a plugin for this run from a file or an importable module (runs its code)."),
    click.option("--encoding", default="utf-8", show_default=True, callback=_known_encoding,
                 help="Text encoding of the input files (UTF-16/32 files with a byte order mark are read as such)."),
    click.option("--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
                 help="Use this configuration file (auditor.toml, or a pyproject.toml with [tool.auditor])."),
    click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
    click.option("--exclude", multiple=True, metavar="GLOB",
                 help="Skip files and folders matching GLOB (relative to the current folder; repeatable)."),
    click.option("--stdin-filename", metavar="NAME",
                 help="Name of the file read from - (stdin): its ending sets the format, e.g. draft.md."),
)


def input_options(command):
    """Add the options for reading articles and loading plugins and configuration."""
    for option in reversed(_INPUT_OPTIONS):
        command = option(command)
    return command


def echo_errors(errors) -> None:
    """One line on stderr per problem, with its place when it has one."""
    from ..output import one_line

    for error in errors:
        where = f"{error.path}:{error.line}:{error.column}" if error.line else error.path
        click.echo(one_line(f"error: {where}: {error.message}"), err=True)
