"""Annotator aid: show capitalised tokens of a clean text that no mention covers.

    /work/main/.venv/bin/python tests/gold/_tools/review.py tests/gold/dev/g001.ann.json
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

for a in sys.argv[1:]:
    ann = json.loads(Path(a).read_text(encoding="utf-8"))
    text = (Path(a).parent / ann["text_file"]).read_text(encoding="utf-8")
    cov = [False] * len(text)
    for m in ann["mentions"]:
        for i in range(m["start"], m["end"]):
            cov[i] = True
    miss = Counter()
    for mt in re.finditer(r"[A-ZÀ-Ý][\w’'\-]*", text):
        if not any(cov[mt.start():mt.end()]):
            miss[mt.group()] += 1
    ments = Counter((m["surface"], m["type"], m["canonical"]) for m in ann["mentions"])
    print(f"== {a}: {len(ann['mentions'])} mentions")
    print("   annotated:", "; ".join(f"{s}/{t[:3]}x{n}" for (s, t, c), n in ments.items()))
    print("   uncovered caps:", " ".join(f"{w}x{n}" if n > 1 else w for w, n in sorted(miss.items())))
