# Shared by the benchmark scripts (sourced, not run): the benchmark kit, a work folder, a
# release build of bulletin in $bin, and /usr/bin/time.
kit=${BENCH_KIT:-../shared/bench}
work=${BENCH_DIR:-/tmp/bulletin-bench}
[ -d "$kit" ] || { echo "benchmark kit not found at $kit (set BENCH_KIT)" >&2; exit 2; }
[ -x /usr/bin/time ] || apt-get install -y -q time >/dev/null
mkdir -p "$work"
swift build -c release --product bulletin >&2
bin=$(swift build -c release --show-bin-path)/bulletin
