"""Fuzz the decoder and the extractor with random and mutated inputs; report crashes and broken invariants.

    .venv/bin/python benchmarks/fuzz_extractor.py 20000            # 20 000 inputs, seed 0
    .venv/bin/python benchmarks/fuzz_extractor.py 5000 --seed 7 --max-chars 4000

Each input is raw bytes built one of several ways (random bytes, random Unicode in a random encoding,
seed documents mutated by splicing, deleting, duplicating, inserting odd characters or changing line endings,
fact-like sentences glued together). Each goes through `decode_bytes`, then `extract_text` and
`build_tables`; a crash is any exception, a violation is an evidence or conflict offset outside its
document or a quote that is not exactly its slice. Exit status 1 when anything was found.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

from pipeline.core.documents import SourceDocument, decode_bytes
from pipeline.core.extract import extract_text
from pipeline.core.merge import build_tables

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SENTENCES = [
    "Pakistan joined the International Lunar Research Station (ILRS) in May 2023. ",
    "Egypt signed a memorandum of understanding with the CNSA on 2019-03-04. ",
    "Chang'e 6 launched from Wenchang on a Long March 5 on 3 May 2024, carrying payloads from France. ",
    "| Country | Joined |\n|---|---|\n| Belarus | 2023 |\n| Azerbaijan |\n",
    "The Artemis Accords were signed by Brazil in 2021.\r\n",
    "APSCO members: Bangladesh, Iran, Mongolia, Pakistan, Peru, Thailand and Türkiye. ",
    "Tianwen-1 reached Mars in February 2021. ",
    "Russia and China agreed in 2021 to build the ILRS together. ",
]
ODD = [
    "\ufeff",
    "\r",
    "\r\n",
    "\u2028",
    "\x00",
    "\u0301",
    "\U0001f680",
    "\ud7ff",
    "’",
    "“",
    "\t",
    "|",
    "(",
    ")",
    "—",
]
ENCODINGS = ["utf-8", "utf-16", "utf-32", "cp1252", "latin-1", "gb18030", "shift_jis", "koi8-r"]


def _random_text(rng: random.Random, size: int) -> str:
    alphabet = rng.choice(
        [
            "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ .,;:'\"()-\n0123456789",
            "".join(chr(c) for c in range(32, 0x250)),
            "".join(chr(rng.randrange(0, 0x2FFFF)) for _ in range(64)).replace("\ud800", ""),
        ]
    )
    return "".join(rng.choice(alphabet) for _ in range(size))


def _mutate(rng: random.Random, text: str, max_chars: int) -> str:
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(6)
        i, j = sorted(rng.randrange(len(text) + 1) for _ in range(2))
        if op == 0:
            text = text[:i] + text[j:]
        elif op == 1:
            text = text[:i] + text[i:j] * rng.randint(2, 4) + text[j:]
        elif op == 2:
            text = text[:i] + rng.choice(ODD) * rng.randint(1, 3) + text[i:]
        elif op == 3:
            text = text.replace("\n", rng.choice(["\r\n", "\r", "\n\n", " "]))
        elif op == 4:
            text = text[:i] + rng.choice(SENTENCES) + text[i:]
        else:
            text = text[:i] + _random_text(rng, rng.randint(1, 40)) + text[j:]
    return text[:max_chars]


def make_input(rng: random.Random, seeds: list[str], max_chars: int) -> bytes:
    kind = rng.randrange(5)
    if kind == 0:
        return rng.randbytes(rng.randint(0, 2000))
    if kind == 1:
        text = _random_text(rng, rng.randint(0, 1500))
    elif kind == 2:
        seed = rng.choice(seeds)
        start = rng.randrange(max(1, len(seed) - max_chars))
        text = _mutate(rng, seed[start : start + max_chars], max_chars)
    elif kind == 3:
        text = "".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 20)))
        text = _mutate(rng, text, max_chars) if rng.random() < 0.7 else text
    else:
        text = _mutate(
            rng, "".join(rng.choice(SENTENCES) + _random_text(rng, 20) for _ in range(5)), max_chars
        )
    encoding = rng.choice(ENCODINGS)
    return text.encode(encoding, errors="replace" if encoding != "utf-8" else "surrogatepass")


def check(raw: bytes, index: int) -> list[str]:
    """Problems with one input (empty when all is well)."""
    text, encoding = decode_bytes(raw)
    problems = []
    if not encoding.endswith("-replace") and raw.decode(encoding) != text:
        problems.append(f"decode_bytes({encoding}) is not the bytes decoded")
    doc = SourceDocument(f"f{index}", f"f{index}.txt", "0" * 64, None, text, encoding, len(raw))
    tables = build_tables([doc], [extract_text(doc.doc_id, text)])
    for row in tables["evidence"].itertuples():
        if not 0 <= row.char_start < row.char_end <= len(text):
            problems.append(f"evidence span {row.char_start}:{row.char_end} outside 0:{len(text)}")
        elif text[row.char_start : row.char_end] != row.quote:
            problems.append(f"quote differs from its slice at {row.char_start}:{row.char_end}")
    for row in tables["conflicts"].itertuples():
        if not 0 <= row.char_start <= row.char_end <= len(text):
            problems.append(f"conflict span {row.char_start}:{row.char_end} outside 0:{len(text)}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("count", type=int, help="how many inputs to try")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-chars", type=int, default=3000, help="longest mutated seed excerpt")
    parser.add_argument(
        "--save", type=Path, default=Path("benchmarks/fuzz_failures"), help="where failing inputs go"
    )
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    crashes = violations = 0
    slowest = (0.0, -1)
    started = time.perf_counter()
    for index in range(args.count):
        raw = make_input(rng, seeds, args.max_chars)
        tick = time.perf_counter()
        try:
            problems = check(raw, index)
        except Exception:
            crashes += 1
            problems = ["crash: " + traceback.format_exc(limit=3)]
        slowest = max(slowest, (time.perf_counter() - tick, index))
        if problems:
            violations += not problems[0].startswith("crash")
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"input_{args.seed}_{index}.bin").write_bytes(raw)
            print(f"input {index}: {problems[0]}", file=sys.stderr)
        if (index + 1) % 1000 == 0:
            print(f"  {index + 1} inputs, {crashes} crashes, {violations} violations", file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(
        f"tried {args.count} inputs (seed {args.seed}) in {elapsed:.1f} s: {crashes} crashes, "
        f"{violations} invariant violations; slowest input {slowest[1]} took {slowest[0] * 1000:.0f} ms"
    )
    return 1 if crashes or violations else 0


if __name__ == "__main__":
    sys.exit(main())
