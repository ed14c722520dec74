"""The engine: loads plugins, analyses each article once, calls the checks.

Plugins come from the ``auditor`` entry-point group (the built-in checks are
registered there too, by this package's own ``pyproject.toml``) and from objects or
modules handed to :class:`Auditor` directly.  Each hook implementation is called on
its own, so a plugin that raises or returns something malformed becomes a
:class:`~auditor.model.Problem` naming the plugin and the place, while every other
plugin's findings are still reported.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any, Iterable, Sequence

import pluggy

from . import core, hookspecs
from .model import SEVERITIES, Article, Finding, Problem, Rule, Sentence

ENTRY_POINT_GROUP = "auditor"
BUILTIN_PREFIX = "auditor.plugins."


@dataclass
class PluginInfo:
    """What ``auditor plugins`` shows for one loaded plugin."""

    name: str
    version: str | None
    origin: str  # "built-in", "entry point", "file", "module" or "object"
    module: str
    rules: list[Rule] = field(default_factory=list)


@dataclass
class FileResult:
    """The audit of one article: its findings and anything that went wrong."""

    path: str
    sentences: int = 0
    findings: list[Finding] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    article: Article | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "sentences": self.sentences,
            "findings": [f.to_dict() for f in self.findings],
            "errors": [e.to_dict() for e in self.errors],
        }


@dataclass
class Report:
    """A whole run: one result per audited file, and the files that could not be read."""

    files: list[FileResult] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    @property
    def all_errors(self) -> list[Problem]:
        return self.errors + [e for r in self.files for e in r.errors]

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1,
            "files": [r.to_dict() for r in self.files],
            "errors": [e.to_dict() for e in self.errors],
        }


class Auditor:
    """Loads the plugins once; audits any number of articles.

    ``plugins``: extra plugins for this run: module objects, importable module
    names (``"my_package.checks"``) or paths to ``.py`` files.  ``select`` and
    ``ignore``: rule ids to keep or drop (``select`` empty means all).
    ``disable``: plugin names not to load.  ``entry_points=False`` loads only the
    plugins given (the way tests run one plugin alone).
    """

    def __init__(
        self,
        plugins: Sequence[Any] = (),
        *,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        disable: Iterable[str] = (),
        entry_points: bool = True,
    ) -> None:
        self.pm = pluggy.PluginManager("auditor")
        self.pm.add_hookspecs(hookspecs)
        self.pm.register(core, name="auditor.core")
        self.plugins: list[PluginInfo] = []
        self.load_errors: list[Problem] = []
        self.select = frozenset(select)
        self.ignore = frozenset(ignore)
        disabled = frozenset(disable)
        if entry_points:
            for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
                if ep.name in disabled:
                    continue
                origin = "built-in" if ep.value.startswith(BUILTIN_PREFIX) else "entry point"
                version = ep.dist.version if ep.dist is not None else None
                self._load(ep.name, origin, version, ep.load)
        for plugin in plugins:
            name, origin, loader = _plugin_loader(plugin)
            if name not in disabled:
                self._load(name, origin, getattr(plugin, "__version__", None), loader)
        self.rules: dict[str, Rule] = {}
        for info in self.plugins:
            for rule in info.rules:
                self.rules[rule.id] = rule

    # -- loading -------------------------------------------------------------
    def _load(self, name: str, origin: str, version: str | None, loader) -> None:
        plugin = None
        try:
            plugin = loader()
            if self.pm.is_registered(plugin):
                return  # the same module given twice (say, installed and --plugin): load it once
            if self.pm.has_plugin(name):
                raise PluginLoadError(f"another plugin named {name!r} is already loaded; rename one of them")
            _check_contract(plugin)
            try:
                self.pm.register(plugin, name=name)
            except ValueError as exc:  # pluggy: a hook implementation's arguments do not fit its hook
                raise PluginLoadError(_pluggy_reason(exc)) from None
            rules = self._declared_rules(name, plugin)
            clash = {r.id: info.name for info in self.plugins for r in info.rules}
            for rule in rules:
                if rule.id in clash:
                    raise PluginLoadError(f"declares rule {rule.id!r}, already declared by plugin {clash[rule.id]!r}")
        except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the others
            if plugin is not None and self.pm.is_registered(plugin):
                self.pm.unregister(plugin)
            if isinstance(exc, PluginLoadError):
                message = f"plugin {name!r} ({origin}) refused: {exc}"
            else:
                message = f"plugin {name!r} ({origin}) failed to load: {type(exc).__name__}: {exc}"
            self.load_errors.append(Problem("<plugins>", message, plugin=name))
            return
        module = getattr(plugin, "__name__", type(plugin).__name__)
        version = version or getattr(plugin, "__version__", None)
        self.plugins.append(PluginInfo(name, version, origin, module, rules))

    def _declared_rules(self, name: str, plugin: Any) -> list[Rule]:
        impl = getattr(plugin, "auditor_rules", None)
        if impl is None:
            return []
        rules = []
        for rule in impl() or ():
            if not isinstance(rule, Rule):
                raise PluginLoadError(f"auditor_rules returned {rule!r}, not a Rule")
            if rule.severity not in SEVERITIES:
                raise PluginLoadError(f"rule {rule.id!r} has severity {rule.severity!r}; use one of {SEVERITIES}")
            rules.append(Rule(rule.id, rule.description, rule.severity, plugin=name))
        return rules

    def selected(self, rule_id: str) -> bool:
        if rule_id in self.ignore:
            return False
        return not self.select or rule_id in self.select

    # -- analysis --------------------------------------------------------------
    def analyze(self, article: Article) -> list[Problem]:
        """Fill in sentences, quotations and attributions.  Returns problems met."""
        problems: list[Problem] = []
        spans = self._first_result("auditor_segment", {"text": article.text}, article, problems)
        article.set_sentences(_sentences(article, spans))
        article.set_quotes(core.find_quotes(article.text))
        found = self._first_result("auditor_find_attributions", {"article": article}, article, problems)
        article.attributions = tuple(sorted(found, key=lambda a: (a.cue.start, a.cue.end)))
        return problems

    def _first_result(self, hook_name: str, kwargs: dict, article: Article, problems: list[Problem]):
        for impl in reversed(getattr(self.pm.hook, hook_name).get_hookimpls()):
            try:
                result = impl.function(**{a: kwargs[a] for a in impl.argnames})
            except Exception as exc:  # noqa: BLE001
                problems.append(_plugin_problem(article, impl.plugin_name, hook_name, exc))
                continue
            if result is not None:
                return list(result)
        raise RuntimeError(f"no implementation of {hook_name} answered")  # the core always does

    # -- checks ----------------------------------------------------------------
    def check(self, article: Article) -> FileResult:
        """Analyse ``article`` and run every check over it."""
        result = FileResult(article.path, article=article)
        result.errors.extend(self.analyze(article))
        result.sentences = len(article.sentences)
        for impl in self.pm.hook.auditor_check_sentence.get_hookimpls():
            for sentence in article.sentences:
                args = {"sentence": sentence, "article": article}
                if not self._collect(impl, args, article, sentence.start, result):
                    break  # one error entry per plugin and file, not one per sentence
        for impl in self.pm.hook.auditor_check_article.get_hookimpls():
            self._collect(impl, {"article": article}, article, 0, result)
        result.findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return result

    def _collect(self, impl, args: dict, article: Article, where: int, result: FileResult) -> bool:
        name = impl.plugin_name
        try:
            returned = impl.function(**{a: args[a] for a in impl.argnames})
            found = list(returned or ())
        except Exception as exc:  # noqa: BLE001
            result.errors.append(_plugin_problem(article, name, impl.function.__name__, exc, where))
            return False
        for finding in found:
            problem = self._malformed(finding, name, article)
            if problem:
                line, column = article.line_col(where)
                result.errors.append(Problem(article.path, f"plugin {name!r}: {problem}", name, line, column))
                return False
            if self.selected(finding.rule):
                rule = self.rules[finding.rule]
                result.findings.append(article.locate(finding, name, rule.severity))
        return True

    def _malformed(self, finding: Any, plugin: str, article: Article) -> str | None:
        if not isinstance(finding, Finding):
            return f"returned {type(finding).__name__} {finding!r:.80}, not a Finding"
        if finding.rule not in self.rules:
            return f"returned a finding of undeclared rule {finding.rule!r}"
        if not (isinstance(finding.start, int) and isinstance(finding.end, int)) or not (
            0 <= finding.start <= finding.end <= len(article.text)
        ):
            return f"returned span [{finding.start!r}, {finding.end!r}) outside the text (length {len(article.text)})"
        if finding.severity is not None and finding.severity not in SEVERITIES:
            return f"returned severity {finding.severity!r}; use one of {SEVERITIES}"
        if not isinstance(finding.message, str):
            return f"returned a non-text message {finding.message!r:.80}"
        return None

    # -- convenience -------------------------------------------------------------
    def audit_text(self, text: str, path: str = "<text>") -> FileResult:
        return self.check(Article(text, path))

    def audit_paths(self, paths: Sequence[str | Path], **read_options: Any) -> Report:
        from .inputs import read_articles

        report = Report(errors=list(self.load_errors))
        for item in read_articles(paths, **read_options):
            if isinstance(item, Problem):
                report.errors.append(item)
            else:
                report.files.append(self.check(item))
        return report


class PluginLoadError(Exception):
    pass


def _sentences(article: Article, spans: Sequence[tuple[int, int]]) -> list[Sentence]:
    out: list[Sentence] = []
    paragraph, previous_end = 0, 0
    for start, end in spans:
        gap = article.text[previous_end:start]
        if out and ("\n" in gap or "\r" in gap):
            paragraph += 1
        out.append(Sentence(len(out), start, end, article.text[start:end], paragraph))
        previous_end = end
    return out


def _plugin_problem(article: Article, plugin: str, hook: str, exc: Exception, where: int = 0) -> Problem:
    line, column = article.line_col(where)
    return Problem(
        article.path,
        f"plugin {plugin!r} raised {type(exc).__name__} in {hook}: {exc}",
        plugin,
        line,
        column,
    )


def _plugin_loader(plugin: Any):
    """Name, origin and loader for a plugin given as an object, module name or file path."""
    if isinstance(plugin, (str, Path)):
        spec = str(plugin)
        if spec.endswith(".py") or "/" in spec or "\\" in spec:
            path = Path(spec)
            return path.stem, "file", lambda: _import_file(path)
        return spec, "module", lambda: importlib.import_module(spec)
    name = getattr(plugin, "__name__", None) or type(plugin).__name__
    return name, "object", lambda: plugin


def _import_file(path: Path) -> ModuleType:
    if not path.is_file():
        raise PluginLoadError(f"no such file: {path}")
    module_name = f"auditor_local_plugin_{path.stem}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise PluginLoadError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module
