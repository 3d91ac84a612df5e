"""A document as the rules see it: clean sentences with their mentions, dates and scope.

Each block (paragraph, list item, table row, heading) is read through a clean
view (PDF line breaks and hyphenation undone); rules work on the clean text and
every span they report is mapped back to exact offsets in the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from pipeline.core.dates import MONTH_WORDS, SPOKEN_YEAR_HINT, DateMention, find_dates, latest_explicit_date
from pipeline.core.gazetteer import Gazetteer, Mention
from pipeline.core.segment import OPEN_ENDING_RE, Block, CleanView, clean_view, split_blocks, split_sentences

REFERENCES_HEADING = re.compile(
    r"^\W*(?:bibliography|references|sources|notes|footnotes|works\s+cited|further\s+reading)\W*"
    r"(?:\[edit\])?\W*$",  # a heading copied from a wiki page ends in "[edit]"
    re.I,
)
CITATION_LINE = re.compile(r"^\s*(?:\[\d+\]|\^)\s")  # "[4] Smith ...", "^ "Title". Publisher."
# Bare "Artemis" names the accords when it is not the programme or a mission of it.
BARE_ARTEMIS = re.compile(r"\bArtemis\b(?!\s+(?:Accords?|Agreement|program|programme|mission|[IV]+\b|\d))")
TIMELINE_SEPARATOR = re.compile(r"\s*\]?\s*(?:\([^()]{0,30}\)\s*)?(?:[—–:|▸►→-]|\*\*|\.{3,}|…)")
# A framework name followed by one of these words is still the framework ("APSCO Convention").
FRAMEWORK_CONTINUATIONS = frozenset(
    [
        "Initiative",
        "Organization",
        "Organisation",
        "Accords",
        "Accord",
        "Convention",
        "Charter",
        "Treaty",
        "Agreement",
        "Council",
        "Secretariat",
        "Member",
        "Members",
        "Statute",
        "Framework",
        "Group",
        "Summit",
        "States",
        *MONTH_WORDS,  # a date after the name: "signed Artemis Accords Jun 2023"
    ]
)
GENERIC_SERIES = re.compile(
    r"(?i)^(?:complex|satellite|station|pad|phase|block|stage|unit|flight|mission|launch|orbit|module|table|"
    r"figure|fig|section|chapter|article|annex|part|step|level|round|group|item|class|type|model|version|"
    r"site|area|zone|room|building|hall|gate|line|route|channel|band|option|scenario|payload|probe|rocket|"
    r"sheet|issue|page|report|paper|volume|slide|session|annex|appendix|card|note|item|no)"
    r"[-‑ ]?\d"
)
SERIES_NUMBER = re.compile(r"[-‑ ]?(\d{1,2}[A-Z]?)$")
ARTEMIS_SUFFIX = re.compile(r"\s+(?:initiative|agreement|pact|framework)\b", re.I)


@dataclass(slots=True)
class Sentence:
    """One sentence (or table row, list item, heading) in clean text, with what was found in it."""

    text: str
    mentions: list[Mention]
    dates: list[DateMention]
    block: Block
    block_index: int
    view: CleanView
    offset: int  # where `text` starts in `view.text`
    cells: list[tuple[int, int]] = field(default_factory=list)  # table cells, relative to `text`
    lead_date: str | None = None  # a timeline line's date ("2021-03-09 — ...", "April 2023: ...")
    denied: bool = False  # under a heading that denies what follows ("Things that did NOT happen")

    def original_span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """Exact offsets in the document text of `self.text[start:end]`."""
        end = len(self.text) if end is None else end
        return self.view.to_original(self.offset + start, self.offset + end)

    def of_kind(self, *kinds: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind in kinds]

    def surface(self, mention: Mention) -> str:
        return self.text[mention.start : mention.end]


@dataclass(slots=True)
class Document:
    doc_id: str
    text: str
    sentences: list[Sentence]
    blocks: list[Block]
    anchor: str | None  # a date the document itself states (dateline), for "July 23" or "last year"
    speaker: Mention | None = None  # who "we" is: the first foreign agency or institution introduced
    dateline: str | None = None  # the full date the document opens with ("Beijing, 12 November 2024")
    letterhead: list[Mention] = field(default_factory=list)  # the bodies on its first line: its author


YEAR_HEADING = re.compile(r"[#=*\s-]*((?:19|20)\d\d)[#=*:\s-]*")
# A heading that denies the items below it.
DENYING_HEADING = re.compile(
    r"(?i)\b(?:did\s+not|didn['’]t|never|has\s+not|have\s+not)\s+happen|"
    r"\b(?:not|isn['’]t|aren['’]t)\s+happening\b|\bnot\s+(?:signed|confirmed|members?|"
    r"on\s+the\s+register|true|on\s+board|carried|flown)\b|\bnon-members\b|"
    r"\b(?:myths|false\s+claims|rumou?rs|unconfirmed|debunked)\b|\b(?:did\s+not|didn['’]t|never)\s+(?:fly|flew)\b|"
    r"\b(?:left|stayed)\s+(?:behind|on\s+the\s+ground)\b"  # "What did not fly", "Not on board"
)
# Every absolute date form has a digit; without one, only "last year" or "in May" (with an anchor).
_DIGIT = re.compile(r"[0-9]")
_RELATIVE_WORD = re.compile(r"(?i)year|month|day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")


def read(doc_id: str, text: str, gazetteer: Gazetteer) -> Document:
    """Split, clean and annotate a document."""
    blocks = split_blocks(text)
    anchor = latest_explicit_date(text[:2000])
    day_first = _writes_day_first(text)
    lower_cased = _written_in_lower_case(text)
    sentences: list[Sentence] = []
    in_references = False
    continued = _continued_over_page_breaks(text, blocks)
    denied_section = False
    section_year: str | None = None  # "=== 2015 ===": the year of the entries below
    section_month: str | None = None  # "------ MARCH": the month of the entries below
    parent_indent, parent_date = 10**6, None  # the dated list item that sub-items belong to
    for index, block in enumerate(blocks):
        if block.kind == "furniture" or index in continued.values():
            continue
        line = text[block.start : block.end]
        if block.kind in ("heading", "paragraph") and REFERENCES_HEADING.match(line):
            in_references = True
            continue
        if block.kind == "heading" and in_references and not CITATION_LINE.match(line):
            in_references = False
        if in_references or CITATION_LINE.match(line):
            continue
        end_block = blocks[continued[index]] if index in continued else block
        view = clean_view(text, block.start, end_block.end, blocks=blocks)
        if not view.text.strip():
            continue
        lead_date = _lead_date(view.text, day_first, section_year, section_month)
        if block.kind == "list_item":  # a sub-item without its own date takes its entry's
            indent = len(line) - len(line.lstrip())
            if lead_date is None and indent > parent_indent:
                lead_date = parent_date
            elif lead_date is not None or indent <= parent_indent:
                parent_indent, parent_date = indent, lead_date
        elif block.kind == "paragraph" and lead_date is not None:
            parent_indent, parent_date = -1, lead_date  # "**Apr. 2025 ▸** ...", then its bullets
        else:
            parent_indent, parent_date = 10**6, None
        if block.kind == "heading" or (_title_like(line) and block.kind == "paragraph"):
            # a new section begins; "# blank = not confirmed. Rows are ..." is a legend, not a denial
            denied_section = bool(
                DENYING_HEADING.search(view.text) and "=" not in view.text and len(view.text.split()) <= 10
            )
            year = YEAR_HEADING.fullmatch(view.text.strip())
            section_year = year.group(1) if year else None
            month = MONTH_HEADING.fullmatch(view.text.strip())
            section_month = month["month"] if month else None
            if month and month["year"]:  # "## April 2025": the month and year of the entries below
                section_year = month["year"]
        if block.cells and "\n" in text[block.start : block.end]:
            # a row spread over lines (a flattened table): names stop at the cell's edge
            block_mentions = [
                m
                for a, z in block.cells
                for m in gazetteer.find(
                    view.text, _clean_offset(view, a), _clean_offset(view, z), any_case=lower_cased
                )
            ]
        else:
            block_mentions = gazetteer.find(view.text, any_case=lower_cased)
        opening_year = YEAR_OPENING.match(view.text) if block.kind == "paragraph" else None
        paragraph_year = opening_year.group(1) if opening_year else None  # "In 2024, ... On 1 January, ..."
        year_before: str | None = None  # the year the paragraph's sentences have written out so far
        for start, end in _sentence_bounds(block, view):
            sentence_text = view.text[start:end]
            that_year = "that year" in sentence_text or "same year" in sentence_text
            mentions = _mentions_within(block_mentions, start, end)
            if mentions or "Artemis" in sentence_text:
                mentions = _contextual(sentence_text, mentions, gazetteer)
                if "space" in sentence_text:
                    mentions = _national_agencies(sentence_text, mentions, gazetteer)
            local_anchor = paragraph_year or section_year or anchor
            said_year = (
                _year_said_before(sentence_text, year_before) if that_year and not paragraph_year else None
            )
            if said_year:  # "Yes, in 2018. The memorandum was signed in July of that year"
                local_anchor = said_year
            dates = (
                find_dates(sentence_text, anchor=local_anchor, day_first=day_first)
                if _DIGIT.search(sentence_text)
                or (local_anchor and _RELATIVE_WORD.search(sentence_text))
                or SPOKEN_YEAR_HINT.search(sentence_text)  # "in twenty twenty-three"
                else []
            )
            if dates and "(" in sentence_text:  # "(Singh, 2022)": when a source appeared, not an event
                cited = [m.span() for m in CITATION.finditer(sentence_text)]
                dates = [d for d in dates if not any(a <= d.start < b for a, b in cited)]
            if (paragraph_year or said_year) and that_year:
                dates = _with_that_year(sentence_text, paragraph_year or said_year, dates)
            written = [d for d in dates if any(c.isdigit() for c in sentence_text[d.start : d.end])]
            year_before = str(written[-1].year) if written else year_before
            if dates and "that " in sentence_text:
                dates = _with_that_month(sentence_text, dates)
            cells = []
            if block.cells:
                for cell_start, cell_end in block.cells:
                    clean_start = _clean_offset(view, cell_start)
                    clean_end = _clean_offset(view, cell_end)
                    cells.append((clean_start - start, clean_end - start))
                dates = _with_year_cells(sentence_text, cells, dates)
            sentences.append(
                Sentence(
                    sentence_text,
                    mentions,
                    dates,
                    block,
                    index,
                    view,
                    start,
                    cells,
                    lead_date,
                    denied_section,
                )
            )
    _deny_under_denying_labels(sentences)
    _deny_retracted_posts(sentences)
    _repeat_mission_names(sentences)
    _name_missions_by_their_full_names(sentences)
    _resolve_defined_terms(sentences)
    _resolve_short_names(sentences, gazetteer)
    _resolve_framework_head_nouns(sentences)
    _resolve_country_codes(text, sentences, gazetteer)
    _resolve_initialisms(sentences)
    letterhead = _letterhead_bodies(text, gazetteer)
    _resolve_definite_bodies(sentences, letterhead)
    _resolve_national_bodies(sentences, gazetteer)
    _owned_full_names(sentences, gazetteer)
    _complete_short_names(sentences)
    return Document(doc_id, text, sentences, blocks, anchor, _speaker(sentences), _dateline(text), letterhead)


RUN_IN_LABEL = re.compile(r"^\s*(?:\*\*|__)[^*_]{1,80}?[.!?:](?:\*\*|__)")


def _repeat_mission_names(sentences: list[Sentence]) -> None:
    """A designation found by its shape once ("HornSat-1, Djibouti's first satellite") names a mission
    wherever the document repeats it, and so do other numbers of its series ("Tanhai-1")."""
    series = {
        m.canonical.rsplit("-", 1)[0]
        for s in sentences
        for m in s.mentions
        if m.source == "shape:mission" and "-" in m.canonical
    }
    if not series:
        return
    pattern = re.compile(
        r"(?<![\w'’.-])(" + "|".join(map(re.escape, sorted(series))) + r")[- ](\d{1,3}[A-Z]?)(?![\w-])"
    )
    for sentence in sentences:
        added = []
        for match in _unclaimed(pattern, sentence.text, sentence.mentions):
            name = f"{match.group(1)}-{match.group(2)}"
            added.append(Mention(match.start(), match.end(), "mission", name, None, None, "shape:mission"))
        _attach(sentence, added)


def _name_missions_by_their_full_names(sentences: list[Sentence]) -> None:
    """ "Fengyun-3F (FY-3F)": the bracketed designation is another name of the mission before it, here
    and wherever the document uses it."""
    alias: dict[str, str] = {}
    for sentence in sentences:
        missions = [m for m in sentence.mentions if m.kind == "mission"]
        for first, second in pairwise(missions):
            if (
                first.canonical != second.canonical
                and re.fullmatch(r"\s*\(\s*", sentence.text[first.end : second.start])
                and sentence.text[second.end : second.end + 2].lstrip().startswith(")")
            ):
                alias.setdefault(second.canonical, first.canonical)
    if not alias:
        return
    for sentence in sentences:
        sentence.mentions = [
            replace(m, canonical=alias[m.canonical]) if m.kind == "mission" and m.canonical in alias else m
            for m in sentence.mentions
        ]


def _deny_under_denying_labels(sentences: list[Sentence]) -> None:
    """A paragraph opening with a bold label that denies ("**What did not happen.** ...") is denied."""
    denied_block = None
    for sentence in sentences:
        label = RUN_IN_LABEL.match(sentence.text)
        if label and DENYING_HEADING.search(label.group()):
            denied_block = sentence.block_index
        if sentence.block_index == denied_block:
            sentence.denied = True


# A live blog's timestamped entry ("14:30 -- First one done.", "UPDATE 15:40 -- ...") and a later
# entry taking one back: "Scratch the 17:55 post.", "we've amended the 13:48 post", "the document at
# 14:30 was NOT signed with ESA"
POST_TIME = re.compile(r"^\W*(?:(?:UPDATE|Update|CORRECTION|Correction)\s+)?(\d{1,2}[:.]\d\d)\b")
RETRACTED_POST = re.compile(
    r"(?i)\b(?:scratch|ignore|disregard|withdraw|delete|strike|retract|amended|corrected|correct)\s+"
    r"(?:the|our|my|that)\s+(\d{1,2}[:.]\d\d)\s+(?:post|entry|update|item|report)\b"
    r"|\b(?:the|our)\s+(?:[\w-]+\s+){1,2}at\s+(\d{1,2}[:.]\d\d)\s+(?:was|is|were)\s+(?:not|never)\b"
)


# An author-year citation: "(Singh, 2022)", "(Zhang et al., 2021)", "(Oliveira, 2018; Costa and Wang, 2020)"
_CITED = (
    rf"(?!(?:{'|'.join(MONTH_WORDS)})\b)[A-Z][\w'’-]+(?:\s+(?:et\s+al\.|(?:and|&)\s+[A-Z][\w'’-]+))?"
    r",\s+(?:19|20)\d\d[a-z]?"
)
CITATION = re.compile(rf"\((?:see\s+|cf\.\s+)?{_CITED}(?:;\s*{_CITED})*\)")


def _deny_retracted_posts(sentences: list[Sentence]) -> None:
    """Entries of a live blog that a later entry takes back are denied, whole."""
    taken_back: set[str] = set()
    for sentence in sentences:
        if ":" in sentence.text or "." in sentence.text:
            for match in RETRACTED_POST.finditer(sentence.text):
                taken_back.add((match.group(1) or match.group(2)).replace(".", ":"))
    if not taken_back:
        return
    entry, block = None, None
    for sentence in sentences:
        if sentence.block_index != block:  # a new paragraph: a new entry if it opens with a time
            block = sentence.block_index
            stamp = POST_TIME.match(sentence.text)
            entry = stamp.group(1).replace(".", ":") if stamp else None
        if entry in taken_back:
            sentence.denied = True


def _mentions_within(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The block mentions inside the sentence ``[start, end)``, with offsets relative to it."""
    if not mentions or (start == 0 and mentions[-1].end <= end):
        return list(mentions)
    return [
        Mention(
            m.start - start, m.end - start, m.kind, m.canonical, m.iso3, m.member_type, m.source, m.acronym
        )
        for m in mentions
        if start <= m.start and m.end <= end
    ]


