"""Where the partitions are audited: local processes, or a Dask cluster.

Both engines run :func:`~auditor.corpus.work.audit_partition` once per partition
and yield each partition's marker as it completes.  A partition that fails as a
whole (its worker died, its file vanished) yields ``{"index": i, "failed": why}``
and the others go on; a resumed run retries it.
"""

from __future__ import annotations

import importlib.util
import logging
from typing import Callable, Iterator

from .sources import Partition
from .work import Settings, audit_partition

Task = tuple[Partition, str]  # a partition and its fingerprint


def check_dask() -> None:
    """Raise ImportError with what to install when the Dask engine cannot run."""
    missing = [name for name in ("dask", "distributed") if importlib.util.find_spec(name) is None]
    if missing:
        raise ImportError(f"the Dask engine needs {' and '.join(missing)}: pip install 'auditor[dask]'")


def failed(part: Partition, exc: BaseException) -> dict:
    return {"index": part.index, "failed": f"{type(exc).__name__}: {exc}"}


def run_local(tasks: list[Task], settings: Settings, workers: int) -> Iterator[dict]:
    """Local processes (``workers`` of them); one worker audits in this process."""
    if workers <= 1:
        for part, key in tasks:
            try:
                yield audit_partition(part, key, settings)
            except Exception as exc:  # noqa: BLE001
                yield failed(part, exc)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    pool = ProcessPoolExecutor(workers)
    try:
        futures = {pool.submit(audit_partition, part, key, settings): part for part, key in tasks}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as exc:  # noqa: BLE001 - includes a worker process that died
                yield failed(futures[future], exc)
    finally:
        # On an interruption, drop the partitions not started; finished ones are on disk.
        pool.shutdown(wait=True, cancel_futures=True)


def run_dask(tasks: list[Task], settings: Settings, workers: int, scheduler: str | None,
             note: Callable[[str], None]) -> Iterator[dict]:
    """A Dask bag of the partitions, one task each, on a running cluster (``scheduler``)
    or on a ``LocalCluster`` of ``workers`` single-threaded processes."""
    import dask.bag as db
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # Loopback only, on free ports: another cluster on this machine may hold the usual 8787,
        # and a local run has no business listening on other interfaces.
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        # The dashboard's pages need bokeh (not in the extra); a remote scheduler may have it.
        if scheduler or importlib.util.find_spec("bokeh"):
            note(f"Dask dashboard (progress, workers' memory): {client.dashboard_link}")
        bag = db.from_sequence(tasks, partition_size=1).starmap(audit_partition, settings=settings)
        futures = client.compute(bag.to_delayed())
        parts = {future.key: part for future, (part, _) in zip(futures, tasks)}
        for future in as_completed(futures):
            try:
                yield future.result()[0]
            except Exception as exc:  # noqa: BLE001 - a task that failed, or a worker that died
                yield failed(parts[future.key], exc)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
