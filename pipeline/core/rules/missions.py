"""Mission statements: a mission named, its target, its launch (date, site, vehicle) and its
non-Chinese partners.

- ``rule:mission``   a mission named in a sentence, with a target near it
- ``rule:launch``    a launch verb with date, site and vehicle ("lifted off from ... on July 23")
- ``rule:partners``  "payloads from A, B and C", "collaborated with A", "a joint mission between A and B"
- ``table:mission``  a mission named in a table row: the row's country is a partner

A launch sentence that names no mission (a photo caption) joins the mission launched on the
same day elsewhere in the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

from pipeline.core.claims import MissionClaim, Span
from pipeline.core.gazetteer import Gazetteer, Mention
from pipeline.core.modality import DENIAL_VERB, NEGATION, NOT_STOPPED, clause_start, is_asserted, is_stated
from pipeline.core.reading import Document, Sentence
from pipeline.core.rules.common import (
    CHINA,
    CHINESE_NAME,
    Party,
    enumeration_after,
    enumeration_before,
    fragments,
    header_columns,
    home_country,
    nearest_date,
    parties_in,
    party_of,
)

# "the Wenchang Satellite Launch Center", "Xichang Launch Site": a launch site written out
NAMED_LAUNCH_SITE = (
    r"(?:(?-i:[A-Z])[\w-]*\s+){1,3}?(?:Satellite\s+|Space\s+)?Launch(?:ing)?\s+"
    r"(?:Center|Centre|Site|Complex|Base)"
)
LAUNCH = re.compile(
    r"\b(?:launch(?:ed|es)?|lifts?\s+off|lifted\s+off|blast(?:ed|s)?\s+off|took\s+off|takes\s+off|"
    r"rocketed|sent\s+aloft|was\s+sent\s+into|liftoff|lift-off|flew\s+(?:[\w-]+\s+){0,4}?(?:on|aboard)|"
    r"lifting\s+off|blasting\s+off|roared\s+(?:off|into|away)|"
    r"(?:went|goes)\s+up(?=\s+(?:on|from|out\s+of|aboard|at|in|\d))|"  # "CBERS-4A goes up on a Long March 4B"
    # "left the Wenchang Satellite Launch Center on 23 July": leaving a launch site, or the Earth
    rf"(?:left|leaves|departed|departs)\s+(?:from\s+)?(?:the\s+)?{NAMED_LAUNCH_SITE}|"
    r"(?:left|leaves)\s+(?:the\s+)?Earth\b|(?:left|leaves|cleared|clears)\s+the\s+(?:launch\s+)?(?:pad|tower)\b|"
    r"(?:rides|rode)\s+(?:on|aboard)|"
    r"(?:placed|placing|put|putting|carried|delivered|inserted)\s+(?:[\w,'’-]+\s+){0,5}?(?:in|into)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?orbit)\b"
    # the noun of a trade, not an event: "a launch-services contract", "the launch provider"
    r"(?![\s-]+(?:services?|contracts?|provider|market|company|firm|slot|agreement|deal)\b)",
    re.IGNORECASE,
)
PARTNER_CUES = re.compile(
    r"\b(?:payloads?|instruments?|experiments?|devices?|equipment|detectors?|cubesats?|dosimeters?|"
    r"spectrometers?|magnetometers?|analy[sz]ers?|cameras?|imagers?|telescopes?|reflectors?|retroreflectors?|"
    r"antennas?|radars?|sensors?|monitors?|seismometers?)\s+"
    r"(?:\w+\s+){0,3}?(?:from|by|of|provided\s+by|built\s+by|developed\s+by|contributed\s+by)|"
    r"\b(?:collaborat\w*|cooperat\w*|partner\w*|work\w*|teamed\s+up)\s+with|"
    r"\bjoint\s+(?:\w+\s+)?(?:mission|project|venture|programme|program)\s+(?:between|with|of|by)|"
    r"\bin\s+(?:cooperation|collaboration|partnership|conjunction)\s+with|"
    r"\bwith\s+(?:the\s+)?(?:participation|contributions?|support|help)\s+(?:of|from)|"
    r"\b(?:teams?|scientists|researchers|engineers|experts|partners|students|universities|institutions|"
    r"contributors)\s+(?:from|of|at|in)\b|"
    r"\b(?:built|supplied|provided|developed|contributed|made|procured|owned|operated|ordered|commissioned|"
    r"bought)\s+by\b|\bbelonging\s+to\b|"
    r"\b(?:built|developed|made|designed|shared|operated|produced)\s+(?:jointly\s+)?(?:with|between)\b|"
    r"\bpartners\s*:|\bas\s+partners\b[^:.;]{0,100}:",  # "Partners: ESA, France", "we list as partners ...:"
    re.IGNORECASE,
)
NO_CONTRIBUTION = re.compile(
    r"\bno\s+(?:[\w-]+\s+){0,2}?(?:instruments?|payloads?|experiments?|hardware|partners?|role|part|"
    r"contributions?|participation|involvement)\b",
    re.IGNORECASE,
)
SUPPLY = re.compile(
    r"\b(?:supplied|provided|contributed|delivered|furnished|donated|help(?:s|ed)?\s+(?:to\s+)?track)\b",
    re.IGNORECASE,
)
SATELLITE_NOUN = r"(?:satellite|cubesat|nanosatellite|microsatellite|smallsat|spacecraft|probe)"
OWNED = re.compile(rf"['’]s\s+(?:[\w-]+\s+){{0,4}}?{SATELLITE_NOUN}\b", re.IGNORECASE)
_HARDWARE = (
    r"(?:instruments?|payloads?|detectors?|hardware|experiments?|rovers?|landers?|cameras?|spectrometers?)"
)
# "Italian instruments", "the Bahraini–Egyptian camera"
NATIONAL_HARDWARE = re.compile(r"(?:[-–/]\w+)?\s+(?:[\w-]+\s+){0,2}?" + _HARDWARE + r"\b", re.IGNORECASE)
# "a UAE-built rover", "the Pakistan-made camera"
MADE_IN = re.compile(
    r"[-‑](?:built|made|designed|developed|supplied)\s+(?:[\w-]+\s+){0,2}?" + _HARDWARE + r"\b", re.IGNORECASE
)
ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?", re.IGNORECASE)
FACT_LABEL = re.compile(
    r"^\W*(?P<label>missions?|spacecraft|(?:international\s+|foreign\s+)?payloads?|(?:international\s+)?partners|"
    r"(?:launch\s+)?vehicle|rocket|launcher|(?:launch\s+)?site|launch\s+pad|(?:launch\s+)?date(?:\s*/\s*time)?|"
    r"lift-?off(?:\s+date)?|launched|(?:target(?:\s+orbit)?|orbit|destination))[^\w\n]*?(?::|\s[—–-]|[—–]|\|)\s*",
    re.IGNORECASE,
)
MULTINATIONAL = re.compile(
    r"\b(?:European|International|Asia-Pacific|African|Arab|Regional|Inter\w+|United\s+Nations)\b"
)
OTHER_LABEL = re.compile(r"^\W*[A-Za-z][\w /()&-]{1,40}?\W*?(?::|\s[—–]|\|)\s")
SITE_CITY = re.compile(
    r"\b(?:from|at|out\s+of)\s+(?:the\s+)?([A-Z][a-z]+)\b(?!\s+(?:Satellite|Space|Launch|Spacecraft))"
)
MISSION_ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?:mission|probe|spacecraft|lander|rover|orbiter|satellite|explorer|craft)\b",
    re.I,
)
ORBITAL_NOUNS = re.compile(r"\b(?:space\s+station|satellites?|station|constellation|telescope)\b", re.I)
TARGET_WINDOW = 90
LIST_GLUE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)")
# "ETRSS-1, Ethiopia's first Earth-observation satellite": an apposition saying what the mission is.
APPOSITIVE_SATELLITE = re.compile(
    r",\s+(?:(?:an?|the|its|their|[A-Z][\w-]+['’]s)\s+)(?:[\w-]+\s+){0,3}?"
    r"(?:satellite|cubesat|smallsat|microsatellite|nanosatellite|space\s+station|space\s+telescope|"
    r"constellation)\b",
    re.IGNORECASE,
)
PARTY_KINDS = frozenset({"country", "capital", "demonym", "agency", "institution"})


def _is_chinese(mention: Mention) -> bool:
    if mention.iso3 == "CHN" or CHINESE_NAME.search(mention.canonical) is not None:
        return True
    return mention.kind in ("agency", "institution") and Gazetteer.default().placed_in_china(
        mention.canonical
    )


# Between a body and the country placing it: "(IRF) in Kiruna, ", " of the University of Tartu, "
PLACED_AFTER = re.compile(
    r"\s*(?:of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,4}\s*)?(?:\([^)]*\))?\s*"
    r"(?:,|in)\s+(?:[A-Z][\w’'-]+,?\s+)?"
)


def _partner(party: Party, sentence: Sentence, mention: Mention) -> str | None:
    """Partners are countries and agencies; an institution stands for its country where the text
    says which ("X in Germany", "Peru's X", "the Austrian Academy ...")."""
    if party.is_chinese:
        return None
    if party.member_type == "country":
        return party.name
    named = [m for m in sentence.mentions if m.end <= mention.start and m.canonical == mention.canonical]
    if named and re.fullmatch(r"\s*\(\s*", sentence.text[named[-1].end : mention.start]):
        return _partner(party, sentence, named[-1])  # "Spain's Instituto ... (IAC)": the name placed it
    if party.member_type == "space_agency":  # a national agency stands for its country
        home = home_country(party, words=8)
        return None if home == "China" else home or party.name
    registered = Gazetteer.default().home(party.name)
    if registered:  # a national institute the registry places ("Space Research Institute ...": Russia)
        return None if registered[1] == "CHN" else registered[0]
    inside = [
        m
        for m in sentence.mentions
        if m.kind in ("country", "demonym") and mention.start <= m.start < mention.end
    ]
    for m in inside:
        return m.canonical if m.iso3 != "CHN" else None
    for m in sentence.mentions:
        gap = sentence.text[mention.end : m.start]
        if (
            m.kind == "country"
            and m.start >= mention.end
            and (
                PLACED_AFTER.fullmatch(gap)
                or (gap.strip() == "(" and sentence.text[m.end : m.end + 1] == ")")
            )
        ):  # "X (IRF) in Kiruna, Sweden", "X of the Y, Estonia", "Kiel University (Germany)"
            return m.canonical if m.iso3 != "CHN" else None
    owner = re.search(
        r"([A-Z][\w-]+)['’]s\s+(?:[\w-]+\s+){0,3}$", sentence.text[max(0, mention.start - 60) : mention.start]
    )
    words = party.name.split()  # the full name, also where the text wrote an acronym
    leads = [owner.group(1)] if owner else []
    leads += [
        " ".join(words[:k]) for k in range(min(3, len(words)), 0, -1)
    ]  # "Cook Islands Meteorological ..."
    leads += words
    for lead in leads:
        for kinds in (("country",), ("demonym",)):
            country = Gazetteer.default().country(lead, kinds)
            if country:
                return country[0] if country[1] != "CHN" else None
    return party.name


def _target(sentence: Sentence, mention: Mention, missions: list[Mention]) -> str | None:
    """The target named nearest after the mission (else before), not closer to another mission."""
    best, distance = None, None
    for target in sentence.of_kind("target"):
        gap = target.start - mention.end if target.start >= mention.end else 2 * (mention.start - target.end)
        if gap < 0 or gap > 2 * TARGET_WINDOW:
            continue
        low, high = sorted((mention.start, target.start))
        between = [o for o in missions if o is not mention and low < o.start < high]
        if between and not _listed_together(sentence.text, mention, between, target.start > mention.start):
            continue  # another mission stands between them
        if distance is None or gap < distance:
            best, distance = target.canonical, gap
    if best is None:
        after = sentence.text[mention.end : mention.end + 40]
        adjacent = (
            ORBITAL_NOUNS.match(after.lstrip(" ’'s"), 0)
            or re.match(
                r"\s+(?:\w+\s+){0,2}?(?:space\s+station|satellites?|constellation|telescope)\b", after, re.I
            )
            or APPOSITIVE_SATELLITE.match(sentence.text, mention.end)
        )
        names = [sentence.surface(m) for m in sentence.of_kind("mission") if m.canonical == mention.canonical]
        if adjacent or any(ORBITAL_NOUNS.search(name) for name in names):
            return "Earth orbit"
    return best


def _partners(sentence: Sentence) -> list[str]:
    """Non-Chinese participants: every list after a partner cue, every "... from X", possessive
    owners ("Pakistan's cubesat"), suppliers ("Italy provided the detector") and national
    hardware ("Italian instruments", "two of its instruments are French")."""
    found: list[str] = []
    if not any(m.kind in PARTY_KINDS and not _is_chinese(m) for m in sentence.mentions):
        return found  # every partner found below is a non-Chinese mention or stands for one

    def add(name: str | None, start: int, end: int) -> None:
        if NO_CONTRIBUTION.search(sentence.text, start, end):
            return  # "no instrument from NASA or ESA"
        if name and name not in found and is_stated(sentence.text, start, end):
            found.append(name)

    cues = list(PARTNER_CUES.finditer(sentence.text))
    if cues:  # "collaborated with A on X and with B and C on Y": each "with" after the cue
        cues += [m for m in re.finditer(r"\band\s+with\b", sentence.text) if m.start() > cues[0].start()]
        cues += [m for m in ORIGIN.finditer(sentence.text) if m.start() > cues[0].start()]
    for cue in cues:
        floor = clause_start(sentence.text, cue.start())
        for party, mention in enumeration_after(sentence, cue.end(), allow_demonym=True):
            add(_partner(party, sentence, mention), floor, mention.end)
    if cues:
        for mention in sentence.mentions:
            possessive = sentence.text[mention.end : mention.end + 2] in ("'s", "’s")
            party = party_of(sentence, mention) if possessive and mention.start > cues[0].start() else None
            if party:
                add(_partner(party, sentence, mention), cues[0].start(), mention.end)
    for verb in SUPPLY.finditer(sentence.text):
        if re.match(r"\s+by\b", sentence.text[verb.end() :]):
            continue
        floor = clause_start(sentence.text, verb.start())
        for party, mention in enumeration_before(sentence, verb.start(), floor)[-3:]:
            add(_partner(party, sentence, mention), floor, verb.end())
    for mention in sentence.mentions:
        if mention.kind not in ("demonym", "country") or mention.iso3 == "CHN":
            continue
        if MADE_IN.match(sentence.text, mention.end) or (
            mention.kind == "demonym" and NATIONAL_HARDWARE.match(sentence.text, mention.end)
        ):
            add(mention.canonical, 0, mention.end)
    predicate = re.search(r"\b(?:instruments?|payloads?)\s+(?:are|were)\s+([A-Z]\w+)", sentence.text)
    if predicate:
        country = Gazetteer.default().country(predicate.group(1), ("demonym",))
        if country and country[1] != "CHN":
            add(country[0], 0, predicate.end())
    return found


def _claim(doc: Document, sentence: Sentence, name: str, method: str, **attributes: object) -> MissionClaim:
    start, end = sentence.original_span()
    return MissionClaim(
        name=name,
        target=attributes.get("target"),  # type: ignore[arg-type]
        launch_date=attributes.get("launch_date"),  # type: ignore[arg-type]
        launch_site=attributes.get("launch_site"),  # type: ignore[arg-type]
        launch_vehicle=attributes.get("launch_vehicle"),  # type: ignore[arg-type]
        partners=tuple(sorted(set(attributes.get("partners") or ()))),  # type: ignore[arg-type]
        span=Span(doc.doc_id, start, end, method),
    )


def _launch(sentence: Sentence, lo: int = 0, hi: int | None = None) -> dict[str, str | None] | None:
    """Date, site and vehicle of a launch stated (not planned) in the sentence, or in its part
    [lo, hi) when it tells several launches."""
    hi = len(sentence.text) if hi is None else hi
    match = LAUNCH.search(sentence.text, lo, hi)
    if not match:
        return None
    floor = max(lo, clause_start(sentence.text, match.start()))
    departed = LEFT_FOR_SPACE.sub(
        "rose", LEFT_A_PLACE.sub("rose", sentence.text)
    )  # "left Jiuquan", "left the pad"
    if not is_asserted(departed, floor, min(len(sentence.text), match.end() + 60)):
        return None
    sites = [m.canonical for m in sentence.of_kind("launch_site") if lo <= m.start < hi]
    if not sites:
        sites = [site for site in map(_site_of_city, SITE_CITY.findall(sentence.text, lo, hi)) if site]
    vehicles = [m for m in sentence.of_kind("launch_vehicle") if lo <= m.start < hi]
    date = None
    day_dates = [d for d in sentence.dates if d.precision == "day" and lo <= d.start < hi]
    if day_dates:
        date = min(day_dates, key=lambda d: abs(d.start - match.start())).value
    else:
        date = nearest_date(sentence.dates, match.end(), floor, hi)
    lead = sentence.lead_date  # "09  ::  2024  ::  Einstein Probe lifts off ...": the entry's full date
    if lead and (date is None or (len(lead) > len(date) and lead.startswith(date))):
        date = lead
    result = {
        "launch_date": date,
        "launch_site": sites[0] if sites else None,
        "launch_vehicle": vehicles[0].canonical if vehicles else None,
    }
    return result if any(result.values()) else None


PLANNED_MARK = re.compile(
    r"(?i)\(\s*plan|\bplanned\b|~|\bTBD\b|\bNET\b|\bno\s+earlier\b|\bexpected\b|\bscheduled\b"
)


INSTRUMENT_HEADER = re.compile(r"(?i)\b(?:instruments?|agreements?|memorand\w*|treat(?:y|ies)|documents?)\b")
MISSION_HEADER = re.compile(
    r"(?i)\b(?:missions?|launch\w*|spacecraft|satellites?|payloads?|vehicle|rocket)\b"
)


def _instruments_table(doc: Document, header: int | None) -> bool:
    """Is the table whose header is block `header` a table of instruments, with no mission column?"""
    if header is None:
        return False
    text = " ".join(s.text for s in doc.sentences if s.block_index == header)
    return bool(INSTRUMENT_HEADER.search(text)) and not MISSION_HEADER.search(text)


def _label_mission(doc: Document, sentence: Sentence) -> str | None:
    """The mission a paragraph opens with as its run-in label ("Tianwen-2." or "**Tianwen-2**"), when
    the sentence is in that paragraph."""
    first = next((s for s in doc.sentences if s.block_index == sentence.block_index), None)
    if first is None or first is sentence:
        return None
    missions = first.of_kind("mission")
    if (
        len(missions) == 1
        and not first.text[: missions[0].start].strip(" *_#")
        and (not first.text[missions[0].end :].strip(" *_.:—–-"))
    ):
        return missions[0].canonical
    return None


def _fragment_launch(sentence: Sentence, missions: list[Mention]) -> dict[str, str | None] | None:
    """A fragment line opening with a mission and giving its launch: "Chang'e 6 – 3 May 2024 – LM-5 –
    Wenchang – far-side samples" (a full date and a vehicle or site; nothing marked as planned)."""
    pieces = fragments(sentence) if len(missions) == 1 else []
    if not pieces or missions[0].start != pieces[0][0] or PLANNED_MARK.search(sentence.text):
        return None
    text = sentence.text
    alone = [d for d in sentence.dates if any(text[a:b].strip() == text[d.start : d.end] for a, b in pieces)]
    vehicles = sentence.of_kind("launch_vehicle")
    sites = [m.canonical for m in sentence.of_kind("launch_site")]
    sites += [site for site in map(_site_of_city, SITE_CITY.findall(text)) if site]
    sites += [site for a, b in pieces if (site := _site_of_city(text[a:b].strip()))]  # "– Wenchang –"
    if not alone or len(alone[0].value) < 7 or not (vehicles or sites):
        return None
    return {
        "launch_date": alone[0].value,
        "launch_site": sites[0] if sites else None,
        "launch_vehicle": vehicles[0].canonical if vehicles else None,
    }


