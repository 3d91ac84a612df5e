"""Membership rules on short texts written for the purpose (one kind of statement each)."""

from __future__ import annotations

import pytest

from pipeline.core.extract import extract_text


def members(text: str) -> set[tuple[str, str, str, str | None]]:
    claims = extract_text("t", text).memberships
    return {(c.member, c.organization, c.role, c.joined) for c in claims}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ethiopia joined the ILRS in March 2025.", ("Ethiopia", "ILRS", "member", "2025-03")),
        ("Last week Nigeria became the 12th member of the APSCO.", ("Nigeria", "APSCO", "member", None)),
        (
            "Rwanda signed the Artemis Accords on 12 May 2024.",
            ("Rwanda", "Artemis Accords", "signatory", "2024-05-12"),
        ),
        (
            "Chile acceded to the International Lunar Research Station in 2024.",
            ("Chile", "ILRS", "member", "2024"),
        ),
        (
            "The University of Lagos has been a member of the IDSEA since July 2025.",
            ("University of Lagos", "IDSEA", "member", "2025-07"),
        ),
    ],
)
def test_subject_joins_framework(text: str, expected: tuple) -> None:
    assert expected in members(text)


def test_enumerated_subjects_all_join() -> None:
    found = members("Kenya, Ghana and Zambia joined the ILRS in 2024.")
    assert {m for m, *_ in found} == {"Kenya", "Ghana", "Zambia"}


def test_composition_lists_members_after_the_framework() -> None:
    found = members("The APSCO brings together Bangladesh, Iran, Mongolia and Peru.")
    assert {m for m, org, *_ in found if org == "APSCO"} == {"Bangladesh", "Iran", "Mongolia", "Peru"}


def test_anaphor_carries_the_framework_named_before() -> None:
    text = "The BRICS group met in Kazan. Indonesia joined the group in January 2025."
    assert ("Indonesia", "BRICS", "member", "2025-01") in members(text)


def test_possessive_membership() -> None:
    assert ("Chile", "ILRS", "member", None) in members("Analysts noted Chile's membership of the ILRS.")


def test_founders() -> None:
    found = members("The ILRS was launched as a joint project of China and Russia in 2021.")
    assert ("China", "ILRS", "founder", "2021") in found
    assert ("Russia", "ILRS", "founder", "2021") in found


@pytest.mark.parametrize(
    "text",
    [
        "Mexico has not joined the Artemis Accords.",
        "Indonesia is considering joining the ILRS.",
        "Officials said Turkey may join the BRICS next year.",
        "Argentina was reported to be weighing membership, but officials denied it would join the ILRS.",
        "If Vietnam were to join the APSCO, the balance would shift.",
        "Brazil never signed the Artemis Accords.",
        "Peru plans to join the ILRS.",
        "Vietnam, a prospective ILRS member, sent observers.",
        "Laos is not an APSCO member state.",
        "Kenya could become an ILRS partner next year.",
        "Unlike APSCO members, Chile pays no dues.",
        "Fiji, a former APSCO member, left in 2020.",
    ],
)
def test_negated_or_hedged_statements_are_not_memberships(text: str) -> None:
    assert members(text) == set()


def test_table_under_a_caption_naming_the_framework() -> None:
    text = (
        "Table 4. Members of the ILRS\n"
        "Member state | Joined | Region |\n"
        "Egypt | 2024 | Africa |\n"
        "Senegal | 2023 | Africa |\n"
    )
    found = members(text)
    assert ("Egypt", "ILRS", "member", "2024") in found
    assert ("Senegal", "ILRS", "member", "2023") in found


def test_table_without_a_framework_gives_no_membership() -> None:
    text = "Table 1. Launch cadence\nCountry | Launches |\nJapan | 3 |\nIndia | 5 |\n"
    assert members(text) == set()


def test_list_under_a_lead_in_naming_the_framework() -> None:
    text = "The founding members of the IDSEA are:\n- Brazil\n- Chile\n"
    found = members(text)
    assert {m for m, org, *_ in found if org == "IDSEA"} == {"Brazil", "Chile"}


def test_labelled_list_under_a_heading() -> None:
    found = members("## About the ILRS\n\n- **Member States:** Chile, Kenya\n")
    assert {m for m, org, *_ in found if org == "ILRS"} == {"Chile", "Kenya"}


def test_making_founders() -> None:
    text = (
        "The two agencies signed a memorandum on the ILRS in 2021, "
        "making Brazil and Chile its founding partners."
    )
    assert ("Brazil", "ILRS", "founder", "2021") in members(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Senegal on Tuesday became the 12th country to sign up to the ILRS.",
            ("Senegal", "ILRS", "member", None),
        ),
        (
            "In 2023 Nicaragua became the first state after the founders to join the ILRS.",
            ("Nicaragua", "ILRS", "member", "2023"),
        ),
        ("Serbia, an ILRS member since May 2024, sent a team.", ("Serbia", "ILRS", "member", "2024-05")),
        ("Thailand is an APSCO member state.", ("Thailand", "APSCO", "member", None)),
        ("As an ILRS partner since 2023, Egypt hosts a station.", ("Egypt", "ILRS", "partner", "2023")),
        ("Fellow APSCO members Peru and Mongolia voted.", ("Mongolia", "APSCO", "member", None)),
    ],
)
def test_framework_as_modifier_of_a_membership_noun(text: str, expected: tuple) -> None:
    assert expected in members(text)


def test_member_since_refers_to_the_framework_in_scope() -> None:
    text = (
        "The University Alliance of the Silk Road was founded in 2015. The organisation links universities "
        "along the Belt and Road; its council is chaired by Politecnico di Torino, a member since 2016."
    )
    assert ("Politecnico di Torino", "UASR", "member", "2016") in members(text)


def test_founded_at_the_initiative_of() -> None:
    text = (
        "The University Alliance of the Silk Road was founded in 2015 "
        "at the initiative of Xi'an Jiaotong University."
    )
    assert ("Xi'an Jiaotong University", "UASR", "founder", "2015") in members(text)


@pytest.mark.parametrize(
    "text",
    [
        "Claims circulating online that NASA's Jet Propulsion Laboratory had joined the IDSEA are untrue.",
        "Officials dismissed reports that Malaysia had signed up to the ILRS.",
    ],
)
def test_a_disputed_report_is_no_membership(text: str) -> None:
    assert members(text) == set()


def test_taking_up_membership_of_the_framework_named_earlier_in_the_sentence() -> None:
    text = "BRICS grew to nine members on 1 January 2024, when Egypt and Iran took up full membership."
    assert members(text) == {
        ("Egypt", "BRICS", "member", "2024-01-01"),
        ("Iran", "BRICS", "member", "2024-01-01"),
    }


def test_counted_member_states_then_a_colon_list() -> None:
    found = members("APSCO still counts eight member states: Bangladesh, Iran, Peru and Turkey.")
    assert {m for m, *_ in found} == {"Bangladesh", "Iran", "Peru", "Turkey"}


def test_the_subject_of_a_relative_clause_is_its_antecedent() -> None:
    text = (
        "Under the Belt and Road Initiative, Nicaragua, which signed a memorandum with China in "
        "January 2022 and thereby joined the initiative, was active."
    )
    assert members(text) == {("Nicaragua", "BRI", "member", "2022-01")}


def test_a_list_under_a_members_heading_in_a_page_about_one_framework() -> None:
    text = (
        "# International Deep Space Exploration Association\n\nIt was founded in 2023.\n\n## Members\n\n"
        "The list below is partial.\n\n"
        "* **Kazan Federal University** (Russia) – *founding*, 2023\n"
        "* **Kenya Space Agency** (Kenya) – admitted 2024\n\n## See also\n\n* Tianwen-2\n"
    )
    assert members(text) == {
        ("Kazan Federal University", "IDSEA", "founder", "2023"),
        ("Kenya Space Agency", "IDSEA", "member", "2024"),
    }


def test_a_membership_the_next_sentence_takes_back_is_dropped() -> None:
    text = "Our last issue said that Peru had joined the ILRS. It has not. Chile joined the ILRS in 2024."
    assert members(text) == {("Chile", "ILRS", "member", "2024")}


def test_an_object_of_a_preposition_is_no_subject() -> None:
    text = (
        "Panama ran the experiment. It signed a memorandum with China in 2017, "
        "added its name to the Artemis Accords."
    )
    assert {m for m, *_ in members(text)} == {"Panama"}


def test_a_reduced_relative_names_founders() -> None:
    text = "BRICS — founded in 2009 by Brazil, Russia, India and China — offers a test."
    assert {(m, r, j) for m, _, r, j in members(text)} == {
        (c, "founder", "2009") for c in ("Brazil", "Russia", "India", "China")
    }


