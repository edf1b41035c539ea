"""Round 5 extraction rules (error classes, not strings), each on invented text."""
from __future__ import annotations

from accords.etl.extract import kb as kb_mod
from support import spans


def test_ranks_and_honorifics_are_outside_person_spans(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Army spokesman Maj Gen Tobias Wendelin said the convoy was late. "
            "Commodore Ilse Brannvik, who leads the flotilla, agreed. "
            "“We are ready,” said Lt Col Pavo Rinkemaa, the unit commander. "
            "Inspector Nala Odhuro of the harbour police was not convinced, and "
            "Datuk Harun Selangkoh, the mission head, spoke last.")
    got = spans(text, kb)
    for name in ("Tobias Wendelin", "Ilse Brannvik", "Pavo Rinkemaa", "Nala Odhuro", "Harun Selangkoh"):
        assert got.get(name, ("",))[0] == "person", name
    assert not any(s.startswith(("Maj", "Gen ", "Commodore", "Lt", "Col", "Inspector", "Datuk"))
                   for s in got)


def test_dependent_territories_are_locations_de_facto_states_countries(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("A cutter from Guam and a frigate based in Réunion joined ships of Taiwan and Kosovo "
                "observers off Bermuda.", kb)
    for place in ("Guam", "Réunion", "Bermuda"):
        assert got[place][0] == "location", place
    assert got["Taiwan"][0] == "country"
    assert got["Kosovo"][0] == "country"


def test_particle_runs_and_hyphen_links_inside_person_names(kb: kb_mod.KnowledgeBase) -> None:
    text = ("“The corridor holds,” said Maarten van der Stoelhuis, a researcher at the port. "
            "“Not yet,” said Elsa af Brinkenstam, an analyst at the institute. "
            "The figures were confirmed, according to Lieutenant Commander Anis-ul-Karimuddin, "
            "spokesman of the flotilla. “We wait,” said Qasim al-Barzanjiwi, a researcher at a think tank.")
    got = spans(text, kb)
    for name in ("Maarten van der Stoelhuis", "Elsa af Brinkenstam", "Anis-ul-Karimuddin",
                 "Qasim al-Barzanjiwi"):
        assert got.get(name, ("",))[0] == "person", name
    assert "Stoelhuis" not in got and "Anis-ul" not in got


def test_lower_case_admin_word_stays_outside_a_known_place(kb: kb_mod.KnowledgeBase) -> None:
    # the KB lists "Batken region" and "Sughd region" as aliases; the span is the name alone
    got = spans("Lorries cross the Sughd region into the Batken region every night.", kb)
    assert got["Sughd"][0] == "location" and got["Batken"][0] == "location"
    assert "Sughd region" not in got and "Batken region" not in got


def test_place_names_go_on_over_romance_and_arabic_particles(kb: kb_mod.KnowledgeBase) -> None:
    text = ("The patrol boats left Vila Real de Santo Anselmo at dawn and reached Isla del Tigre by noon. "
            "Smugglers were seen near the village of Hawsh al-Kazimiyya Ali and in Saint-Georges-de-l'Ardoise.")
    got = spans(text, kb)
    for place in ("Isla del Tigre", "Hawsh al-Kazimiyya Ali", "Saint-Georges-de-l'Ardoise"):
        assert got.get(place, ("",))[0] == "location", place
    assert "Tigre" not in got and "Hawsh" not in got and "Saint-Georges" not in got
    # a person's particles are not a place's
    assert "Lula da Silva" not in {s for s, (t, _) in spans("Lula da Silva spoke in Brasília.", kb).items()
                                   if t == "location"}


def test_force_of_the_parent_body_is_one_name(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("The accord was signed by the Coastal Troops of the Federal Protection Service "
                "and by the Mountain Troops of Ruritania's Internal Security Service.", kb)
    assert got["Coastal Troops of the Federal Protection Service"][0] == "organization"
    assert "Mountain Troops of Ruritania's Internal Security Service" not in got


def test_outlet_after_told_the_is_an_organisation(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("A spokesman told the Harbour Clarion the ships would sail. She later told the Vekstrom "
                "on Friday that talks went well. He told the President nothing and told the Minister of "
                "Fisheries everything.", kb)
    assert got["Harbour Clarion"][0] == "organization"
    assert got["Vekstrom"][0] == "organization"
    assert "President" not in got and "Minister" not in got


def test_name_before_a_facility_place_noun_with_a_modifier(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("The trawler was escorted to the Vorrakulam fishery harbour. The ships will use the "
                "Kestrava naval base and the navy’s Ostrandby base.", kb)
    for place in ("Vorrakulam", "Kestrava", "Ostrandby"):
        assert got.get(place, ("",))[0] == "location", place


def test_capitalised_compass_word_opens_a_known_place(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("Cocaine moves through the Eastern Pacific and the Western and Central Pacific, "
                "and eastern Caribbean states watch the Caribbean.", kb)
    assert got["Eastern Pacific"][0] == "location"
    assert got["Western and Central Pacific"][0] == "location"
    assert got["Caribbean"][0] == "location" and "eastern Caribbean" not in got


def test_name_in_parentheses_after_an_organisation_is_its_other_name(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Officers of the Ruritanian Maritime Authority (Merivirasto) and of the National Narcotics "
            "Secretariat (Senarko) met the Borduria Coast Guard (Kenya) team. Senarko said the seizure "
            "was large.")
    got = spans(text, kb)
    assert got["Merivirasto"] == got["Ruritanian Maritime Authority"]
    assert got["Senarko"][0] == "organization"
    assert got.get("Kenya", ("",))[0] == "country"


def test_name_set_off_by_commas_after_a_role_noun(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("A port official, Teodor Vasquell, said the cranes were idle. The gang's alleged "
                "leader, Miro Saltanek, is wanted in three countries.", kb)
    assert got["Teodor Vasquell"][0] == "person"
    assert got["Miro Saltanek"][0] == "person"


def test_people_listed_by_country_after_a_plural_role(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("Interior ministers Kasimir Oltrend of Poland, Davor Meklin of Croatia and others met. "
                "The Bank of Korea and the University of Ghana were not there.", kb)
    assert got["Kasimir Oltrend"][0] == "person"
    assert got["Davor Meklin"][0] == "person"
    assert not any(t == "person" and ("Bank" in surface or "University" in surface)
                   for surface, (t, _) in got.items())


def test_gnis_feature_heads_make_places_not_persons(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("Gold miners hide inside the Varmanu Forest and near the Tolbek Reservoir, rangers "
                "from Oskel Park said. Park Jun-seo, a researcher at the institute, agreed.", kb)
    for place in ("Varmanu Forest", "Tolbek Reservoir", "Oskel Park"):
        assert got.get(place, ("",))[0] == "location", place
    assert got["Park Jun-seo"][0] == "person"


def test_descriptive_organisation_aliases_give_only_the_name_inside(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("The Lebanese army and the French military met officials of the Islamic State group "
                "case and the UN refugee agency.", kb)
    assert "Lebanese army" not in got and "French military" not in got and "UN refugee agency" not in got
    assert got["Lebanese"][0] == "country" and got["French"][0] == "country"
    assert got["Islamic State"][0] == "organization"
