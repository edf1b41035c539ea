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
