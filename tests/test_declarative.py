"""Custom rules from the configuration file: phrase lists and patterns, no Python."""

import json
import re

import pytest

import auditor
from auditor.declarative import build_plugin
from auditor.engine import Auditor
from auditor.testing import assert_finding, assert_no_finding, run_plugin

INSIDERS = {
    "id": "house-insiders",
    "message": "Say who the insiders are.",
    "phrases": ["insiders say", "sources close to"],
}
EXPERTS = {
    "id": "vague-experts",
    "message": "Name the experts.",
    "severity": "error",
    "patterns": [r"\bexperts? (?:agree|warn)s?\b"],
}


class FirstWord:
    """Another plugin, to show its findings survive a custom rule's timeout."""

    __name__ = "first-word"

    @auditor.hookimpl
    def auditor_rules(self):
        return [auditor.Rule("first-word", "test")]

    @auditor.hookimpl
    def auditor_check_sentence(self, sentence):
        yield auditor.Finding("first-word", sentence.start, sentence.start + 1, "m")


def test_phrases_match_whole_words_any_case_spacing_and_apostrophe():
    plugin = build_plugin([INSIDERS, {"id": "dont", "message": "m", "phrases": ["don't know"]}], "auditor.toml")
    text = "Insiders  say the deal is off. Sources close to\nthe talks agree. Outsiders saying so. We don\u2019t know."
    findings = run_plugin(plugin, text)
    assert_finding(findings, "house-insiders", at="Insiders  say", message="Say who the insiders are.", severity="warning")
    assert_finding(findings, "house-insiders", at="Sources close to")
    assert_finding(findings, "dont", at="don\u2019t know")
    assert_no_finding(findings, "house-insiders", at="Outsiders saying")
    found = next(f for f in findings if f.text == "Sources close to")
    assert (found.line, found.column, found.plugin) == (1, 32, "custom-rules")


def test_patterns_and_case_sensitivity():
    plugin = build_plugin([EXPERTS, {"id": "acronym", "message": "m", "patterns": [r"\bUN\b"], "case-sensitive": True}], "c.toml")
    findings = run_plugin(plugin, "Experts warn of a crisis. The UN said so; un-named people did not.")
    assert_finding(findings, "vague-experts", at="Experts warn", severity="error")
    assert_finding(findings, "acronym", at="UN")
    assert len([f for f in findings if f.rule == "acronym"]) == 1


def test_skip_quotes_leaves_quoted_words_alone():
    rule = dict(INSIDERS, **{"skip-quotes": True})
    findings = run_plugin(build_plugin([rule], "c.toml"), "Insiders say no. She said: \u201cinsiders say yes.\u201d")
    assert [f.column for f in findings] == [1]


def test_a_runaway_pattern_stops_with_an_error_naming_the_rule_and_keeps_other_findings():
    slow = {"id": "runaway", "message": "m", "patterns": [r"(a|aa)+$"]}
    plugin = build_plugin([slow, INSIDERS], "auditor.toml", timeout=0.5)
    result = Auditor([plugin, FirstWord()], entry_points=False).audit_text("Insiders say " + "a" * 60 + "b.")
    assert [e.message for e in result.errors] == [
        "plugin 'custom-rules' raised PatternTimeout in auditor_check_article: custom rule 'runaway' from "
        "auditor.toml stopped after 0.5s: its pattern backtracks too much on this article; simplify it "
        "(avoid nested repeats like (a+)+)"
    ]
    assert {f.rule for f in result.findings} == {"house-insiders", "first-word"}


@pytest.mark.parametrize(
    "table, problem",
    [
        ({"id": "x", "message": "m"}, "custom rule 'x': needs `phrases` or `patterns`"),
        ({"id": "x", "message": "m", "patterns": ["(unclosed"]}, "pattern '(unclosed' is not a valid regular expression: missing )"),
        ({"id": "x", "message": "m", "pattern": ["a"]}, "unknown key(s) pattern; the keys are"),
        ({"message": "m", "phrases": ["a"]}, "custom rule #1: needs an `id`"),
        ({"id": "x", "phrases": ["a"]}, "custom rule 'x': needs a `message`"),
        ({"id": "x", "message": "m", "phrases": "a"}, "`phrases` must be a list of text"),
        ({"id": "x", "message": "m", "phrases": ["a", ""]}, "`phrases` must hold only non-empty text"),
        ({"id": "x", "message": "m", "patterns": ["a*"]}, "pattern 'a*' matches empty text"),
        ({"id": "x", "message": "m", "severity": "fatal", "phrases": ["a"]}, "severity 'fatal' is not one of info, warning, error"),
        ({"id": "x", "message": "m", "phrases": ["a"], "case-sensitive": "yes"}, "`case-sensitive` must be true or false"),
        ("x", "custom rule #1 is str, not a table"),
    ],
)
def test_bad_tables_are_refused_naming_file_rule_and_problem(table, problem):
    with pytest.raises(ValueError) as caught:
        build_plugin([table], "auditor.toml")
    assert str(caught.value).startswith("auditor.toml: ")
    assert problem in str(caught.value)


def test_duplicate_ids_and_clashes_with_installed_rules():
    with pytest.raises(ValueError, match="custom rule 'house-insiders' is defined twice"):
        build_plugin([INSIDERS, INSIDERS], "auditor.toml")
    clash = build_plugin([{"id": "unnamed-source", "message": "m", "phrases": ["a"]}], "auditor.toml")
    auditor = Auditor([clash])
    assert "already declared by plugin 'unnamed-sources'" in auditor.load_errors[0].message
    assert auditor.rules["unnamed-source"].plugin == "unnamed-sources"


CONFIG = """
[[custom-rules]]
id = "house-insiders"
message = "Say who the insiders are."
phrases = ["insiders say"]

[[custom-rules]]
id = "vague-experts"
message = "Name the experts."
severity = "error"
patterns = ['\\bexperts? (?:agree|warn)s?\\b']
"""


def test_custom_rules_from_auditor_toml_in_plugins_rules_and_the_table(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from auditor.cli import cli

    (tmp_path / "auditor.toml").write_text(CONFIG)
    (tmp_path / "a.txt").write_text("Insiders say the deal is off.\nExperts warn of delays.\n")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    listed = runner.invoke(cli, ["plugins"])
    assert listed.exit_code == 0, listed.output
    assert re.search(r"\ncustom-rules +- +config +house-insiders, vague-experts\n", listed.stdout)
    assert re.search(r"\nvague-experts +error +custom-rules +Name the experts\.\n", runner.invoke(cli, ["rules"]).stdout)
    audited = runner.invoke(cli, ["audit", "--format", "jsonl", "--select", "house-insiders,vague-experts", "a.txt"])
    found = [(f["rule"], f["severity"], f["line"], f["column"], f["text"]) for f in map(json.loads, audited.stdout.splitlines())]
    assert found == [("house-insiders", "warning", 1, 1, "Insiders say"), ("vague-experts", "error", 2, 1, "Experts warn")]


def test_a_bad_custom_rule_stops_the_run_with_file_and_rule(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from auditor.cli import cli

    (tmp_path / "auditor.toml").write_text(CONFIG.replace('severity = "error"', 'severity = "fatal"'))
    (tmp_path / "a.txt").write_text("Experts warn of delays.\n")
    monkeypatch.chdir(tmp_path)
    for args in (["plugins"], ["audit", "a.txt"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2
        assert "auditor.toml: custom rule 'vague-experts': severity 'fatal' is not one of info, warning, error" in result.stderr
