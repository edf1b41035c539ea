"""Classify the differences between two exported contracts, and police version bumps.

Every difference is a :class:`Change` with a level:

``major`` (breaking)
    A query, a reader or a stored version that was right under the old
    contract can be wrong under the new one: a table or column removed (or
    renamed, which is a removal plus an addition), a type changed, nullability
    changed in either direction, an enum value removed or the order of the
    existing values changed, uniqueness or the primary key changed, a new
    non-nullable column, a check added or tightened, strictness changed.
``minor`` (compatible)
    Additions a well-behaved consumer tolerates: a new table, a new nullable
    column, a new enum value (consumers must expect new values), a check
    removed or relaxed, a cross-table rule removed, the row order changed.
``patch``
    Documentation only: descriptions and titles.

Checks with parameters are compared by meaning where that is known (a lower
minimum is relaxed, a narrower range is tightened); a changed regular
expression or an unknown check whose parameters changed counts as tightened,
because nothing proves it is not. Custom checks are compared by name only.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from accords.schemas.export import (
    contracts_dir,
    describe_contract,
    load_contract,
    parse_semver,
    released_versions,
    stale_files,
)

LEVELS = ("patch", "minor", "major")


@dataclass(frozen=True)
class Change:
    """One difference between two contracts."""

    kind: str
    table: str
    column: str | None
    level: str
    detail: str

    @property
    def breaking(self) -> bool:
        return self.level == "major"

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "breaking": self.breaking}

    def line(self) -> str:
        where = self.table + (f".{self.column}" if self.column else "")
        tag = {"major": "BREAKING", "minor": "compatible", "patch": "docs"}[self.level]
        return f"{tag:<10} {self.kind:<22} {where}: {self.detail}"


@dataclass
class ContractDiff:
    """All changes from ``old_version`` to ``new_version``."""

    old_version: str
    new_version: str
    changes: list[Change] = field(default_factory=list)

    @property
    def breaking(self) -> list[Change]:
        return [c for c in self.changes if c.breaking]

    @property
    def required_bump(self) -> str | None:
        """The smallest semver bump the changes need (None: nothing changed)."""
        if not self.changes:
            return None
        return max((c.level for c in self.changes), key=LEVELS.index)

    @property
    def actual_bump(self) -> str | None:
        old, new = parse_semver(self.old_version), parse_semver(self.new_version)
        if new[0] != old[0]:
            return "major" if new[0] > old[0] else "downgrade"
        if new[1] != old[1]:
            return "minor" if new[1] > old[1] else "downgrade"
        if new[2] != old[2]:
            return "patch" if new[2] > old[2] else "downgrade"
        return None

    @property
    def bump_ok(self) -> bool:
        """True when the new version number covers the changes (a bigger bump is fine)."""
        need, have = self.required_bump, self.actual_bump
        if have == "downgrade":
            return False
        if need is None:
            return True
        return have is not None and LEVELS.index(have) >= LEVELS.index(need)

    @property
    def major_raised(self) -> bool:
        return bool(parse_semver(self.new_version)[0] > parse_semver(self.old_version)[0])

    def as_dict(self) -> dict[str, Any]:
        return {
            "old_version": self.old_version,
            "new_version": self.new_version,
            "required_bump": self.required_bump,
            "actual_bump": self.actual_bump,
            "bump_ok": self.bump_ok,
            "breaking": len(self.breaking),
            "changes": [c.as_dict() for c in self.changes],
        }

    def summary(self) -> str:
        head = (f"contract {self.old_version} -> {self.new_version}: {len(self.changes)} change(s), "
                f"{len(self.breaking)} breaking; needs a {self.required_bump or 'no'} bump")
        return "\n".join([head, *("  " + c.line() for c in self.changes)])


# --------------------------------------------------------------------------- checks

#: Checks whose parameters bound a value from below / above, by parameter name.
_LOWER = {"greater_than_or_equal_to": "min_value", "greater_than": "min_value"}
_UPPER = {"less_than_or_equal_to": "max_value", "less_than": "max_value"}


def _cmp(a: Any, b: Any) -> int:
    return int(a > b) - int(a < b)


def _check_direction(name: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> str:
    """'relaxed' or 'tightened' for a check whose parameters changed."""
    if name in _LOWER:
        return "relaxed" if _cmp(new[_LOWER[name]], old[_LOWER[name]]) < 0 else "tightened"
    if name in _UPPER:
        return "relaxed" if _cmp(new[_UPPER[name]], old[_UPPER[name]]) > 0 else "tightened"
    if name in ("in_range", "str_length"):
        lo_old, lo_new = old.get("min_value"), new.get("min_value")
        hi_old, hi_new = old.get("max_value"), new.get("max_value")
        if "exact_value" in old or "exact_value" in new:
            return "tightened"
        lower_ok = lo_new is None or (lo_old is not None and lo_new <= lo_old)
        upper_ok = hi_new is None or (hi_old is not None and hi_new >= hi_old)
        incl_ok = all(bool(new.get(k, True)) or not old.get(k, True) for k in ("include_min", "include_max"))
        return "relaxed" if lower_ok and upper_ok and incl_ok else "tightened"
    if name == "isin":
        return "relaxed" if set(old["allowed_values"]) <= set(new["allowed_values"]) else "tightened"
    return "tightened"  # a changed pattern or unknown parameters: cannot prove it is looser


def _check_changes(table: str, column: str | None, old: Iterable[Mapping[str, Any]],
                   new: Iterable[Mapping[str, Any]]) -> list[Change]:
    olds = {c["name"]: dict(c.get("params", {})) for c in old}
    news = {c["name"]: dict(c.get("params", {})) for c in new}
    out: list[Change] = []
    for name in olds.keys() - news.keys():
        out.append(Change("check_removed", table, column, "minor", f"check {name} removed (relaxed)"))
    for name in news.keys() - olds.keys():
        out.append(Change("check_added", table, column, "major", f"check {name} added (tightened)"))
    for name in olds.keys() & news.keys():
        if olds[name] != news[name]:
            direction = _check_direction(name, olds[name], news[name])
            out.append(Change(f"check_{direction}", table, column,
                              "minor" if direction == "relaxed" else "major",
                              f"check {name} {olds[name]} -> {news[name]} ({direction})"))
    return sorted(out, key=lambda c: c.detail)


# --------------------------------------------------------------------------- columns


def _column_changes(table: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    name = old["name"]
    out: list[Change] = []
    if old["type"] != new["type"]:
        out.append(Change("type_changed", table, name, "major", f"type {old['type']} -> {new['type']}"))
    elif old.get("enum") != new.get("enum"):
        before, after = list(old.get("enum") or []), list(new.get("enum") or [])
        removed = [v for v in before if v not in after]
        added = [v for v in after if v not in before]
        kept_order = [v for v in after if v in before]
        if removed:
            out.append(Change("enum_value_removed", table, name, "major", f"values removed: {removed}"))
        elif kept_order != before:
            out.append(Change("enum_reordered", table, name, "major",
                              "existing values reordered (polars Enum order is part of the contract)"))
        if added:
            out.append(Change("enum_value_added", table, name, "minor",
                              f"values added: {added} (consumers must expect new values)"))
    if old["nullable"] != new["nullable"]:
        if new["nullable"]:
            out.append(Change("nullability_relaxed", table, name, "major",
                              "may now be null: code that assumes a value breaks"))
        else:
            out.append(Change("nullability_tightened", table, name, "major",
                              "no longer nullable: stored versions with nulls no longer fit"))
    if old["unique"] != new["unique"]:
        out.append(Change("uniqueness_changed", table, name, "major",
                          f"unique {old['unique']} -> {new['unique']}"))
    out += _check_changes(table, name, old.get("checks", []), new.get("checks", []))
    if old.get("description") != new.get("description"):
        out.append(Change("description_changed", table, name, "patch", "description changed"))
    return out


def _table_changes(name: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    out: list[Change] = []
    old_cols = {c["name"]: c for c in old["columns"]}
    new_cols = {c["name"]: c for c in new["columns"]}
    for col in old_cols:
        if col not in new_cols:
            out.append(Change("column_removed", name, col, "major", "column removed (or renamed)"))
    for col, spec in new_cols.items():
        if col not in old_cols:
            if spec["nullable"]:
                out.append(Change("column_added", name, col, "minor", f"new nullable {spec['type']} column"))
            else:
                out.append(Change("column_added_required", name, col, "major",
                                  f"new non-nullable {spec['type']} column: older versions lack it"))
        else:
            out += _column_changes(name, old_cols[col], spec)
    common_old = [c for c in old_cols if c in new_cols]
    common_new = [c for c in new_cols if c in old_cols]
    if common_old != common_new:
        out.append(Change("columns_reordered", name, None, "minor",
                          "column order changed (select columns by name, never by position)"))
    if list(old["key"]) != list(new["key"]):
        out.append(Change("key_changed", name, None, "major", f"primary key {old['key']} -> {new['key']}"))
    if list(old.get("unique_together", [])) != list(new.get("unique_together", [])):
        out.append(Change("uniqueness_changed", name, None, "major",
                          f"unique together {old.get('unique_together')} -> {new.get('unique_together')}"))
    if old.get("strict") != new.get("strict"):
        out.append(Change("strictness_changed", name, None, "major",
                          f"strict {old.get('strict')} -> {new.get('strict')}"))
    if list(old.get("sort_by", [])) != list(new.get("sort_by", [])):
        out.append(Change("row_order_changed", name, None, "minor",
                          f"rows sorted by {old.get('sort_by')} -> {new.get('sort_by')}"))
    out += _check_changes(name, None, old.get("dataframe_checks", []), new.get("dataframe_checks", []))
    if old.get("description") != new.get("description") or old.get("title") != new.get("title"):
        out.append(Change("description_changed", name, None, "patch", "table description changed"))
    return out


def _relation_key(r: Mapping[str, Any]) -> tuple[str, str, str]:
    return (r["name"], r["table"], r["column"])


def diff_contracts(old: Mapping[str, Any], new: Mapping[str, Any]) -> ContractDiff:
    """Every change from ``old`` to ``new`` (contract dicts as exported), classified."""
    changes: list[Change] = []
    for table, spec in old["tables"].items():
        if table not in new["tables"]:
            changes.append(Change("table_removed", table, None, "major", "table removed"))
        else:
            changes += _table_changes(table, spec, new["tables"][table])
    for table in new["tables"]:
        if table not in old["tables"]:
            changes.append(Change("table_added", table, None, "minor", "new table"))
    old_rel = {_relation_key(r): r for r in old.get("relations", [])}
    new_rel = {_relation_key(r): r for r in new.get("relations", [])}
    for key in old_rel.keys() - new_rel.keys():
        changes.append(Change("rule_removed", key[1], key[2], "minor", f"cross-table rule {key[0]} removed"))
    for key in new_rel.keys() - old_rel.keys():
        changes.append(Change("rule_added", key[1], key[2], "major",
                              f"cross-table rule {key[0]} added: {new_rel[key]['description']}"))
    for key in old_rel.keys() & new_rel.keys():
        if old_rel[key]["description"] != new_rel[key]["description"]:
            changes.append(Change("description_changed", key[1], key[2], "patch",
                                  f"cross-table rule {key[0]} description changed"))
    return ContractDiff(str(old["contract_version"]), str(new["contract_version"]), changes)


def diff_refs(old: str | Path, new: str | Path) -> ContractDiff:
    """:func:`diff_contracts` of two versions, folders or ``code``."""
    return diff_contracts(load_contract(old), load_contract(new))


# --------------------------------------------------------------------------- CI check


@dataclass
class CheckOutcome:
    """Result of ``accords contract check``."""

    ok: bool
    messages: list[str]
    diffs: list[ContractDiff]

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "messages": self.messages, "diffs": [d.as_dict() for d in self.diffs]}


def check_exports(root: Path | None = None) -> CheckOutcome:
    """The models in code against the committed exports.

    Fails when the code's contract differs from the export of the same version
    (the version must be bumped, or an unreleased export regenerated), when the
    code's version has no export yet, when the version number does not cover
    the changes since the previous export, and when any two consecutive
    committed exports are numbered too low for their changes.
    """
    base = root or contracts_dir()
    code = describe_contract()
    version = str(code["contract_version"])
    versions = released_versions(base)
    messages: list[str] = []
    diffs: list[ContractDiff] = []
    ok = True
    for a, b in itertools.pairwise(versions):
        d = diff_contracts(load_contract(a, base), load_contract(b, base))
        if not d.bump_ok:
            ok = False
            messages.append(f"committed exports {a} -> {b} need a {d.required_bump} bump:\n{d.summary()}")
    if version in versions:
        d = diff_contracts(load_contract(version, base), code)
        stale = stale_files(base, version)
        if d.changes:
            ok = False
            diffs.append(d)
            messages.append(
                f"the models differ from the committed export of contract {version}.\n{d.summary()}\n"
                f"Released contracts never change: raise CONTRACT_VERSION in schemas/version.py to at least a "
                f"{d.required_bump} bump, run `accords contract export`, and commit schemas/contracts/<new version>/. "
                f"(If {version} was never released, re-run `accords contract export` and commit it.)"
            )
        elif stale:
            ok = False
            messages.append(f"export of {version} is stale ({', '.join(stale)}); "
                            "run `accords contract export` and commit it")
        else:
            messages.append(f"contract {version}: models match the committed export")
        return CheckOutcome(ok, messages, diffs)
    older = [v for v in versions if parse_semver(v) < parse_semver(version)]
    if versions and not older:
        messages.append(f"CONTRACT_VERSION {version} is lower than every committed export ({', '.join(versions)})")
        return CheckOutcome(False, messages, diffs)
    if older:
        d = diff_contracts(load_contract(older[-1], base), code)
        diffs.append(d)
        if not d.bump_ok:
            messages.append(f"CONTRACT_VERSION {version} is too small for the changes since {older[-1]}:\n"
                            f"{d.summary()}")
    messages.append(f"contract {version} has no committed export: run `accords contract export` and commit "
                    f"schemas/contracts/{version}/")
    return CheckOutcome(False, messages, diffs)
