#!/usr/bin/env bash
# Open a workbook sipas wrote with LibreOffice Calc (headless) and convert it, to prove that it opens
# and to look at it the way the Office will: its sheets, number formats, shading and charts.
#
#   scripts/render-workbook.sh BOOK.xlsx OUT.pdf            every sheet, one after another (A4 landscape)
#   scripts/render-workbook.sh BOOK.xlsx OUT.png [--page N] [--dpi D] [--crop WxH]
#                                                           page N (default 1) of that PDF as a PNG, at D dpi
#                                                           (default 80); --crop keeps the top-left W×H pixels
#   scripts/render-workbook.sh BOOK.xlsx OUT.xlsx           re-saved by LibreOffice (opens, and saves again)
#   scripts/render-workbook.sh BOOK.xlsx OUT.csv            the first sheet's cells as LibreOffice reads them
#
# PNG needs pdftoppm (Debian package poppler-utils); without it LibreOffice's own PNG export (the first
# sheet only) is used. Calc renders with the fonts installed: Vietnamese needs one with its glyphs
# (fonts-dejavu-core, fonts-noto-core or fonts-crosextra-carlito for Calibri's metrics).
#
# LibreOffice is not a dependency of sipas: when `soffice` is not installed the script says so and
# exits 0 without converting anything (Debian: sudo apt-get install libreoffice-calc). Exit 64 on
# wrong usage, 2 when the workbook is missing, 1 when LibreOffice could not convert it.
set -euo pipefail

usage() {
    echo "usage: $0 BOOK.xlsx OUT.(pdf|png|xlsx|csv) [--page N] [--dpi D] [--crop WxH]" >&2
    exit 64
}

[[ $# -ge 2 ]] || usage
book=$1
out=$2
shift 2
page=1
dpi=80
crop=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --page) [[ $# -ge 2 ]] || usage; page=$2; shift 2 ;;
        --dpi) [[ $# -ge 2 ]] || usage; dpi=$2; shift 2 ;;
        --crop) [[ $# -ge 2 && $2 =~ ^[0-9]+x[0-9]+$ ]] || usage; crop=(-x 0 -y 0 -W "${2%x*}" -H "${2#*x}"); shift 2 ;;
        -h|--help) usage ;;
        *) echo "$0: unknown option '$1'" >&2; usage ;;
    esac
done
[[ -f $book ]] || { echo "$0: $book: no such file" >&2; exit 2; }

office=""
for candidate in soffice libreoffice localc; do
    if command -v "$candidate" >/dev/null 2>&1; then office=$(command -v "$candidate"); break; fi
done
if [[ -z $office ]]; then
    echo "$0: LibreOffice (soffice) is not installed: skipped, nothing converted." >&2
    echo "    To look at the workbook: sudo apt-get install libreoffice-calc, then run this again," >&2
    echo "    or open $book in Excel or LibreOffice Calc." >&2
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A profile of its own: no clash with a LibreOffice already running, nothing left in ~/.config.
office_convert() {  # office_convert FILTER → $work/out/<book's name>.<ext>
    "$office" -env:UserInstallation="file://$work/profile" --headless --norestore --nologo \
        --convert-to "$1" --outdir "$work/out" "$work/in/$(basename "$book")" >"$work/log" 2>&1 || {
        echo "$0: LibreOffice could not convert $book:" >&2
        cat "$work/log" >&2
        exit 1
    }
}
mkdir -p "$work/in" "$work/out" "$(dirname "$out")"
cp "$book" "$work/in/"
stem=$(basename "${book%.*}")

case $out in
    *.pdf)
        office_convert pdf
        mv "$work/out/$stem.pdf" "$out" ;;
    *.png)
        if command -v pdftoppm >/dev/null 2>&1; then
            office_convert pdf
            pages=$(pdfinfo "$work/out/$stem.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)
            if [[ -n $pages && $page -gt $pages ]]; then
                echo "$0: $book has $pages pages as PDF; there is no page $page" >&2
                exit 64
            fi
            pdftoppm -png -r "$dpi" -f "$page" -l "$page" "${crop[@]}" -singlefile "$work/out/$stem.pdf" "$work/out/page"
            mv "$work/out/page.png" "$out"
        else
            echo "$0: pdftoppm not found (poppler-utils): LibreOffice's PNG of the first sheet instead" >&2
            office_convert png
            mv "$work/out/$stem.png" "$out"
        fi ;;
    *.xlsx)
        office_convert 'xlsx:Calc MS Excel 2007 XML'
        mv "$work/out/$stem.xlsx" "$out" ;;
    *.csv)
        # UTF-8 (76), comma, double quotes, cells formatted as shown.
        office_convert 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true'
        mv "$work/out/$stem.csv" "$out" ;;
    *) echo "$0: $out: the output must end in .pdf, .png, .xlsx or .csv" >&2; exit 64 ;;
esac
[[ -s $out ]] || { echo "$0: LibreOffice wrote nothing for $out" >&2; exit 1; }
echo "$out" >&2
