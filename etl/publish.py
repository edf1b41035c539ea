"""Versioned, atomic Parquet publishing.

Layout (readable without accords: plain Parquet plus one JSON file)::

    OUT/CURRENT                                   one line: the current version id
    OUT/versions/<version_id>/manifest.json       what the version holds, with digests
    OUT/versions/<version_id>/<table>/part-00000.parquet

A version is written into ``OUT/.staging/<id>``, fsynced, renamed into
``versions/`` in one step, and only then does ``CURRENT`` move (write a temp
file, fsync, ``os.replace``). A run killed at any moment leaves ``CURRENT`` and
every visible version whole. One run at a time holds ``OUT/.lock``.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
from accords.schemas import CONTRACT_VERSION, TABLES
from accords.schemas.dtypes import arrow_schema

from accords.errors import LockError, OutputError, VersionNotFoundError

#: Rows per Parquet row group: small enough for pushdown to skip, large enough to compress.
ROW_GROUP_ROWS = 50_000
ZSTD_LEVEL = 3
VERSION_RE = re.compile(r"^v(\d{6})-([0-9a-f]{10})$")
MANIFEST = "manifest.json"


def accords_version() -> str:
    from accords import __version__

    return __version__


def writer_versions() -> dict[str, str]:
    """Versions of everything whose output is part of the published bytes."""
    import duckdb
    import pandera

    return {
        "pyarrow": pa.__version__,
        "polars": pl.__version__,
        "pandera": pandera.__version__,
        "duckdb": duckdb.__version__,
        "python": ".".join(map(str, sys.version_info[:3])),
    }


def parquet_bytes_metadata(table: str) -> dict[bytes, bytes]:
    return {
        b"accords.contract_version": CONTRACT_VERSION.encode(),
        b"accords.table": table.encode(),
        b"accords.version": accords_version().encode(),
    }


def _contract_arrow(df: pl.DataFrame, table: str) -> pa.Table:
    arrow = df.to_arrow()
    target = arrow_schema(table)
    columns = [arrow.column(f.name).cast(f.type) for f in target]
    return pa.Table.from_arrays(columns, schema=target.with_metadata(parquet_bytes_metadata(table)))


#: Writer options of every part file (the bytes depend on them).
_PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": ZSTD_LEVEL,
    "write_statistics": True,
    "use_dictionary": True,
    "data_page_version": "1.0",  # widest reader support (Spark, older engines)
}


def write_parquet(df: pl.DataFrame, path: Path, table: str) -> None:
    """Write one table's rows (already sorted and validated) as deterministic Parquet."""
    out = _contract_arrow(df, table)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(out, path, row_group_size=ROW_GROUP_ROWS, **_PARQUET_OPTIONS)
    _fsync_file(path)


