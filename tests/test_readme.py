"""The README's promises: its table reference matches the contract, its commands exist."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_table_reference_is_generated_from_the_contract() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "readme_reference.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_readme_has_the_two_setup_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'pip install -c constraints.txt -e ".[dev]" && accords run' in text
    assert "\npython -m pytest\n" in text
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest" in ci
