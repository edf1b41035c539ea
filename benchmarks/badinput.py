"""Bad input at scale (#7): a 200 MB single-line file, 100k tiny files, a folder with 1M entries.

Each case builds its input folder (once; kept under ``--work``), runs ``accords run`` on it
in a fresh subprocess, and records the wall time, the peak RSS of the run's process and of
its worker processes, and whether the published ``sources`` table has one row per input
file with the expected statuses. Results: ``benchmarks/results/badinput.json``.

    python -m benchmarks.badinput                      # all three cases
    python -m benchmarks.badinput --cases bigline tiny # some of them
    python -m benchmarks.badinput --tiny 2000 --million 20000   # scaled down (quick)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def build_bigline(folder: Path, megabytes: int = 200) -> dict[str, Any]:
    """One ``megabytes`` MB file with no newline (words and punctuation), next to the seeds."""
    if not (folder / "big.txt").exists():
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.copytree(SEEDS, tmp)
        rng = random.Random(0)
        words = SEEDS.joinpath(sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text("utf-8").split()
        block = " ".join(rng.choice(words) for _ in range(200_000)).encode()  # ~1.3 MB, no newline
        with open(tmp / "big.txt", "wb") as fh:
            written = 0
            while written < megabytes * 1_000_000:
                fh.write(block)
                written += len(block)
        shutil.rmtree(folder, ignore_errors=True)
        tmp.rename(folder)
    seeds = sorted(p.name for p in SEEDS.glob("*.txt"))
    return {"files": len(seeds) + 1, "expect": {"big.txt": ("rejected", "too_large")},
            "expect_status": {"accepted": len(seeds), "rejected": 1}}


def build_tiny(folder: Path, n: int) -> dict[str, Any]:
    """``n`` tiny files (one short distinct line each), 1,000 per sub-folder."""
    marker = folder.with_name(folder.name + f".complete-{n}")
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for i in range(n):
            sub = folder / f"{i // 1000:04d}"
            if i % 1000 == 0:
                sub.mkdir()
            (sub / f"t{i:07d}.txt").write_bytes(f"Talks resume in round {i}.\n".encode())
        marker.touch()
    return {"files": n, "expect_status": {"accepted": n}}


def build_million(folder: Path, n: int) -> dict[str, Any]:
    """One folder with ``n`` entries: empty files (each a ``rejected``/``empty`` sources row)."""
    marker = folder.with_name(folder.name + f".complete-{n}")
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
        for i in range(n):
            os.close(os.open(folder / f"e{i:07d}", flags, 0o644))
        marker.touch()
    return {"files": n, "expect_status": {"rejected": n}, "expect_reason": {"empty": n}}


_RUN = """
import json, resource, sys, time
from accords.etl.pipeline import run
from benchmarks.bench import _StagePeaks
timings = _StagePeaks()
t = time.perf_counter()
result = run(sys.argv[1], sys.argv[2], timings=timings)
print(json.dumps({"seconds": time.perf_counter() - t, "stages": dict(timings), "rows": result.row_counts,
                  "stage_peak_rss_mb": timings.peaks,
                  "sources_by_status": result.sources_by_status,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "peak_rss_workers_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def run_case(name: str, folder: Path, spec: dict[str, Any], out: Path) -> dict[str, Any]:
    shutil.rmtree(out, ignore_errors=True)
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _RUN, str(folder), str(out)], capture_output=True,
                          text=True, cwd=ROOT)
    wall = time.perf_counter() - t
    res: dict[str, Any] = {"case": name, "files": spec["files"], "wall_s": wall, "exit_code": proc.returncode}
    if proc.returncode != 0:
        res["error"] = proc.stderr[-3000:]
        res["ok"] = False
        return res
    res.update(json.loads(proc.stdout.strip().splitlines()[-1]))
    import polars as pl
    from accords.etl.store import read_table

    src = read_table(out, "sources")
    assert isinstance(src, pl.DataFrame)
    checks = {"one_row_per_file": src.height == spec["files"],
              "statuses": res["sources_by_status"] == spec["expect_status"]}
    for path, (status, code) in spec.get("expect", {}).items():
        row = src.filter(pl.col("source_path") == path).to_dicts()
        checks[f"{path} {status}/{code}"] = bool(row) and (row[0]["status"], row[0]["reason_code"]) == (status, code)
        if row:
            res[f"reason[{path}]"] = row[0]["reason"]
    for code, n in spec.get("expect_reason", {}).items():
        checks[f"{n} x {code}"] = src.filter(pl.col("reason_code") == code).height == n
    res["checks"] = checks
    res["ok"] = all(checks.values())
    return res


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="badinput")
    ap.add_argument("--cases", nargs="*", default=["bigline", "tiny", "million"])
    ap.add_argument("--megabytes", type=int, default=200)
    ap.add_argument("--tiny", type=int, default=100_000)
    ap.add_argument("--million", type=int, default=1_000_000)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "accords-badinput")
    ap.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "results" / "badinput.json")
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    builders = {
        "bigline": lambda: build_bigline(args.work / f"bigline-{args.megabytes}mb", args.megabytes),
        "tiny": lambda: build_tiny(args.work / f"tiny-{args.tiny}", args.tiny),
        "million": lambda: build_million(args.work / f"entries-{args.million}", args.million),
    }
    folders = {"bigline": f"bigline-{args.megabytes}mb", "tiny": f"tiny-{args.tiny}",
               "million": f"entries-{args.million}"}
    results = json.loads(args.results.read_text("utf-8")) if args.results.exists() else {}
    for case in args.cases:
        t = time.perf_counter()
        spec = builders[case]()
        build_s = time.perf_counter() - t
        res = run_case(case, args.work / folders[case], spec, args.work / f"out-{case}")
        res["build_s"] = build_s
        results[case] = res
        print(json.dumps({k: v for k, v in res.items() if k not in ("stages", "error")}, default=str))
        if "error" in res:
            print(res["error"], file=sys.stderr)
        args.results.parent.mkdir(parents=True, exist_ok=True)
        args.results.write_text(json.dumps(results, indent=2, sort_keys=True, default=str) + "\n", "utf-8")
    return 0 if all(r.get("ok") for r in results.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
