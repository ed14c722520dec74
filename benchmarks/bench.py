#!/usr/bin/env python3
"""Benchmark `auditor audit --format json` against proselint on the same inputs.

Run by hand (never from the test suite); see benchmarks/README.md::

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/bench.py

Inputs are built from the project's own example articles (examples/*.txt) into a
work folder: one ~4 KB article, 1 MB, 10 MB and 100 MB of news text (the examples
one after another, repeated), and a folder of 2,000 ~4 KB articles.  Each tool runs
as a whole process, as a user runs it; wall time comes from the parent's clock and
peak RSS from os.wait4's resource usage of that one child.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000
ARTICLE_BYTES = 4_000


@dataclass
class Run:
    wall: float  # seconds
    rss_mb: float  # peak resident set size of the child, MB
    status: int
    output: Path | None = None
    cpu: float = 0.0  # user + system seconds of the child
    timed_out: bool = False

    @property
    def ok(self) -> bool:
        """Exit 0 or 1 (findings) and a complete JSON document (a crash also exits 1)."""
        if self.timed_out or self.status not in (0, 1) or self.output is None:
            return False
        with open(self.output, "rb") as handle:
            handle.seek(max(0, self.output.stat().st_size - 16))
            return handle.read().rstrip().endswith(b"}")


@dataclass
class Input:
    name: str
    paths: list[Path]
    size: int  # bytes

    @property
    def mb(self) -> float:
        return self.size / MB


TIMEOUT = None  # seconds a run may take (--timeout)
FAILURES: list[str] = []  # the last line of stderr of each failed auditor run


def run(argv: list[str], output: Path) -> Run:
    """Run one process to completion, stdout to ``output``: wall time, CPU time and its own peak RSS."""
    with open(output, "wb") as out, open(output.with_suffix(".err"), "wb") as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        timer = threading.Timer(TIMEOUT, child.kill) if TIMEOUT else None
        if timer:
            timer.start()
        _, status, usage = os.wait4(child.pid, 0)  # this child's own resource usage
        wall = time.perf_counter() - start
        if timer:
            timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    timed_out = bool(TIMEOUT) and wall >= TIMEOUT and child.returncode < 0
    return Run(wall, usage.ru_maxrss / 1024, child.returncode, output,  # ru_maxrss is in KiB on Linux
               usage.ru_utime + usage.ru_stime, timed_out)


# -- inputs ---------------------------------------------------------------------------
def example_articles(folder: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8").strip() for p in sorted(folder.glob("*.txt"))]
    texts = [t for t in texts if t]
    if not texts:
        sys.exit(f"no example articles in {folder}/*.txt")
    return texts


def article_of(texts: list[str], first: int, size: int = ARTICLE_BYTES) -> str:
    """About ``size`` bytes of whole example articles, starting with number ``first``."""
    parts, total, i = [], 0, first
    while total < size:
        text = texts[i % len(texts)]
        parts.append(text)
        total += len(text.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts) + "\n"


def write_news(path: Path, texts: list[str], size: int) -> None:
    """``size`` bytes (give or take one article) of example articles, one after another."""
    block = "\n\n".join(texts) + "\n\n"
    data = block.encode("utf-8")
    with open(path, "wb") as handle:
        written = 0
        while written < size:
            handle.write(data)
            written += len(data)


def build_inputs(work: Path, examples: Path, sizes_mb: list[int], articles: int) -> list[Input]:
    texts = example_articles(examples)
    stamp = hashlib.sha256("\0".join(texts).encode()).hexdigest()[:12] + f"-{sizes_mb}-{articles}"
    stamp_file = work / "inputs.stamp"
    fresh = stamp_file.exists() and stamp_file.read_text() == stamp
    if not fresh:
        # Only the inputs (and the peer's prefix of them) go: the folder also holds the venv the README installs.
        work.mkdir(parents=True, exist_ok=True)
        for old in [work / "article.txt", *work.glob("news-*mb.txt"), *work.glob("peer-prefix-*")]:
            old.unlink(missing_ok=True)
        for old in work.glob("articles-*"):
            shutil.rmtree(old)
        (work / "article.txt").write_text(article_of(texts, 0), encoding="utf-8")
        for mb in sizes_mb:
            write_news(work / f"news-{mb}mb.txt", texts, mb * MB)
        folder = work / f"articles-{articles}"
        folder.mkdir()
        for i in range(articles):
            (folder / f"article-{i:05d}.txt").write_text(article_of(texts, i), encoding="utf-8")
        stamp_file.write_text(stamp)
    inputs = [Input("one article", [work / "article.txt"], (work / "article.txt").stat().st_size)]
    for mb in sizes_mb:
        path = work / f"news-{mb}mb.txt"
        inputs.append(Input(f"{mb} MB news", [path], path.stat().st_size))
    folder = work / f"articles-{articles}"
    files = sorted(folder.iterdir())
    inputs.append(Input(f"{articles} articles", [folder], sum(f.stat().st_size for f in files)))
    return inputs


# -- tools ----------------------------------------------------------------------------
def tool(name: str) -> str:
    """The console script of the running interpreter's environment, else from PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: pip install -e '.[bench]'")
    return found


