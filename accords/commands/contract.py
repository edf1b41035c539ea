"""``accords contract export|show|diff|check``: the data contract as a product.

Exports live in ``schemas/contracts/<version>/`` (see ``accords.schemas.export``);
``diff`` and ``check`` classify changes with ``accords.schemas.evolution``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from accords.errors import AccordsError

#: Exit code of ``diff``/``check`` when a change breaks consumers without a major bump.
BREAKING_EXIT = 9


def _fail(exc: AccordsError) -> None:
    click.echo(f"accords: error: {exc}", err=True)
    sys.exit(exc.exit_code)


@click.group("contract")
def contract() -> None:
    """Export, show, compare and police the published data contract."""


@contract.command("export")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Contracts folder (default: schemas/contracts of this checkout).")
def export_cmd(root: Path | None) -> None:
    """Write the code's contract to schemas/contracts/<CONTRACT_VERSION>/ (commit the result)."""
    from accords.schemas.export import export

    click.echo(f"exported {export(root)}")


@contract.command("show")
@click.option("--version", "version", default=None,
              help="Exported contract version or folder (default: the models in this code).")
@click.option("--format", "fmt", type=click.Choice(["json", "yaml", "md"]), default="md", show_default=True,
              help="json: contract.json; yaml: Open Data Contract Standard; md: table reference.")
def show(version: str | None, fmt: str) -> None:
    """Print a contract."""
    from accords.schemas.export import load_contract, odcs_yaml, render_markdown

    try:
        data = load_contract(version)
    except AccordsError as exc:
        _fail(exc)
        return
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif fmt == "yaml":
        click.echo(odcs_yaml(data), nl=False)
    else:
        click.echo(render_markdown(data), nl=False)


@contract.command("diff")
@click.argument("old")
@click.argument("new", default="code")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def diff_cmd(old: str, new: str, as_json: bool) -> None:
    """Classify every change from OLD to NEW (versions, export folders, or 'code').

    Exits 9 when a change is breaking and NEW does not raise the major version.
    """
    from accords.schemas.evolution import diff_refs

    try:
        d = diff_refs(old, new)
    except AccordsError as exc:
        _fail(exc)
        return
    click.echo(json.dumps(d.as_dict(), indent=2) if as_json else d.summary())
    if d.breaking and not d.major_raised:
        if not as_json:
            click.echo(f"accords: {len(d.breaking)} breaking change(s) without a major version bump", err=True)
        sys.exit(BREAKING_EXIT)


@contract.command("check")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Contracts folder (default: schemas/contracts of this checkout).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def check(root: Path | None, as_json: bool) -> None:
    """CI gate: the models must match the committed export of CONTRACT_VERSION.

    A model change needs a version bump that covers it (major for breaking)
    and the new export committed.
    """
    from accords.schemas.evolution import check_exports

    outcome = check_exports(root)
    if as_json:
        click.echo(json.dumps(outcome.as_dict(), indent=2))
    elif outcome.ok:
        click.echo("\n".join(outcome.messages))
    else:
        click.echo("accords: contract check failed:\n" + "\n".join(outcome.messages), err=True)
    if not outcome.ok:
        sys.exit(BREAKING_EXIT)


def register(group: click.Group) -> None:
    group.add_command(contract)