# Defined terms of agreements and statements: 'CNSA (below called "Party A")', 'Party B: X'.
DEFINED_AFTER = re.compile(
    r"^\s*\(\s*(?:below|hereinafter|hereafter|henceforth)\s*,?\s+(?:called|referred\s+to\s+as|named|the)?\s*"
    r"[\"“'‘]?(?P<term>(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)[\"”'’]?\s*\)"
    # a filing's '(the "Company", together with its subsidiaries, ...)'
    r"|^\s*\(\s*the\s+[\"“](?P<quoted>[A-Z][a-z]+)[\"”]\s*[,)]"
)
DEFINED_LABEL = re.compile(r"^\W*(?P<term>Party\s+[A-D]|[A-Z][a-z]+\s+Side)\s*[:：]\s*$")
TERM_KINDS = frozenset({"country", "agency", "institution"})


# A key or glossary entry: "AIRCAS = Aerospace Information Research Institute", "; UNAH = Universidad ..."
GLOSSARY_ENTRY = re.compile(r"(?:^|[;:,(]\s*|\s)(?P<acronym>[A-Z][A-Za-z0-9&-]{1,9})\s*=\s*\Z")
ACRONYM_AFTER = re.compile(r"\s{0,2}\(\s*([A-Z][A-Za-z0-9&-]{1,9})\s*\)")


