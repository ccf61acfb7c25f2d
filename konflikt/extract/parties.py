"""Actor and recipient of a trigger, read from the NDT dependency parse.

Verbs: the actor is the subject of the verb chain (the finite auxiliary heads the main verb in
NDT, so the subject may hang on "har" or "ble"); the recipient is the direct object, or the
object of "mot"/"på"/"overfor". In the passive ("ble pågrepet av politiet", "beskyldes for") the
subject is the recipient and the actor is the object of "av". A relative "som" stands for the
noun its clause modifies.

Nouns: the actor is a genitive ("Tyrkias angrep"), a "fra"/"av" phrase, or the subject of the
verb that governs the noun ("X innførte portforbud", "20.000 deltok i demonstrasjonen"); the
recipient is a "mot"/"på" phrase, or the subject of "utsatt for"/"rammet av".

Without a parse (or where it gives nothing) the nearest named party before the trigger is the
actor and the nearest after it the recipient (swapped in the passive).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from konflikt.paths import DATA_DIR

PARTIES_PATH = DATA_DIR / "parties.yaml"
SUBJ = frozenset({"SUBJ", "nsubj", "nsubj:pass"})
# PSUBJ is the logical subject of a presentational clause, in practice what the event happened
# to ("det ble evakuert 300 sivile", or parsed so in "har evakuert 300 sivile")
OBJ = frozenset({"DOBJ", "POBJ", "IOBJ", "PSUBJ", "obj", "iobj"})
CHAIN = frozenset({"INFV", "xcomp", "aux", "aux:pass"})
COORD = frozenset({"KOORD", "conj"})
PASSIVE_AUX = frozenset({"bli", "verte", "ble", "blir", "blitt", "vart", "vert", "vorte"})
BE_AUX = frozenset({"være", "vere", "er", "var", "vært", "vore"})
RELATIVE = frozenset({"som", "der", "hvor", "kor"})
NP_MAX_TOKENS = 12
# Labels that open a clause or an adverbial inside a noun's subtree: where the party ends.
_CLAUSE_DEPS = frozenset({"ADV", "INFV", "SPRED", "FSPRED", "SBU", "FINV", "advmod", "acl",
                          "acl:relcl", "obl", "xcomp", "mark"})  # fmt: skip
# Prepositions through which the subject of a verb takes part in an event noun: "deltok i
# demonstrasjonen", "gikk til angrep på", "svarte med portforbud".
TAKING_PART = frozenset({"i", "på", "til", "med", "mot", "for", "under", "av"})
LINEAR_WINDOW = 12  # tokens searched on each side of the trigger without a parse


@dataclass(frozen=True, slots=True)
class _Lex:
    party_heads: tuple[str, ...]
    pronouns: frozenset[str]
    recipient_preps: frozenset[str]
    actor_preps: frozenset[str]
    suffer_verbs: frozenset[str]
    not_parties: frozenset[str]
    not_recipient_heads: tuple[str, ...]
    agent_nouns: tuple[str, ...]
    preps_by_type: dict[str, frozenset[str]]
    implicit_actors: dict[str, str]
    span_stops: frozenset[str]
    time_words: frozenset[str]
    affiliation_preps: frozenset[str]
    kept_preps: frozenset[str]
    owner_preps: frozenset[str]
    office_heads: tuple[str, ...]
    group_heads: tuple[str, ...]
    own_act_verbs: frozenset[str]
    receive_verbs: frozenset[str]
    receive_types: frozenset[str]
    person_roles: tuple[str, ...]
    topic_roles: tuple[str, ...]


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    raw: dict[str, Any] = yaml.safe_load(PARTIES_PATH.read_text(encoding="utf-8"))
    return _Lex(
        party_heads=tuple(sorted((str(w) for w in raw["party_heads"]), key=len, reverse=True)),
        pronouns=frozenset(raw["pronouns"]),
        recipient_preps=frozenset(raw["recipient_preps"]),
        actor_preps=frozenset(raw["actor_preps"]),
        suffer_verbs=frozenset(raw["suffer_verbs"]),
        not_parties=frozenset(raw["not_parties"]),
        not_recipient_heads=tuple(str(w) for w in raw["not_recipient_heads"]),
        agent_nouns=tuple(str(w) for w in raw["agent_nouns"]),
        preps_by_type={k: frozenset(v) for k, v in raw["recipient_preps_by_type"].items()},
        implicit_actors={str(k): str(v) for k, v in raw["implicit_actors"].items()},
        span_stops=frozenset(str(w) for w in raw["span_stops"]),
        time_words=frozenset(str(w) for w in raw["time_words"]),
        affiliation_preps=frozenset(str(w) for w in raw["affiliation_preps"]),
        kept_preps=frozenset(str(w) for w in raw["kept_preps"]),
        owner_preps=frozenset(str(w) for w in raw["owner_preps"]),
        office_heads=tuple(str(w) for w in raw["office_heads"]),
        group_heads=tuple(str(w) for w in raw["group_heads"]),
        own_act_verbs=frozenset(str(w) for w in raw["own_act_verbs"]),
        receive_verbs=frozenset(str(w) for w in raw["receive_verbs"]),
        receive_types=frozenset(str(w) for w in raw["receive_types"]),
        person_roles=tuple(str(w) for w in raw["person_roles"]),
        topic_roles=tuple(str(w) for w in raw["topic_roles"]),
    )


def person_role(word: str) -> str | None:
    """The role a lone definite role noun names ("Partilederen" -> "partileder",
    "FN-rapportøren" -> "fn-rapportør", "23-åringen" -> "23-åring"), or None for any other
    word."""
    low = word.lower()
    letters = re.sub(r"^\d+-", "", low)  # "23-åringen": an age stands for the person too
    if not low.endswith("en") or not letters.replace("-", "").isalpha():
        return None
    bare = low[:-2]
    return bare if bare.endswith(_lex().person_roles) else None


def topic_role(role: str) -> bool:
    """Whether a lone role noun of `role` may go on about the person the text was about."""
    return role.endswith(_lex().topic_roles)


def implicit_actor(event_type: str, mode: str | None) -> str | None:
    """The institution that acts when the text leaves the actor out, as Norwegian text."""
    table = _lex().implicit_actors
    return table.get(f"{event_type}/{mode}") or table.get(event_type)


def not_a_party_head(tok: Token) -> bool:
    """Whether a recipient head is a thing said, decided or a time, or an event ("et
    toppmøte"), not a party."""
    low = tok.lower_
    if tok.pos_ in ("VERB", "AUX", "SCONJ") or low in ("at", "om", "å"):
        return True
    if _not_party_word((tok.lemma_ or low).lower(), low):
        return True
    return tok.pos_ == "NOUN" and _event_noun(low, (tok.lemma_ or low).lower())


@lru_cache(maxsize=16384)
def _event_noun(low: str, lemma: str) -> bool:
    from konflikt.extract.cues import lexicon

    if any(low.startswith(n) for n in _lex().agent_nouns):
        return False  # "demonstrantene" are people
    return any(c.pos == "noun" for c in lexicon().lookup(low, lemma))


@lru_cache(maxsize=16384)
def _not_party_word(lemma: str, low: str) -> bool:
    # a compound ends in its head: "lovforslag" is a "forslag", "FN-resolusjonen" a "resolusjon"
    return any(lemma == h or low.startswith(h) and len(low) - len(h) <= 3
               or len(h) >= 5 and len(lemma) - len(h) >= 3 and lemma.endswith(h)
               for h in _lex().not_recipient_heads)  # fmt: skip


def is_agent_noun(tok: Token) -> bool:
    low = tok.lower_.rsplit("-", 1)[-1]
    return any(low.startswith(n) for n in _lex().agent_nouns)


@dataclass(slots=True)
class PartySpan:
    start: int  # token indices in the doc, end exclusive
    end: int
    head: int

    def text(self, sent: Span) -> str:
        doc = sent.doc
        return doc[self.start : self.end].text


def _has_parse(sent: Span) -> bool:
    return sent.doc.has_annotation("DEP")


def verb_chain(tok: Token) -> list[Token]:
    """The trigger and the auxiliaries above it, up to the finite verb (and across "og")."""
    out = [tok]
    cur = tok
    for _ in range(6):
        if cur.dep_ in CHAIN or cur.dep_ in COORD:
            if cur.head is cur:
                break
            if cur.dep_ in COORD and _own_subject_after_men(cur):
                break  # "X har ..., men Y har ...": a new clause with its own subject
            cur = cur.head
            if cur.pos_ not in ("VERB", "AUX") and cur.dep_ not in CHAIN:
                break
            out.append(cur)
        else:
            break
    return out


def _own_subject_after_men(conj: Token) -> bool:
    """Whether a coordinated verb after "men" has a subject of its own before it ("..., men
    SDF har ...") rather than sharing the first verb's ("Piñera har erkjent ..., men har
    bedt dem")."""
    lo, hi = sorted((conj.head.i, conj.i))
    doc = conj.doc
    men = [t.i for t in doc[lo:hi] if t.lower_ == "men"]
    if not men:
        return False
    return any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in doc[men[-1] + 1 : conj.i])


