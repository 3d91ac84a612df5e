"""Agreement rules on short texts written for the purpose."""

from __future__ import annotations

import pytest

from pipeline.core.extract import extract_text


def agreements(text: str) -> list:
    return extract_text("t", text).agreements


def test_named_memorandum_with_parties_and_date() -> None:
    [a] = agreements("In May 2022, Egypt and China signed the Memorandum of Understanding on Lunar Science.")
    assert (a.agreement_type, a.parties, a.signed, a.status) == (
        "memorandum",
        ("China", "Egypt"),
        "2022-05",
        "signed",
    )
    assert a.title == "Memorandum of Understanding on Lunar Science"


def test_joint_laboratory_and_data_exchange() -> None:
    lab = agreements("China and Chile established the China-Chile Joint Laboratory for Astronomy in 2013.")
    assert lab[0].agreement_type == "joint_laboratory"
    assert lab[0].parties == ("Chile", "China")
    data = agreements("It set up a satellite data exchange mechanism with Kenya.")
    assert data[0].agreement_type == "data_exchange"
    assert data[0].parties == ("China", "Kenya")


def test_terminated_lease() -> None:
    [a] = agreements("Namibia terminated the lease of its tracking station to China in 2020.")
    assert (a.agreement_type, a.status) == ("lease", "terminated")


def test_announced_and_proposed_are_not_signed() -> None:
    [a] = agreements("Laos and China announced plans to sign a memorandum on satellite navigation.")
    assert a.status in ("announced", "proposed")


def test_negated_agreement_is_not_a_fact() -> None:
    assert agreements("Malaysia did not sign the memorandum with China.") == []


def test_counts_and_back_references_are_not_instruments() -> None:
    assert agreements("China has signed over 150 space cooperation agreements.") == []
    assert agreements("The agreement was praised by officials.") == []


def test_legislation_belongs_to_its_country_only() -> None:
    [a] = agreements("The U.S. Wolf Amendment, passed in 2011, restricts NASA work with China.")
    assert (a.agreement_type, a.parties, a.signed) == ("legislation", ("United States",), "2011")


def test_an_organisations_own_instrument_has_the_organisation_as_its_party() -> None:
    [a] = agreements(
        "The Council adopted the APSCO Earth Observation Data Sharing Mechanism on 12 November 2024."
    )
    assert (a.agreement_type, a.parties, a.signed) == ("data_exchange", ("APSCO",), "2024-11-12")
    [b] = agreements("China and APSCO signed the APSCO Data Policy Agreement in 2020.")
    assert b.parties == ("APSCO", "China")


def test_an_organ_signs_for_the_organisation_in_scope() -> None:
    text = (
        "The ILRS partners met in Wuhan. The Secretariat and the United Nations Office for Outer Space "
        "Affairs signed a memorandum of understanding on lunar data."
    )
    [a] = agreements(text)
    assert a.parties == ("ILRS", "United Nations Office for Outer Space Affairs")


def test_an_organ_of_another_body_is_not_the_organisation_in_scope() -> None:
    text = "APSCO met in Beijing. The Council of Europe and Chile signed a memorandum on space law."
    assert all("APSCO" not in a.parties for a in agreements(text))


def test_defined_terms_stand_for_the_bodies_they_define() -> None:
    text = (
        "(Astana, 2025 year 4 month 7 day)\n\n"
        'China National Space Administration (below called "Party A") and the Aerospace Committee of '
        'Republic of Kazakhstan (below called "Party B") held the fifth session.\n\n'
        "During session, Party A and Party B signed 《Memorandum of Understanding on Cooperation in the "
        "Field of Lunar Exploration》.\n"
    )
    [a] = agreements(text)
    assert a.title == "Memorandum of Understanding on Cooperation in the Field of Lunar Exploration"
    assert a.parties == (
        "Aerospace Committee of the Republic of Kazakhstan",
        "China National Space Administration",
    )
    assert a.signed == "2025-04-07"  # "during session": the statement's own date


def test_a_law_beside_the_agreement_it_approves_and_a_law_named_without_its_country() -> None:
    found = agreements(
        "The station operates under the intergovernmental agreement signed by Argentina and China in 2014, "
        "which Argentina's Congress approved through Law 27,123 in 2015."
    )
    assert {(a.title, a.agreement_type, a.parties, a.signed) for a in found} == {
        ("Law 27,123", "legislation", ("Argentina",), "2015"),
        ("Intergovernmental agreement", "cooperation_agreement", ("Argentina", "China"), "2014"),
    }
    [law] = agreements(
        "In Washington, one constraint has not moved. The Wolf Amendment, first written into an "
        "appropriations law in 2011, still bars NASA from bilateral cooperation with Chinese entities."
    )
    assert (law.agreement_type, law.parties, law.signed) == ("legislation", ("United States",), "2011")


def test_instruments_without_china_and_generic_kinds_are_not_facts() -> None:
    assert agreements("In April, JAXA and NASA signed an agreement on a pressurised lunar rover.") == []
    assert agreements("# Who Shares What? Data-Exchange Instruments in China's Partnerships") == []


def test_the_same_n_governments_are_the_ones_listed_before() -> None:
    text = (
        "APSCO counts eight member states: Bangladesh, China, Iran, Mongolia, Pakistan, Peru, Thailand and "
        "Turkey. They are the same eight governments that signed the Convention of the Asia-Pacific Space "
        "Cooperation Organization in 2005."
    )
    [a] = agreements(text)
    assert a.agreement_type == "convention" and len(a.parties) == 8 and a.signed == "2005"


def test_talks_that_broke_off_are_no_agreement() -> None:
    text = (
        "CNSA and the Malaysian Space Agency exchanged texts on a participation memorandum through late "
        "2023 before the Malaysian side broke them off."
    )
    assert agreements(text) == []


def test_the_institute_named_before_signs() -> None:
    text = (
        "The National Astronomical Research Institute of Thailand did not drift into this by accident. "
        "The institute and the China National Space Administration signed a cooperation agreement in 2023."
    )
    [a] = agreements(text)
    assert a.parties == (
        "China National Space Administration",
        "National Astronomical Research Institute of Thailand",
    )


def test_two_instruments_in_coordinated_clauses() -> None:
    text = (
        "China operates facilities abroad, including the tracking station in Namibia, leased since 2001, "
        "and the station in Neuquen, Argentina, built under an intergovernmental agreement signed in 2014."
    )
    found = {(a.agreement_type, a.parties, a.signed) for a in agreements(text)}
    assert found == {
        ("lease", ("China", "Namibia"), "2001"),
        ("cooperation_agreement", ("Argentina", "China"), "2014"),
    }


def test_a_draft_never_signed_is_no_agreement() -> None:
    text = (
        "A draft memorandum on satellite applications between China and Paraguay was circulated in 2022, "
        "but it was never signed."
    )
    assert agreements(text) == []


