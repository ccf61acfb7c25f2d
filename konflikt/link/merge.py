"""Canonical events: reports from different articles that tell of one occurrence, merged.

Two events are candidates only when their PLOVER type is the same, they come from different
articles, their dates (where both are known) overlap within a slack, their places (where both
are known) lie within a distance, and neither was detached by an analyst. Each candidate pair
gets a score: the configured weight of every field that agrees, times how strongly it agrees
(`Agreement`), so a merge can always be explained field by field; the evidence
sentences' shared words count as one more field. Pairs at or above
`min_score` are joined (union-find), strongest first, unless the two clusters hold reports that
rule each other out (`_clusters_conflict`: days, places, an act upon one person against one
upon a counted group) or one article tells them as acts of two different parties
(`_told_apart`). A place only lent by the article (its main place, not named in the sentence)
does not part one copied sentence (`_copied_sentence`) nor two statements
(`MergeConfig.lent_place_types`). A cluster's `canonical_id` is derived from its first member's
event id in stored order, so it does not change when later reports join.

Nothing here rewrites an event: the result is a set of links, stored apart from the events
(`konflikt.store.links`), that can be undone.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import chain, combinations
from typing import Any

from konflikt.extract.occurrences import PRONOUNS
from konflikt.extract.scoring import content_words
from konflikt.link.config import MergeConfig, load_config
from konflikt.link.unionfind import UnionFind
from konflikt.model import Event, Location, Party
from konflikt.resolve.actors import resolve_actor
from konflikt.resolve.places import normalize, resolve_place

EARTH_KM = 6371.0088
# Norwegian inflects by suffix (-e, -er, -ene, -en); six letters keep the stem of most party
# words while telling apart e.g. 'russisk' from 'russland'.
STEM = 6


@dataclass(frozen=True, slots=True)
class Agreement:
    """How one field of two events compares: `score` in [0, 1], or None when not known on both."""

    field: str
    score: float | None
    detail: str
    veto: bool = False  # the field rules the merge out whatever the others say

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "score": self.score, "detail": self.detail}


@dataclass(frozen=True, slots=True)
class PairScore:
    """A candidate pair with its per-field agreement and weighted score."""

    first: str
    second: str
    score: float
    fields: tuple[Agreement, ...]

    def explanation(self) -> dict[str, Any]:
        return {
            "with": self.first,
            "score": round(self.score, 3),
            "fields": [a.to_dict() for a in self.fields],
        }


@dataclass(slots=True)
class Clustering:
    canonical_of: dict[str, str]  # event id -> canonical id
    # event id -> the accepted pair that joined it to an earlier member (none for the first)
    joined_by: dict[str, PairScore] = field(default_factory=dict)

    def clusters(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for event_id, canonical in self.canonical_of.items():
            out[canonical].append(event_id)
        return dict(out)


def canonical_id(first_event_id: str) -> str:
    """The id of the occurrence whose first stored report is `first_event_id`."""
    return hashlib.sha1(f"canonical|{first_event_id}".encode()).hexdigest()[:16]


def merge_events(
    events: Sequence[Event],
    *,
    detached: Collection[str] = (),
    config: MergeConfig | None = None,
    published: Mapping[str, str | None] | None = None,
    blocking: bool = True,
) -> Clustering:
    """Cluster `events` (in stored order) into occurrences; `detached` events stay alone.

    `published` (article id -> ISO date) bounds undated events: one happened at most
    `undated_window_days` before its article appeared, so undated reports weeks apart never
    merge.

    `blocking` scores only pairs that share a country and a week (`_candidates`); every pair
    it leaves out is one `score_pair` rules out, so the result is the same as scoring all pairs
    of one type (`blocking=False`, kept to test exactly that), only not quadratic in the store.
    """
    config = config or load_config().merge
    order = {ev.id: i for i, ev in enumerate(events)}
    union = UnionFind(order)
    accepted: list[PairScore] = []
    by_type: dict[str, list[Event]] = defaultdict(list)
    for ev in events:
        if ev.id not in detached:
            by_type[ev.event_type].append(ev)
    for same_type in by_type.values():
        pairs = (_candidates(same_type, config, published) if blocking
                 else combinations(same_type, 2))  # fmt: skip
        for a, b in pairs:
            pair = score_pair(a, b, config, published)
            if pair is not None and pair.score >= config.min_score:
                accepted.append(pair)
    # Strongest evidence first, so each event is explained by its best link into the cluster.
    accepted.sort(key=lambda p: (-p.score, order[p.first], order[p.second]))
    joined_by: dict[str, PairScore] = {}
    members: dict[str, list[Event]] = {ev.id: [ev] for ev in events}  # cluster root -> reports
    by_id = {ev.id: ev for ev in events}
    lent: set[str] = set()  # reports whose inherited place a copied sentence contradicted
    for pair in accepted:
        root_a, root_b = union.find(pair.first), union.find(pair.second)
        if root_a == root_b:
            continue
        # A cluster is one occurrence: a link between two reports must not join clusters
        # whose other reports happened on days or at places that rule each other out (a
        # vaguely placed or undated report would otherwise bridge two distinct occurrences).
        first, second = by_id[pair.first], by_id[pair.second]
        copy = _copied_sentence(first, second, config)
        if _clusters_conflict(members[root_a], members[root_b], config, published,
                              copy=copy, lent=lent):  # fmt: skip
            continue
        if _told_apart(members[root_a], members[root_b]):
            continue
        if copy and _hard_conflict(first, second, None, None, config):
            # one sentence placed apart by what each article lent it: those places are no
            # evidence against the cluster's later joins either
            lent.update(ev.id for ev in (first, second) if not _place_told(ev))
        later = pair.second if order[pair.second] > order[pair.first] else pair.first
        joined_by.setdefault(later, pair)
        root = union.union(pair.first, pair.second)
        members[root] = members.pop(root_a if root == root_b else root_b) + members[root]
    canonical_of = {ev_id: canonical_id(union.find(ev_id)) for ev_id in order}
    return Clustering(canonical_of=canonical_of, joined_by=joined_by)


def _told_apart(left: list[Event], right: list[Event]) -> bool:
    """Whether one article tells a report of each cluster as acts of two parties whose names
    share nothing ("the demonstrators demanded ..." and "MPs asked ..."): the clusters are then
    two occurrences however a third article's reports link them. Reports of one article that
    leave the actor out may still be one occurrence (a headline and its body sentence)."""
    by_article: dict[str | None, list[Event]] = defaultdict(list)
    for ev in left:
        if ev.actor is not None:
            by_article[ev.article_id].append(ev)
    for b in right:
        if b.actor is None:
            continue
        for a in by_article.get(b.article_id, ()):
            if compare_parties("actor", a.actor, b.actor).score == 0.0:
                return True
    return False


def _one_person(party: Party) -> bool:
    if party.kind != "person":
        return False
    words = (party.name or party.text).split()
    return len(words) >= 2 or (len(party.text.split()) == 1 and party.text.lower().endswith("en"))


def _person_and_group(a: Event, b: Event) -> bool:
    """Whether `a` is done to one person and `b` to a group the report counts (two or more):
    two acts ("PST arrested the speaker" / "the police detained 25 demonstrators"), which
    `score_pair` and the cluster check keep apart.
    One person: a full name ("Greg Johnson"), or a definite singular noun taken for a person
    ("høyreekstremisten"); a lone capitalised word the recogniser called a person may be a
    ship or a firm."""
    if a.recipient is None or b.recipient is None or not _one_person(a.recipient):
        return False
    rec = b.recipient
    return rec.start is not None and rec.end is not None and any(
        q.start is not None and rec.start <= q.start < rec.end and (q.best or q.low or 0) >= 2
        for q in b.quantities
    )


def _clusters_conflict(
    left: list[Event],
    right: list[Event],
    config: MergeConfig,
    published: Mapping[str, str | None] | None,
    *,
    copy: bool = False,
    lent: Collection[str] = (),
) -> bool:
    """Whether some report of `left` and some report of `right` cannot be one occurrence: in
    different countries, at places too far apart, or on days further apart than the slack.
    Joined by one sentence told in both (`copy`), places part two reports only where both
    sentences name theirs: a place a report only inherited from its article is no evidence;
    nor is the place of a report in `lent` (one a copy of its sentence contradicted)."""
    intervals = {id(ev): date_interval(ev, config, published) for ev in left + right}
    for a in left:
        for b in right:
            places = (
                a.id not in lent and b.id not in lent
                and (not copy or (_place_told(a) and _place_told(b)))
                and not _lent_countries(a, b, config)
            )  # fmt: skip
            if _hard_conflict(a, b, intervals[id(a)], intervals[id(b)], config, places=places):
                return True
    return False


def _hard_conflict(
    a: Event,
    b: Event,
    interval_a: tuple[date, date] | None,
    interval_b: tuple[date, date] | None,
    config: MergeConfig,
    *,
    places: bool = True,
) -> bool:
    """The conditions `score_pair` rules a pair out by, apart from type and article (places
    only with `places`)."""
    if _distinct_modes(a, b, config) or _person_and_group(a, b) or _person_and_group(b, a):
        return True
    if interval_a is not None and interval_b is not None:
        gap = max((interval_b[0] - interval_a[1]).days, (interval_a[0] - interval_b[1]).days)
        if gap > config.date_slack_days:
            return True
    if not places:
        return False
    country_a = a.location.country if a.location else None
    country_b = b.location.country if b.location else None
    if country_a and country_b and country_a != country_b:
        return True
    return compare_places(a.location, b.location, config.max_km).veto


def _candidates(
    events: list[Event], config: MergeConfig, published: Mapping[str, str | None] | None
) -> Iterator[tuple[Event, Event]]:
    """Pairs worth scoring, each once, earlier event first.

    Blocked by country: events in different countries never merge (`score_pair`), so only
    events of one country, or with no country, meet. Within that, blocked by week: each event
    is put in every week its date interval (`date_interval`, widened by the slack) touches, and
    two events meet in the week where the later of their first days falls; events further apart
    than the slack share no week, and `score_pair` would rule them out. Events with no interval
    meet every event of their block. Reports that copy one sentence (`_copied_sentence`) meet
    across countries too (`_copies_across_countries`), and so do statements whose countries
    their articles only lent them (`_lent_countries`).
    """
    position = {id(ev): i for i, ev in enumerate(events)}
    by_country: dict[str | None, list[Event]] = defaultdict(list)
    for ev in events:
        by_country[ev.location.country if ev.location else None].append(ev)
    unplaced = by_country.pop(None, [])
    for group in by_country.values():
        yield from _by_week(group, [], config, published)
    # Unplaced events meet each other once, and every placed event of every country.
    yield from _by_week(unplaced, [], config, published)
    for group in by_country.values():
        for a, b in _by_week(unplaced, group, config, published):
            yield (a, b) if position[id(a)] < position[id(b)] else (b, a)
    yield from _copies_across_countries(events, config, published)
    # statements placed only by their articles meet across countries too, each other and
    # statements whose sentences name their place
    statements = [ev for ev in events if ev.event_type in config.lent_place_types and _country(ev)]
    lent = [ev for ev in statements if not _place_told(ev)]
    told = [ev for ev in statements if _place_told(ev)]
    for a, b in chain(_by_week(lent, [], config, published),
                      _by_week(lent, told, config, published)):  # fmt: skip
        if _country(a) != _country(b) and not _copied_sentence(a, b, config):
            yield (a, b) if position[id(a)] < position[id(b)] else (b, a)


def _country(ev: Event) -> str | None:
    return ev.location.country if ev.location else None


def _copies_across_countries(
    events: list[Event], config: MergeConfig, published: Mapping[str, str | None] | None
) -> Iterator[tuple[Event, Event]]:
    """Pairs of events in two different countries whose sentences may be one sentence copied,
    earlier event first. Prefix filtering keeps it exact and far from quadratic: two stem sets
    sharing `copy_overlap` of the larger share a stem among each one's first
    `len - ceil(copy_overlap * len) + 1` stems in one global order, the rarest first (so that
    common words seldom open a list). Pairs whose dates rule them out (`score_pair` would) are
    passed over before their words are compared."""
    position = {id(ev): i for i, ev in enumerate(events)}
    frequency = Counter(word for ev in events if _country(ev)
                        for word in sentence_stems(ev.evidence.sentence))  # fmt: skip
    by_stem: dict[str, list[Event]] = defaultdict(list)
    seen: set[tuple[int, int]] = set()
    interval: dict[int, tuple[date, date] | None] = {}
    for ev in events:
        country = _country(ev)
        stems = sorted(sentence_stems(ev.evidence.sentence), key=lambda w: (frequency[w], w))
        if country is None or len(stems) < config.copy_min_words:
            continue
        interval[id(ev)] = span = date_interval(ev, config, published)
        prefix = len(stems) - math.ceil(config.copy_overlap * len(stems)) + 1
        for word in stems[:prefix]:
            for other in by_stem[word]:
                key = (position[id(other)], position[id(ev)])
                if key in seen or _country(other) == country:
                    continue
                seen.add(key)
                other_span = interval[id(other)]
                if span is not None and other_span is not None and max(
                    (span[0] - other_span[1]).days, (other_span[0] - span[1]).days
                ) > config.date_slack_days:
                    continue
                if _copied_sentence(other, ev, config):
                    yield other, ev
            by_stem[word].append(ev)


# A date interval longer than this (a decade, "since 2011") is treated as unbounded: it would
# sit in hundreds of week buckets and meet nearly everything anyway.
MAX_BLOCK_WEEKS = 60


def _by_week(
    left: list[Event],
    right: list[Event],
    config: MergeConfig,
    published: Mapping[str, str | None] | None,
) -> Iterator[tuple[Event, Event]]:
    """Pairs within `left` (when `right` is empty) or between `left` and `right`, blocked by
    week; pairs within `left` come in `left`'s order."""
    within = not right
    side = {id(ev): 0 for ev in left} | {id(ev): 1 for ev in right}
    rank = {id(ev): i for i, ev in enumerate(left + right)}
    weeks: dict[int, list[Event]] = defaultdict(list)
    first_day: dict[int, int] = {}
    unbounded: list[Event] = []
    for ev in left + right:
        interval = date_interval(ev, config, published)
        if interval is None:
            unbounded.append(ev)
            continue
        first, last = interval[0].toordinal(), interval[1].toordinal() + config.date_slack_days
        if last // 7 - first // 7 >= MAX_BLOCK_WEEKS:
            unbounded.append(ev)
            continue
        first_day[id(ev)] = first
        for week in range(first // 7, last // 7 + 1):
            weeks[week].append(ev)

    def wanted(a: Event, b: Event) -> bool:
        return within or side[id(a)] != side[id(b)]

    def ordered(a: Event, b: Event) -> tuple[Event, Event]:
        return (a, b) if rank[id(a)] < rank[id(b)] else (b, a)

    for week, members in weeks.items():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if wanted(a, b) and max(first_day[id(a)], first_day[id(b)]) // 7 == week:
                    yield ordered(a, b)
    bounded = [ev for ev in left + right if id(ev) in first_day]
    for i, a in enumerate(unbounded):
        for b in unbounded[i + 1 :]:
            if wanted(a, b):
                yield ordered(a, b)
        for b in bounded:
            if wanted(a, b):
                yield ordered(a, b)


def date_interval(
    ev: Event, config: MergeConfig, published: Mapping[str, str | None] | None
) -> tuple[date, date] | None:
    """The days an event can have happened on: its date, or, undated, the window before its
    article appeared (when publication dates are given); None when unbounded."""
    span = _span(ev)
    if span is None and published:
        span = _window(published.get(ev.article_id or ""), config.undated_window_days)
    return span


def score_pair(
    a: Event, b: Event, config: MergeConfig, published: Mapping[str, str | None] | None = None
) -> PairScore | None:
    """The pair's agreement, or None when a hard condition rules the merge out.

    The score is the weighted mean agreement over the fields known on both sides: a field
    one report leaves out neither helps nor hurts, and a pair must have enough weight of
    known fields (`min_known_weight`) to be judged at all.
    """
    if a.event_type != b.event_type or a.article_id == b.article_id:
        return None
    if _distinct_modes(a, b, config):
        return None  # a curfew and a state of emergency: two measures
    if _person_and_group(a, b) or _person_and_group(b, a):
        return None  # one man arrested, 25 detained: two acts
    # One sentence copied into two articles (a wire and its update) tells one occurrence;
    # a place that only one article's context lent it does not part them.
    copy = _copied_sentence(a, b, config)
    inherited = copy and not (_place_told(a) and _place_told(b)) or _lent_countries(a, b, config)
    country_a = a.location.country if a.location else None
    country_b = b.location.country if b.location else None
    if country_a and country_b and country_a != country_b and not inherited:
        return None  # two countries: two occurrences, even across a border a few km wide
    date_agreement = compare_dates(a, b, config.date_slack_days)
    if date_agreement.score is None and published:
        date_agreement = compare_windows(a, b, config, published)
    place_agreement = compare_places(a.location, b.location, config.max_km)
    if inherited and (place_agreement.veto or country_a != country_b):
        why = "one sentence copied" if copy else "a statement"
        place_agreement = Agreement(
            "place", None, f"{place_agreement.detail}; {why}, its place only lent by its article"
        )
    if date_agreement.veto or place_agreement.veto:
        return None
    fields = (
        compare_types(a, b),
        date_agreement,
        place_agreement,
        *compare_roles(a, b),
        compare_words(a, b),
    )
    known = [f for f in fields if f.score is not None]
    known_weight = sum(config.weights[f.field] for f in known)
    if known_weight < config.min_known_weight and not copy:
        return None
    by_field = {f.field: f.score for f in fields}
    if by_field["actor"] is None and by_field["recipient"] is None and not by_field["words"]:
        # no party known on both and not one word shared: type, place and day alone do not
        # tell one evacuation from a rescue attempt in the same street that day
        return None
    score = sum(config.weights[f.field] * (f.score or 0.0) for f in known) / known_weight
    return PairScore(first=a.id, second=b.id, score=score, fields=fields)


def _distinct_modes(a: Event, b: Event, config: MergeConfig) -> bool:
    return bool(a.mode and b.mode and a.mode != b.mode
                and a.event_type in config.distinct_mode_types)  # fmt: skip


def compare_types(a: Event, b: Event) -> Agreement:
    """Same type (a precondition); modes that both name and differ (an airstrike told as
    "aerial" and as "drone") agree only half. Types whose modes are different acts
    (`MergeConfig.distinct_mode_types`) never get here with two modes: `score_pair` rules
    the pair out."""
    if a.mode and b.mode and a.mode != b.mode:
        return Agreement("type", 0.5, f"{a.event_type}, modes {a.mode} / {b.mode}")
    mode = a.mode or b.mode
    return Agreement("type", 1.0, a.event_type + (f"/{mode}" if mode else ""))


def compare_words(a: Event, b: Event) -> Agreement:
    """Word stems the two evidence sentences share, over the shorter sentence's stems."""
    stems_a = sentence_stems(a.evidence.sentence)
    stems_b = sentence_stems(b.evidence.sentence)
    if not stems_a or not stems_b:
        return Agreement("words", None, "an empty evidence sentence")
    shared = stems_a & stems_b
    score = len(shared) / min(len(stems_a), len(stems_b))
    return Agreement("words", score, f"{len(shared)} shared: {', '.join(sorted(shared)[:8])}")


def stem(word: str) -> str:
    """A word cut to STEM letters, a Nynorsk plural ending first read as its Bokmål one
    ("piratane" / "piratene", "soldatar" / "soldater"), so the two standards' reports meet."""
    if len(word) > 5 and word.endswith("ane"):
        word = word[:-3] + "ene"
    elif len(word) > 4 and word.endswith("ar"):
        word = word[:-2] + "er"
    if word.startswith(_NOT_POLICE):
        return _NOT_POLICE  # "politiske" (political) is no "politiet" (police)
    return word[:STEM]


# The one cut of STEM letters that joins two words this domain keeps apart most: the police
# and the political leadership ("Den lokale politiske leiinga krev at politiet ...").
_NOT_POLICE = "politisk"


@lru_cache(maxsize=65536)
def sentence_stems(sentence: str) -> frozenset[str]:
    """The content words of an evidence sentence, cut to STEM letters."""
    return frozenset(stem(w) for w in content_words(sentence))


def _copied_sentence(a: Event, b: Event, config: MergeConfig) -> bool:
    """Whether the two evidence sentences are one sentence copied (an edit may change a word
    or a figure): `copy_overlap` of the larger set of content-word stems shared, and at least
    `copy_min_words` of them."""
    stems_a = sentence_stems(a.evidence.sentence)
    stems_b = sentence_stems(b.evidence.sentence)
    shared = len(stems_a & stems_b)
    return shared >= config.copy_min_words and (
        shared >= config.copy_overlap * max(len(stems_a), len(stems_b))
    )


def _lent_countries(a: Event, b: Event, config: MergeConfig) -> bool:
    """Whether two statements (`MergeConfig.lent_place_types`) are in two countries only by
    what an article lent one of them: a sentence that names no place takes the article's main
    place, which is where the story is, not where a minister spoke or a report came out
    ("Saudi Arabia" in one write-up of a UN report, "Istanbul" in another, "Genève" where a
    third names where it was presented)."""
    country_a = a.location.country if a.location else None
    country_b = b.location.country if b.location else None
    return bool(
        a.event_type in config.lent_place_types and country_a and country_b
        and country_a != country_b and not (_place_told(a) and _place_told(b))
    )  # fmt: skip


def _place_told(ev: Event) -> bool:
    """Whether the event's place is named in its own evidence sentence (not lent by the
    article's main place or an earlier sentence), other than as one of its parties: in "USA
    har bedt Danmark om soldater" Denmark is asked, not where the asking was."""
    loc = ev.location
    if loc is None or loc.start is None or not ev.evidence.start <= loc.start < ev.evidence.end:
        return False
    return not any(
        party is not None and party.start is not None and party.end is not None
        and party.start <= loc.start < party.end
        for party in (ev.actor, ev.recipient)
    )  # fmt: skip


def compare_dates(a: Event, b: Event, slack_days: int) -> Agreement:
    """Overlapping dates agree, dates within the slack half; further apart they rule the
    merge out."""
    span_a, span_b = _span(a), _span(b)
    if span_a is None or span_b is None:
        return Agreement("date", None, "not known on both")
    gap = max((span_b[0] - span_a[1]).days, (span_a[0] - span_b[1]).days, 0)
    if gap == 0:
        return Agreement("date", 1.0, f"overlap ({span_a[0]} / {span_b[0]})")
    if gap <= slack_days:
        return Agreement("date", 0.5, f"{gap} day(s) apart, within the slack")
    return Agreement("date", 0.0, f"{gap} days apart", veto=True)


def compare_windows(
    a: Event, b: Event, config: MergeConfig, published: Mapping[str, str | None]
) -> Agreement:
    """For a pair with an undated event: its window is the days before its article appeared.
    Windows that cannot overlap rule the merge out (score 0); otherwise the date stays unknown."""
    window_a = _span(a) or _window(published.get(a.article_id or ""), config.undated_window_days)
    window_b = _span(b) or _window(published.get(b.article_id or ""), config.undated_window_days)
    if window_a is None or window_b is None:
        return Agreement("date", None, "not known on both")
    gap = max((window_b[0] - window_a[1]).days, (window_a[0] - window_b[1]).days, 0)
    if gap > config.date_slack_days:
        return Agreement("date", 0.0, f"undated, but reported {gap} days apart", veto=True)
    return Agreement("date", None, "not known on both (publication dates compatible)")


def _window(day: str | None, days: int) -> tuple[date, date] | None:
    if not day:
        return None
    try:
        end = date.fromisoformat(day[:10])
    except ValueError:
        return None
    return end - timedelta(days=days), end


def compare_places(a: Location | None, b: Location | None, max_km: float) -> Agreement:
    if a is None or b is None:
        return Agreement("place", None, "not known on both")
    districts = _different_districts(a, b)
    if districts:
        return Agreement("place", 0.0, districts, veto=True)
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)
        coarse = "country" in (a.precision, b.precision)
        if coarse and a.country and a.country == b.country:
            return Agreement("place", 0.5, f"same country {a.country}, one only at country level")
        region = _region_holding(a, b) or _region_holding(b, a)
        if region and km > max_km:
            return Agreement("place", 0.5, f"one only at region level ({region})")
        if km <= max_km:
            return Agreement("place", 1.0 - 0.5 * km / max_km, f"{km:.1f} km apart")
        return Agreement("place", 0.0, f"{km:.0f} km apart", veto=True)
    if a.country and b.country:
        if a.country != b.country:
            return Agreement("place", 0.0, f"different countries {a.country} / {b.country}",
                             veto=True)
        return Agreement("place", 0.5, f"same country {a.country}")
    words = content_words(a.name or a.text) & content_words(b.name or b.text)
    if words:
        return Agreement("place", 1.0, f"same name ({', '.join(sorted(words))})")
    return Agreement("place", None, "no coordinates or country to compare")