def is_passive(tok: Token, chain: list[Token]) -> bool:
    # only the verb's own auxiliaries: "Hæren har sendt ..., og flere er pågrepet" joins a
    # passive to an active clause
    for n, t in enumerate(chain):
        if t.dep_ in COORD and any(c.dep_ in SUBJ for c in t.children):
            chain = chain[: n + 1]  # a conjunct with its own subject has its own auxiliaries
            break
    morph = tok.morph
    if "Pass" in morph.get("Voice") or "pass" in tok.tag_:
        return True
    participle = "Part" in morph.get("VerbForm") or "perf-part" in tok.tag_
    if not participle and tok.lower_.endswith(("et", "t", "d", "tt")) and tok.pos_ != "NOUN":
        participle = True  # the tagger may miss participles; the auxiliary decides
    if not participle:
        return tok.lower_.endswith("es") and tok.lemma_.lower().endswith("e") and (
            tok.lemma_.lower() != tok.lower_
        )
    if len(chain) == 1 and any(c.lower_ == "av" and c.pos_ == "ADP" for c in tok.children):
        return True  # a headline's bare participle with its agent: "Ni bortført av pirater"
    lemmas = {t.lemma_.lower() for t in chain[1:]} | {t.lower_ for t in chain[1:]}
    if lemmas & PASSIVE_AUX:
        return True
    # "er pågrepet" (state passive); "har pågrepet" is active.
    return bool(lemmas & BE_AUX) and not lemmas & {"ha", "har", "hadde", "hatt"}


