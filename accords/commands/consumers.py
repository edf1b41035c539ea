"""``accords check-consumer`` and ``accords promote``: keep downstream SQL working.

Both bind consumers' .sql files with DuckDB (see ``accords.consumers``); neither
runs a query over the data.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from accords.errors import AccordsError

DEFAULT_OUT = "outputs"


def _fail(exc: AccordsError) -> None:
    click.echo(f"accords: error: {exc}", err=True)
    sys.exit(exc.exit_code)


@click.command("check-consumer")
@click.argument("queries_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--out", "-o", default=DEFAULT_OUT, show_default=True, type=click.Path(path_type=Path),
              help="Output folder holding CURRENT and versions/.")
@click.option("--version", "version", default=None, help="Version id or prefix (default: CURRENT).")
@click.option("--contract", "contract", default=None,
              help="Bind against empty tables of this contract instead of data: an exported version "
                   "(e.g. 1.0.0), an export folder, or 'code' for the models in this checkout.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def check_consumer(queries_dir: Path, out: Path, version: str | None, contract: str | None,
                   as_json: bool) -> None:
    """Bind every .sql file under QUERIES_DIR against a version (or a contract); exit 8 if any breaks."""
    from accords.consumers import ConsumerQueryError, check_queries

    try:
        report = check_queries(queries_dir, out=out, version=version, contract=contract)
    except AccordsError as exc:
        _fail(exc)
        return
    if as_json:
        click.echo(report.to_json())
    elif report.ok:
        click.echo(report.summary())
    else:
        click.echo(report.summary(), err=True)
    if not report.ok:
        sys.exit(ConsumerQueryError.exit_code)


@click.command("promote")
@click.argument("version")
@click.option("--out", "-o", default=DEFAULT_OUT, show_default=True, type=click.Path(path_type=Path),
              help="Output folder holding CURRENT and versions/.")
@click.option("--require-consumers", "queries_dir", default=None,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder of consumer .sql files that must all bind against VERSION.")
def promote_cmd(version: str, out: Path, queries_dir: Path | None) -> None:
    """Make an already-published VERSION current (roll forward or back), atomically."""
    from accords.consumers import promote

    try:
        version_id = promote(out, version, queries_dir)
    except AccordsError as exc:
        _fail(exc)
        return
    click.echo(f"CURRENT -> {version_id} in {out}")


def register(group: click.Group) -> None:
    group.add_command(check_consumer)
    group.add_command(promote_cmd)