def test_day_and_month_under_a_year_heading() -> None:
    text = (
        "=== 2017 ===\n\n14 Nov   The National Academy of Sciences of Belarus and CNSA sign a\n"
        "         cooperation agreement covering remote sensing.\n"
    )
    [a] = agreements(text)
    assert a.parties == ("China National Space Administration", "National Academy of Sciences of Belarus")
    assert a.signed == "2017-11-14"


def test_a_register_of_instruments_with_other_header_words() -> None:
    text = (
        "| Inked | Foreign side | Chinese side | What it is | Kind | Standing (Oct 2025) |\n"
        "|---|---|---|---|---|---|\n"
        "| Aug. 2017 | Zambia (Ministry of Technology) | CNSA | Lease of the Chongwe telemetry site | lease "
        "| lapsed Dec. 2023, not renewed |\n"
        "| Jun. 2019 | Costa Rica | CNSA | Memorandum on the Peaceful Use of Outer Space | MoU | in force |\n"
        "| - | Suriname | CNSA | Draft framework agreement on remote sensing | agreement | nothing signed |\n"
    )
    found = {(a.title, a.agreement_type, a.parties, a.signed, a.status) for a in agreements(text)}
    assert found == {
        (
            "Lease of the Chongwe telemetry site",
            "lease",
            ("China National Space Administration", "Zambia"),
            "2017-08",
            "terminated",
        ),
        (
            "Memorandum on the Peaceful Use of Outer Space",
            "memorandum",
            ("China National Space Administration", "Costa Rica"),
            "2019-06",
            "active",  # "in force"
        ),
    }


def test_signed_by_officials_of_both_bodies() -> None:
    text = (
        "A memorandum of understanding on cooperation in the ILRS was signed by Li Wen, deputy administrator "
        "of the China National Space Administration (CNSA), and by Dr. Rehema Kitwana, director-general of "
        "the Tanzania Commission for Science and Technology."
    )
    [a] = agreements(text)
    assert a.parties == (
        "China National Space Administration",
        "Tanzania Commission for Science and Technology",
    )


def test_a_memorandum_named_after_a_framework_signed_by_it() -> None:
    text = "Panama ran the experiment. It signed a Belt and Road memorandum with China in November 2017."
    [a] = agreements(text)
    assert (a.title, a.parties, a.signed) == ("Belt and Road memorandum", ("China", "Panama"), "2017-11")


def test_a_report_denied_in_the_next_sentence_is_no_agreement() -> None:
    text = (
        "In October a regional outlet reported that the Royal Geographic Centre had signed an ILRS "
        "memorandum with CNSA. The centre denied it within a day."
    )
    assert agreements(text) == []


def test_an_arrangement_on_the_exchange_of_data_between_a_body_and_a_parents_unit() -> None:
    (found,) = agreements(
        "In 2024 the National Observatory of Athens (NOA) and the National Satellite Meteorological Center "
        "(NSMC) of the China Meteorological Administration concluded an arrangement on the exchange of "
        "satellite data."
    )
    assert found.agreement_type == "data_exchange"
    assert found.parties == ("National Observatory of Athens", "National Satellite Meteorological Center")


def test_a_country_describing_the_agency_before_it_is_no_party() -> None:
    (found,) = agreements(
        "The Hellenic Space Center (HSC), Greece's national space agency, signed a memorandum of "
        "understanding with the China National Space Administration in 2024."
    )
    assert found.parties == ("China National Space Administration", "Hellenic Space Center")


def test_yet_to_sign_is_no_agreement() -> None:
    assert (
        agreements(
            "The Kuwait Institute for Scientific Research has yet to sign the memorandum with the Shanghai "
            "Academy of Spaceflight Technology that was initialled in 2024."
        )
        == []
    )


def test_a_register_with_one_counterparts_column_names_every_party() -> None:
    text = (
        "| Instrument | Counterparts | Date | In force? |\n|---|---|---|---|\n"
        "| Memorandum of Understanding on Belt and Road cooperation | Governments of Nepal and China "
        "| 12 May 2017 | ✓ |\n"
    )
    (found,) = agreements(text)
    assert (found.parties, found.signed) == (("China", "Nepal"), "2017-05-12")


def test_a_timeline_row_that_tells_an_event_is_read_as_prose() -> None:
    text = (
        "| When | What happened |\n|---|---|\n"
        "| May 2018 | On a visit to Beijing, Oman's foreign minister signs a memorandum of understanding "
        "on the Belt and Road with China. |\n"
    )
    (found,) = agreements(text)
    assert (found.agreement_type, found.parties, found.signed) == ("memorandum", ("China", "Oman"), "2018-05")


def test_a_demonym_with_government_is_the_country_that_signs() -> None:
    (found,) = agreements(
        "The Cooperation Agreement on the ILRS was signed in 2025 by a minister on behalf of the Congolese "
        "government and by a CNSA vice-administrator."
    )
    assert found.parties == ("China National Space Administration", "Republic of the Congo")


def test_demonym_governments_and_the_law_that_promulgates_their_agreement() -> None:
    found = agreements(
        "On 9 May 2024 the Hungarian and Chinese governments concluded an Agreement on Cooperation in the "
        "Peaceful Exploration and Use of Outer Space. The National Assembly promulgated it by "
        "Act XXI of 2025."
    )
    assert {(a.agreement_type, a.parties) for a in found} == {
        ("cooperation_agreement", ("China", "Hungary")),
        ("legislation", ("Hungary",)),
    }


def test_an_arrangement_on_receiving_data_and_talks_that_break_down() -> None:
    (found,) = agreements(
        "An arrangement between the Fiji Meteorological Service and the China Meteorological Administration "
        "on receiving Fengyun satellite data was signed in 2019."
    )
    assert found.agreement_type == "data_exchange"
    assert found.parties == ("China Meteorological Administration", "Fiji Meteorological Service")
    assert (
        agreements(
            "Talks between the Sri Lanka Ports Authority and China Great Wall Industry Corporation on "
            "leasing land for a ground station break down in 2022."
        )
        == []
    )


def test_an_instrument_under_discussion_is_no_agreement_yet() -> None:
    assert (
        agreements(
            "A proposed joint laboratory on space weather between the University of the South Pacific and "
            "Wuhan University has been under discussion since 2022."
        )
        == []
    )


def test_an_instrument_discussed_but_not_concluded_is_no_agreement() -> None:
    assert (
        agreements(
            "A lease of a site near Ulaanbaatar for a tracking antenna was discussed in 2021 between the "
            "Communications and Information Technology Authority and the China Xi'an Satellite Control "
            "Center, but no agreement was concluded."
        )
        == []
    )