def _child(tokens: list[Token], labels: frozenset[str]) -> Token | None:
    """The first child with one of `labels` that can be a party ("Natt til lørdag ble X
    rammet": the parser may give the time phrase as a second subject)."""
    fallback = None
    for t in tokens:
        for c in t.children:
            label = c.dep_
            if c.is_space and label in labels:
                # a line break the parser made the subject, with the sentence's first name
                # hung on it ("\nTyrkia har varslet ..."): that name is the subject
                names = [g for g in c.children if g.pos_ in ("NOUN", "PROPN", "PRON")]
                if not names:
                    continue
                c = names[-1]
            elif c.is_space or c.is_punct:  # the parser labels line breaks too
                continue
            if label in labels:
                if c.lower_ in RELATIVE or not not_a_party_head(c):
                    return c
                fallback = fallback or c
    return fallback


def _pp_object(tokens: list[Token], preps: frozenset[str]) -> Token | None:
    for t in tokens:
        for c in t.children:
            if c.lower_ in preps:
                for cc in c.children:
                    if cc.is_space or cc.is_punct:
                        continue
                    if cc.dep_ in ("PUTFYLL", "pobj", "obl", "nmod") or cc.pos_ in (
                        "NOUN", "PROPN", "PRON",
                    ):  # fmt: skip
                        return cc
    return None


def _antecedent(tok: Token, chain: list[Token]) -> Token | None:
    """For a relative "som": the noun the relative clause modifies."""
    top = chain[-1]
    head = top.head
    if head is top or head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    prep = head.head
    if head.dep_ in ("PUTFYLL", "pobj") and prep.lower_ == "i" and prep.head.pos_ == "NOUN" and (
        any(ch.isdigit() for ch in head.text)
    ):
        return prep.head  # "en mann i 60-årene som ...": the man, not his age
    return head


def np_span(head: Token) -> PartySpan:
    """The noun phrase of `head`: left modifiers, the head, appositions and "i/for" attributes,
    cut before a relative clause or a verb."""
    sub = list(head.subtree)
    start = head.i
    for t in sub:
        if t.i < head.i:
            start = t.i
            break
    end = head.i + 1
    for t in sub:
        if t.i <= head.i:
            continue
        if t.i != end or t.is_space or "\n" in doc_ws(t):
            break
        if t.lower_ in RELATIVE or t.pos_ in ("VERB", "AUX") or t.lower_ in ("at", "og", "men"):
            break
        if t.pos_ == "SCONJ" or t.lower_ == "å":
            break  # "kritisert presidenten for å svikte kurderne": the reason, not the party
        if t.is_punct and t.text not in ("-",) and not _apposition_follows(t):
            break
        if _ends_np(t, head, end):
            break
        end = t.i + 1
    # "Frankrike og Storbritannia": parties acting together are one actor (manual §2)
    for c in head.children:
        if c.dep_ in COORD and c.i >= end and c.pos_ in ("PROPN", "NOUN"):
            between = head.doc[end : c.i]
            if all(t.lower_ in ("og", ",", "eller") for t in between) and c.i - end <= 2:
                end = c.i + 1
                while end < len(head.doc) and head.doc[end].dep_ in ("FLAT", "flat"):
                    end += 1
    start = max(start, end - NP_MAX_TOKENS)
    doc = head.doc
    # a subtree can reach across a line break into the line before: start on this line
    for k in range(head.i - 1, start - 1, -1):
        if doc[k].is_space or "\n" in doc[k].whitespace_:
            start = k + 1
            break
    while start < head.i and (
        doc[start].is_punct or doc[start].is_space or doc[start].lower_ in ("og", "men")
        or doc[start].lower_ in _lex().affiliation_preps  # "til Energidepartementet"
    ):
        start += 1
    while end - 1 > head.i and (
        doc[end - 1].is_punct or doc[end - 1].lower_ in ("og",)
        or doc[end - 1].pos_ in ("ADP", "SCONJ")
    ):  # a PP whose object was cut off leaves its preposition behind
        end -= 1
    return PartySpan(start, end, head.i)


