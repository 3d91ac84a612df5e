"""Mission rules on short texts written for the purpose."""

from __future__ import annotations

from pipeline.core.extract import extract_text


def missions(text: str) -> dict:
    out: dict = {}
    for c in extract_text("t", text).missions:
        out.setdefault(c.name, []).append(c)
    return out


def test_launch_date_site_vehicle() -> None:
    found = missions(
        "On 3 May 2024, Chang'e 6 lifted off on a Long March 5 from the Wenchang Satellite Launch Center."
    )
    [claim] = found["Chang'e 6"]
    assert (claim.launch_date, claim.launch_vehicle, claim.launch_site) == (
        "2024-05-03",
        "Long March 5",
        "Wenchang Satellite Launch Center",
    )


def test_target_and_partners_from_payloads() -> None:
    found = missions(
        "Tianwen-2 will study an asteroid. Tianwen-1 carried payloads from Austria and France to Mars."
    )
    claim = found["Tianwen-1"][0]
    assert claim.target == "Mars"
    assert set(claim.partners) == {"Austria", "France"}


def test_chinese_participants_are_not_partners() -> None:
    claim = missions(
        "SMILE is a joint mission between the Chinese Academy of Sciences and the European Space Agency."
    )["SMILE"][0]
    assert claim.partners == ("European Space Agency",)


def test_planned_launch_gives_no_launch_date() -> None:
    claim = missions("Chang'e 7, a lunar lander, is expected to launch in 2026 from Wenchang.")["Chang'e 7"][
        0
    ]
    assert (claim.target, claim.launch_date) == ("Moon", None)


def test_numbered_flight_of_a_series_is_its_own_mission() -> None:
    found = missions(
        "Shenzhou-13 flew to low Earth orbit. The Queqiao-2 relay satellite was launched in 2024."
    )
    assert {"Shenzhou-13", "Queqiao-2"} <= set(found)


def test_a_mission_named_in_passing_is_no_mission_fact() -> None:
    assert missions("Shenzhou crews and the BeiDou system were mentioned in the speech.") == {}


def test_a_launch_table_with_unusual_headers_and_column_order() -> None:
    text = (
        "| Date (UTC) | Launcher | Spacecraft | Pad | Foreign payloads | Bound for |\n"
        "|:--|:--|:--|:--|:--|:--|\n"
        "| 2024-05-03 09:27 | CZ-5 | Chang'e 6 | Wenchang | DORN detector, CNES/IRAP (France); "
        "NILS, IRF (Sweden) with ESA | Moon (far side) |\n"
        "| 2025-01-17 04:07 | CZ-2D | PRSC-EO1 | Jiuquan | whole satellite; owner SUPARCO (Pakistan) | "
        "Sun-synchronous orbit |\n"
        "| NET 2026 | CZ-5 (planned) | Chang'e 7 | Wenchang (planned) | instruments from Italy | Moon |\n"
    )
    rows = {m.name: m for m in extract_text("t", text).missions if m.span.method == "table:launches"}
    assert (rows["Chang'e 6"].launch_date, rows["Chang'e 6"].launch_vehicle, rows["Chang'e 6"].target) == (
        "2024-05-03",
        "Long March 5",
        "Moon",
    )
    assert rows["Chang'e 6"].launch_site == "Wenchang Satellite Launch Center"
    assert set(rows["Chang'e 6"].partners) == {"France", "Sweden", "European Space Agency"}
    assert (rows["PRSC-EO1"].target, rows["PRSC-EO1"].partners) == ("Earth orbit", ("Pakistan",))
    planned = rows["Chang'e 7"]
    assert (planned.launch_date, planned.launch_vehicle, planned.launch_site) == (None, None, None)


