"""Events from one parsed article, as the coding manual defines them.

Per sentence: find cue triggers (konflikt/data/event_cues.yaml), drop those the manual does not
code (the content of a request or threat, the charge behind an arrest, civilian flight, weak
mentions next to a real trigger), keep one trigger per event type, and fill the fields: actor and
recipient from the parse, place, date, quantities, source and stance. Per article: drop
background (events dated before the story's year), code a restated occurrence once (the first
body sentence wins; the headline and photo captions only count when the body never tells the
event), and code nothing in sports, weather or market articles.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from konflikt.errors import ExtractionError
from konflikt.extract import resolution
from konflikt.extract.attribution import SourceMention, attribute, telling_after
from konflikt.extract.context import Part, is_background, off_topic, sentence_part
from konflikt.extract.cues import Cue, lexicon
from konflikt.extract.dates import DateMention, find_dates, next_occurrence, parse_published
from konflikt.extract.occurrences import (
    PERSON_PRONOUNS,
    PRONOUNS,
    Candidate,
    answers_to_requests,
    carry_dates,
    casualties_follow,
    dedupe,
    party_key,
)
from konflikt.extract.parties import (
    LINEAR_WINDOW,
    PartySpan,
    announces_own_act,
    find_parties,
    implicit_actor,
    is_party_token,
    linear_span,
    np_span,
    person_role,
    topic_role,
)
from konflikt.extract.quantities import find_quantities
from konflikt.extract.rules import absorb, event_rules
from konflikt.extract.stance import (
    hedged_by_source,
    is_claimed,
    is_deontic,
    is_open_question,
    stance_for,
)
from konflikt.extract.triggers import (
    VERBAL_ACTS,
    Trigger,
    clause_bounds,
    event_mode,
    other_modes,
    present_perfect,
    segments,
    select_triggers,
    sentence_words,
    told_before,
)
from konflikt.extract.where import event_location, main_place, span_places
from konflikt.model import Article, Event, EventDate, Evidence, Location, Party, Quantity

COMBATANT_WORDS = (
    "kriger", "krigar", "soldat", "styrke", "militant", "jihadist", "opprører", "leder",
    "leiar", "tropp", "hær", "milits", "is-", "daesh", "terrorist", "rebell", "gerilja",
)  # fmt: skip


COMBATANT_KINDS = frozenset({"state_forces", "armed_group", "rebel"})




# Events a speaker reports rather than does: the speaker is not their actor.
REPORTED_NOT_DONE = frozenset({"ASSAULT", "PROTEST", "MOBILIZE", "RETREAT", "AID"})


# Sources that, telling an event with no actor of its own, are taken to have done it.
AUTHORITY_KINDS = frozenset({"government", "police", "state_forces", "igo"})




ANTECEDENT_SENTENCES = 4
# How far back a lone role noun ("Partilederen") looks for the person the text is about.
ROLE_SENTENCES = 2


# Titles a person is first named with and then referred to by alone, in the definite form
# ("President Donald Trump" ... "presidenten").
PERSON_TITLES = ("president", "statsminister", "senator", "kansler", "guvernør", "ordfører")


def _definite_title(text: str) -> str | None:
    """The title a lone definite title noun names ("presidenten" -> "president"), or None."""
    low = text.lower()
    if " " in low or not low.endswith("en"):
        return None
    return next((t for t in PERSON_TITLES if low[:-2] == t), None)


def _country_genitive(word: str) -> bool:
    """"Tyrkias", "USAs": a country's genitive."""
    place = resolution.resolve_place(word[:-1]) if word.endswith("s") else None
    return place is not None and place.precision == "country"


_CREDIT_MARKS = ("foto", "illustrasjon", "faksimile", "/")


def _credit(ent: Span) -> bool:
    """A photographer's name in a picture credit ("Foto: Ola Nordmann / NTB")."""
    doc = ent.doc
    before = doc[max(0, ent.start - 3) : ent.start].text.lower()
    after = doc[ent.end : min(len(doc), ent.end + 2)].text
    return any(m in before for m in _CREDIT_MARKS[:3]) or after.startswith("/")


def _not_a_person(ent: Span) -> bool:
    """An entity that cannot be "han"/"hun": a word derived from a name ("Erdogan-besøk",
    "Trump-tilhengere") or a place the gazetteer knows ("Nord-Syria"), which the registry would
    otherwise take for an unknown person because it is capitalised."""
    if ent.label_ == "DRV":
        return True
    is_place_entity = ent.label_ in ("GPE_LOC", "LOC", "GPE")
    return is_place_entity and resolution.resolve_place(ent.text) is not None


