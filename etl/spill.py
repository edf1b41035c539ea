"""A run's per-file tables on disk, from the duplicate step to publishing.

``sources`` and the kept documents' keys grow with the corpus (one row per input file); the
run spills them to Parquet under ``OUT/.staging/spill/`` and reads them back by bucket, in
row-group chunks or as lazy scans, so that they are never held whole in memory (see
benchmarks/README.md, "perf9").
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import polars as pl
from accords.etl.publish import ROW_GROUP_ROWS

#: Under ``OUT/.staging/`` (removed at the start of every run): a run's spill files.
SPILL_DIR = "spill"
#: Rows per row group of the kept documents' spill file (a bucket read skips the others).
_SPILL_KEPT_ROWS = 1024


class Spill:
    """The run's per-file tables on disk from the duplicate step to publishing.

    ``sources`` (one row per input file) and the kept documents' keys (path, key, id,
    bucket) are needed whole only at the end, and the bucket loop needs one bucket's
    keys at a time; held in memory they were under the loop's and the report's peak, and
    grew with the corpus (~230 B a file). Written once (uncompressed-ish, lz4), read back
    by bucket (row groups pruned by the bucket column's statistics), in ``ROW_GROUP_ROWS``
    chunks (sources: validated and written chunk by chunk), or as lazy scans (the
    corpus-wide rules read only the columns they need)."""

    def __init__(self, folder: Path) -> None:
        from accords.errors import OutputError

        shutil.rmtree(folder, ignore_errors=True)
        try:
            folder.mkdir(parents=True)
        except OSError as exc:  # as stage_version says it
            raise OutputError(f"cannot write to output folder {folder.parent.parent}: {exc.strerror}") from exc
        self.dir = folder
        self.sources = folder / "sources.parquet"
        self.kept = folder / "kept.parquet"
        self._sources_schema: pl.Schema = pl.Schema()

    def put_sources(self, src: pl.DataFrame) -> int:
        """Spill ``sources`` in its contract order (by path); its row count."""
        self._sources_schema = src.schema
        src.sort("source_path").write_parquet(self.sources, compression="lz4", row_group_size=ROW_GROUP_ROWS)
        return src.height

    def sources_chunks(self, n: int) -> Iterable[pl.DataFrame]:
        """``sources`` in path order, ``ROW_GROUP_ROWS`` rows a chunk (the part file's row
        groups); one empty frame for an empty table."""
        if n == 0:
            yield pl.DataFrame(schema=self._sources_schema)
            return
        scan = pl.scan_parquet(self.sources)
        for off in range(0, n, ROW_GROUP_ROWS):
            yield scan.slice(off, ROW_GROUP_ROWS).collect()

    def sources_frame(self) -> pl.LazyFrame:
        return pl.scan_parquet(self.sources)

    def sources_uniqueness(self, results: list[Any], chunks: int) -> list[Any]:
        """pandera's results on the chunks, with ``source_path``'s uniqueness checked on
        the whole column (pandera saw one chunk at a time)."""
        if chunks <= 1:
            return results
        dup = pl.scan_parquet(self.sources).filter(pl.col("source_path").is_duplicated()).collect()
        if not dup.is_empty():
            for r in results:
                if (r.column, r.check) == ("source_path", "field_uniqueness"):
                    r.passed, r.failure_count = False, max(r.failure_count, dup.height)
                    r.sample = r.sample or dup.head(5).to_dicts()
        return results

    def put_kept(self, kept: pl.DataFrame) -> list[int]:
        """Spill the kept documents' keys grouped by bucket (``_b``), in path order within
        one; the buckets in order of their first path (the order the loop visits them)."""
        kept = kept.sort("source_path")
        order = [int(b) for b in kept["_b"].unique(maintain_order=True).to_list()]
        kept.sort("_b", maintain_order=True).write_parquet(
            self.kept, compression="lz4", row_group_size=_SPILL_KEPT_ROWS, statistics=True)
        return order

    def bucket(self, b: int) -> pl.DataFrame:
        """One bucket's kept documents (source_path, key, document_id, h, _b), by path."""
        return pl.scan_parquet(self.kept).filter(pl.col("_b") == b).collect()

    def documents_frame(self) -> pl.LazyFrame:
        """The documents table reduced to its keys, as the corpus-wide rules take it."""
        return pl.scan_parquet(self.kept).select("document_id", "source_path").with_columns(
            pl.lit(None, pl.Utf8).alias("text"))

    def documents_unique(self) -> bool:
        n, distinct = pl.scan_parquet(self.kept).select(pl.len(), pl.col("document_id").n_unique()).collect().row(0)
        return bool(n == distinct)

    def remove(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)
