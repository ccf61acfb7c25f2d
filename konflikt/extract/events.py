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
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from konflikt.errors import ExtractionError
from konflikt.extract import resolution
from konflikt.extract.attribution import SourceMention, attribute
from konflikt.extract.context import Part, is_background, off_topic, sentence_part
from konflikt.extract.cues import WITH_WINDOW, Cue, lexicon
from konflikt.extract.dates import DateMention, find_dates, next_occurrence, parse_published
from konflikt.extract.parties import (
    LINEAR_WINDOW,
    PartySpan,
    find_parties,
    implicit_actor,
    is_party_token,
    linear_span,
    np_span,
)
from konflikt.extract.quantities import find_quantities
from konflikt.extract.stance import (
    hedged_by_source,
    is_claimed,
    is_deontic,
    is_open_question,
    stance_for,
)
from konflikt.model import Article, Event, EventDate, Evidence, Location, Party, Quantity
from konflikt.paths import DATA_DIR

RULES_PATH = DATA_DIR / "event_rules.yaml"

# Types whose object clause is what was said, asked or promised, not something that happened:
# "ba Tyskland om å sende soldater" is one REQUEST, not also a MOBILIZE.
VERBAL_ACTS = frozenset(
    {"REQUEST", "AGREE", "THREATEN", "REJECT", "ACCUSE", "SUPPORT", "CONCEDE"}
)
# Types whose "for ..." phrase is the charge or reason: "siktet for drap" is no ASSAULT.
LEGAL_ACTS = frozenset({"COERCE", "ACCUSE", "SANCTION"})
COMBATANT_WORDS = (
    "kriger", "krigar", "soldat", "styrke", "militant", "jihadist", "opprører", "leder",
    "leiar", "tropp", "hær", "milits", "is-", "daesh", "terrorist", "rebell", "gerilja",
)  # fmt: skip
COMBATANT_KINDS = frozenset({"state_forces", "armed_group", "rebel"})
PERSON_PRONOUNS = frozenset({"han", "hun", "ho", "ham", "henne"})
# Events a speaker reports rather than does: the speaker is not their actor.
REPORTED_NOT_DONE = frozenset({"ASSAULT", "PROTEST", "MOBILIZE", "RETREAT", "AID"})
# Sources that, telling an event with no actor of its own, are taken to have done it.
AUTHORITY_KINDS = frozenset({"government", "police", "state_forces", "igo"})
PRONOUNS = PERSON_PRONOUNS | {"de", "dei", "dem", "vi", "oss", "den", "det", "seg", "hen"}
CONTENT_MARKERS = frozenset({"å", "at", "om"})
# Words that make the next word a noun, or a verb, whatever the tagger says.
NOUN_LEFT = frozenset({"mot", "om", "for", "av", "med", "til", "en", "ei", "et", "den", "det",
                       "de", "disse", "flere", "mange", "alle", "nye", "sine", "sin"})  # fmt: skip
VERB_LEFT = frozenset({"ble", "blir", "er", "var", "har", "hadde", "vil", "skal", "kan", "å",
                       "vart", "vert", "blitt"})  # fmt: skip
PLACE_NOUNS = frozenset({"byen", "landsbyen", "havnebyen", "hovedstaden", "provinsen",
                         "regionen", "området", "fylket", "delstaten", "bydelen"})  # fmt: skip
PLACE_PREPS = frozenset({"i", "på", "ved", "utenfor", "nær", "sør", "nord", "øst", "vest", "fra"})


@dataclass(frozen=True, slots=True)
class _Rules:
    absorb: tuple[tuple[tuple[str, str | None], tuple[str, str | None]], ...]
    claimable: frozenset[str]
    no_guessed_recipient: tuple[tuple[str, str | None], ...]
    no_recipient: tuple[tuple[str, str | None], ...]
    reference_drop: tuple[tuple[str, ...], ...]
    reference_back: tuple[tuple[str, ...], ...]
    max_quoted_words: int


