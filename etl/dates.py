"""Publication dates: recognise date lines and pick the article's date, never inventing one.

Sources, in order of trust: a "Published:"/"Date:" line, a dateline at the
start of the body ("ISLAMABAD, June 12, 2024 (Reuters) -"), a date line in the
page header. Dates inside the running text are events, not publication dates,
and are never used. A header date next to a weather widget is today's date on
the page, not the article's, so it is ignored. Unsure means null.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re

# English month names plus the French, Spanish, Portuguese, German and Italian
# ones: the non-English articles we keep carry their dates in their own language.
_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("january", "jan", "janvier", "enero", "janeiro", "januar", "gennaio"),
    ("february", "feb", "février", "fevrier", "febrero", "fevereiro", "februar", "febbraio"),
    ("march", "mar", "mars", "marzo", "março", "marco", "märz", "maerz"),
    ("april", "apr", "avril", "abril", "aprile"),
    ("may", "mai", "mayo", "maio", "maggio"),
    ("june", "jun", "juin", "junio", "junho", "juni", "giugno"),
    ("july", "jul", "juillet", "julio", "julho", "juli", "luglio"),
    ("august", "aug", "août", "aout", "agosto"),
    ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "settembre"),
    ("october", "oct", "octobre", "octubre", "outubro", "oktober", "ottobre"),
    ("november", "nov", "novembre", "noviembre", "novembro"),
    ("december", "dec", "décembre", "decembre", "diciembre", "dezembro", "dezember", "dicembre"),
)
_MONTHS = {name: i for i, names in enumerate(_MONTH_NAMES, start=1) for name in names}
_MONTH = r"\b(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\.?,?\s+"
)
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"
_TIME = (
    r"(?:\s*(?:[-–,|@]|at|à|a las|às|um)?\s*\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:GMT|UTC|[A-Z]{2,4})(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?"
)

# 15.10.2024: dotted numeric dates are day-first wherever they are written (unless the day
# cannot be a month: 05.14.2025 is month-first, see parse_date)
_DOTTED = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>(?:19|20)\d{2})(?![\d.]\d)")
_PATTERNS = [
    # 2023-04-30, 2023/04/30, 2023-04-30T10:00:00Z
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})[-/.](?P<mnum>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)(?:[T ]\d{2}:\d{2}(?::\d{2})?\S*)?", re.I),
    _DOTTED,
    # March 29, 2021 / Mar. 29 2021
    re.compile(rf"(?:{_WEEKDAY})?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}", re.I),
    # 30 April 2023 / Sunday 30 April 2023 / 1er mars 2024 / 7 de marzo de 2024
    re.compile(rf"(?:{_WEEKDAY})?(?<!\d)(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|º|o|\.)?\s+(?:of\s+|de\s+)?{_MONTH},?\s+(?:de\s+|del\s+)?{_YEAR}", re.I),
]
# 3/11/2025 or 11/23/2025: day-first or month-first by locale; only a number over 12
# tells which, and an undecidable one is no date (unsure means null).
_SLASHED = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d{2})(?![\d/])")
# Month and day without a year, as in a wire dateline ("June 12", "12 June").
_MONTH_DAY = [
    re.compile(rf"^(?:{_WEEKDAY})?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?$", re.I),
    re.compile(rf"^(?:{_WEEKDAY})?(?P<day>\d{{1,2}})(?:st|nd|rd|th|er)?\s+(?:of\s+|de\s+)?{_MONTH}$", re.I),
]
_LABEL = (
    r"published(?: on| at)?|posted(?: on)?|issued(?: on)?|released(?: on)?|date|dated|publication date|first published"
    r"|publié le|publié|publicado(?: el| em)?|veröffentlicht(?: am)?|pubblicato(?: il)?"
)
_DATE_LINE_PREFIX = re.compile(rf"^(?:{_LABEL}|updated|last updated|mis à jour(?: le)?|actualizado(?: el)?)\s*:?\s*", re.I)
_PUBLISHED_PREFIX = re.compile(rf"^(?:{_LABEL})\s*:?\s*", re.I)
# What may stand next to a date on a date line: an "Updated 2 hours ago" note.
_DATE_LINE_TAIL = re.compile(r"^(?:updated|last updated|modified|last modified|mis à jour|actualizado)\b.{0,40}$", re.I)
_WEATHER = re.compile(r"^-?\d{1,3}(?:[.,]\d)?\s*°?\s*[CF]$")
# "ISLAMABAD, June 12 (Reuters) -", "CAMP DAVID, Maryland, Aug. 18, 2023 —", "Islamabad, 27 November 2024:"
_PLACE = r"[^\W\d_](?:[^\W\d_]|[ .'’-]){0,40}"
_DATELINE = re.compile(
    rf"^{_PLACE}(?:,\s*{_PLACE})?(?:,\s+(?P<rest>[^()\n]{{3,40}}?)\s*(?:\([^)]{{2,30}}\))?|\s+\((?P<paren>[^()\n]{{3,40}})\))\s*(?:--|[-–—:])\s"
)
# "La Paz, 20 May 2025. The ministry ...": a full date closed by a full stop.
_DATELINE_STOP = re.compile(rf"^{_PLACE}(?:,\s*{_PLACE})?,\s+(?P<rest>[^()\n]{{3,40}}?{_YEAR})\.\s")
# Header segments are often joined by separators: "By Staff | September 18, 2024".
_SEGMENT_SEP = re.compile(r"\s+[|·•—–]\s+")


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_WORD = re.compile(r"\b(" + "|".join(_WEEKDAY_NAMES) + r")\b", re.I)


def slash_order(texts: list[str] | tuple[str, ...]) -> str | None:
    """"dmy" or "mdy" when the page writes an unambiguous slashed date one way only, else None."""
    orders = set()
    for text in texts:
        for m in _SLASHED.finditer(text):
            a, b = int(m["a"]), int(m["b"])
            if a > 12 >= b:
                orders.add("dmy")
            elif b > 12 >= a:
                orders.add("mdy")
    return orders.pop() if len(orders) == 1 else None


def _readings(m: re.Match[str]) -> list[dt.date]:
    """Day-first then month-first reading of a slashed date; 3/31 has only one."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    out = []
    for day, month in ((a, b), (b, a)):
        with contextlib.suppress(ValueError):
            out.append(dt.date(year, month, day))
    return out


