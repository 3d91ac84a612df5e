"""Semantic versions for data releases.

major: the schema's major version changed (meanings or the id recipe changed),
or the schema diff shows a table or column removed, renamed (= removed + added)
or retyped; minor: tables, columns or allowed values were added or changed, or
the set of fact ids changed (facts added or removed); patch: same schema, same
fact ids, other content changed (evidence, a fact's attributes, documents).
0.y.z while the contract settles: there a major change bumps y.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipeline.release.diff import schema_change_kind

FIRST_VERSION = "0.1.0"


def parse(version: str) -> tuple[int, int, int]:
    major, minor, patch = (int(p) for p in version.split("."))
    return major, minor, patch


def bump(previous: str, part: str) -> str:
    major, minor, patch = parse(previous)
    if part == "major":
        return f"{major + 1}.0.0" if major else f"0.{minor + 1}.0"  # 0.y.z: breaking changes bump y
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def change_kind(
    previous_manifest: dict,
    schema_version: str,
    fact_ids: dict[str, list[str]],
    root: Path,
    schema_changes: dict[str, Any] | None = None,
) -> str:
    """'major', 'minor' or 'patch' for a release following `previous_manifest`."""
    if parse(previous_manifest["schema_version"])[0] != parse(schema_version)[0]:
        return "major"
    from_schema = schema_change_kind(schema_changes)
    if from_schema is not None:
        return from_schema
    ids_file = root / f"v{previous_manifest['version']}" / "fact_ids.json"
    previous_ids = json.loads(ids_file.read_text(encoding="utf-8")) if ids_file.exists() else {}
    return "patch" if previous_ids == fact_ids else "minor"


def next_version(
    previous_manifest: dict | None,
    schema_version: str,
    fact_ids: dict[str, list[str]],
    root: Path,
    schema_changes: dict[str, Any] | None = None,
) -> str:
    if previous_manifest is None:
        version = FIRST_VERSION
    else:
        kind = change_kind(previous_manifest, schema_version, fact_ids, root, schema_changes)
        version = bump(previous_manifest["version"], kind)
    while (root / f"v{version}").exists():  # never overwrite, even after a yank
        version = bump(version, "patch")
    return version
