"""Place resolution: a span such as "Bagdad", "Raqqas" or "Deir al-Zor-provinsen" becomes a
`Location` with a GeoNames id, a country, an admin1 and a point taken from data.

The gazetteer is the packaged derivative of GeoNames (CC BY 4.0, https://www.geonames.org) built
by `konflikt.resolve.build_places` into `konflikt/data/places/`:

- `gazetteer_main.tsv.gz`: countries, admin1 regions, places with >= 15 000 inhabitants anywhere
  and every GeoNames place in the Nordic countries, with their Latin-script alternate names. It is
  loaded on first use and is also the table `find_place_mentions` scans text with.
- `gazetteer_minor.tsv.gz`: smaller places (>= 1 000 inhabitants), main names only. Loaded only
  when `resolve_place` gets a span the main table does not know (a named town such as Lampedusa).
- `exonyms.tsv`: Norwegian names (Bagdad, Damaskus, Moskva, Vestbredden, Nord-Libanon ...).
- `common_words.txt`: common Norwegian words; a place name among them (Vik, Sand, Man ...) is
  taken by the scanner only when capitalised inside a sentence.

Decisions (coding manual §3 "Places"):
- Precision is `place` for a town or city, `admin1` for a province or region that GeoNames has as
  a first-level division, `country` for a country.
- "X-provinsen", "provinsen X", "X-regionen", "X fylke" ask for the admin1 named X.
- A compass region ("Nord-Irak", "Øst-Aleppo") is the region itself when the gazetteer or the
  exonyms know it ("Nord-Libanon" is the North Governorate), else the place it qualifies, with that
  place's precision: "Nord-Irak" is Iraq at precision `country`. A region is never given a point
  of its own.
- Norwegian genitive -s ("Raqqas", "Syrias") is removed when the full form is unknown.
- Ambiguity: the admin1 or place asked for by a marker first, then the `country_hint`, then a
  Norwegian exonym, then a country over anything else, then the most populous. An admin1 counts
  with a tenth of its population so that a city beats the province named after it (Raqqa).
- Never an invented point: an admin1 point is the mean of its GeoNames member places; a feature
  without a point in the data is returned without lat/lon.
"""

from __future__ import annotations

import csv
import gzip
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from konflikt.model import Location
from konflikt.paths import DATA_DIR

PLACES_DIR = DATA_DIR / "places"
_KIND_TO_PRECISION = {"place": "place", "admin1": "admin1", "country": "country"}
# An admin1 competes with places of the same name with a tenth of its population: "Raqqa" (city
# 0.53 M, governorate 0.62 M) and "Washington" (city 0.69 M, state ~5 M by member places) are the
# cities, while a name with no sizeable town ("Tigray") is the region.
_ADMIN1_WEIGHT = 0.1
_MAX_TOKENS = 5

