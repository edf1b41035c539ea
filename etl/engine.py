"""Per-document work as a pure function over Arrow batches, and the engines that run it.

The unit of work is a *raw batch*: an Arrow table of input files with the
columns of :data:`RAW_SCHEMA` (``source_path``, ``data``, ``size``, ...). The
pure function :func:`process_batch` turns it into a *result batch*
(:data:`RESULT_SCHEMA`): one row per file with its ``sources`` fields, its
``documents`` fields, its extraction candidates and its MinHash signature. No
clock, no global state, no file system: it runs the same in this process, in a
process pool (:class:`LocalEngine`) or on a Ray cluster (:class:`RayEngine`).

Result rows do not depend on the file's path (the path is re-attached by the
caller), so they can be cached by ``sha256(bytes)`` and shared between copies.
"""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import functools
import gc
import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa
from accords.etl import ingest
from accords.etl.dedupe import signature
from accords.etl.extract import kb as kb_mod
from accords.etl.extract.candidates import Candidate
from accords.schemas.dtypes import arrow_schema

#: Input files per work item: big enough to amortise inter-process overhead, small
#: enough that a batch of results (texts plus candidates) stays a few MB.
CHUNK_FILES = 64

RAW_SCHEMA = pa.schema([
    pa.field("source_path", pa.string(), nullable=False),
    pa.field("data", pa.large_binary()),
    pa.field("size", pa.int64()),
    pa.field("error_code", pa.string()),
    pa.field("error", pa.string()),
])

_CANDIDATE_TYPES: dict[str, pa.DataType] = {
    "start": pa.int64(), "end": pa.int64(), "sentence_index": pa.int64(),
    "party_spans": pa.list_(pa.struct([pa.field("start", pa.int64()), pa.field("end", pa.int64())])),
}
CANDIDATE_TYPE = pa.struct([
    pa.field(f.name, _CANDIDATE_TYPES.get(f.name, pa.string())) for f in dataclasses.fields(Candidate)
])

_SOURCE_FIELDS = ("status", "reason_code", "reason", "document_id")
#: documents columns carried per file (source_path and source_sha256 are re-attached).
DOC_FIELDS = tuple(f.name for f in arrow_schema("documents") if f.name not in ("document_id", "source_path", "source_sha256"))

RESULT_SCHEMA = pa.schema(
    [
        pa.field("source_path", pa.string(), nullable=False),
        pa.field("key", pa.string()),  # sha256 of the bytes; null when unreadable
        pa.field("size", pa.int64()),
        pa.field("error_code", pa.string()),
        pa.field("cached", pa.bool_()),  # True: only the fingerprint, the rows are in the cache
        *(pa.field(name, pa.string()) for name in _SOURCE_FIELDS),
        *(pa.field(f.name, f.type) for f in arrow_schema("documents") if f.name in DOC_FIELDS),
        pa.field("candidates", pa.list_(CANDIDATE_TYPE)),
        pa.field("minhash", pa.binary()),  # dedupe signature; null when too short to index
    ]
)


def read_batch(root: Path, entries: Sequence[ingest.Entry]) -> pa.Table:
    """Read a chunk of entries into a raw batch (bytes in memory for this chunk only)."""
    raws = [ingest.read(root, e) for e in entries]
    return pa.Table.from_pydict(
        {
            "source_path": [r.source_path for r in raws],
            "data": [r.data for r in raws],
            "size": [r.size for r in raws],
            "error_code": [r.error_code for r in raws],
            "error": [r.error for r in raws],
        },
        schema=RAW_SCHEMA,
    )


def process_batch(raw: pa.Table, kb_files: tuple[str, ...] = (), skip_keys: frozenset[str] = frozenset()) -> pa.Table:
    """The pure per-document function: raw batch -> result batch (same rows, same order).

    Files whose sha256 is in ``skip_keys`` (already cached) come back as
    fingerprint-only rows with ``cached`` set, so the caller still sees every file.
    """
    from accords.etl.pipeline import process_raw  # late: pipeline imports this module

    rows: list[dict[str, Any]] = []
    for rec in raw.to_pylist():
        data = rec["data"]
        key = hashlib.sha256(data).hexdigest() if data is not None else None
        row: dict[str, Any] = {"source_path": rec["source_path"], "key": key, "size": rec["size"],
                               "error_code": rec["error_code"], "cached": key in skip_keys}
        if not row["cached"]:
            kb = kb_mod.cached(tuple(Path(p) for p in kb_files))  # loaded once per process, on first use
            processed = process_raw(ingest.RawFile(rec["source_path"], data, rec["size"],
                                                   rec["error_code"], rec["error"]), kb)
            src, doc = processed.result.source, processed.result.document
            row.update({k: src[k] for k in _SOURCE_FIELDS})
            if doc is not None:
                row.update({k: doc[k] for k in DOC_FIELDS})
                row["minhash"] = signature(doc["text"])
            row["candidates"] = [c.row() for c in processed.candidates]
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=RESULT_SCHEMA)