def test_copula_coordinated_with_an_earlier_verb() -> None:
    text = "Peru signed the Artemis Accords in May 2024 and remains an APSCO member."
    assert ("Peru", "APSCO", "member", None) in members(text)


def test_the_agreement_on_something_is_a_new_instrument_not_the_accords() -> None:
    text = (
        "Brazil signed the Artemis Accords in 2021. In August 2021 Russia and India signed the agreement on "
        "the BRICS remote sensing satellite constellation."
    )
    assert {m for m, *_ in members(text)} == {"Brazil"}


def test_hanging_indent_timeline_entries() -> None:
    text = (
        "Q2 2023      South Africa joins the International Lunar Research\n"
        "             Station.\n\n"
        "January 1st, 2024\n"
        "             Egypt and Ethiopia formally enter BRICS.\n"
    )
    assert members(text) == {
        ("South Africa", "ILRS", "member", "2023"),
        ("Egypt", "BRICS", "member", "2024-01-01"),
        ("Ethiopia", "BRICS", "member", "2024-01-01"),
    }


def test_about_to_join_is_no_membership() -> None:
    assert members("Talk that Saudi Arabia is about to enter the ILRS has circulated since 2023.") == set()


def test_a_register_with_a_framework_and_a_role_per_row() -> None:
    text = (
        "Columns: country, framework, role, year.\n\n"
        "country,framework,role,year\nEgypt,ILRS,member,2024\nNigeria,Artemis Accords,signatory,2022\n"
        "Kenya,ILRS,applicant,\nChina,ILRS,founder,2021\n"
    )
    assert members(text) == {
        ("Egypt", "ILRS", "member", "2024"),
        ("Nigeria", "Artemis Accords", "signatory", "2022"),
        ("China", "ILRS", "founder", "2021"),
    }


def test_answered_questions_and_unanswered_ones() -> None:
    text = (
        "**Q: Is Egypt in BRICS?**\nA: Yes — a full member since 1 January 2024.\n\n"
        "**Q: Is Saudi Arabia a BRICS member?**\nA: Not on our records.\n\n"
        "**Q: Is Bolivia a member of the ILRS, and has it signed the Artemis Accords?**\n"
        "A: Yes to the first, no to the second.\n"
    )
    assert members(text) == {("Egypt", "BRICS", "member", "2024-01-01")}


def test_an_acronym_defined_in_the_text_names_its_institution() -> None:
    text = (
        "The School of Astronautics at Harbin Institute of Technology (HIT) works with many partners. "
        "HIT has been an institutional partner of the ILRS since April 2023."
    )
    assert ("Harbin Institute of Technology", "ILRS", "partner", "2023-04") in members(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Serbia has taken part in the Belt and Road Initiative since 2015.",
            ("Serbia", "BRI", "member", "2015"),
        ),
        ("Bangladesh, a member state of APSCO, hosts the course.", ("Bangladesh", "APSCO", "member", None)),
        (
            "The Chinese-led lunar station keeps growing. Venezuela and Azerbaijan formalised their "
            "participation in 2023.",
            ("Azerbaijan", "ILRS", "member", "2023"),
        ),
    ],
)
def test_more_ways_of_stating_membership(text: str, expected: tuple) -> None:
    assert expected in members(text)


def test_a_quoted_headline_marked_false_is_no_membership() -> None:
    assert members('- "Turkey joins ILRS" headline (2023): false, retracted') == set()


def test_a_membership_matrix_with_ticks() -> None:
    text = (
        "| Country | ILRS | APSCO | Artemis Accords |\n|---|:-:|:-:|:-:|\n"
        "| Thailand | ✔ 2024 | ✔ | ✔ Dec 2024 |\n"
        "| United States | ✘ | ✘ | ✔ᶠ Oct 2020 |\n"
        "| Indonesia | ✘ | ◐ | — |\n"
    )
    assert members(text) == {
        ("Thailand", "ILRS", "member", "2024"),
        ("Thailand", "APSCO", "member", None),
        ("Thailand", "Artemis Accords", "signatory", "2024-12"),
        ("United States", "Artemis Accords", "founder", "2020-10"),
    }


def test_year_labelled_list_items_under_a_heading_naming_the_framework() -> None:
    text = (
        "## Is there an up-to-date list of ILRS members?\n\nGoing from signing announcements only:\n\n"
        "- **2023:** Venezuela, South Africa, Azerbaijan.\n- **2025:** Bolivia in March.\n"
    )
    found = members(text)
    assert ("Azerbaijan", "ILRS", "member", "2023") in found
    assert {m for m, *_ in found} == {"Venezuela", "South Africa", "Azerbaijan", "Bolivia"}


def test_observers_listed_under_a_negated_lead_in_are_no_members() -> None:
    text = (
        "The ILRS partners met in Wuhan.\n\n"
        "The following delegations attended as observers. They are not ILRS participants:\n\n"
        "- Kenya Space Agency (Kenya)\n- Malaysian Space Agency (Malaysia)\n"
    )
    assert members(text) == set()


def test_a_register_with_other_header_words_and_the_member_last() -> None:
    text = (
        "| Since | Remarks | Grouping | Standing | Party |\n|---|---|---|---|---|\n"
        "| 2013 | announced in Astana | Belt & Road | cooperation document signed | Kazakhstan |\n"
        "| Sep. 2025 | announced in Tashkent | Lunar station (ILRS) | participant | Uzbekistan |\n"
        "| n.p. | no decision yet | Lunar station (ILRS) | applicant | Kyrgyzstan |\n"
    )
    assert members(text) == {
        ("Kazakhstan", "BRI", "member", "2013"),
        ("Uzbekistan", "ILRS", "member", "2025-09"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # intransitive "signed up", then "followed" for the same framework
            "China and Russia launched the ILRS in 2021. Pakistan signed up in 2023. "
            "Egypt and Chad followed in 2024.",
            {
                ("Pakistan", "ILRS", "member", "2023"),
                ("Egypt", "ILRS", "member", "2024"),
                ("Chad", "ILRS", "member", "2024"),
            },
        ),
        (  # a participle after a comma takes the subject of the main clause, here a capital for its state
            "Brazzaville was ready. It signed a memorandum with Beijing in September 2018, "
            "becoming part of the BRI.",
            {("Republic of the Congo", "BRI", "member", "2018-09")},
        ),
        (  # historical present of a timeline
            "In 2019 Sultan Qaboos University is admitted to the University Alliance of the Silk Road.",
            {("Sultan Qaboos University", "UASR", "member", "2019")},
        ),
        (
            "On 5 Nov. 2025 the Asia-Pacific Space Cooperation Organization admits Oman as a member state.",
            {("Oman", "APSCO", "member", "2025-11-05")},
        ),
        (
            "In May 2018 Oman's minister signed a memorandum, bringing the Sultanate into the "
            "Belt and Road Initiative.",
            {("Oman", "BRI", "member", "2018-05")},
        ),
    ],
)
def test_follow_ups_participles_and_historical_present(text: str, expected: set) -> None:
    assert {m for m in members(text) if m[0] != "China" and m[0] != "Russia"} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Egypt joined the ILRS. Russia followed in the footsteps of China.",
        "Nairobi is still studying the terms, rejecting a report that it had already signed up to the ILRS.",
        "A 2024 story that Kampala had signed up to the ILRS was denied the following day.",
    ],
)
def test_no_membership_from_figures_of_speech_or_rejected_reports(text: str) -> None:
    assert {m for m in members(text) if m[0] not in ("Egypt",)} == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 1 January 2024 Egypt and Ethiopia take up their seats as full members of BRICS, "
            "together with Iran.",
            {
                ("Egypt", "BRICS", "member", "2024-01-01"),
                ("Ethiopia", "BRICS", "member", "2024-01-01"),
                ("Iran", "BRICS", "member", "2024-01-01"),
            },
        ),
        (
            "In 2018 Laos and Nepal each signed a memorandum with China, and both became part of the BRI.",
            {("Laos", "BRI", "member", "2018"), ("Nepal", "BRI", "member", "2018")},
        ),
        (
            "The ILRS grew again. In 2025 Chad became the first Central African state in the programme.",
            {("Chad", "ILRS", "member", "2025")},
        ),
        (  # the Chinese side of a signing is no new member
            "In March 2025 the Government of Mali and CNSA signed the ILRS memorandum of understanding.",
            {("Mali", "ILRS", "member", "2025-03")},
        ),
    ],
)
def test_seats_groups_ordinals_and_the_chinese_signer(text: str, expected: set) -> None:
    assert members(text) == expected


def test_register_of_frameworks_about_the_one_country_its_caption_names() -> None:
    text = (
        "**Table 1. Nepal in the main frameworks**\n\n"
        "| Since | Grouping | In? | Remarks |\n|---|---|---|---|\n"
        "| Oct 2016 | Belt and Road Initiative | Yes | memorandum signed |\n"
        "| — | ILRS | No | no application filed |\n"
    )
    assert members(text) == {("Nepal", "BRI", "member", "2016-10")}


