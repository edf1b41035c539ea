"""Print mention counts per type per split (markdown table) for tests/gold/README.md.

    /work/main/.venv/bin/python tests/gold/_tools/stats.py
"""
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_lib import GOLD, TYPES, splits  # noqa: E402

rows = []
for split in splits():
    c, docs, langs, dated, distinct = Counter(), 0, Counter(), 0, set()
    for a in sorted((GOLD / split).glob("*.ann.json")):
        ann = json.loads(a.read_text(encoding="utf-8"))
        meta = json.loads((GOLD / split / a.name.replace(".ann.json", ".meta.json")).read_text(encoding="utf-8"))
        docs += 1
        langs[meta["language"]] += 1
        dated += meta["published_date"] is not None
        for m in ann["mentions"]:
            c[m["type"]] += 1
            distinct.add((a.name, m["type"], m["canonical"]))
    rows.append((split, docs, dict(langs), dated, c, len(distinct)))

print("| split | docs | languages | with date | " + " | ".join(TYPES) + " | total mentions | distinct entities per doc (sum) |")
print("|---|---|---|---|" + "---|" * len(TYPES) + "---|---|")
for split, docs, langs, dated, c, nd in rows:
    lang = ", ".join(f"{k} {v}" for k, v in sorted(langs.items()))
    print(f"| {split} | {docs} | {lang} | {dated} | " + " | ".join(str(c[t]) for t in TYPES)
          + f" | {sum(c.values())} | {nd} |")
