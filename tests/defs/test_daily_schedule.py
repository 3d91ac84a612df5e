"""The daily schedule: one run per corpus state, none on a day when nothing changed."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipeline.defs.resources import PipelineSettings
from pipeline.defs.schedules import daily_release


def _tick(settings: PipelineSettings) -> dg.RunRequest:
    request = daily_release(dg.build_schedule_context(resources={"settings": settings}))
    assert isinstance(request, dg.RunRequest)
    return request


def test_run_key_changes_only_with_the_corpus(settings: PipelineSettings, tiny_corpus: Path) -> None:
    first, again = _tick(settings), _tick(settings)
    assert first.run_key == again.run_key  # same key: Dagster launches no second run
    (tiny_corpus / "another.txt").write_text("Egypt joined the ILRS in 2023.\n", encoding="utf-8")
    assert _tick(settings).run_key != first.run_key


def test_schedule_targets_the_publish_job() -> None:
    from pipeline.definitions import defs

    with dg.instance_for_test():  # resolving definitions looks up the current instance
        schedule = defs.resolve_schedule_def("daily_release")
        job = defs.resolve_job_def("publish_dataset")
    assert schedule.job_name == "publish_dataset" and schedule.cron_schedule == "0 4 * * *"
    assert {k.path[-1] for k in job.asset_layer.selected_asset_keys} == {
        "memberships",
        "agreements",
        "missions",
        "documents",
        "evidence",
        "conflicts",
        "rejections",
        "release",
    }
