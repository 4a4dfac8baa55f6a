#!/usr/bin/env bash
# Measures expat, libxml2's SAX2 push parser and libxml2's SAX2 parser pulling through a read callback on
# one sheet's XML (the choice the README explains).
#   scripts/bench-xml-parsers.sh [WORKBOOK.xlsx]   (default: the bench-xlsx workbook)
set -euo pipefail
cd "$(dirname "$0")/.."
BOOK=${1:-${BENCH_DIR:-/tmp/sipas-bench}/big-1000000.xlsx}
scripts/install-deps.sh libexpat1-dev unzip >/dev/null
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cc -O2 -o "$WORK/xml-parsers" scripts/xml-parsers.c -I/usr/include/libxml2 -lexpat -lxml2
unzip -p "$BOOK" xl/worksheets/sheet1.xml > "$WORK/sheet1.xml"
echo "sheet XML: $(($(stat -c %s "$WORK/sheet1.xml") / 1048576)) MiB from $BOOK"
"$WORK/xml-parsers" "$WORK/sheet1.xml"
