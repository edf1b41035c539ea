"""Contract of the ``sources`` table: one row per input file, whatever happened to it."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from accords.schemas import checks
from accords.schemas.enums import SOURCE_REASON_CODES, SOURCE_STATUSES
from pandera.api.polars.types import PolarsData


class Sources(pa.DataFrameModel):
    """An input file: accepted, duplicate (of document_id) or rejected (with a reason)."""

    source_path: str = pa.Field(unique=True, str_length={"min_value": 1},
                                description="Path relative to the input folder, '/'-separated.")
    source_sha256: str = pa.Field(nullable=True, str_matches=checks.SHA256,
                                  description="sha256 of the raw bytes; null when they could not be read.")
    bytes: int = pa.Field(nullable=True, ge=0, description="Size in bytes; null when unknown.")
    status: pl.Enum(list(SOURCE_STATUSES)) = pa.Field(  # type: ignore[valid-type]
        description="accepted, duplicate or rejected.")
    reason_code: pl.Enum(list(SOURCE_REASON_CODES)) = pa.Field(  # type: ignore[valid-type]
        nullable=True, description="Machine-readable reason; null when accepted.")
    reason: str = pa.Field(nullable=True, description="Human-readable reason; null when accepted.")
    document_id: str = pa.Field(nullable=True, str_matches=checks.DOCUMENT_ID,
                                description="The document (accepted) or the kept original (duplicate); null when rejected.")

    class Config:
        strict = True
        coerce = False
        name = "sources"
        description = "One row per input file."

    @pa.check("reason", name="not_blank")
    def _reason_not_blank(cls, data: PolarsData) -> pl.LazyFrame:
        return checks.not_blank(data)

    @pa.dataframe_check(name="reason_iff_not_accepted")
    def _reason(cls, data: PolarsData) -> pl.LazyFrame:
        accepted = pl.col("status").cast(pl.Utf8) == "accepted"
        return data.lazyframe.select(
            accepted == (pl.col("reason").is_null() & pl.col("reason_code").is_null())
        )

    @pa.dataframe_check(name="document_id_iff_not_rejected")
    def _doc(cls, data: PolarsData) -> pl.LazyFrame:
        rejected = pl.col("status").cast(pl.Utf8) == "rejected"
        return data.lazyframe.select(rejected == pl.col("document_id").is_null())
