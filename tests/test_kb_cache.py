"""The compiled-KB cache (#7): a worker loads a pickled KB and gazetteer instead of
rebuilding them; it must extract exactly what a freshly loaded KB extracts."""

from __future__ import annotations

from pathlib import Path

import pytest
from accords.etl.extract import kb as kb_mod
from accords.etl.extract.find import extract

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_digest_without_loading_matches_load(tmp_path: Path) -> None:
    extra = tmp_path / "mine.csv"
    extra.write_text("key,entity_type,canonical_name\norg:xylo,organization,Xylo Corporation\n", encoding="utf-8")
    assert kb_mod.digest((extra,)) == kb_mod.load((extra,)).digest
    assert kb_mod.digest((), places=False) == kb_mod.load((), places=False).digest


def test_compiled_kb_extracts_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCORDS_CACHE_DIR", str(tmp_path / "cache"))
    fresh = kb_mod.load()
    built = kb_mod._load_compiled((), True)  # builds and writes the pickle
    [pickle_file] = (tmp_path / "cache").glob("kb-*.pickle")
    loaded = kb_mod._load_compiled((), True)  # reads it back
    assert fresh.digest == built.digest == loaded.digest
    assert loaded.entries == fresh.entries and loaded.places == fresh.places
    assert loaded.minor_places == fresh.minor_places
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert extract(text, loaded) == extract(text, fresh)
    pickle_file.write_bytes(b"not a pickle")  # damaged: rebuilt, not trusted
    assert kb_mod._load_compiled((), True).entries == fresh.entries
    assert pickle_file.read_bytes()[:1] == b"\x80"
