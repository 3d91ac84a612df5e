"""Extraction throughput of the pure core on a generated corpus, in MB/s on one core.

    python benchmarks/extraction_throughput.py --megabytes 20

Documents come from benchmarks/generate_corpus.py (templates and entity lists, seeded), so the
figure is reproducible; reading, segmentation, mentions, dates and every rule are included, the
merge into tables is not (it is measured by the build benchmark).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import document

from pipeline.core.extract import extract_text
from pipeline.core.gazetteer import Gazetteer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20.0, help="corpus size to generate (default 20)")
    args = parser.parse_args()
    texts, size = [], 0
    while size < args.megabytes * 1e6:
        texts.append(document(len(texts)))
        size += len(texts[-1].encode("utf-8"))
    Gazetteer.default()
    extract_text("warm-up", texts[0])
    started, cpu_started = time.perf_counter(), time.process_time()
    claims = sum(
        len(c.memberships) + len(c.agreements) + len(c.missions)
        for c in (extract_text(f"d{i}", t) for i, t in enumerate(texts))
    )
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents      {len(texts)}")
    print(f"corpus         {size / 1e6:.1f} MB")
    print(f"claims         {claims}")
    print(f"wall           {wall:.1f} s")
    print(
        f"throughput     {size / 1e6 / wall:.2f} MB/s wall, {size / 1e6 / cpu:.2f} MB/s per core (CPU time)"
    )
    print(f"peak memory    {peak:.0f} MB")


if __name__ == "__main__":
    main()
