"""Hostile input through the real `konflikt extract` command (issue 6): every case ends as a
recorded error with a readable reason, listed by `konflikt errors`, or is handled and becomes
an article; the run always finishes, with exit code 3 when something was rejected.

The language pipeline, identifier and extractor are stand-ins (a blank spaCy pipeline, a keyword
extractor), so these tests exercise input handling, not the models. Large inputs (20 MB, 100,000
lines) are generated in `tmp_path`; every sentence was written for these tests.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import Result
from spacy.tokens import Doc
from typer.testing import CliRunner

from konflikt.cli import app
from konflikt.model import Article, Event, Evidence, InputProblem
from konflikt.store import Store
from tests.conftest import use_stand_in_nlp

NEWS = (
    "Ordføreren i Tromsø sier at kommunen må stenge tre skoler etter stormen i helgen. "
    "Mannskaper fra Sivilforsvaret arbeider fortsatt med å fjerne trær fra veiene."
)
LETTERS = "Været på Østlandet blir grått, og bøndene i dalen ærgrer seg over regnet."
WIDE = {"COLUMNS": "500"}  # tables unfolded, so origins and reasons stay on one line


def _extract(doc: Doc, article: Article) -> list[Event]:
    """One event per sentence that says "stenge": enough to see articles flow through."""
    return [
        Event("COERCE", Evidence(s.text, s.start_char, s.end_char), article_id=article.id)
        for s in doc.sents
        if "stenge" in s.text
    ]


@pytest.fixture(autouse=True)
def fake_nlp(monkeypatch: pytest.MonkeyPatch) -> None:
    use_stand_in_nlp(monkeypatch, _extract)


def extract(db: Path, *paths: Path | str) -> Result:
    args = ["extract", *map(str, paths), "--db", f"sqlite:///{db}", "--quiet"]
    return CliRunner().invoke(app, args, env=WIDE)


def errors_listed(db: Path) -> str:
    result = CliRunner().invoke(app, ["errors", "--db", f"sqlite:///{db}"], env=WIDE)
    assert result.exit_code == 0, result.output
    return result.stdout


def stored(db: Path) -> tuple[list[Article], list[InputProblem]]:
    with Store(f"sqlite:///{db}", create=False) as store:
        return store.articles(), store.problems()


def assert_rejected(db: Path, result: Result, origin: str, reason: str) -> None:
    """Exit 3, the run finished, and `konflikt errors` lists the input with the reason."""
    assert result.exit_code == 3, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "see `konflikt errors`" in result.stderr
    listing = errors_listed(db)
    row = next((line for line in listing.splitlines() if origin in line), None)
    assert row is not None, listing
    assert reason in row, row


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "tom.txt"
    path.write_bytes(b"")
    assert_rejected(tmp_path / "k.sqlite", extract(tmp_path / "k.sqlite", path), str(path),
                    "empty file")  # fmt: skip


@pytest.mark.parametrize("name", ["bilde.txt", "uten-endelse", "arkiv.jsonl"])
def test_binary_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(4096))
    db = tmp_path / "k.sqlite"
    result = extract(db, path)
    assert result.exit_code == 3, result.output
    listing = errors_listed(db)
    assert "binary file, not text" in listing
    assert str(path) in listing


def test_latin1_text_without_declaration_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(LETTERS.encode("latin-1"))
    db = tmp_path / "k.sqlite"
    result = extract(db, path)
    assert result.exit_code == 0, result.output
    [article], problems = stored(db)
    assert article.text == LETTERS and problems == []


def test_twenty_megabyte_article(tmp_path: Path) -> None:
    path = tmp_path / "enorm.txt"
    size = 20 * 2**20
    path.write_text((NEWS + "\n") * (size // (len(NEWS) + 1) + 1), encoding="utf-8")
    ordinary = tmp_path / "vanlig.txt"
    ordinary.write_text(NEWS, encoding="utf-8")
    db = tmp_path / "k.sqlite"
    result = extract(db, path, ordinary)
    assert_rejected(db, result, str(path), "text too long for one article")
    assert "at most 200,000" in errors_listed(db)
    articles, _ = stored(db)
    assert [a.origin for a in articles] == [str(ordinary)]  # the run went on after it


def test_hundred_thousand_lines_mostly_broken(tmp_path: Path) -> None:
    path = tmp_path / "mange.jsonl"
    good = {17, 50_000, 99_999}
    with path.open("w", encoding="utf-8") as out:
        for number in range(1, 100_001):
            if number in good:
                record = {"id": f"god-{number}", "text": f"{NEWS} Linje {number}."}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif number % 2:
                out.write('{"id": "brutt", "text": "avbrutt midt i\n')
            else:
                out.write("dette er ikke JSON\n")
    db = tmp_path / "k.sqlite"
    result = extract(db, path)
    assert_rejected(db, result, f"{path}:1", "broken JSON line")
    articles, problems = stored(db)
    assert sorted(a.id for a in articles) == ["god-17", "god-50000", "god-99999"]
    # 100 lines listed one by one, the other 99,897 summed up in one problem for the file.
    assert len(problems) == 101
    summary = problems[-1]
    assert summary.origin == str(path)
    assert summary.reason.startswith("99,897 more rejected lines")
    assert (summary.detail or "").endswith("Lines 102-49999, 50001-99998, 100000")


def test_html_full_of_scripts(tmp_path: Path) -> None:
    noise = "".join(
        f"<script>window.track{n} = function() {{ return document.cookie; }};</script>"
        f"<style>.annonse{n} {{ display: block; }}</style>"
        for n in range(300)
    )
    page = (
        f"<html lang='nb'><head><title>Storm i nord</title>{noise}</head><body>{noise}"
        f"<article><h1>Storm i nord</h1><p>{NEWS}</p>{noise}<p>{LETTERS}</p></article>"
        f"<script>alert('hei')</script></body></html>"
    )
    path = tmp_path / "side.html"
    path.write_text(page, encoding="utf-8")
    db = tmp_path / "k.sqlite"
    result = extract(db, path)
    assert result.exit_code == 0, result.output
    [article], _ = stored(db)
    assert "Ordføreren i Tromsø" in article.text and "bøndene i dalen" in article.text
    for code in ("function", "cookie", "display", "alert", "<script"):
        assert code not in article.text


@pytest.mark.parametrize(("declared", "actual"), [("utf-8", "latin-1"), ("iso-8859-1", "utf-8")])
def test_feed_with_wrong_declared_encoding(tmp_path: Path, declared: str, actual: str) -> None:
    feed = (
        f'<?xml version="1.0" encoding="{declared}"?><rss version="2.0"><channel>'
        "<title>Testavisen</title><language>nb</language>"
        f"<item><title>Vær</title><guid>vaer-1</guid><description>{LETTERS}</description></item>"
        f"<item><title>Skoler</title><guid>skoler-1</guid><description>{NEWS}</description></item>"
        "</channel></rss>"
    )
    path = tmp_path / "nyheter.rss"
    path.write_bytes(feed.encode(actual))
    db = tmp_path / "k.sqlite"
    result = extract(db, path)
    assert result.exit_code == 0, result.output
    articles, problems = stored(db)
    assert sorted(a.text for a in articles) == sorted([LETTERS, NEWS]) and problems == []


def test_missing_path(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite"
    missing = tmp_path / "finnes-ikke.jsonl"
    assert_rejected(db, extract(db, missing), str(missing), "no such file or directory")


def test_symlink_loops(tmp_path: Path) -> None:
    folder = tmp_path / "inn"
    folder.mkdir()
    (folder / "sak.txt").write_text(NEWS, encoding="utf-8")
    (folder / "a").symlink_to(folder / "b")
    (folder / "b").symlink_to(folder / "a")
    (folder / "opp").symlink_to(folder)  # a folder link to its own parent
    db = tmp_path / "k.sqlite"
    result = extract(db, folder, folder / "a")
    assert_rejected(db, result, str(folder / "a"), "symbolic link loop")
    listing = errors_listed(db)
    assert f"{folder / 'opp'}" in listing and "leads back to" in listing
    articles, problems = stored(db)
    assert [a.origin for a in articles] == [str(folder / "sak.txt")]
    assert len(problems) == 3  # a, b inside the folder; opp. The second "a" is the same row.


def test_all_at_once_the_run_finishes_and_keeps_the_good(tmp_path: Path) -> None:
    folder = tmp_path / "blandet"
    folder.mkdir()
    (folder / "god.txt").write_text(NEWS, encoding="utf-8")
    (folder / "tom.txt").write_bytes(b"")
    (folder / "bin.dat").write_bytes(b"\x00PK\x03\x04" + os.urandom(512))
    (folder / "latin1.txt").write_bytes(LETTERS.encode("latin-1"))
    (folder / "brutt.jsonl").write_text('{"text": \n' + json.dumps({"text": NEWS + " Mer."}))
    (folder / "loop").symlink_to(folder / "loop")
    db = tmp_path / "k.sqlite"
    result = extract(db, folder, tmp_path / "borte.txt")
    assert result.exit_code == 3, result.output
    articles, problems = stored(db)
    assert len(articles) == 3
    assert {p.reason.split(":")[0].split(" (")[0] for p in problems} == {
        "empty file", "binary file, not text", "broken JSON line",
        "symbolic link loop", "no such file or directory",
    }  # fmt: skip


def test_usage_error_is_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "sak.txt"
    path.write_text(NEWS, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--published", "i går"], env=WIDE)
    assert result.exit_code == 2
    assert "--published must be YYYY-MM-DD or YYYY-MM" in result.stderr
