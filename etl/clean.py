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

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from accords.etl.dates import is_date_line, parse_date

_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")
_LIST_ITEM = re.compile(r"^(?:[-*•●▪◦‣–]|\d{1,2}[.)])\s+\S")
_TABLE_ROW = re.compile(r"^\|.*\|$")
# A markdown table rule has a pipe; a bare "----" line is a horizontal rule (furniture).
_TABLE_RULE = re.compile(r"^(?=.*\|)\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
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
    r"story continues below(?: advertisement)?|continue reading\b.*|page \d+ of \d+|next page|previous page|"
    r"(?:next|previous|prev|older|newer)(?: (?:article|story|post))?|back to top|"
    r"(?:photo |video |image )?gallery|notes|footnotes|endnotes|references|advertising|ad feedback|listen|follow|"
    r"(?:show|hide|load|view|see) (?:more|all|less|key|earlier|older|newer|\d+)\b.{0,40}|"
    r"(?:accept|reject|allow|deny|manage|agree)\b(?:\s+\w+){0,6}|"
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
# Furniture that stays furniture however long the line is: a copyright or rights
# notice, a tag/keyword list, an author box, a credit line, a feed record
# ("pubDate=... guid=..."). Without this, a long footer reads as prose.
_FURNITURE_START = re.compile(
    r"^(?:©|\(c\)|copyright\b|about the author\b|printed from\b|"
    r"(?:tags?|keywords?|topics?|filed under|categories|category)\s*:|"
    r"(?:tagged|posted in|filed in)\b(?:\s+(?:with|under|as))?\s*:?\s+\S|"
    r"(?:related|see also|read (?:more|also|next)|also read|more|recommended|watch)\s*:\s+\S|"
    r"(?:reporting|additional reporting|writing|editing) by\b|"
    r"(?:poll|quiz|survey|vote)\s*:|(?:photo|image|picture)s?\s*:\s|\([^()]{1,60}\)$|"
    r"(?:\[\d{1,3}\])?(?:read (?:more|next|also)|also read)\b.{0,120}$|(?:sign up|subscribe|newsletter)\s*:|cite this\b|"
    r"(?:partner content|sponsored(?: content| by)?|paid (?:post|content)|advertorial)\b|"
    r"(?:published|posted|updated|written|filed) (?:in|on) [A-Z][\w ]{0,40}$|"
    r"for (?:further|more) information\b.{0,40}\bcontact\b|follow\b.{0,40}:|listen (?:to|live|now)\b.{0,80}$|"
    r"(?:text|font) size\b|(?:last )?(?:updated|modified|posted|published)\s*:?\s*(?:about )?\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$|\[\d{1,3}\]\s|.*(?:\.\.\.|…)\s*read more\W*$|"
    r"\[(?:image|photo|picture|video|graphic|map|chart|illustration|caption)\b[^\]]*\]$|\[[^\[\]]{10,200}\]$|"
    r"this (?:article|story|piece|report|post) (?:was|is|has been) (?:originally |first )?"
    r"(?:published|republished|translated|produced|written|reported|adapted)\b|"
    r"this (?:article|story|piece) (?:appears|appeared|first appeared)\b|about (?:the authors?|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3})$|"
    r"(?:follow|join)\b.{0,60}\bon (?:whatsapp|telegram|facebook|x|twitter|instagram|youtube|tiktok|linkedin|google news)\b|"
    r"(?:\[[^\]]{1,30}\]\s*)?(?:[^\s=]+=[^\s=]\S*\s+){2})",
    re.IGNORECASE,
)
_FURNITURE_ANYWHERE = re.compile(
    r"\ball rights reserved\b|\bfor personal,? non-commercial use\b|\bunsubscribe\b|\bwe use cookies\b|"
    r"\bcontributed (?:to )?(?:this )?(?:report|story|article)\b|"
    r"\byou (?:are receiving|received|were sent) this\b|\b(?:reply to|forwarded) this (?:e-?mail|newsletter)\b|"
    r"\bcookies?\b.{0,200}\b(?:accept|consent|settings|partners|preferences|privacy)\b|"
    r"\b(?:uses?|using) cookies\b|\b(?:enable|turn on|activate) javascript\b|\bunlimited access\b|\bcancel anytime\b|"
    r"\balready a subscriber\b|\bnot responsible for the content\b|\bdownload (?:the|our)\b.{0,40}\bapp\b|"
    r"\benter your e-?mail\b|\bregistered in england\b|\bcompany (?:no|number)\b|\bhas not been edited by\b|"
    r"\bsyndicated feed\b|\bour (?:\w+ ){0,3}newsletter\b|\bviews expressed\b|\bdo not necessarily reflect\b|\bnot an official record\b|\bfree (?:articles|stories)\b|\bcontinued (?:on|from) (?:page|p\.)\s*\d+",
    re.IGNORECASE,
)
_ANYWHERE_KEYS = (
    "reserved", "non-commercial", "unsubscribe", "cookie", "contributed", " this", "javascript",
    "unlimited", "anytime", "subscriber", "free ", "continued", "views", "reflect", "official record",
    "responsible", "download", "enter your", "registered", "company", "edited by", "syndicated", "newsletter",
)
_ANYWHERE_GATE = re.compile("|".join(map(re.escape, _ANYWHERE_KEYS)))
# Legal and sign-up small print: furniture on a short line, but prose may name a privacy policy.
_SMALL_PRINT = re.compile(
    r"\b(?:terms of (?:service|use)|privacy (?:policy|notice|statement|collection statement)|cookie policy)\b", re.I
)
_CAPTION_KEYS = ("photo", "image", "picture", "video", "pic", "courtesy", "credit")
_CAPTION_GATE = re.compile("|".join(map(re.escape, _CAPTION_KEYS)))
# A paywall or account prompt: "Subscribe to continue reading", "Already a subscriber? Log in".
_ACCOUNT_PROMPT = re.compile(
    r"^(?:subscribe|already (?:a )?subscriber|log ?in|sign in|sign up|register)\b(?:\W+\w+){0,20}\W*$", re.I
)
# An image caption ending in its credit: "... (Photo: J. Doe/Reuters)", "... Photo: J. Doe/AFP".
_CAPTION_END = re.compile(
    r"\((?:photo|image|picture|file photo|video|courtesy|credit)s?\b[^()]{0,80}\)$|"
    r"\b(?:photo(?:graph)?|image|picture|pic)s?(?: credit)?\s*:\s*[^!?]{0,59}[^.!?\s]$|"
    r"\b(?:photo(?:graph)?|pic(?:ture)?)s? (?:by|courtesy(?: of)?)\s[^.!?]{1,60}$|"
    r"\bcredits?\s*:\s*[^.!?]{1,40}$",
    re.I,
)
# A sentence closed by an agency credit: "... off Jeddah. — SPA", "... in 2023. (JMSDF)".
_SENTENCE_THEN_CREDIT = re.compile(r"[^\W_]{2}\.\s+(?:[—–-]\s*[A-Z][\w&./ ]{1,20}|\([A-Z][\w&./ ]{1,30}\))$")
# A short credit: "Source: KUNA, INA", "Photo: Jane Doe/Reuters", "Image credit: AFP".
_CREDIT = re.compile(r"^(?:sources?|photo(?:graph)?s?|image|images|pictures?|credits?|video|image credit|photo credit)\s*:\s*\S.{0,80}$", re.I)
# Widget lines are short segments joined by a separator: "Share on X · Email",
# "15.10.2024 · 08:47 · 4 min read", "Menu · Gulf · Iraq", "4 comments · Leave a reply".
# "14:32 GMT", "09:05 am": a live-blog or page time stamp on its own line.
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}(?:[+-]\d{1,2})?)?$", re.I)
# "Open this article in the app ›", "Full story »": a button or link, not text.
_LINK_ARROW = re.compile(r"\s(?:›|»|→|->|⟶|>>|▶)$|^(?:‹|«|←|◀)\s|(?:\.\.\.|…)\s*read more\W*$", re.I)
# "---------- Quote ----------", "==== Advertisement ====": a marker between blocks.
_MARKER = re.compile(r"^[-=_*~#─━]{3,}\s*(?:\w+\s*){0,3}[-=_*~#─━]{3,}$")
# A comment section starts here; what follows is readers' text, not the article.
_COMMENTS_HEADING = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|reader comments|discussion)(?:\s*\(\d+\))?$|"
    r"^(?:leave|post|add|write) a (?:comment|reply|response)$|^join the (?:conversation|discussion)$|"
    r"^\d+ (?:thoughts?|responses?|replies|comments?) (?:on|to)\b.*",
    re.I,
)
_SEGMENT_SEP = re.compile(r"\s+(?:[·•|▸►]|::)\s+")
# "News / World / Europe", "Staff Writer / Jeddah": a slash separates only short labels
# (a dateline "June 2, 2025 – Ottawa – National Defence / Canadian Armed Forces" is text).
_SLASH_SEP = re.compile(r"\s+/\s+")
# "4 min read", "Listen to this article", "12 comments": reader widgets.
_READER_WIDGET = re.compile(
    r"^(?:\d+\s*(?:min(?:ute)?s?\.?\s+(?:read|reading time)|comments?|shares?|views?)|listen to this (?:article|story)\b.*|"
    r"open in (?:the )?app|get the app|view in (?:your )?browser|print(?:ed from)?\b.*|"
    r"(?:share|tweet|post) (?:on|to|via) \w+|email|whatsapp|telegram|facebook|linkedin|x|twitter)$",
    re.IGNORECASE,
)
# "By Pacific affairs reporter Mele Havili", "By our defence correspondent": a byline with a role.
_BY_ROLE = re.compile(r"^(?:By|BY)\s+(?:[\w.'’-]+\s+){0,8}[\w.'’-]+$")
# The whole line is a teaser-list label: "Related stories", "More from Gulf Desk",
# "MOST READ IN POLITICS", "Trending now", "Key points". Anchored at both ends so that a
# sentence that merely starts with "Other" or "More" is never one.
_TEASER_HEADING = re.compile(
    r"^(?:(?:related|featured|latest|top|popular|trending|recommended|recent|other|more|also)"
    r"(?:\s+[\w-]+)?(?:\s+(?:in|from|on)\b.*)?|"
    r"you (?:may|might) also like|read (?:more|also|next)|see also|also read|"
    r"most (?:read|viewed|popular|shared|watched)(?:\s+(?:in|on|from)\b.*)?|"
    r"quick read|key (?:points|takeaways|facts)|highlights|in brief|at a glance|summary)\s*:?$",
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


@lru_cache(maxsize=16384)
def _words(line: str) -> int:
    return len(line.split())


@lru_cache(maxsize=16384)
def is_paragraph(line: str) -> bool:
    """A line that reads as running prose."""
    words = _words(line)
    if _TABLE_ROW.match(line) or is_furniture(line):
        return False
    if words >= 16:
        return True
    return words >= 8 and bool(_SENTENCE_END.search(line)) and not line.endswith("...")


def is_structured(line: str) -> bool:
    """A list item or table row: part of the body when attached to prose."""
    return bool(_LIST_ITEM.match(line) or _TABLE_ROW.match(line) or _TABLE_RULE.match(line))


# lynx -dump link markers: "[26]Read more ...", "[27]Brazil [28]France".
_LYNX_LINK = re.compile(r"^\[\d{1,4}\]\S")
_LYNX_MARK = re.compile(r"\[\d{1,4}\]")
# "Posted 3h ago", "updated 1 hour ago": a relative time stamp.
_RELATIVE_TIME = re.compile(r"\b\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)\s+ago(?![a-z])", re.I)
def _is_link_list(line: str) -> bool:
    marks = len(_LYNX_MARK.findall(line))
    return marks >= 2 and _words(line) <= 3 * marks


_SHARE_WORDS = frozenset(
    "share shares tweet post email e-mail mail print copy link links facebook x twitter whatsapp telegram "
    "linkedin reddit messenger pinterest flipboard bluesky threads save bookmark comment comments sms".split()
)


def _is_share_bar(line: str) -> bool:
    """"Share Facebook X WhatsApp Copy link": a row of sharing buttons with no separators."""
    words = re.findall(r"[\w-]+", line.lower())
    return 2 <= len(words) <= 10 and sum(w in _SHARE_WORDS for w in words) >= max(2, 2 * len(words) // 3)


def is_widget_line(line: str) -> bool:
    """Short segments joined by separators, none of them a sentence: a menu, share bar or meta line."""
    if _TABLE_ROW.match(line) or _LIST_ITEM.match(line):
        return False
    slash = [p for p in _SLASH_SEP.split(line) if p]
    if len(slash) >= 2 and all(_words(p) <= 3 for p in slash) and not _SEGMENT_SEP.search(line):
        return True
    parts = [p for p in _SEGMENT_SEP.split(line) if p]
    if len(parts) < 2:
        return False
    if line.rstrip("\"'”’)").endswith((".", "!", "?")) and any(_words(p) > 8 for p in parts):
        return False  # a sentence that happens to contain a separator
    return not any(_words(p) >= 8 and _SENTENCE_END.search(p) for p in parts)


def _plain(line: str) -> str:
    """The line without markdown emphasis and with link texts for links (html2text output)."""
    if "*" in line or "](" in line or "__" in line:
        line = _MD_LINK.sub(r"\1", line).replace("**", "").replace("__", "").strip()
    return line


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


@lru_cache(maxsize=16384)
def is_furniture(line: str) -> bool:
    """Page furniture that no length of line turns into prose."""
    if _TABLE_ROW.match(line) or _TABLE_RULE.match(line):
        return False
    line = _plain(line)
    lower = line.lower()
    return bool(
        _FURNITURE_START.match(line)
        # Substring gates first: the searches scan the whole line and most lines have none of these words.
        or (_ANYWHERE_GATE.search(lower) is not None and _FURNITURE_ANYWHERE.search(line))
        or _ACCOUNT_PROMPT.match(line)
        or (_words(line) <= 15 and "©" in line)
        or (_words(line) <= 25 and ("terms of" in lower or "privacy" in lower or "policy" in lower)
            and bool(_SMALL_PRINT.search(line)))
        or (_CAPTION_GATE.search(lower) is not None and _CAPTION_END.search(line))
        or (_words(line) <= 40 and _SENTENCE_THEN_CREDIT.search(line))
        or is_widget_line(line)
    )


@lru_cache(maxsize=16384)
def is_junk(line: str) -> bool:
    """A line that is page furniture wherever it stands."""
    if _TABLE_ROW.match(line) or _TABLE_RULE.match(line):
        return False
    line = _plain(line)
    return bool(
        is_furniture(line)
        or (_words(line) <= 12 and bool(_CREDIT.match(line)))
        or _READER_WIDGET.match(line)
        or _BOILERPLATE.match(line)
        or (_words(line) <= 12 and bool(_BYLINE.match(line)))
        or (_words(line) <= 10 and bool(_BY_ROLE.match(line)) and not _SENTENCE_END.search(line))
        or _DOMAIN.match(line)
        or _WEATHER.match(line)
        or _CLOCK.match(line)
        or _LINK_ARROW.search(line)
        or (_words(line) <= 15 and bool(_LYNX_LINK.match(line)))
        or ("[" in line and _is_link_list(line))
        or (_words(line) <= 12 and bool(_RELATIVE_TIME.search(line)))
        or _is_share_bar(line)
        or _MARKER.match(line)
        or _NAV_SEPARATORS.search(line)
        or re.fullmatch(r"[\W\d_]+", line)
        or is_date_line(line)
    )


def _starts_with_date(line: str) -> bool:
    d = _LEADING_DATE.match(line)
    return bool(d and parse_date(d.group(0)))


_LEADING_DATE = re.compile(r"^(?:\w+\.?,?\s+){1,3}(?:19|20)\d{2}\b|^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")


def _is_headline(line: str) -> bool:
    words = _words(line)
    return (
        3 <= words <= 30
        and len(line) <= 250
        and not is_junk(line)
        and not is_structured(line)
        and not line.endswith((".", "...", "…", ","))
        and line[:1].isupper() | line[:1].isdigit()
        and not _starts_with_date(line)
        and not (words <= 10 and parse_date(line) is not None)  # "Publicerat tisdag 3 juni 2025"
    )


def _drop_comment_section(lines: list[str], keep: list[bool], prose: list[bool]) -> None:
    """Everything from a comments heading that follows prose to the end of the page is readers' text."""
    prose_before = 0  # a comment count in a share bar above the article must not cut it
    for i, ln in enumerate(lines):
        if not ln:
            continue
        if prose_before >= 3 and (_COMMENTS_HEADING.match(ln) or (is_widget_line(ln) and any(
                _COMMENTS_HEADING.match(p) for p in _SEGMENT_SEP.split(ln)))):
            for j in range(i, len(lines)):
                keep[j] = False
            return
        prose_before += keep[i] and prose[i]


#: Fewer words than this make a section label or a site name sooner than a headline.
HEADLINE_MIN_WORDS = 5


def _headline_above(lines: list[str], keep: list[bool], i: int) -> bool:
    """Whether the line just above ``i`` is a headline (then line ``i`` is its standfirst)."""
    j = i - 1
    while j >= 0 and not lines[j]:
        j -= 1
    return j >= 0 and keep[j] and _is_headline(lines[j])


def _is_long_headline(line: str) -> bool:
    return _is_headline(line) and not _SENTENCE_END.search(line) and not line.endswith(("...", "…"))


#: The block rules (boxes, teaser lists, comment sections) may drop at most this share of
#: a page's prose lines; beyond it they are assumed to have misread the layout.
MIN_PROSE_KEPT = 0.5
_BOX_RULE = re.compile(r"^[─━═┄┅┈┉╌╍▬]{3,}$|^[┌┏╔].*[┐┓╗]$|^[└┗╚].*[┘┛╝]$")
#: A framed box holds at most this many lines, at most one of them prose; a longer
#: framed span is article text between two rules.
BOX_MAX_LINES = 4


def _drop_framed_boxes(lines: list[str], keep: list[bool]) -> None:
    """A few lines between two box-drawing rules are a sidebar: a sponsor box, a key-facts box."""
    rules = [i for i, ln in enumerate(lines) if _BOX_RULE.match(ln)]
    for a, b in itertools.pairwise(rules):
        inside = [ln for ln in lines[a + 1 : b] if ln]
        if inside and len(inside) <= BOX_MAX_LINES and sum(map(is_paragraph, inside)) <= 1:
            for j in range(a, b + 1):
                keep[j] = False


def _is_caps_list_heading(lines: list[str], i: int, in_body: bool) -> bool:
    """An all-capitals label over two or more unpunctuated items ("ALSO THIS WEEK", "UPCOMING EVENTS").

    Above the article such a label is often the site's name over its menu and headline,
    so there the items must be bullets; inside the article any unpunctuated items will do.
    """
    line = lines[i]
    if not (line.isupper() and 1 <= _words(line) <= 5 and not line.endswith(":")):
        return False
    items = [ln for ln in lines[i + 1 : i + 6] if ln][:2]
    return len(items) == 2 and all(
        not _SENTENCE_END.search(ln) and (_LIST_ITEM.match(ln) or (in_body and not is_paragraph(ln)))
        for ln in items
    )


def _drop_teaser_blocks(lines: list[str], keep: list[bool], prose: list[bool]) -> None:
    """A 'Related stories'-like heading and the short lines after it are clutter."""
    first_prose = next((k for k in range(len(lines)) if prose[k]), len(lines))
    i = 0
    while i < len(lines):
        is_heading = bool(lines[i]) and bool(
            _TEASER_HEADING.match(lines[i]) or _is_caps_list_heading(lines, i, i > first_prose)
        )
        if keep[i] and is_heading and not is_paragraph(lines[i]):
            keep[i] = False
            j = i + 1
            # Stop at prose: a sentence, or a piece of a hard-wrapped paragraph (which
            # need not end like one).
            while j < len(lines) and not (prose[j] and (_SENTENCE_END.search(lines[j]) or not is_paragraph(lines[j]))
                                          and not lines[j].endswith(("...", "…"))):
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
    _drop_framed_boxes(lines, keep)
    wrapped = _wrapped_prose(lines)
    is_prose = [bool(ln) and (i in wrapped or is_paragraph(ln)) for i, ln in enumerate(lines)]
    _drop_teaser_blocks(lines, keep, is_prose)
    _drop_comment_section(lines, keep, is_prose)
    prose = [i for i in range(n) if is_prose[i]]
    if prose and sum(keep[i] for i in prose) < MIN_PROSE_KEPT * len(prose):
        # The block rules took most of the page's prose: on a layout they misread, keeping
        # some clutter is better than losing the article.
        keep = [True] * n
    paras = [i for i in range(n) if keep[i] and is_prose[i]]
    if not paras:
        # No prose at all: keep every non-junk line; the caller decides if that is enough.
        body_idx = [i for i, ln in enumerate(lines) if ln and keep[i] and not is_junk(ln)]
        start, end = (body_idx[0], body_idx[-1]) if body_idx else (n, n - 1)
    else:
        if (
            len(paras) > 1
            and paras[0] not in wrapped
            and _is_long_headline(lines[paras[0]])
            and not _headline_above(lines, keep, paras[0])
        ):
            # A headline of 16+ words reads as prose by length; unpunctuated and
            # followed by prose, it is the headline, not the first paragraph.
            paras = paras[1:]
        start, end = paras[0], paras[-1]
        while end + 1 < n and (not lines[end + 1] or is_structured(lines[end + 1])) and keep[end + 1]:
            end += 1
    header = [ln for ln in lines[:start] if ln]

    title: str | None = None
    candidates = [ln for i, ln in enumerate(lines[:start]) if ln and keep[i] and _is_headline(ln)]
    if candidates:
        counts = {c: sum(1 for h in header if h == c or h.endswith(c) or h.startswith(c)) for c in candidates}
        # A headline has a few words (section labels and site names have one to four), is
        # often repeated (page title + h1, breadcrumb tail), and sits just above the body.
        title = max(reversed(candidates), key=lambda c: (_words(c) >= HEADLINE_MIN_WORDS, counts[c]))

    body: list[str] = []
    seen: set[str] = set()
    occurrences = Counter(ln for ln in lines if ln)  # a page's running header/footer repeats
    dropped: list[str] = []
    marked: list[str | None] = []
    for i in range(start, end + 1):
        ln = lines[i]
        if not ln:
            body.append("")
            marked.append("")
            continue
        repeated = ln in seen and not _TABLE_RULE.match(ln)
        running_head = occurrences[ln] > 1 and not is_prose[i] and not is_structured(ln)
        same_as_title = title is not None and ln.casefold() == title.casefold()
        if not keep[i] or repeated or running_head or (is_junk(ln) and not is_prose[i]) or same_as_title:
            dropped.append(ln)
            marked.append(None)  # a dropped line still counts in a run of short lines
            continue
        seen.add(ln)
        body.append(ln)
        marked.append(ln)
    body = _drop_orphan_short_runs(marked, dropped, {lines[i] for i in wrapped})
    body = _drop_pull_quotes(body, dropped)
    body = _drop_trailing_author_bio(body, dropped)
    body_text = "\n".join(body).strip()
    body_text = re.sub(r"\n{3,}", "\n\n", body_text)
    full = f"{title}\n\n{body_text}" if title and body_text else (title or body_text)
    dropped.extend(ln for i, ln in enumerate(lines) if ln and (i < start or i > end) and ln != title)
    kept_chars = sum(len(x) for x in full.split("\n"))
    all_chars = sum(len(x) for x in lines)
    return Cleaned(full, title, tuple(header), max(0, all_chars - kept_chars), tuple(dropped))


# "Jane Doe is a journalist in Oslo who covers ...", "A. Writer covers defence for ...":
# the author box that closes many articles.
_NAME = r"[A-Z\u00c0-\u024f][\w'’.-]*"
_AUTHOR_BIO = re.compile(
    rf"^{_NAME}(?:\s(?:{_NAME}|de|da|van|von|al|bin|af|la|le|del)){{1,4}}\s(?:"
    r"is (?:an?|the)\s(?:[\w-]+\s){0,5}(?i:journalist|correspondent|reporter|editor|writer|columnist|analyst|"
    r"contributor|freelancer|photographer|producer|blogger|fellow|researcher|scholar|lecturer|professor)\b|"
    r"covers\b|writes (?:about|on|for)\b|reports (?:on|from|for)\b)"
)


def _drop_trailing_author_bio(body: list[str], dropped: list[str]) -> list[str]:
    """The article's last lines, when they introduce its author, are the author box."""
    end = len(body)
    while end > 0 and (not body[end - 1] or _AUTHOR_BIO.match(body[end - 1])):
        end -= 1
    if any(body[i] for i in range(end, len(body))) and any(body[:end]):
        dropped.extend(ln for ln in body[end:] if ln)
        return body[:end]
    return body


def _letters(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def _share(grams: set[tuple[str, ...]], words: list[str]) -> float:
    found = {tuple(words[k : k + 3]) for k in range(len(words) - 2)}
    return len(grams & found) / len(grams) if grams else 0.0


def _drop_pull_quotes(body: list[str], dropped: list[str]) -> list[str]:
    """A short quoted line that repeats a sentence of the article is a pull quote."""
    out: list[str] = []
    for i, ln in enumerate(body):
        if ln and ln[:1] in "“\"‘'«" and _words(ln) <= 40:
            words = _letters(re.split(r"\s[—–-]\s", ln)[0]).split()
            grams = {tuple(words[k : k + 3]) for k in range(len(words) - 2)}
            # Pull quotes are often trimmed or re-worded at the edges, so most of the
            # quote's word trigrams in one other line is enough.
            if len(words) >= 5 and any(
                _share(grams, _letters(other).split()) >= 0.6
                for j, other in enumerate(body)
                if j != i and other
            ):
                dropped.append(ln)
                continue
        out.append(ln)
    return out


#: Hard-wrapped text (lynx dumps, e-mail, PDF text, fixed-width pages) breaks lines near
#: one width; these bound that width. A greedy wrapper ends a line where the next word would
#: not fit, so line + next word must come near the widest line (within WRAP_SLACK).
WRAP_WIDTH = (50, 110)
WRAP_SLACK = 0.85
WRAP_FITTED = 0.6
WRAP_LOWER_SHARE = 0.3


_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for with from and or but as that which who whose its their his her "
    "our this these those than into over under between after before during against".split()
)


def _ends_open(line: str) -> bool:
    """The line stops mid-sentence: on a comma or a function word."""
    last = line.rsplit(None, 1)[-1] if line.strip() else ""
    return last.endswith((",", ";")) or last.lower() in _FUNCTION_WORDS


def _wrapped_prose(lines: list[str]) -> set[int]:
    """Indices of lines that are pieces of a hard-wrapped prose paragraph.

    Runs of consecutive lines (split where page furniture interrupts them, as a PDF page
    footer does) whose every line but the last ends where the next word would not have
    fitted, and that read as prose once joined: each piece alone is too short to look like
    prose, the paragraph is not.
    """
    out: set[int] = set()
    n = len(lines)
    runs: list[list[int]] = []
    current: list[int] = []
    for i in range(n + 1):
        ln = lines[i] if i < n else ""
        if ln and not (is_structured(ln) or is_furniture(ln) or (is_junk(ln) and _words(ln) <= 4)):
            current.append(i)
            continue
        if current:
            runs.append(current)
        current = []
    # A page footer and header in the middle of a paragraph (PDF text) split it; the part
    # after them goes on in lower case, so the two parts are judged as one paragraph.
    merged: list[list[int]] = []
    for run in runs:
        if merged and lines[run[0]][:1].islower() and all(lines[k] for k in range(merged[-1][-1] + 1, run[0])):
            merged[-1] = merged[-1] + run
        else:
            merged.append(run)
    for run in (r for r in merged if len(r) >= 2):
        texts = [lines[k] for k in run]
        widest = max(len(t) for t in texts[:-1])
        # Most lines end where the next word would not fit; a wrapper that keeps names
        # together, or a long word, leaves some lines shorter.
        pairs = list(itertools.pairwise(texts))
        fitted = sum(len(t) + 1 + len(nxt.split()[0]) > WRAP_SLACK * widest for t, nxt in pairs)
        fits = fitted >= WRAP_FITTED * len(pairs) and all(len(t) >= widest / 2 for t in texts[:-1])
        words = sum(_words(t) for t in texts)
        ends = bool(_SENTENCE_END.search(texts[-1]))
        # A wrap cuts sentences anywhere, so continuation lines often start in lower case;
        # a list of teaser headlines starts every line with a capital.
        lower = sum(t[:1].islower() for t in texts[1:]) / (len(texts) - 1)
        # ... and often ends a line on a comma or a function word ("of", "the", "and").
        open_ends = sum(_ends_open(t) for t in texts[:-1]) / (len(texts) - 1)
        reads_on = lower >= WRAP_LOWER_SHARE or open_ends >= WRAP_LOWER_SHARE or (
            len(run) == 2 and ends and not _SENTENCE_END.search(texts[0])
        )
        if WRAP_WIDTH[0] <= widest <= WRAP_WIDTH[1] and fits and reads_on and words >= 12 and (ends or len(run) >= 3):
            out.update(run)
    return out


def _drop_orphan_short_runs(
    body: list[str | None], dropped: list[str], wrapped: set[str]
) -> list[str]:
    """Inside the body, three or more short non-prose lines in a row are a headline list.

    ``None`` marks a line already dropped as furniture: it belongs to the run (a byline,
    a "Follow" button and a read-time line around a name are one block) but is not output.
    """
    out: list[str] = []
    run: list[str | None] = []

    def flush() -> None:
        if len(run) >= 3:
            dropped.extend(ln for ln in run if ln)
        else:
            out.extend(ln for ln in run if ln)
        run.clear()

    for ln in body:
        if ln is None or (
            ln and ln not in wrapped and not is_paragraph(ln) and not is_structured(ln) and not ln.endswith(":")
        ):
            run.append(ln)
        else:
            flush()
            out.append(ln)
    flush()
    return out
