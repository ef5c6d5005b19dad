# The two commands of the quick start: `make run` and `make test`. Both create .venv when missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run banner once test install bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP) banner
	$(BIN)/diplobot run

# Where the `diplobot` command is: it lives in the venv, not on the shell's PATH.
banner:
	@echo "diplobot is installed as $(BIN)/diplobot. In another terminal, in this folder:"
	@echo "  $(BIN)/diplobot brief armenia    a brief on a topic"
	@echo "  $(BIN)/diplobot --help           every command (or '. $(BIN)/activate', then plain 'diplobot ...')"
	@echo "Starting diplobot; type commands here too ('help'), Ctrl-C stops it."

once: $(STAMP)
	$(BIN)/diplobot run --once

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/python bench/eval.py

bench: $(STAMP)
	$(BIN)/python bench/detect.py
	$(BIN)/python bench/stories.py
	$(BIN)/python bench/ingest.py

# Build and test artefacts only: var/ holds the user's database (rules, subscriptions, history) and stays.
clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .mypy_cache build dist *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
