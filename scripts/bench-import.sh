#!/usr/bin/env bash
# Import benchmark (not a test): generates an export of N responses (default 1,000,000; 19 ratings
# each), imports it into a fresh database with the release build, and in the same run times the stock
# sqlite3 shell's bare `.import` of the same file into a plain all-TEXT table. Prints medians of RUNS
# runs (default 5): seconds, responses/s and peak memory (max RSS, from /usr/bin/time), then the CPU each
# import thread used in one more run (steadier than the wall clock on a shared machine). The binary is
# built as it would be installed: release, Swift runtime linked statically (`make install`), so it runs
# where no Swift toolchain is installed and maps only the runtime code it uses.
#   scripts/bench-import.sh [N] [RUNS]        (make bench)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
RUNS=${2:-5}
WORK=${BENCH_DIR:-/tmp/sipas-bench}
mkdir -p "$WORK"
scripts/install-deps.sh sqlite3 time >/dev/null
swift build -c release --static-swift-stdlib --product sipas-surveys >/dev/null
swift build -c release --static-swift-stdlib --product sipas >/dev/null
BIN=.build/release/sipas
CSV="$WORK/big-$N.csv"
[ -f "$CSV" ] || .build/release/sipas-surveys big --responses "$N" --year 2024 --out "$CSV"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
measure() { # prints "seconds maxrss_kib"
  # Start each run with no dirty pages of the previous one still being written back: the two tools
  # alternate, and each writes a database of 140–350 MB.
  sync
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || {
    code=$?; [ $code -eq 1 ] || { cat "$WORK/stderr.txt" >&2; exit $code; }; }
  cat "$WORK/time.txt"
}

: > "$WORK/sipas.txt"; : > "$WORK/shell.txt"
for i in $(seq "$RUNS"); do
  rm -f "$WORK/bench.sqlite" "$WORK/shell.sqlite"
  measure "$BIN" import --db "$WORK/bench.sqlite" "$CSV" >> "$WORK/sipas.txt"
  measure sqlite3 "$WORK/shell.sqlite" -cmd ".mode csv" ".import '$CSV' survey" >> "$WORK/shell.txt"
done
s_time=$(cut -d' ' -f1 "$WORK/sipas.txt" | median)
s_mem=$(cut -d' ' -f2 "$WORK/sipas.txt" | median)
q_time=$(cut -d' ' -f1 "$WORK/shell.txt" | median)
q_mem=$(cut -d' ' -f2 "$WORK/shell.txt" | median)
bytes=$(stat -c %s "$CSV")
imported=$("$BIN" imports --db "$WORK/bench.sqlite" --format json | grep -o '"imported" : [0-9]*' | head -1 | grep -o '[0-9]*$')
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "file: $CSV ($N responses, $((bytes / 1048576)) MiB); medians of $RUNS runs"
awk -v n="$N" -v t="$s_time" -v m="$s_mem" -v i="$imported" 'BEGIN {printf "sipas import (full validation, tallies): %.2f s  %.0f responses/s  peak %.1f MiB  (%s imported)\n", t, n/t, m/1024, i}'
awk -v n="$N" -v t="$q_time" -v m="$q_mem" 'BEGIN {printf "sqlite3 shell .import (all TEXT, no checks): %.2f s  %.0f rows/s  peak %.1f MiB\n", t, n/t, m/1024}'

# CPU per thread: /proc/PID/task/*/stat (user + system ticks) sampled every 20 ms until the import ends.
rm -f "$WORK/bench.sqlite"; sync
"$BIN" import --db "$WORK/bench.sqlite" "$CSV" >/dev/null 2>&1 &
pid=$!
declare -A ticks names
while kill -0 "$pid" 2>/dev/null; do
  for task in /proc/"$pid"/task/*; do
    t=${task##*/}
    read -r v < <(awk '{print $14 + $15}' "$task/stat" 2>/dev/null) && [ -n "$v" ] && ticks[$t]=$v
    [ -n "${names[$t]:-}" ] || names[$t]=$(cat "$task/comm" 2>/dev/null || true)
  done
  sleep 0.02
done
wait "$pid" || [ $? -eq 1 ]
hz=$(getconf CLK_TCK)
line="CPU per thread (one more run):"
for t in $(printf '%s\n' "${!ticks[@]}" | sort -n); do
  case "${names[$t]}" in
    sipas) role="writing (SQLite)" ;; sipas-parse) role="parsing (libcsv) + validation+tallies" ;;
    sipas-validate) role="validation+tallies (workbooks)" ;; *) role="SHA-256 (dispatch)" ;;
  esac
  [ "${ticks[$t]}" -gt 0 ] && line+=$(awk -v v="${ticks[$t]}" -v hz="$hz" -v r="$role" 'BEGIN {printf "  %s %.2f s", r, v/hz}')
done
echo "$line"
