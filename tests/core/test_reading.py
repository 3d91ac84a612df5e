"""Reading a document: document-wide conventions and references resolved across sentences."""

from __future__ import annotations

from pipeline.core.gazetteer import Gazetteer
from pipeline.core.reading import read


def dates_of(text: str) -> list[list[str]]:
    return [[d.value for d in s.dates] for s in read("t", text, Gazetteer.default()).sentences]


def test_a_document_that_says_it_writes_day_first_reads_ambiguous_dates_so() -> None:
    text = "All dates are written day/month/year.\n\n• 08/07/2025: Chad joined the ILRS.\n"
    assert dates_of(text)[-1] == ["2025-07-08"]


def test_a_date_that_only_reads_day_first_sets_the_convention() -> None:
    text = "• 14/03/2025: Mali joined.\n\n• 08/07/2025: Chad joined.\n"
    assert dates_of(text)[-1] == ["2025-07-08"]


def test_without_a_convention_an_ambiguous_date_gives_its_year() -> None:
    assert dates_of("• 08/07/2025: Chad joined the ILRS.\n")[-1] == ["2025"]


def test_the_sultanate_stands_for_the_state_named_before() -> None:
    doc = read("t", "Oman's minister signed it, bringing the Sultanate into the BRI.", Gazetteer.default())
    stood_for = [m.canonical for m in doc.sentences[0].mentions if m.source == "anaphor"]
    assert stood_for == ["Oman"]
