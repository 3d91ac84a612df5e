"""Find date expressions in English text and normalise them to ISO 8601 at the stated precision.

Values are ``"YYYY"``, ``"YYYY-MM"`` or ``"YYYY-MM-DD"``: a part the text does not state is never
filled in. Only the standard library's ``re`` is used (date libraries fill gaps with today's date).

Decisions on ambiguous forms (each one is pinned by a test):

* Years are 1900-2100. Bare four-digit numbers are years unless the context says otherwise:
  glued to other digits (``1.2020``, ``2020,5``, ``12:2020``, ``6852 2013``, ``2013 6852.``,
  ``5046-2013-5``; but ``In 2021 13 countries`` is a year),
  to letters (``V2020``, ``Mars-2020``, ``1990s``; ``FY2023`` is a qualifier, see below), to
  currency (``$2000``), preceded by a count or reference word (``more than``, ``over``, ``nearly``,
  ``p.``, ``pp.``, ``No.``, ``vol.``, ``table`` ...), or followed by a unit, magnitude or currency
  (``2000 km``, ``2000 million``, ``2000 yuan``) or by a plural noun of counting.
  Nouns for people (``2000 professionals``, ``2000 space-industry professionals``, up to two
  lowercase modifiers in between) count unless a temporal preposition precedes the number
  (``In 2021 people began`` is a year; ``of 2000 people``, ``the 2000 professionals`` are counts).
  Nouns that also follow a year used as a modifier (``satellites``, ``missions``, ``countries``
  ...) count only when they follow the number directly and no determiner or temporal preposition
  precedes it (``2000 satellites`` is a count, ``the 2021 missions`` a year).
* Proper names: a bare year immediately preceded (whitespace only) by a capitalised word is part
  of a name (``Horizon 2061``, ``Space 2030 Agenda``, ``Vision 2030``, ``SYMPOSIUM 2024``) unless
  that word is a function word (``In``, ``Since``, ``The`` ...), a month or weekday, a past
  participle ending in ``-ed`` (``Published 2020``), a possessive (``Wolf's 2011 Amendment``) or a
  single letter (``A 2021 report``, Cyrillic ``У 2000``). Author-year citations such as
  ``(Smith 2019)`` are therefore skipped as well; ``(2019)`` and ``Smith, J. (2019)`` are years.
* Numeric day-month-year (``24.04.2024``, ``24/04/2024``, ``24-04-2024``): the reading that gives a
  valid calendar date wins; if both readings are valid and differ, dots mean day-first
  (European), while slashes and hyphens are ambiguous and give only the year. Year-first forms
  (``2024-04-24``, ``2024/04/24``, ``2024.04.24``) are always year-month-day.
* ``2021-03`` (ASCII hyphen, two-digit month 01-12) is ISO year-month, so ``2011-12`` is
  December 2011. With an en or em dash (``2011–12``) it is an abbreviated range and gives ``2011``.
  ``2019–2023`` and ``2019 to 2023`` give two year mentions.
* A valid day-month pair with an impossible day (``31 April 2024``) falls back to month precision.
* Qualified years (``early 2023``, ``mid-2023``, ``the end of 2023``, ``spring of 2023``,
  ``Q3 2023``, ``H1 2023``, ``FY2023``, ``pre-2020``) give the year only; the qualifier is part of
  the span. Prepositions (``in``, ``since``) are not. Day ranges (``July 7–9, 2025``) give the month.
* Months in upper-case Roman numerals between dots (``29.X.2008``, ``V.2018``) are read as in
  central and eastern European writing: day, month, year.
* Month names are case-insensitive, except lowercase ``may`` (the modal verb). ``March`` preceded by
  ``Long`` is the rocket family, not a month. Decades (``the 1990s``) are not dates.
* Month and day without a year (``On July 23,``) take the year of ``anchor``; relative expressions
  (``last year``, ``this year``, ``next year``, ``earlier this month``, ``April of last year``) are
  resolved against ``anchor`` only. ``the last year``/``the next month`` (durations or narrative
  time) and day ranges without a year (``July 7–9``) are skipped. Without an anchor all of these
  give nothing.
* Anything inside a URL, path or other non-space run containing ``/``, ``\\``, ``@``, ``=``,
  ``http`` or ``www.`` is skipped, unless that run is exactly the date (``2024/08/23``).
* ``find_dates(text, start, end)`` gives the same mentions as ``find_dates(text[start:end])``,
  with offsets shifted by ``start``: context outside the window is not consulted.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

__all__ = [
    "MONTH_WORDS",
    "SPOKEN_YEAR_HINT",
    "DateMention",
    "find_dates",
    "latest_explicit_date",
    "parse_date",
]


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression: ``text[start:end]`` normalises to ``value``."""

    start: int
    end: int
    value: str
    year: int
    precision: str


# --------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------

