"""Evaluation harness: scoring rules, and the quality floor on the dev and seed gold sets."""

from __future__ import annotations

from pathlib import Path

from accords.etl.extract import evaluate as ev

GOLD = Path(__file__).resolve().parent / "gold"
#: Measured on seeds+dev after the extraction-quality work: entity F1 0.98, mention F1 0.99
#: (docs/extraction.md); the floors sit a bit below.
ENTITY_F1_FLOOR = 0.96
MENTION_F1_FLOOR = 0.95
#: heldout4-23 were used to tune extractor rounds 4-10 (development data now): pooled entity
#: F1 0.944 with extractor v10; the floor catches a regression on everything we have looked at.
TUNED_SPLITS = tuple(f"heldout{i}" for i in range(4, 24))
TUNED_ENTITY_F1_FLOOR = 0.93
#: heldout24-27 (32 pages written in session 6 after round 9, never used to tune anything):
#: pooled entity F1 0.901 with v10 (P 0.921, R 0.882), 0.900 with v9, 0.895 with v8, scored once
#: each. A change that loses generality fails here first; a change tuned on these splits makes
#: this floor meaningless (write new gold instead).
UNSEEN_SPLITS = ("heldout24", "heldout25", "heldout26", "heldout27")
UNSEEN_ENTITY_F1_FLOOR = 0.88

def test_scoring_rules() -> None:
    gold = [ev.Mention(0, 5, "Syria", "country", "Syria", "SYR"),
            ev.Mention(10, 23, "Faysal Mekdad", "person", "Faysal Mekdad"),
            ev.Mention(30, 36, "Mekdad", "person", "Faysal Mekdad")]
    pred = [ev.Mention(0, 5, "Syria", "country", "Syrian Arab Republic", "SYR"),
            ev.Mention(10, 23, "Faysal Mekdad", "person", "Faisal Mekdad"),
            ev.Mention(40, 45, "Kabul", "location", "Kabul")]
    s = ev.score_doc("x", gold, pred)
    assert (s.entities["country"].tp, s.entities["person"].tp) == (1, 1)  # iso3; alias
    assert s.entities["location"].fp == 1
    assert (s.mentions["person"].tp, s.mentions["person"].fn) == (1, 1)


def test_quality_floor_on_dev_and_seeds() -> None:
    docs = ev.load_split(GOLD, "seeds") + ev.load_split(GOLD, "dev")
    rep = ev.evaluate(docs)
    assert rep.entity_total.f1 >= ENTITY_F1_FLOOR, ev.format_report("seeds+dev", rep, True)
    assert rep.mention_total.f1 >= MENTION_F1_FLOOR, ev.format_report("seeds+dev", rep, True)


def test_quality_floor_on_the_tuned_heldout_splits() -> None:
    docs = [d for split in TUNED_SPLITS for d in ev.load_split(GOLD, split)]
    rep = ev.evaluate(docs)
    assert rep.entity_total.f1 >= TUNED_ENTITY_F1_FLOOR, ev.format_report("heldout4-23", rep, True)


def test_quality_floor_on_the_unseen_splits() -> None:
    docs = [d for split in UNSEEN_SPLITS for d in ev.load_split(GOLD, split)]
    rep = ev.evaluate(docs)
    assert rep.entity_total.f1 >= UNSEEN_ENTITY_F1_FLOOR, ev.format_report("heldout24-27", rep, True)


def test_cli_prints_table(capsys: object) -> None:
    assert ev.main([str(GOLD), "--split", "seeds"]) == 0
