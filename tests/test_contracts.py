"""The published seeds validate; tampered copies fail naming table, column and check."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest
from accords.etl.publish import Layout, sha256_file, write_parquet
from accords.etl.store import read_table
from accords.schemas import TABLES
from accords.schemas.validate import validate_frames, validate_table

import accords


def test_published_seeds_validate(seeds_out: Path) -> None:
    report = accords.validate(seeds_out)
    assert report.ok, report.summary()
    tables = {r.table for r in report.results}
    assert set(TABLES) <= tables
    # every cross-table rule ran
    checks = {r.check for r in report.results}
    assert {"foreign_key", "offsets_inside_text", "surface_is_slice", "entity_is_mentioned"} <= checks


def _tamper(src: Path, dst: Path, table: str, change: Callable[[pl.DataFrame], pl.DataFrame],
            fix_manifest: bool = True) -> Path:
    """Copy a published folder, rewrite one table with ``change``, and (like a buggy
    producer) rewrite the manifest so its digests agree with the bad file."""
    shutil.copytree(src, dst)
    layout = Layout(dst)
    vid = layout.resolve(None)
    df = read_table(dst, table)
    path = layout.version_dir(vid) / table / "part-00000.parquet"
    bad = change(df)
    if set(bad.columns) == set(df.columns):
        write_parquet(bad, path, table)
    else:  # a dropped column: write without the contract's schema
        bad.write_parquet(path)
    if fix_manifest:
        mpath = layout.version_dir(vid) / "manifest.json"
        manifest = json.loads(mpath.read_text())
        for f in manifest["files"]:
            if f["path"] == f"{table}/part-00000.parquet":
                f["sha256"] = sha256_file(path)
                f["rows"] = pq.read_metadata(path).num_rows
                f["bytes"] = path.stat().st_size
        mpath.write_text(json.dumps(manifest))
    return dst


def _first(col: str, value: object) -> Callable[[pl.DataFrame], pl.DataFrame]:
    def change(df: pl.DataFrame) -> pl.DataFrame:
        return df.with_columns(
            pl.when(pl.int_range(pl.len()) == 0).then(pl.lit(value)).otherwise(pl.col(col)).alias(col)
        )
    return change


TAMPERS = {
    "offset_past_text": ("mentions", _first("end_char", 10_000_000), "offsets_inside_text"),
    "dangling_foreign_key": ("mentions", _first("entity_id", "ent_0000000000000000"), "foreign_key"),
    "duplicate_key": ("entities", lambda df: pl.concat([df, df.head(1)]), "field_uniqueness"),
    "negative_offset": ("mentions", _first("start_char", -1), "greater_than_or_equal_to"),
    "empty_name": ("entities", _first("canonical_name", ""), "str_length"),
    "dropped_column": ("documents", lambda df: df.drop("title"), "column_in_dataframe"),
    "bad_document_id": ("documents", _first("document_id", "doc_XYZ"), "str_matches"),
    "surface_not_slice": ("mentions", lambda df: df.with_columns(
        pl.when(pl.int_range(pl.len()) == 0).then(pl.col("surface").str.to_uppercase().str.reverse())
        .otherwise(pl.col("surface")).alias("surface")), "surface_is_slice"),
}


@pytest.mark.parametrize("name", sorted(TAMPERS))
def test_tampered_copy_fails_naming_the_table(seeds_out: Path, tmp_path: Path, name: str) -> None:
    table, change, check = TAMPERS[name]
    out = _tamper(seeds_out, tmp_path / "out", table, change)
    report = accords.validate(out)
    assert not report.ok
    failed = [(r.table, r.check) for r in report.failures]
    assert any(t == table and check in c for t, c in failed), failed
    assert table in report.summary()


def test_manifest_digest_mismatch_is_caught(seeds_out: Path, tmp_path: Path) -> None:
    out = _tamper(seeds_out, tmp_path / "out", "entities", _first("canonical_name", "X"), fix_manifest=False)
    report = accords.validate(out)
    assert any(r.check == "file_sha256_matches_manifest" for r in report.failures)


def test_dataframe_validation_runs_data_checks_not_just_schema() -> None:
    # pandera skips data-level checks on LazyFrames by default; we must catch a bad value.
    df = pl.DataFrame({"mention_id": ["nope"]})
    results = validate_table("mentions", df)
    assert any(not r.passed for r in results)
    good = read_free_sources_row()
    bad = good.with_columns(pl.lit("not-a-sha").alias("source_sha256"))
    res = [r for r in validate_table("sources", bad) if not r.passed]
    assert [r.column for r in res] == ["source_sha256"]
    assert res[0].sample and res[0].sample[0]["source_sha256"] == "not-a-sha"


def read_free_sources_row() -> pl.DataFrame:
    from accords.etl.store import cast_to_contract

    df = pl.DataFrame({
        "source_path": ["a.txt"], "source_sha256": ["0" * 64], "bytes": [3],
        "status": ["accepted"], "reason_code": [None], "reason": [None], "document_id": ["doc_" + "0" * 16],
    }, schema_overrides={"reason_code": pl.Utf8, "reason": pl.Utf8})
    cast, problems = cast_to_contract("sources", df)
    assert not problems
    return cast


def test_nulls_inside_list_columns_are_caught(seeds_out: Path) -> None:
    ents = read_table(seeds_out, "entities")
    bad = ents.with_columns(pl.when(pl.int_range(pl.len()) == 0).then(pl.lit(["x", None]))
                            .otherwise(pl.col("aliases")).alias("aliases"))
    failures = [r for r in validate_table("entities", bad) if not r.passed]
    assert any(r.column == "aliases" and "list_has_no_nulls" in r.check for r in failures)


def test_violation_report_is_json_with_samples(seeds_out: Path) -> None:
    frames = {t: read_table(seeds_out, t) for t in TABLES}
    frames["mentions"] = _first("start_char", -5)(frames["mentions"])
    report = validate_frames(frames)
    data = json.loads(report.to_json())
    assert data["ok"] is False
    fail = next(f for f in data["failures"] if f["column"] == "start_char")
    assert fail["table"] == "mentions" and fail["failure_count"] >= 1 and fail["sample"]


def test_unknown_enum_value_is_a_violation_not_a_crash(seeds_out: Path) -> None:
    from accords.etl.store import cast_to_contract

    df = read_table(seeds_out, "entities").with_columns(pl.col("entity_type").cast(pl.Utf8))
    df = _first("entity_type", "planet")(df)
    _, problems = cast_to_contract("entities", df)
    assert problems and problems[0].column == "entity_type"