_YEAR = r"(?:19[0-9]{2}|20[0-9]{2}|2100)"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
_ORD = r"(?:st|nd|rd|th)?"
_DASH = r"\s?[-–—]\s?"
_SP = r"\s{1,3}"
# Lowercase "may" is the modal verb; "Long March" is a rocket family.
_MONTH = (
    r"(?<!long\s)(?<!long-)"
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|(?-i:May|MAY)|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![^\W\d_])\.?"
)
# A month in upper-case Roman numerals, as in "29.X.2008" and "V.2018".
_ROMAN_MONTH = r"(?-i:XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)"
_ROMAN_NUMBER = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_ROMAN_NUMBER |= {"XI": 11, "XII": 12}
# End of a numeric form: no letters or digits glued on, no further numeric part.
# ".14" after a year is a footnote number when a capital follows ("in August 2018.14 Cuba joined")
_DECIMAL = r"(?![.](?![0-9]{1,3}(?:\s+[A-Z]|\Z))[0-9])"
_END_NUM = r"(?!\w)(?![,/:\-–—][0-9])" + _DECIMAL
# End of a form whose last part is a year after words ("April 2019–2023" keeps "April 2019").
_END = r"(?!\w)(?![,/:][0-9])" + _DECIMAL
_QUALIFIER = (
    r"(?:(?:the\s{1,3})?(?:very\s{1,3})?"
    r"(?:end|beginning|start|middle|turn|close|course|(?:first|second|latter)\s{1,3}half"
    r"|(?:first|second|third|fourth|last)\s{1,3}quarter|spring|summer|autumn|fall|winter)"
    r"\s{1,3}of\s{1,3}"
    r"|(?:early|mid|late|spring|summer|autumn|fall|winter)(?:\s{1,3}|-)"
    r"|(?:pre|post)-"
    r"|(?:q[1-4]|h[12])(?:\s{1,3}|-)(?:of\s{1,3})?"
    r"|fy\s?)"
)

# Every form contains a digit. Branches are grouped by their first character (numeric forms,
# forms that open with a month name, qualified years) so that most positions fail at once; within
# a group, order gives the longest reading at a given start.
_MAIN = re.compile(
    r"(?<!\w)(?:"
    r"(?=[0-9])(?:"
    rf"(?P<ymd>(?P<ymd_y>{_YEAR})(?P<ymd_s>[-/.])(?P<ymd_m>1[0-2]|0?[1-9])(?P=ymd_s)"
    rf"(?P<ymd_d>{_DAY})(?:(?=T[0-9]{{2}}:)|{_END_NUM}))"
    rf"|(?P<ym>(?P<ym_y>{_YEAR})[-/](?P<ym_m>0[1-9]|1[0-2]){_END_NUM})"
    rf"|(?P<my2>(?<![/.-])(?P<my2_m>1[0-2]|0[1-9])[/.](?P<my2_y>{_YEAR}){_END_NUM})"  # "11/2024", "11.2024"
    rf"|(?P<year>(?P<year_y>{_YEAR})(?!\w))"
    rf"|(?P<num>(?P<num_a>[0-9]{{1,2}})(?P<num_s>[-/.])(?P<num_b>[0-9]{{1,2}})(?P=num_s)"
    rf"(?P<num_y>{_YEAR}){_END_NUM})"
    rf"|(?P<rdm>(?P<rdm_d>{_DAY})\.(?P<rdm_m>{_ROMAN_MONTH})\.(?P<rdm_y>{_YEAR}){_END_NUM})"
    rf"|(?P<dm>(?P<dm_d1>{_DAY}){_ORD}(?:{_DASH}(?P<dm_d2>{_DAY}){_ORD})?{_SP}(?:of{_SP})?"
    rf"(?P<dm_m>{_MONTH})(?:,?{_SP}(?P<dm_y>{_YEAR}){_END}|(?<![.])(?!\w)(?!\.?,?\s{{0,3}}[0-9])))"
    r")"
    r"|(?=[JjFfMmAaSsOoNnDd])"
    rf"(?P<md>(?P<md_m>{_MONTH})(?:"
    rf"{_SP}(?P<md_d1>{_DAY}){_ORD}(?:{_DASH}(?P<md_d2>{_DAY}){_ORD})?(?:,?{_SP}(?P<md_y>{_YEAR}){_END}"
    rf"|(?!\w)(?!{_DASH}[0-9])(?!,?\s{{0,3}}[0-9]))"
    rf"|,?{_SP}(?:of{_SP}(?:the{_SP}year{_SP})?)?(?P<my_y>{_YEAR}){_END}))"  # "January of the year 2016"
    rf"|(?P<rm>(?P<rm_m>{_ROMAN_MONTH})\.(?P<rm_y>{_YEAR}){_END_NUM})"
    r"|(?=[TtVvEeBbSsMmCcFfLlWwAaQqHhPp])"
    rf"(?P<qual>{_QUALIFIER}(?P<qual_y>{_YEAR}){_END})"
    r")",
    re.IGNORECASE,
)

# Relative expressions (no digits), resolved against an anchor only.
_RELATIVE = re.compile(
    r"(?<!\w)(?:(?P<rel_m>"
    + _MONTH
    + r")(?:,?\s{1,3}of)?\s{1,3}|(?P<rel_q>earlier|later|early|late)\s{1,3}(?:in\s{1,3})?)?"
    r"(?<!the\s)(?P<rel_w>this|last|next|(?:the\s{1,3})?(?:present|current))\s{1,3}(?P<rel_u>year|month)(?!\w)",
    re.IGNORECASE,
)
# "year" or "month" in any case; the leading character class lets the scan skip ahead in C.
_RELATIVE_HINT = re.compile(r"[YyMm](?:(?<=[Yy])[Ee][Aa][Rr]|(?<=[Mm])[Oo][Nn][Tt][Hh])")
_RELATIVE_REACH = 48  # longest text before "year"/"month" ("September of last ", "earlier in this ")

_DIGITS = re.compile(r"[0-9]+")
# Window margins around each digit run, with room to spare: the longest text a form (and its
# lookarounds) reaches before its first digit is "the very first half of " (33), after its last
# digit "th   of   September" plus the no-year lookahead (27).
_BEFORE = 40
_AFTER = 32

# Month names as written in running text, full and abbreviated ("March", "Mar", "Sept").
MONTH_WORDS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
)  # fmt: skip

