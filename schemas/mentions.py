"""Contract of the ``mentions`` table: one row per entity occurrence in a document."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from accords.schemas import checks
from accords.schemas.enums import MENTION_METHODS
from pandera.api.polars.types import PolarsData


class Mentions(pa.DataFrameModel):
    """A span of ``documents.text`` that names an entity."""

    mention_id: str = pa.Field(unique=True, str_matches=checks.MENTION_ID,
                               description="sha256 of document_id, offsets and entity_id, prefixed men_.")
    document_id: str = pa.Field(str_matches=checks.DOCUMENT_ID, description="-> documents.document_id")
    entity_id: str = pa.Field(str_matches=checks.ENTITY_ID, description="-> entities.entity_id")
    start_char: int = pa.Field(ge=0, description="Python str index into documents.text (code points).")
    end_char: int = pa.Field(ge=1, description="Exclusive end; surface = text[start_char:end_char].")
    surface: str = pa.Field(str_length={"min_value": 1}, description="The text of the span.")
    method: pl.Enum(list(MENTION_METHODS)) = pa.Field(  # type: ignore[valid-type]
        description="How the mention was found.")
    sentence_index: int = pa.Field(ge=0, description="0-based index of the sentence holding the mention.")

    class Config:
        strict = True
        coerce = False
        name = "mentions"
        description = "Entity occurrences, sorted by document then offset."
        unique = ["document_id", "start_char", "end_char", "entity_id"]  # noqa: RUF012 - pandera reads it

    @pa.dataframe_check(name="start_before_end")
    def _start_before_end(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("start_char") < pl.col("end_char"))

    @pa.dataframe_check(name="surface_length_is_span")
    def _surface_len(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("surface").str.len_chars() == pl.col("end_char") - pl.col("start_char")
        )
