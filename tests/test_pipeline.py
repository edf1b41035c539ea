"""End to end: determinism, versioning, atomicity, locking, bad input, contract gate."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest
from accords.etl.publish import Layout
from accords.schemas import TABLES

import accords
from accords.errors import ContractViolation, InputError, LockError, OutputError


def _parquet_bytes(out: Path) -> dict[str, bytes]:
    layout = Layout(out)
    vdir = layout.version_dir(layout.resolve(None))
    return {str(p.relative_to(vdir)): p.read_bytes() for p in sorted(vdir.rglob("*.parquet"))}


def test_two_runs_give_identical_bytes(seeds_copy: Path, tmp_path: Path) -> None:
    a = accords.run(seeds_copy, out=tmp_path / "a")
    b = accords.run(seeds_copy, out=tmp_path / "b")
    assert a.version_id == b.version_id
    assert _parquet_bytes(tmp_path / "a") == _parquet_bytes(tmp_path / "b")


def test_unchanged_inputs_publish_nothing(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = accords.run(seeds_copy, out=out)
    again = accords.run(seeds_copy, out=out)
    assert first.published and not again.published
    assert again.version_id == first.version_id
    assert accords.versions(out) == [first.version_id]
    assert "unchanged" in again.summary()


def test_new_file_makes_new_version_and_old_stays_queryable(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    v1 = accords.run(seeds_copy, out=out).version_id
    (seeds_copy / "new.txt").write_text(
        "Kenya and Ethiopia sign border security pact\n\n"
        "Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed signed a border "
        "security agreement in Nairobi on Monday, pledging joint patrols against cross-border raids.\n",
        encoding="utf-8",
    )
    v2 = accords.run(seeds_copy, out=out).version_id
    assert v1 < v2  # ids sort in publication order
    assert accords.versions(out) == [v1, v2]
    assert Layout(out).current_version() == v2
    n1 = accords.connect(out, v1).sql("select count(*) from documents").fetchall()[0]
    n2 = accords.connect(out).sql("select count(*) from documents").fetchall()[0]
    assert n1 == (5,) and n2 == (6,)
    assert Layout(out).manifest(v2)["parent_version"] == v1


def test_manifest_records_versions_counts_and_digests(seeds_out: Path) -> None:
    m = accords.etl.store.load_manifest(seeds_out)  # type: ignore[attr-defined]
    assert m["contract_version"] == accords.contract_version()
    assert set(m["row_counts"]) == set(TABLES)
    assert {"pyarrow", "polars", "pandera", "duckdb", "python"} <= set(m["writer"])
    assert all(len(f["sha256"]) == 64 for f in m["files"])


def test_parquet_footer_has_contract_version(seeds_out: Path) -> None:
    import pyarrow.parquet as pq

    layout = Layout(seeds_out)
    for table in TABLES:
        for part in (layout.version_dir(layout.resolve(None)) / table).glob("*.parquet"):
            meta = pq.read_metadata(part)
            assert meta.metadata[b"accords.contract_version"] == accords.contract_version().encode()
            assert meta.row_group(0).column(0).statistics is not None or meta.num_rows == 0
            assert meta.row_group(0).column(0).compression == "ZSTD"


def test_bad_files_are_recorded_not_fatal(seeds_copy: Path, tmp_path: Path) -> None:
    (seeds_copy / "empty.txt").write_bytes(b"")
    (seeds_copy / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (seeds_copy / "copy of 000.txt").write_bytes((seeds_copy / "000_ecf736e56f4d7481.txt").read_bytes())
    out = tmp_path / "out"
    result = accords.run(seeds_copy, out=out)
    rows = accords.connect(out).sql(
        "select source_path, status, reason_code, reason, document_id from sources order by source_path"
    ).fetchall()
    by_path = {r[0]: r[1:] for r in rows}
    assert by_path["empty.txt"][:2] == ("rejected", "empty")
    assert by_path["image.png"][:2] == ("rejected", "binary")
    dup = by_path["copy of 000.txt"]
    assert dup[0] == "duplicate" and dup[1] == "exact_duplicate" and dup[3] is not None
    assert result.sources_by_status == {"accepted": 5, "duplicate": 1, "rejected": 2}
    assert all(r[3] for r in rows if r[1] != "accepted")  # every non-accepted row says why


def test_missing_input_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        accords.run(tmp_path / "nope", out=tmp_path / "out")


def test_unwritable_out_is_a_clear_error(seeds_copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError):
        accords.run(seeds_copy, out=blocker / "out")


def test_second_run_on_same_out_is_refused_while_locked(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".lock", "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        fh.write(str(os.getpid()))
        fh.flush()
        with pytest.raises(LockError, match="another accords run"):
            accords.run(seeds_copy, out=out)
    assert accords.run(seeds_copy, out=out).published  # released: works again


def test_contract_violation_publishes_nothing(seeds_copy: Path, tmp_path: Path) -> None:
    # A user knowledge-base row that breaks the contract (a country without ISO code)
    # flows through the real pipeline and must stop publication.
    kb = tmp_path / "bad_kb.csv"
    kb.write_text(
        "key,entity_type,canonical_name,aliases,iso3,subtype,acronym,parties\n"
        "country:zzz,country,Pandaland,Panda bond,,sovereign,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    with pytest.raises(ContractViolation) as info:
        accords.run(seeds_copy, out=out, kb_files=(kb,))
    assert "entities" in str(info.value)
    assert "country_has_iso3" in str(info.value)
    assert not Layout(out).list_versions() and Layout(out).current_version() is None
    assert (out / "last-validation-error.json").is_file()


def test_killed_run_leaves_current_whole(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    v1 = accords.run(seeds_copy, out=out).version_id
    # Simulate a run killed while staging: a half-written version in .staging.
    stale = Layout(out).staging / "v000002-deadbeef00"
    (stale / "documents").mkdir(parents=True)
    (stale / "documents" / "part-00000.parquet").write_bytes(b"PAR1 half")
    assert accords.versions(out) == [v1]
    assert accords.validate(out).ok
    (seeds_copy / "extra.txt").write_text("Brazil and Argentina hold talks\n\nBrazilian and Argentine "
                                          "defence ministers met in Brasilia to discuss joint patrols on the border.\n")
    v2 = accords.run(seeds_copy, out=out).version_id
    assert v2.startswith("v000002-") and not stale.exists()
    assert accords.validate(out).ok


def test_mention_rules_from_bucket_summaries_match_the_rules(seeds_out: Path) -> None:
    """The corpus-wide mention rules run on per-bucket summaries (no table of every
    mention in memory); they must fail and pass exactly as the rules on the whole table."""
    import polars as pl
    from accords.etl.pipeline import mention_rules, mention_summary
    from accords.etl.store import read_table
    from accords.schemas.relations import RULES

    frames = {t: read_table(seeds_out, t) for t in ("documents", "sources", "entities", "mentions", "initiatives")}
    docs = frames["documents"]["document_id"].sort().to_list()
    halves = [frames["mentions"].filter(pl.col("document_id").is_in(part)) for part in (docs[::2], docs[1::2])]
    summaries = [mention_summary(h) for h in halves]
    rules = [r for r in RULES if r.name not in ("offsets_inside_text", "surface_is_slice")
             and (r.table, r.column) != ("mentions", "document_id")]
    ents = frames["entities"]
    victim = ents["entity_id"][0]
    broken = [
        frames,
        {**frames, "entities": ents.filter(pl.col("entity_id") != victim)},  # mentions of a missing entity
        {**frames, "entities": ents.with_columns(  # wrong counts
            pl.when(pl.col("entity_id") == victim).then(pl.col("mention_count") + 1)
            .otherwise(pl.col("mention_count")).alias("mention_count"))},
        {**frames, "entities": pl.concat([ents, ents.head(1).with_columns(pl.lit("ent_unmentioned").alias("entity_id"))])},
    ]
    for f in broken:
        got = mention_rules(rules, f, summaries)
        for rule in rules:
            want = rule.failing_rows(f)
            bad = got[f"{rule.name}:{rule.column}"]
            assert bad.height == want.height, rule.name
            if rule.table == "entities":
                assert bad.sort("entity_id").equals(want.sort("entity_id")), rule.name
    assert any(got[k].height for k in got)  # the last case fails something


def test_every_raw_gold_page_publishes_under_the_contract(tmp_path: Path) -> None:
    # 167 real-layout pages written by people who never saw the extractor: whatever it
    # finds there (places by cue, dependent territories, ...) must fit the contract. Under
    # contract 1.0.0 this run failed validation and published nothing.
    gold = Path(__file__).resolve().parent / "gold"
    pages = tmp_path / "pages"
    pages.mkdir()
    for page in sorted(gold.glob("*/*.txt")):
        if not page.name.endswith(".clean.txt"):
            (pages / f"{page.parent.name}_{page.name}").write_bytes(page.read_bytes())
    result = accords.run(pages, out=tmp_path / "out")
    assert result.published and result.row_counts["documents"] >= 150
    con = accords.connect(tmp_path / "out")
    assert con.sql("SELECT count(*) FROM mentions WHERE method = 'place_cue'").fetchall()[0][0] > 0
    # A dependent territory is a place, and its key says so.
    assert con.sql("SELECT entity_type, entity_key FROM entities WHERE canonical_name = 'Puerto Rico'"
                   ).fetchall() == [("location", "loc:puerto-rico")]
