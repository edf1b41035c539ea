"""Write etl/kb/ambiguous.csv (surface,reason) from the reviewed list below.

A surface listed here must not be matched on its own without context (another
mention of the same entity, a country cue, a title...).  Surfaces that point
to two entities of the same type in the KB must be listed here (check_kb.py
enforces it).  Edit the list, re-run, then run check_kb.py.
"""
from __future__ import annotations

import csv

from kbcommon import KB_DIR

AMBIGUOUS = {
    # --- countries / demonyms ---
    "Chad": "country; also a given name",
    "Georgia": "country; also a US state and a given name (keep matching, flag)",
    "Jordan": "country; also a given name and a river",
    "Niger": "country; also the Niger river",
    "Guinea": "country; also part of Papua New Guinea / Equatorial Guinea / Guinea-Bissau, Gulf of Guinea",
    "Guinean": "Guinea; also Equatorial Guinean / Bissau-Guinean / Papua New Guinean in context",
    "Turkey": "country; also the bird / food",
    "China": "country; also porcelain (keep matching)",
    "Chinese": "country adjective; also language and ethnicity (keep matching)",
    "Mali": "country; also a surname and a word in several languages",
    "Congo": "Republic of the Congo vs DR Congo vs the Congo river",
    "Congolese": "demonym of both country:cog and country:cod",
    "Dominican": "demonym of both country:dom and country:dma",
    "Korean": "demonym of both country:kor and country:prk; also ethnicity/language",
    "America": "United States; also the Americas",
    "American": "United States; also pan-American / the Americas",
    "US": "United States only as an exact-case token; 'us' is a pronoun",
    "Indian": "India; also Indian Ocean, Native Americans",
    "Macedonian": "North Macedonia; also the Greek region and the ethnicity",
    "Micronesian": "Federated States of Micronesia; also the Micronesia region",
    "Lao": "Laos; also the Lao ethnicity / language",
    "French": "France; also the language (francophone Africa etc.)",
    "Spanish": "Spain; also the language (Latin America)",
    "Portuguese": "Portugal; also the language (Brazil, Lusophone Africa)",
    "Jersey": "Crown dependency; also New Jersey and the garment",
    "Reunion": "Réunion; also the common word",
    "Chile": "country; also a spelling of chili",
    # --- capitals / cities / places ---
    "Male": "Malé (Maldives); also the common word",
    "Victoria": "capital of Seychelles; also an Australian state, Canadian city and given name",
    "Kingston": "capital of Jamaica and of Norfolk Island; also UK/Canadian towns",
    "Hamilton": "capital of Bermuda; also cities in Canada/NZ and a surname",
    "Georgetown": "capital of Guyana; also a Washington DC neighbourhood/university and Penang",
    "George Town": "capital of the Cayman Islands; also Penang (Malaysia)",
    "Stanley": "capital of the Falklands; also a given name",
    "Douglas": "capital of the Isle of Man; also a given name",
    "Washington": "Washington, D.C. / US government metonym; also the US state and a surname",
    "Santiago": "capital of Chile; also Santiago de Cuba, Santiago de Compostela, a given name",
    "San José": "capital of Costa Rica; also San Jose, California",
    "San Jose": "capital of Costa Rica; also San Jose, California",
    "San Juan": "capital of Puerto Rico; many other places",
    "St. John's": "capital of Antigua and Barbuda; also St. John's, Newfoundland",
    "Tripoli": "capital of Libya; also Tripoli, Lebanon (loc:tripoli-lebanon)",
    "Plymouth": "capital of Montserrat (abandoned); also Plymouth, UK",
    "The Valley": "capital of Anguilla; also a common phrase",
    "West Island": "capital of the Cocos (Keeling) Islands; also a generic place phrase",
    "Saint-Denis": "capital of Réunion; also a Paris suburb",
    "Jamestown": "capital of Saint Helena; also US towns",
    "Sucre": "constitutional capital of Bolivia; also a Venezuelan state",
    "Jerusalem": "status disputed: iso3 deliberately left empty",
    "Lagos": "Nigeria; also Lagos, Portugal",
    "Alexandria": "Egypt; also Alexandria, Virginia",
    "Darwin": "Australian city; also Charles Darwin",
    "Tyre": "Lebanese city; also the word tyre",
    "Gao": "Malian city; also a Chinese surname",
    "Medina": "Saudi city; also a surname and old-city quarter",
    "Canton": "old name of Guangzhou; also Swiss cantons and US towns",
    "Gaza": "Gaza Strip vs Gaza City",
    "Rafah": "city vs the Rafah crossing",
    "Kashmir": "the wider region vs Jammu and Kashmir / Azad Kashmir",
    "Pacific": "Pacific Ocean; also the Pacific Islands region",
    "the Gulf": "Persian Gulf; also Gulf of Oman/Aden/Mexico/Guinea in context",
    "East Sea": "Korean name of the Sea of Japan; Vietnamese name of the South China Sea",
    "KP": "Khyber Pakhtunkhwa; other abbreviations",
    "LAC": "Line of Actual Control; also Latin America and the Caribbean",
    "LoC": "Line of Control; also Library of Congress, letter of credit",
    "DMZ": "Korean Demilitarized Zone; other demilitarized zones",
    "Golan": "Golan Heights; also a surname",
    # --- organisations ---
    "Security Council": "UN Security Council; also national security councils",
    "General Assembly": "UN General Assembly; also other assemblies",
    "National Security Council": "US NSC; many countries have one",
    "Joint Chiefs of Staff": "US JCS; Pakistani and South Korean bodies have similar names",
    "Foreign Office": "UK FCDO; also Pakistan's and Germany's foreign offices",
    "Counter Terrorism Department": "Pakistan CTD; other countries have similar units",
    "Ministry of State Security": "China MSS; also North Korea's and others",
    "IS": "Islamic State, exact case only; 'is' is a verb and headlines are upper-case",
    "Wagner": "Wagner Group; also the composer / a surname",
    "Quad": "Quadrilateral Security Dialogue; also a common word",
    "Dawn": "Pakistani newspaper; also a common word",
    "RT": "Russia Today; also retweet",
    "Sputnik": "Russian media outlet; also the satellite and the vaccine",
    "AP": "Associated Press; also Andhra Pradesh and other abbreviations",
    "ICC": "International Criminal Court; also International Cricket Council",
    "PTI": "Pakistan Tehreek-e-Insaf; also Press Trust of India",
    "RSF": "Rapid Support Forces (Sudan); also Reporters Without Borders",
    "ISF": "Iraqi Security Forces; also Lebanon's Internal Security Forces",
    "PAF": "Pakistan Air Force; also Philippine Air Force",
    "AFP": "Agence France-Presse; also Armed Forces of the Philippines",
    "SPA": "Saudi Press Agency; also spa / other agencies",
    "The Commonwealth": "Commonwealth of Nations; also US commonwealths, Australia",
    "Taliban": "Afghan Taliban; in Pakistani context may mean the TTP",
    # round 6 (whole classes: arms companies, national oil companies, broadcasters/agencies)
    "Leonardo": "Italian defence company; also a given name (Leonardo da Vinci, DiCaprio)",
    "Thales": "French defence company; also a given name (Thales of Miletus)",
    "CCTV": "China Central Television; also closed-circuit television cameras, common in security reporting",
    "Saab": "Swedish defence company; also an Arabic/Lebanese surname and the car brand",
    "Rai": "Italian public broadcaster (RAI); also a South Asian surname and a place",
    "Kan": "Israeli public broadcaster; also a given name / surname and a common word",
    # round 7 (police, missions, militant groups, media, tech, NGOs, universities, shipbuilders)
    "Meta": "Meta Platforms; also a given name, a place and the common word/prefix",
    "Apple": "the company; also the fruit",
    "Oracle": "the company; also the common word and a US town",
    "Alphabet": "Google's parent company; also the common word",
    "Intel": "the company; also short for intelligence",
    "Tesla": "the company; also Nikola Tesla and the unit",
    "Stuff": "New Zealand news site; also the common word",
    "Mint": "Indian business daily; also the common word and the Royal Mint",
    "Spiegel": "Der Spiegel; also a surname",
    "Granma": "Cuban daily; also the Cuban province and the yacht",
    "Cumhuriyet": "Turkish daily; also Turkish place names ('republic')",
    "Reforma": "Mexican daily; also places and the Spanish word (Paseo de la Reforma)",
    "Excelsior": "Mexican daily (Excélsior); also places and a common word",
    "Kızılay": "Turkish Red Crescent; also an Ankara district and square",
    "Tatra": "Czech truck maker; also the Tatra mountains",
    "Patria": "Finnish defence company; also the Latin/Spanish word and places",
    "Fano": "Amhara militia; also the Italian town and a surname",
    "Bruegel": "Brussels think tank; also the painters",
    "Gan": "Maldivian island (Addu); also a Chinese surname",
    "Jaber": "Jordanian border crossing; also an Arabic given name",
    "Risha": "Jordanian border crossing; also a given name",
    "Nassib": "Syrian border crossing; also a given name",
    "Flores": "Indonesian island; also a Spanish surname and places in Latin America",
    "Andros": "Bahamian island; also a Greek island and a given name",
    "Rosso": "Mauritanian border town; also an Italian surname and word",
    # --- people ---
    "Zhang Ming": "SCO Secretary-General; common Chinese name",
    "Zhang Jun": "Chinese diplomat; common Chinese name",
    "Li Xi": "Chinese leader; common Chinese name",
    "Liu He": "Chinese vice premier; common Chinese name",
    "Karim Khan": "ICC prosecutor; common name",
    "Mohammad Mustafa": "Palestinian PM; common name",
    "Eli Cohen": "Israeli minister; also the 1960s Israeli spy",
    "Fuad Hussein": "Iraqi foreign minister; common name",
    "Lula": "Brazilian president; also a given name",
    # --- initiatives ---
    "Vision 2030": "Saudi Vision 2030; also Egypt Vision 2030 and others",
    "Peace Mission": "SCO exercise; also a generic phrase",
    "Malabar": "exercise; also the Malabar coast of India",
    "Sea Breeze": "exercise; also a common phrase",
    "Pitch Black": "exercise; also a common phrase",
    "Bright Star": "exercise; also a common phrase",
    "Vostok": "exercise; Russian for 'east', also the rocket/spacecraft",
    "Zapad": "exercise; Russian for 'west'",
    "Sea Guardian": "China-Pakistan exercise; also NATO Operation Sea Guardian",
    "Development Road": "Iraq corridor project; also a generic phrase",
    "Doha Agreement": "2020 US-Taliban agreement; also the 2008 Lebanon Doha Agreement",
    "Pretoria Agreement": "2022 Ethiopia-TPLF agreement; also the 2002 DRC-Rwanda agreement",
}


def main():
    with (KB_DIR / "ambiguous.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["surface", "reason"])
        for s in sorted(AMBIGUOUS, key=lambda x: (x.lower(), x)):
            w.writerow([s, AMBIGUOUS[s]])
    print(f"ambiguous: {len(AMBIGUOUS)}")


if __name__ == "__main__":
    main()
