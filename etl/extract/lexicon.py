"""Closed word lists the patterns use: titles, head words, name particles.

These are English grammar, not entities: every entity name lives in the
knowledge base (``etl/kb/``), never here.
"""

from __future__ import annotations

#: Capitalised words that head a person's title ("Foreign Minister", "Crown Prince").
TITLE_HEADS = frozenset(["President", "President-elect", "Vice-President", "Premier", "Minister", "Secretary", "Secretary-General", "Ambassador", "King", "Queen", "Prince", "Princess", "Emir", "Sheikh", "Sheikha", "Sultan", "Chancellor", "Chairman", "Chairwoman", "Chairperson", "Chair", "Commissioner", "Governor", "Mayor", "Senator", "Envoy", "Director", "Director-General", "Chief", "Spokesman", "Spokeswoman", "Spokesperson", "General", "Lieutenant", "Admiral", "Colonel", "Major", "Captain", "Brigadier", "Marshal", "Commander", "Commandant", "Dr", "Mr", "Mrs", "Ms", "Sir", "Lord", "Pope", "Patriarch", "Representative", "Speaker", "Deputy", "Justice", "Judge", "Ayatollah", "Imam", "Rev", "Congressman", "Congresswoman", "Councillor", "Mufti", "Minister-President", "Coordinator", "Adviser", "Advisor", "Rapporteur", "Emissary", "Attorney-General", "Prosecutor", "Defender", "Superintendent", "Inspector-General", "Sergeant", "Sayyid", "Sayyida", "Shaikh"])
#: Lower-case role nouns that may stand right before a name ("Kremlin spokesman Dmitry Peskov").
ROLE_NOUNS = frozenset(["spokesman", "spokeswoman", "spokesperson", "commander", "chairman", "chairwoman", "chairperson", "chief", "envoy", "minister", "president", "premier", "ambassador", "general", "admiral", "colonel", "governor", "mayor", "director", "researcher", "analyst", "lawmaker", "senator", "official", "officer", "adviser", "advisor", "professor", "expert", "secretary", "leader", "captain", "counterpart", "counterparts"])
#: Words that may precede a title head inside a title phrase ("Deputy Prime Minister").
TITLE_MODIFIERS = frozenset(["Deputy", "Vice", "Assistant", "Acting", "Former", "Prime", "Foreign", "Defence", "Defense", "Interior", "Finance", "Home", "Security", "Trade", "Economy", "Economic", "Energy", "Justice", "Health", "Education", "Labour", "Labor", "Agriculture", "Transport", "Information", "Digital", "Development", "External", "Affairs", "State", "Homeland", "Senior", "Chief", "First", "Second", "Supreme", "High", "Executive", "General", "Permanent", "Special", "National", "Rear", "Field", "Crown", "Lieutenant", "Major", "Grand", "Royal", "Commerce", "Industry", "Interim", "Caretaker", "Federal", "Regional"])
#: Apposition role nouns ("Evan Laksmana, a researcher at ...").
APPOSITION_ROLES = frozenset(["researcher", "analyst", "lawmaker", "spokesman", "spokeswoman", "spokesperson", "commander", "official", "officer", "professor", "expert", "minister", "president", "diplomat", "adviser", "advisor", "envoy", "director", "chairman", "senator", "legislator", "economist", "scholar", "fellow", "journalist", "editor", "ambassador", "general", "colonel", "admiral", "leader", "activist", "lawyer", "member", "head", "chief", "founder", "secretary", "deputy"])
#: Ranks and honorifics that stand before a name and are outside person spans (GUIDELINES: span
#: without title/honorific). The complete English rank tables, full and abbreviated (NATO STANAG
#: 2116 English forms: army/marines, navy, air force), the UK police ranks, and the Malaysian federal
#: honorific styles (Tun, Datuk/Dato', Datin). Abbreviations may carry a full stop ("Maj. Gen.").
RANK_TITLES = frozenset(["Gen", "Lt", "Maj", "Col", "Brig", "Capt", "Cdr", "Cdre", "Adm", "Sgt", "Cpl",
                         "Pte", "Pvt", "Commodore", "Corporal", "Midshipman", "Ensign", "Constable",
                         "Inspector", "Prefect", "Datuk", "Dato", "Datin", "Tun",
                         # police rank abbreviations (Commonwealth/African forces)
                         "Supt", "Snr", "Insp", "Cmdr", "Cmdt", "Comm", "Dept", "Sgt-Maj", "Cst", "Det"])
