"""Benchmark harness: I/O floor vs the full pipeline, per stage, with peak RSS.

Every measurement runs in a fresh subprocess (``python -m benchmarks.bench one ...``)
so peak RSS is that run's own (``ru_maxrss`` of the process and, separately, of
its pool workers). The floor is measured on the same corpus in the same session:
read every file, decode UTF-8, NFC-normalise, write one zstd Parquet of (path, text).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent


def floor(corpus: Path, out: Path) -> dict[str, Any]:
    """The I/O floor: what any pipeline over these files must at least do."""
    from accords.etl import ingest

    t0 = time.perf_counter()
    paths, texts, nbytes = [], [], 0
    for e in ingest.discover(corpus):
        data = (corpus / e.source_path).read_bytes()
        nbytes += len(data)
        paths.append(e.source_path)
        texts.append(unicodedata.normalize("NFC", data.decode("utf-8", errors="replace")))
    pq.write_table(pa.table({"path": paths, "text": texts}), out / "floor.parquet", compression="zstd")
    return {"seconds": time.perf_counter() - t0, "docs": len(paths), "bytes": nbytes}


class _StagePeaks(dict[str, float]):
    """Stage timings that also note the process's peak RSS (MB) when each stage ends, so a
    result says which stage set the peak (the pipeline adds to a stage several times)."""

    def __init__(self) -> None:
        super().__init__()
        self.peaks: dict[str, float] = {}

    def __setitem__(self, stage: str, seconds: float) -> None:
        super().__setitem__(stage, seconds)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.peaks.setdefault(stage, peak)
        if peak > max(self.peaks.values()) - 1e-9:
            self.peaks[stage] = peak


def pipeline(corpus: Path, out: Path, workers: int, engine: str = "local") -> dict[str, Any]:
    from accords.etl.pipeline import run

    timings = _StagePeaks()
    t0 = time.perf_counter()
    result = run(corpus, out, engine=engine, workers=workers, timings=timings)
    return {"seconds": time.perf_counter() - t0, "stages": dict(timings), "stage_peak_rss_mb": timings.peaks,
            "rows": result.row_counts, "version": result.version_id}


def stage_profile(corpus: Path, sample: int = 200) -> dict[str, float]:
    """Milliseconds per document of each per-document stage, one core, on a sample."""
    from accords.etl import ingest
    from accords.etl.clean import clean
    from accords.etl.decode import Rejected, decode
    from accords.etl.document import process_file
    from accords.etl.extract import kb as kb_mod
    from accords.etl.extract.find import extract
    from accords.etl.normalize import normalize

    kb = kb_mod.cached(())
    entries = ingest.discover(corpus)[:sample]
    acc = {"read": 0.0, "decode": 0.0, "normalise+clean": 0.0, "document(all text stages)": 0.0, "extract": 0.0}
    n = 0
    for e in entries:
        t = time.perf_counter()
        raw = ingest.read(corpus, e)
        t1 = time.perf_counter()
        try:
            d = decode(raw.data or b"")
        except Rejected:
            continue
        t2 = time.perf_counter()
        clean(normalize(d.text))
        t3 = time.perf_counter()
        doc = process_file(raw).document
        t4 = time.perf_counter()
        if doc is not None:
            extract(doc["text"], kb)
        t5 = time.perf_counter()
        n += 1
        for k, v in zip(acc, (t1 - t, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
            acc[k] += v
    return {k: 1000 * v / max(n, 1) for k, v in acc.items()}


def _one(kind: str, corpus: str, out: str, workers: int, engine: str) -> None:
    c, o = Path(corpus), Path(out)
    if kind == "warmkb":
        from accords.etl.extract import kb as kb_mod

        t = time.perf_counter()
        kb_mod.cached(())
        res = {"seconds": time.perf_counter() - t}
    elif kind == "floor":
        res = floor(c, o)
    elif kind == "profile":
        res = {"ms_per_doc": stage_profile(c)}
    else:
        res = pipeline(c, o, workers, engine)
    res["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    res["peak_rss_workers_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(res, default=str))


def measure(kind: str, corpus: Path, out: Path, workers: int = 0, engine: str = "local") -> dict[str, Any]:
    """One measurement in a fresh interpreter."""
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench", "one", kind, str(corpus), str(out), str(workers), engine],
        check=True, capture_output=True, text=True, cwd=ROOT)
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def bench_size(n: int, repeats: int, workers: int, seed: int, work: Path,
               speedup_max: int = 20_000) -> dict[str, Any]:
    """Floor, full run, 1-worker run (speed-up), and incremental (+1 file) on an ``n``-doc corpus."""
    from benchmarks.synth import generate

    corpus = work / f"corpus-{n}"
    if not corpus.exists():
        t = time.perf_counter()
        generate(ROOT / "seeds", corpus, n, seed)
        gen = time.perf_counter() - t
    else:
        gen = 0.0
    res: dict[str, Any] = {"docs": n, "seed": seed, "workers": workers or os.cpu_count(), "generate_s": gen}
    # The compiled KB is built once per KB and extractor version (then every worker loads it
    # in a fraction of a second); build it before timing, so run 1 is like runs 2 and 3.
    res["kb_warm_s"] = measure("warmkb", corpus, work)["seconds"]
    floors, fulls = [], []
    for _ in range(repeats):
        o = work / "o-floor"
        shutil.rmtree(o, ignore_errors=True)
        o.mkdir()
        floors.append(measure("floor", corpus, o))
        o = work / "o-full"
        shutil.rmtree(o, ignore_errors=True)
        fulls.append(measure("run", corpus, o, workers))
    res["floor"] = floors
    res["full"] = fulls
    med_floor = statistics.median(f["seconds"] for f in floors)
    med_full = statistics.median(f["seconds"] for f in fulls)
    mb = floors[0]["bytes"] / 1e6
    res["summary"] = {
        "floor_s": med_floor, "full_s": med_full, "ratio_to_floor": med_full / med_floor,
        "docs_per_s": n / med_full, "mb_per_s": mb / med_full, "floor_docs_per_s": n / med_floor,
        "peak_rss_mb": max(max(f["peak_rss_mb"], f["peak_rss_workers_mb"]) for f in fulls),
    }
    # Incremental: add one file to the corpus and re-run on the last full run's output.
    extra = corpus / "zz-added" / "one.txt"
    extra.parent.mkdir(exist_ok=True)
    extra.write_text((ROOT / "seeds" / "004_1bc02226fd175b00.txt").read_text(encoding="utf-8") + "\nAdded.\n",
                     encoding="utf-8")
    try:
        inc = measure("run", corpus, work / "o-full", workers)
    finally:
        shutil.rmtree(extra.parent)
    res["incremental"] = inc
    res["summary"]["incremental_s"] = inc["seconds"]
    res["summary"]["incremental_pct_of_full"] = 100 * inc["seconds"] / med_full
    if workers != 1 and n <= speedup_max:  # a 1-worker run at 100k takes as long as the rest
        o = work / "o-1w"
        shutil.rmtree(o, ignore_errors=True)
        one = measure("run", corpus, o, 1)
        res["one_worker"] = one
        res["summary"]["speedup_2_vs_1"] = one["seconds"] / med_full
    res["profile"] = measure("profile", corpus, work)
    return res


def main(argv: list[str]) -> int:
    """``bench [sizes...] [--repeats N] [--workers N] [--seed N] [--work DIR]``; or ``one ...`` internally."""
    if argv and argv[0] == "one":
        _one(argv[1], argv[2], argv[3], int(argv[4]), argv[5])
        return 0
    import argparse

    ap = argparse.ArgumentParser(prog="bench")
    ap.add_argument("sizes", nargs="*", type=int, default=[1000])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "accords-bench")
    ap.add_argument("--tag", default="", help="results go to bench-<n>-<tag>.json (default bench-<n>.json)")
    ap.add_argument("--speedup-max", type=int, default=20_000,
                    help="measure the 1-worker run (speed-up) only up to this many documents")
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    for n in args.sizes:
        res = bench_size(n, args.repeats, args.workers, args.seed, args.work, args.speedup_max)
        path = ROOT / "benchmarks" / "results" / f"bench-{n}{'-' + args.tag if args.tag else ''}.json"
        path.write_text(json.dumps(res, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
        print(json.dumps({"docs": n, **res["summary"]}, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
