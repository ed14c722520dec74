"""What may run, and what may not: configuration is data, user patterns are
time-limited, nothing goes to the network, and code enters from the command line
only through ``--plugin``."""

from __future__ import annotations

import json
import shutil
import socket
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import cli

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Officials said the talks had failed.\n"
# Python that leaves a mark if it ever runs.
PAYLOAD = """
import pathlib
pathlib.Path({marker!r}).write_text("ran")
import auditor

@auditor.hookimpl
def auditor_check_sentence(sentence):
    return []
"""


def audit(*args):
    return CliRunner().invoke(cli, ["audit", *map(str, args)])


@pytest.fixture
def booby_trapped(tmp_path):
    """A folder of articles beside Python files that would leave a mark if imported."""
    marker = tmp_path / "MARK"
    folder = tmp_path / "drafts"
    (folder / "plugins").mkdir(parents=True)
    for name in ("conftest.py", "auditor_plugin.py", "setup.py", "plugins/__init__.py", "plugins/checks.py"):
        (folder / name).write_text(PAYLOAD.format(marker=str(marker)))
    (folder / "a.txt").write_text(GOOD + "{{ __import__('os').system('touch " + str(marker) + "') }}\n")
    (folder / "b.html").write_text(f"<p>{GOOD}</p><script>fetch('http://example.com')</script>"
                                   f"<img src='http://example.com/x.png' onerror='evil()'>")
    (folder / "c.md").write_text(f"{GOOD}\n![x](http://example.com/x.png)\n\n```python\nimport os\n```\n")
    return folder, marker


def test_configuration_never_executes_code(booby_trapped):
    folder, marker = booby_trapped
    (folder / "auditor.toml").write_text(
        'plugins = ["auditor_plugin.py"]\n'
    )
    run = audit(folder)
    assert run.exit_code == 2
    assert "plugins" in run.stderr and "unknown key" in run.stderr
    (folder / "auditor.toml").write_text(
        'select = ["unnamed-source"]\n'
        '[[custom-rules]]\nid = "code"\nmessage = "__import__(\'os\').system(\'touch MARK\')"\n'
        'patterns = ["__import__\\\\(.*\\\\)"]\n'
    )
    run = audit(folder / "a.txt")
    assert run.exit_code == 1, run.output
    # A Python file given as the configuration is read as TOML, and refused.
    run = audit("--config", folder / "auditor_plugin.py", folder / "a.txt")
    assert run.exit_code == 2 and "Traceback" not in run.output
    assert not marker.exists()


def test_only_plugin_brings_code_in_from_the_command_line(booby_trapped):
    folder, marker = booby_trapped
    # A folder, and a .py file named as an input: read as text, never imported.
    run = audit("--format", "json", folder, folder / "auditor_plugin.py")
    assert run.exit_code in (1, 2), run.output
    audited = [r["path"] for r in json.loads(run.stdout)["files"]]
    assert str(folder / "auditor_plugin.py") in audited
    assert not marker.exists()
    # The one way in, so the test can tell: --plugin runs the file.
    run = audit("--plugin", folder / "auditor_plugin.py", folder / "a.txt")
    assert marker.read_text() == "ran"


def test_a_user_pattern_that_backtracks_is_stopped_with_a_clear_error(tmp_path):
    (tmp_path / "auditor.toml").write_text(
        '[[custom-rules]]\nid = "greedy"\nmessage = "Backtracks."\npatterns = ["(a|aa)+c"]\n'
    )
    draft = tmp_path / "draft.txt"
    draft.write_text(GOOD + "a" * 80 + "\n")
    began = time.monotonic()
    run = audit("--format", "json", draft)
    assert time.monotonic() - began < 30  # the pattern alone would take longer than the universe
    assert run.exit_code == 2
    assert "custom rule 'greedy'" in run.stderr and str(tmp_path / "auditor.toml") in run.stderr
    [result] = json.loads(run.stdout)["files"]
    assert any(f["rule"] == "unnamed-source" for f in result["findings"])


@pytest.fixture
def no_network(monkeypatch):
    """Every way out to the network fails loudly and is recorded."""
    attempts = []

    def refuse(name):
        def refused(*args, **kwargs):
            attempts.append((name, args))
            raise OSError(f"network access attempted: {name}{args!r:.80}")
        return refused

    for name in ("connect", "connect_ex", "sendto", "bind"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("getaddrinfo", "gethostbyname", "create_connection"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


@pytest.mark.parametrize("fmt", ["json", "table", "sarif"])
def test_the_audit_never_touches_the_network(booby_trapped, no_network, tmp_path, fmt):
    folder, _ = booby_trapped
    examples = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", examples, ignore=shutil.ignore_patterns("*.jsonl"))
    for jobs in ("1", "2"):
        run = audit("--format", fmt, "--jobs", jobs, "--fail-on", "never", "--isolated", folder, examples)
        assert run.exit_code == 0, run.output
    assert no_network == []


def test_the_network_guard_itself_works(no_network):
    with pytest.raises(OSError, match="network access attempted"):
        socket.create_connection(("example.com", 80))
    assert no_network


@pytest.mark.parametrize("command", [
    ["sources", "--format", "json", "--isolated", str(ROOT / "examples" / "seed-style.txt")],
    ["eval", str(ROOT / "examples" / "gold.jsonl")],
    ["rules"],
    ["plugins"],
], ids=lambda c: c[0])
def test_the_other_commands_never_touch_the_network(no_network, command):
    run = CliRunner().invoke(cli, command)
    assert run.exit_code == 0, run.output
    assert no_network == []
