"""Extraction CPU time per document on the gold texts (``find.extract`` only, KB loaded and every
text extracted once before timing; best of ``--passes`` passes).

    .venv/bin/python tools/extract/time_extract.py [--passes 5]

For an A/B comparison run it alternately on both versions of the code, several times each: the
machine is often shared, so single runs vary by 10-50%.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from accords.etl.extract import find
from accords.etl.extract import kb as kb_mod

GOLD = Path(__file__).resolve().parents[2] / "tests" / "gold"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--passes", type=int, default=5)
    a = ap.parse_args()
    kb = kb_mod.cached()
    paths = sorted(GOLD.glob("*/*.clean.txt")) + sorted(GOLD.glob("seeds/*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for t in texts:
        find.extract(t, kb)
    best = float("inf")
    for _ in range(a.passes):
        t0 = time.process_time()
        for t in texts:
            find.extract(t, kb)
        best = min(best, time.process_time() - t0)
    print(f"{len(texts)} docs, {1000 * best / len(texts):.2f} ms/doc (best of {a.passes}, CPU)")


if __name__ == "__main__":
    main()
