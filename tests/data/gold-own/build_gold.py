"""Build the self-written gold set (articles.jsonl, events.jsonl) in the dev gold's format.

Run from the repository root: `.venv/bin/python tests/data/gold-own/build_gold.py`.
Each event names its evidence sentence by a phrase unique in the article; the sentence and its
character offsets are computed from the text here, so they cannot drift from it. The events
were annotated by the coding manual (v1.1) before the extractor was run on these articles.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from articles_src import ARTICLES, SOURCE  # noqa: E402

# Canonical places: name, country (alpha-2; none for a sea), lat, lon, precision.
PLACES: dict[str, tuple[str, str | None, float, float, str]] = {
    "Kutum": ("Kutum", "SD", 14.20, 24.67, "place"),
    "El Fasher": ("El Fasher", "SD", 13.63, 25.35, "place"),
    "Um Kadada": ("Umm Kaddadah", "SD", 13.60, 26.69, "place"),
    "Sake": ("Sake", "CD", -1.57, 29.05, "place"),
    "Kimoka": ("Kimoka", "CD", -1.59, 29.03, "place"),
    "Minova": ("Minova", "CD", -1.70, 29.01, "place"),
    "Doha": ("Doha", "QA", 25.29, 51.53, "place"),
    "Kinshasa": ("Kinshasa", "CD", -4.32, 15.31, "place"),
    "Tbilisi": ("Tbilisi", "GE", 41.69, 44.80, "place"),
    "Bergen": ("Bergen", "NO", 60.39, 5.32, "place"),
    "Oslo": ("Oslo", "NO", 59.91, 10.75, "place"),
    "Havana": ("Havana", "CU", 23.13, -82.38, "place"),
    "Arauca": ("Arauca Department", "CO", 6.55, -71.00, "admin1"),
    "Tartu": ("Tartu", "EE", 58.38, 26.72, "place"),
    "Estonia": ("Estonia", "EE", 58.60, 25.00, "country"),
    "Hodeidah": ("Al Hudaydah", "YE", 14.80, 42.95, "place"),
    "Sanaa": ("Sanaa", "YE", 15.35, 44.21, "place"),
    "Muscat": ("Muscat", "OM", 23.59, 58.41, "place"),
    "Ras Isa": ("Ras Isa", "YE", 15.13, 42.62, "place"),
    "Red Sea": ("Red Sea", None, 20.00, 38.50, "place"),
    "Yemen": ("Yemen", "YE", 15.50, 47.50, "country"),
}

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
STANCES = {"asserted", "hedged", "denied", "negated", "future", "hypothetical"}


def P(text: str | None, name: str, kind: str, country: str | None) -> dict[str, Any]:
    """A party: the span as written (None when implicit) and its canonical entity."""
    return {"text": text, "name": name, "kind": kind, "country": country}


def L(text: str | None, key: str) -> dict[str, Any]:
    name, country, lat, lon, precision = PLACES[key]
    return {"text": text, "name": name, "country": country, "lat": lat, "lon": lon,
            "precision": precision}  # fmt: skip


def D(text: str | None, start: str | None, end: str | None, precision: str | None) -> dict:
    return {"text": text, "start": start, "end": end, "precision": precision}


def Q(text: str, low: int, best: int, high: int | None, what: str) -> dict[str, Any]:
    return {"text": text, "low": low, "best": best, "high": high, "what": what}


def S(text: str, name: str, via: list[str] | None = None) -> dict[str, Any]:
    return {"text": text, "name": name, "via": via or []}


# Shared parties.
SAF = ("Sudanese Armed Forces", "state_forces", "SDN")
RSF = ("Rapid Support Forces", "armed_group", "SDN")
M23 = ("M23", "rebel", "COD")
MONUSCO = ("MONUSCO", "igo", None)
FARDC = ("Armed Forces of the DR Congo", "state_forces", "COD")
GEO_POLICE = ("Georgian police", "police", "GEO")
GEO_PROTESTERS = ("Protesters (Georgia)", "civilians", "GEO")
UNM = ("United National Movement", "other", "GEO")
ELN = ("ELN (National Liberation Army)", "rebel", "COL")
HOUTHIS = ("Houthi movement (Ansar Allah)", "armed_group", "YEM")
SAMI_ACTIVISTS = ("Sami activists", "civilians", "NOR")

# (article id, type, mode, phrase in the evidence sentence, fields...)
# fmt: off
EVENTS: list[dict[str, Any]] = [
    # ---- own-01: Sudan, published Saturday 2026-02-14
    dict(a="own-01", t="ASSAULT", m="aerial", s="Mellom 40 og 50 sivile",
         actor=P("den sudanske hæren", *SAF),
         recipient=P("sivile", "Civilians (Sudan)", "civilians", "SDN"),
         location=L("Kutum", "Kutum"), date=D("fredag", "2026-02-13", "2026-02-13", "day"),
         quantities=[Q("Mellom 40 og 50 sivile", 40, 40, 50, "killed")],
         source=S("Reuters", "Reuters"),
         note="Air strike on the market; 'mellom 40 og 50' gives the conservative best 40. "
              "The next sentence (100 injured) is the same occurrence, not a second event."),
    dict(a="own-01", t="REJECT", s="Hæren avviser", actor=P("Hæren", *SAF),
         note="The army denies hitting civilian targets; it does not deny the strike itself."),
    dict(a="own-01", t="ASSAULT", m="aerial", s="Hæren avviser", stance="denied", optional=True,
         actor=P("Hæren", *SAF), recipient=P("sivile mål", "Civilians (Sudan)", "civilians",
                                             "SDN"),
         note="The denied attack on civilians; the strike is already coded (first sentence), so "
              "a coder may leave this restatement out."),
    dict(a="own-01", t="ASSAULT", m="heavy-weapons", s="det siste døgnet angrepet",
         actor=P("RSF-militsen", *RSF), recipient=P("hærens stillinger", *SAF),
         location=L("El Fasher", "El Fasher"),
         date=D("det siste døgnet", "2026-02-13", "2026-02-14", "day"),
         source=S("en talsmann for hæren", "Sudanese Armed Forces spokesperson", ["AFP"]),
         note="Ground fighting: RSF artillery attack on army positions."),
    dict(a="own-01", t="ASSAULT", s="slått tilbake angrepet", actor=P("Vi", *SAF),
         recipient=P("RSF-krigere", *RSF), location=L(None, "El Fasher"),
         quantities=[Q("titalls RSF-krigere", 10, 10, 10, "killed")],
         source=S("talsmannen", "Sudanese Armed Forces spokesperson", ["AFP"]),
         note="The army's counter-attack killing RSF fighters ('titalls' = 10); attribution to "
              "the spokesman (via AFP) carries over; place from the previous sentence."),
    dict(a="own-01", t="ASSAULT", m="occupy", s="Um Kadada", stance="hedged",
         actor=P("RSF", *RSF), location=L("Um Kadada", "Um Kadada"),
         source=S("Reuters", "Reuters"),
         note="'skal ha tatt kontroll' = hedged capture of a village."),
    dict(a="own-01", t="ACCUSE", m="disapprove", s="FNs høykommissær",
         actor=P("FNs høykommissær for menneskerettigheter",
                 "UN High Commissioner for Human Rights", "igo", None),
         recipient=P(None, *SAF), date=D("lørdag", "2026-02-14", "2026-02-14", "day"),
         note="Condemnation of the strike; the recipient is the army that carried it out."),
    dict(a="own-01", t="REQUEST", s="FNs høykommissær", optional=True,
         actor=P("FNs høykommissær for menneskerettigheter",
                 "UN High Commissioner for Human Rights", "igo", None),
         date=D("lørdag", "2026-02-14", "2026-02-14", "day"),
         note="Demand for an independent investigation, said with the condemnation; a coder "
              "may fold it into the ACCUSE."),
    dict(a="own-01", t="THREATEN", s="nye sanksjoner",
         actor=P("Det amerikanske utenriksdepartementet", "US Department of State",
                 "government", "USA"),
         recipient=P("ledere på begge sider", "SAF and RSF leaders", "other", "SDN"),
         note="Conditional sanctions announced as a warning: a threat (asserted verbal act)."),
    dict(a="own-01", t="SANCTION", s="nye sanksjoner", stance="hypothetical", optional=True,
         actor=P("USA", "United States", "government", "USA"),
         recipient=P("ledere på begge sider", "SAF and RSF leaders", "other", "SDN"),
         note="The sanctions themselves, conditional on further attacks ('dersom')."),
    # ---- own-02: DR Congo, published Monday 2026-03-09
    dict(a="own-02", t="RETREAT", m="withdraw", s="trakk seg søndag ut",
         actor=P("Opprørsgruppen M23", *M23), location=L("Sake", "Sake"),
         date=D("søndag", "2026-03-08", "2026-03-08", "day"),
         source=S("både gruppen og FN-styrken Monusco", "M23 and MONUSCO"),
         note="Withdrawal from Sake, confirmed by both sides."),
    dict(a="own-02", t="AGREE", s="undertegnet en våpenhvileavtale", optional=True,
         actor=P("partene", "Government of DR Congo and M23", "government", "COD"),
         location=L("Doha", "Doha"), date=D("to uker etter", None, None, None),
         note="Ceasefire agreement two weeks earlier, told in passing as the withdrawal's cause."),
    dict(a="own-02", t="RETREAT", m="surrender", s="overgitt seg til fredsstyrken",
         actor=P("M23-krigere", *M23), recipient=P("fredsstyrken", *MONUSCO),
         location=L(None, "Sake"),
         date=D("de siste tre dagene", "2026-03-07", "2026-03-09", "day"),
         quantities=[Q("rundt 200 M23-krigere", 200, 200, 200, "fighters")],
         source=S("Monusco", "MONUSCO"),
         note="Surrender of about 200 fighters; three-day range ending on the publication day."),
    dict(a="own-02", t="MOBILIZE", s="sende patruljer", stance="future",
         actor=P("Vi", *MONUSCO), location=L("Sake", "Sake"),
         date=D("i løpet av uken", "2026-03-09", "2026-03-15", "week"),
         source=S("Amara Diallo", "Amara Diallo (MONUSCO)", ["NTB"]),
         note="Planned deployment of peacekeeping patrols; the quote continues Diallo's words "
              "to NTB. The previous quote ('svært skjør') is an opinion, not coded."),
    dict(a="own-02", t="ACCUSE", m="allege", s="anklager Rwanda",
         actor=P("Kongos regjering", "Government of DR Congo", "government", "COD"),
         recipient=P("Rwanda", "Rwanda", "government", "RWA"),
         note="Accusation of backing M23; the backing itself is only alleged."),
    dict(a="own-02", t="REJECT", s="anklager Rwanda",
         actor=P("myndighetene i Kigali", "Government of Rwanda", "government", "RWA"),
         recipient=P("Kongos regjering", "Government of DR Congo", "government", "COD"),
         note="Rwanda denies the accusation ('noe ... avviser')."),
    dict(a="own-02", t="AID", s="anklager Rwanda", stance="denied", optional=True,
         actor=P("Rwanda", "Rwanda", "government", "RWA"), recipient=P("opprørerne", *M23),
         note="Alleged military support, denied by Rwanda; not reported as fact."),
    dict(a="own-02", t="ASSAULT", m="occupy", s="landsbyen Kimoka",
         actor=P("Kongolesiske regjeringsstyrker", *FARDC), location=L("Kimoka", "Kimoka"),
         date=D("søndag kveld", "2026-03-08", "2026-03-08", "day"),
         source=S("Reuters", "Reuters"),
         note="Army takes control of a village vacated by M23 (manual: occupy)."),
    dict(a="own-02", t="ASSAULT", s="Det kom ikke til kamper", stance="negated", optional=True,
         actor=P(None, *FARDC), recipient=P(None, *M23), location=L(None, "Kimoka"),
         source=S("nyhetsbyrået", "Reuters"),
         note="The article says no fighting happened; parties from the previous sentence."),
    dict(a="own-02", t="CONCEDE", s="nabobyen Minova", actor=P("Gruppen", *M23),
         location=L("Minova", "Minova"), source=S("Gruppen", "M23"),
         note="Announced future withdrawal = CONCEDE, asserted (manual). 'Innen utgangen av "
              "mars' dates the withdrawal, not the announcement, so no date."),
    dict(a="own-02", t="CONSULT", s="toppmøte i Kinshasa", stance="future",
         actor=P("Kongos president", "President of DR Congo", "government", "COD"),
         recipient=P("lederne i nabolandene", "Leaders of neighbouring states", "government",
                     None),
         location=L("Kinshasa", "Kinshasa"),
         date=D("neste uke", "2026-03-16", "2026-03-22", "week"),
         note="Planned summit (manual: a planned meeting is CONSULT, future)."),
    # ---- own-03: Georgia, published Saturday 2026-04-18
    dict(a="own-03", t="COERCE", m="arrest", s="pågrep rundt 200 personer",
         actor=P("Politiet i Georgia", *GEO_POLICE), recipient=P("personer", *GEO_PROTESTERS),
         location=L("Tbilisi", "Tbilisi"),
         date=D("fredag kveld", "2026-04-17", "2026-04-17", "day"),
         quantities=[Q("rundt 200 personer", 200, 200, 200, "arrested")],
         note="Mass arrests during the riot."),
    dict(a="own-03", t="PROTEST", m="riot", s="pågrep rundt 200 personer", optional=True,
         actor=P(None, *GEO_PROTESTERS), location=L("Tbilisi", "Tbilisi"),
         date=D("fredag kveld", "2026-04-17", "2026-04-17", "day"),
         note="The riot is named here ('under opptøyer') but told in full two sentences later, "
              "where it is coded; a coder may take either sentence."),
    dict(a="own-03", t="PROTEST", m="demo", s="fredelig demonstrasjon",
         actor=P("demonstranter", *GEO_PROTESTERS),
         recipient=P(None, "Government of Georgia", "government", "GEO"),
         location=L("Rustaveli-avenyen", "Tbilisi"),
         date=D(None, "2026-04-17", "2026-04-17", "day"),
         quantities=[Q("tusenvis av demonstranter", 1000, 1000, 1000, "protesters")],
         note="The peaceful demonstration against the foreign-agent law ('tusenvis' = 1000); "
              "day from the first sentence."),
    dict(a="own-03", t="PROTEST", m="riot", s="kastet demonstranter stein",
         actor=P("demonstranter", *GEO_PROTESTERS), recipient=P("politiet", *GEO_POLICE),
         location=L(None, "Tbilisi"),
         date=D("Utpå kvelden", "2026-04-17", "2026-04-17", "day"),
         note="Protesters throw stones and petrol bombs: PROTEST riot (manual)."),
    dict(a="own-03", t="ASSAULT", m="crowd-control", s="tåregass og vannkanoner",
         actor=P("Opprørspolitiet", *GEO_POLICE), recipient=P(None, *GEO_PROTESTERS),
         location=L(None, "Tbilisi"), date=D(None, "2026-04-17", "2026-04-17", "day"),
         source=S("innenriksdepartementet", "Ministry of Internal Affairs of Georgia",
                  ["pressemelding"]),
         note="Security forces against protesters = ASSAULT crowd-control. The injured officers "
              "in the next sentence belong to the riot already coded."),
    dict(a="own-03", t="ACCUSE", m="allege", s="anklager politiet",
         actor=P("Opposisjonspartiet Samlet nasjonal bevegelse", *UNM),
         recipient=P("politiet", *GEO_POLICE),
         note="Accusation of beating peaceful protesters; the beating is only alleged, so it "
              "is not coded as an ASSAULT."),
    dict(a="own-03", t="REQUEST", m="change", s="anklager politiet",
         actor=P("Opposisjonspartiet Samlet nasjonal bevegelse", *UNM),
         recipient=P("innenriksministeren", "Minister of Internal Affairs of Georgia",
                     "government", "GEO"),
         note="Demand that the interior minister resign."),
    dict(a="own-03", t="REJECT", s="Regjeringen avviser kravet",
         actor=P("Regjeringen", "Government of Georgia", "government", "GEO"),
         recipient=P(None, *UNM),
         note="The government rejects the demand; passing the law is not an event."),
    dict(a="own-03", t="REJECT", s="la oss presse", optional=True,
         actor=P("Vi", "Government of Georgia", "government", "GEO"),
         source=S("statsminister Giorgi Beridze", "Giorgi Beridze (Prime Minister of Georgia)",
                  ["Imedi"]),
         note="The prime minister restates the refusal; may be taken as the same rejection."),
    dict(a="own-03", t="ACCUSE", m="allege", s="straffeforfulgt", stance="future",
         optional=True, actor=P(None, "Government of Georgia", "government", "GEO"),
         recipient=P("De som sto bak volden", "Rioters (Georgia)", "civilians", "GEO"),
         source=S("Beridze", "Giorgi Beridze (Prime Minister of Georgia)", ["Imedi"]),
         note="Announced prosecution (continuing quote); could be read as a THREATEN."),
    dict(a="own-03", t="PROTEST", m="demo", s="ny markering", stance="future",
         actor=P("Demonstrantene", *GEO_PROTESTERS),
         date=D("lørdag kveld", "2026-04-18", "2026-04-18", "day"),
         note="Planned demonstration on the publication day (Saturday)."),
    dict(a="own-03", t="PROTEST", m="boycott", s="boikottet parlamentet",
         actor=P("Samlet nasjonal bevegelse", *UNM),
         recipient=P("parlamentet", "Parliament of Georgia", "government", "GEO"),
         date=D("siden mars", "2026-03-01", "2026-04-18", "month"),
         note="Ongoing boycott 'siden mars' (from March 1, manual)."),
    # ---- own-04: Bergen spy case, published Wednesday 2026-05-06
    dict(a="own-04", t="SANCTION", m="convict", s="dømte onsdag",
         actor=P("Bergen tingrett", "Bergen District Court", "government", "NOR"),
         recipient=P("en 41 år gammel mann", "Convicted man (41)", "person", "NOR"),
         location=L("Bergen", "Bergen"), date=D("onsdag", "2026-05-06", "2026-05-06", "day"),
         quantities=[Q("ti års fengsel", 10, 10, 10, "years_prison")],
         note="Conviction for espionage for Russia."),
    dict(a="own-04", t="COOPERATE", s="overlevert opplysninger", stance="hedged",
         optional=True, actor=P("mannen", "Convicted man (41)", "person", "NOR"),
         recipient=P("en russisk etterretningsoffiser", "Russian military intelligence",
                     "government", "RUS"),
         source=S("dommen", "Bergen District Court"),
         note="The crime as the verdict describes it ('skal ... ha'); in a conviction story "
              "the conviction is the news (manual: usually optional)."),
    dict(a="own-04", t="COERCE", m="arrest", s="pågrepet av PST", optional=True,
         actor=P("PST", "Norwegian Police Security Service (PST)", "police", "NOR"),
         recipient=P("Han", "Convicted man (41)", "person", "NOR"),
         date=D("i mars i fjor", "2025-03-01", "2025-03-31", "month"),
         note="Earlier arrest and remand in the same case; background to the verdict."),
    dict(a="own-04", t="REQUEST", s="lagt ned påstand", optional=True,
         actor=P("Statsadvokat Hilde Sørensen", "Hilde Sørensen (public prosecutor)",
                 "government", "NOR"),
         recipient=P(None, "Bergen District Court", "government", "NOR"),
         quantities=[Q("tolv års fengsel", 12, 12, 12, "years_prison_requested")],
         note="The prosecutor's sentencing request earlier in the trial (dev gold precedent)."),
    dict(a="own-04", t="REJECT", s="nekter straffskyld",
         actor=P("klienten", "Convicted man (41)", "person", "NOR"),
         recipient=P(None, "Bergen District Court", "government", "NOR"),
         source=S("advokat Erik Lunde", "Erik Lunde (defence lawyer)", ["NTB"]),
         note="The convicted man denies guilt (via his lawyer, to NTB)."),
    dict(a="own-04", t="REJECT", s="nekter straffskyld", stance="future", optional=True,
         actor=P("klienten", "Convicted man (41)", "person", "NOR"),
         recipient=P("dommen", "Bergen District Court", "government", "NOR"),
         source=S("advokat Erik Lunde", "Erik Lunde (defence lawyer)", ["NTB"]),
         note="Announced appeal; dev gold codes an appeal as a future REJECT (optional)."),
    dict(a="own-04", t="ACCUSE", m="disapprove", s="dom uten bevis",
         actor=P("Lunde", "Erik Lunde (defence lawyer)", "person", "NOR"),
         recipient=P("dom", "Bergen District Court", "government", "NOR"),
         source=S("Lunde", "Erik Lunde (defence lawyer)", ["NTB"]),
         note="The defence lawyer condemns the verdict (dev gold precedent: criticism of a "
              "verdict is ACCUSE). The next quote sentence continues the same criticism."),
    dict(a="own-04", t="REJECT", s="ambassade i Oslo avviser",
         actor=P("Russlands ambassade i Oslo", "Embassy of Russia in Norway", "government",
                 "RUS"),
         note="Denial of any contact with Russian authorities; the place describes the actor, "
              "so no location."),
    dict(a="own-04", t="ACCUSE", m="investigate", s="etterforsket flere lignende saker",
         optional=True,
         actor=P("PST", "Norwegian Police Security Service (PST)", "police", "NOR"),
         date=D("det siste året", "2025-05-06", "2026-05-06", "year"),
         note="Unspecified investigations, no named target."),
    dict(a="own-04", t="ACCUSE", m="allege", s="siktet for medvirkning",
         actor=P(None, "Norwegian Police Security Service (PST)", "police", "NOR"),
         recipient=P("En 35 år gammel kvinne fra Bergen", "Charged woman (35)", "person",
                     "NOR"),
         note="A charge ('siktet') = ACCUSE allege (manual); the charging body is implicit. "
              "'fra Bergen' describes the woman, so no location."),
    # ---- own-05: Colombia and ELN, published Friday 2026-06-12
    dict(a="own-05", t="AGREE", s="inngikk torsdag kveld",
         actor=P("Colombias regjering og geriljagruppen ELN", "Government of Colombia and ELN",
                 "government", "COL"),
         location=L(None, "Oslo"), date=D("torsdag kveld", "2026-06-11", "2026-06-11", "day"),
         source=S("Utenriksdepartementet", "Norwegian Ministry of Foreign Affairs"),
         note="Ceasefire agreement; compound actor (manual). Oslo from the headline and the next "
              "sentence. The signing in the next sentence is the same occurrence."),
    dict(a="own-05", t="CONSULT", s="fire dager med forhandlinger",
         actor=P(None, "Government of Colombia and ELN", "government", "COL"),
         location=L("Oslo", "Oslo"), date=D("fire dager", "2026-06-08", "2026-06-11", "day"),
         note="Four days of negotiations ending with the signing on Thursday."),
    dict(a="own-05", t="RETREAT", m="ceasefire", s="stanse alle offensive", stance="future",
         optional=True, actor=P("begge parter", "Government of Colombia and ELN",
                                "government", "COL"),
         date=D("1. juli", "2026-07-01", "2026-07-01", "day"), source=S("avtalen", "Agreement"),
         note="Content of the agreement (the ceasefire from 1 July); PLOVER codes the AGREE."),
    dict(a="own-05", t="CONCEDE", s="løslate alle gisler", actor=P("ELN", *ELN),
         recipient=P("gisler", "Hostages held by ELN", "civilians", "COL"),
         note="Promise to release hostages = announced future RETREAT release -> CONCEDE, "
              "asserted (manual); could be read as AGREE."),
    dict(a="own-05", t="CONSULT", s="møtes igjen i Havanna", stance="future",
         actor=P("partene", "Government of Colombia and ELN", "government", "COL"),
         location=L("Havanna", "Havana"),
         date=D("i september", "2026-09-01", "2026-09-30", "month"),
         source=S("Han", "Andrés Molina (President of Colombia)"),
         note="Planned negotiations; the praise in the previous quote is an opinion."),
    dict(a="own-05", t="AID", s="50 millioner kroner", stance="future",
         actor=P("Norge", "Norway", "government", "NOR"),
         quantities=[Q("50 millioner kroner", 50000000, 50000000, 50000000, "NOK")],
         source=S("Utenriksminister Ingrid Solvang", "Ingrid Solvang (Norwegian Foreign "
                  "Minister)"),
         note="Pledged financial support for implementing the agreement."),
    dict(a="own-05", t="SUPPORT", s="ønsket avtalen velkommen",
         actor=P("USA og EU", "United States and European Union", "government", "USA"),
         note="Welcoming the agreement = verbal support; compound actor."),
    dict(a="own-05", t="THREATEN", s="gjenoppta offensiven",
         actor=P("forsvarsminister Camilo Restrepo", "Camilo Restrepo (Minister of Defence of "
                 "Colombia)", "government", "COL"), recipient=P("ELN", *ELN),
         source=S("forsvarsminister Camilo Restrepo", "Camilo Restrepo (Minister of Defence)"),
         note="Warning of renewed force if the ceasefire is broken."),
    dict(a="own-05", t="ASSAULT", s="gjenoppta offensiven", stance="hypothetical",
         optional=True, actor=P("hæren", "Colombian Army", "state_forces", "COL"),
         recipient=P("ELN", *ELN),
         note="The offensive itself, conditional ('Dersom'); the content of the threat."),
    dict(a="own-05", t="ASSAULT", s="en ELN-enhet", stance="hedged",
         actor=P("en ELN-enhet", *ELN),
         recipient=P("en politistasjon", "Colombian National Police", "police", "COL"),
         location=L("Arauca-provinsen", "Arauca"),
         date=D("tirsdag", "2026-06-09", "2026-06-09", "day"),
         source=S("colombianske medier", "Colombian media"),
         note="Reported attack on a police station ('skal ... ha' = hedged)."),
    # ---- own-06: Estonia, no publication date
    dict(a="own-06", t="SANCTION", m="expel", s="opplyser landets utenriksdepartement",
         actor=P("Estland", "Estonia", "government", "EST"),
         recipient=P("tre russiske diplomater", "Russian diplomats", "government", "RUS"),
         location=L("Estland", "Estonia"),
         quantities=[Q("tre russiske diplomater", 3, 3, 3, "diplomats")],
         source=S("landets utenriksdepartement", "Ministry of Foreign Affairs of Estonia"),
         note="Expulsion of diplomats = SANCTION (manual). The headline and the '72 timer' "
              "sentence restate it. The sabotage plot is told in the third sentence."),
    dict(a="own-06", t="ASSAULT", m="explosives", s="plassere sprengstoff", stance="hedged",
         optional=True, actor=P("to menn", "Suspected saboteurs (GRU)", "other", "RUS"),
         location=L(None, "Tartu"), date=D("i forrige uke", None, None, None),
         source=S("sikkerhetspolitiet", "Estonian Internal Security Service (KAPO)"),
         note="Attempted bombing of a railway bridge, hedged; an attempt a coder may leave out. "
              "No publication date, so 'i forrige uke' stays unresolved."),
    dict(a="own-06", t="COERCE", m="arrest", s="De to ble pågrepet",
         actor=P(None, "Estonian Internal Security Service (KAPO)", "police", "EST"),
         recipient=P("De to", "Suspected saboteurs (GRU)", "other", "RUS"),
         location=L(None, "Estonia"), date=D("søndag", None, None, None),
         quantities=[Q("De to", 2, 2, 2, "arrested")],
         note="Arrest of the two suspects; no publication date, so 'søndag' stays unresolved."),
    dict(a="own-06", t="SANCTION", s="nye sanksjoner mot tolv",
         actor=P("EU", "European Union", "igo", None),
         recipient=P("tolv russiske personer og fire selskaper",
                     "Russian individuals and companies", "other", "RUS"),
         quantities=[Q("tolv russiske personer", 12, 12, 12, "people"),
                     Q("fire selskaper", 4, 4, 4, "companies")],
         note="New EU sanctions."),
    dict(a="own-06", t="REJECT", s="avviser at landet",
         actor=P("Russlands utenriksdepartement", "Ministry of Foreign Affairs of Russia",
                 "government", "RUS"), recipient=P(None, "Estonia", "government", "EST"),
         source=S("nyhetsbyrået TASS", "TASS"),
         note="Russia denies involvement."),
    dict(a="own-06", t="ASSAULT", s="avviser at landet", stance="denied", optional=True,
         actor=P("landet", "Russia", "government", "RUS"), recipient=P(None, "Estonia",
                                                                      "government", "EST"),
         source=S("nyhetsbyrået TASS", "TASS"),
         note="The denied involvement in the sabotage attempt."),
    dict(a="own-06", t="THREATEN", s="svare med mottiltak",
         actor=P("Moskva", "Government of Russia", "government", "RUS"),
         recipient=P(None, "Estonia", "government", "EST"),
         source=S("talskvinne Marija Orlova", "Marija Orlova (Russian Ministry of Foreign "
                  "Affairs)"),
         note="Threat of countermeasures."),
    dict(a="own-06", t="SANCTION", m="expel", s="utvise like mange", stance="future",
         actor=P("Vi", "Government of Russia", "government", "RUS"),
         recipient=P("estiske diplomater", "Estonian diplomats", "government", "EST"),
         source=S("Marija Orlova", "Marija Orlova (Russian Ministry of Foreign Affairs)"),
         note="Announced tit-for-tat expulsion; the quote continues Orlova's words. The next "
              "sentence (earlier expulsions since 2022) is background."),
    # ---- own-07: Sami activists (Nynorsk), published Saturday 2026-10-03
    dict(a="own-07", t="PROTEST", m="demo", s="okkupert inngangspartiet",
         actor=P("samiske aktivistar", *SAMI_ACTIVISTS),
         recipient=P("Energidepartementet", "Norwegian Ministry of Energy", "government",
                     "NOR"),
         location=L("Oslo", "Oslo"),
         date=D("sidan torsdag morgon", "2026-10-01", "2026-10-03", "day"),
         quantities=[Q("Rundt 30 samiske aktivistar", 30, 30, 30, "protesters")],
         note="Sit-in at the ministry since Thursday."),
    dict(a="own-07", t="COERCE", m="arrest", s="bar politiet ut",
         actor=P("politiet", "Oslo Police District", "police", "NOR"),
         recipient=P("aksjonistane", *SAMI_ACTIVISTS), location=L(None, "Oslo"),
         date=D("Natt til laurdag", "2026-10-03", "2026-10-03", "day"),
         quantities=[Q("14 av aksjonistane", 14, 14, 14, "arrested")],
         source=S("Oslo politidistrikt", "Oslo Police District", ["NPK"]),
         note="Removal and detention of 14 activists."),
    dict(a="own-07", t="PROTEST", m="demo", s="På måndag kjem vi tilbake", stance="future",
         actor=P("vi", *SAMI_ACTIVISTS), location=L(None, "Oslo"),
         date=D("På måndag", "2026-10-05", "2026-10-05", "day"),
         source=S("Máret Ánne Eira", "Máret Ánne Eira (Sami activist)", ["NPK"]),
         note="Planned return of the protest; the quote continues Eira's words to NPK. Future "
              "tense, so 'på måndag' is the Monday after publication."),
    dict(a="own-07", t="CONCEDE", s="beklaga fredag",
         actor=P("Energiminister Sigrid Haugland", "Sigrid Haugland (Norwegian Minister of "
                 "Energy)", "government", "NOR"),
         recipient=P("reindriftsnæringa", "Sami reindeer herders", "civilians", "NOR"),
         date=D("fredag", "2026-10-02", "2026-10-02", "day"),
         note="Apology = CONCEDE (manual cue 'beklage')."),
    dict(a="own-07", t="CONSULT", s="invitert Sametinget", stance="future",
         actor=P("Ho", "Sigrid Haugland (Norwegian Minister of Energy)", "government", "NOR"),
         recipient=P("Sametinget", "Sámi Parliament of Norway", "government", "NOR"),
         location=L("departementet", "Oslo"),
         date=D("neste veke", "2026-10-05", "2026-10-11", "week"),
         note="Planned meeting next week."),
    dict(a="own-07", t="REJECT", s="Sametingspresidenten avviser",
         actor=P("Sametingspresidenten", "President of the Sámi Parliament", "government",
                 "NOR"),
         recipient=P(None, "Norwegian Ministry of Energy", "government", "NOR"),
         note="Rejects the offer of a meeting as insufficient."),
    dict(a="own-07", t="REQUEST", m="change", s="Sametingspresidenten avviser",
         actor=P("Sametingspresidenten", "President of the Sámi Parliament", "government",
                 "NOR"),
         recipient=P(None, "Norwegian Ministry of Energy", "government", "NOR"),
         note="Demands that the licence be withdrawn."),
    dict(a="own-07", t="REJECT", s="Nordkraft Vind", optional=True,
         actor=P("Nordkraft Vind", "Nordkraft Vind", "company", "NOR"),
         source=S("Utbyggjaren, Nordkraft Vind", "Nordkraft Vind", ["e-post", "NPK"]),
         note="Work continues as planned: an implicit refusal of the demand. The sports "
              "paragraph at the end is not coded."),
    # ---- own-08: Red Sea (Nynorsk), header 'date 2026-01', no publication date
    dict(a="own-08", t="AID", s="25.000 tonn kveite",
         actor=P("Verdas matvareprogram (WFP)", "World Food Programme", "igo", None),
         location=L("Hodeida", "Hodeidah"),
         date=D("torsdag", "2026-01-01", "2026-01-31", "month"),
         quantities=[Q("25.000 tonn kveite", 25000, 25000, 25000, "tonnes_food")],
         source=S("nyheitsbyrået AP", "AP"),
         note="Aid delivery; only the month is known (header), so a weekday has month "
              "precision. The next sentence (1,5 millionar) describes the same delivery."),
    dict(a="own-08", t="THREATEN", s="trugar med å angripe",
         actor=P("Houthi-rørsla", *HOUTHIS),
         recipient=P("skip med tilknyting til USA og Israel", "US- and Israel-linked shipping",
                     "other", None),
         note="Threat against shipping; the Red Sea is where the threatened attacks would be, "
              "not where the threat was made, so no location."),
    dict(a="own-08", t="THREATEN", s="eit legitimt mål", optional=True,
         actor=P(None, *HOUTHIS),
         recipient=P("Kvart skip som bryt blokaden", "US- and Israel-linked shipping", "other",
                     None),
         source=S("talsmannen Ali al-Maqdashi", "Ali al-Maqdashi (Houthi movement)",
                  ["Telegram"]),
         note="The spokesman's words of the same threat; a coder may keep only the first."),
    dict(a="own-08", t="THREATEN", s="svare med missil",
         actor=P("vi", *HOUTHIS),
         recipient=P("basane deira", "United States military", "state_forces", "USA"),
         source=S("Ali al-Maqdashi", "Ali al-Maqdashi (Houthi movement)", ["Telegram"]),
         note="A new threat, against US bases (quote continues the spokesman's words)."),
    dict(a="own-08", t="ASSAULT", s="svare med missil", stance="hypothetical", optional=True,
         actor=P("vi", *HOUTHIS),
         recipient=P("basane deira", "United States military", "state_forces", "USA"),
         source=S("Ali al-Maqdashi", "Ali al-Maqdashi (Houthi movement)", ["Telegram"]),
         note="The conditional missile attack itself ('Dersom')."),
    dict(a="own-08", t="ASSAULT", m="aerial", s="Amerikanske fly", stance="hedged",
         actor=P("Amerikanske fly", "United States military", "state_forces", "USA"),
         recipient=P(None, *HOUTHIS), location=L("Sanaa", "Sanaa"),
         date=D("natt til onsdag", "2026-01-01", "2026-01-31", "month"),
         source=S("AP", "AP"),
         note="Reported US air strikes ('skal ha', 'etter det AP kjenner til')."),
    dict(a="own-08", t="CONSULT", s="angiveleg", stance="hedged",
         actor=P("Ein houthi-leiar", "Houthi leader", "person", "YEM"),
         recipient=P("iranske utsendingar", "Iranian envoys", "government", "IRN"),
         location=L("Muscat", "Muscat"), date=D("i førre veke", None, None, None),
         note="Alleged meeting ('skal angiveleg ha'); 'i førre veke' is not resolved from a "
              "month header."),
    dict(a="own-08", t="AID", s="ytterlegare to skip", stance="hypothetical",
         actor=P("WFP", "World Food Programme", "igo", None),
         location=L("Ras Isa", "Ras Isa"),
         quantities=[Q("to skip", 2, 2, 2, "ships")],
         source=S("organisasjonen", "World Food Programme"),
         note="Further deliveries conditional on the port opening ('Dersom')."),
    dict(a="own-08", t="MOBILIZE", s="sendt ein fregatt",
         actor=P("Noreg", "Norway", "government", "NOR"), location=L("Raudehavet", "Red Sea"),
         source=S("forsvarsministeren", "Norwegian Minister of Defence", ["NPK"]),
         note="Deployment of a frigate. The background sentence (Houthi takeover 2014-15) and "
              "the civilian flight are not coded."),
    dict(a="own-08", t="ASSAULT", s="sendt ein fregatt", stance="negated", optional=True,
         actor=P("han", "Norwegian Navy", "state_forces", "NOR"),
         location=L("Jemen", "Yemen"),
         source=S("forsvarsministeren", "Norwegian Minister of Defence", ["NPK"]),
         note="The frigate will not take part in attacks (negated)."),
]
# fmt: on


def article_text(article: dict[str, str | None]) -> str:
    """The dev gold writes the headline as the first line of the text."""
    body = article["body"] or ""
    return f"{article['title']}\n{body}" if article["title"] else body


_HEADER = re.compile(r"^\s*date \d{4}-\d{2}(-\d{2})? ")
# A sentence ends at . ! ? (and a closing quote) before a space and a capital, a dash or a
# guillemet, or at a line break; "1. juli" and "25.000" therefore stay whole.
_END = re.compile(r"[.!?]»?(?=\s+[A-ZÆØÅÁ–«])|\n+")


def sentences(text: str) -> list[tuple[int, int]]:
    start = 0
    header = _HEADER.match(text)
    if header:
        start = header.end()
    spans = []
    for match in _END.finditer(text, start):
        end = match.end() if text[match.start()] != "\n" else match.start()
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end()
        while start < len(text) and text[start] == " ":
            start += 1
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def evidence(text: str, phrase: str) -> dict[str, Any]:
    hits = [(s, e) for s, e in sentences(text) if phrase in text[s:e]]
    if len(hits) != 1:
        raise SystemExit(f"phrase {phrase!r} is in {len(hits)} sentences")
    start, end = hits[0]
    return {"sentence": text[start:end], "start": start, "end": end}


def build() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    articles = [
        {"id": a["id"], "title": a["title"], "text": article_text(a),
         "published": a["published"], "source": SOURCE, "lang": a["lang"]}
        for a in ARTICLES
    ]  # fmt: skip
    texts = {a["id"]: a["text"] for a in articles}
    events = []
    for spec in EVENTS:
        text = texts[spec["a"]]
        event = {
            "article_id": spec["a"], "event_type": spec["t"], "mode": spec.get("m"),
            "actor": spec.get("actor"), "recipient": spec.get("recipient"),
            "location": spec.get("location"), "date": spec.get("date"),
            "quantities": spec.get("quantities", []), "source": spec.get("source"),
            "stance": spec.get("stance", "asserted"), "evidence": evidence(text, spec["s"]),
            "optional": spec.get("optional", False), "note": spec["note"],
        }  # fmt: skip
        check(event, text)
        events.append(event)
    return articles, events


def check(event: dict[str, Any], text: str) -> None:
    """Spans inside the sentence (parties, place, date, numbers) or the article (source)."""
    ev = event["evidence"]
    assert text[ev["start"] : ev["end"]] == ev["sentence"]
    assert event["event_type"] in PLOVER_TYPES, event["event_type"]
    assert event["stance"] in STANCES, event["stance"]
    sentence = ev["sentence"]
    spans = [event[k]["text"] for k in ("actor", "recipient", "location", "date") if event[k]]
    spans += [q["text"] for q in event["quantities"]]
    for span in spans:
        assert span is None or span in sentence, (span, sentence)
    if event["source"]:
        assert event["source"]["text"] in text, event["source"]
    for q in event["quantities"]:
        assert q["low"] <= q["best"] <= (q["high"] if q["high"] is not None else q["best"])


def main() -> None:
    articles, events = build()
    for name, rows in (("articles.jsonl", articles), ("events.jsonl", events)):
        lines = [json.dumps(row, ensure_ascii=False) for row in rows]
        (HERE / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(articles)} articles, {len(events)} events "
          f"({sum(not e['optional'] for e in events)} required)")  # fmt: skip


if __name__ == "__main__":
    main()
