"""Reading published versions back: DuckDB views, polars frames, and re-validation.

``validate_version`` trusts nothing: it re-hashes every file against the
manifest *and* re-checks the rows against the contracts, so a manifest
rewritten to agree with bad rows still fails.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pyarrow.parquet as pq
from accords.etl.publish import MANIFEST, Layout, sha256_file
from accords.schemas import CONTRACT_VERSION, TABLES
from accords.schemas.dtypes import polars_schema
from accords.schemas.validate import CheckResult, ValidationReport, validate_frames

from accords.errors import IntegrityError


def table_glob(layout: Layout, version_id: str, table: str) -> str:
    return str(layout.version_dir(version_id) / table / "*.parquet")


def connect(out: str | Path = "outputs", version: str | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per table over ``version`` (CURRENT by default)."""
    layout = Layout(Path(out))
    version_id = layout.resolve(version)
    con = duckdb.connect(":memory:")
    for table in TABLES:
        path = table_glob(layout, version_id, table).replace("'", "''")
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{path}')")
    root = str(layout.root).replace("'", "''")
    con.execute(f"CREATE VIEW accords_version AS SELECT '{version_id}' AS version_id, '{root}' AS out_dir")
    return con


def cast_to_contract(table: str, df: pl.DataFrame) -> tuple[pl.DataFrame, list[CheckResult]]:
    """Cast columns to the contract's dtypes; values that cannot be cast become failures."""
    problems: list[CheckResult] = []
    cols = []
    for name, dtype in polars_schema(table).items():
        if name not in df.columns:
            continue  # the strict contract reports the missing column itself
        try:
            cols.append(df[name].cast(dtype, strict=True))
        except pl.exceptions.PolarsError as exc:
            bad = df.filter(pl.col(name).is_not_null()).head(5)[name].to_list()
            problems.append(CheckResult(table, name, f"castable_to('{dtype}')", False, 1,
                                        [{"error": str(exc).splitlines()[0], "values": bad}]))
            cols.append(df[name])
    extra = [df[c] for c in df.columns if c not in polars_schema(table)]
    return pl.DataFrame(cols + extra), problems


def read_table(out: str | Path, table: str, version: str | None = None) -> pl.DataFrame:
    """One table of a version as polars, with the contract's dtypes (enums as Enum)."""
    layout = Layout(Path(out))
    version_id = layout.resolve(version)
    df = pl.read_parquet(table_glob(layout, version_id, table))
    cast, problems = cast_to_contract(table, df)
    if problems:
        raise IntegrityError(f"table {table!r} of {version_id} does not fit the contract: {problems[0].sample}")
    return cast


def _file_checks(layout: Layout, version_id: str, manifest: dict[str, Any]) -> list[CheckResult]:
    results: list[CheckResult] = []
    vdir = layout.version_dir(version_id)
    listed = {f["path"] for f in manifest.get("files", [])}
    for f in manifest.get("files", []):
        path = vdir / f["path"]
        table = f.get("table") or "*"
        if not path.is_file():
            results.append(CheckResult(table, "*", "file_present", False, 1, [{"path": f["path"]}]))
            continue
        digest = sha256_file(path)
        results.append(CheckResult(table, "*", "file_sha256_matches_manifest", digest == f["sha256"],
                                   int(digest != f["sha256"]),
                                   [] if digest == f["sha256"] else [{"path": f["path"], "manifest": f["sha256"], "actual": digest}]))
        if f.get("table"):
            meta = pq.read_metadata(path)
            rows_ok = meta.num_rows == f["rows"]
            results.append(CheckResult(table, "*", "row_count_matches_manifest", rows_ok, int(not rows_ok),
                                       [] if rows_ok else [{"manifest": f["rows"], "actual": meta.num_rows}]))
            kv = meta.metadata or {}
            contract = kv.get(b"accords.contract_version", b"").decode()
            ok = contract == manifest.get("contract_version")
            results.append(CheckResult(table, "*", "footer_contract_version_matches_manifest", ok, int(not ok),
                                       [] if ok else [{"footer": contract, "manifest": manifest.get("contract_version")}]))
    stray = sorted(
        str(p.relative_to(vdir)) for p in vdir.rglob("*.parquet") if str(p.relative_to(vdir)) not in listed
    )
    results.append(CheckResult("*", "*", "no_files_outside_manifest", not stray, len(stray),
                               [{"path": s} for s in stray[:5]]))
    return results


def validate_version(out: str | Path = "outputs", version: str | None = None) -> ValidationReport:
    """File digests against the manifest, then every contract and cross-table rule on the rows."""
    layout = Layout(Path(out))
    version_id = layout.resolve(version)
    manifest = layout.manifest(version_id)
    results = _file_checks(layout, version_id, manifest)
    if manifest.get("contract_version") != CONTRACT_VERSION:
        results.append(CheckResult("*", "*", "contract_version_supported", False, 1,
                                   [{"manifest": manifest.get("contract_version"), "this_accords": CONTRACT_VERSION}]))
    frames: dict[str, pl.DataFrame] = {}
    for table in TABLES:
        files = sorted((layout.version_dir(version_id) / table).glob("*.parquet"))
        if not files:
            continue
        df = pl.read_parquet([str(f) for f in files])
        frames[table], problems = cast_to_contract(table, df)
        results.extend(problems)
    report = validate_frames(frames)
    return ValidationReport(results + report.results)


def load_manifest(out: str | Path, version: str | None = None) -> dict[str, Any]:
    layout = Layout(Path(out))
    return layout.manifest(layout.resolve(version))


def manifest_json(out: str | Path, version: str | None = None) -> str:
    return json.dumps(load_manifest(out, version), indent=2, sort_keys=True)


__all__ = ["MANIFEST", "cast_to_contract", "connect", "load_manifest", "read_table", "validate_version"]
