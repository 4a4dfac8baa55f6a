#!/usr/bin/env bash
# Coverage benchmark of the index intervals (not a test): simulated correlated respondents through the
# real estimator (Sources/sipas-coverage). README "How honest the intervals are".
#   scripts/bench-coverage.sh [--datasets 500] [--methods all] [--markdown] …   (make bench-coverage)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product sipas-coverage >/dev/null
exec .build/release/sipas-coverage "$@"
