"""Score initiatives' parties and status against hand-annotated gold.

``python -m accords.etl.extract.evaluate_initiatives GOLD_DIR --split seeds --split dev``

The gold is ``GOLD_DIR/initiatives/<split>.json``: per document, per initiative (its gold
canonical name), the countries and organisations the text makes its parties, and the status
the text states (or null); see ``tests/gold/initiatives/README.md``. Each document is extracted
and resolved **on its own**, so a party counts only when this document supports it (the
published table unions an initiative's parties over every document that names it).

Gold initiatives are matched to extracted ones by entity identity (as the entity scorer does);
parties and status are scored on matched initiatives only, so extraction's own misses (scored
by :mod:`accords.etl.extract.evaluate`) do not count twice:

- parties: precision and recall of (initiative, party) pairs, parties matched by identity;
- status: accuracy of the value (null included), and precision/recall of stated statuses.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from accords.etl.extract.evaluate import Counts, Doc, Entity, entities_of, load_split, same_entity


@dataclass(frozen=True)
class GoldInitiative:
    initiative: str
    parties: tuple[str, ...]
    status: str | None


@dataclass(frozen=True)
class PredInitiative:
    entity: Entity
    parties: tuple[Entity, ...]
    status: str | None


@dataclass
class Score:
    """What one document (or a sum of them) scores."""

    matched: int = 0  # gold initiatives found by extraction
    gold: int = 0
    parties: Counts = field(default_factory=Counts)
    status_right: int = 0  # value equal, null included
    status: Counts = field(default_factory=Counts)  # stated statuses: tp right value, fp wrong/extra, fn missed
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.matched += other.matched
        self.gold += other.gold
        self.parties.add(other.parties)
        self.status_right += other.status_right
        self.status.add(other.status)
        self.errors += other.errors


def load_gold(gold_dir: Path, split: str) -> dict[str, list[GoldInitiative]]:
    path = gold_dir / "initiatives" / f"{split}.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {doc: [GoldInitiative(r["initiative"], tuple(r["parties"]), r["status"]) for r in rows]
            for doc, rows in raw.items()}


def predict(doc: Doc) -> list[PredInitiative]:
    """accords' initiatives for one document resolved alone, parties as entities."""
    from accords.etl.extract import kb as kb_mod
    from accords.etl.extract.find import extract
    from accords.etl.extract.resolve import DocCandidates, resolve

    res = resolve([DocCandidates(doc.name, None, tuple(extract(doc.text, kb_mod.cached())))])
    surfaces: dict[str, set[str]] = {}
    for r in res.mentions.iter_rows(named=True):
        surfaces.setdefault(r["entity_id"], set()).add(r["surface"])
    ents = {r["entity_id"]: Entity(str(r["entity_type"]), r["canonical_name"], r["iso3"],
                                   surfaces.get(r["entity_id"], set()) | set(r["aliases"]))
            for r in res.entities.iter_rows(named=True)}
    return [PredInitiative(ents[r["initiative_id"]], tuple(ents[p] for p in r["parties"]), r["status"])
            for r in res.initiatives.iter_rows(named=True)]


def score_doc(doc: Doc, gold: Sequence[GoldInitiative], pred: Sequence[PredInitiative]) -> Score:
    gold_ents = {(e.type, e.canonical): e for e in entities_of(doc.gold)}
    out = Score(gold=len(gold))
    used: set[int] = set()
    for g in gold:
        g_ent = gold_ents.get(("initiative", g.initiative))
        if g_ent is None:
            raise ValueError(f"{doc.split}/{doc.name}: {g.initiative!r} is not an initiative of the .ann.json")
        hit = next((i for i, p in enumerate(pred) if i not in used and same_entity(g_ent, p.entity)), None)
        if hit is None:
            continue
        used.add(hit)
        p = pred[hit]
        out.matched += 1
        g_parties = [gold_ents.get(("country", n)) or gold_ents.get(("organization", n)) for n in g.parties]
        if any(e is None for e in g_parties):
            raise ValueError(f"{doc.split}/{doc.name}: a party of {g.initiative!r} is not a country or organisation")
        free = list(p.parties)
        for ge in g_parties:
            assert ge is not None
            k = next((i for i, pe in enumerate(free) if same_entity(ge, pe)), None)
            if k is None:
                out.parties.fn += 1
                out.errors.append(f"{doc.name} {g.initiative}: missed party {ge.canonical}")
            else:
                free.pop(k)
                out.parties.tp += 1
        for pe in free:
            out.parties.fp += 1
            out.errors.append(f"{doc.name} {g.initiative}: wrong party {pe.canonical}")
        out.status_right += g.status == p.status
        if g.status is not None and p.status == g.status:
            out.status.tp += 1
        else:
            if g.status is not None:
                out.status.fn += 1
            if p.status is not None:
                out.status.fp += 1
            if g.status != p.status:
                out.errors.append(f"{doc.name} {g.initiative}: status {p.status} (gold {g.status})")
    return out


