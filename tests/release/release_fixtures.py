"""Small hand-built releases: one document, a few sentences, one claim per sentence (no Dagster)."""

from __future__ import annotations

import hashlib
import re
import stat
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from pipeline.core.claims import DocumentClaims, MembershipClaim, MissionClaim, Span
from pipeline.core.documents import SourceDocument
from pipeline.core.merge import build_tables
from pipeline.release.publish import PublishResult, publish

KENYA = "Kenya joined the ILRS in 2024."
GHANA = " Ghana joined the ILRS in 2025."
EGYPT = " Egypt joined the ILRS in 2023."
CHANGE = " Chang'e 6 carried instruments from France to the Moon."
ISO3 = {"Kenya": "KEN", "Ghana": "GHA", "Egypt": "EGY"}
BUILD_TIME = datetime(2025, 1, 1, tzinfo=UTC)


def document(text: str) -> SourceDocument:
    raw = text.encode("utf-8")
    return SourceDocument("d1", "d1.txt", hashlib.sha256(raw).hexdigest(), None, text, "utf-8", len(raw))


def _sentence(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, text.index(".", start) + 1


def claims(text: str, joined: dict[str, str] | None = None) -> DocumentClaims:
    """A membership claim for every 'X joined the ILRS in YYYY.' and a mission claim for Chang'e 6."""
    found = DocumentClaims("d1")
    for match in re.finditer(r"(\w+) joined the ILRS in (\d{4})\.", text):
        member = match.group(1)
        year = (joined or {}).get(member, match.group(2))
        span = Span("d1", match.start(), match.end(), "rule:joined")
        found.memberships.append(
            MembershipClaim(member, "country", ISO3[member], "ILRS", "member", year, span)
        )
    if "Chang'e 6" in text:
        start, end = _sentence(text, "Chang'e 6")
        span = Span("d1", start, end, "rule:mission")
        found.missions.append(MissionClaim("Chang'e 6", "Moon", None, None, None, ("France",), span))
    return found


def tables(text: str, joined: dict[str, str] | None = None) -> dict[str, pd.DataFrame]:
    return build_tables([document(text)], [claims(text, joined)])


def inputs(text: str) -> list[dict]:
    doc = document(text)
    return [{"path": doc.source_path, "sha256": doc.sha256, "bytes": doc.bytes}]


def release(root: Path, text: str, joined: dict[str, str] | None = None) -> PublishResult:
    """Publish the tables `text` states, as `spacecoop build` would after reading it."""
    return publish(tables(text, joined), inputs(text), root, build_time=BUILD_TIME)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def flip_byte(path: Path, offset: int | None = None) -> None:
    """Change one bit of one byte of a (read-only) release file."""
    path.chmod(path.stat().st_mode | stat.S_IWUSR)
    data = bytearray(path.read_bytes())
    data[len(data) // 2 if offset is None else offset] ^= 0x01
    path.write_bytes(bytes(data))
