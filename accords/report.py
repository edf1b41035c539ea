"""One self-contained HTML page per dataset version (``accords report``).

The page shows what a version is (ids, digests, row counts, the diff against
its parent), whether it is valid (every contract check and cross-table rule),
what went in (sources by status, every rejected or duplicate file), what came
out (top entities, country x organisation co-occurrence, initiatives on a
timeline, documents per month) and the contract the tables follow.

Design choices, and why:

* Every number is aggregated in DuckDB over the version's Parquet and only the
  aggregates are embedded, so the page stays small and fast for 100k
  documents. Nothing is read from outside the version (and its parent, for the
  diff): no KB, no input folder, no other version.
* Charts are Vega-Lite specs built with ``altair``; the Vega/Vega-Lite/
  vega-embed JavaScript comes from ``vl-convert-python``'s bundle and is
  inlined once, so the page opens from ``file://`` with no network. Building
  that bundle takes seconds, so it is cached per process and on disk.
* Tables sort with a few lines of inline script; print and narrow-window CSS
  are inline too.

``altair`` and ``vl-convert-python`` are the optional extra ``accords[report]``;
everything else here uses the core dependencies.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb

from accords.errors import AccordsError
from accords.etl.publish import Layout
from accords.schemas import CONTRACT_VERSION, TABLES

#: Rows per entity type in the "top entities" tables and chart.
TOP_ENTITIES = 10
#: Countries and organisations (each) in the co-occurrence heat map.
TOP_COOCCURRENCE = 15
#: Initiatives drawn on the timeline (the table lists more, see MAX_INITIATIVE_ROWS).
TIMELINE_INITIATIVES = 40
#: Caps that keep the page's size bounded at any corpus size; the page says when one bites.
MAX_INITIATIVE_ROWS = 500
MAX_SOURCE_ROWS = 5000
#: Sample rows shown per failed check (the validation report keeps at most 5).
SAMPLE_ROWS = 5


class ReportError(AccordsError):
    """The report cannot be built (missing optional dependency, unreadable error file)."""

    exit_code = 1


# --------------------------------------------------------------------------- aggregates


def _execute(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> duckdb.DuckDBPyConnection:
    """``con.execute``; a query that does not fit DuckDB's (small) memory limit, which not every
    operator can spill past, is run again with a larger one rather than losing the page."""
    from accords.dataset_diff import DUCKDB_RETRY_MEMORY_LIMIT

    try:
        return con.execute(sql, list(params))
    except duckdb.OutOfMemoryException:
        con.execute(f"SET memory_limit = '{DUCKDB_RETRY_MEMORY_LIMIT}'")
        return con.execute(sql, list(params))


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """A query's rows as JSON-able dicts (dates as ISO strings)."""
    rel = _execute(con, sql, params)
    names = [d[0] for d in rel.description or []]
    out = []
    for row in rel.fetchall():
        out.append({n: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for n, v in zip(names, row, strict=True)})
    return out


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> Any:
    row = _execute(con, sql).fetchone()
    return row[0] if row else None


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def _connect(version_dir: Path, parent_dir: Path | None) -> duckdb.DuckDBPyConnection:
    """Views over the version's tables, plus ``parent_<table>`` views over its parent's."""
    from accords.dataset_diff import bounded_connection

    con = bounded_connection()
    for prefix, folder in (("", version_dir), ("parent_", parent_dir)):
        if folder is None:
            continue
        for table in TABLES:
            glob = folder / table / "*.parquet"
            con.execute(f"CREATE VIEW {prefix}{table} AS SELECT * FROM read_parquet('{_quote(glob)}')")
    return con


def _columns(con: duckdb.DuckDBPyConnection, view: str) -> list[str]:
    return [str(r[0]) for r in con.execute(f"DESCRIBE {view}").fetchall()]


