"""Publishing: versions, no-change detection, immutability, refusal of broken invariants."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from pipeline.core.claims import DocumentClaims, MembershipClaim, Span
from pipeline.core.documents import SourceDocument
from pipeline.core.merge import build_tables
from pipeline.release.publish import publish
from pipeline.release.versioning import bump

TEXT = "Kenya joined the ILRS in 2024. Ghana joined the ILRS in 2025."
DOC = SourceDocument("d1", "d1.txt", "0" * 64, None, TEXT, "utf-8", len(TEXT))


def claim(member: str, start: int, end: int) -> MembershipClaim:
    return MembershipClaim(
        member,
        "country",
        {"Kenya": "KEN", "Ghana": "GHA"}[member],
        "ILRS",
        "member",
        TEXT[start:end][-5:-1],
        Span("d1", start, end, "rule:joined"),
    )


def tables(*claims: MembershipClaim) -> dict[str, pd.DataFrame]:
    return build_tables([DOC], [DocumentClaims("d1", list(claims))])


INPUTS = [{"path": "d1.txt", "sha256": "0" * 64, "bytes": len(TEXT)}]


def test_first_release_then_no_change_then_minor_then_patch(tmp_path: Path) -> None:
    kenya = claim("Kenya", 0, 30)
    first = publish(tables(kenya), INPUTS, tmp_path)
    assert (first.published, first.version) == (True, "0.1.0")
    again = publish(tables(kenya), INPUTS, tmp_path)
    assert not again.published and "nothing changed" in again.message
    ghana = claim("Ghana", 31, 61)
    second = publish(tables(kenya, ghana), INPUTS, tmp_path)
    assert second.version == "0.2.0"  # a new fact id: minor
    ghana_other_span = replace(ghana, span=Span("d1", 31, 60, "table"))
    third = publish(tables(kenya, ghana_other_span), INPUTS, tmp_path)
    assert third.version == "0.2.1"  # same fact ids, different evidence: patch
    index = json.loads((tmp_path / "index.json").read_text())
    assert [r["version"] for r in index["releases"]] == ["0.1.0", "0.2.0", "0.2.1"]
    assert [r["status"] for r in index["releases"]] == ["superseded", "superseded", "current"]
    assert json.loads((tmp_path / "latest.json").read_text())["version"] == "0.2.1"


def test_published_files_are_read_only_and_untouched_by_later_releases(tmp_path: Path) -> None:
    publish(tables(claim("Kenya", 0, 30)), INPUTS, tmp_path)
    before = {p: p.read_bytes() for p in (tmp_path / "v0.1.0").rglob("*") if p.is_file()}
    publish(tables(claim("Kenya", 0, 30), claim("Ghana", 31, 61)), INPUTS, tmp_path)
    after = {p: p.read_bytes() for p in (tmp_path / "v0.1.0").rglob("*") if p.is_file()}
    assert before == after
    assert all(not (p.stat().st_mode & 0o222) for p in before)


def test_broken_evidence_is_refused_and_nothing_is_published(tmp_path: Path) -> None:
    broken = tables(claim("Kenya", 0, 30))
    broken["evidence"].loc[0, "quote"] = "something else entirely, same len"[:30]
    with pytest.raises(ValueError, match="evidence_quotes_exact"):
        publish(broken, INPUTS, tmp_path)
    assert not (tmp_path / "latest.json").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("v")]


def test_parquet_files_say_what_they_are(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    result = publish(tables(claim("Kenya", 0, 30)), INPUTS, tmp_path)
    meta = pq.read_schema(result.path / "data" / "memberships.parquet").metadata
    assert meta[b"dataset"] == b"spacecoop" and meta[b"version"] == b"0.1.0"
    manifest = json.loads((result.path / "manifest.json").read_text())
    assert meta[b"content_hash"].decode() == manifest["tables"]["memberships"]["content_hash"]


@pytest.mark.parametrize(
    ("version", "part", "expected"),
    [
        ("0.1.0", "minor", "0.2.0"),
        ("0.2.3", "patch", "0.2.4"),
        ("0.2.3", "major", "0.3.0"),
        ("1.2.3", "major", "2.0.0"),
    ],
)
def test_bump(version: str, part: str, expected: str) -> None:
    assert bump(version, part) == expected


def test_release_database_has_column_comments(tmp_path: Path) -> None:
    import duckdb

    result = publish(tables(claim("Kenya", 0, 30)), INPUTS, tmp_path)
    os.chdir(tmp_path.parent)
    with duckdb.connect(str(result.path / "release.duckdb"), read_only=True) as con:
        count = con.execute("select count(*) from memberships").fetchone()[0]
        comment = con.execute(
            "select comment from duckdb_columns() where table_name = 'memberships' and column_name = 'role'"
        ).fetchone()[0]
    assert count == 1
    assert comment and "founder" in comment
