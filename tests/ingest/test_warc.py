"""WARC archives: page records become articles, other records are counted and skipped, damage
keeps what came before it. Archives are written at test time with warcio's writer; every page
text was written for these tests."""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from konflikt.ingest import read_inputs
from konflikt.ingest.source import InputSource
from konflikt.ingest.warc import WarcTally, read_warc
from konflikt.model import Article, InputProblem

FLOOD_PAGE = (
    "<html lang='nb'><head><title>Flom i dalen</title></head><body>"
    "<nav><a href='/'>Forsiden</a> <a href='/sport'>Sport</a></nav><article><h1>Flom i dalen</h1>"
    "<p>Elva gikk over sine bredder natt til fredag, og flere hus i bygda måtte evakueres av "
    "brannvesenet.</p><p>Kommunen har satt krisestab og ber innbyggerne holde seg unna "
    "elvebredden til vannet synker igjen.</p></article><footer>Kontakt redaksjonen</footer>"
    "</body></html>"
)
DATED_PAGE = (
    "<html lang='nb'><head><title>Streik ved fabrikken</title>"
    "<meta property='article:published_time' content='2024-04-02T07:00:00+02:00'></head><body>"
    "<article><h1>Streik ved fabrikken</h1><p>Over to hundre arbeidere la ned arbeidet ved "
    "fabrikken i går morges etter at forhandlingene om ny tariffavtale brøt sammen.</p>"
    "<p>Fagforeningen sier streiken fortsetter til ledelsen kommer med et nytt tilbud.</p>"
    "</article></body></html>"
)
WEATHER_TEXT = "Været på Sørlandet blir grått og vått i hele helgen, melder meteorologene."
CAPTURED = "2024-05-10T08:15:00Z"

Record = tuple[str, str, str, str, bytes]  # kind, uri, HTTP status, content type, payload


def page_records() -> list[Record]:
    return [
        ("request", "https://avis.example/flom", "", "", b"GET /flom HTTP/1.1\r\n\r\n"),
        ("response", "https://avis.example/flom", "200 OK", "text/html; charset=utf-8",
         FLOOD_PAGE.encode()),
        ("metadata", "https://avis.example/flom", "", "application/warc-fields", b"via: test\r\n"),
        ("response", "https://avis.example/bilde.jpg", "200 OK", "image/jpeg",
         b"\xff\xd8\xff\xe0" + bytes(200)),
        ("response", "https://avis.example/borte", "404 Not Found", "text/html",
         b"<html><body>Fant ikke siden</body></html>"),
        ("response", "https://avis.example/streik", "200 OK", "text/html", DATED_PAGE.encode()),
        ("resource", "https://avis.example/vaer.txt", "", "text/plain; charset=iso-8859-1",
         WEATHER_TEXT.encode("latin-1")),
    ]  # fmt: skip


