"""Blocking asset checks: the contract (Pandera) and the evidence invariants.

A failing blocking check stops the run before the release asset, so invalid
data never reaches a release; the failing rows are attached as metadata.
"""

import dagster as dg
import pandas as pd
import pandera.errors

from pipeline.core.invariants import evidence_problems
from pipeline.defs.markdown import markdown_table
from schemas.tables import TABLES, validate

MAX_FAILURE_ROWS = 20


def _contract_check(table: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=table,
        name=f"{table}_matches_contract",
        blocking=True,
        description=f"`{table}` passes its Pandera model (types, allowed values, unique ids).",
    )
    def check(frame: pd.DataFrame) -> dg.AssetCheckResult:
        try:
            validate(table, frame)
        except pandera.errors.SchemaErrors as errors:
            cases = errors.failure_cases
            return dg.AssetCheckResult(
                passed=False,
                metadata={
                    "failures": len(errors.failure_cases),
                    "failure_cases": dg.MetadataValue.md(markdown_table(cases, rows=MAX_FAILURE_ROWS)),
                },
            )
        return dg.AssetCheckResult(passed=True, metadata={"rows": len(frame)})

    return check


@dg.asset_check(
    asset="evidence",
    blocking=True,
    additional_ins={
        "documents": dg.AssetIn("documents"),
        "memberships": dg.AssetIn("memberships"),
        "agreements": dg.AssetIn("agreements"),
        "missions": dg.AssetIn("missions"),
    },
    description="Every quote is exactly its span of documents.text; every fact has evidence; "
    "every fact_id and doc_id in evidence exists.",
)
def evidence_is_exact_and_complete(
    evidence: pd.DataFrame,
    documents: pd.DataFrame,
    memberships: pd.DataFrame,
    agreements: pd.DataFrame,
    missions: pd.DataFrame,
) -> dg.AssetCheckResult:
    facts = {"memberships": memberships, "agreements": agreements, "missions": missions}
    problems = evidence_problems(evidence, documents, facts)
    return dg.AssetCheckResult(
        passed=not problems,
        metadata={
            "problems": len(problems),
            "sample": dg.MetadataValue.md("\n".join(f"- {p}" for p in problems[:MAX_FAILURE_ROWS]) or "none"),
        },
    )


contract_checks = [_contract_check(table) for table in TABLES]
all_checks = [*contract_checks, evidence_is_exact_and_complete]
