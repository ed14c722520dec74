"""The articles of an archive, cut into partitions.

Inputs are folders (walked the way ``auditor audit`` walks them), single article
files, JSON Lines (``.jsonl``, ``.ndjson``) and CSV (``.csv``), one article a record.
The driver cuts them into partitions of a fixed number of articles, from the
inputs alone and never from the number of workers, so every engine audits the
same partitions and writes the same files.  A JSON Lines or CSV partition is a
byte range of its file: a worker reads its own range and nothing else.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import os
import sys
from dataclasses import dataclass
from typing import Iterator

from .. import inputs
from ..model import Article, Problem

RECORD_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


@dataclass(frozen=True)
class Partition:
    """A run of articles one task audits.

    ``kind`` ``files``: the article files in ``files`` (``path`` is the folder
    they were found in, "" for files named one by one).  ``jsonl``/``csv``: the
    records of ``path`` in bytes ``[start, end)``, whose first line is line
    ``first_line`` of the file; ``header`` holds a CSV file's column names.
    ``stamp`` is the data file's size and modification time, so that a changed
    file is audited again on resume.
    """

    index: int
    kind: str
    path: str
    files: tuple[str, ...] = ()
    start: int = 0
    end: int = 0
    first_line: int = 1
    header: tuple[str, ...] = ()
    stamp: str = ""


@dataclass(frozen=True)
class ReadOptions:
    """How records become articles."""

    text_field: str = "text"
    id_field: str = "id"
    encoding: str = "utf-8"


class InputError(Exception):
    """An input the run cannot start with (missing, empty, no text column)."""


def expand(patterns: list[str]) -> list[str]:
    """Paths and glob patterns (quoted, so a shell did not expand them) to paths, in order."""
    paths: list[str] = []
    for pattern in patterns:
        if glob.has_magic(pattern):
            matched = sorted(glob.glob(pattern, recursive=True))
            if not matched:
                raise InputError(f"{pattern}: no file matches this pattern")
            paths.extend(matched)
        elif not os.path.exists(pattern):
            raise InputError(f"{pattern}: no such file or folder")
        else:
            paths.append(pattern)
    return paths


def partition(paths: list[str], size: int, options: ReadOptions) -> list[Partition]:
    """Cut the inputs into partitions of ``size`` articles (the last of each input may be smaller)."""
    parts: list[Partition] = []
    loose: list[str] = []

    def add(**fields) -> None:
        parts.append(Partition(index=len(parts), **fields))

    def add_files(folder: str, files: list[str]) -> None:
        for i in range(0, len(files), size):
            add(kind="files", path=folder, files=tuple(files[i : i + size]))

    for path in paths:
        kind = record_format(path)
        if os.path.isdir(path):
            files = list(inputs.walk(path))
            if not files:
                raise InputError(f"{path}: no files to audit ({', '.join(sorted(inputs.FORMATS))}) in this folder")
            add_files(path, files)
        elif kind:
            stat = os.stat(path)
            stamp = f"{stat.st_size}:{stat.st_mtime_ns}"
            header, ranges = _scan_csv(path, size, options) if kind == "csv" else ((), _scan_jsonl(path, size))
            for start, end, first_line in ranges:
                add(kind=kind, path=path, start=start, end=end, first_line=first_line, header=header, stamp=stamp)
        else:
            loose.append(path)
    add_files("", loose)
    return parts


def record_format(path: str) -> str | None:
    return None if os.path.isdir(path) else RECORD_FORMATS.get(os.path.splitext(path)[1].lower())


def _scan_jsonl(path: str, size: int) -> list[tuple[int, int, int]]:
    """Byte ranges of ``size`` non-blank lines each, with the line number each starts at."""
    ranges, offset, count, start, first = [], 0, 0, 0, 1
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                if count == 0:
                    start, first = offset, number
                count += 1
                if count == size:
                    ranges.append((start, offset + len(line), first))
                    count = 0
            offset += len(line)
    if count:
        ranges.append((start, offset, first))
    return ranges


def _scan_csv(path: str, size: int, options: ReadOptions) -> tuple[tuple[str, ...], list[tuple[int, int, int]]]:
    """The header and byte ranges of ``size`` records each.  A record may span lines
    (a quoted field with newlines): it ends at the first line end after which the
    double quotes seen in it pair up, which is how CSV quoting works."""
    header: tuple[str, ...] | None = None
    ranges, offset, count, start, first = [], 0, 0, 0, 1
    quotes, record_start, record_line, record = 0, 0, 1, b""
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            if quotes == 0:
                record_start, record_line, record = offset, number, b""
            quotes += line.count(b'"')
            offset += len(line)
            if header is None:
                record += line
            if quotes % 2:
                continue  # inside a quoted field that goes on to the next line
            quotes = 0
            if header is None:
                header = _csv_header(record, path, options)
            elif line.strip() or offset - record_start > len(line):
                if count == 0:
                    start, first = record_start, record_line
                count += 1
                if count == size:
                    ranges.append((start, offset, first))
                    count = 0
    if header is None:
        raise InputError(f"{path}: empty CSV file, no header row")
    if count:
        ranges.append((start, offset, first))
    return header, ranges


def _csv_header(data: bytes, path: str, options: ReadOptions) -> tuple[str, ...]:
    text = data.decode(options.encoding, errors="replace").lstrip("\ufeff")
    header = tuple(next(csv.reader(io.StringIO(text, newline="")), []))
    if options.text_field not in header:
        raise InputError(f"{path}: no column {options.text_field!r} for the text (columns: {', '.join(header)}); "
                         "name it with --text-field")
    return header


# -- reading a partition (on a worker) --------------------------------------------


def read(part: Partition, options: ReadOptions) -> Iterator[Article | Problem]:
    """The partition's articles, in input order; a record that is not an article is a
    :class:`Problem` whose ``path`` is the record's id."""
    if part.kind == "files":
        for path in part.files:
            item = inputs.read_article(path, encoding=options.encoding)
            meta = {"path": path, "folder": _folder(part.path, path)}
            if isinstance(item, Article):
                item.metadata.update(meta)
            yield item
        return
    with open(part.path, "rb") as handle:
        handle.seek(part.start)
        data = handle.read(part.end - part.start)
    if part.kind == "jsonl":
        yield from _jsonl_articles(part, data, options)
    else:
        yield from _csv_articles(part, data, options)