class _ArticleState:
    """What the extractor remembers while reading one article."""

    def __init__(self, doc: Doc, article: Article) -> None:
        self.doc = doc
        self.article = article
        self.offset = article.body_start
        self.persons: list[tuple[int, str]] = []  # (token index, text) of PER entities
        # PER entities that are the subject of their sentence's main verb: the likeliest
        # antecedents of "han"/"hun" ("Trump skriver at Erdogan kommer ... Samtidig roser han")
        self.subjects: list[tuple[int, str]] = []
        parsed = doc.has_annotation("DEP")
        for ent in doc.ents:
            if _credit(ent) or _not_a_person(ent):
                continue
            if resolution.is_individual(ent.text) or ent.label_ == "PER" and (
                resolution.resolve_place(ent.text) is None  # "Ankara" labelled a person
                and not resolution.names_an_organisation(ent.text)  # "Interfax" labelled one
            ):
                # persons by the registry first: the recogniser may call "Trump" an organisation
                self.persons.append((ent.start, ent.text))
                root = ent.root
                if parsed and root.dep_ in ("SUBJ", "nsubj") and root.head.dep_ in (
                    "FINV", "ROOT", "root"
                ):
                    self.subjects.append((ent.start, ent.text))
        self.main_sentences: list[Span] = []
        self._main: tuple[Location | None] | None = None

    def main(self) -> Location | None:
        """The article's main place, worked out the first time an event needs it."""
        if self._main is None:
            self._main = (main_place(self.main_sentences, self.article),)
        return self._main[0]

    def full_person(self, text: str) -> str:
        """The longest earlier mention of a person: "Rackete" → "Carola Rackete"."""
        last = text.split()[-1].rstrip("s") if text.split() else text
        best = text
        for _, name in self.persons:
            if last and last in name and len(name) > len(best):
                best = name
        return best

    def affiliation(self, name: str) -> tuple[str, str | None] | None:
        """(kind, country) of the body a person speaks for, as the article introduces them:
        "sier Kari Nordvik i det danske politiet", "Kari Nordvik i Aarhus-politiet";
        None for a person introduced with no body after the name."""
        for start, text in self.persons:
            if text != name:
                continue
            end = start + len(text.split())
            after = self.doc[end : end + AFFILIATION_WORDS]
            if not len(after) or after[0].lower_ not in ("i", "fra", "frå", "hos"):
                continue
            ref = resolution.resolve_actor(after[1:].text)
            if ref is not None and ref[1] in AFFILIATION_KINDS:
                return ref[1], ref[2]
        return None

    def antecedent(self, before: int) -> str | None:
        """Who "han"/"hun" is: a person named earlier in the same sentence; else, among the
        persons named in the previous few sentences (photo credits left out), the one the
        article names most, the latest on a tie."""
        sent_start = self.doc[before].sent.start
        same = [name for i, name in self.persons if sent_start <= i < before]
        if same:
            return self.full_person(same[-1])
        for t in reversed(self.doc[sent_start:before]):
            # a name the recogniser missed ("Ustinov var ... til han ble pågrepet")
            if t.is_alpha and t.pos_ == "PROPN" and t.dep_ in ("SUBJ", "nsubj") and (
                resolution.resolve_place(t.text) is None
            ):
                return self.full_person(t.text)
        window_start = self.sentence_start_before(sent_start, ANTECEDENT_SENTENCES)
        recent = [(i, name) for i, name in self.persons if window_start <= i < sent_start]
        if not recent:
            recent = [(i, name) for i, name in self.persons if i < sent_start][-1:]
        if not recent:
            return None
        best = max(recent, key=lambda p: (self.mentions_of(p[1]), p[0]))
        return self.full_person(best[1])

    def sentence_start_before(self, start: int, n: int) -> int:
        sent = self.doc[start].sent
        for _ in range(n):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
        return sent.start

    def titled_person(self, before: int, title: str) -> str | None:
        """Who "presidenten" is: the person the article named before token `before` right after
        the bare title ("President Donald Trump", "statsminister Erna Solberg"), the one named
        most; not one whose title has a country before it ("Tyrkias president Erdogan" is
        another country's). None when there is none, or two named equally often."""
        counts: dict[str, int] = {}
        for i, name in self.persons:
            if i >= before or i == 0 or title not in self.doc[i - 1].lower_:
                continue
            if i >= 2 and _country_genitive(self.doc[i - 2].text):
                continue
            full = self.full_person(name)
            counts[full] = self.mentions_of(full)
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        return ranked[0][0]

    def role_person(self, span: PartySpan, role: str) -> str | None:
        """Who a lone definite role noun ("partilederen", "rapportøren") is: the person the
        article introduced with that title; else, for a role the text's own person may hold
        (`topic_role`) and a noun that is its sentence's subject, the one person who was the
        subject in the two sentences before."""
        named = self.titled_person(span.start, role.rsplit("-", 1)[-1])
        if named is not None:
            return named
        head = self.doc[span.head]
        if head.dep_ not in ("SUBJ", "nsubj") or not topic_role(role):
            return None
        start = head.sent.start
        for _ in range(ROLE_SENTENCES):
            if start == 0:
                break
            before = self.doc[start - 1].sent
            while before.start > 0 and all(t.is_space for t in before):  # a line break alone
                before = self.doc[before.start - 1].sent
            start = before.start
        names = {self.full_person(n) for i, n in self.subjects if start <= i < head.sent.start}
        return names.pop() if len(names) == 1 else None

    def mentions_of(self, name: str) -> int:
        last = name.split()[-1] if name.split() else name
        return sum(1 for _, n in self.persons if last in n)


