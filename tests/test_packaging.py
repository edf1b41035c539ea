"""The wheel ships every module under the one `accords` name, and nothing bare."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_every_module(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
    )
    wheel = next(tmp_path.glob("accords-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = set()
    for folder, pkg in (("accords", "accords"), ("etl", "accords/etl"), ("schemas", "accords/schemas")):
        for py in (ROOT / folder).rglob("*.py"):
            expected.add(f"{pkg}/{py.relative_to(ROOT / folder).as_posix()}")
    missing = sorted(expected - names)
    assert not missing, f"modules missing from the wheel: {missing}"
    assert not any(n.startswith(("etl/", "schemas/")) for n in names), "bare top-level packages in the wheel"
    assert "accords/py.typed" in names
    assert any(n.startswith("accords/etl/kb/") and n.endswith(".csv") for n in names)