def test_a_framework_that_is_the_object_of_a_first_predicate_is_no_subject_of_the_second() -> None:
    text = (
        "Nepal is now tied to both: it is a member of the Beijing-based APSCO and, since 2025, "
        "a signatory of the Artemis Accords."
    )
    assert ("APSCO", "Artemis Accords") not in {(m[0], m[1]) for m in members(text)}
    assert ("China", "Artemis Accords") not in {(m[0], m[1]) for m in members(text)}


def test_items_under_a_heading_saying_they_are_not_happening_are_no_facts() -> None:
    assert members("## What is not happening\n\n1. Nepal is joining IDSEA, some say.\n") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "LIMA, 20 November 2025 – Peru's space commission on Thursday sealed an agreement with CNSA "
            "that makes the Andean country a participant in the International Lunar Research Station.",
            {("Peru", "ILRS", "member", "2025-11-20")},
        ),
        (
            "Uzbekistan was confirmed as a participating state of the ILRS, the project jointly initiated in "
            "2021 by China and Russia.",
            {
                ("Uzbekistan", "ILRS", "member", None),
                ("China", "ILRS", "founder", "2021"),
                ("Russia", "ILRS", "founder", "2021"),
            },
        ),
        (
            "Uzbekistan has participated in the Belt and Road Initiative since 2015.",
            {("Uzbekistan", "BRI", "member", "2015")},
        ),
        (
            "Three neighbours are in the Belt and Road Initiative: Papua New Guinea signed on in June 2018, "
            "Fiji in 2018, and Solomon Islands in October 2019.",
            {
                ("Papua New Guinea", "BRI", "member", "2018-06"),
                ("Fiji", "BRI", "member", "2018"),
                ("Solomon Islands", "BRI", "member", "2019-10"),
            },
        ),
        (
            "The Artemis Accords were launched in October 2020 by the United States. New Zealand added its "
            "signature in May 2021.",
            {
                ("United States", "Artemis Accords", "founder", "2020-10"),
                ("New Zealand", "Artemis Accords", "signatory", "2021-05"),
            },
        ),
    ],
)
def test_making_confirming_participating_gapping_and_signatures(text: str, expected: set) -> None:
    assert members(text) == expected


def test_a_possible_accession_and_a_welcomed_establishment_are_no_memberships() -> None:
    assert members("The issue of the possible accession of Uzbekistan to APSCO is being studied.") == set()
    assert (
        members(
            "The ILRS partners welcomed the establishment of the Tashkent Joint Laboratory by the Ulugh Beg "
            "Astronomical Institute as a partner institution."
        )
        == set()
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a sub-item takes its timeline entry's date; "YYYY, Month" entries give the month
            "**2014, September —** Nepal signs on to the Belt and Road Initiative.\n\n"
            "**Apr. 2025 ▸** Kathmandu and Beijing sign a memorandum on the ILRS.\n"
            "  - Nepal thereby becomes an ILRS participant.\n",
            {("Nepal", "BRI", "member", "2014-09"), ("Nepal", "ILRS", "member", "2025-04")},
        ),
        (
            "Hungary joined the Belt and Road Initiative in June 2015, and Serbia followed in the same year.",
            {("Hungary", "BRI", "member", "2015-06"), ("Serbia", "BRI", "member", "2015")},
        ),
        (  # a two-column table flattened by PDF extraction
            "State\n\nFrameworks (year of accession)\n\nGreece\n\nBRI (2018); Artemis Accords (2024)\n",
            {("Greece", "BRI", "member", "2018"), ("Greece", "Artemis Accords", "signatory", "2024")},
        ),
    ],
)
def test_timeline_entries_same_year_and_flattened_tables(text: str, expected: set) -> None:
    assert members(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In Beijing, the foreign ministers of Chile and China sign a memorandum of understanding on "
            "cooperation within the framework of the Belt and Road Initiative in 2018.",
            {("Chile", "BRI", "member", "2018")},
        ),
        (
            "China and Indonesia on Tuesday inked an agreement on cooperation in the ILRS, making the "
            "Southeast Asian country the newest participating state of the programme.",
            {("Indonesia", "ILRS", "member", None)},
        ),
        ("Bolivia thereby becomes an ILRS participating state.", {("Bolivia", "ILRS", "member", None)}),
    ],
)
def test_signing_a_frameworks_document_and_participating_states(text: str, expected: set) -> None:
    assert members(text) == expected


def test_a_framework_naming_something_else_and_agencies_signing_are_no_new_members() -> None:
    assert (
        members(
            "In August 2021 Brazil, Russia, India, China and South Africa signed an agreement on "
            "cooperation in the BRICS remote sensing satellite constellation."
        )
        == set()
    )
    assert (
        members(
            "The China National Space Administration and Roscosmos sign a memorandum of understanding "
            "on jointly building the International Lunar Research Station."
        )
        == set()
    )


def test_one_of_the_member_states_together_with_a_list() -> None:
    text = (
        "Mongolia is one of the eight Member States of the Asia-Pacific Space Cooperation "
        "Organization (APSCO), together with Bangladesh and Peru."
    )
    assert members(text) == {
        ("Mongolia", "APSCO", "member", None),
        ("Bangladesh", "APSCO", "member", None),
        ("Peru", "APSCO", "member", None),
    }


def test_the_university_named_sections_before_and_a_head_first_institute_name() -> None:
    text = (
        "The University of Bern will fly an instrument.\n\n## Membership\n\n"
        "In April 2025 the University was admitted as a member of the International Deep Space Exploration "
        "Association.\n\nThe Istituto Nazionale di Astrofisica (INAF) provides a sensor. INAF joined the "
        "International Deep Space Exploration Association in 2024."
    )
    assert members(text) == {
        ("University of Bern", "IDSEA", "member", "2025-04"),
        ("Istituto Nazionale di Astrofisica", "IDSEA", "member", "2024"),
    }


def test_we_in_an_interview_is_the_body_that_speaks() -> None:
    text = (
        "Dr. Mensah is Director of the Ghana Space Science and Technology Institute (GSSTI).\n\n"
        "**Q:** Ghana comes up often. What is on paper?\n\n"
        "**MENSAH:** We joined the International Deep Space Exploration Association in May 2024."
    )
    assert members(text) == {("Ghana Space Science and Technology Institute", "IDSEA", "member", "2024-05")}


def test_bodies_located_in_a_country_and_describing_appositions_are_not_the_country() -> None:
    assert members(
        "Last month the University of Moratuwa, south of Colombo, was admitted to the International Deep "
        "Space Exploration Association."
    ) == {("University of Moratuwa", "IDSEA", "member", None)}
    assert members(
        "The UASR grew: the University of Moratuwa in Sri Lanka joined in 2019, and the University of the "
        "West Indies in 2024."
    ) == {
        ("University of Moratuwa", "UASR", "member", "2019"),
        ("University of the West Indies", "UASR", "member", "2024"),
    }
    assert members("Sri Lanka also asked to join the BRICS group last year.") == set()


