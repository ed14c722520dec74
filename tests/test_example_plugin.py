"""examples/plugin-loaded-labels: a third-party plugin package, tested as its author
would and installed the way a user would (into a temporary folder, never into the
shared environment, where the other tests expect only the built-in plugins)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "examples" / "plugin-loaded-labels"


def run(*args, cwd=ROOT, pythonpath=None):
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    if pythonpath:
        env["PYTHONPATH"] = os.pathsep.join([str(pythonpath), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_the_packages_own_tests_pass():
    result = run("-m", "pytest", "-q", "-p", "no:cacheprovider", str(PACKAGE))
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b\d+ passed\b", result.stdout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """`pip install ./examples/plugin-loaded-labels`, into a folder put on PYTHONPATH.
    Built from a copy so the build leaves nothing in the repository; offline."""
    work = tmp_path_factory.mktemp("loaded-labels")
    shutil.copytree(PACKAGE, work / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build"))
    target = work / "site"
    result = run("-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
                 "--target", str(target), str(work / "src"))
    assert result.returncode == 0, result.stderr
    return target


def test_installed_it_shows_in_auditor_plugins_as_an_entry_point(installed):
    result = run("-m", "auditor", "plugins", pythonpath=installed)
    assert result.returncode == 0, result.stderr
    assert re.search(r"\nloaded-labels +0\.1\.0 +entry point +loaded-label\n", result.stdout)
    assert "unnamed-sources" in result.stdout


def test_installed_its_findings_are_in_the_table(installed):
    result = run("-m", "auditor", "audit", "--select", "loaded-label", str(PACKAGE / "sample.txt"), pythonpath=installed)
    assert result.returncode == 1, result.stderr
    rows = re.findall(r"^(\d+:\d+) +loaded-label +warning +(.+?)  ", result.stdout, re.MULTILINE)
    assert rows == [("3:3", "Gulf-backed researcher"), ("4:16", "infamous ties"), ("5:15", "ironically claiming")]


def test_installed_it_is_measured_by_auditor_eval(installed):
    result = run("-m", "auditor", "eval", str(PACKAGE / "gold.jsonl"), "--rule", "loaded-label", pythonpath=installed)
    assert result.returncode == 0, result.stderr
    row = result.stdout.splitlines()[-1].split()
    # rule, gold, found, tp, fp, fn: the annotated articles have one miss of each kind on purpose.
    assert row[:6] == ["loaded-label", "6", "5", "4", "1", "2"]
