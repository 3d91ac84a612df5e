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


def test_a_designation_found_once_names_a_mission_throughout() -> None:
    doc = read(
        "t",
        "HornSat-1, Djibouti's first satellite, reached orbit. The HornSat-1 was built in Djibouti. "
        "Work on HornSat-2 starts next year.",
        Gazetteer.default(),
    )
    found = [[m.canonical for m in s.mentions if m.kind == "mission"] for s in doc.sentences]
    assert found == [["HornSat-1"], ["HornSat-1"], ["HornSat-2"]]


def test_a_paragraph_under_a_denying_bold_label_is_denied() -> None:
    doc = read(
        "t", "**What did not happen.** Chad signed. Mali did too.\n\nNiger signed.", Gazetteer.default()
    )
    assert [s.denied for s in doc.sentences] == [True, True, False]


def test_a_key_defines_acronyms_used_before_it() -> None:
    text = (
        "| Lab | AIRX | UNAH |\n|---|---|---|\n| optics | AIRX | UNAH |\n\n"
        "*Key:* UNAH = Universidad Nacional Autónoma de Honduras; AIRX = Andean Institute of Remote Sensing."
    )
    doc = read("t", text, Gazetteer.default())
    named = {m.canonical for s in doc.sentences[:2] for m in s.mentions}
    assert {"Universidad Nacional Autónoma de Honduras", "Andean Institute of Remote Sensing"} <= named


def test_a_sentence_broken_by_a_page_break_after_and_reads_whole() -> None:
    text = (
        "A memorandum of 2017 between UiT The Arctic University of Norway and\n"
        "PRIC on the exchange of camera data expired in\n\n"
        "NORDIC REVIEW 2025                    CHAPTER 4\n42\n\n"
        "2022 and was not renewed.\n"
    )
    doc = read("t", text, Gazetteer.default())
    assert [len(s.text.split()) for s in doc.sentences if "memorandum" in s.text] == [26]


def test_a_university_in_its_own_language_is_the_english_name_the_document_gives() -> None:
    text = "The University of Chile hosts the station.\n\n| Lease | CLTC / Universidad de Chile | 2006 |\n"
    doc = read("t", text, Gazetteer.default())
    names = {m.canonical for s in doc.sentences for m in s.mentions if m.kind == "institution"}
    assert "Universidad de Chile" not in names and "University of Chile" in names


def bodies(text: str) -> list[list[str]]:
    doc = read("t", text, Gazetteer.default())
    return [[m.canonical for m in s.mentions if m.kind == "institution"] for s in doc.sentences]


def test_the_first_word_of_an_x_university_stands_for_it() -> None:
    text = "Gulu University opened a ground station. Gulu now trains engineers, Gulu University says."
    assert bodies(text) == [["Gulu University"], ["Gulu University", "Gulu University"]]


def test_a_short_name_that_is_a_place_stays_a_place() -> None:
    doc = read("t", "Nairobi University hosted the forum. Nairobi joined later.", Gazetteer.default())
    assert [m.kind for m in doc.sentences[1].mentions] == ["capital"]


def test_the_national_university_is_the_one_placed_in_that_country() -> None:
    text = (
        "The payloads came from Mbarara University, Uganda, and the Universidade Nacional Timor "
        "Lorosa'e in Dili. Beihang University tested them. The Timorese university built the camera."
    )
    assert bodies(text)[-1] == ["Universidade Nacional Timor Lorosa'e"]


def test_a_countrys_institute_is_the_registered_institute_of_that_country() -> None:
    text = "Thailand's National Astronomical Research Institute signed a cooperation agreement in 2023."
    assert bodies(text) == [["National Astronomical Research Institute of Thailand"]]


def test_the_initials_of_a_body_named_in_the_document_stand_for_it() -> None:
    text = "News from the Institute of Space Technology. IST joined the UASR in 2017 with Beihang."
    assert bodies(text) == [["Institute of Space Technology"], ["Institute of Space Technology"]]


def test_a_unit_and_its_parent_in_initials_are_the_unit_of_the_parent() -> None:
    text = (
        "The Institute of Experimental Physics and the Slovak Academy of Sciences took part. "
        "The director of IEP SAS signed."
    )
    assert bodies(text)[-1] == ["Institute of Experimental Physics of the Slovak Academy of Sciences"]