def _listed_together(text: str, mention: Mention, others: list[Mention], forward: bool) -> bool:
    """'Chang'e 6 and Chang'e 7 are lunar missions': the missions between `mention` and a target
    continue one list with it, so the target is shared."""
    chain = [mention, *others] if forward else [*others, mention]
    return all(LIST_GLUE.fullmatch(text[a.end : b.start]) for a, b in pairwise(chain))


def _manifest_item(
    doc: Document,
    sentence: Sentence,
    missions: list[Mention],
    recent: tuple[int, dict[str, str | None], Sentence] | None,
) -> MissionClaim | None:
    """An item of the payload list of a launch just reported ("Four of the seven satellites belong to
    international customers: - KHANGAI-1, a 6U cubesat built by students of the National University
    of Mongolia"): the launch's details, and the countries the item names as partners."""
    if recent is None or sentence.block.kind != "list_item" or not missions or sentence.block.context is None:
        return None
    block, launch, launch_sentence = recent
    if not 0 < sentence.block.context - block <= 2 or missions[0].start > 12:
        return None
    name = missions[0]
    orbit = "Earth orbit" if ORBIT_WORDS.search(launch_sentence.text) else None
    target = _target(sentence, name, missions) or next(
        (m.canonical for m in launch_sentence.of_kind("target")), orbit
    )
    partners = _cell_partners(sentence, name.end, len(sentence.text))
    return _claim(doc, sentence, name.canonical, "list:manifest", target=target, partners=partners, **launch)


