"""Bytes to text, with the encoding rules documented in README.md ("Input formats").

1. A byte-order mark decides: UTF-8, UTF-16 or UTF-32.
2. Otherwise UTF-8 when the bytes are valid UTF-8 (the norm for news text today).
3. Otherwise Windows-1252, the legacy encoding of Norwegian text (a superset of Latin-1's
   printable characters, so Latin-1 and ISO 8859-15 files read correctly apart from the euro
   sign); the five bytes Windows-1252 leaves undefined are read as Latin-1.

Statistical charset detection was tried and rejected: on short Norwegian texts charset-normalizer
picks Windows-1250 and turns "på" into "pĺ" (measured on a one-line Latin-1 sample).
Empty and binary inputs raise `InputError` with the reason.
"""

from __future__ import annotations

import codecs
import unicodedata

from konflikt.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: the UTF-32 LE mark starts with UTF-16's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never occur in text files (tab, newlines and form feed are allowed).
_CONTROL = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x0B, 0x7F}
# Share of control bytes in the first block above which a file is binary. Text files have none;
# 1 % leaves room for a stray escape code while every binary format we tried (PDF, PNG, ZIP,
# sqlite) is far above it.
_BINARY_SHARE = 0.01
_SNIFF_BYTES = 8192


def looks_binary(data: bytes) -> bool:
    """True when the bytes are not text: NUL bytes or too many control characters."""
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL)
    return controls > len(head) * _BINARY_SHARE


def decode_bytes(data: bytes, *, origin: str | None = None) -> str:
    """Decode one input; raises `InputError` for empty, binary or undecodable input."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(f"invalid {encoding} text: {err.reason}", origin=origin) from err
    if not data.strip():
        reason = "empty file" if not data else "file contains only whitespace"
        raise InputError(reason, origin=origin)
    if looks_binary(data):
        raise InputError("binary file, not text", origin=origin)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return data.decode("cp1252", errors=_LATIN1_FALLBACK)


def _latin1(err: UnicodeError) -> tuple[str, int]:
    # Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in Windows-1252: read them as Latin-1.
    if not isinstance(err, UnicodeDecodeError):
        raise err
    return err.object[err.start : err.end].decode("latin-1"), err.end


_LATIN1_FALLBACK = "konflikt-latin1"
codecs.register_error(_LATIN1_FALLBACK, _latin1)


def clean_text(text: str) -> str:
    """Newlines to "\\n" and Unicode NFC (so "å" typed as a + ring matches lexicons)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)
