"""Jobs: per-document extraction (partitioned) and publishing (tables, checks, release)."""

import dagster as dg

from pipeline.defs.assets import dataset_tables, document_extraction, release

# Tables, their checks and the release: what `spacecoop build` and the daily schedule run.
PUBLISH_SELECTION = dg.AssetSelection.assets(dataset_tables, release)

extract_documents_job = dg.define_asset_job(
    "extract_documents",
    selection=dg.AssetSelection.assets(document_extraction),
    description="Extract claims from the selected documents (partitions) into the extraction cache.",
)

publish_dataset_job = dg.define_asset_job(
    "publish_dataset",
    selection=PUBLISH_SELECTION,
    description="Merge every document's claims into the tables, check them and publish a release if the "
    "content changed. Documents no partition run has extracted yet are extracted here (same cache).",
)
