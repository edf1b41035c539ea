"""``accords report``: one self-contained HTML page for a version or a failed run."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from accords.errors import AccordsError


@click.command("report")
@click.argument("out", default="outputs", type=click.Path(path_type=Path))
@click.option("--version", "version", default=None, help="Version id or prefix (default: CURRENT).")
@click.option("--from-error", "from_error", default=None,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Render a failed run from its OUT/last-validation-error.json instead of a version.")
@click.option("-o", "--output", "output", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="HTML file to write (default: report-<version>.html, or report-failed-run.html).")
def report(out: Path, version: str | None, from_error: Path | None, output: Path | None) -> None:
    """Write one HTML page (no network needed to view it) describing a version of OUT.

    It shows the version and its diff against the parent, every validation
    check, rejected and duplicate inputs, top entities, co-occurrence,
    initiatives, documents per month, and the data contract.
    """
    from accords.etl.publish import Layout
    from accords.report import load_error_report, render_error_report, render_report

    try:
        if from_error is not None:
            page = render_error_report(load_error_report(from_error), from_error)
            target = output or Path("report-failed-run.html")
        else:
            version_id = Layout(out).resolve(version)
            page = render_report(out, version_id)
            target = output or Path(f"report-{version_id}.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    except AccordsError as exc:
        click.echo(f"accords: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except OSError as exc:
        click.echo(f"accords: error: cannot write {output}: {exc.strerror or exc}", err=True)
        sys.exit(3)
    click.echo(f"wrote {target} ({len(page.encode()) / 1024:,.0f} KiB)")


def register(group: click.Group) -> None:
    """Attach ``report`` to the ``accords`` command group."""
    group.add_command(report)
