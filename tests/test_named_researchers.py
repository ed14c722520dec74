"""named-researchers: experts cited by name, reported once at their first mention,
with what the citation gives (descriptor, affiliation, venue, date) and lacks."""

import pytest

import auditor.plugins.named_researchers as named_researchers
from auditor.testing import assert_finding, assert_no_finding, load_plugin, run_plugin

RULE = "named-researcher"


def findings(text):
    return run_plugin(named_researchers, text)


def data(text, name):
    return dict(assert_finding(findings(text), RULE, at=name).data)


def test_declares_its_rule():
    rules = {rule.id: rule for rule in load_plugin(named_researchers).rules}
    assert rules[RULE].severity == "info"


def test_seed_style_citation_gives_descriptor_venue_and_date_but_no_affiliation():
    text = ("Even before the vote, Gulf-funded Yemen researcher Dana Whitfield wrote in Foreign Affairs "
            "on 12 March that “the truce is failing and the ports are closing.”")
    finding = assert_finding(findings(text), RULE, at="Dana Whitfield", message="who they work for")
    assert dict(finding.data) == {
        "name": "Dana Whitfield",
        "descriptor": "Gulf-funded Yemen researcher",
        "affiliation": None,
        "venue": "Foreign Affairs",
        "date": "12 March",
        "missing": ["affiliation"],
    }


def test_appositive_descriptor_and_affiliation_after_an_inverted_said():
    got = data('"Prices will keep rising," said Omar Haddad, an economist at Northgate Bank in Leeds.', "Omar Haddad")
    assert got["descriptor"] == "an economist"
    assert got["affiliation"] == "Northgate Bank in Leeds"
    assert got["missing"] == ["venue", "date"]


def test_employer_written_before_the_role():
    got = data("Harbour Institute senior analyst Priya Nair said exports had stalled.", "Priya Nair")
    assert got["descriptor"] == "Harbour Institute senior analyst"
    assert got["affiliation"] == "Harbour Institute"


def test_affiliation_after_the_name_and_a_title_before_it():
    got = data("“The vaccine holds up,” said Dr Maria Lopes of the Pasteur Institute.", "Maria Lopes")
    assert got["descriptor"] == "Dr"
    assert got["affiliation"] == "the Pasteur Institute"


def test_field_of_study_stays_in_the_descriptor():
    text = "“The trend is clear,” said Ruth Adler, professor of economics and history at Kelso University."
    got = data(text, "Ruth Adler")
    assert got["descriptor"] == "professor of economics and history"
    assert got["affiliation"] == "Kelso University"


def test_reported_at_the_first_mention_when_the_description_comes_later():
    text = ("Lena Ortiz has studied the river for a decade. "
            "Ortiz, a hydrologist at Delft University, said the levees would not hold.")
    found = findings(text)
    finding = assert_finding(found, RULE, at="Lena Ortiz")
    assert finding.start == 0
    assert finding.data["affiliation"] == "Delft University"
    assert len([f for f in found if f.rule == RULE]) == 1


def test_each_person_once():
    text = ("Climate scientist Ivo Marek said the glacier was retreating. "
            "Climate scientist Ivo Marek also said the lake would grow.")
    assert len(findings(text)) == 1


def test_every_name_of_a_list_of_colleagues():
    text = "Writing in the journal Cell, biologists Ana Ruiz and Tom Becker showed that the enzyme folds twice."
    found = findings(text)
    for name in ("Ana Ruiz", "Tom Becker"):
        assert assert_finding(found, RULE, at=name).data["venue"] == "Cell"


def test_study_authors_get_the_venue_and_day_of_the_study():
    text = ("In findings published on Tuesday in Marine Ecology, researchers tracked 40 whales. "
            '"The pods are moving north," said study co-author Rosa Lind.')
    got = data(text, "Rosa Lind")
    assert (got["descriptor"], got["venue"], got["date"]) == ("study co-author", "Marine Ecology", "Tuesday")


def test_told_an_outlet_is_the_venue():
    got = data("Terrorism expert Farid Nasser told NPR that the group was recruiting again.", "Farid Nasser")
    assert got["venue"] == "NPR"


def test_a_complete_citation_has_nothing_missing():
    text = ("Kelso University economist Mark Bell wrote in The Economist on 3 May "
            "that wages had stalled.")
    finding = assert_finding(findings(text), RULE, at="Mark Bell", message="interest")
    assert finding.data["missing"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Finance Minister Rahul Mehta said the budget was sound.",
        '"We regret the delay," said company spokesman Mark Doyle.',
        "Chief executive Sara Lind, an economist by training, said profits rose.",
        "Senator Jane Roe, a former professor of law, said the bill would pass.",
        '"Turnout will be high," said Sean Price, chief strategist for the Liberal Party.',
    ],
    ids=["minister", "spokesman", "ceo", "senator", "party-strategist"],
)
def test_officials_spokespeople_and_company_voices_are_not_experts(text):
    assert_no_finding(findings(text), RULE)


def test_an_expert_merely_described_is_not_cited():
    assert_no_finding(findings("Physicist Karl Bauer died on Monday at the age of 91."), RULE)


def test_role_words_inside_a_quotation_are_not_descriptors():
    text = '"As an economist Tim Hale would tell you, prices rise," said Mayor Ben Ford.'
    assert_no_finding(findings(text), RULE)


def test_a_lone_role_word_or_a_pronoun_is_not_a_name():
    text = "The economist said rates would fall. He is a professor at Kelso University."
    assert_no_finding(findings(text), RULE)


def test_text_without_any_role_word_or_name_gives_nothing():
    text = "The Minister Of State For Foreign Affairs And Senior Officials Said " * 500
    assert findings(text) == []


def test_a_former_official_cited_as_an_economist_now_is_an_expert():
    text = "Former Treasury Secretary Lars Holm, a Kelso University economist, warned that inflation would rise."
    assert data(text, "Lars Holm")["descriptor"] == "a Kelso University economist"


def test_the_leader_of_a_research_team_is_cited():
    text = "Researchers led by Anna Berg of the Karolinska Institute found that the drug worked."
    assert data(text, "Anna Berg")["affiliation"] == "the Karolinska Institute"


def test_an_affiliation_of_several_words_before_the_role():
    got = data("University of Chicago economist John Lisle said the effect was small.", "John Lisle")
    assert got["affiliation"] == "University of Chicago"


def test_a_weekday_is_a_date_not_a_venue():
    got = data("Virologist Eva Kranz said on Sunday that cases were rising.", "Eva Kranz")
    assert (got["venue"], got["date"]) == (None, "Sunday")