def test_an_announced_instrument_has_no_signing_date() -> None:
    found = agreements("On 22 October 2025 Oman and China announced that they will draw up a roadmap.")
    assert [(a.agreement_type, a.status, a.signed) for a in found] == [("roadmap", "announced", None)]


def test_the_first_to_sign_signed() -> None:
    found = agreements("In March 2019 Italy became the first G7 country to sign a memorandum with China.")
    assert [(a.parties, a.status, a.signed) for a in found] == [(("China", "Italy"), "signed", "2019-03")]


def test_a_run_in_label_states_the_status() -> None:
    found = agreements(
        "**Kiribati (terminated).** China's station at Tarawa, run under a lease signed in 1997, was closed "
        "in 2003 when Kiribati recognised Taipei."
    )
    assert [(a.agreement_type, a.status, a.signed) for a in found] == [("lease", "terminated", "1997")]


def _one(text: str) -> tuple:
    found = agreements(text)
    assert len(found) == 1, found
    return found[0].parties, found[0].agreement_type, found[0].signed


def test_a_contract_dated_by_its_signing_not_by_the_plans_it_covers() -> None:
    assert _one(
        "In March 2025 the Space Office of Angola signed a contract with China Great Wall Industry "
        "Corporation for ANGO-2, a satellite to be built in China and launched in 2027."
    ) == (("China Great Wall Industry Corporation", "Space Office of Angola"), "other", "2025-03")


def test_the_country_owning_a_signing_body_is_no_party() -> None:
    assert _one(
        "Mozambique's Instituto Nacional de Meteorologia and the China Meteorological Administration "
        "signed a data-sharing arrangement in 2022."
    ) == (
        ("China Meteorological Administration", "Instituto Nacional de Meteorologia"),
        "data_exchange",
        "2022",
    )


def test_the_date_after_the_verb_that_signed_it() -> None:
    _, _, signed = _one(
        "The Sofia Space Institute joined the association in September 2024, on the strength of an "
        "agreement it had signed with the National Space Science Center in 2023."
    )
    assert signed == "2023"


def test_a_laboratory_run_since_a_year() -> None:
    assert _one(
        "The Ankara Space Institute has run a joint laboratory on star trackers with the Shanghai "
        "Academy of Spaceflight Technology since 2019."
    )[1:] == ("joint_laboratory", "2019")


def test_the_two_agencies_are_the_last_agencies_named_together() -> None:
    found = agreements(
        "The Iranian Space Agency and the China National Space Administration signed a memorandum today. "
        "The Iranian Space Research Center and the China Centre for Resources Satellite Data and "
        "Application concluded a data arrangement on the exchange of data. "
        "The two agencies further announced that they will prepare a joint roadmap."
    )
    roadmap = [a for a in found if a.agreement_type == "roadmap"]
    assert [a.parties for a in roadmap] == [("China National Space Administration", "Iranian Space Agency")]


@pytest.mark.parametrize(
    "text",
    [
        "The Bulgarian Academy of Sciences negotiated a memorandum with the Chinese Academy of Sciences "
        "last year, but stopped short of signing it.",
        "A launch contract between Chad and China Great Wall Industry Corporation was reported as signed.",
        "**What did not happen.** A launch contract between Chad and CGWIC was signed in 2024.",
    ],
)
def test_no_signing_happened(text: str) -> None:
    assert agreements(f"Background.\n\nMore background.\n\n{text}") == []


def test_numbered_laws_and_cooperation_programmes() -> None:
    found = agreements(
        "The Mauritanian Assembly ratified the lease by Law No. 2016-027. The governments of Iran and China "
        "signed a 25-year Comprehensive Cooperation Programme in March 2021."
    )
    assert {(a.title, a.agreement_type) for a in found} >= {
        ("Law No. 2016-027", "legislation"),
        ("Comprehensive Cooperation Programme", "cooperation_agreement"),
    }


def test_a_country_s_space_agency_named_by_description() -> None:
    assert _one(
        "LIMA, 20 November 2025 - Peru's national space commission on Thursday sealed a cooperation "
        "agreement with the China National Space Administration."
    ) == (
        ("China National Space Administration", "National Commission for Aerospace Research and Development"),
        "cooperation_agreement",
        "2025-11-20",
    )


def test_a_laboratory_defined_by_hereinafter_is_set_up_by_the_bodies_named_after_it() -> None:
    found = agreements(
        "The Parties welcomed the establishment of the Uzbek-Chinese Joint Laboratory for Space Weather "
        '(hereinafter referred to as "the Joint Laboratory") by the Ulugh Beg Astronomical Institute of '
        'the Academy of Sciences (hereinafter referred to as "UBAI") and the National Space Science Center.'
    )
    assert [(a.agreement_type, a.parties) for a in found] == [
        ("joint_laboratory", ("National Space Science Center", "Ulugh Beg Astronomical Institute"))
    ]


def test_the_next_sentence_names_who_signed() -> None:
    found = agreements(
        "DUSHANBE, 21 October 2025 - Tajikistan became the newest participant in the ILRS, the programme "
        "that China and Russia co-founded in 2021, after officials put their signatures to a memorandum. "
        "The memorandum was signed by a deputy administrator of the China National Space Administration "
        "and by the president of the National Academy of Sciences of Tajikistan."
    )
    assert [(a.parties, a.signed) for a in found] == [
        (("China National Space Administration", "National Academy of Sciences of Tajikistan"), "2025-10-21")
    ]


def test_on_the_same_occasion_takes_the_date_of_the_signing_just_reported() -> None:
    found = agreements(
        "China and Indonesia signed an agreement on lunar cooperation on 4 November 2025. On the same "
        "occasion, Indonesia's National Research and Innovation Agency and the National Space Science "
        "Center signed an agreement establishing a joint laboratory for space weather."
    )
    assert {a.signed for a in found} == {"2025-11-04"}


def test_a_denial_that_something_was_leased_is_no_lease() -> None:
    assert (
        agreements(
            "Samoa's government denied, with some irritation, that it had leased land near the airport to "
            "the Beijing Institute of Tracking and Telecommunications Technology."
        )
        == []
    )


def test_a_wiki_page_keeps_its_references_out_and_splits_after_citation_marks() -> None:
    found = agreements(
        "History[edit]\n\nOn 9 March 2021 CNSA and Roscosmos signed a memorandum on the station.[3] In June "
        "2021 the two agencies presented a roadmap.[4]\n\nReferences[edit]\n\n"
        '^ "China and Russia sign lunar station memorandum". Xinhua. 9 March 2021.\n'
    )
    assert [(a.agreement_type, a.signed) for a in found if a.agreement_type == "memorandum"] == [
        ("memorandum", "2021-03-09")
    ]


