"""The run's results, assembled from its partitions: the final files, the charts
and the summary table."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from typing import Any, Iterable

from .stats import ARTICLE_COLUMNS, GROUP_COLUMNS, RATE_BINS, RATE_STEP, SHARE_BINS, GroupTotals
from .work import part_path, write_atomic

FINDINGS, ARTICLES, GROUPS, ERRORS = "findings.jsonl", "articles.csv", "groups.csv", "errors.jsonl"
CHART_BY_GROUP, CHART_PER_ARTICLE = "unnamed_share_by_group.png", "per_article_distribution.png"
MOST_GROUPS = 30  # groups drawn in the chart and listed in the table (the largest ones)


def assemble(out: str, indexes: list[int], failures: list[dict[str, Any]], groups: dict[str, GroupTotals],
             top: int) -> list[str]:
    """Concatenate the files of the complete partitions (``indexes``) in partition order;
    write the group table.  Returns the files written."""
    header = ",".join(ARTICLE_COLUMNS) + "\n"
    _concat(os.path.join(out, FINDINGS), (part_path(out, i, ".findings.jsonl") for i in indexes))
    _concat(os.path.join(out, ARTICLES), (part_path(out, i, ".articles.csv") for i in indexes), header)
    failed = "".join(json.dumps({"partition": f["index"], "error": f"partition not audited: {f['failed']}"}) + "\n"
                     for f in failures)
    _concat(os.path.join(out, ERRORS), (part_path(out, i, ".errors.jsonl") for i in indexes), failed)
    table = io.StringIO()
    writer = csv.DictWriter(table, GROUP_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(totals.row(name, top) for name, totals in groups.items())
    write_atomic(os.path.join(out, GROUPS), table.getvalue())
    return [FINDINGS, ARTICLES, GROUPS, ERRORS]


def _concat(target: str, parts: Iterable[str], head: str = "") -> None:
    """Stream ``head`` and then the parts into ``target``."""
    handle = tempfile.NamedTemporaryFile("wb", dir=os.path.dirname(target) or ".", prefix=".tmp-", delete=False)
    try:
        with handle:
            handle.write(head.encode("utf-8"))
            for part in parts:
                with open(part, "rb") as source:
                    shutil.copyfileobj(source, handle, 1 << 20)
        os.replace(handle.name, target)
    except BaseException:
        os.unlink(handle.name)
        raise


def largest(groups: dict[str, GroupTotals]) -> list[tuple[str, GroupTotals]]:
    """The groups with the most articles (ties by name), at most MOST_GROUPS of them."""
    return sorted(groups.items(), key=lambda item: (-item[1].articles, item[0]))[:MOST_GROUPS]


def draw_charts(out: str, groups: dict[str, GroupTotals], overall: GroupTotals) -> list[str]:
    """The two PNG charts; none when matplotlib is not installed."""
    try:
        from matplotlib.figure import Figure  # the object API: no pyplot state, renders with Agg
        from matplotlib.ticker import MaxNLocator, PercentFormatter
    except ImportError:
        return []
    shown = sorted(largest(groups), key=lambda item: (item[1].unnamed / (item[1].attributions or 1), item[0]))
    figure = Figure(figsize=(8, 1.6 + 0.35 * len(shown)), layout="constrained")
    axes = figure.add_subplot()
    shares = [t.unnamed / t.attributions if t.attributions else 0.0 for _, t in shown]
    bars = axes.barh([name for name, _ in shown], shares, color="#c0504d")
    axes.bar_label(bars, [f" {s:.0%} of {t.attributions:,} ({t.articles:,} article{'s' * (t.articles != 1)})" for s, (_, t) in
                          zip(shares, shown)], fontsize=8)
    axes.set_xlim(0, 1.15)
    axes.xaxis.set_major_formatter(PercentFormatter(1.0))
    axes.set_xlabel("share of attributions to unnamed sources")
    axes.set_title("Unnamed sources by group" + (f" (the {len(shown)} largest)" if len(groups) > len(shown) else ""))
    figure.savefig(os.path.join(out, CHART_BY_GROUP), dpi=100)

    figure = Figure(figsize=(10, 4), layout="constrained")
    left, right = figure.subplots(1, 2)
    left.bar([(i + 0.5) / SHARE_BINS for i in range(SHARE_BINS)], overall.share_hist, width=0.9 / SHARE_BINS,
             color="#c0504d")
    left.xaxis.set_major_formatter(PercentFormatter(1.0))
    left.set_xlabel("share of the article's attributions to unnamed sources")
    left.set_ylabel("articles")
    left.set_title(f"{sum(overall.share_hist):,} articles with attributions")
    right.bar([RATE_STEP * (i + 0.5) for i in range(RATE_BINS)], overall.rate_hist, width=0.9 * RATE_STEP,
              color="#4f81bd")
    right.set_xlabel(f"attributions per 1,000 words (last bar: {RATE_STEP * (RATE_BINS - 1)} or more)")
    right.set_title(f"all {overall.articles:,} articles")
    for axes in (left, right):
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    figure.suptitle("Per article")
    figure.savefig(os.path.join(out, CHART_PER_ARTICLE), dpi=100)
    return [CHART_BY_GROUP, CHART_PER_ARTICLE]


def summary_table(groups: dict[str, GroupTotals], overall: GroupTotals, tablefmt: str = "simple") -> str:
    from tabulate import tabulate

    def line(name: str, totals: GroupTotals) -> list[Any]:
        row = totals.row(name, 3)
        return [name, row["articles"], row["attributions_per_1000_words"], f"{row['unnamed_share']:.1%}",
                f"{row['paraphrased_share']:.1%}", row["named_researchers"], row["top_unnamed_phrases"]]

    rows = [line(name, totals) for name, totals in largest(groups)]
    if len(groups) > 1:
        rows.append(line("(all)", overall))
    table = tabulate(rows, headers=("group", "articles", "attributions /1k words", "unnamed", "paraphrased",
                                    "named researchers", "most frequent unnamed sources"),
                     tablefmt=tablefmt, floatfmt=".1f", intfmt=",", maxcolwidths=[30, None, None, None, None, None, 50])
    more = len(groups) - MOST_GROUPS
    return table + (f"\n... and {more:,} smaller groups: see groups.csv" if more > 0 else "")
