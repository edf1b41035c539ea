"""Separate the article from the page clutter around it, and find its headline.

The method is structural, not a list of one site's strings: every line is
classified by features (length, words, sentence punctuation, list/table
syntax, link-like separators, repetition, position), the article body is the
span from the first to the last paragraph-like line, and short-line blocks
inside or around it are dropped when they look like navigation, teaser lists
or widgets. A small vocabulary of boilerplate phrases that recur across news
sites (share, subscribe, copyright, credits) is one feature among these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from accords.etl.dates import is_date_line

_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")
_LIST_ITEM = re.compile(r"^(?:[-*•●▪◦‣–]|\d{1,2}[.)])\s+\S")
_TABLE_ROW = re.compile(r"^\|.*\|$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|info|news|co|uk|in|pk|ir|cn|ru|tv|io|gov|edu|int|biz|me)(?:/\S*)?$", re.I)
_WEATHER = re.compile(r"^-?\d{1,3}(?:[.,]\d)?\s*°?\s*[CF]$")
_NAV_SEPARATORS = re.compile(r"\s(?:>|»|›|\|)\s|^Home(?=[A-Z])|^Home\s*[>»›|/]")
_BOILERPLATE = re.compile(
    r"^(?:"
    r"share(?: this(?: article| story| page)?)?(?: on \w+)?|tweet|print(?: this)?|e-?mail(?: this)?|"
    r"suggest to a friend|send to a friend|comments?|leave a (?:comment|reply)|\d+ comments?|"
    r"subscribe\b.*|sign up\b.*|newsletter\b.*|follow us\b.*|advertisement|sponsored(?: content)?|"
    r"story code\s*:?.*|news code\s*:?.*|news id\s*:?.*|tags?\s*:.*|keywords?\s*:.*|"
    r"(?:related|featured|latest|top|more|popular|trending|recommended|recent|other|editor'?s? picks?)"
    r"(?: stories| news| articles| posts| headlines| reads| reading)?(?: from [\w ]+)?|"
    r"read (?:more|also|next)\b.*|see also\b.*|also read\b.*|"
    r"(?:©|\(c\)|copyright)\s.*|all rights reserved.*|"
    r"(?:reporting|additional reporting|writing|editing|compiled) by\b.*|"
    r"click here\b.*|skip to (?:main )?content|menu|search|home|log ?in|sign in|"
    r"date\s*:?|published\s*:?|updated\s*:?|by\s*:?|source\s*:?"
    r")$",
    re.IGNORECASE,
)
# "By Wanjiru Kamau", "By Newsroom Staff | September 18, 2024", "Par Awa Diop": a byline,
# i.e. a short line of capitalised names after a "by" word (names, not a sentence).
_BYLINE = re.compile(
    r"^(?:[Bb]y|BY|[Pp]ar|[Pp]or|[Vv]on|[Dd]i)\s+[A-Z\u00c0-\u024f][\w.'’-]*"
    r"(?:,?\s+(?:[A-Z\u00c0-\u024f][\w.'’-]*|and|&|de|da|van|von|al|bin|el|y|et))*"
    r"\s*(?:[|,–-].{0,60})?$"
)
_TEASER_HEADING = re.compile(
    r"^(?:related|featured|latest|top|more|popular|trending|recommended|recent|other|you may also like|"
    r"read (?:more|also|next)|see also|also read|most (?:read|viewed|popular))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Cleaned:
    """The article body with its headline, and what was dropped."""

    text: str
    title: str | None
    header_lines: tuple[str, ...]  # lines above the body (where page dates live)
    boilerplate_chars: int
    dropped: tuple[str, ...] = field(default=(), repr=False)


def _words(line: str) -> int:
    return len(line.split())


def is_paragraph(line: str) -> bool:
    """A line that reads as running prose."""
    words = _words(line)
    if _TABLE_ROW.match(line):
        return False
    if words >= 16:
        return True
    return words >= 8 and bool(_SENTENCE_END.search(line)) and not line.endswith("...")


def is_structured(line: str) -> bool:
    """A list item or table row: part of the body when attached to prose."""
    return bool(_LIST_ITEM.match(line) or _TABLE_ROW.match(line) or _TABLE_RULE.match(line))


def is_junk(line: str) -> bool:
    """A line that is page furniture wherever it stands."""
    if _TABLE_ROW.match(line) or _TABLE_RULE.match(line):
        return False
    return bool(
        _BOILERPLATE.match(line)
        or (_words(line) <= 12 and bool(_BYLINE.match(line)))
        or _DOMAIN.match(line)
        or _WEATHER.match(line)
        or _NAV_SEPARATORS.search(line)
        or re.fullmatch(r"[\W\d_]+", line)
        or is_date_line(line)
    )


def _is_headline(line: str) -> bool:
    words = _words(line)
    return (
        3 <= words <= 30
        and len(line) <= 250
        and not is_junk(line)
        and not is_structured(line)
        and not line.endswith((".", "...", "…", ","))
        and line[:1].isupper() | line[:1].isdigit()
    )


def _drop_teaser_blocks(lines: list[str], keep: list[bool]) -> None:
    """A 'Related stories'-like heading and the short lines after it are clutter."""
    i = 0
    while i < len(lines):
        if lines[i] and keep[i] and _TEASER_HEADING.match(lines[i]) and not is_paragraph(lines[i]):
            keep[i] = False
            j = i + 1
            while j < len(lines) and not (lines[j] and is_paragraph(lines[j]) and not lines[j].endswith(("...", "…"))):
                keep[j] = False
                j += 1
            i = j
        else:
            i += 1


def clean(text: str) -> Cleaned:
    """Split normalised ``text`` into headline, body and dropped clutter."""
    lines = text.split("\n")
    n = len(lines)
    keep = [True] * n
    _drop_teaser_blocks(lines, keep)
    paras = [i for i, ln in enumerate(lines) if ln and keep[i] and is_paragraph(ln)]
    if not paras:
        # No prose at all: keep every non-junk line; the caller decides if that is enough.
        body_idx = [i for i, ln in enumerate(lines) if ln and keep[i] and not is_junk(ln)]
        start, end = (body_idx[0], body_idx[-1]) if body_idx else (n, n - 1)
    else:
        start, end = paras[0], paras[-1]
        while end + 1 < n and (not lines[end + 1] or is_structured(lines[end + 1])) and keep[end + 1]:
            end += 1
    header = [ln for ln in lines[:start] if ln]

    title: str | None = None
    candidates = [ln for i, ln in enumerate(lines[:start]) if ln and keep[i] and _is_headline(ln)]
    if candidates:
        counts = {c: sum(1 for h in header if h == c or h.endswith(c)) for c in candidates}
        # A headline is usually repeated (page title + h1, breadcrumb tail) or just above the body.
        title = max(reversed(candidates), key=lambda c: counts[c])

    body: list[str] = []
    seen: set[str] = set()
    dropped: list[str] = []
    for i in range(start, end + 1):
        ln = lines[i]
        if not ln:
            body.append("")
            continue
        repeated = ln in seen and not _TABLE_RULE.match(ln)
        if not keep[i] or repeated or (is_junk(ln) and not is_paragraph(ln)) or ln == title:
            dropped.append(ln)
            continue
        seen.add(ln)
        body.append(ln)
    body = _drop_orphan_short_runs(body, dropped)
    body_text = "\n".join(body).strip()
    body_text = re.sub(r"\n{3,}", "\n\n", body_text)
    full = f"{title}\n\n{body_text}" if title and body_text else (title or body_text)
    dropped.extend(ln for i, ln in enumerate(lines) if ln and (i < start or i > end) and ln != title)
    kept_chars = sum(len(x) for x in full.split("\n"))
    all_chars = sum(len(x) for x in lines)
    return Cleaned(full, title, tuple(header), max(0, all_chars - kept_chars), tuple(dropped))


def _drop_orphan_short_runs(body: list[str], dropped: list[str]) -> list[str]:
    """Inside the body, three or more short non-prose lines in a row are a headline list."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 3:
            dropped.extend(run)
        else:
            out.extend(run)
        run.clear()

    for ln in body:
        if ln and not is_paragraph(ln) and not is_structured(ln) and not ln.endswith(":"):
            run.append(ln)
        else:
            flush()
            out.append(ln)
    flush()
    return out
