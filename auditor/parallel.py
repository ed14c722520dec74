"""Auditing many articles at once in worker processes (``auditor audit --jobs N``).

The parent reads the inputs in order and hands them to the workers in chunks; the
results come back in input order, so the output is the same as a one-process run.
Workers are forked from the parent where the platform can fork, so each starts
with the parent's :class:`~auditor.engine.Auditor` already loaded (plugins given as
objects, custom rules from a configuration file and all); elsewhere each worker
builds its own Auditor from the same options.  A worker returns each
:class:`~auditor.engine.FileResult` without its ``article``.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections import deque
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from .model import Problem

if TYPE_CHECKING:
    from .engine import Auditor, FileResult
    from .model import Article

#: Text handed to a worker at a time: big enough that the hand-over (about a
#: millisecond) costs little, small enough that every worker has work even in a run
#: of a dozen articles, and all stay busy to the end.
CHUNK_CHARS = 64_000
CHUNK_FILES = 8
#: Chunks in flight per worker: keeps workers fed without reading every input ahead.
AHEAD = 4

_worker_auditor: Auditor | None = None


def cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_all(auditor: Auditor, items: Iterable[Article | Problem], jobs: int | None) -> Iterator[FileResult | Problem]:
    """``auditor.check`` over ``items`` (articles, or problems passed through), in order.

    ``jobs``: worker processes; ``None`` means one per core when there is more than
    one file, else none (the blocks of one huge file stay in one process).
    """
    items = iter(items)
    if jobs is None:
        head = list(itertools.islice(items, 2))
        files = {i.path for i in head if not isinstance(i, Problem)}
        jobs = cores() if len(files) > 1 else 1
        items = _after(head, items)
    if jobs <= 1:
        for item in items:
            yield item if isinstance(item, Problem) else auditor.check(item)
        return
    yield from _in_workers(auditor, items, jobs)


def _after(head: list, rest: Iterator) -> Iterator:
    """``head``'s items, then ``rest``'s, letting go of each (itertools.chain would keep
    ``head``, and with it two whole articles, to the end of the run)."""
    while head:
        yield head.pop(0)
    yield from rest


def _in_workers(auditor: Auditor, items: Iterator[Article | Problem], jobs: int) -> Iterator[FileResult | Problem]:
    import multiprocessing
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    global _worker_auditor
    if "fork" in multiprocessing.get_all_start_methods():
        _worker_auditor = auditor  # inherited by the forked workers
        pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=_quiet_worker)
    else:
        try:
            options = pickle.dumps((auditor.options, getattr(auditor, "config", None)))
        except Exception:  # noqa: BLE001 - plugins given as objects cannot travel: stay in one process
            yield from check_all(auditor, items, 1)
            return
        pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=(options,))
    try:
        pending: deque = deque()
        for chunk in _chunks(items):
            pending.append(pool.submit(_check_chunk, chunk))
            while len(pending) >= jobs * AHEAD:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BaseException:
        # Ctrl-C, a closed pipe or an error: stop the workers now rather than wait for
        # them to finish what they hold (a runaway plugin could take minutes).
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    else:
        pool.shutdown()
    finally:
        _worker_auditor = None


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops them: no traceback from each."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _chunks(items: Iterator[Article | Problem]) -> Iterator[list[Article | Problem]]:
    chunk: list[Article | Problem] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += 0 if isinstance(item, Problem) else len(item.text)
        if size >= CHUNK_CHARS or len(chunk) >= CHUNK_FILES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _start_worker(options: bytes) -> None:
    import pickle

    from .engine import Auditor, collect_garbage_less_often

    global _worker_auditor
    _quiet_worker()
    collect_garbage_less_often()  # a spawned worker starts with Python's defaults
    options, config = pickle.loads(options)
    _worker_auditor = Auditor(**options)
    if config is not None:
        _worker_auditor.configure(config)


def _check_chunk(chunk: list[Article | Problem]) -> list[FileResult | Problem]:
    out: list[FileResult | Problem] = []
    for item in chunk:
        if isinstance(item, Problem):
            out.append(item)
        else:
            result = _worker_auditor.check(item)
            result.article = None  # the parent has the text; sending the analysis back costs more than it saves
            out.append(result)
    return out


def with_progress(results: Iterator, paths: Iterable[Any], exclude: Any = (), *, after: float = 1.0) -> Iterator:
    """Pass ``results`` (one per input file) through; once the run has taken
    ``after`` seconds, show a click progress bar on stderr, but only when stderr
    is a terminal."""
    if not sys.stderr.isatty():
        yield from results
        return
    import click

    from .inputs import input_files

    start, done, bar = time.monotonic(), 0, None
    try:
        for result in results:
            done += not getattr(result, "more", False)  # a file in blocks counts once
            if bar is None and time.monotonic() - start >= after:
                total = sum(1 for _ in input_files(paths, exclude=exclude))
                bar = click.progressbar(length=max(total, done), label="auditing", file=sys.stderr, show_pos=True)
                bar.__enter__()
                bar.update(done)
            elif bar is not None:
                bar.update(1)
            yield result
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
