"""The ``auditor`` entry points of the installed packages, found cheaply.

``importlib.metadata.entry_points()`` imports the e-mail parser, zipfile and more,
and reads every installed package: tens of milliseconds, on every run, before the
first article.  Here each folder on ``sys.path`` is listed once and only the
``entry_points.txt`` files of packages are read, with the same rules: the first
package of a name on the path wins.  Anything unusual (a zip on the path, an
unreadable file) falls back to ``importlib.metadata``.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from typing import Any, NamedTuple


class EntryPoint(NamedTuple):  # a NamedTuple: a fifth of a frozen dataclass's cost at import
    name: str
    value: str  # "package.module" or "package.module:attribute"
    version: str | None  # of the package that declares it

    def load(self) -> Any:
        module, _, attribute = self.value.partition(":")
        loaded = importlib.import_module(module.strip())
        for part in attribute.strip().split(".") if attribute.strip() else ():
            loaded = getattr(loaded, part)
        return loaded


def entry_points(group: str) -> list[EntryPoint]:
    try:
        return _scan(group)
    except Exception:  # noqa: BLE001 - the slow, complete way still works
        from importlib import metadata

        return [
            EntryPoint(ep.name, ep.value, ep.dist.version if ep.dist is not None else None)
            for ep in metadata.entry_points(group=group)
        ]


_INFO_FOLDERS = (".dist-info", ".egg-info")
_DIST = re.compile(r"^(?P<name>[^-]+?)(?:-(?P<version>[^-]+))?(?:-[^-]*)*\.(?:dist|egg)-info$")


def _scan(group: str) -> list[EntryPoint]:
    found, seen = [], set()
    for folder in sys.path:
        folder = folder or "."
        if not os.path.isdir(folder):
            if os.path.isfile(folder) and folder.endswith((".zip", ".egg", ".whl")):
                raise ValueError(f"{folder}: an archive")  # importlib.metadata reads inside it
            continue
        # Most entries are modules: a suffix test in C passes over them before the pattern.
        for entry in sorted(e for e in os.listdir(folder) if e.endswith(_INFO_FOLDERS)):
            m = _DIST.match(entry)
            if not m:
                continue
            key = re.sub(r"[-_.]+", "_", m["name"]).lower()
            if key in seen:
                continue
            seen.add(key)
            try:
                with open(os.path.join(folder, entry, "entry_points.txt"), "rb") as handle:
                    text = handle.read().decode("utf-8")  # line ends do not matter: read by splitlines()
            except FileNotFoundError:
                continue
            points = _section(text, group)
            if points:
                version = m["version"] or _version(os.path.join(folder, entry))
                found.extend(EntryPoint(name, value, version) for name, value in points)
    return found


def _version(info: str) -> str | None:
    """The Version: header of a package's metadata, for an info folder named without it."""
    for name in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(info, name), encoding="utf-8") as handle:
                for line in handle:
                    if line.startswith("Version:"):
                        return line.split(":", 1)[1].strip()
                    if not line.strip():
                        break
        except FileNotFoundError:
            continue
    return None


def _section(text: str, group: str) -> list[tuple[str, str]]:
    """``name = value`` lines of the ``[group]`` section of an entry_points.txt."""
    out, inside = [], False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            inside = line[1:-1].strip() == group
        elif inside and "=" in line:
            name, value = line.split("=", 1)
            out.append((name.strip(), value.split("[", 1)[0].strip()))
    return out
