"""Cross-document resolution: candidates from every document -> entities, mentions, initiatives.

One real-world entity gets one ``entity_id`` across all documents: knowledge-base
candidates by their key, pattern candidates by a key derived from type and
canonical name. This is the only extraction step that sees the whole corpus.

The work is columnar. The pipeline hands over its documents with their ``candidates``
column (a list of structs per document, as the result cache stores it); that column is
exploded into one flat frame of candidate rows and the three tables are polars
group-bys over it. Python runs per *distinct* value only: a slug per distinct
canonical name, an ``entity_id`` per distinct key; mention ids, one per row, are hashed
by DuckDB (:func:`accords.etl.ids.mention_ids`). The row-by-row version of this step
(a Python loop over Candidate objects building dicts, one sha256 per id) took 55 s at
100k documents; :func:`resolve` keeps its interface for callers that hold Candidates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import polars as pl
from accords.etl.extract.candidates import Candidate
from accords.etl.ids import entity_id, mention_ids, slug
from accords.schemas.enums import INITIATIVE_STATUSES, INITIATIVE_TYPES

_PREFIX = {"country": "country", "organization": "org", "person": "person",
           "location": "loc", "initiative": "init"}
_ACTOR_TYPES = ("country", "organization")

_SPAN = pl.Struct({"start": pl.Int64(), "end": pl.Int64()})
#: The candidate fields resolution reads.
CANDIDATE_SCHEMA = pl.Schema({
    "start": pl.Int64(), "end": pl.Int64(), "surface": pl.Utf8(), "entity_type": pl.Utf8(),
    "canonical": pl.Utf8(), "method": pl.Utf8(), "key": pl.Utf8(), "sentence_index": pl.Int64(),
    "subtype": pl.Utf8(), "iso3": pl.Utf8(), "acronym": pl.Utf8(), "status": pl.Utf8(),
    "party_spans": pl.List(_SPAN),
})
#: What :func:`resolve_candidates` takes: one row per document.
DOCS_SCHEMA = pl.Schema({
    "document_id": pl.Utf8(), "published_date": pl.Date(),
    "candidates": pl.List(pl.Struct(CANDIDATE_SCHEMA)),
})
MENTION_SCHEMA = pl.Schema({
    "mention_id": pl.Utf8(), "document_id": pl.Utf8(), "entity_id": pl.Utf8(),
    "start_char": pl.Int64(), "end_char": pl.Int64(), "surface": pl.Utf8(),
    "method": pl.Utf8(), "sentence_index": pl.Int64(),
})
ENTITY_SCHEMA = pl.Schema({
    "entity_id": pl.Utf8(), "entity_type": pl.Utf8(), "canonical_name": pl.Utf8(),
    "aliases": pl.List(pl.Utf8), "iso3": pl.Utf8(), "entity_key": pl.Utf8(),
    "source": pl.Utf8(), "subtype": pl.Utf8(), "mention_count": pl.Int64(),
    "document_count": pl.Int64(),
})
INITIATIVE_SCHEMA = pl.Schema({
    "initiative_id": pl.Utf8(), "name": pl.Utf8(), "acronym": pl.Utf8(),
    "initiative_type": pl.Utf8(), "status": pl.Utf8(), "parties": pl.List(pl.Utf8),
    "first_document_id": pl.Utf8(), "first_seen_date": pl.Date(), "document_count": pl.Int64(),
})


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


def candidate_key(c: Candidate) -> str:
    return c.key or f"{_PREFIX[c.entity_type]}:{slug(c.canonical)}"


def initiative_type(subtype: str | None) -> str:
    value = (subtype or "").strip().lower().replace(" ", "_").replace("-", "_")
    return value if value in INITIATIVE_TYPES else "other"


def resolve(docs: Sequence[DocCandidates]) -> Resolved:
    """Merge every document's candidates into the three extraction tables.

    For callers holding Candidate objects (evaluation, tests, the in-memory pipeline):
    the documents become a :data:`DOCS_SCHEMA` frame and :func:`resolve_candidates` runs.
    """
    frame = pl.DataFrame(
        {
            "document_id": [d.document_id for d in docs],
            "published_date": [d.published_date for d in docs],
            "candidates": [[{name: row[name] for name in CANDIDATE_SCHEMA} for row in map(Candidate.row, d.candidates)]
                           for d in docs],
        },
        schema=DOCS_SCHEMA,
    )
    return resolve_candidates(frame)


def resolve_candidates(docs: pl.DataFrame) -> Resolved:
    """Merge every document's candidates into the three extraction tables, on columns.

    ``docs`` has ``document_id``, ``published_date`` and ``candidates`` (a list of structs
    with at least the :data:`CANDIDATE_SCHEMA` fields), one row per document. Rows come
    out in the order the row-by-row code produced them: mentions and entities by first
    occurrence (documents in ``docs`` order, candidates in list order), initiatives by
    their first initiative candidate.
    """
    flat = _with_ids(_explode(docs))
    mentions = _mentions(flat)
    entities = _entities(flat, mentions)
    initiatives = _initiatives(flat, _dates(docs))
    return Resolved(entities, mentions, initiatives)


def _explode(docs: pl.DataFrame) -> pl.DataFrame:
    """One row per candidate, documents in order and each one's candidates in order."""
    return (
        docs.lazy()
        .select("document_id", "candidates")
        .filter(pl.col("candidates").list.len() > 0)  # explode turns an empty list into a null row
        .explode("candidates")
        .unnest("candidates")
        .select("document_id", *CANDIDATE_SCHEMA)
        .cast(CANDIDATE_SCHEMA)  # a cached column may carry wider or null-typed fields
        .collect()
    )


