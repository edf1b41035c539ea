"""Mention-level misses and false positives of one gold split, with context.

    .venv/bin/python tools/extract/show_misses.py tests/gold --split dev [--type location]

A development aid for extraction work (the scorer is accords.etl.extract.evaluate).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from accords.etl.extract import evaluate as ev


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--type", default=None)
    a = ap.parse_args()
    docs = [d for d in ev.load_split(a.gold, a.split) if d.language == "en"]
    pred = ev.predict_accords(docs)
    for d in docs:
        g = {(m.start, m.end, m.type): m for m in d.gold}
        p = {(m.start, m.end, m.type): m for m in pred[d.name]}
        for tag, a_, b_ in (("MISS", g, p), ("FP  ", p, g)):
            for k in sorted(set(a_) - set(b_)):
                m = a_[k]
                if a.type and m.type != a.type:
                    continue
                ctx = d.text[max(0, m.start - 50):m.end + 40].replace("\n", " / ")
                print(f"{d.name} {tag} {m.type:12} {m.surface!r:40} | {ctx}")


if __name__ == "__main__":
    main()
