"""KB round 6: whole classes of organisations (SIPRI Top 100 arms companies, national oil
companies, public broadcasters and national news agencies), on invented sentences."""
from __future__ import annotations

import pytest
from accords.etl.extract import kb as kb_mod
from accords.etl.extract.find import extract


@pytest.fixture(scope="module")
def kb() -> kb_mod.KnowledgeBase:
    return kb_mod.cached()


def found(text: str, kb: kb_mod.KnowledgeBase) -> dict[str, tuple[str, str | None, str | None]]:
    out = {}
    for c in extract(text, kb):
        e = kb.entries.get(c.key) if c.key else None
        out[c.surface] = (c.entity_type, c.key, e.iso3 if e else None)
    return out


@pytest.mark.parametrize("text,surface,key,iso3", [
    ("Hanwha Aerospace will deliver howitzers to the brigade next spring.", "Hanwha Aerospace",
     "org:hanwha-aerospace", "KOR"),
    ("Officials said Baykar had signed the drone deal in the capital.", "Baykar", "org:baykar", "TUR"),
    ("The frigates will be built by Naval Group under the contract.", "Naval Group", "org:naval-group", "FRA"),
    ("Rheinmetall plans a new ammunition plant near the border.", "Rheinmetall", "org:rheinmetall", "DEU"),
    ("Aselsan and Roketsan showed radars at the fair.", "Aselsan", "org:aselsan", "TUR"),
    ("Lockheed Martin said the jets would arrive in batches.", "Lockheed Martin", "org:lockheed-martin", "USA"),
    ("Sonatrach raised gas exports to southern Europe.", "Sonatrach", "org:sonatrach", "DZA"),
    ("The pipeline deal was signed by Petronas and a partner firm.", "Petronas", "org:petronas", "MYS"),
    ("GEPetrol signed the offshore block agreement on Monday.", "GEPetrol", "org:gepetrol", "GNQ"),
    ("The talks were reported by RÚV, the national broadcaster.", "RÚV", "org:ruv", "ISL"),
    ("The talks were reported by RUV late in the evening.", "RUV", "org:ruv", "ISL"),
    ("The minister told Yle that the exercise went ahead.", "Yle", "org:yle", "FIN"),
    ("The summit communique was carried by the Bahrain News Agency.", "Bahrain News Agency", "org:bna", "BHR"),
    ("According to Kenya Broadcasting Corporation, the convoy left at dawn.",
     "Kenya Broadcasting Corporation", "org:kbc", "KEN"),
    ("Venezolana de Televisión aired the speech in full.", "Venezolana de Televisión", "org:vtv-ven", "VEN"),
])
def test_listed_body_is_an_organisation_with_its_country(text: str, surface: str, key: str, iso3: str,
                                                          kb: kb_mod.KnowledgeBase) -> None:
    got = found(text, kb)
    assert got.get(surface, (None,))[0] == "organization", (surface, got)
    assert got[surface][1] == key
    assert got[surface][2] == iso3


def test_romanised_legislature_names(kb: kb_mod.KnowledgeBase) -> None:
    got = found("The Althingi and the Dail Eireann both debated the motion.", kb)
    assert got["Althingi"][1] == "org:althing"
    assert got["Dail Eireann"][1] == "org:dail"


@pytest.mark.parametrize("text,surface", [
    ("Leonardo said he would walk home after the match.", "Leonardo"),
    ("Thales wrote that water is the origin of all things.", "Thales"),
    ("Saab was born in a village outside the city, his brother said.", "Saab"),
    ("Police installed CCTV cameras along the border road near the crossing.", "CCTV"),
])
def test_ambiguous_name_alone_is_no_organisation(text: str, surface: str, kb: kb_mod.KnowledgeBase) -> None:
    got = found(text, kb)
    assert got.get(surface, ("none",))[0] != "organization", got


def test_ambiguous_name_after_its_full_name(kb: kb_mod.KnowledgeBase) -> None:
    got = found("Leonardo S.p.A. won the helicopter order. Leonardo said deliveries start in May.", kb)
    assert got["Leonardo"][0] == "organization"


def test_cctv_is_the_broadcaster_once_its_full_name_is_given(kb: kb_mod.KnowledgeBase) -> None:
    got = found("China Central Television (CCTV) aired the talks. Later CCTV showed the signing.", kb)
    assert got["CCTV"][0] == "organization"


def test_shared_acronyms_are_not_matched_alone(kb: kb_mod.KnowledgeBase) -> None:
    got = found("The VTV report and the PTV clip were shared by the MAP account.", kb)
    for acr in ("VTV", "PTV", "MAP"):
        assert got.get(acr, ("none", None))[1] not in {"org:vtv", "org:vtv-ven", "org:ptv-pak",
                                                        "org:ptv-phl", "org:map"}, acr
