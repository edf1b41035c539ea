"""Where the driver's memory goes: RSS per pipeline stage, not just the process peak.

``python -m benchmarks.memprofile CORPUS OUT [--cache FROM_OUT]`` runs ``accords run`` in this
process and prints, for every stage lap, the RSS when the lap ended and the highest RSS
*during* the lap (the kernel's high-water mark, reset at each lap through
``/proc/self/clear_refs``, so a stage's figure is its own and not the cumulative peak the
bench reports). ``--cache`` copies ``FROM_OUT/.cache`` (result segments only) into ``OUT``
first, so the global steps of a big corpus can be measured in a minute instead of the
per-document work's ten. Linux only (reads ``/proc/self/status``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any


def _status_mb(field: str) -> float:
    """A ``/proc/self/status`` memory field (``VmRSS``, ``VmHWM``) in MB."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _reset_peak() -> bool:
    """Reset the RSS high-water mark (``echo 5 > /proc/self/clear_refs``); False if not allowed."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


class StageMemory(dict[str, float]):
    """Stage timings (what ``run(timings=...)`` fills) that also record, per lap, the RSS at
    the lap's end and the peak during it. A stage lapped several times (the bucket loop)
    keeps its highest peak."""

    def __init__(self) -> None:
        super().__init__()
        self.laps: list[dict[str, Any]] = []
        self.peak: dict[str, float] = {}
        self.resets = _reset_peak()

    def __setitem__(self, stage: str, seconds: float) -> None:
        super().__setitem__(stage, seconds)
        import sys

        import pyarrow as pa

        hwm, rss = _status_mb("VmHWM"), _status_mb("VmRSS")
        # Python blocks and Arrow's pool, to tell live Python objects from native memory;
        # anonymous memory (heaps) apart from file pages (mostly the libraries' code: polars,
        # pyarrow and DuckDB map ~170 MB, constant at any corpus size).
        self.laps.append({"stage": stage, "rss_mb": round(rss, 1), "peak_mb": round(hwm, 1),
                          "anon_mb": round(_status_mb("RssAnon"), 1), "file_mb": round(_status_mb("RssFile"), 1),
                          "py_blocks_k": sys.getallocatedblocks() // 1000,
                          "arrow_mb": round(pa.total_allocated_bytes() / 2**20, 1)})
        self.peak[stage] = max(self.peak.get(stage, 0.0), hwm)
        _reset_peak()


def _seed_cache(src_out: Path, out: Path) -> None:
    """Copy the result segments (not the stat or dedupe index, not bucket summaries)."""
    shutil.rmtree(out, ignore_errors=True)
    (out / ".cache").mkdir(parents=True)
    for d in (src_out / ".cache").iterdir():
        if d.is_dir() and d.name.startswith("x"):
            shutil.copytree(d, out / ".cache" / d.name)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="memprofile")
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--cache", type=Path, help="seed OUT/.cache with the result segments of this output")
    ap.add_argument("--keep", action="store_true", help="keep OUT as it is (an incremental run)")
    ap.add_argument("--laps", action="store_true", help="print every lap, not only per-stage peaks")
    args = ap.parse_args(argv)
    if args.cache:
        _seed_cache(args.cache, args.out)
    elif not args.keep:
        shutil.rmtree(args.out, ignore_errors=True)
    from accords.etl.pipeline import run

    mem = StageMemory()
    t = time.perf_counter()
    run(args.corpus, args.out, timings=mem)
    seconds = time.perf_counter() - t
    if args.laps:
        for lap in mem.laps:
            print(json.dumps(lap))
    print(json.dumps({"seconds": round(seconds, 1), "clear_refs": mem.resets,
                      "stage_seconds": {k: round(v, 1) for k, v in mem.items()},
                      "stage_peak_mb": {k: round(v) for k, v in mem.peak.items()},
                      "process_peak_mb": round(max(mem.peak.values(), default=0.0))}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
