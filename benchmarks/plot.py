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

    runs = sorted((json.loads(p.read_text()) for p in RESULTS.glob("bench-*.json")), key=lambda r: r["docs"])
    print("| docs | floor s | full s | ratio | docs/s | peak RSS MB | incremental % | 2-core speed-up |")
    print("|---|---|---|---|---|---|---|---|")
    for r in runs:
        s = r["summary"]
        print(f"| {r['docs']} | {s['floor_s']:.2f} | {s['full_s']:.1f} | {s['ratio_to_floor']:.0f}x | "
              f"{s['docs_per_s']:.1f} | {s['peak_rss_mb']:.0f} | {s.get('incremental_pct_of_full', 0):.1f} | "
              f"{s.get('speedup_2_vs_1', 0):.2f} |")
    fig, (a, b) = plt.subplots(1, 2, figsize=(9, 3.5))
    docs = [r["docs"] for r in runs]
    a.loglog(docs, [r["summary"]["full_s"] for r in runs], "o-", label="accords run")
    a.loglog(docs, [r["summary"]["floor_s"] for r in runs], "s--", label="I/O floor")
    a.set_xlabel("documents")
    a.set_ylabel("seconds (median)")
    a.legend()
    b.semilogx(docs, [r["summary"]["peak_rss_mb"] for r in runs], "o-")
    b.axhline(1024, color="red", linestyle=":", label="1 GiB budget")
    b.set_xlabel("documents")
    b.set_ylabel("peak RSS per process (MB)")
    b.legend()
    fig.tight_layout()
    fig.savefig(RESULTS / "scaling.png", dpi=120)


if __name__ == "__main__":
    main()
