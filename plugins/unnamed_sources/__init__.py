"""unnamed-sources: attributions to a source a reader cannot identify or check.

"recent reports also suggest", "according to US media", "an Iraqi security
source", "officials said", "it is understood", "reportedly".  The core finds the
attributions and classifies their sources; this check picks the unnamed ones
and says which sort they are.  Each claim counts: a second claim from the same
source is flagged at its cue ("officials said ..., adding that ..."), and so is
a "They" that opens a sentence with a new claim from a group named before.  A
pronoun in the same sentence as its phrase ("officials said they ...", "who
told") is not flagged again: the phrase carries the finding.
"""

import os
from functools import lru_cache

import auditor
from auditor import Finding, Rule
from auditor.lexicon import read_lexicon

RULE = "unnamed-source"
_LEX = read_lexicon(os.path.join(os.path.dirname(__file__), "lexicon.txt"))
_PRONOUNS = frozenset({"he", "she", "they", "them", "it", "we", "i", "you", "who", "which", "that", "whom", "their", "his", "her", "its"})

_ADVICE = {
    "anonymous person": "Name the source, or say why they cannot be named and how they know.",
    "vague group": "Say which people, or name at least one of them.",
    "vague media or report": "Name the outlet or report, with its date, so readers can check it.",
    "sourceless": "Say who reports or believes this, or attribute it to a checkable source.",
}


@auditor.hookimpl
def auditor_rules():
    return [Rule(RULE, "An attribution to a source readers cannot identify or check.", "warning")]


@auditor.hookimpl
def auditor_check_sentence(sentence, article):
    unnamed = [a for a in article.attributions_in(sentence) if a.source_kind == "unnamed"]
    return _findings(sentence, unnamed) if unnamed else None  # most sentences: None, no generator to run


def _findings(sentence, attributions):
    flagged = set()
    for attribution in attributions:
        span = _source_span(attribution, sentence)
        if span is None:
            continue
        kind = source_kind(attribution.resolved or span.text if attribution.source else None)
        who = f"“{span.text}” ({attribution.resolved})" if attribution.resolved else f"“{span.text}”"
        message = f"Unnamed source {who}. {_ADVICE[kind]}"
        if (span.start, span.end) in flagged:
            # one source, a second claim ("officials said ..., adding that ..."): the cue
            span = attribution.cue
            message = f"Another claim from the unnamed source “{attribution.source.text}”. {_ADVICE[kind]}"
            if (span.start, span.end) in flagged:
                continue
        flagged.add((span.start, span.end))
        yield Finding(RULE, span.start, span.end, message, data={"cue": attribution.cue.text, "kind": kind})


def _source_span(attribution, sentence):
    """What to flag: the source phrase, the cue when there is none, or nothing
    for a pronoun whose phrase carries its own finding."""
    source = attribution.source
    if source is None:
        return attribution.cue
    low = source.text.lower()
    if low not in _PRONOUNS:
        return source
    if attribution.resolved is None or low != "they":
        return None  # "who", "it": the phrase it refers to is the one to name
    before = sentence.text[: source.start - sentence.start].split()
    if len(before) <= 1 and attribution.resolved not in sentence.text:
        return source  # "according to show insiders. They said ...": a new claim
    return None


@lru_cache(maxsize=4096)  # the same phrases come back: "officials", "sources", "local media"
def source_kind(source):
    """Which sort of unnamed source: anonymous person, vague group, media/report, or none."""
    if not source:
        return "sourceless"
    words = source.lower().replace("’", "'").replace(",", " ").split()
    head = words[: next((i for i, w in enumerate(words) if w in _LEX["stops"]), len(words))] or words
    if set(head) & _LEX["media"]:
        return "vague media or report"
    if head[-1] in _LEX["person"] or (head[0] in ("a", "an", "one", "another") and not head[-1].endswith("s")):
        return "anonymous person"
    return "vague group"
