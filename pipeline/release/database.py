"""The release's DuckDB database: the tables copied in, so it answers from any working directory."""

from __future__ import annotations

from pathlib import Path

import duckdb

from schemas.tables import MODELS


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def write_database(database: Path, parquet_files: dict[str, Path]) -> None:
    """Create `database` with one table per Parquet file, documented with COMMENT ON from the schemas."""
    database.unlink(missing_ok=True)
    with duckdb.connect(str(database)) as con:
        for table, path in parquet_files.items():
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_parquet({_quote(str(path.resolve()))})")
            model = MODELS.get(table)
            if model is None:
                continue
            if model.__doc__:
                con.execute(f"COMMENT ON TABLE {table} IS {_quote(model.__doc__.strip())}")
            for column, field in model.to_schema().columns.items():
                if field.description:
                    con.execute(f"COMMENT ON COLUMN {table}.{column} IS {_quote(field.description)}")
        con.execute("CHECKPOINT")


def write_views(database: Path, release_dir: Path, tables: list[str]) -> None:
    """A small database of views over one release's Parquet files (absolute paths)."""
    database.unlink(missing_ok=True)
    with duckdb.connect(str(database)) as con:
        for table in tables:
            path = (release_dir / "data" / f"{table}.parquet").resolve()
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet({_quote(str(path))})")


def write_latest_database(database: Path, release_dir: Path, tables: list[str], info: dict[str, str]) -> None:
    """Views over `release_dir`'s Parquet files plus a one-row `release_info` table naming the release."""
    write_views(database, release_dir, tables)
    with duckdb.connect(str(database)) as con:
        columns = ", ".join(f"{_quote(value)} AS {name}" for name, value in info.items())
        con.execute(f"CREATE TABLE release_info AS SELECT {columns}")
        con.execute("CHECKPOINT")


def latest_database_info(database: Path) -> dict[str, str] | None:
    """The `release_info` row of a latest.duckdb, or None when it is missing or unreadable."""
    if not database.exists():
        return None
    try:
        with duckdb.connect(str(database), read_only=True) as con:
            cursor = con.execute("SELECT * FROM release_info")
            row = cursor.fetchone()
            names = [d[0] for d in cursor.description]
    except duckdb.Error:
        return None
    return dict(zip(names, row, strict=True)) if row else None
