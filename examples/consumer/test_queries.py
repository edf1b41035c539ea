"""Example consumer test: our SQL must bind against the accords data we read.

Copy this file and the queries/ folder into your project. Set ACCORDS_OUT to
the accords output folder you read (default: outputs); the contract test needs
no data at all, so it runs in CI before any version is published.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from accords.testing import assert_queries_bind

QUERIES = Path(__file__).parent / "queries"
OUT = Path(os.environ.get("ACCORDS_OUT", "outputs"))


def test_queries_bind_against_the_contract() -> None:
    # Pin the contract version you build against; a major bump shows up here first.
    assert_queries_bind(QUERIES, out=None, contract="1.0.0")


@pytest.mark.skipif(not (OUT / "CURRENT").is_file(), reason="no published accords data here")
def test_queries_bind_against_current_data() -> None:
    assert_queries_bind(QUERIES, out=OUT)
