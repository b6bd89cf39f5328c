# dutygraph — the two Quick start commands are `make demo` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV   ?= .venv
SEEDS  ?= ../shared/seeds
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed

# A Python 3.12+ interpreter: python3.13/python3.12 on PATH if they run (pyenv
# shims on PATH may not), else the newest 3.12+/3.13 under `pyenv root`.
PYTHON ?= $(shell for c in python3.13 python3.12 python3; do \
	  if $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then command -v $$c; exit 0; fi; done; \
	  root=$$(pyenv root 2>/dev/null); \
	  for p in $$(ls -d $$root/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	    if $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then echo $$p; exit 0; fi; done)

.PHONY: help venv demo extract test bench neo4j-start neo4j-stop clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.txt
	@if [ -z "$(PYTHON)" ]; then \
	  echo "dutygraph needs Python 3.12 or newer and none was found."; \
	  echo "Install one (e.g. 'pyenv install 3.12' or your system's python3.12 package), or run: make PYTHON=/path/to/python3.12"; \
	  exit 1; fi
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

venv: $(STAMP) ## Create .venv and install dutygraph with its test tools

demo: $(STAMP) ## Main job: print the seeds' tasks, store them in the embedded store, query it
	$(VENV)/bin/dutygraph extract $(SEEDS)/*.txt --format table -q
	$(VENV)/bin/dutygraph build $(SEEDS)/*.txt
	$(VENV)/bin/dutygraph query documents
	$(VENV)/bin/dutygraph query units_by_load --param limit=10

extract: $(STAMP) ## Print the seeds' tasks as JSON lines (the extract contract)
	$(VENV)/bin/dutygraph extract $(SEEDS)/*.txt --format jsonl

test: $(STAMP) ## Run every test (starts a Neo4j for them on port 7697, and stops it)
	$(PY) -m pytest -q

bench: $(STAMP) ## Benchmarks at district, city and province size; writes bench/RESULTS.md
	$(PY) -m bench.bench_analysis --out bench/RESULTS.md

neo4j-start: ## Start Neo4j in the background on bolt://127.0.0.1:7687 (NEO4J_PORT to change)
	neo4j/neo4j.sh start

neo4j-stop: ## Stop the Neo4j that neo4j-start started
	neo4j/neo4j.sh stop

clean: ## Remove the environment and caches
	rm -rf $(VENV) .pytest_cache .hypothesis *.egg-info
