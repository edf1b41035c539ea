"""Duplicate detection across accepted documents: exact and near duplicates.

Exact duplicates share a ``document_id`` (it hashes the normalised text). Near
duplicates are the same article with other clutter, white space or small
edits: their sets of word shingles overlap by at least
:data:`NEAR_DUPLICATE_JACCARD`. Candidates come from MinHash LSH banding (no
all-pairs comparison, so it scales to 100k documents) and are confirmed with
the MinHash estimate of the Jaccard similarity.

The first file in sorted ``source_path`` order is kept; later ones become
``duplicate`` rows of ``sources`` pointing at the kept document. Only kept
documents are indexed, so a chain of edits never makes a duplicate of a
duplicate.
"""

from __future__ import annotations

import itertools
import re
import sys
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

#: Words per shingle. Five words make a shingle specific to one article while
#: an edited word only changes the five shingles around it.
SHINGLE_WORDS = 5
#: Jaccard similarity of shingle sets at or above which two texts are one article.
#: Measured in tests/test_dedupe.py: edited copies (clutter lines, a changed
#: sentence, a dropped paragraph) score >= 0.6; different articles on the same
#: topic score < 0.2.
NEAR_DUPLICATE_JACCARD = 0.5
#: MinHash permutations; the Jaccard estimate's standard error is about 1/sqrt(128) = 0.09.
NUM_PERM = 128
#: LSH banding threshold, below NEAR_DUPLICATE_JACCARD so that estimation noise
#: does not lose true pairs; candidates are then checked against the real threshold.
LSH_THRESHOLD = 0.35
#: Texts with fewer shingles than this are too short to call near duplicates
#: (two one-line notices would match on their wording alone); only exact matches apply.
MIN_SHINGLES = 8
_SEED = 1  # fixed: same input, same signatures, same result
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Duplicate:
    """A document that repeats another: which one it repeats, and how."""

    source_path: str
    kept_document_id: str
    code: str  # sources.reason_code: exact_duplicate or near_duplicate
    reason: str


def shingles(text: str) -> set[int]:
    """Stable 32-bit hashes (CRC-32: fast, and the width MinHash uses) of the
    lower-cased word ``SHINGLE_WORDS``-grams of ``text``."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)]
    return {zlib.crc32(g.encode()) for g in grams}


def jaccard(a: set[int], b: set[int]) -> float:
    """Exact Jaccard similarity of two shingle sets (1.0 for two empty sets)."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _identity(x: int) -> int:
    # Shingles are already 32-bit hashes; hashing them again is wasted work.
    return x


# Drawing the permutations costs more than hashing a document: draw them once.
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=_SEED)
_PERMUTATIONS = _TEMPLATE.permutations
_SCHEME = _TEMPLATE.scheme


def _minhash(sh: set[int]) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=_SEED, hashfunc=_identity,
                 permutations=_PERMUTATIONS, scheme=_SCHEME)
    mh.update_batch(sorted(sh))
    return mh


def signature(text: str) -> bytes | None:
    """The MinHash signature of ``text`` as bytes (what the engine caches per
    document), or None when the text is too short to be a near duplicate."""
    sh = shingles(text)
    if len(sh) < MIN_SHINGLES:
        return None
    return bytes(_minhash(sh).hashvalues.astype("<u8").tobytes())


def _bands() -> list[tuple[int, int]]:
    """The (start, end) slices of a signature that datasketch's MinHashLSH bands on
    for our threshold and permutation count (its own choice of bands and rows)."""
    return list(MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges)


_BANDS = _bands()
#: Every band is _ROWS consecutive values (datasketch's layout).
_ROWS = _BANDS[0][1] - _BANDS[0][0]
assert all(b == (i * _ROWS, (i + 1) * _ROWS) for i, b in enumerate(_BANDS))
#: Odd multipliers mixing a band's values into one 64-bit number (collisions are
#: re-checked value by value, so they only cost a comparison).
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9],
                dtype=np.uint64)


