"""Known names from the bundled reference tables: countries, titles, media and market indexes."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from ..paths import DATA_DIR


@dataclass(frozen=True)
class Known:
    """One real-world thing the tables know, and the role of the surface form that matched it."""

    id: str
    name: str
    kind: str  # country | media | market_index
    country: str | None
    role: str  # name | demonym | metonym | alias


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    known: Known


def _rows(name: str) -> list[dict]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


@cache
def countries() -> dict[str, dict]:
    """ISO3 → row of countries.csv (name, aliases, demonyms, metonyms, timezone)."""
    return {r["iso3"]: r for r in _rows("countries.csv")}


@cache
def titles() -> dict[str, str | None]:
    """Lower-cased title → the country it belongs to (None when any country uses it)."""
    return {r["title"].lower(): (r["country"] or None) for r in _rows("titles.csv")}


@cache
def title_heads() -> frozenset[str]:
    """Single words that end a title ("secretary", "minister"), lower-cased."""
    # "the General Administration" is no title, and "Prince George" a city: only "Crown Prince" is a post
    heads = {t.split()[-1].rstrip(".") for t in titles()} - {"general", "prince"}
    return frozenset(
        heads | {"official", "lawmaker", "chief", "head", "negotiator", "spokesperson", "regulator", "diplomat"}
    )


@cache
def indexes() -> dict[str, dict]:
    return {r["id"]: r for r in _rows("market_indexes.csv")}


@cache
def _forms() -> list[tuple[str, Known]]:
    forms: list[tuple[str, Known]] = []
    for iso3, r in countries().items():
        base = dict(id=iso3.lower(), name=r["name"], kind="country", country=iso3)
        forms += [(r["name"], Known(**base, role="name"))]
        forms += [(a, Known(**base, role="alias")) for a in _split(r["aliases"])]
        forms += [(d, Known(**base, role="demonym")) for d in _split(r["demonyms"])]
        forms += [(m, Known(**base, role="metonym")) for m in _split(r["metonyms"])]
    for r in _rows("media.csv"):
        if r["name"] == "X":
            continue  # a one-letter name: found by context in find_known()
        k = Known(id=slug(r["name"]), name=r["name"], kind="media", country=None, role="name")
        forms += [(f, k) for f in [r["name"], *_split(r["aliases"])]]
    for r in indexes().values():
        k = Known(id=r["id"], name=r["name"], kind="market_index", country=r["country"] or None, role="name")
        forms += [(f, k) for f in [r["name"], *_split(r["aliases"])]]
    return forms


@cache
def _matcher() -> tuple[re.Pattern, dict[str, Known]]:
    table: dict[str, Known] = {}
    for form, known in _forms():
        table.setdefault(form, known)
        table.setdefault(fold(form), known)  # "Türkiye" is matched on text folded the same way
    alternation = "|".join(re.escape(f) for f in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w.&-])(?:{alternation})(?![\w&]|-\w|\.\w)"), table


X_PLATFORM = re.compile(r"(?<=\bon )X\b|\bX(?= (?:post|account|feed|thread)s?\b)|(?<=platform )X\b")
LANGUAGE_USE = re.compile(r"\b(?:in|into|from|speaks?|speaking|spoke|fluent)\s+$")
NOT_COUNTRY_BEFORE = re.compile(r"(North|South|Latin|Central|Corporate|Middle)\s+$")
# Country names that are also given names: "Chad Hart, an economist", "Jordan Bardella said".
GIVEN_NAME_COUNTRIES = {"Chad", "Jordan", "Georgia"}
SURNAME_AFTER = re.compile(r"\s[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b(?!\s+(?:Valley|River|Sea|Basin|Street|Times|Daily))")


@cache
def _subdivisions() -> tuple[re.Pattern, dict[str, str]]:
    """Full names of provinces and states (subdivisions.csv) → their country."""
    table = {r["name"]: r["country"] for r in _rows("subdivisions.csv") if " " in r["name"]}
    table |= {_ascii(n): c for n, c in table.items()}  # "Tamil Nādu" is written "Tamil Nadu"
    alternation = "|".join(re.escape(f) for f in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w.&-])(?:{alternation})(?![\w&]|-\w)"), table


class _Folding(dict):
    """str.translate table: a letter with marks → its base letter, one character for one ("ệ" → "e")."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        base = {"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L"}.get(char)
        base = base or unicodedata.normalize("NFKD", char)[0]
        self[code] = base if base.isascii() and base.isalpha() and char.isalpha() else char
        return self[code]


_FOLDING = _Folding()


def fold(text: str) -> str:
    """`text` with the marks taken off its letters and the same length, so offsets found in it hold in `text`."""
    return text if text.isascii() else text.translate(_FOLDING)