_MONTH_NUMBER = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# Context checks for bare years (left side: search up to the year; right side: match after it).
_LEFT_RANGE = re.compile(rf"(?<![0-9]){_YEAR}{_DASH}\Z")
_LEFT_GLUE = re.compile(r"(?:[0-9](?:[.,:/]|\s?[-–—]\s?|[ \u00a0])|[^\W\d_][-‐‑]|[$€£¥#№§]\s?)\Z")
_LEFT_COUNT = re.compile(
    r"(?:(?<!\w)(?:than|over|nearly|almost|approximately|approx\.|roughly|least|exceeding|exceeds"
    r"|exceeded|numbering|totall?ing|total\s+of|p\.|pp\.|pages?|no\.|nos\.|nr\.|vol\.|volumes?"
    r"|issues?|iss\.|art\.|articles?|sections?|sec\.|fig\.|figures?|tables?|tab\.|chapters?|ch\."
    r"|para\.|paragraphs?|resolutions?|res\.|isbn|issn|doi|number|num\.|ref\.|law|items?|code"
    r"|model|type|version|ver\.|v\.|flight|patent|tel\.?|phone|fax))\s{0,2}\Z",
    re.IGNORECASE,
)
_LEFT_WORD = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]*)\s{1,3}\Z")
_NAME_OK_WORDS = (
    "in on at by since from to until till through throughout during before after between and or "
    "of for as circa ca around about the a an this that these those its their his her our my your "
    "each every both also then only even early late mid spring summer autumn fall winter year "
    "within beyond toward towards against among amid despite following including nor but yet so "
    "if when while whereas although though because like unlike versus vs via per into onto over "
    "under beginning starting ending copyright is was are were be been will would not "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday"
)
_NAME_OK = frozenset(_NAME_OK_WORDS.split())
_RIGHT_RANGE = re.compile(rf"{_DASH}(?:(?P<full>{_YEAR})|(?P<short>[0-9]{{2}}))(?![0-9])")
# A following digit group is glue ("2013 6852") unless words follow it ("In 2021 13 countries").
_RIGHT_GLUE = re.compile(
    _DECIMAL[3:-1] + r"|[,:/][0-9]|[ \u00a0][0-9]+(?![0-9])(?!\s{0,3}[^\W\d_])|\s?[-–—]\s?[0-9]|\s?%"
)
# Units, currencies and magnitudes after a number. Words match in any case; abbreviations only in
# their usual spelling, so initials ("In 2020 S. Korea") and names ("Mi") are not taken for units.
_UNIT_WORDS = (
    r"kilomet(?:er|re)s?|miles?|met(?:er|re)s?|kilograms?|grams?|tonnes?|tons?|pounds|feet|inch(?:es)?"
    r"|hours?|minutes?|seconds?|days?|weeks?|months?|years?|times|fold|yuan|euros?|dollars?"
    r"|rubles?|roubles?|rupees?|yen|million|billion|trillion|thousand|hundred|pixels?|degrees?"
    r"|strong|members?|persons?|pages?|seats?|beds?|words?|square|cubic|hectares?|acres?|percent"
    r"|per\s?cent"
)
_UNIT_ABBREVIATIONS = (
    r"km|kms|KM|Km|cm|mm|kg|kgs|lbs?|ft|hrs?|mins?|secs?|yrs?|bn|mn|mi|[kMG]?W|[kMG]?Hz|[kMG]?bps|[kMGT]B"
    r"|px|dpi|RMB|CNY|USD|EUR|rmb|cny|usd|eur|ha|sq|km/h|kph|mph|[mgthskx]"
)
_RIGHT_UNIT = re.compile(rf"(?:\s{{1,3}}|-)(?:(?i:{_UNIT_WORDS})|{_UNIT_ABBREVIATIONS})(?![^\W\d_])|\s?[%°]")
_PEOPLE = (
    r"people|persons|professionals|experts|specialists|scientists|engineers|researchers|scholars"
    r"|students|workers|employees|staff|members|participants|delegates|attendees|visitors"
    r"|officials|astronauts|taikonauts|cosmonauts|personnel|individuals|residents|citizens|users"
    r"|subscribers|customers|jobs|troops|soldiers|children|men|women|volunteers|technicians"
    r"|doctors|teachers|trainees|graduates|applicants|respondents|signatories"
)
_MODIFIER = (
    r"(?!(?:the|a|an|and|or|of|in|on|at|to|for|with|by|from|as|its|their|his|her|our|this|that"
    r"|these|those|some|many|all|most|more|few|several|when|while|where|which|who|after|before"
    r"|has|have|had|was|were|is|are|will|would|could|should|can|may|might|did|do|does|not|also"
    r"|only|then|than)(?![\w-]))[a-z][a-z-]*"
)
_RIGHT_PEOPLE = re.compile(rf"(?:\s{{1,3}}{_MODIFIER}){{0,2}}\s{{1,3}}(?:{_PEOPLE})(?![\w-])")
_RIGHT_COUNTED = re.compile(
    r"\s{1,3}(?:countries|nations|states|economies|territories|cities|provinces|regions|companies"
    r"|firms|enterprises|businesses|institutions|institutes|organizations|organisations"
    r"|universities|agencies|entities|partners|satellites|spacecraft|probes|rockets|launches"
    r"|missions|projects|programmes|programs|agreements|contracts|deals|treaties|memoranda|mous"
    r"|papers|articles|publications|documents|reports|images|photos|pictures|samples|items"
    r"|objects|units|pieces|cases|stations|terminals|antennas|vehicles|aircraft|ships|events"
    r"|meetings|courses|sessions|experiments|payloads|instruments|patents|products)(?![\w-])",
    re.IGNORECASE,
)
_LEFT_DETERMINER = re.compile(
    r"(?:(?<!\w)(?:the|its|their|our|his|her|this|that|these|those)|['’]s)\s{1,3}\Z", re.IGNORECASE
)
_LEFT_TEMPORAL = re.compile(r"(?<!\w)(?:in|since|during|until|till|before|after)\s{1,3}\Z", re.IGNORECASE)
# Numeric-start forms must not continue a number, an amount or a code.
_LEFT_NUMERIC_GLUE = re.compile(r"(?:[0-9][.,:/]|[$€£¥#№§]\s?)\Z")
_TOKEN_TAIL = re.compile(r"\S*")
_URLISH = re.compile(r"[/\\@=]|https?:|www\.", re.IGNORECASE)
_PUNCT_HEAD = re.compile(r"[(\[{\"'“‘«]*\Z")
_PUNCT_TAIL = re.compile(r"[)\]}\"'”’».,;:!?]*\Z")
_ANCHOR = re.compile(rf"(?P<y>{_YEAR})(?:-(?P<m>0[1-9]|1[0-2])(?:-(?P<d>0[1-9]|[12][0-9]|3[01]))?)?\Z")
_PARSE_LEAD = re.compile(
    r"(?:\s*(?:in|on|at|by|since|from|until|till|during|around|circa|ca\.|c\.)(?=\s))*"
    r"[\s(\[{\"'“‘«]*\Z",
    re.IGNORECASE,
)
_PARSE_TAIL = re.compile(r"[\s)\]}\"'”’».,;:!?]*\Z")


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _month_number(name: str) -> int:
    return _MONTH_NUMBER[name[:3].lower()]