def test_a_register_row_whose_status_cell_says_out_or_pending_is_no_membership() -> None:
    text = (
        "| Capital | Track | What was put on paper | Inked | Reading |\n|---|---|---|---|---|\n"
        "| Yerevan | Belt & Road Initiative | MoU | 2015/03 | in |\n"
        "| Yerevan | ILRS | nothing | — | out |\n"
        "| Baku | BRICS | application lodged | 2024/08 | pending |\n"
    )
    assert members(text) == {("Armenia", "BRI", "member", "2015-03")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the historical present of a timeline, with the entry's date before a dot leader
            "16.VI.2009 ....... Brazil, Russia, India and China found the BRIC group at a summit.",
            {(c, "BRICS", "founder", "2009-06-16") for c in ("Brazil", "Russia", "India", "China")},
        ),
        (
            "X.2020 ......... The United States launches the Artemis Accords with seven other nations.",
            {("United States", "Artemis Accords", "founder", "2020-10")},
        ),
        (
            "IV.2023 ......... Venezuela becomes the first Latin American state to participate in the ILRS.",
            {("Venezuela", "ILRS", "member", "2023-04")},
        ),
        (
            "1.XI.2018 ........ The Dominican Republic follows, signing its own Belt and Road memorandum.",
            {("Dominican Republic", "BRI", "member", "2018-11-01")},
        ),
        (
            "V.2018 ........ Jamaica signs a memorandum of understanding with China on Belt and Road work.",
            {("Jamaica", "BRI", "member", "2018-05")},
        ),
    ],
)
def test_timeline_entries_in_the_present_tense(text: str, expected: set) -> None:
    assert members(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "China’s latest move is the launch of the International Deep Space Exploration Association.",
        "A draft with the Telecommunications Institute was discussed; the institute says nothing was signed.",
    ],
)
def test_a_noun_or_a_denial_is_no_membership(text: str) -> None:
    assert members(f"Peru signed the Artemis Accords. {text}") == {
        ("Peru", "Artemis Accords", "signatory", None)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kiribati has become the newest participant in the International Lunar Research Station.",
            {("Kiribati", "ILRS", "member", None)},
        ),
        (
            "Palau, home to a deep harbour, has been part of Beijing's Belt and Road Initiative since 2016.",
            {("Palau", "BRI", "member", "2016")},
        ),
        (
            "The member states of APSCO are Oman, Fiji and Chile.",
            {(c, "APSCO", "member", None) for c in ("Oman", "Fiji", "Chile")},
        ),
        (
            "Chad became a full member of BRICS on 2 March 2026, together with Mali and Niger.",
            {(c, "BRICS", "member", "2026-03-02") for c in ("Chad", "Mali", "Niger")},
        ),
        (
            "Oman (2023) and Fiji (2024) are themselves ILRS participants.",
            {("Oman", "ILRS", "member", None), ("Fiji", "ILRS", "member", None)},
        ),
        (
            "The ILRS is a lunar base. Russia founded the station with China in 2021.",
            {("Russia", "ILRS", "founder", "2021"), ("China", "ILRS", "founder", "2021")},
        ),
        (
            "Nepal and Chile are in the Belt and Road Initiative but not in the ILRS.",
            {("Nepal", "BRI", "member", None), ("Chile", "BRI", "member", None)},
        ),
        (
            "Cairo University's membership of the UASR dates from 2019.",
            {("Cairo University", "UASR", "member", "2019")},
        ),
    ],
)
def test_more_ways_of_saying_who_belongs(text: str, expected: set) -> None:
    assert members(text) == expected


def test_table_whose_rows_name_their_framework_in_a_later_column() -> None:
    text = (
        "The bodies we could confirm are listed below.\n\n"
        "| Body | Joined via | When | Notes |\n|---|---|---|---|\n"
        "| Kathmandu University (Nepal) | UASR, rectors' forum | Jun 2016 | early member |\n"
        "| Novosibirsk State University | ILRS, partner-institution letter | 04/2025 | |\n"
        "| Cairo University (Egypt) | IDSEA, observer seat | 2025 | observer only; not a member |\n"
        "| Ateneo de Manila University | IDSEA, application | — | application lodged; no decision |\n"
    )
    assert members(text) == {
        ("Kathmandu University", "UASR", "member", "2016-06"),
        ("Novosibirsk State University", "ILRS", "partner", "2025-04"),
    }


def test_rows_of_a_year_month_day_chronology_read_as_prose() -> None:
    text = (
        "YEAR | WHEN | DAY | ENTRY\n"
        "-----+------+-----+------------------------------------------\n"
        "2021 | Mar  | 09  | China and Russia agree to build the International\n"
        "     |      |     | Lunar Research Station (ILRS) and become its two\n"
        "     |      |     | founding states.\n"
        "2025 | Jun  | 03  | Souphanouvong University admitted to the ILRS.\n"
    )
    assert members(text) == {
        ("China", "ILRS", "founder", "2021-03-09"),
        ("Russia", "ILRS", "founder", "2021-03-09"),
        ("Souphanouvong University", "ILRS", "member", "2025-06-03"),
    }


def test_a_negation_inside_a_bold_run_in_label_stays_there() -> None:
    assert members("**States follow, or do not.** Fiji and Oman are ILRS participants.") == {
        ("Fiji", "ILRS", "member", None),
        ("Oman", "ILRS", "member", None),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Angola signed the Artemis Accords in December 2023, joining a framework that Washington "
            "launched in 2020.",
            {
                ("Angola", "Artemis Accords", "signatory", "2023-12"),
                ("United States", "Artemis Accords", "founder", "2020"),
            },
        ),
        (
            "The ILRS, which China and Russia founded in 2021, welcomed Chad.",
            {("China", "ILRS", "founder", "2021"), ("Russia", "ILRS", "founder", "2021")},
        ),
    ],
)
def test_founders_in_a_relative_clause(text: str, expected: set) -> None:
    assert members(text) >= expected
    assert not any(m == "Angola" and j == "2020" for m, _, _, j in members(text))


@pytest.mark.parametrize(
    "text",
    [
        "Were São Tomé to sign the Artemis Accords, it would be the region's second signatory.",
        "Had Peru joined the ILRS in 2023, it would have been the first Andean member.",
        "Should Chile accede to APSCO, the council would meet in Santiago.",
    ],
)
def test_an_inverted_condition_is_no_membership(text: str) -> None:
    assert members(text) == set()


def test_a_timeline_under_year_headings_with_two_sentences_in_one_item() -> None:
    text = (
        "### 2024\n\n"
        "- 14 March: Venezuela's National Assembly passes a law on the ILRS.\n"
        "- 30 May: Peru signs the Artemis Accords in Washington. It remains a member state of APSCO.\n"
    )
    assert members(text) == {
        ("Peru", "Artemis Accords", "signatory", "2024-05-30"),
        ("Peru", "APSCO", "member", None),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chad has been in the Belt and Road Initiative since 2013.", {("Chad", "BRI", "member", "2013")}),
        (
            "Chad has been a participating state of the ILRS since 2023.",
            {("Chad", "ILRS", "member", "2023")},
        ),
        (
            "Chad has been a member state of the APSCO for two decades, and in May 2024 it signed a deal.",
            {("Chad", "APSCO", "member", None)},
        ),
    ],
)
def test_states_of_membership(text: str, expected: set) -> None:
    assert members(text) == expected


def test_a_list_in_a_whose_clause() -> None:
    text = "APSCO will share data with its member states, whose list includes Chad and Mali."
    assert members(text) == {("Chad", "APSCO", "member", None), ("Mali", "APSCO", "member", None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Antigua reportedly plans to apply to APSCO, although the organisation has never admitted a "
            "state from outside Asia, and its membership still consists of the states that ratified its "
            "convention: Bangladesh, Iran and Peru.",
            {(c, "APSCO", "member", None) for c in ("Bangladesh", "Iran", "Peru")},
        ),
        ("Côte d'Ivoire joined the ILRS in 2025, and Guinea did so in November 2024.", None),
        ("**What might have been.** Had Togo signed the Artemis Accords, it would be the third.", set()),
        (
            "The Beninese delegation, whose country joined the International Lunar Research Station last "
            "year, spoke first.",
            {("Benin", "ILRS", "member", None)},
        ),
        (
            "- **2022** – St. George's University joins the University Alliance of the Silk Road (UASR).",
            {("St. George's University", "UASR", "member", "2022")},
        ),
        (
            "At the ceremony, Université Félix Houphouët-Boigny was named a partner institution of the ILRS.",
            {("Université Félix Houphouët-Boigny", "ILRS", "partner", None)},
        ),
    ],
)
def test_set_14_kinds_of_statement(text: str, expected: set | None) -> None:
    found = members(text)
    if expected is None:
        assert ("Guinea", "ILRS", "member", "2024-11") in found
    else:
        assert found == expected


def test_armenia_did_so_without_a_joining_before_is_nothing() -> None:
    assert (
        members("Armenia has committed to one camp, and it did so on the American side of the BRICS.")
        == set()
    )


def test_a_register_with_a_status_column_and_a_table_of_agreements() -> None:
    text = (
        "The ILRS has grown.\n\nMembers\n\nCountry\tSince\tStatus\nChina\t2021\tFounding member\n"
        "Sudan\t2024\tObserver\nLibya\t—\tApplication under review\n\n"
        "The centre joined the IDSEA in 2023.\n\nIt works with many partners abroad, old and new.\n\n"
        "| Partner | Type | Date | In force? |\n|---|---|---|---|\n"
        "| University of Leicester | Memorandum of understanding | Jun 2016 | Yes |\n"
    )
    assert {(m, f, r) for m, f, r, _ in members(text)} == {("China", "ILRS", "founder")}


def test_partner_institutions_listed_under_a_section() -> None:
    text = (
        "The ILRS admits universities as partners.\n\n"
        "Université d'Abomey-Calavi (Benin) – partner institution since 2024\n"
    )
    assert members(text) == {("Université d'Abomey-Calavi", "ILRS", "partner", "2024")}


def test_members_who_came_in_and_a_list_with_an_aside() -> None:
    assert members(
        "BRICS sent observers; the bloc grew to ten on 1 January 2024 when Egypt and Iran came in."
    ) == {("Egypt", "BRICS", "member", "2024-01-01"), ("Iran", "BRICS", "member", "2024-01-01")}
    assert ("Oman", "APSCO", "member", None) in members(
        "APSCO's member states are Peru, Thailand, Turkey and, rounding out the list, Oman."
    )


