#!/usr/bin/env bash
# Instructions one run of a command executes, counted by valgrind's cachegrind: exactly
# repeatable, so it shows a change of 1% even on a busy machine where timings swing 2x.
#
#   benchmarks/instructions.sh .venv/bin/auditor audit --format json benchmarks/.work/article.txt
#   benchmarks/instructions.sh .venv/bin/python benchmarks/stages.py benchmarks/.work/news-1mb.txt
#
# Needs valgrind (Debian: apt-get install valgrind). Runs about 50x slower than the command.
set -euo pipefail
if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG...]" >&2
  exit 2
fi
# A fixed hash seed: set and dict orders, and so the work, are the same on every run.
PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$@" 2>&1 >/dev/null \
  | awk '/I *refs/ { gsub(",", "", $NF); printf "%.1f M instructions\n", $NF / 1e6 }'
