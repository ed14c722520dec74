"""`auditor corpus`: an archive audited on local processes or Dask, with statistics per
article and per group, bad articles listed, interrupted runs resumed."""

import csv
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from auditor.engine import Auditor

OUTLETS = ("Daily Post", "Evening Herald", "Wire")


@pytest.fixture(scope="module")
def texts(examples_dir):
    return [p.read_text(encoding="utf-8") for p in sorted(examples_dir.glob("*.txt"))]


def records(texts, n=12):
    """n articles cycling through the examples, with an outlet and a date."""
    return [{"id": f"a{i:02d}", "outlet": OUTLETS[i % 3], "date": f"2024-0{1 + i % 2}-15", "text": texts[i % len(texts)]}
            for i in range(n)]


def write_jsonl(path, items, extra_lines=()):
    with open(path, "w", encoding="utf-8") as handle:
        for item in items:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        for line in extra_lines:
            handle.write(line + "\n")
    return str(path)


def corpus(*args):
    """One run; one process and no charts unless asked, to keep the tests fast."""
    defaults = [] if "--engine" in args else ["-j", "1"]
    defaults += [] if "--charts" in args else ["--no-charts"]
    return CliRunner().invoke(cli, ["corpus", "--no-progress", *defaults, *map(str, args)], catch_exceptions=False)


def outputs(out):
    """The files a user reads, as text."""
    return {name: (Path(out) / name).read_text(encoding="utf-8")
            for name in ("findings.jsonl", "articles.csv", "groups.csv", "errors.jsonl")}


