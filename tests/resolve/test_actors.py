"""Actor resolution on Norwegian spans and sentences written for these tests."""

from __future__ import annotations

import pytest

from konflikt.resolve import ActorRef, find_actor_mentions, resolve_actor


@pytest.mark.parametrize(
    ("span", "name", "kind", "country"),
    [
        ("irakiske soldater", "Iraqi Armed Forces", "state_forces", "IRQ"),
        ("den irakiske hæren", "Iraqi Armed Forces", "state_forces", "IRQ"),
        ("russiske styrker", "Russian Armed Forces", "state_forces", "RUS"),
        ("Daesh", "Islamic State", "armed_group", None),
        ("Den islamske staten", "Islamic State", "armed_group", None),
        ("IS-krigere", "Islamic State", "armed_group", None),
        ("IS-lederne", "Islamic State", "armed_group", None),
        ("YPG-styrkene", "YPG (People's Protection Units)", "armed_group", "SYR"),
        ("SOHR-leder", "Syrian Observatory for Human Rights", "ngo", None),
        ("koalisjonen", "US-led coalition", "state_forces", None),
        ("den USA-ledede koalisjonen", "US-led coalition", "state_forces", None),
        ("koalisjonsstyrkene", "US-led coalition", "state_forces", None),
        ("de amerikanskstøttede styrkene", "US-led coalition", "state_forces", None),
        ("FN", "United Nations", "igo", None),
        ("Nato", "NATO", "igo", None),
        ("Leger uten grenser", "Médecins Sans Frontières", "ngo", None),
        ("Kreml", "Russia", "government", "RUS"),
        ("Det hvite hus", "United States", "government", "USA"),
        ("USA", "United States", "government", "USA"),
        ("Noreg", "Norway", "government", "NOR"),
        ("Tyrkias", "Turkey", "government", "TUR"),
        ("PST", "Norwegian Police Security Service (PST)", "police", "NOR"),
        ("regjeringen i Chile", "Government of Chile", "government", "CHL"),
        ("Russlands regjering", "Government of Russia", "government", "RUS"),
        ("italienske myndigheter", "Government of Italy", "government", "ITA"),
        ("det italienske toll- og grensepolitiet", "Italian police", "police", "ITA"),
        ("Tyrkia-regjeringen", "Government of Turkey", "government", "TUR"),
        ("Hizbollah", "Hezbollah", "armed_group", "LBN"),
        ("houthiopprørerne", "Houthis (Ansar Allah)", "armed_group", "YEM"),
        ("Reuters", "Reuters", "media", "GBR"),
    ],
)
def test_known_spans_resolve(span: str, name: str, kind: str, country: str | None) -> None:
    assert resolve_actor(span) == ActorRef(name, kind, country)


def test_generic_role_nouns_take_the_country_hint() -> None:
    assert resolve_actor("politiet") == ActorRef("Police", "police", None)
    russian = ActorRef("Russian police", "police", "RUS")
    assert resolve_actor("Politiet", country_hint="RUS") == russian
    assert resolve_actor("demonstrantene", country_hint="CL") == ActorRef(
        "Protesters (Chile)", "civilians", "CHL"
    )
    assert resolve_actor("sivile").kind == "civilians"  # type: ignore[union-attr]
    assert resolve_actor("migranter").name == "Migrants"  # type: ignore[union-attr]
    assert resolve_actor("opprørerne").kind == "armed_group"  # type: ignore[union-attr]


def test_compound_actors_are_one_documented_actor() -> None:
    assert resolve_actor("Frankrike og Storbritannia") == ActorRef(
        "France and United Kingdom", "government", None
    )
    assert resolve_actor("Tyskland, Frankrike, Luxembourg og Portugal") == ActorRef(
        "Germany, France, Luxembourg and Portugal", "government", None
    )
    # parts of one country keep it; the same actor twice is that actor
    both = resolve_actor("irakiske soldater og irakisk politi")
    assert both == ActorRef("Iraqi Armed Forces and Iraqi police", "other", "IRQ")
    assert resolve_actor("soldater og offiserer") == ActorRef("Armed forces", "state_forces")


