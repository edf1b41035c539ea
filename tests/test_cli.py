"""The CLI: --help everywhere, exit codes, summary line, query formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from accords.cli import main


def _commands() -> list[str]:
    return sorted(main.commands)


@pytest.mark.parametrize("command", [None, *_commands()])
def test_help_everywhere(command: str | None) -> None:
    args = ["--help"] if command is None else [command, "--help"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_run_prints_one_summary_line(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(seeds_copy), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("published v000001-")
    assert "5 documents" in lines[0]
    again = CliRunner().invoke(main, ["run", str(seeds_copy), "--out", str(out)])
    assert "unchanged" in again.output
    v = CliRunner().invoke(main, ["validate", str(out)])
    assert v.exit_code == 0 and "valid" in v.output
    q = CliRunner().invoke(main, ["query", "select count(*) as n from documents", "--out", str(out), "--format", "json"])
    assert json.loads(q.output) == [{"n": 5}]
    csv = CliRunner().invoke(main, ["query", "select 1 as a", "--out", str(out), "--format", "csv"])
    assert csv.output.splitlines() == ["a", "1"]
    vs = CliRunner().invoke(main, ["versions", str(out), "--json"])
    assert json.loads(vs.output)[0]["current"] is True


def test_exit_codes(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["run", str(tmp_path / "missing"), "--out", str(tmp_path / "o")])
    assert r.exit_code == 2 and "does not exist" in r.output
    r = CliRunner().invoke(main, ["validate", str(tmp_path / "o")])
    assert r.exit_code == 5 and "no published version" in r.output



def test_empty_input_folder_publishes_an_empty_version(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    r = CliRunner().invoke(main, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "o")])
    assert r.exit_code == 0, r.output
    assert "published" in r.output and "0 documents" in r.output
    again = CliRunner().invoke(main, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "o")])
    assert again.exit_code == 0 and "unchanged" in again.output, again.output
    # An input folder whose only file is rejected has no cached rows either.
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    r = CliRunner().invoke(main, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "o")])
    assert r.exit_code == 0 and "1 rejected" in r.output, r.output


def test_bad_sql_is_a_clean_error(seeds_out: Path) -> None:
    r = CliRunner().invoke(main, ["query", "select nope from documents", "--out", str(seeds_out)])
    assert r.exit_code == 1 and "query failed" in r.output


def test_progress_bar_only_for_long_runs(seeds_copy: Path, tmp_path: Path) -> None:
    from accords.cli import _progress

    with _progress(True, min_files=10) as cb:
        assert cb is not None
        cb(1, 5)  # below the threshold: no bar started
        assert cb.__closure__ is not None
        bar = next(c.cell_contents for c in cb.__closure__ if type(c.cell_contents).__name__ == "Progress")
        assert not bar.tasks
        cb(3, 10)
        assert bar.tasks[0].completed == 3 and bar.tasks[0].total == 10
    with _progress(False) as none:
        assert none is None
    res = CliRunner().invoke(main, ["run", str(seeds_copy), "--out", str(tmp_path / "o"), "--progress", "--no-report"])
    assert res.exit_code == 0, res.output
    assert res.output.strip().splitlines()[-1].startswith("published ")
