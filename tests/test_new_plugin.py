"""`auditor new-plugin NAME`: a skeleton a new author can install, test and measure at once."""

import json
import os
import re
import subprocess
import sys

from click.testing import CliRunner

from auditor.cli import cli


def run(*args, cwd, pythonpath=None):
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    if pythonpath:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def new_plugin(tmp_path, *args):
    return CliRunner().invoke(cli, ["new-plugin", *args, "--directory", str(tmp_path)])


def test_the_skeleton_tests_pass_at_once(tmp_path):
    result = new_plugin(tmp_path, "house-style")
    assert result.exit_code == 0, result.output
    package = tmp_path / "auditor-house-style"
    assert sorted(str(p.relative_to(package)) for p in package.rglob("*") if p.is_file()) == [
        "README.md", "auditor_house_style/__init__.py", "auditor_house_style/lexicon.txt",
        "gold.jsonl", "pyproject.toml", "sample.txt", "tests/test_auditor_house_style.py",
    ]
    assert f"pip install -e {package}" in result.output
    tested = run("-m", "pytest", "-q", "-p", "no:cacheprovider", str(package), cwd=tmp_path)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "4 passed" in tested.stdout


def test_installed_it_is_listed_reports_in_the_table_and_scores_in_eval(tmp_path):
    assert new_plugin(tmp_path, "auditor-house-style").exit_code == 0  # the prefix is not doubled
    package = tmp_path / "auditor-house-style"
    site = tmp_path / "site"
    installed = run("-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
                    "--target", str(site), str(package), cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr

    listed = run("-m", "auditor", "plugins", cwd=tmp_path, pythonpath=site)
    assert re.search(r"\nhouse-style +0\.1\.0 +entry point +house-style\n", listed.stdout), listed.stdout + listed.stderr

    audited = run("-m", "auditor", "audit", "--select", "house-style", str(package / "sample.txt"), cwd=tmp_path, pythonpath=site)
    rows = re.findall(r"^(\d+:\d+) +house-style +warning +(.+?)  ", audited.stdout, re.MULTILINE)
    assert rows == [("4:30", "slammed"), ("7:17", "hit out at")], audited.stdout + audited.stderr

    scored = run("-m", "auditor", "eval", str(package / "gold.jsonl"), "--rule", "house-style", cwd=tmp_path, pythonpath=site)
    assert scored.stdout.splitlines()[-1].split()[:6] == ["house-style", "2", "2", "2", "0", "0"], scored.stdout


def test_gold_offsets_point_at_the_marked_words(tmp_path):
    new_plugin(tmp_path, "style")
    package = tmp_path / "auditor-style"
    gold = json.loads((package / "gold.jsonl").read_text())
    assert gold["text"] == (package / "sample.txt").read_text()
    assert [gold["text"][e["start"] : e["end"]] for e in gold["expected"]] == ["slammed", "hit out at"]
    assert gold["annotated"] == ["style"] and "[[" not in gold["text"]


def test_bad_names_and_existing_folders_are_refused(tmp_path):
    result = new_plugin(tmp_path, "House Style")
    assert result.exit_code == 2
    assert "'House Style' is not a plugin name: use lower-case letters, digits and '-'" in result.output
    assert new_plugin(tmp_path, "dup").exit_code == 0
    again = new_plugin(tmp_path, "dup")
    assert again.exit_code == 1
    assert "auditor-dup already exists" in again.output