def _acronym_after(text: str, end: int) -> str | None:
    match = ACRONYM_AFTER.match(text, end)
    if match and sum(c.isupper() for c in match.group(1)) >= 2:
        return match.group(1)
    return None


def _owner(sentence: Sentence, i: int) -> Mention:
    """The body a name or acronym after mention `i` belongs to: the unit in "X Institute of the
    Chinese Academy of Sciences (XI)", else the mention itself."""
    mention = sentence.mentions[i]
    if i and re.fullmatch(
        r"\s+of\s+(?:the\s+)?", sentence.text[sentence.mentions[i - 1].end : mention.start]
    ):
        return sentence.mentions[i - 1]
    return mention


def _resolve_defined_terms(sentences: list[Sentence]) -> None:
    """Give each use of a defined term ("Party A") the mention of the body it was defined as."""
    defined: dict[str, Mention] = {}
    labelled: dict[str, Mention] = {}
    for sentence in sentences:
        for i, mention in enumerate(sentence.mentions):
            if mention.kind not in TERM_KINDS:
                continue
            acronym = mention.acronym or _acronym_after(sentence.text, mention.end)
            if acronym and acronym not in defined:
                defined[acronym] = _owner(sentence, i)  # "Harbin Institute of Technology (HIT)", then "HIT"
            key = GLOSSARY_ENTRY.search(sentence.text, max(0, mention.start - 16), mention.start)
            if key and sum(c.isupper() for c in key["acronym"]) >= 2:
                defined.setdefault(key["acronym"], mention)  # "Key: AIRCAS = Aerospace Information ..."
            after = DEFINED_AFTER.match(sentence.text[mention.end : mention.end + 80])
            if after:
                defined.setdefault(after["term"] or after["quoted"], _owner(sentence, i))
            label = DEFINED_LABEL.match(sentence.text[: mention.start])
            if label and i == 0:
                labelled[label["term"]] = mention
    defined.update(labelled)  # a signature block names each party in full
    if not defined:
        return
    term_pattern = re.compile("|".join(re.escape(t) for t in sorted(defined, key=len, reverse=True)))
    _stand_for_terms(sentences, term_pattern, defined, "defined")


