"""HTML's prose view, from a linear scan of the page's markup.

The visible text of the page is kept: paragraphs, headings, list items, block
quotes, table cells, captions, and text in plain containers.  Scripts, styles, the
head, navigation, asides, footers, forms, code and preformatted blocks are blanked,
and so are tags, comments and attributes.  A block tag's ``<`` becomes a line break,
so each block stands on its own; a line break inside a block's text becomes a space,
as a browser shows it.  Character references stay where they are in the file: the
character they stand for takes one of their cells, the rest are blanked.

The scan is our own rather than the standard library's ``html.parser``, which looks
for a closer again from every unclosed opener (``<a <a <a ...`` or ``<!-- <!-- ...``
took minutes a megabyte).  Here each construct's end is searched for once, and, as
in HTML's own tokenizer, a comment or tag that never closes runs to the end of the
file, which ends the scan: reading is linear in the length of the page.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

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
#: Elements whose content is raw text, never markup ("<p>" inside a script is not a tag).
RAW_TEXT = frozenset("script style".split())

#: Where markup or a character reference may start.
_MARKUP = re.compile(r"<[A-Za-z/!?]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
#: The rest of a start or end tag after its name: attributes, quoted values, up to ``>``.
#: Possessive, so a tag that never closes costs one pass to the end and no backtracking.
_TAG_REST = re.compile(r"""(?:[^>"'=]++|["']|=\s*+(?:"[^"]*+"|'[^']*+'|(?!["'])[^\s>]*+))*+>""")
_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*+")
_unescape = lru_cache(maxsize=1024)(html.unescape)  # a page repeats the same few references
_SPACES = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " "})


def prose_view(original: str) -> str:
    return read(original)[0]


def read(original: str) -> tuple[str, dict]:
    """The prose view, and ``{"comment_ranges": [(start, end), ...]}``: the page's real
    comments, the only places an ``auditor: ignore`` directive counts."""
    prose = [" "] * len(original)
    comments: list[tuple[int, int]] = []
    skipping: list[str] = []  # open elements whose content is not prose, innermost last
    text_from = 0  # start of the text not yet copied into the prose view
    pos, size = 0, len(original)
    while pos < size:
        m = _MARKUP.search(original, pos)
        if m is None:
            break
        start = m.start()
        if not skipping and start > text_from:
            prose[text_from:start] = original[text_from:start].translate(_SPACES)
        if original[start] == "&":
            pos = text_from = m.end()
            if not skipping:
                _reference(prose, original, start, m.group())
            continue
        end = _markup_end(original, start, skipping, comments, prose)
        pos = text_from = end
    if not skipping and text_from < size:
        prose[text_from:] = original[text_from:].translate(_SPACES)
    blank_urls(prose)
    return "".join(prose), {"comment_ranges": comments}


def _markup_end(original: str, start: int, skipping: list[str], comments: list, prose: list[str]) -> int:
    """Read the markup at ``start`` (a ``<`` followed by a letter, ``/``, ``!`` or ``?``):
    note what it means and return where the text after it starts."""
    size = len(original)
    after = original[start + 1]
    if after == "!" and original.startswith("<!--", start):
        close = original.find("-->", start + 4)
        end = close + 3 if close >= 0 else size  # an unclosed comment runs to the end, as in HTML
        comments.append((start, end))
        return end
    if after in "!?":  # doctype, CDATA, processing instruction: up to the next ">"
        close = original.find("]]>" if original.startswith("<![CDATA[", start) else ">", start + 2)
        return size if close < 0 else original.index(">", close) + 1
    closing = after == "/"
    name = _TAG_NAME.match(original, start + 2 if closing else start + 1)
    if name is None:  # "</>" or "</ x>": not a tag, skipped up to ">"
        close = original.find(">", start + 2)
        return size if close < 0 else close + 1
    rest = _TAG_REST.match(original, name.end())
    if rest is None:  # a tag that never closes swallows the rest of the file
        return size
    tag, end = name.group().lower(), rest.end()
    if tag in BLOCKS:
        prose[start] = "\n"
    if closing:
        if tag in skipping:
            while skipping.pop() != tag:
                pass
        return end
    if tag in SKIPPED and tag not in VOID and original[end - 2] != "/":
        skipping.append(tag)
        if tag in RAW_TEXT:
            close = re.compile(rf"</{tag}(?=[\s/>])", re.IGNORECASE).search(original, end)
            return size if close is None else close.start()
    return end


def _reference(prose: list[str], original: str, start: int, reference: str) -> None:
    """A character reference (``&amp;``, ``&#8220;``): its character in one of its cells;
    a name that is not a reference ("AT&T") stays as written."""
    decoded = _unescape(reference)
    if decoded == reference:
        prose[start : start + len(reference)] = reference
    else:
        place_decoded(prose, start, len(reference), decoded)
