"""Export the data contract for downstream teams, one folder per contract version.

``schemas/contracts/<version>/`` holds, all generated from the pandera models
by :func:`export` (``accords contract export`` or ``python -m
accords.schemas.export``) and never edited by hand:

``contract.json``
    The faithful description accords itself reads back (``contract diff``,
    ``contract check``, contract-only consumer checks): every table, column,
    dtype, enum values, nullability, uniqueness, key, column checks with their
    parameters, dataframe-level checks, cross-table rules and descriptions.
``pandera/<table>.yaml``
    pandera's own serialisation (``DataFrameSchema.to_yaml``). It is *lossy*
    for these models: pandera only serialises registered built-in checks, so
    custom checks (``not_blank``, the list checks, every dataframe check) are
    dropped; ``to_json`` fails outright on the date bounds; and reading it back
    (``polars_io.from_yaml``) needs pandas. It is shipped for pandera users,
    ``contract.json`` is the reference.
``jsonschema/<table>.schema.json``
    JSON Schema (2020-12) of one row of the table.
``datacontract.yaml``
    The contract in the Open Data Contract Standard (ODCS v3.1.0) format that
    datacontract-cli reads (``datacontract lint`` passes).
``reference.md``
    The human table reference (:func:`contract_markdown`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import sys
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import polars as pl
import yaml
from accords.schemas import TABLES
from accords.schemas.relations import RULES
from accords.schemas.version import CONTRACT_VERSION

from accords.errors import VersionNotFoundError

#: Format tag of contract.json; bump when its layout (not the data contract) changes.
FORMAT = "accords-contract/1"
CONTRACT_FILE = "contract.json"
SEMVER_RE = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")

#: Custom (function) checks carry no parameters pandera can see, so their
#: meaning is written down here, once, for the JSON Schema and the docs. A
#: custom check whose name is not listed is still exported (name only).
CUSTOM_CHECKS: dict[str, str] = {
    "not_blank": "has a non-space character",
    "list_has_no_nulls": "no list item is null",
    "list_items_not_blank": "no list item is empty or only white space",
    "list_is_unique": "no list item is repeated",
    "list_items_are_entity_ids": "every list item matches ^ent_[0-9a-f]{16}$",
}
_ENTITY_ID_ITEMS = r"^ent_[0-9a-f]{16}$"


def contracts_dir() -> Path:
    """The folder holding one exported contract per released version."""
    return Path(__file__).resolve().parent / "contracts"


def parse_semver(version: str) -> tuple[int, int, int]:
    m = SEMVER_RE.match(version)
    if not m:
        raise ValueError(f"not a semantic version (MAJOR.MINOR.PATCH): {version!r}")
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


# --------------------------------------------------------------------------- describe


def _dtype_name(dtype: Any) -> str:
    """A stable, engine-neutral type name; enums and lists spelt out."""
    if isinstance(dtype, pl.Enum):
        return "enum"
    if isinstance(dtype, pl.List):
        return f"list<{_dtype_name(dtype.inner)}>"
    names = {pl.Utf8: "string", pl.Int64: "int64", pl.Int32: "int32", pl.Float64: "float64",
             pl.Boolean: "bool", pl.Date: "date"}
    for pl_type, name in names.items():
        if dtype == pl_type:
            return name
    raise TypeError(f"no contract type name for polars dtype {dtype}")


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def _check(check: Any) -> dict[str, Any]:
    stats = dict(check.statistics or {})
    # Built-in checks (ge, str_matches, ...) carry their parameters in
    # ``statistics``; custom ones carry none, so their meaning comes from CUSTOM_CHECKS.
    builtin = bool(stats) or check.error is not None
    out: dict[str, Any] = {"name": str(check.name), "kind": "builtin" if builtin else "custom",
                           "params": {k: _jsonable(v) for k, v in sorted(stats.items()) if v is not None}}
    if not builtin and check.name in CUSTOM_CHECKS:
        out["description"] = CUSTOM_CHECKS[check.name]
    return out


def describe_table(name: str) -> dict[str, Any]:
    """One table's contract as plain JSON-able data."""
    spec = TABLES[name]
    schema = spec.model.to_schema()
    columns = []
    for col_name, col in schema.columns.items():
        dtype = col.dtype.type
        entry: dict[str, Any] = {
            "name": col_name,
            "type": _dtype_name(dtype),
            "nullable": bool(col.nullable),
            "unique": bool(col.unique),
            "description": col.description or "",
            "checks": [_check(c) for c in col.checks],
        }
        if isinstance(dtype, pl.Enum):
            entry["enum"] = [str(v) for v in dtype.categories.to_list()]
        columns.append(entry)
    return {
        "name": name,
        "description": schema.description or "",
        "title": (spec.model.__doc__ or "").strip(),
        "key": list(spec.key),
        "sort_by": list(spec.sort_by),
        "strict": bool(schema.strict),
        "unique_together": list(schema.unique or []),
        "columns": columns,
        "dataframe_checks": [{"name": str(c.name)} for c in schema.checks],
    }


