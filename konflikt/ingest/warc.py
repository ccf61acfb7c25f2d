"""Web archives (WARC, `.warc` and `.warc.gz`): each archived HTML or text page is an article.

Read with warcio's `ArchiveIterator`, record by record, so an archive of any size is streamed.

- `response` records with HTTP status 200 and `resource` records whose content is HTML or plain
  text become articles through the HTML reader (trafilatura) or the text reader. The record's
  `WARC-Target-URI` is the article's `origin` (what `konflikt errors` shows) and its `url` when
  the page names none; `WARC-Date` (the capture date) is its publication date when neither the
  page nor `--published` gives one.
- Every other record (request, metadata, warcinfo, revisit, images and other media, responses
  that are not 200) is skipped, not an error: archives are mostly such records. The skipped
  records are counted by kind (`WarcTally`) and the count is logged once per archive.
- A page record that fails to read is a problem of its URI (the archive goes on); a damaged or
  truncated archive keeps the records before the damage and ends with one problem for the file.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from email.message import Message
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from konflikt.ingest.dates import normalize_date
from konflikt.ingest.html import read_html
from konflikt.ingest.source import READ_ERRORS, InputSource, read_error_reason
from konflikt.ingest.text import read_text
from konflikt.model import Article, InputProblem

WARC_MAGIC = b"WARC/"
# Record kinds that can hold a page; others are skipped.
PAGE_RECORDS = frozenset({"response", "resource"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
# A page record is read whole; above this it is not a news page (the largest HTML pages of
# Norwegian news sites, inline scripts included, are a few MiB).
MAX_RECORD_MIB = 16
MAX_RECORD_BYTES = MAX_RECORD_MIB * 2**20
_DRAIN_CHUNK = 1 << 16
_QUOTED_CHARS = 40  # of the damaged line, in the problem's reason
log = logging.getLogger(__name__)

Item = Article | InputProblem


@dataclass(slots=True)
class WarcTally:
    """What one archive held: pages read, and skipped records counted by kind (e.g.
    "request", "response image/jpeg", "response status 404")."""

    pages: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def describe(self) -> str:
        kinds = ", ".join(f"{kind} {n}" for kind, n in self.skipped.most_common())
        return f"{self.pages} pages, {self.skipped.total()} records skipped ({kinds or 'none'})"


def looks_like_warc(head: bytes) -> bool:
    """True for the first bytes of a (decompressed) WARC file."""
    return head.lstrip(b"\r\n").startswith(WARC_MAGIC)


def read_warc(
    source: InputSource,
    stream: BinaryIO,
    *,
    published: str | None = None,
    tally: WarcTally | None = None,
) -> Iterator[Item]:
    """The articles (and problems) of an archive's page records, in archive order.

    `stream` is the archive as stored: gzip-compressed record by record (the standard for
    `.warc.gz`) or not at all. An archive compressed as one gzip block is read again through
    a decompressing stream when it is a file; from stdin it is a problem (it cannot be re-read).
    """
    tally = tally if tally is not None else WarcTally()
    outcome = yield from _read_archive(source, stream, published, tally, skip=0)
    if isinstance(outcome, _WholeFileGzip) and source.path is not None:
        with source.open() as decompressed:
            outcome = yield from _read_archive(
                source, decompressed, published, tally, skip=outcome.records
            )
    if isinstance(outcome, _WholeFileGzip):
        outcome = InputProblem(
            origin=source.origin,
            reason="WARC archive gzip-compressed as one block, not record by record: "
            "decompress it or pass it as a file",
            detail=f"the first {outcome.records} records were read",
        )
    if isinstance(outcome, InputProblem):
        yield outcome
    elif outcome == 0:
        yield InputProblem(origin=source.origin, reason="WARC archive has no records")
    log.info("%s: %s", source.origin, tally.describe())


@dataclass(frozen=True, slots=True)
class _WholeFileGzip:
    """warcio stopped because the archive is one gzip block; `records` were read before."""

    records: int


class _Truncated(Exception):
    """A record ends before its declared length: the archive was cut short there."""


def _read_archive(
    source: InputSource, stream: BinaryIO, published: str | None, tally: WarcTally, skip: int
) -> Generator[Item, None, int | InputProblem | _WholeFileGzip]:
    """Yield the items of the records after the first `skip`; return how many records there
    were, or the damage that stopped the reading."""
    done = 0  # records read completely
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            if number <= skip:
                _drain(record)
                done = number
                continue
            items = list(_read_record(source, number, record, published, tally))
            done = number
            yield from items
    except ArchiveLoadFailed as err:
        if "non-chunked gzip" in err.msg:
            return _WholeFileGzip(records=done)
        return _damage(source, done, _load_failure(err.msg))
    except _Truncated:
        return _damage(source, done, "the archive ends inside this record (truncated)")
    except READ_ERRORS as err:
        return _damage(source, done, read_error_reason(err))
    return done


def _damage(source: InputSource, done: int, reason: str) -> InputProblem:
    return InputProblem(
        origin=source.origin,
        reason=f"damaged WARC archive at record {done + 1}: {reason}",
        detail=f"the {done} records before it were read" if done else "no record was read",
    )


def _load_failure(message: str) -> str:
    """warcio's message, short and printable: it quotes the bad line, which may be binary."""
    first = message.strip().splitlines()[0] if message.strip() else "not a WARC record"
    label, _, quoted = first.partition(": ")
    if not quoted:
        return first[:_QUOTED_CHARS]
    return f"{label}: {quoted[:_QUOTED_CHARS]!r}"


