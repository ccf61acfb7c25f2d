"""The claims ledger: sources side by side, UCDP-style ranges, denials linked to their claim."""

from __future__ import annotations

from konflikt.link.ledger import build_ledger, find_denials, number_ranges
from konflikt.link.merge import merge_events

from .conftest import make_event

A = "Minst fire sivile ble drept da russiske styrker beskjøt Kharkiv, sier guvernøren."
B = "Russisk beskytning av Kharkiv drepte seks sivile, melder ukrainsk politi."
C = "Åtte sivile omkom i angrepet på Kharkiv, ifølge en lokal hjelpeorganisasjon."
DENIAL = "Russlands forsvarsdepartement avviser at styrkene beskjøt sivile mål i Kharkiv."


def _reports() -> list:
    common = {"place": "Kharkiv", "day": "2026-05-01"}
    return [
        make_event("a1", A, actor="russiske styrker", actor_country="RUS", numbers=[(4, "killed")],
                   source="guvernøren", **common),
        make_event("a2", B, actor="Russisk beskytning", numbers=[(6, "killed")],
                   source="ukrainsk politi", **common),
        make_event("a3", C, actor="russiske styrker", actor_country="RUS",
                   numbers=[(8, "killed"), (20, "injured")], stance="hedged", **common),
    ]  # fmt: skip


def test_low_best_high_across_sources() -> None:
    events = _reports()
    clustering = merge_events(events)
    assert len(set(clustering.canonical_of.values())) == 1
    canonical = clustering.canonical_of[events[0].id]
    ledger = build_ledger(canonical, events)
    assert [c.source for c in ledger.claims] == ["guvernøren", "ukrainsk politi", None]
    killed = next(n for n in ledger.numbers if n.what == "killed")
    assert (killed.low, killed.best, killed.high, killed.claims) == (4, 6, 8, 3)
    injured = next(n for n in ledger.numbers if n.what == "injured")
    assert (injured.low, injured.best, injured.high) == (20, 20, 20)


def test_even_split_takes_the_lower_best_and_denied_figures_do_not_count() -> None:
    events = _reports()[:2]
    ranges = number_ranges(build_ledger("x", events).claims)
    assert ranges[0].best == 4
    events[1].stance = "denied"
    ranges = number_ranges(build_ledger("x", events).claims)
    assert (ranges[0].low, ranges[0].high) == (4, 4)


def test_a_rejection_is_linked_to_the_claim_it_denies() -> None:
    events = _reports()
    unrelated = make_event("a5", "Politiet i Oslo avviser at de har pågrepet demonstranter.",
                           "REJECT", actor="Politiet i Oslo", place="Oslo")  # fmt: skip
    denial = make_event("a4", DENIAL, "REJECT", actor="Russlands forsvarsdepartement",
                        actor_country="RUS", recipient="ukrainsk politi")  # fmt: skip
    everything = [*events, denial, unrelated]
    clustering = merge_events(everything)
    denials = find_denials(everything, clustering.canonical_of)
    assert [(d.denial_event_id, d.denied_event_id) for d in denials] == [
        (denial.id, events[0].id)
    ]
    assert "kharki" in denials[0].reason  # stems: inflection folded
    ledger = build_ledger(clustering.canonical_of[events[0].id], events, denials)
    assert len(ledger.denials) == 1


def test_a_denied_report_of_the_occurrence_denies_its_asserted_report() -> None:
    events = _reports()[:2]
    events[1].stance = "denied"
    clustering = merge_events(events)
    denials = find_denials(events, clustering.canonical_of)
    assert [(d.denial_event_id, d.denied_event_id) for d in denials] == [
        (events[1].id, events[0].id)
    ]


def test_only_a_denial_of_a_statement_denies_a_claim() -> None:
    """A REJECT of a ban or a request is no denial; a denial's words are compared inflection
    folded and it meets the claim through the target both name."""
    claim = make_event("b1", "Soldater skjøt gummikuler mot demonstrantene i Kharkiv lørdag.",
                       actor="Soldater", recipient="demonstrantene", place="Kharkiv",
                       day="2026-05-02")  # fmt: skip
    defiance = make_event("b2", "Demonstrantene nektet soldatene å rydde plassen i Kharkiv.",
                          "REJECT", actor="Demonstrantene", recipient="soldatene")  # fmt: skip
    denial = make_event("b3", "Forsvarssjefen avviser at soldatene skjøt gummikuler mot "
                        "demonstranter.", "REJECT", actor="Forsvarssjefen",
                        recipient="demonstranter")  # fmt: skip
    events = [claim, defiance, denial]
    denials = find_denials(events, merge_events(events).canonical_of)
    assert [(d.denial_event_id, d.denied_event_id) for d in denials] == [(denial.id, claim.id)]
    assert "soldat" in denials[0].reason  # 'soldatene' and 'Soldater' share their stem


def test_a_denial_answers_only_claims_of_the_deed_its_that_clause_names() -> None:
    # an inquiry shares the denial's words, but the denial is of beatings (ASSAULT)
    claim = make_event("a1", "Advokater sier at politifolk mishandlet demonstranter i Kharkiv.",
                       actor="politifolk", recipient="demonstranter", place="Kharkiv")  # fmt: skip
    inquiry = make_event("a2", "Innenriksministeren har beordret en gransking av politiets "
                         "innsats mot demonstranter i Kharkiv.", "ACCUSE",
                         actor="Innenriksministeren", recipient="demonstranter",
                         place="Kharkiv")  # fmt: skip
    denial = make_event("a3", "Innenriksdepartementet avviser at politifolk mishandlet "
                        "demonstranter i Kharkiv.", "REJECT", actor="Innenriksdepartementet",
                        recipient="demonstranter", place="Kharkiv")  # fmt: skip
    everything = [inquiry, claim, denial]
    clustering = merge_events(everything)
    denials = find_denials(everything, clustering.canonical_of)
    assert [(d.denial_event_id, d.denied_event_id) for d in denials] == [(denial.id, claim.id)]
