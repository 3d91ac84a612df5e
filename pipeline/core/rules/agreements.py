"""Agreement statements: memoranda, treaties, conventions, roadmaps, joint laboratories, data
exchanges, leases and laws, with their parties, date, type and status.

- ``rule:instrument``  a sentence naming an instrument and its parties ("China and Brazil
  established the China-Brazil Joint Laboratory ... in 2014")
- ``table:instrument`` an instrument named in a table row, the row's country and the caption's
  country as parties
- ``rule:accord``      a framework that is itself an accord: its founding and signatories
- ``text:instrument``  the instrument the whole document is the text of (rules/instrument_texts.py)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

from pipeline.core.claims import AgreementClaim, MembershipClaim, Span
from pipeline.core.gazetteer import Gazetteer, Mention
from pipeline.core.modality import agreement_status, clause_start, is_asserted, retracted_sentences
from pipeline.core.reading import Document, Sentence
from pipeline.core.rules.common import (
    CHINA,
    CONNECTOR,
    COUNT_WORDS,
    DEMONYM_GOVERNMENT,
    LIST_MARKER,
    RELATIVE_FOUNDER,
    Party,
    founding_clauses,
    fragments,
    header_columns,
    home_country,
    is_chinese_body,
    is_prose_row,
    nearest_date,
    parties_in,
    party_fragment,
)
from pipeline.core.rules.frameworks import (
    FrameworkTracker,
    framework_properties,
    is_organisation,
    joined_by_document,
)
from pipeline.core.rules.instrument_texts import decree_texts, instrument_text
from pipeline.core.rules.record_cards import (
    PARTY_FIELD,
    RELATED_FIELD,
    TITLE_FIELD,
    Card,
    own_field_sentences,
    record_cards,
    signed_date,
)
from pipeline.core.rules.record_cards import status as card_status

INSTRUMENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "data_exchange",
        re.compile(
            r"\bdata[- ](?:exchange|sharing)(?:\s+(?:mechanism|agreement|arrangement))?\b|"
            r"\barrangements?\b(?=[^.;]{0,160}\b(?:receiving|reception\s+of|exchang\w*|shar\w*|suppl\w*)\s+"
            r"(?:of\s+)?(?:[\w-]+\s+){0,3}?data\b)|"
            r"\b(?:arrangement|agreement|mechanism)\s+(?:on|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:exchange|sharing)\s+of\b|"
            r"\b(?:exchanged?|shared?|exchanging|sharing|received|receives|receiving)\s+(?:[\w-]+\s+){0,5}?data\b"
            r"[^.;]{0,100}?\b(?:under|through|via)\s+(?:an?|the)\s+(?:\w+\s+)?(?:arrangement|agreement|mechanism)\b|"
            r"\bdata\s+arrangements?\b|"
            # "Agreement between A and B on the Exchange of Earth Observation Data"
            r"\b(?:arrangement|agreement)\b(?=[^.;]{0,160}\bon\s+(?:the\s+)?(?:exchange|sharing)\s+of\s+(?:[\w-]+\s+){0,3}?"
            r"data\b)|"
            r"\b(?:arrangement|agreement)\s+to\s+(?:pool|share|exchange)\s+(?:[\w-]+\s+){0,3}?(?:data|imagery|images)\b|"
            r"\b(?:arrangement|agreement|memorandum)\s+on\s+(?:[\w-]+\s+){0,2}?data\s+(?:sharing|exchange)\b",
            re.I,
        ),
    ),
    (
        "joint_laboratory",
        re.compile(
            r"\bjoint\s+(?:\w+\s+){0,3}?(?:laborator(?:y|ies)|labs?|research\s+cent(?:er|re))\b|"
            r"\blaborator(?:y|ies)\s+common\b",  # machine-translated "laboratoire commun"
            re.I,
        ),
    ),
    ("memorandum", re.compile(r"\bmemorand(?:um|a)\b|\bMoUs?\b|\bMOUs?\b|\bletters?\s+of\s+intent\b", re.I)),
    (
        "other",  # a launch-services, supply or satellite contract; a commercial sale or services agreement
        re.compile(
            r"\bcontracts?\b|"
            r"\b(?:launch[- ]services?|sale|sales|purchase|supply|procurement)\s+agreements?\b",
            re.I,
        ),
    ),
    ("roadmap", re.compile(r"\broad\s?maps?\b", re.I)),
    # a statement or declaration the sides issue or sign (not "said in a joint statement")
    (
        "other",
        re.compile(
            r"(?<!\bin\s)(?<!\bin\sa\s)(?<!\bin\stheir\s)\bjoint\s+(?:statement|declaration|communiqu[eé])s?\b",
            re.I,
        ),
    ),
    ("treaty", re.compile(r"\btreat(?:y|ies)\b", re.I)),
    ("convention", re.compile(r"\bconventions?\b", re.I)),
    ("lease", re.compile(r"\bleas(?:e|ed|ing)\b", re.I)),
    (
        "legislation",
        re.compile(
            r"\b(?:Amendment|Act|Public\s+Law\s+\d+-\d+|[Ll]aw\s+No\.?\s*\d(?:[\d,./-]*\d)?|Law\s+\d[\d,./-]*\d|"
            # "the ratification law", "a law barring ...": a law told by what it does
            r"(?:[Rr]atification|[Ff]ederal|[Ii]mplementing)\s+law|"
            r"[Ll]aws?\s+(?:ratifying|restricting|banning|barring|prohibiting|that\s+(?:bars|restricts|bans|ratifies)))\b"
        ),
    ),
    # "the accord of cooperation", "a cooperation accord": a translated agreement, not a set of accords
    (
        "cooperation_agreement",
        re.compile(r"\baccords?(?=\s+of\s+cooperation\b)|\bcooperation\s+accords?\b", re.I),
    ),
    ("accord", re.compile(r"\baccords?\b(?!\s+with)", re.I)),
    (
        "cooperation_agreement",
        re.compile(
            r"\b(?:agreements?|protocols?|framework\s+agreement|accords?|cooperation\s+programmes?|"
            r"(?:implementing|framework|cooperation|cooperative)\s+arrangements?|"
            r"arrangements?\s+on\s+(?:[\w-]+\s+){0,4}?cooperation)\b",
            re.I,
        ),
    ),
)
# Any instrument word; the lookahead (the letters they start with) lets most positions fail at once.
ANY_INSTRUMENT = re.compile(
    "(?=[adjmrtclpfeis])(?:" + "|".join(f"(?:{pattern.pattern})" for _, pattern in INSTRUMENTS) + ")",
    re.IGNORECASE,
)
# Word stems one of INSTRUMENTS needs (lower case), and the capitalised words of laws: a substring
# test rules out most sentences before the patterns run.
INSTRUMENT_STEMS = (
    "data",
    "arrang",
    "agreem",
    "mechanism",
    "joint",
    "memorand",
    "mou",
    "letter",
    "contract",
    "road",
    "treat",
    "convention",
    "leas",
    "accord",
    "protocol",
    "programme",
    "law",
)
LAW_WORDS = ("Act", "Law", "Amendment")


ITEM_LABEL = re.compile(r"^[^:]{3,120}?:\s+")


def _listed_with_parties(sentence: Sentence, position: int) -> bool:
    """A list item naming its parties, a colon, then the instrument ("- A and B: memorandum on ..., 2023")."""
    if sentence.block.kind != "list_item":
        return False
    label = ITEM_LABEL.match(sentence.text)
    return bool(
        label
        and 0 <= position - label.end() <= 25
        and any(
            m.kind in PARTY_KINDS and m.kind != "framework" and m.end <= label.end()
            for m in sentence.mentions
        )
    )


# A list of documents its heading or lead-in says were signed: "Documents exchanged", "The following
# agreements were signed:", "List of documents signed during the visit"
SIGNED_DOCUMENTS = re.compile(
    r"(?i)\b(?:documents?|agreements?|instruments?|memorand\w*|texts?|mous?)\s+(?:\w+\s+){0,2}?"
    r"(?:signed|exchanged|concluded|inked)\b|\b(?:signed|exchanged|concluded)\s+(?:documents?|agreements?|instruments?)\b"
)
SIGNED_WITH_DATE = re.compile(r"(?i)\b(?:signed|exchanged|inked|concluded)\b")


def _item_title(text: str) -> tuple[int, int] | None:
    """The span of the title a list item opens with: its bold run ("- **Memorandum ...**, between ..."),
    else the item up to its first sentence end or semicolon."""
    marker = LIST_MARKER.match(text)
    start = marker.end() if marker else 0
    bold = re.match(r"\*\*([^*]{5,250})\*\*", text[start:])
    if bold:
        return start + bold.start(1), start + bold.end(1)
    end = re.search(r"(?<=[a-z)]{2})[.;](?:\s|$)|;|$", text[start:])
    return (start, start + end.start()) if end else None


def _lead_in(doc: Document, sentence: Sentence) -> tuple[int, list[Sentence]]:
    """(index of `sentence`, the sentences of its list's lead-in: none outside a list)."""
    index = doc.sentences.index(sentence)
    if sentence.block.kind != "list_item" or sentence.block.context is None:
        return index, []
    return index, [s for s in doc.sentences[:index] if s.block_index == sentence.block.context]


def _signed_documents_list(doc: Document, sentence: Sentence) -> str | None:
    """For an item of a list of signed documents: the date they were signed ("" when none is told),
    else None. The date is the lead-in's, else that of the last sentence before it telling a signing."""
    if sentence.block.kind != "list_item" or sentence.block.context is None:
        return None
    index, lead = _lead_in(doc, sentence)
    if not any(SIGNED_DOCUMENTS.search(s.text) and not s.text.rstrip().endswith("?") for s in lead):
        return None
    for earlier in reversed(lead + [s for s in doc.sentences[max(0, index - 12) : index] if s not in lead]):
        full = [d for d in earlier.dates if d.precision == "day"]
        written = [d for d in full if any(c.isdigit() for c in earlier.text[d.start : d.end])]
        if full and (earlier in lead or SIGNED_WITH_DATE.search(earlier.text)):
            return (written or full)[0].value  # "yesterday, 14 November 2024": the date written out
    return ""


SAME_DATE = re.compile(r"(?i)\b(?:on\s+)?the\s+same\s+(?:date|day)\b")


def _date_told_before(doc: Document, sentence: Sentence) -> str | None:
    """The full date an undated statement takes from before it: a list item's lead-in ending in ":"
    ("announces that on 18 June 2025 (after trading hours):"), or "On the same date" the last full
    date told before."""
    index, lead = _lead_in(doc, sentence)
    if lead and lead[-1].text.rstrip().endswith(":"):
        full = {d.value for d in lead[-1].dates if d.precision == "day"}
        if len(full) == 1:
            return full.pop()
    if SAME_DATE.search(sentence.text) and not doc.dateline:  # with a dateline: its day (SAME_DAY)
        for earlier in reversed(doc.sentences[max(0, index - 8) : index]):
            full = [d.value for d in earlier.dates if d.precision == "day"]
            if full:
                return full[-1]
    return None


def _fragment_instrument(sentence: Sentence, match: re.Match[str]) -> str | None:
    """The title of an instrument a fragment line names after a piece naming its parties ("9 Mar 2021
    – CNSA / Roscosmos – MoU – joint construction of the station"), else None."""
    pieces = fragments(sentence)
    at = next((i for i, (a, b) in enumerate(pieces) if a <= match.start() < b), None)
    if not at:
        return None
    start, end = pieces[at]
    text = sentence.text
    if len(text[start:end].split()) > 6 or len(text[start : match.start()].split()) > 2:
        return None  # a piece of prose, not a label
    if not any(party_fragment(sentence, piece) for piece in pieces[:at]):
        return None
    title = text[start:end].strip()
    if at + 1 < len(pieces):
        topic = text[slice(*pieces[at + 1])].strip()
        if not (
            any(d.start >= pieces[at + 1][0] and d.end <= pieces[at + 1][1] for d in sentence.dates)
            or party_fragment(sentence, pieces[at + 1])
            or TERMINATED.search(topic)
            or re.match(r"[a-z]+ed\b", topic)  # "released at GLEX": what happened to it, not its topic
        ):
            title = f"{title} on {topic}"
    return title[:1].upper() + title[1:]


def _may_name_instrument(text: str) -> bool:
    lowered = text.lower()
    if not (any(stem in lowered for stem in INSTRUMENT_STEMS) or any(word in text for word in LAW_WORDS)):
        return False
    return ANY_INSTRUMENT.search(text) is not None


ACTION = re.compile(
    r"\b(?:sign\w*|ink\w*|conclud\w*|establish\w*|set\s+up|launch\w*|releas\w*|agree\w*|reach\w*|adopt\w*|"
    r"pass\w*|enact\w*|ratif\w*|terminat\w*|extend\w*|renew\w*|creat\w*|open\w*|form\w*|unveil\w*|"
    r"announc\w*|propos\w*|negotiat\w*|draft\w*|approv\w*|ban\w*|prohibit\w*|restrict\w*|lease\w*|"
    r"exchang\w*|shar\w*|under|following|through|via|within|present\w*|publish\w*|inaugurat\w*|"
    r"renew\w*|expir\w*|ha(?:ve|s|d)\s+had|written|bars|barred|barring|forbid\w*|promulgat\w*|"
    r"run|runs|ran|operat\w*|host\w*|seal\w*|lapsed|running|issu\w*|in\s+force|subscrib\w*|"
    r"stops|stopped|blocks|blocked|prevents|prevented|limits|limited|"
    r"still\s+(?:there|in\s+place|on\s+the\s+books))\b",
    re.IGNORECASE,
)
DEFINITION_BEFORE = re.compile(
    r"(?i)\((?:below|hereinafter|hereafter|henceforth)[^()]{0,25}?[\"“'‘]?(?:the\s+)?$"
)
OWNER_GAP = re.compile(r"['’]s\s+(?:own\s+|national\s+)?(?:the\s+)?")
RUN_IN_LABEL = re.compile(r"^\s*(?:\d{1,3}[.)]\s+)?(?:\*\*|__)[^*_]{1,80}?[.!?](?:\*\*|__)")
TERMINATED = re.compile(
    r"\b(?:terminat\w*|ended|cancel\w*|expired|revoked|withdr\w+|suspended|scrapped|lapsed|"
    r"(?:allowed\s+to|let\s+(?:\w+\s+){0,3})(?:lapse|expire))\b",
    re.I,
)
# An organ of an international organisation, not qualified by "of X" (which would name another body).
ORGAN = re.compile(
    r"\b(?:[Tt]he|[Ii]ts)\s+(?:Secretary[- ]General|[Ss]ecretariat|Council|Director[- ]General|"
    r"General\s+Assembly|Executive\s+Board|Governing\s+Board)\b(?!\s+of\b)"
)
NUMBERED_LAW = re.compile(r"(?:Public\s+)?Law\s+(?:No\.?\s*)?\d[\d,./-]*", re.IGNORECASE)
GENERIC_PLURAL = re.compile(
    r"[\s-]+(?:instruments|arrangements|mechanisms|agreements|deals|frameworks)\b", re.I
)
SAME_DAY = re.compile(
    r"\b(?:today|this\s+morning|this\s+afternoon|(?:during|at|on\s+the\s+margins\s+of)\s+(?:the\s+|this\s+)?"
    r"(?:session|meeting|ceremony|summit|visit)|(?:on|in)\s+the\s+same\s+(?:day|occasion)|on\s+that\s+occasion)\b",
    re.IGNORECASE,
)
TWO_GOVERNMENTS = re.compile(
    r"(?i)\b(?:the|both)\s+(?:two\s+)?(?:governments|countries|states|nations|sides)\b"
)


def _author(doc: Document) -> list[Party]:
    """The body on the letterhead, when the text speaks of it as "the Company" or "the Agency": the
    other side of what it "signed with X"."""
    for body in doc.letterhead[:1]:
        if any(
            m.source == "anaphor" and m.canonical == body.canonical for s in doc.sentences for m in s.mentions
        ):
            return [Party(body.canonical, body.member_type or "institution", None)]
    return []


def _letterhead_state(doc: Document, lines: int = 3) -> list[Party]:
    """The one state other than China the document's first lines name ("GAZETTE OF THE REPUBLIC OF X")."""
    named = {
        (m.canonical, m.iso3)
        for s in doc.sentences[:lines]
        for m in s.mentions
        if m.kind == "country" and m.canonical != CHINA
    }
    return [Party(name, "country", iso3) for name, iso3 in named] if len(named) == 1 else []


def _main_foreign_country(doc: Document) -> list[Party]:
    """The country other than China that the document names most often (at least three times)."""
    counts = Counter(
        m.canonical for s in doc.sentences for m in s.mentions if m.kind == "country" and m.canonical != CHINA
    )
    if not counts:
        return []
    (name, count), *rest = counts.most_common(2)
    if count < 3 or (rest and rest[0][1] == count):
        return []
    iso3 = next(m.iso3 for s in doc.sentences for m in s.mentions if m.canonical == name)
    return [Party(name, "country", iso3)]


LEGISLATURE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:Congress|Parliament|National\s+Assembly|Senate|Duma|Majlis|Legislature|legislature|lawmakers|"
    r"laws?|legislation|statutes?)\b"  # "US law would limit what follows: the Wolf Amendment"
)
DEFINED_INSTRUMENT = re.compile(
    r"(?i)\b(?:hereinafter|hereafter)\s+(?:(?:jointly\s+)?referred\s+to\s+as\s+|called\s+)?[\"“'‘]the\s+([a-z]+)[\"”'’]"
)


