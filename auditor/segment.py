"""Sentence segmentation made for news text.

Paragraphs (lines) come first: a blank line always ends a sentence, and so does a
single line break unless the next line plainly continues the sentence (it starts in
lower case, or the line ends mid-clause), so headlines and datelines without final
punctuation stand as sentences of their own while hard-wrapped prose is rejoined.
Inside a paragraph a sentence ends at ``.``, ``!``, ``?`` or an ellipsis, with any
closing quotation marks and brackets, when the next word can start a sentence and
the full stop does not belong to an abbreviation, an initial or a dotted acronym;
a question or exclamation in quotation marks goes on into its dialogue tag
("“Why now?” Clinton asked.").

Compiled scans over the whole text do the work, so Python runs once per sentence,
not per character: one finds the line breaks that may join two lines, one the
possible sentence ends inside lines; the sentences are then the lines of the text
with those places marked.  Each scan starts with a fixed character, which ``re``
finds ten times faster than a character class.  Nothing backtracks.
"""

from __future__ import annotations

import re
from functools import cache

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

# `re`'s \s is exactly str.isspace (what str.strip removes); the `regex` module's \s, with
# which sentence ends have always been read, leaves out U+001C-U+001F.
_SPACE_IN_LINE = r"[^\S\r\n\u2029\x1c-\x1f]"  # the latter, but for line breaks
_CLOSERS = r"[\"'”’»)\]]*"
# A possible sentence end: a run of ``.``, ``!`` and ``?`` (from its first mark) or an
# ellipsis, its closing quotes and brackets, then space on the same line.  One at the
# end of a line is never a sentence end inside it: the line break either ends the
# paragraph anyway or joins a line that starts in lower case.  One scan per first mark.
_CANDIDATES = [
    re.compile(rf"\{mark}(?<![.!?]\{mark})[.!?]*{_CLOSERS}(?={_SPACE_IN_LINE})") for mark in ".!?"
] + [re.compile(rf"…{_CLOSERS}(?={_SPACE_IN_LINE})")]
# After a candidate: its space, any opening marks (group 1) and the next word (group 2).
# Its \p{L} and \p{N} need the `regex` module, which takes ~20 ms to import; so the same
# read is made with `re` first, and answers unless the word starts or goes on past ASCII
# (possessive, so that it never answers with less).
_NEXT_START_ASCII = re.compile(
    r"[^\S\x1c-\x1f]++([\"'“‘«(\[]*+)(?:([A-Za-z]++(?![^\x00-\x7f])|[0-9])|(?=[^A-Za-z0-9\x80-\U0010ffff]|\Z))"
)
# After a question or exclamation in quotation marks, a dialogue tag goes on with its
# sentence: "“Why now?” Clinton asked." is one sentence, not two.
_DIALOGUE_TAG = re.compile(
    r"[^\S\r\n\u2029]+(?:[A-Z][\w'’.-]*[^\S\r\n\u2029]+){1,3}(?:said|says|asked|asks|added|adds|told|tells|replied|replies"
    r"|wrote|writes|tweeted|continued|explained|insisted|shouted|exclaimed|cried|wondered|answered|declared|demanded)\b"
)
# U+2029 (paragraph separator) ends a paragraph like a blank line; the Markdown
# prose view puts one where a heading meets its paragraph.
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2029")
_ENDS_LINE = ".!?:;”\"’'»)…"
# A line break that may join two lines: the line before it has text and does not end
# in final punctuation (or ends in space, looked at in Python), and the next line starts
# with text that is not a list item, quote block or table row (group 1).  One scan per
# kind of line break, each starting with a fixed character: CRLF, LF, CR.
_JOINS = {
    brk: re.compile(rf"{brk}(?<![{_ENDS_LINE}\r\n\u2029]{brk}){not_lf}(?=[^\S\r\n\u2029]*([^\s#*\-•>|]))")
    for brk, not_lf in (("\r\n", ""), ("\n", ""), ("\r", r"(?!\n)"))
}


@cache
def _next_start():
    import regex

    return regex.compile(r"\s+([\"'“‘«(\[]*)(\p{L}+|\p{N})?")


