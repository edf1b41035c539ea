"""Cross-table rules: foreign keys, offsets inside the text, surfaces equal to slices.

Each rule is a pure function of the five frames that returns the failing rows
(empty when the rule holds). ``RULES`` is what ``validate`` runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import polars as pl

Frames = Mapping[str, pl.DataFrame]


@dataclass(frozen=True)
class Rule:
    """A cross-table rule: the table and column it is reported against, and its check."""

    name: str
    table: str
    column: str
    description: str
    failing_rows: Callable[[Frames], pl.DataFrame]


def _missing(child: pl.DataFrame, col: str, parent: pl.DataFrame, pcol: str) -> pl.DataFrame:
    keys = parent.select(pl.col(pcol).alias(col)).unique()
    return child.filter(pl.col(col).is_not_null()).join(keys, on=col, how="anti")


def _mention_spans(f: Frames) -> pl.DataFrame:
    return f["mentions"].join(
        f["documents"].select("document_id", "text"), on="document_id", how="inner"
    )


def _offsets_outside_text(f: Frames) -> pl.DataFrame:
    m = _mention_spans(f)
    return m.filter(
        (pl.col("start_char") < 0)
        | (pl.col("end_char") > pl.col("text").str.len_chars())
        | (pl.col("start_char") >= pl.col("end_char"))
    ).drop("text")


def _surface_not_slice(f: Frames) -> pl.DataFrame:
    m = _mention_spans(f)
    sliced = pl.col("text").str.slice(pl.col("start_char"), pl.col("end_char") - pl.col("start_char"))
    return m.filter(sliced != pl.col("surface")).drop("text")


def _unmentioned_entities(f: Frames) -> pl.DataFrame:
    return _missing(f["entities"], "entity_id", f["mentions"], "entity_id")


def _initiative_not_entity(f: Frames) -> pl.DataFrame:
    ents = f["entities"].filter(pl.col("entity_type").cast(pl.Utf8) == "initiative")
    return f["initiatives"].join(
        ents.select(pl.col("entity_id").alias("initiative_id"), pl.col("canonical_name")),
        on="initiative_id",
        how="left",
    ).filter(pl.col("canonical_name").is_null() | (pl.col("canonical_name") != pl.col("name"))).drop(
        "canonical_name"
    )


def _initiative_entity_without_row(f: Frames) -> pl.DataFrame:
    ents = f["entities"].filter(pl.col("entity_type").cast(pl.Utf8) == "initiative")
    return _missing(ents, "entity_id", f["initiatives"], "initiative_id")


def _party_not_entity(f: Frames) -> pl.DataFrame:
    parties = f["initiatives"].select("initiative_id", "parties").explode("parties")
    parties = parties.filter(pl.col("parties").is_not_null())
    return _missing(parties, "parties", f["entities"], "entity_id")


def _entity_counts_wrong(f: Frames) -> pl.DataFrame:
    counts = f["mentions"].group_by("entity_id").agg(
        pl.len().alias("_mentions"), pl.col("document_id").n_unique().alias("_documents")
    )
    e = f["entities"].join(counts, on="entity_id", how="left")
    return e.filter(
        (pl.col("mention_count") != pl.col("_mentions").fill_null(0))
        | (pl.col("document_count") != pl.col("_documents").fill_null(0))
    ).drop("_mentions", "_documents")


def _document_without_accepted_source(f: Frames) -> pl.DataFrame:
    accepted = f["sources"].filter(pl.col("status").cast(pl.Utf8) == "accepted")
    return f["documents"].join(
        accepted.select("source_path", "document_id"), on=["source_path", "document_id"], how="anti"
    ).drop("text")


RULES: tuple[Rule, ...] = (
    Rule("foreign_key", "mentions", "document_id", "mentions.document_id -> documents",
         lambda f: _missing(f["mentions"], "document_id", f["documents"], "document_id")),
    Rule("foreign_key", "mentions", "entity_id", "mentions.entity_id -> entities",
         lambda f: _missing(f["mentions"], "entity_id", f["entities"], "entity_id")),
    Rule("offsets_inside_text", "mentions", "start_char,end_char",
         "0 <= start_char < end_char <= len(documents.text)", _offsets_outside_text),
    Rule("surface_is_slice", "mentions", "surface",
         "surface == documents.text[start_char:end_char]", _surface_not_slice),
    Rule("entity_is_mentioned", "entities", "entity_id",
         "every entity has at least one mention", _unmentioned_entities),
    Rule("entity_counts_match_mentions", "entities", "mention_count,document_count",
         "mention_count and document_count agree with the mentions table", _entity_counts_wrong),
    Rule("foreign_key", "initiatives", "initiative_id",
         "initiatives.initiative_id -> an initiative entity with the same name", _initiative_not_entity),
    Rule("initiative_entity_has_row", "entities", "entity_id",
         "every initiative entity has an initiatives row", _initiative_entity_without_row),
    Rule("foreign_key", "initiatives", "parties", "initiatives.parties[] -> entities",
         _party_not_entity),
    Rule("foreign_key", "initiatives", "first_document_id", "initiatives.first_document_id -> documents",
         lambda f: _missing(f["initiatives"], "first_document_id", f["documents"], "document_id")),
    Rule("foreign_key", "sources", "document_id", "sources.document_id -> documents",
         lambda f: _missing(f["sources"], "document_id", f["documents"], "document_id")),
    Rule("document_has_accepted_source", "documents", "source_path",
         "every document has an accepted sources row with the same path and id",
         _document_without_accepted_source),
)