def _ends_np(t: Token, head: Token, end: int) -> bool:
    """Whether `t`, the next word of `head`'s subtree, starts something that is not part of the
    party: a time word ("i Kyiv onsdag"), an adverbial or object the parser hung on the noun,
    an infinitive, or a PP that is not a name or an affiliation ("mannen til ti års fengsel",
    "stillingene i El Fasher med artilleri"; but "lederen for IS", "politiet i Oslo")."""
    lex = _lex()
    low = t.lower_
    if low == "med" and t.head.i == head.i and _is_group(head):
        return False  # "den siste gruppa med IS-krigere", "en konvoi med soldater": who is in it
    if low in lex.span_stops or _time_word(t):
        return True
    if t.dep_ in SUBJ | OBJ | _CLAUSE_DEPS:
        return True
    if t.dep_ in ("APP", "appos") and t.pos_ == "NOUN" and t.i == end and t.head.i == end - 1 and (
        t.text.islower() and t.head.pos_ == "NOUN"
    ):
        return True  # "kastet demonstranter stein": two common nouns side by side are two roles
    if t.pos_ != "ADP":
        return False
    owner = t.head
    if not head.i <= owner.i < end and owner.i != head.i:
        return True  # the PP hangs on something outside the noun phrase (the verb)
    obj = next((c for c in t.children if c.dep_ in ("PUTFYLL", "pobj", "obl", "nmod")), None)
    if obj is not None and (_time_word(obj) or obj.pos_ == "NOUN" and _event_noun(
        obj.lower_, (obj.lemma_ or obj.lower_).lower()
    )):
        return True  # "fra mandag", "til neste uke", "i protest mot"
    if low in lex.kept_preps:
        return False  # "tusenvis av demonstranter", "fly fra den sudanske hæren"
    if low in lex.owner_preps and obj is not None and _holds_office(obj):
        return False  # "inngangspartiet til Energidepartementet": whose
    if low not in lex.affiliation_preps:
        return True
    return not _holds_office(owner)


def _is_group(tok: Token) -> bool:
    words = (tok.lower_, (tok.lemma_ or tok.lower_).lower())
    return any(w.startswith(g) for w in words for g in _lex().group_heads)


def _time_word(tok: Token) -> bool:
    low = tok.lower_
    lemma = (tok.lemma_ or low).lower()
    return low in _lex().time_words or lemma in _lex().time_words


def _holds_office(tok: Token) -> bool:
    """Whether a noun names an institution, a role or a group that a PP may place or
    affiliate ("myndighetene i Kigali", "talsmann for YPG"), rather than a person or thing
    that a PP only locates in the event."""
    if tok.ent_type_ in ("ORG", "GPE_ORG"):
        return True
    low = tok.lower_.rsplit("-", 1)[-1]
    lemma = (tok.lemma_ or low).lower()
    heads = _lex().office_heads
    # inside the word: "energidepartementet", "spesialutsendingen"
    return any(h in w for h in (*heads, *_lex().party_heads) for w in (low, lemma))


def doc_ws(tok: Token) -> str:
    return tok.doc[tok.i - 1].whitespace_ if tok.i > 0 else ""


def _apposition_follows(comma: Token) -> bool:
    """A comma that opens an apposition of the head ("spesialutsending ..., James Jeffrey,")."""
    if comma.text != ",":
        return False
    nxt = comma.nbor(1) if comma.i + 1 < len(comma.doc) else None
    return nxt is not None and nxt.dep_ in ("APP", "appos", "FLAT", "flat")


def _ok_party(tok: Token | None) -> Token | None:
    if tok is None:
        return None
    named = tok.ent_type_ != "" or any(c.dep_ in ("FLAT", "flat") for c in tok.children)
    if tok.is_punct or tok.lower_ in _lex().not_parties and not named:  # "Det hvite hus"
        return None
    if tok.like_num and tok.pos_ != "NOUN" and not any(
        c.lower_ == "av" or c.dep_ in ("DET", "det") for c in tok.children  # "De to"
    ):
        # "200 M23-krigere overga seg": the counted noun after the number is the party
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and not not_a_party_head(nxt):
            return nxt
        return None  # a bare number; "13 av de mest sårbare" is a party
    if not_a_party_head(tok):  # "torsdagens opptøyer", "avviste forespørselen"
        return None
    return tok


def parse_parties(trigger: Token, event_type: str, pos: str) -> tuple[Token | None, Token | None]:
    """(actor head, recipient head) from the parse."""
    lex = _lex()
    if is_agent_noun(trigger):
        return trigger, _pp_object([trigger], lex.recipient_preps)
    verb_like = any(c.dep_ in SUBJ | OBJ for c in trigger.children)
    if pos == "noun" or trigger.pos_ == "NOUN" and not verb_like:  # "pågrep" tagged a noun
        return _noun_parties(trigger, event_type)
    chain = verb_chain(trigger)
    subj = _child(chain, SUBJ)
    if subj is not None and subj.lower_ in RELATIVE:
        subj = _antecedent(subj, chain)
    if subj is None and chain[-1].dep_ in ("ATR", "acl", "acl:relcl") and any(
        c.lower_ in RELATIVE for c in chain[-1].children
    ):
        subj = _antecedent(chain[-1], chain)  # "De to mennene som er pågrepet"
    if subj is None:
        subj = _controller(chain)  # "de kommer til å støtte SDF"
    preps = lex.recipient_preps | lex.preps_by_type.get(event_type, frozenset())
    obj = _child([trigger], OBJ)
    if _ok_party(obj) is None:  # "overgitt seg til fredsstyrken": the reflexive is no party
        obj = _pp_object([trigger], preps) or obj
    if obj is not None and not_a_party_head(obj):
        # "avviste kritikken fra EU", "godtok kravet fra demonstrantene": whose it was
        obj = _pp_object([obj], frozenset({"fra", "frå"})) or obj
    if is_passive(trigger, chain):
        agent = _pp_object(chain, frozenset({"av"}))
        if event_type == "MOBILIZE" and agent is None:
            return _ok_party(subj), None  # "10.000 soldater er utplassert": they move
        return _ok_party(agent), _ok_party(subj)
    return _ok_party(subj), _ok_party(obj)