def _slashed(s: str, order: str | None) -> dt.date | None:
    weekday = _WEEKDAY_WORD.search(s)
    for m in _SLASHED.finditer(s):
        a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
        options = _readings(m)
        if weekday:  # "Monday, 3/11/2025": the weekday tells which reading is meant
            wanted = _WEEKDAY_NAMES.index(weekday.group(1).lower())
            options = [d for d in options if d.weekday() == wanted]
        if len(set(options)) == 2 and order:
            options = [dt.date(year, b, a) if order == "dmy" else dt.date(year, a, b)]
        if len(set(options)) == 1:
            return options[0]
    return None


def parse_date(s: str, order: str | None = None) -> dt.date | None:
    """The first valid calendar date written in ``s``, or None.

    ``order`` ("dmy"/"mdy", from :func:`slash_order`) reads an ambiguous 3/11/2025.
    """
    for pat in _PATTERNS:
        for m in pat.finditer(s):
            gd = m.groupdict()
            month = int(gd["mnum"]) if gd.get("mnum") else _MONTHS[gd["month"].lower()]
            try:
                return dt.date(int(gd["year"]), month, int(gd["day"]))
            except ValueError:
                pass
            if pat is _DOTTED:
                # 05.14.2025 cannot be day-first: a US page writes its dotted dates month-first.
                with contextlib.suppress(ValueError):
                    return dt.date(int(gd["year"]), int(gd["day"]), month)
    return _slashed(s, order)


def _parse_month_day(s: str) -> tuple[int, int] | None:
    """(month, day) of a yearless date such as "June 12", or None."""
    for pat in _MONTH_DAY:
        m = pat.match(s.strip().rstrip(","))
        if m:
            month, day = _MONTHS[m.group("month").lower()], int(m.group("day"))
            if 1 <= day <= 31:
                return month, day
    return None