_ADMIN_SUFFIX = re.compile(
    r"^(?P<stem>.+?)[- ](?P<marker>provinsen|provins|regionen|region|fylket|fylke|guvernementet|"
    r"guvernement|delstaten|delstat|distriktet|oblasten|oblast|governorate|province)$",
    re.IGNORECASE,
)
_ADMIN_PREFIX = re.compile(
    r"^(?:provinsen|regionen|fylket|delstaten|guvernementet|distriktet|oblasten) (?P<stem>.+)$",
    re.IGNORECASE,
)
_PLACE_SUFFIX = re.compile(r"^(?P<stem>.+?)[- ](?:by|byen|sentrum|området|kommune)$", re.I)
_PLACE_PREFIX = re.compile(r"^(?:byen|landsbyen|tettstedet|bydelen|havnebyen) (?P<stem>.+)$", re.I)
_COMPASS = re.compile(
    r"^(?:nord|sør|syd|øst|aust|vest|nordøst|nordvest|sørøst|sørvest|midt|sentral)-(?P<stem>.+)$",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")
_SENTENCE_END = set('.!?:;–—-«»"\n')


@dataclass(frozen=True, slots=True)
class Feature:
    """One gazetteer row."""

    geonameid: int
    kind: str  # place | admin1 | country
    name: str
    country: str  # ISO 3166-1 alpha-2
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int

    def to_location(self, text: str) -> Location:
        return Location(
            text=text,
            name=self.name,
            geonames_id=self.geonameid,
            country=self.country,
            admin1=self.admin1 if self.kind != "country" else None,
            lat=self.lat,
            lon=self.lon,
            precision=_KIND_TO_PRECISION[self.kind],  # type: ignore[arg-type]
        )


def normalize(name: str) -> str:
    """Index key: case-folded, one kind of apostrophe and hyphen, single spaces."""
    name = name.casefold().replace("’", "'").replace("‘", "'").replace("ʻ", "'")
    name = name.replace("ʼ", "'").replace("‐", "-").replace("–", "-")
    return " ".join(name.split())


def fold(key: str) -> str:
    """Key without diacritics, keeping the Norwegian letters æ, ø and å (Bø is not Bo)."""
    if key.isascii():
        return key
    out = []
    for ch in key:
        if ch in "æøå":
            out.append(ch)
            continue
        decomposed = unicodedata.normalize("NFKD", ch)
        out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(out)


class Gazetteer:
    """Name index over the packaged gazetteer files; build with `load_gazetteer()`."""

    def __init__(self, places_dir: Path = PLACES_DIR) -> None:
        self.places_dir = places_dir
        self.main: dict[str, list[Feature]] = {}
        self.exonyms: dict[str, list[Feature]] = {}
        self.countries: dict[str, Feature] = {}  # by ISO alpha-2
        self._minor: dict[str, list[str]] | None = None
        self.stopwords: frozenset[str] = frozenset()
        self.not_places: frozenset[str] = frozenset()
        self._load_main()

    def _load_main(self) -> None:
        by_name: dict[tuple[str, str, str], Feature] = {}
        for feature, keys in _read_rows(self.places_dir / "gazetteer_main.tsv.gz"):
            by_name.setdefault((feature.name, feature.country, feature.kind), feature)
            _index(self.main, feature, keys)
            if feature.kind == "country":
                self.countries.setdefault(feature.country, feature)
        for exonym, target, country, kind in _read_exonyms(self.places_dir / "exonyms.tsv"):
            feature = by_name.get((target, country, kind))
            if feature is None:
                raise ValueError(
                    f"exonyms.tsv: {exonym!r} names {target!r} ({country}, {kind}), "
                    "which is not in the gazetteer"
                )
            _index(self.exonyms, feature, {normalize(exonym), fold(normalize(exonym))})
        self.not_places = frozenset(
            normalize(w) for w in _lines(self.places_dir / "not_places.txt")
        )
        path = self.places_dir / "common_words.txt"
        self.stopwords = frozenset(
            normalize(w)
            for w in path.read_text(encoding="utf-8").split("\n")
            if w.strip() and not w.startswith("#")
        )

    @property
    def minor(self) -> dict[str, list[str]]:
        """Key -> raw rows of the minor table. Rows become Features only when looked up: the
        table is large (111 000 towns) and most of it is never asked for."""
        if self._minor is None:
            self._minor = {}
            path = self.places_dir / "gazetteer_minor.tsv.gz"
            with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
                next(fh)  # header
                for line in fh:
                    row, _, keys = line.rstrip("\n").rpartition("\t")
                    for key in keys.split("|"):
                        self._minor.setdefault(key, []).append(row)
        return self._minor

    def candidates(self, name: str, *, minor: bool) -> tuple[list[Feature], list[Feature]]:
        """(exonym features, gazetteer features) for a name."""
        key = normalize(name)
        if key in self.not_places:
            return [], []
        keys = [key] if fold(key) == key else [key, fold(key)]
        if "-" in key:
            keys.append(key.replace("-", " "))
        exo: list[Feature] = []
        feats: list[Feature] = []
        for k in keys:
            exo += self.exonyms.get(k, [])
            feats += self.main.get(k, [])
        if not exo and not feats and minor:
            for k in keys:
                feats += [_feature(row.split("\t")) for row in self.minor.get(k, [])]
        return exo, feats


def _lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _index(index: dict[str, list[Feature]], feature: Feature, keys: Iterable[str]) -> None:
    """Add a feature under its keys (already `normalize`d and `fold`ed by the build)."""
    for key in keys:
        bucket = index.get(key)
        if bucket is None:
            index[key] = [feature]
        elif not any(f is feature for f in bucket):
            bucket.append(feature)


def _feature(cols: list[str]) -> Feature:
    gid, kind, name, cc, admin1, lat, lon, pop = cols[:8]
    return Feature(
        geonameid=int(gid), kind=kind, name=name, country=cc, admin1=admin1 or None,
        lat=float(lat) if lat else None, lon=float(lon) if lon else None,
        population=int(pop or 0),
    )  # fmt: skip


def _read_rows(path: Path) -> Iterator[tuple[Feature, list[str]]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)  # header
        for cols in reader:
            yield _feature(cols), cols[8].split("|")


def _read_exonyms(path: Path) -> Iterator[tuple[str, str, str, str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            exonym, target, country, kind = line.split("\t")
            yield exonym, target, country, kind


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    return Gazetteer()


def _alpha2(code: str | None) -> str | None:
    if not code:
        return None
    code = code.upper()
    if len(code) == 3:
        import pycountry

        country = pycountry.countries.get(alpha_3=code)
        return country.alpha_2 if country else None
    return code


def _variants(text: str) -> Iterator[tuple[str, str | None, bool]]:
    """(name to look up, kind asked for, is a compass region) in the order they are tried."""
    yield text, None, False
    for pattern, kind in ((_ADMIN_SUFFIX, "admin1"), (_ADMIN_PREFIX, "admin1"),
                          (_PLACE_SUFFIX, "place"), (_PLACE_PREFIX, "place")):  # fmt: skip
        m = pattern.match(text)
        if m:
            yield m.group("stem"), kind, False
    m = _COMPASS.match(text)
    if m:
        yield m.group("stem"), None, True
    if len(text) > 3 and text[-1] in "s'" and text[-2] != "s":
        yield text[:-1], None, False  # genitive: Raqqas, Syrias, Idlib'


# A genitive -s is only stripped towards a well-known place: "Santiagos" is Santiago, but
# "Khurais" (an oil field) is not the Indian town Khurai (51 000 inhabitants). Countries, admin1,
# exonyms and Nordic towns ("Tromsøs") always qualify; another place needs this many inhabitants.
_GENITIVE_MIN_POPULATION = 100_000
_NORDIC = frozenset({"NO", "SE", "DK", "FI", "IS"})


def _genitive_ok(feature: Feature, exonym: bool) -> bool:
    return (
        exonym
        or feature.kind != "place"
        or feature.country in _NORDIC
        or feature.population >= _GENITIVE_MIN_POPULATION
    )


# The papers are Norwegian: a place name that Norway shares with a bigger foreign place ("Vik",
# also the Swedish name of Helsinki's Viikki; "Nes") is more often the Norwegian one. Norwegian
# places compete with this many times their population; a city abroad (Bergen op Zoom, 67 000,
# against Bergen, 285 000) still loses or wins on size.
_HOME_WEIGHT = 10.0


def _score(feature: Feature, *, exonym: bool, kind: str | None, hint: str | None) -> tuple:
    weight = _ADMIN1_WEIGHT if feature.kind == "admin1" else 1.0
    if feature.country == "NO" and feature.kind == "place":
        weight *= _HOME_WEIGHT
    return (
        kind is not None and feature.kind == kind,
        hint is not None and feature.country == hint,
        exonym,
        feature.kind == "country",
        feature.population * weight,
    )


def _best(
    gaz: Gazetteer,
    name: str,
    kind: str | None,
    hint: str | None,
    *,
    minor: bool,
    genitive: bool = False,
) -> Feature | None:
    exo, feats = gaz.candidates(name, minor=minor)
    scored = [(_score(f, exonym=True, kind=kind, hint=hint), f) for f in exo]
    scored += [(_score(f, exonym=False, kind=kind, hint=hint), f) for f in feats]
    if genitive:
        exo_ids = {id(f) for f in exo}
        scored = [(sc, f) for sc, f in scored if _genitive_ok(f, id(f) in exo_ids)]
    if not scored:
        return None
    return max(scored, key=lambda pair: pair[0])[1]


def _clean(text: str) -> str:
    return text.strip().strip("«»\"'“”.,:;()[]").strip()


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Pronouns, determiners, prepositions (data/stopwords.yaml): never a place name, although
    GeoNames holds some as alternate names ("Det" for a town in Thailand) and a capitalised one
    may stand inside a sentence ("til Det kvite huset")."""
    with (DATA_DIR / "stopwords.yaml").open(encoding="utf8") as fh:
        return frozenset(normalize(str(w)) for w in yaml.safe_load(fh)["stopwords"])


def lookup(text: str, *, country_hint: str | None = None, minor: bool = True) -> Feature | None:
    """The gazetteer feature a place name refers to, or None."""
    gaz = load_gazetteer()
    hint = _alpha2(country_hint)
    text = _clean(text)
    if not text or normalize(text) in _function_words():
        return None
    for name, kind, genitive in _variants(text):
        feature = _best(gaz, name, kind, hint, minor=False, genitive=genitive)
        if feature is None and name != text:
            # the stem may itself be inflected: "Idlibs-provinsen" is rare, but cheap to allow
            for inner, inner_kind, inner_gen in list(_variants(name))[1:]:
                feature = _best(
                    gaz, inner, inner_kind or kind, hint, minor=False, genitive=inner_gen
                )
                if feature:
                    break
        if feature is not None:
            return feature
    if minor:
        for name, kind, genitive in _variants(text):
            if genitive:
                continue  # no small town is known well enough to be read through a genitive
            feature = _best(gaz, name, kind, hint, minor=True)
            if feature is not None:
                return feature
    return None


# A person's surname is often also a village (Meling, Solberg): only a town of at least this
# size (GeoNames' cities15000 cut) makes a capitalised word a place rather than a name.
_WELL_KNOWN_POPULATION = 15_000


def is_well_known_place(name: str) -> bool:
    """Whether a name is an exonym, or the own name (not one of the many alternate names, where
    "Ustinov" is a former name of Izhevsk) of a country, an admin1 or a town of >= 15 000."""
    key = normalize(_clean(name))
    exo, feats = load_gazetteer().candidates(key, minor=False)
    return bool(exo) or any(
        fold(normalize(f.name)) == fold(key)
        and (f.kind != "place" or f.population >= _WELL_KNOWN_POPULATION)
        for f in feats
    )


def resolve_place(text: str, *, country_hint: str | None = None) -> Location | None:
    """Resolve a place span as written ("Bagdad", "Raqqas", "Idlib-provinsen", "Nord-Irak").

    `country_hint` (ISO alpha-2 or alpha-3) breaks ties between places of the same name. The
    caller sets `start`/`end` on the returned Location; `text` is the input.
    """
    if not isinstance(text, str):
        return None
    feature = lookup(text, country_hint=country_hint)
    if feature is not None:
        return feature.to_location(text)
    # a phrase around place names: "utenfor kysten av Libya" is Libya; several places of one
    # country ("Valparaíso, Temuco og Rancagua") are that country, at precision `country`
    mentions = find_place_mentions(text)
    if len(mentions) == 1:
        only = mentions[0]
        only.text, only.start, only.end = text, None, None
        return only
    countries = {m.country for m in mentions}
    if len(countries) == 1:
        country = load_gazetteer().countries.get(countries.pop() or "")
        return country.to_location(text) if country else None
    return None


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"«“'(":
        if text[i] in '«“"(':
            return True
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def find_place_mentions(text: str) -> list[Location]:
    """Scan text for place names from the main gazetteer and the exonyms (longest match first,
    non-overlapping), with `start`/`end` set. Only capitalised words start a match; a name that
    is also a common Norwegian word is skipped at the start of a sentence; a name next to another
    capitalised word that is not a place ("Erna Solberg", "Washington Post") is skipped."""
    gaz = load_gazetteer()
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    found: list[Location] = []
    surnames: set[str] = set()
    i = 0
    while i < len(tokens):
        start = tokens[i][0]
        if not text[start].isupper():
            i += 1
            continue
        match = None
        for j in range(min(len(tokens), i + _MAX_TOKENS), i, -1):
            if any(text[tokens[k][1] : tokens[k + 1][0]] != " " for k in range(i, j - 1)):
                continue  # a span crosses punctuation: "Raqqa, Syria" is two places
            span = text[start : tokens[j - 1][1]]
            feature = lookup(span, minor=False)
            if feature is not None:
                match = (j, span, feature)
                break
        if match is None:
            i += 1
            continue
        j, span, feature = match
        why = _rejected(text, tokens, i, j, span, gaz)
        if why == "name":
            surnames.add(normalize(span))  # "Mustafa Bali ... Bali sier": still the person
        if why or normalize(span) in surnames:
            i += 1
            continue
        location = feature.to_location(span)
        location.start, location.end = start, start + len(span)
        found.append(location)
        i = j
    return found


def _rejected(
    text: str, tokens: list[tuple[int, int]], i: int, j: int, span: str, gaz: Gazetteer
) -> str | None:
    """Why a scanned match is not a place ("common", "name"), or None when it is one."""
    key = normalize(span)
    common = key in gaz.stopwords or key.rstrip("s") in gaz.stopwords
    if common and _sentence_initial(text, tokens[i][0]):
        return "common"
    for k in (i - 1, j):
        if not 0 <= k < len(tokens):
            continue
        a, b = tokens[k]
        gap = text[tokens[k][1] : tokens[i][0]] if k < i else text[tokens[j - 1][1] : a]
        word = text[a:b]
        if gap != " " or not word[0].isupper():
            continue
        if k < i and normalize(word) in gaz.stopwords and _sentence_initial(text, a):
            continue  # "I Raqqa", "Ifølge Moskva": a common word, not a first name
        neighbour = lookup(word, minor=False)
        if neighbour is None or not _genitive_ok(neighbour, exonym=False):
            # part of a longer proper name: "Erna Solberg", "Mustafa Bali", "Washington Post"
            return "name"
    return None
