# konflikt — every entry point a newcomer needs. `make demo` and `make test` work on a fresh clone.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: venv demo test lint models pretrain clean web web-deps serve browser-test

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

# --- dashboard (issue 4): front-end packages pinned in konflikt/web/package.json ---
# `make web` copies the browser files out of node_modules into konflikt/web/static/vendor/; the
# copies are committed, so serving the page (and CI) needs no npm. playwright-core is only for
# the browser test, which drives Debian's chromium (apt-get install chromium), never a download.
WEB := konflikt/web
VENDOR := $(WEB)/static/vendor

$(WEB)/node_modules/.package-lock.json: $(WEB)/package.json $(WEB)/package-lock.json
	npm ci --prefix $(WEB) --no-audit --no-fund

web-deps: $(WEB)/node_modules/.package-lock.json

web: web-deps
	for p in d3-array d3-geo topojson-client; do \
		cp $(WEB)/node_modules/$$p/dist/$$p.min.js $(VENDOR)/ && \
		cp $(WEB)/node_modules/$$p/LICENSE $(VENDOR)/LICENSE.$$p; done
	cp $(WEB)/node_modules/world-atlas/countries-110m.json $(VENDOR)/
	cp $(WEB)/node_modules/world-atlas/LICENSE $(VENDOR)/LICENSE.world-atlas

serve: venv
	$(BIN)/konflikt serve

# Screenshots land in build/screenshots/.
browser-test: venv web-deps
	$(BIN)/pytest -q tests/web/test_browser.py

# --- models (issue 2): NorNE -> floret vectors -> nb, nn pipelines -> konflikt/models/{nb,nn} ---
# Stage 1 trains tagger, morphologizer, lemmatizer, parser and NER on one shared tok2vec
# (configs/pipeline.cfg); stage 2 retrains the NER with its own tok2vec, the rest frozen
# (configs/ner.cfg: gazetteer features from konflikt's place and actor lists, weight averaging),
# trained on the NorNE train files of both written standards together (nor-train: Bokmål and
# Nynorsk share most names and the contexts they appear in), scored on the language's own dev.
# Packaging (konflikt.nlp.package) adds the rule components of konflikt/nlp/components.py: line
# breaks start sentences, NDT root labels, a document's surnames are its persons.
# One core (OMP_NUM_THREADS=1): the machine is shared. Duration: BENCHMARKS.md.
NORNE := $(SHARED)/data/norne
ONECORE := OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
STAGE1_STEPS ?= 5200
# Stage-2 step limit; the run stops sooner when dev NER F1 has not improved for 4,000 steps
# (patience in configs/ner.cfg): on nor-train nn stopped at 8,000 (best step 4,000), nb at 11,200
# (best step 7,200).
STAGE2_STEPS ?= 12000
ONECORE_TRAIN := $(ONECORE) $(BIN)/python -m spacy train

build/corpus/%.spacy: | venv
	$(BIN)/python -m konflikt.nlp.convert $@ $(NORNE)/ndt/$(word 1,$(subst -, ,$*))/$(word 2,$(subst -, ,$*))

build/corpus/nor-train.spacy: | venv
	$(BIN)/python -m konflikt.nlp.convert $@ $(NORNE)/ndt/nob/train $(NORNE)/ndt/nno/train

build/vectors/vectors.floret: | venv
	$(ONECORE) $(BIN)/python -m konflikt.nlp.vectors build/vectors

# The same vectors for both languages, in a pipeline of each language (spaCy checks the match).
build/vectors/nlp-%/config.cfg: build/vectors/vectors.floret
	$(BIN)/python -m spacy init vectors $* build/vectors/vectors.floret build/vectors/nlp-$* --mode floret

# `make pretrain`: pretraining of the NER's own tok2vec (konflikt/nlp/pretraining.py, settings in
# [pretraining] of configs/ner.cfg; one run serves both languages). Not part of `make models`:
# measured on dev it did not help (BENCHMARKS.md, issue 2). To try it again, add
# `--paths.ner_tok2vec build/pretrain/model-last.bin` to the stage-2 command.
pretrain: build/pretrain/model-last.bin

PRETRAIN_WORDS ?= 7000000
build/pretrain/raw.jsonl: | venv
	$(BIN)/python -m konflikt.nlp.pretraining text $@ $(PRETRAIN_WORDS)

build/pretrain/model-last.bin: build/pretrain/raw.jsonl build/vectors/nlp-nb/config.cfg
	start=$$(date +%s); $(ONECORE) $(BIN)/python -m konflikt.nlp.pretraining run \
		konflikt/nlp/configs/ner.cfg build/pretrain --nlp.lang nb \
		--paths.raw_text build/pretrain/raw.jsonl --paths.vectors build/vectors/nlp-nb \
		&& echo $$(( $$(date +%s) - start )) > build/pretrain/train_seconds.txt

# $(1) = language (nb, nn), $(2) = NorNE folder (nob, nno), $(3) = stage-2 training corpus
# (nor-train for both; a language's own `$(2)-train` is what they were trained on before)
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

build/train/$(1)-ner/model-best/config.cfg: build/train/$(1)/model-best/config.cfg \
		build/corpus/$(3).spacy
	mkdir -p build/train/$(1)-ner
	start=$$$$(date +%s); $$(ONECORE_TRAIN) konflikt/nlp/configs/ner.cfg \
		--code konflikt/nlp/pretraining.py --nlp.lang $(1) \
		--paths.train build/corpus/$(3).spacy --paths.dev build/corpus/$(2)-dev.spacy \
		--paths.base build/train/$(1)/model-best --paths.vectors build/vectors/nlp-$(1) \
		--output build/train/$(1)-ner --training.max_steps $$(STAGE2_STEPS) \
		&& echo $$$$(( $$$$(date +%s) - start )) > build/train/$(1)-ner/train_seconds.txt
endef
$(eval $(call TRAIN_LANG,nb,nob,nor-train))
$(eval $(call TRAIN_LANG,nn,nno,nor-train))

models: build/train/nb-ner/model-best/config.cfg build/train/nn-ner/model-best/config.cfg
	rm -rf konflikt/models/nb konflikt/models/nn
	$(ONECORE) $(BIN)/python -m konflikt.nlp.package nb build/train/nb-ner/model-best konflikt/models/nb
	$(ONECORE) $(BIN)/python -m konflikt.nlp.package nn build/train/nn-ner/model-best konflikt/models/nn

clean:
	rm -rf build
