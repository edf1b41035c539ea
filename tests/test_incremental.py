"""Incremental runs: the per-document cache, reused buckets, and byte-identity with a full run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from accords.etl import pipeline
from accords.etl.publish import Layout

import accords
from benchmarks.synth import generate

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _parquet(out: Path) -> dict[str, bytes]:
    layout = Layout(out)
    vdir = layout.version_dir(layout.resolve(None))
    return {str(p.relative_to(vdir)): p.read_bytes() for p in sorted(vdir.rglob("*.parquet"))}


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Small buckets so that 40 files spread over several parts, as 100k files would.
    monkeypatch.setattr(pipeline, "BUCKET_TARGET_DOCS", 8)
    root = tmp_path / "in"
    shutil.copytree(SEEDS, root / "seeds")
    generate(SEEDS, root / "synth", 35, seed=7)
    return root


def test_added_file_gives_same_bytes_as_full_run(corpus: Path, tmp_path: Path) -> None:
    inc = tmp_path / "inc"
    first = accords.run(corpus, out=inc)
    v1_dir = Layout(inc).version_dir(first.version_id)
    (corpus / "synth" / "added.txt").write_bytes((SEEDS / "001_360714d64b266035.txt").read_bytes() + b"\nMore.\n")
    timings: dict[str, float] = {}
    second = pipeline.run(corpus, inc, timings=timings)
    assert second.published and second.version_id != first.version_id
    full = tmp_path / "full"
    accords.run(corpus, out=full)
    assert _parquet(inc) == _parquet(full)  # byte-identical, part by part
    # Unchanged buckets were hard-linked from the previous version, not rewritten.
    v2_dir = Layout(inc).version_dir(second.version_id)
    linked = [p for p in v2_dir.glob("documents/*.parquet")
              if (v1_dir / p.relative_to(v2_dir)).exists()
              and (v1_dir / p.relative_to(v2_dir)).stat().st_ino == p.stat().st_ino]
    assert linked and len(linked) < len(list(v2_dir.glob("documents/*.parquet"))) + 1
    assert accords.validate(inc).ok


def test_interrupted_run_resumes_from_cache(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"

    class Stop(Exception):
        pass

    def stop_after_first_chunk(done: int, total: int) -> None:
        raise Stop

    monkeypatch.setattr("accords.etl.engine.CHUNK_FILES", 16)
    with pytest.raises(Stop):
        pipeline.run(corpus, out, progress=stop_after_first_chunk, workers=1)
    assert Layout(out).current_version() is None  # nothing published
    segments = list((out / ".cache").rglob("seg-*.parquet"))
    assert segments  # ... but the finished chunk is cached
    seen: list[int] = []
    calls: list[bool] = []
    import accords.etl.engine as engine

    real = engine.process_batch

    def counting(raw, kb_files=(), skip_keys=frozenset()):  # type: ignore[no-untyped-def]
        res = real(raw, kb_files, skip_keys)
        calls.extend(res.column("cached").to_pylist())
        return res

    monkeypatch.setattr(engine, "process_batch", counting)
    pipeline.run(corpus, out, progress=lambda d, t: seen.append(d), workers=1)
    total = sum(1 for p in corpus.rglob("*") if p.is_file())
    assert len(calls) <= total - 16  # the first chunk was not processed again
    full = tmp_path / "full"
    accords.run(corpus, out=full)
    assert _parquet(out) == _parquet(full)


_KILLABLE_RUN = """
import sys, time
import accords.etl.cache as cache, accords.etl.engine as engine, accords.etl.pipeline as pipeline
cache.FLUSH_SECONDS = 0  # every finished chunk becomes a segment at once
engine.CHUNK_FILES = 4
pipeline.BUCKET_TARGET_DOCS = 8
real = engine.process_batch
def slow(*args, **kwargs):
    time.sleep(0.5)  # leave time to kill it half-way
    return real(*args, **kwargs)