def describe_contract() -> dict[str, Any]:
    """The contract the code's models define right now (what an export writes)."""
    return {
        "format": FORMAT,
        "contract_version": CONTRACT_VERSION,
        "tables": {name: describe_table(name) for name in TABLES},
        "relations": [
            {"name": r.name, "table": r.table, "column": r.column, "description": r.description}
            for r in RULES
        ],
    }


# --------------------------------------------------------------------------- load


def released_versions(root: Path | None = None) -> list[str]:
    """Exported contract versions, oldest first (semver order)."""
    base = root or contracts_dir()
    if not base.is_dir():
        return []
    found = [p.name for p in base.iterdir()
             if SEMVER_RE.match(p.name) and (p / CONTRACT_FILE).is_file()]
    return sorted(found, key=parse_semver)


class ContractNotFoundError(VersionNotFoundError):
    """The requested contract version is not exported, or a path holds no contract.json."""


def load_contract(ref: str | Path | None = None, root: Path | None = None) -> dict[str, Any]:
    """A contract as data.

    ``None`` or ``"code"``: the code's models; a version (``1.0.0``): its
    committed export under ``root`` (default :func:`contracts_dir`); anything
    else: a path to an exported folder or to its contract.json.
    """
    if ref is None or str(ref) == "code":
        return describe_contract()
    base = root or contracts_dir()
    text = str(ref)
    if SEMVER_RE.match(text) and (base / text / CONTRACT_FILE).is_file():
        path = base / text / CONTRACT_FILE
    else:
        path = Path(ref)
        if path.is_dir():
            path = path / CONTRACT_FILE
        if not path.is_file():
            have = ", ".join(released_versions(base)) or "none"
            raise ContractNotFoundError(
                f"no exported contract {text!r}: not a version under {base} (exported: {have}) "
                f"nor a folder holding {CONTRACT_FILE}"
            )
    return dict(json.loads(path.read_text(encoding="utf-8")))


# --------------------------------------------------------------------------- arrow


def _arrow_type(name: str) -> Any:
    import pyarrow as pa

    if name.startswith("list<") and name.endswith(">"):
        return pa.list_(_arrow_type(name[5:-1]))
    simple = {"string": pa.string(), "enum": pa.string(), "int64": pa.int64(), "int32": pa.int32(),
              "float64": pa.float64(), "bool": pa.bool_(), "date": pa.date32()}
    return simple[name]


def arrow_schema_from_contract(contract: Mapping[str, Any], table: str) -> Any:
    """The Arrow schema a table is published with, rebuilt from an exported contract.

    Matches :func:`accords.schemas.dtypes.arrow_schema` for the code's own
    contract (enums are plain strings in Parquet), so an export stands in for
    data that does not exist yet.
    """
    import pyarrow as pa

    cols = contract["tables"][table]["columns"]
    return pa.schema([pa.field(c["name"], _arrow_type(c["type"]), nullable=c["nullable"]) for c in cols])


# --------------------------------------------------------------------------- JSON Schema


def _json_type(type_name: str) -> dict[str, Any]:
    if type_name.startswith("list<"):
        return {"type": "array", "items": _json_type(type_name[5:-1])}
    return {
        "string": {"type": "string"}, "enum": {"type": "string"}, "int64": {"type": "integer"},
        "int32": {"type": "integer"}, "float64": {"type": "number"}, "bool": {"type": "boolean"},
        "date": {"type": "string", "format": "date"},
    }[type_name]


