"""pytest helpers for downstream teams.

A consumer keeps its SQL in a folder and adds one test::

    from accords.testing import assert_queries_bind

    def test_our_queries_bind():
        assert_queries_bind("queries", out="outputs")            # against CURRENT
        assert_queries_bind("queries", contract="1.0.0")         # against a contract, no data needed
"""

from __future__ import annotations

from pathlib import Path

from accords.consumers import ConsumerReport, check_queries


def assert_queries_bind(
    queries_dir: str | Path,
    out: str | Path | None = "outputs",
    version: str | None = None,
    contract: str | Path | None = None,
) -> ConsumerReport:
    """Fail the test, naming each broken query and why, unless every .sql file binds.

    Arguments as :func:`accords.consumers.check_queries`; returns the report
    so a test can also assert on the result columns.
    """
    __tracebackhide__ = True  # pytest: show the caller's line, not this helper's
    report = check_queries(queries_dir, out=out, version=version, contract=contract)
    if not report.results:
        raise AssertionError(f"no .sql files under {queries_dir}")
    if not report.ok:
        raise AssertionError(report.summary())
    return report


__all__ = ["assert_queries_bind"]
