"""Which framework a statement is about: named in it, in its table caption or list lead-in,
or carried from before ("the organisation", "the agreement")."""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import TypeVar

from pipeline.core.gazetteer import Mention
from pipeline.core.reading import Document, Sentence

T = TypeVar("T")

ANAPHOR = re.compile(
    r"\s*(?:the|this|that|its)\s+(?:[\w-]+\s+)?(?P<noun>organi[sz]ation|agreement|accords?|initiative|alliance|"
    r"association|group|bloc|station|project|programme|program|partnership|coalition|framework|body|"
    r"consortium|task|format|pact|grouping|network|principles|club|base)\b",
    re.IGNORECASE,
)
# "the agreement on the BRICS constellation": a document described by what follows is a new one
DESCRIBED_DOCUMENT = re.compile(
    r"(?i)(?:agreement|accords?|pact|principles)\s+(?:on|for|between|concerning|regarding|covering|"
    r"to\s+(?!join\b|sign\b|accede\b|the\b)[a-z]+|"  # "the agreement to build SMILE jointly"
    r"(?:that|which)\s+(?:made|makes|brought|brings|turned)\b)"  # "the agreement that made X a member of Y"
)
ANAPHOR_ANYWHERE = re.compile(ANAPHOR.pattern.removeprefix(r"\s*"), re.IGNORECASE)
MEMBER_WORDS = re.compile(
    r"\b(?:members?|membership|member\s+states|states?|countries|signator\w*|partners?|participants?|participating|"
    r"participation|"
    r"associates?|parties|joined|joining|accessions?|admitted|founders?|founding|signed)\b",
    re.IGNORECASE,
)

INSTRUMENT_HEADER = re.compile(r"(?i)\b(?:instrument|agreement|memorand|treaty|mou)")
# A section heading that is only a membership label ("## Members", "Founding member states").
MEMBERS_HEADING = re.compile(
    r"^[#\s*]*(?:(?:slide|section|part|chapter)\s+\d+\s*[–—:.-]\s*|\d+(?:\.\d+)*\.?\s+)?"  # "Slide 4 – "
    r"(?:(?:(?:current|full|founding|new|state|institutional|associate)\s+)?"
    r"(?:members?|member\s+(?:states|countries|institutions)|membership|signatories|partners|participants)|"
    r"(?:participating|partner|signatory)\s+(?:states|countries|institutions|bodies))"
    r"(?:\s+(?:by|as\s+of|in|since|at)\s[^.:]{0,40})?"  # "Participating states by year of signature"
    r"(?:\s*\((?:signed|confirmed|current|full|official|as\s+of\s[^)]{1,30})\))?[\s*:]*$",  # "(signed)"
    re.IGNORECASE,
)


@cache
@functools.cache
def framework_properties() -> dict[str, dict[str, str]]:
    """Per framework: the kind of instrument it is and the role its members hold (reference data)."""
    text = resources.files("pipeline.reference").joinpath("frameworks.csv").read_text(encoding="utf-8")
    return {row["canonical"]: row for row in csv.DictReader(text.splitlines())}


def framework_role(framework: str, default: str = "member") -> str:
    """'signatory' for accords that members sign, else `default`."""
    row = framework_properties().get(framework)
    return row["joined_as"] if row and row["joined_as"] == "signatory" else default


def is_organisation(framework: str) -> bool:
    """A framework that is itself a body with organs and can act or join ("APSCO", "IDSEA")."""
    return "organisation" in framework_properties().get(framework, {}).get("nouns", "").split()


def states_only(framework: str) -> bool:
    """A framework only states belong to (the Accords, BRICS, the BRI, APSCO): an agency that signs
    for one of them makes its state the member (reference data: the `members` column)."""
    return framework_properties().get(framework, {}).get("members") == "states"


def joined_by_document(framework: str) -> bool:
    """A framework states join by signing a bilateral cooperation document with China (the BRI)."""
    row = framework_properties().get(framework)
    return bool(row) and row.get("joined_by") == "document"


