"""End to end: raw gold page -> cleaner -> extractor -> resolver, scored against the gold entities.

`tools/eval_clean.py` scores the cleaner and `accords.etl.extract.evaluate` scores the
extractor on the hand-cleaned text; this scores what a user gets from the raw page, so
clutter the cleaner keeps and article text it drops both show. Entities are compared per
document by identity (type + canonical name or alias, ISO3 for countries), as in evaluate.
A spurious entity none of whose surfaces occurs in the gold clean text came from page
clutter: those are counted separately ("from clutter").

    python tools/eval_pipeline.py --split heldout6 [-v]
"""

from __future__ import annotations

import argparse
import sys

from accords.etl.document import process_file
from accords.etl.extract import evaluate as ev
from accords.etl.ingest import RawFile
from eval_clean import GOLD, cases  # tools/ is on the path when this file runs as a script


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--split", action="append", help="split(s), folders of tests/gold; default seeds and dev")
    ap.add_argument("-v", "--verbose", action="store_true", help="list missed and spurious entities")
    args = ap.parse_args(argv)
    for split in args.split or ["seeds", "dev"]:
        docs = [d for d in ev.load_split(GOLD, split) if d.language == "en"]
        raw = {c.name: c.raw for c in cases(split)}
        cleaned: list[ev.Doc] = []
        for d in docs:
            data = raw[d.name].read_bytes()
            out = process_file(RawFile(d.name, data, len(data))).document
            cleaned.append(ev.Doc(split, d.name, out["text"] if out else "", "en"))
        pred = ev.predict_accords(cleaned)
        totals = {t: ev.Counts() for t in ev.TYPES}
        from_clutter: list[str] = []
        lines = []
        for d in docs:
            score = ev.score_doc(d.name, d.gold, pred.get(d.name, []))
            for t in ev.TYPES:
                totals[t].add(score.entities[t])
            gold_text = d.text.casefold()
            for e in ev.entities_of(pred.get(d.name, [])):
                if any(ev.same_entity(e, g) for g in ev.entities_of(d.gold)):
                    continue
                if not any(s.casefold() in gold_text for s in e.aliases):
                    from_clutter.append(f"{d.name} {e.type}:{e.canonical}")
            if args.verbose:
                lines += [f"    {d.name} missed   {x}" for x in score.missed]
                lines += [f"    {d.name} spurious {x}" for x in score.spurious]
        print(f"== {split}: {len(docs)} documents, raw page -> entities")
        print("\n".join(ev.format_table(totals)))
        print(f"-- spurious entities from clutter (no surface in the article): {len(from_clutter)}")
        if args.verbose:
            print("\n".join(lines))
            print("\n".join(f"    clutter  {x}" for x in from_clutter))
    return 0


if __name__ == "__main__":
    sys.exit(main())