# "aboard Chang'e 6", "rode to the Moon on Chang'e 6": the mission after carries the one named before
CARRIED_ON = re.compile(
    r"(?i)\b(?:aboard|on\s+board(?:\s+of)?|onboard|riding\s+on|carried\s+(?:by|on)|hitched\s+a\s+ride\s+on|"
    r"(?:rode|flew|flown|went|travell?ed)\b[^.;]{0,40}?\b(?:on|with))\s+(?:the\s+)?\Z"
)
# "Chang'e 6 ... carrying four foreign payloads: ... ICUBE-Q": the mission before carries the one after
CARRYING = re.compile(r"(?i)\b(?:carrying|carried|carries|with\s+(?:\w+\s+){0,3}payloads?)\b")


def _in_first_mission_cell(sentence: Sentence, missions: list[Mention]) -> list[Mention]:
    cell = next(((b, e) for b, e in sentence.cells if b <= missions[0].start < e), None)
    return [m for m in missions if cell is None or cell[0] <= m.start < cell[1]]


def _carrier(sentence: Sentence, missions: list[Mention]) -> str | None:
    """Of two missions in a sentence, the one that carries the other as a payload, if the text says so."""
    first, second = missions
    if CARRIED_ON.search(sentence.text[max(first.end, second.start - 60) : second.start]):
        return second.canonical
    if CARRYING.search(sentence.text, first.end, second.start) and not CARRYING.search(
        sentence.text, 0, first.start
    ):
        return first.canonical
    return None