def test_a_chinese_body_s_table_of_agreements_with_foreign_bodies() -> None:
    found = agreements(
        "**Table 5-1. Selected agreements between NSSC and foreign partners**\n\n"
        "| Partner | Type | Date | In force? |\n|---|---|---|---|\n"
        "| University of Leicester (United Kingdom) | Memorandum of understanding | Jun 2016 | Yes |\n"
        "| Libyan Center for Remote Sensing and Space Science | Data exchange | 2014 | No (lapsed 2019) |\n"
    )
    assert {(a.parties, a.signed) for a in found} == {
        (("National Space Science Center", "University of Leicester"), "2016-06"),
        (("Libyan Center for Remote Sensing and Space Science", "National Space Science Center"), "2014"),
    }


def test_the_date_an_instrument_lapsed_is_no_signing_date() -> None:
    found = agreements(
        "The arrangement between the Libyan Center for Remote Sensing and Space Science and the National "
        "Space Science Center on the exchange of data, which lapsed in 2019, was signed in 2014."
    )
    assert [a.signed for a in found] == ["2014"]


def test_a_question_about_what_agreements_exist_names_none() -> None:
    assert (
        agreements(
            "Intro.\n\nMore.\n\nTo ask His Majesty's Government what agreements the UK Space Agency has "
            "concluded with the China National Space Administration."
        )
        == []
    )


def test_an_instrument_to_be_signed_later_is_announced_and_not_read_twice() -> None:
    claims = extract_text(
        "t",
        "Chile and CNSA agreed on a Roadmap for Chile's participation in the ILRS. "
        "The Roadmap will be signed at a time to be determined through consultation between the two sides.",
    ).agreements
    assert [c.title for c in claims] == ["Roadmap for Chile"]
    assert (
        extract_text("t", "The Roadmap will be signed next year by CNSA and Chile.").agreements[0].status
        == "announced"
    )


def _facts(text: str) -> set[tuple]:
    return {(a.agreement_type, a.parties, a.signed, a.status) for a in agreements(text)}


def test_an_instrument_that_lapsed_was_signed_and_is_terminated() -> None:
    text = (
        "Chile is the cautionary tale. Its 2016 memorandum with the China Academy of Space Technology on a "
        "relay satellite lapsed in 2021."
    )
    assert _facts(text) == {
        ("memorandum", ("Chile", "China Academy of Space Technology"), "2016", "terminated")
    }


def test_arrangements_institutes_and_the_day_they_were_signed() -> None:
    text = (
        "The Andean Institute of Geophysics (AIG) and the National Space Science Center signed a cooperation "
        "agreement in April 2023. Today the two institutes signed an implementing arrangement on joint "
        "calibration."
    )
    assert (
        "cooperation_agreement",
        ("Andean Institute of Geophysics", "National Space Science Center"),
        None,
        "signed",
    ) in _facts(text)
    later = (
        "LIMA, 3 May 2025 - The Andean Institute of Geophysics and the National Space Science Center "
        "signed a "
        "memorandum on Monday. Later that day the two institutes signed an implementing arrangement on joint "
        "calibration."
    )
    assert (
        "cooperation_agreement",
        ("Andean Institute of Geophysics", "National Space Science Center"),
        "2025-04-28",
        "signed",
    ) in _facts(later)


def test_a_joint_statement_issued_is_an_instrument_but_not_one_quoted_from() -> None:
    assert _facts("On 2 May 2025 China and Oman issued a joint statement on satellite navigation.") == {
        ("other", ("China", "Oman"), "2025-05-02", "signed")
    }
    assert _facts("Oman and China said in a joint statement that talks would go on.") == set()


def test_a_bold_label_names_the_instrument_and_the_body_its_parties() -> None:
    text = (
        "6. **Chile–China roadmap (announced).** The Chilean Space Agency and CNSA announced that they will "
        "prepare a roadmap for lunar science."
    )
    assert {a.parties for a in agreements(text)} == {
        ("Chilean Space Agency", "China National Space Administration")
    }


def test_under_the_agreement_refers_back() -> None:
    text = (
        "A hosting agreement, signed on 3 June 2025, lets the China Meteorological Administration install a "
        "receiving station at the Tonga Meteorological Services compound. Under the agreement the Tonga "
        "Meteorological Services leases a plot to the China Meteorological Administration."
    )
    assert [a.signed for a in agreements(text)] == ["2025-06-03"]


def test_the_memorandum_named_again_is_the_one_in_the_table() -> None:
    text = (
        "| Instrument | Date | Chinese side | Foreign side | Status |\n|---|---|---|---|---|\n"
        "| Memorandum on space science | 2023-06-12 | CNSA | Government of Honduras | In force |\n"
        "| Framework agreement on astronaut training | — | CMSA | Government of Ecuador | Proposed |\n\n"
        "**Honduras.** The memorandum with CNSA was signed in Beijing during the Honduran president's visit."
    )
    found = {(a.title, a.parties, a.signed, a.status) for a in agreements(text)}
    assert found == {
        (
            "Memorandum on space science",
            ("China National Space Administration", "Honduras"),
            "2023-06-12",
            "active",
        ),
        (
            "Framework agreement on astronaut training",
            ("China Manned Space Agency", "Ecuador"),
            None,
            "proposed",
        ),
    }


def test_a_body_named_with_a_bracketed_local_name_and_a_city_as_modifier() -> None:
    assert _facts(
        "The 2012 framework agreement between the Icelandic Centre for Research (Rannís) and the Polar "
        "Research Institute of China (PRIC) is still in force."
    ) == {
        (
            "cooperation_agreement",
            ("Icelandic Centre for Research", "Polar Research Institute of China"),
            "2012",
            "active",
        )
    }
    assert (
        _facts(
            "In August 2025 the Doha start-up Zubara Orbital inked a launch-service contract with "
            "China Great Wall Industry Corporation."
        )
        == set()
    )  # the city is no party, and a Chinese company alone is no cooperation


def test_a_timeline_date_dates_a_signing_but_not_a_law_approving_an_instrument() -> None:
    signed = _facts(
        "- **2019-04-25** — Peru and China put their signatures to a memorandum on lunar science."
    )
    assert {s[2] for s in signed} == {"2019-04-25"}
    approved = agreements(
        "## 2024\n\n- 14 March: Chile's Congress passes the law approving the space cooperation agreement.\n"
    )
    assert [a.signed for a in approved if a.agreement_type == "cooperation_agreement"] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "In 2024 the government of Tuvalu denied press reports that it was negotiating a lease for a Chinese "
        "tracking station.",
        "CNSA and the Tuvalu ministry intend a second roadmap on lunar science; it has not yet been drafted.",
    ],
)
def test_denied_negotiations_and_undrafted_texts_are_no_instruments(text: str) -> None:
    assert agreements(text) == []


def test_a_headline_instrument_told_again_below_is_read_once() -> None:
    text = (
        "# Nepal and China sign memorandum on space science\n\n"
        "KATHMANDU, 3 May 2025 - The Nepal Academy of Science and Technology and the China National Space "
        "Administration today signed a memorandum on space science.\n"
    )
    assert [a.parties for a in agreements(text)] == [
        ("China National Space Administration", "Nepal Academy of Science and Technology")
    ]