def _stand_for_terms(
    sentences: list[Sentence], pattern: re.Pattern[str], bodies: dict[str, Mention], source: str
) -> None:
    """Give each unclaimed match of `pattern` (one of the `bodies` keys) the body it stands for."""
    for sentence in sentences:
        if any(term in sentence.text for term in bodies):
            added = [
                _standing_for(bodies[m.group()], m.start(), m.end(), source)
                for m in _unclaimed(pattern, sentence.text, sentence.mentions)
            ]
            _attach(sentence, added)


# "The institute and CNSA signed ...": a body named just before; "bringing the Sultanate into the Belt
# and Road Initiative": the state named just before.
DEFINITE_REFERENCE = re.compile(
    r"\b[Tt]he\s+(?:(?P<body>(?i:institute|university|agency|academy|observatory|laboratory|centre|center|"
    r"foundation|administration|commission|committee|company|corporation))\b(?!\s+of\b)|"
    r"(?P<state>Sultanate|Kingdom|Emirate|Principality|Grand\s+Duchy|Republic)\b(?!\s+of\b)|"
    r"(?P<region>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:country|nation|state|republic|kingdom))\b)"
)


def _letterhead_bodies(text: str, gazetteer: Gazetteer, reach: int = 200) -> list[Mention]:
    """The agencies and institutions named on the document's first line: its author ("EGYPTIAN SPACE
    AGENCY      ANNUAL REPORT"), even when that line repeats on every page and is dropped as furniture."""
    first = text.lstrip()[:reach].split("\n", 1)[0]
    found = gazetteer.find(first)
    if first.isupper():  # "HANXING ORBITAL TECHNOLOGIES CO., LTD.": a name by its shape, in title case
        found += gazetteer.find(first.title())
    return [m for m in found if m.kind in ("agency", "institution")]


def _resolve_definite_bodies(
    sentences: list[Sentence], letterhead: Sequence[Mention] = (), reach: int = 3
) -> None:
    """Give "the institute" the institute named just before, and "the Sultanate" the state; "the
    Agency", capitalised as a defined term, is the agency on the letterhead when there is one."""
    for index, sentence in enumerate(sentences):
        added = []
        for match in _unclaimed(DEFINITE_REFERENCE, sentence.text, sentence.mentions):
            window = sentences[max(0, index - reach) : index + 1]
            if match.group("body"):
                noun = match.group("body").lower()
                author = [
                    m
                    for m in letterhead
                    if noun in m.canonical.lower()
                    or (noun in ("company", "corporation") and m.member_type == "company")
                ]
                if match.group("body")[0].isupper() and author:
                    added.append(_standing_for(author[0], match.start(), match.end(), "anaphor"))
                    continue
                if match.group("body")[0].isupper():  # "the University": one named anywhere before
                    window = sentences[: index + 1]
                earlier = [
                    m
                    for s in window
                    if s.block_index == sentence.block_index
                    or (s.block.kind == "paragraph" and sentence.block_index - s.block_index == 1)
                    or match.group("body")[0].isupper()
                    for m in s.mentions
                    if m.kind in ("agency", "institution")
                    and noun in m.canonical.lower()
                    and (s is not sentence or m.end <= match.start())
                ]
            else:
                earlier = [
                    _country_of(m)
                    for s in window
                    if s.block_index == sentence.block_index
                    for m in s.mentions
                    if (m.kind == "country" or m.source == "context:national_agency")
                    and m.canonical != "China"
                    and (s is not sentence or m.end <= match.start())
                ]
            if earlier:
                added.append(_standing_for(earlier[-1], match.start(), match.end(), "anaphor"))
        _attach(sentence, added)