#: Abbreviated rank words that modify a following rank ("Lt Col", "Maj Gen", "Brig Gen", "Lt Cdr").
RANK_MODIFIERS = frozenset(["Lt", "Maj", "Brig"])
TITLE_HEADS = TITLE_HEADS | RANK_TITLES
TITLE_MODIFIERS = TITLE_MODIFIERS | RANK_MODIFIERS
#: Lower-case particles inside personal names ("Lula da Silva", "Mohammed bin Salman").
NAME_PARTICLES = frozenset(["e", "binti", "ould", "bin", "bint", "ibn", "al", "el", "da", "de", "do", "dos", "das", "di", "du", "van", "von", "der", "den", "la", "le", "y", "ben",
                            # the Germanic nobiliary particles (Wikipedia, "Nobiliary particle"); not Spanish/Italian
                            # "del"/"della", which also join place names ("Cruz del Sur", "Isola della Scala")
                            "af", "av", "ter", "ten", "zu"])
#: Arabic/Persian/Urdu linking particles between two hyphenated name words ("Harun-ur-Rashid",
#: "Shams-ud-Din", "Zia-ul-Haq", "Ali-uz-Zaman"): the assimilated forms of the article.
LINK_PARTICLES = frozenset(["ur", "ud", "ul", "uz", "us", "un", "ut", "ush", "al", "el", "ad", "ar", "as", "an", "at", "az"])
NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III"})

#: Final words of organisation names ("Pakistan Navy", "Egyptian Ministry of Defence").
ORG_HEADS = frozenset(["Ministry", "Army", "Navy", "Force", "Forces", "Division", "Commission", "Council", "Organisation", "Organization", "University", "Movement", "Agency", "Authority", "Bank", "Institute", "Centre", "Center", "Committee", "Command", "Corps", "Guard", "Police", "Service", "Services", "Office", "Department", "Secretariat", "Parliament", "Assembly", "Senate", "Congress", "Court", "Union", "Community", "League", "Association", "Federation", "Group", "Brigade", "Brigades", "Battalion", "Regiment", "Fleet", "Unit", "Units", "Bureau", "Directorate", "Administration", "Board", "Party", "Front", "Cartel", "Coalition", "Industries", "Works", "Company", "Corporation", "Airlines", "Academy", "College", "School", "Foundation", "Society", "Detachment", "Mission", "Cell", "Desk", "Hub", "Team", "Taskforce", "Headquarters", "Staff", "Delegation", "Constabulary", "Gendarmerie", "Guards", "Militia", "Complex", "Studies", "Faculty", "Observatory", "Chamber", "Tribunal", "Inspectorate", "Troops", "Ministerio", "Secretaría", "Ejército", "Armada", "Fuerza", "Fuerzas", "Comando", "Comandos", "Frente", "Cártel", "Movimiento", "Partido", "Policía", "Guardia", "Brigada", "Brigadas", "Autodefensas", "Forças", "Exército", "Marinha", "Polícia", "Ministère", "Armée", "Forces", "Gendarmería",
    # bodies of government and armed groups ("Government of Seychelles", "Gulf Clan", "11th Gorkha Rifles")
    "Government", "Clan", "Clans", "Rifles", "Marines",
    # company-name endings ("Hanwha Aerospace", "Rheinmetall Holdings", "X Ltd")
    "Aerospace", "Holdings", "Technologies", "Shipbuilding", "Airways", "Motors",
    "Electronics", "Dynamics", "Petroleum", "Telecom", "Logistics", "Ltd", "Inc", "PLC", "plc", "LLC", "GmbH",
    "Limited", "Pharmaceuticals", "Insurance", "Bancorp",
    # newspapers, agencies and broadcasters named as sources ("Mekong Observer", "X News Wire")
    "Times", "Herald", "Tribune", "Gazette", "Journal", "Observer", "Chronicle", "Telegraph", "Wire",
    "Broadcasting", "Television", "Radio",
    # yards and more company endings ("Lumut Naval Shipyard", "Mitsubishi Electric", "Kosmos Energy")
    "Shipyard", "Shipyards", "Dockyard", "Electric", "Energy",
    # round 9: diplomatic missions ("the Chilean Embassy in Lima"), broadcasters and outlets
    # named by their medium ("Radio Sud FM", "Kivu TV", "Harbour News")
    "Embassy", "Consulate", "FM", "TV", "News",
    # railway companies: a line is "X Railway", a company mostly "X Railways" ("Kenya Railways")
    "Railways"])