TOGETHER_WITH = re.compile(r"(?i)\b(?:together\s+with|along\s+with|alongside|as\s+well\s+as)\s+(?:the\s+)?$")
CARRYING_LIST = re.compile(r"(?i)\b(?:with|carrying|carried|bearing)\b")
APPOSITION = re.compile(r"^\s*,[^,;()]{1,80},")


def _launch_parts(sentence: Sentence) -> list[tuple[int, int]]:
    """The parts of a sentence telling several launches, one launch verb each, cut at the last comma or
    "and" between two verbs ("Chang'e 6, launched on 3 May, and ... PakSat-MM1 ... on 30 May")."""
    verbs = [
        v
        for v in LAUNCH.finditer(sentence.text)
        if not any(m.start <= v.start() < m.end for m in sentence.mentions)  # not "Xichang ... Launch Center"
    ]
    if len(verbs) < 2:
        return []
    cuts = [0]
    for verb, following in pairwise(verbs):
        joints = list(PART_JOINT.finditer(sentence.text, verb.end(), following.start()))
        cuts.append(joints[-1].start() if joints else following.start())
    parts = list(pairwise([*cuts, len(sentence.text)]))
    dated = [{d.value for d in sentence.dates if lo <= d.start < hi} for lo, hi in parts]
    if not all(dated) or len(set.union(*dated)) < len(parts):
        return []  # one launch told twice ("lifted off ..., placing Kuafu-2 into orbit"), or undated parts
    return parts


PART_JOINT = re.compile(r",\s|;|\sand\s")


def _launched(sentence: Sentence, missions: list[Mention], lo: int = 0) -> set[str]:
    """The missions a launch verb is about: the only one, else the one just before a passive or
    intransitive verb ("Queqiao-2 is launched ... to relay signals for Chang'e 6"), the list just
    after an active one ("China launched ETRSS-1 ..."), or the list it carries ("a Zhuque-2E lifts
    off ... with Spice-1 and Tagaloa-1 on board")."""
    if len(missions) == 1:
        return {missions[0].canonical}
    verb = LAUNCH.search(sentence.text, lo)
    if verb is None:
        return set()
    text = sentence.text
    missions = [m for m in sentence.of_kind("mission") if m.start >= lo]  # every mention, not one per mission
    floor = max(lo, clause_start(text, verb.start()))
    before = [m for m in missions if floor <= m.start and m.end <= verb.start()]
    if before:
        gap = text[before[-1].end : verb.start()]
        if len(APPOSITION.sub(" ", gap, count=1).split()) <= 4:  # "M, the second ... satellite, is launched"
            return {before[-1].canonical}
    after = [m for m in missions if m.start >= verb.end()]
    if after and len(text[verb.end() : after[0].start].split()) <= 3:
        return {m.canonical for m in _listed_from(text, after)}
    carried = CARRYING_LIST.search(text, verb.end())
    if carried:
        listed = [m for m in after if m.start >= carried.end()]
        if listed and len(text[carried.end() : listed[0].start].split()) <= 3:
            return {m.canonical for m in _listed_from(text, listed)}
    return set()


def _listed_from(text: str, missions: list[Mention]) -> list[Mention]:
    """The first of `missions` and those that continue a list with it ("M1, M2 and M3")."""
    run = missions[:1]
    for following in missions[1:]:
        gap = text[run[-1].end : following.start]
        if LIST_GLUE.fullmatch(gap.lower()):
            run.append(following)
        elif ";" in gap or len(gap) >= 120:
            break
        elif TOGETHER_WITH.search(
            gap
        ):  # "carrying CBERS-4A, the sixth CBERS satellite, ..., together with ETRSS-1"
            run.append(following)
    return run


def _site_of_city(city: str) -> str | None:
    """'from Xichang' in a launch sentence: the launch site named after that city, if one is known."""
    gazetteer = Gazetteer.default()
    for suffix in ("Satellite Launch Center", "Space Launch Site", "Cosmodrome", "Space Center"):
        entry = gazetteer.lookup(f"{city} {suffix}")
        if entry is not None and entry.kind == "launch_site":
            return entry.canonical
    return None


# Launch tables: which column holds what, by its header words (checked in this order).
LAUNCH_COLUMNS = (
    (
        "partners",
        re.compile(r"(?i)foreign|partner|international|contribut|participa|countr|abroad|custom|client"),
    ),
    ("date", re.compile(r"(?i)\bdate|\bwhen\b|\butc\b|launched\b|\bday\b")),
    ("vehicle", re.compile(r"(?i)launcher|vehicle|rocket|carrier|\blv\b")),
    ("site", re.compile(r"(?i)\bpad\b|site|\bbase\b|spaceport|cent(?:er|re)|cosmodrome|\bfrom\b")),
    ("target", re.compile(r"(?i)target|bound|destination|orbit|headed|\bto\b")),
    ("mission", re.compile(r"(?i)spacecraft|mission|satellite|payload|probe|name")),
)
NOT_YET = re.compile(r"(?i)\b(?:planned|NET|TBD|no earlier than|expected|proposed)\b")
ORBIT_WORDS = re.compile(r"(?i)\b(?:orbit|LEO|GEO|SSO|geostationary|sun-synchronous)\b")
TABLE_NAME = re.compile(r"[A-Z][\w'’.-]*(?:[ -][\w'’.-]+){0,3}")


def _titled_mission(doc: Document, first: Sentence, reach: int = 12) -> list[str]:
    """The mission named last in the few blocks above a run of labelled fields."""
    index = next((i for i, s in enumerate(doc.sentences) if s is first), 0)
    named = [
        m.canonical
        for sentence in doc.sentences[max(0, index - reach) : index]
        for m in sentence.of_kind("mission")
        if not m.canonical.startswith("Artemis")
    ]
    numbered = [name for name in named if name[-1:].isdigit()]  # "CSES-2" rather than its series
    return (numbered or named)[:1]


