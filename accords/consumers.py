"""Downstream consumers' SQL, checked against a version or a contract before it ships.

A consumer registers its queries as ``.sql`` files in a folder. Each file is
*bound* by DuckDB, never run: ``con.sql`` parses, resolves every table,
column and function and types the result without reading a row, so a check
over a large version costs the Parquet footers only.

Two targets:

* a published version (``out`` + ``version``): the views of
  :func:`accords.etl.store.connect`;
* a contract alone (``contract="1.0.0"``, a path to an export, or ``"code"``):
  empty tables typed from the contract's Arrow schema, so queries can be
  checked before any version with that contract exists.

:func:`gate` and :func:`promote` refuse to move ``CURRENT`` to a version that
breaks a registered query.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from accords.errors import AccordsError
from accords.etl.publish import Layout, _write_atomic, locked
from accords.etl.store import connect

#: Error message fragments -> why a query breaks (DuckDB 1.x/2.x binder wording).
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("missing_table", re.compile(r"Table with name \S+ does not exist|Catalog Error: Table", re.I)),
    ("missing_column", re.compile(r"Referenced column .* not found|column .* not found|does not have a column", re.I)),
    ("type_mismatch", re.compile(r"Cannot compare|No function matches|explicit cast|Conversion Error|"
                                 r"Could not convert|cannot be cast|Type mismatch|implicit cast", re.I)),
    ("syntax_error", re.compile(r"Parser Error", re.I)),
)


class ConsumerQueryError(AccordsError):
    """A registered consumer query does not bind against the version; CURRENT was not moved."""

    exit_code = 8

    def __init__(self, message: str, report: ConsumerReport) -> None:
        super().__init__(message)
        self.report = report


@dataclass
class QueryResult:
    """One .sql file: whether every statement binds, and if not, why."""

    path: str
    ok: bool
    error_kind: str | None = None
    error: str | None = None
    statement: int | None = None
    columns: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ConsumerReport:
    """Every query checked against one target."""

    target: str
    results: list[QueryResult]

    @property
    def broken(self) -> list[QueryResult]:
        return [r for r in self.results if not r.ok]

    @property
    def ok(self) -> bool:
        return not self.broken

    def as_dict(self) -> dict[str, Any]:
        return {"target": self.target, "ok": self.ok, "queries": len(self.results),
                "broken": len(self.broken), "results": [r.as_dict() for r in self.results]}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2)

    def summary(self) -> str:
        head = f"{len(self.results) - len(self.broken)} of {len(self.results)} queries bind against {self.target}"
        lines = [head]
        for r in self.broken:
            lines.append(f"  BROKEN {r.path} [{r.error_kind}]: {r.error}")
        return "\n".join(lines)


def classify_error(message: str) -> str:
    """missing_table, missing_column, type_mismatch, syntax_error or other."""
    for kind, pattern in _KINDS:
        if pattern.search(message):
            return kind
    return "other"


def contract_connection(contract: str | Path | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with one empty, typed table per table of the contract
    (an exported version, an export folder, or None/"code" for the models)."""
    from accords.schemas.export import load_contract

    return _tables_from_contract(load_contract(contract))


def _tables_from_contract(data: dict[str, Any]) -> duckdb.DuckDBPyConnection:
    from accords.schemas.export import arrow_schema_from_contract

    con = duckdb.connect(":memory:")
    for table in data["tables"]:
        empty = arrow_schema_from_contract(data, table).empty_table()
        con.register("_accords_empty", empty)
        con.execute(f'CREATE TABLE "{table}" AS SELECT * FROM _accords_empty')
        con.unregister("_accords_empty")
    con.execute(f"CREATE VIEW accords_version AS SELECT 'contract {data['contract_version']}' AS version_id, "
                "NULL::VARCHAR AS out_dir")
    return con


