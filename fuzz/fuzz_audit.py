#!/usr/bin/env python3
"""Fuzz the whole audit: bytes in, a well-formed report out, or a clear Problem.

Coverage-guided with atheris (libFuzzer for Python; ``pip install -e '.[fuzz]'``);
without atheris it falls back to hypothesis for ``--minutes``.  Run by hand, never
in the test suite; see fuzz/README.md for the command and the recorded runs.

Each input is read the way a file is (UTF-8 decoding, binary detection, the plain
text, Markdown or HTML reader chosen by the first byte), audited with every
built-in plugin, and held to ``assert_well_formed`` from tests/test_properties.py:
no plugin error, every finding's span inside the text with its exact text, line
and column, sentences in order covering every non-space character once.  Any
exception is a crash; an input slower than libFuzzer's ``-timeout`` is a hang.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

try:
    import atheris
except ImportError:  # pragma: no cover - the hypothesis fallback
    atheris = None

if atheris is not None:
    with atheris.instrument_imports(include=["auditor"]):
        from auditor.engine import Auditor
        from auditor.inputs import decode_article
        from auditor.model import Problem
else:
    from auditor.engine import Auditor
    from auditor.inputs import decode_article
    from auditor.model import Problem

from test_properties import TEXTS, assert_well_formed  # noqa: E402

AUDITOR = Auditor()
NAMES = ("fuzz.txt", "fuzz.md", "fuzz.html")


def audit_bytes(data: bytes) -> None:
    """Audit ``data`` as a file would be; raise on any broken property."""
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    item = decode_article(data[1:], name)
    if isinstance(item, Problem):
        assert item.path == name and item.message and "\n" not in item.message, item
        return
    assert_well_formed(AUDITOR.check(item))


def main() -> None:
    if atheris is not None:
        atheris.Setup(sys.argv, audit_bytes)
        atheris.Fuzz()
        return
    import argparse
    import time

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    parser = argparse.ArgumentParser(description="hypothesis fallback: fuzz for a while")
    parser.add_argument("--minutes", type=float, default=30)
    args = parser.parse_args()
    deadline = time.monotonic() + 60 * args.minutes
    examples = 0

    @settings(max_examples=2000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    # Raw bytes, and news-like text encoded as UTF-8 behind a byte that picks the reader.
    @given(st.binary(max_size=4096) | st.tuples(st.binary(min_size=1, max_size=1), TEXTS).map(
        lambda pair: pair[0] + pair[1].encode("utf-8", "surrogatepass")))
    def run(data):
        nonlocal examples
        examples += 1
        audit_bytes(data)

    while time.monotonic() < deadline:
        run()
    print(f"hypothesis fallback: {examples} inputs, no failure")


if __name__ == "__main__":
    main()
