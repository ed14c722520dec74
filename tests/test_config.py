"""Configuration files as a newsroom writes them: discovery, every key, clear errors,
budgets, and the exit code for every --fail-on level."""

import json
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from auditor.config import ConfigError, load_config, path_matches

# One unnamed source (warning) and one paraphrase (info) per paragraph.
PARAGRAPH = "It is understood that the talks failed.\n\n"


def run(*args, input=None):
    result = CliRunner().invoke(cli, ["audit", *args], input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def project(tmp_path, config_text, name="auditor.toml", drafts=None):
    (tmp_path / name).write_text(textwrap.dedent(config_text))
    folder = tmp_path / "drafts" / "2026"
    folder.mkdir(parents=True)
    for file, text in (drafts or {"story.md": PARAGRAPH}).items():
        (folder / file).write_text(text)
    return folder


def rules_found(out):
    return sorted((f["rule"], f["severity"]) for file in json.loads(out)["files"] for f in file["findings"])


def test_pyproject_table_is_found_walking_up_from_the_audited_path(tmp_path):
    folder = project(tmp_path, '[tool.auditor]\nselect = ["unnamed-source"]\n', name="pyproject.toml")
    code, out, _ = run(str(folder), "--format", "json")
    assert rules_found(out) == [("unnamed-source", "warning")]
    code, out, _ = run(str(folder), "--format", "json", "--isolated")
    assert ("paraphrased-quote", "info") in rules_found(out)


def test_pyproject_without_a_tool_table_is_passed_over(tmp_path):
    folder = project(tmp_path, 'select = ["unnamed-source"]\n')
    (tmp_path / "drafts" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    code, out, _ = run(str(folder), "--format", "json")
    assert rules_found(out) == [("unnamed-source", "warning")]


@pytest.mark.parametrize("header", ["[tool.auditor]", "[ tool . 'auditor' ]", '[tool."\\u0061uditor"]'])
def test_pyproject_table_is_found_however_its_name_is_written(tmp_path, header):
    # A pyproject.toml that never mentions "auditor" is passed over unparsed; an escape must not fool that.
    folder = project(tmp_path, header + '\nselect = ["unnamed-source"]\n', name="pyproject.toml")
    code, out, _ = run(str(folder), "--format", "json")
    assert rules_found(out) == [("unnamed-source", "warning")]


def test_dot_auditor_toml_and_an_explicit_config_file(tmp_path):
    folder = project(tmp_path, 'ignore = ["unnamed-source"]\n', name=".auditor.toml")
    code, out, _ = run(str(folder), "--format", "json")
    assert ("unnamed-source", "warning") not in rules_found(out)
    other = tmp_path / "strict.toml"
    other.write_text('select = ["unnamed-source"]\nseverity = { unnamed-source = "error" }\n')
    code, out, _ = run(str(folder), "--format", "json", "--config", str(other))
    assert rules_found(out) == [("unnamed-source", "error")]


def test_severity_per_path_and_exclude(tmp_path):
    folder = project(
        tmp_path,
        """
        exclude = ["drafts/2026/old-*.md"]
        severity = { paraphrased-quote = "warning" }
        [per-path."drafts/**/opinion-*.md"]
        ignore = ["unnamed-source"]
        """,
        drafts={"story.md": PARAGRAPH, "opinion-tax.md": PARAGRAPH, "old-1.md": PARAGRAPH},
    )
    code, out, _ = run(str(folder), "--format", "json")
    files = {f["path"].rsplit("/", 1)[-1]: sorted(x["rule"] for x in f["findings"]) for f in json.loads(out)["files"]}
    assert files == {
        "opinion-tax.md": ["paraphrased-quote"],
        "story.md": ["paraphrased-quote", "unnamed-source"],
    }
    assert ("paraphrased-quote", "warning") in rules_found(out)


def test_disable_turns_a_plugin_off(tmp_path):
    folder = project(tmp_path, 'disable = ["paraphrased-quotes"]\n')
    code, out, _ = run(str(folder), "--format", "json")
    assert rules_found(out) == [("unnamed-source", "warning")]


def test_command_line_select_replaces_the_configs_select(tmp_path):
    folder = project(tmp_path, 'select = ["unnamed-source"]\nfail-on = "never"\n')
    code, out, _ = run(str(folder), "--format", "json", "--select", "paraphrased-quote")
    assert rules_found(out) == [("paraphrased-quote", "info")] and code == 0


@pytest.mark.parametrize(
    "config, option, expected",
    [
        ("", "info", 1), ("", "warning", 1), ("", "error", 0), ("", "never", 0),
        ('fail-on = "error"\n', None, 0),
        ('fail-on = "info"\n', None, 1),
        ('fail-on = "error"\n', "warning", 1),  # the command line wins
        ('severity = { unnamed-source = "error" }\n', "error", 1),
    ],
)
def test_exit_code_for_every_fail_on_level(tmp_path, config, option, expected):
    folder = project(tmp_path, config or "# defaults\n")
    args = [str(folder)] + (["--fail-on", option] if option else [])
    assert run(*args)[0] == expected


@pytest.mark.parametrize("paragraphs, limit, expected", [(2, 2, 0), (3, 2, 1), (1, 0, 1), (0, 0, 0)])
def test_budget_fails_only_past_the_allowed_number(tmp_path, paragraphs, limit, expected):
    text = PARAGRAPH * paragraphs or "The minister resigned on Friday.\n"
    folder = project(tmp_path, f'ignore = ["paraphrased-quote"]\nmax = {{ unnamed-source = {limit} }}\n',
                     drafts={"story.md": text})
    code, out, err = run(str(folder), "--format", "json")
    assert code == expected
    assert len(rules_found(out)) == paragraphs  # findings within budget are still shown
    assert ("budget:" in err) == bool(expected)


def test_budget_is_per_article_and_per_path(tmp_path):
    folder = project(
        tmp_path,
        """
        ignore = ["paraphrased-quote"]
        max = { unnamed-source = 1 }
        [per-path."*-live.md"]
        max = { unnamed-source = 5 }
        """,
        drafts={"a.md": PARAGRAPH, "b.md": PARAGRAPH, "c-live.md": PARAGRAPH * 3},
    )
    assert run(str(folder))[0] == 0
    (folder / "d.md").write_text(PARAGRAPH * 2)
    code, _, err = run(str(folder))
    assert code == 1 and "d.md: 2 unnamed-source findings, more than the 1 allowed" in err


@pytest.mark.parametrize(
    "config, key, words",
    [
        ("selekt = []\n", "selekt", "did you mean 'select'"),
        ('fail-on = "sometimes"\n', "fail-on", "must be one of info, warning, error, never"),
        ('severity = { unnamed-source = "loud" }\n', "severity.unnamed-source", "must be one of"),
        ("max = { unnamed-source = -1 }\n", "max.unnamed-source", "whole number"),
        ('max = { unnamed-source = "2" }\n', "max.unnamed-source", "whole number"),
        ('select = ["unamed-source"]\n', "select", "did you mean 'unnamed-source'"),
        ('[per-path."x/*"]\nfail-on = "error"\n', "per-path.'x/*'.fail-on", "unknown key"),
        ('plugins = ["evil.module"]\n', "plugins", "unknown key"),  # nothing in a config file runs code
        ("select = 3\n", "select", "list of non-empty strings"),
        ("[phrases.nobody]\nwords = ['x']\n", "phrases.nobody", "no lexicon of that name"),
        ("select = [\n", None, "not valid TOML"),
    ],
)
def test_bad_configuration_names_the_file_and_key_and_exits_2(tmp_path, config, key, words):
    folder = project(tmp_path, config)
    code, out, err = run(str(folder))
    assert code == 2 and out == ""
    assert str(tmp_path / "auditor.toml") in err and words in err
    if key:
        assert f": {key}: " in err


def test_pyproject_errors_name_the_full_key(tmp_path):
    folder = project(tmp_path, '[tool.auditor]\nfail-on = "loud"\n', name="pyproject.toml")
    code, _, err = run(str(folder))
    assert code == 2 and "pyproject.toml: tool.auditor.fail-on: must be one of" in err


def test_broken_pyproject_with_our_table_is_reported_not_skipped(tmp_path):
    folder = project(tmp_path, '[tool.auditor]\nselect = ["unnamed-source"\n', name="pyproject.toml")
    code, _, err = run(str(folder))
    assert code == 2 and "pyproject.toml: not valid TOML" in err


def test_missing_config_file_is_exit_2(tmp_path):
    code, _, err = run(str(tmp_path), "--config", str(tmp_path / "nope.toml"))
    assert code == 2 and "no such configuration file" in err


def test_custom_rules_from_the_config(tmp_path):
    folder = project(
        tmp_path,
        """
        select = ["no-sources-say"]
        [[custom-rules]]
        id = "no-sources-say"
        message = "Say which sources."
        phrases = ["sources say"]
        """,
        drafts={"story.md": "Sources say the deal is done.\n\n```\nsources say\n```\n"},
    )
    code, out, _ = run(str(folder), "--format", "json")
    found = [(f["rule"], f["line"], f["text"]) for file in json.loads(out)["files"] for f in file["findings"]]
    assert found == [("no-sources-say", 1, "Sources say")] and code == 1


def test_a_bad_custom_rule_is_exit_2(tmp_path):
    folder = project(tmp_path, "custom-rules = { id = 'x' }\n")
    code, _, err = run(str(folder))
    assert code == 2 and "custom-rules: must be a list of tables" in err


PHRASE_PLUGIN = '''
import auditor
from auditor import Finding, Rule

WORDS = {"insiders"}

@auditor.hookimpl
def auditor_rules():
    return [Rule("vague-word", "A vague word.", "warning")]

@auditor.hookimpl
def auditor_configure(config):
    WORDS.update(config.extra_phrases("phrase_plugin", sections={"words"}).get("words", []))

@auditor.hookimpl
def auditor_check_sentence(sentence, article):
    for word in WORDS:
        at = sentence.text.lower().find(word)
        if at >= 0:
            yield Finding("vague-word", sentence.start + at, sentence.start + at + len(word), "Vague.")
'''


def test_extra_phrases_reach_plugins_through_auditor_configure(tmp_path):
    plugin = tmp_path / "phrase_plugin.py"
    plugin.write_text(PHRASE_PLUGIN)
    folder = project(
        tmp_path,
        'select = ["vague-word"]\n[phrases.phrase_plugin]\nwords = ["People Familiar"]\n',
        drafts={"story.md": "Insiders and people familiar with it agree.\n"},
    )
    code, out, _ = run(str(folder), "--plugin", str(plugin), "--format", "json")
    assert [f["text"] for file in json.loads(out)["files"] for f in file["findings"]] == ["Insiders", "people familiar"]
    (tmp_path / "auditor.toml").write_text('[phrases.phrase_plugin]\nwordz = ["x"]\n')
    code, _, err = run(str(folder), "--plugin", str(plugin))
    assert code == 2 and "phrases.phrase_plugin.wordz: unknown section; phrase_plugin has words" in err


def test_load_config_api(tmp_path):
    path = tmp_path / "auditor.toml"
    path.write_text('ignore = ["x"]\n[per-path."a/*.md"]\nselect = ["y"]\n')
    config = load_config(path)
    assert config.settings_for(str(tmp_path / "a" / "b.md")).select == frozenset({"y"})
    assert config.settings_for(str(tmp_path / "b.md")).select is None
    path.write_text("ignore = 1\n")
    with pytest.raises(ConfigError, match="ignore: must be a list"):
        load_config(path)


@pytest.mark.parametrize(
    "path, pattern, expected",
    [
        ("drafts/a.md", "drafts/*.md", True),
        ("drafts/x/a.md", "drafts/*.md", False),
        ("drafts/x/a.md", "drafts/**/*.md", True),
        ("drafts/a.md", "drafts/**/*.md", True),
        ("drafts/archive/x/a.md", "archive", True),
        ("drafts/archived.md", "archive", False),
        ("drafts/x/a.md", "drafts", True),
        ("a.html", "*.htm?", True),
    ],
)
def test_glob_syntax(tmp_path, path, pattern, expected):
    assert path_matches(str(tmp_path / path), [pattern], tmp_path) is expected


def test_extra_phrases_for_the_core_lexicon(tmp_path):
    # In a process of its own: the core's lexicon, once extended, stays so for the process.
    folder = project(tmp_path, '[phrases.attribution]\nspeech_verbs = ["twittered"]\n',
                     drafts={"story.md": "Officials twittered that the road was closed.\n"})
    audit = [sys.executable, "-m", "auditor", "audit", str(folder), "--format", "csv"]
    configured = subprocess.run(audit, capture_output=True, text=True)
    assert "unnamed-source" in configured.stdout and configured.returncode == 1
    isolated = subprocess.run(audit + ["--isolated"], capture_output=True, text=True)
    assert "unnamed-source" not in isolated.stdout and isolated.returncode == 0
    (tmp_path / "auditor.toml").write_text('[phrases.attribution]\nspeech_verb = ["x"]\n')
    wrong = subprocess.run(audit, capture_output=True, text=True)
    assert wrong.returncode == 2 and "phrases.attribution.speech_verb: unknown section" in wrong.stderr
