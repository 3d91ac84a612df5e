"""Helpers shared by the statement rules: who a mention stands for, lists, nearest dates."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pipeline.core.dates import DateMention
from pipeline.core.gazetteer import Gazetteer, Mention
from pipeline.core.reading import Sentence

CHINA = "China"


def _chinese_name_pattern() -> re.Pattern[str]:
    """China, Chinese, Sino, or a Chinese province, city or university short name ("Harbin Institute of
    Technology", "Beihang University"): a body so named is Chinese."""
    rows = (
        resources.files("pipeline.reference").joinpath("chinese_name_words.csv").read_text(encoding="utf-8")
    )
    words = [line.split(",", 1)[0] for line in rows.splitlines()[1:] if line.strip()]
    return re.compile(r"\b(?:China|Chinese|Sino|" + "|".join(re.escape(w) for w in words) + r")\b")


CHINESE_NAME = _chinese_name_pattern()
# Between two items of one enumeration: commas, "and", "as well as", dashes, brackets, articles.
CONNECTOR = re.compile(
    r"^(?:\s|,|;|[·•/]|\([^()]{1,30}\)|\(|\)|\[\d+\]|and(?:\s+(?:by|from))?\b|&|as well as\b|or\b|the\b|"
    r"both\b|plus\b|[–—-](?=\s))*$",  # "Venezuela · South Africa · Pakistan" too
    re.IGNORECASE,
)
_PROPER_WORD = re.compile(r"[A-Z][\w’'.-]*|\d+[A-Za-z]?")
_NAME_GLUE = {"of", "and", "for", "the", "de", "di", "du", "la", "le", "in", "on", "&"}


@dataclass(frozen=True, slots=True)
class Party:
    """A canonical participant: a country, a space agency or another body."""

    name: str
    member_type: str
    iso3: str | None

    @property
    def is_chinese(self) -> bool:
        if self.iso3 == "CHN" or CHINESE_NAME.search(self.name) is not None:
            return True
        return self.member_type != "country" and Gazetteer.default().placed_in_china(self.name)


def is_chinese_body(name: str) -> bool:
    """A body other than the Chinese state itself with a Chinese name or registered in China."""
    return name != CHINA and (
        CHINESE_NAME.search(name) is not None or Gazetteer.default().placed_in_china(name)
    )


# "..., joining a framework that Washington launched in 2020": a relative clause naming the founders
RELATIVE_FOUNDER = re.compile(
    r"(?i)(?:\b(?:that|which)\s+|(?P<noun>\b(?:project|station|programme|program|initiative|framework|"
    r"alliance|association)\s+)(?=(?-i:[A-Z])))"
    r"(?P<subject>(?:[^,;:()]|\((?-i:[A-Z]{2,8})\)){2,60}?)\s+(?:had\s+|have\s+|has\s+)?(?:jointly\s+)?"
    r"(?:launched|founded|co-founded|created|initiated|set\s+up|established|opened)\b(?!\s+(?:by|in\s+the\s+name))"
)


def founding_clauses(
    text: str, *patterns: re.Pattern[str], reach: int = 30, within_clause: bool = False
) -> list[tuple[int, int]]:
    """Spans of clauses about a founding ("the programme that China and Russia founded in 2021"),
    with `reach` characters after each for its date (not past the clause, if `within_clause`): dates
    there date the founding, nothing else."""
    spans = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            boundary = (  # ", and in 2021 it signed ...": a date of the next clause
                CLAUSE_BOUNDARY.search(text, m.end(), m.end() + reach) if within_clause else None
            )
            spans.append((m.start(), boundary.start() if boundary else m.end() + reach))
    return spans


CLAUSE_BOUNDARY = re.compile(r",\s+(?:and|but)\b|;")


# "on behalf of the Congolese government": a demonym standing for its state
DEMONYM_GOVERNMENT = re.compile(
    r"(?:\s*(?:,|and)\s+[A-Z][\w-]+)*\s+(?:governments?|authorities|sides?|part|parties|party)\b"
)  # "the Chinese side", and in translated text "the Equatoguinean part"
APPOSITION_CLOSES = re.compile(r"(?:\s+[\w-]+){1,6}\s*[,)]")  # "'s national space agency,"
LOCATIVE = re.compile(
    r"\s*(?:\([^()]{1,12}\)\s*)?,?\s*(?:in|at|near|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+(?:the\s+)?$"
)
# "the second state in Western Europe, after Italy, to join": the aside names who came before
COMPARISON_ASIDE = re.compile(
    r"(?i)\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|latest|"
    r"last|next)\b[^.;:]{0,80}?\b(?:after|behind|following)\s+([^,;:()]{1,80}?)(?=\s*(?:[,;:)]|\bto\s|$))"
)
# Who a sentence is attributed to, not who acted in it: ", Egypt's space agency said in a
# statement.", ", said the agency.", "according to CNSA"
_REPORTING = r"(?:said|says|told\s+\w+(?:\s+\w+)?|stated|noted|added|announced|confirmed|reported|wrote)"
_REPORTING_CUES = (
    " said",
    " says",
    " told",
    " stated",
    " noted",
    " added",
    " announced",
    " confirmed",
    " reported",
    " wrote",
    "ccording to",
)
ATTRIBUTION = re.compile(
    r"[,—–]\s*(?P<speaker>[^,;:()\u2014\u2013]{2,60}?)\s+" + _REPORTING + r"\b"
    # only where and when it was said follows: not "..., Roscosmos said it had signed ..."
    r"(?:\s+(?:on|in|at|via|through|during|late|early|last|this|earlier|later)\b[^;:]{0,60}?)?"
    r"(?:,\s*adding\b[^;]*)?\s*[.!\"”']*\s*$"
    r"|[,—–]\s*" + _REPORTING + r"\s+(?P<speaker2>[^,;:()]{2,60}?)(?=\s*(?:[.!,;]|$))"
    r"|\baccording\s+to\s+(?P<speaker3>[^,;:()]{2,60}?)(?=\s*(?:[.!,;]|$))",
    re.IGNORECASE,
)
# "the Beijing-based APSCO": where a body sits, not a participant
PLACE_OF_BODY = re.compile(r"[-‑](?:based|headquartered)\b")


def party_of(
    sentence: Sentence, mention: Mention, *, allow_demonym: bool = False, include_frameworks: bool = False
) -> Party | None:
    """The participant a mention stands for, or None if it cannot be one (a target, a mission...)."""
    if mention.kind == "framework" and include_frameworks:
        return Party(mention.canonical, "organization", None)
    if mention.kind in ("country", "capital"):
        return Party(mention.canonical, "country", mention.iso3)
    if mention.kind == "demonym":
        surface = sentence.surface(mention)
        if (
            allow_demonym
            or (surface.endswith("s") and surface[:1].isupper())
            or DEMONYM_GOVERNMENT.match(sentence.text, mention.end)
        ):
            return Party(mention.canonical, "country", mention.iso3)
        return None
    if mention.kind == "agency":
        return Party(mention.canonical, "space_agency", None)
    if mention.kind == "institution":
        return Party(mention.canonical, mention.member_type or "institution", None)
    return None


def is_possessive_modifier(sentence: Sentence, mention: Mention) -> bool:
    """'France's Planetary Exploration...' or 'the Budapest organization X': a country used as a modifier."""
    after = sentence.text[mention.end : mention.end + 4]
    return after[:2] in ("'s", "’s") and after[2:].strip()[:1].isupper()


def is_describing_apposition(sentence: Sentence, mention: Mention) -> bool:
    """'The Hellenic Space Center (HSC), Greece's national space agency, ...': the country describes
    the body just before it."""
    return (
        sentence.text[mention.end : mention.end + 2] in ("'s", "’s")
        and bool(re.search(r"[,(]\s*$", sentence.text[max(0, mention.start - 3) : mention.start]))
        and any(
            m.kind in ("agency", "institution", "country", "capital") and 0 <= mention.start - m.end <= 10
            for m in sentence.mentions
        )  # also "India, Sri Lanka's closest neighbour, signed ..."
        and APPOSITION_CLOSES.match(sentence.text, mention.end + 2) is not None
    )


def is_location_of_body(sentence: Sentence, mention: Mention) -> bool:
    """'the University of Moratuwa in Sri Lanka', 'the University of Moratuwa, south of Colombo': where
    the body named just before sits, not a participant."""
    if mention.kind not in ("country", "capital"):
        return False
    if sentence.text[mention.end : mention.end + 1] == ")" and re.search(
        r"\w\s*\($", sentence.text[max(0, mention.start - 3) : mention.start]
    ):  # "The University of Juba (South Sudan) joins ...": the country in brackets places the body
        return any(
            m.kind in ("agency", "institution") and 0 <= mention.start - m.end <= 3 for m in sentence.mentions
        )
    window = sentence.text[max(0, mention.start - 30) : mention.start]
    if not any(word in window for word in (" in ", " at ", " near ", " of ")):
        return False  # the cheap test first: no locative word before the name
    before = LOCATIVE.search(sentence.text, max(0, mention.start - 30), mention.start)
    return before is not None and any(
        m.kind in ("agency", "institution") and 0 <= before.start() - m.end <= 4 for m in sentence.mentions
    )


POSSESSOR_AS_PLACE = re.compile(
    r"['’]s\s+(?:own\s+|main\s+)?(?:campus|premises|grounds|site|headquarters|facilit(?:y|ies)|buildings?)\b"
)
# A capital before a common noun that is not its government: "the Doha start-up", "the Lima office"
CITY_AS_MODIFIER = re.compile(
    r"[-\s]+(?:based\b|start-?ups?\b|startups?\b|firms?\b|compan(?:y|ies)\b|offices?\b|teams?\b|campus\b|"
    r"conference\b|forum\b|meeting\b|summit\b|workshop\b|hub\b|headquarters\b|airport\b|suburbs?\b)"
)
DATELINE_AFTER = re.compile(
    r"(?:,\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})?,?\s*(?:\d{1,2}\s+[A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|"
    r"\((?:[A-Z][\w&.' -]{1,40})\)\s*[-–—])"
)


def _in_dateline(sentence: Sentence, mention: Mention) -> bool:
    """A city opening the first line of a story, before its date or agency ("LIMA, 3 May 2025 -")."""
    if sentence.text[: mention.start].strip(" *_#>") != "":
        return False
    return DATELINE_AFTER.match(sentence.text, mention.end) is not None


@lru_cache(maxsize=4096)
def _comparison_asides(text: str) -> tuple[tuple[int, int], ...]:
    """Spans naming who came before in an ordinal comparison ("the second state ..., after Italy, to")."""
    if not (" after " in text or " behind " in text or " following " in text):
        return ()
    return tuple(m.span(1) for m in COMPARISON_ASIDE.finditer(text))


@lru_cache(maxsize=4096)
def attribution_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans naming whom a statement is attributed to (", the agency said.", "according to CNSA")."""
    if not any(word in text for word in _REPORTING_CUES):
        return ()
    return tuple(
        m.span(g)
        for m in ATTRIBUTION.finditer(text)
        for g in ("speaker", "speaker2", "speaker3")
        if m.group(g)
    )


def parties_in(
    sentence: Sentence,
    start: int,
    end: int,
    *,
    allow_demonym: bool = False,
    skip_modifiers: bool = True,
    include_frameworks: bool = False,
) -> list[tuple[Party, Mention]]:
    """Participants mentioned in `sentence.text[start:end]`, in order."""
    found = []
    asides = _comparison_asides(sentence.text)
    speakers = attribution_spans(sentence.text)
    for mention in sentence.mentions:
        if mention.start < start or mention.end > end:
            continue
        if asides and any(a <= mention.start < b for a, b in asides):
            continue  # "the third country, after Egypt and Ethiopia, to join": they came before
        if speakers and any(a <= mention.start < b for a, b in speakers):
            continue  # "..., Egypt's space agency said.": who said it, not who did it
        possessive = sentence.text[mention.end : mention.end + 2] in ("'s", "’s")
        if possessive and POSSESSOR_AS_PLACE.match(sentence.text, mention.end):
            continue  # "set up in 2014 on INPE's campus": where, not who
        if possessive and (
            (skip_modifiers and is_possessive_modifier(sentence, mention))
            or is_describing_apposition(sentence, mention)
        ):
            continue
        if mention.kind in ("country", "capital") and is_location_of_body(sentence, mention):
            continue
        if sentence.text[mention.end : mention.end + 1] in ("-", "‑") and PLACE_OF_BODY.match(
            sentence.text, mention.end
        ):
            continue  # "the Beijing-based APSCO": where a body sits
        if mention.kind == "capital" and (
            _in_dateline(sentence, mention) or CITY_AS_MODIFIER.match(sentence.text, mention.end)
        ):
            continue  # "LIMA, 3 May 2025 -": where the story was filed; "the Doha start-up": a place
        if mention.kind == "capital" and re.search(
            r"\b(?:in|at|near|outside|from|to)\s+(?:western\s+|central\s+)?$",
            sentence.text[max(0, mention.start - 20) : mention.start],
            re.I,
        ):
            continue  # "in Beijing": a place, not the government
        party = party_of(
            sentence, mention, allow_demonym=allow_demonym, include_frameworks=include_frameworks
        )
        if party is not None:
            found.append((party, mention))
    return found


def enumeration_before(
    sentence: Sentence, position: int, floor: int = 0, *, include_frameworks: bool = False
) -> list[tuple[Party, Mention]]:
    """The subject list ending just before `position`: the nearest participant, extended left over
    pure list connectors ("A, B and C"), plus "both A and ..." constructions."""
    candidates = parties_in(sentence, floor, position, include_frameworks=include_frameworks)
    if not candidates:
        return []
    chosen = [candidates[-1]]
    for party, mention in reversed(candidates[:-1]):
        gap = sentence.text[mention.end : chosen[0][1].start]
        if not CONNECTOR.match(gap):
            break
        chosen.insert(0, (party, mention))
    both = re.search(r"\bboth\s+", sentence.text[floor:position], re.IGNORECASE)
    if both:
        for party, mention in candidates:
            if mention.start == floor + both.end() and all(m is not mention for _, m in chosen):
                chosen.insert(0, (party, mention))
    return chosen


def enumeration_after(
    sentence: Sentence, position: int, limit: int | None = None, *, allow_demonym: bool = False
) -> list[tuple[Party, Mention]]:
    """The list that starts after `position`: participants separated only by list connectors or
    short descriptive words, stopping at the first gap that reads like a new clause."""
    limit = len(sentence.text) if limit is None else limit
    candidates = parties_in(sentence, position, limit, allow_demonym=allow_demonym)
    chosen: list[tuple[Party, Mention]] = []
    previous_end = position
    semicolons = False  # the list separates its items with ';'
    for party, mention in candidates:
        if mention.start < previous_end:
            continue  # named inside the brackets of the item before
        gap = sentence.text[previous_end : mention.start]
        close = sentence.text.find(")", previous_end, previous_end + 60) if "(" in gap else -1
        bracketed = False
        if (
            chosen
            and close >= 0
            and gap.lstrip().startswith("(")
            and not (gap.strip() == "(" and close == mention.end)  # "(IKI)": another name of the item
        ):  # "France (CNES, IRAP), ESA": the item's own brackets
            previous_end = close + 1
            if close >= mention.start:
                continue  # named inside them
            gap = sentence.text[previous_end : mention.start]
            bracketed = True
        if chosen and not CONNECTOR.match(gap) and not _short_descriptor(gap):
            break
        if not chosen and len(gap.split()) > 8:
            break
        if bracketed and ";" in gap and len(chosen) >= 2 and not semicolons:
            break  # "by Brazil, Russia, India, China (first summit); South Africa admitted 2011"
        semicolons = semicolons or (";" in gap and bool(chosen))
        chosen.append((party, mention))
        previous_end = mention.end
    return chosen


def _short_descriptor(gap: str) -> bool:
    """Gaps inside one list: connectors plus an acronym in brackets, a possessive owner
    ("Russia's"), a short relative clause (", which proposed the idea,") or a descriptor
    ("the Brazilian company")."""
    stripped = re.sub(r"\([A-Z][\w-]*\)", " ", gap)
    stripped = re.sub(r",\s+(?:which|who)\s+[^,;]{0,60},", ",", stripped)
    stripped = re.sub(
        r"\band,\s+(?:[a-z][\w-]*\s+){1,5}[a-z][\w-]*,\s*$", "and ", stripped
    )  # "and, rounding out the list,"
    stripped = re.sub(r"\b[A-Z][\w-]*['’]s\s", " ", stripped)
    stripped = re.sub(
        r"\b(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:company|firm|university|institute|agency|start-up)\s",
        " ",
        stripped,
    )
    return bool(CONNECTOR.match(stripped))


def proper_name_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of capitalised words (allowing 'of', 'and', 'for'... and numbers) in text[start:end]."""
    runs = []
    tokens = list(re.finditer(r"\S+", text[start:end]))
    i = 0
    while i < len(tokens):
        word = tokens[i].group().strip(',.;:()[]"“”')
        if re.search(r"['’]s$", word) and i + 1 < len(tokens):
            i += 1  # "France's Planetary ...": the name starts after the possessive
            continue
        if _PROPER_WORD.fullmatch(word) and word[:1].isupper():
            j = i
            last = i
            while j + 1 < len(tokens):
                nxt = tokens[j + 1].group().strip(',.;:()[]"“”')
                raw = tokens[j].group()
                if raw.endswith((",", ";", ":", ")")):
                    break
                if _PROPER_WORD.fullmatch(nxt) or nxt.lower() in _NAME_GLUE:
                    j += 1
                    if _PROPER_WORD.fullmatch(nxt):
                        last = j
                else:
                    break
            s = start + tokens[i].start()
            e = start + tokens[last].end()
            while e > s and text[e - 1] in ',.;:)]"”':
                e -= 1
            runs.append((s, e))
            i = j + 1
        else:
            i += 1
    return runs


def nearest_date(
    dates: list[DateMention], position: int, start: int = 0, end: int | None = None
) -> str | None:
    """The date mention closest to `position` within [start, end), preferring ones after it."""
    end = 10**12 if end is None else end
    inside = [d for d in dates if d.start >= start and d.end <= end]
    if not inside:
        return None
    best = min(
        inside, key=lambda d: abs(d.start - position) if d.start >= position else 2 * (position - d.end)
    )
    return best.value


def home_country(party: Party, words: int = 2) -> str | None:
    """The country a party belongs to: itself, or the country its name says within its first `words`
    words ("Egypt Space Agency", "Italian Space Agency")."""
    if party.member_type == "country":
        return party.name
    if party.is_chinese:
        return CHINA
    home = Gazetteer.default().home(party.name)  # the registry places it ("Roscosmos": Russia)
    if home:
        return home[0]
    for word in party.name.replace("-", " ").split()[:words]:
        country = Gazetteer.default().country(word, ("country", "demonym"))
        if country:
            return country[0]
    of_country = re.search(r"\bof\s+(?:the\s+)?([A-Z][\w ]+)$", party.name)  # "... Institute of Thailand"
    if of_country:
        country = Gazetteer.default().country(of_country.group(1), ("country",))
        if country:
            return country[0]
    return None


def header_columns(
    header: Sentence, patterns: tuple[tuple[str, re.Pattern[str]], ...], *, repeated: Collection[str] = ()
) -> dict[str, list[int]]:
    """Which table columns hold what, told by their header words: each header cell takes the first
    pattern it matches. A name not in `repeated` keeps only its first column (a later cell goes on to
    the next pattern)."""
    columns: dict[str, list[int]] = {}
    for index, (start, end) in enumerate(header.cells):
        text = header.text[start:end]
        for name, pattern in patterns:
            if (name in columns and name not in repeated) or not pattern.search(text):
                continue
            columns.setdefault(name, []).append(index)
            break
    return columns


def is_prose_row(sentence: Sentence) -> bool:
    """A table row with a cell that tells a whole event ("| May 2018 | Oman's minister signs ... |")."""
    return any(
        len(sentence.text[start:end].split()) >= 8
        and sentence.text[start:end].rstrip(" *_").endswith((".", "!"))
        for start, end in sentence.cells
    )


# "the two governments", "the five agencies": how many a group noun counts
COUNT_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


# A verbless line of fragments set apart by dashes or bars, as on a slide or in a terse timeline:
# "9 Mar 2021 – CNSA / Roscosmos – MoU – joint construction of the station"
FRAGMENT_SEPARATOR = re.compile(r"\s+[–—]\s+|\s+-{1,2}\s+|\s+\|\s+")
LIST_MARKER = re.compile(r"^\s*(?:[-*+•▪‣◦]|\d{1,3}[.)])\s+")
PARTY_GLUE = re.compile(r"^(?:\s|[,/+&()·]|and\b|with\b|the\b)*$", re.IGNORECASE)


def fragments(sentence: Sentence) -> list[tuple[int, int]]:
    """The spans of a fragment line's pieces (three or more), else []."""
    text = sentence.text
    if "–" not in text and "—" not in text and " - " not in text and " | " not in text and "--" not in text:
        return []
    marker = LIST_MARKER.match(text)
    start = marker.end() if marker else 0
    spans, position = [], start
    for separator in FRAGMENT_SEPARATOR.finditer(text, start):
        spans.append((position, separator.start()))
        position = separator.end()
    spans.append((position, len(text.rstrip(" .;"))))
    return spans if len(spans) >= 3 and all(b > a for a, b in spans) else []


def party_fragment(sentence: Sentence, span: tuple[int, int]) -> list[tuple[Party, Mention]]:
    """The participants a fragment consists of ("CNSA / Roscosmos", "China + Russia", "UAE (MBRSC)"),
    or [] when it holds anything else."""
    start, end = span
    found = parties_in(sentence, start, end)
    if not found:
        return []
    rest, position = [], start
    for mention in sorted((m for m in sentence.mentions if start <= m.start < end), key=lambda m: m.start):
        rest.append(sentence.text[position : mention.start])
        position = max(position, mention.end)
    rest.append(sentence.text[position:end])
    return found if all(PARTY_GLUE.match(piece) for piece in rest) else []