def test_the_payload_list_of_a_launch_just_reported() -> None:
    text = (
        "HAIYANG, 14 October 2025 - A Long March 11 lifted off from the Xichang Satellite Launch Center "
        "and placed seven spacecraft into a sun-synchronous orbit.\n\n"
        "Four of the seven satellites belong to international customers:\n\n"
        "* KHANGAI-1, a 6U cubesat built by students of the National University of Mongolia.\n"
    )
    [claim] = [c for c in missions(text)["KHANGAI-1"] if c.span.method == "list:manifest"]
    assert (claim.launch_date, claim.launch_site, claim.target, claim.partners) == (
        "2025-10-14",
        "Xichang Satellite Launch Center",
        "Earth orbit",
        ("Mongolia",),
    )


def test_payload_owner_is_a_partner_of_the_mission_carrying_it() -> None:
    found = missions(
        "Pakistan's ICUBE-Q cubesat rode to the Moon on Chang'e 6, launched from Wenchang in May 2024."
    )
    assert {p for c in found["Chang'e 6"] for p in c.partners} == {"Pakistan"}
    found = missions(
        "Chang'e 6 was launched carrying instruments from France and Italy and the ICUBE-Q satellite."
    )
    assert {p for c in found["Chang'e 6"] for p in c.partners} == {"France", "Italy"}


def test_two_missions_without_a_carrier_share_no_partners() -> None:
    found = missions("Chang'e 6 and Chang'e 7 are lunar missions; France supplied instruments.")
    assert {p for c in found["Chang'e 6"] for p in c.partners} == set()


def test_a_fact_sheet_table_with_labels_in_the_first_column() -> None:
    text = (
        "| | |\n|---|---|\n"
        "| **Mission** | Zhulong-1 limb-sounding satellite |\n"
        "| **Lift-off** | 3 April 2025, 10:12 Beijing time |\n"
        "| **Launcher** | Long March 6 |\n"
        "| **Launch site** | Taiyuan Satellite Launch Center |\n"
    )
    found = missions(text)["Zhulong-1"]
    assert {c.launch_date for c in found} >= {"2025-04-03"}
    assert {c.launch_vehicle for c in found} >= {"Long March 6"}


def test_compound_names_with_a_number_near_a_mission_word() -> None:
    assert "Faso-Sat-1" in missions(
        "Faso-Sat 1, the country's first satellite, launched from Jiuquan in 2024."
    )


def test_a_university_named_after_a_chinese_city_is_no_foreign_partner() -> None:
    found = missions(
        "Chang'e 4 carried instruments from the Harbin Institute of Technology and Kazan Federal University "
        "to the Moon."
    )
    assert {p for c in found["Chang'e 4"] for p in c.partners} == {
        "Russia"
    }  # the registry places the university


def test_missions_without_china_or_that_did_not_fly_are_no_facts() -> None:
    assert (
        missions("Hunza-1, a student cubesat from Pakistan, failed a vibration test and did not fly.") == {}
    )
    assert missions("Chandrayaan-3 landed on the Moon in 2023, with no Chinese involvement.") == {}
    assert missions("ESA's coronagraph Proba-3 was launched in December 2024 on an Indian PSLV rocket.") == {}
    assert missions("Kuafu-3, a mission to the L5 point, has been proposed but has not been approved.") == {}


def test_a_name_found_by_its_shape_is_kept_when_china_launches_it() -> None:
    found = missions(
        "ZamCube-2, a Zambian cubesat, was launched in 2025 from the Jiuquan Satellite Launch Center."
    )
    assert {c.launch_site for c in found["ZamCube-2"]} == {"Jiuquan Satellite Launch Center"}


def test_a_mission_launched_on_a_foreign_rocket_with_nothing_chinese_is_out_of_scope() -> None:
    assert missions("Chandrayaan-3 set off for the lunar south pole in July 2023 on an Indian rocket.") == {}


def test_a_flight_in_the_past_tense_is_a_launch() -> None:
    found = missions("Tanhai-2 replaces Tanhai-1, which flew in 2022 on a Long March 2C from Jiuquan.")
    assert [(c.launch_date, c.launch_vehicle) for c in found["Tanhai-1"] if c.launch_date] == [
        ("2022", "Long March 2C")
    ]


def test_a_launch_service_is_no_launch() -> None:
    found = missions(
        "The Kestrel-2 satellite belongs to Chile. The contract of launch service for Kestrel-2 was "
        "signed in March 2025 with a Chinese company."
    )
    assert all(c.launch_date is None for c in found.get("Kestrel-2", []))


