"""The `auditor` command as a user runs it: audit, plugins, rules, eval."""

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from auditor.engine import GC_THRESHOLD, collect_garbage_less_often

SEED = "examples/seed-style.txt"


def run(*args, input=None):
    """Exit code and standard output of one in-process run (standard error: run_err)."""
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout


def run_err(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False).stderr


def test_table_lists_findings_per_file_with_a_summary(examples_dir):
    code, out = run("audit", str(examples_dir / "seed-style.txt"))
    assert code == 1  # unnamed sources are warnings, the default --fail-on level
    assert out.startswith(str(examples_dir / "seed-style.txt"))
    assert "where" in out and "rule" in out and "message" in out
    assert "1:14" in out  # "Lebanese media reports" starts at line 1, column 14
    assert "Lebanese media reports" in out
    assert out.rstrip().splitlines()[-1].startswith("13 sentences;")


def test_json_has_the_documented_shape_and_exact_spans(examples_dir):
    path = examples_dir / "seed-style.txt"
    code, out = run("audit", str(path), "--format", "json")
    report = json.loads(out)
    text = path.read_text(encoding="utf-8")
    assert report["version"] == 1 and report["errors"] == []
    (file,) = report["files"]
    assert file["path"] == str(path) and file["sentences"] == 13 and file["errors"] == []
    assert file["findings"], "the seed-style example has findings"
    lines = text.splitlines(keepends=True)
    for f in file["findings"]:
        assert set(f) == {"rule", "plugin", "severity", "message", "start", "end", "line", "column",
                          "end_line", "end_column", "text", "data"}
        assert text[f["start"]:f["end"]] == f["text"]
        assert sum(len(l) for l in lines[: f["line"] - 1]) + f["column"] - 1 == f["start"]
    starts = [f["start"] for f in file["findings"]]
    assert starts == sorted(starts)


