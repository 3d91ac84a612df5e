"""datapackage.json carries the manifest's information as a Frictionless Data Package."""

from __future__ import annotations

import json
from pathlib import Path

from release_fixtures import CHANGE, KENYA, release

from schemas.tables import ROLES


def test_datapackage_matches_the_manifest(tmp_path: Path) -> None:
    result = release(tmp_path, KENYA + CHANGE)
    manifest = json.loads((result.path / "manifest.json").read_text())
    package = json.loads((result.path / "datapackage.json").read_text())
    assert (package["name"], package["version"], package["profile"]) == ("spacecoop", "0.1.0", "data-package")
    assert package["created"] == manifest["build_time"]
    resources = {r["name"]: r for r in package["resources"]}
    assert set(resources) == {*manifest["tables"], "changes"}
    for table, entry in manifest["tables"].items():
        resource = resources[table]
        assert resource["path"] == entry["path"] and resource["format"] == "parquet"
        assert (resource["hash"], resource["bytes"]) == (f"sha256:{entry['sha256']}", entry["bytes"])
        assert [f["name"] for f in resource["schema"]["fields"]] == [c["name"] for c in entry["columns"]]
        assert resource["spacecoop:rows"] == entry["rows"]
    memberships = {f["name"]: f for f in resources["memberships"]["schema"]["fields"]}
    assert resources["memberships"]["schema"]["primaryKey"] == "membership_id"
    assert memberships["role"]["constraints"]["enum"] == ROLES
    assert memberships["membership_id"]["constraints"] == {
        "required": True,
        "unique": True,
        "pattern": "^mem_[0-9a-f]{16}$",
    }
    assert memberships["joined_year"]["type"] == "integer"
    assert memberships["member_iso3"]["constraints"]["required"] is False
    missions = {f["name"]: f for f in resources["missions"]["schema"]["fields"]}
    assert missions["partners"]["type"] == "array"
    evidence_keys = resources["evidence"]["schema"]["foreignKeys"]
    assert evidence_keys == [{"fields": "doc_id", "reference": {"resource": "documents", "fields": "doc_id"}}]
    changes = resources["changes"]
    assert changes["hash"] == f"sha256:{manifest['files']['diff/changes.parquet']['sha256']}"


def test_manifest_columns_record_allowed_values_and_nullability(tmp_path: Path) -> None:
    result = release(tmp_path, KENYA)
    manifest = json.loads((result.path / "manifest.json").read_text())
    columns = {c["name"]: c for c in manifest["tables"]["memberships"]["columns"]}
    assert columns["role"]["allowed_values"] == ROLES and columns["role"]["nullable"] is False
    assert columns["joined"]["allowed_values"] is None and columns["joined"]["nullable"] is True
