"""Validate the accords gold set.

    /work/main/.venv/bin/python tests/gold/_tools/check.py

Checks, for seeds/, dev/, heldout/, heldout2/, heldout3/, heldout4/, heldout5/, heldout6/, heldout7/, heldout8/, heldout9/, heldout10/, heldout11/, heldout12/, heldout13/, heldout14/, heldout15/, heldout16/, heldout17/, heldout18/, heldout19/, heldout20/, heldout21/, heldout22/, heldout23/, heldout24/, heldout25/, heldout26/ and heldout27/:
  * file sets: seeds have <stem>.txt/.meta.json/.ann.json and the raw page in <repo>/seeds/;
    dev/heldout/heldout2/heldout3/heldout4/heldout5/heldout6/heldout7/heldout8/heldout9/heldout10/heldout11/heldout12/heldout13/heldout14/heldout15/heldout16/heldout17/heldout18/heldout19/heldout20/heldout21/heldout22/heldout23/heldout24/heldout25/heldout26/heldout27 have <name>.txt (raw), .clean.txt, .meta.json, .ann.json;
  * meta.json: exactly {title, published_date, language}; date is YYYY-MM-DD (a real date) or null;
    title (when not null) is the first line of the clean text, followed by a blank line;
  * clean text: UTF-8, "\n" line ends only, ends with one "\n", no runs of 2+ blank lines,
    no trailing spaces, every clean line occurs as a line of the raw file (clean = raw minus clutter);
  * ann.json: text_file points at the clean text; each mention has start/end/surface/type/canonical
    (+ iso3 for countries, a valid ISO 3166-1 alpha-3 code), text[start:end] == surface,
    no duplicate spans, mentions sorted; non-English documents have no mentions;
  * completeness: every word-boundary occurrence of an annotated surface string is covered by
    some mention (itself or a longer mention containing it);
  * dev has 20 documents, heldout 10, heldout2 12, heldout3 12, heldout4 16, heldout5 12, heldout6 8, heldout7 8, heldout8 8, heldout9 8, heldout10 8, heldout11 8, heldout12 8, heldout13 8, heldout14 8, heldout15 8, heldout16 8, heldout17 8, heldout18 8, heldout19 8, heldout20 8, heldout21 8, heldout22 8, heldout23 8, heldout24 8, heldout25 8, heldout26 8, heldout27 8; English dev/heldout/heldout2/heldout3 clean texts
    have 150-400 words.
Exit status 1 on any error.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_lib import GOLD, TYPES, find_all  # noqa: E402

REPO = GOLD.parents[1]
errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def check_clean(name: str, text: str, raw: str | None, title: str | None) -> None:
    if "\r" in text:
        err(f"{name}: CR in clean text")
    if not text.endswith("\n") or text.endswith("\n\n"):
        err(f"{name}: clean text must end with exactly one newline")
    if "\n\n\n" in text:
        err(f"{name}: more than one blank line in a row")
    for ln in text.split("\n"):
        if ln != ln.rstrip():
            err(f"{name}: trailing whitespace in line {ln[:40]!r}")
    lines = text.split("\n")
    if title is not None and (lines[0] != title or lines[1] != ""):
        err(f"{name}: first line must be the title followed by a blank line")
    if raw is not None:
        raw_lines = set(raw.split("\n"))
        for ln in lines:
            if ln and ln not in raw_lines:
                err(f"{name}: clean line not found in raw: {ln[:60]!r}")


def check_meta(name: str, meta: dict) -> None:
    if set(meta) != {"title", "published_date", "language"}:
        err(f"{name}: meta keys {sorted(meta)}")
    d = meta.get("published_date")
    if d is not None:
        try:
            if dt.date.fromisoformat(d).isoformat() != d:
                raise ValueError
        except (ValueError, TypeError):
            err(f"{name}: bad published_date {d!r}")
    if meta.get("language") not in ("en", "fr", "es"):
        err(f"{name}: bad language {meta.get('language')!r}")
    if meta.get("title") is not None and not isinstance(meta["title"], str):
        err(f"{name}: bad title")


def check_ann(name: str, ann: dict, text: str, lang: str) -> int:
    ms = ann.get("mentions")
    if not isinstance(ms, list):
        err(f"{name}: mentions missing")
        return 0
    if lang != "en" and ms:
        err(f"{name}: non-English document must have no mentions")
    seen = set()
    prev = (-1, 0)
    for m in ms:
        keys = {"start", "end", "surface", "type", "canonical"} | ({"iso3"} if m.get("type") == "country" else set())
        if set(m) != keys:
            err(f"{name}: mention keys {sorted(m)} for {m.get('surface')!r}")
            continue
        s, e = m["start"], m["end"]
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            err(f"{name}: bad offsets {m}")
            continue
        if text[s:e] != m["surface"]:
            err(f"{name}: text[{s}:{e}]={text[s:e]!r} != surface {m['surface']!r}")
        if m["type"] not in TYPES:
            err(f"{name}: bad type {m['type']!r}")
        if not m["canonical"].strip():
            err(f"{name}: empty canonical for {m['surface']!r}")
        if m["type"] == "country" and pycountry.countries.get(alpha_3=m["iso3"]) is None:
            err(f"{name}: bad iso3 {m['iso3']!r}")
        if (s, e, m["type"]) in seen:
            err(f"{name}: duplicate mention {m['surface']!r}@{s}")
        seen.add((s, e, m["type"]))
        if (s, -e) < prev:
            err(f"{name}: mentions not sorted by (start, -end)")
        prev = (s, -e)
    # completeness: every occurrence of an annotated surface is covered
    spans = [(m["start"], m["end"]) for m in ms if isinstance(m.get("start"), int)]
    for surf in {m["surface"] for m in ms}:
        for i in find_all(text, surf):
            j = i + len(surf)
            if not any(s <= i and j <= e for s, e in spans):
                err(f"{name}: unannotated occurrence of {surf!r} at {i}")
    return len(ms)


def load(p: Path):
    return json.loads(p.read_text(encoding="utf-8"))


def main() -> int:
    n_docs = n_ment = 0
    # seeds
    sd = GOLD / "seeds"
    for meta_p in sorted(sd.glob("*.meta.json")):
        stem = meta_p.name[: -len(".meta.json")]
        name = f"seeds/{stem}"
        txt_p, ann_p, raw_p = sd / f"{stem}.txt", sd / f"{stem}.ann.json", REPO / "seeds" / f"{stem}.txt"
        for p in (txt_p, ann_p, raw_p):
            if not p.exists():
                err(f"{name}: missing {p}")
        if not (txt_p.exists() and ann_p.exists()):
            continue
        meta, ann = load(meta_p), load(ann_p)
        text = txt_p.read_text(encoding="utf-8")
        check_meta(name, meta)
        raw = raw_p.read_text(encoding="utf-8") if raw_p.exists() else None
        check_clean(name, text, raw, meta.get("title"))
        if ann.get("text_file") != txt_p.name:
            err(f"{name}: text_file should be {txt_p.name}")
        n_ment += check_ann(name, ann, text, meta.get("language"))
        n_docs += 1
    if n_docs != 5:
        err(f"seeds: expected 5 documents, found {n_docs}")
    # dev / heldout / heldout2 / heldout3 / heldout4 / heldout5 / heldout6 / heldout7 / heldout8 / heldout9 / heldout10 / heldout11 / heldout12 / heldout13 / heldout14 / heldout15 / heldout16 / heldout17 / heldout18 / heldout19 / heldout20 / heldout21 / heldout22 / heldout23 / heldout24 / heldout25 / heldout26 / heldout27
    for split, want in (("dev", 20), ("heldout", 10), ("heldout2", 12), ("heldout3", 12), ("heldout4", 16), ("heldout5", 12), ("heldout6", 8), ("heldout7", 8), ("heldout8", 8), ("heldout9", 8), ("heldout10", 8), ("heldout11", 8), ("heldout12", 8), ("heldout13", 8), ("heldout14", 8), ("heldout15", 8), ("heldout16", 8), ("heldout17", 8), ("heldout18", 8), ("heldout19", 8), ("heldout20", 8), ("heldout21", 8), ("heldout22", 8), ("heldout23", 8), ("heldout24", 8), ("heldout25", 8), ("heldout26", 8), ("heldout27", 8)):
        d = GOLD / split
        names = sorted({p.name.split(".")[0] for p in d.iterdir() if p.is_file()})
        if len(names) != want:
            err(f"{split}: expected {want} documents, found {len(names)}")
        for nm in names:
            name = f"{split}/{nm}"
            files = {ext: d / f"{nm}{ext}" for ext in (".txt", ".clean.txt", ".meta.json", ".ann.json")}
            missing = [e for e, p in files.items() if not p.exists()]
            if missing:
                err(f"{name}: missing {missing}")
                continue
            raw = files[".txt"].read_text(encoding="utf-8")
            text = files[".clean.txt"].read_text(encoding="utf-8")
            meta, ann = load(files[".meta.json"]), load(files[".ann.json"])
            check_meta(name, meta)
            if meta.get("title") is None:
                err(f"{name}: title must not be null")
            check_clean(name, text, raw, meta.get("title"))
            if ann.get("text_file") != f"{nm}.clean.txt":
                err(f"{name}: text_file should be {nm}.clean.txt")
            words = len(text.split())
            if not 150 <= words <= 400:
                err(f"{name}: {words} words (want 150-400)")
            n_ment += check_ann(name, ann, text, meta.get("language"))
            n_docs += 1
    for e in errors:
        print("ERROR", e)
    print(f"checked {n_docs} documents, {n_ment} mentions: {'FAIL' if errors else 'OK'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