def interpreter_of(script: str) -> str:
    """The Python a console script runs on (its #! line), for the start-up floor."""
    try:
        with open(script, "rb") as handle:
            first = handle.readline().decode(errors="replace").strip()
    except OSError:
        first = ""
    return first[2:].strip() if first.startswith("#!") and "python" in first else sys.executable


#: What every `auditor` run imports before reading a byte: Python's start-up and the
#: libraries the project is built on (click for the command line, pluggy for the hooks).
FLOOR = "import click, pluggy, json"


def version(argv: list[str]) -> str:
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=60).stdout.strip().splitlines()[-1]
    except Exception:  # noqa: BLE001 - only for the header
        return "?"


def machine() -> list[str]:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        f"machine: {usable} usable cores ({os.cpu_count()} online), {model}, {platform.system()} {platform.release()}",
        f"python: {platform.python_implementation()} {platform.python_version()} ({sys.executable})",
        f"load average before the run: {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
    ]


SPIN = "x = 0\nfor i in range(10_000_000): x += i"


def parallel_headroom() -> float:
    """How much faster two busy processes finish their work than one does both: 2.0 on
    two idle cores, about 1.0 when the scheduler gives this session one core's share
    or less (Linux autogroups: a busy machine shares CPU between login sessions)."""
    def wall(n: int) -> float:
        start = time.perf_counter()
        children = [subprocess.Popen([sys.executable, "-c", SPIN]) for _ in range(n)]
        for child in children:
            child.wait()
        return time.perf_counter() - start

    one = wall(1)
    return 2 * one / wall(2)