def _ymd(year: int, month: int, day: int) -> tuple[str, str]:
    """Day precision if the day exists in that month, else month precision."""
    if 1 <= day <= _days_in_month(year, month):
        return f"{year:04d}-{month:02d}-{day:02d}", "day"
    return f"{year:04d}-{month:02d}", "month"


Anchor = tuple[int, int | None, int | None]  # (year, month, day) of the date a document states


def _parse_anchor(anchor: str | None) -> Anchor | None:
    """(year, month or None, day or None) of an ISO anchor; raise ValueError on malformed input."""
    if anchor is None:
        return None
    m = _ANCHOR.match(anchor.strip())
    if not m:
        raise ValueError(f"anchor must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD, 1900-2100): {anchor!r}")
    month, day = m.group("m"), m.group("d")
    return int(m.group("y")), int(month) if month else None, int(day) if day else None


def _inside_url(text: str, start: int, end: int) -> bool:
    """True if the mention sits in a non-space run that looks like a URL or path."""
    head_start, lo = start, max(0, start - 256)
    while head_start > lo and not text[head_start - 1].isspace():
        head_start -= 1
    tail_end = _TOKEN_TAIL.match(text, end).end()
    if head_start == start and tail_end == end:
        return False
    token = text[head_start:tail_end]
    if not _URLISH.search(token):
        return False
    prefix, suffix = text[head_start:start], text[end:tail_end]
    return not (_PUNCT_HEAD.match(prefix) and _PUNCT_TAIL.match(suffix))


def _bare_year_ok(text: str, start: int, end: int, year: int) -> bool:
    """Context rules for a bare four-digit year (see module docstring).

    In a range (``2019–2023``, ``2019–20``) the left context of the whole range and its right
    context are what count, so ``pp. 2019-2030`` and ``Horizon 2061–2070`` give nothing.
    """
    left = _LEFT_RANGE.search(text, max(0, start - 12), start)
    if left is not None:
        start = left.start()
    lo = max(0, start - 40)
    if _LEFT_GLUE.search(text, lo, start):
        return False
    rng = _RIGHT_RANGE.match(text, end)
    if rng is not None:
        if left is None and rng.group("short") is not None and int(rng.group("short")) <= year % 100:
            return False
        end = rng.end()
    elif _RIGHT_GLUE.match(text, end):
        return False
    if _LEFT_COUNT.search(text, lo, start):
        return False
    word = _LEFT_WORD.search(text, lo, start)
    if word:
        w = word.group(1)
        lw = w.lower()
        if (
            w[0].isupper()
            and len(w) > 1
            and lw not in _NAME_OK
            and not (len(lw) >= 5 and lw.endswith("ed"))
            and not lw.endswith(("'s", "’s"))
        ):
            return False
    if _RIGHT_UNIT.match(text, end):
        return False
    if _LEFT_TEMPORAL.search(text, lo, start):
        return True
    if _RIGHT_PEOPLE.match(text, end):
        return False
    return not (_RIGHT_COUNTED.match(text, end) and not _LEFT_DETERMINER.search(text, lo, start))


