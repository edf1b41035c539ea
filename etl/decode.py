"""Raw bytes -> Unicode text: encoding detection, binary detection, mojibake repair.

:func:`decode` returns the text with the encoding it was read as and the
repairs it needed, or raises :class:`Rejected` with a reason code from the
``sources`` contract. It never raises anything else, whatever the bytes.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import ftfy

# Magic numbers of formats that are never news text.
_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"Rar!", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"RIFF", "RIFF media file"),
    (b"OggS", "Ogg media file"),
    (b"\x00\x00\x01\x00", "icon file"),
    (b"ID3", "MP3 audio"),
    (b"SQLite format 3", "SQLite database"),
    (b"PAR1", "Parquet file"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TEXT_CONTROLS = {9, 10, 12, 13, 27}
#: Share of control bytes (besides tab/newlines) above which a file is binary.
BINARY_CONTROL_RATIO = 0.10
#: Share of U+FFFD replacement characters above which text is undecodable.
MAX_REPLACEMENT_RATIO = 0.02


class Rejected(Exception):
    """The bytes are not usable text; ``code`` is a ``sources.reason_code``."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    repairs: tuple[str, ...]


def _utf16_without_bom(sample: bytes) -> str | None:
    """Spot BOM-less UTF-16 by its zero bytes in every other position."""
    if len(sample) < 8:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _is_binary(sample: bytes) -> bool:
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls > BINARY_CONTROL_RATIO * len(sample)


def _decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    repairs: list[str] = []
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(name.replace("-sig", ""), errors="replace")
            if "\ufffd" in text:
                repairs.append("invalid_bytes_replaced")
            return text, name, repairs
    sample = data[:65536]
    utf16 = _utf16_without_bom(sample)
    if utf16:
        text = data.decode(utf16, errors="replace")
        if "\ufffd" in text:
            repairs.append("invalid_bytes_replaced")
        return text, utf16, repairs
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise Rejected("binary", f"binary file ({kind}), not text")
    if b"\x00" in sample and _is_binary(sample.replace(b"\x00", b"\x01")):
        raise Rejected("binary", "binary file: too many control bytes to be text")
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
        repairs.append("nul_bytes_removed")
    if _is_binary(sample):
        raise Rejected("binary", "binary file: too many control bytes to be text")
    try:
        return data.decode("utf-8"), "utf-8", repairs
    except UnicodeDecodeError as exc:
        truncated = exc.start >= len(data) - 3 and exc.reason == "unexpected end of data"
    text = data.decode("utf-8", errors="replace")
    errors = text.count("\ufffd")
    # Well-formed multi-byte sequences: legacy 8-bit text almost never contains any,
    # so they are the evidence that a file with a few bad bytes is really UTF-8.
    valid = len(text) - len(text.encode("ascii", "ignore")) - errors
    if truncated and valid >= 1:
        repairs.append("truncated_utf8_sequence")
        return text, "utf-8", repairs
    if valid >= 2 * errors:
        repairs.append("invalid_bytes_replaced")
        return text, "utf-8", repairs
    return _decode_legacy(data, repairs)


#: Legacy code pages tried when a file is not UTF-8 and does not read as Western
#: European text; a closed list keeps detection deterministic and quick.
LEGACY_CANDIDATES = (
    "cp1251", "koi8_r", "iso8859_5", "cp1250", "iso8859_2", "cp1253", "cp1254", "cp1255", "cp1256",
    "cp874", "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr",
)
#: In Western European text accented letters are a minority of the letters; above
#: this share a cp1252 reading is probably another code page read wrongly.
MAX_ACCENTED_SHARE = 0.25


def _plausible_western(text: str) -> bool:
    letters = [ch for ch in text[:65536] if ch.isalpha()]
    if not letters:
        return True
    accented = sum(1 for ch in letters if ord(ch) > 127)
    return accented <= MAX_ACCENTED_SHARE * len(letters)


def _decode_legacy(data: bytes, repairs: list[str]) -> tuple[str, str, list[str]]:
    """An 8-bit (or legacy multi-byte) file: cp1252 unless it clearly is something else."""
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        text, encoding = data.decode("latin-1"), "latin-1"
    if _plausible_western(text):
        return text, encoding, repairs
    other = _detect_other(data[:65536])
    if other:
        try:
            return data.decode(other), other, repairs
        except UnicodeDecodeError:  # the sample decoded but a later byte does not
            return data.decode(other, errors="replace"), other, [*repairs, "invalid_bytes_replaced"]
    return text, encoding, repairs


def _detect_other(sample: bytes) -> str | None:
    """charset-normalizer's best guess among :data:`LEGACY_CANDIDATES` (None if unsure)."""
    try:
        import charset_normalizer  # imported here: only a few files ever need it
    except ImportError:  # optional: without it such files stay cp1252 (mojibake, but kept)
        return None
    best = charset_normalizer.from_bytes(sample, cp_isolation=list(LEGACY_CANDIDATES)).best()
    if best is None:
        return None
    return codecs.lookup(best.encoding).name


def decode(data: bytes) -> Decoded:
    """Decode ``data`` to text or raise :class:`Rejected` (empty, binary, undecodable)."""
    if not data:
        raise Rejected("empty", "empty file (0 bytes)")
    if not data.strip():
        raise Rejected("no_text", "file holds only white space")
    text, encoding, repairs = _decode_bytes(data)
    if text and text.count("\ufffd") > MAX_REPLACEMENT_RATIO * len(text) + 2:
        raise Rejected("undecodable", f"bytes do not decode as {encoding}: too many invalid sequences")
    fixed = ftfy.fix_encoding(text)
    if fixed != text:
        repairs.append("mojibake_repaired")
        text = fixed
    return Decoded(text, encoding, tuple(repairs))
