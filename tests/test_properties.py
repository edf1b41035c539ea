"""Hypothesis properties of the whole per-file path and of resolution."""

from __future__ import annotations

from pathlib import Path

import pytest
from accords.etl.extract import kb as kb_mod
from accords.etl.extract.candidates import Candidate
from accords.etl.ingest import RawFile
from accords.etl.normalize import normalize
from accords.etl.pipeline import ProcessedFile, cast_frames, process_raw, to_frames
from accords.schemas.validate import validate_frames
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

KB = kb_mod.cached()
WORDS = ["China", "Pakistan", "the", "Belt and Road Initiative", "(BRI)", "Beijing", "said", "\n\n",
         "President", "Xi Jinping", "SCO", "Navy", "Ministry", "é", "’s", "United Nations", ".", ",",
         "(", ")", "()", "|", "-", "–", "of", "and", "Initiative", "Corridor", "Mr", "A"]


def _not_failed(processed: ProcessedFile) -> None:
    """process_raw never raises; a failure inside accords would show as processing_error."""
    src = processed.result.source
    assert src["reason_code"] != "processing_error", src["reason"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=60))
def test_every_mention_surface_is_its_slice(parts: list[str]) -> None:
    text = " ".join(parts)
    processed = process_raw(RawFile("x.txt", text.encode("utf-8"), len(text)), KB)
    _not_failed(processed)
    doc = processed.result.document
    if doc is None:
        return
    assert normalize(doc["text"]) == doc["text"]
    for c in processed.candidates:
        assert 0 <= c.start < c.end <= len(doc["text"])
        assert doc["text"][c.start:c.end] == c.surface


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash_and_always_validate(data: bytes) -> None:
    processed = [process_raw(RawFile("f.bin", data, len(data)), KB)]
    _not_failed(processed[0])
    frames, cast_report = cast_frames(to_frames(processed))
    assert cast_report.ok
    report = validate_frames(frames)
    assert report.ok, report.summary()
    src = frames["sources"].to_dicts()[0]
    assert src["status"] in ("accepted", "rejected")
    if src["status"] == "rejected":
        assert src["reason"]


def test_arbitrary_bytes_file_in_a_real_run(tmp_path: Path) -> None:
    import accords

    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "noise.bin").write_bytes(bytes(range(256)) * 8)
    (inp / "ok.txt").write_text("Japan and India hold talks\n\nJapanese and Indian officials met in Tokyo "
                                "to discuss maritime security cooperation in the Indo-Pacific region.\n")
    result = accords.run(inp, out=tmp_path / "out")
    assert result.published and result.sources_by_status == {"accepted": 1, "rejected": 1}


def test_empty_parentheses_after_a_name(tmp_path: Path) -> None:
    """Found by a gold page with script code left in: "()" after a capitalised word crashed
    the extractor (an acronym definition with nothing inside), and with it the whole run."""
    text = "Ghana and Togo sign pact\n\nThe Ministry of Defence () said the Volta Pact () was signed.\n"
    processed = process_raw(RawFile("x.txt", text.encode("utf-8"), len(text)), KB)
    _not_failed(processed)
    assert {c.surface for c in processed.candidates} >= {"Ghana", "Togo", "Ministry of Defence"}


def test_a_file_accords_fails_on_is_rejected_and_the_run_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fault injection: the extractor raises on one file; that file is rejected with the
    exception as its reason, the others are published."""
    from accords.etl import pipeline

    import accords

    real = pipeline.extract

    def failing(text: str, kb: kb_mod.KnowledgeBase) -> list[Candidate]:
        if "Kiribati" in text:
            raise RuntimeError("injected failure")
        return real(text, kb)

    monkeypatch.setattr(pipeline, "extract", failing)
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "bad.txt").write_text("Kiribati and Fiji hold talks\n\nKiribati and Fiji met in Suva on fisheries.\n")
    (inp / "ok.txt").write_text("Japan and India hold talks\n\nJapanese and Indian officials met in Tokyo "
                                "to discuss maritime security cooperation in the Indo-Pacific region.\n")
    result = accords.run(inp, out=tmp_path / "out", workers=1)
    assert result.published and result.sources_by_status == {"accepted": 1, "rejected": 1}
    con = accords.connect(tmp_path / "out")
    [(code, reason)] = con.sql("SELECT reason_code, reason FROM sources WHERE source_path = 'bad.txt'").fetchall()
    assert code == "processing_error" and "RuntimeError: injected failure" in reason
