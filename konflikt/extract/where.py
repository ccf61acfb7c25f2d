"""Where an event happened: the place named in its sentence (the trigger's clause first, after
a place preposition first, finest first, nearest first), else the country of a court or police
force the sentence names by nationality ("en italiensk domstol"), else the town "byen" points
back to, else the article's main place."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from konflikt.extract import resolution
from konflikt.extract.parties import CHAIN, is_passive, verb_chain
from konflikt.extract.triggers import Trigger, clause_bounds
from konflikt.model import Article, Location

if TYPE_CHECKING:
    from konflikt.extract.events import _ArticleState


PLACE_NOUNS = frozenset({"byen", "landsbyen", "havnebyen", "hovedstaden", "provinsen",
                         "regionen", "området", "fylket", "delstaten", "bydelen"})  # fmt: skip


PLACE_PREPS = frozenset({"i", "på", "ved", "utenfor", "nær", "sør", "nord", "øst", "vest", "fra"})


MAIN_PLACE_CHARS = 1000


def event_location(
    sent: Span, trig: Trigger, state: _ArticleState, taken: list[tuple[int, int]],
    actor_range: tuple[int, int] | None = None,
) -> Location | None:
    """The event's place: a place named in the sentence (in the trigger's clause first, after a
    place preposition first, finest first, nearest first), not one that names a party or the
    speaker (`taken`: their character spans in the sentence); else the article's main place."""
    mentions = [
        m for m in span_places(sent)
        if m.start is not None and m.end is not None
        and not any(m.start < e and s < m.end for s, e in taken)
        and not _genitive_country(m, sent.text)
        and not (m.text.isupper() and m.precision != "country")  # "IS" is no town "Is"
    ]  # fmt: skip
    if not mentions:
        main = state.main()
        # "En italiensk domstol dømte ...": no place named, but the court's country is; it
        # outranks a story place in another country (the accused's home, say), not a finer
        # place in the same country
        named = [loc for loc in resolution.institution_countries(sent.text)
                 if main is None or loc.country != main.country]  # fmt: skip
        if named:
            loc = named[0]
            if loc.start is not None and loc.end is not None:
                loc.start += sent.start_char + state.offset
                loc.end += sent.start_char + state.offset
            return loc
        if _THE_TOWN_RE.search(sent.text):
            # "sendt soldater inn i byen": the town the article named last, not the country
            # the headline names most
            town = _last_town_before(sent)
            if town is not None and (main is None or main.country in (None, town.country)):
                return town
        return copy_location(main)
    trig_char = trig.token.idx - sent.start_char
    lo, hi = clause_bounds(sent.text, trig_char)
    rank = {"place": 0, "admin1": 1, "country": 2, None: 3}

    def score(loc: Location) -> tuple[int, int, int, int, int]:
        start = loc.start or 0
        before = sent.text[max(0, start - 24) : start].lower().split()
        if before and before[-1] in PLACE_NOUNS:  # "i byen Ségou"
            before = before[:-1]
        prep = 0 if before and (
            before[-1] in PLACE_PREPS or before[-2:] == ["ut", "av"]  # "trakk seg ut av Sake"
        ) else 1
        outside = 0 if lo <= start < hi else 1
        return (outside, _describes_noun(sent, start, trig, actor_range), prep,
                rank.get(loc.precision, 3), abs(start - trig_char))  # fmt: skip

    best = min(mentions, key=score)
    fronted = next((m for m in mentions if _FRONTED_RE.fullmatch(sent.text[: m.start or 0])), None)
    if (fronted is not None and fronted is not best and fronted.country != best.country
            and score(fronted)[:3] == score(best)[:3]):  # fmt: skip
        # "I Hongkong demonstrerte tusenvis mot styret i Beijing": a place the sentence opens
        # with sets its scene; a finer place only wins within the same country
        best = fronted
    if score(best)[1]:
        # only a place that describes a party ("en opprørsgruppe i Syria"): the story's own
        # place is better when it lies in that country and is finer
        main = state.main()
        if main is not None and main.country == best.country and (
            rank.get(main.precision, 3) < rank.get(best.precision, 3)
        ):
            return copy_location(main)
    loc = copy_location(best)
    if loc is not None and best.start is not None and best.end is not None:
        loc.start = sent.start_char + best.start + state.offset
        loc.end = sent.start_char + best.end + state.offset
    return loc


