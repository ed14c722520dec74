"""Phrase lists kept as data: ``[section]`` headers, one phrase a line, ``#`` comments.

The core's own lists live in ``auditor/data/``; each plugin keeps its lists beside
its code and reads them with :func:`read_lexicon`.
"""

from __future__ import annotations

import os
from functools import lru_cache


def read_lexicon(path: str | os.PathLike) -> dict[str, frozenset[str]]:
    """Parse a lexicon file into ``{section: frozenset(lower-cased phrases)}``."""
    sections: dict[str, set[str]] = {}
    current = sections.setdefault("", set())
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), set())
        else:
            current.add(" ".join(line.lower().split()))
    return {name: frozenset(words) for name, words in sections.items() if words}


@lru_cache(maxsize=None)
def load_lexicon(name: str) -> dict[str, frozenset[str]]:
    """The core lexicon ``auditor/data/NAME.txt``."""
    return read_lexicon(os.path.join(os.path.dirname(__file__), "data", f"{name}.txt"))
