"""``--diff-base REF``: which lines of which files changed since a git ref.

For a team adopting the audit on large existing documents: only findings on lines
added or changed since REF are reported.  The lines come from ``git diff -U0 REF``
(the working tree, staged or not, against REF); a file git does not track yet
counts as changed throughout.
"""

from __future__ import annotations

import os
import subprocess


class GitError(Exception):
    """git is missing, the folder is not in a repository, or the ref is unknown."""


def _git(args: list[str], cwd: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                              errors="surrogateescape", check=False)
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)") from None
    if done.returncode != 0:
        raise GitError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout


class ChangedLines:
    """The lines changed since ``ref`` in the repository that holds ``where``."""

    def __init__(self, ref: str, where: str = ".") -> None:
        folder = where if os.path.isdir(where) else os.path.dirname(os.path.abspath(where))
        self.top = os.path.realpath(_git(["rev-parse", "--show-toplevel"], folder).strip())
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], self.top)
        diff = _git(["-c", "core.quotePath=false", "diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames",
                     ref, "--"], self.top)
        self.lines: dict[str, set[int]] = parse_diff(diff)
        untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], self.top)
        self.new_files = {name for name in untracked.split("\0") if name}

    def key(self, path: str) -> str:
        return os.path.relpath(os.path.realpath(path), self.top).replace(os.sep, "/")

    def changed(self, path: str, first: int, last: int) -> bool:
        key = self.key(path)
        if key in self.new_files:
            return True
        lines = self.lines.get(key, ())
        return any(line in lines for line in range(first, last + 1))

    def filter_result(self, result, path: str | None = None) -> None:
        """Keep only the findings of one FileResult that touch a changed line (in place).
        ``path``: the file on disk, when the result is named otherwise (stdin)."""
        path = path or result.path
        result.findings = [f for f in result.findings if self.changed(path, f.line, max(f.line, f.end_line))]
        result.unused_suppressions = [
            f for f in getattr(result, "unused_suppressions", []) if self.changed(path, f.line, f.end_line)
        ]

    def filter(self, report) -> None:
        for result in report.files:
            self.filter_result(result)


def parse_diff(diff: str) -> dict[str, set[int]]:
    """``{path: {changed line numbers in the new file}}`` from ``git diff -U0`` output."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:].rstrip("\t")
            if name.startswith('"') and name.endswith('"'):
                name = name[1:-1]
            current = None if name == "/dev/null" else changed.setdefault(name.removeprefix("b/"), set())
        elif line.startswith("@@ ") and current is not None:
            new = line.split(" ")[2]  # "+start,count" or "+start"
            start, _, count = new[1:].partition(",")
            count_n = int(count) if count else 1
            current.update(range(int(start), int(start) + count_n))
    return changed