@lru_cache(maxsize=64)
def _defined_instruments(text: str) -> frozenset[str]:
    """Instrument words a document defines as terms ('(hereinafter referred to as "the Agreement")')."""
    if "ereafter" not in text and "ereinafter" not in text:
        return frozenset()
    return frozenset(m.group(1).lower() for m in DEFINED_INSTRUMENT.finditer(text))


NO_BEFORE = re.compile(r"(?i)(?<![\w.])no\s+(?:[\w’'-]+\s+){0,2}$")
THEIR_AGENCIES = re.compile(r"(?i)\btheir\s+(?:national\s+)?space\s+agencies\b")
PAIR_ANAPHOR = re.compile(
    r"\b(?:the|both|these|those|all)\s+(?:same\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+)?\s*"
    r"(?:countries|sides|nations|governments|partners|agencies|states|member\s+states|institutes|institutions|"
    r"universities|organi[sz]ations|bodies|parties|parts|centres|centers|observatories|ministries)\b|^\s*They\b",
    re.I,
)
TITLE_GLUE = {"of", "on", "in", "for", "and", "the", "to", "&", "within", "concerning", "regarding"}
_WORD = re.compile(r"[\w’'().-]+")


def _instrument_type(text: str) -> tuple[str, re.Match[str]] | None:
    for kind, pattern in INSTRUMENTS:
        match = pattern.search(text)
        if match:
            return kind, match
    return None


QUOTED = re.compile(r"[《“\"«]([^》”\"»]{5,200})[》”\"»]")


MONTH_WORD = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|April|June|July|"
    r"August|September|October|November|December"
)


def _named_title(text: str, start: int, end: int) -> str | None:
    """The capitalised name around an instrument noun at text[start:end], if it has one: a quoted or
    《bracketed》 title whole, else the run of capitalised words."""
    for quoted in QUOTED.finditer(text):
        if quoted.start(1) <= start and end <= quoted.end(1) and quoted.group(1)[:1].isupper():
            return quoted.group(1).strip()
    words = list(_WORD.finditer(text))
    index = next((i for i, w in enumerate(words) if w.start() <= start < w.end() or w.start() >= start), None)
    if index is None:
        return None
    last = index
    while last + 1 < len(words) and words[last + 1].start() < end:
        last += 1
    first = index
    while first > 0:
        word = words[first - 1].group()
        if word in ("The", "This", "That", "A", "An", "Its", "Their"):
            first -= 1  # "The Roadmap"; but "**Honduras.** The memorandum": nothing before the article
            break
        if word[:1].isupper() or re.fullmatch(r"\d{4}|[A-Z][\w-]*['’]s", word):
            first -= 1
        elif word in ("and", "&") and first >= 2 and words[first - 2].group()[:1].isupper():
            first -= 2  # "Belt and Road memorandum"
        else:
            break
    stop = last
    j = last + 1
    while j < len(words):
        word = words[j].group()
        gap = text[words[j - 1].end() : words[j].start()]
        if gap.strip() not in ("", "-", "–"):
            break
        if re.search(r"[a-z]{2}\.$", words[j - 1].group()):
            break  # "... Observation Data. Both sides ...": the sentence ended
        if word[:1].isupper() or re.fullmatch(r"\(V?\d[\w.]*\)", word):
            stop = j
            j += 1
        elif (
            word.lower() in TITLE_GLUE
            and j + 1 < len(words)
            and words[j + 1].group()[:1].isupper()
            and not MONTH_WORD.fullmatch(words[j + 1].group())  # "... Programme in March 2021"
        ):
            j += 1
        elif (  # "... on Cooperation within the Framework of ...": two small words, then the name goes on
            word.lower() in TITLE_GLUE - {"and", "&"}
            and j + 2 < len(words)
            and words[j + 1].group() == "the"
            and words[j + 2].group()[:1].isupper()
            and not MONTH_WORD.fullmatch(words[j + 2].group())
        ):
            j += 2
        else:
            break
    raw = text[words[first].start() : words[stop].end()]
    capitals = sum(1 for w in words[first : stop + 1] if w.group()[:1].isupper())
    if capitals < 2:
        return None
    title = re.sub(r"['’]s\b|\*\*|__", "", raw)  # no possessive, no Markdown bold
    title = re.sub(r"\s+\d{4}\s+", " ", title)
    title = re.sub(r"^(?:The|A|An|In|On|At|For)\s+", "", title)
    title = re.sub(r"^(?:U\.S\.|US|U\.K\.|UK|EU)\s+", "", title)
    return " ".join(title.split()).rstrip(".,;:")