def _type_mode(value: str) -> tuple[str, str | None]:
    etype, _, mode = value.partition("/")
    return etype, mode or None


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    raw: dict[str, Any] = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
    return _Rules(
        absorb=tuple((_type_mode(r["keep"]), _type_mode(r["drop"])) for r in raw["absorb"]),
        claimable=frozenset(raw["claimable"]),
        no_guessed_recipient=tuple(_type_mode(v) for v in raw["no_guessed_recipient"]),
        no_recipient=tuple(_type_mode(v) for v in raw["no_recipient"]),
        reference_drop=tuple(tuple(str(p).split()) for p in raw["reference_drop"]),
        reference_back=tuple(tuple(str(p).split()) for p in raw["reference_back"]),
        max_quoted_words=int(raw["max_quoted_words"]),
    )


def _matches(event: Event, pattern: tuple[str, str | None]) -> bool:
    etype, mode = pattern
    return event.event_type == etype and (mode is None or event.mode == mode)


def _absorb(events: list[Event]) -> list[Event]:
    """Drop events that are part of another event of the same sentence (event_rules.yaml)."""
    out = []
    for e in events:
        absorbed = any(
            _matches(e, drop) and any(_matches(o, keep) for o in events if o is not e)
            for keep, drop in _rules().absorb
        )
        if not absorbed:
            out.append(e)
    return out


@dataclass(slots=True)
class Trigger:
    token: Token
    cue: Cue
    end: int  # token index after the last word of the cue (particles included)
    others: list[Trigger] = field(default_factory=list)  # more words for the same event


@dataclass(slots=True)
class _Candidate:
    event: Event
    part: Part
    sentence_index: int
    actor_key: str | None
    recipient_key: str | None
    anaphoric: bool = False  # "angrepet", "demonstrasjonene": points back to a told event
    lemma: str = ""  # the cue lemma


_FINAL = frozenset({".", "!", "?", ":", "»", '"', "…", ";"})


def segments(doc: Doc) -> list[Span]:
    """The parser's sentences, also split at line breaks (a headline, caption or heading line
    never runs on into the next line), without surrounding whitespace."""
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space or "\n" in tok.whitespace_:
                end = tok.i if tok.is_space else tok.i + 1
                if end > start:
                    out.append(doc[start:end])
                start = tok.i + 1
        if start < sent.end:
            out.append(doc[start : sent.end])
    out = [s for s in out if any(not t.is_space for t in s)]
    # the parser sometimes cuts a sentence short ("I en epost til nyhetsbyrået | AFP skriver
    # ..."): a piece that ends without final punctuation joins the next piece on its line
    merged: list[Span] = []
    for s in out:
        if merged:
            prev = merged[-1]
            last = prev[-1]
            same_line = not any(t.is_space and "\n" in t.text or "\n" in t.whitespace_
                                for t in doc[prev.end - 1 : s.start])  # fmt: skip
            if same_line and last.text not in _FINAL and not last.is_space:
                merged[-1] = doc[prev.start : s.end]
                continue
        merged.append(s)
    return merged


def _words(sent: Span) -> tuple[list[str], set[str]]:
    lowers = [t.lower_ for t in sent]
    vocab = set(lowers) | {t.lemma_.lower() for t in sent if t.lemma_}
    for t in sent:
        if "-" in t.lower_:
            vocab.update(t.lower_.split("-"))
    return lowers, vocab


def _phrase_at(doc: Doc, i: int, words: tuple[str, ...], limit: int) -> bool:
    if i + len(words) > limit:
        return False
    return all(doc[i + k].lower_ == w or doc[i + k].lemma_.lower() == w for k, w in
               enumerate(words))  # fmt: skip


def _match_with(trigger: Token, cue: Cue, sent: Span) -> int | None:
    """Index after the last particle/object word of the cue, or None if they are missing."""
    doc = sent.doc
    pos = trigger.i + 1
    for item in cue.with_:
        found = None
        for j in range(pos, min(pos + WITH_WINDOW, sent.end)):
            if doc[j].is_punct and doc[j].text not in ("-", "«", "»", '"'):
                break
            for alt in item:
                if _phrase_at(doc, j, alt, sent.end):
                    found = j + len(alt)
                    break
            if found is not None:
                break
        if found is None:
            return None
        pos = found
    return pos


