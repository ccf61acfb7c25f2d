"""Hand-built parsed docs for extractor tests (no trained model needed)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from konflikt.extract import extract_events
from konflikt.model import Article, Event

Row = tuple[str, str, str, int, str]  # word, lemma, pos, head offset (relative), dep


@pytest.fixture(scope="session")
def nlp() -> Language:
    return spacy.blank("nb")


@pytest.fixture
def make_doc(nlp: Language) -> Callable[..., Doc]:
    """Build a Doc from rows (word, lemma, POS, relative head, NDT label); each sentence is one
    tree whose root has head offset 0; ents as (start, end, label) token ranges."""

    def build(rows: list[Row], ents: list[tuple[int, int, str]] | None = None) -> Doc:
        words = [r[0] for r in rows]
        spaces = []
        for i in range(len(words)):
            nxt = words[i + 1] if i + 1 < len(words) else None
            spaces.append(nxt is not None and nxt not in (".", ","))
        doc = Doc(
            nlp.vocab,
            words=words,
            spaces=spaces,
            lemmas=[r[1] for r in rows],
            pos=[r[2] for r in rows],
            heads=[i + r[3] for i, r in enumerate(rows)],
            deps=[r[4] for r in rows],
        )
        if ents:
            from spacy.tokens import Span

            doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
        return doc

    return build


def extract_nb(text: str, published: str, article_id: str = "t") -> list[Event]:
    """Events of `text` (its first line the headline) with the shipped Bokmål pipeline."""
    from konflikt.nlp import load

    article = Article(id=article_id, text=text, title=text.split("\n", 1)[0],
                      published=published)  # fmt: skip
    return extract_events(load("nb")(text), article)


def extract_text(text: str, lang: str = "nb", published: str = "2022-03-10") -> list[Event]:
    """Events of `text` (first line the headline) through the shipped pipeline for `lang`."""
    from konflikt.nlp import load

    article = Article(id="t-model", text=text, title=text.split("\n", 1)[0],
                      published=published, lang=lang)  # fmt: skip
    return extract_events(load(lang)(text), article)