def _apply_check(prop: dict[str, Any], check: Mapping[str, Any], is_date: bool) -> None:
    name, params = check["name"], check.get("params", {})
    extra: list[dict[str, Any]] = prop.setdefault("allOf", [])
    if name == "str_matches":
        extra.append({"pattern": params["pattern"]})
    elif name == "str_length":
        if "min_value" in params:
            prop["minLength"] = params["min_value"]
        if "max_value" in params:
            prop["maxLength"] = params["max_value"]
        if "exact_value" in params:
            prop["minLength"] = prop["maxLength"] = params["exact_value"]
    elif name in ("greater_than_or_equal_to", "greater_than", "less_than_or_equal_to", "less_than"):
        key = {"greater_than_or_equal_to": "minimum", "greater_than": "exclusiveMinimum",
               "less_than_or_equal_to": "maximum", "less_than": "exclusiveMaximum"}[name]
        prop[key] = params.get("min_value", params.get("max_value"))
    elif name == "in_range" and not is_date:
        prop["minimum" if params.get("include_min", True) else "exclusiveMinimum"] = params["min_value"]
        prop["maximum" if params.get("include_max", True) else "exclusiveMaximum"] = params["max_value"]
    elif name == "isin":
        prop["enum"] = params["allowed_values"]
    elif name == "not_blank":
        extra.append({"pattern": r"\S"})
    elif name == "list_has_no_nulls":
        pass  # items are typed non-null below
    elif name == "list_items_not_blank":
        prop["items"]["pattern"] = r"\S"
    elif name == "list_is_unique":
        prop["uniqueItems"] = True
    elif name == "list_items_are_entity_ids":
        prop["items"]["pattern"] = _ENTITY_ID_ITEMS
    # Date ranges and unknown custom checks have no JSON Schema keyword; they
    # stay listed in x-accords-checks.
    if not extra:
        del prop["allOf"]


def json_schema(contract: Mapping[str, Any], table: str) -> dict[str, Any]:
    """JSON Schema (2020-12) for one row of ``table``; column order kept in ``properties``."""
    spec = contract["tables"][table]
    props: dict[str, Any] = {}
    for col in spec["columns"]:
        prop: dict[str, Any] = {"description": col["description"], **_json_type(col["type"])}
        if col.get("enum"):
            prop["enum"] = list(col["enum"])
        for check in col["checks"]:
            _apply_check(prop, check, col["type"] == "date")
        if col["nullable"]:
            prop["type"] = [prop["type"], "null"]
            if "enum" in prop:
                prop["enum"] = [*prop["enum"], None]
        prop["x-accords-type"] = col["type"]
        if col["unique"]:
            prop["x-accords-unique"] = True
        if col["checks"]:
            prop["x-accords-checks"] = col["checks"]
        props[col["name"]] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"accords/contracts/{contract['contract_version']}/{table}.schema.json",
        "title": table,
        "description": spec["description"],
        "type": "object",
        "properties": props,
        # Every column is always present (nullable ones as null) and strict tables have no others.
        "required": [c["name"] for c in spec["columns"]],
        "additionalProperties": not spec["strict"],
        "x-accords-key": spec["key"],
        "x-accords-unique-together": spec["unique_together"],
        "x-accords-dataframe-checks": spec["dataframe_checks"],
    }


# --------------------------------------------------------------------------- ODCS


_ODCS_LOGICAL = {"string": "string", "enum": "string", "int64": "integer", "int32": "integer",
                 "float64": "number", "bool": "boolean", "date": "date"}
_ODCS_PHYSICAL = {"string": "VARCHAR", "enum": "VARCHAR", "int64": "BIGINT", "int32": "INTEGER",
                  "float64": "DOUBLE", "bool": "BOOLEAN", "date": "DATE"}


def _odcs_type(type_name: str) -> tuple[str, str]:
    if type_name.startswith("list<"):
        inner = type_name[5:-1]
        return "array", f"{_ODCS_PHYSICAL[inner]}[]"
    return _ODCS_LOGICAL[type_name], _ODCS_PHYSICAL[type_name]


