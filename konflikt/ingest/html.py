"""HTML pages: the article text without boilerplate (trafilatura), the date from the page's
metadata (htmldate, through trafilatura), the title, canonical URL, site name and `lang`."""

from __future__ import annotations

from collections.abc import Iterator

import trafilatura
from lxml import html as lxml_html

from konflikt.errors import InputError
from konflikt.ingest.build import build_article
from konflikt.ingest.dates import normalize_date
from konflikt.ingest.encoding import clean_text, looks_binary
from konflikt.ingest.source import InputSource
from konflikt.model import Article, InputProblem

# Only dates the page states in its markup (meta tags, JSON-LD, <time>): htmldate's "extensive
# search" guesses from any date-like string in the text and the URL, which for news pages is as
# often the date of an event as the date of publication.
DATE_PARAMS = {"extensive_search": False, "original_date": True}
MIN_SENTENCE_WORDS = 6
# Block elements whose end is a line break when HTML fragments (feed entries) become text.
BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
     "tr", "table", "section", "article", "figcaption"}
)  # fmt: skip
_BREAK = "\u2029"  # Unicode paragraph separator: marks block ends while flattening
DROP_TAGS = ("script", "style", "noscript", "iframe", "template", "svg", "form", "button")


def read_html(
    source: InputSource, data: bytes, *, published: str | None = None
) -> Iterator[Article | InputProblem]:
    """One page, one article."""
    if not data.strip():
        yield InputProblem(origin=source.origin, reason="empty file")
        return
    if looks_binary(data):
        yield InputProblem(origin=source.origin, reason="binary file, not HTML")
        return
    tree = trafilatura.load_html(data)  # decodes by the page's declared or detected charset
    if tree is None:
        yield InputProblem(origin=source.origin, reason="cannot parse the HTML page")
        return
    lang = _page_lang(tree)
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=DATE_PARAMS,
    )
    text = clean_text(document.text or "") if document is not None else ""
    if not _has_sentence(text):
        yield InputProblem(origin=source.origin, reason="no article text found in the HTML page")
        return
    yield build_article(
        text,
        origin=source.origin,
        origin_key=source.name,
        title=document.title,
        published_option=published,
        published_field=normalize_date(document.date),
        url=document.url,
        source=document.sitename,
        lang=lang,
    )


def _has_sentence(text: str) -> bool:
    """True when some line is long enough to be a sentence. On pages without an article (front
    pages, "page not found") trafilatura's fallback returns the menu: lines of one to four words;
    a news sentence has fifteen or so."""
    return any(len(line.split()) >= MIN_SENTENCE_WORDS for line in text.splitlines())


def _page_lang(tree: lxml_html.HtmlElement) -> str | None:
    """`<html lang="nb-NO">` → "nb"; the pipeline checks it against the text."""
    root = tree.getroottree().getroot()
    value = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    return value.split("-")[0].split("_")[0].lower() or None


def html_fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content): scripts dropped, blocks as lines.

    trafilatura is for whole pages; on a two-paragraph fragment it finds no article and returns
    nothing, so fragments are flattened with lxml directly.
    """
    if "<" not in fragment:
        return clean_text(fragment).strip()
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml_html.etree.ParserError) as err:
        raise InputError(f"cannot parse the HTML content: {err}") from err
    for element in list(root.iter(*DROP_TAGS)):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.tail = _BREAK + (element.tail or "")
    # Newlines inside the markup are just spaces; only block ends break lines.
    lines = (" ".join(line.split()) for line in root.text_content().split(_BREAK))
    return clean_text("\n".join(line for line in lines if line))