def _is_cue_word(tok: Token) -> bool:
    from konflikt.extract.cues import lexicon

    return bool(lexicon().lookup(tok.lower_, tok.lemma_.lower()))


def _controller(chain: list[Token]) -> Token | None:
    """The subject of the verb that governs an infinitive ("kommer til å støtte", "svarte med
    å innføre"): up through "å" and one preposition only, so as not to leave the clause."""
    up = chain[-1].head
    steps = 0
    while up.pos_ in ("PART", "ADP", "SCONJ") and steps < 3 and up.head is not up:
        up = up.head
        steps += 1
    if steps == 0 or up.pos_ not in ("VERB", "AUX"):
        return None
    chain = verb_chain(up)
    subj = _child(chain, SUBJ)
    if subj is None and any(c.lower_ == "som" for c in up.children):
        # "en mann som prøvde å hjelpe", with "som" parsed as a subjunction: the noun the
        # relative clause modifies
        subj = _antecedent(up, chain)
    elif subj is not None and subj.lower_ in RELATIVE:
        subj = _antecedent(subj, chain)
    return subj


def announces_own_act(trigger: Token) -> bool:
    """Whether an event noun is the object of a verb announcing the subject's own act ("Tyrkia
    har varslet en militæroperasjon"): the one who tells it is also the one who does it."""
    head = trigger.head
    return trigger.pos_ == "NOUN" and trigger.dep_ in OBJ and head is not trigger and (
        _announcing(head)
    )


def _receives(verb: Token, event_type: str) -> bool:
    """Whether the verb's subject receives an event of this type ("får kritikk")."""
    lex = _lex()
    return event_type in lex.receive_types and (
        verb.lemma_.lower() in lex.receive_verbs or verb.lower_ in lex.receive_verbs
    )


def _announcing(verb: Token) -> bool:
    """A verb that announces, plans or begins its subject's own act (parties.yaml)."""
    return (verb.lemma_ or verb.lower_).lower() in _lex().own_act_verbs


def _nationality(adjective: Token) -> bool:
    """Whether an adjective names a state ("tyrkisk", "amerikanske")."""
    from konflikt.extract.resolution import resolve_actor  # the registry loads on first use

    ref = resolve_actor(adjective.text)
    return ref is not None and ref[1] == "government" and ref[2] is not None


