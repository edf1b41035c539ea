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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import polars as pl
from accords.etl import ingest, statindex
from accords.etl.dedupe import find_duplicates
from accords.etl.document import FileResult, process_file, rejected
from accords.etl.dupindex import DupIndex
from accords.etl.extract import kb as kb_mod
from accords.etl.extract.candidates import Candidate
from accords.etl.extract.find import extract
from accords.etl.extract.resolve import (
    ENTITY_SCHEMA,
    INITIATIVE_SCHEMA,
    DocCandidates,
    resolve,
    resolve_candidates,
)
from accords.etl.memory import release_memory
from accords.etl.publish import (
    CurrentGate,
    Layout,
    StageRenderer,
    accords_version,
    locked,
)
from accords.etl.spill import SPILL_DIR, Spill
from accords.etl.statindex import StatIndex
from accords.etl.store import cast_to_contract
from accords.schemas import CONTRACT_VERSION, TABLES
from accords.schemas.dtypes import polars_schema
from accords.schemas.validate import ValidationReport

from accords.errors import ContractViolation

#: Bump when extraction output changes for the same text and knowledge base.
EXTRACTOR_VERSION = "10"
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
    #: The version's ``report.html``, when it has one.
    report_path: Path | None = None
    #: Things the user should know that did not stop the run (e.g. why there is no report).
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        counts = ", ".join(f"{n} {t}" for t, n in self.row_counts.items())
        status = ", ".join(f"{n} {s}" for s, n in sorted(self.sources_by_status.items()))
        verb = "published" if self.published else "unchanged, still"
        line = f"{verb} {self.version_id} in {self.out}: {counts} (sources: {status})"
        if self.report_path is not None:
            line += f"; report: {self.report_path}"
        return line


#: Written into every version folder by :func:`run` (and listed in its manifest).
REPORT_FILE = "report.html"


def _report_renderer(layout: Layout, version_id: str, validation: ValidationReport,
                     notes: list[str]) -> StageRenderer:
    """Renders ``report.html`` from the staged version, so the manifest lists (and hashes) it.

    The report is a view of the data, not part of it: when it cannot be built (the
    optional ``accords[report]`` extra is missing) the version is still published and
    the reason lands in ``notes`` and in the manifest.
    """
    def render(stage: Path, manifest: Mapping[str, Any]) -> dict[str, bytes]:
        try:
            from accords.report import ReportError, render_staged
        except ImportError as exc:  # pragma: no cover - the report module itself is core
            notes.append(f"no report: {exc}")
            return {}
        try:
            page = render_staged(layout.root, version_id, stage, manifest, validation.as_dict())
        except (ImportError, ReportError) as exc:
            notes.append(f"no {REPORT_FILE}: {exc}")
            return {}
        return {REPORT_FILE: page.encode("utf-8")}

    return render


def _consumer_gate(layout: Layout, queries_dir: str | Path) -> CurrentGate:
    """Moves CURRENT only if every consumer query in ``queries_dir`` binds against the new version."""
    from accords.consumers import ConsumerQueryError, gate, query_files

    query_files(queries_dir)  # a missing folder fails before any work is published

    def check(version_id: str) -> None:
        try:
            gate(layout.root, version_id, queries_dir)
        except ConsumerQueryError as exc:
            raise ConsumerQueryError(
                f"{exc}\nVersion {version_id} is written in {layout.root} but is not CURRENT. Fix the "
                f"queries (or the data), then: accords promote {version_id} --out {layout.root} "
                f"--require-consumers {queries_dir}", exc.report) from exc

    return check


def process_raw(raw: ingest.RawFile, kb: kb_mod.KnowledgeBase) -> ProcessedFile:
    """Per-file work: decode, normalise, clean, and extract candidates (English only).

    A file accords itself fails on (a bug, not bad input: bad input is rejected with its
    own reason) is rejected as ``processing_error`` with the exception in its reason, so
    that one file never stops a run of thousands; the run's summary counts it.
    """
    try:
        result = process_file(raw)
        doc = result.document
        if doc is None or doc["language"] not in EXTRACT_LANGUAGES:
            return ProcessedFile(result)
        return ProcessedFile(result, tuple(extract(doc["text"], kb)))
    except Exception as exc:  # any failure on one file is recorded, not raised
        return ProcessedFile(rejected(raw, "processing_error",
                                      f"accords failed on this file ({type(exc).__name__}: {exc}); "
                                      "this is a bug in accords, please report it with the file"))


