"""Near-duplicate articles: wire copy and updates group, different write-ups do not."""

from __future__ import annotations

from konflikt.link.config import DuplicateConfig
from konflikt.link.duplicates import group_articles, shingles, similarity

from .conftest import make_article

WIRE = (
    "Ukrainske myndigheter melder at russiske styrker beskjøt boligområder i Kharkiv natt til "
    "fredag. Minst fire sivile ble drept og elleve skadet, opplyser guvernøren i regionen. "
    "Angrepet rammet en skole og flere bolighus i den nordlige delen av byen. Russland har ikke "
    "kommentert opplysningene, som ikke er uavhengig bekreftet. Byen har vært utsatt for "
    "gjentatte angrep de siste ukene, og mange innbyggere har søkt tilflukt i kjellere."
)
# A newspaper's copy: new first words, one sentence cut.
COPY = (
    "NTB: Ukrainske myndigheter melder at russiske styrker beskjøt boligområder i Kharkiv natt "
    "til fredag. Minst fire sivile ble drept og elleve skadet, opplyser guvernøren i regionen. "
    "Angrepet rammet en skole og flere bolighus i den nordlige delen av byen. Russland har ikke "
    "kommentert opplysningene, som ikke er uavhengig bekreftet."
)
# An update: new figures and a sentence added.
UPDATE = WIRE.replace("fire sivile", "seks sivile").replace("elleve", "femten") + (
    " Redningsarbeidet pågikk fortsatt fredag ettermiddag."
)
# The same story in other words: one occurrence, but not a copy of the text.
REWRITE = (
    "Seks mennesker mistet livet da byen Kharkiv ble rammet av russisk artilleri i løpet av "
    "natten, ifølge regionale ledere. En skolebygning skal være blant bygningene som ble truffet."
)
OTHER = (
    "Regjeringen la fram et forslag om økte bevilgninger til Forsvaret. Forslaget skal "
    "behandles i Stortinget før sommeren, og flere partier har varslet at de vil støtte det."
)


def test_copies_and_updates_share_the_first_members_id() -> None:
    articles = [make_article("wire", WIRE), make_article("other", OTHER),
                make_article("copy", COPY), make_article("update", UPDATE),
                make_article("rewrite", REWRITE)]  # fmt: skip
    grouping = group_articles(articles)
    assert grouping.group_of["copy"] == grouping.group_of["update"] == "wire"
    assert grouping.group_of["wire"] == "wire"
    assert grouping.group_of["other"] == "other"
    assert grouping.group_of["rewrite"] == "rewrite"
    assert sorted(grouping.members("wire")) == ["copy", "update", "wire"]
    assert all(p.similarity >= 0.4 for p in grouping.pairs)


def test_group_id_does_not_depend_on_later_articles() -> None:
    first = group_articles([make_article("copy", COPY), make_article("wire", WIRE)])
    assert first.group_of["wire"] == "copy"
    later = group_articles([make_article("copy", COPY), make_article("wire", WIRE),
                            make_article("update", UPDATE)])  # fmt: skip
    assert later.group_of["wire"] == later.group_of["update"] == "copy"


def test_a_stricter_threshold_separates_the_update() -> None:
    # the update holds all of the wire's text, so containment is off here
    strict = DuplicateConfig(shingle_size=3, num_perm=128, threshold=0.95,
                             min_contained_shingles=100_000)  # fmt: skip
    grouping = group_articles([make_article("wire", WIRE), make_article("update", UPDATE)], strict)
    assert grouping.group_of["update"] == "update"


def test_empty_and_short_bodies() -> None:
    assert shingles("", 3) == set()
    assert shingles("To ord", 3) == {"to ord"}
    grouping = group_articles([make_article("a", ""), make_article("b", "")])
    assert grouping.group_of == {"a": "a", "b": "b"}  # an empty body is nobody's copy


# A longer wire text and a newspaper's copy that keeps only its first two sentences and its
# last one: mostly inside the wire, but with a Jaccard similarity well under the threshold.
LONG_WIRE = WIRE + (
    " Skolen var stengt, og ingen elever var i bygningen da den ble truffet. Nødetatene arbeidet "
    "hele natten med å slukke brannene som oppsto etter nedslagene. Ordføreren ber innbyggerne "
    "holde seg nær tilfluktsrom de kommende dagene. Flere hundre mennesker har forlatt de "
    "hardest rammede bydelene siden helgen, ifølge lokale hjelpeorganisasjoner."
)
SHORT_COPY = (
    "Ukrainske myndigheter melder at russiske styrker beskjøt boligområder i Kharkiv natt til "
    "fredag. Minst fire sivile ble drept og elleve skadet, opplyser guvernøren i regionen. "
    "Flere hundre mennesker har forlatt de hardest rammede bydelene siden helgen, ifølge lokale "
    "hjelpeorganisasjoner."
)


def test_a_shortened_copy_is_grouped_by_containment() -> None:
    config = DuplicateConfig()
    size = config.shingle_size
    jaccard, contained = similarity(shingles(LONG_WIRE, size), shingles(SHORT_COPY, size), config)
    assert jaccard < config.threshold  # Jaccard alone would miss it
    assert contained >= config.containment
    articles = [make_article("wire", LONG_WIRE), make_article("copy", SHORT_COPY),
                make_article("rewrite", REWRITE), make_article("other", OTHER)]  # fmt: skip
    grouping = group_articles(articles, config)
    assert grouping.group_of["copy"] == "wire"
    assert grouping.group_of["rewrite"] == "rewrite" and grouping.group_of["other"] == "other"


def test_a_short_text_inside_a_long_one_is_no_copy() -> None:
    # two sentences of 3-shingles are under min_contained_shingles: quoting is not copying
    config = DuplicateConfig()
    quote = "Minst fire sivile ble drept og elleve skadet, opplyser guvernøren i regionen."
    size = config.shingle_size
    assert similarity(shingles(LONG_WIRE, size), shingles(quote, size), config)[1] == 0.0


# What a rewritten update adds after keeping the wire's first three sentences.
UPDATE_NEWS = (
    "Oppdatert: Tallet på drepte har steget til seks, opplyser guvernøren i regionen fredag "
    "ettermiddag. Redningsmannskaper leter fortsatt etter savnede i ruinene av to bolighus, og "
    "sykehusene i byen melder at de har tatt imot over tjue skadde siden natten."
)


def test_an_outlets_own_rewritten_update_groups_but_another_outlets_does_not() -> None:
    """An update sharing about a third of the wire's shingles is a version when the wire
    service itself wrote it, not when another paper wrote it in part from the wire."""
    config = DuplicateConfig()
    update = ". ".join(LONG_WIRE.split(". ")[:3]) + ". " + UPDATE_NEWS
    size = config.shingle_size
    _, contained = similarity(shingles(LONG_WIRE, size), shingles(update, size), config)
    assert config.same_source_containment <= contained < config.containment
    wire = make_article("wire", LONG_WIRE)
    own = make_article("own-update", update)
    other = make_article("other-paper", update)
    other.source = "Avisa"
    assert group_articles([wire, own], config).group_of["own-update"] == "wire"
    assert group_articles([wire, other], config).group_of["other-paper"] == "other-paper"