def _noun_parties(noun: Token, event_type: str) -> tuple[Token | None, Token | None]:
    lex = _lex()
    actor: Token | None = None
    between = _pp_object([noun], frozenset({"mellom", "millom"}))
    if between is not None:  # "en samtale mellom Trump og Erdogan"
        other = next((c for c in between.children if c.dep_ in COORD), None)
        doc = noun.doc
        if other is None and between.i + 2 < len(doc) and doc[between.i + 1].lower_ == "og":
            other = doc[between.i + 2]  # the parser did not join the two names
        return _ok_party(between), _ok_party(other)
    preps = lex.recipient_preps | lex.preps_by_type.get(event_type, frozenset())
    recipient = _pp_object([noun], preps)
    governor = noun.head
    if noun.dep_ in ("PUTFYLL", "pobj") and governor.head is not governor:
        governor = governor.head  # "kommer på besøk": the verb above the preposition
    if recipient is None and governor is not noun and governor.pos_ in ("VERB", "AUX"):
        # "kommer på besøk til Det hvite hus": the phrase hangs on the verb
        recipient = _pp_object([governor], lex.preps_by_type.get(event_type, frozenset()))
    for c in noun.children:
        if c.i < noun.i and c.dep_ in ("DET", "nmod:poss", "det") and (
            c.text.endswith(("s", "'")) and c.pos_ in ("PROPN", "NOUN")
        ):
            actor = c
    if actor is None and event_type != "PROTEST":
        # "et tyrkisk angrep", "amerikanske sanksjoner": the nationality is the actor (of
        # protests it says who marches, not which state)
        actor = next((c for c in noun.children if c.i < noun.i and c.dep_ in ("ATR", "amod")
                      and c.pos_ == "ADJ" and _nationality(c)), None)  # fmt: skip
    if actor is None:
        actor = _pp_object([noun], lex.actor_preps)
        if actor is not None and event_type in ("ACCUSE", "REQUEST", "SUPPORT", "REJECT") and (
            actor.head.lower_ not in ("fra", "frå")
        ):
            # "kritikken av Trump" is aimed at Trump; "kritikk fra senatorene" is theirs
            recipient, actor = recipient or actor, None
    receiver = noun.head
    if actor is not None and recipient is None and noun.dep_ in OBJ and receiver is not noun and (
        _receives(receiver, event_type)
    ):
        # "presidenten får kritikk fra partifellene": who gets it is its target
        recipient = _child(verb_chain(receiver), SUBJ)
    if actor is None:
        head = noun.head
        if noun.dep_ in ("PUTFYLL", "pobj", "obl", "nmod") and head is not noun:
            # "deltok i demonstrasjonen": the preposition's verb; "sendte direkte fra
            # kamphandlingene": the sender takes no part
            head = head.head if head.lower_ in TAKING_PART else noun
        if head is not noun and head.pos_ in ("VERB", "AUX") and (
            not _is_cue_word(head) or _announcing(head)
        ):
            # (a verb that tells an event of its own, "fordømte angrepet", lends no subject;
            # one that announces the subject's own act, "varslet en militæroperasjon", does)
            chain = verb_chain(head)
            subj = _child(chain, SUBJ)
            if subj is None:
                # "svarte ... med å innføre unntakstilstand": the controlling verb's subject
                up = chain[-1].head
                for _ in range(4):  # through "med å", "for å", "til å"
                    if up.pos_ in ("VERB", "AUX"):
                        subj = _child(verb_chain(up), SUBJ)
                        if subj is not None:
                            chain = verb_chain(up)
                            head = up
                            break
                    if up.head is up:
                        break
                    up = up.head
            if subj is not None and subj.i != noun.i:
                if subj.lower_ in RELATIVE:
                    subj = _antecedent(subj, chain)
                copula = {t.lemma_.lower() for t in chain} | {t.lower_ for t in chain}
                if noun.dep_ == "SPRED" and copula & (BE_AUX | PASSIVE_AUX) and (
                    noun.lower_.endswith(("et", "t", "d"))
                ):
                    # "90 prosent av byen skal være gjenerobret", the participle tagged a
                    # noun: what was retaken, not who retook it
                    recipient = recipient or subj
                elif head.lemma_.lower() in lex.suffer_verbs or head.lower_ in lex.suffer_verbs:
                    recipient = recipient or subj
                elif _receives(head, event_type):
                    recipient = recipient or subj
                    # "får kritikk fra ...": the phrase may hang on the verb
                    actor = actor or _pp_object([head], frozenset({"fra", "frå"}))
                elif is_passive(head, chain):
                    actor = _pp_object(chain, frozenset({"av"}))
                    recipient = recipient or subj
                else:
                    actor = subj
    return _ok_party(actor), _ok_party(recipient)


def is_party_token(tok: Token, sent: Span) -> bool:
    """Whether a token can head a party without a parse: a named entity, a party noun, or a
    capitalised word inside the sentence (a name the entity recogniser did not give)."""
    if tok.ent_type_ in ("PER", "ORG", "GPE_ORG", "GPE_LOC", "GPE") and tok.ent_iob_ == "B":
        return True
    if tok.ent_iob_ == "I":
        return False
    low = tok.lower_
    if low in _lex().not_parties or low in _lex().pronouns or not tok.is_alpha and "-" not in low:
        return False
    if _party_head_word(low):
        return True
    if not tok.doc.has_annotation("ENT_IOB") and tok.text[:1].isupper() and tok.i != sent.start:
        prev = tok.doc[tok.i - 1]
        return not prev.text[:1].isupper() or prev.is_punct  # the first word of a name
    return False


@lru_cache(maxsize=16384)
def _party_head_word(low: str) -> bool:
    return any(low.startswith(h) or low.endswith(h) for h in _lex().party_heads)


def linear_parties(
    sent: Span, trigger: Token, passive: bool, stop_at_content: bool = True
) -> tuple[Token | None, Token | None]:
    """Nearest party before and after the trigger within the sentence."""
    before = after = None
    doc = sent.doc
    for t in reversed(doc[max(sent.start, trigger.i - LINEAR_WINDOW) : trigger.i]):
        if _after_place_prep(doc, t.i):
            continue
        if is_party_token(t, sent):
            before = t
            break
    hi = min(sent.end, trigger.i + LINEAR_WINDOW)
    for t in doc[trigger.i + 1 : hi]:  # the clause ends at a comma or a new conjunction;
        # "å" and "at" open what was asked, promised or refused, not whom
        if t.text in (",", ";", ":") or t.lower_ in ("mens", "men", "samtidig") or (
            t.lower_ in ("å", "at") and stop_at_content
        ) or (t.lower_ == "og" and t.i + 1 < hi and doc[t.i + 1].pos_ in ("VERB", "AUX")):
            hi = t.i  # "fordømt angrepet og oppfordrer myndighetene": a new verb, a new event
            break
    for t in doc[trigger.i + 1 : hi]:
        if is_party_token(t, sent) and not _after_place_prep(doc, t.i):
            after = t
            break
    if passive:
        # the actor of a passive is the object of "av": "ble pågrepet av politiet"
        agent = None
        for t in doc[trigger.i + 1 : hi]:
            if t.lower_ == "av":
                agent = next((x for x in doc[t.i + 1 : min(hi, t.i + 5)]
                              if is_party_token(x, sent)), None)  # fmt: skip
                break
        return agent, before
    return before, after


