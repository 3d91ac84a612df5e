"""Every analyst command has --help with examples; build progress lines are short and throttled."""

from __future__ import annotations

import io
import logging
from types import SimpleNamespace

import pytest

from pipeline.cli import main
from pipeline.progress import ProgressHandler, counter


@pytest.mark.parametrize("command", ["query", "explain", "dictionary", "report"])
def test_help_has_examples(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and f"spacecoop {command}" in out


class Log:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def info(self, message: str) -> None:
        self.lines.append(message)


def test_counter_reports_first_last_and_at_most_one_line_per_interval() -> None:
    log = Log()
    tick = counter(500, "documents", log, interval=3600)
    for n in range(500):
        tick(f"doc{n}")
    assert log.lines == ["    1/500 documents  doc0", "  500/500 documents  doc499"]
    log = Log()
    tick = counter(3, "documents", log, interval=0)
    for _ in range(3):
        tick()
    assert log.lines == ["  1/3 documents", "  2/3 documents", "  3/3 documents"]


def _record(
    message: str, level: int = logging.INFO, event: object = None, step: str = ""
) -> logging.LogRecord:
    record = logging.LogRecord("dagster", level, __file__, 1, message, None, None)
    record.dagster_meta = {"dagster_event": event, "orig_message": message, "step_key": step}
    return record


def test_progress_handler_prints_stages_progress_and_failures_only() -> None:
    stream = io.StringIO()
    handler = ProgressHandler(stream)
    start = SimpleNamespace(event_type_value="STEP_START", event_specific_data=None)
    output = SimpleNamespace(event_type_value="STEP_OUTPUT", event_specific_data=None)
    handler.handle(_record("Started", logging.DEBUG, start, "document_extraction"))
    handler.handle(_record("Yielded output", logging.DEBUG, output, "document_extraction"))
    handler.handle(_record("  3/5 documents  d3", step="document_extraction"))
    handler.handle(_record("Started", logging.DEBUG, start, "release"))
    handler.handle(_record("published v0.1.0", step="release"))
    handler.handle(_record("Loading file", logging.DEBUG))
    lines = [line.split("] ", 1)[1] for line in stream.getvalue().splitlines()]
    assert lines == [
        "extracting claims",
        "  3/5 documents  d3",
        "publishing the release (Parquet, DuckDB, report, checksums)",
        "  published v0.1.0",
    ]
