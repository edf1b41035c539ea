"""What changed between two published versions, table by table, by primary key.

Rows are matched on ``TABLES[t].key``: a key only in the new version is
*added*, only in the old one *removed*, in both with any common column
different (``IS DISTINCT FROM``, so null == null) *changed*. DuckDB does the
work straight over the two versions' Parquet, so nothing is loaded into
Python but the counts and a few sample keys.

When the two versions were written under different contract versions the
report carries the contract diff too (from the committed exports), and a
physical schema diff (Parquet columns and types) is always included.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from accords.errors import AccordsError
from accords.etl.publish import Layout
from accords.schemas import TABLES

SAMPLE_KEYS = 5


@dataclass
class TableDiff:
    """Row-level differences of one table."""

    table: str
    key: list[str]
    rows_old: int
    rows_new: int
    added: int = 0
    removed: int = 0
    changed: int = 0
    unchanged: int = 0
    changed_columns: dict[str, int] = field(default_factory=dict)
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)
    columns_retyped: dict[str, list[str]] = field(default_factory=dict)
    sample_added: list[Any] = field(default_factory=list)
    sample_removed: list[Any] = field(default_factory=list)
    sample_changed: list[Any] = field(default_factory=list)
    note: str | None = None

    @property
    def identical(self) -> bool:
        return not (self.added or self.removed or self.changed or self.columns_added
                    or self.columns_removed or self.columns_retyped)

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()} | {"identical": self.identical}


@dataclass
class DatasetDiff:
    """Differences between ``old`` and ``new`` in one output folder."""

    old: str
    new: str
    contract_old: str | None
    contract_new: str | None
    tables: list[TableDiff]
    contract_diff: dict[str, Any] | None = None

    @property
    def identical(self) -> bool:
        return all(t.identical for t in self.tables) and not (self.contract_diff or {}).get("changes")

    def as_dict(self) -> dict[str, Any]:
        totals = {k: sum(getattr(t, k) for t in self.tables) for k in ("added", "removed", "changed")}
        return {
            "old": self.old, "new": self.new,
            "contract_old": self.contract_old, "contract_new": self.contract_new,
            "identical": self.identical,
            "summary": totals,
            "tables": {t.table: t.as_dict() for t in self.tables},
            "contract_diff": self.contract_diff,
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2, default=str)

    def text(self) -> str:
        lines = [f"{self.old} -> {self.new}"
                 + (f" (contract {self.contract_old} -> {self.contract_new})"
                    if self.contract_old != self.contract_new else f" (contract {self.contract_new})")]
        lines.append(f"{'table':<12} {'old':>8} {'new':>8} {'added':>8} {'removed':>8} {'changed':>8}")
        for t in self.tables:
            lines.append(f"{t.table:<12} {t.rows_old:>8} {t.rows_new:>8} {t.added:>8} {t.removed:>8} {t.changed:>8}")
        for t in self.tables:
            if t.changed_columns:
                changed_cols = ", ".join(f"{c} ({n})" for c, n in t.changed_columns.items())
                lines.append(f"  {t.table}: changed columns: {changed_cols}")
            for label, cols in (("columns added", t.columns_added), ("columns removed", t.columns_removed)):
                if cols:
                    lines.append(f"  {t.table}: {label}: {', '.join(cols)}")
            for c, (a, b) in t.columns_retyped.items():
                lines.append(f"  {t.table}: column {c} type {a} -> {b}")
            if t.note:
                lines.append(f"  {t.table}: {t.note}")
        if self.contract_diff and self.contract_diff.get("changes"):
            lines.append("contract changes:")
            lines += [f"  {'BREAKING' if c['breaking'] else c['level']}: {c['kind']} {c['table']}"
                      f"{'.' + c['column'] if c['column'] else ''}: {c['detail']}"
                      for c in self.contract_diff["changes"]]
        if self.identical:
            lines.append("identical")
        return "\n".join(lines)


#: DuckDB's memory for the diff and the report's aggregates. Its default (80 % of RAM,
#: one thread per core) made the run's peak grow with the corpus (~400 MB at 100k
#: documents on top of the driver); past this it spills to a temporary folder instead.
#: 256 MB still let the report's co-occurrence query add ~130 MB at 100k documents (and
#: DuckDB kept most of it cached until the connection closed); at 64 MB the same page takes
#: ~100 MB less and about a second longer. Below ~48 MB that query runs out of memory.
DUCKDB_MEMORY_LIMIT = "64MB"
#: What a query that runs out of memory under the limit above is retried with.
DUCKDB_RETRY_MEMORY_LIMIT = "1GB"


def bounded_connection() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with bounded memory (one thread, spilling to temp)."""
    import os
    import tempfile

    con = duckdb.connect(":memory:")
    con.execute(f"SET memory_limit = '{DUCKDB_MEMORY_LIMIT}'")
    con.execute("SET threads = 1")
    spill = os.path.join(tempfile.gettempdir(), f"accords-duckdb-{os.getpid()}").replace("'", "''")
    con.execute(f"SET temp_directory = '{spill}'")
    return con


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(con: duckdb.DuckDBPyConnection, view: str) -> dict[str, str]:
    return {str(r[0]): str(r[1]) for r in con.execute(f"DESCRIBE {view}").fetchall()}


