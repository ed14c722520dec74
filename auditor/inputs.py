"""Reading articles from files, folders and stdin.

Each input becomes an :class:`~auditor.model.Article` or, when it cannot be read, a
:class:`~auditor.model.Problem` naming the file and what is wrong with it; one bad
file never stops the others.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterable, Iterator

from .model import Article, Problem

#: File endings audited when a folder is walked, and the format each one is read as.
FORMATS = {".txt": "text", ".text": "text"}


def read_articles(paths: Iterable[str | os.PathLike], *, encoding: str = "utf-8") -> Iterator[Article | Problem]:
    for path in paths:
        path = os.fspath(path)
        if path == "-":
            yield decode_article(sys.stdin.buffer.read(), "<stdin>", encoding=encoding)
        elif os.path.isdir(path):
            found = False
            for file in walk(path):
                found = True
                yield read_article(file, encoding=encoding)
            if not found:
                yield Problem(path, f"no files to audit ({', '.join(sorted(FORMATS))}) in this folder")
        else:
            yield read_article(path, encoding=encoding)


def walk(folder: str) -> Iterator[str]:
    """Files below ``folder`` with an audited ending, in a stable (sorted) order."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if Path(name).suffix.lower() in FORMATS:
                yield os.path.join(root, name)


def read_article(path: str, *, encoding: str = "utf-8") -> Article | Problem:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return Problem(path, "no such file" if not os.path.islink(path) else "broken link")
    except IsADirectoryError:
        return Problem(path, "is a directory")
    except PermissionError:
        return Problem(path, "permission denied")
    except OSError as exc:
        return Problem(path, f"cannot read: {exc.strerror or exc}")
    return decode_article(data, path, encoding=encoding)


def decode_article(data: bytes, path: str, *, encoding: str = "utf-8") -> Article | Problem:
    if b"\x00" in data[:8192]:
        return Problem(path, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        return Problem(
            path,
            f"not valid {exc.encoding} at byte {exc.start}: {exc.reason} (choose another with --encoding)",
        )
    except LookupError:
        return Problem(path, f"unknown encoding {encoding!r}")
    if text.startswith("\ufeff"):
        text = text[1:]
    fmt = FORMATS.get(Path(path).suffix.lower(), "text")
    return Article(text, path, format=fmt)
