"""The attribution finder: every act of attributing information to a source.

For each sentence it finds cues (reporting verbs such as "said" or "wrote in
Foreign Policy on 24 January that", and phrases such as "according to"), the
source each cue credits (the subject before the verb, the name after an inverted
"said X", the noun phrase after "according to"), the content attributed (the
clause after the cue, or the quotation before an inverted cue), the source's kind
and the quote form.  It is the default implementation of the
``auditor_find_attributions`` hook; a plugin may replace it.
"""

from __future__ import annotations

from .lexicon import load_lexicon
from .model import Article, Attribution, Sentence, Span

import regex

_LEX = load_lexicon("attribution")

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.\-]*")


def _alternation(phrases) -> str:
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


_VERB_CUE = regex.compile(
    r"\b(?:(?:has|have|had|was|were|is|are|will|would|also|further|later|previously|repeatedly|once|then|had\s+earlier)\s+)*"
    r"(?P<verb>" + _alternation(_LEX["speech_verbs"] | _LEX["belief_verbs"]) + r")\b"
    r"(?P<tail>(?:\s+in\s+(?:an?\s+|the\s+)?[\p{Lu}][^,.;:“\"]{0,60}?)?(?:\s+on\s+\p{N}{1,2}\s+\p{Lu}\p{Ll}+|\s+on\s+\p{Lu}\p{Ll}+day)?\s+that\b|:)?",
    regex.IGNORECASE,
)
_PREPOSED_CUE = regex.compile(
    r"\b(?P<verb>" + _alternation(_LEX["source_prepositions"]) + r")\s+(?P<source>[^,.;:“”\"]{2,120}?)(?=\s*(?:[,.;:]|$|\s+that\b))",
    regex.IGNORECASE,
)
_SOURCELESS = regex.compile(r"\b(?P<verb>" + _alternation(_LEX["sourceless_cues"]) + r")\b", regex.IGNORECASE)
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "who"}
_DETERMINERS = {"a", "an", "the", "some", "several", "many", "most", "two", "three", "one", "other", "its", "his", "her", "their", "these", "those", "local", "senior"}


def find_attributions(article: Article) -> list[Attribution]:
    found: list[Attribution] = []
    last_named: str | None = None
    for sentence in article.sentences:
        for attribution in _in_sentence(article, sentence):
            if attribution.source_kind in ("named_person", "named_org") and attribution.source:
                last_named = attribution.source.text
            elif attribution.source and attribution.source.text.lower() in _PRONOUNS and last_named:
                attribution = _with_resolution(attribution, last_named)
            found.append(attribution)
    return found


def _with_resolution(a: Attribution, name: str) -> Attribution:
    return Attribution(a.cue, a.source, a.content, a.source_kind, a.quote, a.sentence, resolved=name)


