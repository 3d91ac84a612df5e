"""Tests for pipeline.core.segment: structural blocks, sentences and the clean view."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.core.segment import (
    FURNITURE,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    TABLE_CAPTION,
    TABLE_HEADER,
    TABLE_ROW,
    Block,
    Sentence,
    clean_view,
    split_blocks,
    split_sentences,
)

# --------------------------------------------------------------------------- helpers


def texts(text: str, blocks: list[Block]) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start : b.end]) for b in blocks]


def sentence_texts(text: str, sentences: list[Sentence]) -> list[str]:
    return [text[s.start : s.end] for s in sentences]


def assert_well_formed(text: str, blocks: list[Block], sentences: list[Sentence]) -> None:
    """Offsets in bounds, sorted, non-overlapping, trimmed; sentences inside their block."""
    prev = 0
    for b in blocks:
        assert 0 <= prev <= b.start < b.end <= len(text)
        piece = text[b.start : b.end]
        assert piece == piece.strip(), piece
        for cs, ce in b.cells:
            assert b.start <= cs < ce <= b.end
            cell = text[cs:ce]
            assert cell == cell.strip(" \t\xa0|")
        prev = b.end
    prev = 0
    for s in sentences:
        assert 0 <= prev <= s.start < s.end <= len(text)
        b = blocks[s.block]
        assert b.kind != FURNITURE
        assert b.start <= s.start and s.end <= b.end
        assert text[s.start : s.end] == text[s.start : s.end].strip()
        prev = s.end


# --------------------------------------------------------------------------- blocks

MIXED = (
    "Lunar Partnerships After 2020\n"
    "\n"
    "Beijing and Moscow signed a joint statement on a lunar station.\n"
    "Several other states followed within two years.\n"
    "The partners agreed on three work packages:\n"
    "- orbital relay satellites,\n"
    "- a surface power plant,\n"
    "- shared ground stations.\n"
    "Table 7. Work packages and lead agencies\n"
    "Package | Lead agency | Start |\n"
    "Relay | CNSA | 2026 |\n"
    "Power | Roscosmos | 2028 |\n"
    "Closing remarks follow here.\n"
)


def test_block_kinds_and_exact_offsets() -> None:
    blocks = split_blocks(MIXED)
    assert texts(MIXED, blocks) == [
        (HEADING, "Lunar Partnerships After 2020"),
        (PARAGRAPH, "Beijing and Moscow signed a joint statement on a lunar station."),
        (PARAGRAPH, "Several other states followed within two years."),
        (HEADING, "The partners agreed on three work packages:"),
        (LIST_ITEM, "- orbital relay satellites,"),
        (LIST_ITEM, "- a surface power plant,"),
        (LIST_ITEM, "- shared ground stations."),
        (TABLE_CAPTION, "Table 7. Work packages and lead agencies"),
        (TABLE_HEADER, "Package | Lead agency | Start |"),
        (TABLE_ROW, "Relay | CNSA | 2026 |"),
        (TABLE_ROW, "Power | Roscosmos | 2028 |"),
        (PARAGRAPH, "Closing remarks follow here."),
    ]
    assert_well_formed(MIXED, blocks, split_sentences(MIXED, blocks))


def test_list_items_scoped_by_lead_in_line() -> None:
    blocks = split_blocks(MIXED)
    lead = next(i for i, b in enumerate(blocks) if MIXED[b.start : b.end].endswith(":"))
    items = [b for b in blocks if b.kind == LIST_ITEM]
    assert len(items) == 3
    assert all(b.context == lead for b in items)
    assert all(b.caption is None for b in items)
    # Each item is its own sentence, without the bullet marker.
    sents = split_sentences(MIXED, blocks)
    item_sents = [MIXED[s.start : s.end] for s in sents if blocks[s.block].kind == LIST_ITEM]
    assert item_sents == ["orbital relay satellites,", "a surface power plant,", "shared ground stations."]


def test_list_under_short_heading_and_markdown_numbered_list() -> None:
    text = (
        "# Key points\n\n"
        "* Launch slots are shared.\n"
        "* Data is exchanged monthly.\n\n"
        "## Steps\n\n"
        "1. Sign the memorandum.\n"
        "2. Build the station.\n"
    )
    blocks = split_blocks(text)
    assert texts(text, blocks) == [
        (HEADING, "# Key points"),
        (LIST_ITEM, "* Launch slots are shared."),
        (LIST_ITEM, "* Data is exchanged monthly."),
        (HEADING, "## Steps"),
        (LIST_ITEM, "1. Sign the memorandum."),
        (LIST_ITEM, "2. Build the station."),
    ]
    assert [b.context for b in blocks] == [None, 0, 0, None, 3, 3]
    sents = sentence_texts(text, split_sentences(text, blocks))
    assert sents[0] == "Key points"  # Markdown hashes are not part of the sentence
    assert sents[-1] == "Build the station."


def test_pipe_table_with_caption_header_and_cells() -> None:
    blocks = split_blocks(MIXED)
    cap = next(i for i, b in enumerate(blocks) if b.kind == TABLE_CAPTION)
    header = next(i for i, b in enumerate(blocks) if b.kind == TABLE_HEADER)
    rows = [b for b in blocks if b.kind == TABLE_ROW]
    assert header == cap + 1
    assert blocks[header].caption == cap and blocks[header].context is None
    assert all(r.caption == cap and r.context == header for r in rows)
    cells = [[MIXED[a:z] for a, z in b.cells] for b in (blocks[header], *rows)]
    assert cells == [
        ["Package", "Lead agency", "Start"],
        ["Relay", "CNSA", "2026"],
        ["Power", "Roscosmos", "2028"],
    ]
    sents = split_sentences(MIXED, blocks)
    row_sents = [s for s in sents if blocks[s.block].kind == TABLE_ROW]
    assert [MIXED[s.start : s.end] for s in row_sents] == [
        "Relay | CNSA | 2026 |",
        "Power | Roscosmos | 2028 |",
    ]


def test_markdown_table_with_separator_row_and_no_caption() -> None:
    text = (
        "The missions below carried foreign payloads.\n\n"
        "| Mission | Partner | Payload |\n"
        "|:--------|:-------:|--------:|\n"
        "| Chang'e-4 | Sweden | ion analyser |\n"
        "|  Tianwen-1 |  Austria |  magnetometer  |\n"
    )
    blocks = split_blocks(text)
    kinds = [b.kind for b in blocks]
    assert kinds == [PARAGRAPH, TABLE_HEADER, FURNITURE, TABLE_ROW, TABLE_ROW]
    assert blocks[1].caption is None
    assert blocks[3].context == 1 and blocks[4].context == 1
    assert [text[a:z] for a, z in blocks[4].cells] == ["Tianwen-1", "Austria", "magnetometer"]
    assert blocks[2].cells == ()
    sents = split_sentences(text, blocks)
    assert all(blocks[s.block].kind != FURNITURE for s in sents)
    assert len(sents) == 4


def test_markdown_table_without_outer_pipes() -> None:
    text = "Site | Country\n---|---\nKourou | France\nAlcantara | Brazil\n"
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == [TABLE_HEADER, FURNITURE, TABLE_ROW, TABLE_ROW]
    assert [text[a:z] for a, z in blocks[3].cells] == ["Alcantara", "Brazil"]


def test_tab_separated_table() -> None:
    text = "Ground stations\nName\tCountry\tOpened\nSanta Cruz\tArgentina\t2017\nKiruna\tSweden\t\t1966\n"
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == [TABLE_CAPTION, TABLE_HEADER, TABLE_ROW, TABLE_ROW]
    assert blocks[1].caption == 0 and blocks[2].caption == 0
    assert [text[a:z] for a, z in blocks[1].cells] == ["Name", "Country", "Opened"]
    # Empty cells (double tab) are skipped; offsets stay exact.
    assert [text[a:z] for a, z in blocks[3].cells] == ["Kiruna", "Sweden", "1966"]


def test_long_table_caption_and_caption_across_blank_line() -> None:
    text = (
        "Table 3. Satellites launched for foreign customers between 2007 and 2023, by customer and orbit.\n"
        "Customer | Orbit |\n"
        "Nigeria | GEO |\n"
        "\n"
        "Table 4: Ground segment\n"
        "\n"
        "| Station | Host |\n"
        "|---|---|\n"
        "| Swakopmund | Namibia |\n"
    )
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == [
        TABLE_CAPTION,
        TABLE_HEADER,
        TABLE_ROW,
        TABLE_CAPTION,
        TABLE_HEADER,
        FURNITURE,
        TABLE_ROW,
    ]
    assert blocks[2].caption == 0 and blocks[2].context == 1
    assert blocks[6].caption == 3 and blocks[6].context == 4
    assert text[blocks[3].start : blocks[3].end] == "Table 4: Ground segment"


def test_table_directly_after_prose_has_no_caption() -> None:
    text = (
        "The following figures were reported by the agency in its annual review of cooperation.\n"
        "Year | Agreements |\n"
        "2019 | 12 |\n"
        "2020 | 15 |\n"
    )
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == [PARAGRAPH, TABLE_HEADER, TABLE_ROW, TABLE_ROW]
    assert all(b.caption is None for b in blocks)


def test_single_pipe_in_prose_is_not_a_table() -> None:
    text = "Insight Brief No. 12 | March 2024.\nAnother line of ordinary prose here.\n"
    assert TABLE_HEADER not in [b.kind for b in split_blocks(text)]


# --------------------------------------------------------------------------- PDF-like text

PDF = (
    "ORBITS AND ALLIANCES:\n"
    "A STUDY OF SPACE DIPLOMACY\n"
    "\n"
    "Since the early two thousands the agency has pursued co-\n"
    "operation with partners in the Asia-\n"
    "Pacific region, and the Chang'e-5 sample return was \n"
    "one result of that policy. Critics in the U.S. Congress \n"
    "remained sceptical of such ties.\n"
    "\n"
    "57  JOURNAL OF ORBITAL AFFAIRS • Vol. 3 • 2021\n"
    "\n"
    "Joint missions with European institutes followed, and the \n"
    "number of signed memoranda grew steadily over the decade.\n"
    "\n"
    "58\n"
)


def test_pdf_hard_wraps_join_into_one_paragraph() -> None:
    blocks = split_blocks(PDF)
    assert [b.kind for b in blocks] == [HEADING, PARAGRAPH, FURNITURE, PARAGRAPH, FURNITURE]
    assert PDF[blocks[0].start : blocks[0].end] == "ORBITS AND ALLIANCES:\nA STUDY OF SPACE DIPLOMACY"
    para = PDF[blocks[1].start : blocks[1].end]
    assert para.startswith("Since the early") and para.endswith("such ties.")
    assert PDF[blocks[2].start : blocks[2].end] == "57  JOURNAL OF ORBITAL AFFAIRS • Vol. 3 • 2021"
    assert PDF[blocks[4].start : blocks[4].end] == "58"


def test_pdf_paragraph_breaks_without_blank_lines() -> None:
    text = (
        "2. Background\n"
        "The agency signed its first agreement with a European partner in the late \n"
        "seventies, and the cooperation expanded through the following decades.\n"
        "Further accords came later.\n"
        "A second wave of agreements began with the launch of the joint station \n"
        "programme and grew to include several developing countries.\n"
    )
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == [HEADING, PARAGRAPH, PARAGRAPH]
    assert text[blocks[0].start : blocks[0].end] == "2. Background"
    assert text[blocks[1].start : blocks[1].end].endswith("decades.\nFurther accords came later.")
    assert text[blocks[2].start : blocks[2].end].startswith("A second wave")


def test_pdf_sentences_span_newlines_and_skip_furniture() -> None:
    blocks = split_blocks(PDF)
    sents = split_sentences(PDF, blocks)
    got = sentence_texts(PDF, sents)
    assert got[1].startswith("Since the early") and got[1].endswith("one result of that policy.")
    assert "\n" in got[1]
    assert got[2] == "Critics in the U.S. Congress \nremained sceptical of such ties."
    assert not any("JOURNAL" in s or s == "58" for s in got)
    assert_well_formed(PDF, blocks, sents)


def test_clean_view_dehyphenates_and_unwraps() -> None:
    cv = clean_view(PDF)
    assert "cooperation with partners" in cv.text
    assert "Asia-Pacific region" in cv.text  # hyphen kept before an upper-case continuation
    assert "Chang'e-5 sample return was one result" in cv.text
    assert "JOURNAL" not in cv.text and "\n58" not in cv.text
    assert cv.text.startswith("ORBITS AND ALLIANCES: A STUDY OF SPACE DIPLOMACY\n\nSince")
    m = re.search("cooperation", cv.text)
    assert m is not None
    start, end = cv.to_original(m.start(), m.end())
    assert PDF[start:end] == "co-\noperation"
    m = re.search("Asia-Pacific", cv.text)
    assert m is not None
    start, end = cv.to_original(*m.span())
    assert PDF[start:end] == "Asia-\nPacific"


def test_clean_view_subrange_and_whitespace() -> None:
    text = "Alpha\u00a0\u00a0 beta  gamma\tdelta.\n\nSecond  paragraph here."
    cv = clean_view(text, 0, text.index("\n"))
    assert cv.text == "Alpha beta gamma delta."
    assert len(cv.origin) == len(cv.text) + 1
    assert cv.origin[-1] == text.index("\n")
    start, end = cv.to_original(cv.text.index("beta"), cv.text.index("beta") + 4)
    assert text[start:end] == "beta"
    full = clean_view(text)
    assert full.text == "Alpha beta gamma delta.\n\nSecond paragraph here."
    start, end = full.to_original(full.text.index("Second"), len(full.text))
    assert text[start:end] == "Second  paragraph here."
    assert full.to_original(3, 3) == (3, 3)


def test_running_headers_detected_by_repetition() -> None:
    page = (
        "The committee met again in spring and reviewed the draft treaty \n"
        "in considerable detail before the vote.\n"
    )
    # Two pages: a header seen twice counts because its copies carry page numbers.
    text = ""
    for n in (11, 12):
        text += f"Orbital Affairs Review {n}\n\n{page}\n- {n} -\n\n"
    blocks = split_blocks(text)
    furn = [text[b.start : b.end] for b in blocks if b.kind == FURNITURE]
    assert furn == ["Orbital Affairs Review 11", "- 11 -", "Orbital Affairs Review 12", "- 12 -"]
    assert [b.kind for b in blocks].count(PARAGRAPH) == 2
    cv = clean_view(text)
    assert "Review" not in cv.text and "11" not in cv.text
    assert cv.text.count("in considerable detail before the vote.") == 2
    # Without page numbers, a line must repeat three times.
    twice = "Orbital Affairs Review\n\n" + page + "\nOrbital Affairs Review\n\n" + page
    assert FURNITURE not in [b.kind for b in split_blocks(twice)]
    thrice = twice + "\nOrbital Affairs Review\n\n" + page
    assert [b.kind for b in split_blocks(thrice)].count(FURNITURE) == 3


def test_numbered_structure_lines_are_not_running_headers() -> None:
    text = "".join(
        f"Article {n}\n\nThe parties shall cooperate in good faith on item {n}.\n\n" for n in (1, 2, 3)
    )
    blocks = split_blocks(text)
    assert FURNITURE not in [b.kind for b in blocks]
    assert [text[b.start : b.end] for b in blocks if b.kind == HEADING] == [
        "Article 1",
        "Article 2",
        "Article 3",
    ]


def test_repeated_title_without_page_number_is_not_furniture() -> None:
    text = "Moon Base Plans\n\nBy A Reporter\n\nMoon Base Plans\n\nThe plan was published today.\n"
    assert FURNITURE not in [b.kind for b in split_blocks(text)]


def test_one_paragraph_per_line_keeps_lines_apart() -> None:
    text = (
        "Agencies from four continents attended the forum in Hefei this year.\n"
        "Delegates discussed debris mitigation and data sharing.\n"
        "Outcomes\n"
        "A joint communique was issued on the last day.\n"
    )
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == [PARAGRAPH, PARAGRAPH, HEADING, PARAGRAPH]


def test_crlf_offsets_slice_correctly() -> None:
    lf_text = MIXED + "\n" + PDF
    crlf = lf_text.replace("\n", "\r\n")
    lf_blocks = split_blocks(lf_text)
    cr_blocks = split_blocks(crlf)
    assert [b.kind for b in cr_blocks] == [b.kind for b in lf_blocks]
    for a, b in zip(lf_blocks, cr_blocks, strict=True):
        assert crlf[b.start : b.end].replace("\r\n", "\n") == lf_text[a.start : a.end]
        assert [crlf[x:y] for x, y in b.cells] == [lf_text[x:y] for x, y in a.cells]
    lf_sents = split_sentences(lf_text, lf_blocks)
    cr_sents = split_sentences(crlf, cr_blocks)
    assert [crlf[s.start : s.end].replace("\r\n", "\n") for s in cr_sents] == sentence_texts(
        lf_text, lf_sents
    )
    assert_well_formed(crlf, cr_blocks, cr_sents)
    assert clean_view(crlf).text == clean_view(lf_text).text
    old_mac = lf_text.replace("\n", "\r")
    assert [b.kind for b in split_blocks(old_mac)] == [b.kind for b in lf_blocks]


# --------------------------------------------------------------------------- sentences


def test_abbreviations_initials_and_numbers() -> None:
    text = (
        "The U.S. Department of State and the U.N. Office met on Nov. 4 in Vienna. "
        "Dr. Li and Mr. Okafor signed the protocol, i.e. Annex B of the plan. "
        "See No. 5 of the series, e.g. Beijing and Baikonur etc. and more. "
        "Orbital Space Co. Ltd. supplied the rover. "
        "Researcher A. E. Tarasov notes this [4. P. 12]. "
        "Version V1.0 of the roadmap allots 2.5 billion yuan. "
        "Was it enough? \u201cNo,\u201d said the minister. "
        "Launch dates slipped in Sept. 2021 and Jan. 2022. Work resumed."
    )
    got = sentence_texts(text, split_sentences(text))
    assert got == [
        "The U.S. Department of State and the U.N. Office met on Nov. 4 in Vienna.",
        "Dr. Li and Mr. Okafor signed the protocol, i.e. Annex B of the plan.",
        "See No. 5 of the series, e.g. Beijing and Baikonur etc. and more.",
        "Orbital Space Co. Ltd. supplied the rover.",
        "Researcher A. E. Tarasov notes this [4. P. 12].",
        "Version V1.0 of the roadmap allots 2.5 billion yuan.",
        "Was it enough?",
        "\u201cNo,\u201d said the minister.",
        "Launch dates slipped in Sept. 2021 and Jan. 2022.",
        "Work resumed.",
    ]


def test_sentence_ends_with_closing_quote_and_etc_before_capital() -> None:
    text = "He called it \u201ca new era.\u201d The treaty followed. Tools, masts, etc. Then the crew left."
    got = sentence_texts(text, split_sentences(text))
    assert got == [
        "He called it \u201ca new era.\u201d",
        "The treaty followed.",
        "Tools, masts, etc.",
        "Then the crew left.",
    ]


def test_cjk_text() -> None:
    text = (
        "国际月球科研站\n"
        "中国与俄罗斯签署了合作备忘录。双方将共同建设国际月球科研站！更多国家会加入吗？是的。\n"
        "The Chinese name is 国际月球科研站. It means ILRS.\n"
    )
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == [HEADING, PARAGRAPH, PARAGRAPH]
    got = sentence_texts(text, split_sentences(text, blocks))
    assert got == [
        "国际月球科研站",
        "中国与俄罗斯签署了合作备忘录。",
        "双方将共同建设国际月球科研站！",
        "更多国家会加入吗？",
        "是的。",
        "The Chinese name is 国际月球科研站.",
        "It means ILRS.",
    ]
    cv = clean_view(text)
    assert "合作备忘录。双方" in cv.text


def test_cjk_hard_wrapped_lines_join_without_space() -> None:
    text = "中国航天局与欧洲空间局在二零一九年签署了关于\n联合探测任务的协议并计划共同发射卫星。\n"
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == [PARAGRAPH]
    assert (
        clean_view(text).text
        == "中国航天局与欧洲空间局在二零一九年签署了关于联合探测任务的协议并计划共同发射卫星。"
    )


def test_run_in_headings_in_flattened_page() -> None:
    body = "The agency expanded its network of partners across several continents. " * 12
    text = (
        body
        + "Data Sharing: Principles and Practice The agreement sets common formats for data. "
        + body
        + "Costs, Risks and Benefits of Cooperation Budgets grew slowly over the decade. "
        + body
    )
    blocks = split_blocks(text)
    heads = [text[b.start : b.end] for b in blocks if b.kind == HEADING]
    assert heads == ["Data Sharing: Principles and Practice", "Costs, Risks and Benefits of Cooperation"]
    assert [b.kind for b in blocks] == [PARAGRAPH, HEADING, PARAGRAPH, HEADING, PARAGRAPH]
    after = next(b for b in blocks[2:] if b.kind == PARAGRAPH)
    assert text[after.start :].startswith("The agreement sets")
    # Names at a sentence start are not mistaken for headings.
    plain = body + "President Xi Jinping and Russian President Vladimir Putin signed the plan. " + body
    assert [b.kind for b in split_blocks(plain)] == [PARAGRAPH]


def test_one_line_of_two_megabytes() -> None:
    unit = "China and Brazil operate the CBERS satellites under a joint programme. "
    text = unit * (2_000_000 // len(unit) + 1)
    blocks = split_blocks(text)
    assert len(blocks) == 1 and blocks[0].kind == PARAGRAPH
    assert blocks[0].start == 0 and blocks[0].end == len(text) - 1
    sents = split_sentences(text, blocks)
    assert len(sents) == text.count(". ")
    assert all(text[s.start : s.end] == unit.strip() for s in sents[:50])
    assert sents[-1].end == len(text) - 1
    cv = clean_view(text, blocks=blocks)
    assert cv.text == text.rstrip()
    assert len(cv.origin) == len(cv.text) + 1


def test_byte_order_mark_and_invisible_edges_are_trimmed() -> None:
    text = "\ufeff# Launch Report\n\n\u200bThe rocket lifted off at dawn.\u200b\n"
    blocks = split_blocks(text)
    assert texts(text, blocks) == [
        (HEADING, "# Launch Report"),
        (PARAGRAPH, "The rocket lifted off at dawn."),
    ]


def test_empty_and_blank_inputs() -> None:
    for text in ("", "\n\n", "  \r\n\t\u00a0\n"):
        assert split_blocks(text) == []
        assert split_sentences(text) == []
        cv = clean_view(text)
        assert cv.text == ""
        assert list(cv.origin) == [len(text)]


def test_dataclasses_are_frozen() -> None:
    b = Block("paragraph", 0, 1, None, None)
    with pytest.raises(AttributeError):
        b.start = 3  # type: ignore[misc]
    assert not hasattr(b, "__dict__")


# --------------------------------------------------------------------------- properties

ALPHABET = st.sampled_from(
    [
        *"ab AZ.!?,:;-|\t\n\r()[]\"'",
        *("\r\n", "\u00a0", "\u201c", "\u201d", "\u2028", "\f", "\ufeff", "\xad"),
        *("中", "。", "#", "1", "12 ", "* ", "- ", "|---|", "Table ", "U.S. ", "re-\nsearch"),
        *("CAPS WORD ", "Title Case: Words Here ", "and ", "in "),
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=120).map("".join) | st.text(max_size=200))
def test_property_arbitrary_text(text: str) -> None:
    blocks = split_blocks(text)
    sents = split_sentences(text, blocks)
    prev = 0
    for b in blocks:
        assert 0 <= prev <= b.start < b.end <= len(text)
        assert b.context is None or 0 <= b.context < len(blocks)
        assert b.caption is None or 0 <= b.caption < len(blocks)
        for cs, ce in b.cells:
            assert b.start <= cs < ce <= b.end
        prev = b.end
    prev = 0
    for s in sents:
        assert 0 <= prev <= s.start < s.end <= len(text)
        assert blocks[s.block].start <= s.start and s.end <= blocks[s.block].end
        prev = s.end
    start = len(text) // 3
    for lo, hi in ((0, None), (start, len(text) - start)):
        cv = clean_view(text, lo, hi, blocks=blocks)
        assert len(cv.origin) == len(cv.text) + 1
        assert all(a < b for a, b in zip(cv.origin, cv.origin[1:], strict=False))
        if cv.text:
            assert cv.origin[0] >= lo
            assert cv.origin[-2] < (len(text) if hi is None else hi)
        s2, e2 = cv.to_original(0, len(cv.text))
        assert 0 <= s2 <= e2 <= len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Uruguay signed in August 2018.14 Cuba joined later.",
            ["Uruguay signed in August 2018.14", "Cuba joined later."],
        ),
        (
            "They did so respectively.15 None of these texts.",
            ["They did so respectively.15", "None of these texts."],
        ),
        ("Rule No.5 Says that.", ["Rule No.5 Says that."]),
        ("Growth was 4.5 Percent.", ["Growth was 4.5 Percent."]),
    ],
)
def test_footnote_number_glued_to_a_full_stop_ends_the_sentence(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_sentences(text)] == expected


def test_entry_wrapped_under_the_text_after_a_dot_leader_is_one_block() -> None:
    text = (
        "12.IV.2016 ...... NILESAT-X, a relay built in China for\n"
        "                  Egypt, lifts off from Xichang.\n"
        "\n"
        "III.2019 ........ Egypt joins the Belt and Road Initiative.\n"
    )
    assert [kind for kind, _ in texts(text, split_blocks(text))] == [PARAGRAPH, PARAGRAPH]


def test_a_dot_leader_is_no_full_stop() -> None:
    text = "IV.2019 .......... Jamaica joins the initiative. It was the third."
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "IV.2019 .......... Jamaica joins the initiative.",
        "It was the third.",
    ]


def test_psql_style_table_with_rows_wrapped_onto_continuation_lines() -> None:
    text = (
        "YEAR | WHEN | DAY | ENTRY\n"
        "-----+------+-----+---------------------------\n"
        "2015 | Nov  | 21  | A satellite lifts off on a\n"
        "     |      |     | Long March 3B from Xichang.\n"
        "2016 | Sep  | --  | A memorandum is signed.\n"
    )
    blocks = split_blocks(text)
    rows = [b for b in blocks if b.kind == TABLE_ROW]
    assert [clean_view(text, b.start, b.end, blocks=blocks).text for b in rows] == [
        "2015 | Nov | 21 | A satellite lifts off on a Long March 3B from Xichang.",
        "2016 | Sep | -- | A memorandum is signed.",
    ]
    assert [text[s:e] for s, e in rows[0].cells][-1] == (
        "A satellite lifts off on a\n     |      |     | Long March 3B from Xichang."
    )
    assert [b.kind for b in blocks][:2] == [TABLE_HEADER, FURNITURE]


def test_two_columns_printed_side_by_side_are_read_one_after_the_other() -> None:
    text = (
        "The Universidade de Cabo           The antenna is operated\n"
        "Verde, which trains the            by six Cape Verdean\n"
        "technicians, joined IDSEA.         technicians.\n"
    )
    blocks = split_blocks(text)
    view = clean_view(text, blocks[0].start, blocks[-1].end, blocks=blocks)
    assert view.text == (
        "The Universidade de Cabo Verde, which trains the technicians, joined IDSEA.\n\n"
        "The antenna is operated by six Cape Verdean technicians."
    )
    start = view.text.index("Verde")
    assert text[slice(*view.to_original(start, start + 5))] == "Verde"


def test_a_page_of_two_columns_whose_paragraphs_end_at_different_lines_is_read_column_by_column() -> None:
    text = (
        "Mongolia and China signed a          by the end of the year: Laos\n"
        "memorandum on satellite data in      joined the station in 2024,\n"
        "March 2022.                          while Nepal stayed out.\n"
        "                                     \n"
        "                                     2. OUTLOOK\n"
        "The relay satellite lifted off       Budgets remain small, and no\n"
        "from Xichang on a Long March 4C.     new launch has been booked.\n"
    )
    blocks = split_blocks(text)
    prose = [b for b in blocks if b.kind != FURNITURE]
    assert len(prose) == 1
    view = clean_view(text, prose[0].start, prose[0].end, blocks=blocks)
    assert view.text.split("\n\n") == [
        "Mongolia and China signed a memorandum on satellite data in March 2022.",
        "The relay satellite lifted off from Xichang on a Long March 4C.",
        "by the end of the year: Laos joined the station in 2024, while Nepal stayed out.",
        "2. OUTLOOK Budgets remain small, and no new launch has been booked.",
    ]
    starts = [view.text.index(part) for part in view.text.split("\n\n")[1:]]
    assert list(view.breaks) == starts
    laos = view.text.index("Laos")
    assert text[slice(*view.to_original(laos, laos + 4))] == "Laos"


def test_entries_with_wide_gaps_between_date_fields_are_not_read_as_columns() -> None:
    text = (
        "22  ::  2024  ::  SVOM, the gamma-ray burst satellite, lifts off\n"
        "                  from Xichang on a Long March 2C.\n"
        "25  ::  2024  ::  The return capsule of a lunar mission lands.\n"
        "--  ::  2026  ::  (plan) A lunar lander to the south pole.\n"
    )
    blocks = split_blocks(text)
    joined = " ".join(clean_view(text, b.start, b.end, blocks=blocks).text for b in blocks)
    assert "22 :: 2024 :: SVOM" in joined
    assert not any(clean_view(text, b.start, b.end, blocks=blocks).breaks for b in blocks)


def test_a_table_of_short_cells_is_not_read_as_two_columns() -> None:
    text = "Egypt      2019\nLaos       2020\nNepal      2021\n"
    blocks = split_blocks(text)
    assert "Egypt 2019" in clean_view(text, blocks[0].start, blocks[-1].end, blocks=blocks).text


def test_a_table_flattened_to_one_cell_per_line_is_read_as_a_table() -> None:
    text = (
        "Table 2  Data arrangements\n\n"
        "Partner\nInstrument\nSigned\nStatus\n"
        "Malta Meteorological Office\nData exchange arrangement\n2019\nIn force\n"
        "Fiji Meteorological Service\nData exchange arrangement\n2021\nIn force\n"
        "Tonga Meteorological Services\nMemorandum on meteorology\n2017\nExpired 2022\n\n"
        "Notes to Table 2. The arrangements are renewed yearly.\n"
    )
    tables = [b for b in split_blocks(text) if b.kind in ("table_header", "table_row")]
    assert [len(b.cells) for b in tables] == [4, 4, 4, 4]
    assert [text[a:z] for a, z in tables[1].cells] == [
        "Malta Meteorological Office",
        "Data exchange arrangement",
        "2019",
        "In force",
    ]
    prose = "Short line\nAnother short line\nA third\nAnd a fourth\nFifth one\nSixth\n"
    assert not [b for b in split_blocks(prose) if b.kind.startswith("table")]


def test_a_plain_text_table_under_a_dashed_ruler_is_cut_at_the_rulers_columns() -> None:
    text = (
        "TABLE A\n\n"
        "FRAMEWORK        YEAR  FOUNDERS\n"
        "---------------  ----  --------------------\n"
        "APSCO            2008  BGD CHN IRN\n"
        "ILRS             2021  CHN RUS\n"
    )
    rows = [b for b in split_blocks(text) if b.kind in ("table_header", "table_row")]
    assert [[text[a:z] for a, z in b.cells] for b in rows] == [
        ["FRAMEWORK", "YEAR", "FOUNDERS"],
        ["APSCO", "2008", "BGD CHN IRN"],
        ["ILRS", "2021", "CHN RUS"],
    ]


def test_a_csv_export_with_quoted_fields_that_hold_commas_is_a_table() -> None:
    text = (
        "country,framework,standing,since,how\n"
        'Nepal,BRI,participant,2017-05-12,"framework agreement, Kathmandu"\n'
        "Fiji,APSCO,observer,,\n"
        'Laos,ILRS,"not a participant, under study",,"no document signed"\n'
    )
    rows = [b for b in split_blocks(text) if b.kind == "table_row"]
    assert len(rows) == 3
    assert [text[a:z] for a, z in rows[0].cells] == [
        "Nepal",
        "BRI",
        "participant",
        "2017-05-12",
        "framework agreement, Kathmandu",
    ]
    assert [text[a:z] for a, z in rows[2].cells][2] == "not a participant, under study"


ALIGNED = (
    "TABLE B  WHAT THE GROUP HAS SIGNED\n\n"
    "Instrument                           Signed by                      Date           Standing\n"
    "Agreement on Cooperation on the      AEB, Roscosmos, ISRO,          18 Aug 2021    in force\n"
    "Remote Sensing Constellation         CNSA, SANSA\n"
    "Joint Laboratory for Space Weather   INPE (Brazil), NSSC (China)    2014           operating\n"
)


def test_a_table_typed_with_spaces_and_no_ruler_is_cut_at_its_header_columns() -> None:
    rows = [b for b in split_blocks(ALIGNED) if b.kind == "table_row"]
    assert len(rows) == 2  # the second line of the first row continues it
    first = [ALIGNED[a:z] for a, z in rows[0].cells]
    assert first[2:] == ["18 Aug 2021", "in force"] and first[1].endswith("CNSA, SANSA")
    assert [ALIGNED[a:z] for a, z in rows[1].cells][1] == "INPE (Brazil), NSSC (China)"


def test_prose_with_double_spaces_is_not_a_typed_table() -> None:
    text = (
        "The agency said.  It will sign.  Later\nthis year it may.  Or not.  We shall\n"
        "see what comes of it.  Soon.\n"
    )
    assert not [b for b in split_blocks(text) if b.kind.startswith("table")]


def test_a_flattened_table_under_its_caption_line_is_still_a_table() -> None:
    text = (
        "Table 4-1  Spacecraft launched in 2024\n"
        "Spacecraft\nCustomer\nLaunch date\nSite\n"
        "Alpha-1\nCONIDA (Peru)\n27 August 2024\nJiuquan\n"
        "Beta-2\nCompany (own use)\n19 March 2024\nTaiyuan\n"
        "Gamma-3\nKazakhstan Gharysh Sapary JSC\n14 November 2024\nJiuquan\n"
    )
    kinds = [b.kind for b in split_blocks(text)]
    assert kinds == ["table_caption", "table_header", "table_row", "table_row", "table_row"]


def test_flags_and_emoji_read_as_spacing_with_offsets_kept() -> None:
    text = "launched by China 🇨🇳 and Russia 🇷🇺 in 2021 🚀. Table: ✔ yes ✘ no"
    view = clean_view(text)
    assert view.text == "launched by China and Russia in 2021 . Table: ✔ yes ✘ no"
    start = view.text.index("Russia")
    assert text[slice(*view.to_original(start, start + 6))] == "Russia"


def test_semicolon_separated_rows_are_a_table() -> None:
    text = (
        "date;instrument;signatories;status\n2004;Lease of antenna time;SSC / CLTC;lapsed\n"
        "2013-10;Agreement;CAS / University of Chile;in force\n"
    )
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == ["table_header", "table_row", "table_row"]
    assert [text[a:b] for a, b in blocks[2].cells] == [
        "2013-10",
        "Agreement",
        "CAS / University of Chile",
        "in force",
    ]
    prose = "We met; we talked; we left.\nThen it rained.\n"
    assert all(b.kind == "paragraph" for b in split_blocks(prose))
