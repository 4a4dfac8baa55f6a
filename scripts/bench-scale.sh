#!/usr/bin/env bash
# Scale benchmark (not a test): the generator's export at 1,000,000 and at 10,000,000 responses (the
# second is 3.5 GB), each imported into a fresh database in the same run, then the summaries timed on
# the 10M database. Prints wall and CPU time, peak memory (max RSS) and the 10M/1M time ratio (goal:
# within 10.5×, memory flat), then hyperfine's mean of the whole-year, by-procedure and off-month-period
# summaries (goal < 100 ms). With RUNS > 1 the two imports alternate RUNS times and the medians are
# compared (one 10M import varies by ±15% on a shared machine). Needs about 10 GB of free disk in $BENCH_DIR.
# Before each import the export is read once (so neither import reads it from the disk: the machine may
# drop a 3.5 GB file from its cache between runs), and after it the machine's own cost of writing that
# many bytes is timed as a peer: `dd` writes a new file of the database's size in SQLite's 16 KiB pages
# and syncs it. On a virtual machine whose host takes back free memory (virtio-balloon free page
# reporting), writing 1.5 GB costs several times 10 × writing 150 MB; the peer's ratio shows how much.
#   scripts/bench-scale.sh [SMALL] [LARGE] [RUNS]        (make bench-scale; defaults 1000000 10000000 1)
set -euo pipefail
cd "$(dirname "$0")/.."
SMALL=${1:-1000000}
LARGE=${2:-10000000}
RUNS=${3:-1}
WORK=${BENCH_DIR:-/tmp/sipas-bench}
mkdir -p "$WORK"
scripts/install-deps.sh time hyperfine >/dev/null
swift build -c release --static-swift-stdlib --product sipas-surveys >/dev/null
swift build -c release --static-swift-stdlib --product sipas >/dev/null
BIN=.build/release/sipas
for n in "$SMALL" "$LARGE"; do
  [ -f "$WORK/big-$n.csv" ] || .build/release/sipas-surveys big --responses "$n" --year 2024 --out "$WORK/big-$n.csv" >/dev/null
done

measure() { # prints "seconds cpu_seconds system_seconds maxrss_kib"
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || {
    code=$?; [ $code -eq 1 ] || { cat "$WORK/stderr.txt" >&2; exit $code; }; }
  awk '{printf "%s %.2f %s %s\n", $1, $2 + $3, $3, $4}' "$WORK/time.txt"
}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(date -u +%Y-%m-%d)"
declare -A walls writes
for run in $(seq "$RUNS"); do
  for n in "$SMALL" "$LARGE"; do
    rm -f "$WORK/scale-$n.sqlite" "$WORK/scale-$n.sqlite-wal" "$WORK/scale-$n.sqlite-shm"
    cat "$WORK/big-$n.csv" > /dev/null
    read -r t c sys m < <(measure "$BIN" import --db "$WORK/scale-$n.sqlite" "$WORK/big-$n.csv")
    walls[$n]+="$t "
    d=$(stat -c %s "$WORK/scale-$n.sqlite")
    rm -f "$WORK/peer.bin"
    read -r w _ < <(measure dd if=/dev/zero of="$WORK/peer.bin" bs=16k count=$((d / 16384)) conv=fsync)
    rm -f "$WORK/peer.bin"
    writes[$n]+="$w "
    awk -v n="$n" -v t="$t" -v c="$c" -v sys="$sys" -v m="$m" -v b="$(stat -c %s "$WORK/big-$n.csv")" -v d="$d" -v w="$w" \
      'BEGIN {printf "import %9d responses (%5.0f MiB): %7.2f s wall  %7.2f s CPU (%5.2f system)  %8.0f responses/s  peak %6.1f MiB  database %5.0f MiB (dd writes as much in %.2f s)\n", n, b/1048576, t, c, sys, n/t, m/1024, d/1048576, w}'
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
a=$(echo "${walls[$SMALL]}" | median); b=$(echo "${walls[$LARGE]}" | median)
wa=$(echo "${writes[$SMALL]}" | median); wb=$(echo "${writes[$LARGE]}" | median)
awk -v a="$a" -v b="$b" -v s="$SMALL" -v l="$LARGE" -v r="$RUNS" -v wa="$wa" -v wb="$wb" \
  'BEGIN {printf "import time %d / %d: %.2f x for %.0f x the responses (medians of %d: %.2f s, %.2f s; goal <= 10.5 x)\n", l, s, b/a, l/s, r, b, a
          printf "peer, dd writing the two databases'"'"' bytes: %.2f x (medians %.2f s, %.2f s)\n", (wa > 0 ? wb/wa : 0), wb, wa}'
DB="$WORK/scale-$LARGE.sqlite"
for args in "summary --year 2024" "summary --year 2024 --by procedure" "summary --from 05/03/2024 --to 20/09/2024" \
            "flag --year 2024"; do
  hyperfine --warmup 2 --runs 10 --style basic --export-csv "$WORK/h.csv" "$BIN $args --db $DB" >/dev/null
  awk -F, -v a="$args" 'NR==2 {printf "sipas %-45s %7.1f ms mean (min %.1f) on %s\n", a, $2*1000, $7*1000, "'"$LARGE"' responses"}' "$WORK/h.csv"
done
