"""Bytes to text: UTF-8, byte-order marks, the Windows-1252 fallback, empty and binary input."""

from __future__ import annotations

import pytest

from konflikt.errors import InputError
from konflikt.ingest.encoding import clean_text, decode_bytes, looks_binary

SENTENCE = "Søndagens møte på Røros ble avlyst, sier ordføreren til NTB. Ærlig talt."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_unicode_encodings(encoding: str) -> None:
    assert decode_bytes(SENTENCE.encode(encoding)) == SENTENCE


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "iso8859-15"])
def test_legacy_encodings_fall_back_to_windows_1252(encoding: str) -> None:
    # A one-line text: too short for statistical detection, which reads "på" as "pĺ".
    assert decode_bytes(SENTENCE.encode(encoding)) == SENTENCE


def test_euro_sign_in_windows_1252() -> None:
    assert decode_bytes("Bøter på 500 € ble gitt.".encode("cp1252")) == "Bøter på 500 € ble gitt."


def test_bytes_undefined_in_windows_1252_read_as_latin1() -> None:
    assert decode_bytes(b"R\xf8ros \x81") == "Røros \x81"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\n", "file contains only whitespace"),
        (b"%PDF-1.7\n\x00\x01\x02\x03binary", "binary file, not text"),
        (bytes(range(256)) * 4, "binary file, not text"),
    ],
)
def test_unusable_input_raises_with_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, origin="x.txt")
    assert info.value.message == reason
    assert info.value.origin == "x.txt"


def test_text_is_not_binary() -> None:
    assert not looks_binary(SENTENCE.encode("utf-8") + b"\n\tinnrykk\f\n")


def test_clean_text_normalises_newlines_and_composes() -> None:
    decomposed = "Pa\u030a Ro\u0308ros\r\nlinje to\rlinje tre"
    assert clean_text(decomposed) == "På Röros\nlinje to\nlinje tre"
