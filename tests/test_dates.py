"""Publication dates: datelines, date lines, page headers; never invented."""

from __future__ import annotations

import datetime as dt

import pytest
from accords.etl.dates import is_date_line, parse_date, publication_date

D = dt.date


@pytest.mark.parametrize(
    ("s", "date"),
    [
        ("March 29, 2021", D(2021, 3, 29)),
        ("30 April 2023", D(2023, 4, 30)),
        ("2023-04-30", D(2023, 4, 30)),
        ("Sunday 30 April 2023 - 21:33", D(2023, 4, 30)),
        ("Aug. 18, 2023", D(2023, 8, 18)),
        ("7 de marzo de 2024", D(2024, 3, 7)),
        ("18 avril 2024", D(2024, 4, 18)),
        ("1er mars 2024", D(2024, 3, 1)),
        ("February 30, 2024", None),
        ("15.10.2024 · 08:47", D(2024, 10, 15)),  # dotted numeric dates are day-first
        ("05.06.2024", D(2024, 6, 5)),  # ambiguous dotted: day-first
        ("Posted: 05.14.2025 | ID: 4821", D(2025, 5, 14)),  # 14 cannot be a month: month-first
        ("2025.13.05", None),  # year-first never swaps
        ("23/11/2025", D(2025, 11, 23)),  # 23 cannot be a month
        ("11/23/2025", D(2025, 11, 23)),
        ("3/11/2025", None),  # 3 November or March 11: undecidable, so no date
        ("in 2024 and May", None),
    ],
)
def test_parse_date(s: str, date: dt.date | None) -> None:
    assert parse_date(s) == date


@pytest.mark.parametrize(
    "line",
    ["Published: 12 March 2024", "May 3, 2024 9:41 AM GMT+3 Updated 2 hours ago", "Publié le 18 avril 2024 à 10h12"],
)
def test_date_lines(line: str) -> None:
    assert is_date_line(line)


@pytest.mark.parametrize(
    ("header", "body", "expected"),
    [
        ([], "ISLAMABAD, June 12 (Reuters) - Talks began.", (None, None)),  # no year anywhere: null
        (["June 12, 2024"], "ISLAMABAD, June 12 (Reuters) - Talks began.", (D(2024, 6, 12), "dateline")),
        (["Jan 1, 2025"], "DELHI, Dec 31 (Reuters) - Talks began.", (D(2024, 12, 31), "dateline")),
        (["March 3, 2020"], "DELHI, Dec 31 (Reuters) - Talks began.", (None, None)),  # far away: not its year
        ([], "CHIȘINĂU, 21 May 2024 — Moldova launched a plan.", (D(2024, 5, 21), "dateline")),
        ([], "Islamabad, 27 November 2024: Talks ended.", (D(2024, 11, 27), "dateline")),
        ([], "ATHENS (June 13, 2024) — Talks ended.", (D(2024, 6, 13), "dateline")),
        ([], "La Paz, 20 May 2025. The ministry said.", (D(2025, 5, 20), "dateline")),
        ([], "La Paz, the capital. The ministry said on 20 May 2025.", (None, None)),
        (["15.10.2024 · 08:47 · 4 min read"], "Talks.", (D(2024, 10, 15), "page_header")),
        (["HARBOUR BRIEF — Issue 112 — Thursday 13 March 2025"], "Talks.", (D(2025, 3, 13), "page_header")),
        (["Published: 12 March 2024"], "ABUJA — Talks.", (D(2024, 3, 12), "date_line")),
        (["By Newsroom Staff | September 18, 2024"], "FOZ — Talks.", (D(2024, 9, 18), "page_header")),
        (["Sunday 30 April 2023 - 21:33", "21°C"], "Talks.", (None, None)),  # weather widget's today
        ([], "Talks. The summit on March 29, 2021 ended.", (None, None)),  # body dates are events
    ],
)
def test_publication_date(header: list[str], body: str, expected: tuple[dt.date | None, str | None]) -> None:
    assert publication_date(header, body) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["Monday, 3/11/2025, 10:47 (Bucharest time)"], D(2025, 11, 3)),  # 3 Nov 2025 is a Monday
        (["Published 03/12/2025 9:41 PM ET | Last modified 03/13/2025 6:05 AM ET"], D(2025, 3, 12)),
        (["Published 03/12/2025 9:41 PM ET"], None),  # nothing on the page says which order
        (["Updated 23/11/2025", "Published 03/11/2025"], D(2025, 11, 3)),  # the page writes day first
    ],
)
def test_slashed_dates_read_by_weekday_or_by_the_page(header: list[str], expected: dt.date | None) -> None:
    assert publication_date(header, "Talks.")[0] == expected


def test_a_save_or_print_date_is_not_the_articles_date() -> None:
    header = ["Saved on 4 October 2025 at 21:14 · Reader view", "Harbour Review · A. Writer · 29 September 2025"]
    assert publication_date(header, "The navy said on Tuesday ...") == (dt.date(2025, 9, 29), "page_header")
    assert publication_date(["Printed on 5 May 2025"], "The navy said on Tuesday ...") == (None, None)