def _folder(root: str, path: str) -> str:
    folder = os.path.dirname(path)
    return os.path.relpath(folder, root) if root else (folder or ".")


def _jsonl_articles(part: Partition, data: bytes, options: ReadOptions) -> Iterator[Article | Problem]:
    for number, line in enumerate(data.split(b"\n"), part.first_line):
        if not line.strip():
            continue
        where = f"{part.path}:{number}"
        try:
            record = json.loads(line.decode(options.encoding))
        except UnicodeDecodeError as exc:
            yield Problem(where, f"not valid {exc.encoding} at byte {exc.start} of the line: {exc.reason}")
            continue
        except ValueError as exc:
            yield Problem(where, f"not a JSON object: {exc}")
            continue
        if not isinstance(record, dict):
            yield Problem(where, f"a JSON {type(record).__name__}, not an object with a {options.text_field!r} field")
            continue
        yield _article(record, where, options)


def _csv_articles(part: Partition, data: bytes, options: ReadOptions) -> Iterator[Article | Problem]:
    # Undecodable bytes become lone surrogates, so only the records holding them are refused.
    text = data.decode(options.encoding, errors="surrogateescape")
    csv.field_size_limit(sys.maxsize if sys.maxsize < 2**63 else 2**63 - 1)
    reader = csv.reader(io.StringIO(text, newline=""))
    lines_before = 0
    for row in reader:
        number, lines_before = part.first_line + lines_before, reader.line_num
        if not row:
            continue
        where = f"{part.path}:{number}"
        if len(row) != len(part.header):
            yield Problem(where, f"a row of {len(row)} fields under a header of {len(part.header)}")
        elif any("\udc80" <= ch <= "\udcff" for field in row for ch in field):
            yield Problem(where, f"not valid {options.encoding} in this row")
        else:
            yield _article(dict(zip(part.header, row)), where, options)


def _article(record: dict, where: str, options: ReadOptions) -> Article | Problem:
    text = record.pop(options.text_field, None)
    identifier = record.pop(options.id_field, None)
    name = where if identifier in (None, "") else str(identifier)
    if not isinstance(text, str):
        found = "no" if text is None else f"a {type(text).__name__} in the"
        return Problem(name, f"{found} {options.text_field!r} field; expected the article's text")
    return Article(text, name, metadata=record)