def _odcs_property(col: Mapping[str, Any], key: list[str]) -> dict[str, Any]:
    logical, physical = _odcs_type(col["type"])
    prop: dict[str, Any] = {"name": col["name"], "logicalType": logical, "physicalType": physical,
                            "description": col["description"], "required": not col["nullable"]}
    if col["unique"]:
        prop["unique"] = True
    if col["name"] in key:
        prop["primaryKey"] = True
        prop["primaryKeyPosition"] = key.index(col["name"]) + 1
    if logical == "array":
        inner_logical, inner_physical = _odcs_type(col["type"][5:-1])
        prop["items"] = {"name": "item", "logicalType": inner_logical, "physicalType": inner_physical}
    options: dict[str, Any] = {}
    quality: list[dict[str, Any]] = []
    for check in col["checks"]:
        p = check.get("params", {})
        if check["name"] == "str_matches":
            options["pattern"] = p["pattern"]
        elif check["name"] == "str_length" and "min_value" in p:
            options["minLength"] = p["min_value"]
        elif check["name"] == "greater_than_or_equal_to":
            options["minimum"] = p["min_value"]
        elif check["name"] == "in_range":
            options["minimum"], options["maximum"] = p["min_value"], p["max_value"]
        else:
            quality.append({"type": "text", "name": check["name"],
                            "description": check.get("description", check["name"])})
    if col.get("enum"):
        quality.append({"type": "library", "name": "valid_values", "metric": "invalidValues",
                        "arguments": {"validValues": list(col["enum"])}, "mustBe": 0,
                        "description": "One of these values; new values may appear in a minor version."})
    if options:
        prop["logicalTypeOptions"] = options
    if quality:
        prop["quality"] = quality
    return prop


def odcs(contract: Mapping[str, Any]) -> dict[str, Any]:
    """The contract as an Open Data Contract Standard v3 document."""
    objects = []
    for name, spec in contract["tables"].items():
        quality = [{"type": "text", "name": c["name"], "description": f"dataframe check {c['name']}"}
                   for c in spec["dataframe_checks"]]
        quality += [{"type": "text", "name": r["name"], "description": r["description"]}
                    for r in contract["relations"] if r["table"] == name]
        if spec["unique_together"]:
            quality.append({"type": "text", "name": "unique_together",
                            "description": "unique together: " + ", ".join(spec["unique_together"])})
        obj: dict[str, Any] = {
            "name": name, "physicalName": name, "logicalType": "object", "physicalType": "table",
            "description": spec["description"],
            "properties": [_odcs_property(c, spec["key"]) for c in spec["columns"]],
        }
        if quality:
            obj["quality"] = quality
        objects.append(obj)
    return {
        "apiVersion": "v3.1.0",
        "kind": "DataContract",
        "id": "accords",
        "name": "accords",
        "version": contract["contract_version"],
        "status": "active",
        "description": {
            "purpose": "News text about international cooperation as validated, versioned Parquet tables.",
            "usage": "Read OUT/CURRENT, then OUT/versions/<id>/<table>/*.parquet; see docs/contracts.md.",
        },
        "schema": objects,
    }


def odcs_yaml(contract: Mapping[str, Any]) -> str:
    """:func:`odcs` as YAML text (what datacontract.yaml holds)."""
    return _yaml_text(odcs(contract))


# --------------------------------------------------------------------------- markdown