def _run_in_title(sentence: Sentence, kind: str) -> str | None:
    """A bold run-in title that opens the paragraph and names an instrument of the same kind."""
    block_text = sentence.view.text
    match = re.match(r"\s*(?:\d{1,3}[.)]\s+)?\*\*([^*]{5,150}?)\.?\*\*", block_text)
    if not match:
        return None
    found = _instrument_type(match.group(1))
    return match.group(1).strip().rstrip(".") if found and found[0] == kind else None


def _described_title(text: str, start: int, end: int) -> str:
    """A short description for an unnamed instrument: the noun phrase ending at the noun."""
    head = text[:start]
    words = head.split()
    kept: list[str] = []
    for word in reversed(words[-5:]):
        if re.fullmatch(
            r"(?i)a|an|the|its|their|and|with|of|by|to|in|on|for|that|which|signed|established|"
            r"launched|set|up|has|have|had|was|were|is|are|\d{4}|,|[\W_]+",
            word.strip(","),
        ):
            break
        kept.insert(0, word.strip(",;:"))
    tail = text[end:]
    extra = re.match(r"(?:\s+(?:mechanism|programme|program|plan|arrangement))?", tail).group()
    rest = DESCRIBED_TAIL.match(tail, len(extra))
    if rest and re.match(
        r"\s+\w+\s+(?:\d|(?:January|February|March|April|May|June|July|August|September|"
        r"October|November|December)\b)",
        rest.group(),
    ):
        rest = None  # "agreement on 28 February": a date, not a subject
    # "a memorandum on Monday to cooperate on ...": the day it was signed is not what it is about
    topic = TIME_AFTER_NOUN.sub("", rest.group(), count=1) if rest else ""
    own = OWN_CLAUSE.search(topic)
    topic = topic[: own.start()].rstrip() if own else topic  # "... satellite and Egypt signs a memorandum"
    phrase = " ".join([*kept, text[start:end] + extra + topic]).strip()
    return phrase[:1].upper() + phrase[1:]


TIME_AFTER_NOUN = re.compile(
    r"(?i)\s+(?:on|in|last|this|earlier|late|early)\s+(?:"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+"
    rf"(?:{MONTH_WORD.pattern})(?:,?\s+\d{{4}})?|"
    rf"(?:{MONTH_WORD.pattern})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?|\d{{4}}|week|month|year)\b,?"
)
DESCRIBED_TAIL = re.compile(
    r"(?:\s+of\s+(?:understanding|cooperation|intent))?(?:\s+(?:on|for|to|concerning|regarding|about|of)\s+"
    r"(?:(?!\b(?:with|between|by|at|was|were|is|are|has|have|signed|that|which|in\s+\d{4})\b)[^,.;:()])"
    r"{3,90}?)?(?=\s+(?:with|between|by|at|was|were|is|are|has|have|signed|that|which|in\s+\d{4})\b|[,.;:()]|$)"
)


QUANTIFIED = re.compile(
    r"(?:\b(?:over|more\s+than|some|several|many|numerous|dozens|hundreds|series|number|a\s+few|multiple|"
    r"various|\d[\d,]*)\s+(?:of\s+)?(?:[\w-]+\s+){0,3})$",
    re.IGNORECASE,
)
ANAPHORIC = re.compile(
    r"(?:\b(?:the|this|that|such|these|those|its|their|each|every|any|no)\s+(?:present\s+)?(?:[\w’']+['’]s\s+)?)$",
    re.IGNORECASE,
)


def _not_an_instrument(text: str, match: re.Match[str], framework_spans: list[tuple[int, int]]) -> bool:
    """A bare 'the agreement' (pointing back), 'the ILRS agreement' (a framework), or
    'over 200 agreements' (a count) names no new instrument."""
    before = text[max(0, match.start() - 60) : match.start()]
    if re.search(r"\b(?:each|every|any|no)\s+(?:[\w’']+\s+)?$", before, re.IGNORECASE):
        return True  # "each partner's agreement": no one instrument
    introduced = (  # "the arrangement (that) they concluded in 2022": a particular instrument, told here
        r"\s+(?:on|of|between|with|to|for|(?:that|which)\s+(?:\S+\s+){1,8}?(?:signed|concluded|agreed)|"
        r"(?:they|we|both\s+sides|the\s+two\s+\w+)\s+(?:had\s+|have\s+)?(?:signed|concluded|agreed))\b"
    )
    if (
        ANAPHORIC.search(before)
        and not re.match(introduced, text[match.end() :])
        and not match.group().lower().startswith("ratification")  # "the ratification law": a new law
        and not NUMBERED_LAW.match(match.group())  # "the Law 27.123": numbered, so one particular law
    ):
        return True
    if any(0 <= match.start() - e <= 2 for s, e in framework_spans) and not MEMORANDUM.match(match.group()):
        return True  # "the ILRS agreement" names the framework; "a Belt and Road memorandum" is a new one
    if GENERIC_PLURAL.match(text, match.end()):
        return True  # "data-exchange instruments", "data-sharing arrangements": a kind, not one
    plural = match.group().lower().endswith(("s", "memoranda", "treaties", "laboratories"))
    return plural and bool(QUANTIFIED.search(before) or not re.search(r"\b(?:two|both|the)\s+$", before))


# "the two governments sign a grant agreement ... and Egypt signs a memorandum ...": a clause of its own
OWN_CLAUSE = re.compile(
    r";|\band\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+){1,4}(?:also\s+)?(?:signs?|signed|inks?|inked|concludes?|"
    r"concluded|opens?|opened|establish(?:es|ed)?|sets?\s+up)\b",
    re.IGNORECASE,
)


LATER_SENTENCE = re.compile(r"(?<=[a-z]{2})[.!?](?=\s+(?-i:[A-Z]))")


# "In March 2023 MBRSC informed Vantor that ...": a verb of telling, then what was told
REPORT_THAT = re.compile(
    r"(?i)\b(?:informed|notified|told|announced|said|reported|confirmed|disclosed|learned|wrote)\b[^.;:]{0,40}?\bthat\b"
)


def _date_of_the_report(sentence: Sentence, value: str, instrument: int) -> bool:
    """Is the date chosen for an instrument the date of a report of it, told before "that"?"""
    text = sentence.text
    for date in sentence.dates:
        if date.value == value and date.end <= instrument:
            report = REPORT_THAT.search(text, date.end, instrument)
            return report is not None and not re.search(r"[.;]", text[date.end : report.start()])
    return False


def _own_clause(text: str, instrument_starts: list[int], position: int) -> bool:
    """Is the instrument at `position` told in a clause with its own subject and verb, apart from each
    instrument found so far (in either order)?"""
    return bool(instrument_starts) and all(
        OWN_CLAUSE.search(text, min(start, position), max(start, position)) for start in instrument_starts
    )


def _new_clause(text: str, clause_ends: list[int], position: int) -> bool:
    """Is `position` in a later coordinated clause than every instrument found so far ("the station in
    Namibia, leased since 2001, and the station in Neuquen, built under an agreement signed in 2014")?"""
    last = max(clause_ends, default=0)
    return position >= last and bool(re.match(r",\s+and\s+the\b|;", text[last:]))


# "... memorandum with CAST on a national communications satellite lapsed in 2021": the instrument ended
ENDED_AFTER = re.compile(
    r"[^.;:]{0,160}?\b(?:lapsed|expired|(?:was|were|has\s+been|had\s+been)\s+(?:terminated|cancell?ed|"
    r"revoked|scrapped|annulled|rescinded))\b"
)
PASSIVE_ACTION = re.compile(
    r"(?i)\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:signed|concluded|inked|"
    r"established|agreed|renewed|extended|set\s+up|adopted|ratified)\b|"
    r"\b(?:lapsed|expired|(?:entered|came)\s+into\s+force|(?:is|are|remains?)\s+(?:still\s+)?in\s+force)\b"
)


def _acted_on(text: str, floor: int, start: int, end: int, window: int = 70) -> bool:
    """An action verb (signed, established, passed...) close to the instrument, in its clause, or the
    instrument word is itself the verb ("the station in Namibia, leased since 2001")."""
    return bool(
        ACTION.search(text[max(floor, start - window) : start])
        or ACTION.search(text[end : end + window])
        or PASSIVE_ACTION.search(text, end, end + 250)  # "An arrangement between A and B on ... was signed"
        or re.fullmatch(r"(?i)leas(?:ed|ing)", text[start:end])
        or (IDENTIFIED.search(text, max(floor, start - 60), start) is not None and BETWEEN.match(text, end))
    )


# "It was a data-sharing arrangement between CNSA and INFN": what a document just told of turned out to be
IDENTIFIED = re.compile(
    r"(?i)\b(?:it|this|that|the\s+(?:document|text|deal|item|one))\s+(?:was|is)\s+(?:in\s+fact\s+|actually\s+|"
    r"rather\s+)?(?:a|an)\s+(?:[\w-]+\s+){0,3}$"
)
BETWEEN = re.compile(r"\s+between\b")


PARTICIPLE_CLAUSE = re.compile(r",\s+(?!(?:including|acting|representing|joining)\b)[a-z]+ing\b")


# "by the five space agencies (A, B, C, D, E)": the brackets list the group's members
GROUP_BEFORE_BRACKET = re.compile(
    r"(?i)\b(?:the|its|their)\s+(?:\w+\s+){0,2}?(?:agencies|countries|governments|parties|members|states|"
    r"institutions|signatories)\s*\Z"
)


def _party_scope_end(text: str, position: int) -> int:
    """Parties are read up to a parenthesis or a relative clause after the instrument; brackets that
    list a group just named ("the five space agencies (A, B, ...)") are read too."""
    end = _scope_cut(text, position)
    if end < len(text) and text[end] == "(" and GROUP_BEFORE_BRACKET.search(text, max(0, end - 60), end):
        close = text.find(")", end)
        if close > end:
            return _scope_cut(text, close + 1)
    return end


def _scope_cut(text: str, position: int) -> int:
    cut = re.search(
        r"\((?![A-Z][\w&-]{1,11}\))(?!(?:below|hereinafter|hereafter|henceforth)\b)(?!(?:the\s+)?[\"“])"
        r"(?![Vv](?:er(?:sion)?\.?\s*)?\d[\d.]*\))|"  # "Roadmap (V1.0) released by ...": a version
        r",\s+(?:a|an|which|who|whose|where|when|and\s+the|under\s+which|whereby)\b|;|\s[–—]\s|"
        r"(?<=[a-z]{2})[.!?](?=\s+[A-Z])",  # the next sentence of a list item
        text[position:],
    )  # "(CNSA)" after a name and '(hereinafter "UBAI")' are part of it; any other bracket ends the parties
    return position + cut.start() if cut else len(text)


