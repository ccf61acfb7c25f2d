"""From articles to events: language routing, one spaCy parse per article, event extraction.

`process()` takes what `konflikt.ingest.read_inputs` yields and gives one `ArticleResult` per
input, in input order. Inputs that were already problems pass through; an article in a language
without a pipeline, or whose parse or extraction fails, becomes a problem with the reason, and
the batch goes on (spaCy's "skip one bad document" rule).

`run()` stores the results; its `processor` may be `konflikt.parallel.ParallelRun.process`, which
runs the same batches on worker processes or a Dask cluster and gives the same results in the
same order.
"""

from __future__ import annotations

import logging
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol

from konflikt.errors import ExtractionError, ModelError
from konflikt.model import Article, EntitySpan, Event, InputProblem

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

Loader = Callable[[str], "Language"]
Extractor = Callable[["Doc", Article], list[Event]]
Identifier = Callable[[str], str]
Item = Article | InputProblem

SUPPORTED: frozenset[str] = frozenset({"nb", "nn"})
# Declared language codes that name one written standard; "no"/"nor" (Norwegian, unspecified)
# is left to the identifier, which tells Bokmål from Nynorsk.
LANG_ALIASES: dict[str, str] = {"nb": "nb", "nob": "nb", "nn": "nn", "nno": "nn"}
# Identifier answers that do not overrule a declared Norwegian: close relatives, and no answer.
CONFUSABLE_WITH_NORWEGIAN: frozenset[str] = frozenset({"da", "sv", "und"})
# Articles parsed together: large enough for spaCy's batching, small enough that the first
# results (and the progress bar) appear at once.
BATCH_SIZE = 16
_TRACEBACK_LINES = 6


@dataclass(slots=True)
class ArticleResult:
    """What processing one input gave: the article and its events, or the problem that stopped it.

    `article` is None when the input never became an article (then `problem` says why); an article
    whose extraction failed has `problem` set and no events. `entities` are the parse's named
    entities, with offsets into `article.text`, so the article view can mark them.
    """

    article: Article | None
    events: list[Event] = field(default_factory=list)
    problem: InputProblem | None = None
    entities: list[EntitySpan] = field(default_factory=list)


def process(
    items: Iterable[Item],
    *,
    batch_size: int = BATCH_SIZE,
    load: Loader | None = None,
    extract: Extractor | None = None,
    identify: Identifier | None = None,
) -> Iterator[ArticleResult]:
    """One result per item, lazily, in order.

    `load`, `extract` and `identify` default to `konflikt.nlp.load`,
    `konflikt.extract.extract_events` and `konflikt.ingest.langid.identify_language`; tests pass
    stand-ins.
    """
    runner = BatchRunner(load=load, extract=extract, identify=identify)
    for batch in batches(items, batch_size):
        yield from runner.run_batch(batch)


def batches(items: Iterable[Item], batch_size: int = BATCH_SIZE) -> Iterator[list[Item]]:
    """The items in lists of `batch_size` (the last may be shorter), read lazily."""
    iterator = iter(items)
    while batch := list(islice(iterator, max(1, batch_size))):
        yield batch


