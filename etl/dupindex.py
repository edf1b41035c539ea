"""A persistent LSH index, so an incremental run re-decides duplicates only where it must.

The full dedupe (:func:`accords.etl.dedupe._find`) walks every accepted document in path
order: a document is an exact duplicate of the first document with its ``document_id``,
else a near duplicate of the best earlier *kept* document sharing one LSH band exactly,
else kept. A document's answer therefore depends only on (1) which earlier documents
share a band with it and whether they are kept, and (2) the first document with its
``document_id`` and that one's answer.

The index (under ``OUT/.cache/dedupe-<namespace>/``) keeps what that needs between runs:
every accepted document's path, key, ``document_id`` and answer; the signatures (one
append-only file, read through a memory map, so only the rows looked at are paged in);
and, per band, the band hashes sorted with their signature rows (band -> documents).

An incremental run compares the accepted documents with the index by (path, key). The
documents that were added, removed or edited seed a work list, processed in path order:
a document on the list is decided again exactly as the full pass would (its candidates
are looked up in the index, with their current kept state); when its answer changes,
the later documents it can influence join the list (those sharing a band with it when
its kept state changed; those with its ``document_id`` when it is the first of them).
A removed document's band sharers and ``document_id`` peers are on the list from the
start. Every other document keeps its answer: none of its inputs changed. The result
equals the full pass (tests/test_dupindex.py checks it on random corpora).
"""

from __future__ import annotations

import contextlib
import heapq
import json
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pyarrow as pa
from accords.etl.cache import DEDUPE_PREFIX
from accords.etl.dedupe import _BANDS, _MIX, _ROWS, NEAR_DUPLICATE_JACCARD, NUM_PERM, _find
from accords.etl.memory import release_memory

#: A column of strings as the pipeline hands it over: a polars Series or any sequence.
Strings = Sequence[str] | pl.Series

#: Bump when the files of the index change meaning.
INDEX_VERSION = "1"
#: Above this share of changed documents, a full pass (and a rebuilt index) is cheaper.
MAX_CHANGED_SHARE = 0.05
#: Dead signature rows (of removed or edited documents) tolerated before a rebuild.
MAX_DEAD_SHARE = 0.25
_NB = len(_BANDS)
#: Columns of the answer: code null = kept; else exact_duplicate / near_duplicate, the kept
#: document and the path it was kept at, and the sources.reason text.
_RESULT = {"_code": pl.Utf8, "_doc": pl.Utf8, "_kpath": pl.Utf8, "_reason": pl.Utf8}