# -- the run --------------------------------------------------------------------------
def fmt_time(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=Path, default=ROOT / "examples", help="folder of example articles (*.txt)")
    parser.add_argument("--work", type=Path, default=ROOT / "benchmarks" / ".work", help="where inputs are built")
    parser.add_argument("--sizes", default="1,10,100", help="news text sizes in MB (comma-separated)")
    parser.add_argument("--articles", type=int, default=2000, help="files in the many-articles folder")
    parser.add_argument("--repeat", type=int, default=21, help="runs of the one-article cold start (median)")
    parser.add_argument("--peer-max-mb", type=float, default=1.0,
                        help="largest input the peer runs on whole; on bigger ones its MB/s comes from a "
                             "prefix of this size (proselint needs minutes per 10 MB)")
    parser.add_argument("--no-peer", action="store_true", help="do not run proselint")
    parser.add_argument("--timeout", type=float, default=None, help="stop any run after this many seconds")
    parser.add_argument("--auditor", default=None, help="the auditor executable (default: beside this Python)")
    args = parser.parse_args()
    global TIMEOUT
    TIMEOUT = args.timeout

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    auditor, peer = args.auditor or tool("auditor"), None if args.no_peer else tool("proselint")
    print("\n".join(machine()))
    print(f"auditor: {version([auditor, '--version'])}; peer: "
          + (f"proselint {version([peer, 'version'])}" if peer else "not run"))
    print(f"inputs built from {len(example_articles(args.examples))} example articles in "
          f"{args.examples.relative_to(ROOT) if args.examples.is_relative_to(ROOT) else args.examples}")
    inputs = build_inputs(args.work, args.examples, sizes, args.articles)
    headroom = parallel_headroom()
    print(f"parallel headroom: two busy processes got {headroom:.2f}x the work of one done "
          f"(2.00 on two idle cores; this bounds the --jobs speed-up)")
    # No time limit on plugin calls: on a loaded machine wall time stretches, and a call
    # stopped half-way would make the run shorter, not faster.
    audit = [auditor, "audit", "--format", "json", "--time-limit", "0"]
    peer_check = [peer, "check", "--output-format", "json"] if peer else None

    rows, notes, checks = [], [], {}
    out, peer_out = args.work / "out.json", args.work / "out-peer.json"
    peer_runs: dict[Path, Run] = {}
    for item in inputs:
        paths = [str(p) for p in item.paths]
        if item.name == "one article":
            ours, runs, floors = [], [], []
            floor = [interpreter_of(auditor), "-c", FLOOR]
            for _ in range(args.repeat):  # interleaved, so all see the same machine load
                ours.append(run(audit + paths, out))
                floors.append(run(floor, args.work / "out-floor.txt"))
                if peer_check:
                    runs.append(run(peer_check + paths, peer_out))
            mine, lowest = median_run(ours), median_run(floors)
            theirs = median_run(runs) if runs else None
            label = f"{item.name} ({item.size / 1000:.1f} KB), median of {args.repeat}"
            rows.append(row(label, item, mine, theirs, item.mb, by_wall=True))
            notes.append(f"start-up floor: `python -c '{FLOOR}'` on auditor's interpreter, median of {args.repeat}: "
                         f"{fmt_time(lowest.wall)} wall, {fmt_time(lowest.cpu)} CPU (no auditor code runs)")
            if mine.ok:
                checks["cold start"] = (mine.wall, theirs.wall if theirs else None, mine.cpu, lowest.wall)
            continue
        if item.name.endswith("articles"):
            single = run(audit + ["--jobs", "1"] + paths, args.work / "out-jobs1.json")
            mine = run(audit + paths, out)
            same = digest(single.output) == digest(mine.output)
            theirs, peer_mb = None, None
            if peer_check:
                files = sorted(Path(paths[0]).iterdir())
                subset, total = [], 0
                for f in files:
                    if total >= args.peer_max_mb * MB:
                        break
                    subset.append(str(f))
                    total += f.stat().st_size
                theirs, peer_mb = run(peer_check + subset, peer_out), total / MB
                if len(subset) < len(files):
                    notes.append(f"proselint on {item.name}: timed on the first {len(subset)} files "
                                 f"({peer_mb:.2f} MB); its MB/s is used for the ratio")
            rows.append(row(f"{item.name}, --jobs 1", item, single, theirs, peer_mb))
            rows.append(row(f"{item.name}, default jobs ({os.cpu_count()})", item, mine, theirs, peer_mb))
            if single.ok and mine.ok:
                checks["parallel"] = (single.wall / mine.wall, same, headroom)
            continue
        mine = run(audit + paths, out)
        theirs, peer_mb = None, None
        if peer_check:
            if item.size <= args.peer_max_mb * MB * 1.05:
                theirs, peer_mb = run(peer_check + paths, peer_out), item.mb
            else:
                prefix = args.work / f"peer-prefix-{args.peer_max_mb:g}mb.txt"
                if not prefix.exists():
                    with open(item.paths[0], "rb") as src:
                        data = src.read(int(args.peer_max_mb * MB))
                    prefix.write_bytes(data[: data.rfind(b"\n\n") + 2])
                if prefix not in peer_runs:  # one timing serves every bigger input
                    peer_runs[prefix] = run(peer_check + [str(prefix)], peer_out)
                theirs, peer_mb = peer_runs[prefix], prefix.stat().st_size / MB
                notes.append(f"proselint on {item.name}: timed on its first {peer_mb:.2f} MB "
                             f"(the whole file would take about {theirs.wall * item.mb / peer_mb:.0f} s)")
        rows.append(row(item.name, item, mine, theirs, peer_mb))
        if mine.ok:
            checks[item.name] = (mine.wall, mine.rss_mb, item.mb, peer_mb / theirs.wall if theirs else None, mine.cpu)

    from tabulate import tabulate

    print()
    print(tabulate(rows, headers=("input", "auditor wall", "CPU", "MB/s", "peak RSS", "proselint wall", "CPU", "MB/s",
                                  "peak RSS", "auditor vs proselint"), disable_numparse=True))
    print(f"(load average after the run: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; MB/s is from wall time)")
    for note in notes:
        print(f"* {note}")
    for failure in FAILURES:
        print(f"! {failure}")
    print()
    print("\n".join(verdicts(checks, sizes)))


