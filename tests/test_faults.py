"""Faults: broken plugins, runaway plugins, Ctrl-C, a reader that stops reading.

Each broken plugin is reported by name and place (file:line:column of the sentence
it was given), and every other plugin's findings are still reported.
"""

from __future__ import annotations

import _thread
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import auditor
from auditor import Finding, Rule
from auditor.cli import cli
from auditor.engine import Auditor

TEXT = "The weather was fine.\nThis sentence is cursed.\nOfficials said the talks had failed.\n"
CURSED_LINE = 2
AUDITOR_BIN = [sys.executable, "-m", "auditor"]


class Broken:
    """A plugin whose check misbehaves on the cursed sentence in the way given."""

    def __init__(self, behaviour):
        self.__name__ = "broken-check"
        self.behaviour = behaviour

    @auditor.hookimpl
    def auditor_rules(self):
        return [Rule("broken", "A check that misbehaves.")]

    @auditor.hookimpl
    def auditor_check_sentence(self, sentence):
        if "cursed" in sentence.text:
            return self.behaviour(sentence)
        return [Finding("broken", sentence.start, sentence.start + 3, "fine")]


def audit(behaviour, **options):
    return Auditor([Broken(behaviour)], **options).audit_text(TEXT, "draft.txt")


def raises(sentence):
    raise KeyError("no such sentence")


def endless(sentence):
    while True:
        pass


def endless_and_deaf(sentence):
    # Swallows every exception, the time limit's too; it is stopped all the same.
    while True:
        try:
            while True:
                pass
        except Exception:  # noqa: BLE001
            pass


def endless_generator(sentence):
    yield Finding("broken", sentence.start, sentence.start + 1, "first")
    while True:
        pass


MALFORMED = {
    "a string": lambda s: ["cursed"],
    "a dict": lambda s: [{"rule": "broken", "start": 0, "end": 3}],
    "a text offset": lambda s: [Finding("broken", "0", 3, "m")],
    "a float offset": lambda s: [Finding("broken", 0.0, 3, "m")],
    "an end past the text": lambda s: [Finding("broken", 0, len(TEXT) + 5, "m")],
    "a negative start": lambda s: [Finding("broken", -1, 3, "m")],
    "an end before the start": lambda s: [Finding("broken", 5, 2, "m")],
    "an undeclared rule": lambda s: [Finding("made-up", 0, 3, "m")],
    "an unknown severity": lambda s: [Finding("broken", 0, 3, "m", severity="fatal")],
    "a non-text message": lambda s: [Finding("broken", 0, 3, None)],
    "data JSON cannot hold": lambda s: [Finding("broken", 0, 3, "m", data={"names": {"a", "b"}})],
    "data that is not a mapping": lambda s: [Finding("broken", 0, 3, "m", data=["a"])],
    "a non-iterable": lambda s: 42,
    "sys.exit()": lambda s: sys.exit(3),
}


def assert_reported_and_run_went_on(result, *words):
    [error] = result.errors
    assert error.plugin == "broken-check" and "'broken-check'" in error.message
    assert (error.path, error.line, error.column) == ("draft.txt", CURSED_LINE, 1)
    for word in words:
        assert word in error.message
    # The other plugins saw every sentence; the broken one's findings before the fault are kept.
    assert any(f.rule == "unnamed-source" and f.text == "Officials" for f in result.findings)
    assert any(f.rule == "broken" and f.line == 1 for f in result.findings)


def test_a_plugin_that_raises_is_reported_by_name_and_place():
    assert_reported_and_run_went_on(audit(raises), "KeyError", "no such sentence", "auditor_check_sentence")


@pytest.mark.parametrize("kind", sorted(MALFORMED))
def test_a_plugin_returning_malformed_findings_is_reported(kind):
    result = audit(MALFORMED[kind])
    assert_reported_and_run_went_on(result)
    assert all(isinstance(f.start, int) and 0 <= f.start <= f.end <= len(TEXT) for f in result.findings)


GUARD_SECONDS = 30


class Hung(BaseException):
    pass


@pytest.fixture
def fails_instead_of_hanging():
    """Should the time limit ever break, the test fails after 30 s rather than hang CI.
    (A thread and SIGUSR1, not a timer: the engine's own time limit uses SIGALRM.)"""
    def hung(signum, frame):
        raise Hung("the audit did not stop within 30 s")

    previous = signal.signal(signal.SIGUSR1, hung)
    timer = threading.Timer(GUARD_SECONDS, _thread.interrupt_main, args=(signal.SIGUSR1,))
    timer.start()
    yield
    timer.cancel()
    signal.signal(signal.SIGUSR1, previous)


