"""Per-document extraction results kept on disk, reused while the bytes and the extractor are unchanged.

The cache is content-addressed: `<root>/<extractor_version>/<sha256(path, bytes sha256)>.json`. Both the
CLI build and the per-document Dagster partitions read and write it, so whichever extracted a document
first, the other reuses the result.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pipeline.core
import pipeline.reference
from pipeline.core.claims import DocumentClaims
from pipeline.core.documents import SourceDocument

VERSIONED_PACKAGES = (pipeline.core, pipeline.reference)


@cache
def extractor_version() -> str:
    """A hash of the extraction code and reference data (recursively): any change invalidates the cache."""
    digest = hashlib.sha256()
    for package in VERSIONED_PACKAGES:
        root = Path(package.__file__).parent
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".csv") and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(document: SourceDocument) -> str:
    return hashlib.sha256(f"{document.source_path}\0{document.sha256}".encode()).hexdigest()[:32]


@dataclass(slots=True)
class CacheReport:
    """What one pass over documents did: which were extracted, how many came from the cache."""

    hits: int = 0
    extracted: list[str] = field(default_factory=list)  # doc ids


def extract_one(
    document: SourceDocument,
    extract: Callable[[SourceDocument], DocumentClaims],
    cache_root: Path | None,
) -> tuple[DocumentClaims, bool]:
    """One document's claims and whether they came from the cache."""
    folder = cache_root / extractor_version() if cache_root else None
    path = folder / f"{cache_key(document)}.json" if folder else None
    if path and path.exists():
        return DocumentClaims.from_json(json.loads(path.read_text(encoding="utf-8"))), True
    claims = extract(document)
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(claims.to_json(), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    return claims, False


def extract_with_cache(
    documents: Sequence[SourceDocument],
    extract: Callable[[SourceDocument], DocumentClaims],
    cache_root: Path | None,
    report: CacheReport | None = None,
    on_document: Callable[[SourceDocument], None] | None = None,
) -> tuple[list[DocumentClaims], int]:
    """Claims for every document, in input order, and how many came from the cache.

    `on_document(document)` is called after each one (for progress: `pipeline.progress.counter`).
    """
    report = report if report is not None else CacheReport()
    results = []
    for document in documents:
        claims, hit = extract_one(document, extract, cache_root)
        results.append(claims)
        if hit:
            report.hits += 1
        else:
            report.extracted.append(document.doc_id)
        if on_document is not None:
            on_document(document)
    return results, report.hits
