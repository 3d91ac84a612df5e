"""`spacecoop query`: SQL against one release's DuckDB database, read-only.

The connection is opened read-only with file access switched off (and the setting locked), so a
query can read the release's tables and nothing else, and can change nothing: not the release,
not a file on disk.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from pipeline.release.layout import (
    LATEST,
    default_root,
    normalize_version,
    read_index,
    read_latest,
    release_dir,
    release_folders,
)

__all__ = [
    "FORMATS",
    "QueryResult",
    "Release",
    "ReleaseNotFound",
    "connect",
    "format_result",
    "locate_release",
    "run_query",
]

FORMATS = ("table", "csv", "json")
TABLE_HINT = "tables: memberships, agreements, missions, documents, evidence, conflicts"


class ReleaseNotFound(Exception):
    """There is no release where one was asked for; the message says what to do next."""


@dataclass(frozen=True)
class Release:
    root: Path
    version: str
    path: Path

    @property
    def database(self) -> Path:
        return self.path / "release.duckdb"


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    types: list[str]
    rows: list[tuple]


def _release_root(root: Path | str | None) -> Path:
    """The release root; an output folder (one holding `releases/`) is accepted too."""
    path = Path(root) if root else default_root()
    if not (path / LATEST).exists() and (path / "releases").is_dir():
        return path / "releases"
    return path


def locate_release(root: Path | str | None = None, version: str | None = None) -> Release:
    """The release `version` (default: the one latest.json names) under `root` (default: output/releases)."""
    base = _release_root(root)
    if version is None or version == "latest":
        latest = read_latest(base)
        if latest is None:
            if release_folders(base):
                raise ReleaseNotFound(
                    f"every release under {base} is yanked: pass --version X.Y.Z "
                    f"(`spacecoop releases --root {base}` lists them)"
                )
            where = "" if root else " (or pass --root DIR to read releases built elsewhere)"
            raise ReleaseNotFound(f"no release under {base}: run `spacecoop build` first{where}")
        version = latest["version"]
    try:
        version = normalize_version(version)
    except ValueError as exc:
        raise ReleaseNotFound(f"{exc}; e.g. --version 0.1.0") from None
    path = release_dir(base, version)
    if not (path / "release.duckdb").exists():
        known = [p.name for p in release_folders(base)] or [
            f"v{e['version']}" for e in read_index(base)["releases"]
        ]
        listing = ", ".join(known) if known else "none: run `spacecoop build` first"
        raise ReleaseNotFound(f"no release v{version} under {base} (releases there: {listing})")
    return Release(base, version, path)


def connect(release: Release) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the release's database that cannot touch any other file."""
    return duckdb.connect(
        str(release.database),
        read_only=True,
        config={"enable_external_access": False, "lock_configuration": True},
    )


def run_query(con: duckdb.DuckDBPyConnection, sql: str) -> QueryResult:
    """Run `sql` (several statements allowed; the last one's result is returned). Raises duckdb.Error."""
    cursor = con.execute(sql)
    if cursor.description is None:
        return QueryResult([], [], [])
    columns = [d[0] for d in cursor.description]
    types = [str(d[1]) for d in cursor.description]
    return QueryResult(columns, types, cursor.fetchall())


def hint_for(error: duckdb.Error) -> str | None:
    """What to try next after a failed query."""
    if isinstance(error, duckdb.CatalogException):
        return f"{TABLE_HINT} (columns: `spacecoop dictionary --stdout` or docs/data-dictionary.md)"
    if isinstance(error, duckdb.BinderException):
        return "see the columns of each table with `spacecoop dictionary --stdout` or docs/data-dictionary.md"
    if isinstance(error, duckdb.ParserException):
        return "check the SQL; in a shell, wrap the query in double quotes and strings in single quotes"
    if isinstance(error, duckdb.PermissionException):
        return "queries read the release's tables only; to read other files use duckdb itself"
    if "read-only" in str(error):
        return "releases are read-only; copy the rows out with --format csv or --format json instead"
    return None


def _plain(value: Any) -> Any:
    """A JSON-ready value."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, bytes):
        return value.hex()
    return value


def _cell(value: Any, max_width: int) -> str:
    if value is None:
        text = "NULL"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (list, tuple)):
        text = "[" + ", ".join("NULL" if v is None else str(v) for v in value) + "]"
    elif isinstance(value, float):
        text = f"{value:.6g}"
    else:
        text = str(value)
    text = " ".join(text.split()) if any(c in text for c in "\n\r\t") else text
    if max_width and len(text) > max_width:
        text = text[: max_width - 1] + "…"
    return text


def format_table(result: QueryResult, max_width: int = 80) -> str:
    """An aligned plain-text table with a row count; numbers right-aligned, long cells cut with '…'."""
    if not result.columns:
        return "ok (the statement returned no rows)"
    cells = [[_cell(v, max_width) for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(result.columns)]
    numeric = [
        all(
            (isinstance(row[i], (int, float, Decimal)) and not isinstance(row[i], bool)) or row[i] is None
            for row in result.rows
        )
        and any(row[i] is not None for row in result.rows)
        for i in range(len(result.columns))
    ]

    def line(values: list[str]) -> str:
        parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric, strict=True)]
        return " │ ".join(parts).rstrip()

    out = [line(result.columns), "─┼─".join("─" * w for w in widths)]
    out += [line(r) for r in cells]
    n = len(result.rows)
    out.append(f"({n} row{'s' if n != 1 else ''})")
    return "\n".join(out)


def format_csv(result: QueryResult) -> str:
    """CSV with a header; lists as JSON arrays, NULL as an empty field."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(
            [
                json.dumps(_plain(v), ensure_ascii=False) if isinstance(v, (list, tuple, dict)) else _plain(v)
                for v in row
            ]
        )
    return buffer.getvalue().rstrip("\n")


def format_json(result: QueryResult) -> str:
    """A JSON array of objects, one per row."""
    records = [dict(zip(result.columns, (_plain(v) for v in row), strict=True)) for row in result.rows]
    return json.dumps(records, indent=2, ensure_ascii=False)


def format_result(result: QueryResult, fmt: str = "table", max_width: int = 80) -> str:
    if fmt == "table":
        return format_table(result, max_width)
    if fmt == "csv":
        return format_csv(result)
    if fmt == "json":
        return format_json(result)
    raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
