"""HTML's prose view, from the standard library's ``html.parser``.

The visible text of the page is kept: paragraphs, headings, list items, block
quotes, table cells, captions, and text in plain containers.  Scripts, styles, the
head, navigation, asides, footers, forms, code and preformatted blocks are blanked,
and so are tags, comments and attributes.  A block tag's ``<`` becomes a line break,
so each block stands on its own; a line break inside a block's text becomes a space,
as a browser shows it.  Character references stay where they are in the file: the
character they stand for takes one of their cells, the rest are blanked.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from . import blank_urls, place_decoded

#: Elements whose content is not article prose.
SKIPPED = frozenset(
    "script style head nav aside footer noscript template svg math code pre kbd samp "
    "form button select option textarea iframe object canvas audio video".split()
)
#: Elements that start and end a block of text.
BLOCKS = frozenset(
    "address article blockquote body br caption dd details div dl dt fieldset figcaption figure "
    "h1 h2 h3 h4 h5 h6 header hr html li main ol p section summary table tbody td tfoot th thead "
    "title tr ul".split()
)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def prose_view(original: str) -> str:
    return read(original)[0]


def read(original: str) -> tuple[str, dict]:
    """The prose view, and ``{"comment_ranges": [(start, end), ...]}``: the page's real
    comments, the only places an ``auditor: ignore`` directive counts."""
    parser = _ProseParser(original)
    parser.feed(original)
    parser.close()
    blank_urls(parser.prose)
    return "".join(parser.prose), {"comment_ranges": parser.comments}


class _ProseParser(HTMLParser):
    def __init__(self, original: str) -> None:
        super().__init__(convert_charrefs=False)
        self.original = original
        self.prose = [" "] * len(original)
        self.skipping: list[str] = []
        self.comments: list[tuple[int, int]] = []
        # html.parser counts lines at LF only (a CR stays in its line's columns).
        self.line_starts = [0, *(m.end() for m in _LF.finditer(original))]

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    # -- tags ------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        self._block_edge(tag)
        if tag in SKIPPED and tag not in VOID:
            self.skipping.append(tag)

    def handle_startendtag(self, tag, attrs):
        self._block_edge(tag)

    def handle_endtag(self, tag):
        self._block_edge(tag)
        if tag in self.skipping:
            while self.skipping.pop() != tag:
                pass

    def _block_edge(self, tag: str) -> None:
        if tag in BLOCKS:
            self.prose[self.position()] = "\n"

    def handle_comment(self, data):
        start = self.position()
        self.comments.append((start, start + len("<!--") + len(data) + len("-->")))

    # -- text ------------------------------------------------------------------
    def handle_data(self, data):
        if self.skipping:
            return
        start = self.position()
        if self.original.startswith(data, start):
            self.prose[start : start + len(data)] = data.translate(_SPACES)

    def handle_entityref(self, name):
        self._reference(name, html.unescape(f"&{name};"))

    def handle_charref(self, name):
        self._reference(f"#{name}", html.unescape(f"&#{name};"))

    def _reference(self, body: str, decoded: str) -> None:
        if self.skipping:
            return
        start = self.position()
        length = 1 + len(body)
        if self.original[start + length : start + length + 1] == ";":
            length += 1
        place_decoded(self.prose, start, length, decoded)


_LF = re.compile("\n")
_SPACES = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " "})
