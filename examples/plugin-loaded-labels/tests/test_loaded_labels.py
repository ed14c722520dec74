"""The plugin's own tests, written the way any plugin author would, with auditor.testing."""

import auditor_loaded_labels as plugin
from auditor.testing import assert_finding, assert_no_finding, load_plugin, run_plugin


def test_declares_its_rule():
    info = load_plugin(plugin)
    assert [(r.id, r.severity) for r in info.rules] == [("loaded-label", "warning")]


def test_affiliation_label_on_a_researcher():
    findings = run_plugin(plugin, "A Gulf-backed researcher told the committee the port was secure.")
    finding = assert_finding(findings, "loaded-label", at="Gulf-backed researcher", message="who pays or steers")
    assert finding.data["kind"] == "affiliation"
    assert (finding.line, finding.column) == (1, 3)


def test_affiliation_label_with_one_word_between():
    findings = run_plugin(plugin, "The report came from a Kremlin-linked Italian think tank.")
    assert_finding(findings, "loaded-label", at="Kremlin-linked Italian think tank")


def test_judgemental_adjective_takes_the_word_it_labels():
    findings = run_plugin(plugin, "The minister's infamous ties to the contractor were raised again.")
    assert_finding(findings, "loaded-label", at="infamous ties", message="give the fact behind it")


def test_label_before_a_preposition_stands_alone():
    findings = run_plugin(plugin, "The firm is notorious for late filings.")
    assert_finding(findings, "loaded-label", at="notorious")


def test_adverb_on_a_claim():
    text = "The senator, ironically claiming to defend the budget, voted for the cut."
    findings = run_plugin(plugin, text)
    assert_finding(findings, "loaded-label", at="ironically claiming", message="report what was said")


def test_quoted_labels_are_the_sources_words():
    text = "“These are infamous ties,” the opposition leader said."
    assert_no_finding(run_plugin(plugin, text), "loaded-label")


def test_neutral_attribution_and_ordinary_compounds_are_left_alone():
    text = (
        "Dr Lena Ortiz, a researcher at the University of Leeds, said the port was secure. "
        "State-backed loans rose 4% in March, the central bank said."
    )
    assert_no_finding(run_plugin(plugin, text), "loaded-label")


def test_offsets_point_into_the_original_text_across_lines():
    text = "First line.\r\nA so-called expert, conveniently claimed victory.\n"
    findings = run_plugin(plugin, text)
    label = assert_finding(findings, "loaded-label", at="so-called expert")
    adverb = assert_finding(findings, "loaded-label", at="conveniently claimed")
    assert (label.line, label.column) == (2, 3)
    assert text[adverb.start : adverb.end] == "conveniently claimed"
