# Shortcuts; each target is one of the scripts.
.PHONY: demo test bench size twiggy
# make bench RUNS=30 BENCH_ARGS="--prototypes"
RUNS ?= 15
demo:
	bash scripts/demo.sh
test:
	bash scripts/test.sh
bench:
	bash scripts/setup.sh && bash scripts/build.sh && PATH="$$HOME/.cargo/bin:$$PATH" node tests/bench/bench.mjs --runs $(RUNS) $(BENCH_ARGS)
size:
	bash scripts/build.sh && bash scripts/size.sh
twiggy:
	bash scripts/twiggy.sh
