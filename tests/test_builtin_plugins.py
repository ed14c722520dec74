"""The unnamed-sources and paraphrased-quotes checks, run the way a plugin author
runs any plugin: through auditor.testing."""

import pytest

from auditor.plugins import paraphrased_quotes, unnamed_sources
from auditor.testing import assert_finding, assert_no_finding, run_plugin

UNNAMED = "unnamed-source"
PARAPHRASE = "paraphrased-quote"


# -- unnamed-source ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, at, kind",
    [
        ("Officials said the pipeline would reopen next week.", "Officials", "vague group"),
        ("A person familiar with the talks said a deal was close.", "A person familiar with the talks", "anonymous person"),
        ("The dam burst overnight, according to local media.", "local media", "vague media or report"),
        ("Recent reports suggest that the fleet has moved south.", "Recent reports", "vague media or report"),
        ("Witnesses told the radio station that they heard two blasts.", "Witnesses", "vague group"),
        ("Citing a security source, the broadcaster said the road was shut.", "a security source", "anonymous person"),
        ("The governor reportedly left the country on Sunday.", "reportedly", "sourceless"),
        ("It is understood that the board will meet again.", "It is understood", "sourceless"),
    ],
)
def test_unnamed_sources_are_flagged_at_the_source_phrase(text, at, kind):
    finding = assert_finding(run_plugin(unnamed_sources, text), UNNAMED, at=at)
    assert finding.data["kind"] == kind
    assert finding.data["cue"]
    assert finding.message.startswith(f"Unnamed source “{at}”")


@pytest.mark.parametrize(
    "text",
    [
        "Harbour master Lena Ortiz said the pipeline would reopen next week.",
        "The Finance Ministry said in a statement that taxes would not rise.",
        "According to the Weather Bureau, the storm will pass by noon.",
        "The statement added that the talks would resume.",
        "Officials arrested two men near the station.",
    ],
)
def test_named_sources_documents_and_non_attributions_are_not_flagged(text):
    assert_no_finding(run_plugin(unnamed_sources, text), UNNAMED)


def test_title_only_source_is_not_an_unnamed_source():
    text = "A spokesman for the Port Authority said the quay was safe."
    assert_no_finding(run_plugin(unnamed_sources, text), UNNAMED)


def test_pronoun_in_the_same_sentence_is_not_flagged_again():
    text = "Analysts said they feared the rally was fragile."
    findings = run_plugin(unnamed_sources, text)
    assert [f.text for f in findings] == ["Analysts"]


def test_they_opening_a_new_claim_is_flagged_with_its_antecedent():
    text = "Analysts said the rally was fragile. They said investors were nervous."
    findings = run_plugin(unnamed_sources, text)
    assert [f.text for f in findings] == ["Analysts", "They"]
    assert "Analysts" in findings[1].message


def test_a_second_claim_from_one_unnamed_source_is_flagged_at_its_cue():
    text = "Officials said the bridge was closed, adding that repairs would take a week."
    findings = run_plugin(unnamed_sources, text)
    assert [f.text for f in findings] == ["Officials", "adding that"]
    assert "Officials" in findings[1].message


# -- paraphrased-quote ---------------------------------------------------------------


def test_indirect_speech_is_flagged_at_its_cue_with_speaker():
    text = "The coach said that the team had trained harder than ever."
    finding = assert_finding(run_plugin(paraphrased_quotes, text), PARAPHRASE, at="said that")
    assert finding.data == {"speaker": "The coach", "cue": "said that", "form": "indirect"}


def test_according_to_is_a_paraphrase():
    text = "According to the Weather Bureau, the storm will pass by noon."
    finding = assert_finding(run_plugin(paraphrased_quotes, text), PARAPHRASE, at="According to")
    assert finding.data["speaker"] == "the Weather Bureau"


def test_mixed_quote():
    text = "The union said the offer would “insult every nurse in the country.”"
    finding = assert_finding(run_plugin(paraphrased_quotes, text), PARAPHRASE, at="said")
    assert finding.data["form"] == "mixed"


def test_quotation_marks_around_reported_speech():
    text = "Researcher Ivo Brandt wrote that “the glacier is retreating and that the lake will flood.”"
    finding = assert_finding(run_plugin(paraphrased_quotes, text), PARAPHRASE, at="wrote that")
    assert finding.data["form"] == "quoted-paraphrase"


def test_speaker_is_the_resolved_name():
    text = "In a statement, the Rail Board said two lines were closed. The statement also noted that buses would replace trains."
    finding = assert_finding(run_plugin(paraphrased_quotes, text), PARAPHRASE, at="also noted that")
    assert finding.data["speaker"] == "the Rail Board"


@pytest.mark.parametrize(
    "text",
    [
        "“We will rebuild every house,” the mayor said.",
        "The mayor said: “We will rebuild every house.”",
        "“We will rebuild. It will take years,” said Mayor Ana Lopes.",
        "Investors believe the bank will cut rates.",
        "Most residents want the bridge repaired.",
    ],
)
def test_verbatim_quotes_and_mental_states_are_not_flagged(text):
    assert_no_finding(run_plugin(paraphrased_quotes, text), PARAPHRASE)


def test_one_statement_relayed_through_two_sources_is_flagged_once():
    text = "Citing a senior official, the broadcaster said that the border would close."
    findings = run_plugin(paraphrased_quotes, text)
    assert len(findings) == 1
