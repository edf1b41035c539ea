"""Property tests: arbitrary bytes and text through decode, normalise, clean and process_file.

Nothing raises, normalisation is idempotent, and a document's text is a fixed
point of ``normalize`` (so mention offsets into it stay valid).
"""

from __future__ import annotations

from accords.etl.clean import clean
from accords.etl.decode import Rejected, decode
from accords.etl.document import process_file
from accords.etl.ingest import RawFile
from accords.etl.normalize import normalize
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_FRAGMENTS = st.sampled_from([
    "&amp;", "&amp;amp;", "&quot;", "&ndash;", "&#8217;", "&#x2019;", "&nbsp;", "&", ";", "#",
    "<b>", "</b>", "<p>", "<br/>", "<div class='x'>", "<script>x</script>", "<!--", "-->", "<", ">",
    "\r\n", "\r", "\n", "\n\n\n", "\x00", "\u00a0", "\u200b", "\ufeff", "\u2028", "\x85", "\t", " ",
    "e\u0301", "é", "Café", "Reuters", "Related stories", "Published: 12 March 2024", "|",
    "word", "A sentence that reads like prose and goes on for a while, as articles do.",
])
_HTMLISH = st.lists(_FRAGMENTS, max_size=60).map("".join)
_ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=400)
_FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(_ANY_TEXT)
def test_normalize_is_idempotent_on_any_text(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@_FAST
@given(_HTMLISH)
def test_normalize_is_idempotent_on_html_ish_text(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert "\r" not in once and "\x00" not in once


@_FAST
@given(st.one_of(_ANY_TEXT, _HTMLISH))
def test_clean_never_raises_and_keeps_title_first(text: str) -> None:
    cleaned = clean(normalize(text))
    assert cleaned.boilerplate_chars >= 0
    if cleaned.title:
        assert cleaned.text.startswith(cleaned.title)


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    try:
        decoded = decode(data)
    except Rejected as exc:
        assert exc.code in {"empty", "binary", "undecodable", "no_text"}
    else:
        once = normalize(decoded.text)
        assert normalize(once) == once
        clean(once)
    _check_process_file(data)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_ANY_TEXT, _HTMLISH), st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))
def test_text_in_any_encoding_through_process_file(text: str, encoding: str) -> None:
    _check_process_file(text.encode(encoding, errors="replace"))


def _check_process_file(data: bytes) -> None:
    result = process_file(RawFile("x.txt", data, len(data)))
    if result.document is None:
        assert result.source["status"] == "rejected" and result.source["reason"]
        return
    doc = result.document
    assert normalize(doc["text"]) == doc["text"]
    assert doc["char_count"] == len(doc["text"]) >= 1
    assert doc["title"].strip()
    assert (doc["published_date"] is None) == (doc["date_source"] is None)
    assert len(doc["language"]) == 2


# The shortcuts behind the speed-ups (#7) must answer exactly what they replace.

@_FAST
@given(st.one_of(_ANY_TEXT, _HTMLISH))
def test_fixed_point_shortcut_only_skips_passes_that_change_nothing(text: str) -> None:
    from accords.etl.normalize import _is_fixed, _one_pass

    for t in (text, normalize(text), clean(normalize(text)).text):
        if _is_fixed(t):
            assert _one_pass(t) == t


def test_no_white_space_above_the_fixed_point_table() -> None:
    # _UNFIXED_CHARS lists white space below U+3001 only.
    assert not [i for i in range(0x3001, 0x110000) if chr(i).isspace()]


_MOJIBAKE = st.lists(st.sampled_from([
    "a", "Z", " ", ".", "\n", "é", "à", "Ã", "Â", "â€™", "Ã©", "Ã\xa0", "“", "”", "’", "–", "—", "€", "£",
    "\x85", "\x9c", "Ð", "Ñ", "Ð¾", "вЂ", "×²", "√±", "°", "œ", "Œx", "ñ", "¡", "®", "™", "\xa0",
    "word", "A sentence of plain prose.",
]), max_size=80).map("".join)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(_MOJIBAKE, _ANY_TEXT))
def test_mojibake_gate_is_exactly_ftfy_is_bad(text: str) -> None:
    from accords.etl.decode import looks_like_mojibake
    from ftfy.badness import is_bad

    assert looks_like_mojibake(text) == is_bad(text)
    # Many suspicious characters: the windowed search gives way to one full search.
    long = text * (300 // max(len(text), 1) + 1)
    assert looks_like_mojibake(long) == is_bad(long)


def test_language_shortcuts_match_the_plain_count() -> None:
    import re
    from collections import Counter

    from accords.etl.language import _STOPWORDS, detect_language

    def plain(text: str) -> str:
        words = [w.lower() for w in re.findall(r"[^\W\d_]+", text[:20000])]
        if not words:
            return "en"
        c = Counter(words)
        scores = {lang: sum(c[w] for w in sw) for lang, sw in _STOPWORDS.items()}
        best = max(scores, key=lambda k: (scores[k], k == "en"))
        return best if scores[best] > 0 else "en"

    for text in ("The cat and the dog", "Le chat et le chien", "Der Hund und die Katze", "",
                 "THE OF AND", "Ölçü ve bir ile", "İstanbul ve İzmir için"):
        assert detect_language(text) == plain(text)