#: Diplomatic missions: "in" + a known place continues their name ("Chilean Embassy in Lima").
MISSION_HEADS = frozenset(["Embassy", "Consulate"])
#: Company-name heads: a company name goes on over "and" ("Karachi Shipyard and Engineering Works").
COMPANY_HEADS = frozenset(["Shipyard", "Shipyards", "Dockyard", "Electric", "Energy", "Aerospace", "Holdings",
                           "Technologies", "Shipbuilding", "Industries", "Works", "Engineering", "Motors",
                           "Electronics", "Dynamics", "Petroleum", "Telecom", "Logistics"])
#: Organisation heads that do not take a possessor "of ...": "Libyan National Army of Khalifa Haftar"
#: is the army of a person, but "Armed Forces of the Philippines" names a country.
FORCE_HEADS = frozenset(["Rifles", "Army", "Navy", "Force", "Forces", "Guard", "Guards", "Troops", "Police", "Militia", "Brigade", "Brigades", "Battalion", "Regiment", "Corps", "Cartel", "Gendarmerie", "Constabulary"])
#: Organisation heads also used for proposed projects: "a proposed X Hub" is an initiative.
WEAK_ORG_HEADS = frozenset(["Hub", "Network", "Centre", "Center", "Grid", "Array", "System"])
#: Final words of initiative names, with the initiative_type they imply.
INITIATIVE_HEADS: dict[str, str] = {
    # round 10: arrangements are agreements ("Five Power Defence Arrangements"), EU funding
    # instruments programmes ("Border Management and Visa Instrument")
    "Arrangements": "agreement", "Instrument": "programme",
    "Initiative": "security_initiative", "Corridor": "economic_corridor", "Route": "economic_corridor",
    "Railway": "economic_corridor", "Pipeline": "economic_corridor",
    "Link": "mechanism", "Declaration": "declaration", "Principles": "declaration",
    "Statement": "declaration", "Communique": "declaration", "Communiqué": "declaration",
    "Agreement": "agreement", "Accord": "agreement", "Accords": "agreement", "Pact": "agreement",
    "Compact": "agreement", "Protocol": "agreement", "Memorandum": "agreement", "Deal": "agreement",
    "Arrangement": "agreement", "Framework": "agreement", "Treaty": "treaty",
    "Convention": "treaty", "Charter": "treaty", "Roadmap": "strategy", "Vision": "strategy",
    "Strategy": "strategy", "Doctrine": "strategy", "Policy": "strategy", "Agenda": "strategy",
    "Plan": "programme", "Programme": "programme", "Program": "programme", "Project": "programme",
    "Fund": "programme", "Facility": "programme", "Scheme": "programme", "Reserve": "programme",
    "Forum": "forum", "Dialogue": "forum", "Conclave": "forum", "Process": "forum",
    "Mechanism": "mechanism", "Partnership": "alliance", "Exercise": "exercise",
    "Operation": "exercise", "Drill": "exercise", "Drills": "exercise", "Shield": "programme",
    "Code": "agreement", "Hotline": "mechanism", "Interconnector": "economic_corridor",
    "Interconnection": "economic_corridor", "Cable": "economic_corridor", "Gateway": "programme",
    "Presence": "mechanism", "Presences": "mechanism", "Pilot": "programme",
    "Resolution": "declaration",
    # amendments to agreements and acts of legislation that fund or set up programmes
    "Amendment": "agreement", "Act": "programme",
}
#: Organisation heads of head-initial languages (Spanish, Portuguese, French, Italian, Malay,
#: Indonesian) that open a name followed by capitalised modifiers ("Guardia Civil", "Polícia
#: Judiciária", "Universiti Kebangsaan Malaysia").
HEAD_INITIAL_ORG = frozenset(["Ministerio", "Ministério", "Ministère", "Secretaría", "Secretaria", "Ejército", "Exército",
                              "Armée", "Armada", "Fuerza", "Fuerzas", "Forças", "Comando", "Comandos", "Policía",
                              "Polícia", "Policia", "Polizia", "Guardia", "Guarda", "Gendarmería", "Gendarmerie",
                              "Prefectura", "Dirección", "Direção", "Direction", "Agencia", "Agência", "Agence",
                              "Servicio", "Serviço", "Instituto", "Institut", "Comisión", "Comissão", "Consejo",
                              "Conselho", "Conseil", "Partido", "Movimiento", "Frente", "Universidad", "Universidade",
                              "Université", "Università", "Universiti", "Universitas", "Tentara", "Angkatan",
                              "Kementerian", "Kementrian", "Badan",
                              # round 9: foundations and associations ("Fundación Paz Ciudadana")
                              "Fundación", "Fundação", "Fondation", "Fondazione", "Asociación", "Associação",
                              "Associazione", "Fundacja", "Stiftung"])
