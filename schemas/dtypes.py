"""Physical types of the contract: polars dtypes from the models, Arrow types for Parquet.

Categorical columns are polars ``Enum`` in memory and plain UTF-8 strings in
Parquet (dictionary-encoded by the writer), so pandas, Spark and DuckDB read
them without extension types.
"""

from __future__ import annotations

from typing import Any

import polars as pl
import pyarrow as pa
from accords.schemas import TABLES


def polars_schema(table: str) -> dict[str, pl.DataType]:
    """Column -> polars dtype, in contract order."""
    schema = TABLES[table].model.to_schema()
    return {name: col.dtype.type for name, col in schema.columns.items()}


def _arrow_type(dtype: Any) -> pa.DataType:
    if isinstance(dtype, pl.Enum) or dtype == pl.Utf8:
        return pa.string()
    if dtype == pl.Int64:
        return pa.int64()
    if dtype == pl.Int32:
        return pa.int32()
    if dtype == pl.Float64:
        return pa.float64()
    if dtype == pl.Boolean:
        return pa.bool_()
    if dtype == pl.Date:
        return pa.date32()
    if isinstance(dtype, pl.List):
        return pa.list_(_arrow_type(dtype.inner))
    raise TypeError(f"no Arrow mapping for polars dtype {dtype}")


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema a table is written with; nullability follows the contract."""
    schema = TABLES[table].model.to_schema()
    return pa.schema(
        [
            pa.field(name, _arrow_type(col.dtype.type), nullable=bool(col.nullable))
            for name, col in schema.columns.items()
        ]
    )
