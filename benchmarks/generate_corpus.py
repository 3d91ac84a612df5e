"""Generate a synthetic corpus of news-like articles about space cooperation, for benchmarks.

Documents are assembled from sentence templates and entity lists (countries, frameworks, agencies,
missions, launch sites, vehicles) with a seeded random generator, so a corpus of any size is
reproducible and no seed document is copied. Roughly one paragraph in four states a fact (a
membership, an agreement or a mission); the rest is commentary, as in real articles. Sizes follow the
seeds: about 2-16 KB of text per document, 8-9 KB on average.

    python benchmarks/generate_corpus.py 1000 /tmp/corpus_1000
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

COUNTRIES = (
    "Pakistan",
    "Russia",
    "Belarus",
    "Venezuela",
    "South Africa",
    "Azerbaijan",
    "Egypt",
    "Thailand",
    "Nicaragua",
    "Serbia",
    "Kazakhstan",
    "Senegal",
    "Bolivia",
    "Ethiopia",
    "Djibouti",
    "Uruguay",
    "Bangladesh",
    "Iran",
    "Mongolia",
    "Peru",
    "Turkey",
    "Indonesia",
    "Nigeria",
    "Brazil",
    "Argentina",
    "Chile",
    "Algeria",
    "Kenya",
    "Cambodia",
    "Laos",
    "Sri Lanka",
    "Nepal",
    "Malaysia",
    "Vietnam",
    "Tunisia",
    "Morocco",
    "Zimbabwe",
    "Namibia",
    "Angola",
    "Cuba",
    "Ecuador",
    "Oman",
    "Qatar",
    "Saudi Arabia",
    "United Arab Emirates",
    "Italy",
    "France",
    "Germany",
    "Austria",
    "Sweden",
    "Switzerland",
    "Luxembourg",
    "Japan",
    "India",
    "Mexico",
    "Colombia",
    "Uzbekistan",
    "Kyrgyzstan",
)
FRAMEWORKS = (
    ("International Lunar Research Station", "joined"),
    ("ILRS", "joined"),
    ("Asia-Pacific Space Cooperation Organization", "joined"),
    ("APSCO", "joined"),
    ("Artemis Accords", "signed"),
)
AGENCIES = (
    "Roscosmos",
    "the European Space Agency",
    "the Pakistan Space and Upper Atmosphere Research Commission",
    "the Egyptian Space Agency",
    "the South African National Space Agency",
    "the Brazilian Space Agency",
    "the Italian Space Agency",
    "the French space agency CNES",
    "the National Space Agency of Kazakhstan",
    "the Thai Geo-Informatics and Space Technology Development Agency",
    "the Bolivarian Agency for Space Activities",
)
CHINESE_SIDE = ("the China National Space Administration", "CNSA", "China", "the China Manned Space Agency")
INSTRUMENTS = (
    "memorandum of understanding",
    "cooperation agreement",
    "framework agreement",
    "joint statement",
)
TOPICS = (
    "lunar exploration",
    "satellite navigation",
    "remote sensing data sharing",
    "space debris monitoring",
    "astronaut training",
    "deep space communication",
    "the peaceful use of outer space",
    "space weather",
    "ground station construction",
    "small satellite development",
    "Earth observation",
    "space law",
)
MISSIONS = (
    ("Chang'e 7", "the Moon"),
    ("Chang'e 8", "the Moon"),
    ("Chang'e 6", "the Moon"),
    ("Tianwen-2", "an asteroid"),
    ("Tianwen-3", "Mars"),
    ("Tianwen-4", "Jupiter"),
    ("Xuntian", "low Earth orbit"),
    ("Einstein Probe", "orbit"),
    ("SVOM", "orbit"),
    ("SMILE", "orbit"),
    ("Queqiao-2", "lunar orbit"),
    ("CSES-2", "orbit"),
)
SITES = ("Wenchang", "Jiuquan", "Xichang", "Taiyuan")
VEHICLES = ("Long March 5", "Long March 2C", "Long March 3B", "Long March 7", "Long March 8")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
FILLER = (
    "Analysts note that {topic} has become a recurring theme of China's space diplomacy.",
    "Officials in {city} described the talks as constructive and forward-looking.",
    "The announcement came during a week of meetings on {topic} attended by several delegations.",
    "Critics argue that the pace of such projects depends on funding that has yet to be confirmed.",
    "Observers expect further announcements on {topic} before the end of the decade.",
    "The programme draws on decades of experience with crewed and robotic missions.",
    "Engineers from both sides are expected to exchange visits over the coming months.",
    "A spokesperson said the details of the arrangement would be published later.",
    "Universities and research institutes are invited to submit proposals on {topic}.",
    "The discussion also touched on training, data policy and the sharing of ground infrastructure.",
    "Commentators in {city} have compared the initiative with earlier multilateral projects.",
    "Funding for the next phase is expected to come from several national budgets.",
    "The statement stressed the importance of transparency and of the peaceful use of outer space.",
    "Several delegations asked for a timetable covering the period up to {year}.",
    "Students at a local university followed the ceremony through a live broadcast.",
)
CITIES = (
    "Beijing",
    "Moscow",
    "Islamabad",
    "Cairo",
    "Pretoria",
    "Bangkok",
    "Baku",
    "Minsk",
    "Caracas",
    "Astana",
)


def _date(rng: random.Random) -> str:
    year = rng.randint(2015, 2030)
    shape = rng.random()
    if shape < 0.4:
        return str(year)
    if shape < 0.8:
        return f"{rng.choice(MONTHS)} {year}"
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year}"


def _fact(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:
        framework, verb = rng.choice(FRAMEWORKS)
        country = rng.choice(COUNTRIES)
        shape = rng.randint(0, 2)
        if shape == 0:
            return f"{country} {verb} the {framework} in {_date(rng)}."
        if shape == 1:
            return f"In {_date(rng)}, {country} formally {verb} the {framework}, officials said."
        a, b, c = rng.sample(COUNTRIES, 3)
        return f"{a}, {b} and {c} {verb} the {framework} in {_date(rng)}."
    if kind < 0.75:
        return (
            f"In {_date(rng)}, {rng.choice(CHINESE_SIDE)} and {rng.choice(AGENCIES)} signed a "
            f"{rng.choice(INSTRUMENTS)} on {rng.choice(TOPICS)}."
        )
    mission, target = rng.choice(MISSIONS)
    partner = rng.choice(COUNTRIES)
    return (
        f"{mission}, bound for {target}, is scheduled to launch in {_date(rng)} on a {rng.choice(VEHICLES)} "
        f"from {rng.choice(SITES)}, carrying an instrument from {partner}."
    )


def _filler(rng: random.Random) -> str:
    return rng.choice(FILLER).format(
        topic=rng.choice(TOPICS), city=rng.choice(CITIES), year=rng.randint(2025, 2040)
    )


def document(index: int, seed: int = 0) -> str:
    """The text of document `index` of a corpus generated with `seed`."""
    rng = random.Random(seed * 1_000_003 + index)
    country = rng.choice(COUNTRIES)
    lines = [f"{country} and China deepen cooperation on {rng.choice(TOPICS)}", ""]
    for _ in range(rng.randint(5, 28)):
        sentences = [_filler(rng) for _ in range(rng.randint(3, 6))]
        if rng.random() < 0.3:
            sentences.insert(rng.randint(0, len(sentences)), _fact(rng))
        lines += [" ".join(sentences), ""]
    return "\n".join(lines)


def generate(count: int, folder: Path, seed: int = 0) -> int:
    """Write `count` documents into `folder` (replacing it); return the total bytes."""
    if folder.exists():
        shutil.rmtree(folder)
    total = 0
    for index in range(count):
        subfolder = folder / f"batch_{index // 1000:04d}"  # no folder holds more than 1,000 files
        subfolder.mkdir(parents=True, exist_ok=True)
        raw = document(index, seed).encode("utf-8")
        (subfolder / f"article_{index:06d}.txt").write_bytes(raw)
        total += len(raw)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    total = generate(args.count, args.folder, args.seed)
    print(f"wrote {args.count} documents, {total / 1e6:.1f} MB, into {args.folder}")


if __name__ == "__main__":
    main()
