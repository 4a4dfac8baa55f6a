# The two commands of the README: `make demo` and `make test`. Both install what is missing first.
SWIFT ?= swift
DB ?= sipas-demo.sqlite
BIN = .build/debug/sipas

.PHONY: deps build demo test bench bench-matrix bench-summary bench-scale bench-coverage bench-xlsx embed surveys report-png workbook-png docx-png install clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build --product sipas

# Imports the bundled surveys/ (four CSV files and the centre's 2025 Q1 workbook) into a fresh database,
# then prints the summary and the flags.
# (Exit code 1 from the import means "some rows were rejected and kept aside": expected here.)
demo: build
	@rm -f $(DB)
	$(BIN) import --db $(DB) surveys/*.csv surveys/*.xlsx || [ $$? -eq 1 ]
	$(BIN) baseline set --db $(DB) --year 2023 --index 94,1 --rank 7 --of 20 --element TC=95.2 --element CC=93 --source "QĐ 2385/QĐ-UBND (số liệu minh hoạ)"
	$(BIN) baseline table --db $(DB) --year 2023 --self "Sở Khoa học và Công nghệ" --source "QĐ 2385/QĐ-UBND (số liệu minh hoạ)" surveys/published/2023-bang-xep-hang.csv
	$(BIN) summary --db $(DB) --year 2024
	$(BIN) flag --db $(DB) --year 2024
	$(BIN) report --db $(DB) --year 2024 --format docx --out bao-cao-2024.docx

# The suite is XCTest; --disable-swift-testing keeps the run's closing line XCTest's own count.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --disable-swift-testing

# The binary to install for the Office: release, Swift runtime linked in (runs without a Swift
# toolchain), copied to $(PREFIX)/bin.
PREFIX ?= /usr/local
install: deps
	$(SWIFT) build -c release --static-swift-stdlib --product sipas
	install -m 755 .build/release/sipas $(PREFIX)/bin/sipas

# Benchmarks (not tests): see README "Speed and memory".
bench: deps
	scripts/bench-import.sh

bench-matrix: deps
	scripts/bench-matrix.sh

bench-summary: deps
	scripts/bench-summary.sh

# 1M and 10M responses imported in one run (time ratio, memory), then the summaries on the 10M database.
bench-scale: deps
	scripts/bench-scale.sh

# How often the 95% intervals cover the truth on simulated respondents (README "How honest the
# intervals are"). ARGS="--methods all" compares every candidate method; ARGS="--datasets 100" is quicker.
bench-coverage: deps
	scripts/bench-coverage.sh $(ARGS)
bench-xlsx: deps
	scripts/bench-xlsx.sh

# Regenerates the embedded copy of schema/ (a test fails when they drift apart).
embed:
	scripts/embed-schema.sh

# Regenerates the bundled surveys/ (byte-identical for the same generator).
surveys:
	$(SWIFT) run sipas-surveys bundled --out surveys/

report-png: build
	@rm -f $(DB)
	$(BIN) import --db $(DB) surveys/*.csv || [ $$? -eq 1 ]
	$(BIN) baseline set --db $(DB) --year 2023 --index 94,1 --rank 7 --of 20 --element TC=95.2 --element CC=93 --source "QĐ 2385/QĐ-UBND (số liệu minh hoạ)"
	$(BIN) report --db $(DB) --year 2024 --out docs/bao-cao-2024.html
	scripts/render-report.sh docs/bao-cao-2024.html docs/bao-cao-2024.png

# The year's workbook (sipas report --format xlsx), opened and printed by LibreOffice Calc: the overview
# and the months sheets as PNG in docs/ (scripts/render-workbook.sh; skips when LibreOffice is absent).
workbook-png: build
	@rm -f $(DB)
	$(BIN) import --db $(DB) surveys/*.csv || [ $$? -eq 1 ]
	$(BIN) baseline set --db $(DB) --year 2023 --index 94,1 --rank 7 --of 20 --element TC=95.2 --element CC=93 --source "QĐ 2385/QĐ-UBND (số liệu minh hoạ)"
	$(BIN) report --db $(DB) --year 2024 --format xlsx --out /tmp/sipas-bao-cao-2024.xlsx
	scripts/render-workbook.sh /tmp/sipas-bao-cao-2024.xlsx docs/bao-cao-2024-xlsx-tong-quan.png --page 1 --dpi 110
	scripts/render-workbook.sh /tmp/sipas-bao-cao-2024.xlsx docs/bao-cao-2024-xlsx-thang.png --page 5 --dpi 110
# The Word report of the same data, rendered by LibreOffice: docs/bao-cao-2024.docx and its first page.
docx-png: build
	@rm -f $(DB)
	$(BIN) import --db $(DB) surveys/*.csv || [ $$? -eq 1 ]
	$(BIN) baseline set --db $(DB) --year 2023 --index 94,1 --rank 7 --of 20 --element TC=95.2 --element CC=93 --source "QĐ 2385/QĐ-UBND (số liệu minh hoạ)"
	$(BIN) baseline table --db $(DB) --year 2023 --self "Sở Khoa học và Công nghệ" --source "QĐ 2385/QĐ-UBND (số liệu minh hoạ)" surveys/published/2023-bang-xep-hang.csv
	$(BIN) report --db $(DB) --year 2024 --format docx --out docs/bao-cao-2024.docx
	scripts/render-docx.sh docs/bao-cao-2024.docx /tmp/sipas-docx --dpi 70
	cp /tmp/sipas-docx/bao-cao-2024-1.png docs/bao-cao-2024-docx-1.png
	cp /tmp/sipas-docx/bao-cao-2024-3.png docs/bao-cao-2024-docx-3.png

clean:
	rm -rf .build $(DB)
