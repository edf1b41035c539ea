"""Columnar resolution equals the row-by-row code it replaced.

``_reference`` is that code (the body of ``resolve()`` before it worked on columns), kept
here as the oracle: hypothesis draws candidate sets built to hit its corner cases
(repeated mention ids, one key under two types, empty keys and statuses, undated and
repeated documents, party spans that hit an actor, a non-actor, two actors or nothing)
and the frames must be equal, row order and dtypes included. Parties are the one rule
that changed since: they were every actor of the initiative's sentences, they are now the
actors at the offsets extraction names (``party_spans``), in the same document.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import polars as pl
import pyarrow as pa
from accords.etl import ingest
from accords.etl.extract import kb as kb_mod
from accords.etl.extract.candidates import Candidate
from accords.etl.extract.find import extract
from accords.etl.extract.resolve import (
    DocCandidates,
    Resolved,
    candidate_key,
    initiative_type,
    resolve,
    resolve_candidates,
)
from accords.etl.ids import entity_id, mention_id, mention_ids
from accords.schemas.enums import INITIATIVE_STATUSES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

ROOT = Path(__file__).resolve().parent.parent
_ACTOR_TYPES = {"country", "organization"}


def _reference(docs: Sequence[DocCandidates]) -> Resolved:
    """resolve() as it was: a Python loop over the candidates, dicts and sets."""
    info: dict[str, dict[str, object]] = {}
    surfaces: dict[str, set[str]] = defaultdict(set)
    mention_rows: dict[str, dict[str, object]] = {}
    actors_at: dict[tuple[str, int, int], set[str]] = defaultdict(set)
    initiative_sentences: dict[str, set[tuple[str, int]]] = defaultdict(set)
    party_spans: dict[str, set[tuple[str, int, int]]] = defaultdict(set)
    statuses: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        for c in doc.candidates:
            key = candidate_key(c)
            eid = entity_id(key)
            if key not in info:
                info[key] = {"type": c.entity_type, "canonical": c.canonical, "iso3": c.iso3,
                             "subtype": c.subtype, "acronym": c.acronym,
                             "source": "knowledge_base" if c.key else "pattern"}
            surfaces[key].add(c.surface)
            mid = mention_id(doc.document_id, c.start, c.end, eid)
            mention_rows[mid] = {
                "mention_id": mid, "document_id": doc.document_id, "entity_id": eid,
                "start_char": c.start, "end_char": c.end, "surface": c.surface,
                "method": c.method, "sentence_index": c.sentence_index,
            }
            if c.entity_type in _ACTOR_TYPES:
                actors_at[(doc.document_id, c.start, c.end)].add(eid)
            if c.entity_type == "initiative":
                initiative_sentences[key].add((doc.document_id, c.sentence_index))
                party_spans[key].update((doc.document_id, a, b) for a, b in c.party_spans)
                if c.status:
                    statuses[key].append(c.status)

    mentions = pl.DataFrame(
        list(mention_rows.values()),
        schema={"mention_id": pl.Utf8, "document_id": pl.Utf8, "entity_id": pl.Utf8,
                "start_char": pl.Int64, "end_char": pl.Int64, "surface": pl.Utf8,
                "method": pl.Utf8, "sentence_index": pl.Int64},
    )
    counts = mentions.group_by("entity_id").agg(
        pl.len().cast(pl.Int64).alias("mention_count"),
        pl.col("document_id").n_unique().cast(pl.Int64).alias("document_count"),
    )
    entities = pl.DataFrame(
        [
            {"entity_id": entity_id(k), "entity_type": v["type"], "canonical_name": v["canonical"],
             "aliases": sorted(surfaces[k] | {str(v["canonical"])}), "iso3": v["iso3"],
             "entity_key": k, "source": v["source"], "subtype": v["subtype"]}
            for k, v in info.items()
        ],
        schema={"entity_id": pl.Utf8, "entity_type": pl.Utf8, "canonical_name": pl.Utf8,
                "aliases": pl.List(pl.Utf8), "iso3": pl.Utf8, "entity_key": pl.Utf8,
                "source": pl.Utf8, "subtype": pl.Utf8},
    ).join(counts, on="entity_id", how="left")

    dates = {d.document_id: d.published_date for d in docs}
    rows = []
    for key, where in initiative_sentences.items():
        v = info[key]
        eid = entity_id(key)
        doc_ids = sorted({d for d, _ in where},
                         key=lambda d: (dates[d] is None, dates[d] or dt.date.min, d))
        parties = set().union(*(actors_at[w] for w in party_spans[key])) - {eid}
        status = sorted(set(statuses[key]), key=INITIATIVE_STATUSES.index)
        rows.append({
            "initiative_id": eid, "name": v["canonical"], "acronym": v["acronym"],
            "initiative_type": initiative_type(str(v["subtype"]) if v["subtype"] else None),
            "status": status[-1] if status else None, "parties": sorted(parties),
            "first_document_id": doc_ids[0], "first_seen_date": dates[doc_ids[0]],
            "document_count": len(doc_ids),
        })
    initiatives = pl.DataFrame(
        rows,
        schema={"initiative_id": pl.Utf8, "name": pl.Utf8, "acronym": pl.Utf8,
                "initiative_type": pl.Utf8, "status": pl.Utf8, "parties": pl.List(pl.Utf8),
                "first_document_id": pl.Utf8, "first_seen_date": pl.Date,
                "document_count": pl.Int64},
    )
    return Resolved(entities, mentions, initiatives)


def _assert_same(got: Resolved, want: Resolved) -> None:
    assert_frame_equal(got.mentions, want.mentions)
    assert_frame_equal(got.entities, want.entities)
    assert_frame_equal(got.initiatives, want.initiatives)


# Small pools, so that keys, canonicals, spans and sentences collide often.
_TYPES = ("country", "organization", "person", "location", "initiative")
_candidates = st.builds(
    Candidate,
    start=st.integers(0, 6),
    end=st.integers(7, 9),
    surface=st.sampled_from(["China", "Ćhina", "BRI", "the Belt", "Pakistan", "Zürich", "b", "B"]),
    entity_type=st.sampled_from(_TYPES),
    canonical=st.sampled_from(["China", "Belt and Road", "Zürich Forum", "Ünïcode", "!!", "B R I"]),
    method=st.sampled_from(["knowledge_base", "org_pattern", "acronym"]),
    key=st.sampled_from([None, None, "", "country:chn", "org:un", "init:bri"]),
    sentence_index=st.integers(0, 3),
    subtype=st.sampled_from([None, "", "economic corridor", "Security-Initiative", "treaty", "x"]),
    iso3=st.sampled_from([None, "CHN", "PAK"]),
    acronym=st.sampled_from([None, "BRI", "CPEC"]),
    status=st.sampled_from([None, "", *INITIATIVE_STATUSES]),
    party_spans=st.lists(st.tuples(st.integers(0, 6), st.integers(7, 9)), max_size=3).map(tuple),
)
_docs = st.lists(
    st.builds(
        DocCandidates,
        document_id=st.sampled_from(["doc_a", "doc_b", "doc_c", "doc_é", "doc_0"]),
        published_date=st.sampled_from([None, dt.date(2020, 1, 1), dt.date(2021, 6, 30), dt.date(1999, 12, 31)]),
        candidates=st.lists(_candidates, max_size=12).map(tuple),
    ),
    max_size=8,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_docs)
def test_columnar_resolve_equals_row_by_row(docs: list[DocCandidates]) -> None:
    _assert_same(resolve(docs), _reference(docs))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=8), st.integers(-10**12, 10**12),
                          st.integers(0, 10**6), st.text(max_size=8)), max_size=20))
def test_mention_ids_column_equals_mention_id(rows: list[tuple[str, int, int, str]]) -> None:
    frame = pl.DataFrame(rows, schema={"document_id": pl.Utf8, "start_char": pl.Int64,
                                       "end_char": pl.Int64, "entity_id": pl.Utf8}, orient="row")
    assert mention_ids(frame).to_list() == [mention_id(*r) for r in rows]


def test_empty_input_gives_typed_empty_tables() -> None:
    _assert_same(resolve([]), _reference([]))
    _assert_same(resolve([DocCandidates("doc_a", None, ())]), _reference([DocCandidates("doc_a", None, ())]))


def test_real_extractions_resolve_the_same(kb: kb_mod.KnowledgeBase) -> None:
    """On real text (the seeds and the gold clean texts), dated, not all dated."""
    texts = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "gold").glob("*/*.clean.txt"))[:40]
    docs = [DocCandidates(f"doc_{i:04d}", dt.date(2020, 1, 1 + i % 28) if i % 3 else None,
                          tuple(extract(p.read_text(encoding="utf-8"), kb)))
            for i, p in enumerate(texts)]
    assert sum(len(d.candidates) for d in docs) > 500
    _assert_same(resolve(docs), _reference(docs))


def test_pipeline_column_resolves_like_candidate_objects() -> None:
    """The cached ``candidates`` column (Arrow list<struct>, sliced and chunked, with an
    empty document) resolves as the Candidate objects it was built from."""
    from accords.etl.engine import process_batch, read_batch
    from accords.etl.pipeline import process_raw

    root = ROOT / "seeds"
    entries = ingest.discover(root)
    table = process_batch(read_batch(root, entries))
    assert table.column("candidates").combine_chunks().value_lengths().to_pylist().count(0) == 0
    empty = table.slice(0, 1).set_column(
        table.schema.get_field_index("candidates"), "candidates",
        pa.array([[]], table.schema.field("candidates").type))
    table = pa.concat_tables([table.slice(0, 2), empty, table.slice(2)])
    docs = pl.from_arrow(table.select(["document_id", "published_date", "candidates"]))
    assert isinstance(docs, pl.DataFrame)
    want = []
    for e in entries:
        raw = ingest.read(root, e)
        processed = process_raw(raw, kb_mod.cached())
        assert processed.result.document is not None
        want.append(DocCandidates(processed.result.document["document_id"],
                                  processed.result.document["published_date"],
                                  tuple(processed.candidates)))
    want.insert(2, DocCandidates(want[0].document_id, want[0].published_date, ()))
    _assert_same(resolve_candidates(docs), _reference(want))
