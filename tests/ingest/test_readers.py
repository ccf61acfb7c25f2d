"""Readers: every format, every input ends as an article or a problem with a reason."""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from konflikt import ingest
from konflikt.errors import InputError
from konflikt.ingest import read_inputs, sniff_format
from konflikt.model import Article, InputProblem

BODY = (
    "Minst fire personer ble drept da droner traff et boligområde i Kharkiv natt til tirsdag, "
    "sier ordføreren til NTB. Ukrainske myndigheter opplyser at tolv personer ble skadet."
)


def read(*paths: Path | str, published: str | None = None) -> list[Article | InputProblem]:
    return list(read_inputs([str(p) for p in paths], published=published))


def articles(items: list[Article | InputProblem]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def problems(items: list[Article | InputProblem]) -> list[InputProblem]:
    return [i for i in items if isinstance(i, InputProblem)]


# --- plain text ---


def test_text_without_header(tmp_path: Path) -> None:
    path = tmp_path / "kharkiv.txt"
    path.write_text(BODY, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.text == BODY
    assert article.body_start == 0
    assert article.published is None
    assert article.origin == str(path)


def test_text_with_header_on_the_same_line(tmp_path: Path) -> None:
    text = " date 2017-10 " + BODY
    path = tmp_path / "seed.txt"
    path.write_text(text, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.text == text  # kept whole: gold offsets count the header
    assert article.text[article.body_start :] == BODY
    assert article.published == "2017-10"


def test_text_with_header_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("date 2024-03-05\n\n" + BODY, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.published == "2024-03-05"
    assert article.text[article.body_start :] == BODY


def test_published_option_beats_header(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("date 2024-03-05\n" + BODY, encoding="utf-8")
    [article] = read(path, published="2024-03-07")
    assert isinstance(article, Article) and article.published == "2024-03-07"


def test_invalid_published_option_is_an_error() -> None:
    with pytest.raises(InputError, match="--published"):
        read_inputs(["x.txt"], published="7. mars")


def test_header_without_body_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "tom.txt"
    path.write_text(" date 2017-10 \n", encoding="utf-8")
    [problem] = read(path)
    assert problem == InputProblem(origin=str(path), reason="no article text after the date header")


def test_latin1_text(tmp_path: Path) -> None:
    path = tmp_path / "gammel.txt"
    path.write_bytes(BODY.encode("latin-1"))
    [article] = read(path)
    assert isinstance(article, Article) and article.text == BODY


def test_crlf_text_is_normalised(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(("Tittel\r\n\r\n" + BODY).encode("utf-8"))
    [article] = read(path)
    assert isinstance(article, Article) and article.text == "Tittel\n\n" + BODY


def test_empty_and_binary_files_are_problems(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bilde.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    items = read(empty, binary)
    assert items == [
        InputProblem(origin=str(empty), reason="empty file"),
        InputProblem(origin=str(binary), reason="binary file, not text"),
    ]


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    missing = tmp_path / "finnes-ikke.txt"
    assert read(missing) == [InputProblem(origin=str(missing), reason="no such file or directory")]


def test_ids_are_stable_and_content_derived(tmp_path: Path) -> None:
    one = tmp_path / "one"
    two = tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (one / "a.txt").write_text(BODY, encoding="utf-8")
    (two / "a.txt").write_text(BODY, encoding="utf-8")
    (two / "b.txt").write_text(BODY + " Ny setning.", encoding="utf-8")
    first, second, third = articles(read(one / "a.txt", two / "a.txt", two / "b.txt"))
    assert first.id == second.id  # same name and content, wherever it lies
    assert third.id != first.id
    assert articles(read(one / "a.txt"))[0].id == first.id


def test_gzip_file(tmp_path: Path) -> None:
    path = tmp_path / "artikkel.txt.gz"
    path.write_bytes(gzip.compress(BODY.encode("utf-8")))
    [article] = read(path)
    assert isinstance(article, Article) and article.text == BODY


def test_broken_gzip_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "brutt.txt.gz"
    path.write_bytes(gzip.compress(BODY.encode("utf-8"))[:20])
    [problem] = read(path)
    assert isinstance(problem, InputProblem) and problem.reason.startswith("cannot read")


# --- JSON Lines and JSON ---


def _record(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_jsonl_records_and_broken_lines(tmp_path: Path) -> None:
    header_text = " date 2017-10 " + BODY
    lines = [
        _record(id="nrk-1", title="Droneangrep", text=header_text, published="2017-10-14",
                url="https://nrk.example/1", source="NRK", lang="nb"),
        "",
        '{"id": "nrk-2", "text": "Politiet pågrep to menn."',  # broken: no closing brace
        _record(id="nrk-3", title="Uten tekst"),
        _record(id=4, text="Regjeringen avviste kravet onsdag.", published="onsdag"),
        "[1, 2]",
        _record(text="Opprørere trakk seg ut av byen.", lang=7),
        _record(text="Hæren rykket fram mot byen."),
    ]  # fmt: skip
    path = tmp_path / "artikler.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    assert len(items) == 7  # the blank line is not a record
    first = items[0]
    assert isinstance(first, Article)
    assert (first.id, first.title, first.url, first.source, first.lang) == (
        "nrk-1", "Droneangrep", "https://nrk.example/1", "NRK", "nb",
    )  # fmt: skip
    assert first.text == header_text
    assert first.published == "2017-10-14"  # the record's date beats the header
    assert first.text[first.body_start :] == BODY
    assert first.origin == f"{path}:1"
    reasons = {p.origin: p.reason for p in problems(items)}
    assert reasons[f"{path}:3"].startswith("broken JSON line")
    assert reasons[f"{path}:4"] == "record has no 'text' field"
    assert reasons[f"{path}:5"] == "'published' is not an ISO date: 'onsdag'"
    assert reasons[f"{path}:6"] == "expected a JSON object, got a list"
    assert reasons[f"{path}:7"] == "'lang' must be a string or null"
    last = items[-1]
    assert isinstance(last, Article) and last.origin == f"{path}:8" and len(last.id) == 16


def test_jsonl_header_gives_month_when_record_has_no_date(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(_record(id="x", text=" date 2017-10 " + BODY, published=None), "utf-8")
    [article] = read(path)
    assert isinstance(article, Article) and article.published == "2017-10"


def test_json_list(tmp_path: Path) -> None:
    path = tmp_path / "liste.json"
    records = [{"id": "a", "text": BODY}, {"id": "b"}]
    path.write_text(json.dumps(records, ensure_ascii=False, indent=2), encoding="utf-8")
    first, second = read(path)
    assert isinstance(first, Article) and first.id == "a"
    assert second == InputProblem(origin=f"{path}[1]", reason="record has no 'text' field")


# --- HTML ---

PAGE = """<!DOCTYPE html>
<html lang="nb-NO"><head><meta charset="utf-8">
<title>Droneangrep mot Kharkiv | Dagsavisa</title>
<meta property="og:site_name" content="Dagsavisa">
<meta property="article:published_time" content="2024-03-05T23:40:00+01:00">
</head><body>
<nav><ul><li><a href="/">Forsiden</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/logg-inn">Logg inn</a></li></ul></nav>
<div class="cookie-banner">Vi bruker informasjonskapsler for å gi deg en bedre opplevelse.</div>
<article><h1>Droneangrep mot Kharkiv</h1>
<p>Minst fire personer ble drept da droner traff et boligområde i Kharkiv natt til tirsdag,
sier ordføreren til NTB.</p>
<p>Ukrainske myndigheter opplyser at tolv personer ble skadet i angrepet, som rammet en skole og
flere bolighus nord i byen.</p>
<p>Russlands forsvarsdepartement avviste onsdag at sivile mål var angrepet.</p>
</article>
<aside><h2>Mest lest</h2><ul><li>Ti gode tips til påskefjellet</li></ul></aside>
<footer><p>Kontakt oss | Personvern | Ansvarlig redaktør: Kari Nordmann</p></footer>
<script>trackPageView("kharkiv");</script>
</body></html>"""


def test_html_page_without_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "side.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert "droner traff et boligområde i Kharkiv" in article.text
    assert "avviste onsdag" in article.text
    for boilerplate in ("Logg inn", "informasjonskapsler", "påskefjellet", "Personvern",
                        "trackPageView"):  # fmt: skip
        assert boilerplate not in article.text
    assert article.published == "2024-03-05"  # from the metadata, the publisher's local date
    assert article.title == "Droneangrep mot Kharkiv"
    assert article.lang == "nb"


def test_html_published_option_wins(tmp_path: Path) -> None:
    path = tmp_path / "side.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read(path, published="2024-03-09")
    assert isinstance(article, Article) and article.published == "2024-03-09"


def test_html_without_article_text_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "tom.html"
    path.write_text("<html><body><nav><a href='/'>Forsiden</a></nav></body></html>", "utf-8")
    [problem] = read(path)
    assert problem == InputProblem(
        origin=str(path), reason="no article text found in the HTML page"
    )


# --- feeds ---

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Dagsavisa – Utenriks</title><language>nb-no</language>
<link>https://dagsavisa.example/</link>
<item><title>Opprørere angrep konvoi</title><link>https://dagsavisa.example/a/1</link>
<guid>https://dagsavisa.example/a/1</guid><pubDate>Wed, 06 Mar 2024 00:30:00 +0100</pubDate>
<description>&lt;p&gt;Opprørere angrep en militærkonvoi nord for Mosul natt til onsdag, melder
Reuters.&lt;/p&gt;&lt;p&gt;Tre soldater ble drept.&lt;/p&gt;</description></item>
<item><title>Bare tittel</title><link>https://dagsavisa.example/a/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Vestavisa</title><id>urn:vestavisa</id>
<updated>2024-03-06T10:00:00Z</updated>
<entry><title>Politiet pågrep to menn</title><id>urn:vestavisa:77</id>
<updated>2024-03-07T09:00:00Z</updated><published>2024-03-06T21:10:00+01:00</published>
<content type="html">&lt;p&gt;Politiet i Bergen pågrep tysdag to menn etter valden i
sentrum.&lt;/p&gt;&lt;script&gt;spor()&lt;/script&gt;&lt;p&gt;Dei er sikta for
lekamsskade.&lt;/p&gt;</content></entry></feed>"""


def test_rss_feed(tmp_path: Path) -> None:
    path = tmp_path / "utenriks.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second = read(path)
    assert isinstance(first, Article)
    assert first.text == (
        "Opprørere angrep en militærkonvoi nord for Mosul natt til onsdag, melder Reuters.\n"
        "Tre soldater ble drept."
    )
    assert first.published == "2024-03-06"  # the publisher's date, not UTC's 5 March
    assert first.title == "Opprørere angrep konvoi"
    assert first.url == "https://dagsavisa.example/a/1"
    assert first.source == "Dagsavisa – Utenriks"
    assert first.lang == "nb"
    assert first.origin == f"{path}#entry-1"
    assert second == InputProblem(origin=f"{path}#entry-2", reason="feed entry has no text")


def test_atom_feed_sniffed_from_xml(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(ATOM, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.id == "urn:vestavisa:77"
    assert article.text == (
        "Politiet i Bergen pågrep tysdag to menn etter valden i sentrum.\n"
        "Dei er sikta for lekamsskade."
    )
    assert article.published == "2024-03-06"  # published, not updated


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><root><a>1</a></root>", encoding="utf-8")
    [problem] = read(path)
    assert isinstance(problem, InputProblem) and problem.reason == "not an RSS or Atom feed"


# --- directories, stdin, sniffing ---


def test_directory_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(_record(id="c", text=BODY), encoding="utf-8")
    (tmp_path / ".skjult.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "d.bin").write_bytes(b"\x00\x01\x02")
    items = read(tmp_path)
    assert [i.origin for i in items] == [
        str(tmp_path / "a.html"),
        f"{tmp_path / 'c.jsonl'}:1",
        str(tmp_path / "d.bin"),
        str(tmp_path / "b" / "2.txt"),
    ]
    assert [type(i).__name__ for i in items] == ["Article", "Article", "InputProblem", "Article"]


def test_empty_directory_is_a_problem(tmp_path: Path) -> None:
    assert read(tmp_path) == [
        InputProblem(origin=str(tmp_path), reason="directory contains no input files")
    ]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (_record(id="s1", text=BODY) + "\n" + _record(id="s2", text=BODY + " Mer.")).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    items = read("-")
    assert [i.id for i in articles(items)] == ["s1", "s2"]
    assert items[0].origin == "<stdin>:1"


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    data = ("date 2024-03-05\n" + BODY).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    [article] = read("-")
    assert isinstance(article, Article) and article.published == "2024-03-05"


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b'{"text": "x"}\n{"text": "y"}', "jsonl"),
        (b'{\n  "text": "x"\n}', "json"),
        (b"[{}]", "json"),
        (b"<?xml version='1.0'?><rss version='2.0'>", "feed"),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"date 2024-01-01 Tekst", "text"),
    ],
)
def test_sniff_format(head: bytes, fmt: str) -> None:
    assert sniff_format(head) == fmt


def test_page_not_found_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "404.html"
    path.write_text(
        "<html><head><title>Fant ikke siden</title></head><body><header><nav><ul>"
        "<li><a href='/'>Forsiden</a></li><li><a href='/nyheter'>Nyheter</a></li></ul></nav>"
        "</header><main><h1>Siden finnes ikke</h1><p><a href='/'>Gå til forsiden</a></p></main>"
        "<footer>Kontakt oss</footer></body></html>",
        encoding="utf-8",
    )
    [problem] = read(path)
    assert isinstance(problem, InputProblem)
    assert problem.reason == "no article text found in the HTML page"


def test_reader_failure_becomes_a_problem_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_reader(source: object, data: bytes, *, published: str | None = None) -> Iterator:
        raise RecursionError("maximum recursion depth exceeded")
        yield  # a generator, like the real readers

    monkeypatch.setitem(ingest.READERS, "html", broken_reader)
    page = tmp_path / "a.html"
    page.write_text(PAGE, encoding="utf-8")
    text = tmp_path / "b.txt"
    text.write_text(BODY, encoding="utf-8")
    problem, article = read(page, text)
    assert problem == InputProblem(
        origin=str(page),
        reason="cannot read as html: RecursionError: maximum recursion depth exceeded",
    )
    assert isinstance(article, Article)


def test_too_large_file_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 100)
    path = tmp_path / "dump.txt"
    path.write_text(BODY, encoding="utf-8")
    [problem] = read(path)
    assert isinstance(problem, InputProblem) and problem.reason.startswith("file too large")


def test_gzip_jsonl_broken_midway_keeps_what_was_read(tmp_path: Path) -> None:
    lines = "".join(_record(id=f"r{i}", text=f"{BODY} {i}") + "\n" for i in range(200))
    packed = gzip.compress(lines.encode("utf-8"))
    path = tmp_path / "mange.jsonl.gz"
    path.write_bytes(packed[: len(packed) * 3 // 4])
    items = read(path)
    assert len(articles(items)) > 10
    assert isinstance(items[-1], InputProblem) and items[-1].reason.startswith("cannot read")