def test_a_reported_booking_the_owner_denies_is_no_mission() -> None:
    found = missions(
        "VZLUSAT-3, a cubesat, was reportedly booked on a Chinese Ceres-1 flight; the centre denied this."
    )
    assert found == {}


def test_a_launch_complex_is_no_mission() -> None:
    assert missions("| Site | Taiyuan Satellite Launch Center, LC-9A |\n|---|---|\n| Orbit | SSO |") == {}


def test_national_bodies_in_the_registry_stand_for_their_country() -> None:
    found = missions(
        "Chang'e 7 will carry instruments built by Roscosmos and the National Space Science Center."
    )
    assert {p for c in found["Chang'e 7"] for p in c.partners} == {"Russia"}


def test_the_owner_named_around_the_mission_is_its_partner() -> None:
    owned = {
        "Vela-1": "Kestria's first satellite, Vela-1, a cubesat built by the Kestrian Space Centre, "
        "was launched on a Long March 2D from Jiuquan on 3 May 2025.",
        "Vela-2": "Peru saw its first radar satellite, Vela-2, reach orbit on a Kuaizhou-1A in June 2025.",
        "Vela-3": "Officials recalled Vela-3, the Sudanese weather satellite launched on a Long March 4B "
        "in 2019.",
    }
    text = " ".join(owned.values()).replace("Kestria", "Chile").replace("Kestrian", "Chilean")
    found = missions(text)
    assert {name: {p for c in found[name] for p in c.partners} for name in owned} == {
        "Vela-1": {"Chile"},
        "Vela-2": {"Peru"},
        "Vela-3": {"Sudan"},
    }
    assert [c.launch_vehicle for c in found["Vela-1"] if c.launch_vehicle] == ["Long March 2D"]


def test_an_application_in_a_name_is_no_hedge() -> None:
    found = missions(
        "The Tamsat-1 satellite, built by the Centre for Remote Sensing Applications, was launched on a "
        "Long March 2C "
        "from Jiuquan on 2 June 2025."
    )
    assert [c.launch_date for c in found["Tamsat-1"]] == ["2025-06-02"]


def test_a_rocket_carrying_a_list_launches_every_item() -> None:
    found = missions(
        "On 15 August 2025 a Yunque-3B rocket lifted off from the Jiuquan Satellite Launch Center with "
        "Koro-1 and Lami-2 on board."
    )
    assert "Yunque-3B" not in found  # a rocket, named by its shape, is no mission
    assert {
        name: [(c.launch_date, c.launch_vehicle) for c in found[name]] for name in ("Koro-1", "Lami-2")
    } == {
        "Koro-1": [("2025-08-15", "Yunque-3B")],
        "Lami-2": [("2025-08-15", "Yunque-3B")],
    }


def test_no_instrument_from_a_body_makes_no_partner() -> None:
    found = missions("There is no instrument from NASA or the European Space Agency on Tianwen-2.")
    assert all(not c.partners for c in found.get("Tianwen-2", []))


def test_a_launch_told_of_the_mission_just_named() -> None:
    found = missions(
        "Delegates saw Koro-1, a Fijian weather cubesat built by the Fiji Meteorological Service. "
        "It flew as a rideshare passenger on a CZ-2C that left Jiuquan on 9 September 2025."
    )
    assert {(c.launch_date, c.launch_vehicle) for c in found["Koro-1"]} >= {("2025-09-09", "Long March 2C")}
    assert {p for c in found["Koro-1"] for p in c.partners} == {"Fiji"}


def test_a_rocket_that_placed_a_satellite_in_orbit_launched_it() -> None:
    found = missions(
        "Jiguang-9 is an auroral imaging satellite that a Kuaizhou-11 rocket placed in low Earth orbit "
        "from Jiuquan on 14 March 2024."
    )
    assert [
        (c.launch_date, c.launch_vehicle, c.launch_site) for c in found["Jiguang-9"] if c.launch_date
    ] == [("2024-03-14", "Kuaizhou-11", "Jiuquan Satellite Launch Center")]


