"""Triggers in a sentence: cue words (konflikt.extract.cues) that tell an event, after the
manual's exclusions — the content of what is asked or promised, the charge behind an arrest,
participles used as adjectives, short «quotes», event nouns that only refer to an event told
elsewhere — and the sentence pieces (segments) the extractor works on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from konflikt.extract.cues import WITH_WINDOW, Cue, lexicon
from konflikt.extract.rules import event_rules

# Types whose object clause is what was said, asked or promised, not something that happened:
# "ba Tyskland om å sende soldater" is one REQUEST, not also a MOBILIZE.
VERBAL_ACTS = frozenset(
    {"REQUEST", "AGREE", "THREATEN", "REJECT", "ACCUSE", "SUPPORT", "CONCEDE"}
)
# Words that may stand between an act and its object: "fordømte lørdag angrepet".
_TIME_WORDS = frozenset(
    {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "i", "går", "dag",
     "natt", "kveld", "også", "sterkt", "kraftig"}
)  # fmt: skip
# Acts whose object or clause is a topic, not a second event: "forhandle om en fredsavtale".
CONTENT_ACTS = VERBAL_ACTS | {"CONSULT"}


# Types whose "for ..." phrase is the charge or reason: "siktet for drap" is no ASSAULT.
LEGAL_ACTS = frozenset({"COERCE", "ACCUSE", "SANCTION"})


CONTENT_MARKERS = frozenset({"å", "at", "om"})


# Words that make the next word a noun, or a verb, whatever the tagger says.
NOUN_LEFT = frozenset({"mot", "om", "for", "av", "med", "til", "en", "ei", "et", "den", "det",
                       "de", "disse", "flere", "mange", "alle", "nye", "sine", "sin"})  # fmt: skip


VERB_LEFT = frozenset({"ble", "blir", "er", "var", "har", "hadde", "vil", "skal", "kan", "å",
                       "vart", "vert", "blitt"})  # fmt: skip


@dataclass(slots=True)
class Trigger:
    token: Token
    cue: Cue
    end: int  # token index after the last word of the cue (particles included)
    others: list[Trigger] = field(default_factory=list)  # more words for the same event


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


def sentence_words(sent: Span) -> tuple[list[str], set[str]]:
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
    if any(
        _phrase_at(doc, j, phrase, sent.end)
        for phrase in cue.not_with
        for j in (trigger.i + 1, trigger.i + 2)
    ):
        return True
    # an idiom that ends in the cue word: "etter alt å dømme" judges nobody
    return any(
        trigger.i - len(phrase) >= sent.start
        and _phrase_at(doc, trigger.i - len(phrase), phrase, trigger.i)
        for phrase in cue.not_after
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
                    context = (sentence_words(sent)[1], f" {sent.text.lower()} ")
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


# Parts of speech of a bare noun phrase ("de fengslede journalistene", "ham", "tre aktivister").
_NOUN_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"})


def _object_predicate(tok: Token, between: Span) -> bool:
    """A participle right after a verb's object, saying what should become of it ("krevde
    fangene løslatt", "krever dem straffet"): the wished-for state, not a deed that was done.
    `between`: the words from the governing verb to the participle, a noun phrase only."""
    if not 1 <= len(between) <= 5 or any(t.pos_ not in _NOUN_PHRASE_POS for t in between):
        return False
    if "Fin" in tok.morph.get("VerbForm"):
        return False
    # the tagger gives the predicate participle as a verb form or as an adjective predicate
    return "Part" in tok.morph.get("VerbForm") or "perf-part" in tok.tag_ or (
        tok.pos_ == "ADJ" and tok.dep_ in ("FSPRED", "xcomp")
    )


def _embedded(trig: Trigger, earlier: list[Trigger], sent: Span) -> bool:
    """Whether a trigger is only the content of an earlier verbal or legal act."""
    doc = sent.doc
    prev = doc[trig.token.i - 1].lower_ if trig.token.i > sent.start else ""
    finite = "Fin" in trig.token.morph.get("VerbForm")
    if finite and prev in ("og", "men", ","):
        return False  # "anklager X for å ha slått ..., og krever at": a verb of its own
    for e in earlier:
        if e.token.i >= trig.token.i:
            continue
        span = doc[e.end : trig.token.i]
        between = {t.lower_ for t in span}
        infinitive = "Inf" in trig.token.morph.get("VerbForm") or (
            trig.cue.pos == "verb" and trig.token.lower_ == trig.cue.lemma
        )
        if e.cue.event_type in CONTENT_ACTS and infinitive and trig.token.i - e.end <= 3:
            return True  # "ber Danmark sende soldater"
        if e.cue.event_type in CONTENT_ACTS and _object_predicate(trig.token, span):
            return True  # "krevde fangene løslatt": the release is what was demanded
        text = " ".join(t.lower_ for t in span)
        if "men" in between or any(f", {w}" in text for w in ("noe", "og", "mens")):
            continue  # "..., men har bedt dem om", "..., noe Kigali benekter": a new clause
        if e.cue.event_type == "CONSULT":
            if "om" in [t.lower_ for t in span][:3]:
                return True  # "forhandle om en fredsavtale": the topic
            continue
        if e.cue.event_type in VERBAL_ACTS and CONTENT_MARKERS & between:
            return True
        if e.cue.event_type in LEGAL_ACTS and "for" in between:
            return True
        if e.cue.event_type in CONTENT_ACTS | LEGAL_ACTS and trig.cue.pos == "noun" and (
            trig.token.head.i == e.token.i and trig.token.dep_ in ("DOBJ", "obj")
        ):
            return True  # "fordømte angrepet": the attack is what was condemned
        if e.cue.event_type in CONTENT_ACTS | LEGAL_ACTS and not finite and (
            0 <= trig.token.i - e.end <= 2
            and all(t.pos_ in ("DET", "ADV", "NUM") or t.lower_ in _TIME_WORDS for t in span)
        ):
            return True  # "fordømte lørdag angrepet": the same, whatever the parse says
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
    found = [t for t in found if not _quoted(t, sent) and reference_kind(t) != "drop"]
    triggers = [t for t in found if not _embedded(t, found, sent)]
    # Weak cues, and event nouns in the definite form ("drapet", "opptøyene": mentions of an
    # event told elsewhere), only count when nothing else in the sentence does.
    strong = [t for t in triggers if not t.cue.weak and not told_before(t)]
    if strong:
        triggers = strong
    else:
        indefinite = [t for t in triggers if not told_before(t)]
        triggers = indefinite or triggers
    kept: list[Trigger] = []
    for trig in triggers:
        first = next((k for k in kept if k.cue.event_type == trig.cue.event_type), None)
        if first is not None:
            first.others.append(trig)  # "ble drept da styrker beskjøt": one event, two words
            continue
        kept.append(trig)
    return kept


def event_mode(trig: Trigger, sent: Span, vocab: set[str]) -> str | None:
    lex = lexicon()
    for mode, words in lex.modes.get(trig.cue.event_type, []):
        if mode in lex.override_modes.get(trig.cue.event_type, ()) and words & vocab:
            return mode  # "demonstranter kastet stein og brannbomber": a riot
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


def other_modes(triggers: list[Trigger], trig: Trigger) -> str | None:
    """The mode one of the event's other words gives ("drept da styrkene beskjøt")."""
    for t in [*trig.others, *triggers]:
        if t.cue.event_type == trig.cue.event_type and t.cue.mode:
            return t.cue.mode
    return None


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


