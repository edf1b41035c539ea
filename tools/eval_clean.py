"""Measure decoding, cleaning, title, date and language against the hand-made gold set.

For every raw gold file (``tests/gold/<split>/<name>.txt``, and for the seeds
split ``seeds/<stem>.txt`` against ``tests/gold/seeds/<stem>.txt``) this runs
``process_file`` and compares with the hand-cleaned article and its
``meta.json``. Per split it reports title exact match, date accuracy (right
date or rightly null), language accuracy, and body line precision/recall
(lines compared after ``normalize``, as multisets, headline excluded).

    python tools/eval_clean.py                 # seeds and dev
    python tools/eval_clean.py --split heldout # the held-out split (report only; never tune on it)
    python tools/eval_clean.py -v              # also list every miss
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from accords.etl.document import process_file
from accords.etl.ingest import RawFile
from accords.etl.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"


@dataclass
class Case:
    """One gold document: where its raw input, clean text and metadata are."""

    name: str
    raw: Path
    clean: Path
    meta: Path


@dataclass
class Score:
    """Running totals for one split."""

    docs: int = 0
    rejected: int = 0
    title_ok: int = 0
    date_ok: int = 0
    lang_ok: int = 0
    tp: int = 0
    pred: int = 0
    gold: int = 0
    misses: list[str] = field(default_factory=list)
    seconds: float = 0.0  # time in process_file only


def cases(split: str) -> list[Case]:
    """The gold documents of ``split`` whose three files all exist."""
    folder = GOLD / split
    out: list[Case] = []
    if split == "seeds":
        for meta in sorted(folder.glob("*.meta.json")):
            stem = meta.name.removesuffix(".meta.json")
            out.append(Case(stem, ROOT / "seeds" / f"{stem}.txt", folder / f"{stem}.txt", meta))
    else:
        for meta in sorted(folder.glob("*.meta.json")):
            stem = meta.name.removesuffix(".meta.json")
            out.append(Case(stem, folder / f"{stem}.txt", folder / f"{stem}.clean.txt", meta))
    return [c for c in out if c.raw.exists() and c.clean.exists()]


def _body_lines(text: str) -> Counter[str]:
    lines = [ln for ln in normalize(text).split("\n") if ln]
    return Counter(lines)


def evaluate(split: str) -> Score:
    """Score every gold document of ``split``."""
    s = Score()
    for case in cases(split):
        data = case.raw.read_bytes()
        meta = json.loads(case.meta.read_text(encoding="utf-8"))
        gold_clean = normalize(case.clean.read_text(encoding="utf-8"))
        # A file without a headline (title null) has only body in its clean text.
        gold_body = gold_clean if meta["title"] is None else gold_clean.partition("\n")[2]
        gold_lines = _body_lines(gold_body)
        s.docs += 1
        s.gold += sum(gold_lines.values())
        t0 = time.perf_counter()
        doc = process_file(RawFile(case.name, data, len(data))).document
        s.seconds += time.perf_counter() - t0
        if doc is None:
            s.rejected += 1
            s.misses.append(f"{case.name}: rejected")
            continue
        # A derived title is not a line of the text; a found headline is its first line.
        pred_body = doc["text"].partition("\n")[2] if doc["title_source"] == "headline" else doc["text"]
        pred_lines = _body_lines(pred_body)
        s.pred += sum(pred_lines.values())
        s.tp += sum((pred_lines & gold_lines).values())
        if meta["title"] is None:
            title_ok = doc["title_source"] == "derived"
        else:
            title_ok = doc["title_source"] == "headline" and normalize(doc["title"]) == normalize(meta["title"])
        if title_ok:
            s.title_ok += 1
        else:
            s.misses.append(f"{case.name}: title {doc['title']!r} != {meta['title']!r}")
        got_date = doc["published_date"].isoformat() if doc["published_date"] else None
        if got_date == meta["published_date"]:
            s.date_ok += 1
        else:
            s.misses.append(f"{case.name}: date {got_date} ({doc['date_source']}) != {meta['published_date']}")
        if doc["language"] == meta["language"]:
            s.lang_ok += 1
        else:
            s.misses.append(f"{case.name}: language {doc['language']} != {meta['language']}")
        for ln in (pred_lines - gold_lines).elements():
            s.misses.append(f"{case.name}: extra line {ln[:90]!r}")
        for ln in (gold_lines - pred_lines).elements():
            s.misses.append(f"{case.name}: missing line {ln[:90]!r}")
    return s


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "   n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--split", action="append", help="seeds, dev, heldout, heldout2 ... heldout5 (repeatable)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    splits = args.split or ["seeds", "dev"]
    print(f"{'split':8} {'docs':>4} {'rej':>3} {'title':>6} {'date':>6} {'lang':>6} {'line P':>6} {'line R':>6} {'ms/doc':>6}")
    for split in splits:
        s = evaluate(split)
        print(f"{split:8} {s.docs:4d} {s.rejected:3d} {_pct(s.title_ok, s.docs)} {_pct(s.date_ok, s.docs)} "
              f"{_pct(s.lang_ok, s.docs)} {_pct(s.tp, s.pred)} {_pct(s.tp, s.gold)} {1000 * s.seconds / max(s.docs, 1):6.2f}")
        if args.verbose:
            for miss in s.misses:
                print("   ", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
