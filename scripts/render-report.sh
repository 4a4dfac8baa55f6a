#!/usr/bin/env bash
# Render a sipas HTML report to a full-page PNG (and optionally an A4 PDF) with headless Chromium,
# to look at the layout, the charts and the Vietnamese glyphs the way a reader will.
#
#   scripts/render-report.sh REPORT.html OUT.png [--pdf OUT.pdf] [--width 1100] [--height N]
#
# - The screenshot is taken in a 1100px-wide window as tall as the page: chromium's --screenshot
#   captures the window only, so the script first measures the page height (a throw-away copy with a
#   one-line script, dumped with --dump-dom); override with --height.
# - --pdf prints with the report's own print stylesheet (A4, 15 mm margins) to check page breaks; to
#   look at the pages:  pdftoppm -png -r 60 OUT.pdf /tmp/page   (Debian package poppler-utils).
#
# Needs Debian's `chromium` package. Vietnamese needs a font with its glyphs: the report asks for
# "Noto Sans", "DejaVu Sans", Arial — fonts-dejavu-core (installed with chromium's dependencies) is
# enough; fonts-noto-core looks closer to the intended design. When run as root and chromium is
# missing, the script installs chromium and fonts-dejavu-core with apt-get; otherwise it says what to
# install. Nothing is fetched from the network by the report itself (it is self-contained).
set -euo pipefail

usage() {
    echo "usage: $0 REPORT.html OUT.png [--pdf OUT.pdf] [--width PX] [--height PX]" >&2
    exit 64
}

[[ $# -ge 2 ]] || usage
html=$1
png=$2
shift 2
pdf=""
width=1100
height=""
while [[ $# -gt 0 ]]; do
    case $1 in
        --pdf) [[ $# -ge 2 ]] || usage; pdf=$2; shift 2 ;;
        --width) [[ $# -ge 2 ]] || usage; width=$2; shift 2 ;;
        --height) [[ $# -ge 2 ]] || usage; height=$2; shift 2 ;;
        -h|--help) usage ;;
        *) echo "$0: unknown option '$1'" >&2; usage ;;
    esac
done

if [[ ! -f $html ]]; then
    echo "$0: $html: no such file" >&2
    exit 2
fi

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$(command -v "$candidate"); break; fi
done
if [[ -z $browser ]]; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "$0: chromium not found; installing it with apt-get" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >&2
        browser=$(command -v chromium)
    else
        echo "$0: chromium not found. Install it (Debian/Ubuntu: sudo apt-get install chromium fonts-dejavu-core)" >&2
        echo "    or run this script as root to let it install them." >&2
        exit 2
    fi
fi

# (no grep -q: with pipefail, fc-list killed by SIGPIPE would read as "not found")
if ! fc-list : family 2>/dev/null | grep -iE 'DejaVu Sans|Noto Sans' >/dev/null; then
    echo "$0: warning: neither DejaVu Sans nor Noto Sans is installed; Vietnamese may show missing glyphs" >&2
    echo "    (apt-get install fonts-dejavu-core or fonts-noto-core)" >&2
fi

abs() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd -P)" "$(basename "$1")"); }
url="file://$(abs "$html")"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --no-default-browser-check
       --disable-extensions --disable-background-networking --user-data-dir="$profile"
       --force-device-scale-factor=1 --run-all-compositor-stages-before-draw --virtual-time-budget=2000)

# Height: measured. A temporary copy of the report gets a one-line script that writes the page height
# into the DOM, which chromium dumps (the report itself has and needs no script); fallback 5200.
if [[ -z $height ]]; then
    probe="$profile/probe.html"
    sed 's#</body>#<script>document.body.setAttribute("data-page-height", Math.ceil(document.documentElement.scrollHeight))</script></body>#' \
        "$html" >"$probe"
    measured=$("$browser" "${flags[@]}" --window-size="$width,1000" --dump-dom "file://$probe" 2>/dev/null |
        grep -o 'data-page-height="[0-9]*"' | head -n 1 | tr -dc '0-9' || true)
    if [[ -n $measured ]]; then
        height=$(( measured + 8 ))
    else
        echo "$0: could not measure the page; using a height of 5200px (set one with --height)" >&2
        height=5200
    fi
fi

mkdir -p "$(dirname "$png")"
"$browser" "${flags[@]}" --window-size="$width,$height" --screenshot="$(abs "$png")" "$url" >/dev/null 2>&1 || {
    echo "$0: chromium failed to take the screenshot" >&2
    exit 1
}
[[ -s $png ]] || { echo "$0: no screenshot was written" >&2; exit 1; }
echo "$png (${width}x${height})" >&2

if [[ -n $pdf ]]; then
    mkdir -p "$(dirname "$pdf")"
    "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$(abs "$pdf")" "$url" >/dev/null 2>&1 || {
        echo "$0: chromium failed to print the PDF" >&2
        exit 1
    }
    [[ -s $pdf ]] || { echo "$0: no PDF was written" >&2; exit 1; }
    echo "$pdf" >&2
fi