engine.process_batch = slow
pipeline.run(sys.argv[1], sys.argv[2], workers=1)
"""


def test_sigkilled_run_resumes_without_redoing_finished_work(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run killed with SIGKILL (no clean-up code runs) leaves whole cache segments only;
    the next run reuses them and publishes the same bytes as an uninterrupted run."""
    import os
    import signal
    import subprocess
    import sys
    import time

    import pyarrow.parquet as pq

    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", _KILLABLE_RUN, str(corpus), str(out)])
    try:
        deadline = time.monotonic() + 180
        while len(list((out / ".cache").rglob("seg-*.parquet"))) < 2:
            assert proc.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert Layout(out).current_version() is None
    cached = {k for seg in (out / ".cache").rglob("seg-*.parquet")
              for k in pq.read_table(seg, columns=["key"]).column("key").to_pylist()}
    assert len(cached) >= 8

    import accords.etl.engine as engine

    monkeypatch.setattr(engine, "CHUNK_FILES", 4)
    computed: list[bool] = []
    real = engine.process_batch

    def counting(raw, kb_files=(), skip_keys=frozenset()):  # type: ignore[no-untyped-def]
        res = real(raw, kb_files, skip_keys)
        computed.extend(not c for c in res.column("cached").to_pylist())
        return res

    monkeypatch.setattr(engine, "process_batch", counting)
    pipeline.run(corpus, out, workers=1)
    total = sum(1 for p in corpus.rglob("*") if p.is_file())
    assert sum(computed) <= total - len(cached)  # nothing cached was computed again
    full = tmp_path / "full"
    accords.run(corpus, out=full)
    assert _parquet(out) == _parquet(full)


def test_incremental_run_resolves_only_changed_buckets(corpus: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    first = pipeline.run(corpus, out, workers=1)
    buckets = len(Layout(out).manifest(first.version_id)["bucket_fingerprints"])
    assert buckets >= 4
    # A new document, not a near-copy of one already there: a near-copy is a duplicate,
    # changes no bucket and so would resolve nothing.
    generate(SEEDS, tmp_path / "new", 1, seed=99)
    shutil.copy(next((tmp_path / "new").rglob("*.txt")), corpus / "zz-new.txt")
    calls: list[int] = []
    real = pipeline.resolve_candidates

    def counting(docs):  # type: ignore[no-untyped-def]
        calls.append(docs.height)
        return real(docs)

    monkeypatch.setattr(pipeline, "resolve_candidates", counting)
    second = pipeline.run(corpus, out, workers=1)
    assert second.row_counts["documents"] == first.row_counts["documents"] + 1
    assert len(calls) == 1 and calls[0] >= 1  # the bucket that got the new file; the others come from their summaries
    full = tmp_path / "full"
    monkeypatch.setattr(pipeline, "resolve_candidates", real)
    accords.run(corpus, out=full)
    assert _parquet(out) == _parquet(full)


def test_publishing_prunes_cache_namespaces_of_other_versions(tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    out = tmp_path / "out"
    accords.run(src, out=out)
    live = sorted(p.name for p in (out / ".cache").iterdir() if p.is_dir())
    # What an older extractor / KB / code left behind, and a folder accords does not own.
    stale = ["x5-kb0123456789ab-code0123456789ab", "dedupe-x5-kb0123456789ab-code0123456789ab"]
    for name in [*stale, "my-notes"]:
        (out / ".cache" / name).mkdir()
        (out / ".cache" / name / "seg-0.parquet").write_bytes(b"old")
    accords.run(src, out=out)  # unchanged inputs: publishes nothing, deletes nothing
    assert all((out / ".cache" / name).is_dir() for name in stale)
    (src / "added.txt").write_bytes((SEEDS / "001_360714d64b266035.txt").read_bytes() + b"\nMore.\n")
    assert accords.run(src, out=out).published
    left = sorted(p.name for p in (out / ".cache").iterdir() if p.is_dir())
    assert left == sorted([*live, "my-notes"])  # the current namespace's results are kept
    assert any((out / ".cache" / name).glob("seg-*.parquet") for name in live if name.startswith("x"))