# A document that says it writes countries as ISO codes ("Countries are given by ISO 3166 alpha-3 code")
ISO_CODE_NOTICE = re.compile(r"(?i)\bISO[ -]?3166\b|\balpha-3\b|\bISO\s+(?:country\s+)?codes?\b")
ISO_CODE = re.compile(r"(?<![\w-])[A-Z]{3}(?![\w-])")


def _resolve_country_codes(text: str, sentences: list[Sentence], gazetteer: Gazetteer) -> None:
    """In a document that declares ISO 3166 alpha-3 codes, a code ("BGD", "ZAF") names its country."""
    if not ("ISO" in text or "lpha-3" in text) or not ISO_CODE_NOTICE.search(text):
        return
    for sentence in sentences:
        added = []
        for match in _unclaimed(ISO_CODE, sentence.text, sentence.mentions):
            name = gazetteer.country_of_code(match.group())
            if name is not None:
                added.append(
                    Mention(match.start(), match.end(), "country", name, match.group(), "country", "iso code")
                )
        _attach(sentence, added)


_INITIAL_SKIP = frozenset(["of", "the", "for", "and", "de", "la", "del", "&"])


def _resolve_initialisms(sentences: list[Sentence]) -> None:
    """An all-capitals word made of the initials of a body the document names ("IST" for the Institute of
    Space Technology, "SJTU" for Shanghai Jiao Tong University) stands for that body."""
    initials: dict[str, Mention | None] = {}
    for sentence in sentences:
        for mention in sentence.mentions:
            if mention.kind not in ("agency", "institution"):
                continue
            words = [
                w
                for w in re.findall(r"[^\W\d_][\w'’-]*", mention.canonical)
                if w.lower() not in _INITIAL_SKIP
            ]
            if 3 <= len(words) <= 6:
                key = "".join(w[0] for w in words).upper()
                known = initials.get(key, mention)
                initials[key] = mention if known is None or known.canonical == mention.canonical else None
    found = {key: m for key, m in initials.items() if m is not None}
    if not found:
        return
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, found)) + r")(?![\w-])")
    for sentence in sentences:
        if not any(key in sentence.text for key in found):
            continue
        added: list[Mention] = []
        for m in _unclaimed(pattern, sentence.text, sentence.mentions):
            body = found[m.group()]
            if (
                added and sentence.text[added[-1].end : m.start()] == " "
            ):  # "IEP SAS": the unit of the academy
                unit = added.pop()
                body = replace(unit, canonical=f"{unit.canonical} of the {body.canonical}")
                added.append(_standing_for(body, unit.start, m.end(), "initials"))
                continue
            added.append(_standing_for(body, m.start(), m.end(), "initials"))
        _attach(sentence, added)


# "Makerere University", then "Makerere": a one-word name a university is known by
NAMED_UNIVERSITY = re.compile(r"^([A-Z][a-z]{3,})\s+(?:University|Aerospace)$")  # also "Tianlu Aerospace"


def _resolve_short_names(sentences: list[Sentence], gazetteer: Gazetteer) -> None:
    """Give the bare first word of an "X University" the document names ("Makerere joined ...") that
    university, unless the word names something else (a place, a country, an agency)."""
    short: dict[str, Mention] = {}
    for sentence in sentences:
        for mention in sentence.mentions:
            named = NAMED_UNIVERSITY.match(mention.canonical) if mention.kind == "institution" else None
            if named and named.group(1) not in short and gazetteer.lookup(named.group(1)) is None:
                short[named.group(1)] = mention
    if not short:
        return
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(map(re.escape, short)) + r")(?![\w-])(?!\s+(?:University|Aerospace))"
    )
    _stand_for_terms(sentences, pattern, short, "short name")


def _resolve_framework_head_nouns(sentences: list[Sentence]) -> None:
    """A framework the document names in full by a plural head noun ("Artemis Accords") is then
    called by that noun alone, capitalised: "an Accords signatory", "(ILRS 2024, Accords 2024)".
    Not where another name precedes the noun ("the Abraham Accords")."""
    heads: dict[str, Mention] = {}
    for sentence in sentences:
        for mention in sentence.mentions:
            words = mention.canonical.split()
            if mention.kind == "framework" and len(words) >= 2 and re.fullmatch(r"[A-Z][a-z]+s", words[-1]):
                heads.setdefault(words[-1], mention)
    if not heads:
        return
    pattern = re.compile(
        r"(?<![\w-])(?<![A-Z][\w-]\s)(?<![A-Z][\w-]{2}\s)(?<![A-Z][\w-]{3}\s)(?<![A-Z][\w-]{4}\s)"
        r"(?<![A-Z][\w-]{5}\s)(?<![A-Z][\w-]{6}\s)(?<![A-Z][\w-]{7}\s)(?:" + "|".join(heads) + r")(?![\w-])"
    )
    _stand_for_terms(sentences, pattern, heads, "head noun")


# "The Timorese university": the one university of that country the document has named
NATIONAL_BODY = re.compile(
    r"\b[Tt]he\s+(?P<demonym>[A-Z][a-z]+)\s+(?P<body>university|institute|agency|observatory|academy)\b"
    r"(?!\s+of\b)"
)