def input_digest(fingerprints: Iterable[Sequence[str | int | None]], kb_digest: str) -> str:
    """Everything that determines a run's output: the inputs, the code's versions and the KB.

    The sha256 of ``json.dumps({"files": [...], "contract": ..., ...}, sort_keys=True)``,
    fed row by row: a million input files never become one JSON string (or list) in memory.
    """
    head = {"accords": accords_version(), "contract": CONTRACT_VERSION, "extractor": EXTRACTOR_VERSION}
    h = hashlib.sha256(json.dumps(head, sort_keys=True)[:-1].encode())
    h.update(b', "files": [')
    for i, f in enumerate(fingerprints):
        h.update(((", " if i else "") + json.dumps(list(f))).encode())
    h.update(b'], "kb": ' + json.dumps(kb_digest).encode() + b"}")
    return h.hexdigest()


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


# --------------------------------------------------------------------------------------
# Streaming run: per-document work in chunks (any engine), a result cache, bucketed output.
# --------------------------------------------------------------------------------------

#: Output buckets hold about this many documents; the bucket count is a power of two
#: chosen from the number of input files, so it only changes when the corpus doubles.
BUCKET_TARGET_DOCS = 2048
MAX_BUCKET_BITS = 12
#: Rules that need documents.text: checked per bucket (a document and its mentions share one).
_SPAN_RULES = frozenset({"offsets_inside_text", "surface_is_slice"})


def bucket_bits(n_files: int) -> int:
    """log2 of the number of output buckets for a corpus of ``n_files``."""
    bits = 0
    while (n_files >> bits) > BUCKET_TARGET_DOCS and bits < MAX_BUCKET_BITS:
        bits += 1
    return bits


def _is_bucket_rule(rule: Any) -> bool:
    return rule.name in _SPAN_RULES or (rule.table, rule.column) == ("mentions", "document_id")


#: Bump when what a bucket summary holds, or how it is computed, changes.
BUCKET_SUMMARY_VERSION = "1"


@dataclass
class BucketSummary:
    """All the corpus-wide steps need from one bucket's entity resolution: its entity and
    initiative rows, each entity's first path and surfaces, and its mention summary.
    Cached per bucket fingerprint, so an incremental run resolves only changed buckets."""

    entities: pl.DataFrame
    initiatives: pl.DataFrame
    firsts: pl.DataFrame  # entity_id, _p (first source_path), surface (list)
    mentions: pl.DataFrame  # mention_summary()
    mention_rows: int


def bucket_summary(resolved: Any, paths: dict[str, str]) -> BucketSummary:
    m = resolved.mentions
    if m.is_empty():
        firsts = pl.DataFrame(schema={"entity_id": pl.Utf8, "_p": pl.Utf8, "surface": pl.List(pl.Utf8)})
    else:
        firsts = m.with_columns(pl.col("document_id").replace_strict(paths, return_dtype=pl.Utf8).alias("_p")) \
            .group_by("entity_id").agg(pl.col("_p").min(), pl.col("surface").unique())
    return BucketSummary(resolved.entities, resolved.initiatives, firsts, mention_summary(m), m.height)


