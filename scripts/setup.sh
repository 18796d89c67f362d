#!/usr/bin/env bash
# Installs what building, testing and the demo need, and only what is missing.
# Sourced by scripts/test.sh and scripts/demo.sh; safe to run again.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '[setup] %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown >&2
fi

# wasm-pack uses a wasm-bindgen CLI on PATH only when it matches Cargo.toml's pin exactly.
WB_VERSION="$(sed -n 's/^wasm-bindgen = .*"=\([0-9.]*\)".*/\1/p' "$ROOT/Cargo.toml")"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 2.5 min)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force >&2
fi
if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack (about 3 min)"
  cargo install wasm-pack --locked >&2
fi

if ! command -v cargo-fuzz >/dev/null; then
  say "installing cargo-fuzz (about 1 min)"
  cargo install cargo-fuzz --locked >&2
fi

apt_missing=()
command -v chromium >/dev/null || apt_missing+=(chromium)
command -v chromedriver >/dev/null || apt_missing+=(chromium-driver)
command -v brotli >/dev/null || apt_missing+=(brotli)
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "installing ${apt_missing[*]} from Debian"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_missing[@]}" >&2
fi

# Node tools (wasm-opt from binaryen, cognito-local, playwright-core), pinned by package-lock.json.
if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -x "$ROOT/node_modules/.bin/cognito-local" ] \
  || [ ! -d "$ROOT/node_modules/playwright-core" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  say "installing node packages"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

# --- Browser engines beyond Chromium (issue 11): Firefox and WebKit ---------
# The test command runs the browser suites and page checks in Firefox
# (Debian's firefox-esr, driven by geckodriver) and WebKit (WebKitGTK's
# WebKitWebDriver and its MiniBrowser, which needs an X display: Xvfb).
# geckodriver is not a Debian package and its release download is unreachable
# here, so it is built from crates.io. Without recommends: 77 packages, not 241.
engine_pkgs=()
command -v firefox-esr >/dev/null || engine_pkgs+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || engine_pkgs+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || engine_pkgs+=(xvfb)
command -v xauth >/dev/null || engine_pkgs+=(xauth)
if [ ${#engine_pkgs[@]} -gt 0 ]; then
  say "installing ${engine_pkgs[*]} from Debian (about 1 min)"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${engine_pkgs[@]}" >&2
fi
GECKODRIVER_VERSION=0.37.1
if [ "$(geckodriver --version 2>/dev/null | awk 'NR == 1 {print $2}')" != "$GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION (about 3 min)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --force >&2
fi
# --- end of the browser engines ----------------------------------------------
