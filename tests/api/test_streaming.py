"""Streamed exports: the same bytes as write_events, in pieces, and a stopped reader stops the
writer."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Iterator

import pytest

from konflikt.api import streaming
from konflikt.export import FORMATS, write_events
from konflikt.model import Event
from konflikt.web.synthetic import synthetic_results

EVENTS = [e for r in synthetic_results(900) for e in r.events]


@pytest.mark.parametrize("fmt", FORMATS)
def test_stream_equals_the_written_file(fmt: str) -> None:
    expected = io.StringIO(newline="")
    write_events(EVENTS, expected, fmt)
    pieces = list(streaming.stream_events(iter(EVENTS), fmt))
    assert "".join(pieces) == expected.getvalue()
    assert len(pieces) > 1  # really in pieces (the export is several CHUNKs long)


def test_a_reader_that_stops_stops_the_writer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streaming, "CHUNK", 100)
    produced = 0

    def endless() -> Iterator[Event]:
        nonlocal produced
        while True:
            produced += 1
            yield EVENTS[produced % len(EVENTS)]

    before = threading.active_count()
    stream = streaming.stream_events(endless(), "jsonl")
    next(stream)
    stream.close()  # what the server does when the client goes away
    time.sleep(0.5)
    count = produced
    time.sleep(0.3)
    assert produced == count  # nothing more is read from the database
    assert threading.active_count() == before


def test_an_error_while_writing_reaches_the_reader() -> None:
    def broken() -> Iterator[Event]:
        yield EVENTS[0]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError, match="went away"):
        list(streaming.stream_events(broken(), "csv"))
