#!/usr/bin/env bash
# Times dagwarden against gitleaks (release build) on the real-world corpus of pipeline
# repositories. The corpus is rebuilt from fetched snapshots when missing; it is test data and is
# never committed.
#
#   scripts/bench.sh [RUNS]            corpus in $CORPUS (default ../corpus)
#   MIRROR=/path/to/.mirror scripts/bench.sh
#
# For the stage profile: DAGWARDEN_BENCH_CORPUS=$CORPUS go test ./internal/engine -run '^$' \
#   -bench BenchmarkScan -benchtime 3x -cpuprofile /tmp/scan.cpu && go tool pprof -top /tmp/scan.cpu
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
corpus=${CORPUS:-../corpus}
mirror=${MIRROR:-../.mirror}
if [ ! -d "$corpus" ]; then
  bash "$shared/bench/build-corpus.sh" "$mirror" "$corpus"
fi
bash "$shared/bench/compare.sh" "$corpus" "${1:-5}"
