"""Quotation tracking over the whole article.

Finds which stretches of text lie inside quotation marks: curly double quotes,
straight double quotes (paired in order), guillemets, and curly single quotes
where they open or close a quotation rather than mark an apostrophe ("don’t",
"Saturday’s", "’90s").  A quotation may run over sentences and over single line
breaks; it never runs over a blank line.  One left open at the end of its
paragraph is closed there (``closed=False``), as news style does for quotations
that continue in the next paragraph.
"""

from __future__ import annotations

from .model import Quote

_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"'}


def find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None
    closer = ""
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch == "\n" or ch == "\r":
            j = i + 1
            while j < n and text[j] in " \t\r\n":
                j += 1
            blank = text.count("\n", i, j) + text.count("\r", i, j) - text.count("\r\n", i, j) > 1
            if open_at is not None and (blank or j == n or text[j] in _OPEN_CLOSE):
                quotes.append(Quote(open_at, _rstrip(text, open_at, i), closed=False))
                open_at = None
            i = j
            continue
        if open_at is None:
            if ch in _OPEN_CLOSE and _can_open(text, i):
                open_at, closer = i, _OPEN_CLOSE[ch]
        elif ch == closer and (closer != "’" or _can_close_single(text, i)):
            quotes.append(Quote(open_at, i + 1))
            open_at = None
        elif ch == "“" and closer == "”" and _can_open(text, i):
            # A fresh opening mark while one is open: the first was never closed.
            quotes.append(Quote(open_at, _rstrip(text, open_at, i), closed=False))
            open_at = i
        i += 1
    if open_at is not None:
        quotes.append(Quote(open_at, _rstrip(text, open_at, n), closed=False))
    return [q for q in quotes if q.end > q.start + 1 or not q.closed]


def _can_open(text: str, i: int) -> bool:
    ch = text[i]
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace():
        return False
    if ch in "‘\"":
        # An opening single or straight quote follows space or an opening bracket or dash.
        return prev.isspace() or prev in "([{—–-/“«"
    return True


def _can_close_single(text: str, i: int) -> bool:
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not nxt.isalpha()


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end
