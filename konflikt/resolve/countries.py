"""Countries with their Norwegian names and nationality adjectives (`data/places/countries_no.tsv`),
shared by the actor registry (irakiske soldater -> Iraqi Armed Forces) and the gazetteer build.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from konflikt.paths import DATA_DIR

COUNTRIES_TSV = DATA_DIR / "places" / "countries_no.tsv"
FIELDS = ("alpha3", "name_en", "adj_en", "names_nb", "adj_nb", "names_nn", "adj_nn")


@dataclass(frozen=True, slots=True)
class Country:
    alpha3: str
    alpha2: str | None
    name_en: str  # canonical English short name ("United States", "Turkey")
    adj_en: str  # English adjective for labels ("US", "Iraqi")
    names: tuple[str, ...]  # Norwegian (nb, nn) and English names, as written
    adjectives: tuple[str, ...]  # every Norwegian form, lower case: irakisk, irakiske


def read_countries_no(path: Path = COUNTRIES_TSV) -> list[dict[str, str]]:
    """The rows of the Norwegian country table as dicts keyed by `FIELDS`."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) > len(FIELDS):
            raise ValueError(f"{path.name}: too many columns in {line!r}")
        rows.append(dict(zip(FIELDS, parts + [""] * (len(FIELDS) - len(parts)), strict=True)))
    return rows


def adjective_forms(base: str) -> list[str]:
    """irakisk -> [irakisk, irakiske]; the plural and definite form adds -e (Bokmål and Nynorsk)."""
    base = base.strip().lower()
    if not base:
        return []
    return [base] if base.endswith("e") else [base, base + "e"]


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


@lru_cache(maxsize=1)
def load_countries() -> dict[str, Country]:
    """Countries by ISO alpha-3, with English names from pycountry added to the Norwegian ones."""
    import pycountry

    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("nb_NO", "nn")
    ]
    countries: dict[str, Country] = {}
    for row in read_countries_no():
        record = pycountry.countries.get(alpha_3=row["alpha3"])
        names = [row["name_en"], *_split(row["names_nb"]), *_split(row["names_nn"])]
        if record is not None:
            for attr in ("name", "common_name"):
                value = getattr(record, attr, None)
                if value and "," not in value:
                    names.append(value)
            for tr in translations:
                names += [n.strip() for n in tr.gettext(record.name).split(";") if "," not in n]
        adjectives = [
            form
            for base in (*_split(row["adj_nb"]), *_split(row["adj_nn"]))
            for form in adjective_forms(base)
        ]
        countries[row["alpha3"]] = Country(
            alpha3=row["alpha3"],
            alpha2=record.alpha_2 if record is not None else None,
            name_en=row["name_en"],
            adj_en=row["adj_en"] or row["name_en"],
            names=tuple(dict.fromkeys(n for n in names if n)),
            adjectives=tuple(dict.fromkeys(adjectives)),
        )
    return countries


def to_alpha3(code: str | None) -> str | None:
    """ISO alpha-2 or alpha-3 to alpha-3 (None when unknown)."""
    if not code:
        return None
    code = code.strip().upper()
    if len(code) == 3:
        return code
    for country in load_countries().values():
        if country.alpha2 == code:
            return country.alpha3
    return None
