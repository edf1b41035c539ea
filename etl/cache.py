"""Per-document result cache: ``sha256(bytes)`` + code + knowledge base -> result row.

Rows are stored as Parquet *segments* under ``OUT/.cache/<namespace>/``. The
namespace holds everything besides the bytes that a result depends on: the
extractor version, the KB digest and a digest of the per-document code (so an
edit to a text stage cannot serve stale rows even when nobody bumps a version).

Each segment is sorted by ``h`` (the first 32 bits of the key) and written in
small row groups, so reading one output bucket (a contiguous ``h`` range)
skips the other row groups by their statistics. Segments are written to a
temporary name and renamed, so a killed run leaves only whole segments: the
next run reuses them and processes only what is missing.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

#: New result rows buffered before a segment is written (a few MB of text).
SEGMENT_ROWS = 2048
#: ... or after this many seconds, whichever comes first: a run killed without warning
#: (SIGKILL, power loss) loses at most this much finished work.
FLUSH_SECONDS = 30.0
#: Row group size inside segments: the granularity of bucket pruning.
SEGMENT_ROW_GROUP = 256
#: Columns of a result row that describe the file, not its bytes (not cached).
_PER_FILE = ("source_path", "size", "error_code", "cached")

_ETL_DIR = Path(__file__).resolve().parent
#: A result namespace's folder name, as :func:`namespace` builds it.
_NAMESPACE = re.compile(r"x[^/]+-kb[0-9a-f]+-code[0-9a-f]+")
#: The duplicate index of a namespace lives beside its results, under this prefix.
DEDUPE_PREFIX = "dedupe-"
#: Modules that do not change per-document results (orchestration and I/O).
_NOT_PER_DOC = frozenset({"pipeline.py", "publish.py", "store.py", "cache.py", "__init__.py",
                          "statindex.py", "dupindex.py", "memory.py"})


def code_digest() -> str:
    """Digest of the source of every module that shapes per-document rows."""
    h = hashlib.sha256()
    for path in sorted(_ETL_DIR.rglob("*.py")):
        if path.name in _NOT_PER_DOC and path.parent == _ETL_DIR:
            continue
        h.update(str(path.relative_to(_ETL_DIR)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def key_hash(keys: pa.Array | pa.ChunkedArray) -> pa.Array:
    """First 32 bits of each hex key as int64 (the bucket coordinate)."""
    prefix = pc.utf8_slice_codeunits(keys, 0, 8)
    return pa.array([int(k, 16) if k is not None else None for k in prefix.to_pylist()], pa.int64())


def _empty(columns: Sequence[str]) -> pa.Table:
    """A table with no rows and the cached columns' real types (an empty run still has to
    compute with them: ``h`` is an integer, ``minhash`` bytes, ``candidates`` a list)."""
    from accords.etl.engine import RESULT_SCHEMA  # late: engine imports the extractor

    types = {f.name: f.type for f in RESULT_SCHEMA}
    types["h"] = pa.int64()
    return pa.schema([pa.field(c, types.get(c, pa.string())) for c in columns]).empty_table()


def namespace(extractor_version: str, kb_digest: str) -> str:
    """The cache namespace of this extractor version, KB and per-document code."""
    return f"x{extractor_version}-kb{kb_digest[:12]}-code{code_digest()[:12]}"


def prune_stale(cache_root: Path, keep: str) -> list[str]:
    """Delete the folders of every namespace but ``keep``; the names deleted.

    A namespace is tied to one extractor version, KB digest and code digest, so once a run
    has published with another one, its rows can never be served again: without pruning,
    every upgrade or KB edit would leave a full copy of the corpus's results behind.
    Other entries (the stat index, bucket summaries) are shared and kept.
    """
    if not cache_root.is_dir():
        return []
    wanted = {keep, DEDUPE_PREFIX + keep}  # the results and their duplicate index (DupIndex)
    removed = []
    for path in sorted(cache_root.iterdir()):
        name = path.name.removeprefix(DEDUPE_PREFIX)
        if path.is_dir() and path.name not in wanted and _NAMESPACE.fullmatch(name):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
    return removed


class ResultCache:
    """Append-only segments of per-document results in one namespace."""

    def __init__(self, root: Path, namespace: str) -> None:
        self.dir = root / namespace
        self._buffer: list[pa.Table] = []
        self._buffered = 0
        self._keys: set[str] | None = None
        self._last_flush = time.monotonic()
        self._footers: dict[Path, pq.FileMetaData] = {}
        # Half-written segments of a killed run (runs on one output hold its lock, so
        # nobody else is writing one now).
        for tmp in self.dir.glob(".seg-*.tmp") if self.dir.is_dir() else ():
            tmp.unlink(missing_ok=True)

    def segments(self) -> list[Path]:
        return sorted(self.dir.glob("seg-*.parquet")) if self.dir.is_dir() else []

    def keys(self) -> set[str]:
        """Every cached key (read once; only the key column is read)."""
        if self._keys is None:
            self._keys = set()
            for seg in self.segments():
                self._keys.update(pq.read_table(seg, columns=["key"]).column("key").to_pylist())
        return self._keys

    def forget_keys(self) -> None:
        """Drop the set of cached keys (a 64-character string per document) once no more rows
        will be added; :meth:`keys` reads it again if asked."""
        self._keys = None

    def add(self, results: pa.Table) -> None:
        """Buffer newly computed rows (not yet cached, with a key); write a segment when full."""
        mask = pc.and_(pc.invert(results.column("cached")), pc.is_valid(results.column("key")))
        fresh = results.filter(mask)
        if fresh.num_rows == 0:
            return
        seen = self.keys()
        keep = []
        for i, k in enumerate(fresh.column("key").to_pylist()):
            if k not in seen:  # copies of one file in one run: cache the bytes once
                seen.add(k)
                keep.append(i)
        if not keep:  # every file of the chunk repeats bytes cached already (copies)
            return
        fresh = fresh.take(pa.array(keep, pa.int64())).drop_columns(list(_PER_FILE))
        self._buffer.append(fresh)
        self._buffered += fresh.num_rows
        if self._buffered >= SEGMENT_ROWS or time.monotonic() - self._last_flush >= FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Write buffered rows as one segment (tmp + rename: never half visible)."""
        if not self._buffered:
            return
        table = pa.concat_tables(self._buffer)
        table = table.append_column("h", key_hash(table.column("key"))).sort_by([("h", "ascending"), ("key", "ascending")])
        name = hashlib.sha256("\n".join(table.column("key").to_pylist()).encode()).hexdigest()[:20]
        self.dir.mkdir(parents=True, exist_ok=True)
        final = self.dir / f"seg-{name}.parquet"
        tmp = self.dir / f".seg-{name}.{os.getpid()}.tmp"
        pq.write_table(table, tmp, compression="zstd", compression_level=1, row_group_size=SEGMENT_ROW_GROUP)
        os.replace(tmp, final)
        self._buffer, self._buffered = [], 0
        self._last_flush = time.monotonic()

    def _metadata(self, seg: Path) -> pq.FileMetaData:
        md = self._footers.get(seg)
        if md is None:
            md = self._footers[seg] = pq.read_metadata(seg)
        return md

    def iter_segments(self, columns: Sequence[str]) -> Iterator[pa.Table]:
        """Each segment's ``key`` and ``columns``, one segment at a time (a caller that
        scatters them into its own array never holds every segment at once)."""
        cols = list(dict.fromkeys(["key", *columns]))
        for seg in self.segments():
            yield pq.ParquetFile(seg, metadata=self._metadata(seg), pre_buffer=False).read(
                columns=cols, use_threads=False)

    def read_keys(self, columns: Sequence[str], keys: Sequence[str]) -> pa.Table:
        """Rows of a few ``keys``: only the row groups whose ``h`` range holds one of their
        ``h`` are read (a handful of keys touch a handful of row groups, not every column)."""
        import numpy as np

        if not keys:
            return _empty(list(dict.fromkeys(["key", *columns])))
        hs = np.sort(np.array([int(k[:8], 16) for k in keys], dtype=np.int64))
        cols = list(dict.fromkeys(["key", *columns]))
        wanted = pa.array(list(keys), pa.string())
        parts: list[pa.Table] = []
        for seg in self.segments():
            md = self._metadata(seg)
            hcol = md.schema.names.index("h")
            groups = []
            for g in range(md.num_row_groups):
                st = md.row_group(g).column(hcol).statistics
                if st is None or not st.has_min_max or \
                        np.searchsorted(hs, st.min, "left") < np.searchsorted(hs, st.max, "right"):
                    groups.append(g)
            if not groups:
                continue
            table = pq.ParquetFile(seg, metadata=md, pre_buffer=False).read_row_groups(groups, columns=cols, use_threads=False)
            parts.append(table.filter(pc.is_in(table.column("key"), value_set=wanted)))
        table = pa.concat_tables(parts) if parts else _empty(cols)
        return table

    def read(self, columns: Sequence[str], keys: pa.Array | None = None,
             h_range: tuple[int, int] | None = None) -> pa.Table:
        """Rows (one per key) restricted to ``keys`` and to ``lo <= h < hi``.

        Segment by segment, skipping row groups by the statistics of ``h``, and reading
        only the asked columns: a dataset scan with a filter read ahead several files at
        once and held many times the result in memory (tens of MB per read at 20k docs).
        """
        segs = self.segments()
        cols = list(dict.fromkeys(["key", *columns]))
        if not segs:
            return _empty(cols)
        need = cols + (["h"] if h_range is not None and "h" not in cols else [])
        wanted = None
        if keys is not None:
            wanted = (keys.combine_chunks() if isinstance(keys, pa.ChunkedArray) else keys).cast(pa.string())
        parts: list[pa.Table] = []
        for seg in segs:
            md = self._metadata(seg)
            groups = list(range(md.num_row_groups))
            if h_range is not None:
                hcol = md.schema.names.index("h")
                kept = []
                for g in groups:
                    st = md.row_group(g).column(hcol).statistics
                    if st is None or not st.has_min_max or (st.max >= h_range[0] and st.min < h_range[1]):
                        kept.append(g)
                groups = kept
            if not groups:
                continue
            table = pq.ParquetFile(seg, metadata=md, pre_buffer=False).read_row_groups(groups, columns=need, use_threads=False)
            mask = None
            if h_range is not None:
                h = table.column("h")
                mask = pc.and_(pc.greater_equal(h, h_range[0]), pc.less(h, h_range[1]))
            if wanted is not None:
                inset = pc.is_in(table.column("key"), value_set=wanted)
                mask = inset if mask is None else pc.and_(mask, inset)
            if mask is not None and not pc.all(mask).as_py():  # a filter copies every column
                table = table.filter(mask)
            parts.append(table.select(cols))
        if not parts:
            return _empty(cols)
        table = pa.concat_tables(parts)  # chunked: combining would copy every column once more
        # A key written twice (a copy processed in two chunks of one killed run) counts once.
        if table.num_rows and pc.count_distinct(table.column("key")).as_py() != table.num_rows:
            seen: set[str] = set()
            idx = []
            for i, k in enumerate(table.column("key").to_pylist()):
                if k not in seen:
                    seen.add(k)
                    idx.append(i)
            table = table.take(pa.array(idx, pa.int64()))
        return table