# A sentence that opens with a place adverbial: "I Hongkong ...", "På Gaza-stripen ...".
_FRONTED_RE = re.compile(r"\s*(?:I|På|Fra|Inne i|Utenfor)\s+", re.IGNORECASE)

# "i byen", "inn i byen", "ut av byen" with no name after it: the town told of before.
_THE_TOWN_RE = re.compile(r"\b(?:i|til|fra|ut av|rundt|utenfor|gjennom)\s+byen\b(?!\s+[A-ZÆØÅ])")


def _last_town_before(sent: Span) -> Location | None:
    """The latest town (a place, not a region or country) named in the sentences before."""
    doc = sent.doc
    end = sent.start
    while end > 0:
        prev = doc[end - 1].sent
        towns = [loc for loc in span_places(prev) if loc.precision == "place"]
        if towns:
            town = copy_location(towns[-1])
            if town is not None:  # its offsets are in another sentence: not this event's text
                town.start = town.end = None
            return town
        end = prev.start
    return None


# From the end of the actor's name to a place: "(SDF), en kurdiskdominert opprørsgruppe i ".
_APPOSITION_BEFORE_PLACE = re.compile(
    r"\s*(?:\([^()]{1,20}\))?\s*,\s*(?:en|ei|et)\s[^,.;:]{0,80}\s(?:i|fra|på)\s+", re.IGNORECASE
)


def _describes_noun(sent: Span, start: int, trig: Trigger, actor: tuple[int, int] | None) -> int:
    """1 for a place in a phrase that describes the actor ("en opprørsgruppe i Syria"): where
    the actor is from, not necessarily where the event is (the place of an attacked object,
    "kontorer i Nord-Libanon", is the event's); else 0. `actor`: its token range."""
    doc = sent.doc
    if actor is not None and actor[1] <= sent.end and actor[1] > sent.start:
        # "SDF, en opprørsgruppe i Syria, har ...": an indefinite description set off by commas
        # right after the actor's name, whatever the parser made of it
        last = doc[actor[1] - 1]
        between = sent.text[last.idx + len(last) - sent.start_char : start]
        if _APPOSITION_BEFORE_PLACE.fullmatch(between):
            return 1
    if not doc.has_annotation("DEP"):
        return 0
    span = sent.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return 0
    prep = span[0].head
    if prep.pos_ != "ADP" or prep.dep_ not in ("ATR", "nmod"):
        return 0
    owner = prep.head
    if actor is None or owner.i == trig.token.i or owner.pos_ not in ("NOUN", "PROPN"):
        return 0
    if actor[0] <= owner.i < actor[1]:
        return 1
    # a description in apposition to the actor's name ("SDF, en opprørsgruppe i Syria, ...")
    in_apposition = owner.dep_ in ("APP", "appos") and actor[0] <= owner.head.i < actor[1]
    return 1 if in_apposition else 0


def _genitive_country(loc: Location, text: str) -> bool:
    """"Italias innenriksminister", "Tyrkias økonomi": a country as owner, not as the place."""
    if loc.precision != "country" or not loc.text.endswith("s") or loc.start is None:
        return False
    before = text[max(0, loc.start - 12) : loc.start].lower().split()
    return not (before and before[-1] in PLACE_PREPS)


def copy_location(loc: Location | None) -> Location | None:
    if loc is None:
        return None
    return Location(
        text=loc.text, start=loc.start, end=loc.end, name=loc.name,
        geonames_id=loc.geonames_id, country=loc.country, admin1=loc.admin1, lat=loc.lat,
        lon=loc.lon, precision=loc.precision,
    )  # fmt: skip


PLACE_LABELS = frozenset({"GPE_LOC", "LOC", "GPE"})


def span_places(sent: Span) -> list[Location]:
    """Places named in a parsed sentence: its place entities (and country-as-party entities
    after a place preposition, "i Tyrkia"), resolved through the gazetteer, plus smaller
    places after a place preposition. Cheaper than a gazetteer scan of the text; the scan is
    the fallback for a pipeline without entities."""
    if not sent.doc.has_annotation("ENT_IOB"):
        return place_mentions(sent.text)
    base = sent.start_char
    found: list[Location] = []
    for ent in sent.ents:
        prev = sent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if ent.label_ not in PLACE_LABELS and not (
            ent.label_ == "GPE_ORG" and prev in PLACE_PREPS
        ):
            continue
        if _names_a_vessel(sent.text, ent.start_char - base):
            continue
        loc = resolution.resolve_place(ent.text)
        parts = _places_inside(ent, loc)
        if parts:
            offset = ent.start_char - base
            for part in parts:
                part.start, part.end = (part.start or 0) + offset, (part.end or 0) + offset
            found.extend(parts)
        elif loc is not None:
            loc.start, loc.end = ent.start_char - base, ent.end_char - base
            found.append(loc)
    return _with_places_after_prepositions(sent.text, found)


