"""Stable identifiers: content hashes, so the same input always gets the same id."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING

import polars as pl

if TYPE_CHECKING:
    import duckdb


def slug(name: str) -> str:
    """ascii, lowercase, '-'-joined words: the stable part of a pattern entity's key."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "x"


def _h(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def document_id(text: str) -> str:
    """Id of a document: a hash of its normalised text (same content -> same id)."""
    return "doc_" + _h(text)


def entity_id(key: str) -> str:
    """Id of an entity: a hash of its key (``country:chn``, ``person:faisal-mekdad``)."""
    return "ent_" + _h(key)


def mention_id(document_id: str, start: int, end: int, entity_id: str) -> str:
    """Id of a mention: a hash of where it is and what it names."""
    return "men_" + _h(f"{document_id}:{start}:{end}:{entity_id}")


def mention_ids(mentions: pl.DataFrame) -> pl.Series:
    """:func:`mention_id` of every row of a frame with ``document_id``, ``start_char``,
    ``end_char`` and ``entity_id`` columns, as a ``mention_id`` Series.

    The same ids, computed without a Python call per row: polars formats the hashed
    text (integers in decimal, as the f-string does) and DuckDB's sha256 hashes its
    UTF-8 bytes, as hashlib does (a million ids took ~1 s of Python).
    """
    text = mentions.select(
        pl.concat_str("document_id", "start_char", "end_char", "entity_id", separator=":").alias("t"))
    if text.is_empty():
        return pl.Series("mention_id", [], dtype=pl.Utf8)
    # A cursor of one shared in-memory database: a connection costs ~20 ms, a cursor
    # nothing, and cursors may be used from different threads.
    con = _database().cursor()
    try:
        con.register("texts", text.to_arrow())
        out: pl.DataFrame = con.sql("SELECT 'men_' || left(sha256(t), 16) AS mention_id FROM texts").pl()
    finally:
        con.close()
    return out.to_series().cast(pl.Utf8)


@functools.cache
def _database() -> duckdb.DuckDBPyConnection:
    import duckdb  # here, not at the top: per-document workers import this module too

    # Rows come back in input order (preserve_insertion_order, DuckDB's default, made
    # explicit: the ids are attached by position). One thread: a bucket's few tens of
    # thousands of rows take ~30 ms, and the driver's other work runs on polars' threads.
    return duckdb.connect(config={"threads": 1, "preserve_insertion_order": True})
