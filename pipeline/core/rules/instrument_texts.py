"""A document that is the text of an instrument itself: a title naming the instrument and its parties
("FRAMEWORK AGREEMENT BETWEEN THE GOVERNMENT OF ... AND THE GOVERNMENT OF ... ON ..."), and a closing
formula saying where and when it was signed ("Done at Dakar on 11 March 2025, in two originals").

- ``text:instrument``  the instrument the document is, with the parties of its title and the date of
  its closing formula; a text without a closing formula (a draft) gives nothing
- ``text:decree``      a decree or law a gazette prints whole: its heading ("DECREE No. 14/2024"), an
  article approving or ratifying, and a closing formula with its date ("Given in the city of Managua,
  on the thirtieth day of December ..."); the issuing state is the document's
"""

from __future__ import annotations

import re

from pipeline.core.claims import AgreementClaim, Span
from pipeline.core.reading import Document, Sentence
from pipeline.core.rules.common import parties_in

TITLE_KIND = re.compile(
    r"(?i)^\W*(?:(?:framework|cooperation|intergovernmental|implementing|supplementary|basic)\s+)*"
    r"(?:agreement|memorandum(?:\s+of\s+understanding)?|protocol|treaty|convention|arrangement|accord)\s+"
    r"(?:(?:of|on)\s+(?:\w+\s+){1,4}?)?between\s+"
)
# "Done at Dakar on 11 March 2025", "Signed in Beijing, this 5th day of May 2024", "Done in duplicate at ..."
CLOSING = re.compile(
    r"(?i)\b(?:done|signed|concluded)\s+(?:in\s+(?:duplicate|triplicate)\s*,?\s*)?(?:at|in)\s+(?-i:[A-Z])"
    r"[^.;\n]{0,40}?(?:,\s*|\s+)(?:on|this|the)?\b"
)
DRAFT = re.compile(r"(?i)\bdraft\b|\bnot\s+(?:yet\s+)?signed\b|\bfor\s+(?:initialling|consultation)\b")
TOPIC = re.compile(r"(?i)\s(?:on|concerning|regarding|for|in\s+the\s+field\s+of)\s")
SMALL_WORDS = frozenset(
    ["a", "an", "and", "at", "between", "by", "for", "in", "of", "on", "or", "the", "to", "with"]
)
PARTY_KINDS = ("country", "agency", "institution")
KIND_OF_NOUN = (
    ("memorandum", re.compile(r"(?i)memorandum")),
    ("treaty", re.compile(r"(?i)treaty")),
    ("convention", re.compile(r"(?i)convention")),
    ("cooperation_agreement", re.compile(r"(?i)agreement|protocol|arrangement|accord")),
)


def instrument_text(doc: Document, opening: int = 8) -> list[AgreementClaim]:
    """The instrument whose text the document is, when its title names the parties and its closing
    formula the signing; else nothing."""
    title = next((s for s in doc.sentences[:opening] if TITLE_KIND.match(s.text) and len(s.text) < 400), None)
    if title is None or any(DRAFT.search(s.text) for s in doc.sentences[:opening]):
        return []
    between = TITLE_KIND.match(title.text).end()
    topic = TOPIC.search(title.text, between)
    parties = parties_in(title, between, topic.start() if topic else len(title.text), skip_modifiers=False)
    names = tuple(sorted({p.name for p, m in parties if m.kind in PARTY_KINDS}))
    signed = _closing_date(doc.sentences)
    if len(names) < 2 or signed is None:
        return []
    kind = next(k for k, pattern in KIND_OF_NOUN if pattern.search(title.text, 0, between))
    start, end = title.original_span()
    name = _readable(
        title.text[: between - len("between ")].strip() + (title.text[topic.start() :] if topic else "")
    )
    return [
        AgreementClaim(name, kind, names, signed, "signed", Span(doc.doc_id, start, end, "text:instrument"))
    ]


def _closing_date(sentences: list[Sentence]) -> str | None:
    """The date of the last closing formula, if the document has one."""
    for sentence in reversed(sentences):
        closing = CLOSING.search(sentence.text)
        if closing is None:
            continue
        dates = [d for d in sentence.dates if closing.start() <= d.start <= closing.end() + 30]
        if dates:
            return dates[0].value
    return None


def _readable(title: str) -> str:
    """A title as written, or, when written in capitals, in title case with small words lower."""
    title = " ".join(title.split()).rstrip(".,;:")
    if not title.isupper():
        return title
    words = title.lower().split()
    return " ".join(w if i and w in SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))


DECREE_HEADING = re.compile(
    r"^\W*(?:(?:presidential|executive|supreme|royal|legislative)\s+)?(?:decree|law|ordinance|resolution|act)\s+"
    r"(?:no\.?|number|n[°º])\s*(?P<number>[\w./-]+)\W*$",
    re.IGNORECASE,
)
ENACTING = re.compile(
    r"(?i)\bhereby\s+(?:decrees|enacts|resolves|orders)\b|\b(?:is|are)\s+(?:hereby\s+)?(?:approved|ratified|"
    r"promulgated)\b"
)
GIVEN = re.compile(r"(?i)^\W*(?:given|done|issued|enacted|signed)\s+(?:in|at)\b")


def decree_texts(doc: Document, state: str | None) -> list[AgreementClaim]:
    """The decrees a gazette prints whole, each dated by its closing formula, issued by `state`."""
    if state is None:
        return []
    claims: list[AgreementClaim] = []
    heading: Sentence | None = None
    number = ""
    enacted = False
    for sentence in doc.sentences:
        match = DECREE_HEADING.match(sentence.text)
        if match:
            heading, number, enacted = sentence, match["number"], False
            continue
        if heading is None:
            continue
        enacted = enacted or ENACTING.search(sentence.text) is not None
        closing = GIVEN.match(sentence.text)
        full = [d.value for d in sentence.dates if d.precision == "day"]
        if closing and enacted and full:
            kind = heading.text.strip(" #*_").split()[0].capitalize()
            start, end = heading.original_span()
            title = f"{kind} No. {number}"
            claims.append(
                AgreementClaim(
                    title,
                    "legislation",
                    (state,),
                    full[0],
                    "signed",
                    Span(doc.doc_id, start, end, "text:decree"),
                )
            )
            heading = None
    return claims