def _key_sample(con: duckdb.DuckDBPyConnection, sql: str, key: list[str]) -> list[Any]:
    rows = con.execute(f"{sql} ORDER BY {', '.join(_q(k) for k in key)} LIMIT {SAMPLE_KEYS}").fetchall()
    return [r[0] if len(key) == 1 else list(r) for r in rows]


def _files_view(name: str, glob: str, files: list[str] | None) -> str:
    """A view over the whole table (``files`` None) or over some of its part files only."""
    if files is None:
        return f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT * FROM read_parquet('{glob}')"
    if not files:  # every part is shared: the table's schema, no rows
        return f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT * FROM read_parquet('{glob}') LIMIT 0"
    quoted = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
    return f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT * FROM read_parquet([{quoted}])"


def _diff_table(con: duckdb.DuckDBPyConnection, table: str, old_glob: str, new_glob: str,
                differing: tuple[list[str], list[str]] | None = None) -> TableDiff:
    """Rows added, removed and changed in ``table``. With ``differing`` (the old and new part
    files that are not byte-identical in both versions) rows are matched only within those:
    a part with the same path and sha256 in both versions holds the same rows, and a primary
    key is in one part only, so its rows are unchanged and match nothing elsewhere."""
    key = list(TABLES[table].key)
    con.execute(f"CREATE OR REPLACE TEMP VIEW o_all AS SELECT * FROM read_parquet('{old_glob}')")
    con.execute(f"CREATE OR REPLACE TEMP VIEW n_all AS SELECT * FROM read_parquet('{new_glob}')")
    con.execute(_files_view("o", old_glob, differing[0] if differing else None))
    con.execute(_files_view("n", new_glob, differing[1] if differing else None))
    cols_o, cols_n = _columns(con, "o_all"), _columns(con, "n_all")
    count = con.execute("SELECT (SELECT count(*) FROM o_all), (SELECT count(*) FROM n_all)").fetchone()
    assert count is not None
    d = TableDiff(table, key, int(count[0]), int(count[1]))
    d.columns_added = [c for c in cols_n if c not in cols_o]
    d.columns_removed = [c for c in cols_o if c not in cols_n]
    d.columns_retyped = {c: [cols_o[c], cols_n[c]] for c in cols_o if c in cols_n and cols_o[c] != cols_n[c]}
    if any(k not in cols_o or k not in cols_n for k in key):
        d.note = f"primary key {key} missing from one version: rows not matched"
        return d
    on = " AND ".join(f"o.{_q(k)} = n.{_q(k)}" for k in key)
    sel = ", ".join(f"n.{_q(k)}" for k in key)
    sel_o = ", ".join(f"o.{_q(k)}" for k in key)
    added = f"SELECT {sel} FROM n ANTI JOIN o ON {on}"
    removed = f"SELECT {sel_o} FROM o ANTI JOIN n ON {on}"
    # Retyped columns compare as text so a type change alone is not "every row changed".
    compare = [c for c in cols_o if c in cols_n and c not in key]
    exprs = {c: (f"o.{_q(c)}::VARCHAR IS DISTINCT FROM n.{_q(c)}::VARCHAR" if c in d.columns_retyped
                 else f"o.{_q(c)} IS DISTINCT FROM n.{_q(c)}") for c in compare}
    any_diff = " OR ".join(exprs.values()) or "FALSE"
    changed = f"SELECT {sel} FROM o JOIN n ON {on} WHERE {any_diff}"
    per_col = ", ".join(f"count(*) FILTER (WHERE {e})" for e in exprs.values())
    row = con.execute(
        f"SELECT (SELECT count(*) FROM ({added})), (SELECT count(*) FROM ({removed})), "
        f"(SELECT count(*) FROM ({changed}))" + (f", * FROM (SELECT {per_col} FROM o JOIN n ON {on})" if per_col else "")
    ).fetchone()
    assert row is not None
    d.added, d.removed, d.changed = int(row[0]), int(row[1]), int(row[2])
    d.unchanged = d.rows_old - d.removed - d.changed
    d.changed_columns = {c: int(n) for c, n in zip(compare, row[3:], strict=True) if n}
    if d.added:
        d.sample_added = _key_sample(con, added, key)
    if d.removed:
        d.sample_removed = _key_sample(con, removed, key)
    if d.changed:
        d.sample_changed = _key_sample(con, changed, key)
    return d