def _launch_table(doc: Document) -> Iterator[MissionClaim]:
    """Rows of a table of launches ("Date | Launcher | Spacecraft | Pad | Foreign payloads | Bound
    for"), whatever the header words and column order."""
    headers = {s.block_index: s for s in doc.sentences if s.block.kind == "table_header"}
    for sentence in doc.sentences:
        header = headers.get(sentence.block.context) if sentence.block.kind == "table_row" else None
        if header is None or not sentence.cells:
            continue
        columns = _launch_columns(header)
        if "mission" not in columns or len(columns) < 3 or columns["mission"] >= len(sentence.cells):
            continue
        cell = {name: sentence.cells[i] for name, i in columns.items() if i < len(sentence.cells)}
        start, end = cell["mission"]
        names = [
            m.canonical for m in _distinct(m for m in sentence.of_kind("mission") if start <= m.start < end)
        ]
        if not names and TABLE_NAME.fullmatch(sentence.text[start:end]):
            names = [sentence.text[start:end]]  # the spacecraft column names it, known or not
        if not names:
            continue
        attributes: dict[str, object] = {}
        for name, kind in (("vehicle", "launch_vehicle"), ("site", "launch_site")):
            if name in cell and not NOT_YET.search(_cell_text(sentence, cell[name])):
                found = [
                    m.canonical for m in sentence.of_kind(kind) if cell[name][0] <= m.start < cell[name][1]
                ]
                if not found and name == "site":
                    found = [
                        x
                        for x in map(
                            _site_of_city, re.findall(r"[A-Z][a-z]+", _cell_text(sentence, cell[name]))
                        )
                        if x
                    ]
                attributes[f"launch_{name}"] = found[0] if found else None
        if "date" in cell and not NOT_YET.search(_cell_text(sentence, cell["date"])):
            dates = [d for d in sentence.dates if cell["date"][0] <= d.start < cell["date"][1]]
            attributes["launch_date"] = dates[0].value if dates else None
        if "target" in cell:
            ts, te = cell["target"]
            targets = [m.canonical for m in sentence.of_kind("target") if ts <= m.start < te]
            attributes["target"] = (
                targets[0]
                if targets
                else ("Earth orbit" if ORBIT_WORDS.search(sentence.text[ts:te]) else None)
            )
        if "partners" in cell:
            attributes["partners"] = _cell_partners(sentence, *cell["partners"])
        for name in names:
            yield _claim(doc, sentence, name, "table:launches", **attributes)


def _launch_columns(header: Sentence) -> dict[str, int]:
    return {name: indices[0] for name, indices in header_columns(header, LAUNCH_COLUMNS).items()}


def _cell_text(sentence: Sentence, cell: tuple[int, int]) -> str:
    return sentence.text[cell[0] : cell[1]]


def _cell_partners(sentence: Sentence, start: int, end: int) -> list[str]:
    """Partners listed in a payload cell or field, one item per ';'-separated segment: the countries
    it names (an institute or national agency stands for its country), and multinational bodies
    such as the European Space Agency by name."""
    found: list[str] = []
    position = start
    for segment in [*sentence.text[start:end].split(";")]:
        seg_start, seg_end = position, position + len(segment)
        position = seg_end + 1
        parties = [
            (p, m)
            for p, m in parties_in(sentence, seg_start, seg_end, allow_demonym=True, skip_modifiers=False)
            if not p.is_chinese
        ]
        countries = [p.name for p, _ in parties if p.member_type == "country"]
        for party, mention in parties:
            if party.member_type == "country":
                name = party.name
            else:
                home = home_country(party, words=8)
                if home is None and MULTINATIONAL.search(party.name):
                    name = party.name  # a multinational body: the European Space Agency
                elif countries or home:
                    name = home
                else:
                    name = _partner(party, sentence, mention)
            if name and name != "China" and name not in found:
                found.append(name)
    return found


def _fact_sheet(doc: Document) -> Iterator[MissionClaim]:
    """'Mission: X / Vehicle: Y / Site: Z / Date: D' lines: one launch, stated field by field."""
    run: list[tuple[str, Sentence]] = []
    last_label_block = -10
    for sentence in [*doc.sentences, None]:
        match = FACT_LABEL.match(sentence.text) if sentence is not None else None
        if match and (not run or sentence.block_index - last_label_block <= 1):
            run.append((match.group("label").lower(), sentence))
            last_label_block = sentence.block_index
            continue
        if sentence is not None and run and OTHER_LABEL.match(sentence.text):
            last_label_block = sentence.block_index  # "DESIGN LIFETIME — 6 years": the card goes on
            continue
        yield from _fact_sheet_claims(doc, run)
        run = [(match.group("label").lower(), sentence)] if match else []


def _card_launch(
    doc: Document, fact_sheet: list[MissionClaim]
) -> tuple[int, dict[str, str | None], Sentence] | None:
    """The launch a card of labelled fields tells ("Vehicle | CZ-6", "Lift-off | 12 November 2025"), for
    the payload list that follows it ("What went up: 1. Lantian-3 ... 2. Tulpar-1 ...")."""
    cards = [c for c in fact_sheet if c.launch_date or c.launch_site or c.launch_vehicle]
    if not cards or len({c.name for c in cards}) != 1:
        return None
    launch = {
        "launch_date": next((c.launch_date for c in cards if c.launch_date), None),
        "launch_site": next((c.launch_site for c in cards if c.launch_site), None),
        "launch_vehicle": next((c.launch_vehicle for c in cards if c.launch_vehicle), None),
    }
    last = max(cards, key=lambda c: c.span.start)
    sentence = next((s for s in doc.sentences if s.original_span()[0] == last.span.start), None)
    if sentence is None:
        return None
    rows = [
        s for s in doc.sentences if s.block.context is not None and s.block.context == sentence.block.context
    ]
    orbit = next((s for s in rows if ORBIT_WORDS.search(s.text)), sentence)
    return max(s.block_index for s in rows or [sentence]), launch, orbit


def _fact_sheet_claims(doc: Document, run: list[tuple[str, Sentence]]) -> Iterator[MissionClaim]:
    missions = [
        m.canonical
        for label, s in run
        if label.startswith(("mission", "spacecraft", "payload"))
        for m in s.of_kind("mission")
    ]
    if not missions and len(run) >= 2:
        missions = _titled_mission(doc, run[0][1])  # a card under its mission's name
    if not missions or len(run) < 2:
        return
    for label, sentence in run:
        attributes: dict[str, object] = {}
        if "partner" in label or label.startswith(("international", "foreign")):
            attributes["partners"] = _cell_partners(sentence, 0, len(sentence.text))
            label = ""
        if "vehicle" in label or label in ("rocket", "launcher"):
            vehicles = sentence.of_kind("launch_vehicle")
            attributes["launch_vehicle"] = vehicles[0].canonical if vehicles else None
        elif "site" in label or "pad" in label:
            sites = sentence.of_kind("launch_site")
            attributes["launch_site"] = sites[0].canonical if sites else None
        elif "date" in label or label.startswith(("lift", "launched")):
            days = [d for d in sentence.dates if d.precision == "day"] or sentence.dates
            attributes["launch_date"] = days[0].value if days else None
        elif label in ("target", "target orbit", "orbit", "destination"):
            targets = sentence.of_kind("target")
            attributes["target"] = targets[0].canonical if targets else None
        if any(attributes.values()):
            for name in missions:
                yield _claim(doc, sentence, name, "table:fact_sheet", **attributes)


NEVER_APPROVED = re.compile(
    r"(?i)\W*(?:the|this|that)\s+(?:project|mission|satellite|spacecraft)\s+(?:has|had|was|is)\s+(?:not|never)\s+"
    r"(?:yet\s+)?(?:been\s+)?(?:approved|funded|built|launched)\b"
)


def _disowned(doc: Document) -> set[str]:
    """Missions a sentence right after the one naming them says China had no part in ("Light-1 was
    carried to the ISS on a Falcon 9. China had no role in that mission.") or were never approved."""
    out: set[str] = set()
    for before, sentence in pairwise(doc.sentences):
        if (
            before.block_index == sentence.block_index
            and not sentence.of_kind("mission")
            and (NO_CHINESE_PART.search(sentence.text) or NEVER_APPROVED.match(sentence.text))
        ):
            out |= {m.canonical for m in before.of_kind("mission")}
    return out


