"""Stable identifiers: content hashes, so the same input always gets the same id."""

from __future__ import annotations

import hashlib


def _h(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def document_id(text: str) -> str:
    """Id of a document: a hash of its normalised text (same content -> same id)."""
    return "doc_" + _h(text)


def entity_id(key: str) -> str:
    """Id of an entity: a hash of its key (``country:chn``, ``person:faisal-mekdad``)."""
    return "ent_" + _h(key)


def mention_id(document_id: str, start: int, end: int, entity_id: str) -> str:
    """Id of a mention: a hash of where it is and what it names."""
    return "men_" + _h(f"{document_id}:{start}:{end}:{entity_id}")