def _different_districts(a: Location, b: Location) -> str | None:
    """Two places in one town under two names the gazetteer does not know as that town
    ("Husby" and "Vårberg", both placed at Stockholm by `konflikt.extract.where`): two places,
    however close the town's coordinates put them. A name holding the other ("Vårberg" /
    "Vårbergs") or the town itself on one side is no disagreement."""
    town_a, town_b = a.geonames_id or a.name, b.geonames_id or b.name
    if town_a is None or town_a != town_b:
        return None
    name_a, name_b = normalize(a.text), normalize(b.text)
    if name_a in name_b or name_b in name_a or not (_sub_place(a) and _sub_place(b)):
        return None
    return f"two places in {a.name}: {a.text} / {b.text}"


@lru_cache(maxsize=4096)
def _unknown_place(text: str) -> bool:
    return resolve_place(text) is None


def _sub_place(loc: Location) -> bool:
    """Whether `loc` names a smaller place (a district) by its town's coordinates."""
    return bool(loc.text) and normalize(loc.text) != normalize(loc.name or "") and (
        _unknown_place(loc.text)
    )


def _region_holding(region: Location, place: Location) -> str | None:
    """The region's name when `region` is a first-level region that holds `place`: a
    province's centroid can lie far from a town in it, and that is no disagreement."""
    if region.precision != "admin1" or region.country != place.country:
        return None
    names = {n for n in (region.admin1, region.name) if n}
    return place.admin1 if place.admin1 in names else None


