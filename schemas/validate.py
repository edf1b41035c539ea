"""Run every table contract and cross-table rule over a set of frames.

Validation is lazy (all failures are collected, not the first one) and always
runs the data-level checks: pandera skips them for ``LazyFrame`` input unless
the validation depth says otherwise, so we validate collected ``DataFrame``s
*and* pin the depth to SCHEMA_AND_DATA.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandera.polars as pa
import polars as pl
from accords.schemas import TABLES
from accords.schemas.relations import RULES
from pandera.config import ValidationDepth, config_context

from accords.errors import ContractViolation

SAMPLE_ROWS = 5
_MAX_CELL = 120


@dataclass
class CheckResult:
    """One check's outcome, for the terminal, the JSON report and the HTML report."""

    table: str
    column: str
    check: str
    passed: bool
    failure_count: int = 0
    sample: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "column": self.column,
            "check": self.check,
            "passed": self.passed,
            "failure_count": self.failure_count,
            "sample": self.sample,
        }


@dataclass
class ValidationReport:
    """Every check that ran, and which failed."""

    results: list[CheckResult]

    @property
    def failures(self) -> list[CheckResult]:
        return [r for r in self.results if not r.passed]

    @property
    def ok(self) -> bool:
        return not self.failures

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "checks": len(self.results),
            "failed": len(self.failures),
            "failures": [r.as_dict() for r in self.failures],
            "results": [r.as_dict() for r in self.results],
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2, sort_keys=True, default=str)

    def summary(self) -> str:
        """A terminal-friendly multi-line description of the failures."""
        lines = [f"{len(self.failures)} of {len(self.results)} contract checks failed:"]
        for r in self.failures:
            lines.append(
                f"  - table {r.table!r}, column {r.column!r}, check {r.check!r}: "
                f"{r.failure_count} failing row(s)"
            )
            for row in r.sample[:3]:
                lines.append(f"      {row}")
        return "\n".join(lines)


def _clip(value: Any) -> Any:
    if isinstance(value, str) and len(value) > _MAX_CELL:
        return value[:_MAX_CELL] + "…"
    if isinstance(value, list):
        return [_clip(v) for v in value[:10]]
    return value


def _rows(df: pl.DataFrame, limit: int = SAMPLE_ROWS) -> list[dict[str, Any]]:
    return [{k: _clip(v) for k, v in row.items()} for row in df.head(limit).to_dicts()]


def _declared_checks(model: type[pa.DataFrameModel]) -> list[tuple[str, str]]:
    """(column, check) for every check the model declares, including dtype and nullability."""
    schema = model.to_schema()
    out: list[tuple[str, str]] = [("*", "column_names_strict")]
    for name, col in schema.columns.items():
        out.append((name, f"dtype('{col.dtype}')"))
        if not col.nullable:
            out.append((name, "not_nullable"))
        if col.unique:
            out.append((name, "field_uniqueness"))
        out.extend((name, str(c.name if c.name else c)) for c in col.checks)
    for c in schema.checks:
        out.append(("*", str(c.name)))
    if schema.unique:
        out.append((",".join(schema.unique), "multiple_fields_uniqueness"))
    return out


def _check_label(check: str) -> str:
    # pandera reports built-in checks with their arguments ("str_matches('^doc_')");
    # declared-check names are the bare function names.
    return check.split("(", 1)[0]


def validate_table(name: str, df: pl.DataFrame) -> list[CheckResult]:
    """Run one table's pandera contract, returning one result per declared check."""
    model = TABLES[name].model
    failed: dict[tuple[str, str], CheckResult] = {}
    with config_context(validation_depth=ValidationDepth.SCHEMA_AND_DATA):
        try:
            model.validate(df, lazy=True)
        except pa.errors.SchemaErrors as exc:
            cases = exc.failure_cases
            for (column, check), group in cases.group_by(["column", "check"], maintain_order=True):
                column = str(column) if column is not None else "*"
                label = _check_label(str(check))
                idx = [int(i) for i in group["index"].drop_nulls().unique().sort().to_list()]
                if idx:
                    sample = _rows(df.with_row_index("_row")[idx[:SAMPLE_ROWS]])
                else:
                    sample = [{"failure_case": _clip(v)} for v in group["failure_case"].head(SAMPLE_ROWS).to_list()]
                key = (column, label)
                failed[key] = CheckResult(name, column, str(check), False, max(len(idx), group.height), sample)
    results: list[CheckResult] = []
    for column, check in _declared_checks(model):
        hit = failed.pop((column, _check_label(check)), None)
        results.append(hit or CheckResult(name, column, check, True))
    results.extend(failed.values())  # failures pandera raised that the model does not list
    return results


def combine_results(parts: Sequence[Sequence[CheckResult]]) -> list[CheckResult]:
    """One table's :func:`validate_table` results over consecutive chunks of its rows, as one
    result per check: passed when it passed on every chunk, failing rows added up, the
    first samples kept. Row and column checks are then the same as on the whole table;
    uniqueness across chunks is not (the caller checks that on the whole column)."""
    merged: dict[tuple[str, str, str], CheckResult] = {}
    for part in parts:
        for r in part:
            key = (r.table, r.column, r.check)
            cur = merged.get(key)
            if cur is None:
                merged[key] = CheckResult(r.table, r.column, r.check, r.passed, r.failure_count, list(r.sample))
                continue
            cur.passed = cur.passed and r.passed
            cur.failure_count += r.failure_count
            cur.sample = (cur.sample + r.sample)[:SAMPLE_ROWS]
    return list(merged.values())


def validate_frames(frames: Mapping[str, pl.DataFrame]) -> ValidationReport:
    """Check every table and every cross-table rule; never raises on bad rows."""
    results: list[CheckResult] = []
    missing = [t for t in TABLES if t not in frames]
    for table in missing:
        results.append(CheckResult(table, "*", "table_present", False, 1, [{"missing_table": table}]))
    for name in TABLES:
        if name in frames:
            results.extend(validate_table(name, frames[name]))
    if missing:
        return ValidationReport(results)
    for rule in RULES:
        try:
            bad = rule.failing_rows(frames)
        except (pl.exceptions.PolarsError, KeyError) as exc:  # a broken table breaks its rules too
            results.append(CheckResult(rule.table, rule.column, rule.name, False, 1, [{"error": str(exc)}]))
            continue
        results.append(
            CheckResult(rule.table, rule.column, rule.name, bad.is_empty(), bad.height, _rows(bad))
        )
    return ValidationReport(results)


def ensure_valid(frames: Mapping[str, pl.DataFrame]) -> ValidationReport:
    """Like :func:`validate_frames` but raise :class:`ContractViolation` on any failure."""
    report = validate_frames(frames)
    if not report.ok:
        raise ContractViolation(report.summary(), report.as_dict())
    return report
