"""The record passed from per-document extraction to cross-document resolution."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


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
    #: (start, end) of the actor mentions of this document that are the initiative's parties
    #: (initiatives only); resolution turns them into entity ids.
    party_spans: tuple[tuple[int, int], ...] = ()

    def row(self) -> dict[str, Any]:
        """The candidate as one row of plain values (what the cache and resolution store):
        the fields by name, each party span as ``{"start", "end"}``.

        Not dataclasses.asdict: it deep-copies every value (2 ms a document)."""
        out = {name: getattr(self, name) for name in _FIELDS}
        out["party_spans"] = [{"start": a, "end": b} for a, b in self.party_spans]
        return out


_FIELDS = tuple(f.name for f in fields(Candidate))