def is_date_line(line: str) -> bool:
    """A line that is only a date (and maybe a weekday, a time, a label)."""
    if len(line) > 80:
        return False
    rest = _DATE_LINE_PREFIX.sub("", line.strip())
    for pat in (*_PATTERNS, _SLASHED):
        m = pat.search(rest)
        if m:
            leftover = (rest[: m.start()] + rest[m.end():]).strip()
            leftover = re.sub(_TIME, "", leftover, flags=re.I)
            # "(Bucharest time)", "(local time)": a note on the time, not other text.
            leftover = re.sub(r"\([^()]{1,30}\)", "", leftover)
            leftover = _WEEKDAY_WORD.sub("", leftover).strip(" -–,|0123456789:")
            if not leftover or leftover.lower() in {"date", "updated", "published"}:
                return True
            if _DATE_LINE_TAIL.match(leftover):
                return True
    return False


# A date of what the reader or a tool did with the page, not of the article.
_READER_ACTION = re.compile(
    r"^\W*(?:saved|clipped|archived|retrieved|accessed|downloaded|printed|viewed|captured|exported|scanned)"
    r"(?: (?:on|at|from|in))?\b", re.I
)


def _header_dates(
    header_lines: tuple[str, ...] | list[str], order: str | None = None
) -> list[tuple[int, dt.date]]:
    """(line index, date) for every header line, or separator-delimited part of one, that is a date."""
    out: list[tuple[int, dt.date]] = []
    for i, line in enumerate(header_lines):
        if _READER_ACTION.match(line):
            continue  # "Saved on 4 October 2025 at 21:14": when the reader kept the page
        for part in [line, *_SEGMENT_SEP.split(line)]:
            # A short header line with a date and a few words of another language
            # ("Publicerat tisdag 3 juni 2025 kl 07.12") is a date line too.
            if is_date_line(part) or len(part.split()) <= 8:
                d = parse_date(part, order)
                if d:
                    out.append((i, d))
                    break
    return out


def _both_readings(lines: tuple[str, ...] | list[str]) -> list[dt.date]:
    """Both calendar readings of every slashed date in ``lines`` (3/11/2025: 3 Nov and 11 Mar)."""
    return [d for line in lines for m in _SLASHED.finditer(line) for d in _readings(m)]


#: A header date this many days from a yearless dateline dates the same story
#: (time zones, overnight updates); farther away it is some other date.
YEAR_FROM_HEADER_MAX_DAYS = 2


def _year_from_header(month_day: tuple[int, int], header_dates: list[dt.date]) -> dt.date | None:
    """The dateline's month and day in the year of a header date a day or two away."""
    month, day = month_day
    for hd in header_dates:
        for year in (hd.year, hd.year - 1, hd.year + 1):  # a dateline of 31 Dec under a 1 Jan header
            try:
                candidate = dt.date(year, month, day)
            except ValueError:
                continue
            if abs((candidate - hd).days) <= YEAR_FROM_HEADER_MAX_DAYS:
                return candidate
    return None


def publication_date(
    header_lines: tuple[str, ...] | list[str], body: str
) -> tuple[dt.date | None, str | None]:
    """(date, source) for an article, with source one of date_line/dateline/page_header."""
    body_lines = body.split("\n")
    order = slash_order([*header_lines, *body_lines[:6]])
    for line in list(header_lines) + body_lines[:6]:
        # Segments first: "Published 03/12/2025 | Last modified 03/13/2025" is the first date.
        for part in [*_SEGMENT_SEP.split(line), line]:
            if _PUBLISHED_PREFIX.match(part):
                d = parse_date(_PUBLISHED_PREFIX.sub("", part), order)
                if d:
                    return d, "date_line"
    header_dates = [
        (i, d) for i, d in _header_dates(header_lines, order)
        # A header date next to a weather widget is the page's "today", not the article's.
        if not any(_WEATHER.match(x) for x in header_lines[max(0, i - 2): i + 3])
    ]
    for para in [ln for ln in body_lines if ln][:4]:
        m = _DATELINE.match(para) or _DATELINE_STOP.match(para)
        if not m:
            continue
        rest = m.groupdict().get("rest") or m.groupdict()["paren"]
        d = parse_date(rest, order)
        if d:
            return d, "dateline"
        md = _parse_month_day(rest)
        if md:
            # An undecidable header date (05/11/2024) still dates a "Nov 5" dateline:
            # only one of its two readings can be a day or two away.
            readings = [d for _, d in header_dates] + _both_readings(header_lines)
            d = _year_from_header(md, readings)
            # The day is known but not the year: without a nearby header date, never guess it.
            return (d, "dateline") if d else (None, None)
    if header_dates:
        return header_dates[0][1], "page_header"
    return None, None
