"""The public data contract: one pandera model per table, plus cross-table rules.

``TABLES`` lists the five tables in publication order with their primary key
and the row order they are written in (rows are sorted so the same inputs give
byte-identical Parquet, and so readers get predicate pushdown on the keys).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandera.polars as pa
from accords.schemas.documents import Documents
from accords.schemas.entities import Entities
from accords.schemas.initiatives import Initiatives
from accords.schemas.mentions import Mentions
from accords.schemas.sources import Sources
from accords.schemas.version import CONTRACT_VERSION


@dataclass(frozen=True)
class TableSpec:
    """How one table is checked and laid out."""

    name: str
    model: type[pa.DataFrameModel]
    key: tuple[str, ...]
    sort_by: tuple[str, ...]


TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec("documents", Documents, ("document_id",), ("document_id",)),
        TableSpec("entities", Entities, ("entity_id",), ("entity_id",)),
        TableSpec(
            "mentions",
            Mentions,
            ("mention_id",),
            ("document_id", "start_char", "end_char", "entity_id"),
        ),
        TableSpec("initiatives", Initiatives, ("initiative_id",), ("initiative_id",)),
        TableSpec("sources", Sources, ("source_path",), ("source_path",)),
    )
}

__all__ = [
    "CONTRACT_VERSION",
    "TABLES",
    "Documents",
    "Entities",
    "Initiatives",
    "Mentions",
    "Sources",
    "TableSpec",
]