def test_names_after_titles() -> None:
    trump = resolve_actor("USAs president Donald Trump")
    assert trump is not None and trump.name == "Donald Trump" and trump.country == "USA"
    minister = resolve_actor("innenriksminister Sahar al-Karim", country_hint="LBN")
    assert minister == ActorRef("Sahar al-Karim", "government", "LBN", "Government of Lebanon")
    captain = resolve_actor("kaptein Ola Nordvik")
    assert captain == ActorRef("Ola Nordvik", "person", None)
    source = resolve_actor("SOHR-leder Rami Abdulrahman")
    assert source is not None and source.affiliation == "Syrian Observatory for Human Rights"


@pytest.mark.parametrize("span", ["is", "Han", "hun", "de", "en mann", "rapporten", "", "  "])
def test_what_is_not_an_actor(span: str) -> None:
    assert resolve_actor(span) is None


def test_acronyms_match_only_as_written() -> None:
    text = "Det lå is på veien da IS angrep landsbyen, og ap ble ikke nevnt."
    mentions = find_actor_mentions(text)
    assert [text[s:e] for s, e, _ in mentions] == ["IS"]


def test_mentions_in_a_sentence() -> None:
    text = (
        "I en e-post til nyhetsbyrået AFP skriver koalisjonen at rundt 40 IS-krigere har overgitt "
        "seg, mens irakiske soldater og FN-observatører venter utenfor byen. Politiet i Oslo "
        "opplyser at PST er varslet."
    )
    mentions = find_actor_mentions(text)
    got = [(text[s:e], ref.name) for s, e, ref in mentions]
    assert got == [
        ("nyhetsbyrået AFP", "AFP"),
        ("koalisjonen", "US-led coalition"),
        ("IS-krigere", "Islamic State"),
        ("irakiske soldater", "Iraqi Armed Forces"),
        ("FN-observatører", "United Nations"),
        ("Politiet i Oslo", "Oslo Police District"),
        ("PST", "Norwegian Police Security Service (PST)"),
    ]
    # offsets are into the text, spans do not overlap and come in order
    ends = [e for _, e, _ in mentions]
    starts = [s for s, _, _ in mentions]
    assert all(a <= b for a, b in zip(ends, starts[1:], strict=False))


def test_longest_match_wins() -> None:
    text = "Talsmannen for Den islamske staten i Irak og Syria nekter."
    ((start, end, ref),) = find_actor_mentions(text)
    assert text[start:end] == "Den islamske staten i Irak og Syria"
    assert ref.name == "Islamic State"


def test_genitive_apostrophe_stays_out_of_the_span() -> None:
    text = "IS' ledere har forlatt byen."
    ((start, end, ref),) = find_actor_mentions(text)
    assert (text[start:end], ref.name) == ("IS", "Islamic State")


def test_role_nouns_alone_are_mentions_only_when_marked() -> None:
    text = "Folk flyktet mens flyene kom, og demonstranter samlet seg."
    found = [text[s:e] for s, e, _ in find_actor_mentions(text)]
    assert found == ["demonstranter"]
    # ...but a caller who knows the span is an actor gets the role
    assert resolve_actor("flyene") == ActorRef("Armed forces", "state_forces")
    assert resolve_actor("russiske fly") == ActorRef("Russian Armed Forces", "state_forces", "RUS")


def test_demonyms_and_bare_adjectives() -> None:
    assert resolve_actor("tyrkere") == ActorRef("Civilians (Turkey)", "civilians", "TUR")
    assert resolve_actor("nordmenn") == ActorRef("Civilians (Norway)", "civilians", "NOR")
    assert resolve_actor("russiske") == ActorRef("Russia", "government", "RUS")


def test_bad_input_is_none_not_an_error() -> None:
    assert resolve_actor(None) is None  # type: ignore[arg-type]
    assert find_actor_mentions("") == []


@pytest.mark.parametrize(
    ("span", "name", "country"),
    [
        ("styresmaktene", "Government", None),
        ("soldatane", "Armed forces", None),
        ("Dei sameinte nasjonane", "United Nations", None),
        ("austerrikske styrkar", "Austrian Armed Forces", "AUT"),
        ("Politiets tryggingsteneste", "Norwegian Police Security Service (PST)", "NOR"),
    ],
)
def test_nynorsk_forms(span: str, name: str, country: str | None) -> None:
    ref = resolve_actor(span)
    assert ref is not None and (ref.name, ref.country) == (name, country)