def _title_span(text: str, title: str, near: int) -> tuple[int, int]:
    lowered, key = text.lower(), title.lower()
    found = lowered.rfind(key, 0, near + len(key))
    if found < 0:
        found = lowered.find(key)
    return (found, found + len(title)) if found >= 0 else (near, near)


def _inside_any_title(sentence: Sentence, mention) -> bool:
    """A framework named inside an instrument's name ("... Roadmap of the ILRS") is not a party."""
    window = sentence.text[max(0, mention.start - 80) : mention.end + 40]
    return bool(
        re.search(r"(?i)memorand|roadmap|agreement|treaty|convention|accord|laborator|mechanism", window)
    )


def _most_specific(parties: list[Party]) -> list[Party]:
    """An agency or institution that signs stands for its country: drop the country beside it."""
    represented = {home_country(p) for p in parties if p.member_type != "country"}
    return [p for p in parties if not (p.member_type == "country" and p.name in represented)]


def _legislating_country(
    doc: Document, sentence: Sentence, position: int, main_country: list[Party]
) -> list[Party]:
    """A law named without its country in its clause: the non-Chinese government named nearest to
    it in the sentence, else the country of a national agency it or the next sentence of its paragraph
    names ("bars NASA from ..."), else
    the country the document is mostly about (`main_country`: "President signs Law No. 7" in a Kyrgyz
    chronology), else the last government in the sentence before ("In Washington, ... The Wolf
    Amendment ...")."""
    governments = _governments(sentence)
    if governments:
        nearest = min(governments, key=lambda m: abs(m.start - position))
        return [Party(nearest.canonical, "country", nearest.iso3)]
    index = next((i for i, s in enumerate(doc.sentences) if s is sentence), 0)
    following = doc.sentences[index + 1 : index + 2]
    for told in (sentence, *(s for s in following if s.block_index == sentence.block_index)):
        # "The Wolf Amendment is still there. The 2011 rider that stops NASA ...": the agency's country
        homes = [
            Gazetteer.default().home(m.canonical)
            for m in told.mentions
            if m.kind in ("agency", "institution")
        ]
        foreign = [home for home in homes if home and home[1] != "CHN"]
        if foreign:
            return [Party(foreign[0][0], "country", foreign[0][1])]
    if main_country:
        return main_country
    before = _governments(doc.sentences[index - 1]) if index else []
    return [Party(before[-1].canonical, "country", before[-1].iso3)] if before else []


def _governments(sentence: Sentence) -> list[Mention]:
    """The non-Chinese governments a sentence names: countries, capitals, "the Kenyan government"."""
    return [
        m
        for m in sentence.mentions
        if m.iso3
        and m.iso3 != "CHN"
        and (
            m.kind in ("country", "capital")
            or (m.kind == "demonym" and DEMONYM_GOVERNMENT.match(sentence.text, m.end))
        )
    ]


PRONOUN_SUBJECT = re.compile(
    r"\s*(?:(?:It|They|it|they)\s+(?:\w+\s+){0,2}?(?:signed|concluded|agreed|inked)\b|"
    r"(?:Its|Their|its|their)\s+(?:[\w-]+\s+){0,3}?(?:memorand\w*|agreements?|arrangements?|MoUs?|protocols?|"
    r"contracts?|leases?)\b)"  # "Its 2016 memorandum with CAST"
)
# Instruments that are not an organisation's own: founding treaties its states sign, bilateral memoranda.
FOUNDING_OR_BILATERAL_KINDS = frozenset({"convention", "treaty", "accord", "memorandum"})
MEMORANDUM = re.compile(r"(?i)memorand|mou")
NOT_SPACE = re.compile(
    r"(?i)\b(?:free[- ]trade|trade|tariff|investment|visa|tax|extradition|currency\s+swap)\b"
)
MULTILATERAL_KINDS = frozenset({"accord", "convention", "treaty", "legislation"})
PARTY_KINDS = frozenset({"country", "capital", "demonym", "agency", "institution", "framework"})


def _known_foreign(party: Party) -> bool:
    """A country other than China, or a registry space agency with no Chinese name."""
    if party.is_chinese:
        return False
    if party.member_type == "country":
        return True
    entry = Gazetteer.default().lookup(party.name)
    return entry is not None and entry.kind == "agency"


def _listed_with(text: str, mention, others: list) -> bool:
    """Is `mention` joined to one of `others` by list connectors only ("APSCO and UNOOSA")?"""
    for other in others:
        gap = (
            text[mention.end : other.start] if other.start >= mention.end else text[other.end : mention.start]
        )
        if CONNECTOR.match(gap):
            return True
    return False


def _title_owner(title: str) -> str | None:
    """The framework an instrument's name opens with ("APSCO Earth Observation Data Sharing Mechanism")."""
    words = title.split()
    for n in range(min(5, len(words) - 1), 0, -1):
        entry = Gazetteer.default().lookup(" ".join(words[:n]))
        if entry is not None and entry.kind == "framework":
            return entry.canonical
    return None


def _acting_organisation(text: str, start: int, end: int, frameworks: list[str | None]) -> Party | None:
    """'The Council adopted ...', 'the Secretary-General ... signed ...': an organ acting for the
    organisation the text is about: the first of `frameworks` (most relevant first) that is a body,
    else the first of them."""
    named = [f for f in frameworks if f]
    if not named or not ORGAN.search(text, start, end):
        return None
    body = next((f for f in named if is_organisation(f)), named[0])
    return Party(body, "organization", None)


def _names_china(sentence: Sentence) -> bool:
    return any(m.iso3 == "CHN" and m.kind in ("country", "demonym") for m in sentence.mentions)


YEAR_RANGE_AFTER = re.compile(r"\s*[-–—]\s*(?:19|20)\d\d\b")
YEAR_RANGE_BEFORE = re.compile(r"\b(?:19|20)\d\d\s*[-–—]\s*$")
# A date of something still to come ("a satellite to be launched in 2027") dates no signing
PLANNED_BEFORE = re.compile(
    r"(?i)\b(?:to\s+be|will|due|expected|scheduled|planned|slated|foreseen|envisaged|projected)\b[^,;.()]{0,60}$"
)
SINCE = re.compile(r"(?i)\bsince\s+")
ONGOING_BEFORE = re.compile(r"(?i)\b(?:run|runs|ran|running|operat\w*|host\w*)\s+(?:\w+\s+){0,3}$")
DATE_COLUMN = re.compile(r"(?i)^\W*(?:date|year|signed|concluded|since)\b")
ENDED_WORDS = r"lapsed|expired|terminated|ended|not\s+renewed|withdrawn|cancelled"
ENDED_BEFORE = re.compile(
    rf"(?i)\b(?:{ENDED_WORDS}|canceled|withdrew|revoked|closed|lapse|expire)\s+(?:\w+\s+){{0,2}}$"
)
# "a 50-year lease agreed between the two governments in 2014": the verb after the instrument dates it
SIGNED_AFTER = re.compile(r"(?i)\b(?:signed|concluded|inked|agreed|reached)\b(?!\s+(?:to|that))")
SIGNED_BEFORE = re.compile(
    r"(?i)\b(?:signed|concluded|inked)\s+(?:an?|the|its|their)?\s*(?:[\w-]+\s+){0,2}\Z"
)


# "..., which the country joined last year": that date is the joining's, not the instrument's
RELATIVE_JOINED = re.compile(
    r"(?i)\b(?:that|which)\s+[^,;:()]{2,60}?\s+(?:had\s+|have\s+|has\s+)?(?:joined|entered|acceded\s+to)\b"
)


def _signing_date(sentence: Sentence, start: int, end: int, floor: int, clause_end: int | None) -> str | None:
    """The date nearest the instrument noun at [start, end), or nearest after a signing verb that
    follows it ("an agreement it had signed with NSSC in 2023"); planned dates do not count."""
    text = sentence.text
    founding = (
        founding_clauses(text, RELATIVE_FOUNDER, RELATIVE_JOINED, within_clause=True)
        if "that " in text or "which " in text
        else []
    )
    dates = [
        d
        for d in sentence.dates
        if not PLANNED_BEFORE.search(text, max(0, d.start - 50), d.start)
        and not ENDED_BEFORE.search(text, max(0, d.start - 25), d.start)  # "it lapsed in 2019"
        and not YEAR_RANGE_AFTER.match(text, d.end)  # "for the period 2025-2030": a term, not a signing
        and not YEAR_RANGE_BEFORE.search(text, max(0, d.start - 8), d.start)
        and not any(
            s <= d.start < e for s, e in founding
        )  # "the programme that China and Russia founded in 2021"
    ]
    later = LATER_SENTENCE.search(text, end) if sentence.block.kind == "list_item" else None
    own_end = (
        later.start() + 1 if later and (clause_end is None or later.start() < clause_end) else clause_end
    )
    if SIGNED_BEFORE.search(
        text[max(floor, start - 40) : start]
    ):  # "... and signed a memorandum ... in 2020"
        after = [d for d in dates if end <= d.start < (own_end or len(text)) and d.start - end <= 80]
        if after:
            return after[0].value
    verb = SIGNED_AFTER.search(text, end, min(end + 30, own_end if own_end is not None else len(text)))
    gap = text[end : verb.start()] if verb is not None else ""
    if verb is not None and (not re.search(r"[,;:]", gap) or re.fullmatch(r"\s*,\s*", gap)):  # ", signed on"
        after = nearest_date([d for d in dates if d.start >= verb.end()], verb.end(), floor, clause_end)
        if after is not None:
            return after
    elif ONGOING_BEFORE.search(
        text, max(floor, start - 40), start
    ):  # "runs a joint laboratory ... since 2019"
        since = SINCE.search(text, end, min(end + 100, clause_end or len(text)))
        return nearest_date(dates, since.end(), since.end(), since.end() + 30) if since else None
    if own_end != clause_end:
        # a numbered paragraph holds several sentences: a date in the instrument's own comes first
        own = nearest_date(dates, start, floor, own_end)
        if own is not None:
            return own
    return nearest_date(dates, start, floor, clause_end)


