#!/usr/bin/env bash
# The demo: installs what is missing, builds the package, starts cognito-local
# with a user pool and an app client (with a secret), and serves www/.
# Ctrl-C stops everything it started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
bash scripts/build.sh
exec node www/server.mjs
