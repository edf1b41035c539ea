"""Hypothesis properties of the whole per-file path and of resolution."""

from __future__ import annotations

from pathlib import Path

from accords.etl.extract import kb as kb_mod
from accords.etl.ingest import RawFile
from accords.etl.normalize import normalize
from accords.etl.pipeline import cast_frames, process_raw, to_frames
from accords.schemas.validate import validate_frames
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

KB = kb_mod.cached()
WORDS = ["China", "Pakistan", "the", "Belt and Road Initiative", "(BRI)", "Beijing", "said", "\n\n",
         "President", "Xi Jinping", "SCO", "Navy", "Ministry", "é", "’s", "United Nations", ".", ","]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=60))
def test_every_mention_surface_is_its_slice(parts: list[str]) -> None:
    text = " ".join(parts)
    processed = process_raw(RawFile("x.txt", text.encode("utf-8"), len(text)), KB)
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
