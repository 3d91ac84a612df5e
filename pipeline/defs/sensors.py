"""The corpus sensor: partitions follow the corpus folder; changed documents are re-extracted.

Each tick compares the folder with the state kept in the cursor (`pipeline.corpus_state`): new
documents get a partition, deleted ones lose theirs, and a run is requested only for documents whose
content key (sha256 of the bytes + extractor version) changed. Run keys are those content keys, so a
tick over an unchanged corpus requests nothing and a repeated request is never launched twice.
"""

import dagster as dg

from pipeline.corpus_state import CorpusState, ExtractionRun, plan_tick, scan
from pipeline.defs.jobs import extract_documents_job
from pipeline.defs.partitions import DOCUMENTS
from pipeline.defs.resources import PipelineSettings
from pipeline.extraction_cache import extractor_version

# Tags Dagster reads to run one run over a range of partitions (as a single-run backfill does).
RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"


def run_request(run: ExtractionRun) -> dg.RunRequest:
    tags = {"spacecoop/documents": str(len(run.documents))}
    if run.partition_key is not None:
        return dg.RunRequest(run_key=run.run_key, partition_key=run.partition_key, tags=tags)
    return dg.RunRequest(
        run_key=run.run_key, tags={**tags, RANGE_START_TAG: run.range_start, RANGE_END_TAG: run.range_end}
    )


@dg.sensor(
    job=extract_documents_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Adds a partition per new document in the corpus folder, removes deleted ones, and "
    "requests extraction runs only for documents whose content hash changed.",
)
def corpus_sensor(context: dg.SensorEvaluationContext, settings: PipelineSettings) -> dg.SensorResult:
    corpus = settings.corpus
    if not corpus.is_dir():
        return dg.SensorResult(skip_reason=f"corpus folder {corpus} does not exist")
    previous = CorpusState.decode(context.cursor)
    current = scan(corpus, extractor_version(), previous)
    plan = plan_tick(previous, current, context.instance.get_dynamic_partitions(DOCUMENTS.name))
    partition_requests = []
    if plan.add_partitions:
        partition_requests.append(DOCUMENTS.build_add_request(plan.add_partitions))
    if plan.delete_partitions:
        partition_requests.append(DOCUMENTS.build_delete_request(plan.delete_partitions))
    if plan.new or plan.changed or plan.removed:
        context.log.info(
            f"{len(plan.new)} new, {len(plan.changed)} changed, {len(plan.removed)} removed document(s); "
            f"{len(plan.runs)} run(s) requested"
        )
    return dg.SensorResult(
        run_requests=[run_request(run) for run in plan.runs],
        dynamic_partitions_requests=partition_requests,
        cursor=current.encode(),
    )
