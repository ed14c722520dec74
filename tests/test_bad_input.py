"""Files that cannot be audited: each gets one clear line on stderr and exit 2, and
every other file on the command line is still audited and reported."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from auditor.cli import cli

GOOD = "Officials said the talks had failed.\n"


def make_bad(tmp_path, case):
    """Create the bad input ``case`` in ``tmp_path``; return its path."""
    if case == "invalid-utf8":
        (tmp_path / "latin.txt").write_bytes("Officials said the talks had failed.\nThe café closed.\n".encode("latin-1"))
        return tmp_path / "latin.txt"
    if case == "binary":
        (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
        return tmp_path / "photo.txt"
    if case == "binary-valid-utf8":
        (tmp_path / "nul.txt").write_bytes(b"Officials\x00said\x00it.")
        return tmp_path / "nul.txt"
    if case == "empty":
        (tmp_path / "empty.txt").write_bytes(b"")
        return tmp_path / "empty.txt"
    if case == "blank":
        (tmp_path / "blank.md").write_text(" \n\t\r\n\n")
        return tmp_path / "blank.md"
    if case == "missing":
        return tmp_path / "nowhere.txt"
    if case == "broken-link":
        (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
        return tmp_path / "link.txt"
    if case == "nothing-to-audit":
        (tmp_path / "folder").mkdir()
        (tmp_path / "folder" / "notes.py").write_text("print('not an article')\n")
        (tmp_path / "folder" / ".hidden").mkdir()
        (tmp_path / "folder" / ".hidden" / "a.txt").write_text(GOOD)
        return tmp_path / "folder"
    if case == "empty-folder":
        (tmp_path / "void").mkdir()
        return tmp_path / "void"
    if case == "device":
        return "/dev/zero"
    raise AssertionError(case)


EXPECTED = {
    "invalid-utf8": "not valid utf-8 at byte 44 (line 2): invalid continuation byte (choose another with --encoding)",
    "binary": "binary file (contains NUL bytes), not text",
    "binary-valid-utf8": "binary file (contains NUL bytes), not text",
    "empty": "empty: no text to audit",
    "blank": "empty: no text to audit",
    "missing": "no such file",
    "broken-link": "broken link",
    "nothing-to-audit": "no files to audit (.htm, .html, .markdown, .md, .text, .txt) in this folder",
    "empty-folder": "no files to audit (.htm, .html, .markdown, .md, .text, .txt) in this folder",
    "device": "a device, not a file",
}


def run_audit(*args):
    return CliRunner().invoke(cli, ["audit", "--format", "json", *map(str, args)])


def assert_one_error_and_the_rest_audited(run, bad, message, good_paths):
    assert run.exit_code == 2, run.output
    error_lines = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert error_lines == [f"error: {bad}: {message}"]
    assert "Traceback" not in run.output
    report = json.loads(run.stdout)
    audited = {r["path"]: r for r in report["files"]}
    for good in good_paths:
        assert any(f["rule"] == "unnamed-source" for f in audited[str(good)]["findings"]), good


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_a_bad_input_is_one_clear_error_and_the_other_files_are_audited(tmp_path, case):
    before, after = tmp_path / "a.txt", tmp_path / "z.txt"
    before.write_text(GOOD)
    after.write_text(GOOD)
    bad = make_bad(tmp_path, case)
    run = run_audit(before, bad, after)
    assert_one_error_and_the_rest_audited(run, bad, EXPECTED[case], [before, after])


def test_encoding_lets_the_user_read_a_latin_1_file(tmp_path):
    bad = make_bad(tmp_path, "invalid-utf8")
    run = CliRunner().invoke(cli, ["audit", "--format", "json", "--encoding", "latin-1", str(bad)])
    assert run.exit_code == 1, run.output  # findings, no error
    [result] = json.loads(run.stdout)["files"]
    assert result["findings"][0]["text"] == "Officials"


def test_an_unknown_encoding_is_a_usage_error_before_anything_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    run = CliRunner().invoke(cli, ["audit", "--encoding", "klingon", str(tmp_path / "a.txt")])
    assert run.exit_code == 2
    assert "unknown encoding 'klingon'" in run.output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_files_with_a_byte_order_mark_are_read_in_their_encoding(tmp_path, encoding):
    draft = tmp_path / "windows.txt"
    text = "The weather was fine.\r\nOfficials said the talks had failed.\r\n"
    draft.write_bytes(text.encode(encoding) if encoding.endswith("sig") else ("\ufeff" + text).encode(encoding))
    run = run_audit(draft)
    [result] = json.loads(run.stdout)["files"]
    [finding] = [f for f in result["findings"] if f["rule"] == "unnamed-source"]
    assert (finding["text"], finding["line"], finding["column"]) == ("Officials", 2, 1)


@pytest.mark.parametrize("lines", [1, 20_000], ids=["small", "big-enough-for-blocks"])
def test_an_unreadable_file_is_reported_and_the_others_are_audited(tmp_path, monkeypatch, lines):
    good = tmp_path / "a.txt"
    good.write_text(GOOD)
    locked = tmp_path / "locked.txt"
    locked.write_text((GOOD + "\n") * lines)
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the kernel's refusal happen in Python instead
        import builtins

        def refusing_open(path, *args, **kwargs):
            if os.fspath(path) == str(locked):
                raise PermissionError(13, "Permission denied", str(path))
            return builtins.open(path, *args, **kwargs)

        monkeypatch.setattr("auditor.inputs.open", refusing_open, raising=False)
    run = run_audit(locked, good)
    assert_one_error_and_the_rest_audited(run, locked, "permission denied", [good])


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list any folder")
def test_an_unreadable_subfolder_is_reported_not_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(GOOD)
    locked.chmod(0)
    try:
        run = run_audit(tmp_path)
    finally:
        locked.chmod(0o755)
    assert_one_error_and_the_rest_audited(run, locked, "cannot list this folder: Permission denied",
                                          [tmp_path / "a.txt"])


def test_an_unlistable_subfolder_is_reported_when_running_as_root_too(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def refusing_scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    run = run_audit(tmp_path)
    assert_one_error_and_the_rest_audited(run, tmp_path / "locked", "cannot list this folder: Permission denied",
                                          [tmp_path / "a.txt"])


def test_invalid_utf8_deep_in_a_big_file_names_its_byte_and_line(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes((GOOD + "\n").encode() * 20_000 + "The café closed.\n".encode("latin-1"))
    run = run_audit(big)
    assert run.exit_code == 2
    assert run.stderr.strip() == (f"error: {big}: not valid utf-8 at byte {38 * 20_000 + 7} (line 40001): "
                                  "invalid continuation byte (choose another with --encoding)")


def test_bad_stdin_is_reported_like_a_file():
    run = subprocess.run([sys.executable, "-m", "auditor", "audit", "-"], input=b"\xc3( not text",
                         capture_output=True, timeout=60)
    assert run.returncode == 2
    assert run.stderr.decode().strip() == (
        "error: <stdin>: not valid utf-8 at byte 0 (line 1): invalid continuation byte (choose another with --encoding)"
    )


def _formats():
    from auditor.output import RENDERERS

    return sorted(RENDERERS)


@pytest.mark.parametrize("fmt", _formats())
def test_odd_file_names_are_reported_in_every_format(tmp_path, fmt):
    # A name that is not UTF-8 (from an old archive) and one with a line break in it.
    os.makedirs(tmp_path / "drafts")
    with open(os.path.join(os.fsencode(tmp_path / "drafts"), b"caf\xe9.txt"), "wb") as handle:
        handle.write(GOOD.encode())
    (tmp_path / "drafts" / "two\nlines.txt").write_text(GOOD)
    run = subprocess.run([sys.executable, "-m", "auditor", "audit", "--format", fmt, "drafts"], cwd=tmp_path,
                         capture_output=True, timeout=60)
    assert run.returncode == 1, run.stderr.decode(errors="replace")[-2000:]
    assert b"Traceback" not in run.stderr
    assert b"caf" in run.stdout and b"lines" in run.stdout


def test_a_file_name_with_a_line_break_still_gives_one_error_line(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(GOOD)
    bad = tmp_path / "two\nlines.txt"
    bad.write_bytes(b"")
    run = run_audit(good, bad)
    assert run.exit_code == 2
    assert [line for line in run.stderr.splitlines() if "lines.txt" in line] == [
        f"error: {tmp_path}/two\\nlines.txt: empty: no text to audit"
    ]


@pytest.mark.parametrize("command", ["audit", "sources"])
def test_a_file_name_with_a_line_break_is_one_heading_line_in_the_table(tmp_path, command):
    named = tmp_path / "two\nlines.txt"
    named.write_text(GOOD)
    run = CliRunner().invoke(cli, [command, str(named)])
    assert run.exit_code in (0, 1), run.output
    headings = [line for line in run.stdout.splitlines() if "lines.txt" in line]
    assert headings == [f"{tmp_path}/two\\nlines.txt"]
