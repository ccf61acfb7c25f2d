# konflikt — every entry point a newcomer needs. `make demo` and `make test` work on a fresh clone.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: venv demo test lint models clean

$(BIN)/konflikt: pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(BIN)/konflikt

venv: $(BIN)/konflikt

demo: venv
	$(BIN)/konflikt extract examples/demo-article.txt --db sqlite:///build/demo.sqlite --show

test: venv
	$(BIN)/ruff check konflikt tests
	$(BIN)/pytest -q

lint: venv
	$(BIN)/ruff check konflikt tests

clean:
	rm -rf build
