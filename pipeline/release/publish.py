"""Publish a release: write-once, checksummed, atomic, one publisher at a time.

Layout under the release root::

    index.json          append-only list of releases
    latest.json         {"version", "manifest_sha256"}: the only file ever replaced
    v0.1.0/
        manifest.json   SHA256SUMS   release.duckdb
        data/<table>.parquet
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.release.database import write_database
from pipeline.release.hashing import content_hash, corpus_hash, file_sha256
from pipeline.release.versioning import next_version
from schemas.tables import ARROW_SCHEMAS, MODELS, PRIMARY_KEYS, SCHEMA_VERSION, TABLES, to_arrow

DATASET = "spacecoop"
LIBRARIES = ("dagster", "pandas", "pyarrow", "pandera", "duckdb", "pyahocorasick", "pycountry")
FOREIGN_KEYS = {
    "evidence": [
        {"fields": "doc_id", "reference": {"resource": "documents", "fields": "doc_id"}},
        {"fields": "fact_id", "reference": {"resource": "memberships|agreements|missions (by fact_table)"}},
    ],
    "conflicts": [{"fields": "doc_id", "reference": {"resource": "documents", "fields": "doc_id"}}],
}
SORT_KEYS: dict[str, list[str]] = {
    **{t: [k] for t, k in PRIMARY_KEYS.items()},
    "conflicts": ["fact_table", "fact_id", "attribute", "doc_id", "char_start", "value"],
}


@dataclass(frozen=True)
class PublishResult:
    published: bool
    version: str
    path: Path
    message: str
    rows: dict[str, int]


def _read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")


def _atomic_write_json(path: Path, data: object) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    _write_json(tmp, data)
    with tmp.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, path)


@contextlib.contextmanager
def publish_lock(root: Path) -> Iterator[None]:
    """An exclusive lock on the release root; a second publisher waits for the first."""
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".lock").open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def latest_manifest(root: Path) -> dict | None:
    latest = root / "latest.json"
    if not latest.exists():
        return None
    version = _read_json(latest)["version"]
    return _read_json(root / f"v{version}" / "manifest.json")


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=Path(__file__).resolve().parent,
            capture_output=True,
            text=True,
            check=True,
            timeout=5,
        )
        return out.stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None


def _library_versions() -> dict[str, str]:
    versions = {}
    for name in LIBRARIES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[name] = metadata.version(name)
    return versions


def _columns(table: str) -> list[dict]:
    model_columns = MODELS[table].to_schema().columns
    return [
        {
            "name": field.name,
            "type": str(field.type),
            "nullable": field.nullable,
            "description": getattr(model_columns.get(field.name), "description", None) or "",
        }
        for field in ARROW_SCHEMAS[table]
    ]


def _check_invariants(arrow_tables: dict[str, pa.Table]) -> dict[str, bool]:
    """The contract's invariants, recomputed on the tables about to be published."""
    texts = dict(
        zip(
            arrow_tables["documents"]["doc_id"].to_pylist(),
            arrow_tables["documents"]["text"].to_pylist(),
            strict=True,
        )
    )
    evidence = arrow_tables["evidence"].to_pylist()
    quotes_exact = all(
        e["doc_id"] in texts and texts[e["doc_id"]][e["char_start"] : e["char_end"]] == e["quote"]
        for e in evidence
    )
    backed = {(e["fact_table"], e["fact_id"]) for e in evidence}
    facts = {
        (t, i)
        for t in ("memberships", "agreements", "missions")
        for i in arrow_tables[t][PRIMARY_KEYS[t]].to_pylist()
    }
    return {
        "evidence_quotes_exact": quotes_exact,
        "every_fact_has_evidence": facts <= backed,
        "evidence_fact_ids_exist": backed <= facts,
        "evidence_doc_ids_exist": all(e["doc_id"] in texts for e in evidence),
    }


def _write_parquet(table: pa.Table, path: Path, extra: dict[str, str]) -> None:
    metadata_ = dict(table.schema.metadata or {})
    metadata_.update({k.encode(): v.encode() for k, v in extra.items()})
    pq.write_table(
        table.replace_schema_metadata(metadata_),
        path,
        compression="zstd",
        use_dictionary=True,
        write_statistics=True,
        row_group_size=128 * 1024,
    )