def row(label: str, item: Input, mine: Run, theirs: Run | None, peer_mb: float | None, by_wall: bool = False):
    speed = item.mb / mine.wall
    failed = "" if mine.ok else " (timed out)" if mine.timed_out else f" (FAILED, exit {mine.status})"
    if not mine.ok and mine.output is not None:
        said = mine.output.with_suffix(".err").read_text(errors="replace").strip().splitlines()
        FAILURES.append(f"{label}: {said[-1] if said else 'no message'}")
    cells = [label, fmt_time(mine.wall) + failed, fmt_time(mine.cpu), f"{speed:.2f}", f"{mine.rss_mb:.0f} MB"]
    if theirs is None:
        return cells + ["-", "-", "-", "-", "-"]
    peer_speed = peer_mb / theirs.wall
    ratio = theirs.wall / mine.wall if by_wall else speed / peer_speed
    partial = "" if peer_mb >= item.mb * 0.95 else f" ({peer_mb:.2f} MB)"
    return cells + [fmt_time(theirs.wall) + partial, fmt_time(theirs.cpu), f"{peer_speed:.3f}", f"{theirs.rss_mb:.0f} MB",
                    f"{ratio:.1f}x {'faster' if by_wall else 'the MB/s'}"]


def median_run(runs: list[Run]) -> Run:
    middle = sorted(runs, key=lambda r: r.wall)[len(runs) // 2]
    cpu = statistics.median(r.cpu for r in runs)
    return Run(middle.wall, max(r.rss_mb for r in runs), middle.status, middle.output, cpu, middle.timed_out)


def digest(path: Path | None) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path else ""


def verdicts(checks: dict, sizes: list[int]) -> list[str]:
    """Each target of issue 5 with the measured figure and whether it is met."""
    out = ["targets (a target whose run failed is not listed):"]

    def line(ok: bool, text: str) -> None:
        out.append(f"  [{'met' if ok else 'MISSED'}] {text}")

    if "cold start" in checks:
        ours, theirs, cpu, floor = checks["cold start"]
        line(ours <= 0.100 and (theirs is None or ours < theirs),
             f"cold start {ours * 1000:.0f} ms median, {cpu * 1000:.0f} ms CPU (<= 100 ms"
             + (f", proselint {theirs * 1000:.0f} ms" if theirs else "")
             + f"; importing click, pluggy and json alone: {floor * 1000:.0f} ms)")
    by_size = {mb: checks.get(f"{mb} MB news") for mb in sizes}
    for mb, got in by_size.items():
        if got:
            speed, peer_speed = got[2] / got[0], got[3]
            line(speed >= 5 and (peer_speed is None or speed >= 10 * peer_speed),
                 f"throughput {speed:.2f} MB/s on {mb} MB ({got[2] / got[4]:.2f} MB per CPU second) (>= 5 MB/s"
                 + (f" and >= 10x proselint's {peer_speed:.3f} MB/s: {speed / peer_speed:.1f}x)" if peer_speed else ")"))
    ordered = [(mb, got) for mb, got in sorted(by_size.items()) if got]
    for (small, a), (big, b) in zip(ordered, ordered[1:]):
        growth = (b[0] / a[0]) / (b[2] / a[2]) * 10
        line(growth <= 11, f"linear: {b[2] / a[2]:.0f}x the input ({small} -> {big} MB) took "
                           f"{b[0] / a[0]:.1f}x the time ({b[4] / a[4]:.1f}x the CPU time), "
                           f"i.e. {growth:.1f}x per 10x (<= 11x)")
    for mb, got in by_size.items():
        if got and mb >= 100:  # the target is set for a 100 MB file
            limit = 4 * got[2] + 60
            line(got[1] <= limit, f"memory on {mb} MB: peak RSS {got[1]:.0f} MB (<= 4 x size + 60 = {limit:.0f} MB)")
    if "parallel" in checks:
        speedup, same, headroom = checks["parallel"]
        line(speedup >= 1.7 and same, f"--jobs speed-up {speedup:.2f}x over --jobs 1 (>= 1.7x; the machine allowed "
                                      f"{headroom:.2f}x); output {'identical' if same else 'DIFFERENT'}")
    return out


if __name__ == "__main__":
    main()