def diff_versions(
    out: str | Path,
    old: str,
    new: str,
    tables: Iterable[str] | None = None,
) -> DatasetDiff:
    """Row and schema differences from version ``old`` to ``new`` (ids or prefixes) in ``out``."""
    layout = Layout(Path(out))
    old_id, new_id = layout.resolve(old), layout.resolve(new)
    return diff_folders(
        (old_id, layout.version_dir(old_id), layout.manifest(old_id)),
        (new_id, layout.version_dir(new_id), layout.manifest(new_id)),
        tables,
    )


VersionFolder = tuple[str, Path, Mapping[str, Any]]
"""A version's id, its folder (published or still staged) and its manifest."""


def _differing_parts(table: str, old: VersionFolder, new: VersionFolder) -> tuple[list[str], list[str]] | None:
    """The part files of ``table`` that are not the same bytes (path and sha256 per the
    manifests) in both versions; None when a manifest does not list its files (or they do
    not match what is on disk), so that the whole table is compared."""
    parts = []
    for _, folder, manifest in (old, new):
        listed = {f["path"]: f.get("sha256") for f in manifest.get("files", []) or []
                  if isinstance(f, Mapping) and f.get("table") == table and f.get("path")}
        on_disk = {f"{table}/{p.name}" for p in (folder / table).glob("*.parquet")}
        if not listed or set(listed) != on_disk or any(not v for v in listed.values()):
            return None
        parts.append(listed)
    same = {p for p, h in parts[0].items() if parts[1].get(p) == h}
    return ([str(old[1] / p) for p in sorted(parts[0]) if p not in same],
            [str(new[1] / p) for p in sorted(parts[1]) if p not in same])


def diff_folders(old: VersionFolder, new: VersionFolder, tables: Iterable[str] | None = None) -> DatasetDiff:
    """:func:`diff_versions` over two version folders; the new one may still be staged
    (the pipeline diffs a version against its parent before publishing it)."""
    (old_id, old_dir, m_old), (new_id, new_dir, m_new) = old, new
    wanted = list(tables) if tables else list(TABLES)
    unknown = [t for t in wanted if t not in TABLES]
    if unknown:
        raise AccordsError(f"unknown table(s) {', '.join(unknown)}; tables: {', '.join(TABLES)}")
    con = bounded_connection()
    try:
        results = []
        for table in wanted:
            globs = [str(d / table / "*.parquet").replace("'", "''") for d in (old_dir, new_dir)]
            results.append(_diff_table(con, table, globs[0], globs[1], _differing_parts(table, old, new)))
    finally:
        con.close()
    c_old, c_new = m_old.get("contract_version"), m_new.get("contract_version")
    contract_diff = None
    if c_old != c_new and c_old and c_new:
        from accords.schemas.evolution import diff_refs

        try:
            contract_diff = diff_refs(str(c_old), str(c_new)).as_dict()
        except AccordsError as exc:  # an export is missing: the physical schema diff still stands
            contract_diff = {"error": str(exc), "changes": []}
    return DatasetDiff(old_id, new_id, c_old, c_new, results, contract_diff)


__all__ = ["DatasetDiff", "TableDiff", "VersionFolder", "diff_folders", "diff_versions"]
