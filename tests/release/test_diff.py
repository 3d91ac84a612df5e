"""Diffs, changelogs, the registry and the version rule: a new fact is named, exactly, everywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from release_fixtures import CHANGE, EGYPT, GHANA, KENYA, release, snapshot

from pipeline.cli import main
from pipeline.core.merge import stable_id
from pipeline.release.diff import diff_schema, diff_table, schema_change_kind
from pipeline.release.versioning import change_kind

GHANA_ID = stable_id("mem", "Ghana", "ILRS")
REGISTRY_COLUMNS = ("first_seen", "last_seen", "last_changed", "status")


def _fact_changes(release_dir: Path) -> list[dict]:
    rows = pq.read_table(release_dir / "diff" / "changes.parquet").to_pylist()
    return [r for r in rows if r["table"] in ("memberships", "agreements", "missions")]


def test_unchanged_inputs_make_no_release(tmp_path: Path) -> None:
    first = release(tmp_path, KENYA + CHANGE)
    derived = {
        name: (tmp_path / name).read_bytes() for name in ("index.json", "latest.json", "registry.parquet")
    }
    second = release(tmp_path, KENYA + CHANGE)
    assert first.published and not second.published
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("v")) == ["v0.1.0"]
    assert {name: (tmp_path / name).read_bytes() for name in derived} == derived


def test_a_sentence_stating_a_new_fact_makes_a_minor_release_naming_exactly_that_fact(tmp_path: Path) -> None:
    release(tmp_path, KENYA + CHANGE)
    before = snapshot(tmp_path / "v0.1.0")
    result = release(tmp_path, KENYA + CHANGE + GHANA)  # the seed gains one sentence
    assert (result.published, result.version) == (True, "0.2.0")
    assert snapshot(tmp_path / "v0.1.0") == before  # the previous release is byte-identical

    facts = _fact_changes(result.path)
    assert [(r["table"], r["id"], r["change"]) for r in facts] == [("memberships", GHANA_ID, "added")]
    assert facts[0]["label"] == "Ghana — ILRS (member, joined 2025)"

    changelog = (result.path / "CHANGELOG.md").read_text()
    fact_section = changelog.split("## Facts", 1)[1].split("\n## ", 1)[0]
    assert "### Added (1)" in fact_section and GHANA_ID in fact_section
    assert fact_section.count("`mem_") + fact_section.count("`mis_") + fact_section.count("`agr_") == 1
    assert "### Removed" not in fact_section and "### Changed" not in fact_section

    manifest = json.loads((result.path / "manifest.json").read_text())
    assert manifest["change"]["kind"] == "minor"
    assert manifest["change"]["rows"]["memberships"] == {"added": 1, "removed": 0, "changed": 0}


def test_a_changed_attribute_is_a_patch_with_the_columns_named(tmp_path: Path) -> None:
    release(tmp_path, KENYA + GHANA)
    result = release(tmp_path, KENYA + GHANA, joined={"Ghana": "2026"})
    assert result.version == "0.1.1"
    facts = _fact_changes(result.path)
    assert [(r["id"], r["change"], r["columns_changed"]) for r in facts] == [
        (GHANA_ID, "changed", ["joined", "joined_year"])
    ]
    assert (
        f"`{GHANA_ID}`: Ghana — ILRS (member, joined 2026) — joined, joined_year"
        in (result.path / "CHANGELOG.md").read_text()
    )


def test_a_removed_fact_is_listed_and_kept_in_the_registry(tmp_path: Path) -> None:
    release(tmp_path, KENYA + GHANA)
    release(tmp_path, KENYA + GHANA + EGYPT)
    third = release(tmp_path, KENYA + EGYPT)
    assert third.version == "0.3.0"
    assert [(r["id"], r["change"]) for r in _fact_changes(third.path)] == [(GHANA_ID, "removed")]
    registry = {(r["table"], r["id"]): r for r in pq.read_table(tmp_path / "registry.parquet").to_pylist()}
    seen = {
        member: tuple(
            registry[("memberships", stable_id("mem", member, "ILRS"))][k] for k in REGISTRY_COLUMNS
        )
        for member in ("Kenya", "Ghana", "Egypt")
    }
    assert seen == {
        "Kenya": ("0.1.0", "0.3.0", "0.1.0", "active"),
        "Ghana": ("0.1.0", "0.2.0", "0.1.0", "removed"),
        "Egypt": ("0.2.0", "0.3.0", "0.2.0", "active"),
    }
    assert {t for t, _ in registry} == {"memberships", "documents", "evidence"}
    assert pq.read_schema(tmp_path / "registry.parquet").metadata[b"version"] == b"0.3.0"


def test_diff_command_prints_the_added_fact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    release(tmp_path, KENYA + CHANGE)
    release(tmp_path, KENYA + CHANGE + GHANA)
    assert main(["diff", "0.1.0", "v0.2.0", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"+ {GHANA_ID}  Ghana — ILRS (member, joined 2025)" in out
    assert "memberships: 1 added, 0 removed, 0 changed" in out
    assert "missions: no changes" in out
    assert main(["diff", "0.2.0", "0.1.0", "--root", str(tmp_path), "--evidence"]) == 0
    out = capsys.readouterr().out
    assert f"- {GHANA_ID}" in out and "Ghana joined the ILRS in 2025." in out


def test_diff_table_names_changed_columns() -> None:
    schema = pa.schema([("membership_id", pa.string()), ("joined", pa.string()), ("role", pa.string())])
    old = pa.Table.from_pylist(
        [
            {"membership_id": "a", "joined": "2020", "role": "member"},
            {"membership_id": "b", "joined": None, "role": "member"},
        ],
        schema=schema,
    )
    new = pa.Table.from_pylist(
        [
            {"membership_id": "b", "joined": "2021", "role": "member"},
            {"membership_id": "c", "joined": None, "role": "founder"},
        ],
        schema=schema,
    )
    changes = [(c.id, c.change, c.columns_changed) for c in diff_table("memberships", old, new)]
    assert changes == [("c", "added", ()), ("a", "removed", ()), ("b", "changed", ("joined",))]


def _tables(**columns: list[dict]) -> dict[str, dict]:
    return {table: {"columns": cols} for table, cols in columns.items()}


def _col(name: str, type_: str = "string", nullable: bool = False, allowed: list | None = None) -> dict:
    return {"name": name, "type": type_, "nullable": nullable, "allowed_values": allowed}


@pytest.mark.parametrize(
    ("new_columns", "key", "kind"),
    [
        ([_col("id"), _col("role", allowed=["a", "b"])], None, None),
        ([_col("id")], "columns_removed", "major"),
        ([_col("id"), _col("role", "int64", allowed=["a", "b"])], "columns_retyped", "major"),
        ([_col("id"), _col("role_name", allowed=["a", "b"])], "columns_removed", "major"),  # a rename
        ([_col("id"), _col("role", allowed=["a", "b"]), _col("extra")], "columns_added", "minor"),
        ([_col("id"), _col("role", allowed=["a", "b", "c"])], "allowed_values_changed", "minor"),
        ([_col("id"), _col("role", nullable=True, allowed=["a", "b"])], "nullability_changed", "minor"),
    ],
)
def test_schema_diff_and_its_version_effect(
    new_columns: list[dict], key: str | None, kind: str | None
) -> None:
    old = _tables(memberships=[_col("id"), _col("role", allowed=["a", "b"])])
    changes = diff_schema(old, _tables(memberships=new_columns))
    assert schema_change_kind(changes) == kind
    if key:
        assert changes[key] and changes[key][0]["table"] == "memberships"


def test_version_rule_uses_the_schema_diff(tmp_path: Path) -> None:
    release(tmp_path, KENYA)
    manifest = json.loads((tmp_path / "v0.1.0" / "manifest.json").read_text())
    ids = json.loads((tmp_path / "v0.1.0" / "fact_ids.json").read_text())
    removed = {"columns_removed": [{"table": "missions", "column": "target", "type": "string"}]}
    added = {"tables_added": ["launches"]}
    assert change_kind(manifest, "1.0.0", ids, tmp_path) == "patch"
    assert change_kind(manifest, "1.0.0", ids, tmp_path, removed) == "major"
    assert change_kind(manifest, "1.0.0", ids, tmp_path, added) == "minor"
    assert change_kind(manifest, "2.0.0", ids, tmp_path) == "major"


def test_the_same_history_gives_the_same_bytes_anywhere(tmp_path: Path) -> None:
    for name in ("a", "b"):
        release(tmp_path / name, KENYA + CHANGE)
        release(tmp_path / name, KENYA + CHANGE + GHANA)
    assert snapshot(tmp_path / "a" / "v0.2.0") == snapshot(tmp_path / "b" / "v0.2.0")
