"""The committed contract exports agree with the models, and the CI check polices bumps."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from accords.schemas import CONTRACT_VERSION, TABLES
from accords.schemas.dtypes import arrow_schema
from accords.schemas.evolution import check_exports
from accords.schemas.export import (
    arrow_schema_from_contract,
    contract_markdown,
    contracts_dir,
    describe_contract,
    export,
    json_schema,
    load_contract,
    released_versions,
    stale_files,
)
from click.testing import CliRunner

from accords.cli import main


def test_committed_export_matches_the_models() -> None:
    # Fails when a model changes without `accords contract export` (and a version bump).
    assert CONTRACT_VERSION in released_versions()
    assert stale_files() == [], "run `accords contract export` (and bump CONTRACT_VERSION if released)"
    outcome = check_exports()
    assert outcome.ok, "\n".join(outcome.messages)


def test_export_is_faithful_to_the_models() -> None:
    contract = load_contract(CONTRACT_VERSION)
    assert list(contract["tables"]) == list(TABLES)
    docs = {c["name"]: c for c in contract["tables"]["documents"]["columns"]}
    assert docs["published_date"]["nullable"] and docs["published_date"]["type"] == "date"
    assert docs["published_date"]["checks"][0]["params"]["min_value"] == "1900-01-01"
    assert docs["title_source"]["enum"] == ["headline", "derived"]
    assert {c["name"] for c in docs["title"]["checks"]} == {"str_length", "not_blank"}
    assert contract["tables"]["mentions"]["unique_together"] == ["document_id", "start_char", "end_char", "entity_id"]
    assert {c["name"] for c in contract["tables"]["documents"]["dataframe_checks"]} == {
        "char_count_is_text_length", "date_source_iff_published_date"}
    assert any(r["name"] == "surface_is_slice" for r in contract["relations"])
    for table in TABLES:
        rebuilt = arrow_schema_from_contract(contract, table)
        assert rebuilt.equals(arrow_schema(table), check_metadata=False), table


def test_every_format_is_written(tmp_path: Path) -> None:
    target = export(tmp_path)
    names = {str(p.relative_to(target)) for p in target.rglob("*") if p.is_file()}
    for table in TABLES:
        assert f"jsonschema/{table}.schema.json" in names
        assert "dataframe" in (target / f"pandera/{table}.yaml").read_text()  # pandera's own YAML
    odcs = yaml.safe_load((target / "datacontract.yaml").read_text())
    assert odcs["kind"] == "DataContract" and odcs["version"] == CONTRACT_VERSION
    assert [s["name"] for s in odcs["schema"]] == list(TABLES)
    js = json.loads((target / "jsonschema/sources.schema.json").read_text())
    assert js["properties"]["reason_code"]["enum"][-1] is None  # nullable enum
    assert js["additionalProperties"] is False and js["x-accords-key"] == ["source_path"]


def test_json_schema_types_match_real_rows(seeds_out: Path) -> None:
    # Each published value's JSON type is one the row schema allows.
    from accords.etl.store import read_table

    kinds = {str: "string", int: "integer", float: "number", bool: "boolean", list: "array", type(None): "null"}
    contract = describe_contract()
    for table in TABLES:
        schema = json_schema(contract, table)
        rows = read_table(seeds_out, table).head(20).to_dicts()
        for row in rows:
            assert set(row) == set(schema["required"])
            for col, value in row.items():
                allowed = schema["properties"][col]["type"]
                allowed = allowed if isinstance(allowed, list) else [allowed]
                got = "string" if hasattr(value, "isoformat") else kinds[type(value)]
                assert got in allowed, (table, col, value)


def test_markdown_reference_lists_every_column() -> None:
    md = contract_markdown()
    assert md == contract_markdown(CONTRACT_VERSION)
    for table, spec in TABLES.items():
        assert f"## `{table}`" in md
        for col in spec.model.to_schema().columns:
            assert f"| `{col}` |" in md


def test_check_fails_when_models_drift_from_the_same_version(tmp_path: Path) -> None:
    shutil.copytree(contracts_dir() / CONTRACT_VERSION, tmp_path / CONTRACT_VERSION)
    path = tmp_path / CONTRACT_VERSION / "contract.json"
    data = json.loads(path.read_text())
    # As if the code had since added a required column: needs a major bump.
    data["tables"]["documents"]["columns"] = data["tables"]["documents"]["columns"][:-1]
    path.write_text(json.dumps(data))
    outcome = check_exports(tmp_path)
    assert not outcome.ok
    assert "raise CONTRACT_VERSION" in outcome.messages[0] and "major" in outcome.messages[0]


def test_check_fails_without_an_export_and_names_the_bump(tmp_path: Path) -> None:
    data = describe_contract()
    data["contract_version"] = "0.9.0"
    data["tables"]["documents"]["columns"][0]["description"] = "old words"
    (tmp_path / "0.9.0").mkdir()
    (tmp_path / "0.9.0" / "contract.json").write_text(json.dumps(data))
    outcome = check_exports(tmp_path)
    assert not outcome.ok
    assert "has no committed export" in outcome.messages[-1]
    assert outcome.diffs[0].required_bump == "patch" and outcome.diffs[0].bump_ok


def test_cli_show_and_check() -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["contract", "show", "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.output)["contract_version"] == CONTRACT_VERSION
    res = runner.invoke(main, ["contract", "show", "--version", CONTRACT_VERSION, "--format", "yaml"])
    assert res.exit_code == 0 and yaml.safe_load(res.output)["apiVersion"].startswith("v3")
    res = runner.invoke(main, ["contract", "show", "--format", "md"])
    assert res.exit_code == 0 and "| Column | Type |" in res.output
    assert runner.invoke(main, ["contract", "check"]).exit_code == 0
    res = runner.invoke(main, ["contract", "show", "--version", "9.9.9"])
    assert res.exit_code == 5 and "9.9.9" in res.output
