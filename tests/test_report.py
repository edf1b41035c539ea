"""`accords report`: the HTML page's content, offline-ness, diff and failed-run pages.

The page is checked in a real browser by tests/test_report_browser.py; these
tests read the HTML itself, so they run wherever the `report` extra is installed.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
from pathlib import Path

import pytest
from accords.etl.publish import Layout
from accords.etl.store import validate_version
from click.testing import CliRunner

import accords
from accords.errors import ContractViolation

pytest.importorskip("altair", reason="accords report needs the 'report' extra (altair)")
pytest.importorskip("vl_convert", reason="accords report needs the 'report' extra (vl-convert-python)")

from accords.cli import main
from accords.report import collect, load_error_report, render_error_report, render_report

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def two_versions(base: Path) -> Path:
    """An output folder with the seeds (v1), then the seeds plus a rejected and a duplicate file (v2)."""
    inp = base / "input"
    shutil.copytree(SEEDS, inp)
    out = base / "out"
    accords.run(inp, out=out)
    (inp / "empty.txt").write_bytes(b"")
    (inp / "copy of 000.txt").write_bytes((inp / "000_ecf736e56f4d7481.txt").read_bytes())
    accords.run(inp, out=out)
    return out


@pytest.fixture(scope="module")
def versions_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return two_versions(tmp_path_factory.mktemp("report_versions"))


@pytest.fixture(scope="module")
def seeds_page(seeds_out: Path) -> str:
    return render_report(seeds_out, Layout(seeds_out).resolve(None))


def _text(page: str) -> str:
    """The page's visible-ish text: tags and scripts removed, entities left as they are."""
    page = re.sub(r"<script.*?</script>", " ", page, flags=re.S)
    return re.sub(r"<[^>]+>", " ", page)


def test_page_shows_version_and_counts(seeds_out: Path, seeds_page: str) -> None:
    manifest = Layout(seeds_out).manifest(Layout(seeds_out).resolve(None))
    for key in ("version_id", "contract_version", "accords_version", "input_digest"):
        assert str(manifest[key]) in seeds_page
    for table, n in manifest["row_counts"].items():
        assert re.search(rf'data-table="{table}"><span class="n">{n:,}</span>', seeds_page), table
    assert "First version in this output folder" in seeds_page


def test_page_is_self_contained(seeds_page: str) -> None:
    # Nothing fetched at view time: no external scripts, styles, images or frames in the
    # markup (the inlined vega bundle mentions <img src= in its own string literals).
    markup = re.sub(r"<script>.*?</script>", "", seeds_page, flags=re.S)
    assert not re.search(r'<(script|link|img|iframe)[^>]*\s(src|href)=', markup)
    assert "vegaEmbed" in seeds_page and "<style>" in seeds_page
    assert "@media print" in seeds_page and "@media (max-width" in seeds_page
    specs = json.loads(re.search(r'id="accords-specs">(.*?)</script>', seeds_page, re.S).group(1))  # type: ignore[union-attr]
    assert set(specs) == {"chart-sources", "chart-entities", "chart-cooccurrence", "chart-initiatives",
                          "chart-months"}
    for spec in specs.values():  # every chart carries its data inline
        assert "values" in spec["data"] and "url" not in spec["data"]


def test_page_lists_every_check_and_the_contract(seeds_out: Path, seeds_page: str) -> None:
    n = len(validate_version(seeds_out).results)
    assert f"All {n:,} checks passed." in seeds_page
    assert seeds_page.count('<span class="pass">pass</span>') == n
    from accords.schemas import TABLES
    from accords.schemas.relations import RULES

    text = _text(seeds_page)
    for table, spec in TABLES.items():
        assert f'id="contract-{table}"' in seeds_page
        for column in spec.model.to_schema().columns:
            assert f"<code>{column}</code>" in seeds_page, (table, column)
    for rule in RULES:
        assert html.escape(rule.description) in seeds_page, rule.description
    assert "Cross-table rules" in text


def test_aggregates_come_from_the_version(seeds_out: Path) -> None:
    vid = Layout(seeds_out).resolve(None)
    data = collect(seeds_out, vid)
    con = accords.connect(seeds_out)
    docs = con.execute("select count(*) from documents").fetchone()[0]  # type: ignore[index]
    assert data["row_counts"]["documents"] == docs
    assert sum(r["documents"] for r in data["documents_per_month"]) + data["documents_undated"] == docs
    assert {r["entity_type"] for r in data["top_entities"]} <= {"country", "organization", "person", "location",
                                                                "initiative"}
    china = [r for r in data["top_entities"] if r["canonical_name"] == "China"]
    assert china and china[0]["rank"] == 1 and china[0]["documents"] == docs
    assert all(r["documents"] >= 1 for r in data["cooccurrence"])
    assert len(data["initiatives"]) == data["row_counts"]["initiatives"]


