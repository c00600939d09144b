#!/usr/bin/env bash
# Growth with the corpus: full builds (--no-cache, output deleted first) of a small and a
# five-times-larger corpus, interleaved round by round so both see the same machine, with
# wall time and peak memory, then the ratios of the medians.
# Usage: Benchmarks/scale.sh [PAGES] [COMMUNITIES] [ROUNDS]   (default 10000 50 3; the large
# corpus has five times the pages and communities)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000}; comms=${2:-50}; rounds=${3:-3}
. Benchmarks/common.sh
small="$work/corpus-$pages-$comms"; large="$work/corpus-$((pages * 5))-$((comms * 5))"
[ -d "$small" ] || python3 "$kit/gen_corpus.py" --out "$small" --pages "$pages" --communities "$comms" >/dev/null
[ -d "$large" ] || python3 "$kit/gen_corpus.py" --out "$large" --pages "$((pages * 5))" --communities "$((comms * 5))" >/dev/null
build() { # corpus → "wall_s peak_mib"
  rm -rf "$work/out-scale" "$work/.out-scale.cache"
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$bin" build --content "$1" --output "$work/out-scale" --now 2026-01-01 --no-cache >/dev/null 2>"$work/stderr.txt" \
    || { cat "$work/stderr.txt" >&2; exit 1; }
  awk '{printf "%.2f %.0f\n", $1, $2/1024}' "$work/time.txt"
}
s=(); l=()
for r in $(seq 1 "$rounds"); do
  a=$(build "$small"); b=$(build "$large")
  s+=("$a"); l+=("$b")
  echo "round $r: $pages pages ${a% *} s ${a#* } MiB   $((pages * 5)) pages ${b% *} s ${b#* } MiB"
done
median() { printf '%s\n' "$@" | awk '{print $1}' | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
ms=$(median "${s[@]}"); ml=$(median "${l[@]}")
peak=$(printf '%s\n' "${l[@]}" | awk '{print $2}' | sort -n | tail -1)
awk -v a="$ms" -v b="$ml" -v p="$peak" 'BEGIN{printf "medians: %.2f s and %.2f s, %.2f times the time for five times the pages; peak %d MiB\n", a, b, b/a, p}'