def write_parquet_chunks(chunks: Iterable[pl.DataFrame], path: Path, table: str) -> int:
    """:func:`write_parquet` of the concatenation of ``chunks``, one chunk in memory at a
    time; the number of rows written. Every chunk but the last must hold exactly
    ``ROW_GROUP_ROWS`` rows: each is then one row group, as the whole table's write would
    cut it, and the file has the same bytes (tests/test_spill.py checks it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = 0
    short = False
    with pq.ParquetWriter(path, arrow_schema(table).with_metadata(parquet_bytes_metadata(table)),
                          **_PARQUET_OPTIONS) as writer:
        for df in chunks:
            if short:
                raise ValueError(f"only the last chunk may hold fewer than {ROW_GROUP_ROWS} rows")
            short = df.height < ROW_GROUP_ROWS
            if df.height > ROW_GROUP_ROWS:
                raise ValueError(f"a chunk holds {df.height} rows, more than {ROW_GROUP_ROWS}")
            writer.write_table(_contract_arrow(df, table), row_group_size=ROW_GROUP_ROWS)
            rows += df.height
    _fsync_file(path)
    return rows


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # some filesystems refuse directory fsync
        _fsync_file(path)


@dataclass(frozen=True)
class Layout:
    """Paths inside an output folder."""

    root: Path

    @property
    def versions(self) -> Path:
        return self.root / "versions"

    @property
    def current(self) -> Path:
        return self.root / "CURRENT"

    @property
    def staging(self) -> Path:
        return self.root / ".staging"

    @property
    def lock(self) -> Path:
        return self.root / ".lock"

    def version_dir(self, version_id: str) -> Path:
        return self.versions / version_id

    def list_versions(self) -> list[str]:
        """Published versions, oldest first (their ids sort in publication order)."""
        if not self.versions.is_dir():
            return []
        return sorted(p.name for p in self.versions.iterdir() if VERSION_RE.match(p.name) and (p / MANIFEST).is_file())

    def current_version(self) -> str | None:
        try:
            value = self.current.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return value or None

    def resolve(self, version: str | None) -> str:
        """A version id from ``version`` (None/'current' -> CURRENT; 'latest'; an id or its prefix)."""
        versions = self.list_versions()
        if version in (None, "current", "CURRENT"):
            cur = self.current_version()
            if cur is None:
                raise VersionNotFoundError(
                    f"no published version in {self.root} (no CURRENT file); run `accords run` first"
                )
            return cur
        if version == "latest" and versions:
            return versions[-1]
        matches = [v for v in versions if v == version or v.startswith(str(version))]
        if len(matches) == 1:
            return matches[0]
        hint = ", ".join(versions[-5:]) or "none"
        raise VersionNotFoundError(f"version {version!r} not found in {self.root} (latest: {hint})")

    def manifest(self, version_id: str) -> dict[str, Any]:
        path = self.version_dir(version_id) / MANIFEST
        try:
            return dict(json.loads(path.read_text(encoding="utf-8")))
        except FileNotFoundError as exc:
            raise VersionNotFoundError(f"version {version_id!r} has no manifest at {path}") from exc


@contextlib.contextmanager
def locked(layout: Layout) -> Iterator[None]:
    """Hold the output folder's lock, or fail at once with who holds it."""
    try:
        layout.root.mkdir(parents=True, exist_ok=True)
        fh = open(layout.lock, "a+", encoding="utf-8")  # noqa: SIM115 - held for the block
    except OSError as exc:
        raise OutputError(f"cannot create output folder {layout.root}: {exc.strerror}") from exc
    try:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            fh.seek(0)
            holder = fh.read().strip() or "unknown"
            raise LockError(
                f"another accords run is publishing to {layout.root} (lock held by pid {holder}); "
                "wait for it to finish, then run again"
            ) from exc
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        yield
    finally:
        fh.close()  # closing releases the flock


def next_version_id(layout: Layout, input_digest: str) -> str:
    versions = layout.list_versions()
    n = int(VERSION_RE.match(versions[-1]).group(1)) + 1 if versions else 1  # type: ignore[union-attr]
    return f"v{n:06d}-{input_digest[:10]}"


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def stage_version(layout: Layout, input_digest: str) -> tuple[str, Path]:
    """Pick the next version id and make its empty staging folder. Caller holds the lock."""
    version_id = next_version_id(layout, input_digest)
    try:
        layout.staging.mkdir(parents=True, exist_ok=True)
        layout.versions.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write to output folder {layout.root}: {exc.strerror}") from exc
    stage = layout.staging / version_id
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    return version_id, stage


def write_part(df: pl.DataFrame, stage: Path, rel: str, table: str) -> dict[str, Any]:
    """Write one part file into the stage; returns its manifest entry."""
    write_parquet(df, stage / rel, table)
    return {"table": table, "path": rel, "rows": df.height,
            "bytes": (stage / rel).stat().st_size, "sha256": sha256_file(stage / rel)}


def write_part_chunks(chunks: Iterable[pl.DataFrame], stage: Path, rel: str, table: str) -> dict[str, Any]:
    """:func:`write_part` from consecutive chunks (see :func:`write_parquet_chunks`)."""
    rows = write_parquet_chunks(chunks, stage / rel, table)
    return {"table": table, "path": rel, "rows": rows,
            "bytes": (stage / rel).stat().st_size, "sha256": sha256_file(stage / rel)}


