"""Per-document extraction: normalised text -> candidate entity spans.

v0: longest-match lookup of knowledge-base names over word tokens, plus
acronyms defined in parentheses. Pure and deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from accords.etl.extract.candidates import Candidate
from accords.etl.extract.kb import Entry, KnowledgeBase

_TOKEN = re.compile(r"\w+(?:[’'.-]\w+)*|[^\w\s]")
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"(])|\n+")
_MAX_TOKENS = 10


class Gazetteer:
    """Token-tuple lookup of every surface form in a knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.forms: dict[tuple[str, ...], Entry] = {}
        for form, entry in kb.surface_forms():
            toks = tuple(m.group(0) for m in _TOKEN.finditer(form))
            if toks and len(toks) <= _MAX_TOKENS:
                self.forms.setdefault(toks, entry)

    def matches(self, text: str) -> Iterator[tuple[int, int, Entry]]:
        tokens = list(_TOKEN.finditer(text))
        i = 0
        while i < len(tokens):
            for n in range(min(_MAX_TOKENS, len(tokens) - i), 0, -1):
                key = tuple(t.group(0) for t in tokens[i : i + n])
                entry = self.forms.get(key)
                if entry is not None:
                    yield tokens[i].start(), tokens[i + n - 1].end(), entry
                    i += n
                    break
            else:
                i += 1


_GAZETTEERS: dict[str, Gazetteer] = {}


def gazetteer(kb: KnowledgeBase) -> Gazetteer:
    if kb.digest not in _GAZETTEERS:
        _GAZETTEERS[kb.digest] = Gazetteer(kb)
    return _GAZETTEERS[kb.digest]


def sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE.finditer(text)]


def extract(text: str, kb: KnowledgeBase) -> list[Candidate]:
    """Candidate spans in ``text`` (sorted by offset)."""
    import bisect

    starts = sentence_starts(text)
    out = []
    for start, end, entry in gazetteer(kb).matches(text):
        out.append(
            Candidate(
                start=start,
                end=end,
                surface=text[start:end],
                entity_type=entry.entity_type,
                canonical=entry.canonical_name,
                method="knowledge_base",
                key=entry.key,
                sentence_index=bisect.bisect_right(starts, start) - 1,
                subtype=entry.subtype,
                iso3=entry.iso3,
                acronym=entry.acronym,
            )
        )
    return sorted(out, key=lambda c: (c.start, c.end, c.canonical))