def _shared_band_groups(sigs: np.ndarray) -> np.ndarray:
    """For each signature and band, the id of the group of signatures with the same band
    hash, or -1 when no other signature has it (such a band can never give a candidate)."""
    out = np.full((sigs.shape[0], len(_BANDS)), -1, dtype=np.int64)
    offset = 0
    for j, (lo, hi) in enumerate(_BANDS):
        band = sigs[:, lo:hi]
        h = np.zeros(sigs.shape[0], dtype=np.uint64)
        for c in range(hi - lo):
            h = h * _MIX[c % len(_MIX)] + band[:, c]  # wraps modulo 2**64
        order = np.argsort(h, kind="stable")
        sv = h[order]
        starts = np.ones(len(sv), dtype=bool)
        starts[1:] = sv[1:] != sv[:-1]
        grp = np.cumsum(starts) - 1
        counts = np.bincount(grp) if len(grp) else np.zeros(0, dtype=np.int64)
        out[order, j] = np.where(counts[grp] >= 2, grp + offset, -1)
        offset += len(counts)
    return out


def find_duplicates_signed(rows: Sequence[tuple[str, str, bytes | None]]) -> dict[str, Duplicate]:
    """Map source_path -> Duplicate over (source_path, document_id, :func:`signature`) rows.

    The global step then holds 1 kB per kept document instead of every text.
    Processed in sorted ``source_path`` order.
    """
    rows = sorted(rows, key=lambda d: d[0])
    signed = [r[2] for r in rows if r[2] is not None]
    sigs = (np.frombuffer(b"".join(signed), dtype="<u8").astype(np.uint64).reshape(len(signed), NUM_PERM)
            if signed else np.zeros((0, NUM_PERM), dtype=np.uint64))
    del signed
    idx = itertools.accumulate(r[2] is not None for r in rows)
    return _find([r[0] for r in rows], [r[1] for r in rows],
                 [i - 1 if r[2] is not None else -1 for i, r in zip(idx, rows, strict=True)], sigs)


def find_duplicates_arrow(paths: Sequence[str], doc_ids: Sequence[str], signatures: Any,
                          sig_rows: Sequence[int] | np.ndarray | None = None) -> dict[str, Duplicate]:
    """:func:`find_duplicates_signed` over columns: ``signatures`` is an Arrow binary array
    (null when too short), read as one numpy matrix without a Python object per document.

    Without ``sig_rows`` row ``i`` of ``signatures`` belongs to ``paths[i]``; with it,
    ``signatures[sig_rows[i]]`` does (-1: none), so the caller need not line the column up
    with the paths (a join would copy 1 kB per document).
    """
    import pyarrow as pa

    arr = signatures.combine_chunks() if isinstance(signatures, pa.ChunkedArray) else signatures
    if not (pa.types.is_binary(arr.type) or pa.types.is_large_binary(arr.type)):
        arr = arr.cast(pa.large_binary())
    off_type = np.int64 if pa.types.is_large_binary(arr.type) else np.int32
    valid = arr.is_valid().to_numpy(zero_copy_only=False)
    offsets = np.frombuffer(arr.buffers()[1], dtype=off_type)[arr.offset:arr.offset + len(arr) + 1]
    lengths = np.diff(offsets)
    if not (np.all(lengths[valid] == NUM_PERM * 8) and np.all(lengths[~valid] == 0)):
        values = arr.to_pylist()  # unusual layout: one copy through Python
        rows = list(range(len(paths))) if sig_rows is None else [int(r) for r in sig_rows]
        return find_duplicates_signed([(p, d, values[r] if r >= 0 else None)
                                       for p, d, r in zip(paths, doc_ids, rows, strict=True)])
    nvalid = int(valid.sum())
    sigs = (np.frombuffer(arr.buffers()[2], dtype="<u8", count=nvalid * NUM_PERM, offset=int(offsets[0]))
            .reshape(-1, NUM_PERM) if nvalid else np.zeros((0, NUM_PERM), dtype=np.uint64))
    if sys.byteorder != "little":
        sigs = sigs.astype(np.uint64)
    matrix_row = np.cumsum(valid) - 1  # signature row -> matrix row
    sig_of_doc = np.arange(len(paths)) if sig_rows is None else np.asarray(sig_rows, dtype=np.int64)
    if len(arr):
        safe = np.where(sig_of_doc >= 0, sig_of_doc, 0)
        mrow = np.where((sig_of_doc >= 0) & valid[safe], matrix_row[safe], -1)
    else:
        mrow = np.full(len(sig_of_doc), -1, dtype=np.int64)
    paths = list(paths)
    order = sorted(range(len(paths)), key=paths.__getitem__)
    return _find([paths[i] for i in order], [doc_ids[i] for i in order], [int(mrow[i]) for i in order], sigs)


