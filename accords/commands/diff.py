"""``accords diff V1 V2``: rows added, removed and changed per table between two versions."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from accords.errors import AccordsError


@click.command("diff")
@click.argument("old")
@click.argument("new", default="current")
@click.option("--out", "-o", default="outputs", show_default=True, type=click.Path(path_type=Path),
              help="Output folder holding CURRENT and versions/.")
@click.option("--table", "tables", multiple=True, help="Only this table (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--fail-on-change", is_flag=True, help="Exit 1 when the versions differ (for CI).")
def diff(old: str, new: str, out: Path, tables: tuple[str, ...], fmt: str, fail_on_change: bool) -> None:
    """Compare version OLD with NEW (default CURRENT) by primary key, table by table."""
    from accords.dataset_diff import diff_versions

    try:
        result = diff_versions(out, old, new, tables or None)
    except AccordsError as exc:
        click.echo(f"accords: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    click.echo(result.to_json() if fmt == "json" else result.text())
    if fail_on_change and not result.identical:
        sys.exit(1)


def register(group: click.Group) -> None:
    group.add_command(diff)
