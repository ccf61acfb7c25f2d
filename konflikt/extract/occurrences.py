"""One event per occurrence (manual §1): retellings merged into the first, most informative
telling; headlines and captions only for what the body never tells; figures and answers carried
between tellings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from konflikt.extract.context import Part
from konflikt.extract.parties import PartySpan
from konflikt.model import Event, EventDate, Location, Party, Quantity

PERSON_PRONOUNS = frozenset({"han", "hun", "ho", "ham", "henne"})
PRONOUNS = PERSON_PRONOUNS | {"de", "dei", "dem", "vi", "oss", "den", "det", "seg", "hen"}


@dataclass(slots=True)
class Candidate:
    event: Event
    part: Part
    sentence_index: int
    actor_key: str | None
    recipient_key: str | None
    anaphoric: bool = False  # "angrepet", "demonstrasjonene": points back to a told event
    lemma: str = ""  # the cue lemma
    perfect: bool = False  # told in the present perfect ("har arrestert", "er pågrepet")


CASUALTIES = frozenset({"killed", "injured", "abducted", "arrested"})


def party_key(party: Party | None, span: PartySpan | None, doc: Doc) -> str | None:
    """What tells two tellings' parties apart: the canonical name of a named party and the
    head word, joined by "|" (see `_same_key`)."""
    if party is None or span is None:
        return None
    if party.text.lower() in PRONOUNS and not party.name:
        return None  # "De er pågrepet": says nothing about which occurrence
    tokens = doc[span.start : span.end]
    # a canonical name tells occurrences apart only for named parties: generic ones
    # ("Civilians", "Police") would make every protest or arrest the same
    named = bool(party.name) and (
        any(t.text[:1].isupper() for t in tokens[1:])
        or tokens[0].pos_ == "PROPN"
        or party.kind == "person"
    )
    head = doc[span.head]
    head_key = (head.lemma_ or head.lower_).lower()[:5]
    return f"{party.name.lower() if named and party.name else ''}|{head_key}"


def _same_key(a: str, b: str) -> bool:
    """Same party: the same canonical name, or the same head word ("Ledere i IS", "deres
    ledere")."""
    name_a, _, head_a = a.partition("|")
    name_b, _, head_b = b.partition("|")
    return (bool(name_a) and name_a == name_b) or head_a == head_b


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or _same_key(a, b)


def _dates_apart(a: EventDate | None, b: EventDate | None) -> bool:
    """Whether two resolved dates cannot be the same occurrence (their ranges do not meet)."""
    if a is None or b is None or not (a.start and b.start):
        return False
    return (a.end or a.start) < b.start or (b.end or b.start) < a.start


def _same_place(a: Location | None, b: Location | None) -> bool:
    return a is None or b is None or (a.name or a.text) == (b.name or b.text)


def _new_named_actor(c: Candidate, k: Candidate) -> bool:
    """A named actor the earlier telling lacks ("Britiske RAF deltar også i slaget"): news."""
    name = (c.actor_key or "").partition("|")[0]
    return bool(name) and name != (k.actor_key or "").partition("|")[0]


def _duplicate(c: Candidate, kept: Iterable[Candidate], lenient: bool) -> Candidate | None:
    """The kept candidate that `c` retells, or None."""
    for k in kept:
        if k.event.event_type != c.event.event_type:
            continue
        if k.event.mode and c.event.mode and k.event.mode != c.event.mode:
            continue
        if _dates_apart(k.event.date, c.event.date):
            continue
        if "future" in (k.event.stance, c.event.stance) and k.event.stance != c.event.stance:
            continue  # what is planned is not what was done ("Vi kommer til å utvise ...")
        if lenient and c.anaphoric and not _new_named_actor(c, k):
            return k  # "Drapet har skapt reaksjoner": the killing told before
        if not (_compatible(k.actor_key, c.actor_key) and
                _compatible(k.recipient_key, c.recipient_key)):  # fmt: skip
            continue
        partyless = c.actor_key is None and c.recipient_key is None
        if partyless and _same_place(k.event.location, c.event.location) and (
            k.event.stance == c.event.stance
        ) and k.lemma == c.lemma:
            return k  # "Personene som var anholdt, ble innbrakt": the arrest told before
        same = (c.actor_key is not None and k.actor_key is not None
                and _same_key(c.actor_key, k.actor_key)) or (
            c.recipient_key is not None and k.recipient_key is not None
            and _same_key(c.recipient_key, k.recipient_key)
        )  # fmt: skip
        if same or lenient and not _new_named_actor(c, k):
            return k
    return None


ANSWERS = frozenset({"REJECT", "AGREE", "CONCEDE"})


ANSWER_DISTANCE = 6  # sentences: how far back an answer looks for the request it answers


def answers_to_requests(candidates: list[Candidate]) -> None:
    """A refusal or an agreement with no one named answers the latest request before it
    ("USA har bedt Tyskland om soldater. Tyskland har avvist forespørselen."): its recipient
    is the one who asked."""
    last_request: Candidate | None = None
    for c in candidates:
        e = c.event
        if e.event_type == "REQUEST" and e.actor is not None and e.actor.start is not None:
            last_request = c
        elif (e.event_type in ANSWERS and e.recipient is None and last_request is not None
              and c.sentence_index - last_request.sentence_index <= ANSWER_DISTANCE
              and not _denial(e)):  # fmt: skip
            asker = last_request.event.actor
            if asker is not None and not (e.actor is not None and e.actor.text == asker.text):
                e.recipient = Party(
                    text=asker.text, start=asker.start, end=asker.end, name=asker.name,
                    kind=asker.kind, country=asker.country,
                )  # fmt: skip


def _denial(event: Event) -> bool:
    """"avviser at det pågår samtaler": a denial of something said, not an answer to a request."""
    if event.trigger_end is None:
        return False
    after = event.evidence.sentence[event.trigger_end - event.evidence.start :].lower().split()
    return bool(after) and after[0] in ("at", "påstandene", "anklagene", "opplysningene")


def add_quantities(event: Event, extra: list[Quantity]) -> None:
    have = {q.best for q in event.quantities}
    for q in extra:
        if q.best not in have:
            event.quantities.append(Quantity(**{f: getattr(q, f) for f in q.__slots__}))
            have.add(q.best)


def casualties_follow(candidates: list[Candidate], quantities: dict[int, list[Quantity]],
                       paragraph_of: list[int]) -> None:  # fmt: skip
    """Casualty figures in the next sentence of the paragraph belong to a violent event told
    just before ("... brukte tåregass. Røde Kors sier om lag 130 er skadet.")."""
    violent = ("ASSAULT", "PROTEST")
    told_in = {c.sentence_index for c in candidates if c.event.event_type in violent}
    for c in candidates:
        nxt = c.sentence_index + 1
        if c.event.event_type not in violent or nxt in told_in or nxt not in quantities:
            continue
        if paragraph_of[nxt] != paragraph_of[c.sentence_index]:
            continue
        add_quantities(c.event, [q for q in quantities[nxt] if q.what in CASUALTIES])


def dedupe(candidates: list[Candidate]) -> list[Event]:
    """One event per occurrence: body sentences first, in order; headline and captions only for
    events the body does not tell."""
    kept: list[Candidate] = []
    for c in candidates:
        if c.part is not Part.BODY:
            continue
        twin = _duplicate(c, kept, lenient=c.anaphoric)
        if twin is None:
            kept.append(c)
        else:  # a retelling may add a figure ("Rundt 300 opprørere skal ha forlatt leiren")
            add_quantities(twin.event, c.event.quantities)
    body = list(kept)
    for c in candidates:
        if c.part is Part.BODY:
            continue
        # A headline or caption restates the body: it only counts for an event of a type
        # (and mode) the body does not tell.
        told = any(
            k.event.event_type == c.event.event_type
            and (k.event.mode == c.event.mode or None in (k.event.mode, c.event.mode))
            for k in body
        )
        others = [k for k in kept if k.part is not Part.BODY]
        if not told and _duplicate(c, others, lenient=False) is None:
            kept.append(c)
        elif told and c.part is Part.TITLE:
            # the headline's figures belong to the body's telling ("Ni sjøfolk kidnappet")
            first = next(k for k in body if k.event.event_type == c.event.event_type)
            add_quantities(first.event, c.event.quantities)
    kept.sort(key=lambda c: (c.event.evidence.start, c.event.trigger_start or 0))
    return [c.event for c in kept]


NARRATIVE_SENTENCES = 3  # how far a day carries to the events told after it
DEEDS = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "AID", "SANCTION"})