#: Words that begin a broadcaster's name ("Radio Free Asia", "Radio Nord").
ORG_PREFIXES = frozenset(["Radio", "Radiotelevisión", "Télévision", "Rádio"])
#: Words that begin an initiative name ("Operation Prosperity Guardian").
INITIATIVE_PREFIXES = {"Operation": "exercise", "Exercise": "exercise",
                       # Spanish/Portuguese/French names of plans and operations ("Plan Colombia")
                       "Plan": "programme", "Plano": "programme", "Operación": "exercise",
                       "Operação": "exercise", "Opération": "exercise"}

#: Location head words after a name ("Caspian Sea", "Natuna Islands").
LOCATION_HEADS = frozenset(["Sea", "Ocean", "Strait", "Straits", "Gulf", "Bay", "Islands", "Island", "Isles", "River", "Lake", "Canal", "Peninsula", "Desert", "Valley", "Basin", "Gap", "Shoal", "Shoals", "Reef", "Mountains", "Mountains", "Range", "Plateau", "Coast", "Delta", "Pass", "Archipelago", "Region", "Province", "Territory", "Heights", "Highlands", "Plains", "Cape", "Channel", "Sound", "Atoll", "Airport", "Port", "Harbour", "Harbor", "Waterway", "Lagoon", "Oasis", "Mountain", "Hills", "Falls", "Glacier", "Volcano", "Corniche",
    # bases and stations are places (guidelines: "Scott Base", "McMurdo Station"; a numbered
    # "201st Military Base" is a unit, see find._name_type); administrative units by their word
    "Base", "Station", "County", "Canton", "District", "Municipality", "Parish", "Governorate",
    "Prefecture", "Oblast", "Krai",
    # built places named after people ("Ahmed Orabi Street", "Nelson Mandela Square"): never persons
    "Street", "Avenue", "Boulevard", "Square", "Stadium", "Mosque", "Cathedral", "Bridge",
    # the other feature-class names of the USGS Geographic Names Information System (GNIS) that
    # head names; not "Reserve" (an organisation head: "Federal Reserve"), "Summit"/"Spring"
    # (events here: "NATO Summit", "Arab Spring"), "Bar"/"Flat"/"Area" (common words)
    "Park", "Dam", "Reservoir", "Swamp", "Forest", "Beach", "Ridge", "Isthmus", "Cliff", "Crater",
    "Rapids", "Woods", "Bend", "Tunnel", "Trail", "Cave", "Levee",
    # round 9: a named highway is a road, a place ("Pan-American Highway", "Trans-Gambia Highway")
    "Highway"])
#: Two-word location heads that override an organisation head ("Mohammed Al-Ahmad Naval Base").
LOCATION_HEADS_2 = frozenset([("Naval", "Base"), ("Air", "Base"), ("Airbase",), ("Border", "Crossing"), ("Crossing", "Point"),
                              # military training grounds are places ("Five Hills Training Area")
                              ("Training", "Area"), ("Training", "Ground"), ("Training", "Range"), ("Firing", "Range")])
#: Two-word organisation heads that override a location head: a military region, zone or district
#: is a command ("the 4th Military Region", "Western Military District"; round 9).
ORG_HEADS_2 = frozenset([("Military", "Region"), ("Military", "Zone"), ("Military", "District"),
                         ("Military", "Regions"), ("Military", "Zones"), ("Military", "Districts"),
                         # a national Red Cross or Red Crescent society ("Malagasy Red Cross"; round 10)
                         ("Red", "Cross"), ("Red", "Crescent")])
