"""`spacecoop verify`: recompute a release's checksums, row counts, content hashes and invariants.

Trust flows from one anchor: the manifest sha256 recorded in index.json (and
latest.json). A manifest that matches it is trusted, and its checksums judge
every other file; SHA256SUMS must agree with both. So a changed byte is blamed
on the file that changed: a data file that differs from the manifest, a
SHA256SUMS line that differs from a file the manifest vouches for, or a
manifest that differs from the index.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq

from pipeline.core.invariants import evidence_problems
from pipeline.release.hashing import content_hash, file_sha256
from pipeline.release.layout import (
    INDEX,
    LATEST,
    index_entry,
    normalize_version,
    read_index,
    read_latest,
    release_dir,
    release_folders,
)
from schemas.tables import PRIMARY_KEYS, from_arrow

SUMS = "SHA256SUMS"
MANIFEST = "manifest.json"
FACT_TABLES = ("memberships", "agreements", "missions")
PARQUET_KEYS = ("dataset", "version", "table", "content_hash")


@dataclass(frozen=True, order=True)
class Problem:
    """A mismatch, named by the file's path relative to the release root."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class ReleaseReport:
    version: str
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def parse_sums(text: str) -> tuple[dict[str, str], list[str]]:
    """SHA256SUMS lines `<hex>  <path>` -> {path: hex}, and a description of each malformed line."""
    sums: dict[str, str] = {}
    malformed = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line:
            continue
        digest, sep, path = line.partition("  ")
        valid_hex = len(digest) == 64 and all(c in "0123456789abcdef" for c in digest)
        if not sep or not path or not valid_hex or path in sums:
            malformed.append(f"malformed or duplicate line {number}")
            continue
        sums[path] = digest
    if text and not text.endswith("\n"):
        malformed.append("does not end with a newline")
    return sums, malformed


def _file_hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): file_sha256(p) for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _expected(manifest: dict[str, Any], anchor: str) -> dict[str, str]:
    expected = {MANIFEST: anchor}
    expected.update({entry["path"]: entry["sha256"] for entry in manifest.get("tables", {}).values()})
    expected.update({name: entry["sha256"] for name, entry in manifest.get("files", {}).items()})
    return expected


def _check_sums(
    actual: dict[str, str], expected: dict[str, str], sums: dict[str, str], sums_broken: bool
) -> list[tuple[str, str]]:
    found = []
    for rel, listed in sums.items():
        if rel not in actual:
            if rel not in expected:
                found.append((SUMS, f"lists {rel}, which does not exist"))
        elif listed != actual[rel]:
            if expected.get(rel) == actual[rel]:
                found.append((SUMS, f"lists a wrong sha256 for {rel}"))
            elif rel not in expected:
                found.append((rel, f"sha256 {actual[rel][:16]}… does not match SHA256SUMS ({listed[:16]}…)"))
    for rel in actual:
        if rel == SUMS or rel in sums:
            continue
        if rel in expected and (sums_broken or expected[rel] == actual[rel]):
            found.append((SUMS, f"does not list {rel}"))
        elif rel not in expected:
            found.append((rel, "is not part of the release (not listed in SHA256SUMS)"))
    return found


def verify_files(folder: Path, anchor: str | None) -> tuple[list[Problem], dict[str, Any] | None]:
    """Checksums of every file in a release folder; the manifest is returned when it can be trusted.

    `anchor` is the manifest's sha256 from index.json; without one, SHA256SUMS's line is used.
    """
    actual = _file_hashes(folder)
    found: list[tuple[str, str]] = []
    sums_text = (folder / SUMS).read_text(encoding="utf-8", errors="replace") if SUMS in actual else ""
    if SUMS not in actual:
        found.append((SUMS, "is missing"))
    sums, malformed = parse_sums(sums_text)
    found += [(SUMS, m) for m in malformed]
    anchor = anchor or sums.get(MANIFEST)
    manifest = None
    if MANIFEST not in actual:
        found.append((MANIFEST, "is missing"))
    elif anchor is None or actual[MANIFEST] != anchor:
        found.append(
            (MANIFEST, f"sha256 {actual[MANIFEST][:16]}… differs from the recorded {str(anchor)[:16]}…")
        )
    else:
        try:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            found.append((MANIFEST, f"is not valid JSON: {exc}"))
    expected = _expected(manifest, actual[MANIFEST]) if manifest else {}
    for rel, sha in expected.items():
        if rel not in actual:
            found.append((rel, "is missing"))
        elif rel != MANIFEST and actual[rel] != sha:
            found.append((rel, f"sha256 {actual[rel][:16]}… differs from the manifest's {sha[:16]}…"))
    named = {rel for rel, _ in found}
    found += [(rel, m) for rel, m in _check_sums(actual, expected, sums, bool(malformed)) if rel not in named]
    return [Problem(f"{folder.name}/{rel}", message) for rel, message in found], manifest


