"""The Dagster code location: `dg dev`, `dg check defs` and `spacecoop build` all load this."""

import dagster as dg

from pipeline.defs.assets import dataset_tables, document_claims, release, source_documents
from pipeline.defs.checks import all_checks
from pipeline.defs.resources import PipelineSettings

ALL_ASSETS = [source_documents, document_claims, dataset_tables, release]

build_dataset_job = dg.define_asset_job(
    "build_dataset", selection=dg.AssetSelection.all(), description="Read the corpus and publish a release."
)

defs = dg.Definitions(
    assets=ALL_ASSETS,
    asset_checks=all_checks,
    jobs=[build_dataset_job],
    resources={"settings": PipelineSettings()},
    executor=dg.in_process_executor,
)
