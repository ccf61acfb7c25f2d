"""Who says an event happened: the source, and the channel (`via`) it came through.

Per sentence, in order of preference:
- a speech verb with its speaker: "..., sier SOHR-leder Rami Abdulrahman", "Westberg sier til
  Expressen at ...", "I en pressemelding til NTB skriver hæren at ..." (the speaker is
  the subject of the verb in the parse; without a parse, the words after an inverted verb or
  before a verb in second position);
- "ifølge X", "etter det X kjenner til";
- a citing verb: "Politiken siterer kilder på at ..." (source: the cited, via: the citer).
The channel is a known outlet or platform named after "til", "på", "overfor" or "i en e-post til".

Across sentences (manual: attribution carries over a continued quote): every sentence of a
paragraph that opens with a dialogue dash takes the source found anywhere in that paragraph;
"heter det videre i eposten" takes the previous source; a pronoun speaker ("Han sier ...") is
the previous source.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from konflikt.paths import DATA_DIR

ATTRIBUTION_PATH = DATA_DIR / "attribution.yaml"
DASHES = ("–", "—", "-", "−")
PRONOUNS = frozenset({"han", "hun", "ho", "de", "dei", "vi", "hen", "eg", "jeg"})
_SPEAKER_MAX_WORDS = 10
# What ends a quote before an inverted reporting clause: "..., sier X", "«...» sier X".
_QUOTE_END = frozenset({",", "»", "«", '"', "–", "—", ":"})
# "Det hevder X": the statement before is X's.
_BACKWARD = frozenset({"det", "dette", "slik", "så"})


@dataclass(slots=True)
class SourceMention:
    text: str
    start: int  # character offsets into the parsed text (doc)
    end: int
    via: list[str] = field(default_factory=list)
    pronoun: bool = False


@dataclass(frozen=True, slots=True)
class _Lex:
    speech: frozenset[str]
    speech_multi: tuple[tuple[str, ...], ...]
    citing: frozenset[str]
    impersonal: tuple[tuple[str, ...], ...]
    channels: tuple[str, ...]
    channel_lead: tuple[tuple[str, ...], ...]
    stop: frozenset[str]
    stop_multi: tuple[tuple[str, ...], ...]
    fronted: frozenset[str]
    not_speaker: frozenset[str]
    according: frozenset[str]
    any_cue: frozenset[str]


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    raw: dict[str, Any] = yaml.safe_load(ATTRIBUTION_PATH.read_text(encoding="utf-8"))
    speech = [str(s).lower() for s in raw["speech_verbs"]]
    stop = [str(s).lower() for s in raw["speaker_stop"]]
    return _Lex(
        speech=frozenset(s for s in speech if " " not in s),
        speech_multi=tuple(tuple(s.split()) for s in speech if " " in s),
        citing=frozenset(str(s).lower() for s in raw["citing_verbs"]),
        impersonal=tuple(tuple(str(s).lower().split()) for s in raw["impersonal"]),
        channels=tuple(sorted((str(c) for c in raw["channels"]), key=len, reverse=True)),
        channel_lead=tuple(
            sorted((tuple(str(c).lower().split()) for c in raw["channel_lead"]), key=len,
                   reverse=True)
        ),  # fmt: skip
        stop=frozenset(s for s in stop if " " not in s),
        stop_multi=tuple(tuple(s.split()) for s in stop if " " in s),
        fronted=frozenset(str(s).lower() for s in raw["fronted"]),
        not_speaker=frozenset(str(s).lower() for s in raw["not_speaker"]),
        according=frozenset(str(s).lower() for s in raw["according_to"] if " " not in str(s)),
        any_cue=frozenset(
            w for s in [*speech, *raw["citing_verbs"], *raw["according_to"]]
            for w in str(s).lower().split()[:1]
        ) | {"etter"},
    )


def _is_speech(tok: Token) -> bool:
    lex = _lex()
    if tok.pos_ in ("NOUN", "PROPN", "ADJ"):  # "flere mistenkte er pågrepet"
        return False
    return tok.lower_ in lex.speech or tok.lemma_.lower() in lex.speech


def telling_after(sent: Span, char: int) -> int | None:
    """Where a trailing attribution set off by a comma starts after `char` (sentence
    offsets): ", opplyser fransk politi søndag". A day named there is when it was told."""
    for tok in sent:
        pos = tok.idx - sent.start_char
        if pos <= char or tok.i == sent.start or not _is_speech(tok):
            continue
        prev = tok.doc[tok.i - 1]
        if prev.text == ",":
            return prev.idx - sent.start_char
    return None


def _clean_span(tokens: list[Token]) -> list[Token]:
    def edge(t: Token, words: tuple[str, ...]) -> bool:
        return t.is_punct or t.is_space or t.lower_ in words

    while tokens and edge(tokens[0], ("og", "men", "at")):
        tokens = tokens[1:]
    while tokens and edge(tokens[-1], ("og", "men", "også")):
        if tokens[-1].text == ")" and any(t.text == "(" for t in tokens):
            break  # "Syrian Observatory for Human Rights (SOHR)"
        tokens = tokens[:-1]
    return tokens


def _mention(tokens: list[Token]) -> SourceMention | None:
    tokens = _clean_span(tokens)
    if not tokens or len(tokens) > _SPEAKER_MAX_WORDS:
        return None
    if not any(t.is_alpha for t in tokens):
        return None
    span = tokens[0].doc[tokens[0].i : tokens[-1].i + 1]
    start, end, text = span.start_char, span.end_char, span.text
    if text.lower() in _BACKWARD or text.lower() == "der":
        return None  # "Det er anslått at": nobody named
    return SourceMention(text, start, end, pronoun=text.lower() in PRONOUNS)


def _subject(verb: Token) -> Token | None:
    if not verb.doc.has_annotation("DEP"):  # no parse: .children is not usable
        return None
    for child in verb.children:
        if child.dep_ in ("SUBJ", "PSUBJ", "nsubj") and not child.is_space:
            return child
    return None


def _np_tokens(head: Token) -> list[Token]:
    """The noun phrase under `head`, without relative clauses and trailing clauses."""
    toks = [t for t in head.subtree]
    out: list[Token] = []
    for t in toks:
        if t.i > head.i and (t.lower_ in ("som", "der", "hvor", "at") or t.pos_ in ("VERB",)):
            break
        if t.i > head.i and t.lower_ in ("til", "overfor"):
            break  # "opplyser departementet til nyhetsbyrået Reuters": the channel follows
        out.append(t)
    return out


def _after_verb(sent: Span, k: int) -> list[Token]:
    """Speaker words after an inverted speech verb at sentence index k."""
    lex = _lex()
    out: list[Token] = []
    toks = list(sent)
    j = k + 1
    while j < len(toks):
        t = toks[j]
        low = t.lower_
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if t.is_punct and low != "-":
            break
        if low in lex.stop:
            break
        if low == "i" and nxt is not None and not nxt.text[:1].isupper():
            break
        if any(tuple(x.lower_ for x in toks[j : j + len(p)]) == p for p in lex.stop_multi):
            break
        out.append(t)
        j += 1
        if len(out) > _SPEAKER_MAX_WORDS:
            break
    return out


def _before_verb(sent: Span, k: int) -> list[Token]:
    toks = list(sent)[:k]
    # start after the last clause boundary before the verb
    for j in range(len(toks) - 1, -1, -1):
        if toks[j].lower_ in (":", ";", "–", "—", "»", "«", "men") or (
            toks[j].lower_ == "," and j < len(toks) - 1 and toks[j + 1].lower_ == "og"
        ):
            toks = toks[j + 1 :]
            break
    return toks


def _is_channel_phrase(tok: Token) -> bool:
    """A name right after "til/overfor" (and a media word): where a statement went."""
    doc = tok.doc
    j = tok.i - 1
    lex = _lex()
    while j >= 0 and any(doc[j].lower_ in lead for lead in lex.channel_lead):
        j -= 1
    return j >= 0 and doc[j].lower_ in ("til", "overfor")


def _np_prefix(tokens: list[Token]) -> list[Token]:
    """The words before the first verb, auxiliary or adverb: "Generalen ville ifølge AFP ikke"
    → "Generalen"."""
    out: list[Token] = []
    for t in tokens:
        if t.pos_ in ("VERB", "AUX", "ADV") or t.lower_ in _lex().not_speaker:
            break
        out.append(t)
    return out or tokens


def _speaker(sent: Span, verb: Token) -> SourceMention | None:
    subj = _subject(verb)
    if subj is not None and not sent.start <= subj.i < sent.end:
        subj = None  # the parse joined a heading line to this sentence
    # "Det hevder X": X speaks; "I en melding til nyhetsbyrået NTB skriver hæren": the agency
    # is where it was sent, not who wrote it
    if subj is not None and subj.lower_ not in _BACKWARD and not _is_channel_phrase(subj):
        return _mention(_np_tokens(subj))
    toks = list(sent)
    k = verb.i - sent.start
    prev = toks[k - 1] if k > 0 else None
    inverted = prev is not None and (
        prev.text in _QUOTE_END or toks[0].lower_ in _lex().fronted
        or toks[0].lower_ in _lex().according
    )  # fmt: skip
    if not inverted and k > 0:
        before = _before_verb(sent, k)
        if len(before) == 1 and before[0].lower_ in _BACKWARD:
            before = []  # "Det hevder X": the speaker follows
        if before and before[0].lower_ not in _lex().fronted:
            return _mention(_np_prefix(before))
    return _mention(_after_verb(sent, k))


def _according_to(sent: Span) -> SourceMention | None:
    toks = list(sent)
    for j, t in enumerate(toks):
        low = t.lower_
        if low in _lex().according:
            out: list[Token] = []
            ents = {e.start: e for e in sent.ents}
            for x in toks[j + 1 :]:
                if x.is_punct or x.pos_ in ("VERB", "AUX") or x.lower_ in ("at", "som"):
                    break
                if x.i in ents and out and out[-1].text[:1].isupper():
                    break
                out.append(x)
                if x.i in ents:  # stop at the end of the first named entity
                    out.extend(ents[x.i][1:])
                    break
            return _mention(out)
        if low == "etter" and j + 1 < len(toks) and toks[j + 1].lower_ == "det":
            for m in range(j + 2, min(j + 10, len(toks))):
                if toks[m].lower_ in ("kjenner", "forstår", "erfarer"):
                    return _mention(toks[j + 2 : m])
    return None


def _channels(sent: Span) -> list[str]:
    """Channels named in the sentence after til/på/overfor or a media word."""
    lex = _lex()
    text = sent.text
    found: list[str] = []
    for channel in lex.channels:
        start = 0
        while True:
            pos = text.find(channel, start)
            if pos < 0:
                break
            start = pos + len(channel)
            end = pos + len(channel)
            if (pos > 0 and text[pos - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                continue
            before = text[:pos].lower().split()[-4:]
            if not before:
                continue
            leads = {"til", "på", "overfor", "i"}
            if before[-1] in leads or any(
                tuple(before[-len(p) :]) == p for p in lex.channel_lead if len(p) <= len(before)
            ):
                name = "e-post" if channel.lower() in ("epost", "e-post") else channel
                if name == "e-post" and any(c in found for c in lex.channels if c != "e-post"):
                    continue
                if name not in found:
                    found.append(name)
    # An e-mail sent to an agency travels through the agency: keep the agency only.
    if "e-post" in found and len(found) > 1:
        found.remove("e-post")
    return found


def _impersonal(sent: Span) -> bool:
    text = " " + " ".join(t.lower_ for t in sent) + " "
    return any(" " + " ".join(p) + " " in text for p in _lex().impersonal)


def sentence_source(sent: Span) -> SourceMention | None:
    """The source named in one sentence, with its channel, or None."""
    lex = _lex()
    words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent if t.lemma_}
    if not words & lex.any_cue:
        return None  # no speech verb, citing verb or "ifølge": nobody named as source
    found: SourceMention | None = None
    for tok in sent:
        if tok.lower_ in lex.citing:
            subj = _subject(tok)
            obj = None
            if tok.doc.has_annotation("DEP"):
                obj = next((c for c in tok.children if c.dep_ in ("DOBJ", "obj")), None)
            if obj is not None:
                found = _mention(_np_tokens(obj))
                if found and subj is not None:
                    found.via = [subj.text]
            else:
                k = tok.i - sent.start
                after = _after_verb(sent, k)
                before = _before_verb(sent, k)
                found = _mention(after)
                if found and before:
                    found.via = [" ".join(t.text for t in _clean_span(before))]
            if found:
                return found
    verbs = [t for t in sent if _is_speech(t)]
    # a reporting clause after the quote first ("..., sier X"), then the others
    verbs.sort(key=lambda t: (t.i == sent.start or t.nbor(-1).text not in _QUOTE_END, t.i))
    for tok in verbs:
        found = _speaker(sent, tok)
        if found:
            break
    if found is None:
        found = _according_to(sent)
    if found is None and verbs and _subjectless_start(sent, verbs[0]):
        # a finite speech verb opening the sentence with no speaker of its own ("Men forteller
        # at ..."): the speaker goes on from before. "Det er anslått at" is nobody's.
        found = SourceMention("", -1, -1, pronoun=True)
    if found is not None:
        via = [c for c in _channels(sent) if c.lower() not in found.text.lower()]
        found.via = via if (found.text or via) else []
    return found


def _subjectless_start(sent: Span, verb: Token) -> bool:
    words = [t for t in sent if not t.is_punct and not t.is_space]
    while words and words[0].lower_ in ("men", "og", "samtidig", "dessuten", "videre"):
        words = words[1:]
    return bool(words) and words[0] == verb


def _points_back(sent: Span) -> bool:
    """"Det hevder generalmajor X i en videokonferanse": attribution of the sentence before."""
    toks = list(sent)
    return len(toks) > 2 and toks[0].lower_ in _BACKWARD and _is_speech(toks[1])


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def attribute(
    doc: Doc, sentences: list[Span], text: str | None = None
) -> list[SourceMention | None]:
    """One source (or None) per sentence, carrying attribution over continued quotes.
    `text` is `doc.text` when the caller has it (a Doc builds .text anew on every read)."""
    per_sentence = [sentence_source(s) for s in sentences]
    text = doc.text if text is None else text
    starts = _paragraph_starts(text)
    para_of = [bisect.bisect_right(starts, s.start_char) - 1 for s in sentences]
    dash_para: dict[int, SourceMention | None] = {}
    for p, src in zip(para_of, per_sentence, strict=True):
        line_start = starts[p]
        dashed = text[line_start : line_start + 2].lstrip()[:1] in DASHES
        if dashed and (p not in dash_para or (dash_para[p] is None and src is not None)):
            dash_para[p] = src
    for n in range(1, len(sentences)):
        src = per_sentence[n]
        if per_sentence[n - 1] is None and src is not None and _points_back(sentences[n]):
            per_sentence[n - 1] = src
    out: list[SourceMention | None] = []
    last: SourceMention | None = None
    for s, p, src in zip(sentences, para_of, per_sentence, strict=True):
        if src is not None and src.pronoun:
            src = (
                SourceMention(last.text, last.start, last.end, src.via or last.via, False)
                if last is not None else None
            )  # fmt: skip
        if src is None and p in dash_para:
            src = dash_para[p]
        if src is None and _impersonal(s) and last is not None:
            src = last
        if src is not None:
            last = src
        out.append(src)
    return out