def _visited(event_type: str, mode: str | None, recipient: Party | None) -> Location | None:
    """A visit happens where the visited is: "skal besøke Det hvite hus" is in Washington, also
    when the sentence names the visitor's country ("Tyrkias president") and no other place."""
    if event_type != "CONSULT" or mode != "visit" or recipient is None:
        return None
    place = resolution.resolve_place(recipient.text)
    if place is not None:
        place.start, place.end = recipient.start, recipient.end
    return place


# Words after a person's name searched for the body they speak for, and the kinds of body
# ("i det svenske politiet", "fra Utenriksdepartementet").
AFFILIATION_WORDS = 5
AFFILIATION_KINDS = frozenset({"police", "state_forces", "government", "igo", "ngo"})


def _party(span: PartySpan | None, state: _ArticleState) -> Party | None:
    if span is None:
        return None
    doc = state.doc
    tokens = doc[span.start : span.end]
    text = tokens.text.strip()
    if not text:
        return None
    party = Party(
        text=text,
        start=tokens.start_char + state.offset,
        end=tokens.end_char + state.offset,
    )
    if (title := _definite_title(text)) and (named := state.titled_person(span.start, title)):
        # "kritisert presidenten": the president the article named, not any government
        party.name, party.kind = named, "person"
        ref = resolution.resolve_actor(named)
        if ref is not None:
            party.name, party.kind, party.country = ref
        return party
    ref = resolution.resolve_actor(text)
    head = doc[span.head]
    unnamed = ref is None or ref[0] == text  # no entity of the registry, at most "a person"
    if unnamed and (role := person_role(text)) and (named := state.role_person(span, role)):
        # "Partilederen tilbakeviser ...": the person introduced with that title, or the one
        # the sentence before was about
        party.name, party.kind = named, "person"
        ref = resolution.resolve_actor(named)
        if ref is not None:
            party.name, party.kind, party.country = ref
        return party
    if ref is not None and not (ref[0] == text and (named := _named_by_copula(head))):
        party.name, party.kind, party.country = ref
        _as_introduced(party, state)
        return party
    if text.lower() in PERSON_PRONOUNS:
        name = state.antecedent(span.start)
        if name:
            party.name, party.kind = name, "person"
            ref = resolution.resolve_actor(name)
            if ref is not None:
                party.name, party.kind, party.country = ref
    elif head.ent_type_ == "PER":
        ent_text = next((e.text for e in doc.ents if e.start <= head.i < e.end), head.text)
        party.name, party.kind = state.full_person(ent_text), "person"
        if (body := state.affiliation(party.name)) is not None:
            party.kind, party.country = body
    elif (named := _named_by_copula(head)) is not None:
        party.name, party.kind = state.full_person(named), "person"
    return party