def _resolve(m: re.Match[str], anchor: Anchor | None, day_first: bool = False) -> tuple[str, str] | None:
    """(value, precision) of a main-pattern match, or None to drop it."""
    kind = m.lastgroup
    g = m.group
    if kind == "year":
        return g("year_y"), "year"
    if kind == "qual":
        return g("qual_y"), "year"
    if kind == "ymd":
        y, mo, d = int(g("ymd_y")), int(g("ymd_m")), int(g("ymd_d"))
        return _ymd(y, mo, d)
    if kind == "num":
        a, b, y = int(g("num_a")), int(g("num_b")), int(g("num_y"))
        day_valid = 1 <= b <= 12 and 1 <= a <= _days_in_month(y, b)
        month_first = 1 <= a <= 12 and 1 <= b <= _days_in_month(y, a)
        if day_valid and (not month_first or a == b or g("num_s") == "." or day_first):
            return _ymd(y, b, a)
        if month_first and not day_valid:
            return _ymd(y, a, b)
        if day_valid:  # both readings valid and different: only the year is certain
            return str(y), "year"
        return None
    if kind in ("dm", "md"):
        month = _month_number(g(kind + "_m"))
        if kind == "md" and g("my_y") is not None:
            return f"{g('my_y')}-{month:02d}", "month"
        ystr = g(kind + "_y")
        if ystr is None:
            if anchor is None:
                return None
            y = anchor[0]
        else:
            y = int(ystr)
        dim = _days_in_month(y, month)
        if g(kind + "_d2") is not None:  # day range: the month is what the text states exactly
            if ystr is None or int(g(kind + "_d1")) > dim or int(g(kind + "_d2")) > dim:
                return None
            return f"{y:04d}-{month:02d}", "month"
        day = int(g(kind + "_d1"))
        if ystr is None and day > dim:
            return None
        return _ymd(y, month, day)
    if kind == "ym":
        return f"{g('ym_y')}-{g('ym_m')}", "month"
    if kind == "rdm":
        return _ymd(int(g("rdm_y")), _ROMAN_NUMBER[g("rdm_m")], int(g("rdm_d")))
    if kind == "rm":
        return f"{g('rm_y')}-{_ROMAN_NUMBER[g('rm_m')]:02d}", "month"
    if kind == "my2":
        return f"{g('my2_y')}-{int(g('my2_m')):02d}", "month"
    return None  # pragma: no cover - every branch is named


_WEEK_OF = re.compile(r"(?i)\bweek\s+(?:of|beginning|starting|commencing)\s+(?:the\s+)?\Z")


_NUMBERED_ACT = re.compile(
    r"(?i)(?:\bno\.?|nº|n°|#|\b(?:law|decree|resolution|act|order|decision|ordinance|circular|page|p\.|"
    r"number|ref(?:erence)?\.?|file))\s*:?\s*\Z"
)


def _accept(
    text: str, m: re.Match[str], anchor: Anchor | None, day_first: bool = False
) -> DateMention | None:
    start, end = m.span()
    resolved = _resolve(m, anchor, day_first)
    if resolved is None:
        return None
    value, precision = resolved
    year = int(value[:4])
    kind = m.lastgroup
    if kind == "year" and not _bare_year_ok(text, start, end, year):
        return None
    if kind in ("my2", "num") and _NUMBERED_ACT.search(text, max(0, start - 20), start):
        return None  # "Decree No. 05/2019", "Number: 14/3/2087" number an act or a letter
    if text[start].isdigit() and _LEFT_NUMERIC_GLUE.search(text, max(0, start - 3), start):
        return None
    if _inside_url(text, start, end):
        return None
    if precision == "day" and _WEEK_OF.search(text, max(0, start - 16), start):
        value, precision = value[:7], "month"  # "the week of 12 May 2025": that month, not that day
    return DateMention(start, end, value, year, precision)


def _scan_window(
    text: str, lo: int, hi: int, anchor: Anchor | None, out: list[DateMention], day_first: bool = False
) -> None:
    for m in _MAIN.finditer(text, lo, hi):
        kind = "dm" if m.group("dm_d2") else "md" if m.group("md_d2") else None
        if kind == "dm" and int(m.group("dm_d1")) >= int(m.group("dm_d2")):
            # "Chang'e 6 – 3 May 2024": a name's number before a date, not a day range
            m = _MAIN.match(text, m.start("dm_d2"), hi) or m
        mention = _accept(text, m, anchor, day_first)
        if mention is not None:
            out.append(mention)


def _scan_main(
    text: str, anchor: Anchor | None, windowed: bool = True, day_first: bool = False
) -> list[DateMention]:
    """Main-pattern mentions. Every form contains a digit, so only windows around digits are read."""
    out: list[DateMention] = []
    if not windowed:
        _scan_window(text, 0, len(text), anchor, out, day_first)
        return out
    n = len(text)
    win_lo = win_hi = -1
    for d in _DIGITS.finditer(text):
        lo, hi = max(0, d.start() - _BEFORE), min(n, d.end() + _AFTER)
        if win_hi < 0:
            win_lo, win_hi = lo, hi
        elif lo <= win_hi:
            win_hi = hi
        else:
            _scan_window(text, win_lo, win_hi, anchor, out, day_first)
            win_lo, win_hi = lo, hi
    if win_hi >= 0:
        _scan_window(text, win_lo, win_hi, anchor, out, day_first)
    return out


# "last September", "this March", "next May": a named month counted from the anchor's month
_NAMED_MONTH = re.compile(
    rf"(?<![\w-])(?P<rel>last|this\s+past|this|next)\s{{1,3}}(?P<m>{_MONTH})(?![\w-])(?!\s{{1,3}}(?:of\s+)?(?:19|20)\d\d)",
    re.IGNORECASE,
)


def _scan_named_months(text: str, anchor: Anchor) -> list[DateMention]:
    ay, am, _ = anchor
    out: list[DateMention] = []
    for m in _NAMED_MONTH.finditer(text):
        month, rel = _month_number(m["m"]), m["rel"].lower()
        if am is None and rel != "this":
            continue  # "last September" needs the anchor's month
        if rel == "this":
            year = ay
        elif rel == "next":
            year = ay + (month <= am)
        else:  # "last September" or "this past September": the latest one before the anchor's month
            year = ay - (month >= am)
        out.append(DateMention(m.start(), m.end(), f"{year:04d}-{month:02d}", year, "month"))
    return out


