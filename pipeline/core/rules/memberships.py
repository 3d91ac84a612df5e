"""Membership statements: who joined, signed, founded or belongs to which framework.

Each rule describes one kind of statement and either yields claims or abstains:

- ``rule:joined``       SUBJECT joined / became a member of / signed up to / acceded to FRAMEWORK
- ``rule:nominal``      SUBJECT's membership of FRAMEWORK; the membership of (A, B) in FRAMEWORK
- ``rule:composition``  FRAMEWORK brings together / comprises / counts partners such as A, B and C
- ``rule:founded``      FRAMEWORK was founded by / announced as a joint project of A and B
- ``table``             a row of a table whose caption or header names the framework
- ``list``              an item of a list under a lead-in line naming the framework
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import chain, pairwise

from pipeline.core.claims import AgreementClaim, MembershipClaim, Span
from pipeline.core.gazetteer import Gazetteer, Mention
from pipeline.core.modality import clause_start, is_asserted, retracted_sentences
from pipeline.core.reading import Document, Sentence
from pipeline.core.rules.common import (
    CONNECTOR,
    COUNT_WORDS,
    RELATIVE_FOUNDER,
    Party,
    enumeration_after,
    enumeration_before,
    founding_clauses,
    fragments,
    home_country,
    is_possessive_modifier,
    nearest_date,
    parties_in,
    party_fragment,
    proper_name_runs,
)
from pipeline.core.rules.frameworks import (
    FrameworkTracker,
    framework_properties,
    framework_role,
    is_organisation,
    joined_by_document,
    states_only,
)
from pipeline.core.rules.record_cards import FOUNDER_FIELD, TITLE_FIELD, Card, record_cards, signed_date
from pipeline.core.segment import Block

JOIN = re.compile(
    r"\b(?:"
    r"(?:has|have|had)\s+(?:also\s+)?(?:joined|signed(?:\s+up)?(?:\s+(?:to|for|on\s+to))?|acceded)|"
    r"joined|joins|join|joining|entered|enters|enter|entering|came\s+on\s+board|came\s+aboard|came\s+in|"
    r"(?:added|adds|put|puts)\s+(?:its|their|his|her)\s+(?:name|signature)s?(?:\s+to)?|"
    r"(?:has|have|had)\s+participated\s+in|participated\s+in|participates\s+in|"
    r"(?:takes?|took|taking)\s+part(?:\s+in)?|"
    r"(?:became|become|becomes|becoming)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:member|partner|signatory|participant|party|associate|founder|participating)(?:\s+(?:country|state|nation))?s?"
    r"\s+(?:of|to|in)|"
    r"(?:became|become|becomes|becoming)\s+(?:full\s+|new\s+)?members(?=\s*(?:$|[,.;]|on\b|in\b|from\b))|"
    r"(?:became|become|becomes|becoming)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:country|state|nation|government|"
    r"member|partner|signatory|institution|agency|organi[sz]ation)s?\s+(?:[\w-]+\s+){0,5}?to\s+(?:join|"
    r"sign\s+up\s+(?:to|for)|sign\s+on\s+to|accede\s+to|sign|participate\s+in|take\s+part\s+in)|"
    r"signed\s+up\s+(?:to|for)|signs?\s+up\s+(?:to|for)|signed\s+on\s+to|signs?\s+on\s+to|signed\s+up|signed\s+on|"
    r"followed\s+suit|followed|did\s+(?:the\s+)?same|did\s+likewise|did\s+so|"
    r"signed|signs|sign|acceded\s+to|accedes\s+to|accession\s+to|ratified|adhered\s+to|"
    r"(?:(?:was|were|is|are|has\s+been|have\s+been)\s+(?:formally\s+)?admitted|admitted(?=\s+(?:to|into)\b))"
    r"(?:\s+(?:to|into|(?:as|like)(?:\s+(?:(?:a|an|the|its)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:member|partner|participant|signatory)(?:\s+(?:state|country|nation|institution|university|agency))?s?"
    r"\s+(?:of|to|in))?))?|"
    r"(?:was|were|is|are|has\s+been|have\s+been)\s+(?:formally\s+)?(?:welcomed|confirmed|accepted|recogni[sz]ed)\s+"
    r"(?:as\s+(?:a|an|the|its)\s+(?:[\w-]+\s+){0,2}?(?:member|partner|participant|participating|signatory)"
    r"(?:\s+(?:state|country|nation|institution|"
    r"university|agency))?s?\s+(?:of|to|in)|in(?:to)?)|"
    r"belongs\s+to|belonged\s+to|belong\s+to|"
    r"(?:has|have|had)\s+been\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:member|associate|partner|part|participant|signatory|"
    r"participating\s+(?:state|country|nation)|member\s+(?:state|country|nation))s?\s+(?:of|to|in)|"
    r"(?:is|are|was|were|remains|remained)\s+(?:(?:a|an|the|among\s+the)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:member|partner|signatory|signatories|participant|party|associate|participating)"
    r"(?:\s+(?:state|country|nation))?s?\s+(?:of|to|in)|"
    r"(?:is|are|was|were|became|become|becomes|becoming)\s+part\s+of|"
    r"(?:takes?|took|taking)\s+(?:its|their|her|his)\s+seats?\s+as\s+(?:an?\s+)?(?:full\s+)?members?\s+(?:of|in)|"
    r"(?:is|are|was|were|remains|remained|(?:has|have)\s+(?:also\s+|long\s+)?been)\s+inside|"
    r"(?:is|are|was|were|remains|remain|remained|(?:has|have)\s+(?:also\s+|long\s+)?been)\s+"
    r"(?:already\s+|also\s+|now\s+|still\s+|both\s+|all\s+)?in|"
    r"(?:was|were|has\s+been|have\s+been)\s+(?:named|designated|listed|made)\s+(?:as\s+)?(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:member|partner|participant)(?:\s+(?:state|country|institution|university|body))?s?"
    r"\s+(?:of|in|to)|"
    r"(?:is|are|was|were)\s+(?:already\s+|now\s+|also\s+)?(?:among|one\s+of)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:members|member\s+states|member\s+countries|partners|signatories|participants|founders|"
    r"participating\s+(?:countries|states|nations))\s+(?:of|to|in)|"
    r"(?:was|were)\s+joined\s+to|took\s+part\s+in|(?:has|have|had)\s+taken\s+part\s+in|takes?\s+part\s+in|"
    r"enrolled\s+in|formali[sz]ed\s+(?:their|its|his|her)\s+(?:participation|membership|accession)(?:\s+in)?|"
    r",\s+(?:a|an|one\s+of\s+the)\s+(?:[\w-]+\s+){0,2}?(?:member|partner|signatory|participant)"
    r"(?:\s+(?:state|country|nation))?s?\s+(?:of|to|in)|"
    r"(?:took|take|takes|taking|taken|assumed|gained|obtained|acquired)\s+up\s+(?:full\s+)?membership|"
    r"(?:took|take|takes|taking|taken)\s+up\s+(?:their|its|his|her)\s+seats?\s+as\s+(?:(?:full|founding|new)\s+)?"
    r"(?:member|partner|participant)(?:\s+(?:state|country|nation))?s?\s+(?:of|in)|"
    r"(?:is|was|became|becomes|become)\s+the\s+(?:first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)|\w+th|"
    r"latest|newest)\s+(?:[\w-]+\s+){0,3}?(?:state|country|nation|government|university|institution|agency)\s+"
    r"(?:in|of)|"
    r"(?:assumed|gained|obtained|acquired|was\s+granted|were\s+granted)\s+(?:full\s+)?membership"
    r")\b",
    re.IGNORECASE,
)
COMPOSITION = re.compile(
    r"\b(?:brings?\s+together|brought\s+together|comprises|comprising|(?:is|are|was)?\s*comprised\s+of|"
    r"consists?\s+of|made\s+up\s+of|member\s+(?:states|countries|nations)\s+(?:are|include|includes|were|such\s+as)|"
    r"members\s+(?:are|include|includes|were|such\s+as)|(?:its|the)\s+members\s*,?\s+(?:namely|being)|"
    r"member\s+(?:states|countries|nations)\s*,\s+whose\s+(?:list|ranks|number)\s+includes?|"
    r"(?:counts|count|counted|has|had|have|numbers|numbered)\s+(?:\w+\s+){0,3}?(?:member\s+(?:states|countries|"
    r"nations)|members|partners|signatories|participants|participating\s+(?:countries|states|nations))"
    r"\s*(?::|,\s*(?:namely|among\s+them|including|such\s+as)|[—–])|"
    r"partners\s+(?:such\s+as|including|include|are)|counts\s+(?:\w+\s+){0,3}?(?:partners|members)\s+such\s+as|"
    r"signatories\s+(?:are|include|such\s+as)|"
    r"(?:was|were)\s+(?:set\s+up|established|created|formed)\s+(?:in\s+\S+\s+)?(?:\S+\s+){0,12}?between|"
    r"(?:welcomed|admitted|accepted|added|welcomes|admits|accepts|adds)\b"
    r"(?!\s+the\s+(?:establishment|creation|signing|launch|opening|decision|conclusion|adoption)\b)"
    r"(?=.{0,80}\bas\s+(?:a|an|its|the)\s+(?:new(?:est)?\s+)?(?:member|partner))|"
    r"(?:bringing|brings|brought)\b(?=\s.{0,60}?\binto\s+(?:the\s+)?(?:(?-i:[A-Z])|(?:initiative|organi[sz]ation|"
    r"programme|project|station|framework|bloc|group)\b))|"
    r"(?:expanded|enlarged|grew)\s+to\s+(?:take\s+in|include|admit)|(?:took|takes|take)\s+in|"
    r"admitted\s+(?:\w+\s+){0,3}?(?:members|states|countries)(?:\s+(?:in|on)\s+[^:,.;]{1,20})?\s*(?::|,)?|"
    r"(?:admitted|welcomed|accepted|enrolled|admits|welcomes)(?=\s+(?:the\s+)?(?-i:[A-Z]))|"
    # a body's decision: "the meeting agreed to admit X", "the Council approved the admission of X"
    r"(?:agreed|decided|voted|resolved)\s+(?:unanimously\s+)?to\s+admit(?=\s+(?:the\s+)?(?-i:[A-Z]))|"
    # a reference entry's lists: "Members (8): A, B, ...", "Enlarged 1 Jan 2024: C, D"
    r"members(?:\s+(?:states|countries))?\s*(?:\(\d+\))?\s*:|(?:enlarged|expanded)\b[^:;.]{0,25}:|"
    r"(?:approved|endorsed|confirmed)\s+the\s+(?:admission|accession|membership(?:\s+application)?)\s+of"
    r")",
    re.IGNORECASE,
)
FOUNDED = re.compile(
    r"(?:(?:\b(?:was|were|had\s+been|project|programme|program|initiative|station|organi[sz]ation)|[,—–(]|^\W*)\s*"
    r"(?:jointly\s+)?(?:founded|co-founded|established|set\s+up|"
    r"created|launched|initiated|announced|proposed|unveiled)\s+(?:jointly\s+)?(?:(?:in|on)\s+(?:\S+\s+){1,3}?)?"
    r"(?:as\s+an?\s+(?:\w+\s+){0,3}?(?:of|by|between)|by|between|"
    r"(?:at|on)\s+the\s+(?:initiative|instigation|behest|proposal)\s+of)|"
    r"(?-i:Est|est)\.\s+(?:[^;()]{0,40}?\s)?by|"  # a reference card's "Est. 2009 as BRIC by Brazil, ..."
    r"founding\s+(?:members?|signator(?:y|ies)|states?|partners?)\s+(?:(?:in|of|at)\s+\S+\s+)?"
    r"(?:are|were|include|included|including|incl(?=\.))|founders?\s+(?:are|were|include)|"
    # "when eight founding signatories put their names to it: A, B, ..."
    r"founding\s+(?:members|signatories|states|partners)\s+(?:[^\W\d][\w'’]*\s+){1,8}?(?:it|them)(?=\s*:)|"
    r"(?:by\s+)?(?:its|their|the)\s+(?:\w+\s+)?(?:founders|founding\s+(?:members|states|signatories))(?=\s*:)|"
    r"co-?founded\s+by|founded\s+by)\b",
    re.IGNORECASE,
)
# "an agreement ... that makes the Andean country a participant in the ILRS"
MAKING_MEMBER = re.compile(
    r"\b(?:makes?|made|making)\s+(?P<list>.{3,80}?)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>member|participant|partner|signatory|participating)(?:\s+(?:state|country|nation))?\s+(?:of|in|to)\b",
    re.IGNORECASE,
)
MAKING_FOUNDERS = re.compile(
    r"\bmak(?:ing|es|e)\s+(?P<list>.{3,120}?)\s+(?:the\s+)?(?:\S+\s+){0,3}?(?:founding|first)\s+"
    r"(?:partners|members|signatories|states)\b",
    re.IGNORECASE,
)
LABEL_LIST = re.compile(
    r"^\W*(?P<label>(?:founding\s+)?(?:member\s+(?:states|countries|nations|institutions)|members|"
    r"signatories|signatory\s+states|partners|participants))\W*:\W*",
    re.IGNORECASE,
)
# A labelled list inside a run of box lines a PDF joined into one ("BOX 3.1 APSCO AT A GLANCE Seat:
# Beijing ... Member States: Bangladesh, China, ... Focus: ..."): the label capitalised, as boxes write it
EMBEDDED_LABEL_LIST = re.compile(
    r"(?<=\s)(?P<label>(?-i:(?:Founding\s+)?(?:Member\s+(?:States|Countries|Nations)|Members|Signatories|"
    r"Partners|Participants)))\s*:\s*"
)
NEXT_LABEL = re.compile(r"\s(?-i:[A-Z][a-z]+(?:\s[a-z]+)?):\s")
# "an ILRS member", "APSCO member states", "a founding Artemis Accords signatory": a framework used as
# the modifier of a membership noun, right after the framework's name.
MODIFIED_NOUN = re.compile(
    r"[\s-]+(?P<noun>member|partner|signatory|signatories|founder|participant|participating(?=\s+(?:state|country)))"
    r"(?:\s+(?:state|country|nation|institution|agency|government))?s?\b(?!['’-])",
    re.IGNORECASE,
)
# What stands before "an F member": a copula, an apposition comma, "as", or a list label; group
# `words` holds the modifiers between the article and the framework.
MODIFIER_LEAD = re.compile(
    r"(?P<lead>(?:\b(?:is|are|was|were|been|remains?|remained|became|becomes|become|as|As)\b|[,;:(—–]|^))"
    r"\s*(?:(?:a|an|the|its|their|both|all|fellow|two|three|four|five)\s+)?(?P<words>(?:[\w-]+\s+){0,2}?)$"
)
NOT_A_MEMBER_YET = re.compile(
    r"\b(?:prospective|potential|would-be|future|candidate|aspiring|possible|likely|former|ex|observer|"
    r"applicant|hopeful|intended|planned|proposed|non|unlike|outside|except|excluding|offered|invited)\b|non-$",
    re.IGNORECASE,
)
MEMBERSHIP_NOUN_NAME = re.compile(
    r"(?i)^(?:(?:full|associate|observer|founding|new)\s+)?(?:member|signatory|observer|partner|participant)"
    r"(?:\s+(?:state|country|nation|institution))?s?$"
)
MEMBER_SINCE = re.compile(
    r"(?:,|:|\s[–—-]|\b(?:is|was|has\s+been|have\s+been))\s+(?:(?:a|an)\s+)?(?:(?:full|founding)\s+)?"
    r"(?:member|partner|signatory)(?:\s+(?:state|country|institution|university))?\s+(?:since|from)\s+",
    re.IGNORECASE,
)
# A note's elliptical entry, the date straight after the verb: "South Africa admitted 2011", "Türkiye
# (acceded 2006)"
NOTED_ENTRY = re.compile(r"(?:\s\(?|\()(?:admitted|acceded|joined)\s+(?:in\s+)?", re.IGNORECASE)
PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|to|from|by|for|between|among|against|towards?|joined|joins|signed|signs|entered|enters|left|"
    r"founded|launched)\s+(?:the\s+)?$",
    re.I,
)
GROUP_SUBJECT = re.compile(
    r"\b(?:the|both|these|those|all)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?:governments|countries|sides|nations|states|partners|agencies)\b",
    re.IGNORECASE,
)
WHOSE_COUNTRY = re.compile(r"(?i),\s*whose\s+(?:country|government|state|nation)\s+$")
RELATIVE_PRONOUN = re.compile(r"\s*[,—–(]\s*(?:which|who)\b")
COPULAS = frozenset(
    ["is", "are", "was", "were", "been", "remains", "remain", "remained", "became", "becomes", "become"]
)
SINCE_DATE = re.compile(r"\s*,?\s*(?:since|from|as\s+of)\s+", re.IGNORECASE)
FRAMEWORK_HEADER = re.compile(
    r"(?i)^\W*(?:frameworks?|organi[sz]ations?|body|bodies|initiative|programme|program|bloc|grouping|group|"
    r"track|camp)(?:\W*$|\s+(?:or|and|/)\s)"  # also "Framework or instrument"
)
LAUNCH_HEADER = re.compile(r"(?i)\b(?:launch\s+(?:date|site|vehicle)|rocket|launcher|orbit)\b")
REMARKS_HEADER = re.compile(r"(?i)^\W*(?:remarks?|notes?|comments?|observations?|details|other\b)")
STATUS_HEADER = re.compile(
    r"(?i)^\W*(?:role|status|standing|membership|position|where\s+it\s+stands|state\s+of\s+play)\b"
)
INSTRUMENT_CELL = re.compile(
    r"(?i)\b(?:memorand\w*|MoU|agreement|arrangement|data\s+exchange|laborator\w*|contract|lease|roadmap|treaty|"
    r"protocol)\b"
)
ROLE_HEADER = re.compile(r"(?i)^\W*(?:role|status|standing|membership|type)\W*$|^\W*position\b")
NOT_MEMBER_WORDS = r"applicant|applied|observer|not|no|none|candidate|invited|pending|declined"
NOT_MEMBER_VALUE = re.compile(rf"(?i)\b(?:{NOT_MEMBER_WORDS})\b")
MEMBER_VALUE = re.compile(
    r"(?i)\b(?:founder|founding|member|participant|participating|partner|signatory|signed|joined|acceded|"
    r"admitted|accepted)\b"
)
ROLE_VALUES = {
    "founder": "founder",
    "founding member": "founder",
    "co-founder": "founder",
    "member": "member",
    "full member": "member",
    "member state": "member",
    "signatory": "signatory",
    "partner": "partner",
}
MATRIX_TICK = re.compile(
    r"^\W{0,2}(?:[✔✓✅☑]|yes\b|y\b|member\b|signatory\b|founder\b|partner\b|x\b)", re.IGNORECASE
)
# A register cell that says the row is no membership: "out", "pending, no accession", "application lodged"
NEGATIVE_CELL = re.compile(
    rf"(?i)^[^\w?]*(?:(?:{NOT_MEMBER_WORDS}|out|nothing|application|exploratory|talks|withdrawn|left|undecided|"
    r"uncertain|unclear|unknown|undetermined|considering|studying|weighing|interested|interest|possible|"
    r"maybe|suspended|rejected|refused|lapsed|frozen|proposed|planned|expected|rumou?red|reported|denied|"
    r"under\s+(?:review|consideration|study|discussion|negotiation)|in\s+(?:talks|negotiation)|tb[cd])\b|\?)"
)
FOUNDER_MARK = re.compile(r"ᶠ|\(f\)|\bfound(?:er|ing)\b", re.IGNORECASE)
ITEM_LABEL = re.compile(
    r"^[\s\-*•]*(?:\*\*|__)?[^:*\n]{1,30}?:(?:\*\*|__)?\s*|^[\s\-*•]*\*\*[^*\n]{1,30}\*\*\s*"
)
OBSERVERS = re.compile(r"(?i)\bobservers?\b|\bapplicants?\b|\bcandidates?\b")
# "the constellation agreement, which the agencies ... signed": what was signed is the instrument
SIGNED_INSTRUMENT = re.compile(
    r"(?i)\b(?:agreements?|memorand\w*|MoUs?|contracts?|protocols?|arrangements?|treaty|treaties|conventions?|"
    r"deals?|documents?|charters?|letters?|roadmaps?)\s*(?:\([^()]{0,40}\)\s*)?,?\s*"
    r"(?:(?:which|that)\b[^.;]*|(?-i:[A-Z])[^.;,]{0,60})$"  # also "the memorandum CNSA and Roscosmos signed"
)
SIGNS_ALONE = re.compile(r"(?i)(?:(?:has|have|had)\s+(?:also\s+)?)?(?:signed|signs|sign)")
INTRANSITIVE_FOLLOW = re.compile(
    r"\s*(?:$|[,.;)(]|in\b|on\b|at\b|during\b|last\b|this\b|earlier\b|later\b|as\s+well\b|too\b|"
    r"the\s+(?:previous|following|same|next)\s+(?:day|week|month|year)\b|"
    r"after\b|before\b|by\b|since\b|\d)",
    re.IGNORECASE,
)
INTRANSITIVE_VERB = re.compile(
    r"(?i)^(?:joined|joins|join|came\s+on\s+board|came\s+aboard|came\s+in|signed\s+up|signed\s+on|acceded|"
    r"(?:takes?|took|taking)\s+part|"
    r"(?:added|adds)\s+(?:its|their)\s+(?:name|signature)s?|"
    r"followed\s+suit|followed|did\s+(?:the\s+)?same|did\s+likewise|did\s+so|"
    r"(?:was|were|has\s+been|have\s+been)\s+(?:formally\s+)?admitted|"
    r"formali[sz]ed\s+(?:their|its|his|her)\s+(?:participation|membership|accession)(?:\s+in)?|"
    r"(?:\w+\s+)?(?:up\s+)?(?:full\s+)?membership|(?:became|become|becomes|becoming)\s+(?:full\s+|new\s+)?members)$"
)
WE_BEFORE = re.compile(r"(?i)\bwe\s+(?:\w+\s+){0,2}$")
ALONG_WITH = re.compile(
    r"(?i)\s*(?:\([^()]{1,20}\))?\s*(?:(?:on|in|from|since)\s+[\w ]{3,32}?)?\s*,?\s*"
    r"(?:(?:entering|joining|admitted|arriving)\s+)?(?:together|along)\s+with\s+"
)
SAME_YEAR_AS = re.compile(r"(?i)\b(?:in\s+|on\s+)?the\s+same\s+(?:year|month|day|date)\s+as\s+")
# "a member of BRICS since its foundation in 2009": a founder
SINCE_FOUNDATION = re.compile(
    r"(?i)\s*,?\s*(?:(?:ever\s+)?since|from)\s+(?:its|the|their)\s+(?:very\s+)?"
    r"(?:foundation|founding|creation|inception|establishment|start|outset|first\s+day|beginning)\b"
)
# "The other member states of APSCO are A, B and C": the list after the framework's name
MEMBERS_OF = re.compile(
    r"(?i)\b(?P<noun>member\s+(?:states|countries|nations)|members|partners|participants|signatories)\s+of\s+(?:the\s+)?$"
)
LIST_VERB = re.compile(
    r"(?i)\s*(?:\([^()]{1,20}\)\s*)?(?:are|were|include|included|includes|comprise)\b\s*:?"
)
GROUP_PRONOUN = re.compile(r"(?i)\b(?:both|each|all\s+(?:three|four|five|of\s+them))\s+$")
# "a member of the Beijing-based APSCO and, since April, a signatory of ...": APSCO is an object
MEMBERSHIP_OF = re.compile(
    r"(?i)\b(?:member|signatory|partner|participant|founder)s?\s+(?:state\s+)?(?:of|in|to)\s+(?:the\s+)?"
    r"(?:[\w.-]+\s+){0,2}?$"
)
PARTICIPLE = re.compile(r"(?i)(?:becoming|joining|acceding|signing)\b")
# "Pakistan signed up in 2023. Egypt and Senegal followed in 2024": joined what the text is about
FOLLOWED = re.compile(r"(?i)followed|did\s")
NOT_FOLLOWING_SUIT = re.compile(
    r"(?i)\s+(?:in\s+(?:the|its|their)\s+(?:footsteps|wake|path)|by|with|up|through)\b"
)
PRONOUN_SUBJECT = re.compile(
    r"\b(?:it|they|we|the\s+country|the\s+kingdom|the\s+republic|the\s+government)\b", re.I
)
COUNTED_SUBJECT = re.compile(r"\b(?:\w+)\s+(?:countries|states|nations|governments|members)\b", re.I)
STATIVE = re.compile(
    r"(?i)(?:is|are|remains?|remained|has\s+been|have\s+been)\s+"
    r"(?!(?:formally\s+)?(?:admitted|welcomed|accepted|confirmed|recogni|joined\s+to))"
)
SINCE_WORD = re.compile(r"(?i)\b(?:since|as\s+of)\s+")
CO_FOUNDER = re.compile(r"(?i)\s*(?:\([^()]{1,20}\)\s*)?,?\s+(?:together\s+|jointly\s+)?with\s+")
DETERMINER_BEFORE = re.compile(r"(?i)(?:\b(?:the|a|an|its|their|his|her|our)|['’]s)\s+$")
# Past tense, and the present of timelines ("2009: Brazil, Russia, India and China found the BRIC group")
FOUNDER_VERB = re.compile(
    r"\b(?:(?:co-)?found(?:ed|s)?|launch(?:ed|es)?|initiated?|initiates|establish(?:ed|es)?|sets?\s+up|"
    r"creat(?:ed|es?))\b",
    re.I,
)
NOMINAL = re.compile(r"\b(?:membership|accession|participation)\s+(?:of|in|to)\b", re.IGNORECASE)
DATE_HEADER = re.compile(
    r"\b(?:year|date|joined|joining|accession|since|signed|admitted|when|inked|concluded|month|dated?|entered|effective)\b",
    re.I,
)
OBJECT_GAP = re.compile(
    r"^(?:\s|the\b|a\b|an\b|its\b|their\b|(?-i:[A-Z])[\w-]*['’]s\b|[A-Z][\w-]*-led\b|China-led\b|Chinese\b|American\b|US-led\b|"
    r"U\.S\.-led\b|global\b|international\b|of\b|to\b|in\b|for\b|on\b|up\b|into\b|as\b|new\b|"
    r"founding\b|full\b|formal\b|official\b|[\w.]+-(?:led|drafted|backed|sponsored|initiated|proposed|style)\b|)*$",
    re.IGNORECASE,
)


def _claim(
    doc: Document,
    sentence: Sentence,
    party: Party,
    framework: str,
    role: str,
    joined: str | None,
    method: str,
) -> MembershipClaim:
    start, end = sentence.original_span()
    return MembershipClaim(
        member=party.name,
        member_type=party.member_type,
        member_iso3=party.iso3,
        organization=framework,
        role=role,
        joined=joined,
        span=Span(doc.doc_id, start, end, method),
    )


def _claims_of(
    doc: Document,
    sentence: Sentence,
    members: list[tuple[Party, Mention | None]],
    framework: str,
    role: str,
    joined: str | None,
    method: str,
) -> Iterator[MembershipClaim]:
    """One claim per listed member, the framework itself aside ("APSCO" in a list of APSCO's members)."""
    for party, _ in members:
        if party.name != framework:
            yield _claim(doc, sentence, party, framework, role, joined, method)


def _object_framework(sentence: Sentence, position: int, tracker: FrameworkTracker) -> tuple[str, int] | None:
    """The framework named right after a verb (only articles and modifiers between), or an anaphor."""
    for mention in sentence.of_kind("framework", "mission"):
        if mention.start < position:
            continue
        gap = sentence.text[position : mention.start]
        described = gap.endswith("(") and len(gap.split()) <= 10 and not re.search(r"[,.;:]", gap)
        if not described and (len(gap.split()) > 5 or not OBJECT_GAP.match(gap)):
            break
        name = tracker.framework_name(mention)
        if name:
            return name, mention.end
        break
    anaphor = tracker.anaphor_after(sentence.text, position, sentence)
    if anaphor is not None:
        return anaphor
    return None


# A second framework the same subject belongs to, coordinated after the first: "a member of APSCO and
# of the ILRS", "an Accords signatory and a long-standing member of APSCO"
COORDINATED_MEMBERSHIP = re.compile(
    r"\s*,?\s+and\s+(?:also\s+)?(?:(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?P<noun>members?|signator(?:y|ies)|"
    r"partners?|participants?)\s+(?:states?\s+)?)?(?:of|in|to)\s+(?:the\s+)?",
    re.IGNORECASE,
)


DATED_OBJECT_THEN = re.compile(
    r"\s+(?:in|on|since)\s+(?:[\w.]+\s+){0,2}?(?:19|20)\d\d\s+and\s+(?:the\s+)?", re.I
)
# The second object ends its clause or takes its own date: not "..., and APSCO as an organisation signed"
SECOND_OBJECT_ENDS = re.compile(r"\s*(?:[.;,)]|$)|\s+(?:in|on|since|from)\b|\s+(?:too|as\s+well)\b")
DATE_AFTER = re.compile(r"\s*,?\s*(?:in|on)\s+", re.IGNORECASE)


def _coordinated_framework(
    sentence: Sentence, position: int, tracker: FrameworkTracker
) -> tuple[str, str, int] | None:
    """(framework, its role words, end) of a membership coordinated at `position`, if any."""
    match = COORDINATED_MEMBERSHIP.match(sentence.text, position) or DATED_OBJECT_THEN.match(
        sentence.text, position
    )  # "joined APSCO in 2008 and the ILRS in 2024": the verb's second object
    if match is None:
        return None
    for mention in sentence.of_kind("framework"):
        if mention.start == match.end() and SECOND_OBJECT_ENDS.match(sentence.text, mention.end):
            name = tracker.framework_name(mention)
            return (name, match.groupdict().get("noun") or "", mention.end) if name else None
    return None


def _role(statement: str, framework: str, default: str = "member") -> str:
    lowered = statement.lower()
    if re.search(
        r"\bfound(?:er|ers|ed\s+by|ing\s+(?:members?|parties|states|countries|signator(?:y|ies)|partners|nations))\b"
        r"|\bco-?found",
        lowered,
    ) or re.search(r"\bas\s+(?:a|the)\s+(?:co-)?founder", lowered):
        return "founder"
    if re.search(r"\bpartners?\b", lowered) and not re.search(r"\bmembers?\b", lowered):
        return "partner"
    return framework_role(framework, default)


PAIR_SUBJECT = re.compile(
    r"(?i)^\W*(?:\w+:\s+)?(?:the|both)\s+(?:(?P<count>two|three|four|five)\s+)?"
    r"(?P<noun>governments|countries|states|nations|agencies)\b"
)


def _subjects(
    sentence: Sentence, tracker: FrameworkTracker, floor: int, position: int, framework: str, object_end: int
) -> list[Party]:
    """Who the statement is about: the list before the verb, a pronoun's antecedent, or the list after
    a colon when the subject is only counted ("Eight countries signed ...: A, B, C")."""
    region = sentence.text[floor:position]
    if PARTICIPLE.match(sentence.text, position) and re.search(r",\s*(?:thereby\s+|thus\s+)?$", region):
        return _main_subject(sentence, tracker, floor)  # "It signed ..., becoming part of the BRI"
    if GROUP_PRONOUN.search(region):  # "A and B each sign ..., and both become part of F"
        group = _first_group(sentence, floor, position)
        if group:
            return group
    whose = WHOSE_COUNTRY.search(region)
    if whose:  # "The Beninese delegation, whose country joined the ILRS": the delegation's state
        states = [
            m
            for m in sentence.mentions
            if m.kind in ("country", "demonym") and floor <= m.start < floor + whose.start()
        ]
        if states:
            return [Party(states[-1].canonical, "country", states[-1].iso3)]
    relatives = list(RELATIVE_PRONOUN.finditer(region))
    relative = relatives[-1] if relatives else None
    if (
        relative is not None
    ):  # "Nicaragua — which signed ... with China and thereby joined ...": the antecedent
        antecedent = enumeration_before(sentence, floor + relative.start(), floor)
        if antecedent and not sentence.text[antecedent[-1][1].end : floor + relative.start()].strip():
            return [p for p, _ in antecedent if p.name != framework]
    pronoun_first = re.search(r"\b(?:it|they|we)\s+(?:\w+\s+){0,2}$", region, re.IGNORECASE)
    listed = [] if pronoun_first else enumeration_before(sentence, position, floor, include_frameworks=True)
    if listed and PREPOSITION_BEFORE.search(sentence.text, 0, listed[0][1].start):
        listed = []  # "It signed a memorandum with China, added its name to ...": China is no subject
    if (
        listed
        and listed[-1][1].kind == "framework"
        and len(sentence.text[listed[-1][1].end : position].split()) > 3
    ):
        listed = enumeration_before(sentence, position, floor)  # a framework far from the verb is no subject
    if (
        listed
        and listed[-1][1].kind == "framework"
        and MEMBERSHIP_OF.search(sentence.text, 0, listed[-1][1].start)
    ):
        listed = enumeration_before(sentence, position, floor)  # "a member of APSCO and a signatory of ..."
    subjects = [p for p, _ in listed]
    subjects = [p for p in subjects if p.name != framework]
    subjects = [p for p in subjects if not _is_framework(p.name) or is_organisation(p.name)]  # not "the ILRS"
    if any(p.member_type != "organization" or p.iso3 for p in subjects):
        subjects = [p for p in subjects if not (p.member_type == "organization" and _is_framework(p.name))]
    if subjects:
        return list({p.name: p for p in subjects}.values())
    pronoun = PRONOUN_SUBJECT.search(region)
    if pronoun:
        owners = [
            p
            for p, m in parties_in(sentence, floor, floor + pronoun.start(), skip_modifiers=False)
            if sentence.text[m.end : m.end + 2] in ("'s", "’s")
        ]
        if owners:  # "San Marino's memorandum with China ... made it the second state to join": San Marino
            return owners[:1]
        stop = max(region.rfind(". "), region.rfind("! "), region.rfind("? "))
        if stop >= 0:  # "Peru signs ... in Washington. It remains a member ...": one list item, two sentences
            inside = [p for p, _ in parties_in(sentence, floor, floor + stop)]
            if inside:
                return inside[:1]
        before = [p for p, _ in parties_in(sentence, 0, floor)]
        return before[-1:] or tracker.last_parties[:1]
    pair = PAIR_SUBJECT.search(region)
    if pair:  # "The two governments are the founding partners of the ILRS": the last states named together
        count = COUNT_WORDS.get((pair.group("count") or "").lower())
        group = tracker.last_of_kind.get(
            "space_agency" if pair.group("noun").lower() == "agencies" else "country", []
        )
        if group and (count is None or count == len(group)):
            return [p for p in group if p.name != framework]
    colon = sentence.text.find(":", object_end)
    if COUNTED_SUBJECT.search(region) and colon >= 0:
        return [p for p, _ in enumeration_after(sentence, colon + 1)]
    return []


def _respective_dates(sentence: Sentence, dates: list, after: int, count: int) -> list[str]:
    """ "A and B joined ..., by memoranda signed in November and December 2018 respectively": one date
    each, in the order of the subjects."""
    stop = sentence.text.find("respectively", after)
    if count < 2 or stop < 0:
        return []
    later = [d.value for d in dates if after <= d.start < stop]
    return later if len(later) == count else []


GAP_ITEM = re.compile(r"\s*,?\s*(?:and\s+)?(?:the\s+)?$")
GAP_DATE = re.compile(r"\s+(?:in|on|since)\s+$")


SAME_PERIOD = re.compile(r"(?i)\s+(?:in|during)\s+the\s+same\s+(year|month)\b")


def _more_precise(stated: str | None, lead: str | None) -> str | None:
    """The date the sentence states, or its timeline entry's date where that says the same more
    precisely ("**2014, September —** ... signs on ... 2014")."""
    if stated is None or (lead is not None and lead.startswith(stated)):
        return lead or stated
    return stated


def _gapped(sentence: Sentence, dates: list, after: int) -> list[tuple[Party, str]]:
    """Later items that repeat the verb by ellipsis: "PNG signed on in June 2018, Fiji in 2018, and
    Solomon Islands in October 2019" gives (Fiji, 2018) and (Solomon Islands, 2019-10)."""
    first = next((d for d in dates if d.start >= after), None)
    if first is None or sentence.text[after : first.start].strip() not in ("in", "on", "since"):
        return []
    found: list[tuple[Party, str]] = []
    cursor = first.end
    parties = parties_in(sentence, cursor, len(sentence.text))
    for party, mention in parties:
        if mention.start < cursor or not GAP_ITEM.match(sentence.text[cursor : mention.start]):
            break
        date = next((d for d in dates if d.start >= mention.end), None)
        if date is None or not GAP_DATE.match(sentence.text[mention.end : date.start]):
            break
        found.append((party, date.value))
        cursor = date.end
    return found


def _first_group(sentence: Sentence, floor: int, position: int) -> list[Party]:
    """The first list of two or more participants in `[floor, position)` that is no prepositional object."""
    cursor = floor
    for _, mention in parties_in(sentence, floor, position):
        if mention.start < cursor:
            continue
        listed = enumeration_after(sentence, mention.start, position)
        if listed:
            cursor = listed[-1][1].end
            if len(listed) >= 2 and not PREPOSITION_BEFORE.search(sentence.text, 0, listed[0][1].start):
                return [p for p, _ in listed]
    return []


def _main_subject(sentence: Sentence, tracker: FrameworkTracker, floor: int) -> list[Party]:
    """The subject that opens the clause: a pronoun's antecedent, or the list the clause starts with."""
    if re.match(r"\s*(?:it|they)\b", sentence.text[floor:], re.IGNORECASE):
        return tracker.last_parties[:1]
    opening = enumeration_after(sentence, floor)
    if not opening:
        return []
    start = opening[0][1].start
    for date in sentence.dates:  # a timeline entry's date ("1.XI.2018 ..... The Dominican Republic")
        if floor <= date.start and date.end <= start:
            floor = date.end
    words = [w for w in sentence.text[floor:start].split() if any(c.isalpha() for c in w)]
    return [p for p, _ in opening] if len(words) <= 2 else []


def _is_framework(name: str) -> bool:
    return name in framework_properties()


STATES_NOUN = re.compile(r"(?i)\b(?:states?|countr(?:y|ies)|nations?)\b")
# the second verb of one subject: "... joined the ILRS in 2023 and is a member state of APSCO"
SECOND_VERB = re.compile(r"[^,;:()]{0,40}?\s(?:and|but)\s+(?:also\s+|now\s+|still\s+)?$")


def rule_joined(doc: Document, sentence: Sentence, tracker: FrameworkTracker) -> Iterator[MembershipClaim]:
    dates = None
    joining_before = False  # "A joined F in September, and B did so in November"
    previous_subjects: list[tuple[Party, Mention | None]] = []
    previous_end = 0
    for match in JOIN.finditer(sentence.text):
        if re.match(r"(?i)did\s+so", match.group()) and not joining_before:
            continue  # "did so" repeats a joining only right after one
        following = FOLLOWED.match(match.group())
        if following and NOT_FOLLOWING_SUIT.match(sentence.text, match.end()):
            continue  # "followed in the footsteps of", "followed by": no joining
        target = None if following else _object_framework(sentence, match.end(), tracker)
        intransitive = INTRANSITIVE_VERB.match(match.group().strip())
        in_scope = tracker.in_scope(sentence, match.start())
        signs_accord = bool(
            in_scope
            and SIGNS_ALONE.fullmatch(match.group())
            and framework_role(in_scope) == "signatory"
            and not re.search(r"(?i)\b(?:was|were|been|be|is|are)\s+$", sentence.text[: match.start()])
        )
        if (
            target is None
            and in_scope
            and (intransitive or signs_accord)
            and INTRANSITIVE_FOLLOW.match(sentence.text, match.end())
            # what was signed is an instrument: "the agreement, which X signed", "the memorandum X signed on"
            and not SIGNED_INSTRUMENT.search(sentence.text, 0, match.start())
        ):
            target = (in_scope, match.end())
        if target is None:
            continue
        framework, object_end = target
        floor = clause_start(sentence.text, match.start())
        subjects = [
            (p, None) for p in _subjects(sentence, tracker, floor, match.start(), framework, object_end)
        ]
        speaker = doc.speaker
        if speaker and WE_BEFORE.search(sentence.text, floor, match.start()):  # "We joined IDSEA": who speaks
            subjects = [(Party(speaker.canonical, speaker.member_type or "institution", None), None)]
            home = Gazetteer.default().home(speaker.canonical)
            if home and STATES_NOUN.search(match.group()):  # "We are one of the member states of APSCO"
                subjects = [(Party(home[0], "country", home[1]), None)]  # said by a national agency
        if (
            not subjects
            and previous_subjects
            and SECOND_VERB.fullmatch(sentence.text, previous_end, match.start())
        ):
            subjects = previous_subjects  # "Pakistan joined the ILRS in 2023 and is a member state of APSCO"
        if not subjects:
            continue
        previous_subjects, previous_end = subjects, object_end
        if not is_asserted(sentence.text, floor, object_end):
            continue
        # "became the first country after the founders to join F": the role is in what follows "to"
        infinitive = re.search(r"\sto\s+(?:join|sign|accede)", match.group())
        role_from = match.start() + (infinitive.start() if infinitive else 0)
        role = _role(sentence.text[role_from : object_end + 25], framework)
        if SINCE_FOUNDATION.match(sentence.text, object_end):
            role = "founder"
        signs = re.match(r"(?i)(?:signed|signs|sign)\b(?!\s+(?:up|on)\b)", match.group())
        documents = re.match(
            r"\s*(?:\w+\s+){0,2}?(?:cooperation\s+)?(?:documents?|agreements?|memorand\w+|MoUs?|accords?)\b",
            sentence.text[object_end:],
        )
        if signs and framework_role(framework, "member") == "member" and not documents:
            continue  # "X signed F" joins accords; other frameworks are joined by signing their documents
        if dates is None:  # once per sentence: dates outside ", the project initiated in 2021 by"
            founding = founding_clauses(sentence.text, FOUNDED, RELATIVE_FOUNDER) if sentence.dates else []
            dates = [d for d in sentence.dates if not any(s <= d.start < e for s, e in founding)]
        stative = STATIVE.match(match.group())  # "remains a member": a state, not an event
        if stative:  # dated only by "since": "has been in the BRI since 2013"
            since = SINCE_DATE.match(sentence.text, object_end) or SINCE_WORD.search(
                sentence.text, object_end, object_end + 40
            )
            joined = nearest_date(dates, since.end(), since.end(), since.end() + 30) if since else None
        else:
            joined = _more_precise(nearest_date(dates, object_end, floor), sentence.lead_date)
            if joined is None and THEREBY.search(sentence.text, 0, match.start()):
                joined = _date_of_previous(sentence, tracker)  # "On 5 May they signed .... X thereby becomes"
        same = SAME_PERIOD.match(sentence.text, object_end)
        earlier = [d for d in dates if d.end <= match.start()]
        if same and earlier:  # "and Serbia followed in the same year"
            joined = earlier[-1].value[: 4 if same.group(1).lower() == "year" else 7]
        along = ALONG_WITH.match(sentence.text, object_end) or SAME_YEAR_AS.search(
            sentence.text, object_end, object_end + 60
        )
        if along:  # "A and B joined F, together with C and D"; "A joined F in 2023, the same year as B"
            subjects += [(p, None) for p, _ in enumeration_after(sentence, along.end())]
        if documents and any(not p.is_chinese for p, _ in subjects):
            subjects = [(p, m) for p, m in subjects if not p.is_chinese]  # China's side of the signing
        joining_before = True
        respective = _respective_dates(sentence, dates, object_end, len(subjects))
        for index, (party, _) in enumerate(subjects):
            if party.name != framework:
                date = respective[index] if respective else joined
                yield _claim(doc, sentence, party, framework, role, date, "rule:joined")
        for party, date in _gapped(
            sentence, dates, max(match.end(), object_end)
        ):  # "A signed F in 2018, B in 2019"
            yield _claim(doc, sentence, party, framework, role, date, "rule:joined")
        second = _coordinated_framework(sentence, object_end, tracker)
        if second and is_asserted(sentence.text, floor, second[2]):  # "a member of APSCO and of the ILRS"
            role = _role(second[1], second[0]) if second[1] else framework_role(second[0], role)
            when = SINCE_DATE.match(sentence.text, second[2]) or DATE_AFTER.match(sentence.text, second[2])
            date = next((d.value for d in dates if when and d.start == when.end()), None)
            yield from _claims_of(doc, sentence, subjects, second[0], role, date, "rule:joined")


THEREBY = re.compile(r"(?i)\b(?:thereby|hereby|with\s+(?:this|that|it)|in\s+doing\s+so|by\s+doing\s+so)\b")


def _date_of_previous(sentence: Sentence, tracker: FrameworkTracker) -> str | None:
    """The one full date of the sentence before, in the same paragraph (what "thereby" points back to)."""
    previous = tracker.previous
    if previous is None or previous.block_index != sentence.block_index:
        return None
    values = {d.value for d in previous.dates if d.precision == "day"}
    return values.pop() if len(values) == 1 else None


def rule_modifier(doc: Document, sentence: Sentence, tracker: FrameworkTracker) -> Iterator[MembershipClaim]:
    """'Serbia, an ILRS member since May 2024, ...'; 'Egypt is an APSCO member state'; 'As an ILRS
    partner, Egypt ...'; 'fellow APSCO members Peru and Thailand'."""
    text = sentence.text
    for framework, mention in tracker.named(sentence):
        noun = MODIFIED_NOUN.match(text, mention.end)
        if noun is None:
            continue
        lead = MODIFIER_LEAD.search(text, max(0, mention.start - 60), mention.start)
        if lead is None or NOT_A_MEMBER_YET.search(text[lead.start("words") : mention.start]):
            continue
        since = SINCE_DATE.match(text, noun.end())
        joined = None
        if since:
            joined = next((d.value for d in sentence.dates if d.start == since.end()), None)
        elif lead.group("lead").lower().startswith("bec"):  # "thereby becomes an ILRS participant": an event
            joined = nearest_date(sentence.dates, lead.start()) or sentence.lead_date
        members = _modified_members(sentence, lead, noun.end())
        if not members:
            continue
        scope = (min(lead.start(), members[0][1].start), max(noun.end(), members[-1][1].end))
        if not is_asserted(text, clause_start(text, scope[0]), scope[1]):
            continue
        role = _role(text[lead.start("words") : noun.end()], framework)
        yield from _claims_of(doc, sentence, members, framework, role, joined, "rule:modifier")
        second = _coordinated_framework(sentence, noun.end(), tracker)
        if second and second[1] and is_asserted(text, clause_start(text, scope[0]), second[2]):
            # "Peru is an Accords signatory and a long-standing member of APSCO"
            yield from _claims_of(
                doc, sentence, members, second[0], _role(second[1], second[0]), None, "rule:modifier"
            )


def rule_member_since(
    doc: Document, sentence: Sentence, tracker: FrameworkTracker
) -> Iterator[MembershipClaim]:
    """'Politecnico di Torino, a member since 2016, ...' about the framework in scope; a note's
    'Indonesia: full member from 6 Jan 2025' and 'South Africa admitted 2011'."""
    text = sentence.text
    for match in chain(MEMBER_SINCE.finditer(text), NOTED_ENTRY.finditer(text)):
        joined = next((d.value for d in sentence.dates if d.start == match.end()), None)
        if joined is None:
            continue
        framework = _sentence_topic(sentence, tracker) or tracker.framework_near(sentence, match.start())
        if framework is None and sentence.block.kind in ("heading", "list_item"):
            # "Université X (Benin) – partner institution since 2024" under a section about the framework
            framework = tracker.current
        floor = clause_start(text, match.start())
        members = [  # "(Benin)" after a university says where it is
            (p, mention)
            for p, mention in enumeration_before(sentence, match.start(), floor)
            if not (p.member_type == "country" and text[max(0, mention.start - 1) : mention.start] == "(")
        ]
        if not framework or not members or len(text[members[-1][1].end : match.start()].split()) > 2:
            continue
        if match.group().lstrip().startswith("("):
            members = members[-1:]  # "..., Thailand, Türkiye (acceded 2006)": the one it follows
        if not is_asserted(text, members[0][1].start, match.end()):
            continue
        role = _role(match.group(), framework)
        yield from _claims_of(doc, sentence, members, framework, role, joined, "rule:member_since")


QUESTION = re.compile(
    r"^\W*(?:Q\s*\d*\s*[:.)]\s*)?(?:\w+\s+){0,2}?(?:Is|Are|Was|Were|Has|Have|Does|Do|Did)\s+(?P<subject>.{2,80}?)\s+"
    r"(?:(?:still\s+)?(?:an?\s+)?(?:full\s+)?(?:member|signatory|partner|participant|party)(?:\s+state)?\s+(?:of|in|to)|"
    r"(?:still\s+)?part\s+of|(?:still\s+)?in|joined|entered|acceded\s+to|signed(?:\s+up\s+to)?|belong\s+to)\s+",
    re.IGNORECASE,
)
YES = re.compile(
    r"^\W*(?:A\s*\d*\s*[:.)]\s*)?(?:Yes|Yes,\s+indeed|Correct)\s*(?:[.,;:!—–-]|$)", re.IGNORECASE
)


WHO_BELONGS = re.compile(
    r"^\W*(?:Q\s*\d*\s*[:.)]\s*)?(?:Who|Which\s+(?:other\s+)?(?:countries|states|nations|agencies|institutions))\s+"
    r"(?:else\s+)?(?:belongs?\s+to|(?:is|are)\s+(?:(?:a|the)\s+)?(?:members?|partners?|signator(?:y|ies)|participants?)"
    r"\s+(?:of|in)|(?:is|are)\s+in|(?:has|have)\s+(?:joined|signed)|joined|signed)\s+(?:the\s+)?",
    re.IGNORECASE,
)


def rule_listed_answer(doc: Document, index: int, tracker: FrameworkTracker) -> Iterator[MembershipClaim]:
    """'Q: Who else belongs to APSCO?' answered 'A: Eight states. Besides China and Pakistan, the list
    includes Bangladesh, Iran ...': every participant the answer asserts is a member."""
    question = doc.sentences[index]
    match = WHO_BELONGS.match(question.text)
    named = [(name, m) for name, m in tracker.named(question) if match and m.start == match.end()]
    if not named:
        return
    framework = named[0][0]
    role = _role(match.group(), framework)
    answer_block = None
    for answer in doc.sentences[index + 1 : index + 8]:
        if answer_block is None:
            answer_block = answer.block_index
        if answer.block_index != answer_block or is_question(answer.text):
            break
        if not is_asserted(answer.text, 0, len(answer.text)):
            continue
        members = parties_in(answer, 0, len(answer.text))
        yield from _claims_of(doc, answer, members, framework, role, None, "faq")


def is_question(text: str) -> bool:
    """The text asks: it ends on "?" and holds no statement before the question (a list item may tell
    a fact and then ask about it: "Brazil signs the Accords. Does that rule out the ILRS?")."""
    return text.rstrip(" *_\"”'").endswith("?") and not STATEMENT_BEFORE.search(text)


STATEMENT_BEFORE = re.compile(r"[a-z0-9)][.!]\s+(?-i:[A-Z])(?=[^.!]*\?\W*$)")


def rule_answered_question(doc: Document, index: int, tracker: FrameworkTracker) -> Iterator[MembershipClaim]:
    """'Q: Is Egypt in BRICS?' answered 'A: Yes — a full member since 1 January 2024.'"""
    sentence = doc.sentences[index]
    match = QUESTION.match(sentence.text)
    answer = doc.sentences[index + 1] if index + 1 < len(doc.sentences) else None
    if match is None or answer is None or not YES.match(answer.text):
        return
    named = [(name, m) for name, m in tracker.named(sentence) if m.start >= match.end()]
    subjects = parties_in(sentence, match.start("subject"), match.end("subject"), skip_modifiers=False)
    if not named or not subjects or named[0][1].start - match.end() > 6:
        return
    framework = named[0][0]
    following = doc.sentences[index + 2] if index + 2 < len(doc.sentences) else None
    dates = answer.dates or (
        following.dates if following and following.block_index == answer.block_index else []
    )
    joined = dates[0].value if dates else None
    role = _role(match.group(), framework)
    for party, _ in subjects:
        if party.name != framework:
            yield _claim(doc, answer, party, framework, role, joined, "faq")


def _sentence_topic(sentence: Sentence, tracker: FrameworkTracker) -> str | None:
    """The framework a sentence opening with 'The organisation ...' or 'Its ...' is about."""
    anaphor = tracker.anaphor_after(sentence.text, 0)
    if anaphor is not None:
        return anaphor[0]
    if re.match(r"\s*(?:it|its)\b", sentence.text, re.IGNORECASE):
        return tracker.current
    return None


DATED_OPENING = re.compile(r"(?i)(?:in|on|by|since)\s+(?:\w+\s+){0,2}(?:19|20)\d\d,?\s+(?:the)?")


def _modified_members(sentence: Sentence, lead: re.Match[str], noun_end: int) -> list[tuple[Party, Mention]]:
    """Who is called 'an F member': the subject before a copula or apposition, the subject after an
    'As ..., ' opener, or the names right after the noun ('APSCO members Peru and Thailand')."""
    text = sentence.text
    word = lead.group("lead").strip()
    after = enumeration_after(sentence, noun_end)
    if after and not text[noun_end : after[0][1].start].strip(" ,:"):
        return after
    if word.lower() == "as":
        comma = text.find(",", noun_end)
        clause = enumeration_after(sentence, comma + 1) if comma >= 0 else []
        return clause[:1] if clause and not text[comma + 1 : clause[0][1].start].strip() else []
    if word in (",", "(", "—", "–") or word.lower() in COPULAS:
        floor = clause_start(text, lead.start())
        before = enumeration_before(sentence, lead.start(), floor, include_frameworks=True)
        before = [(p, m) for p, m in before if m.kind != "framework" or is_organisation(p.name)]
        if before and PREPOSITION_BEFORE.search(text, 0, before[0][1].start):
            before = []  # "X signed an agreement with CNSA and became an ILRS partner": CNSA is no subject
        if before and len(text[before[-1][1].end : lead.start()].split()) <= 3:
            return before
        opening = parties_in(sentence, floor, lead.start())[:1]
        # "Peru signed the Accords in 2024 and remains an APSCO member": the clause's subject
        coordinated = text[: lead.start()].rstrip().endswith(" and")
        lead_words = text[floor : opening[0][1].start].split() if opening else []
        if (
            opening
            and coordinated
            and (len(lead_words) <= 1 or DATED_OPENING.fullmatch(" ".join(lead_words)))
        ):
            return opening
    return []


def rule_nominal(doc: Document, sentence: Sentence, tracker: FrameworkTracker) -> Iterator[MembershipClaim]:
    """'Thailand's membership of the ILRS'; 'the membership of the states (A, B) in F'."""
    for match in NOMINAL.finditer(sentence.text):
        before = sentence.text[max(0, match.start() - 40) : match.start()]
        possessive = re.search(r"(['’]s)\s+$", before)
        framework_target = None
        members: list[tuple[Party, Mention]] = []
        if possessive and match.group().lower().startswith(
            ("membership of", "membership in", "accession to")
        ):
            framework_target = _object_framework(sentence, match.end(), tracker)
            members = enumeration_before(sentence, match.start() - len(possessive.group()) + 1)
        else:
            # "the membership of A, B and C in F": the list, then "in F"
            tail = re.search(r"\b(?:in|to)\b", sentence.text[match.end() : match.end() + 200])
            if tail:
                list_end = match.end() + tail.start()
                members = enumeration_after(sentence, match.end(), list_end)
                framework_target = _object_framework(sentence, match.end() + tail.end(), tracker)
        if not framework_target or not members:
            continue
        framework, object_end = framework_target
        scope_start = min(m.start for _, m in members)
        modifiers = re.search(r"(?:\S+\s+){0,3}$", sentence.text[: match.start()])  # "the possible accession"
        if not is_asserted(
            sentence.text, min(scope_start, modifiers.start() if modifiers else match.start()), object_end
        ):
            continue
        role = framework_role(framework, "member")
        joined = nearest_date(sentence.dates, match.end())
        for party, _ in members:
            yield _claim(doc, sentence, party, framework, role, joined, "rule:nominal")


def rule_composition(
    doc: Document, sentence: Sentence, tracker: FrameworkTracker
) -> Iterator[MembershipClaim]:
    """FRAMEWORK brings together / comprises / counts partners such as / was set up between A, B and C."""
    for match in COMPOSITION.finditer(sentence.text):
        framework = tracker.framework_near(sentence, match.start())
        if framework is None:
            continue
        members = enumeration_after(sentence, match.end())
        members += _unlisted_names(sentence, match.end(), members)
        colon = sentence.text.find(":", match.end(), match.end() + 80)
        if not members and colon >= 0:  # "consists of the eight states that ratified it: A, B and C"
            members = enumeration_after(sentence, colon + 1)
        if not members:
            continue
        scope_end = max(m.end for _, m in members)
        floor = match.start() if "whose" in match.group() else clause_start(sentence.text, match.start())
        if not is_asserted(sentence.text, floor, scope_end):
            continue
        trigger = sentence.text[max(0, match.start() - 12) : match.end()].lower()
        if "partner" in trigger:
            role = "partner"
        elif "founding" in trigger or "founder" in trigger:
            role = "founder"
        else:
            role = framework_role(framework, "member")
        joined = None
        if role == "founder" or re.search(
            r"admi(?:t|ssion)|accession|welcom|take|took|expanded|enlarged|bring|brought", trigger
        ):
            joined = nearest_date(sentence.dates, match.end()) or sentence.lead_date
        yield from _claims_of(doc, sentence, members, framework, role, joined, "rule:composition")


# "The lunar station project picked up seven states in 2024: A, B and C"; "the Accords added Peru in May
# 2024, Armenia in June 2024, and both Austria and Thailand in December 2024"
FRAMEWORK_GAINED = re.compile(r"(?i)\b(?:picked\s+up|added|gained|took\s+in|brought\s+in)\b")
COUNTED_OBJECT = re.compile(
    r"(?i)\s+(?:\w+\s+){0,2}?(?:new\s+)?(?:states|countries|members|participants|signatories|nations|partners)"
    r"\b[^:.;]{0,30}:"
)
ITEM_GAP = re.compile(r"(?i)^\s*(?:,\s*)?(?:and\s+)?(?:both\s+|also\s+)?$")


def rule_framework_gained(
    doc: Document, sentence: Sentence, tracker: FrameworkTracker
) -> Iterator[MembershipClaim]:
    """FRAMEWORK picked up / added / gained A, B and C (each with the date that follows it)."""
    text = sentence.text
    if not (
        "picked up" in text
        or "added" in text
        or "gained" in text
        or "took in" in text
        or "brought in" in text
    ):
        return
    for match in FRAMEWORK_GAINED.finditer(text):
        floor = clause_start(text, match.start())
        named = [
            (name, m) for name, m in tracker.named(sentence) if floor <= m.start and m.end <= match.start()
        ]
        noun = FRAMEWORK_NOUN_BEFORE.search(text, floor, match.start())  # "The lunar station project"
        framework = named[-1][0] if named else tracker.referent(noun.group(1)) if noun else None
        subject = named[-1][1].start if named else noun.start() if noun else floor
        if framework is None or len(text[subject : match.start()].split()) > 8:
            continue
        counted = COUNTED_OBJECT.match(text, match.end())
        start = counted.end() if counted else match.end()
        clause_date = nearest_date(sentence.dates, match.end(), match.end(), start) if counted else None
        cursor, items = start, []
        for party, mention in parties_in(sentence, start, len(text)):
            gap = text[cursor : mention.start]
            if items and not (ITEM_GAP.match(gap) or CONNECTOR.match(gap)):
                break
            if not items and len(gap.split()) > 2:
                break
            items.append((party, mention))
            cursor = mention.end
            date = next((d for d in sentence.dates if d.start >= mention.end), None)
            if date is not None and re.fullmatch(r"\s+(?:in|on)\s+", text[mention.end : date.start]):
                cursor = date.end  # "Peru in May 2024, Armenia in June 2024"
        if not items or not is_asserted(text, subject, cursor):  # not "Not to be outdone, the Accords added"
            continue
        for index, (party, mention) in enumerate(items):
            following = items[index + 1][1].start if index + 1 < len(items) else cursor
            own = [d for d in sentence.dates if mention.end <= d.start and d.end <= following]
            joined = own[0].value if own else None
            if joined is None:  # "both Austria and Thailand in December 2024": the pair's date
                later = [d for d in sentence.dates if mention.end <= d.start and d.end <= cursor]
                joined = later[0].value if later else clause_date
            if party.name != framework:
                yield _claim(
                    doc,
                    sentence,
                    party,
                    framework,
                    framework_role(framework, "member"),
                    joined,
                    "rule:gained",
                )


def rule_members_of_are(
    doc: Document, sentence: Sentence, tracker: FrameworkTracker
) -> Iterator[MembershipClaim]:
    """'The (other) member states of APSCO are A, B and C.'"""
    for mention in sentence.of_kind("framework"):
        lead = MEMBERS_OF.search(sentence.text, max(0, mention.start - 40), mention.start)
        verb = LIST_VERB.match(sentence.text, mention.end)
        framework = tracker.framework_name(mention)
        if lead is None or verb is None or framework is None:
            continue
        members = enumeration_after(sentence, verb.end())
        if not members or not is_asserted(
            sentence.text, clause_start(sentence.text, lead.start()), members[-1][1].end
        ):
            continue
        role = "partner" if lead.group("noun").lower() == "partners" else framework_role(framework, "member")
        yield from _claims_of(doc, sentence, members, framework, role, None, "rule:composition")


def _unlisted_names(
    sentence: Sentence, position: int, listed: list[tuple[Party, Mention]]
) -> list[tuple[Party, Mention]]:
    """Capitalised names after 'such as' / 'including' that no gazetteer knows (an organisation's name)."""
    opener = sentence.text[max(0, position - 14) : position + 12].lower()
    if not re.search(r"such as|including|include|namely|admitted|welcomed", opener):
        return []
    end = min(len(sentence.text), position + 200)
    taken = [(m.start, m.end) for m in sentence.mentions]
    extra = []
    for start, stop in proper_name_runs(sentence.text, position, end):
        if any(s < stop and start < e for s, e in taken):
            continue
        name = sentence.text[start:stop]
        if len(name.split()) < 2 or re.match(r"(?i)^(?:the|this|these|it|its|they|and|in|on)\b", name):
            continue
        if MEMBERSHIP_NOUN_NAME.match(name):
            continue  # "the Organization's ninth Member State" names a status, not a member
        gap = sentence.text[(listed[-1][1].end if listed else position) : start]
        if len(gap.split()) > 4:
            break
        mention = Mention(start, stop, "institution", name, None, "organization", "shape:listed")
        extra.append((Party(name, "organization", None), mention))
    return extra


def rule_founded(doc: Document, sentence: Sentence, tracker: FrameworkTracker) -> Iterator[MembershipClaim]:
    """FRAMEWORK was founded by / announced as a joint project of A and B; founding members are A, B."""
    for match in FOUNDED.finditer(sentence.text):
        framework = tracker.framework_near(sentence, match.start())
        if framework is None and (match.start() == 0 or "ounding" in match.group()):
            framework = tracker.current  # "Founded in 2015 by X, it ...", "Other founding members included"
        if framework is None:
            continue
        members = enumeration_after(sentence, match.end())
        if not members:
            continue
        scope_end = max(m.end for _, m in members)
        if not is_asserted(sentence.text, clause_start(sentence.text, match.start()), scope_end):
            continue
        joined = _more_precise(nearest_date(sentence.dates, match.start()), sentence.lead_date)
        for party, _ in members:
            yield _claim(doc, sentence, party, framework, "founder", joined, "rule:founded")


# "Egypt, South Africa and Pakistan are among the countries that have since joined it"
AMONG_THOSE_WHO = re.compile(
    r"(?i)\b(?:are|were|is|was)\s+(?:now\s+)?among\s+the\s+(?:[\w-]+\s+){0,2}?(?:countries|states|nations|members|"
    r"partners|participants|signatories|institutions|agencies)\s+(?:that|which|who)\s+(?:have\s+|had\s+|has\s+)?"
    r"(?:since\s+|already\s+|also\s+|so\s+far\s+)?(?:joined|signed(?:\s+up\s+to)?|acceded\s+to)\s+"
)


def rule_among_those_who(
    doc: Document, sentence: Sentence, tracker: FrameworkTracker
) -> Iterator[MembershipClaim]:
    """A, B and C are among the countries that have joined F (or "it", the framework named before)."""
    if "among" not in sentence.text:
        return
    for match in AMONG_THOSE_WHO.finditer(sentence.text):
        target = _object_framework(sentence, match.end(), tracker)
        if target is None and re.match(r"(?i)it\b", sentence.text[match.end() :]):
            target = (tracker.in_scope(sentence, match.start()), match.end() + 2)
        floor = clause_start(sentence.text, match.start())
        members = enumeration_before(sentence, match.start(), floor)
        if target is None or target[0] is None or not members:
            continue
        if is_asserted(sentence.text, floor, target[1]):
            role = framework_role(target[0])
            yield from _claims_of(doc, sentence, members, target[0], role, None, "rule:joined")


# "countries participating in the Belt and Road Initiative, such as Kazakhstan"
SUCH_AS_AFTER = re.compile(r"(?i)\s*,?\s+(?:such\s+as|including|notably|like)\s+")
PARTICIPANTS_OF = re.compile(
    r"(?i)\b(?:countries|states|nations|members|partners|participants)\s+(?:participating|taking\s+part|"
    r"involved)\s+in\s+(?:the\s+)?$|\b(?:member|partner|participating)\s+(?:countries|states|nations)\s+of\s+"
    r"(?:the\s+)?$"
)


def rule_such_as(doc: Document, sentence: Sentence, tracker: FrameworkTracker) -> Iterator[MembershipClaim]:
    """'countries participating in the Belt and Road Initiative, such as Kazakhstan': the examples
    given of a framework's participants are members."""
    if "such as" not in sentence.text and "including" not in sentence.text:
        return
    for framework, mention in tracker.named(sentence):
        before = PARTICIPANTS_OF.search(sentence.text, max(0, mention.start - 60), mention.start)
        after = SUCH_AS_AFTER.match(sentence.text, mention.end)
        if before is None or after is None:
            continue
        members = enumeration_after(sentence, after.end())
        if members and is_asserted(sentence.text, before.start(), members[-1][1].end):
            yield from _claims_of(
                doc, sentence, members, framework, framework_role(framework), None, "rule:such_as"
            )


# "the 2009 summit, where Brazil, Russia, India and China met as founding members"
FOUNDERS_AS = re.compile(
    r"(?i)\b(?:met|gathered|came\s+together|convened|joined|signed(?:\s+up)?|took\s+part|sat)\s+as\s+(?:the\s+|its\s+)?"
    r"(?:founding|original)\s+(?:members|states|partners|signatories|parties)\b"
)


def rule_founders_as(
    doc: Document, sentence: Sentence, tracker: FrameworkTracker
) -> Iterator[MembershipClaim]:
    """A, B and C met (or signed) as founding members: the framework named before, or in scope."""
    if "ounding" not in sentence.text and "riginal" not in sentence.text:
        return
    for match in FOUNDERS_AS.finditer(sentence.text):
        floor = clause_start(sentence.text, match.start())
        founders = enumeration_before(sentence, match.start(), floor)
        framework = tracker.in_scope(sentence, match.start())
        if not founders or framework is None or not is_asserted(sentence.text, floor, match.end()):
            continue
        clause_end = sentence.text.find(";", match.end())
        joined = nearest_date(
            sentence.dates, match.start(), floor, clause_end if clause_end >= 0 else len(sentence.text)
        )
        yield from _claims_of(
            doc, sentence, founders, framework, "founder", joined or sentence.lead_date, "rule:founded"
        )


# "China and Russia agree to build the ILRS and become its two founding states"
FOUNDING_COMPLEMENT = re.compile(
    r"(?i)\b(?:become|became|becomes|becoming|are|were)\s+(?:its|their|the(?:\s+[\w-]+['’]s)?)\s+(?:(?:two|three|four|five|\d)\s+)?"
    r"(?:founding|co-founding)\s+(?:member\s+)?(?:states|members|partners|countries|nations|parties)\b"
)


def rule_founding_complement(
    doc: Document, sentence: Sentence, tracker: FrameworkTracker
) -> Iterator[MembershipClaim]:
    """SUBJECT ... and become its (two) founding states: the framework is the one named before."""
    if "ounding" not in sentence.text:
        return
    for match in FOUNDING_COMPLEMENT.finditer(sentence.text):
        framework = tracker.framework_near(sentence, match.start())
        floor = clause_start(sentence.text, match.start())
        members = _main_subject(sentence, tracker, floor)
        if framework is None or not members or not is_asserted(sentence.text, floor, match.end()):
            continue
        joined = _more_precise(nearest_date(sentence.dates, match.start(), floor), sentence.lead_date)
        for party in members:
            if party.name != framework:
                yield _claim(doc, sentence, party, framework, "founder", joined, "rule:founded")


FRAMEWORK_NOUN_BEFORE = re.compile(
    r"(?i)\b(framework|programme|program|initiative|station|project|organi[sz]ation|group|grouping|bloc|"
    r"alliance|association|accords?|principles|exploration|base|club|network)\s*,?\s*$"
)


def rule_relative_founder(
    doc: Document, sentence: Sentence, tracker: FrameworkTracker
) -> Iterator[MembershipClaim]:
    """FRAMEWORK ..., a framework that A (and B) launched in 2020: A and B are its founders."""
    if not FOUNDER_VERB.search(sentence.text):
        return
    for match in RELATIVE_FOUNDER.finditer(sentence.text):
        before = [m for _, m in tracker.named(sentence) if m.end <= match.start()]
        framework = tracker.framework_name(before[-1]) if before else None
        head = match.end("noun") if match.group("noun") else match.start()  # "the project China ... launched"
        antecedent = sentence.text[max(0, head - 40) : head]
        noun = FRAMEWORK_NOUN_BEFORE.search(antecedent)
        if framework and not (noun or sentence.text[before[-1].end : match.start()].strip(" ,)(") == ""):
            continue  # "the joint laboratory ... that the university set up": not the framework
        if framework is None and noun:  # "the Moon-base project that China and Russia launched": in scope
            framework = tracker.referent(noun.group(1))
        start, end = match.span("subject")
        founders = [p for p, _ in parties_in(sentence, start, end)]
        if framework is None or not founders:
            continue
        if not is_asserted(sentence.text, match.start(), match.end()):
            continue
        joined = nearest_date(sentence.dates, match.end(), match.end(), match.end() + 30)
        for party in founders:
            yield _claim(doc, sentence, party, framework, "founder", joined, "rule:founded")


INSTRUMENT_AS_SUBJECT = re.compile(
    r"(?i)\b(?:memorand\w*|agreements?|treat(?:y|ies)|charters?|documents?|declarations?|protocols?|accords?)\s+"
    r"(?:that|which)\s+$"
)


def rule_founder_verb(
    doc: Document, sentence: Sentence, tracker: FrameworkTracker
) -> Iterator[MembershipClaim]:
    """SUBJECT founded / launched / initiated FRAMEWORK (or 'the agreement' naming it before)."""
    for match in FOUNDER_VERB.finditer(sentence.text):
        if re.match(r"\s+by\b", sentence.text[match.end() :]):
            continue
        if DETERMINER_BEFORE.search(sentence.text, max(0, match.start() - 8), match.start()):
            continue  # "the launch of the IDSEA": a noun
        target = _object_framework(sentence, match.end(), tracker)
        if target is None:
            continue
        if INSTRUMENT_AS_SUBJECT.search(sentence.text, max(0, match.start() - 40), match.start()):
            continue  # "sign the memorandum that sets up the ILRS": the memorandum sets it up
        framework, object_end = target
        floor = clause_start(sentence.text, match.start())
        subjects = enumeration_before(sentence, match.start(), floor)
        if not subjects and GROUP_SUBJECT.search(sentence.text, floor, match.start()):
            subjects = [(p, None) for p in tracker.last_list]  # "The two governments founded ..."
        if not subjects or not is_asserted(sentence.text, floor, object_end):
            continue
        joined = nearest_date(sentence.dates, object_end, floor)
        partners = CO_FOUNDER.match(sentence.text, object_end)
        if partners:  # "Russia founded the station with China"
            subjects += enumeration_after(sentence, partners.end())
        for party, _ in subjects:
            yield _claim(doc, sentence, party, framework, "founder", joined, "rule:founded")


def rule_making_founders(
    doc: Document, sentence: Sentence, tracker: FrameworkTracker
) -> Iterator[MembershipClaim]:
    """'..., making A and B the project's two founding partners'; '... that makes Peru a participant in
    the ILRS'."""
    for pattern, role in ((MAKING_FOUNDERS, "founder"), (MAKING_MEMBER, None)):
        for match in pattern.finditer(sentence.text):
            named = _object_framework(sentence, match.end(), tracker) if pattern is MAKING_MEMBER else None
            framework = named[0] if named else tracker.framework_near(sentence, match.start())
            members = enumeration_after(sentence, match.start("list"), match.end("list"))
            if not framework or not members:
                continue
            if not is_asserted(sentence.text, clause_start(sentence.text, match.start()), match.end()):
                continue
            joined = nearest_date(sentence.dates, match.start()) or sentence.lead_date
            stated = role or _role(match.group("noun"), framework)
            for party, _ in members:
                yield _claim(
                    doc, sentence, party, framework, stated, joined, "rule:founded" if role else "rule:joined"
                )


ROLE_FRAGMENT = re.compile(
    r"(?i)(?:the\s+)?(?P<founding>(?:co-)?founding\s+|founders?\b)?(?:(?:members?|partners?|signator(?:y|ies)|"
    r"participants?)(?:\s+(?:states?|countries))?)?"
)


def rule_fragment_role(
    doc: Document, sentence: Sentence, tracker: FrameworkTracker
) -> Iterator[MembershipClaim]:
    """A fragment line pairing participants with a membership role: "2021 – China + Russia – founding
    partners" (the framework named there, else the one in scope)."""
    pieces = fragments(sentence)
    if not pieces:
        return
    text = sentence.text
    role_piece = next(
        (
            (a, b)
            for a, b in pieces
            if (m := ROLE_FRAGMENT.fullmatch(text[a:b].strip())) is not None and m.group().strip()
        ),
        None,
    )
    if role_piece is None:
        return
    members = next((found for piece in pieces if (found := party_fragment(sentence, piece))), [])
    named = tracker.named(sentence)
    framework = named[0][0] if named else tracker.current
    if not members or framework is None or not is_asserted(text, 0, len(text)):
        return
    joined = sentence.lead_date or next(
        (d.value for d in sentence.dates for a, b in pieces if text[a:b].strip() == text[d.start : d.end]),
        None,
    )
    role = _role(text[slice(*role_piece)], framework)
    yield from _claims_of(doc, sentence, members, framework, role, joined, "rule:fragment")


def rule_label_list(
    doc: Document, sentence: Sentence, tracker: FrameworkTracker
) -> Iterator[MembershipClaim]:
    """'Member States: A, B, C' — a labelled list, about the framework named there or in scope."""
    match = LABEL_LIST.match(sentence.text) or EMBEDDED_LABEL_LIST.search(sentence.text)
    if not match:
        return
    named = tracker.named(sentence)
    framework = named[0][0] if named else tracker.current
    if framework is None:
        return
    if not named and any(
        m.kind == "mission"
        for s in doc.sentences
        if s.block_index == sentence.block_index
        for m in s.mentions
    ):
        return  # "Tianwen-1 launches ... Partners: ESA, France and Austria": the mission's partners
    label = match.group("label").lower()
    role = (
        "founder" if "founding" in label else "partner" if "partner" in label else framework_role(framework)
    )
    following = NEXT_LABEL.search(sentence.text, match.end())  # "... Thailand and Türkiye Focus: ..."
    end = following.start() if following else len(sentence.text)
    for party, _ in parties_in(sentence, match.end(), end, skip_modifiers=False):
        yield _claim(doc, sentence, party, framework, role, None, "list")


def rule_table(doc: Document, sentence: Sentence, tracker: FrameworkTracker) -> Iterator[MembershipClaim]:
    """A table row under a caption (or header) naming a framework and members."""
    block = sentence.block
    if block.kind != "table_row" or not sentence.cells:
        return
    framework, header_cells, header_text = tracker.table_context(doc, block)
    if LAUNCH_HEADER.search(" ".join(header_cells)):
        return  # "| Satellite | Partner | Launch date | Rocket |": a table of launches, not of members
    cells = [sentence.text[s:e] for s, e in sentence.cells]
    stated_role = None
    framework_column = _header_column(header_cells, FRAMEWORK_HEADER)
    track_column = None  # "| State | Track | Since |" with "founding", "admitted": a role, not a framework
    if not _names_framework(sentence, tracker, framework_column):
        # "| Body | Joined via | When |": the column in which every row names a framework
        named = _framework_column(block, tracker)
        if named is not None and named < len(header_cells) and REMARKS_HEADER.match(header_cells[named]):
            named = None  # "| State | Since | Remarks |": notes on other frameworks, not the row's framework
        if (
            named is None
            and framework_column is not None
            and not _names_frameworks(block, tracker, framework_column)
        ):
            track_column, framework_column = framework_column, None
        framework_column = named if named is not None else framework_column
    if framework_column is not None and framework_column < len(cells):
        # a register with one framework per row ("country,framework,role,year")
        fs, fe = sentence.cells[framework_column]
        named = [name for name, m in tracker.named(sentence) if fs <= m.start < fe]
        framework = named[0] if named else None
        role_column = _header_column(header_cells, ROLE_HEADER)
        if role_column is not None and role_column < len(cells):
            stated_role = _stated_role(cells[role_column])
        if stated_role is None and any(
            NEGATIVE_CELL.match(cell) for i, cell in enumerate(cells) if i != framework_column
        ):
            stated_role = "not a member"  # "| Lunar station (ILRS) | nothing | — | out |"
        answer_column = next((i for i, h in enumerate(header_cells) if h.strip().endswith("?")), None)
        if (
            answer_column is not None
            and answer_column < len(cells)
            and not MATRIX_TICK.match(cells[answer_column])
        ):
            stated_role = "not a member"  # "In? | No"
    if framework_column is None and framework is not None:
        status_column = _header_column(header_cells, STATUS_HEADER)
        status_column = track_column if status_column is None else status_column
        if status_column is not None and status_column < len(cells):
            stated_role = _stated_role(cells[status_column])  # "| Libya | — | Application under review |"
        captioned = any(tracker.named(caption) for caption in tracker.caption_sentences(block))
        if (
            not captioned
            and not tracker.named(sentence)
            and any(INSTRUMENT_CELL.search(c) for c in cells[1:])
        ):
            return  # "| University of Leicester | Memorandum of understanding | 2016 |": agreements
    if framework is None or not cells or stated_role == "not a member":
        return
    member_column, date_column = _columns(header_cells)
    if member_column == framework_column:
        member_column = None
    column = member_column if member_column is not None and member_column < len(cells) else 0
    cell_start, cell_end = sentence.cells[column]
    candidates = parties_in(sentence, cell_start, cell_end, allow_demonym=False, skip_modifiers=False)
    if not candidates and framework_column is not None and member_column is None:
        candidates = _caption_subject(sentence, tracker)  # "Table 1. Bangladesh in the main frameworks"
    if not candidates:
        return
    party, _ = candidates[0]
    remarks = {  # cells that speak of another framework: "| Iran | admitted | 2024 | APSCO member |"
        i
        for i, (a, z) in enumerate(sentence.cells)
        if i not in (column, framework_column)
        and any(a <= m.start < z and name != framework for name, m in tracker.named(sentence))
    }
    row_text = " | ".join(cell for i, cell in enumerate(cells) if i not in remarks)
    if not is_asserted(row_text, 0, len(row_text)) and re.search(
        r"\b(?:not|never|withdr\w+)\b", row_text, re.I
    ):
        return
    for i in sorted(remarks):
        yield from _remark_claims(doc, sentence, tracker, party, sentence.cells[i])
    joined = nearest_date(sentence.dates, cell_end, candidates[0][1].end, cell_end)  # "| US (2020) |"
    date_columns = [
        i
        for i, text in enumerate(header_cells)
        if DATE_HEADER.search(text) and i < len(cells) and not LATER_HEADER.search(text)
    ]  # not "| Founding members | Joined later (year) |": those are the later members' dates
    for i in [date_column] * (
        date_column is not None
    ) + date_columns:  # "Joined via | When": the one with a date
        if i < len(sentence.cells):
            ds, de = sentence.cells[i]
            joined = joined or nearest_date(sentence.dates, ds, ds, de)
    if joined is None and not date_columns:  # "| Turkey | APSCO | 2006 | member |": the row's one date
        skipped = {column, framework_column, _header_column(header_cells, STATUS_HEADER)}
        skipped |= {i for i, h in enumerate(header_cells) if LATER_HEADER.search(h)}
        joined = next(  # the first short cell that holds a date, not a note that mentions one
            (
                d.value
                for i, (s, e) in enumerate(sentence.cells)
                if i not in skipped and len(sentence.text[s:e].strip()) <= 24
                for d in sentence.dates
                if s <= d.start < e
            ),
            None,
        )
    route = cells[framework_column] if framework_column is not None and framework_column < len(cells) else ""
    role = stated_role or _role(f"{cells[column]} {route} {header_text}", framework)
    listed = [party]
    if (
        framework_column is not None
        and all(p.member_type == "country" for p, _ in candidates)
        and all(
            LISTED_CODES.fullmatch(sentence.text[a.end : b.start]) for (_, a), (_, b) in pairwise(candidates)
        )
    ):  # "| APSCO | 2008 | BGD CHN IRN MNG PAK |": every country the cell lists
        listed = [p for p, _ in candidates]
    own_dates = _listed_dates(sentence, candidates, cell_start, cell_end) if len(listed) > 1 else None
    for index, member in enumerate(listed):
        date = own_dates[index] if own_dates else joined  # "| ILRS | China, Russia (both 2021) |"
        yield _claim(doc, sentence, member, framework, role, date, "table")
    for later in (
        i for i, h in enumerate(header_cells) if LATER_HEADER.search(h) and i < len(sentence.cells)
    ):
        ls_, le_ = sentence.cells[later]  # "| LATER (M) |": members that joined afterwards, with their date
        items = parties_in(sentence, ls_, le_, skip_modifiers=False)
        dates = _listed_dates(sentence, items, ls_, le_) or [
            nearest_date(sentence.dates, mention.end, ls_, le_) for _, mention in items
        ]
        for (member, _), date in zip(items, dates, strict=True):
            yield _claim(doc, sentence, member, framework, framework_role(framework, "member"), date, "table")


SHARED_DATE = re.compile(r"(?i)\(\s*(?:both|all|each|all\s+three|all\s+four)\b")


def _listed_dates(
    sentence: Sentence, items: list[tuple[Party, Mention]], start: int, end: int
) -> list[str | None] | None:
    """Each member a cell lists with the date written after it, before the next one ("Kazakhstan
    (2013), Tajikistan (2014), Kyrgyzstan": the last has none); "(both 2021)" dates the run it
    closes. None when the cell puts its dates before the names ("2023: Azerbaijan")."""
    if not items:
        return None
    dates = [d for d in sentence.dates if start <= d.start < end]
    if not dates or dates[0].start < items[0][1].start:
        return None
    found: list[str | None] = []
    run_start = 0
    for index, (_, mention) in enumerate(items):
        stop = items[index + 1][1].start if index + 1 < len(items) else end
        date = next((d for d in dates if mention.end <= d.start < stop), None)
        found.append(date.value if date else None)
        if date is None:
            continue
        if SHARED_DATE.search(sentence.text, mention.end, date.start):
            for earlier in range(run_start, index):
                found[earlier] = found[earlier] or date.value
        run_start = index + 1
    return found


LISTED_CODES = re.compile(r"[\s,;]*(?:and\s+)?")
# the words a remark about a membership is made of: "ILRS since 2023", "Artemis founding signatory",
# "ILRS co-founder with China", "signed Artemis Accords Jun 2023"
REMARK_WORDS = frozenset(
    [
        "since",
        "from",
        "in",
        "as",
        "of",
        "a",
        "an",
        "the",
        "member",
        "members",
        "state",
        "full",
        "founding",
        "founder",
        "co-founder",
        "cofounder",
        "signatory",
        "signed",
        "joined",
        "acceded",
        "participant",
        "partner",
        "with",
        "and",
    ]
)
REMARK_WORD = re.compile(r"[^\W\d_][\w-]*")
REMARK_YEAR = re.compile(r"\s*((?:19|20)\d\d)\s*")


def _remark_claims(
    doc: Document, sentence: Sentence, tracker: FrameworkTracker, party: Party, cell: tuple[int, int]
) -> Iterator[MembershipClaim]:
    """A table cell's remarks on the row's member in another framework, one per clause ("ILRS 2024;
    Artemis Dec 2024"), when a clause is only the framework, a role, a date and co-founders."""
    text = sentence.text
    named = tracker.named(sentence)
    start = cell[0]
    for clause in re.finditer(r"[^;]+", text[cell[0] : cell[1]]):
        a, z = start + clause.start(), start + clause.end()
        frameworks = [(name, m) for name, m in named if a <= m.start < z]
        if len({name for name, _ in frameworks}) != 1:
            continue
        framework, mention = frameworks[0]
        covered = [(m.start, m.end) for m in sentence.mentions if a <= m.start < z]
        covered += [(d.start, d.end) for d in sentence.dates if a <= d.start < z]
        words = [
            w.group().lower()
            for w in REMARK_WORD.finditer(text, a, z)
            if not any(s <= w.start() < e for s, e in covered)
        ]
        joined = nearest_date(sentence.dates, mention.end, a, z)
        year = REMARK_YEAR.fullmatch(text, mention.end, z)  # "ILRS 2024": a year no prose would read
        joined = joined or (year.group(1) if year else None)
        if not words and joined is None:
            continue  # the framework's name alone says nothing of membership
        if any(w not in REMARK_WORDS for w in words):
            continue  # "not a member", "applied 2024", "talks": no membership stated
        role = "founder" if any("found" in w for w in words) else framework_role(framework, "member")
        members = [party]
        if role == "founder" and "with" in words:  # "ILRS co-founder with China"
            members += [
                p for p, m in parties_in(sentence, a, z, skip_modifiers=False) if m.start > mention.end
            ]
        for member in members:
            if member.name != framework:
                yield _claim(doc, sentence, member, framework, role, joined, "table:remark")


LATER_HEADER = re.compile(r"(?i)\blater\b|\bsubsequent|\bjoined\s+since\b|\(M\)")


def _framework_column(block: Block, tracker: FrameworkTracker) -> int | None:
    """The one column after the first in which (nearly) every row of the table names a framework; a
    ledger may mix in a row of another instrument ("| Argentina | Intergovernmental agreement ... |").
    Worked out once per table."""
    return tracker.per_table(
        (block.context, "framework column"), lambda: _find_framework_column(block, tracker)
    )


def _find_framework_column(block: Block, tracker: FrameworkTracker) -> int | None:
    rows = tracker.table_rows(block.context)
    width = min((len(row.cells) for row in rows), default=0)
    if len(rows) < 2:
        return None
    columns = [
        i
        for i in range(1, width)
        if 4 * sum(_names_framework(row, tracker, i) for row in rows) >= 3 * len(rows)
    ]
    return columns[0] if len(columns) == 1 else None


def _names_frameworks(block: Block, tracker: FrameworkTracker, column: int) -> bool:
    """Does the cell in `column` name a framework in half the table's rows or more? (Once per table.)"""
    return tracker.per_table(
        (block.context, "names frameworks", column), lambda: _in_half_the_rows(block, tracker, column)
    )


def _in_half_the_rows(block: Block, tracker: FrameworkTracker, column: int) -> bool:
    rows = tracker.table_rows(block.context)
    return 2 * sum(_names_framework(row, tracker, column) for row in rows) >= len(rows)


def _names_framework(sentence: Sentence, tracker: FrameworkTracker, column: int | None) -> bool:
    """Does the row's cell in `column` name a framework?"""
    if column is None or column >= len(sentence.cells):
        return False
    start, end = sentence.cells[column]
    return any(start <= m.start < end for _, m in tracker.named(sentence))


def _caption_subject(sentence: Sentence, tracker: FrameworkTracker) -> list[tuple[Party, Mention]]:
    """The one participant a register's caption is about, when its rows name only frameworks."""
    found = [
        pair
        for caption in tracker.caption_sentences(sentence.block)
        for pair in parties_in(caption, 0, len(caption.text))
    ]
    return found if len({p.name for p, _ in found}) == 1 else []


def rule_matrix(doc: Document, sentence: Sentence, columns: dict[int, str]) -> Iterator[MembershipClaim]:
    """A row of a membership matrix (`columns`: its framework columns): members down the rows, a tick
    (✔, Yes, member) or a date in the cell where the row's member belongs, with the founder mark the
    cell gives."""
    members = []
    # the first cell before the framework columns that names a participant: "| East Asia | China | ..."
    for start, end in sentence.cells[: min(columns)]:
        members = parties_in(sentence, start, end, skip_modifiers=False)
        if members:
            break
    if not members:
        return
    party, _ = members[0]
    for index, framework in columns.items():
        if index >= len(sentence.cells):
            continue
        start, end = sentence.cells[index]
        cell = sentence.text[start:end]
        dates = [d for d in sentence.dates if start <= d.start < end]
        if MATRIX_TICK.match(cell) is None and not (dates and not NEGATIVE_CELL.match(cell)):
            continue  # neither a tick nor a date ("| Thailand | Dec 2024 | 2024 |": dates of entry)
        role = "founder" if FOUNDER_MARK.search(cell) else _role(cell, framework)
        joined = dates[0].value if dates else None
        yield _claim(doc, sentence, party, framework, role, joined, "table:matrix")


def _matrix_columns(doc: Document, block) -> dict[int, str]:
    """{column: framework} when a table's header names a framework in two or more cells."""
    header = (
        next((s for s in doc.sentences if s.block_index == block.context), None)
        if block.context is not None
        else None
    )
    if header is None or not header.cells:
        return {}
    columns: dict[int, str] = {}
    for index, (start, end) in enumerate(header.cells):
        named = [m for m in header.mentions if start <= m.start < end and m.kind == "framework"]
        if named:
            columns[index] = named[0].canonical
    return columns if len(set(columns.values())) >= 2 else {}


def _stated_role(value: str) -> str:
    """The role a register's role cell states ("founder", "participant", "member state"), or
    "not a member" ("applicant", "not involved", "observer")."""
    known = ROLE_VALUES.get(value.strip().lower())
    if known:
        return known
    if NOT_MEMBER_VALUE.search(value) or not MEMBER_VALUE.search(value):
        return "not a member"
    lowered = value.lower()
    if "found" in lowered:
        return "founder"
    if "partner" in lowered:
        return "partner"
    if "signator" in lowered:
        return "signatory"
    return "member"


def _header_column(header_cells: list[str], pattern: re.Pattern[str]) -> int | None:
    return next((i for i, text in enumerate(header_cells) if pattern.search(text)), None)


def _columns(header_cells: list[str]) -> tuple[int | None, int | None]:
    member_column = date_column = None
    for i, text in enumerate(header_cells):
        lowered = text.lower()
        if member_column is None and re.search(
            r"\b(?:country|countries|member|state|signatory|party|parties|partner|institution|organi[sz]ation|"
            r"name|participant|entity|agency)",
            lowered,
        ):
            member_column = i
        if date_column is None and DATE_HEADER.search(lowered):
            date_column = i
    return member_column, date_column


def rule_list(doc: Document, sentence: Sentence, tracker: FrameworkTracker) -> Iterator[MembershipClaim]:
    """An item of a list whose lead-in line names a framework and a membership word."""
    block = sentence.block
    if block.kind != "list_item" or block.context is None:
        return
    lead = tracker.lead_in(block)
    if lead is None:
        return
    framework, lead_sentence = lead
    if not is_asserted(lead_sentence.text, 0, len(lead_sentence.text)) or OBSERVERS.search(
        lead_sentence.text
    ):
        return  # "They are not ILRS participants:", "attended as observers:"
    candidates = [  # "- Asia-Pacific Space Cooperation Organization (APSCO) — organisation partner"
        (p, m)
        for p, m in parties_in(sentence, 0, len(sentence.text), skip_modifiers=False, include_frameworks=True)
        if m.kind != "framework" or (p.name != framework and is_organisation(p.name))
    ]
    if not candidates or not is_asserted(sentence.text, 0, len(sentence.text)):
        return
    label = ITEM_LABEL.match(sentence.text)
    if label and candidates[0][1].start >= label.end():
        # "- **2024:** Belarus, Egypt and Thailand", "- Founders: China and Russia set it up in 2021"
        members = enumeration_after(sentence, label.end())
        dates = [d for d in sentence.dates if d.end <= label.end()]
        joined = dates[0].value if dates else nearest_date(sentence.dates, label.end())
    else:
        party, mention = candidates[0]
        if len(candidates) > 1 and is_possessive_modifier(sentence, mention):
            party, mention = candidates[1]  # "Pakistan's Institute of Space Technology — joined Nov 2024"
        elif mention.start > 12:
            return
        members = [(party, mention)]
        joined = nearest_date(sentence.dates, mention.end) or nearest_date(lead_sentence.dates, 0)
    if re.search(r"\b(?:founding|founders?)\b", sentence.text, re.IGNORECASE):
        role = "founder"  # an item labelled "founding"
    else:
        role = _role(sentence.text + " " + lead_sentence.text, framework)
    for party, _ in members:
        yield _claim(doc, sentence, party, framework, role, joined, "list")


# A line of a flattened two-column table: "BRI (2018); Artemis Accords (2024)" under a line naming one state
FRAMEWORK_YEARS = re.compile(r"^(?:[^;,()]{2,60}?\s*\(\s*(?:19|20)\d\d\s*\)\s*[;,]?\s*)+$")


def rule_framework_years(
    doc: Document, sentence: Sentence, tracker: FrameworkTracker
) -> Iterator[MembershipClaim]:
    """'Greece' on one line, 'BRI (2018); Artemis Accords (2024)' on the next: a table row whose cells
    PDF extraction put on separate lines."""
    if not FRAMEWORK_YEARS.match(sentence.text.strip()):
        return
    index = next((i for i, s in enumerate(doc.sentences) if s is sentence), 0)
    if index == 0:
        return
    above = doc.sentences[index - 1]
    named = parties_in(above, 0, len(above.text))
    if len(named) != 1 or above.text.strip() != above.surface(named[0][1]):
        return  # the line above is not just one participant's name
    party = named[0][0]
    for framework, mention in tracker.named(sentence):
        year = re.match(r"\s*\(\s*((?:19|20)\d\d)\s*\)", sentence.text[mention.end :])
        if year:
            yield _claim(
                doc, sentence, party, framework, framework_role(framework, "member"), year.group(1), "table"
            )


# "Thailand (ILRS 2024, Accords 2024)": a participant with the year it entered each framework, in brackets
BRACKETED_YEAR = re.compile(r"\s+(?:since\s+|from\s+)?((?:19|20)\d\d)\s*(?:[,;)]|$)")


def rule_bracketed_years(
    doc: Document, sentence: Sentence, tracker: FrameworkTracker
) -> Iterator[MembershipClaim]:
    """A participant followed by brackets that pair frameworks with years: "Senegal (ILRS 2024,
    Accords 2025)". Each pair is a membership with its year."""
    if "(" not in sentence.text:
        return
    named = tracker.named(sentence)
    if not named:
        return
    for party, mention in parties_in(sentence, 0, len(sentence.text)):
        opening = re.match(r"\s*\(", sentence.text[mention.end :])
        if opening is None:
            continue
        inside = mention.end + opening.end()
        close = sentence.text.find(")", inside, inside + 80)
        if close < 0:
            continue
        pairs = []
        position = inside
        for framework, other in named:
            if not inside <= other.start < close:
                continue
            year = BRACKETED_YEAR.match(sentence.text, other.end)
            if year is None or sentence.text[position : other.start].strip(" ,;") != "":
                pairs = []
                break  # anything else in the brackets: not a list of framework-year pairs
            pairs.append((framework, year.group(1)))
            position = year.end(1)
        if not pairs or sentence.text[position:close].strip(" ,;") != "":
            continue
        if not is_asserted(sentence.text, clause_start(sentence.text, mention.start), close + 1):
            continue
        for framework, year in pairs:
            if party.name != framework:
                yield _claim(
                    doc, sentence, party, framework, framework_role(framework), year, "rule:bracketed"
                )


# "Chile and China sign a memorandum of understanding on cooperation within the framework of the Belt
# and Road Initiative": signing a framework's own document is joining it (accords aside)
SIGNED_DOCUMENT_BEFORE = re.compile(
    r"\b(?:signed|signs|sign|signing|inked|inks|subscribed|subscribes|put\s+(?:their|its)\s+signatures?\s+to)\s+"
    r"(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:memorand(?:um|a)|MoUs?|agreements?|protocols?)(?:\s+of\s+understanding)?\s+"
    r"(?:with\s+(?:[\w-]+\s+){1,4}?)?(?:on|for|within|in|under|concerning)\s+(?:[\w-]+\s+){0,6}?$",
    re.IGNORECASE,
)
# "signing its own Belt and Road memorandum": the framework names the document's subject
SIGNED_FRAMEWORK_DOCUMENT = re.compile(
    r"\b(?:signed|signs|sign|signing|inked|inks)\s+(?:a|an|the|its|their)\s+(?:own\s+)?$", re.IGNORECASE
)
FRAMEWORK_DOCUMENT_NOUN = re.compile(
    r"\s+(?:cooperation\s+)?(?:memorand(?:um|a)|MoUs?|agreements?|protocols?|documents?)\b", re.IGNORECASE
)


NAME_GOES_ON = re.compile(r"\s+(?!cooperation\b|Initiative\b)[A-Za-z][a-z-]+\s+[a-z]")


def rule_signed_document(
    doc: Document, sentence: Sentence, tracker: FrameworkTracker
) -> Iterator[MembershipClaim]:
    """'Chile and China sign a memorandum on cooperation within the framework of the BRI'."""
    text = sentence.text
    for framework, mention in tracker.named(sentence):
        if framework_role(framework, "member") != "member":
            continue
        reach = max(0, mention.start - 160)
        signed = SIGNED_DOCUMENT_BEFORE.search(text, reach, mention.start)
        if signed is None and FRAMEWORK_DOCUMENT_NOUN.match(text, mention.end):
            signed = SIGNED_FRAMEWORK_DOCUMENT.search(text, max(0, mention.start - 40), mention.start)
        if signed is None:
            continue
        if signed.re is SIGNED_DOCUMENT_BEFORE and NAME_GOES_ON.match(text, mention.end):
            continue  # "the BRICS remote sensing constellation": the framework names something else
        floor = clause_start(text, signed.start())
        subjects = [  # states join by signing; their agencies and institutes sign for them
            p
            for p in _subjects(sentence, tracker, floor, signed.start(), framework, mention.end)
            if p.member_type == "country" and not p.is_chinese
        ]
        if not subjects or not is_asserted(text, floor, mention.end):
            continue
        joined = _more_precise(nearest_date(sentence.dates, mention.end, floor), sentence.lead_date)
        for party in subjects:
            yield _claim(doc, sentence, party, framework, "member", joined, "rule:joined")


# "the Belt and Road Initiative, to which Senegal adhered in July 2018": the framework, then who joined it
TO_WHICH = re.compile(r"\s*,?\s*(?:to|in|into|of)\s+which\s+")
TO_WHICH_VERB = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:formally\s+|also\s+)?(?:adhered|acceded|belongs?|belonged|signed\s+up|"
    r"subscribed|(?:been\s+)?(?:a\s+)?(?:member|party|participant)s?\s+since)\b",
    re.IGNORECASE,
)


