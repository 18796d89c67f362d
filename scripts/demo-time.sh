#!/usr/bin/env bash
# How long the demo command takes to bring the page up: seconds from starting
# scripts/demo.sh to the line with the page's address; then stops it (Ctrl-C).
# Run it twice: the first run builds and creates the pool, later runs reuse them.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
log="$(mktemp)"
start=$(date +%s%N)
DEMO_PORT="${DEMO_PORT:-0}" COGNITO_PORT="${COGNITO_PORT:-0}" bash scripts/demo.sh >"$log" 2>&1 &
pid=$!
until grep -q "open http" "$log"; do
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.05
done
end=$(date +%s%N)
printf 'page up after %d ms\n' $(((end - start) / 1000000))
kill -INT "$pid"
wait "$pid" 2>/dev/null || true
rm -f "$log"