def _parties(
    sentence: Sentence,
    start: int,
    end: int,
    kind: str,
    previous: dict[str, list[Party]],
    exclude: tuple[int, int] = (0, 0),
    acting: Party | None = None,
) -> list[Party]:
    found: dict[str, Party] = {acting.name: acting} if acting else {}
    candidates = parties_in(
        sentence,
        start,
        end,
        allow_demonym=kind == "legislation",
        skip_modifiers=False,
        include_frameworks=True,
    )
    participle = PARTICIPLE_CLAUSE.search(sentence.text, max(start, exclude[1]), end)
    candidates = [
        (p, m)
        for p, m in candidates
        if m.kind != "framework"
        or not (
            exclude[0] <= m.start < exclude[1]
            or _inside_any_title(sentence, m)
            or (participle is not None and m.start > participle.start())  # ", providing ... of the ILRS"
        )
    ]
    if kind == "legislation":  # the legislating country: the one named with the law
        countries = [
            (p, m)
            for p, m in candidates
            if p.member_type == "country"
            and not re.search(r"\bwith\s+$", sentence.text[max(0, m.start - 6) : m.start])
        ]  # "cooperation with Chinese entities": the law's object, not its author
        near = [(p, m) for p, m in countries if exclude[0] - 12 <= m.start <= exclude[1]]
        legislature = [(p, m) for p, m in countries if LEGISLATURE_AFTER.match(sentence.text, m.end)]
        if not legislature and not near:  # "US law would limit what follows: the Wolf Amendment, ..."
            legislature = [
                (p, m)
                for p, m in parties_in(sentence, 0, exclude[0], skip_modifiers=False)
                if p.member_type == "country" and LEGISLATURE_AFTER.match(sentence.text, m.end)
            ][-1:]
        candidates = legislature[:1] or near[:1] or countries[:1]  # "enacted by the US Congress in 2011"
    previous_end = None
    kept = []
    for index, (party, mention) in enumerate(candidates):
        after = candidates[index + 1][1] if index + 1 < len(candidates) else None
        if (
            party.member_type == "country"
            and after is not None
            and after.kind in ("agency", "institution")
            and OWNER_GAP.fullmatch(sentence.text[mention.end : after.start])
        ):
            continue  # "Mozambique's Instituto Nacional de Meteorologia": the body signs, not its country
        if previous_end is not None and re.fullmatch(
            r"\)?\s+(?:\([^()]{1,12}\)\s+)?of\s+(?:the\s+)?", sentence.text[previous_end : mention.start]
        ):
            previous_end = mention.end
            continue  # "the National Space Science Center of the Chinese Academy of Sciences": its parent
        previous_end = mention.end
        kept.append((party, mention))
    others = [m for _, m in kept if m.kind != "framework"]
    for party, mention in kept:
        inside_title = exclude[0] <= mention.start and mention.end <= exclude[1]
        if inside_title and party.member_type not in ("country", "space_agency"):
            continue
        if mention.kind == "framework" and others and not _listed_with(sentence.text, mention, others):
            continue  # "The BRICS constellation. ... Brazil, Russia and China signed": a topic, not a party
        if kind == "joint_laboratory" and re.search(r"(?i)\bjoint\s+(?:\w+\s+)?lab", party.name):
            continue  # the laboratory being set up is no party to it
        found.setdefault(party.name, party)
    # "founded by China and Russia in 2021; their space agencies signed ...": those countries' agencies
    their = THEIR_AGENCIES.search(sentence.text, 0, end) if not found and "heir" in sentence.text else None
    if their:
        gazetteer = Gazetteer.default()
        countries = [m.iso3 for m in sentence.mentions if m.kind == "country" and m.end <= their.start()]
        if len(countries) < 2:
            countries = [p.iso3 for p in previous.get("country", [])]
        agencies = [gazetteer.national_agency(iso3) for iso3 in countries if iso3]
        if len(agencies) >= 2 and all(agencies):
            found.update((a, Party(a, "space_agency", None)) for a in agencies if a)
    anaphor = PAIR_ANAPHOR.search(sentence.text[start:end]) if not found and kind != "legislation" else None
    if anaphor:  # "the two agencies": the last bodies of that kind named together
        noun = anaphor.group().lower()
        kind_named = (
            "agency" if "agenc" in noun else "country" if re.search(r"countr|nation|govern", noun) else ""
        )
        group = previous.get(kind_named) or previous.get("any", [])
        count = next((n for word, n in COUNT_WORDS.items() if re.search(rf"\b{word}\b", noun)), None)
        chinese = [p for p in group if p.is_chinese]
        other = [p for p in previous.get("document", []) if p in group]
        if kind_named == "country" and count == 2 and len(group) > 2 and chinese and other:
            group = chinese[:1] + other  # "the two governments" after three states: China and the document's
        elif (
            kind_named == "country"
            and count == 2
            and len(group) != 2
            and len(previous.get("document", [])) == 1
        ):
            # "the two governments" with no pair named before (a chronology, newest first): China and
            # the country the document is about
            group = [Party(CHINA, "country", "CHN"), *previous["document"]]
        for party in (
            group if count is None or count < 3 or count == len(group) else []
        ):  # "the five agencies"
            found.setdefault(party.name, party)
    if (
        kind != "legislation"
        and [p.name for p in found.values() if p.member_type == "country"] == [CHINA]
        and TWO_GOVERNMENTS.search(sentence.text, start, end)
        and previous.get("document")
    ):  # "the Protocol ... signed by the two governments" in a Brazilian report on its work with China;
        # the governments sign, not the centre the agreement finances
        found = {CHINA: found[CHINA], **{p.name: p for p in previous["document"]}}
    if kind == "legislation" and any(p.member_type == "country" for p in found.values()):
        found = {n: p for n, p in found.items() if p.member_type == "country"}  # a law has its state alone
    label = SUBJECT_LABEL.match(sentence.text)
    if label and label.end() <= start and not any(not p.is_chinese for p in found.values()):
        # "3. Algeria and Morocco: ... the memoranda each signed with China": the label names the other side
        for party, _ in parties_in(sentence, 0, label.end("label")):
            found.setdefault(party.name, party)
    parties = _most_specific(list(found.values()))
    if kind != "legislation" and len(parties) == 1 and not parties[0].is_chinese and parties[0] != acting:
        author = previous.get("author")  # "signed with CONIDA" in a company's report: the company
        if (
            author
            and author[0].name != parties[0].name
            and home_country(author[0]) != home_country(parties[0])
        ):
            parties.append(author[0])
        else:
            parties.append(Party(CHINA, "country", "CHN"))  # the Chinese side of a bilateral instrument
    return parties


def _claim(
    doc: Document,
    sentence: Sentence,
    title: str,
    kind: str,
    parties: list[Party],
    signed: str | None,
    status: str,
    method: str,
) -> AgreementClaim:
    start, end = sentence.original_span()
    names = tuple(sorted({p.name for p in parties}))
    if status in ("announced", "proposed"):
        signed = None  # the date of an announcement or a proposal is no signing date
    return AgreementClaim(title, kind, names, signed, status, Span(doc.doc_id, start, end, method))


