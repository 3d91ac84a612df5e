"""The release root's pointers and the files regenerated from them.

index.json is append-only (a new release is appended; an entry's status moves
from current to superseded or yanked, never away); latest.json names the
newest release that is not yanked; registry.parquet and latest.duckdb are
regenerated from those two whenever they change. Call these under
`publish_lock` only.

Order of a publish: the release folder is renamed into place (the commit
point), then index.json is appended, then latest.json replaced, then the
derived files regenerated. A publisher killed between two steps leaves every
earlier file as it was; `recover` (run by the next publish) finishes the steps.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from pipeline.release.database import latest_database_info, write_latest_database
from pipeline.release.hashing import file_sha256
from pipeline.release.layout import (
    INDEX,
    LATEST,
    LATEST_DATABASE,
    REGISTRY,
    atomic_replace,
    atomic_write_json,
    clean_stale,
    index_entry,
    normalize_version,
    publish_lock,
    read_index,
    read_json,
    read_latest,
    release_dir,
    release_folders,
)
from pipeline.release.registry import build_registry, registry_state, write_registry
from pipeline.release.verify import verify_files


def append_release(root: Path, manifest: dict, manifest_sha256: str) -> None:
    """Append a release to index.json as `current`; the previous current one becomes `superseded`."""
    index = read_index(root)
    for entry in index["releases"]:
        if entry["status"] == "current":
            entry["status"] = "superseded"
    index["releases"].append(
        {
            "version": manifest["version"],
            "date": manifest["build_time"],
            "previous": manifest["previous_version"],
            "manifest_sha256": manifest_sha256,
            "status": "current",
        }
    )
    atomic_write_json(root / INDEX, index)


def set_latest(root: Path, version: str | None, manifest_sha256: str | None) -> None:
    atomic_write_json(root / LATEST, {"version": version, "manifest_sha256": manifest_sha256})


def _current(index: dict) -> dict | None:
    return next((e for e in reversed(index["releases"]) if e["status"] == "current"), None)


def _state(root: Path) -> dict[str, str]:
    latest = read_latest(root) or {}
    index = root / INDEX
    return {
        "version": latest.get("version") or "",
        "manifest_sha256": latest.get("manifest_sha256") or "",
        "index_sha256": hashlib.sha256(index.read_bytes()).hexdigest() if index.exists() else "",
    }


def refresh_derived(root: Path, *, force: bool = False) -> list[str]:
    """Regenerate registry.parquet and latest.duckdb (temp file + os.replace) when they are out of date."""
    done = []
    state = _state(root)
    if force or registry_state(root / REGISTRY) != state:
        yanked = [e["version"] for e in read_index(root)["releases"] if e["status"] == "yanked"]
        write_registry(root / REGISTRY, build_registry(root, state["version"] or None, yanked), state)
        done.append(REGISTRY)
    database = root / LATEST_DATABASE
    if not state["version"]:
        database.unlink(missing_ok=True)
        return done
    folder = release_dir(root, state["version"])
    # The views hold absolute paths: a root that was moved or copied gets its views rewritten too.
    info = {
        "version": state["version"],
        "manifest_sha256": state["manifest_sha256"],
        "path": str(folder.resolve()),
    }
    if force or latest_database_info(database) != info:
        tables = list(read_json(folder / "manifest.json")["tables"])
        atomic_replace(database, lambda tmp: write_latest_database(tmp, folder, tables, info))
        done.append(LATEST_DATABASE)
    return done


def _adopt_orphans(root: Path) -> list[str]:
    """Index release folders a killed publisher renamed into place but did not list."""
    messages = []
    index = read_index(root)
    listed = {e["version"] for e in index["releases"]}
    current = _current(index)
    head = current["version"] if current else None
    for folder in release_folders(root):
        version = folder.name[1:]
        if version in listed:
            continue
        problems, manifest = verify_files(folder, None)
        if problems or manifest is None or manifest.get("previous_version") != head:
            messages.append(f"left {folder.name} unlisted: it does not verify or does not follow {head}")
            continue
        append_release(root, manifest, file_sha256(folder / "manifest.json"))
        head = version
        messages.append(f"listed {folder.name}, published by an interrupted run")
    return messages


def recover(root: Path) -> list[str]:
    """Finish what a killed publisher left: remove staging, list orphans, bring pointers up to date."""
    messages = [f"removed stale {name}" for name in clean_stale(root)]
    messages += _adopt_orphans(root)
    current = _current(read_index(root))
    latest = read_latest(root)
    if current is not None:
        wanted = {"version": current["version"], "manifest_sha256": current["manifest_sha256"]}
        if latest != wanted:
            set_latest(root, current["version"], current["manifest_sha256"])
            messages.append(f"latest.json now names {current['version']}")
    if (root / INDEX).exists():
        messages += [f"regenerated {name}" for name in refresh_derived(root)]
    return messages


def yank(root: Path, version: str, reason: str, *, now: datetime | None = None) -> str:
    """Mark a release yanked in index.json (its files stay); latest.json moves to the newest one left."""
    version = normalize_version(version)
    if not reason.strip():
        raise ValueError("a yank needs a reason")
    with publish_lock(root):
        recover(root)
        index = read_index(root)
        entry = index_entry(index, version)
        if entry is None:
            raise KeyError(f"no release {version} in {root / INDEX}")
        if entry["status"] == "yanked":
            raise ValueError(f"{version} is already yanked ({entry.get('yanked_reason')})")
        was_current = entry["status"] == "current"
        entry.update(
            status="yanked",
            yanked_at=(now or datetime.now(UTC)).isoformat(timespec="seconds"),
            yanked_reason=reason.strip(),
        )
        successor = None
        if was_current:
            remaining = [e for e in index["releases"] if e["status"] != "yanked"]
            successor = remaining[-1] if remaining else None
            if successor is not None:
                successor["status"] = "current"
        atomic_write_json(root / INDEX, index)
        if was_current:
            set_latest(
                root, *((successor["version"], successor["manifest_sha256"]) if successor else (None, None))
            )
        refresh_derived(root)
    if not was_current:
        return f"yanked {version}; latest is unchanged"
    now_latest = successor["version"] if successor else "none (every release is yanked)"
    return f"yanked {version}; latest is now {now_latest}"
