"""Sentence segmentation of news text: what a user sees as the sentences of an article."""

import pytest

from auditor.segment import segment


def sentences(text):
    return [text[s:e] for s, e in segment(text)]


def test_plain_sentences_with_exact_offsets():
    text = "The port reopened on Monday.  Ships queued for hours! Was it worth it?"
    spans = segment(text)
    assert [text[s:e] for s, e in spans] == [
        "The port reopened on Monday.",
        "Ships queued for hours!",
        "Was it worth it?",
    ]
    assert spans[1][0] == text.index("Ships")


@pytest.mark.parametrize(
    "text",
    [
        "Gov. Ana Ruiz met Dr. Lee at 10 a.m. on Friday in Boston.",
        "Shares in Acme Inc. fell 2.5 per cent after the Jan. 4 filing.",
        "George W. Bush spoke to the U.S. ambassador in Paris.",
        "The vote was 3.14 per cent higher at 9.30 in the morning.",
    ],
)
def test_abbreviations_initials_and_decimals_do_not_end_a_sentence(text):
    assert sentences(text) == [text]


def test_a_quoted_question_goes_on_into_its_dialogue_tag():
    assert sentences("“Why now?” Clinton asked. “Was it the polls?” Senator Lindsey Graham said, smiling. Nobody knew.") == [
        "“Why now?” Clinton asked.",
        "“Was it the polls?” Senator Lindsey Graham said, smiling.",
        "Nobody knew.",
    ]
    # without a reporting verb after the name, the question ends its sentence
    assert sentences("“Why now?” Clinton left the room.") == ["“Why now?”", "Clinton left the room."]


def test_dotted_acronym_ends_a_sentence_before_a_new_one():
    assert sentences("The talks were held in the U.S. The president was absent.") == [
        "The talks were held in the U.S.",
        "The president was absent.",
    ]


def test_closing_quotation_mark_stays_with_its_sentence():
    text = "“We will rebuild,” she said. “It will take years.” The mayor agreed."
    assert sentences(text) == ["“We will rebuild,” she said.", "“It will take years.”", "The mayor agreed."]


def test_ellipsis_ends_a_sentence_before_a_capital():
    assert sentences("He paused... Then he left.") == ["He paused...", "Then he left."]


def test_headline_and_dateline_lines_stand_alone():
    text = "Storm closes harbour\nLISBON, March 3\nThe harbour shut at dawn."
    assert sentences(text) == ["Storm closes harbour", "LISBON, March 3", "The harbour shut at dawn."]


def test_hard_wrapped_prose_is_rejoined_but_blank_lines_separate():
    text = "The council voted to\nclose the bridge for repairs.\n\nTraffic will divert"
    assert sentences(text) == ["The council voted to\nclose the bridge for repairs.", "Traffic will divert"]


def test_lower_case_after_full_stop_does_not_split():
    assert len(sentences("The meeting ran until 11 p.m. and nobody left early.")) == 1


def test_paragraph_separator_ends_a_paragraph():
    assert sentences("Harbour strike enters second week\u2029dockers walked out again.") == [
        "Harbour strike enters second week",
        "dockers walked out again.",
    ]