def rule_to_which(doc: Document, sentence: Sentence, tracker: FrameworkTracker) -> Iterator[MembershipClaim]:
    """'F, to which A and B adhered in 2018': a relative clause on the framework names who joined it."""
    text = sentence.text
    if "which" not in text:
        return
    for framework, mention in tracker.named(sentence):
        relative = TO_WHICH.match(text, mention.end)
        if relative is None:
            continue
        members = enumeration_after(sentence, relative.end())
        if not members or members[0][1].start != relative.end():
            continue
        verb = TO_WHICH_VERB.match(text, members[-1][1].end)
        if verb is None or not is_asserted(text, relative.start(), verb.end() + 30):
            continue
        joined = nearest_date(sentence.dates, verb.end(), verb.end())
        role = framework_role(framework, "member")
        yield from _claims_of(doc, sentence, members, framework, role, joined, "rule:to_which")


# "2023 cohort: A, B, C", "2024 intake incl. D, E": the members a framework took in that year
YEAR_GROUP = re.compile(
    r"(?i)\b(?P<year>(?:19|20)\d\d)\s+(?:cohort|intake|wave|batch|class|newcomers|joiners|entrants|arrivals|"
    r"additions)\s*(?::|,?\s*(?:incl\.|including|included)\s*:?)\s*"
)


