"""Text normalisation: one canonical form of a decoded article, reached idempotently.

``normalize(normalize(t)) == normalize(t)`` for every string: each pass is
repeated until the text stops changing, so the result is a fixed point.
Mention offsets index into this normalised text, never into the raw bytes.
"""

from __future__ import annotations

import html
import re
import unicodedata

_BLOCK_TAGS = re.compile(
    r"<\s*/?\s*(?:br|p|div|li|ul|ol|tr|table|h[1-6]|section|article|header|footer|blockquote)\b[^<>]{0,500}>",
    re.IGNORECASE,
)
_SCRIPT = re.compile(r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
# Only real HTML element names: "if x<y and y>z" or "<Reuters>" in prose is text, not a tag.
_HTML_NAMES = (
    "a|abbr|address|area|article|aside|audio|b|base|bdi|bdo|big|blockquote|body|br|button|canvas|caption|"
    "center|cite|code|col|colgroup|data|dd|del|details|dfn|dialog|div|dl|dt|em|embed|fieldset|figcaption|"
    "figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|legend|li|link|"
    "main|mark|meta|meter|nav|noscript|object|ol|optgroup|option|output|p|param|picture|pre|progress|q|s|"
    "samp|script|section|select|small|source|span|strike|strong|style|sub|summary|sup|svg|path|table|"
    "tbody|td|template|textarea|tfoot|th|thead|time|title|tr|track|tt|u|ul|var|video|wbr"
)
_TAG = re.compile(rf"</?(?:{_HTML_NAMES})(?:\s[^<>]{{0,500}})?\s*/?>", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Zero-width and formatting characters that only get in the way of matching.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e]")
# Any Unicode space separator (NBSP, thin space, ideographic space...) and tab.
_SPACES = re.compile(r"[^\S\n]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_SEPARATORS = re.compile("\r\n|\r|[\u2028\u2029\x85\x0b\x0c]")
_MANY_BLANKS = re.compile(r"\n{3,}")

_MAX_PASSES = 20


def _one_pass(text: str) -> str:
    text = _LINE_SEPARATORS.sub("\n", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    if "<" in text:
        text = _COMMENT.sub(" ", text)
        text = _SCRIPT.sub(" ", text)
        text = _BLOCK_TAGS.sub("\n", text)
        text = _TAG.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _LINE_SEPARATORS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _MANY_BLANKS.sub("\n\n", text)
    return text.strip()


# Characters a pass would replace or remove whatever surrounds them: line separators,
# invisible and control characters, and every white space but the space and the newline
# (what Python's str.isspace and the regexes' \\s call white space; all below U+3001).
_UNFIXED_CHARS = re.compile("[" + "".join(re.escape(c) for c in sorted(
    {chr(i) for i in range(0x3001) if chr(i).isspace()} - {" ", "\n"}
    | set("\u2028\u2029\x85\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e")
    | {chr(i) for i in (*range(0x00, 0x09), *range(0x0b, 0x0d), *range(0x0e, 0x20), *range(0x7f, 0xa0))}
)) + "]")


def _is_fixed(text: str) -> bool:
    """True only if ``_one_pass(text) == text`` (a cheaper test than running the pass).

    Step by step: no line separator or invisible/control character to replace, every
    white-space run inside a line a single space and none at a line's ends (so the space
    collapsing and the line stripping change nothing), no run of blank lines, no white
    space at either end, no entity or tag to decode or remove, and already NFC.
    """
    if (_UNFIXED_CHARS.search(text) or "  " in text or " \n" in text or "\n " in text
            or "\n\n\n" in text or text[:1].isspace() or text[-1:].isspace()):
        return False
    if "&" in text and _ENTITY.search(text):
        return False
    if "<" in text and (_COMMENT.search(text) or _SCRIPT.search(text) or _BLOCK_TAGS.search(text)
                        or _TAG.search(text)):
        return False
    return unicodedata.is_normalized("NFC", text)


def normalize(text: str) -> str:
    """Return the canonical form of ``text`` (NFC, clean white space, no tags or entities)."""
    for _ in range(_MAX_PASSES):
        if _is_fixed(text):  # the pass would return ``text`` itself: the loop would stop here
            return text
        new = _one_pass(text)
        if new == text:
            return new
        text = new
    return text


def repairs_needed(text: str) -> list[str]:
    """Names of the normalisation repairs ``text`` needs, for the ``repairs`` column."""
    found: list[str] = []
    if "&" in text and _ENTITY.search(text):
        found.append("html_entities_decoded")
    if "<" in text and (_TAG.search(text) or _BLOCK_TAGS.search(text) or _COMMENT.search(text)):
        found.append("html_tags_removed")
    if "\r" in text:
        found.append("line_endings_normalized")
    if _CONTROLS.search(text):
        found.append("control_chars_removed")
    return found