def extract_missions(doc: Document) -> list[MissionClaim]:
    claims: list[MissionClaim] = []
    unnamed_launches: list[tuple[Sentence, dict[str, str | None]]] = []
    undated_launches: list[tuple[Sentence, dict[str, str | None]]] = []
    last_mission: str | None = None
    heading_missions: list[Mention] = []
    last_mission_block = -10
    fact_sheet = list(_fact_sheet(doc))
    headers = {s.block.context for s in doc.sentences if s.block.kind == "table_row"}
    instrument_tables = {h for h in headers if _instruments_table(doc, h)}  # read once per table
    told_outside_instruments = {
        m.canonical
        for s in doc.sentences
        if not (s.block.kind == "table_row" and s.block.context in instrument_tables)
        for m in s.of_kind("mission")
    }
    recent_launch = _card_launch(
        doc, fact_sheet
    )  # (block, launch, sentence): the card's, until prose tells one
    for sentence in doc.sentences:
        if not (sentence.mentions or sentence.dates or sentence.block.kind in ("heading", "table_row")):
            continue  # no mission, partner or launch date to read, and no heading to reset
        if sentence.denied:
            continue  # under "What did not fly" or "Things that did NOT happen"
        missions = _distinct(m for m in sentence.of_kind("mission") if not m.canonical.startswith("Artemis"))
        if sentence.block.kind == "table_row" and sentence.block.context in instrument_tables:
            # "...;Contract for the Tupac Katari satellite (TKSat-1);...": the subject of an instrument,
            # a mission here only where the text tells of it elsewhere
            missions = [m for m in missions if m.canonical in told_outside_instruments]
        launch = _launch(sentence) or _fragment_launch(sentence, missions)
        launched = _launched(sentence, missions) if launch else set()
        launch_of = {name: launch for name in launched} if launch else {}
        for lo, hi in _launch_parts(sentence) if launch and len(missions) > 1 else ():
            part = _launch(sentence, lo, hi)
            in_part = [m for m in missions if lo <= m.start < hi]
            if part and in_part:  # "... launched on 3 May, and on the launch of PakSat-MM1 ... on 30 May"
                launch_of.update((name, part) for name in _launched(sentence, in_part, lo))
        if (
            launch
            and sentence.block.kind not in ("list_item", "table_row")
            and (recent_launch is None or sentence.block_index > recent_launch[0])  # not above the card
        ):
            recent_launch = (sentence.block_index, launch, sentence)
        manifest = _manifest_item(doc, sentence, missions, recent_launch)
        if manifest is not None:
            claims.append(manifest)
            continue
        partners = _partners(sentence)
        if sentence.block.kind == "table_row" and missions and sentence.cells:
            first = sentence.cells[0]
            partners += [  # a national body in the first cell stands for its country, like any partner
                name
                for name in (
                    _partner(p, sentence, m)
                    for p, m in parties_in(sentence, first[0], first[1], skip_modifiers=False)
                )
                if name
            ]
        if sentence.block.kind == "heading":
            heading_missions = missions
        if not missions:
            in_list = sentence.block.kind == "list_item" and len(heading_missions) == 1
            if partners and in_list:
                claims.append(
                    _claim(doc, sentence, heading_missions[0].canonical, "list:partners", partners=partners)
                )
            elif (
                partners
                and last_mission
                and (MISSION_ANAPHOR.search(sentence.text) or sentence.block_index - last_mission_block <= 1)
            ):
                claims.append(_claim(doc, sentence, last_mission, "rule:partners", partners=partners))
            label = _label_mission(doc, sentence) if launch else None
            if label:  # "Tianwen-2. Delegates heard a report on the probe, launched on 29 May 2025 by ..."
                target = next((m.canonical for m in sentence.of_kind("target")), None)
                claims.append(_claim(doc, sentence, label, "rule:launch", target=target, **launch))
            elif (
                launch
                and last_mission
                and sentence.block_index - last_mission_block <= 1
                and IT_LAUNCHED.match(sentence.text)
            ):
                # "Hawar-1, a Bahraini microsatellite ... It lifted off from Taiyuan on 19 November"
                claims.append(_claim(doc, sentence, last_mission, "rule:launch", **launch))
            elif launch and launch["launch_date"] and len(launch["launch_date"]) == 10:
                unnamed_launches.append((sentence, launch))
            elif launch and (launch["launch_vehicle"] or launch["launch_site"]):
                undated_launches.append((sentence, launch))  # "LIFTOFF. The Long March 2D climbs away ..."
            continue
        if sentence.block.kind == "table_row" and sentence.cells:
            missions = _in_first_mission_cell(sentence, missions)  # the others are payloads of this row
        carrier = _carrier(sentence, missions) if len(missions) == 2 else None
        stated = [m for m in missions if _stated_about(sentence, m)]
        if not stated:
            continue  # "did not fly", "proposed but not approved", "with no Chinese involvement"
        for mention in missions:
            if mention not in stated or DATA_OF.match(sentence.text, mention.end):
                continue  # "on receiving Fengyun satellite data": a source of data, not a mission told
            attributes: dict[str, object] = {"target": _target(sentence, mention, missions)}
            owners = _owners(sentence, mention)
            if mention.canonical == carrier:  # the payload's owners are partners of the mission carrying it
                owners = sorted(
                    {*owners, *(o for m in missions if m is not mention for o in _owners(sentence, m))}
                )
            if owners:
                attributes["partners"] = owners
            method = "rule:mission"
            if mention.canonical in launch_of:
                attributes.update(launch_of[mention.canonical])
                method = "rule:launch"
            if partners and (len(missions) == 1 or mention.canonical == carrier):
                attributes["partners"] = sorted({*_placed(partners, owners), *owners})
                method = "table:mission" if sentence.block.kind == "table_row" else "rule:partners"
            claims.append(_claim(doc, sentence, mention.canonical, method, **attributes))
        if FACT_LABEL.match(sentence.text):  # "- **Spacecraft:** Chang'e 6 + ICUBE-Q": the card's mission
            last_mission = missions[0].canonical
        elif not SIDE_LABEL.match(sentence.text):  # "- **Relay:** Queqiao-2": not what the card is about
            last_mission = missions[-1].canonical
        last_mission_block = sentence.block_index
    claims += fact_sheet
    claims += list(_launch_table(doc))
    claims = _with_partners_in_their_names(doc, _with_something_stated(claims))
    claims = _involving_china(doc, claims)
    claims = _without_withdrawn(doc, claims)
    claims += list(_join_unnamed_launches(doc, claims, unnamed_launches))
    claims += _involving_china(doc, list(_board_the_one_launch(doc, claims, undated_launches)))
    disowned = _disowned(doc)
    return [c for c in claims if c.name not in disowned] if disowned else claims


LIVE_LAUNCH = re.compile(
    r"\b(?:LIFTOFF|Liftoff|lifts\s+off|climbs\s+away|blasts\s+off|clears\s+the\s+tower)\b"
)
LAUNCHED_EVENT = re.compile(r"(?i)\b(?:lifted\s+off|blasted\s+off|(?:was|were)\s+launched|took\s+off)\b")
ON_BOARD = re.compile(r"(?i)\b(?:on\s+board|aboard|rideshare|passengers?|on\s+the\s+stack|manifest)\b")


