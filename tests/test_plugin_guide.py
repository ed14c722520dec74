"""docs/plugins.md: every example file in the guide loads and does what the guide says."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.config import load_config
from auditor.declarative import build_plugin
from auditor.engine import Auditor
from auditor.testing import assert_finding, audit_with, load_plugin, run_plugin

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "plugins.md"
BLOCK = re.compile(r"^```(python|toml)\n# file: (\S+)\n(.*?)^```", re.MULTILINE | re.DOTALL)

DRAFT = (
    "Bridge repairs delayed again\n\n"
    "The city's transport chief admitted on Monday that repairs to the Elm Street bridge would not finish before spring.\n"
    "Engineers found more corrosion than expected, she said.\n"
    "Her deputy claimed the delay would not raise the cost.\n"
)


def blocks():
    return [(kind, name, "# file: " + name + "\n" + body) for kind, name, body in BLOCK.findall(GUIDE.read_text())]


@pytest.fixture
def files(tmp_path, monkeypatch):
    """Every `# file:` block of the guide written into one folder (the TOML ones apart)."""
    for kind, name, body in blocks():
        if kind == "python":
            (tmp_path / name).write_text(body)
    (tmp_path / "draft.txt").write_text(DRAFT)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_guide_has_an_example_for_every_hook():
    text = "\n".join(body for kind, name, body in blocks() if kind == "python")
    hooks = [name for name in dir(__import__("auditor.hookspecs").hookspecs) if name.startswith("auditor_")]
    for hook in hooks:
        assert f"def {hook}(" in text, f"no example of {hook} in the guide"


def test_every_example_plugin_loads(files):
    plugins = [name for kind, name, body in blocks() if kind == "python" and "@auditor.hookimpl" in body]
    assert len(plugins) >= 5
    for name in plugins:
        assert load_plugin(str(files / name)).origin == "file"


def test_the_example_checks_find_what_the_guide_shows(files):
    assert_finding(run_plugin("reportedly.py", "The minister reportedly resigned."), "reportedly", at="reportedly")
    findings = run_plugin("loaded_verbs.py", DRAFT)
    assert [(f.text, f.line, f.column) for f in findings] == [("admitted", 3, 28), ("claimed", 5, 12)]
    thin = "Water bills to rise by 9%\n\nHouseholds will pay 9% more. The rise is the largest yet. Pipes leak.\nThe regulator said so.\n"
    assert [f.rule for f in run_plugin("thin_sourcing.py", thin)] == ["thin-sourcing"]


def test_the_example_segmenter_and_finder(files):
    roundup = "Police said two people were hurt; the fire service said no one was hurt; the council declined to comment."
    assert audit_with(["semicolons.py"], roundup).sentences == 3
    interview = "Interviewer: Will it open?\nChief Engineer: No. We found more corrosion.\n"
    attributions = audit_with(["transcript.py"], interview).article.attributions
    assert [(a.source.text, a.content.text) for a in attributions] == [
        ("Interviewer", "Will it open?"), ("Chief Engineer", "No. We found more corrosion.")
    ]


def test_the_example_tests_pass(files):
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(files))
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_loaded_verbs.py"],
                            cwd=files, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 passed" in result.stdout


def test_the_gold_script_makes_a_line_eval_scores(files):
    line = subprocess.run([sys.executable, "make_gold.py"], cwd=files, capture_output=True, text=True, check=True).stdout
    (files / "gold.jsonl").write_text(line)
    assert json.loads(line)["expected"][0] == {"rule": "loaded-verb", "start": 57, "end": 65}
    from auditor.evaluate import evaluate

    score = evaluate(str(files / "gold.jsonl"), Auditor(["loaded_verbs.py"], entry_points=False))["loaded-verb"]
    assert (score.tp, score.fp, score.fn) == (2, 0, 0)


def test_the_example_configuration_files_load(tmp_path):
    tomls = [body for kind, name, body in blocks() if kind == "toml" and name == "auditor.toml"]
    assert len(tomls) == 2
    for number, body in enumerate(tomls):
        path = tmp_path / str(number) / "auditor.toml"
        path.parent.mkdir()
        path.write_text(body)
        config = load_config(path)
        if config.custom_rules:
            plugin = build_plugin(config.custom_rules, str(path))
            assert [r.id for r in plugin.auditor_rules()] == ["house-insiders", "vague-experts"]
        else:
            assert config.phrases == {"loaded_verbs": {"verbs": ["boasted"]}}