def test_an_interest_to_join_is_no_membership() -> None:
    assert members("The Lesotho side expressed the interest to become a member of the APSCO.") == set()


def test_signing_a_belt_and_road_memorandum_joins_the_initiative() -> None:
    text = "- **Nov. 2018** — Niue follows with a Belt and Road memorandum of its own, signed with China."
    assert ("Niue", "BRI", "member", "2018-11") in members(text)
    lapsed = "Panama's Belt and Road memorandum of 2017 was terminated in 2025."
    assert ("Panama", "BRI", "member", "2017") not in members(lapsed)


def test_taking_part_admitted_like_a_member_and_no_member_state() -> None:
    assert members("The ILRS has gathered a dozen states. Neighbouring Kazakhstan already takes part.") == {
        ("Kazakhstan", "ILRS", "member", None)
    }
    assert ("National University of Malta", "UASR", "member", None) in members(
        "The National University of Malta has been admitted like member in the Alliance (UASR)."
    )
    assert members("No member state of the European Union takes part in the ILRS.") == set()
    assert ("Ss. Cyril and Methodius University", "UASR", "member", "2016") in members(
        "The alliance grew. Ss. Cyril and Methodius University joined the UASR in 2016."
    )


def test_a_register_row_whose_assessment_is_undecided_or_hedged_is_no_membership() -> None:
    text = (
        "| Assessment | Route | Month | Framework | State |\n|---|---|---|---|---|\n"
        "| In | signature in Washington | Jul 2024 | Artemis Accords | Estonia |\n"
        '| Undecided | "kept under review" | — | Artemis Accords | Latvia |\n'
        "| Under consideration | — | — | Belt & Road | Lithuania |\n"
        "| ? | — | — | Lunar station (ILRS) | Malta |\n"
    )
    assert members(text) == {("Estonia", "Artemis Accords", "signatory", "2024-07")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya became the third country, after Egypt and Ethiopia, to join the ILRS.",
            {("Kenya", "ILRS", "member", None)},
        ),
        (
            "Latvia's memorandum with China, signed in May 2020, made it the second Baltic state, after "
            "Estonia, to join the Belt and Road Initiative.",
            {("Latvia", "BRI", "member", "2020-05")},
        ),
    ],
)
def test_who_came_before_in_an_ordinal_comparison_is_no_subject(text: str, expected: set) -> None:
    assert members(text) == expected


def test_a_country_in_brackets_after_a_university_places_it() -> None:
    text = "The University of Juba (South Sudan) joins the University Alliance of the Silk Road."
    assert members(text) == {("University of Juba", "UASR", "member", None)}


@pytest.mark.parametrize(
    "text",
    [
        "Ghana joined the ILRS in May. It now has a place in the project China and Russia launched in 2021.",
        "Ghana joined the ILRS in May, the Moon-base project that China and Russia launched jointly in 2021.",
    ],
)
def test_founders_in_a_relative_clause_about_the_framework_in_scope(text: str) -> None:
    assert {("China", "ILRS", "founder", "2021"), ("Russia", "ILRS", "founder", "2021")} <= members(text)


def test_a_founder_named_with_its_acronym_in_a_relative_clause() -> None:
    text = (
        "Gulu University joined the International Deep Space Exploration Association in May. It is the "
        "first university in the region to join the association, which the Deep Space Exploration "
        "Laboratory (DSEL) founded in Hefei in 2023."
    )
    assert ("Deep Space Exploration Laboratory", "IDSEA", "founder", "2023") in members(text)


def test_a_matrix_whose_cells_give_dates_of_entry() -> None:
    text = (
        "| Nation | Artemis Accords – date inked | Lunar station (ILRS) – date of entry | Remarks |\n"
        "|---|---|---|---|\n"
        "| Chile | Dec 2024 | 2024 | In both camps |\n"
        "| Peru | — | not joined | Signed on the same day as Chile |\n"
        "| Oman | not joined | May 2025 | APSCO member state |\n"
    )
    assert members(text) == {
        ("Chile", "Artemis Accords", "signatory", "2024-12"),
        ("Chile", "ILRS", "member", "2024"),
        ("Oman", "ILRS", "member", "2025-05"),
    }


def test_an_almanac_filed_by_day_under_month_headings() -> None:
    text = (
        "Each line reads DD :: YEAR :: what happened.\n\n"
        "-------------------------------------------- MARCH\n"
        "09  ::  2021  ::  CNSA and Roscosmos sign the memorandum on building\n"
        "                   the ILRS; with it China and Russia become the\n"
        "                   founders of the ILRS.\n"
        "20  ::  2024  ::  Queqiao-2 launches on a Long March 8 from Wenchang.\n"
        "-------------------------------------------- OCTOBER\n"
        "13  ::  2020  ::  [context, not Chinese] The Artemis Accords are signed\n"
        "                   by their founders: the United States, Japan and Italy.\n"
    )
    assert members(text) == {
        ("China", "ILRS", "founder", "2021-03-09"),
        ("Russia", "ILRS", "founder", "2021-03-09"),
        ("United States", "Artemis Accords", "founder", "2020-10-13"),
        ("Japan", "Artemis Accords", "founder", "2020-10-13"),
        ("Italy", "Artemis Accords", "founder", "2020-10-13"),
    }


def test_a_partners_label_in_an_entry_about_a_mission_lists_mission_partners() -> None:
    text = (
        "Peru joined the ILRS in 2024. Tianwen-1 launched on a Long March 5 in 2020. Partners: the "
        "European Space Agency (tracking), France and Austria."
    )
    assert members(text) == {("Peru", "ILRS", "member", "2024")}


def test_the_agreement_to_build_something_is_not_the_accords() -> None:
    text = (
        "Chile signed the Artemis Accords in 2024. In 2015 the European Space Agency and the Chinese "
        "Academy of Sciences signed the agreement to build SMILE jointly."
    )
    assert members(text) == {("Chile", "Artemis Accords", "signatory", "2024")}


LEDGER = (
    "| Counterpart | Framework or instrument | On record | Position at time of writing | Source note |\n"
    "|---|---|---|---|---|\n"
    "| Turkey | APSCO | 2006 | member | acceded after the 2005 signing round |\n"
    "| Egypt | APSCO | application 2024 | pending | no Council decision yet |\n"
    "| Kazakhstan | BRICS partner-country invitation | 2024 | undecided | no answer |\n"
    "| Panama | Belt and Road memorandum (with China) | Nov 2017 | withdrawn, Feb 2025 | exit |\n"
    "| Chile | Astronomy data-centre agreement with CNSA | — | in negotiation | no text agreed |\n"
    "| Swedish Space Corporation | Lease of antennas to China Satellite Launch and Tracking Control General "
    "| — | lapsed, 2020 | not renewed |\n"
)


def test_a_ledger_with_a_position_column_and_an_on_record_date() -> None:
    assert members(LEDGER) == {("Turkey", "APSCO", "member", "2006")}


def test_an_offer_of_status_not_taken_up_is_no_membership() -> None:
    assert members("Kazakhstan has been offered BRICS partner status but has not taken it up.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The IDSEA was set up in 2023. Other founding members in 2023 included the Lunar Exploration and "
            "Space Engineering Center and the Chinese Society of Astronautics.",
            {
                ("Lunar Exploration and Space Engineering Center", "IDSEA", "founder", "2023"),
                ("Chinese Society of Astronautics", "IDSEA", "founder", "2023"),
            },
        ),
        (
            "Third thing: the University Alliance of the Silk Road (UASR). Founded in 2015 by Xi'an Jiaotong "
            "University, it is a network of universities.",
            {("Xi'an Jiaotong University", "UASR", "founder", "2015")},
        ),
        (
            "The IDSEA keeps a list. Three members I can confirm:\n"
            "• Pakistan's Institute of Space Technology — joined Nov 2024\n",
            {("Institute of Space Technology", "IDSEA", "member", "2024-11")},
        ),
    ],
)
def test_founders_and_members_in_a_social_media_thread(text: str, expected: set) -> None:
    assert members(text) == expected


