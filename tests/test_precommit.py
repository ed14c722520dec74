"""The shipped pre-commit hook, run by pre-commit itself in a fresh repository:
it fails a commit that adds an unnamed source to a Markdown draft and lets a
clean one through.  Slow (pre-commit installs auditor into its own environment
from PyPI the first time), so it is marked ``slow``."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, env=ENV, check=True, capture_output=True, text=True).stdout


ENV = dict(
    os.environ,
    GIT_AUTHOR_NAME="Editor", GIT_AUTHOR_EMAIL="editor@example.org",
    GIT_COMMITTER_NAME="Editor", GIT_COMMITTER_EMAIL="editor@example.org",
)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """This project, as committed in a repository of its own (pre-commit clones hook repos)."""
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("hook") / "auditor"
    ignore = shutil.ignore_patterns(".git", ".venv", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis",
                                    "build", "dist", "node_modules")
    shutil.copytree(ROOT, repo, ignore=ignore)
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "auditor", cwd=repo)
    return repo, git("rev-parse", "HEAD", cwd=repo).strip()


def test_pre_commit_hook_blocks_an_unnamed_source_in_a_markdown_draft(hook_repo, tmp_path):
    repo, rev = hook_repo
    work = tmp_path / "newsroom"
    work.mkdir()
    git("init", "-q", cwd=work)
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: auditor\n"
    )
    env = dict(ENV, PRE_COMMIT_HOME=str(tmp_path / "cache"))
    pre_commit = [sys.executable, "-m", "pre_commit"]
    subprocess.run([*pre_commit, "install"], cwd=work, env=env, check=True, capture_output=True)

    drafts = work / "drafts"
    drafts.mkdir()
    (drafts / "clean.md").write_text("# Council vote\n\nThe council voted 31 to 12, its clerk Ana Ruiz said.\n")
    git("add", "-A", cwd=work)
    clean = subprocess.run(["git", "commit", "-m", "clean draft"], cwd=work, env=env, capture_output=True, text=True)
    assert clean.returncode == 0, clean.stdout + clean.stderr

    (drafts / "strike.md").write_text(
        "# Port strike\n\n```\nIt is understood that this is only code.\n```\n\n"
        "The strike spread on Monday, according to local media.\n"
    )
    git("add", "-A", cwd=work)
    blocked = subprocess.run(["git", "commit", "-m", "strike draft"], cwd=work, env=env, capture_output=True, text=True)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "auditor (source attribution)" in output and "Failed" in output
    assert "drafts/strike.md" in output and "unnamed-source" in output and "local media" in output
    assert "only code" not in output  # the code block is not audited
    assert git("log", "--format=%s", cwd=work).split() == ["clean", "draft"]  # nothing new was committed
