"""Publication dates: recognise date lines and pick the article's date, never inventing one.

Sources, in order of trust: a "Published:"/"Date:" line, a dateline at the
start of the body ("ISLAMABAD, June 12, 2024 (Reuters) -"), a date line in the
page header. Dates inside the running text are events, not publication dates,
and are never used. A header date next to a weather widget is today's date on
the page, not the article's, so it is ignored. Unsure means null.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+"
_TIME = r"(?:\s*(?:[-–,|@]|at)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|[A-Z]{2,4})(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?"

_PATTERNS = [
    # 2023-04-30, 2023/04/30
    re.compile(r"(?P<year>(?:19|20)\d{2})[-/.](?P<mnum>\d{1,2})[-/.](?P<day>\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2})?\S*)?", re.I),
    # March 29, 2021 / Mar. 29 2021
    re.compile(rf"(?:{_WEEKDAY})?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{{2}})", re.I),
    # 30 April 2023 / Sunday 30 April 2023
    re.compile(rf"(?:{_WEEKDAY})?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>(?:19|20)\d{{2}})", re.I),
]
_DATE_LINE_PREFIX = re.compile(
    r"^(?:published(?: on| at)?|posted(?: on)?|date|dated|updated|last updated|first published|publication date)\s*:?\s*",
    re.I,
)
_PUBLISHED_PREFIX = re.compile(r"^(?:published(?: on| at)?|posted(?: on)?|date|dated|publication date|first published)\s*:?\s*", re.I)
_WEATHER = re.compile(r"^-?\d{1,3}(?:[.,]\d)?\s*°?\s*[CF]$")
_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40},\s+(?P<rest>[^()]{4,40}?)\s*(?:\([^)]{2,30}\))?\s*[-–—]\s")


def parse_date(s: str) -> dt.date | None:
    """The first calendar date written in ``s``, or None."""
    for pat in _PATTERNS:
        m = pat.search(s)
        if not m:
            continue
        gd = m.groupdict()
        month = int(gd["mnum"]) if gd.get("mnum") else _MONTHS[gd["month"].lower()]
        try:
            return dt.date(int(gd["year"]), month, int(gd["day"]))
        except ValueError:
            continue
    return None


def is_date_line(line: str) -> bool:
    """A line that is only a date (and maybe a weekday, a time, a label)."""
    if len(line) > 80:
        return False
    rest = _DATE_LINE_PREFIX.sub("", line.strip())
    for pat in _PATTERNS:
        m = pat.search(rest)
        if m:
            leftover = (rest[: m.start()] + rest[m.end():]).strip()
            leftover = re.sub(_TIME, "", leftover).strip(" -–,|0123456789:")
            if not leftover or leftover.lower() in {"date", "updated", "published"}:
                return True
    return False


def publication_date(
    header_lines: tuple[str, ...] | list[str], body: str
) -> tuple[dt.date | None, str | None]:
    """(date, source) for an article, with source one of date_line/dateline/page_header."""
    all_lines = list(header_lines) + body.split("\n")[:6]
    for line in all_lines:
        if _PUBLISHED_PREFIX.match(line):
            d = parse_date(_PUBLISHED_PREFIX.sub("", line))
            if d:
                return d, "date_line"
    for para in body.split("\n")[:4]:
        m = _DATELINE.match(para)
        if m:
            d = parse_date(m.group("rest"))
            if d:
                return d, "dateline"
    for i, line in enumerate(header_lines):
        if not is_date_line(line):
            continue
        near = header_lines[max(0, i - 2): i + 3]
        if any(_WEATHER.match(x) for x in near):
            continue  # a widget's "today", not the article's date
        d = parse_date(line)
        if d:
            return d, "page_header"
    return None, None
