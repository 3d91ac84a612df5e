"""Tests for pipeline.core.gazetteer: offsets, case rules, aliases, shapes, reference data."""

from __future__ import annotations

import csv
import dataclasses
import itertools
import re
from importlib import resources

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.core.gazetteer import Gazetteer, Mention

G = Gazetteer.default()


def found(text: str) -> list[tuple[str, str, str]]:
    """(surface read back through the offsets, kind, canonical) for every mention."""
    return [(text[m.start : m.end], m.kind, m.canonical) for m in G.find(text)]


def one(text: str, surface: str) -> Mention:
    """The single mention whose surface is ``surface``."""
    hits = [m for m in G.find(text) if text[m.start : m.end] == surface]
    assert len(hits) == 1, (surface, found(text))
    return hits[0]


# ------------------------------------------------------------------------------------------
# Offsets
# ------------------------------------------------------------------------------------------


def test_offsets_are_exact_in_the_original_text() -> None:
    text = "In 2024,  China’s   CNSA and\tthe European  Space\n Agency (ESA) met in Beijing."
    assert found(text) == [
        ("China", "country", "China"),
        ("CNSA", "agency", "China National Space Administration"),
        ("European  Space\n Agency", "agency", "European Space Agency"),
        ("ESA", "agency", "European Space Agency"),
        ("Beijing", "capital", "China"),
    ]


def test_pdf_wrapped_name_with_a_line_break() -> None:
    text = "The Asia-Pacific Space\nCooperation Organization (APSCO) is based in Beijing."
    m = one(text, "Asia-Pacific Space\nCooperation Organization")
    assert (m.start, m.end, m.kind, m.canonical) == (4, 47, "framework", "APSCO")
    assert one(text, "Beijing").start == text.index("Beijing")


def test_runs_of_whitespace_and_line_breaks_keep_later_offsets_exact() -> None:
    text = "One \n  Belt – One Road    and the\n\n\nInternational Lunar   Research\r\nStation; Russia."
    assert found(text) == [
        ("One \n  Belt – One Road", "framework", "BRI"),
        ("International Lunar   Research\r\nStation", "framework", "ILRS"),
        ("Russia", "country", "Russia"),
    ]


def test_find_with_bounds_returns_absolute_offsets() -> None:
    text = "Russia and China signed. Later Pakistan joined."
    start = text.index("Later")
    assert [(text[m.start : m.end], m.start) for m in G.find(text, start)] == [
        ("Pakistan", text.index("Pakistan"))
    ]
    assert [text[m.start : m.end] for m in G.find(text, 0, 16)] == ["Russia", "China"]


def test_bounds_do_not_cut_a_word_into_a_match() -> None:
    assert G.find("Chinatown", 0, 5) == []
    assert G.find("Omanis", 0, 4) == []
    assert [m.canonical for m in G.find("xx China yy", 3, 8)] == ["China"]


# ------------------------------------------------------------------------------------------
# Case, word boundaries, possessives
# ------------------------------------------------------------------------------------------


def test_us_pronoun_is_not_the_united_states() -> None:
    assert found("Many of us agree; let us go. Us too.") == []
    assert found("The US and the U.S. Congress") == [
        ("US", "country", "United States"),
        ("U.S.", "country", "United States"),
    ]


