"""Where input bytes come from: a file (plain or gzip-compressed) or stdin, always as a stream.

Nothing here reads a whole input: `InputSource.open()` gives a stream, `prepend()` puts back the
bytes read for sniffing, and `bounded_lines()` splits a stream into lines without ever holding a
line longer than a limit (a file without newlines must not be read into memory as one "line").
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
STDIN_ORIGIN = "<stdin>"
# Errors a damaged or unreadable input raises while it is read (gzip: BadGzipFile is an OSError,
# a stream cut short raises EOFError, corrupt deflate data zlib.error).
READ_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error)
_SKIP_CHUNK = 1 << 20  # bytes read at a time while skipping the rest of an overlong line


@dataclass(frozen=True, slots=True)
class InputSource:
    """One input to read: `origin` is shown in problems; `name` keys ids and picks the format.

    Files are opened lazily (`path`); stdin is a `stream`, read once and never rewound; `data`
    holds in-memory content (tests, callers that already have the bytes).
    """

    origin: str
    name: str
    path: Path | None = None
    data: bytes | None = None
    stream: BinaryIO | None = None

    def open(self) -> BinaryIO:
        """A binary stream over the (decompressed) content. Raises OSError."""
        raw = self.open_raw()
        magic = read_exactly(raw, len(GZIP_MAGIC))
        return open_content(magic, raw)

    def open_raw(self) -> BinaryIO:
        """A binary stream over the bytes as stored (still compressed). Raises OSError."""
        if self.path is not None:
            return self.path.open("rb")
        if self.stream is not None:
            return _Borrowed(self.stream)  # type: ignore[return-value]  # stdin stays open
        return io.BytesIO(self.data or b"")

    def read(self) -> bytes:
        """All of the content. Raises OSError (and gzip's BadGzipFile, an OSError)."""
        with self.open() as stream:
            return stream.read()

    @property
    def format_name(self) -> str:
        """The name that decides the format: "x.jsonl.gz" reads as "x.jsonl"."""
        return self.name[:-3] if self.name.lower().endswith(".gz") else self.name


def stdin_source() -> InputSource:
    """Stdin as a stream: read as it arrives, so `cat big.jsonl | konflikt extract -` is lazy."""
    return InputSource(origin=STDIN_ORIGIN, name="stdin", stream=sys.stdin.buffer)


@dataclass(frozen=True, slots=True)
class OverlongLine:
    """Stands for a line longer than the limit: its bytes were skipped, only its size is kept."""

    size: int  # bytes, newline included


def bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | OverlongLine]:
    """The stream's lines (newline kept); a line over `max_bytes` is skipped in chunks and comes
    out as an `OverlongLine`, so memory stays bounded whatever the input."""
    while line := stream.readline(max_bytes + 1):
        if len(line) <= max_bytes or (len(line) == max_bytes + 1 and line.endswith(b"\n")):
            yield line
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):
            line = stream.readline(_SKIP_CHUNK)
            size += len(line)
        yield OverlongLine(size)


def open_content(head: bytes, raw: BinaryIO) -> BinaryIO:
    """The content of a raw stream whose first bytes `head` were already read: decompressed
    when they are gzip's magic number."""
    whole = prepend(head, raw)
    if head.startswith(GZIP_MAGIC):
        return _GzipStream(whole)  # type: ignore[return-value]
    return whole


def gunzip_head(raw_head: bytes, size: int) -> bytes:
    """The first (up to) `size` decompressed bytes of a gzip stream from its first bytes, for
    sniffing the format without decompressing the rest. Raises zlib.error for a bad header."""
    return zlib.decompressobj(wbits=16 + zlib.MAX_WBITS).decompress(raw_head, size)


def prepend(head: bytes, stream: BinaryIO) -> BinaryIO:
    """A buffered stream that gives `head` and then the rest of `stream` (closing it closes
    `stream`): how sniffed bytes are put back in front of a stream that cannot seek."""
    return io.BufferedReader(_Prefixed(head, stream))  # type: ignore[return-value]


def read_error_reason(err: BaseException) -> str:
    """A short, readable reason for an I/O or decompression error."""
    if isinstance(err, OSError) and err.strerror:
        return err.strerror.lower()
    return str(err) or type(err).__name__


def read_exactly(stream: BinaryIO, size: int) -> bytes:
    """Up to `size` bytes; a pipe may deliver fewer per read, so read until enough or the end."""
    chunks = b""
    while len(chunks) < size and (chunk := stream.read(size - len(chunks))):
        chunks += chunk
    return chunks


class _GzipStream(gzip.GzipFile):
    """Decompresses `raw` and, unlike `gzip.GzipFile` given a fileobj, closes it when closed."""

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__(fileobj=raw, mode="rb")
        self._raw = raw

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()


class _Prefixed(io.RawIOBase):
    """Raw stream over `head` followed by `rest`."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def close(self) -> None:
        if not self.closed:
            self._rest.close()
        super().close()


class _Borrowed(io.RawIOBase):
    """A view of a stream owned by someone else (stdin): reads go through, close does not."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        chunk = self._stream.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)
