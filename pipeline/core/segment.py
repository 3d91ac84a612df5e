"""Structural segmentation of article text, described purely by offsets.

The input is a document's text exactly as decoded from its file (no newline
translation): it may hold ``\\r\\n`` or ``\\r`` line ends, tabs, non-breaking spaces,
curly quotes and CJK text.  Nothing here rewrites that text; every piece is a
``(start, end)`` span into it, so ``text[start:end]`` is always the piece.

Three layers:

* :func:`split_blocks` cuts the text into structural blocks (headings, paragraphs,
  list items, table captions/headers/rows, and page "furniture" such as running
  headers and page numbers).
* :func:`split_sentences` cuts the prose blocks into sentences.
* :func:`clean_view` builds a normalised copy of a span (PDF hyphenation and hard
  wraps undone, whitespace collapsed, furniture dropped) together with a map from
  every clean character back to its original offset.

Heuristics (all linear in the length of the text):

* **Lines and chunks.** Lines end at any break :meth:`str.splitlines` knows
  (``\r\n``, ``\r``, ``\n``, form feed, U+2028, ...).  Blocks are trimmed of
  surrounding whitespace and of BOM/zero-width characters.  Blank lines (only
  whitespace) separate *chunks*.
* **Wrapped vs. line-per-paragraph chunks.** A *strong joint* between two prose
  lines is one where the first ends with a comma or a word hyphen, or ends
  without sentence punctuation while the next starts lower-case (CJK: a line of
  15+ characters ending in a CJK character followed by one).  A chunk with at
  least one strong joint among every three joints is hard-wrapped prose (PDF
  extraction): its lines join into one paragraph except where a line is short
  (< 70 % of the chunk's longest line), a Markdown heading intervenes, or a list
  marker starts a new item.  Otherwise each line is its own block (one paragraph
  per line), joining only across strong joints, consecutive ALL-CAPS title lines
  and indented continuation lines of a list item.
* **Tables.** At least two consecutive lines with two or more ``|`` form a pipe
  table; when the run holds a Markdown separator row (``|---|``), lines with one
  ``|`` count too.  At least two consecutive lines with tabs form a tab table
  when every line has two or more tabs or all have the same number.  The first
  non-separator row is the header; separator rows are furniture.  The caption is
  the line just above the header when it starts with "Table"/"Tab."/"Таблица"/
  "表" (one blank line may intervene) or is a short (≤ 12 words) line that does
  not end in "." and does not continue a wrapped sentence.
* **Furniture.** Page numbers ("12", "- 12 -", "Page 3 of 10", "xii"); lines
  without a letter or digit (rules, "* * *", Markdown fences); journal headers,
  i.e. a page number at the start or end plus mostly ALL-CAPS words, with a year,
  "•", "|", "Vol"/"Issue"/"No."/"Journal" elsewhere on the line or a page number
  of 3+ digits that is not a year; and running headers, i.e. short stand-alone
  lines (at a chunk edge, not part of a wrapped sentence, not ending in ".")
  whose text without digits repeats three times, or twice when the copies carry
  numbers and the remaining text has 8+ characters.  "Table 2", "Article 3",
  "Chapter 1" and similar numbered structure never count as repeats.
* **Headings.** Markdown ``#`` lines; single-line blocks of ≤ 12 words (≤ 20 if
  Title Case; ≤ 150 chars; ≤ 30 CJK characters) that do not end in ``. , ; !``
  and do not start lower-case; ALL-CAPS multi-line titles; setext-underlined
  lines; a lone short numbered item ("1. Introduction"); and the lead-in line of
  a list when it ends with ":".  In very long single-line paragraphs (1000+
  characters: flattened web pages) a Title-Case phrase run into the start of a
  sentence ("... region. Broader Implications: Cooperation and Competition IDSEA
  signals ...") is split off as its own heading block when it holds a ":" or a
  comma plus a lower-case function word such as "of"/"in".
* **Lists.** Lines starting with a bullet (``- * + • ◦ ▪ ‣ · ● ○ ■ □ ➢ ► –``) or a
  number/letter marker (``1.``, ``1)``, ``(1)``, ``a)``, ``[1]``) and a space.  A
  list item's ``context`` is the block before the list (skipping furniture) when
  that is a heading or ends with ":", otherwise the nearest heading above.
* **Sentences.** See :func:`split_sentences`.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, pairwise

__all__ = [
    "FURNITURE",
    "HEADING",
    "LIST_ITEM",
    "PARAGRAPH",
    "TABLE_CAPTION",
    "TABLE_HEADER",
    "TABLE_ROW",
    "Block",
    "CleanView",
    "Sentence",
    "clean_view",
    "split_blocks",
    "split_sentences",
]

HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE_CAPTION = "table_caption"
TABLE_HEADER = "table_header"
TABLE_ROW = "table_row"
FURNITURE = "furniture"


@dataclass(frozen=True, slots=True)
class Block:
    """One structural piece of the text; ``text[start:end]`` is the block (trimmed)."""

    kind: str
    start: int
    end: int
    context: int | None
    caption: int | None
    cells: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence span ``text[start:end]`` inside block number ``block``."""

    start: int
    end: int
    block: int