def rule_instrument(
    doc: Document,
    sentence: Sentence,
    tracker: FrameworkTracker,
    previous: dict[str, list[Party]],
    read: Sequence[AgreementClaim] = (),
) -> Iterator[AgreementClaim]:
    if sentence.block.kind == "table_header" or (
        sentence.block.kind == "table_row" and not is_prose_row(sentence)
    ):
        return  # table rows are read by rule_table_instrument, unless a cell tells a whole event
    if not _may_name_instrument(sentence.text) or sentence.text.rstrip(" *_\"”'").endswith("?"):
        return  # no instrument, or a question
    text = sentence.text
    framework_spans = [(m.start, m.end) for _, m in tracker.named(sentence)]
    # one instrument per clause (the first kind that matches), plus a law that approves or restricts it
    found: set[bool] = set()  # True: a law was found; False: another instrument
    clause_ends: list[int] = []  # where the clauses of the instruments found so far end
    instrument_starts: list[int] = []  # and where their instrument words are
    for kind, pattern in INSTRUMENTS:
        if kind == "legislation" and True in found:
            continue
        matches = list(pattern.finditer(text))
        label = RUN_IN_LABEL.match(text)
        if label and any(m.start() >= label.end() for m in matches):
            matches = [m for m in matches if m.start() >= label.end()]  # the body tells it in full
        for match in matches:
            if (
                kind != "legislation"
                and False in found
                and not _new_clause(text, clause_ends, match.start())
                and not _own_clause(text, instrument_starts, match.start())
            ):
                continue
            if any(s <= match.start() < e for s, e in framework_spans):
                continue  # "Artemis Accords" is a framework, handled by rule_accord
            if DEFINITION_BEFORE.search(text, max(0, match.start() - 40), match.start()):
                continue  # '(hereinafter referred to as "the Joint Laboratory")': a label
            floor = max(clause_start(text, match.start()), *(e for e in clause_ends if e <= match.start()), 0)
            if re.search(
                r"(?i)\b(?:what|which|whatever)\s+$", text[max(0, match.start() - 12) : match.start()]
            ):
                continue  # "to ask what agreements the UK Space Agency has concluded": a question
            if NO_BEFORE.search(text, max(0, match.start() - 40), match.start()):
                continue  # "has signed no launch-services contract with X"
            if (
                match.group().lower() in _defined_instruments(doc.text)
                and re.search(r"(?i)\bthe\s+$", text[max(0, match.start() - 5) : match.start()])
                and not re.match(r"\s+(?:on|of|between|concerning)\b", text[match.end() :])
            ):
                continue  # '(hereinafter "the Agreement")', then "The Agreement supersedes ...": read before
            named = _named_title(text, match.start(), match.end())
            if (not named and _not_an_instrument(text, match, framework_spans)) or GENERIC_PLURAL.match(
                text, match.end()
            ):
                continue
            title_end = _title_span(text, named, match.start())[1] if named else match.end()
            window = 200 if named else 70  # a named instrument: its parties may come before the verb
            listed = _listed_with_parties(sentence, match.start())
            fragment = None if listed else _fragment_instrument(sentence, match)
            signed_list = _signed_documents_list(doc, sentence) if not (listed or fragment) else None
            item_title = _item_title(text)
            if signed_list is not None and not (
                item_title and item_title[0] <= match.start() < item_title[1]
            ):
                signed_list = None  # the item opens with the instrument's title, not a sentence about one
            if listed or fragment or signed_list is not None:
                floor = 0  # "- IAC and NSSC: cooperation agreement on ultraviolet detectors, signed in 2022."
            elif not _acted_on(text, floor, match.start(), max(match.end(), title_end), window):
                continue
            framework = tracker.framework_near(sentence, match.start())
            run_in = _run_in_title(sentence, kind)
            if not named and run_in:
                named = run_in
            if kind == "legislation" and NUMBERED_LAW.fullmatch(match.group()):
                title = match.group()  # "Law 27,123", "Public Law 112-55"
            elif fragment:  # "MoU – joint construction of the station": the piece, and the topic after it
                title = fragment
            elif signed_list is not None and item_title:  # "- **Agreement between A and B on ...**, ..."
                title = text[item_title[0] : item_title[1]].strip(" *_").rstrip(";.,")
            elif listed:  # the item after its label, up to the date: "cooperation agreement on ..."
                item = text[ITEM_LABEL.match(text).end() :]
                title = re.split(r",|\.\s|\.$|;|\(", item, maxsplit=1)[0].strip()
                title = title[:1].upper() + title[1:]
            elif named and framework and named.split()[0] in ("Its", "Their"):
                title = f"{framework} {named.split(' ', 1)[1]}"  # "Its Convention": the APSCO Convention
            elif named:
                title = named
            elif kind in ("convention", "treaty") and framework:
                title = f"{framework} {match.group().rstrip('s').capitalize()}"
            else:
                title = _described_title(text, match.start(), match.end())
            scope_end = _party_scope_end(text, match.end())
            title_span = _title_span(text, title, match.start())
            if signed_list is not None:  # the item's title names its parties: they are read in it
                title_span = (match.start(), match.end())
            lab = next((m for m in sentence.of_kind("institution") if m.start <= match.start() < m.end), None)
            if kind == "joint_laboratory" and lab is not None:  # a named laboratory is the instrument itself
                title, title_span = sentence.surface(lab), (lab.start, lab.end)
            owner = None if kind in FOUNDING_OR_BILATERAL_KINDS else _title_owner(title)
            acting = _acting_organisation(
                text, floor, scope_end, [tracker.current, owner, *reversed(tracker.history)]
            )
            body = label.end() if label and run_in and match.start() >= label.end() else floor
            parties = _parties(sentence, body, scope_end, kind, previous, exclude=title_span, acting=acting)
            if not parties and body != floor:
                parties = _parties(
                    sentence, floor, scope_end, kind, previous, exclude=title_span, acting=acting
                )
            if owner and {p.name for p in parties} <= {owner, CHINA}:
                # an organisation's own instrument: China is a party only where the text names it
                parties = [Party(owner, "organization", None)]
                if _names_china(sentence):
                    parties.append(Party(CHINA, "country", "CHN"))
            speaker = doc.speaker
            if speaker and re.search(r"\b(?:[Ww]e|[Oo]ur|us)\b", text[floor:scope_end]):  # not "US"
                parties = [Party(speaker.canonical, speaker.member_type or "institution", None), *parties]
                parties = [p for p in parties if not (p.name == CHINA and len(parties) > 2)]
            if kind in ("convention", "treaty") and framework and not named:
                parties = [p for p, _ in parties_in(sentence, match.end(), len(text))] or parties
            if not parties:
                parties = [
                    Party(m.canonical, "organization", None)
                    for m in sentence.of_kind("framework")
                    if title_span[0] <= m.start < title_span[1]
                ][:1]  # "the APSCO Data Sharing Mechanism": the organisation's own instrument
            if not parties and kind == "legislation":
                parties = _legislating_country(doc, sentence, match.start(), previous.get("document", []))
            if (
                parties
                and all(p.is_chinese for p in parties)
                and PRONOUN_SUBJECT.match(text, floor)
                and tracker.last_parties
            ):
                parties = [*tracker.last_parties[:1], *parties]  # "It signed a memorandum with China"
            if title.lower() in ("accord", "accords", "the accords"):
                continue  # "The Accords themselves were launched ...": the framework, not an instrument
            if parties and all(joined_by_document(p.name) for p in parties):
                continue  # "the Belt and Road memorandum is the umbrella ...": a kind of document, no parties
            parties = [p for p in parties if not joined_by_document(p.name)]  # the BRI signs nothing
            if not parties or NOT_SPACE.search(title):
                continue  # nobody read, or a trade or tax agreement (outside the dataset)
            if (
                sentence.block.kind == "heading"
                and len([m for m in sentence.mentions if m.kind in PARTY_KINDS]) < 2
            ):
                continue  # a headline naming one side only: the body tells the instrument in full
            if (
                kind != "legislation"
                and len(parties) == 1
                and parties[0].is_chinese
                and sentence.block_index < 4
            ):
                continue  # China alone in a headline: the body names both sides
            if (
                len(parties) == 1
                and parties[0].is_chinese
                and GENERIC_COUNTERPART.search(text, floor, scope_end)
            ):
                continue  # "an agreement between their space agency and CNSA": a kind of instrument, not one
            if kind not in MULTILATERAL_KINDS and all(_known_foreign(p) for p in parties):
                continue  # "JAXA and NASA signed ...": cooperation without China is out of scope
            status_end = len(text) if fragment else min(len(text), max(match.end(), title_span[1]) + 15)
            label = RUN_IN_LABEL.match(text)  # "**Kiribati (terminated).** ... a lease signed in 1997"
            ended = ENDED_AFTER.match(text, max(match.end(), title_span[1]))
            status = (
                "terminated"
                if TERMINATED.search(text[floor:status_end])
                or (label and TERMINATED.search(label.group()))
                or (ended and not ANY_INSTRUMENT.search(ended.group()))
                else agreement_status(text, floor, status_end, len(text))
            )
            if status is None:
                continue
            clause_end = text.find(";", match.end())
            if status == "signed" and ACTIVE.search(
                text, floor, clause_end if clause_end >= 0 else len(text)
            ):
                status = "active"  # "... the lease runs until 2044 and remains in force"
            signed = _signing_date(
                sentence, match.start(), match.end(), floor, clause_end if clause_end >= 0 else None
            )
            if signed and _date_of_the_report(sentence, signed, match.start()):
                signed = (
                    None  # "In March 2023 MBRSC informed Vantor that its agreement ... had been terminated"
                )
            if signed is None and signed_list:
                signed = signed_list  # the date the list's documents were signed
            if signed is None and status != "proposed":
                signed = _date_told_before(doc, sentence)  # "announces that on 18 June 2025: (a) ..."
            if signed is None and status == "signed" and doc.dateline and SAME_DAY.search(text):
                signed = doc.dateline  # "signed today", "during the session": the document's own date
            if (
                signed is None
                and status not in ("announced", "proposed")
                and sentence.lead_date
                and (kind == "legislation" or SIGNING_VERB.search(text, floor, scope_end))
            ):
                signed = sentence.lead_date  # a timeline entry: "**2018-11-16** — X signs a memorandum ..."
            claim = _claim(doc, sentence, title, kind, parties, signed, status, "rule:instrument")
            if not named and DEFINITE_BEFORE.search(text, max(0, match.start() - 40), match.start()):
                claim = _the_one_read(claim, read)  # "The memorandum with CNSA was signed in Beijing ..."
            yield claim
            found.add(kind == "legislation")
            if kind != "legislation":  # a law may sit anywhere beside the instrument it concerns
                clause_ends.append(scope_end)
                instrument_starts.append(match.start())
            break


SUBJECT_LABEL = re.compile(r"^\W*(?:\d{1,2}[.)]\s*)?(?:\*\*|__)?(?P<label>[^:*_\n]{2,60}?)(?:\*\*|__)?:\s")
GENERIC_COUNTERPART = re.compile(
    r"(?i)\b(?:their|its|each|any|a)\s+(?:own\s+)?(?:national\s+)?(?:space\s+)?(?:agency|agencies|government)\b"
)


# "NASA and CNSA exchanged orbital data on their Mars spacecraft": an exchange of data that took place
DATA_EXCHANGED = re.compile(
    r"(?i)\b(?:exchanged|shared|swapped)\s+(?P<what>(?:[\w-]+\s+){0,3}?data)\b(?!\s+(?:with\s+)?(?:the\s+)?public)"
)


def rule_data_exchanged(doc: Document, sentence: Sentence) -> Iterator[AgreementClaim]:
    """Two bodies, one of them Chinese, that exchanged data: a data exchange between them."""
    text = sentence.text
    if "data" not in text:
        return
    match = DATA_EXCHANGED.search(text)
    if match is None:
        return
    floor = clause_start(text, match.start())
    if not is_asserted(text, floor, match.end()):
        return
    parties = [p for p, _ in parties_in(sentence, floor, match.start(), skip_modifiers=False)]
    partner = re.match(r"[^.;]{0,60}?\bwith\s+", text[match.end() :])
    if len(parties) == 1 and partner:  # "CNSA shared its orbital data with NASA"
        parties += [
            p for p, _ in parties_in(sentence, match.end() + partner.end(), match.end() + partner.end() + 60)
        ][:1]
    if len({p.name for p in parties}) != 2 or not any(p.is_chinese for p in parties):
        return
    signed = nearest_date(sentence.dates, match.start(), floor)
    title = f"Exchange of {match['what']}"
    yield _claim(doc, sentence, title, "data_exchange", parties, signed, "signed", "rule:data_exchanged")


# "In 2022 the Centre agreed with CNSA to send its rover on Chang'e 7": an agreement told by its verb
AGREED_WITH = re.compile(r"\bagreed\s+with\s+")
AGREED_TO = re.compile(r"[^.;:,]{2,80}?\s+to\s+(?P<what>(?:[\w'’-]+\s+){0,5}[\w'’-]+)(?=[\s,.;]|$)")


def rule_agreed_with(doc: Document, sentence: Sentence) -> Iterator[AgreementClaim]:
    """A body that agreed with another, one of them Chinese, to do something: an agreement between
    them, terminated when the sentence says it was ended."""
    text = sentence.text
    if "agreed" not in text:
        return
    match = AGREED_WITH.search(text)
    if match is None:
        return
    floor = clause_start(text, match.start())
    to = AGREED_TO.match(text, match.end())
    if to is None or not is_asserted(text, floor, match.end()):
        return
    subjects = [p for p, _ in parties_in(sentence, floor, match.start(), skip_modifiers=False)]
    others = [p for p, _ in parties_in(sentence, match.end(), to.start("what"), skip_modifiers=False)]
    parties = subjects[-1:] + others[:1]
    if len({p.name for p in parties}) != 2 or not any(p.is_chinese for p in parties):
        return
    status = "terminated" if TERMINATED.search(text, to.end()) else "signed"
    signed = nearest_date(sentence.dates, match.start(), floor, to.end())
    yield _claim(
        doc,
        sentence,
        f"Agreement to {to['what']}",
        "cooperation_agreement",
        parties,
        signed,
        status,
        "rule:agreed_with",
    )