@pytest.mark.parametrize("text", ["The Cas team", "cas", "esa", "Esa said", "un", "Ilrs", "smile"])
def test_acronyms_match_only_in_capitals(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize("text", ["fine china plates", "a roast turkey", "the chad of a ballot", "we hope"])
def test_capitalised_names_need_a_capital_in_the_text(text: str) -> None:
    assert found(text) == []


def test_all_caps_headings_still_match_names() -> None:
    assert found("SPACE EXPLORATION AS A FACTOR OF CHINA’S FOREIGN POLICY") == [("CHINA", "country", "China")]


@pytest.mark.parametrize(
    ("text", "surface", "canonical"),
    [
        ("China's space programme", "China", "China"),
        ("Thailand’s agency", "Thailand", "Thailand"),
        ("NASA's budget", "NASA", "National Aeronautics and Space Administration"),
        ("the ILRS’ partners", "ILRS", "ILRS"),
    ],
)
def test_possessive_ends_the_match(text: str, surface: str, canonical: str) -> None:
    m = one(text, surface)
    assert m.canonical == canonical
    assert text[m.end] in "'’"


@pytest.mark.parametrize("text", ["Chinatown", "Romania", "Nigerian", "Indiana", "thus", "Omanization"])
def test_no_match_inside_a_word(text: str) -> None:
    canon = {m.canonical for m in G.find(text)}
    assert not canon & {"China", "Oman", "Niger", "India", "United States"}


def test_a_longer_country_name_contains_no_shorter_one() -> None:
    assert found("Nigeria and Niger; Papua New Guinea and Guinea-Bissau") == [
        ("Nigeria", "country", "Nigeria"),
        ("Niger", "country", "Niger"),
        ("Papua New Guinea", "country", "Papua New Guinea"),
        ("Guinea-Bissau", "country", "Guinea-Bissau"),
    ]


def test_blocked_phrases_hide_their_country_word() -> None:
    assert found("South American and Latin America; the Indian Ocean") == []


# ------------------------------------------------------------------------------------------
# Countries
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical", "iso3"),
    [
        ("Republic of Korea", "South Korea", "KOR"),
        ("Democratic People's Republic of Korea", "North Korea", "PRK"),
        ("Korea", "South Korea", "KOR"),
        ("Türkiye", "Turkey", "TUR"),
        ("Turkiye", "Turkey", "TUR"),
        ("Turkey", "Turkey", "TUR"),
        ("Russian Federation", "Russia", "RUS"),
        ("People’s Republic of China", "China", "CHN"),
        ("PRC", "China", "CHN"),
        ("UAE", "United Arab Emirates", "ARE"),
        ("Viet Nam", "Vietnam", "VNM"),
        ("Lao People's Democratic Republic", "Laos", "LAO"),
        ("Czech Republic", "Czechia", "CZE"),
        ("Côte d'Ivoire", "Côte d'Ivoire", "CIV"),
        ("Ivory Coast", "Côte d'Ivoire", "CIV"),
        ("Holland", "Netherlands", "NLD"),
        ("USSR", "Soviet Union", "SUN"),
        ("Luxembourg", "Luxembourg", "LUX"),
    ],
)
def test_country_names_resolve(text: str, canonical: str, iso3: str) -> None:
    ms = G.find(f"Talks with {text} resumed.")
    assert [(m.kind, m.canonical, m.iso3, m.member_type) for m in ms] == [
        ("country", canonical, iso3, "country")
    ]
    assert G.country(text) == (canonical, iso3)


def test_country_lookup() -> None:
    assert G.country("Russian Federation") == ("Russia", "RUS")
    assert G.country("russian federation") == ("Russia", "RUS")
    assert G.country("US") == ("United States", "USA")
    assert G.country("us") is None
    assert G.country("Atlantis") is None
    assert G.country("Beijing") is None
    assert G.country("Beijing", kinds=("capital",)) == ("China", "CHN")
    assert G.country("Emiratis", kinds=("demonym",)) == ("United Arab Emirates", "ARE")
    assert G.country("NASA") is None


def test_capitals_and_demonyms_are_marked() -> None:
    text = "Officials in Belgrade and the French Planetary Exploration group; Americans agreed."
    assert found(text) == [
        ("Belgrade", "capital", "Serbia"),
        ("French", "demonym", "France"),
        ("Americans", "demonym", "United States"),
    ]
    assert one(text, "Belgrade").iso3 == "SRB"


