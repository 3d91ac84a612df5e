"""The data dictionary: generated from the Pandera models, committed, and in the release's DuckDB comments."""

from __future__ import annotations

from pathlib import Path

import duckdb
from analysis_helpers import PROJECT

from pipeline.analysis.dictionary import missing_descriptions, render_dictionary
from pipeline.cli import main
from schemas.tables import ARROW_SCHEMAS, MODELS, TABLES

COMMITTED = PROJECT / "docs" / "data-dictionary.md"


def test_committed_dictionary_is_up_to_date() -> None:
    assert COMMITTED.exists(), "docs/data-dictionary.md is missing: run `spacecoop dictionary`"
    assert COMMITTED.read_text(encoding="utf-8") == render_dictionary(), (
        "docs/data-dictionary.md is out of date with schemas/tables.py: run `spacecoop dictionary`"
    )


def test_every_column_is_described_and_listed() -> None:
    assert missing_descriptions() == []
    text = render_dictionary()
    for table in TABLES:
        assert f"\n## {table}\n" in text
        for field in ARROW_SCHEMAS[table]:
            assert f"| `{field.name}` |" in text, f"{table}.{field.name}"


def test_release_database_carries_the_same_descriptions(seeds_release: Path) -> None:
    with duckdb.connect(str(seeds_release / "release.duckdb"), read_only=True) as con:
        columns = {
            (t, c): comment
            for t, c, comment in con.execute(
                "select table_name, column_name, comment from duckdb_columns()"
            ).fetchall()
        }
        tables = dict(con.execute("select table_name, comment from duckdb_tables()").fetchall())
    for table in TABLES:
        model = MODELS[table]
        assert tables[table] == model.__doc__.strip()
        for name, column in model.to_schema().columns.items():
            assert columns[(table, name)] == column.description, f"{table}.{name}"


def test_cli_writes_and_checks(tmp_path: Path, capsys) -> None:
    target = tmp_path / "dd.md"
    assert main(["dictionary", "--output", str(target), "--check"]) == 1
    assert "spacecoop dictionary" in capsys.readouterr().err
    assert main(["dictionary", "--output", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == render_dictionary()
    assert main(["dictionary", "--output", str(target), "--check"]) == 0
    assert main(["dictionary", "--stdout"]) == 0
    assert capsys.readouterr().out.endswith(render_dictionary())
