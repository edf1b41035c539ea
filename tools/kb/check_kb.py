"""Validate the accords knowledge base under etl/kb/.

Checks every entity CSV (columns, unique keys across all files, key slug and
prefix matching entity_type, non-empty canonical names, iso3 valid per
pycountry (+ XKX for Kosovo), subtype vocabulary, parties reference existing
keys, no surface form pointing to two different entities of the same type
unless it is listed in ambiguous.csv), plus demonyms.csv, ambiguous.csv and
stopwords.txt.  Prints counts per file.  Exit status 1 on any error.

    /work/main/.venv/bin/python tools/kb/check_kb.py [extra.csv ...]
"""
from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

import pycountry
from kbcommon import COLUMNS, KB_DIR, PREFIX

ENTITY_FILES = ["countries.csv", "capitals.csv", "organizations.csv", "people.csv",
                "initiatives.csv", "locations.csv"]
SUBTYPES = {
    "organization": {"intergovernmental", "military", "ministry", "agency", "party", "militant",
                     "university", "media", "company", "court", "other"},
    "location": {"city", "capital", "subdivision", "region", "sea", "geographic"},
    "initiative": {"economic corridor", "security initiative", "development initiative", "forum",
                   "agreement", "treaty", "declaration", "mechanism", "programme", "strategy",
                   "exercise", "proposal", "alliance"},
    "country": {"sovereign", "territory", "observer"},
}
KEY_RE = re.compile(r"^(country|org|person|loc|init):[a-z0-9]+(-[a-z0-9]+)*$")
EXTRA_ISO3 = {"XKX"}


def main(argv: list[str]) -> int:
    errors: list[str] = []
    warnings: list[str] = []
    valid_iso3 = {c.alpha_3 for c in pycountry.countries} | EXTRA_ISO3
    files = [KB_DIR / f for f in ENTITY_FILES] + [Path(a) for a in argv]
    extra_files = {Path(a) for a in argv}
    rows_by_key: dict[str, dict] = {}
    counts: dict[str, int] = {}
    all_rows: list[tuple[str, dict]] = []
    for path in files:
        if not path.exists():
            errors.append(f"{path.name}: missing")
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames != COLUMNS:
                errors.append(f"{path.name}: columns {reader.fieldnames} != {COLUMNS}")
                continue
            rows = list(reader)
        counts[path.name] = len(rows)
        keys = [r["key"] for r in rows]
        if keys != sorted(keys):
            errors.append(f"{path.name}: rows not sorted by key")
        for i, r in enumerate(rows, 2):
            where = f"{path.name}:{i} {r['key']}"
            if None in r or any(v is None for v in r.values()):
                errors.append(f"{where}: wrong number of fields")
                continue
            if not KEY_RE.match(r["key"]):
                errors.append(f"{where}: key is not a lowercase ascii slug with type prefix")
            prefix = r["key"].split(":", 1)[0]
            if PREFIX.get(prefix) != r["entity_type"]:
                errors.append(f"{where}: prefix {prefix!r} does not match entity_type {r['entity_type']!r}")
            if r["canonical_name"] != r["canonical_name"].strip():
                errors.append(f"{where}: padded canonical_name")
            if not r["canonical_name"].strip():
                errors.append(f"{where}: empty canonical_name")
            if r["key"] in rows_by_key:
                if path in extra_files and rows_by_key[r["key"]].get("_file") != path.name:
                    # the package loader lets later files override earlier keys
                    warnings.append(f"{where}: overrides the built-in entry with this key")
                    all_rows[:] = [(f, x) for f, x in all_rows if x["key"] != r["key"]]
                else:
                    errors.append(f"{where}: duplicate key")
            r["_file"] = path.name
            rows_by_key[r["key"]] = r
            if r["iso3"] and r["iso3"] not in valid_iso3:
                errors.append(f"{where}: invalid iso3 {r['iso3']!r}")
            if r["entity_type"] == "country" and not r["iso3"]:
                errors.append(f"{where}: country without iso3")
            allowed = SUBTYPES.get(r["entity_type"])
            if allowed is not None and r["subtype"] not in allowed:
                errors.append(f"{where}: subtype {r['subtype']!r} not in {sorted(allowed)}")
            if r["entity_type"] == "person" and not r["subtype"]:
                errors.append(f"{where}: person without role")
            for a in r["aliases"].split("|") if r["aliases"] else []:
                if not a.strip() or a != a.strip():
                    errors.append(f"{where}: empty or padded alias {a!r}")
            all_rows.append((path.name, r))

    # parties reference existing keys
    for fname, r in all_rows:
        for p in filter(None, r["parties"].split("|")):
            if p not in rows_by_key:
                errors.append(f"{fname} {r['key']}: party {p!r} does not exist")

    # ambiguous.csv
    amb_path = KB_DIR / "ambiguous.csv"
    ambiguous: set[str] = set()
    with amb_path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != ["surface", "reason"]:
            errors.append(f"ambiguous.csv: columns {reader.fieldnames}")
        amb_rows = list(reader)
    for r in amb_rows:
        if not r["surface"] or not r["reason"]:
            errors.append(f"ambiguous.csv: empty field in {r}")
        if r["surface"] in ambiguous:
            errors.append(f"ambiguous.csv: duplicate surface {r['surface']!r}")
        ambiguous.add(r["surface"])
    counts["ambiguous.csv"] = len(amb_rows)

    # surface forms pointing to two entities of the same type
    surfaces: dict[tuple[str, str], set[str]] = defaultdict(set)
    for _, r in all_rows:
        forms = {r["canonical_name"]} | set(filter(None, r["aliases"].split("|")))
        for f in forms:
            surfaces[(r["entity_type"], f)].add(r["key"])
    for (etype, form), keys in sorted(surfaces.items()):
        if len(keys) > 1 and form not in ambiguous:
            errors.append(f"surface {form!r} ({etype}) points to {sorted(keys)}; list it in ambiguous.csv")

    # demonyms.csv
    with (KB_DIR / "demonyms.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != ["key", "demonym"]:
            errors.append(f"demonyms.csv: columns {reader.fieldnames}")
        dem = list(reader)
    for d in dem:
        r = rows_by_key.get(d["key"])
        if r is None:
            errors.append(f"demonyms.csv: unknown key {d['key']}")
        elif d["demonym"] not in r["aliases"].split("|"):
            errors.append(f"demonyms.csv: {d['demonym']!r} is not an alias of {d['key']}")
    counts["demonyms.csv"] = len(dem)

    # stopwords.txt
    words = [w for w in (KB_DIR / "stopwords.txt").read_text(encoding="utf-8").splitlines()]
    if any(not w.strip() or " " in w for w in words):
        errors.append("stopwords.txt: empty line or multi-word entry")
    if len(set(words)) != len(words):
        errors.append("stopwords.txt: duplicates")
    names = {f for (_, f) in surfaces}
    for w in words:
        if w in names:
            warnings.append(f"stopword {w!r} is also a KB surface form (KB entries still match; "
                            f"stopwords only filter gazetteer cities)")
    counts["stopwords.txt"] = len(words)

    for name, n in counts.items():
        print(f"{name:20s} {n:6d}")
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