def carry_dates(candidates: list[Candidate]) -> None:
    """Events told right after a dated one, with no time of their own, happened that day
    ("Politiet pågrep 200 personer fredag kveld. ... Utpå kvelden kastet demonstranter stein
    ..."): the body's latest day carries over a few sentences, to events reported as done in
    the narrative past; a deed of a type told with its own day a few sentences before takes
    that day instead, and a result told in the present perfect takes none."""
    last: Candidate | None = None
    dated: list[Candidate] = []  # the body's deeds told with one day of their own, in order
    for c in candidates:
        if c.part is not Part.BODY:
            continue
        date = c.event.date
        if date is not None and date.start and date.precision == "day":
            if c.event.stance in ("asserted", "hedged") and date.start == date.end:
                last = c
                dated.append(c)
            continue
        if date is not None or last is None or c.event.stance not in ("asserted", "hedged"):
            continue
        if c.event.event_type not in DEEDS:
            continue  # a statement is dated by when it was made, not by the deed before it
        if c.perfect:
            continue  # "har arrestert", "er pågrepet": a result as of now, not that day's deed
        # A deed of a type the body already told with its own day is that telling retold
        # ("pågrep lørdag to menn ... McKee ble drept torsdag ... Mennene ble pågrepet"): its
        # day, not the latest day of another deed.
        if c.sentence_index - last.sentence_index > NARRATIVE_SENTENCES:
            continue
        same_type = next((k for k in reversed(dated) if k.event.event_type == c.event.event_type
                          and c.sentence_index - k.sentence_index <= NARRATIVE_SENTENCES), None)
        given = (same_type or last).event.date
        assert given is not None
        c.event.date = EventDate(
            text=given.text, start=given.start, end=given.end, precision=given.precision,
            span_start=given.span_start, span_end=given.span_end,
        )  # fmt: skip
