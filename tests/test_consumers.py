"""Consumer SQL bound against real published versions and against contracts alone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from accords.etl.publish import Layout
from click.testing import CliRunner

import accords
from accords.cli import main
from accords.consumers import ConsumerQueryError, check_queries, classify_error, gate, promote
from accords.errors import AccordsError, VersionNotFoundError
from accords.testing import assert_queries_bind

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "consumer" / "queries"

BROKEN = {
    "missing_column.sql": ("SELECT entity_name FROM entities", "missing_column"),
    "missing_table.sql": ("SELECT * FROM treaties", "missing_table"),
    "type_mismatch.sql": ("SELECT title FROM documents WHERE published_date > 5", "type_mismatch"),
    "bad_function.sql": ("SELECT upper(char_count) FROM documents", "type_mismatch"),
    "syntax.sql": ("SELEC 1", "syntax_error"),
}


@pytest.fixture
def broken_dir(tmp_path: Path) -> Path:
    d = tmp_path / "queries"
    shutil.copytree(EXAMPLES, d)
    for name, (sql, _) in BROKEN.items():
        (d / name).write_text(sql + ";\n")
    return d


def test_examples_bind_against_a_real_version(seeds_out: Path) -> None:
    report = assert_queries_bind(EXAMPLES, out=seeds_out)
    assert len(report.results) == len(list(EXAMPLES.glob("*.sql")))
    by_path = {r.path: r for r in report.results}
    assert [c["name"] for c in by_path["initiatives_by_type.sql"].columns] == [
        "initiative_type", "initiatives", "documents"]


def test_examples_bind_against_the_contract_alone() -> None:
    assert_queries_bind(EXAMPLES, out=None, contract="code")
    report = assert_queries_bind(EXAMPLES, out=None, contract="1.0.0")
    assert report.target == "contract 1.0.0"


@pytest.mark.parametrize("mode", ["data", "contract"])
def test_breaks_are_reported_with_why(broken_dir: Path, seeds_out: Path, mode: str) -> None:
    kwargs = {"out": seeds_out} if mode == "data" else {"out": None, "contract": "code"}
    report = check_queries(broken_dir, **kwargs)  # type: ignore[arg-type]
    assert not report.ok
    got = {r.path: r.error_kind for r in report.broken}
    assert got == {name: kind for name, (_, kind) in BROKEN.items()}
    with pytest.raises(AssertionError, match="missing_column"):
        assert_queries_bind(broken_dir, **kwargs)  # type: ignore[arg-type]


def test_classify_error_defaults_to_other() -> None:
    assert classify_error("something odd") == "other"


def test_gate_and_promote(broken_dir: Path, seeds_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(seeds_out, out)
    layout = Layout(out)
    version = layout.current_version()
    assert version is not None
    layout.current.write_text("")  # as if CURRENT pointed nowhere yet
    with pytest.raises(ConsumerQueryError) as exc:
        promote(out, version, broken_dir)
    assert exc.value.exit_code == 8 and len(exc.value.report.broken) == len(BROKEN)
    assert layout.current_version() is None  # refused: CURRENT not moved
    assert gate(out, version, EXAMPLES).ok
    assert promote(out, version[:7], EXAMPLES) == version
    assert layout.current_version() == version
    with pytest.raises(VersionNotFoundError):
        promote(out, "v999999", EXAMPLES)


def test_cli(broken_dir: Path, seeds_out: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["check-consumer", str(EXAMPLES), "--out", str(seeds_out)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(main, ["check-consumer", str(broken_dir), "--contract", "1.0.0", "--json"])
    assert res.exit_code == 8
    data = json.loads(res.output)
    assert data["broken"] == len(BROKEN) and data["target"] == "contract 1.0.0"
    res = runner.invoke(main, ["promote", "current", "--out", str(seeds_out), "--require-consumers", str(broken_dir)])
    assert res.exit_code == 8


def test_example_consumer_tests_pass(seeds_out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The example test a downstream team copies, loaded from its file and run in-process.
    import importlib.util

    spec = importlib.util.spec_from_file_location("example_consumer", ROOT / "examples" / "consumer" / "test_queries.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "OUT", seeds_out)
    module.test_queries_bind_against_the_contract()
    module.test_queries_bind_against_current_data()


def test_run_require_consumers_keeps_current_when_a_query_breaks(broken_dir: Path, seeds_out: Path,
                                                                 seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(seeds_out, out)
    layout = Layout(out)
    before = layout.current_version()
    (seeds_copy / "extra.txt").write_text("Chile and Peru agreed on a maritime security dialogue. " * 20,
                                          encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(main, ["run", str(seeds_copy), "--out", str(out), "--no-report",
                               "--require-consumers", str(broken_dir)])
    assert res.exit_code == 8, res.output
    new = layout.list_versions()[-1]
    assert new != before and layout.current_version() == before  # written, not made current
    assert f"accords promote {new}" in res.output and "missing_column" in res.output
    # With queries that bind, the same run moves CURRENT.
    res = runner.invoke(main, ["run", str(seeds_copy), "--out", str(out), "--no-report",
                               "--require-consumers", str(EXAMPLES)])
    assert res.exit_code == 0, res.output
    assert layout.current_version() == layout.list_versions()[-1] != before


def test_run_require_consumers_checks_the_folder_first(seeds_copy: Path, tmp_path: Path) -> None:
    with pytest.raises(AccordsError, match="does not exist"):
        accords.run(seeds_copy, out=tmp_path / "out", require_consumers=tmp_path / "nope")
    assert not (tmp_path / "out" / "versions").exists()