# A sentence telling what a table holds: "the table lists ...", "The table below shows ..."
TABLE_DESCRIPTION = re.compile(
    r"(?i)\b(?:the|this|following)\s+(?:\w+\s+)?table\s+(?:below\s+|above\s+)?"
    r"(?:lists|list|shows|show|gives|give|sets\s+out|records|names|covers)\b"
)
# The headword opening a reference entry: "**APSCO** —", "__BRICS__:", "ILRS —"
ENTRY_LABEL = re.compile(r"\s*(?:(?:\*\*|__)[^*_\n]{1,80}(?:\*\*|__)\s*[—–:-]?|[^—–:.\n]{1,60}\s[—–]\s)")


class FrameworkTracker:
    """Remembers the framework the text is currently about, sentence by sentence."""

    def __init__(self, doc: Document) -> None:
        self.current: str | None = None
        self.history: list[str] = []  # frameworks named so far, most recent last
        self.last_parties: list = []  # parties opening the previous sentence, for "it" / "they"
        self.last_list: list = []  # the last sentence naming several parties, for "the two governments"
        self.previous: Sentence | None = None  # the sentence read before this one
        self.last_of_kind: dict[str, list] = {}  # the last states, and agencies, named together
        self._by_block: dict[int, list[Sentence]] = {}
        self._rows: dict[int | None, list[Sentence]] = {}  # table rows by their header's block
        self._per_table: dict[tuple, object] = {}  # facts about a whole table or list, computed once
        for sentence in doc.sentences:
            self._by_block.setdefault(sentence.block_index, []).append(sentence)
            if sentence.block.kind == "table_row" and sentence.cells:
                self._rows.setdefault(sentence.block.context, []).append(sentence)

    def table_rows(self, header: int | None) -> list[Sentence]:
        """The rows of the table whose header is block `header`."""
        return self._rows.get(header, [])

    def per_table(self, key: tuple, compute: Callable[[], T]) -> T:
        """`compute()` for a fact about a whole table or list (`key` names its header block and the
        question), once: asking it row by row would read every row for each row."""
        if key not in self._per_table:
            self._per_table[key] = compute()
        return self._per_table[key]  # type: ignore[return-value]

    @staticmethod
    def framework_name(mention: Mention) -> str | None:
        if mention.kind == "framework":
            return mention.canonical
        if mention.kind == "mission" and mention.canonical.startswith("Artemis"):
            return "Artemis Accords"  # one joins Artemis by signing its accords
        return None

    def named(self, sentence: Sentence) -> list[tuple[str, Mention]]:
        found = []
        for mention in sentence.mentions:
            name = self.framework_name(mention)
            if name:
                found.append((name, mention))
        return found

    def enter(self, sentence: Sentence) -> None:
        if sentence.block.kind == "list_item" and sentence.block.context is not None:
            lead = self.lead_in(sentence.block)
            if lead is not None:
                self.current = lead[0]  # the list's framework, whatever the items before it named
        if sentence.block.kind == "heading":
            names = {name for name, _ in self.named(sentence)}
            if len(names) == 1:
                self.current = names.pop()
                self.history.append(self.current)

    def leave(self, sentence: Sentence) -> None:
        from pipeline.core.rules.common import parties_in

        named = self.named(sentence)
        if named:
            self.current = named[-1][0]
            self.history += [name for name, _ in named]
        found = parties_in(sentence, 0, len(sentence.text))
        colon = sentence.text.find(":", 0, 70)  # "Also NOT true, despite X: the University of Y has not ..."
        opening = [p for p, m in found if m.end <= 60 + max(colon, 0)]
        if opening:
            self.last_parties = opening[:1]
        if len(found) >= 2:
            self.last_list = [p for p, _ in found]
        for kind in ("country", "space_agency"):
            of_kind = [p for p, _ in found if p.member_type == kind]
            if len(of_kind) >= 2:
                self.last_of_kind[kind] = of_kind
        self.previous = sentence

    def referent(self, noun: str, recent: list[str] | None = None) -> str | None:
        """The most recent framework that `noun` ('the organisation', 'the Accords') can refer to."""
        noun = noun.lower()
        for name in reversed(self.history + (recent or [])):
            nouns = framework_properties().get(name, {}).get("nouns", "").split()
            if noun in nouns or noun.rstrip("s") in nouns or not nouns:
                return name
        return None

    def anaphor_after(
        self, text: str, position: int, sentence: Sentence | None = None
    ) -> tuple[str, int] | None:
        """'the agreement' right after `position`, standing for a framework named before (earlier
        in `sentence` first)."""
        match = ANAPHOR.match(text, position)
        if match and not DESCRIBED_DOCUMENT.match(text, match.start("noun")):
            referent = self.referent(match.group("noun"), self._named_before(sentence, position))
            if referent:
                return referent, match.end()
        return None

    def in_scope(self, sentence: Sentence, position: int) -> str | None:
        """The framework named last before `position` in the sentence, else the one in scope."""
        before = self._named_before(sentence, position)
        return before[-1] if before else self.current

    def _named_before(self, sentence: Sentence | None, position: int) -> list[str]:
        if sentence is None:
            return []
        return [name for name, m in self.named(sentence) if m.end <= position]

    def framework_near(self, sentence: Sentence, position: int) -> str | None:
        """The framework a composition statement at `position` is about."""
        named = self.named(sentence)
        before = [name for name, m in named if m.end <= position]
        if before:
            return before[-1]
        anaphor = ANAPHOR_ANYWHERE.search(sentence.text[:position])
        if anaphor and self.referent(anaphor.group("noun")):
            return self.referent(anaphor.group("noun"))
        after = [name for name, m in named if m.start >= position]
        if after:
            return after[0]
        anaphor = ANAPHOR_ANYWHERE.search(sentence.text)
        if anaphor and self.referent(anaphor.group("noun")):
            return self.referent(anaphor.group("noun"))
        if re.match(r"\s*(?:it|its)\b", sentence.text, re.I) and self.current:
            return self.current
        return self.entry_topic(sentence)

    def entry_topic(self, sentence: Sentence) -> str | None:
        """The framework a glossary or reference entry is about, named by the bold headword or the
        label opening its paragraph ("**BRICS** — Est. 2009 ... Indonesia: full member from ...")."""
        block = self._by_block.get(sentence.block_index, [])
        if not block or block[0].block.kind not in ("paragraph", "list_item"):
            return None
        label = ENTRY_LABEL.match(block[0].text)
        if label is None:
            return self._headword_above(sentence.block_index)
        names = {name for name, m in self.named(block[0]) if m.end <= label.end()}
        return names.pop() if len(names) == 1 else None

    def _headword_above(self, index: int) -> str | None:
        """The framework a heading just above the paragraph consists of, and nothing else (a
        definition list's term: "International Lunar Research Station (ILRS)", then its entry)."""
        above = self._by_block.get(index - 1, [])
        if len(above) != 1 or above[0].block.kind != "heading":
            return None
        heading = above[0]
        named = self.named(heading)
        rest = heading.text
        for _, mention in sorted(named, key=lambda n: -n[1].start):
            rest = rest[: mention.start] + rest[mention.end :]
        names = {name for name, _ in named}
        return names.pop() if len(names) == 1 and not re.search(r"\w", rest) else None

    def caption_sentences(self, block) -> list[Sentence]:
        """The sentences of a table row's caption (or the title line above its header)."""
        caption = block.caption if block.caption is not None else self._caption_above(block.context)
        return self._by_block.get(caption, []) if caption is not None else []

    def table_context(self, doc: Document, block) -> tuple[str | None, list[str], str]:
        """(framework, header cell texts, caption + header text) for a table row."""
        header_cells: list[str] = []
        texts: list[str] = []
        frameworks: list[str] = []
        caption = block.caption if block.caption is not None else self._caption_above(block.context)
        for index in (caption, block.context):
            if index is None:
                continue
            for sentence in self._by_block.get(index, []):
                texts.append(sentence.text)
                frameworks += [name for name, _ in self.named(sentence)]
                if index == block.context:
                    header_cells = [sentence.text[s:e] for s, e in sentence.cells]
        context_text = " ".join(texts)
        if not frameworks:
            # no framework in the caption or header: the section's heading, else the framework the
            # text is about, when the heading or the header says the rows are members
            heading = self.section_heading(block.context if block.context is not None else -1)
            named = [name for name, _ in self.named(heading)] if heading else []
            named = named or self._described_table(block.context if block.context is not None else -1)
            heading_text = heading.text if heading else ""
            instruments = INSTRUMENT_HEADER.search(" ".join(header_cells))  # a table of agreements
            if named or (
                self.current
                and not instruments
                and MEMBER_WORDS.search(f"{' '.join(header_cells)} {heading_text} {context_text}")
            ):
                frameworks = named[:1] or [self.current]
                context_text = f"{heading_text} {context_text}"
        if not frameworks or not MEMBER_WORDS.search(context_text):
            return None, header_cells, context_text
        return frameworks[0], header_cells, context_text

    def _described_table(self, header: int) -> list[str]:
        """The framework a sentence before the table says it lists ("the table lists adherents to
        the Artemis Accords", "The table below shows ILRS partners"): the nearest such sentence."""
        return self.per_table((header, "described"), lambda: self._table_description(header))

    def _table_description(self, header: int) -> list[str]:
        for index in range(header - 1, -1, -1):
            for sentence in reversed(self._by_block.get(index, [])):
                described = TABLE_DESCRIPTION.search(sentence.text)
                if described is None:
                    continue
                names = {name for name, m in self.named(sentence) if m.start >= described.end()}
                if len(names) == 1:
                    return [names.pop()]
        return []

    def section_heading(self, before: int) -> Sentence | None:
        """The nearest heading line above block `before` (not a list lead-in)."""
        for index in range(before - 1, -1, -1):
            for sentence in self._by_block.get(index, []):
                if sentence.block.kind == "heading" and not sentence.text.rstrip().endswith(":"):
                    return sentence
        return None

    def _caption_above(self, header: int | None) -> int | None:
        """The short block just above a table header (a caption the segmenter did not label)."""
        if header is None:
            return None
        for index in range(header - 1, max(-1, header - 3), -1):
            sentences = self._by_block.get(index)
            if sentences:
                text = " ".join(s.text for s in sentences)
                kind = sentences[0].block.kind
                return (
                    index
                    if kind in ("heading", "paragraph", "table_caption") and len(text.split()) <= 40
                    else None
                )
        return None

    def caption_parties(self, block) -> list:
        """Participants named in a table's caption ("China's bilateral cooperation")."""
        from pipeline.core.rules.common import parties_in

        parties = []
        caption = block.caption if block.caption is not None else self._caption_above(block.context)
        for sentence in self._by_block.get(caption, []) if caption is not None else []:
            parties += [p for p, _ in parties_in(sentence, 0, len(sentence.text), skip_modifiers=False)]
        return parties

    def lead_in(self, block) -> tuple[str, Sentence] | None:
        """(framework, lead-in sentence) when a list's lead-in names (or refers back to) a framework
        and says its items are members; read once per list, with the framework in scope where the
        list begins (an item naming APSCO as a partner does not change the list's framework)."""
        return self.per_table((block.context, "lead-in"), lambda: self._lead_in(block))

    def _lead_in(self, block) -> tuple[str, Sentence] | None:
        lead = self._by_block.get(block.context, [])
        for sentence in lead:
            names = [name for name, _ in self.named(sentence)]
            anaphor = ANAPHOR_ANYWHERE.search(sentence.text)
            if not names and anaphor:
                names = [n for n in [self.referent(anaphor.group("noun"))] if n]
            if (
                names
                and sentence.text.rstrip().endswith(":")
                and any(MEMBER_WORDS.search(s.text) for s in lead)  # "The foreign members are ... Three I
            ):  # can confirm from the association's own notices:"
                return names[0], sentence
            if names and MEMBER_WORDS.search(sentence.text) and sentence.block.kind == "heading":
                return names[0], sentence
            if (
                not names
                and self.current
                and sentence.block.kind == "heading"
                and MEMBERS_HEADING.match(sentence.text)
            ):
                return self.current, sentence  # "## Members" in a page about one framework
        heading = self.section_heading(block.context + 1) if block.context is not None else None
        if heading is not None and MEMBER_WORDS.search(heading.text):
            names = {name for name, _ in self.named(heading)}
            if len(names) == 1:  # "Is there an up-to-date list of ILRS members?"
                return names.pop(), heading
        return None
