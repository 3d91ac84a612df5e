"""Asset checks on the tables.

Blocking (one step, `validate_tables`): the contract (Pandera), the evidence invariant, referential
integrity (every fact_id and doc_id named by evidence or conflicts exists) and unique ids. A failing
blocking check stops the run before `release`, so invalid data never reaches a release; the failing
rows are attached as metadata.

Non-blocking (`row_drift`): a warning when a table has lost more than `max_row_loss` of its rows
against the latest release. It reads row counts from the materialization metadata, not the data.
"""

from collections.abc import Iterator

import dagster as dg
import pandas as pd
import pandera.errors

from pipeline.core.invariants import duplicate_ids, evidence_problems, reference_problems
from pipeline.defs.markdown import markdown_table
from pipeline.defs.resources import PipelineSettings
from pipeline.release.publish import latest_manifest
from schemas.tables import PRIMARY_KEYS, TABLES, describe_failures, validate

MAX_FAILURE_ROWS = 20
FACT_TABLES = ("memberships", "agreements", "missions")


def _problems_result(asset: str, check: str, problems: list[str]) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        asset_key=asset,
        check_name=check,
        passed=not problems,
        metadata={
            "problems": len(problems),
            "sample": dg.MetadataValue.md("\n".join(f"- {p}" for p in problems[:MAX_FAILURE_ROWS]) or "none"),
        },
    )


def _contract_result(table: str, frame: pd.DataFrame) -> dg.AssetCheckResult:
    name = f"{table}_matches_contract"
    try:
        validate(table, frame)
    except pandera.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        return dg.AssetCheckResult(
            asset_key=table,
            check_name=name,
            passed=False,
            metadata={
                "failures": len(cases),
                "summary": describe_failures(table, errors),
                "failure_cases": dg.MetadataValue.md(markdown_table(cases, rows=MAX_FAILURE_ROWS)),
            },
        )
    return dg.AssetCheckResult(asset_key=table, check_name=name, passed=True, metadata={"rows": len(frame)})


BLOCKING_SPECS = [
    *(
        dg.AssetCheckSpec(
            f"{table}_matches_contract",
            asset=table,
            blocking=True,
            description=f"`{table}` passes its Pandera model (types, allowed values, unique ids).",
        )
        for table in TABLES
    ),
    dg.AssetCheckSpec(
        "evidence_is_exact_and_complete",
        asset="evidence",
        blocking=True,
        description="Every quote is exactly its span of documents.text; every fact has evidence.",
    ),
    dg.AssetCheckSpec(
        "evidence_references_exist",
        asset="evidence",
        blocking=True,
        description="Every evidence fact_id exists in its fact table and every doc_id in documents.",
    ),
    dg.AssetCheckSpec(
        "conflicts_references_exist",
        asset="conflicts",
        blocking=True,
        description="Every conflicts fact_id exists in its fact table and every doc_id in documents.",
    ),
    *(
        dg.AssetCheckSpec(
            f"{table}_ids_are_unique",
            asset=table,
            blocking=True,
            description=f"No two rows of `{table}` share a `{column}`.",
        )
        for table, column in PRIMARY_KEYS.items()
    ),
]


@dg.multi_asset_check(
    specs=BLOCKING_SPECS,
    ins={table: dg.AssetIn(table) for table in TABLES},
    description="The contract, the evidence invariant, referential integrity and unique ids.",
)
def validate_tables(
    memberships: pd.DataFrame,
    agreements: pd.DataFrame,
    missions: pd.DataFrame,
    documents: pd.DataFrame,
    evidence: pd.DataFrame,
    conflicts: pd.DataFrame,
) -> Iterator[dg.AssetCheckResult]:
    frames = {
        "memberships": memberships,
        "agreements": agreements,
        "missions": missions,
        "documents": documents,
        "evidence": evidence,
        "conflicts": conflicts,
    }
    for table in TABLES:
        yield _contract_result(table, frames[table])
    facts = {t: frames[t] for t in FACT_TABLES}
    yield _problems_result(
        "evidence", "evidence_is_exact_and_complete", evidence_problems(evidence, documents, facts)
    )
    empty = conflicts.iloc[0:0]
    yield _problems_result(
        "evidence", "evidence_references_exist", reference_problems(evidence, empty, documents, facts)
    )
    yield _problems_result(
        "conflicts",
        "conflicts_references_exist",
        reference_problems(evidence.iloc[0:0], conflicts, documents, facts),
    )
    for table, column in PRIMARY_KEYS.items():
        duplicates = duplicate_ids(frames[table], column)
        yield _problems_result(
            table, f"{table}_ids_are_unique", [f"{column} {d} is duplicated" for d in duplicates]
        )


def row_loss(previous: int | None, current: int) -> float:
    """The share of `previous` rows that are gone (0 when the table grew or had no rows)."""
    if not previous:
        return 0.0
    return max(0.0, (previous - current) / previous)


@dg.multi_asset_check(
    specs=[
        dg.AssetCheckSpec(
            f"{table}_row_drift",
            asset=table,
            blocking=False,
            description=f"Warns when `{table}` lost over `max_row_loss` of its rows vs the latest release.",
        )
        for table in TABLES
    ],
    description="Suspicious drift: a table losing more than `max_row_loss` of its rows.",
)
def row_drift(
    context: dg.AssetCheckExecutionContext, settings: PipelineSettings
) -> Iterator[dg.AssetCheckResult]:
    manifest = latest_manifest(settings.releases)
    for table in TABLES:
        event = context.instance.get_latest_materialization_event(dg.AssetKey(table))
        entry = event.asset_materialization.metadata.get("dagster/row_count") if event else None
        rows = int(entry.value) if entry is not None else 0
        previous = manifest["tables"].get(table, {}).get("rows") if manifest else None
        loss = row_loss(previous, rows)
        yield dg.AssetCheckResult(
            asset_key=table,
            check_name=f"{table}_row_drift",
            passed=loss <= settings.max_row_loss,
            severity=dg.AssetCheckSeverity.WARN,
            metadata={
                "rows": rows,
                "rows_in_latest_release": previous if previous is not None else "no release yet",
                "latest_release": manifest["version"] if manifest else "none",
                "row_loss": round(loss, 4),
                "max_row_loss": settings.max_row_loss,
            },
        )


all_checks = [validate_tables, row_drift]