def test_a_bracketed_designation_and_a_launch_nothing_stopped() -> None:
    found = missions(
        "The Fengyun-9F (FY-9F) satellite, launched on 3 August 2023 from Jiuquan on a Long March 4C, works."
    )
    assert "FY-9F" not in found and [c.launch_date for c in found["Fengyun-9F"]] == ["2023-08-03"]
    stopped = missions(
        "That did not stop the University of Malta from putting its first satellite, Gozo-1, into orbit "
        "on a Chinese Long March 6 in November 2025."
    )
    assert [(c.launch_date, c.launch_vehicle) for c in stopped["Gozo-1"]] == [("2025-11", "Long March 6")]


def test_owners_placed_by_name_place_or_parent() -> None:
    found = missions(
        "Kestrel-4 is a microsatellite procured by the Government of Gabon and built by DFH Satellite Co.; "
        "it carries a magnetometer built by Tartu Observatory of the University of Tartu, Estonia, and a "
        "detector supplied by Spain's Instituto de Astrofisica de Canarias (IAC)."
    )
    assert {p for c in found["Kestrel-4"] for p in c.partners} == {"Gabon", "Estonia", "Spain"}


def test_a_payload_list_after_a_launch_card_shares_its_launch() -> None:
    text = (
        "# Launch report: Koro-9 and a rideshare cubesat\n\n"
        "| Item | Detail |\n|---|---|\n| Vehicle | CZ-6 (Long March 6) |\n"
        "| Site | Taiyuan Satellite Launch Center |\n| Lift-off | 12 November 2025, 10:23 BJT |\n"
        "| Orbit | sun-synchronous |\n\n"
        "## What went up\n\n"
        "1. **Koro-9** — a Chinese science satellite.\n"
        "2. **Lami-4** — a 3U cubesat owned by the University of Malta.\n"
    )
    found = missions(text)
    assert {(c.launch_date, c.launch_site, c.launch_vehicle, c.partners) for c in found["Lami-4"]} == {
        ("2025-11-12", "Taiyuan Satellite Launch Center", "Long March 6", ("Malta",))
    }


def test_a_country_in_brackets_after_an_institution_is_the_partner() -> None:
    found = missions(
        "Chang'e 4 landed on the Moon in 2019, carrying payloads from Kiel University (Germany) and "
        "Radboud University (Netherlands)."
    )
    assert set(found["Chang'e 4"][0].partners) == {"Germany", "Netherlands"}


def test_a_satellite_withdrawn_from_its_launch_is_no_mission() -> None:
    text = (
        "Students built Vaduz-1, a cubesat that was meant to fly on a Chinese rocket this autumn; it was "
        "withdrawn from the launch in October after a failed vibration test."
    )
    assert missions(text) == {}


def test_a_withdrawn_satellite_that_flew_later_keeps_its_launch() -> None:
    text = (
        "Vaduz-1 was pulled from the first flight in May. It lifted off on a Long March 6 from Taiyuan on "
        "3 September 2025."
    )
    assert "2025-09-03" in {c.launch_date for c in missions(text)["Vaduz-1"]}


def test_a_national_satellite_named_beside_its_nationality_has_that_partner() -> None:
    found = missions(
        "KE-SAT-ONE, a small Kenyan remote-sensing satellite, rode on a Long March 2D from Jiuquan. "
        "In 2024 the first Burkinabe satellite, the 3U cubesat Faso-Sat 1, lifted off from Jiuquan."
    )
    assert found["KE-SAT-ONE"][0].partners == ("Kenya",)
    assert found["Faso-Sat-1"][0].partners == ("Burkina Faso",)


def test_an_instrument_on_the_rover_makes_a_partner_of_the_mission() -> None:
    found = missions(
        "Chang'e 4 landed on the Moon in 2019. The Yutu-2 rover carried a neutral-atom detector from Sweden."
    )
    assert "Sweden" in {p for c in found["Chang'e 4"] for p in c.partners}


