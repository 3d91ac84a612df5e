"""`spacecoop`: build, inspect and evaluate the dataset from the command line."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

EXAMPLES = """examples:
  spacecoop build                          # seeds/ -> output/releases/vX.Y.Z
  spacecoop build --seeds my_corpus --output /data/spacecoop
  spacecoop evaluate tests/corpus/gold --seeds tests/corpus/docs
"""


BUILD_EXAMPLES = """examples:
  spacecoop build                                   # seeds/ -> output/releases/vX.Y.Z (progress on stderr)
  spacecoop build --seeds tests/corpus/docs --output /tmp/corpus
  spacecoop build --verbose                         # Dagster's full event log instead of progress lines
then: spacecoop query "select * from memberships" · spacecoop report · spacecoop verify
"""


def ensure_dagster_home(project_dir: Path) -> Path:
    """Use $DAGSTER_HOME, or a git-ignored `.dagster_home/` beside the output, so run history is kept."""
    home = Path(os.environ.get("DAGSTER_HOME") or project_dir / ".dagster_home").resolve()
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    os.environ["DAGSTER_HOME"] = str(home)
    return home


def cmd_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    seeds, output = Path(args.seeds).resolve(), Path(args.output).resolve()
    if not seeds.is_dir():
        print(f"error: corpus folder {seeds} does not exist (pass --seeds DIR)", file=sys.stderr)
        return 2
    ensure_dagster_home(Path.cwd())
    print(f"building {seeds} -> {output / 'releases'} (loading the pipeline…)", file=sys.stderr, flush=True)
    import dagster as dg

    from pipeline.definitions import ALL_ASSETS, PUBLISH_SELECTION, all_checks
    from pipeline.defs.resources import PipelineSettings

    limit = {"max_document_bytes": args.max_document_bytes} if args.max_document_bytes else {}
    settings = PipelineSettings(corpus_dir=str(seeds), output_dir=str(output), **limit)
    # The unpartitioned `publish_dataset` selection: tables (extracting what the cache lacks), checks,
    # release. Per-document partition runs are for operators (`dg dev`): on SQLite each partition costs
    # a few event writes, which would dominate a build of thousands of documents.
    from pipeline.progress import materialize_with_progress

    with dg.DagsterInstance.get() as instance:
        result = materialize_with_progress(
            [*ALL_ASSETS, *all_checks],
            selection=PUBLISH_SELECTION,
            instance=instance,
            resources={"settings": settings},
            tags={"spacecoop/command": "build"},
            verbose=args.verbose,
        )
    evaluations = [e for e in result.get_asset_check_evaluations() if not e.passed]
    failed_checks = [
        e.asset_check_key.to_user_string() for e in evaluations if e.severity == dg.AssetCheckSeverity.ERROR
    ]
    for e in evaluations:
        if e.severity != dg.AssetCheckSeverity.ERROR:
            print(f"warning: check {e.asset_check_key.to_user_string()} did not pass", file=sys.stderr)
    _print_rejections(_metadata(result, "documents"))
    if not result.success or failed_checks:
        print("build failed; no release was published.", file=sys.stderr)
        for check in failed_checks:
            print(f"  failed check: {check} (see its metadata in the Dagster UI: `dg dev`)", file=sys.stderr)
        for e in evaluations:
            if e.severity == dg.AssetCheckSeverity.ERROR:
                detail = e.metadata.get("summary") or e.metadata.get("sample")
                if detail is not None:
                    print(_indent(str(getattr(detail, "value", detail))), file=sys.stderr)
        for event in result.all_events:
            if event.is_failure and event.event_specific_data is not None:
                error = getattr(event.event_specific_data, "error", None)
                if error is not None:
                    print(f"  {event.step_key}: {error.message.strip()}", file=sys.stderr)
        return 1
    docs_meta = _metadata(result, "documents")
    release_meta = _metadata(result, "release")
    print(
        f"read {docs_meta['dagster/row_count']} documents from {seeds} "
        f"({docs_meta['extracted']} extracted, {docs_meta['reused_from_cache']} reused from cache)"
    )
    if 0 < docs_meta["extracted"] <= 10:
        print(f"  extracted: {docs_meta['extracted_documents']}")
    for table in ("memberships", "agreements", "missions", "documents", "evidence", "conflicts"):
        print(f"  {table:12s} {release_meta[f'rows_{table}']:>7d} rows")
    print(f"{release_meta['message']}: {release_meta['manifest'].rsplit('/', 1)[0]}")
    print(f"done in {time.perf_counter() - started:.1f} s")
    return 0


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line for line in text.splitlines())


def _print_rejections(docs_meta: dict) -> None:
    """One line per input file that is not a document (also in the release's rejections.parquet)."""
    if not docs_meta.get("rejected"):
        return
    print(f"rejected {docs_meta['rejected']} file(s) (listed in the release's rejections.parquet):")
    for line in str(docs_meta.get("rejected_files", "")).splitlines():
        print(f"  rejected: {line}")


def _metadata(result: object, asset: str) -> dict:
    import dagster as dg

    for event in result.get_asset_materialization_events():  # type: ignore[attr-defined]
        materialization = event.step_materialization_data.materialization
        if materialization.asset_key == dg.AssetKey(asset):
            return {k: getattr(v, "value", v) for k, v in materialization.metadata.items()}
    return {}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spacecoop",
        description="Build and inspect the China space-cooperation dataset.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser(
        "build",
        help="read the corpus, extract, validate and publish a release",
        description="Materialise the Dagster asset graph in process and publish a release.",
        epilog=BUILD_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    build.add_argument("--seeds", default="seeds", help="corpus folder (default: seeds)")
    build.add_argument("--output", default="output", help="output folder (default: output)")
    build.add_argument(
        "--verbose", action="store_true", help="show Dagster's full event log instead of progress lines"
    )
    build.add_argument(
        "--max-document-bytes",
        type=int,
        default=None,
        metavar="N",
        help="reject input files larger than N bytes (default: $SPACECOOP_MAX_DOCUMENT_BYTES or 50 MB)",
    )
    build.set_defaults(func=cmd_build)
    from pipeline.release.commands import add_parsers

    add_parsers(commands)
    from pipeline.analysis.cli import add_parsers as add_analysis_parsers

    add_analysis_parsers(commands)
    from pipeline.evaluation.cli import add_parser as add_evaluate_parser

    add_evaluate_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
