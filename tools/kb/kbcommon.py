"""Shared helpers for the accords knowledge-base build/check scripts."""
from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KB_DIR = ROOT / "etl" / "kb"
COLUMNS = ["key", "entity_type", "canonical_name", "aliases", "iso3", "subtype", "acronym", "parties"]
PREFIX = {
    "country": "country",
    "org": "organization",
    "person": "person",
    "loc": "location",
    "init": "initiative",
}


def slug(text: str) -> str:
    """Lowercase ascii slug: 'Côte d'Ivoire' -> 'cote-divoire'."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    t = t.lower().replace("'", "").replace("\u2019", "")
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t


def join(items) -> str:
    out: list[str] = []
    seen: set[str] = set()
    for it in items:
        it = (it or "").strip()
        if it and it not in seen:
            seen.add(it)
            out.append(it)
    return "|".join(out)


def write_rows(path: Path, rows: list[dict]) -> None:
    rows = sorted(rows, key=lambda r: r["key"])
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in COLUMNS})


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
