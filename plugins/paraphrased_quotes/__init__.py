"""paraphrased-quotes: statements put in a source's mouth in the writer's words.

Reported speech ("the statement also noted that ..."), mixed quotes (quoted
fragments spliced into paraphrase) and quotation marks around what is
grammatically reported speech ("wrote that “ISIS is enjoying a resurgence and
that ...”").  Complete verbatim quotes and mental states ("believes") are not
flagged.  The core finds the attributions and their form; this check only picks
the paraphrased ones, once per statement.
"""

import auditor
from auditor import Finding, Rule

RULE = "paraphrased-quote"

_ADVICE = {
    "indirect": "Paraphrase in the writer's words: check it against the source's own words, or quote them.",
    "mixed": "Quoted fragments spliced into paraphrase: check that the fragments keep their meaning in context.",
    "quoted-paraphrase": "Quotation marks around reported speech: quote the exact words, or drop the marks.",
}


@auditor.hookimpl
def auditor_rules():
    return [Rule(RULE, "A statement attributed in the writer's words rather than the source's.", "info")]


@auditor.hookimpl
def auditor_check_sentence(sentence, article):
    attributions = article.attributions_in(sentence)
    return _findings(article, attributions) if attributions else None  # most sentences: None, no generator to run


def _findings(article, attributions):
    seen = set()
    for attribution in attributions:
        if attribution.quote not in ("indirect", "mixed"):
            continue
        content = attribution.content
        key = (content.start, content.end) if content else id(attribution)
        if key in seen:
            continue  # one statement relayed through two sources: flag it once
        seen.add(key)
        yield _finding(article, attribution)


def form_of(article, attribution):
    """``indirect``, ``mixed`` or ``quoted-paraphrase`` (the content opens with a
    quotation mark but is reported speech: "wrote that “...”")."""
    content = attribution.content
    if attribution.quote == "mixed" and content and article.text[content.start : content.end].lstrip()[:1] in "“\"‘«":
        return "quoted-paraphrase"
    return attribution.quote


def _finding(article, attribution):
    form = form_of(article, attribution)
    cue = attribution.cue
    speaker = attribution.resolved or (attribution.source.text if attribution.source else None)
    return Finding(
        RULE,
        cue.start,
        cue.end,
        _ADVICE[form],
        data={"speaker": speaker, "cue": cue.text, "form": form},
    )
