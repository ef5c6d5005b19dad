# The two commands of the quick start: `make run` and `make test`. Both create .venv when missing.
# `make check` is the gate before a commit: lint, format and types (CI runs it too).
# The interpreter .venv is made from: the distribution's own /usr/bin/python3.11 when it can make a venv (Debian and
# Ubuntu build it with profile-guided optimisation and a static libpython: detection runs about 10% faster than on a
# source build with a shared libpython, such as pyenv's), else python3.11 on the PATH, else python3.
# `make PYTHON=/path/to/python3.11 ...` chooses another; delete .venv to switch.
PYTHON ?= $(or $(shell /usr/bin/python3.11 -c "import ensurepip, venv" 2>/dev/null && echo /usr/bin/python3.11),\
	$(shell command -v python3.11 || command -v python3))
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The exact versions of every dependency (the suite passed with them); `make constraints` re-pins from the venv.
CONSTRAINTS := constraints.txt

.PHONY: run banner once test check install constraints bench eval screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Nothing to do (and instant) unless pyproject.toml or the constraints changed since the last install.
$(STAMP): pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e '.[test,check]'
	@touch $(STAMP)

install: $(STAMP)

# After upgrading a dependency in the venv (within pyproject.toml's ranges) and passing `make test`.
constraints:
	$(BIN)/python -m tests.support.lockfile
	@touch $(STAMP)

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

# The suite runs on one worker process per CPU (pytest-xdist); each test file stays on one worker, so a module's
# fixtures (a running bot, a browser) start once. `make test TEST_WORKERS=0` runs it in this one process.
TEST_WORKERS ?= auto
test: $(STAMP)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

# Lint (ruff check), layout (ruff format --check: `$(BIN)/ruff format` fixes it) and types (mypy --strict on
# bot/ and adapters/); the rules are in pyproject.toml.
check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The README's pictures of the web console, taken by the browser tests (a plain `make test` saves them in build/).
screenshots: $(STAMP)
	DIPLOBOT_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest tests/test_web_browser.py

eval: $(STAMP)
	$(BIN)/python bench/eval.py --intervals

bench: $(STAMP)
	$(BIN)/python bench/detect.py
	$(BIN)/python bench/stories.py
	$(BIN)/python bench/ingest.py

# Build and test artefacts only: var/ holds the user's database (rules, subscriptions, history) and stays.
clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .mypy_cache .ruff_cache build dist *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