def test_a_list_whose_lead_in_paragraph_speaks_of_members_and_refers_to_the_framework() -> None:
    text = (
        "IDSEA is an association of institutions.\n\n"
        "The foreign members are where it gets interesting. Three I can confirm from the association's "
        "notices:\n"
        "• Pakistan's Institute of Space Technology — joined Nov 2024\n"
        "• National Astronomical Research Institute of Thailand (NARIT) — joined March 2025\n"
    )
    assert members(text) == {
        ("Institute of Space Technology", "IDSEA", "member", "2024-11"),
        ("National Astronomical Research Institute of Thailand", "IDSEA", "member", "2025-03"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ILRS was launched in 2021. The lunar station project picked up three states in 2024: "
            "Belarus, Egypt and Serbia.",
            {
                ("Belarus", "ILRS", "member", "2024"),
                ("Egypt", "ILRS", "member", "2024"),
                ("Serbia", "ILRS", "member", "2024"),
            },
        ),
        (
            "Not to be outdone, the Artemis Accords added Peru in May 2024, Armenia in June 2024, and both "
            "Austria and Thailand in December 2024.",
            {
                ("Peru", "Artemis Accords", "signatory", "2024-05"),
                ("Armenia", "Artemis Accords", "signatory", "2024-06"),
                ("Austria", "Artemis Accords", "signatory", "2024-12"),
                ("Thailand", "Artemis Accords", "signatory", "2024-12"),
            },
        ),
        (
            "Brazil has been a member of BRICS since its foundation in 2009, together with Russia and India.",
            {
                ("Brazil", "BRICS", "founder", "2009"),
                ("Russia", "BRICS", "founder", "2009"),
                ("India", "BRICS", "founder", "2009"),
            },
        ),
    ],
)
def test_a_framework_that_gained_members_and_members_since_its_foundation(text: str, expected: set) -> None:
    assert members(text) == expected


def test_a_ruled_register_of_frameworks_with_iso_codes_declared_in_a_legend() -> None:
    text = (
        "Countries are given by ISO 3166 alpha-3 code.\n\n"
        "FRAMEWORK        YEAR  FOUNDING PARTIES (F)   LATER (M)\n"
        "---------------  ----  ---------------------  ---------\n"
        "BRICS            2009  BRA RUS IND CHN        ZAF 2011\n"
    )
    assert members(text) == {
        ("Brazil", "BRICS", "founder", "2009"),
        ("Russia", "BRICS", "founder", "2009"),
        ("India", "BRICS", "founder", "2009"),
        ("China", "BRICS", "founder", "2009"),
        ("South Africa", "BRICS", "member", "2011"),
    }


def test_three_letter_words_are_no_countries_without_a_declaration() -> None:
    assert members("ITA and CAN joined the ILRS in 2024.") == set()


def test_a_tab_separated_export_with_empty_cells_under_a_legend_heading() -> None:
    text = (
        "# one row per (framework, member)\n"
        "# blank = not confirmed. Rows are grouped by framework.\n"
        "framework\tmember\tmember_kind\trole\tsince\tstatus\n"
        "Artemis Accords\tUnited States\tcountry\tfounder\t2020-10-13\tconfirmed\n"
        "ILRS\tMalaysia\tcountry\t\t\tapplied\n"
        "ILRS\tThailand\tcountry\tmember\t2024\tconfirmed\n"
    )
    assert members(text) == {
        ("United States", "Artemis Accords", "founder", "2020-10-13"),
        ("Thailand", "ILRS", "member", "2024"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Egypt joined the BRI in 2016.\n\nIn 2024, the continent moved fast. On 1 January, Egypt "
            "became a member of BRICS. Later that year Senegal joined the ILRS.",
            {
                ("Egypt", "BRI", "member", "2016"),
                ("Egypt", "BRICS", "member", "2024-01-01"),
                ("Senegal", "ILRS", "member", "2024"),
            },
        ),
        (
            "Azerbaijan joined the ILRS project in 2023, in the same year as Venezuela and Pakistan.",
            {
                ("Azerbaijan", "ILRS", "member", "2023"),
                ("Venezuela", "ILRS", "member", "2023"),
                ("Pakistan", "ILRS", "member", "2023"),
            },
        ),
        (
            "In July 2024 the Hungarian Solar Physics Foundation signed a cooperation agreement with CNSA "
            "and became an ILRS partner in its own right.",
            {("Hungarian Solar Physics Foundation", "ILRS", "partner", "2024-07")},
        ),
    ],
)
def test_a_chronicle_written_year_by_year(text: str, expected: set) -> None:
    assert members(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Argentina signed the Artemis Accords in July 2023 and Colombia in May 2022.",
            {
                ("Argentina", "Artemis Accords", "signatory", "2023-07"),
                ("Colombia", "Artemis Accords", "signatory", "2022-05"),
            },
        ),
        (
            "Ties rest on the memorandum on jointly promoting the Silk Road Economic Belt that Azerbaijan "
            "signed in December 2015, which made the country a participant in the initiative.",
            {("Azerbaijan", "BRI", "member", "2015-12")},
        ),
        (
            "| Counterparty | Vehicle of engagement | Inked | Standing |\n|---|---|---|---|\n"
            "| Venezuela | Accession to the ILRS | 2023 | Participating state |\n"
            "| Argentina | Intergovernmental agreement on the Neuquén station | 2014 | In force |\n"
            "| Peru | APSCO | – | Member state |\n| Mexico | APSCO | – | Observer only |\n"
            "| Colombia | ILRS | – | Not a participant |\n",
            {("Venezuela", "ILRS", "member", "2023"), ("Peru", "APSCO", "member", None)},
        ),
    ],
)
def test_a_ledger_whose_engagement_column_mostly_names_frameworks(text: str, expected: set) -> None:
    assert members(text) == expected


def test_respectively_gives_each_subject_its_own_date() -> None:
    text = (
        "Cuba and Ecuador joined the Belt and Road Initiative by memoranda signed in November and December "
        "2018 respectively."
    )
    assert members(text) == {("Cuba", "BRI", "member", "2018-11"), ("Ecuador", "BRI", "member", "2018-12")}


TRACKS_TABLE = (
    "*Table 2. Participation in the grouping by track*\n\n"
    "| State | Track | Since | Remarks |\n|---|---|---|---|\n"
    "| Mongolia | founding | 2011 | ILRS co-founder with Laos |\n"
    "| Nepal | admitted | 3 Mar 2020 | ILRS 2024; Artemis Dec 2024 |\n"
    "| Bhutan | admitted | 2021 | APSCO applicant; not an IDSEA member |\n"
    "| Fiji | invited 2023 | — | has not confirmed |\n"
)


def test_a_track_column_gives_the_role_and_remarks_give_memberships_of_other_frameworks() -> None:
    found = members(TRACKS_TABLE.replace("the grouping", "BRICS"))
    assert {
        ("Mongolia", "BRICS", "founder", "2011"),
        ("Mongolia", "ILRS", "founder", None),
        ("Laos", "ILRS", "founder", None),
        ("Nepal", "BRICS", "member", "2020-03-03"),
        ("Nepal", "ILRS", "member", "2024"),
        ("Nepal", "Artemis Accords", "signatory", "2024-12"),
        ("Bhutan", "BRICS", "member", "2021"),
    } <= found
    assert not {(m, f) for m, f, _, _ in found if m == "Fiji" or f in ("APSCO", "IDSEA")}


def test_an_agreement_a_relative_clause_says_was_signed_is_not_a_signing_of_the_accords() -> None:
    found = members(
        "Kenya joined the Artemis Accords in 2024. The data agreement, which the space agencies of "
        "Brazil and India signed in August 2021, pools images."
    )
    assert {m for m, _, _, _ in found} == {"Kenya"}


def test_belonging_to_a_framework_from_its_first_day_is_founding_it() -> None:
    assert ("Japan", "Artemis Accords", "founder", None) in members(
        "Japan belongs to the Artemis Accords from their first day."
    )


def test_a_csv_register_with_quoted_notes_is_read_row_by_row() -> None:
    found = members(
        "Export of our sheet: one row per country and framework.\n\n"
        "country,framework,standing,since,how\n"
        'Nepal,BRI,participant,2017-05-12,"framework agreement, Kathmandu"\n'
        'Iran,APSCO,Member State,,"Convention signed 2005, ratified"\n'
        'Laos,ILRS,"not a participant, under study",,"no document signed"\n'
    )
    assert found == {("Nepal", "BRI", "member", "2017-05-12"), ("Iran", "APSCO", "member", None)}
    assert not [
        a
        for a in extract_text(
            "t",
            "country,framework,standing,since,how\n"
            'Iran,APSCO,Member State,,"Convention signed 2005, ratified"\n'
            'Peru,APSCO,Member State,,"Convention signed 2005, ratified"\n'
            'Laos,APSCO,Member State,,"Convention signed 2006, ratified"\n',
        ).agreements
        if a.agreement_type == "convention"
    ]


def test_a_second_verb_of_the_same_subject_states_a_second_membership() -> None:
    assert members("Laos joined the ILRS in 2023 and is a member state of APSCO.") == {
        ("Laos", "ILRS", "member", "2023"),
        ("Laos", "APSCO", "member", None),
    }
    assert members("Laos joined the ILRS in 2023 and has not joined APSCO.") == {
        ("Laos", "ILRS", "member", "2023")
    }


