"""Round 10: error classes found on heldout20..heldout23 (and earlier splits), checked on invented sentences."""
from __future__ import annotations

import pytest
from accords.etl.extract import kb as kb_mod
from support import found


@pytest.mark.parametrize("text,name", [
    ("In October Southern Maritime Command moved two frigates north.", "Southern Maritime Command"),
    ("Since March Northern Fisheries Authority inspectors have boarded 40 boats.", "Northern Fisheries Authority"),
])
def test_month_after_time_preposition_opens_no_name(text: str, name: str, kb: kb_mod.KnowledgeBase) -> None:
    got = found(text, kb)
    assert got.get(name, ("", None))[0] == "organization", got
    assert not any(s.split()[0] in ("October", "March") for s in got), got


@pytest.mark.parametrize("text,name", [
    ("Volunteers of the Tongan Red Cross handed out water.", "Tongan Red Cross"),
    ("The Chilean Red Cross sent two teams.", "Chilean Red Cross"),
    ("The Bahraini Red Crescent opened a shelter.", "Bahraini Red Crescent"),
])
def test_national_red_cross_societies(text: str, name: str, kb: kb_mod.KnowledgeBase) -> None:
    got = found(text, kb)
    assert got.get(name, ("", None))[0] == "organization", got


@pytest.mark.parametrize("text,name", [
    ("A patrol boat of Coast Guard Guyana stopped the trawler.", "Coast Guard Guyana"),
    ("Officers from British Forces Cyprus joined the drill.", "British Forces Cyprus"),
    ("The Training Team Belize instructors left in May.", "Training Team Belize"),
])
def test_force_head_with_host_country(text: str, name: str, kb: kb_mod.KnowledgeBase) -> None:
    got = found(text, kb)
    assert got.get(name, ("", None))[0] == "organization", got


def test_country_after_force_head_in_headline_case_is_not_taken(kb: kb_mod.KnowledgeBase) -> None:
    got = found("The Navy's ships and the Army Kenya Defence Forces said nothing.", kb)
    assert "Army Kenya" not in got, got


@pytest.mark.parametrize("text,name", [
    ("The OSCE Mission to Serbia trained judges.", "OSCE Mission to Serbia"),
    ("The EU Delegation to Uganda funded the study.", "EU Delegation to Uganda"),
    ("The OSCE Presence in Bosnia and Herzegovina said it would help.", "OSCE Presence in Bosnia and Herzegovina"),
    ("The Embassy of India in Nepal issued visas.", "Embassy of India in Nepal"),
    ("The Embassy of South Korea in the Philippines paid for the boats.", "Embassy of South Korea in the Philippines"),
    ("The Brazilian Embassy in Paraguay said it had no comment.", "Brazilian Embassy in Paraguay"),
])
def test_missions_posted_to_a_country(text: str, name: str, kb: kb_mod.KnowledgeBase) -> None:
    got = found(text, kb)
    assert got.get(name, ("", None))[0] == "organization", got


@pytest.mark.parametrize("text,bad", [
    ("Staff at the embassy in Nepal were moved.", "embassy in Nepal"),
    ("He flew on a Mission to Mali Airport flight.", "Mission to Mali"),
])
def test_no_mission_join_without_a_name(text: str, bad: str, kb: kb_mod.KnowledgeBase) -> None:
    got = found(text, kb)
    assert bad not in got, got


@pytest.mark.parametrize("text,name", [
    ("Output at the Korvath gas field fell by a third.", "Korvath"),
    ("Drilling at the Saraq oilfield resumed on Monday.", "Saraq"),
    ("The pipeline will carry gas from the Melgun field to the coast.", "Melgun"),
    ("Navy ships guarded Block 17 and the Pelora Block.", "Block 17"),
    ("Navy ships guarded Block 17 and the Pelora Block.", "Pelora Block"),
    ("Exploration resumed in the offshore Tamsar block last year.", "Tamsar block"),
])
def test_petroleum_fields_and_blocks_are_places(text: str, name: str, kb: kb_mod.KnowledgeBase) -> None:
    got = found(text, kb)
    assert got.get(name, ("", None))[0] == "location", got


