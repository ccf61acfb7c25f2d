"""RSS and Atom feeds: each entry becomes an article (origin `path#entry-N`).

The entry's full content is used when the feed carries it, else its summary; HTML in either is
flattened to text. The date is the entry's `published` (else `updated`) as the publisher wrote
it, so a story published 00:30 Norwegian time keeps its Norwegian date.
"""

from __future__ import annotations

import email.utils
from collections.abc import Iterator
from typing import Any

import feedparser

from konflikt.errors import InputError
from konflikt.ingest.build import build_article
from konflikt.ingest.dates import normalize_date
from konflikt.ingest.html import html_fragment_to_text
from konflikt.ingest.source import InputSource
from konflikt.model import Article, InputProblem


def read_feed(
    source: InputSource, data: bytes, *, published: str | None = None
) -> Iterator[Article | InputProblem]:
    parsed = feedparser.parse(data)
    if not parsed.get("version"):
        error = parsed.get("bozo_exception")
        detail = str(error) if error else None
        yield InputProblem(origin=source.origin, reason="not an RSS or Atom feed", detail=detail)
        return
    if not parsed.entries:
        yield InputProblem(origin=source.origin, reason="feed has no entries")
        return
    outlet = parsed.feed.get("title") or None
    lang = _lang(parsed.feed.get("language"))
    for number, entry in enumerate(parsed.entries, start=1):
        origin = f"{source.origin}#entry-{number}"
        try:
            text = _entry_text(entry)
        except InputError as err:
            yield InputProblem(origin=origin, reason=err.message)
            continue
        if not text:
            yield InputProblem(origin=origin, reason="feed entry has no text")
            continue
        yield build_article(
            text,
            origin=origin,
            origin_key=f"{source.name}#{entry.get('id') or entry.get('link') or number}",
            id=entry.get("id") or None,
            title=entry.get("title"),
            published_option=published,
            published_field=_entry_date(entry),
            url=entry.get("link"),
            source=outlet,
            lang=_lang(entry.get("language")) or lang,
        )


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    values = [part.get("value", "") for part in contents if part.get("value")]
    raw = "\n".join(values) if values else entry.get("summary") or ""
    return html_fragment_to_text(raw)


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated"):
        value = entry.get(key)
        if not value:
            continue
        date = normalize_date(value)  # Atom: ISO timestamps
        if date:
            return date
        try:  # RSS: RFC 822 dates
            return email.utils.parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError):
            continue
    return None


def _lang(value: str | None) -> str | None:
    return value.split("-")[0].lower() if value else None
