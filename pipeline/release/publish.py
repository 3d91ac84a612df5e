"""Publish a release: write-once, checksummed, self-describing, atomic, one publisher at a time.

Layout under the release root (see docs/releases.md)::

    index.json          append-only list: version, date, previous, manifest sha256, status
    latest.json         {"version", "manifest_sha256"}: the newest release that is not yanked
    latest.duckdb       views over the newest release (regenerated)
    registry.parquet    every id ever published (regenerated)
    v0.2.0/
        manifest.json  datapackage.json  SHA256SUMS  CHANGELOG.md  fact_ids.json  release.duckdb  report.html
        data/<table>.parquet
        diff/changes.parquet  diff/schema_changes.json

A release is written into a hidden staging folder, made read-only and renamed
into place; only then are index.json, latest.json and the derived files
replaced (each by temp file + os.replace), so a publisher killed at any point
leaves latest.json and every earlier release as they were. The next publish
removes stale staging folders and finishes an interrupted one (`catalog.recover`).

For tests, `SPACECOOP_CRASH_AT=<point>` kills the publishing process with
SIGKILL at one of CRASH_POINTS.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.analysis.report import write_report
from pipeline.release.catalog import append_release, recover, refresh_derived, set_latest
from pipeline.release.changelog import render_changelog
from pipeline.release.database import write_database
from pipeline.release.datapackage import build_datapackage, column_constraints
from pipeline.release.diff import (
    KEYED_TABLES,
    RowChange,
    count_changes,
    diff_schema,
    diff_tables,
    read_release_tables,
    schema_change_kind,
    write_changes,
)
from pipeline.release.hashing import content_hash, corpus_hash, file_sha256
from pipeline.release.layout import (
    DATASET,
    STAGING_PREFIX,
    dump_json,
    force_rmtree,
    publish_lock,
    read_json,
    read_latest,
    release_dir,
    write_json,
)
from pipeline.release.versioning import change_kind, next_version
from schemas.tables import (
    ARROW_SCHEMAS,
    MODELS,
    PRIMARY_KEYS,
    REJECTIONS,
    SCHEMA_VERSION,
    TABLES,
    empty_frame,
    to_arrow,
    validate,
)

__all__ = ["DATASET", "PublishResult", "latest_manifest", "publish", "publish_lock"]

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
FACT_TABLES = ("memberships", "agreements", "missions")
CRASH_ENV = "SPACECOOP_CRASH_AT"
CRASH_POINTS = ("staging", "staged", "renamed", "indexed", "latest")
REJECTIONS_FILE = "rejections.parquet"


@dataclass(frozen=True)
class PublishResult:
    published: bool
    version: str
    path: Path
    message: str
    rows: dict[str, int]


@dataclass(frozen=True)
class _Content:
    """Everything about the tables that does not depend on earlier releases."""

    arrow_tables: dict[str, pa.Table]
    hashes: dict[str, str]
    rows: dict[str, int]
    columns: dict[str, list[dict]]
    fact_ids: dict[str, list[str]]
    corpus: str
    inputs: list[dict]
    invariants: dict[str, bool]
    rejections: pa.Table  # input files that are not documents, with the reason (pipeline.core.intake)
    rejections_hash: str


@dataclass(frozen=True)
class _Plan:
    """What this release is relative to the previous one."""

    version: str
    kind: str
    previous: dict | None
    build_time: str
    schema_changes: dict[str, Any]
    changes: list[RowChange]


def _crash_point(name: str) -> None:
    """Test hook: die here, as abruptly as a power cut allows a process to, when asked to."""
    if os.environ.get(CRASH_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def latest_manifest(root: Path) -> dict | None:
    latest = read_latest(root)
    if latest is None:
        return None
    return read_json(release_dir(root, latest["version"]) / "manifest.json")


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
    """Column definitions: Arrow type; nullable, description and allowed values from the Pandera model."""
    model_columns = MODELS[table].to_schema().columns
    constraints = column_constraints(table)
    return [
        {
            "name": field.name,
            "type": str(field.type),
            "nullable": model_columns[field.name].nullable if field.name in model_columns else field.nullable,
            "description": getattr(model_columns.get(field.name), "description", None) or "",
            "allowed_values": constraints.get(field.name, {}).get("enum"),
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
    facts = {(t, i) for t in FACT_TABLES for i in arrow_tables[t][PRIMARY_KEYS[t]].to_pylist()}
    return {
        "evidence_quotes_exact": quotes_exact,
        "every_fact_has_evidence": facts <= backed,
        "evidence_fact_ids_exist": backed <= facts,
        "evidence_doc_ids_exist": all(e["doc_id"] in texts for e in evidence),
    }


def _rejections_table(frame: pd.DataFrame | None) -> pa.Table:
    frame = empty_frame(REJECTIONS) if frame is None else frame
    return to_arrow(REJECTIONS, validate(REJECTIONS, frame))


def _prepare(
    tables: dict[str, pd.DataFrame], inputs: list[dict], rejections: pd.DataFrame | None = None
) -> _Content:
    rejected = _rejections_table(rejections)
    arrow_tables = {t: to_arrow(t, tables[t]) for t in TABLES}
    invariants = _check_invariants(arrow_tables)
    if not all(invariants.values()):
        failed = ", ".join(k for k, ok in invariants.items() if not ok)
        raise ValueError(f"refusing to publish: invariant(s) failed: {failed}")
    return _Content(
        arrow_tables=arrow_tables,
        hashes={t: content_hash(arrow_tables[t], SORT_KEYS[t]) for t in TABLES},
        rows={t: arrow_tables[t].num_rows for t in TABLES},
        columns={t: _columns(t) for t in TABLES},
        fact_ids={t: sorted(arrow_tables[t][PRIMARY_KEYS[t]].to_pylist()) for t in FACT_TABLES},
        corpus=corpus_hash(inputs),
        inputs=sorted(inputs, key=lambda i: i["path"]),
        invariants=invariants,
        rejections=rejected,
        rejections_hash=content_hash(rejected, "source_path"),
    )


def _unchanged(previous: dict, content: _Content, schema_changes: dict[str, Any]) -> bool:
    return (
        previous["corpus_sha256"] == content.corpus
        and all(previous["tables"].get(t, {}).get("content_hash") == h for t, h in content.hashes.items())
        and schema_change_kind(schema_changes) is None
        and previous.get("rejections", {}).get("content_hash", _EMPTY_REJECTIONS_HASH)
        == content.rejections_hash
    )


_EMPTY_REJECTIONS_HASH = content_hash(ARROW_SCHEMAS[REJECTIONS].empty_table(), "source_path")


def _plan(
    root: Path, previous: dict | None, content: _Content, schema_changes: dict, build_time: str
) -> _Plan:
    version = next_version(previous, SCHEMA_VERSION, content.fact_ids, root, schema_changes)
    if previous is None:
        kind, old_tables = "initial", {}
    else:
        kind = change_kind(previous, SCHEMA_VERSION, content.fact_ids, root, schema_changes)
        old_tables = read_release_tables(release_dir(root, previous["version"]))
    new_tables = {t: content.arrow_tables[t] for t in KEYED_TABLES}
    return _Plan(version, kind, previous, build_time, schema_changes, diff_tables(old_tables, new_tables))


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


def _fsync_tree(folder: Path) -> None:
    """Flush every file and folder so the rename never exposes a release whose bytes are still in cache."""
    for path in [*sorted(folder.rglob("*"), reverse=True), folder]:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _file_entry(path: Path) -> dict[str, Any]:
    return {"bytes": path.stat().st_size, "sha256": file_sha256(path)}


def _write_tables(staging: Path, plan: _Plan, content: _Content) -> dict[str, dict]:
    entries = {}
    for table in TABLES:
        path = staging / "data" / f"{table}.parquet"
        extra = {
            "dataset": DATASET,
            "version": plan.version,
            "table": table,
            "content_hash": content.hashes[table],
        }
        _write_parquet(content.arrow_tables[table], path, extra)
        entries[table] = {
            "path": f"data/{table}.parquet",
            **_file_entry(path),
            "rows": content.rows[table],
            "content_hash": content.hashes[table],
            "primary_key": PRIMARY_KEYS.get(table),
            "sort_key": SORT_KEYS[table],
            "foreign_keys": FOREIGN_KEYS.get(table, []),
            "columns": content.columns[table],
        }
    return entries


def _write_diff(staging: Path, plan: _Plan) -> None:
    previous = plan.previous["version"] if plan.previous else None
    (staging / "diff").mkdir()
    meta = {"dataset": DATASET, "version": plan.version, "previous_version": previous or ""}
    write_changes(staging / "diff" / "changes.parquet", plan.changes, meta)
    write_json(
        staging / "diff" / "schema_changes.json",
        {
            "from": previous,
            "to": plan.version,
            "kind": schema_change_kind(plan.schema_changes),
            **plan.schema_changes,
        },
    )


def _write_changelog(staging: Path, plan: _Plan, content: _Content) -> None:
    text = render_changelog(
        dataset=DATASET,
        version=plan.version,
        previous=plan.previous["version"] if plan.previous else None,
        released=plan.build_time,
        kind=plan.kind,
        schema_changes=plan.schema_changes,
        changes=plan.changes,
        rows_before={t: e["rows"] for t, e in plan.previous["tables"].items()} if plan.previous else {},
        rows_after=content.rows,
    )
    (staging / "CHANGELOG.md").write_text(text, encoding="utf-8")


def _stage(staging: Path, plan: _Plan, content: _Content) -> dict:
    """Write the whole release into `staging`; return its manifest."""
    (staging / "data").mkdir(parents=True)
    table_entries = _write_tables(staging, plan, content)
    _crash_point("staging")
    # Fact ids are listed so the next release can be versioned without reading Parquet.
    write_json(staging / "fact_ids.json", content.fact_ids)
    _write_diff(staging, plan)
    _write_changelog(staging, plan, content)
    _write_parquet(
        content.rejections,
        staging / REJECTIONS_FILE,
        {
            "dataset": DATASET,
            "version": plan.version,
            "table": REJECTIONS,
            "content_hash": content.rejections_hash,
        },
    )
    write_database(staging / "release.duckdb", {t: staging / e["path"] for t, e in table_entries.items()})
    write_report(staging, build_time=plan.build_time)
    manifest = {
        "dataset": DATASET,
        "version": plan.version,
        "schema_version": SCHEMA_VERSION,
        "previous_version": plan.previous["version"] if plan.previous else None,
        "build_time": plan.build_time,
        "code": {"git_commit": _git_commit(), "libraries": _library_versions()},
        "corpus_sha256": content.corpus,
        "inputs": content.inputs,
        "tables": table_entries,
        "change": {"kind": plan.kind, "rows": count_changes(plan.changes)},
        "invariants": content.invariants,
        "rejections": {
            "path": REJECTIONS_FILE,
            "rows": content.rejections.num_rows,
            "content_hash": content.rejections_hash,
        },
    }
    names = (
        REJECTIONS_FILE,
        "release.duckdb",
        "report.html",
        "fact_ids.json",
        "CHANGELOG.md",
        "diff/changes.parquet",
        "diff/schema_changes.json",
    )
    files = {name: _file_entry(staging / name) for name in names}
    write_json(staging / "datapackage.json", build_datapackage(manifest, files))
    manifest["files"] = {**files, "datapackage.json": _file_entry(staging / "datapackage.json")}
    (staging / "manifest.json").write_text(dump_json(manifest), encoding="utf-8")
    listed = sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file())
    sums = [f"{file_sha256(staging / name)}  {name}" for name in listed if name != "SHA256SUMS"]
    (staging / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
    _fsync_tree(staging)
    _make_read_only(staging)
    return manifest


def publish(
    tables: dict[str, pd.DataFrame],
    inputs: list[dict],
    root: Path,
    *,
    build_time: datetime | None = None,
    rejections: pd.DataFrame | None = None,
) -> PublishResult:
    """Write a new release under `root` unless its content equals the newest release's.

    `tables` must already be validated; `inputs` lists each source file as
    {"path", "sha256", "bytes"}; `rejections` lists the input files that are not documents
    (`pipeline.core.intake`), written as rejections.parquet. Everything but `build_time` (and the files
    that record it) is a function of the tables and inputs.
    """
    content = _prepare(tables, inputs, rejections)
    with publish_lock(root):
        recover(root)
        previous = latest_manifest(root)
        schema_changes = diff_schema(
            previous["tables"] if previous else None, {t: {"columns": c} for t, c in content.columns.items()}
        )
        if previous is not None and _unchanged(previous, content, schema_changes):
            path = release_dir(root, previous["version"])
            return PublishResult(
                False, previous["version"], path, "nothing changed; no release made", content.rows
            )
        stamp = (build_time or datetime.now(UTC)).isoformat(timespec="seconds")
        plan = _plan(root, previous, content, schema_changes, stamp)
        final = release_dir(root, plan.version)
        staging = root / f"{STAGING_PREFIX}v{plan.version}-{os.getpid()}"
        force_rmtree(staging)
        try:
            manifest = _stage(staging, plan, content)
            _crash_point("staged")
            os.rename(staging, final)
        except BaseException:
            force_rmtree(staging)
            raise
        _crash_point("renamed")
        manifest_sha = file_sha256(final / "manifest.json")
        append_release(root, manifest, manifest_sha)
        _crash_point("indexed")
        set_latest(root, plan.version, manifest_sha)
        _crash_point("latest")
        refresh_derived(root)
        return PublishResult(True, plan.version, final, f"published v{plan.version}", content.rows)
