#!/usr/bin/env bash
# Render a sipas Word report (.docx) to PDF and PNG pages with LibreOffice, to look at the layout the
# way a reader will (sipas itself never needs an office suite).
#
#   scripts/render-docx.sh REPORT.docx OUTDIR [--dpi 80]
#
# Writes OUTDIR/REPORT.pdf and OUTDIR/REPORT-1.png, -2.png … (pdftoppm). Needs Debian's
# libreoffice-writer (soffice) and poppler-utils (pdftoppm); Times New Roman comes from
# fonts-liberation (Liberation Serif has the same metrics). When run as root and they are missing,
# the script installs them with apt-get; otherwise it says what to install.
set -euo pipefail

usage() { echo "usage: $0 REPORT.docx OUTDIR [--dpi N]" >&2; exit 64; }
[[ $# -ge 2 ]] || usage
docx=$1
outdir=$2
shift 2
dpi=80
while [[ $# -gt 0 ]]; do
    case $1 in
        --dpi) [[ $# -ge 2 ]] || usage; dpi=$2; shift 2 ;;
        *) echo "$0: unknown option '$1'" >&2; usage ;;
    esac
done
[[ -f $docx ]] || { echo "$0: $docx: no such file" >&2; exit 2; }

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -i 'Liberation Serif' >/dev/null || need+=(fonts-liberation)
if [[ ${#need[@]} -gt 0 ]]; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "$0: installing ${need[*]}" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
    else
        echo "$0: missing ${need[*]} (Debian: sudo apt-get install ${need[*]})" >&2
        exit 2
    fi
fi

mkdir -p "$outdir"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# Its own profile, so a running LibreOffice (or another run of this script) does not interfere.
soffice -env:UserInstallation="file://$profile" --headless --norestore --convert-to pdf --outdir "$outdir" "$docx" >&2
base=$(basename "${docx%.*}")
pdf="$outdir/$base.pdf"
[[ -s $pdf ]] || { echo "$0: LibreOffice wrote no PDF" >&2; exit 1; }
rm -f "$outdir/$base"-*.png
pdftoppm -png -r "$dpi" "$pdf" "$outdir/$base"
echo "$pdf" >&2
ls "$outdir/$base"-*.png >&2
