"""Run `document_extraction` over every partition of a corpus as one run (one backfill chunk).

Registers one dynamic partition per document in the instance at $DAGSTER_HOME, then materialises the
whole key range in a single in-process run, as a backfill with `BackfillPolicy` does per chunk.
Prints the wall time. With a warm extraction cache this isolates Dagster's per-partition cost
(materialization-planned and materialization events in the instance's event log).

    DAGSTER_HOME=/tmp/home python benchmarks/partition_backfill.py CORPUS OUTPUT
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    started = time.perf_counter()
    import dagster as dg

    from pipeline.corpus_state import scan
    from pipeline.definitions import ALL_ASSETS
    from pipeline.defs.partitions import DOCUMENTS
    from pipeline.defs.resources import PipelineSettings
    from pipeline.defs.sensors import RANGE_END_TAG, RANGE_START_TAG
    from pipeline.extraction_cache import extractor_version

    corpus = args.corpus.resolve()
    keys = sorted(scan(corpus, extractor_version()).files)
    settings = PipelineSettings(corpus_dir=str(corpus), output_dir=str(args.output.resolve()))
    with dg.DagsterInstance.get() as instance:
        known = set(instance.get_dynamic_partitions(DOCUMENTS.name))
        instance.add_dynamic_partitions(DOCUMENTS.name, [k for k in keys if k not in known])
        ordered = list(instance.get_dynamic_partitions(DOCUMENTS.name))
        run_started = time.perf_counter()
        result = dg.materialize(
            ALL_ASSETS,
            selection=["document_extraction"],
            instance=instance,
            resources={"settings": settings},
            tags={RANGE_START_TAG: ordered[0], RANGE_END_TAG: ordered[-1]},
            raise_on_error=False,
        )
        run_seconds = time.perf_counter() - run_started
    events = len(result.get_asset_materialization_events())
    print(f"partitions {len(ordered)} materializations {events} success {result.success}")
    print(f"run {run_seconds:.1f} s, total {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
