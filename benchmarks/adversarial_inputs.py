"""Time the extractor on large inputs built to provoke quadratic behaviour, and print the figures.

usage: python benchmarks/adversarial_inputs.py [--rows N]

Each input is N lines of one layout the segmenter and the table rules treat specially: two columns
printed side by side, a table typed with spaces, an HTML table with rowspans and colspans, a pipe
table, a CSV export with quoted fields. Nothing is asserted; the figures go into BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.core.extract import extract_text
from pipeline.core.html_text import html_to_text

WORDS = [
    "the",
    "agency",
    "signed",
    "a",
    "memorandum",
    "with",
    "China",
    "on",
    "lunar",
    "data",
    "in",
    "March",
    "2024",
    "and",
    "Egypt",
    "joined",
    "ILRS",
]


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def inputs(rows: int) -> dict[str, str]:
    """The adversarial texts, `rows` lines each, from a seeded generator."""
    rng = random.Random(1)
    return {
        "two columns side by side": "\n".join(
            f"{_words(rng, 6):<40}   {_words(rng, 6)}" for _ in range(rows)
        ),
        "table typed with spaces": "Country   Standing   Since   Body\n"
        + "\n".join(f"Egypt     member     2024    {_words(rng, 3)}" for _ in range(rows)),
        "HTML table with spans": html_to_text(
            "<table>"
            + "".join(
                f"<tr><td rowspan='3'>{_words(rng, 2)}</td><td colspan='2'>{_words(rng, 2)}</td></tr>"
                for _ in range(rows)
            )
            + "</table>"
        ),
        "pipe table": "| Country | Standing | Since | Body |\n|---|---|---|---|\n"
        + "\n".join(f"| Egypt | member | 2024 | {_words(rng, 3)} |" for _ in range(rows)),
        "CSV with quoted fields": "country,framework,standing,since,how\n"
        + "\n".join(f'Egypt,ILRS,member,2024,"{_words(rng, 4)}, {_words(rng, 3)}"' for _ in range(rows)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    args = parser.parse_args()
    for name, text in inputs(args.rows).items():
        start = time.process_time()
        extract_text("adversarial", text)
        print(f"{name:<26} {len(text) / 1024:7.0f} KB  {time.process_time() - start:6.2f} s CPU")


if __name__ == "__main__":
    main()
