"""Reusable check expressions for the table contracts.

pandera's polars backend does not look inside list columns, so the contracts
call :func:`list_has_no_nulls` themselves.
"""

from __future__ import annotations

import polars as pl
from pandera.api.polars.types import PolarsData

SHA256 = r"^[0-9a-f]{64}$"
DOCUMENT_ID = r"^doc_[0-9a-f]{16}$"
ENTITY_ID = r"^ent_[0-9a-f]{16}$"
MENTION_ID = r"^men_[0-9a-f]{16}$"
ISO3 = r"^[A-Z]{3}$"
ISO639_1 = r"^[a-z]{2}$"


def list_has_no_nulls(data: PolarsData) -> pl.LazyFrame:
    """True per row when the list holds no null item (an empty list passes)."""
    col = pl.col(data.key)
    return data.lazyframe.select(
        col.list.eval(pl.element().is_null().any()).list.first().fill_null(False).not_()
    )


def list_items_not_blank(data: PolarsData) -> pl.LazyFrame:
    """True per row when no list item is empty or only white space."""
    col = pl.col(data.key)
    return data.lazyframe.select(
        col.list.eval(pl.element().str.strip_chars().str.len_chars() == 0)
        .list.any()
        .fill_null(False)
        .not_()
    )


def list_items_match(data: PolarsData, pattern: str) -> pl.LazyFrame:
    """True per row when every list item matches ``pattern``."""
    col = pl.col(data.key)
    return data.lazyframe.select(
        col.list.eval(pl.element().str.contains(pattern).not_())
        .list.any()
        .fill_null(False)
        .not_()
    )


def list_is_unique(data: PolarsData) -> pl.LazyFrame:
    """True per row when no list item is repeated."""
    col = pl.col(data.key)
    return data.lazyframe.select(col.list.len() == col.list.unique().list.len())


def not_blank(data: PolarsData) -> pl.LazyFrame:
    """True per row when the string has a non-space character (null passes)."""
    col = pl.col(data.key)
    return data.lazyframe.select(col.str.strip_chars().str.len_chars().fill_null(1) > 0)
