"""Helpers shared by test modules (importable because pytest puts tests/ on the path)."""

from __future__ import annotations

from accords.etl.extract import kb as kb_mod
from accords.etl.extract.find import extract


def spans(text: str, kb: kb_mod.KnowledgeBase) -> dict[str, tuple[str, str]]:
    """What the extractor finds in ``text``: surface -> (type, canonical)."""
    return {c.surface: (c.entity_type, c.canonical) for c in extract(text, kb)}


def found(text: str, kb: kb_mod.KnowledgeBase) -> dict[str, tuple[str, str | None]]:
    """What the extractor finds in ``text``: surface -> (type, knowledge-base key or None)."""
    return {c.surface: (c.entity_type, c.key) for c in extract(text, kb)}