def _resolve_national_bodies(sentences: list[Sentence], gazetteer: Gazetteer) -> None:
    """Give "the Timorese university" the last university named before whose home is not another
    country (the registry places Chinese and other registered bodies)."""
    for index, sentence in enumerate(sentences):
        if "The " not in sentence.text and "the " not in sentence.text:
            continue
        added = []
        for match in NATIONAL_BODY.finditer(sentence.text):
            country = gazetteer.country(match.group("demonym"), ("demonym",))
            if country is None or any(m.start <= match.start("body") < m.end for m in sentence.mentions):
                continue
            stem = match.group("body")[:6]  # "univer": also "Universidade", "Universität"
            placed: dict[str | None, list[Mention]] = {}
            for s in sentences[: index + 1]:
                for m in s.mentions:
                    if (
                        m.kind in ("agency", "institution")
                        and stem in m.canonical.lower()
                        and (s is not sentence or m.end <= match.start())
                    ):
                        placed.setdefault(_home_iso3(s, m, gazetteer), []).append(m)
            earlier = placed.get(country[1]) or placed.get(None)  # placed there, else placed nowhere
            if earlier:
                added.append(_standing_for(earlier[-1], match.start("body"), match.end("body"), "anaphor"))
        _attach(sentence, added)


def _home_iso3(sentence: Sentence, body: Mention, gazetteer: Gazetteer) -> str | None:
    """The country of a body: the registry's, else a country or city named just after it ("Makerere
    University, Uganda", "the Universidade ... in Dili")."""
    home = gazetteer.home(body.canonical)
    if home:
        return home[1]
    return next(
        (
            m.iso3
            for m in sentence.mentions
            if m.kind in ("country", "capital") and 0 <= m.start - body.end <= 6
        ),
        None,
    )


def _owned_full_names(sentences: list[Sentence], gazetteer: Gazetteer) -> None:
    """ "Thailand's National Astronomical Research Institute": the registered "X of Thailand"."""
    for sentence in sentences:
        for i, mention in enumerate(sentence.mentions):
            if mention.source != "shape:institution" or i == 0:
                continue
            owner = sentence.mentions[i - 1]
            if owner.kind != "country" or sentence.text[owner.end : mention.start] not in ("'s ", "’s "):
                continue
            entry = gazetteer.lookup(f"{mention.canonical} of {owner.canonical}")
            if entry is not None and entry.kind in ("institution", "agency"):
                sentence.mentions[i] = replace(
                    mention, canonical=entry.canonical, member_type=entry.member_type, kind=entry.kind
                )


def _complete_short_names(sentences: list[Sentence]) -> None:
    """A body found by its shape under the last words of a longer name the document gives in full
    ("the Meteorological Service's compound" after "the Cook Islands Meteorological Service") is
    that body."""
    full = {
        m.canonical
        for s in sentences
        for m in s.mentions
        if m.kind in ("institution", "agency")
        and m.canonical.count(" ") >= 2
        and " of " not in m.canonical  # "Institute of X of the Y Academy": Y is another body
        and not m.canonical.startswith(("About ", "The ", "See "))
    }
    english = {m.canonical for s in sentences for m in s.mentions if m.canonical.startswith("University of ")}
    if not (full or english):
        return
    for sentence in sentences:
        for i, mention in enumerate(sentence.mentions):
            if mention.source != "shape:institution" or " " not in mention.canonical:
                continue
            local = LOCAL_UNIVERSITY.match(mention.canonical)
            if local and f"University of {local.group(1)}" in english:  # "Universidad de Chile"
                sentence.mentions[i] = replace(mention, canonical=f"University of {local.group(1)}")
                continue
            if " of " in mention.canonical:
                continue
            longer = [name for name in full if name.endswith(" " + mention.canonical)]
            if len(longer) == 1:
                sentence.mentions[i] = replace(mention, canonical=longer[0])


# A university named in its own language, where the document also gives the English name
LOCAL_UNIVERSITY = re.compile(
    r"^(?:Universidad|Universidade|Université|Universität|Università|Universiteit)\s+(?:de|do|da|di|del|della|du)?\s*"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)$"
)


def _country_of(mention: Mention) -> Mention:
    """A country mention, or the country of "Peru's national space commission"."""
    if mention.kind == "country":
        return mention
    home = Gazetteer.default().home(mention.canonical)
    if home is None:
        return mention
    return Mention(mention.start, mention.end, "country", home[0], home[1], "country", "context:home")


def _unclaimed(pattern: re.Pattern[str], text: str, mentions: list[Mention]) -> Iterator[re.Match[str]]:
    """The matches of `pattern` in `text` that overlap none of `mentions` (as they were at the start)."""
    taken = [(m.start, m.end) for m in mentions]
    for match in pattern.finditer(text):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            yield match


def _standing_for(body: Mention, start: int, end: int, source: str) -> Mention:
    """A mention at [start, end) that stands for the body another mention names."""
    return Mention(start, end, body.kind, body.canonical, body.iso3, body.member_type, source)


def _attach(sentence: Sentence, added: list[Mention]) -> None:
    if added:
        sentence.mentions = sorted([*sentence.mentions, *added], key=lambda m: m.start)


def _title_like(line: str) -> bool:
    """A short line without closing punctuation: a slide title or an unmarked heading."""
    return "\n" not in line and len(line) < 60 and not line.rstrip().endswith((".", "!", "?", ":", ";", ","))


def _continued_over_page_breaks(text: str, blocks: list[Block]) -> dict[int, int]:
    """Prose blocks whose sentence runs on after a page break (running header, page number) into
    the next prose block: {first block: continuation block}."""
    out: dict[int, int] = {}
    for index, block in enumerate(blocks[:-1]):
        if block.kind not in ("paragraph", "list_item") or text[block.end - 1] in '.!?:;"”':
            continue
        after = index + 1
        while after < len(blocks) and blocks[after].kind == "furniture":
            after += 1
        if after == index + 1 or after == len(blocks) or blocks[after].kind != "paragraph":
            continue
        if text[blocks[after].start].islower() or OPEN_ENDING_RE.search(text, block.start, block.end):
            out[index] = after  # "... expired in" / "2022 and was not renewed"
    return out


