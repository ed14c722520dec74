"""paraphrased-quotes: statements put in a source's mouth in the writer's words.

Reported speech ("the statement also noted that ..."), mixed quotes (quoted
fragments spliced into paraphrase) and quotation marks around what is
grammatically reported speech ("wrote that “ISIS is enjoying a resurgence and
that ...”").  Complete verbatim quotes and mental states ("believes") are not
flagged.
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
    for attribution in article.attributions_in(sentence):
        if attribution.quote not in ("indirect", "mixed"):
            continue
        form = attribution.quote
        content = attribution.content
        if form == "mixed" and content and article.text[content.start : content.end].lstrip()[:1] in "“\"‘":
            form = "quoted-paraphrase"
        cue = attribution.cue
        speaker = attribution.resolved or (attribution.source.text if attribution.source else None)
        yield Finding(
            RULE,
            cue.start,
            cue.end,
            _ADVICE[form],
            data={"speaker": speaker, "cue": cue.text, "form": form},
        )
