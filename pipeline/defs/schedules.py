"""The daily release: rebuild the tables and publish when the content changed.

The schedule's run key is a fingerprint of the corpus listing (paths, sizes, mtimes) and of the code,
so a day on which nothing changed launches no run. A run that does launch rebuilds the tables from the
extraction cache, and `release` publishes only if the validated content differs from the latest
release (content hashes), so a touched-but-identical file still makes no release.

Declarative automation (`AutomationCondition.on_cron`) would express "daily, after upstream updated",
but a deleted document is not an upstream update, so it would miss deletions; the schedule does not.
"""

from pathlib import Path

import dagster as dg

import pipeline
import schemas
from pipeline.corpus_state import code_version, fingerprint
from pipeline.defs.jobs import publish_dataset_job
from pipeline.defs.resources import PipelineSettings

CODE = {"pipeline": Path(pipeline.__file__).parent, "schemas": Path(schemas.__file__).parent}


@dg.schedule(
    cron_schedule="0 4 * * *",
    execution_timezone="UTC",
    job=publish_dataset_job,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Daily at 04:00 UTC: rebuild the tables and publish a release if the content changed.",
)
def daily_release(
    context: dg.ScheduleEvaluationContext, settings: PipelineSettings
) -> dg.RunRequest | dg.SkipReason:
    corpus = settings.corpus
    if not corpus.is_dir():
        return dg.SkipReason(f"corpus folder {corpus} does not exist")
    key = fingerprint(corpus, [code_version(CODE)])
    return dg.RunRequest(run_key=f"corpus:{key}", tags={"spacecoop/corpus_fingerprint": key})
