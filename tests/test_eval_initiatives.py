"""Initiative parties and status: the scorer's rules, and the floor on the development gold
(``tests/gold/initiatives/``)."""

from __future__ import annotations

from pathlib import Path

from accords.etl.extract import evaluate as ev
from accords.etl.extract import evaluate_initiatives as ei

GOLD = Path(__file__).resolve().parent / "gold"
DEV_SPLITS = ("seeds", "dev", "heldout", "heldout2")
#: Measured on the four development splits (docs/extraction.md, "Initiative parties and
#: status"): parties F1 0.693 (P 0.832, R 0.594), status accuracy 0.523; floors a bit below.
PARTIES_F1_FLOOR = 0.67
STATUS_ACCURACY_FLOOR = 0.50


def _entity(type_: str, name: str, iso3: str | None = None) -> ev.Entity:
    return ev.Entity(type_, name, iso3, {name})


def test_scoring_rules() -> None:
    doc = ev.Doc("x", "d1", "", "en", [
        ev.Mention(0, 3, "BRI", "initiative", "Belt and Road Initiative"),
        ev.Mention(4, 9, "China", "country", "China", "CHN"),
        ev.Mention(10, 14, "Laos", "country", "Laos", "LAO"),
        ev.Mention(15, 17, "UN", "organization", "United Nations"),
    ])
    gold = [ei.GoldInitiative("Belt and Road Initiative", ("China", "Laos"), "ongoing")]
    pred = [ei.PredInitiative(_entity("initiative", "BRI"),
                              (_entity("country", "People's Republic of China", "CHN"),
                               _entity("organization", "United Nations")), "launched")]
    s = ei.score_doc(doc, gold, pred)
    assert (s.matched, s.parties.tp, s.parties.fp, s.parties.fn) == (1, 1, 1, 1)  # iso3 match; UN extra; Laos missed
    assert (s.status_right, s.status.tp, s.status.fp, s.status.fn) == (0, 0, 1, 1)
    # An initiative extraction missed is not scored here (the entity scorer counts it).
    assert ei.score_doc(doc, gold, []).matched == 0


def test_floor_on_the_development_gold() -> None:
    total = ei.Score()
    for split in DEV_SPLITS:
        total.add(ei.evaluate_split(GOLD, split))
    report = ei.format_score("development", total, verbose=True)
    assert total.parties.f1 >= PARTIES_F1_FLOOR, report
    assert total.status_right / total.matched >= STATUS_ACCURACY_FLOOR, report


def test_cli(capsys: object) -> None:
    assert ei.main([str(GOLD), "--split", "seeds"]) == 0
    assert ei.main([str(GOLD), "--split", "no-such-split"]) == 2


def test_sentence_ceiling_accounts_for_every_gold_party() -> None:
    got = ei.sentence_ceiling(GOLD, "seeds")
    parties = sum(len(r.parties) for rows in ei.load_gold(GOLD, "seeds").values() for r in rows)
    assert sum(got[k] for k in ("same", "headline", "next", "elsewhere")) == parties
    assert ei.main([str(GOLD), "--split", "seeds", "--ceiling"]) == 0
