"""Plain-text articles: one file, one article; an optional leading `date YYYY-MM[-DD]` header."""

from __future__ import annotations

from collections.abc import Iterator

from konflikt.errors import InputError
from konflikt.ingest.build import build_article
from konflikt.ingest.encoding import clean_text, decode_bytes
from konflikt.ingest.source import InputSource
from konflikt.model import Article, InputProblem


def read_text(
    source: InputSource, data: bytes, *, published: str | None = None
) -> Iterator[Article | InputProblem]:
    """The whole file is the article (newlines normalised to "\\n", Unicode NFC)."""
    try:
        text = clean_text(decode_bytes(data, origin=source.origin))
    except InputError as err:
        yield InputProblem(origin=source.origin, reason=err.message)
        return
    yield build_article(
        text, origin=source.origin, origin_key=source.name, published_option=published
    )
