# Tariff Desk: `make` lists the targets; each one says what it does on its `##` line.
.DEFAULT_GOAL := help
.PHONY: help .venv report test fuzz lab bench clean

PYTHON ?= python3
BIN := .venv/bin
STAMP := .venv/.installed
SEED := seeds/000_dde2b044a75bcc9a.txt

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_.-]+:.*## / {printf "  %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

.venv: $(STAMP) ## create .venv: pinned packages, this package (editable), the "tariff-desk" kernel

# Re-runs when requirements.txt or pyproject.toml change; `touch` marks a finished install.
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv .venv
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name tariff-desk --display-name "Tariff Desk"
	touch $@

report: $(STAMP) ## report on the seed article -> outputs/000_dde2b044a75bcc9a/report.html
	$(BIN)/python -m analysis report $(SEED) --published 2025-04-08

test: $(STAMP) ## run the tests (notebooks, CLI, headless Chromium), then ruff check and ruff format --check
	$(BIN)/pytest -q
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fuzz: $(STAMP) ## fuzz the extractor: 10,000 hypothesis examples (FUZZ_EXAMPLES=n for more), then the count and failures
	HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-10000} $(BIN)/pytest -q -rxX tests/test_fuzz.py --hypothesis-show-statistics

lab: $(STAMP) ## open the notebooks in JupyterLab (kernel "Tariff Desk")
	$(BIN)/jupyter lab notebooks/

bench: $(STAMP) ## time the report, the extractor and corpus engines, each against a baseline from the same run
	$(BIN)/python bench/report_bench.py
	$(BIN)/python bench/extract_bench.py
	$(BIN)/python bench/corpus_bench.py

clean: ## delete outputs/* and caches (keeps .venv)
	find outputs -mindepth 1 -maxdepth 1 ! -name .gitkeep -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache .hypothesis *.egg-info
	find . -path ./.venv -prune -o -name __pycache__ -type d -exec rm -rf {} +
