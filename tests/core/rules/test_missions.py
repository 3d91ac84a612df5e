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
    claim = missions("Chang'e 7 is expected to launch in 2026 from Wenchang.")["Chang'e 7"][0]
    assert claim.launch_date is None


def test_numbered_flight_of_a_series_is_its_own_mission() -> None:
    found = missions("Shenzhou-13 docked with Tiangong. The Queqiao-2 relay satellite was launched in 2024.")
    assert {"Shenzhou-13", "Queqiao-2", "Tiangong"} <= set(found)
