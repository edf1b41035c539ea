"""One input file -> its ``sources`` row and, when accepted, its ``documents`` row.

A pure function of the file's bytes and path (no clock, no global state), so it
can run in any process or engine and be cached by the bytes' digest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from accords.etl.clean import clean
from accords.etl.dates import publication_date
from accords.etl.decode import Rejected, decode
from accords.etl.ids import document_id
from accords.etl.ingest import RawFile
from accords.etl.language import detect_language
from accords.etl.normalize import normalize, repairs_needed

#: A derived title (when the file has no headline) keeps at most this many words.
DERIVED_TITLE_WORDS = 12


@dataclass(frozen=True)
class FileResult:
    """What became of one input file."""

    source: dict[str, Any]
    document: dict[str, Any] | None


def _derive_title(text: str) -> str:
    first = text.split("\n", 1)[0]
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0].rstrip(".!? ")
    words = sentence.split() or first.split()  # "? A": the sentence split left nothing
    title = " ".join(words[:DERIVED_TITLE_WORDS])
    # The contract wants a non-blank title; the text itself is never blank.
    return (title + ("…" if len(words) > DERIVED_TITLE_WORDS else "")) or text.strip()[:80]


def rejected(raw: RawFile, code: str, reason: str) -> FileResult:
    """The ``sources`` row of a file that publishes no document, with why."""
    return FileResult(
        {
            "source_path": raw.source_path,
            "source_sha256": raw.sha256,
            "bytes": raw.size,
            "status": "rejected",
            "reason_code": code,
            "reason": reason,
            "document_id": None,
        },
        None,
    )


def process_file(raw: RawFile) -> FileResult:
    """Decode, normalise and clean one file; never raises for bad content."""
    if raw.data is None:
        return rejected(raw, raw.error_code or "unreadable", raw.error or "could not be read")
    try:
        decoded = decode(raw.data)
    except Rejected as exc:
        return rejected(raw, exc.code, exc.reason)
    normalized = normalize(decoded.text)
    cleaned = clean(normalized)
    text = normalize(cleaned.text)
    if not text:
        return rejected(raw, "no_text", "no article text left after removing page clutter")
    title = cleaned.title
    title_source = "headline"
    if not title:
        title, title_source = _derive_title(text), "derived"
    published, date_source = publication_date(cleaned.header_lines, text)
    doc_id = document_id(text)
    repairs = list(decoded.repairs) + repairs_needed(decoded.text)
    if normalized != decoded.text:
        repairs.append("normalized")
    document = {
        "document_id": doc_id,
        "source_path": raw.source_path,
        "source_sha256": raw.sha256,
        "title": title,
        "title_source": title_source,
        "published_date": published,
        "date_source": date_source,
        "language": detect_language(text),
        "text": text,
        "char_count": len(text),
        "word_count": len(text.split()),
        "boilerplate_chars": cleaned.boilerplate_chars,
        "encoding": decoded.encoding,
        "repairs": repairs,
    }
    source = {
        "source_path": raw.source_path,
        "source_sha256": raw.sha256,
        "bytes": raw.size,
        "status": "accepted",
        "reason_code": None,
        "reason": None,
        "document_id": doc_id,
    }
    return FileResult(source, document)