def _in_sentence(article: Article, sentence: Sentence) -> list[Attribution]:
    text, base = sentence.text, sentence.start
    out: list[Attribution] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _PREPOSED_CUE.finditer(text):
        if article.quote_at(base + m.start()):
            continue
        source = _trim_source(m.group("source"))
        src = Span(base + m.start("source"), base + m.start("source") + len(source), source)
        rest_start = m.end()
        # "According to X, content." or "content, according to X."
        before = text[: m.start()].rstrip(" ,")
        after = text[rest_start:].lstrip(" ,")
        if len(before.split()) >= 3:
            c0 = base
            content = article.span(c0, c0 + len(before))
        else:
            c0 = base + len(text) - len(after)
            content = article.span(c0, base + len(text.rstrip(" .")))
        cue = article.span(base + m.start("verb"), base + m.end("verb"))
        out.append(_make(article, sentence, cue, src, content, "speech"))
        taken.append((m.start(), m.end()))

    for m in _VERB_CUE.finditer(text):
        if not free(m.start(), m.end()) or article.quote_at(base + m.start("verb")):
            continue
        verb = m.group("verb").lower()
        kind = "belief" if verb in _LEX["belief_verbs"] else "speech"
        cue = article.span(base + m.start(), base + m.end())
        prefix = text[: m.start()]
        after = text[m.end():]
        source = _subject(prefix)
        inverted = bool(regex.search(r"[,”\"’]\s*$", prefix)) and source is None
        if inverted or (source is not None and source[0].lower() in _PRONOUNS and regex.search(r"[,”\"]\s*\S+\s*$", prefix)):
            # "“...,” said X." / "“...,” he said."
            if source is None:
                src_m = regex.match(r"\s*((?:[\p{Lu}][\p{L}.\-’']*|the|a|an|of|for)(?:\s+(?:[\p{Lu}][\p{L}.\-’']*|the|of|for|a|an))*)", after)
                source = (src_m.group(1), m.end() + src_m.start(1)) if src_m and src_m.group(1) else None
            q = article.quote_at(base + len(prefix.rstrip(" ,")) - 1)
            content = article.span(q.start, q.end) if q else article.span(base, base + len(prefix.rstrip(" ,")))
        else:
            c_text = after.strip(" ,:")
            if not c_text:
                continue
            c0 = base + len(text) - len(after.lstrip(" ,:"))
            content = article.span(c0, base + len(text.rstrip(" .")))
        if source is None and kind == "speech":
            continue
        src = Span(base + source[1], base + source[1] + len(source[0]), source[0]) if source else None
        out.append(_make(article, sentence, cue, src, content, kind))
        taken.append((m.start(), m.end()))

    for m in _SOURCELESS.finditer(text):
        if free(m.start(), m.end()) and not article.quote_at(base + m.start()):
            cue = article.span(base + m.start(), base + m.end())
            content = article.span(base + m.end(), base + len(text.rstrip(" .")))
            out.append(Attribution(cue, None, content, "unnamed", "indirect", sentence.index))
    out.sort(key=lambda a: a.cue.start)
    return out


def _trim_source(source: str) -> str:
    words = source.split()
    return " ".join(words[:12]).strip()


def _subject(prefix: str) -> tuple[str, int] | None:
    """The noun phrase that ends ``prefix`` (the words before a reporting verb)."""
    words = list(_WORD.finditer(prefix))
    if not words:
        return None
    tail = prefix[words[-1].end():]
    if tail.strip():
        return None  # punctuation between the phrase and the verb
    chosen = []
    for w in reversed(words):
        token = w.group()
        low = token.lower()
        if chosen and low in _LEX["clause_breaks"]:
            break
        if not chosen and low in _PRONOUNS:
            return token, w.start()
        chosen.append(w)
        between = prefix[w.end(): chosen[-2].start()] if len(chosen) > 1 else ""
        if regex.search(r"[,;:()“”\"]", between):
            chosen.pop()
            break
        if len(chosen) >= 10:
            break
    while chosen and chosen[-1].group().lower() in _LEX["clause_breaks"]:
        chosen.pop()
    if not chosen:
        return None
    start, end = chosen[-1].start(), chosen[0].end()
    return prefix[start:end], start


def _make(article: Article, sentence: Sentence, cue: Span, source: Span | None, content: Span, kind: str) -> Attribution:
    return Attribution(
        cue=cue,
        source=source,
        content=content,
        source_kind=classify_source(source.text if source else None),
        quote="belief" if kind == "belief" else quote_form(article, content, cue),
        sentence=sentence.index,
    )


def quote_form(article: Article, content: Span, cue: Span) -> str:
    share = article.quoted_share(content.start, content.end)
    if share >= 0.9:
        first = article.text[content.start:content.end].lstrip()[:1]
        return "direct" if first in "“\"‘«" and not cue.text.lower().rstrip().endswith("that") else "mixed"
    return "mixed" if share > 0.0 else "indirect"


def classify_source(source: str | None) -> str:
    if not source:
        return "none"
    words = source.split()
    low = [w.lower().strip(",.") for w in words]
    if low[0] in _PRONOUNS:
        return "named_person"
    if any(w in _LEX["document_nouns"] for w in low[-2:]) and (low[0] in ("the", "a", "an", "its", "his", "her", "their")):
        return "document"
    if any(w in _LEX["unnamed_nouns"] for w in low):
        return "unnamed"
    if any(w in _LEX["title_nouns"] for w in low) and not any(w[:1].isupper() for w in words[-2:]):
        return "title_only"
    capitalised = [w for w in words if w[:1].isupper()]
    if not capitalised:
        return "unnamed"
    if any(w in _LEX["org_words"] for w in low):
        return "named_org"
    return "named_person"