class BatchRunner:
    """Holds the loaded pipelines (one per language) across batches.

    One per process: `process()` makes one for its run, and each worker of a parallel run
    (`konflikt.parallel`) keeps one for its lifetime, so pipelines load once per worker.
    """

    def __init__(
        self, *, load: Loader | None, extract: Extractor | None, identify: Identifier | None
    ) -> None:
        self._load = load
        self._extract = extract
        self._identify = identify
        self._pipelines: dict[str, Language | ModelError] = {}

    def run_batch(self, batch: list[Item]) -> list[ArticleResult]:
        """One result per item, in order."""
        results: list[ArticleResult | None] = [None] * len(batch)
        by_lang: dict[str, list[tuple[int, Article]]] = {}
        for index, item in enumerate(batch):
            if isinstance(item, InputProblem):
                results[index] = ArticleResult(article=None, problem=item)
                continue
            lang_or_problem = self.route(item)
            if isinstance(lang_or_problem, InputProblem):
                results[index] = ArticleResult(article=item, problem=lang_or_problem)
            else:
                by_lang.setdefault(lang_or_problem, []).append((index, item))
        for lang, entries in by_lang.items():
            articles = [article for _, article in entries]
            parsed = self.parse_and_extract(lang, articles)
            for (index, _), result in zip(entries, parsed, strict=True):
                results[index] = result
        return [r for r in results if r is not None]

    def route(self, article: Article) -> str | InputProblem:
        """The pipeline language for an article, or the problem that it has none.

        Every body is identified. A declared Bokmål or Nynorsk stands unless the text is
        clearly another language (not Danish or Swedish, which the identifier can confuse with
        Norwegian on short texts); without a usable declaration ("no", "en" on a Norwegian
        page, none) the identified language decides.
        """
        declared = LANG_ALIASES.get((article.lang or "").strip().lower())
        origin = _origin(article)
        try:
            detected = self.identifier()(article.text[article.body_start :])
        except Exception as exc:  # a missing or broken identifier must not end the run
            if declared in SUPPORTED:
                return declared
            return InputProblem(origin=origin, reason=f"language identification failed: {exc}")
        if declared in SUPPORTED:
            if detected in SUPPORTED or detected in CONFUSABLE_WITH_NORWEGIAN:
                return declared
            return InputProblem(
                origin=origin,
                reason=f"language {detected} is not supported (declared {article.lang})",
            )
        if detected in SUPPORTED:
            article.lang = detected
            return detected
        if detected == "und":
            return InputProblem(origin=origin, reason="language could not be identified")
        return InputProblem(origin=origin, reason=f"language {detected} is not supported")

    def pipeline(self, lang: str) -> Language | ModelError:
        if lang not in self._pipelines:
            try:
                self._pipelines[lang] = self.loader()(lang)
            except ModelError as err:
                self._pipelines[lang] = err
            except Exception as exc:  # ImportError, OSError from spaCy: the same for the user
                self._pipelines[lang] = ModelError(f"cannot load the pipeline: {exc}")
        return self._pipelines[lang]

    def parse_and_extract(self, lang: str, articles: list[Article]) -> list[ArticleResult]:
        nlp = self.pipeline(lang)
        if isinstance(nlp, ModelError):
            reason = f"no {lang} pipeline: {nlp.message}"
            return [
                ArticleResult(article=a, problem=InputProblem(origin=_origin(a), reason=reason))
                for a in articles
            ]
        results = []
        # The batch's Docs live only inside the zone, and the strings they added to the
        # vocabulary go with them: a long-running process (a worker over millions of articles)
        # would otherwise keep every word form it ever saw (BENCHMARKS.md, peak memory). The
        # results hold plain Python strings, so nothing leaves the zone that depends on it.
        with nlp.memory_zone():
            docs = self._parse(nlp, articles)
            for article, doc in zip(articles, docs, strict=True):
                if isinstance(doc, InputProblem):
                    results.append(ArticleResult(article=article, problem=doc))
                else:
                    results.append(self._extract_one(doc, article))
        return results

    def _parse(self, nlp: Language, articles: list[Article]) -> list[Doc | InputProblem]:
        texts = [a.text[a.body_start :] for a in articles]
        try:
            return list(nlp.pipe(texts))
        except Exception:  # one bad document: parse the batch one by one to isolate it
            log.debug("batch parse failed, parsing one by one", exc_info=True)
        docs: list[Doc | InputProblem] = []
        for article, text in zip(articles, texts, strict=True):
            try:
                docs.append(nlp(text))
            except Exception as exc:
                docs.append(_failure(article, "parsing failed", exc))
        return docs

    def _extract_one(self, doc: Doc, article: Article) -> ArticleResult:
        try:
            events = list(self.extractor()(doc, article))
        except Exception as exc:
            return ArticleResult(
                article=article, problem=_failure(article, "event extraction failed", exc)
            )
        for event in events:
            if event.article_id is None:
                event.article_id = article.id
        return ArticleResult(article=article, events=events, entities=entities_of(doc, article))

    def loader(self) -> Loader:
        if self._load is None:
            from konflikt.nlp import load

            self._load = load
        return self._load

    def extractor(self) -> Extractor:
        if self._extract is None:
            from konflikt.extract import extract_events

            self._extract = extract_events
        return self._extract

    def identifier(self) -> Identifier:
        if self._identify is None:
            from konflikt.ingest.langid import identify_language

            self._identify = identify_language
        return self._identify


