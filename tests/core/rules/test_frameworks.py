"""The framework tracker: what it works out once per table and once per list."""

from __future__ import annotations

from pipeline.core.extract import extract_text
from pipeline.core.gazetteer import Gazetteer
from pipeline.core.reading import read
from pipeline.core.rules.frameworks import FrameworkTracker


def test_a_fact_about_a_whole_table_is_computed_once() -> None:
    tracker = FrameworkTracker(read("t", "Egypt joined the ILRS.", Gazetteer.default()))
    calls: list[int] = []
    for _ in range(3):
        assert tracker.per_table((4, "framework column"), lambda: calls.append(1) or 2) == 2
    assert calls == [1]
    assert tracker.per_table((5, "framework column"), lambda: 7) == 7


def test_a_list_keeps_the_framework_in_scope_where_it_begins() -> None:
    doc = read(
        "t",
        "The ILRS grows.\n\nInstitutional partners\n\n- APSCO — organisation partner\n"
        "- University of Sharjah\n",
        Gazetteer.default(),
    )
    tracker = FrameworkTracker(doc)
    for sentence in doc.sentences:
        tracker.enter(sentence)
        if sentence.block.kind == "list_item":
            assert tracker.current == "ILRS"
        tracker.leave(sentence)


def test_a_definition_lists_term_is_the_topic_of_its_entry() -> None:
    text = (
        "## Key terms\n\nInternational Lunar Research Station (ILRS)\n\n"
        "A planned research base at the lunar south pole, co-founded by China and Russia in 2021.\n"
    )
    claims = extract_text("t", text).memberships
    assert {(c.member, c.organization, c.role) for c in claims} == {
        ("China", "ILRS", "founder"),
        ("Russia", "ILRS", "founder"),
    }


def test_a_sentence_saying_what_a_table_lists_names_its_framework() -> None:
    text = (
        "The ILRS is a lunar base. The table lists adherents to the Artemis Accords.\n\n"
        "## Adherents\n\n| Signatory state | Year of adherence |\n|---|---|\n"
        "| Brazil | 2021 |\n| Poland | 2021 |\n"
    )
    claims = extract_text("t", text).memberships
    assert {(c.member, c.organization, c.joined) for c in claims} == {
        ("Brazil", "Artemis Accords", "2021"),
        ("Poland", "Artemis Accords", "2021"),
    }