def _drain(record: ArcWarcRecord) -> None:
    """Read the rest of a record; raise `_Truncated` when it ends before its declared length.

    warcio would skip the rest itself, but silently: a cut-off page would pass as a shorter
    article. `raw_stream` is warcio's length-limited reader over the record's block.
    """
    raw = record.raw_stream
    while raw.read(_DRAIN_CHUNK):
        pass
    if getattr(raw, "limit", 0) > 0:
        raise _Truncated


def _read_record(
    source: InputSource, number: int, record: ArcWarcRecord, published: str | None, tally: WarcTally
) -> Iterator[Item]:
    """The items of one record (read whole first, so a truncated record gives nothing)."""
    kind = record.rec_type
    skipped = _skip_reason(record)
    if skipped is not None:
        _drain(record)
        tally.skipped[skipped] += 1
        return
    media_type, charset = _media_type(_content_type(record))
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    origin = uri or f"{source.origin}#record-{number}"
    where = f"{kind} record {number} of {source.origin}"
    # content_stream() undoes HTTP chunking and gzip/deflate content encoding.
    data = record.content_stream().read(MAX_RECORD_BYTES + 1)
    _drain(record)
    tally.pages += 1
    if len(data) > MAX_RECORD_BYTES:
        yield InputProblem(
            origin=origin,
            reason=f"page too large for one article (more than {MAX_RECORD_MIB} MiB)",
            detail=where,
        )
        return
    page = InputSource(origin=origin, name=uri or f"{source.name}#record-{number}")
    reader = read_html if media_type in HTML_TYPES else read_text
    capture_date = normalize_date(record.rec_headers.get_header("WARC-Date"))
    for item in reader(page, _as_utf8(data, charset), published=published):
        if isinstance(item, InputProblem):
            item.detail = item.detail or where
        else:
            item.url = item.url or uri or None
            item.published = item.published or capture_date
        yield item


def _skip_reason(record: ArcWarcRecord) -> str | None:
    """Why a record is not a page ("request", "response status 404", ...); None for a page."""
    kind = record.rec_type
    if kind not in PAGE_RECORDS:
        return str(kind)
    if kind == "response":
        if record.http_headers is None:  # a response to dns:, ftp: and the like
            return "response without HTTP"
        status = record.http_headers.get_statuscode()
        if status != "200":
            return f"response status {status}"
    media_type, _ = _media_type(_content_type(record))
    if media_type not in HTML_TYPES | TEXT_TYPES:
        return f"{kind} {media_type or 'without content type'}"
    return None


def _content_type(record: ArcWarcRecord) -> str:
    """The payload's type: the HTTP header of a response, the WARC header of a resource."""
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    return (headers.get_header("Content-Type") if headers is not None else None) or ""


def _media_type(content_type: str) -> tuple[str, str | None]:
    """("text/html", "iso-8859-1") from "text/html; charset=ISO-8859-1"."""
    message = Message()
    message["Content-Type"] = content_type
    media_type = message.get_content_type() if content_type.strip() else ""
    charset = message.get_content_charset()
    return media_type, charset


def _as_utf8(data: bytes, charset: str | None) -> bytes:
    """The page in UTF-8, using the HTTP header's charset when the bytes are not UTF-8.

    Valid UTF-8 with non-ASCII letters is UTF-8 whatever the header says (Latin-1 text almost
    never forms valid UTF-8, while a Latin-1 header on UTF-8 pages is a common server
    mistake, and decoding as Latin-1 never fails, so it would garble "å" into "Ã¥"). When the
    header's charset does not decode the bytes either, they go on as they are, for the readers'
    own detection.
    """
    if not charset:
        return data
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return data