def evaluate_split(gold_dir: Path, split: str) -> Score:
    gold = load_gold(gold_dir, split)
    total = Score()
    for doc in load_split(gold_dir, split):
        if doc.language != "en" or doc.name not in gold:
            continue
        total.add(score_doc(doc, gold[doc.name], predict(doc)))
    return total


def sentence_ceiling(gold_dir: Path, split: str) -> dict[str, int]:
    """What sentence co-occurrence can reach, on the gold's own mentions (no extraction).

    ``same``/``headline``/``next``/``elsewhere``: gold parties sharing a sentence with a
    mention of their initiative, else found only in the headline (sentence 0), else only in
    the sentence after one, else elsewhere. ``*_tp``/``*_fp``: what adding every actor of the
    headline or of the next sentence would add, right and wrong (beyond the same sentence).
    """
    from accords.etl.extract.find import sentence_of

    gold = load_gold(gold_dir, split)
    out: dict[str, int] = dict.fromkeys(
        ["same", "headline", "next", "elsewhere", "same_fp", "headline_tp", "headline_fp", "next_tp", "next_fp"], 0)
    for doc in load_split(gold_dir, split):
        if doc.name not in gold:
            continue
        sent = sentence_of(doc.text)
        actors: dict[str, set[int]] = {}
        for m in doc.gold:
            if m.type in ("country", "organization"):
                actors.setdefault(m.canonical, set()).add(sent(m.start))
        for row in gold[doc.name]:
            here = {sent(m.start) for m in doc.gold if m.type == "initiative" and m.canonical == row.initiative}
            after = {k + 1 for k in here} - here
            for party in row.parties:
                where = actors.get(party, set())
                key = ("same" if where & here else "headline" if 0 in where
                       else "next" if where & after else "elsewhere")
                out[key] += 1
            same = {a for a, w in actors.items() if w & here}
            out["same_fp"] += len(same - set(row.parties))
            for key, sents in (("headline", {0}), ("next", after)):
                extra = {a for a, w in actors.items() if w & sents} - same
                out[f"{key}_tp"] += len(extra & set(row.parties))
                out[f"{key}_fp"] += len(extra - set(row.parties))
    return out


def format_score(title: str, s: Score, verbose: bool = False) -> str:
    n = s.matched or 1
    lines = [
        f"== {title}: {s.matched} of {s.gold} gold initiatives matched",
        f"parties  P {s.parties.precision:.3f}  R {s.parties.recall:.3f}  F1 {s.parties.f1:.3f}"
        f"  (tp {s.parties.tp}, fp {s.parties.fp}, fn {s.parties.fn})",
        f"status   accuracy {s.status_right / n:.3f}  stated P {s.status.precision:.3f}"
        f"  R {s.status.recall:.3f}  (tp {s.status.tp}, fp {s.status.fp}, fn {s.status.fn})",
    ]
    if verbose:
        lines += [f"  {e}" for e in s.errors]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--split", action="append", help="split(s) with a GOLD_DIR/initiatives/<split>.json; default seeds and dev")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every wrong or missed party and status")
    ap.add_argument("--ceiling", action="store_true",
                    help="instead: where the gold parties sit relative to their initiative's sentences "
                         "(gold mentions only), and what headline or next-sentence actors would add")
    args = ap.parse_args(argv)
    pooled = Score()
    splits = args.split or ["seeds", "dev"]
    for split in splits:
        if not (args.gold_dir / "initiatives" / f"{split}.json").exists():
            print(f"no initiative gold for {split} under {args.gold_dir / 'initiatives'}", file=sys.stderr)
            return 2
    if args.ceiling:
        total: dict[str, int] = {}
        for split in splits:
            for k, v in sentence_ceiling(args.gold_dir, split).items():
                total[k] = total.get(k, 0) + v
        n = sum(total[k] for k in ("same", "headline", "next", "elsewhere")) or 1
        print(f"== {'+'.join(splits)}: {n} gold parties; gold mentions, no extraction")
        for k in ("same", "headline", "next", "elsewhere"):
            print(f"{k:<10} {total[k]:>4}  {total[k] / n:.0%}")
        print(f"same-sentence actors that are not parties: {total['same_fp']}")
        print(f"adding headline actors: +{total['headline_tp']} right, +{total['headline_fp']} wrong; "
              f"next-sentence actors: +{total['next_tp']} right, +{total['next_fp']} wrong")
        return 0
        s = evaluate_split(args.gold_dir, split)
        pooled.add(s)
        print(format_score(split, s, args.verbose))
    if len(splits) > 1:
        print(format_score("pooled: " + "+".join(splits), pooled))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
