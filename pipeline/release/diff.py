"""What changed between two releases: rows by primary key, and the schema.

Row diff: for every table with a primary key, a row is `added` (id only in the
new release), `removed` (id only in the old one) or `changed` (same id, some
value differs; `columns_changed` names the columns, compared over the columns
both releases have). A table without a key (conflicts) is summarised by row
counts in the changelog, not listed row by row.

Schema diff: from the manifests' column definitions (name, type, nullable,
allowed values; the allowed values come from the Pandera models when the
manifest is written). A renamed column shows as one removed and one added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.release.layout import read_json, release_dir
from schemas.tables import PRIMARY_KEYS, TABLES

CHANGE_KINDS = ("added", "removed", "changed")
KEYED_TABLES: tuple[str, ...] = tuple(t for t in TABLES if t in PRIMARY_KEYS)
FACT_TABLES = ("memberships", "agreements", "missions")
CHANGES_SCHEMA = pa.schema(
    [
        ("table", pa.string()),
        ("id", pa.string()),
        ("change", pa.string()),
        ("columns_changed", pa.list_(pa.string())),
        ("label", pa.string()),
    ]
)
BREAKING_SCHEMA_CHANGES = ("tables_removed", "columns_removed", "columns_retyped")
ADDITIVE_SCHEMA_CHANGES = ("tables_added", "columns_added", "nullability_changed", "allowed_values_changed")


@dataclass(frozen=True)
class RowChange:
    """One row added, removed or changed; `before`/`after` hold the full rows (not written to Parquet)."""

    table: str
    id: str
    change: str
    columns_changed: tuple[str, ...] = ()
    label: str = ""
    before: dict[str, Any] | None = field(default=None, compare=False, repr=False)
    after: dict[str, Any] | None = field(default=None, compare=False, repr=False)


def _short(value: object, limit: int = 80) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def label(table: str, row: dict[str, Any]) -> str:
    """A short human description of a row, for changelogs and `spacecoop diff` ('' if columns are missing)."""
    try:
        return _label(table, row)
    except KeyError:  # a release whose schema lacks a column the label uses
        return ""


def _label(table: str, row: dict[str, Any]) -> str:
    if table == "memberships":
        joined = f", joined {row['joined']}" if row.get("joined") else ""
        return f"{row['member']} — {row['organization']} ({row['role']}{joined})"
    if table == "agreements":
        signed = f", signed {row['signed']}" if row.get("signed") else ""
        parties = ", ".join(row.get("parties") or [])
        return f"{row['title']} ({row['agreement_type']}: {parties}{signed})"
    if table == "missions":
        details = [str(row[c]) for c in ("target", "launch_date") if row.get(c)]
        return f"{row['name']} ({', '.join(details)})" if details else str(row["name"])
    if table == "documents":
        return str(row["source_path"])
    if table == "evidence":
        span = f"{row['doc_id']}[{row['char_start']}:{row['char_end']}]"
        return f"{row['fact_table']} {row['fact_id']} at {span}: “{_short(row['quote'], 60)}”"
    return ""


def read_release_tables(release: Path, tables: tuple[str, ...] = KEYED_TABLES) -> dict[str, pa.Table]:
    """The release's Parquet tables that exist (an older release may lack a newer table)."""
    found = {}
    for table in tables:
        path = release / "data" / f"{table}.parquet"
        if path.exists():
            found[table] = pq.read_table(path)
    return found


def _rows_by_id(table: pa.Table | None, key: str) -> dict[str, dict[str, Any]]:
    if table is None:
        return {}
    return {row[key]: row for row in table.to_pylist()}


def diff_table(name: str, old: pa.Table | None, new: pa.Table | None) -> list[RowChange]:
    """Row changes of one keyed table, sorted by change kind then id."""
    key = PRIMARY_KEYS[name]
    before, after = _rows_by_id(old, key), _rows_by_id(new, key)
    old_names = set(old.schema.names) if old is not None else set()
    shared = [c for c in (new.schema.names if new is not None else []) if c in old_names]
    changes = []
    for row_id in sorted(after.keys() - before.keys()):
        changes.append(RowChange(name, row_id, "added", (), label(name, after[row_id]), None, after[row_id]))
    for row_id in sorted(before.keys() - after.keys()):
        changes.append(
            RowChange(name, row_id, "removed", (), label(name, before[row_id]), before[row_id], None)
        )
    for row_id in sorted(before.keys() & after.keys()):
        old_row, new_row = before[row_id], after[row_id]
        differing = tuple(c for c in shared if old_row[c] != new_row[c])
        if differing:
            changes.append(
                RowChange(name, row_id, "changed", differing, label(name, new_row), old_row, new_row)
            )
    return changes


def diff_tables(old: dict[str, pa.Table], new: dict[str, pa.Table]) -> list[RowChange]:
    """Row changes of every keyed table; with `old` empty (a first release) every row is added."""
    changes: list[RowChange] = []
    for name in KEYED_TABLES:
        if name in old or name in new:
            changes += diff_table(name, old.get(name), new.get(name))
    return changes