def _ascii(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def province_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO3) of each province or state named in full in `text` ("British Columbia" → CAN)."""
    rx, table = _subdivisions()
    return [(m.start(), m.end(), table[m.group(0)]) for m in rx.finditer(text)]


def find_known(text: str) -> list[Hit]:
    """Every mention of a known country, outlet or index in `text`, longest forms first, never overlapping.
    A country word inside the name of another country's province or state ("British Columbia", "New Mexico")
    is no mention of that country."""
    rx, table = _matcher()
    provinces = province_spans(text)
    hits = []
    for m in rx.finditer(fold(text)):  # "Việt Nam" is "Viet Nam"; offsets are the text's own
        known = table[m.group(0)]
        if any(s <= m.start() and m.end() <= e and c != known.country for s, e, c in provinces):
            continue
        if known.kind == "country" and NOT_COUNTRY_BEFORE.search(text[max(0, m.start() - 10) : m.start()]):
            continue
        if m.group(0) in GIVEN_NAME_COUNTRIES and SURNAME_AFTER.match(text, m.end()):
            continue
        if known.role == "demonym" and LANGUAGE_USE.search(text[max(0, m.start() - 24) : m.start()]):
            if not re.match(r"\s+[a-z]", text[m.end() : m.end() + 3]):
                continue  # "he said in French", "translated from German": a language, not the country
        hits.append(Hit(m.start(), m.end(), text[m.start() : m.end()], known))
    x = Known(id="x", name="X", kind="media", country=None, role="name")
    hits += [Hit(m.start(), m.end(), "X", x) for m in X_PLATFORM.finditer(text)]
    return sorted(hits, key=lambda h: h.start)


@lru_cache(maxsize=8192)
def country_of_text(text: str) -> str | None:
    """The ISO3 of the first country named in a short phrase ("U.S.", "Japan's", "Chinese"); asked of the same
    words many times per article, so remembered."""
    for hit in find_known(text):
        if hit.known.kind == "country":
            return hit.known.country
    return None


# Clock-time zone abbreviations that belong to one country (IANA tz database abbreviations, as newsrooms write
# them after a time: "11:00am AEST", "19.05 BST"); GMT, UTC and CET name no one country and are left out.
ZONE_COUNTRIES = {
    "ET": "USA", "EDT": "USA", "EST": "USA", "CT": "USA", "CDT": "USA", "PT": "USA", "PDT": "USA", "PST": "USA",
    "BST": "GBR", "JST": "JPN", "KST": "KOR", "HKT": "HKG", "IST": "IND", "SGT": "SGP", "AEST": "AUS",
    "AEDT": "AUS", "AWST": "AUS", "NZST": "NZL", "NZDT": "NZL", "PKT": "PAK", "WIB": "IDN", "PHT": "PHL",
}  # fmt: skip
ZONE_ABBREVIATIONS = frozenset(ZONE_COUNTRIES) | {"GMT", "UTC", "CET", "CEST", "EET", "EEST", "WET", "MSK"}
CLOCK_ZONE = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?P<zone>" + "|".join(ZONE_COUNTRIES) + r")\b")


def zone_countries(text: str) -> list[str]:
    """The country of each clock time written with a one-country zone ("at 11:00am AEST" → AUS): a newsroom
    writes times in its own zone, so this tells where a story is told from."""
    return [ZONE_COUNTRIES[m.group("zone")] for m in CLOCK_ZONE.finditer(text)]


def timezone_for(iso3: str | None) -> str | None:
    row = countries().get(iso3 or "")
    return (row or {}).get("timezone") or None


@cache
def _leaders() -> dict[str, dict]:
    return {slug(r["name"]): r for r in _rows("leaders.csv")}


@cache
def _leaders_by_surname() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for key, row in _leaders().items():
        out.setdefault(key.split("-")[-1], []).append(row)
    return out


def _leader(name: str) -> dict:
    """The leaders-table row for a full name, or for a lone surname only one leader in the table has."""
    row = _leaders().get(slug(name))
    if row is None and len(name.split()) == 1:
        rows = _leaders_by_surname().get(slug(name), [])
        row = rows[0] if len({r["name"] for r in rows}) == 1 else None
    return row or {}


def leader_country(name: str) -> str | None:
    """The country a well-known head of state or government leads (leaders.csv), matched on the full name
    (or a surname that only one leader in the table has: "Ramaphosa")."""
    return _leader(name).get("country")


def leader_office(name: str) -> str | None:
    return _leader(name).get("office")


def slug(name: str) -> str:
    """A stable ASCII id: "Maroš Šefčovič" → "maros-sefcovic"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower().replace("&", "")).strip("-") or "actor"


@cache
def _affiliations() -> tuple[re.Pattern, dict[str, str]]:
    """Institutions (institutions.csv: central banks, banks, business groups, unions), firms (companies.csv) and first-level
    subdivisions (subdivisions.csv: "Quebec", "Victorian") and business cities (cities.csv: "analyst at X in
    Melbourne") → the country they belong to."""
    table: dict[str, str] = {}
    for name in ("institutions.csv", "companies.csv", "subdivisions.csv", "cities.csv"):
        for r in _rows(name):
            for form in [r["name"], *_split(r["aliases"])]:
                table.setdefault(form, r["country"])
    alternation = "|".join(re.escape(f) for f in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w.&-])(?:{alternation})(?![\w&]|-\w)"), table