def rule_table_instrument(
    doc: Document, sentence: Sentence, tracker: FrameworkTracker
) -> Iterator[AgreementClaim]:
    """Instruments named in a table row of bilateral cooperation: the row's country and the caption's."""
    if sentence.block.kind != "table_row" or len(sentence.cells) < 2:
        return
    first_start, first_end = sentence.cells[0]
    row_parties = [p for p, _ in parties_in(sentence, first_start, first_end, skip_modifiers=False)]
    if not row_parties:
        return
    caption_parties = tracker.caption_parties(sentence.block)
    row_bodies = [
        p
        for start, end in sentence.cells[1:]
        for p, _ in parties_in(sentence, start, end, skip_modifiers=False)
        if p.member_type != "country" and not p.is_chinese
    ]
    chinese_bodies = [p for p in caption_parties if p.is_chinese and p.member_type != "country"]
    first_bodies = [p for p in row_parties if p.member_type != "country" and not p.is_chinese]
    if first_bodies and chinese_bodies:  # "| University of Leicester (United Kingdom) |" facing NSSC
        row_parties, caption_parties = first_bodies[:1], chinese_bodies[:1]
    elif row_bodies and chinese_bodies:  # a "counterpart body" column facing a Chinese agency: agency level
        row_parties, caption_parties = row_bodies[:1], chinese_bodies[:1]
    elif chinese_bodies:  # a country row facing a Chinese agency: country level
        caption_parties = [p for p in caption_parties if not p.is_chinese]
    header_cells = tracker.table_context(doc, sentence.block)[1]
    date_index = next((i for i, h in enumerate(header_cells) if DATE_COLUMN.search(h)), None)
    date_cell = (
        sentence.cells[date_index] if date_index is not None and date_index < len(sentence.cells) else None
    )
    status_index = next((i for i, h in enumerate(header_cells) if STATUS_COLUMN.search(h)), None)
    status_span = (
        sentence.cells[status_index]
        if status_index is not None and status_index < len(sentence.cells)
        else (0, 0)
    )
    status_cell = sentence.text[slice(*status_span)]
    if UNCONCLUDED_CELL.match(status_cell):
        return  # "| Chile | Astronomy data-centre agreement | — | in negotiation |"
    dated = [
        d for d in sentence.dates if not status_span[0] <= d.start < status_span[1]
    ]  # not "lapsed, 2020"
    row_dates = dated if len({d.value for d in dated}) == 1 else []
    for cell_start, cell_end in sentence.cells[1:]:
        cell = sentence.text[cell_start:cell_end]
        for piece in re.finditer(r"[^,;]+", cell):
            found = _instrument_type(piece.group())
            if not found:
                continue
            kind, match = found
            in_row = tracker.named(sentence) if kind == "convention" else []
            if in_row and not any(
                cell_start + piece.start() <= m.start < cell_start + piece.end() for _, m in in_row
            ):
                continue  # "| Iran | APSCO | member | Convention signed 2005 |": the framework's own charter
            at = cell_start + piece.start() + match.start()
            if any(m.start <= at < m.end for m in sentence.of_kind("framework")):
                continue  # "Artemis Accords" in a register's framework column is a framework
            segment = piece.group().strip()
            named = _named_title(
                segment,
                match.start() - (len(piece.group()) - len(piece.group().lstrip())),
                match.end() - (len(piece.group()) - len(piece.group().lstrip())),
            )
            title = named or segment[:1].upper() + segment[1:]
            parties = list(row_parties)
            if kind != "legislation":
                parties += [p for p in caption_parties if p.name not in {q.name for q in parties}]
                if (
                    len(parties) == 2
                    and any(p.name in {home_country(q) for q in parties if q is not p} for p in parties)
                    and not any(p.is_chinese for p in parties)
                ):  # "| Thailand: NARIT | Memorandum with CNSA |": the institute, and who it signed with
                    parties = _with_counterpart_of_title(sentence, (cell_start, cell_end), parties)
                if len(parties) == 1 and not parties[0].is_chinese:  # "Lease of antennas to CLTC"
                    parties += [
                        p
                        for p, _ in parties_in(sentence, cell_start, cell_end, skip_modifiers=False)
                        if p.is_chinese and p.member_type != "country"
                    ][:1]
                if len(parties) == 1 and not parties[0].is_chinese:
                    parties.append(Party(CHINA, "country", "CHN"))
            status = (
                "terminated"
                if TERMINATED.search(segment)
                else (agreement_status(segment, 0, len(segment)) or "signed")
            )
            if status == "signed" and status_cell:  # a "Status" column: "Announced Aug. 2025", "In force"
                status = _status_of_cell(status_cell)
            signed = nearest_date(sentence.dates, cell_start + piece.start(), cell_start, cell_end)
            if signed is None and row_dates:
                signed = row_dates[0].value  # the row's one date (a "Signed" / "Accession" column)
            if signed is None and date_cell is not None:
                signed = nearest_date(sentence.dates, date_cell[0], *date_cell)  # the "Date" column
            if kind == "legislation":
                title = re.sub(r"['’]s\b", "", title)
            yield _claim(doc, sentence, title, kind, parties, signed, status, "table:instrument")


REGISTER_COLUMNS = (
    ("kind", re.compile(r"(?i)^\W*(?:kind|type|category|form)\b")),
    ("status", re.compile(r"(?i)^\W*(?:standing|stands?|status|state|in\s+force)\b|\bwhere\s+it\s+stands\b")),
    (
        "date",
        re.compile(
            r"(?i)\b(?:inked|signed(?!\s+by)|date|dated|year|since|concluded|entered|effective|adopted)\b"
        ),
    ),
    ("instrument", re.compile(r"(?i)\b(?:instrument|what|title|agreement|document|name|subject)\b")),
    (
        "party",
        re.compile(
            r"(?i)\b(?:sides?|party|parties|partners?|counterparts?|countr(?:y|ies)|signator(?:y|ies)|"
            r"institutions?|agenc(?:y|ies)|with|signed\s+by|concluded\s+by)\b"
        ),
    ),
)
KIND_WORDS = (
    ("legislation", re.compile(r"(?i)^\W*(?:law|act|decree|statute|amendment)\b")),
    ("data_exchange", re.compile(r"(?i)\bdata\b(?!\s+relay)")),  # "Memorandum on the use of ... data"
    ("joint_laboratory", re.compile(r"(?i)\blab|\bjoint\s+cent(?:re|er)\b")),
    ("memorandum", re.compile(r"(?i)\bmou\b|memorand")),
    ("lease", re.compile(r"(?i)\blease")),
    ("roadmap", re.compile(r"(?i)road\s?map")),
    ("treaty", re.compile(r"(?i)\btreaty")),
    ("convention", re.compile(r"(?i)\bconvention")),
    ("cooperation_agreement", re.compile(r"(?i)\bagreement|\bprotocol")),
)
LAPSED = re.compile(rf"(?i)\b(?:{ENDED_WORDS})\b")
STATUS_COLUMN = re.compile(r"(?i)^\W*(?:standing|status|state|position|situation)\b|\bwhere\s+it\s+stands\b")
# A status cell saying the instrument is not concluded: the row is no agreement
UNCONCLUDED_CELL = re.compile(
    r"(?i)^\W*(?:in\s+negotiation|negotiating|under\s+(?:negotiation|discussion|study)|pending|undecided|"
    r"draft|talks|stalled|not\s+(?:yet\s+)?signed|never\s+signed|unsigned|rumou?red|denied|abandoned|paused|"
    r"suspended|on\s+hold|frozen)\b"
)
INTENDED_CELL = re.compile(r"(?i)^\W*(proposed|announced|planned)\b")
# An instrument said to be in force: "remains in force", "still running", "Operating" in a status column
ACTIVE = re.compile(
    r"(?i)(?<!not\s)(?<!yet\s)\b(?:in\s+force|in\s+effect|operating|operational|still\s+running|"
    r"(?:is|are|remains?)\s+active)\b"
)
NOT_CONCLUDED = re.compile(
    r"(?i)\b(?:draft|stalled|nothing\s+signed|not\s+signed|never\s+signed|unsigned|under\s+negotiation|talks|"
    r"initiall?ed|no\s+record)\b"
)


def rule_instrument_register(
    doc: Document, sentence: Sentence, header: Sentence | None
) -> Iterator[AgreementClaim]:
    """A row of a table of instruments whose columns are told by their header words ("Inked | Foreign
    side | Chinese side | What it is | Kind | Standing"), in any order."""
    if header is None or sentence.block.kind != "table_row" or not sentence.cells or not header.cells:
        return
    columns = header_columns(header, REGISTER_COLUMNS, repeated={name for name, _ in REGISTER_COLUMNS})
    if "instrument" not in columns or "party" not in columns:
        return
    single = len(columns["party"]) == 1  # one "Counterparts" column naming every party
    cells = sentence.cells

    def cell(name: str) -> str:
        index = columns.get(name, [None])[0]
        return (
            sentence.text[cells[index][0] : cells[index][1]]
            if index is not None and index < len(cells)
            else ""
        )

    status_text = cell("status")
    title = cell("instrument").strip()
    intended = INTENDED_CELL.match(status_text)  # "Proposed; draft under review since Aug. 2025"
    if not title or (not intended and NOT_CONCLUDED.search(status_text + " " + title)):
        return
    parties: list[Party] = []
    for index in columns["party"]:
        if index < len(cells):
            found = parties_in(sentence, cells[index][0], cells[index][1], skip_modifiers=False)
            for party, _ in found if single else found[:1]:
                if party.name not in {p.name for p in parties}:
                    parties.append(party)
    chinese_column = any(
        re.search(r"(?i)chin|counterpart", header.text[header.cells[i][0] : header.cells[i][1]])
        for i in columns["party"]
        if i < len(header.cells)
    )
    kind_text = cell("kind") + " " + title
    kind = next((k for k, pattern in KIND_WORDS if pattern.search(kind_text)), "other")
    if kind == "legislation" and len(parties) == 1 and parties[0].member_type == "country":
        pass  # "Law 27,123 approving the agreement ...; Argentina": a law has its state alone
    elif len(parties) < 2 or not (chinese_column or any(p.is_chinese for p in parties)):
        return  # a partner and its own country: the older table reading applies
    else:
        parties = _with_counterpart_of_title(sentence, cells[columns["instrument"][0]], parties)
    date_index = columns.get("date", [None])[0]
    signed = None
    if date_index is not None and date_index < len(cells):
        dates = [d for d in sentence.dates if cells[date_index][0] <= d.start < cells[date_index][1]]
        signed = dates[0].value if dates else None
    yield _claim(doc, sentence, title, kind, parties, signed, _status_of_cell(status_text), "table:register")


def _with_counterpart_of_title(
    sentence: Sentence, cell: tuple[int, int], parties: list[Party]
) -> list[Party]:
    """A register row's parties with the counterpart its title cell names ("Memorandum with CNSA on ..."),
    a body standing for its country ("Thailand: NARIT": the institute signs)."""
    with_at = re.search(r"\bwith\s+", sentence.text[cell[0] : cell[1]])
    if with_at:
        found = parties_in(sentence, cell[0] + with_at.end(), cell[1], skip_modifiers=False)[:1]
        parties = parties + [p for p, _ in found if p.name not in {q.name for q in parties}]
    return _most_specific(parties)


def _status_of_cell(text: str) -> str:
    """The status a table's status cell gives ("Proposed by Beijing", "Lapsed 2022", "Operating")."""
    intended = INTENDED_CELL.match(text)
    if intended:
        return "announced" if intended.group(1).lower().startswith("announc") else "proposed"
    if LAPSED.search(text):
        return "terminated"
    return "active" if ACTIVE.search(text) or ACTIVE_CELL.match(text) else "signed"


ACTIVE_CELL = re.compile(r"(?i)^\W*(?:active|ongoing|current|valid|running)\W*$")  # a status cell's one word


def accords_from_memberships(doc: Document, memberships: list[MembershipClaim]) -> list[AgreementClaim]:
    """A framework that is itself an accord or convention: one agreement, its members the parties,
    dated by its founding."""
    claims = []
    properties = framework_properties()
    for membership in memberships:
        kind = properties.get(membership.organization, {}).get("instrument_type")
        if kind != "accord":
            continue
        signed = membership.joined if membership.role == "founder" else None
        span = Span(doc.doc_id, membership.span.start, membership.span.end, "rule:accord")
        claims.append(
            AgreementClaim(
                membership.organization, "accord", (membership.member,), signed, "signed", span, True
            )
        )
    return claims


