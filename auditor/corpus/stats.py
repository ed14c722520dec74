"""Sourcing statistics: one row per article, and totals per group that add up.

An article's figures come from the core's analysis (``article.attributions``:
who is credited, in what form) and from its findings (named researchers).
*Unnamed*: the attribution credits nobody a reader can check (source kind
``unnamed``: "officials said", "reportedly"; the attributions the
unnamed-sources check reports).  *Paraphrased*: the content is in
the writer's words (``indirect``) or splices quoted fragments into paraphrase
(``mixed``).  Shares are of all attributions.

Group totals hold sums and counts only, so partitions are added in any order and
always give the same result; rates and shares are worked out at the end.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..engine import FileResult

PARAPHRASED_FORMS = ("indirect", "mixed")
RESEARCHER_RULE = "named-researcher"

ARTICLE_COLUMNS = (
    "id", "group", "words", "sentences", "attributions", "attributions_per_1000_words",
    "unnamed", "unnamed_share", "paraphrased", "paraphrased_share", "direct_quotes",
    "named_researchers", "findings", "metadata",
)
GROUP_COLUMNS = (
    "group", "articles", "words", "attributions", "attributions_per_1000_words",
    "unnamed", "unnamed_share", "paraphrased", "paraphrased_share", "named_researchers",
    "findings", "top_unnamed_phrases",
)

#: Histogram bins for the per-article distribution chart: the share of unnamed
#: attributions in tenths (articles with at least one attribution), and
#: attributions per 1,000 words in steps of RATE_STEP, the last bin open-ended.
SHARE_BINS = 10
RATE_STEP, RATE_BINS = 5, 20


def ratio(part: int, whole: int, per: int = 1) -> float:
    return round(per * part / whole, 4) if whole else 0.0


def article_row(result: FileResult, group: str) -> tuple[dict[str, Any], list[str]]:
    """One article's statistics, and the unnamed-source phrases it uses."""
    article = result.article
    attributions = article.attributions
    unnamed = [a for a in attributions if a.source_kind == "unnamed"]
    paraphrased = sum(a.quote in PARAPHRASED_FORMS for a in attributions)
    words = len(article.text.split())
    row = {
        "id": article.path,
        "group": group,
        "words": words,
        "sentences": result.sentences,
        "attributions": len(attributions),
        "attributions_per_1000_words": ratio(len(attributions), words, 1000),
        "unnamed": len(unnamed),
        "unnamed_share": ratio(len(unnamed), len(attributions)),
        "paraphrased": paraphrased,
        "paraphrased_share": ratio(paraphrased, len(attributions)),
        "direct_quotes": sum(a.quote == "direct" for a in attributions),
        "named_researchers": sum(f.rule == RESEARCHER_RULE for f in result.findings),
        "findings": len(result.findings),
        "metadata": json.dumps(article.metadata, ensure_ascii=False, sort_keys=True, default=str),
    }
    phrases = [" ".join((a.source or a.cue).text.lower().split()) for a in unnamed]
    return row, phrases


@dataclass
class GroupTotals:
    """Everything a group's aggregate is worked out from; ``+`` adds two."""

    articles: int = 0
    words: int = 0
    attributions: int = 0
    unnamed: int = 0
    paraphrased: int = 0
    named_researchers: int = 0
    findings: int = 0
    phrases: Counter = field(default_factory=Counter)
    share_hist: list[int] = field(default_factory=lambda: [0] * SHARE_BINS)
    rate_hist: list[int] = field(default_factory=lambda: [0] * RATE_BINS)

    def add(self, row: dict[str, Any], phrases: list[str]) -> None:
        self.articles += 1
        for key in ("words", "attributions", "unnamed", "paraphrased", "named_researchers", "findings"):
            setattr(self, key, getattr(self, key) + row[key])
        self.phrases.update(phrases)
        if row["attributions"]:
            self.share_hist[min(int(row["unnamed"] * SHARE_BINS / row["attributions"]), SHARE_BINS - 1)] += 1
        self.rate_hist[min(int(row["attributions_per_1000_words"] // RATE_STEP), RATE_BINS - 1)] += 1

    def __add__(self, other: GroupTotals) -> GroupTotals:
        return GroupTotals(
            *(getattr(self, k) + getattr(other, k) for k in
              ("articles", "words", "attributions", "unnamed", "paraphrased", "named_researchers", "findings")),
            phrases=self.phrases + other.phrases,
            share_hist=[a + b for a, b in zip(self.share_hist, other.share_hist)],
            rate_hist=[a + b for a, b in zip(self.rate_hist, other.rate_hist)],
        )

    def to_dict(self) -> dict[str, Any]:
        out = dict(vars(self))
        out["phrases"] = dict(self.phrases)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GroupTotals:
        return cls(**{**data, "phrases": Counter(data["phrases"])})

    def row(self, group: str, top: int) -> dict[str, Any]:
        """The group's line of ``groups.csv``."""
        # Most frequent first; ties alphabetically, so every run lists the same phrases.
        phrases = sorted(self.phrases.items(), key=lambda item: (-item[1], item[0]))[:top]
        return {
            "group": group,
            "articles": self.articles,
            "words": self.words,
            "attributions": self.attributions,
            "attributions_per_1000_words": ratio(self.attributions, self.words, 1000),
            "unnamed": self.unnamed,
            "unnamed_share": ratio(self.unnamed, self.attributions),
            "paraphrased": self.paraphrased,
            "paraphrased_share": ratio(self.paraphrased, self.attributions),
            "named_researchers": self.named_researchers,
            "findings": self.findings,
            "top_unnamed_phrases": "; ".join(f"{phrase} ({n})" for phrase, n in phrases),
        }


def group_of(metadata: dict[str, Any], group_by: tuple[str, ...]) -> str:
    """The group an article falls in: the values of the ``--group-by`` fields joined by " / ".
    ``FIELD[:N]`` keeps the first N characters ("published[:7]" groups by month)."""
    if not group_by:
        return "all"
    parts = []
    for spec in group_by:
        name, _, cut = spec.partition("[:")
        value = metadata.get(name)
        value = "(none)" if value in (None, "") else str(value)
        parts.append(value[: int(cut.rstrip("]"))] if cut else value)
    return " / ".join(parts)
