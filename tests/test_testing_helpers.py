"""auditor.testing: the helpers plugin authors import in their own tests."""

import textwrap

import pytest

import auditor
from auditor import Finding, Rule
from auditor.testing import assert_finding, assert_no_finding, audit_with, load_plugin, run_plugin


class Reportedly:
    """A tiny plugin object: flags the word 'reportedly'."""

    __name__ = "reportedly-check"

    @auditor.hookimpl
    def auditor_rules(self):
        return [Rule("reportedly", "'reportedly' hides who reported it.", "error")]

    @auditor.hookimpl
    def auditor_check_sentence(self, sentence):
        i = sentence.text.find("reportedly")
        if i >= 0:
            yield Finding("reportedly", sentence.start + i, sentence.start + i + 10, "Say who reported it.")


class Raising:
    __name__ = "raising"

    @auditor.hookimpl
    def auditor_check_article(self, article):
        raise KeyError("oops")


TEXT = "The minister reportedly resigned. Her office said nothing."


def test_run_plugin_returns_only_that_plugins_findings_filled_in():
    findings = run_plugin(Reportedly(), TEXT)
    assert [(f.rule, f.plugin, f.severity, f.line, f.column) for f in findings] == [
        ("reportedly", "reportedly-check", "error", 1, 14)
    ]
    finding = assert_finding(findings, "reportedly", at="reportedly", message="Say who", severity="error")
    assert TEXT[finding.start : finding.end] == "reportedly"


def test_assert_finding_explains_what_was_found_instead():
    findings = run_plugin(Reportedly(), TEXT)
    with pytest.raises(AssertionError, match=r"no reportedly finding at 'minister'; found: reportedly at 'reportedly' \(1:14\)"):
        assert_finding(findings, "reportedly", at="minister")
    with pytest.raises(AssertionError, match="without 'Name them'"):
        assert_finding(findings, "reportedly", at="reportedly", message="Name them")
    with pytest.raises(AssertionError, match="severity 'error', not 'info'"):
        assert_finding(findings, "reportedly", at="reportedly", severity="info")
    with pytest.raises(AssertionError):
        assert_finding(findings, "reportedly", at="reportedly", occurrence=2)


def test_assert_no_finding():
    findings = run_plugin(Reportedly(), TEXT)
    assert_no_finding(findings, "reportedly", at="office")
    assert_no_finding(findings, "other-rule")
    with pytest.raises(AssertionError, match="unexpected reportedly finding"):
        assert_no_finding(findings, "reportedly")
    with pytest.raises(AssertionError, match="unexpected reportedly finding"):
        assert_no_finding(findings, "reportedly", at="minister reportedly resigned")


def test_installed_plugins_are_not_loaded():
    # The built-in unnamed-source rule would flag "reportedly"; a test of one plugin must not see it.
    result = audit_with([Reportedly()], TEXT)
    assert {f.rule for f in result.findings} == {"reportedly"}
    assert result.sentences == 2


def test_a_raising_plugin_fails_the_test_with_the_engine_message():
    with pytest.raises(AssertionError, match=r"plugin 'raising' raised KeyError in auditor_check_article"):
        audit_with([Reportedly(), Raising()], TEXT)


def test_plugins_given_as_a_file_path_or_module_name(tmp_path, monkeypatch):
    source = textwrap.dedent(
        """
        import auditor
        from auditor import Finding, Rule
        __version__ = "2.1"

        @auditor.hookimpl
        def auditor_rules():
            return [Rule("long-sentence", "Sentences over 8 words.", "info")]

        @auditor.hookimpl
        def auditor_check_sentence(sentence):
            if len(sentence.text.split()) > 8:
                yield Finding("long-sentence", sentence.start, sentence.end, "Split it.")
        """
    )
    (tmp_path / "long_sentences.py").write_text(source)
    text = "Short one. This sentence has rather more than eight words in it, really."
    by_file = run_plugin(str(tmp_path / "long_sentences.py"), text)
    assert_finding(by_file, "long-sentence", at="This sentence has rather more than eight words in it, really.")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert run_plugin("long_sentences", text)[0].start == by_file[0].start
    info = load_plugin("long_sentences")
    assert (info.name, info.version, info.origin, [r.id for r in info.rules]) == (
        "long_sentences", "2.1", "module", ["long-sentence"]
    )


def test_load_plugin_fails_with_the_refusal():
    class Future:
        __name__ = "future"
        AUDITOR_CONTRACT = 99

    with pytest.raises(AssertionError, match="written for hook contract 99"):
        load_plugin(Future())
