"""Checksums: of files, and of a table's content independent of how Parquet encoded it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyarrow as pa


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def content_hash(table: pa.Table, sort_by: str | list[str]) -> str:
    """sha256 over the rows as canonical JSON lines, sorted by `sort_by`, columns in schema order."""
    keys = [sort_by] if isinstance(sort_by, str) else sort_by
    ordered = table.sort_by([(k, "ascending") for k in keys]) if table.num_rows else table
    digest = hashlib.sha256()
    digest.update(json.dumps(ordered.schema.names).encode())
    for batch in ordered.to_batches(max_chunksize=65536):
        for row in batch.to_pylist():
            line = json.dumps(list(row.values()), ensure_ascii=False, separators=(",", ":"), default=str)
            digest.update(line.encode("utf-8"))
            digest.update(b"\n")
    return digest.hexdigest()


def corpus_hash(inputs: list[dict]) -> str:
    """One hash over every input's path and sha256, in path order."""
    lines = sorted(f"{i['sha256']}  {i['path']}" for i in inputs)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
