"""Deterministic synthetic corpus from the seeds: re-mixed sentences, swapped names and dates.

Same (seeds, n, seed) -> byte-identical files. Generation is a few string
operations per document (about 20k documents a second), so building a 100k
corpus does not dominate a benchmark.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
#: Names swapped for each other, so entity mentions move between documents.
NAMES = ("China", "Kenya", "Brazil", "India", "France", "Germany", "Japan", "Egypt", "Mexico",
         "Nigeria", "Canada", "Indonesia", "Turkey", "Chile", "Vietnam", "Ethiopia")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def _material(seeds: Path) -> tuple[list[str], list[str]]:
    titles, sentences = [], []
    for path in sorted(seeds.glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        if lines:
            titles.append(lines[0])
        for ln in lines[1:]:
            sentences.extend(s for s in _SENT.split(ln) if len(s.split()) >= 4)
    return titles, sentences


def generate(seeds: Path, out: Path, n: int, seed: int = 0) -> Path:
    """Write ``n`` documents under ``out`` (1000 per sub-folder); returns ``out``."""
    titles, sentences = _material(seeds)
    name_re = re.compile(r"\b(" + "|".join(NAMES) + r")\b")
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        swap = dict(zip(NAMES, rng.sample(NAMES, len(NAMES)), strict=True))
        body = rng.sample(sentences, min(len(sentences), rng.randint(8, 24)))
        paras = [" ".join(body[j:j + 4]) for j in range(0, len(body), 4)]
        date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2015, 2025)}"
        text = f"{rng.choice(titles)}\n\n{date}\n\n" + "\n\n".join(paras) + "\n"
        text = name_re.sub(lambda m, s=swap: s[m.group(1)], text)  # type: ignore[misc]
        sub = out / f"{i // 1000:04d}"
        if i % 1000 == 0:
            sub.mkdir(exist_ok=True)
        (sub / f"doc-{i:07d}.txt").write_text(text, encoding="utf-8")
    return out