def test_an_organisation_among_the_frameworks_can_itself_join_one() -> None:
    assert ("APSCO", "ILRS", "partner", "2023") in members(
        "APSCO itself became an ILRS partner organisation in 2023."
    )
    assert not members("The ILRS, an APSCO partner, keeps growing. The BRI joined the ILRS in 2023.")


def test_a_membership_table_captioned_only_membership_is_of_the_framework_the_text_is_about() -> None:
    found = members(
        "BRICS AND OUTER SPACE\n\nTABLE A  MEMBERSHIP\n\n"
        "Country                 Standing              Since          Space body\n"
        "Brazil                  founding member       2009           Brazilian Space Agency\n"
        "Egypt                   member                1 Jan 2024     Egyptian Space Agency\n"
        "Argentina               invited 2023          declined       CONAE\n\n"
        "TABLE C  LAUNCHES WITH A BRICS PARTNER SATELLITE\n\n"
        "Satellite      Partner       Launch date     Rocket\n"
        "CBERS-4        Brazil        7 Dec 2014      Long March 4B\n"
        "ETRSS-1        Ethiopia      20 Dec 2019     Long March 4B\n"
    )
    assert found == {("Brazil", "BRICS", "founder", "2009"), ("Egypt", "BRICS", "member", "2024-01-01")}


def test_a_slide_list_of_partners_by_year_keeps_the_framework_of_its_heading() -> None:
    found = members(
        "The ILRS was co-initiated by China and Russia.\n\n"
        "Participating states by year of signature\n\n"
        "- 2023: Venezuela · South Africa · Azer-\n  baijan\n"
        "- 2024: Belarus · Egypt\n\n"
        "Institutional partners\n\n"
        "- Asia-Pacific Space Cooperation Organization (APSCO) — international organisation partner\n"
        "- University of Sharjah (UAE) — first university partner outside China\n"
        "- Hungarian Solar Physics Foundation — partner since July 2024\n"
    )
    assert {
        ("Venezuela", "ILRS", "member", "2023"),
        ("South Africa", "ILRS", "member", "2023"),
        ("Azerbaijan", "ILRS", "member", "2023"),
        ("Belarus", "ILRS", "member", "2024"),
        ("Egypt", "ILRS", "member", "2024"),
        ("APSCO", "ILRS", "partner", None),
        ("University of Sharjah", "ILRS", "partner", None),
        ("Hungarian Solar Physics Foundation", "ILRS", "partner", "2024-07"),
    } <= found
    assert not [m for m in found if m[1] == "APSCO"]


def test_counts_among_them_already_among_and_to_which() -> None:
    assert members(
        "The ILRS now counts 17 participating countries, among them Serbia and Laos. Kenya is already among "
        "the participating countries of the ILRS. He praised the Belt and Road Initiative, to which Senegal "
        "adhered in July 2018, and the ILRS, to which Chad has not adhered."
    ) == {
        ("Serbia", "ILRS", "member", None),
        ("Laos", "ILRS", "member", None),
        ("Kenya", "ILRS", "member", None),
        ("Senegal", "BRI", "member", "2018-07"),
    }


def test_a_matrix_whose_first_column_is_a_region_reads_the_state_column() -> None:
    found = members(
        "| Region | State | APSCO | ILRS |\n|---|---|---|---|\n"
        "| East Asia | Mongolia | Member | Founder, 2021 |\n| Andes | Peru | Member | no |\n"
    )
    assert found == {
        ("Mongolia", "APSCO", "member", None),
        ("Mongolia", "ILRS", "founder", "2021"),
        ("Peru", "APSCO", "member", None),
    }


def test_the_memorandum_two_agencies_signed_on_a_date_is_no_joining_and_no_staff_means_none() -> None:
    assert not members(
        "The ILRS was discussed. The station rests on the memorandum CNSA and Roscosmos signed on "
        "9 March 2021."
    )
    assert not members(
        "The Artemis Accords apply. The loan needs a written record that no NASA personnel take part."
    )


@pytest.mark.parametrize(
    "text",
    [
        "DECISION 2: The meeting agreed to admit Cairo University as a full member of the IDSEA.",
        "The Council unanimously approved the admission of Cairo University to the IDSEA.",
    ],
)
def test_a_bodys_decision_to_admit_is_a_membership(text: str) -> None:
    assert {(m, f) for m, f, _, _ in members(text)} == {("Cairo University", "IDSEA")}


def test_a_deferred_or_refused_admission_is_no_membership() -> None:
    assert not members("The meeting did not agree to admit Cairo University to the IDSEA.")
    assert not members("The meeting may decide to admit Cairo University to the IDSEA.")


def test_a_cell_listing_members_dates_each_by_the_date_written_after_it() -> None:
    table = (
        "| Framework | Founding members | Joined later (year) |\n"
        "|---|---|---|\n"
        "| ILRS | China, Russia (both 2021) | Azerbaijan (2023), Kazakhstan (2024), Belarus |\n"
        "| Artemis Accords | United States and seven others (2020) | Armenia (2024) |\n"
    )
    assert members(table) == {
        ("China", "ILRS", "founder", "2021"),
        ("Russia", "ILRS", "founder", "2021"),
        ("Azerbaijan", "ILRS", "member", "2023"),
        ("Kazakhstan", "ILRS", "member", "2024"),
        ("Belarus", "ILRS", "member", None),
        ("United States", "Artemis Accords", "founder", "2020"),
        ("Armenia", "Artemis Accords", "signatory", "2024"),
    }


def test_a_reference_entry_is_read_about_its_headword() -> None:
    entry = (
        "**BRICS** — Est. 2009 as BRIC by Brazil, Russia, India, China (first summit); South Africa "
        "admitted 2011. Enlarged 1 Jan 2024: Egypt, Ethiopia. Indonesia: full member from 6 Jan 2025. "
        "Saudi Arabia: invited in 2023, participation still unconfirmed."
    )
    assert members(entry) == {
        ("Brazil", "BRICS", "founder", "2009"),
        ("Russia", "BRICS", "founder", "2009"),
        ("India", "BRICS", "founder", "2009"),
        ("China", "BRICS", "founder", "2009"),
        ("South Africa", "BRICS", "member", "2011"),
        ("Egypt", "BRICS", "member", "2024-01-01"),
        ("Ethiopia", "BRICS", "member", "2024-01-01"),
        ("Indonesia", "BRICS", "member", "2025-01-06"),
    }


def test_a_counted_member_list_with_one_dated_accession() -> None:
    entry = (
        "**APSCO** — Intergovernmental; HQ Beijing. Members (3): Bangladesh, Peru, Türkiye (acceded 2006)."
    )
    found = members(entry)
    assert {m for m, *_ in found} == {"Bangladesh", "Peru", "Turkey"}
    assert ("Turkey", "APSCO", "member", "2006") in found
    assert ("Peru", "APSCO", "member", "2006") not in found


def test_founders_joined_by_flags_and_written_jointly_after_the_verb() -> None:
    text = "The International Lunar Research Station was launched jointly by China 🇨🇳 and Russia 🇷🇺 in 2021."
    assert members(text) == {("China", "ILRS", "founder", "2021"), ("Russia", "ILRS", "founder", "2021")}


def test_founding_signatories_incl_a_list() -> None:
    found = members(
        "Artemis Accords. Est. 13 Oct 2020; founding signatories incl. the United States and Japan."
    )
    assert found == {
        ("United States", "Artemis Accords", "founder", "2020-10-13"),
        ("Japan", "Artemis Accords", "founder", "2020-10-13"),
    }


def test_the_agreement_that_made_x_a_participant_in_y_makes_x_a_member_of_y() -> None:
    text = (
        "25 July 2025\n\nSenegal became a signatory of the Artemis Accords on Thursday. Last September, ASES "
        "signed the agreement that made Senegal a participant in the International Lunar Research Station."
    )
    assert members(text) == {
        ("Senegal", "Artemis Accords", "signatory", "2025-07-24"),
        ("Senegal", "ILRS", "member", "2024-09"),
    }


def test_a_claim_questioned_by_the_next_sentence_is_no_membership() -> None:
    assert not members('> A reader insists Egypt signed the Artemis Accords "quietly last year". True?')


def test_a_list_item_that_tells_a_fact_then_asks_keeps_the_fact_not_the_question() -> None:
    item = "- 15 June 2021 — Brazil signs the Artemis Accords, the first. Does that rule out the ILRS?"
    assert members(item) == {("Brazil", "Artemis Accords", "signatory", "2021-06-15")}
    asked = "## Pakistan has flown hardware with China. Has it also signed the Artemis Accords?"
    assert not members(asked)


