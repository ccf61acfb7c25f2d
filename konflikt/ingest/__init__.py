"""Reading inputs: files, directories and stdin in every supported format, as a stream of
`Article` and `InputProblem` records. Every input ends up as one or the other, never lost.

Formats are chosen by file extension (`FORMAT_BY_EXTENSION`); inputs without a known extension
(and stdin) are sniffed from their first bytes (`sniff_format`).

Everything is lazy, so memory does not grow with the corpus: directories are walked one folder
at a time, JSON Lines and WARC archives (plain or gzip-compressed, files or stdin) are streamed
record by record, and only the one-article formats (text, HTML, JSON, feeds) are read whole,
up to `MAX_FILE_MIB`.
"""

from __future__ import annotations

import errno
import json
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from konflikt.errors import InputError
from konflikt.ingest.dates import normalize_date, split_date_header
from konflikt.ingest.feeds import read_feed
from konflikt.ingest.html import read_html
from konflikt.ingest.jsonl import MAX_LINE_BYTES, read_json, read_jsonl
from konflikt.ingest.source import (
    GZIP_MAGIC,
    READ_ERRORS,
    InputSource,
    bounded_lines,
    gunzip_head,
    open_content,
    prepend,
    read_error_reason,
    read_exactly,
    stdin_source,
)
from konflikt.ingest.text import read_text
from konflikt.ingest.warc import looks_like_warc, read_warc
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
    ".warc": "warc",
}
# Formats read whole: `reader(source, data: bytes, *, published)`.
READERS: dict[str, Reader] = {
    "text": read_text,
    "json": read_json,
    "html": read_html,
    "feed": read_feed,
}


def _read_jsonl_stream(
    source: InputSource, stream: BinaryIO, *, published: str | None = None
) -> Iterator[Item]:
    return read_jsonl(source, bounded_lines(stream, MAX_LINE_BYTES), published=published)


