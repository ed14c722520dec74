"""Project configuration: ``[tool.auditor]`` in ``pyproject.toml``, or ``auditor.toml``
/ ``.auditor.toml``, found by walking up from the audited path.

Every value is data: rule ids, severities, globs, numbers, phrases.  Nothing in a
configuration file is imported or executed (custom rules are phrase lists and
regular expressions, compiled by :mod:`auditor.declarative`).  An unknown key or a
bad value raises :class:`ConfigError` with the file and the key, which the command
line reports with exit code 2.

Globs (``exclude``, ``per-path``) match paths relative to the folder of the
configuration file, with ``/`` between folders: ``*`` matches within one folder
name, ``**`` across folders, and a pattern without ``/`` matches any file or folder
of that name (``archive`` skips every folder called archive).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

from .model import SEVERITIES

if TYPE_CHECKING:
    # Imported only where a file is loaded: importing pathlib costs several ms of every start.
    from pathlib import Path

CONFIG_FILES = ("auditor.toml", ".auditor.toml", "pyproject.toml")
FAIL_LEVELS = (*SEVERITIES, "never")
#: The core's own lexicon, for ``[phrases.attribution]``; plugins are named by their plugin name.
CORE_LEXICON = "attribution"


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Settings:
    """What applies to one file once per-path overrides are merged in."""

    select: frozenset[str] | None = None  # None: every rule
    ignore: frozenset[str] = frozenset()
    severity: Mapping[str, str] = field(default_factory=dict)
    max: Mapping[str, int] = field(default_factory=dict)

    def selects(self, rule: str) -> bool:
        return rule not in self.ignore and (self.select is None or rule in self.select)


@dataclass
class Config:
    """A loaded configuration.  ``path`` is None when no file was found (or ``--isolated``)."""

    path: Path | None = None
    root: Path | None = None  # the folder globs are relative to; None: the current folder
    base: Settings = field(default_factory=Settings)
    fail_on: str | None = None
    disable: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    per_path: list[tuple[str, Settings, frozenset[str]]] = field(default_factory=list)
    phrases: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    custom_rules: list[dict[str, Any]] = field(default_factory=list)

    # -- for plugins -------------------------------------------------------------
    def extra_phrases(self, name: str, sections: Iterable[str] | None = None) -> dict[str, list[str]]:
        """Extra phrases for lexicon ``name`` (a plugin name, or ``"attribution"`` for
        the core's), as ``{section: [lower-cased phrases]}``.  With ``sections``,
        an unknown section is a :class:`ConfigError` naming the key."""
        given = self.phrases.get(name, {})
        if sections is not None:
            known = set(sections)
            for section in given:
                if section not in known:
                    raise self.error(f"phrases.{name}.{section}", f"unknown section; {name} has {_listing(known)}")
        return {s: [" ".join(p.lower().split()) for p in phrases] for s, phrases in given.items()}

    # -- per file ------------------------------------------------------------------
    def settings_for(self, path: str) -> Settings:
        """The base settings with every matching ``per-path`` override merged in, in file order."""
        settings = self.base
        for glob, override, keys in self.per_path:
            if path_matches(path, [glob], self.root):
                settings = Settings(
                    select=override.select if "select" in keys else settings.select,
                    ignore=settings.ignore | override.ignore,
                    severity={**settings.severity, **override.severity},
                    max={**settings.max, **override.max},
                )
        return settings

    def excludes(self, path: str) -> bool:
        return bool(self.exclude) and path_matches(path, self.exclude, self.root)

    def apply_to(self, result) -> None:
        """Filter and re-grade one file's findings (a FileResult) by the settings for its path."""
        settings = self.settings_for(result.path)
        if settings.select is None and not settings.ignore and not settings.severity:
            return  # nothing to change: the common case costs nothing per finding
        severity = settings.severity
        result.findings = [
            replace(f, severity=severity[f.rule]) if f.rule in severity and f.severity != severity[f.rule] else f
            for f in result.findings
            if settings.selects(f.rule)
        ]

    def regrade_rules(self, rules: dict) -> None:
        """Give a run's rules (``Report.rules``) the severities this configuration sets."""
        for rule_id, severity in self.base.severity.items():
            if rule_id in rules:
                rules[rule_id] = replace(rules[rule_id], severity=severity)

    def apply(self, report) -> None:
        """:meth:`apply_to` every file of a Report, and :meth:`regrade_rules` its rules."""
        for result in report.files:
            self.apply_to(result)
        self.regrade_rules(report.rules)

    # -- checks after plugins are loaded -------------------------------------------
    def check_names(self, rules: Iterable[str], plugins: Iterable[str]) -> None:
        """Refuse rule ids and lexicon names that no loaded plugin provides."""
        rules, lexicons = set(rules), {CORE_LEXICON, *plugins}
        for key, ids in self._rule_references():
            for rule_id in ids:
                if rule_id not in rules:
                    raise self.error(key, f"unknown rule {rule_id!r}{_suggest(rule_id, rules)}; the rules are {_listing(rules)}")
        for name in self.phrases:
            if name not in lexicons:
                raise self.error(f"phrases.{name}", f"no lexicon of that name{_suggest(name, lexicons)}; use {_listing(lexicons)}")

    def _rule_references(self):
        for prefix, settings in [("", self.base)] + [(f"per-path.{g!r}.", s) for g, s, _ in self.per_path]:
            yield prefix + "select", settings.select or ()
            yield prefix + "ignore", settings.ignore
            yield prefix + "severity", settings.severity
            yield prefix + "max", settings.max

    def error(self, key: str, problem: str) -> ConfigError:
        where = self.path or "configuration"
        prefix = "tool.auditor." if self.path and self.path.name == "pyproject.toml" else ""
        return ConfigError(f"{where}: {prefix}{key}: {problem}")


# -- finding and reading ---------------------------------------------------------------
def find_config_file(start: str | os.PathLike) -> Path | None:
    """The first configuration file in ``start`` (a file's folder, or a folder) or above it.
    A ``pyproject.toml`` counts only when it has a ``[tool.auditor]`` table."""
    folder = os.path.realpath(start)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate) and (name != "pyproject.toml" or _has_tool_table(candidate)):
                from pathlib import Path

                return Path(candidate)
        parent = os.path.dirname(folder)
        if parent == folder:  # the top of the file system
            return None
        folder = parent


