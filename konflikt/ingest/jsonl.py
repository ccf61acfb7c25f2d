"""JSON Lines (one article per line) and JSON (one article object or a list of them).

Fields: `text` (required), `id`, `title`, `published`, `url`, `source`, `lang`; others are
ignored. `text` is kept exactly as given because gold offsets point into it. A broken line or a
record that is not an article becomes an `InputProblem` with `path:line`; the file goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from konflikt.errors import InputError
from konflikt.ingest.build import build_article
from konflikt.ingest.dates import normalize_date
from konflikt.ingest.encoding import decode_bytes
from konflikt.ingest.source import InputSource
from konflikt.model import Article, InputProblem

# Optional string fields of a record (besides `text`); ids may also be integers.
STRING_FIELDS: tuple[str, ...] = ("title", "published", "url", "source", "lang")


def read_jsonl(
    source: InputSource, lines: Iterable[bytes], *, published: str | None = None
) -> Iterator[Article | InputProblem]:
    """One article per non-blank line, streamed."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue  # blank lines separate nothing and are not records
        origin = f"{source.origin}:{number}"
        try:
            line = decode_bytes(raw, origin=origin)
            record = json.loads(line)
        except InputError as err:
            yield InputProblem(origin=origin, reason=err.message)
            continue
        except json.JSONDecodeError as err:
            yield InputProblem(
                origin=origin,
                reason=f"broken JSON line: {err.msg}",
                detail=f"column {err.colno}: {_excerpt(line, err.pos)}",
            )
            continue
        yield record_to_article(
            record, origin=origin, origin_key=f"{source.name}:{number}", published=published
        )


def read_json(
    source: InputSource, data: bytes, *, published: str | None = None
) -> Iterator[Article | InputProblem]:
    """A JSON document: one record, or a list of records (problems are `path[index]`)."""
    try:
        document = json.loads(decode_bytes(data, origin=source.origin))
    except InputError as err:
        yield InputProblem(origin=source.origin, reason=err.message)
        return
    except json.JSONDecodeError as err:
        yield InputProblem(
            origin=source.origin,
            reason=f"invalid JSON: {err.msg}",
            detail=f"line {err.lineno}, column {err.colno}",
        )
        return
    if isinstance(document, list):
        for index, record in enumerate(document):
            origin = f"{source.origin}[{index}]"
            yield record_to_article(
                record, origin=origin, origin_key=f"{source.name}[{index}]", published=published
            )
    else:
        yield record_to_article(
            document, origin=source.origin, origin_key=source.name, published=published
        )


def record_to_article(
    record: Any, *, origin: str, origin_key: str, published: str | None
) -> Article | InputProblem:
    """Check one decoded record and build its article."""
    if not isinstance(record, dict):
        return InputProblem(origin=origin, reason=f"expected a JSON object, got {_kind(record)}")
    text = record.get("text")
    if not isinstance(text, str):
        reason = "record has no 'text' field" if text is None else "'text' must be a string"
        return InputProblem(origin=origin, reason=reason)
    for name in STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return InputProblem(origin=origin, reason=f"'{name}' must be a string or null")
    record_id = record.get("id")
    if record_id is not None and (
        isinstance(record_id, bool) or not isinstance(record_id, str | int)
    ):
        return InputProblem(origin=origin, reason="'id' must be a string or an integer")
    record_published = record.get("published")
    date = normalize_date(record_published)
    if record_published and date is None:
        return InputProblem(
            origin=origin, reason=f"'published' is not an ISO date: {record_published!r}"
        )
    return build_article(
        text,
        origin=origin,
        origin_key=origin_key,
        id=None if record_id is None else str(record_id),
        title=record.get("title"),
        published_option=published,
        published_field=date,
        url=record.get("url"),
        source=record.get("source"),
        lang=record.get("lang"),
    )


def _kind(value: Any) -> str:
    return {list: "a list", str: "a string", type(None): "null", bool: "a boolean"}.get(
        type(value), "a number"
    )


def _excerpt(line: str, position: int, width: int = 30) -> str:
    return repr(line[max(0, position - width) : position + width])
