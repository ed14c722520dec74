"""Quotation tracking over the whole article.

Finds which stretches of text lie inside quotation marks: curly double quotes,
straight double quotes (paired in order), doubled apostrophes (``''``, as some
archives write quotation marks), guillemets, and curly single quotes where they
open or close a quotation rather than mark an apostrophe ("don’t", "Saturday’s",
"’90s").  A quotation may run over sentences and over single line breaks; it
never runs over a blank line.  One left open at the end of its paragraph is
closed there (``closed=False``), as news style does for quotations that
continue in the next paragraph.

One compiled pattern jumps to the next mark that can open a quotation and, for the
usual quotation that closes on its own line, takes it whole; only the others are
followed mark by mark.  The cost grows with the number of quotations, not characters.
"""

from __future__ import annotations

import re

from .model import Quote

_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"', "''": "''"}
# An opening single, straight or doubled quote follows space or an opening bracket or dash
# (or starts the text); every opening mark is followed by text.  `re`'s \s is str.isspace.
_NOT_BEFORE_OPENING = r"[^\s(\[{—–\-/“«]"
# A mark that opens a quotation; group 1, 2, 3 or 4: the rest of a quotation that closes
# before the end of its line, with no mark inside that could close or reopen it.
_OPENING = re.compile(
    rf"""“(?=\S)([^“”\r\n]*”)?
       | «(?=\S)([^»\r\n]*»)?
       | „(?=\S)([^“\r\n]*“)?
       | "(?<!{_NOT_BEFORE_OPENING}")(?=\S)([^"\r\n]*")?
       | ‘(?<!{_NOT_BEFORE_OPENING}‘)(?=\S)
       | ''(?<!{_NOT_BEFORE_OPENING}'')(?=\S)""",
    re.VERBOSE,
)
_MARK = re.compile(r"''|[“”«»„‘’\"\r\n]")
_SPACE_RUN = re.compile(r"[ \t\r\n]*")


def find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    resume = 0
    while resume < len(text):
        for m in _OPENING.finditer(text, resume):
            if not m.lastindex:  # it may run over lines, or hold marks to look at one by one
                resume = _follow(text, m.start(), m.end(), quotes)
                break
            quotes.append(Quote(m.start(), m.end()))
        else:
            break
    return quotes


def _follow(text: str, open_at: int, pos: int, quotes: list[Quote]) -> int:
    """Follow the quotation opened at ``open_at`` mark by mark from ``pos`` to its end;
    add it (and any quotation it turns out to hold) to ``quotes``.  Returns where to look
    for the next opening mark."""
    closer = _OPEN_CLOSE[text[open_at : pos]]
    n = len(text)
    while (m := _MARK.search(text, pos)) is not None:
        i, mark, after = m.start(), m.group(), m.end()
        if mark in "\r\n":
            j = _SPACE_RUN.match(text, i + 1).end()
            gap = text[i:j]
            blank = gap.count("\n") + gap.count("\r") - gap.count("\r\n") > 1
            if blank or j == n or text.startswith(tuple(_OPEN_CLOSE), j):
                quotes.append(Quote(open_at, _rstrip(text, open_at, i), closed=False))
                return max(j, i + 1)
            pos = max(j, i + 1)
            continue
        if mark == closer and (closer not in ("’", "''") or _can_close(text, after)):
            quotes.append(Quote(open_at, after))
            return after
        if mark == "“" and closer == "”" and _can_open(text, i, after):
            # A fresh opening mark while one is open: the first was never closed.
            quotes.append(Quote(open_at, _rstrip(text, open_at, i), closed=False))
            open_at = i
        pos = after
    quotes.append(Quote(open_at, _rstrip(text, open_at, n), closed=False))
    return n


def _can_open(text: str, i: int, after: int) -> bool:
    ch = text[i]
    prev = text[i - 1] if i else " "
    nxt = text[after] if after < len(text) else " "
    if nxt.isspace():
        return False
    if ch in "‘\"'":
        # An opening single, straight or doubled quote follows space or an opening bracket or dash.
        return prev.isspace() or prev in "([{—–-/“«"
    return True


def _can_close(text: str, after: int) -> bool:
    nxt = text[after] if after < len(text) else " "
    return not nxt.isalpha()


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end