class _SummaryCache:
    """Bucket summaries under ``OUT/.cache/buckets/`` by fingerprint (whole files only)."""

    def __init__(self, root: Path) -> None:
        self.dir = root / ".cache" / "buckets"

    def _path(self, fp: str) -> Path:
        key = hashlib.sha256(f"{BUCKET_SUMMARY_VERSION}\0{pl.__version__}\0{fp}".encode()).hexdigest()
        return self.dir / f"{key[:40]}.pickle"

    def get(self, fp: str) -> BucketSummary | None:
        import pickle

        try:
            with open(self._path(fp), "rb") as fh:
                got = pickle.load(fh)
            return got if isinstance(got, BucketSummary) else None
        except Exception:  # missing, half-written by a killed run, or from another version
            return None

    def put(self, fp: str, summary: BucketSummary) -> None:
        import os
        import pickle

        path = self._path(fp)
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(summary, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass

    def prune(self, keep: Sequence[str]) -> None:
        """Drop summaries of buckets that are in no version any more (only the last one's kept)."""
        wanted = {self._path(fp).name for fp in keep}
        for p in self.dir.glob("*.pickle") if self.dir.is_dir() else ():
            if p.name not in wanted:
                p.unlink(missing_ok=True)


@dataclass
class _Merge:
    """Entity and initiative rows merged across buckets (resolution run per bucket)."""

    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    surfaces: dict[str, set[str]] = field(default_factory=dict)
    initiatives: dict[str, dict[str, Any]] = field(default_factory=dict)
    entity_columns: list[str] = field(default_factory=list)
    entity_schema: dict[str, Any] = field(default_factory=dict)
    initiative_schema: dict[str, Any] = field(default_factory=dict)

    def add(self, resolved: Any, paths: dict[str, str]) -> None:
        self.add_summary(bucket_summary(resolved, paths))

    def add_summary(self, summary: BucketSummary) -> None:
        from accords.schemas.enums import INITIATIVE_STATUSES

        self.entity_schema = dict(summary.entities.schema)
        self.initiative_schema = dict(summary.initiatives.schema)
        if summary.firsts.is_empty():
            return
        first = {r["entity_id"]: (r["_p"], r["surface"]) for r in summary.firsts.iter_rows(named=True)}
        for row in summary.entities.iter_rows(named=True):
            eid = row["entity_id"]
            p, surf = first[eid]
            self.surfaces.setdefault(eid, set()).update(surf)
            cur = self.entities.get(eid)
            if cur is None or p < cur["_first"]:
                counts = (cur["mention_count"], cur["document_count"]) if cur else (0, 0)
                cur = {**row, "_first": p, "mention_count": counts[0], "document_count": counts[1]}
                self.entities[eid] = cur
            cur["mention_count"] += row["mention_count"]
            cur["document_count"] += row["document_count"]
        for row in summary.initiatives.iter_rows(named=True):
            iid = row["initiative_id"]
            p = first[iid][0]
            cur = self.initiatives.get(iid)
            if cur is None:
                self.initiatives[iid] = {**row, "_first": p, "parties": set(row["parties"])}
                continue
            if p < cur["_first"]:
                for k in ("name", "acronym", "initiative_type"):
                    cur[k] = row[k]
                cur["_first"] = p

            def order(r: dict[str, Any]) -> tuple[bool, dt.date, str]:
                return (r["first_seen_date"] is None, r["first_seen_date"] or dt.date.min, r["first_document_id"])

            if order(row) < order(cur):
                cur["first_document_id"], cur["first_seen_date"] = row["first_document_id"], row["first_seen_date"]
            cur["parties"] |= set(row["parties"])
            cur["document_count"] += row["document_count"]
            statuses = [s for s in (cur["status"], row["status"]) if s]
            cur["status"] = max(statuses, key=INITIATIVE_STATUSES.index) if statuses else None

    def frames(self) -> tuple[pl.DataFrame, pl.DataFrame]:
        ents = []
        for eid, row in self.entities.items():
            out = {k: v for k, v in row.items() if k != "_first"}
            out["aliases"] = sorted(self.surfaces[eid] | {str(row["canonical_name"])})
            ents.append(out)
        inits = [{**{k: v for k, v in r.items() if k != "_first"}, "parties": sorted(r["parties"])}
                 for r in self.initiatives.values()]
        e_schema = self.entity_schema or ENTITY_SCHEMA
        i_schema = self.initiative_schema or INITIATIVE_SCHEMA
        return (pl.DataFrame(ents, schema=e_schema) if ents else pl.DataFrame(schema=ENTITY_SCHEMA),
                pl.DataFrame(inits, schema=i_schema) if inits else pl.DataFrame(schema=INITIATIVE_SCHEMA))


#: The cross-table rules that read the whole mentions table (besides the per-bucket ones).
_MENTION_FK = ("foreign_key", "mentions", "entity_id")
_MENTION_COUNTS = "entity_counts_match_mentions"


def _frame(table: Any) -> pl.DataFrame:
    """An Arrow table as a polars DataFrame (``pl.from_arrow`` is typed to return a Series too)."""
    out = pl.from_arrow(table)
    assert isinstance(out, pl.DataFrame)
    return out


def mention_summary(mentions: pl.DataFrame) -> pl.DataFrame:
    """Per entity: its mentions, its documents, and one document, for a bucket's mentions.

    The corpus-wide mention rules need only these (a bucket's documents are in no other
    bucket, so the counts add up across buckets), instead of every (document, entity) row:
    three million rows at 100k documents.
    """
    return mentions.group_by("entity_id", maintain_order=True).agg(
        pl.len().alias("_mentions"), pl.col("document_id").n_unique().alias("_documents"),
        pl.col("document_id").first().alias("_doc"))


_SUMMARY_SCHEMA = pl.Schema({"entity_id": pl.Utf8, "_mentions": pl.UInt32, "_documents": pl.UInt32,
                             "_doc": pl.Utf8})


def sum_mention_summaries(summaries: Sequence[pl.DataFrame]) -> pl.DataFrame:
    """:func:`mention_summary` frames of several buckets as one (counts added, the first
    ``_doc`` kept, entities in order of first appearance). Associative, so the bucket loop
    folds each bucket into a running total (bounded by the number of entities) instead of
    keeping one frame per bucket until the end."""
    if not summaries:
        return pl.DataFrame(schema=_SUMMARY_SCHEMA)
    return _compact(pl.concat([s.cast(_SUMMARY_SCHEMA) for s in summaries]).group_by(
        "entity_id", maintain_order=True).agg(pl.col("_mentions").sum(), pl.col("_documents").sum(),
                                              pl.col("_doc").first()))


def _compact(df: pl.DataFrame) -> pl.DataFrame:
    """``df`` with strings in buffers of its own.

    Polars strings are views into shared buffers: a group-by or a slice of a frame keeps the
    whole source buffers alive. A few thousand summary rows kept across buckets held every
    bucket's mention strings (~1.5 MB a bucket, a creep of ~100 MB over the 64 buckets of
    100k documents). A copy through Arrow (contiguous ``large_string``) drops them."""
    return _frame(df.to_arrow())


def mention_rules(rules: Sequence[Any], frames: dict[str, pl.DataFrame],
                  summaries: Sequence[pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Failing rows of the corpus-wide rules that read ``mentions``, from per-bucket
    :func:`mention_summary` frames (or running totals of them, :func:`sum_mention_summaries`);
    same answers as the rules on the whole table (failure samples show one document per
    entity). Keyed by rule name + column."""
    agg = sum_mention_summaries(summaries)
    mentioned = agg.select(pl.col("_doc").alias("document_id"), "entity_id")  # one row per entity
    out: dict[str, pl.DataFrame] = {}
    for rule in rules:
        key = f"{rule.name}:{rule.column}"
        if (rule.name, rule.table, rule.column) == _MENTION_FK:
            ids = frames["entities"].select("entity_id").unique()
            bad = agg.join(ids, on="entity_id", how="anti")
            # one row per failing mention, as the rule counts them
            out[key] = bad.select(pl.col("_doc").alias("document_id"), "entity_id",
                                  pl.col("_mentions").alias("_n")).select(
                pl.all().repeat_by("_n").explode()).drop("_n") if bad.height else \
                bad.select(pl.col("_doc").alias("document_id"), "entity_id")
        elif rule.name == _MENTION_COUNTS:
            e = frames["entities"].join(agg.select("entity_id", "_mentions", "_documents"), on="entity_id",
                                        how="left")
            out[key] = e.filter(
                (pl.col("mention_count") != pl.col("_mentions").fill_null(0))
                | (pl.col("document_count") != pl.col("_documents").fill_null(0))
            ).drop("_mentions", "_documents")
        else:  # the rest need at most which entities are mentioned
            # Lazily: the run passes ``sources`` and ``documents`` as scans of its spill files.
            lazy: Any = {t: f.lazy() for t, f in {**frames, "mentions": mentioned}.items()}
            got: Any = rule.failing_rows(lazy)
            out[key] = got.collect() if isinstance(got, pl.LazyFrame) else got
    return out


def _contract_frame(table: str, df: pl.DataFrame, problems: list[Any]) -> pl.DataFrame:
    cast, bad = cast_to_contract(table, df)
    problems.extend(bad)
    return cast.sort(list(TABLES[table].sort_by)) if not bad else cast


def run(
    input_dir: str | Path = "seeds",
    out: str | Path = "outputs",
    kb_files: Sequence[str | Path] = (),
    progress: Progress | None = None,
    *,
    engine: str = "local",
    workers: int = 0,
    ray_address: str | None = None,
    timings: dict[str, float] | None = None,
    write_report: bool = True,
    require_consumers: str | Path | None = None,
    rehash: bool = False,
) -> RunResult:
    """Process every file under ``input_dir`` and publish a new version under ``out``.

    Publishes nothing (and says so) when the inputs, code and knowledge base are
    unchanged since CURRENT. Raises :class:`ContractViolation` (publishing
    nothing) when any table breaks its contract; the JSON report is also
    written to ``OUT/last-validation-error.json``.

    Per-document work runs on ``engine`` (``local``: ``workers`` processes, 0 =
    one per CPU; ``ray``: Ray Data at ``ray_address`` or a local cluster) and is
    cached under ``OUT/.cache``, so a re-run (or a killed run started again) only
    processes new or changed files. ``timings`` (if given) receives seconds per stage.

    Each version gets a ``report.html`` (unless ``write_report`` is False). With
    ``require_consumers`` (a folder of ``.sql`` files) CURRENT moves to the new
    version only if every query binds against it; otherwise the version stays
    published but not current and :class:`~accords.consumers.ConsumerQueryError`
    is raised (``accords promote`` moves CURRENT once the queries are fixed).

    A file whose stat (size, mtime, ctime, inode, device) is unchanged since the previous
    run, and was safely old then, is not read again to find its sha256 (see
    :mod:`accords.etl.statindex`), and duplicates are re-decided only where a change can
    reach (:mod:`accords.etl.dupindex`); ``rehash=True`` reads and hashes every file and
    redoes the corpus-wide duplicate pass.
    """
    import time

    import pyarrow as pa
    import pyarrow.compute as pc
    from accords.etl.cache import ResultCache, prune_stale
    from accords.etl.cache import namespace as cache_namespace
    from accords.etl.engine import (
        CHUNK_FILES,
        DOC_FIELDS,
        LocalEngine,
        get_engine,
    )
    from accords.etl.publish import (
        commit_version,
        link_part,
        stage_version,
        write_part,
        write_part_chunks,
    )
    from accords.schemas.relations import RULES
    from accords.schemas.validate import combine_results, validate_table

    # Arrow's default allocator (mimalloc) keeps what a bucket freed for later, so the
    # driver's RSS climbed with every read of the cache; the system allocator gives large
    # blocks back. Process-wide, and harmless for whatever else uses pyarrow here.
    pa.set_memory_pool(pa.system_memory_pool())
    clock = time.perf_counter()
    stage_times: dict[str, float] = timings if timings is not None else {}

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        stage_times[name] = stage_times.get(name, 0.0) + now - clock
        clock = now

    root = Path(input_dir)
    layout = Layout(Path(out))
    # Checked before any work, so a mistyped folder costs nothing.
    consumer_gate = _consumer_gate(layout, require_consumers) if require_consumers is not None else None
    entries = ingest.discover(root)
    # The driver needs only the KB's digest: the workers load the KB itself (from the
    # compiled-KB cache), so the driver never holds the place-name tables. A user's KB
    # file is still read here, so a malformed one fails before any work.
    extra_kb = tuple(Path(p).resolve() for p in kb_files)
    for path in extra_kb:
        kb_mod.read_csv(path)
    kb = SimpleNamespace(digest=kb_mod.digest(extra_kb))
    kb_arg = tuple(str(Path(p).resolve()) for p in kb_files)
    lap("discover")
    with locked(layout):
        shutil.rmtree(layout.staging, ignore_errors=True)  # leftovers of a killed run
        namespace = cache_namespace(EXTRACTOR_VERSION, kb.digest)
        cache = ResultCache(layout.root / ".cache", namespace)
        skip = frozenset(cache.keys())
        file_parts: list[pa.Table] = []
        todo = entries
        # Stat every file before anything reads it (the stat index's safety rests on that order).
        stat_index = StatIndex(layout.root / ".cache")
        stat_started = statindex.now_ns()
        entry_paths = [e.source_path for e in entries]
        stats = statindex.stat_files(root, [e.fs_path or e.source_path for e in entries])
        lap("stat")
        if skip:
            # Warm cache: find every file's sha256 (from the stat index when its stat is
            # unchanged and old enough, else by hashing it here: about the I/O floor) and send
            # only new or changed files to the engine, so adding one file does not start a
            # cluster's worth of work.
            known = [None] * len(entries) if rehash else stat_index.lookup(entry_paths, stats)
            hit: list[tuple[str, str, int | None]] = []
            todo = []
            sizes = stats["size"]
            for i, e in enumerate(entries):
                k = known[i]
                if k is not None and k in skip and not e.problem_code:
                    hit.append((e.source_path, k, int(sizes[i])))
                    continue
                raw_file = ingest.read(root, e)
                sha = raw_file.sha256
                if sha is not None and sha in skip:
                    hit.append((raw_file.source_path, sha, raw_file.size))
                else:
                    todo.append(e)
            file_parts.append(pa.table({
                "source_path": pa.array([h[0] for h in hit], pa.string()),
                "key": pa.array([h[1] for h in hit], pa.string()),
                "size": pa.array([h[2] for h in hit], pa.int64()),
                "error_code": pa.array([None] * len(hit), pa.string()),
            }))
            del known, hit  # a Python tuple and a key string per file: ~200 B a file
            lap("hash")
        eng = get_engine(engine, workers, ray_address)
        if engine == "local" and len(todo) <= CHUNK_FILES:
            eng = LocalEngine(1)  # starting processes costs more than a chunk of files
        items = ((root, tuple(todo[i:i + CHUNK_FILES])) for i in range(0, len(todo), CHUNK_FILES))
        uncached_sources: list[pa.Table] = []
        done = 0
        try:
            for res in eng.map(items, kb_arg, skip):
                cache.add(res)
                file_parts.append(res.select(["source_path", "key", "size", "error_code"]))
                nokey = res.filter(pc.is_null(res.column("key")))
                if nokey.num_rows:
                    uncached_sources.append(nokey.select(["source_path", "key", "size", "status", "reason_code",
                                                          "reason", "document_id"]))
                done += res.num_rows
                if progress:
                    progress(done, len(todo))
        finally:
            cache.flush()  # an interrupted run keeps what it computed; the next one resumes
        # Per-file Python objects (entries, cached-key sets) are not needed past this point;
        # dropped now, they are not under everything the global steps allocate.
        n_entries = len(entries)
        del entries, todo, items, skip
        cache.forget_keys()
        lap("process")
        files = (_frame(pa.concat_tables(file_parts, promote_options="permissive")) if file_parts else pl.DataFrame(
            schema={"source_path": pl.Utf8, "key": pl.Utf8, "size": pl.Int64, "error_code": pl.Utf8})).sort("source_path")
        del file_parts
        # ``files`` is sorted by path as ``entries`` are, one row each: the stats line up with it
        # without a join (a join of a million paths is a few hundred MB); checked, else joined.
        if files.height == len(entry_paths) and all(
                a == b for a, b in zip(entry_paths, files["source_path"], strict=True)):
            stat_index.save(files["source_path"], stats, files["key"], stat_started)
        else:
            paths_s = pl.Series("source_path", entry_paths, dtype=pl.Utf8)
            keys_in_entry_order = paths_s.to_frame().join(
                files.select("source_path", "key"), on="source_path", how="left", maintain_order="left")["key"]
            stat_index.save(paths_s, stats, keys_in_entry_order, stat_started)
            del paths_s, keys_in_entry_order
        del entry_paths
        del stats
        release_memory()
        lap("stat")
        digest = input_digest(files.iter_rows(), kb.digest)
        current = layout.current_version()
        prev = layout.manifest(current) if current else {}
        if current and prev.get("input_digest") == digest:
            counts = {t: int(prev["row_counts"][t]) for t in TABLES}
            report_path = layout.version_dir(current) / REPORT_FILE
            return RunResult(current, False, layout.root, counts,
                             dict(prev.get("sources_by_status", {})),
                             report_path=report_path if report_path.is_file() else None)

        # Global step 1: sources and duplicates, from small per-file summaries only.
        # Whole columns, no key filter: the joins below drop rows of files no longer present
        # (a filter on 100k keys hashed the key set once per segment: seconds and 200 MB).
        statuses = _frame(cache.read(["h", "status", "reason_code", "reason", "document_id"]))
        keyed = files.filter(pl.col("key").is_not_null()).join(statuses, on="key", how="left")
        del statuses, files
        accepted = keyed.filter(pl.col("status") == "accepted").sort("source_path")
        # Duplicates from the persistent LSH index when it is there and few documents changed
        # (only what the changes can reach is decided again; the same answer as a full pass),
        # else a full pass over every signature, which rebuilds the index.
        dup_index = DupIndex(layout.root / ".cache", namespace)
        # The incremental pass takes the columns themselves (no Python string per document).
        answer = None if rehash else dup_index.incremental(
            accepted["source_path"], accepted["key"], accepted["document_id"],
            lambda ks: cache.read_keys(["minhash"], ks))
        if answer is None:
            # Out of core: signatures (1 kB a document) go segment by segment to the index's
            # signature file, never into one matrix; the pass reads them back in blocks.
            answer = dup_index.full_stream(accepted["source_path"], accepted["key"], accepted["document_id"],
                                           lambda: cache.iter_segments(["minhash"]))
        dup_df = answer.filter(pl.col("_code").is_not_null()).select(
            pl.col("path").alias("source_path"), "_code", "_reason", "_doc")
        del answer
        release_memory()
        lap("dedupe")
        src_cols = ["source_path", "key", "size", "status", "reason_code", "reason", "document_id"]
        src = pl.concat([keyed.select(src_cols),
                         *(_frame(t) for t in uncached_sources)], how="vertical_relaxed")
        src = src.join(dup_df, on="source_path", how="left").with_columns(
            pl.when(pl.col("_code").is_not_null()).then(pl.lit("duplicate")).otherwise(pl.col("status")).alias("status"),
            pl.coalesce("_code", "reason_code").alias("reason_code"),
            pl.coalesce("_reason", "reason").alias("reason"),
            pl.coalesce("_doc", "document_id").alias("document_id"),
        ).select(
            "source_path", pl.col("key").alias("source_sha256"), pl.col("size").alias("bytes"),
            "status", "reason_code", "reason", "document_id")
        kept = accepted.join(dup_df.select("source_path"), on="source_path", how="anti", maintain_order="left") \
            .select("source_path", "key", "document_id", "h")
        del keyed, accepted, dup_df, uncached_sources
        # ``sources`` (one row per file) and the kept documents' keys go to spill files until
        # they are needed: the bucket loop reads one bucket's keys at a time, and publishing
        # validates and writes ``sources`` in row-group chunks (see etl/spill.py).
        bits = bucket_bits(n_entries)
        spill = Spill(layout.staging / SPILL_DIR)
        n_sources = spill.put_sources(src)
        bucket_order = spill.put_kept(
            kept.with_columns((pl.col("h") // (1 << (32 - bits))).cast(pl.Int64).alias("_b")))
        del src, kept
        release_memory()  # what the steps above freed, before the bucket loop allocates

        # Global step 2: per bucket, documents + mentions written (or linked when unchanged),
        # resolve_candidates() run on the bucket, entities/initiatives merged across buckets.
        prev_fps = prev.get("bucket_fingerprints", {}) if prev.get("bucket_bits") == bits else {}
        prev_files = {f["path"]: f for f in prev.get("files", [])}
        version_id, stage = stage_version(layout, digest)
        files_out: list[dict[str, Any]] = []
        problems: list[Any] = []
        results: list[Any] = []
        merge = _Merge()
        mention_sums: list[pl.DataFrame] = []
        summaries = _SummaryCache(layout.root)
        fingerprints: dict[str, str] = {}
        counts = {t: 0 for t in TABLES}
        doc_cols = ["document_id", "source_path", "source_sha256", *DOC_FIELDS]
        for b in bucket_order:
            group = spill.bucket(b)
            fp = hashlib.sha256(json.dumps([bits, namespace, CONTRACT_VERSION, accords_version(),
                                            group.select("source_path", "key").rows()]).encode()).hexdigest()
            fingerprints[str(b)] = fp
            parts = {t: f"{t}/part-{b:05d}.parquet" for t in ("documents", "mentions")}
            reuse = prev_fps.get(str(b)) == fp and all(p in prev_files for p in parts.values())
            cached_sum = summaries.get(fp) if reuse else None
            if cached_sum is not None:  # unchanged bucket, resolved before: nothing to read or resolve
                merge.add_summary(cached_sum)
                mention_sums = [sum_mention_summaries([*mention_sums, cached_sum.mentions])]
                counts["documents"] += group.height
                counts["mentions"] += cached_sum.mention_rows
                for p in parts.values():
                    files_out.append(link_part(layout.version_dir(str(current)), prev_files[p], stage))
                lap("write")
                continue
            lo = b << (32 - bits) if bits else 0
            hi = (b + 1) << (32 - bits) if bits else 1 << 32
            cols = ["published_date", "candidates"] if reuse else [*DOC_FIELDS, "candidates"]
            rows = _frame(cache.read(cols, keys=group["key"].to_arrow(), h_range=(lo, hi)))
            docs = group.join(rows.drop("document_id", strict=False), on="key", how="left").sort("source_path")
            # The join copied every column: the rows as read are not needed again (held, they
            # were a second copy of the bucket's texts and candidates under resolution's peak).
            del rows
            lap("read")
            # On the columns as read: no Candidate objects (see etl/extract/resolve.py).
            resolved = resolve_candidates(docs.select("document_id", "published_date", "candidates"))
            bucket_sum = bucket_summary(resolved, dict(zip(docs["document_id"], docs["source_path"], strict=True)))
            summaries.put(fp, bucket_sum)
            merge.add_summary(bucket_sum)
            mention_sums = [sum_mention_summaries([*mention_sums, bucket_sum.mentions])]
            counts["documents"] += docs.height
            counts["mentions"] += resolved.mentions.height
            lap("resolve")
            # This bucket's rows are dropped before the next bucket's are read (else two
            # buckets' worth are alive while the next one is built), and the candidates
            # column (the largest) as soon as resolution has read it.
            del bucket_sum
            docs = docs.drop("candidates")
            if reuse:
                del docs, resolved
                for p in parts.values():
                    files_out.append(link_part(layout.version_dir(str(current)), prev_files[p], stage))
                lap("write")
                continue
            frames = {
                "documents": _contract_frame("documents", docs.rename({"key": "source_sha256"}).select(doc_cols), problems),
                "mentions": _contract_frame("mentions", resolved.mentions, problems),
            }
            del docs, resolved  # the contract frames are what is checked and written
            results.extend(validate_table("documents", frames["documents"]))
            results.extend(validate_table("mentions", frames["mentions"]))
            for rule in RULES:
                if _is_bucket_rule(rule):
                    bad = rule.failing_rows(frames)
                    if not bad.is_empty():
                        from accords.schemas.validate import CheckResult
                        results.append(CheckResult(rule.table, rule.column, rule.name, False, bad.height,
                                                   bad.head(5).drop("text", strict=False).to_dicts()))
            lap("validate")
            for t, p in parts.items():
                if frames[t].height or bits == 0:
                    files_out.append(write_part(frames[t], stage, p, t))
            del frames
            release_memory(collect=False)
            lap("write")

        summaries.prune(list(fingerprints.values()))
        release_memory()
        entities, initiatives = merge.frames()
        del merge
        small = {
            "entities": _contract_frame("entities", entities, problems),
            "initiatives": _contract_frame("initiatives", initiatives, problems),
        }
        del entities, initiatives
        for t in small:
            results.extend(validate_table(t, small[t]))
        # ``sources`` chunk by chunk: cast, pandera, written to the stage (removed if the
        # report fails); uniqueness of its key checked on the whole column.
        sources_by_status: dict[str, int] = {}
        source_results: list[list[Any]] = []

        def source_chunks() -> Iterable[pl.DataFrame]:
            for chunk in spill.sources_chunks(n_sources):
                chunk = _contract_frame("sources", chunk, problems)
                source_results.append(validate_table("sources", chunk))
                for r in chunk.group_by("status").len().iter_rows():
                    sources_by_status[str(r[0])] = sources_by_status.get(str(r[0]), 0) + int(r[1])
                yield chunk

        sources_part = write_part_chunks(source_chunks(), stage, "sources/part-00000.parquet", "sources")
        results.extend(spill.sources_uniqueness(combine_results(source_results), len(source_results)))
        source_results.clear()
        # Cross-table rules on the whole corpus, with the big tables reduced to their keys
        # and read from the spill files (lazily: only the columns a rule needs).
        reduced: dict[str, Any] = {**small, "sources": spill.sources_frame(), "documents": spill.documents_frame()}
        from accords.schemas.validate import CheckResult
        corpus_rules = [r for r in RULES if not _is_bucket_rule(r)]
        failing = mention_rules(corpus_rules, reduced, mention_sums)
        del mention_sums
        for rule in RULES:
            if _is_bucket_rule(rule):
                results.append(CheckResult(rule.table, rule.column, rule.name, True))  # failures added above
                continue
            bad = failing[f"{rule.name}:{rule.column}"]
            results.append(CheckResult(rule.table, rule.column, rule.name, bad.is_empty(), bad.height,
                                       bad.head(5).drop("text", strict=False).to_dicts()))
        if not spill.documents_unique():
            results.append(CheckResult("documents", "document_id", "field_uniqueness", False, 1))
        report = ValidationReport(problems + results)
        del reduced, failing, results
        lap("validate")
        try:
            if not report.ok:
                raise ContractViolation(report.summary(), report.as_dict())
        except ContractViolation as exc:
            shutil.rmtree(stage, ignore_errors=True)
            spill.remove()
            (layout.root / "last-validation-error.json").write_text(
                json.dumps(exc.report, indent=2, sort_keys=True, default=str), encoding="utf-8")
            raise
        for t, df in small.items():
            files_out.append(write_part(df, stage, f"{t}/part-00000.parquet", t))
            counts[t] = df.height
        files_out.append(sources_part)
        counts["sources"] = n_sources
        del small
        spill.remove()
        for t in ("documents", "mentions"):
            if not any(f["table"] == t for f in files_out):
                files_out.append(write_part(
                    _contract_frame(t, pl.DataFrame(schema=polars_schema(t)), problems), stage, f"{t}/part-00000.parquet", t))
        release_memory()  # before the report, which reads the staged version back
        extra: dict[str, Any] = {
            "kb_digest": kb.digest,
            "extractor_version": EXTRACTOR_VERSION,
            "sources_by_status": sources_by_status,
            "created_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
            "validation": {"checks": len(report.results), "failed": 0},
            "bucket_bits": bits,
            "bucket_fingerprints": fingerprints,
            "cache_namespace": namespace,
        }
        notes: list[str] = []
        render = _report_renderer(layout, version_id, report, notes) if write_report else None
        version_id = commit_version(layout, version_id, stage, files_out, counts, extra, digest,
                                    render=render, gate=consumer_gate)
        prune_stale(layout.root / ".cache", namespace)
        lap("write")
    report_path = layout.version_dir(version_id) / REPORT_FILE
    return RunResult(version_id, True, layout.root, counts, sources_by_status, report,
                     report_path if report_path.is_file() else None, notes)
