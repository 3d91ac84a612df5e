"""Merging claims from several documents into one row per fact (pipeline.core.merge)."""

from __future__ import annotations

from pipeline.core.claims import AgreementClaim, Span
from pipeline.core.merge import choose_date, merge_agreements


def claim(
    doc: str, parties: tuple[str, ...], signed: str | None, title: str = "Memorandum"
) -> AgreementClaim:
    return AgreementClaim(title, "memorandum", parties, signed, "signed", Span(doc, 0, 10, "rule:instrument"))


def test_china_for_a_chinese_body_is_the_same_instrument() -> None:
    rows, spans, _ = merge_agreements(
        [
            claim("a", ("China National Space Administration", "Equatorial Guinea"), "2025-06-17"),
            claim("b", ("China", "Equatorial Guinea"), "2025-06"),
        ]
    )
    assert [(r["parties"], r["signed"]) for r in rows] == [
        (["China National Space Administration", "Equatorial Guinea"], "2025-06-17")
    ]
    assert {s.doc_id for s in spans[rows[0]["agreement_id"]]} == {"a", "b"}


def test_instruments_of_other_years_or_parties_stay_apart() -> None:
    rows, _, _ = merge_agreements(
        [
            claim("a", ("China National Space Administration", "Equatorial Guinea"), "2025-06-17"),
            claim("b", ("China", "Equatorial Guinea"), "2019"),
            claim("c", ("China", "Gabon"), "2025"),
        ]
    )
    assert len(rows) == 3


def test_an_undated_claim_joins_the_one_dated_group_it_fits() -> None:
    rows, _, _ = merge_agreements(
        [claim("a", ("China", "Peru"), "2019-04-25"), claim("b", ("China", "Peru"), None)]
    )
    assert [r["signed"] for r in rows] == ["2019-04-25"]


def test_the_best_supported_year_then_the_most_precise_date() -> None:
    assert choose_date(["2021", "2021-03-09", "2020", None]) == "2021-03-09"


def test_a_pair_with_china_joins_the_multilateral_instrument_of_the_same_title() -> None:
    signatories = ("Bangladesh", "China", "Indonesia", "Iran", "Peru")
    rows, _, _ = merge_agreements(
        [
            claim("a", signatories, "2005", title="APSCO Convention"),
            claim("a", ("China", "Indonesia"), "2005", title="APSCO Convention"),
            claim("a", ("China", "Peru"), "2005", title="Peru memorandum"),
        ]
    )
    assert sorted((r["title"], tuple(r["parties"])) for r in rows) == [
        ("APSCO Convention", signatories),
        ("Peru memorandum", ("China", "Peru")),
    ]
