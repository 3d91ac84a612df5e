"""Tests for pipeline.core.dates: forms, offsets, negatives, anchors, windows and properties."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.core.dates import DateMention, find_dates, latest_explicit_date, parse_date
from pipeline.core.dates import _find as find_internal
from pipeline.core.dates import _parse_anchor as parse_anchor

ANCHOR = "2020-08-20"


def spans(text: str, anchor: str | None = None) -> list[tuple[str, str, str]]:
    """(expression, value, precision) for every mention, read back through the offsets."""
    return [(text[m.start : m.end], m.value, m.precision) for m in find_dates(text, anchor=anchor)]


# ------------------------------------------------------------------------------------------
# Forms that must be read, with the exact expression the offsets point at
# ------------------------------------------------------------------------------------------

DAY_FORMS = [
    ("It opened on 24 April 2024 in Beijing.", "24 April 2024", "2024-04-24"),
    ("It opened on 24th April 2024.", "24th April 2024", "2024-04-24"),
    ("It opened on the 1st of June 2024.", "1st of June 2024", "2024-06-01"),
    ("It opened on 24 April, 2024.", "24 April, 2024", "2024-04-24"),
    ("It opened on April 24, 2024, in Beijing.", "April 24, 2024", "2024-04-24"),
    ("It opened on April 24th, 2024.", "April 24th, 2024", "2024-04-24"),
    ("It opened on Apr. 24 2024.", "Apr. 24 2024", "2024-04-24"),
    ("Shanghai, east China, Nov. 4, 2024. The SMILE mission", "Nov. 4, 2024", "2024-11-04"),
    ("signed on Sept. 3, 2019 in Moscow", "Sept. 3, 2019", "2019-09-03"),
    ("signed on Sept 3 2019 in Moscow", "Sept 3 2019", "2019-09-03"),
    ("signed on sep. 3, 2019", "sep. 3, 2019", "2019-09-03"),
    ("SIGNED ON 3 SEPTEMBER 2019", "3 SEPTEMBER 2019", "2019-09-03"),
    ("Thursday, Aug. 20, 2020", "Aug. 20, 2020", "2020-08-20"),
    ("The July 7, 2025 inauguration of IDSEA", "July 7, 2025", "2025-07-07"),
    ("in New York, May 6, 2024. (Photo/Xinhua)", "May 6, 2024", "2024-05-06"),
    ("released 2024-04-24 by CNSA", "2024-04-24", "2024-04-24"),
    ("timestamp 2024-04-24T12:30:00Z", "2024-04-24", "2024-04-24"),
    ("accessed: 2024/08/23", "2024/08/23", "2024-08-23"),
    ("dated 2024.04.24 in the archive", "2024.04.24", "2024-04-24"),
    ("dated 24.04.2024 in the archive", "24.04.2024", "2024-04-24"),
    ("dated 24/04/2024 in the archive", "24/04/2024", "2024-04-24"),
    ("dated 04/24/2024 in the archive", "04/24/2024", "2024-04-24"),
    ("dated 24-04-2024 in the archive", "24-04-2024", "2024-04-24"),
    ("dated 05/05/2024 in the archive", "05/05/2024", "2024-05-05"),
    ("INSIGHTS No. 309 | 11 June 2024.", "11 June 2024", "2024-06-11"),
    ("The Weekly Standard, 1 June 1998.", "1 June 1998", "1998-06-01"),
    ("on 29 February 2024", "29 February 2024", "2024-02-29"),
    ("accessed (2024/08/23)", "2024/08/23", "2024-08-23"),
]


DAY_FORMS += [
    ("29.X.2008 ..... VENESAT-1 lifts off", "29.X.2008", "2008-10-29"),
    ("on 1.XI.2018 the republic", "1.XI.2018", "2018-11-01"),
]


@pytest.mark.parametrize(("text", "expression", "value"), DAY_FORMS)
def test_day_precision_forms(text: str, expression: str, value: str) -> None:
    assert spans(text) == [(expression, value, "day")]


MONTH_FORMS = [
    ("In March 2021, China and Russia signed", "March 2021", "2021-03"),
    ("in March of 2021 the two sides", "March of 2021", "2021-03"),
    ("the agreement since October 2021).", "October 2021", "2021-10"),
    ("scheduled for Sept. 2021 or later", "Sept. 2021", "2021-09"),
    ("in May, 2024 the visit", "May, 2024", "2024-05"),
    ("the 2021-03 release", "2021-03", "2021-03"),
    ("ISO month 2011-12 is December", "2011-12", "2011-12"),
    ("held July 7–9, 2025 in Hefei", "July 7–9, 2025", "2025-07"),
    ("held 7-9 July 2025 in Hefei", "7-9 July 2025", "2025-07"),
    ("on 31 April 2024 (sic)", "31 April 2024", "2024-04"),
    ("on 29 February 2023 (sic)", "29 February 2023", "2023-02"),
    ("in mid-March 2021 the crew", "March 2021", "2021-03"),
    ("V.2018 ..... Trinidad and Tobago signs", "V.2018", "2018-05"),  # Roman-numeral month
]


@pytest.mark.parametrize(("text", "expression", "value"), MONTH_FORMS)
def test_month_precision_forms(text: str, expression: str, value: str) -> None:
    assert spans(text) == [(expression, value, "month")]


YEAR_FORMS = [
    ("Chinese space history began in 1956.", "1956", "1956"),
    ("the agreement in force since 2008", "2008", "2008"),
    ("2021 was a busy year", "2021", "2021"),
    ("APSCO Founding Convention (2005). APSCO", "2005", "2005"),
    ("Following the 2005 convention, the organisation", "2005", "2005"),
    ("So, the 2000 White Paper on space", "2000", "2000"),
    ("in the spring of 2023 the probe", "the spring of 2023", "2023"),
    ("in early 2023 the probe", "early 2023", "2023"),
    ("Early 2023 saw the launch", "Early 2023", "2023"),
    ("by mid-2023 the probe", "mid-2023", "2023"),
    ("in late 2023 the probe", "late 2023", "2023"),
    ("at the end of 2023 the probe", "the end of 2023", "2023"),
    ("revenue in Q3 2023 rose", "Q3 2023", "2023"),
    ("revenue in H1 2023 rose", "H1 2023", "2023"),
    ("the FY2023 budget", "FY2023", "2023"),
    ("the pre-2020 era", "pre-2020", "2020"),
    ("in the first half of 2022", "the first half of 2022", "2022"),
    ("Issue 2(39-41) • Volume 10 • 2020", "2020", "2020"),
    ("| Venezuela | 2023 | South America |", "2023", "2023"),
    ("American restraint was Wolf's 2011 Amendment", "2011", "2011"),
    ("China’s 2016 white paper", "2016", "2016"),
    ("Published 2020 by the agency", "2020", "2020"),
    ("A 2021 report found", "2021", "2021"),
    ("the 2021 missions were successful", "2021", "2021"),
    ("In 2021 people began to notice", "2021", "2021"),
    ("In 2021, 13 countries joined", "2021", "2021"),
    ("In 2021 13 countries joined", "2021", "2021"),
    ("In 2021 1000 people attended", "2021", "2021"),
    ("In 2020 S. Korea joined", "2020", "2020"),
    ("China in 2020 won the bid", "2020", "2020"),
    ("the lower bound is 1900.", "1900", "1900"),
    ("the bound is 2100.", "2100", "2100"),
    ("[2019] Smith, J.", "2019", "2019"),
    ("in 2019–20 the budget", "2019", "2019"),
]


@pytest.mark.parametrize(("text", "expression", "value"), YEAR_FORMS)
def test_year_precision_forms(text: str, expression: str, value: str) -> None:
    assert spans(text) == [(expression, value, "year")]


@pytest.mark.parametrize(
    "text",
    ["From 2019 to 2023, the scale grew", "the 2019–2023 plan", "the 2019-2023 plan", "2019 — 2023"],
)
def test_year_ranges_give_two_mentions(text: str) -> None:
    assert [(e, v) for e, v, _ in spans(text)] == [("2019", "2019"), ("2023", "2023")]


def test_list_of_years() -> None:
    assert [v for _, v, _ in spans("in 2014, 2016 and 2018")] == ["2014", "2016", "2018"]


def test_sentence_offsets_and_sorting() -> None:
    text = (
        "On July 23, the Tianwen-1 spacecraft lifted off. It reached Mars in February 2021. "
        "Thursday, Aug. 20, 2020. In 2017, two satellites; in 1977 a delegation."
    )
    found = find_dates(text)
    assert [text[m.start : m.end] for m in found] == ["February 2021", "Aug. 20, 2020", "2017", "1977"]
    assert found == sorted(found, key=lambda m: m.start)
    assert found[1] == DateMention(text.index("Aug."), text.index("Aug.") + 13, "2020-08-20", 2020, "day")


def test_mention_is_frozen_with_slots() -> None:
    m = find_dates("in 2021")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.value = "2022"  # type: ignore[misc]
    assert not hasattr(m, "__dict__")


# ------------------------------------------------------------------------------------------
# Ambiguous numeric forms (rule: valid reading wins; dots are day-first; otherwise year only)
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("04/05/2024", "2024", "year"),
        ("04-05-2024", "2024", "year"),
        ("04.05.2024", "2024-05-04", "day"),
        ("04.24.2024", "2024-04-24", "day"),
        ("13/04/2024", "2024-04-13", "day"),
        ("04/13/2024", "2024-04-13", "day"),
        ("2011–12", "2011", "year"),
    ],
)
def test_ambiguous_numeric_rule(text: str, value: str, precision: str) -> None:
    found = find_dates(text)
    assert [(m.value, m.precision) for m in found] == [(value, precision)]


@pytest.mark.parametrize("text", ["45/67/2024", "31/31/2024", "2024-13-45", "2024/02/30/x"])
def test_impossible_numeric_dates_give_no_day(text: str) -> None:
    assert all(m.precision != "day" for m in find_dates(text))


# ------------------------------------------------------------------------------------------
# Things that are not dates
# ------------------------------------------------------------------------------------------

NOT_DATES = [
    "20240424",
    "the year 1850 and the year 2150",
    "a population of 1,900",
    "2000 professionals attended",
    "2,000 space-industry professionals",
    "2000 space-industry professionals",
    "more than 2000 delegates",
    "200 space cooperation agreements",
    "of 2000 people",
    "2000 satellites in orbit",
    "2000 countries",
    "2000 km above the Earth",
    "2000km above the Earth",
    "2000 KM above the Earth",
    "a 2000 MW plant",
    "2000-year-old texts",
    "a 2000-km orbit",
    "2000 tonnes of fuel",
    "2000 yuan per month",
    "2020 million yuan",
    "grew 2020%",
    "over 2000 employees",
    "Public Law 112-55",
    "Pp. 219-230",
    "pp. 2019-2030",
    "p. 2019",
    "No. 2019",
    "vol. 2020",
    "see table 2020",
    "[2; 7; 8; 4; 5; 3]",
    "a ratio of 1.9",
    "version 1.2020",
    "costing $2.52 billion",
    "costing $2000",
    "costing US$ 2020",
    "https://edition.cnn.com/2023/07/25/europe/russia-space",
    "http://www.apsco.int/upload/file/20240511/2024051411123710905.pdf",
    "www.example.org/2021",
    "doi:10.51198/chinesest2023.02.019",
    "https://doi.org/10.1000/2019.05",
    "see archive/2021/report",
    "at 12:30 local time",
    "at 20:20",
    "ratio 12:2020",
    "call +86 10 6852 2013",
    "call 2013 6852.",
    "Horizon 2061–2070",
    "2000–2020 people",
    "$2019-2020",
    "call 010-6852-2013",
    "ISBN 978-7-5046-2013-5",
    "ISBN 9787504620135",
    "software V1.0",
    "version V2020",
    "the Mars-2020 rover",
    "Planetary Exploration Horizon 2061, described",
    "the UN Space 2030 Agenda",
    "Saudi Vision 2030",
    "global SYMPOSIUM 2024 on",
    "the Mars 2020 rover",
    "in the 1990s",
    "the 2020s",
    "2020th anniversary",
    "Long March 5 rocket",
    "Long March 2F",
    "a 2020.5 average",
    "in 2020,5 cases",
    "#2020 on the list",
    "(Smith 2019)",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert find_dates(text, anchor=ANCHOR) == []


@pytest.mark.parametrize(
    "text",
    ["On July 23, the Tianwen-1 spacecraft", "on April 24 the council", "24 April was chosen", "last year"],
)
def test_no_anchor_no_incomplete_dates(text: str) -> None:
    assert find_dates(text) == []


def test_lowercase_may_is_the_verb() -> None:
    assert spans("it may 2024 be") == [("2024", "2024", "year")]
    assert spans("in May 2024") == [("May 2024", "2024-05", "month")]
    assert spans("IN MAY 2024") == [("MAY 2024", "2024-05", "month")]


def test_year_without_month_is_not_guessed() -> None:
    (m,) = find_dates("in 2021")
    assert (m.value, m.precision, m.year) == ("2021", "year", 2021)


# ------------------------------------------------------------------------------------------
# Anchor resolution
# ------------------------------------------------------------------------------------------

ANCHORED = [
    ("On July 23, the Tianwen-1 spacecraft lifted off", ANCHOR, "July 23", "2020-07-23", "day"),
    ("before the Security Council on April 24 the", ANCHOR, "April 24", "2020-04-24", "day"),
    ("on 24 April the council met", ANCHOR, "24 April", "2020-04-24", "day"),
    ("on 24th of April, the council met", ANCHOR, "24th of April", "2020-04-24", "day"),
    ("on 24th   of   September the", ANCHOR, "24th   of   September", "2020-09-24", "day"),
    ("on Nov. 4 the probe", "2024", "Nov. 4", "2024-11-04", "day"),
    ("Last year the agency", ANCHOR, "Last year", "2019", "year"),
    ("this year the agency", ANCHOR, "this year", "2020", "year"),
    ("the launch planned next year", ANCHOR, "next year", "2021", "year"),
    ("earlier this year the agency", ANCHOR, "earlier this year", "2020", "year"),
    ("later this year the agency", "2020", "later this year", "2020", "year"),
    ("earlier this month the agency", ANCHOR, "earlier this month", "2020-08", "month"),
    ("last month the agency", ANCHOR, "last month", "2020-07", "month"),
    ("last month the agency", "2020-01-05", "last month", "2019-12", "month"),
    ("next month the agency", "2020-12", "next month", "2021-01", "month"),
    ("in April of last year", ANCHOR, "April of last year", "2019-04", "month"),
    ("in April this year", ANCHOR, "April this year", "2020-04", "month"),
    ("last year's launch", ANCHOR, "last year", "2019", "year"),
]


@pytest.mark.parametrize(("text", "anchor", "expression", "value", "precision"), ANCHORED)
def test_anchor_resolution(text: str, anchor: str, expression: str, value: str, precision: str) -> None:
    assert spans(text, anchor) == [(expression, value, precision)]


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("over the last year", ANCHOR),
        ("in the next year", ANCHOR),
        ("the past year", ANCHOR),
        ("this month", "2020"),  # month-relative needs an anchor with a month
        ("on February 29 the", "2023"),  # no such day in the anchor year
        ("last yearly report", ANCHOR),
        ("last year", "1900"),  # 1899 is out of range
        ("July 7–9 in Hefei", ANCHOR),  # day range without a year
    ],
)
def test_anchor_non_resolutions(text: str, anchor: str) -> None:
    assert find_dates(text, anchor=anchor) == []


def test_anchor_does_not_change_explicit_dates() -> None:
    text = "On July 23, 2020 it launched; in February 2021 it arrived."
    assert find_dates(text) == find_dates(text, anchor="1999-01-01")


def test_anchor_does_not_complete_month_day_with_bad_year() -> None:
    # "April 24, 1850": the year is explicit (out of range), so the anchor must not replace it.
    assert find_dates("on April 24, 1850 the", anchor=ANCHOR) == []
    assert find_dates("on 24 April 1850 the", anchor=ANCHOR) == []


@pytest.mark.parametrize(
    "anchor", ["2020-8-20", "20-08-2020", "August 2020", "2020-13", "1850", "2020-08-32"]
)
def test_bad_anchor_raises(anchor: str) -> None:
    with pytest.raises(ValueError):
        find_dates("last year", anchor=anchor)


def test_latest_explicit_date_and_round_trip() -> None:
    text = (
        "A CZ-5 rocket lifts off, July 23, 2020 (photo).\n\nThursday, Aug. 20, 2020\n\n"
        "On July 23, the Tianwen-1 spacecraft lifted off. Last year, ... in February 2021."
    )
    anchor = latest_explicit_date(text)
    assert anchor == "2020-08-20"
    assert spans(text, anchor) == [
        ("July 23, 2020", "2020-07-23", "day"),
        ("Aug. 20, 2020", "2020-08-20", "day"),
        ("July 23", "2020-07-23", "day"),
        ("Last year", "2019", "year"),
        ("February 2021", "2021-02", "month"),
    ]


@pytest.mark.parametrize("text", ["in 2021 and March 2022", "no dates here", ""])
def test_latest_explicit_date_needs_a_full_date(text: str) -> None:
    assert latest_explicit_date(text) is None


# ------------------------------------------------------------------------------------------
# Windows
# ------------------------------------------------------------------------------------------


def test_window_offsets_are_absolute() -> None:
    text = "Intro 2001. On 24 April 2024 the agency met. Later, in March 2025."
    start = text.index("On")
    end = text.index("Later")
    found = find_dates(text, start, end)
    assert [(m.start, m.end, m.value) for m in found] == [
        (text.index("24 April"), text.index("24 April") + 13, "2024-04-24")
    ]
    assert find_dates(text, start) == [*found, find_dates(text)[-1]]


def test_window_equals_slice() -> None:
    text = "In 2010 x. Horizon 2061 y. On April 24 z. 12 May 2024"
    start = text.index("2061")  # the window cuts the name off, so 2061 reads as a year
    shifted = [
        dataclasses.replace(m, start=m.start + start, end=m.end + start)
        for m in find_dates(text[start:], anchor=ANCHOR)
    ]
    assert find_dates(text, start, anchor=ANCHOR) == shifted
    assert [m.value for m in shifted] == ["2061", "2020-04-24", "2024-05-12"]


def test_window_cutting_an_expression() -> None:
    text = "signed on 24 April 2024."
    assert [m.value for m in find_dates(text, 0, text.index("2024") + 2)] == []
    assert [m.value for m in find_dates(text, text.index("April"))] == ["2024-04"]


@pytest.mark.parametrize(("start", "end"), [(5, 5), (9, 3), (100, None), (0, 8)])
def test_empty_windows(start: int, end: int | None) -> None:
    assert find_dates("since 2008", start, end) == []


def test_negative_window_bounds_follow_slicing() -> None:
    assert find_dates("since 2008", -4) == [DateMention(6, 10, "2008", 2008, "year")]


# ------------------------------------------------------------------------------------------
# parse_date
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("24 April 2024", "2024-04-24"),
        ("  April 24th, 2024. ", "2024-04-24"),
        ("Nov. 4, 2024", "2024-11-04"),
        ("2024/04/24", "2024-04-24"),
        ("March of 2021", "2021-03"),
        ("2021-03", "2021-03"),
        ("in 2021", "2021"),
        ("since 2008", "2008"),
        ("(2005)", "2005"),
        ("the end of 2023", "2023"),
        ("Q3 2023", "2023"),
        ("mid-2023", "2023"),
        ("spring of 2023", "2023"),
    ],
)
def test_parse_date(expression: str, value: str) -> None:
    assert parse_date(expression) == value


@pytest.mark.parametrize(
    "expression",
    ["", "hello", "2019 to 2023", "2005 convention", "Horizon 2061", "April 24", "last year", "20240424"],
)
def test_parse_date_rejects(expression: str) -> None:
    assert parse_date(expression) is None


@pytest.mark.parametrize(
    ("expression", "value"),
    [("On July 23,", "2020-07-23"), ("last year", "2019"), ("earlier this month", "2020-08")],
)
def test_parse_date_with_anchor(expression: str, value: str) -> None:
    assert parse_date(expression, anchor=ANCHOR) == value


# ------------------------------------------------------------------------------------------
# Properties
# ------------------------------------------------------------------------------------------

# Building blocks for generated text: dates, near-dates and the context words the rules look at.
_TOKEN_WORDS = (
    ", . - – / : ( ) $ % 's 0 1 4 12 24 31 05 1899 1900 1956 2000 2019 2023 2100 2101 "
    "April Apr. May may Sept September December March Long of the end mid early spring Q3 FY in since st th "
    "last this next year month earlier people km satellites Horizon The http:// www. over p. s x"
)
TOKENS = [" ", "  ", "\n", *_TOKEN_WORDS.split()]
# Date-shaped fragments with variable spacing, ordinals, ranges and trailing context.
DATEISH = (
    r"(?:the {1,3})?[0-9]{1,2}(?:st|th)?(?:[-–][0-9]{1,2})?(?: {1,3}of)? {1,3}"
    r"(?:April|Apr\.|September|Sept|May|may|March)(?:,? {1,3}(?:19[0-9]{2}|20[0-9]{2}|2101))?"
    r"|(?:April|Sept\.|December|May|March) {1,3}[0-9]{1,2}(?:th|rd)?(?:[-–][0-9]{1,2})?,?"
    r"(?: {1,3}(?:2019|2024|1850))?"
)
texts = st.one_of(
    st.lists(st.sampled_from(TOKENS), max_size=40).map("".join),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.from_regex(DATEISH, fullmatch=True)), max_size=12).map(
        "".join
    ),
    st.text(max_size=80),
    st.text(alphabet="0123456789 -–/.,:aprilmyMAJs", max_size=60),
)
anchors = st.one_of(st.none(), st.sampled_from(["2020", "2020-08", "2020-08-20", "1900-01", "2100-12-31"]))
VALUE = {
    "year": re.compile(r"[0-9]{4}"),
    "month": re.compile(r"[0-9]{4}-[0-9]{2}"),
    "day": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
}


@settings(max_examples=400, deadline=None)
@given(text=texts, anchor=anchors)
@example(text="On July 23, 2020. Last year 2019–20 in 24.04.2024", anchor="2020-08-20")
@example(text="accessed: 2024/08/23 https://x.org/2023/07/25/y", anchor=None)
def test_property_mentions_are_consistent(text: str, anchor: str | None) -> None:
    found = find_dates(text, anchor=anchor)
    previous_end = 0
    for m in found:
        assert 0 <= previous_end <= m.start < m.end <= len(text)
        previous_end = m.end
        assert VALUE[m.precision].fullmatch(m.value)
        assert m.year == int(m.value[:4]) and 1900 <= m.year <= 2100
        if m.precision != "year":
            assert 1 <= int(m.value[5:7]) <= 12
        assert parse_date(text[m.start : m.end], anchor=anchor) == m.value
    # Reading only the windows around digits is an optimisation: it must not change the result.
    assert found == find_internal(text, parse_anchor(anchor), windowed=False)


@settings(max_examples=200, deadline=None)
@given(text=texts, data=st.data())
def test_property_window_is_a_shifted_slice(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    found = find_dates(text, start, end, anchor=ANCHOR)
    assert all(start <= m.start < m.end <= end for m in found)
    assert [(m.start - start, m.end - start, m.value) for m in found] == [
        (m.start, m.end, m.value) for m in find_dates(text[start:end], anchor=ANCHOR)
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("signed in August 2018.14 Cuba and Ecuador followed", ["2018-08"]),
        ("a memorandum signed in August 2018.14", ["2018-08"]),
        ("joined in 2018.3 The year after", ["2018"]),
        ("grew to 2018.5 million tonnes", []),
        ("release 2018.3 of the software", []),
    ],
)
def test_footnote_number_after_a_year_is_not_a_decimal(text: str, values: list[str]) -> None:
    assert [d.value for d in find_dates(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The Congo on Tuesday became a participant", ["2025-07-08"]),  # 2025-07-09 is a Wednesday
        ("signed last Wednesday", ["2025-07-02"]),
        ("signed on Wednesday", ["2025-07-09"]),
        ("admitted in the week of 12 May 2025", ["2025-05"]),
    ],
)
def test_weekdays_resolve_against_a_full_anchor_and_weeks_give_their_month(
    text: str, values: list[str]
) -> None:
    assert [d.value for d in find_dates(text, anchor="2025-07-09")] == values


def test_weekdays_need_a_day_precise_anchor() -> None:
    assert find_dates("signed on Tuesday", anchor="2025-07") == []


@pytest.mark.parametrize(
    ("text", "day_first", "values"),
    [
        ("• 09/2018: At the summit", False, ["2018-09"]),
        ("Decree No. 05/2019 of the ministry", False, []),
        ("08/07/2025: In Brazzaville", False, ["2025"]),  # both readings valid: only the year is certain
        ("08/07/2025: In Brazzaville", True, ["2025-07-08"]),
        ("14/03/2025: In Ouagadougou", False, ["2025-03-14"]),
        ("| 11.2024 | 3 years |", False, ["2024-11"]),  # a month written with a dot, as in a register
        ("Decree No. 05.2019 of the ministry", False, []),
        ("entered into force on 16.05.2024", False, ["2024-05-16"]),
        ("Number: 14/3/2087", False, []),  # a letter's number, not a date
        ("signed in January of the year 2016", False, ["2016-01"]),
    ],
)
def test_month_year_and_documents_that_write_day_first(text: str, day_first: bool, values: list[str]) -> None:
    assert [d.value for d in find_dates(text, day_first=day_first)] == values


@pytest.mark.parametrize("anchor", [None, "2020-03-03"])
def test_a_month_without_a_year_takes_the_year_stated_before_it(anchor: str | None) -> None:
    text = "It continued in 2025 with Chile, whose memorandum was signed in September by both."
    assert spans(text, anchor) == [("2025", "2025", "year"), ("September", "2025-09", "month")]


def test_a_meeting_s_day_range_dates_the_document() -> None:
    assert latest_explicit_date("Manama, 2–3 December 2025. Prepared by the rapporteur.") == "2025-12-03"
    assert latest_explicit_date("Held 30–31 February 2025.") is None


def test_translated_date_forms() -> None:
    assert spans("Malabo, to 18 of June of 2025") == [("18 of June of 2025", "2025-06-18", "day")]
    assert [v for _, v, _ in spans("in the day of yesterday", "2025-06-18")] == ["2025-06-17"]
    assert [v for _, v, _ in spans("in the month of March of the present year", "2025-06-18")] == ["2025-03"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Abu Dhabi, on Tuesday 16 of September 2025 —", "2025-09-16"),
        ("in the month of October of the year 2020", "2020-10"),
        ("starting from the first of January 2024", "2024-01-01"),
    ],
)
def test_dates_translated_word_for_word(text: str, expected: str) -> None:
    assert [d.value for d in find_dates(text)] == [expected]


def test_the_first_of_two_months_takes_the_year_written_after_the_second() -> None:
    assert [d.value for d in find_dates("signed in November and December 2018")] == ["2018-11", "2018-12"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("so they joined back in twenty twenty three right", ["2023"]),
        ("that was in two thousand and nine", ["2009"]),
        ("launched in twenty nineteen", ["2019"]),
        ("signed in March twenty twenty-four", ["2024-03"]),
        ("the nineteen ninety-two agreement", ["1992"]),
        ("twenty nine countries and two thousand engineers", []),
    ],
)
def test_years_said_aloud_as_a_transcript_writes_them(text: str, expected: list[str]) -> None:
    assert [d.value for d in find_dates(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Last September, at a forum", ["2024-09"]),
        ("signed this March", ["2025-03"]),
        ("due next May", ["2026-05"]),
        ("signed last July", ["2024-07"]),
    ],
)
def test_a_named_month_counted_from_the_documents_date(text: str, expected: list[str]) -> None:
    assert [d.value for d in find_dates(text, anchor="2025-07-25")] == expected
    assert [d.value for d in find_dates("signed last July")] == []  # no anchor, no date


def test_spanish_and_portuguese_dates_left_untranslated() -> None:
    assert [d.value for d in find_dates("On the 6 de febrero de 2022, during")] == ["2022-02-06"]
    assert [d.value for d in find_dates("assinado em março de 2023")] == ["2023-03"]
    assert [d.value for d in find_dates("the Mars 2020 rover")] == []


def test_a_number_before_a_date_is_no_day_range() -> None:
    text = "Chang'e 6 – 3 May 2024; the meeting ran 7–9 July 2025."
    assert [(d.value, text[d.start : d.end]) for d in find_dates(text)] == [
        ("2024-05-03", "3 May 2024"),
        ("2025-07", "7–9 July 2025"),
    ]


def test_a_month_of_that_year_takes_the_year_just_stated() -> None:
    text = "It was formalised on 9 March 2021. In June of that year the agencies met."
    assert [d.value for d in find_dates(text, anchor="2021-03-10")] == ["2021-03-09", "2021-06"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Given at Managua on the thirtieth day of December of the year two thousand and twenty-four.",
            "2024-12-30",
        ),
        ("Done at Beijing on the 5th day of May 2024.", "2024-05-05"),
        ("Signed on the twenty-first day of March 2023.", "2023-03-21"),
    ],
)
def test_a_day_of_a_month_written_out_in_a_closing_formula(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text)] == [value]
