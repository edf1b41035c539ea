"""Contract of the ``documents`` table: one row per accepted article."""

from __future__ import annotations

import datetime as dt

import pandera.polars as pa
import polars as pl
from accords.schemas import checks
from accords.schemas.enums import DATE_SOURCES, TITLE_SOURCES
from pandera.api.polars.types import PolarsData

MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)


class Documents(pa.DataFrameModel):
    """An accepted input file, decoded, normalised and stripped of page clutter."""

    document_id: str = pa.Field(unique=True, str_matches=checks.DOCUMENT_ID,
                                description="sha256 of `text`, first 16 hex digits, prefixed doc_.")
    source_path: str = pa.Field(unique=True, str_length={"min_value": 1},
                                description="Path of the input file relative to the input folder, '/'-separated.")
    source_sha256: str = pa.Field(str_matches=checks.SHA256,
                                  description="sha256 of the raw input bytes.")
    title: str = pa.Field(str_length={"min_value": 1}, description="The headline.")
    title_source: pl.Enum(list(TITLE_SOURCES)) = pa.Field(  # type: ignore[valid-type]
        description="headline: found in the file; derived: made from the first sentence.")
    published_date: dt.date = pa.Field(nullable=True, in_range={"min_value": MIN_DATE, "max_value": MAX_DATE},
                                       description="Publication date; null when the file does not say.")
    date_source: pl.Enum(list(DATE_SOURCES)) = pa.Field(  # type: ignore[valid-type]
        nullable=True, description="Where published_date came from; null with it.")
    language: str = pa.Field(str_matches=checks.ISO639_1, description="ISO 639-1 code.")
    text: str = pa.Field(str_length={"min_value": 1},
                         description="Normalised article body; mention offsets index into it.")
    char_count: int = pa.Field(ge=1, description="len(text) in Unicode code points.")
    word_count: int = pa.Field(ge=0, description="Whitespace-separated words in text.")
    boilerplate_chars: int = pa.Field(ge=0, description="Characters of page clutter removed from the decoded file.")
    encoding: str = pa.Field(str_length={"min_value": 1}, description="Detected encoding of the raw bytes.")
    repairs: pl.List(pl.Utf8) = pa.Field(  # type: ignore[valid-type]
        description="Repairs applied while decoding (e.g. mojibake, nul_bytes, html_entities).")

    class Config:
        strict = True
        coerce = False
        name = "documents"
        description = "One row per accepted article."

    @pa.check("repairs", name="list_has_no_nulls")
    def _repairs_no_nulls(cls, data: PolarsData) -> pl.LazyFrame:
        return checks.list_has_no_nulls(data)

    @pa.check("title", name="not_blank")
    def _title_not_blank(cls, data: PolarsData) -> pl.LazyFrame:
        return checks.not_blank(data)

    @pa.dataframe_check(name="char_count_is_text_length")
    def _char_count(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("char_count") == pl.col("text").str.len_chars())

    @pa.dataframe_check(name="date_source_iff_published_date")
    def _date_source(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("published_date").is_null() == pl.col("date_source").is_null()
        )
