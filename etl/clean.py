"""Separate the article from the page clutter around it, and find its headline.

Each line is classified by `furniture.py`; this module decides on the page as a whole: the
article body is the span from the first to the last prose line (hard-wrapped paragraphs
included), teaser lists, framed boxes and comment sections are dropped as blocks (never more
than half of the page's prose), and inside the body furniture, running headers, runs of short
lines, pull quotes and a closing author box are dropped. The headline is the headline-like line
above the body: five words or more, repeated by the page, nearest the body.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from accords.etl.furniture import (
    COMMENTS_HEADING,
    END_MATTER,
    LIST_ITEM,
    MD_HEADING,
    SEGMENT_SEP,
    SENTENCE_END,
    TABLE_RULE,
    TEASER_HEADING,
    is_byline,
    is_furniture,
    is_headline,
    is_junk,
    is_paragraph,
    is_structured,
    is_widget_line,
    word_count,
)


@dataclass(frozen=True)
class Cleaned:
    """The article body with its headline, and what was dropped."""

    text: str
    title: str | None
    #: Lines above the body, then lines dropped between the body's first two paragraphs (a
    #: byline with its date under the standfirst): where page dates live.
    header_lines: tuple[str, ...]
    boilerplate_chars: int
    dropped: tuple[str, ...] = field(default=(), repr=False)


def _drop_comment_section(lines: list[str], keep: list[bool], prose: list[bool]) -> None:
    """Everything from a comments heading that follows prose to the end of the page is readers' text.

    So is what follows an end-matter heading ("Notes to editors", "Credits", "ENDS").
    """
    prose_before = 0  # a comment count in a share bar above the article must not cut it
    for i, ln in enumerate(lines):
        if not ln:
            continue
        if prose_before >= 3 and (COMMENTS_HEADING.match(ln) or END_MATTER.match(ln) or (is_widget_line(ln) and any(
                COMMENTS_HEADING.match(p) for p in SEGMENT_SEP.split(ln)))):
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
    return j >= 0 and keep[j] and is_headline(lines[j]) and word_count(lines[j]) >= HEADLINE_MIN_WORDS


def _is_long_headline(line: str) -> bool:
    return is_headline(line) and not SENTENCE_END.search(line) and not line.endswith(("...", "…"))


#: A numbered or bulleted line of at most this many words under a teaser label is one more
#: teaser, whatever its punctuation; a longer one is the article's own list.
TEASER_ITEM_WORDS = 25
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
    if not (line.isupper() and 1 <= word_count(line) <= 5 and not line.endswith(":")):
        return False
    items = [ln for ln in lines[i + 1 : i + 6] if ln][:2]
    return len(items) == 2 and all(
        not SENTENCE_END.search(ln) and (LIST_ITEM.match(ln) or (in_body and not is_paragraph(ln)))
        for ln in items
    )


def _menu_item(lines: list[str], i: int, first_prose: int) -> bool:
    """"Copy link / Facebook / Email / More" above the article: a one-word label in a run of
    buttons is a menu item, not a teaser list's heading (which would take the headline with it)."""
    if i >= first_prose or word_count(lines[i]) > 1 or i == 0 or not lines[i - 1]:
        return False
    return is_junk(lines[i - 1])


def _drop_teaser_blocks(lines: list[str], keep: list[bool], prose: list[bool]) -> None:
    """A 'Related stories'-like heading and the short lines after it are clutter."""
    first_prose = next((k for k in range(len(lines)) if prose[k]), len(lines))
    i = 0
    while i < len(lines):
        is_heading = bool(lines[i]) and bool(
            TEASER_HEADING.match(lines[i]) or _is_caps_list_heading(lines, i, i > first_prose)
        )
        if keep[i] and is_heading and not is_paragraph(lines[i]) and not _menu_item(lines, i, first_prose):
            keep[i] = False
            j = i + 1
            if i < first_prose and not TEASER_HEADING.match(lines[i]):
                # A site name over its menu: the menu ends the block, and the headline
                # that may follow it before any prose is the page's, not the menu's.
                while j < len(lines) and (not lines[j] or LIST_ITEM.match(lines[j])):
                    keep[j] = False
                    j += 1
                i = j
                continue
            # Stop at prose: a sentence, or a piece of a hard-wrapped paragraph (which
            # need not end like one). A short numbered or bulleted item is still a teaser
            # even when it ends like a sentence ("2. What is next for the treaty?").
            while j < len(lines) and not (prose[j] and (SENTENCE_END.search(lines[j]) or not is_paragraph(lines[j]))
                                          and not lines[j].endswith(("...", "…"))
                                          and not (LIST_ITEM.match(lines[j]) and word_count(lines[j]) <= TEASER_ITEM_WORDS)):
                keep[j] = False
                j += 1
            i = j
        else:
            i += 1


