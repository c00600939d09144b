#!/usr/bin/env bash
# Benchmark: full, no-change and one-edit builds of a generated corpus, with wall time,
# CPU time and peak memory; then, with --hugo, the side-by-side run against Hugo.
# Usage: Benchmarks/run.sh [PAGES] [COMMUNITIES] [--hugo]
# Needs the benchmark kit beside the project (../shared/bench) and /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000}; comms=${2:-50}; hugo=${3:-}
. Benchmarks/common.sh
corpus="$work/corpus-$pages-$comms"
[ -d "$corpus" ] || python3 "$kit/gen_corpus.py" --out "$corpus" --pages "$pages" --communities "$comms" >/dev/null
out="$work/out-bench"

measure() { # label, then the command; prints "label  wall s  user s  sys s  peak MiB"
  local label=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
  awk -v l="$label" '{printf "%-28s %7.2f s wall %7.2f s user %6.2f s sys %6.0f MiB\n", l, $1, $2, $3, $4/1024}' "$work/time.txt"
}

echo "corpus: $pages pages, $comms communities ($(du -sh "$corpus" | cut -f1)), $(nproc) cores"
full=()
for round in 1 2 3; do
  rm -rf "$out" "$(dirname "$out")/.$(basename "$out").cache"
  line=$(measure "full build, round $round" "$bin" build --content "$corpus" --output "$out" --now 2026-01-01 --no-cache)
  echo "$line"; full+=("$(echo "$line" | awk '{print $(NF-10)}')")
done
median=$(printf '%s\n' "${full[@]}" | sort -n | sed -n 2p)
relative() { awk -v t="$1" -v m="$median" 'BEGIN{printf "%5.1f %% of the median full build\n", 100*t/m}'; }
report() { local line; line=$(measure "$@"); echo "$line   $(relative "$(echo "$line" | awk '{print $(NF-10)}')")"; }
report "no-change build" "$bin" build --content "$corpus" --output "$out" --now 2026-01-01
edited=$(find "$corpus/communities" -path '*/meetings/*.md' | sort | sed -n 1p)
cp "$edited" "$work/edited.bak"
trap 'cp "$work/edited.bak" "$edited"' EXIT
printf '\nEdited for the benchmark.\n' >> "$edited"
report "first edit (makes the spare)" "$bin" build --content "$corpus" --output "$out" --now 2026-01-01
for n in 1 2 3; do
  printf '\nEdited again (%s).\n' "$n" >> "$edited"
  report "one-edit build $n" "$bin" build --content "$corpus" --output "$out" --now 2026-01-01
done
report "no-change build" "$bin" build --content "$corpus" --output "$out" --now 2026-01-01
cp "$work/edited.bak" "$edited"
echo "pages out: $(find "$out" -name '*.html' | wc -l) html"
rm -rf "$out" "$(dirname "$out")/.$(basename "$out").cache"
"$bin" build --content "$corpus" --output "$out" --now 2026-01-01 --timings 2>&1 | grep -E "^(load|validate|index|render|write|total)"
if [ "$hugo" = "--hugo" ]; then
  # compare.sh deletes the output between rounds but not the cache beside it; a full build
  # is measured here without the cache, so every round parses and renders everything.
  cold="$work/bulletin-no-cache"
  printf '#!/bin/sh\nexec "%s" "$@" --no-cache\n' "$bin" > "$cold" && chmod +x "$cold"
  "$kit/compare.sh" "$cold" "$pages" "$comms" 3
fi
