"""The ``evaluate`` sub-command: ``spacecoop evaluate GOLD_DIR [options]``.

Register it on the top-level parser's sub-parsers with :func:`add_parser`.
Exit status: 0 when evaluated (and the gate, if any, passes); 1 when ``--min-f1`` is given
and a table's F1 is below it or a negative was extracted; 2 on a missing folder or a bad
gold file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_parser", "cmd_evaluate"]

DESCRIPTION = """\
Score the extraction against hand-annotated gold facts (one YAML file per document, in the
format of tests/corpus/gold): precision, recall and F1 per table, attribute accuracy on
matched facts, extracted negatives, and the evidence invariants (every quote is exactly
documents.text[char_start:char_end]; every fact has evidence).

Without --tables the corpus is extracted in process (no Dagster run, nothing written).
With --tables, already-built Parquet tables are scored, e.g. a release's data/ folder;
--seeds then names the corpus they were built from, for the evidence check."""

EXAMPLES = """\
examples:
  spacecoop evaluate tests/corpus/gold --seeds tests/corpus/docs --verbose
  spacecoop evaluate gold/ --tables output/releases/v0.1.0/data --seeds seeds
  spacecoop evaluate tests/corpus/gold --seeds tests/corpus/docs --min-f1 0.4 --json eval.json
"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``evaluate`` to an ``argparse`` sub-parsers object; returns the new parser."""
    parser = subparsers.add_parser(
        "evaluate",
        help="score the extraction against gold annotations",
        description=DESCRIPTION,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("gold_dir", metavar="GOLD_DIR", type=Path, help="folder of gold *.yaml files")
    parser.add_argument(
        "--seeds", type=Path, default=Path("seeds"), metavar="DIR", help="corpus folder (default: seeds)"
    )
    parser.add_argument(
        "--tables", type=Path, metavar="DIR", help="score these Parquet tables instead of extracting"
    )
    parser.add_argument(
        "--verbose", action="store_true", help="list misses, false positives, negatives, inexact quotes"
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the full report as JSON")
    parser.add_argument(
        "--min-f1",
        type=float,
        metavar="X",
        help="regression gate: exit 1 if any table's F1 is below X or any negative was extracted",
    )
    parser.set_defaults(func=cmd_evaluate)
    return parser


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Run the evaluation the arguments describe; print it; return the exit status."""
    import yaml

    from pipeline.evaluation.gold import GoldFormatError
    from pipeline.evaluation.report import format_json, format_text
    from pipeline.evaluation.run import evaluate_corpus, evaluate_tables

    try:
        if args.tables is not None:
            report = evaluate_tables(args.tables, args.gold_dir, args.seeds)
        else:
            report = evaluate_corpus(args.seeds, args.gold_dir)
    except (FileNotFoundError, GoldFormatError, yaml.YAMLError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(format_text(report, verbose=args.verbose))
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(format_json(report) + "\n", encoding="utf-8")
    if args.min_f1 is None:
        return 0
    failures = report.gate_failures(args.min_f1)
    for failure in failures:
        print(f"gate failed: {failure}", file=sys.stderr)
    return 1 if failures else 0
