"""One partition per source document, keyed by document id (the path relative to the corpus, no suffix).

The partition set lives in the Dagster instance and is kept in step with the corpus folder by
`corpus_sensor`. A backfill of many documents runs as few runs: up to `MAX_PARTITIONS_PER_RUN` (1,000)
documents per run (each run walks its range in one process), so 10,000 documents are 10 runs,
which a run coordinator or executor can spread over machines.
"""

import dagster as dg

from pipeline.corpus_state import MAX_PARTITIONS_PER_RUN

DOCUMENTS = dg.DynamicPartitionsDefinition(name="documents")
EXTRACTION_BACKFILL_POLICY = dg.BackfillPolicy.multi_run(max_partitions_per_run=MAX_PARTITIONS_PER_RUN)