def band_hashes(sigs: np.ndarray) -> np.ndarray:
    """``[rows, bands]`` 64-bit hash of each band's values (the mixing of dedupe's groups)."""
    out = np.zeros((sigs.shape[0], _NB), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j, (lo, hi) in enumerate(_BANDS):
            h = np.zeros(sigs.shape[0], dtype=np.uint64)
            for c in range(hi - lo):
                h = h * _MIX[c % len(_MIX)] + sigs[:, lo + c]
            out[:, j] = h
    return out


def signature_matrix(signatures: Any, sig_rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The valid signatures of an Arrow binary column as a ``[n, NUM_PERM]`` uint64 matrix
    (zero-copy when the layout allows), and for each ``sig_rows`` entry its matrix row (-1: none)."""
    arr = signatures.combine_chunks() if isinstance(signatures, pa.ChunkedArray) else signatures
    if not (pa.types.is_binary(arr.type) or pa.types.is_large_binary(arr.type)):
        arr = arr.cast(pa.large_binary())
    valid = arr.is_valid().to_numpy(zero_copy_only=False) if len(arr) else np.zeros(0, dtype=bool)
    off_type = np.int64 if pa.types.is_large_binary(arr.type) else np.int32
    offsets = np.frombuffer(arr.buffers()[1], dtype=off_type)[arr.offset:arr.offset + len(arr) + 1] \
        if len(arr) else np.zeros(1, dtype=np.int64)
    lengths = np.diff(offsets)
    nvalid = int(valid.sum())
    if len(arr) and nvalid and np.all(lengths[valid] == NUM_PERM * 8) and np.all(lengths[~valid] == 0):
        sigs = np.frombuffer(arr.buffers()[2], dtype="<u8", count=nvalid * NUM_PERM,
                             offset=int(offsets[0])).reshape(-1, NUM_PERM)
    else:  # unusual layout: one copy through Python
        values = [v for v in arr.to_pylist() if v is not None]
        valid = np.array([v is not None for v in arr.to_pylist()], dtype=bool)
        sigs = (np.frombuffer(b"".join(values), dtype="<u8").reshape(-1, NUM_PERM) if values
                else np.zeros((0, NUM_PERM), dtype=np.uint64))
    matrix_row = np.cumsum(valid) - 1
    rows = np.asarray(sig_rows, dtype=np.int64)
    if len(arr):
        safe = np.where(rows >= 0, rows, 0)
        mrow = np.where((rows >= 0) & valid[safe], matrix_row[safe], -1)
    else:
        mrow = np.full(len(rows), -1, dtype=np.int64)
    return sigs.astype(np.uint64, copy=False), mrow.astype(np.int64)


def gather_signatures(segments: Iterable[pa.Table], keys: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The signatures of ``keys`` (accepted documents, in path order) as one compact matrix,
    filled segment by segment from ``(key, minhash)`` tables, and each document's matrix row
    (-1: no signature). One copy of the signatures in memory: neither the whole Arrow
    column nor a combined copy of it is held (200 MB at 100k documents).

    The matrix is ``uint32`` while every value fits (datasketch's MinHash values are 32-bit
    hashes stored in 64-bit slots), half the memory: the dedupe pass only compares values
    and mixes them into ``uint64`` band hashes, which give the same numbers from either
    width. A value of 2**32 or more (not from datasketch) widens it to ``uint64``."""
    n = len(keys)
    want = pl.DataFrame({"key": pl.Series(list(keys), dtype=pl.Utf8)}).with_row_index("_pos")
    mat: np.ndarray = np.zeros((n, NUM_PERM), dtype=np.uint32)
    valid = np.zeros(n, dtype=bool)
    for seg in segments:
        if not seg.num_rows:
            continue
        at = pl.from_arrow(seg.select(["key"]))
        assert isinstance(at, pl.DataFrame)
        hit = at.with_row_index("_row").join(want, on="key", how="inner")  # a key of several paths: each
        if not hit.height:
            continue
        seg_sigs, seg_rows = signature_matrix(seg.column("minhash"), hit["_row"].to_numpy().astype(np.int64))
        ok = seg_rows >= 0
        pos = hit["_pos"].to_numpy().astype(np.int64)[ok]
        got = seg_sigs[seg_rows[ok]]
        if mat.dtype != np.uint64 and len(got) and int(got.max()) > np.iinfo(np.uint32).max:
            mat = mat.astype(np.uint64)  # not 32-bit values: keep every bit
        mat[pos] = got
        valid[pos] = True
    # Compact in place (sources never before targets, so forward slices are safe).
    src = np.flatnonzero(valid)
    for i in range(0, len(src), 8192):
        part = src[i:i + 8192]
        mat[i:i + len(part)] = mat[part]
    mrow = np.full(n, -1, dtype=np.int64)
    mrow[src] = np.arange(len(src))
    return mat[:len(src)], mrow


def results_frame(paths: Sequence[str], doc_ids: Sequence[str], rows: Sequence[int], sigs: np.ndarray) -> pl.DataFrame:
    """The full pass (dedupe._find) as a frame in path order: path, document_id, then the answer."""
    dups = _find(list(paths), list(doc_ids), list(rows), sigs)
    ans = pl.DataFrame(
        {"path": [d.source_path for d in dups.values()], "_code": [d.code for d in dups.values()],
         "_doc": [d.kept_document_id for d in dups.values()],
         "_kpath": [_kept_path(d.reason) for d in dups.values()], "_reason": [d.reason for d in dups.values()]},
        schema={"path": pl.Utf8, **_RESULT})
    base = pl.DataFrame({"path": pl.Series(list(paths), dtype=pl.Utf8),
                         "document_id": pl.Series(list(doc_ids), dtype=pl.Utf8)})
    return base.join(ans, on="path", how="left", maintain_order="left")


def _kept_path(reason: str) -> str:
    # "same normalised text as P" / "near duplicate of P (about N% of word 5-grams shared)"
    if reason.startswith("same normalised text as "):
        return reason[len("same normalised text as "):]
    return reason[len("near duplicate of "):reason.rindex(" (about ")]


def _exact_reason(kept_path: str) -> str:
    return f"same normalised text as {kept_path}"


def _near_reason(near_path: str, score: float) -> str:
    return f"near duplicate of {near_path} (about {score:.0%} of word 5-grams shared)"


@dataclass
class _State:
    """What one index generation holds (loaded lazily, arrays memory-mapped)."""

    docs_file: Path  # parquet: path, key, document_id, row, _code, _doc, _kpath, _reason (path order)
    sig_file: Path
    sig_rows: int
    dead: int
    band_hash: np.memmap  # [bands, m] sorted per band (a memory map of the .npy file)
    band_row: np.memmap  # [bands, m] signature row of each entry


class DupIndex:
    """The index files of one cache namespace, and the incremental pass over them."""

    def __init__(self, cache_root: Path, namespace: str) -> None:
        self.dir = cache_root / (DEDUPE_PREFIX + namespace)
        #: What the last call did ("full" or "incremental") and how many documents it re-decided.
        self.last: dict[str, Any] = {}

    # ----------------------------------------------------------------- files
    def _load(self) -> _State | None:
        try:
            meta = json.loads((self.dir / "state.json").read_text(encoding="utf-8"))
            if meta.get("version") != INDEX_VERSION or meta.get("num_perm") != NUM_PERM:
                return None
            gen = meta["generation"]
            docs_file = self.dir / f"docs-{gen}.parquet"
            pl.read_parquet_schema(docs_file)  # there and readable; its columns are read when needed
            bh = np.load(self.dir / f"bandhash-{gen}.npy", mmap_mode="r")
            br = np.load(self.dir / f"bandrow-{gen}.npy", mmap_mode="r")
            sig_file = self.dir / meta["sig_file"]
            if sig_file.stat().st_size < int(meta["sig_rows"]) * NUM_PERM * 8:
                return None
            return _State(docs_file, sig_file, int(meta["sig_rows"]), int(meta["dead"]), bh, br)
        except Exception:  # missing, half-written or from another version: a full pass
            return None

    def _sigs(self, st: _State, rows: int) -> np.ndarray:
        if rows == 0:
            return np.zeros((0, NUM_PERM), dtype=np.uint64)
        return np.memmap(st.sig_file, dtype="<u8", mode="r", shape=(rows, NUM_PERM))

    def _commit(self, docs: pl.DataFrame, sig_file: str, sig_rows: int, dead: int,
                write_bands: Callable[[Path, Path], None]) -> None:
        """Write a new generation; state.json (replaced atomically) points at it, then the
        previous generation's files are removed. A killed run leaves the old state whole."""
        old = None
        with contextlib.suppress(Exception):  # no state yet, or an unreadable one: generation 1
            old = json.loads((self.dir / "state.json").read_text(encoding="utf-8"))
        gen = int(old["generation"]) + 1 if old and isinstance(old.get("generation"), int) else 1
        docs.write_parquet(self.dir / f"docs-{gen}.parquet", compression="zstd", compression_level=1)
        write_bands(self.dir / f"bandhash-{gen}.npy", self.dir / f"bandrow-{gen}.npy")
        meta = {"version": INDEX_VERSION, "num_perm": NUM_PERM, "generation": gen, "sig_file": sig_file,
                "sig_rows": sig_rows, "dead": dead}
        tmp = self.dir / f".state.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(meta), encoding="utf-8")
        os.replace(tmp, self.dir / "state.json")
        keep = {f"docs-{gen}.parquet", f"bandhash-{gen}.npy", f"bandrow-{gen}.npy", sig_file, "state.json"}
        for p in self.dir.iterdir():
            if p.name not in keep:
                p.unlink(missing_ok=True)

    # ----------------------------------------------------------------- full pass
    def full(self, paths: Sequence[str], keys: Sequence[str], doc_ids: Sequence[str],
             signatures: Any, sig_rows: np.ndarray) -> pl.DataFrame:
        """The full pass over accepted documents in path order, then a new index of it;
        ``signatures[sig_rows[i]]`` is document ``i``'s (an Arrow binary column)."""
        sigs, mrow = signature_matrix(signatures, sig_rows)
        return self.full_matrix(paths, keys, doc_ids, sigs, mrow)

    def full_matrix(self, paths: Sequence[str], keys: Sequence[str], doc_ids: Sequence[str],
                    sigs: np.ndarray, mrow: np.ndarray) -> pl.DataFrame:
        """:meth:`full` with the signatures as a matrix: row ``mrow[i]`` is document ``i``'s."""
        res = results_frame(paths, doc_ids, mrow.tolist(), sigs)
        try:
            self._build(res, keys, sigs, mrow)
        except OSError:  # the index is an optimisation; the answer stands
            shutil.rmtree(self.dir, ignore_errors=True)
        self.last = {"mode": "full", "decided": len(paths)}
        return res

    def _build(self, res: pl.DataFrame, keys: Sequence[str], sigs: np.ndarray, mrow: np.ndarray) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir.mkdir(parents=True)
        has = np.flatnonzero(mrow >= 0)
        sig_file = "sigs-1.u64"
        with open(self.dir / sig_file, "wb") as fh:
            for i in range(0, len(has), 8192):  # in slices: never a second copy of every signature
                fh.write(np.ascontiguousarray(sigs[mrow[has[i:i + 8192]]], dtype="<u8").tobytes())
        rows = np.full(len(mrow), -1, dtype=np.int64)
        rows[has] = np.arange(len(has))
        docs = res.with_columns(pl.Series("key", list(keys), dtype=pl.Utf8), pl.Series("row", rows))
        index_rows = mrow[has]  # index row i is matrix row index_rows[i]

        def write(hash_path: Path, row_path: Path) -> None:
            # From the matrix already in memory (reading the new file back would page in 1 kB a document).
            _write_bands(hash_path, row_path, len(has),
                         lambda b: (_band_hash(sigs, b, index_rows), np.arange(len(has))))

        self._commit(docs, sig_file, len(has), 0, write)

    def full_stream(self, paths: Strings, keys: Strings, doc_ids: Strings,
                    read_segments: Callable[[], Iterable[pa.Table]]) -> pl.DataFrame:
        """:meth:`full` out of core: the same answer and the same index files, but the
        signatures of ``keys`` (from the ``(key, minhash)`` tables ``read_segments()`` yields) go straight to the
        index's signature file, band groups are computed band by band from a file of band
        hashes, and the sequential pass reads its own signatures in blocks and its
        candidates' through a memory map re-opened every block. Memory per document: a few
        8-byte slots (no 1 kB signature, no ``[documents, bands]`` matrix), so the driver's
        peak does not grow with the corpus here."""
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir.mkdir(parents=True)
        sig_file = "sigs-1.u64"
        # Arrow columns, not Python lists (a Series passed in is not copied).
        path_s, key_s, id_s = _series("path", paths), _series("key", keys), _series("document_id", doc_ids)
        try:
            rows, m = _spill_signatures(read_segments(), key_s, self.dir / sig_file, self.dir / ".bypos.tmp")
            _band_hash_file(self.dir / sig_file, m, self.dir / ".bandhash.tmp")
            grp_off, grp_mem = _group_file(self.dir / ".bandhash.tmp", m, self.dir / ".groups.tmp")
            near_t, near_c = _stream_find(_first_positions(id_s), rows, self.dir / sig_file, m,
                                          self.dir / ".groups.tmp", grp_off, grp_mem)
            del grp_off, grp_mem
        except OSError:
            # No room for the index files: the in-memory pass gives the same answer.
            shutil.rmtree(self.dir, ignore_errors=True)
            sigs, mrow = gather_signatures(read_segments(), key_s.to_list())
            return self.full_matrix(path_s.to_list(), key_s.to_list(), id_s.to_list(), sigs, mrow)
        res = _answer_frame(path_s, id_s, _first_positions(id_s), near_t, near_c)
        del near_t, near_c
        docs = res.with_columns(key_s.alias("key"), pl.Series("row", rows))
        hashes = self.dir / ".bandhash.tmp"

        def band(b: int) -> tuple[np.ndarray, np.ndarray]:
            return np.fromfile(hashes, dtype=np.uint64, count=m, offset=b * m * 8), np.arange(m, dtype=np.int64)

        try:
            self._commit(docs, sig_file, m, 0, lambda hp, rp: _write_bands(hp, rp, m, band))
        except OSError:  # the index is an optimisation; the answer stands
            shutil.rmtree(self.dir, ignore_errors=True)
        self.last = {"mode": "full", "decided": len(paths)}
        return res

    # ----------------------------------------------------------------- incremental pass
    def incremental(self, paths: Strings, keys: Strings, doc_ids: Strings,
                    read_signatures: Any) -> pl.DataFrame | None:
        """The answer for these accepted documents (path order) from the index, re-deciding only
        what changes can reach; None when there is no usable index or too much changed
        (the caller then runs :meth:`full`). ``read_signatures(keys)`` returns the Arrow
        ``(key, minhash)`` table of the given keys (only new or edited documents are asked for).
        ``paths``, ``keys`` and ``doc_ids`` may be lists or polars Series (no Python object per
        document is made from a Series: the pipeline passes its columns).

        Memory: what grows with the corpus is a few Arrow columns (the current and the
        indexed paths, keys and ids, and the indexed answers) and a few bytes a document of
        numpy arrays; documents are matched with the index by a sorted search on the path
        (both are in path order), not a join, and the answers stay Arrow columns with the
        re-decided ones patched in at the end. Paths not strictly increasing (never the
        pipeline's) or a missing ``document_id``: None, a full pass."""
        st = self._load()
        if st is None:
            return None
        n = len(paths)
        cur_path = _series("path", paths)
        cur_key = _series("key", keys)
        cur_id = _series("document_id", doc_ids)
        old = pl.read_parquet(st.docs_file, columns=["path", "key", "document_id", "row"])
        on = old.height
        if not (_strictly_increasing(cur_path) and _strictly_increasing(old["path"])) \
                or cur_id.null_count() or cur_key.null_count():
            return None
        # Each current document's indexed twin: same path (sorted search), same key and id.
        at = old["path"].search_sorted(cur_path, side="left").to_numpy().astype(np.int64)
        inb = at < on
        safe = pl.Series(np.where(inb, at, 0), dtype=pl.Int64)
        match = inb.copy()
        if on:
            for name, col in (("path", cur_path), ("key", cur_key), ("document_id", cur_id)):
                match &= old[name].gather(safe).eq_missing(col).fill_null(False).to_numpy()
        else:
            match[:] = False
        opos = np.where(match, at, -1)
        del at, inb, safe
        new_pos = np.flatnonzero(~match)
        old_alive = np.zeros(on, dtype=bool)
        old_alive[opos[match]] = True
        gone_pos = np.flatnonzero(~old_alive)
        del old_alive
        changed = len(new_pos) + len(gone_pos)
        if changed == 0:
            self.last = {"mode": "incremental", "decided": 0, "changed": 0}
            return pl.read_parquet(st.docs_file, columns=["path", "document_id", *_RESULT])
        if changed > max(8, MAX_CHANGED_SHARE * n) or st.dead + len(gone_pos) > MAX_DEAD_SHARE * max(st.sig_rows, 1):
            return None
        old_row = old["row"].to_numpy()
        old_ids = old["document_id"]
        del old
        # Signatures of the new documents, appended to the signature file.
        new_keys = [cur_key[int(p)] for p in new_pos]
        got = read_signatures(new_keys) if new_keys else None
        new_sig: dict[str, bytes] = {}
        if got is not None and got.num_rows:
            for k, v in zip(got.column("key").to_pylist(), got.column("minhash").to_pylist(), strict=True):
                if v is not None and len(v) == NUM_PERM * 8:
                    new_sig[k] = v
        del got
        rows = np.full(n, -1, dtype=np.int64)
        rows[match] = old_row[opos[match]]
        appended: list[bytes] = []
        for p in new_pos.tolist():
            sig = new_sig.get(cur_key[p])
            if sig is not None:
                rows[p] = st.sig_rows + len(appended)
                appended.append(sig)
        del new_sig
        total_rows = st.sig_rows + len(appended)
        with open(st.sig_file, "r+b") as fh:  # past sig_rows: leftovers of a killed run, overwritten
            fh.seek(st.sig_rows * NUM_PERM * 8)
            fh.write(b"".join(appended))
            fh.truncate(total_rows * NUM_PERM * 8)
        del appended
        sigs = self._sigs(st, total_rows)
        new_rows = np.arange(st.sig_rows, total_rows, dtype=np.int64)
        new_bh = band_hashes(np.asarray(sigs[st.sig_rows:total_rows])) if len(new_rows) \
            else np.zeros((0, _NB), dtype=np.uint64)
        pos_of_row = np.full(total_rows, -1, dtype=np.int64)
        live = np.flatnonzero(rows >= 0)
        pos_of_row[rows[live]] = live
        del live

        # Current answers: the indexed ones (Arrow columns, read by position) for unchanged
        # documents, kept for new ones; the re-decided ones go to ``revised``.
        old_ans = pl.read_parquet(st.docs_file, columns=list(_RESULT))
        old_cols = [old_ans[c] for c in _RESULT]
        kept = np.ones(n, dtype=bool)
        kept[match] = old_ans["_code"].is_null().to_numpy()[opos[match]]
        revised: dict[int, tuple[str | None, ...]] = {}
        none4: tuple[str | None, ...] = (None, None, None, None)

        def answer(p: int) -> tuple[str | None, ...]:
            if p in revised:
                return revised[p]
            o = int(opos[p])
            return none4 if o < 0 else tuple(col[o] for col in old_cols)

        is_new = ~match
        # Positions of each document_id: an argsort of the id column, searched per id.
        id_order = cur_id.arg_sort().to_numpy().astype(np.int64)
        id_sorted = cur_id.gather(pl.Series(id_order))

        def same_id(doc_id: str) -> np.ndarray:
            """Positions with this document_id, ascending."""
            lo, hi = id_sorted.search_sorted(doc_id, "left"), id_sorted.search_sorted(doc_id, "right")
            return np.sort(id_order[int(lo):int(hi)]).astype(np.int64)

        def sharers(row: int, bh: np.ndarray) -> np.ndarray:
            """Positions of live documents sharing at least one band exactly with signature ``row``."""
            found = []
            for b in range(_NB):
                hb = st.band_hash[b]
                lo, hi = np.searchsorted(hb, bh[b], "left"), np.searchsorted(hb, bh[b], "right")
                r = np.asarray(st.band_row[b, lo:hi], dtype=np.int64)
                if len(new_rows):
                    r = np.concatenate([r, new_rows[new_bh[:, b] == bh[b]]])
                if len(r):
                    cols = slice(b * _ROWS, (b + 1) * _ROWS)
                    r = r[(np.asarray(sigs[r, cols]) == np.asarray(sigs[row, cols])).all(axis=1)]
                    found.append(r)
            if not found:
                return np.zeros(0, dtype=np.int64)
            p = pos_of_row[np.unique(np.concatenate(found))]
            return np.sort(p[p >= 0])

        def row_bands(row: int) -> np.ndarray:
            return np.asarray(band_hashes(np.asarray(sigs[row:row + 1]))[0])

        heap: list[int] = []
        queued: set[int] = set()

        def push(ps: Any) -> None:
            for p in np.asarray(ps, dtype=np.int64).tolist():
                if p not in queued:
                    queued.add(p)
                    heapq.heappush(heap, p)

        push(new_pos)
        old_sigs = self._sigs(st, st.sig_rows)
        for g in gone_pos.tolist():
            r = int(old_row[g])
            if r >= 0 and old_cols[0][g] is None:  # was kept: its sharers lose a candidate
                push(sharers(r, band_hashes(np.asarray(old_sigs[r:r + 1]))[0]))
            push(same_id(old_ids[g]))
        decided = 0
        while heap:
            p = heapq.heappop(heap)
            decided += 1
            before = answer(p)
            peers = same_id(cur_id[p])
            first = int(peers[0])
            r = int(rows[p])
            bh = row_bands(r) if r >= 0 else None
            if first < p:
                fa = answer(first)
                kp, kd = (cur_path[first], cur_id[first]) if kept[first] else (fa[2], fa[1])
                after: tuple[str | None, ...] = ("exact_duplicate", kd, kp, _exact_reason(str(kp)))
            elif r < 0 or bh is None:
                after = none4
            else:
                cands = sharers(r, bh)
                cands = cands[(cands < p) & kept[cands]]
                after = none4
                if len(cands):
                    scores = np.count_nonzero(np.asarray(sigs[rows[cands]]) == np.asarray(sigs[r]), axis=1) \
                        .astype(np.float64) / float(NUM_PERM)
                    ok = np.flatnonzero(scores >= NEAR_DUPLICATE_JACCARD)
                    if len(ok):
                        top = ok[np.argmax(scores[ok])]  # first of the highest: cands are in path order
                        c = int(cands[top])
                        after = ("near_duplicate", cur_id[c], cur_path[c], _near_reason(cur_path[c], float(scores[top])))
            revised[p] = after
            was_kept, kept[p] = bool(kept[p]), after[0] is None
            if not is_new[p] and before == after:
                continue
            if r >= 0 and bh is not None and (is_new[p] or was_kept != kept[p]) and (kept[p] or not is_new[p]):
                s = sharers(r, bh)
                push(s[s > p])
            if first == p:
                push(peers[peers > p])

        # The answer columns: the indexed answer of each matched document, null (kept) for a
        # new one, then the re-decided ones written over.
        take = pl.Series(np.where(match, opos, 0), dtype=pl.Int64)
        fix = np.array(sorted(revised), dtype=np.int64)
        out_cols = []
        for i, cname in enumerate(_RESULT):
            if old_ans.height:
                gathered = old_ans[cname].gather(take)
                col = pl.select(pl.when(pl.Series(match)).then(gathered).otherwise(None)).to_series()
            else:
                col = pl.repeat(None, n, dtype=pl.Utf8, eager=True)
            if len(fix):
                col = col.scatter(fix, pl.Series([revised[int(p)][i] for p in fix], dtype=pl.Utf8))
            out_cols.append(col.alias(cname))
        del old_ans, take
        res = pl.DataFrame([cur_path, cur_id, *out_cols])
        # The index of this run: dead rows dropped from the bands, new rows merged in.
        dead_rows = old_row[gone_pos]
        dead_rows = dead_rows[dead_rows >= 0].astype(np.int64)
        m = st.band_hash.shape[1] - len(dead_rows) + len(new_rows)

        def band(b: int) -> tuple[np.ndarray, np.ndarray]:
            # Read with plain reads, not through the maps: mapped pages would stay in RSS.
            old_m = st.band_hash.shape[1]
            h = np.fromfile(str(st.band_hash.filename), dtype=np.uint64, count=old_m,
                            offset=st.band_hash.offset + b * old_m * 8)
            r = np.fromfile(str(st.band_row.filename), dtype=np.int64, count=old_m,
                            offset=st.band_row.offset + b * old_m * 8)
            if len(dead_rows):
                keep = ~np.isin(r, dead_rows)
                h, r = h[keep], r[keep]
            return np.concatenate([h, new_bh[:, b]]), np.concatenate([r, new_rows])

        def write(hash_path: Path, row_path: Path) -> None:
            _write_bands(hash_path, row_path, m, band)

        docs = res.with_columns(cur_key.alias("key"), pl.Series("row", rows))
        self._commit(docs, st.sig_file.name, total_rows, st.dead + len(dead_rows), write)
        self.last = {"mode": "incremental", "decided": decided, "changed": changed}
        return res


def _series(name: str, values: Any) -> pl.Series:
    """A Utf8 column from a list or a polars Series (a Series is not copied)."""
    if isinstance(values, pl.Series):
        return values.alias(name).cast(pl.Utf8)
    return pl.Series(name, list(values), dtype=pl.Utf8)


def _strictly_increasing(s: pl.Series) -> bool:
    """Every value greater than the one before (byte order), none null."""
    if s.null_count():
        return False
    return len(s) < 2 or bool((s.slice(1) > s.slice(0, len(s) - 1)).all())


#: Signatures per block of the out-of-core full pass (8 MB of signatures).
_BLOCK = 8192
_SIG_BYTES = NUM_PERM * 8


def _spill_signatures(segments: Iterable[pa.Table], keys: Strings, sig_path: Path,
                      scratch: Path) -> tuple[np.ndarray, int]:
    """Write the signatures of ``keys`` (path order) to ``sig_path``, compacted (row ``i`` is
    the ``i``-th document that has one), and return each document's row (-1: none) and
    the row count. Segments arrive in key order, so each signature is first written at its
    document's position of a sparse scratch file, then the scratch file is copied in
    order without its holes: plain writes and reads, never a matrix in memory (pages of
    the file cache are not this process's RSS; a memory map's would be)."""
    n = len(keys)
    find = _KeyPositions(keys)
    valid = np.zeros(n, dtype=bool)
    with open(scratch, "w+b") as fh:
        fh.truncate(n * _SIG_BYTES)
        fd = fh.fileno()
        for seg in segments:
            if not seg.num_rows:
                continue
            seg_row, seg_pos = find(seg.column("key").to_pylist())  # a key of several paths: each
            if not len(seg_row):
                continue
            seg_sigs, seg_rows = signature_matrix(seg.column("minhash"), seg_row)
            ok = seg_rows >= 0
            if not ok.any():
                continue
            pos = seg_pos[ok]
            buf = np.ascontiguousarray(seg_sigs[seg_rows[ok]], dtype="<u8").data.cast("B")
            for i, p in enumerate(pos.tolist()):
                os.pwrite(fd, buf[i * _SIG_BYTES:(i + 1) * _SIG_BYTES], p * _SIG_BYTES)
            valid[pos] = True
            del seg, seg_sigs, buf
            release_memory(collect=False)  # else the heap climbs a few MB a segment
        del find
        rows = np.full(n, -1, dtype=np.int64)
        has = np.flatnonzero(valid)
        rows[has] = np.arange(len(has))
        with open(sig_path, "wb") as out:
            for lo in range(0, n, _BLOCK):
                hi = min(n, lo + _BLOCK)
                keep = valid[lo:hi]
                if keep.any():
                    out.write(_read_rows(fh, lo, hi - lo)[keep].tobytes())
    scratch.unlink(missing_ok=True)
    return rows, len(has)


class _KeyPositions:
    """Where each of a segment's keys is in ``keys`` (hex sha256 strings, any order, repeats
    allowed), by binary search over the keys' first 60 bits with the whole key compared on a
    match: the key set is sorted once, instead of a polars join hashing every key once per
    segment. (The RSS growth of ~3 MB a segment seen with the join came from glibc's heap,
    not from the join: :func:`release_memory` per segment is what stops it.)"""

    def __init__(self, keys: Sequence[str] | pl.Series) -> None:
        self.keys = _series("key", keys)
        h = _prefixes(self.keys)
        self.order = np.argsort(h, kind="stable")
        self.sorted = h[self.order]

    def __call__(self, seg_keys: Sequence[str | None]) -> tuple[np.ndarray, np.ndarray]:
        """``(segment rows, positions in keys)`` of every match, one pair per position."""
        h = _prefixes(seg_keys)
        lo = np.searchsorted(self.sorted, h, "left")
        hi = np.searchsorted(self.sorted, h, "right")
        cnt = hi - lo
        seg_row = np.repeat(np.arange(len(h), dtype=np.int64), cnt)
        # lo[r], lo[r]+1, .. hi[r]-1 for each segment row r, flattened
        starts = np.repeat(lo - (np.cumsum(cnt) - cnt), cnt)
        pos = self.order[starts + np.arange(len(seg_row), dtype=np.int64)].astype(np.int64)
        if len(pos):  # same 60-bit prefix: the whole key must match too
            same = self.keys.gather(pl.Series(pos)).eq_missing(
                pl.Series(list(seg_keys), dtype=pl.Utf8).gather(pl.Series(seg_row))).fill_null(False)
            ok = same.to_numpy().astype(bool)
            seg_row, pos = seg_row[ok], pos[ok]
        return seg_row, pos


def _prefixes(keys: Sequence[str | None] | pl.Series) -> np.ndarray:
    """The first 15 hex digits of each key as an int64 (-1 for a key that is not hex)."""
    s = _series("key", keys)
    # Any function of the key would do (equal keys, equal prefixes; the whole key is compared).
    vals = s.str.slice(0, 15).str.to_integer(base=16, strict=False).cast(pl.Int64).fill_null(-1)
    return vals.to_numpy().astype(np.int64)


def _read_rows(fh: Any, start: int, count: int) -> np.ndarray:
    """Signature rows ``start .. start+count`` of an open signature file, by a plain read."""
    fh.seek(start * _SIG_BYTES)
    return np.frombuffer(fh.read(count * _SIG_BYTES), dtype="<u8").reshape(-1, NUM_PERM)


def _read_ints(fh: Any, start: int, count: int) -> np.ndarray:
    """``count`` int64 values of an open file from value ``start``, by a plain read."""
    fh.seek(start * 8)
    return np.frombuffer(fh.read(count * 8), dtype=np.int64)


def _band_hash_file(sig_path: Path, m: int, out_path: Path) -> None:
    """Every band's hash of every signature row, as a ``[bands, m]`` uint64 file (band-major,
    so a band is one contiguous read), computed block by block from the signature file."""
    with open(sig_path, "rb") as fh, open(out_path, "w+b") as out:
        out.truncate(_NB * m * 8)
        for lo in range(0, m, _BLOCK):
            block = _read_rows(fh, lo, min(_BLOCK, m - lo))
            bh = band_hashes(block)
            for b in range(_NB):
                os.pwrite(out.fileno(), np.ascontiguousarray(bh[:, b]).tobytes(), (b * m + lo) * 8)


def _group_file(hash_path: Path, m: int, out_path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Per band and signature row, the id of its group of equal band hashes, or -1 when no
    other row has that hash (as dedupe's ``_shared_band_groups``, one band at a time),
    written band-major like the hashes. Only shared groups are numbered (0, 1, .. over
    every band). Returns the groups' members CSR-style: group ``g``'s signature rows,
    ascending, are ``members[offsets[g]:offsets[g + 1]]`` (int32 while rows fit)."""
    offset = 0
    offs: list[np.ndarray] = [np.zeros(1, dtype=np.int64)]
    mems: list[np.ndarray] = []
    size = 0
    row_type = np.int32 if m < 2**31 else np.int64
    with open(out_path, "wb") as out:
        for b in range(_NB):
            h = np.fromfile(hash_path, dtype=np.uint64, count=m, offset=b * m * 8)
            order = np.argsort(h, kind="stable")  # equal hashes: rows ascending
            sv = h[order]
            del h
            starts = np.ones(len(sv), dtype=bool)
            starts[1:] = sv[1:] != sv[:-1]
            del sv
            grp = np.cumsum(starts) - 1
            counts = np.bincount(grp) if len(grp) else np.zeros(0, dtype=np.int64)
            shared = counts >= 2
            new_id = np.cumsum(shared) - 1 + offset
            in_shared = shared[grp]
            col = np.empty(m, dtype=np.int64)
            col[order] = np.where(in_shared, new_id[grp], -1)
            out.write(col.tobytes())
            del col
            mems.append(order[in_shared].astype(row_type))
            sizes = counts[shared]
            offs.append(size + np.cumsum(sizes))
            size += int(sizes.sum())
            offset += int(shared.sum())
    return np.concatenate(offs), (np.concatenate(mems) if mems else np.zeros(0, dtype=row_type))


def _first_positions(doc_ids: pl.Series) -> np.ndarray:
    """For each position, the first position with its ``document_id`` (nulls are one id)."""
    if not len(doc_ids):
        return np.zeros(0, dtype=np.int64)
    return pl.DataFrame({"d": doc_ids}).with_row_index("i").select(pl.col("i").min().over("d"))["i"] \
        .to_numpy().astype(np.int64)


def _answer_frame(paths: pl.Series, doc_ids: pl.Series, first: np.ndarray, near_t: np.ndarray,
                  near_c: np.ndarray) -> pl.DataFrame:
    """The answer columns (as :func:`results_frame`) from :func:`_stream_find`'s arrays: a
    document is an exact duplicate when an earlier one has its id (kept at where that one
    is kept), a near duplicate of position ``near_t`` (``near_c`` equal values), else kept."""
    n = len(paths)
    pos = np.arange(n, dtype=np.int64)
    exact = first < pos
    t = near_t.copy()
    ft = first[exact]
    t[exact] = np.where(near_t[ft] >= 0, near_t[ft], ft)
    kind = np.zeros(n, dtype=np.int8)
    kind[near_t >= 0] = 2
    kind[exact] = 1
    gat = pl.Series(np.where(t >= 0, t, 0))
    # Every possible score's text, as _near_reason writes it.
    pct = pl.Series([f"{c / float(NUM_PERM):.0%}" for c in range(NUM_PERM + 1)], dtype=pl.Utf8)
    k = pl.col("_kind")
    return pl.DataFrame({"path": paths.alias("path"), "document_id": doc_ids.alias("document_id"),
                         "_kind": kind, "_kp": paths.gather(gat), "_kd": doc_ids.gather(gat),
                         "_pct": pct.gather(pl.Series(near_c.astype(np.int64)))}).select(
        "path", "document_id",
        pl.when(k == 1).then(pl.lit("exact_duplicate")).when(k == 2).then(pl.lit("near_duplicate"))
        .otherwise(pl.lit(None, dtype=pl.Utf8)).alias("_code"),
        pl.when(k > 0).then(pl.col("_kd")).otherwise(pl.lit(None, dtype=pl.Utf8)).alias("_doc"),
        pl.when(k > 0).then(pl.col("_kp")).otherwise(pl.lit(None, dtype=pl.Utf8)).alias("_kpath"),
        pl.when(k == 1).then(pl.concat_str([pl.lit("same normalised text as "), pl.col("_kp")]))
        .when(k == 2).then(pl.concat_str([pl.lit("near duplicate of "), pl.col("_kp"), pl.lit(" (about "),
                                          pl.col("_pct"), pl.lit(" of word 5-grams shared)")]))
        .otherwise(pl.lit(None, dtype=pl.Utf8)).alias("_reason"))


def _fingerprints(sig_path: Path, m: int) -> np.ndarray:
    """The low 8 bits of every signature value, ``[m, NUM_PERM]`` uint8 (128 B a document,
    an eighth of the signatures): what the pass screens candidates with in memory."""
    out = np.empty((m, NUM_PERM), dtype=np.uint8)
    with open(sig_path, "rb") as fh:
        for lo in range(0, m, _BLOCK):
            block = _read_rows(fh, lo, min(_BLOCK, m - lo))
            out[lo:lo + len(block)] = (block & np.uint64(0xFF)).astype(np.uint8)
    return out


def _stream_find(first: np.ndarray, rows: np.ndarray, sig_path: Path, m: int, group_path: Path,
                 grp_off: np.ndarray, grp_mem: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """dedupe._find over the files written above: the same decisions in the same order (its
    comments say why each step is what it is), without the signatures in memory.

    Candidates (kept documents sharing a band group; ~60 a document at 100k, spread over
    the whole signature file, so a memory map of it ended up wholly in RSS) are screened
    with 8-bit fingerprints of the values: equal values have equal fingerprints, so a
    candidate's fingerprint band check and score can only be too generous. Only those whose
    fingerprint score reaches :data:`NEAR_DUPLICATE_JACCARD` (the near duplicates, and the
    rare false alarm) are read from the file and checked and scored exactly as ``_find``
    does; the others could not have been chosen there either.

    ``first[i]``: the first position with document ``i``'s id (an exact duplicate when
    earlier; decided by :func:`_answer_frame`, nothing here depends on it). A band group's
    kept members (``_find``'s lists) are its CSR members (``grp_off``/``grp_mem``, from
    :func:`_group_file`) flagged kept so far: numpy arrays, no Python object per document.

    Returns, per position, the position it is a near duplicate of (-1: none) and the
    number of equal values (its score's numerator).
    """
    n = len(rows)
    fps = _fingerprints(sig_path, m)
    near_t = np.full(n, -1, dtype=np.int64)
    near_c = np.zeros(n, dtype=np.int16)
    kept = np.zeros(m, dtype=bool)  # signature row -> kept and in a shared band group
    rank = np.full(m, -1, dtype=np.int64)  # signature row -> path position of its kept document
    cols_all = np.arange(_ROWS)
    # The fewest equal values whose score (computed as _find does) reaches the bar.
    need = next(c for c in range(NUM_PERM + 1) if c / float(NUM_PERM) >= NEAR_DUPLICATE_JACCARD)
    with open(sig_path, "rb") as fh, open(group_path, "rb") as gh:
        block_lo, block_hi = 0, 0
        block = np.zeros((0, NUM_PERM), dtype=np.uint64)
        groups = np.zeros((0, _NB), dtype=np.int64)
        for pos in np.flatnonzero(first == np.arange(n)).tolist():
            k = int(rows[pos])
            if k < 0:
                continue
            if k >= block_hi:  # next block of this pass's own signatures and band groups
                block_lo, block_hi = k, min(m, k + _BLOCK)
                block = _read_rows(fh, block_lo, block_hi - block_lo)
                groups = np.stack([_read_ints(gh, b * m + block_lo, block_hi - block_lo) for b in range(_NB)], axis=1)
            me = block[k - block_lo]
            g_row = groups[k - block_lo]
            in_bands = np.flatnonzero(g_row >= 0)
            parts: list[np.ndarray] = []
            part_bands: list[int] = []
            for j in in_bands.tolist():
                g = int(g_row[j])
                mem = grp_mem[grp_off[g]:grp_off[g + 1]]
                mem = mem[kept[mem]]  # kept ones are all earlier rows, ascending as _find's list
                if len(mem):
                    parts.append(mem)
                    part_bands.append(j)
            best: tuple[int, int] | None = None
            if parts:
                idx = np.concatenate(parts).astype(np.int64)
                band = np.repeat(np.array(part_bands, dtype=np.int64), [len(p) for p in parts])
                cols = band[:, None] * _ROWS + cols_all
                fme = fps[k]
                # Screen: pairs whose band may be equal, candidates whose score may reach the bar.
                fband = (np.take_along_axis(fps[idx], cols, axis=1) == fme[cols]).all(axis=1)
                idx, cols = idx[fband], cols[fband]
                maybe = np.unique(idx)
                maybe = maybe[np.count_nonzero(fps[maybe] == fme, axis=1) >= need]
                if len(maybe):
                    keep = np.isin(idx, maybe)
                    idx, cols = idx[keep], cols[keep]
                    exact = _read_rows_at(fh, maybe)  # exact values, in ``maybe`` order
                    at = np.searchsorted(maybe, idx)
                    same = np.take_along_axis(exact[at], cols, axis=1) == me[cols]
                    cands = np.unique(idx[same.all(axis=1)])
                    if len(cands):
                        cands = cands[np.argsort(rank[cands], kind="stable")]
                        equal = np.count_nonzero(exact[np.searchsorted(maybe, cands)] == me, axis=1)
                        scores = equal.astype(np.float64) / float(NUM_PERM)
                        ok = np.flatnonzero(scores >= NEAR_DUPLICATE_JACCARD)
                        if len(ok):
                            top = ok[np.argmax(scores[ok])]
                            best = (int(equal[top]), int(cands[top]))
            if best is not None:
                near_c[pos], near_t[pos] = best[0], rank[best[1]]
                continue
            if len(in_bands):
                kept[k] = True
                rank[k] = pos
    return near_t, near_c


def _read_rows_at(fh: Any, rows: np.ndarray) -> np.ndarray:
    """Signature rows ``rows`` (few) of an open signature file, by plain reads."""
    out = np.empty((len(rows), NUM_PERM), dtype=np.uint64)
    for i, r in enumerate(rows.tolist()):
        out[i] = np.frombuffer(os.pread(fh.fileno(), _SIG_BYTES, r * _SIG_BYTES), dtype="<u8")
    return out


def _band_hash(sigs: np.ndarray, b: int, rows: np.ndarray) -> np.ndarray:
    """Band ``b``'s hash of signature rows ``rows`` (as :func:`band_hashes`), in slices."""
    lo, hi = _BANDS[b]
    out = np.empty(len(rows), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(0, len(rows), 65536):
            part = sigs[rows[i:i + 65536], lo:hi]
            h = np.zeros(part.shape[0], dtype=np.uint64)
            for c in range(hi - lo):
                h = h * _MIX[c % len(_MIX)] + part[:, c]
            out[i:i + 65536] = h
    return out


def _write_bands(hash_path: Path, row_path: Path, m: int,
                 band: Callable[[int], tuple[np.ndarray, np.ndarray]]) -> None:
    """Per band, the hashes sorted (ties by row) and their rows, written band by band into
    ``[bands, m]`` .npy files (never every band in memory at once)."""
    # Plain writes, not a writable memory map: its dirty pages would count in this process's RSS.
    with open(hash_path, "wb") as fh, open(row_path, "wb") as fr:
        for f, dtype in ((fh, np.uint64), (fr, np.int64)):
            np.lib.format.write_array_header_1_0(f, {"descr": np.lib.format.dtype_to_descr(np.dtype(dtype)),
                                                     "fortran_order": False, "shape": (_NB, m)})
        for b in range(_NB):
            h, r = band(b)
            order = np.lexsort((r, h))
            fh.write(np.ascontiguousarray(h[order], dtype=np.uint64).tobytes())
            fr.write(np.ascontiguousarray(r[order], dtype=np.int64).tobytes())
