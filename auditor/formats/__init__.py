"""Readers that turn a file's text into an :class:`~auditor.model.Article`.

Markdown and HTML become a *prose view*: a string exactly as long as the file, in
which everything that is not prose (markup, code, front matter, link targets, bare
URLs, comments) is blanked with spaces, and a line break stands where a block ends.
Offsets found in the prose view are therefore offsets in the file, so every finding
points at the characters the user sees in their editor.

Readers also leave in ``Article.metadata`` where an ``auditor: ignore`` comment is
real (``comment_ranges``, HTML) or only an example (``code_ranges``, Markdown code).
"""

from __future__ import annotations

import re
import unicodedata

from ..model import Article

_URL = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>()\[\]\"'“”‘’]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+\w")
_TRAILING = ".,;:!?"


def make_article(text: str, path: str, fmt: str) -> Article:
    """The article for ``text`` read as ``fmt`` ("text", "markdown" or "html")."""
    if fmt == "markdown":
        from .markdown import read
    elif fmt == "html":
        from .html import read
    else:
        from ..suppress import blank_text_directives

        def read(text):
            return blank_text_directives(text), {}

    prose, metadata = read(text)
    return Article(prose, path, original=text if prose != text else None, format=fmt, metadata=metadata)


def blank_urls(prose: list[str]) -> None:
    """Blank bare URLs and e-mail addresses in a prose view (a list of characters)."""
    text = "".join(prose)
    found = []
    if "://" in text or "www." in text:
        found += _URL.finditer(text)
    if "@" in text:
        found += _EMAIL.finditer(text)
    for m in found:
        end = m.end()
        while end > m.start() and text[end - 1] in _TRAILING:
            end -= 1  # "see example.com." keeps its full stop
        prose[m.start() : end] = " " * (end - m.start())


def place_decoded(prose: list[str], start: int, length: int, decoded: str) -> None:
    """Put the character an entity or escape stands for into ``length`` blanked cells.

    An opening mark goes in the last cell, so it touches the word it opens
    ("&ldquo;Yes" -> "      “Yes"); anything else in the first, so it touches the
    word before it ("end.&rdquo;" -> "end.”      ").
    """
    if len(decoded) != 1 or decoded.isspace() or length < 1:
        return
    opening = unicodedata.category(decoded) in ("Ps", "Pi")
    prose[start + length - 1 if opening else start] = decoded
