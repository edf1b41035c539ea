"""Score extraction against the hand-annotated gold set.

``python -m accords.etl.extract.evaluate GOLD_DIR [--split dev|heldout|seeds]``
runs :func:`find.extract` + :func:`resolve.resolve` on each gold clean text
(not the raw file, so cleaning errors do not count against extraction) and
prints precision/recall/F1 for mentions (exact span + type) and for entities
(one per document and identity: iso3 for countries, else normalised canonical
name or any alias), per type, per document and overall. Documents whose gold
language is not English are skipped, as the pipeline does.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

TYPES = ("country", "organization", "person", "location", "initiative")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str
    type: str
    canonical: str
    iso3: str | None = None


@dataclass
class Doc:
    split: str
    name: str
    text: str
    language: str
    gold: list[Mention] = field(default_factory=list)


@dataclass
class Entity:
    """One entity of one document: what identity matching compares."""

    type: str
    canonical: str
    iso3: str | None
    aliases: set[str]


def load_split(gold_dir: Path, split: str) -> list[Doc]:
    """Every annotated document of one split, sorted by name."""
    docs = []
    for ann_path in sorted((gold_dir / split).glob("*.ann.json")):
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        name = ann_path.name[: -len(".ann.json")]
        text = (ann_path.parent / ann["text_file"]).read_text(encoding="utf-8")
        meta_path = ann_path.parent / f"{name}.meta.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        gold = [Mention(m["start"], m["end"], m["surface"], m["type"], m["canonical"],
                        m.get("iso3")) for m in ann["mentions"]]
        docs.append(Doc(split, name, text, meta.get("language") or "en", gold))
    return docs


def norm(name: str) -> str:
    """Lowercase ascii words: how names are compared (quotes, dashes, 'the' ignored)."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", " ", ascii_).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def entities_of(mentions: Iterable[Mention]) -> list[Entity]:
    """Group a document's mentions into entities by (type, canonical)."""
    by: dict[tuple[str, str], Entity] = {}
    for m in mentions:
        e = by.setdefault((m.type, m.canonical), Entity(m.type, m.canonical, m.iso3, set()))
        e.aliases.add(m.surface)
    return list(by.values())


def same_entity(a: Entity, b: Entity) -> bool:
    if a.type != b.type:
        return False
    if a.type == "country":
        return bool(a.iso3) and a.iso3 == b.iso3
    names_a = {norm(a.canonical)} | {norm(s) for s in a.aliases}
    names_b = {norm(b.canonical)} | {norm(s) for s in b.aliases}
    return bool(names_a & names_b - {""})


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocScore:
    name: str
    mentions: dict[str, Counts]
    entities: dict[str, Counts]
    missed: list[str]
    spurious: list[str]


def score_doc(name: str, gold: Sequence[Mention], pred: Sequence[Mention]) -> DocScore:
    """Mention and entity counts per type for one document."""
    mentions = {t: Counts() for t in TYPES}
    gspans = {(m.start, m.end, m.type) for m in gold}
    pspans = {(m.start, m.end, m.type) for m in pred}
    for s in gspans | pspans:
        c = mentions[s[2]]
        if s in gspans and s in pspans:
            c.tp += 1
        elif s in gspans:
            c.fn += 1
        else:
            c.fp += 1
    entities = {t: Counts() for t in TYPES}
    gold_e, pred_e = entities_of(gold), entities_of(pred)
    used: set[int] = set()
    missed = []
    for g in gold_e:
        hit = next((i for i, p in enumerate(pred_e) if i not in used and same_entity(g, p)), None)
        if hit is None:
            entities[g.type].fn += 1
            missed.append(f"{g.type}:{g.canonical}")
        else:
            used.add(hit)
            entities[g.type].tp += 1
    spurious = []
    for i, p in enumerate(pred_e):
        if i not in used:
            entities[p.type].fp += 1
            spurious.append(f"{p.type}:{p.canonical}")
    return DocScore(name, mentions, entities, missed, spurious)


Predictor = Callable[[Sequence[Doc]], dict[str, list[Mention]]]


