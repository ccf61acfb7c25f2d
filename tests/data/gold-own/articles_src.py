"""The eight articles of the self-written gold set (fictional; every sentence written for it).

Kept as Python so that `build_gold.py` can compute the evidence offsets from the text; the
JSON Lines files beside this module are generated from it and are what the evaluation reads.
"""

from __future__ import annotations

SOURCE = "konflikt test set, written for the project"

ARTICLES: list[dict[str, str | None]] = [
    {
        "id": "own-01",
        "lang": "nb",
        "published": "2026-02-14",
        "title": "Titalls drept i luftangrep mot marked i Nord-Darfur",
        "body": (
            "Mellom 40 og 50 sivile ble drept da fly fra den sudanske hæren bombet et marked i "
            "byen Kutum i Nord-Darfur fredag, melder Reuters. "
            "Over 100 personer ble såret, ifølge lokale helsearbeidere.\n"
            "Hæren avviser at den har angrepet sivile mål, og sier at flyene rettet seg mot et "
            "våpenlager som tilhørte RSF-militsen.\n"
            "Samtidig har RSF-militsen det siste døgnet angrepet hærens stillinger i El Fasher med "
            "tungt artilleri, sier en talsmann for hæren til nyhetsbyrået AFP.\n"
            "– Vi har slått tilbake angrepet og drept titalls RSF-krigere, sier talsmannen.\n"
            "– Byen er fortsatt under vår kontroll.\n"
            "Det er ikke mulig å bekrefte opplysningene uavhengig.\n"
            "RSF skal ha tatt kontroll over landsbyen Um Kadada øst for byen, etter det Reuters "
            "kjenner til.\n"
            "Tusenvis av sivile har flyktet fra området de siste tre dagene.\n"
            "Krigen i Sudan brøt ut i april 2023, da en maktkamp mellom hærsjefen og RSF-lederen "
            "gikk over i åpne kamper i Khartoum.\n"
            "FNs høykommissær for menneskerettigheter fordømte lørdag angrepet på markedet og "
            "krevde en uavhengig granskning.\n"
            "Det amerikanske utenriksdepartementet sier at USA vil innføre nye sanksjoner mot "
            "ledere på begge sider dersom angrepene på sivile fortsetter."
        ),
    },
    {
        "id": "own-02",
        "lang": "nb",
        "published": "2026-03-09",
        "title": "M23-opprørere trekker seg ut av Sake",
        "body": (
            "Opprørsgruppen M23 trakk seg søndag ut av byen Sake i Øst-Kongo, bekrefter både "
            "gruppen og FN-styrken Monusco.\n"
            "Tilbaketrekningen skjer to uker etter at partene undertegnet en våpenhvileavtale i "
            "Qatars hovedstad Doha.\n"
            "Ifølge Monusco har rundt 200 M23-krigere overgitt seg til fredsstyrken de siste tre "
            "dagene.\n"
            "– Situasjonen er fortsatt svært skjør, sier Monusco-sjefen Amara Diallo til NTB.\n"
            "– Vi vil sende patruljer inn i Sake i løpet av uken for å beskytte "
            "sivilbefolkningen.\n"
            "Kongos regjering anklager Rwanda for å ha støttet opprørerne med våpen og soldater, "
            "noe myndighetene i Kigali avviser.\n"
            "Kongolesiske regjeringsstyrker tok søndag kveld kontroll over landsbyen Kimoka like "
            "vest for Sake, melder Reuters.\n"
            "Det kom ikke til kamper, ifølge nyhetsbyrået.\n"
            "Mer enn 700.000 mennesker har flyktet fra hjemmene sine i Nord-Kivu siden januar.\n"
            "M23 erobret store deler av provinsen i fjor, blant annet millionbyen Goma.\n"
            "Gruppen sier at den vil trekke seg ut av nabobyen Minova innen utgangen av mars.\n"
            "Kongos president har invitert lederne i nabolandene til et toppmøte i Kinshasa neste "
            "uke."
        ),
    },
    {
        "id": "own-03",
        "lang": "nb",
        "published": "2026-04-18",
        "title": "Rundt 200 pågrepet etter opptøyer i Tbilisi",
        "body": (
            "Politiet i Georgia pågrep rundt 200 personer under opptøyer i hovedstaden Tbilisi "
            "fredag kveld.\n"
            "Det hele startet som en fredelig demonstrasjon, der tusenvis av demonstranter samlet "
            "seg utenfor parlamentet på Rustaveli-avenyen for å protestere mot en ny lov om "
            "utenlandske agenter.\n"
            "Utpå kvelden kastet demonstranter stein og brannbomber mot politiet, og flere biler "
            "ble satt i brann.\n"
            "Opprørspolitiet svarte med tåregass og vannkanoner, skriver innenriksdepartementet i "
            "en pressemelding.\n"
            "Ifølge departementet ble 27 polititjenestemenn skadet.\n"
            "Opposisjonspartiet Samlet nasjonal bevegelse anklager politiet for å ha slått "
            "fredelige demonstranter og krever at innenriksministeren går av.\n"
            "Regjeringen avviser kravet og sier at loven vil bli vedtatt som planlagt.\n"
            "– Vi kommer ikke til å la oss presse av voldelige bøller, sier statsminister Giorgi "
            "Beridze til TV-kanalen Imedi.\n"
            "– De som sto bak volden i natt, vil bli straffeforfulgt.\n"
            "Demonstrantene planlegger en ny markering lørdag kveld.\n"
            "Samlet nasjonal bevegelse har siden mars boikottet parlamentet.\n"
            "Georgia søkte om medlemskap i EU i 2022."
        ),
    },
    {
        "id": "own-04",
        "lang": "nb",
        "published": "2026-05-06",
        "title": "Bergensmann dømt til ti års fengsel for spionasje",
        "body": (
            "Bergen tingrett dømte onsdag en 41 år gammel mann til ti års fengsel for ulovlig "
            "etterretningsvirksomhet til fordel for Russland.\n"
            "Ifølge dommen skal mannen over en periode på tre år ha overlevert opplysninger om "
            "militære anlegg på Vestlandet til en russisk etterretningsoffiser.\n"
            "Han ble pågrepet av PST i mars i fjor og har sittet i varetekt siden.\n"
            "Statsadvokat Hilde Sørensen hadde lagt ned påstand om tolv års fengsel.\n"
            "Mannens forsvarer, advokat Erik Lunde, sier til NTB at klienten nekter straffskyld og "
            "vil anke dommen.\n"
            "– Dette er en dom uten bevis, og vi er svært skuffet, sier Lunde.\n"
            "– Retten har lagt vekt på indisier som ikke holder.\n"
            "Russlands ambassade i Oslo avviser at mannen har hatt kontakt med russiske "
            "myndigheter, og kaller saken «spionhysteri».\n"
            "PST opplyser at tjenesten har etterforsket flere lignende saker det siste året.\n"
            "En 35 år gammel kvinne fra Bergen er siktet for medvirkning i saken.\n"
            "Dommen er den strengeste i en spionsak i Norge siden den kalde krigen."
        ),
    },
    {
        "id": "own-05",
        "lang": "nb",
        "published": "2026-06-12",
        "title": "Colombia og ELN enige om våpenhvile etter samtaler i Oslo",
        "body": (
            "Colombias regjering og geriljagruppen ELN inngikk torsdag kveld en avtale om en seks "
            "måneder lang våpenhvile, opplyser Utenriksdepartementet.\n"
            "Avtalen ble undertegnet etter fire dager med forhandlinger på et hotell i Oslo.\n"
            "Ifølge avtalen skal begge parter stanse alle offensive militære operasjoner fra "
            "1. juli.\n"
            "ELN forplikter seg også til å løslate alle gisler gruppen holder, innen utgangen av "
            "august.\n"
            "– Dette er et historisk gjennombrudd for folket i Colombia, sa president Andrés "
            "Molina etter signeringen.\n"
            "Han sier at partene vil møtes igjen i Havanna i september for å forhandle om en "
            "varig fredsavtale.\n"
            "Utenriksminister Ingrid Solvang sier at Norge vil bidra med 50 millioner kroner til "
            "gjennomføringen av avtalen.\n"
            "USA og EU har ønsket avtalen velkommen.\n"
            "Dersom ELN bryter våpenhvilen, vil hæren gjenoppta offensiven umiddelbart, advarer "
            "forsvarsminister Camilo Restrepo.\n"
            "Ifølge colombianske medier skal en ELN-enhet ha angrepet en politistasjon i "
            "Arauca-provinsen så sent som tirsdag.\n"
            "Konflikten mellom staten og ELN har pågått siden 1960-tallet.\n"
            "Flere tidligere forsøk på å få til fred har strandet."
        ),
    },
    {
        "id": "own-06",
        "lang": "nb",
        "published": None,
        "title": "Estland utviser tre russiske diplomater",
        "body": (
            "Estland utviser tre russiske diplomater etter at sikkerhetspolitiet avdekket et "
            "forsøk på sabotasje mot en jernbanebro nær Tartu, opplyser landets "
            "utenriksdepartement.\n"
            "Diplomatene har fått 72 timer på seg til å forlate landet.\n"
            "Ifølge sikkerhetspolitiet skal to menn ha forsøkt å plassere sprengstoff under broen "
            "på oppdrag fra russisk militær etterretning i forrige uke.\n"
            "De to ble pågrepet søndag og sitter i varetekt.\n"
            "EU innførte samtidig nye sanksjoner mot tolv russiske personer og fire selskaper som "
            "knyttes til sabotasjeaksjoner i Europa.\n"
            "Russlands utenriksdepartement avviser at landet har noe med saken å gjøre, melder "
            "det statlige nyhetsbyrået TASS.\n"
            "– Moskva vil svare med mottiltak mot denne provokasjonen, sier talskvinne Marija "
            "Orlova i det russiske utenriksdepartementet.\n"
            "– Vi kommer til å utvise like mange estiske diplomater, og flere tiltak kan følge.\n"
            "Estland har utvist russiske diplomater flere ganger siden Russlands fullskala "
            "invasjon av Ukraina i 2022.\n"
            "Markedet reagerte rolig på nyheten.\n"
            "Hovedindeksen på børsen i Tallinn endte dagen ned 0,4 prosent, mens rubelen styrket "
            "seg noe mot euro."
        ),
    },
    {
        "id": "own-07",
        "lang": "nn",
        "published": "2026-10-03",
        "title": "Samiske aksjonistar borne ut av departementet",
        "body": (
            "Rundt 30 samiske aktivistar har sidan torsdag morgon okkupert inngangspartiet til "
            "Energidepartementet i Oslo i protest mot ein planlagd vindkraftpark i Nordland.\n"
            "Natt til laurdag bar politiet ut 14 av aksjonistane og sette dei i arresten, "
            "opplyser Oslo politidistrikt til NPK.\n"
            "– Vi gjekk fredeleg ut, men dette er ikkje slutt, seier aktivisten Máret Ánne Eira "
            "til NPK.\n"
            "– På måndag kjem vi tilbake, og då vil vi vere mange fleire.\n"
            "Energiminister Sigrid Haugland beklaga fredag at departementet ikkje hadde lytta "
            "godt nok til reindriftsnæringa før konsesjonen vart gitt.\n"
            "Ho har invitert Sametinget og dei aktuelle reinbeitedistrikta til eit møte i "
            "departementet neste veke.\n"
            "Sametingspresidenten avviser at eit møte er nok, og krev at konsesjonen blir trekt "
            "tilbake.\n"
            "Utbyggjaren, Nordkraft Vind, skriv i ein e-post til NPK at arbeidet held fram som "
            "planlagt.\n"
            "Striden om vindkraft i reinbeiteområde har gått føre seg i over ti år.\n"
            "I Eliteserien tok Bodø/Glimt ein viktig siger borte mot Molde laurdag ettermiddag.\n"
            "Gjestene vann 3–1 etter to scoringar i andre omgang og er no tre poeng bak "
            "serieleiaren."
        ),
    },
    {
        # Seed style: no title, a " date YYYY-MM " header, paragraphs split by blank lines.
        "id": "own-08",
        "lang": "nn",
        "published": None,
        "title": None,
        "body": (
            " date 2026-01 Eit skip med 25.000 tonn kveite frå Verdas matvareprogram (WFP) la "
            "torsdag til kai i hamnebyen Hodeida i Jemen, melder nyheitsbyrået AP.\n\n"
            "Leveransen skal dekkje behovet til rundt 1,5 millionar menneske i ein månad, "
            "opplyser WFP.\n\n"
            "Houthi-rørsla trugar med å angripe alle skip med tilknyting til USA og Israel som "
            "passerer Raudehavet.\n\n"
            "– Kvart skip som bryt blokaden, vil bli rekna som eit legitimt mål, seier talsmannen "
            "Ali al-Maqdashi i ein video som vart publisert på Telegram.\n\n"
            "– Dersom amerikanske krigsskip går til åtak på Jemen, vil vi svare med missil mot "
            "basane deira i regionen.\n\n"
            "Amerikanske fly skal ha bomba mål nær hovudstaden Sanaa natt til onsdag, etter det "
            "AP kjenner til.\n\n"
            "Pentagon har verken stadfesta eller avkrefta opplysningane.\n\n"
            "Ein houthi-leiar skal angiveleg ha møtt iranske utsendingar i Oman si hovudstad "
            "Muscat i førre veke.\n\n"
            "Dersom Houthi-rørsla opnar hamna i Ras Isa, vil WFP sende ytterlegare to skip før "
            "sommaren, seier organisasjonen.\n\n"
            "Noreg har sendt ein fregatt til Raudehavet, men han skal ikkje delta i åtak på mål i "
            "Jemen, seier forsvarsministeren til NPK.\n\n"
            "Houthi-rørsla tok kontroll over store delar av Jemen, mellom anna hovudstaden, i 2014 "
            "og 2015.\n\n"
            "Tusenvis av familiar har flykta frå kystområda sidan desember."
        ),
    },
]