def _check_parquet(folder: Path, table: str, entry: dict[str, Any], version: str) -> tuple[list[str], Any]:
    path = folder / entry["path"]
    found = []
    parquet = pq.ParquetFile(path)
    if parquet.metadata.num_rows != entry["rows"]:
        found.append(f"{parquet.metadata.num_rows} rows, the manifest says {entry['rows']}")
    metadata = {k.decode(): v.decode() for k, v in (parquet.schema_arrow.metadata or {}).items()}
    wanted = {
        "dataset": "spacecoop",
        "version": version,
        "table": table,
        "content_hash": entry["content_hash"],
    }
    for key in PARQUET_KEYS:
        if metadata.get(key) != wanted[key]:
            found.append(f"key-value metadata {key}={metadata.get(key)!r}, expected {wanted[key]!r}")
    data = parquet.read()
    if data.num_rows != entry["rows"]:
        found.append(f"read {data.num_rows} rows, the manifest says {entry['rows']}")
    recomputed = content_hash(data, entry["sort_key"])
    if recomputed != entry["content_hash"]:
        found.append(
            f"content hash {recomputed[:16]}… differs from the manifest's {entry['content_hash'][:16]}…"
        )
    return found, data


def _check_evidence(tables: dict[str, Any]) -> list[str]:
    """The contract's invariants; skipped when a table could not be read (that file is already named)."""
    if not {"evidence", "documents", *FACT_TABLES} <= tables.keys():
        return []
    frames = {t: from_arrow(tables[t]) for t in ("evidence", "documents", *FACT_TABLES)}
    found = evidence_problems(frames["evidence"], frames["documents"], {t: frames[t] for t in FACT_TABLES})
    if not found:
        return []
    more = f" (and {len(found) - 3} more)" if len(found) > 3 else ""
    return [f"evidence invariant broken: {'; '.join(found[:3])}{more}"]


def _check_fact_ids(folder: Path, tables: dict[str, Any]) -> list[str]:
    path = folder / "fact_ids.json"
    if not path.exists():
        return []
    recorded = json.loads(path.read_text(encoding="utf-8"))
    differing = [
        t
        for t in FACT_TABLES
        if t in tables and recorded.get(t) != sorted(tables[t][PRIMARY_KEYS[t]].to_pylist())
    ]
    return [f"does not list the ids of {', '.join(differing)}"] if differing else []


def _check_database(folder: Path, manifest: dict[str, Any]) -> list[str]:
    path = folder / "release.duckdb"
    if not path.exists():
        return []
    found = []
    with duckdb.connect(str(path), read_only=True) as con:
        for table, entry in manifest["tables"].items():
            count = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            if count != entry["rows"]:
                found.append(f"table {table} has {count} rows, the manifest says {entry['rows']}")
    return found


def _check_datapackage(folder: Path, manifest: dict[str, Any]) -> list[str]:
    path = folder / "datapackage.json"
    if not path.exists():
        return []
    package = json.loads(path.read_text(encoding="utf-8"))
    found = [] if package.get("version") == manifest["version"] else ["version differs from the manifest's"]
    resources = {r["name"]: r for r in package.get("resources", [])}
    for table, entry in manifest["tables"].items():
        resource = resources.get(table)
        if resource is None or resource.get("hash") != f"sha256:{entry['sha256']}":
            found.append(f"resource {table} does not carry the manifest's sha256")
    return found


