"""Reading articles from files, folders and stdin.

Each input becomes an :class:`~auditor.model.Article` or, when it cannot be read, a
:class:`~auditor.model.Problem` naming the file and what is wrong with it; one bad
file never stops the others.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from typing import Callable, Iterable, Iterator, NamedTuple

from .model import Article, Problem

#: File endings audited when a folder is walked, and the format each one is read as
#: (see :mod:`auditor.formats`).
FORMATS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html",
}


def _ending(path: str) -> str:
    """``pathlib.PurePath(path).suffix``, lower-cased: what FORMATS is looked up by.  Read
    with os.path, as importing pathlib costs several ms of every start; pathlib reads the
    names os.path reads otherwise ("folder/", "folder/.") and Windows paths (drives)."""
    name = os.path.basename(path)
    if name in ("", ".") or os.name == "nt":
        from pathlib import PurePath

        name = PurePath(path).name
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


#: Byte order marks and their encodings; UTF-32's first, as its little-endian mark starts with UTF-16's.
_UTF16_32_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                  (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def read_articles(
    paths: Iterable[str | os.PathLike],
    *,
    encoding: str = "utf-8",
    exclude: Iterable[str] | Callable[[str], bool] = (),
    stdin_filename: str | None = None,
    block_bytes: int | None = None,
) -> Iterator[Article | Problem]:
    """Articles from files, folders (walked recursively) and ``-`` (stdin).

    ``block_bytes``: a plain-text file bigger than this comes as several articles,
    blocks of about this size cut at blank lines (see :func:`read_blocks`), so
    that a huge file never has to be in memory whole.

    ``exclude``: glob patterns of files and folders to skip, relative to the
    current folder (see :func:`auditor.config.path_matches`), or a test of a path.  ``stdin_filename``: the name stdin is
    reported under, and whose ending tells its format.
    """
    for path in input_files(paths, exclude=exclude):
        if isinstance(path, Problem):
            yield path
        elif path == "-":
            yield decode_article(sys.stdin.buffer.read(), stdin_filename or "<stdin>", encoding=encoding)
        elif block_bytes and _in_blocks(path, block_bytes, encoding):
            yield from read_blocks(path, block_bytes, encoding=encoding)
        else:
            yield read_article(path, encoding=encoding)


def input_files(
    paths: Iterable[str | os.PathLike], *, exclude: Iterable[str] | Callable[[str], bool] = ()
) -> Iterator[str | Problem]:
    """The files :func:`read_articles` reads, in order, without reading them: file
    paths, ``-`` for stdin, and a problem for a folder with nothing to audit."""
    excluded = _exclusion(exclude)
    for path in paths:
        path = os.fspath(path)
        if path == "-":
            yield path
        elif excluded(path):
            continue
        elif os.path.isdir(path):
            found = False
            unlisted: list[OSError] = []  # an unreadable subfolder is reported, never skipped silently
            for file in walk(path, excluded, onerror=unlisted.append):
                found = True
                yield file
            for exc in unlisted:
                yield Problem(exc.filename or path, f"cannot list this folder: {exc.strerror or exc}")
            if not found and not unlisted:
                yield Problem(path, f"no files to audit ({', '.join(sorted(FORMATS))}) in this folder")
        else:
            yield path


def walk(folder: str, exclude: Iterable[str] | Callable[[str], bool] = (),
         onerror: Callable[[OSError], None] | None = None) -> Iterator[str]:
    """Files below ``folder`` with an audited ending, in a stable (sorted) order,
    leaving out hidden folders and whatever ``exclude`` matches.  ``onerror`` is
    given each folder that cannot be listed (else such folders are skipped silently)."""
    excluded = _exclusion(exclude)
    for root, dirs, files in os.walk(folder, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(os.path.join(root, d)))
        for name in sorted(files):
            file = os.path.join(root, name)
            if _ending(name) in FORMATS and not excluded(file):
                yield file


def _exclusion(exclude: Iterable[str] | Callable[[str], bool]) -> Callable[[str], bool]:
    if callable(exclude):
        return exclude
    patterns = list(exclude)
    if not patterns:
        return lambda path: False
    from .config import path_matches

    return lambda path: path_matches(path, patterns)


def read_article(path: str, *, encoding: str = "utf-8") -> Article | Problem:
    try:
        with open(path, "rb") as handle:
            if stat.S_ISCHR(os.fstat(handle.fileno()).st_mode):  # /dev/zero would never end
                return Problem(path, "a device, not a file")
            data = handle.read()
    except OSError as exc:
        return _read_problem(path, exc)
    return decode_article(data, path, encoding=encoding)


def _read_problem(path: str, exc: OSError) -> Problem:
    """One line saying why ``path`` could not be read."""
    if isinstance(exc, FileNotFoundError):
        return Problem(path, "broken link" if os.path.islink(path) else "no such file")
    if isinstance(exc, IsADirectoryError):
        return Problem(path, "is a directory")
    if isinstance(exc, PermissionError):
        return Problem(path, "permission denied")
    return Problem(path, f"cannot read: {exc.strerror or exc}")


def _decode_problem(path: str, data: bytes, exc: UnicodeDecodeError, at: int = 0, lines_before: int = 0) -> Problem:
    """One line naming the byte (``at`` bytes of the file come before ``data``) and its line."""
    line = lines_before + data.count(b"\n", 0, exc.start) + 1
    return Problem(
        path,
        f"not valid {exc.encoding} at byte {at + exc.start} (line {line}): {exc.reason} (choose another with --encoding)",
    )


def decode_article(data: bytes, path: str, *, encoding: str = "utf-8") -> Article | Problem:
    """The article in ``data``, or a one-line problem: binary, undecodable or empty."""
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        # A UTF-16 or UTF-32 byte order mark says so unambiguously (Windows "Unicode" files).
        encoding = next((name for bom, name in _UTF16_32_BOMS if data.startswith(bom)), encoding)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if b"\x00" in data[:8192]:
            return Problem(path, "binary file (contains NUL bytes), not text")
        return _decode_problem(path, data, exc)
    except LookupError:
        return Problem(path, f"unknown encoding {encoding!r}")
    if "\x00" in text[:8192]:
        return Problem(path, "binary file (contains NUL bytes), not text")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        return Problem(path, "empty: no text to audit")
    from .formats import make_article

    return make_article(text, path, FORMATS.get(_ending(path), "text"))


# -- huge plain-text files, block by block ------------------------------------------
class Block(NamedTuple):  # not a frozen dataclass: that costs a millisecond at every start
    """Where a block of a bigger file starts in it: ``article.block`` of each article
    :func:`read_blocks` makes.  ``more``: further blocks of the same file follow."""

    offset: int  # characters before the block
    line: int  # lines before the block
    more: bool


# A blank line ends every sentence and quotation, so a file cut there audits the same,
# but that each block is an article of its own for checks that look at the whole
# article (auditor_check_article).
_BLANK_LINES = (b"\n\n", b"\n\r\n")


def _in_blocks(path: str, block_bytes: int, encoding: str) -> bool:
    try:
        big = os.path.getsize(path) > 2 * block_bytes
        if big:
            with open(path, "rb") as handle:
                big = not handle.read(4).startswith(tuple(bom for bom, _ in _UTF16_32_BOMS))
    except OSError:
        return False  # read_article says what is wrong
    return big and FORMATS.get(_ending(path), "text") == "text" and _ascii_compatible(encoding)


def _ascii_compatible(encoding: str) -> bool:
    import codecs

    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return name in ("utf-8", "utf-8-sig", "ascii", "latin-1", "iso8859-1", "cp1252", "iso8859-15")


def read_blocks(path: str, block_bytes: int, *, encoding: str = "utf-8") -> Iterator[Article | Problem]:
    """The articles of a big plain-text file, each about ``block_bytes`` long and cut
    after a blank line, with ``article.block`` telling where it lies in the file.  A
    file that cannot be read or decoded is one problem, as from :func:`read_article`."""
    from .formats import make_article

    try:
        problem = _check_blocks(path, block_bytes, encoding)
    except OSError as exc:
        problem = _read_problem(path, exc)
    if problem is not None:
        yield problem
        return
    offset = line = 0
    pending: Article | None = None
    for text in _decoded_blocks(path, block_bytes, encoding):
        if pending is not None:
            pending.block = Block(pending.block.offset, pending.block.line, True)
            yield pending
        if offset == 0 and text.startswith("\ufeff"):
            text = text[1:]  # as decode_article does
        pending = make_article(text, path, "text")
        pending.block = Block(offset, line, False)
        offset += len(text)
        line += text.count("\n") + text.count("\r") - text.count("\r\n")
    if pending is not None:
        yield pending


def _check_blocks(path: str, block_bytes: int, encoding: str) -> Problem | None:
    """What :func:`decode_article` would say of the whole file, read a block at a time."""
    with open(path, "rb") as handle:
        if b"\x00" in handle.read(8192):
            return Problem(path, "binary file (contains NUL bytes), not text")
    at = lines = 0
    for data in _byte_blocks(path, block_bytes):
        try:
            data.decode(encoding)
        except UnicodeDecodeError as exc:
            return _decode_problem(path, data, exc, at, lines)
        at += len(data)
        lines += data.count(b"\n")
    return None


def _decoded_blocks(path: str, block_bytes: int, encoding: str) -> Iterator[str]:
    for data in _byte_blocks(path, block_bytes):
        yield data.decode(encoding)


def _byte_blocks(path: str, block_bytes: int) -> Iterator[bytes]:
    """The file's bytes in pieces of about ``block_bytes``, each ending with a blank
    line (a piece grows until it has one), never between a suppression directive and
    the paragraph it governs."""
    pieces: list[bytes] = []
    with open(path, "rb") as handle:
        while data := handle.read(block_bytes):
            pieces.append(data)
            if b"\n\n" in data or b"\n\r\n" in data:  # else read on: joining every time would be quadratic
                carry = b"".join(pieces)
                cut = _cut(carry)
                if cut > 0:
                    yield carry[:cut]
                    carry = carry[cut:]
                pieces = [carry]
    carry = b"".join(pieces)
    if carry:
        yield carry


def _cut(data: bytes) -> int:
    end = len(data)
    while True:
        at = max(data.rfind(mark, 0, end) for mark in _BLANK_LINES)
        if at <= 0:
            return -1
        before = data[:at].rstrip()
        line_start = before.rfind(b"\n") + 1
        if b"auditor:" not in before[line_start:]:  # a directive governs the paragraph after the blank line
            return at + (2 if data[at + 1 : at + 2] == b"\n" else 3)
        end = line_start
