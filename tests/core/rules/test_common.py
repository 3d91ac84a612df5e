"""Helpers shared by the rules: who in a sentence can be a party."""

from __future__ import annotations

import pytest

from pipeline.core.extract import extract_text
from pipeline.core.rules.common import attribution_spans


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("China and Egypt signed a memorandum on Monday, Egypt's space agency said.", "Egypt's space agency"),
        ("They signed it in Cairo, the agency said in a statement on 4 March.", "the agency"),
        ("The two sides signed a protocol, said Roscosmos.", "Roscosmos"),
        ("Laos signed the agreement in 2021, according to CNSA.", "CNSA"),
    ],
)
def test_the_speaker_of_a_closing_attribution(sentence: str, speaker: str) -> None:
    assert [sentence[a:b] for a, b in attribution_spans(sentence)] == [speaker]


def test_a_speaker_who_goes_on_to_report_is_not_an_attribution() -> None:
    assert attribution_spans("Later, Roscosmos said it had signed a roadmap with CNSA.") == ()


def test_the_speaker_is_no_party_to_what_it_reports() -> None:
    [deal] = extract_text(
        "t",
        "China and Egypt signed a memorandum of understanding on remote sensing, Egypt's space agency said.",
    ).agreements
    assert deal.parties == ("China", "Egypt")


def test_an_agency_named_earlier_and_then_quoted_is_no_party_of_the_next_deal() -> None:
    text = (
        "The China National Space Administration and the Brazilian Space Agency signed a protocol "
        "in 2019.\n\n"
        "SUPARCO and CNSA reached an agreement in 2024 on a lunar rover, the agency said."
    )
    parties = {a.parties for a in extract_text("t", text).agreements}
    assert (
        "China National Space Administration",
        "Pakistan Space and Upper Atmosphere Research Commission",
    ) in parties


def test_a_fragment_line_and_its_party_pieces() -> None:
    from pipeline.core.gazetteer import Gazetteer
    from pipeline.core.reading import read
    from pipeline.core.rules.common import fragments, party_fragment

    [line] = read(
        "t", "- 9 Mar 2021 – CNSA / Roscosmos – MoU – joint construction", Gazetteer.default()
    ).sentences
    pieces = [line.text[a:b] for a, b in fragments(line)]
    assert pieces == ["9 Mar 2021", "CNSA / Roscosmos", "MoU", "joint construction"]
    parties = [p.name for p, _ in party_fragment(line, fragments(line)[1])]
    assert parties == ["China National Space Administration", "Roscosmos"]
    assert party_fragment(line, fragments(line)[3]) == []
    [prose] = read("t", "CNSA and Roscosmos signed a memorandum in 2021.", Gazetteer.default()).sentences
    assert fragments(prose) == []
