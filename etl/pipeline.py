"""The pipeline wired end to end: ingest -> document -> dedupe -> extract -> resolve -> validate -> publish.

Per-file work (:func:`process_raw`) is a pure function of the file's bytes, so
it can run in parallel or be cached; the global steps (duplicates, entity
resolution, ids, validation, publishing) see the whole corpus once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
from accords.etl import ingest
from accords.etl.dedupe import find_duplicates
from accords.etl.document import FileResult, process_file
from accords.etl.extract import kb as kb_mod
from accords.etl.extract.candidates import Candidate
from accords.etl.extract.find import extract
from accords.etl.extract.resolve import DocCandidates, resolve
from accords.etl.publish import Layout, accords_version, locked, publish
from accords.etl.store import cast_to_contract
from accords.schemas import CONTRACT_VERSION, TABLES
from accords.schemas.dtypes import polars_schema
from accords.schemas.validate import ValidationReport, ensure_valid

from accords.errors import ContractViolation

#: Bump when extraction output changes for the same text and knowledge base.
EXTRACTOR_VERSION = "1"
#: Languages whose documents go through (English) entity extraction.
EXTRACT_LANGUAGES = frozenset({"en"})

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ProcessedFile:
    """One file after the per-file stages."""

    result: FileResult
    candidates: tuple[Candidate, ...] = ()


@dataclass
class RunResult:
    """What a run did, for the CLI's summary line and for callers."""

    version_id: str
    published: bool
    out: Path
    row_counts: dict[str, int] = field(default_factory=dict)
    sources_by_status: dict[str, int] = field(default_factory=dict)
    validation: ValidationReport | None = None

    def summary(self) -> str:
        counts = ", ".join(f"{n} {t}" for t, n in self.row_counts.items())
        status = ", ".join(f"{n} {s}" for s, n in sorted(self.sources_by_status.items()))
        verb = "published" if self.published else "unchanged, still"
        return f"{verb} {self.version_id} in {self.out}: {counts} (sources: {status})"


def process_raw(raw: ingest.RawFile, kb: kb_mod.KnowledgeBase) -> ProcessedFile:
    """Per-file work: decode, normalise, clean, and extract candidates (English only)."""
    result = process_file(raw)
    doc = result.document
    if doc is None or doc["language"] not in EXTRACT_LANGUAGES:
        return ProcessedFile(result)
    return ProcessedFile(result, tuple(extract(doc["text"], kb)))


def input_digest(fingerprints: Sequence[tuple[str, str | None, int | None, str | None]], kb_digest: str) -> str:
    """Everything that determines a run's output: the inputs, the code's versions and the KB."""
    payload = {
        "files": [list(f) for f in fingerprints],
        "contract": CONTRACT_VERSION,
        "accords": accords_version(),
        "extractor": EXTRACTOR_VERSION,
        "kb": kb_digest,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def to_frames(processed: Sequence[ProcessedFile]) -> dict[str, pl.DataFrame]:
    """Global steps: duplicates, entity resolution, and the five tables in contract dtypes."""
    docs = [p for p in processed if p.result.document is not None]
    docs.sort(key=lambda p: p.result.source["source_path"])
    dups = find_duplicates(
        [(p.result.source["source_path"], p.result.document["document_id"], p.result.document["text"])  # type: ignore[index]
         for p in docs]
    )
    sources = []
    kept: list[ProcessedFile] = []
    for p in processed:
        src = dict(p.result.source)
        dup = dups.get(src["source_path"])
        if dup is not None:
            src.update(status="duplicate", reason_code=dup.code, reason=dup.reason,
                       document_id=dup.kept_document_id)
        elif p.result.document is not None:
            kept.append(p)
        sources.append(src)
    resolved = resolve(
        [DocCandidates(p.result.document["document_id"], p.result.document["published_date"], p.candidates)  # type: ignore[index]
         for p in kept]
    )
    raw: dict[str, list[dict[str, Any]]] = {
        "documents": [p.result.document for p in kept if p.result.document is not None],
        "sources": sources,
    }
    frames: dict[str, pl.DataFrame] = {}
    for table in ("documents", "sources"):
        schema = {c: (pl.Utf8 if isinstance(t, pl.Enum) else t) for c, t in polars_schema(table).items()}
        frames[table] = pl.DataFrame(raw[table], schema=schema, orient="row") if raw[table] else pl.DataFrame(schema=schema)
    frames["entities"] = resolved.entities
    frames["mentions"] = resolved.mentions
    frames["initiatives"] = resolved.initiatives
    return frames


def cast_frames(frames: dict[str, pl.DataFrame]) -> tuple[dict[str, pl.DataFrame], ValidationReport]:
    """Cast every table to its contract dtypes, sorted; cast failures are contract failures."""
    out: dict[str, pl.DataFrame] = {}
    problems = []
    for table, spec in TABLES.items():
        cast, bad = cast_to_contract(table, frames[table])
        problems.extend(bad)
        out[table] = cast.sort(list(spec.sort_by)) if not bad else cast
    return out, ValidationReport(problems)


def run(
    input_dir: str | Path = "seeds",
    out: str | Path = "outputs",
    kb_files: Sequence[str | Path] = (),
    progress: Progress | None = None,
) -> RunResult:
    """Process every file under ``input_dir`` and publish a new version under ``out``.

    Publishes nothing (and says so) when the inputs, code and knowledge base are
    unchanged since CURRENT. Raises :class:`ContractViolation` (publishing
    nothing) when any table breaks its contract; the JSON report is also
    written to ``OUT/last-validation-error.json``.
    """
    root = Path(input_dir)
    layout = Layout(Path(out))
    entries = ingest.discover(root)
    kb = kb_mod.cached(tuple(Path(p).resolve() for p in kb_files))
    with locked(layout):
        shutil.rmtree(layout.staging, ignore_errors=True)  # leftovers of a killed run
        processed: list[ProcessedFile] = []
        fingerprints = []
        for i, entry in enumerate(entries):
            raw = ingest.read(root, entry)
            fingerprints.append((raw.source_path, raw.sha256, raw.size, raw.error_code))
            processed.append(process_raw(raw, kb))
            if progress:
                progress(i + 1, len(entries))
        digest = input_digest(fingerprints, kb.digest)
        current = layout.current_version()
        if current and layout.manifest(current).get("input_digest") == digest:
            manifest = layout.manifest(current)
            counts = {t: int(manifest["row_counts"][t]) for t in TABLES}
            return RunResult(current, False, layout.root, counts,
                             dict(manifest.get("sources_by_status", {})))
        frames, cast_report = cast_frames(to_frames(processed))
        try:
            if not cast_report.ok:
                raise ContractViolation(cast_report.summary(), cast_report.as_dict())
            report = ensure_valid(frames)
        except ContractViolation as exc:
            (layout.root / "last-validation-error.json").write_text(
                json.dumps(exc.report, indent=2, sort_keys=True, default=str), encoding="utf-8")
            raise
        by_status = frames["sources"].group_by("status").len().to_dicts()
        sources_by_status = {str(r["status"]): int(r["len"]) for r in by_status}
        extra: dict[str, Any] = {
            "kb_digest": kb.digest,
            "extractor_version": EXTRACTOR_VERSION,
            "sources_by_status": sources_by_status,
            "created_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
            "validation": {"checks": len(report.results), "failed": 0},
        }
        version_id = publish(layout, frames, extra, digest)
    return RunResult(version_id, True, layout.root, {t: frames[t].height for t in TABLES},
                     sources_by_status, report)
