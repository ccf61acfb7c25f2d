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
# Stage 1 trains tagger, morphologizer, lemmatizer, parser and NER on one shared tok2vec
# (configs/pipeline.cfg); stage 2 retrains the NER with its own tok2vec, the rest frozen
# (configs/ner.cfg). One core (OMP_NUM_THREADS=1): the machine is shared. Duration: BENCHMARKS.md.
NORNE := $(SHARED)/data/norne
ONECORE := OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
STAGE1_STEPS ?= 5200
STAGE2_STEPS ?= 8000
ONECORE_TRAIN := $(ONECORE) $(BIN)/python -m spacy train

build/corpus/%.spacy: | venv
	$(BIN)/python -m konflikt.nlp.convert $@ $(NORNE)/ndt/$(word 1,$(subst -, ,$*))/$(word 2,$(subst -, ,$*))

build/vectors/vectors.floret: | venv
	$(ONECORE) $(BIN)/python -m konflikt.nlp.vectors build/vectors

# The same vectors for both languages, in a pipeline of each language (spaCy checks the match).
build/vectors/nlp-%/config.cfg: build/vectors/vectors.floret
	$(BIN)/python -m spacy init vectors $* build/vectors/vectors.floret build/vectors/nlp-$* --mode floret

# $(1) = language (nb, nn), $(2) = NorNE folder (nob, nno)
define TRAIN_LANG
build/train/$(1)/model-best/config.cfg: build/vectors/nlp-$(1)/config.cfg \
		build/corpus/$(2)-train.spacy build/corpus/$(2)-dev.spacy
	mkdir -p build/train/$(1)
	start=$$$$(date +%s); $$(ONECORE_TRAIN) konflikt/nlp/configs/pipeline.cfg \
		--code konflikt/nlp/tokenizer.py --nlp.lang $(1) \
		--paths.train build/corpus/$(2)-train.spacy --paths.dev build/corpus/$(2)-dev.spacy \
		--paths.vectors build/vectors/nlp-$(1) \
		--output build/train/$(1) --training.max_steps $$(STAGE1_STEPS) \
		&& echo $$$$(( $$$$(date +%s) - start )) > build/train/$(1)/train_seconds.txt

build/train/$(1)-ner/model-best/config.cfg: build/train/$(1)/model-best/config.cfg
	mkdir -p build/train/$(1)-ner
	start=$$$$(date +%s); $$(ONECORE_TRAIN) konflikt/nlp/configs/ner.cfg \
		--code konflikt/nlp/tokenizer.py --nlp.lang $(1) \
		--paths.train build/corpus/$(2)-train.spacy --paths.dev build/corpus/$(2)-dev.spacy \
		--paths.base build/train/$(1)/model-best --paths.vectors build/vectors/nlp-$(1) \
		--output build/train/$(1)-ner --training.max_steps $$(STAGE2_STEPS) \
		&& echo $$$$(( $$$$(date +%s) - start )) > build/train/$(1)-ner/train_seconds.txt
endef
$(eval $(call TRAIN_LANG,nb,nob))
$(eval $(call TRAIN_LANG,nn,nno))

models: build/train/nb-ner/model-best/config.cfg build/train/nn-ner/model-best/config.cfg
	rm -rf konflikt/models/nb konflikt/models/nn
	$(ONECORE) $(BIN)/python -m konflikt.nlp.package nb build/train/nb-ner/model-best konflikt/models/nb
	$(ONECORE) $(BIN)/python -m konflikt.nlp.package nn build/train/nn-ner/model-best konflikt/models/nn

clean:
	rm -rf build
