"""Stable identifiers: content hashes, so the same input always gets the same id."""

from __future__ import annotations

import hashlib

import polars as pl


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
    import duckdb  # here, not at the top: per-document workers import this module too

    text = mentions.select(
        pl.concat_str("document_id", "start_char", "end_char", "entity_id", separator=":").alias("t"))
    if text.is_empty():
        return pl.Series("mention_id", [], dtype=pl.Utf8)
    # One thread: a bucket is small, and a plain projection over one thread keeps row order.
    con = duckdb.connect(config={"threads": 1})
    try:
        con.register("texts", text.to_arrow())
        out: pl.DataFrame = con.sql("SELECT 'men_' || left(sha256(t), 16) AS mention_id FROM texts").pl()
    finally:
        con.close()
    return out.to_series().cast(pl.Utf8)