# ------------------------------------------------------------------------------------------
# Entities
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "surface",
    ["Chang’e-4", "Chang'e 4", "Chang’e 4", "Chang'e-4", "Chang’e4", "Change 4", "Chang-e 4", "CHANG'E 4"],
)
def test_change_4_spellings(surface: str) -> None:
    text = f"The {surface} lander reached the far side of the Moon."
    m = one(text, surface)
    assert (m.kind, m.canonical, m.source) == ("mission", "Chang'e 4", "gazetteer")
    assert one(text, "far side of the Moon").canonical == "Moon"


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("CZ-5", "Long March 5"),
        ("Long March 5", "Long March 5"),
        ("Long March-5", "Long March 5"),
        ("LM-5", "Long March 5"),
        ("Changzheng-5", "Long March 5"),
        ("Long March 5B", "Long March 5B"),
        ("CZ-2C", "Long March 2C"),
        ("Long March 9", "Long March"),
    ],
)
def test_launch_vehicles(surface: str, canonical: str) -> None:
    text = f"A {surface} rocket lifted off."
    m = one(text, surface)
    assert (m.kind, m.canonical) == ("launch_vehicle", canonical)


def test_lowercase_vehicle_code_is_not_matched() -> None:
    assert found("a cz-5 rocket") == []


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Fengyun-3D", "Fengyun"),
        ("FY-4", "Fengyun"),
        ("CBERS-4A", "CBERS"),
        ("Shenzhou-13", "Shenzhou"),
        ("Tiangong-2", "Tiangong-2"),
        ("Tianwen-1", "Tianwen-1"),
        ("Hope probe", "Hope"),
        ("Zhangheng-1", "CSES"),
    ],
)
def test_missions(surface: str, canonical: str) -> None:
    m = one(f"Data from {surface} were shared.", surface)
    assert (m.kind, m.canonical) == ("mission", canonical)


@pytest.mark.parametrize(
    ("surface", "kind", "canonical", "member_type"),
    [
        ("Artemis Accords", "framework", "Artemis Accords", None),
        ("Belt & Road Initiative", "framework", "BRI", None),
        ("One Belt — One Road", "framework", "BRI", None),
        ("Alliance of Silk Road Universities", "framework", "UASR", None),
        ("Space Silk Road", "framework", "Belt and Road Space Information Corridor", None),
        ("Roscosmos", "agency", "Roscosmos", "space_agency"),
        ("Mohammed bin Rashid Space Center", "agency", "Mohammed bin Rashid Space Centre", "space_agency"),
        ("MBRSC", "agency", "Mohammed bin Rashid Space Centre", "space_agency"),
        (
            "Indian Space Research Organization",
            "agency",
            "Indian Space Research Organisation",
            "space_agency",
        ),
        ("CASC", "institution", "China Aerospace Science and Technology Corporation", "company"),
        ("Chinese Society of Astronautics", "institution", "Chinese Society of Astronautics", "organization"),
        ("Wenchang Space Launch Site", "launch_site", "Wenchang Satellite Launch Center", None),
        ("Baikonur", "launch_site", "Baikonur Cosmodrome", None),
    ],
)
def test_registry_entities(surface: str, kind: str, canonical: str, member_type: str | None) -> None:
    m = one(f"Then {surface} announced it.", surface)
    assert (m.kind, m.canonical, m.member_type, m.source) == (kind, canonical, member_type, "gazetteer")


def test_bare_artemis_and_bare_hope_are_not_matched() -> None:
    assert found("The Artemis initiative gave Hope to many.") == []
    assert G.lookup("Artemis") is None
    assert G.lookup("CSA") is None


def test_targets_match_in_lower_case_but_acronyms_do_not() -> None:
    text = "a lander near the lunar south pole, then low Earth orbit, LEO and leo"
    assert found(text) == [
        ("lunar south pole", "target", "Moon"),
        ("low Earth orbit", "target", "Earth orbit"),
        ("LEO", "target", "Earth orbit"),
    ]


