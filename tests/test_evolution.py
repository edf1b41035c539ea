"""Contract evolution: each kind of change is classified, and property tests over generated changes."""

from __future__ import annotations

import copy
from typing import Any

from accords.schemas.evolution import diff_contracts
from accords.schemas.export import describe_contract
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from accords.cli import main

BASE = describe_contract()


def _with_version(contract: dict[str, Any], version: str) -> dict[str, Any]:
    out = copy.deepcopy(contract)
    out["contract_version"] = version
    return out


def _col(contract: dict[str, Any], table: str, name: str) -> dict[str, Any]:
    return next(c for c in contract["tables"][table]["columns"] if c["name"] == name)


def _kinds(old: dict[str, Any], new: dict[str, Any]) -> set[tuple[str, str]]:
    return {(c.kind, c.level) for c in diff_contracts(old, new).changes}


def test_identical_contracts_have_no_changes() -> None:
    d = diff_contracts(BASE, copy.deepcopy(BASE))
    assert d.changes == [] and d.required_bump is None and d.bump_ok


def test_named_cases() -> None:
    new = copy.deepcopy(BASE)
    _col(new, "documents", "title_source")["enum"].append("translated")
    assert _kinds(BASE, new) == {("enum_value_added", "minor")}

    new = copy.deepcopy(BASE)
    _col(new, "entities", "entity_type")["enum"].remove("location")
    assert _kinds(BASE, new) == {("enum_value_removed", "major")}

    new = copy.deepcopy(BASE)
    _col(new, "documents", "word_count")["checks"][0]["params"]["min_value"] = -1
    assert _kinds(BASE, new) == {("check_relaxed", "minor")}

    new = copy.deepcopy(BASE)
    _col(new, "documents", "published_date")["checks"][0]["params"]["min_value"] = "1990-01-01"
    assert _kinds(BASE, new) == {("check_tightened", "major")}

    new = copy.deepcopy(BASE)
    new["tables"]["documents"]["columns"].append(
        {"name": "region", "type": "string", "nullable": True, "unique": False, "description": "", "checks": []})
    assert _kinds(BASE, new) == {("column_added", "minor")}

    new = copy.deepcopy(BASE)
    _col(new, "mentions", "surface")["name"] = "surface_text"  # a rename
    assert _kinds(BASE, new) == {("column_removed", "major"), ("column_added_required", "major")}

    new = copy.deepcopy(BASE)
    new["tables"]["mentions"]["key"] = ["document_id", "start_char"]
    assert _kinds(BASE, new) == {("key_changed", "major")}

    new = copy.deepcopy(BASE)
    new["tables"]["events"] = copy.deepcopy(new["tables"]["sources"]) | {"name": "events"}
    assert _kinds(BASE, new) == {("table_added", "minor")}

    new = copy.deepcopy(BASE)
    _col(new, "entities", "iso3")["description"] = "ISO code."
    assert _kinds(BASE, new) == {("description_changed", "patch")}


def test_bumps() -> None:
    broken = copy.deepcopy(BASE)
    _col(broken, "documents", "char_count")["type"] = "int32"
    assert not diff_contracts(BASE, _with_version(broken, "1.1.0")).bump_ok
    assert diff_contracts(BASE, _with_version(broken, "2.0.0")).bump_ok
    assert not diff_contracts(_with_version(BASE, "1.2.0"), _with_version(BASE, "1.1.0")).bump_ok


# --------------------------------------------------------------------------- properties

TABLE = st.sampled_from(sorted(BASE["tables"]))