@pytest.mark.parametrize("text,bad", [
    ("The Kenya field office said the Premier League field was wet.", "Premier League"),
    ("Josh Block said the licence was new.", "Josh Block"),
    ("The Ubuntu block vote passed in the assembly.", "Ubuntu block"),
])
def test_no_field_place_without_petroleum(text: str, bad: str, kb: kb_mod.KnowledgeBase) -> None:
    got = found(text, kb)
    assert got.get(bad, ("", None))[0] != "location", got


@pytest.mark.parametrize("text,name", [
    ("The base was covered by the Status of Visiting Forces Agreement signed in 2019.",
     "Status of Visiting Forces Agreement"),
    ("Ministers met under the Regional Convention to Combat Wildlife Trafficking in June.",
     "Regional Convention to Combat Wildlife Trafficking"),
    ("Both navies belong to the Four Nations Naval Arrangements (FNNA), a 1990 pact.", "Four Nations Naval Arrangements"),
    ("The scanners were paid for by the Coastal Surveillance Instrument of the bloc.", "Coastal Surveillance Instrument"),
])
def test_initiative_names_and_heads(text: str, name: str, kb: kb_mod.KnowledgeBase) -> None:
    got = found(text, kb)
    assert got.get(name, ("", None))[0] == "initiative", got


def test_person_of_a_body_is_still_cut(kb: kb_mod.KnowledgeBase) -> None:
    got = found("Lt. Col. Amara Sesay of the Coastal Patrol Agreement office spoke.", kb)
    assert not any(s.startswith("Lt") for s in got), got


@pytest.mark.parametrize("text,name", [
    ("Passengers stranded in Mahé were flown home by Air Seychelles on Friday.", "Air Seychelles"),
    ("Fiji Airways and Solomon Airlines suspended flights to the island.", "Solomon Airlines"),
])
def test_airlines_are_known_companies(text: str, name: str, kb: kb_mod.KnowledgeBase) -> None:
    got = found(text, kb)
    assert got.get(name, ("", None))[0] == "organization", got


def test_ambiguous_airline_names_need_context(kb: kb_mod.KnowledgeBase) -> None:
    got = found("Trade across Iberia grew, and the sky was azul.", kb)
    assert got.get("Iberia", ("", None))[0] != "organization", got


@pytest.mark.parametrize("text,name", [
    ("Smugglers landed near al-Qarnah before dawn.", "al-Qarnah"),
    ("The convoy stopped at al-Tuwal, police said.", "al-Tuwal"),
    ("Fighting near el-Obeid went on for a week.", "el-Obeid"),
])
def test_arabic_article_places(text: str, name: str, kb: kb_mod.KnowledgeBase) -> None:
    got = found(text, kb)
    assert got.get(name, ("", None))[0] == "location", got


def test_arabic_article_keeps_known_bodies(kb: kb_mod.KnowledgeBase) -> None:
    got = found("Clashes in al-Shabaab areas continued.", kb)
    assert got.get("al-Shabaab", ("", None))[0] == "organization", got


@pytest.mark.parametrize("text,name", [
    ("The Directorate of Criminal Investigations of the Kenyan police said two men were held.",
     "Directorate of Criminal Investigations"),
    ("The Special Operations Command of the Tanzanian army moved north.", "Special Operations Command"),
])
def test_demonym_before_lower_case_noun_ends_the_name(text: str, name: str, kb: kb_mod.KnowledgeBase) -> None:
    got = found(text, kb)
    assert got.get(name, ("", None))[0] == "organization", got


def test_of_the_country_long_form_still_joins(kb: kb_mod.KnowledgeBase) -> None:
    got = found("The Armed Forces of the Philippines said the ship left.", kb)
    assert any(s.startswith("Armed Forces of the Philippines") for s in got), got
