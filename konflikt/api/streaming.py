"""Stream an export as it is written, so a download of a large store is not built in memory.

`konflikt.export.write_events` writes to a file object as it iterates the events; here it runs in
a worker thread writing into a bounded queue that the response drains chunk by chunk. When the
client goes away the worker is told to stop at its next write, and the database cursor closes.
"""

from __future__ import annotations

import contextlib
import io
import queue
import threading
from collections.abc import Iterable, Iterator

from konflikt.export import write_events
from konflikt.model import Event

CHUNK = 64 * 1024  # characters per piece sent
_END = object()


class _Cancelled(Exception):
    """The reader stopped: abandon the export."""


class _QueueWriter(io.TextIOBase):
    def __init__(self, pieces: queue.Queue[object], stop: threading.Event) -> None:
        self._pieces = pieces
        self._stop = stop
        self._parts: list[str] = []
        self._size = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= CHUNK:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self._parts:
            self.put("".join(self._parts))
            self._parts, self._size = [], 0

    def put(self, item: object) -> None:
        # A bounded queue keeps memory flat; the timeout lets a cancelled export notice.
        while not self._stop.is_set():
            try:
                self._pieces.put(item, timeout=0.2)
                return
            except queue.Full:
                continue
        raise _Cancelled


def stream_events(events: Iterable[Event], fmt: str) -> Iterator[str]:
    """The export of `events` in `fmt`, in pieces of about CHUNK characters."""
    pieces: queue.Queue[object] = queue.Queue(maxsize=4)
    stop = threading.Event()
    out = _QueueWriter(pieces, stop)

    def produce() -> None:
        try:
            write_events(events, out, fmt)
            out.flush()
            out.put(_END)
        except _Cancelled:
            pass
        except Exception as exc:  # handed to the reader, which raises it in the response
            with contextlib.suppress(_Cancelled):
                out.put(exc)

    worker = threading.Thread(target=produce, name="konflikt-export", daemon=True)
    worker.start()
    try:
        while True:
            item = pieces.get()
            if item is _END:
                return
            if isinstance(item, Exception):
                raise item
            yield str(item)
    finally:
        stop.set()
        worker.join(timeout=5)