def test_a_launch_in_an_almanac_entry_takes_the_entrys_full_date() -> None:
    text = (
        "-------------------------------------------- JULY\n"
        "23  ::  2020  ::  Tianwen-1 launches on a Long March 5 from Wenchang\n"
        "                   Satellite Launch Center for Mars. Partners: the\n"
        "                   European Space Agency (tracking), France and Austria.\n"
    )
    claims = missions(text)["Tianwen-1"]
    assert {c.launch_date for c in claims} - {None} == {"2020-07-23"}
    assert {p for c in claims for p in c.partners} == {"European Space Agency", "France", "Austria"}


def test_partners_listed_after_a_colon_with_their_bodies_in_brackets() -> None:
    found = missions(
        "For Chang'e 6 we list as partners the countries and agencies that supplied a payload: France "
        "(CNES, IRAP), the European Space Agency, Sweden (IRF, as builder of NILS) and Pakistan (IST)."
    )
    assert set(found["Chang'e 6"][0].partners) == {"France", "European Space Agency", "Sweden", "Pakistan"}


def test_ground_stations_that_help_track_a_mission_make_a_partner() -> None:
    found = missions("Chang'e 5 launched in 2020 for the Moon; ESA ground stations help track it.")
    assert found["Chang'e 5"][0].partners == ("European Space Agency",)


def test_a_payload_under_a_what_did_not_fly_heading_is_no_mission() -> None:
    text = (
        "## Launch\n\n- **Spacecraft:** Chang'e 6 + ICUBE-Q cubesat\n- **Lift-off:** 3 May 2024\n"
        "- **Relay:** Queqiao-2, launched in March 2024\n\n"
        "## Foreign payloads that flew\n\n1. **DORN** — on the lander. Owned by France's CNES.\n\n"
        "## What did not fly\n\n- **ICUBE-Q2**, a follow-on cubesat proposed by IST, was not ready in time.\n"
    )
    found = missions(text)
    assert "ICUBE-Q2" not in found
    assert "France" in {p for c in found["Chang'e 6"] for p in c.partners}
    assert not any(c.partners for c in found.get("Queqiao-2", []))


def test_a_text_box_drawn_with_box_characters_reads_as_prose() -> None:
    text = (
        "┌──────────────────────────────────────┐\n"
        "│ On 20 December 2019 a Long March 4B  │\n"
        "│ lifted off from the Taiyuan Satellite│\n"
        "│ Launch Center carrying CBERS-4A, the │\n"
        "│ sixth Earth resources satellite, into│\n"
        "│ orbit, together with ETRSS-1.        │\n"
        "└──────────────────────────────────────┘\n"
    )
    found = missions(text)
    for name in ("CBERS-4A", "ETRSS-1"):
        [claim] = found[name]
        assert (claim.launch_date, claim.launch_site, claim.launch_vehicle) == (
            "2019-12-20",
            "Taiyuan Satellite Launch Center",
            "Long March 4B",
        )


def test_a_satellite_for_a_country_has_that_partner_and_its_own_designation() -> None:
    found = missions(
        "PakSat-MM1, a multi-mission communications satellite for Pakistan, was launched on 30 May 2024 by a "
        "Long March 3B from the Xichang Satellite Launch Center to geostationary orbit."
    )
    [claim] = found["PakSat-MM1"]
    assert (claim.partners, claim.launch_date) == (("Pakistan",), "2024-05-30")


def test_a_satellite_in_which_china_had_no_part_is_no_mission() -> None:
    text = (
        "The VNREDSat-1 satellite was launched in 2013 on a Vega rocket from Kourou; China had no part "
        "in that project."
    )
    assert missions(text) == {}


def test_a_live_blog_launch_is_the_launch_of_the_satellites_on_board() -> None:
    text = (
        "# LIVE: rideshare from Jiuquan\n\n**Tuesday 16 December 2025 · Beijing time**\n\n"
        "**07:12** — LIFTOFF. The Long March 2D climbs away from the Jiuquan Satellite Launch Center.\n\n"
        "**06:40** — Four satellites remain on board: the satellite Helan-2, plus the cubesats Shahdag-1 and "
        "Lompoul-1.\n"
    )
    found = missions(text)
    for name in ("Helan-2", "Shahdag-1", "Lompoul-1"):
        dated = [c for c in found[name] if c.launch_date]
        assert [(c.launch_date, c.launch_vehicle) for c in dated] == [("2025-12-16", "Long March 2D")]