def discover(paths: Iterable[str], stdin_filename: str | None = None) -> Config:
    """The configuration for a run over ``paths``: found from the folder they share."""
    places = [stdin_filename or "." if p == "-" else p for p in paths] or ["."]
    try:
        common = os.path.commonpath([os.path.abspath(p) for p in places])
    except ValueError:  # paths on different drives
        common = os.getcwd()
    found = find_config_file(common if os.path.exists(common) else os.getcwd())
    return load_config(found) if found else Config()


def load_config(path: str | os.PathLike) -> Config:
    """Read and check one configuration file."""
    from pathlib import Path

    tomllib = _toml()
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid UTF-8 at byte {exc.start}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("auditor")
        if data is None:
            raise ConfigError(f"{path}: has no [tool.auditor] table")
    return _parse(data, Config(path=path, root=path.resolve().parent))


_TOP_KEYS = ("select", "ignore", "fail-on", "severity", "disable", "exclude", "max", "per-path", "phrases", "custom-rules")
_PER_PATH_KEYS = ("select", "ignore", "severity", "max")


def _parse(data: Mapping[str, Any], config: Config) -> Config:
    _refuse_unknown(config, "", data, _TOP_KEYS)
    config.base = _settings(config, "", data)
    if "fail-on" in data:
        config.fail_on = _choice(config, "fail-on", data["fail-on"], FAIL_LEVELS)
    config.disable = _strings(config, "disable", data.get("disable", []))
    config.exclude = _strings(config, "exclude", data.get("exclude", []))
    for glob, table in _table(config, "per-path", data.get("per-path", {})).items():
        key = f"per-path.{glob!r}"
        table = _table(config, key, table)
        _refuse_unknown(config, key + ".", table, _PER_PATH_KEYS)
        config.per_path.append((glob, _settings(config, key + ".", table), frozenset(table)))
    for name, sections in _table(config, "phrases", data.get("phrases", {})).items():
        sections = _table(config, f"phrases.{name}", sections)
        config.phrases[name] = {s: _strings(config, f"phrases.{name}.{s}", v) for s, v in sections.items()}
    rules = data.get("custom-rules", [])
    if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
        raise config.error("custom-rules", "must be a list of tables ([[custom-rules]] or [[tool.auditor.custom-rules]])")
    config.custom_rules = rules
    return config


