"""What a consumer does with plain DuckDB and no accords installed: read_parquet on the layout."""

from __future__ import annotations

from pathlib import Path

import duckdb


def _version_dir(out: Path) -> Path:
    current = (out / "CURRENT").read_text().strip()
    return out / "versions" / current


def test_plain_read_parquet_substring_rule_and_join(seeds_out: Path) -> None:
    v = _version_dir(seeds_out)
    con = duckdb.connect()
    # The substring rule, in DuckDB's 1-based substring: it must hold for every mention.
    bad = con.sql(f"""
        SELECT count(*) FROM read_parquet('{v}/mentions/*.parquet') m
        JOIN read_parquet('{v}/documents/*.parquet') d USING (document_id)
        WHERE substring(d.text, m.start_char + 1, m.end_char - m.start_char) <> m.surface
    """).fetchall()
    assert bad == [(0,)]
    total = con.sql(f"SELECT count(*) FROM read_parquet('{v}/mentions/*.parquet')").fetchall()[0][0]
    assert total > 50
    # A join across three tables: which countries appear in most documents.
    rows = con.sql(f"""
        SELECT e.canonical_name, count(DISTINCT m.document_id) AS docs
        FROM read_parquet('{v}/mentions/*.parquet') m
        JOIN read_parquet('{v}/entities/*.parquet') e USING (entity_id)
        JOIN read_parquet('{v}/documents/*.parquet') d USING (document_id)
        WHERE e.entity_type = 'country'
        GROUP BY 1 ORDER BY docs DESC, 1 LIMIT 3
    """).fetchall()
    assert rows[0] == ("China", 5)


def test_column_types_seen_by_duckdb(seeds_out: Path) -> None:
    v = _version_dir(seeds_out)
    con = duckdb.connect()
    types = dict(con.sql(f"DESCRIBE SELECT * FROM read_parquet('{v}/documents/*.parquet')").fetchall()
                 and [(r[0], r[1]) for r in con.sql(
                     f"DESCRIBE SELECT * FROM read_parquet('{v}/documents/*.parquet')").fetchall()])
    assert types["published_date"] == "DATE"
    assert types["char_count"] == "BIGINT"
    assert types["repairs"] == "VARCHAR[]"
    assert types["title_source"] == "VARCHAR"


def test_accords_connect_views(seeds_out: Path) -> None:
    import accords

    con = accords.connect(seeds_out)
    for table in ("documents", "entities", "mentions", "initiatives", "sources"):
        assert con.sql(f"SELECT count(*) FROM {table}").fetchall()[0][0] >= 0
    n = con.sql("SELECT count(*) FROM sources WHERE status = 'accepted'").fetchall()[0][0]
    assert n == 5