@dataclass(frozen=True, slots=True)
class CleanView:
    """Text with PDF line-break artefacts removed, mapped back to the original."""

    text: str
    # origin[i] = original offset of clean char i; one extra entry at the end (a range when the
    # clean text is an unchanged slice of the original)
    origin: array | range
    # clean offsets where a new column or a column's paragraph starts: no sentence runs across one
    breaks: tuple[int, ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the clean span ``[start, end)`` to the original span it came from."""
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if start == end:
            pos = self.origin[start]
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1


# --------------------------------------------------------------------------- characters

# Line breaks as understood by str.splitlines.
_LB = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# Horizontal whitespace (str.isspace minus line breaks).
_HWS = " \t\x1f\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_ZW = "\ufeff\u200b\u200c\u200d\u2060"
_STRIP = _LB + _HWS + _ZW
_BOX_SIDES = "│┃║"  # the sides of a text box drawn with box characters: stripped like whitespace
_BOX_ONLY = frozenset("┌┐└┘├┤┬┴┼─━═╔╗╚╝╠╣╦╩╬╭╮╯╰" + _BOX_SIDES + " ")


def _framed(s: str) -> bool:
    """A stripped line inside a text box: it starts or ends with a box side ("│ text │")."""
    return bool(s) and (s[0] in _BOX_SIDES or s[-1] in _BOX_SIDES)


_CLOSERS = "\"'”’»)]」』）"
_OPENERS = "\"'“‘«„(「『（"
_TERMINAL = ".!?:;。！？…"
_HYPHENS = "-\u2010\xad"

_LB_RE = re.compile("\r\n|[" + _LB + "]")
# Pictographs read as spacing: flags, emoji and their variation selector ("China 🇨🇳 and Russia 🇷🇺").
# Dingbats such as ✔ ✘ ❌ stay: tables use them as answers.
_EMOJI = "\U0001f1e6-\U0001f1ff\U0001f300-\U0001faff\ufe0f\u26a0"
_NORM_RE = re.compile(
    "[" + _HWS + "]*[" + _EMOJI + "](?:[" + _HWS + "]*[" + _EMOJI + "])*[" + _HWS + "]*|"
    "[" + _HWS + "]{2,}|[" + _HWS.replace(" ", "") + "]|[\xad" + _ZW + "]"
)  # emoji, whitespace needing normalisation, and invisible characters to drop
_WS_RUN = re.compile(r"\s*")
# A line break or a character the clean view changes (all of _NORM_RE but a run of plain spaces).
_ODD_CHAR = re.compile("[" + _LB + _HWS.replace(" ", "") + "\xad" + _ZW + _EMOJI + "]")
_WORD_RE = re.compile(r"\S+")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _is_cjk(c: str) -> bool:
    o = ord(c)
    return (
        0x3040 <= o <= 0x30FF
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xAC00 <= o <= 0xD7AF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x2FFFF
    )


def _ends_terminal(s: str) -> bool:
    """True if ``s`` ends in sentence punctuation (before any closing quotes/brackets)."""
    t = s.rstrip(_CLOSERS)
    return bool(t) and t[-1] in _TERMINAL


def _is_allcaps(s: str) -> bool:
    return s.upper() == s and s.lower() != s


def _first_alpha_lower(s: str) -> bool:
    for c in s[:8]:
        if c.isalpha():
            return c.islower()
    return False


# --------------------------------------------------------------------------- line patterns

_MARKER_RE = re.compile(
    r"(?:(?P<b>[-*+•◦▪▫‣·●○■□➢►–])|(?P<n>\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-z]\))|(?P<r>\[\d{1,3}\]))"
    r"[ \t\xa0]+(?=\S)"
)
_MARKER_START = frozenset("-*+•◦▪▫‣·●○■□➢►–([")
_ALNUM_RE = re.compile(r"[^\W_]")
_DIGIT_RE = re.compile(r"\d")
_MD_HEADING_RE = re.compile(r"#{1,6}(?:[ \t]+|$)")
_PAGE_NO_RE = re.compile(
    r"(?:[-–—]\s*)?(?:(?:page|p\.|pg\.?|стр\.?)\s*)?\d{1,4}(?:\s*(?:/|of|из)\s*\d{1,4})?(?:\s*[-–—])?",
    re.IGNORECASE,
)
_YEAR_LINE_RE = re.compile(r"(?:19|20)\d\d")
_ROMAN_LOWER_RE = re.compile(r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_EDGE_NUM_RE = re.compile(r"^(\d{1,4})\s|\s(\d{1,4})$")
_CAPS_WORD_RE = re.compile(r"[^\W\d_][^\W\d_'’&-]*")
_JOURNAL_HINT_RE = re.compile(r"\b(?:19|20)\d\d\b|[•|·]|\b(?:vol|volume|issue|no|pp|journal)\b", re.I)
_CAPTION_RE = re.compile(r"[*_]{0,3}(?:table|tab\.|tbl\.|таблица|表)", re.IGNORECASE)  # "*Table 3.*" too
_NO_REPEAT_RE = re.compile(  # numbered structure that legitimately repeats ("Article 2", "Table 3")
    r"(?:table|fig|figure|chart|source|note|map|chapter|section|part|article|annex|appendix|step|phase"
    r"|stage|session|round|day|week|question|case|box|exhibit|scenario|option|level|decree|law|resolution"
    r"|ordinance|notice|record|entry|slide)\b",
    re.IGNORECASE,
)
_KEY_DROP_RE = re.compile(r"[\d\W_]+")


_FUNC = _wordset(
    "a an the and or of in on at to for with by from as vs via into over under between "
    "beyond after before without within across against about &"
)
_STARTERS = _wordset(
    "The This These Those A An In On At As By For From With While Since Its It After Before During "
    "Although When Under Over Between Our We Their They"
)


def _is_separator_row(s: str) -> bool:
    """Markdown/grid table separator such as ``|---|:--:|`` or ``+----+``."""
    return ("|" in s or "+" in s) and "-" in s and not s.strip("|-:+= \t")


def _is_rule(s: str) -> bool:
    """Horizontal rule or setext underline (``---``, ``===``, ``***``)."""
    return len(s) >= 3 and not s.strip("-=*_~ \t")


_COLUMN_LEAD_RE = re.compile(r"\S{1,12}\s{2,}\S")  # an entry's first column, then a gap: "09  ::  2021"
_LABELLED_RULE_RE = re.compile(r"[-=*_~]{5,}\s*[^\W\d_][\w .'’&/-]{0,40}?\s*[-=*_~]*")


def _is_labelled_rule(s: str) -> bool:
    """A rule carrying a section label ("-------- JANUARY", "==== 2021 ===="): a heading of its own."""
    return s[:1] in "-=*_~" and _LABELLED_RULE_RE.fullmatch(s) is not None


def _is_page_number(s: str) -> bool:
    if len(s) > 24:
        return False
    if len(s) <= 6 and _ROMAN_LOWER_RE.fullmatch(s):
        return True
    if _YEAR_LINE_RE.fullmatch(s):
        return False  # "2025" alone on its line: a chronology's year heading (a repeated one is furniture)
    return _PAGE_NO_RE.fullmatch(s) is not None


def _is_journal_header(s: str) -> bool:
    """A running header like ``228  JOURNAL NAME • Issue 2 • 2020``."""
    if len(s) > 200:
        return False
    m = _EDGE_NUM_RE.search(s)
    if not m:
        return False
    words = _CAPS_WORD_RE.findall(s)
    caps = sum(1 for w in words if len(w) >= 2 and w.isupper())
    if caps < 2 or caps * 2 < len(words):
        return False
    num = m.group(1) or m.group(2)
    rest = s[m.end() :] if m.group(1) else s[: m.start()]
    if _JOURNAL_HINT_RE.search(rest):
        return True
    return len(num) >= 3 and not (len(num) == 4 and num[:2] in ("19", "20"))  # a page number, not a year


def _title_case(words: list[str]) -> bool:
    """Do (almost) all words other than short function words start upper-case?"""
    content = [w for w in words if w[0].isalpha() and w.lower() not in _FUNC]
    caps = sum(1 for w in content if w[0].isupper())
    return bool(content) and caps * 10 >= len(content) * 9


def _heading_like(s: str) -> bool:
    """Short line without final sentence punctuation (``?`` and ``:`` allowed)."""
    if len(s) > 150 or not s or s[-1] in ".,;!" or "://" in s:
        return False
    words = s.split(None, 20)
    if len(words) > 20 or (len(words) > 12 and not _title_case(words)):
        return False
    if len(s) > 30 and max(s) >= "\u3040" and sum(1 for c in s if _is_cjk(c)) > 30:
        return False
    if s[-1] in "。！；，":
        return False
    if not any(c.isalpha() for c in s):
        return False
    if OPEN_ENDING_RE.search(s):
        return False  # "... between UiT The Arctic University of Norway and": a sentence runs on
    return not _first_alpha_lower(s)


OPEN_ENDING_RE = re.compile(
    r"\s(?:and|or|of|in|the|a|an|to|for|on|by|with|from|at|between|that|which|its|their)$"
)


# --------------------------------------------------------------------------- block assembly


class _B:
    """Mutable block record used while assembling."""

    __slots__ = ("cells", "end", "first", "header", "idx", "kind", "last", "marker", "start", "table_cap")

    def __init__(self, kind: str, start: int, end: int, first: int, last: int) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.first = first  # first line index
        self.last = last  # last line index
        self.marker: str | None = None
        self.header: _B | None = None
        self.table_cap: _B | None = None
        self.cells: tuple[tuple[int, int], ...] = ()
        self.idx = -1  # final index, set by _finalise


def _lines(text: str) -> tuple[list[int], list[int], list[int], list[str]]:
    """Raw start, stripped start/end and stripped content of every line (blank: "")."""
    contents = text.splitlines()
    raw = [0, *accumulate(map(len, text.splitlines(keepends=True)))]
    del raw[len(contents) :]
    starts: list[int] = []
    ends: list[int] = []
    strs: list[str] = []
    for pos, content in zip(raw, contents, strict=True):
        s = content.strip()
        if s and (s[0] in _ZW or s[-1] in _ZW):
            s = s.strip(_STRIP)
        if s and set(s) <= _BOX_ONLY:
            s = ""  # "┌────┐": the frame of a text box
        elif _framed(s):
            s = s.strip(_STRIP + _BOX_SIDES)
        if s:
            a = pos + content.find(s[0])  # the leading part holds only strippable characters
            starts.append(a)
            ends.append(a + len(s))
        else:
            starts.append(pos)
            ends.append(pos)
        strs.append(s)
    return raw, starts, ends, strs


def _cells(text: str, a: int, z: int, sep: str) -> tuple[tuple[int, int], ...]:
    """Non-empty cells of the row ``text[a:z]`` split on ``sep``, stripped of spaces and pipes."""
    out: list[tuple[int, int]] = []
    pos = a
    strip = _STRIP + "|"
    row = text[a:z]
    if sep == "," and '"' in row:  # quoted fields: split where the unquoted commas are, drop the quotes
        masked = _csv_masked(row)
        cuts = [i for i, c in enumerate(masked) if c == ","]
        for lo, hi in pairwise([-1, *cuts, len(row)]):
            out.append(_trimmed_cell(text, a + lo + 1, a + hi, _STRIP + '"'))
        return tuple(out)
    for seg in row.split(sep):
        cell = _trimmed_cell(text, pos, pos + len(seg), strip)
        if cell[1] > cell[0] or sep != "|":  # "ILRS<TAB>Malaysia<TAB><TAB>applied": an empty cell (kept
            out.append(cell)  # where the row has as many cells as its header)
        pos += len(seg) + 1
    return tuple(out)


def _trimmed_cell(text: str, lo: int, hi: int, strip: str) -> tuple[int, int]:
    """``text[lo:hi]`` without the surrounding `strip` characters; an empty cell is ``(lo, lo)``."""
    piece = text[lo:hi]
    core = piece.strip(strip)
    if not core:
        return (lo, lo)
    lead = lo + piece.find(core[0])  # the stripped prefix holds no cell character
    return (lead, lead + len(core))


_COLUMN_RULER_RE = re.compile(r"-{2,}(?: +-{2,})+")


def _is_column_ruler(s: str) -> bool:
    """A ruler under a plain-text table's header: runs of dashes, one per column ("-----  ----  ---")."""
    return s[:2] == "--" and _COLUMN_RULER_RE.fullmatch(s) is not None


def _ruled_cells(text: str, a: int, z: int, columns: list[int]) -> tuple[tuple[int, int], ...]:
    """The cells of the line ``text[a:z]`` cut where the ruler's columns start; an empty cell is a
    zero-length span at its column, so that cells and columns keep their positions."""
    ends = [min(a + start, z) for start in columns[1:]] + [z]
    return tuple(
        _trimmed_cell(text, min(a + start, z), end, _STRIP) for start, end in zip(columns, ends, strict=True)
    )


_GAP_RE = re.compile(r"\S+(?: \S+)*")  # a run of text without a double space: one cell of an aligned row


def _aligned_table(
    chunk: list[int],
    raw: list[int],
    ls: list[int],
    le: list[int],
    strs: list[str],
    text: str,
    role: dict[int, str],
) -> tuple[list[int], list[int]] | None:
    """A table typed with spaces and no rulers: a header of three or more short labels two or more
    spaces apart ("Country   Standing   Since   Space body"), then two rows or more whose every cell
    starts at one of the header's columns (a wrapped cell continues at its own column)."""
    if len(chunk) < 3 or any(i in role for i in chunk):
        return None
    for at in (0, 1):
        if len(chunk) - at < 3:
            return None
        head = chunk[at]
        line = text[raw[head] : le[head]]
        if "  " not in line:
            continue
        labels = list(_GAP_RE.finditer(line))
        if len(labels) < 3 or any(len(m.group().split()) > 4 or m.group().endswith(".") for m in labels):
            continue
        columns = [m.start() for m in labels]
        rows = chunk[at + 1 :]
        if (
            all(all(m.start() in columns for m in _GAP_RE.finditer(text[raw[i] : le[i]])) for i in rows)
            and sum(len(list(_GAP_RE.finditer(text[raw[i] : le[i]]))) >= 2 for i in rows) >= 2
        ):
            return chunk[at:], columns
    return None


_DATE_CELL_RE = re.compile(r"\b(?:19|20)\d\d\b")


def _wraps_row(text: str, above: tuple[tuple[int, int], ...], cells: tuple[tuple[int, int], ...]) -> bool:
    """A line of a typed table that continues the row above: it fills at most half the columns and
    leaves empty every column in which the row above has a date."""
    filled = [k for k, (x, y) in enumerate(cells) if y > x]
    dated = [
        k
        for k, (x, y) in enumerate(above)
        if y > x and _DATE_CELL_RE.search(text, x, y) and "\n" not in text[x:y]
    ]
    return bool(filled) and 2 * len(filled) <= len(cells) and bool(dated) and not set(dated) & set(filled)


def _find_tables(
    chunk: list[int], strs: list[str]
) -> list[tuple[list[int], str]]:  # (line indices, separator char)
    """Table runs inside one chunk."""
    tables: list[tuple[list[int], str]] = []
    used: set[int] = set()
    run: list[int] = []

    def flush_pipe(run: list[int]) -> None:
        if len(run) < 2:
            return
        if any(_is_separator_row(strs[i]) for i in run):
            tables.append((list(run), "|"))
            used.update(run)
            return
        sub: list[int] = []
        for i in [*run, -1]:
            if i >= 0 and strs[i].count("|") >= 2:
                sub.append(i)
                continue
            if len(sub) >= 2:
                tables.append((sub, "|"))
                used.update(sub)
            sub = []

    for i in chunk:
        if "|" in strs[i] or (run and _is_separator_row(strs[i])):  # "-----+-----": a psql-style rule
            run.append(i)
        else:
            flush_pipe(run)
            run = []
    flush_pipe(run)

    run = []
    for i in [*chunk, -1]:  # comma-separated rows: the same number of commas, no prose
        if i >= 0 and i not in used and _csv_row(strs[i]):
            run.append(i)
            continue
        if len(run) >= 3 and len({_csv_masked(strs[j]).count(",") for j in run}) == 1:
            tables.append((run, ","))
            used.update(run)
        run = []

    run = []
    for i in [*chunk, -1]:  # semicolon-separated rows: the same number of semicolons, three rows or more
        if i >= 0 and i not in used and strs[i].count(";") >= 2 and not strs[i].endswith("."):
            run.append(i)
            continue
        if len(run) >= 3 and len({strs[j].count(";") for j in run}) == 1:
            tables.append((run, ";"))
            used.update(run)
        run = []

    run = []
    for i in [*chunk, -1]:
        if i >= 0 and i not in used and "\t" in strs[i]:
            run.append(i)
            continue
        if len(run) >= 2:
            counts = [strs[j].count("\t") for j in run]
            if min(counts) >= 2 or len(set(counts)) == 1:
                tables.append((run, "\t"))
        run = []
    tables.sort(key=lambda t: t[0][0])
    return tables


def _continues_row(line: str, header: str) -> bool:
    """Is a table line the continuation of the row above: its first cell empty where the header's
    first cell is not ("     |      |     | wrapped text" under "YEAR | WHEN | DAY | ENTRY")?"""
    framed = header.startswith("|")
    body = line[1:] if framed and line.startswith("|") else line
    first = body.split("|", 1)
    head_first = (header[1:] if framed else header).split("|", 1)[0]
    return len(first) == 2 and not first[0].strip() and bool(head_first.strip())


_CSV_QUOTED_RE = re.compile(r'"(?:[^"]|"")*"')


def _csv_masked(s: str) -> str:
    """``s`` with each double-quoted CSV field blanked out (same length), so its commas do not count."""
    return _CSV_QUOTED_RE.sub(lambda m: '"' + "_" * (len(m.group()) - 2) + '"', s) if '"' in s else s


def _csv_row(s: str) -> bool:
    """A line that reads as comma-separated values: commas without spaces after them outside quoted
    fields ("India,BRICS,2009,\"first summit, Yekaterinburg\""), no sentence."""
    s = _csv_masked(s)
    return s.count(",") >= 2 and ", " not in s and not s.endswith(".") and "|" not in s


def _repeat_key(s: str) -> str:
    return _KEY_DROP_RE.sub(" ", s.lower()).strip()


def split_blocks(text: str) -> list[Block]:
    """Split ``text`` into structural blocks, in document order, with exact offsets."""
    raw, ls, le, strs = _lines(text)
    nlines = len(strs)

    # Chunks: maximal runs of non-blank lines.
    chunks: list[list[int]] = []
    cur: list[int] = []
    for i in range(nlines):
        if strs[i]:
            cur.append(i)
        elif cur:
            chunks.append(cur)
            cur = []
    if cur:
        chunks.append(cur)

    role: dict[int, str] = {}  # line -> "table" | "sep" | "furn" | "cap"
    tables: list[tuple[list[int], str]] = []
    rulers: dict[int, list[int]] = {}  # first line of a ruled table -> the columns its ruler marks
    if "--" in text:
        for chunk in chunks:
            for at in range(1, len(chunk) - 1):
                i = chunk[at]
                if chunk[at - 1] not in role and _is_column_ruler(strs[i]):
                    line = text[raw[i] : le[i]]
                    rows = [chunk[at - 1], i, *chunk[at + 1 :]]
                    rulers[rows[0]] = [m.start() for m in re.finditer(r"-+", line)]
                    tables.append((rows, "ruler"))
                    for j in rows:
                        role[j] = "sep" if j == i else "table"
                    break
    if "   " in text:
        for chunk in chunks:
            aligned = _aligned_table(chunk, raw, ls, le, strs, text, role)
            if aligned is not None:
                rows, columns = aligned
                rulers[rows[0]] = columns
                tables.append((rows, "aligned"))
                role.update(dict.fromkeys(rows, "table"))
    cell_lines: set[int] = set()
    if "|" in text or "\t" in text or ",," in text or "," in text or ";" in text:
        cell_lines = {
            i for i, s in enumerate(strs) if "|" in s or "\t" in s or _csv_row(s) or s.count(";") >= 2
        }
    for chunk in chunks:
        if not cell_lines or cell_lines.isdisjoint(chunk) or chunk[0] in rulers:
            continue
        for rows, sep in _find_tables(chunk, strs):
            tables.append((rows, sep))
            for i in rows:
                role[i] = "sep" if sep == "|" and _is_separator_row(strs[i]) else "table"

    # Furniture: page numbers, decorative lines, journal headers, repeated stand-alone lines.
    edge_keys: dict[int, str] = {}
    for chunk in chunks:
        first, last = chunk[0], chunk[-1]
        for i in (first, last) if first != last else (first,):
            s = strs[i]
            if i in role or len(s) > 120 or s[-1] == "." or len(s.split(None, 12)) > 12:
                continue
            if i != first and _strong_joint(strs[i - 1], s):
                continue  # last line of a wrapped paragraph
            if i != last and _strong_joint(s, strs[i + 1]):
                continue  # first line of a wrapped paragraph
            if _NO_REPEAT_RE.match(s) or _MD_HEADING_RE.match(s) or _MARKER_RE.match(s):
                continue
            key = _repeat_key(s)
            if key:
                edge_keys[i] = key
    key_count = Counter(edge_keys.values())
    key_digit = {
        k for i, k in edge_keys.items() if key_count[k] >= 2 and len(k) >= 8 and _DIGIT_RE.search(strs[i])
    }
    repeated = {i for i, k in edge_keys.items() if key_count[k] >= 3 or k in key_digit}
    markers: dict[int, str] = {}
    md: set[int] = set()
    for i in range(nlines):
        s = strs[i]
        if not s or (role and i in role):
            continue
        if i in repeated:
            role[i] = "furn"
            continue
        c = s[0]
        if c.isupper() and len(s) > 24 and not s[-1].isdigit():
            continue  # fast path: ordinary prose line
        if (
            (not c.isalpha() and _ALNUM_RE.search(s) is None)
            or (len(s) <= 24 and _is_page_number(s))
            or (c == "`" and s.startswith("```"))
            or ((c.isdigit() or s[-1].isdigit()) and _is_journal_header(s))
        ):
            role[i] = "furn"
        elif c == "#":
            if _MD_HEADING_RE.match(s):
                md.add(i)
        elif c in _MARKER_START or c.isdigit() or (c.islower() and s[1:2] == ")"):
            m = _MARKER_RE.match(s)
            if m:
                markers[i] = "num" if m.group("n") else ("ref" if m.group("r") else m.group("b"))

    # Captions: the line just above a table's header.
    for rows, _sep in tables:
        top = rows[0]
        above = top - 1
        if above < 0:
            continue
        if strs[above]:
            s = strs[above]
            if above in role or _MARKER_RE.match(s) or _MD_HEADING_RE.match(s):
                continue
            prev = above - 1
            continuation = prev >= 0 and bool(strs[prev]) and _strong_joint(strs[prev], s)
            if _CAPTION_RE.match(s) or (
                not continuation and len(s.split(None, 12)) <= 12 and not s.endswith(".")
            ):
                role[above] = "cap"
        elif (
            above >= 1 and strs[above - 1] and (above - 1) not in role and _CAPTION_RE.match(strs[above - 1])
        ):
            role[above - 1] = "cap"

    blocks: list[_B] = []
    table_at: dict[int, tuple[list[int], str]] = {rows[0]: (rows, sep) for rows, sep in tables}

    for chunk in chunks:
        # (short cells that repeat, "In force", may have been taken for page furniture)
        flat = all(role.get(i) in (None, "furn") for i in chunk)
        width = _flattened_table_width(chunk, strs) if flat else 0
        cap = None
        if flat and not width and _CAPTION_RE.match(strs[chunk[0]]):
            width = _flattened_table_width(chunk[1:], strs)  # "Table 4-1  Spacecraft launched in 2024"
            if width:
                cap = _B(TABLE_CAPTION, ls[chunk[0]], le[chunk[0]], chunk[0], chunk[0])
                blocks.append(cap)
                chunk = chunk[1:]
        if width:  # a table a PDF flattened to one cell per line
            header = None
            for at in range(0, len(chunk), width):
                lines = chunk[at : at + width]
                b = _B(
                    TABLE_ROW if header is not None else TABLE_HEADER,
                    ls[lines[0]],
                    le[lines[-1]],
                    lines[0],
                    lines[-1],
                )
                b.cells = tuple((ls[i], le[i]) for i in lines)
                b.table_cap = cap
                b.header = header
                header = header or b
                blocks.append(b)
            continue
        ctx = _chunk_context(chunk, ls, le, strs, role, markers, md)
        if not role or role.keys().isdisjoint(chunk):
            _prose_blocks(chunk, ctx, raw, ls, le, strs, markers, md, blocks)  # fast path: prose only
            continue
        segment: list[int] = []
        idx = 0
        while idx < len(chunk):
            i = chunk[idx]
            r = role.get(i)
            if r is None:
                segment.append(i)
                idx += 1
                continue
            if segment:
                _prose_blocks(segment, ctx, raw, ls, le, strs, markers, md, blocks)
                segment = []
            if r == "furn":
                blocks.append(_B(FURNITURE, ls[i], le[i], i, i))
                idx += 1
            elif r == "cap":
                blocks.append(_B(TABLE_CAPTION, ls[i], le[i], i, i))
                idx += 1
            else:
                rows, sep = table_at[i]
                cap = blocks[-1] if blocks and blocks[-1].kind == TABLE_CAPTION else None
                header: _B | None = None
                for j in rows:
                    if role[j] == "sep":
                        blocks.append(_B(FURNITURE, ls[j], le[j], j, j))
                        continue
                    if sep in ("ruler", "aligned"):
                        cells = _ruled_cells(text, raw[j], le[j], rulers[rows[0]])
                        filled = [k for k, (x, y) in enumerate(cells) if y > x]
                        previous = blocks[-1] if header is not None and blocks[-1].kind == TABLE_ROW else None
                        if previous is not None and (
                            # only the last column runs on from the row above
                            (filled == [len(cells) - 1] and previous.cells[-1][1] > previous.cells[-1][0])
                            # "Agreement on the | AEB, ... | 18 Aug 2021", then "BRICS Remote ..." below it
                            or (sep == "aligned" and _wraps_row(text, previous.cells, cells))
                        ):
                            previous.end, previous.last = le[j], j
                            previous.cells = tuple(
                                (p[0] if p[1] > p[0] else c[0], c[1]) if c[1] > c[0] else p
                                for p, c in zip(previous.cells, cells, strict=True)
                            )
                            continue
                    else:
                        cells = _cells(text, ls[j], le[j], sep)
                        if sep != "|" and (header is None or len(cells) != len(header.cells)):
                            # a doubled separator in a typed table is spacing; in an export that keeps
                            # the header's count, an empty cell holds its column
                            cells = tuple(c for c in cells if c[1] > c[0])
                    previous = (
                        blocks[-1]
                        if header is not None and blocks[-1].kind in (TABLE_ROW, TABLE_HEADER)
                        else None
                    )
                    if (
                        previous is not None
                        and sep == "|"
                        and cells
                        and _continues_row(strs[j], strs[header.first])
                    ):
                        # "     |      |     | wrapped text": the cells of the row above run on
                        kept = len(previous.cells) - len(cells)
                        if kept >= 0:
                            previous.end, previous.last = le[j], j
                            previous.cells = previous.cells[:kept] + tuple(
                                (old[0], new[1])
                                for old, new in zip(previous.cells[kept:], cells, strict=True)
                            )
                            continue
                    b = _B(TABLE_ROW if header is not None else TABLE_HEADER, ls[j], le[j], j, j)
                    b.cells = cells
                    b.table_cap = cap
                    b.header = header
                    if header is None:
                        header = b
                    blocks.append(b)
                idx += len(rows)
        if segment:
            _prose_blocks(segment, ctx, raw, ls, le, strs, markers, md, blocks)

    _post_process(text, blocks, strs)
    blocks = _split_run_in_headings(text, blocks)
    if "   " in text:
        blocks = _join_column_regions(blocks, _column_regions(text, raw, ls, le, strs))
    return _finalise(text, blocks)


def _column_regions(
    text: str, raw: list[int], ls: list[int], le: list[int], strs: list[str]
) -> list[tuple[int, int]]:
    """Runs of lines printed as two columns side by side (``pdftotext -layout``), as (first, last) line
    indices: one gutter column serves every line, a line may sit wholly in one column or be blank
    (not two in a row), and three lines or more have prose on both sides of the gutter. A run ends
    after ten lines without a line across both columns."""
    regions: list[tuple[int, int]] = []
    scanned: dict[int, int] = {}  # gutter column -> the line a failed scan reached (keeps this linear)
    n = len(strs)
    i = 0
    while i < n:
        best = -1
        if "  " in strs[i]:
            for cut in _gutters(text, ls[i], le[i]):
                column = cut - raw[i]
                if scanned.get(column, -1) > i:
                    continue
                j, last, prose, blanks, since_both = i, i, 0, 0, 0
                while j < n and blanks < 2 and since_both <= 10:
                    if not strs[j]:
                        blanks += 1
                        j += 1
                        continue
                    side = _column_side(text, ls[j], le[j], raw[j] + column)
                    if side is None:
                        break
                    blanks = 0
                    if side == _BOTH:
                        since_both = 0
                        prose += raw[j] + column in _gutters(text, ls[j], le[j])
                    else:
                        since_both += 1
                    last = j
                    j += 1
                if prose >= 3:
                    best = max(best, last)
                else:
                    scanned[column] = j
        if best > i:
            regions.append((i, best))
            i = best + 1
        else:
            i += 1
    return regions


def _join_column_regions(blocks: list[_B], regions: list[tuple[int, int]]) -> list[_B]:
    """One paragraph for each run of prose blocks inside a two-column region, so that
    :func:`clean_view` can read its left column before its right one."""
    if not regions:
        return blocks
    out: list[_B] = []
    r = 0
    for b in blocks:
        while r < len(regions) and regions[r][1] < b.first:
            r += 1
        inside = (
            r < len(regions)
            and regions[r][0] <= b.first
            and b.last <= regions[r][1]
            and b.kind in (PARAGRAPH, HEADING, LIST_ITEM)
        )
        p = out[-1] if out else None
        if (
            inside
            and p is not None
            and p.kind in (PARAGRAPH, HEADING, LIST_ITEM)
            and regions[r][0] <= p.first
        ):
            p.kind, p.end, p.last, p.marker = PARAGRAPH, b.end, b.last, None
        else:
            out.append(b)
    return out


_DATE_HEADER_RE = re.compile(
    r"(?i)^(?:(?:launch|signing|entry)\s+)?(?:signed|date|year|since|joined|concluded|entered|accession|when|launched)\b"
)


def _flattened_table_width(chunk: list[int], strs: list[str]) -> int:
    """The number of columns of a table flattened to one cell per line ("Partner / Instrument / Signed /
    Status", then four lines per row), or 0: short capitalised header lines, one of them a date header,
    and rows whose cell under it holds a digit in every row."""
    n = len(chunk)
    if n < 6 or any(len(strs[i]) > 90 or strs[i].endswith(".") for i in chunk):
        return 0
    for width in range(6, 1, -1):
        if n % width or n // width < 3:
            continue
        heads = [strs[i] for i in chunk[:width]]
        if not all(
            len(h) <= 30
            and len(h.split()) <= 4
            and h[0].isupper()
            and not any(c.isdigit() for c in h)
            and h[-1] not in ",;:"
            for h in heads
        ):
            continue
        dated = [j for j, h in enumerate(heads) if _DATE_HEADER_RE.match(h)]
        rows = [chunk[at : at + width] for at in range(width, n, width)]
        if dated and all(any(c.isdigit() for c in strs[row[dated[0]]]) for row in rows):
            return width
    return 0


def _strong_joint(a: str, b: str) -> bool:
    """Does line ``b`` certainly continue the sentence of line ``a`` (a hard wrap)?"""
    last = a[-1]
    if last == ",":
        return True
    if last in _HYPHENS and len(a) >= 2 and a[-2].isalpha():
        return True
    if last >= "\u3040" and len(a) >= 15 and _is_cjk(last) and _is_cjk(b[0]):
        return True
    if OPEN_ENDING_RE.search(a) and not _MARKER_RE.match(b):
        return True  # "... of Norway and" / "PRIC on the exchange ...": a sentence cannot stop on "and"
    return b[0].islower() and not _ends_terminal(a)


_NO_MARKERS: Counter[str] = Counter()


def _chunk_context(
    chunk: list[int],
    ls: list[int],
    le: list[int],
    strs: list[str],
    role: dict[int, str],
    markers: dict[int, str],
    md: set[int],
) -> tuple[bool, int, Counter[str], set[int]]:
    """(hard-wrapped?, longest prose line, marker frequencies, lines strongly joined to the next)."""
    prose = chunk if not role or role.keys().isdisjoint(chunk) else [i for i in chunk if i not in role]
    joints = 0
    strong: set[int] = set()
    for a, b in pairwise(prose):
        if b == a + 1:
            joints += 1
            if b not in markers and b not in md and a not in md and _strong_joint(strs[a], strs[b]):
                strong.add(a)
    width = max([le[i] - ls[i] for i in prose], default=0)
    freq = Counter(markers[i] for i in prose if i in markers) if markers else _NO_MARKERS
    return bool(strong) and len(strong) * 3 >= joints, width, freq, strong


def _prose_blocks(
    seg: list[int],
    ctx: tuple[bool, int, Counter[str], set[int]],
    raw: list[int],
    ls: list[int],
    le: list[int],
    strs: list[str],
    markers: dict[int, str],
    md: set[int],
    out: list[_B],
) -> None:
    """Group a run of consecutive prose lines into paragraph/heading/list blocks."""
    wrapped, width, marker_freq, strong = ctx
    short = 0.7 * width
    cur = [seg[0]]
    in_list = seg[0] in markers
    for prev, j in pairwise(seg):
        if prev in strong:
            join = True
        elif _is_labelled_rule(strs[prev]) or _is_labelled_rule(strs[j]):
            join = False
        elif j in markers:
            a = strs[prev]
            join = (
                wrapped
                and not in_list
                and not _ends_terminal(a)
                and not _heading_like(a)
                and marker_freq[markers[j]] < 2
            )
        elif j in md or prev in md:
            join = False
        elif (
            len(cur) > 1
            and ls[j] - raw[j] <= ls[cur[0]] - raw[cur[0]] < ls[prev] - raw[prev]
            and _hanging(cur[0], prev, raw, ls, strs)
        ):
            join = False  # back at the entry's margin after its hanging lines: the next entry
        elif (
            _ends_terminal(strs[prev])
            and _COLUMN_LEAD_RE.match(strs[j])
            and _COLUMN_LEAD_RE.match(strs[cur[0]])
            and ls[j] - raw[j] == ls[cur[0]] - raw[cur[0]]
        ):
            join = False  # "--  ::  2026  ::  ..." after an entry of the same shape that ended
        elif _hanging(cur[0], j, raw, ls, strs):
            join = True
        elif wrapped:
            join = (le[prev] - ls[prev]) >= short
        else:
            a, b = strs[prev], strs[j]
            indented = in_list and (ls[j] - raw[j]) > (ls[cur[0]] - raw[cur[0]])
            join = indented or (_is_allcaps(a) and _is_allcaps(b) and a[-1] not in ".!?")
        if join:
            cur.append(j)
        else:
            _emit(cur, ls, le, strs, markers, md, out)
            cur = [j]
            in_list = j in markers
    _emit(cur, ls, le, strs, markers, md, out)


def _hanging(first: int, j: int, raw: list[int], ls: list[int], strs: list[str]) -> bool:
    """Is line ``j`` a hanging-indent continuation of the entry opened by line ``first``?

    ("2017/12/10   AlComSat-1 goes up\n             from Xichang": the continuation is indented to
    the column where the entry's text starts after a gap, or past a date-only first line.)"""
    column = ls[j] - raw[j]
    lead = ls[first] - raw[first]
    if column < 4 or column <= lead:
        return False
    k = column - lead  # the continuation's column inside the first line's text
    head = strs[first]
    if len(head.split()) <= 4 and _DIGIT_RE.search(head) and head[-1] not in ".!?":
        return True  # a date-only first line ("November 3rd, 2019"), its entry indented below
    if k >= len(head) + 1:
        return True
    for start in (k, k - 1):  # the text's column, or one short of it
        aligned = head[start : start + 1] not in ("", " ") and head[start - 1 : start] == " "
        before = head[: start - 1].rstrip()
        # aligned after a column gap, a label ("LAUNCH SITE — Jiuquan ...") or a dot leader ("2008 ..... X")
        if (
            aligned
            and start > 2
            and (head[start - 2 : start] == "  " or before[-1:] in ("—", "–", ":") or before.endswith(".."))
        ):
            return True
    return False


def _emit(
    lines: list[int],
    ls: list[int],
    le: list[int],
    strs: list[str],
    markers: dict[int, str],
    md: set[int],
    out: list[_B],
) -> None:
    """Append the block made of ``lines``, choosing its kind."""
    first, last = lines[0], lines[-1]
    s = strs[first]
    if first in md:
        kind = HEADING
    elif first in markers:
        kind = LIST_ITEM
    elif len(lines) == 1:
        kind = HEADING if _heading_like(s) else PARAGRAPH
    elif all(_is_allcaps(strs[i]) for i in lines) and sum(len(strs[i].split()) for i in lines) <= 20:
        kind = HEADING
    else:
        kind = PARAGRAPH
    b = _B(kind, ls[first], le[last], first, last)
    b.marker = markers.get(first)
    out.append(b)


def _post_process(text: str, blocks: list[_B], strs: list[str]) -> None:
    """Setext headings, lone numbered headings, list lead-ins and list contexts."""
    n = len(blocks)
    for k, b in enumerate(blocks):
        if b.kind == FURNITURE and k > 0 and _is_rule(strs[b.first]) and not strs[b.first].strip("=-"):
            p = blocks[k - 1]
            if p.last == b.first - 1 and p.first == p.last and p.kind in (PARAGRAPH, HEADING):
                p.kind = HEADING
    for k, b in enumerate(blocks):
        if b.kind != LIST_ITEM or b.marker != "num" or b.first != b.last:
            continue
        prev_list = k > 0 and blocks[k - 1].kind == LIST_ITEM
        next_list = k + 1 < n and blocks[k + 1].kind == LIST_ITEM
        if not prev_list and not next_list:
            body = _MARKER_RE.sub("", strs[b.first], count=1)
            if _heading_like(body):
                b.kind = HEADING
    for k in range(1, n):
        p = blocks[k - 1]
        if (
            blocks[k].kind == LIST_ITEM
            and p.kind == PARAGRAPH
            and p.first == p.last
            and text[p.end - 1] == ":"
            and len(strs[p.first].split(None, 40)) <= 40
        ):
            p.kind = HEADING  # lead-in line of a list


def _split_run_in_headings(text: str, blocks: list[_B]) -> list[_B]:
    """Split Title-Case headings run into very long single-line paragraphs."""
    out: list[_B] = []
    for b in blocks:
        if b.kind != PARAGRAPH or b.end - b.start < 1000 or b.first != b.last:
            out.append(b)
            continue
        pieces_start = b.start
        last_end = b.start
        for ss, se in _sentence_spans(text, b.start, b.end):
            hit = _run_in_heading(text, ss, se)
            if hit is not None:
                h_end, body = hit
                if ss > pieces_start:
                    out.append(_B(PARAGRAPH, pieces_start, last_end, b.first, b.last))
                out.append(_B(HEADING, ss, h_end, b.first, b.last))
                pieces_start = body
            last_end = se
        if pieces_start == b.start:
            out.append(b)
        else:
            out.append(_B(PARAGRAPH, pieces_start, b.end, b.first, b.last))
    return out


def _run_in_heading(text: str, ss: int, se: int) -> tuple[int, int] | None:
    """If a Title-Case heading opens the sentence ``[ss, se)``, return (heading end, body start)."""
    toks: list[tuple[int, int, str]] = []
    for m in _WORD_RE.finditer(text, ss, min(se, ss + 300)):
        toks.append((m.start(), m.end(), m.group()))
        if len(toks) > 16:
            break
    k = 0
    kinds: list[str] = []
    for _a, _z, t in toks:
        core = t.rstrip(",:;")
        if not core or core[0] in _OPENERS or core[-1] in ".!?" or not core[0].isalpha():
            break
        if core in _FUNC:
            kinds.append("f")
        elif core[0].isupper():
            kinds.append("c")
        else:
            break
        k += 1
    if k >= len(toks) or k < 4:
        return None
    stop = toks[k][2]
    if not (stop[0].islower() or stop[0].isdigit()):
        return None
    cut = next((j for j in range(2, k) if toks[j][2] in _STARTERS), k - 1)
    if cut < 3 or cut > 12 or kinds[0] != "c" or kinds[cut - 1] != "c" or kinds[cut] != "c":
        return None
    head = [t for _a, _z, t in toks[:cut]]
    if head[-1][-1] in ",:;":
        return None
    has_colon = any(t.endswith(":") for t in head[:-1])
    has_comma = any(t.endswith(",") for t in head)
    has_func = any(t in _FUNC and t not in ("and", "or", "&") for t in head)
    if not (has_colon or (has_comma and has_func)):
        return None
    return toks[cut - 1][1], toks[cut][0]


def _finalise(text: str, blocks: list[_B]) -> list[Block]:
    """Turn assembly records into frozen blocks with list/table indices."""
    out: list[Block] = []
    last_heading: int | None = None
    list_context: int | None = None
    for k, b in enumerate(blocks):
        context: int | None = None
        caption: int | None = None
        if b.kind == LIST_ITEM:
            pk = k - 1
            while pk >= 0 and blocks[pk].kind == FURNITURE:
                pk -= 1  # a page header may interrupt a list
            p = blocks[pk] if pk >= 0 else None
            if p is None or p.kind != LIST_ITEM:
                lead_in = p is not None and (
                    p.kind == HEADING or (p.kind in (PARAGRAPH, TABLE_CAPTION) and text[p.end - 1] == ":")
                )
                list_context = pk if lead_in else last_heading
            context = list_context
        elif b.kind in (TABLE_HEADER, TABLE_ROW):
            caption = b.table_cap.idx if b.table_cap is not None else None
            if b.header is not None:
                context = b.header.idx
        if b.kind == HEADING:
            last_heading = k
        b.idx = k
        out.append(Block(b.kind, b.start, b.end, context, caption, b.cells))
    return out


# --------------------------------------------------------------------------- sentences

_TERM_RE = re.compile(  # terminal punctuation + closers; Western only when whitespace follows
    r"[.!?…。！？]+(?:(?<=[。！？])[\"'”’»)\]」』）]*|[\"'”’»)\]」』）]*(?:\[\d{1,3}\])*(?=\s)"
    # a footnote number glued to the full stop of PDF text: "... in August 2018.14 Cuba and ..."
    r"|(?:(?<=[^\W\d_][.])|(?<=\b(?:19|20)\d\d[.]))[\"”’)]?\d{1,3}(?=\s+[A-Z]))"
)
_ABBREV_ANY = _wordset("e.g i.e cf vs al approx esp incl viz ca resp est estd")
_ABBREV_CAP = _wordset(
    "Mr Mrs Ms Dr Prof St Ss Sts Gen Col Lt Sgt Capt Sen Rep Gov Pres Amb Jr Sr Rev Hon Mt Ft Co Inc Ltd "
    "Corp Bros Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
_ABBREV_NUM = _wordset("no nos vol vols p pp fig figs art ch sec para eq tab ref refs n nr")
_DOTTED_RE = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_TOKEN_OPENERS = _OPENERS + "[{*_"
_ROMAN_RE = re.compile(r"[IVXLC]{1,6}\.")


def _is_abbrev(text: str, lo: int, p: int, next_char: str) -> bool:
    """Is the word ending just before the period at ``p`` an abbreviation?"""
    a = max(lo, p - 24)
    w = text[a:p]
    if not w or w[-1].isspace():
        return False
    parts = w.rsplit(None, 1)
    tok = parts[-1]
    if len(parts) == 1 and a > lo and not w[0].isspace():
        return False  # word longer than the window: not an abbreviation
    if tok[0] in _TOKEN_OPENERS:
        tok = tok.lstrip(_TOKEN_OPENERS)
        if not tok:
            return False
    if len(tok) == 1:
        return tok.isupper()  # initial, "A. E. Tarasov"
    if len(tok) > 6 and "." not in tok:
        return False
    low = tok.lower()
    if tok in _ABBREV_CAP or low in _ABBREV_ANY or (low in _ABBREV_NUM and next_char.isdigit()):
        return True
    return "." in tok and _DOTTED_RE.fullmatch(tok) is not None


def _in_brackets(text: str, lo: int, p: int, hi: int) -> bool:
    """Is position ``p`` inside a short, still-open ``[...]`` or ``(...)``?"""
    w = text[max(lo, p - 80) : p]
    if "(" not in w and "[" not in w:
        return False
    ahead = text[p : min(hi, p + 80)]
    for op, cl in (("[", "]"), ("(", ")")):
        if w.rfind(op) > w.rfind(cl):
            j = ahead.find(cl)
            if j != -1:
                o = ahead.find(op)
                if o == -1 or o > j:
                    return True
    return False


def _sentence_spans(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Sentence spans inside the trimmed prose span ``[s, e)``."""
    out: list[tuple[int, int]] = []
    cur = s
    for m in _TERM_RE.finditer(text, s, e):
        q = m.end()
        if q >= e:
            break
        p = m.start()
        first = text[p]
        if text.startswith("....", p):
            continue  # a dot leader ("1.XI.2018 ........ The Dominican Republic ..."), not a full stop
        if first in "。！？":
            nxt = _WS_RUN.match(text, q, e).end()
            if nxt >= e:
                break
        else:
            nxt = q + 1
            if nxt >= e or text[nxt].isspace():
                nxt = _WS_RUN.match(text, q, e).end()
                if nxt >= e:
                    break
            c = text[nxt]
            if not (c.isupper() or c.isdigit() or c in _OPENERS or (c >= "\u3040" and _is_cjk(c))):
                continue
            if (
                first == "."
                and text[p + 1] != "."
                and _is_abbrev(text, cur, p, text[p + 1] if text[p + 1].isdigit() else c)
            ):
                continue
            if p - cur <= 8:
                head = text[cur:p]
                if not any(ch.isalpha() for ch in head) or _ROMAN_RE.fullmatch(head + "."):
                    continue
            if _in_brackets(text, cur, p, e):
                continue
        out.append((cur, q))
        cur = nxt
    if cur < e:
        out.append((cur, e))
    return out


def _body_start(text: str, b: Block) -> int:
    """Start of a block's text after Markdown heading hashes or a list marker."""
    if b.kind == LIST_ITEM:
        m = _MARKER_RE.match(text, b.start, b.end)
        return m.end() if m else b.start
    if b.kind == HEADING:
        m = _MD_HEADING_RE.match(text, b.start, b.end)
        if m and m.end() < b.end:
            return m.end()
    return b.start


def split_sentences(text: str, blocks: list[Block] | None = None) -> list[Sentence]:
    """Split the non-furniture blocks of ``text`` into sentences.

    Headings, table captions, headers and rows are one sentence each.  Paragraphs
    and list items (never merged with a neighbour) split after ``. ! ? …`` plus
    any closing quotes/brackets when whitespace and then an upper-case letter,
    digit, opening quote/bracket or CJK character follow, and after ``。！？``
    unconditionally.  No split after an abbreviation (titles, months, "Co.",
    "Ltd.", "e.g.", "i.e.", dotted forms like "U.S.", single-letter initials,
    "No."/"vol."/"p."/"pp." before a digit), inside a short open ``(...)`` or
    ``[...]`` ("[9. Pp. 219-230]"), after a bare number or Roman numeral, or after a dot
    leader of four or more dots.
    Sentences may span line breaks.  Offsets exclude surrounding whitespace, list
    markers and Markdown heading hashes.  Furniture is skipped.
    """
    if blocks is None:
        blocks = split_blocks(text)
    out: list[Sentence] = []
    for k, b in enumerate(blocks):
        if b.kind == FURNITURE or b.end <= b.start:
            continue
        start = _body_start(text, b)
        if b.kind in (PARAGRAPH, LIST_ITEM):
            for ss, se in _sentence_spans(text, start, b.end):
                out.append(Sentence(ss, se, k))
        else:
            out.append(Sentence(start, b.end, k))
    return out


# --------------------------------------------------------------------------- clean view


@lru_cache(maxsize=4)
def _cached_blocks(text: str) -> tuple[Block, ...]:
    return tuple(split_blocks(text))


def _block_end(b: Block) -> int:
    return b.end


def _count_breaks(gap: str) -> int:
    return len(_LB_RE.findall(gap))


def clean_view(
    text: str, start: int = 0, end: int | None = None, *, blocks: Sequence[Block] | None = None
) -> CleanView:
    """Normalised copy of ``text[start:end]`` with a map back to original offsets.

    Inside a block, a line ending in ``letter-`` followed by a lower-case line is
    de-hyphenated ("re-\\nsearch" -> "research"); before an upper-case letter or digit
    the hyphen is kept and the lines are glued ("Asia-\\nPacific"); other line breaks
    become one space (none between two CJK characters).  Runs of horizontal
    whitespace become one space (a tab inside a table row), invisible characters
    are dropped, furniture blocks are dropped, and blocks are separated by
    ``"\\n"`` (``"\\n\\n"`` across a blank line; a space if on the same line).
    Pass ``blocks`` (from :func:`split_blocks`) to avoid recomputing them.
    """
    n = len(text)
    end = n if end is None else max(0, min(end, n))
    start = max(0, min(start, end))
    if blocks is None:
        blocks = _cached_blocks(text)
    k = bisect_right(blocks, start, key=_block_end)
    if _plain_block_range(text, start, end, blocks, k):
        return CleanView(text[start:end], range(start, end + 1))
    pieces: list[str] = []
    origin = array("q")
    hard_breaks: list[int] = []
    prev_end = -1
    for b in blocks[k:]:
        if b.start >= end:
            break
        if b.kind == FURNITURE or b.end <= start:
            continue
        in_table = b.kind in (TABLE_HEADER, TABLE_ROW)
        first_line = True
        lines = _trimmed_lines(text, max(b.start, start), min(b.end, end))
        breaks: set[int] = set()
        if not in_table and len(lines) >= 3 and any(text.find("  ", a, z) >= 0 for a, z in lines):
            lines, breaks = _read_columns(text, lines)
        for index, (a, z) in enumerate(lines):
            if in_table and not first_line:  # a wrapped row's next line: drop its empty leading cells
                while a < z and text[a] in "| \t":
                    a += 1
            if index in breaks and prev_end >= 0:  # a column, or a paragraph in one, starts
                pieces.append("\n\n")
                origin.extend((prev_end, prev_end))
                hard_breaks.append(len(origin))
                prev_end = -1
            if prev_end >= 0:
                if first_line:
                    gap = text[prev_end:a]
                    nl = _count_breaks(gap)
                    if nl >= 2:
                        pieces.append("\n\n")
                        origin.append(prev_end)
                        origin.append(prev_end + 1)
                    elif nl == 1:
                        pieces.append("\n")
                        origin.append(prev_end)
                    elif gap:
                        pieces.append(" ")
                        origin.append(prev_end)
                else:
                    last = text[prev_end - 1]
                    nxt = text[a]
                    if last == "\xad":
                        pass  # soft hyphen already dropped: glue
                    elif last in _HYPHENS and prev_end - 2 >= 0 and text[prev_end - 2].isalnum():
                        if nxt.islower():
                            pieces[-1] = pieces[-1][:-1]
                            origin.pop()
                    elif _is_cjk(last) and _is_cjk(nxt):
                        pass
                    else:
                        pieces.append(" ")
                        origin.append(prev_end)
            _emit_normalised(text, a, z, in_table, pieces, origin)
            prev_end = z
            first_line = False
    origin.append(end)
    return CleanView("".join(pieces), origin, tuple(hard_breaks))


def _plain_block_range(text: str, start: int, end: int, blocks: Sequence[Block], k: int) -> bool:
    """True when ``text[start:end]`` lies inside one prose block on one line with nothing to
    normalise: its clean view is the text itself (the common case, taken without copying maps)."""
    if k >= len(blocks) or start >= end:
        return False
    b = blocks[k]
    return (
        b.kind != FURNITURE
        and b.start <= start
        and end <= b.end
        and text[start] not in _STRIP
        and text[end - 1] not in _STRIP
        and _ODD_CHAR.search(text, start, end) is None
        and text.find("  ", start, end) == -1
    )


_GUTTER_RE = re.compile(r"\S {2,}(?=\S)")  # the gap between two columns printed side by side
_PROSE_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_LEFT, _RIGHT, _BOTH = 1, 2, 3


def _column_side(line: str, lo: int, hi: int, cut: int) -> int | None:
    """Where the stripped line ``line[lo:hi]`` lies against a gutter ending at column ``cut``: in the
    left column, in the right one, across both (a gap of two or more spaces just before ``cut``), or
    across the gutter (None)."""
    if hi <= cut - 2:
        return _LEFT
    if lo >= cut:
        return _RIGHT
    if line[cut - 2 : cut] == "  " and line[cut] != " ":
        return _BOTH
    return None


def _gutters(line: str, lo: int, hi: int) -> list[int]:
    """Columns where a right-hand column of prose could start in ``line[lo:hi]``: after a gap of two
    or more spaces, with prose on each side."""
    cuts = []
    for m in _GUTTER_RE.finditer(line, lo, hi):
        cut = m.end()
        if _prose(line[lo : m.start() + 1]) and _prose(line[cut:hi]):
            cuts.append(cut)
    return cuts


def _prose(part: str) -> bool:
    """Two words or more and no wide gap: a line of a column of prose, not cells of a table."""
    return "   " not in part and len(_PROSE_WORD_RE.findall(part, 0, 60)) >= 2


def _read_columns(text: str, lines: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], set[int]]:
    """Two columns of prose printed side by side ("The Universidade de Cabo     The antenna is operated"):
    the left column's lines, then the right column's, and the indices that start a paragraph (the
    right column, and a column's line after a blank on its side). Lines are returned unchanged unless
    one gutter serves every line (a line may sit wholly in one column), a fifth of the lines cross it
    and two of them have prose on both sides."""
    starts = [text.rfind("\n", 0, a) + 1 for a, _ in lines]
    tried: set[int] = set()
    for (a, z), line_start in zip(lines, starts, strict=True):
        for cut_at in _gutters(text, a, z):
            column = cut_at - line_start
            if column in tried or len(tried) >= 4:
                continue
            tried.add(column)
            sides = []
            prose = 0  # lines with two words or more on each side of the gutter
            for (lo, hi), start in zip(lines, starts, strict=True):
                side = _column_side(text, lo, hi, start + column)
                if side is None:
                    break
                sides.append(side)
                prose += side == _BOTH and start + column in _gutters(text, lo, hi)
            else:
                if prose >= 2 and 5 * sides.count(_BOTH) >= len(lines):
                    return _split_columns(text, lines, starts, sides, column)
    return lines, set()


def _split_columns(
    text: str, lines: list[tuple[int, int]], starts: list[int], sides: list[int], column: int
) -> tuple[list[tuple[int, int]], set[int]]:
    left: list[tuple[int, int]] = []
    right: list[tuple[int, int]] = []
    breaks: set[int] = set()
    for side_lines, side in ((left, _LEFT), (right, _RIGHT)):
        previous = -1
        for row, ((lo, hi), start, where) in enumerate(zip(lines, starts, sides, strict=True)):
            if where == _BOTH:
                cut = start + column
                lo, hi = (lo, lo + len(text[lo:cut].rstrip())) if side == _LEFT else (cut, hi)
            elif where != side:
                continue
            if previous >= 0 and (row != previous + 1 or text.count("\n", starts[previous], start) > 1):
                breaks.add(len(left) + len(side_lines) if side == _RIGHT else len(side_lines))
            side_lines.append((lo, hi))
            previous = row
    if left:
        breaks.add(len(left))
    return [*left, *right], breaks


def _trimmed_lines(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Non-empty lines of ``text[s:e]`` trimmed of surrounding whitespace."""
    out: list[tuple[int, int]] = []
    pos = s
    for m in [*_LB_RE.finditer(text, s, e), None]:
        stop = m.start() if m is not None else e
        seg = text[pos:stop]
        strip = _STRIP + _BOX_SIDES if _framed(seg.strip()) else _STRIP
        core = seg.strip(strip)
        if core:
            a = pos + len(seg) - len(seg.lstrip(strip))
            out.append((a, a + len(core)))
        if m is not None:
            pos = m.end()
    return out


def _emit_normalised(text: str, a: int, z: int, in_table: bool, pieces: list[str], origin: array) -> None:
    pos = a
    for m in _NORM_RE.finditer(text, a, z):
        ms = m.start()
        if ms > pos:
            pieces.append(text[pos:ms])
            origin.extend(range(pos, ms))
        g = m.group()
        if g[0] not in _ZW and g[0] != "\xad":
            pieces.append("\t" if in_table and "\t" in g else " ")
            origin.append(ms)
        pos = m.end()
    if z > pos:
        pieces.append(text[pos:z])
        origin.extend(range(pos, z))
