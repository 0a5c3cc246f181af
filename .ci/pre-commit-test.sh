#!/usr/bin/env bash
# Runs the real pre-commit against a throwaway repository that uses this checkout as its hook
# repository: a commit adding a hardcoded Airflow connection password is blocked, the hook output
# does not show the password, and the commit goes through once the password is read at run time.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v pre-commit >/dev/null 2>&1; then
  apt-get update -qq >/dev/null && apt-get install -y -qq pre-commit >/dev/null
fi
rev=$(git -C "$here" rev-parse HEAD)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"
repo="$work/repo"
mkdir -p "$repo/dags"
cd "$repo"
git init -q
git config user.email ci@example.com
git config user.name CI
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $here
    rev: $rev
    hooks:
      - id: dagwarden
YAML
git add .pre-commit-config.yaml
git commit -q -m "add pre-commit config"
pre-commit install >/dev/null

secret="Autumn-hook-test-not-real"
cat > dags/etl.py <<PY
from airflow.models import Connection

conn = Connection(conn_id="warehouse", password="$secret")
PY
git add dags/etl.py
if git commit -q -m "add dag" >"$work/out.txt" 2>&1; then
  cat "$work/out.txt"; echo "FAIL: the commit with a hardcoded password was not blocked"; exit 1
fi
if ! grep -q "airflow-dag-connection-literal-password" "$work/out.txt"; then
  cat "$work/out.txt"; echo "FAIL: the hook output does not name the finding"; exit 1
fi
if grep -q "$secret" "$work/out.txt"; then
  echo "FAIL: the hook output shows the password"; exit 1
fi

cat > dags/etl.py <<'PY'
from airflow.models import Connection, Variable

conn = Connection(conn_id="warehouse", password=Variable.get("warehouse_password"))
PY
git add dags/etl.py
if ! git commit -q -m "add dag" >"$work/out2.txt" 2>&1; then
  cat "$work/out2.txt"; echo "FAIL: the fixed commit was blocked"; exit 1
fi
echo "PASS: pre-commit blocks the hardcoded password, hides it, and accepts the fix"