# "The memorandum was signed by a deputy administrator of CNSA and by the president of the Academy"
SIGNED_BY = re.compile(
    r"^\W*(?:The|This|That)\s+(?P<noun>memorandum|agreement|arrangement|contract|accord|treaty|deal|protocol|"
    r"roadmap|lease)\s+(?:\w+\s+){0,3}?(?:was|were|had\s+been|has\s+been)\s+(?:\w+\s+)?signed\b[^.;]*?\bby\b",
    re.IGNORECASE,
)


SAME_OCCASION = re.compile(
    r"(?i)\b(?:on|at|during)\s+the\s+same\s+(?:occasion|day|date|ceremony|event)\b|"
    r"\b(?:later|earlier)\s+(?:that|the\s+same)\s+(?:day|morning|afternoon|evening)\b|"
    r"\b(?:the\s+same|that)\s+(?:morning|afternoon|evening)\b"
)


def _name_signers(sentence: Sentence, claims: list[AgreementClaim]) -> None:
    """A sentence saying who signed the instrument just reported gives that instrument its parties:
    the bodies named as signing replace the countries or founders read from the sentence before."""
    match = SIGNED_BY.match(sentence.text)
    if match is None or not claims:
        return
    signers = [
        p for p, _ in parties_in(sentence, match.end(), len(sentence.text)) if p.member_type != "country"
    ]
    last = claims[-1]
    noun = match.group("noun").lower()
    if len(signers) < 2 or noun[:5] not in f"{last.agreement_type} {last.title}".lower():
        return
    names = tuple(sorted({p.name for p in signers}))
    start, end = sentence.original_span()
    span = Span(last.span.doc_id, min(start, last.span.start), max(end, last.span.end), last.span.method)
    claims[-1] = replace(last, parties=names, span=span)


# A sentence opening on the instrument just reported: "Under the agreement, ...", "Under this memorandum ..."
UNDER_IT = re.compile(
    r"\W*(?:Under|Through|By\s+virtue\s+of)\s+(?:the|this|that|its|their)\s+(?:[\w-]+\s+)?"
    r"(?:agreement|memorandum|arrangement|deal|contract|MoU|protocol|accord|lease)\b"
)


SIGNING_VERB = re.compile(
    r"(?i)\b(?:sign|signs|signed|signing|signatures?|conclude[sd]?|concluding|ink(?:s|ed)?|exchange[sd]?|"
    r"subscrib\w*|released|publish(?:ed|es)|issued|adopted|unveiled)\b"  # a roadmap is released, not signed
)
DEFINITE_BEFORE = re.compile(r"(?i)\b(?:the|this|that)\s+(?:[\w’'–-]+\s+){0,2}\Z")


def _countries(parties: Iterable[str]) -> set[str]:
    """The foreign countries of parties: a country itself, a registered body its home country."""
    gazetteer = Gazetteer.default()
    out = set()
    for name in parties:
        home = gazetteer.country(name) or gazetteer.home(name)
        out.add(home[0] if home else name)
    return out - {CHINA}


def _the_one_read(claim: AgreementClaim, read: Sequence[AgreementClaim]) -> AgreementClaim:
    """An untitled instrument named with "the" is the one of its kind read before with a common
    foreign party (the latest such), stated again: its title, parties and date, this evidence."""
    countries = _countries(claim.parties)
    for earlier in reversed(read):
        if earlier.agreement_type != claim.agreement_type:
            continue
        if not (
            countries & _countries(earlier.parties)
            or (not countries and set(claim.parties) & set(earlier.parties))
        ):
            continue  # no foreign party in common (or, with none named, no party at all)
        if claim.signed and earlier.signed and claim.signed[:4] != earlier.signed[:4]:
            continue
        signed = earlier.signed or claim.signed
        status = claim.status if claim.status in ("terminated", "active") else earlier.status
        names = set(earlier.parties) | set(claim.parties)
        if CHINA in names and any(is_chinese_body(n) for n in names):
            names.discard(CHINA)  # "China" stood in for the Chinese body the other statement names
        gazetteer = Gazetteer.default()
        homes = {home[0] for n in names if (home := gazetteer.home(n))}
        names -= {n for n in homes if gazetteer.country(n)}  # a country beside its own agency
        title = claim.title if " " not in earlier.title and " " in claim.title else earlier.title
        return replace(
            earlier, title=title, parties=tuple(sorted(names)), signed=signed, status=status, span=claim.span
        )
    return claim


def _on_the_same_occasion(
    stated: list[AgreementClaim], sentence: Sentence, claims: list[AgreementClaim], doc: Document
) -> list[AgreementClaim]:
    """ "On the same occasion, BRIN and NSSC signed ...", "Later that day ...": the date of the signing
    just reported."""
    if not (stated and claims and claims[-1].signed and SAME_OCCASION.search(sentence.text)):
        return stated
    return [
        replace(c, signed=claims[-1].signed)
        if c.status == "signed" and c.signed in (None, doc.dateline)
        else c
        for c in stated
    ]


def _not_read_before(
    stated: Iterable[AgreementClaim], claims: list[AgreementClaim], sentence: Sentence
) -> list[AgreementClaim]:
    """Instruments of a sentence naming no party, less those of a kind already read: "The Roadmap will
    be signed at a time to be determined" speaks of the roadmap reported before ("an implementing
    arrangement" is a new one)."""
    stated = list(stated)
    if not stated or NEW_INSTRUMENT.search(sentence.text):
        return stated
    kinds = {c.agreement_type for c in claims}
    return [c for c in stated if c.agreement_type not in kinds]


NEW_INSTRUMENT = re.compile(
    r"(?i)\b(?:an?|another|new|second|further)\s+(?:[\w-]+\s+){0,3}?(?:agreement|memorand\w+|MoU|arrangement|"
    r"road\s?map|contract|lease|protocol|statement|declaration|laborator\w+|mechanism)"
)


def rule_record_card(doc: Document, card: Card, tracker: FrameworkTracker) -> Iterator[AgreementClaim]:
    """The instrument a register record describes, and those its "Related:" field names."""
    title_field = card.first(TITLE_FIELD)
    if title_field is None:
        return
    sentence, at = title_field
    title = re.sub(r"\s*\((?:as\s+reported|unverified)\)\s*$", "", sentence.text[at:].strip().rstrip("."))
    found = _instrument_type(title)
    kind = found[0] if found else None
    for name, mention in tracker.named(sentence):
        own_type = framework_properties().get(name, {}).get("instrument_type")
        if own_type and mention.start <= at + 5:  # "The Artemis Accords: Principles ...": the framework's own
            kind, title = own_type, name
    state = card_status(card)
    if kind is None or state is None:
        return
    parties: dict[str, Party] = {}
    for field_sentence, value_at in card.all(PARTY_FIELD):
        for party, _ in parties_in(field_sentence, value_at, len(field_sentence.text), skip_modifiers=False):
            parties.setdefault(party.name, party)
    if not parties:
        parties = {p.name: p for p, _ in parties_in(sentence, at, len(sentence.text), skip_modifiers=False)}
    if not parties:
        return
    signed = signed_date(card) if state != "proposed" else None
    yield _claim(doc, sentence, title, kind, list(parties.values()), signed, state, "card:instrument")
    for related, value_at in card.all(RELATED_FIELD):
        text = related.text[value_at:]
        found = _instrument_type(text)
        members = parties_in(related, value_at, len(related.text), skip_modifiers=False)
        date = next((d.value for d in related.dates if d.start >= value_at), None)
        if found and members and date:
            name = re.split(r",\s*(?=\d|[A-Z][a-z]{2,8}\.?\s+\d)", text)[0].strip()
            yield _claim(
                doc, related, name, found[0], [p for p, _ in members], date, "signed", "card:related"
            )


def extract_agreements(doc: Document, tracker: FrameworkTracker) -> list[AgreementClaim]:
    claims: list[AgreementClaim] = []
    headlines: list[AgreementClaim] = []  # instruments named in a heading, told again below it
    previous: dict[str, list[Party]] = {}  # the last parties named together: any, agencies, countries
    previous["document"] = _main_foreign_country(doc)  # "signed by the two governments": China and it
    previous["author"] = _author(doc)
    headers = {s.block_index: s for s in doc.sentences if s.block.kind == "table_header"}
    retracted = retracted_sentences(doc)
    for index, sentence in enumerate(doc.sentences):
        if sentence.denied or index in retracted:
            continue  # under "Things that did NOT happen", or taken back by the next sentence
        if not sentence.mentions:  # parties can still come from the sentence before
            stated = _not_read_before(
                rule_instrument(doc, sentence, tracker, previous, claims), claims, sentence
            )
            claims.extend(_on_the_same_occasion(stated, sentence, claims, doc))
            continue
        tracker.enter(sentence)
        stated = list(rule_instrument(doc, sentence, tracker, previous, claims))
        if stated and not any(m.kind in PARTY_KINDS for m in sentence.mentions):
            stated = _not_read_before(stated, claims, sentence)
        if stated and claims and UNDER_IT.match(sentence.text):
            stated = [
                c for c in stated if c.signed
            ]  # "Under the agreement the Service leases ...": the one read
        claims.extend(_on_the_same_occasion(stated, sentence, claims, doc))
        if sentence.block.kind == "heading":
            headlines.extend(stated)
        if not stated:
            stated = [*rule_data_exchanged(doc, sentence), *rule_agreed_with(doc, sentence)]
            claims.extend(stated)
        if not stated:
            _name_signers(sentence, claims)
        register = list(rule_instrument_register(doc, sentence, headers.get(sentence.block.context)))
        claims.extend(register or ([] if stated else rule_table_instrument(doc, sentence, tracker)))
        named = [p for p, _ in parties_in(sentence, 0, len(sentence.text))]
        for kind, group in (
            ("any", named),
            ("agency", [p for p in named if p.member_type == "space_agency"]),
            ("country", [p for p in named if p.member_type == "country"]),
        ):
            if len(group) >= 2:
                previous[kind] = group
        tracker.leave(sentence)
    cards = record_cards(doc)
    if cards:  # a register export: each record's own fields are read as a record, not as prose
        own = {s.original_span() for s in own_field_sentences(cards)}
        claims = [
            c for c in claims if c.agreement_type == "legislation" or (c.span.start, c.span.end) not in own
        ]
        claims += [claim for card in cards for claim in rule_record_card(doc, card, tracker)]
    told_below = {c.agreement_type for c in claims if c not in headlines}
    claims = [c for c in claims if c not in headlines or c.agreement_type not in told_below]
    issuing = previous["document"][:1] or _letterhead_state(doc)
    claims += decree_texts(doc, issuing[0].name if issuing else None)
    own = instrument_text(doc)  # the document is an instrument's text: "the Agreement" is that one
    itself = {(c.agreement_type, c.parties) for c in own}
    return [c for c in claims if (c.agreement_type, c.parties) not in itself] + own
