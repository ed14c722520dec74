"""loaded-labels: evaluative labels attached to sources and claims.

"a Gulf-backed researcher", "his infamous ties", "ironically claiming": the writer
tells the reader what to think of a source or a claim instead of giving the fact
behind the label (who funds the researcher, what the ties are) with its source.
Words inside quotation marks are the source's own and are left alone.
"""

from pathlib import Path

import regex

import auditor
from auditor import Finding, Rule
from auditor.lexicon import read_lexicon

# Declared by every release; a future auditor with another hook contract refuses
# this plugin with a clear message rather than calling it wrongly.
AUDITOR_CONTRACT = 1

RULE = "loaded-label"

_LEX = read_lexicon(Path(__file__).with_name("lexicon.txt"))
_WORD = r"[\p{L}][\p{L}'’-]*"

# One pattern, one pass over the article; a named group says which kind matched.
_PATTERN = regex.compile(
    rf"""
    (?P<affiliation>\b\p{{Lu}}[\p{{L}}.]*-(?:\L<backing>)\s+(?:{_WORD}\s+)?(?:\L<sources>)\b)
    | (?P<adverb>\b(?:\L<adverbs>)\s+(?:\L<claims>)\b)
    | (?P<label>\b(?:\L<labels>)\b(?:\s+(?!(?:\L<function>)\b){_WORD})?)
    """,
    regex.IGNORECASE | regex.VERBOSE,
    backing=sorted(_LEX["backing"]),
    sources=sorted(_LEX["sources"]),
    adverbs=sorted(_LEX["adverbs"]),
    claims=sorted(_LEX["claims"]),
    labels=sorted(_LEX["labels"], key=len, reverse=True),
    # A label followed by one of these stands alone ("notorious for ...").
    function=["for", "in", "of", "to", "and", "or", "but", "as", "at", "by", "with", "on", "is", "was", "are", "were"],
)

_ADVICE = {
    "affiliation": "implies who pays or steers the source: state the tie as a fact, with who reports it, or drop the label",
    "adverb": "tells the reader what to think of the claim: report what was said and let the facts make the point",
    "label": "passes judgement on the source or claim: give the fact behind it, with its source, or drop it",
}


@auditor.hookimpl
def auditor_rules():
    return [Rule(RULE, "An evaluative label attached to a source or a claim instead of the fact behind it.", "warning")]


@auditor.hookimpl
def auditor_check_article(article):
    for match in _PATTERN.finditer(article.text):
        if article.quote_at(match.start()) is not None:
            continue  # a quoted label is the source's word, not the writer's
        kind = match.lastgroup
        yield Finding(
            RULE,
            match.start(),
            match.end(),
            f"Loaded label “{match.group()}” {_ADVICE[kind]}.",
            data={"kind": kind},
        )
