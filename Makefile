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

# --- models (issue 2): NorNE -> floret vectors -> nb, nn pipelines -> konflikt/models/{nb,nn} ---
# One core (OMP_NUM_THREADS=1): the machine is shared. Takes hours; see BENCHMARKS.md.
NORNE := $(SHARED)/data/norne
ONECORE := OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
TRAIN_STEPS ?= 20000

build/corpus/%.spacy: | venv
	$(BIN)/python -m konflikt.nlp.convert $@ $(NORNE)/ndt/$(word 1,$(subst -, ,$*))/$(word 2,$(subst -, ,$*))

build/vectors/nlp/config.cfg: | venv
	$(ONECORE) $(BIN)/python -m konflikt.nlp.vectors build/vectors
	$(BIN)/python -m spacy init vectors nb build/vectors/vectors.floret build/vectors/nlp --mode floret

build/train/%/model-best/config.cfg: build/vectors/nlp/config.cfg
	$(MAKE) build/corpus/$(NDT_$*)-train.spacy build/corpus/$(NDT_$*)-dev.spacy
	mkdir -p build/train/$*
	start=$$(date +%s); $(ONECORE) $(BIN)/python -m spacy train konflikt/nlp/configs/pipeline.cfg \
		--code konflikt/nlp/tokenizer.py --nlp.lang $* --output build/train/$* \
		--paths.train build/corpus/$(NDT_$*)-train.spacy --paths.dev build/corpus/$(NDT_$*)-dev.spacy \
		--paths.vectors build/vectors/nlp --training.max_steps $(TRAIN_STEPS) \
		&& echo $$(( $$(date +%s) - start )) > build/train/$*/train_seconds.txt
NDT_nb := nob
NDT_nn := nno

models: build/train/nb/model-best/config.cfg build/train/nn/model-best/config.cfg
	rm -rf konflikt/models/nb konflikt/models/nn
	$(ONECORE) $(BIN)/python -m konflikt.nlp.package nb build/train/nb/model-best konflikt/models/nb
	$(ONECORE) $(BIN)/python -m konflikt.nlp.package nn build/train/nn/model-best konflikt/models/nn

clean:
	rm -rf build
