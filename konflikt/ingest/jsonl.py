"""JSON Lines (one article per line) and JSON (one article object or a list of them).

Fields: `text` (required), `id`, `title`, `published`, `url`, `source`, `lang`; others are
ignored. `text` is kept exactly as given because gold offsets point into it. A broken line or a
record that is not an article becomes an `InputProblem` with `path:line`; the file goes on.

A file that is mostly broken (a CSV or a binary dump named `.jsonl`) would otherwise give one
recorded problem per line: 100,000 database writes, and a list no one reads. So the first
`MAX_LISTED_LINE_PROBLEMS` rejected lines of a file are recorded one by one and the rest as one
problem for the file that counts them by reason and gives their line numbers as ranges.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from konflikt.errors import InputError
from konflikt.ingest.build import build_article
from konflikt.ingest.dates import normalize_date
from konflikt.ingest.encoding import decode_bytes
from konflikt.ingest.source import READ_ERRORS, InputSource, OverlongLine, read_error_reason
from konflikt.model import Article, InputProblem

# Optional string fields of a record (besides `text`); ids may also be integers.
STRING_FIELDS: tuple[str, ...] = ("title", "published", "url", "source", "lang")
# A line is held in memory whole; longer lines are skipped unread. An article is at most
# `build.MAX_ARTICLE_CHARS` (200,000) characters, under 1.2 MB even as JSON \u escapes; the
# rest of the room is for fields konflikt ignores (some dumps carry the raw HTML page).
MAX_LINE_MIB = 16
MAX_LINE_BYTES = MAX_LINE_MIB * 2**20
MAX_LISTED_LINE_PROBLEMS = 100
_LISTED_RANGES = 20  # line ranges written into the summary problem's detail
_COUNTED_REASONS = 10  # distinct reasons counted one by one; the rest as "other reasons"


def read_jsonl(
    source: InputSource,
    lines: Iterable[bytes | OverlongLine],
    *,
    published: str | None = None,
) -> Iterator[Article | InputProblem]:
    """One article per non-blank line, streamed (see `source.bounded_lines`).

    Articles are yielded as they are read; rejected lines beyond the first
    `MAX_LISTED_LINE_PROBLEMS` are summed up in one problem at the end. A stream that breaks
    midway (a truncated gzip file) keeps what was read and ends with a problem saying so.
    """
    unlisted = _UnlistedLines()
    listed = 0
    damage: InputProblem | None = None
    try:
        for number, raw in enumerate(lines, start=1):
            item = _line_item(source, number, raw, published)
            if item is None or isinstance(item, Article):
                if item is not None:
                    yield item
            elif listed < MAX_LISTED_LINE_PROBLEMS:
                listed += 1
                yield item
            else:
                unlisted.add(number, item.reason)
    except READ_ERRORS as err:
        damage = InputProblem(origin=source.origin, reason=f"cannot read: {read_error_reason(err)}")
    if unlisted.count:
        yield unlisted.problem(source.origin)
    if damage is not None:
        yield damage


def _line_item(
    source: InputSource, number: int, raw: bytes | OverlongLine, published: str | None
) -> Article | InputProblem | None:
    """The article or problem of one line; None for a blank line (not a record)."""
    origin = f"{source.origin}:{number}"
    if isinstance(raw, OverlongLine):
        return InputProblem(
            origin=origin,
            reason=f"line too long ({raw.size:,} bytes; at most {MAX_LINE_MIB} MiB), not read",
        )
    if not raw.strip():
        return None
    try:
        line = decode_bytes(raw, origin=origin)
        record = json.loads(line)
    except InputError as err:
        return InputProblem(origin=origin, reason=err.message)
    except json.JSONDecodeError as err:
        return InputProblem(
            origin=origin,
            reason=f"broken JSON line: {err.msg}",
            detail=f"column {err.colno}: {_excerpt(line, err.pos)}",
        )
    return record_to_article(
        record, origin=origin, origin_key=f"{source.name}:{number}", published=published
    )


class _UnlistedLines:
    """Rejected lines past the listed ones: a count per reason and the line numbers as ranges."""

    def __init__(self) -> None:
        self.count = 0
        self.reasons: Counter[str] = Counter()
        self.ranges: list[list[int]] = []  # [first, last] line numbers, ascending

    def add(self, number: int, reason: str) -> None:
        self.count += 1
        # Most reasons are few and fixed ("broken JSON line: Expecting value"); some quote the
        # record ("'published' is not an ISO date: ..."), so the tally is capped.
        if reason not in self.reasons and len(self.reasons) >= _COUNTED_REASONS:
            reason = "other reasons"
        self.reasons[reason] += 1
        if self.ranges and self.ranges[-1][1] == number - 1:
            self.ranges[-1][1] = number
        elif len(self.ranges) <= _LISTED_RANGES:
            self.ranges.append([number, number])

    def problem(self, origin: str) -> InputProblem:
        by_reason = "; ".join(
            f"{reason} ({n:,} {'line' if n == 1 else 'lines'})"
            for reason, n in self.reasons.most_common()
        )
        shown = self.ranges[:_LISTED_RANGES]
        lines = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in shown)
        if len(self.ranges) > _LISTED_RANGES:
            lines += ", ..."
        return InputProblem(
            origin=origin,
            reason=(
                f"{self.count:,} more rejected lines, not listed one by one "
                f"(the first {MAX_LISTED_LINE_PROBLEMS} are)"
            ),
            detail=f"{by_reason}. Lines {lines}",
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
