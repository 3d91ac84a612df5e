"""Checks: blocking integrity checks stop the release; shrinking tables raise a drift warning."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pandas as pd

from pipeline.core.documents import discover, read_document
from pipeline.core.extract import extract_document
from pipeline.core.invariants import duplicate_ids, reference_problems
from pipeline.core.merge import build_tables
from pipeline.defs.assets import release
from pipeline.defs.checks import all_checks, row_loss
from pipeline.defs.resources import PipelineSettings
from schemas.tables import REJECTIONS, TABLES, empty_frame


def _tables(corpus: Path) -> dict[str, pd.DataFrame]:
    documents = [read_document(p, corpus) for p in discover(corpus)]
    return build_tables(documents, [extract_document(d) for d in documents])


def _run(tables: dict[str, pd.DataFrame], settings: PipelineSettings, instance: dg.DagsterInstance):
    """Materialise the real checks and release over hand-made tables."""

    @dg.multi_asset(outs={name: dg.AssetOut() for name in (*TABLES, REJECTIONS)})
    def given_tables():
        for name in TABLES:
            yield dg.Output(tables[name], output_name=name, metadata={"dagster/row_count": len(tables[name])})
        yield dg.Output(empty_frame(REJECTIONS), output_name=REJECTIONS)

    return dg.materialize(
        [given_tables, release, *all_checks],
        instance=instance,
        resources={"settings": settings},
        raise_on_error=False,
    )


def _checks(result: dg.ExecuteInProcessResult) -> dict[str, dg.AssetCheckEvaluation]:
    return {e.check_name: e for e in result.get_asset_check_evaluations()}


def test_dangling_and_duplicate_ids_block_the_release(settings: PipelineSettings, tiny_corpus: Path) -> None:
    tables = _tables(tiny_corpus)
    evidence = tables["evidence"]
    tables["evidence"] = pd.concat([evidence, evidence.head(1)], ignore_index=True)
    tables["evidence"].loc[len(evidence), "fact_id"] = "mis_0000000000000000"
    with dg.instance_for_test() as instance:
        result = _run(tables, settings, instance)
    checks = _checks(result)
    assert not checks["evidence_references_exist"].passed
    assert not checks["evidence_ids_are_unique"].passed
    assert checks["memberships_ids_are_unique"].passed
    assert "release" not in {e.asset_key.path[-1] for e in result.get_asset_materialization_events()}
    assert not (settings.releases / "latest.json").exists()


def test_losing_rows_against_the_latest_release_warns_without_blocking(
    settings: PipelineSettings, tiny_corpus: Path
) -> None:
    tables = _tables(tiny_corpus)
    with dg.instance_for_test() as instance:
        first = _run(tables, settings, instance)
        assert first.success and all(c.passed for c in _checks(first).values())
        (tiny_corpus / "002_d0e6a732fe21cc11.txt").unlink()  # most missions come from this document
        second = _run(_tables(tiny_corpus), settings, instance)
    checks = _checks(second)
    drift = checks["missions_row_drift"]
    assert not drift.passed and drift.severity == dg.AssetCheckSeverity.WARN
    assert drift.metadata["row_loss"].value > 0.2
    assert second.success  # a warning does not stop the release
    assert (settings.releases / "v0.2.0").exists() or (settings.releases / "v1.0.0").exists()


def test_pure_helpers() -> None:
    assert row_loss(None, 3) == 0.0 and row_loss(10, 12) == 0.0 and row_loss(10, 7) == 0.3
    assert duplicate_ids(pd.DataFrame({"id": ["a", "b", "a"]}), "id") == ["a"]
    documents = pd.DataFrame({"doc_id": ["d1"]})
    facts = {t: pd.DataFrame({c: ["x"]}) for t, c in (("memberships", "membership_id"),)}
    facts |= {"agreements": pd.DataFrame({"agreement_id": []}), "missions": pd.DataFrame({"mission_id": []})}
    evidence = pd.DataFrame(
        {
            "evidence_id": ["e1", "e2"],
            "fact_table": ["memberships"] * 2,
            "fact_id": ["x", "y"],
            "doc_id": ["d1", "d2"],
        }
    )
    conflicts = evidence.drop(columns="evidence_id").iloc[0:0]
    problems = reference_problems(evidence, conflicts, documents, facts)
    assert problems == [
        "evidence e2: doc_id d2 is not in documents",
        "evidence e2: fact_id y is not in memberships",
    ]
