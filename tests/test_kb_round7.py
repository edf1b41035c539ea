"""KB round 7: whole classes of organisations (police and gendarmeries, coast guards, missions,
air navigation providers, militant groups, newspapers, tech platforms, NGOs, universities and
think tanks, shipbuilders), a bare head after a KB body, and subdivision names without their
diacritics, on invented sentences."""
from __future__ import annotations

import pytest
from accords.etl.extract import kb as kb_mod
from support import found


@pytest.mark.parametrize("text,surface,key", [
    ("Investigators from the Guardia di Finanza seized the cargo in Bari.", "Guardia di Finanza",
     "org:guardia-di-finanza"),
    ("Officers of Carabineros patrolled the northern highway overnight.", "Carabineros", "org:carabineros"),
    ("Fingerprints will be shared through Ameripol under the plan.", "Ameripol", "org:ameripol"),
    ("The Indonesian National Police opened a case on the recruiters.", "Indonesian National Police",
     "org:polri"),
    ("The Japan Coast Guard tracked the vessels near the islets.", "Japan Coast Guard", "org:japan-coast-guard"),
    ("A KFOR spokesperson said troops were not involved.", "KFOR", "org:kfor"),
    ("EULEX gave technical help to the forensic teams.", "EULEX", "org:eulex"),
    ("Controllers at Skyguide rerouted the flights for an hour.", "Skyguide", "org:skyguide"),
    ("Shining Path remnants still operate in the valley, officials said.", "Shining Path", "org:shining-path"),
    ("Prosecutors linked the killings to Barrio 18 cells.", "Barrio 18", "org:barrio-18"),
    ("The minister told El Mercurio that the cell was working.", "El Mercurio", "org:el-mercurio"),
    ("The plan was first reported by Tolo News on Sunday.", "Tolo News", "org:tolonews"),
    ("The minister announced the returns on Facebook late on Friday.", "Facebook", "org:facebook"),
    ("The workers were interviewed by the International Justice Mission.", "International Justice Mission",
     "org:ijm"),
    ("Researchers at ETH Zurich modelled the airspace load.", "ETH Zurich", "org:eth-zurich"),
    ("Exail will supply the drone systems for the minehunters.", "Exail", "org:exail"),
])
def test_round7_class_members(kb: kb_mod.KnowledgeBase, text: str, surface: str, key: str) -> None:
    got = found(text, kb)
    assert got.get(surface) == ("organization", key), got


def test_ambiguous_round7_names_need_context(kb: kb_mod.KnowledgeBase) -> None:
    got = found("Meta analysis of the apple harvest showed Oracle Bay was calm.", kb)
    assert got.get("Meta", ("",))[0] != "organization" and "Oracle" not in got


def test_bare_head_after_known_body(kb: kb_mod.KnowledgeBase) -> None:
    text = ("The Royal Bahamas Defence Force intercepted two boats. The Defence Force said the "
            "migrants were landed safely.")
    got = found(text, kb)
    assert got["Defence Force"] == ("organization", "org:royal-bahamas-defence-force")


def test_subdivision_without_diacritics(kb: kb_mod.KnowledgeBase) -> None:
    got = found("Trucks were stranded on the Nangarhar side of the crossing for two days.", kb)
    assert got["Nangarhar"][0] == "location"
    got = found("The cable runs from Iceland to Scotland via the Faroe Islands.", kb)
    assert got["Scotland"][0] == "location"


@pytest.mark.parametrize("text,name", [
    ("The protocol adds 40 Slovak Police Force officers to the joint patrols.", "Slovak Police Force"),
    ("Some 25 Namibian Police Force personnel will join the task team.", "Namibian Police Force"),
    ("The ministry sent 12 Royal Marechaussee officers to the airport.", "Royal Marechaussee"),
])
def test_count_before_a_body_is_not_part_of_it(kb: kb_mod.KnowledgeBase, text: str, name: str) -> None:
    got = found(text, kb)
    assert got.get(name, ("",))[0] == "organization", got
    assert not any(s[:1].isdigit() for s in got), got


def test_numbered_names_keep_their_number(kb: kb_mod.KnowledgeBase) -> None:
    got = found("Gunmen from 400 Mawozo attacked the convoy near the capital.", kb)
    assert got.get("400 Mawozo", ("",))[0] == "organization", got