@st.composite
def mutation(draw: st.DrawFn) -> tuple[dict[str, Any], str, str]:
    """A contract with one generated change, the expected change kind and level."""
    new = copy.deepcopy(BASE)
    table = draw(TABLE)
    spec = new["tables"][table]
    cols = spec["columns"]
    col = draw(st.sampled_from(cols))
    name = draw(st.text("abcdefghijklmnopqrstuvwxyz_", min_size=3, max_size=12).map(lambda n: "x" + n).filter(
        lambda n: n not in {c["name"] for c in cols}))
    choice = draw(st.sampled_from([
        "add_nullable", "add_required", "remove", "retype", "null_relax", "null_tighten", "unique",
        "enum_add", "enum_remove", "check_add", "check_remove", "df_check_add", "table_remove",
        "table_add", "ge_relax", "ge_tighten", "describe",
    ]))
    typ = draw(st.sampled_from(["string", "int64", "date", "list<string>", "float64", "bool"]))
    fresh = {"name": name, "type": typ, "nullable": True, "unique": False, "description": "", "checks": []}
    enums = [c for c in cols if c.get("enum")]
    ges = [c for c in cols for k in c["checks"] if k["name"] == "greater_than_or_equal_to"]
    if choice == "add_nullable":
        cols.insert(draw(st.integers(0, len(cols))), fresh)
        return new, "column_added", "minor"
    if choice == "add_required":
        cols.append(fresh | {"nullable": False})
        return new, "column_added_required", "major"
    if choice == "remove":
        if col["name"] in spec["key"]:
            spec["key"] = []  # removing the key column changes the key too; keep one change
            return new, "key_changed", "major"
        cols.remove(col)
        return new, "column_removed", "major"
    if choice == "retype":
        if typ == col["type"] or col.get("enum"):
            return new, "", ""
        col["type"] = typ
        return new, "type_changed", "major"
    if choice in ("null_relax", "null_tighten"):
        if col["nullable"] == (choice == "null_relax"):
            return new, "", ""
        col["nullable"] = not col["nullable"]
        return new, "nullability_relaxed" if col["nullable"] else "nullability_tightened", "major"
    if choice == "unique":
        col["unique"] = not col["unique"]
        return new, "uniqueness_changed", "major"
    if choice in ("enum_add", "enum_remove") and enums:
        target = draw(st.sampled_from(enums))
        if choice == "enum_add":
            target["enum"].insert(draw(st.integers(0, len(target["enum"]))), name + "_v")
            return new, "enum_value_added", "minor"
        target["enum"].remove(draw(st.sampled_from(target["enum"])))
        return new, "enum_value_removed", "major"
    if choice == "check_add":
        col["checks"].append({"name": "custom_" + name, "kind": "custom", "params": {}})
        return new, "check_added", "major"
    if choice == "check_remove" and col["checks"]:
        col["checks"].pop(draw(st.integers(0, len(col["checks"]) - 1)))
        return new, "check_removed", "minor"
    if choice == "df_check_add":
        spec["dataframe_checks"].append({"name": "rule_" + name})
        return new, "check_added", "major"
    if choice == "table_remove":
        del new["tables"][table]
        new["relations"] = [r for r in new["relations"] if r["table"] != table]
        return new, "table_removed", "major"
    if choice == "table_add":
        new["tables"][name] = copy.deepcopy(spec) | {"name": name}
        return new, "table_added", "minor"
    if choice in ("ge_relax", "ge_tighten") and ges:
        target = draw(st.sampled_from(ges))
        check = next(k for k in target["checks"] if k["name"] == "greater_than_or_equal_to")
        step = draw(st.integers(1, 1000))
        check["params"]["min_value"] += -step if choice == "ge_relax" else step
        if choice == "ge_relax":
            return new, "check_relaxed", "minor"
        return new, "check_tightened", "major"
    col["description"] += " (clarified)"
    return new, "description_changed", "patch"


@settings(max_examples=200, deadline=None)
@given(mutation())
def test_generated_change_is_classified(case: tuple[dict[str, Any], str, str]) -> None:
    new, kind, level = case
    d = diff_contracts(BASE, new)
    if not kind:
        assert d.changes == []
        return
    assert [(c.kind, c.level) for c in d.changes if c.kind != "rule_removed"] == [(kind, level)], d.summary()
    assert d.required_bump == level
    assert bool(d.breaking) == (level == "major")


@settings(max_examples=80, deadline=None)
@given(mutation(), st.sampled_from(["1.0.1", "1.1.0", "2.0.0"]))
def test_bump_ok_iff_version_covers_the_change(case: tuple[dict[str, Any], str, str], version: str) -> None:
    new, _kind, level = case
    d = diff_contracts(_with_version(BASE, "1.0.0"), _with_version(new, version))
    need = {"": 0, "patch": 1, "minor": 2, "major": 3}[level]
    have = {"1.0.1": 1, "1.1.0": 2, "2.0.0": 3}[version]
    assert d.bump_ok == (have >= need)


def test_cli_diff_exit_codes(tmp_path: Any) -> None:
    import json

    runner = CliRunner()
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    (old / "contract.json").write_text(json.dumps(BASE))
    broken = copy.deepcopy(BASE)
    _col(broken, "documents", "text")["nullable"] = True
    (new / "contract.json").write_text(json.dumps(_with_version(broken, "1.1.0")))
    res = runner.invoke(main, ["contract", "diff", str(old), str(new)])
    assert res.exit_code == 9 and "nullability_relaxed" in res.output
    (new / "contract.json").write_text(json.dumps(_with_version(broken, "2.0.0")))
    res = runner.invoke(main, ["contract", "diff", str(old), str(new), "--json"])
    assert res.exit_code == 0 and json.loads(res.output)["breaking"] == 1