def _find(paths: list[str], doc_ids: list[str], rows: list[int], sigs: np.ndarray) -> dict[str, Duplicate]:
    """The sequential pass over documents in path order; ``rows[i]`` is document ``i``'s
    row of ``sigs`` (-1: too short to have a signature).

    Candidates are what datasketch's ``MinHashLSH`` (same threshold, so the same bands)
    returns: earlier kept documents with one band of the signature exactly equal. The
    index is a few numpy arrays instead of a dict entry and a set per band and document
    (about 12 kB per document in MinHashLSH), so it stays small at 100k documents.
    """
    groups = _shared_band_groups(sigs)
    members: dict[int, list[int]] = {}  # band group -> kept signatures in it, in path order
    kept_for_id: dict[str, tuple[str, str]] = {}  # document_id -> (kept source_path, kept document_id)
    out: dict[str, Duplicate] = {}
    kept_path: dict[int, tuple[str, str]] = {}  # kept signature -> (source_path, document_id)
    rank = np.full(len(sigs), -1, dtype=np.int64)  # signature row -> path order of its kept document
    for pos, (path, doc_id, k) in enumerate(zip(paths, doc_ids, rows, strict=True)):
        if doc_id in kept_for_id:
            kept_p, kept_doc = kept_for_id[doc_id]
            # A copy of a near duplicate points at the document that was kept, not at the copy.
            out[path] = Duplicate(path, kept_doc, "exact_duplicate", f"same normalised text as {kept_p}")
            continue
        kept_for_id[doc_id] = (path, doc_id)
        if k < 0:
            continue
        mine = [(int(groups[k, j]), int(j)) for j in np.flatnonzero(groups[k] >= 0)]
        lists = [(members[g], j) for g, j in mine if g in members]
        best: tuple[float, int] | None = None
        if lists:
            # Every kept signature in one of this document's band groups, with the band it
            # shares; kept only if that band is exactly equal (band hashes may collide).
            idx = np.fromiter(itertools.chain.from_iterable(m for m, _ in lists), dtype=np.int64)
            band = np.repeat(np.array([j for _, j in lists]), [len(m) for m, _ in lists])
            cols = band[:, None] * _ROWS + np.arange(_ROWS)  # only the shared band's values
            cands = np.unique(idx[(sigs[idx[:, None], cols] == sigs[k][cols]).all(axis=1)])
        if lists and len(cands):
            cands = cands[np.argsort(rank[cands], kind="stable")]  # in path order
            # MinHash.jaccard: equal values over the number of permutations, as a float.
            scores = np.count_nonzero(sigs[cands] == sigs[k], axis=1).astype(np.float64) / float(NUM_PERM)
            ok = np.flatnonzero(scores >= NEAR_DUPLICATE_JACCARD)
            if len(ok):
                top = ok[np.argmax(scores[ok])]  # the first of the highest: ties go to the earliest file
                best = (float(scores[top]), int(cands[top]))
        if best is not None:
            score, i = best
            near_path, kept_doc = kept_path[i]
            kept_for_id[doc_id] = (near_path, kept_doc)
            out[path] = Duplicate(path, kept_doc, "near_duplicate",
                                  f"near duplicate of {near_path} (about {score:.0%} of word 5-grams shared)")
            continue
        for g, _ in mine:
            members.setdefault(g, []).append(k)
        if mine:
            kept_path[k] = (path, doc_id)
            rank[k] = pos
    return out


def find_duplicates(docs: Sequence[tuple[str, str, str]]) -> dict[str, Duplicate]:
    """Map source_path -> Duplicate for every (source_path, document_id, text) that repeats
    an earlier one, exactly or nearly."""
    return find_duplicates_signed([(path, doc_id, signature(text)) for path, doc_id, text in docs])
