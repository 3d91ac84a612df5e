"""The Dagster code location: `dg dev`, `dg check defs` and `spacecoop build` all load this."""

import dagster as dg

from pipeline.defs.assets import dataset_tables, document_extraction, release
from pipeline.defs.checks import all_checks
from pipeline.defs.jobs import PUBLISH_SELECTION, extract_documents_job, publish_dataset_job
from pipeline.defs.resources import PipelineSettings
from pipeline.defs.schedules import daily_release
from pipeline.defs.sensors import corpus_sensor

ALL_ASSETS = [document_extraction, dataset_tables, release]

__all__ = ["ALL_ASSETS", "PUBLISH_SELECTION", "all_checks", "defs"]

defs = dg.Definitions(
    assets=ALL_ASSETS,
    asset_checks=all_checks,
    jobs=[extract_documents_job, publish_dataset_job],
    sensors=[corpus_sensor],
    schedules=[daily_release],
    resources={"settings": PipelineSettings()},
    executor=dg.in_process_executor,
)
