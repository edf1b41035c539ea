"""List every round-6..9 surface (tools/kb/src/org_classes*.txt) that collides with a given name,
a frequent English word, a gazetteer place or another KB entity, and how it is handled.

A single-token surface that collides must be in ambiguous.csv (then it is matched only with
context: its full name elsewhere in the text, or its type noun right after it); a multiword
surface or an upper-case acronym is kept. Exit status 1 if a colliding single-token surface is
not handled.

    .venv/bin/python tools/kb/check_round6_ambiguity.py
"""
from __future__ import annotations

import csv
import sys

from build_curated import SRC, parse
from kbcommon import KB_DIR

sys.path.insert(0, str(KB_DIR.parents[2]))


#: Reviewed single-token names that are in the lists only as the company itself (wordfreq counts
#: frequent brand names as words; "Pemex" is also a Mexican oil-camp town): kept as names.
REVIEWED = {
    "Lockheed": "the company (wordfreq counts the brand)",
    "Boeing": "the company (wordfreq counts the brand)",
    "Airbus": "the company (wordfreq counts the brand)",
    "SpaceX": "the company (wordfreq counts the brand)",
    "Pemex": "the company; the town Pemex (Tabasco) is a Pemex oil camp, never in security news",
    # round 7: platforms and brands that wordfreq counts as words; capitalised, they are the company
    **{b: "the company or platform (wordfreq counts the brand)" for b in (
        "Facebook", "Instagram", "WhatsApp", "Twitter", "Telegram", "Google", "YouTube", "Microsoft",
        "Nvidia", "Qualcomm", "Samsung", "Xiaomi", "Weibo", "Ericsson", "Snapchat", "Reddit",
        "LinkedIn", "Cisco", "Nokia", "Politico", "Newsweek", "Harvard")},
    # round 8: brands that wordfreq counts as words; capitalised, they are the company
    **{b: "the company (wordfreq counts the brand)" for b in ("Vodafone", "Verizon", "Exxon", "Chevron")},
    # round 9: a brand that wordfreq counts as a word; capitalised, it is the company
    "Amtrak": "the US rail company (wordfreq counts the brand)",
    "Dunyo": "the Uzbek news agency; the given name is rare in English news",
    "Libération": "the French daily (with its accent); the places are spelled without it",
    "The Hill": "the US news site, capitalised; a place name only in a few small towns",
}


def main() -> int:
    from accords.etl.extract import places as places_mod

    given = set((KB_DIR / "given_names.txt").read_text("utf-8").split("\n"))
    common = {w.strip().lower() for w in (KB_DIR / "common_words.txt").read_text("utf-8").splitlines()}
    ambiguous = {r["surface"] for r in csv.DictReader((KB_DIR / "ambiguous.csv").open(encoding="utf-8"))}
    places = {name for name, _, _ in places_mod._cities()}
    new = parse(SRC / "org_classes.txt") + parse(SRC / "org_classes7.txt") + parse(SRC / "org_classes8.txt") \
        + parse(SRC / "org_classes9.txt") + parse(SRC / "org_classes10.txt")
    new_keys = {r["key"] for r in new}
    others: dict[str, set[str]] = {}
    for f in ("countries.csv", "capitals.csv", "organizations.csv", "people.csv", "initiatives.csv",
              "locations.csv"):
        for r in csv.DictReader((KB_DIR / f).open(encoding="utf-8")):
            if r["key"] in new_keys:
                continue
            for s in [r["canonical_name"], *r["aliases"].split("|")]:
                if s:
                    others.setdefault(s, set()).add(r["key"])
    bad = 0
    rows = []
    for r in new:
        for s in [r["canonical_name"], *[a for a in r["aliases"].split("|") if a]]:
            why = []
            if s in given:
                why.append("given name")
            if s.lower() in common:
                why.append("common word")
            if s in places:
                why.append("place")
            if s in others:
                why.append("KB: " + ",".join(sorted(others[s])))
            if not why:
                continue
            single = " " not in s
            if s in REVIEWED:
                how = "reviewed, kept: " + REVIEWED[s]
            elif s in ambiguous:
                how = "ambiguous.csv: needs context"
            elif single and not s.isupper():
                how = "NOT HANDLED"
                bad += 1
            else:
                how = "kept (multiword or upper-case acronym, matched case-sensitively)"
            rows.append((r["key"], s, "; ".join(why), how))
    acr = [(r["key"], r["acronym"]) for r in new if r["acronym"] and r["acronym"] not in r["aliases"].split("|")]
    for k, s, why, how in rows:
        print(f"{k:28} {s:28} {why:40} {how}")
    print(f"-- acronym column only (shared or too ambiguous alone, never matched bare): "
          + ", ".join(f"{a} ({k})" for k, a in acr))
    print(f"{len(rows)} colliding surfaces, {bad} not handled")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
