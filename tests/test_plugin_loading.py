"""Loading plugins from files and modules, `auditor plugins`, and refusing or
isolating plugins that cannot work, without losing anyone else's findings."""

import re

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from auditor.declarative import build_plugin
from auditor.engine import Auditor

GOOD = """
import auditor
from auditor import Finding, Rule
__version__ = "0.3"

@auditor.hookimpl
def auditor_rules():
    return [Rule("reportedly", "'reportedly' hides who reported it.")]

@auditor.hookimpl
def auditor_check_sentence(sentence):
    i = sentence.text.find("reportedly")
    if i >= 0:
        yield Finding("reportedly", sentence.start + i, sentence.start + i + 10, "Say who reported it.")
"""

BROKEN = {
    "future.py": ("AUDITOR_CONTRACT = 2\nimport auditor\n@auditor.hookimpl\ndef auditor_rules():\n    return []\n",
                  "refused: it was written for hook contract 2 (AUDITOR_CONTRACT) and this auditor provides contract 1"),
    "typo.py": ("import auditor\n@auditor.hookimpl\ndef auditor_check_sentance(sentence):\n    return []\n",
                "auditor_check_sentance, which is not a hook of contract 1 (did you mean auditor_check_sentence?)"),
    "undecorated.py": ("def auditor_check_sentence(sentence):\n    return []\n",
                       "auditor_check_sentence lacks the @auditor.hookimpl decorator"),
    "badargs.py": ("import auditor\n@auditor.hookimpl\ndef auditor_check_sentence(sentence, paragraph):\n    return []\n",
                   "auditor_check_sentence asks for 'paragraph', which the hook does not pass; it passes sentence, article"),
    "empty.py": ("X = 1\n", "it implements no hook"),
    "crash.py": ("raise RuntimeError('no config found')\n", "failed to load: RuntimeError: no config found"),
    "clash.py": ("import auditor\nfrom auditor import Rule\n@auditor.hookimpl\ndef auditor_rules():\n"
                 "    return [Rule('unnamed-source', 'mine')]\n",
                 "declares rule 'unnamed-source', already declared by plugin 'unnamed-sources'"),
}

ARTICLE = "The minister reportedly resigned.\nOfficials said the talks had failed.\n"


def run(*args):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.py"
    path.write_text(GOOD)
    return path


def plugin_rows(output):
    rows = {}
    for line in output.splitlines()[2:]:
        name, version, origin, rules = line.split(None, 3)
        rows[name] = (version, origin, rules)
    return rows


def test_plugins_lists_file_and_module_plugins_with_origin_version_and_rules(good, tmp_path, monkeypatch):
    (tmp_path / "mypkg").mkdir()
    (tmp_path / "mypkg" / "__init__.py").write_text("")
    (tmp_path / "mypkg" / "checks.py").write_text(GOOD.replace("reportedly", "allegedly").replace('"0.3"', '"1.0"'))
    monkeypatch.syspath_prepend(str(tmp_path))
    result = run("plugins", "--plugin", str(good), "--plugin", "mypkg.checks")
    assert result.exit_code == 0, result.output
    rows = plugin_rows(result.stdout)
    assert rows["good"] == ("0.3", "file", "reportedly")
    assert rows["mypkg.checks"] == ("1.0", "module", "allegedly")
    assert rows["unnamed-sources"][1:] == ("built-in", "unnamed-source")
    assert "reportedly" in run("rules", "--plugin", str(good)).stdout


def test_file_plugin_findings_appear_in_the_table_beside_the_built_ins(good, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    result = run("audit", "--plugin", str(good), str(article))
    assert result.exit_code == 1
    assert re.search(r"\n1:14 +reportedly +warning +reportedly +Say who reported it\.\n", result.stdout)
    assert "2 sentences; " in result.stdout and "reportedly 1" in result.stdout


@pytest.mark.parametrize("filename", sorted(BROKEN))
def test_a_plugin_that_cannot_work_is_refused_clearly_and_the_others_still_report(filename, good, tmp_path):
    source, expected = BROKEN[filename]
    (tmp_path / filename).write_text(source)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    listed = run("plugins", "--plugin", str(tmp_path / filename), "--plugin", str(good))
    assert listed.exit_code == 2
    assert expected in listed.stderr
    assert f"plugin '{filename[:-3]}' (file)" in listed.stderr
    assert "good" in plugin_rows(listed.stdout)
    audited = run("audit", "--format", "jsonl", "--plugin", str(tmp_path / filename), "--plugin", str(good), str(article))
    assert audited.exit_code == 2
    assert expected in audited.stderr
    assert '"rule": "reportedly"' in audited.stdout


def test_missing_file_and_module_are_named():
    result = run("plugins", "--plugin", "nowhere/checks.py", "--plugin", "no_such_package.checks")
    assert result.exit_code == 2
    assert "plugin 'checks' (file) refused: no such file: nowhere/checks.py" in result.stderr
    assert "no module named 'no_such_package.checks' on the Python path" in result.stderr


def test_two_plugins_with_one_name_are_not_silently_merged(good, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "good.py").write_text(GOOD.replace("reportedly", "allegedly"))
    result = run("plugins", "--plugin", str(good), "--plugin", str(other / "good.py"))
    assert "another plugin named 'good' is already loaded" in result.stderr


class Raises:
    """Yields a finding for the first sentence, then raises on the second."""

    __name__ = "flaky"

    def __init__(self):
        import auditor

        @auditor.hookimpl
        def auditor_rules():
            return [auditor.Rule("flaky", "test rule")]

        @auditor.hookimpl
        def auditor_check_sentence(sentence):
            if sentence.index == 1:
                raise ValueError("bad sentence")
            yield auditor.Finding("flaky", sentence.start, sentence.start + 3, "first words")

        @auditor.hookimpl
        def auditor_segment(text):
            raise RuntimeError("segmenter down")

        self.auditor_rules = auditor_rules
        self.auditor_check_sentence = auditor_check_sentence
        self.auditor_segment = auditor_segment


def test_a_plugin_that_raises_keeps_what_it_found_and_every_other_plugins_findings(good):
    auditor = Auditor([Raises(), str(good)])
    result = auditor.audit_text(ARTICLE)
    messages = [e.message for e in result.errors]
    assert "plugin 'flaky' raised RuntimeError in auditor_segment: segmenter down" in messages
    assert "plugin 'flaky' raised ValueError in auditor_check_sentence: bad sentence" in messages
    error = next(e for e in result.errors if "bad sentence" in e.message)
    assert (error.line, error.column) == (2, 1)  # the sentence it failed on
    rules = [f.rule for f in result.findings]
    assert rules.count("flaky") == 1  # the first sentence's finding survived
    assert "reportedly" in rules and result.sentences == 2  # the core segmenter took over


def test_custom_rules_show_as_config_origin():
    plugin = build_plugin([{"id": "insiders", "message": "Say who.", "phrases": ["insiders say"]}], "auditor.toml")
    info = Auditor([plugin]).plugins[-1]
    assert (info.name, info.origin, [r.id for r in info.rules]) == ("custom-rules", "config", ["insiders"])
