"""Per-document extraction: normalised text -> candidate entity spans.

Pure and deterministic. Sources of spans, strongest first:
knowledge-base names (token-tuple dict, longest match), acronym definitions
("Long Name (ACR)"), title + name persons, head-word patterns for
organisations, initiatives and places, naming/apposition patterns
("an exercise, Steppe Shield", "dubbed the Kisumu Protocol"), cells of
initiative columns in pipe tables, then the cities/subdivisions gazetteer.
Overlaps keep the longest span; a country inside an organisation or
initiative name is kept as a nested mention. A second pass re-finds every
name (and acronym, surname, given name) found once, everywhere in the text.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from typing import Any

from accords.etl.extract import lexicon as lx
from accords.etl.extract import places as places_mod
from accords.etl.extract.candidates import Candidate
from accords.etl.extract.kb import Entry, KnowledgeBase
from rapidfuzz import fuzz

_TOKEN = re.compile(r"\w+|[^\w\s]")
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"(])|\n+")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&]*[A-Z0-9][a-z]?s?$|^[A-Z][a-z]+[A-Z]\w*$"
                      r"|^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$")  # hyphenated: "GI-TOC", "MAOC-N", "R-ARCSS"
_CLUTTER_LINE = re.compile(
    r"^\s*(?:by\s+[A-Z]|reporting by|editing by|writing by|additional reporting|compiled by|"
    r"photo(?:graph)?:|image:|source:|©|copyright|all rights reserved|follow us|share this|"
    r"read more|related stories|subscribe)", re.I)
_MAX_TOKENS = 12
#: Person names fuzzy-matched to a known person at or above this rapidfuzz ratio
#: (measured on the KB's own spelling variants: tools/extract/measure_person_threshold.py).
PERSON_MATCH_THRESHOLD = 90.0
_QUOTES_OPEN = {"“", '"', "‘", "«"}
_QUOTES_CLOSE = {"”", '"', "’", "»"}
_DASHES = str.maketrans({"‐": "-", "‑": "-", "’": "'", "‘": "'", "`": "'"})
_DASH_CHARS = re.compile("[" + re.escape("".join(map(chr, _DASHES))) + "]")
_TYPE_RANK = {"country": 5, "organization": 4, "initiative": 3, "location": 2, "person": 1}
# Higher wins among equal spans: in-document evidence beats the generic gazetteer.
_METHOD_RANK = {"acronym_definition": 9, "knowledge_base": 8, "table_cell": 8, "person_title": 7,
                "person_given": 7,
                "initiative_pattern": 6, "org_pattern": 6, "short_reference": 5, "acronym": 5,
                "place_cue": 3, "gazetteer": 2}


def _key(tok: str) -> str:
    return tok.translate(_DASHES)


def _fold(tok: str) -> str:
    return unicodedata.normalize("NFKD", tok).encode("ascii", "ignore").decode().lower() or tok.lower()


@dataclass(frozen=True)
class _Info:
    """What a span names (shared by every span of one entity in a document)."""

    entity_type: str
    canonical: str
    key: str | None = None
    subtype: str | None = None
    iso3: str | None = None
    acronym: str | None = None


def _info(e: Entry) -> _Info:
    return _Info(e.entity_type, e.canonical_name, e.key, e.subtype, e.iso3, e.acronym)


@dataclass(frozen=True)
class _Span:
    i: int  # first token
    j: int  # one past the last token
    info: _Info
    method: str
    boost: int = 0  # breaks ties between equal spans beyond the method's rank


#: A node of the gazetteer's token trie: the node after each next token's key, and under
#: ``_END`` (no token is empty) the name that ends here.
_Trie = dict[str, Any]
_END = ""


class Gazetteer:
    """Token-tuple lookup of every surface form in a knowledge base (plus places)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.forms: dict[tuple[str, ...], _Info] = {}
        self.upper: dict[tuple[str, ...], _Info] = {}  # case-folded, for ALL-CAPS datelines
        self.prefixes: set[tuple[str, ...]] = set()
        self.demonyms = kb.demonyms
        self.person_names: dict[str, list[tuple[str, _Info]]] = {}
        #: Known people by family name (the token news uses alone: "Li", "Tokayev").
        self.family_names: dict[str, list[_Info]] = {}
        self.gazetteer_keys: set[str] = set()
        self._entry_forms: dict[str, tuple[tuple[str, ...], ...]] = {}
        ranked = sorted(kb.entries.values(), key=lambda e: -_TYPE_RANK.get(e.entity_type, 0))
        for e in ranked:
            info = _info(e)
            for form in (e.canonical_name, *e.aliases):
                self._add(form, info)
            if e.entity_type == "person":
                for form in (e.canonical_name, *e.aliases):
                    n = _norm_name(form)
                    self.person_names.setdefault(n[:2], []).append((n, info))
                family = _family_name(e.canonical_name, e.iso3)
                if family:
                    self.family_names.setdefault(family, []).append(info)
        for e in kb.places:
            self.gazetteer_keys.add(e.key)
            self._add(e.canonical_name, _info(e))
            for a in e.aliases:  # the name without diacritics
                self._add(a, _info(e))
        #: First tokens of the small towns taken after a place cue (a cheap test before the lookup).
        self.minor_first = frozenset(m.group(0) for m in map(_TOKEN.match, kb.minor_places) if m)
        #: The forms as a token trie, for :meth:`longest`: walking it token by token costs one
        #: dict lookup a step, where looking up every prefix built a tuple and hashed it twice.
        self.trie: _Trie = {}
        for toks, info in self.forms.items():
            node = self.trie
            for t in toks:
                node = node.setdefault(t, {})
            node[_END] = info

    def _add(self, form: str, info: _Info) -> None:
        toks = tuple(_key(m.group(0)) for m in _TOKEN.finditer(form))
        if not toks or len(toks) > _MAX_TOKENS:
            return
        self.forms.setdefault(toks, info)
        for n in range(1, len(toks)):
            self.prefixes.add(toks[:n])
        if info.entity_type in ("location", "country"):
            up = tuple(t.casefold() for t in toks)
            self.upper.setdefault(up, info)
            for n in range(1, len(up)):
                self.prefixes.add(up[:n])

    def entry_forms(self, e: Entry) -> tuple[tuple[str, ...], ...]:
        """Token keys of an entry's capitalised names (memoised)."""
        out = self._entry_forms.get(e.key)
        if out is None:
            out = tuple(t for t in (tuple(_key(m.group(0)) for m in _TOKEN.finditer(f))
                                    for f in (e.canonical_name, *e.aliases)) if t and t[0][:1].isupper())
            self._entry_forms[e.key] = out
        return out

    def longest(self, keys: Sequence[str], i: int) -> tuple[int, _Info] | None:
        """Longest known form starting at token ``i``: (end token, info)."""
        n = len(keys)
        if not 0 <= i < n:
            return None
        best: tuple[int, _Info] | None = None
        node = self.trie.get(keys[i])
        j = i + 1
        while node is not None:
            info = node.get(_END)
            if info is not None:
                best = (j, info)
            if j >= n:
                break
            node = node.get(keys[j])
            j += 1
        return best

    def longest_each(self, keys: Sequence[str], positions: dict[str, list[int]]) -> list[tuple[int, _Info] | None]:
        """:meth:`longest` at every token; ``positions`` gives each distinct token's positions
        (a token's key is the same wherever it occurs), so only tokens that start a form are
        walked from."""
        out: list[tuple[int, _Info] | None] = [None] * len(keys)
        for ks in positions.values():
            if keys[ks[0]] in self.trie:
                for i in ks:
                    out[i] = self.longest(keys, i)
        return out

    def longest_upper(self, toks: Sequence[str], i: int) -> tuple[int, _Info] | None:
        best: tuple[int, _Info] | None = None
        for j in range(i + 1, min(len(toks), i + 5) + 1):
            t = toks[j - 1]
            if not (t.isupper() or not t[0].isalnum()):
                break
            key = tuple(_key(x).casefold() for x in toks[i:j])
            hit = self.upper.get(key)
            if hit is not None:
                best = (j, hit)
            if key not in self.prefixes:
                break
        return best

    def known_person(self, name: str) -> _Info | None:
        """The known person whose spelling is closest to ``name``, if close enough."""
        n = _norm_name(name)
        best, score = None, PERSON_MATCH_THRESHOLD
        for other, info in self.person_names.get(n[:2], ()):
            s = fuzz.ratio(n, other)
            if s >= score and _same_surname(n, other):
                best, score = info, s
        return best


def _plain(tok: str) -> str:
    """A token without diacritics ("Häkkänen" -> "Hakkanen")."""
    return tok if tok.isascii() else places_mod._plain(tok)


def _norm_name(name: str) -> str:
    return " ".join(_fold(name).replace("-", " ").replace(".", " ").split())


def _same_surname(a: str, b: str) -> bool:
    """Last words alike: keeps "Ali Khan"/"Ali Khan Jr." but never two surnames."""
    la, lb = a.split()[-1:], b.split()[-1:]
    return bool(la and lb) and fuzz.ratio(la[0], lb[0]) >= 75


_GAZETTEERS: dict[str, Gazetteer] = {}


#: Countries whose names are written family name first in English-language news
#: ("Li Shangfu" ... "Li said", "Yoon Suk Yeol" ... "Yoon said").
_FAMILY_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK"})


def _family_name(name: str, iso3: str | None) -> str | None:
    words = [w for w in name.split() if w[:1].isupper()]
    if len(words) < 2:
        return None
    return words[0] if iso3 in _FAMILY_FIRST else words[-1]


def _office(role: str | None) -> str:
    """The office in a known person's role ("Defence Minister of China" -> "defence minister"),
    spelt as :func:`_offices_text` spells the text."""
    return re.sub(r"\bdefense\b", "defence", (role or "").split(" of ")[0].strip().lower())


def _offices_text(text: str) -> str:
    return re.sub(r"\bdefense\b", "defence", text.lower())


def _names_office(text: str, office: str) -> bool:
    """``office`` as whole words of ``text`` (so "members" is not the office "member")."""
    return bool(office) and re.search(rf"\b{re.escape(office)}\b", text) is not None


def gazetteer(kb: KnowledgeBase) -> Gazetteer:
    if kb.digest not in _GAZETTEERS:
        _GAZETTEERS[kb.digest] = Gazetteer(kb)
    return _GAZETTEERS[kb.digest]


def sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE.finditer(text)]


class _Doc:
    """Tokens of one text, with the facts the patterns ask about each token."""

    def __init__(self, text: str, g: Gazetteer | None = None) -> None:
        self.text = text
        ms = list(_TOKEN.finditer(text))
        self.toks = [m.group(0) for m in ms]
        self.starts = [m.start() for m in ms]
        self.ends = [m.end() for m in ms]
        # Only a token that is one of _DASHES's characters has a key of its own (they are
        # punctuation, one token each): find those few instead of translating every token.
        self.keys = self.toks.copy()
        for m in _DASH_CHARS.finditer(text):
            k = bisect.bisect_left(self.starts, m.start())
            self.keys[k] = _key(self.keys[k])
        self.n = n = len(ms)
        #: First token of each sentence (and n): sentences are runs of tokens.
        self.sent_first = [bisect.bisect_left(self.starts, s) for s in sentence_starts(text)] + [n]
        self.sent: list[int] = []
        for k, (a, b) in enumerate(itertools.pairwise(self.sent_first)):
            self.sent += [k] * (b - a)
        #: Token i follows a line break (i > 0); a text has few, so set them from the breaks.
        self.nl = [False] * n
        for m in re.finditer(r"\n", text):
            k = bisect.bisect_right(self.starts, m.start())
            if 0 < k < n:
                self.nl[k] = True
        clutter = [(m.start(), m.end()) for m in re.finditer(r"^.*$", text, re.M)
                   if _CLUTTER_LINE.match(m.group(0)) and not _wrapped_by(text, m)]
        self.clutter = [any(a <= s < b for a, b in clutter) for s in self.starts] if clutter \
            else [False] * n
        #: Where each distinct token occurs: the passes that look for cue words visit those
        #: positions (:meth:`at`) instead of testing every token.
        self.positions: dict[str, list[int]] = {}
        for k, t in enumerate(self.toks):
            self.positions.setdefault(t, []).append(k)
        # Character tests once per distinct token, not once per token.
        upper = {t for t in self.positions if t[:1].isupper()}
        self.caps = [t in upper for t in self.toks]
        for i in self.at({t for t in self.positions if t[:1].isdigit()}, 0, n - 1):
            if self.toks[i + 1] in upper and not self.glued(i + 1):
                self.caps[i] = True  # a number before a capitalised word opens a name ("2nd Fleet")
        self.chunks: list[tuple[int, int]] | None = None
        self.g = g
        #: ``g.longest`` at every token, computed once: the patterns ask many times, and the
        #: knowledge-base pass asks at nearly every token anyway.
        self.hits = g.longest_each(self.keys, self.positions) if g is not None else []

    def at(self, words: AbstractSet[str], lo: int = 0, hi: int | None = None) -> list[int]:
        """Positions ``lo <= k < hi`` (default: to the end) of the tokens in ``words``, in order."""
        hi = self.n if hi is None else hi
        pos = self.positions
        # Test the smaller collection's members against the larger (cue lists may be long).
        found = [w for w in words if w in pos] if len(words) < len(pos) else [w for w in pos if w in words]
        return sorted(k for w in found for k in pos[w] if lo <= k < hi)

    def at_keys(self, keys: AbstractSet[str], lo: int = 0) -> list[int]:
        """Positions ``k >= lo`` of the tokens whose key is in ``keys``, in order (a token's key
        is the same wherever it occurs)."""
        return sorted(k for ks in self.positions.values() if self.keys[ks[0]] in keys for k in ks if k >= lo)

    def longest(self, g: Gazetteer, i: int) -> tuple[int, _Info] | None:
        """``g.longest`` at token ``i`` (``g`` is the document's gazetteer)."""
        return self.hits[i] if 0 <= i < self.n else None

    def glued(self, i: int) -> bool:
        """Token ``i`` follows token ``i-1`` with no space."""
        return i > 0 and self.starts[i] == self.ends[i - 1]

    def newline_before(self, i: int) -> bool:
        return i > 0 and self.nl[i]

    def sentence_initial(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.toks[j] in _QUOTES_OPEN | {"(", "-", "*", "#", "|"}:
            j -= 1
        return j < 0 or self.sent[j] != self.sent[i] or self.toks[j] in {".", ":", "!", "?"} \
            or self.newline_before(i)

    def cap(self, i: int) -> bool:
        return self.caps[i]


def _wrapped_by(text: str, m: re.Match[str]) -> bool:
    """A hard-wrapped sentence line that starts with a lower-case "by" ("... (LNA) led" / "by Saddam
    Haftar, a son of ..."), not a byline: the line before it is text that does not end a sentence."""
    line = m.group(0).lstrip()
    if not line.startswith("by "):
        return False
    before = text[:m.start()].rstrip(" \t")
    if not before.endswith("\n"):
        return False
    prev = before[:-1].rsplit("\n", 1)[-1].strip()
    return bool(prev) and not prev.endswith((".", "!", "?", ":", "”", '"'))


def _is_hyphen_join(d: _Doc, k: int) -> bool:
    """Token ``k`` is a hyphen gluing two words of one name ("Self-Defense", "Task Force-88")."""
    if d.toks[k] not in ("-", "–", "&") or not (d.glued(k) and k + 1 < d.n and d.glued(k + 1)) or k == 0:
        return False
    nxt = d.toks[k + 1]
    if d.toks[k] == "&":  # "T&T Coast Guard", "AT&T": initials glued by an ampersand
        return nxt[:1].isupper() and d.toks[k - 1][:1].isupper()
    if d.toks[k] == "–":  # an en dash joins two names ("Pamir–Tien Shan"), never numbers
        return nxt[:1].isupper() and d.toks[k - 1][:1].isupper()
    # A lower-case participle after a hyphen describes, it does not name ("Kenya-hosted",
    # "Oslo-brokered", "Russian-speaking").
    participle = nxt.islower() and len(nxt) > 4 and nxt.endswith(("ed", "ing"))
    return nxt.lower() not in lx.HYPHEN_BREAKS and (nxt[:1].isalnum()) and not participle


_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February "
                      "March April May June July August September October November December".split())
_MONTH_NAMES = frozenset("January February March April May June July August September October November "
                         "December".split())
_TIME_PREPOSITIONS = frozenset({"in", "since", "until", "till", "by", "from", "early", "late", "mid", "last",
                                "next", "during", "through", "before", "after"})
#: Words after which "in" continues a name ("Mission in Somalia", "Co-operation in Europe").
_IN_JOINERS = frozenset({"Mission", "operation", "Operation", "Cooperation", "Measures", "Peace",
                         "Security", "Forces", "Force", "Presence"})


def _joins(d: _Doc, j: int) -> bool:
    """Whether "in"/"on" at token ``j`` continues a capitalised name."""
    nxt = d.toks[j + 1] if j + 1 < d.n else ""
    if d.toks[j] == "on" and nxt == "the" and j + 2 < d.n and d.toks[j - 1] in lx.INITIATIVE_HEADS:
        nxt = d.toks[j + 2]  # "Convention on the Legal Status of the Caspian Sea"
    if nxt in _WEEKDAYS or not nxt[:1].isupper():
        return False
    if d.toks[j] == "on":
        # "Convention on the Legal Status ...", never "... Port on Bubiyan Island"
        return d.toks[j - 1] not in lx.LOCATION_HEADS
    # "in X" only after a mission-like word and before a definition or the end of the name,
    # never before a list ("Forces in Luzon and Mindanao").
    after = d.toks[j + 2] if j + 2 < d.n else ""
    return d.toks[j - 1] in _IN_JOINERS and after not in {"and", "or"} and (
        after in {"(", ",", ".", ")"} or not after[:1].isupper())


def _to_joins(d: _Doc, j: int, g: Gazetteer | None) -> bool:
    """Whether "to" at token ``j`` continues a name: after a body's head word before a capitalised
    verb that names its purpose ("Committee to Protect Journalists"), or after an agreement word
    before "the" + another agreement ("Protocol on ... to the Antarctic Treaty")."""
    prev = d.toks[j - 1]
    nxt = d.toks[j + 1] if j + 1 < d.n else ""
    if (prev in lx.ORG_HEADS or lx.INITIATIVE_HEADS.get(prev) in ("treaty", "agreement")) and nxt[:1].isupper() \
            and nxt.isalpha() and (g is None or d.longest(g, j + 1) is None):
        # "Committee to Protect Journalists"; "Convention to Combat Desertification" (round 10)
        return j + 2 < d.n and d.cap(j + 2)  # a purpose clause of 2+ words, not "Mission to Mali"
    if nxt == "the" and any(lx.INITIATIVE_HEADS.get(w) in ("treaty", "agreement")
                            for w in d.toks[max(0, j - 6):j]):
        k = j + 2
        while k < d.n and d.cap(k) and k - j < 8:
            k += 1
        return k > j + 2 and lx.INITIATIVE_HEADS.get(d.toks[k - 1]) in ("treaty", "agreement")
    return False


_ORDINAL = re.compile(r"^(?:\d{1,3}(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)$")
_EVENT_WORDS = frozenset({"Meeting", "Conference", "Summit", "Session", "Round", "Congress", "Assembly"})


def _past_event(d: _Doc, i: int, end: int) -> int:
    """Start of the body a numbered meeting belongs to: "9th Ministerial Conference of the
    China-Arab States Cooperation Forum" is an event (not annotated), the Forum is the name."""
    if not _ORDINAL.match(d.toks[i]):
        return i
    for k in range(i + 1, min(end, i + 5)):
        if d.toks[k] in ("of", "on") and any(t in _EVENT_WORDS for t in d.toks[i + 1 : k]):
            k += 1
            while k < end and d.toks[k] in ("the", "a"):
                k += 1
            return k
    return i


def _chunks(d: _Doc, g: Gazetteer | None = None) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words, with connectors/hyphens/'s inside them."""
    if d.chunks is None:
        d.chunks = _make_chunks(d, g)
    return d.chunks


_NUMBERED = frozenset({"Resolution", "Force", "Group", "Brigade", "Division", "Fleet", "Corps", "Battalion",
                       "Regiment", "Unit"})


