"""The corpus sensor: partitions follow the folder; runs only for documents whose hash changed."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

from pipeline.corpus_state import MAX_SINGLE_DOCUMENT_RUNS, CorpusState, FileState, plan_tick
from pipeline.defs.partitions import DOCUMENTS
from pipeline.defs.resources import PipelineSettings
from pipeline.defs.sensors import RANGE_END_TAG, RANGE_START_TAG, corpus_sensor

NEW_TEXT = "Pakistan joined the International Lunar Research Station (ILRS) in 2024.\n"


def add_document(corpus: Path, name: str, text: str) -> None:
    (corpus / name).write_bytes(text.encode("utf-8"))


class Ticker:
    """Evaluates the sensor like the daemon: keeps the cursor and applies partition requests."""

    def __init__(self, instance: dg.DagsterInstance, settings: PipelineSettings) -> None:
        self.instance, self.settings, self.cursor = instance, settings, None

    def tick(self) -> dg.SensorResult:
        context = dg.build_sensor_context(
            instance=self.instance, cursor=self.cursor, resources={"settings": self.settings}
        )
        result = corpus_sensor(context)
        for request in result.dynamic_partitions_requests or []:
            if isinstance(request, dg.AddDynamicPartitionsRequest):
                self.instance.add_dynamic_partitions(request.partitions_def_name, request.partition_keys)
            else:
                for key in request.partition_keys:
                    self.instance.delete_dynamic_partition(request.partitions_def_name, key)
        self.cursor = result.cursor
        return result

    @property
    def partitions(self) -> list[str]:
        return list(self.instance.get_dynamic_partitions(DOCUMENTS.name))


def test_new_document_one_run_unchanged_corpus_none(settings: PipelineSettings, tiny_corpus: Path) -> None:
    with dg.instance_for_test() as instance:
        ticker = Ticker(instance, settings)
        first = ticker.tick()
        assert sorted(r.partition_key for r in first.run_requests) == [
            "002_d0e6a732fe21cc11",
            "003_462b628faf4474e7",
        ]
        assert ticker.partitions == ["002_d0e6a732fe21cc11", "003_462b628faf4474e7"]

        unchanged = ticker.tick()
        assert unchanged.run_requests == []
        assert not unchanged.dynamic_partitions_requests

        add_document(tiny_corpus, "new_article.txt", NEW_TEXT)
        added = ticker.tick()
        assert len(added.run_requests) == 1
        request = added.run_requests[0]
        assert request.partition_key == "new_article"
        state = CorpusState.decode(ticker.cursor)
        assert request.run_key == state.content_key("new_article")
        assert state.files["new_article"].sha in request.run_key
        assert "new_article" in ticker.partitions

        assert ticker.tick().run_requests == []


def test_changed_document_rerun_deleted_document_loses_partition(
    settings: PipelineSettings, tiny_corpus: Path
) -> None:
    with dg.instance_for_test() as instance:
        ticker = Ticker(instance, settings)
        ticker.tick()
        path = tiny_corpus / "003_462b628faf4474e7.txt"
        before = path.stat()
        path.write_bytes(path.read_bytes() + b"\nKenya joined the ILRS in 2025.\n")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
        changed = ticker.tick()
        assert [r.partition_key for r in changed.run_requests] == ["003_462b628faf4474e7"]
        assert not changed.dynamic_partitions_requests

        (tiny_corpus / "002_d0e6a732fe21cc11.txt").unlink()
        removed = ticker.tick()
        assert removed.run_requests == []
        assert ticker.partitions == ["003_462b628faf4474e7"]


def test_many_documents_become_one_range_run(settings: PipelineSettings, tiny_corpus: Path) -> None:
    with dg.instance_for_test() as instance:
        ticker = Ticker(instance, settings)
        ticker.tick()
        for i in range(MAX_SINGLE_DOCUMENT_RUNS + 5):
            add_document(tiny_corpus, f"bulk_{i:03d}.txt", NEW_TEXT.replace("2024", str(1990 + i)))
        result = ticker.tick()
        assert len(result.run_requests) == 1
        tags = result.run_requests[0].tags
        assert (tags[RANGE_START_TAG], tags[RANGE_END_TAG]) == (
            "bulk_000",
            f"bulk_{MAX_SINGLE_DOCUMENT_RUNS + 4:03d}",
        )
        assert ticker.tick().run_requests == []


def test_sensor_is_in_the_code_location() -> None:
    from pipeline.definitions import defs

    with dg.instance_for_test():  # resolving definitions looks up the current instance
        assert defs.resolve_sensor_def("corpus_sensor").job_name == "extract_documents"


def test_range_runs_are_cut_at_the_backfill_chunk_size() -> None:
    files = {f"d{i:03d}": FileState(f"d{i:03d}.txt", 1, 1, f"{i:016x}") for i in range(25)}
    current = CorpusState("v1", files)
    plan = plan_tick(CorpusState(), current, [], max_single_runs=3, max_per_run=10)
    assert plan.add_partitions == sorted(files)
    assert [(r.range_start, r.range_end, len(r.documents)) for r in plan.runs] == [
        ("d000", "d009", 10),
        ("d010", "d019", 10),
        ("d020", "d024", 5),
    ]
    assert len({r.run_key for r in plan.runs}) == 3
    assert plan_tick(current, current, sorted(files)).runs == []
