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
