"""Where input bytes come from: a file (plain or gzip-compressed) or stdin."""

from __future__ import annotations

import gzip
import io
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
STDIN_ORIGIN = "<stdin>"


@dataclass(frozen=True, slots=True)
class InputSource:
    """One input to read: `origin` is shown in problems; `name` keys ids and picks the format.

    Files are opened lazily (`path`); stdin, which can be read only once, carries its bytes.
    """

    origin: str
    name: str
    path: Path | None = None
    data: bytes | None = None

    def open(self) -> BinaryIO:
        """A binary stream over the (decompressed) content. Raises OSError."""
        if self.path is None:
            raw: BinaryIO = io.BytesIO(self.data or b"")
        else:
            raw = self.path.open("rb")
        if raw.read(2) == GZIP_MAGIC:
            raw.seek(0)
            return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
        raw.seek(0)
        return raw

    def read(self) -> bytes:
        """All of the content. Raises OSError (and gzip's BadGzipFile, an OSError)."""
        with self.open() as stream:
            return stream.read()

    @property
    def format_name(self) -> str:
        """The name that decides the format: "x.jsonl.gz" reads as "x.jsonl"."""
        return self.name[:-3] if self.name.lower().endswith(".gz") else self.name


def stdin_source() -> InputSource:
    """Read all of stdin now: it cannot be rewound for sniffing and reading."""
    return InputSource(origin=STDIN_ORIGIN, name="stdin", data=sys.stdin.buffer.read())