def write_warc(records: list[Record], *, gzip_records: bool) -> bytes:
    """An archive with a warcinfo record first, then `records`, as warcio writes them."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_records)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "konflikt-test"}))
    for kind, uri, status, content_type, payload in records:
        warc_headers = {"WARC-Date": CAPTURED}
        if kind == "response":
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, kind, payload=io.BytesIO(payload), http_headers=http,
                warc_headers_dict=warc_headers,
            )  # fmt: skip
        else:
            if content_type:
                warc_headers["Content-Type"] = content_type
            record = writer.create_warc_record(
                uri, kind, payload=io.BytesIO(payload), warc_headers_dict=warc_headers
            )
        writer.write_record(record)
    return buffer.getvalue()


def read(path: Path, published: str | None = None) -> list[Article | InputProblem]:
    return list(read_inputs([str(path)], published=published))


@pytest.mark.parametrize(
    ("name", "gzip_records"),
    [("crawl.warc", False), ("crawl.warc.gz", True), ("crawl-uten-endelse", False),
     ("crawl-komprimert", True)],
)  # fmt: skip
def test_pages_become_articles_other_records_are_skipped(
    tmp_path: Path, name: str, gzip_records: bool
) -> None:
    path = tmp_path / name
    path.write_bytes(write_warc(page_records(), gzip_records=gzip_records))
    flood, strike, weather = read(path)
    assert isinstance(flood, Article) and isinstance(strike, Article)
    assert isinstance(weather, Article)
    assert flood.origin == flood.url == "https://avis.example/flom"
    assert "Elva gikk over sine bredder" in flood.text and "Forsiden" not in flood.text
    assert flood.title == "Flom i dalen" and flood.lang == "nb"
    assert flood.published == "2024-05-10"  # the capture date: the page gives none
    assert strike.published == "2024-04-02"  # the page's own date beats the capture date
    assert weather.text == WEATHER_TEXT  # Latin-1, as the resource's header says
    assert weather.origin == "https://avis.example/vaer.txt"


def test_skipped_records_are_counted_by_kind(tmp_path: Path) -> None:
    source = InputSource(origin="crawl.warc", name="crawl.warc")
    tally = WarcTally()
    archive = io.BytesIO(write_warc(page_records(), gzip_records=True))
    items = list(read_warc(source, archive, tally=tally))
    assert [type(i).__name__ for i in items] == ["Article"] * 3
    assert tally.pages == 3
    assert tally.skipped == {
        "warcinfo": 1, "request": 1, "metadata": 1, "response image/jpeg": 1,
        "response status 404": 1,
    }  # fmt: skip
    assert tally.describe().startswith("3 pages, 5 records skipped (")


def test_published_option_beats_page_and_capture_dates(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(write_warc(page_records(), gzip_records=True))
    assert {a.published for a in read(path, published="2024-06-01")} == {"2024-06-01"}


def test_wrong_http_charset_on_utf8_page_keeps_the_letters(tmp_path: Path) -> None:
    text = "Sjøfolk på Ålesund-båten berget åtte personer fra en kullseilt seilbåt i fjorden."
    records: list[Record] = [
        ("resource", "https://avis.example/sjo.txt", "", "text/plain; charset=iso-8859-1",
         text.encode("utf-8")),
    ]  # fmt: skip
    path = tmp_path / "feil-tegnsett.warc"
    path.write_bytes(write_warc(records, gzip_records=False))
    [article] = read(path)
    assert isinstance(article, Article) and article.text == text


def test_a_failing_page_record_is_a_problem_of_its_uri(tmp_path: Path) -> None:
    records = page_records()[:2] + [
        ("response", "https://avis.example/tom", "200 OK", "text/html", b"   "),
    ]
    path = tmp_path / "crawl.warc"
    path.write_bytes(write_warc(records, gzip_records=False))
    article, problem = read(path)
    assert isinstance(article, Article)
    assert problem == InputProblem(
        origin="https://avis.example/tom",
        reason="empty file",
        detail=f"response record 4 of {path}",
    )


@pytest.mark.parametrize("gzip_records", [False, True])
def test_truncated_archive_keeps_the_records_before(tmp_path: Path, gzip_records: bool) -> None:
    whole = write_warc(page_records(), gzip_records=gzip_records)
    path = tmp_path / ("kuttet.warc.gz" if gzip_records else "kuttet.warc")
    path.write_bytes(whole[:-40])  # inside the last record (the weather text)
    flood, strike, problem = read(path)
    assert isinstance(flood, Article) and isinstance(strike, Article)
    assert problem == InputProblem(
        origin=str(path),
        reason="damaged WARC archive at record 8: the archive ends inside this record (truncated)",
        detail="the 7 records before it were read",
    )


def test_corrupt_record_keeps_the_records_before(tmp_path: Path) -> None:
    whole = write_warc(page_records()[:2], gzip_records=True)
    path = tmp_path / "skadet.warc.gz"
    # Bytes that are not a record go between the first record's gzip member and the second's.
    # (The member's length is read off this archive: warcinfo records carry a random id and the
    # time of writing, so another archive's first member may be a byte longer or shorter.)
    first_member = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    first_member.decompress(whole)
    first_end = len(whole) - len(first_member.unused_data)
    path.write_bytes(whole[:first_end] + b"dette er ikke en WARC-post\r\n\r\n" + whole[first_end:])
    items = read(path)
    [problem] = items
    assert isinstance(problem, InputProblem)
    assert problem.reason.startswith("damaged WARC archive at record 2: ")
    assert problem.detail == "the 1 records before it were read"


def test_archive_gzipped_as_one_block_is_read(tmp_path: Path) -> None:
    path = tmp_path / "hele.warc.gz"
    path.write_bytes(gzip.compress(write_warc(page_records(), gzip_records=False)))
    assert [type(i).__name__ for i in read(path)] == ["Article"] * 3


def test_archive_from_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    data = write_warc(page_records(), gzip_records=True)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = list(read_inputs(["-"]))
    assert [i.origin for i in items] == [
        "https://avis.example/flom",
        "https://avis.example/streik",
        "https://avis.example/vaer.txt",
    ]


def test_empty_archive_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "tom.warc"
    path.write_bytes(b"")
    assert read(path) == [InputProblem(origin=str(path), reason="WARC archive has no records")]
