"""Run mypy --strict over the package's three source folders.

The folders are mapped under one import name (`accords` <- accords/,
`accords.etl` <- etl/, `accords.schemas` <- schemas/), which mypy cannot see
from the file layout, so we assemble that tree in a temporary folder and
type-check it there. Errors are reported with the repository's paths.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        pkg = Path(tmp) / "accords"
        ignore = shutil.ignore_patterns("__pycache__", "*.csv", "*.txt", "*.md", "*.json", "*.yaml")
        shutil.copytree(ROOT / "accords", pkg, ignore=ignore)
        shutil.copytree(ROOT / "etl", pkg / "etl", ignore=ignore)
        shutil.copytree(ROOT / "schemas", pkg / "schemas", ignore=ignore)
        proc = subprocess.run(
            [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "-p", "accords",
             *sys.argv[1:]],
            cwd=tmp, capture_output=True, text=True,
        )
        out = proc.stdout.replace("accords/etl/", "etl/").replace("accords/schemas/", "schemas/")
        sys.stdout.write(out)
        sys.stderr.write(proc.stderr)
        return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