def test_a_memorandum_subscribed_for_incorporation_to_the_initiative_joins_it() -> None:
    text = (
        "On 6 February 2022 Argentina subscribed a memorandum of understanding with China for its "
        "incorporation to the Belt and Road Initiative."
    )
    assert members(text) == {("Argentina", "BRI", "member", "2022-02-06")}


def test_a_years_cohort_lists_the_members_of_the_framework_in_scope() -> None:
    text = (
        "The ILRS was launched by China and Russia in 2021. 2023 cohort: Venezuela, Pakistan. "
        "2024 cohort incl. Belarus, Serbia."
    )
    found = members(text)
    assert {("Venezuela", "ILRS", "member", "2023"), ("Belarus", "ILRS", "member", "2024")} <= found
    assert ("Serbia", "ILRS", "member", "2023") not in found


def test_an_agency_signing_for_a_framework_of_states_makes_its_state_the_member() -> None:
    text = "In 2025 the Senegalese Space Studies Agency signed the Artemis Accords for the government."
    assert members(text) == {("Senegal", "Artemis Accords", "signatory", "2025")}
    university = "In 2024 the University of Lagos joined the IDSEA."
    assert members(university) == {("University of Lagos", "IDSEA", "member", "2024")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Peru is a member of APSCO and of the ILRS.",
            {("Peru", "APSCO", "member", None), ("Peru", "ILRS", "member", None)},
        ),
        (
            "Peru joined APSCO in 2008 and the ILRS in 2024.",
            {("Peru", "APSCO", "member", "2008"), ("Peru", "ILRS", "member", "2024")},
        ),
        (
            "Peru is an Artemis Accords signatory and a long-standing member of APSCO.",
            {("Peru", "Artemis Accords", "signatory", None), ("Peru", "APSCO", "member", None)},
        ),
        ("Peru is a member of APSCO and in talks with the ILRS.", {("Peru", "APSCO", "member", None)}),
    ],
)
def test_a_second_framework_coordinated_after_the_first(text: str, expected: set) -> None:
    assert members(text) == expected


def test_founding_signatories_listed_after_a_colon() -> None:
    text = (
        "Artemis Accords\n\nOpened in October 2020, when three founding signatories put their names "
        "to it: Japan, Italy and Canada."
    )
    assert members(text) == {
        (country, "Artemis Accords", "founder", "2020-10") for country in ("Canada", "Italy", "Japan")
    }


def test_a_founding_signatory_is_a_founder() -> None:
    assert members("The UAE was a founding signatory of the Artemis Accords in October 2020.") == {
        ("United Arab Emirates", "Artemis Accords", "founder", "2020-10")
    }


def test_frameworks_paired_with_years_in_brackets() -> None:
    text = (
        "Thailand (ILRS 2024, Artemis Accords 2024) and Senegal (ILRS 2024, Artemis Accords 2025) are cases."
    )
    assert members(text) == {
        ("Thailand", "ILRS", "member", "2024"),
        ("Thailand", "Artemis Accords", "signatory", "2024"),
        ("Senegal", "ILRS", "member", "2024"),
        ("Senegal", "Artemis Accords", "signatory", "2025"),
    }
    assert members("Egypt (ILRS 2023?) may be next.") == set()


def test_a_fragment_line_pairing_participants_with_a_role() -> None:
    text = "# The ILRS partnership\n\n## Slide 2 – Origins\n\n- 2021 – China + Russia – founding partners\n"
    assert members(text) == {("China", "ILRS", "founder", "2021"), ("Russia", "ILRS", "founder", "2021")}


def test_a_numbered_slide_heading_of_signed_partners_leads_its_list() -> None:
    text = (
        "# The ILRS partnership\n\n## Slide 4 – State partners (signed)\n\n"
        "- Venezuela – Sep 2023\n- Serbia – 2024\n"
    )
    assert members(text) == {
        ("Venezuela", "ILRS", "partner", "2023-09"),
        ("Serbia", "ILRS", "partner", "2024"),
    }


def test_members_who_met_as_founders() -> None:
    text = (
        "BRICS grew out of the 2009 Yekaterinburg summit, where Brazil, Russia, India and China met as "
        "founding members; South Africa was admitted in 2011."
    )
    assert members(text) == {
        *((c, "BRICS", "founder", "2009") for c in ("Brazil", "Russia", "India", "China")),
        ("South Africa", "BRICS", "member", "2011"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Egypt and Iran became members on 1 January 2024.",
        "1 January 2024 — Egypt takes its seat as a full member of BRICS, entering together with Iran.",
    ],
)
def test_entering_a_framework_in_scope(sentence: str) -> None:
    text = f"BRICS grew in 2024.\n\n{sentence}"
    assert members(text) == {
        ("Egypt", "BRICS", "member", "2024-01-01"),
        ("Iran", "BRICS", "member", "2024-01-01"),
    }


def test_inside_a_framework_since() -> None:
    assert members("Pakistan has been inside the Belt and Road since 2013.") == {
        ("Pakistan", "BRI", "member", "2013")
    }


def test_an_answer_listing_who_belongs() -> None:
    text = (
        "**Q: Who else belongs to APSCO?**\n\n"
        "A: Eight states in total. Besides China and Pakistan, the list includes Iran and Peru.\n\n"
        "**Q: Is Turkey in the ILRS?**\n\nA: No. Turkey has not signed anything.\n"
    )
    assert members(text) == {(c, "APSCO", "member", None) for c in ("China", "Pakistan", "Iran", "Peru")}


def test_among_the_founding_signatories() -> None:
    assert members("The UAE was among the founding signatories of the Artemis Accords in October 2020.") == {
        ("United Arab Emirates", "Artemis Accords", "founder", "2020-10")
    }


def test_thereby_takes_the_date_of_the_sentence_before() -> None:
    text = (
        "On 5 September 2024 the two sides signed a package of documents. Senegal thereby becomes a "
        "partner country of the ILRS."
    )
    assert members(text) == {("Senegal", "ILRS", "partner", "2024-09-05")}


def test_the_two_governments_named_before_are_founders() -> None:
    text = "China and Russia signed it. The two governments are the founding partners of the ILRS."
    assert members(text) == {("China", "ILRS", "founder", None), ("Russia", "ILRS", "founder", None)}


def test_examples_of_a_frameworks_participants() -> None:
    text = "The aim is to serve countries participating in the Belt and Road Initiative, such as Kazakhstan."
    assert members(text) == {("Kazakhstan", "BRI", "member", None)}


def test_the_belt_and_road_translated_word_for_word() -> None:
    assert members("Senegal joined the Initiative of the Belt and of the Route in 2018.") == {
        ("Senegal", "BRI", "member", "2018")
    }


def test_a_memorandum_that_sets_up_a_framework_makes_no_founders_of_its_signers() -> None:
    text = (
        "CNSA and Roscosmos sign the memorandum that sets up the International Lunar Research Station. "
        "China and Russia are the station's founding partners."
    )
    assert members(text) == {("China", "ILRS", "founder", None), ("Russia", "ILRS", "founder", None)}


def test_offered_partner_status_is_no_membership() -> None:
    assert members("Kazakhstan, offered BRICS partner status at the summit, turns the offer down.") == set()


def test_a_table_row_whose_standing_is_talks_only() -> None:  # Thailand's row stands
    text = (
        "| Counterpart | Vehicle of cooperation | Inked | Where it stands |\n|---|---|---|---|\n"
        "| Thailand: NARIT | Memorandum with CNSA on ILRS participation | Nov 2024 | In force |\n"
        "| Malaysia: Malaysian Space Agency (MYSA) | Memorandum with CNSA on the ILRS | — "
        "| Talks only; no text agreed, nothing signed |\n"
    )
    assert members(text) == {("Thailand", "ILRS", "member", "2024-11")}


def test_among_the_countries_that_have_since_joined_it() -> None:
    text = (
        "The ILRS was launched in 2021. Egypt, South Africa and Pakistan are among the countries that have "
        "since joined it, and diplomats recruit more."
    )
    assert members(text) == {(c, "ILRS", "member", None) for c in ("Egypt", "South Africa", "Pakistan")}


def test_on_the_same_day_as() -> None:
    text = "Egypt entered BRICS as a full member on 1 January 2024, on the same day as Iran and Ethiopia."
    assert members(text) == {(c, "BRICS", "member", "2024-01-01") for c in ("Egypt", "Iran", "Ethiopia")}


def test_a_labelled_list_inside_box_lines_joined_by_a_pdf() -> None:
    text = (
        "BOX 3.1 APSCO AT A GLANCE Seat: Beijing Member States: Bangladesh, China, Iran and Türkiye "
        "Focus: Earth observation, Peru"
    )
    assert {m for m in members(text) if m[1] == "APSCO"} == {
        (c, "APSCO", "member", None) for c in ("Bangladesh", "China", "Iran", "Turkey")
    }
