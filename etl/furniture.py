"""Line by line: is this line prose, page furniture, a list, a table, a headline?

The cleaner (`clean.py`) decides on the page as a whole; these are the per-line features it
reads. The method is structural: length, words, sentence punctuation, list/table syntax,
separators between short segments, position of dates and credits. A small vocabulary of
boilerplate phrases that recur across news sites (share, subscribe, copyright, credits,
consent and paywall text) is one feature among these, never a list of one site's strings.
Classifications are cached per line: the same furniture repeats across a site's pages.
"""

from __future__ import annotations

import re
from functools import lru_cache

from accords.etl.dates import is_date_line, parse_date

SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")
LIST_ITEM = re.compile(r"^(?:[-*•●▪◦‣–]|\d{1,2}[.)])\s+\S")
_TABLE_ROW = re.compile(r"^\|.*\|$")
# A markdown table rule has a pipe; a bare "----" line is a horizontal rule (furniture).
TABLE_RULE = re.compile(r"^(?=.*\|)\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|info|news|co|uk|in|pk|ir|cn|ru|tv|io|gov|edu|int|biz|me)(?:/\S*)?$", re.I)
_WEATHER = re.compile(r"^-?\d{1,3}(?:[.,]\d)?\s*°?\s*[CF]$")
# "BREAKING » Index closes down » Haze over Chiang Mai »": a news ticker, labelled or
# made of several guillemet-separated items (French quotes open with « and are not this).
_TICKER = re.compile(
    r"^(?:BREAKING(?: NEWS)?|JUST IN|LATEST(?: NEWS)?|TRENDING(?: NOW)?|NEWS ?FLASH|FLASH|TICKER|ALERT)\s*[»›:|–—-]\s|"
    r"^[^«]*(?:\s[»›]\s[^«]*){2,}$"
)
_NAV_SEPARATORS = re.compile(r"\s(?:>|»|›|\|)\s|^Home(?=[A-Z])|^Home\s*[>»›|/]")
_BOILERPLATE = re.compile(
    r"^(?:"
    r"share(?: this(?: article| story| page)?)?(?: on \w+)?|tweet|print(?: this)?|e-?mail(?: this)?|"
    r"suggest to a friend|send to a friend|comments?|leave a (?:comment|reply)|\d+ comments?|"
    r"subscribe\b.*|sign up\b.*|newsletter\b.*|follow us\b.*|advertisement|sponsored(?: content)?|"
    r"story code\s*:?.*|news code\s*:?.*|news id\s*:?.*|"
    r"(?:related|featured|latest|top|more|popular|trending|recommended|recent|other|editor'?s? picks?)"
    r"(?: stories| news| articles| posts| headlines| reads| reading)?(?: from [\w ]+)?|"
    r"read (?:more|also|next)\b.*|see also\b.*|also read\b.*|"
    r"compiled by\b.*|"  # tags, copyright and "reporting by" lines are furniture (is_furniture)
    r"click here\b.*|skip to (?:main )?content|menu|search|home|log ?in|sign in|"
    r"story continues below(?: advertisement)?|continue reading\b.*|page \d+ of \d+|next page|previous page|"
    r"(?:next|previous|prev|older|newer)(?: (?:article|story|post))?|back to top|"
    r"(?:photo |video |image )?gallery|notes|footnotes|endnotes|references|advertising|ad feedback|listen|follow|"
    r"(?:show|hide|load|view|see) (?:more|all|less|key|earlier|older|newer|\d+)\b.{0,40}|"
    r"(?:accept|reject|allow|deny|manage|agree)\b(?:\s+\w+){0,6}|"
    r"date\s*:?|published\s*:?|updated\s*:?|by\s*:?|source\s*:?|"
    r"original(?: text)?|(?:show|see|view) original|translated by \w+"
    r")$",
    re.IGNORECASE,
)
# "By Wanjiru Kamau", "By Newsroom Staff | September 18, 2024", "Par Awa Diop": a byline,
# i.e. a short line of capitalised names after a "by" word (names, not a sentence).
_BYLINE = re.compile(
    r"^(?:(?:[Ss]tory|[Ww]ords|[Tt]ext|[Rr]eport|[Aa]rticle|[Pp]hotos?)\s+)?"
    r"(?:[Bb]y|BY|[Pp]ar|[Pp]or|[Vv]on|[Dd]i)\s+[A-Z\u00c0-\u024f][\w.'’-]*"
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
    r"(?:[▶►▷⏵•»›⚡🔴📌👉]\s*)?(?:related|see also|read (?:more|also|next)|also read|also|more|recommended|watch)\s*:\s+\S|"
    r"(?:reporting|additional reporting|writing|editing) by\b|"
    r"(?:(?:quick|reader|today'?s|our|weekly|daily) )?(?:poll|quiz|survey|vote)\s*:|"
    r"this transcript (?:was|has been|is) (?:produced|generated|created|transcribed|machine|auto)|(?:photo|image|picture)s?\s*:\s|\([^()]{1,60}\)$|"
    r"(?:read|video|audio|podcast)\s*:\s+\S|[▶►▷⏵]\s*(?:video|watch|audio|listen|play|podcast)\b|"
    r"(?:\[\d{1,4}\])?\[(?:img|image|inline|photo|video)\]|public domain\s*[—–:-]|"
    r"(?:do|did) you (?:like|enjoy|find)\b.{0,60}\?$|(?:was|is) this (?:article|story|page|information) (?:helpful|useful)\b.{0,20}$|"
    r"(?:\[\d{1,3}\])?(?:read (?:more|next|also)|also read)\b.{0,120}$|(?:sign up|subscribe|newsletter)\s*:|cite this\b|"
    r"(?:partner content|sponsored(?: content| by)?|paid (?:post|content)|advertorial)\b|"
    r"(?:published|posted|updated|written|filed) (?:in|on) [A-Z][\w ]{0,40}$|"
    r"for (?:further|more) information\b.{0,40}\bcontact\b|follow\b.{0,40}:|listen (?:to|live|now)\b.{0,80}$|"
    r"(?:text|font) size\b|(?:last )?(?:updated|modified|posted|published)\s*:?\s*(?:about )?\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$|\[\d{1,3}\]\s|.*(?:\.\.\.|…)\s*read more\W*$|"
    r"\[(?:image|photo|picture|video|graphic|map|chart|illustration|caption)\b[^\]]*\]$|\[[^\[\]]{10,200}\]$|"
    r"this (?:article|story|piece|report|post) (?:was|is|has been) (?:originally |first )?"
    r"(?:published|republished|translated|produced|written|reported|adapted|printed)\b|"
    r"this (?:article|story|piece) (?:appears|appeared|first appeared)\b|about (?:the authors?|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3})$|"
    r"(?:follow|join)\b.{0,60}\bon (?:whatsapp|telegram|facebook|x|twitter|instagram|youtube|tiktok|linkedin|google news)\b|"
    r"(?:\[[^\]]{1,30}\]\s*)?(?:[^\s=]+=[^\s=]\S*\s+){2})",
    re.IGNORECASE,
)
# Furniture wherever it stands in a line: (words one of which every match contains, pattern).
# A pattern is tried only on lines holding one of its words (lower-cased): one alternation of
# them all cost ~0.3 ms a line, every alternative tried at every position of every line.
_ANYWHERE: tuple[tuple[tuple[str, ...], str], ...] = (
    (("reserved",), r"\ball rights reserved\b"),
    (("non-commercial",), r"\bfor personal,? non-commercial use\b"),
    (("subscri",), r"\bunsubscribe\b"),
    (("cookie",), r"\bwe use cookies\b|\b(?:uses?|using) cookies\b|"
                  r"\bcookies?\b.{0,200}\b(?:accept|consent|settings|partners|preferences|privacy)\b"),
    (("contributed",), r"\bcontributed (?:to )?(?:this )?(?:report|story|article)\b"),
    ((" this",), r"\byou (?:are receiving|received|were sent) this\b|\b(?:reply to|forwarded) this (?:e-?mail|newsletter)\b"),
    (("forward",), r"\bforward (?:it |this (?:\w+ )?)?to a (?:friend|colleague)\b"),
    # An Australian/Pacific site's acknowledgement of country, in its footer.
    (("traditional",), r"\backnowledges? the traditional (?:owners|custodians)\b"),
    (("javascript",), r"\b(?:enable|turn on|activate) javascript\b"),
    (("unlimited",), r"\bunlimited access\b"),
    (("anytime",), r"\bcancel anytime\b"),
    (("subscri",), r"\balready a subscriber\b"),
    (("responsible",), r"\bnot responsible for the content\b"),
    (("download",), r"\bdownload (?:the|our)\b.{0,40}\bapp\b"),
    (("enter your",), r"\benter your e-?mail\b"),
    (("registered",), r"\bregistered in england\b"),
    (("company",), r"\bcompany (?:no|number)\b"),
    (("edited by",), r"\bhas not been edited by\b"),
    (("funded", "supported", "paid for"), r"\b(?:funded|supported|paid for) by (?:our )?(?:members|readers|subscribers)\b"),
    (("support",), r"\bsupport (?:our|independent) (?:journalism|reporting)\b"),
    (("syndicated",), r"\bsyndicated feed\b"),
    (("newsletter",), r"\bour (?:\w+ ){0,3}newsletter\b"),
    (("views",), r"\bviews expressed\b"),
    (("reflect",), r"\bdo not necessarily reflect\b"),
    (("official record",), r"\bnot an official record\b"),
    (("free ",), r"\bfree (?:articles|stories)\b"),
    (("page",),
     r"\b(?:continued|contd\.?|cont'd\.?) (?:on|from) (?:page|p\.)\s*\d+|\(from page \d+\)$"),
    # Newsletter and blog-platform prompts: "Thanks for reading X! Subscribe for free ...".
    (("subscri",), r"\bsubscribe for free\b|\bthanks for reading\b.{0,80}\bsubscribe\b"),
    (("subscri",), r"^(?:paid|paying|premium) subscribers\b.{0,20}\b(?:get|receive|can|have access)\b"),
    # A fax machine's transmission header and end-of-transmission report.
    (("from:",), r"(?-i:\bFROM:.{0,80}\bTO\s*:)"),
    (("transmission",), r"\b(?:fax transmission|end of transmission|transmission report)\b"),
    (("page",), r"\bpages (?:sent|\(incl\.?|including this)|\bdid not receive all pages\b"),
    # A browser translation bar and its pop-up: "Contribute a better translation", "Show original".
    (("translat",), r"\b(?:contribute|suggest) a better translation\b|\brate this translation\b|"
                    r"^translated by (?:google|bing|deepl|microsoft)\b"),
    # A sign-up form's e-mail field as text: "[your@email.com] [Sign me up]".
    (("@",), r"\[[^\[\]\s@]+@[^\[\]\s@]+\.[a-z]{2,}\]"),
)
def _by_word() -> dict[str, list[re.Pattern[str]]]:
    """word -> the patterns it unlocks (a pattern with several words is listed under each)."""
    out: dict[str, list[re.Pattern[str]]] = {}
    for words, pattern in _ANYWHERE:
        for word in words:
            out.setdefault(word, []).append(re.compile(pattern, re.IGNORECASE))
    return out