# "---------- Forwarded message ---------", "-----Original Message-----", "Begin forwarded message:".
_FORWARD_MARK = re.compile(
    r"^-{2,}\s*(?:forwarded message|original message)\s*-{2,}$|^begin forwarded message:?$", re.I
)
_QUOTE_ATTRIBUTION = re.compile(r"^(?:>\s*)*(?:on\b.{5,160}\bwrote|.{3,80}\bwrote on\b.{5,80}):$", re.I)


def _forwarded_start(lines: list[str], keep: list[bool]) -> int:
    """A forwarded e-mail: the forwarder's note and the replies above the forward mark are not
    the forwarded text. Returns the index of the first line after the mark (0 if none)."""
    for i, ln in enumerate(lines):
        if ln[:1] in "-Bb" and _FORWARD_MARK.match(ln):
            if not any(is_paragraph(x) for x in lines[i + 1 :] if x):
                return 0
            for j in range(i + 1):
                keep[j] = False
            return i + 1
    return 0


def _drop_quoted_replies(lines: list[str], keep: list[bool]) -> None:
    """"> On Tue, ... wrote:" and the '>'-quoted lines under it: an earlier e-mail, quoted."""
    i = 0
    while i < len(lines):
        if "wrote" in lines[i] and _QUOTE_ATTRIBUTION.match(lines[i]):
            keep[i] = False
            j = i + 1
            while j < len(lines) and (not lines[j] or lines[j].startswith(">")):
                keep[j] = False
                j += 1
            i = j
        else:
            i += 1


_TRANSLATION_ORIGINAL = re.compile(r"^original(?: text)?:?$", re.I)
_TRANSLATION_PROMPT = re.compile(r"\b(?:contribute|suggest) a better translation\b|\brate this translation\b", re.I)


def _drop_translation_popups(lines: list[str], keep: list[bool]) -> None:
    """A translated page's pop-up: "Original text", the source-language sentence, "Contribute a better translation"."""
    for i, ln in enumerate(lines):
        if ln[:1] in "Oo" and _TRANSLATION_ORIGINAL.match(ln):
            nxt = [k for k in range(i + 1, min(len(lines), i + 8)) if lines[k]][:4]
            end = next((k for k in nxt if _TRANSLATION_PROMPT.search(lines[k])), None)
            if end is not None:
                for k in range(i, end + 1):
                    keep[k] = False


# "1 | TOP STORY", "2 | SERBIA'S RIVER POLICE GET NEW BOATS": a digest's numbered item labels.
_DIGEST_LABEL = re.compile(r"^(\d{1,2})\s*[|·•]\s*([^a-z]{3,})$")


def _drop_later_digest_items(lines: list[str], keep: list[bool], prose: list[bool]) -> None:
    """A newsletter digest whose first item is the article: items 2, 3 ... are other stories."""
    first_prose = next((k for k in range(len(lines)) if prose[k] and keep[k]), None)
    if first_prose is None:
        return
    labels = [(i, int(m.group(1))) for i, ln in enumerate(lines) if ln[:1].isdigit() and (m := _DIGEST_LABEL.match(ln))]
    if not any(n == 1 and i < first_prose for i, n in labels):
        return
    second = next((i for i, n in labels if n == 2 and i > first_prose), None)
    if second is not None:
        for k in range(second, len(lines)):
            keep[k] = False


def _is_lead_in(lines: list[str], prose: list[bool], i: int) -> bool:
    """"Site is paywalled so here is the full text:" above a headline and its article: a
    reposter's lead-in, not the article's first paragraph."""
    if not lines[i].endswith(":") or word_count(lines[i]) > 25:
        return False
    # "---- Quote ----" markers between are skipped
    nxt = [k for k in range(i + 1, min(len(lines), i + 8)) if lines[k] and not (is_junk(lines[k]) and not prose[k])][:2]
    return len(nxt) == 2 and not prose[nxt[0]] and is_headline(lines[nxt[0]]) and prose[nxt[1]]


_SECTION_NUMBER = re.compile(r"^(\d{1,2})[.)]\s+\S")


def _first_section_heading(lines: list[str], keep: list[bool], start: int, end: int) -> int:
    """"1. Key development" just above the first paragraph, with "2. ..." inside the body: the
    first of the document's numbered section headings belongs to the body."""
    j = start - 1
    while j >= 0 and not lines[j]:
        j -= 1
    if j < 0 or not keep[j] or word_count(lines[j]) > 8 or SENTENCE_END.search(lines[j]):
        return start
    m = _SECTION_NUMBER.match(lines[j])
    if not m or m.group(1) != "1":
        return start
    second = any((m2 := _SECTION_NUMBER.match(lines[k])) and m2.group(1) == "2" and word_count(lines[k]) <= 8
                 for k in range(start, end + 1) if lines[k] and keep[k])
    return j if second else start


