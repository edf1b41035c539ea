"""The record passed from per-document extraction to cross-document resolution."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """A span of a document's text that names an entity, before resolution.

    ``key`` is the knowledge-base key when the entity is known (``country:chn``),
    else None and resolution derives one from ``entity_type`` and ``canonical``.
    Offsets are Python str indices into the document's normalised text, and
    ``text[start:end] == surface`` always holds.
    """

    start: int
    end: int
    surface: str
    entity_type: str  # one of schemas.enums.ENTITY_TYPES
    canonical: str
    method: str  # one of schemas.enums.MENTION_METHODS
    key: str | None = None
    sentence_index: int = 0
    subtype: str | None = None  # initiative_type for initiatives
    iso3: str | None = None
    acronym: str | None = None
    status: str | None = None  # initiative status where the sentence says it
    parties: tuple[str, ...] = ()  # keys of co-occurring actors (initiatives)
