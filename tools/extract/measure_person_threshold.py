"""Measure the rapidfuzz threshold that merges spelling variants of one person.

    .venv/bin/python tools/extract/measure_person_threshold.py

Positives: a known person's canonical name against each alias that is a
spelling variant (same number of words, no title). Negatives: every pair of
two different known people that the matcher would compare (same bucket, similar
surnames). A threshold is safe when it is above every negative; it is useful
when it is below most positives. Prints both and the share kept at each step.
"""

from __future__ import annotations

import itertools

from accords.etl.extract import find, lexicon
from accords.etl.extract.kb import load
from rapidfuzz import fuzz


def pairs() -> tuple[list[tuple[float, str, str]], list[tuple[float, str, str]]]:
    kb = load(places=False)
    people = [e for e in kb.entries.values() if e.entity_type == "person"]
    pos = []
    for e in people:
        a = find._norm_name(e.canonical_name)
        for alias in e.aliases:
            b = find._norm_name(alias)
            if len(a.split()) != len(b.split()) or any(w in lexicon.TITLE_HEADS for w in alias.split()):
                continue
            if a != b:
                pos.append((fuzz.ratio(a, b), e.canonical_name, alias))
    neg = []
    names = [(find._norm_name(e.canonical_name), e.canonical_name) for e in people]
    for (a, na), (b, nb) in itertools.combinations(names, 2):
        if a[:2] == b[:2] and find._same_surname(a, b):
            neg.append((fuzz.ratio(a, b), na, nb))
    return sorted(pos), sorted(neg, reverse=True)


def main() -> None:
    pos, neg = pairs()
    print(f"{len(pos)} variant pairs, {len(neg)} different-people pairs compared")
    print("lowest variant scores:", [(round(s, 1), a, b) for s, a, b in pos[:5]])
    print("highest different-people scores:", [(round(s, 1), a, b) for s, a, b in neg[:5]])
    for t in (80, 84, 86, 88, 90, 92, 95):
        kept = sum(s >= t for s, _, _ in pos) / max(len(pos), 1)
        wrong = sum(s >= t for s, _, _ in neg)
        print(f"threshold {t}: variants merged {kept:.2f}, different people merged {wrong}")
    print(f"in use: {find.PERSON_MATCH_THRESHOLD}")


if __name__ == "__main__":
    main()
