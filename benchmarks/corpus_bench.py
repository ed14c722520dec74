"""Benchmark of `auditor corpus` (by hand, not a test): articles per second and peak
memory per worker, on one process, on local processes and on a Dask LocalCluster.

    .venv/bin/python benchmarks/corpus_bench.py                 # 100,000 articles
    .venv/bin/python benchmarks/corpus_bench.py --articles 2000 --runs local,dask

The archive is synthetic, built from the project's own examples/*.txt: each article
is 4 to 10 of their paragraphs drawn at random (a fixed seed), with an outlet and
a date, as JSON Lines in benchmarks/data/ (git-ignored).  Each run is the real
command in a fresh process (`auditor corpus ... --restart --no-charts`); its
figures come from the run.json it writes.  At the end the statistics of every
run are compared byte for byte: they must be the same.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTLETS = ("Daily Post", "Evening Herald", "Morning Star", "The Wire", "City Times")
COMPARED = ("findings.jsonl", "articles.csv", "groups.csv", "errors.jsonl")


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
            text = "\n".join(rng.choices(paragraphs, k=rng.randint(4, 10))) + "\n"
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


def run(name: str, archive: Path, out: Path, workers: int, partition_size: int) -> dict:
    label, options = RUNS[name]
    command = [sys.executable, "-m", "auditor", "corpus", str(archive), "--out", str(out), "--group-by", "outlet",
               "--partition-size", str(partition_size), "--restart", "--no-charts", "--no-progress", *options]
    if name != "one":
        command += ["-j", str(workers)]
    began = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - began
    figures = json.loads((out / "run.json").read_text())
    digest = hashlib.sha256(b"".join((out / name_).read_bytes() for name_ in COMPARED)).hexdigest()[:16]
    return {"run": label, "workers": figures["workers"], "articles": figures["articles"],
            "audit_s": figures["seconds"], "wall_s": round(wall, 1),
            "articles_per_s": figures["articles_per_second"], "articles_per_cpu_s": figures["articles_per_cpu_second"],
            "peak_mb_per_worker": max(figures["peak_mb_per_worker"].values()), "outputs_sha256": digest}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", default="one,local,dask", help="comma-separated: one, local, dask")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=1000)
    parser.add_argument("--data", type=Path, default=ROOT / "benchmarks" / "data")
    args = parser.parse_args()

    archive = build_archive(args.data / f"corpus-{args.articles}.jsonl", args.articles)
    size = archive.stat().st_size
    print(f"archive: {archive} ({args.articles:,} articles, {size / 1e6:.1f} MB, {size / args.articles:,.0f} bytes "
          f"per article); {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}", flush=True)
    rows = []
    for name in args.runs.split(","):
        rows.append(run(name, archive, args.data / f"out-{name}", args.workers, args.partition_size))
        print(json.dumps(rows[-1]), flush=True)
    from tabulate import tabulate

    print(tabulate(rows, headers="keys", tablefmt="github"))
    same = len({row["outputs_sha256"] for row in rows}) == 1
    print("same findings and statistics from every run:", "yes" if same else "NO")
    for row in rows:
        # Wall-clock rate per worker (includes any contention on this machine), and the
        # rate of one uncontended core (articles per CPU-second of the workers).
        for label, per_worker in (("wall", row["articles_per_s"] / row["workers"]), ("cpu", row["articles_per_cpu_s"])):
            hours = 10_000_000 / per_worker / 3600
            print(f"10M articles, {row['run']}, {label}: {per_worker:,.1f} articles/s per worker -> "
                  f"{hours:,.0f} worker-hours; " + ", ".join(f"N={n}: {hours / n:,.1f} h" for n in (8, 32, 128)))
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