def _bind_file(con: duckdb.DuckDBPyConnection, path: Path, root: Path) -> QueryResult:
    rel = str(path.relative_to(root))
    sql = path.read_text(encoding="utf-8")
    # A cursor is a fresh connection to the same database: temporary views a
    # file creates do not leak into the next file.
    cur = con.cursor()
    try:
        try:
            statements = cur.extract_statements(sql)
        except duckdb.Error as exc:
            msg = str(exc).splitlines()[0]
            return QueryResult(rel, False, classify_error(msg), msg, 0)
        if not statements:
            return QueryResult(rel, False, "empty", "no SQL statement in the file")
        columns: list[dict[str, str]] = []
        for i, stmt in enumerate(statements):
            try:
                if stmt.type == duckdb.StatementType.SELECT:
                    rel_ = cur.sql(stmt.query)  # binds and types; nothing runs until fetched
                    columns = [{"name": n, "type": str(t)} for n, t in zip(rel_.columns, rel_.types, strict=True)]
                elif stmt.type == duckdb.StatementType.CREATE and re.match(
                        r"\s*create\s+(or\s+replace\s+)?(temp\w*\s+)?view\b", stmt.query, re.I):
                    cur.execute(stmt.query)  # a view only binds its query
                else:
                    cur.execute(f"EXPLAIN {stmt.query}")
            except duckdb.Error as exc:
                msg = str(exc).splitlines()[0]
                return QueryResult(rel, False, classify_error(msg), msg, i)
        return QueryResult(rel, True, columns=columns)
    finally:
        cur.close()


def query_files(queries_dir: str | Path) -> list[Path]:
    """Every .sql file under ``queries_dir``, sorted."""
    root = Path(queries_dir)
    if not root.is_dir():
        raise AccordsError(f"consumer queries folder {root} does not exist")
    return sorted(root.rglob("*.sql"))


def check_queries(
    queries_dir: str | Path,
    out: str | Path | None = "outputs",
    version: str | None = None,
    contract: str | Path | None = None,
) -> ConsumerReport:
    """Bind every .sql file in ``queries_dir``.

    With ``contract`` set (a version such as ``1.0.0``, an export folder, or
    ``"code"``) the queries are bound against empty tables typed from that
    contract and ``out``/``version`` are ignored; otherwise against the views
    of ``version`` (default CURRENT) in ``out``.
    """
    root = Path(queries_dir)
    files = query_files(root)
    if contract is not None:
        from accords.schemas.export import load_contract

        data = load_contract(contract)
        con = _tables_from_contract(data)
        target = f"contract {data['contract_version']}"
    else:
        layout = Layout(Path(out or "outputs"))
        version_id = layout.resolve(version)
        con = connect(layout.root, version_id)
        target = f"{version_id} in {layout.root}"
    try:
        return ConsumerReport(target, [_bind_file(con, f, root) for f in files])
    finally:
        con.close()


def gate(out: str | Path, version: str, queries_dir: str | Path) -> ConsumerReport:
    """Raise :class:`ConsumerQueryError` unless every query binds against ``version``."""
    report = check_queries(queries_dir, out=out, version=version)
    if not report.ok:
        raise ConsumerQueryError(
            f"{len(report.broken)} consumer quer{'y' if len(report.broken) == 1 else 'ies'} "
            f"would break; CURRENT not moved.\n{report.summary()}", report)
    return report


def promote(out: str | Path, version: str, queries_dir: str | Path | None = None) -> str:
    """Make an already-published version CURRENT, if every consumer query binds against it.

    Holds the output folder's lock so no run publishes meanwhile, and writes
    CURRENT the way a run does (temp file, fsync, rename). Returns the version id.
    """
    layout = Layout(Path(out))
    with locked(layout):
        version_id = layout.resolve(version)
        layout.manifest(version_id)  # a version without its manifest is not published
        if queries_dir is not None:
            gate(layout.root, version_id, queries_dir)
        _write_atomic(layout.current, version_id + "\n")
    return str(version_id)


__all__ = ["ConsumerQueryError", "ConsumerReport", "QueryResult", "check_queries", "classify_error",
           "contract_connection", "gate", "promote", "query_files"]
