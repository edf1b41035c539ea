"""Extraction (or cleaning) alone, in ms a document: the gold texts and a synthetic corpus, one core.

``python -m benchmarks.extract_bench [--corpus DIR] [--rounds 5] [--against OLD_FIND_PY]
[--dump FILE]`` times :func:`accords.etl.extract.find.extract` (no profiler) over every gold
clean text (``tests/gold/*``, English only, as the evaluation runs them) and over the
normalised, cleaned texts of the corpus's English documents (the pipeline's own document step,
not timed). With ``--against`` another copy of ``find.py`` (say ``git show
REV:etl/extract/find.py > /tmp/find_old.py``) is loaded as a second module and the two are
timed in alternation, a block of documents at a time, in the same process: medians (and minima) of each and their ratio,
which a shared, noisy machine disturbs much less than two separate runs. ``--dump`` writes
every candidate of every text (one line per document), to compare two versions' output byte
for byte; with ``--against`` the two outputs are compared in memory and any difference fails.

``--stage clean`` times :func:`accords.etl.clean.clean` instead, over every raw gold page and
every corpus file (decoded and normalised as the pipeline does, not timed); ``--against`` is then
another ``furniture.py`` (``git show REV:etl/furniture.py``), run under a second copy of
``clean.py``. Each round starts with the line caches of both copies empty and lets them fill as
a worker's do over its documents; the cleaned documents of both must be equal.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
Extract = Callable[[str, Any], list[Any]]


def gold_texts(gold: Path) -> list[str]:
    """Every gold clean text of an English document, in split and name order."""
    from accords.etl.extract.evaluate import load_split

    splits = sorted(p.name for p in gold.iterdir() if p.is_dir() and not p.name.startswith("_"))
    return [d.text for s in splits for d in load_split(gold, s) if d.language == "en"]


def corpus_texts(corpus: Path, limit: int) -> list[str]:
    """The texts extraction sees for the corpus's first ``limit`` files (English documents)."""
    from accords.etl import ingest
    from accords.etl.engine import read_batch
    from accords.etl.pipeline import EXTRACT_LANGUAGES, process_file

    entries = ingest.discover(corpus)[:limit]
    out = []
    for rec in read_batch(corpus, entries).to_pylist():
        doc = process_file(ingest.RawFile(rec["source_path"], rec["data"], rec["size"],
                                          rec["error_code"], rec["error"])).document
        if doc is not None and doc["language"] in EXTRACT_LANGUAGES:
            out.append(doc["text"])
    return out


