"""Round 4 extraction rules (organisations and initiatives), each on invented text."""
from __future__ import annotations

import pytest
from accords.etl.extract import kb as kb_mod
from accords.etl.extract.find import extract


@pytest.fixture(scope="module")
def kb() -> kb_mod.KnowledgeBase:
    return kb_mod.cached()


def spans(text: str, kb: kb_mod.KnowledgeBase) -> dict[str, tuple[str, str]]:
    return {c.surface: (c.entity_type, c.canonical) for c in extract(text, kb)}


def test_person_or_post_before_of_is_not_part_of_the_body(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Rear Admiral Tomasz Wrenkowiak of the Moravian Naval Forces said the drill went well. "
            "The deal was signed by Major General Lu Anfeng, Director of\nthe Mongolian Department "
            "of Mine Action under the ministry. Inspector Kela Mbatu of the Quivira Police Force "
            "spoke later. The Chief of the Naval Staff of the Gabon Navy attended, as did the "
            "Chief of the Defence Staff and the Minister of the Armed Forces.")
    got = spans(text, kb)
    assert got["Moravian Naval Forces"][0] == "organization"
    assert "Tomasz Wrenkowiak of the Moravian Naval Forces" not in got
    assert got["Mongolian Department of Mine Action"][0] == "organization"
    assert got["Quivira Police Force"][0] == "organization"
    assert got["Gabon Navy"][0] == "organization"
    assert "Chief of the Defence Staff" not in got  # a post, not a body
    assert "Minister of the Armed Forces" not in got and "Armed Forces" not in got


def test_republic_of_before_a_head_stays_in_the_name(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("Ships of the Republic of Korea Navy and His Majesty's Armed Forces sailed.", kb)
    assert got["Republic of Korea Navy"][0] == "organization"
    assert got["His Majesty's Armed Forces"][0] == "organization"


def test_counts_before_a_name(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Two Royal Moravian Navy vessels left port.\n\nAbout 300 Zemblan Army engineers "
            "arrived.\n\nUnits of the Quivira Armed Forces and the Three Rivers Initiative joined. "
            "Ten-day exercise begins.")
    got = spans(text, kb)
    assert got["Royal Moravian Navy"][0] == "organization"
    assert got["Zemblan Army"][0] == "organization"
    assert got["Quivira Armed Forces"][0] == "organization"
    assert got["Three Rivers Initiative"][0] == "initiative"  # the plural agrees: part of the name
    assert not any("day" in s for s in got)
