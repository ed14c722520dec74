"""``auditor audit``: the findings for files, folders or stdin."""

from __future__ import annotations

import click

from ..cli import EXIT_CODES_HELP
from ..model import SEVERITIES
from ..output import RENDERERS
from ..watchdog import DEFAULT_TIME_LIMIT
from .common import echo_errors, input_options

FAIL_LEVELS = (*SEVERITIES, "never")


def split_ids(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(list(RENDERERS)), default="table", show_default=True,
              help="Output format (sarif: code scanning; github: pull request annotations).")
@click.option("--tablefmt", default="simple", show_default=True, help="tabulate's table format for --format table.")
@click.option("--select", multiple=True, help="Only these rule ids (comma-separated or repeated).")
@click.option("--ignore", multiple=True, help="Not these rule ids (comma-separated or repeated).")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default=None,
              help="Exit 1 when a finding has this severity or a higher one  [default: the config's fail-on, else warning]")
@input_options
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes  [default: one per core when more than one file is given]")
@click.option("--output", "-o", "output_file", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write the report to FILE (atomically: never half-written) instead of stdout.")
@click.option("--diff-base", metavar="REF",
              help="Report only findings on lines changed since the git ref REF (e.g. origin/main).")
@click.option("--report-unused-suppressions", is_flag=True,
              help="Report `auditor: ignore` directives that silenced nothing (rule unused-suppression).")
@click.option("--time-limit", type=click.FloatRange(min=0), default=DEFAULT_TIME_LIMIT, show_default=True, metavar="SECONDS",
              help="Stop and report a plugin call (one sentence, or one article) that runs longer; 0: no limit.")
def audit(paths, fmt, tablefmt, select, ignore, fail_on, plugins, encoding, jobs, config_file, isolated, exclude,
          stdin_filename, output_file, diff_base, report_unused_suppressions, time_limit):
    """Audit articles (files, folders, or - for stdin) and report attribution problems.

    Markdown (.md, .markdown) and HTML (.html, .htm) files are audited as prose:
    code, front matter, markup and link targets are skipped, and positions point
    into the file as written.  Settings come from [tool.auditor] in pyproject.toml,
    auditor.toml or .auditor.toml, found from the audited paths upwards.
    """
    import sys
    from contextlib import nullcontext

    from ..config import ConfigError, exclusion
    from ..engine import Report
    from ..model import Problem
    from ..output import STREAMED, open_atomically, render_table

    try:
        auditor, config = make_auditor(paths, plugins, select, ignore, config_file=config_file, isolated=isolated,
                                       stdin_filename=stdin_filename, time_limit=time_limit)
    except ConfigError as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(2) from None
    unknown = [r for r in split_ids(select) + split_ids(ignore) if r not in auditor.rules and r != "unused-suppression"]
    if unknown:
        raise click.UsageError(f"unknown rule id(s): {', '.join(unknown)}; see `auditor rules`")
    changed = _changed_lines(diff_base, paths, stdin_filename) if diff_base else None

    report = Report(errors=list(auditor.load_errors), rules=dict(auditor.rules))
    config.regrade_rules(report.rules)
    if report_unused_suppressions:
        from ..suppress import UNUSED_RULE

        report.rules[UNUSED_RULE.id] = UNUSED_RULE
    # json and jsonl are written file by file as the results come, and each file's findings
    # are let go once written (huge files come in blocks): memory stays small at any size.
    streamed = STREAMED.get(fmt)
    needs_articles = getattr(RENDERERS.get(fmt), "needs_articles", False)  # workers do not send articles back
    results = auditor.iter_results(paths, encoding=encoding, jobs=1 if needs_articles else jobs, progress=True,
                                   exclude=exclusion(exclude, config), stdin_filename=stdin_filename,
                                   block_bytes=BLOCK_BYTES if streamed else None)
    try:
        with open_atomically(output_file) if output_file else nullcontext(sys.stdout) as out:
            writer = streamed(out.write, report) if streamed else None
            verdict = None  # FileResult of the file being written, over all its blocks
            for item in results:
                if isinstance(item, Problem):
                    report.errors.append(item)
                    continue
                prepare_result(item, config, changed, report_unused_suppressions)
                if writer is None:
                    report.files.append(item)
                    continue
                writer.add(item)
                item.article = None  # written: let the analysis go before the next article is checked
                verdict = _verdict_only(verdict, item, config)
                if not item.more:
                    report.files.append(verdict)
                    verdict = None
            if writer is not None:
                writer.close()
            else:
                out.write(render_table(report, tablefmt) if fmt == "table" else RENDERERS[fmt](report))
    except OSError as exc:
        if not output_file:
            raise
        click.echo(f"error: cannot write {output_file}: {exc.strerror or exc}", err=True)
        raise SystemExit(2) from None
    echo_errors(report.all_errors)
    for path, rule, count, limit in budget_breaches(report, config):
        click.echo(f"budget: {path}: {count} {rule} findings, more than the {limit} allowed (max.{rule})", err=True)
    raise SystemExit(exit_code(report, fail_on or config.fail_on or "warning", config))


def make_auditor(paths, plugins=(), select=(), ignore=(), *, config_file=None, isolated=False, stdin_filename=None,
                 **auditor_options):
    """The Auditor and Config for a run over ``paths``, set up as ``auditor audit`` does:
    the configuration found from the paths (or ``config_file``; none when ``isolated``),
    its custom rules and disabled plugins, ``select``/``ignore`` from the command line
    (comma-separated or repeated), and the configuration handed to every plugin.
    Raises :class:`auditor.config.ConfigError` for a configuration that cannot be used."""
    from dataclasses import replace

    from ..config import Config, discover, load_config
    from ..engine import Auditor

    config = Config() if isolated else load_config(config_file) if config_file else discover(paths, stdin_filename)
    if select:  # --select on the command line replaces the config's select; --ignore adds to its ignore
        config.base = replace(config.base, select=None)
    auditor = Auditor(list(plugins) + _custom_rules(config), select=split_ids(select), ignore=split_ids(ignore),
                      disable=config.disable, **auditor_options)
    config.check_names([*auditor.rules, "unused-suppression"], [p.name for p in auditor.plugins])
    if config.path:
        auditor.configure(config)
    return auditor, config


#: A plain-text file bigger than twice this is read and audited in blocks of about this
#: size, cut at blank lines (auditor.inputs.read_blocks), when the output is streamed.
BLOCK_BYTES = 1 << 18


def _verdict_only(verdict, result, config):
    """What the exit code and the budgets need of a written file (merged over its
    blocks): its errors, the findings of rules with a budget, and its most severe
    other finding."""
    from ..engine import FileResult

    if verdict is None:
        verdict = FileResult(result.path)
    verdict.sentences += result.sentences
    verdict.errors.extend(result.errors)
    budgeted = config.settings_for(result.path).max
    findings = verdict.findings + result.findings
    kept = [f for f in findings if f.rule in budgeted]
    others = [f for f in findings if f.rule not in budgeted]
    if others:
        kept.append(max(others, key=lambda f: SEVERITIES.index(f.severity)))
    verdict.findings = kept
    return verdict


def prepare_result(result, config, changed=None, report_unused_suppressions: bool = False) -> None:
    """The per-file steps after the checks, on one FileResult (in place): the
    configuration's per-path select/ignore/severity, unused suppressions when asked
    for, and the --diff-base filter (``changed``: an auditor.gitdiff.ChangedLines)."""
    config.apply_to(result)
    if report_unused_suppressions and result.unused_suppressions:
        result.findings = sorted(result.findings + result.unused_suppressions, key=lambda f: (f.start, f.end, f.rule))
    if changed is not None:
        changed.filter_result(result)


def _custom_rules(config) -> list:
    """The configuration's [[custom-rules]] as one plugin (auditor.declarative), or none."""
    if not config.custom_rules:
        return []
    from ..config import ConfigError
    from ..declarative import build_plugin

    try:
        return [build_plugin(config.custom_rules, str(config.path))]
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


def _changed_lines(ref: str, paths, stdin_filename):
    from ..gitdiff import ChangedLines, GitError

    where = next((p for p in paths if p != "-"), stdin_filename or ".")
    try:
        return ChangedLines(ref, where)
    except GitError as exc:
        raise click.UsageError(f"--diff-base {ref}: {exc}") from None


def budget_breaches(report, config=None) -> list[tuple[str, str, int, int]]:
    """``(path, rule, count, limit)`` for each file with more findings of a rule than its ``max`` allows."""
    from collections import Counter

    breaches = []
    for result in report.files:
        limits = config.settings_for(result.path).max if config else {}
        if limits:
            counts = Counter(f.rule for f in result.findings)
            breaches += [(result.path, r, counts[r], n) for r, n in sorted(limits.items()) if counts[r] > n]
    return breaches


def exit_code(report, fail_on: str, config=None) -> int:
    """2 for errors; 1 for a finding at or above ``fail_on`` (findings of a rule with a
    ``max`` budget count only when the file has more than the budget); else 0."""
    if report.all_errors:
        return 2
    if fail_on == "never":
        return 0
    if budget_breaches(report, config):
        return 1
    threshold = SEVERITIES.index(fail_on)
    for result in report.files:
        budgeted = config.settings_for(result.path).max if config else {}
        if any(SEVERITIES.index(f.severity) >= threshold for f in result.findings if f.rule not in budgeted):
            return 1
    return 0