def rule_year_group(
    doc: Document, sentence: Sentence, tracker: FrameworkTracker
) -> Iterator[MembershipClaim]:
    """'2023 cohort: Venezuela, South Africa, ...' about the framework in scope."""
    if "20" not in sentence.text and "19" not in sentence.text:
        return
    for match in YEAR_GROUP.finditer(sentence.text):
        framework = tracker.in_scope(sentence, match.start())
        members = enumeration_after(sentence, match.end())
        if framework is None or not members:
            continue
        if not is_asserted(sentence.text, clause_start(sentence.text, match.start()), members[-1][1].end):
            continue
        role = framework_role(framework, "member")
        yield from _claims_of(doc, sentence, members, framework, role, match.group("year"), "rule:year_group")


SENTENCE_RULES = (
    rule_to_which,
    rule_signed_document,
    rule_framework_years,
    rule_bracketed_years,
    rule_fragment_role,
    rule_joined,
    rule_modifier,
    rule_member_since,
    rule_nominal,
    rule_composition,
    rule_framework_gained,
    rule_members_of_are,
    rule_founded,
    rule_founder_verb,
    rule_relative_founder,
    rule_founding_complement,
    rule_founders_as,
    rule_such_as,
    rule_among_those_who,
    rule_making_founders,
    rule_list,
    rule_label_list,
    rule_year_group,
)