def load_find(path: Path) -> ModuleType:
    """Another copy of find.py as its own module (its own gazetteer cache)."""
    spec = importlib.util.spec_from_file_location(f"find_{abs(hash(str(path)))}", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up by name
    spec.loader.exec_module(mod)
    return mod


def raw_texts(gold: Path, corpus: Path | None, limit: int) -> dict[str, list[str]]:
    """What the cleaner sees: every raw gold page and the corpus's first ``limit`` files,
    decoded and normalised as :func:`accords.etl.document.process_file` does."""
    from accords.etl.decode import Rejected, decode
    from accords.etl.normalize import normalize

    def texts(paths: Sequence[Path]) -> list[str]:
        out = []
        for path in paths:
            try:
                out.append(normalize(decode(path.read_bytes()).text))
            except Rejected:
                continue
        return out

    pages = [p for p in sorted(gold.glob("*/*.txt")) if not p.name.endswith(".clean.txt")]
    sets = {"gold pages": texts(pages)}
    if corpus is not None and corpus.is_dir():
        sets[corpus.name] = texts(sorted(corpus.rglob("*.txt"))[:limit])
    return sets


def load_cleaner(furniture_py: Path) -> ModuleType:
    """A second copy of clean.py that runs on another furniture.py (its own line caches)."""
    from accords.etl import clean, furniture

    other = load_find(furniture_py)  # any module file loads the same way
    sys.modules["accords.etl.furniture"] = other  # what the copy's imports bind to
    try:
        return load_find(Path(clean.__file__))
    except ImportError as exc:
        raise SystemExit(f"extract_bench: {furniture_py} lacks what this clean.py imports ({exc}); "
                         "compare furniture.py versions that share clean.py") from None
    finally:
        sys.modules["accords.etl.furniture"] = furniture


def clear_line_caches(cleaner: ModuleType) -> None:
    """Empty the per-line caches of the furniture module ``cleaner`` classifies lines with."""
    furniture = sys.modules[cleaner.is_junk.__module__]
    for value in vars(furniture).values():
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()


def outputs_of(extract: Extract, texts: Sequence[str], kb: Any) -> list[str]:
    """Each document's candidates as one line."""
    return [repr(extract(t, kb)) for t in texts]


def timed_round(impls: dict[str, Extract], texts: Sequence[str], kb: Any, block: int,
                flip: bool) -> dict[str, float]:
    """Wall-clock seconds of each implementation over ``texts``, taken in alternation block by
    block (``block`` documents), so that both see the same load on a shared machine."""
    names = list(reversed(impls)) if flip else list(impls)
    secs = dict.fromkeys(impls, 0.0)
    gc.collect()
    for b in range(0, len(texts), block):
        chunk = texts[b:b + block]
        for name in names:
            fn = impls[name]
            t0 = time.perf_counter()
            for t in chunk:
                fn(t, kb)
            secs[name] += time.perf_counter() - t0
        names.reverse()
    return secs


def main(argv: Sequence[str]) -> int:
    ap = argparse.ArgumentParser(prog="extract_bench")
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold")
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/accords-bench/corpus-1000"))
    ap.add_argument("--limit", type=int, default=1000, help="corpus files to use")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--block", type=int, default=20, help="documents timed in a row before switching")
    ap.add_argument("--stage", choices=("extract", "clean"), default="extract")
    ap.add_argument("--against", type=Path,
                    help="another find.py (--stage clean: another furniture.py), timed in alternation")
    ap.add_argument("--dump", type=Path, help="write every document's candidates here")
    ap.add_argument("--json", type=Path, help="also write the result here")
    args = ap.parse_args(argv)

    kb: Any = None
    resets: list[Callable[[], None]] = []
    impls: dict[str, Extract]
    if args.stage == "clean":
        from accords.etl import clean

        sets = raw_texts(args.gold, args.corpus, args.limit)
        cleaners = {"current": clean, **({"against": load_cleaner(args.against)} if args.against else {})}
        impls = {name: (lambda t, _kb, c=c: [c.clean(t)]) for name, c in cleaners.items()}
        resets = [lambda c=c: clear_line_caches(c) for c in cleaners.values()]
    else:
        from accords.etl.extract import find
        from accords.etl.extract import kb as kb_mod

        kb = kb_mod.cached(())
        sets = {"gold": gold_texts(args.gold)}
        if args.corpus.is_dir():
            sets[args.corpus.name] = corpus_texts(args.corpus, args.limit)
        impls = {"current": find.extract}
        if args.against:
            impls["against"] = load_find(args.against).extract
    times: dict[str, dict[str, list[float]]] = {i: {s: [] for s in sets} for i in impls}
    outputs: dict[str, dict[str, list[str]]] = {i: {} for i in impls}
    for name, fn in impls.items():  # warm-up: builds each module's gazetteer, fills caches
        for s, texts in sets.items():
            outputs[name][s] = outputs_of(fn, texts, kb)
    for r in range(args.rounds):
        for s, texts in sets.items():
            for reset in resets:  # cleaning: every round starts as a new worker does
                reset()
            for name, secs in timed_round(impls, texts, kb, args.block, r % 2 == 1).items():
                times[name][s].append(secs)
    res: dict[str, Any] = {"rounds": args.rounds, "docs": {s: len(t) for s, t in sets.items()}}
    for name in impls:
        res[name] = {s: round(1000 * statistics.median(v) / len(sets[s]), 3) for s, v in times[name].items()}
        res[name + "_min"] = {s: round(1000 * min(v) / len(sets[s]), 3) for s, v in times[name].items()}
        res[name + "_all_ms_per_doc"] = {s: [round(1000 * x / len(sets[s]), 3) for x in v]
                                         for s, v in times[name].items()}
    status = 0
    if args.against:
        res["ratio_against_over_current"] = {s: round(res["against"][s] / res["current"][s], 2) for s in sets}
        res["ratio_of_minima"] = {s: round(res["against_min"][s] / res["current_min"][s], 2) for s in sets}
        same = {s: outputs["current"][s] == outputs["against"][s] for s in sets}
        res["same_output"] = same
        status = 0 if all(same.values()) else 1
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for s in sets:
                for line in outputs["current"][s]:
                    fh.write(line + "\n")
    text = json.dumps(res, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