#: Nouns after which a capitalised name before a petroleum modifier is a place: "the Tuna gas
#: field", "the Rumaila oilfield" (round 10).
FIELD_NOUNS = frozenset(["field", "fields", "oilfield", "oilfields", "gasfield", "gasfields"])
FIELD_MODIFIERS = frozenset(["gas", "oil", "condensate", "offshore", "oil-and-gas"])
#: Location words that start a name ("Gulf of Aden", "Lake Victoria", "Strait of Malacca").
LOCATION_PREFIXES = frozenset(["Gulf", "Strait", "Sea", "Bay", "Lake", "Mount", "Cape", "Isle", "Islands", "Bab", "Horn", "Port",
                               # geographic feature words of other languages: Spanish/Portuguese/
                               # Italian/French, Arabic (Ras = cape, Khor = inlet, Jebel = mountain),
                               # Turkic/Persian (Dasht = plain, Kuh = mountain)
                               "Sierra", "Serra", "Cordillera", "Río", "Isla", "Islas", "Ilha", "Ilhas", "Lago", "Laguna", "Golfo", "Bahía", "Baía", "Cerro", "Monte", "Montes", "Punta", "Cabo", "Canal", "Estrecho", "Valle", "Lac", "Mont", "Île", "Îles", "Ras", "Khor", "Jebel", "Jabal", "Wadi", "Dasht", "Kuh", "Tanjung", "Pulau", "Teluk", "Selat",
                               # towns named by a feature word: "Puerto Armuelles", "Paso Canoas"
                               "Puerto", "Paso", "Ciudad", "Porto"])

#: Lower-case words allowed inside a capitalised name ("Council of ...", "Bank for ...").
CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in", "de", "del", "des", "du",
                        "da", "do", "la", "le", "el", "al", "&", "against"})
#: Romance and Arabic particles inside place names ("Isla del Tigre", "Saint-Georges-de-l'Oyapock",
#: "Hawsh al-Sayyed Ali"); "l"/"d" are the elided articles.
PLACE_PARTICLES = frozenset({"de", "del", "della", "da", "do", "dos", "das", "di", "du", "des", "la", "le", "les",
                             "el", "al", "l", "d"})
#: Lower-case words after a hyphen that end a name rather than continue it ("Nairobi-based").
HYPHEN_BREAKS = frozenset(["based", "led", "backed", "brokered", "owned", "funded", "run", "style", "born", "speaking", "made", "linked", "aligned", "affiliated", "controlled", "held", "era", "bound", "flagged", "registered", "sponsored", "supported", "type", "class", "level", "wide"])
#: Lower-case type nouns that say what a name in apposition is ("an exercise, Steppe Shield,").
APPOSITION_TYPES: dict[str, str] = {
    "initiative": "security_initiative", "corridor": "economic_corridor", "route": "economic_corridor",
    "strategy": "strategy", "plan": "programme", "programme": "programme", "program": "programme",
    "project": "programme", "pilot": "programme", "scheme": "programme", "network": "programme",
    "grid": "programme", "exercise": "exercise", "exercises": "exercise", "manoeuvres": "exercise", "maneuvers": "exercise",
    "drill": "exercise", "drills": "exercise",
    "operation": "exercise", "agreement": "agreement", "pact": "agreement", "deal": "agreement",
    "memorandum": "agreement", "accord": "agreement", "compact": "agreement", "treaty": "treaty",
    "declaration": "declaration", "statement": "declaration", "roadmap": "strategy",
    "mechanism": "mechanism", "dialogue": "forum", "forum": "forum", "channel": "mechanism",
    "arrangement": "mechanism", "link": "mechanism", "fund": "programme", "facility": "programme",
    "cell": "organization", "unit": "organization", "body": "organization",
    "task force": "organization", "force": "organization", "coalition": "organization",
    "group": "organization", "team": "organization", "hub": "organization",
    "centre": "organization", "center": "organization", "agency": "organization",
    "mission": "organization", "command": "organization", "detachment": "organization",
    "militia": "organization", "militias": "organization", "gang": "organization", "gangs": "organization",
    "faction": "organization", "factions": "organization", "rebels": "organization", "insurgents": "organization",
    "cartel": "organization", "movement": "organization", "party": "organization",
    "interconnector": "economic_corridor", "pipeline": "economic_corridor", "cable": "economic_corridor",
    "railway": "economic_corridor", "railroad": "economic_corridor", "highway": "economic_corridor",
}
#: Words between an armed group's name and its noun ("the RED-Tabara rebel group").
GROUP_MODIFIERS = frozenset(["rebel", "militant", "armed", "criminal", "jihadist", "separatist", "insurgent",
                             "terrorist", "paramilitary", "extremist", "Islamist", "opposition", "drug"])
