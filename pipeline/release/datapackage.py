"""datapackage.json: the manifest's information as a Frictionless Data Package.

Each Parquet table is a resource with its sha256, size, row count and a Table
Schema whose constraints (required, unique, enum, pattern, minimum, maximum)
come from the Pandera models; the changes file is a resource too. Properties
Frictionless does not define are prefixed `spacecoop:`.
"""

from __future__ import annotations

from typing import Any

from schemas.tables import MODELS

PARQUET_MEDIATYPE = "application/vnd.apache.parquet"
FRICTIONLESS_TYPES = {"string": "string", "int64": "integer", "bool": "boolean", "double": "number"}
CHECK_CONSTRAINTS = {
    "isin": ("enum", "allowed_values"),
    "str_matches": ("pattern", "pattern"),
    "greater_than_or_equal_to": ("minimum", "min_value"),
    "less_than_or_equal_to": ("maximum", "max_value"),
}


def column_constraints(table: str) -> dict[str, dict[str, Any]]:
    """Frictionless constraints of each column, read from the table's Pandera model."""
    model = MODELS.get(table)
    if model is None:
        return {}
    constraints: dict[str, dict[str, Any]] = {}
    for name, column in model.to_schema().columns.items():
        found: dict[str, Any] = {"required": not column.nullable}
        if column.unique:
            found["unique"] = True
        for check in column.checks:
            stats = check.statistics or {}
            if check.name in CHECK_CONSTRAINTS:
                key, stat = CHECK_CONSTRAINTS[check.name]
                found[key] = list(stats[stat]) if key == "enum" else stats[stat]
            elif check.name == "str_length" and stats.get("min_value") is not None:
                found["minLength"] = stats["min_value"]
        constraints[name] = found
    return constraints


def _field(column: dict[str, Any], constraints: dict[str, Any]) -> dict[str, Any]:
    arrow_type = column["type"]
    field: dict[str, Any] = {"name": column["name"], "type": FRICTIONLESS_TYPES.get(arrow_type, "any")}
    if arrow_type.startswith("list<"):
        field["type"] = "array"
        field["arrayItem"] = {"type": "string"}
    if column.get("description"):
        field["description"] = column["description"]
    field["spacecoop:arrow_type"] = arrow_type
    if constraints:
        field["constraints"] = constraints
    return field


def _foreign_keys(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """Only the foreign keys Frictionless can express (fact_id points at one of three tables)."""
    keys = []
    for fk in entry.get("foreign_keys", []):
        reference = fk.get("reference", {})
        if "fields" in reference:
            keys.append({"fields": fk["fields"], "reference": reference})
    return keys


def _resource(table: str, entry: dict[str, Any]) -> dict[str, Any]:
    constraints = column_constraints(table)
    schema: dict[str, Any] = {"fields": [_field(c, constraints.get(c["name"], {})) for c in entry["columns"]]}
    if entry.get("primary_key"):
        schema["primaryKey"] = entry["primary_key"]
    foreign_keys = _foreign_keys(entry)
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    model = MODELS.get(table)
    return {
        "name": table,
        "path": entry["path"],
        "profile": "data-resource",
        "format": "parquet",
        "mediatype": PARQUET_MEDIATYPE,
        "description": (model.__doc__ or "").strip() if model else "",
        "bytes": entry["bytes"],
        "hash": f"sha256:{entry['sha256']}",
        "schema": schema,
        "spacecoop:rows": entry["rows"],
        "spacecoop:content_hash": entry["content_hash"],
        "spacecoop:sort_key": entry["sort_key"],
    }


def _changes_resource(files: dict[str, dict[str, Any]]) -> dict[str, Any]:
    entry = files["diff/changes.parquet"]
    return {
        "name": "changes",
        "path": "diff/changes.parquet",
        "profile": "data-resource",
        "format": "parquet",
        "mediatype": PARQUET_MEDIATYPE,
        "description": "Rows added, removed or changed since the previous release, by table and id.",
        "bytes": entry["bytes"],
        "hash": f"sha256:{entry['sha256']}",
        "schema": {
            "fields": [
                {"name": "table", "type": "string", "constraints": {"required": True}},
                {"name": "id", "type": "string", "constraints": {"required": True}},
                {
                    "name": "change",
                    "type": "string",
                    "constraints": {"required": True, "enum": ["added", "removed", "changed"]},
                },
                {"name": "columns_changed", "type": "array", "arrayItem": {"type": "string"}},
                {"name": "label", "type": "string"},
            ],
            "primaryKey": ["table", "id"],
        },
    }


def build_datapackage(manifest: dict[str, Any], files: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The Data Package of a release, from its manifest (before `files`) and the files written so far."""
    resources = [_resource(table, entry) for table, entry in manifest["tables"].items()]
    if "diff/changes.parquet" in files:
        resources.append(_changes_resource(files))
    return {
        "profile": "data-package",
        "name": manifest["dataset"],
        "id": f"{manifest['dataset']}-{manifest['version']}",
        "title": "China's international space cooperation",
        "description": (
            "Memberships, agreements and missions of China's international space cooperation as the "
            "sources state them, each fact backed by evidence: an exact span of a source document."
        ),
        "version": manifest["version"],
        "created": manifest["build_time"],
        "keywords": ["space", "China", "international cooperation", "ILRS", "provenance"],
        "sources": [{"title": i["path"], "path": i["path"]} for i in manifest["inputs"]],
        "resources": resources,
        "spacecoop:schema_version": manifest["schema_version"],
        "spacecoop:previous_version": manifest["previous_version"],
        "spacecoop:corpus_sha256": manifest["corpus_sha256"],
        "spacecoop:code": manifest["code"],
        "spacecoop:invariants": manifest["invariants"],
    }
