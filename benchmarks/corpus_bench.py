"""Benchmark of `auditor corpus` (by hand, not a test): articles per second and peak
memory per worker, on one process, on local processes and on a Dask LocalCluster.

    .venv/bin/python benchmarks/corpus_bench.py                 # 100,000 articles
    .venv/bin/python benchmarks/corpus_bench.py --articles 2000 --runs local,dask

The archive is synthetic, built from the project's own examples/*.txt: each article
is 2 to 6 of their paragraphs drawn at random (a fixed seed; news briefs of about
70 words, so that three runs of 100,000 fit in an hour on 2 cores), with an outlet
and a date, as JSON Lines in benchmarks/data/ (git-ignored).  Each run is the real
command in a fresh process (`auditor corpus ... --no-charts`); its figures come
from the markers its partitions write (articles, processor seconds, peak memory of
the worker).  At the end the partitions every run finished are compared byte for
byte: they must be the same.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTLETS = ("Daily Post", "Evening Herald", "Morning Star", "The Wire", "City Times")


def build_archive(path: Path, articles: int, seed: int = 8) -> Path:
    """``articles`` articles from the examples' paragraphs, written once and reused."""
    if path.exists():
        return path
    paragraphs = [line for example in sorted((ROOT / "examples").glob("*.txt"))
                  for line in example.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    with open(partial, "w", encoding="utf-8") as handle:
        for i in range(articles):
            text = "\n".join(rng.choices(paragraphs, k=rng.randint(2, 6))) + "\n"
            record = {"id": f"syn-{i:07d}", "outlet": rng.choice(OUTLETS),
                      "published": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "text": text}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    partial.replace(path)
    return path


RUNS = {
    "one": ("one process", ["--engine", "local", "-j", "1"]),
    "local": ("local processes", ["--engine", "local"]),
    "dask": ("Dask LocalCluster", ["--engine", "dask"]),
}


def run(name: str, archive: Path, out: Path, workers: int, partition_size: int, budget: float | None) -> dict:
    """One run of the command.  After ``budget`` seconds it is interrupted as by Ctrl-C
    (SIGINT to its process group), which keeps the partitions finished so far: the
    figures then cover those."""
    label, options = RUNS[name]
    command = [sys.executable, "-m", "auditor", "corpus", str(archive), "--out", str(out), "--group-by", "outlet",
               "--partition-size", str(partition_size), "--no-charts", "--no-progress", *options]
    if name != "one":
        command += ["-j", str(workers)]
    shutil.rmtree(out, ignore_errors=True)
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        process.wait(timeout=budget)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGINT)
        process.wait()
    wall = time.perf_counter() - began
    markers = {int(p.name[5:11]): json.loads(p.read_text()) for p in (out / "parts").glob("part-*.json")}
    articles = sum(m["articles"] for m in markers.values())
    cpu = sum(m["cpu_seconds"] for m in markers.values())
    peaks: dict[str, float] = {}
    for m in markers.values():
        peaks[m["worker"]] = max(peaks.get(m["worker"], 0.0), m["max_rss_mb"] or 0.0)
    return {"run": label, "complete": process.returncode == 0, "workers": len(peaks), "partitions": len(markers),
            "articles": articles, "wall_s": round(wall, 1), "articles_per_s": round(articles / wall, 1),
            "articles_per_cpu_s": round(articles / cpu, 1) if cpu else 0.0,
            "mb_per_s": round(articles * archive.stat().st_size / ARCHIVE_ARTICLES[0] / 1e6 / wall, 3),
            "peak_mb_per_worker": max(peaks.values(), default=0.0), "out": out, "done": sorted(markers)}


ARCHIVE_ARTICLES = [0]


def identical(rows: list[dict]) -> tuple[int, bool]:
    """Compare the partition files every run finished, byte for byte."""
    common = set.intersection(*(set(row["done"]) for row in rows))
    for index in sorted(common):
        for suffix in (".findings.jsonl", ".articles.csv", ".errors.jsonl"):
            contents = {(row["out"] / "parts" / f"part-{index:06d}{suffix}").read_bytes() for row in rows}
            if len(contents) != 1:
                return len(common), False
    return len(common), True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", default="one,local,dask", help="comma-separated: one, local, dask")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=1000)
    parser.add_argument("--budget", type=float, help="stop each run after this many seconds (default: run to the end)")
    parser.add_argument("--data", type=Path, default=ROOT / "benchmarks" / "data")
    args = parser.parse_args()

    archive = build_archive(args.data / f"briefs-{args.articles}.jsonl", args.articles)
    ARCHIVE_ARTICLES[0] = args.articles
    size = archive.stat().st_size
    print(f"archive: {archive} ({args.articles:,} articles, {size / 1e6:.1f} MB, {size / args.articles:,.0f} bytes "
          f"per article); {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}", flush=True)
    rows = []
    for name in args.runs.split(","):
        rows.append(run(name, archive, args.data / f"out-{name}", args.workers, args.partition_size, args.budget))
        print({k: v for k, v in rows[-1].items() if k not in ("out", "done")},
              f"load average {os.getloadavg()[0]:.1f}", flush=True)
    from tabulate import tabulate

    print(tabulate([{k: v for k, v in row.items() if k not in ("out", "done")} for row in rows],
                   headers="keys", tablefmt="github"))
    compared, same = identical(rows)
    print(f"partitions finished by every run: {compared}; their findings and statistics are "
          + ("identical" if same else "DIFFERENT"))
    for row in rows:
        # Wall-clock rate per worker (includes any contention on this machine), and the
        # rate of one uncontended core (articles per CPU-second of the workers).
        for label, per_worker in (("wall", row["articles_per_s"] / max(row["workers"], 1)),
                                  ("cpu", row["articles_per_cpu_s"])):
            if not per_worker:
                continue
            hours = 10_000_000 / per_worker / 3600
            print(f"10M articles, {row['run']}, {label}: {per_worker:,.1f} articles/s per worker -> "
                  f"{hours:,.0f} worker-hours; " + ", ".join(f"N={n}: {hours / n:,.1f} h" for n in (8, 32, 128)))
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