_ANYWHERE_BY_WORD = _by_word()


def _furniture_anywhere(line: str, lower: str) -> bool:
    for word, rules in _ANYWHERE_BY_WORD.items():
        if word in lower:
            for rule in rules:
                if rule.search(line):
                    return True
    return False
# Legal and sign-up small print: furniture on a short line, but prose may name a privacy policy.
_SMALL_PRINT = re.compile(
    r"\b(?:terms of (?:service|use)|privacy (?:policy|notice|statement|collection statement)|cookie policy)\b", re.I
)
# "GULF POST — Print edition", "Printer-friendly version": the print view's own header.
_PRINT_VIEW = re.compile(r"\bprint(?:er)?[- ](?:edition|version|view|friendly)\b", re.I)
#: A markdown heading mark ("# ", "## "), as html2text and pandoc write headings.
MD_HEADING = re.compile(r"^#{1,6}\s+(?=\S)")
_MD_IMAGE_LINE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$")
_CAPTION_KEYS = ("photo", "image", "picture", "video", "pic", "courtesy", "credit", "graphic", "illustration")
_CAPTION_GATE = re.compile("|".join(map(re.escape, _CAPTION_KEYS)))
# A paywall or account prompt: "Subscribe to continue reading", "Already a subscriber? Log in".
_ACCOUNT_PROMPT = re.compile(
    r"^(?:subscribe|already (?:a )?subscriber|log ?in|sign in|sign up|register)\b(?:\W+\w+){0,20}\W*$|"
    r"^(?:try|get) (?:\w+ ){1,2}(?:for free|free for \d+ \w+)$", re.I
)
# An image caption ending in its credit: "... (Photo: J. Doe/Reuters)", "... Photo: J. Doe/AFP".
_CAPTION_END = re.compile(
    r"\((?:photo|image|picture|file photo|video|courtesy|credit)s?\b[^()]{0,80}\)$|"
    # "... (U.S. Army photo by Spc. A. Ruiz)", "... in 2023. FILE PHOTO": the credit closes the caption
    r"\([^()]{0,50}\b(?:photo(?:graph)?|image|picture)s?\s+(?:by|courtesy|credit)\b[^()]{0,60}\)$|"
    r"\bfile (?:photo|picture|image)s?\W*$|"
    r"\b(?:photo(?:graph)?|image|picture|pic|graphic|illustration|infographic)s?(?: credit)?\s*:\s*[^!?]{0,59}[^.!?\s]$|"
    r"\b(?:photo(?:graph)?|pic(?:ture)?)s? (?:by|courtesy(?: of)?)\s[^.!?]{1,60}$|"
    r"\bcredits?\s*:\s*[^.!?]{1,40}$",
    re.I,
)
# A sentence closed by an agency credit: "... off Jeddah. — SPA", "... in 2023. (JMSDF)".
_SENTENCE_THEN_CREDIT = re.compile(r"[^\W_]{2}\.\s+(?:[—–-]\s*[A-Z][\w&./ ]{1,20}|\([A-Z][\w&./ ]{1,30}\))$")
# A short credit: "Source: KUNA, INA", "Photo: Jane Doe/Reuters", "Image credit: AFP".
_CREDIT = re.compile(r"^(?:sources?|photo(?:graph)?s?|image|images|pictures?|credits?|video|image credit|photo credit)\s*:\s*\S.{0,80}$", re.I)
# "14:32 GMT", "09:05 am": a live-blog or page time stamp on its own line.
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}(?:[+-]\d{1,2})?)?$", re.I)
# "Open this article in the app ›", "Full story »": a button or link, not text.
_LINK_ARROW = re.compile(r"\s(?:›|»|→|->|⟶|>>|▶)$|^(?:‹|«|←|◀)\s|(?:\.\.\.|…)\s*read more\W*$", re.I)
# "---------- Quote ----------", "==== Advertisement ====": a marker between blocks.
_MARKER = re.compile(r"^[-=_*~#─━]{3,}\s*(?:\w+\s*){0,3}[-=_*~#─━]{3,}$")
# A comment section starts here; what follows is readers' text, not the article.
COMMENTS_HEADING = re.compile(
    r"^(?:[^\w\s]{1,3}\s*)?(?:\d[\d.,]*[km]?\s+)?(?:comments?|responses?|replies|reader comments|discussion)(?:\s*\(\d+\))?$|"
    r"^(?:leave|post|add|write) a (?:comment|reply|response)$|^join the (?:conversation|discussion)$|"
    r"^\d+ (?:thoughts?|responses?|replies|comments?) (?:on|to)\b.*|"
    # a forum reply's header: "#2 · Reply by reader_1 · 3 likes" (split at its separators)
    r"^(?:#\d+\s+)?(?:reply|answer|response) (?:by|from) \S+$|"
    # a comment thread's sort control: "Sort by: Best ▾", "Sorted by newest"
    r"^sort(?:ed)? by\s*:?\s*(?:best|top|new|newest|old|oldest|most relevant|relevance|popular|controversial)\W*$",
    re.I,
)
# What follows the article's text in a press release, podcast page or report: notes to
# editors, media contacts, credits, and the release's end mark ("ENDS", "– 30 –", "###").
END_MATTER = re.compile(
    r"^(?:notes? (?:to|for) editors?|editors'? notes?|media (?:contacts?|enquiries|inquiries)|"
    r"press contacts?|credits|episode credits|-*\s*ends?\s*-*|[–—-]\s*30\s*[–—-]|#{3})\s*:?$",
    re.I,
)
# Widget lines are short segments joined by a separator: "Share on X · Email",
# "15.10.2024 · 08:47 · 4 min read", "Menu · Gulf · Iraq", "4 comments · Leave a reply".
SEGMENT_SEP = re.compile(r"\s+(?:[·•|▸►]|::)\s+")
# "News / World / Europe", "Staff Writer / Jeddah": a slash separates only short labels
# (a dateline "June 2, 2025 – Ottawa – National Defence / Canadian Armed Forces" is text).
_SLASH_SEP = re.compile(r"\s+/\s+")
# "4 min read", "Listen to this article", "12 comments": reader widgets.
_READER_WIDGET = re.compile(
    r"^(?:\d+\s*(?:min(?:ute)?s?\.?\s+(?:read|reading time)|comments?|shares?|views?)|listen to this (?:article|story)\b.*|"
    r"open in (?:the )?app\b(?:\s+\w+){0,5}|get the app|view (?:this (?:e-?mail|newsletter|digest|issue|message) )?in (?:your |a )?(?:web )?browser|print(?:ed from)?\b.*|"
    r"(?:share|tweet|post) (?:on|to|via) \w+|email|whatsapp|telegram|facebook|linkedin|x|twitter)$",
    re.IGNORECASE,
)
# An e-mail's header lines ("From: A <a@b.example>", "Subject: Fwd: ...") and the attribution
# of a quoted reply ("> On Tue, 10 Jun 2025 at 16:02, A. Writer wrote:").
_MAIL_HEADER = re.compile(r"^(?:from|to|cc|bcc|subject|sent|reply-to)\s*:\s*\S", re.I)
_QUOTE_ATTRIBUTION = re.compile(r"^(?:>\s*)*(?:on\b.{5,160}\bwrote|.{3,80}\bwrote on\b.{5,80}):$", re.I)
# "A. Writer reposted this", "B. Writer likes this": a social feed's activity line.
_SOCIAL_ACTIVITY = re.compile(
    r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}\s+"
    r"(?:reposted|shared|liked|likes|loves|commented on|celebrates|supports|finds) this$"
)
# "👁 12.9K 19:03", "Views: 4,210": a post's view counter, with its time.
_VIEW_COUNTER = re.compile(r"^(?:👁️?|👀|views?\s*:?)\s*\d[\d.,]*\s*[KkMm]?(?:\s+edited)?(?:\s+\d{1,2}:\d{2})?$")
# "Forwarded from Harbour Newsroom": a messaging channel's forward header.
_FORWARDED_FROM = re.compile(r"^(?:forwarded|reposted|shared) from\s+\S.{0,60}$", re.I)
# "The report is available at example.org/reports.": a pointer to a document, not text.
_AVAILABLE_AT = re.compile(
    r"^(?:the )?(?:full )?(?:report|text|statement|document|transcript|study|paper|speech|release|recording)s?"
    r" (?:is|are|will be) available (?:at|on|from)\s+\S+\W*$", re.I
)


