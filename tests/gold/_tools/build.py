"""Build the gold set from tests/gold/_tools/src/.

    /work/main/.venv/bin/python tests/gold/_tools/build.py

seeds/:  <stem>.txt (clean article), <stem>.meta.json, <stem>.ann.json
every other split (dev/, heldout/, heldout2/, ...): <name>.txt (raw), <name>.clean.txt, <name>.meta.json, <name>.ann.json
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_lib import GOLD, SRC, annotate, parse_rows, parse_src, render, splits, write_json, write_text  # noqa: E402

REPO = GOLD.parents[1]
SEED_RAW = [REPO / "seeds", Path("/work/shared/seeds")]

# Which raw lines (0-based) of each seed are article text; everything else is clutter.
# headline: index of the headline line, or None when the page carries no headline.
SEEDS = {
    "000_ecf736e56f4d7481": dict(keep="all", headline=0, date=None),
    # no headline on the page: the first line is the lede; lines 1/13/24/35 are section headings
    "001_360714d64b266035": dict(keep=range(0, 37), headline=None, date=None),
    # 0 = breadcrumb "Home > News", 13 = "Suggest To A Friend"
    "002_5c115200f76f7232": dict(keep=range(1, 13), headline=1, date=None),
    # 0-3 site name / weather widget / page-view date, 4 breadcrumb+headline, 8 "Date:",
    # 10-18 "Related stories" block, 58 "Latest stories"
    "003_cc49a73b74afb00a": dict(keep=[6, *range(20, 57)], headline=6, date=None),
    # 0-1 date header, 5 "Story Code", 6 duplicated headline, 14 "Comment", 17+ "Featured Stories"
    "004_1bc02226fd175b00": dict(keep=[3, 7, 9, 11, 13], headline=3, date="2023-04-30"),
}


def seed_raw(stem: str) -> str:
    for d in SEED_RAW:
        p = d / f"{stem}.txt"
        if p.exists():
            return p.read_text(encoding="utf-8")
    raise FileNotFoundError(stem)


def build_seed(stem: str, cfg: dict) -> tuple[str, dict, str]:
    lines = seed_raw(stem).split("\n")
    keep = range(len(lines)) if cfg["keep"] == "all" else cfg["keep"]
    keep = [i for i in keep if lines[i].strip()]
    blocks: list[list[str]] = []
    prev = None
    for i in keep:
        ln = lines[i]
        is_list = ln.startswith("- ") or ln.startswith("|")
        if blocks and prev == i - 1 and is_list and (
            blocks[-1][-1].startswith("- ") == ln.startswith("- ")
            and blocks[-1][-1].startswith("|") == ln.startswith("|")
        ):
            blocks[-1].append(ln)
        else:
            blocks.append([ln])
        prev = i
    clean = "\n\n".join("\n".join(b) for b in blocks) + "\n"
    title = lines[cfg["headline"]] if cfg["headline"] is not None else None
    if title is not None:
        assert clean.split("\n", 1)[0] == title
    meta = {"title": title, "published_date": cfg["date"], "language": "en"}
    return clean, meta, stem


def main() -> None:
    out = GOLD / "seeds"
    out.mkdir(exist_ok=True)
    for stem, cfg in SEEDS.items():
        clean, meta, _ = build_seed(stem, cfg)
        write_text(out / f"{stem}.txt", clean)
        write_json(out / f"{stem}.meta.json", meta)
        ents = SRC / "seeds" / f"{stem}.ents"
        rows = parse_rows(ents.read_text(encoding="utf-8"), str(ents)) if ents.exists() else []
        write_json(out / f"{stem}.ann.json",
                   {"text_file": f"{stem}.txt", "mentions": annotate(clean, rows, stem)})
    for split in (s for s in splits() if s != "seeds"):
        od = GOLD / split
        od.mkdir(exist_ok=True)
        for src in sorted((SRC / split).glob("*.src")):
            doc = parse_src(src)
            raw, clean = render(doc)
            title = clean.split("\n", 1)[0]
            write_text(od / f"{doc.name}.txt", raw)
            write_text(od / f"{doc.name}.clean.txt", clean)
            write_json(od / f"{doc.name}.meta.json",
                       {"title": title, "published_date": doc.date, "language": doc.lang})
            write_json(od / f"{doc.name}.ann.json",
                       {"text_file": f"{doc.name}.clean.txt",
                        "mentions": annotate(clean, doc.rows, str(src))})
    print("built")


if __name__ == "__main__":
    main()
