#!/usr/bin/env bash
# Summary benchmark (not a test): with N responses (default 1,000,000) of one year in a database
# (made by scripts/bench-import.sh, or made here), times the whole `sipas summary` process, default
# view, --by procedure and two periods off month boundaries (daily tallies), cold (first run after the database file was rewritten… as cold as a
# non-root container allows: the file is copied afresh so its pages are not yet in SQLite's cache;
# the OS page cache cannot be dropped here) and warm (hyperfine, 20 runs).
#   scripts/bench-summary.sh [N]        (make bench-summary)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
WORK=${BENCH_DIR:-/tmp/sipas-bench}
mkdir -p "$WORK"
scripts/install-deps.sh hyperfine >/dev/null
swift build -c release --static-swift-stdlib --product sipas-surveys >/dev/null
swift build -c release --static-swift-stdlib --product sipas >/dev/null
BIN=.build/release/sipas
CSV="$WORK/big-$N.csv"
DB="$WORK/summary-$N.sqlite"
[ -f "$CSV" ] || .build/release/sipas-surveys big --responses "$N" --year 2024 --out "$CSV"
if [ ! -f "$DB" ]; then "$BIN" import --db "$DB" "$CSV" 2>/dev/null || [ $? -eq 1 ]; fi
echo "database: $DB ($("$BIN" imports --db "$DB" --format json | grep -o '"imported" : [0-9]*' | grep -o '[0-9]*$' | awk '{s+=$1} END {print s}') responses, $(($(stat -c %s "$DB") / 1048576)) MiB)"
for args in "summary --year 2024" "summary --year 2024 --by procedure" "summary --from 05/03/2024 --to 20/09/2024" \
            "summary --from 02/01/2024 --to 30/12/2024 --by month"; do
  cp "$DB" "$WORK/cold.sqlite"
  start=$(date +%s%N)
  $BIN $args --db "$WORK/cold.sqlite" >/dev/null
  end=$(date +%s%N)
  echo "sipas $args: cold $(( (end - start) / 1000000 )) ms"
  hyperfine --warmup 3 --runs 20 --style basic --export-csv "$WORK/h.csv" "$BIN $args --db $DB" >/dev/null
  # columns: command,mean,stddev,median,user,system,min,max
  awk -F, -v a="$args" 'NR == 2 {printf "sipas %s: warm mean %.0f ms, median %.0f ms (min %.0f, max %.0f; 20 runs)\n", a, $2*1000, $4*1000, $7*1000, $8*1000}' "$WORK/h.csv"
done