def test_the_belt_and_road_memorandum_as_a_kind_of_document_has_no_parties() -> None:
    assert (
        agreements(
            "For most the Belt and Road memorandum is the umbrella under which later deals were signed."
        )
        == []
    )


def test_a_list_of_instruments_by_their_parties() -> None:
    text = (
        "## The agreements behind the payloads\n\n"
        "- Malta University and the National Space Science Center: cooperation agreement, 2022.\n"
        "- Kyrgyz National University and Harbin Institute of Technology: memorandum, February 2024.\n"
    )
    assert {(a.agreement_type, a.parties, a.signed) for a in agreements(text)} == {
        ("cooperation_agreement", ("Malta University", "National Space Science Center"), "2022"),
        ("memorandum", ("Harbin Institute of Technology", "Kyrgyz National University"), "2024-02"),
    }


def test_translated_statements_of_instruments() -> None:
    text = (
        "Malabo, to 18 of June of 2025\n\n"
        "It is remembered that in the month of March of the present year the Equatoguinean part and the "
        "China Great Wall Industry Corporation have subscribed the contract of services of launching.\n"
    )
    assert _facts(text) == {
        ("other", ("China Great Wall Industry Corporation", "Equatorial Guinea"), "2025-03", "signed")
    }
    assert (
        agreements("A supposed launch-services contract between Saint Lucia and CGWIC is equally imaginary.")
        == []
    )
    assert agreements("Moldova has studied a Belt and Road memorandum since 2023 without signing it.") == []


def test_a_ledger_of_instruments_with_a_position_column() -> None:
    from tests.core.rules.test_memberships import LEDGER

    found = {(a.parties, a.signed, a.status) for a in extract_text("t", LEDGER).agreements}
    assert found == {
        (("China", "Panama"), "2017-11", "terminated"),
        (
            ("China Satellite Launch and Tracking Control General", "Swedish Space Corporation"),
            None,
            "terminated",
        ),
    }


def test_a_convention_signed_by_a_list_in_a_numbered_judgement_with_more_sentences() -> None:
    text = (
        "1. APSCO has barely grown. Its Convention was signed in Beijing in 2005 by Bangladesh, China and "
        "Peru. Today APSCO counts three member states: Bangladesh, China and Turkey. Peru signed but never "
        "ratified.\n2. Exits are rare.\n"
    )
    [claim] = extract_text("t", text).agreements
    assert (claim.agreement_type, claim.parties, claim.signed) == (
        "convention",
        ("Bangladesh", "China", "Peru"),
        "2005",
    )


@pytest.mark.parametrize(
    "text",
    [
        "A memorandum between CNSA and the Philippine Space Agency was expected to be signed during a visit "
        "in 2024. It was not, and Manila now says there is no timetable.",
        'An earlier edition listed a "CNSA-Netherlands Space Office sample-loan agreement" under 14 October. '
        "No such agreement has been signed and the entry has been removed.",
    ],
)
def test_an_instrument_the_next_sentence_takes_back_is_none(text: str) -> None:
    assert agreements(text) == []


def test_a_proposal_followed_by_never_signed_stays_a_proposal() -> None:
    text = "A China–Bolivia ground-station agreement was proposed in 2019. It was never signed."
    assert [a.status for a in extract_text("t", text).agreements] == ["proposed"]


def test_the_two_governments_in_a_report_about_one_countrys_work_with_china() -> None:
    text = (
        "Brazil's space programme reports each year. Brazil and its partners met in Brasília. Brazil hosts "
        "the ground segment. Cooperation with China dates from the Protocol on the joint development of "
        "earth resources satellites signed by the two governments in July 1988."
    )
    [claim] = agreements(text)
    assert (claim.parties, claim.signed) == (("Brazil", "China"), "1988-07")


def test_an_instrument_that_was_not_signed_is_none() -> None:
    text = (
        "The Department of Aerospace Science and Technology has signed no launch-services contract with the "
        "China Great Wall Industry Corporation."
    )
    assert agreements(text) == []


def test_a_law_has_the_state_whose_legislature_enacted_it() -> None:
    text = (
        "Bilateral space cooperation between NASA and Chinese bodies has been restricted since the Wolf "
        "Amendment, enacted by the US Congress in 2011."
    )
    [claim] = agreements(text)
    assert (claim.parties, claim.signed) == (("United States",), "2011")


def test_the_arrangement_they_concluded_is_an_instrument_told_here() -> None:
    text = "GISTDA and CRESDA reviewed the data-exchange arrangement they concluded in 2022."
    [claim] = agreements(text)
    assert (claim.agreement_type, claim.signed) == ("data_exchange", "2022")


def test_a_defined_term_points_back_and_the_same_date_carries_over() -> None:
    text = (
        "1. On 13 October 2025 CNSA and Uzbekcosmos signed the Memorandum of Understanding on the ILRS.\n\n"
        '2. On the same date, the Government of Uzbekistan and the Government of China (hereinafter "the '
        'Sides") concluded the Agreement on Cooperation in Outer Space (hereinafter referred to as "the '
        'Agreement").\n\n'
        "3. The Agreement supersedes the Protocol on Cooperation in the Field of Space Activities between "
        "the Sides, signed in 2017, which expired on 31 December 2024.\n"
    )
    found = {(a.title, a.signed, a.status) for a in extract_text("t", text).agreements}
    assert ("Agreement on Cooperation in Outer Space", "2025-10-13", "signed") in found
    assert not any(title == "Agreement" for title, _, _ in found)


def test_talks_that_collapsed_the_sentence_after_leave_no_agreement() -> None:
    text = (
        "Uzbekcosmos and CNSA spent much of 2024 negotiating a lease for a Chinese ground antenna near "
        "Tashkent. Those talks collapsed in the spring of 2025; both sides say no agreement will be signed."
    )
    assert agreements(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The export rules sit alongside the Wolf Amendment, in force since 2011, which still bars NASA "
            "from most bilateral work with Chinese state bodies.",
            ("United States",),
        ),
        (
            "Kyrgyzstan and China met in Bishkek. Kyrgyzstan hosted it. Kyrgyzstan's agency presented.\n\n"
            "14.01.2025 .... President signs Law No. 7 ratifying the space agreement with China.",
            ("Kyrgyzstan",),
        ),
    ],
)
def test_a_law_without_its_country_in_the_sentence(text: str, expected: tuple) -> None:
    [claim] = [a for a in agreements(text) if a.agreement_type == "legislation"]
    assert claim.parties == expected


