#!/usr/bin/env bash
# The demo: installs what it needs and is missing (no browser, no system
# package: scripts/setup.sh demo), builds the package, and runs www/server.mjs:
# cognito-local with a user pool and an app client (with a secret), or your own
# user pool (COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_CLIENT_SECRET),
# and the page with its backend. Ctrl-C stops everything it started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh demo
bash scripts/build.sh
exec node www/server.mjs
