"""Machine formats from real runs on examples/: SARIF against the official 2.1.0
schema, GitHub workflow commands parsed back to the flagged text, Markdown, CSV;
--output written atomically; --diff-base on a real git repository."""

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from auditor.machine_formats import workflow_command
from auditor.output import write_atomically

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
INPUTS = ["examples/drafts", "examples/seed-style.txt"]


def run(*args):
    result = CliRunner().invoke(cli, ["audit", "--isolated", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def reference():
    """The run's findings as JSON: what every other format must carry."""
    code, out, _ = run(*INPUTS, "--format", "json", "--jobs", "1")
    assert code == 1
    found = [dict(f, path=file["path"]) for file in json.loads(out)["files"] for f in file["findings"]]
    assert {Path(f["path"]).suffix for f in found} == {".md", ".html", ".txt"}
    return found


def line_col_text(path, line, column, end_line, end_column):
    """The text of a file between two 1-based line/column positions (end exclusive)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines(keepends=True)
    if line == end_line:
        return lines[line - 1][column - 1 : end_column - 1]
    return lines[line - 1][column - 1 :] + "".join(lines[line : end_line - 1]) + lines[end_line - 1][: end_column - 1]


def test_sarif_validates_against_the_official_schema_and_points_at_the_text(reference):
    jsonschema = pytest.importorskip("jsonschema")
    code, out, _ = run(*INPUTS, "--format", "sarif")
    log = json.loads(out)
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text())).validate(log)
    assert log["version"] == "2.1.0" and code == 1
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert {"unnamed-source", "paraphrased-quote", "named-researcher"} <= {r["id"] for r in rules}
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["defaultConfiguration"]["level"] in ("note", "warning", "error")
    results = run_["results"]
    assert len(results) == len(reference)
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        region = location["region"]
        text = line_col_text(location["artifactLocation"]["uri"], region["startLine"], region["startColumn"],
                             region["endLine"], region["endColumn"])
        assert text == region["snippet"]["text"]
        original = Path(location["artifactLocation"]["uri"]).read_text(encoding="utf-8")
        assert original[region["charOffset"] : region["charOffset"] + region["charLength"]] == text


def test_sarif_reports_unreadable_files_as_failed_execution(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    code, out, _ = run(str(tmp_path / "missing.md"), "--format", "sarif")
    log = json.loads(out)
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text())).validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert code == 2 and invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "no such file"


GITHUB_LINE = re.compile(r"^::(?P<command>notice|warning|error) (?P<properties>[^:]*)::(?P<message>.*)$")


def unescape(value):
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_github_annotations_parse_back_to_the_flagged_text(reference):
    code, out, _ = run(*INPUTS, "--format", "github")
    lines = out.splitlines()
    assert len(lines) == len(reference) and code == 1
    levels = {"info": "notice", "warning": "warning", "error": "error"}
    for line, finding in zip(lines, reference):
        m = GITHUB_LINE.match(line)
        assert m, line
        props = dict(item.split("=", 1) for item in m.group("properties").split(","))
        props = {k: unescape(v) for k, v in props.items()}
        where = [int(props[k]) for k in ("line", "col", "endLine", "endColumn")]
        assert line_col_text(props["file"], *where) == finding["text"]
        assert props["title"] == f"auditor {finding['rule']}" and m.group("command") == levels[finding["severity"]]
        assert unescape(m.group("message")) == finding["message"]


def test_github_escapes_data_and_properties():
    line = workflow_command("warning", {"file": "a,b:c%.md", "line": 3}, "100% sure\r\nsecond, line: yes")
    assert line == "::warning file=a%2Cb%3Ac%25.md,line=3::100%25 sure%0D%0Asecond, line: yes"


def test_odd_file_names_stay_one_annotation_and_a_valid_uri(tmp_path):
    # A line break, a comma, a colon and a percent sign in one name; bytes that are not UTF-8 in another.
    from urllib.parse import unquote_to_bytes

    odd = "two\nlines, a:b 100%.txt"
    (tmp_path / odd).write_text("Officials said the talks failed.\n")
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "wb") as handle:
        handle.write(b"Officials said the talks failed.\n")

    def audit(fmt):  # a real process: the name's bytes go to stdout as they are
        done = subprocess.run([sys.executable, "-m", "auditor", "audit", "--isolated", "--select", "unnamed-source",
                               "--format", fmt, "."],
                              cwd=tmp_path, capture_output=True, timeout=60)
        assert done.returncode == 1 and not done.stderr, done.stderr
        return os.fsdecode(done.stdout)

    github, sarif = audit("github"), json.loads(audit("sarif"))
    lines = github.splitlines()
    assert len(lines) == 2 and all(GITHUB_LINE.match(line) for line in lines)
    files = {unescape(dict(item.split("=", 1) for item in GITHUB_LINE.match(line).group("properties").split(","))["file"])
             for line in lines}
    assert odd in files and len(files) == 2  # (cli.py writes a byte that is not UTF-8 as "\\udce9")
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {"two%0Alines%2C%20a%3Ab%20100%25.txt", "caf%E9.txt"}
    assert {unquote_to_bytes(uri) for uri in uris} == {os.fsencode(odd), b"caf\xe9.txt"}


def test_table_shows_each_error_once_on_standard_error(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Officials said the talks failed.\n")
    broken = tmp_path / "broken.py"
    broken.write_text("import auditor\n\n@auditor.hookimpl\ndef auditor_check_sentence(sentence, article):\n"
                      "    raise KeyError('x')\n")
    result = CliRunner().invoke(cli, ["audit", "--isolated", "--plugin", str(broken), str(draft),
                                      str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert "unnamed-source" in result.stdout and "error:" not in result.stdout and "KeyError" not in result.stdout
    errors = sorted(result.stderr.splitlines())
    assert len(errors) == 2
    assert errors[0].startswith(f"error: {draft}:1:1: plugin 'broken' raised KeyError in auditor_check_sentence")
    assert errors[1] == f"error: {tmp_path / 'missing.txt'}: no such file"


def test_markdown_summary_lists_every_finding(reference):
    code, out, _ = run(*INPUTS, "--format", "markdown")
    assert out.startswith(f"## auditor: {len(reference)} findings in 3 files (3 files audited)\n")
    rows = [line for line in out.splitlines() if re.match(r"^\| \d+:\d+ ", line)]
    assert len(rows) == len(reference)
    for path in {f["path"] for f in reference}:
        assert f"### {path}" in out


def test_csv_rows_match_the_findings(reference):
    code, out, _ = run(*INPUTS, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["path"], int(r["line"]), int(r["column"]), r["rule"], r["text"]) for r in rows] == [
        (f["path"], f["line"], f["column"], f["rule"], f["text"]) for f in reference
    ]


# -- --output ------------------------------------------------------------------------------
def test_output_file_replaces_the_report_whole(tmp_path, reference):
    target = tmp_path / "report.sarif"
    code, out, _ = run(*INPUTS, "--format", "sarif", "--output", str(target))
    assert out == "" and code == 1
    assert len(json.loads(target.read_text())["runs"][0]["results"]) == len(reference)
    assert os.listdir(tmp_path) == ["report.sarif"]


def test_an_interrupted_write_leaves_the_old_report_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text("old report")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(str(target), "new report " * 1000)
    assert target.read_text() == "old report"
    assert os.listdir(tmp_path) == ["report.json"]


# -- --diff-base ---------------------------------------------------------------------------
def git(*args, cwd):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def test_diff_base_reports_only_changed_lines(tmp_path, monkeypatch):
    git("init", "-q", cwd=tmp_path)
    draft = tmp_path / "draft.md"
    draft.write_text("It is understood that the talks failed.\n\nThe minister resigned.\n")
    git("add", "draft.md", cwd=tmp_path)
    git("commit", "-q", "-m", "first", cwd=tmp_path)
    draft.write_text("It is understood that the talks failed.\n\nThe minister resigned, according to local media.\n")
    (tmp_path / "new.txt").write_text("It is understood that nobody won.\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(".", "--select", "unnamed-source", "--format", "json", "--diff-base", "HEAD")
    found = {(Path(file["path"]).name, f["line"], f["text"]) for file in json.loads(out)["files"] for f in file["findings"]}
    assert found == {("draft.md", 3, "local media"), ("new.txt", 1, "It is understood")}
    code, out, _ = run(".", "--select", "unnamed-source", "--format", "json")
    assert len([f for file in json.loads(out)["files"] for f in file["findings"]]) == 3


def test_diff_base_with_an_unknown_ref_is_exit_2(tmp_path, monkeypatch):
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "a.md").write_text("Text.\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("a.md", "--diff-base", "no-such-ref")
    assert code == 2 and "--diff-base no-such-ref" in err


def test_json_lines_of_findings_are_exactly_their_dicts():
    # The JSON writers fill a template for speed; it must say what Finding.to_dict() says,
    # key for key, for every kind of value a finding carries.
    from auditor import Finding, audit_text
    from auditor.output import _ONE_LINE, finding_json

    text = Path(__file__).resolve().parent.parent.joinpath("examples", "seed-style.txt").read_text()
    findings = audit_text(text).findings
    odd = [Finding("unnamed-source", 0, 3, 'quote " and \\ and \u2028 and \U0001f600', data={"n": 1.5, "list": [None, True]}),
           Finding("unnamed-source", 0, 0, "", severity="error", plugin="p\u00e9", text="\t")]
    assert findings
    for finding in findings + odd:
        assert finding_json(finding) == _ONE_LINE(finding.to_dict())
        assert json.loads(finding_json(finding)) == finding.to_dict()