def test_lookup_returns_the_entry() -> None:
    entry = G.lookup("CNSA")
    assert entry is not None
    assert (entry.kind, entry.canonical, entry.member_type) == (
        "agency",
        "China National Space Administration",
        "space_agency",
    )
    assert G.lookup("Chang’e-4") is not None and G.lookup("Chang’e-4").canonical == "Chang'e 4"
    assert G.lookup("Esa") is None
    assert G.lookup("Korea").iso3 == "KOR"


def test_mention_is_frozen() -> None:
    m = G.find("China")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.start = 3  # type: ignore[misc]


# ------------------------------------------------------------------------------------------
# Shape rules
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "member_type", "acronym"),
    [
        (
            "She joined the Nairobi Institute of Space Physics (NISP) in May.",
            "Nairobi Institute of Space Physics",
            "institution",
            "NISP",
        ),
        ("Students at the University of Lagos built it.", "University of Lagos", "university", None),
        ("Politecnico di Torino signed.", "Politecnico di Torino", "university", None),
        (
            "A team from Gdańsk University of Technology.",
            "Gdańsk University of Technology",
            "university",
            None,
        ),
        ("Orbital Space Corporation is a firm.", "Orbital Space Corporation", "company", None),
        (
            "The Kenya Marine Society of Rocketry met.",
            "Kenya Marine Society of Rocketry",
            "organization",
            None,
        ),
        (
            "Through the Regional Centre for Space Science Education, staff trained.",
            "Regional Centre for Space Science Education",
            "institution",
            None,
        ),
        ("The Andean Space Administration said.", "Andean Space Administration", "space_agency", None),
    ],
)
def test_shape_institutions(text: str, name: str, member_type: str, acronym: str | None) -> None:
    m = one(text, name)
    assert (m.kind, m.canonical, m.member_type, m.source, m.acronym) == (
        "institution",
        name,
        member_type,
        "shape:institution",
        acronym,
    )


def test_shape_institution_takes_a_leading_demonym_into_the_name() -> None:
    text = "The Hungarian Solar Physics Foundation joined the project."
    assert found(text) == [
        ("Hungarian Solar Physics Foundation", "institution", "Hungarian Solar Physics Foundation")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Chinese Academy said so.", [("Chinese", "demonym", "China")]),
        ("A Kenyan Institute spokesman", [("Kenyan", "demonym", "Kenya")]),
        ("A Kenya University spokesman", [("Kenya", "country", "Kenya")]),
        ("the Institute said", []),
    ],
)
def test_a_head_word_with_only_place_words_is_no_name(text: str, expected: list) -> None:
    assert found(text) == expected


def test_a_city_and_a_head_word_name_the_city_s_institution() -> None:
    assert found("Kathmandu University and Cairo University") == [
        ("Kathmandu University", "institution", "Kathmandu University"),
        ("Cairo University", "institution", "Cairo University"),
    ]


def test_shape_institution_stops_at_a_registry_name() -> None:
    text = (
        "a workshop of the Innovation Academy for Microsatellites of Chinese Academy of Sciences "
        "(CAS) in Shanghai"
    )
    assert found(text) == [
        ("Innovation Academy for Microsatellites", "institution", "Innovation Academy for Microsatellites"),
        ("Chinese Academy of Sciences", "institution", "Chinese Academy of Sciences"),
        ("CAS", "institution", "Chinese Academy of Sciences"),
    ]


def test_no_shape_mention_inside_or_over_a_registry_mention() -> None:
    text = (
        "The European Space Agency, the Deep Space Exploration Laboratory (DSEL) and the "
        "Lunar Exploration and Space Engineering Center met the Beijing Institute of Technology."
    )
    ms = G.find(text)
    assert all(m.source == "gazetteer" for m in ms)
    assert [m.canonical for m in ms] == [
        "European Space Agency",
        "Deep Space Exploration Laboratory",
        "Deep Space Exploration Laboratory",
        "Lunar Exploration and Space Engineering Center",
        "Beijing Institute of Technology",
    ]


