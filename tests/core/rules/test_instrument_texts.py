"""The instrument a whole document is the text of: its title's parties and its closing formula's date."""

from __future__ import annotations

from pipeline.core.extract import extract_text

TREATY = (
    "UNOFFICIAL TRANSLATION\n\n"
    "AGREEMENT\nBETWEEN THE GOVERNMENT OF THE REPUBLIC OF CHILE\nAND THE GOVERNMENT OF THE REPUBLIC OF PERU\n"
    "ON COOPERATION IN SATELLITE REMOTE SENSING\n\n"
    "The Government of the Republic of Chile and the Government of the Republic of Peru (the Parties),\n\n"
    "HAVE AGREED AS FOLLOWS:\n\nArticle 1\nThe Parties shall exchange satellite data.\n\n"
    "Done at Lima on 3 April 2024, in two originals in the Spanish language.\n\n"
    "For the Government of Chile        For the Government of Peru\n"
)


def test_the_document_is_the_instrument_its_title_names() -> None:
    [own] = [a for a in extract_text("t", TREATY).agreements if a.span.method == "text:instrument"]
    assert (own.parties, own.signed, own.status, own.agreement_type) == (
        ("Chile", "Peru"),
        "2024-04-03",
        "signed",
        "cooperation_agreement",
    )
    assert own.title == "Agreement on Cooperation in Satellite Remote Sensing"


def test_a_draft_or_a_text_without_a_closing_formula_is_no_signed_instrument() -> None:
    unsigned = TREATY.replace("Done at Lima on 3 April 2024, in two originals in the Spanish language.", "")
    draft = TREATY.replace("UNOFFICIAL TRANSLATION", "DRAFT FOR CONSULTATION")
    for text in (unsigned, draft):
        assert not [a for a in extract_text("t", text).agreements if a.span.method == "text:instrument"]


GAZETTE = """OFFICIAL GAZETTE OF THE REPUBLIC OF NICARAGUA

DECREE No. 14/2024

CONSIDERING that on 24 April 2024 Nicaragua and CNSA signed a memorandum on the ILRS;

HEREBY DECREES:

Article 1. The Memorandum is approved in all its parts.

Given in the city of Managua, on the thirtieth day of December of the year two thousand and twenty-four.

DECREE No. 2/2025

HEREBY DECREES:

Article 1. The Agreement on Cooperation in Outer Space is ratified.

Given in the city of Managua, on the ninth day of January of the year two thousand and twenty-five.

NOTICE No. 3/2025

A draft decree on a lease is in preparation.
"""


def test_decrees_a_gazette_prints_whole() -> None:
    laws = [a for a in extract_text("t", GAZETTE).agreements if a.agreement_type == "legislation"]
    assert sorted((a.title, a.parties, a.signed) for a in laws) == [
        ("Decree No. 14/2024", ("Nicaragua",), "2024-12-30"),
        ("Decree No. 2/2025", ("Nicaragua",), "2025-01-09"),
    ]