def clean(text: str) -> Cleaned:
    """Split normalised ``text`` into headline, body and dropped clutter."""
    lines = text.split("\n")
    n = len(lines)
    keep = [True] * n
    _drop_framed_boxes(lines, keep)
    # A page's running header/footer repeats, the page number in it changing.
    keys = [_page_key(ln) for ln in lines]
    occurrences = Counter(keys)
    wrapped = _wrapped_prose(lines, [bool(ln) and occurrences[k] > 1 for ln, k in zip(lines, keys, strict=True)])
    is_prose = [bool(ln) and (i in wrapped or is_paragraph(ln)) for i, ln in enumerate(lines)]
    fwd = _forwarded_start(lines, keep)
    _drop_quoted_replies(lines, keep)
    _drop_translation_popups(lines, keep)
    _drop_teaser_blocks(lines, keep, is_prose)
    _drop_later_digest_items(lines, keep, is_prose)
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
        lead_in = next((k for k in range(min(3, len(paras) - 1)) if _is_lead_in(lines, is_prose, paras[k])), None)
        if lead_in is not None:
            paras = paras[lead_in + 1 :]
        start, end = paras[0], paras[-1]
        start = _first_section_heading(lines, keep, start, end)
        while end + 1 < n and (not lines[end + 1] or is_structured(lines[end + 1])) and keep[end + 1]:
            end += 1
    header = [ln for ln in lines[fwd:start] if ln]  # a forwarded e-mail's dates are below its mark

    title: str | None = None
    found = [i for i, ln in enumerate(lines[:start]) if ln and keep[i] and is_headline(ln)]
    if found:
        candidates = [lines[i] for i in found]
        counts = {c: sum(1 for h in header if h == c or h.endswith(c) or h.startswith(c)) for c in candidates}
        # The line under a byline is the author's unit or desk ("Story by Sgt. J. Roe" /
        # "Southern European Task Force, Africa"); a headline comes before the byline.
        after_byline = {lines[i] for i in found if _after_byline(lines, i)}
        # A headline has a few words (section labels and site names have one to four), is
        # often repeated (page title + h1, breadcrumb tail), and sits just above the body.
        title = max(
            reversed(candidates),
            key=lambda c: (word_count(c) >= HEADLINE_MIN_WORDS, c not in after_byline, counts[c]),
        )
        title = MD_HEADING.sub("", title)  # "# Headline" from a markdown page

    if title is None and paras and len(paras) > 1 and _is_question_headline(lines[start]):
        # A post with nothing headline-like above it, opening on a short question on its own
        # line ("The cable is almost here. Who guards it once it lands?"): that is its headline.
        title = lines[start]

    body: list[str] = []
    seen: set[str] = set()
    dropped: list[str] = []
    marked: list[str | None] = []
    paragraphs_kept = 0
    for i in range(start, end + 1):
        ln = lines[i]
        if not ln:
            body.append("")
            marked.append("")
            continue
        repeated = ln in seen and not TABLE_RULE.match(ln)
        running_head = occurrences[keys[i]] > 1 and not is_prose[i] and not is_structured(ln)
        same_as_title = title is not None and ln.casefold() == title.casefold()
        if not keep[i] or repeated or running_head or (is_junk(ln) and not is_prose[i]) or same_as_title:
            dropped.append(ln)
            marked.append(None)  # a dropped line still counts in a run of short lines
            if paragraphs_kept < 2:
                header.append(ln)
            continue
        paragraphs_kept += is_prose[i]
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


_PAGE_NUMBER = re.compile(r"^\d{1,3}\s+(?=\S)|(?<=\S)\s+\d{1,3}$")


def _page_key(line: str) -> str:
    """The line without a page number at either end ("9 THE DAILY POST, FRIDAY, MARCH 14, 2025")."""
    return _PAGE_NUMBER.sub("", line) if line[-1:].isdigit() or line[:1].isdigit() else line


# "Jane Doe is a journalist in Oslo who covers ...", "A. Writer covers defence for ...":
# the author box that closes many articles.
_NAME = r"[A-Z\u00c0-\u024f][\w'’.-]*"
_AUTHOR_BIO = re.compile(
    rf"^{_NAME}(?:\s(?:{_NAME}|de|da|van|von|al|bin|af|la|le|del)){{1,4}}\s(?:"
    r"is (?:an?|the)\s(?:[\w-]+\s){0,5}(?i:journalist|correspondent|reporter|editor|writer|columnist|analyst|"
    r"contributor|freelancer|photographer|producer|blogger|fellow|researcher|scholar|lecturer|professor)\b|"
    r"covers\b|writes (?:about|on|for)\b|reports (?:on|from|for)\b)"
)