def _cancelled(trigger: Token, cue: Cue, sent: Span) -> bool:
    doc = sent.doc
    return any(
        _phrase_at(doc, j, phrase, sent.end)
        for phrase in cue.not_with
        for j in (trigger.i + 1, trigger.i + 2)
    )


def find_triggers(sent: Span) -> list[Trigger]:
    """All cue triggers in a sentence whose particles, context and exclusions are satisfied."""
    lex = lexicon()
    context: tuple[set[str], str] | None = None
    found: list[Trigger] = []
    for tok in sent:
        if not (tok.is_alpha or "-" in tok.text):
            continue
        cues = lex.lookup(tok.lower_, tok.lemma_.lower())
        if not cues:
            continue
        attributive = _attributive(tok)
        prev_word = tok.nbor(-1).lower_ if tok.i > sent.start else ""
        for cue in cues:
            if attributive and cue.pos == "verb":
                continue
            # a verb cue in a noun's place ("mot anklager om") or a noun cue in a verb's place
            # ("ble møtt av"); the tag alone is not trusted ("ble bordet" tagged as a noun)
            if cue.pos == "verb" and tok.pos_ in ("NOUN", "PROPN") and prev_word in NOUN_LEFT:
                continue
            if cue.pos == "noun" and tok.pos_ in ("VERB", "AUX") and prev_word in VERB_LEFT:
                continue
            if cue.context:
                if context is None:  # built once per sentence, only when a cue needs it
                    context = (_words(sent)[1], f" {sent.text.lower()} ")
                vocab, text = context
                if not any(
                    (w in vocab) if " " not in w else (f" {w} " in text) for w in cue.context
                ):
                    continue
            end = _match_with(tok, cue, sent) if cue.with_ else tok.i + 1
            if end is None or _cancelled(tok, cue, sent):
                continue
            found.append(Trigger(tok, cue, end))
    return found


_DETERMINERS = frozenset({"den", "det", "dei", "alle", "disse", "desse", "hans", "hennes", "sine"})


def _attributive(tok: Token) -> bool:
    """A participle used as an adjective or noun ("den pågrepne", "alle de kidnappede"): it
    names people by what happened to them, it does not tell the event."""
    if tok.dep_ == "ATR" and "Fin" not in tok.morph.get("VerbForm"):
        return True  # NDT: an attribute of a noun (a finite verb there heads a relative clause)
    prev = tok.nbor(-1) if tok.i > 0 else None
    after_determiner = prev is not None and (
        prev.lower_ in _DETERMINERS or prev.pos_ == "DET" and prev.lower_ not in ("en", "et", "ei")
    )
    if after_determiner and tok.pos_ in ("", "ADJ", "NOUN"):
        return True
    # "de pågrepne", "kidnappede": participle forms that only work as adjectives or nouns
    return tok.lower_.endswith(("ede", "pne", "tne")) and tok.pos_ not in ("VERB", "AUX")


def _embedded(trig: Trigger, earlier: list[Trigger], sent: Span) -> bool:
    """Whether a trigger is only the content of an earlier verbal or legal act."""
    doc = sent.doc
    for e in earlier:
        if e.token.i >= trig.token.i:
            continue
        between = {t.lower_ for t in doc[e.end : trig.token.i]}
        infinitive = "Inf" in trig.token.morph.get("VerbForm") or (
            trig.cue.pos == "verb" and trig.token.lower_ == trig.cue.lemma
        )
        if e.cue.event_type in VERBAL_ACTS and infinitive and trig.token.i - e.end <= 3:
            return True  # "ber Danmark sende soldater"
        if "men" in between:  # "... har erkjent at ..., men har bedt dem om": a new clause
            continue
        if e.cue.event_type in VERBAL_ACTS and CONTENT_MARKERS & between:
            return True
        if e.cue.event_type in LEGAL_ACTS and "for" in between:
            return True
    return False