def test_a_sentence_initial_common_noun_is_not_the_norwegian_government() -> None:
    # "Regjeringen" at the start of a sentence is whichever government the story is about
    assert resolve_actor("Regjeringen") == ActorRef("Government", "government")
    assert resolve_actor("Regjeringen", country_hint="CHL") == ActorRef(
        "Government of Chile", "government", "CHL"
    )


def test_unknown_names_are_persons_but_towns_are_not() -> None:
    assert resolve_actor("Halvorsrud") == ActorRef("Halvorsrud", "person", None)
    assert resolve_actor("Halvorsrud", country_hint="NO") == ActorRef("Halvorsrud", "person", "NOR")
    assert resolve_actor("Oslo") is None
    assert resolve_actor("Bergen") is None
    assert resolve_actor("Vaksinemotstanderne") is None  # a plural noun, not a name


def test_named_actors_start_compounds_but_persons_do_not() -> None:
    assert resolve_actor("NRK-journalisten") == ActorRef("NRK", "media", "NOR")
    assert resolve_actor("PST-sjefen") == ActorRef(
        "Norwegian Police Security Service (PST)", "police", "NOR"
    )
    text = "Trump-tilhengere samlet seg, og Hamas-ledere svarte."
    assert [(text[s:e], r.name) for s, e, r in find_actor_mentions(text)] == [
        ("Hamas-ledere", "Hamas")
    ]


def test_resolve_alias_takes_whole_names_only() -> None:
    from konflikt.resolve.actors import resolve_alias

    assert resolve_alias("Nato").kind == "igo"  # type: ignore[union-attr]
    assert resolve_alias("Hamas").kind == "armed_group"  # type: ignore[union-attr]
    # a role noun inside a place name, or a place, is no actor's whole name
    assert resolve_alias("General Santos") is None
    assert resolve_alias("Oslo") is None


@pytest.mark.parametrize(("span", "name", "country"), [
    ("Utenriksdepartementet i Manila", "Philippines", "PHL"),  # not Norway's ministry
    ("Forsvarsdepartementet i Kyiv", "Ukraine", "UKR"),
    ("Utenriksdepartementet i Oslo", "Norwegian Ministry of Foreign Affairs", "NOR"),
    ("den norske ambassaden i Kabul", "Government of Norway", "NOR"),  # abroad by nature
    ("Norges delegasjon i Genève", "Norway", "NOR"),
])  # fmt: skip
def test_an_institution_placed_in_another_countrys_town(span: str, name: str,
                                                        country: str) -> None:  # fmt: skip
    ref = resolve_actor(span)
    assert ref is not None and (ref.name, ref.country) == (name, country)


@pytest.mark.parametrize(
    ("span", "name", "country"),
    [
        ("Berlin", "Germany", "DEU"),
        ("Washington", "United States", "USA"),
        ("Moskva", "Russia", "RUS"),  # a Norwegian exonym of the capital
        ("Teheran", "Iran", "IRN"),
    ],
)
def test_a_capital_stands_for_its_state(span: str, name: str, country: str) -> None:
    from konflikt.resolve.actors import capital_state

    assert capital_state(span) == ActorRef(name, "government", country)


def test_coordinated_capitals_are_their_states_and_other_towns_are_not() -> None:
    from konflikt.resolve.actors import capital_state

    both = capital_state("London og Paris")
    assert both is not None and both.kind == "government"
    assert {"France", "United Kingdom"} <= set(both.name.replace(" and ", ", ").split(", "))
    assert capital_state("Bergen") is None  # a town, not a seat of government
    assert capital_state("London og Bergen") is None  # every part must be a capital
    assert capital_state("Frankrike") is None  # a country resolves as itself elsewhere
    assert capital_state("byrådet i Oslo") is None


def test_a_person_named_in_the_genitive_is_whose_the_party_is() -> None:
    # "Trumps" names whose supporter the senator is; the senator is the party
    ref = resolve_actor("Trumps nære venn i Senatet, Lindsey Graham")
    assert ref is not None and ref.name == "Lindsey Graham"
    # with no other name in the span, the party is still on Trump's side
    alone = resolve_actor("Trumps rådgiver")
    assert alone is not None and alone.name == "Donald Trump"
