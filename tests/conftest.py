"""Shared fixtures: one real run on the seeds, published to a temporary folder; the knowledge base,
loaded once for the extraction tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from accords.etl.extract import kb as kb_mod

import accords

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding one published version of the seeds (do not modify: copy first)."""
    out = tmp_path_factory.mktemp("seeds_out")
    accords.run(SEEDS, out=out)
    return out


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the seeds input folder."""
    dst = tmp_path / "input"
    shutil.copytree(SEEDS, dst)
    return dst


@pytest.fixture(scope="session")
def kb() -> kb_mod.KnowledgeBase:
    """The packaged knowledge base, loaded once."""
    return kb_mod.cached()
