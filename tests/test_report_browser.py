"""The report as a person sees it: opened from file:// in headless Chromium.

Uses the system Chromium (Debian package ``chromium``) through playwright's
driver with ``executable_path``; playwright's own browser download is never
used (it cannot be fetched here). Skips, saying why, when either is missing.
Screenshots land in the test's tmp folder; ``ACCORDS_REPORT_SHOTS=DIR`` copies
them there (that is how docs/report.png was made and reviewed).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from accords.etl.publish import Layout

CHROMIUM = Path("/usr/bin/chromium")
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
if not CHROMIUM.is_file():
    pytest.skip("no /usr/bin/chromium: apt-get install -y chromium to run the browser checks",
                allow_module_level=True)
pytest.importorskip("altair", reason="accords report needs the 'report' extra (altair)")
pytest.importorskip("vl_convert", reason="accords report needs the 'report' extra (vl-convert-python)")
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (no `playwright install`)")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    profile = tempfile.mkdtemp(prefix="accords-chromium-")
    with sync_api.sync_playwright() as p:
        # A persistent context is the way to hand Chromium a fresh --user-data-dir.
        ctx = p.chromium.launch_persistent_context(profile, executable_path=str(CHROMIUM), headless=True,
                                                   args=FLAGS, viewport={"width": 1280, "height": 900})
        try:
            yield ctx
        finally:
            ctx.close()
            shutil.rmtree(profile, ignore_errors=True)


def two_versions(base: Path) -> Path:
    """Seeds (v1), then seeds plus a rejected and a duplicate file (v2); as in test_report.py."""
    import accords

    inp = base / "input"
    shutil.copytree(SEEDS, inp)
    out = base / "out"
    accords.run(inp, out=out)
    (inp / "empty.txt").write_bytes(b"")
    (inp / "copy of 000.txt").write_bytes((inp / "000_ecf736e56f4d7481.txt").read_bytes())
    accords.run(inp, out=out)
    return out


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The report ``accords run`` wrote into a version with a parent, a rejected and a duplicate file."""
    base = tmp_path_factory.mktemp("report_browser")
    out = two_versions(base)
    return out, Layout(out).version_dir(Layout(out).resolve(None)) / "report.html"


def _open(browser: Any, path: Path, width: int) -> tuple[Any, list[str], list[str]]:
    """Load the page; return it, its console errors (and uncaught exceptions), and non-file requests."""
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    errors: list[str] = []
    remote: list[str] = []
    page.on("console", lambda m: errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
    page.on("request", lambda r: remote.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
    page.goto(path.as_uri())
    page.wait_for_function("document.body.dataset.chartsReady !== undefined", timeout=60_000)
    return page, errors, remote


def _keep(shot: Path) -> None:
    keep = os.environ.get("ACCORDS_REPORT_SHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / shot.name)


def test_report_renders_in_chromium(browser: Any, report_file: tuple[Path, Path], tmp_path: Path) -> None:
    out, html_file = report_file
    manifest = Layout(out).manifest(Layout(out).resolve(None))
    page, errors, remote = _open(browser, html_file, 1280)
    shot = tmp_path / "report-wide.png"
    page.screenshot(path=str(shot), full_page=True)
    _keep(shot)
    assert shot.stat().st_size > 50_000
    assert errors == []
    assert remote == []  # nothing fetched: works offline from file://
    assert page.evaluate("document.body.dataset.chartsReady") == "5"
    assert page.locator("figure.chart svg").count() == 5
    for table, n in manifest["row_counts"].items():
        assert page.locator(f'.card[data-table="{table}"] .n').inner_text() == f"{n:,}"
    assert page.locator("#verdict").inner_text().startswith("All ")
    text = page.locator("body").inner_text()
    assert "Changes since v000001" in text and "copy of 000.txt" in text and "empty.txt" in text
    # Sorting: clicking a numeric header orders the rows by it, twice reverses.
    header = page.locator("table.top-entities th", has_text="mentions")
    header.click()
    header.click()
    cells = page.locator("table.top-entities tbody tr td:nth-child(7)").all_inner_texts()
    values = [int(c.replace(",", "")) for c in cells]
    assert values == sorted(values, reverse=True)
    page.close()


def test_report_fits_a_narrow_window(browser: Any, report_file: tuple[Path, Path], tmp_path: Path) -> None:
    _, html_file = report_file
    page, errors, _ = _open(browser, html_file, 400)
    shot = tmp_path / "report-narrow.png"
    page.screenshot(path=str(shot), full_page=False)
    _keep(shot)
    assert errors == []
    # Nothing pushes the page sideways: wide tables scroll inside their own box.
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    widths = page.evaluate("Array.from(document.querySelectorAll('figure.chart svg'))"
                           ".map(s => s.getBoundingClientRect().right)")
    assert widths and max(widths) <= 400
    page.close()


def test_report_prints(browser: Any, report_file: tuple[Path, Path], tmp_path: Path) -> None:
    """Print media: the navigation bar goes, every section and chart stays, and it makes a real PDF."""
    _, html_file = report_file
    page, errors, _ = _open(browser, html_file, 1280)
    page.emulate_media(media="print")
    assert errors == []
    assert page.locator("nav").evaluate("n => getComputedStyle(n).display") == "none"
    for sid in ("version", "validation", "inputs", "content", "contract"):
        assert page.locator(f"#{sid}").is_visible()
    assert page.locator("figure.chart svg").count() == 5
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    data = pdf.read_bytes()
    pages = re.findall(rb"/Type\s*/Page\b", data)
    assert data.startswith(b"%PDF") and len(pages) >= 3  # several pages, not one clipped
    page.close()
