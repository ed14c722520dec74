"""``auditor eval``: precision, recall and F1 per rule against annotated articles."""

from __future__ import annotations

import click

from .common import echo_errors


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--misses", is_flag=True, help="List every false positive and false negative.")
@click.option("--id", "ids", metavar="PREFIX", help="Only articles whose id starts with PREFIX.")
@click.option("--rule", "only_rules", multiple=True, help="Only these rules.")
@click.option("--plugin", "plugins", multiple=True, metavar="FILE.py|MODULE", help="Load a plugin for this run.")
def eval_command(gold, misses, ids, only_rules, plugins):
    """Score the rules against GOLD, a JSON Lines file of annotated articles."""
    from tabulate import tabulate

    from ..engine import Auditor
    from ..evaluate import evaluate

    auditor = Auditor(plugins)
    problems = list(auditor.load_errors)
    try:
        scores = evaluate(gold, auditor, ids, problems)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    shown = [s for rule, s in sorted(scores.items()) if not only_rules or rule in only_rules]
    if misses:
        for score in shown:
            for line in score.misses:
                click.echo(f"{score.rule} {line}")
        click.echo()
    rows = [(s.rule, s.tp + s.fn, s.tp + s.fp, s.tp, s.fp, s.fn, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")
            for s in shown]
    click.echo(tabulate(rows, headers=("rule", "gold", "found", "tp", "fp", "fn", "precision", "recall", "f1")))
    # A score of 0 found can mean the plugin is missing or broken: say so rather than let it pass as a result.
    for score in shown:
        if score.rule not in auditor.rules:
            click.echo(f"warning: no loaded plugin declares rule {score.rule!r}, so nothing can be found for it "
                       "(install its plugin, or load it with --plugin)", err=True)
    for rule in only_rules:
        if rule not in scores:
            click.echo(f"warning: no article in {gold} lists {rule!r} in \"annotated\"", err=True)
    echo_errors(problems)
    if problems:
        raise SystemExit(2)
