"""Where the per-document ("process") stage spends its time: cProfile over a sample, one core.

``python -m benchmarks.profile_docs CORPUS [--sample 1000]`` runs the engine's pure function
(:func:`accords.etl.engine.read_batch` + :func:`~accords.etl.engine.process_batch`, chunks
of 64 files, the compiled KB loaded beforehand) under cProfile and prints the milliseconds
per document spent inside each area of the code (self time of its functions plus the builtins
they call, regex searches included, so the areas add up to the total) and the top functions by self time. Used for docs/scaling.md's
"Where the time goes"; the numbers are a single core's, with profiling overhead.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
from pathlib import Path

#: Areas by source file (first match wins); everything else is "other".
AREAS: tuple[tuple[str, str], ...] = (
    ("etl/extract/", "extraction (etl/extract)"),
    ("/dedupe.py", "MinHash signature (dedupe)"),
    ("datasketch", "MinHash signature (dedupe)"),
    ("/clean.py", "cleaning (clean, furniture)"),
    ("/furniture.py", "cleaning (clean, furniture)"),
    ("/normalize.py", "normalisation"),
    ("ftfy", "normalisation"),
    ("unicodedata", "normalisation"),
    ("/dates.py", "dates"),
    ("dateparser", "dates"),
    ("/language.py", "language"),
    ("/decode.py", "decode"),
    ("charset_normalizer", "decode"),
    ("/ingest.py", "read (ingest)"),
    ("/engine.py", "engine (rows to Arrow)"),
    ("pyarrow", "engine (rows to Arrow)"),
    ("/document.py", "document assembly"),
    ("/ids.py", "document assembly"),
)


def area(filename: str) -> str:
    for needle, name in AREAS:
        if needle in filename:
            return name
    if filename.startswith("~"):
        return "builtins called from the driver loop"
    return "other (polars, stdlib, ...)"


def profile(corpus: Path, sample: int) -> dict[str, object]:
    from accords.etl import ingest
    from accords.etl.engine import process_batch, read_batch
    from accords.etl.extract import kb as kb_mod

    kb_mod.cached(())  # load once, outside the profile (workers do it at start-up)
    entries = ingest.discover(corpus)[:sample]
    prof = cProfile.Profile()
    prof.enable()
    for i in range(0, len(entries), 64):
        process_batch(read_batch(corpus, entries[i:i + 64]))
    prof.disable()
    stats = pstats.Stats(prof)
    n = max(len(entries), 1)
    by_area: dict[str, float] = {}
    funcs = []
    for (filename, line, name), (_cc, _nc, tt, _ct, callers) in stats.stats.items():  # type: ignore[attr-defined]
        if filename.startswith("~") and callers:
            # A builtin (regex search, str methods, hashing) counts for the code that called it.
            for (cfile, _cl, _cn), edge in callers.items():
                by_area[area(cfile)] = by_area.get(area(cfile), 0.0) + edge[2]
        else:
            by_area[area(filename)] = by_area.get(area(filename), 0.0) + tt
        funcs.append((tt, f"{Path(filename).name}:{line}({name})" if not filename.startswith("~") else name))
    total = sum(by_area.values())
    funcs.sort(reverse=True)
    return {
        "docs": len(entries),
        "total_ms_per_doc": round(1000 * total / n, 3),
        "ms_per_doc_by_area": {k: round(1000 * v / n, 3) for k, v in sorted(by_area.items(), key=lambda kv: -kv[1])},
        "top_functions_ms_per_doc": [[f, round(1000 * t / n, 3)] for t, f in funcs[:25]],
    }


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="profile_docs")
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--sample", type=int, default=1000)
    ap.add_argument("--json", type=Path, help="also write the result here")
    args = ap.parse_args(argv)
    res = profile(args.corpus, args.sample)
    text = json.dumps(res, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