def select_triggers(sent: Span) -> list[Trigger]:
    """One trigger per event type, after dropping weak and embedded ones."""
    found = sorted(find_triggers(sent), key=lambda t: t.token.i)
    # one cue per token and type: the noun reading for a noun ("Angrepet skjedde"), else verb
    by_key: dict[tuple[int, str], Trigger] = {}
    for t in found:
        key = (t.token.i, t.cue.event_type)
        as_noun = t.token.pos_ == "NOUN" and not any(
            c.dep_ in ("SUBJ", "DOBJ", "nsubj", "obj") for c in t.token.children
        ) if t.token.doc.has_annotation("DEP") else t.token.pos_ == "NOUN"
        if key not in by_key or (t.cue.pos == "noun") == as_noun:
            by_key[key] = t
    found = sorted(by_key.values(), key=lambda t: t.token.i)
    found = [t for t in found if not _quoted(t, sent) and _reference(t) != "drop"]
    triggers = [t for t in found if not _embedded(t, found, sent)]
    # Weak cues, and event nouns in the definite form ("drapet", "opptøyene": mentions of an
    # event told elsewhere), only count when nothing else in the sentence does.
    strong = [t for t in triggers if not t.cue.weak and not _told_before(t)]
    if strong:
        triggers = strong
    else:
        indefinite = [t for t in triggers if not _told_before(t)]
        triggers = indefinite or triggers
    kept: list[Trigger] = []
    for trig in triggers:
        first = next((k for k in kept if k.cue.event_type == trig.cue.event_type), None)
        if first is not None:
            first.others.append(trig)  # "ble drept da styrker beskjøt": one event, two words
            continue
        kept.append(trig)
    return kept


def _mode(trig: Trigger, sent: Span, vocab: set[str]) -> str | None:
    if trig.cue.mode:
        return trig.cue.mode
    lower = trig.token.lower_
    modes = lexicon().modes.get(trig.cue.event_type, [])
    # the trigger's own compound part first ("droneangrep", "knivangrep"), then the sentence
    for mode, words in modes:
        if any(len(w) >= 4 and lower.startswith(w) and lower != w for w in words):
            return mode
    for mode, words in modes:
        if any(w in vocab for w in words):
            return mode
    return None


def _other_modes(triggers: list[Trigger], trig: Trigger) -> str | None:
    """The mode one of the event's other words gives ("drept da styrkene beskjøt")."""
    for t in [*trig.others, *triggers]:
        if t.cue.event_type == trig.cue.event_type and t.cue.mode:
            return t.cue.mode
    return None


ANTECEDENT_SENTENCES = 4
_CREDIT_MARKS = ("foto", "illustrasjon", "faksimile", "/")


def _credit(ent: Span) -> bool:
    """A photographer's name in a picture credit ("Foto: Ola Nordmann / NTB")."""
    doc = ent.doc
    before = doc[max(0, ent.start - 3) : ent.start].text.lower()
    after = doc[ent.end : min(len(doc), ent.end + 2)].text
    return any(m in before for m in _CREDIT_MARKS[:3]) or after.startswith("/")


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
            if _credit(ent):
                continue
            if resolution.is_individual(ent.text) or ent.label_ == "PER" and (
                resolution.resolve_place(ent.text) is None  # "Ankara" labelled a person
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
            self._main = (_main_place(self.main_sentences, self.article),)
        return self._main[0]

    def full_person(self, text: str) -> str:
        """The longest earlier mention of a person: "Rackete" → "Carola Rackete"."""
        last = text.split()[-1].rstrip("s") if text.split() else text
        best = text
        for _, name in self.persons:
            if last and last in name and len(name) > len(best):
                best = name
        return best

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

    def mentions_of(self, name: str) -> int:
        last = name.split()[-1] if name.split() else name
        return sum(1 for _, n in self.persons if last in n)


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
    ref = resolution.resolve_actor(text)
    head = doc[span.head]
    if ref is not None and not (ref[0] == text and (named := _named_by_copula(head))):
        party.name, party.kind, party.country = ref
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
    elif (named := _named_by_copula(head)) is not None:
        party.name, party.kind = state.full_person(named), "person"
    return party


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
        for etype, m in _rules().no_guessed_recipient
    ) and not doc.has_annotation("DEP"):
        return True
    text = tokens.text
    if text.lower() in PRONOUNS or not text[:1].isupper():
        return False
    if doc[span.head].ent_type_ == "PER" or resolution.is_individual(text):
        return False  # "Lyra McKee" is a person, whatever town shares the name
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
MAIN_PLACE_CHARS = 1000
AGENT_WINDOW = 6  # words after a passive trigger searched for "av X"
CASUALTIES = frozenset({"killed", "injured", "abducted", "arrested"})


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


