"""The knowledge base: curated entries loaded from CSV data files.

Every file (the package's own under ``etl/kb/`` and any a user adds) has the
columns ``key,entity_type,canonical_name,aliases,iso3,subtype,acronym,parties``
with ``|`` between list items. ``digest`` changes whenever any entry changes,
so cached per-document results can be invalidated.
"""

from __future__ import annotations

import csv
import functools
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

KB_DIR = Path(__file__).resolve().parent.parent / "kb"
#: Package data files with other columns (read by the extractor, not entity lists).
AUXILIARY_FILES = frozenset({"demonyms.csv", "ambiguous.csv"})
COLUMNS = ("key", "entity_type", "canonical_name", "aliases", "iso3", "subtype", "acronym", "parties")


@dataclass(frozen=True)
class Entry:
    """One curated entity."""

    key: str
    entity_type: str
    canonical_name: str
    aliases: tuple[str, ...] = ()
    iso3: str | None = None
    subtype: str | None = None
    acronym: str | None = None
    parties: tuple[str, ...] = ()


@dataclass
class KnowledgeBase:
    """Entries by key, and the digest of everything they were loaded from."""

    entries: dict[str, Entry] = field(default_factory=dict)
    digest: str = ""

    def surface_forms(self) -> Iterable[tuple[str, Entry]]:
        for e in self.entries.values():
            yield e.canonical_name, e
            for a in e.aliases:
                yield a, e


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def read_csv(path: Path) -> list[Entry]:
    """Entries of one KB file; a missing required column is an error naming the file."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"key", "entity_type", "canonical_name"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"knowledge-base file {path} lacks columns {sorted(missing)}")
        return [
            Entry(
                key=row["key"].strip(),
                entity_type=row["entity_type"].strip(),
                canonical_name=row["canonical_name"].strip(),
                aliases=_split(row.get("aliases")),
                iso3=(row.get("iso3") or "").strip().upper() or None,
                subtype=(row.get("subtype") or "").strip() or None,
                acronym=(row.get("acronym") or "").strip() or None,
                parties=_split(row.get("parties")),
            )
            for row in reader
            if (row.get("key") or "").strip()
        ]


def load(extra: Sequence[Path] = ()) -> KnowledgeBase:
    """The package's KB files plus ``extra`` ones (later files override earlier keys)."""
    files = sorted(KB_DIR.glob("*.csv")) + [Path(p) for p in extra]
    h = hashlib.sha256()
    kb = KnowledgeBase()
    for path in files:
        data = path.read_bytes()
        h.update(path.name.encode() + b"\0" + data + b"\0")
        if path.parent == KB_DIR and path.name in AUXILIARY_FILES:
            continue
        for entry in read_csv(path):
            if entry.entity_type in {"country", "organization", "person", "location", "initiative"}:
                kb.entries[entry.key] = entry
    kb.digest = h.hexdigest()
    return kb


@functools.lru_cache(maxsize=8)
def cached(extra: tuple[Path, ...] = ()) -> KnowledgeBase:
    """A process-wide loaded KB (loading parses a few thousand rows)."""
    return load(extra)
