"""Reading inputs: files, directories and stdin in every supported format, as a stream of
`Article` and `InputProblem` records. Every input ends up as one or the other, never lost.

Formats are chosen by file extension (`FORMAT_BY_EXTENSION`); inputs without a known extension
(and stdin) are sniffed from their first bytes (`sniff_format`).
"""

from __future__ import annotations

import json
import logging
import os
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from konflikt.errors import InputError
from konflikt.ingest.dates import normalize_date, split_date_header
from konflikt.ingest.feeds import read_feed
from konflikt.ingest.html import read_html
from konflikt.ingest.jsonl import read_json, read_jsonl
from konflikt.ingest.source import InputSource, stdin_source
from konflikt.ingest.text import read_text
from konflikt.model import Article, InputProblem

__all__ = [
    "FORMAT_BY_EXTENSION",
    "iter_sources",
    "normalize_date",
    "read_inputs",
    "read_source",
    "sniff_format",
    "split_date_header",
]

Item = Article | InputProblem
Reader = Callable[..., Iterator[Item]]

FORMAT_BY_EXTENSION: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
READERS: dict[str, Reader] = {
    "text": read_text,
    "json": read_json,
    "html": read_html,
    "feed": read_feed,
}
_SNIFF_BYTES = 2048
# A text, HTML or feed file is read whole; news articles and feeds are well under 1 MiB, so a
# file above this is a mistake (a data dump, a disk image) rather than an article.
MAX_FILE_MIB = 64
MAX_FILE_BYTES = MAX_FILE_MIB * 2**20
log = logging.getLogger(__name__)


def read_inputs(paths: Sequence[str], *, published: str | None = None) -> Iterator[Item]:
    """Articles and problems from files, directories (recursively) and "-" (stdin), lazily.

    `published` ("YYYY-MM-DD" or "YYYY-MM") overrides every input's own date. Raises
    `InputError` at once when it is not such a date.
    """
    option = None
    if published is not None:
        option = normalize_date(published)
        if option is None:
            raise InputError(f"--published must be YYYY-MM-DD or YYYY-MM, got {published!r}")
    return _read_all(paths, option)


def _read_all(paths: Sequence[str], published: str | None) -> Iterator[Item]:
    for item in iter_sources(paths):
        if isinstance(item, InputProblem):
            yield item
        else:
            yield from read_source(item, published=published)


def iter_sources(paths: Sequence[str]) -> Iterator[InputSource | InputProblem]:
    """The files behind the paths, in a stable order; missing paths become problems.

    Hidden files and folders (names starting with ".") inside a directory are not inputs.
    """
    for raw in paths:
        if raw == "-":
            yield stdin_source()
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for file in _walk(path):
                found = True
                yield InputSource(origin=str(file), name=file.name, path=file)
            if not found:
                yield InputProblem(origin=raw, reason="directory contains no input files")
        elif path.is_file():
            yield InputSource(origin=raw, name=path.name, path=path)
        elif path.exists():
            yield InputProblem(origin=raw, reason="not a regular file or directory")
        else:
            yield InputProblem(origin=raw, reason="no such file or directory")


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_source(source: InputSource, *, published: str | None = None) -> Iterator[Item]:
    """Read one input in its format; I/O and decompression errors become problems, and so does
    an unexpected failure inside a reader (the run goes on with the next input)."""
    fmt = FORMAT_BY_EXTENSION.get(Path(source.format_name).suffix.lower())
    try:
        if fmt == "jsonl":  # streamed line by line: JSON Lines files can be large
            with source.open() as stream:
                yield from _guarded(
                    source, "jsonl", read_jsonl(source, stream, published=published)
                )
            return
        if source.path is not None and source.path.stat().st_size > MAX_FILE_BYTES:
            size = source.path.stat().st_size // 2**20
            reason = f"file too large for one article ({size} MiB; at most {MAX_FILE_MIB} MiB)"
            yield InputProblem(origin=source.origin, reason=reason)
            return
        data = source.read()
    except (OSError, EOFError, zlib.error) as err:
        yield InputProblem(origin=source.origin, reason=f"cannot read: {_os_reason(err)}")
        return
    if fmt is None:
        fmt = sniff_format(data)
    if fmt == "jsonl":
        lines = data.splitlines(keepends=True)
        yield from _guarded(source, fmt, read_jsonl(source, lines, published=published))
    else:
        yield from _guarded(source, fmt, READERS[fmt](source, data, published=published))


def _guarded(source: InputSource, fmt: str, items: Iterator[Item]) -> Iterator[Item]:
    try:
        yield from items
    except (OSError, EOFError, zlib.error) as err:  # a compressed stream broken midway
        yield InputProblem(origin=source.origin, reason=f"cannot read: {_os_reason(err)}")
    except Exception as exc:  # a bug or a library failure on strange input: record, go on
        log.warning("reading %s as %s failed", source.origin, fmt, exc_info=True)
        reason = f"cannot read as {fmt}: {type(exc).__name__}: {exc}"
        yield InputProblem(origin=source.origin, reason=reason)


def sniff_format(data: bytes) -> str:
    """Guess the format of an input without a telling extension from its first bytes."""
    head = data[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        # One object per line is JSON Lines; an object spread over lines is one JSON document.
        first_line = data.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
        try:
            json.loads(first_line)
        except ValueError:
            return "json"
        return "jsonl"
    if head.startswith(b"<"):
        if any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
            return "feed"
        return "html"
    return "text"


def _os_reason(err: BaseException) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror.lower()
    return str(err) or type(err).__name__