def _letter_spaced(line: str) -> bool:
    """"S T E P P E   N E W S W I R E": a letterhead spaced out letter by letter."""
    if line[1:2] != " " or line[2:3] == " ":
        return False  # cheap gate: the first letter stands alone
    tokens = line.split()
    return len(tokens) >= 6 and sum(len(t) == 1 for t in tokens) >= 0.7 * len(tokens)


# "By Pacific affairs reporter Mele Havili", "By our defence correspondent": a byline with a role.
_BY_ROLE = re.compile(r"^(?:By|BY)\s+(?:[\w.'’-]+\s+){0,8}[\w.'’-]+$")
# The whole line is a teaser-list label: "Related stories", "More from Gulf Desk",
# "MOST READ IN POLITICS", "Trending now", "Key points". Anchored at both ends so that a
# sentence that merely starts with "Other" or "More" is never one.
TEASER_HEADING = re.compile(
    r"^(?:(?:related|featured|latest|top|popular|trending|recommended|recent|other|more|also)"
    r"(?:\s+[\w-]+)?(?:\s+(?:in|from|on)\b.*)?|"
    r"you (?:may|might) also like|read (?:more|also|next)|see also|also read|"
    r"most (?:read|viewed|popular|shared|watched)(?:\s+(?:in|on|from)\b.*)?|"
    r"quick read|key (?:points|takeaways|facts)|highlights|in brief|at a glance|summary)\s*:?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=16384)
def word_count(line: str) -> int:
    """Words in a line, split on white space."""
    return len(line.split())


@lru_cache(maxsize=16384)
def is_paragraph(line: str) -> bool:
    """A line that reads as running prose."""
    words = word_count(line)
    if _TABLE_ROW.match(line) or MD_HEADING.match(line) or is_furniture(line):
        return False  # a markdown heading ("# Title", "## Background") is a heading however long
    if words >= 16:
        return True
    return words >= 8 and bool(SENTENCE_END.search(line)) and not line.endswith("...")


def is_structured(line: str) -> bool:
    """A list item or table row: part of the body when attached to prose."""
    return bool(LIST_ITEM.match(line) or _TABLE_ROW.match(line) or TABLE_RULE.match(line))


# lynx -dump link markers: "[26]Read more ...", "[27]Brazil [28]France".
_LYNX_LINK = re.compile(r"^\[\d{1,4}\]\S")
_LYNX_MARK = re.compile(r"\[\d{1,4}\]")
# "Posted 3h ago", "updated 1 hour ago": a relative time stamp.
_RELATIVE_TIME = re.compile(r"\b\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)\s+ago(?![a-z])", re.I)
def _is_link_list(line: str) -> bool:
    marks = len(_LYNX_MARK.findall(line))
    return marks >= 2 and word_count(line) <= 3 * marks


_SHARE_WORDS = frozenset(
    "share shares tweet post email e-mail mail print copy link links facebook x twitter whatsapp telegram "
    "linkedin reddit messenger pinterest flipboard bluesky threads save bookmark comment comments sms "
    "upvote downvote vote votes award repost reposts restack restacks reply replies like likes send".split()
)
# "1.2k", "214", "12K": a counter beside a button ("▲ 1.2k ▼ 💬 214 comments ↗ Share").
_COUNT = re.compile(r"^\d+(?:k|m)?$")
_WORDS = re.compile(r"[\w-]+")
_DIGIT = re.compile(r"\d")


def _is_share_bar(line: str) -> bool:
    """"Share Facebook X WhatsApp Copy link": a row of sharing buttons with no separators."""
    words = _WORDS.findall(line.lower())
    if len(words) > 16:
        return False
    if _DIGIT.search(line):
        words = [w for w in words if not _COUNT.match(w)]
    if not 2 <= len(words) <= 10:
        return False
    if words[0] in _SHARE_WORDS and all(w in _SHARE_WORDS or len(w) <= 2 for w in words):
        return True  # "Share f 𝕏 in ✆": icon buttons scraped as one- and two-letter tokens
    return sum(w in _SHARE_WORDS for w in words) >= max(2, 2 * len(words) // 3)


def is_widget_line(line: str) -> bool:
    """Short segments joined by separators, none of them a sentence: a menu, share bar or meta line."""
    if _TABLE_ROW.match(line) or LIST_ITEM.match(line):
        return False
    slash = [p for p in _SLASH_SEP.split(line) if p]
    if len(slash) >= 2 and all(word_count(p) <= 3 for p in slash) and not SEGMENT_SEP.search(line):
        return True
    parts = [p for p in SEGMENT_SEP.split(line) if p]
    if len(parts) < 2:
        return False
    if line.rstrip("\"'”’)").endswith((".", "!", "?")) and any(word_count(p) > 8 for p in parts):
        return False  # a sentence that happens to contain a separator
    return not any(word_count(p) >= 8 and SENTENCE_END.search(p) for p in parts)


def _plain(line: str) -> str:
    """The line without markdown emphasis and with link texts for links (html2text output)."""
    if "*" in line or "](" in line or "__" in line:
        line = _MD_LINK.sub(r"\1", line).replace("**", "").replace("__", "").strip()
    if line[:1] in ("*", "_") and len(line) > 2:
        if line[-1] == line[0]:
            line = line[1:-1].strip()  # "_A caption. Graphic: Desk_": one emphasis around the line
        line = _MD_EMPHASIS_LABEL.sub(r"\1", line)  # "*⚡ ALSO:* Ministers meet"
    return line


_MD_EMPHASIS_LABEL = re.compile(r"^[*_]([^*_]{1,30}:)[*_](?=\s)")


# A row opening on an empty cell that never closes: a neighbouring column cut off by a clipping.
_EMPTY_CELL_START = re.compile(r"^\|\s*\|(?!.*\|\s*$)")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


@lru_cache(maxsize=16384)
def is_furniture(line: str) -> bool:
    """Page furniture that no length of line turns into prose."""
    if _TABLE_ROW.match(line) or TABLE_RULE.match(line):
        return False
    if _MD_IMAGE_LINE.match(line):  # "![caption](/img/x.jpg)": an image, whatever its caption says
        return True
    if _EMPTY_CELL_START.match(line):
        return True  # "| | CLASSIFIEDS | TENDER NOTICE: ...": a neighbouring column or box, cut off
    line = _plain(line)
    lower = line.lower()
    return bool(
        _FURNITURE_START.match(line)
        or (word_count(line) <= 8 and _PRINT_VIEW.search(line) is not None)
        # Substring gates first: the searches scan the whole line and most lines have none of these words.
        or _furniture_anywhere(line, lower)
        or _ACCOUNT_PROMPT.match(line)
        or (word_count(line) <= 15 and "©" in line)
        or (word_count(line) <= 25 and ("terms of" in lower or "privacy" in lower or "policy" in lower)
            and bool(_SMALL_PRINT.search(line)))
        or (_CAPTION_GATE.search(lower) is not None and _CAPTION_END.search(line))
        or (word_count(line) <= 40 and _SENTENCE_THEN_CREDIT.search(line))
        or is_widget_line(line)
        or _TICKER.match(line)
        or _letter_spaced(line)
        or (((":" in line[:12] and _MAIL_HEADER.match(line) is not None)
             or ("wrote" in lower and _QUOTE_ATTRIBUTION.match(line) is not None)) and word_count(line) <= 30)
    )


@lru_cache(maxsize=16384)
def is_junk(line: str) -> bool:
    """A line that is page furniture wherever it stands."""
    if _TABLE_ROW.match(line) or TABLE_RULE.match(line):
        return False
    if _MD_IMAGE_LINE.match(line):
        return True
    line = _plain(line)
    return bool(
        is_furniture(line)
        or (word_count(line) <= 12 and bool(_CREDIT.match(line)))
        or _READER_WIDGET.match(line)
        or _BOILERPLATE.match(line)
        or is_byline(line)
        or (word_count(line) <= 10 and bool(_BY_ROLE.match(line)) and not SENTENCE_END.search(line))
        or _DOMAIN.match(line)
        or _WEATHER.match(line)
        or _CLOCK.match(line)
        or _LINK_ARROW.search(line)
        or (word_count(line) <= 15 and bool(_LYNX_LINK.match(line)))
        or ("[" in line and _is_link_list(line))
        or (word_count(line) <= 12 and bool(_RELATIVE_TIME.search(line)))
        or _is_share_bar(line)
        or _MARKER.match(line)
        or (word_count(line) <= 12 and bool((line.endswith(" this") and _SOCIAL_ACTIVITY.match(line))
                                             or _VIEW_COUNTER.match(line) or _FORWARDED_FROM.match(line)
                                             or (" available " in line and _AVAILABLE_AT.match(line))))
        or _NAV_SEPARATORS.search(line)
        or re.fullmatch(r"[\W\d_]+", line)
        or is_date_line(line)
    )


def is_byline(line: str) -> bool:
    """"By Jane Doe", "Story by Staff Sgt. John Roe | Reuters": who wrote the article."""
    line = _plain(line)
    return word_count(line) <= 12 and bool(_BYLINE.match(line))


def _starts_with_date(line: str) -> bool:
    d = _LEADING_DATE.match(line)
    return bool(d and parse_date(d.group(0)))


_LEADING_DATE = re.compile(r"^(?:\w+\.?,?\s+){1,3}(?:19|20)\d{2}\b|^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")


def is_headline(line: str) -> bool:
    line = MD_HEADING.sub("", line)
    words = word_count(line)
    return (
        3 <= words <= 30
        and len(line) <= 250
        and not is_junk(line)
        and not is_structured(line)
        and not line.endswith((".", "...", "…", ","))
        and (line.lstrip("“\"‘'«")[:1].isupper() or line[:1].isdigit())  # "“A quote”: a headline"
        and not _starts_with_date(line)
        and not (words <= 10 and parse_date(line) is not None)  # "Publicerat tisdag 3 juni 2025"
    )


