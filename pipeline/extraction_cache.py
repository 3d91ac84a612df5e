"""Per-document extraction results kept on disk, reused while the bytes and the extractor are unchanged."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from pipeline.core.claims import DocumentClaims
from pipeline.core.documents import SourceDocument


@cache
def extractor_version() -> str:
    """A hash of the extraction code and reference data: any change invalidates the cache."""
    digest = hashlib.sha256()
    for package in ("pipeline.core", "pipeline.reference"):
        for entry in sorted(resources.files(package).iterdir(), key=lambda e: e.name):
            if entry.is_file() and entry.name.endswith((".py", ".csv")):
                digest.update(entry.name.encode())
                digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(document: SourceDocument) -> str:
    return hashlib.sha256(f"{document.source_path}\0{document.sha256}".encode()).hexdigest()[:32]


def extract_with_cache(
    documents: Sequence[SourceDocument],
    extract: Callable[[SourceDocument], DocumentClaims],
    cache_root: Path | None,
) -> tuple[list[DocumentClaims], int]:
    """Claims for every document, in input order, and how many came from the cache."""
    folder = cache_root / extractor_version() if cache_root else None
    if folder:
        folder.mkdir(parents=True, exist_ok=True)
    results, hits = [], 0
    for document in documents:
        path = folder / f"{cache_key(document)}.json" if folder else None
        if path and path.exists():
            results.append(DocumentClaims.from_json(json.loads(path.read_text(encoding="utf-8"))))
            hits += 1
            continue
        claims = extract(document)
        results.append(claims)
        if path:
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(claims.to_json(), ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
    return results, hits