def _places_inside(ent: Span, whole: Location | None) -> list[Location]:
    """The gazetteer places inside a place entity of several words, when they say more than the
    entity resolved as a whole: "Villeurbanne ved Lyon" is Villeurbanne and Lyon, not only their
    country, and "Det nordøstlige Syria", which resolves to nothing, still names Syria."""
    if ent.label_ not in PLACE_LABELS or len(ent) < 2:
        return []
    if whole is not None and whole.precision != "country":
        return []
    parts = resolution.find_place_mentions(ent.text)
    if whole is None or any(part.precision != "country" for part in parts):
        return parts
    return []


def place_mentions(text: str) -> list[Location]:
    """Places named in `text`: the gazetteer scan, plus capitalised names after a place
    preposition that the gazetteer knows as smaller places ("brakt til Lampedusa")."""
    return _with_places_after_prepositions(text, resolution.find_place_mentions(text))


def _with_places_after_prepositions(text: str, found: list[Location]) -> list[Location]:
    """`found` plus the names after a place preposition that it does not cover, sorted."""
    covered = [(m.start or 0, m.end or 0) for m in found]
    for m in _AFTER_PREP_RE.finditer(text):
        start, end = m.start(1), m.end(1)
        if any(s <= start < e for s, e in covered):
            continue
        loc = resolution.resolve_place(m.group(1))
        if loc is not None:
            loc.start, loc.end = start, end
            found.append(loc)
    return sorted(
        (_as_district(text, loc) for loc in found if not _names_a_vessel(text, loc.start or 0)),
        key=lambda loc: loc.start or 0,
    )


# "skipet Bonita", "tankskipet Stena Impero", "båten Sea-Watch 3": a vessel's name, whatever
# town it also names.
_VESSEL_BEFORE_RE = re.compile(
    r"(?:skip|skipet|båt|båten|fartøy|fartøyet|fartøya|ferje|ferja|ferga|ferge|fergen|tanker"
    r"|tankeren|tråler|tråleren|ubåt|ubåten)\s+$",
    re.IGNORECASE,
)


def _names_a_vessel(text: str, start: int) -> bool:
    return _VESSEL_BEFORE_RE.search(text, max(0, start - 40), start) is not None


# "i Husby nord i Stockholm", "i Vårberg sør for Stockholm", "i Vårberg i Stockholm": a name
# the gazetteer does not know, placed in a town it knows.
_DISTRICT_BEFORE_RE = re.compile(
    r"\b(?:i|på)\s+([A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ]?[a-zæøå]+)?)\s+"
    r"(?:(?:nord|sør|øst|vest|sentralt)\s+(?:i|for)|i)\s+$"
)


def _as_district(text: str, loc: Location) -> Location:
    """A town named as the city of a smaller place the gazetteer lacks (a district, a suburb)
    stands for that place: the town's coordinates under the district's name and offsets, so
    the linker can tell two districts of one city apart (`konflikt.link.merge`)."""
    if loc.precision != "place" or loc.start is None:
        return loc
    m = _DISTRICT_BEFORE_RE.search(text, max(0, loc.start - 60), loc.start)
    if m is None or m.end() != loc.start:
        return loc
    name = m.group(1)
    # a known place stands for itself; an organisation ("lederen i Hamas i Gaza") is no district
    if resolution.resolve_place(name) is not None or resolution.names_an_organisation(name):
        return loc
    return Location(
        text=name, start=m.start(1), end=m.end(1), name=loc.name,
        geonames_id=loc.geonames_id, country=loc.country, admin1=loc.admin1, lat=loc.lat,
        lon=loc.lon, precision=loc.precision,
    )  # fmt: skip


_AFTER_PREP_RE = re.compile(
    r"\b(?:i|på|til|ved|utenfor|nær|fra|frå|ut\s+av)\s+"
    r"(?:(?:byen|landsbyen|havnebyen|hovedstaden|provinsen|regionen|området|fylket|delstaten)\s+)?"
    r"([A-ZÆØÅ][\wæøåÆØÅ-]+(?:\s+[A-ZÆØÅ][\wæøå-]+)?)"
)


