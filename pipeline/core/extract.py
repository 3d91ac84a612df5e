"""Extraction entry point: one document's text in, its claims out."""

from __future__ import annotations

from pipeline.core.claims import DocumentClaims
from pipeline.core.documents import SourceDocument


def extract_document(document: SourceDocument) -> DocumentClaims:
    """Read one document and return every membership, agreement and mission it states."""
    return DocumentClaims(doc_id=document.doc_id)
