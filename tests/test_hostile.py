"""Hostile and broken input files, as real files on disk: each ends as a sources row
with a clear reason, or as a document; nothing raises.
"""

from __future__ import annotations

import codecs
import os
import resource
import shutil
import sys
from pathlib import Path

import pytest
from accords.etl import ingest
from accords.etl.document import FileResult, process_file

ARTICLE = (
    "Ministers agree new border patrols\n\n"
    "ISLAMABAD, June 12, 2024 (Reuters) - Pakistan and Afghanistan agreed on Wednesday to set up joint "
    "border patrols along the Torkham crossing, officials said, after weeks of tension over trade.\n\n"
    "The two governments will share intelligence and meet again next month in Kabul to review progress "
    "on the arrangement, according to a statement from the foreign ministry.\n"
)


def _run(root: Path) -> dict[str, FileResult]:
    return {e.source_path: process_file(ingest.read(root, e)) for e in ingest.discover(root)}


def _one(root: Path, name: str) -> FileResult:
    results = _run(root)
    assert name in results, sorted(results)
    return results[name]


def _rejected(res: FileResult, code: str) -> None:
    assert res.document is None
    assert res.source["status"] == "rejected"
    assert res.source["reason_code"] == code, res.source
    assert res.source["reason"]


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    _rejected(_one(tmp_path, "empty.txt"), "empty")


def test_white_space_only(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_bytes(b" \r\n\t\n  ")
    _rejected(_one(tmp_path, "blank.txt"), "no_text")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20),
        ("archive.txt", b"PK\x03\x04" + os.urandom(2000)),
        ("gz.txt", b"\x1f\x8b\x08" + os.urandom(2000)),
        ("noise.bin", bytes(range(32)) * 200),
    ],
)
def test_binary_files(tmp_path: Path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    _rejected(_one(tmp_path, name), "binary")


def test_truncated_multibyte_sequence_is_kept(tmp_path: Path) -> None:
    data = (ARTICLE + "Café naïve €").encode("utf-8")[:-1]
    (tmp_path / "cut.txt").write_bytes(data)
    res = _one(tmp_path, "cut.txt")
    assert res.document is not None
    assert "truncated_utf8_sequence" in res.document["repairs"]
    assert res.document["encoding"] == "utf-8"


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("cp1252", ARTICLE.replace("officials said", "the \x93café\x94 officials said").encode("latin-1")),
        ("utf-16-le", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")),
        ("utf-8-sig", codecs.BOM_UTF8 + ARTICLE.encode("utf-8")),
    ],
)
def test_other_encodings(tmp_path: Path, encoding: str, data: bytes) -> None:
    (tmp_path / "enc.txt").write_bytes(data)
    res = _one(tmp_path, "enc.txt")
    assert res.document is not None
    assert res.document["encoding"] == encoding
    assert "\ufffd" not in res.document["text"]
    if encoding == "cp1252":
        assert "“café”" in res.document["text"]


def test_crlf_nul_and_html(tmp_path: Path) -> None:
    data = ARTICLE.replace("\n", "\r\n").replace("officials said", "officials &quot;said&quot; <b>x</b>\x00")
    (tmp_path / "messy.txt").write_bytes(data.encode())
    doc = _one(tmp_path, "messy.txt").document
    assert doc is not None
    assert "\r" not in doc["text"] and "\x00" not in doc["text"] and "<b>" not in doc["text"]
    assert 'officials "said" x' in doc["text"]
    assert {"nul_bytes_removed", "html_entities_decoded", "html_tags_removed"} <= set(doc["repairs"])


def test_huge_single_line_file_is_rejected_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200 * 1024 * 1024)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    res = _one(tmp_path, "huge.txt")
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    _rejected(res, "too_large")
    assert res.source["bytes"] == 200 * 1024 * 1024
    assert grown_kib < 50 * 1024, f"peak memory grew by {grown_kib} KiB"


