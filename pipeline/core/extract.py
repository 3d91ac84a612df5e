"""Extraction entry point: one document's text in, its claims out."""

from __future__ import annotations

from pipeline.core.claims import DocumentClaims
from pipeline.core.documents import SourceDocument
from pipeline.core.gazetteer import Gazetteer
from pipeline.core.reading import read
from pipeline.core.rules.agreements import accords_from_memberships, extract_agreements
from pipeline.core.rules.frameworks import FrameworkTracker
from pipeline.core.rules.memberships import extract_memberships, memberships_from_instruments
from pipeline.core.rules.missions import extract_missions


def extract_text(doc_id: str, text: str, gazetteer: Gazetteer | None = None) -> DocumentClaims:
    """Read `text` and return every membership, agreement and mission it states."""
    doc = read(doc_id, text, gazetteer or Gazetteer.default())
    memberships = extract_memberships(doc, FrameworkTracker(doc))
    agreements = extract_agreements(doc, FrameworkTracker(doc)) + accords_from_memberships(doc, memberships)
    memberships += memberships_from_instruments(doc, agreements)
    return DocumentClaims(doc_id, memberships, agreements, extract_missions(doc))


def extract_document(document: SourceDocument) -> DocumentClaims:
    return extract_text(document.doc_id, document.text)