def test_a_ratification_law_is_legislation_of_the_country_that_ratifies() -> None:
    (law,) = [a for a in agreements("Kazakhstan's president signed the ratification law in May 2024.")]
    assert (law.agreement_type, law.parties, law.signed) == ("legislation", ("Kazakhstan",), "2024-05")
    assert not agreements("Under international law, the station is open to all.")


def test_two_bodies_that_exchanged_data_made_a_data_exchange() -> None:
    (found,) = agreements("In 2021 NASA and CNSA exchanged orbital data on their Mars spacecraft.")
    assert (found.agreement_type, found.signed) == ("data_exchange", "2021")
    assert found.parties == (
        "China National Space Administration",
        "National Aeronautics and Space Administration",
    )
    assert not agreements("NASA and CNSA have not exchanged data since 2011.")


def test_agreed_with_a_chinese_body_to_do_something_is_an_agreement_ended_when_so_told() -> None:
    (found,) = agreements(
        "In 2022 the Mohammed bin Rashid Space Centre agreed with CNSA to send its rover on Chang'e 7, "
        "but the agreement was ended in 2023."
    )
    assert (found.agreement_type, found.status, found.signed) == (
        "cooperation_agreement",
        "terminated",
        "2022",
    )
    assert not agreements(
        "Officials agreed with the assessment. Egypt has not agreed with CNSA to host a station."
    )


def test_an_entry_under_a_month_heading_takes_its_year_and_a_joining_clause_keeps_its_own_date() -> None:
    (found,) = agreements(
        "## April 2025\n\n- **Apr. 24** — CNSA and Laos signed an implementing agreement on Laos's role in "
        "the ILRS, which the country joined last year.\n"
    )
    assert found.signed == "2025-04-24"


def test_a_joint_laboratory_two_bodies_have_only_discussed_is_no_agreement() -> None:
    assert not agreements(
        "The University of Bahrain and Harbin Institute of Technology have discussed a joint laboratory for "
        "planetary imaging; no text has been agreed."
    )


def test_a_register_dated_in_an_entered_into_column_with_dotted_dates() -> None:
    found = agreements(
        "Instruments concluded in the reporting year:\n\n"
        "| Item | Registered title | Our side | Chinese side | Entered into | Validity |\n"
        "|---|---|---|---|---|---|\n"
        "| 1 | Memorandum of Understanding on lunar science | Government of Laos | China National Space "
        "Administration | 16.05.2024 | open-ended |\n"
        "| 2 | Protocol on the Exchange of Earth Observation Data | National University of Laos | "
        "China Centre for Resources Satellite Data and Application | 11.2024 | 3 years |\n"
    )
    assert sorted(a.signed for a in found) == ["2024-05-16", "2024-11"]


def test_the_secretariat_signs_for_the_organisation_the_text_is_about() -> None:
    (found,) = agreements(
        "APSCO is an intergovernmental organisation based in Beijing. In 2023 the secretariat signed a "
        "cooperation agreement with the China National Space Administration."
    )
    assert found.parties == ("APSCO", "China National Space Administration")


def test_a_typed_register_with_a_signed_by_column_names_its_parties() -> None:
    from tests.core.test_segment import ALIGNED

    found = {a.agreement_type: a for a in agreements(ALIGNED)}
    assert found["joint_laboratory"].parties == (
        "National Institute for Space Research",
        "National Space Science Center",
    )
    assert found["joint_laboratory"].signed == "2014"
    assert set(found["cooperation_agreement"].parties) >= {"Roscosmos", "China National Space Administration"}
    assert found["cooperation_agreement"].signed == "2021-08-18"


def test_a_body_whose_campus_hosts_a_laboratory_is_not_its_party() -> None:
    found = agreements(
        "The China-Brazil Joint Laboratory for Space Weather, set up in 2014 on INPE's campus, opened."
    )
    assert not [a for a in found if "National Institute for Space Research" in a.parties]


def test_a_contract_the_next_sentence_says_does_not_exist_is_no_agreement() -> None:
    assert not agreements(
        "7. About the news published in some media about a contract of lease of a ground station between "
        "the Iranian Space Research Center and CNSA: this news is denied. Such contract does not exist."
    )
    assert not agreements("Egypt signed a memorandum with CNSA in 2019. Such a memorandum does not exist.")


def test_a_version_in_brackets_does_not_end_the_parties_and_a_participle_clause_does() -> None:
    (roadmap,) = agreements("- June 2021: joint ILRS Roadmap (V1.0) released by CNSA and Roscosmos")
    assert roadmap.parties == ("China National Space Administration", "Roscosmos")
    assert roadmap.signed == "2021-06"
    (found,) = agreements(
        "In 2021 CNSA and Roscosmos released the ILRS Roadmap (V1.0), providing an introduction to the "
        "International Lunar Research Station."
    )
    assert found.parties == ("China National Space Administration", "Roscosmos")


def test_a_law_still_in_place_takes_the_country_of_the_agency_the_next_sentence_names() -> None:
    (law,) = agreements(
        "A blog about the UAE.\n\n**The Wolf Amendment** is still there, of course. The rider that stops "
        "NASA from working bilaterally with China has not gone anywhere."
    )
    assert (law.agreement_type, law.parties) == ("legislation", ("United States",))


def test_an_agreement_signed_by_the_two_governments_has_them_as_parties_not_the_centre_it_funds() -> None:
    found = agreements(
        "Egypt's space programme. Egypt has built satellites since 2007, and Egypt now has a space city."
        "\n\nThe grant agreement under which China financed the Satellite "
        "Integration Centre was signed by the two governments in 2019."
    )
    assert [(a.parties, a.signed) for a in found] == [(("China", "Egypt"), "2019")]


def test_their_space_agencies_are_the_national_agencies_of_the_countries_just_named() -> None:
    (found,) = agreements(
        "The ILRS was founded jointly by China and Russia in 2021; their space agencies signed the founding "
        "memorandum that March."
    )
    assert (found.parties, found.signed) == (("China National Space Administration", "Roscosmos"), "2021-03")


def test_the_term_of_an_agreement_is_not_its_signing_date_and_kacst_is_a_party() -> None:
    (found,) = agreements(
        "The Algerian Space Agency and the China National Space Administration signed a Framework Agreement "
        "on Cooperation in the Field of Space Activities for the period 2025-2030."
    )
    assert found.signed is None
    (memo,) = agreements("The camera followed from a memorandum signed by KACST and CNSA in March 2017.")
    assert memo.parties == (
        "China National Space Administration",
        "King Abdulaziz City for Science and Technology",
    )


def test_a_status_cell_saying_active_gives_status_active() -> None:
    text = (
        "| Partner | Chinese counterpart | Instrument | Year | Status |\n|---|---|---|---|---|\n"
        "| Yerevan State University | Beihang University | Joint laboratory | 2022 | active |\n"
        "| Tbilisi State University | Xi'an Jiaotong University | Memorandum | 2017 | signed |\n"
    )
    assert sorted(a.status for a in agreements(text)) == ["active", "signed"]