def test_leaving_a_launch_site_is_a_launch_and_leaving_a_framework_is_not() -> None:
    found = missions(
        "Tianwen-1 left the Wenchang Satellite Launch Center on 23 July 2020 on a Long March 5, bound "
        "for Mars. Zambia left the ILRS in 2024, and Chang'e 7 has not left the Earth."
    )
    (launch,) = found["Tianwen-1"]
    assert (launch.launch_date, launch.launch_site, launch.launch_vehicle, launch.target) == (
        "2020-07-23",
        "Wenchang Satellite Launch Center",
        "Long March 5",
        "Mars",
    )
    assert "Chang'e 7" not in found


def test_a_mission_the_next_sentence_disowns_or_calls_unapproved_is_not_reported() -> None:
    found = missions(
        "Was Kite-1 launched by China? No. Kite-1, the cubesat we developed with the UAE, was carried to the "
        "International Space Station in December 2021. China had no role in that mission.\n\n"
        "Engineers of the Bolivarian Agency for Space Activities and Chinese counterparts hold sessions on a "
        "possible satellite, informally called VRSS-9. The project has NOT been approved or funded.\n\n"
        "Chang'e 6 launched on a Long March 5 in May 2024."
    )
    assert set(found) == {"Chang'e 6"}


def test_the_international_space_station_is_a_destination_not_a_mission() -> None:
    found = missions(
        "Kite-1, built with Chinese help, was deployed from the International Space Station (ISS) in June "
        "2019 after a Falcon 9 took it to the station."
    )
    assert "International Space Station" not in found


def test_a_rocket_that_left_the_pad_launched_and_a_numbered_sat_is_a_mission_name() -> None:
    found = missions("YSU-Sat1 lifted off on a Long March 6A from Taiyuan on 9 December 2023.")
    assert [c.launch_vehicle for c in found["YSU-Sat1"]] == ["Long March 6A"]
    (launch,) = missions("Chang'e 6 left the pad at Wenchang on 3 May 2024 on a Long March 5.")["Chang'e 6"]
    assert (launch.launch_date, launch.launch_vehicle) == ("2024-05-03", "Long March 5")


def test_a_satellite_series_named_as_a_source_of_data_is_not_a_mission_told() -> None:
    assert "Fengyun" not in missions(
        "An arrangement between the Fiji Meteorological Service and the China Meteorological Administration "
        "on receiving Fengyun satellite data was signed in 2019."
    )


def test_a_launch_tables_customer_column_gives_the_partners() -> None:
    text = (
        "| Spacecraft | Customer | Launch date | Vehicle | Site |\n|---|---|---|---|---|\n"
        "| Qhapaq-1 | CONIDA (Peru) | 27 August 2024 | Long March 2C | Jiuquan |\n"
        "| HX-SAR 3 | Company (own use) | 19 March 2024 | Long March 2D | Taiyuan |\n"
    )
    rows = {m.name: m.partners for m in extract_text("t", text).missions if m.span.method == "table:launches"}
    assert rows == {"Qhapaq-1": ("Peru",), "HX-SAR 3": ()}


def test_two_launches_in_one_sentence_keep_their_own_date_and_site() -> None:
    text = (
        "The side congratulated Pakistan on ICUBE-Q, which flew with the Chang'e 6 mission launched on "
        "3 May 2024, and on the launch of PakSat-MM1 into geostationary orbit from the Xichang Satellite "
        "Launch Center on 30 May 2024."
    )
    found = {m.name: (m.launch_date, m.launch_site) for m in extract_text("t", text).missions}
    assert found["Chang'e 6"] == ("2024-05-03", None)
    assert found["PakSat-MM1"] == ("2024-05-30", "Xichang Satellite Launch Center")


