"""``auditor plugins`` and ``auditor rules``: what is loaded."""

from __future__ import annotations

import click


@click.command()
def plugins():
    """List the loaded plugins: name, version, origin and rules."""
    from tabulate import tabulate

    from ..engine import Auditor

    auditor = Auditor()
    rows = [(p.name, p.version or "-", p.origin, ", ".join(r.id for r in p.rules) or "-") for p in auditor.plugins]
    click.echo(tabulate(rows, headers=("plugin", "version", "origin", "rules")))
    for error in auditor.load_errors:
        click.echo(f"error: {error.message}", err=True)
    raise SystemExit(2 if auditor.load_errors else 0)


@click.command()
def rules():
    """List every rule id with its default severity and a one-line description."""
    from tabulate import tabulate

    from ..engine import Auditor

    auditor = Auditor()
    rows = [(r.id, r.severity, r.plugin, r.description) for r in sorted(auditor.rules.values(), key=lambda r: r.id)]
    click.echo(tabulate(rows, headers=("rule", "severity", "plugin", "description"), maxcolwidths=[None, None, None, 70]))
