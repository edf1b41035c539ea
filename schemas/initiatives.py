"""Contract of the ``initiatives`` table: one row per initiative entity."""

from __future__ import annotations

import datetime as dt

import pandera.polars as pa
import polars as pl
from accords.schemas import checks
from accords.schemas.documents import MAX_DATE, MIN_DATE
from accords.schemas.enums import INITIATIVE_STATUSES, INITIATIVE_TYPES
from pandera.api.polars.types import PolarsData


class Initiatives(pa.DataFrameModel):
    """A named initiative, corridor, agreement, forum, exercise or proposal."""

    initiative_id: str = pa.Field(unique=True, str_matches=checks.ENTITY_ID,
                                  description="= entities.entity_id of an initiative entity.")
    name: str = pa.Field(str_length={"min_value": 1}, description="= the entity's canonical_name.")
    acronym: str = pa.Field(nullable=True, str_matches=r"^[A-Z][A-Za-z0-9&\-]{1,11}$",
                            description="Short form, e.g. CPEC; null when none is known.")
    initiative_type: pl.Enum(list(INITIATIVE_TYPES)) = pa.Field(  # type: ignore[valid-type]
        description="economic_corridor, security_initiative, forum, agreement, ...")
    status: pl.Enum(list(INITIATIVE_STATUSES)) = pa.Field(  # type: ignore[valid-type]
        nullable=True, description="proposed, signed, launched or ongoing where the text says so.")
    parties: pl.List(pl.Utf8) = pa.Field(  # type: ignore[valid-type]
        description="entity_ids of the countries and organisations acting in it, sorted.")
    first_document_id: str = pa.Field(str_matches=checks.DOCUMENT_ID,
                                      description="The earliest document (by date, then id) it is seen in.")
    first_seen_date: dt.date = pa.Field(nullable=True, in_range={"min_value": MIN_DATE, "max_value": MAX_DATE},
                                        description="published_date of first_document_id.")
    document_count: int = pa.Field(ge=1, description="Documents that mention it.")

    class Config:
        strict = True
        coerce = False
        name = "initiatives"
        description = "Initiatives with their type, status and parties."

    @pa.check("parties", name="list_has_no_nulls")
    def _parties_no_nulls(cls, data: PolarsData) -> pl.LazyFrame:
        return checks.list_has_no_nulls(data)

    @pa.check("parties", name="list_items_are_entity_ids")
    def _parties_ids(cls, data: PolarsData) -> pl.LazyFrame:
        return checks.list_items_match(data, checks.ENTITY_ID)

    @pa.check("parties", name="list_is_unique")
    def _parties_unique(cls, data: PolarsData) -> pl.LazyFrame:
        return checks.list_is_unique(data)
