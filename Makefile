# The two commands of the README: `make demo` and `make test`. Both install what is missing first.
SWIFT ?= swift
DB ?= sipas-demo.sqlite
BIN = .build/debug/sipas

.PHONY: deps build demo test bench bench-summary bench-xlsx embed surveys report-png install clean

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
	$(BIN) summary --db $(DB) --year 2024
	$(BIN) flag --db $(DB) --year 2024

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

bench-summary: deps
	scripts/bench-summary.sh

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

clean:
	rm -rf .build $(DB)
