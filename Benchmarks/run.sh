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

# One build: wall time (read from the shell's microsecond clock around it), CPU time and peak
# memory (from /usr/bin/time, whose own wall time is in hundredths of a second).
measure() { # label, then the command; prints "label  wall ms  user s  sys s  peak MiB"
  local label=$1; shift
  local start=$EPOCHREALTIME
  /usr/bin/time -f '%U %S %M' -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
  local end=$EPOCHREALTIME
  awk -v l="$label" -v s="$start" -v e="$end" '{printf "%-30s %8.1f ms wall %6.2f s user %6.2f s sys %5.0f MiB\n", l, (e - s) * 1000, $1, $2, $3/1024}' "$work/time.txt"
}
wall() { awk '{for (i = 1; i < NF; i++) if ($(i+1) == "ms") print $i}'; }
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

echo "corpus: $pages pages, $comms communities ($(du -sh "$corpus" | cut -f1)), $(nproc) cores"
full=()
for round in 1 2 3; do
  rm -rf "$out" "$(dirname "$out")/.$(basename "$out").cache"
  line=$(measure "full build, round $round" "$bin" build --content "$corpus" --output "$out" --now 2026-01-01 --no-cache)
  echo "$line"; full+=("$(echo "$line" | wall)")
done
med=$(printf '%s\n' "${full[@]}" | median)
relative() { awk -v t="$1" -v m="$med" 'BEGIN{printf "%5.1f %% of the median full build (%.0f ms)", 100*t/m, m}'; }
report() { local line; line=$(measure "$@"); echo "$line"; echo "$line" | wall >> "$work/walls.txt"; }
summary() { # label: the median of the builds reported since the last summary
  local m; m=$(median < "$work/walls.txt")
  printf '%-30s %8.1f ms wall (median of %d)  %s\n' "$1" "$m" "$(wc -l < "$work/walls.txt")" "$(relative "$m")"; rm -f "$work/walls.txt"
}
rm -f "$work/walls.txt"
# The full builds leave hundreds of megabytes for the kernel to write back over the next half
# minute; an editing session's builds find the disk idle, so they are measured after it is.
sync
for n in 1 2 3; do report "no-change build $n" "$bin" build --content "$corpus" --output "$out" --now 2026-01-01; done
no_change=$(summary "no-change build")
edited=$(find "$corpus/communities" -path '*/meetings/*.md' | sort | sed -n 1p)
cp "$edited" "$work/edited.bak"
trap 'cp "$work/edited.bak" "$edited"' EXIT
printf '\nEdited for the benchmark.\n' >> "$edited"
measure "first edit (makes the spare)" "$bin" build --content "$corpus" --output "$out" --now 2026-01-01
for n in $(seq 10); do
  printf '\nEdited again (%s).\n' "$n" >> "$edited"
  report "one-edit build $n" "$bin" build --content "$corpus" --output "$out" --now 2026-01-01
done
one_edit=$(summary "one-edit build")
echo "$no_change"
echo "$one_edit"
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