def _board_the_one_launch(
    doc: Document, claims: list[MissionClaim], launches: list[tuple[Sentence, dict[str, str | None]]]
) -> Iterator[MissionClaim]:
    """A launch report that tells its one launch without naming the payloads ("LIFTOFF. The Long March 2D
    climbs away from Jiuquan") and lists them as on board elsewhere: the launch is theirs, on the day the
    report is dated."""
    if len(launches) != 1 or any(c.launch_date or c.launch_vehicle or c.launch_site for c in claims):
        return
    sentence, launch = launches[0]
    live = LIVE_LAUNCH.search(sentence.text)  # told as it happens: on the day the report is dated
    if not (live or LAUNCHED_EVENT.search(sentence.text)):
        return  # "the firm that sells Long March launches": a trade, not a launch
    date = launch["launch_date"] or (doc.dateline if live else None)
    boarded = {
        m.canonical
        for s in doc.sentences
        if ON_BOARD.search(s.text) and not s.denied and is_asserted(s.text, 0, len(s.text))
        for m in s.mentions
        if m.kind == "mission"
    }
    for name in sorted(boarded):
        yield _claim(doc, sentence, name, "rule:launch", **{**launch, "launch_date": date})


# "it was withdrawn from the launch", "was pulled from this flight", "never flew"
WITHDRAWN = re.compile(
    r"(?i)\b(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:withdrawn|pulled|removed|dropped|"
    r"scrubbed|taken\s+off|struck\s+off|bumped)\s+(?:from|off)\s+(?:the\s+|this\s+|that\s+|its\s+)?(?:\w+\s+)?"
    r"(?:launch|flight|manifest|mission|rideshare|rocket)\b|\b(?:did\s+not|didn['’]t|never)\s+fly\b|"
    r"\bnever\s+flew\b|\b(?:was|were)\s+(?:never|not)\s+(?:launched|carried|flown)\b"
)


def _without_withdrawn(doc: Document, claims: list[MissionClaim]) -> list[MissionClaim]:
    """A mission the document says was withdrawn from its launch, or never flew, is no mission row
    unless a launch of it is stated too ("X was pulled from flight Y3 and flew on Y4 in May")."""
    withdrawn = set()
    for sentence in doc.sentences:
        if not any(m.kind == "mission" for m in sentence.mentions):
            continue
        for match in WITHDRAWN.finditer(sentence.text):
            named = [m for m in sentence.mentions if m.kind == "mission" and m.end <= match.start()]
            if named:
                withdrawn.add(named[-1].canonical)
    if not withdrawn:
        return claims
    launched = {c.name for c in claims if c.launch_date}
    return [c for c in claims if c.name not in withdrawn or c.name in launched]


SIDE_LABEL = re.compile(
    r"(?i)^\W*(?:relay|support|predecessor|successor|previous|next|heritage|see\s+also|related)\b[^:\n]{0,20}:"
)
LEFT_A_PLACE = re.compile(r"\bleft(?=\s+(?:the\s+)?[A-Z])")
DATA_OF = re.compile(r"\s+(?:satellite\s+|meteorological\s+|weather\s+)?(?:data|imagery|images|products)\b")
LEFT_FOR_SPACE = re.compile(
    rf"\bleft(?=\s+(?:from\s+)?(?:the\s+)?(?:{NAMED_LAUNCH_SITE}|Earth\b|(?:launch\s+)?pad\b))"
)
# A launch told of the mission just named: "It lifted off ...", "The cubesat flew as a rideshare ..."
IT_LAUNCHED = re.compile(
    r"\W*(?:It|(?:The|This)\s+(?:[\w-]+\s+)?(?:satellite|cubesat|spacecraft|probe|microsatellite|mission))\s+"
    r"(?:\w+\s+){0,2}?(?:was\s+)?(?:launched|lifted|flew|rode|blasted|took\s+off|left)\b"
)
REPORTED = re.compile(r"(?i)\b(?:reportedly|rumou?red|allegedly|reported\s+to|said\s+to\s+be)\b")
NO_CHINESE_PART = re.compile(
    r"(?i)\b(?:no|without(?:\s+any)?)\s+Chinese\s+(?:involvement|components?|parts?|participation|role|input)\b|"
    r"\bno\s+Chinese\s+(?:entity|body|agency|company|institution|organi[sz]ation|side)\s+(?:is|was|were)\s+"
    r"involved\b|"
    r"\b(?:China|Beijing)\s+(?:had|has|played|plays|took|takes)\s+no\s+(?:part|role|share)\b|"
    r"\bentirely\s+(?!Chinese\b)[A-Z][a-z]+\s+(?:mission|project|satellite)\b|"
    r"(?i:\bowes?\s+nothing\s+to|\bnothing\s+to\s+do\s+with|\bunconnected\s+to|\bindependent(?:ly)?\s+of)\s+(?:the\s+)?Chin"
)


FOREIGN_ROCKET = re.compile(
    r"\b(?:on|aboard|by)\s+(?:an?\s+)?(?P<demonym>[A-Z][a-z]+)\s+(?:rocket|launcher)\b"
)


def _stated_about(sentence: Sentence, mention: Mention) -> bool:
    """The clause naming the mission is not negated ("did not fly", "has not been approved"), and the
    sentence does not say China had no part in it."""
    text = sentence.text
    end = text.find(";", mention.end)
    scope = NOT_STOPPED.sub(" ", text[clause_start(text, mention.start) : len(text) if end < 0 else end])
    scope = LEFT_FOR_SPACE.sub("rose", scope)  # "left the Wenchang Satellite Launch Center": a launch
    if REPORTED.search(scope) and DENIAL_VERB.search(text):
        return False  # "X was reportedly booked on a Chinese flight; the centre denied this"
    return not (NEGATION.search(scope) or NO_CHINESE_PART.search(text) or _foreign_launch_only(sentence))


def _foreign_launch_only(sentence: Sentence) -> bool:
    """'... set off for the lunar south pole on an Indian rocket', with nothing Chinese in the sentence:
    another country's mission."""
    return _on_foreign_rocket(sentence) and not any(_is_chinese_mention(m) for m in sentence.mentions)


def _on_foreign_rocket(sentence: Sentence) -> bool:
    """The sentence tells a launch on another country's rocket ("on an American rocket")."""
    rocket = FOREIGN_ROCKET.search(sentence.text)
    if rocket is None:
        return False
    country = Gazetteer.default().country(rocket.group("demonym"), ("demonym",))
    return country is not None and country[1] != "CHN"


def _involving_china(doc: Document, claims: list[MissionClaim]) -> list[MissionClaim]:
    """Missions of China's cooperation only: a name found by its shape alone ("Proba-3", "Raavana-1")
    needs a Chinese body, mission, vehicle or site in some sentence that names it."""
    linked: set[str] = set()
    shaped: set[str] = set()
    for sentence in doc.sentences:
        names = {m.canonical for m in sentence.mentions if m.kind == "mission"}
        if not names:
            continue
        shaped |= {
            m.canonical for m in sentence.mentions if m.kind == "mission" and m.source == "shape:mission"
        }
        if any(_is_chinese_mention(m) for m in sentence.mentions) and not _on_foreign_rocket(sentence):
            linked |= names  # not "launched from California on an American rocket ... Chinese partners"
    linked |= {
        c.name for c in claims if CHINESE_NAME.search(f"{c.launch_site or ''} {c.launch_vehicle or ''}")
    }  # launched from a Chinese site or on a Chinese rocket
    return [c for c in claims if c.name not in shaped or c.name in linked]


CHINESE_NAMED_KINDS = frozenset({"agency", "institution", "launch_site", "launch_vehicle", "mission"})


def _is_chinese_mention(mention: Mention) -> bool:
    """A Chinese state, or a body, mission, vehicle or site with a Chinese name."""
    return mention.iso3 == "CHN" or (mention.kind in CHINESE_NAMED_KINDS and _is_chinese(mention))