def test_two_names_joined_by_and_stay_apart() -> None:
    text = "the University of Lagos and Kisumu Polytechnic Institute signed"
    assert [x[0] for x in found(text)] == ["University of Lagos", "Kisumu Polytechnic Institute"]


def test_a_paragraph_break_ends_a_shape_name() -> None:
    text = "Joining Hands\n\nInstitute of Space Physics staff"
    assert [x[0] for x in found(text)] == ["Institute of Space Physics"]


def test_shape_mission_near_a_mission_word() -> None:
    text = "The Shijian-21 satellite was moved; later Yaogan 30 was launched."
    assert [
        (s, m.kind, m.canonical, m.source) for s, m in ((text[m.start : m.end], m) for m in G.find(text))
    ] == [
        ("Shijian-21", "mission", "Shijian-21", "shape:mission"),
        ("Yaogan 30", "mission", "Yaogan-30", "shape:mission"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Irazú-2, a 3U cubesat from a technical institute", "Irazú-2"),  # a Latin letter with an accent
        ("Students built Tamu-3, a six-kilogram nanosatellite", "Tamu-3"),
        ("Kestrel-4 reaches a sun-synchronous orbit on Monday", "Kestrel-4"),
        ("Norte-2 carries a payload from a Chilean university", "Norte-2"),
    ],
)
def test_shape_mission_names_and_mission_words(text: str, expected: str) -> None:
    assert [m.canonical for m in G.find(text) if m.source == "shape:mission"] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "’Æe-6 lands with a payload.",  # a name starts with a letter A-Z (here: mojibake)
        "长征-2 reached orbit.",
        "Table 2 lists all satellites.",
        "Figure 1 shows the mission.",
        "On July 23 the probe left.",
        "Launched 2 satellites in total.",
        "Shijian-21 was mentioned in a paper about economics only.",
        "The Horizon 2061 mission study.",
    ],
)
def test_shape_mission_negatives(text: str) -> None:
    assert [m for m in G.find(text) if m.source == "shape:mission"] == []


# ------------------------------------------------------------------------------------------
# Reference data
# ------------------------------------------------------------------------------------------


