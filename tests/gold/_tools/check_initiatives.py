#!/usr/bin/env python
"""Check the initiative parties/status gold against the entity gold.

For every split: every document with an initiative mention is listed; every distinct
initiative canonical of a document appears exactly once (and nothing else); every party is a
country/organization canonical of that document; status is one of the allowed values;
lists are sorted. Prints per-split counts and exits 1 on any error.
"""
import collections, glob, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.dirname(HERE)  # tests/gold
# Every split with a tests/gold/initiatives/<split>.json.
PARTS = {"initiatives": sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(GOLD, "initiatives", "*.json")))}
STATUSES = {"proposed", "signed", "launched", "ongoing", None}
KEYS = {"initiative", "parties", "status", "note"}

errors = []
def err(msg):
    errors.append(msg)

for part, splits in PARTS.items():
    for split in splits:
        path = os.path.join(GOLD, part, split + ".json")
        if not os.path.exists(path):
            err(f"{path}: missing"); continue
        data = json.load(open(path, encoding="utf-8"))
        # entity gold of the split
        ents = {}
        for a in sorted(glob.glob(os.path.join(GOLD, split, "*.ann.json"))):
            name = os.path.basename(a)[:-len(".ann.json")]
            ms = json.load(open(a, encoding="utf-8"))["mentions"]
            ents[name] = ({m["canonical"] for m in ms if m["type"] == "initiative"},
                          {m["canonical"] for m in ms if m["type"] in ("country", "organization")})
        if not ents:
            err(f"{split}: no .ann.json found")
        expected_docs = {d for d, (ini, _) in ents.items() if ini}
        for d in sorted(expected_docs - set(data)):
            err(f"{split}/{d}: document with initiatives not listed")
        for d in sorted(set(data) - expected_docs):
            err(f"{split}/{d}: listed but has no initiative mention (or no such document)")
        if list(data) != sorted(data):
            err(f"{split}: documents not sorted")
        n_ini = n_par = 0
        st = collections.Counter()
        for d, rows in data.items():
            if d not in ents:
                continue
            inis, co = ents[d]
            names = [r.get("initiative") for r in rows]
            for n, c in collections.Counter(names).items():
                if c > 1:
                    err(f"{split}/{d}: initiative {n!r} listed {c} times")
            for n in sorted(inis - set(names)):
                err(f"{split}/{d}: initiative {n!r} not listed")
            for n in sorted(set(names) - inis, key=str):
                err(f"{split}/{d}: {n!r} is not an initiative canonical of the document")
            if names != sorted(names, key=str):
                err(f"{split}/{d}: initiatives not sorted")
            for r in rows:
                extra = set(r) - KEYS
                if extra or not {"initiative", "parties", "status"} <= set(r):
                    err(f"{split}/{d}: bad keys {sorted(r)}")
                ps = r.get("parties")
                if not isinstance(ps, list):
                    err(f"{split}/{d}/{r.get('initiative')}: parties not a list"); continue
                if ps != sorted(ps) or len(ps) != len(set(ps)):
                    err(f"{split}/{d}/{r.get('initiative')}: parties not sorted/unique")
                for p in ps:
                    if p not in co:
                        err(f"{split}/{d}/{r.get('initiative')}: party {p!r} is not a country/organization canonical of the document")
                if r.get("status") not in STATUSES:
                    err(f"{split}/{d}/{r.get('initiative')}: bad status {r.get('status')!r}")
                if "note" in r and not (isinstance(r["note"], str) and r["note"].strip()):
                    err(f"{split}/{d}/{r.get('initiative')}: empty note")
                n_ini += 1; n_par += len(ps); st[r.get("status")] += 1
        print(f"{part:4} {split:10} docs={len(data):3} initiatives={n_ini:3} parties={n_par:3} "
              + " ".join(f"{k}={st[k]}" for k in ["proposed", "signed", "launched", "ongoing", None]))

for e in errors:
    print("ERROR", e)
print("OK" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)
