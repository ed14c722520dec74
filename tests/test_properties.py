"""Properties that hold for every input, checked over generated text (hypothesis).

Arbitrary Unicode rarely looks like news, so besides ``st.text()`` the texts are
also assembled from news-like tokens (reporting verbs, unnamed sources, quotation
marks of every kind, abbreviations, every line ending), which is where findings,
quotations and sentence boundaries actually happen.  ``fuzz/fuzz_audit.py`` checks
the same properties (``assert_well_formed``) for as long as it is left running.
"""

from __future__ import annotations

import bisect
import json
import re

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.cli import cli
from auditor.engine import Auditor, FileResult
from auditor.formats import make_article

TOKENS = [
    "said", "says", "told", "according to", "officials", "an official", "sources", "reportedly",
    "it is understood", "The minister", "he", "She", "they", "wrote in", "that", "believes",
    "Syria researcher Jane Doe", "Dr.", "Mr.", "U.S.", "J. R.", "a.m.", "e.g.", "etc.", "No. 5",
    "“", "”", '"', "‘", "’", "«", "»", "„", "'", ".", "...", "…", "!", "?", ",", ";", ":", "(", ")",
    " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\r\r", "\u2028", "\x85", "\x0c", "\x00",
    "e\u0301", "\u200f", "قال المتحدث", "אמר", "\u202e", "😀", "#", "- ", "> ", "<!-- auditor: ignore -->",
]
NEWSY = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)), max_size=80).map(" ".join)
PACKED = st.lists(st.sampled_from(TOKENS), max_size=120).map("".join)
TEXTS = st.one_of(st.text(), NEWSY, PACKED)
LINE_BREAK = re.compile(r"\r\n|\r|\n")

AUDITOR = Auditor()
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def line_starts(text: str) -> list[int]:
    """Where lines start, counted from scratch: lines end at LF, CRLF or a lone CR."""
    return [0] + [m.end() for m in LINE_BREAK.finditer(text)]


def expected_line_col(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def assert_well_formed(result: FileResult) -> None:
    """Every property a user relies on, for one audited article (raises AssertionError)."""
    article = result.article
    original, prose = article.original, article.text
    assert len(original) == len(prose)
    assert not result.errors, [e.message for e in result.errors]
    # Findings: exact spans inside the text, with the text they point at and its line and column.
    starts = line_starts(original)
    for f in result.findings:
        assert isinstance(f.start, int) and isinstance(f.end, int)
        assert 0 <= f.start <= f.end <= len(original), f
        assert original[f.start : f.end] == f.text, f
        assert f.rule and f.plugin and f.severity in ("info", "warning", "error") and f.message, f
        assert (f.line, f.column) == expected_line_col(starts, f.start), f
        assert (f.end_line, f.end_column) == expected_line_col(starts, f.end), f
    assert [(f.start, f.end) for f in result.findings] == sorted((f.start, f.end) for f in result.findings)
    # Sentences: in order, not overlapping, trimmed, and every non-space character in exactly one.
    covered = [0] * len(prose)
    previous_end = 0
    for i, s in enumerate(article.sentences):
        assert s.index == i
        assert previous_end <= s.start < s.end <= len(prose), s
        assert s.text == prose[s.start : s.end]
        assert not s.text[0].isspace() and not s.text[-1].isspace(), s
        for k in range(s.start, s.end):
            covered[k] += 1
        previous_end = s.end
    for k, ch in enumerate(prose):
        if not ch.isspace():
            assert covered[k] == 1, f"character {k} ({ch!r}) lies in {covered[k]} sentences"
    # Quotations and attributions point inside the text too.
    for q in article.quotes:
        assert 0 <= q.start < q.end <= len(prose), q
    for a in article.attributions:
        for span in (a.cue, a.source, a.content):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(prose) and prose[span.start : span.end] == span.text, a


@FAST
@given(TEXTS)
def test_any_text_audits_without_error_and_every_finding_points_at_its_text(text):
    assert_well_formed(AUDITOR.audit_text(text))


@FAST
@given(TEXTS, st.sampled_from(["markdown", "html"]))
def test_markdown_and_html_prose_views_keep_every_property(text, fmt):
    assert_well_formed(AUDITOR.check(make_article(text, f"draft.{fmt}", fmt)))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Officials said it failed.", "“It is over,” he said.", "reportedly", "x"]),
                min_size=1, max_size=12),
       st.lists(st.sampled_from(["\n", "\r\n", "\r", "\r\r\n", "\n\r"]), min_size=12, max_size=12))
def test_line_and_column_follow_crlf_and_lone_cr(lines, endings):
    text = "".join(line + ending for line, ending in zip(lines, endings))
    result = AUDITOR.audit_text(text)
    assert_well_formed(result)
    flagged = [f for f in result.findings if f.text == "Officials"]
    assert len(flagged) == lines.count("Officials said it failed.")


def test_line_and_column_of_a_known_text():
    # A hand-checked case, so the oracle above cannot be wrong in the same way as the code.
    text = "Fine.\r\nAll good.\rStill fine.\nOfficials said it failed."
    [finding] = [f for f in AUDITOR.audit_text(text).findings if f.rule == "unnamed-source"]
    assert (finding.text, finding.line, finding.column) == ("Officials", 4, 1)


@settings(max_examples=60, deadline=None)
@given(TEXTS)
def test_the_same_text_always_gives_the_same_report(text):
    first = AUDITOR.audit_text(text, "a.txt").to_dict()
    again = Auditor().audit_text(text, "a.txt").to_dict()
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(NEWSY, min_size=3, max_size=5))
def test_the_report_is_the_same_whatever_the_number_of_jobs(tmp_path_factory, texts):
    folder = tmp_path_factory.mktemp("articles")
    for i, text in enumerate(texts):
        (folder / f"{i:02}.txt").write_text(text, encoding="utf-8", newline="")
    runner = CliRunner()
    outputs = []
    for jobs in ("1", "2"):
        run = runner.invoke(cli, ["audit", "--format", "json", "--jobs", jobs, "--fail-on", "never", str(folder)])
        if run.exit_code == 2 and "--jobs" in run.output:
            pytest.skip("auditor audit has no --jobs option yet")
        assert run.exit_code in (0, 2), run.output  # 2: a text with NUL is refused as binary, both times
        outputs.append(json.loads(run.stdout))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]["files"]) + len(outputs[0]["errors"]) == len(texts)  # empty files are errors


def test_the_report_does_not_depend_on_the_process_hash_seed(tmp_path):
    # Set and dict-of-set orders change with PYTHONHASHSEED; the report must not.
    import os
    import subprocess
    import sys
    from pathlib import Path

    examples = Path(__file__).resolve().parent.parent / "examples"
    reports = set()
    for seed in ("1", "2"):
        run = subprocess.run([sys.executable, "-m", "auditor", "audit", "--format", "json", "--fail-on", "never",
                              "--isolated", str(examples)], capture_output=True, timeout=120,
                             env={**os.environ, "PYTHONHASHSEED": seed})
        assert run.returncode == 0, run.stderr.decode()[-2000:]
        reports.add(run.stdout)
    assert len(reports) == 1