def entities_of(doc: Doc, article: Article) -> list[EntitySpan]:
    """The named entities of a parse; the body was parsed, so offsets shift by `body_start`."""
    offset = article.body_start
    return [
        EntitySpan(
            start=ent.start_char + offset,
            end=ent.end_char + offset,
            label=ent.label_,
            text=ent.text,
        )
        for ent in doc.ents
    ]


def _origin(article: Article) -> str:
    return article.origin or article.id


def _failure(article: Article, what: str, exc: Exception) -> InputProblem:
    """An `ExtractionError`-based problem; the traceback's last lines go into `detail`."""
    message = exc.message if isinstance(exc, ExtractionError) else f"{type(exc).__name__}: {exc}"
    error = ExtractionError(f"{what}: {message}", origin=_origin(article))
    log.warning("%s", error)
    tail = traceback.format_exception(exc)[-_TRACEBACK_LINES:]
    return InputProblem(origin=_origin(article), reason=error.message, detail="".join(tail).strip())


@dataclass(slots=True)
class RunSummary:
    """Tallies of one run, for the closing summary of `konflikt extract` and `konflikt eval`."""

    articles: int = 0  # inputs that became articles and were processed
    new: int = 0  # stored for the first time
    already_stored: int = 0
    events_by_type: Counter[str] = field(default_factory=Counter)
    problems: list[InputProblem] = field(default_factory=list)

    def add(self, result: ArticleResult, *, stored: bool | None = None) -> None:
        """Count one result; `stored` is what `Store.add_result` answered (None: no store)."""
        if result.problem is not None:
            self.problems.append(result.problem)
            return
        self.articles += 1
        self.events_by_type.update(e.event_type for e in result.events)
        if stored is True:
            self.new += 1
        elif stored is False:
            self.already_stored += 1

    @property
    def events(self) -> int:
        return sum(self.events_by_type.values())


class ResultSink(Protocol):
    """Where results go: `konflikt.store.Store` (an interface, so the pipeline does not import
    the database layer)."""

    def add_result(self, result: ArticleResult) -> bool: ...


# What turns items into results, in input order: `process` or a parallel one
# (`konflikt.parallel.ParallelRun.process`).
Processor = Callable[[Iterable[Item]], Iterator[ArticleResult]]


def run(
    items: Iterable[Item],
    *,
    store: ResultSink | None = None,
    on_result: Callable[[ArticleResult, RunSummary], None] | None = None,
    processor: Processor | None = None,
    **options: Any,
) -> RunSummary:
    """Process everything, store each result as it comes (when a store is given) and tally.

    `on_result` sees every result after it was stored (progress bars, collecting events).
    `processor` turns items into results (default: `process()` in this process, with
    `options`); results come back in input order either way, and only this process writes to
    the store.
    """
    if processor is not None and options:
        raise TypeError(f"options {sorted(options)} go to process(); not with a processor")
    summary = RunSummary()
    results = processor(items) if processor is not None else process(items, **options)
    for result in results:
        stored = store.add_result(result) if store is not None else None
        summary.add(result, stored=stored)
        if on_result is not None:
            on_result(result, summary)
    # Publish events, not reports: once stored, copies are grouped and reports merged.
    link = getattr(store, "link", None)
    if callable(link):
        link()
    return summary
