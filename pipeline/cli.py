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
    import dagster as dg

    from pipeline.definitions import ALL_ASSETS
    from pipeline.defs.checks import all_checks
    from pipeline.defs.resources import PipelineSettings

    settings = PipelineSettings(corpus_dir=str(seeds), output_dir=str(output))
    with dg.DagsterInstance.get() as instance:
        result = dg.materialize(
            [*ALL_ASSETS, *all_checks],
            instance=instance,
            resources={"settings": settings},
            raise_on_error=False,
            tags={"spacecoop/command": "build"},
        )
    failed_checks = [
        f"{e.asset_check_evaluation_data.asset_check_key.to_user_string()}"
        for e in result.get_asset_check_evaluations()
        if not e.passed
    ]
    if not result.success or failed_checks:
        print("build failed; no release was published.", file=sys.stderr)
        for check in failed_checks:
            print(f"  failed check: {check} (see its metadata in the Dagster UI: `dg dev`)", file=sys.stderr)
        for event in result.all_events:
            if event.is_failure and event.event_specific_data is not None:
                error = getattr(event.event_specific_data, "error", None)
                if error is not None:
                    print(f"  {event.step_key}: {error.message.strip()}", file=sys.stderr)
        return 1
    claims_meta = _metadata(result, "document_claims")
    release_meta = _metadata(result, "release")
    print(
        f"read {claims_meta['documents']} documents from {seeds} "
        f"({claims_meta['extracted']} extracted, {claims_meta['reused_from_cache']} reused from cache)"
    )
    for table in ("memberships", "agreements", "missions", "documents", "evidence", "conflicts"):
        print(f"  {table:12s} {release_meta[f'rows_{table}']:>7d} rows")
    print(f"{release_meta['message']}: {release_meta['manifest'].rsplit('/', 1)[0]}")
    print(f"done in {time.perf_counter() - started:.1f} s")
    return 0


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
    )
    build.add_argument("--seeds", default="seeds", help="corpus folder (default: seeds)")
    build.add_argument("--output", default="output", help="output folder (default: output)")
    build.set_defaults(func=cmd_build)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