def _story_places(text: str) -> list[Location]:
    return place_mentions(text) + resolution.institution_countries(text)


def _acting_capitals(sent: Span) -> set[str]:
    """Capitals that are the active subject of a verb in `sent`: states acting by their
    capital's name."""
    return {t.text for t in sent if t.dep_ in ("SUBJ", "nsubj") and t.text[:1].isupper()
            and t.head.pos_ in ("VERB", "AUX") and not _passive(t.head)
            and resolution.capital_state(t.text)}  # fmt: skip


def _passive(verb: Token) -> bool:
    """"Kabul ble angrepet", "Kabul er angrepet": the subject undergoes the act (the parser's
    own test, on the lowest verb under the subject's head: NDT hangs the participle on its
    auxiliary)."""
    main = verb
    for _ in range(4):
        below = next((c for c in main.children if c.dep_ in CHAIN and c.pos_ in ("VERB", "AUX")),
                     None)  # fmt: skip
        if below is None:
            break
        main = below
    # a headline's bare participle ("Krekar pågrepet") has no auxiliary to tell by
    bare = main is verb and "Part" in verb.morph.get("VerbForm")
    return bare or is_passive(main, verb_chain(main))


def main_place(sentences: list[Span], article: Article) -> Location | None:
    """The place the story is about: the most named place in the headline (counted twice) and
    the opening sentences, a town before its country when the country is the most named (the
    town is then at least as right, and finer). Scanned per sentence, so the scans are reused
    for the events' own places."""
    title = _story_places(article.title) if article.title else []
    if title and sentences:
        # the headline is scanned as plain text: a name the article calls a person there
        # ("Ustinov slipper fengsel") is no place, whatever town it also names
        # (a country stays: the recogniser now and then calls "Benin" a person)
        doc = sentences[0].doc
        persons = {t.text for e in doc.ents if e.label_ == "PER" for t in e}
        title = [loc for loc in title if loc.precision == "country" or loc.text not in persons]
        # nor is a capital that acts ("Manila krev at sjøfolka vert sette fri": the
        # Philippine government demands; the story is where the sailors were taken)
        acting = _acting_capitals(sentences[0])
        title = [loc for loc in title if loc.text not in acting]
    found = title + title
    for s in sentences:
        if s.start_char < MAIN_PLACE_CHARS:
            # a court's or a police force's country counts as that country named; a capital
            # that acts there ("Roma har heile tida nekta ...") is a party, not a place
            # (not in the headline's own line: its verb is the tagger's least sure, "Kabul
            # angrepet" is read as Kabul attacking, and the title above already weighed it)
            acting = _acting_capitals(s) if s.text.strip() != (article.title or "") else set()
            named = [loc for loc in span_places(s) if loc.text not in acting]
            found += named + [  # a name the scan found already counts once
                loc for loc in resolution.institution_countries(s.text)
                if not any(m.start == loc.start for m in named)
            ]  # fmt: skip
    counts: dict[str, tuple[int, Location]] = {}
    for loc in found:
        if loc.text.isupper() and loc.precision != "country":
            continue
        key = loc.name or loc.text
        n, _ = counts.get(key, (0, loc))
        counts[key] = (n + 1, loc)
    if not counts:
        return None
    ranked = sorted(counts.values(), key=lambda nl: (-nl[0], nl[1].precision != "place"))
    best = ranked[0][1]
    if best.precision == "country":
        towns = [loc for n, loc in ranked if loc.country == best.country and n >= 2
                 and loc.precision in ("place", "admin1")]  # fmt: skip
        if towns:
            best = towns[0]
    elif best.precision == "admin1":
        # "Journalist drept i Nord-Irland ... i Derry": the one town the opening names inside
        # the region is where the story is; once is enough, the region holds it. With two
        # towns there ("i Kutum ... i El Fasher") the region is all that covers both.
        region = {n for n in (best.admin1, best.name) if n}
        towns = [loc for _, loc in ranked if loc.precision == "place"
                 and loc.country == best.country and loc.admin1 in region]  # fmt: skip
        if len(towns) == 1:
            best = towns[0]
    return Location(
        text=best.text, name=best.name, geonames_id=best.geonames_id, country=best.country,
        admin1=best.admin1, lat=best.lat, lon=best.lon, precision=best.precision,
    )  # fmt: skip
