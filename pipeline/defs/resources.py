"""Where the pipeline reads and writes; configurable per run, defaults from the environment."""

import os
from pathlib import Path

import dagster as dg


class PipelineSettings(dg.ConfigurableResource):
    """Corpus folder, output folder (releases and the extraction cache), drift tolerance."""

    corpus_dir: str = os.environ.get("SPACECOOP_CORPUS", "seeds")
    output_dir: str = os.environ.get("SPACECOOP_OUTPUT", "output")
    max_row_loss: float = float(os.environ.get("SPACECOOP_MAX_ROW_LOSS", "0.2"))
    # Input files larger than this are rejected (listed in rejections.parquet), not read.
    max_document_bytes: int = int(os.environ.get("SPACECOOP_MAX_DOCUMENT_BYTES", str(50 * 1024 * 1024)))

    @property
    def corpus(self) -> Path:
        return Path(self.corpus_dir).resolve()

    @property
    def releases(self) -> Path:
        return Path(self.output_dir).resolve() / "releases"

    @property
    def cache(self) -> Path:
        return Path(self.output_dir).resolve() / "cache"

    @property
    def claims_cache(self) -> Path:
        return self.cache / "claims"
