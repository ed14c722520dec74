#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh machine, then run it.
# Used as is by .ci/run; see README "Set up".
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test,dask]'

# The HTML report's test drives a real browser: Debian's Chromium (no browser downloads here).
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null
fi

exec .venv/bin/python -m pytest -q "$@"
