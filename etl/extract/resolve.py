"""Cross-document resolution: candidates from every document -> entities, mentions, initiatives.

One real-world entity gets one ``entity_id`` across all documents: knowledge-base
candidates by their key, pattern candidates by a key derived from type and
canonical name. This is the only extraction step that sees the whole corpus.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import polars as pl
from accords.etl.extract.candidates import Candidate
from accords.etl.ids import entity_id, mention_id
from accords.schemas.enums import INITIATIVE_STATUSES, INITIATIVE_TYPES

_PREFIX = {"country": "country", "organization": "org", "person": "person",
           "location": "loc", "initiative": "init"}
_ACTOR_TYPES = {"country", "organization"}


@dataclass(frozen=True)
class DocCandidates:
    """One document's candidates, with what resolution needs to know about the document."""

    document_id: str
    published_date: dt.date | None
    candidates: Sequence[Candidate] = field(default_factory=tuple)


@dataclass(frozen=True)
class Resolved:
    entities: pl.DataFrame
    mentions: pl.DataFrame
    initiatives: pl.DataFrame


def slug(name: str) -> str:
    """ascii, lowercase, '-'-joined words: the stable part of a pattern entity's key."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "x"


def candidate_key(c: Candidate) -> str:
    return c.key or f"{_PREFIX[c.entity_type]}:{slug(c.canonical)}"


def initiative_type(subtype: str | None) -> str:
    value = (subtype or "").strip().lower().replace(" ", "_").replace("-", "_")
    return value if value in INITIATIVE_TYPES else "other"


def resolve(docs: Sequence[DocCandidates]) -> Resolved:
    """Merge every document's candidates into the three extraction tables."""
    info: dict[str, dict[str, object]] = {}
    surfaces: dict[str, set[str]] = defaultdict(set)
    mention_rows: dict[str, dict[str, object]] = {}
    sentence_actors: dict[tuple[str, int], set[str]] = defaultdict(set)
    initiative_sentences: dict[str, set[tuple[str, int]]] = defaultdict(set)
    statuses: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        for c in doc.candidates:
            key = candidate_key(c)
            eid = entity_id(key)
            if key not in info:
                info[key] = {"type": c.entity_type, "canonical": c.canonical, "iso3": c.iso3,
                             "subtype": c.subtype, "acronym": c.acronym,
                             "source": "knowledge_base" if c.key else "pattern"}
            surfaces[key].add(c.surface)
            mid = mention_id(doc.document_id, c.start, c.end, eid)
            mention_rows[mid] = {
                "mention_id": mid, "document_id": doc.document_id, "entity_id": eid,
                "start_char": c.start, "end_char": c.end, "surface": c.surface,
                "method": c.method, "sentence_index": c.sentence_index,
            }
            if c.entity_type in _ACTOR_TYPES:
                sentence_actors[(doc.document_id, c.sentence_index)].add(eid)
            if c.entity_type == "initiative":
                initiative_sentences[key].add((doc.document_id, c.sentence_index))
                if c.status:
                    statuses[key].append(c.status)

    mentions = pl.DataFrame(
        list(mention_rows.values()),
        schema={"mention_id": pl.Utf8, "document_id": pl.Utf8, "entity_id": pl.Utf8,
                "start_char": pl.Int64, "end_char": pl.Int64, "surface": pl.Utf8,
                "method": pl.Utf8, "sentence_index": pl.Int64},
    )
    counts = mentions.group_by("entity_id").agg(
        pl.len().cast(pl.Int64).alias("mention_count"),
        pl.col("document_id").n_unique().cast(pl.Int64).alias("document_count"),
    )
    entities = pl.DataFrame(
        [
            {"entity_id": entity_id(k), "entity_type": v["type"], "canonical_name": v["canonical"],
             "aliases": sorted(surfaces[k] | {str(v["canonical"])}), "iso3": v["iso3"],
             "entity_key": k, "source": v["source"], "subtype": v["subtype"]}
            for k, v in info.items()
        ],
        schema={"entity_id": pl.Utf8, "entity_type": pl.Utf8, "canonical_name": pl.Utf8,
                "aliases": pl.List(pl.Utf8), "iso3": pl.Utf8, "entity_key": pl.Utf8,
                "source": pl.Utf8, "subtype": pl.Utf8},
    ).join(counts, on="entity_id", how="left")

    dates = {d.document_id: d.published_date for d in docs}
    rows = []
    for key, where in initiative_sentences.items():
        v = info[key]
        eid = entity_id(key)
        doc_ids = sorted({d for d, _ in where},
                         key=lambda d: (dates[d] is None, dates[d] or dt.date.min, d))
        parties = set().union(*(sentence_actors[w] for w in where)) - {eid}
        status = sorted(set(statuses[key]), key=INITIATIVE_STATUSES.index)
        rows.append({
            "initiative_id": eid, "name": v["canonical"], "acronym": v["acronym"],
            "initiative_type": initiative_type(str(v["subtype"]) if v["subtype"] else None),
            "status": status[-1] if status else None, "parties": sorted(parties),
            "first_document_id": doc_ids[0], "first_seen_date": dates[doc_ids[0]],
            "document_count": len(doc_ids),
        })
    initiatives = pl.DataFrame(
        rows,
        schema={"initiative_id": pl.Utf8, "name": pl.Utf8, "acronym": pl.Utf8,
                "initiative_type": pl.Utf8, "status": pl.Utf8, "parties": pl.List(pl.Utf8),
                "first_document_id": pl.Utf8, "first_seen_date": pl.Date,
                "document_count": pl.Int64},
    )
    return Resolved(entities, mentions, initiatives)
