"""`auditor eval` for third-party rules: gold `expected` spans, `optional`, `recall_only`,
and a clear word when the plugin is missing or broken."""

import json

from click.testing import CliRunner

from auditor.cli import cli

PLUGIN = """
import auditor
from auditor import Finding, Rule

@auditor.hookimpl
def auditor_rules():
    return [Rule("shout", "Words in capitals.")]

@auditor.hookimpl
def auditor_check_sentence(sentence):
    for word in sentence.text.split():
        if word.isupper() and len(word) > 2:
            start = sentence.start + sentence.text.index(word)
            yield Finding("shout", start, start + len(word), "Lower-case it.")
"""

TEXT = "The MAYOR said the PLAN was FINE. Nobody SHOUTED back."


def gold_line(text, expected, **extra):
    spans = []
    for word in expected:
        start = text.index(word)
        spans.append({"rule": "shout", "start": start, "end": start + len(word)})
    return json.dumps({"id": extra.pop("id", "a1"), "text": text, "annotated": ["shout"], "expected": spans, **extra})


def run(tmp_path, lines, *args):
    (tmp_path / "shout.py").write_text(PLUGIN)
    (tmp_path / "gold.jsonl").write_text("\n".join(lines) + "\n")
    return CliRunner().invoke(cli, ["eval", str(tmp_path / "gold.jsonl"), *args])


def row(result, rule="shout"):
    line = next(line for line in result.stdout.splitlines() if line.startswith(rule + " ") and line.split()[1].isdigit())
    return line.split()[1:6]  # gold, found, tp, fp, fn


def test_expected_spans_are_scored_for_a_file_plugin(tmp_path):
    result = run(tmp_path, [gold_line(TEXT, ["MAYOR", "PLAN", "SHOUTED"])], "--plugin", str(tmp_path / "shout.py"), "--misses")
    assert result.exit_code == 0, result.output
    assert row(result) == ["3", "4", "3", "1", "0"]
    assert "shout FP a1 28: 'FINE.'" in result.stdout


def test_optional_spans_and_recall_only_articles(tmp_path):
    fine = TEXT.index("FINE")
    lines = [
        gold_line(TEXT, ["MAYOR", "PLAN", "SHOUTED"], optional=[{"rule": "shout", "start": fine, "end": fine + 4}]),
        gold_line("The BOARD met. The CHAIR spoke.", ["BOARD"], id="a2", recall_only=True),
    ]
    result = run(tmp_path, lines, "--plugin", str(tmp_path / "shout.py"))
    assert row(result) == ["4", "4", "4", "0", "0"]


def test_a_missing_plugin_is_pointed_out_not_scored_silently(tmp_path):
    result = run(tmp_path, [gold_line(TEXT, ["MAYOR"])], "--rule", "shout", "--rule", "shuot")
    assert row(result) == ["1", "0", "0", "0", "1"]
    assert "no loaded plugin declares rule 'shout'" in result.stderr
    assert "lists 'shuot' in \"annotated\"" in result.stderr


def test_a_plugin_error_while_scoring_exits_2(tmp_path):
    (tmp_path / "broken.py").write_text(PLUGIN.replace("for word in sentence.text.split():", "raise KeyError('x')\n    for word in ():"))
    result = run(tmp_path, [gold_line(TEXT, ["MAYOR"])], "--plugin", str(tmp_path / "broken.py"))
    assert result.exit_code == 2
    assert "error: a1:1:1: plugin 'broken' raised KeyError in auditor_check_sentence" in result.stderr
