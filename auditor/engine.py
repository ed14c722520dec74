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
import inspect
import sys
from dataclasses import dataclass, field, replace
from itertools import accumulate, chain, count
from operator import attrgetter, le, lt
from time import monotonic
from types import ModuleType
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Sequence

import pluggy

from . import core, hookspecs
from .entry_points import entry_points as installed_entry_points
from .model import ATTRIBUTION_ORDER, SEVERITIES, Article, Attribution, Finding, Problem, Rule, Sentence
from .suppress import apply_suppressions
from .watchdog import DEFAULT_TIME_LIMIT, PluginTimeout, Watchdog

if TYPE_CHECKING:
    from pathlib import Path  # not at run time: importing pathlib costs several ms of every start

ENTRY_POINT_GROUP = "auditor"
BUILTIN_PREFIX = "auditor.plugins."
#: Allocations (net of frees) between two runs of the cyclic garbage collector; Python's default is 700.
GC_THRESHOLD = 50_000


def collect_garbage_less_often() -> None:
    """Run Python's cyclic garbage collector less often in this process.

    An article's analysis keeps tens of thousands of small objects alive (sentences,
    spans, attributions, findings), and none of them form cycles, so the collector
    finds nothing; yet at Python's default threshold it walks them all again and
    again, 6% of the time of an audit of news and 17% on dense text.  The auditor's
    own processes call this at start (the command, its workers, the corpus's
    partitions); a program that uses the Python API decides for its own process."""
    import gc

    first, *rest = gc.get_threshold()
    if first and first < GC_THRESHOLD:  # 0: the program turned collection off; leave it so
        gc.set_threshold(GC_THRESHOLD, *rest)