def test_diff_against_parent_and_inputs(versions_out: Path) -> None:
    layout = Layout(versions_out)
    v1, v2 = layout.list_versions()
    page = render_report(versions_out, v2)
    assert f"Changes since {v1}" in page
    data = collect(versions_out, v2)
    sources = next(d for d in data["diff"] if d["table"] == "sources")
    assert (sources["before"], sources["after"], sources["added"], sources["removed"]) == (5, 7, 2, 0)
    assert all(d["added"] == d["removed"] == d["changed"] == 0 for d in data["diff"] if d["table"] != "sources")
    # Every rejected and duplicate file is listed with its reason.
    assert "empty.txt" in page and "copy of 000.txt" in page
    assert "exact_duplicate" in page and ">empty<" in page
    # The first version's page knows nothing of the second.
    assert "copy of 000.txt" not in render_report(versions_out, v1)


def test_failed_run_page_from_error_report(seeds_copy: Path, tmp_path: Path) -> None:
    kb = tmp_path / "bad_kb.csv"
    kb.write_text("key,entity_type,canonical_name,aliases,iso3,subtype,acronym,parties\n"
                  "country:zzz,country,Pandaland,Panda bond,,sovereign,,\n", encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(ContractViolation):
        accords.run(seeds_copy, out=out, kb_files=(kb,))
    error_file = out / "last-validation-error.json"
    page = render_error_report(load_error_report(error_file), error_file)
    assert "nothing was published" in page
    assert "country_has_iso3" in page and "Pandaland" in page  # the check and its failing row
    assert '<span class="fail">FAIL</span>' in page
    assert "<details open>" in page  # the full list opens when something failed


def test_cli_report_and_from_error(versions_out: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "r.html"
    res = runner.invoke(main, ["report", str(versions_out), "--version", "v000001", "-o", str(target)])
    assert res.exit_code == 0, res.output
    assert target.is_file() and "v000001" in target.read_text(encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    res = runner.invoke(main, ["report", "--from-error", str(bad), "-o", str(tmp_path / "x.html")])
    assert res.exit_code != 0 and "not an accords validation report" in res.output
    res = runner.invoke(main, ["report", str(tmp_path / "nothing-here"), "-o", str(tmp_path / "y.html")])
    assert res.exit_code == 5 and "no published version" in res.output


def test_every_run_writes_its_report_into_the_version(versions_out: Path) -> None:
    layout = Layout(versions_out)
    v1, v2 = layout.list_versions()
    for vid in (v1, v2):
        path = layout.version_dir(vid) / "report.html"
        entry = next(f for f in layout.manifest(vid)["files"] if f["path"] == "report.html")
        assert entry["table"] is None and entry["bytes"] == path.stat().st_size
        assert entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    page = (layout.version_dir(v2) / "report.html").read_text(encoding="utf-8")
    assert f"accords {v2}" in page and f"Changes since {v1}" in page
    assert "copy of 000.txt" in page  # the v2 inputs, with the duplicate
    assert "copy of 000.txt" not in (layout.version_dir(v1) / "report.html").read_text(encoding="utf-8")
    # The report is covered by the manifest's digests like every data file.
    assert validate_version(versions_out, v2).ok


def test_tampered_report_fails_validation(seeds_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(seeds_out, out)
    vid = Layout(out).resolve(None)
    (Layout(out).version_dir(vid) / "report.html").write_text("<p>all good</p>", encoding="utf-8")
    assert not validate_version(out, vid).ok


def test_run_prints_the_report_path_and_can_skip_it(seeds_copy: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    res = runner.invoke(main, ["run", str(seeds_copy), "--out", str(out)])
    assert res.exit_code == 0, res.output
    vid = Layout(out).resolve(None)
    assert res.output.strip().endswith(f"report: {out / 'versions' / vid / 'report.html'}")
    # An unchanged re-run still points at the current version's report.
    res = runner.invoke(main, ["run", str(seeds_copy), "--out", str(out)])
    assert "unchanged" in res.output and "report.html" in res.output
    (seeds_copy / "new.txt").write_text("Kenya and Somalia signed a border security pact in Nairobi. " * 20,
                                        encoding="utf-8")
    res = runner.invoke(main, ["run", str(seeds_copy), "--out", str(out), "--no-report"])
    assert res.exit_code == 0, res.output
    v2 = Layout(out).resolve(None)
    assert v2 != vid and "report.html" not in res.output
    assert not (Layout(out).version_dir(v2) / "report.html").exists()
    assert all(f["path"] != "report.html" for f in Layout(out).manifest(v2)["files"])
