"""``auditor plugins`` and ``auditor rules``: what is loaded."""

from __future__ import annotations

import click


PLUGIN_OPTION = click.option(
    "--plugin", "extra", multiple=True, metavar="FILE.py|MODULE",
    help="Also load a plugin from a file or an importable module (runs its code).",
)


ORIGIN_ORDER = {"built-in": 0, "entry point": 1, "config": 2, "file": 3, "module": 4}


def load_auditor(extra):
    """The plugins `auditor audit` would load here: installed, --plugin, and the custom
    rules of the configuration file found from the current folder."""
    from ..config import ConfigError
    from .audit import make_auditor

    try:
        return make_auditor(["."], extra)[0]
    except ConfigError as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(2) from None


@click.command()
@PLUGIN_OPTION
def plugins(extra):
    """List the loaded plugins: name, version, origin and rules."""
    from tabulate import tabulate

    auditor = load_auditor(extra)
    # Built-in first, then installed, then this run's; the same order on every machine.
    shown = sorted(auditor.plugins, key=lambda p: (ORIGIN_ORDER.get(p.origin, len(ORIGIN_ORDER)), p.name))
    rows = [(p.name, p.version or "-", p.origin, ", ".join(r.id for r in p.rules) or "-") for p in shown]
    click.echo(tabulate(rows, headers=("plugin", "version", "origin", "rules")))
    for error in auditor.load_errors:
        click.echo(f"error: {error.message}", err=True)
    raise SystemExit(2 if auditor.load_errors else 0)


@click.command()
@PLUGIN_OPTION
def rules(extra):
    """List every rule id with its default severity and a one-line description."""
    from tabulate import tabulate

    auditor = load_auditor(extra)
    rows = [(r.id, r.severity, r.plugin, r.description) for r in sorted(auditor.rules.values(), key=lambda r: r.id)]
    click.echo(tabulate(rows, headers=("rule", "severity", "plugin", "description"), maxcolwidths=[None, None, None, 70]))
