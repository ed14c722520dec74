"""The source ledger: `auditor sources` and auditor.ledger, on short texts of our own."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

import auditor
from auditor import Attribution, Span
from auditor.cli import cli
from auditor.engine import Auditor
from auditor.ledger import UNNAMED_KINDS, Ledger, LedgerEntry, ledger_of_text, sources

MIXED_SOURCING = (
    "Officials said the bridge would close for a month.\n"
    "“We will reopen it by June,” said Ana Costa. She said the repairs would cost more than planned.\n"
    "According to the city’s annual report, traffic on the bridge fell by a tenth.\n"
    "A spokeswoman for the port authority said that ships were waiting “for days on end.”\n"
    "The harbour is reportedly closed.\n"
)


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["sources", *args], input=input)


def rows(ledger: Ledger) -> list[tuple]:
    return [(e.source.text if e.source else None, e.kind, e.form) for e in ledger.entries]


def test_one_row_per_attribution_with_its_kind_and_form():
    ledger = ledger_of_text(MIXED_SOURCING)
    assert rows(ledger) == [
        ("Officials", "unnamed", "indirect"),
        ("Ana Costa", "named_person", "direct"),
        ("She", "named_person", "indirect"),
        ("the city’s annual report", "document", "indirect"),
        ("A spokeswoman for the port authority", "title_only", "mixed"),
        rows(ledger)[-1],
    ]
    # "reportedly" names nobody: kind "unnamed", nothing as the source.
    assert (rows(ledger)[-1][0], rows(ledger)[-1][2]) == (None, "indirect") and ledger.entries[-1].kind in UNNAMED_KINDS
    assert [e.cue.text for e in ledger.entries] == ["said", "said", "said", "According to", "said that", "reportedly"]
    assert ledger.entries[1].content.text == "“We will reopen it by June,”"
    assert ledger.entries[0].content.text == "the bridge would close for a month"


def test_a_pronoun_is_shown_with_the_name_it_resolves_to_and_counted_once():
    ledger = ledger_of_text("“We will reopen it,” said Ana Costa. She said the repairs would cost more.")
    she = ledger.entries[1]
    assert (she.source.text, she.resolved, she.who) == ("She", "Ana Costa", "Ana Costa")
    assert ledger.summary.distinct_sources == 1
    table = run("-", input="“We will reopen it,” said Ana Costa. She said the repairs would cost more.\n").output
    she_row = next(line for line in table.splitlines() if line.split()[1:2] == ["She"])
    assert "Ana Costa" in she_row


def test_summary_counts_and_shares():
    summary = ledger_of_text(MIXED_SOURCING).summary
    assert summary.attributions == 6
    # Officials, Ana Costa (also "She"), the report, the spokeswoman; "reportedly" names nobody.
    assert summary.distinct_sources == 4
    assert (summary.unnamed, summary.share_unnamed) == (2, 2 / 6)
    assert (summary.paraphrased, summary.share_paraphrased) == (5, 5 / 6)
    assert summary.direct_quotes == 1
    assert summary.researchers == ()
    empty = ledger_of_text("The bridge is closed.\n").summary
    assert (empty.attributions, empty.share_unnamed, empty.share_paraphrased) == (0, 0.0, 0.0)


def test_named_researchers_with_what_their_citation_lacks():
    ledger = ledger_of_text("Economist Jane Doe said prices would rise.\n")
    [researcher] = ledger.summary.researchers
    assert researcher.name == "Jane Doe"
    assert researcher.missing == ("affiliation", "venue", "date")
    assert (researcher.line, researcher.column) == (1, 11)
    out = run("-", input="Economist Jane Doe said prices would rise.\n").output
    assert "named researcher Jane Doe (1:11): citation lacks affiliation, venue, date" in out


def test_resolution_comes_from_the_attribution_finder():
    """The ledger shows and counts whatever name the finder resolved a source to."""

    class Finder:
        __name__ = "finder"

        @auditor.hookimpl
        def auditor_find_attributions(self, article):
            text = article.text
            militia = text.index("The militia")
            said = text.index("said", militia)
            return [Attribution(Span(said, said + 4, "said"), Span(militia, militia + 11, "The militia"),
                                Span(said + 5, len(text) - 2, text[said + 5 : len(text) - 2]),
                                "named_org", "indirect", 1, resolved="the Cedar Brigade")]

    text = "The Cedar Brigade fired. The militia said it would respond.\n"
    ledger = ledger_of_text(text, auditor=Auditor([Finder()], entry_points=False))
    [entry] = ledger.entries
    assert (entry.source.text, entry.resolved, entry.kind) == ("The militia", "the Cedar Brigade", "named_org")
    assert ledger.summary.distinct_sources == 1


def test_a_resolved_name_written_out_in_full_elsewhere_is_one_source():
    class Finder:
        __name__ = "finder"

        @auditor.hookimpl
        def auditor_find_attributions(self, article):
            def span(words, after=0):
                start = article.text.index(words, after)
                return Span(start, start + len(words), words)

            full, he = span("Economist Tom Okafor of the Resolution Foundation"), span("he")
            return [
                Attribution(span("said"), full, span("rents rose"), "named_person", "indirect", 0),
                Attribution(span("said", he.end), he, span("wages did not"), "named_person", "indirect", 1,
                            resolved="Tom Okafor"),
                Attribution(span("added"), span("Tom Okaforsen"), span("nothing"), "named_person", "indirect", 2),
            ]

    text = ("Economist Tom Okafor of the Resolution Foundation said rents rose. Later he said wages did not. "
            "Tom Okaforsen added nothing.\n")
    ledger = ledger_of_text(text, auditor=Auditor([Finder()], entry_points=False))
    assert [e.who for e in ledger.entries] == [
        "Economist Tom Okafor of the Resolution Foundation", "Tom Okafor", "Tom Okaforsen"]
    assert ledger.summary.distinct_sources == 2  # whole words only: Okaforsen is someone else


OFFSETS_TEXT = "Zoë’s café 🚢 reopened.\r\nOfficials said the ferry 🚢 would run again.\r\n“Soon,” said Ana Costa.\r\n"


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_machine_formats_give_exact_offsets(tmp_path, fmt):
    path = tmp_path / "offsets.txt"
    path.write_bytes(OFFSETS_TEXT.encode("utf-8"))
    result = run("--format", fmt, str(path))
    assert result.exit_code == 0, result.output
    if fmt == "json":
        entries = json.loads(result.output)["files"][0]["attributions"]
    elif fmt == "jsonl":
        entries = [r for r in map(json.loads, result.output.splitlines()) if "cue" in r]
    else:
        entries = []
        for r in csv.DictReader(io.StringIO(result.output)):
            spans = {}
            for part in ("source", "cue", "content"):
                spans[part] = {"text": r[part], "start": int(r[f"{part}_start"]), "end": int(r[f"{part}_end"])}
            entries.append({**r, **spans, "start": int(r["start"]), "line": int(r["line"]), "column": int(r["column"])})
    assert [e["cue"]["text"] for e in entries] == ["said", "said"]
    for e in entries:
        for part in ("source", "cue", "content"):
            span = e[part]
            assert OFFSETS_TEXT[span["start"] : span["end"]] == span["text"]
        line_start = OFFSETS_TEXT.rfind("\n", 0, e["start"]) + 1
        assert (int(e["line"]), int(e["column"])) == (OFFSETS_TEXT.count("\n", 0, e["start"]) + 1, e["start"] - line_start + 1)
    assert entries[0]["source"]["text"] == "Officials" and entries[0]["line"] == 2


def test_json_has_the_summary_and_jsonl_a_summary_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(MIXED_SOURCING, encoding="utf-8")
    data = json.loads(run("--format", "json", str(path)).output)
    assert data["files"][0]["summary"]["attributions"] == 6
    assert data["files"][0]["summary"]["share_unnamed"] == round(2 / 6, 4)
    lines = [json.loads(line) for line in run("--format", "jsonl", str(path)).output.splitlines()]
    assert [line["summary"]["direct_quotes"] for line in lines if "summary" in line] == [1]
    assert sum("cue" in line for line in lines) == 6


def test_table_and_markdown(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(MIXED_SOURCING, encoding="utf-8")
    table = run(str(path)).output
    assert table.splitlines()[0] == str(path)
    assert table.splitlines()[1].split() == ["where", "source", "resolves", "to", "kind", "form", "cue", "content"]
    assert "6 attributions, 4 distinct sources; unnamed 33% (2), paraphrased 83% (5), direct quotes 1" in table
    assert "title only" in table and "2:46" in table
    markdown = run("--format", "markdown", str(path)).output
    assert markdown.startswith(f"### {path}\n")
    assert "| where " in markdown and "- 6 attributions" in markdown


def test_python_api_returns_the_ledger_objects(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(MIXED_SOURCING, encoding="utf-8")
    report = sources([path])
    [ledger] = report.ledgers
    assert isinstance(ledger.entries[0], LedgerEntry)
    assert ledger.to_dict() == json.loads(run("--format", "json", str(path)).output)["files"][0]


def test_an_unreadable_input_is_reported_and_the_rest_still_listed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Officials said the bridge would close.\n", encoding="utf-8")
    result = run(str(tmp_path / "missing.txt"), str(good))
    assert result.exit_code == 2
    assert "missing.txt: no such file" in result.output
    assert "Officials" in result.output


def test_markdown_sources_point_into_the_file_as_written(tmp_path):
    path = tmp_path / "draft.md"
    text = "# Bridge\n\n**Officials** said the [bridge](https://example.org/said) would close.\n"
    path.write_text(text, encoding="utf-8")
    [entry] = json.loads(run("--format", "json", str(path)).output)["files"][0]["attributions"]
    source, cue = entry["source"], entry["cue"]
    assert text[source["start"] : source["end"]] == source["text"] == "Officials"
    assert text[cue["start"] : cue["end"]] == cue["text"] == "said"
    assert (entry["line"], entry["column"]) == (3, 3)
    assert "example.org" not in entry["content"]["text"]  # link targets are not prose