def _make_chunks(d: _Doc, g: Gazetteer | None) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    # A chunk opens at the first capitalised token (outside clutter) after the previous one.
    opens = [k for k in itertools.compress(range(d.n), d.caps) if not d.clutter[k]]
    i = 0
    for k in opens:
        if k < i:
            continue
        i = k
        j = i + 1
        while j < d.n and not d.nl[j]:  # j > 0: d.nl[j] is d.newline_before(j)
            t = d.toks[j]
            if d.caps[j]:
                j += 1
            elif _is_hyphen_join(d, j):
                j += 2
            elif t in ("'", "’") and j + 2 < d.n and d.toks[j + 1] == "s" and d.cap(j + 2) \
                    and _possessive_joins(d, i, j, g):
                j += 3  # "People's Liberation Army", but never "Brazil's Federal Police"
            elif g is not None and t.islower() and (h := d.longest(g, j - 1)) is not None and h[0] > j \
                    and h[1].entity_type in ("country", "location"):
                j = h[0]  # a known place with a lower-case word inside ("University of Dar es Salaam")
            elif t == "to" and _to_joins(d, j, g):
                j += 1  # "Special Force to Fight Drug Trafficking", "Protocol ... to the Antarctic Treaty"
            elif t == "in" and d.toks[j - 1] in lx.MISSION_HEADS and g is not None and j + 1 < d.n \
                    and (h := d.longest(g, j + 1)) is not None and h[1].entity_type == "location":
                j = h[0]  # "the Chilean Embassy in Lima", "Indian Embassy in Abu Dhabi"
            elif t in ("in", "to") and g is not None and (e := _posted_to(d, j, g)) is not None:
                j = e  # "the Embassy of Japan in the Lao PDR", "the OSCE Mission to Skopje" (round 10)
            elif t in ("in", "on") and not _joins(d, j):
                break
            elif t == "&" and j + 1 < d.n and d.cap(j + 1) and not d.newline_before(j + 1):
                j += 1  # "Armed Conflict Location & Event Data Project", "Sahel & Sahara Wire"
            elif t.lower() in lx.CONNECTORS and t.islower():
                k = j
                while k < d.n and d.toks[k].lower() in lx.CONNECTORS and d.toks[k].islower():
                    k += 1
                if k < d.n and d.cap(k) and k - j <= 2 and not d.newline_before(k) \
                        and not (d.toks[j:k] == ["the"] and _ends_place(d, g, j)) \
                        and not (g is not None and d.toks[k] in g.demonyms and k + 1 < d.n
                                 and d.toks[k + 1].isalpha() and d.toks[k + 1].islower()):
                    # "... Foreign Police | of the Slovak police": a demonym before a lower-case
                    # noun is no part of the name (round 10)
                    j = k
                else:
                    break
            elif t[:1].isdigit() and d.glued(j) is False and j + 1 <= d.n:
                # "Steadfast Dart 2025", "Vision 2030": a year closing a name;
                # "Security Council Resolution 833": a number after a head word.
                if re.fullmatch(r"(19|20)\d\d", t) or (t.isdigit() and d.toks[j - 1] in _NUMBERED):
                    j += 1
                    if j + 1 < d.n and d.toks[j] in ("–", "-") and d.glued(j) and d.glued(j + 1) \
                            and re.fullmatch(r"(19|20)\d\d", d.toks[j + 1]):
                        j += 2  # "Plan 2025–2027": a period closes the name
                break
            else:
                break
        out.append((i, j))
        i = j
    return out


#: Nouns that make "field"/"block" a modifier ("field office", "block vote"), not a place noun.
_COMPOUND_AFTER_FIELD = frozenset({"office", "offices", "hospital", "hospitals", "trip", "trips", "commander",
                                   "commanders", "vote", "votes", "grant", "grants", "level", "staff", "team",
                                   "teams", "officer", "officers", "operations", "work", "workers", "day", "test",
                                   "tests", "visit", "visits", "party", "parties", "agent", "agents", "research"})
_PETROLEUM_WORDS = frozenset({"gas", "oil", "petroleum", "condensate", "lng", "crude", "barrels", "offshore",
                              "drilling", "exploration", "hydrocarbons", "pipeline"})
#: Lower-case Arabic articles glued to a name ("al-Mahra", "el-Fasher").
_ARABIC_ARTICLES = frozenset({"al", "el", "ash", "ar", "az"})
#: Diplomatic and field missions posted to a country or city ("Mission to Skopje", "Embassy of
#: Japan in the Lao PDR").
_POSTED_HEADS = frozenset({"Mission", "Delegation", "Embassy", "Consulate", "Presence"})


def _posted_to(d: _Doc, j: int, g: Gazetteer) -> int | None:
    """End of the known country or place after "in"/"to" at token ``j`` that a mission's name
    ends with: "in" after an embassy named "of <country>" or any mission head, "to" after
    Mission/Delegation. None when the place goes on into a longer name or a list."""
    prev = d.toks[j - 1]
    if d.toks[j] == "in" and prev not in _POSTED_HEADS:
        # "Embassy of Japan in ...": the sending country closes "<Embassy> of"
        for o in range(max(1, j - 4), j - 1):
            if d.toks[o] == "of" and d.toks[o - 1] in lx.MISSION_HEADS \
                    and (h0 := d.longest(g, o + 1)) is not None and h0[0] == j and h0[1].entity_type == "country":
                break
        else:
            return None
    elif prev not in _POSTED_HEADS or (d.toks[j] == "to" and prev not in ("Mission", "Delegation")):
        return None
    elif prev in lx.MISSION_HEADS and not (j >= 2 and (h1 := d.longest(g, j - 2)) is not None and h1[0] == j - 1
                                           and h1[1].entity_type == "country"):
        return None  # a bare "Embassy in X" is no name; "the Chinese Embassy in Kenya" is
    k = j + 1 + (j + 1 < d.n and d.toks[j + 1] == "the")
    if k >= d.n:
        return None
    h = d.longest(g, k)
    if h is None or h[1].entity_type not in ("country", "location"):
        return None
    e = h[0]
    if e < d.n and ((d.cap(e) and not d.newline_before(e)) or d.toks[e] in ("'", "’")):
        return None  # "Mission to Mali Airport", "in Kenya's ..."
    return e


def _ends_place(d: _Doc, g: Gazetteer | None, j: int) -> bool:
    """A country or place ends right before token ``j``: a lone "the" after it starts a new
    name ("in Spain the | Guardia Civil"; but "Bordering the Red Sea" goes on)."""
    if g is None:
        return False
    for k in range(max(0, j - 3), j):
        hit = d.longest(g, k)
        if hit is not None and hit[0] == j and hit[1].entity_type in ("country", "location"):
            return True
    return False


def _possessive_joins(d: _Doc, i: int, j: int, g: Gazetteer | None) -> bool:
    """Whether "'s" at token ``j`` is inside one name: not after a known name or a name that
    already ends in a head word ("US Navy’s Fifth Fleet" is two names)."""
    if _head_type(d.toks[j - 1]) is not None:
        return False
    if d.toks[j - 1].isupper() and len(d.toks[j - 1]) >= 2:
        return False  # "GNU’s Border Security Directorate": an acronym's body
    if g is None:
        return True
    # Any known name right before "'s" is a possessor ("Italy’s X Station and South Korea’s Y").
    return not any(g.forms.get(tuple(d.keys[k:j])) is not None for k in range(max(i, j - 4), j))


def _schwartz_hearst(d: _Doc, i: int, p: int, acr: str) -> int | None:
    """First token of the long form of ``acr`` in d[i:p] by Schwartz & Hearst (2003): the
    acronym's letters occur in order, the first one at a word start ("Secretaría Nacional
    Antidrogas (SENAD)"). None when they do not, or the long form is too long for the acronym."""
    text = d.text[d.starts[i]:d.ends[p - 1]]
    s_i, l_i = len(acr) - 1, len(text) - 1
    while s_i >= 0:
        c = acr[s_i].lower()
        if not c.isalnum():
            s_i -= 1
            continue
        while l_i >= 0 and (text[l_i].lower() != c or (s_i == 0 and l_i > 0 and text[l_i - 1].isalnum())):
            l_i -= 1
        if l_i < 0:
            return None
        l_i -= 1
        s_i -= 1
    start = bisect.bisect_right(d.starts, d.starts[i] + l_i + 1) - 1
    n_words = sum(1 for t in d.toks[start:p] if t[:1].isalpha())
    if start < i or not d.cap(start) or n_words > min(len(acr) + 5, 2 * len(acr)):
        return None
    return start


_YEAR = re.compile(r"(19|20)\d\d")
#: Sentence words that are also the first word of names ("its Regional Fisheries ... Centre").
_NAME_OPENERS = frozenset({"Regional", "New", "National"})


#: Plural head words that name parts of a body, not a body ("Units of the X Army").
_PLURAL_PARTS = frozenset({"Units", "Troops", "Detachments", "Teams", "Brigades"})


def _strip_lead(d: _Doc, i: int, j: int) -> int:
    """Drop sentence-opening words and connectors from the start of a chunk; a weekday or month
    before "the" ("on Thursday the Pacific Policing Initiative"); a sentence-initial plural noun
    before "of the" + a headed name ("Officers of the Peruvian Navy")."""
    while i < j and ((d.toks[i] in lx.SENTENCE_WORDS and not (
                d.toks[i] in _NAME_OPENERS and not d.sentence_initial(i))
                      and not (d.toks[i] in {"His", "Her"} and i + 1 < j and d.toks[i + 1] == "Majesty"))
                     or (d.toks[i].isalpha() and d.toks[i].islower())
                     or d.toks[i] in {"-", "'", "’"}
                     or (d.toks[i] in _WEEKDAYS and i + 1 < j and d.toks[i + 1].islower())
                     # "In September US Southern Command ...": a month after a time preposition
                     or (d.toks[i] in _MONTH_NAMES and i + 1 < j and d.cap(i + 1) and i > 0
                         and d.toks[i - 1].lower() in _TIME_PREPOSITIONS)
                     or (_YEAR.fullmatch(d.toks[i]) is not None and i + 1 < j and int(d.toks[i]) < 2030)):
        # "the 2018 Agreement on ...": the year dates the name, it is not part of it; a target
        # year names it ("the 2050 Strategy for the Blue Pacific Continent")
        i += 1
    i = _past_count(d, i, j)
    if i + 3 < j and d.toks[i + 1] == "of" and d.toks[i].endswith("s") \
            and (d.sentence_initial(i) or (i > 0 and d.toks[i - 1] in {"—", "–"})) \
            and (_head_type(d.toks[i]) is None or d.toks[i] in _PLURAL_PARTS) \
            and (d.g is None or d.longest(d.g, i) is None):
        k = i + 2 + (d.toks[i + 2] == "the")
        if k < j and (any(_head_type(t) for t in d.toks[k:j])
                      or any(tuple(d.toks[m:m + 2]) in lx.ORG_HEADS_2 for m in range(k, j - 1))):
            return k
    return i


#: Number words and approximators that count things before a name ("Two Royal Navy ships").
_COUNT_WORDS = frozenset("Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Twenty Dozens Hundreds "
                         "Thousands".split())
_APPROXIMATORS = frozenset("About Around Nearly Almost Roughly Approximately Some Over Up".split())
#: Uncountable nouns after a counted body ("40 Slovak Police Force personnel").
_COUNTED = frozenset({"personnel", "staff", "police", "crew", "infantry"})


def _past_count(d: _Doc, i: int, j: int) -> int:
    """Start of a name after a count of things it owns: "About 300 | Chilean Army engineers",
    "Two | Royal Canadian Navy vessels". A number word stays when a plural word in the name
    agrees with it ("Three Seas Initiative", "Five Power Defence Arrangements")."""
    if i + 2 < j and d.toks[i] in _APPROXIMATORS and d.toks[i + 1].isdigit():
        return i + 2
    if i + 1 < j and d.toks[i].isdigit() and d.toks[i + 1][:1].isupper() and j < d.n \
            and d.toks[j].isalpha() and d.toks[j].islower() and (d.toks[j].endswith("s") or d.toks[j] in _COUNTED):
        return i + 1  # "adds 40 | Slovak Police Force officers", "60 | Hungarian Police personnel"
    if i + 1 < j and d.toks[i] in _COUNT_WORDS and d.toks[i + 1] in ("-", "–"):
        return j  # "Ten-day": a measure, not a name
    if i + 1 < j and d.toks[i] in _COUNT_WORDS and not any(
            t[:1].isupper() and len(t) > 3 and t.endswith("s") for t in d.toks[i + 1:j]):
        return i + 1
    return i


def _past_holder(d: _Doc, i: int, j: int) -> int | None:
    """Start of a body named after the person or post that belongs to it: "Rear Admiral X Y
    | of the Romanian Naval Forces", "Director of the | Vietnam Department of ...", "Chief of
    the Naval Staff of the | Ghana Navy". None when the whole run is a post ("Chief of the
    Defence Staff", "Minister of the Armed Forces": titles, not bodies)."""
    k = next((m for m in range(i + 1, j - 1) if d.toks[m] == "of"), None)
    if k is None:
        return i
    left = d.toks[i:k]
    if any(_head_type(t) is not None for t in left) or (d.g is not None and any(
            (h := d.longest(d.g, m)) is not None and h[1].entity_type != "person"
            and (m == i or h[1].key not in d.g.gazetteer_keys) for m in range(i, k))):
        # "Bank of ...", "Republic of Fiji Navy", "Islamic Republic of Iran Navy"; a town's name
        # as the surname of a person's name is no such word ("Sergio Mabote | of the X
        # Observatory", round 9; but "Annex C of the ... Treaty")
        return i
    r = k + 1
    while r < j and d.toks[r] == "the":
        r += 1
    if not any(_head_type(t) not in (None, ("location", None)) for t in d.toks[r:j]):
        return i
    if not all(_title_at(d, m) or t in lx.TITLE_MODIFIERS or t == "-" for m, t in enumerate(left, i)):
        if k - i == 1 and r == k + 1 and (nt := _name_type(d, r, j)) is not None and nt[0] == "initiative":
            return i  # one word is no person: "Status of Forces Agreement" (round 10)
        return r  # a person: "X Y of the Z Navy"
    # A post: its body follows only when it is named by its country or by another "of".
    hit = d.longest(d.g, r) if d.g is not None else None
    if hit is not None and hit[1].entity_type == "country" and hit[0] < j:
        return r
    nxt = next((m for m in range(r + 1, j - 1) if d.toks[m] == "of"), None)
    if nxt is not None:
        r2 = nxt + 1
        while r2 < j and d.toks[r2] == "the":
            r2 += 1
        if any(_head_type(t) not in (None, ("location", None)) for t in d.toks[r2:j]):
            return r2
    return None


def _title_at(d: _Doc, k: int) -> bool:
    t = d.toks[k]
    if t in lx.TITLE_HEADS:
        return True
    # "Secretary-General" is three tokens.
    return t == "Secretary" and k + 2 < d.n and d.toks[k + 1] == "-" and d.toks[k + 2] == "General"


#: Every token :func:`_title_at` accepts is one of these (a cheap test to skip the others).
_TITLE_WORDS = lx.TITLE_HEADS | {"Secretary"}


def _head_type(word: str) -> tuple[str, str | None] | None:
    if word in lx.INITIATIVE_HEADS:
        return "initiative", lx.INITIATIVE_HEADS[word]
    if word in lx.ORG_HEADS:
        return "organization", None
    if word in lx.LOCATION_HEADS:
        return "location", None
    return None


_ORG_CUES = lx.ORG_NOUNS_BEFORE | lx.ORG_NOUNS_PLURAL | {w.capitalize() for w in lx.ORG_NOUNS_PLURAL}
_CUE_WORDS = lx.PLACE_NOUNS_AFTER | lx.PLACE_NOUNS_BEFORE | lx.COMPASS | lx.LOCATIVES | lx.ADMIN_WORDS | _ORG_CUES \
    | lx.BORDER_NOUNS | lx.PLACE_NOUNS_AT | lx.FIELD_NOUNS | {"Block", "block"}
