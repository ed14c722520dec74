"""``auditor corpus``: audit a whole archive, with sourcing statistics and charts."""

from __future__ import annotations

import os
import sys

import click

from .audit import split_ids

CORPUS_EXIT_CODES = """Exit codes: 0 every partition audited (articles that could not be
audited are listed in errors.jsonl); 2 bad usage, an input or plugin that cannot
be used, or partitions left unfinished (run the same command again to resume)."""


@click.command(epilog=CORPUS_EXIT_CODES)
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Folder for the results.")
@click.option("--text-field", default="text", show_default=True, help="JSON Lines / CSV field holding the text.")
@click.option("--id-field", default="id", show_default=True,
              help="Field holding the article id (missing: FILE:LINE).")
@click.option("--group-by", multiple=True, metavar="FIELD",
              help="Metadata field(s) to aggregate by; FIELD[:N] keeps N characters ('date[:7]': by month). "
                   "Folders give 'folder' and 'path'.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Local processes, or a Dask bag on a LocalCluster (pip install 'auditor[dask]').")
@click.option("--scheduler", metavar="ADDRESS", help="Run on this Dask cluster (implies --engine dask).")
@click.option("-j", "--jobs", type=click.IntRange(1), help="Worker processes on this machine [default: all cores].")
@click.option("--partition-size", type=click.IntRange(1), default=1000, show_default=True,
              help="Articles per partition: the unit of work, of output files and of resuming.")
@click.option("--restart", is_flag=True, help="Audit every partition again instead of resuming.")
@click.option("--top", type=click.IntRange(0), default=5, show_default=True,
              help="Unnamed-source phrases listed per group.")
@click.option("--charts/--no-charts", default=True, show_default=True, help="Draw the PNG charts (needs matplotlib).")
@click.option("--progress/--no-progress", default=None, help="Show progress [default: a bar on a terminal].")
@click.option("--select", multiple=True, help="Only these rule ids (comma-separated or repeated).")
@click.option("--ignore", multiple=True, help="Not these rule ids (comma-separated or repeated).")
@click.option("--plugin", "plugins", multiple=True, metavar="FILE.py|MODULE",
              help="Load a plugin from a file or an importable module (every worker must reach it).")
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of the input files.")
@click.option("--tablefmt", default="simple", show_default=True, help="tabulate's format for the summary table.")
def corpus(inputs, out, text_field, id_field, group_by, engine, scheduler, jobs, partition_size, restart, top,
           charts, progress, select, ignore, plugins, encoding, tablefmt):
    """Audit an archive: folders of articles, JSON Lines or CSV files (globs allowed).

    Writes under --out: findings.jsonl (one finding a line, with the article's id
    and metadata), articles.csv (statistics per article), groups.csv (per group),
    errors.jsonl, run.json and two PNG charts; prints a summary table.
    """
    from ..corpus import InputError, ReadOptions, Settings, report, run_corpus

    # A plugin file by its absolute path: a worker process may start in another folder.
    plugins = tuple(os.path.abspath(p) if p.endswith(".py") or os.sep in p else p for p in plugins)
    settings = Settings(out, ReadOptions(text_field, id_field, encoding), tuple(group_by), plugins,
                        tuple(split_ids(select)), tuple(split_ids(ignore)))
    unknown = [r for r in settings.select + settings.ignore if r not in settings.auditor().rules]
    if unknown:
        raise click.UsageError(f"unknown rule id(s): {', '.join(unknown)}; see `auditor rules`")
    shown = Progress(sys.stderr.isatty() if progress is None else progress, sys.stderr.isatty())
    try:
        run = run_corpus(list(inputs), settings, engine=engine, workers=jobs, scheduler=scheduler,
                         partition_size=partition_size, restart=restart, charts=charts, top=top,
                         on_start=shown.start, on_partition=shown.step, note=shown.note)
    except InputError as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(2)
    except KeyboardInterrupt:
        shown.close()
        click.echo(f"\ninterrupted: the finished partitions are kept in {out}/parts; "
                   "run the same command again to resume", err=True)
        raise SystemExit(130)
    finally:
        shown.close()
    click.echo(report.summary_table(run.groups, run.overall, tablefmt))
    workers = len(run.peak_mb_per_worker)
    peak = max(run.peak_mb_per_worker.values(), default=0)
    click.echo(f"\n{run.overall.articles:,} articles, {run.findings:,} findings, {run.errors:,} errors; "
               f"{plural(run.partitions, 'partition')} ({run.resumed:,} already done); "
               f"audited {run.audited:,} articles in {run.seconds:.1f} s ({run.articles_per_second:,} articles/s) "
               f"on {run.engine} with {plural(workers, 'worker')}, peak memory per worker {peak:.0f} MB")
    click.echo(f"wrote {', '.join(run.files)} in {out}")
    if not charts or not any(f.endswith(".png") for f in run.files):
        click.echo("no charts: " + ("--no-charts" if not charts else "matplotlib is not installed "
                                    "(pip install 'auditor[dask]')"), err=True)
    if run.errors:
        click.echo(f"{run.errors:,} articles or partitions could not be audited: see {out}/errors.jsonl", err=True)
    if run.failures:
        click.echo(f"{len(run.failures)} partition(s) unfinished; run the same command again to retry them",
                   err=True)
        raise SystemExit(2)


def plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'s' * (n != 1)}"


class Progress:
    """A click progress bar on a terminal; elsewhere (a log file), a line every tenth of the work."""

    def __init__(self, enabled: bool, terminal: bool) -> None:
        self.enabled, self.terminal = enabled, terminal
        self.bar = None
        self.todo = self.done = self.articles = self.errors = 0

    def start(self, todo: int, resumed: int) -> None:
        self.todo = todo
        if resumed:
            self.note(f"resuming: {resumed} partition(s) already done, {todo} to audit")
        if self.enabled and self.terminal and todo:
            self.bar = click.progressbar(length=todo, label="auditing", file=sys.stderr, show_pos=True,
                                         item_show_func=lambda _: f"{self.articles:,} articles")
            self.bar.__enter__()

    def step(self, marker: dict) -> None:
        self.done += 1
        self.articles += marker.get("articles", 0)
        if self.bar is not None:
            self.bar.update(1, marker)
        elif self.enabled and (self.done * 10 // self.todo) > ((self.done - 1) * 10 // self.todo):
            click.echo(f"{self.done}/{self.todo} partitions, {self.articles:,} articles", err=True)

    def note(self, message: str) -> None:
        click.echo(message, err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