def compare_roles(a: Event, b: Event) -> tuple[Agreement, Agreement]:
    """Actor with actor and recipient with recipient; but when each report names one party only
    and in the other role ("elleve personer er tiltalt" codes the accused as recipient, "elleve
    personer står tiltalt" as actor), the two named parties are compared with each other, and
    count as the actor's agreement when they are the same party (a mismatch of roles is no
    evidence against the merge, so it then stays unknown)."""
    actor = compare_parties("actor", a.actor, b.actor)
    recipient = compare_parties("recipient", a.recipient, b.recipient)
    only_a = a.actor if a.recipient is None else a.recipient if a.actor is None else None
    only_b = b.actor if b.recipient is None else b.recipient if b.actor is None else None
    crossed = (a.actor is None) != (b.actor is None)
    if actor.score is None and recipient.score is None and crossed and only_a and only_b:
        across = compare_parties("actor", only_a, only_b)
        if across.score:
            return Agreement("actor", across.score, f"across roles: {across.detail}"), recipient
    return actor, recipient


def compare_parties(
    role: str, a: Party | None, b: Party | None, *, same_kind: bool = True
) -> Agreement:
    """Same entity: 1; shared word stems (inflection folded): their share, at least 0.5;
    only the same country (two Russian parties), or (`same_kind`) the same kind with a country
    on at most one side: 0.5; else 0."""
    if a is None or b is None:
        return Agreement(role, None, "not known on both")
    town_a, town_b = _TOWN_OF_PARTY.search(a.text), _TOWN_OF_PARTY.search(b.text)
    if town_a and town_b and town_a.group(1).lower() != town_b.group(1).lower():
        # "påtalemyndigheten i Ragusa" and "... i Agrigento": one kind of body, two bodies
        return Agreement(role, 0.0, f"in {town_a.group(1)} / in {town_b.group(1)}")
    if a.name and b.name and a.name == b.name:
        return Agreement(role, 1.0, f"same entity {a.name}")
    if a.text.strip().lower() == b.text.strip().lower():
        return Agreement(role, 1.0, f"same words '{a.text}'")  # "alle" has no content word
    if _bare_pronoun(a) or _bare_pronoun(b):
        # "De krever ..." in one report, "Demonstrantene ..." in another: a pronoun the
        # extractor could not resolve says nothing for or against
        return Agreement(role, None, f"'{a.text}' / '{b.text}': a pronoun not resolved")
    if _named_person(a) and _named_person(b):
        # "Donald Trump" and "Lindsey Graham": two people, however alike their country or the
        # words around them ("Trumps nære venn i Senatet, Lindsey Graham")
        return Agreement(role, 0.0, f"two persons, {a.name} / {b.name}")
    stems_a, stems_b = party_stems(a), party_stems(b)
    shared = stems_a & stems_b
    if shared:
        jaccard = len(shared) / len(stems_a | stems_b)
        return Agreement(role, max(0.5, jaccard), f"shared words: {', '.join(sorted(shared))}")
    if a.country and a.country == b.country:
        return Agreement(role, 0.5, f"same country {a.country}")
    kind_a, kind_b = _KIND_FAMILY.get(a.kind, a.kind), _KIND_FAMILY.get(b.kind, b.kind)
    if same_kind and kind_a and kind_a == kind_b and a.name and b.name and (
        a.country is None or b.country is None
    ):
        # "statsministeren" (a government of no country named) and "Solberg" (Norway's), or
        # "demonstrantene" and "rundt 20.000 mennesker" (civilians, neither says whose): the
        # text does not say they differ, so they may be one
        named = a.country or b.country
        whose = f"one of {named}" if named else "one of none named either"
        return Agreement(role, 0.5, f"a {kind_a} of no country named and {whose}")
    return Agreement(role, 0.0, f"'{a.text}' / '{b.text}' share nothing")