WorkItem = tuple[Path, tuple[ingest.Entry, ...]]


def _work(item: WorkItem, kb_files: tuple[str, ...], skip_keys: frozenset[str]) -> pa.Table:
    root, entries = item
    return process_batch(read_batch(root, entries), kb_files, skip_keys)


_WORKER_SKIP: frozenset[str] = frozenset()


def _init_worker(skip_keys: frozenset[str], kb_files: tuple[str, ...] = ()) -> None:
    # The cached-key set is sent once per worker, not once per chunk.
    global _WORKER_SKIP
    _WORKER_SKIP = skip_keys
    # Load the KB now, then freeze everything loaded so far (modules, KB, gazetteer) out of
    # the garbage collector's reach: the collections that extraction's many small objects
    # trigger then stop re-scanning a few hundred thousand objects that never die.
    kb_mod.cached(tuple(Path(p) for p in kb_files))
    gc.freeze()


def _pool_work(item: WorkItem, kb_files: tuple[str, ...]) -> pa.Table:
    return _work(item, kb_files, _WORKER_SKIP)


class Engine(Protocol):
    """Runs :func:`process_batch` over work items, yielding results in input order."""

    def map(self, items: Iterable[WorkItem], kb_files: tuple[str, ...],
            skip_keys: frozenset[str]) -> Iterator[pa.Table]: ...


@dataclasses.dataclass
class LocalEngine:
    """This machine: inline for one worker, else a process pool with a bounded window.

    At most ``2 * workers`` chunks are in flight, so memory does not grow with
    the corpus; results are yielded in submission order (deterministic output).
    """

    workers: int = 0  # 0: one per CPU

    def map(self, items: Iterable[WorkItem], kb_files: tuple[str, ...],
            skip_keys: frozenset[str]) -> Iterator[pa.Table]:
        n = self.workers or os.cpu_count() or 1
        if n <= 1:
            for item in items:
                yield _work(item, kb_files, skip_keys)
            return
        # spawn, not fork: the parent has polars/duckdb thread pools that fork would copy mid-lock.
        ctx = multiprocessing.get_context("spawn")
        with cf.ProcessPoolExecutor(n, mp_context=ctx, initializer=_init_worker,
                                    initargs=(skip_keys, kb_files)) as pool:
            window: deque[cf.Future[pa.Table]] = deque()
            fn = functools.partial(_pool_work, kb_files=kb_files)
            for item in items:
                window.append(pool.submit(fn, item))
                if len(window) >= 2 * n:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()


@dataclasses.dataclass
class RayEngine:
    """Ray Data: the same pure function through ``map_batches(batch_format="pyarrow")``.

    Work items become rows (root, paths) of a Ray dataset; each task reads its
    files (workers must see the input folder: a shared file system or object
    store mount) and processes them. ``address`` None starts a local cluster.
    """

    address: str | None = None
    workers: int = 0

    def map(self, items: Iterable[WorkItem], kb_files: tuple[str, ...],
            skip_keys: frozenset[str]) -> Iterator[pa.Table]:
        import ray

        if not ray.is_initialized():
            if self.address:
                ray.init(address=self.address, log_to_driver=False)
            else:
                ray.init(num_cpus=self.workers or os.cpu_count() or 1, log_to_driver=False,
                         include_dashboard=False)
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True  # deterministic output order
        rows = [{"root": str(root), "paths": [e.source_path for e in entries],
                 "problems": [e.problem_code for e in entries], "why": [e.problem for e in entries]}
                for root, entries in items]
        if not rows:
            return
        skip_ref = ray.put(skip_keys)

        def task(batch: pa.Table) -> pa.Table:
            skip = ray.get(skip_ref) if not isinstance(skip_ref, frozenset) else skip_ref
            out = []
            for rec in batch.to_pylist():
                entries = tuple(ingest.Entry(p, c, w) for p, c, w in
                                zip(rec["paths"], rec["problems"], rec["why"], strict=True))
                out.append(_work((Path(rec["root"]), entries), kb_files, skip))
            return pa.concat_tables(out)

        ds: ray.data.Dataset = ray.data.from_items(rows, override_num_blocks=len(rows))
        ds = ds.map_batches(task, batch_format="pyarrow", batch_size=1)
        yield from ds.iter_batches(batch_format="pyarrow", batch_size=None)


def get_engine(name: str = "local", workers: int = 0, address: str | None = None) -> Engine:
    """``local`` (default, no extra dependency) or ``ray`` (``pip install accords[ray]``)."""
    if name == "local":
        return LocalEngine(workers)
    if name == "ray":
        return RayEngine(address, workers)
    raise ValueError(f"unknown engine {name!r} (local or ray)")
