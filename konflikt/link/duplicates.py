"""Near-duplicate articles: syndicated wire copy and updated versions of one text.

Each article body becomes a set of word shingles, summarised by a MinHash; an LSH index finds
the candidate pairs in sub-quadratic time, and the candidates' exact shingle sets decide: their
Jaccard similarity, or, for a shortened copy, the share of the shorter text's shingles inside
the longer (a lower share between two articles of one source: an outlet's own update rewrites
more than another paper's edit). Exact, because a MinHash of 128 permutations estimates a
Jaccard similarity of 0.35 with a standard error of about 0.04: an edited copy at 0.35 was once
estimated at 0.23 and lost. Groups are the connected components of the accepted pairs. Every
version is kept: grouping only labels articles, it never drops one.

A group's id is the id of its first member in the order given (the store gives them in the order
they were stored), so adding a later copy never renames a group.

Signing (shingling and hashing a text) is the costly step; a caller that keeps the signatures
(the store does, `konflikt.store.links`) passes them back in and only new articles are signed.
The LSH is rebuilt from the signatures in the same order, so the result is exactly the one a
full recomputation gives.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from datasketch import LeanMinHash, MinHash, MinHashLSH

from konflikt.link.config import DuplicateConfig, load_config
from konflikt.link.unionfind import UnionFind
from konflikt.model import Article

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two articles judged copies of one text, with the similarity that decided it."""

    first: str
    second: str
    similarity: float


@dataclass(slots=True)
class Grouping:
    group_of: dict[str, str]  # article id -> duplicate_group (an article id)
    pairs: list[DuplicatePair]
    # The articles signed in this call (not found in the `signatures` passed in), to be kept.
    signed: dict[str, LeanMinHash] = field(default_factory=dict)

    def members(self, group: str) -> list[str]:
        return [a for a, g in self.group_of.items() if g == group]


def shingles(text: str, size: int) -> set[str]:
    """Lower-cased word n-grams; a text shorter than `size` words is one shingle."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def minhash(text: str, config: DuplicateConfig) -> LeanMinHash:
    sketch = MinHash(num_perm=config.num_perm, seed=1)  # a fixed seed: the same ids every run
    sketch.update_batch([shingle.encode("utf-8")
                         for shingle in shingles(text, config.shingle_size)])  # fmt: skip
    return LeanMinHash(sketch)  # no permutation tables: a tenth of the memory, storable


def similarity(a: set[str], b: set[str], config: DuplicateConfig) -> tuple[float, float]:
    """The Jaccard similarity of two shingle sets, and the share of the smaller set inside the
    larger (0 when the smaller has fewer than `config.min_contained_shingles` shingles: a short
    text is inside many others by chance)."""
    if not a or not b:
        return 0.0, 0.0
    shared = len(a & b)
    jaccard = shared / (len(a) + len(b) - shared)
    shorter = min(len(a), len(b))
    return jaccard, shared / shorter if shorter >= config.min_contained_shingles else 0.0


def _same_source(a: Article, b: Article) -> bool:
    """Whether two articles come from one outlet (an update of its own story)."""
    return bool(a.source and b.source and a.source.strip().lower() == b.source.strip().lower())


def to_bytes(sketch: LeanMinHash) -> bytes:
    buffer = bytearray(sketch.bytesize())
    sketch.serialize(buffer)
    return bytes(buffer)


def from_bytes(data: bytes) -> LeanMinHash | None:
    """A stored signature; None when the bytes are not one (the article is then signed again)."""
    try:
        return LeanMinHash.deserialize(data)
    except (ValueError, struct.error):
        return None


def group_articles(
    articles: Sequence[Article],
    config: DuplicateConfig | None = None,
    signatures: Mapping[str, LeanMinHash] | None = None,
) -> Grouping:
    """Duplicate groups for `articles` (in stored order). Singletons are their own group.

    `signatures` (article id -> sketch made with this config) are used instead of signing
    those articles again; the sketches made here come back in `Grouping.signed`.
    """
    config = config or load_config().duplicates
    known = signatures or {}
    signed: dict[str, LeanMinHash] = {}
    # LSH only proposes candidates, the estimated similarity decides: weigh missed pairs 9:1
    # over spurious candidates, so a copy just above the threshold is not lost to banding.
    lsh = MinHashLSH(
        threshold=config.candidate_threshold, num_perm=config.num_perm, weights=(0.1, 0.9)
    )
    sketches: dict[str, LeanMinHash] = {}
    order = {a.id: i for i, a in enumerate(articles)}
    union = UnionFind(order)
    pairs: list[DuplicatePair] = []
    by_id = {a.id: a for a in articles}
    shingled: dict[str, set[str]] = {}

    def shingle_set(article_id: str) -> set[str]:
        if article_id not in shingled:
            article = by_id[article_id]
            shingled[article_id] = shingles(article.text[article.body_start :], config.shingle_size)
        return shingled[article_id]

    for article in articles:
        if article.id in sketches:
            continue
        sketch = known.get(article.id)
        if sketch is None or len(sketch) != config.num_perm:
            sketch = signed[article.id] = minhash(article.text[article.body_start :], config)
        if sketch.is_empty():  # an empty body is nobody's copy
            sketches[article.id] = sketch
            continue
        for other in sorted(lsh.query(sketch), key=order.__getitem__):
            jaccard, contained = similarity(shingle_set(other), shingle_set(article.id), config)
            needed = (config.same_source_containment
                      if _same_source(article, by_id[other]) else config.containment)  # fmt: skip
            if jaccard >= config.threshold or contained >= needed:
                pairs.append(DuplicatePair(other, article.id, round(jaccard, 3)))
                union.union(other, article.id)
        lsh.insert(article.id, sketch)
        sketches[article.id] = sketch
    return Grouping(group_of={a: union.find(a) for a in order}, pairs=pairs, signed=signed)