def _dateline(text: str, reach: int = 400) -> str | None:
    """The first full (day-precision) date in the document's opening lines."""
    return next((d.value for d in find_dates(text[:reach]) if d.precision == "day"), None)


def _speaker(sentences: list[Sentence], intro_blocks: int = 3) -> Mention | None:
    """The body an interview or statement speaks for: the first non-Chinese agency or institution
    named in the opening blocks."""
    blocks_seen: list[int] = []
    for sentence in sentences:
        if sentence.block_index not in blocks_seen:
            blocks_seen.append(sentence.block_index)
        if len(blocks_seen) > intro_blocks:
            break
        for mention in sentence.mentions:
            chinese = re.search(r"\b(?:China|Chinese|Sino)\b", mention.canonical)
            if mention.kind in ("agency", "institution") and not chinese:
                return mention
    return None


# How a document writes numeric dates: it says so ("All dates are day/month/year"), or some of its
# dates can only be read day first (14/03/2025) and none only month first.
DAY_FIRST_NOTE = re.compile(r"(?i)\bday\s*/\s*month\s*/\s*year\b|\bdd[/.]mm[/.]yyyy\b|\bday-month-year\b")
NUMERIC_DATE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(?:19|20)\d\d(?!\d)")


def _written_in_lower_case(text: str, reach: int = 20000) -> bool:
    """A text written without capitals, as automatic transcripts are: almost no word (of three letters
    or more, all-capital labels aside) starts with a capital."""
    words = _WORD_OF_THREE.findall(text, 0, reach)
    if len(words) < 80:
        return False
    capitalised = sum(1 for w in words if w[0].isupper() and not w.isupper())
    return capitalised < 0.02 * len(words)


_WORD_OF_THREE = re.compile(r"[^\W\d_]{3,}")


def _writes_day_first(text: str) -> bool:
    if DAY_FIRST_NOTE.search(text):
        return True
    pairs = [
        (int(m.group(1)), int(m.group(3)))
        for m in NUMERIC_DATE.finditer(text)
        if not (m.start() and text[m.start() - 1] in "0123456789/.-")
    ]
    return any(a > 12 >= b for a, b in pairs) and not any(b > 12 >= a for a, b in pairs)


YEAR_COMMA_MONTH = re.compile(
    r"[*_\s]*(?P<year>(?:19|20)\d\d),?\s+(?P<month>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)"
    r"[*_\s]*(?:[—–:|-]|\*\*)"
)


# A paragraph of a chronicle written by year: "In 2024, ..."
YEAR_OPENING = re.compile(r"\W*(?:In|During|Throughout|By\s+the\s+end\s+of)\s+((?:19|20)\d\d)\b(?![-–/]\d)")
# "09  ::  2021  ::  ..." under a "---- MARCH" heading; "--" for an entry with no known day
DAY_YEAR_LEAD = re.compile(r"\s*(?P<day>\d{1,2}|-{1,3})\s*(?:::|\|)\s*(?P<year>(?:19|20)\d\d)\s*(?:::|\|)")
FULL_MONTH = "|".join(MONTH_WORDS[:12])  # "January|February|...|December"
# "------ MARCH" or "## April 2025": the month (and year) of the entries below
MONTH_HEADING = re.compile(
    rf"[-=*_~#\s]*(?P<month>(?i:{FULL_MONTH}))(?:\s+(?P<year>(?:19|20)\d\d)[-=*_~#:\s]*|[-=*_~#\s]*)"
)
# "2015 | Nov | 21 | ...": a row whose first cells are the year, the month and the day
YEAR_MONTH_DAY_CELLS = re.compile(
    r"\s*(?P<year>(?:19|20)\d\d)\s*\|\s*(?P<month>[A-Za-z]{3,9}\.?)\s*\|\s*(?P<day>\d{1,2}(?!\d))?[^|]{0,3}\|"
)


def _lead_date(
    block_text: str, day_first: bool = False, year: str | None = None, month: str | None = None
) -> str | None:
    """The date a timeline entry starts with, followed by a dash or colon."""
    day_year = DAY_YEAR_LEAD.match(block_text)
    if day_year:  # an almanac filed by calendar day under month headings
        day = day_year["day"]
        if month and day.isdigit():
            stated = find_dates(f"{day} {month} {day_year['year']}")
            if stated:
                return stated[0].value
        return day_year["year"]
    cells = YEAR_MONTH_DAY_CELLS.match(block_text)
    if cells:
        day = f"{cells['day']} " if cells["day"] else ""
        stated = find_dates(f"{day}{cells['month']} {cells['year']}")
        if stated and stated[0].start == 0:
            return stated[0].value
    head = block_text.lstrip("-*• #[")
    year_month = YEAR_COMMA_MONTH.match(head)
    if year_month:  # "**2014, September —**"
        month = find_dates(f"{year_month['month']} {year_month['year']}")
        return month[0].value if month else None
    for mention in find_dates(head[:40], anchor=year, day_first=day_first):  # "- July:" under "== 2021 =="
        if mention.start <= 2 and TIMELINE_SEPARATOR.match(head, mention.end):
            return mention.value
        break
    return None


# "Peru's national space commission", "the Peruvian space agency": a country's own agency
NATIONAL_AGENCY = re.compile(
    r"(?:['’]s)?\s+(?:own\s+)?(?:national\s+)?space\s+(?:agency|commission|office|administration)\b", re.I
)


