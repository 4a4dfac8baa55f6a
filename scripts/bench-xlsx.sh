#!/usr/bin/env bash
# Workbook import benchmark (not a test): the generator writes N responses (default 1,000,000) as CSV and
# as a workbook with the same rows (shared strings, date-time cells, ratings as numbers); in the same
# run this times, RUNS times each (default 3), alternating:
#   - sipas import of the CSV into a fresh database,
#   - sipas import of the workbook into a fresh database,
#   - python-calamine (the Rust calamine reader behind pandas' fastest Excel engine) reading the same
#     sheet into Python rows, nothing more (no validation, no database).
# Prints medians of wall time, CPU time (user + system) and peak memory (max RSS) from /usr/bin/time,
# and the ratios the README quotes. The machine is shared: CPU time is steadier than wall time.
#   scripts/bench-xlsx.sh [N] [RUNS]        (make bench-xlsx)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
RUNS=${2:-3}
WORK=${BENCH_DIR:-/tmp/sipas-bench}
mkdir -p "$WORK"
scripts/install-deps.sh time >/dev/null
python3 -c "import python_calamine" 2>/dev/null || python3 -m pip install --quiet python-calamine
swift build -c release --static-swift-stdlib --product sipas-surveys >/dev/null
swift build -c release --static-swift-stdlib --product sipas >/dev/null
BIN=.build/release/sipas
CSV="$WORK/big-$N.csv"
XLSX="$WORK/big-$N.xlsx"
[ -f "$CSV" ] || .build/release/sipas-surveys big --responses "$N" --year 2024 --out "$CSV"
[ -f "$XLSX" ] || .build/release/sipas-surveys big --responses "$N" --year 2024 --format xlsx --out "$XLSX"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
measure() { # appends "seconds cpu_seconds maxrss_kib" to $1
  local out=$1; shift
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || {
    code=$?; [ $code -eq 1 ] || { cat "$WORK/stderr.txt" >&2; exit $code; }; }
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$WORK/time.txt" >> "$out"
}
cat > "$WORK/calamine_rows.py" <<'EOF'
import sys
from python_calamine import CalamineWorkbook
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
print(len(rows))
EOF

: > "$WORK/x-csv.txt"; : > "$WORK/x-xlsx.txt"; : > "$WORK/x-calamine.txt"
for i in $(seq "$RUNS"); do
  rm -f "$WORK/x-csv.sqlite" "$WORK/x-xlsx.sqlite"
  measure "$WORK/x-csv.txt" "$BIN" import --db "$WORK/x-csv.sqlite" "$CSV"
  measure "$WORK/x-xlsx.txt" "$BIN" import --db "$WORK/x-xlsx.sqlite" "$XLSX"
  measure "$WORK/x-calamine.txt" python3 "$WORK/calamine_rows.py" "$XLSX"
done
col() { cut -d' ' -f"$2" "$WORK/x-$1.txt" | median; }
imported() { "$BIN" imports --db "$1" --format json | grep -o '"imported" : [0-9]*' | head -1 | grep -o '[0-9]*$'; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); shared with other builds (wall times are noisy)"
echo "files: $CSV ($(($(stat -c %s "$CSV") / 1048576)) MiB), $XLSX ($(($(stat -c %s "$XLSX") / 1048576)) MiB, sheet XML $(unzip -l "$XLSX" xl/worksheets/sheet1.xml | awk 'NR==4 {printf "%d", $1/1048576}') MiB); medians of $RUNS runs"
for tool in csv xlsx calamine; do
  case $tool in
    csv) label="sipas import, CSV        " ;;
    xlsx) label="sipas import, workbook   " ;;
    calamine) label="python-calamine, rows only" ;;
  esac
  awk -v l="$label" -v n="$N" -v t="$(col $tool 1)" -v c="$(col $tool 2)" -v m="$(col $tool 3)" \
    'BEGIN {printf "%s  %6.2f s wall  %6.2f s CPU  %8.0f rows/s  peak %6.1f MiB\n", l, t, c, n/t, m/1024}'
done
echo "imported: CSV $(imported "$WORK/x-csv.sqlite"), workbook $(imported "$WORK/x-xlsx.sqlite")"
awk -v a="$(col csv 1)" -v b="$(col xlsx 1)" -v c="$(col calamine 1)" -v ca="$(col csv 2)" -v cb="$(col xlsx 2)" \
  'BEGIN {printf "workbook speed / CSV speed: %.2f (wall), %.2f (CPU); goal >= 0.5\nsipas workbook import / calamine rows only: %.2f x the speed (wall)\n", a/b, ca/cb, c/b}'
awk -v m="$(col xlsx 3)" 'BEGIN {printf "workbook import peak: %.1f MB (goal < 100 MB)\n", m*1024/1e6}'