# Formats streamed record by record: `reader(source, stream: BinaryIO, *, published)`; WARC
# gets the stream as stored, the others decompressed.
STREAM_READERS: dict[str, Reader] = {
    "jsonl": _read_jsonl_stream,
    "warc": read_warc,
}
_SNIFF_BYTES = 2048
# A text, HTML or feed file is read whole; news articles and feeds are well under 1 MiB, so a
# file above this is a mistake (a data dump, a disk image) rather than an article.
MAX_FILE_MIB = 64
MAX_FILE_BYTES = MAX_FILE_MIB * 2**20
_BOM_AND_SPACE = b"\xef\xbb\xbf \t\r\n"
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

    Folders are read recursively, files before subfolders, each in name order; hidden files and
    folders (names starting with ".") inside a folder are not inputs. Symbolic links are
    followed; a link that leads back into a folder being read (a loop), a broken link and a
    special file (pipe, socket, device) are problems, never endless or blocking reads.
    """
    for raw in paths:
        if raw == "-":
            yield stdin_source()
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for entry in _walk(path, frozenset()):
                found = True
                if isinstance(entry, InputProblem):
                    yield entry
                else:
                    yield InputSource(origin=str(entry), name=entry.name, path=entry)
            if not found:
                yield InputProblem(origin=raw, reason="directory contains no input files")
        elif path.is_file():
            yield InputSource(origin=raw, name=path.name, path=path)
        elif path.is_symlink():
            yield _link_problem(path)
        elif path.exists():
            yield InputProblem(origin=raw, reason="not a regular file or directory")
        else:
            yield InputProblem(origin=raw, reason="no such file or directory")


def _walk(folder: Path, ancestors: frozenset[tuple[int, int]]) -> Iterator[Path | InputProblem]:
    """Files under `folder`, lazily (one folder listed at a time). `ancestors` are the
    (device, inode) keys of the folders above, to stop at a link back into one of them."""
    try:
        info = folder.stat()
        with os.scandir(folder) as listing:
            entries = sorted(
                (e for e in listing if not e.name.startswith(".")), key=lambda e: e.name
            )
    except OSError as err:
        reason = f"cannot read the folder: {read_error_reason(err)}"
        yield InputProblem(origin=str(folder), reason=reason)
        return
    inside = ancestors | {(info.st_dev, info.st_ino)}
    folders: list[Path] = []
    for entry in entries:
        path = Path(entry.path)
        kind = _entry_kind(entry)
        if kind == "folder":
            folders.append(path)
        elif kind == "file":
            yield path
        elif kind == "link":
            yield _link_problem(path)
        else:
            yield InputProblem(
                origin=str(path), reason="not a regular file (a pipe, socket or device)"
            )
    for path in folders:
        try:
            target = path.stat()
        except OSError as err:
            reason = f"cannot read the folder: {read_error_reason(err)}"
            yield InputProblem(origin=str(path), reason=reason)
            continue
        if (target.st_dev, target.st_ino) in inside:
            yield InputProblem(
                origin=str(path),
                reason=f"symbolic link loop: leads back to {os.path.realpath(path)}, "
                "a folder being read",
            )
            continue
        yield from _walk(path, inside)


def _entry_kind(entry: os.DirEntry[str]) -> str:
    """ "folder", "file" (links followed), "link" (one that cannot be followed) or "special"."""
    try:
        if entry.is_dir():
            return "folder"
        if entry.is_file():
            return "file"
    except OSError:  # a link loop: is_dir() and is_file() answer False only for missing targets
        return "link"
    return "link" if entry.is_symlink() else "special"


def _link_problem(path: Path) -> InputProblem:
    """Why a symbolic link cannot be read: a loop of links, or a missing target."""
    try:
        path.stat()
    except OSError as err:
        if err.errno == errno.ELOOP:
            return InputProblem(
                origin=str(path), reason="symbolic link loop (too many levels of symbolic links)"
            )
        if err.errno == errno.ENOENT:
            return InputProblem(
                origin=str(path),
                reason=f"broken symbolic link: {os.readlink(path)} does not exist",
            )
        return InputProblem(
            origin=str(path), reason=f"cannot follow the symbolic link: {read_error_reason(err)}"
        )
    return InputProblem(origin=str(path), reason="not a regular file or directory")


def read_source(source: InputSource, *, published: str | None = None) -> Iterator[Item]:
    """Read one input in its format; I/O and decompression errors become problems, and so does
    an unexpected failure inside a reader (the run goes on with the next input).

    The format comes from the name, else from the first (decompressed) bytes. JSON Lines and
    WARC are streamed, the other formats read whole (at most `MAX_FILE_BYTES`). WARC archives
    get the stream as stored: warcio decompresses them record by record itself, which keeps
    every record before a damaged spot.
    """
    fmt = FORMAT_BY_EXTENSION.get(Path(source.format_name).suffix.lower())
    try:
        if (
            fmt not in STREAM_READERS
            and source.path is not None
            and not source.name.lower().endswith(".gz")
            and source.path.stat().st_size > MAX_FILE_BYTES
        ):
            yield _too_large(source)
            return
        raw = source.open_raw()
    except READ_ERRORS as err:
        yield InputProblem(origin=source.origin, reason=f"cannot read: {read_error_reason(err)}")
        return
    with raw:
        try:
            raw_head = read_exactly(raw, _SNIFF_BYTES)
            compressed = raw_head.startswith(GZIP_MAGIC)
            head = gunzip_head(raw_head, _SNIFF_BYTES) if compressed else raw_head
        except READ_ERRORS as err:
            reason = f"cannot read: {read_error_reason(err)}"
            yield InputProblem(origin=source.origin, reason=reason)
            return
        if fmt is None:
            fmt = sniff_format(head)
        if fmt == "warc":
            stream = prepend(raw_head, raw)
            yield from _guarded(source, fmt, read_warc(source, stream, published=published))
            return
        content = open_content(raw_head, raw)
        if fmt in STREAM_READERS:
            items = STREAM_READERS[fmt](source, content, published=published)
            yield from _guarded(source, fmt, items)
            return
        try:
            data = content.read(MAX_FILE_BYTES + 1)
        except READ_ERRORS as err:
            reason = f"cannot read: {read_error_reason(err)}"
            yield InputProblem(origin=source.origin, reason=reason)
            return
    if len(data) > MAX_FILE_BYTES:  # a compressed file or stdin: known only when read
        yield _too_large(source)
        return
    yield from _guarded(source, fmt, READERS[fmt](source, data, published=published))


def _too_large(source: InputSource) -> InputProblem:
    return InputProblem(
        origin=source.origin,
        reason=f"file too large for one article (more than {MAX_FILE_MIB} MiB)",
    )


def _guarded(source: InputSource, fmt: str, items: Iterator[Item]) -> Iterator[Item]:
    try:
        yield from items
    except READ_ERRORS as err:  # a compressed stream broken midway
        yield InputProblem(origin=source.origin, reason=f"cannot read: {read_error_reason(err)}")
    except Exception as exc:  # a bug or a library failure on strange input: record, go on
        log.warning("reading %s as %s failed", source.origin, fmt, exc_info=True)
        reason = f"cannot read as {fmt}: {type(exc).__name__}: {exc}"
        yield InputProblem(origin=source.origin, reason=reason)


def sniff_format(data: bytes) -> str:
    """Guess the format of an input without a telling extension from its first bytes."""
    if looks_like_warc(data[:_SNIFF_BYTES]):
        return "warc"
    head = data[:_SNIFF_BYTES].lstrip(_BOM_AND_SPACE).lower()
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        # One object per line is JSON Lines; an object spread over lines is one JSON document.
        # A first line longer than the sniffed bytes is one long object: a JSON Lines record.
        first_line, *rest = data.lstrip(_BOM_AND_SPACE).split(b"\n", 1)
        if not rest and len(data) >= _SNIFF_BYTES:
            return "jsonl"
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