def _make_read_only(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), reverse=True):
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    folder.chmod(folder.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def publish(
    tables: dict[str, pd.DataFrame],
    inputs: list[dict],
    root: Path,
    *,
    build_time: datetime | None = None,
) -> PublishResult:
    """Write a new release under `root` unless its content equals the newest release's.

    `tables` must already be validated; `inputs` lists each source file as
    {"path", "sha256", "bytes"}.
    """
    arrow_tables = {t: to_arrow(t, tables[t]) for t in TABLES}
    hashes = {t: content_hash(arrow_tables[t], SORT_KEYS[t]) for t in TABLES}
    corpus = corpus_hash(inputs)
    rows = {t: arrow_tables[t].num_rows for t in TABLES}
    invariants = _check_invariants(arrow_tables)
    if not all(invariants.values()):
        failed = ", ".join(k for k, ok in invariants.items() if not ok)
        raise ValueError(f"refusing to publish: invariant(s) failed: {failed}")
    fact_ids = {
        t: sorted(arrow_tables[t][PRIMARY_KEYS[t]].to_pylist())
        for t in ("memberships", "agreements", "missions")
    }

    with publish_lock(root):
        previous = latest_manifest(root)
        if (
            previous is not None
            and previous["corpus_sha256"] == corpus
            and all(previous["tables"].get(t, {}).get("content_hash") == h for t, h in hashes.items())
        ):
            path = root / f"v{previous['version']}"
            return PublishResult(False, previous["version"], path, "nothing changed; no release made", rows)
        version = next_version(previous, SCHEMA_VERSION, fact_ids, root)
        final = root / f"v{version}"
        staging = root / f".staging-v{version}-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        (staging / "data").mkdir(parents=True)
        parquet_files = {}
        table_entries = {}
        for table in TABLES:
            path = staging / "data" / f"{table}.parquet"
            _write_parquet(
                arrow_tables[table],
                path,
                {"dataset": DATASET, "version": version, "table": table, "content_hash": hashes[table]},
            )
            parquet_files[table] = path
            table_entries[table] = {
                "path": f"data/{table}.parquet",
                "bytes": path.stat().st_size,
                "sha256": file_sha256(path),
                "rows": rows[table],
                "content_hash": hashes[table],
                "primary_key": PRIMARY_KEYS.get(table),
                "sort_key": SORT_KEYS[table],
                "foreign_keys": FOREIGN_KEYS.get(table, []),
                "columns": _columns(table),
            }
        # Fact ids are listed so the next release can be versioned (and diffed) without reading Parquet.
        _write_json(staging / "fact_ids.json", fact_ids)
        write_database(staging / "release.duckdb", parquet_files)
        manifest = {
            "dataset": DATASET,
            "version": version,
            "schema_version": SCHEMA_VERSION,
            "previous_version": previous["version"] if previous else None,
            "build_time": (build_time or datetime.now(UTC)).isoformat(timespec="seconds"),
            "code": {"git_commit": _git_commit(), "libraries": _library_versions()},
            "corpus_sha256": corpus,
            "inputs": sorted(inputs, key=lambda i: i["path"]),
            "tables": table_entries,
            "files": {
                name: {"bytes": (staging / name).stat().st_size, "sha256": file_sha256(staging / name)}
                for name in ("release.duckdb", "fact_ids.json")
            },
            "invariants": invariants,
        }
        _write_json(staging / "manifest.json", manifest)
        sums = sorted(
            f"{file_sha256(p)}  {p.relative_to(staging).as_posix()}"
            for p in staging.rglob("*")
            if p.is_file() and p.name != "SHA256SUMS"
        )
        (staging / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
        _make_read_only(staging)
        os.rename(staging, final)
        manifest_sha = file_sha256(final / "manifest.json")
        index_path = root / "index.json"
        index = _read_json(index_path) if index_path.exists() else {"dataset": DATASET, "releases": []}
        for entry in index["releases"]:
            if entry["status"] == "current":
                entry["status"] = "superseded"
        index["releases"].append(
            {
                "version": version,
                "date": manifest["build_time"],
                "previous": manifest["previous_version"],
                "manifest_sha256": manifest_sha,
                "status": "current",
            }
        )
        _atomic_write_json(index_path, index)
        _atomic_write_json(root / "latest.json", {"version": version, "manifest_sha256": manifest_sha})
        return PublishResult(True, version, final, f"published v{version}", rows)
