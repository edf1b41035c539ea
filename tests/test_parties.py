"""Who takes part in an initiative (``initiatives.parties``), and which country a newly found
organisation belongs to (``entities.iso3``). Sentences are invented for the tests."""

from __future__ import annotations

import pytest
from accords.etl.extract import kb as kb_mod
from accords.etl.extract.find import extract
from accords.etl.extract.resolve import DocCandidates, resolve


def parties(text: str, kb: kb_mod.KnowledgeBase) -> dict[str, set[str]]:
    """Initiative name -> canonical names of its parties, the text resolved alone."""
    res = resolve([DocCandidates("doc_t", None, tuple(extract(text, kb)))])
    names = dict(zip(res.entities["entity_id"], res.entities["canonical_name"], strict=True))
    return {r["name"]: {names[p] for p in r["parties"]} for r in res.initiatives.iter_rows(named=True)}


def iso3(text: str, kb: kb_mod.KnowledgeBase) -> dict[str, str | None]:
    """Organisation surface -> iso3, for the organisations not in the knowledge base."""
    return {c.surface: c.iso3 for c in extract(text, kb) if c.entity_type == "organization" and not c.key}


def test_the_sides_a_name_names_are_parties_even_by_acronym(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Officials of the League of Arab States (LAS) met Chinese diplomats in Cairo on Monday. "
            "The China-LAS Cooperation Initiative on Data Security follows the consensus reached at the United Nations.")
    got = parties(text, kb)["China-LAS Cooperation Initiative on Data Security"]
    assert {"China", "League of Arab States"} <= got or {"China", "Arab League"} <= got
    assert "United Nations" not in got  # where a consensus was reached is not a side


def test_a_named_side_the_text_never_mentions_is_not_invented(kb: kb_mod.KnowledgeBase) -> None:
    # LAS is in the name only: it has no mention, hence no entity row to point to.
    got = parties("China and Egypt discussed the China-LAS Cooperation Initiative on Data Security.", kb)
    assert got["China-LAS Cooperation Initiative on Data Security"] == {"China", "Egypt"}


def test_known_parties_count_when_the_text_mentions_them(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Morocco and Israel opened a joint drone factory near Rabat last week. "
            "Officials said the Abraham Accords had made such projects possible.")
    got = parties(text, kb)["Abraham Accords"]
    assert {"Morocco", "Israel"} <= got
    assert "United Arab Emirates" not in {*got}  # a listed party the text does not name


@pytest.mark.parametrize(("text", "surface", "code"), [
    ("The Ivorian Navy will patrol the lagoon.", "Ivorian Navy", "CIV"),
    ("Cadets from the Ministry of Coastal Security of Ghana arrived.", "Ministry of Coastal Security of Ghana", "GHA"),
    ("The University of Piraeus will host the course.", "University of Piraeus", "GRC"),
    # Where a body works, or what it deals with, is not whose it is.
    ("The European Union Monitoring Mission in Armenia reported calm.", "European Union Monitoring Mission in Armenia", None),
    ("The Taiwan Affairs Office criticised the visit.", "Taiwan Affairs Office", None),
    # Two countries: a joint body belongs to neither alone.
    ("The Ghana-Togo Joint Security Council met in Lomé.", "Ghana-Togo Joint Security Council", None),
])
def test_a_new_organisation_gets_the_country_its_name_names(
        kb: kb_mod.KnowledgeBase, text: str, surface: str, code: str | None) -> None:
    assert iso3(text, kb)[surface] == code


def test_outlets_places_and_targets_are_not_parties(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Kenya and Uganda signed the Lake Victoria Patrol Compact in Kampala, Reuters reported, "
            "and its boats will also patrol waters off Tanzania.")
    got = parties(text, kb)["Lake Victoria Patrol Compact"]
    assert {"Kenya", "Uganda"} <= got
    assert not got & {"Reuters", "Tanzania"}


def test_a_table_header_gives_its_cells_a_status(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Ministers discussed three projects.\n\n"
            "| Area | Proposed Initiative | Lead |\n|---|---|---|\n"
            "| Ports | Harbour Scanner Network | Ghana |\n| Cyber | Shared Incident Desk | Togo |\n")
    res = resolve([DocCandidates("doc_t", None, tuple(extract(text, kb)))])
    status = dict(zip(res.initiatives["name"], res.initiatives["status"], strict=True))
    assert status == {"Harbour Scanner Network": "proposed", "Shared Incident Desk": "proposed"}


@pytest.mark.parametrize(("verb", "status"), [
    ("agreed to hold", "signed"), ("endorsed", "signed"), ("opened", "launched"),
    ("began", "launched"), ("is negotiating", "proposed"), ("continues", "ongoing"),
])
def test_status_words_in_the_initiatives_sentence(kb: kb_mod.KnowledgeBase, verb: str, status: str) -> None:
    text = f"Ghana and Togo {verb} the Volta Border Security Initiative this year."
    res = resolve([DocCandidates("doc_t", None, tuple(extract(text, kb)))])
    assert res.initiatives["status"].to_list() == [status]