@cache
def _last_on_line():
    """The last non-space character or line break, searching backwards."""
    import regex

    return regex.compile(r"(?r)[^\s\x1c-\x1f]|[\r\n\u2029]")


def segment(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the sentences of ``text``, in order, trimmed of space."""
    joins = _joins(text)
    ends = [end for start, end in _candidates(text) if _is_boundary(text, start, end, joins)]
    return _lines(_marked(text, ends, joins))


def _joins(text: str) -> dict[int, str]:
    """The line breaks, by offset, that join two lines into one paragraph: the next
    line starts in lower case, or the line before ends mid-clause."""
    joins = {}
    for brk, pattern in _JOINS.items():
        if brk[0] not in text:
            continue
        for m in pattern.finditer(text):
            at, first = m.start(), m.group(1)
            last = text[at - 1] if at else ""
            if last.isspace():  # space at the end of the line
                found = _last_on_line().search(text, 0, at)
                last = found.group() if found and found.group() not in "\r\n\u2029" else ""
            if last and last not in _ENDS_LINE and not first.isdigit() and (first.islower() or last in ",("):
                joins[at] = brk
    return joins


def _candidates(text: str) -> list[tuple[int, int]]:
    found = [m.span() for pattern in _CANDIDATES for m in pattern.finditer(text)]
    found.sort()
    return found


def _paragraph_ends_at(text: str, offset: int, joins: dict[int, str]) -> bool:
    return offset == len(text) or text[offset] in "\r\n\u2029" and offset not in joins


def _paragraph_ends_in(text: str, start: int, end: int, joins: dict[int, str]) -> bool:
    return any(m.start() not in joins for m in _LINE_BREAK.finditer(text, start, end))


def _marked(text: str, ends: list[int], joins: dict[int, str]) -> str:
    """``text`` with every paragraph break a line feed, the space at each sentence end
    inside a paragraph a line feed too, and each joining line break spaces."""
    if ends or joins:
        changes = sorted([(end, "\n") for end in ends] + [(at, " " * len(brk)) for at, brk in joins.items()])
        pieces, pos = [], 0
        for at, replacement in changes:
            pieces += (text[pos:at], replacement)
            pos = at + len(replacement)
        pieces.append(text[pos:])
        text = "".join(pieces)
    return text.replace("\r", "\n").replace("\u2029", "\n")


def _lines(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans of the lines of ``text`` that carry text, trimmed."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line and not line.isspace():
            start = pos + len(line) - len(line.lstrip())
            spans.append((start, start + len(line.strip())))
        pos += len(line) + 1
    return spans


def _is_boundary(text: str, start: int, end: int, joins: dict[int, str]) -> bool:
    # It matches: space follows a candidate.
    nxt = _NEXT_START_ASCII.match(text, end) or _next_start().match(text, end)
    opener, word = nxt.group(1, 2)
    if nxt.start(1) > end + 1 and _paragraph_ends_in(text, end, nxt.start(1), joins):
        return False  # the paragraph ends before the next word
    if word is None:
        return bool(opener) and not _paragraph_ends_at(text, nxt.end(), joins)
    if word[0].islower():
        return False  # "10 a.m. on Friday", "... and then"
    mark = text[start:end]
    if mark[0] in "!?" and mark[-1] in "\"'”’»" and _DIALOGUE_TAG.match(text, end):
        return False  # "“Why now?” Clinton asked."
    if mark[0] != "." or len(mark.rstrip("\"'”’»)]")) > 1:
        return True  # ! ? … and runs such as "..." or "?!"
    token = _word_before(text, start)
    bare = token.rstrip(".").lower()
    if bare in _TITLES:
        return False
    if len(bare) == 1 and bare.isalpha() and token[:1].isupper():
        return False  # an initial: "George W. Bush"
    if "." in token:  # a dotted acronym: U.S., a.m.
        return word.lower() in _OPENERS
    return True


def _word_before(text: str, end: int) -> str:
    """The letters and dots just before ``end`` ("U.S", "Mr"), at most 40 characters."""
    low = max(0, end - 40)
    start = max(text.rfind(" ", low, end) + 1, low)
    letters = text[start:end].replace(".", "")
    if letters.isalpha() or not letters:  # the usual case: a word after a space
        return text[start:end]
    start = end
    while start > low and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    return text[start:end]
