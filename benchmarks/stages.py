#!/usr/bin/env python3
"""Where the time of an audit goes, stage by stage, in CPU time.

    .venv/bin/python benchmarks/stages.py benchmarks/.work/news-1mb.txt
    .venv/bin/python benchmarks/stages.py FILE --profile 25      # and cProfile's top 25

Runs each stage of ``auditor audit --format json`` on FILE once, in this process,
through the same objects the engine uses: reading, the segmenter, quotation
tracking, the attribution finder, each plugin's checks (by plugin name), the
engine's whole check (every stage plus locating findings), and the JSON output.
CPU time (time.process_time) rather than wall time, so a busy machine distorts it
less.  Run by hand; bench.py gives the whole-process figures.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import time

from auditor.engine import Auditor, FileResult, Report, _sentences, collect_garbage_less_often
from auditor.inputs import read_article
from auditor.output import render_json
from auditor.quotes import find_quotes


def call(impl, **offered):
    """A hook implementation called with the arguments it asks for, as the engine does."""
    return impl.function(**{name: offered[name] for name in impl.argnames})


def finder_parts(article, stage) -> None:
    """The built-in finder's parts, each run over the whole article in turn where
    find_attributions runs them sentence by sentence: their sum is near the finder's
    own line, not equal to it (caches are warm, lists are built between the parts)."""
    from auditor import attributions as finder

    chosen = stage("  . sentences with a cue word", lambda: finder._sentences_with_cues(article))
    tokenized = stage("  . their tokens", lambda: list(finder._tokenized(article, chosen)))
    items = stage("  . rules at each cue word",
                  lambda: [finder._drop_coordinated(toks, finder._in_sentence(toks)) for _, toks, _, _ in tokenized])

    def build():
        context = finder._Context(article)
        return [attribution for (sentence, toks, starts, ends), cues in zip(tokenized, items)
                for attribution in finder._attributions(article, sentence, toks, starts, ends, cues, context)]

    stage("  . attributions built from them", build)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="also print cProfile's top N functions")
    args = parser.parse_args()
    mb = os.path.getsize(args.file) / 1e6
    collect_garbage_less_often()  # as the `auditor` command does
    auditor = Auditor(time_limit=0)
    rows = []

    def stage(label, work):
        start = time.process_time()
        out = work()
        spent = time.process_time() - start
        rows.append((label, spent))
        return out

    article = stage("read + prose view", lambda: read_article(args.file))
    hook = auditor.pm.hook
    segmenter = hook.auditor_segment.get_hookimpls()[-1]
    spans = stage(f"segment ({segmenter.plugin_name})", lambda: list(call(segmenter, text=article.text)))
    stage("sentences", lambda: article.set_sentences(_sentences(article, spans)))
    stage("quotations", lambda: article.set_quotes(find_quotes(article.text)))
    finder = hook.auditor_find_attributions.get_hookimpls()[-1]
    found = stage(f"attributions ({finder.plugin_name})", lambda: list(call(finder, article=article)))
    article.attributions = tuple(sorted(found, key=lambda a: (a.cue.start, a.cue.end)))
    if finder.plugin_name == "auditor.core":
        finder_parts(article, stage)
    for impl in hook.auditor_check_sentence.get_hookimpls():
        stage(f"{impl.plugin_name} (each sentence)",
              lambda: [f for s in article.sentences for f in call(impl, sentence=s, article=article) or ()])
    for impl in hook.auditor_check_article.get_hookimpls():
        stage(f"{impl.plugin_name} (article)", lambda: list(call(impl, article=article) or ()))
    fresh = read_article(args.file)
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    result: FileResult = stage("engine: whole check", lambda: auditor.check(fresh))
    if profiler:
        profiler.disable()
    stage("JSON output", lambda: render_json(Report(files=[result])))

    print(f"{args.file}: {mb:.2f} MB, {len(article.sentences)} sentences, {len(article.quotes)} quotations, "
          f"{len(article.attributions)} attributions, {len(result.findings)} findings")
    for label, spent in rows:
        print(f"  {label:42s} {spent * 1000:9.1f} ms CPU  {mb / spent if spent else float('inf'):8.2f} MB/s")
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