def _bare_pronoun(party: Party) -> bool:
    return party.name is None and party.text.strip().lower() in PRONOUNS


def _named_person(party: Party) -> bool:
    """A person named in full (first and last name), as resolved: of kind "person", or an
    office holder the registry files under a body ("Donald Trump": government, United
    States)."""
    if party.name is None or len(party.name.split()) < 2:
        return False
    return party.kind == "person" or _holds_office(party.name)


@lru_cache(maxsize=4096)
def _holds_office(name: str) -> bool:
    ref = resolve_actor(name)
    return ref is not None and ref.affiliation is not None and ref.name == name


# Kinds that one story's reports use for one body: "sikkerhetsstyrkene" in one report of a
# crackdown is "politiet" or "opprørspoliti" in another.
_KIND_FAMILY = {"police": "state_forces"}


# The town an institution is named by: "politiet i Oslo", "påtalemyndigheten i Agrigento".
_TOWN_OF_PARTY = re.compile(r"\s(?:i|in)\s+([A-ZÆØÅ][\w'’-]+)")


def party_stems(party: Party) -> set[str]:
    """Content words cut to STEM letters, so 'russiske' and 'russisk', 'styrker' and
    'styrkene' meet; a canonical name's words count too."""
    words = content_words(f"{party.text} {party.name or ''}")
    return {stem(w) for w in words}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _span(ev: Event) -> tuple[date, date] | None:
    if ev.date is None or not ev.date.start:
        return None
    try:
        start = date.fromisoformat(ev.date.start[:10])
        end = date.fromisoformat(ev.date.end[:10]) if ev.date.end else start
    except ValueError:
        return None
    if end < start:
        start, end = end, start
    if _NIGHT_BEFORE.match(ev.date.text or ""):
        # "natt til lørdag" is coded as Saturday but began on Friday evening: another report
        # may date it "fredag"
        start -= timedelta(days=1)
    return start, end


_NIGHT_BEFORE = re.compile(r"natt(?:a|en)?\s+til\s", re.IGNORECASE)


__all__ = [
    "Agreement", "Clustering", "PairScore", "canonical_id", "compare_dates", "compare_parties",
    "compare_places", "compare_types", "compare_windows", "compare_words", "date_interval",
    "haversine_km", "merge_events", "party_stems", "score_pair",
]  # fmt: skip
