"""Assets: raw documents → claims → merged tables → release. Logic lives in `pipeline.core`."""

import dagster as dg
import pandas as pd

from pipeline.core.claims import DocumentClaims
from pipeline.core.documents import SourceDocument, discover, read_document
from pipeline.core.extract import extract_document
from pipeline.core.merge import build_tables
from pipeline.defs.markdown import markdown_table
from pipeline.defs.resources import PipelineSettings
from pipeline.extraction_cache import extract_with_cache, extractor_version
from pipeline.release.publish import publish
from schemas.tables import TABLES, validate

TABLE_DESCRIPTIONS = {
    "memberships": "Who belongs to which cooperation framework, one row per (member, organization).",
    "agreements": "Agreements and cooperation instruments with their parties, date, type and status.",
    "missions": "Missions and programmes with target, launch details and non-Chinese partners.",
    "documents": "Source documents; `text` is what evidence offsets index into.",
    "evidence": "One row per (fact, supporting span): the exact quote behind every fact.",
    "conflicts": "Claims that disagree on an attribute of one fact, and which value was chosen.",
}


def _preview(frame: pd.DataFrame, rows: int = 5) -> dg.MetadataValue:
    shown = frame.drop(columns=[c for c in ("text",) if c in frame.columns])
    return dg.MetadataValue.md(markdown_table(shown, rows=rows))


@dg.asset(group_name="sources", description="Every supported file of the corpus, decoded without changes.")
def source_documents(context: dg.AssetExecutionContext, settings: PipelineSettings) -> list[SourceDocument]:
    corpus = settings.corpus
    documents = [read_document(path, corpus) for path in discover(corpus)]
    context.add_output_metadata(
        {
            "corpus": dg.MetadataValue.path(str(corpus)),
            "documents": len(documents),
            "bytes": sum(d.bytes for d in documents),
        }
    )
    return documents


@dg.asset(
    group_name="extraction",
    description="Claims read from each document (cached per document and extractor version).",
    code_version=extractor_version(),
)
def document_claims(
    context: dg.AssetExecutionContext, settings: PipelineSettings, source_documents: list[SourceDocument]
) -> list[DocumentClaims]:
    claims, hits = extract_with_cache(source_documents, extract_document, settings.cache / "claims")
    counts = pd.DataFrame(
        [
            {
                "doc_id": c.doc_id,
                "memberships": len(c.memberships),
                "agreements": len(c.agreements),
                "missions": len(c.missions),
            }
            for c in claims
        ]
    )
    context.add_output_metadata(
        {
            "documents": len(claims),
            "reused_from_cache": hits,
            "extracted": len(claims) - hits,
            "extractor_version": extractor_version(),
            "claims_per_document": _preview(counts, rows=20),
        }
    )
    return claims


@dg.multi_asset(
    group_name="tables",
    outs={name: dg.AssetOut(description=TABLE_DESCRIPTIONS[name]) for name in TABLES},
)
def dataset_tables(
    context: dg.AssetExecutionContext,
    source_documents: list[SourceDocument],
    document_claims: list[DocumentClaims],
):
    """Merge claims from all documents into the dataset's tables."""
    tables = build_tables(source_documents, document_claims)
    for name in TABLES:
        frame = tables[name]
        yield dg.Output(frame, output_name=name, metadata={"rows": len(frame), "preview": _preview(frame)})


@dg.asset(group_name="release", description="A versioned, checksummed release of the validated tables.")
def release(
    context: dg.AssetExecutionContext,
    settings: PipelineSettings,
    source_documents: list[SourceDocument],
    memberships: pd.DataFrame,
    agreements: pd.DataFrame,
    missions: pd.DataFrame,
    documents: pd.DataFrame,
    evidence: pd.DataFrame,
    conflicts: pd.DataFrame,
) -> dg.MaterializeResult:
    frames = {
        "memberships": memberships,
        "agreements": agreements,
        "missions": missions,
        "documents": documents,
        "evidence": evidence,
        "conflicts": conflicts,
    }
    tables = {name: validate(name, frame) for name, frame in frames.items()}
    inputs = [{"path": d.source_path, "sha256": d.sha256, "bytes": d.bytes} for d in source_documents]
    result = publish(tables, inputs, settings.releases)
    context.log.info(result.message)
    return dg.MaterializeResult(
        metadata={
            "version": result.version,
            "published": result.published,
            "message": result.message,
            "manifest": dg.MetadataValue.path(str(result.path / "manifest.json")),
            **{f"rows_{k}": v for k, v in result.rows.items()},
        }
    )