# A framework's own cooperation document named in an instrument's title: "Belt and Road memorandum"
FRAMEWORK_DOCUMENT_KINDS = frozenset({"memorandum", "cooperation_agreement"})


def memberships_from_instruments(doc: Document, agreements: list[AgreementClaim]) -> list[MembershipClaim]:
    """Frameworks that countries join by signing a cooperation document (the reference data's
    `joined_by`): each country that signed one in force is a member from its signing date."""
    gazetteer = Gazetteer.default()
    claims = []
    for agreement in agreements:
        if agreement.agreement_type not in FRAMEWORK_DOCUMENT_KINDS or agreement.status not in (
            "signed",
            "active",
        ):
            continue
        named = {m.canonical for m in gazetteer.find(agreement.title) if m.kind == "framework"}
        for framework in sorted(f for f in named if joined_by_document(f)):
            for party in agreement.parties:
                country = gazetteer.country(party)
                if country is None or country[1] == "CHN":
                    continue
                span = replace(agreement.span, method="rule:framework_document")
                claims.append(
                    MembershipClaim(
                        country[0], "country", country[1], framework, "member", agreement.signed, span
                    )
                )
    return claims


def _states_for_their_bodies(claims: list[MembershipClaim]) -> list[MembershipClaim]:
    """In a framework only states belong to, an agency or institute said to join stands for its
    state ("ASES signed the Accords" makes Senegal a signatory); one whose state is unknown is dropped."""
    out = []
    for claim in claims:
        if claim.member_type == "country" or not states_only(claim.organization):
            out.append(claim)
            continue
        home = home_country(Party(claim.member, claim.member_type or "institution", claim.member_iso3))
        state = Gazetteer.default().country(home) if home else None
        if state is not None:
            out.append(replace(claim, member=state[0], member_type="country", member_iso3=state[1]))
    return out


