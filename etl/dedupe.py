"""Duplicate detection across accepted documents.

Exact duplicates share a ``document_id`` (it hashes the normalised text). The
first file in sorted ``source_path`` order is kept; later ones become
``duplicate`` rows of ``sources`` pointing at the kept document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Duplicate:
    """A document that repeats another: which one it repeats, and how."""

    source_path: str
    kept_document_id: str
    code: str  # sources.reason_code: exact_duplicate or near_duplicate
    reason: str


def find_duplicates(docs: Sequence[tuple[str, str, str]]) -> dict[str, Duplicate]:
    """Map source_path -> Duplicate for every (source_path, document_id, text) that repeats
    an earlier one. ``docs`` must be in the stable order (sorted by source_path)."""
    first: dict[str, str] = {}
    out: dict[str, Duplicate] = {}
    for path, doc_id, _text in docs:
        if doc_id in first:
            out[path] = Duplicate(path, doc_id, "exact_duplicate",
                                  f"same normalised text as {first[doc_id]}")
        else:
            first[doc_id] = path
    return out
