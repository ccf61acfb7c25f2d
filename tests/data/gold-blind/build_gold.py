# ruff: noqa: E501
"""Build the blind gold set (articles.jsonl, events.jsonl) from the texts and annotations below.

Written blind on 2026-11-23 without looking at the extractor or the other gold sets; every
sentence is our own. Offsets are computed here from the sentence list, never typed by hand, and
`check()` verifies every span before anything is written. Run from the repository root:

    .venv/bin/python tests/data/gold-blind/build_gold.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
SOURCE = "konflikt blind test set, written for the project"

# --- articles: a title and paragraphs, each paragraph a list of sentences -----------------------

ARTICLES: list[dict[str, Any]] = [
    {
        "id": "blind-01",
        "lang": "nb",
        "published": "2026-11-14",
        "title": "Dusinvis drept i angrep på landsby i Mali – hæren og opprørerne gir ulike versjoner",
        "paras": [
            ["Bamako (AFP-NTB): Minst 40 sivile ble drept da væpnede menn på motorsykler angrep en landsby like ved byen Bandiagara i Mopti-regionen natt til torsdag, opplyser lokale tjenestemenn til nyhetsbyrået AFP."],
            ["En lokal ordfører som AFP har snakket med, anslår at dødstallet ligger mellom 40 og 65, og sier at flere titalls innbyggere fortsatt er savnet.",
             "Ifølge et vitne satte angriperne fyr på hus og kornlagre før de forsvant i retning grensen mot Burkina Faso."],
            ["Hæren: – Terrorister nøytralisert"],
            ["Malis væpnede styrker skriver i en uttalelse at soldater dagen etter drepte «rundt 30 terrorister» i et motangrep i det samme området.",
             "Den al-Qaida-tilknyttede gruppen JNIM avviser i en melding på Telegram at den sto bak angrepet på landsbyen, og legger i stedet skylden på hærens russiske allierte.",
             "Ifølge Human Rights Watch skal soldater og russiske leiesoldater fra Africa Corps ha henrettet minst ti menn som ble pågrepet under motangrepet.",
             "Africa Corps, som er underlagt det russiske forsvarsdepartementet, har ikke kommentert anklagene."],
            ["Tusenvis på flukt"],
            ["FNs kontor for koordinering av humanitær innsats (OCHA) anslår at mellom 3 000 og 5 000 mennesker har flyktet fra området det siste døgnet.",
             "Organisasjonen sier at den vil sende mat og medisiner til Bandiagara så snart veiene regnes som trygge.",
             "Militærregjeringen i Bamako har siden 2022 kastet ut både de franske styrkene og FNs fredsstyrke Minusma.",
             "Juntaleder Assimi Goïta lovet fredag kveld i en tale på statlig TV å «knuse» de ansvarlige for massakren."],
        ],
    },
    {
        "id": "blind-02",
        "lang": "nb",
        "published": "2026-11-19",
        "title": "Mann i 30-årene varetektsfengslet etter knivstikking i Drammen",
        "paras": [
            ["En mann i 30-årene ble onsdag varetektsfengslet i fire uker, to av dem med brev- og besøksforbud, etter knivstikkingen på Bragernes torg i Drammen natt til søndag.",
             "Det bekrefter politiadvokat Hanne Lie Sørum i Sør-Øst politidistrikt overfor NTB."],
            ["Mannen er siktet for drapsforsøk etter at han skal ha stukket en 22 år gammel mann flere ganger i magen og ryggen.",
             "Den fornærmede ble fraktet til sykehus med alvorlige skader, men er nå utenfor livsfare.",
             "Politiet pågrep den siktede i en leilighet på Strømsø søndag formiddag, etter et tips fra et vitne."],
            ["Nekter straffskyld"],
            ["Mannen nekter straffskyld og hevder at han handlet i nødverge, opplyser forsvareren hans, advokat Morten Kjærnes.",
             "– Min klient erkjenner at han var på stedet, men han bestrider at det var han som gikk til angrep, sier Kjærnes til NTB."],
            ["– Han ble selv truet med kniv av fornærmede og en kamerat av ham.",
             "Det skal vi dokumentere i retten."],
            ["Politiet vil ikke kommentere forsvarerens versjon, men opplyser at de har beslaglagt en kniv og overvåkingsvideo fra flere utesteder i sentrum."],
            ["Dømt for vold tidligere"],
            ["Den siktede ble i 2021 dømt til ett år og seks måneders fengsel for grov kroppsskade i Lier.",
             "Politiet planlegger å avhøre to nye vitner i løpet av uken, og utelukker ikke flere pågripelser.",
             "Påtalemyndigheten tar sikte på å ta ut tiltale før sommeren."],
        ],
    },
    {
        "id": "blind-03",
        "lang": "nb",
        "published": "2026-11-20",
        "title": "Hizbollah avviser amerikansk forslag om våpenhvile",
        "paras": [
            ["Den libanesiske militsen Hizbollah avviste torsdag det siste amerikanske forslaget om en våpenhvile på 60 dager med Israel, melder nyhetsbyrået Reuters.",
             "Forslaget, som ble overlevert via libanesiske myndigheter tidligere i uken, krever at militsen trekker sine styrker tilbake nord for Litani-elven."],
            ["– Vi kommer ikke til å godta en avtale som gir fienden frihet til å angripe Libanon når det passer ham, sa Hizbollah-talsmannen Ali Mroueh i en TV-tale torsdag kveld.",
             "– Hvis fienden fortsetter å bombe landsbyene våre, vil rakettene våre nå både Haifa og Tel Aviv."],
            ["Israel: – Vi trapper opp"],
            ["Israels forsvarsminister sa fredag at hæren vil «trappe kraftig opp» angrepene dersom Hizbollah ikke har trukket seg tilbake innen to uker.",
             "Israelske kampfly angrep natt til fredag mål i Nabatieh og i Bekaa-dalen, og libanesiske helsemyndigheter sier at minst sju mennesker ble drept, blant dem to barn.",
             "Den israelske hæren hevder at angrepene rammet våpenlagre og en kommandosentral, og at det ikke var sivile i området.",
             "Hizbollah skjøt samtidig rundt 30 raketter mot Nord-Israel, ifølge den israelske hæren, som opplyser at de fleste ble skutt ned."],
            ["Nye samtaler i Kairo"],
            ["Libanons statsminister skal etter planen møte den amerikanske utsendingen i Kairo mandag for å forsøke å redde forhandlingene.",
             "Egypt og Qatar har tilbudt seg å mekle mellom partene, opplyser egyptiske diplomatkilder.",
             "Den libanesiske regjeringen har tidligere bedt FN om å styrke fredsstyrken Unifil i sør.",
             "Over 3 000 mennesker er drept i Libanon siden kampene blusset opp i fjor høst, ifølge landets helsedepartement."],
        ],
    },
    {
        "id": "blind-04",
        "lang": "nb",
        "published": "2026-11-16",
        "title": "Tåregass og hundrevis pågrepet etter opptøyer i Beograd",
        "paras": [
            ["Serbisk opprørspoliti brukte tåregass og vannkanoner mot titusenvis av demonstranter i Beograd søndag kveld, etter at en fredelig demonstrasjon mot regjeringen utviklet seg til opptøyer.",
             "Demonstrantene kastet stein, flasker og fyrverkeri mot politiet utenfor nasjonalforsamlingen, og flere biler ble satt i brann."],
            ["Innenriksminister Marko Ilić sier at 143 personer ble pågrepet i løpet av natten.",
             "Ifølge ministeren ble 37 politifolk skadet, flere av dem av brannbomber.",
             "Opposisjonen hevder på sin side at politiet slo ned fredelige demonstranter med batonger, og viser til videoer som sprer seg i sosiale medier.",
             "Politiet skal angivelig også ha brukt gummikuler mot en gruppe studenter i en sidegate."],
            ["Krever nyvalg"],
            ["Protestene startet for tre uker siden, etter at nasjonalforsamlingen vedtok en lov som strammer inn pengestøtten til frivillige organisasjoner.",
             "Studentorganisasjonene som står bak demonstrasjonene, krever at regjeringen går av og at det skrives ut nyvalg.",
             "Serbias president avviste mandag kravet om nyvalg og kalte demonstrantene «utenlandsfinansierte bøller».",
             "EU-kommisjonen ber serbiske myndigheter om å respektere retten til fredelig protest og etterforske politiets maktbruk.",
             "Den serbiske journalistforeningen fordømmer at minst fem journalister ble pågrepet mens de dekket demonstrasjonen.",
             "Nye demonstrasjoner er varslet i Beograd, Novi Sad og Niš tirsdag kveld."],
        ],
    },
    {
        "id": "blind-05",
        "lang": "nb",
        "published": "2026-11-11",
        "title": "Norge utviser russisk diplomat – Moskva varsler mottiltak",
        "paras": [
            ["Utenriksdepartementet har erklært en russisk diplomat ved ambassaden i Oslo uønsket i Norge, etter at vedkommende skal ha drevet etterretning mot norske forsvarsbedrifter.",
             "Diplomaten må forlate landet innen en uke, opplyser UD til NTB.",
             "Den russiske ambassadøren ble tirsdag kalt inn til departementet, der han fikk overlevert beslutningen."],
            ["– Norge aksepterer ikke etterretningsvirksomhet under diplomatisk dekke, sier statssekretær Ingrid Holm Aasen.",
             "Russlands ambassade kaller utvisningen «grunnløs og uvennlig» og skriver i en uttalelse på Telegram at Moskva vil svare med mottiltak."],
            ["Ny sanksjonspakke"],
            ["Samme dag sluttet Norge seg til EUs 21. sanksjonspakke mot Russland, som blant annet rammer 45 skip i den såkalte skyggeflåten.",
             "– Dette er et nødvendig svar på Russlands fortsatte angrep på ukrainske byer, sier utenriksministeren til NTB.",
             "Russland utviste i mars to norske diplomater fra Moskva, i det som ble sett på som et svar på en tilsvarende norsk utvisning.",
             "Ifølge NRK planlegger regjeringen også å stenge det russiske generalkonsulatet i Kirkenes.",
             "Utenriksdepartementet vil verken bekrefte eller avkrefte opplysningene.",
             "Kreml advarte onsdag Oslo mot å «ødelegge det lille som er igjen av forbindelsene»."],
        ],
    },
    {
        "id": "blind-06",
        "lang": "nb",
        "published": None,
        "title": "Nødhjelpskonvoi nådde fram til El Fasher etter måneder med beleiring",
        "paras": [
            ["En konvoi med 28 lastebiler fra Verdens matvareprogram (WFP) nådde torsdag fram til den beleirede byen El Fasher i Nord-Darfur, opplyser FN.",
             "Lastebilene hadde med seg mat til om lag 40 000 mennesker i en måned, ifølge organisasjonen.",
             "Den paramilitære militsen RSF har beleiret byen siden mai og er anklaget for å ha stanset nødhjelp i flere måneder.",
             "RSF sa i en uttalelse at styrkene «har åpnet en humanitær korridor» for å slippe konvoien gjennom."],
            ["Evakuerte sårede"],
            ["Leger uten grenser evakuerte samtidig 62 sårede, blant dem 19 barn, fra byens siste fungerende sykehus til Tawila, rundt 60 kilometer unna.",
             "– Situasjonen på sykehuset var katastrofal.",
             "Vi hadde verken blod, bedøvelse eller rent vann, sier nødhjelpskoordinator Marte Hovland i Leger uten grenser til NTB."],
            ["Sudans hær, som kjemper mot RSF, anklager militsen for å ha beskutt en flyktningleir ved byen bare timer før konvoien kom fram.",
             "RSF avviser anklagene og hevder at det var hæren selv som sto bak angrepet på leiren."],
            ["Ber om trygg passasje"],
            ["FNs nødhjelpskoordinator ber begge parter om å slippe gjennom flere konvoier, og opplyser at ytterligere 50 lastebiler står klare i Tsjad.",
             "Norge vil gi ytterligere 150 millioner kroner i nødhjelp til Sudan, opplyste utviklingsministeren fredag.",
             "Frivillige fra Sudanesisk Røde Halvmåne leter fortsatt etter overlevende i ruinene etter at en bygning med fordrevne familier raste sammen i Tawila natt til lørdag."],
        ],
    },
    {
        "id": "blind-07",
        "lang": "nn",
        "published": "2026-11-09",
        "title": "Over tusen soldatar til Nordfjord – bønder protesterer mot øvinga",
        "paras": [
            ["Om lag 1 200 norske, britiske og nederlandske soldatar skal frå onsdag øve saman i Gloppen og Stryn, melder Forsvaret.",
             "Øvinga, som har fått namnet «Vestlandsstorm», skal vare i ti dagar og omfattar òg landgang frå sjøen ved Nordfjordeid."],
            ["Bønder aksjonerte"],
            ["Laurdag samla kring 80 bønder og tilhengjarar seg med traktorar og plakatar utanfor Forsvarets leir på Sandane for å demonstrere mot øvinga.",
             "– Vi har ingenting imot Forsvaret, men vi kan ikkje ha beltevogner på beita vi treng til våren, sa leiaren i Gloppen Bondelag, Astrid Myklebust, til Firda.",
             "– Vi krev at soldatane held seg til vegane, og vi kjem til å halde fram med aksjonane heilt til øvinga er over."],
            ["Forsvaret avviser at øvinga vil gjere varig skade på beiteområda, og seier at alt blir sett i stand att etterpå.",
             "Ifølgje pressekontakten i Hæren har Forsvaret møtt grunneigarane to gonger i haust."],
            ["Ordføraren vil ha dialog"],
            ["Ordføraren i Gloppen, Jon Nes, ber både bøndene og Forsvaret om å møtast att før øvinga tek til.",
             "Eit slikt møte er planlagt på kommunehuset på Sandane tysdag.",
             "Natt til søndag vart det måla slagord mot NATO på to militære køyretøy på Nordfjordeid, og politiet har starta etterforsking."],
        ],
    },
    {
        "id": "blind-08",
        "lang": "nn",
        "published": "2026-11-17",
        "title": "Vekebrevet: Skulebygg, opprykk og ei pågriping i Vangen",
        "paras": [
            ["Kommentar"],
            ["Kommunestyret på Voss må snart slutte å skyve vedlikehaldet av skulane framfor seg.",
             "Det er ikkje nok å teikne nye bygg i kvar valkamp når taka lek i dag.",
             "Eg meiner politikarane skuldar foreldra eit ærleg svar på kva dei vil prioritere bort.",
             "Opposisjonen har rett i at budsjettframlegget er for optimistisk, men heller ikkje dei har eit realistisk alternativ."],
            ["Sport"],
            ["Voss sikra seg opprykk til 3. divisjon med 3–1 over Fana på Prestegardsmoen søndag.",
             "Gjestene angreip friskt i andre omgang, men Voss-forsvaret heldt stand til sluttsignalet.",
             "– Vi slo dei ut med hjartet i dag, sa kaptein Eirik Lid etter kampen."],
            ["Kort nytt"],
            ["Politiet pågreip natt til søndag ein mann i 40-åra etter at han skal ha truga tilsette på eit utestad i Vangen med kniv, opplyser operasjonsleiar Kari Dale i Vest politidistrikt.",
             "Ingen vart skadde."],
        ],
    },
]


# --- annotation helpers ---------------------------------------------------------------------------


def P(text: str | None, name: str, kind: str, country: str | None) -> dict[str, Any]:
    return {"text": text, "name": name, "kind": kind, "country": country}


def L(text: str, name: str, cc: str, lat: float, lon: float, precision: str) -> dict[str, Any]:
    return {"text": text, "name": name, "country": cc, "lat": lat, "lon": lon, "precision": precision}


def D(text: str, start: str | None, end: str | None = None, precision: str | None = "day") -> dict[str, Any]:
    if start is not None and end is None:
        end = start
    if start is None:
        precision = None
    return {"text": text, "start": start, "end": end, "precision": precision}


def Q(text: str, best: float | None, what: str, low: float | None = None, high: float | None = None) -> dict[str, Any]:
    return {"text": text, "low": best if low is None else low, "best": best,
            "high": best if high is None else high, "what": what}


def S(text: str, name: str, via: list[str] | None = None) -> dict[str, Any]:
    return {"text": text, "name": name, "via": via or []}


def E(art: str, sent: str, etype: str, mode: str | None, actor: dict | None, recipient: dict | None = None,
      location: dict | None = None, date: dict | None = None, quantities: list | None = None,
      source: dict | None = None, stance: str = "asserted", optional: bool = False, note: str = "") -> dict[str, Any]:
    """One gold event; `sent` is a unique piece of its evidence sentence."""
    return {"article_id": art, "_sent": sent, "event_type": etype, "mode": mode, "actor": actor,
            "recipient": recipient, "location": location, "date": date, "quantities": quantities or [],
            "source": source, "stance": stance, "optional": optional, "note": note}


# shared parties and places
MALI_ARMY = P("Malis væpnede styrker", "Malian Armed Forces (FAMa)", "state_forces", "MLI")
JNIM = P("JNIM", "Jama'at Nasr al-Islam wal-Muslimin (JNIM)", "armed_group", "MLI")
BANDIAGARA = L("Bandiagara", "Bandiagara", "ML", 14.35, -3.61, "place")
DRAMMEN = L("Drammen", "Drammen", "NO", 59.74, 10.20, "place")
SOROST = P("Sør-Øst politidistrikt", "South-East Police District", "police", "NOR")
HIZB = P("Hizbollah", "Hezbollah", "armed_group", "LBN")
BELGRADE = L("Beograd", "Belgrade", "RS", 44.80, 20.47, "place")
SRB_POLICE = P("politiet", "Serbian police", "police", "SRB")
UD = P("Utenriksdepartementet", "Norwegian Ministry of Foreign Affairs", "government", "NOR")
OSLO = L("Oslo", "Oslo", "NO", 59.91, 10.75, "place")
EL_FASHER = L("El Fasher", "El Fasher", "SD", 13.63, 25.35, "place")
RSF = P("RSF", "Rapid Support Forces (RSF)", "armed_group", "SDN")
SANDANE = L("Sandane", "Sandane", "NO", 61.77, 6.22, "place")
FORSVARET = P("Forsvaret", "Norwegian Armed Forces", "state_forces", "NOR")

EVENTS: list[dict[str, Any]] = [
    # blind-01 -------------------------------------------------------------------------------------
    E("blind-01", "Minst 40 sivile ble drept", "ASSAULT", "firearms",
      P("væpnede menn på motorsykler", "Unidentified gunmen", "armed_group", None),
      P("en landsby", "Civilians (Mopti region)", "civilians", "MLI"),
      BANDIAGARA, D("natt til torsdag", "2026-11-12"),
      [Q("Minst 40 sivile", 40, "killed")],
      S("lokale tjenestemenn", "Local officials", ["AFP", "NTB"]),
      note="The massacre: the lead. Gunmen on motorbikes implies small arms; mode firearms is a judgement. Night to Thursday before publication on Saturday 14 Nov."),
    E("blind-01", "Ifølge et vitne satte angriperne fyr", "ASSAULT", "destroy",
      P("angriperne", "Unidentified gunmen", "armed_group", None), None,
      BANDIAGARA, None, [], S("et vitne", "Eyewitness", ["AFP"]),
      optional=True,
      note="Burning of houses and grain stores during the same attack: a coder may fold it into the lead event."),
    E("blind-01", "dagen etter drepte «rundt 30 terrorister»", "ASSAULT", None,
      MALI_ARMY, P("terrorister", "Militants", "armed_group", "MLI"),
      BANDIAGARA, D("dagen etter", "2026-11-13"),
      [Q("rundt 30 terrorister", 30, "killed")],
      S("Malis væpnede styrker", "Malian Armed Forces (FAMa)", ["AFP", "NTB"]),
      note="Army counter-attack the day after the night-to-Thursday attack = Friday 13 Nov; 'i det samme området' points back to Bandiagara. Claim by the army itself in a statement: asserted."),
    E("blind-01", "JNIM avviser i en melding på Telegram", "REJECT", None,
      JNIM, None, None, None, [], S("JNIM", "JNIM", ["Telegram"]),
      note="JNIM denies responsibility for the village attack (a denial is a REJECT)."),
    E("blind-01", "JNIM avviser i en melding på Telegram", "ACCUSE", "allege",
      JNIM, P("hærens russiske allierte", "Africa Corps (Russia)", "state_forces", "RUS"),
      None, None, [], S("JNIM", "JNIM", ["Telegram"]),
      note="JNIM blames the army's Russian allies for the attack."),
    E("blind-01", "Ifølge Human Rights Watch skal soldater", "ASSAULT", "targeted",
      P("soldater og russiske leiesoldater fra Africa Corps", "Malian Armed Forces and Africa Corps", "state_forces", "MLI"),
      P("minst ti menn som ble pågrepet", "Detained men (civilians)", "civilians", "MLI"),
      None, None, [Q("minst ti menn", 10, "killed")],
      S("Human Rights Watch", "Human Rights Watch", []), stance="hedged",
      note="Alleged execution of detainees, 'skal ha' = hedged. Execution of detainees as 'targeted' is a judgement; place not restated in the sentence."),
    E("blind-01", "Ifølge Human Rights Watch skal soldater", "ACCUSE", "allege",
      P("Human Rights Watch", "Human Rights Watch", "ngo", None),
      P("soldater og russiske leiesoldater fra Africa Corps", "Malian Armed Forces and Africa Corps", "state_forces", "MLI"),
      None, None, [], S("Human Rights Watch", "Human Rights Watch", []),
      optional=True,
      note="HRW's allegation itself; the manual codes the accusation, but here the accusation is only the attribution of the hedged killing, so a coder may leave it out."),
    E("blind-01", "Ifølge Human Rights Watch skal soldater", "COERCE", "arrest",
      P("soldater og russiske leiesoldater fra Africa Corps", "Malian Armed Forces and Africa Corps", "state_forces", "MLI"),
      P("minst ti menn", "Detained men (civilians)", "civilians", "MLI"),
      None, None, [Q("minst ti menn", 10, "arrested")],
      S("Human Rights Watch", "Human Rights Watch", []), stance="hedged", optional=True,
      note="The detention during the counter-attack, in a relative clause."),
    E("blind-01", "Organisasjonen sier at den vil sende mat", "AID", None,
      P("Organisasjonen", "UN OCHA", "igo", None), None,
      BANDIAGARA, None, [], S("Organisasjonen", "UN OCHA", []), stance="future",
      note="Planned delivery of food and medicine. Civilian flight in the previous sentence has no acting party and is not coded."),
    E("blind-01", "Militærregjeringen i Bamako har siden 2022", "SANCTION", "expel",
      P("Militærregjeringen i Bamako", "Government of Mali (military junta)", "government", "MLI"),
      P("de franske styrkene og FNs fredsstyrke Minusma", "French forces and MINUSMA", "igo", None),
      None, D("siden 2022", "2022-01-01", "2022-12-31", "year"), [], None,
      optional=True, note="Background since 2022, older than the story."),
    E("blind-01", "Juntaleder Assimi Goïta lovet", "THREATEN", "violence",
      P("Juntaleder Assimi Goïta", "Assimi Goïta", "government", "MLI"),
      P("de ansvarlige for massakren", "Perpetrators of the massacre", "armed_group", None),
      None, D("fredag kveld", "2026-11-13"), [], None,
      note="Vow to 'crush' those responsible: threat of force. Bamako is not the place of the speech in the text."),
    # blind-02 -------------------------------------------------------------------------------------
    E("blind-02", "En mann i 30-årene ble onsdag varetektsfengslet", "COERCE", "arrest",
      P(None, "Buskerud District Court", "government", "NOR"),
      P("En mann i 30-årene", "Suspect (man in his 30s)", "person", "NOR"),
      DRAMMEN, D("onsdag", "2026-11-18"), [Q("fire uker", 4, "weeks_custody")],
      S("politiadvokat Hanne Lie Sørum i Sør-Øst politidistrikt", "Hanne Lie Sørum (South-East Police District)", ["NTB"]),
      note="Remand in custody = COERCE arrest (manual). The court is implied, not named: actor text null. Place: the stabbing's town; the court sits there. Source in the next sentence."),
    E("blind-02", "Mannen er siktet for drapsforsøk", "ACCUSE", "allege",
      P(None, "South-East Police District", "police", "NOR"),
      P("Mannen", "Suspect (man in his 30s)", "person", "NOR"),
      DRAMMEN, None, [], None,
      note="Charged with attempted murder = ACCUSE allege; the charging authority is implied."),
    E("blind-02", "Mannen er siktet for drapsforsøk", "ASSAULT", "primitive",
      P("han", "Suspect (man in his 30s)", "person", "NOR"),
      P("en 22 år gammel mann", "Victim (22-year-old man)", "civilians", "NOR"),
      DRAMMEN, D("natt til søndag", "2026-11-15"), [], None, stance="hedged", optional=True,
      note="The stabbing as suspected ('skal ha stukket'): optional in a charge story (manual). Date from the first sentence."),
    E("blind-02", "Politiet pågrep den siktede", "COERCE", "arrest",
      P("Politiet", "South-East Police District", "police", "NOR"),
      P("den siktede", "Suspect (man in his 30s)", "person", "NOR"),
      L("Strømsø", "Drammen", "NO", 59.74, 10.20, "place"), D("søndag formiddag", "2026-11-15"), [], None,
      note="The arrest on Sunday. Strømsø is a district of Drammen."),
    E("blind-02", "Mannen nekter straffskyld", "REJECT", None,
      P("Mannen", "Suspect (man in his 30s)", "person", "NOR"), None,
      None, None, [], S("advokat Morten Kjærnes", "Morten Kjærnes (defence lawyer)", []),
      note="Denies guilt. The continued quote ('bestrider ...') restates the same denial and is not coded again."),
    E("blind-02", "– Han ble selv truet med kniv", "THREATEN", None,
      P("fornærmede og en kamerat av ham", "Victim (22-year-old man) and a friend", "civilians", "NOR"),
      P("Han", "Suspect (man in his 30s)", "person", "NOR"),
      None, None, [], S("Kjærnes", "Morten Kjærnes (defence lawyer)", ["NTB"]), stance="hedged", optional=True,
      note="Defence claim in a continued dialogue-dash quote; a claim by one side, not a reported fact, so optional."),
    E("blind-02", "har beslaglagt en kniv", "COERCE", "confiscate",
      P("Politiet", "South-East Police District", "police", "NOR"), None,
      DRAMMEN, None, [], None, optional=True,
      note="Seizure of evidence; a coder may see it as routine investigation."),
    E("blind-02", "Den siktede ble i 2021 dømt", "SANCTION", "convict",
      P(None, "Norwegian court", "government", "NOR"),
      P("Den siktede", "Suspect (man in his 30s)", "person", "NOR"),
      L("Lier", "Lier", "NO", 59.78, 10.24, "place"), D("i 2021", "2021-01-01", "2021-12-31", "year"),
      [Q("ett år og seks måneders fengsel", 1.5, "years_prison")], None, optional=True,
      note="Earlier conviction: background."),
    E("blind-02", "Politiet planlegger å avhøre", "ACCUSE", "investigate",
      P("Politiet", "South-East Police District", "police", "NOR"), None,
      None, D("i løpet av uken", "2026-11-16", "2026-11-22", "week"), [Q("to nye vitner", 2, "witnesses")],
      None, stance="future", optional=True,
      note="Planned questioning as part of the investigation."),
    E("blind-02", "Politiet planlegger å avhøre", "COERCE", "arrest",
      P("Politiet", "South-East Police District", "police", "NOR"), None,
      None, None, [], None, stance="hypothetical", optional=True,
      note="'utelukker ikke flere pågripelser': a possibility only."),
    E("blind-02", "Påtalemyndigheten tar sikte på", "ACCUSE", "allege",
      P("Påtalemyndigheten", "Norwegian prosecuting authority", "police", "NOR"),
      P(None, "Suspect (man in his 30s)", "person", "NOR"),
      None, D("før sommeren", None), [], None, stance="future", optional=True,
      note="Planned indictment; the suspect is implied."),
    # blind-03 -------------------------------------------------------------------------------------
    E("blind-03", "Hizbollah avviste torsdag", "REJECT", "meet",
      HIZB, P("amerikanske", "United States", "government", "USA"),
      None, D("torsdag", "2026-11-19"), [], S("nyhetsbyrået Reuters", "Reuters", []),
      note="Rejection of the US ceasefire plan (PLOVER: reject plan/agreement = mode meet). The TV quote restates it and is not a second event."),
    E("blind-03", "Forslaget, som ble overlevert via libanesiske", "REQUEST", "yield",
      P(None, "United States", "government", "USA"), P("militsen", "Hezbollah", "armed_group", "LBN"),
      None, D("tidligere i uken", None), [], None, optional=True,
      note="The proposal's demand that Hezbollah pull back: the content of the plan, so optional."),
    E("blind-03", "– Hvis fienden fortsetter å bombe", "THREATEN", "violence",
      P("rakettene våre", "Hezbollah", "armed_group", "LBN"), P("fienden", "Israel", "government", "ISR"),
      None, D("torsdag kveld", "2026-11-19"), [],
      S("Ali Mroueh", "Ali Mroueh (Hezbollah)", []), stance="hypothetical",
      note="Conditional threat of rocket fire in a continued dialogue-dash quote; source carried over. Conditional, hence hypothetical; a coder could say asserted (the threat is made)."),
    E("blind-03", "Israels forsvarsminister sa fredag", "THREATEN", "violence",
      P("Israels forsvarsminister", "Israeli Minister of Defence", "government", "ISR"), HIZB,
      None, D("fredag", "2026-11-20"), [], None,
      note="Ultimatum: escalate unless Hezbollah withdraws within two weeks."),
    E("blind-03", "Israelske kampfly angrep natt til fredag", "ASSAULT", "aerial",
      P("Israelske kampfly", "Israeli Air Force", "state_forces", "ISR"), None,
      L("Nabatieh", "Nabatiye", "LB", 33.38, 35.48, "place"), D("natt til fredag", "2026-11-20"),
      [Q("minst sju mennesker", 7, "killed")],
      S("libanesiske helsemyndigheter", "Lebanese health authorities", []),
      note="Air strikes; the first named place is kept. The army's counter-claim in the next sentence is no new event."),
    E("blind-03", "Hizbollah skjøt samtidig rundt 30 raketter", "ASSAULT", "heavy-weapons",
      HIZB, P("Nord-Israel", "Israel", "government", "ISR"),
      L("Nord-Israel", "Northern District", "IL", 32.95, 35.40, "admin1"), D("samtidig", "2026-11-20"),
      [Q("rundt 30 raketter", 30, "rockets")],
      S("den israelske hæren", "Israel Defense Forces", []),
      note="Rocket fire the same night; the army is the source."),
    E("blind-03", "Libanons statsminister skal etter planen møte", "CONSULT", None,
      P("Libanons statsminister", "Prime Minister of Lebanon", "government", "LBN"),
      P("den amerikanske utsendingen", "US envoy", "government", "USA"),
      L("Kairo", "Cairo", "EG", 30.04, 31.24, "place"), D("mandag", "2026-11-23"), [], None,
      stance="future",
      note="Planned meeting = CONSULT future. 'mandag' here is the coming Monday (23 Nov), since the meeting is planned."),
    E("blind-03", "Egypt og Qatar har tilbudt seg å mekle", "CONSULT", None,
      P("Egypt og Qatar", "Egypt and Qatar", "government", None), None,
      None, None, [], S("egyptiske diplomatkilder", "Egyptian diplomatic sources", []),
      stance="future", optional=True,
      note="Offer to mediate; CONSULT vs AGREE (intent to cooperate) is a judgement, so optional."),
    E("blind-03", "Den libanesiske regjeringen har tidligere bedt FN", "REQUEST", "assist",
      P("Den libanesiske regjeringen", "Government of Lebanon", "government", "LBN"),
      P("FN", "United Nations", "igo", None),
      None, None, [], None, optional=True, note="Earlier request: background."),
    # blind-04 -------------------------------------------------------------------------------------
    E("blind-04", "Serbisk opprørspoliti brukte tåregass", "ASSAULT", "crowd-control",
      P("Serbisk opprørspoliti", "Serbian police", "police", "SRB"),
      P("titusenvis av demonstranter", "Protesters (Serbia)", "civilians", "SRB"),
      BELGRADE, D("søndag kveld", "2026-11-15"),
      [Q("titusenvis av demonstranter", 10000, "protesters")], None,
      note="Tear gas and water cannon against protesters = ASSAULT crowd-control. 'titusenvis' read as 10 000 by analogy with 'tusenvis' = 1 000."),
    E("blind-04", "Serbisk opprørspoliti brukte tåregass", "PROTEST", "demo",
      P("demonstranter", "Protesters (Serbia)", "civilians", "SRB"),
      P("regjeringen", "Government of Serbia", "government", "SRB"),
      BELGRADE, D("søndag kveld", "2026-11-15"),
      [Q("titusenvis av demonstranter", 10000, "protesters")], None,
      note="The anti-government demonstration itself, told in the same sentence."),
    E("blind-04", "Demonstrantene kastet stein", "PROTEST", "riot",
      P("Demonstrantene", "Protesters (Serbia)", "civilians", "SRB"), SRB_POLICE,
      L("nasjonalforsamlingen", "Belgrade", "RS", 44.80, 20.47, "place"), D("søndag kveld", "2026-11-15"),
      [], None, note="Stones, bottles, fireworks and arson by protesters = PROTEST riot (manual)."),
    E("blind-04", "143 personer ble pågrepet", "COERCE", "arrest",
      P(None, "Serbian police", "police", "SRB"), P("143 personer", "Protesters (Serbia)", "civilians", "SRB"),
      BELGRADE, D("i løpet av natten", "2026-11-16"), [Q("143 personer", 143, "arrested")],
      S("Innenriksminister Marko Ilić", "Marko Ilić (Serbian Minister of the Interior)", []),
      note="Arrests overnight into Monday; the arresting police are implied."),
    E("blind-04", "Ifølge ministeren ble 37 politifolk skadet", "PROTEST", "riot",
      P(None, "Protesters (Serbia)", "civilians", "SRB"), P("37 politifolk", "Serbian police", "police", "SRB"),
      BELGRADE, None, [Q("37 politifolk", 37, "injured")], S("ministeren", "Marko Ilić (Serbian Minister of the Interior)", []),
      optional=True, note="Injuries from the same riot; a restatement with a casualty figure."),
    E("blind-04", "Opposisjonen hevder på sin side", "ACCUSE", "allege",
      P("Opposisjonen", "Serbian opposition", "other", "SRB"), SRB_POLICE,
      None, None, [], S("Opposisjonen", "Serbian opposition", []),
      note="Accusation of police brutality."),
    E("blind-04", "Opposisjonen hevder på sin side", "ASSAULT", "beat",
      SRB_POLICE, P("fredelige demonstranter", "Protesters (Serbia)", "civilians", "SRB"),
      BELGRADE, None, [], S("Opposisjonen", "Serbian opposition", []), stance="hedged", optional=True,
      note="The beating is only claimed ('hevder'); manual: code Y only if reported as fact, so optional."),
    E("blind-04", "gummikuler", "ASSAULT", "crowd-control",
      P("Politiet", "Serbian police", "police", "SRB"), P("en gruppe studenter", "Students (Serbia)", "civilians", "SRB"),
      BELGRADE, None, [], None, stance="hedged",
      note="'skal angivelig ha brukt gummikuler': hedged, no named source."),
    E("blind-04", "Protestene startet for tre uker siden", "PROTEST", "demo",
      P(None, "Protesters (Serbia)", "civilians", "SRB"), P(None, "Government of Serbia", "government", "SRB"),
      None, D("for tre uker siden", "2026-10-26"), [], None, optional=True,
      note="Start of the protest wave three weeks earlier: background of the story."),
    E("blind-04", "Studentorganisasjonene som står bak", "REQUEST", "change",
      P("Studentorganisasjonene", "Serbian student organisations", "civilians", "SRB"),
      P("regjeringen", "Government of Serbia", "government", "SRB"),
      None, None, [], None, note="Demand for resignation and new elections."),
    E("blind-04", "Serbias president avviste mandag", "REJECT", "change",
      P("Serbias president", "President of Serbia", "government", "SRB"),
      P("demonstrantene", "Protesters (Serbia)", "civilians", "SRB"),
      None, D("mandag", "2026-11-16"), [], None,
      note="Rejects the election demand; the insult in the same clause is not coded separately."),
    E("blind-04", "Serbias president avviste mandag", "ACCUSE", "disapprove",
      P("Serbias president", "President of Serbia", "government", "SRB"),
      P("demonstrantene", "Protesters (Serbia)", "civilians", "SRB"),
      None, D("mandag", "2026-11-16"), [], None, optional=True,
      note="Calling the protesters foreign-funded thugs: a coder may code it as criticism."),
    E("blind-04", "EU-kommisjonen ber serbiske myndigheter", "REQUEST", None,
      P("EU-kommisjonen", "European Commission", "igo", None),
      P("serbiske myndigheter", "Government of Serbia", "government", "SRB"),
      None, None, [], None, note="Appeal to respect protest rights and investigate."),
    E("blind-04", "Den serbiske journalistforeningen fordømmer", "ACCUSE", "disapprove",
      P("Den serbiske journalistforeningen", "Journalists' Association of Serbia", "ngo", "SRB"), None,
      None, None, [], None, note="Condemnation; the arresting party is implied (police)."),
    E("blind-04", "Den serbiske journalistforeningen fordømmer", "COERCE", "arrest",
      P(None, "Serbian police", "police", "SRB"), P("minst fem journalister", "Journalists (Serbia)", "media", "SRB"),
      BELGRADE, None, [Q("minst fem journalister", 5, "arrested")],
      S("Den serbiske journalistforeningen", "Journalists' Association of Serbia", []), optional=True,
      note="Arrest of journalists, likely part of the 143: optional as a possible duplicate."),
    E("blind-04", "Nye demonstrasjoner er varslet", "PROTEST", "demo",
      P(None, "Protesters (Serbia)", "civilians", "SRB"), None,
      BELGRADE, D("tirsdag kveld", "2026-11-17"), [], None, stance="future", optional=True,
      note="Announced protests in three cities the next day; organisers not named."),
    # blind-05 -------------------------------------------------------------------------------------
    E("blind-05", "Utenriksdepartementet har erklært en russisk diplomat", "SANCTION", "expel",
      UD, P("en russisk diplomat ved ambassaden i Oslo", "Russian diplomat", "government", "RUS"),
      OSLO, None, [], S("UD", "Norwegian Ministry of Foreign Affairs", ["NTB"]),
      note="Expulsion of a diplomat = SANCTION expel (manual table). Source from the next sentence."),
    E("blind-05", "Utenriksdepartementet har erklært en russisk diplomat", "ACCUSE", "allege",
      UD, P("en russisk diplomat", "Russian diplomat", "government", "RUS"),
      None, None, [], S("UD", "Norwegian Ministry of Foreign Affairs", ["NTB"]), optional=True,
      note="The espionage allegation behind the expulsion, given only as a reason."),
    E("blind-05", "Den russiske ambassadøren ble tirsdag kalt inn", "CONSULT", None,
      P("departementet", "Norwegian Ministry of Foreign Affairs", "government", "NOR"), P("Den russiske ambassadøren", "Russian ambassador to Norway", "government", "RUS"),
      OSLO, D("tirsdag", "2026-11-10"), [], None,
      note="Summoning of the ambassador to the ministry = a meeting (CONSULT). A coder could call it ACCUSE disapprove."),
    E("blind-05", "Russlands ambassade kaller utvisningen", "ACCUSE", "disapprove",
      P("Russlands ambassade", "Embassy of Russia in Norway", "government", "RUS"),
      P(None, "Norway", "government", "NOR"),
      None, None, [], S("Russlands ambassade", "Embassy of Russia in Norway", ["Telegram"]),
      note="Condemns the expulsion."),
    E("blind-05", "Russlands ambassade kaller utvisningen", "THREATEN", None,
      P("Moskva", "Russia", "government", "RUS"), P(None, "Norway", "government", "NOR"),
      None, None, [], S("Russlands ambassade", "Embassy of Russia in Norway", ["Telegram"]),
      note="Announces retaliation ('vil svare med mottiltak')."),
    E("blind-05", "Russlands ambassade kaller utvisningen", "REJECT", None,
      P("Russlands ambassade", "Embassy of Russia in Norway", "government", "RUS"),
      P(None, "Norwegian Ministry of Foreign Affairs", "government", "NOR"),
      None, None, [], S("Russlands ambassade", "Embassy of Russia in Norway", ["Telegram"]), optional=True,
      note="'grunnløs' dismisses the allegation; a coder may read it as part of the condemnation."),
    E("blind-05", "Samme dag sluttet Norge seg til", "SANCTION", None,
      P("Norge", "Norway", "government", "NOR"), P("Russland", "Russia", "government", "RUS"),
      None, D("Samme dag", "2026-11-10"), [Q("45 skip", 45, "ships")], None,
      note="Norway joins the EU sanctions package; 'samme dag' = the Tuesday of the summons."),
    E("blind-05", "– Dette er et nødvendig svar", "ASSAULT", None,
      P("Russlands", "Russia", "government", "RUS"), P("ukrainske byer", "Ukraine", "government", "UKR"),
      L("ukrainske byer", "Ukraine", "UA", 49.0, 32.0, "country"), None, [], S("utenriksministeren", "Norwegian Minister of Foreign Affairs", ["NTB"]),
      optional=True, note="Ongoing Russian attacks mentioned as justification; general background."),
    E("blind-05", "Russland utviste i mars", "SANCTION", "expel",
      P("Russland", "Russia", "government", "RUS"), P("to norske diplomater", "Norwegian diplomats", "government", "NOR"),
      L("Moskva", "Moscow", "RU", 55.75, 37.62, "place"), D("i mars", "2026-03-01", "2026-03-31", "month"),
      [Q("to norske diplomater", 2, "diplomats")], None, optional=True,
      note="Earlier tit-for-tat expulsion: background."),
    E("blind-05", "Ifølge NRK planlegger regjeringen", "SANCTION", "withdraw",
      P("regjeringen", "Government of Norway", "government", "NOR"),
      P("det russiske generalkonsulatet i Kirkenes", "Consulate General of Russia in Kirkenes", "government", "RUS"),
      L("Kirkenes", "Kirkenes", "NO", 69.73, 30.05, "place"), None, [], S("NRK", "NRK", []),
      stance="future",
      note="Planned closure of the consulate = reduce relations (PLOVER SANCTION withdraw); the ministry's non-comment is not a denial."),
    E("blind-05", "Kreml advarte onsdag Oslo", "THREATEN", None,
      P("Kreml", "Government of Russia", "government", "RUS"), P("Oslo", "Government of Norway", "government", "NOR"),
      None, D("onsdag", "2026-11-11"), [], None,
      note="Warning = THREATEN (manual cue 'advare')."),
    # blind-06 -------------------------------------------------------------------------------------
    E("blind-06", "En konvoi med 28 lastebiler", "AID", None,
      P("Verdens matvareprogram (WFP)", "World Food Programme", "igo", None), None,
      EL_FASHER, D("torsdag", None), [Q("28 lastebiler", 28, "trucks")], S("FN", "United Nations", []),
      note="Food convoy arrives. No publication date, so 'torsdag' keeps its span only."),
    E("blind-06", "Den paramilitære militsen RSF har beleiret", "ASSAULT", None,
      RSF, P("byen", "Residents of El Fasher", "civilians", "SDN"),
      EL_FASHER, D("siden mai", None), [], None, optional=True,
      note="Ongoing siege since May: background to the story."),
    E("blind-06", "RSF sa i en uttalelse", "RETREAT", "access",
      RSF, None, EL_FASHER, None, [], S("RSF", "Rapid Support Forces (RSF)", []),
      note="Opening a humanitarian corridor = RETREAT access (PLOVER)."),
    E("blind-06", "Leger uten grenser evakuerte", "AID", None,
      P("Leger uten grenser", "Médecins Sans Frontières", "ngo", None),
      P("62 sårede", "Wounded civilians (El Fasher)", "civilians", "SDN"),
      EL_FASHER, D("samtidig", None), [Q("62 sårede", 62, "evacuated")], None,
      note="Medical evacuation from the hospital in El Fasher to Tawila."),
    E("blind-06", "Sudans hær, som kjemper mot RSF", "ACCUSE", "allege",
      P("Sudans hær", "Sudanese Armed Forces", "state_forces", "SDN"), RSF,
      None, None, [], None, note="Army accuses RSF of shelling a camp."),
    E("blind-06", "Sudans hær, som kjemper mot RSF", "ASSAULT", "heavy-weapons",
      RSF, P("en flyktningleir ved byen", "Displaced civilians (El Fasher)", "civilians", "SDN"),
      EL_FASHER, None, [], S("Sudans hær", "Sudanese Armed Forces", []), stance="hedged", optional=True,
      note="Shelling only alleged by one side and denied by the other: optional."),
    E("blind-06", "RSF avviser anklagene", "REJECT", None,
      RSF, P(None, "Sudanese Armed Forces", "state_forces", "SDN"),
      None, None, [], None, note="Denial."),
    E("blind-06", "RSF avviser anklagene", "ACCUSE", "allege",
      RSF, P("hæren", "Sudanese Armed Forces", "state_forces", "SDN"),
      None, None, [], None, note="Counter-accusation."),
    E("blind-06", "FNs nødhjelpskoordinator ber begge parter", "REQUEST", None,
      P("FNs nødhjelpskoordinator", "UN Emergency Relief Coordinator", "igo", None),
      P("begge parter", "Sudanese Armed Forces and RSF", "state_forces", "SDN"),
      None, None, [], None, note="Appeal for passage of aid convoys."),
    E("blind-06", "Norge vil gi ytterligere 150 millioner", "AID", None,
      P("Norge", "Norway", "government", "NOR"), P("Sudan", "Sudan", "government", "SDN"),
      L("Sudan", "Sudan", "SD", 15.0, 30.0, "country"), D("fredag", None),
      [Q("150 millioner kroner", 150_000_000, "NOK")],
      S("utviklingsministeren", "Norwegian Minister of International Development", []), stance="future",
      note="Pledged aid: future. The date is the announcement's."),
    E("blind-06", "Frivillige fra Sudanesisk Røde Halvmåne", "AID", None,
      P("Frivillige fra Sudanesisk Røde Halvmåne", "Sudanese Red Crescent", "ngo", "SDN"), None,
      L("Tawila", "Tawila", "SD", 13.49, 24.85, "place"), None, [], None,
      note="Search and rescue after a building collapse; the collapse itself has no acting party. 'natt til lørdag' dates the collapse, not the ongoing search."),
    # blind-07 -------------------------------------------------------------------------------------
    E("blind-07", "Om lag 1 200 norske, britiske", "COOPERATE", None,
      P("norske, britiske og nederlandske soldatar", "Norwegian, British and Dutch armed forces", "state_forces", None), None,
      L("Gloppen", "Gloppen", "NO", 61.77, 6.22, "place"), D("frå onsdag", "2026-11-11"),
      [Q("Om lag 1 200", 1200, "soldiers")], S("Forsvaret", "Norwegian Armed Forces", []), stance="future",
      note="Joint exercise = COOPERATE (cue 'trene/øve'); starts the coming Wednesday. Gloppen is the municipality of Sandane."),
    E("blind-07", "Laurdag samla kring 80 bønder", "PROTEST", "demo",
      P("bønder og tilhengjarar", "Farmers (Nordfjord)", "civilians", "NOR"), FORSVARET,
      SANDANE, D("Laurdag", "2026-11-07"), [Q("kring 80", 80, "protesters")], None,
      note="Demonstration outside the army camp."),
    E("blind-07", "– Vi krev at soldatane held seg til vegane", "REQUEST", "change",
      P(None, "Gloppen Bondelag", "civilians", "NOR"), P("soldatane", "Norwegian Armed Forces", "state_forces", "NOR"),
      None, None, [], S("Astrid Myklebust", "Astrid Myklebust (Gloppen Bondelag)", ["Firda"]),
      note="Demand in a continued dialogue-dash quote; speaker carried over from the previous sentence."),
    E("blind-07", "– Vi krev at soldatane held seg til vegane", "PROTEST", "demo",
      P(None, "Gloppen Bondelag", "civilians", "NOR"), P(None, "Norwegian Armed Forces", "state_forces", "NOR"),
      None, None, [], S("Astrid Myklebust", "Astrid Myklebust (Gloppen Bondelag)", ["Firda"]),
      stance="future", optional=True, note="Announced continuation of the protests."),
    E("blind-07", "Forsvaret avviser at øvinga", "REJECT", None,
      FORSVARET, P(None, "Farmers (Nordfjord)", "civilians", "NOR"),
      None, None, [], None, note="Denies lasting damage (rejects the farmers' claim)."),
    E("blind-07", "Ifølgje pressekontakten i Hæren", "CONSULT", None,
      FORSVARET, P("grunneigarane", "Landowners (Nordfjord)", "civilians", "NOR"),
      None, D("i haust", None), [Q("to gonger", 2, "meetings")],
      S("pressekontakten i Hæren", "Norwegian Army press officer", []),
      note="Two earlier meetings with landowners this autumn; 'i haust' is a season, no date given."),
    E("blind-07", "Ordføraren i Gloppen, Jon Nes, ber", "REQUEST", "meet",
      P("Ordføraren i Gloppen, Jon Nes", "Jon Nes (mayor of Gloppen)", "government", "NOR"),
      P("både bøndene og Forsvaret", "Farmers (Nordfjord) and Norwegian Armed Forces", "civilians", "NOR"),
      None, None, [], None, note="Call for a new meeting."),
    E("blind-07", "Eit slikt møte er planlagt", "CONSULT", None,
      P(None, "Norwegian Armed Forces and farmers", "state_forces", "NOR"), None,
      L("kommunehuset på Sandane", "Sandane", "NO", 61.77, 6.22, "place"), D("tysdag", "2026-11-10"), [], None,
      stance="future", optional=True,
      note="Planned meeting; the parties are only implied ('eit slikt møte'), so optional."),
    E("blind-07", "Natt til søndag vart det måla slagord", "ACCUSE", "investigate",
      P("politiet", "West Police District", "police", "NOR"), None,
      L("Nordfjordeid", "Nordfjordeid", "NO", 61.91, 5.99, "place"), None, [], None,
      note="Police investigation of the vandalism."),
    E("blind-07", "Natt til søndag vart det måla slagord", "PROTEST", None,
      None, P(None, "Norwegian Armed Forces", "state_forces", "NOR"),
      L("Nordfjordeid", "Nordfjordeid", "NO", 61.91, 5.99, "place"), D("Natt til søndag", "2026-11-08"), [], None,
      optional=True, note="Anti-NATO graffiti by unknown persons: no identifiable actor, so optional."),
    # blind-08 -------------------------------------------------------------------------------------
    E("blind-08", "Politiet pågreip natt til søndag", "COERCE", "arrest",
      P("Politiet", "West Police District", "police", "NOR"), P("ein mann i 40-åra", "Man in his 40s", "person", "NOR"),
      L("Vangen", "Voss", "NO", 60.63, 6.42, "place"), D("natt til søndag", "2026-11-15"), [],
      S("operasjonsleiar Kari Dale i Vest politidistrikt", "Kari Dale (West Police District)", []),
      note="The only event of the column: an arrest. Vangen is the centre of Voss. The opinion piece and the match report ('angreip', 'slo dei ut') carry no events."),
    E("blind-08", "Politiet pågreip natt til søndag", "THREATEN", None,
      P("ein mann i 40-åra", "Man in his 40s", "person", "NOR"), P("tilsette på eit utestad", "Bar staff", "civilians", "NOR"),
      L("Vangen", "Voss", "NO", 60.63, 6.42, "place"), D("natt til søndag", "2026-11-15"), [],
      S("operasjonsleiar Kari Dale i Vest politidistrikt", "Kari Dale (West Police District)", []),
      stance="hedged", optional=True,
      note="Suspected knife threat ('skal ha truga'): optional in an arrest story (manual)."),
]


# --- build and check ------------------------------------------------------------------------------


def build_article(spec: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, int, int]]]:
    """Join the title and paragraphs into the text and return the sentence spans."""
    paras = [[spec["title"]], *spec["paras"]]
    parts: list[str] = []
    spans: list[tuple[str, int, int]] = []
    pos = 0
    for p_i, para in enumerate(paras):
        if p_i:
            parts.append("\n")
            pos += 1
        for s_i, sent in enumerate(para):
            if s_i:
                parts.append(" ")
                pos += 1
            spans.append((sent, pos, pos + len(sent)))
            parts.append(sent)
            pos += len(sent)
    text = "".join(parts)
    article = {"id": spec["id"], "title": spec["title"], "text": text, "published": spec["published"],
               "source": SOURCE, "lang": spec["lang"]}
    return article, spans


def check(articles: dict[str, dict[str, Any]], events: list[dict[str, Any]]) -> None:
    """Every span must be where the record says it is; report all problems at once."""
    problems: list[str] = []
    for ev in events:
        text = articles[ev["article_id"]]["text"]
        ev_sent = ev["evidence"]
        sent = ev_sent["sentence"]
        where = f'{ev["article_id"]} {ev["event_type"]} <{sent[:50]}>'
        if text[ev_sent["start"]:ev_sent["end"]] != sent:
            problems.append(f"{where}: evidence offsets")
        for key in ("actor", "recipient"):
            part = ev[key]
            if part and part["text"] and part["text"] not in sent:
                problems.append(f"{where}: {key} {part['text']!r} not in the sentence")
        for key in ("location", "date"):
            part = ev[key]
            if part and part["text"] and part["text"] not in text:
                problems.append(f"{where}: {key} {part['text']!r} not in the text")
        for q in ev["quantities"]:
            if q["text"] not in sent or not q["low"] <= q["best"] <= q["high"]:
                problems.append(f"{where}: quantity {q}")
        if ev["source"] and ev["source"]["text"] not in text:
            problems.append(f"{where}: source {ev['source']['text']!r} not in the text")
        if not ev["note"]:
            problems.append(f"{where}: no note")
    if problems:
        raise SystemExit("\n".join(problems))


def main() -> None:
    articles: dict[str, dict[str, Any]] = {}
    spans: dict[str, list[tuple[str, int, int]]] = {}
    for spec in ARTICLES:
        art, sp = build_article(spec)
        articles[art["id"]] = art
        spans[art["id"]] = sp
    out: list[dict[str, Any]] = []
    for ev in EVENTS:
        hits = [s for s in spans[ev["article_id"]] if ev["_sent"] in s[0]]
        assert len(hits) == 1, (ev["_sent"], len(hits))
        sent, start, end = hits[0]
        rec = {k: v for k, v in ev.items() if k != "_sent"}
        rec["evidence"] = {"sentence": sent, "start": start, "end": end}
        order = ["article_id", "event_type", "mode", "actor", "recipient", "location", "date",
                 "quantities", "source", "stance", "evidence", "optional", "note"]
        out.append({k: rec[k] for k in order})
    check(articles, out)
    with open(HERE / "articles.jsonl", "w", encoding="utf-8") as f:
        for art in articles.values():
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
    with open(HERE / "events.jsonl", "w", encoding="utf-8") as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n_opt = sum(e["optional"] for e in out)
    print(f"{len(articles)} articles, {len(out)} events ({len(out) - n_opt} required, {n_opt} optional)")
    for art in articles.values():
        n_sent = len(spans[art["id"]])
        print(art["id"], art["lang"], art["published"], f"{n_sent} lines/sentences", len(art["text"]), "chars")


if __name__ == "__main__":
    main()
