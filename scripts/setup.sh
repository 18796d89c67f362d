#!/usr/bin/env bash
# Installs what the demo or the tests need, and only what is missing; safe to run again.
#
#   bash scripts/setup.sh demo   # what scripts/demo.sh needs: no browser, no system package
#   bash scripts/setup.sh        # (or `test`) all of that, plus what scripts/test.sh needs
#
# It does not install the two prerequisites, Rust (via rustup) and Node.js 20+
# with npm: it stops and names them. Everything else goes where the user can
# write (cargo's bin directory, node_modules/), except system packages (the
# test command's browser and tools), which come from apt, with sudo when not
# root; on a system without apt it stops with one message listing them.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
MODE="${1:-test}"

say() { printf '[setup] %s\n' "$*" >&2; }
die() {
  printf '[setup] %s\n' "$@" >&2
  exit 1
}

# Rust via rustup and Node.js 20+: checked together, so one message names all that is missing.
# Rust links with the system's C compiler (`cc`), which rustup does not install: the demo
# names it here; the test command installs it with its other system packages.
need_prerequisites() {
  local missing=()
  command -v rustup >/dev/null && command -v cargo >/dev/null \
    || missing+=("Rust, installed with rustup (https://rustup.rs); then open a new shell so that ~/.cargo/bin is on PATH")
  # (Run, not looked up: macOS has a `cc` that only asks for Xcode's command line tools.)
  [ "$MODE" != demo ] || cc --version >/dev/null 2>&1 \
    || missing+=("a C compiler, which Rust links with (the command \`cc\`; Debian package build-essential, on macOS \`xcode-select --install\`)")
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    missing+=("Node.js 20 or newer, with npm (https://nodejs.org, or your system's package manager)")
  elif [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
    missing+=("Node.js 20 or newer (this is $(node --version))")
  fi
  [ ${#missing[@]} -eq 0 ] || die "install these first, then run this command again:" "${missing[@]/#/  - }"
}

# `tool_install ARGS...`: cargo install for a tool that runs here (what the
# tools write does not depend on how they were compiled): a light release
# profile (opt-level 1, no LTO, 16 codegen units). Measured 2026-12-04 on
# 2 cores: wasm-bindgen-cli 99 s, wasm-pack 86 s, cargo-fuzz 23 s, cargo-deny
# 81 s, geckodriver 94 s: 6.4 min, where the default profile took about 16.
tool_install() {
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_DEBUG=false cargo install "$@" >&2
}

# The Rust side of the build: the wasm32 target, wasm-bindgen's CLI at Cargo.toml's pin, wasm-pack.
need_wasm_toolchain() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown >&2
  fi
  # wasm-pack uses a wasm-bindgen CLI on PATH only when it matches Cargo.toml's pin exactly.
  local wb_version
  wb_version="$(sed -n 's/^wasm-bindgen = .*"=\([0-9.]*\)".*/\1/p' "$ROOT/Cargo.toml")"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
    say "installing wasm-bindgen-cli $wb_version (about 1.5 min)"
    tool_install wasm-bindgen-cli --version "$wb_version" --force
  fi
  # The pinned nightly of the release build and the fuzz runs (scripts/nightly.sh), with rust-src.
  source "$ROOT/scripts/nightly.sh"
  if ! rustup component list --toolchain "$NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src' \
    || ! rustup target list --toolchain "$NIGHTLY" --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "installing Rust $NIGHTLY with rust-src (about 1 min)"
    rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src --target wasm32-unknown-unknown >&2
  fi
  if ! command -v wasm-pack >/dev/null; then
    say "installing wasm-pack (about 1.5 min)"
    tool_install wasm-pack --locked
  fi
}

# Node tools pinned by package-lock.json: wasm-opt (binaryen) for the build, cognito-local for
# the demo, playwright-core, axe-core and the bundlers for the tests. None downloads a browser.
need_node_packages() {
  if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -x "$ROOT/node_modules/.bin/cognito-local" ] \
    || [ ! -d "$ROOT/node_modules/playwright-core" ] || [ ! -d "$ROOT/node_modules/axe-core" ] \
    || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing node packages"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

need_fuzzer() {
  if ! command -v cargo-fuzz >/dev/null; then
    say "installing cargo-fuzz (about 30 s)"
    tool_install cargo-fuzz --locked
  fi
}

# cargo-deny, for the test command's offline check of the shipped crates'
# licences and duplicates (deny.toml); it reads no advisory database.
need_cargo_deny() {
  local version=0.20.2
  if [ "$(cargo-deny --version 2>/dev/null | awk '{print $2}')" != "$version" ]; then
    say "installing cargo-deny $version (about 1.5 min)"
    tool_install cargo-deny --version "$version" --locked --force
  fi
}

# System packages: `want COMMAND DEBIAN-PACKAGE WHAT` queues one when COMMAND is missing;
# `install_system_packages` installs the queue at once.
system_missing=()
system_lean=()
system_described=()
want() {
  command -v "$1" >/dev/null && return 0
  # (Once each: build-essential is wanted for cc and for c++.)
  [[ " ${system_missing[*]-} " == *" $2 "* ]] || system_missing+=("$2")
  system_described+=("  - $3 (the command \`$1\`; Debian package $2)")
}
# `want_lean`: the same, installed without its recommended packages.
want_lean() {
  command -v "$1" >/dev/null && return 0
  system_lean+=("$2")
  system_described+=("  - $3 (the command \`$1\`; Debian package $2)")
}

install_system_packages() {
  [ $((${#system_missing[@]} + ${#system_lean[@]})) -gt 0 ] || return 0
  local names
  names="$(echo ${system_missing[@]+"${system_missing[@]}"} ${system_lean[@]+"${system_lean[@]}"})"
  command -v apt-get >/dev/null \
    || die "this system has no apt-get: install these yourself, then run this command again:" "${system_described[@]}"
  # (`${sudo[@]+...}`: an empty array under `set -u` is an error in macOS's bash 3.2.)
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null \
      || die "installing $names needs root, and sudo is not installed: install these as root, then run this command again:" "${system_described[@]}"
    sudo=(sudo)
    say "installing $names from Debian with sudo (it may ask for your password)"
  else
    say "installing $names from Debian"
  fi
  ${sudo[@]+"${sudo[@]}"} apt-get update -qq >&2
  if [ ${#system_missing[@]} -gt 0 ]; then
    ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${system_missing[@]}" >&2
  fi
  if [ ${#system_lean[@]} -gt 0 ]; then
    ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${system_lean[@]}" >&2
  fi
}

need_test_system_packages() {
  want cc build-essential "a C compiler, which Rust links with"
  want c++ build-essential "a C++ compiler, for cargo-fuzz's libFuzzer"
  want git git "git, for the reproducible-build test's clones"
  want chromium chromium "Chromium, the browser the tests drive"
  want chromedriver chromium-driver "chromedriver, for the wasm-bindgen browser tests"
  want brotli brotli "brotli, for the size check"
  want_lean redis-server redis-server "Redis, the shared rate-limit store the server tests start"
}

# Browser engines beyond Chromium (issue 11): Firefox (Debian's firefox-esr,
# driven by geckodriver) and WebKit (WebKitGTK's WebKitWebDriver and its
# MiniBrowser, which needs an X display: Xvfb). Without recommends: 77
# packages, not 241.
need_engine_packages() {
  want_lean firefox-esr firefox-esr "Firefox ESR, for the Firefox browser suites"
  want_lean WebKitWebDriver webkit2gtk-driver "WebKitGTK's WebDriver, for the WebKit browser suites"
  want_lean xvfb-run xvfb "Xvfb, the X display WebKit's MiniBrowser needs"
  want_lean xauth xauth "xauth, for xvfb-run"
}

# geckodriver is not a Debian package and its release download is unreachable
# here, so it is built from crates.io.
need_geckodriver() {
  local version=0.37.1
  if [ "$(geckodriver --version 2>/dev/null | awk 'NR == 1 {print $2}')" != "$version" ]; then
    say "installing geckodriver $version (about 1.5 min)"
    tool_install geckodriver --version "$version" --locked --force
  fi
}

# The checks of the test command (scripts/check.sh): rustup's minimal profile lacks them.
need_rust_components() {
  local installed
  installed="$(rustup component list --installed)"
  for c in clippy rustfmt; do
    if ! grep -q "^$c" <<<"$installed"; then
      say "adding the $c component"
      rustup component add "$c" >&2
    fi
  done
}

need_prerequisites
case "$MODE" in
  demo)
    need_wasm_toolchain
    need_node_packages
    ;;
  test)
    # The system packages first: the cargo installs below link with their C compiler.
    need_test_system_packages
    need_engine_packages
    install_system_packages
    need_wasm_toolchain
    need_rust_components
    need_fuzzer
    need_cargo_deny
    need_geckodriver
    need_node_packages
    ;;
  *) die "usage: bash scripts/setup.sh [demo|test]" ;;
esac