def _scan_relative(text: str, anchor: Anchor) -> list[DateMention]:
    out: list[DateMention] = []
    ay, am, _ = anchor
    shift = {"this": 0, "last": -1, "next": 1}
    last_end, n = 0, len(text)
    for hint in _RELATIVE_HINT.finditer(text):
        m = _RELATIVE.search(text, max(last_end, hint.start() - _RELATIVE_REACH), min(n, hint.end() + 1))
        if m is None:
            continue
        last_end = m.end()
        delta = shift.get(m.group("rel_w").lower().split()[-1], 0)  # "the present year": this year
        unit = m.group("rel_u").lower()
        month_name = m.group("rel_m")
        if unit == "year":
            y = ay + delta
            if month_name:
                value, precision = f"{y:04d}-{_month_number(month_name):02d}", "month"
            else:
                value, precision = f"{y:04d}", "year"
        else:
            if am is None or month_name:
                continue
            total = ay * 12 + (am - 1) + delta
            y = total // 12
            value, precision = f"{y:04d}-{total % 12 + 1:02d}", "month"
        if 1900 <= y <= 2100:
            out.append(DateMention(m.start(), m.end(), value, y, precision))
    return out


# "2025 year 4 month 7 day" (machine-translated) and "2025年4月7日": year, month and day in words.
_YMD_WORDS = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})\s*(?:year|年)\s*(?P<m>1[0-2]|0?[1-9])\s*(?:month|月)"
    r"(?:\s*(?P<d>3[01]|[12][0-9]|0?[1-9])\s*(?:day|日))?",
    re.IGNORECASE,
)
# "In February", "since March": a month named without a year, in the year of the anchor (or the one
# before, when that month is still to come at the anchor).
_BARE_MONTH = re.compile(
    rf"(?<!\w)(?:in|since|by|during|early|late|mid-?|c\.|ca\.|circa)\s{{1,3}}(?P<m>{_MONTH})"
    r"(?![\w-])(?!\.?,?\s{0,3}[0-9])(?!\s+(?:of\s+)?(?:this|last|next)\b)",
    re.IGNORECASE,
)


def _scan_words(text: str) -> list[DateMention]:
    out = []
    if "year" not in text.lower() and "年" not in text:
        return out
    for m in _YMD_WORDS.finditer(text):
        y, mo, d = int(m["y"]), int(m["m"]), m["d"]
        value, precision = (f"{y:04d}-{mo:02d}-{int(d):02d}", "day") if d else (f"{y:04d}-{mo:02d}", "month")
        out.append(DateMention(m.start(), m.end(), value, y, precision))
    return out


_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER_WORDS = {
    **{w: n for n, w in enumerate(_UNITS, 1)},
    **{w: n for n, w in enumerate(_TEENS, 10)},
    **{w: n for n, w in zip(range(20, 100, 10), _TENS, strict=True)},
}
_UNIT = "|".join(_UNITS)
_TWO_DIGITS = rf"(?:(?:{'|'.join(_TENS)})(?:[\s-]+(?:{_UNIT}))?|{'|'.join(_TEENS)}|oh[\s-]+(?:{_UNIT}))"
# A year said aloud, as a transcript writes it: "twenty twenty-three", "two thousand and nine",
# "nineteen ninety-two", optionally after a month ("March twenty twenty-four").
_SPOKEN_YEAR = re.compile(
    rf"(?<![\w-])(?:(?P<m>{_MONTH})\s{{1,3}}(?:of\s+(?:the\s+year\s+)?)?)?"
    rf"(?:(?P<century>twenty|nineteen)[\s-]+(?P<tail>{_TWO_DIGITS})|"
    rf"two\s+thousand(?:\s+and)?[\s-]+(?P<rest>{_TWO_DIGITS}|{_UNIT}))(?![\w-])",
    re.IGNORECASE,
)


# A word every year said aloud holds: the cheap test before the scan, and the reader's before any scan
SPOKEN_YEAR_HINT = re.compile(r"(?i)\b(?:twenty|nineteen|thousand)\b")


def _spoken_number(words: str) -> int:
    return sum(_NUMBER_WORDS.get(word, 0) for word in re.split(r"[\s-]+", words.lower()))


def _scan_spoken_years(text: str) -> list[DateMention]:
    out = []
    for m in _SPOKEN_YEAR.finditer(text):
        if m["century"]:
            year = _spoken_number(m["century"]) * 100 + _spoken_number(m["tail"])
        else:
            year = 2000 + _spoken_number(m["rest"])
        if not 1950 <= year <= 2099:
            continue
        start = m.start()
        day = _DAY_OF_BEFORE.search(text, max(0, start - 30), start) if m["m"] else None
        month = _month_number(m["m"]) if m["m"] else None
        if day and month:  # "on the thirtieth day of December of the year two thousand and twenty-four"
            d = int(day["od"]) if day["od"] else _ORDINAL_DAYS[day["ow"].lower()]
            if d > _days_in_month(year, month):
                continue
            value, precision, start = f"{year:04d}-{month:02d}-{d:02d}", "day", day.start()
        elif month:
            value, precision = f"{year:04d}-{month:02d}", "month"
        else:
            value, precision = f"{year:04d}", "year"
        out.append(DateMention(start, m.end(), value, year, precision))
    return out


# Spanish and Portuguese dates left untranslated: "6 de febrero de 2022", "março de 2023"
_SPANISH_MONTHS = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
    "noviembre", "diciembre",
)  # fmt: skip
_PORTUGUESE_MONTHS = (
    "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
    "novembro", "dezembro",
)  # fmt: skip
_IBERIAN_MONTHS = {
    **{m: n for n, m in enumerate(_SPANISH_MONTHS, 1)},
    **{m: n for n, m in enumerate(_PORTUGUESE_MONTHS, 1)},
    "setiembre": 9,
}
_IBERIAN_DATE = re.compile(
    r"(?<![\w-])(?:(?P<d>3[01]|[12][0-9]|0?[1-9])\s+de\s+)?(?P<m>" + "|".join(_IBERIAN_MONTHS) + r")"
    r"\s+(?:de|del)\s+(?P<y>(?:19|20)[0-9]{2})(?![0-9])",
    re.IGNORECASE,
)


