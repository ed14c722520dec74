"""Quotation tracking over the whole article.

Finds which stretches of text lie inside quotation marks: curly double quotes,
straight double quotes (paired in order), doubled apostrophes (``''``, as some
archives write quotation marks), guillemets, and curly single quotes where they
open or close a quotation rather than mark an apostrophe ("don’t", "Saturday’s",
"’90s").  A quotation may run over sentences and over single line breaks; it
never runs over a blank line.  One left open at the end of its paragraph is
closed there (``closed=False``), as news style does for quotations that
continue in the next paragraph.

The scan jumps from one quotation mark or line break to the next with a
compiled pattern, so its cost grows with the number of marks, not characters.
"""

from __future__ import annotations

import regex

from .model import Quote

_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"', "''": "''"}
_MARK = regex.compile(r"''|[“”«»„‘’\"\r\n]")
# While no quotation is open a line break changes nothing: look for quotation marks only.
_QUOTE_MARK = regex.compile(r"''|[“”«»„‘’\"]")
_SPACE_RUN = regex.compile(r"[ \t\r\n]*")


def find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None
    closer = ""
    n = len(text)
    m = _QUOTE_MARK.search(text)
    while m is not None:
        i, mark = m.start(), m.group()
        after = m.end()
        if mark in "\r\n":
            j = _SPACE_RUN.match(text, i + 1).end()
            gap = text[i:j]
            blank = gap.count("\n") + gap.count("\r") - gap.count("\r\n") > 1
            if open_at is not None and (blank or j == n or text.startswith(tuple(_OPEN_CLOSE), j)):
                quotes.append(Quote(open_at, _rstrip(text, open_at, i), closed=False))
                open_at = None
            m = (_QUOTE_MARK if open_at is None else _MARK).search(text, max(j, i + 1))
            continue
        if open_at is None:
            if mark in _OPEN_CLOSE and _can_open(text, i, after):
                open_at, closer = i, _OPEN_CLOSE[mark]
        elif mark == closer and (closer not in ("’", "''") or _can_close(text, after)):
            quotes.append(Quote(open_at, after))
            open_at = None
        elif mark == "“" and closer == "”" and _can_open(text, i, after):
            # A fresh opening mark while one is open: the first was never closed.
            quotes.append(Quote(open_at, _rstrip(text, open_at, i), closed=False))
            open_at = i
        m = (_QUOTE_MARK if open_at is None else _MARK).search(text, after)
    if open_at is not None:
        quotes.append(Quote(open_at, _rstrip(text, open_at, n), closed=False))
    return [q for q in quotes if q.end > q.start + 1 or not q.closed]


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
