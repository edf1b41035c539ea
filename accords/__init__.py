"""accords: raw news text about international cooperation -> validated, versioned Parquet.

The Python API mirrors the CLI::

    import accords
    result = accords.run("seeds", out="outputs")     # accords run seeds --out outputs
    report = accords.validate("outputs")             # accords validate outputs
    con = accords.connect("outputs")                 # DuckDB views over CURRENT
    con.sql("SELECT canonical_name FROM entities").show()
"""

from __future__ import annotations

import os as _os

# Polars allocates through its own jemalloc, which keeps freed pages for ~10 s before giving
# them back (its "decay"): the driver's RSS then carried every earlier step's garbage into the
# bucket loop (+50 MB at 100k documents, measured with benchmarks/memprofile.py; see
# etl/memory.py). Read once, when polars is first imported, so it is set here, before any
# accords module imports polars; a value the user set wins.
_os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _dist_version
from pathlib import Path
from typing import TYPE_CHECKING

from accords.errors import (
    AccordsError,
    ContractViolation,
    InputError,
    IntegrityError,
    LockError,
    OutputError,
    VersionNotFoundError,
)

try:
    __version__ = _dist_version("accords")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0+unknown"

if TYPE_CHECKING:
    import duckdb
    import polars as pl

    from accords.etl.pipeline import RunResult
    from accords.schemas.validate import ValidationReport


def run(
    input_dir: str | Path = "seeds",
    out: str | Path = "outputs",
    kb_files: tuple[str | Path, ...] = (),
    *,
    engine: str = "local",
    workers: int = 0,
    ray_address: str | None = None,
    write_report: bool = True,
    require_consumers: str | Path | None = None,
    rehash: bool = False,
) -> RunResult:
    """Process ``input_dir`` and publish a new version under ``out`` (see ``accords run``).

    ``engine`` is ``"local"`` (``workers`` processes; 0 = one per CPU) or ``"ray"``
    (``pip install 'accords[ray]'``; ``ray_address`` or a local cluster). Each version
    gets a ``report.html`` unless ``write_report`` is False. With ``require_consumers``
    (a folder of ``.sql`` files) CURRENT only moves if every query binds. ``rehash`` reads
    and hashes every file instead of trusting the sha256 recorded for an unchanged stat.
    """
    from accords.etl.pipeline import run as _run

    return _run(input_dir, out, kb_files=kb_files, engine=engine, workers=workers, ray_address=ray_address,
                write_report=write_report, require_consumers=require_consumers, rehash=rehash)


def validate(out: str | Path = "outputs", version: str | None = None) -> ValidationReport:
    """Re-check a published version's files and rows against the contracts."""
    from accords.etl.store import validate_version

    return validate_version(out, version)


def connect(out: str | Path = "outputs", version: str | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with views documents, entities, mentions, initiatives, sources."""
    from accords.etl.store import connect as _connect

    return _connect(out, version)


def read_table(table: str, out: str | Path = "outputs", version: str | None = None) -> pl.DataFrame:
    """One table of a version as a polars DataFrame with the contract's dtypes."""
    from accords.etl.store import read_table as _read_table

    return _read_table(out, table, version)


def versions(out: str | Path = "outputs") -> list[str]:
    """Published version ids, oldest first."""
    from accords.etl.publish import Layout

    return Layout(Path(out)).list_versions()


def contract_version() -> str:
    """The contract version this accords writes."""
    from accords.schemas.version import CONTRACT_VERSION

    return CONTRACT_VERSION


__all__ = [
    "AccordsError",
    "ContractViolation",
    "InputError",
    "IntegrityError",
    "LockError",
    "OutputError",
    "VersionNotFoundError",
    "__version__",
    "connect",
    "contract_version",
    "read_table",
    "run",
    "validate",
    "versions",
]
