"""Accuracy on the project's own annotated examples (examples/gold.jsonl).

The bar for the seed-style article is the issue's: every gold item found, no false
positive, for all three rules.  The others must score F1 >= 0.8 per rule."""

import json

import pytest

from auditor.engine import Auditor
from auditor.evaluate import score_article

RULES = ("unnamed-source", "paraphrased-quote", "named-researcher")


@pytest.fixture(scope="module")
def gold(examples_dir):
    with open(examples_dir / "gold.jsonl", encoding="utf-8") as handle:
        return {a["id"]: a for a in map(json.loads, handle)}


@pytest.fixture(scope="module")
def auditor():
    return Auditor()


def scores_for(article, auditor):
    scores = {}
    score_article(article, auditor.audit_text(article["text"]).findings, scores)
    return scores


@pytest.mark.parametrize("rule", RULES)
def test_seed_style_article_every_gold_item_and_nothing_else(gold, auditor, rule):
    score = scores_for(gold["example-seed-style"], auditor)[rule]
    assert (score.fp, score.fn) == (0, 0), "\n".join(score.misses)


@pytest.mark.parametrize("article_id", ["example-wire-style", "example-clean"])
def test_other_examples_score_well(gold, auditor, article_id):
    for rule, score in scores_for(gold[article_id], auditor).items():
        if score.tp + score.fn:
            assert score.f1 >= 0.8, f"{rule}: " + "\n".join(score.misses)
        else:
            assert score.fp == 0, f"{rule}: " + "\n".join(score.misses)


def test_seed_style_researcher_citation_is_described(examples_dir):
    text = (examples_dir / "seed-style.txt").read_text(encoding="utf-8")
    (finding,) = [f for f in Auditor().audit_text(text).findings if f.rule == "named-researcher"]
    assert finding.text == "Sarah Haddad"
    assert finding.data["venue"] == "Foreign Affairs"
    assert finding.data["date"] == "3 March"
    assert "analyst" in finding.data["descriptor"]
    assert "affiliation" in finding.data["missing"]
