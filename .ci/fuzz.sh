#!/usr/bin/env bash
# Runs every Go fuzz target for FUZZTIME each (default 3s: the short run CI does on every change).
# The longer run before a release: FUZZTIME=5m .ci/fuzz.sh  (crashers land in testdata/fuzz/ of the
# package; commit them with the fix so they stay regression tests).
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-3s}
grep -rl --include='*_test.go' '^func Fuzz' . | sort | while read -r file; do
  pkg=./$(dirname "${file#./}")
  for target in $(grep -h '^func Fuzz' "$file" | sed 's/^func \(Fuzz[A-Za-z0-9_]*\).*/\1/'); do
    echo "fuzz $pkg $target ($fuzztime)"
    run() { go test "$pkg" -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" -parallel 2 >/tmp/fuzz.log 2>&1; }
    # Go's fuzz coordinator sometimes ends a short run with "context deadline exceeded" and no
    # crasher: that is the engine timing out, not a finding, so it gets one retry.
    run || { grep -q 'context deadline exceeded' /tmp/fuzz.log && ! grep -q 'Failing input written' /tmp/fuzz.log && run; } || { cat /tmp/fuzz.log; exit 1; }
  done
done
echo "fuzz: all targets passed"
