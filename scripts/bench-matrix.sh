#!/usr/bin/env bash
# Import benchmark matrix (not a test): one generated export of N responses (default 1,000,000) in six
# shapes — as generated; comment-rich (62% of rows with a Vietnamese comment, some over several lines,
# every procedure name quoted); ratings as labels; Windows-1258; UTF-16 LE tab-delimited; NFD text
# (scripts/bench-shapes.py) — each imported into a fresh database by sipas, by DuckDB (`read_csv` into a
# table, all columns text; skipped with a note when the Python module is absent: `pip install duckdb`)
# and by the sqlite3 shell's bare `.import`, interleaved in the same run. Prints wall seconds, CPU
# seconds (user + system) and peak memory (max RSS) of each, and sipas's wall and CPU against DuckDB's.
#   scripts/bench-matrix.sh [N] [RUNS]        (make bench-matrix; medians of RUNS runs, default 1)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
RUNS=${2:-1}
WORK=${BENCH_DIR:-/tmp/sipas-bench}
BIN=${SIPAS_BIN:-.build/release/sipas}
GEN=${SIPAS_SURVEYS_BIN:-.build/release/sipas-surveys}
mkdir -p "$WORK"
scripts/install-deps.sh sqlite3 time >/dev/null
if [ -z "${SIPAS_BIN:-}" ]; then
  swift build -c release --static-swift-stdlib --product sipas-surveys >/dev/null
  swift build -c release --static-swift-stdlib --product sipas >/dev/null
fi
CSV="$WORK/big-$N.csv"
[ -f "$CSV" ] || "$GEN" big --responses "$N" --year 2024 --out "$CSV" >/dev/null
python3 scripts/bench-shapes.py "$CSV" "$WORK"
if python3 -c "import duckdb" 2>/dev/null; then DUCK=1; else
  DUCK=0; echo "note: DuckDB skipped: no Python module duckdb (pip install duckdb)"; fi

measure() { # label, command…: appends "label wall cpu maxrss_kib" to $WORK/matrix.txt (wall "-" on failure)
  local label=$1; shift
  sync
  if /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || [ $? -eq 1 ]; then
    awk -v l="$label" '{printf "%s %s %.2f %s\n", l, $1, $2 + $3, $4}' "$WORK/time.txt" >> "$WORK/matrix.txt"
  else
    echo "$label - - -" >> "$WORK/matrix.txt"
  fi
}
# DuckDB's load, as a script file (/usr/bin/time runs programs, not shell functions).
cat > "$WORK/duck.py" <<'PY'
import duckdb, os, sys
path, encoding, delim, db = sys.argv[1:]
if os.path.exists(db): os.remove(db)
con = duckdb.connect(db)
try:
    con.execute(f"CREATE TABLE survey AS SELECT * FROM read_csv('{path}', all_varchar = true, header = true, "
                f"delim = '{delim}', encoding = '{encoding}')")
except duckdb.Error as error:   # e.g. an encoding it cannot read: reported as n/a, not timed
    print(error, file=sys.stderr)
    sys.exit(3)
con.close()
PY

shapes="plain:$CSV:utf-8:,"
for s in comments labels cp1258 utf16tab nfd; do
  enc=utf-8; delim=,
  [ $s = cp1258 ] && enc=windows-1258
  [ $s = utf16tab ] && { enc=utf-16; delim='\t'; }
  shapes+=" $s:$WORK/big-$N-$s.csv:$enc:$delim"
done
: > "$WORK/matrix.txt"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$RUNS"); do
  for shape in $shapes; do
    IFS=: read -r name file enc delim <<< "$shape"
    rm -f "$WORK/m.sqlite" "$WORK/shell.sqlite"
    measure "$name sipas" "$BIN" import --db "$WORK/m.sqlite" "$file"
    if [ $DUCK = 1 ]; then measure "$name duckdb" python3 "$WORK/duck.py" "$file" "$enc" "$delim" "$WORK/duck.db"; fi
    if [ "$delim" = ',' ]; then mode="csv"; else mode="tabs"; fi
    measure "$name sqlite3" sqlite3 "$WORK/shell.sqlite" -cmd ".mode $mode" ".import '$file' survey"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $N responses; medians of $RUNS run(s)"
median() { sort -g | awk '{a[NR]=$1} END {if (NR) print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
stat_of() { grep "^$1 $2 " "$WORK/matrix.txt" | awk -v c="$3" '$c != "-" {print $c}' | median || true; }
printf "| shape | MiB | sipas wall / CPU / peak | DuckDB wall / CPU / peak | sqlite3 .import wall | sipas ÷ DuckDB wall (CPU) |\n|---|---|---|---|---|---|\n"
for shape in $shapes; do
  IFS=: read -r name file enc delim <<< "$shape"
  mib=$(( $(stat -c %s "$file") / 1048576 ))
  sw=$(stat_of "$name" sipas 3); sc=$(stat_of "$name" sipas 4); sm=$(stat_of "$name" sipas 5)
  dw=$(stat_of "$name" duckdb 3); dc=$(stat_of "$name" duckdb 4); dm=$(stat_of "$name" duckdb 5)
  qw=$(stat_of "$name" sqlite3 3)
  awk -v n="$name" -v mib="$mib" -v sw="$sw" -v sc="$sc" -v sm="$sm" -v dw="$dw" -v dc="$dc" -v dm="$dm" -v qw="$qw" 'BEGIN {
    d = (dw == "") ? "n/a" : sprintf("%.2f s / %.2f s / %.0f MiB", dw, dc, dm/1024)
    r = (dw == "" || dw == 0) ? "n/a" : sprintf("%.2f× (%.2f×)", sw/dw, sc/dc)
    printf "| %s | %d | %.2f s / %.2f s / %.1f MiB | %s | %s | %s |\n", n, mib, sw, sc, sm/1024, d, (qw == "" ? "n/a" : sprintf("%.2f s", qw)), r }'
done
