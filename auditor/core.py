"""The core's own hook implementations: the defaults every plugin can replace.

Registered last in line (``trylast``), so a plugin's segmenter or attribution
finder, when it answers, wins.
"""

from __future__ import annotations

from . import hookimpl
from .attributions import find_attributions
from .quotes import find_quotes
from .segment import segment

__all__ = ["auditor_segment", "auditor_find_attributions", "find_quotes"]


@hookimpl(trylast=True)
def auditor_segment(text):
    return segment(text)


@hookimpl(trylast=True)
def auditor_find_attributions(article):
    return find_attributions(article)


@hookimpl
def auditor_configure(config):
    # [phrases.attribution] in a configuration file: extra phrases for the finder's lexicon.
    from .attributions import extend_lexicon
    from .lexicon import load_lexicon

    extra = config.extra_phrases("attribution", sections=load_lexicon("attribution"))
    if extra:
        extend_lexicon(extra)
