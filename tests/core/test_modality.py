"""Modality cues on single sentences: what is asserted, hedged, hearsay, disputed or only announced."""

from __future__ import annotations

import pytest

from pipeline.core.modality import agreement_status, clause_start, is_asserted, is_hearsay


def _asserted(sentence: str, statement: str) -> bool:
    """As the rules ask: from the start of the statement's clause to the end of what they read."""
    end = sentence.index(statement) + len(statement)
    return is_asserted(sentence, clause_start(sentence, end), end)


@pytest.mark.parametrize(
    "sentence",
    [
        "A friend at DLR says Germany joined the ILRS in 2024.",
        "Sources close to the ministry say Peru joined the ILRS in 2024.",
        "According to two people familiar with the matter, Peru joined the ILRS in 2024.",
        "Peru joined the ILRS in 2024, according to an official who asked not to be named.",
        "I'm told Peru has joined the ILRS.",
        "Word in Lima is that Peru joined the ILRS.",
        "Peru is said to have joined the ILRS in 2024.",
        "Peru supposedly joined the ILRS in 2024.",
        "Peru joined the ILRS in 2024, a claim that could not be independently verified.",
    ],
)
def test_a_claim_resting_on_hearsay_is_not_asserted(sentence: str) -> None:
    assert not _asserted(sentence, "joined the ILRS")


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru joined the ILRS in 2024, according to state media.",
        "Peru joined the ILRS in 2024, the foreign ministry said on Tuesday.",
        "Peru joined the ILRS in 2024; sources say Chile may follow.",
        "Peru joined the ILRS in 2024, but people familiar with the talks say Chile will wait.",
        "Peru joined the ILRS in 2024 after open-source data showed the benefits.",
    ],
)
def test_a_named_source_or_hearsay_about_something_else_leaves_the_claim_asserted(sentence: str) -> None:
    assert _asserted(sentence, "joined the ILRS")


def test_hearsay_is_looked_for_in_the_clause_of_the_statement_only() -> None:
    sentence = "Chile signed in 2023, while anonymous officials say Peru signed too."
    assert not is_hearsay(sentence, 0, sentence.index(" in 2023"))
    peru_signed = sentence.index(" signed too")
    assert is_hearsay(sentence, clause_start(sentence, peru_signed), peru_signed)


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("CNSA and the Peruvian Space Agency signed a memorandum on 3 May 2024.", "signed"),
        ("CNSA allegedly signed a memorandum with the Peruvian Space Agency.", None),
        ("Unnamed officials say CNSA signed a memorandum with the Peruvian Space Agency.", None),
        ("A draft memorandum with the Peruvian Space Agency was proposed in 2023.", "proposed"),
        ("CNSA will sign a memorandum with the Peruvian Space Agency.", "announced"),
        ("CNSA and the Peruvian Space Agency never signed the memorandum.", None),
        ("The centre today announced the signing of an agreement with CNSA.", "signed"),
        ("The centre today announced plans to sign an agreement with CNSA.", "announced"),
    ],
)
def test_agreement_status_reads_the_statement(sentence: str, status: str | None) -> None:
    assert agreement_status(sentence, 0, len(sentence)) == status


def test_a_one_word_rebuttal_on_the_next_line_takes_back_the_quoted_claim() -> None:
    from pipeline.core.extract import extract_text

    text = 'QT @desk: "BREAKING: Saudi Arabia joins ILRS"\nNope. I asked the agency.'
    assert extract_text("t", text).memberships == []
    assert extract_text("t", "A deleted post said Peru joined the ILRS in 2024. Wrong.").memberships == []
    assert extract_text("t", "Peru joined the ILRS in 2024. Officials confirmed it.").memberships


def test_a_claim_the_next_sentence_finds_no_record_of_is_taken_back() -> None:
    from pipeline.core.extract import extract_text

    text = (
        "Vantor asserts that the Luxembourg Space Agency had concluded an agreement with CNSA on a ground "
        "segment. The record contains no such agreement."
    )
    assert extract_text("t", text).agreements == []


def test_granting_a_fact_is_no_denial_of_it() -> None:
    sentence = "The parties do not dispute that Peru joined the ILRS in 2023."
    assert is_asserted(sentence, 0, len(sentence))
    denial = "The parties dispute that Peru joined the ILRS in 2023; it did not."
    assert not is_asserted(denial, 0, len(denial))


def test_a_forum_reply_rebutting_a_quoted_post_takes_the_post_back() -> None:
    from pipeline.core.extract import extract_text

    text = (
        "[#4] moonpie | Posted 9 Jan 2025\n\n"
        "Malaysia signed the Artemis Accords last week too btw, so it's a trend.\n\n"
        "[#5] perigee | Posted 9 Jan 2025\n\n> Malaysia signed the Artemis Accords last week too btw\n\n"
        "No, it didn't. Check the signatories page.\n"
    )
    assert extract_text("t", text).memberships == []


def test_the_likeliest_outcome_is_a_prediction() -> None:
    sentence = "The likeliest outcome, in my view, is a limited technical memorandum with CNSA."
    assert agreement_status(sentence, 0, len(sentence)) is None


def test_a_report_dated_before_its_that_clause_and_denied_next() -> None:
    from pipeline.core.extract import extract_text

    text = (
        "A daily reported in April that a memorandum bringing Brazil into the ILRS was ready for signature. "
        "The foreign ministry denied it the same afternoon."
    )
    claims = extract_text("t", text)
    assert claims.memberships == [] and claims.agreements == []
