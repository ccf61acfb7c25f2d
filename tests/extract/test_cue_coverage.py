"""Cue coverage beyond the dev set: PLOVER's types and modes as Norwegian news (Bokmål and
Nynorsk) says them, and the figurative senses of cue words that tell no event.

Runs on a tokenizer and sentencizer only (no lemmas, no parse), so each cue is found by its
surface forms, the harder case."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from konflikt.extract import extract_events
from konflikt.model import Article


@pytest.fixture(scope="module")
def blank() -> dict[str, Language]:
    out = {}
    for lang in ("nb", "nn"):
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        out[lang] = nlp
    return out


def found(blank: dict[str, Language], text: str, lang: str = "nb") -> set[tuple[str, str | None]]:
    doc = blank[lang](text)
    events = extract_events(doc, Article(id="c1", text=text, published="2024-03-15", lang=lang))
    return {(e.event_type, e.mode) for e in events}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # ASSAULT modes
        ("nb", "Regjeringsstyrkene bombarderte landsbyen i natt.", ("ASSAULT", "aerial")),
        ("nb", "Militsen avfyrte raketter mot flyplassen søndag.", ("ASSAULT", "heavy-weapons")),
        ("nb", "Det kom til skuddveksling mellom politiet og gjengen.", ("ASSAULT", "firearms")),
        ("nb", "Opprørerne snikmyrdet guvernøren i provinsen.", ("ASSAULT", "targeted")),
        ("nb", "Vaktene mishandlet fangene i flere dager.", ("ASSAULT", "beat")),
        ("nb", "Styrkene okkuperte grensebyen i helgen.", ("ASSAULT", "occupy")),
        ("nn", "Militsen sprengde bilen med ei bombe.", ("ASSAULT", "explosives")),
        ("nb", "Det brøt ut sammenstøt mellom hæren og militsen.", ("ASSAULT", None)),
        # PROTEST modes
        ("nb", "Fengslede aktivister innledet en sultestreik mandag.", ("PROTEST", "hunger")),
        ("nb", "Aktivistene blokkerte hovedveien i tre timer.", ("PROTEST", "obstruct")),
        ("nb", "Ungdommer kastet stein mot politiet utenfor rådhuset.", ("PROTEST", "riot")),
        ("nb", "Demonstrantene stormet parlamentet i hovedstaden.", ("PROTEST", "riot")),
        # COERCE modes
        ("nb", "Politiet tok mannen i varetekt etter aksjonen.", ("COERCE", "arrest")),
        ("nb", "Tollerne tok beslag i våpnene på grensen.", ("COERCE", "seize")),
        ("nb", "Myndighetene stengte internett i hele regionen.", ("COERCE", "withhold")),
        ("nb", "Juntaen innførte krigsrett i landet fredag.", ("COERCE", "martial-law")),
        ("nb", "Et omfattende dataangrep rammet departementet.", ("COERCE", "cyber")),
        # ACCUSE: summoning an ambassador
        ("nb", "Departementet kalte inn ambassadøren til et møte.", ("ACCUSE", "disapprove")),
        # SANCTION
        ("nb", "EU fryser eiendelene til oligarkene.", ("SANCTION", "discontinue")),
        ("nb", "Regjeringen kalte hjem ambassadøren fra Moskva.", ("SANCTION", "withdraw")),
        ("nb", "Giverlandene stanset bistanden til regjeringen.", ("SANCTION", "discontinue")),
        # REQUEST
        ("nn", "Regjeringa oppmoda partane til å roe ned situasjonen.", ("REQUEST", None)),
        # REJECT
        ("nb", "Opposisjonen sa nei til forslaget fra regjeringen.", ("REJECT", None)),
        ("nb", "Parlamentet forkastet fredsplanen fra regjeringen.", ("REJECT", None)),
        ("nb", "Presidenten avlyste besøket i protest.", ("REJECT", "meet")),
        ("nb", "Opprørerne brøt forhandlingene med regjeringen.", ("REJECT", "meet")),
        # THREATEN
        ("nn", "Ministeren åtvarar nabolandet mot fleire provokasjonar.", ("THREATEN", None)),
        ("nb", "Domstolen utstedte en arrestordre på eksministeren.", ("THREATEN", "arrest")),
        # CONSULT
        ("nb", "Presidenten hadde en telefonsamtale med statsministeren.", ("CONSULT", "phone")),
        ("nb", "Qatar mekler mellom partene i konflikten.", ("CONSULT", "third-party")),
        ("nn", "Statsministeren vitja Kyiv tysdag.", ("CONSULT", "visit")),
        # SUPPORT
        ("nb", "Nabolandene stiller seg bak den nye regjeringen.", ("SUPPORT", None)),
        # CONCEDE
        ("nb", "Statsministeren ba om unnskyldning for overgrepene.", ("CONCEDE", None)),
        ("nb", "Myndighetene opphevet portforbudet i hovedstaden.", ("CONCEDE", None)),
        ("nb", "Presidenten benådet de fengslede journalistene.", ("CONCEDE", None)),
        # COOPERATE
        ("nb", "Landene utvekslet etterretning om nettverket.", ("COOPERATE", None)),
        ("nb", "Spania utleverte den siktede til Frankrike.", ("COOPERATE", None)),
        # AID
        ("nb", "En hjelpekonvoi nådde den beleirede byen i går.", ("AID", None)),
        ("nn", "Redningsmannskap berga 40 migrantar frå havet.", ("AID", None)),
        ("nb", "Norge ga asyl til den avhoppede diplomaten.", ("AID", None)),
        # RETREAT modes
        ("nb", "Statsministeren trådte tilbake etter skandalen.", ("RETREAT", "resign")),
        ("nb", "Partene gjennomførte en fangeutveksling ved grensen.", ("RETREAT", "release")),
        ("nn", "Opprørarane lauslét tre gislar laurdag.", ("RETREAT", "release")),
        ("nb", "Russland åpnet en humanitær korridor fra byen.", ("RETREAT", "access")),
        ("nb", "Geriljaen la ned våpnene lørdag.", ("RETREAT", "disarm")),
        ("nb", "Hæren stanset angrepene i påskehelgen.", ("RETREAT", "ceasefire")),
        ("nb", "Garnisonen kapitulerte etter tre ukers beleiring.", ("RETREAT", "surrender")),
        # MOBILIZE
        ("nb", "Forsvaret satte styrkene i høy beredskap.", ("MOBILIZE", "alert")),
        ("nb", "Hæren kalte inn reservister fra hele landet.", ("MOBILIZE", "troops")),
        ("nb", "Marinen holdt en stor militærøvelse i Østersjøen.", ("MOBILIZE", "troops")),
        # AGREE
        ("nb", "Partene underskrev avtalen i Genève.", ("AGREE", None)),
        ("nn", "Partia kom til semje om budsjettet.", ("AGREE", None)),
    ],
)
def test_cue_groups(blank: dict[str, Language], lang: str, text: str,
                    expected: tuple[str, str | None]) -> None:  # fmt: skip
    assert expected in found(blank, text, lang)


@pytest.mark.parametrize(
    "text",
    [
        "Forskerne demonstrerte hvordan det nye systemet virker.",  # show, not protest
        "Laget erobret tittelen etter en jevn sesong.",  # figurative conquest
        "Utsiktene lover godt for fisket i år.",  # bodes, not promises
        "Aksjen skjøt fart etter kvartalstallene.",  # picked up speed
        "Statsministeren gikk av med pensjon i fjor.",  # retirement, no resignation event
        "Hun kjemper mot kreft og har fått ny behandling.",  # fight an illness
        "Angrep på ytringsfriheten må tas på alvor, skriver lederen.",  # abstract target
        "Helgens sammenstøt har vært de verste på lenge.",  # looks back on clashes
        "Den nye partilederen kapret mange velgere fra konkurrentene.",  # won voters
        "Ministeren møtte sterk motstand i partiet.",  # met resistance, no meeting
        "Spillet veksler mellom trange korridorer og åpne områder.",  # a corridor, no access
        "Den gamle formen er forkastet i den nye sesongen.",  # dropped, no refusal
        "Etter alt å dømme var brannen en ulykke.",  # idiom: judging by
        "Mange ble redd da sirenene gikk.",  # afraid, not rescued
        "Jobben krever mye tålmodighet av de ansatte.",  # requires, not demands
        "Kanalen sikter på et yngre publikum med serien.",  # aims at, no charge
        "Dialogen i filmen er stiv og kunstig.",  # lines of a script, no talks
        "Forfatteren utleverer seg selv i den nye boka.",  # exposes herself, no extradition
    ],
)
def test_non_event_senses(blank: dict[str, Language], text: str) -> None:
    assert found(blank, text) == set()


def test_apology_is_not_a_request(blank: dict[str, Language]) -> None:
    types = {t for t, _ in found(blank, "Regjeringen ba om unnskyldning for feilen.")}
    assert "CONCEDE" in types and "REQUEST" not in types


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Nynorsk forms the regular inflection rules do not make
        ("nn", "Regimet angreip byen med giftgass.", ("ASSAULT", "unconventional")),
        ("nn", "Hæren har teke kontroll over hamnebyen.", ("ASSAULT", "occupy")),
        ("nn", "Politiet pågreip to menn i Bergen.", ("COERCE", "arrest")),
        ("nn", "Dei siste soldatane overgjev seg til hæren.", ("RETREAT", "surrender")),
        ("nn", "Partane vart samde om ein våpenkvile.", ("AGREE", None)),
        ("nn", "Lagmannsretten dømde mannen til fengsel.", ("SANCTION", "convict")),
        # the same cues in their event sense, next to the non-event senses excluded below
        ("nb", "Retten dømte mannen til fengsel i tre år.", ("SANCTION", "convict")),
        ("nb", "Kvinnen anmeldte mannen for vold i nære relasjoner.", ("ACCUSE", "allege")),
        ("nb", "Kystvakten reddet 30 personer fra havet.", ("AID", None)),
        ("nb", "Opposisjonen krever at ministeren går av.", ("REQUEST", None)),
        ("nb", "Regjeringen og opprørerne innledet en dialog i Oslo.", ("CONSULT", None)),
        # mode words choosing the mode of a cue that has none
        ("nb", "Hæren angrep byen med kamikazedroner.", ("ASSAULT", "drone")),
        ("nb", "Russland truer med å annektere regionen.", ("THREATEN", "territory")),
        ("nb", "Regjeringen truer med å utvise diplomatene.", ("THREATEN", "expel")),
        ("nb", "FN ba partene om våpenhvile.", ("REQUEST", "yield")),
        ("nb", "Lederne hadde samtaler på telefon tirsdag.", ("CONSULT", "phone")),
    ],
)
def test_nynorsk_forms_and_modes(blank: dict[str, Language], lang: str, text: str,
                                 expected: tuple[str, str | None]) -> None:  # fmt: skip
    assert expected in found(blank, text, lang)