def _check_text(check: Mapping[str, Any]) -> str:
    p = check.get("params", {})
    name = check["name"]
    if name == "str_matches":
        return f"matches `{p['pattern']}`"
    if name == "str_length":
        return f"length ≥ {p['min_value']}" if "max_value" not in p else f"length {p.get('min_value', 0)}..{p['max_value']}"
    if name == "greater_than_or_equal_to":
        return f"≥ {p['min_value']}"
    if name == "in_range":
        return f"{p['min_value']} .. {p['max_value']}"
    return str(check.get("description") or name)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(contract: Mapping[str, Any]) -> str:
    """The table reference: every table, column, type, nullability, checks, description."""
    lines = [f"# accords data contract {contract['contract_version']}", ""]
    for name, spec in contract["tables"].items():
        lines += [f"## `{name}`", "", spec["description"], ""]
        if spec.get("title"):
            lines += [spec["title"], ""]
        lines += [f"Primary key: `{', '.join(spec['key'])}`. Rows sorted by `{', '.join(spec['sort_by'])}`.", ""]
        lines += ["| Column | Type | Nullable | Checks | Description |", "|---|---|---|---|---|"]
        for col in spec["columns"]:
            typ = col["type"]
            if col.get("enum"):
                typ = "enum: " + ", ".join(f"`{v}`" for v in col["enum"])
            checks = [_check_text(c) for c in col["checks"]]
            if col["unique"]:
                checks.insert(0, "unique")
            lines.append(
                f"| `{col['name']}` | {_md_cell(typ)} | {'yes' if col['nullable'] else 'no'} | "
                f"{_md_cell('; '.join(checks))} | {_md_cell(col['description'])} |"
            )
        rules = [f"`{c['name']}`" for c in spec["dataframe_checks"]]
        if spec["unique_together"]:
            rules.insert(0, "unique together (" + ", ".join(f"`{c}`" for c in spec["unique_together"]) + ")")
        if rules:
            lines += ["", "Row checks: " + ", ".join(rules) + "."]
        lines.append("")
    lines += ["## Cross-table rules", "", "| Rule | Table | Column | Meaning |", "|---|---|---|---|"]
    for r in contract["relations"]:
        lines.append(f"| `{r['name']}` | `{r['table']}` | `{r['column']}` | {_md_cell(r['description'])} |")
    return "\n".join(lines) + "\n"


def contract_markdown(version: str | None = None) -> str:
    """Markdown table reference of ``version`` (an exported version or folder; None: the code's models)."""
    return render_markdown(load_contract(version))


# --------------------------------------------------------------------------- files


def _json_text(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _yaml_text(data: Any) -> str:
    return str(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))


def pandera_yaml(table: str) -> str:
    """pandera's own YAML of a table's schema (lossy for custom checks; see module doc)."""
    with warnings.catch_warnings():
        # pandera warns once per custom check it drops; the loss is documented instead.
        warnings.simplefilter("ignore", UserWarning)
        text = TABLES[table].model.to_schema().to_yaml()
    return str(text)


def render_files(contract: Mapping[str, Any] | None = None) -> dict[str, str]:
    """Relative path -> text of every file of an export of the code's models."""
    data = dict(contract) if contract is not None else describe_contract()
    files = {CONTRACT_FILE: _json_text(data)}
    for table in data["tables"]:
        files[f"jsonschema/{table}.schema.json"] = _json_text(json_schema(data, table))
        if contract is None:  # pandera's YAML comes from the live models only
            files[f"pandera/{table}.yaml"] = pandera_yaml(table)
    files["datacontract.yaml"] = odcs_yaml(data)
    files["reference.md"] = render_markdown(data)
    return files


def export(root: Path | None = None, version: str = CONTRACT_VERSION) -> Path:
    """Write the code's contract to ``root/<version>/`` (replacing what is there)."""
    target = (root or contracts_dir()) / version
    files = render_files()
    tmp = target.with_name(f".{version}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    for rel, text in files.items():
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp / rel).write_text(text, encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    return target


def stale_files(root: Path | None = None, version: str = CONTRACT_VERSION) -> list[str]:
    """Files of ``root/<version>`` that differ from a fresh export (missing, changed or extra)."""
    target = (root or contracts_dir()) / version
    want = render_files()
    problems = [rel for rel, text in want.items()
                if not (target / rel).is_file() or (target / rel).read_text(encoding="utf-8") != text]
    if target.is_dir():
        have = {str(p.relative_to(target)) for p in target.rglob("*") if p.is_file()}
        problems += sorted(have - set(want))
    return sorted(problems)


def main(argv: list[str] | None = None) -> int:
    """``python -m accords.schemas.export [--check] [--root DIR]``."""
    parser = argparse.ArgumentParser(prog="python -m accords.schemas.export", description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=None, help="contracts folder (default: the package's)")
    parser.add_argument("--check", action="store_true", help="fail if the export is stale instead of writing")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files(args.root)
        for rel in stale:
            print(f"stale: {CONTRACT_VERSION}/{rel}", file=sys.stderr)
        return 1 if stale else 0
    print(export(args.root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