def _with_ids(flat: pl.DataFrame) -> pl.DataFrame:
    """Add each row's entity key (``key``), ``source`` and ``entity_id``.

    A candidate without a knowledge-base key (null or empty, as ``c.key or ...`` read it)
    gets ``<type prefix>:<slug of canonical>``; slugs are computed once per distinct
    canonical name and ids once per distinct key, not once per row.
    """
    known = pl.col("key").is_not_null() & (pl.col("key") != "")
    pattern = flat.filter(~known)
    unknown_types = set(pattern["entity_type"].unique().to_list()) - _PREFIX.keys()
    if unknown_types:  # the row-by-row code failed here too (a KeyError in _PREFIX)
        raise KeyError(f"no key prefix for entity type(s) {sorted(map(str, unknown_types))}")
    slugs = {name: slug(name) for name in pattern["canonical"].unique().to_list()}
    derived = pl.concat_str(
        pl.col("entity_type").replace_strict(_PREFIX, default=None),
        pl.lit(":"),
        pl.col("canonical").replace_strict(slugs, default=None, return_dtype=pl.Utf8),
    )
    flat = flat.with_columns(
        pl.when(known).then(pl.lit("knowledge_base")).otherwise(pl.lit("pattern")).alias("source"),
        pl.when(known).then(pl.col("key")).otherwise(derived).alias("key"),
    )
    ids = {key: entity_id(key) for key in flat["key"].unique().to_list()}
    return flat.with_columns(pl.col("key").replace_strict(ids, return_dtype=pl.Utf8).alias("entity_id"))


def _mentions(flat: pl.DataFrame) -> pl.DataFrame:
    """One row per mention id; a repeated id keeps its first row's place and its last
    row's values (the row-by-row code assigned into a dict keyed by mention id)."""
    rows = flat.select(
        "document_id", "entity_id",
        pl.col("start").alias("start_char"), pl.col("end").alias("end_char"),
        "surface", "method", "sentence_index",
    )
    rows = rows.with_columns(mention_ids(rows)).select(*MENTION_SCHEMA)
    if rows["mention_id"].n_unique() != rows.height:
        rows = rows.group_by("mention_id", maintain_order=True).agg(pl.all().last())
    return rows.cast(MENTION_SCHEMA)


