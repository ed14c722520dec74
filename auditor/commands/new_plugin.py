"""``auditor new-plugin NAME``: a working plugin package to start from.

The files come from ``auditor/templates/new-plugin/`` (``$name``-style
placeholders).  The sample article marks what the rule should flag with
``[[...]]``; the marks become ``gold.jsonl``, so ``auditor eval`` works at once.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from string import Template

import click

from .. import __version__

NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_MARK = re.compile(r"\[\[(.+?)\]\]")


@click.command("new-plugin")
@click.argument("name")
@click.option("--directory", "-d", type=click.Path(file_okay=False), default=".", show_default=True,
              help="Where to create the package folder.")
def new_plugin(name, directory):
    """Write a plugin package skeleton for NAME (say, house-style) whose tests pass at once."""
    name = name.removeprefix("auditor-")
    if not NAME.fullmatch(name):
        raise click.UsageError(f"{name!r} is not a plugin name: use lower-case letters, digits and '-' (e.g. house-style)")
    names = {
        "name": name,
        "rule": name,
        "dist": f"auditor-{name}",
        "module": "auditor_" + name.replace("-", "_"),
        "auditor_version": ".".join(__version__.split(".")[:2]),
    }
    target = Path(directory) / names["dist"]
    if target.exists():
        raise click.ClickException(f"{target} already exists; choose another name or --directory")
    for path in write_package(target, names):
        click.echo(f"  wrote {path}")
    click.echo(
        f"\nNext:\n"
        f"  pip install -e {target}\n"
        f"  auditor plugins\n"
        f"  auditor audit {target / 'sample.txt'}\n"
        f"  python -m pytest {target}\n"
        f"  auditor eval {target / 'gold.jsonl'} --rule {name} --misses\n"
    )


def write_package(target: Path, names: dict[str, str]) -> list[Path]:
    templates = resources.files("auditor") / "templates" / "new-plugin"
    files = {
        "pyproject.toml": "pyproject.toml.tmpl",
        "README.md": "README.md.tmpl",
        f"{names['module']}/__init__.py": "package/__init__.py.tmpl",
        f"{names['module']}/lexicon.txt": "package/lexicon.txt.tmpl",
        f"tests/test_{names['module']}.py": "tests/test_plugin.py.tmpl",
    }
    written = []
    for relative, template in files.items():
        written.append(_write(target / relative, _fill(templates / template, names)))
    marked = _fill(templates / "sample.txt.tmpl", names)
    text, spans = unmark(marked)
    written.append(_write(target / "sample.txt", text))
    gold = {
        "id": f"{names['name']}-sample",
        "text": text,
        "annotated": [names["rule"]],
        "expected": [{"rule": names["rule"], "start": s, "end": e, "text": text[s:e]} for s, e in spans],
    }
    written.append(_write(target / "gold.jsonl", json.dumps(gold, ensure_ascii=False) + "\n"))
    return written


def unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Text without its ``[[...]]`` marks, and the ``[start, end)`` of each marked stretch."""
    parts, spans, position, length = [], [], 0, 0
    for match in _MARK.finditer(marked):
        parts.append(marked[position : match.start()])
        length += match.start() - position
        spans.append((length, length + len(match.group(1))))
        parts.append(match.group(1))
        length += len(match.group(1))
        position = match.end()
    parts.append(marked[position:])
    return "".join(parts), spans


def _fill(template, names: dict[str, str]) -> str:
    return Template(template.read_text(encoding="utf-8")).substitute(names)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