#: A post's opening question is its headline only when it is at most this long.
QUESTION_HEADLINE_WORDS = 16


def _is_question_headline(line: str) -> bool:
    return line.endswith(("?", "!")) and word_count(line) <= QUESTION_HEADLINE_WORDS and is_headline(line)


def _after_byline(lines: list[str], i: int) -> bool:
    prev = next((ln for ln in reversed(lines[:i]) if ln), "")
    return is_byline(prev)


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


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = _letters(text).split()
    return {tuple(words[k : k + 3]) for k in range(len(words) - 2)}


def _drop_pull_quotes(body: list[str], dropped: list[str]) -> list[str]:
    """A short quoted line that repeats a sentence of the article is a pull quote."""
    out: list[str] = []
    line_grams: list[set[tuple[str, ...]]] | None = None  # every line's, on the first quote only
    for i, ln in enumerate(body):
        if ln and ln[:1] in "“\"‘'«" and word_count(ln) <= 40:
            quote = re.split(r"\s[—–-]\s", ln)[0]
            grams = _trigrams(quote)
            if line_grams is None:
                line_grams = [_trigrams(x) if x else set() for x in body]
            # Pull quotes are often trimmed or re-worded at the edges, so most of the
            # quote's word trigrams in one other line is enough.
            if len(_letters(quote).split()) >= 5 and any(
                len(grams & other) >= 0.6 * len(grams) for j, other in enumerate(line_grams) if j != i
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
#: A sentence ending inside a line: a lower-case word or a number, a stop, a capitalised word.
_STOP_INSIDE = re.compile(r"[a-z0-9][.!?][”’\"]?\s+[A-Z“\"]")


_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for with from and or but as that which who whose its their his her "
    "our this these those than into over under between after before during against".split()
)


def _ends_open(line: str) -> bool:
    """The line stops mid-sentence: on a comma or a function word."""
    last = line.rsplit(None, 1)[-1] if line.strip() else ""
    return last.endswith((",", ";")) or last.lower() in _FUNCTION_WORDS


_NAME_LINK_WORDS = frozenset("of for and the de del da la le von van al on in".split())


def _name_wont_fit(line: str, nxt: str, widest: int) -> bool:
    """The capitalised name opening ``nxt`` would not have fitted after ``line``."""
    words = nxt.split()
    k = 0
    while k < len(words) and (words[k][:1].isupper() or words[k][:1] == "(" or words[k] in _NAME_LINK_WORDS):
        k += 1
    while k and words[k - 1] in _NAME_LINK_WORDS:
        k -= 1
    name = " ".join(words[:k])
    return k >= 3 and len(line) + 1 + len(name) > WRAP_SLACK * widest


def _wrapped_prose(lines: list[str], repeated: list[bool] | None = None) -> set[int]:
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
    # A line the page repeats is a running header or footer, never a piece of a paragraph.
    if repeated is None:
        keys = [_page_key(ln) for ln in lines]
        counts = Counter(keys)
        repeated = [bool(ln) and counts[k] > 1 for ln, k in zip(lines, keys, strict=True)]
    for i in range(n + 1):
        ln = lines[i] if i < n else ""
        if ln and not (is_structured(ln) or is_furniture(ln) or (is_junk(ln) and word_count(ln) <= 4)
                       or repeated[i]):
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
        # A short line inside the paragraph is a wrap before a link or a long name (lynx puts
        # a link on a new line): it then ends on a function word or a comma ("... within the").
        # ... or before a long name the wrapper kept whole ("Scientists at Argentina's" /
        # "National Institute for Fisheries Research and Development (INIDEP) in").
        fits = fitted >= WRAP_FITTED * len(pairs) and all(
            len(t) >= widest / 2 or (not t.isupper() and (_ends_open(t) or _name_wont_fit(t, nxt, widest)))
            for t, nxt in pairs)  # not "MORE LIKE THIS"
        words = sum(word_count(t) for t in texts)
        ends = bool(SENTENCE_END.search(texts[-1]))
        # A wrap cuts sentences anywhere, so continuation lines often start in lower case;
        # a list of teaser headlines starts every line with a capital.
        lower = sum(t[:1].islower() for t in texts[1:]) / (len(texts) - 1)
        # ... and often ends a line on a comma or a function word ("of", "the", "and").
        open_ends = sum(_ends_open(t) for t in texts[:-1]) / (len(texts) - 1)
        # ... or a sentence ends inside a line ("... in 2021. Egyptian officials"), which a
        # headline never does.
        stops_inside = ends and any(_STOP_INSIDE.search(t) for t in texts)
        reads_on = stops_inside or lower >= WRAP_LOWER_SHARE or open_ends >= WRAP_LOWER_SHARE or (
            len(run) == 2 and ends and not SENTENCE_END.search(texts[0])
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
