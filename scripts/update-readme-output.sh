#!/usr/bin/env bash
# Rewrites the README blocks marked `<!-- output: sipas … -->` with what the built binary prints now
# (the same database the end-to-end test builds). The README test fails until this is run after an
# intended change of output: re-recording is an explicit act, never done in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/debug/sipas}
DB=$(mktemp -d)/readme.sqlite
"$BIN" import --db "$DB" surveys/2023-trung-tam-hcc.csv surveys/2024-may-danh-gia-tai-quay.csv \
  surveys/2024-q1-q2-trung-tam-hcc.csv surveys/2024-q3-q4-cong-dvc.csv 2>"$DB.import" || [ $? -eq 1 ]
"$BIN" baseline set --db "$DB" --year 2023 --index 94,1 --rank 7 --of 20 --element TC=95.2 --element CC=93 \
  --source "QĐ 2385/QĐ-UBND (số liệu minh hoạ)" 2>/dev/null
"$BIN" baseline table --db "$DB" --year 2023 --self "Sở Khoa học và Công nghệ" \
  --source "QĐ 2385/QĐ-UBND (số liệu minh hoạ)" surveys/published/2023-bang-xep-hang.csv 2>/dev/null
python3 - "$BIN" "$DB" <<'PY'
import re, subprocess, sys
binary, db = sys.argv[1], sys.argv[2]
text = open("README.md", encoding="utf-8").read()
def block(match):
    command = match.group(1)
    if command.startswith("import"):
        out = open(db + ".import", encoding="utf-8").read()
    else:
        out = subprocess.run([binary] + command.split() + ["--db", db], capture_output=True, text=True, check=True).stdout
    return f"<!-- output: sipas {command} -->\n```text\n{out}```\n"
text = re.sub(r"<!-- output: sipas (.*?) -->\n```text\n.*?```\n", block, text, flags=re.S)
open("README.md", "w", encoding="utf-8").write(text)
PY
echo "README output blocks updated"