def _with_partners_in_their_names(doc: Document, claims: list[MissionClaim]) -> list[MissionClaim]:
    """A mission whose name, as the document writes it, names a country besides China ("the China-Brazil
    Earth Resources Satellite (CBERS)") has that country as a partner, and so has every satellite of
    the series ("CBERS-4A")."""
    gazetteer = Gazetteer.default()
    named: dict[str, set[str]] = {}
    for sentence in doc.sentences:
        for mention in sentence.of_kind("mission"):
            words = NAME_WORD.findall(sentence.surface(mention))
            if len(words) < 3:
                continue  # an acronym or a short name names no country
            found = (gazetteer.country(word, ("country", "demonym")) for word in words)
            countries = {country[0] for country in found if country and country[0] != CHINA}
            if countries:
                named.setdefault(mention.canonical, set()).update(countries)
    if not named:
        return claims
    out = []
    for claim in claims:
        series = [name for name in named if claim.name == name or claim.name.startswith(f"{name}-")]
        added = {country for name in series for country in named[name]}
        out.append(replace(claim, partners=tuple(sorted({*claim.partners, *added}))) if added else claim)
    return out


NAME_WORD = re.compile(r"[^\W\d_]+")


def _with_something_stated(claims: list[MissionClaim]) -> list[MissionClaim]:
    """Missions the document says something about (a target, a launch detail or a partner); a name
    mentioned in passing ("the BeiDou system", "Shenzhou crews") is no mission fact."""
    stated = {
        c.name for c in claims if c.target or c.launch_date or c.launch_site or c.launch_vehicle or c.partners
    }
    return [c for c in claims if c.name in stated]


POSSESSIVE = re.compile(r"['’]s\s+")
# "Côte d'Ivoire's first satellite, " / "its own satellite, " just before the mission's name
OWNED_BEFORE = re.compile(
    rf"(?:['’]s|\b(?P<pronoun>its|their))\s+(?:[\w-]+\s+){{0,4}}?{SATELLITE_NOUN},\s+\Z", re.IGNORECASE
)
# ", the Sudanese remote-sensing satellite" after the mission's name
DESCRIBED_AS_NATIONAL = re.compile(
    rf",\s+(?:the|an?)\s+(?:(?-i:[a-z])[\w-]*\s+){{0,2}}(?P<demonym>(?-i:[A-Z])[^\W\d_]+)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"{SATELLITE_NOUN}\b",
    re.IGNORECASE,
)
SATELLITE_FOR = re.compile(
    rf",\s+(?:the|an?)\s+(?:[\w-]+\s+){{0,4}}?{SATELLITE_NOUN}\s+(?:built\s+)?(?:for|owned\s+by|belonging\s+to)\s+"
    r"(?:the\s+)?",
    re.IGNORECASE,
)
# "the first Burkinabè satellite, Faso-Sat-1" / "the Sino-French SVOM satellite": national around the name
NATIONAL_BEFORE = re.compile(
    rf"\b(?:the|an?)\s+(?:(?-i:[a-z])[\w-]*\s+){{0,2}}(?:\w+-)?(?P<demonym>(?-i:[A-Z])[^\W\d_]+)\s+"
    rf"(?:(?:(?-i:[a-z])[\w-]*\s+){{0,2}}{SATELLITE_NOUN},\s+(?:(?:the|an?)\s+(?:[\w-]+\s+){{0,2}}?{SATELLITE_NOUN}\s+)?)?\Z",
    re.IGNORECASE,
)


def _foreign(country: tuple[str, str]) -> list[str]:
    """[name] of a (name, iso3) country, or [] for China: a Chinese satellite has no foreign owner."""
    return [country[0]] if country[1] != "CHN" else []


def _owners(sentence: Sentence, mission: Mention) -> list[str]:
    """The country a mission belongs to, stated beside it: "ETRSS-1, Ethiopia's first satellite",
    "LaoSat-1, the country's first communications satellite"."""
    possessor = next(
        (m for m in sentence.mentions if m.kind == "country" and m.end < mission.start <= m.end + 4), None
    )
    if possessor and POSSESSIVE.fullmatch(sentence.text, possessor.end, mission.start):
        return [possessor.canonical] if possessor.canonical != CHINA else []  # "Pakistan's ICUBE-Q"
    introduced = OWNED_BEFORE.search(sentence.text, max(0, mission.start - 80), mission.start)
    if introduced:  # "Côte d'Ivoire's first satellite, Akwaba-1", "Dominica saw its first satellite, W-1"
        countries = [m for m in sentence.mentions if m.kind == "country" and m.end <= introduced.start()]
        owner = countries[-1] if countries else None
        if owner and (introduced.group("pronoun") or owner.end == introduced.start()):
            return [owner.canonical] if owner.canonical != CHINA else []
    national = NATIONAL_BEFORE.search(sentence.text, max(0, mission.start - 80), mission.start)
    if national and (
        "," in national.group() or re.match(rf"\s+{SATELLITE_NOUN}\b", sentence.text[mission.end :])
    ):
        country = Gazetteer.default().country(national.group("demonym"), ("demonym",))
        if country:
            return _foreign(country)
    after = sentence.text[mission.end : mission.end + 80]
    if not after.startswith((",", " (")):
        return []
    owners = [
        m.canonical
        for m in sentence.mentions
        if m.kind == "country"
        and mission.end < m.start < mission.end + 40
        and OWNED.match(sentence.text, m.end)
    ]
    built_for = SATELLITE_FOR.match(sentence.text, mission.end)
    if not owners and built_for:  # "PakSat-MM1, a communications satellite for Pakistan"
        owners = [
            m.canonical for m in sentence.mentions if m.kind == "country" and m.start == built_for.end()
        ]
    described = DESCRIBED_AS_NATIONAL.match(sentence.text, mission.end)
    if not owners and described:  # "SRSS-1, the Sudanese remote-sensing satellite"
        country = Gazetteer.default().country(described.group("demonym"), ("demonym",))
        owners = _foreign(country) if country else []
    if not owners and re.match(r",\s+the\s+country['’]s\s", after):
        before = [m for m in sentence.mentions if m.kind == "country" and m.end <= mission.start]
        owners = [before[-1].canonical] if before else []
    return [o for o in owners if o != "China"]


def _placed(partners: list[str], owners: list[str]) -> list[str]:
    """Partners with an institution the text does not place dropped when the mission has an owner
    country: "Akwaba-1, Côte d'Ivoire's first satellite, built by CURAT" has one partner, the owner."""
    if not owners:
        return partners
    gazetteer = Gazetteer.default()
    return [p for p in partners if gazetteer.country(p) or MULTINATIONAL.search(p)]


def _distinct(mentions: Iterator[Mention]) -> list[Mention]:
    """One mention per mission: "CSES, also known as Zhangheng-1" names one mission."""
    seen: dict[str, Mention] = {}
    for mention in mentions:
        seen.setdefault(mention.canonical, mention)
    return list(seen.values())


def _join_unnamed_launches(
    doc: Document, claims: list[MissionClaim], launches: list[tuple[Sentence, dict[str, str | None]]]
) -> Iterator[MissionClaim]:
    """A launch with no mission name, on the same day as one mission's launch, is that launch."""
    by_day: dict[str, set[str]] = {}
    for claim in claims:
        if claim.launch_date and len(claim.launch_date) == 10:
            by_day.setdefault(claim.launch_date, set()).add(claim.name)
    for sentence, launch in launches:
        names = by_day.get(launch["launch_date"] or "", set())
        if len(names) == 1:
            yield _claim(doc, sentence, next(iter(names)), "rule:launch", **launch)
