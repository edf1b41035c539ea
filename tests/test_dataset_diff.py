"""Dataset diffs between two real versions: the seeds, then the seeds plus one article."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from accords.etl.publish import Layout
from click.testing import CliRunner

import accords
from accords.cli import main
from accords.dataset_diff import diff_versions
from accords.errors import AccordsError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

ARTICLE = """Kazakhstan and Uzbekistan sign Trans-Caspian corridor agreement

ASTANA, March 3, 2024 — President Kassym-Jomart Tokayev and President Shavkat Mirziyoyev
signed an agreement on the Trans-Caspian International Transport Route on Monday. The
European Union welcomed the deal, and China said the Belt and Road Initiative would support it.
"""


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    root = tmp_path_factory.mktemp("diff")
    inp, out = root / "input", root / "out"
    inp.mkdir()
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copy(f, inp)
    accords.run(inp, out=out)
    (inp / "zz_new_article.txt").write_text(ARTICLE, encoding="utf-8")
    accords.run(inp, out=out)
    v1, v2 = Layout(out).list_versions()
    return out, v1, v2


def test_one_more_document(two_versions: tuple[Path, str, str]) -> None:
    out, v1, v2 = two_versions
    d = diff_versions(out, v1, v2)
    t = {x.table: x for x in d.tables}
    assert not d.identical
    assert (t["documents"].added, t["documents"].removed, t["documents"].changed) == (1, 0, 0)
    assert t["sources"].sample_added == ["zz_new_article.txt"]
    assert t["mentions"].added >= 1 and t["mentions"].removed == 0
    for x in d.tables:  # every row is accounted for
        assert x.rows_new == x.rows_old + x.added - x.removed
        assert x.unchanged + x.changed + x.removed == x.rows_old
    # Entities already known but seen again get new counts: changed, not added.
    if t["entities"].changed:
        assert set(t["entities"].changed_columns) <= {"document_count", "mention_count", "aliases", "subtype", "iso3"}
    assert d.contract_diff is None and d.contract_old == d.contract_new


def test_same_version_is_identical(two_versions: tuple[Path, str, str]) -> None:
    out, v1, _ = two_versions
    d = diff_versions(out, v1, v1, tables=["documents", "mentions"])
    assert d.identical and [x.table for x in d.tables] == ["documents", "mentions"]
    with pytest.raises(AccordsError, match="unknown table"):
        diff_versions(out, v1, v1, tables=["nope"])


def test_reverse_diff_swaps_added_and_removed(two_versions: tuple[Path, str, str]) -> None:
    out, v1, v2 = two_versions
    fwd = {x.table: x for x in diff_versions(out, v1, v2).tables}
    back = {x.table: x for x in diff_versions(out, v2, v1).tables}
    for name in fwd:
        assert (fwd[name].added, fwd[name].removed, fwd[name].changed) == (
            back[name].removed, back[name].added, back[name].changed)


def test_cli_json_for_ci(two_versions: tuple[Path, str, str]) -> None:
    out, v1, v2 = two_versions
    runner = CliRunner()
    res = runner.invoke(main, ["diff", v1, v2, "--out", str(out), "--format", "json", "--table", "documents"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["summary"] == {"added": 1, "removed": 0, "changed": 0}
    assert list(data["tables"]) == ["documents"]
    res = runner.invoke(main, ["diff", v1, "--out", str(out), "--fail-on-change"])
    assert res.exit_code == 1 and "documents" in res.output
    res = runner.invoke(main, ["diff", v2, v2, "--out", str(out), "--fail-on-change"])
    assert res.exit_code == 0 and "identical" in res.output