def read_reference(name: str) -> list[dict[str, str]]:
    with resources.files("pipeline.reference").joinpath(name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_reference_files_hold_names_only() -> None:
    aliases = read_reference("country_aliases.csv")
    entities = read_reference("entities.csv")
    assert list(aliases[0]) == ["alias", "iso3", "kind", "canonical", "note"]
    assert list(entities[0]) == ["canonical", "alias", "kind", "member_type", "wikidata", "note"]
    assert {r["kind"] for r in aliases} == {"name", "capital", "demonym"}
    assert all(re.fullmatch(r"[A-Z]{3}", r["iso3"]) for r in aliases)
    assert all(r["wikidata"] == "" or re.fullmatch(r"Q\d+", r["wikidata"]) for r in entities)
    for row in aliases + entities:  # no dates: a year in a cell is a fact, not a name
        assert not re.search(r"\b(1[89]|20)\d\d\b", " ".join(row.values())), row
    agencies = {r["canonical"] for r in entities if r["kind"] == "agency"}
    assert 30 <= len(agencies) <= 60


def test_parties_are_named_in_full_and_frameworks_by_short_name() -> None:
    entities = read_reference("entities.csv")
    aliases: dict[tuple[str, str], set[str]] = {}
    for row in entities:
        aliases.setdefault((row["kind"], row["canonical"]), set()).add(row["alias"])
    for (kind, canonical), forms in aliases.items():
        if kind in ("agency", "institution"):
            assert canonical in forms, canonical  # the canonical name is a real surface form
            assert not re.fullmatch(r"[A-Z]{2,}", canonical), canonical  # "European Space Agency", not "ESA"
    frameworks = {c for k, c in aliases if k == "framework"}
    assert {"ILRS", "APSCO", "Artemis Accords", "BRICS", "BRI", "IDSEA", "UASR"} <= frameworks


def test_reference_aliases_do_not_clash() -> None:
    assert G.conflicts == []


def test_every_reference_alias_is_found_in_text() -> None:
    for row in read_reference("entities.csv"):
        text = f"About {row['alias']} today."
        ms = [m for m in G.find(text) if text[m.start : m.end] == row["alias"]]
        assert [(m.kind, m.canonical) for m in ms] == [(row["kind"], row["canonical"])], row
    for row in read_reference("country_aliases.csv"):
        text = f"About {row['alias']} today."
        ms = [m for m in G.find(text) if text[m.start : m.end] == row["alias"]]
        kind = {"name": "country"}.get(row["kind"], row["kind"])
        assert [(m.kind, m.iso3) for m in ms] == [(kind, row["iso3"])], row


# ------------------------------------------------------------------------------------------
# Properties
# ------------------------------------------------------------------------------------------

FRAGMENTS = [
    "China",
    "China’s",
    "US",
    "us",
    "U.S.",
    "Chang’e-4",
    "CZ-5",
    "Long March",
    " 5B",
    "-13",
    "Shenzhou",
    "Asia-Pacific Space",
    "Cooperation Organization",
    "University",
    "Institute",
    " of ",
    "Lagos",
    "the ",
    "and ",
    "Hungarian",
    "Foundation",
    "Co.",
    "(NISP)",
    "satellite",
    "Shijian-21",
    "Republic of Korea",
    "Türkiye",
    "İ",
    "Moon",
    "lunar",
    "\n",
    "\n\n",
    "  ",
    " ",
    "’",
    "–",
    ",",
    ".",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=30).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(texts)
@example("İİChina")
@example("Asia-Pacific Space \n\n  Cooperation Organization")
def test_find_properties(text: str) -> None:
    ms = G.find(text)
    assert all(isinstance(m, Mention) for m in ms)
    assert all(0 <= m.start < m.end <= len(text) for m in ms)
    assert all(a.end <= b.start for a, b in itertools.pairwise(ms))
    for m in ms:
        assert not text[m.start].isspace() and not text[m.end - 1].isspace()
        entry = G.lookup(text[m.start : m.end]) if m.source == "gazetteer" else None
        assert entry is None or (entry.kind, entry.canonical) == (m.kind, m.canonical)
        assert m.start == 0 or not (text[m.start - 1].isalnum() and text[m.start].isalnum())
        assert m.end == len(text) or not (text[m.end - 1].isalnum() and text[m.end].isalnum())


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(0, 320), st.integers(0, 320))
def test_find_with_bounds_stays_inside_them(text: str, a: int, b: int) -> None:
    start, end = min(a, b), max(a, b)
    ms = G.find(text, start, end)
    assert all(start <= m.start < m.end <= min(end, len(text)) for m in ms)
    assert all(x.end <= y.start for x, y in itertools.pairwise(ms))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LUXLINK-A, an IoT relay satellite for a start-up", ["LUXLINK-A"]),
        ("CONDOR-EC1, a 3U cubesat from Quito", ["CONDOR-EC1"]),
        ("The ALPHA-B working group met in Geneva", []),  # no mission word near
    ],
)
def test_letter_suffixed_designations_near_a_mission_word_are_missions(
    text: str, expected: list[str]
) -> None:
    assert [m.canonical for m in Gazetteer.default().find(text) if m.kind == "mission"] == expected


def test_compound_mission_names_keep_their_first_word() -> None:
    found = [m.canonical for m in Gazetteer.default().find("the UY-Cubo 1 cubesat") if m.kind == "mission"]
    assert found == ["UY-Cubo-1"]