def test_a_status_cell_saying_never_signed_or_talks_paused_is_no_agreement() -> None:
    text = (
        "| Counterparts | What kind of paper | Date on the paper | Where it stands |\n|---|---|---|---|\n"
        "| Armenia ↔ CNSA | draft memorandum on satellite applications | — | never signed; talks paused |\n"
    )
    assert agreements(text) == []


def test_suspended_talks_or_a_draft_said_next_never_to_have_been_signed_are_no_agreement() -> None:
    assert not agreements(
        "Discussions on a memorandum between the Philippines and China were suspended in 2024."
    )
    assert not agreements(
        "A draft memorandum between CNSA and the government of Vanuatu has circulated among officials. "
        "Two ministers told us it had never been signed."
    )
    [proposed] = agreements(
        "A China–Bolivia ground-station agreement was proposed in 2019. It was never signed."
    )
    assert proposed.status == "proposed"


def test_brackets_after_a_group_of_agencies_list_the_parties() -> None:
    [a] = agreements(
        "A data-sharing agreement was signed on 18 August 2021 by the five space agencies (Brazilian Space "
        "Agency, China National Space Administration, Indian Space Research Organisation, Roscosmos, South "
        "African National Space Agency)."
    )
    assert len(a.parties) == 5 and a.signed == "2021-08-18"


def test_the_date_after_signed_a_memorandum_is_its_signing_date() -> None:
    [a] = agreements(
        "Kiribati restored ties with Beijing in 2019 and signed a memorandum of understanding on the Belt "
        "and Road Initiative in January 2020."
    )
    assert a.signed == "2020-01"


def test_a_companys_report_signs_with_its_counterparts_as_the_company() -> None:
    text = (
        "HANXING ORBITAL TECHNOLOGIES CO., LTD.                    ANNUAL REPORT 2024\n\n"
        "In 2024 the Company had three spacecraft launched.\n\n"
        "The supply-and-launch contract for Tulpar-1 was signed with Kazakhstan Gharysh Sapary JSC in 2022.\n"
    )
    [contract] = agreements(text)
    assert contract.parties == ("Hanxing Orbital Technologies", "Kazakhstan Gharysh Sapary")


def test_a_memorandum_that_has_not_reached_signature_or_a_claim_called_invented_is_no_agreement() -> None:
    assert not agreements(
        "A data-sharing memorandum with the Kenya Space Agency has still not reached signature."
    )
    assert not agreements("The claim that Chile signed a memorandum with CNSA in 2024 is simply invented.")


def test_the_law_with_its_number_is_one_particular_law() -> None:
    [law] = agreements(
        "The convention was ratified by the National Congress of Argentina through the Law 27.123, "
        "sanctioned on the 25 de febrero de 2015."
    )
    assert (law.agreement_type, law.parties, law.signed) == ("legislation", ("Argentina",), "2015-02-25")


def test_an_agreement_with_their_space_agency_is_a_kind_not_an_instrument() -> None:
    text = (
        "States take part either through a government-level instrument or through an agreement between "
        "their space agency and CNSA."
    )
    assert agreements(text) == []


def test_the_two_governments_after_three_states_are_china_and_the_documents_country() -> None:
    text = (
        "Tunisia hosts a station. Tunisia trains engineers. Tunisia, China and Russia met in Tunis in 2024. "
        "In May 2024 the two governments signed a framework agreement on space."
    )
    [a] = [a for a in agreements(text) if a.agreement_type == "cooperation_agreement"]
    assert a.parties == ("China", "Tunisia")


def test_a_notes_label_names_the_other_side_of_an_instrument() -> None:
    [a] = agreements(
        "3. Morocco: the BRI row is dated by the memorandum of understanding signed with China in Nov 2017."
    )
    assert (a.parties, a.signed) == (("China", "Morocco"), "2017-11")


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "China and Egypt signed a memorandum of understanding on Monday to cooperate on remote sensing.",
            "Memorandum of understanding to cooperate on remote sensing",
        ),
        (
            "Italy signed a memorandum of understanding on the Belt and Road Initiative in March 2019.",
            "Memorandum of understanding on the Belt and Road Initiative",
        ),
    ],
)
def test_an_unnamed_instrument_is_described_without_the_day_it_was_signed(sentence: str, title: str) -> None:
    [a] = agreements(sentence)
    assert a.title == title


def test_what_a_signed_document_turned_out_to_be() -> None:
    [a] = agreements("It was a data-sharing arrangement between CNSA and the Brazilian Space Agency.")
    assert (a.agreement_type, a.parties) == (
        "data_exchange",
        ("Brazilian Space Agency", "China National Space Administration"),
    )
    assert agreements("It was a good year for CNSA and the Brazilian Space Agency.") == []


def test_an_instrument_on_a_fragment_line() -> None:
    [a] = agreements("- 9 Mar 2021 – CNSA / Roscosmos – MoU – joint construction of the station")
    assert (a.title, a.agreement_type, a.parties, a.signed) == (
        "MoU on joint construction of the station",
        "memorandum",
        ("China National Space Administration", "Roscosmos"),
        "2021-03-09",
    )
    [ended] = agreements("- 2022 – Pakistan (SUPARCO) – rover agreement – Chang'e 7 – ended 2023")
    assert ended.status == "terminated"


def test_two_instruments_in_clauses_of_their_own() -> None:
    found = agreements(
        "On 21 January 2016 the governments of China and Egypt sign a grant agreement for a satellite "
        "and Egypt signs a memorandum on jointly building the Belt and Road."
    )
    assert sorted((a.agreement_type, a.title, a.signed) for a in found) == [
        ("cooperation_agreement", "Grant agreement for a satellite", "2016-01-21"),
        ("memorandum", "Memorandum on jointly building the Belt and Road", "2016-01-21"),
    ]


def test_the_two_governments_of_a_document_about_one_country() -> None:
    text = (
        "EGYPT AND CHINA IN SPACE\n\n2024\n  1 January — Egypt joins BRICS with Ethiopia, Iran and the "
        "United Arab Emirates.\n\n2023\n  6 December — CNSA and EgSA sign a memorandum; Egypt joins the "
        "ILRS.\n\n2016\n  21 January — During a state visit, the two governments sign a grant agreement "
        "for a satellite.\n"
    )
    grant = [a for a in agreements(text) if a.title.startswith("Grant")]
    assert [a.parties for a in grant] == [("China", "Egypt")]


def test_a_numbered_paragraph_dates_an_instrument_from_its_own_sentence() -> None:
    found = agreements(
        "1. Facts.\n\n2. In September 2022 MBRSC and CNSA entered into an agreement on a rover. The UAE "
        "signed the Artemis Accords in October 2020."
    )
    assert [a.signed for a in found if a.title == "Agreement on a rover"] == ["2022-09"]


