#!/usr/bin/env bash
# Memory and CPU of writing a large rejects workbook (libxlsxwriter in constant-memory mode) beside the
# CSV of the same rows, in the same run: N generated responses whose every row is rejected (the
# first rating set to 6), imported once, then `sipas rejects --format csv` and `--format xlsx`
# measured with /usr/bin/time (peak RSS, user+system CPU).
#
#   scripts/bench-workbook.sh [N]        (default 100000; uses .build/release/sipas when built, else debug)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
bin=.build/release/sipas
[[ -x $bin ]] || bin=.build/debug/sipas
[[ -x $bin ]] || { echo "$0: build sipas first (swift build)" >&2; exit 2; }
gen=.build/release/sipas-surveys
[[ -x $gen ]] || gen=.build/debug/sipas-surveys
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$gen" big --responses "$n" --out "$work/big.csv" >/dev/null
# The last column is the last rating (never quoted): 6 is off the 1–5 scale, so every row is rejected
# and kept with its text.
awk -F, 'BEGIN { OFS = "," } NR == 1 { print; next } { $NF = "6"; print }' "$work/big.csv" >"$work/bad.csv"
"$bin" import --db "$work/db.sqlite" "$work/bad.csv" >/dev/null 2>&1 || true
rows=$("$bin" rejects --db "$work/db.sqlite" --format json | grep -c '"row"' || true)
echo "binary: $bin; rejected rows: $rows"
for format in csv xlsx; do
    /usr/bin/time -f "$format: %M KiB peak RSS, %U s user + %S s system, %e s wall" \
        "$bin" rejects --db "$work/db.sqlite" --format "$format" --out "$work/rejects.$format" 2>&1 >/dev/null | grep -v '^Đã ghi'
    echo "    file: $(stat -c %s "$work/rejects.$format") bytes"
done