def predict_accords(docs: Sequence[Doc]) -> dict[str, list[Mention]]:
    """accords' own extraction + resolution; mentions carry the resolved canonical."""
    from accords.etl.extract import kb as kb_mod
    from accords.etl.extract.find import extract
    from accords.etl.extract.resolve import DocCandidates, resolve

    kb = kb_mod.cached()
    cands = [DocCandidates(d.name, None, tuple(extract(d.text, kb))) for d in docs]
    res = resolve(cands)
    ents = {r["entity_id"]: r for r in res.entities.iter_rows(named=True)}
    out: dict[str, list[Mention]] = defaultdict(list)
    for r in res.mentions.iter_rows(named=True):
        e = ents[r["entity_id"]]
        out[r["document_id"]].append(Mention(r["start_char"], r["end_char"], r["surface"],
                                             str(e["entity_type"]), e["canonical_name"], e["iso3"]))
    return out


@dataclass
class Report:
    docs: list[DocScore]
    mentions: dict[str, Counts]
    entities: dict[str, Counts]
    seconds: float
    chars: int

    @property
    def mention_total(self) -> Counts:
        return _total(self.mentions)

    @property
    def entity_total(self) -> Counts:
        return _total(self.entities)


def _total(by_type: dict[str, Counts]) -> Counts:
    t = Counts()
    for c in by_type.values():
        t.add(c)
    return t


def evaluate(docs: Sequence[Doc], predictor: Predictor = predict_accords) -> Report:
    """Score ``predictor`` on the English documents of ``docs``."""
    english = [d for d in docs if d.language == "en"]
    predictor(english[:1])  # warm-up: build the per-process gazetteer outside the timing
    t0 = time.perf_counter()
    pred = predictor(english)
    seconds = time.perf_counter() - t0
    scores = [score_doc(d.name, d.gold, pred.get(d.name, [])) for d in english]
    mentions = {t: Counts() for t in TYPES}
    entities = {t: Counts() for t in TYPES}
    for s in scores:
        for t in TYPES:
            mentions[t].add(s.mentions[t])
            entities[t].add(s.entities[t])
    return Report(scores, mentions, entities, seconds, sum(len(d.text) for d in english))


def _row(label: str, c: Counts) -> str:
    return f"{label:<14} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}  {c.tp:4d} {c.fp:4d} {c.fn:4d}"


def format_table(by_type: dict[str, Counts]) -> list[str]:
    """P/R/F1 and counts per type and overall, one line each under a header line."""
    head = f"{'':<14} {'P':>6} {'R':>6} {'F1':>6}  {'tp':>4} {'fp':>4} {'fn':>4}"
    return [head, *(_row(t, by_type[t]) for t in TYPES), _row("overall", _total(by_type))]


def format_report(title: str, rep: Report, verbose: bool = False) -> str:
    lines = [f"== {title}: {len(rep.docs)} documents"]
    for what, table in (("mentions (exact span + type)", rep.mentions), ("entities (per document)", rep.entities)):
        lines += [f"-- {what}", *format_table(table)]
    lines += ["-- per document (entity P R F1 | mention F1)"]
    for s in rep.docs:
        e, m = _total(s.entities), _total(s.mentions)
        lines.append(f"{s.name:<22} {e.precision:.3f} {e.recall:.3f} {e.f1:.3f} | {m.f1:.3f}")
        if verbose:
            lines += [f"    missed   {x}" for x in s.missed]
            lines += [f"    spurious {x}" for x in s.spurious]
    if rep.docs:
        per_kb = 1000 * rep.seconds / max(rep.chars / 1000, 1e-9)
        lines.append(f"-- time: {1000 * rep.seconds / len(rep.docs):.2f} ms/doc, "
                     f"{per_kb:.2f} ms per 1 kB (incl. resolution)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--split", action="append",
                    help="split(s) to score, folders of gold_dir; default: seeds and dev (heldout only when asked)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list missed/spurious entities")
    args = ap.parse_args(argv)
    splits = args.split or ["seeds", "dev"]
    reports = []
    for split in splits:
        docs = load_split(args.gold_dir, split)
        if not docs:
            print(f"no documents under {args.gold_dir / split}", file=sys.stderr)
            return 2
        reports.append(evaluate(docs))
        print(format_report(split, reports[-1], args.verbose))
    if len(reports) > 1:
        print(format_pooled(splits, reports))
    return 0


def format_pooled(splits: Sequence[str], reports: Sequence[Report]) -> str:
    """Entity counts summed over several splits: the figure for "all the unseen splits"."""
    by_type = {t: Counts() for t in TYPES}
    for rep in reports:
        for t in TYPES:
            by_type[t].add(rep.entities[t])
    docs = sum(len(r.docs) for r in reports)
    lines = [f"== pooled: {'+'.join(splits)} ({docs} documents)", "-- entities (per document)"]
    return "\n".join(lines + format_table(by_type))


if __name__ == "__main__":
    raise SystemExit(main())