def _scan_iberian(text: str) -> list[DateMention]:
    out = []
    for m in _IBERIAN_DATE.finditer(text):
        y, mo = int(m["y"]), _IBERIAN_MONTHS[m["m"].lower()]
        if m["d"] and int(m["d"]) <= _days_in_month(y, mo):
            out.append(DateMention(m.start(), m.end(), f"{y:04d}-{mo:02d}-{int(m['d']):02d}", y, "day"))
        else:
            out.append(DateMention(m.start(), m.end(), f"{y:04d}-{mo:02d}", y, "month"))
    return out


_THAT_YEAR = re.compile(r"\s+(?:of\s+)?(?:that|the\s+same)\s+year\b", re.IGNORECASE)


def _scan_bare_months(text: str, anchor: Anchor | None, found: list[DateMention]) -> list[DateMention]:
    """Months without a year: in the year the same text stated just before ("continued in 2025 with
    X, whose memorandum was signed in September"), else in the anchor's year (or the one before,
    when that month is still to come at the anchor)."""
    out = []
    for m in _BARE_MONTH.finditer(text):
        month = _month_number(m["m"])
        same_year = _THAT_YEAR.match(text, m.end())  # "in June of that year": the year the text just gave
        stated = [d for d in found if d.end <= m.start() and (same_year or d.precision == "year")]
        if stated:
            y = stated[-1].year
        elif anchor is not None:
            ay, am, _ = anchor
            y = ay - 1 if am is not None and month > am else ay
        else:
            continue
        out.append(DateMention(m.start("m"), m.end("m"), f"{y:04d}-{month:02d}", y, "month"))
    return out


def _merge_longest(found: list[DateMention], extra: list[DateMention]) -> list[DateMention]:
    """Add `extra` mentions where they do not overlap a longer one (longest wins, no overlaps)."""
    merged = sorted(found + extra, key=lambda x: (x.start, x.start - x.end))
    out: list[DateMention] = []
    last_end = -1
    for mention in merged:
        if mention.start >= last_end:
            out.append(mention)
            last_end = mention.end
    return out


