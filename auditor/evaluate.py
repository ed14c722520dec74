"""``auditor eval``: precision, recall and F1 per rule against annotated articles.

Implements the gold format and scoring of the attribution corpus (JSON Lines, one
article a line; see the README's "Measuring accuracy").  Findings are matched to
gold items of the same rule when their spans overlap; each gold item matches at
most one finding, greedily in text order; a finding that matches nothing is a
false positive unless it falls on a span the annotation leaves open (``optional``
spans, ``title_only`` sources for ``unnamed-source``, mental states for
``paraphrased-quote``).  Scores are micro-averaged over the file.

Third-party rules are scored from a generic list on each article:
``"expected": [{"rule": "my-rule", "start": 10, "end": 20}]``, with the rule
named in ``annotated``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable

from .engine import Auditor
from .model import Finding

Spans = list[tuple[int, int]]


@dataclass
class GoldItem:
    spans: Spans
    label: str


@dataclass
class RuleScore:
    rule: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _span(d: dict | None) -> Spans:
    return [(d["start"], d["end"])] if d else []


def gold_items(article: dict, rule: str) -> tuple[list[GoldItem], list[Spans]]:
    """The gold items of ``rule`` in one annotated article, and the spans where a
    finding is neither right nor wrong."""
    items: list[GoldItem] = []
    neutral: list[Spans] = [
        [(o["start"], o["end"])] for o in article.get("optional", ()) if o.get("rule") == rule
    ]
    attributions = article.get("attributions", ())
    if rule == "unnamed-source":
        for a in attributions:
            spans = _span(a.get("source")) + _span(a.get("cue"))
            if a["source_kind"] == "unnamed":
                items.append(GoldItem(spans, (a.get("source") or a["cue"])["text"]))
            elif a["source_kind"] == "title_only":
                neutral.append(spans)
    elif rule == "paraphrased-quote":
        by_content: dict[Any, GoldItem] = {}
        for a in attributions:
            if a["quote"] in ("indirect", "mixed"):
                key = (a["content"]["start"], a["content"]["end"]) if a.get("content") else id(a)
                item = by_content.get(key)
                if item is None:
                    item = by_content[key] = GoldItem(_span(a.get("content")), a["cue"]["text"])
                    items.append(item)
                item.spans.extend(_span(a.get("cue")))
            elif a["quote"] == "belief":
                neutral.append(_span(a.get("cue")))
    elif rule == "named-researcher":
        for r in article.get("researchers", ()):
            items.append(GoldItem(_span(r["name"]), r["name"]["text"]))
    for e in article.get("expected", ()):
        if e.get("rule") == rule:
            items.append(GoldItem([(e["start"], e["end"])], e.get("text", "")))
    items.sort(key=lambda item: min(item.spans, default=(0, 0)))
    return items, neutral


def _overlaps(start: int, end: int, spans: Spans) -> bool:
    return any(start < e and s < end for s, e in spans)


def score_article(article: dict, findings: Iterable[Finding], scores: dict[str, RuleScore]) -> None:
    text = article["text"]
    recall_only = bool(article.get("recall_only"))
    for rule in article.get("annotated", ()):
        score = scores.setdefault(rule, RuleScore(rule))
        items, neutral = gold_items(article, rule)
        matched = [False] * len(items)
        for f in sorted((f for f in findings if f.rule == rule), key=lambda f: (f.start, f.end)):
            hit = next(
                (i for i, item in enumerate(items) if not matched[i] and _overlaps(f.start, f.end, item.spans)),
                None,
            )
            if hit is not None:
                matched[hit] = True
                score.tp += 1
            elif any(_overlaps(f.start, f.end, spans) for spans in neutral):
                continue
            elif not recall_only:
                score.fp += 1
                score.misses.append(f"FP {article['id']} {f.start}: {text[f.start:f.end]!r} | {_context(text, f.start, f.end)}")
        for item, ok in zip(items, matched):
            if not ok:
                score.fn += 1
                s, e = min(item.spans)
                score.misses.append(f"FN {article['id']} {s}: {item.label!r} | {_context(text, s, e)}")


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    return " ".join(text[max(0, start - width) : end + width].split())


def evaluate(path: str, auditor: Auditor, ids: str | None = None, problems: list | None = None) -> dict[str, RuleScore]:
    """Scores per rule over the annotated articles in ``path``.  ``problems``, when
    given, collects the errors plugins met on the articles (a score without them
    would hide a broken plugin)."""
    scores: dict[str, RuleScore] = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                article = json.loads(line)
                text = article["text"]
            except (ValueError, KeyError) as exc:
                raise ValueError(f"{path}:{number}: not an annotated article ({exc})") from None
            if ids and not str(article.get("id", "")).startswith(ids):
                continue
            result = auditor.audit_text(text, str(article.get("id", number)))
            if problems is not None:
                problems.extend(result.errors)
            score_article(article, result.findings, scores)
    return scores
