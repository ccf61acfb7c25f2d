"""Laziness and bounded memory: inputs are read as they are consumed, never whole up front; and
the edges of the file system (links, loops, pipes) end as problems, never as endless reads."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import tracemalloc
import zlib
from pathlib import Path

import pytest

from konflikt import ingest
from konflikt.ingest import read_inputs
from konflikt.ingest.build import MAX_ARTICLE_CHARS
from konflikt.ingest.jsonl import MAX_LISTED_LINE_PROBLEMS
from konflikt.ingest.source import OverlongLine, bounded_lines
from konflikt.model import Article, InputProblem

BODY = (
    "Brannvesenet rykket ut til et lagerbygg i industriområdet sent i går kveld, og to "
    "personer ble sendt til legevakten med lettere røykskader."
)


def _line(number: int) -> bytes:
    record = {"id": f"l{number}", "text": f"{BODY} Melding {number}."}
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


class CountingStream(io.RawIOBase):
    """A stdin stand-in that makes `total` bytes of JSON Lines on demand and counts what was
    read, so a test can see how much of the input the first article cost."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.served = 0
        self._pending = b""
        self._number = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while len(self._pending) < len(buffer) and self.served + len(self._pending) < self.total:
            self._number += 1
            self._pending += _line(self._number)
        size = min(len(buffer), len(self._pending), self.total - self.served)
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        self.served += size
        return size


def test_first_article_from_stdin_reads_only_the_start(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = CountingStream(total=500 * 2**20)  # 500 MiB if it were read whole
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(stream)))
    items = read_inputs(["-"])
    first = next(items)
    assert isinstance(first, Article) and first.id == "l1"
    assert stream.served < 64 * 1024  # the sniffed head and a buffer or two, not the input
    items.close()


def test_first_article_of_a_large_gzip_file_uses_little_memory(tmp_path: Path) -> None:
    # 256 MiB of JSON Lines once decompressed: 256 concatenated gzip members of 1 MiB each
    # (a valid gzip file), written without compressing 256 MiB here.
    chunk = b"".join(_line(n) for n in range(1, 10_000))[: 2**20]
    chunk = chunk[: chunk.rindex(b"\n") + 1]
    member = gzip.compress(chunk, compresslevel=1)
    path = tmp_path / "stor.jsonl.gz"
    path.write_bytes(member * 256)
    tracemalloc.start()
    try:
        items = read_inputs([str(path)])
        first = next(items)
        _, peak = tracemalloc.get_traced_memory()
        items.close()
    finally:
        tracemalloc.stop()
    assert isinstance(first, Article) and first.id == "l1"
    assert peak < 8 * 2**20  # bytes; reading the file whole would need 256 MiB


def test_folders_are_listed_one_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for number in range(30):
        folder = tmp_path / f"{number:02d}"
        folder.mkdir()
        (folder / "sak.txt").write_text(f"{BODY} Sak {number}.", encoding="utf-8")
    listed: list[str] = []
    real_scandir = os.scandir

    def counting_scandir(path: str | os.PathLike[str]) -> object:
        listed.append(str(path))
        return real_scandir(path)

    monkeypatch.setattr(ingest.os, "scandir", counting_scandir)
    items = read_inputs([str(tmp_path)])
    first = next(items)
    assert isinstance(first, Article) and first.origin == str(tmp_path / "00" / "sak.txt")
    assert len(listed) == 2  # the top folder and the first subfolder, not all 31
    assert len(list(items)) == 29


def test_bounded_lines_skip_an_overlong_line_without_holding_it() -> None:
    long_line = b"x" * (3 * 2**20) + b"\n"
    stream = io.BytesIO(b"kort\n" + long_line + b"neste\nsiste uten linjeskift")
    assert list(bounded_lines(stream, 2**20)) == [
        b"kort\n",
        OverlongLine(size=len(long_line)),
        b"neste\n",
        b"siste uten linjeskift",
    ]


def test_a_line_exactly_at_the_limit_is_kept() -> None:
    line = b"y" * 10 + b"\n"
    assert list(bounded_lines(io.BytesIO(line + line), 10)) == [line, line]


