"""Assets: per-document extraction → merged tables → release. Logic lives in `pipeline.core`.

`document_extraction` has one partition per source document (dynamic partitions keyed by document id,
kept in step with the corpus folder by `corpus_sensor`). Its output is the content-addressed extraction
cache (`pipeline.extraction_cache`), not a pickled value, so the unpartitioned `dataset_tables` merges
every document by reading the corpus and the cache: documents a partition run has extracted are reused,
and any it has not are extracted there with the same function into the same cache. That is also the
path `spacecoop build` runs (see `pipeline.cli`).
"""

import warnings

import dagster as dg
import pandas as pd

from pipeline.core.extract import extract_document
from pipeline.core.intake import Rejected, classify, intake_corpus, rejection_rows
from pipeline.core.merge import build_tables
from pipeline.corpus_state import locate
from pipeline.defs.markdown import claims_frame, markdown_table
from pipeline.defs.partitions import DOCUMENTS, EXTRACTION_BACKFILL_POLICY
from pipeline.defs.resources import PipelineSettings
from pipeline.extraction_cache import CacheReport, extract_one, extract_with_cache, extractor_version
from pipeline.progress import counter
from pipeline.release.publish import publish
from schemas.tables import ARROW_SCHEMAS, REJECTIONS, TABLES, validate

TABLE_DESCRIPTIONS = {
    "memberships": "Who belongs to which cooperation framework, one row per (member, organization).",
    "agreements": "Agreements and cooperation instruments with their parties, date, type and status.",
    "missions": "Missions and programmes with target, launch details and non-Chinese partners.",
    "documents": "Source documents; `text` is what evidence offsets index into.",
    "evidence": "One row per (fact, supporting span): the exact quote behind every fact.",
    "conflicts": "Claims that disagree on an attribute of one fact, and which value was chosen.",
}
# In a run over a range of partitions, per-partition metadata costs one partition-key lookup in the
# instance per document; above this many documents only the run-level summary is recorded.
PER_PARTITION_METADATA_LIMIT = 200
REJECTION_COLUMNS = tuple(ARROW_SCHEMAS[REJECTIONS].names)
ROW_COUNT = "dagster/row_count"


def _preview(frame: pd.DataFrame, rows: int = 5) -> dg.MetadataValue:
    shown = frame.drop(columns=[c for c in ("text",) if c in frame.columns])
    return dg.MetadataValue.md(markdown_table(shown, rows=rows))


with warnings.catch_warnings():
    warnings.simplefilter("ignore", dg.BetaWarning)  # backfill_policy is marked beta

    @dg.asset(
        partitions_def=DOCUMENTS,
        backfill_policy=EXTRACTION_BACKFILL_POLICY,
        group_name="extraction",
        code_version=extractor_version(),
        kinds={"python"},
        description="Claims read from one source document (one partition per document id); stored in "
        "the extraction cache, keyed by the document's bytes and the extractor's code version.",
    )
    def document_extraction(
        context: dg.AssetExecutionContext, settings: PipelineSettings
    ) -> dg.MaterializeResult:
        corpus, keys = settings.corpus, context.partition_keys
        per_partition = 1 < len(keys) <= PER_PARTITION_METADATA_LIMIT
        counts, failures, rejected, single = [], {}, {}, {}
        for key in keys:
            path = locate(corpus, key)
            if path is None:
                failures[key] = f"no file for document id {key!r} in {corpus}"
                continue
            outcome = classify(path, corpus, settings.max_document_bytes)
            if isinstance(outcome, Rejected):  # listed in the release's rejections; nothing to extract
                context.log.warning(f"{key}: rejected {outcome.path}: {outcome.reason}")
                rejected[key] = outcome.reason
                if len(keys) == 1:
                    single = {"rejected": outcome.reason, ROW_COUNT: 0}
                elif per_partition:
                    context.add_asset_metadata({"rejected": outcome.reason, ROW_COUNT: 0}, partition_key=key)
                continue
            document = outcome.document
            try:
                claims, hit = extract_one(document, extract_document, settings.claims_cache)
            except Exception as error:  # reported per document; the run fails after the others
                failures[key] = f"{type(error).__name__}: {error}"
                context.log.error(f"{key}: {failures[key]}")
                continue
            row = {
                "doc_id": key,
                "memberships": len(claims.memberships),
                "agreements": len(claims.agreements),
                "missions": len(claims.missions),
                "cached": hit,
            }
            counts.append(row)
            meta = {
                "source_path": document.source_path,
                "sha256": document.sha256,
                "bytes": document.bytes,
                **{k: row[k] for k in ("memberships", "agreements", "missions")},
                ROW_COUNT: row["memberships"] + row["agreements"] + row["missions"],
                "reused_from_cache": hit,
            }
            if len(keys) == 1:
                single = {
                    **meta,
                    "claims": dg.MetadataValue.md(markdown_table(claims_frame(claims, document.text))),
                }
            elif per_partition:
                context.add_asset_metadata(meta, partition_key=key)
        if failures:
            table = pd.DataFrame({"doc_id": list(failures), "error": list(failures.values())})
            raise dg.Failure(
                description=f"{len(failures)} of {len(keys)} documents failed: "
                + "; ".join(f"{key}: {failures[key]}" for key in sorted(failures)[:5])
                + (" …" if len(failures) > 5 else ""),
                metadata={"failed_documents": dg.MetadataValue.md(markdown_table(table, rows=50, width=200))},
            )
        frame = pd.DataFrame(counts, columns=["doc_id", "memberships", "agreements", "missions", "cached"])
        summary = {
            "documents": len(keys),
            "extracted": int((~frame["cached"]).sum()),
            "reused_from_cache": int(frame["cached"].sum()),
            "rejected": len(rejected),
            "extractor_version": extractor_version(),
        }
        if len(keys) > 1:
            summary["claims_per_document"] = dg.MetadataValue.md(markdown_table(frame, rows=50))
        return dg.MaterializeResult(metadata={**summary, **single})


