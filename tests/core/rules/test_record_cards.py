"""Register records ("Title: ...", "Parties: ...", "Opened: ...") read one instrument each."""

from __future__ import annotations

from pipeline.core.extract import extract_text
from pipeline.core.gazetteer import Gazetteer
from pipeline.core.reading import read
from pipeline.core.rules.record_cards import record_cards, signed_date, status

REGISTER = """# Instruments register: export

**Record 1**

Title: Convention of the Asia-Pacific Space Cooperation Organization
Form: multilateral
Opened: Beijing, 28 Oct 2005
First signatures: Bangladesh · China · Mongolia
In force: 12 Oct 2006

---

**Record 2**

Title: The Artemis Accords: Principles for Cooperation
Opened: 13 Oct 2020
Original signatories: Australia · Canada · Japan
In force: n/a (not legally binding)

---

**Record 3**

Title: Draft Treaty on the Prevention of the Placement of Weapons in Outer Space
Sponsors: China · Russian Federation
Opened: not opened for signature
In force: no

---

**Record 4**

Title: Memorandum of Understanding between CNSA and the Philippine Space Agency (as reported)
Opened: none
In force: no
Notes: The agency told the register that no such memorandum has been negotiated or signed.
"""


def test_records_are_split_at_each_title() -> None:
    cards = record_cards(read("t", REGISTER, Gazetteer.default()))
    assert [signed_date(c) for c in cards] == ["2005-10-28", "2020-10-13", None, None]
    assert [status(c) for c in cards] == ["active", "signed", "proposed", None]


def test_each_record_is_one_instrument_with_its_parties() -> None:
    found = {
        (a.agreement_type, a.parties, a.signed, a.status) for a in extract_text("t", REGISTER).agreements
    }
    assert ("convention", ("Bangladesh", "China", "Mongolia"), "2005-10-28", "active") in found
    assert ("accord", ("Australia", "Canada", "Japan"), "2020-10-13", "signed") in found
    assert ("treaty", ("China", "Russia"), None, "proposed") in found
    assert not any("Philippine Space Agency" in parties for _, parties, _, _ in found)


def test_original_signatories_of_a_frameworks_own_instrument_are_its_founders() -> None:
    members = {(m.member, m.organization, m.role, m.joined) for m in extract_text("t", REGISTER).memberships}
    assert {m for m in members if m[1] == "Artemis Accords"} == {
        (c, "Artemis Accords", "founder", "2020-10-13") for c in ("Australia", "Canada", "Japan")
    }