def test_the_date_of_a_report_is_not_the_date_of_what_it_reports() -> None:
    [a] = agreements("In March 2023 MBRSC informed Vantor that its agreement with CNSA had been terminated.")
    assert (a.status, a.signed) == ("terminated", None)


def test_a_list_of_documents_exchanged_at_a_signing() -> None:
    text = (
        "On 5 September 2024 the two sides signed a package of cooperation documents.\n\n"
        "Documents exchanged\n\n"
        "- Memorandum of Understanding between the China National Space Administration and the Senegalese "
        "Space Studies Agency on Cooperation in the International Lunar Research Station;\n"
        "- Agreement between the Senegalese Space Studies Agency and the China Centre for Resources "
        "Satellite Data and Application on the Exchange of Earth Observation Data.\n"
    )
    found = sorted((a.agreement_type, a.parties, a.signed) for a in agreements(text))
    assert found == [
        (
            "data_exchange",
            ("China Centre for Resources Satellite Data and Application", "Senegalese Space Studies Agency"),
            "2024-09-05",
        ),
        (
            "memorandum",
            ("China National Space Administration", "Senegalese Space Studies Agency"),
            "2024-09-05",
        ),
    ]


def test_an_agreement_to_pool_imagery_is_a_data_exchange() -> None:
    [a] = agreements(
        "In August 2021 CNSA and Roscosmos signed an agreement to pool imagery from their satellites."
    )
    assert a.agreement_type == "data_exchange"


def test_a_law_of_the_country_named_before_the_colon() -> None:
    [law] = agreements(
        "Even then, US law would limit what follows: the Wolf Amendment, in force since 2011, keeps NASA "
        "from bilateral work with China, and a Turkey active in both camps would have to keep them apart."
    )
    assert (law.agreement_type, law.parties) == ("legislation", ("United States",))


def test_a_semicolon_export_of_instruments() -> None:
    text = (
        "date;instrument;signatories;status;source\n"
        "2015-02-25;Law 27,123 approving the agreement on the Neuquen station;Argentina;in force;Boletin\n"
        "2020-10;Memorandum on the use of Fengyun satellite data;China Meteorological Administration / "
        "National Meteorological Service of Argentina;in force;SMN bulletin\n"
        "2024-11-05;Memorandum of understanding on remote sensing;CNSA / Honduras;"
        "initialled (never signed);press\n"
    )
    found = {(a.agreement_type, a.parties, a.signed, a.status) for a in agreements(text)}
    assert found == {
        ("legislation", ("Argentina",), "2015-02-25", "active"),
        (
            "data_exchange",
            ("China Meteorological Administration", "National Meteorological Service of Argentina"),
            "2020-10",
            "active",
        ),
    }


FILING = """CHINA TIANHE ORBITAL HOLDINGS LIMITED

The board of directors of China Tianhe Orbital Holdings Limited (the "Company", together with its
subsidiaries, the "Group") announces that on 18 June 2025 (after trading hours):

(a) the Company entered into a launch services agreement (the "Launch Services Agreement") with Qazaq
    Orbital Systems LLP ("QOS"), a company incorporated in Kazakhstan; and

(b) the Company entered into a satellite sale agreement (the "Satellite Sale Agreement") with the
    Rwanda Space Agency ("RSA").

The Board notes recent media reports stating that the Company has signed a constellation contract
with PT Nusantara of Indonesia. The Board wishes to clarify that no binding or non-binding agreement
has been entered into.
"""


def test_a_listed_company_announcing_its_agreements() -> None:
    found = {(a.agreement_type, a.parties, a.signed) for a in agreements(FILING)}
    assert found == {
        ("other", ("China Tianhe Orbital Holdings", "Qazaq Orbital Systems"), "2025-06-18"),
        ("other", ("China Tianhe Orbital Holdings", "Rwanda Space Agency"), "2025-06-18"),
    }


def test_a_named_title_runs_on_over_within_the() -> None:
    [a] = agreements(
        "On 12 January 2022 Nicaragua and China signed the Memorandum of Understanding on Cooperation within "
        "the Framework of the Silk Road Economic Belt."
    )
    assert (
        a.title
        == "Memorandum of Understanding on Cooperation within the Framework of the Silk Road Economic Belt"
    )


def test_nothing_shall_be_read_as_an_accession() -> None:
    assert (
        agreements(
            "Nothing in this Decree or in the ratified Agreement shall be read as an accession to the "
            "Convention of the Asia-Pacific Space Cooperation Organization, to which Peru is not a party."
        )
        == []
    )


def test_machine_translated_agreements() -> None:
    [accord] = agreements(
        "The accord of cooperation was signed at Beijing the 5 of September 2024 by the Senegalese Agency of "
        "Space Studies (ASES) and the CNSA."
    )
    assert (accord.agreement_type, accord.parties, accord.signed) == (
        "cooperation_agreement",
        ("China National Space Administration", "Senegalese Space Studies Agency"),
        "2024-09-05",
    )
    assert agreements("The present memorandum is inscribed in the frame of the Belt and Road.") == []


def test_a_body_of_a_country_stands_for_it_in_a_table_cell() -> None:
    text = (
        "| Counterpart | Vehicle of cooperation | Inked | Where it stands |\n|---|---|---|---|\n"
        "| Thailand: National Astronomical Research Institute of Thailand | Memorandum with CNSA "
        "| Nov 2024 | In force |\n"
    )
    assert [a.parties for a in agreements(text)] == [
        ("China National Space Administration", "National Astronomical Research Institute of Thailand")
    ]


def test_a_press_release_listing_the_documents_signed_with_bold_titles() -> None:
    text = (
        "CONIDA announces that Peruvian and Chinese institutions signed three documents yesterday, "
        "14 November 2024, in Lima.\n\n## Documents signed\n\n"
        "- **Framework Agreement establishing the China–Peru Joint Laboratory for Space Weather**, between "
        "the Geophysical Institute of Peru and the National Space Science Center. It will have two nodes.\n"
        "- **Arrangement on Satellite Data Sharing**, between CONIDA and CRESDA, giving access to imagery.\n"
    )
    found = sorted((a.agreement_type, a.title, a.signed) for a in agreements(text))
    assert found == [
        ("data_exchange", "Arrangement on Satellite Data Sharing", "2024-11-14"),
        ("joint_laboratory", "China–Peru Joint Laboratory for Space Weather", "2024-11-14"),
    ]


def test_an_instrument_dated_by_the_verb_that_follows_it() -> None:
    [lease] = agreements(
        "Argentina has hosted a Chinese tracking station in Neuquén since 2017, under a 50-year lease agreed "
        "between the two governments in 2014 that remains in force."
    )
    assert (lease.agreement_type, lease.signed, lease.status) == ("lease", "2014", "active")
