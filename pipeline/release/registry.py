"""registry.parquet: every id ever published, with when it was first seen, last seen and last changed.

Regenerated (never edited in place) from the releases' `diff/changes.parquet`,
folding the chain of releases that ends at latest.json's version:

- status `active`: in the newest release; `removed`: published once, not in
  the newest release; `yanked`: only ever published in releases since yanked.
- first_seen: the first release with the id; last_seen: the last release in
  the chain that still had it; last_changed: the last release where the row
  was added or changed.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.release.diff import KEYED_TABLES, release_changes
from pipeline.release.layout import DATASET, atomic_replace, chain

REGISTRY_SCHEMA = pa.schema(
    [
        ("table", pa.string()),
        ("id", pa.string()),
        ("first_seen", pa.string()),
        ("last_seen", pa.string()),
        ("last_changed", pa.string()),
        ("status", pa.string()),
    ]
)


def _fold(root: Path, versions: list[str]) -> dict[tuple[str, str], dict]:
    entries: dict[tuple[str, str], dict] = {}
    previous = None
    for version in versions:
        for change in release_changes(root, version):
            key = (change.table, change.id)
            entry = entries.get(key)
            if change.change == "added":
                if entry is None:
                    entries[key] = {"first_seen": version, "last_seen": None, "last_changed": version}
                entry = entries[key]
                entry.update(status="active", last_changed=version, last_seen=None)
            elif change.change == "changed" and entry is not None:
                entry["last_changed"] = version
            elif change.change == "removed" and entry is not None:
                entry.update(status="removed", last_seen=previous)
        previous = version
    for entry in entries.values():
        if entry["status"] == "active":
            entry["last_seen"] = previous
    return entries


def build_registry(root: Path, latest: str | None, yanked: list[str]) -> pa.Table:
    """The registry for the chain ending at `latest`, plus ids only seen in `yanked` releases off it."""
    versions = chain(root, latest) if latest else []
    entries = _fold(root, versions)
    for version in (v for v in yanked if v not in versions):
        for change in release_changes(root, version):
            if change.change == "added" and (change.table, change.id) not in entries:
                entries[(change.table, change.id)] = {
                    "first_seen": version,
                    "last_seen": version,
                    "last_changed": version,
                    "status": "yanked",
                }
    order = {t: i for i, t in enumerate(KEYED_TABLES)}
    rows = [
        {"table": table, "id": row_id, **entry}
        for (table, row_id), entry in sorted(entries.items(), key=lambda kv: (order.get(kv[0][0], 99), kv[0]))
    ]
    return pa.Table.from_pylist(rows, schema=REGISTRY_SCHEMA)


def write_registry(path: Path, registry: pa.Table, state: dict[str, str]) -> None:
    """Replace `path` atomically; `state` (which latest/index it was built from) goes into the metadata."""
    metadata = {b"dataset": DATASET.encode(), **{k.encode(): v.encode() for k, v in state.items()}}
    table = registry.replace_schema_metadata(metadata)
    atomic_replace(path, lambda tmp: pq.write_table(table, tmp, compression="zstd"))


def registry_state(path: Path) -> dict[str, str] | None:
    """The state a registry file was built from, or None when it is missing or unreadable."""
    try:
        metadata = pq.read_schema(path).metadata or {}
    except (OSError, pa.ArrowInvalid):
        return None
    return {k.decode(): v.decode() for k, v in metadata.items() if k != b"dataset"}
