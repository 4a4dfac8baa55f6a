#!/usr/bin/env bash
# Installs the Debian packages sipas needs when they are missing: libcsv-dev (CSV parsing),
# libsqlite3-dev (SQLite), libssl-dev (libcrypto's SHA-256), libxml2-dev and pkg-config (workbook XML),
# zlib1g-dev (ZIPFoundation inflates and deflates with zlib: workbooks in, the Word report out),
# libxlsxwriter-dev (writing .xlsx workbooks), libicu-dev (ICU's Unicode NFC normaliser) and
# libisal-dev (ISA-L's inflate: workbooks in). Needs root (or sudo) only when something is missing.
set -euo pipefail
if ! command -v swift >/dev/null 2>&1; then
  echo "swift is not on PATH: install the Swift 6 toolchain (https://www.swift.org/install/linux/) first" >&2
  exit 2
fi
missing=()
for pkg in libcsv-dev libsqlite3-dev libssl-dev libxml2-dev pkg-config zlib1g-dev libxlsxwriter-dev libicu-dev libisal-dev "$@"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