_DEFINITE_ENDINGS = ("en", "et", "ene", "a", "ane", "na", "ets", "ens")


def reference_kind(trig: Trigger) -> str | None:
    """"drop" or "back" for an event noun in a phrase of cause, time or reference; else None."""
    if trig.cue.pos != "noun" and trig.token.pos_ != "NOUN":
        return None
    doc = trig.token.doc
    sent_start = trig.token.sent.start
    i = trig.token.i
    # skip the noun's own determiners and adjectives ("etter de voldsomme opptøyene")
    j = i - 1
    while j >= sent_start and i - j <= 3 and (
        doc[j].pos_ in ("DET", "ADJ", "NUM") or doc[j].dep_ == "DET"  # "Russlands invasjon"
    ):
        j -= 1
    words = [t.lower_ for t in doc[max(sent_start, j - 3) : j + 1]]
    if j + 1 < i and doc[j + 1].lower_ in ("en", "ei", "et", "ein", "eit"):
        return None  # "Etter en samtale mellom X og Y": news, told here for the first time
    rules = event_rules()
    for kind, phrases in (("drop", rules.reference_drop), ("back", rules.reference_back)):
        for p in phrases:
            if len(words) >= len(p) and tuple(words[-len(p) :]) == p:
                return kind
    return None


def told_before(trig: Trigger) -> bool:
    return definite(trig) or reference_kind(trig) == "back"


def present_perfect(trig: Trigger) -> bool:
    """Whether a verb trigger is told in the present perfect ("har arrestert", "er pågrepet",
    "har blitt skutt"): a result as of the telling, not a step in the narrative (NDT attaches
    the participle to its auxiliary, passive "blitt" to "har")."""
    token = trig.token
    while "VerbForm=Part" in str(token.morph) and token.head is not token:
        head = token.head
        if head.lemma_ in ("ha", "være", "vere") and "Tense=Pres" in str(head.morph):
            return True
        if head.lemma_ != "bli" or "VerbForm=Part" not in str(head.morph):
            return False
        token = head
    return False


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
            return t.i - opened - 1 <= event_rules().max_quoted_words
    return False


def definite(trig: Trigger) -> bool:
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
