"""Article-level context for the extractor: which sentences are body text, and whether the
article is one the manual says not to code (sports, weather, markets)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Any

import yaml
from spacy.tokens import Doc, Span

from konflikt.model import Article
from konflikt.paths import DATA_DIR

OFF_TOPIC_PATH = DATA_DIR / "off_topic.yaml"
HEADING_MAX_WORDS = 10
_WORD_RE = re.compile(r"[\wæøåÆØÅ/]+")


class Part(Enum):
    BODY = "body"
    TITLE = "title"  # the headline: a restatement unless the body never tells the event
    CAPTION = "caption"  # photo captions: the same
    HEADING = "heading"  # cross-heads ("USA henter hjem soldater"): teasers, never evidence


@dataclass(frozen=True, slots=True)
class _Lex:
    min_hits: dict[str, int]
    lists: dict[str, frozenset[str]]
    caption_marks: tuple[str, ...]
    background: tuple[str, ...]


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    raw: dict[str, Any] = yaml.safe_load(OFF_TOPIC_PATH.read_text(encoding="utf-8"))
    return _Lex(
        min_hits={str(k): int(v) for k, v in raw["min_hits"].items()},
        lists={k: frozenset(str(w).lower() for w in raw[k]) for k in raw["min_hits"]},
        caption_marks=tuple(str(m) for m in raw["caption_marks"]),
        background=tuple(str(b).lower() for b in raw["background"]),
    )


def is_background(clause: str) -> bool:
    """Whether a clause tells background or a generality rather than the story (§1)."""
    text = clause.lower()
    return any(phrase in text for phrase in _lex().background)


def off_topic(article: Article, doc: Doc) -> str | None:
    """The reason the article is not coded ("sports", ...), or None."""
    # the article text, not doc.text: a Doc joins all its tokens each time .text is read
    body = article.text[article.body_start : article.body_start + 600]
    head = f"{article.title or ''}\n{body}"
    words = {w.lower() for w in _WORD_RE.findall(head)}
    lex = _lex()
    for name, vocab in lex.lists.items():
        if len(words & vocab) >= lex.min_hits[name]:
            return name
    return None


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def sentence_part(sent: Span, article: Article, text: str | None = None) -> Part:
    """Where a sentence stands in the article: body, title, caption or cross-heading.
    `text` is `sent.doc.text`, passed in by callers that have it (building it is not free)."""
    text = sent.doc.text if text is None else text
    line_start, line_end = _line_bounds(text, sent.start_char)
    line = text[line_start:line_end].strip()
    if article.title and line_start == 0 and line and article.title.strip().startswith(line[:40]):
        return Part.TITLE
    if any(mark in line for mark in _lex().caption_marks):
        return Part.CAPTION
    stripped = line.lstrip("–—-− ").rstrip()
    n_words = len(stripped.split())
    if stripped and n_words <= HEADING_MAX_WORDS and stripped[-1] not in ".!?»\"':":
        return Part.HEADING
    return Part.BODY
