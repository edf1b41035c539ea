"""Contract of the ``entities`` table: one row per real-world entity."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from accords.schemas import checks
from accords.schemas.enums import ENTITY_SOURCES, ENTITY_TYPES
from pandera.api.polars.types import PolarsData


class Entities(pa.DataFrameModel):
    """A country, organisation, person, location or initiative, resolved across documents."""

    entity_id: str = pa.Field(unique=True, str_matches=checks.ENTITY_ID,
                              description="Stable id: sha256 of the entity key, prefixed ent_.")
    entity_type: pl.Enum(list(ENTITY_TYPES)) = pa.Field(  # type: ignore[valid-type]
        description="country, organization, person, location or initiative.")
    canonical_name: str = pa.Field(str_length={"min_value": 1}, description="Preferred English name.")
    aliases: pl.List(pl.Utf8) = pa.Field(  # type: ignore[valid-type]
        description="Every surface form seen plus known aliases, sorted, unique.")
    iso3: str = pa.Field(nullable=True, str_matches=checks.ISO3,
                         description="ISO 3166-1 alpha-3: the country itself, or the country a person/organisation/location belongs to.")
    entity_key: str = pa.Field(unique=True, str_length={"min_value": 3},
                               description="Knowledge-base key (e.g. country:chn) or pattern key; entity_id derives from it.")
    source: pl.Enum(list(ENTITY_SOURCES)) = pa.Field(  # type: ignore[valid-type]
        description="knowledge_base: a curated entry; pattern: discovered in text.")
    subtype: str = pa.Field(nullable=True, description="Finer kind, e.g. intergovernmental, capital, President of Kazakhstan.")
    document_count: int = pa.Field(ge=1, description="Documents that mention the entity.")
    mention_count: int = pa.Field(ge=1, description="Mentions of the entity.")

    class Config:
        strict = True
        coerce = False
        name = "entities"
        description = "One row per resolved entity; every entity is mentioned at least once."

    @pa.check("aliases", name="list_has_no_nulls")
    def _aliases_no_nulls(cls, data: PolarsData) -> pl.LazyFrame:
        return checks.list_has_no_nulls(data)

    @pa.check("aliases", name="list_items_not_blank")
    def _aliases_not_blank(cls, data: PolarsData) -> pl.LazyFrame:
        return checks.list_items_not_blank(data)

    @pa.check("aliases", name="list_is_unique")
    def _aliases_unique(cls, data: PolarsData) -> pl.LazyFrame:
        return checks.list_is_unique(data)

    @pa.check("canonical_name", name="not_blank")
    def _name_not_blank(cls, data: PolarsData) -> pl.LazyFrame:
        return checks.not_blank(data)

    @pa.dataframe_check(name="country_has_iso3")
    def _country_iso3(cls, data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            (pl.col("entity_type").cast(pl.Utf8) != "country") | pl.col("iso3").is_not_null()
        )

    @pa.dataframe_check(name="key_prefix_matches_type")
    def _key_prefix(cls, data: PolarsData) -> pl.LazyFrame:
        prefix = pl.col("entity_key").str.split(":").list.first()
        expected = pl.col("entity_type").cast(pl.Utf8).replace(
            {"organization": "org", "person": "person", "location": "loc",
             "initiative": "init", "country": "country"}
        )
        return data.lazyframe.select(prefix == expected)