def test_spanish_and_french_institution_names_with_articles() -> None:
    found = Gazetteer.default().find("The Universidad de la República and the Université de Lomé signed.")
    assert [m.canonical for m in found if m.kind == "institution"] == [
        "Universidad de la República",
        "Université de Lomé",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the Ulugh Beg Astronomical Institute of the Academy of Sciences of the Republic of Uzbekistan",
            ["Ulugh Beg Astronomical Institute", "Academy of Sciences of the Republic of Uzbekistan"],
        ),
        (
            "the Arthur C. Clarke Institute for Modern Technologies",
            ["Arthur C. Clarke Institute for Modern Technologies"],
        ),
        (
            "based in Moratuwa and the Aerospace Information Research Institute",
            ["Aerospace Information Research Institute"],
        ),
        (
            "the University of Science and Technology of China",
            ["University of Science and Technology of China"],
        ),
    ],
)
def test_institution_names_end_before_their_parent_and_keep_initials(text: str, expected: list[str]) -> None:
    assert [m.canonical for m in Gazetteer.default().find(text) if m.kind == "institution"] == expected


def test_a_persons_title_before_of_the_body_is_no_part_of_its_name() -> None:
    found = Gazetteer.default().find("the Director of the Ghana Space Science and Technology Institute said")
    assert [m.canonical for m in found if m.kind == "institution"] == [
        "Ghana Space Science and Technology Institute"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "with the Centre d'Études et de Recherche de Djibouti, the",
            "Centre d'Études et de Recherche de Djibouti",
        ),
        (
            "the Gabinete de Gestão do Programa Espacial Nacional (GGPEN)",
            "Gabinete de Gestão do Programa Espacial Nacional",
        ),
        ("the Laboratoire d'Astrophysique de Marseille built it", "Laboratoire d'Astrophysique de Marseille"),
    ],
)
def test_institutions_named_in_french_and_portuguese(text: str, expected: str) -> None:
    assert [m.canonical for m in G.find(text) if m.kind == "institution"] == [expected]


def test_a_company_working_for_another_body_is_two_names() -> None:
    text = "built by DFH Satellite Co. for the Tanzania Commission for Science and Technology (COSTECH)"
    assert [m.canonical for m in G.find(text) if m.kind == "institution"] == [
        "DFH Satellite",  # its name without the legal form
        "Tanzania Commission for Science and Technology",
    ]


def test_the_registry_places_national_bodies_in_their_country() -> None:
    assert G.home("Roscosmos") == ("Russia", "RUS")
    assert G.home("Galactic Energy") == ("China", "CHN")
    assert G.home("European Space Agency") is None


def test_entity_countries_must_name_registry_bodies_and_known_countries() -> None:
    entities = [{"canonical": "Space Office", "alias": "Space Office", "kind": "agency", "member_type": ""}]
    with pytest.raises(ValueError, match="no agency"):
        Gazetteer([], entities, [{"canonical": "Nowhere Office", "iso3": "FRA"}])
    with pytest.raises(ValueError, match="unknown iso3"):
        Gazetteer([], entities, [{"canonical": "Space Office", "iso3": "XXX"}])


@pytest.mark.parametrize(
    ("text", "canonical", "kind"),
    [
        ("São Tomé e Príncipe", "Sao Tome and Principe", "country"),
        ("the Cape Verdean government", "Cabo Verde", "demonym"),
        ("Santomean officials", "Sao Tome and Principe", "demonym"),
        ("México", "Mexico", "country"),
    ],
)
def test_local_spellings_and_more_demonyms(text: str, canonical: str, kind: str) -> None:
    assert [(m.canonical, m.kind) for m in G.find(text)] == [(canonical, kind)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Qatar University signed it.", "Qatar University"),
        ("the Tonga Meteorological Services and CMA", "Tonga Meteorological Services"),
        ("the Cook Islands Meteorological Service and CMA", "Cook Islands Meteorological Service"),
        (
            "Namibia's National Commission on Research, Science and Technology has",
            "National Commission on Research, Science and Technology",
        ),
    ],
)
def test_shape_institution_names_in_other_forms(text: str, name: str) -> None:
    assert name in [surface for surface, kind, _ in found(text) if kind == "institution"]