_DATELINE = re.compile(r"^[A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]*){0,3}(?:,| \()", re.M)
_PLACE_WORDS = lx.ADMIN_WORDS | lx.LOCATION_HEADS
#: Built places, named after their owner's demonym only in passing ("the American McMurdo
#: Station"); natural features keep it ("Libyan Desert").
_FACILITY_HEADS = frozenset({"Station", "Base", "Airport", "Port", "Harbour", "Harbor", "Airbase"})
_MONTHS = frozenset("January February March April May June July August September October November "
                    "December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
#: Locatives after which an unknown capitalised name is a place ("to"/"from" also take people).
_UNKNOWN_LOCATIVES = frozenset({"in", "near", "at", "outside", "around", "between", "via", "linking"})
#: Words before "on X" that make X a place (an island, a site).
_ON_CUES = frozenset({"site", "sites", "base", "bases", "station", "stations", "airstrip", "airfield", "outpost",
                      "outposts", "radar", "radars", "camp", "camps", "facility", "facilities", "stationed",
                      "deployed", "based", "landed", "garrison", "garrisoned", "island", "islands"})
#: Nouns before "over X" that make X a territory ("the dispute over X").
_OVER_NOUNS = frozenset({"dispute", "disputes", "sovereignty", "control", "claims", "claim", "row", "feud"})
#: Plural place nouns that introduce a list of places ("islands such as Sal, Boa Vista").
_PLACE_PLURALS = frozenset(w for p in ("islands", "towns", "cities", "ports", "villages", "provinces", "regions",
                                       "districts", "states", "countries", "municipalities", "areas", "camps")
                           for w in (p, p.capitalize()))
#: Capitalised words after "in"/"at" that are not places (news words no list here covers).
_NOT_PLACES = frozenset({"Ramadan", "Islam", "Christianity", "Parliament", "Congress", "Cabinet", "Government",
                         "Twitter", "Telegram", "Facebook", "WhatsApp", "Instagram", "YouTube", "Mass",
                         "Article", "Chapter", "Section", "Part", "Phase", "Annex", "Paragraph", "Stage"})


@functools.lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    """One-word names of the major languages (pycountry, those with an ISO 639-1 code; the full
    ISO 639-3 list names thousands of small languages after their towns): "in Dari" is no place."""
    import pycountry

    names = (lang.name.split(" (")[0] for lang in pycountry.languages if hasattr(lang, "alpha_2"))
    return frozenset(n for n in names if " " not in n)  # "Swahili (macrolanguage)" -> "Swahili"


#: Nouns right before an exercise's name ("the exercise Lapland Thunder").
_EXERCISE_NOUNS = frozenset({"exercise", "exercises", "drill", "drills", "manoeuvres", "maneuvers", "wargame"})
#: Organisation nouns that take "of" + a list of members ("the consortium of X, Y and Z").
_COLLECTIVE_NOUNS = frozenset({"consortium", "conglomerate"})
#: Apposition nouns too vague to change a head word's type ("X Initiative, a regional hub").
_WEAK_APPOSITIVES = frozenset({"hub", "centre", "center", "network", "grid", "cell", "unit", "team", "mission",
                               "channel", "link", "facility", "body", "arm", "force", "group", "groups",
                               "operation", "project", "statement"})
#: Lower-case nouns that type a name in apposition (", the consortium of ...").
_APPOSITIVE_NOUNS: dict[str, str] = {
    **lx.APPOSITION_TYPES,
    **{w: "organization" for w in ("company", "firm", "consortium", "headquarters", "arm", "university",
                                   "institute", "regulator", "shipbuilder", "shipyard", "manufacturer",
                                   "contractor", "broadcaster", "newspaper", "charity", "watchdog",
                                   "organisation", "organization", "groups", "ministry", "department",
                                   "authority", "navy", "army", "militia", "gangs", "cartels", "outlet",
                                   "think-tank", "conglomerate", "operator", "insurgency")},
    "partnership": "alliance", "campaign": "exercise", "vision": "strategy", "policy": "strategy",
    "framework": "agreement", "convention": "treaty",
}
#: A command or force named after its area ("Joint Interagency Task Force South", "Maritime
#: Forces Atlantic", "Joint Force Command Norfolk" is caught by its apposition).
_COMMAND_HEADS = frozenset({"Force", "Forces", "Command", "Group", "Fleet", "Corps", "Division", "Brigade"})
_AREA_SUFFIXES = frozenset({"North", "South", "East", "West", "Central", "Atlantic", "Pacific"})
#: Force and unit heads that take their host country right after them, with no preposition:
#: "Coast Guard Suriname", "British Forces Cyprus", "Training Team Brunei" (round 10).
_COUNTRY_SUFFIXED = frozenset({"Guard", "Forces", "Force", "Team", "Command", "Navy", "Army", "Police"})


def _country_tail(d: _Doc, k: int, j: int) -> bool:
    """Whether d[k:j] is one known country, and nothing follows it in the sentence that would make
    it the start of a new clause ("... Coast Guard Suriname said" is fine)."""
    if d.g is None or k >= j:
        return False
    hit = d.longest(d.g, k)
    return hit is not None and hit[0] == j and hit[1].entity_type == "country" and not d.toks[k].isupper() \
        and not (j < d.n and d.toks[j] in ("'", "’"))
_TITLE_PREPOSITIONS = frozenset({"Of", "For", "On", "Against", "To"})
_HEAD_PREPOSITIONS = frozenset({"of", "for", "on", "in", "against", "to", "de", "del", "da", "do", "des", "du"})


def _name_type(d: _Doc, i: int, j: int) -> tuple[str, str | None, int] | None:
    """Type of the capitalised name d[i:j] from its head word; returns (type, subtype, end)."""
    if d.toks[i] in lx.INITIATIVE_PREFIXES and j - i >= 2:
        return "initiative", lx.INITIATIVE_PREFIXES[d.toks[i]], j
    if (d.toks[i] in lx.ORG_PREFIXES or d.toks[i] in lx.HEAD_INITIAL_ORG) and j - i >= 2:
        return "organization", None, j
    if d.toks[i] == "Islamic" and j - i >= 4 and d.toks[i + 1] == "State" and d.toks[j - 1] == "Province":
        return "organization", None, j  # a province (wilaya) of the Islamic State is a group
    if j - i >= 2 and d.toks[j - 2] in ("Military", "Red") and (d.toks[j - 2], d.toks[j - 1]) in lx.ORG_HEADS_2 \
            and (d.toks[j - 2] == "Military" or j - i >= 3):
        # "33rd Military Region", "Northern Military District"; "French Red Cross" (round 10)
        return "organization", None, j
    if j - i >= 3 and (tuple(d.toks[j - 2:j]) in lx.LOCATION_HEADS_2) and not d.toks[i][:1].isdigit():
        return "location", None, j  # "Mohammed Al-Ahmad Naval Base" (but "201st Military Base")
    # The first head word followed by a preposition heads the whole name ("Foundation for
    # European and Foreign Policy", "Framework for Security, ... Communities").
    for k in range(i, j - 1):
        # Title Case names capitalise their prepositions ("Global Initiative Against ...").
        nxt = d.toks[k + 1]
        if (nxt in _HEAD_PREPOSITIONS or nxt in _TITLE_PREPOSITIONS) and d.toks[k][:1].isupper():
            ht = _head_type(d.toks[k])
            if ht is not None and ht[0] != "location":
                if d.toks[k + 1] == "of" and d.toks[k] in lx.FORCE_HEADS and k > i \
                        and not _of_place(d, k + 1, j) and not _of_parent_body(d, k + 1, j):
                    return ht[0], ht[1], k + 1  # "Libyan National Army | of Khalifa Haftar"
                if ht == ("initiative", "programme") and d.toks[k + 1] == "of" and k > i \
                        and _of_owner(d, k + 1, j):
                    return ht[0], ht[1], k + 1  # "... Building Program | of Global Affairs Canada"
                return ht[0], ht[1], j
    for k in range(j - 1, i - 1, -1):
        if not d.toks[k][:1].isupper():
            continue
        ht = _head_type(d.toks[k])
        if ht is None:
            continue
        tail = d.toks[k + 1:j]
        # Head word last, or followed by "of/for/on ... X" or a number ("Task Force-88").
        if not tail or tail[0] in {"of", "for", "on", "in", "against", "to"} \
                or re.fullmatch(r"\d+", tail[0]) or (tail[0] == "-" and ht[0] != "location") \
                or (len(tail) == 1 and tail[0] in _AREA_SUFFIXES and d.toks[k] in _COMMAND_HEADS) \
                or (tail and d.toks[k] in _COUNTRY_SUFFIXED and k > i and _country_tail(d, k + 1, j)):
            if tail and tail[0] == "of" and d.toks[k] in lx.FORCE_HEADS and k > i \
                    and not _of_place(d, k + 1, j) and not _of_parent_body(d, k + 1, j):
                return ht[0], ht[1], k + 1  # "Libyan National Army | of Khalifa Haftar"
            if ht[0] == "location" and k == i:
                continue  # "Sea" alone; "Gulf of Finland" is a prefix name (below)
            if d.toks[k] == "Base" and d.toks[i][:1].isdigit():
                return "organization", None, j  # "201st Military Base" is a unit, "Scott Base" a place
            if ht[0] == "location" and any(
                    _head_type(d.toks[m]) not in (None, ("location", None))
                    and d.toks[m + 1] in {"of", "for", "on"} for m in range(i, k)):
                continue  # "Council of ... Bordering the Red Sea": the body, not the sea
            return ht[0], ht[1], j
    if d.toks[i] in lx.LOCATION_PREFIXES and j - i >= 2 and d.toks[i + 1][:1].isupper() | \
            (d.toks[i + 1] == "of"):
        k = i + 1
        while k < j and d.toks[k] not in {"and", ","}:
            k += 1
        return "location", None, k  # "Ciudad Hidalgo | and Tecún Umán": two places
    return None


#: Particles that open a surname written as two words ("Al Ohali").
_SURNAME_PARTICLES = frozenset({"Al", "El", "Abu", "Bin", "Ben", "De", "Van", "Von", "Da", "Di", "Le", "La"})
#: Verbs after a speaker's surname besides the speech verbs ("Al Ohali gave no figure").
_SPEAKER_VERBS = frozenset({"gave", "recalled", "stated", "argued", "explained", "denied", "confirmed",
                            "acknowledged", "admitted", "replied", "wrote", "urged", "declined", "agreed"})


def _squash(name: str) -> str:
    """Lower-case letters only, without diacritics ("Al-Ohali" and "Al Ohali" -> "alohali")."""
    return "".join(c for c in places_mod._plain(name).lower() if c.isalpha())


def _korean_name(d: _Doc, i: int) -> bool:
    """"Kim Yong-hyun", "Shin Won-sik": a short family name, then a hyphenated given name whose
    second syllable is lower-case (the usual romanisation of Korean names)."""
    t = d.toks[i]
    return (i + 3 < d.n and t.isalpha() and t[:1].isupper() and t[1:].islower() and 2 <= len(t) <= 5
            and d.toks[i + 1][:1].isupper() and d.toks[i + 1][1:].islower() and d.toks[i + 2] == "-"
            and d.glued(i + 2) and d.glued(i + 3) and d.toks[i + 3].isalpha() and d.toks[i + 3].islower()
            and len(d.toks[i + 3]) <= 4 and d.toks[i + 3] not in lx.HYPHEN_BREAKS)


def _typed_next(d: _Doc, j: int, info: _Info) -> bool:
    """Whether the type noun after a name confirms an ambiguous known name ("the Vostok
    exercises" for the exercise Vostok)."""
    kind = lx.APPOSITION_TYPES.get(d.toks[j]) if j < d.n else None
    if kind is None:
        return False
    if info.entity_type == "organization":
        return bool(kind == "organization")
    sub = str(info.subtype or "").replace(" ", "_")
    return bool(info.entity_type == "initiative" and kind != "organization" and (not sub or kind == sub))


def _typed_before(d: _Doc, i: int, info: _Info) -> bool:
    """Whether a lower-case organisation noun right before an ambiguous known organisation
    confirms it ("the mercenary group Wagner", "the defence company Thales"; round 9)."""
    return info.entity_type == "organization" and i > 0 and d.toks[i - 1] in lx.ORG_NOUNS_BEFORE \
        and d.toks[i - 1].islower()


def _owned_name(d: _Doc, c: int, k: int, first: str) -> bool:
    """Whether the country name d[c:k] belongs to the name that starts at ``k`` and is defined
    by an acronym starting with ``first``: "US Navy (USN)" and "Egyptian Ministry of Defence
    (MoD)" keep it; "US | Bureau of ... (ATF)" does not."""
    # Only abbreviated country names ("US", "UK", "UAE") are dropped: a full name is usually
    # part of the official name even when the acronym skips it ("Pakistan Space ... (SUPARCO)").
    return not (d.toks[c].isupper() and k - c == 1) or d.toks[c][:1].upper() == first.upper()


def _of_owner(d: _Doc, k: int, j: int) -> bool:
    """Whether "of ..." at token ``k`` is a known organisation that ends the name: the
    programme's owner, not part of its name."""
    g = d.g
    m = k + 1
    while m < j and d.toks[m] == "the":
        m += 1
    if g is None or m >= j:
        return False
    hit = d.longest(g, m)
    return hit is not None and hit[0] == j and hit[1].entity_type == "organization" \
        and hit[1].key not in g.gazetteer_keys


def _of_place(d: _Doc, k: int, j: int) -> bool:
    """Whether "of ..." at token ``k`` names a country or place that ends the name ("Armed Forces
    of the Philippines"), not a person or another body ("Army of Khalifa Haftar", "Troops of
    Armenia's National Security Service")."""
    m = k + 1
    while m < j and d.toks[m] == "the":
        m += 1
    if m >= j or d.g is None:
        return True
    hit = d.longest(d.g, m)
    if hit is None or hit[1].entity_type not in ("country", "location"):
        return False
    return not (hit[0] < d.n and d.toks[hit[0]] in ("'", "’"))


def _of_parent_body(d: _Doc, k: int, j: int) -> bool:
    """Whether "of the ..." at token ``k`` is an unknown parent body written out in the name
    ("Border Troops of the State Security Service of Uzbekistan"): "the", then capitalised words
    ending in an organisation head word, with no possessive and no known name."""
    if k + 2 >= j or d.toks[k + 1] != "the" or d.g is None:
        return False
    m = k + 2
    e = m
    while e < j and d.toks[e][:1].isupper():
        e += 1
    if e - m < 2 or any(t in ("'", "’") for t in d.toks[m:j]):
        return False
    ht = _head_type(d.toks[e - 1])
    return ht is not None and ht[0] == "organization" and d.longest(d.g, m) is None


def _split_and(d: _Doc, i: int, j: int, g: Gazetteer) -> list[tuple[int, int]]:
    """Split "X Navy and the Y Force" at 'and': before "the", or next to a known name."""
    parts: list[tuple[int, int]] = []
    start = i
    for k in range(i, j):
        if d.toks[k] != "and":
            continue
        r = k + 1
        the = r < j and d.toks[r] == "the"
        while r < j and d.toks[r] == "the":
            r += 1
        right = d.longest(g, r) if r < j else None
        left = d.longest(g, start)
        known = (right is not None and right[1].key not in g.gazetteer_keys
                 and right[1].entity_type in ("country", "organization")) or (
            left is not None and left[0] == k and left[1].key not in g.gazetteer_keys
            # a region opens a joint name ("Arctic and North Atlantic Agreement")
            and (left[1].entity_type != "location" or (
                right is not None and right[1].entity_type in ("country", "organization"))))
        # "X Naval Base and Umm Qasr": a name that ends in its head word ends at "and".
        headed = k - 1 > start and _head_type(d.toks[k - 1]) is not None and d.toks[k - 1] not in lx.COMPANY_HEADS \
            and r < j and (not any(t in lx.CONNECTORS for t in d.toks[start:k]) or (
                d.toks[k - 1] in lx.FORCE_HEADS and any(_head_type(t) for t in d.toks[r:j])))
        # "Republic of Korea Navy and His Majesty's Armed Forces": two forces, each headed
        if the or known or headed:
            parts.append((start, k))
            start = r
    parts.append((start, j))
    return parts


def _cut_titles(d: _Doc, i: int, j: int) -> list[tuple[int, int]]:
    """Split a chunk where a person's title starts ("ECOWAS Commission | President X")."""
    parts, start = [], i
    k = i
    while k < j:
        if _title_at(d, k) and k > start and not _possessive_title(d, k, j):
            m = k
            while m > start and d.toks[m - 1] in lx.TITLE_MODIFIERS:
                m -= 1
            if m > start:
                parts.append((start, m))
            start = m
            while k < j and (_title_at(d, k) or d.toks[k] in lx.TITLE_MODIFIERS
                             or d.toks[k] in {"-", "General"}):
                k += 1
            # "Chief of the Naval Staff of the X Navy": a post + "of" stays for _past_holder
            start = m if k < j and d.toks[k] == "of" else k
            continue
        k += 1
    if start < j:
        parts.append((start, j))
    return parts


def _comma_list(d: _Doc, i: int, j: int) -> int:
    """End of a name whose "of/for" complement is a list with commas ("Ministry of Home Affairs,
    Immigration, Safety and Security", "Framework for Security, Public Health and Safe
    Communities"): capitalised items after commas, closed by "and" + a capitalised item."""
    if not any(t in ("of", "for", "on") for t in d.toks[i:j]) or j >= d.n or d.toks[j] != ",":
        return j
    k = j
    while k + 1 < d.n and d.toks[k] == "," and d.cap(k + 1) and not d.newline_before(k + 1):
        m = k + 1
        while m < d.n and d.cap(m) and m - k <= 3:
            m += 1
        if m < d.n and d.toks[m] == "and" and m + 1 < d.n and d.cap(m + 1):
            e = m + 1
            while e < d.n and d.cap(e) and e - m <= 3:
                e += 1
            return _in_place(d, e) if e - j <= 12 else j
        k = m
    return j


def _in_place(d: _Doc, e: int) -> int:
    """End of a listed name closed by "in (the) <place>" ("Pact on Security, Stability and
    Development in the Great Lakes Region"): a place head word or a known place ends it."""
    if e + 1 >= d.n or d.toks[e] != "in":
        return e
    m = e + 1 + (d.toks[e + 1] == "the")
    k = m
    while k < d.n and d.cap(k) and k - m < 5 and not d.newline_before(k):
        k += 1
    if k == m:
        return e
    hit = d.longest(d.g, m) if d.g is not None else None
    known = hit is not None and hit[0] == k and hit[1].entity_type in ("country", "location")
    return k if known or d.toks[k - 1] in lx.LOCATION_HEADS else e


def _possessive_title(d: _Doc, k: int, j: int) -> bool:
    """A title with "'s" after it belongs to a body's name ("Attorney General’s Office")."""
    m = k
    while m < j and (_title_at(d, m) or d.toks[m] in lx.TITLE_MODIFIERS or d.toks[m] in {"-", "General"}):
        m += 1
    return m + 1 < j and d.toks[m] in ("'", "’") and d.toks[m + 1] == "s"


def _person_name(d: _Doc, i: int, limit: int | None = None) -> int:
    """End of a personal name starting at token ``i`` (== i when there is none)."""
    end = limit if limit is not None else d.n
    j, words = i, 0
    while (j < end and not d.newline_before(j)) or (j == i and j < end):
        t = d.toks[j]
        if (t[:1].isupper() and t.isalpha()) or (t[:1].isupper() and t[-1:] >= "\u0300") or (
                t[:1].isupper() and t.replace("’", "").isalnum()):
            if (t in lx.SENTENCE_WORDS or _title_at(d, j)) and not (words and t == "Sheikh"):
                break
            if _head_type(t) and words:
                break
            j += 1
            words += 1
            if j + 1 < end and d.toks[j] == "." and len(t) == 1:
                j += 1  # "S. Jaishankar"
            elif j + 1 < end and d.toks[j] == "-" and d.glued(j) and d.toks[j + 1][:1].isupper():
                j += 1  # "Odhiambo-Kariuki": the next word continues the name
                words -= 1
            elif j + 1 < end and d.toks[j] == "-" and d.glued(j) and d.glued(j + 1) \
                    and d.toks[j + 1].isalpha() and d.toks[j + 1].islower() and len(d.toks[j + 1]) <= 4 \
                    and d.toks[j + 1] not in lx.HYPHEN_BREAKS and words:
                j += 2  # Korean given names: "Shin Won-sik", "Kim Jong-un"
                if d.toks[j - 1] in lx.LINK_PARTICLES and j + 1 < end and d.toks[j] == "-" \
                        and d.glued(j) and d.glued(j + 1) and d.toks[j + 1][:1].isupper():
                    j += 1  # "Harun-ur-Rashid", "Shams-ud-Din": a linking particle between names
        elif t in lx.NAME_PARTICLES and words:
            # a run of particles before the next name word: "van den Heuvel", "de la Cruz",
            # "af Klercker", "al-Sudani"
            k = j
            while k < end and k - j < 3 and d.toks[k] in lx.NAME_PARTICLES and not d.newline_before(k):
                k += 1
            if k < end and d.toks[k][:1].isupper() and not d.newline_before(k):
                j = k
            elif k + 1 < end and d.toks[k] == "-" and d.glued(k) and d.glued(k + 1) \
                    and d.toks[k + 1][:1].isupper():
                j = k + 2  # "Mohammed Shia al-Sudani"
                words += 1
            else:
                break
        else:
            break
    if j < end and d.toks[j - 1] in lx.NAME_SUFFIXES:
        pass
    if j < d.n and d.toks[j] in lx.NAME_SUFFIXES and j + 1 < d.n and d.toks[j + 1] == ".":
        j += 2  # "Marcos Jr."
    while j > i and d.toks[j - 1] in lx.NAME_PARTICLES:
        j -= 1
    return j


#: Plural role nouns that open a list of people ("defence ministers X of A and Y of B").
_PLURAL_ROLES = frozenset(w + "s" for w in lx.ROLE_NOUNS | lx.APPOSITION_ROLES) | {"counterparts"}
#: Capitalised compass words that open a place name before a known place ("Eastern Pacific").
_COMPASS_CAPS = frozenset({"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
                           "Central", "Northeast", "Northwest", "Southeast", "Southwest", "North-East",
                           "North-West", "South-East", "South-West"})
#: Words after "told the X" that show X is not a whole name yet ("told the Minister of ...",
#: "told the Guardian's ...", "told the Al-Jazeera ...").
_TOLD_GOES_ON = frozenset({"of", "for", "'", "’", "-", "–", "and", "&"})


def _particle_tail(d: _Doc, k: int) -> int:
    """End of the particle-joined words after a place name ending at ``k`` ("del Tigre",
    "-de-l'Oyapock", "al-Sayyed Ali"); ``k`` when none follows."""
    j = k
    while j < d.n:
        m = j + 1 if d.toks[j] == "-" and d.glued(j) else j
        p = m
        while p < d.n and p - m < 4 and d.toks[p] in lx.PLACE_PARTICLES and not d.newline_before(p) \
                and (p == j or d.glued(p) == (m > j)):
            p += 1
            if p < d.n and d.toks[p] in ("-", "'", "’") and d.glued(p):
                p += 1
        if p == m or p >= d.n or not d.cap(p) or d.newline_before(p) or (
                d.toks[p - 1] in ("-", "'", "’") and not d.glued(p)):
            break
        q = p + 1
        while q < d.n and d.cap(q) and not d.newline_before(q) and not d.glued(q):
            q += 1
        j = q
    return j


def _after_titles(d: _Doc, i: int, j: int, info: _Info) -> int:
    """Start of a known person's name inside a titled alias ("President Xi" -> "Xi"): titles and
    honorifics are outside person spans, unless the canonical name starts with one ("Sheikh Hasina")."""
    first = info.canonical.split()[0] if info.canonical else ""
    while j - i > 1 and d.toks[i] != first and (d.toks[i] in lx.TITLE_HEADS
                                                or d.toks[i] in lx.TITLE_MODIFIERS):
        i += 1
        if j - i > 1 and d.toks[i] == ".":
            i += 1
    return i


def _looks_like_name(d: _Doc, i: int, j: int, g: Gazetteer) -> bool:
    """No word of d[i:j] is a known non-person name or a head word."""
    words = [t for t in d.toks[i:j] if t[:1].isalpha()]
    if not words:
        return False
    k = i
    while k < j:
        hit = d.longest(g, k)
        if hit and hit[1].entity_type != "person" and hit[1].key not in g.gazetteer_keys and not (
                k > i and hit[0] - k == 1 and hit[1].entity_type in ("organization", "initiative")):
            return False  # a one-word body later in the name is a surname ("... Wagner")
        k += 1
    # a place head word first does not head the name ("Park Min-jae"): heads end names
    return not any(_head_type(t) and not (n == 0 and _head_type(t) == ("location", None))
                   for n, t in enumerate(words))


_SPEECH = frozenset({"said", "told", "added", "says", "noted", "warned", "stressed", "insisted"})
#: Countries whose English name takes "the" after "of" ("Senate of the Philippines").
_THE_COUNTRIES = frozenset({"Philippines", "Netherlands", "Bahamas", "Maldives", "Comoros", "Gambia",
                            "United States", "United Kingdom", "United Arab Emirates", "Czech Republic",
                            "Dominican Republic", "Central African Republic", "Marshall Islands",
                            "Solomon Islands", "Seychelles", "Republic of the Congo", "Vatican City"})
#: Verbs whose subject is a body or a person, never a line, a fund or a plan (round 9).
_BODY_VERBS = _SPEECH | {"announced", "estimated", "reported", "confirmed", "denied", "stated"}
#: The tokens :meth:`_Extractor.naming` and :meth:`_Extractor.unknown_places` start at.
_NAMING_CUES = lx.NAMING_VERBS | {"as"}
_UNKNOWN_PLACE_CUES = _UNKNOWN_LOCATIVES | {"on", "over"} | _PLACE_PLURALS
_CHAIN_DASHES = frozenset({"–", "-", "—"})
_PROJECT_MODIFIERS = frozenset({"oil", "gas", "rail", "railway", "high-speed", "crude", "power", "freight"})
_PROJECT_HEADS = frozenset({"railway", "railroad", "pipeline", "pipelines", "interconnector"})
#: Road nouns: a road named by the places on it is no project ("the Beirut–Damascus highway").
_ROAD_NOUNS = frozenset({"highway", "road", "route", "routes", "motorway", "expressway"})
_ROUTE_WORDS = _ROAD_NOUNS | _PROJECT_HEADS
#: Bare names of national legislatures (longest first; "Parliament" is handled with the org heads).
_LEGISLATURES = (("House", "of", "Representatives"), ("Chamber", "of", "Deputies"), ("National", "Assembly"),
                 ("Legislative", "Assembly"), ("National", "Parliament"), ("Federal", "Parliament"),
                 ("Congress",), ("Senate",))
_LEGISLATURE_FIRSTS = frozenset(h[0] for h in _LEGISLATURES)


class _Extractor:
    def __init__(self, text: str, kb: KnowledgeBase) -> None:
        self.g = gazetteer(kb)
        self.d = _Doc(text, self.g)
        self.kb = kb
        self.spans: list[_Span] = []
        self.acronyms: dict[str, _Info] = {}
        #: Table cells' status, from their column header ("Proposed Initiative").
        self.table_status: dict[tuple[int, int], str] = {}
        self.national: dict[str, str] = {}  # canonical -> "<body> of <country>" (round 9)
        self._people: set[str] | None = None  # words of people's names, for the media rules
        self.no_patterns = _heading_tokens(self.d)
        _chunks(self.d, self.g)

    def add(self, i: int, j: int, info: _Info, method: str, boost: int = 0) -> None:
        if i < j and not any(self.d.clutter[i:j]):
            self.spans.append(_Span(i, j, info, method, boost))

    # -- sources -------------------------------------------------------------
    def knowledge_base(self) -> None:
        d, g = self.d, self.g
        # Only tokens that start a known form, or upper-case words (datelines), can start a name.
        upper = {t for t in d.positions if t.isupper() and len(t) >= 3}
        for i in sorted(set(d.at(upper)).union(k for k, h in enumerate(d.hits) if h is not None)):
            if not d.toks[i][:1].isalnum():
                continue
            hit = d.hits[i]
            if hit is None:
                hit = g.longest_upper(d.toks, i)
            if hit is None:
                continue
            j, info = hit
            if j < d.n and d.glued(j) and d.toks[j][:1].isalnum():
                continue  # part of a longer word
            if d.glued(i) and i > 0 and d.toks[i - 1][:1].isalnum():
                continue
            if d.toks[i] == "the" and j < d.n and d.cap(j) and not d.newline_before(j) \
                    and info.entity_type == "location":
                continue  # "the Gulf Clan": "the Gulf" opens a longer name
            if info.entity_type != "country" and d.toks[i] in self.kb.ambiguous \
                    and j - i == 1 and info.entity_type != "location" and not _typed_next(d, j, info) \
                    and not _typed_before(d, i, info):
                continue  # needs a definition in this text (acronym pass) or its type noun
            method = "gazetteer" if info.key in g.gazetteer_keys else "knowledge_base"
            if info.entity_type == "person":
                i = _after_titles(d, i, j, info)
            self.add(i, j, info, method)
            if info.entity_type in ("organization", "initiative"):
                for m in range(i + 1, j):  # "Pakistan Navy" also names Pakistan
                    inner = g.forms.get(tuple(d.keys[i:m]))
                    if inner is not None and inner.entity_type == "country":
                        self.add(i, m, inner, "knowledge_base")

    def acronym_definitions(self) -> None:
        d = self.d
        for p in d.at({"("}, 1, d.n - 2):
            if d.toks[p] != "(":
                continue
            q = p + 1
            while q < d.n and q - p <= 3 and d.toks[q] != ")":
                q += 1
            if q >= d.n or d.toks[q] != ")" or q == p + 1:  # "()" defines nothing
                continue
            acr = d.text[d.starts[p + 1]:d.ends[q - 1]]
            if not _ACRONYM.match(acr.split()[0]) or len(acr) > 16:
                continue
            # The long form is the capitalised run right before "(".
            i = p
            while i > 0 and (d.cap(i - 1) or _is_hyphen_join(d, i - 1)
                             or (d.toks[i - 1] in lx.CONNECTORS and d.toks[i - 1].islower())
                             or (d.toks[i - 1] in {"'", "’", "s"} and i - 2 >= 0 and d.cap(i - 2))
                             # "Maritime Analysis and Operations Centre – Narcotics (MAOC-N)"
                             or (d.toks[i - 1] == "–" and not d.glued(i - 1) and i - 2 >= 0 and d.cap(i - 2))
                             or (d.toks[i - 1] == "s" and i - 3 >= 0 and i < p and d.toks[i - 2] in {"'", "’"}
                                 and d.glued(i - 1) and d.cap(i - 3))) \
                    and not d.newline_before(i) and d.sent[i - 1] == d.sent[p]:
                i -= 1
            i = _strip_lead(d, i, p)
            for k in range(i + 1, p - 1):  # "Costa Rica’s | National Coast Guard Service (SNG)"
                if d.toks[k] in ("'", "’") and d.toks[k + 1] == "s" and any(
                        self.g.forms.get(tuple(d.keys[m:k])) is not None for m in range(max(i, k - 4), k)):
                    i = k + 2
            if i >= p:
                continue
            start = self._comma_long_form(i, p, acr) or self._initials_start(i, p, acr)
            if start is None:
                continue
            for k in range(i, start):  # a known name that ends here ("Bay of Bengal Initiative ...")
                hit = d.longest(self.g, k)
                if hit and hit[0] == p and hit[1].entity_type in ("organization", "initiative"):
                    start = k
                    break
            info = self._define(start, p, acr, q)
            self.add(start, p, info, "acronym_definition")
            self.add(p + 1, q, info, "acronym_definition")
            self.acronyms[acr] = info

    def _comma_long_form(self, i: int, p: int, acr: str) -> int | None:
        """Start of a long form with commas whose capitals spell the acronym exactly
        ("Acquisition, Technology and Logistics Agency (ATLA)"); None when there is none."""
        d = self.d
        need = [c for c in acr.split()[0] if c.isupper()]
        k = i
        for _ in range(2):
            if k < 2 or d.toks[k - 1] != "," or not d.cap(k - 2) or d.sent[k - 2] != d.sent[p]:
                return None
            k -= 2
            while k > 0 and d.cap(k - 1) and not d.newline_before(k):
                k -= 1
            k = _strip_lead(d, k, p)
            caps = [t[0].upper() for t in d.toks[k:p] if t[:1].isupper()]
            if caps == need:
                return k
        return None

    def _initials_start(self, i: int, p: int, acr: str) -> int | None:
        """Where the long form starts: the earliest word from which the capitals spell the
        acronym exactly, else the earliest that opens it; leading country names stay."""
        d = self.d
        letters = acr.split()[0]
        need = [c for c in letters if c.isupper()]
        fallback = None
        lo = _split_and(d, i, p, self.g)[-1][0]  # a guessed long form never spans "... and the"
        for k in range(i, p):
            if d.toks[k][:1].upper() != letters[0] or not d.cap(k) or _title_at(d, k) \
                    or d.toks[k] in lx.TITLE_MODIFIERS | lx.SENTENCE_WORDS:
                continue
            caps = [t[0].upper() for t in d.toks[k:p] if t[:1].isupper()]
            if caps == need:
                return self._with_countries(i, k, letters[0])
            it = iter(caps)
            if fallback is None and k >= lo and (all(c in it for c in need[1:]) or len(need) <= 2):
                fallback = k
        if fallback is not None:
            return self._with_countries(i, fallback, letters[0])
        sh = _schwartz_hearst(d, lo, p, letters) if lo < p else None
        if sh is None and lo > i:  # "Nigerian Maritime Administration and Safety Agency (NIMASA)"
            lo_the = max((k + 2 for k in range(i, lo) if d.toks[k] == "and" and d.toks[k + 1] == "the"), default=i)
            sh = _schwartz_hearst(d, lo_the, p, letters) if lo_the < lo else None
        if sh is not None:
            return sh
        # No initials match (a foreign acronym: "Center ... (EDAM)"): the whole name if typed,
        # from after the last "and the" ("the African Union and the UN ... Mission (MONUSCO)").
        i = _split_and(d, i, p, self.g)[-1][0]
        return i if i < p and _name_type(d, i, p) is not None else None

    def _with_countries(self, i: int, k: int, first: str = "") -> int:
        """Move the start left over country names and hyphens ("Pakistan-China JCM"); a country
        name (not a demonym) that the acronym does not spell is the body's owner, not part of
        its name ("US | Bureau of ... (ATF)", but "Pakistan Navy (PN)", "Egyptian Ministry ...")."""
        d, g = self.d, self.g
        m = k
        while m > i:
            if d.toks[m - 1] == "-" and d.glued(m - 1):
                m -= 1
                continue
            hit = None
            for s in range(max(i, m - 3), m):
                h = d.longest(g, s)
                if h and h[0] == m and h[1].entity_type == "country":
                    hit = s
                    break
            if hit is None or (first and m == k and not _owned_name(d, hit, k, first)):
                break
            m = hit
        return m if m < k and d.toks[m] != "-" else k

    def _define(self, i: int, p: int, acr: str, q: int) -> _Info:
        d, g = self.d, self.g
        hit = d.longest(g, i)
        if hit and hit[0] == p:
            return hit[1]
        long_form = d.text[d.starts[i]:d.ends[p - 1]]
        nt = _name_type(d, i, p)
        etype, sub = (nt[0], nt[1]) if nt else ("organization", None)
        if nt is not None:  # "a researcher at the Global Initiative Against ... (GI-TOC)": a body
            etype, sub = self._context_type(i, p, etype, sub)
            etype, sub = self._appositive_type(p, etype, sub)
        elif (kind := self._appositive_kind(p)) is not None:  # "X (ACR), the regional force"
            etype, sub = ("organization", None) if kind == "organization" else ("initiative", kind)
        nxt = d.toks[q + 1] if q + 1 < d.n else ""
        if nxt in lx.APPOSITION_TYPES and nt is None:
            kind = lx.APPOSITION_TYPES[nxt]
            etype, sub = ("organization", None) if kind == "organization" else ("initiative", kind)
            if kind == "organization":
                long_form = f"{long_form} {nxt}"
        known = g.forms.get(tuple(_key(m.group(0)) for m in _TOKEN.finditer(acr)))
        if known and _fold(known.canonical) == _fold(long_form):
            return known
        short = acr if re.fullmatch(r"[A-Z][A-Za-z0-9&\-]{1,11}", acr) else None
        return _Info(etype, long_form, None, sub, None, short if etype == "initiative" else None)

    def titled_persons(self) -> None:
        d, g = self.d, self.g
        # Only a title or a role noun opens a titled name: go from one to the next.
        cues = [m for m, t in enumerate(d.toks) if t in _TITLE_WORDS or t in lx.ROLE_NOUNS]
        k = 0
        while (c := bisect.bisect_left(cues, k)) < len(cues):
            k = cues[c]
            t = d.toks[k]
            titled = _title_at(d, k) or (t in lx.ROLE_NOUNS and k > 0)
            if not titled:
                k += 1
                continue
            j = k + 1
            while j < d.n and (_title_at(d, j) or d.toks[j] in lx.TITLE_MODIFIERS
                               or (d.toks[j] in {"-", "General", "and"} and j + 1 < d.n
                               and (d.toks[j + 1][:1].isupper()))):
                if d.toks[j] == "and" and not (d.toks[j + 1] in lx.TITLE_MODIFIERS
                                               or _title_at(d, j + 1)):
                    break
                j += 1
            # "Assistant Secretary-General of the League of Arab States (LAS) Hossam Zaki",
            # "Representative to the LAS Liao Liqiang", "Minister of X, Rashad Nabiyev".
            if j < d.n and d.toks[j] in {"of", "to", "for"} and t[:1].isupper():
                m = j + 1
                while m < d.n and (d.cap(m) or d.toks[m] in {"the", "of", "and", "-", "for"}
                                   or d.toks[m] in {"'", "’", "s"}) and not d.newline_before(m):
                    m += 1
                if m + 2 < d.n and d.toks[m] == "(" and ")" in d.toks[m:m + 4]:
                    m = d.toks.index(")", m) + 1
                    start = m
                elif m < d.n and d.toks[m] == ",":
                    start = m + 1
                else:
                    start = None
                    # the name is the last capitalised words of the run
                    for s in range(j + 1, m):
                        e = _person_name(d, s, m)
                        if e == m and e - s >= 2 and _looks_like_name(d, s, e, g):
                            start = self._past_portfolio(s, m)
                            break
                if start is not None:
                    e = _person_name(d, start)
                    if e - start >= 2 and _looks_like_name(d, start, e, g):
                        self._person(start, e, "person_title")
                k = j
                continue
            if j < d.n and d.toks[j] == ",":
                j += 1  # "the Emir of Qatar, said" never; "Minister, Rashad" rare
                k = j
                continue
            e = _person_name(d, j)
            single_ok = e - j == 1 and len(d.toks[j]) > 2 and t[:1].isupper() and (
                d.longest(g, j) is not None or (e < d.n and d.toks[e] in {"said", ",", "’", "'"}))
            first = d.longest(g, j)
            known = first is not None and first[1].entity_type == "person"
            if (e - j >= 2 or single_ok) and (_looks_like_name(d, j, e, g) or known):
                    self._person(j, e, "person_title")
            k = max(j, k + 1)

    def _past_portfolio(self, s: int, m: int) -> int:
        """Start of the name after the rest of a portfolio ("Minister of Public Security | Liu
        Zhongyi", "Minister for ... Indonesian Migrant Workers | Abdul Kadir Karding"): leading
        common English words that are not given names, while two name words remain."""
        d, kb = self.d, self.kb
        while m - s > 2 and d.toks[s].isalpha() and d.toks[s].lower() in kb.common_words \
                and d.toks[s] not in kb.given_names:
            s += 1
        return s

    def _person(self, i: int, j: int, method: str) -> None:
        name = self.d.text[self.d.starts[i]:self.d.ends[j - 1]]
        hit = self.d.longest(self.g, i)
        if hit and hit[0] == j and hit[1].entity_type == "person":
            return  # the knowledge-base pass has it
        known = self.g.known_person(name)
        info = known or _Info("person", name)
        self.add(i, j, info, method if known is None else "knowledge_base")

    def untitled_persons(self) -> None:
        """'X Y, a researcher at', 'said X Y,' and 'X Y said': names by their role or verb."""
        d, g = self.d, self.g
        for i in itertools.compress(range(d.n), d.caps):  # capitalised tokens only
            if d.toks[i] in lx.SENTENCE_WORDS or _title_at(d, i):
                continue
            if i > 0 and ((d.cap(i - 1) and not d.sentence_initial(i)) or d.toks[i - 1] in {"-"}):
                continue
            e = _person_name(d, i)
            words = sum(1 for k in range(i, e) if d.toks[k][:1].isupper() and (
                d.toks[k - 1] != "-" or d.toks[k - 2] in lx.NAME_PARTICLES))  # "Maher al-Assad": 2
            if words < 2 or e - i > 7 or not _looks_like_name(d, i, e, g):
                continue
            after = d.toks[e:e + 3]
            before = d.toks[i - 1] if i > 0 else ""
            # ", a researcher at", ", Kazakhstan’s deputy foreign minister,"
            det = len(after) >= 3 and after[0] == "," and (after[1] in {"a", "an", "the"} or (
                d.cap(e + 1) and e + 3 < d.n and d.toks[e + 2] in ("'", "’") and d.toks[e + 3] == "s"))
            role = det and any(w in lx.APPOSITION_ROLES for w in d.toks[e + 2:e + 8])
            said = before in _SPEECH and (e >= d.n or d.toks[e] in {",", "."})
            said2 = after[:1] and after[0] in _SPEECH
            # "X Y, who heads ...", "X Y, 45, a herder": only people take "who" or an age
            # ("whose" also follows places: "São Vicente, whose port").
            who = len(after) >= 2 and after[0] == "," and (after[1] == "who" or (
                re.fullmatch(r"\d{2}", after[1]) is not None and len(after) >= 3 and after[2] == ","))
            # "according to X Y,": a source named in full
            source = i >= 2 and d.toks[i - 2].lower() == "according" and before == "to" \
                and (e >= d.n or d.toks[e] in {",", "."})
            clause = d.sentence_initial(i) or before in {",", "that"}  # "In a statement, X Y said"
            # "An ATLA official, Yusuke Kanda, said", "its alleged leader, Rawa Majid, is wanted":
            # a name set off by commas right after a role noun
            after_role = before == "," and i >= 2 and (d.toks[i - 2] in lx.APPOSITION_ROLES
                                                       or d.toks[i - 2] in lx.ROLE_NOUNS) \
                and e < d.n and d.toks[e] == ","
            # "Defence ministers X Y of Romania, Z W of Bulgaria and ...": a list of people by country
            # after a plural role noun
            of_country = e + 1 < d.n and d.toks[e] == "of" and (
                (hit := d.longest(g, e + 1)) is not None and hit[1].entity_type == "country") \
                and (before in {",", "and"} or before in _PLURAL_ROLES) \
                and any(d.toks[k] in _PLURAL_ROLES for k in range(max(0, i - 12), i))
            if role or said or (said2 and clause) or who or source or after_role or of_country:
                self._person(i, e, "person_title")

    def given_name_persons(self) -> None:
        """"Julius Maada Bio", "Lorenzo Ferrante, a logistics planner": a capitalised run of 2-4
        words that opens with a common given name (given_names.txt) and holds no known name or
        head word is a person, with no title or speech verb needed."""
        d, g, given = self.d, self.g, self.kb.given_names
        if not given:
            return
        hyphens = [k - 2 for k in d.at({"-"}, 2)]  # cheap pre-filter for _korean_name
        known = {k for sp in self.spans if sp.method == "knowledge_base" for k in range(sp.i, sp.j)}
        for i in sorted(set(d.at(given)).union(k for k in hyphens if _korean_name(d, k))):
            if self.no_patterns[i] or i in known:
                continue  # a heading, or a known name already ("Ahmed" in a known person's name)
            prev = d.toks[i - 1] if i > 0 else ""
            if prev in {"in", "near", "outside", "via", "towards", "toward"}:
                continue  # "fighting in Shan State", "trade through Ben Guerdane": places
            if i > 0 and d.cap(i - 1) and not d.sentence_initial(i) and prev not in lx.SENTENCE_WORDS \
                    and not (_title_at(d, i - 1) or prev in lx.TITLE_MODIFIERS
                             or (prev.endswith("s") and prev[:-1] in lx.TITLE_HEADS)):
                continue  # inside a longer name; "Presidents X and Y" is fine
            e = _person_name(d, i)
            words = sum(1 for k in range(i, e) if d.toks[k][:1].isupper() and d.toks[k - 1] != "-")
            if not 2 <= words <= 4 or (e < d.n and d.cap(e) and not d.newline_before(e)):
                continue  # one word, or the run goes on into a head word ("X Y Foundation")
            if any(t.isupper() and len(t) > 1 for t in d.toks[i:e]) or not _looks_like_name(d, i, e, g):
                continue
            if d.toks[e - 1] in _PLACE_WORDS or d.toks[i] in lx.LOCATION_PREFIXES:
                continue  # "Shan State", "Santa Cruz Province"
            if e < d.n and (d.toks[e] in lx.APPOSITION_TYPES or d.toks[e] in lx.INFRA_MODIFIERS):
                continue  # a name before a type noun is a thing ("the Surya Kiran drills")
            hit = d.longest(g, i)
            if (hit and hit[0] == e) or d.text[d.starts[i]:d.ends[e - 1]] in self.kb.minor_places:
                continue  # a place named like a person ("Santa Rosa", "Umm Qasr")
            self._person(i, e, "person_given")

    def patterns(self) -> None:
        """Organisations, initiatives and places by their head words."""
        d, g = self.d, self.g
        for ci, cj in _chunks(d, g):
            if self.no_patterns[ci]:
                continue
            for a, b in _cut_titles(d, ci, cj):
                for i, j in _split_and(d, a, b, g):
                    i = _strip_lead(d, i, j)
                    held = _past_holder(d, i, j)
                    if held is None:
                        continue
                    i = held
                    while j > i and d.toks[j - 1] in lx.CONNECTORS:
                        j -= 1
                    if j - i < 1:
                        continue
                    nt = _name_type(d, i, j)
                    if nt is None:
                        self._typed_by_noun(i, j)
                        continue
                    etype, sub, end = nt
                    if end - i < 2 and etype != "initiative":
                        continue
                    if end - i < 2:
                        continue
                    hit = d.longest(g, i)
                    if hit and hit[0] == end:
                        continue  # a known name
                    if etype != "location" and end == j:
                        end = _comma_list(d, i, end)
                    i = self._owner_country(i, end)
                    i = _past_event(d, i, end)
                    if end - i < 2:
                        continue
                    name = d.text[d.starts[i]:d.ends[end - 1]]
                    etype, sub = self._context_type(i, end, etype, sub)
                    if end == j and d.toks[i] not in lx.INITIATIVE_PREFIXES:
                        etype, sub = self._appositive_type(end, etype, sub)
                    if etype == "location" and d.toks[end - 1] in _FACILITY_HEADS and end - i >= 3 \
                            and d.toks[i] in g.demonyms:
                        i += 1  # "the American | McMurdo Station": the owner, not the name
                        name = d.text[d.starts[i]:d.ends[end - 1]]
                    if etype == "location":
                        self.add(i, end, _Info("location", name), "gazetteer")
                    else:
                        method = "initiative_pattern" if etype == "initiative" else "org_pattern"
                        self.add(i, end, _Info(etype, name, None, sub), method)

    def _owner_country(self, i: int, end: int) -> int:
        """Start of a name after its owner country: "US Bureau of ... (ATF)" -> "Bureau of ...",
        when an acronym that does not spell the country follows the name."""
        d = self.d
        if end + 2 >= d.n or d.toks[end] != "(" or not d.toks[end + 1][:1].isupper():
            return i
        hit = d.longest(self.g, i)
        if hit is None or hit[1].entity_type != "country" or hit[0] >= end - 1 or d.toks[hit[0]] in ("-", "–") \
                or _owned_name(d, i, hit[0], d.toks[end + 1][:1]):
            return i
        return hit[0]

    def _context_type(self, i: int, j: int, etype: str, sub: str | None) -> tuple[str, str | None]:
        """The context overrides an ambiguous head word: "a senior fellow at the Arab Reform
        Initiative" is a body (a role at it); "a proposed X Hub", "to set up a X Network" are
        initiatives (a thing still to be made); a "Country-Country Joint ... Commission" is a
        bilateral mechanism, not a standing body."""
        d = self.d
        p = i - 1
        while p >= 0 and d.toks[p] in _QUOTES_OPEN:
            p -= 1
        while p >= 2 and d.toks[p - 1] == "-" and d.glued(p) and d.toks[p].islower():
            p -= 3  # "a researcher at the Sarajevo-based X Initiative"
        if etype == "initiative" and p >= 2 and d.toks[p] == "the" and d.toks[p - 1] in {"at", "of", "with"} \
                and any(w in lx.APPOSITION_ROLES and w != "member" for w in d.toks[max(0, p - 4):p - 1]):
            return "organization", None
        if etype == "organization" and d.toks[j - 1] in lx.WEAK_ORG_HEADS and p >= 0 and (
                d.toks[p] in {"proposed", "planned"} or (d.toks[p] in {"a", "an"} and p >= 1 and d.toks[p - 1] in {
                    "create", "set", "up", "build", "establish", "fund", "launch", "develop"})):
            return "initiative", "programme"
        if etype == "initiative" and j - i >= 3 and "Presence" in d.toks[i:j - 1] \
                and d.toks[d.toks.index("Presence", i, j) + 1] == "in":
            return "organization", None  # "the OSCE Presence in Albania": a field office (round 10)
        if etype == "organization" and {"Commission", "Committee"} & set(d.toks[i:j]) and "Joint" in d.toks[i:j] \
                and i + 2 < j and d.toks[i + 1] in {"-", "–"} and d.g is not None:
            a, b = d.longest(d.g, i), d.longest(d.g, i + 2)
            if a and b and a[1].entity_type == b[1].entity_type == "country":
                return "initiative", "mechanism"
        return etype, sub

    def _typed_by_noun(self, i: int, j: int) -> None:
        """'its Global Gateway strategy', 'Steadfast Dart 2025, its largest exercise'."""
        d, g = self.d, self.g
        if j - i < 2 and not (j - i == 1 and len(d.toks[i]) > 3):
            return
        if j - i == 1 and (d.toks[i] in _WEEKDAYS or d.toks[i] in g.demonyms
                           or d.toks[i] in lx.REGION_ADJECTIVES):
            return  # "on Monday, the first drill", "a European project"
        hit = d.longest(g, i)
        if hit and hit[0] >= j:
            # A gazetteer town's name given to a thing by apposition ("Orion, the naval
            # campaign", "Kongsberg, the defence group"); never "X, the group’s headquarters".
            found = self._apposition(j) if hit[0] == j and hit[1].key in g.gazetteer_keys else None
            if found is None or found[0] in {"headquarters", "arm"}:
                return
        # "the Sadakhlo pilot": a pilot at a town; but "the Vostok exercises" name a series
        town = j - i == 1 and d.toks[i] in self.kb.minor_places
        if _title_at(d, i):
            return  # "Colonel X Y, the exercise director": a titled person, not an exercise
        if any((h := d.longest(g, k)) and h[1].entity_type != "location" for k in range(i + 1, j)) \
                or (hit and hit[1].entity_type not in ("location", "country")):
            return  # a known name inside (a place inside is fine: "the Spirit of Camp David")
        kind = None
        n = j
        if n + 1 < d.n and re.fullmatch(r"\d{1,2}", d.toks[n]) and (
                d.toks[n + 1] in lx.APPOSITION_TYPES or d.toks[n + 1] in _QUOTES_CLOSE | {","}):
            n += 1  # "the Estlink 2 interconnector", "named Amwaj Al-Aman 1,"
        quoted = n
        while quoted < d.n and d.toks[quoted] in _QUOTES_CLOSE | {"'"} and d.glued(quoted):
            quoted += 1  # "the ‘Dosti’ exercise"
        noun = quoted
        if noun + 1 < d.n and d.toks[noun] in lx.INFRA_MODIFIERS:
            noun += 1  # "the Balticconnector gas pipeline"
        elif noun + 1 < d.n and d.toks[noun] in lx.GROUP_MODIFIERS \
                and lx.APPOSITION_TYPES.get(d.toks[noun + 1]) == "organization":
            noun += 1  # "the RED-Tabara rebel group"
        if noun < d.n and d.toks[noun] in lx.APPOSITION_TYPES and not d.glued(noun) and (
                noun == quoted or lx.APPOSITION_TYPES[d.toks[noun]] in ("economic_corridor", "organization")):
            kind = lx.APPOSITION_TYPES[d.toks[noun]]
            j = n
        elif i > 0 and d.toks[i - 1] in {"proposed", "planned"} and j - i >= 2:
            kind = "proposal"  # "a proposed Baltic Seabed Sensor Network"
        else:
            kind = self._appositive_kind(j)
            p = i - 1
            while p >= 0 and d.toks[p] in _QUOTES_OPEN | {"the"}:
                p -= 1
            if kind is None and p >= 1 and d.toks[p] == "," and d.toks[p - 1] in lx.APPOSITION_TYPES:
                kind = lx.APPOSITION_TYPES[d.toks[p - 1]]
            if kind is None and p >= 0 and d.toks[p] in _EXERCISE_NOUNS:
                kind = "exercise"  # "the Finnish-led exercise Lapland Thunder"
            if kind is None and p >= 0 and (d.toks[p] in lx.NAMING_VERBS or (
                    d.toks[p] == "as" and p >= 1 and d.toks[p - 1] in lx.NAMING_VERBS | {"referred"})):
                # No type noun: "a system called X" is still a programme, but "known as X" often
                # names a weapon or gives a nickname ("the Cheongung-II systems, known as M-SAM").
                kind = self._noun_before(p) or (None if d.toks[p] == "as" else "programme")
            if kind is not None and n > j and d.toks[n - 1].isdigit():
                j = n  # "named Amwaj Al-Aman 1": the number is part of the name
        if kind is None or (d.sentence_initial(i) and j - i < 2):
            return
        if noun < d.n and d.toks[noun] in _ROAD_NOUNS and self._only_places(i, j):
            return  # "the Beirut–Damascus highway", "the Kufra route": places on a road
        if kind != "organization" and j < d.n and d.toks[j] in _SPEECH:
            return  # "In a statement, X Y said": a speaker, not the statement's name
        if town and kind != "exercise":
            return
        name = d.text[d.starts[i]:d.ends[j - 1]]
        if kind == "organization":
            ands = [k for k in range(i + 1, j - 1) if d.toks[k] == "and"]
            found = self._apposition(j) if len(ands) == 1 else None
            if found is not None and found[0].endswith("s") and not any(_head_type(t) for t in d.toks[i:j]):
                # "X and Y, the grid operators": two bodies
                for a, b in ((i, ands[0]), (ands[0] + 1, j)):
                    self.add(a, b, _Info("organization", d.text[d.starts[a]:d.ends[b - 1]]), "org_pattern")
                return
            self.add(i, j, _Info("organization", name), "org_pattern")
        else:
            self.add(i, j, _Info("initiative", name, None, kind), "initiative_pattern")

    def _appositive_type(self, j: int, etype: str, sub: str | None) -> tuple[str, str | None]:
        """An apposition overrides the head word between organisation and initiative ("X
        Railway, the consortium of ...", "X Committee (XBC), the decades-old mechanism");
        weak nouns ("hub", "centre", "mission") and places do not."""
        found = self._apposition(j) if etype != "location" else None
        if found is None or found[0] in _WEAK_APPOSITIVES:
            return etype, sub
        kind = found[1]
        if kind == "organization" and etype != "organization":
            return "organization", None
        if kind != "organization" and etype == "organization":
            return "initiative", kind
        return etype, sub

    def _appositive_kind(self, j: int) -> str | None:
        found = self._apposition(j)
        return found[1] if found is not None else None

    def _apposition(self, j: int) -> tuple[str, str] | None:
        """(noun, kind) of the type noun of an apposition after a name ending at token ``j`` (past an
        "(ACR)"): ", a ... strategy", ", Mexico’s tree-planting jobs programme", ", the
        consortium of ...", ", one of the largest criminal groups", ", the University of X".
        None when a role noun comes first (", the group’s leader": a person)."""
        d = self.d
        m = j
        while m < d.n and d.toks[m] in _QUOTES_CLOSE:
            m += 1
        if m + 2 < d.n and d.toks[m] == "(" and ")" in d.toks[m + 1:m + 5]:
            m = d.toks.index(")", m) + 1
        if m + 2 >= d.n or d.toks[m] != ",":
            return None
        k = m + 1
        if d.toks[k:k + 3] == ["one", "of", "the"]:
            k += 3
        elif d.cap(k) and k + 2 < d.n and d.toks[k + 1] in ("'", "’") and d.toks[k + 2] == "s":
            k += 3  # ", Mexico’s ..."
        elif d.toks[k] in {"a", "an", "the", "its", "their"}:
            k += 1
        else:
            return None
        for w in range(k, min(d.n, k + 7)):
            t = d.toks[w]
            if t in {",", ";", "that", "which", "who", "whose", "where", "and"} or (
                    t == "." and not (d.glued(w) and w + 1 < d.n and d.glued(w + 1))):
                return None  # "U.S.-led" goes on, a full stop does not
            if w + 2 < d.n and d.toks[w + 1] in ("'", "’") and d.toks[w + 2] == "s":
                continue  # a possessor ("the group’s leader")
            if t in lx.APPOSITION_ROLES or t in lx.ROLE_NOUNS:
                return None
            if t == "think" and w + 1 < d.n and d.toks[w + 1] in {"tank", "tanks"}:
                return "think tank", "organization"  # ", a Rabat think tank"
            if t in _APPOSITIVE_NOUNS and not d.glued(w):
                # A compound noun is headed by its last noun: "the grid operators", "Romania’s
                # gas grid operator" name companies, not a grid.
                last = t
                for v in range(w + 1, min(d.n, w + 3)):
                    u = d.toks[v]
                    if u in _APPOSITIVE_NOUNS and not d.glued(v):
                        last = u
                    elif u in _ORG_CUES and u.islower():
                        return u, "organization"
                    elif u not in lx.INFRA_MODIFIERS:
                        break
                return last, _APPOSITIVE_NOUNS[last]
            if w == k and t in lx.ORG_HEADS and w + 1 < d.n and d.toks[w + 1] in ("of", "for"):
                return t, "organization"  # ", the University of Greenland"
        return None

    def _noun_before(self, p: int) -> str | None:
        d = self.d
        for k in range(p - 1, max(-1, p - 9), -1):
            if d.sent[k] != d.sent[p]:
                break
            if d.toks[k] in lx.APPOSITION_TYPES:
                return lx.APPOSITION_TYPES[d.toks[k]]
        return None

    def naming(self) -> None:
        """A name after a naming verb takes the type of the noun before the verb."""
        d = self.d
        for p in d.at(_NAMING_CUES, 0, d.n - 1):
            if d.toks[p] not in lx.NAMING_VERBS and not (
                    d.toks[p] == "as" and p > 0 and d.toks[p - 1] in lx.NAMING_VERBS | {"referred"}):
                continue
            i = p + 1
            while i < d.n and d.toks[i] in _QUOTES_OPEN | {"the"}:
                i += 1
            kind = self._noun_before(p)
            if kind is None or i >= d.n or not d.cap(i):
                continue
            for ci, cj in _chunks_from(d, i):
                if _name_type(d, ci, cj) is None:
                    break
                name = d.text[d.starts[ci]:d.ends[cj - 1]]
                # The noun decides over the head word ("a channel ... called the X Cell").
                if kind == "organization":
                    self.add(ci, cj, _Info("organization", name), "org_pattern", boost=1)
                else:
                    self.add(ci, cj, _Info("initiative", name, None, kind), "initiative_pattern",
                             boost=1)
                break

    def places_by_cue(self) -> None:
        """Unknown places by their cues: "the X region", "the island of X", "south of X",
        a small town after a locative ("near X"), a known subdivision + "State", datelines;
        and organisations after a lower-case organisation noun ("grid operator Moldelectrica")."""
        d, g = self.d, self.g
        toks, minor = d.toks, self.kb.minor_places
        for m in d.at(_CUE_WORDS, 1, d.n - 1):
            t = toks[m]
            if t not in _CUE_WORDS:
                continue
            if t in lx.BORDER_NOUNS and toks[m - 1] == "border" and m >= 2 and d.cap(m - 2) \
                    and not d.glued(m - 1):
                i = self._name_before(m - 1)  # "the Ras Jedir border crossing"
                if i is not None:
                    self._place(i, m - 1)
            if t in lx.PLACE_NOUNS_AT and m >= 3 and not d.cap(m - 1) and toks[m - 1].isalpha() \
                    and toks[m - 1] not in lx.CONNECTORS and d.cap(m - 2) and not d.glued(m - 1):
                # a place noun that also takes "at", after one lower-case modifier: "the Lombrum
                # naval base", "the Dikkowita fishery harbour"
                i = self._name_before(m - 1)
                if i is not None:
                    self._place(i, m - 1)
            if (t in lx.PLACE_NOUNS_AFTER or t in lx.PLACE_NOUNS_AT) and d.cap(m - 1) and not d.glued(m):
                i = self._name_before(m)
                if i is not None:
                    self._place(i, m)
                    if t.endswith("s") and i >= 2 and toks[i - 1] in {"and", ","}:
                        k = self._name_before(i - 1)
                        if k is not None:
                            self._place(k, i - 1)
            if ((t in lx.PLACE_NOUNS_BEFORE or t in lx.COMPASS) and m + 2 < d.n and toks[m + 1] == "of") \
                    or (t in lx.PLACE_NOUNS_AT and m + 2 < d.n and toks[m + 1] == "at"):
                j = self._name_after(m + 2)
                if j is not None:
                    self._place(m + 2, j)
                    if j + 1 < d.n and toks[j] == "and" and (t.endswith("s") or t in lx.COMPASS):
                        k = self._name_after(j + 1)
                        if k is not None:
                            self._place(j + 1, k)
            if t in lx.LOCATIVES and minor:
                i = m + 1 + (toks[m + 1] == "the")
                if i < d.n and d.caps[i] and toks[i] in g.minor_first:
                    j = self._name_after(i)
                    if j is not None and j - i <= 3:
                        name = d.text[d.starts[i]:d.ends[j - 1]]
                        cc = minor.get(name)
                        if cc is not None:
                            self.add(i, j, _info(places_mod.minor_entry(name, cc)), "place_cue")
            if t in lx.ADMIN_WORDS and not d.glued(m) and not d.cap(m + 1):
                # A known subdivision or place followed by its admin word: "Shan State".
                for i in range(max(0, m - 4), m):
                    hit = d.longest(g, i) if toks[i][:1].isalnum() else None
                    if hit and hit[0] == m and hit[1].entity_type == "location":
                        self.add(i, m + 1, _Info("location", d.text[d.starts[i]:d.ends[m]]), "place_cue")
                        break
            if t in _ORG_CUES:
                self._org_after_noun(m)
            if t in lx.FIELD_NOUNS or t == "Block" or t == "block":
                self._field_or_block(m)
        self._datelines()

    def _petroleum_near(self, m: int) -> bool:
        """Whether the sentence around token ``m`` speaks of oil or gas."""
        d, toks = self.d, self.d.toks
        for step in (-1, 1):
            k = m + step
            while 0 <= k < d.n and abs(k - m) <= 30 and toks[k] not in (".", "!", "?") \
                    and not d.newline_before(k + 1 if step < 0 else k):
                if toks[k].lower() in _PETROLEUM_WORDS:
                    return True
                k += step
        return False

    def _field_or_block(self, m: int) -> None:
        """Petroleum fields and licence blocks are places (round 10): "the Tuna gas field", "the
        Rumaila oilfield" (the name before the field noun), "Block 58", "the Stabroek Block"."""
        d, toks = self.d, self.d.toks
        if toks[m] == "block" or (toks[m] in ("field", "fields") and toks[m - 1] not in lx.FIELD_MODIFIERS):
            # a bare "X block"/"X field" in a sentence about oil or gas ("the Galkynysh field to
            # Pakistan", "near the offshore Stabroek block")
            if d.cap(m - 1) and not d.glued(m - 1) and not (m + 1 < d.n and toks[m + 1] in _COMPOUND_AFTER_FIELD) \
                    and self._petroleum_near(m):
                i = self._name_before(m)
                if i is not None and m - i <= 2 and not d.sentence_initial(i) and toks[i] not in self.kb.given_names:
                    self._place(i, m + 1 if toks[m] == "block" else m)
            return
        if toks[m] == "Block":
            if m + 1 < d.n and not d.glued(m + 1) and re.fullmatch(r"\d{1,3}[A-Z]?|[A-Z]", toks[m + 1]) \
                    and not d.newline_before(m + 1) and not (m + 2 < d.n and d.cap(m + 2)):
                self._place(m, m + 2)  # "Block 58", "Block B"
            elif m >= 1 and d.cap(m - 1) and not d.newline_before(m) and not (m + 1 < d.n and d.cap(m + 1)) \
                    and toks[m - 1] not in self.kb.given_names:
                i = self._name_before(m)
                if i is not None and m - i <= 2:
                    self._place(i, m + 1)  # "the Stabroek Block"
            return
        e = m
        if toks[m] in ("field", "fields"):
            if toks[m - 1] not in lx.FIELD_MODIFIERS or d.glued(m - 1):
                return
            e = m - 1
        if e < 1 or not d.cap(e - 1) or d.glued(e):
            return
        i = self._name_before(e)
        if i is not None and e - i <= 3 and not d.sentence_initial(i):
            self._place(i, e)

    def told_media(self) -> None:
        """"told the Nation.", "told the ABC on Monday": a new name after "told the" that ends
        the clause is the outlet a person spoke to (GUIDELINES: media named as sources are
        organisations); people are not "the X"."""
        d, g = self.d, self.g
        for m in d.at({"told"}, 0, d.n - 3):
            if d.toks[m] == "told" and d.cap(m + 1) and not d.newline_before(m + 1):
                self._told_bare(m + 1)
            if d.toks[m] != "told" or d.toks[m + 1] != "the" or not d.cap(m + 2) or d.newline_before(m + 2):
                continue
            j = m + 2
            while j < d.n and j - m - 2 < 3 and d.cap(j) and not d.newline_before(j) \
                    and not (j > m + 2 and d.glued(j)):
                j += 1
            words = d.toks[m + 2:j]
            if j >= d.n or d.cap(j) or d.toks[j] in _TOLD_GOES_ON or d.longest(g, m + 2) is not None \
                    or any(_title_at(d, k) or d.toks[k] in lx.SENTENCE_WORDS or d.toks[k] in lx.TITLE_MODIFIERS
                           for k in range(m + 2, j)) or _head_type(words[-1]):
                continue
            self.add(m + 2, j, _Info("organization", d.text[d.starts[m + 2]:d.ends[j - 1]], None, "media",
                                     None, None), "org_pattern")

    def speaking_bodies(self) -> None:
        """A name typed as an initiative by its head word that speaks is a body: "Georgian Railway
        said", "the X Insurance Facility (XIF) said" (a railway line or a fund says nothing)."""
        d = self.d
        for n, s in enumerate(self.spans):
            if s.info.entity_type != "initiative" or s.method != "initiative_pattern" or s.j >= d.n:
                continue
            k = s.j
            if d.toks[k] == "(" and ")" in d.toks[k + 1:k + 4]:
                k = d.toks.index(")", k) + 1
            if k < d.n and d.toks[k] in _BODY_VERBS and _head_type(d.toks[s.j - 1]) is not None:
                self.spans[n] = _Span(s.i, s.j, _Info("organization", s.info.canonical), "org_pattern", s.boost)

    def _told_bare(self, i: int) -> None:
        """"told Al-Wasat.", "told Kivu Radio Online that ...": a new name right after "told" that
        closes the clause is the outlet (people the text names and given names are not)."""
        d = self.d
        j = i + 1
        while j < d.n and j - i < 6 and not d.newline_before(j) and (
                d.cap(j) or (d.toks[j] == "-" and d.glued(j) and j + 1 < d.n and d.glued(j + 1))
                or (d.toks[j] in {"al", "el"} and j + 1 < d.n and d.toks[j + 1] == "-")):
            j += 1
        while j > i and d.toks[j - 1] in {"-", "al", "el"}:
            j -= 1
        if j >= d.n or d.toks[j] not in {".", ",", "that", "on", "in", "after", "last", "this", "earlier", ";"}:
            return
        if d.toks[i] == "Parliament" or not self._media_name_ok(i, j, headed=True) \
                or (d.toks[j] == "that" and j - i == 1 and not d.toks[i].isupper()):
            return  # "told Oduya that ...": a lone unknown word before "that" may be a person
        self.add(i, j, _Info("organization", d.text[d.starts[i]:d.ends[j - 1]], None, "media", None, None),
                 "org_pattern", boost=1)

    def _media_name_ok(self, i: int, j: int, headed: bool = False) -> bool:
        """Whether d[i:j] may be an outlet named as a source: a new name (no known name starts it),
        no title, sentence word or given name first, no word of a person named in the text, and
        no head word of its own (head-word patterns type those)."""
        d, g = self.d, self.g
        if i >= j or j - i > 6 or any(d.newline_before(k) for k in range(i + 1, j)):
            return False
        hit = d.longest(g, i)
        if (hit is not None and (hit[0] >= j or hit[1].entity_type not in ("country", "location"))) \
                or d.toks[i] in self.kb.given_names \
                or (_head_type(d.toks[j - 1]) and not (headed and _head_type(d.toks[j - 1]) == ("organization", None))):
            return False  # "Libya al-Ahrar TV" may open with a country
        if any(_title_at(d, k) or d.toks[k] in lx.SENTENCE_WORDS or d.toks[k] in lx.TITLE_MODIFIERS
               or d.toks[k] in _MONTHS or d.toks[k] in _WEEKDAYS for k in range(i, j)):
            return False
        if self._people is None:  # the words of the people found so far (sources run before this)
            self._people = {d.toks[k] for s in self.spans if s.info.entity_type == "person"
                            for k in range(s.i, s.j) if d.cap(k)}
        return not any(d.toks[k] in self._people for k in range(i, j))

    def reported_media(self) -> None:
        """"Philenews reported that ...", "Primicias and El Comercio reported", "..., Tamsin Post
        quoted officials as saying": a new capitalised name that opens a clause right before
        "reported"/"quoted" is an outlet named as a source (GUIDELINES: organisations); people
        named in the text, given names and known names are not."""
        d = self.d
        for m in d.at({"reported", "quoted"}, 1, d.n):
            if not d.cap(m - 1) or d.newline_before(m):
                continue
            i = m - 1
            while i > 0 and m - i < 4 and not d.newline_before(i) and (
                    (d.cap(i - 1) and not d.sentence_initial(i)) or (d.toks[i - 1] in {"-", "’", "'"} and d.glued(i))
                    or (d.toks[i - 1] == "s" and i >= 2 and d.toks[i - 2] in {"’", "'"} and d.glued(i - 1))):
                i -= 1
            while i < m and d.toks[i] in {"-", "’", "'", "s"}:
                i += 1
            if i > 0 and d.toks[i - 1] not in {",", "and", "the", "The", "s"} and not d.sentence_initial(i) \
                    and d.toks[i - 1] not in lx.ORG_NOUNS_BEFORE and d.toks[i - 1] not in {"agency", "daily", "weekly"}:
                continue
            if d.toks[i] == "The" and i + 1 < m:
                i += 1
            if not self._media_name_ok(i, m) or d.toks[i] in {"-", "’", "'"}:
                continue
            self.add(i, m, _Info("organization", d.text[d.starts[i]:d.ends[m - 1]], None, "media", None, None),
                     "org_pattern", boost=1)
            if i >= 2 and d.toks[i - 1] == "and" and d.cap(i - 2):
                k = i - 2  # "Kordova Daily and La Voz reported": both outlets
                while k > 0 and i - 1 - k < 4 and d.cap(k - 1) and not d.sentence_initial(k) \
                        and not d.newline_before(k):
                    k -= 1
                if d.toks[k] == "The" and k + 1 < i - 1:
                    k += 1
                if self._media_name_ok(k, i - 1) or (_head_type(d.toks[i - 2]) == ("organization", None)
                                                     and d.longest(self.g, k) is None):
                    self.add(k, i - 1, _Info("organization", d.text[d.starts[k]:d.ends[i - 2]], None, "media",
                                             None, None), "org_pattern", boost=1)

    def compass_places(self) -> None:
        """A capitalised compass word before a known place is part of its name: "Eastern Pacific",
        "North Atlantic", "Western and Central Pacific" (a lower-case one is not: "eastern
        Caribbean states" -> "Caribbean")."""
        d = self.d
        for s in list(self.spans):
            if s.info.entity_type != "location" or s.i == 0 or d.toks[s.i - 1] not in _COMPASS_CAPS \
                    or d.glued(s.i) or d.newline_before(s.i):
                continue
            i = s.i - 1
            if i >= 2 and d.toks[i - 1] == "and" and d.toks[i - 2] in _COMPASS_CAPS \
                    and not d.newline_before(i):
                i -= 2
            self.add(i, s.j, _Info("location", d.text[d.starts[i]:d.ends[s.j - 1]], None, s.info.subtype,
                                   None, None), s.method)

    def particle_places(self) -> None:
        """A place name goes on over a Romance or Arabic particle before more capitalised words:
        "Isla del Tigre", "Vila Real de Santo António", "Saint-Georges-de-l'Oyapock",
        "Hawsh al-Sayyed Ali" (the gazetteer or a cue found only the first part). A lower-case
        Arabic article glued before a place is part of it ("al-Mahra", round 10)."""
        d = self.d
        for s in list(self.spans):
            if s.info.entity_type == "location" and s.i >= 2 and d.toks[s.i - 1] == "-" and d.glued(s.i) \
                    and d.glued(s.i - 1) and d.toks[s.i - 2] in _ARABIC_ARTICLES:
                name = d.text[d.starts[s.i - 2]:d.ends[s.j - 1]]
                self.add(s.i - 2, s.j, _Info("location", name, None, s.info.subtype, None, None), s.method)
            if s.info.entity_type != "location" or s.j >= d.n:
                continue
            j = _particle_tail(d, s.j)
            if j > s.j and not any(_head_type(t) for t in d.toks[s.j:j]):
                name = d.text[d.starts[s.i]:d.ends[j - 1]]
                self.add(s.i, j, _Info("location", name, None, s.info.subtype, None, None), s.method)

    def unknown_places(self) -> None:
        """Places no gazetteer lists, by their cue: a name after a locative ("based in Elegu",
        "at Bhairahawa", "linking Copacabana, Yunguyo and Kasani"), a name in a list with a known
        place ("between Bosanska Dubica and Bihać"), items after a plural place noun ("islands
        such as Sal, Boa Vista and São Vicente"). The name must not be a known name, an acronym,
        a common word, a language, a person (given name first) or a possessor."""
        d = self.d
        for m in d.at(_UNKNOWN_PLACE_CUES, 0, d.n - 1):
            t = d.toks[m]
            if t in _UNKNOWN_LOCATIVES and m + 3 < d.n and d.toks[m + 1] in _ARABIC_ARTICLES \
                    and d.toks[m + 2] == "-" and d.glued(m + 2) and d.glued(m + 3):
                # "near al-Ghaydah", "the camp at al-Hol": an Arabic name after a locative (round 10)
                j = self._unknown_place(m + 3, min_len=3, person_ok=True)
                if j is not None and j - m - 3 <= 2:
                    self._place(m + 1, j)
                continue
            if t in _UNKNOWN_LOCATIVES and not (t == "at" and any(
                    w in lx.APPOSITION_ROLES or w in lx.ROLE_NOUNS for w in d.toks[max(0, m - 4):m])):
                j = self._unknown_place(m + 1, min_len=4, person_ok=t in {"in", "near", "outside"})
                if j is not None:
                    self._place(m + 1, j)
                    self._place_list(j)
            elif (t == "on" and self._on_place(m)) or (
                    t == "over" and m > 0 and d.toks[m - 1] in _OVER_NOUNS):
                # "radar sites on Aldabra and Farquhar", "a centre in Luganville on Espiritu
                # Santo", "the dispute over Kalapani and Lipulekh"
                j = self._unknown_place(m + 1, min_len=4)
                if j is not None:
                    self._place(m + 1, j)
                    self._place_list(j)
            elif t in _PLACE_PLURALS and m + 3 < d.n and (d.toks[m + 1:m + 3] == ["such", "as"]
                                                          or d.toks[m + 1] == "including"):
                i = m + 3 if d.toks[m + 1] == "such" else m + 2
                j = self._unknown_place(i, min_len=3, strong=True)
                if j is not None:
                    self._place(i, j)
                    self._place_list(j)
        for s in list(self.spans):  # a list with a known place ("X and Bihać", "Juliaca and X")
            if s.info.entity_type != "location":
                continue
            self._place_list(s.j)
            if s.i >= 2 and d.toks[s.i - 1] in {"and", "or"}:
                b = self._name_before(s.i - 1)
                if b is not None and self._unknown_place(b, min_len=4) == s.i - 1:
                    self._place(b, s.i - 1)

    def _on_place(self, m: int) -> bool:
        """Whether "on" at token ``m`` locates something on an island or site: after a facility
        noun or a deployment verb ("radar sites on X", "stationed on X") or right after a place
        ("in Luganville on X"); never "on Monday", "sanctions on X"."""
        d = self.d
        if any(w in _ON_CUES for w in d.toks[max(0, m - 3):m]):
            return True
        return any(s.j == m and s.info.entity_type == "location" for s in self.spans)

    def _place_list(self, k: int) -> None:
        """Unknown names listed after a place ending at token ``k``: ", Y", "and Y", ", Y and Z"."""
        d = self.d
        while k + 1 < d.n and d.toks[k] in {",", "and", "or"}:
            if d.toks[k] == "," and d.toks[k + 1] in {"and", "or"}:
                k += 1
            i = k + 1
            hit = d.longest(self.g, i) if i < d.n else None
            if hit is not None and hit[1].entity_type == "location":
                k = hit[0]
                continue
            j = self._unknown_place(i, min_len=3, person_ok=True)
            if j is None:
                return
            self._place(i, j, boost=1)  # listed with a place, it is one ("between X and Tomas Y")
            k = j

    def _unknown_place(self, i: int, min_len: int, strong: bool = False, person_ok: bool = False) -> int | None:
        """End of an unknown place-like name at token ``i`` (None when it is not one); a
        ``strong`` cue ("islands such as Sal") also takes a frequent English word; with
        ``person_ok`` a name may open with a given name ("in Ben Guerdane", "X and Tecún Umán"),
        where the person rule declines it."""
        d, kb = self.d, self.kb
        if i >= d.n or not d.caps[i] or not d.toks[i][:1].isalpha() or d.longest(self.g, i) is not None:
            return None
        j = self._name_after(i)
        if j is None or (j < d.n and (d.cap(j) or d.toks[j] in ("'", "’") or d.toks[j][:1].isdigit())):
            return None
        words = [w for w in d.toks[i:j] if w[:1].isalpha()]
        if (j - i == 1 and len(words[0]) < min_len) or (
                not person_ok and len(words) >= 2 and words[0] in kb.given_names):
            return None
        if words[-1].lower() in kb.stopwords or (
                not strong and len(words) == 1 and words[0].lower() in kb.common_words):
            return None  # "in Police ...", but "El Alto" (only the last word names the place)
        for w in words:
            if (w.isupper() and len(w) > 1) or w in _languages() or w in _MONTHS \
                    or w in _NOT_PLACES or w in lx.TITLE_MODIFIERS:
                return None
        for k in range(i + 1, j):  # a known name inside; a gazetteer town may be ("Tecún Umán")
            hit = d.longest(self.g, k)
            if hit is not None and hit[1].key not in self.g.gazetteer_keys:
                return None
        return j

    def _org_after_noun(self, m: int) -> None:
        """"the state copper company Codelco", "companies including Maersk": a new name after a
        lower-case organisation noun."""
        d = self.d
        t = d.toks[m] if d.toks[m] in lx.ORG_NOUNS_BEFORE else d.toks[m].lower()  # "Gangs such as"
        if t in lx.ORG_NOUNS_BEFORE and m + 2 < d.n and d.toks[m + 1] == "of" and t in _COLLECTIVE_NOUNS:
            i = m + 2  # "the consortium of X, Y and Z"
        elif t in lx.ORG_NOUNS_BEFORE:
            i = m + 1
        elif m + 2 < d.n and d.toks[m + 1] in {"including", "like"}:
            i = m + 2
        elif m + 3 < d.n and d.toks[m + 1:m + 3] == ["such", "as"]:
            i = m + 3
        elif t in lx.ORG_NOUNS_PLURAL and t.islower() and m + 3 < d.n:
            i = m + 1  # "telecom operators X and Y": a list right after the plural noun (round 9)
            j = self._org_name_after(i) if d.cap(i) and not d.newline_before(i) else None
            if j is None or j + 1 >= d.n or d.toks[j] not in {",", "and"} or not d.cap(j + 1):
                return
        else:
            return
        if i >= d.n or not d.cap(i) or d.newline_before(i):
            return
        listed = t in lx.ORG_NOUNS_PLURAL or (t in _COLLECTIVE_NOUNS and i == m + 2)
        while True:
            j = self._org_name_after(i)
            if j is None:
                j = self._known_org_at(i) if listed else None
                if j is None:
                    return  # a known body in the list keeps it going ("of Trafigura, X and Y")
            else:
                self.add(i, j, _Info("organization", d.text[d.starts[i]:d.ends[j - 1]]), "org_pattern")
            # "gangs such as X and Y", "the consortium of X, Y and Z": the list goes on
            k = j + (j + 1 < d.n and d.toks[j] == "," and d.toks[j + 1] == "and")
            if not listed or k + 1 >= d.n or d.toks[k] not in {",", "and"} or not d.cap(k + 1):
                return
            i = k + 1

    def _known_org_at(self, i: int) -> int | None:
        """End of a KB organisation named at token ``i`` (None if there is none)."""
        hit = self.d.longest(self.g, i)
        return hit[0] if hit is not None and hit[1].entity_type == "organization" else None

    def _org_name_after(self, i: int) -> int | None:
        """End of a new organisation name at token ``i`` after an organisation noun: up to three
        capitalised words, no known name (a gazetteer town may be: "company Kongsberg"), no
        possessor."""
        d, g = self.d, self.g
        j = self._name_after(i)
        if j is None or j - i > 3 or (j < d.n and d.toks[j] in {"'", "’"}) or any(
                (h := d.longest(g, k)) and h[1].key not in g.gazetteer_keys for k in range(i, j)):
            return None
        return j

    def _datelines(self) -> None:
        """"CAMP DAVID, Maryland, Aug. 18 —": an upper-case line start before a known place."""
        d, g = self.d, self.g
        for mt in _DATELINE.finditer(d.text):
            i = bisect.bisect_left(d.starts, mt.start())
            if i >= d.n or d.starts[i] != mt.start():
                continue
            j = i
            while j < d.n and j - i < 4 and ((d.toks[j].isupper() and d.toks[j].isalpha())
                                             or (d.toks[j] == "-" and d.glued(j))):
                j += 1
            if j + 3 < d.n and d.toks[j] == "(" and d.toks[j + 2] == ")" and d.cap(j + 1) \
                    and d.toks[j + 3] in {"-", "—", "–", ":"} and g.longest_upper(d.toks, i) is None:
                # "TARNOVO (AFP) —": an upper-case place before a news agency
                self.add(i, j, _Info("location", d.text[d.starts[i]:d.ends[j - 1]].title()), "place_cue")
                continue
            if j + 1 >= d.n or d.toks[j] != "," or g.longest_upper(d.toks, i) is not None:
                continue
            nxt = d.longest(g, j + 1)
            if nxt and nxt[1].entity_type in ("country", "location"):
                name = d.text[d.starts[i]:d.ends[j - 1]].title()
                self.add(i, j, _Info("location", name), "place_cue")
            elif d.toks[j + 1] in _MONTHS:  # "ELEGU, May 3 —"
                self.add(i, j, _Info("location", d.text[d.starts[i]:d.ends[j - 1]].title()), "place_cue")
            elif d.cap(j + 1):  # "SALJHANDI, Rupandehi, December 31, 2024 —": both are places
                k = self._name_after(j + 1)
                if k is not None and k + 1 < d.n and d.toks[k] == "," and d.toks[k + 1] in _MONTHS:
                    self.add(i, j, _Info("location", d.text[d.starts[i]:d.ends[j - 1]].title()), "place_cue")
                    self._place(j + 1, k)

    def _name_before(self, m: int) -> int | None:
        """Start of the capitalised place-like name that ends right before token ``m``."""
        d = self.d
        i = m
        while i > 0 and m - i < 4 and not d.newline_before(i) and (
                d.cap(i - 1) or (_is_hyphen_join(d, i - 1) and i - 2 >= 0 and d.cap(i - 2))):
            i -= 1
        i = _strip_lead(d, i, m)
        return i if i < m and self._place_like(i, m) else None

    def _name_after(self, i: int) -> int | None:
        """End of the capitalised place-like name that starts at token ``i``."""
        d = self.d
        if i >= d.n or not d.cap(i):
            return None
        j = i + 1
        while j < d.n and j - i < 6 and not d.newline_before(j) and (
                d.cap(j) or _is_hyphen_join(d, j)):
            j += 2 if _is_hyphen_join(d, j) else 1
        return j if self._place_like(i, j) else None

    def _place_like(self, i: int, j: int) -> bool:
        d, g = self.d, self.g
        words = d.toks[i:j]
        if not words or words[0] in lx.SENTENCE_WORDS or words[0] in _WEEKDAYS or _title_at(d, i):
            return False
        if j - i == 1 and (words[0] in g.demonyms or words[0] in lx.REGION_ADJECTIVES
                           or words[0].lower() in lx.COMPASS or len(words[0]) < 3):
            return False
        if any(_head_type(w) not in (None, ("location", None)) for w in words):
            return False
        hit = d.longest(g, i)
        return not (hit and hit[0] >= j and hit[1].entity_type in ("person", "organization", "initiative"))

    def _place(self, i: int, j: int, boost: int = 0) -> None:
        d = self.d
        for k in range(i, j):  # "the Sadakhlo–Bagratashen crossing": two places
            if d.toks[k] == "–":
                self._place(i, k, boost)
                self._place(k + 1, j, boost)
                return
        if i < j:
            self.add(i, j, _Info("location", d.text[d.starts[i]:d.ends[j - 1]]), "place_cue", boost)

    def place_chain_projects(self) -> None:
        """A railway or pipeline named by the places it links is an initiative (a project), head
        word included: "China–Kyrgyzstan–Uzbekistan railway", "Basra–Aqaba oil pipeline",
        "Baku–Tbilisi–Ceyhan (BTC) oil pipeline" (then the chain alone, as written before the
        acronym). Roads and highways between places stay two places ("Lamu–Garissa road")."""
        d, g = self.d, self.g
        for k in range(1, d.n - 2):
            if d.toks[k] not in _CHAIN_DASHES or not d.cap(k - 1) or not d.cap(k + 1):
                continue
            if k >= 3 and d.toks[k - 2] in _CHAIN_DASHES:
                continue  # not the first link of the chain
            i = self._place_before(k)
            if i is None:
                continue
            j, links = k, 0
            while j < d.n and d.toks[j] in _CHAIN_DASHES:
                hit = d.longest(g, j + 1) if j + 1 < d.n else None
                if hit is None or hit[1].entity_type not in ("country", "location"):
                    break
                j, links = hit[0], links + 1
            if links == 0 or (j < d.n and d.toks[j] in _CHAIN_DASHES):
                continue
            e, paren = j, False
            if e + 2 < d.n and d.toks[e] == "(" and d.toks[e + 2] == ")" and d.toks[e + 1].isupper():
                e, paren = e + 3, True  # "(BTC)"
            if e + 1 < d.n and d.toks[e] in _PROJECT_MODIFIERS and d.toks[e + 1] in _PROJECT_HEADS:
                e += 1  # "oil pipeline", "railway line" never: a modifier only before a head
            if e >= d.n or d.toks[e] not in _PROJECT_HEADS:
                continue
            chain = d.text[d.starts[i]:d.ends[j - 1]]
            if paren:
                self.add(i, j, _Info("initiative", f"{chain} {d.toks[e]}", None, "economic corridor"),
                         "initiative_pattern", boost=1)
            else:
                name = d.text[d.starts[i]:d.ends[e]]
                self.add(i, e + 1, _Info("initiative", name, None, "economic corridor"), "initiative_pattern")

    def _only_places(self, i: int, j: int) -> bool:
        """Whether d[i:j] is known places joined by dashes ("Beirut–Damascus"; countries are not:
        "the China–Europe route" may name a project)."""
        d, g = self.d, self.g
        k = i
        while k < j:
            hit = d.longest(g, k)
            if hit is None or hit[1].entity_type != "location" or hit[0] > j:
                return False
            k = hit[0]
            if k < j:
                if d.toks[k] not in _CHAIN_DASHES:
                    return False
                k += 1
        return True

    def routes_by_place(self) -> None:
        """A one-word name typed as a project only by the noun after it ("the Kufra route", "the
        Cape route") is the place when the text names it as a place elsewhere ("the oasis town
        of Kufra", "the Cape of Good Hope")."""
        d = self.d
        if not any(w in d.positions for w in _ROUTE_WORDS) or not any(
                s.j - s.i == 1 and s.info.entity_type == "initiative" and s.method == "initiative_pattern"
                for s in self.spans):
            return
        places: dict[str, _Info] = {}
        for s in sorted(self.spans, key=lambda s: s.j - s.i):
            if s.info.entity_type == "location":
                places.setdefault(d.toks[s.i], s.info)  # the shortest place it opens ("Cape of Good Hope")
        if not places:
            return
        for n, s in enumerate(self.spans):
            if s.j - s.i == 1 and s.info.entity_type == "initiative" and s.method == "initiative_pattern" \
                    and d.toks[s.i] in places and s.j < d.n and d.toks[s.j] in _ROUTE_WORDS:
                self.spans[n] = _Span(s.i, s.j, places[d.toks[s.i]], "place_cue", s.boost)

    def _place_before(self, k: int) -> int | None:
        """Start of the known country or place that ends right before token ``k``."""
        d, g = self.d, self.g
        for i in range(max(0, k - 4), k):
            hit = d.longest(g, i)
            if hit is not None and hit[0] == k and hit[1].entity_type in ("country", "location"):
                return i
        return None

    def tables(self) -> None:
        """Cells of a pipe table's initiative column ("Proposed Initiative")."""
        d = self.d
        lines = list(re.finditer(r"^\|.*\|[ \t]*$", d.text, re.M))
        col, kind, status = None, None, None
        prev_end = -2
        for m in lines:
            cells = _cells(m)
            if m.start() != prev_end + 1:
                col, kind, status = None, None, None
                for idx, (_, _, c) in enumerate(cells):
                    if re.search(r"\binitiatives?\b", c, re.I):
                        col = idx
                        kind = "proposal" if re.search(r"propos", c, re.I) else "programme"
                        # The header's word for the column's state ("Proposed Initiative").
                        status = next((lx.STATUS_WORDS[w] for w in c.lower().split() if w in lx.STATUS_WORDS), None)
                prev_end = m.end()
                continue
            prev_end = m.end()
            if col is None or col >= len(cells) or re.fullmatch(r"[\s:|-]*", m.group(0)):
                continue
            a, b, c = cells[col]
            if not c:
                continue
            i = bisect.bisect_left(d.starts, a)
            j = bisect.bisect_left(d.starts, b)
            if i < j:
                self.add(i, j, _Info("initiative", c, None, kind), "table_cell")
                if status is not None:
                    self.table_status[(i, j)] = status

    # -- resolution ---------------------------------------------------------
    def resolve(self) -> list[_Span]:
        d = self.d
        order = sorted(self.spans, key=lambda s: (-(s.j - s.i), -s.boost,
                                                  -_METHOD_RANK.get(s.method, 0), s.i))
        taken = [False] * d.n
        kept: list[_Span] = []
        for s in order:
            if any(taken[s.i:s.j]):
                continue
            for k in range(s.i, s.j):
                taken[k] = True
            kept.append(s)
        # A country inside an organisation or initiative name is a mention too.
        nested = []
        for s in kept:
            if s.info.entity_type in ("organization", "initiative") and s.j - s.i > 1:
                inner = [t for t in self.spans if s.i <= t.i and t.j <= s.j and (t.i, t.j) != (s.i, s.j)
                         and t.info.entity_type in ("country", "location")]
                for t in inner:
                    if t.info.entity_type == "country" and self._nested_country(t, inner):
                        nested.append(t)
        return sorted(set(kept) | set(nested), key=lambda s: (s.i, -s.j))

    def _nested_country(self, t: _Span, inner: list[_Span]) -> bool:
        """A country inside a name is a mention unless it is part of a longer country or place name
        ("Democratic Republic of the Congo", "Gulf of Guinea") or a group word ("Inter-American",
        "Organization of American States")."""
        d = self.d
        if any(u.i <= t.i and t.j <= u.j and (u.j - u.i) > (t.j - t.i) for u in inner):
            return False
        if d.toks[t.i] in self.g.demonyms:
            if t.i > 0 and d.toks[t.i - 1] in {"Latin", "Central", "South", "North", "Pan"}:
                return False  # "Latin American Faculty", "Central American Integration System"
            if t.j < d.n and d.toks[t.j] in lx.GROUP_NOUNS:
                return False
            if t.i >= 2 and d.toks[t.i - 1] == "-" and d.glued(t.i) \
                    and d.toks[t.i - 2].lower() in lx.GROUP_PREFIXES:
                return False
        return True

    def _free_word(self, k: int, taken: list[bool], min_len: int = 3, english_ok: bool = False) -> bool:
        """Token ``k`` is a capitalised word that names nothing known and is no English word,
        given name, title or head word ("Petite", "Enríquez", "Bougoudi")."""
        d, kb = self.d, self.kb
        t = d.toks[k]
        return 0 <= k < d.n and not taken[k] and t.isalpha() and len(t) >= min_len and t[:1].isupper() \
            and not t.isupper() and (english_ok or t.lower() not in kb.common_words) and t.lower() not in kb.stopwords \
            and t not in kb.given_names and t not in lx.SENTENCE_WORDS and t not in _MONTHS \
            and t not in _WEEKDAYS and not _title_at(d, k) and _head_type(t) is None \
            and d.longest(self.g, k) is None and not d.clutter[k]

    def glued_places(self, kept: list[_Span]) -> list[_Span]:
        """A known place glued to an unknown capitalised word is part of a longer place name:
        "Petite Martinique", "Ponce Enríquez", "Kouri Bougoudi", "Ny-Ålesund", "Fruta del Norte".
        The word names nothing known and is no common English word or given name ("Beijing
        Olympics", "Gaza Mohammed" stay apart), and the run ends there (no capitalised word
        beyond it: a longer run is some other name)."""
        d = self.d
        taken = [False] * d.n
        for s in kept:
            for k in range(s.i, s.j):
                taken[k] = True
        # words of the people named in this text: "Imre Tovath Keller" ... "Tovath Keller said"
        person_words = {d.keys[k] for s in kept if s.info.entity_type == "person" for k in range(s.i, s.j)}
        out = []
        for s in kept:
            if s.info.entity_type != "location" or s.method not in ("gazetteer", "knowledge_base"):
                out.append(s)
                continue
            i, j = s.i, s.j
            k = i - 1
            if k >= 1 and d.toks[k] in lx.PLACE_PARTICLES and self._free_word(k - 1, taken):
                i = k - 1  # "Fruta del | Norte"
            elif k >= 1 and d.toks[k] == "-" and d.glued(k) and d.glued(i) and len(d.toks[k - 1]) <= 3 \
                    and self._free_word(k - 1, taken, 2, english_ok=True):
                i = k - 1  # "Ny-|Ålesund" (a short prefix: longer ones are double surnames, "Mwale-Banda")
            elif k >= 0 and not d.newline_before(i) and d.toks[i - 1] != "-" and self._free_word(k, taken):
                i = k  # "Petite | Martinique"
            if i < s.i and i > 0 and d.cap(i - 1) and not d.sentence_initial(i):
                i = s.i
            if j < d.n and not d.newline_before(j) and self._free_word(j, taken) \
                    and not (j + 1 < d.n and (d.cap(j + 1) or (d.glued(j + 1) and d.toks[j + 1] == "-"))):
                j += 1  # "Ponce | Enríquez"
            if (i, j) == (s.i, s.j) or any(d.keys[k] in person_words for k in range(i, j)):
                out.append(s)
                continue
            name = d.text[d.starts[i]:d.ends[j - 1]]
            out.append(_Span(i, j, _Info("location", name), "place_cue"))
        return out

    def paren_names(self, kept: list[_Span]) -> list[_Span]:
        """"National Anti-Drug Secretariat (Senad)", "Icelandic Coast Guard (Landhelgisgæslan)",
        "Ombudsman's Office (Defensoría del Pueblo)": a capitalised name in parentheses right
        after an organisation is its other name (a native name or a mixed-case acronym), one
        entity; a country inside it stays a mention too."""
        d, g = self.d, self.g
        out = list(kept)
        for s in kept:
            if s.info.entity_type != "organization" or s.j + 2 >= d.n or d.toks[s.j] != "(":
                continue
            a = s.j + 1
            p = a
            while p < d.n and p - a < 6 and d.toks[p] != ")" and not d.newline_before(p):
                p += 1
            if p >= d.n or d.toks[p] != ")" or p == a or not d.toks[a][:1].isupper():
                continue
            words = d.toks[a:p]
            if not all(d.cap(k) or d.toks[k] in lx.PLACE_PARTICLES or d.toks[k] in {"-", "’", "'"}
                       for k in range(a, p)) or any(w.isdigit() for w in words):
                continue
            inner = [t for t in out if a <= t.i and t.j <= p]
            if any(t.i == a and t.j == p and t.info.entity_type == "organization" for t in inner):
                continue  # the acronym pass has it
            hit = d.longest(g, a)
            if hit is not None and hit[0] == p and hit[1].entity_type != "organization":
                continue  # "(Kenya)", "(Mombasa)": a place, not a name of the body
            if any(t.info.entity_type == "person" for t in inner) or any(
                    t.i < a < t.j or t.i < p < t.j for t in out):
                continue
            out = [t for t in out if not (a <= t.i and t.j <= p) or t.info.entity_type == "country"]
            out.append(_Span(a, p, s.info, "acronym_definition"))
        return out

    def second_pass(self, kept: list[_Span]) -> list[_Span]:
        """Every other occurrence of a name found once; surnames and acronyms of people/orgs."""
        d = self.d
        forms: dict[tuple[str, ...], tuple[_Info, str]] = {}
        persons = [s for s in kept if s.info.entity_type == "person"]
        # Spelling variants of one person in one document become one (first spelling wins).
        canon: dict[str, _Info] = {}
        for s in sorted(persons, key=lambda s: s.i):
            n = _norm_name(s.info.canonical)
            same = next((v for k, v in canon.items() if (fuzz.ratio(k, n) >= PERSON_MATCH_THRESHOLD
                         and _same_surname(k, n)) or (len(n.split()) >= 2 and f" {n} " in f" {k} ")), None)
            canon.setdefault(n, same or s.info)
        # A name typed by a stronger cue elsewhere in the text is that thing here too: a given
        # name only suggests a person ("Surya Kiran drills" ... "the 18th edition of Surya Kiran").
        typed = {tuple(d.keys[s.i:s.j]): s for s in kept if s.info.entity_type != "person"
                 and s.method in ("initiative_pattern", "org_pattern", "acronym_definition", "table_cell")}
        merged = []
        for s in kept:
            if s.method == "person_given" and tuple(d.keys[s.i:s.j]) in typed:
                t = typed[tuple(d.keys[s.i:s.j])]
                s = replace(s, info=t.info, method=t.method)
            elif s.info.entity_type == "person":
                s = replace(s, info=canon[_norm_name(s.info.canonical)])
            merged.append(s)
            if s.info.entity_type in ("person", "organization", "initiative", "location") and (
                    s.method != "knowledge_base" or s.info.entity_type == "person") \
                    and s.info.key not in self.g.gazetteer_keys:  # a person's surname beats a town
                forms.setdefault(tuple(d.keys[s.i:s.j]), (s.info, "short_reference"
                                                           if s.info.entity_type == "person" else s.method))
                if s.method == "place_cue" and all(k.isupper() for k in d.keys[s.i:s.j] if k.isalpha()):
                    forms.setdefault(tuple(k.title() if k.isalpha() else k for k in d.keys[s.i:s.j]),
                                     (s.info, s.method))  # "CAMP DAVID" dateline -> "Camp David"
        # "Ruvuma River" found by its head word: "Ruvuma" alone is the same river here.
        longer: dict[tuple[str, ...], _Info] = {}
        for s in merged:
            if s.info.entity_type == "location" and s.info.key is None and s.j - s.i >= 2 \
                    and d.toks[s.j - 1] in lx.LOCATION_HEADS | {"Area", "Ground", "Range"} \
                    and d.toks[s.i] not in lx.LOCATION_PREFIXES:
                two = tuple(d.toks[s.j - 2:s.j]) in lx.LOCATION_HEADS_2 and s.j - s.i >= 3
                short = tuple(d.keys[s.i:s.j - 1 - two])  # "Five Hills Training Area" -> "Five Hills"
                hit = self.g.forms.get(short)
                if hit is None or hit.key in self.g.gazetteer_keys or hit.entity_type == "location":
                    old = forms.get(short)
                    if old is None or (old[0].entity_type == "location" and old[0].key is None):
                        forms[short] = (s.info, s.method)  # the long place, also over its own short span
                    longer.setdefault(short, s.info)
        # The short form found on its own by a place cue is that place too (a headline's "at X").
        merged = [replace(t, info=longer[sk]) if t.info.entity_type == "location" and t.info.key is None
                  and (sk := tuple(d.keys[t.i:t.j])) in longer else t for t in merged]
        # A known body named in full makes its acronym safe to use in this text ("AU" once
        # "African Union" is there), even if the acronym is too ambiguous alone.
        for s in merged:
            acr = s.info.acronym
            if acr and s.info.key and s.info.entity_type in ("organization", "initiative") \
                    and s.method == "knowledge_base" and acr not in self.acronyms:
                self.acronyms[acr] = s.info
        # A known entity named in this text makes all its KB names usable here, even the ones too
        # ambiguous alone ("Lula" after "Luiz Inácio Lula da Silva", "Quad" after its long name).
        for s in merged:
            e = self.kb.entries.get(s.info.key) if s.info.key and s.method == "knowledge_base" else None
            if e is None or e.entity_type == "country":
                continue
            method = "short_reference" if e.entity_type == "person" else "acronym"
            for toks in self.g.entry_forms(e):
                forms.setdefault(toks, (s.info, method))
        for acr, info in self.acronyms.items():
            forms.setdefault(tuple(_key(m.group(0)) for m in _TOKEN.finditer(acr)), (info, "acronym"))
        for s in merged:
            if s.info.entity_type != "person":
                continue
            words = [k for k in d.keys[s.i:s.j] if k[:1].isupper() and k not in lx.NAME_SUFFIXES]
            name_toks = [k for k in d.keys[s.i:s.j] if k not in {".", "Jr", "Sr"}]
            shorts: list[tuple[str, ...]] = []
            if len(words) >= 2:
                shorts += [tuple(name_toks[:1]), tuple(name_toks[:2]), tuple(name_toks[-2:])]
                if len(name_toks) < 2 or name_toks[-2] != "-":
                    shorts.append(tuple(name_toks[-1:]))
                if "-" in name_toks:  # "Kosiniak-Kamysz"
                    h = name_toks.index("-")
                    shorts.append(tuple(name_toks[h - 1:h + 2]))
                if name_toks[-1] in {"Jr"} or d.keys[s.j - 1] == ".":
                    shorts.append(tuple(words[-1:]))
                if len(name_toks) >= 3 and all(t[:1].isupper() for t in name_toks):
                    shorts += [(t,) for t in name_toks[1:-1]]  # "José Múcio Monteiro" -> "Múcio"
                if "-" in name_toks and name_toks[name_toks.index("-") - 1] in lx.NAME_PARTICLES:
                    h = name_toks.index("-")  # "al-Sudani" -> "Al-Sudani"
                    shorts.append((name_toks[h - 1].capitalize(), "-", *name_toks[h + 1:h + 2]))
            for sh in shorts:
                if len(sh) == 1 and (len(sh[0]) < 3 or sh[0].lower() in self.kb.stopwords
                                     or sh[0] in lx.SENTENCE_WORDS):
                    continue
                if sh and all(t[:1].isupper() or t == "-" for t in sh) and sh[-1] != "-":
                    forms.setdefault(sh, (s.info, "short_reference"))
                    plain = tuple(_plain(t) for t in sh)  # "Sánchez" -> "Sanchez"
                    if plain != sh:
                        forms.setdefault(plain, (s.info, "short_reference"))
        covered = [False] * d.n
        for s in merged:
            if s.method != "gazetteer":
                for k in range(s.i, s.j):
                    covered[k] = True
        extra = []
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for f in forms:
            by_first.setdefault(f[0], []).append(f)
        for i in d.at_keys(by_first.keys()):
            if covered[i]:
                continue
            for f in sorted(by_first[d.keys[i]], key=len, reverse=True):
                j = i + len(f)
                if tuple(d.keys[i:j]) == f and not any(covered[i:j]) and not d.clutter[i] and not (
                        j < d.n and d.glued(j) and d.toks[j][:1].isalnum()):
                    info, method = forms[f]
                    extra.append(_Span(i, j, info, method))
                    for k in range(i, j):
                        covered[k] = True
                    break
        extra += self._surname_variants(merged + extra, covered)
        extra += self._office_holders(merged + extra, covered)
        tails = self._head_tails(merged + extra)
        extra += self._head_references(tails, covered)
        extra += self._bare_legislatures(merged + extra, covered)
        # A bare "Coast Guard" found by its head word is the "X Coast Guard" named in full here
        # (a KB body too: "the Federal Police" after "the Brazilian Federal Police").
        merged = [replace(s, info=owner) if s.method == "org_pattern" and (
            owner := tails.get(tuple(d.keys[s.i:s.j]))) is not None
            and owner.canonical != s.info.canonical and s.j - s.i < len(owner.canonical.split())
            else s for s in merged]
        # A name found in this text beats a gazetteer place on the same words ("Hassan").
        merged = [s for s in merged if s.method != "gazetteer"
                  or not any(e.i < s.j and s.i < e.j for e in extra)]
        return sorted(merged + extra, key=lambda s: (s.i, -s.j))

    def _head_tails(self, spans: list[_Span]) -> dict[tuple[str, ...], _Info | None]:
        """The last one or two words of each organisation named in full ("Forum", "Coast
        Guard") -> that body; None when two bodies share them."""
        d, g = self.d, self.g
        tails: dict[tuple[str, ...], _Info | None] = {("Parliament",): _Info("organization", "Parliament")}
        for s in spans:
            if s.info.entity_type != "organization" or d.toks[s.j - 1] not in lx.ORG_HEADS:
                continue
            for n in (1, 2):
                tail = tuple(d.keys[s.j - n:s.j])
                if s.j - s.i <= n or not all(t[:1].isupper() for t in tail) or g.forms.get(tail) is not None:
                    continue
                old = tails.get(tail)
                tails[tail] = s.info if old is None or old.canonical == s.info.canonical or \
                    (tail == ("Parliament",) and old.key is None and old.canonical == "Parliament") else None
        return tails

    def _head_references(self, tails: dict[tuple[str, ...], _Info | None], covered: list[bool]) -> list[_Span]:
        """"the Forum" after "Pacific Islands Forum", "the Coast Guard" after "Kuwait Coast
        Guard": an organisation's last words after "the" are that body; "Parliament" alone
        names the national parliament (GUIDELINES: bare "Parliament" used as a name)."""
        d = self.d
        out = []
        firsts = {t[0] for t, info in tails.items() if info is not None}
        for i in d.at_keys(firsts, 1):  # most tokens start no tail
            for n in (2, 1):
                j = i + n
                info = tails.get(tuple(d.keys[i:j])) if j <= d.n else None
                if info is None or any(covered[i:j]) or d.clutter[i] or (j < d.n and (
                        d.cap(j) or d.toks[j] in {"of", "-"} or (d.glued(j) and d.toks[j][:1].isalnum()))):
                    continue
                if d.toks[i - 1] != "the" and not (info.canonical == "Parliament" and d.toks[i - 1] != "The"
                                                   and not d.cap(i - 1)):
                    continue
                out.append(_Span(i, j, info, "short_reference"))
                for k in range(i, j):
                    covered[k] = True
                break
        return out

    def _bare_legislatures(self, spans: list[_Span], covered: list[bool]) -> list[_Span]:
        """A national legislature named by its bare head ("Congress has extended ...", "the House
        of Representatives", "the National Assembly") is that country's legislature: canonical
        "<Head> of <Country>" for the country the text names most (the bare head when two tie)."""
        d = self.d
        counts: dict[str, int] = {}
        names: dict[str, str] = {}
        for s in spans:
            if s.info.entity_type == "country" and s.info.iso3:
                counts[s.info.iso3] = counts.get(s.info.iso3, 0) + 1
                names.setdefault(s.info.iso3, s.info.canonical)
        top = sorted(counts.items(), key=lambda kv: -kv[1])
        country = names[top[0][0]] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None
        out = []
        for i in range(d.n):
            if d.toks[i] not in _LEGISLATURE_FIRSTS or covered[i] or d.clutter[i]:
                continue
            for head in _LEGISLATURES:
                j = i + len(head)
                if tuple(d.toks[i:j]) != head or any(covered[i:j]):
                    continue
                if j < d.n and (d.cap(j) or d.toks[j] in {"of", "-", "for"} or (d.glued(j) and d.toks[j][:1].isalnum())):
                    break  # "Congress of Deputies", "Senate Armed Services"
                if i > 0 and d.toks[i - 1] not in {"the", "The"} and (len(head) > 1 or d.cap(i - 1)) \
                        and not d.sentence_initial(i):
                    break  # "Indian National Congress", "a National Assembly"
                if i > 0 and d.toks[i - 1] in {"the", "The"} and i > 1 and d.cap(i - 2) and not d.sentence_initial(i - 1):
                    break
                name = " ".join(head) + (f" of {country}" if country else "")
                out.append(_Span(i, j, _Info("organization", name), "short_reference"))
                for k in range(i, j):
                    covered[k] = True
                break
        return out

    def _surname_variants(self, spans: list[_Span], covered: list[bool]) -> list[_Span]:
        """A surname spelt differently from the person's full name in the same text, used as a
        speaker ("Ashok Raj Sigdel" ... "Sigdal said", "Ahmed Al-Ohali" ... "Al Ohali gave",
        "Ukhnaagiin Khurelsukh" ... "Khürelsükh told"): close in spelling (rapidfuzz ratio >= 80
        without diacritics, hyphens or spaces; same first letter) and followed by a speech verb
        or a possessive."""
        d = self.d
        people: dict[str, _Info] = {}
        for s in spans:
            if s.info.entity_type == "person":
                words = s.info.canonical.split()
                if len(words) >= 2:
                    last = words[-1] if len(words) < 3 or words[-2][:1].isupper() else " ".join(words[-2:])
                    people.setdefault(_squash(last), s.info)
        if not people:
            return []
        out = []
        cues = _SPEECH | _SPEAKER_VERBS | {"’", "'"}
        # The cue is one or two tokens after the surname: visit only those.
        for i in sorted({k - b for k in d.at(cues) for b in (1, 2) if 0 <= k - b < d.n - 1}):
            if (d.toks[i + 1] not in cues and (i + 2 >= d.n or d.toks[i + 2] not in cues)) \
                    or covered[i] or not d.caps[i] or not d.toks[i].isalpha() or d.toks[i] in lx.SENTENCE_WORDS \
                    or (i > 0 and d.cap(i - 1) and not d.sentence_initial(i)):
                continue
            j = i + 1
            if d.toks[i] in _SURNAME_PARTICLES and d.cap(j) and not covered[j]:
                j += 1  # "Al Ohali"
            if j >= d.n or not (d.toks[j] in _SPEECH or d.toks[j] in _SPEAKER_VERBS
                                or (d.toks[j] in ("’", "'") and j + 1 < d.n and d.toks[j + 1] == "s")):
                continue
            key = _squash(d.text[d.starts[i]:d.ends[j - 1]])
            if len(key) < 4:
                continue
            best = max(people, key=lambda k: fuzz.ratio(k, key))
            if best[:1] == key[:1] and fuzz.ratio(best, key) >= 80:
                out.append(_Span(i, j, people[best], "short_reference"))
                for k in range(i, j):
                    covered[k] = True
        return out

    def _office_holders(self, spans: list[_Span], covered: list[bool]) -> list[_Span]:
        """A bare family name used as a speaker ("Li said") for the one known person whose
        office the text names ("Chinese Defense Minister: ...") and whose country it mentions.
        Headlines often give only the office and the body only the family name; with two
        fitting people (or none) the name is left alone. Every other bare use of that name
        in the text is the same person."""
        d = self.d
        countries = {s.info.iso3 for s in spans if s.info.entity_type == "country" and s.info.iso3}
        if not countries:
            return []

        def alone(i: int) -> bool:  # not part of a longer capitalised name
            return not covered[i] and not (i > 0 and d.cap(i - 1) and not d.sentence_initial(i))

        text: str | None = None
        found: dict[str, _Info] = {}
        for i in (k - 1 for k in d.at(_SPEECH) if k > 0):
            if d.toks[i] not in self.g.family_names or not alone(i):
                continue
            text = _offices_text(d.text) if text is None else text
            fits = [p for p in self.g.family_names[d.toks[i]]
                    if p.iso3 in countries and _names_office(text, _office(p.subtype))]
            if len(fits) == 1:
                found[d.toks[i]] = fits[0]
        out = []
        for i in d.at(found.keys()) if found else ():
            if alone(i) and not d.clutter[i] and not (i + 1 < d.n and d.cap(i + 1)):
                out.append(_Span(i, i + 1, found[d.toks[i]], "short_reference"))
                covered[i] = True
        return out

    def run(self) -> list[Candidate]:
        self.knowledge_base()
        self.acronym_definitions()
        self.titled_persons()
        self.untitled_persons()
        self.given_name_persons()
        self.patterns()
        self.naming()
        self.tables()
        self.place_chain_projects()
        self.places_by_cue()
        self.unknown_places()
        self.particle_places()
        self.compass_places()
        self.told_media()
        self.reported_media()
        self.speaking_bodies()
        self.routes_by_place()
        spans = self.second_pass(self.glued_places(self.paren_names(self.resolve())))
        # one long form for every mention of a national body ("Honduran Security Secretariat",
        # its acronym, a later "Security Secretariat"): "Security Secretariat of Honduras"
        for s in spans:
            if s.info.entity_type == "organization" and s.info.key is None and s.j - s.i >= 2:
                long = self._national_canonical(s)
                if long is not None:
                    self.national[s.info.canonical] = long
        parties = _Parties(self.d, self.kb, self.acronyms, spans)
        return [self._candidate(s, parties) for s in spans]

    def _national_canonical(self, s: _Span) -> str | None:
        """A national body named after its country's demonym or name ("Honduran Security
        Secretariat", "Mauritius National Coast Guard") has the long form "<body> of <country>"
        (GUIDELINES: long form; "Security Secretariat of Honduras"), whether or not a mention
        includes the demonym (round 9); None for any other name."""
        d = self.d
        hit = d.longest(self.g, s.i)
        if hit is None or hit[1].entity_type != "country" or not s.i < hit[0] < s.j \
                or d.toks[hit[0]] in {"-", "–", "'", "’"}:
            return None
        rest = d.toks[hit[0]:s.j]
        if any(t in {"of", "for", "and", "on", "in", "to", "&"} for t in rest) or not d.cap(hit[0]) \
                or _head_type(rest[-1]) != ("organization", None) or (len(rest) < 2 and rest[0] in lx.FORCE_HEADS):
            return None
        country = hit[1].canonical
        the = "the " if country in _THE_COUNTRIES else ""
        body = d.text[d.starts[hit[0]]:d.ends[s.j - 1]]
        return f"{body} of {the}{country}"

    def _candidate(self, s: _Span, parties: _Parties) -> Candidate:
        d = self.d
        start, end = d.starts[s.i], d.ends[s.j - 1]
        status: str | None = None
        party_spans: tuple[tuple[int, int], ...] = ()
        info = s.info
        if info.entity_type == "organization" and info.key is None and info.canonical in self.national:
            info = replace(info, canonical=self.national[info.canonical])
        if info.entity_type == "initiative":
            status = self.table_status.get((s.i, s.j)) or _status(d, s)
            party_spans = parties.of(s)
        elif info.entity_type == "organization" and info.key is None and info.iso3 is None:
            info = replace(info, iso3=parties.country_of(s))
        return Candidate(start=start, end=end, surface=d.text[start:end],
                         entity_type=info.entity_type, canonical=info.canonical,
                         method="person_title" if s.method == "person_given" else s.method,
                         key=info.key, sentence_index=d.sent[s.i],
                         subtype=info.subtype, iso3=info.iso3, acronym=info.acronym,
                         status=status, party_spans=party_spans)


_ACTORS = ("country", "organization")


class _Parties:
    """Which actor mentions of a document are an initiative's parties.

    Three sources, each an actor mention of this document (a party must be an entity the
    document names, so that it has an entity row):
    - the sides its name names: actors inside the name ("China-Pakistan Economic Corridor"),
      and known actors whose short form is a word of the name ("China-LAS Cooperation
      Initiative" names the League of Arab States when the text mentions it);
    - the parties the knowledge base lists for a known initiative, when the text mentions them;
    - actors of its sentence in the role of a party (see :meth:`_in_role`).
    """

    def __init__(self, d: _Doc, kb: KnowledgeBase, acronyms: dict[str, _Info], spans: list[_Span]) -> None:
        self.d, self.kb, self.acronyms, self.spans = d, kb, acronyms, spans
        self.firsts = [s.i for s in spans]  # sorted: second_pass sorts by (i, -j)
        #: Actor spans by sentence, and the first actor span of each known key.
        self.actors_in: dict[int, list[_Span]] = {}
        self.first_by_key: dict[str, _Span] = {}
        for s in spans:
            if s.info.entity_type in _ACTORS:
                self.actors_in.setdefault(d.sent[s.i], []).append(s)
                if s.info.key:
                    self.first_by_key.setdefault(s.info.key, s)

    def of(self, s: _Span) -> tuple[tuple[int, int], ...]:
        d = self.d
        found: set[tuple[int, int]] = set()
        found.update((t.i, t.j) for t in self.inside(s) if t.info.entity_type in _ACTORS)
        keys = set(self.kb.entries[s.info.key].parties) if s.info.key in self.kb.entries else set()
        for k in range(s.i, s.j):
            hit = d.hits[k]
            info = hit[1] if hit is not None and hit[0] <= s.j else self.acronyms.get(d.toks[k])
            if info is not None and info.key and info.entity_type in _ACTORS:
                keys.add(info.key)
        found.update((t.i, t.j) for key in keys if (t := self.first_by_key.get(key)) is not None)
        found.update((t.i, t.j) for t in self.actors_in.get(d.sent[s.i], ())
                     if not (s.i <= t.i < s.j) and self._in_role(s, t))
        return tuple(sorted((d.starts[i], d.ends[j - 1]) for i, j in found))

    def inside(self, s: _Span) -> list[_Span]:
        """The spans nested in ``s`` (they start within it: look only there, not at every span)."""
        return [t for t in self.spans[bisect.bisect_left(self.firsts, s.i):bisect.bisect_left(self.firsts, s.j)]
                if t is not s and t.j <= s.j]

    def country_of(self, s: _Span) -> str | None:
        """The one country a new organisation's name says it belongs to ("Ivorian Navy",
        "Ministry of Defence of Ghana", "University of Nicosia"), or None.

        A country after "in", "on", "for"... is where the body works or what it is about,
        not its owner ("EU Monitoring Mission in Armenia"), as is one before "Affairs"
        ("Taiwan Affairs Office"); a region after "of" leaves it open ("American University
        of Central Asia"); so do two countries ("China-Pakistan Joint Committee").
        """
        d = self.d
        codes: set[str | None] = set()
        for t in self.inside(s):
            before = d.toks[t.i - 1].lower() if t.i > s.i else ""
            if t.info.entity_type == "country" and before not in lx.NOT_OWNER_PREPOSITIONS \
                    and not (t.j < s.j and d.toks[t.j] == "Affairs"):
                codes.add(t.info.iso3)
        # Places are not nested spans: look them up where "of" introduces one that is not
        # the end of a longer place ("Gulf of Aden").
        for k in range(s.i + 1, s.j):
            hit = d.hits[k] if d.toks[k - 1] == "of" else None
            if hit is not None and hit[0] <= s.j and hit[1].entity_type == "location" \
                    and not any((h := d.hits[m]) is not None and h[0] > k and h[1].entity_type == "location"
                                for m in range(s.i, k - 1)):
                codes.add(hit[1].iso3)  # None for a region: no single owner
        return codes.pop() if len(codes) == 1 else None

    def _in_role(self, s: _Span, t: _Span) -> bool:
        """Actor ``t`` of the sentence of initiative ``s`` may act in it: not a news outlet
        (a source, "told Reuters"), and not introduced as a place or a target ("in Libya",
        "against Russia", "on the border with Iran")."""
        if t.info.subtype == "media":
            return False
        d = self.d
        k = t.i - 1
        while k >= 0 and d.toks[k].lower() in lx.ARTICLES:
            k -= 1
        return k < 0 or d.toks[k].lower() not in lx.NOT_PARTY_PREPOSITIONS


def _heading_tokens(d: _Doc) -> list[bool]:
    """Tokens of table rows and Title Case heading lines: no head-word patterns there
    ("Strategic Implications of ... Partnership", a "Proposed Initiative" header)."""
    out = [False] * d.n
    for m in re.finditer(r"^.+$", d.text, re.M):
        line = m.group(0)
        table = line.lstrip().startswith("|")
        if not table and line.rstrip().endswith((".", "”", '"')):
            continue  # neither a table row nor a heading: skip counting its words (most lines)
        words = re.findall(r"[^\W\d_][\w’'-]*", line)
        content = [w for w in words if w.lower() not in lx.CONNECTORS and w.lower() not in {"a", "an"}]
        title = len(content) >= 4 and \
            sum(w[0].isupper() for w in content) >= 0.85 * len(content) and not _wrapped(d.text, m)
        if table or title:
            a = bisect.bisect_left(d.starts, m.start())
            b = bisect.bisect_left(d.starts, m.end())
            for k in range(a, b):
                out[k] = True
    return out


def _wrapped(text: str, m: re.Match[str]) -> bool:
    """A hard-wrapped paragraph line, not a heading: it ends in a connector ("... Air Force and
    the") or the next line goes on in lower case ("... Saudi Border Guard" / "concluded on")."""
    words = m.group(0).split()
    if words and words[-1].lower() in lx.CONNECTORS:
        return True
    nxt = text[m.end() + 1:m.end() + 2]
    return nxt.islower()


def _chunks_from(d: _Doc, i: int) -> list[tuple[int, int]]:
    for ci, cj in _chunks(d):
        if ci <= i < cj:
            return [(i, cj)]
    return []


def _cells(m: re.Match[str]) -> list[tuple[int, int, str]]:
    """(start, end, stripped text) of each cell of one table row."""
    out = []
    row = m.group(0)
    bars = [k for k, ch in enumerate(row) if ch == "|"]
    for a, b in itertools.pairwise(bars):
        cell = row[a + 1:b]
        lead = len(cell) - len(cell.lstrip())
        text = cell.strip()
        s = m.start() + a + 1 + lead
        out.append((s, s + len(text), text))
    return out


def _status(d: _Doc, s: _Span) -> str | None:
    """The status word nearest the mention in its sentence, if any."""
    best, dist = None, 10**9
    sentence = d.sent[s.i]
    for k in range(d.sent_first[sentence], d.sent_first[sentence + 1]):
        w = d.toks[k].lower()
        if w in lx.STATUS_WORDS and not (s.i <= k < s.j):
            gap = s.i - k if k < s.i else k - s.j
            if gap < dist:
                best, dist = lx.STATUS_WORDS[w], gap
    return best


def sentence_of(text: str) -> Callable[[int], int]:
    """Offset -> index of its sentence, as extraction splits ``text`` (for evaluation)."""
    d = _Doc(text)

    def at(offset: int) -> int:
        k = max(bisect.bisect_right(d.starts, offset) - 1, 0)
        return d.sent[k] if d.sent else 0
    return at


def extract(text: str, kb: KnowledgeBase) -> list[Candidate]:
    """Candidate spans in ``text`` (sorted by offset)."""
    out = _Extractor(text, kb).run()
    return sorted(out, key=lambda c: (c.start, c.end, c.canonical))
