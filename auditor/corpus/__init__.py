"""Whole archives: the audit of many articles, with sourcing statistics and charts.

::

    from auditor.corpus import run_corpus, Settings
    run = run_corpus(["articles.jsonl"], Settings("results", group_by=("outlet",)), engine="dask")
    print(run.overall.row("(all)", top=5))

The inputs are cut into partitions (:mod:`.sources`); each partition is audited
by a worker that writes its own files (:mod:`.work`), on local processes or a
Dask cluster (:mod:`.engines`); the final files, charts and table are assembled
from the partitions (:mod:`.report`).  A partition already written by an earlier,
interrupted run of the same command is not audited again.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from . import engines, report, sources, work
from .sources import InputError, ReadOptions
from .stats import GroupTotals
from .work import Settings

__all__ = ["run_corpus", "Settings", "ReadOptions", "CorpusRun", "InputError"]
RUN_FILE = "run.json"


@dataclass
class CorpusRun:
    """What a run did and found; also written to ``run.json``."""

    out: str
    engine: str
    partitions: int
    resumed: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)
    groups: dict[str, GroupTotals] = field(default_factory=dict)
    overall: GroupTotals = field(default_factory=GroupTotals)
    errors: int = 0
    findings: int = 0
    audited: int = 0  # articles audited by this run (not resumed)
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # the workers' processor time for this run's partitions
    peak_mb_per_worker: dict[str, float] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        return round(self.audited / self.seconds, 1) if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine, "partitions": self.partitions, "resumed": self.resumed,
            "failed": [f["index"] for f in self.failures], "articles": self.overall.articles,
            "errors": self.errors, "findings": self.findings, "audited_now": self.audited,
            "seconds": self.seconds, "articles_per_second": self.articles_per_second,
            "cpu_seconds": round(self.cpu_seconds, 3),
            "articles_per_cpu_second": round(self.audited / self.cpu_seconds, 1) if self.cpu_seconds else 0.0,
            "workers": len(self.peak_mb_per_worker), "peak_mb_per_worker": self.peak_mb_per_worker,
            "files": self.files,
        }


def run_corpus(
    inputs: list[str],
    settings: Settings,
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    partition_size: int = 1000,
    restart: bool = False,
    charts: bool = True,
    top: int = 5,
    on_start: Callable[[int, int], None] = lambda todo, resumed: None,
    on_partition: Callable[[dict[str, Any]], None] = lambda marker: None,
    note: Callable[[str], None] = lambda message: None,
) -> CorpusRun:
    """Audit the archive ``inputs`` into ``settings.out``.  Raises :class:`InputError`
    when an input cannot be used or a plugin does not load, before any work starts."""
    if engine == "dask" or scheduler:
        try:
            engines.check_dask()
        except ImportError as exc:
            raise InputError(str(exc)) from None
    parts = sources.partition(sources.expand(inputs), partition_size, settings.read)
    auditor = settings.auditor()
    if auditor.load_errors:
        raise InputError("; ".join(e.message for e in auditor.load_errors))
    plugins = [(info.name, info.version) for info in auditor.plugins]
    out = settings.out
    if restart:
        shutil.rmtree(os.path.join(out, work.PARTS), ignore_errors=True)
    os.makedirs(os.path.join(out, work.PARTS), exist_ok=True)

    keys = [work.fingerprint(part, settings, plugins) for part in parts]
    run = CorpusRun(out, "dask" if engine == "dask" or scheduler else "local", len(parts))
    done: list[int] = []  # partitions complete, by this run or an earlier one

    def count(marker: dict[str, Any]) -> None:
        # Totals are added up as partitions come in; markers are not kept (10,000s of them).
        done.append(marker["index"])
        for name, totals in marker["groups"].items():
            part = GroupTotals.from_dict(totals)
            run.groups[name] = run.groups[name] + part if name in run.groups else part
        run.errors += marker["errors"]
        run.findings += marker["findings"]

    tasks = []
    for part, key in zip(parts, keys):
        marker = work.read_marker(out, part.index)
        if marker and marker.get("fingerprint") == key:
            count(marker)
        else:
            tasks.append((part, key))
    run.resumed = len(done)
    on_start(len(tasks), run.resumed)

    began = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    if not tasks:
        results = iter(())
    elif run.engine == "dask":
        results = engines.run_dask(tasks, settings, workers, scheduler, note)
    else:
        results = engines.run_local(tasks, settings, workers)
    for marker in results:
        if "failed" in marker:
            run.failures.append(marker)
        else:
            count(marker)
            run.audited += marker["articles"]
            run.cpu_seconds += marker["cpu_seconds"]
            peak = run.peak_mb_per_worker
            if marker["max_rss_mb"] is not None:
                peak[marker["worker"]] = max(peak.get(marker["worker"], 0.0), marker["max_rss_mb"])
        on_partition(marker)
    run.seconds = round(time.perf_counter() - began, 3)
    run.failures.sort(key=lambda f: f["index"])
    run.errors += len(run.failures)
    run.groups = dict(sorted(run.groups.items()))
    run.overall = sum(run.groups.values(), GroupTotals())
    run.files = report.assemble(out, sorted(done), run.failures, run.groups, top)
    if charts:
        run.files += report.draw_charts(out, run.groups, run.overall)
    run.files.append(RUN_FILE)
    work.write_atomic(os.path.join(out, RUN_FILE), json.dumps(run.to_dict(), indent=2) + "\n")
    return run