@dg.multi_asset(
    group_name="tables",
    deps=[document_extraction],
    outs={
        **{name: dg.AssetOut(description=TABLE_DESCRIPTIONS[name], kinds={"pandas"}) for name in TABLES},
        REJECTIONS: dg.AssetOut(
            description="Input files that are not documents (empty, binary, duplicate, too large, a link, "
            "unsupported type, ...), each with its sha256 and the reason; published as rejections.parquet.",
            kinds={"pandas"},
        ),
    },
)
def dataset_tables(context: dg.AssetExecutionContext, settings: PipelineSettings):
    """Merge claims from every document of the corpus (all partitions) into the dataset's tables."""
    corpus = settings.corpus
    documents, rejected = intake_corpus(corpus, settings.max_document_bytes)
    for item in rejected:
        context.log.warning(f"rejected {item.path}: {item.reason}")
    rejections = validate(REJECTIONS, pd.DataFrame(rejection_rows(rejected), columns=list(REJECTION_COLUMNS)))
    report = CacheReport()
    tick = counter(len(documents), "documents", context.log)
    claims, _ = extract_with_cache(
        documents, extract_document, settings.claims_cache, report, lambda d: tick(d.doc_id)
    )
    if report.extracted:
        context.log.info(f"extracted {len(report.extracted)} document(s) not in the cache")
    tables = build_tables(documents, claims)
    for name in TABLES:
        frame = tables[name]
        metadata = {ROW_COUNT: len(frame), "preview": _preview(frame)}
        if name == "documents":
            metadata.update(
                {
                    "corpus": dg.MetadataValue.path(str(corpus)),
                    "bytes": sum(d.bytes for d in documents),
                    "extracted": len(report.extracted),
                    "reused_from_cache": report.hits,
                    "extracted_documents": ", ".join(report.extracted[:20])
                    + (" …" if len(report.extracted) > 20 else ""),
                    "extractor_version": extractor_version(),
                    "rejected": len(rejected),
                    "rejected_files": "\n".join(f"{r.path}: {r.reason}" for r in rejected),
                }
            )
        yield dg.Output(frame, output_name=name, metadata=metadata)
    yield dg.Output(
        rejections,
        output_name=REJECTIONS,
        metadata={ROW_COUNT: len(rejections), "preview": _preview(rejections, rows=20)},
    )


@dg.asset(
    group_name="release",
    kinds={"parquet", "duckdb"},
    description="A versioned, checksummed release of the validated tables; published only when the "
    "content differs from the latest release.",
)
def release(
    context: dg.AssetExecutionContext,
    settings: PipelineSettings,
    memberships: pd.DataFrame,
    agreements: pd.DataFrame,
    missions: pd.DataFrame,
    documents: pd.DataFrame,
    evidence: pd.DataFrame,
    conflicts: pd.DataFrame,
    rejections: pd.DataFrame,
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
    inputs = [
        {"path": path, "sha256": sha, "bytes": int(size)}
        for path, sha, size in zip(
            documents["source_path"], documents["sha256"], documents["bytes"], strict=True
        )
    ]
    result = publish(tables, inputs, settings.releases, rejections=rejections)
    context.log.info(result.message)
    manifest = result.path / "manifest.json"
    summary = pd.DataFrame({"table": list(result.rows), "rows": list(result.rows.values())})
    return dg.MaterializeResult(
        metadata={
            "version": result.version,
            "published": result.published,
            "message": result.message,
            "manifest": dg.MetadataValue.path(str(manifest)),
            "manifest_url": dg.MetadataValue.url(manifest.as_uri()),
            "summary": dg.MetadataValue.md(markdown_table(summary, rows=len(summary))),
            ROW_COUNT: sum(result.rows.values()),
            **{f"rows_{k}": v for k, v in result.rows.items()},
        },
        data_version=dg.DataVersion(result.version),
    )
