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
	  root=$$(pyenv root 2>/dev/null || echo "$$HOME/.pyenv"); \
	  for p in $$(ls -d $$root/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	    if $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then echo $$p; exit 0; fi; done)

.PHONY: help venv demo extract test lint bench accuracy accuracy-pdf variants browser office neo4j-start neo4j-stop clean

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
	@echo "Installing dutygraph and its test tools into $(VENV) (a few minutes the first time)…"
	$(PY) -m pip install --quiet -e '.[test]'
	@echo "Installed."
	@touch $(STAMP)

venv: $(STAMP) ## Create .venv and install dutygraph with its test tools

demo: $(STAMP) ## Main job: read the seeds, store them (embedded), analyse, write graph.html and review.html
	$(VENV)/bin/dutygraph run $(SEEDS)

extract: $(STAMP) ## Print the seeds' tasks as JSON lines (the extract contract)
	$(VENV)/bin/dutygraph extract $(SEEDS)/*.txt --format jsonl

test: $(STAMP) browser office lint ## Lint, type-check, then run every test and doctest (starts a Neo4j for them on port 7697, and stops it)
	$(PY) -m pytest -q

lint: $(STAMP) ## ruff (lint and format check) and mypy (strict) on the library, tests and benchmarks
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check --quiet src tests bench
	$(VENV)/bin/mypy

# The .doc/.xls/.pdf tests convert with LibreOffice (as the .doc reader does).
office: ## Install Debian's LibreOffice (writer, calc) if soffice is missing (needs root or sudo)
	@if command -v soffice >/dev/null || command -v libreoffice >/dev/null; then exit 0; fi; \
	  echo "Installing LibreOffice for the .doc tests…"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; else \
	    echo "run as root, or install the Debian packages libreoffice-writer-nogui and libreoffice-calc-nogui" >&2; exit 1; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libreoffice-writer-nogui libreoffice-calc-nogui >/dev/null

# The browser tests drive Debian's Chromium; CJK fonts make Chinese labels render.
CHROMIUM ?= /usr/bin/chromium
browser: ## Install Debian's chromium and CJK fonts if they are missing (needs root or sudo)
	@if [ -x "$(CHROMIUM)" ] && fc-list 2>/dev/null | grep -qi "CJK"; then exit 0; fi; \
	  echo "Installing Debian's chromium and fonts-noto-cjk for the browser tests…"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; else \
	    echo "run as root, or install the Debian packages chromium and fonts-noto-cjk" >&2; exit 1; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null

bench: $(STAMP) browser office ## Benchmarks of every stage and every saved query at district, city and province size (starts Neo4j); writes bench/RESULTS.md
	$(PY) -m bench.bench_analysis --out bench/RESULTS.md
	$(PY) -m bench.bench_drawing --out bench/RESULTS.md
	$(PY) -m bench.bench_pipeline --out bench/RESULTS.md
	$(PY) -m bench.bench_formats --out bench/RESULTS.md
	$(PY) -m bench.bench_queries --out bench/RESULTS.md

neo4j-start: ## Start Neo4j in the background on bolt://127.0.0.1:7687 (NEO4J_PORT to change)
	neo4j/neo4j.sh start

neo4j-stop: ## Stop the Neo4j that neo4j-start started
	neo4j/neo4j.sh stop

clean: ## Remove the environment and caches
	rm -rf $(VENV) .pytest_cache .hypothesis *.egg-info

accuracy: $(STAMP) ## Tasks found and role precision/recall/F1 per document of the real-document corpus (tests/corpus)
	$(PY) -m bench.accuracy tests/corpus

variants: $(STAMP) ## The corpus scored again printed the genre's other ways (labels, punctuation, frames, one line)
	$(PY) -m bench.variants tests/corpus

accuracy-pdf: $(STAMP) office ## The corpus printed to PDF and saved as Word (.docx) by LibreOffice and read back, next to its text reading
	$(PY) -m bench.printed_pdf tests/corpus
