"""Shared helpers for building and checking the accords gold set.

Source format (tests/gold/_tools/src/<split>/<name>.src, every split but seeds), UTF-8:

    @@ date: 2024-03-12        # article date or "null"
    @@ lang: en
    @@ raw: double             # "double" (paragraphs separated by a blank line in the raw file)
                               # or "single" (raw file has one newline between blocks, like many scrapes)
    === TEXT
    ~clutter line              # a line starting with "~" is web clutter: kept in the raw .txt
                               # (without the "~"), dropped from the .clean.txt
    Headline
    <blank>
    Body paragraph ...
    === ENTITIES
    surface | type | canonical [| occ=0,2]

Every entity row is matched against the clean text (case-sensitive, on word boundaries) and
*every* occurrence becomes a mention, with these nesting rules:
  * a non-country match that lies inside a longer match of any other row is dropped
    (e.g. "Mekdad" inside "Faysal Mekdad", "Beijing" inside "Beijing Declaration");
  * a country match inside a longer organization/initiative match is KEPT (nesting rule),
    but dropped inside a longer country/location/person match ("Saudi" in "Saudi Arabia",
    "China" in "South China Sea");
  * occ=... keeps only the listed 0-based occurrences of that row (used for table cells).
Seeds use <stem>.ents files holding only the ENTITIES section; their clean text is built by
build.py from the shared raw file.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1]
TOOLS = GOLD / "_tools"
SRC = TOOLS / "src"
TYPES = ("country", "organization", "person", "location", "initiative")


def splits() -> list[str]:
    """Every split, in the order the README lists them: seeds, dev, heldout, heldout2, ..."""
    def order(name: str) -> tuple[int, int, str]:
        m = re.fullmatch(r"heldout(\d*)", name)
        rank = {"seeds": 0, "dev": 1}.get(name, 2)
        return (rank, int(m.group(1) or 1) if m else 0, name)

    return sorted((p.name for p in SRC.iterdir() if p.is_dir()), key=order)

# canonical country name -> ISO 3166-1 alpha-3 (checked against pycountry in check.py)
ISO3 = {
    "Afghanistan": "AFG", "Algeria": "DZA", "Angola": "AGO", "Argentina": "ARG", "Armenia": "ARM",
    "Australia": "AUS", "Azerbaijan": "AZE", "Bahrain": "BHR", "Bangladesh": "BGD", "Belarus": "BLR",
    "Benin": "BEN", "Bolivia": "BOL", "Brazil": "BRA", "Burkina Faso": "BFA", "Cameroon": "CMR",
    "Canada": "CAN", "Chad": "TCD", "Chile": "CHL", "China": "CHN", "Colombia": "COL",
    "Djibouti": "DJI", "Ecuador": "ECU", "Egypt": "EGY", "Estonia": "EST", "Ethiopia": "ETH",
    "Finland": "FIN", "France": "FRA", "Georgia": "GEO", "Germany": "DEU", "Ghana": "GHA",
    "Guatemala": "GTM", "India": "IND", "Indonesia": "IDN", "Iran": "IRN", "Iraq": "IRQ",
    "Israel": "ISR", "Italy": "ITA", "Ivory Coast": "CIV", "Japan": "JPN", "Jordan": "JOR",
    "Kazakhstan": "KAZ", "Kenya": "KEN", "Kuwait": "KWT", "Kyrgyzstan": "KGZ", "Latvia": "LVA",
    "Libya": "LBY", "Lithuania": "LTU", "Malaysia": "MYS", "Mali": "MLI", "Mauritania": "MRT",
    "Mexico": "MEX", "Mongolia": "MNG", "Morocco": "MAR", "Mozambique": "MOZ", "Niger": "NER",
    "Nigeria": "NGA", "Norway": "NOR", "Oman": "OMN", "Pakistan": "PAK", "Panama": "PAN",
    "Paraguay": "PRY", "Peru": "PER", "Philippines": "PHL", "Poland": "POL", "Qatar": "QAT",
    "Romania": "ROU", "Russia": "RUS", "Rwanda": "RWA", "Saudi Arabia": "SAU", "Senegal": "SEN",
    "Singapore": "SGP", "Somalia": "SOM", "South Africa": "ZAF", "South Korea": "KOR",
    "Spain": "ESP", "Sudan": "SDN", "Sweden": "SWE", "Syria": "SYR", "Tajikistan": "TJK",
    "Tanzania": "TZA", "Thailand": "THA", "Togo": "TGO", "Tunisia": "TUN", "Türkiye": "TUR",
    "Turkmenistan": "TKM", "Uganda": "UGA", "Ukraine": "UKR", "United Arab Emirates": "ARE",
    "United Kingdom": "GBR", "United States": "USA", "Uruguay": "URY", "Uzbekistan": "UZB",
    "Venezuela": "VEN", "Vietnam": "VNM", "Yemen": "YEM", "Zambia": "ZMB", "Greece": "GRC",
    "Cyprus": "CYP", "Hungary": "HUN", "Czechia": "CZE", "New Zealand": "NZL", "Fiji": "FJI",
    "Papua New Guinea": "PNG", "Sri Lanka": "LKA", "Nepal": "NPL", "Maldives": "MDV",
    "Eritrea": "ERI", "Guinea": "GIN", "Sierra Leone": "SLE", "Liberia": "LBR", "Cuba": "CUB",
    "Haiti": "HTI", "Dominican Republic": "DOM", "Costa Rica": "CRI", "Honduras": "HND",
    "El Salvador": "SLV", "Nicaragua": "NIC", "Moldova": "MDA", "Serbia": "SRB", "Bulgaria": "BGR",
    "Denmark": "DNK", "Netherlands": "NLD", "Belgium": "BEL", "Portugal": "PRT", "Botswana": "BWA",
    "Namibia": "NAM", "Zimbabwe": "ZWE", "Malawi": "MWI", "Cambodia": "KHM", "Laos": "LAO",
    "Myanmar": "MMR", "Brunei": "BRN", "Timor-Leste": "TLS", "Lebanon": "LBN", "Mauritius": "MUS", "Seychelles": "SYC", "Jamaica": "JAM", "Bahamas": "BHS", "Burundi": "BDI", "North Korea": "PRK", "DR Congo": "COD", "Haiti": "HTI",
    "Tonga": "TON", "Nauru": "NRU", "Solomon Islands": "SLB", "Vanuatu": "VUT",
    "Bosnia and Herzegovina": "BIH", "Croatia": "HRV", "Slovenia": "SVN", "South Sudan": "SSD",
    "Barbados": "BRB", "Trinidad and Tobago": "TTO", "Guyana": "GUY", "Saint Lucia": "LCA",
    "Saint Vincent and the Grenadines": "VCT", "Madagascar": "MDG", "Comoros": "COM", "Cabo Verde": "CPV",
    "Guinea-Bissau": "GNB", "Bhutan": "BTN", "Austria": "AUT", "North Macedonia": "MKD", "Albania": "ALB",
    "Gabon": "GAB", "Equatorial Guinea": "GNQ", "Iceland": "ISL", "Ireland": "IRL",
    "Switzerland": "CHE", "Liechtenstein": "LIE", "Lesotho": "LSO", "Samoa": "WSM",
    "Belize": "BLZ", "Slovakia": "SVK",
    "Luxembourg": "LUX",
    "Montenegro": "MNE", "Taiwan": "TWN",
    "Gambia": "GMB", "Palau": "PLW", "Cook Islands": "COK", "Kiribati": "KIR",
    "Marshall Islands": "MHL", "Tuvalu": "TUV", "Micronesia": "FSM",
    "Grenada": "GRD", "Antigua and Barbuda": "ATG",
    "Suriname": "SUR", "Dominica": "DMA", "Saint Kitts and Nevis": "KNA",
    "São Tomé and Príncipe": "STP",
    "Malta": "MLT",
    "Eswatini": "SWZ",
}


@dataclass
class Row:
    surface: str
    type: str
    canonical: str
    occ: list[int] | None = None
    line: str = ""


@dataclass
class Doc:
    name: str
    date: str | None
    lang: str
    raw_style: str
    lines: list[str]  # with "~" markers
    rows: list[Row] = field(default_factory=list)


def parse_rows(block: str, where: str) -> list[Row]:
    rows = []
    for ln in block.splitlines():
        if not ln.strip() or ln.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in ln.split(" | ")]
        if len(parts) not in (3, 4):
            raise ValueError(f"{where}: bad entity row {ln!r}")
        occ = None
        if len(parts) == 4:
            opt = parts[3]
            if not opt.startswith("occ="):
                raise ValueError(f"{where}: bad option {opt!r}")
            occ = [int(x) for x in opt[4:].split(",")]
        if parts[1] not in TYPES:
            raise ValueError(f"{where}: bad type {parts[1]!r}")
        if parts[1] == "country" and parts[2] not in ISO3:
            raise ValueError(f"{where}: no ISO3 for {parts[2]!r}")
        rows.append(Row(parts[0], parts[1], parts[2], occ, ln))
    return rows


def parse_src(path: Path) -> Doc:
    txt = path.read_text(encoding="utf-8")
    head, rest = txt.split("=== TEXT\n", 1)
    body, ents = rest.split("=== ENTITIES\n", 1)
    meta = {}
    for ln in head.splitlines():
        if ln.startswith("@@"):
            k, v = ln[2:].split(":", 1)
            meta[k.strip()] = v.split("#")[0].strip()
    date = None if meta.get("date", "null") == "null" else meta["date"]
    return Doc(path.stem, date, meta.get("lang", "en"), meta.get("raw", "double"),
               body.rstrip("\n").split("\n"), parse_rows(ents, str(path)))


def blocks_to_text(blocks: list[list[str]], sep: str) -> str:
    return sep.join("\n".join(b) for b in blocks) + "\n"


def split_blocks(lines: list[str]) -> list[list[str]]:
    blocks, cur = [], []
    for ln in lines:
        if ln.strip() == "":
            if cur:
                blocks.append(cur)
                cur = []
        else:
            cur.append(ln)
    if cur:
        blocks.append(cur)
    return blocks


def render(doc: Doc) -> tuple[str, str]:
    """Return (raw, clean)."""
    raw_lines = [ln[1:] if ln.startswith("~") else ln for ln in doc.lines]
    if doc.raw_style == "single":
        raw = "\n".join(ln for ln in raw_lines if ln.strip() != "") + "\n"
    else:
        raw = "\n".join(raw_lines) + "\n"
    clean_lines = [ln.rstrip() for ln in doc.lines if not ln.startswith("~")]
    clean = blocks_to_text(split_blocks(clean_lines), "\n\n")
    return raw, clean


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def find_all(text: str, s: str) -> list[int]:
    out, i = [], text.find(s)
    while i != -1:
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(s)] if i + len(s) < len(text) else " "
        if not _is_word(before) and not _is_word(after):
            out.append(i)
        i = text.find(s, i + 1)
    return out


def annotate(text: str, rows: list[Row], where: str) -> list[dict]:
    cands = []  # (start, end, row)
    for r in rows:
        hits = find_all(text, r.surface)
        if not hits:
            raise ValueError(f"{where}: surface not found: {r.surface!r}")
        if r.occ is not None:
            if max(r.occ) >= len(hits):
                raise ValueError(f"{where}: occ out of range for {r.surface!r} ({len(hits)} hits)")
            hits = [h for k, h in enumerate(hits) if k in r.occ]
        cands += [(h, h + len(r.surface), r) for h in hits]
    keep = []
    for s, e, r in cands:
        drop = False
        for s2, e2, r2 in cands:
            if r2 is r and s2 == s:
                continue
            if (s2, e2) == (s, e):
                raise ValueError(f"{where}: same span twice {r.surface!r} ({r.type}/{r2.type})")
            if s2 <= s and e <= e2:  # strictly inside a longer candidate
                if r.type != "country" or r2.type in ("country", "location", "person"):
                    drop = True
                    break
            elif s2 < s < e2 < e or s < s2 < e < e2:
                raise ValueError(f"{where}: crossing spans {r.surface!r} / {r2.surface!r}")
        if not drop:
            keep.append((s, e, r))
    keep.sort(key=lambda x: (x[0], -x[1]))
    ments = []
    for s, e, r in keep:
        m = {"start": s, "end": e, "surface": text[s:e], "type": r.type, "canonical": r.canonical}
        if r.type == "country":
            m["iso3"] = ISO3[r.canonical]
        ments.append(m)
    return ments


def write_json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=1) + "\n", encoding="utf-8", newline="\n")


def write_text(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
