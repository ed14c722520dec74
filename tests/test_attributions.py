"""The attribution finder: cue, source, content, kind, form and reference of each
attribution, as the checks and the source ledger see them."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor import audit_text
from auditor.attributions import classify_source


def attributions(text):
    return audit_text(text).article.attributions


def only(text):
    found = attributions(text)
    assert len(found) == 1, [(a.cue.text, a.source and a.source.text) for a in found]
    return found[0]


def test_subject_and_reporting_verb():
    a = only("The harbour master said that the channel would reopen on Friday.")
    assert a.cue.text == "said that"
    assert a.source.text == "The harbour master"
    assert a.content.text == "the channel would reopen on Friday"
    assert a.quote == "indirect"


def test_verb_with_adjunct_before_that_is_one_cue():
    a = only("Economist Dana Weir wrote in The Ledger on 3 May that rents would keep rising.")
    assert a.cue.text == "wrote in The Ledger on 3 May that"
    assert a.source.text == "Economist Dana Weir"
    assert a.source_kind == "named_person"


def test_direct_quote_before_a_parenthetical_verb():
    a = only("“We are not leaving,” the farmer said.")
    assert a.quote == "direct"
    assert a.content.text == "“We are not leaving,”"
    assert a.source.text == "the farmer"


def test_inverted_verb_takes_the_phrase_after_it_as_source():
    a = only("“Prices will fall,” said Omar Haddad, a trader in Rotterdam.")
    assert a.source.text == "Omar Haddad, a trader in Rotterdam"
    assert a.source_kind == "named_person"
    assert a.quote == "direct"


@pytest.mark.parametrize("text", [
    "John Smith, a spokesman, said the talks failed.",
    "John Smith, a spokesman, said that the talks failed.",
])
def test_a_speaker_before_the_verb_is_not_taken_for_a_clause_after_it(text):
    a = only(text)
    assert a.source.text == "John Smith, a spokesman"
    assert a.content.text == "the talks failed"


def test_a_phrase_after_the_verb_is_still_the_speaker_when_none_comes_before():
    a = only("The talks failed, said the official concerned.")
    assert a.source.text == "the official concerned"
    assert a.content.text == "The talks failed"


@pytest.mark.parametrize("name", ["José Ruiz", "Jose\u0301 Ruiz"])  # composed, and typed as e + a combining accent
def test_a_name_with_a_combining_accent_is_one_name(name):
    a = only(f"According to {name}, the talks failed.")
    assert a.source.text == name
    assert a.source_kind == "named_person"


def test_an_age_between_commas_leaves_the_speaker_in_place():
    a = only("Maria Lopez, 45, said the floods ruined her stock.")
    assert a.source.text == "Maria Lopez, 45"
    assert a.source_kind == "named_person"


@pytest.mark.parametrize(("text", "cue"), [
    ("The mayor told reporters on Monday that the budget was balanced.", "told reporters on Monday that"),
    ("The mayor told reporters the budget was balanced.", "told reporters"),
    ("The mayor told a meeting of Pacific Island leaders that the budget was balanced.",
     "told a meeting of Pacific Island leaders that"),
])
def test_whom_a_source_told_is_part_of_the_cue_not_of_what_was_said(text, cue):
    a = only(text)
    assert a.cue.text == cue
    assert a.content.text == "the budget was balanced"


@pytest.mark.parametrize(("text", "source"), [
    ("The report, published by the UN on Friday, found that poverty had risen.", "The report"),
    ("Residents, interviewed by Reuters, said the water was unsafe.", "Residents"),
])
def test_a_participle_phrase_between_commas_leaves_the_speaker_in_place(text, source):
    assert only(text).source.text == source


def test_there_are_reports_is_a_report_with_no_source():
    a = only("There are reports that the talks have stalled.")
    assert a.source is None and a.source_kind == "unnamed"
    assert a.cue.text == "There are reports that"


def test_claims_after_a_verb_and_all_are_claims_with_no_source():
    found = attributions("Saudi Arabia initially denied all claims that the journalist was slain.")
    claims = [a for a in found if a.cue.text == "claims that"]
    assert len(claims) == 1 and claims[0].source is None and claims[0].source_kind == "unnamed"


@pytest.mark.parametrize("text", [
    # a thing mentioned or cited, with nothing reported
    "The country's nuclear ambitions have barely been mentioned in the campaign.",
    "He could not explain why the requirement is cited on the website.",
    # turns of phrase and ordinals
    "Let's say you think a degree from a state school will cost $160,000.",
    "Let us say the plan fails.",
    "Having said that, the plan may still work.",
    "The firm's second bankruptcy case began in May.",
    "The fire burned for a few seconds before crews arrived.",
    # calling a meeting or people somewhere names nothing
    "The president called snap elections for June.",
    "Police called reporters to the scene.",
])
def test_what_reports_nothing_is_no_attribution(text):
    assert attributions(text) == ()


def test_something_cited_as_evidence_is_still_a_report():
    a = only("The study is cited as evidence that the drug works.")
    assert a.source is None and a.source_kind == "unnamed"


def test_a_quotation_after_a_colon_is_what_the_closing_verb_attributes():
    found = attributions("The senator scolded him: “The scientific community is against you,” she said.")
    said = [a for a in found if a.cue.text == "said"]
    assert len(said) == 1 and said[0].quote == "direct"
    assert said[0].content.text == "“The scientific community is against you,”"


@pytest.mark.parametrize(("text", "source"), [
    ("“It is right,” Flynn, a campaign adviser, said Thursday morning on Fox News.", "Flynn, a campaign adviser"),
    ("“It is over,” said June Okafor, a trader.", "June Okafor, a trader"),
])
def test_a_day_after_the_verb_is_when_and_a_name_is_who(text, source):
    a = only(text)
    assert a.source.text == source
    assert a.quote == "direct"


def test_a_day_after_the_verb_is_part_of_the_cue_and_the_clause_after_it_the_content():
    a = only("The vice president said on Friday the United States is “in the midst of a crisis.”")
    assert a.cue.text == "said on Friday"
    assert a.content.text.startswith("the United States is")
    assert a.quote == "mixed"


@pytest.mark.parametrize(("text", "source"), [
    ("The minister was quoted as saying the war was over.", "The minister"),
    ("Smith was quoted by Reuters as saying the war was over.", "Smith"),
    ("Officials were cited as saying the war was over.", "Officials"),
])
def test_quoted_as_saying_attributes_to_the_subject(text, source):
    a = only(text)
    assert a.source.text == source
    assert a.content.text == "the war was over"


def test_a_surname_that_is_also_a_country_still_resolves_to_the_person():
    found = attributions("Rep. Jim Jordan said the inquiry was over. Jordan said it had found nothing.")
    assert [a.resolved for a in found][-1] == "Jim Jordan"
    assert found[-1].source_kind == "named_person"


def test_it_resolves_to_a_country_named_before():
    found = attributions("Mexico said it would retaliate. It has shown it knows how.")
    assert found[-1].source.text == "It" and found[-1].resolved == "Mexico"


def test_quotation_over_two_sentences_is_direct():
    text = "“The dam held. We were lucky,” the engineer said."
    (a,) = [x for x in attributions(text) if x.cue.text == "said"]
    assert a.quote == "direct"
    assert a.content.text == "“The dam held. We were lucky,”"


def test_mixed_quote_and_quoted_reported_speech():
    text = "The union said that the offer was “an insult to every nurse.”"
    assert only(text).quote == "mixed"
    text = "The mayor described the plan as “reckless and unaffordable.”"
    a = only(text)
    assert (a.cue.text, a.quote) == ("described the plan as", "mixed")


def test_according_to_before_and_after_the_content():
    a = only("According to local media, the bridge was closed overnight.")
    assert (a.cue.text, a.source.text, a.source_kind) == ("According to", "local media", "unnamed")
    assert a.content.text == "the bridge was closed overnight"
    a = only("Three boats sank, according to the coastguard.")
    assert a.source.text == "the coastguard"
    assert a.content.text == "Three boats sank"


def test_document_owner_is_the_source():
    a = only("According to a report by the Tanaka Institute, exports fell.")
    assert a.source.text == "the Tanaka Institute"
    assert a.source_kind == "named_org"


def test_sourceless_cues():
    for text, cue in [
        ("The minister reportedly resigned on Sunday.", "reportedly"),
        ("It is understood that the deal collapsed overnight.", "It is understood"),
        ("The suspect was said to be armed.", "was said"),
    ]:
        found = [a for a in attributions(text) if a.source is None]
        assert [a.cue.text for a in found] == [cue]
        assert found[0].source_kind == "unnamed"


def test_passive_with_agent():
    a = only("The closure was announced on Friday by the port authority.")
    assert a.source.text == "the port authority"
    assert a.cue.text.startswith("was announced")


def test_participle_and_second_verb_share_the_subject():
    found = attributions("The ministry issued a statement on Monday, saying that talks would resume.")
    assert [(a.cue.text, a.source.text) for a in found] == [("saying that", "The ministry")]
    found = attributions("The pilots’ union confirmed the strike and said it would last a week.")
    assert [(a.cue.text, a.source.text) for a in found] == [("said", "The pilots’ union")]


def test_citing_relays_the_same_content():
    text = "Citing a senior official, the broadcaster said that the border would close."
    citing, said = attributions(text)
    assert citing.source.text == "a senior official"
    assert citing.source_kind == "unnamed"
    assert citing.content == said.content


def test_mental_state_is_a_belief():
    a = only("Analysts believe the bank will cut rates.")
    assert a.quote == "belief"
    assert a.source_kind == "unnamed"


def test_words_that_are_nouns_here_are_no_cues():
    assert attributions("The United States imposed new tariffs.") == ()
    assert attributions("The reports were filed late.") == ()
    assert attributions("Rescuers responded within minutes.") == ()
    assert attributions("The so-called reform was shelved.") == ()


@pytest.mark.parametrize(
    "phrase, kind",
    [
        ("Jane Roe", "named_person"),
        ("the Finance Ministry", "named_org"),
        ("Reuters", "named_org"),
        ("a spokesman for the ministry", "title_only"),
        ("officials", "unnamed"),
        ("a person familiar with the matter", "unnamed"),
        ("a person briefed on the talks", "unnamed"),
        # a state speaks as an organisation
        ("Saudi Arabia", "named_org"),
        ("Russia", "named_org"),
        ("officials involved in the case", "unnamed"),
        ("research conducted by the Center for Media and Public Affairs", "document"),
        ("Iraqi media reports", "unnamed"),
        ("US media", "unnamed"),
        ("some economists", "unnamed"),
        ("the statement", "document"),
        ("a Bloomberg poll", "document"),
        (None, "none"),
        # a people, a party member or a party with a vague or lowercase modifier: unnamed
        ("Norwegians", "unnamed"),
        ("Democrats", "named_org"),
        ("One Republican", "unnamed"),
        ("nervous Democrats", "unnamed"),
        # some of the speakers unnamed
        ("the Coast Guard and other rescue agencies", "unnamed"),
        ("Mayor Ruiz and others in the council", "unnamed"),
        ("recent polls in Ohio and Iowa", "unnamed"),
        ("numbers of stranded drivers", "unnamed"),
        # no one in particular, or one identifiable person
        ("nobody", "none"),
        ("no one", "none"),
        ("the mayor's former driver", "title_only"),
        ("Sens. Ada Holt and Ben Ruiz all", "named_person"),
    ],
)
def test_source_kinds(phrase, kind):
    assert classify_source(phrase) == kind


def test_pronoun_resolves_to_the_person_named_before():
    text = (
        "Syria researcher Mona Kassab wrote in Foreign Affairs that the truce was fragile. "
        "She said the militias were rearming."
    )
    second = attributions(text)[-1]
    assert second.source.text == "She"
    assert second.resolved == "Mona Kassab"


def test_anaphor_resolves_to_the_organisation_described_as_one():
    text = (
        "The raid followed an attack by the Northern Shield, an armed group active near the border. "
        "The militia issued a statement, saying that it would retaliate."
    )
    a = [x for x in attributions(text) if x.cue.text == "saying that"][0]
    assert a.source.text == "The militia"
    assert a.resolved == "Northern Shield"


def test_anaphor_without_fitting_antecedent_stays_unresolved():
    text = "The Harbour Board said the quay was safe. The militia said it would attack."
    a = attributions(text)[-1]
    assert a.resolved is None


def test_statement_resolves_to_its_issuer():
    text = (
        "In a statement, the Coast Guard said two crews were rescued. "
        "The statement added that a third boat was missing."
    )
    a = attributions(text)[-1]
    assert a.source.text == "The statement"
    assert a.source_kind == "document"
    assert a.resolved == "the Coast Guard"


def test_relative_pronoun_takes_its_antecedent():
    a = [x for x in attributions("The board hired a consultant who said costs would double.") if x.source.text == "who"][0]
    assert a.resolved == "a consultant"
    assert a.source_kind == "unnamed"


def test_lexicon_can_be_extended_with_a_reporting_verb():
    from auditor import attributions as finder

    text = "The oracle intoned that rain would come."
    assert attributions(text) == ()
    finder.extend_lexicon({"speech_verbs": ["intone"]})
    try:
        assert only(text).cue.text == "intoned that"
    finally:
        finder.extend_lexicon({})  # back to the shipped lexicon
    with pytest.raises(KeyError):
        finder.extend_lexicon({"no_such_section": ["x"]})


def test_surname_alone_resolves_to_the_full_name():
    text = "Chief executive Helen Marsh told analysts that sales rose. “We are confident,” Marsh said."
    last = attributions(text)[-1]
    assert (last.source.text, last.resolved) == ("Marsh", "Helen Marsh")


def test_cue_takes_in_the_addressee_before_that():
    a = only("An aide told the Harbour Gazette that the vote was delayed.")
    assert a.cue.text == "told the Harbour Gazette that"
    assert a.content.text == "the vote was delayed"


@pytest.mark.parametrize(
    "text, source, cue",
    [
        # a time adjunct between subject and verb
        ("Reports as of Tuesday said two ferries were stranded.", "Reports", "as of Tuesday said"),
        ("Local traders in March warned that stocks were low.", "Local traders", "in March warned that"),
        # the object of the verb is the antecedent of "that"/"which"
        ("Sales were half the level that City economists had predicted.", "City economists", "had predicted"),
        # an adverb cue and a verb cue side by side are two acts
        ("The dockers were reportedly worried about the new rota.", "The dockers", "worried"),
        # commentators in a "with" clause
        ("Shares fell, with analysts blaming the weak pound.", "analysts", "blaming"),
        # a letter speaks for those who signed it
        ("Dozens of nurses signed a letter to the board urging a pay review.", "Dozens of nurses", "urging"),
        # "call" with an object and what it is called
        ("Rival bakers called it a publicity stunt.", "Rival bakers", "called"),
        ("The senator has called climate change a hoax.", "The senator", "has called"),  # a bare noun as the object
        ("Neighbours - critics would call them busybodies - objected.", "critics", "would call"),
        # a passive with its agent after an adjunct or a predicate
        ("The scheme was condemned by residents as wasteful.", "residents", "was condemned by"),
        ("The mayor has been called a bully by former aides for years.", "former aides", "has been called a bully by"),
        # a second verb takes the main clause's subject, not the pronoun reported inside it
        ("Officials said they were checking the logs, but added that nothing was found.", "Officials", "added that"),
        # a participle after a hedge
        ("The aides were relieved, perhaps hoping that the worst was over.", "The aides", "hoping that"),
    ],
)
def test_source_and_cue_of_harder_constructions(text, source, cue):
    found = [(a.source.text if a.source else None, a.cue.text) for a in attributions(text)]
    assert (source, cue) in found


def test_unnamed_group_with_sourceless_adverb_gives_both():
    found = attributions("Port officials and other agencies reportedly believe the crane failed.")
    assert [(a.cue.text, a.source_kind) for a in found] == [("reportedly", "unnamed"), ("believe", "unnamed")]


def test_credit_line_and_headline_quote():
    assert attributions("Figures for 2020 are estimates. Source: Eurostat.") == ()


@pytest.mark.parametrize("space", ["\r\n", "\r", "\t", "\u00a0", "\u2028", "\u3000"])
def test_any_white_space_between_words_reads_as_a_space(space):
    # The finder cuts sentences into words at white space of every kind, not only at " ".
    plain = "“It is over,” the minister said, and officials said the talks had failed."
    spaced = plain.replace("minister said, and officials said the", f"minister{space}said,{space}and officials said{space}the")

    def read(text):
        words = lambda span: " ".join(span.text.split())  # noqa: E731
        return [(words(a.cue), words(a.source), words(a.content), a.source_kind, a.quote) for a in attributions(text)]

    assert read(spaced) == read(plain)
    assert len(read(plain)) == 2


def test_the_finder_knows_every_white_space_character():
    from auditor.attributions import _OTHER_SPACE

    assert {chr(c) for c in range(0x110000) if _OTHER_SPACE.match(chr(c))} | {" "} == {chr(c) for c in range(0x110000) if chr(c).isspace()}


@pytest.mark.parametrize("text, cue, source", [
    ("Obama replied to the letter by saying his refusal was a matter of principle.", "saying", "Obama"),
    ("The mayor apologised after saying that the flood was nobody's fault.", "saying that", "The mayor"),
])
def test_a_gerund_after_by_or_after_is_the_subjects_report(text, cue, source):
    a = only(text)
    assert (a.cue.text, a.source.text) == (cue, source)


@pytest.mark.parametrize("text", [
    "Police responded by questioning the witness.",  # a gerund with an object, nothing reported
    "Critics attacked him for saying that the vote was rigged.",  # he said it, not the critics
])
def test_a_gerund_without_its_clause_or_with_another_speaker_is_not_attributed(text):
    assert [a.cue.text for a in attributions(text) if "saying" in a.cue.text or "questioning" in a.cue.text] == []


def test_an_opening_connective_is_not_the_speaker_of_a_participle():
    found = attributions("Recently, however, the group issued a paper welcoming the plan and calling for more bases in member states to counter threats.")
    assert not any(a.source is not None and a.source.text in ("Recently", "however") for a in found)


def test_a_pronoun_before_a_quotation_is_reported_speech_with_a_quoted_fragment():
    # (the quotation is over 90% of the content, which alone would make it direct)
    a = only("The mayor said he “has abandoned the residents.”")
    assert (a.content.text, a.quote) == ("he “has abandoned the residents.”", "mixed")
    assert only("The mayor said “we will rebuild.”").quote == "direct"


def test_a_quoted_question_is_what_the_name_after_it_asked():
    a = only("“Can you believe it?” Trump said, looking out on the crowd.")
    assert (a.source.text, a.content.text, a.quote) == ("Trump", "“Can you believe it?”", "direct")


def test_second_as_a_verb_still_attributes():
    a = only("Merkel seconded the proposal that the fires be added to the agenda.")
    assert (a.cue.text, a.source.text) == ("seconded the proposal that", "Merkel")


_PIECE_CHARACTERS = "aZ9é١ ,.’'\"“”-_/&:\u0301\r\n\t\xa0"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_PIECE_CHARACTERS, max_size=14))
def test_the_finder_reads_the_words_the_token_pattern_reads(text):
    # _tokens cuts most pieces by hand and remembers them; _TOKEN is the definition.
    from auditor.attributions import _TOKEN, _tokens
    from auditor.model import Sentence

    toks, starts, ends = _tokens(Sentence(0, 7, 7 + len(text), text, 0), [])
    assert [(a, b, t.text, t.low, t.word, t.cap) for t, a, b in zip(toks, starts, ends)] == [
        (7 + m.start(), 7 + m.end(), m.group(), m.group().lower(), m.group()[0].isalnum(), m.group()[0].isupper())
        for m in _TOKEN.finditer(text)
    ]
    for j in range(1, len(toks) - 1):  # a hyphen between spaces is a dash
        if toks[j].text == "-":
            assert toks[j].spaced == (ends[j - 1] < starts[j] and ends[j] < starts[j + 1])


def test_the_finder_keeps_only_short_pieces_of_text():
    # Pieces between spaces are remembered to be looked up; a text of long unique
    # "words" must not fill memory with them.
    import random
    import string

    from auditor.attributions import _MAX_PIECE_KEPT, _MAX_PIECES, _PIECES, _tokens
    from auditor.model import Sentence

    pick = random.Random(7)
    for _ in range(250):
        text = " ".join("".join(pick.choices(string.ascii_letters + ",.", k=400)) for _ in range(10))
        _tokens(Sentence(0, 0, len(text), text, 0), [])
    assert sum(map(len, _PIECES)) <= _MAX_PIECES * _MAX_PIECE_KEPT
