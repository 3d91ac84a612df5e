"""Evaluate extracted tables against hand-annotated gold facts (`spacecoop evaluate`).

- :mod:`.gold` reads a folder of gold YAML files (one per document) into typed records;
- :mod:`.names` turns names into matching keys through the project's gazetteer;
- :mod:`.scoring` matches predicted rows to gold facts and computes the metrics;
- :mod:`.report` formats a report as text or JSON;
- :mod:`.run` builds or loads the tables and evaluates them;
- :mod:`.cli` registers the ``evaluate`` sub-command.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# Exported lazily, so that importing `pipeline.evaluation.cli` (for the argument parser)
# does not load pandas, pyarrow and the gazetteer.
_EXPORTS = {
    "EvaluationReport": "pipeline.evaluation.scoring",
    "score": "pipeline.evaluation.scoring",
    "GoldFact": "pipeline.evaluation.gold",
    "GoldSet": "pipeline.evaluation.gold",
    "load_gold": "pipeline.evaluation.gold",
    "evaluate_corpus": "pipeline.evaluation.run",
    "evaluate_tables": "pipeline.evaluation.run",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
