"""From articles to events: the result record that the pipeline hands to the store.

Only the `ArticleResult` record lives here for now; engineer D1 adds `process()`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from konflikt.model import Article, Event, InputProblem


@dataclass(slots=True)
class ArticleResult:
    """What processing one input gave: the article and its events, or the problem that stopped it.

    `article` is None when the input never became an article (then `problem` says why); an article
    whose extraction failed has `problem` set and no events.
    """

    article: Article | None
    events: list[Event] = field(default_factory=list)
    problem: InputProblem | None = None