def _capital_as_state(party: Party, head: Token) -> None:
    """An acting capital is its state: "Berlin har sagt nei til forespørselen" (Germany's
    government), unless the registry or the recogniser already made the span someone."""
    unknown = party.name is None or party.kind == "person" and party.name == party.text
    if not unknown:
        return
    ref = resolution.capital_state(party.text)
    if ref is None:
        return
    if head.ent_type_ == "PER" and not resolution.names_country(head.doc.text, ref[2]):
        # the recogniser takes a lone "Ankara" that speaks for a person now and then; a name
        # it calls a person in an article that never names the capital's country ("Sofia
        # krever ...", about a woman in Bergen) is one
        return
    party.name, party.kind, party.country = ref


def _named_by_copula(head: Token) -> str | None:
    """"Høyreekstremisten som er pågrepet, er ifølge NRK Greg Johnson": the person the
    description is said to be (a person named after the main verb "er/var")."""
    if head.dep_ not in ("SUBJ", "nsubj") or head.head.lemma_ not in ("være", "vere"):
        return None
    copula = head.head
    # the last person named after the copula ("er ifølge Filter Nyheter Greg Johnson": an
    # attribution may come between)
    names = [e.text for e in head.sent.ents if e.start > copula.i and e.label_ == "PER"]
    return names[-1] if names else None


def _not_a_recipient(
    span: PartySpan, src: SourceMention | None, cue: Cue, trig: Trigger, doc: Doc,
    state: _ArticleState,
) -> bool:  # fmt: skip
    """A guessed recipient that is really the speaker, a place, or one the type does not take."""
    tokens = doc[span.start : span.end]
    if src is not None and tokens.start_char < src.end and src.start < tokens.end_char:
        return True
    mode = cue.mode
    if any(
        etype == cue.event_type and (m is None or m == mode)
        for etype, m in event_rules().no_guessed_recipient
    ) and not doc.has_annotation("DEP"):
        return True
    text = tokens.text
    if text.lower() in PRONOUNS or not text[:1].isupper():
        return False
    if doc[span.head].ent_type_ == "PER" or resolution.is_individual(text):
        return False  # "Lyra McKee" is a person, whatever town shares the name
    if cue.event_type in VERBAL_ACTS and resolution.capital_state(text):
        return False  # "ber Washington om å ...": a state addressed by its capital
    ref = resolution.resolve_actor(text)
    if ref is None or ref[1] in ("person", "other"):
        # a capitalised name the registry does not know as a party: a place if the gazetteer
        # knows it ("evakuert til Lampedusa")
        return resolution.resolve_place(text) is not None
    return False


def _speaker_or_channel(span: PartySpan, src: SourceMention | None, doc: Doc) -> bool:
    """A guessed actor that is the speaker or the outlet a statement went to ("til Reuters")."""
    tokens = doc[span.start : span.end]
    if src is not None and tokens.start_char < src.end and src.start < tokens.end_char:
        return not doc.has_annotation("DEP")
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    if prev not in ("til", "overfor"):
        return False
    ref = resolution.resolve_actor(tokens.text)
    return ref is not None and ref[1] == "media"


def _actor_mentions(span: Span) -> list[PartySpan]:
    """Registry actors named in `span` (a window of the sentence), as token spans."""
    out = []
    for start, end, *_ in resolution.find_actor_mentions(span.text):
        found = span.char_span(start, end, alignment_mode="expand")
        if found is not None and len(found):
            out.append(PartySpan(found.start, found.end, found.end - 1))
    return out


PLURAL = frozenset({"dem", "de", "dei"})


AGENT_WINDOW = 6  # words after a passive trigger searched for "av X"


def _plural_antecedent(
    sent: Span, span: PartySpan, actor: PartySpan | None = None
) -> PartySpan | None:
    """"Piñera har erkjent at folk i gatene ..., men har bedt dem om": the party before (not
    the actor itself)."""
    doc = sent.doc
    for t in reversed(doc[sent.start : span.start]):
        if actor is not None and actor.start <= t.i < actor.end:
            continue
        if t.pos_ in ("NOUN", "PROPN") and is_party_token(t, sent) and t.lower_ not in PLURAL:
            return np_span(t) if doc.has_annotation("DEP") else linear_span(t, sent)
    return None


def _conditional(words: list[str]) -> bool:
    """Whether `words` (those after a planned act) set a condition ("... dersom angrepene
    fortsetter")."""
    text = " " + " ".join(words) + " "
    return any(f" {c} " in text for c in event_rules().conditions)


def _implicit_party(text: str) -> Party:
    """The unnamed institution that acts: no span in the text, resolved through the registry."""
    party = Party(text=text)
    ref = resolution.resolve_actor(text)
    if ref is not None:
        party.name, party.kind, party.country = ref
    return party