def linear_span(tok: Token, sent: Span) -> PartySpan:
    """A party span without a parse: the entity, or adjacent capitalised/adjective words."""
    if tok.ent_iob_ == "B":
        end = tok.i + 1
        while end < sent.end and sent.doc[end].ent_iob_ == "I":
            end += 1
        return PartySpan(tok.i, end, tok.i)
    start = tok.i
    while start - 1 >= sent.start and sent.doc[start - 1].is_alpha and (
        sent.doc[start - 1].text[:1].isupper() or sent.doc[start - 1].pos_ in ("ADJ", "DET")
    ) and start - 1 != sent.start:
        start -= 1
    end = tok.i + 1
    while end < sent.end and sent.doc[end].text[:1].isupper() and (
        sent.doc[end].is_alpha or "-" in sent.doc[end].text
    ):
        end += 1
    return PartySpan(start, end, tok.i)


PLACE_LEFT = frozenset({"i", "på", "ved", "fra", "frå", "utenfor", "nær", "til", "mot"})


def _after_place_prep(doc: Doc, start: int) -> bool:
    return start > 0 and doc[start - 1].lower_ in PLACE_LEFT - {"mot"}


def _overlap(a: PartySpan | None, b: PartySpan | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def mention_parties(
    trigger: Token, mentions: list[PartySpan], passive: bool
) -> tuple[PartySpan | None, PartySpan | None]:
    """Nearest registry actor mention before and after the trigger (passive: "av" + mention),
    leaving out mentions after a place preposition ("i Saudi-Arabia" is where, not who)."""
    mentions = [m for m in mentions if not _after_place_prep(trigger.doc, m.start)]
    before = [m for m in mentions if m.end <= trigger.i and trigger.i - m.end < LINEAR_WINDOW]
    after = [m for m in mentions if m.start > trigger.i and m.start - trigger.i < LINEAR_WINDOW]
    b = before[-1] if before else None
    a = after[0] if after else None
    if passive:
        doc = trigger.doc
        agent = next((m for m in after if m.start > 0 and doc[m.start - 1].lower_ == "av"), None)
        return agent, b
    return b, a


def find_parties(  # fmt: skip
    sent: Span, trigger: Token, event_type: str, pos: str,
    mentions: Callable[[], list[PartySpan]] | None = None,
    avoid: tuple[int, int] | None = None,
) -> tuple[PartySpan | None, PartySpan | None]:
    """Actor and recipient spans for one trigger: from the parse, else from registry actor
    mentions near the trigger (`mentions()` gives them as token spans; called only when
    needed), else from names and party nouns."""
    actor = recipient = None
    if is_agent_noun(trigger) and not _has_parse(sent):
        actor = linear_span(trigger, sent)
    elif _has_parse(sent):
        a, r = parse_parties(trigger, event_type, pos)
        # the parse may join a heading line to the sentence: keep to the sentence's words
        a = a if a is not None and sent.start <= a.i < sent.end else None
        r = r if r is not None and sent.start <= r.i < sent.end else None
        actor = np_span(a) if a is not None else None
        recipient = np_span(r) if r is not None else None
    if actor is None or (recipient is None and pos != "noun"):
        passive = pos != "noun" and is_passive(trigger, [trigger, *_aux_before(trigger, sent)])
        # a threat's target sits in what is threatened ("truet med å ruinere Tyrkias økonomi")
        la, lr = linear_parties(sent, trigger, passive, event_type != "THREATEN")
        # registry mentions (a costlier scan) only where word order found no candidate
        need = actor is None and la is None
        ma, mr = mention_parties(trigger, mentions() if mentions and need else [], passive)
        # a guess by word order is never the one who tells it ("sier Bali at kampene pågår")
        if ma is not None and avoid is not None and avoid[0] <= ma.head < avoid[1]:
            ma = None
        if la is not None and avoid is not None and avoid[0] <= la.i < avoid[1]:
            la = None
        if actor is None:
            if ma is not None and (recipient is None or ma.head != recipient.head):
                actor = ma
            elif la is not None and (recipient is None or la.i != recipient.head):
                actor = linear_span(la, sent)
        if recipient is None and pos != "noun":
            if mr is not None and not _overlap(mr, actor):
                recipient = mr
            elif lr is not None and not (actor is not None and actor.start <= lr.i < actor.end):
                recipient = linear_span(lr, sent)
    if actor is not None and recipient is not None and actor.start < recipient.head < actor.end:
        # "mellom Trump og Erdogan": the coordination joined them; the recipient is the second
        cut = recipient.start
        while cut > actor.start and sent.doc[cut - 1].lower_ in ("og", ",", "eller"):
            cut -= 1
        if cut > actor.start:
            actor = PartySpan(actor.start, cut, min(actor.head, cut - 1))
    if actor is not None and recipient is not None and (
        actor.head == recipient.head or _overlap(actor, recipient)
    ):
        recipient = None
    if recipient is not None and not_a_party_head(sent.doc[recipient.head]):
        recipient = None
    if actor is not None and not_a_party_head(sent.doc[actor.head]):
        actor = None
    if recipient is None:
        recipient = _against(sent, trigger, actor)
    if recipient is None and pos == "noun" and event_type == "ASSAULT":
        # "benyttet tåregass, gummikuler og vannkanoner for å holde demonstrantene unna":
        # whom the weapons were used on, anywhere later in the sentence
        doc = sent.doc
        for t in doc[trigger.i + 1 : sent.end]:
            if actor is not None and actor.start <= t.i < actor.end:
                continue
            if _party_head_word(t.lower_) and not _after_place_prep(doc, t.i) and (
                t.pos_ in ("NOUN", "PROPN", "")
            ):
                recipient = np_span(t) if _has_parse(sent) else linear_span(t, sent)
                break
    if recipient is None and event_type in ("REQUEST", "REJECT"):
        recipient = _asked(sent, trigger, actor)
    return named_before_apposition(actor, sent), named_before_apposition(recipient, sent)


_INDEFINITE = frozenset({"en", "ei", "et", "ein", "eit"})


def named_before_apposition(span: PartySpan | None, sent: Span) -> PartySpan | None:
    """The name an indefinite description stands beside: in "SDF, en kurdiskdominert gruppe,
    har ..." the party is SDF, whichever of the two the parser made the subject. The name is a
    named entity ending just before the comma, with an optional "(abbreviation)" after it.
    Likewise a description and the name set off by commas after it ("Danmarks allierte i NATO,
    Tyrkia, har truet ...") are one party, as a gold coder marks them, named by the name."""
    if span is None:
        return None
    doc = sent.doc
    after = span.end
    if after + 2 < sent.end and doc[after].text == "," and any(
        t.pos_ == "NOUN" and t.text.islower() for t in doc[span.start : after]
    ):
        ent = next((e for e in doc.ents if e.start == after + 1), None)
        if ent is not None and ent.label_ in ("ORG", "GPE_ORG", "GPE_LOC", "PER") and (
            ent.end < sent.end and doc[ent.end].text == ","
        ):
            return PartySpan(span.start, ent.end, ent.root.i)
    i = span.start - 1
    if doc[span.start].lower_ not in _INDEFINITE or i < sent.start or doc[i].text != ",":
        return span
    i -= 1
    ends = [i]
    if i >= sent.start + 2 and doc[i].text == ")" and doc[i - 2].text == "(":
        ends = [i - 3, i - 1]  # "Syrian Democratic Forces (SDF), en ...": the name, else "SDF"
    for end in ends:
        ent = next((e for e in doc.ents if e.end - 1 == end and e.start >= sent.start), None)
        if ent is not None and ent.label_ in ("ORG", "GPE_ORG", "PER"):
            return PartySpan(ent.start, ent.end, ent.root.i)
    return span


def _asked(sent: Span, trigger: Token, actor: PartySpan | None) -> PartySpan | None:
    """"Det anbefales at FNs generalsekretær krever ...": the subject of the that-clause is
    the one asked."""
    doc = sent.doc
    for t in doc[trigger.i + 1 : min(sent.end, trigger.i + 4)]:
        if t.lower_ != "at":
            continue
        for x in doc[t.i + 1 : min(sent.end, t.i + 8)]:
            if x.pos_ in ("VERB", "AUX"):
                return None
            if x.dep_ in SUBJ and _ok_party(x) is not None or (
                not doc.has_annotation("DEP") and is_party_token(x, sent)
            ):
                span = np_span(x) if doc.has_annotation("DEP") else linear_span(x, sent)
                return None if actor is not None and span.head == actor.head else span
    return None


def _against(sent: Span, trigger: Token, actor: PartySpan | None) -> PartySpan | None:
    """"... sanksjoner mot Tyrkia": the party after "mot" later in the trigger's clause."""
    doc = sent.doc
    for t in doc[trigger.i + 1 : sent.end]:
        if t.is_punct and t.text in (",", ";", ":"):
            return None
        if t.lower_ in ("mot", "imot") and t.i + 1 < sent.end:
            nxt = doc[t.i + 1]
            head = nxt
            for x in doc[t.i + 1 : min(sent.end, t.i + 5)]:
                if x.pos_ in ("PROPN", "NOUN") or is_party_token(x, sent):
                    head = x
                    break
            if head.pos_ in ("PROPN", "NOUN") and not not_a_party_head(head):
                span = np_span(head) if doc.has_annotation("DEP") else linear_span(head, sent)
                if actor is None or span.head != actor.head:
                    return span
            return None
    return None


def _aux_before(trigger: Token, sent: Span) -> list[Token]:
    """Auxiliaries in the three words before a trigger, for passive detection without a parse."""
    lo = max(sent.start, trigger.i - 3)
    return [t for t in sent.doc[lo : trigger.i] if t.lower_ in PASSIVE_AUX | BE_AUX]