def _national_agencies(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A country's space agency named by description stands for the one agency the registry places
    in that country."""
    out = []
    for mention in mentions:
        described = (
            NATIONAL_AGENCY.match(text, mention.end) if mention.kind in ("country", "demonym") else None
        )
        agency = gazetteer.national_agency(mention.iso3) if described and mention.iso3 else None
        if agency:
            mention = Mention(
                mention.start,
                described.end(),
                "agency",
                agency,
                None,
                "space_agency",
                "context:national_agency",
            )
        out.append(mention)
    return out


def _contextual(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Adjust gazetteer mentions by their context.

    - A framework name that runs on into a longer capitalised name ("Belt and Road Aerospace
      Innovation Alliance") is part of another name, not the framework.
    - A bare "Artemis" that is not the programme ("joined the Artemis initiative", "membership
      in American Artemis") names the Artemis Accords.
    """
    kept = []
    for mention in mentions:
        surface = text[mention.start : mention.end]
        number = SERIES_NUMBER.search(surface) if mention.kind == "mission" else None
        if (
            mention.source == "shape:institution"
            and " and " in surface
            and text[mention.end : mention.end + 2]
            in (
                "'s",
                "’s",
            )
        ):
            # "Institute of Space Technology and Egypt's National ...": the name ends before "and"
            cut = surface.rindex(" and ")
            mention = Mention(
                mention.start,
                mention.start + cut,
                mention.kind,
                surface[:cut],
                None,
                mention.member_type,
                mention.source,
            )
        if mention.source.startswith("shape:mission") and GENERIC_SERIES.match(surface):
            continue  # "Launch Complex 9A", "Satellite-1": a numbered common noun is no mission name
        numbered_registry = mention.source == "gazetteer" and not mention.canonical[-1:].isdigit()
        if number and numbered_registry and gazetteer.lookup(surface) is None:
            # "Shenzhou-13", "Queqiao-2": a numbered flight of a series is a mission of its own
            canonical = f"{mention.canonical}-{number.group(1)}"
            mention = Mention(
                mention.start, mention.end, "mission", canonical, None, None, "context:numbered"
            )
        if mention.kind == "framework":
            following = re.match(r"[ \u00a0]+([A-Z][a-z]+)", text[mention.end :])  # not across a tab
            word = following.group(1) if following else None
            if word and word not in ("In", "On", "The", "And") and word not in FRAMEWORK_CONTINUATIONS:
                continue
        kept.append(mention)
    for match in _unclaimed(BARE_ARTEMIS, text, kept):
        end = match.end()
        suffix = ARTEMIS_SUFFIX.match(text, end)
        if suffix:
            end = suffix.end()
        kept.append(
            Mention(match.start(), end, "framework", "Artemis Accords", None, None, "context:artemis")
        )
    return sorted(kept, key=lambda m: m.start)


def _sentence_bounds(block: Block, view: CleanView) -> Iterator[tuple[int, int]]:
    if block.kind in ("paragraph",):
        bounds = [0, *view.breaks, len(view.text)]
        parts = [
            Block("paragraph", a, a + len(view.text[a:z].rstrip()), None, None)
            for a, z in pairwise(bounds)
            if view.text[a:z].strip()
        ]
        for s in split_sentences(view.text, parts):
            yield s.start, s.end
    else:
        yield 0, len(view.text)


MONTH_OF_BEFORE = re.compile(rf"\b{FULL_MONTH}\s+(?:of\s+)?$")
THAT_YEAR = re.compile(r"(?i)\b(?:(?:later|earlier)\s+)?(?:that(?:\s+same)?|the\s+same)\s+year\b")


def _year_said_before(text: str, year_before: str | None) -> str | None:
    """The year "that year" points to: one written earlier in the sentence, else the paragraph's last."""
    that = THAT_YEAR.search(text)
    if that is None:
        return None
    written = YEAR_WRITTEN.findall(text, 0, that.start())
    return written[-1] if written else year_before


YEAR_WRITTEN = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?![\d])")


def _with_that_year(text: str, year: str, dates: list[DateMention]) -> list[DateMention]:
    """In a paragraph opened by "In 2024, ...", "later that year" is 2024 (a month before it already
    has its year: "in June of that year")."""
    added = [
        DateMention(m.start(), m.end(), year, int(year), "year")
        for m in THAT_YEAR.finditer(text)
        if not any(d.start < m.end() and m.start() < d.end for d in dates)
        and not MONTH_OF_BEFORE.search(text, max(0, m.start() - 14), m.start())
    ]
    return _with_dates(dates, added)


THAT_MONTH = re.compile(rf"\b(?:that|the\s+same)\s+(?P<month>{FULL_MONTH})\b")


def _with_that_month(text: str, dates: list[DateMention]) -> list[DateMention]:
    """ "founded in 2021; ... signed the memorandum that March": that month of the year just named."""
    added = []
    for m in THAT_MONTH.finditer(text):
        before = [d for d in dates if d.end <= m.start()]
        if before and not any(d.start < m.end() and m.start() < d.end for d in dates):
            stated = find_dates(f"{m['month']} {before[-1].year}")
            if stated:
                added.append(DateMention(m.start(), m.end(), stated[0].value, before[-1].year, "month"))
    return _with_dates(dates, added)


YEAR_CELL = re.compile(r"(?:[^\d\n]{1,20}\s)?((?:19|20)\d\d)")  # "2008", "ZAF 2011"


def _with_year_cells(text: str, cells: list[tuple[int, int]], dates: list[DateMention]) -> list[DateMention]:
    """A table cell that holds only a year ("| 2008 |", "  2008  ") is a date."""
    added = []
    for a, b in cells:
        year = YEAR_CELL.fullmatch(text, a, b)
        if year and not any(d.start < b and a < d.end for d in dates):
            added.append(DateMention(year.start(1), b, year.group(1), int(year.group(1)), "year"))
    return _with_dates(dates, added)


def _with_dates(dates: list[DateMention], added: list[DateMention]) -> list[DateMention]:
    return sorted([*dates, *added], key=lambda d: d.start) if added else dates


def _clean_offset(view: CleanView, original: int) -> int:
    """The first clean offset whose original position is at or after `original`."""
    origin = view.origin
    lo, hi = 0, len(origin) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if origin[mid] < original:
            lo = mid + 1
        else:
            hi = mid
    return lo