def _as_of_now(sent: Span) -> bool:
    """Whether the sentence tells a state as of the telling ("Portforbud gjelder nå også i
    Valparaíso"): the adverb "nå" (not the verb, "for å nå byen") takes no day carried over
    from the deeds told before it."""
    for tok in sent:
        if tok.lower_ == "nå" and tok.pos_ not in ("VERB", "AUX") and not (
            tok.i > sent.start and tok.doc[tok.i - 1].lower_ == "å"
        ):
            return True
    return False


# A future auxiliary: the day named after it in its clause is to come. "skal ha angrepet" (also
# "skal en enhet ha angrepet") is hearsay of a past deed, not the future.
_FUTURE_AUX_RE = re.compile(
    r"\b(?:(?:skal|skulle|vil)\s+(?!(?:[\w-]+\s+){0,4}ha\b)|(?:kommer|kjem) til å\s)",
    re.IGNORECASE,
)


def _future_day(text: str, date: EventDate, sent_start: int) -> bool:
    """Whether a day is named after a future auxiliary in its own clause ("... at portforbudet
    skal gjelde natt til mandag"), though the event itself (the decision) is told as done."""
    if date.span_start is None or date.span_end is None:
        return False
    at, end = date.span_start - sent_start, date.span_end - sent_start
    lo, _ = clause_bounds(text, at)
    # the auxiliary before the day, or right after a day that opens the clause ("Mandag skal
    # presidenten begynne samtaler": the finite verb follows the fronted day)
    return _FUTURE_AUX_RE.search(text, lo, at) is not None or (
        not text[lo:at].strip() and _FUTURE_AUX_RE.match(text, end + 1) is not None
    )


# A subordinate clause of cause or time after the trigger tells another event, with its own day.
_SUBORDINATE_RE = re.compile(r"\b(?:etter at|fordi|ettersom|etter å ha)\s", re.IGNORECASE)


def _date(sent: Span, trig: Trigger, mentions: list[DateMention], offset: int) -> EventDate | None:
    if not mentions:
        return None
    trig_char = trig.token.idx - sent.start_char
    lo, hi = clause_bounds(sent.text, trig_char)
    # only a date in the trigger's own clause ("... gjenerobret, og YPG hevder IS vil tape
    # byen lørdag": Saturday is the other clause's)
    in_clause = [d for d in mentions if lo <= d.start_char < hi]
    told = telling_after(sent, trig_char)
    if told is not None:
        # "Én person ble drept, opplyser politiet søndag": Sunday is when it was told
        in_clause = [d for d in in_clause if d.start_char < told]
    # "har pågrepet to menn etter at journalisten ble skutt torsdag": Thursday is the shooting's
    in_clause = [d for d in in_clause
                 if not _SUBORDINATE_RE.search(sent.text, trig_char, d.start_char)]  # fmt: skip
    if not in_clause:
        return None
    best = min(in_clause, key=lambda d: abs(d.start_char - trig_char))
    return EventDate(
        text=best.text, start=best.start, end=best.end, precision=best.precision,
        span_start=sent.start_char + best.start_char + offset,
        span_end=sent.start_char + best.end_char + offset,
    )  # fmt: skip


def _quantities(sent: Span, offset: int, dates: list[DateMention]) -> list[Quantity]:
    out = []
    for q in find_quantities(sent.text):
        if q.start is not None and any(
            d.start_char <= q.start < d.end_char for d in dates
        ):  # "de siste fem dagene" is a date, not a count
            continue
        if q.start is not None and q.end is not None:
            q.start += sent.start_char + offset
            q.end += sent.start_char + offset
        out.append(q)
    return out


def _source(src: SourceMention | None, state: _ArticleState) -> Party | None:
    if src is None:
        return None
    party = Party(
        text=src.text, start=src.start + state.offset, end=src.end + state.offset,
        via=list(src.via),
    )  # fmt: skip
    ref = resolution.resolve_actor(src.text)
    if ref is not None:
        party.name, party.kind, party.country = ref
        _as_introduced(party, state)
    return party


def _as_introduced(party: Party, state: _ArticleState) -> None:
    """A person the registry does not know, named as written ("Nordvik"), is the person the
    article introduced in full, of the body named after that introduction: "sier Kari
    Nordvik i det danske politiet" makes a later "Nordvik" the Danish police speaking."""
    if party.kind != "person" or party.name != party.text:
        return
    party.name = state.full_person(party.text)
    if (body := state.affiliation(party.name)) is not None:
        party.kind, party.country = body