def test_went_up_and_goes_up_tell_a_launch() -> None:
    [m] = extract_text("t", "Chang'e 6 went up 3 May 2024 on a CZ-5 out of Wenchang, Hainan.").missions
    assert (m.launch_date, m.launch_vehicle, m.launch_site) == (
        "2024-05-03",
        "Long March 5",
        "Wenchang Satellite Launch Center",
    )
    [n] = extract_text("t", "Next is SMILE, which will go up on a Vega-C from Kourou in 2026.").missions or [
        None
    ]
    assert n is None or n.launch_date is None


def test_a_mission_named_after_a_partner_country_has_it_as_partner_with_its_series() -> None:
    text = (
        "The China–Brazil Earth Resources Satellite (CBERS) programme began in 1988. "
        "CBERS-4A went up on a Long March 4B from Taiyuan on 20 December 2019."
    )
    found = {m.name: m.partners for m in extract_text("t", text).missions}
    assert found["CBERS-4A"] == ("Brazil",)


def test_hardware_built_abroad_makes_its_country_a_partner() -> None:
    [claim] = missions("The agency will fly a UAE-built rover on the Chang'e 7 mission in 2026.")["Chang'e 7"]
    assert claim.partners == ("United Arab Emirates",)
    [claim] = missions("Chang'e 7 will carry the Bahraini–Egyptian camera to the Moon.")["Chang'e 7"]
    assert claim.partners == ("Bahrain", "Egypt")


def test_a_future_said_of_the_satellite_in_passing_does_not_make_its_launch_planned() -> None:
    [claim] = missions(
        "The relay satellite that will carry the signal, Queqiao-2, went up on 20 March 2024 "
        "on a Long March 8."
    )["Queqiao-2"]
    assert (claim.launch_date, claim.launch_vehicle) == ("2024-03-20", "Long March 8")
    assert "Chang'e 7" not in missions(
        "CNSA said that it will launch Chang'e 7 on a Long March 5, officials added."
    )


def test_a_launch_on_a_fragment_line() -> None:
    found = missions("- Chang'e 6 – 3 May 2024 – LM-5 – Wenchang – far-side samples – payloads from ESA")
    [launch] = [c for c in found["Chang'e 6"] if c.launch_date]
    assert (launch.launch_date, launch.launch_vehicle, launch.launch_site) == (
        "2024-05-03",
        "Long March 5",
        "Wenchang Satellite Launch Center",
    )
    planned = missions("- Chang'e 7 – 26 May 2026 (plan) – LM-5 – Wenchang")
    assert all(c.launch_date is None for c in planned.get("Chang'e 7", []))


def test_a_satellite_launched_on_a_foreign_rocket_is_not_chinese_cooperation() -> None:
    text = (
        "He noted that Senegal's first satellite, GaindeSat-1A, had been launched last month on an American "
        "rocket, and said the agency now wished to add Chinese partners."
    )
    assert "GaindeSat-1A" not in missions(text)


def test_a_launch_told_in_a_paragraph_labelled_with_the_mission() -> None:
    text = (
        "## Mission corner\n\nTianwen-2. Delegates heard a report on China's asteroid probe, launched on "
        "29 May 2025 by a Long March 3B from the Xichang Satellite Launch Center towards an asteroid.\n"
    )
    [launch] = [c for c in missions(text)["Tianwen-2"] if c.launch_date]
    assert (launch.launch_date, launch.launch_vehicle, launch.target) == (
        "2025-05-29",
        "Long March 3B",
        "asteroid",
    )


def test_a_satellite_named_only_as_the_subject_of_an_instrument_is_no_mission() -> None:
    text = (
        "date;instrument;signatories;status\n"
        "2010-12;Contract for the Tupac Katari satellite (TKSat-1);ABE / CGWIC;fulfilled\n"
        "2020-10;Memorandum on Fengyun meteorological data;CMA / SMN;in force\n"
        "2014-04-23;Agreement on a deep-space station;China / Argentina;in force\n"
    )
    assert missions(text) == {}
