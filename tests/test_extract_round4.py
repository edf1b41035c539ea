"""Round 4 extraction rules (organisations and initiatives), each on invented text."""
from __future__ import annotations

from accords.etl.extract import kb as kb_mod
from support import spans


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


def test_apposition_types_a_name(kb: kb_mod.KnowledgeBase) -> None:
    text = ("The line is run by Varnok Coastal Railway, the consortium of three firms. "
            "Ministers met under the Dravian Border Committee (DBC), the decades-old mechanism "
            "that manages the frontier. Ships trained during Ostrel, the multinational naval "
            "campaign it leads, and Torvanic Holdings Ltd, a firm based in Ipoh, will service them. "
            "Kelvaro Bianchi, the group's leader, spoke.")
    got = spans(text, kb)
    assert got["Varnok Coastal Railway"][0] == "organization"  # a consortium, despite "Railway"
    assert got["Dravian Border Committee"][0] == "initiative"  # a mechanism, despite "Committee"
    assert got["DBC"][0] == "initiative"
    assert got["Ostrel"][0] == "initiative"
    assert got.get("Kelvaro Bianchi", ("person",))[0] == "person"  # a role: not the group


def test_apposition_with_a_gazetteer_town_name(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("Sonar drones came from Kongsberg, the Norwegian defence group, on Monday.", kb)
    assert got["Kongsberg"][0] == "organization"
    got = spans("Talks were held in Kongsberg, the company's headquarters, on Monday.", kb)
    assert got["Kongsberg"][0] == "location"


def test_acronym_long_form_across_a_spaced_dash(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("Alerts come from the Coastal Fusion and Tracking Centre – Narcotics (CFTC-N), "
                "the unit that tracks vessels.", kb)
    assert got["Coastal Fusion and Tracking Centre – Narcotics"][0] == "organization"
    assert "Narcotics" not in got


def test_organisations_after_organisation_nouns_and_in_lists(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Ports are contested. Gangs such as Los Perrenques and Los Tarvos fight over ports. The line is run by "
            "the consortium of Varmitra, Colden-Bask and Ostravia that won the bid. The state-owned "
            "shipbuilder Kemtar will build the hulls. Robots came from the Norwegian company Kongsberg.")
    got = spans(text, kb)
    for name in ("Los Perrenques", "Los Tarvos", "Varmitra", "Colden-Bask", "Ostravia", "Kemtar", "Kongsberg"):
        assert got.get(name, ("",))[0] == "organization", name


def test_acronym_long_forms_with_and_or_commas(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Patrols are run by the Dravian Coastal Administration and Safety Agency (DRACASA). "
            "Then Zembla’s Procurement, Testing and Logistics Office (PTLO) would handle it.")
    got = spans(text, kb)
    assert got["Dravian Coastal Administration and Safety Agency"][0] == "organization"
    assert got["Procurement, Testing and Logistics Office"][0] == "organization"
    assert "Safety Agency" not in got


def test_exercise_names_by_noun_number_and_quotes(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Troops tested the route during the Finnish-led exercise Borealis Hammer last spring. "
            "The drill, named Qamar Al-Bahr 2, involves patrol boats. "
            "The 9th edition of the 'Maitri' exercise ended.")
    got = spans(text, kb)
    assert got["Borealis Hammer"][0] == "initiative"
    assert got["Qamar Al-Bahr 2"][0] == "initiative"
    assert got["Maitri"][0] == "initiative"


def test_new_initiative_heads_prefixes_and_target_years(kb: kb_mod.KnowledgeBase) -> None:
    text = ("The code and its 2019 Dravia Amendment apply. Under the Act in Support of Shell "
            "Production (ASSP), lines were funded. The president's Plan Tormenta put troops on the streets. "
            "So does the 2050 Strategy for the Blue Coral Continent, unlike the 2018 Accord on Fish Stocks.")
    got = spans(text, kb)
    assert got["Dravia Amendment"][0] == "initiative"
    assert got["Act in Support of Shell Production"][0] == "initiative"
    assert got["Plan Tormenta"][0] == "initiative"
    assert got["2050 Strategy for the Blue Coral Continent"][0] == "initiative"
    assert got["Accord on Fish Stocks"][0] == "initiative"  # a past year dates the name


def test_media_names_by_head_word(kb: kb_mod.KnowledgeBase) -> None:
    text = ("According to a draft seen by Danube Observer, talks resume. A lawyer told Radio "
            "Sarvik that only coastal states can act. The Karvan Daily Tribune reported it first.")
    got = spans(text, kb)
    assert got["Danube Observer"][0] == "organization"
    assert got["Radio Sarvik"][0] == "organization"
    assert got["Karvan Daily Tribune"][0] == "organization"


def test_short_references_by_head_words(kb: kb_mod.KnowledgeBase) -> None:
    text = ("The Varnic Islands Council met in May. Police chiefs answer to the Council’s leaders. "
            "The Zemblan Coast Guard and the navy patrol; the Coast Guard seized a boat. "
            "The minister told Parliament on Tuesday that the deal stands.")
    got = spans(text, kb)
    assert got["Council"] == ("organization", "Varnic Islands Council")
    assert got["Coast Guard"] == ("organization", "Zemblan Coast Guard")
    assert got["Parliament"][0] == "organization"


def test_head_reference_needs_one_body(kb: kb_mod.KnowledgeBase) -> None:
    text = "The Zemblan Coast Guard and the Varnic Coast Guard met; the Coast Guard chief spoke."
    got = spans(text, kb)
    # two bodies share the words: neither is meant
    assert got.get("Coast Guard", ("", ""))[1] not in {"Zemblan Coast Guard", "Varnic Coast Guard"}


def test_hard_wrapped_lines_are_not_headings(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Planes of the Royal Zemblan Air Force and the\nVarnic Coast Guard Aviation Wing "
            "flew, while The Dravian Coast Guard and the Ostrel Border Guard\nconcluded a drill.")
    got = spans(text, kb)
    assert got["Royal Zemblan Air Force"][0] == "organization"
    assert got["Dravian Coast Guard"][0] == "organization"
    assert got["Ostrel Border Guard"][0] == "organization"


def test_programme_of_a_known_body_ends_before_the_owner(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("Funds came through the Coastal Radar Building Program of the African Union.", kb)
    assert got["Coastal Radar Building Program"][0] == "initiative"
    assert got["African Union"][0] == "organization"


def test_head_initial_organisation_names(kb: kb_mod.KnowledgeBase) -> None:
    text = ("In Spain the Guardia Civil seized the boat, and Portugal’s Polícia Judiciária will "
            "investigate. Nurul Aina, an analyst at Universiti Teknologi Borneo, said it was new.")
    got = spans(text, kb)
    assert got["Guardia Civil"][0] == "organization"
    assert got["Polícia Judiciária"][0] == "organization"
    assert got["Universiti Teknologi Borneo"][0] == "organization"


def test_lone_the_after_a_country_starts_a_new_name(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("In Spain the Guardia Costera seized the boat.", kb)
    assert got["Guardia Costera"][0] == "organization"
    got = spans("the Council of Coastal States Bordering the Red Sea met.", kb)
    assert got["Council of Coastal States Bordering the Red Sea"][0] == "organization"


def test_national_legislatures_by_their_own_names(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("The Riksdag and the Storting approved the plan; the Verkhovna Rada did not.", kb)
    assert got["Riksdag"][0] == got["Storting"][0] == got["Verkhovna Rada"][0] == "organization"


def test_region_opens_a_joint_name_and_listed_complements(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Ottawa has spent more under its Arctic and North Sea Patrol Agreement since May. "
            "The bloc’s Pact on Trade, Transit and Fisheries in the Great Lakes Region binds them.")
    got = spans(text, kb)
    assert got["Arctic and North Sea Patrol Agreement"][0] == "initiative"
    assert got["Pact on Trade, Transit and Fisheries in the Great Lakes Region"][0] == "initiative"


def test_company_endings_and_armed_group_nouns(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Hulls will be built at Perak Naval Shipyard, radars by Tarvok Electric and gas by "
            "Kelvin Bay Energy, while Varna Shipyard and Engineering Works builds tugs. "
            "Officials accused the KOR-Vanta rebel group of moving fighters.")
    got = spans(text, kb)
    for name in ("Perak Naval Shipyard", "Tarvok Electric", "Kelvin Bay Energy",
                 "Varna Shipyard and Engineering Works", "KOR-Vanta"):
        assert got.get(name, ("",))[0] == "organization", name


def test_ampersand_initials_stay_in_a_name(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("The V&Z Coast Guard launched night patrols.", kb)
    assert got["V&Z Coast Guard"][0] == "organization"


def test_area_suffixes_marines_and_places_with_lower_case_words(kb: kb_mod.KnowledgeBase) -> None:
    text = ("The patrol is directed by Joint Harbour Task Force South, crews come from Naval "
            "Forces Atlantic and a team of Royal Zemblan Marines engineers. Neema Otieno, a "
            "researcher at the University of Dar es Salaam, agreed.")
    got = spans(text, kb)
    assert got["Joint Harbour Task Force South"][0] == "organization"
    assert got["Naval Forces Atlantic"][0] == "organization"
    assert got["Royal Zemblan Marines"][0] == "organization"
    assert got["University of Dar es Salaam"][0] == "organization"