def table(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_local_processes_and_a_two_worker_dask_cluster_give_identical_results(texts, tmp_path):
    pytest.importorskip("distributed")
    archive = write_jsonl(tmp_path / "archive.jsonl", records(texts))
    common = [archive, "--group-by", "outlet", "--partition-size", "4"]
    one = corpus(*common, "--out", tmp_path / "one", "-j", "1")
    two = corpus(*common, "--out", tmp_path / "two", "-j", "2")
    dask = corpus(*common, "--out", tmp_path / "dask", "--engine", "dask", "-j", "2")
    assert one.exit_code == two.exit_code == dask.exit_code == 0, dask.output
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two") == outputs(tmp_path / "dask")
    run = json.loads((tmp_path / "dask" / "run.json").read_text())
    assert run["engine"] == "dask" and run["partitions"] == 3 and run["articles"] == 12
    assert outputs(tmp_path / "one")["findings.jsonl"].count("\n") > 12


def test_findings_carry_the_article_id_and_metadata_and_groups_add_up(texts, tmp_path):
    items = records(texts)
    out = tmp_path / "out"
    result = corpus(write_jsonl(tmp_path / "a.jsonl", items), "--out", out, "--group-by", "outlet",
                    "--group-by", "date[:7]")
    assert result.exit_code == 0
    findings = [json.loads(line) for line in (out / "findings.jsonl").open(encoding="utf-8")]
    first = next(f for f in findings if f["id"] == "a01")
    assert first["metadata"] == {"outlet": "Evening Herald", "date": "2024-02-15"}
    assert first["group"] == "Evening Herald / 2024-02"
    assert {"rule", "plugin", "severity", "message", "start", "end", "line", "column"} <= set(first)

    articles = table(out / "articles.csv")
    assert [row["id"] for row in articles] == [item["id"] for item in items]
    auditor = Auditor()
    for row, item in zip(articles, items):
        result_ = auditor.audit_text(item["text"])
        attributions = result_.article.attributions
        assert int(row["findings"]) == len(result_.findings)
        assert int(row["attributions"]) == len(attributions)
        assert int(row["unnamed"]) == sum(a.source_kind == "unnamed" for a in attributions)
        assert int(row["unnamed"]) == sum(f.rule == "unnamed-source" for f in result_.findings)
        assert int(row["words"]) == len(item["text"].split())

    groups = {row["group"]: row for row in table(out / "groups.csv")}
    assert sum(int(g["articles"]) for g in groups.values()) == len(items)
    herald = [row for row in articles if row["group"] == "Evening Herald / 2024-02"]
    group = groups["Evening Herald / 2024-02"]
    assert int(group["articles"]) == len(herald)
    assert int(group["unnamed"]) == sum(int(row["unnamed"]) for row in herald)
    unnamed, attributions = int(group["unnamed"]), int(group["attributions"])
    assert float(group["unnamed_share"]) == pytest.approx(unnamed / attributions if attributions else 0, abs=1e-4)
    assert "Evening Herald / 2024-02" in result.stdout  # the summary table


def test_csv_with_quoted_multiline_text_gives_the_same_statistics_as_json_lines(texts, tmp_path):
    items = records(texts, 7)
    with open(tmp_path / "a.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["id", "outlet", "date", "body"])
        writer.writeheader()
        writer.writerows({**{k: v for k, v in item.items() if k != "text"}, "body": item["text"]} for item in items)
    assert "\n" in items[0]["text"] and '"' in "".join(item["text"] for item in items)
    from_csv = corpus(tmp_path / "a.csv", "--text-field", "body", "--out", tmp_path / "csv", "--partition-size", "2")
    from_jsonl = corpus(write_jsonl(tmp_path / "a.jsonl", items), "--out", tmp_path / "jsonl")
    assert from_csv.exit_code == from_jsonl.exit_code == 0
    assert table(tmp_path / "csv" / "articles.csv") == table(tmp_path / "jsonl" / "articles.csv")


def test_a_bad_article_is_listed_with_its_id_and_the_run_goes_on(texts, tmp_path):
    plugin = tmp_path / "explodes.py"
    plugin.write_text(
        "import auditor\n"
        "@auditor.hookimpl\n"
        "def auditor_check_article(article):\n"
        "    if 'EXPLODE' in article.text:\n"
        "        raise RuntimeError('boom')\n"
    )
    items = records(texts, 5) + [{"id": "fragile", "text": "Officials said it would EXPLODE."}]
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, items, ['{"id": "cut", "text": "Officials sa', '{"id": "empty"}'])
    with open(archive, "ab") as handle:
        handle.write(b'{"id": "latin", "text": "caf\xe9"}\n')
    out = tmp_path / "out"
    result = corpus(archive, "--out", out, "--plugin", plugin, "--partition-size", "3")
    assert result.exit_code == 0
    errors = {e["id"]: e["error"] for e in map(json.loads, (out / "errors.jsonl").open(encoding="utf-8"))}
    assert errors.keys() == {f"{archive}:7", "empty", f"{archive}:9", "fragile"}
    assert "not a JSON object" in errors[f"{archive}:7"]
    assert "no 'text' field" in errors["empty"]
    assert "not valid utf-8" in errors[f"{archive}:9"]
    assert "boom" in errors["fragile"]
    # The article a plugin failed on is still counted, with the other plugins' findings.
    assert [row["id"] for row in table(out / "articles.csv")] == [item["id"] for item in items]
    assert "errors.jsonl" in result.stderr


def test_an_interrupted_run_resumes_without_redoing_finished_partitions(texts, tmp_path, monkeypatch):
    flag = tmp_path / "interrupt"
    plugin = tmp_path / "interrupts.py"
    plugin.write_text(
        "import os\n"
        "import auditor\n"
        "@auditor.hookimpl\n"
        "def auditor_check_article(article):\n"
        "    if article.path == 'a08' and os.path.exists(os.environ['CORPUS_TEST_FLAG']):\n"
        "        raise KeyboardInterrupt  # as Ctrl-C during the third partition\n"
    )
    monkeypatch.setenv("CORPUS_TEST_FLAG", str(flag))
    archive = write_jsonl(tmp_path / "a.jsonl", records(texts, 10))
    out = tmp_path / "out"
    args = [archive, "--out", out, "--plugin", plugin, "--partition-size", "4"]
    flag.touch()
    interrupted = corpus(*args)
    assert interrupted.exit_code == 130 and "resume" in interrupted.stderr
    parts = out / "parts"
    done = {p.name: p.stat().st_mtime_ns for p in parts.glob("part-*")}
    assert sorted(p for p in done if p.endswith(".json")) == ["part-000000.json", "part-000001.json"]

    flag.unlink()
    resumed = corpus(*args)
    assert resumed.exit_code == 0
    assert "resuming: 2 partition(s) already done, 1 to audit" in resumed.stderr
    assert {name: (parts / name).stat().st_mtime_ns for name in done} == done  # not rewritten
    assert json.loads((out / "run.json").read_text())["audited_now"] == 2

    assert corpus(*args[:2], tmp_path / "fresh", *args[3:]).exit_code == 0  # one uninterrupted run
    assert outputs(out) == outputs(tmp_path / "fresh")


def test_charts_are_drawn_as_png(texts, tmp_path):
    pytest.importorskip("matplotlib")
    out = tmp_path / "out"
    assert corpus(write_jsonl(tmp_path / "a.jsonl", records(texts, 6)), "--out", out,
                  "--group-by", "outlet", "--charts").exit_code == 0
    for name in ("unnamed_share_by_group.png", "per_article_distribution.png"):
        assert (out / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_unusable_input_stops_before_any_work(tmp_path):
    result = corpus(tmp_path / "missing.jsonl", "--out", tmp_path / "out")
    assert result.exit_code == 2 and "no such file" in result.stderr
    (tmp_path / "a.csv").write_text("id,body\n1,Officials said so.\n")
    result = corpus(tmp_path / "a.csv", "--out", tmp_path / "out")
    assert result.exit_code == 2 and "no column 'text'" in result.stderr
    assert not os.path.exists(tmp_path / "out" / "parts" / "part-000000.json")
