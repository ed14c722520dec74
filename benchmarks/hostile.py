"""Hostile input: texts built to make a segmenter, quote tracker or attribution
finder slow or crash.  Each case is audited at 1 MB (the project's bound: under
2 seconds each, on one core) and the result printed as a table::

    .venv/bin/python benchmarks/hostile.py            # every case, 1 MB
    .venv/bin/python benchmarks/hostile.py --size 100000 --case quotes

``tests/test_hostile.py`` audits the same cases at 100 KB (see ``CASES``).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from typing import Callable

BOUND_SECONDS = 2.0
MEGABYTE = 1_000_000


def _fill(pieces: list[str], size: int, sep: str = " ") -> str:
    """Repeat ``pieces`` (joined by ``sep``) until the text is ``size`` characters long."""
    out: list[str] = []
    length = 0
    for piece in itertools.cycle(pieces):
        if length >= size:
            break
        out.append(piece)
        length += len(piece) + len(sep)
    return sep.join(out)[:size]


def no_punctuation(size: int) -> str:
    # Reporting verbs and sources, but not one full stop, comma or line break: one endless sentence.
    words = "officials said the minister told reporters sources believe analysts warned he claimed they reported that".split()
    return _fill(words, size)


def many_quotes(size: int) -> str:
    # One quotation mark every 8 characters (125,000 in 1 MB), of every kind, most of them paired.
    pieces = ["“a", "b”", '"c', 'd"', "‘e", "f’", "«g", "h»", "„i", "j“"]
    return _fill([p + " said" for p in pieces], size)


def unbalanced_quotes(size: int) -> str:
    pieces = ["“He said “they said ‘no", "one ” closed ” twice ’ and", '"straight "open', "« never » »", "said “it’s"]
    return _fill(pieces, size)


def one_long_line(size: int) -> str:
    sentence = ("The minister said on Tuesday that the talks had failed, according to officials, "
                "and “nothing will change,” he added. ")
    return _fill([sentence], size, sep="")


def abbreviations(size: int) -> str:
    pieces = ["Mr.", "Dr.", "U.S.", "A.", "B.", "J.R.R.", "e.g.", "i.e.", "etc.", "No.", "St.", "a.m.", "Gen.", "Inc."]
    return _fill(pieces, size)


def capitalised_words(size: int) -> str:
    pieces = "The Minister Of State For Foreign Affairs And Senior Officials Said According To Reports".split()
    return _fill(pieces, size)


def whitespace_and_control(size: int) -> str:
    pieces = [" ", "\t", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\u2028", "\u2029", "\u00a0", "\u200b",
              "\x01", "\x7f", "\x1b[31m", "said", ".", "\n", "\r", "\r\n", "\n\n"]
    return _fill(pieces, size, sep="")


def combining_and_rtl(size: int) -> str:
    pieces = ["e\u0301\u0302\u0303\u0304\u0305", "قال المتحدث", "\u200f", "אמר הדובר", "\u202e", "said\u0336",
              "\u202c", "“اقتباس”", ".", " ", "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357"]
    return _fill(pieces, size, sep=" ")


def crlf_and_cr(size: int) -> str:
    lines = ["The minister said the talks had failed.", "officials said", "“It is over,” he said.", "", "reportedly so"]
    return _fill([line + ending for line in lines for ending in ("\r\n", "\r")], size, sep="")


def unterminated_markup(size: int) -> str:
    # Openers that never close: tags, attribute quotes, links, code spans, emphasis; and at
    # the end 1% of comment openers (an unclosed comment runs to the end of the document).
    pieces = ["<a", "<a href='x", "<?", "</", "Officials said", "[link", "](", "`", "*", "_", "&amp", "<!-- x -->",
              "<p>Officials said the talks had failed.</p>"]
    tail = size // 100
    return _fill(pieces, size - tail) + "<!--" * (tail // 4)


#: name -> builder of a text of (about) the given size.
CASES: dict[str, Callable[[int], str]] = {
    "no-punctuation": no_punctuation,
    "quotes": many_quotes,
    "unbalanced-quotes": unbalanced_quotes,
    "one-line": one_long_line,
    "abbreviations": abbreviations,
    "capitalised": capitalised_words,
    "whitespace-control": whitespace_and_control,
    "combining-rtl": combining_and_rtl,
    "crlf-cr": crlf_and_cr,
    "html-unterminated": unterminated_markup,
    "markdown-unterminated": unterminated_markup,
}
#: Cases read as Markdown or HTML rather than plain text.
FORMATS = {"html-unterminated": "html", "markdown-unterminated": "markdown"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=MEGABYTE, help="characters per case (default 1 MB)")
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="run only this case (repeatable)")
    args = parser.parse_args(argv)

    from auditor.engine import Auditor, collect_garbage_less_often

    collect_garbage_less_often()  # as the `auditor` command does
    auditor = Auditor(time_limit=None)  # measure the whole run, never cut it short
    slow = 0
    # Wall time is the bound; CPU time tells a slow case from a busy machine.
    print(f"{'case':<20} {'chars':>9} {'sentences':>9} {'findings':>8} {'seconds':>8} {'cpu s':>7}")
    for name in args.case or CASES:
        text = CASES[name](args.size)
        began, began_cpu = time.perf_counter(), time.process_time()
        result = auditor.audit_text(text, name, format=FORMATS.get(name, "text"))
        seconds, cpu = time.perf_counter() - began, time.process_time() - began_cpu
        verdict = "" if seconds < BOUND_SECONDS else f"  SLOW (bound {BOUND_SECONDS} s)"
        slow += bool(verdict)
        errors = f"  errors: {[e.message for e in result.errors]}" if result.errors else ""
        print(f"{name:<20} {len(text):>9} {result.sentences:>9} {len(result.findings):>8} {seconds:>8.2f} {cpu:>7.2f}{verdict}{errors}",
              flush=True)
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
