"""The ``accords`` command line: run, validate, query, versions.

Conventions: ``--help`` on every command; quiet on success except one summary
line; errors are one line on stderr with a non-zero exit code per error class
(see ``accords.errors``); a progress bar on stderr for long runs in a terminal.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from accords.errors import AccordsError, ContractViolation

DEFAULT_OUT = "outputs"
_PROGRESS_MIN_FILES = 200


def _fail(exc: AccordsError) -> None:
    click.echo(f"accords: error: {exc}", err=True)
    sys.exit(exc.exit_code)


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except ContractViolation as exc:
        click.echo(f"accords: contract violation, nothing published.\n{exc}", err=True)
        sys.exit(exc.exit_code)
    except AccordsError as exc:
        _fail(exc)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="accords")
def main() -> None:
    """accords: raw news text -> validated, versioned Parquet that DuckDB queries."""


@contextmanager
def _progress(enabled: bool, min_files: int = 0) -> Iterator[Callable[[int, int], None] | None]:
    """A progress-bar callback, or None. The bar appears on the first update whose total
    reaches ``min_files`` (so short runs stay quiet without listing the folder twice)."""
    if not enabled:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                   TimeRemainingColumn(), transient=True, console=None)
    task = None

    def update(done: int, total: int) -> None:
        nonlocal task
        if task is None:
            if total < min_files:
                return
            bar.start()
            task = bar.add_task("files", total=total)
        bar.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if task is not None:
            bar.stop()


@main.command()
@click.argument("input_dir", default="seeds", type=click.Path(path_type=Path))
@click.option("--out", "-o", default=DEFAULT_OUT, show_default=True, type=click.Path(path_type=Path),
              help="Output folder holding CURRENT and versions/.")
@click.option("--kb", "kb_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra knowledge-base CSV file (repeatable); same columns as etl/kb/*.csv.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when stderr is a terminal and the run is long).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where per-document work runs: local processes, or Ray Data (pip install 'accords[ray]').")
@click.option("--workers", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes (local) or CPUs (local Ray cluster); 0 = one per CPU.")
@click.option("--ray-address", default=None, help="Ray cluster address (default: start a local one).")
@click.option("--report/--no-report", "write_report", default=True, show_default=True,
              help="Write report.html (one static page describing the version) into the version folder.")
@click.option("--require-consumers", "require_consumers", default=None,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of consumer .sql queries: move CURRENT only if every one binds against the "
                   "new version (otherwise the version is kept, not made current; exit 8).")
@click.option("--rehash", is_flag=True,
              help="Read and hash every input file, instead of trusting the sha256 recorded for a "
                   "file whose size, mtime, ctime and inode are unchanged since the last run.")
def run(input_dir: Path, out: Path, kb_files: tuple[Path, ...], progress: bool | None,
        engine: str, workers: int, ray_address: str | None, write_report: bool,
        require_consumers: Path | None, rehash: bool) -> None:
    """Process every file under INPUT_DIR (default: seeds) and publish a new version.

    Prints one summary line (version, row counts, sources by status, report path).
    Exit codes: 0 published or unchanged, 2 bad input folder, 3 output not writable,
    4 another run holds the lock, 6 contract violation (nothing published), 8 a
    consumer query would break (with --require-consumers; CURRENT not moved).
    """
    from accords.etl.pipeline import run as run_pipeline

    with _errors():
        show = sys.stderr.isatty() if progress is None else progress
        with _progress(show, _PROGRESS_MIN_FILES if progress is None else 0) as cb:
            result = run_pipeline(input_dir, out, kb_files=kb_files, progress=cb,
                                  engine=engine, workers=workers, ray_address=ray_address,
                                  write_report=write_report, require_consumers=require_consumers,
                                  rehash=rehash)
        for note in result.notes:
            click.echo(f"accords: note: {note}", err=True)
        click.echo(result.summary())


@main.command()
@click.argument("out", default=DEFAULT_OUT, type=click.Path(path_type=Path))
@click.option("--version", "version", default=None, help="Version id or prefix (default: CURRENT).")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
def validate(out: Path, version: str | None, as_json: bool) -> None:
    """Re-check a published version: file digests, contracts and cross-table rules."""
    from accords.etl.publish import Layout
    from accords.etl.store import validate_version

    with _errors():
        version_id = Layout(out).resolve(version)
        report = validate_version(out, version_id)
    if as_json:
        click.echo(report.to_json())
    if not report.ok:
        if not as_json:
            click.echo(f"accords: {version_id} is INVALID\n{report.summary()}", err=True)
        sys.exit(ContractViolation.exit_code)
    if not as_json:
        click.echo(f"{version_id} valid: {len(report.results)} checks passed")


@main.command()
@click.argument("sql")
@click.option("--out", "-o", default=DEFAULT_OUT, show_default=True, type=click.Path(path_type=Path))
@click.option("--version", "version", default=None, help="Version id or prefix (default: CURRENT).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query(sql: str, out: Path, version: str | None, fmt: str) -> None:
    """Run SQL against a version's views (documents, entities, mentions, initiatives, sources)."""
    import duckdb

    from accords.etl.store import connect

    with _errors():
        con = connect(out, version)
        try:
            rel = con.sql(sql)
        except duckdb.Error as exc:
            click.echo(f"accords: query failed: {exc}", err=True)
            sys.exit(1)
        if rel is None:
            return
        if fmt == "table":
            rel.show(max_width=200, max_rows=100_000)
        elif fmt == "csv":
            df = rel.pl()
            click.echo(df.write_csv(), nl=False)
        else:
            rows: list[dict[str, Any]] = rel.pl().to_dicts()
            click.echo(json.dumps(rows, default=str, ensure_ascii=False, indent=2))


@main.command()
@click.argument("out", default=DEFAULT_OUT, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def versions(out: Path, as_json: bool) -> None:
    """List published versions, oldest first; the current one is marked with '*'."""
    from accords.etl.publish import Layout

    layout = Layout(out)
    current = layout.current_version()
    rows: list[dict[str, Any]] = []
    for vid in layout.list_versions():
        m = layout.manifest(vid)
        rows.append({"version_id": vid, "current": vid == current, "created_at": m.get("created_at"),
                     "contract_version": m.get("contract_version"), "row_counts": m.get("row_counts")})
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo(f"no versions in {out}")
        return
    for r in rows:
        counts = " ".join(f"{k}={v}" for k, v in (r["row_counts"] or {}).items())
        click.echo(f"{'*' if r['current'] else ' '} {r['version_id']}  {r['created_at']}  "
                   f"contract {r['contract_version']}  {counts}")


from accords.commands import register_all  # noqa: E402 - commands attach to `main`

register_all(main)

if __name__ == "__main__":
    main()
