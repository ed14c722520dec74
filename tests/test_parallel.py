"""--jobs: worker processes give the same output, in the same order, as one process;
the progress bar shows only on a terminal; the work grows linearly with the input."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import shutil
import sys

import pytest
from click.testing import CliRunner

import auditor
from auditor import Finding, Rule
from auditor.cli import cli
from auditor.engine import Auditor
from auditor.parallel import with_progress

needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers are forked")


@pytest.fixture
def many_articles(tmp_path, examples_dir):
    """A folder of the examples several times over, in sub-folders, with one unreadable file among them."""
    texts = sorted(examples_dir.glob("*.txt"))
    for copy in range(4):
        folder = tmp_path / "news" / f"part-{copy}"
        folder.mkdir(parents=True)
        for text in texts:
            shutil.copy(text, folder / f"{copy}-{text.name}")
    (tmp_path / "news" / "part-2" / "broken.txt").write_bytes(b"\x00\x01 not text")
    return tmp_path / "news"


def audit(*args: str):
    result = CliRunner().invoke(cli, ["audit", *args])
    return result.exit_code, result.stdout, result.stderr


@needs_fork
@pytest.mark.parametrize("fmt", ["json", "jsonl", "table"])
def test_jobs_give_the_output_of_one_process_in_the_same_order(many_articles, fmt):
    one = audit("--format", fmt, "--jobs", "1", str(many_articles))
    two = audit("--format", fmt, "--jobs", "2", str(many_articles))
    default = audit("--format", fmt, str(many_articles))
    assert one == two == default
    assert one[0] == 2  # the unreadable file, reported after the others were audited
    assert "broken.txt" in one[2]
    if fmt == "json":
        files = [f["path"] for f in json.loads(one[1])["files"]]
        assert files == sorted(files) and len(files) == 4 * len(list(many_articles.glob("part-0/*.txt")))
        assert sum(len(f["findings"]) for f in json.loads(one[1])["files"]) > 0


class WhereRun:
    """A plugin that tells which process audited each article."""

    @auditor.hookimpl
    def auditor_rules(self):
        return [Rule("where-run", "Which process audited the article.", "info")]

    @auditor.hookimpl
    def auditor_check_article(self, article):
        yield Finding("where-run", 0, 0, "audited", data={"pid": os.getpid()})


def pids(report):
    return {f.data["pid"] for f in report.findings}


@needs_fork
def test_default_jobs_use_workers_only_when_there_is_more_than_one_file(many_articles, monkeypatch):
    monkeypatch.setattr("auditor.parallel.cores", lambda: 2)
    engine = Auditor([WhereRun()], entry_points=False)
    one_file = next(many_articles.glob("part-0/*.txt"))
    assert pids(engine.audit_paths([one_file], jobs=None)) == {os.getpid()}
    assert os.getpid() not in pids(engine.audit_paths([many_articles], jobs=None))
    assert pids(engine.audit_paths([many_articles], jobs=1)) == {os.getpid()}


@needs_fork
def test_results_from_workers_match_the_api_results(many_articles):
    engine = Auditor()
    serial = engine.audit_paths([many_articles], jobs=1)
    parallel = engine.audit_paths([many_articles], jobs=2)
    assert parallel.to_dict() == serial.to_dict()
    assert all(r.article is not None for r in serial.files)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("stream, shown", [(io.StringIO, False), (Terminal, True)])
def test_progress_bar_only_on_a_terminal(many_articles, monkeypatch, stream, shown):
    err = stream()
    monkeypatch.setattr(sys, "stderr", err)
    results = list(with_progress(iter(range(5)), [many_articles], after=0))
    assert results == list(range(5))
    assert ("auditing" in err.getvalue()) is shown
    if shown:  # out of the number of input files
        assert f"5/{len(list(many_articles.rglob('*.txt')))}" in err.getvalue()


def test_no_progress_bar_when_stderr_is_not_a_terminal(many_articles):
    code, _, err = audit("--format", "json", "--jobs", "1", str(many_articles))
    assert "auditing" not in err and "%" not in err


# -- the work grows linearly: counted in executed lines of Python, not timed --------
def executed_lines(engine: Auditor, text: str) -> int:
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        engine.audit_text(text)
    finally:
        sys.settrace(None)
    return count


SHAPES = {
    "one long sentence": lambda n: "Officials said that " + " ".join(f"the council of Town{i % 7} and" for i in range(n)) + " it rained.",
    "many quotations": lambda n: " ".join(f"“Point {i},” said Ann Lee. " for i in range(n)),
    "many names": lambda n: " ".join(f"Economist Jo Ng{i % 5} of Acme Bank{i % 3} said it. " for i in range(n)),
    "a run of titles": lambda n: "Researcher " + "Dr " * n + "Jane Roe said the war was over.",
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_ten_times_the_input_is_at_most_eleven_times_the_work(shape):
    engine = Auditor()
    engine.audit_text(SHAPES[shape](3))  # warm: lazy tables built once, not counted
    small, large = (executed_lines(engine, SHAPES[shape](n)) for n in (20, 200))
    assert large <= 11 * small, f"{shape}: {small} lines for 20 units, {large} for 200"


# -- a huge file is read and audited in blocks, with every finding at its place -----
@pytest.fixture
def long_file(tmp_path, examples_dir):
    texts = [p.read_text(encoding="utf-8").strip() for p in sorted(examples_dir.glob("*.txt"))]
    crlf = "\r\n\r\n".join(texts).replace("\n", "\r\n")
    body = ("\n\n".join(texts) + "\n\n") * 8 + "# auditor: ignore unnamed-source\n\n" + texts[0] + "\n\n" + crlf + "\n"
    path = tmp_path / "archive.txt"
    path.write_bytes(("\ufeff" + body).encode("utf-8"))
    return path


def places(report):
    # Per-sentence rules only: a check of the whole article sees one block at a time.
    return [(f.rule, f.start, f.end, f.line, f.column, f.end_line, f.end_column, f.text) for f in report.findings]


def test_a_file_read_in_blocks_has_its_findings_where_the_whole_file_has_them(long_file):
    engine = Auditor(select=["unnamed-source", "paraphrased-quote"])
    whole = engine.audit_paths([long_file])
    blocks = engine.audit_paths([long_file], block_bytes=2000)
    assert len(blocks.files) == 1 and blocks.files[0].sentences == whole.files[0].sentences
    assert places(blocks) == places(whole) and len(places(whole)) > 20


def test_streamed_json_of_a_file_in_blocks_is_one_entry(long_file, monkeypatch):
    whole = audit("--format", "json", "--select", "unnamed-source,paraphrased-quote", str(long_file))
    monkeypatch.setattr("auditor.commands.audit.BLOCK_BYTES", 2000)
    blocks = audit("--format", "json", "--select", "unnamed-source,paraphrased-quote", str(long_file))
    assert blocks[0] == whole[0] == 1
    a, b = json.loads(whole[1]), json.loads(blocks[1])
    assert [f["path"] for f in b["files"]] == [str(long_file)]
    assert [(f["start"], f["line"], f["text"]) for f in b["files"][0]["findings"]] == [
        (f["start"], f["line"], f["text"]) for f in a["files"][0]["findings"]
    ]


def test_workers_that_cannot_fork_build_the_same_auditor(many_articles, monkeypatch):
    monkeypatch.setattr("multiprocessing.get_all_start_methods", lambda: ["spawn"])
    engine = Auditor(select=["unnamed-source"])
    assert engine.audit_paths([many_articles], jobs=2).to_dict() == engine.audit_paths([many_articles], jobs=1).to_dict()