def _oneline(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _guarded(check: Any, *args: Any) -> list[str]:
    try:
        return check(*args)
    except Exception as exc:  # a corrupted file can raise anything; report it, do not crash
        return [f"cannot be read: {type(exc).__name__}: {_oneline(exc)}"]


def verify_content(folder: Path, manifest: dict[str, Any]) -> tuple[list[Problem], int]:
    """Row counts, Parquet metadata, content hashes, the evidence invariant and the derived files."""
    version = folder.name[1:]
    found: list[tuple[str, str]] = []
    if manifest.get("version") != version:
        found.append((MANIFEST, f"says version {manifest.get('version')!r}, the folder is {folder.name}"))
    tables: dict[str, Any] = {}
    for table, entry in manifest["tables"].items():
        if not (folder / entry["path"]).exists():
            continue
        try:
            messages, data = _check_parquet(folder, table, entry, version)
            tables[table] = data
        except Exception as exc:  # a flipped byte can make Parquet unreadable in many ways
            messages = [f"cannot be read: {type(exc).__name__}: {_oneline(exc)}"]
        found += [(entry["path"], m) for m in messages]
    found += [("data/evidence.parquet", m) for m in _guarded(_check_evidence, tables)]
    found += [("fact_ids.json", m) for m in _guarded(_check_fact_ids, folder, tables)]
    found += [("release.duckdb", m) for m in _guarded(_check_database, folder, manifest)]
    found += [("datapackage.json", m) for m in _guarded(_check_datapackage, folder, manifest)]
    rows = sum(t.num_rows for t in tables.values())
    return [Problem(f"{folder.name}/{rel}", message) for rel, message in found], rows


def verify_release(root: Path, version: str) -> ReleaseReport:
    """Every check on one release, anchored on index.json's manifest sha256."""
    version = normalize_version(version)
    folder = release_dir(root, version)
    report = ReleaseReport(version)
    if not folder.is_dir():
        report.problems.append(Problem(folder.name, "release folder is missing"))
        return report
    try:
        index, latest = read_index(root), read_latest(root)
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        index, latest = {"releases": []}, None
        report.problems.append(Problem(INDEX, f"cannot be read: {exc}"))
    entry = index_entry(index, version)
    if entry is None:
        report.problems.append(Problem(INDEX, f"does not list {version}"))
    anchor = entry["manifest_sha256"] if entry else None
    if latest and latest["version"] == version and anchor and latest.get("manifest_sha256") != anchor:
        report.problems.append(Problem(LATEST, "manifest_sha256 differs from index.json's"))
    problems, manifest = verify_files(folder, anchor)
    report.problems += problems
    report.files = sum(1 for p in folder.rglob("*") if p.is_file())
    if manifest is not None:
        content_problems, report.rows = verify_content(folder, manifest)
        report.problems += content_problems
    report.problems = sorted(dict.fromkeys(report.problems), key=lambda p: p.path)  # checksums first per file
    return report


def verify_root(root: Path) -> list[Problem]:
    """Problems of the root's own files: index.json, latest.json and unlisted release folders."""
    problems = []
    try:
        index, latest = read_index(root), read_latest(root)
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        return [Problem(INDEX, f"index.json or latest.json cannot be read: {exc}")]
    versions = [e["version"] for e in index["releases"]]
    if len(versions) != len(set(versions)):
        problems.append(Problem(INDEX, "lists a version twice"))
    current = [e["version"] for e in index["releases"] if e["status"] == "current"]
    if latest is not None:
        entry = index_entry(index, latest["version"])
        if entry is None or entry["status"] != "current":
            problems.append(
                Problem(LATEST, f"names {latest['version']}, which index.json does not mark current")
            )
        elif entry["manifest_sha256"] != latest.get("manifest_sha256"):
            problems.append(Problem(LATEST, "manifest_sha256 differs from index.json's"))
    elif current:
        problems.append(Problem(LATEST, f"is missing; index.json marks {current[0]} current"))
    problems += [
        Problem(folder.name, "not listed in index.json (an interrupted publish; the next publish adopts it)")
        for folder in release_folders(root)
        if folder.name[1:] not in versions
    ]
    return problems


def verify(root: Path, version: str | None = None) -> tuple[list[Problem], list[ReleaseReport]]:
    """Root problems and one report per release (every release in index.json when `version` is None)."""
    if version is not None:
        return [], [verify_release(root, version)]
    versions = [e["version"] for e in read_index(root)["releases"]] if (root / INDEX).exists() else []
    return verify_root(root), [verify_release(root, v) for v in versions]
