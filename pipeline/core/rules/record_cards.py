"""Records exported from a register of instruments: blocks of "Field: value" lines, one record per
instrument ("Title: ...", "Parties: A · B", "Opened: 28 Oct 2005", "In force: ...", "Notes: ...").

- ``card:instrument``  the instrument a record's title names, with the parties of its party fields, the
  date of its signing field and the status its in-force field and notes give
- ``card:related``     an instrument a "Related:" field names with its date ("Memorandum ... , 9 Mar 2021")
- ``card:founders``    the founders an "Original signatories:" field lists for a framework's own instrument
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.core.reading import Document, Sentence

FIELD = re.compile(
    r"^[\W_]{0,3}(?P<label>(?-i:[A-Z])[A-Za-z]+(?: [A-Za-z]+){0,2})\s*:\s+(?=\S)", re.IGNORECASE
)
TITLE_FIELD = re.compile(r"(?i)^(?:title|instrument|name|short\s+title)$")
PARTY_FIELD = re.compile(
    r"(?i)^(?:parties|contracting\s+parties|signatories|signatory|signed\s+by|first\s+signatures|original\s+signatories|"
    r"founding\s+signatories|sponsors?|between)$"
)
FOUNDER_FIELD = re.compile(r"(?i)^(?:original|founding)\s+(?:signatories|members|parties)$|^founders$")
SIGNED_FIELD = re.compile(
    r"(?i)^(?:opened|signed|signature|date\s+signed|date\s+of\s+signature|concluded|done|date)$"
)
IN_FORCE_FIELD = re.compile(r"(?i)^(?:in\s+force|entry\s+into\s+force|status|entered\s+into\s+force)$")
RELATED_FIELD = re.compile(r"(?i)^(?:related|see\s+also|related\s+instruments?)$")
FORM_FIELD = re.compile(r"(?i)^(?:form|type)$")
# A record's own fields, read here and by no other rule (notes are prose: every rule reads them)
OWN_FIELD = re.compile(
    "|".join(
        p.pattern.removeprefix("(?i)")
        for p in (TITLE_FIELD, PARTY_FIELD, SIGNED_FIELD, IN_FORCE_FIELD, RELATED_FIELD, FORM_FIELD)
    )
    + "|^(?:depositary|depository)$",
    re.IGNORECASE,
)
NOT_SIGNED = re.compile(r"(?i)\b(?:none|n/?a|not\s+(?:yet\s+)?(?:opened|signed)|never\s+signed|unsigned)\b")
NOT_IN_FORCE = re.compile(r"(?i)^\W*(?:no|none|not\s+in\s+force|n/?a)\b")
DRAFT = re.compile(r"(?i)\bdraft\b")
NO_RECORD = re.compile(
    r"(?i)\bno\s+such\s+\w+\s+has\s+been\b|\bunverified\b|\bdo\s+not\s+cite\b|\bnot\s+(?:an\s+)?existing\s+instrument\b"
)


@dataclass
class Card:
    """One record: its fields in order, each with the sentences of its block and where its value starts."""

    fields: list[tuple[str, Sentence, int]] = field(default_factory=list)

    def first(self, pattern: re.Pattern[str]) -> tuple[Sentence, int] | None:
        return next(((s, at) for label, s, at in self.fields if pattern.match(label)), None)

    def all(self, pattern: re.Pattern[str]) -> list[tuple[Sentence, int]]:
        return [(s, at) for label, s, at in self.fields if pattern.match(label)]

    def text(self, pattern: re.Pattern[str]) -> str:
        return " ".join(s.text[at:] for s, at in self.all(pattern))

    def prose(self) -> str:
        """Everything the record says, notes included."""
        return " ".join(s.text for _, s, _ in self.fields)


def record_cards(doc: Document) -> list[Card]:
    """The records of a register export: runs of field lines, a new one at each title field."""
    cards: list[Card] = []
    current: Card | None = None
    block = None
    for sentence in doc.sentences:
        if sentence.block_index == block and current is not None:
            label = current.fields[-1][0]
            current.fields.append((label, sentence, 0))  # a field's value runs on over its block
            continue
        block = sentence.block_index
        match = FIELD.match(sentence.text)
        if match is None:
            current = None
            continue
        label = " ".join(match.group("label").lower().split())
        if TITLE_FIELD.match(label):
            current = Card()
            cards.append(current)
        if current is not None:
            current.fields.append((label, sentence, match.end()))
    return [card for card in cards if len(card.fields) >= 3]


def own_field_sentences(cards: list[Card]) -> list[Sentence]:
    """The field lines record cards read themselves (no other rule should read them as prose)."""
    return [s for card in cards for label, s, _ in card.fields if OWN_FIELD.match(label)]


def signed_date(card: Card) -> str | None:
    """The first date of the record's signing field, unless it says the text was not signed."""
    found = card.first(SIGNED_FIELD)
    if found is None:
        return None
    sentence, at = found
    if NOT_SIGNED.search(sentence.text, at):
        return None
    return next((d.value for d in sentence.dates if d.start >= at), None)


def status(card: Card) -> str | None:
    """'proposed' for a draft not opened for signature, 'active' when in force, 'signed' otherwise;
    None when the record says there is no such instrument or no signing at all."""
    title = card.first(TITLE_FIELD)
    drafted = bool(title and DRAFT.search(title[0].text, title[1])) or bool(
        DRAFT.search(card.text(FORM_FIELD))
    )
    if NO_RECORD.search(card.prose()):
        return None
    opened = card.first(SIGNED_FIELD)
    unsigned = opened is not None and NOT_SIGNED.search(opened[0].text, opened[1]) is not None
    if drafted:
        return "proposed"
    if unsigned:
        return None
    in_force = card.first(IN_FORCE_FIELD)
    if in_force and not NOT_IN_FORCE.match(in_force[0].text[in_force[1] :]):
        return "active"
    return "signed"