def extract_memberships(doc: Document, tracker: FrameworkTracker) -> list[MembershipClaim]:
    claims: list[MembershipClaim] = []
    retracted = retracted_sentences(doc)
    for index, sentence in enumerate(doc.sentences):
        if not sentence.mentions:
            tracker.previous = sentence
            continue  # names no participant, and changes no framework in scope
        if index in retracted or sentence.denied:
            tracker.leave(sentence)
            continue
        if is_question(sentence.text):
            tracker.enter(sentence)
            claims.extend(rule_answered_question(doc, index, tracker))
            claims.extend(rule_listed_answer(doc, index, tracker))
            tracker.leave(sentence)
            continue
        tracker.enter(sentence)
        matrix = (
            _matrix_columns(doc, sentence.block)
            if sentence.block.kind == "table_row" and sentence.cells
            else {}
        )
        if matrix:
            claims.extend(rule_matrix(doc, sentence, matrix))  # one framework per column: nothing else
            tracker.leave(sentence)
            continue
        # every rule needs a participant and a framework (named, or one named before)
        relevant = (tracker.current or tracker.named(sentence)) and any(
            m.kind != "framework" or m.canonical for m in sentence.mentions
        )
        if relevant:
            tabled = list(rule_table(doc, sentence, tracker)) if sentence.cells else []
            claims.extend(tabled)
            for rule in () if tabled else SENTENCE_RULES:  # a row read by its columns is read once
                claims.extend(rule(doc, sentence, tracker))
        tracker.leave(sentence)
    claims += [claim for card in record_cards(doc) for claim in rule_card_founders(doc, card, tracker)]
    return _states_for_their_bodies(claims)


def rule_card_founders(doc: Document, card: Card, tracker: FrameworkTracker) -> Iterator[MembershipClaim]:
    """A register record of a framework's own instrument ("Title: The Artemis Accords: ...") whose
    "Original signatories:" field lists its founders, dated by the record's signing field."""
    title = card.first(TITLE_FIELD)
    founders = card.first(FOUNDER_FIELD)
    if title is None or founders is None:
        return
    named = [name for name, m in tracker.named(title[0]) if m.start <= title[1] + 5]
    if not named:
        return
    sentence, at = founders
    members = parties_in(sentence, at, len(sentence.text), skip_modifiers=False)
    yield from _claims_of(doc, sentence, members, named[0], "founder", signed_date(card), "card:founders")
