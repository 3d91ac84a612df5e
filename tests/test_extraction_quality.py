"""Regression gate on extraction quality, measured with the project's own evaluation.

Thresholds sit a little below the scores measured when they were set (see the closing notes);
a change that makes extraction worse fails here. The independent corpus in tests/corpus/ was
annotated without looking at the extractor.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluation.run import evaluate_corpus

PROJECT = Path(__file__).resolve().parent.parent
SHARED_GOLD = PROJECT.parent / "shared" / "gold"


@pytest.fixture(scope="module")
def corpus_report():
    return evaluate_corpus(PROJECT / "tests" / "corpus" / "docs", PROJECT / "tests" / "corpus" / "gold")


@pytest.mark.parametrize(
    ("table", "minimum"), [("memberships", 0.95), ("agreements", 0.86), ("missions", 0.94)]
)
def test_own_corpus_f1(corpus_report, table: str, minimum: float) -> None:
    assert corpus_report.tables[table].f1 >= minimum, corpus_report.tables[table].missed


@pytest.mark.parametrize("table", ["memberships", "agreements", "missions"])
def test_no_negated_or_hedged_statement_is_extracted(corpus_report, table: str) -> None:
    assert corpus_report.tables[table].negatives_extracted == []


def test_own_corpus_evidence_is_exact(corpus_report) -> None:
    assert corpus_report.evidence.exact_quotes == 1.0
    assert corpus_report.evidence.facts_without_evidence == 0


# Sets 7, 9-20, 22-25, 27, 28 and 30-32 are scored on their own: their invented facts contradict some
# negatives of the main corpus, and the scorer merges facts across every document it is given. Floors
# sit a little below the latest scores; where they are below 0.85, so is the extractor on that set.
SUBSET_FLOORS = {
    "set7": {"memberships": 0.90, "agreements": 0.92, "missions": 0.95},
    "set9": {"memberships": 0.90, "agreements": 0.84, "missions": 0.95},
    "set10": {"memberships": 0.88, "agreements": 0.88, "missions": 0.95},
    "set11": {"memberships": 0.93, "agreements": 0.87, "missions": 0.88},
    "set12": {"memberships": 0.97, "agreements": 0.91, "missions": 0.90},
    "set13": {"memberships": 0.94, "agreements": 0.93, "missions": 0.97},
    "set14": {"memberships": 0.97, "agreements": 0.86, "missions": 0.97},
    "set15": {"memberships": 0.97, "agreements": 0.90, "missions": 0.97},
    "set16": {"memberships": 0.92, "agreements": 0.82, "missions": 0.97},
    "set17": {"memberships": 0.95, "agreements": 0.87, "missions": 0.97},
    "set18": {"memberships": 0.97, "agreements": 0.87, "missions": 0.93},
    "set19": {"memberships": 0.94, "agreements": 0.88, "missions": 0.97},
    "set20": {"memberships": 0.94, "agreements": 0.92, "missions": 0.97},
    "set22": {"memberships": 0.94, "agreements": 0.80, "missions": 0.97},
    "set23": {"memberships": 0.95, "agreements": 0.80, "missions": 0.92},
    "set24": {"memberships": 0.85, "agreements": 0.75, "missions": 0.97},
    "set25": {"memberships": 0.95, "agreements": 0.92, "missions": 0.93},
    "set27": {"memberships": 0.91, "agreements": 0.90, "missions": 0.80},
    "set28": {"memberships": 0.88, "agreements": 0.81, "missions": 0.93},
    "set30": {"memberships": 0.97, "agreements": 0.93, "missions": 0.93},
    "set31": {"memberships": 0.95, "agreements": 0.95, "missions": 0.90},
    "set32": {"memberships": 0.95, "agreements": 0.86, "missions": 0.80},
}


@pytest.fixture(scope="module", params=sorted(SUBSET_FLOORS))
def subset_report(request):
    folder = PROJECT / "tests" / "corpus" / request.param
    return request.param, evaluate_corpus(folder / "docs", folder / "gold")


@pytest.mark.parametrize("table", ["memberships", "agreements", "missions"])
def test_subset_f1(subset_report, table: str) -> None:
    name, report = subset_report
    assert report.tables[table].f1 >= SUBSET_FLOORS[name][table], (name, report.tables[table].missed)


@pytest.mark.parametrize("table", ["memberships", "agreements", "missions"])
def test_subset_no_negated_or_hedged_statement_is_extracted(subset_report, table: str) -> None:
    name, report = subset_report
    assert report.tables[table].negatives_extracted == [], name


@pytest.mark.skipif(not SHARED_GOLD.is_dir(), reason="../shared/gold is not beside the checkout")
def test_development_set() -> None:
    report = evaluate_corpus(PROJECT / "seeds", SHARED_GOLD)
    for table in ("memberships", "agreements", "missions"):
        assert report.tables[table].f1 >= 0.95, (table, report.tables[table].missed)
        for name, attribute in report.tables[table].attributes.items():
            if attribute.n:
                assert attribute.accuracy >= 0.95, (table, name)
    assert report.evidence.exact_quotes == 1.0
