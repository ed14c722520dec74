"""unnamed-sources: attributions to a source a reader cannot identify or check.

"recent reports also suggest", "according to US media", "an Iraqi security
source", "officials said", "it is understood", "reportedly".
"""

from pathlib import Path

import auditor
from auditor import Finding, Rule
from auditor.lexicon import read_lexicon

RULE = "unnamed-source"
_LEX = read_lexicon(Path(__file__).with_name("lexicon.txt"))

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
    for attribution in article.attributions_in(sentence):
        if attribution.source_kind != "unnamed":
            continue
        span = attribution.source or attribution.cue
        kind = source_kind(span.text if attribution.source else None)
        yield Finding(
            RULE,
            span.start,
            span.end,
            f"Unnamed source “{span.text}”. {_ADVICE[kind]}",
            data={"cue": attribution.cue.text, "kind": kind},
        )


def source_kind(source):
    """Which sort of unnamed source: anonymous person, vague group, media/report, or none."""
    if not source:
        return "sourceless"
    words = set(source.lower().replace("’", "'").split())
    if words & _LEX["media"]:
        return "vague media or report"
    if words & _LEX["person"]:
        return "anonymous person"
    return "vague group"
