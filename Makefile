# Shortcuts; each target is one of the scripts.
.PHONY: demo test check doc bench size twiggy
# make bench RUNS=30 BENCH_ARGS="--prototypes"
RUNS ?= 15
demo:
	bash scripts/demo.sh
test:
	bash scripts/test.sh
# Format, lints (native and wasm32), docs, tsc, eslint, then the native tests:
# the fast loop, under a minute once the tree is built (bash scripts/build.sh).
check:
	bash scripts/check.sh && PATH="$$HOME/.cargo/bin:$$PATH" cargo test --quiet
# The contributors' docs of the Rust core, private modules included: target/doc/cognito_confirm/.
doc:
	PATH="$$HOME/.cargo/bin:$$PATH" RUSTDOCFLAGS=-Dwarnings cargo doc --no-deps --document-private-items
bench:
	bash scripts/setup.sh && bash scripts/build.sh && PATH="$$HOME/.cargo/bin:$$PATH" node tests/bench/bench.mjs --runs $(RUNS) $(BENCH_ARGS)
size:
	bash scripts/build.sh && bash scripts/size.sh
twiggy:
	bash scripts/twiggy.sh