def test_overlong_jsonl_line_is_a_problem_and_the_file_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "MAX_LINE_BYTES", 1000)
    path = tmp_path / "lang.jsonl"
    huge = json.dumps({"text": BODY * 20}).encode() + b"\n"
    path.write_bytes(_line(1) + huge + _line(3))
    first, problem, third = read_inputs([str(path)])
    assert isinstance(first, Article) and isinstance(third, Article)
    assert problem == InputProblem(
        origin=f"{path}:2",
        reason=f"line too long ({len(huge):,} bytes; at most 16 MiB), not read",
    )


def test_rejected_lines_beyond_the_listed_ones_are_one_problem(tmp_path: Path) -> None:
    broken = 1_000
    lines = [b'{"text": "avbrutt\n'] * broken
    lines[500] = b'{"id": 5, "tekst": "feil felt"}\n'
    lines.insert(10, _line(1))
    lines.append(_line(2))
    path = tmp_path / "mest-brutt.jsonl"
    path.write_bytes(b"".join(lines))
    items = list(read_inputs([str(path)]))
    assert [i.id for i in items if isinstance(i, Article)] == ["l1", "l2"]
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert len(problems) == MAX_LISTED_LINE_PROBLEMS + 1
    assert problems[0].origin == f"{path}:1" and problems[0].reason.startswith("broken JSON line")
    summary = problems[-1]
    assert summary.origin == str(path)
    assert summary.reason == "900 more rejected lines, not listed one by one (the first 100 are)"
    assert summary.detail == (
        "broken JSON line: Invalid control character at (899 lines); "
        "record has no 'text' field (1 line). Lines 102-1001"
    )


def test_article_longer_than_the_limit_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    text = (BODY + " ") * (MAX_ARTICLE_CHARS // len(BODY) + 1)
    path.write_text(text, encoding="utf-8")
    assert list(read_inputs([str(path)])) == [
        InputProblem(
            origin=str(path),
            reason=f"text too long for one article ({len(text):,} characters; at most 200,000)",
        )
    ]


def test_gzip_bomb_stops_at_the_file_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 2**20)
    path = tmp_path / "bombe.txt.gz"
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    path.write_bytes(compressor.compress(b"a" * 8 * 2**20) + compressor.flush())
    [problem] = read_inputs([str(path)])
    assert isinstance(problem, InputProblem) and problem.reason.startswith("file too large")


# --- links, loops and special files ---


def test_symlink_loop_given_as_a_path(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert list(read_inputs([str(tmp_path / "a")])) == [
        InputProblem(
            origin=str(tmp_path / "a"),
            reason="symbolic link loop (too many levels of symbolic links)",
        )
    ]


def test_links_inside_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "nyheter"
    (folder / "innland").mkdir(parents=True)
    (folder / "innland" / "sak.txt").write_text(BODY, encoding="utf-8")
    (folder / "innland" / "tilbake").symlink_to(folder)  # a folder link to an ancestor
    (folder / "a").symlink_to(folder / "b")
    (folder / "b").symlink_to(folder / "a")
    (folder / "borte.txt").symlink_to(folder / "finnes-ikke.txt")
    (folder / "kopi").symlink_to(folder / "innland")  # a link to a sibling folder: followed
    items = list(read_inputs([str(folder)]))
    by_origin = {i.origin: i for i in items}
    loop = "symbolic link loop (too many levels of symbolic links)"
    assert by_origin[str(folder / "a")] == InputProblem(origin=str(folder / "a"), reason=loop)
    assert by_origin[str(folder / "borte.txt")].reason == (  # type: ignore[union-attr]
        f"broken symbolic link: {folder / 'finnes-ikke.txt'} does not exist"
    )
    back = str(folder / "innland" / "tilbake")
    assert by_origin[back].reason == (  # type: ignore[union-attr]
        f"symbolic link loop: leads back to {folder.resolve()}, a folder being read"
    )
    articles = [i.origin for i in items if isinstance(i, Article)]
    assert articles == [str(folder / "innland" / "sak.txt"), str(folder / "kopi" / "sak.txt")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_named_pipe_in_a_folder_is_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "ror")
    (tmp_path / "sak.txt").write_text(BODY, encoding="utf-8")
    pipe, article = read_inputs([str(tmp_path)])
    assert pipe == InputProblem(
        origin=str(tmp_path / "ror"), reason="not a regular file (a pipe, socket or device)"
    )
    assert isinstance(article, Article)