def _implicit_party(text: str) -> Party:
    """The unnamed institution that acts: no span in the text, resolved through the registry."""
    party = Party(text=text)
    ref = resolution.resolve_actor(text)
    if ref is not None:
        party.name, party.kind, party.country = ref
    return party


def _key(party: Party | None, span: PartySpan | None, doc: Doc) -> str | None:
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


def _location(
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
        return _copy_location(state.main())
    trig_char = trig.token.idx - sent.start_char
    lo, hi = clause_bounds(sent.text, trig_char)
    rank = {"place": 0, "admin1": 1, "country": 2, None: 3}

    def score(loc: Location) -> tuple[int, int, int, int, int]:
        start = loc.start or 0
        before = sent.text[max(0, start - 24) : start].lower().split()
        if before and before[-1] in PLACE_NOUNS:  # "i byen Ségou"
            before = before[:-1]
        prep = 0 if before and before[-1] in PLACE_PREPS else 1
        outside = 0 if lo <= start < hi else 1
        return (outside, _describes_noun(sent, start, trig, actor_range), prep,
                rank.get(loc.precision, 3), abs(start - trig_char))  # fmt: skip

    best = min(mentions, key=score)
    if score(best)[1]:
        # only a place that describes a party ("en opprørsgruppe i Syria"): the story's own
        # place is better when it lies in that country and is finer
        main = state.main()
        if main is not None and main.country == best.country and (
            rank.get(main.precision, 3) < rank.get(best.precision, 3)
        ):
            return _copy_location(main)
    loc = _copy_location(best)
    if loc is not None and best.start is not None and best.end is not None:
        loc.start = sent.start_char + best.start + state.offset
        loc.end = sent.start_char + best.end + state.offset
    return loc


def _describes_noun(sent: Span, start: int, trig: Trigger, actor: tuple[int, int] | None) -> int:
    """1 for a place in a phrase that describes the actor ("en opprørsgruppe i Syria"): where
    the actor is from, not necessarily where the event is (the place of an attacked object,
    "kontorer i Nord-Libanon", is the event's); else 0. `actor`: its token range."""
    doc = sent.doc
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
    return 1 if actor[0] <= owner.i < actor[1] else 0


def _genitive_country(loc: Location, text: str) -> bool:
    """"Italias innenriksminister", "Tyrkias økonomi": a country as owner, not as the place."""
    if loc.precision != "country" or not loc.text.endswith("s") or loc.start is None:
        return False
    before = text[max(0, loc.start - 12) : loc.start].lower().split()
    return not (before and before[-1] in PLACE_PREPS)


def _copy_location(loc: Location | None) -> Location | None:
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
        loc = resolution.resolve_place(ent.text)
        if loc is not None:
            loc.start, loc.end = ent.start_char - base, ent.end_char - base
            found.append(loc)
    covered = [(m.start or 0, m.end or 0) for m in found]
    for m in _AFTER_PREP_RE.finditer(sent.text):
        start, end = m.start(1), m.end(1)
        if any(s <= start < e for s, e in covered):
            continue
        loc = resolution.resolve_place(m.group(1))
        if loc is not None:
            loc.start, loc.end = start, end
            found.append(loc)
    return sorted(found, key=lambda loc: loc.start or 0)


def place_mentions(text: str) -> list[Location]:
    """Places named in `text`: the gazetteer scan, plus capitalised names after a place
    preposition that the gazetteer knows as smaller places ("brakt til Lampedusa")."""
    found = resolution.find_place_mentions(text)
    covered = [(m.start or 0, m.end or 0) for m in found]
    for m in _AFTER_PREP_RE.finditer(text):
        start, end = m.start(1), m.end(1)
        if any(s <= start < e for s, e in covered):
            continue
        loc = resolution.resolve_place(m.group(1))
        if loc is not None:
            loc.start, loc.end = start, end
            found.append(loc)
    return sorted(found, key=lambda loc: loc.start or 0)


_AFTER_PREP_RE = re.compile(
    r"\b(?:i|på|til|ved|utenfor|nær|fra|frå)\s+"
    r"(?:(?:byen|landsbyen|havnebyen|hovedstaden|provinsen|regionen|området|fylket|delstaten)\s+)?"
    r"([A-ZÆØÅ][\wæøåÆØÅ-]+(?:\s+[A-ZÆØÅ][\wæøå-]+)?)"
)


def _main_place(sentences: list[Span], article: Article) -> Location | None:
    """The place the story is about: the most named place in the headline (counted twice) and
    the opening sentences, a town before its country when the country is the most named (the
    town is then at least as right, and finer). Scanned per sentence, so the scans are reused
    for the events' own places."""
    title = place_mentions(article.title) if article.title else []
    found = title + title
    for s in sentences:
        if s.start_char < MAIN_PLACE_CHARS:
            found += span_places(s)
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
    return Location(
        text=best.text, name=best.name, geonames_id=best.geonames_id, country=best.country,
        admin1=best.admin1, lat=best.lat, lon=best.lon, precision=best.precision,
    )  # fmt: skip


def _date(sent: Span, trig: Trigger, mentions: list[DateMention], offset: int) -> EventDate | None:
    if not mentions:
        return None
    trig_char = trig.token.idx - sent.start_char
    lo, hi = clause_bounds(sent.text, trig_char)
    # only a date in the trigger's own clause ("... gjenerobret, og YPG hevder IS vil tape
    # byen lørdag": Saturday is the other clause's)
    in_clause = [d for d in mentions if lo <= d.start_char < hi]
    if not in_clause:
        return None
    best = min(in_clause, key=lambda d: abs(d.start_char - trig_char))
    return EventDate(
        text=best.text, start=best.start, end=best.end, precision=best.precision,
        span_start=sent.start_char + best.start_char + offset,
        span_end=sent.start_char + best.end_char + offset,
    )  # fmt: skip


_CLAUSE_BREAK_RE = re.compile(r",\s+(?:men|mens|og)\s|;\s|\s+men\s|:\s")


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """Character range of the clause around `pos` (split at ", men", ";", ":" ...)."""
    lo, hi = 0, len(text)
    for m in _CLAUSE_BREAK_RE.finditer(text):
        if m.end() <= pos:
            lo = m.end()
        elif m.start() >= pos:
            hi = m.start()
            break
    return lo, hi


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
    return party


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


_DEFINITE_ENDINGS = ("en", "et", "ene", "a", "ane", "na", "ets", "ens")


def _reference(trig: Trigger) -> str | None:
    """"drop" or "back" for an event noun in a phrase of cause, time or reference; else None."""
    if trig.cue.pos != "noun" and trig.token.pos_ != "NOUN":
        return None
    doc = trig.token.doc
    sent_start = trig.token.sent.start
    i = trig.token.i
    # skip the noun's own determiners and adjectives ("etter de voldsomme opptøyene")
    j = i - 1
    while j >= sent_start and doc[j].pos_ in ("DET", "ADJ", "NUM") and i - j <= 3:
        j -= 1
    words = [t.lower_ for t in doc[max(sent_start, j - 3) : j + 1]]
    if j + 1 < i and doc[j + 1].lower_ in ("en", "ei", "et", "ein", "eit"):
        return None  # "Etter en samtale mellom X og Y": news, told here for the first time
    rules = _rules()
    for kind, phrases in (("drop", rules.reference_drop), ("back", rules.reference_back)):
        for p in phrases:
            if len(words) >= len(p) and tuple(words[-len(p) :]) == p:
                return kind
    return None


def _told_before(trig: Trigger) -> bool:
    return _definite(trig) or _reference(trig) == "back"


def _quoted(trig: Trigger, sent: Span) -> bool:
    """Whether the trigger stands inside a short «quote» (a slogan, a title, scare quotes)."""
    doc = sent.doc
    opened = None
    for t in doc[sent.start : trig.token.i]:
        if t.text in ("«", "“"):
            opened = t.i
        elif t.text in ("»", "”"):
            opened = None
    if opened is None:
        return False
    for t in doc[trig.token.i : sent.end]:
        if t.text in ("»", "”"):
            return t.i - opened - 1 <= _rules().max_quoted_words
    return False


def _definite(trig: Trigger) -> bool:
    """A definite event noun ("angrepet", "opptøyene") refers to an event already told."""
    if trig.cue.pos != "noun" or trig.cue.ongoing:
        return False
    tok = trig.token
    if "Def" in tok.morph.get("Definite"):
        return True
    if tok.morph.get("Definite"):
        return False
    word = tok.lower_.rsplit("-", 1)[-1]
    return word != trig.cue.lemma and word.endswith(_DEFINITE_ENDINGS) and not word.endswith(
        trig.cue.lemma
    )


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or _same_key(a, b)


def _dates_apart(a: EventDate | None, b: EventDate | None) -> bool:
    """Whether two resolved dates cannot be the same occurrence (their ranges do not meet)."""
    if a is None or b is None or not (a.start and b.start):
        return False
    return (a.end or a.start) < b.start or (b.end or b.start) < a.start


def _same_place(a: Location | None, b: Location | None) -> bool:
    return a is None or b is None or (a.name or a.text) == (b.name or b.text)


def _new_named_actor(c: _Candidate, k: _Candidate) -> bool:
    """A named actor the earlier telling lacks ("Britiske RAF deltar også i slaget"): news."""
    name = (c.actor_key or "").partition("|")[0]
    return bool(name) and name != (k.actor_key or "").partition("|")[0]


def _duplicate(c: _Candidate, kept: Iterable[_Candidate], lenient: bool) -> _Candidate | None:
    """The kept candidate that `c` retells, or None."""
    for k in kept:
        if k.event.event_type != c.event.event_type:
            continue
        if k.event.mode and c.event.mode and k.event.mode != c.event.mode:
            continue
        if _dates_apart(k.event.date, c.event.date):
            continue
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


def warm_up() -> None:
    """Load every lexicon and resolver now (they load once, on first use, otherwise)."""
    lexicon()
    _rules()
    find_dates("lørdag", "2020-01-04")
    find_quantities("om lag 100 soldater")
    resolution.resolve_actor("politiet")
    resolution.find_place_mentions("i Oslo")
    resolution.resolve_place("Vårberg")  # the minor-places table loads on first miss
    resolution.find_actor_mentions("politiet")


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
    candidates: list[_Candidate] = []
    for si, sent in enumerate(sentences):
        part = sentence_part(sent, article, doc_text)
        if part is Part.HEADING or sent.text.rstrip().endswith("?"):
            continue
        triggers = select_triggers(sent)
        if not triggers:
            continue
        lowers, vocab = _words(sent)
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
        in_sentence: list[_Candidate] = []
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
                   for t, m in _rules().no_recipient):  # fmt: skip
                r_span = None
            if a_span is not None and _speaker_or_channel(a_span, sources[si], doc):
                a_span = None
            if a_span is not None and cue.event_type in REPORTED_NOT_DONE and src_tokens and (
                a_span.start < src_tokens[1] and src_tokens[0] < a_span.end
            ):
                a_span = None  # "Bali sier kampene pågår": the speaker reports the fighting
            actor, recipient = _party(a_span, state), _party(r_span, state)
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
            if cue.role == "claim":
                recipient, r_span = actor, a_span
                actor, a_span = source, None
            if cue.combatant and not _is_combatant(actor):
                continue
            is_denial = cue.event_type == "REJECT"
            stance = stance_for(lowers, rel, is_denial=is_denial)
            if stance in ("negated", "hypothetical"):
                # Not reported as having happened or being planned: the dev gold codes none of
                # these as core events.
                continue
            date = _date(sent, trig, dates, state.offset)
            if _background(date, story_year):
                background_types.add(cue.event_type)
                continue
            if _told_before(trig) and cue.event_type in background_types and not any(
                c.event.event_type == cue.event_type for c in candidates
            ):
                continue  # "Pågripelsene inngikk i ...": the arrests of years ago, told before
            event_type, mode = cue.event_type, _mode(trig, sent, vocab) or _other_modes(
                triggers, trig
            )
            claimed = cue.pos == "verb" and cue.role is None and is_claimed(lowers, rel)
            if claimed and event_type in _rules().claimable and source is not None:
                # "Påtalemyndigheten mener agenter drepte ham": an accusation, not a killing.
                event_type, mode, stance = "ACCUSE", "allege", "asserted"
                recipient, r_span = actor, a_span
                actor, a_span = source, None
            elif claimed and stance == "asserted":
                stance = "hedged"
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
            if stance == "future" and date is not None and date.start and article.published and (
                date.precision == "day" and date.start < article.published[:10]
            ):
                # "Sikkerhetsrådet skal møtes torsdag": the coming Thursday, not the last one
                coming = next_occurrence(date.text, article.published)
                if coming is not None:
                    date.start, date.end = coming
            if event_type == "RETREAT" and stance == "future":
                # An announced withdrawal is a verbal concession (manual §2, PLOVER), and the
                # announcement is made now.
                event_type, mode, stance = "CONCEDE", None, "asserted"
            if _told_before(trig) and not (
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
                location=_location(
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
                _Candidate(
                    event, part, si, _key(actor, a_span, doc), _key(recipient, r_span, doc),
                    anaphoric=_told_before(trig), lemma=cue.lemma,
                )  # fmt: skip
            )
        kept_events = _absorb([c.event for c in in_sentence])
        seen_types: set[str] = set()
        for c in in_sentence:
            # one event per type per sentence, also after a claim or request turned one
            if any(c.event is e for e in kept_events) and c.event.event_type not in seen_types:
                seen_types.add(c.event.event_type)
                candidates.append(c)
    _casualties_follow(candidates, sentence_quantities, paragraph_of)
    _answers_to_requests(candidates)
    return _dedupe(candidates)


ANSWERS = frozenset({"REJECT", "AGREE", "CONCEDE"})
ANSWER_DISTANCE = 6  # sentences: how far back an answer looks for the request it answers


def _answers_to_requests(candidates: list[_Candidate]) -> None:
    """A refusal or an agreement with no one named answers the latest request before it
    ("USA har bedt Tyskland om soldater. Tyskland har avvist forespørselen."): its recipient
    is the one who asked."""
    last_request: _Candidate | None = None
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


def _add_quantities(event: Event, extra: list[Quantity]) -> None:
    have = {q.best for q in event.quantities}
    for q in extra:
        if q.best not in have:
            event.quantities.append(Quantity(**{f: getattr(q, f) for f in q.__slots__}))
            have.add(q.best)


def _casualties_follow(candidates: list[_Candidate], quantities: dict[int, list[Quantity]],
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
        _add_quantities(c.event, [q for q in quantities[nxt] if q.what in CASUALTIES])


def _dedupe(candidates: list[_Candidate]) -> list[Event]:
    """One event per occurrence: body sentences first, in order; headline and captions only for
    events the body does not tell."""
    kept: list[_Candidate] = []
    for c in candidates:
        if c.part is not Part.BODY:
            continue
        twin = _duplicate(c, kept, lenient=c.anaphoric)
        if twin is None:
            kept.append(c)
        else:  # a retelling may add a figure ("Rundt 200 IS-krigere skal ha forlatt byen")
            _add_quantities(twin.event, c.event.quantities)
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
            _add_quantities(first.event, c.event.quantities)
    kept.sort(key=lambda c: (c.event.evidence.start, c.event.trigger_start or 0))
    return [c.event for c in kept]