def changes_table(changes: list[RowChange]) -> pa.Table:
    return pa.Table.from_pylist(
        [
            {
                "table": c.table,
                "id": c.id,
                "change": c.change,
                "columns_changed": list(c.columns_changed),
                "label": c.label,
            }
            for c in changes
        ],
        schema=CHANGES_SCHEMA,
    )


def write_changes(path: Path, changes: list[RowChange], metadata: dict[str, str]) -> None:
    table = changes_table(changes)
    table = table.replace_schema_metadata({k.encode(): v.encode() for k, v in metadata.items()})
    pq.write_table(table, path, compression="zstd", write_statistics=True)


def read_changes(release: Path) -> list[RowChange]:
    """diff/changes.parquet of a release (without before/after values)."""
    rows = pq.read_table(release / "diff" / "changes.parquet").to_pylist()
    return [
        RowChange(r["table"], r["id"], r["change"], tuple(r["columns_changed"] or ()), r["label"] or "")
        for r in rows
    ]


def release_changes(root: Path, version: str) -> list[RowChange]:
    """A release's changes against its previous release: stored ones, or recomputed for older releases."""
    release = release_dir(root, version)
    if (release / "diff" / "changes.parquet").exists():
        return read_changes(release)
    previous = read_json(release / "manifest.json").get("previous_version")
    old = read_release_tables(release_dir(root, previous)) if previous else {}
    return diff_tables(old, read_release_tables(release))


def count_changes(changes: list[RowChange]) -> dict[str, dict[str, int]]:
    counts = {t: dict.fromkeys(CHANGE_KINDS, 0) for t in KEYED_TABLES}
    for change in changes:
        counts.setdefault(change.table, dict.fromkeys(CHANGE_KINDS, 0))[change.change] += 1
    return counts


# --- schema ---------------------------------------------------------------------------------------


def _columns_of(tables: dict[str, dict]) -> dict[str, dict[str, dict]]:
    return {t: {c["name"]: c for c in entry.get("columns", [])} for t, entry in tables.items()}


def _allowed_change(table: str, column: str, old: dict, new: dict) -> dict | None:
    if "allowed_values" not in old or "allowed_values" not in new:  # unknown for older manifests
        return None
    before, after = old["allowed_values"], new["allowed_values"]
    if before == after:
        return None
    return {
        "table": table,
        "column": column,
        "added": sorted(set(after or []) - set(before or [])),
        "removed": sorted(set(before or []) - set(after or [])),
        "from": before,
        "to": after,
    }


def diff_schema(old_tables: dict[str, dict] | None, new_tables: dict[str, dict]) -> dict[str, Any]:
    """Schema changes between two manifests' `tables` sections (None: no previous release)."""
    old_cols, new_cols = _columns_of(old_tables or {}), _columns_of(new_tables)
    result: dict[str, Any] = {
        "tables_added": [t for t in new_cols if t not in old_cols],
        "tables_removed": [t for t in old_cols if t not in new_cols],
        "columns_added": [],
        "columns_removed": [],
        "columns_retyped": [],
        "nullability_changed": [],
        "allowed_values_changed": [],
    }
    for table in (t for t in new_cols if t in old_cols):
        old, new = old_cols[table], new_cols[table]
        result["columns_added"] += [
            {"table": table, "column": c, "type": new[c]["type"]} for c in new if c not in old
        ]
        result["columns_removed"] += [
            {"table": table, "column": c, "type": old[c]["type"]} for c in old if c not in new
        ]
        for column in (c for c in new if c in old):
            a, b = old[column], new[column]
            if a["type"] != b["type"]:
                result["columns_retyped"].append(
                    {"table": table, "column": column, "from": a["type"], "to": b["type"]}
                )
            if a.get("nullable") != b.get("nullable"):
                result["nullability_changed"].append(
                    {"table": table, "column": column, "from": a.get("nullable"), "to": b.get("nullable")}
                )
            allowed = _allowed_change(table, column, a, b)
            if allowed:
                result["allowed_values_changed"].append(allowed)
    return result


def schema_change_kind(schema_changes: dict[str, Any] | None) -> str | None:
    """'major' when a table or column was removed or retyped, 'minor' when something was added or
    loosened, None when the schema is unchanged."""
    if not schema_changes:
        return None
    if any(schema_changes.get(k) for k in BREAKING_SCHEMA_CHANGES):
        return "major"
    if any(schema_changes.get(k) for k in ADDITIVE_SCHEMA_CHANGES):
        return "minor"
    return None


def diff_releases(root: Path, old: str, new: str) -> tuple[dict[str, Any], list[RowChange]]:
    """Schema changes and row changes from release `old` to release `new` (any two, either order)."""
    old_dir, new_dir = release_dir(root, old), release_dir(root, new)
    schema = diff_schema(
        read_json(old_dir / "manifest.json")["tables"], read_json(new_dir / "manifest.json")["tables"]
    )
    return schema, diff_tables(read_release_tables(old_dir), read_release_tables(new_dir))