def test_file_vanishing_between_discover_and_read(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").write_text(ARTICLE)
    entries = ingest.discover(tmp_path)
    (tmp_path / "gone.txt").unlink()
    res = process_file(ingest.read(tmp_path, entries[0]))
    _rejected(res, "unreadable")
    assert "vanished" in res.source["reason"]


def test_file_replaced_by_folder_between_discover_and_read(tmp_path: Path) -> None:
    (tmp_path / "flip.txt").write_text(ARTICLE)
    entries = ingest.discover(tmp_path)
    (tmp_path / "flip.txt").unlink()
    (tmp_path / "flip.txt").mkdir()
    _rejected(process_file(ingest.read(tmp_path, entries[0])), "not_a_file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_found_and_fifo_swapped_in_after_discovery(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "later.txt").write_text(ARTICLE)
    results = _run(tmp_path)
    _rejected(results["pipe.txt"], "not_a_file")
    entries = {e.source_path: e for e in ingest.discover(tmp_path)}
    (tmp_path / "later.txt").unlink()
    os.mkfifo(tmp_path / "later.txt")  # a reader would block forever without O_NONBLOCK
    _rejected(process_file(ingest.read(tmp_path, entries["later.txt"])), "not_a_file")


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not block reads")
        _rejected(_one(tmp_path, "secret.txt"), "unreadable")
    finally:
        path.chmod(0o644)


def test_symlink_loops_and_links(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "real.txt").write_text(ARTICLE)
    (tmp_path / "alias.txt").symlink_to(tmp_path / "real.txt")
    results = _run(tmp_path)
    _rejected(results["a.txt"], "unreadable")
    _rejected(results["b.txt"], "unreadable")
    _rejected(results["sub/up"], "not_a_file")
    assert results["real.txt"].document is not None
    assert results["alias.txt"].document is not None


def test_folder_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "x.txt").mkdir()
    (tmp_path / "x.txt" / "inner.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").mkdir()
    results = _run(tmp_path)
    assert set(results) == {"x.txt/inner.txt"}
    assert results["x.txt/inner.txt"].document is not None


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names")
def test_names_with_spaces_and_non_ascii(tmp_path: Path) -> None:
    names = ["with space.txt", "Zürich – café.txt", "日本語.txt", "emoji 🙂.txt"]
    for n in names:
        (tmp_path / n).write_text(ARTICLE + n)
    undecodable = os.fsencode(tmp_path) + b"/latin1-\xe9.txt"  # not valid UTF-8 as a name
    with open(undecodable, "wb") as fh:
        fh.write(ARTICLE.encode())
    results = _run(tmp_path)
    for n in names:
        assert results[n].document is not None
        assert results[n].document["source_path"] == n
    assert len(results) == len(names) + 1
    assert results["latin1-\\xe9.txt"].document is not None  # shown escaped, read by its real name
    for res in results.values():  # every path must be writable to Parquet (valid UTF-8)
        res.source["source_path"].encode("utf-8")


def test_unlistable_subfolder(tmp_path: Path) -> None:
    sub = tmp_path / "locked"
    sub.mkdir()
    (sub / "a.txt").write_text(ARTICLE)
    sub.chmod(0)
    try:
        if os.access(sub, os.R_OK):
            pytest.skip("running as root: chmod 000 does not block listing")
        _rejected(_one(tmp_path, "locked"), "unreadable")
    finally:
        sub.chmod(0o755)
        shutil.rmtree(sub)


def test_scaled_down_bad_input_runs(tmp_path: Path) -> None:
    """benchmarks/badinput.py at a small scale: a chunk made only of copies of one cached
    file (2,000 empty files in one folder), tiny files, and an over-limit single line, in
    one run; one sources row per file, with the right status."""
    import shutil

    import polars as pl
    from accords.etl import pipeline
    from accords.etl.store import read_table

    from benchmarks.badinput import build_bigline, build_million, build_tiny

    spec_big = build_bigline(tmp_path / "built" / "big", megabytes=1)
    build_million(tmp_path / "built" / "entries", 2000)
    build_tiny(tmp_path / "built" / "tiny", 50)
    for name in ("big", "entries", "tiny"):  # without the builders' marker files
        shutil.move(tmp_path / "built" / name, tmp_path / "in" / name)
    small_limit = 512 * 1024  # the 1 MB line is over it, as 200 MB is over the real limit
    import unittest.mock

    with unittest.mock.patch.object(ingest, "MAX_FILE_BYTES", small_limit), \
            unittest.mock.patch.object(ingest.read, "__defaults__", (small_limit,)):
        result = pipeline.run(tmp_path / "in", tmp_path / "out", workers=1)
    src = read_table(tmp_path / "out", "sources")
    assert isinstance(src, pl.DataFrame)
    assert src.height == spec_big["files"] + 2000 + 50
    assert result.sources_by_status == {"accepted": spec_big["files"] - 1 + 50, "rejected": 2001}
    big = src.filter(pl.col("source_path") == "big/big.txt").row(0, named=True)
    assert big["reason_code"] == "too_large"
