"""CHANGELOG.md of one release: what changed against the previous release, fact by fact."""

from __future__ import annotations

from typing import Any

from pipeline.release.diff import CHANGE_KINDS, FACT_TABLES, KEYED_TABLES, RowChange, count_changes

KIND_TEXT = {
    "initial": "first release",
    "major": "major: a table or column was removed, renamed or retyped, or the schema's meaning changed",
    "minor": "minor: facts, tables, columns or allowed values were added or removed",
    "patch": "patch: the same facts; evidence, attributes or documents changed",
}


def _summary(changes: list[RowChange], rows_before: dict[str, int], rows_after: dict[str, int]) -> list[str]:
    counts = count_changes(changes)
    lines = ["| table | rows | added | removed | changed |", "|---|---:|---:|---:|---:|"]
    present = rows_after.keys() | rows_before.keys()
    for table in [*(t for t in KEYED_TABLES if t in present), *sorted(present - set(KEYED_TABLES))]:
        before, after = rows_before.get(table, 0), rows_after.get(table, 0)
        c = counts.get(table)
        cells = [str(c[k]) for k in CHANGE_KINDS] if c else ["–", "–", "–"]
        lines.append(f"| {table} | {after} ({after - before:+d}) | {' | '.join(cells)} |")
    return lines


def _schema(schema_changes: dict[str, Any]) -> list[str]:
    lines = []
    for table in schema_changes.get("tables_added", []):
        lines.append(f"- table added: `{table}`")
    for table in schema_changes.get("tables_removed", []):
        lines.append(f"- table removed: `{table}`")
    for c in schema_changes.get("columns_added", []):
        lines.append(f"- column added: `{c['table']}.{c['column']}` ({c['type']})")
    for c in schema_changes.get("columns_removed", []):
        lines.append(f"- column removed: `{c['table']}.{c['column']}` ({c['type']})")
    for c in schema_changes.get("columns_retyped", []):
        lines.append(f"- column retyped: `{c['table']}.{c['column']}` {c['from']} → {c['to']}")
    for c in schema_changes.get("nullability_changed", []):
        lines.append(f"- nullable changed: `{c['table']}.{c['column']}` {c['from']} → {c['to']}")
    for c in schema_changes.get("allowed_values_changed", []):
        parts = [f"+{v}" for v in c["added"]] + [f"-{v}" for v in c["removed"]]
        lines.append(f"- allowed values changed: `{c['table']}.{c['column']}` {', '.join(parts)}")
    return lines or ["No schema changes."]


def _item(change: RowChange) -> str:
    text = f"- {change.table} `{change.id}`: {change.label}"
    if change.change == "changed":
        text += f" — {', '.join(change.columns_changed)}"
    return text


def _rows(changes: list[RowChange], tables: tuple[str, ...]) -> list[str]:
    lines = []
    for kind in CHANGE_KINDS:
        selected = [c for c in changes if c.change == kind and c.table in tables]
        if selected:
            lines += ["", f"### {kind.capitalize()} ({len(selected)})", ""]
            lines += [_item(c) for c in selected]
    return lines


def render_changelog(
    *,
    dataset: str,
    version: str,
    previous: str | None,
    released: str,
    kind: str,
    schema_changes: dict[str, Any],
    changes: list[RowChange],
    rows_before: dict[str, int],
    rows_after: dict[str, int],
) -> str:
    """Markdown listing every fact added, removed or changed; evidence is counted (diff/ has each row)."""
    lines = [
        f"# {dataset} {version}",
        "",
        f"- released: {released}",
        f"- previous: {previous or '(none)'}",
        f"- kind: {KIND_TEXT.get(kind, kind)}",
        "",
        "## Summary",
        "",
        *_summary(changes, rows_before, rows_after),
        "",
        "## Schema",
        "",
        *(_schema(schema_changes) if previous else ["First release: every table is new."]),
        "",
        "## Facts",
    ]
    fact_lines = _rows(changes, FACT_TABLES)
    lines += fact_lines or ["", "No facts added, removed or changed."]
    document_lines = _rows(changes, ("documents",))
    if document_lines:
        lines += ["", "## Documents", *document_lines]
    evidence = count_changes(changes).get("evidence", dict.fromkeys(CHANGE_KINDS, 0))
    lines += [
        "",
        "## Evidence",
        "",
        f"{evidence['added']} added, {evidence['removed']} removed, {evidence['changed']} changed "
        "(each row in `diff/changes.parquet`).",
        "",
    ]
    return "\n".join(lines)
