#!/usr/bin/env bash
# Opens the HTML audit report of the example pipelines in real headless Chromium (Debian's
# `chromium`, installed when missing) and checks it as a reader would use it: no console error,
# uncaught exception or network request; the category, severity, rule and path filters, the chart
# shortcuts and the suppressed toggle show exactly the findings the JSON report lists; no secret
# from the scanned files shows in the page, whole or in part. Saves docs/report-screenshot.png and
# copies it, with a full-page screenshot, to the test log directory.
#
# The scan covers a copy of testdata/pipelines plus two generated files, so the page always has
# a suppressed finding (in a file whose name has HTML-special characters) and a notice.
#
#   .ci/browser-test.sh     LOG_DIR (default /tmp/dagwarden-ci) gets the report and screenshots;
#                           SCREENSHOT overrides docs/report-screenshot.png; EXAMPLES the project
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
examples=${EXAMPLES:-testdata/examples}
[ -d "$examples" ] || examples=testdata/pipelines
log_dir=${LOG_DIR:-/tmp/dagwarden-ci}
shot=${SCREENSHOT:-$root/docs/report-screenshot.png} # byte-identical between runs of the same tree
mkdir -p "$log_dir"
started=$(date +%s)

fail() { echo "FAIL: html report browser test: $*"; exit 1; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian's chromium"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$log_dir/chromium-install.log" 2>&1 \
    || { tail -n 20 "$log_dir/chromium-install.log"; fail "could not install chromium"; }
fi
chromium --version 2>/dev/null | head -n 1 || true

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CGO_ENABLED=1
go build -o "$work/dagwarden" ./cmd/dagwarden
go build -o "$work/htmltest" ./internal/report/htmltest

# the project: the examples, a suppressed finding in an awkwardly named file, and a broken file
proj="$work/project"
mkdir -p "$proj/ci-extra/dags" "$proj/ci-extra/deploy"
# NOTE: not named "examples": findings under **/examples/** are downgraded as test code
cp -R "$examples" "$proj/pipelines"
cat >"$proj/ci-extra/dags/q&a <draft>.py" <<'PY'
"""Browser-test fixture: a suppressed finding in a file whose name needs HTML escaping."""
from airflow.models import Connection

# dagwarden: ignore[airflow-dag-connection-literal-password] rotated test credential, tracked in SEC-123
legacy = Connection(conn_id="legacy", conn_type="postgres", password="Quartz-Lantern-4417-fake")
PY
printf '{"connections": [{"conn_id": "x", <broken & "unterminated\n' >"$proj/ci-extra/deploy/connections.json"

cd "$proj"
for fmt in html json; do
  args=(scan pipelines ci-extra --format "$fmt" -o "$work/report.$fmt" --exit-zero)
  [ "$fmt" = json ] && args+=(--show-suppressed)
  rc=0
  timeout 120 "$work/dagwarden" "${args[@]}" 2>"$work/scan-$fmt.err" || rc=$?
  [ "$rc" -eq 0 ] || { cat "$work/scan-$fmt.err"; fail "dagwarden scan --format $fmt exited $rc"; }
done
cp "$work/report.html" "$log_dir/report.html"
echo "report: $(wc -c <"$work/report.html") bytes"

rc=0
timeout 150 "$work/htmltest" -timeout 120s -report "$work/report.html" -json "$work/report.json" \
  -base "$proj" -scan pipelines,ci-extra \
  -screenshot "$shot" -fullpage "$log_dir/report-full.png" || rc=$?
cd "$root"
if [ "$rc" -ne 0 ]; then
  [ "$rc" -eq 124 ] && echo "FAIL: html report browser test: timed out"
  exit 1
fi
cp "$shot" "$log_dir/report-screenshot.png"
echo "browser test took $(( $(date +%s) - started ))s; screenshots in $log_dir"
