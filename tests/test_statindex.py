"""The stat index: a file's sha256 is reused only when its stat is unchanged and was safely old."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest
from accords.etl import ingest, pipeline, statindex
from accords.etl.publish import Layout
from accords.etl.statindex import StatIndex

import accords

SEEDS = Path(__file__).resolve().parent.parent / "seeds"



def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths ``ingest.read`` is called for from now on (it still reads them)."""
    reads: list[str] = []
    real = ingest.read

    def counting(root: Path, entry: ingest.Entry, *a: object, **k: object) -> ingest.RawFile:
        reads.append(entry.source_path)
        return real(root, entry)

    monkeypatch.setattr(pipeline.ingest, "read", counting)
    return reads

def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_unchanged_old_file_is_trusted_and_changed_file_is_not(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("alpha", encoding="utf-8")
    b.write_text("beta", encoding="utf-8")
    idx = StatIndex(tmp_path / "cache")
    paths = ["a.txt", "b.txt"]
    # Recorded well after the files' last change (ctime included): both trusted next time.
    later = time.time_ns() + 2 * statindex.RACY_MARGIN_NS
    idx.save(paths, statindex.stat_files(tmp_path, paths), [_sha(a), _sha(b)], later)
    assert idx.lookup(paths, statindex.stat_files(tmp_path, paths)) == [_sha(a), _sha(b)]
    b.write_text("BETA!", encoding="utf-8")  # another size
    assert idx.lookup(paths, statindex.stat_files(tmp_path, paths)) == [_sha(a), None]
    b.unlink()
    assert idx.lookup(paths, statindex.stat_files(tmp_path, paths)) == [_sha(a), None]


def test_racily_clean_entry_is_not_trusted(tmp_path: Path) -> None:
    """A file edited in the same timestamp tick as it was recorded, same size, mtime and
    ctime: only the racy rule can tell, and it makes the file be hashed again."""
    a = tmp_path / "a.txt"
    a.write_text("alpha", encoding="utf-8")
    st = statindex.stat_files(tmp_path, ["a.txt"])
    idx = StatIndex(tmp_path / "cache")
    # Recorded by a run that started just after the file's last change (inside the margin).
    idx.save(["a.txt"], st, [_sha(a)], int(st["ctime_ns"][0]) + statindex.RACY_MARGIN_NS // 2)
    same_stat = {k: v.copy() for k, v in st.items()}  # what an in-tick edit would leave
    assert idx.lookup(["a.txt"], same_stat) == [None]
    # The same entry recorded safely later is trusted (the rule, not the stat, decided).
    idx.save(["a.txt"], st, [_sha(a)], int(max(st["ctime_ns"][0], st["mtime_ns"][0])) + 2 * statindex.RACY_MARGIN_NS)
    assert idx.lookup(["a.txt"], same_stat) == [_sha(a)]
    # Any one stat field changed: not trusted.
    for f in ("size", "mtime_ns", "ctime_ns", "ino", "dev"):
        other = {k: v.copy() for k, v in st.items()}
        other[f] = other[f] + np.int64(1)
        assert idx.lookup(["a.txt"], other) == [None], f


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # A short racy window, so that files written by the test are old enough after a nap
    # (ctime cannot be set back: a copied file's ctime is now).
    monkeypatch.setattr(statindex, "RACY_MARGIN_NS", 200_000_000)
    root = tmp_path / "in"
    shutil.copytree(SEEDS, root)
    time.sleep(0.3)
    return root


def _sources(out: Path) -> list[dict[str, object]]:
    return sorted(pq.read_table(sorted((Layout(out).version_dir(Layout(out).resolve(None)) / "sources").glob("*.parquet"))[0]).to_pylist(), key=lambda r: str(r["source_path"]))


def test_edit_with_same_size_and_restored_mtime_is_hashed_again(corpus: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    accords.run(corpus, out=out)
    victim = sorted(corpus.rglob("*.txt"))[3]
    before = victim.stat()
    data = bytearray(victim.read_bytes())
    i = data.index(b"the ")
    data[i:i + 4] = b"THE "  # same size
    victim.write_bytes(bytes(data))
    os.utime(victim, ns=(before.st_atime_ns, before.st_mtime_ns))  # mtime restored; ctime moves
    assert victim.stat().st_size == before.st_size and victim.stat().st_mtime_ns == before.st_mtime_ns
    reads = _count_reads(monkeypatch)
    res = accords.run(corpus, out=out)
    assert res.published
    rel = victim.relative_to(corpus).as_posix()
    assert rel in reads
    assert len(reads) <= 2  # the edited file (hashed, then processed); the others came from the index
    row = next(r for r in _sources(out) if r["source_path"] == rel)
    assert row["source_sha256"] == _sha(victim)
    monkeypatch.undo()
    full = tmp_path / "full"
    accords.run(corpus, out=full)
    assert _sources(out) == _sources(full)


def test_rehash_reads_every_file(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    accords.run(corpus, out=out)
    (corpus / "zz-new.txt").write_text("A new short file about nothing much at all.\n", encoding="utf-8")
    time.sleep(0.3)
    reads = _count_reads(monkeypatch)
    accords.run(corpus, out=out)
    assert reads == ["zz-new.txt"] * len(reads) and reads  # only the new file was read
    (corpus / "zz-new2.txt").write_text("Another short file.\n", encoding="utf-8")
    reads.clear()
    accords.run(corpus, out=out, rehash=True)
    assert len(set(reads)) == len(list(corpus.rglob("*.txt")))