def _diff(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Rows added, removed and changed per table, matching rows on the table's primary key."""
    out = []
    for table, spec in TABLES.items():
        cur, par = _columns(con, table), _columns(con, f"parent_{table}")
        key = list(spec.key)
        on = " AND ".join(f"c.{k} = p.{k}" for k in key)
        common = [c for c in cur if c in par and c not in key]
        # Compare only the columns both versions have: a contract change that adds a
        # column is reported as such, not as every row changing.
        changed_sql = "0"
        if common:
            lhs = ", ".join(f"c.{c}" for c in common)
            rhs = ", ".join(f"p.{c}" for c in common)
            changed_sql = (f"(SELECT count(*) FROM {table} c JOIN parent_{table} p ON {on} "
                           f"WHERE row({lhs}, 0) IS DISTINCT FROM row({rhs}, 0))")
        added, removed, changed = con.execute(
            f"SELECT (SELECT count(*) FROM {table} c ANTI JOIN parent_{table} p ON {on}),"
            f" (SELECT count(*) FROM parent_{table} p ANTI JOIN {table} c ON {on}), {changed_sql}"
        ).fetchone() or (0, 0, 0)
        out.append({
            "table": table,
            "before": _scalar(con, f"SELECT count(*) FROM parent_{table}"),
            "after": _scalar(con, f"SELECT count(*) FROM {table}"),
            "added": added, "removed": removed, "changed": changed,
            "columns_added": [c for c in cur if c not in par],
            "columns_removed": [c for c in par if c not in cur],
        })
    return out


def _version_diff(parent: VersionFolder, version: VersionFolder,
                  con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The diff against the parent: ``accords diff``'s own when that module is there, so the
    page and the command agree (it also names the changed columns); else :func:`_diff`."""
    try:
        from accords.dataset_diff import diff_folders
    except ImportError:
        return _diff(con)
    rows = []
    for t in diff_folders(parent, version).tables:
        rows.append({"table": t.table, "before": t.rows_old, "after": t.rows_new, "added": t.added,
                     "removed": t.removed, "changed": t.changed, "changed_columns": dict(t.changed_columns),
                     "columns_added": list(t.columns_added), "columns_removed": list(t.columns_removed)})
    return rows


#: A version's id, folder (published, or still staged) and manifest.
VersionFolder = tuple[str, Path, Mapping[str, Any]]


def collect(out: str | Path, version_id: str) -> dict[str, Any]:
    """Every aggregate the page shows, as JSON-able data (no row-level table is embedded)."""
    layout = Layout(Path(out))
    version = (version_id, layout.version_dir(version_id), layout.manifest(version_id))
    return collect_folder(version, _parent_folder(layout, version[2]))


def _parent_folder(layout: Layout, manifest: Mapping[str, Any]) -> VersionFolder | None:
    parent = manifest.get("parent_version")
    if not parent or parent not in layout.list_versions():
        return None
    return (str(parent), layout.version_dir(str(parent)), layout.manifest(str(parent)))


def collect_folder(version: VersionFolder, parent: VersionFolder | None) -> dict[str, Any]:
    """:func:`collect` over a version folder, which may still be staged (the pipeline
    renders the page before the version is published, so the manifest can list it)."""
    version_id, folder, manifest = version
    con = _connect(folder, parent[1] if parent else None)
    data: dict[str, Any] = {"manifest": dict(manifest), "version_id": version_id}
    data["row_counts"] = {t: _scalar(con, f"SELECT count(*) FROM {t}") for t in TABLES}
    data["parent"] = {"id": manifest.get("parent_version"), "found": parent is not None}
    data["diff"] = _version_diff(parent, version, con) if parent else None

    data["sources_by_status"] = _rows(con, """
        SELECT status, coalesce(reason_code, '') AS reason_code, count(*) AS files,
               coalesce(sum(bytes), 0) AS bytes
        FROM sources GROUP BY ALL ORDER BY status, files DESC, reason_code""")
    data["sources_not_accepted_total"] = _scalar(con, "SELECT count(*) FROM sources WHERE status <> 'accepted'")
    data["sources_not_accepted"] = _rows(con, f"""
        SELECT source_path, status, reason_code, reason, bytes, document_id
        FROM sources WHERE status <> 'accepted' ORDER BY status DESC, source_path LIMIT {MAX_SOURCE_ROWS}""")

    data["entity_types"] = _rows(con, """
        WITH d AS (SELECT x.entity_type, count(DISTINCT m.document_id) AS documents
                   FROM mentions m JOIN entities x USING (entity_id) GROUP BY x.entity_type)
        SELECT e.entity_type, count(*) AS entities, sum(e.mention_count) AS mentions,
               coalesce(any_value(d.documents), 0) AS documents
        FROM entities e LEFT JOIN d USING (entity_type) GROUP BY e.entity_type
        ORDER BY entities DESC, e.entity_type""")
    data["top_entities"] = _rows(con, f"""
        SELECT entity_type, canonical_name, coalesce(iso3, '') AS iso3, source,
               document_count AS documents, mention_count AS mentions, rank
        FROM (SELECT *, row_number() OVER (PARTITION BY entity_type
                     ORDER BY document_count DESC, mention_count DESC, canonical_name) AS rank
              FROM entities)
        WHERE rank <= {TOP_ENTITIES} ORDER BY entity_type, rank""")
    data["cooccurrence"] = _rows(con, f"""
        WITH c AS (SELECT entity_id, canonical_name FROM entities WHERE entity_type = 'country'
              ORDER BY document_count DESC, canonical_name LIMIT {TOP_COOCCURRENCE}),
        o AS (SELECT entity_id, canonical_name FROM entities WHERE entity_type = 'organization'
              ORDER BY document_count DESC, canonical_name LIMIT {TOP_COOCCURRENCE}),
        -- only the pairs of the top entities: the distinct pairs of every mention are
        -- millions at 100k documents (memory that grows with the corpus)
        dm AS (SELECT DISTINCT document_id, entity_id FROM mentions
               WHERE entity_id IN (SELECT entity_id FROM c UNION ALL SELECT entity_id FROM o))
        SELECT c.canonical_name AS country, o.canonical_name AS organization,
               count(DISTINCT a.document_id) AS documents
        FROM dm a JOIN c ON a.entity_id = c.entity_id
        JOIN dm b ON a.document_id = b.document_id JOIN o ON b.entity_id = o.entity_id
        GROUP BY ALL ORDER BY documents DESC, country, organization""")
    data["initiatives_total"] = data["row_counts"]["initiatives"]
    data["initiatives"] = _rows(con, f"""
        WITH top AS (SELECT * FROM initiatives
                     ORDER BY document_count DESC, first_seen_date NULLS LAST, name
                     LIMIT {MAX_INITIATIVE_ROWS}),
        p AS (SELECT t.initiative_id, e.canonical_name, e.entity_type
              FROM (SELECT initiative_id, unnest(parties) AS party FROM top) t
              JOIN entities e ON e.entity_id = t.party)
        SELECT top.name, coalesce(top.acronym, '') AS acronym, top.initiative_type,
               coalesce(top.status, '') AS status, top.first_seen_date, top.document_count AS documents,
               coalesce((SELECT string_agg(p.canonical_name, ', ' ORDER BY p.canonical_name)
                         FROM p WHERE p.initiative_id = top.initiative_id), '') AS parties
        FROM top ORDER BY top.first_seen_date NULLS LAST, top.name""")
    data["documents_per_month"] = _rows(con, """
        SELECT strftime(date_trunc('month', published_date), '%Y-%m') AS month, count(*) AS documents
        FROM documents WHERE published_date IS NOT NULL GROUP BY 1 ORDER BY 1""")
    data["documents_undated"] = _scalar(con, "SELECT count(*) FROM documents WHERE published_date IS NULL")
    data["languages"] = _rows(con, """
        SELECT language, count(*) AS documents, sum(word_count) AS words
        FROM documents GROUP BY 1 ORDER BY documents DESC, language""")
    con.close()
    return data


# --------------------------------------------------------------------------- contract


def _contract_from_models() -> dict[str, Any]:
    """The contract read straight from the pandera models (used when schemas.export is absent)."""
    import polars as pl

    from accords.schemas.relations import RULES

    tables: dict[str, Any] = {}
    for name, spec in TABLES.items():
        schema = spec.model.to_schema()
        cols = []
        for col_name, col in schema.columns.items():
            dtype = col.dtype.type
            cols.append({
                "name": col_name, "type": str(dtype), "nullable": bool(col.nullable),
                "unique": bool(col.unique), "description": col.description or "",
                "checks": [{"name": str(c.name), "params": dict(c.statistics or {})} for c in col.checks],
                **({"enum": [str(v) for v in dtype.categories.to_list()]} if isinstance(dtype, pl.Enum) else {}),
            })
        tables[name] = {"name": name, "description": schema.description or "", "key": list(spec.key),
                        "sort_by": list(spec.sort_by), "unique_together": list(schema.unique or []),
                        "columns": cols, "dataframe_checks": [{"name": str(c.name)} for c in schema.checks]}
    return {"contract_version": CONTRACT_VERSION, "tables": tables,
            "relations": [{"name": r.name, "table": r.table, "column": r.column, "description": r.description}
                          for r in RULES]}


def contract_for(version: str | None) -> tuple[dict[str, Any], str]:
    """The contract a version was written under, and a note on where it came from.

    Prefers the exported contract of that exact version (``schemas/contracts/<v>``),
    then the code's models, read through ``accords.schemas.export`` when that
    module exists so the page and the exported contract cannot disagree.
    """
    try:
        from accords.schemas import export
    except ImportError:
        return _contract_from_models(), "read from the pandera models of this accords"
    if version and version != CONTRACT_VERSION:
        try:
            return export.load_contract(version), f"exported contract {version}"
        except (FileNotFoundError, ValueError):
            pass
    return export.describe_contract(), f"the pandera models of this accords (contract {CONTRACT_VERSION})"


def _check_text(check: Mapping[str, Any]) -> str:
    """A check with its parameters, short enough for a table cell."""
    params = {k: v for k, v in (check.get("params") or {}).items() if v is not None}
    name = str(check["name"])
    if name == "str_matches" and "pattern" in params:
        return f"matches {params['pattern']}"
    if name == "str_length" and "min_value" in params and "max_value" not in params:
        return f"length ≥ {params['min_value']}"
    if name == "greater_than_or_equal_to" and "min_value" in params:
        return f"≥ {params['min_value']}"
    if name == "in_range" and "min_value" in params:
        return f"{params['min_value']} .. {params['max_value']}"
    if check.get("description"):
        return f"{name}: {check['description']}"
    if params:
        return name + "(" + ", ".join(f"{k}={v}" for k, v in params.items()) + ")"
    return name


# --------------------------------------------------------------------------- HTML helpers


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _num(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else _e(value)


def _table(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, numeric: Iterable[int] = (),
           cls: str = "", row_classes: Sequence[str] | None = None, caption: str = "") -> str:
    """A sortable table; cells are escaped unless they are pre-rendered ``_Raw`` HTML."""
    nums = set(numeric)
    head = "".join(f'<th scope="col"{" class=num" if i in nums else ""}>{_e(h)}</th>' for i, h in enumerate(headers))
    body = []
    for r, row in enumerate(rows):
        klass = f' class="{row_classes[r]}"' if row_classes and row_classes[r] else ""
        cells = []
        for i, v in enumerate(row):
            text = v.html if isinstance(v, _Raw) else (_num(v) if i in nums else _e(v))
            sort = f' data-sort="{v}"' if i in nums and isinstance(v, (int, float)) else ""
            cells.append(f'<td{" class=num" if i in nums else ""}{sort}>{text}</td>')
        body.append(f"<tr{klass}>{''.join(cells)}</tr>")
    cap = f"<caption>{_e(caption)}</caption>" if caption else ""
    return (f'<div class="scroll"><table class="sortable {cls}">{cap}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></div>")


class _Raw:
    """Already-escaped HTML for a table cell."""

    def __init__(self, markup: str) -> None:
        self.html = markup


def _json_script(value: Any) -> str:
    # "</" would end the <script> element early; "<\/" means the same inside a JSON string.
    return json.dumps(value, ensure_ascii=False, default=str).replace("</", "<\\/")


# --------------------------------------------------------------------------- charts


def _altair() -> Any:
    try:
        import altair as alt
        import vl_convert  # noqa: F401 - checked here so the error names the extra
    except ImportError as exc:
        raise ReportError(
            f"accords report needs the optional 'report' extra ({exc.name} is missing): "
            "pip install 'accords[report]'"
        ) from exc
    return alt


@functools.lru_cache(maxsize=1)
def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one inline script (cached: building it takes seconds).

    The disk cache is keyed by the vl-convert version, so an upgrade rebuilds it;
    an unwritable cache folder only costs the rebuild.
    """
    import altair as alt
    import vl_convert as vlc

    # The bundled Vega-Lite must be the one altair writes specs for ("v6.4.1" -> "v6.4").
    vl_version = ".".join(str(alt.SCHEMA_VERSION).split(".")[:2])
    tag = f"{getattr(vlc, '__version__', 'x')}-{vlc.get_vega_version()}-{vl_version}"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "accords"
    path = base / f"vega-bundle-{tag}.js"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    # vl-convert's stub marks `snippet` required, but it defaults to None (the
    # snippet that puts vegaEmbed on window), which is the one we want.
    make_bundle: Any = vlc.javascript_bundle
    js = str(make_bundle(vl_version=vl_version)).replace("</script", "<\\/script")
    try:
        base.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=base, delete=False, suffix=".tmp") as fh:
            fh.write(js)
        os.replace(fh.name, path)  # atomic, so concurrent reports never read half a file
    except OSError:
        pass
    return js


def _ticks(rows: Sequence[Mapping[str, Any]], field: str) -> int:
    """Tick count for a count axis: no more ticks than whole numbers, so no 0.5 documents."""
    return max(1, min(5, max((int(r[field]) for r in rows), default=1)))


def _chart_specs(data: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Vega-Lite specs (as dicts) for the page's charts, keyed by the element they fill."""
    alt = _altair()
    specs: dict[str, dict[str, Any]] = {}
    width = "container"

    # Accepted files have no reason code; label them by their status so the legend reads.
    status = [{**r, "reason": r["reason_code"] or r["status"]} for r in data["sources_by_status"]]
    if status:
        specs["chart-sources"] = alt.Chart(alt.Data(values=status)).mark_bar().encode(
            x=alt.X("sum(files):Q", title="files", axis=alt.Axis(format="d", tickMinStep=1)),
            y=alt.Y("status:N", title=None, sort=["accepted", "duplicate", "rejected"]),
            color=alt.Color("reason:N", title="reason", scale=alt.Scale(scheme="tableau10")),
            tooltip=["status:N", "reason:N", "files:Q"],
        ).properties(width=width, height=alt.Step(26)).to_dict()

    top = data["top_entities"]
    if top:
        # One bar chart, grouped by type through the sort order: a faceted chart
        # cannot take the container's width, and would overflow narrow windows.
        labels: list[str] = []
        rows = []
        for r in top:
            label = r["canonical_name"]
            if label in labels:  # the same name under two types stays two bars
                label = f"{label} ({r['entity_type']})"
            labels.append(label)
            rows.append({**r, "label": label})
        specs["chart-entities"] = alt.Chart(alt.Data(values=rows)).mark_bar().encode(
            x=alt.X("documents:Q", title="documents", axis=alt.Axis(format="d", tickMinStep=1)),
            y=alt.Y("label:N", title=None, sort=labels, axis=alt.Axis(labelLimit=220)),
            color=alt.Color("entity_type:N", title="type", scale=alt.Scale(scheme="tableau10")),
            tooltip=["entity_type:N", "canonical_name:N", "documents:Q", "mentions:Q"],
        ).properties(width=width, height=alt.Step(14)).to_dict()

    co = data["cooccurrence"]
    if co:
        base = alt.Chart(alt.Data(values=co)).encode(
            x=alt.X("organization:N", title=None, axis=alt.Axis(labelAngle=-40, labelLimit=160)),
            y=alt.Y("country:N", title=None),
        )
        specs["chart-cooccurrence"] = (base.mark_rect().encode(
            color=alt.Color("documents:Q", scale=alt.Scale(scheme="blues"), title="documents"),
            tooltip=["country:N", "organization:N", "documents:Q"],
        ) + base.mark_text(fontSize=10).encode(text="documents:Q")).properties(width=width).to_dict()

    dated = [r for r in data["initiatives"] if r["first_seen_date"]]
    dated = sorted(dated, key=lambda r: (-r["documents"], r["name"]))[:TIMELINE_INITIATIVES]
    if dated:
        specs["chart-initiatives"] = alt.Chart(alt.Data(values=dated)).mark_circle(opacity=0.85).encode(
            x=alt.X("first_seen_date:T", title="first seen", scale=alt.Scale(padding=20)),
            y=alt.Y("name:N", title=None, sort=alt.EncodingSortField("first_seen_date", order="ascending"),
                    axis=alt.Axis(labelLimit=260)),
            size=alt.Size("documents:Q", title="documents", scale=alt.Scale(range=[60, 400]),
                          legend=alt.Legend(format="d", tickCount=_ticks(dated, "documents"))),
            color=alt.Color("initiative_type:N", title="type", scale=alt.Scale(scheme="tableau10")),
            tooltip=["name:N", "initiative_type:N", "status:N", "first_seen_date:T", "documents:Q", "parties:N"],
        ).properties(width=width, height=max(24 * len(dated), 150)).to_dict()

    months = data["documents_per_month"]
    if months:
        # A few months would stretch into wall-wide bars; keep bars a fixed step until they fill the page.
        mwidth: Any = width if len(months) > 24 else alt.Step(36)
        specs["chart-months"] = alt.Chart(alt.Data(values=months)).mark_bar().encode(
            x=alt.X("month:O", title=None, axis=alt.Axis(labelAngle=-45)),
            y=alt.Y("documents:Q", title="documents",
                    axis=alt.Axis(format="d", tickCount=_ticks(months, "documents"))),
            tooltip=["month:O", "documents:Q"],
        ).properties(width=mwidth, height=180).to_dict()
    # Fit the width only: heights are fixed or per band, and the default "fit"
    # would warn about (and drop) fitting them.
    for spec in specs.values():
        if spec.get("width") == "container":
            spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return specs


# --------------------------------------------------------------------------- sections


def _section(sid: str, title: str, body: str) -> str:
    return f'<section id="{sid}"><h2>{_e(title)}</h2>{body}</section>'


def _chart(sid: str, specs: Mapping[str, Any], label: str) -> str:
    if sid not in specs:
        return '<p class="muted">Nothing to chart.</p>'
    return f'<figure class="chart" id="{sid}" role="img" aria-label="{_e(label)}"></figure>'


def _version_section(data: Mapping[str, Any]) -> str:
    m = data["manifest"]
    facts = [
        ("Version", m.get("version_id")), ("Created", m.get("created_at")),
        ("Contract version", m.get("contract_version")), ("accords version", m.get("accords_version")),
        ("Input digest", m.get("input_digest")), ("Knowledge-base digest", m.get("kb_digest")),
        ("Extractor version", m.get("extractor_version")), ("Parent version", m.get("parent_version") or "none"),
    ]
    dl = "".join(f"<dt>{_e(k)}</dt><dd><code>{_e(v)}</code></dd>" for k, v in facts if v is not None)
    cards = "".join(
        f'<div class="card" data-table="{_e(t)}"><span class="n">{_num(n)}</span><span class="l">{_e(t)}</span></div>'
        for t, n in data["row_counts"].items()
    )
    writer = m.get("writer") or {}
    writer_line = ", ".join(f"{k} {v}" for k, v in sorted(writer.items()))
    body = f'<div class="cards">{cards}</div><dl class="facts">{dl}</dl>'
    if writer_line:
        body += f'<p class="muted">Written with {_e(writer_line)}.</p>'
    parent = data["parent"]
    if data["diff"] is not None:
        rows = []
        for d in data["diff"]:
            cols = "; ".join(filter(None, [
                ("values changed in: " + ", ".join(f"{c} ({n:,})" for c, n in d["changed_columns"].items()))
                if d.get("changed_columns") else "",
                ("columns added: " + ", ".join(d["columns_added"])) if d["columns_added"] else "",
                ("columns removed: " + ", ".join(d["columns_removed"])) if d["columns_removed"] else "",
            ]))
            rows.append([d["table"], d["before"], d["after"], d["added"], d["removed"], d["changed"], cols])
        body += f"<h3>Changes since {_e(parent['id'])}</h3>" + _table(
            ["table", "rows before", "rows after", "added", "removed", "changed", "columns"], rows,
            numeric=(1, 2, 3, 4, 5), cls="diff")
        body += '<p class="muted">Rows are matched on each table\'s primary key; "changed" rows have the same key and different values.</p>'
    elif parent["id"]:
        body += f'<p class="warn">Parent version {_e(parent["id"])} is not in this output folder; no diff.</p>'
    else:
        body += '<p class="muted">First version in this output folder: nothing to compare with.</p>'
    return _section("version", "Version", body)


def _rule_descriptions(contract: Mapping[str, Any]) -> dict[tuple[str, str, str], str]:
    out: dict[tuple[str, str, str], str] = {}
    for r in contract.get("relations", []):
        out[(r["table"], r["column"], r["name"])] = r["description"]
    for tname, spec in contract.get("tables", {}).items():
        for col in spec["columns"]:
            for c in col["checks"]:
                out.setdefault((tname, col["name"], str(c["name"])), _check_text(c))
    return out


def _sample_html(sample: Sequence[Mapping[str, Any]]) -> str:
    """Failing rows as a small table (columns are the union of the sample's keys)."""
    if not sample:
        return ""
    keys: list[str] = []
    for row in sample:
        keys += [k for k in row if k not in keys]
    head = "".join(f"<th>{_e(k)}</th>" for k in keys)
    body = "".join(
        "<tr>" + "".join(f"<td>{_e(json.dumps(r.get(k), ensure_ascii=False, default=str) if isinstance(r.get(k), (list, dict)) else r.get(k))}</td>" for k in keys) + "</tr>"
        for r in sample[:SAMPLE_ROWS]
    )
    return f'<div class="scroll"><table class="sample"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def _validation_section(validation: Mapping[str, Any], contract: Mapping[str, Any], *, failed_run: bool) -> str:
    results = list(validation.get("results") or validation.get("failures") or [])
    failures = [r for r in results if not r.get("passed")]
    total = int(validation.get("checks", len(results)))
    n_failed = int(validation.get("failed", len(failures)))
    desc = _rule_descriptions(contract)
    if n_failed:
        verdict = (f'<p class="verdict bad" id="verdict">{n_failed:,} of {total:,} checks failed'
                   f'{" — nothing was published" if failed_run else ""}.</p>')
    else:
        verdict = f'<p class="verdict ok" id="verdict">All {total:,} checks passed.</p>'
    body = verdict
    if failures:
        items = []
        for r in failures:
            what = desc.get((r["table"], r["column"], str(r["check"]).split("(", 1)[0]), "")
            items.append(
                f'<article class="failure"><h3><code>{_e(r["table"])}.{_e(r["column"])}</code> — '
                f'<code>{_e(r["check"])}</code>: {_num(r.get("failure_count", 0))} failing row(s)</h3>'
                f'{f"<p>{_e(what)}</p>" if what else ""}{_sample_html(r.get("sample") or [])}</article>'
            )
        body += "<h3>Failures, with sample rows</h3>" + "".join(items)
    if results:
        rows = []
        classes = []
        for r in sorted(results, key=lambda r: (bool(r.get("passed")), r["table"], r["column"])):
            check = str(r["check"])
            rows.append([r["table"], r["column"], check, desc.get((r["table"], r["column"], check.split("(", 1)[0]), ""),
                         _Raw('<span class="pass">pass</span>' if r.get("passed") else '<span class="fail">FAIL</span>'),
                         int(r.get("failure_count") or 0)])
            classes.append("" if r.get("passed") else "failed")
        per_table: dict[str, list[int]] = {}
        for r in results:
            counts = per_table.setdefault(r["table"], [0, 0])
            counts[0 if r.get("passed") else 1] += 1
        body += "<h3>Checks per table</h3>" + _table(
            ["table", "checks", "passed", "failed"],
            [[t, p + f, p, f] for t, (p, f) in sorted(per_table.items())], numeric=(1, 2, 3), cls="check-summary")
        # The full list is long (about 180 checks); folded when all pass so the page
        # (and its printout) leads with what matters, open when something failed.
        body += (f'<details{" open" if failures else ""}><summary>Every check ({len(results):,})</summary>'
                 + _table(["table", "column", "check", "meaning", "result", "failing rows"], rows,
                          numeric=(5,), row_classes=classes, cls="checks") + "</details>")
    return _section("validation", "Validation", body)


def _inputs_section(data: Mapping[str, Any], specs: Mapping[str, Any]) -> str:
    rows = [[r["status"], r["reason_code"], r["files"], r["bytes"]] for r in data["sources_by_status"]]
    body = _chart("chart-sources", specs, "Input files by status and reason")
    body += _table(["status", "reason", "files", "bytes"], rows, numeric=(2, 3), cls="by-status")
    bad = data["sources_not_accepted"]
    total = data["sources_not_accepted_total"]
    if bad:
        note = f" (first {len(bad):,} of {total:,})" if total > len(bad) else ""
        body += f"<h3>Rejected and duplicate files{note}</h3>" + _table(
            ["file", "status", "reason code", "reason", "bytes", "kept document"],
            [[r["source_path"], r["status"], r["reason_code"], r["reason"], r["bytes"], r["document_id"] or ""]
             for r in bad], numeric=(4,), cls="rejected")
    else:
        body += '<p class="ok">Every input file was accepted: none rejected, no duplicates.</p>'
    return _section("inputs", "Inputs", body)


def _content_section(data: Mapping[str, Any], specs: Mapping[str, Any]) -> str:
    types = data["entity_types"]
    body = "<h3>Entities by type</h3>" + _table(
        ["type", "entities", "mentions", "documents"],
        [[r["entity_type"], r["entities"], r["mentions"], r["documents"]] for r in types], numeric=(1, 2, 3))
    body += f"<h3>Top entities per type (by documents, then mentions; up to {TOP_ENTITIES} each)</h3>"
    body += _chart("chart-entities", specs, "Top entities per type by documents")
    body += _table(["type", "rank", "entity", "ISO3", "source", "documents", "mentions"],
                   [[r["entity_type"], r["rank"], r["canonical_name"], r["iso3"], r["source"], r["documents"],
                     r["mentions"]] for r in data["top_entities"]], numeric=(1, 5, 6), cls="top-entities")
    body += (f"<h3>Countries × organisations in the same document (top {TOP_COOCCURRENCE} of each)</h3>"
             + _chart("chart-cooccurrence", specs, "Country by organisation co-occurrence heat map"))
    inits = data["initiatives"]
    total = data["initiatives_total"]
    note = f" (the {len(inits):,} mentioned in most documents, of {total:,})" if total > len(inits) else ""
    body += f"<h3>Initiatives by first-seen date{note}</h3>"
    body += _chart("chart-initiatives", specs, "Initiatives on a timeline by first-seen date")
    undated_inits = sum(1 for r in inits if not r["first_seen_date"])
    if undated_inits:
        body += (f'<p class="muted">{undated_inits:,} initiative(s) were first seen in undated documents: '
                 "they are in the table, not on the timeline.</p>")
    body += _table(["first seen", "initiative", "acronym", "type", "status", "documents", "parties"],
                   [[r["first_seen_date"] or "", r["name"], r["acronym"], r["initiative_type"], r["status"],
                     r["documents"], r["parties"]] for r in inits], numeric=(5,), cls="initiatives")
    undated = data["documents_undated"]
    body += "<h3>Documents per month</h3>" + _chart("chart-months", specs, "Documents per month")
    if undated:
        body += f'<p class="muted">{undated:,} document(s) have no publication date and are not charted.</p>'
    body += "<h3>Languages</h3>" + _table(["language", "documents", "words"],
                                          [[r["language"], r["documents"], r["words"]] for r in data["languages"]],
                                          numeric=(1, 2))
    return _section("content", "Content", body)


def _contract_section(contract: Mapping[str, Any], origin: str) -> str:
    body = f'<p class="muted">Contract {_e(contract.get("contract_version"))}, {_e(origin)}.</p>'
    for name, spec in contract["tables"].items():
        rows = []
        for col in spec["columns"]:
            typ = col["type"] + (": " + ", ".join(col["enum"]) if col.get("enum") else "")
            checks = (["unique"] if col.get("unique") else []) + [_check_text(c) for c in col["checks"]]
            rows.append([_Raw(f"<code>{_e(col['name'])}</code>"), typ, "yes" if col["nullable"] else "no",
                         "; ".join(checks), col.get("description", "")])
        row_checks = [c["name"] for c in spec.get("dataframe_checks", [])]
        if spec.get("unique_together"):
            row_checks.insert(0, "unique together (" + ", ".join(spec["unique_together"]) + ")")
        body += (f'<h3 id="contract-{_e(name)}"><code>{_e(name)}</code></h3><p>{_e(spec.get("description"))} '
                 f'Primary key <code>{_e(", ".join(spec["key"]))}</code>; rows sorted by '
                 f'<code>{_e(", ".join(spec["sort_by"]))}</code>.</p>')
        body += _table(["column", "type", "nullable", "checks", "description"], rows, cls="contract")
        if row_checks:
            body += f'<p>Row checks: {", ".join(f"<code>{_e(c)}</code>" for c in row_checks)}.</p>'
    body += "<h3>Cross-table rules</h3>" + _table(
        ["rule", "table", "column", "meaning"],
        [[r["name"], r["table"], r["column"], r["description"]] for r in contract.get("relations", [])])
    return _section("contract", "Contract", body)


# --------------------------------------------------------------------------- page

_CSS = """
:root{--fg:#1d2330;--muted:#5b6473;--line:#d9dde5;--bg:#fff;--soft:#f4f6fa;--ok:#17753a;--bad:#b3261e;--accent:#2f5fb3}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:var(--bg)}
header.top{background:#1d2b4a;color:#fff;padding:1rem 1.5rem}
header.top h1{margin:0;font-size:1.4rem}
header.top p{margin:.25rem 0 0;color:#c9d3ea}
nav{position:sticky;top:0;z-index:2;background:var(--soft);border-bottom:1px solid var(--line);padding:.4rem 1.5rem;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem}
nav a{color:var(--accent);text-decoration:none;font-weight:600}
main{max-width:1200px;margin:0 auto;padding:0 1.5rem 3rem}
section{padding-top:.5rem;border-bottom:1px solid var(--line)}
h2{font-size:1.3rem;margin:1.2rem 0 .6rem}
h3{font-size:1.02rem;margin:1.2rem 0 .4rem}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.88em;overflow-wrap:anywhere}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:.6rem;margin:.6rem 0}
.card{background:var(--soft);border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem}
.card .n{display:block;font-size:1.6rem;font-weight:700}
.card .l{color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.8rem 0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;min-width:0}
.muted{color:var(--muted)}.warn{color:#8a5a00}
.verdict{font-weight:700;font-size:1.1rem;padding:.5rem .8rem;border-radius:6px}
.verdict.ok,.ok{color:var(--ok)}.verdict.ok{background:#e7f5ec}
.verdict.bad{color:var(--bad);background:#fbeaea}
.pass{color:var(--ok)}.fail{color:var(--bad);font-weight:700}
tr.failed td{background:#fdf1f0}
article.failure{border-left:4px solid var(--bad);padding:.1rem .8rem;margin:.8rem 0;background:#fffafa}
.scroll{overflow-x:auto;margin:.4rem 0 .8rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:var(--soft);white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
table.sortable th{cursor:pointer;user-select:none}
table.sortable th[aria-sort=ascending]::after{content:" ▲"}
table.sortable th[aria-sort=descending]::after{content:" ▼"}
table.contract td:first-child,table.initiatives td:first-child,table.rejected td:first-child{white-space:nowrap}
table.sample{font-size:.8rem}table.sample td{max-width:28rem;overflow-wrap:anywhere}
details summary{cursor:pointer;font-weight:600;margin:.8rem 0 .4rem}
figure.chart{margin:.5rem 0 1rem;width:100%;min-height:60px}
footer{max-width:1200px;margin:0 auto;padding:1rem 1.5rem;color:var(--muted);font-size:.85rem}
@media (max-width:640px){
 body{font-size:14px}main,nav,header.top,footer{padding-left:.7rem;padding-right:.7rem}
 dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.4rem}
 .card .n{font-size:1.3rem}
}
@media print{
 nav{display:none}header.top{background:none;color:#000;border-bottom:2px solid #000;padding:0 0 .5rem}
 header.top p{color:#333}body{font-size:10.5pt}main{max-width:none;padding:0}
 section{break-before:page;border:0}section:first-of-type{break-before:auto}
 h2,h3{break-after:avoid}tr,figure.chart,article.failure,.card{break-inside:avoid}
 .scroll{overflow:visible}table.sortable th::after{content:""!important}
 a{color:#000}
}
"""

# Sorting: numbers sort by data-sort, text with localeCompare; the second click reverses.
_SORT_JS = """
document.querySelectorAll('table.sortable').forEach(function(t){
  t.querySelectorAll('thead th').forEach(function(th,i){
    th.tabIndex=0;
    function go(){
      var asc=th.getAttribute('aria-sort')!=='ascending';
      t.querySelectorAll('thead th').forEach(function(o){o.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',asc?'ascending':'descending');
      var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);
      rows.sort(function(x,y){
        var a=x.cells[i],c=y.cells[i],r;
        if(a.dataset.sort!==undefined&&c.dataset.sort!==undefined){r=parseFloat(a.dataset.sort)-parseFloat(c.dataset.sort);}
        else{r=a.textContent.localeCompare(c.textContent,undefined,{numeric:true});}
        return asc?r:-r;});
      rows.forEach(function(r){b.appendChild(r);});
    }
    th.addEventListener('click',go);
    th.addEventListener('keydown',function(e){if(e.key==='Enter'){go();}});
  });
});
"""

_EMBED_JS = """
(function(){
  var specs=JSON.parse(document.getElementById('accords-specs').textContent);
  var pending=Object.keys(specs).length;
  if(!pending){document.body.dataset.chartsReady='0';}
  Object.keys(specs).forEach(function(id){
    vegaEmbed('#'+id,specs[id],{actions:false,renderer:'svg'}).then(function(){
      if(--pending===0){document.body.dataset.chartsReady=String(Object.keys(specs).length);}
    }).catch(function(err){console.error('chart '+id+': '+err);});
  });
})();
"""


def _page(title: str, subtitle: str, sections: Sequence[tuple[str, str, str]], specs: Mapping[str, Any]) -> str:
    nav = "".join(f'<a href="#{sid}">{_e(label)}</a>' for sid, label, _ in sections)
    body = "".join(markup for _, _, markup in sections)
    scripts = f"<script>{_SORT_JS}</script>"
    if specs:
        scripts += (f'<script type="application/json" id="accords-specs">{_json_script(specs)}</script>'
                    f"<script>{vega_bundle()}</script><script>{_EMBED_JS}</script>")
    generated = "accords report · self-contained page: no network needed to view or print it"
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
        f'<header class="top"><h1>{_e(title)}</h1><p>{_e(subtitle)}</p></header>'
        f"<nav>{nav}</nav><main>{body}</main><footer>{_e(generated)}</footer>{scripts}</body></html>\n"
    )


def render_report(out: str | Path, version_id: str, validation: dict[str, Any] | None = None) -> str:
    """The HTML page for a published version.

    ``validation`` is a ``ValidationReport.as_dict()``; when None the version is
    re-validated here (:func:`accords.etl.store.validate_version`), which reads
    every row.
    """
    layout = Layout(Path(out))
    version_id = layout.resolve(version_id)
    if validation is None:
        from accords.etl.store import validate_version

        validation = validate_version(out, version_id).as_dict()
    version = (version_id, layout.version_dir(version_id), layout.manifest(version_id))
    return render_folder(version, _parent_folder(layout, version[2]), validation)


def render_staged(out: str | Path, version_id: str, stage: Path, manifest: Mapping[str, Any],
                  validation: dict[str, Any]) -> str:
    """The page for a version still in staging (what ``accords run`` writes as ``report.html``)."""
    layout = Layout(Path(out))
    return render_folder((version_id, stage, manifest), _parent_folder(layout, manifest), validation)


def render_folder(version: VersionFolder, parent: VersionFolder | None, validation: dict[str, Any]) -> str:
    """The page for one version folder, against its parent folder (if any)."""
    data = collect_folder(version, parent)
    version_id = version[0]
    contract, origin = contract_for(data["manifest"].get("contract_version"))
    specs = _chart_specs(data)
    rc = data["row_counts"]
    subtitle = (f"{rc['documents']:,} documents · {rc['entities']:,} entities · {rc['mentions']:,} mentions · "
                f"{rc['initiatives']:,} initiatives · {rc['sources']:,} input files")
    sections = [
        ("version", "Version", _version_section(data)),
        ("validation", "Validation", _validation_section(validation, contract, failed_run=False)),
        ("inputs", "Inputs", _inputs_section(data, specs)),
        ("content", "Content", _content_section(data, specs)),
        ("contract", "Contract", _contract_section(contract, origin)),
    ]
    return _page(f"accords {version_id}", subtitle, sections, specs)


def render_error_report(report: Mapping[str, Any], source: str | Path | None = None) -> str:
    """The page for a failed run (nothing published) from its validation report dict.

    ``report`` is what the pipeline writes to ``OUT/last-validation-error.json``.
    """
    contract, origin = contract_for(None)
    where = f" ({source})" if source else ""
    sections = [
        ("validation", "Validation", _validation_section(report, contract, failed_run=True)),
        ("contract", "Contract", _contract_section(contract, origin)),
    ]
    return _page("accords: failed run, nothing published", f"Validation report{where}", sections, {})


def load_error_report(path: str | Path) -> dict[str, Any]:
    """Read a ``last-validation-error.json`` file, with an error a person can act on."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ReportError(f"cannot read validation report {path}: {exc}") from exc
    if not isinstance(data, dict) or not ({"results", "failures"} & data.keys()):
        raise ReportError(f"{path} is not an accords validation report (no 'results' or 'failures')")
    return data


__all__ = ["ReportError", "VersionFolder", "collect", "collect_folder", "contract_for", "load_error_report",
           "render_error_report", "render_folder", "render_report", "render_staged"]