def _settings(config: Config, prefix: str, data: Mapping[str, Any]) -> Settings:
    severity = _table(config, prefix + "severity", data.get("severity", {}))
    for rule, level in severity.items():
        _choice(config, f"{prefix}severity.{rule}", level, SEVERITIES)
    budgets = _table(config, prefix + "max", data.get("max", {}))
    for rule, limit in budgets.items():
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
            raise config.error(f"{prefix}max.{rule}", f"must be a whole number of findings, 0 or more, not {limit!r}")
    return Settings(
        select=frozenset(_strings(config, prefix + "select", data["select"])) if "select" in data else None,
        ignore=frozenset(_strings(config, prefix + "ignore", data.get("ignore", []))),
        severity=dict(severity),
        max=dict(budgets),
    )


def _refuse_unknown(config: Config, prefix: str, data: Mapping[str, Any], known: Iterable[str]) -> None:
    for key in data:
        if key not in known:
            raise config.error(prefix + key, f"unknown key{_suggest(key, known)}; the keys are {_listing(known)}")


def _table(config: Config, key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise config.error(key, f"must be a table, not {value!r}")
    return value


def _strings(config: Config, key: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise config.error(key, f"must be a list of non-empty strings, not {value!r}")
    return value


def _choice(config: Config, key: str, value: Any, choices: Iterable[str]) -> str:
    if value not in choices:
        raise config.error(key, f"must be one of {_listing(choices, sort=False)}, not {value!r}")
    return value


def _toml():
    # Imported only when a file is read: a run without configuration never pays for it.
    import tomllib

    return tomllib


def _has_tool_table(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return False
    if b"auditor" not in data and b"\\u" not in data and b"\\U" not in data:
        return False  # no key can spell "auditor" (only a \u or \U escape could hide it): no need to parse
    tomllib = _toml()
    try:
        return "auditor" in tomllib.loads(data.decode("utf-8")).get("tool", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        # Broken, but meant for us: load_config reports the error rather than passing over it.
        return b"tool.auditor" in data


def _suggest(word: str, choices: Iterable[str]) -> str:
    import difflib  # only when a configuration is refused

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _listing(items: Iterable[str], sort: bool = True) -> str:
    items = sorted(items) if sort else list(items)
    return ", ".join(items) if items else "none"


# -- globs -----------------------------------------------------------------------------
def path_matches(path: str, patterns: Iterable[str], root: str | os.PathLike | None = None) -> bool:
    """Whether ``path`` matches any of the glob ``patterns``, taken relative to ``root``
    (the current folder by default).  See the module's docstring for the syntax."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, os.path.abspath(root or os.getcwd())).replace(os.sep, "/")
    if relative.startswith("../"):
        relative = absolute.replace(os.sep, "/")
    parts = relative.split("/")
    for pattern in patterns:
        pattern = pattern.strip().rstrip("/").removeprefix("./")
        if "/" in pattern:
            if _glob(pattern).fullmatch(relative) or _glob(pattern + "/**").fullmatch(relative):
                return True
        elif any(_glob(pattern).fullmatch(part) for part in parts):
            return True
    return False


@lru_cache(maxsize=256)
def _glob(pattern: str) -> re.Pattern[str]:
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2 :]:
            close = pattern.index("]", i + 2)
            body = pattern[i + 1 : close]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = close + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def exclusion(cli_patterns: Iterable[str], config: Config) -> Callable[[str], bool]:
    """One test for ``--exclude`` globs (relative to the current folder) and the config's ``exclude``."""
    cli_patterns = list(cli_patterns)
    return lambda path: bool(cli_patterns) and path_matches(path, cli_patterns) or config.excludes(path)