@cache
def _company_forms() -> frozenset[str]:
    return frozenset(f for r in _rows("companies.csv") for f in [r["name"], *_split(r["aliases"])])


def known_company(name: str) -> bool:
    """Is this the name of a firm in companies.csv ("Boeing", "TSMC")? Its figures are a firm's, not a body's."""
    return name in _company_forms()


def known_body(name: str) -> bool:
    """Is this exactly the name of an institution, province or business city in the tables ("Ibec")?"""
    return name in _affiliations()[1]


def inside_known_body(text: str, start: int, end: int) -> bool:
    """Is text[start:end] part of a longer institution or place name of the tables ("Yuan" of "the Legislative
    Yuan")?"""
    lo = max(0, start - 60)
    return any(
        m.start() <= start and end <= m.end() and m.end() - m.start() > end - start
        for m in _affiliations()[0].finditer(text, lo, end + 60)
    )


def affiliation_country(text: str | None) -> str | None:
    """The country of the first institution or province/state named in a short phrase: "chief economist at
    Berenberg" → DEU, "Quebec Premier" → CAN, "ECB executive board member" → EUU."""
    if not text:
        return None
    rx, table = _affiliations()
    m = rx.search(text)
    if m:
        return table[m.group(0)]
    based = re.search(r"\b([A-Z][\w.]+(?: [A-Z][\w.]+)?)-based\b", text)  # "Sharjah-based extruder"
    return (country_of_text(based.group(1)) or city_country(based.group(1))) if based else None


@cache
def _outlets() -> dict[str, tuple[str, str]]:
    """Every name of a news outlet → (its kind, the country it is based in, or "" for international ones)."""
    out: dict[str, tuple[str, str]] = {}
    for r in _rows("media.csv"):
        for form in [r["name"], *_split(r["aliases"])]:
            if form == r["name"] or not (form.isupper() and len(form) <= 4):  # "CNA" is also Taiwan's agency
                out[form] = (r["kind"], r.get("country") or "")
    return out


def outlet_country(name: str, kinds: tuple[str, ...] = ("newspaper", "agency", "broadcaster")) -> str | None:
    """The country a news outlet is based in (The Japan Times → JPN); None for wires and platforms."""
    kind, country = _outlets().get(name.strip(), ("", ""))
    return country if country and kind in kinds else None


@cache
def _world_cities() -> dict[str, str]:
    table: dict[str, str] = {}
    for r in _rows("geonames_cities.csv"):
        key = _city_key(r["name"])
        table[key] = r["country"] if table.get(key, r["country"]) == r["country"] else ""
    return table


def _city_key(name: str) -> str:
    """A city's name as the tables and the pages may both write it: "Hanoi", "Hà Nội", "HÀ NỘI", "Ha Noi"."""
    return re.sub(r"[^a-z]", "", fold(name).lower())


def city_country(name: str) -> str | None:
    """The country of a city of 100,000 people or more (GeoNames), for where a firm is based or a story is
    filed from; names shared by large cities of two countries are left out of the table."""
    return _world_cities().get(_city_key(name)) or None


@cache
def chinese_surnames() -> frozenset[str]:
    """Common Chinese family names in pinyin (chinese_surnames.csv): "Wang Wentao" is "Wang" on second mention."""
    return frozenset(r["surname"] for r in _rows("chinese_surnames.csv"))


@cache
def trade_programmes() -> frozenset[str]:
    """Names and acronyms of trade programmes, agreements and trade laws (trade_programmes.csv: "AGOA",
    "Agoa", "USMCA"), exactly as written: none of them is ever a person."""
    return frozenset(f for r in _rows("trade_programmes.csv") for f in [r["name"], *_split(r["aliases"])])


@cache
def currencies() -> dict[str, dict]:
    """ISO 4217 code → row of currencies.csv (English name, the word for it, issuer, territories using it)."""
    return {r["code"]: r for r in _rows("currencies.csv")}


def currency_words(code: str) -> set[str]:
    """What a text calls a currency: "dollar", "dollars", "cad", "loonie"."""
    r = currencies()[code]
    return {r["word"], r["word"] + "s", code.lower(), *_split(r["aliases"])}


def currency_code(word: str, countries: Iterable[str | None] = ()) -> str | None:
    """The currency a word names: the one the first of `countries` that has such a currency uses ("the dollar"
    in a Canadian story, "the Egyptian pound"), else the only currency so called ("the shekel"); the dollar
    unqualified is the US dollar. "currency" itself names the first country's currency."""
    word = word.lower()
    rows = currencies()
    codes = [code for code in rows if word == "currency" or word in currency_words(code)]
    for country in countries:
        used = [c for c in codes if country and country in _split(rows[c]["territories"])]
        if used:
            return used[0]
    if word == "currency":
        return None
    if len(codes) == 1:
        return codes[0]
    return "USD" if "USD" in codes else None