def _is_combatant(party: Party | None) -> bool:
    if party is None:
        return False
    if party.kind in COMBATANT_KINDS:
        return True
    low = party.text.lower()
    return any(w in low for w in COMBATANT_WORDS)


def _background(date: EventDate | None, story_year: int | None) -> bool:
    if date is None or date.start is None or story_year is None:
        return False
    return int(date.start[:4]) < story_year


def _story_year(article: Article, doc: Doc) -> int | None:
    pub = parse_published(article.published)
    if pub is not None:
        return pub.year
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", article.text)]
    return max(years) if years else None


def _confidence(trig: Trigger, part: Part, actor: Party | None) -> float:
    c = trig.cue.confidence
    if actor is not None:
        c += 0.1
    if part is not Part.BODY:
        c -= 0.1
    return round(min(0.95, max(0.05, c)), 2)


def warm_up() -> None:
    """Load every lexicon and resolver now (they load once, on first use, otherwise)."""
    lexicon()
    event_rules()
    find_dates("lørdag", "2020-01-04")
    find_quantities("om lag 100 soldater")
    resolution.load()


def extract_events(doc: Doc, article: Article) -> list[Event]:
    """The events of one article. `doc` is the parse of `article.text[article.body_start:]`;
    every character offset in the result is into `article.text`."""
    if not len(doc) or not doc.text.strip():
        return []
    if not doc.has_annotation("SENT_START") and not doc.has_annotation("DEP"):
        raise ExtractionError(
            "the parsed text has no sentence boundaries; parse it with konflikt.nlp.load(lang)",
            origin=article.origin or article.id,
        )
    if off_topic(article, doc) is not None:
        return []
    state = _ArticleState(doc, article)
    story_year = _story_year(article, doc)
    sentences = segments(doc)
    # what doc.text is, without rebuilding it from the tokens (checked by its length)
    doc_text = article.text[article.body_start :]
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) != len(doc_text):
        doc_text = doc.text
    sentence_quantities: dict[int, list[Quantity]] = {}
    background_types: set[str] = set()
    breaks = [m.start() for m in re.finditer("\n", doc_text)]
    paragraph_of = [bisect.bisect_right(breaks, s.start_char) for s in sentences]
    sources = attribute(doc, sentences, doc_text)
    state.main_sentences = sentences
    candidates: list[Candidate] = []
    for si, sent in enumerate(sentences):
        part = sentence_part(sent, article, doc_text)
        if part is Part.HEADING or sent.text.rstrip().endswith("?"):
            continue
        triggers = select_triggers(sent)
        if not triggers:
            continue
        lowers, vocab = sentence_words(sent)
        dates = find_dates(sent.text, article.published)
        quantities = _quantities(sent, state.offset, dates)
        sentence_quantities[si] = quantities
        source = _source(sources[si], state)
        evidence_text = sent.text.rstrip()
        evidence = Evidence(
            sentence=evidence_text,
            start=sent.start_char + state.offset,
            end=sent.start_char + len(evidence_text) + state.offset,
        )
        in_sentence: list[Candidate] = []
        for trig in triggers:
            cue = trig.cue
            # the registry scan covers only the words the fallback looks at, and runs only
            # when it is needed
            # (it is asked for an actor only: the words before the trigger, and a few after
            # for the "av X" of a passive)
            window = doc[max(sent.start, trig.token.i - LINEAR_WINDOW) :
                         min(sent.end, trig.token.i + AGENT_WINDOW)]  # fmt: skip

            def mentions(window: Span = window) -> list[PartySpan]:
                return _actor_mentions(window)

            rel = trig.token.i - sent.start
            if is_open_question(lowers, rel):
                continue
            trig_char = trig.token.idx - sent.start_char
            if is_background(sent.text[slice(*clause_bounds(sent.text, trig_char))]):
                background_types.add(cue.event_type)
                continue
            src_tokens = None
            if sources[si] is not None and sources[si].start >= 0:
                told_by = doc.char_span(sources[si].start, sources[si].end,
                                        alignment_mode="expand")  # fmt: skip
                src_tokens = (told_by.start, told_by.end) if told_by is not None else None
            a_span, r_span = find_parties(
                sent, trig.token, cue.event_type, cue.pos, mentions, src_tokens
            )
            for other in trig.others:
                if a_span is not None and r_span is not None:
                    break
                # the other words for this event may carry the parties ("30 sivile ble drept
                # da russiske styrker beskjøt markedet": the shelling has the actor)
                oa, orr = find_parties(
                    sent, other.token, cue.event_type, other.cue.pos, mentions, src_tokens
                )
                if a_span is None and oa is not None and (
                    r_span is None or oa.head != r_span.head
                ):
                    a_span = oa
                if r_span is None and orr is not None and (
                    a_span is None or orr.head != a_span.head
                ):
                    r_span = orr
            if r_span is not None and doc[r_span.start : r_span.end].text.lower() in PLURAL:
                r_span = _plural_antecedent(sent, r_span, a_span) or r_span
            if a_span is not None and doc[a_span.start : a_span.end].text.lower() in PLURAL:
                # "I en uttalelse fra koalisjonen heter det at de vil støtte SDF"
                a_span = _plural_antecedent(sent, a_span, r_span) or a_span
            if r_span is not None and _not_a_recipient(r_span, sources[si], cue, trig, doc, state):
                r_span = None
            if any(cue.event_type == t and (m is None or m == cue.mode)
                   for t, m in event_rules().no_recipient):  # fmt: skip
                r_span = None
            if a_span is not None and _speaker_or_channel(a_span, sources[si], doc):
                a_span = None
            if a_span is not None and cue.event_type in REPORTED_NOT_DONE and src_tokens and (
                a_span.start < src_tokens[1] and src_tokens[0] < a_span.end
            ) and not announces_own_act(trig.token):
                a_span = None  # "Bali sier kampene pågår": the speaker reports the fighting
            actor, recipient = _party(a_span, state), _party(r_span, state)
            if actor is not None and a_span is not None:
                _capital_as_state(actor, doc[a_span.head])
            if recipient is not None and r_span is not None and cue.event_type in VERBAL_ACTS:
                _capital_as_state(recipient, doc[r_span.head])
            taken = [
                (doc[p.start].idx - sent.start_char,
                 doc[p.end - 1].idx + len(doc[p.end - 1]) - sent.start_char)
                for p in (a_span,) if p is not None  # the place can be the recipient: a visit
            ]  # fmt: skip
            src_mention = sources[si]
            if src_mention is not None and src_mention.start >= 0:
                taken.append(
                    (src_mention.start - sent.start_char, src_mention.end - sent.start_char)
                )
            we = actor is not None and actor.text.lower() in ("vi", "oss")
            if we and source is not None and source.text:
                actor, a_span = source, None  # "– Vi krever ..., sier en talsperson for Amnesty"
            if cue.role == "claim":
                recipient, r_span = actor, a_span
                actor, a_span = source, None
            if cue.combatant and not _is_combatant(actor):
                continue
            is_denial = cue.event_type == "REJECT"
            stance = stance_for(lowers, rel, is_denial=is_denial)
            if stance == "future" and cue.event_type in event_rules().conditional_threat and (
                _conditional(lowers[rel + 1 :])
            ):
                # "USA vil innføre sanksjoner dersom ...": a threat, made now
                event_type_override, stance = "THREATEN", "asserted"
            else:
                event_type_override = None
            if stance == "hypothetical" and cue.event_type == "THREATEN":
                stance = "asserted"  # "Dersom ELN bryter våpenhvilen, ..., advarer ministeren"
            if stance == "negated" and source is not None:
                # "– Vi har ikke beslaglagt noe, sier politiet": a party says it did not
                # happen, which the manual codes as a denial (stance denied), not as negated
                stance = "denied"
            if stance in ("negated", "hypothetical"):
                # Not reported as having happened or being planned: the dev gold codes none of
                # these as core events.
                continue
            date = _date(sent, trig, dates, state.offset)
            if _background(date, story_year):
                background_types.add(cue.event_type)
                continue
            if told_before(trig) and cue.event_type in background_types and not any(
                c.event.event_type == cue.event_type for c in candidates
            ):
                continue  # "Pågripelsene inngikk i ...": the arrests of years ago, told before
            event_type, mode = cue.event_type, event_mode(trig, sent, vocab) or other_modes(
                triggers, trig
            )
            if event_type_override is not None:
                event_type, mode = event_type_override, None
            claimed = cue.pos == "verb" and cue.role is None and is_claimed(lowers, rel)
            if claimed and event_type in event_rules().claimable and source is not None:
                # "Påtalemyndigheten mener agenter drepte ham": an accusation, not a killing.
                event_type, mode, stance = "ACCUSE", "allege", "asserted"
                recipient, r_span = actor, a_span
                actor, a_span = source, None
            elif claimed and stance == "asserted" and event_type not in VERBAL_ACTS:
                stance = "hedged"  # a deed told only as someone's claim; a claim is no hedge
            if stance == "asserted" and hedged_by_source(source.text if source else None,
                                                         sent.text):  # fmt: skip
                stance = "hedged"
            if actor is None and source is not None and source.text and source.kind != "media" and (
                source.kind in AUTHORITY_KINDS and event_type not in ("ASSAULT", "PROTEST")
                or event_type in VERBAL_ACTS
            ):
                # "meldte politiet at 25 personer var anholdt", "ifølge regjeringen er det
                # innført portforbud": the authority that tells it did it
                actor = source
            if actor is None and (default := implicit_actor(event_type, mode)):
                actor = _implicit_party(default)
            if recipient is not None and recipient.kind == "media":
                recipient = None  # "truet på Twitter"
            if recipient is not None and recipient.text.lower() in PRONOUNS and in_sentence:
                earlier = in_sentence[-1].event.recipient
                if earlier is not None:  # "arrestert gjerningsmannen og siktet ham"
                    recipient = earlier
            if event_type != "REQUEST" and is_deontic(lowers, rel):
                # "Hun mener det bør innføres sanksjoner mot X": her request, not a sanction.
                event_type, mode, stance = "REQUEST", None, "asserted"
                actor, a_span = source, None
            # a date after publication makes a deed planned; a promise or demand with a
            # deadline is still made now
            if (date is not None and date.start and stance == "asserted" and article.published
                    and event_type not in VERBAL_ACTS):  # fmt: skip
                pub = parse_published(article.published)
                if pub is not None and pub.date is not None and date.start > pub.date.isoformat():
                    stance = "future"
            if date is not None and date.start and article.published and (
                date.precision == "day" and date.start < article.published[:10]
            ) and (
                stance == "future" or _future_day(sent.text, date, sent.start_char + state.offset)
            ):
                # "Sikkerhetsrådet skal møtes torsdag": the coming Thursday, not the last one;
                # likewise "har bestemt at portforbudet skal gjelde natt til mandag"
                coming = next_occurrence(date.text, article.published)
                if coming is not None:
                    date.start, date.end = coming
            if event_type == "RETREAT" and stance == "future":
                # An announced withdrawal is a verbal concession (manual §2, PLOVER), and the
                # announcement is made now.
                event_type, mode, stance = "CONCEDE", None, "asserted"
            if told_before(trig) and not (
                date or quantities or a_span or r_span or span_places(sent)
            ):
                # "Demonstrasjonene har for det meste vært fredelige": a mention of an event
                # told elsewhere that adds no when, who, whom, where or how many
                continue
            event = Event(
                event_type=event_type,
                evidence=evidence,
                mode=mode,
                actor=actor,
                recipient=recipient,
                location=_visited(event_type, mode, recipient) or event_location(
                    sent, trig, state, taken,
                    (a_span.start, a_span.end) if a_span is not None else None,
                ),
                date=date,
                quantities=[Quantity(**{f: getattr(q, f) for f in q.__slots__})
                            for q in quantities],  # fmt: skip
                source=source,
                stance=stance,
                confidence=_confidence(trig, part, actor),
                article_id=article.id,
                trigger=doc[trig.token.i : trig.end].text,
                trigger_start=trig.token.idx + state.offset,
                trigger_end=doc[trig.end - 1].idx + len(doc[trig.end - 1]) + state.offset,
            )
            in_sentence.append(
                Candidate(
                    event, part, si, party_key(actor, a_span, doc),
                    party_key(recipient, r_span, doc),
                    anaphoric=told_before(trig), lemma=cue.lemma,
                    perfect=present_perfect(trig) or _as_of_now(sent),
                )  # fmt: skip
            )
        kept_events = absorb([c.event for c in in_sentence])
        seen_types: set[str] = set()
        for c in in_sentence:
            # one event per type per sentence, also after a claim or request turned one
            if any(c.event is e for e in kept_events) and c.event.event_type not in seen_types:
                seen_types.add(c.event.event_type)
                candidates.append(c)
    casualties_follow(candidates, sentence_quantities, paragraph_of)
    carry_dates(candidates)
    answers_to_requests(candidates)
    return dedupe(candidates)
