"""``sources`` validated and written in row-group chunks from a spill file (perf9): the same
bytes and the same checks as the whole table in memory."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl
import pytest
from accords.etl import pipeline, publish
from accords.etl import spill as spill_mod
from accords.etl.spill import Spill
from accords.schemas.validate import combine_results, validate_table

import accords


def _sources(n: int) -> pl.DataFrame:
    return pl.DataFrame({
        "source_path": [f"d{i:05d}.txt" for i in range(n)],
        "source_sha256": [hashlib.sha256(str(i).encode()).hexdigest() for i in range(n)],
        "bytes": list(range(n)),
        "status": ["rejected" if i % 7 == 0 else "accepted" for i in range(n)],
        "reason_code": ["empty" if i % 7 == 0 else None for i in range(n)],
        "reason": ["empty file" if i % 7 == 0 else None for i in range(n)],
        "document_id": [None if i % 7 == 0 else f"doc_{i:016x}" for i in range(n)],
    })


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("n", [0, 5, 14, 23])
def test_chunked_write_has_the_bytes_of_the_whole_write(n: int, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(publish, "ROW_GROUP_ROWS", 7)
    df = pipeline._contract_frame("sources", _sources(n), [])
    publish.write_parquet(df, tmp_path / "whole.parquet", "sources")
    chunks = [df.slice(i, 7) for i in range(0, n, 7)] or [df]
    rows = publish.write_parquet_chunks(chunks, tmp_path / "chunks.parquet", "sources")
    assert rows == n
    assert _sha(tmp_path / "whole.parquet") == _sha(tmp_path / "chunks.parquet")


def test_chunks_must_be_whole_row_groups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(publish, "ROW_GROUP_ROWS", 7)
    df = pipeline._contract_frame("sources", _sources(10), [])
    with pytest.raises(ValueError):
        publish.write_parquet_chunks([df.slice(0, 3), df.slice(3, 7)], tmp_path / "x.parquet", "sources")


def test_chunked_validation_sees_duplicates_across_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spill_mod, "ROW_GROUP_ROWS", 4)
    src = _sources(10)
    src = src.with_columns(pl.when(pl.col("bytes") == 8).then(pl.lit("d00002.txt"))
                           .otherwise(pl.col("source_path")).alias("source_path"))  # row 8 repeats row 2's path
    spill = Spill(tmp_path / "spill")
    n = spill.put_sources(src)
    parts = [validate_table("sources", pipeline._contract_frame("sources", c, [])) for c in spill.sources_chunks(n)]
    assert len(parts) == 3
    whole = validate_table("sources", pipeline._contract_frame("sources", src, []))
    chunked = spill.sources_uniqueness(combine_results(parts), len(parts))
    assert [(r.column, r.check) for r in chunked] == [(r.column, r.check) for r in whole]
    got = {(r.column, r.check): r.passed for r in chunked}
    assert got == {(r.column, r.check): r.passed for r in whole}
    assert got[("source_path", "field_uniqueness")] is False


def test_run_with_small_row_groups_publishes_the_same_sources(seeds_copy: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """``sources`` in several chunks (row groups of 3 rows) against the same rows written whole."""
    monkeypatch.setattr(publish, "ROW_GROUP_ROWS", 3)
    monkeypatch.setattr(spill_mod, "ROW_GROUP_ROWS", 3)
    result = accords.run(seeds_copy, out=tmp_path / "out", write_report=False)
    part = tmp_path / "out" / "versions" / result.version_id / "sources" / "part-00000.parquet"
    rows = pl.read_parquet(part)
    assert rows.height == result.row_counts["sources"] > 3
    publish.write_parquet(rows, tmp_path / "whole.parquet", "sources")
    assert _sha(tmp_path / "whole.parquet") == _sha(part)
    assert not (tmp_path / "out" / ".staging" / "spill").exists()
    assert sum(result.sources_by_status.values()) == rows.height