# "on Tuesday", "last Friday": the latest such day up to a full anchor date (a wire's dateline)
_WEEKDAY_HINT = re.compile(r"(?i)day\b")
_WEEKDAY = re.compile(
    r"(?<![\w-])(?P<rel>on|last|this\s+past)\s{1,3}(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?![\w-])(?!,?\s{0,3}(?:[0-9]|(?:the\s+)?[0-9]|" + _MONTH + r"))",
    re.IGNORECASE,
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _scan_weekdays(text: str, anchor: Anchor) -> list[DateMention]:
    ay, am, ad = anchor
    today = datetime.date(ay, am or 1, ad or 1)
    out: list[DateMention] = []
    for m in _WEEKDAY.finditer(text):
        back = (today.weekday() - _WEEKDAYS.index(m.group("day").lower())) % 7
        if back == 0 and m.group("rel").lower() != "on":
            back = 7  # "last Tuesday", written on a Tuesday
        day = today - datetime.timedelta(days=back)
        out.append(DateMention(m.start(), m.end(), day.isoformat(), day.year, "day"))
    return out


_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
_ORDINAL_DAYS = {word: day for day, word in enumerate(_ORDINAL_WORDS.split(" "), start=1)}
_ORDINAL_DAYS |= {f"twenty-{word}": 20 + day for word, day in list(_ORDINAL_DAYS.items())[:9]}
_ORDINAL_DAYS |= {"thirtieth": 30, "thirty-first": 31}
# "the thirtieth day of", "the 5th day of", "the first of": a day before a month, spelled out
_ORDINAL_ALTERNATIVES = "|".join(sorted(_ORDINAL_DAYS, key=len, reverse=True))
_ORDINAL_DAY = rf"(?:(?P<od>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)|(?P<ow>{_ORDINAL_ALTERNATIVES}))"
_DAY_OF_BEFORE = re.compile(rf"(?i)\b(?:the\s+)?{_ORDINAL_DAY}\s+(?:day\s+)?of\s+$")
# Word-for-word translations: "18 of June of 2025" ("18 de junio de 2025"), "16 of September 2025",
# "the first of January 2024", "the month of October of the year 2020" ("شهر أكتوبر من عام 2020")
# Led by the literal "of", so that a scan costs little: the day (or "month") is read just before it
_OF_MONTH_OF_YEAR = re.compile(
    rf"\bof\s+(?:the\s+month\s+of\s+)?(?P<m>{_MONTH})\s+(?:of\s+)?(?:the\s+year\s+)?"
    rf"(?P<y>(?:19|20)[0-9]{{2}})(?![0-9])",
    re.IGNORECASE,
)
_DAY_BEFORE_OF = re.compile(
    rf"(?:(?<![0-9])(?P<d>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?|"
    rf"\b(?P<dw>{_ORDINAL_ALTERNATIVES})|\b(?P<month>month))\s+(?:day\s+)?$",
    re.IGNORECASE,
)


def _scan_day_of_month_of_year(text: str) -> list[DateMention]:
    out = []
    for m in _OF_MONTH_OF_YEAR.finditer(text):
        lead = _DAY_BEFORE_OF.search(text, max(0, m.start() - 24), m.start())
        if lead is None:
            continue
        y, mo = int(m["y"]), _month_number(m["m"])
        if lead["month"]:  # "the month of October of the year 2020"
            if m.group().lower().startswith("of the month"):
                continue
            out.append(DateMention(lead.start(), m.end(), f"{y:04d}-{mo:02d}", y, "month"))
            continue
        d = int(lead["d"]) if lead["d"] else _ORDINAL_DAYS[lead["dw"].lower()]
        if d <= _days_in_month(y, mo):
            out.append(DateMention(lead.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", y, "day"))
    return out


_YESTERDAY = re.compile(r"(?i)(?<!\w)(?:the\s+day\s+of\s+)?yesterday(?!\w)")


def _scan_yesterday(text: str, anchor: Anchor) -> list[DateMention]:
    """ "yesterday", "the day of yesterday" (translated): the day before a full anchor date."""
    ay, am, ad = anchor
    day = datetime.date(ay, am or 1, ad or 1) - datetime.timedelta(days=1)
    return [
        DateMention(m.start(), m.end(), day.isoformat(), day.year, "day") for m in _YESTERDAY.finditer(text)
    ]


# "in November and December 2018": the first month takes the year written after the second
_MONTHS_SHARING_A_YEAR = re.compile(
    rf"\b(?P<first>{_MONTH})\s+and\s+(?:in\s+)?{_MONTH}\s+(?P<y>(?:19|20)[0-9]{{2}})(?![0-9])",
    re.IGNORECASE,
)


def _scan_months_sharing_a_year(text: str) -> list[DateMention]:
    out = []
    for m in _MONTHS_SHARING_A_YEAR.finditer(text):
        y, mo = int(m["y"]), _month_number(m["first"])
        out.append(DateMention(m.start("first"), m.end("first"), f"{y:04d}-{mo:02d}", y, "month"))
    return out


def _find(
    text: str, anchor: Anchor | None, windowed: bool = True, day_first: bool = False
) -> list[DateMention]:
    found = _scan_main(text, anchor, windowed, day_first)
    if " of " in text:
        spelled = _scan_day_of_month_of_year(text)
        if spelled:
            found = _merge_longest(found, spelled)
    words = _scan_words(text)
    if words:
        found = _merge_longest(found, words)
    if " de " in text:
        iberian = _scan_iberian(text)
        if iberian:
            found = _merge_longest(found, iberian)
    if SPOKEN_YEAR_HINT.search(text):
        spoken = _scan_spoken_years(text)
        if spoken:
            found = _merge_longest(found, spoken)
    if found and " and " in text:
        shared = _scan_months_sharing_a_year(text)
        if shared:
            found = _merge_longest(found, shared)
    if anchor is not None or found:
        months = _scan_bare_months(text, anchor, found)
        if months:
            found = _merge_longest(found, months)
    if anchor is not None:
        relative = _scan_relative(text, anchor)
        if relative:
            found = _merge_longest(found, relative)
        if anchor[2] is not None and _WEEKDAY_HINT.search(text):
            found = _merge_longest(found, _scan_weekdays(text, anchor))
        if "ast " in text or "his " in text or "ext " in text:
            named = _scan_named_months(text, anchor)
            if named:
                found = _merge_longest(found, named)
        if anchor[2] is not None and "esterday" in text:
            found = _merge_longest(found, _scan_yesterday(text, anchor))
    return found


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def find_dates(
    text: str, start: int = 0, end: int | None = None, *, anchor: str | None = None, day_first: bool = False
) -> list[DateMention]:
    """All date mentions in text[start:end]: absolute offsets, sorted by start, non-overlapping.

    At one position the longest reading wins. ``anchor`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``,
    a date the document itself states, e.g. its dateline) resolves month-day forms without a year
    and relative expressions; without it they give nothing. A malformed anchor raises ValueError.
    ``day_first`` reads numeric dates valid both ways (``08/07/2025``) day first, where the document
    says it writes them so; otherwise only their year is certain.
    """
    anchor_parts = _parse_anchor(anchor)
    start, end, _ = slice(start, end).indices(len(text))
    if start >= end:
        return []
    if start == 0 and end == len(text):
        return _find(text, anchor_parts, day_first=day_first)
    return [
        DateMention(m.start + start, m.end + start, m.value, m.year, m.precision)
        for m in _find(text[start:end], anchor_parts, day_first=day_first)
    ]


def parse_date(expression: str, *, anchor: str | None = None) -> str | None:
    """Normalise one expression ("24 April 2024") to ISO at its precision, or None.

    A leading preposition (``in 2021``) and surrounding brackets or punctuation are tolerated;
    anything else around the date, or a second date, gives None.
    """
    mentions = find_dates(expression, anchor=anchor)
    if len(mentions) != 1:
        return None
    m = mentions[0]
    if _PARSE_LEAD.match(expression[: m.start]) and _PARSE_TAIL.match(expression[m.end :]):
        return m.value
    return None


def latest_explicit_date(text: str) -> str | None:
    """Latest day-precision date written out in full in ``text`` (e.g. a dateline), or None.

    Only complete dates count (no anchor is used), so the result can serve as ``anchor``. A future
    date written in full (a planned launch) can also be the latest: prefer a known dateline.
    """
    days = [m.value for m in find_dates(text) if m.precision == "day"]
    for m in _DAY_RANGE.finditer(text):  # "2–3 December 2025": the meeting's last day
        last = int(m["d2"])
        month, year = _month_number(m["m"]), int(m["y"])
        if int(m["d1"]) < last <= _days_in_month(year, month):
            days.append(f"{year:04d}-{month:02d}-{last:02d}")
    return max(days) if days else None


_DAY_RANGE = re.compile(
    rf"(?<![\w-])(?P<d1>[0-3]?[0-9])\s*[–-]\s*(?P<d2>[0-3]?[0-9])\s+(?P<m>{_MONTH})\.?,?\s+(?P<y>(?:19|20)[0-9]{{2}})(?![\w-])",
    re.IGNORECASE,
)