def _entities(flat: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """One row per key in order of first appearance, described by that first candidate;
    aliases are every surface of the key plus the canonical name, sorted."""
    first = flat.group_by("key", maintain_order=True).agg(
        pl.col("entity_id", "entity_type", "canonical", "iso3", "source", "subtype").first(),
        pl.col("surface").append(pl.col("canonical").first()).unique().sort().alias("aliases"),
    )
    counts = mentions.group_by("entity_id").agg(
        pl.len().cast(pl.Int64).alias("mention_count"),
        pl.col("document_id").n_unique().cast(pl.Int64).alias("document_count"),
    )
    return first.select(
        "entity_id", "entity_type", pl.col("canonical").alias("canonical_name"), "aliases",
        "iso3", pl.col("key").alias("entity_key"), "source", "subtype",
    ).join(counts, on="entity_id", how="left", maintain_order="left").cast(ENTITY_SCHEMA)


def _dates(docs: pl.DataFrame) -> pl.DataFrame:
    """Each document's date; a document listed twice has its last listing's date (as the
    row-by-row code's dict had)."""
    return docs.select("document_id", "published_date").unique("document_id", keep="last")


def _initiatives(flat: pl.DataFrame, dates: pl.DataFrame) -> pl.DataFrame:
    """One row per initiative key, in order of its first initiative candidate.

    Name, acronym and type come from the key's first candidate of any type (as for its
    entity row); the status is the furthest along in INITIATIVE_STATUSES that any of its
    sentences states; the first document is the earliest dated one (undated last, then
    by id); parties are the union, over every mention, of the actors (countries,
    organisations) extraction named as its parties (see ``find._party_spans``).
    """
    init = flat.filter(pl.col("entity_type") == "initiative")
    if init.is_empty():
        return pl.DataFrame(schema=INITIATIVE_SCHEMA)
    rank = {s: i for i, s in enumerate(INITIATIVE_STATUSES)}
    # An empty status counts as none (``if c.status``); an unknown one fails, as .index did.
    init = init.join(dates, on="document_id", how="left", maintain_order="left").with_columns(
        pl.when(pl.col("status") != "").then(pl.col("status"))
        .replace_strict(rank, return_dtype=pl.Int64).alias("_rank"))
    earliest = [pl.col("published_date").is_null(), "published_date", "document_id"]
    per_key = init.group_by("key", maintain_order=True).agg(
        pl.col("entity_id").first().alias("initiative_id"),
        pl.col("_rank").max(),
        pl.col("document_id").sort_by(earliest).first().alias("first_document_id"),
        pl.col("published_date").sort_by(earliest).first().alias("first_seen_date"),
        pl.col("document_id").n_unique().cast(pl.Int64).alias("document_count"),
    )
    named = flat.group_by("key").agg(pl.col("canonical", "acronym", "subtype").first())
    subtypes = named["subtype"].drop_nulls().unique().to_list()
    types = {s: initiative_type(s) for s in subtypes}
    statuses = dict(enumerate(INITIATIVE_STATUSES))
    return (
        per_key.join(named, on="key", how="left", maintain_order="left")
        .join(_parties(flat, init), on="key", how="left", maintain_order="left")
        .select(
            "initiative_id", pl.col("canonical").alias("name"), "acronym",
            pl.col("subtype").replace_strict(types, default=None, return_dtype=pl.Utf8)
            .fill_null("other").alias("initiative_type"),
            pl.col("_rank").replace_strict(statuses, default=None, return_dtype=pl.Utf8).alias("status"),
            pl.col("parties").fill_null(pl.lit([], dtype=pl.List(pl.Utf8))),
            "first_document_id", "first_seen_date", "document_count",
        )
        .cast(INITIATIVE_SCHEMA)
    )


def _parties(flat: pl.DataFrame, init: pl.DataFrame) -> pl.DataFrame:
    """Per initiative key, the sorted distinct entity ids of its parties: the actor mentions
    that extraction named as its parties (``party_spans``, offsets in the same document),
    looked up among the document's resolved candidates, its own id excluded."""
    spans = (
        init.select("key", "entity_id", "document_id", "party_spans")
        .filter(pl.col("party_spans").list.len() > 0)
        .explode("party_spans").unnest("party_spans")
    )
    actors = flat.filter(pl.col("entity_type").is_in(_ACTOR_TYPES)) \
        .select("document_id", "start", "end", pl.col("entity_id").alias("party")).unique()
    return (
        spans.join(actors, on=["document_id", "start", "end"], how="inner")
        .filter(pl.col("party") != pl.col("entity_id"))
        .group_by("key").agg(pl.col("party").unique().sort().alias("parties"))
    )