#: Material words between a name and its infrastructure noun ("the Balticconnector gas pipeline").
INFRA_MODIFIERS = frozenset(["gas", "oil", "power", "electricity", "subsea", "undersea", "data", "fibre", "fiber", "rail", "water", "hydrogen", "export", "import", "transmission"])
#: Verbs that introduce a name ("named the Baltic Sentry Grid", "dubbed the Kisumu Protocol").
NAMING_VERBS = frozenset(["named", "called", "dubbed", "branded", "titled", "codenamed", "code-named", "known",
                          "nicknamed", "labelled", "labeled", "styled", "termed", "christened"])

#: Status words in the sentence of an initiative mention, most specific first.
STATUS_WORDS: dict[str, str] = {
    "signed": "signed", "sign": "signed", "signs": "signed", "signing": "signed", "ratified": "signed",
    "ratify": "signed", "ratifies": "signed", "concluded": "signed", "adopted": "signed", "adopt": "signed",
    "adopts": "signed", "inked": "signed", "inks": "signed", "agreed": "signed", "agree": "signed",
    "agrees": "signed", "sealed": "signed", "seals": "signed", "endorsed": "signed", "endorse": "signed",
    "endorses": "signed", "approved": "signed", "approves": "signed", "initialled": "signed",
    "initialed": "signed",
    "launched": "launched", "launch": "launched", "launches": "launched", "launching": "launched",
    "unveiled": "launched", "unveils": "launched", "inaugurated": "launched", "inaugurates": "launched",
    "established": "launched", "establishes": "launched", "created": "launched", "creates": "launched",
    "opened": "launched", "opens": "launched", "began": "launched", "begins": "launched",
    "started": "launched", "starts": "launched", "commissioned": "launched", "activated": "launched",
    "proposed": "proposed", "proposes": "proposed", "propose": "proposed", "proposal": "proposed",
    "proposing": "proposed", "planned": "proposed", "plans": "proposed", "would": "proposed",
    "plan": "proposed", "provisionally": "proposed", "draft": "proposed", "negotiating": "proposed",
    "negotiate": "proposed", "negotiations": "proposed",
    "ongoing": "ongoing", "continue": "ongoing", "continues": "ongoing", "continuing": "ongoing",
    "running": "ongoing", "under way": "ongoing", "underway": "ongoing", "already": "ongoing",
}

#: A country after these words inside an organisation's name is where it works or what it
#: deals with, not the country it belongs to ("EU Mission in Armenia", "Council for Libya").
NOT_OWNER_PREPOSITIONS = frozenset(["in", "on", "to", "for", "against", "with", "from", "into", "at", "about", "toward", "towards", "between"])

#: An actor right after these words (articles skipped) is a place, a target or a topic of
#: the sentence, not a party to the initiative it names ("patrols in Libya", "sanctions
#: against Russia"). Measured on the initiative gold (etl/extract/evaluate_initiatives.py).
NOT_PARTY_PREPOSITIONS = frozenset(["against", "in", "at", "on", "about", "over", "despite", "into", "toward", "towards", "than", "near", "off", "outside", "inside", "across", "beyond"])
ARTICLES = frozenset(["the", "a", "an"])

#: Capitalised words that open sentences and are never part of a name.
SENTENCE_WORDS = frozenset(["The", "A", "An", "This", "That", "These", "Those", "It", "Its", "Their", "His", "Her", "Our", "We", "They", "He", "She", "In", "On", "At", "By", "For", "From", "With", "Under", "Over", "After", "Before", "During", "Since", "Until", "While", "When", "Where", "Why", "How", "What", "Which", "Who", "Both", "Each", "Every", "All", "Some", "Many", "Most", "Several", "Few", "No", "Not", "As", "If", "But", "And", "Or", "So", "Yet", "Also", "Meanwhile", "However", "Although", "Though", "Despite", "Because", "Officials", "Regional", "Analysts", "Critics", "Diplomats", "Experts", "Leaders", "Ministers", "Observers", "Delegates", "Participants", "Speaking", "Meeting", "According", "Asked", "Earlier", "Later", "Last", "Next", "Former", "Recent", "New", "Other", "Further", "Furthermore", "Additionally", "Moreover", "Still", "There", "Here", "Such", "Then", "Thus", "Including", "Among", "Between", "Through", "Against", "Toward", "Towards", "Within", "Without"])

