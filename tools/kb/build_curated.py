"""Build the hand-curated KB files from tools/kb/src/*.txt.

Source format (one entity per line, `#` starts a comment line):

    key ; canonical_name ; aliases ; iso3 ; subtype ; acronym ; parties

Trailing fields may be omitted.  `aliases` and `parties` use `|`.
entity_type is derived from the key prefix.  The acronym is appended to the
aliases automatically (it is used alone in news) unless it is written with a
leading `~` (e.g. `~UN`), in which case it is stored in `acronym` only.

    /work/main/.venv/bin/python tools/kb/build_curated.py
"""
from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from kbcommon import KB_DIR, PREFIX, join, write_rows

SRC = Path(__file__).resolve().parent / "src"
FILES = {
    "organizations.txt": "organizations.csv",
    "people.txt": "people.csv",
    "initiatives.txt": "initiatives.csv",
    "locations.txt": "locations.csv",
}
#: Further sources merged into the same output (round 6: whole classes of organisations from
#: named public lists, kept apart so their sources and editions are documented in one header;
#: round 7: police, coast guards, missions, ANSPs, militant groups, media, tech, NGOs, universities
#: and think tanks, shipbuilders).
EXTRA_SOURCES = {
    "organizations.txt": ["org_classes.txt", "org_classes7.txt", "org_classes8.txt", "org_classes9.txt",
                          "org_classes10.txt"],
    "locations.txt": ["locations7.txt"],
    "people.txt": ["people8.txt"],
}
#: Letters that NFKD does not decompose, with their usual English-press Latin spelling
#: ("Alþingi" -> "Althingi", "Łódź" -> "Lodz", "Ørsted" -> "Orsted").
_FOLD = str.maketrans({"þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ł": "l", "Ł": "L", "ø": "o",
                       "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "ı": "i",
                       "đ": "d", "Đ": "D", "–": "-", "’": "'"})
#: Organisation surfaces whose folded form is not added (it is another entity or a common word).
NO_FOLD = {"Sénat", "ČEPS"}  # "CEPS" is the Brussels think tank


def ascii_fold(text: str) -> str:
    """The usual Latin spelling of a name written with diacritics or special letters."""
    t = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in t if not unicodedata.combining(c))


def add_folds(row: dict) -> None:
    """Every organisation surface with diacritics or þ/ð/ł/ş... also in its plain Latin spelling
    (round 6: legislatures, broadcasters, companies alike), unless listed in NO_FOLD."""
    names = [row["canonical_name"], *[a for a in row["aliases"].split("|") if a]]
    folded = [ascii_fold(n) for n in names if n not in NO_FOLD]
    folded += [n.replace(" & ", " and ") for n in names if " & " in n]  # "Shipyard & Engineering"
    extra = [f for f in folded if f not in names]
    if extra:
        row["aliases"] = join([*names[1:], *extra])


def parse(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        f = [x.strip() for x in line.split(";")]
        if len(f) > 7:
            sys.exit(f"{path.name}:{n}: too many fields")
        f += [""] * (7 - len(f))
        key, canon, aliases, iso3, subtype, acronym, parties = f
        prefix = key.split(":", 1)[0]
        if prefix not in PREFIX:
            sys.exit(f"{path.name}:{n}: bad key {key}")
        al = [a.strip() for a in aliases.split("|") if a.strip()]
        if acronym.startswith("~"):
            acronym = acronym[1:]
        elif acronym:
            al.append(acronym)
        al = [a for a in al if a != canon]
        rows.append(dict(key=key, entity_type=PREFIX[prefix], canonical_name=canon,
                         aliases=join(al), iso3=iso3.upper(), subtype=subtype,
                         acronym=acronym, parties=join(p.strip() for p in parties.split("|"))))
    return rows


def main():
    for src, dst in FILES.items():
        p = SRC / src
        if not p.exists():
            continue
        rows = parse(p)
        for extra in EXTRA_SOURCES.get(src, []):
            rows += parse(SRC / extra)
        if dst == "organizations.csv":
            for r in rows:
                add_folds(r)
        keys = [r["key"] for r in rows]
        dup = {k for k in keys if keys.count(k) > 1}
        if dup:
            sys.exit(f"{src}: duplicate keys {sorted(dup)}")
        write_rows(KB_DIR / dst, rows)
        print(f"{dst}: {len(rows)}")


if __name__ == "__main__":
    main()
