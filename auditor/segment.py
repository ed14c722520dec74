"""Sentence segmentation made for news text.

Paragraphs (lines) come first: a blank line always ends a sentence, and so does a
single line break unless the next line plainly continues the sentence (it starts in
lower case, or the line ends mid-clause), so headlines and datelines without final
punctuation stand as sentences of their own while hard-wrapped prose is rejoined.
Inside a paragraph a sentence ends at ``.``, ``!``, ``?`` or an ellipsis, with any
closing quotation marks and brackets, when the next word can start a sentence and
the full stop does not belong to an abbreviation, an initial or a dotted acronym.
Every step is a linear scan; nothing backtracks.
"""

from __future__ import annotations

import regex

# Titles and other abbreviations that are almost never the end of a sentence.
_TITLES = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt cpt maj adm cmdr rev fr sr jr st gov sen rep
    pres supt insp det hon amb messrs mme mlle no nos vs v etc cf approx dept est fig
    jan feb mar apr jun jul aug sep sept oct nov dec inc corp ltd co bros ave blvd rd
    mt ft pp vol art sec""".split()
)
# Abbreviations that end sentences as often as not: a boundary when a common
# sentence opener follows ("... in the U.S. The president ...").
_OPENERS = frozenset(
    """the a an he she it they we i this that these those there his her its their but and
    yet so in on at for as after before when while if although though however meanwhile
    still some many most one two three mr mrs ms dr""".split()
)

_CANDIDATE = regex.compile(
    r"""(?:\.{3}|…|[.!?]+)           # terminal punctuation or an ellipsis
        [\"'”’»)\]]*                  # closing quotes and brackets
        (?=\s)""",
    regex.VERBOSE,
)
_NEXT_START = regex.compile(r"\s+([\"'“‘«(\[]*)(\p{L}+|\p{N})?")
# U+2029 (paragraph separator) ends a paragraph like a blank line; the Markdown
# prose view puts one where a heading meets its paragraph.
_LINE_BREAK = regex.compile(r"\r\n|\r|\n|\u2029")


def segment(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the sentences of ``text``, in order, trimmed of space."""
    spans: list[tuple[int, int]] = []
    for start, end in _blocks(text):
        spans.extend(_split_block(text, start, end))
    return spans


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the lines that carry text."""
    out, pos = [], 0
    for m in _LINE_BREAK.finditer(text):
        if text[pos : m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


def _blocks(text: str) -> list[tuple[int, int]]:
    """Join lines that continue one another; every other line break ends a block."""
    blocks: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        if blocks and _continues(text, blocks[-1], start, end):
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


def _continues(text: str, previous: tuple[int, int], start: int, end: int) -> bool:
    gap = text[previous[1] : start]
    if gap.count("\n") + gap.count("\r") - gap.count("\r\n") > 1 or "\u2029" in gap:
        return False  # a blank line, or a paragraph separator
    last = text[previous[0] : previous[1]].rstrip()
    first = text[start:end].lstrip()
    if not last or not first:
        return False
    if last[-1] in ".!?:;”\"’'»)…" or first[0] in "#*-•>|" or first[0].isdigit():
        return False
    return first[0].islower() or last[-1] in ",("


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    sentence_start = start
    for m in _CANDIDATE.finditer(text, start, end):
        if _is_boundary(text, m, end):
            spans.append((sentence_start, m.end()))
            sentence_start = m.end()
    spans.append((sentence_start, end))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _is_boundary(text: str, m: "regex.Match[str]", block_end: int) -> bool:
    nxt = _NEXT_START.match(text, m.end(), block_end)
    if nxt is None or nxt.end() >= block_end and not nxt.group(2):
        return False
    opener, word = nxt.group(1), nxt.group(2)
    if word is None:
        return bool(opener)
    if word[0].islower():
        return False  # "10 a.m. on Friday", "... and then"
    mark = m.group()
    if mark[0] != ".":
        return True  # ! ? …
    token = _word_before(text, m.start())
    bare = token.rstrip(".").lower()
    if mark.startswith("...") or mark.startswith("…"):
        return True
    if len(mark.rstrip("\"'”’»)]")) > 1:
        return True
    if bare in _TITLES:
        return False
    if len(bare) == 1 and bare.isalpha() and token[:1].isupper():
        return False  # an initial: "George W. Bush"
    if "." in token:  # a dotted acronym: U.S., a.m.
        return word.lower() in _OPENERS
    return True


def _word_before(text: str, end: int) -> str:
    """The letters and dots just before ``end`` ("U.S", "Mr"), at most 40 characters."""
    start = end
    low = max(0, end - 40)
    while start > low and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    return text[start:end]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    start += len(piece) - len(piece.lstrip())
    return (start, start + len(stripped))
