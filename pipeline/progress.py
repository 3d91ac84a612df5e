"""Progress of a build, as it happens: the current stage and how many documents are done.

`spacecoop build` runs the asset graph with `progress_logger()` as Dagster's console logger, which
turns the run's events into short lines on stderr::

    [   0.4s] reading the corpus
    [   0.5s] extracting claims
    [   0.9s]   1/5 documents  000_3ca7a22999d00677
    [   2.3s]   5/5 documents  004_56195db84392bacd
    [   2.4s] merging claims into tables
    ...

Assets report per-item progress with `counter(total, noun, context.log)`, which logs through Dagster
(throttled to about a line a second; the first and last always), so the Dagster UI shows the same
lines and nothing extra is printed outside `spacecoop build`. `--verbose` shows Dagster's full log.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TextIO

__all__ = ["STAGES", "ProgressHandler", "counter", "materialize_with_progress", "progress_logger"]

STAGES = {
    "source_documents": "reading the corpus",
    "document_claims": "extracting claims",
    "document_extraction": "extracting claims",
    "dataset_tables": "reading the corpus, extracting claims (cached per document), merging them into tables",
    "row_drift": "comparing row counts with the previous release",
    "validate_tables": "validating the tables against the contract",
    "release": "publishing the release (Parquet, DuckDB, report, checksums)",
}


def counter(total: int, noun: str, log: Any, interval: float = 1.0) -> Callable[[str], None]:
    """A `tick(label)` to call after each of `total` items; logs '  12/340 documents  label'."""
    done = 0
    last = float("-inf")
    width = len(str(total))

    def tick(label: str = "") -> None:
        nonlocal done, last
        done += 1
        now = time.perf_counter()
        if done in (1, total) or now - last >= interval:
            last = now
            log.info(f"  {done:>{width}}/{total} {noun}" + (f"  {label}" if label else ""))

    return tick


def _stage(step_key: str) -> str:
    if step_key in STAGES:
        return STAGES[step_key]
    if "_matches_contract" in step_key or "_is_exact" in step_key or "check" in step_key:
        return f"checking {step_key.split('_')[0]}"
    return step_key


class ProgressHandler(logging.Handler):
    """Dagster log records → one line per stage, per-item progress and failures."""

    def __init__(self, stream: TextIO | None = None) -> None:
        super().__init__(logging.DEBUG)
        self.stream = stream or sys.stderr
        self.started = time.perf_counter()
        self.last_stage: str | None = None

    def _line(self, text: str) -> None:
        print(f"[{time.perf_counter() - self.started:7.1f}s] {text}", file=self.stream, flush=True)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            meta = getattr(record, "dagster_meta", None) or {}
            event = meta.get("dagster_event")
            message = str(meta.get("orig_message") or record.getMessage()).strip()
            kind = getattr(event, "event_type_value", None)
            if kind == "STEP_START":
                stage = _stage(str(meta.get("step_key") or ""))
                if stage != self.last_stage:
                    self.last_stage = stage
                    self._line(stage)
            elif kind == "ASSET_CHECK_EVALUATION":
                data = event.event_specific_data
                if data is not None and not getattr(data, "passed", True):
                    self._line(f"  check failed: {data.asset_check_key.to_user_string()}")
            elif event is None and record.levelno >= logging.INFO:
                self._line(message if message.startswith("  ") else f"  {message}")
            elif record.levelno >= logging.ERROR:
                self._line(f"  {message.splitlines()[0] if message else 'error'}")
        except Exception:  # a progress line must never break a build
            self.handleError(record)


def materialize_with_progress(
    assets: Sequence[Any],
    *,
    instance: Any,
    resources: Mapping[str, object],
    tags: Mapping[str, str] | None = None,
    selection: Any = None,
    verbose: bool = False,
    stream: TextIO | None = None,
) -> Any:
    """`dagster.materialize(..., raise_on_error=False)`, printing progress lines instead of Dagster's
    console log (which `verbose=True` keeps)."""
    import dagster as dg

    if verbose:
        return dg.materialize(
            assets,
            instance=instance,
            resources=resources,
            tags=tags,
            selection=selection,
            raise_on_error=False,
        )
    job_name = "__ephemeral_asset_job__"
    defs = dg.Definitions(
        assets=assets,
        jobs=[dg.define_asset_job(job_name, selection=selection)],
        resources=resources,
        loggers={"progress": progress_logger(stream)},
    )
    job = defs.resolve_job_def(job_name)
    return job.execute_in_process(
        run_config={"loggers": {"progress": {}}}, instance=instance, raise_on_error=False, tags=tags
    )


def progress_logger(stream: TextIO | None = None) -> Any:
    """A Dagster logger definition printing build progress (use it as the `console` logger)."""
    import dagster as dg

    @dg.logger(description="spacecoop build progress: stages, documents done, failures.")
    def spacecoop_progress(_init_context: Any) -> logging.Logger:
        logger_ = logging.Logger("spacecoop.progress", logging.DEBUG)
        logger_.addHandler(ProgressHandler(stream))
        return logger_

    return spacecoop_progress
