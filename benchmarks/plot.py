"""Plot benchmarks/results/bench-*.json: seconds and peak RSS against corpus size."""

from __future__ import annotations

import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def main() -> None:
    """Write results/scaling.png and print a Markdown table."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    # Only the current figures (bench-<docs>.json), not saved earlier ones (bench-<docs>-<label>.json).
    current = [p for p in RESULTS.glob("bench-*.json") if p.stem.removeprefix("bench-").isdigit()]
    runs = sorted((json.loads(p.read_text()) for p in current), key=lambda r: r["docs"])
    print("| docs | runs | floor s | full s | ratio | docs/s | peak RSS MB (driver / worker) | "
          "incremental s (%) | incremental peak RSS MB | 2-core speed-up |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in runs:
        s = r["summary"]
        drv = max(f["peak_rss_mb"] for f in r["full"])
        wrk = max(f["peak_rss_workers_mb"] for f in r["full"])
        speed = f"{s['speedup_2_vs_1']:.2f}" if "speedup_2_vs_1" in s else "not measured"
        print(f"| {r['docs']:,} | {len(r['full'])} | {s['floor_s']:.2f} | {s['full_s']:.1f} | "
              f"{s['ratio_to_floor']:.1f}x | {s['docs_per_s']:.0f} | {drv:.0f} / {wrk:.0f} | "
              f"{s['incremental_s']:.1f} ({s['incremental_pct_of_full']:.1f} %) | "
              f"{r['incremental']['peak_rss_mb']:.0f} | {speed} |")
    fig, (a, b) = plt.subplots(1, 2, figsize=(9, 3.5))
    docs = [r["docs"] for r in runs]
    a.loglog(docs, [r["summary"]["full_s"] for r in runs], "o-", label="accords run")
    a.loglog(docs, [r["summary"]["floor_s"] for r in runs], "s--", label="I/O floor")
    a.set_xlabel("documents")
    a.set_ylabel("seconds (median)")
    a.legend()
    b.semilogx(docs, [max(f["peak_rss_mb"] for f in r["full"]) for r in runs], "o-", label="driver process")
    b.semilogx(docs, [max(f["peak_rss_workers_mb"] for f in r["full"]) for r in runs], "s--",
               label="largest worker process")
    b.semilogx(docs, [r["incremental"]["peak_rss_mb"] for r in runs], "^:", label="driver, +1 file re-run")
    b.axhline(1024, color="red", linestyle=":", label="1 GiB budget")
    b.set_xlabel("documents")
    b.set_ylabel("peak RSS per process (MB)")
    b.legend()
    fig.tight_layout()
    fig.savefig(RESULTS / "scaling.png", dpi=120)


if __name__ == "__main__":
    main()
