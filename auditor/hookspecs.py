"""The plugin contract: every hook a plugin may implement.

A plugin is a module (or any object) with functions named after these hooks and
decorated with :data:`auditor.hookimpl`.  It implements only the hooks it needs;
it never needs to accept every argument, pluggy passes the ones it names.

The smallest complete plugin::

    import auditor
    from auditor import Finding, Rule

    @auditor.hookimpl
    def auditor_rules():
        return [Rule("reportedly", "'reportedly' hides who reported it.")]

    @auditor.hookimpl
    def auditor_check_sentence(sentence, article):
        i = sentence.text.find("reportedly")
        if i >= 0:
            start = sentence.start + i
            yield Finding("reportedly", start, start + len("reportedly"),
                          "Say who reported it.")

Register it under the ``auditor`` entry-point group in your ``pyproject.toml``
(``[project.entry-points.auditor] my-check = "my_package.my_module"``), or load
it for one run with ``auditor audit --plugin my_module.py``.

Order of calls for every article: :func:`auditor_segment` (first result wins),
quotation tracking, :func:`auditor_find_attributions` (first result wins), then
:func:`auditor_check_sentence` for each sentence and :func:`auditor_check_article`
once.  The analysis is done once in the core; checks only read it.  Before any
article, once: :func:`auditor_rules`, then :func:`auditor_configure` when the user
has a configuration file.

The plugin author's guide, ``docs/plugins.md``, has a runnable example for each
hook, and ``auditor.testing`` the helpers to test a plugin with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

import pluggy

if TYPE_CHECKING:
    from .config import Config
    from .model import Article, Attribution, Finding, Rule, Sentence

#: The version of this contract.  A plugin module may declare
#: ``AUDITOR_CONTRACT = 1``; one that declares another version is refused with
#: a message rather than called with arguments it does not expect.
CONTRACT_VERSION = 1

hookspec = pluggy.HookspecMarker("auditor")


@hookspec
def auditor_rules() -> Sequence[Rule]:
    """Declare the rules this plugin reports.

    Called once, when the plugin is loaded.  Return a list of
    :class:`auditor.Rule` (id, one-line description, default severity:
    ``info``, ``warning`` or ``error``).  Every finding a plugin returns must
    name one of its declared rule ids; rule ids are what users pass to
    ``--select`` and ``--ignore``, so keep them stable.
    """


@hookspec(firstresult=True)
def auditor_segment(text: str) -> Sequence[tuple[int, int]] | None:
    """Split the article's prose into sentences.

    Called once per article with its prose text.  Return ``[start, end)`` pairs in
    order, not overlapping, covering every non-space character; or None to let
    the next implementation (ultimately the built-in news segmenter) answer.
    The first non-None result wins.
    """


@hookspec(firstresult=True)
def auditor_find_attributions(article: Article) -> Sequence[Attribution] | None:
    """Find every act of attribution in the article.

    Called once per article, after sentences and quotations are set
    (``article.sentences``, ``article.quotes``).  Return a list of
    :class:`auditor.Attribution`, or None to defer to the built-in finder.  The
    first non-None result wins and becomes ``article.attributions`` for every
    check.
    """


@hookspec
def auditor_check_sentence(sentence: Sentence, article: Article) -> Iterable[Finding] | None:
    """Check one sentence.

    Called for every sentence, in order.  ``article`` gives the whole analysis:
    ``article.attributions_in(sentence)``, ``article.quote_at(offset)`` and
    ``article.text``.  Return (or yield) :class:`auditor.Finding` objects whose
    offsets index ``article.text``; the engine adds the plugin name, severity,
    text, line and column.
    """


@hookspec
def auditor_check_article(article: Article) -> Iterable[Finding] | None:
    """Check the whole article once.

    Called after every sentence check, for what needs the whole text: a quotation
    that runs over sentences, a name first mentioned in one sentence and cited in
    another, a count over the article.  Returns findings as
    :func:`auditor_check_sentence` does.
    """


@hookspec
def auditor_configure(config: Config) -> None:
    """Receive the user's configuration, once, before any article is checked.

    Called by :meth:`auditor.Auditor.configure` (which ``auditor audit`` calls
    after loading the plugins, when a configuration file is in use) with an
    :class:`auditor.config.Config`.  Read what concerns this plugin and keep it for
    the checks; return nothing.  Extra phrases for a plugin's lexicon come from
    the ``[tool.auditor.phrases.NAME]`` table, NAME being the plugin's name::

        @auditor.hookimpl
        def auditor_configure(config):
            extra = config.extra_phrases("my-check", sections={"words"})
            WORDS.update(extra.get("words", ()))

    ``config.extra_phrases(name, sections=...)`` returns ``{section: [phrases]}``
    with phrases lower-cased, and refuses a section the plugin does not have.
    A value the plugin cannot use should raise :class:`auditor.config.ConfigError`
    (``raise config.error("phrases.my-check.words", "what is wrong")``): the user
    sees it with the file and key, and the run exits with code 2.  Configuration
    holds only data; nothing in it is executed.
    """
