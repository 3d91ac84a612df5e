"""docs/queries.sql: at least ten analysts' questions, each answered by a query that runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from analysis_helpers import PROJECT

from pipeline.analysis.query import QueryResult, connect, locate_release, run_query

QUERIES = PROJECT / "docs" / "queries.sql"


def load_queries() -> list[tuple[int, str, str]]:
    """(number, question, sql) for every '-- N. question' block of docs/queries.sql."""
    parts = re.split(r"^-- (\d+)\. (.+)$", QUERIES.read_text(encoding="utf-8"), flags=re.M)
    return [(int(parts[i]), parts[i + 1].strip(), parts[i + 2].strip()) for i in range(1, len(parts), 3)]


def answer(root: Path, sql: str) -> QueryResult:
    with connect(locate_release(root)) as con:
        return run_query(con, sql)


def test_at_least_ten_numbered_questions() -> None:
    queries = load_queries()
    assert len(queries) >= 10
    assert [n for n, _, _ in queries] == list(range(1, len(queries) + 1))
    for _, question, sql in queries:
        assert question and sql.rstrip().endswith(";") and sql.count(";") == 1, question


@pytest.mark.parametrize(("number", "question", "sql"), load_queries(), ids=lambda v: str(v)[:40])
def test_query_runs_on_the_seeds(seeds_build: Path, number: int, question: str, sql: str) -> None:
    result = answer(seeds_build, sql)
    assert result.columns, question


def test_answers_on_a_release_with_known_content(small_root: Path) -> None:
    queries = {n: sql for n, _, sql in load_queries()}
    both = answer(small_root, queries[1])
    assert {row[0] for row in both.rows} == {"Thailand"}
    assert {(row[1], row[3]) for row in both.rows} == {
        ("Artemis Accords", "d1"),
        ("ILRS", "d1"),
        ("ILRS", "d2"),
    }
    disagreements = answer(small_root, queries[12])
    quotes = {row[-1] for row in disagreements.rows}
    assert quotes == {"Kenya joined the ILRS in 2024.", "Kenya joined in 2023."}
    growth = answer(small_root, queries[5])
    assert ("ILRS", 2024, 1, 2) in [
        tuple(int(v) if isinstance(v, float) else v for v in r) for r in growth.rows
    ]
