"""Markdown's prose view, from markdown-it-py's CommonMark parse.

Only the text of paragraphs, headings and table cells is kept.  Fenced and
indented code, HTML blocks and comments, front matter, link and image targets,
reference definitions, code spans, autolinks and bare URLs are blanked.  A line
break stands where a block ends (on a list, quote or heading marker, or on what
follows a heading on its line), so a heading is never joined to the paragraph after
it; a soft line break inside a paragraph becomes a space, as a renderer shows it.

markdown-it reports block positions as line ranges; inline positions are found by
walking each block's inline tokens through the source in order.  A heading's line
break becomes U+2029 (PARAGRAPH SEPARATOR), where the segmenter always ends a paragraph.

markdown-it searches to the end of the text from every ``[`` and every inline ``<!--``
that nothing closes; such openers are defused (one character changed, offsets kept)
before it reads the file, so reading stays linear.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import blank_urls, place_decoded

_LINE_ENDS = "\r\n"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_NOT_LINE_END = re.compile(r"[^\r\n]+")
_NOT_BLANK = re.compile(r"[^ ]+")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    # Keep escapes and entities as tokens of their own, so every plain text token
    # is a verbatim slice of the source.
    md.disable("text_join")
    return md


def prose_view(original: str) -> str:
    return read(original)[0]


def read(original: str) -> tuple[str, dict]:
    """The prose view, and ``{"code_ranges": [(start, end), ...]}``: front matter, code
    blocks and code spans, where an ``auditor: ignore`` comment is only an example."""
    prose = list(_NOT_LINE_END.sub(lambda m: " " * len(m.group()), original))
    source, front_matter_end = _without_front_matter(original)
    code: list[tuple[int, int]] = [(0, front_matter_end)] if front_matter_end else []
    source = _INERT.sub(",", _without_unclosed_html(_without_unmatched_brackets(source)))
    starts = _line_starts(original)
    for token in _parser().parse(source):
        if not token.map:
            continue
        begin = starts[min(token.map[0], len(starts) - 1)]
        end = starts[token.map[1]] if token.map[1] < len(starts) else len(original)
        if token.type == "inline":
            _reveal_inline(source, original, prose, token.children or [], begin, end, code)
        elif token.type == "heading_open" and token.map[1] < len(starts):
            # U+2029 on the heading's line break: the segmenter ends a paragraph there, so
            # "## Title\nlower-case text" is not read as one sentence.
            prose[starts[token.map[1]] - 1] = "\u2029"
        elif token.type in ("fence", "code_block"):
            code.append((begin, end))
        elif token.type == "html_block":
            _reveal_html(original, prose, begin, end)
    blank_urls(prose)
    return "".join(prose), {"code_ranges": code}


def _line_starts(text: str) -> list[int]:
    """Start offset of every line (LF, CRLF or CR, as markdown-it counts them), plus the end."""
    return [0, *(m.end() for m in _LINE_BREAK.finditer(text)), len(text)]


def _without_front_matter(text: str) -> tuple[str, int]:
    """``text`` with a leading YAML (---) or TOML (+++) front matter block blanked
    (blank lines, line breaks kept: offsets do not move); and where the block ends (0: none)."""
    # Lines split as markdown-it splits them (LF, CRLF, CR), so line numbers agree.
    lines = _LINE.findall(text)
    if not lines or lines[0].rstrip() not in ("---", "+++"):
        return text, 0
    fence = lines[0].rstrip()
    closers = ("---", "...") if fence == "---" else ("+++",)
    for i in range(1, len(lines)):
        if lines[i].rstrip() in closers:
            end = sum(map(len, lines[: i + 1]))
            return _NOT_LINE_END.sub(lambda m: " " * len(m.group()), text[:end]) + text[end:], end
    return text, 0


def _without_unmatched_brackets(source: str) -> str:
    """``source`` with each ``[`` that no later ``]`` closes, and each ``]`` that closes
    nothing, turned into a ``,`` (also punctuation, plain text to CommonMark and not even
    a stop for its text rule).  Such a bracket is no part of a link or image, but
    markdown-it looks for a label from every one of them ("[a [a [a ..." or "![![..."
    took seconds to minutes a megabyte)."""
    if "[" not in source and "]" not in source:
        return source
    openers: list[int] = []
    closers: list[int] = []  # "]" with nothing to close
    for m in _BRACKET.finditer(source):
        bracket = m.group()
        if bracket == "[":
            openers.append(m.start())
        elif bracket == "]":
            if openers:
                openers.pop()
            else:
                closers.append(m.start())
    if not openers and not closers:
        return source
    chars = list(source)
    for at in openers + closers:
        chars[at] = ","
    return "".join(chars)


#: Characters that cannot mean anything where they stand, but would each cost markdown-it
#: a round of its inline rules: "<" before "<" or ",", "!" not part of "![" or "<!".
#: Never one right after a backslash (an escape shows the character itself).
_INERT = re.compile(r"(?<!\\)(?:<(?=[<,])|(?<!<)!(?!\[))")
_BRACKET = re.compile(r"\\.|[\[\]]", re.DOTALL)  # an escaped character is no bracket


def _without_unclosed_html(source: str) -> str:
    """``source`` with the ``!`` or ``?`` of each inline ``<!--``, ``<?``, ``<![CDATA[``
    or ``<!X`` that nothing closes later turned into a ``,``: markdown-it reads it as
    text either way, but only after a search to the end from every one of them.  One
    that may start an HTML block (first on its line) is left alone: unclosed, it hides
    the rest of the file."""
    if "<!" not in source and "<?" not in source:
        return source
    last_close = {"<!--": source.rfind("-->"), "<?": source.rfind("?>"), "<![CDATA[": source.rfind("]]>")}
    last_gt = source.rfind(">")
    chars = None
    for m in _HTML_OPENER.finditer(source):
        at = m.start()
        if at < last_close.get(m.group(), last_gt) or _may_start_block(source, at):
            continue
        chars = chars or list(source)
        chars[at + 1] = ","
    return "".join(chars) if chars else source


_HTML_OPENER = re.compile(r"<(?:!--|\?|!\[CDATA\[|![A-Za-z])")
_BLOCK_LEAD = re.compile(r"[ \t>*+\-0-9.)]*")  # indentation and container markers (quote, list)


def _may_start_block(source: str, at: int) -> bool:
    line_start = max(source.rfind("\n", max(0, at - 64), at), source.rfind("\r", max(0, at - 64), at)) + 1
    return (line_start > 0 or at < 64) and _BLOCK_LEAD.fullmatch(source, line_start, at) is not None


def _reveal_inline(source: str, original: str, prose: list[str], children, begin: int, end: int, code: list) -> None:
    """Copy the prose characters of one block's inline tokens into ``prose``.  Tokens are
    found in ``source`` (what markdown-it read, aligned with ``original``)."""
    cursor = begin
    first = last = None
    skip_until_close = False
    for child in children:
        kind = child.type
        if skip_until_close:
            skip_until_close = kind != "link_close"
            continue
        if kind == "text" and child.content:
            at = source.find(child.content, cursor, end)
            if at < 0:
                continue
            prose[at : at + len(child.content)] = original[at : at + len(child.content)]
            cursor = at + len(child.content)
            first = at if first is None else first
            last = cursor
        elif kind == "text_special":
            at = source.find(child.markup, cursor, end)
            if at < 0:
                continue
            if child.info == "escape":
                place_decoded(prose, at + 1, 1, child.content)
            else:
                place_decoded(prose, at, len(child.markup), child.content)
            cursor = at + len(child.markup)
            first = at if first is None else first
            last = cursor
        elif kind == "softbreak":
            at = _next_line_end(source, cursor, end)
            if at is not None:
                prose[at] = " "
                if source[at] == "\r" and original[at + 1 : at + 2] == "\n":
                    prose[at + 1] = " "
        elif kind == "code_inline":
            after = _skip_code_span(source, cursor, end, child.markup)
            code.append((cursor, after))
            cursor = after
        elif kind == "html_inline":
            at = source.find(child.content, cursor, end)
            cursor = at + len(child.content) if at >= 0 else cursor
        elif kind == "link_open" and child.markup == "autolink":
            opening = source.find("<", cursor, end)
            closing = source.find(">", opening + 1, end) if opening >= 0 else -1
            cursor = closing + 1 if closing >= 0 else cursor
            skip_until_close = True
        elif kind == "link_close":
            cursor = _skip_link_tail(source, cursor, end)
        elif kind == "image":
            at = source.find("![", cursor, end)
            if at >= 0:
                cursor = _skip_link_tail(source, _matching_bracket(source, at + 1, end), end)
    if first is not None:
        _mark_block_edges(original, prose, begin, first, last, end)


def _reveal_html(original: str, prose: list[str], begin: int, end: int) -> None:
    """Raw HTML in a Markdown file (``<p>``, ``<figure>``...): its visible text, as the HTML reader sees it."""
    from .html import prose_view as html_prose

    for m in _NOT_BLANK.finditer(html_prose(original[begin:end])):
        prose[begin + m.start() : begin + m.end()] = m.group()


def _mark_block_edges(original: str, prose: list[str], begin: int, first: int, last: int, end: int) -> None:
    """Put a line break on the markup before a block's first text ("# ", "- ", "> ")
    and after its last text on the same line, so the block stands on its own."""
    line_start = max(original.rfind("\n", begin, first), original.rfind("\r", begin, first)) + 1
    for i in range(max(line_start, begin), first):
        if not original[i].isspace():
            prose[i] = "\n"
            break
    for i in range(last, end):
        if original[i] in _LINE_ENDS:
            break
        if prose[i] == " ":
            prose[i] = "\n"
            break


def _next_line_end(text: str, start: int, end: int) -> int | None:
    for i in range(start, end):
        if text[i] in _LINE_ENDS:
            return i
    return None


def _skip_code_span(text: str, start: int, end: int, fence: str) -> int:
    """Offset just past the code span opened by ``fence`` (a run of backticks) at or after ``start``."""
    opening = text.find(fence, start, end)
    if opening < 0:
        return start
    i = opening + len(fence)
    while i < end:
        at = text.find(fence, i, end)
        if at < 0:
            return start
        run_end = at + len(fence)
        if text[run_end : run_end + 1] != "`" and text[at - 1 : at] != "`":
            return run_end
        while run_end < end and text[run_end] == "`":
            run_end += 1
        i = run_end
    return start


def _matching_bracket(text: str, opening: int, end: int) -> int:
    """Offset of the ``]`` that closes the ``[`` at ``opening`` (backslash escapes honoured)."""
    depth, i = 0, opening
    while i < end:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return opening


def _skip_link_tail(text: str, start: int, end: int) -> int:
    """From the ``]`` that ends a link's text, skip ``(destination "title")`` or ``[label]``."""
    close = text.find("]", start, end)
    if close < 0:
        return start
    i = close + 1
    if text[i : i + 1] == "(":
        depth, quote = 0, None
        while i < end:
            ch = text[i]
            if ch == "\\":
                i += 2
                continue
            if quote:
                quote = None if ch == quote else quote
            elif ch in "\"'" and depth == 1 and text[i - 1].isspace():
                quote = ch
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return close + 1
    if text[i : i + 1] == "[":
        label_end = text.find("]", i, end)
        return label_end + 1 if label_end >= 0 else i
    return i
