"""Raw bytes -> Unicode text: encoding detection, binary detection, mojibake repair.

:func:`decode` returns the text with the encoding it was read as and the
repairs it needed, or raises :class:`Rejected` with a reason code from the
``sources`` contract. It never raises anything else, whatever the bytes.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import ftfy
from ftfy.badness import BADNESS_RE

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


#: Every byte but the control bytes that text does not use: deleting these leaves those.
_NOT_BINARY_CONTROLS = bytes(b for b in range(256) if not (b < 32 and b not in _TEXT_CONTROLS))


def _is_binary(sample: bytes) -> bool:
    controls = len(sample.translate(None, _NOT_BINARY_CONTROLS))  # in C, not a loop per byte
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


def _mojibake_gate() -> tuple[re.Pattern[str], int] | None:
    """(characters one of which every match of ftfy's badness regex contains, the longest
    match), read off the regex itself; None when its shape does not allow the shortcut.

    ftfy.fix_encoding returns its input unchanged unless ``BADNESS_RE`` matches somewhere
    (``ftfy.badness.is_bad``). Each alternative of that regex is a fixed sequence of
    character classes, at most a few characters long, with no look-around and only ``^``
    as an anchor. So a match must cover one of the characters below, and it lies within
    ``width`` characters of it: searching small windows around those characters answers
    ``is_bad`` exactly, without running the whole regex at every position of the text.
    """
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    def chars(op: object, av: object) -> set[int] | None:
        if op is sre.LITERAL:
            return {av}  # type: ignore[arg-type]
        if op is sre.IN:
            out: set[int] = set()
            for o, a in av:  # type: ignore[attr-defined]
                if o is sre.LITERAL:
                    out.add(a)
                elif o is sre.RANGE:
                    out.update(range(a[0], a[1] + 1))
                else:  # a negated class or a category: too wide
                    return None
            return out
        return None

    def required(seq: object) -> list[set[int]]:
        sets: list[set[int]] = []
        for op, av in seq:  # type: ignore[attr-defined]
            s = chars(op, av)
            if s is not None:
                sets.append(s)
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
                sets.extend(required(av[2]))
            elif op is sre.SUBPATTERN:
                sets.extend(required(av[-1]))
        return sets

    allowed = {sre.BRANCH, sre.IN, sre.LITERAL, sre.ANY, sre.MAX_REPEAT, sre.MIN_REPEAT, sre.SUBPATTERN}

    def children(op: object, av: object) -> list[object]:
        if op is sre.BRANCH:
            return list(av[1])  # type: ignore[index]
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            return [av[2]]  # type: ignore[index]
        if op is sre.SUBPATTERN:
            return [av[-1]]  # type: ignore[index]
        return []

    def plain(seq: object) -> bool:  # no look-around, back-references, or anchors besides ^
        for op, av in seq:  # type: ignore[attr-defined]
            if op is sre.AT:
                ok = av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)
            else:
                ok = op in allowed and all(plain(sub) for sub in children(op, av))
            if not ok:
                return False
        return True

    try:
        tree = sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
        if BADNESS_RE.flags & (re.IGNORECASE | re.MULTILINE) or not plain(tree):
            return None
        top = list(tree)
        alternatives = top[0][1][1] if len(top) == 1 and top[0][0] is sre.BRANCH else [tree]
        common = set(map(ord, "‘’“”–—…•«»°€£éèàáíóúñçüöäÉ"))  # keep these out of the gate if possible
        gate: set[int] = set()
        width = 0
        for alt in alternatives:
            options = [s for s in required(alt) if all(c > 127 for c in s)]
            hi = alt.getwidth()[1]
            if not options or hi >= sre.MAXREPEAT:
                return None
            gate |= min(options, key=lambda s: (len(s & common), len(s)))
            width = max(width, hi)
    except Exception:  # a future ftfy or Python with another regex internals: no shortcut
        return None
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(gate)) + "]"), width


_GATE = _mojibake_gate()
#: Above this many gate characters a text is checked with one full search instead.
_MAX_WINDOWS = 256


def looks_like_mojibake(text: str) -> bool:
    """Exactly ``ftfy.badness.is_bad(text)``, searching only around suspicious characters."""
    if _GATE is None:
        return bool(BADNESS_RE.search(text))
    gate, width = _GATE
    done = 0  # the text before this has been searched
    for n, m in enumerate(gate.finditer(text)):
        if n >= _MAX_WINDOWS:
            return bool(BADNESS_RE.search(text, done))
        p = m.start()
        lo, hi = max(done, p - width), min(len(text), p + width + 1)
        if lo < hi and BADNESS_RE.search(text, lo, hi):
            return True
        done = max(done, hi - width)
    return False


def decode(data: bytes) -> Decoded:
    """Decode ``data`` to text or raise :class:`Rejected` (empty, binary, undecodable)."""
    if not data:
        raise Rejected("empty", "empty file (0 bytes)")
    if not data.strip():
        raise Rejected("no_text", "file holds only white space")
    text, encoding, repairs = _decode_bytes(data)
    if text and text.count("\ufffd") > MAX_REPLACEMENT_RATIO * len(text) + 2:
        raise Rejected("undecodable", f"bytes do not decode as {encoding}: too many invalid sequences")
    # ftfy changes nothing unless its badness regex matches: skip it when that cannot be.
    fixed = ftfy.fix_encoding(text) if looks_like_mojibake(text) else text
    if fixed != text:
        repairs.append("mojibake_repaired")
        text = fixed
    return Decoded(text, encoding, tuple(repairs))
