"""Stance cues around a trigger."""

from __future__ import annotations

import pytest

from konflikt.extract.stance import stance_for


def stance(sentence: str, trigger: str, **kw: bool) -> str:
    words = sentence.lower().replace(",", " ,").replace(".", " .").split()
    return stance_for(words, words.index(trigger), **kw)


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("Politiet har arrestert tre menn.", "arrestert", "asserted"),
        ("Mannen skal ha truet naboen.", "truet", "hedged"),
        ("Opprørerne har angivelig angrepet byen.", "angrepet", "hedged"),
        ("Hamas avviser at det foregår samtaler om fangeutveksling.", "samtaler", "denied"),
        ("Politiet har ikke arrestert noen.", "arrestert", "negated"),
        ("Tyrkia kommer til å angripe i morgen.", "angripe", "future"),
        ("Presidenten vil møte statsministeren neste uke.", "møte", "future"),
        ("Dersom de angriper, svarer vi.", "angriper", "hypothetical"),
        ("Han har ikke bare truet, men også angrepet.", "truet", "asserted"),
    ],
)
def test_stance(sentence: str, trigger: str, expected: str) -> None:
    assert stance(sentence, trigger) == expected


def test_the_denial_itself_is_asserted() -> None:
    assert stance("YPG avviser at det pågår samtaler.", "avviser", is_denial=True) == "asserted"


def test_hearsay_with_the_subject_between() -> None:
    assert stance("Ifølge mediene skal en enhet ha angrepet stasjonen.", "angrepet") == "hedged"