@dataclass
class PluginInfo:
    """What ``auditor plugins`` shows for one loaded plugin."""

    name: str
    version: str | None
    origin: str  # "built-in", "entry point", "file", "module", "config" or "object"
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
    #: True for each block of a huge file but its last: the next result continues this file
    #: (only when reading in blocks, see auditor.inputs.read_articles's block_bytes).
    more: bool = field(default=False, repr=False, compare=False)
    #: ``unused-suppression`` findings: ``auditor: ignore`` directives that silenced nothing
    #: (auditor.suppress); reported with ``auditor audit --report-unused-suppressions``.
    unused_suppressions: list[Finding] = field(default_factory=list, repr=False, compare=False)

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
    #: Every rule of the run's plugins, by id (for formats that describe rules, such as SARIF).
    rules: dict[str, Rule] = field(default_factory=dict, repr=False, compare=False)

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
    plugins given (the way tests run one plugin alone).  ``time_limit``: seconds
    one hook call may run before it is stopped and reported (None or 0: no limit;
    see :mod:`auditor.watchdog`).
    """

    def __init__(
        self,
        plugins: Sequence[Any] = (),
        *,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        disable: Iterable[str] = (),
        entry_points: bool = True,
        time_limit: float | None = DEFAULT_TIME_LIMIT,
    ) -> None:
        # What a worker process needs to build the same Auditor (see auditor.parallel).
        self.options = dict(plugins=list(plugins), select=list(select), ignore=list(ignore),
                            disable=list(disable), entry_points=entry_points, time_limit=time_limit)
        self.watchdog = Watchdog(time_limit)
        self.pm = pluggy.PluginManager("auditor")
        self.pm.add_hookspecs(hookspecs)
        self.pm.register(core, name="auditor.core")
        self.plugins: list[PluginInfo] = []
        self.load_errors: list[Problem] = []
        self.select = frozenset(select)
        self.ignore = frozenset(ignore)
        disabled = frozenset(disable)
        if entry_points:
            for ep in installed_entry_points(ENTRY_POINT_GROUP):
                if ep.name in disabled:
                    continue
                origin = "built-in" if ep.value.startswith(BUILTIN_PREFIX) else "entry point"
                self._load(ep.name, origin, ep.version, ep.load)
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
            self._check_contract(plugin)
            try:
                self.pm.register(plugin, name=name)
            except pluggy.PluginValidationError as exc:  # an implementation asks for arguments its hook lacks
                raise PluginLoadError(" ".join(str(exc).split())) from None
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

    def _check_contract(self, plugin: Any) -> None:
        """Refuse a plugin written for another contract, before any of its hooks can run."""
        version = hookspecs.CONTRACT_VERSION
        contract = getattr(plugin, "AUDITOR_CONTRACT", version)
        if contract != version:
            raise PluginLoadError(
                f"it was written for hook contract {contract!r} (AUDITOR_CONTRACT) and this auditor provides "
                f"contract {version}; install a release of the plugin made for contract {version}"
            )
        hooks = sorted(n for n in vars(hookspecs) if n.startswith("auditor_"))
        implemented = 0
        for attribute in dir(plugin):
            if not attribute.startswith("auditor_"):
                continue
            marked = self.pm.parse_hookimpl_opts(plugin, attribute) is not None
            if marked and attribute not in hooks:
                import difflib  # only to word this refusal

                close = difflib.get_close_matches(attribute, hooks, n=1)
                hint = f" (did you mean {close[0]}?)" if close else ""
                raise PluginLoadError(
                    f"it implements {attribute}, which is not a hook of contract {version}{hint}; "
                    f"the hooks are {', '.join(hooks)}"
                )
            if not marked and attribute in hooks and callable(getattr(plugin, attribute, None)):
                raise PluginLoadError(f"{attribute} lacks the @auditor.hookimpl decorator, so it would never be called")
            if marked:
                implemented += 1
                offered = list(inspect.signature(getattr(hookspecs, attribute)).parameters)
                asked = [p for p in inspect.signature(getattr(plugin, attribute)).parameters if p != "self"]
                unknown = [p for p in asked if p not in offered]
                if unknown:
                    raise PluginLoadError(
                        f"{attribute} asks for {', '.join(map(repr, unknown))}, which the hook does not pass; "
                        f"it passes {', '.join(offered) or 'nothing'}"
                    )
        if not implemented:
            raise PluginLoadError("it implements no hook; decorate its hook functions with @auditor.hookimpl")

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

    def configure(self, config) -> None:
        """Hand an :class:`auditor.config.Config` to every plugin's ``auditor_configure``, once.
        A plugin's ConfigError (a bad value for it) propagates; any other error becomes
        a load problem naming the plugin, as for a plugin that fails to load."""
        from .config import ConfigError

        self.config = config  # a worker process that rebuilds this Auditor configures it the same way
        for impl in self.pm.hook.auditor_configure.get_hookimpls():
            try:
                impl.function(**{a: config for a in impl.argnames})
            except ConfigError:
                raise
            except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the others
                self.load_errors.append(
                    Problem("<plugins>", f"plugin {impl.plugin_name!r} raised {type(exc).__name__} in auditor_configure: {exc}",
                            plugin=impl.plugin_name)
                )

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
        article.attributions = tuple(sorted(found, key=ATTRIBUTION_ORDER))
        return problems

    def _first_result(self, hook_name: str, kwargs: dict, article: Article, problems: list[Problem]):
        """The first answer of a firstresult hook; one that raises, runs too long or
        answers something malformed is reported and the next one (in the end the
        core's) answers instead."""
        for impl in reversed(getattr(self.pm.hook, hook_name).get_hookimpls()):
            try:
                with self.watchdog.whole_article(len(article.text)):
                    result = impl.function(**{a: kwargs[a] for a in impl.argnames})
                    result = None if result is None else list(result)
            except (Exception, SystemExit, PluginTimeout) as exc:  # noqa: BLE001
                problems.append(_plugin_problem(article, impl.plugin_name, hook_name, exc))
                continue
            if result is None:
                continue
            malformed = _malformed_answer(hook_name, result, len(article.text))
            if malformed is None:
                return result
            problems.append(Problem(article.path, f"plugin {impl.plugin_name!r}: {hook_name} {malformed}",
                                    impl.plugin_name, 1, 1))
        return []  # even the core failed (reported above): nothing to check in this article

    # -- checks ----------------------------------------------------------------
    def check(self, article: Article) -> FileResult:
        """Analyse ``article`` and run every check over it."""
        result = FileResult(article.path, article=article)
        with self.watchdog.armed():
            result.errors.extend(self.analyze(article))
            result.sentences = len(article.sentences)
            for impl in self.pm.hook.auditor_check_sentence.get_hookimpls():
                self._collect(impl, article, article.sentences, result)
            for impl in self.pm.hook.auditor_check_article.get_hookimpls():
                with self.watchdog.whole_article(len(article.text)):  # the budget of this call
                    self._collect(impl, article, (None,), result)
        result.findings.sort(key=_BY_PLACE)
        result.findings, result.unused_suppressions = apply_suppressions(article, result.findings)
        block = getattr(article, "block", None)  # one block of a huge file (auditor.inputs.read_blocks)
        if block is not None:
            _place_in_file(result, block)
        return result

    def _collect(self, impl, article: Article, sentences: Sequence[Sentence | None], result: FileResult) -> None:
        """Call ``impl`` on each of ``sentences`` (None: on the article) and keep its findings.
        The first call that raises or returns something malformed is reported at its place
        and ends the calls: one error per plugin and file."""
        name, function, asked = impl.plugin_name, impl.function, impl.argnames
        both = set(asked) == {"sentence", "article"}  # the usual sentence check, called straight away
        severities = {rule_id: rule.severity for rule_id, rule in self.rules.items() if self.selected(rule_id)}
        findings, watchdog = result.findings, self.watchdog
        rules, length = self.rules, len(article.text)
        where = 0
        try:
            for sentence in sentences:
                where = 0 if sentence is None else sentence.start
                # The time limit covers the call and the generator it returns: stamped rather than
                # `with watchdog:`, which costs as much again as the rest of the engine's work per call.
                watchdog.call_started = monotonic()
                if both:
                    answer = function(sentence=sentence, article=article)
                else:
                    offered = {"article": article} if sentence is None else {"sentence": sentence, "article": article}
                    answer = function(**{a: offered[a] for a in asked})
                # Findings a check yielded before it raised are kept, with the error beside them.
                for finding in answer or ():
                    # the usual well-formed Finding passes one check; any other is looked at closely
                    usual = type(finding) is Finding and _usual(finding.__dict__, rules, length)
                    problem = None if usual else self._malformed(finding, name, article)
                    if problem:
                        line, column = article.line_col(where)
                        result.errors.append(Problem(article.path, f"plugin {name!r}: {problem}", name, line, column))
                        return
                    severity = severities.get(finding.rule)  # None: not selected
                    if severity is not None:
                        findings.append(article.locate(finding, name, severity))
        except (Exception, SystemExit, PluginTimeout) as exc:  # noqa: BLE001 - sys.exit() in a plugin must not end the run
            watchdog.call_started = None  # the report is the engine's work, not the call's
            result.errors.append(_plugin_problem(article, name, function.__name__, exc, where))
        finally:
            watchdog.call_started = None

    def _malformed(self, finding: Any, plugin: str, article: Article) -> str | None:
        """What is wrong with a finding that is not the usual well-formed one (see ``_usual``), or None."""
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
        # type() first: isinstance against typing.Mapping costs ~9 us.
        if not ((type(finding.data) is dict or isinstance(finding.data, Mapping)) and _json_data(finding.data)):
            return (f"returned data {finding.data!r:.80} that JSON cannot hold "
                    "(use a dict of text keys to text, numbers, booleans, None, lists and dicts)")
        return None

    # -- convenience -------------------------------------------------------------
    def audit_text(self, text: str, path: str = "<text>", format: str = "text") -> FileResult:
        """Audit ``text`` read as ``format``: "text", "markdown" or "html"."""
        from .formats import make_article

        return self.check(make_article(text, path, format))

    def audit_paths(self, paths: Sequence[str | Path], *, jobs: int | None = 1, progress: bool = False,
                    **read_options: Any) -> Report:
        """Audit files, folders and ``-`` (stdin); see :meth:`iter_results`."""
        report = Report(errors=list(self.load_errors), rules=dict(self.rules))
        for item in self.iter_results(paths, jobs=jobs, progress=progress, **read_options):
            if isinstance(item, Problem):
                report.errors.append(item)
            elif report.files and report.files[-1].more:  # the next block of a huge file
                whole = report.files[-1]
                whole.sentences += item.sentences
                whole.findings += item.findings
                whole.errors += item.errors
                whole.unused_suppressions += item.unused_suppressions
                whole.more, whole.article = item.more, None
            else:
                report.files.append(item)
        return report

    def iter_results(self, paths: Sequence[str | Path], *, jobs: int | None = 1, progress: bool = False,
                     **read_options: Any) -> Iterator[FileResult | Problem]:
        """One result per article, or a problem per unreadable input, in input order.

        ``jobs``: worker processes (``None``: one per core when there is more than
        one file); results from workers come without ``article``.  ``progress``:
        a progress bar on stderr when the run takes long and stderr is a terminal.
        ``read_options`` go to :func:`auditor.inputs.read_articles`.
        """
        from .inputs import read_articles
        from .parallel import check_all, with_progress

        results = check_all(self, read_articles(paths, **read_options), jobs)
        return with_progress(results, paths, read_options.get("exclude", ())) if progress else results


class PluginLoadError(Exception):
    pass


def _place_in_file(result: FileResult, block) -> None:
    """Move a block's findings and errors to their places in the whole file.  A block
    starts a line, so columns stay as they are."""
    result.more = block.more
    for findings in (result.findings, result.unused_suppressions):
        for i, f in enumerate(findings):
            moved = object.__new__(type(f))  # a fresh copy; replace() costs twice as much per finding
            moved.__dict__.update(f.__dict__, start=f.start + block.offset, end=f.end + block.offset,
                                  line=f.line + block.line, end_line=f.end_line + block.line)
            findings[i] = moved
    result.errors = [replace(e, line=e.line + block.line) if e.line else e for e in result.errors]


def _sentences(article: Article, spans: Sequence[tuple[int, int]]) -> list[Sentence]:
    text = article.text
    starts, ends = [span[0] for span in spans], [span[1] for span in spans]
    # A sentence opens a new paragraph when a line break lies between it and the one before.
    gaps = map(text.__getitem__, map(slice, ends, starts[1:]))
    paragraphs = accumulate(["\n" in gap or "\r" in gap for gap in gaps], initial=0)
    texts = map(text.__getitem__, map(slice, starts, ends))
    return list(map(Sentence, count(), starts, ends, texts, paragraphs))


def _usual(fields: dict, rules: Mapping[str, Rule], length: int) -> bool:
    """Whether a Finding's fields are the usual, well-formed ones: checked at once, where
    Auditor._malformed goes through them one by one to say what is wrong."""
    try:
        start, end, severity, data = fields["start"], fields["end"], fields["severity"], fields["data"]
        return (fields["rule"] in rules and type(start) is int and type(end) is int and 0 <= start <= end <= length
                and (severity is None or severity in SEVERITIES) and type(fields["message"]) is str
                and type(data) is dict and _TEXT.issuperset(map(type, data))
                and _JSON_SCALARS.issuperset(map(type, data.values())))
    except KeyError:  # a Finding not made by Finding(): the checks one by one say what is wrong
        return False


_BY_PLACE = attrgetter("start", "end", "rule")
_JSON_SCALARS = frozenset((str, int, float, bool, type(None)))
_TEXT = frozenset((str,))


def _json_data(value: Any) -> bool:
    """Whether ``value`` can go into the JSON, SARIF and other machine formats as it is.
    Checked for every finding, so the usual flat dict of text is checked in C (~1 us)."""
    kind = type(value)
    if kind in _JSON_SCALARS or isinstance(value, (str, int, float)):
        return True
    if kind is list or kind is tuple:
        return _JSON_SCALARS.issuperset(map(type, value)) or all(map(_json_data, value))
    if kind is dict or isinstance(value, Mapping):
        return (_TEXT.issuperset(map(type, value)) or all(isinstance(k, str) for k in value)) and (
            _JSON_SCALARS.issuperset(map(type, value.values())) or all(map(_json_data, value.values())))
    return False


def _malformed_answer(hook_name: str, answer: list, length: int) -> str | None:
    """What is wrong with a segmenter's spans or a finder's attributions, if anything."""
    if hook_name == "auditor_find_attributions":
        wrong = next((a for a in answer if not isinstance(a, Attribution)), None)
        return None if wrong is None else f"returned {type(wrong).__name__} {wrong!r:.60}, not an Attribution"
    if _usual_spans(answer, length):
        return None
    previous_end = 0
    for span in answer:
        start, end = span if isinstance(span, (tuple, list)) and len(span) == 2 else (None, None)
        if not (isinstance(start, int) and isinstance(end, int) and previous_end <= start < end <= length):
            return (f"returned {span!r:.60}: sentences must be (start, end) pairs in order, "
                    f"not overlapping, within the text (length {length})")
        previous_end = end
    return None


def _usual_spans(spans: list, length: int) -> bool:
    """Whether ``spans`` are (start, end) tuples of ints, in order, not overlapping, within the
    text: the usual answer, checked in C; _malformed_answer looks at any other span by span."""
    if not ({tuple} >= set(map(type, spans)) and {2} >= set(map(len, spans))):
        return False
    flat = list(chain.from_iterable(spans))  # start, end, start, end, ...
    return ({int} >= set(map(type, flat)) and (not flat or 0 <= flat[0] and flat[-1] <= length)
            and all(map(lt, flat[0::2], flat[1::2])) and all(map(le, flat[1:-1:2], flat[2::2])))


def _plugin_problem(article: Article, plugin: str, hook: str, exc: BaseException, where: int = 0) -> Problem:
    line, column = article.line_col(where)
    if isinstance(exc, PluginTimeout):
        message = f"plugin {plugin!r} was stopped in {hook}: it {exc} (change the limit with --time-limit)"
    else:
        message = f"plugin {plugin!r} raised {type(exc).__name__} in {hook}: {exc}"
    return Problem(
        article.path,
        message,
        plugin,
        line,
        column,
    )


def _plugin_loader(plugin: Any):
    """Name, origin and loader for a plugin given as an object, module name or file path."""
    from pathlib import Path

    if isinstance(plugin, (str, Path)):
        spec = str(plugin)
        if spec.endswith(".py") or "/" in spec or "\\" in spec:
            path = Path(spec)
            return path.stem, "file", lambda: _import_file(path)
        return spec, "module", lambda: _import_module(spec)
    name = getattr(plugin, "__name__", None) or type(plugin).__name__
    # Plugins built by the core (custom rules from a configuration file) say where they come from.
    return name, getattr(plugin, "AUDITOR_ORIGIN", "object"), lambda: plugin


def _import_file(path: Path) -> ModuleType:
    import importlib.util

    if not path.is_file():
        raise PluginLoadError(f"no such file: {path}")
    module_name = f"auditor_local_plugin_{path.stem}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise PluginLoadError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[module_name]
        raise
    return module


def _import_module(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and name.startswith(exc.name):  # the plugin itself, not something it imports
            raise PluginLoadError(
                f"no module named {name!r} on the Python path; install its package, or give a file path ending in .py"
            ) from None
        raise
