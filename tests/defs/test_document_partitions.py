"""Per-document partitions: one document's extraction, its counts, its failure, retried alone."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

import pipeline.defs.assets as assets_module
from pipeline.definitions import ALL_ASSETS, defs
from pipeline.defs.partitions import DOCUMENTS
from pipeline.defs.resources import PipelineSettings
from pipeline.defs.sensors import RANGE_END_TAG, RANGE_START_TAG

DOCS = ["002_d0e6a732fe21cc11", "003_462b628faf4474e7"]


def _materialize(instance: dg.DagsterInstance, settings: PipelineSettings, **kwargs: object):
    return dg.materialize(
        ALL_ASSETS,
        selection=["document_extraction"],
        instance=instance,
        resources={"settings": settings},
        raise_on_error=False,
        **kwargs,
    )


def _partition_metadata(result: dg.ExecuteInProcessResult) -> dict[str, dict]:
    found = {}
    for event in result.get_asset_materialization_events():
        materialization = event.step_materialization_data.materialization
        found[materialization.partition] = {
            k: getattr(v, "value", v) for k, v in materialization.metadata.items()
        }
    return found


def test_one_partition_records_its_counts_then_a_range_reuses_the_cache(settings: PipelineSettings) -> None:
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(DOCUMENTS.name, DOCS)
        one = _materialize(instance, settings, partition_key=DOCS[1])
        assert one.success
        meta = _partition_metadata(one)[DOCS[1]]
        assert meta["missions"] == 3 and meta["dagster/row_count"] == 3
        assert meta["reused_from_cache"] is False
        assert "| kind |" in meta["claims"]

        both = _materialize(instance, settings, tags={RANGE_START_TAG: DOCS[0], RANGE_END_TAG: DOCS[1]})
        assert both.success
        by_partition = _partition_metadata(both)
        assert set(by_partition) == set(DOCS)
        assert by_partition[DOCS[1]]["reused_from_cache"] is True
        assert by_partition[DOCS[0]]["reused_from_cache"] is False
        assert by_partition[DOCS[0]]["extracted"] == 1


def test_a_failing_document_is_named_and_retried_alone(
    settings: PipelineSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = assets_module.extract_document

    def broken_on_one(document):
        if document.doc_id == DOCS[0]:
            raise ValueError("cannot read this one")
        return real(document)

    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(DOCUMENTS.name, DOCS)
        monkeypatch.setattr(assets_module, "extract_document", broken_on_one)
        failed = _materialize(instance, settings, tags={RANGE_START_TAG: DOCS[0], RANGE_END_TAG: DOCS[1]})
        assert not failed.success
        failure = next(e for e in failed.all_events if e.event_type == dg.DagsterEventType.STEP_FAILURE)
        assert DOCS[0] in failure.step_failure_data.error.message
        # The document that worked is in the cache already; the broken one is retried alone.
        monkeypatch.setattr(assets_module, "extract_document", real)
        retried = _materialize(instance, settings, partition_key=DOCS[0])
        assert retried.success
        assert set(_partition_metadata(retried)) == {DOCS[0]}


def test_deleted_document_partition_fails_with_a_clear_message(
    settings: PipelineSettings, tiny_corpus: Path
) -> None:
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(DOCUMENTS.name, ["gone"])
        result = _materialize(instance, settings, partition_key="gone")
        assert not result.success
        failure = next(e for e in result.all_events if e.event_type == dg.DagsterEventType.STEP_FAILURE)
        assert "no file for document id 'gone'" in failure.step_failure_data.error.message


def test_partitioned_asset_and_backfill_policy_are_declared() -> None:
    with dg.instance_for_test():  # resolving definitions looks up the current instance
        graph = defs.resolve_asset_graph()
    node = graph.get(dg.AssetKey("document_extraction"))
    assert isinstance(node.partitions_def, dg.DynamicPartitionsDefinition)
    assert node.backfill_policy is not None and node.backfill_policy.max_partitions_per_run >= 1000
    assert graph.get(dg.AssetKey("memberships")).partitions_def is None
