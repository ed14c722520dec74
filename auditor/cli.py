"""The ``auditor`` command: a thin layer over the Python API.

Each subcommand lives in its own module and is imported only when it runs, so
``auditor audit`` on one article starts fast.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above
``--fail-on``; 2 bad usage, an input that could not be read, or a plugin error
(every other file is still audited and reported).
"""

from __future__ import annotations

import importlib
import sys

import click

# name -> "module:attribute" of the click command, imported on first use.
COMMANDS = {
    "audit": "auditor.commands.audit:audit",
    "plugins": "auditor.commands.info:plugins",
    "rules": "auditor.commands.info:rules",
    "eval": "auditor.commands.evaluate:eval_command",
    "sources": "auditor.commands.sources:sources",
    "corpus": "auditor.commands.corpus:corpus",
    "new-plugin": "auditor.commands.new_plugin:new_plugin",
}

EXIT_CODES_HELP = """Exit codes: 0 no finding at or above --fail-on; 1 findings at or above
--fail-on, or more findings of a rule than its configured max budget; 2 bad usage,
a bad configuration, unreadable input or a plugin error (the other files are
still audited and reported)."""


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attribute = target.split(":")
        return getattr(importlib.import_module(module), attribute)


@click.group(cls=LazyGroup, epilog=EXIT_CODES_HELP)
@click.version_option(package_name="auditor")
def cli() -> None:
    """Audit news articles and drafts for how they attribute their sources."""


def main() -> None:
    from .engine import collect_garbage_less_often

    collect_garbage_less_often()  # forked workers inherit it
    # A console that cannot show a character (curly quotes on an ASCII or cp1252 terminal)
    # gets an escape such as \u201c instead of a crash; in JSON that escape is even valid.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        cli(prog_name="auditor")
    except BrokenPipeError:
        # Output piped into `head` and closed: end quietly, as Unix tools do.
        sys.stderr.close()
        sys.exit(0)