@pytest.mark.parametrize("behaviour", [endless, endless_and_deaf, endless_generator])
def test_a_runaway_plugin_is_stopped_at_the_time_limit_and_the_run_goes_on(behaviour, fails_instead_of_hanging):
    began = time.monotonic()
    result = audit(behaviour, time_limit=0.3)
    assert time.monotonic() - began < 10  # a generous bound: the limit is 0.3 s
    assert_reported_and_run_went_on(result, "stopped", "time limit of 0.3 s", "--time-limit")


class SlowArticleCheck:
    __name__ = "slow-article-check"

    @auditor.hookimpl
    def auditor_check_article(self, article):
        time.sleep(1.6)
        return []


@pytest.mark.parametrize("length, stopped", [(10, True), (1_500_000, False)])
def test_a_check_of_the_whole_article_gets_the_limit_per_megabyte(length, stopped, fails_instead_of_hanging):
    text = " " * (length - 1) + "x"  # long, but quick to analyse
    result = Auditor([SlowArticleCheck()], entry_points=False, time_limit=1).audit_text(text)
    assert bool(result.errors) is stopped
    if stopped:
        assert "time limit of 1 s" in result.errors[0].message


def test_the_time_limit_is_restored_after_each_article():
    previous = signal.getsignal(signal.SIGALRM)
    Auditor(time_limit=1).audit_text(TEXT)
    assert signal.getsignal(signal.SIGALRM) is previous
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_runaway_plugin_on_the_command_line_names_file_line_and_limit(tmp_path):
    plugin = tmp_path / "stuck.py"
    plugin.write_text(textwrap.dedent("""
        import auditor

        @auditor.hookimpl
        def auditor_check_sentence(sentence):
            while "cursed" in sentence.text:
                pass
    """))
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT)
    run = subprocess.run([*AUDITOR_BIN, "audit", "--plugin", str(plugin), "--time-limit", "0.5", str(draft)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert f"error: {draft}:{CURSED_LINE}:1: plugin 'stuck' was stopped in auditor_check_sentence" in run.stderr
    assert "Officials" in run.stdout and "Traceback" not in run.stderr


class Segmenter:
    """A plugin replacing the segmenter, badly."""

    def __init__(self, answer):
        self.__name__, self.answer = "bad-segmenter", answer

    @auditor.hookimpl
    def auditor_segment(self, text):
        return self.answer(text)


@pytest.mark.parametrize("answer", [
    lambda text: 1 / 0,
    lambda text: [(5, 2)],
    lambda text: [(0, len(text) + 10)],
    lambda text: [(0, 10), (5, 20)],
    lambda text: ["a sentence"],
], ids=["raises", "backwards", "past-the-end", "overlapping", "not-spans"])
def test_a_broken_segmenter_is_reported_and_the_built_in_one_answers(answer):
    result = Auditor([Segmenter(answer)]).audit_text(TEXT, "draft.txt")
    [error] = result.errors
    assert "'bad-segmenter'" in error.message and "auditor_segment" in error.message
    assert result.sentences == 3
    assert any(f.rule == "unnamed-source" for f in result.findings)


def test_a_finder_returning_other_objects_is_reported_and_the_built_in_one_answers():
    class Finder:
        __name__ = "bad-finder"

        @auditor.hookimpl
        def auditor_find_attributions(self, article):
            return ["Officials said"]

    result = Auditor([Finder()]).audit_text(TEXT, "draft.txt")
    [error] = result.errors
    assert "'bad-finder'" in error.message and "not an Attribution" in error.message
    assert any(f.rule == "unnamed-source" for f in result.findings)


# -- Ctrl-C and closed pipes: real processes, real signals -----------------------------

def _ctrl_c_as_in_a_terminal() -> None:
    # A test runner started in the background inherits an ignored SIGINT, and so would
    # the auditor: give it Ctrl-C as a terminal does.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


SLOW_PLUGIN = """
import pathlib, time
import auditor

@auditor.hookimpl
def auditor_check_article(article):
    pathlib.Path({marker!r}).write_text("started")
    time.sleep(60)
"""


def test_ctrl_c_leaves_the_previous_output_file_whole_and_no_temporary_files(tmp_path):
    marker = tmp_path / "started"
    plugin = tmp_path / "sleepy.py"
    plugin.write_text(SLOW_PLUGIN.format(marker=str(marker)))
    out = tmp_path / "out"
    out.mkdir()
    report = out / "report.json"
    report.write_text('{"old": "report"}')
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT)
    process = subprocess.Popen([*AUDITOR_BIN, "audit", "--format", "json", "--time-limit", "0", "--plugin", str(plugin),
                                "--output", str(report), str(draft)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, preexec_fn=_ctrl_c_as_in_a_terminal)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), process.communicate()
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode != 0
    assert "Traceback" not in stderr
    assert report.read_text() == '{"old": "report"}'
    assert sorted(p.name for p in out.iterdir()) == ["report.json"]


def test_ctrl_c_with_jobs_ends_promptly_without_tracebacks(tmp_path):
    # A terminal's Ctrl-C goes to the whole process group: the parent and its workers.
    marker = tmp_path / "started"
    plugin = tmp_path / "sleepy.py"
    plugin.write_text(SLOW_PLUGIN.format(marker=str(marker)))
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for i in range(4):
        (drafts / f"{i}.txt").write_text(TEXT)
    process = subprocess.Popen([*AUDITOR_BIN, "audit", "--jobs", "2", "--time-limit", "0", "--plugin", str(plugin),
                                "--output", str(tmp_path / "report.txt"), str(drafts)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                               preexec_fn=_ctrl_c_as_in_a_terminal)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), process.communicate()
        time.sleep(0.5)  # let every worker get into the plugin
        os.killpg(process.pid, signal.SIGINT)
        stdout, stderr = process.communicate(timeout=20)  # the plugin would sleep for 60 s
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert process.returncode != 0
    assert "Traceback" not in stderr, stderr
    assert not (tmp_path / "report.txt").exists()


def test_an_interrupted_write_leaves_no_half_written_report(tmp_path, monkeypatch):
    # Ctrl-C in the middle of writing the report: the old file stays, the temporary one goes.
    from auditor import output

    report = tmp_path / "report.json"
    report.write_text("old")
    real_fdopen = os.fdopen

    def interrupted_fdopen(*args, **kwargs):
        with real_fdopen(*args, **kwargs) as handle:
            handle.write("half a rep")
            handle.flush()
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "fdopen", interrupted_fdopen)
    with pytest.raises(KeyboardInterrupt):
        output.write_atomically(str(report), "the whole new report")
    assert report.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_piping_into_head_ends_quietly(tmp_path):
    draft = tmp_path / "many.txt"
    draft.write_text("Officials said the talks had failed.\n" * 500)  # ~400 KB of JSON Lines, more than a pipe holds
    for fmt in ("jsonl", "table"):
        process = subprocess.Popen([*AUDITOR_BIN, "audit", "--format", fmt, str(draft)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        first = process.stdout.readline()
        process.stdout.close()  # what `| head -1` does
        stderr = process.stderr.read().decode()
        process.wait(timeout=60)
        assert first
        assert stderr == "", stderr
        assert process.returncode in (0, 1, 141), process.returncode  # 141: killed by SIGPIPE, as `cat` is


def test_the_json_report_is_whole_when_every_plugin_misbehaves(tmp_path):
    plugin = tmp_path / "chaos.py"
    plugin.write_text(textwrap.dedent("""
        import auditor
        from auditor import Finding, Rule

        @auditor.hookimpl
        def auditor_rules():
            return [Rule("chaos", "Misbehaves.")]

        @auditor.hookimpl
        def auditor_check_sentence(sentence):
            return [Finding("chaos", -5, 10**9, "out of range")]

        @auditor.hookimpl
        def auditor_check_article(article):
            raise MemoryError("pretend")
    """))
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT)
    run = CliRunner().invoke(cli, ["audit", "--format", "json", "--plugin", str(plugin), str(draft)])
    assert run.exit_code == 2
    report = json.loads(run.stdout)
    messages = [e["message"] for e in report["files"][0]["errors"]]
    assert len(messages) == 2 and all("'chaos'" in m for m in messages)
    assert any(f["rule"] == "unnamed-source" for f in report["files"][0]["findings"])


def test_a_console_that_cannot_show_curly_quotes_gets_escapes_not_a_crash(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT)
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    table = subprocess.run([*AUDITOR_BIN, "audit", str(draft)], capture_output=True, text=True, env=env, timeout=60)
    assert table.returncode == 1 and "Traceback" not in table.stderr
    assert "\\u201cOfficials\\u201d" in table.stdout
    as_json = subprocess.run([*AUDITOR_BIN, "audit", "--format", "json", str(draft)], capture_output=True, text=True,
                             env=env, timeout=60)
    [finding] = [f for f in json.loads(as_json.stdout)["files"][0]["findings"] if f["rule"] == "unnamed-source"]
    assert finding["message"].startswith("Unnamed source “Officials”")