def test_the_first_word_of_an_aerospace_company_stands_for_it_but_not_its_rocket() -> None:
    text = "Tianlu Aerospace flew the Tianlu-2 rocket. Tianlu also signed a memorandum."
    assert bodies(text) == [["Tianlu Aerospace"], ["Tianlu Aerospace"]]


def test_no_sentence_runs_from_the_foot_of_one_column_to_the_head_of_the_next() -> None:
    text = (
        "China and Brazil renewed their          ed to the lunar station: South\n"
        "satellite partnership in April          Africa entered it in 2023 and\n"
        "2023. Two members are also connect-     Egypt in 2024.\n"
    )
    doc = read("t", text, Gazetteer.default())
    sentences = [s.text for s in doc.sentences]
    assert "Two members are also connect-" in sentences
    assert any(s.startswith("ed to the lunar station") for s in sentences)


def test_the_agency_as_a_defined_term_is_the_agency_on_the_letterhead() -> None:
    text = (
        "EGYPTIAN SPACE AGENCY                 ANNUAL REPORT 2024\n\n"
        "The Agency works closely with the African Space Agency, hosted in Cairo.\n\n"
        "In December 2023 the Agency signed a memorandum with CNSA.\n"
    )
    doc = read("t", text, Gazetteer.default())
    stood_for = [m.canonical for m in doc.sentences[-1].mentions if m.source == "anaphor"]
    assert stood_for == ["Egyptian Space Agency"]


def test_a_text_written_without_capitals_is_read_in_any_case() -> None:
    line = "[00:01:09] SPEAKER 2: so pakistan signed up to the ilrs in twenty twenty three right\n"
    filler = "[00:01:20] SPEAKER 1: yeah you know we talked about that last week and it was fun for us\n" * 8
    doc = read("t", filler + line, Gazetteer.default())
    assert [(m.kind, m.canonical) for m in doc.sentences[-1].mentions if m.kind != "target"] == [
        ("country", "Pakistan"),
        ("framework", "ILRS"),
    ]
    assert [d.value for d in doc.sentences[-1].dates] == ["2023"]
    cased = read("t", "We told us about it. Then the us team left.", Gazetteer.default())
    assert not any(m.canonical == "United States" for s in cased.sentences for m in s.mentions)


def test_a_framework_named_in_full_is_then_called_by_its_head_noun() -> None:
    doc = read(
        "t", "The Artemis Accords are principles.\n\nPeru is an Accords signatory.", Gazetteer.default()
    )
    assert [(m.kind, m.canonical) for m in doc.sentences[1].mentions if m.kind == "framework"] == [
        ("framework", "Artemis Accords")
    ]
    other = read("t", "The Artemis Accords are principles. The Abraham Accords are not.", Gazetteer.default())
    assert not [m for m in other.sentences[1].mentions if m.kind == "framework"]


def test_a_live_blog_entry_taken_back_by_a_later_one_is_denied() -> None:
    text = (
        "13:48 -- The rocket is a Long March 5B.\n\n"
        "14:30 -- Sri Lanka joined the ILRS, we hear.\n\n"
        "UPDATE 15:40 -- Scratch the 14:30 post. Nicaragua joined the ILRS last month.\n"
    )
    doc = read("t", text, Gazetteer.default())
    assert [s.denied for s in doc.sentences] == [False, True, False, False]


def test_a_citation_year_is_no_date_of_the_sentence() -> None:
    assert dates_of(
        "In August 2021 the agencies signed an agreement (Singh, 2022; Costa and Wang, 2020)."
    ) == [["2021-08"]]
    assert dates_of("Iceland (October 2023) signed.") == [["2023-10"]]


def test_year_lines_of_a_chronology_newest_first_date_their_entries() -> None:
    text = "CHRONOLOGY\n\n2025\n  11 March — A lab opens.\n\n2023\n  6 December — A memorandum is signed.\n"
    assert [d for d in dates_of(text) if d] == [["2025"], ["2025-03-11"], ["2023"], ["2023-12-06"]]


def test_that_year_is_the_year_the_paragraph_said_before() -> None:
    text = (
        "Yes, in 2018. The memorandum was signed in July of that year. Since 2023 we receive data under an "
        "arrangement we signed that year."
    )
    assert dates_of(text) == [["2018"], ["2018-07"], ["2023", "2023"]]