#: Region/group adjectives that are not country demonyms (GUIDELINES: never annotated alone).
REGION_ADJECTIVES = frozenset(["Arab", "Western", "Eastern", "Northern", "Southern", "European", "Asian", "African", "Middle", "Sahelian", "Nordic", "Baltic", "Balkan", "Caucasian", "Caribbean", "Latin", "Pacific", "Atlantic", "Mediterranean", "Gulf", "Arctic", "Andean", "Scandinavian", "Slavic", "Turkic", "Persian", "Kurdish", "Islamic", "Muslim"])
#: Prefixes glued by a hyphen that turn a demonym into a region word ("Inter-American", "Pan-African").
GROUP_PREFIXES = frozenset(["inter", "pan", "trans", "intra", "anti", "pro", "non", "all"])
#: Plural nouns after a demonym inside a name that make it a group, not a country
#: ("Organization of American States").
GROUP_NOUNS = frozenset(["States", "Nations", "Countries", "Republics", "Peoples", "Emirates"])

#: Lower-case nouns after a place name that make it a place ("the Gorno-Badakhshan region").
PLACE_NOUNS_AFTER = frozenset(["region", "regions", "province", "provinces", "island", "islands", "archipelago", "river", "valley", "district", "districts", "county", "prefecture", "governorate", "oblast", "exclave", "enclave", "peninsula", "delta", "basin", "mountains", "desert", "coast", "atoll", "lagoon", "oasis",
                               "crossing", "crossings", "checkpoint", "township", "townships", "waterway", "rivers", "lakes", "municipality", "municipalities", "governorates", "mountain", "hills", "strait", "bay", "gulf", "estuary", "plateau", "canal", "airport", "airbase", "seaport"])
#: "the Ras Jedir border crossing", "the Mamuno border post": the name stands before these pairs.
BORDER_NOUNS = frozenset(["crossing", "post", "checkpoint", "point", "town", "village", "city", "district", "region", "area", "crossings"])
#: Lower-case nouns before "of" + a place name ("the island of Crete", "the port of Alat").
PLACE_NOUNS_BEFORE = frozenset(["island", "islands", "port", "town", "towns", "city", "village", "villages", "region", "province", "district", "county", "municipality", "governorate", "oblast", "prefecture", "enclave", "exclave", "outskirts", "suburb", "suburbs", "capital", "archipelago", "peninsula", "state", "municipalities", "provinces", "districts", "harbour", "harbor", "settlement", "township", "atoll", "oasis", "valley"])
#: Place nouns that also take "at" ("the port at Alat").
PLACE_NOUNS_AT = frozenset(["port", "harbour", "harbor", "base", "airbase", "terminal", "crossing", "checkpoint"])
#: Compass words before "of" + a place ("south of Kasos").
COMPASS = frozenset(["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "northwards", "southwards"])
#: Prepositions after which a small town (places.minor) is taken ("near Ādaži").
LOCATIVES = frozenset(["in", "near", "at", "from", "outside", "around", "to", "towards", "toward", "via", "between", "into", "across", "off"])
#: Capitalised words after a known subdivision that belong to its name ("Shan State").
ADMIN_WORDS = frozenset(["State", "Province", "Region", "Oblast", "Governorate", "Prefecture", "County", "District", "Territory", "Krai"])
#: Lower-case nouns right before an organisation's name ("the state copper company Codelco",
#: "grid operator Moldelectrica"); plurals take "including"/"such as" ("companies including Maersk").
ORG_NOUNS_BEFORE = frozenset(["group", "charity", "watchdog", "organisation", "organization", "NGO", "nonprofit", "company", "firm", "operator", "giant", "conglomerate", "carrier", "manufacturer", "contractor", "broadcaster", "newspaper", "insurer", "lender", "producer", "miner", "utility", "shipper", "airline", "maker", "supplier", "outlet", "tabloid", "startup", "start-up", "subsidiary", "consortium", "regulator", "shipbuilder", "shipyard", "automaker", "gunmaker"])
ORG_NOUNS_PLURAL = frozenset(["companies", "firms", "operators", "carriers", "manufacturers", "contractors", "broadcasters", "newspapers", "insurers", "lenders", "producers", "miners", "utilities", "shippers", "airlines", "makers", "suppliers", "outlets", "groups", "lines",
                            # armed groups named in a list ("gangs such as X and Y")
                            "gangs", "cartels", "militias", "factions", "shipbuilders"])
