"""The persistent LSH index: an incremental dedupe equals the full pass, on random corpora."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pytest
from accords.etl import dupindex
from accords.etl.dedupe import NUM_PERM
from accords.etl.dupindex import DupIndex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

Doc = tuple[str, str, bytes | None]  # path, document_id, signature


def _sig(rng: np.random.Generator, base: np.ndarray | None, keep: float) -> bytes:
    """A signature over a tiny alphabet (so bands collide often); a copy of ``base`` with
    about ``1 - keep`` of its values redrawn when given (a near duplicate, or not)."""
    fresh = rng.integers(0, 3, NUM_PERM, dtype=np.uint64)
    if base is None:
        return fresh.astype("<u8").tobytes()
    mask = rng.random(NUM_PERM) < keep
    return np.where(mask, base, fresh).astype("<u8").tobytes()


def _key(doc: Doc) -> str:
    return hashlib.sha256(doc[1].encode() + (doc[2] or b"-")).hexdigest()


def _full(docs: list[Doc]) -> pl.DataFrame:
    """The answer of the full pass (dedupe._find), computed from scratch."""
    docs = sorted(docs)
    m, rows = dupindex.signature_matrix(pa.array([d[2] for d in docs], pa.binary()), np.arange(len(docs)))
    return dupindex.results_frame([d[0] for d in docs], [d[1] for d in docs], rows.tolist(), m)


def _run(idx: DupIndex, docs: list[Doc], full: bool) -> pl.DataFrame:
    docs = sorted(docs)
    paths, ids, keys = [d[0] for d in docs], [d[1] for d in docs], [_key(d) for d in docs]
    by_key = {_key(d): d[2] for d in docs}

    def read(ks: list[str]) -> pa.Table:
        return pa.table({"key": pa.array(ks, pa.string()), "minhash": pa.array([by_key[k] for k in ks], pa.binary())})

    if not full:
        got = idx.incremental(paths, keys, ids, read)
        assert got is not None
        return got
    return idx.full(paths, keys, ids, pa.array([d[2] for d in docs], pa.binary()), np.arange(len(docs)))


def _corpus(seed: int, n: int) -> list[Doc]:
    rng = np.random.default_rng(seed)
    bases = [rng.integers(0, 3, NUM_PERM, dtype=np.uint64) for _ in range(3)]
    docs: list[Doc] = []
    for i in range(n):
        kind = rng.integers(0, 5)
        path = f"p{int(rng.integers(0, 10**6)):06d}-{i}.txt"
        if kind == 0 and docs:  # an exact copy of an earlier document
            j = int(rng.integers(0, len(docs)))
            docs.append((path, docs[j][1], docs[j][2]))
        elif kind == 1:
            docs.append((path, f"doc_{i:016x}", None))  # too short for a signature
        else:
            base = bases[int(rng.integers(0, len(bases)))]
            docs.append((path, f"doc_{i:016x}", _sig(rng, base, float(rng.uniform(0.3, 1.0)))))
    return docs


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**31), n=st.integers(0, 40), steps=st.lists(
    st.tuples(st.sampled_from(["add", "add_first", "remove", "edit", "copy", "add_kept_before"]), st.integers(0, 2**31)),
    min_size=1, max_size=6))
def test_incremental_equals_full_pass(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,
                                      seed: int, n: int, steps: list[tuple[str, int]]) -> None:
    monkeypatch.setattr(dupindex, "MAX_CHANGED_SHARE", 1.0)
    monkeypatch.setattr(dupindex, "MAX_DEAD_SHARE", 100.0)
    root = tmp_path_factory.mktemp("idx")
    docs = _corpus(seed, n)
    idx = DupIndex(root, "t")
    assert _run(idx, docs, full=True).equals(_full(docs))
    for op, s in steps:
        rng = np.random.default_rng(s)
        docs = sorted(docs)
        if op == "remove" and docs:
            docs.pop(int(rng.integers(0, len(docs))))
        elif op == "edit" and docs:
            i = int(rng.integers(0, len(docs)))
            p, d, sig = docs[i]
            base = np.frombuffer(sig, dtype="<u8") if sig else None
            docs[i] = (p, d + "e" if rng.random() < 0.5 else d, _sig(rng, base, 0.7))
        elif op == "copy" and docs:  # an exact copy of a document, anywhere
            j = int(rng.integers(0, len(docs)))
            docs.append((f"c{int(rng.integers(0, 10**6)):06d}.txt", docs[j][1], docs[j][2]))
        elif op in ("add_first", "add_kept_before") and docs:
            # A new file sorting before an existing document: a near (or exact) copy of it.
            j = int(rng.integers(0, len(docs)))
            p, d, sig = docs[j]
            base = np.frombuffer(sig, dtype="<u8") if sig else None
            new = (p[:-4] + "-" if op == "add_first" else "a" + p, f"doc_n{s:016x}", _sig(rng, base, 0.9))
            if op == "add_first":
                new = ("", *new[1:]) if not p else (p[:1], *new[1:])
            docs.append(new)
        else:
            docs.append((f"n{int(rng.integers(0, 10**6)):06d}.txt", f"doc_m{s:016x}",
                         _sig(rng, np.frombuffer(docs[0][2], dtype="<u8") if docs and docs[0][2] else None, 0.8)))
        docs = sorted({d[0]: d for d in docs}.values())  # one document per path
        got = _run(idx, docs, full=False)
        assert idx.last["mode"] == "incremental"
        want = _full(docs)
        assert got.equals(want), (op, got.filter(~pl.Series(
            [a != b for a, b in zip(got.rows(), want.rows(), strict=True)])), want)


def test_new_file_before_its_near_duplicate_takes_over(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    base = rng.integers(0, 2**40, NUM_PERM, dtype=np.uint64)
    docs: list[Doc] = [("b.txt", "doc_b", base.astype("<u8").tobytes()),
                       ("c.txt", "doc_c", _sig(rng, base, 0.9)),  # near duplicate of b
                       ("d.txt", "doc_b", base.astype("<u8").tobytes())]  # exact copy of b
    idx = DupIndex(tmp_path, "t")
    first = _run(idx, docs, full=True)
    assert first["_code"].to_list() == [None, "near_duplicate", "exact_duplicate"]
    docs.append(("a.txt", "doc_a", _sig(rng, base, 0.95)))  # sorts first: b becomes its near duplicate
    got = _run(idx, docs, full=False)
    assert idx.last["mode"] == "incremental"
    assert got.equals(_full(docs))
    assert got["_code"].to_list() == [None, "near_duplicate", "near_duplicate", "exact_duplicate"]
    assert got["_doc"].to_list()[1:] == ["doc_a", "doc_a", "doc_a"]


def test_index_survives_a_killed_commit(tmp_path: Path) -> None:
    """Rows appended to the signature file by a run killed before its commit are ignored."""
    docs = _corpus(3, 30)
    idx = DupIndex(tmp_path, "t")
    _run(idx, docs, full=True)
    sig_file = next(idx.dir.glob("sigs-*.u64"))
    with open(sig_file, "ab") as fh:
        fh.write(b"\x07" * NUM_PERM * 8 * 3)
    docs = [*sorted(docs)[1:], ("zz.txt", "doc_zz", _sig(np.random.default_rng(0), None, 0))]
    assert _run(idx, docs, full=False).equals(_full(docs))


def test_signatures_gathered_by_segment_equal_the_whole_column() -> None:
    docs = sorted(_corpus(5, 40))
    keys = [_key(d) for d in docs]
    table = pa.table({"key": pa.array(keys, pa.string()), "minhash": pa.array([d[2] for d in docs], pa.binary())})
    # Segments in another order, one key twice (a copy cached in two segments), a stray key.
    stray = pa.table({"key": pa.array(["f" * 64], pa.string()), "minhash": pa.array([b"\\0" * NUM_PERM * 8], pa.binary())})
    segs = [table.slice(25), stray, table.slice(0, 25), table.slice(3, 2)]
    got, grows = dupindex.gather_signatures(segs, keys)
    want, wrows = dupindex.signature_matrix(table.column("minhash"), np.arange(len(keys)))
    assert np.array_equal(grows, wrows)
    assert np.array_equal(got, want)


def _index_files(idx: DupIndex) -> dict[str, object]:
    """What an index generation holds, comparable across two builds."""
    meta = __import__("json").loads((idx.dir / "state.json").read_text(encoding="utf-8"))
    gen = meta["generation"]
    return {"meta": meta, "docs": pl.read_parquet(idx.dir / f"docs-{gen}.parquet").rows(),
            "sigs": (idx.dir / meta["sig_file"]).read_bytes(),
            "bandhash": np.load(idx.dir / f"bandhash-{gen}.npy").tolist(),
            "bandrow": np.load(idx.dir / f"bandrow-{gen}.npy").tolist(),
            "files": sorted(p.name for p in idx.dir.iterdir())}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**31), n=st.integers(0, 60), cut=st.integers(0, 60), spread=st.booleans())
def test_out_of_core_full_pass_equals_the_in_memory_one(tmp_path_factory: pytest.TempPathFactory,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         seed: int, n: int, cut: int, spread: bool) -> None:
    """full_stream (signatures on disk, read in blocks, candidates screened by 8-bit
    fingerprints) gives the answer and the index files of full() (one matrix in memory), with
    segments in any order, a key cached twice and a stray key; small blocks, so several are
    crossed. With ``spread``, values differ by multiples of 256: equal fingerprints, unequal
    values, so the screen lets through candidates the exact check must drop."""
    monkeypatch.setattr(dupindex, "_BLOCK", 3)
    docs = sorted(_corpus(seed, n))
    if spread:
        rng = np.random.default_rng(seed)
        docs = [(p, d, (np.frombuffer(sig, dtype="<u8") + 256 * (rng.random(NUM_PERM) < 0.3)).astype("<u8").tobytes()
                 if sig else None) for p, d, sig in docs]
    paths, ids, keys = [d[0] for d in docs], [d[1] for d in docs], [_key(d) for d in docs]
    table = pa.table({"key": pa.array(keys, pa.string()), "minhash": pa.array([d[2] for d in docs], pa.binary())})
    stray = pa.table({"key": pa.array(["f" * 64], pa.string()), "minhash": pa.array([b"\0" * NUM_PERM * 8], pa.binary())})
    cut = min(cut, n)
    segs = [table.slice(cut), stray, table.slice(0, cut), table.slice(cut // 2, 2)]
    root = tmp_path_factory.mktemp("oc")
    a, b = DupIndex(root / "a", "t"), DupIndex(root / "b", "t")
    got = a.full_stream(paths, keys, ids, lambda: iter(segs))
    want = b.full(paths, keys, ids, table.column("minhash"), np.arange(len(docs)))
    assert got.equals(want)
    assert got.equals(_full(docs))
    assert _index_files(a) == _index_files(b)


def test_signatures_wider_than_32_bits_stay_exact() -> None:
    rng = np.random.default_rng(2)
    sigs = [rng.integers(0, 2**40, NUM_PERM, dtype=np.uint64).astype("<u8").tobytes() for _ in range(3)]
    keys = ["a" * 64, "b" * 64, "c" * 64]
    small = np.arange(NUM_PERM, dtype=np.uint64).astype("<u8").tobytes()
    segs = [pa.table({"key": pa.array(keys[:1], pa.string()), "minhash": pa.array([small], pa.binary())}),
            pa.table({"key": pa.array(keys[1:], pa.string()), "minhash": pa.array(sigs[1:], pa.binary())})]
    got, rows = dupindex.gather_signatures(segs, keys)
    assert got.dtype == np.uint64
    assert got[rows[0]].tobytes() == small and got[rows[2]].astype("<u8").tobytes() == sigs[2]


def test_incremental_takes_polars_columns_and_refuses_unsorted_paths(tmp_path: Path) -> None:
    """The pipeline passes its columns (polars Series); paths that are not strictly increasing
    (or a missing document_id) make the incremental pass step aside (None: a full pass)."""
    docs = _corpus(7, 30)
    idx = DupIndex(tmp_path, "t")
    _run(idx, docs, full=True)
    docs = sorted({d[0]: d for d in [*docs, ("n000001.txt", "doc_new", docs[2][2])]}.values())
    paths, ids, keys = [d[0] for d in docs], [d[1] for d in docs], [_key(d) for d in docs]
    by_key = {_key(d): d[2] for d in docs}

    def read(ks: list[str]) -> pa.Table:
        return pa.table({"key": pa.array(ks, pa.string()), "minhash": pa.array([by_key[k] for k in ks], pa.binary())})

    assert idx.incremental(paths[::-1], keys[::-1], ids[::-1], read) is None
    assert idx.incremental([paths[0], *paths], [keys[0], *keys], [ids[0], *ids], read) is None
    assert idx.incremental(paths, keys, [None, *ids[1:]], read) is None  # type: ignore[list-item]
    got = idx.incremental(pl.Series("source_path", paths), pl.Series("k", keys), pl.Series("d", ids), read)
    assert got is not None and idx.last["mode"] == "incremental"
    assert got.equals(_full(docs))
    again = idx.incremental(pl.Series(paths), pl.Series(keys), pl.Series(ids), read)  # nothing changed
    assert again is not None and again.equals(_full(docs)) and idx.last["decided"] == 0


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**31), n=st.integers(0, 60))
def test_out_of_core_full_pass_takes_polars_columns(tmp_path_factory: pytest.TempPathFactory,
                                                    monkeypatch: pytest.MonkeyPatch, seed: int, n: int) -> None:
    """full_stream given the pipeline's polars columns (no Python lists made) gives the
    answer and the index files it gives for lists (and full()'s)."""
    monkeypatch.setattr(dupindex, "_BLOCK", 4)
    docs = sorted(_corpus(seed, n))
    paths, ids, keys = [d[0] for d in docs], [d[1] for d in docs], [_key(d) for d in docs]
    table = pa.table({"key": pa.array(keys, pa.string()), "minhash": pa.array([d[2] for d in docs], pa.binary())})
    segs = [table.slice(n // 2), table.slice(0, n // 2)]
    root = tmp_path_factory.mktemp("pl")
    a, b = DupIndex(root / "a", "t"), DupIndex(root / "b", "t")
    got = a.full_stream(pl.Series("source_path", paths, dtype=pl.Utf8), pl.Series("key", keys, dtype=pl.Utf8),
                        pl.Series("document_id", ids, dtype=pl.Utf8), lambda: iter(segs))
    want = b.full_stream(paths, keys, ids, lambda: iter(segs))
    assert got.equals(want)
    assert got.equals(_full(docs))
    assert _index_files(a) == _index_files(b)


def test_band_group_members_csr_match_the_group_file(tmp_path: Path) -> None:
    """_group_file's CSR members are, per shared group, exactly the rows the group file
    gives that id, ascending; singletons get -1 and no group."""
    rng = np.random.default_rng(5)
    m = 50
    h = rng.integers(0, 6, (dupindex._NB, m)).astype(np.uint64)
    h[0] = np.arange(m)  # band 0: all distinct
    h.tofile(tmp_path / "h")
    off, mem = dupindex._group_file(tmp_path / "h", m, tmp_path / "g")
    gid = np.fromfile(tmp_path / "g", dtype=np.int64).reshape(dupindex._NB, m)
    assert (gid[0] == -1).all()
    assert len(off) == gid.max() + 2 and off[-1] == len(mem) and mem.dtype == np.int32
    for g in range(len(off) - 1):
        assert mem[off[g]:off[g + 1]].tolist() == np.flatnonzero((gid == g).any(axis=0)).tolist()
        assert off[g + 1] - off[g] >= 2


def test_key_positions_match_whole_keys_of_any_form() -> None:
    """Keys found by prefix are confirmed whole: hex keys sharing 15 digits, short and
    non-hex keys, repeats and a null all map exactly."""
    keys = ["a" * 15 + "0" * 49, "a" * 15 + "1" * 49, "k1", "zz", "a1", "a1"]
    find = dupindex._KeyPositions(keys)
    seg = ["a" * 15 + "1" * 49, "zz", None, "a1", "nope", "a" * 64]
    rows, pos = find(seg)
    assert sorted(zip(rows.tolist(), pos.tolist(), strict=True)) == [(0, 1), (1, 3), (3, 4), (3, 5)]
