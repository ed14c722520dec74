"""One task: audit a partition and write its files.

Runs on a worker (a local process or a Dask worker), which needs only the
partition, the settings and the inputs and ``--out`` folder on storage it can
reach.  Each partition writes ``parts/part-NNNNNN.*`` through a temporary file
and a rename, its marker (``.json``, with its totals) last: a partition whose
marker is there is complete, and a resumed run skips it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import tempfile
import time
from dataclasses import asdict, dataclass
from typing import Any, Iterable

from .. import __version__
from ..engine import Auditor, collect_garbage_less_often
from ..model import Problem
from . import sources, stats

PARTS = "parts"


@dataclass(frozen=True)
class Settings:
    """Everything that decides a partition's output, plus where to write it."""

    out: str
    read: sources.ReadOptions = sources.ReadOptions()
    group_by: tuple[str, ...] = ()
    plugins: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def auditor(self) -> Auditor:
        return Auditor(self.plugins, select=self.select, ignore=self.ignore)


def fingerprint(part: sources.Partition, settings: Settings, plugins: Iterable[tuple[str, str | None]]) -> str:
    """Changes whenever the partition's output could: its input, the options, the plugins,
    the version of auditor."""
    key = {"partition": asdict(part), "settings": {**asdict(settings), "out": None},
           "plugins": sorted(plugins, key=str), "auditor": __version__}
    return hashlib.sha256(json.dumps(key, sort_keys=True, default=str).encode()).hexdigest()


def part_path(out: str, index: int, suffix: str) -> str:
    return os.path.join(out, PARTS, f"part-{index:06d}{suffix}")


def read_marker(out: str, index: int) -> dict[str, Any] | None:
    try:
        with open(part_path(out, index, ".json"), encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the whole new one."""
    folder = os.path.dirname(path) or "."
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", dir=folder,
                                         prefix=".tmp-", suffix=os.path.basename(path), delete=False)
    try:
        with handle:
            handle.write(text)
        os.replace(handle.name, path)
    except BaseException:
        os.unlink(handle.name)
        raise


_auditors: dict[Settings, Auditor] = {}


def audit_partition(part: sources.Partition, key: str, settings: Settings) -> dict[str, Any]:
    """Audit every article of ``part``, write its files, return its marker."""
    collect_garbage_less_often()  # a Dask worker is a process of its own
    began, cpu = time.perf_counter(), time.process_time()
    out = settings.out
    auditor = _auditors.get(settings) or _auditors.setdefault(settings, settings.auditor())
    findings, errors, groups = [], [], {}
    rows = io.StringIO()
    table = csv.DictWriter(rows, stats.ARTICLE_COLUMNS, lineterminator="\n")
    for item in sources.read(part, settings.read):
        if isinstance(item, Problem):
            errors.append({"id": item.path, "error": item.message, "partition": part.index})
            continue
        group = stats.group_of(item.metadata, settings.group_by)
        try:
            result = auditor.check(item)
            row, phrases = stats.article_row(result, group)
        except Exception as exc:  # noqa: BLE001 - one bad article must not end an archive's run
            errors.append({"id": item.path, "error": f"{type(exc).__name__}: {exc}", "partition": part.index})
            continue
        head = {"id": item.path, "group": group, "metadata": item.metadata}
        findings.extend(json.dumps({**head, **f.to_dict()}, ensure_ascii=False, default=str) for f in result.findings)
        # A plugin that failed on this article: its other findings stand, the failure is listed.
        errors.extend({"id": item.path, "error": e.message, "partition": part.index,
                       **({"plugin": e.plugin} if e.plugin else {})} for e in result.errors)
        table.writerow(row)
        groups.setdefault(group, stats.GroupTotals()).add(row, phrases)
    marker = {
        "index": part.index,
        "fingerprint": key,
        "articles": sum(g.articles for g in groups.values()),
        "findings": len(findings),
        "errors": len(errors),
        "seconds": round(time.perf_counter() - began, 3),
        "cpu_seconds": round(time.process_time() - cpu, 3),
        "worker": f"{os.uname().nodename}:{os.getpid()}" if hasattr(os, "uname") else str(os.getpid()),
        "max_rss_mb": _max_rss_mb(),
        "groups": {name: totals.to_dict() for name, totals in groups.items()},
    }
    write_atomic(part_path(out, part.index, ".findings.jsonl"), "".join(line + "\n" for line in findings))
    write_atomic(part_path(out, part.index, ".articles.csv"), rows.getvalue())
    write_atomic(part_path(out, part.index, ".errors.jsonl"),
                 "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors))
    write_atomic(part_path(out, part.index, ".json"), json.dumps(marker, ensure_ascii=False))
    return marker


def _max_rss_mb() -> float | None:
    """This process's peak resident memory so far (Linux and macOS)."""
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if os.uname().sysname == "Darwin" else 1024), 1)