def link_part(previous: Path, entry: Mapping[str, Any], stage: Path) -> dict[str, Any]:
    """Reuse an unchanged part of the previous version: a hard link (versions are
    immutable, so sharing the inode is safe), or a copy where links are not allowed."""
    dst = stage / str(entry["path"])
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(previous / str(entry["path"]), dst)
    except OSError:
        shutil.copyfile(previous / str(entry["path"]), dst)
        _fsync_file(dst)
    return dict(entry)


#: Builds extra files for a version from its stage folder and draft manifest (``accords run``
#: renders ``report.html`` this way, so the manifest can list and hash it).
StageRenderer = Callable[[Path, Mapping[str, Any]], Mapping[str, bytes]]
#: Runs after the version folder is in place and before CURRENT moves to it; raising
#: keeps CURRENT where it was (``accords run --require-consumers``).
CurrentGate = Callable[[str], None]


def commit_version(
    layout: Layout,
    version_id: str,
    stage: Path,
    files: list[dict[str, Any]],
    row_counts: Mapping[str, int],
    manifest_extra: Mapping[str, Any],
    input_digest: str,
    extra_files: Mapping[str, bytes] | None = None,
    *,
    render: StageRenderer | None = None,
    gate: CurrentGate | None = None,
) -> str:
    """Write extra files and the manifest, then move the stage into place and CURRENT to it.

    ``render`` adds files computed from the finished stage (listed in the manifest);
    ``gate`` may veto moving CURRENT, in which case the version stays published but
    not current (``accords promote`` can move CURRENT later) and its error propagates.
    """
    try:
        files = sorted(files, key=lambda f: (list(TABLES).index(f["table"]), f["path"]))
        manifest = {
            "version_id": version_id,
            "contract_version": CONTRACT_VERSION,
            "accords_version": accords_version(),
            "input_digest": input_digest,
            "parent_version": layout.current_version(),
            "row_counts": {t: int(row_counts[t]) for t in TABLES},
            "files": files,
            "writer": writer_versions(),
            **manifest_extra,
        }
        extra = dict(extra_files or {})
        if render is not None:
            extra.update(render(stage, manifest))
        for rel, data in sorted(extra.items()):
            (stage / rel).parent.mkdir(parents=True, exist_ok=True)
            (stage / rel).write_bytes(data)
            _fsync_file(stage / rel)
            files.append({"table": None, "path": rel, "rows": None, "bytes": len(data),
                          "sha256": hashlib.sha256(data).hexdigest()})
        _write_atomic(stage / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True, default=str) + "\n")
        for sub in [stage, *(p for p in stage.iterdir() if p.is_dir())]:
            _fsync_dir(sub)
        os.rename(stage, layout.version_dir(version_id))
        _fsync_dir(layout.versions)
    except OSError as exc:
        shutil.rmtree(stage, ignore_errors=True)
        raise OutputError(f"cannot write version {version_id} to {layout.root}: {exc.strerror or exc}") from exc
    if gate is not None:
        gate(version_id)
    try:
        _write_atomic(layout.current, version_id + "\n")
    except OSError as exc:
        raise OutputError(f"version {version_id} is written but CURRENT could not be moved to it: "
                          f"{exc.strerror or exc}; run `accords promote {version_id}`") from exc
    return version_id


def publish(
    layout: Layout,
    frames: Mapping[str, pl.DataFrame],
    manifest_extra: Mapping[str, Any],
    input_digest: str,
    extra_files: Mapping[str, bytes] | None = None,
) -> str:
    """Write ``frames`` (one part per table) as a new version and make it CURRENT. Caller holds the lock."""
    version_id, stage = stage_version(layout, input_digest)
    try:
        files = [write_part(frames[t].sort(list(spec.sort_by)), stage, f"{t}/part-00000.parquet", t)
                 for t, spec in TABLES.items()]
    except OSError as exc:
        shutil.rmtree(stage, ignore_errors=True)
        raise OutputError(f"cannot write version {version_id} to {layout.root}: {exc.strerror or exc}") from exc
    return commit_version(layout, version_id, stage, files, {t: frames[t].height for t in TABLES},
                          manifest_extra, input_digest, extra_files)