def test_a_name_does_not_run_on_after_and_or_into_a_date() -> None:
    assert [s for s, kind, _ in found("The Commission on Monday said so.") if kind == "institution"] == []
    assert [
        s for s, kind, _ in found("the Cook Islands Meteorological Service and CMA") if kind == "institution"
    ] == ["Cook Islands Meteorological Service"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Station International for the Research Lunar", ("framework", "ILRS")),
        ("the Accords of Artemis", ("framework", "Artemis Accords")),
        ("the Initiative of the Belt and the Road", ("framework", "BRI")),
        ("the Republic of the People of China", ("country", "China")),
        ("the Center of Mohammed bin Rashid for the Space", ("agency", "Mohammed bin Rashid Space Centre")),
    ],
)
def test_a_registered_name_translated_word_for_word_in_another_order(text: str, expected: tuple) -> None:
    assert [(m.kind, m.canonical) for m in G.find(text)] == [expected]


def test_two_translated_names_joined_by_and_are_two_names() -> None:
    text = (
        "The Agency of the Emirates for the Space and the Administration National Chinese for the Space sign"
    )
    assert [m.canonical for m in G.find(text)] == ["UAE Space Agency", "China National Space Administration"]


def test_a_name_inside_a_longer_name_stays_inside_it() -> None:
    found = G.find("The University of the Republic of San Marino joined.")
    assert [m.canonical for m in found] == ["University of the Republic of San Marino"]


def test_a_long_name_translated_word_for_word_without_of() -> None:
    found = G.find("Indonesia signed Convention Organization Cooperation Space Asia Pacific in 2005.")
    assert ("framework", "APSCO") in [(m.kind, m.canonical) for m in found]


def test_an_agency_named_in_indonesian_word_order() -> None:
    found = G.find("Agency Research and Innovation National (BRIN) signed.")
    assert [m.canonical for m in found] == ["National Research and Innovation Agency"] * 2


def test_word_for_word_candidates_stay_short_in_a_long_run_of_capitals() -> None:
    from pipeline.core.gazetteer import _MAX_NAME_WORDS, _sub_runs

    w = " ".join(["Space Agency of the National Research Center for Innovation"] * 50)
    assert max(len(w[b:e].split()) for b, e in _sub_runs(w, 0, len(w))) <= _MAX_NAME_WORDS


def test_a_framework_written_as_a_hashtag_is_that_framework() -> None:
    text = "Signed up to the #ArtemisAccords and #artemisaccords, not the #ILRS. #SpacePolicy"
    assert [(s, c) for s, k, c in found(text) if k == "framework"] == [
        ("#ArtemisAccords", "Artemis Accords"),
        ("#artemisaccords", "Artemis Accords"),
        ("ILRS", "ILRS"),
    ]


def test_a_company_is_named_without_its_legal_form() -> None:
    assert [
        c for _, k, c in found("Hanxing Orbital Technologies Co., Ltd. signed.") if k == "institution"
    ] == ["Hanxing Orbital Technologies"]
    assert [
        c for _, k, c in found("A contract with Kazakhstan Gharysh Sapary JSC.") if k == "institution"
    ] == ["Kazakhstan Gharysh Sapary"]


def test_a_numbered_name_said_aloud() -> None:
    text = "so chang'e six went up on a long march five, and later tianwen one"
    found = [(m.kind, m.canonical) for m in G.find(text, any_case=True)]
    assert found == [("mission", "Chang'e 6"), ("launch_vehicle", "Long March 5"), ("mission", "Tianwen-1")]