def test_jsonl_gives_one_finding_a_line_with_its_path(examples_dir):
    code, out = run("audit", str(examples_dir / "wire-style.txt"), "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(r["path"].endswith("wire-style.txt") and "rule" in r for r in rows)


def test_stdin_is_audited_as_one_article():
    code, out = run("audit", "-", "--format", "json", input="Officials said the plan had failed.\n")
    (file,) = json.loads(out)["files"]
    assert file["path"] == "<stdin>"
    assert [(f["rule"], f["text"]) for f in file["findings"] if f["rule"] == "unnamed-source"] == [
        ("unnamed-source", "Officials")
    ]


def test_a_folder_is_walked_and_a_missing_file_does_not_stop_the_others(examples_dir, tmp_path):
    code, out = run("audit", str(examples_dir), str(tmp_path / "missing.txt"), "--format", "json")
    report = json.loads(out)
    audited = {p["path"].rsplit("/", 1)[-1] for p in report["files"]}
    assert {"seed-style.txt", "wire-style.txt", "clean.txt"} <= audited
    assert report["errors"] == [{"path": str(tmp_path / "missing.txt"), "message": "no such file"}]
    assert code == 2


@pytest.mark.parametrize(
    "fail_on, expected",
    [("info", 1), ("warning", 1), ("error", 0), ("never", 0)],
)
def test_fail_on_sets_the_exit_code(examples_dir, fail_on, expected):
    code, _ = run("audit", str(examples_dir / "seed-style.txt"), "--fail-on", fail_on)
    assert code == expected


def test_select_and_ignore_take_rule_ids(examples_dir):
    path = str(examples_dir / "seed-style.txt")
    _, out = run("audit", path, "--format", "json", "--select", "unnamed-source")
    assert {f["rule"] for f in json.loads(out)["files"][0]["findings"]} == {"unnamed-source"}
    _, out = run("audit", path, "--format", "json", "--ignore", "unnamed-source,paraphrased-quote")
    assert {f["rule"] for f in json.loads(out)["files"][0]["findings"]} == {"named-researcher"}
    code, _ = run("audit", path, "--select", "no-such-rule")
    assert code == 2 and "unknown rule id(s): no-such-rule" in run_err("audit", path, "--select", "no-such-rule")


def test_clean_article_passes(examples_dir):
    code, out = run("audit", str(examples_dir / "clean.txt"))
    assert code == 0
    assert "no findings" in out


def test_plugins_and_rules_list_the_built_ins():
    code, out = run("plugins")
    assert code == 0
    for name, rule in [("unnamed-sources", "unnamed-source"), ("paraphrased-quotes", "paraphrased-quote"),
                       ("named-researchers", "named-researcher")]:
        line = next(l for l in out.splitlines() if l.startswith(name))
        assert "built-in" in line and rule in line
    code, out = run("rules")
    assert code == 0
    assert all(r in out for r in ("unnamed-source", "paraphrased-quote", "named-researcher"))


def test_eval_prints_precision_recall_f1_per_rule(examples_dir):
    code, out = run("eval", str(examples_dir / "gold.jsonl"))
    assert code == 0
    header = out.splitlines()[0].split()
    assert header == ["rule", "gold", "found", "tp", "fp", "fn", "precision", "recall", "f1"]
    assert {l.split()[0] for l in out.splitlines()[2:]} == {"unnamed-source", "paraphrased-quote", "named-researcher"}


def test_a_plugin_that_raises_is_reported_and_hides_nothing(tmp_path):
    plugin = tmp_path / "broken.py"
    plugin.write_text(
        "import auditor\n"
        "@auditor.hookimpl\n"
        "def auditor_check_sentence(sentence, article):\n"
        "    raise RuntimeError('boom')\n"
    )
    article = tmp_path / "a.txt"
    article.write_text("Title\nOfficials said the plan had failed.\n")
    code, out = run("audit", str(article), "--plugin", str(plugin), "--format", "json")
    (file,) = json.loads(out)["files"]
    assert code == 2
    assert [f["text"] for f in file["findings"] if f["rule"] == "unnamed-source"] == ["Officials"]
    (error,) = file["errors"]
    assert error["plugin"] == "broken" and "RuntimeError" in error["message"] and "boom" in error["message"]
    assert error["line"] == 1


def test_console_script_and_python_m_run_the_same_cli(examples_dir):
    console_script = str(Path(sys.executable).with_name("auditor"))
    for command in ([console_script], [sys.executable, "-m", "auditor"]):
        done = subprocess.run(
            [*command, "audit", str(examples_dir / "clean.txt")], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        assert "no findings" in done.stdout


#: Modules `auditor audit --format json` on a plain-text article has no use for: other
#: commands and formats, and what only an error message or a configuration file needs
#: (tomllib: the project's pyproject.toml does not mention auditor).  Each costs start-up
#: time on every run (pathlib alone several ms).
NOT_FOR_A_TEXT_AUDIT = (
    "auditor.commands.info", "auditor.commands.evaluate", "auditor.commands.sources", "auditor.commands.corpus",
    "auditor.commands.new_plugin", "auditor.ledger", "auditor.html_report", "auditor.machine_formats",
    "auditor.declarative", "auditor.gitdiff", "auditor.evaluate", "auditor.corpus", "auditor.formats.markdown",
    "auditor.formats.html", "tabulate", "markdown_it", "csv", "difflib", "importlib.metadata", "email", "zipfile",
    "pathlib", "multiprocessing", "concurrent.futures", "subprocess", "tempfile", "textwrap", "tomllib",
)


def test_audit_of_a_text_file_imports_only_what_it_needs(examples_dir, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text((examples_dir / "seed-style.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "newsroom-tools"\n')
    script = (
        "import json, sys\n"
        # Forgotten first, so that an import during the run shows even of a module Python's
        # start-up already loaded (an editable install's import hook loads pathlib).
        f"unwanted = {NOT_FOR_A_TEXT_AUDIT!r}\n"
        "for name in unwanted: sys.modules.pop(name, None)\n"
        f"sys.argv = ['auditor', 'audit', '--format', 'json', {str(article)!r}]\n"
        "from auditor.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps([name for name in unwanted if name in sys.modules]), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert json.loads(done.stdout)["files"][0]["findings"]
    assert json.loads(done.stderr.splitlines()[-1]) == []


def test_the_command_runs_the_garbage_collector_less_often(tmp_path):
    # Speed is measured by benchmarks/, never timed here; what is tested is that the
    # command's process has the setting the benchmark's figures were measured with.
    script = (
        "import gc, sys\n"
        "sys.argv = ['auditor', 'rules']\n"
        "from auditor.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(gc.get_threshold()[0], file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert int(done.stderr.splitlines()[-1]) == GC_THRESHOLD


@pytest.mark.parametrize(("before", "after"), [(700, GC_THRESHOLD), (10 * GC_THRESHOLD, 10 * GC_THRESHOLD), (0, 0)])
def test_collecting_less_often_never_collects_more_often_nor_turns_collection_back_on(before, after):
    kept = gc.get_threshold()
    try:
        gc.set_threshold(before, *kept[1:])
        collect_garbage_less_often()
        assert gc.get_threshold() == (after, *kept[1:])
    finally:
        gc.set_threshold(*kept)
