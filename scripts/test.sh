#!/usr/bin/env bash
# Runs every test suite, installing what is missing first (scripts/setup.sh).
# The last line is the total: "N passed, N failed". Logs: target/test-logs/.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export CHROMEDRIVER="$(command -v chromedriver)"
LOGS="$ROOT/target/test-logs"
mkdir -p "$LOGS"

passed=0
failed=0
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; }
trap cleanup EXIT

# Adds up a log's "test result: … N passed; M failed" (cargo, wasm-bindgen-test)
# and "# pass N" / "# fail N" (node --test, TAP) lines.
count() {
  local log="$1" p=0 f=0 line
  while read -r line; do
    p=$((p + $(sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed.*/\1/' <<<"$line")))
    f=$((f + $(sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed.*/\2/' <<<"$line")))
  done < <(grep -E '^test result: .* [0-9]+ passed; [0-9]+ failed' "$log")
  p=$((p + $(awk '/^# pass [0-9]+$/ {s += $3} END {print s + 0}' "$log")))
  f=$((f + $(awk '/^# fail [0-9]+$/ {s += $3} END {print s + 0}' "$log")))
  echo "$p $f"
}

# suite NAME COMMAND...: runs it, tallies its tests; a suite that fails
# without reporting a failed test counts as one failure.
suite() {
  local name="$1"; shift
  echo "=== $name"
  "$@" >"$LOGS/$name.log" 2>&1
  local rc=$? p f
  read -r p f < <(count "$LOGS/$name.log")
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1
    tail -n 30 "$LOGS/$name.log"
  fi
  [ "$f" -gt 0 ] && grep -E '(^test .* FAILED|^not ok|panicked at)' "$LOGS/$name.log" | head -n 40
  echo "    $name: $p passed, $f failed"
  passed=$((passed + p))
  failed=$((failed + f))
}

# check NAME COMMAND...: one pass or one failure.
check() {
  local name="$1"; shift
  echo "=== $name"
  if "$@" >"$LOGS/$name.log" 2>&1; then
    passed=$((passed + 1)); echo "    $name: ok"
  else
    failed=$((failed + 1)); tail -n 30 "$LOGS/$name.log"; echo "    $name: FAILED"
  fi
}

# Starts the strict fake Cognito on a free port; sets FAKE_URL. The previous
# run's log goes first: read before the new server truncates it, it gave the
# old port.
start_fake() {
  local log="$LOGS/fake-cognito.log" port=""
  rm -f "$log"
  node tests/fake-cognito/server.mjs 0 >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do
    port="$(sed -n 's/^fake-cognito listening on \([0-9]*\)$/\1/p' "$log")"
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "fake Cognito did not start"; cat "$log"; return 1; }
  FAKE_URL="http://127.0.0.1:$port"
}

# fuzz TARGET: a short, bounded libFuzzer run (nightly); new inputs go to a scratch corpus.
fuzz() {
  local corpus
  corpus="$(mktemp -d)"
  cargo +nightly fuzz run --fuzz-dir tests/fuzz "$1" "$corpus" "tests/fuzz/seeds/$1" -- -max_total_time="${FUZZ_SECONDS:-15}"
  local rc=$?
  rm -rf "$corpus"
  return $rc
}

suite native cargo test --color never
check fuzz-response fuzz response
check fuzz-input fuzz input
grep -h '^Done' "$LOGS"/fuzz-*.log | sed 's/^/    fuzz: /'
check package bash scripts/build.sh --force
# The goal is 12000 bytes (issue 5); this ratchet keeps what has been won.
# 23,900 -> 24,550 (2026-11-25): signUp, buildRequest and issue 12's
# hardening cost about 3.6 kB, and ready()'s warm-up 95 B; cuts elsewhere
# (README: "Where the bytes go") paid for 3.1 kB of it.
check size bash scripts/size.sh "${SIZE_BUDGET:-24550}"
sed 's/^/    /' "$LOGS/size.log"
# The browser suites: every tests/*.rs compiled for the browser only (its cfg
# line), so a new suite runs in every engine without being listed here. The
# three engines share one fake: its URL is compiled into the tests, so they
# are built once. WebKit's MiniBrowser needs an X display: Xvfb.
browser_tests=()
for f in tests/*.rs; do
  if head -n 8 "$f" | grep -cxF '#![cfg(all(target_arch = "wasm32", feature = "web"))]' >/dev/null; then
    browser_tests+=("$(basename "$f" .rs)")
  fi
done
# in_engine ENGINE COMMAND...: runs a wasm-pack test command against the fake
# and fails unless every test binary ran in ENGINE, as the runner names it
# (it picks GECKODRIVER over SAFARIDRIVER over CHROMEDRIVER: a stray one in
# the environment would quietly run the suite in another engine).
in_engine() {
  local engine="$1"; shift
  local out rc
  out="$(mktemp)"
  COGNITO_FAKE_URL="$FAKE_URL" "$@" 2>&1 | tee "$out"
  rc=${PIPESTATUS[0]}
  local ran wrong
  ran="$(grep -c '^Running headless tests in ' "$out")"
  wrong="$(grep '^Running headless tests in ' "$out" | grep -vc "^Running headless tests in $engine ")"
  rm -f "$out"
  if [ "$ran" -ne ${#browser_tests[@]} ] || [ "$wrong" -ne 0 ]; then
    echo "expected ${#browser_tests[@]} test binaries (${browser_tests[*]}) run in $engine; $ran ran, $wrong of them elsewhere"
    return 1
  fi
  return "$rc"
}
if start_fake; then
  wbt=(. --no-default-features --features web)
  for t in "${browser_tests[@]}"; do wbt+=(--test "$t"); done
  suite browser-chrome in_engine Chrome wasm-pack test --headless --chrome --chromedriver "$CHROMEDRIVER" "${wbt[@]}"
  suite browser-firefox in_engine Firefox wasm-pack test --headless --firefox --geckodriver "$(command -v geckodriver)" "${wbt[@]}"
  suite browser-webkit in_engine Safari xvfb-run -a wasm-pack test --headless --safari --safaridriver "$(command -v WebKitWebDriver)" "${wbt[@]}"
else
  failed=$((failed + 3))
fi

check probe-package bash -c 'wasm-pack build --target web --dev --out-dir target/pkg-probe --out-name cognito_confirm . --features panic-probe && node js/package.mjs target/pkg-probe'
suite e2e node --test --test-reporter=tap tests/e2e/
suite consumers node --test --test-reporter=tap tests/consumers/
[ -f target/consumers/tarball.txt ] && sed 's/^/    /' target/consumers/tarball.txt
# The built package in real pages, per engine, over W3C WebDriver (tests/pages/).
for engine in chrome firefox webkit; do
  display=()
  [ "$engine" = webkit ] && display=(xvfb-run -a)
  suite "pages-$engine" env BROWSER="$engine" "${display[@]}" node --test --test-reporter=tap tests/pages/
  sed -n 's/^# engine: /    engine: /p' "$LOGS/pages-$engine.log"
done
# <cognito-sign-up> end to end per engine over W3C WebDriver, against the
# strict fake (tests/element/; the demo's suites run it against cognito-local).
for engine in chrome firefox webkit; do
  display=()
  [ "$engine" = webkit ] && display=(xvfb-run -a)
  suite "element-$engine" env BROWSER="$engine" "${display[@]}" node --test --test-reporter=tap tests/element/
done
# The demo by keyboard alone in the other engines (Chromium's is in e2e).
suite e2e-firefox env BROWSER=firefox node --test --test-reporter=tap tests/e2e/keyboard.webdriver.mjs
suite e2e-webkit env BROWSER=webkit xvfb-run -a node --test --test-reporter=tap tests/e2e/keyboard.webdriver.mjs

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
