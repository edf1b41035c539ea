"""The stat index: reuse a file's sha256 from the previous run when its stat is unchanged.

Re-hashing every input file costs about the I/O floor (11 s at 100k files); most runs
change a handful of them. Like git's index, the previous run records for each file it
hashed ``(size, mtime_ns, ctime_ns, inode, device)`` and the sha256; the next run trusts
that sha256 without reading the file only when all five are equal **and** the recorded
mtime and ctime are older than the moment the previous run started stat-ing files, by at
least :data:`RACY_MARGIN_NS`.

Why that is safe: every entry's stat is taken *before* the file is read, so a write after
that stat changes the file's mtime and ctime to a time at or after the run's start (the
kernel stamps writes with the current time); an entry whose recorded times are well before
the run started can therefore only match the file's stat again if nothing wrote to the
file since. An entry whose times are too close to the run's start is "racily clean" (a
write in the same timestamp tick could leave the times unchanged): it is not trusted and
the file is read and hashed again (then, on that run, it is old enough to be trusted).
Restoring an mtime (``touch -d``, ``os.utime``) still changes ctime. What is *not*
covered: a clock set backwards by more than the margin, or a file system that does not
update mtime/ctime on writes; ``accords run --rehash`` ignores the index and hashes every
file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

if TYPE_CHECKING:
    import polars as pl

#: Recorded times must be at least this much older than the recording run's start. Covers
#: coarse file system timestamps (FAT: 2 s; ext3/HFS+: 1 s) and ordinary clock jitter.
RACY_MARGIN_NS = 3_000_000_000
#: Bump when what the index holds changes (an older file is ignored, not misread).
INDEX_VERSION = "1"
_FIELDS = ("size", "mtime_ns", "ctime_ns", "ino", "dev")
#: Rows per slice when the index is written.
_SLICE = 65536


def now_ns() -> int:
    """The wall-clock time a run starts stat-ing files at (what entries are compared to)."""
    return time.time_ns()


def stat_files(root: Path, fs_paths: Sequence[str]) -> dict[str, np.ndarray]:
    """``size, mtime_ns, ctime_ns, ino, dev`` of each path (following symlinks, as reading
    does); -1 in every field for a path that cannot be stat-ed (never trusted)."""
    n = len(fs_paths)
    out = {f: np.full(n, -1, dtype=np.int64) for f in _FIELDS}
    size, mtime, ctime, ino, dev = (out[f] for f in _FIELDS)
    base = os.fspath(root)
    for i, p in enumerate(fs_paths):
        try:
            st = os.stat(os.path.join(base, p))
        except (OSError, ValueError):
            continue
        size[i], mtime[i], ctime[i], ino[i], dev[i] = (
            st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino & 0x7FFFFFFFFFFFFFFF,
            st.st_dev & 0x7FFFFFFFFFFFFFFF)
    return out


class StatIndex:
    """``OUT/.cache/stat-index.parquet``: source_path -> stat fields, sha256, recorded_ns."""

    def __init__(self, cache_root: Path) -> None:
        self.path = cache_root / "stat-index.parquet"

    def load(self) -> pa.Table | None:
        try:
            table = pq.read_table(self.path)
        except Exception:  # missing, or half-written by a killed run: hash everything
            return None
        meta = table.schema.metadata or {}
        if meta.get(b"accords.stat_index") != INDEX_VERSION.encode():
            return None
        return table

    def lookup(self, paths: Sequence[str], stats: dict[str, np.ndarray]) -> list[str | None]:
        """The trusted sha256 of each path, or None (not recorded, stat changed, or racy)."""
        table = self.load()
        if table is None or not len(paths):
            return [None] * len(paths)
        import polars as pl

        prev = pl.from_arrow(table)
        assert isinstance(prev, pl.DataFrame)
        cur = pl.DataFrame({"source_path": pl.Series(list(paths), dtype=pl.Utf8),
                            **{f"_{f}": stats[f] for f in _FIELDS}}).with_row_index("_i")
        j = cur.join(prev, on="source_path", how="left", maintain_order="left")
        ok = pl.col("key").is_not_null() & (pl.col("_size") >= 0)
        for f in _FIELDS:
            ok = ok & (pl.col(f) == pl.col(f"_{f}"))
        # git's racily-clean rule: only entries whose times were safely in the past when recorded.
        ok = ok & (pl.col("mtime_ns") < pl.col("recorded_ns") - RACY_MARGIN_NS) \
            & (pl.col("ctime_ns") < pl.col("recorded_ns") - RACY_MARGIN_NS)
        return j.select(pl.when(ok).then(pl.col("key")).otherwise(None).alias("key"))["key"].to_list()

    def save(self, paths: Sequence[str] | pl.Series, stats: dict[str, np.ndarray],
             keys: Sequence[str | None] | pl.Series, recorded_ns: int) -> None:
        """Record each hashed file's stat (taken before it was read) and sha256; files without
        a sha256 (unreadable, too large) or without a stat are left out. Columnar throughout:
        a folder of a million files never becomes a million Python strings here."""
        import polars as pl

        n = len(paths)
        schema = pa.schema([pa.field("source_path", pa.string()), *(pa.field(f, pa.int64()) for f in _FIELDS),
                            pa.field("key", pa.string()), pa.field("recorded_ns", pa.int64())],
                           metadata={"accords.stat_index": INDEX_VERSION})
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            # In slices: a million files never become one table here (a few hundred MB).
            with pq.ParquetWriter(tmp, schema, compression="zstd", compression_level=1) as writer:
                for lo in range(0, n, _SLICE):
                    hi = min(n, lo + _SLICE)
                    p_arr = paths[lo:hi].to_arrow() if isinstance(paths, pl.Series) else pa.array(list(paths[lo:hi]))
                    k_arr = keys[lo:hi].to_arrow() if isinstance(keys, pl.Series) else pa.array(list(keys[lo:hi]))
                    part = pa.table({
                        "source_path": p_arr.cast(pa.string()),
                        **{f: pa.array(stats[f][lo:hi], pa.int64()) for f in _FIELDS},
                        "key": k_arr.cast(pa.string()),
                        "recorded_ns": pa.array(np.full(hi - lo, recorded_ns, dtype=np.int64), pa.int64()),
                    }, schema=schema)
                    keep = np.asarray(part.column("key").is_valid().to_numpy(zero_copy_only=False), dtype=bool) \
                        & (stats["size"][lo:hi] >= 0)
                    writer.write_table(part.filter(pa.array(keep)) if not keep.all() else part)
            os.replace(tmp, self.path)
        except OSError:  # an index is an optimisation: a read-only cache just means hashing
            pass
