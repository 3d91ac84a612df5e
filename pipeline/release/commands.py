"""`spacecoop verify | diff | releases | yank`: inspect and manage published releases."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pipeline.release.layout import default_root, normalize_version, read_index, read_latest, resolve_version

# The commands import pyarrow, duckdb and the schemas only when they run, so `spacecoop --help` stays fast.
SYMBOLS = {"added": "+", "removed": "-", "changed": "~"}


def _root(args: argparse.Namespace) -> Path:
    return Path(args.root) if args.root else default_root()


def _add_root(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root",
        default=None,
        help="release root (default: $SPACECOOP_OUTPUT/releases, else output/releases)",
    )


def _fail(message: str, code: int = 2) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def cmd_verify(args: argparse.Namespace) -> int:
    from pipeline.release.verify import verify

    root = _root(args)
    if not root.is_dir():
        return _fail(f"release root {root} does not exist (pass --root DIR)")
    try:
        root_problems, reports = verify(root, normalize_version(args.version) if args.version else None)
    except ValueError as exc:
        return _fail(str(exc))
    statuses = {e["version"]: e["status"] for e in read_index(root)["releases"]} if reports else {}
    for report in reports:
        status = statuses.get(report.version, "unlisted")
        if report.ok:
            print(f"v{report.version}  ok      {report.files} files, {report.rows} rows ({status})")
        else:
            print(f"v{report.version}  FAILED  ({status})")
            for problem in report.problems:
                print(f"  {problem}")
    for problem in root_problems:
        print(f"FAILED  {problem}")
    count = len(root_problems) + sum(len(r.problems) for r in reports)
    if count:
        print(f"verify failed: {count} problem(s)", file=sys.stderr)
        return 1
    if not reports:
        return _fail(f"no releases under {root}", 1)
    print(f"verified {len(reports)} release(s) under {root}")
    return 0


def _value(value: Any, limit: int = 70) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _values(old: Any, new: Any, width: int = 80) -> tuple[str, str]:
    """Both values, or for long texts a window around where they start to differ."""
    if not (isinstance(old, str) and isinstance(new, str)) or max(len(old), len(new)) <= width:
        return _value(old), _value(new)
    same = next(
        (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new))
    )
    start = max(0, same - 20)
    return tuple(f"…{_value(text[start : start + width], width + 10)}…" for text in (old, new))  # type: ignore[return-value]


def _print_change(change: Any) -> None:
    print(f"  {SYMBOLS[change.change]} {change.id}  {change.label}")
    if change.change == "changed" and change.before is not None and change.after is not None:
        for column in change.columns_changed:
            before, after = _values(change.before[column], change.after[column])
            print(f"      {column}: {before} → {after}")


def _print_schema(schema: dict[str, Any]) -> None:
    lines = [f"  {kind}: {_value(items, 200)}" for kind, items in schema.items() if items]
    print("schema: no changes" if not lines else "schema:")
    for line in lines:
        print(line)


def cmd_diff(args: argparse.Namespace) -> int:
    from pipeline.release.diff import CHANGE_KINDS, KEYED_TABLES, count_changes, diff_releases

    root = _root(args)
    try:
        old, new = resolve_version(root, args.old), resolve_version(root, args.new)
        schema, changes = diff_releases(root, old, new)
    except (ValueError, FileNotFoundError) as exc:
        return _fail(str(exc))
    print(f"spacecoop {old} → {new}")
    _print_schema(schema)
    counts = count_changes(changes)
    for table in KEYED_TABLES:
        c = counts[table]
        summary = ", ".join(f"{c[k]} {k}" for k in CHANGE_KINDS)
        selected = [ch for ch in changes if ch.table == table]
        if table == "evidence" and not args.evidence and selected:
            print(f"{table}: {summary} (--evidence lists them)")
            continue
        print(f"{table}: {summary}" if selected else f"{table}: no changes")
        for change in selected:
            _print_change(change)
    return 0


def cmd_releases(args: argparse.Namespace) -> int:
    root = _root(args)
    index = read_index(root)
    if args.json:
        print(json.dumps(index, indent=2, ensure_ascii=False))
        return 0
    if not index["releases"]:
        return _fail(f"no releases under {root}", 1)
    latest = (read_latest(root) or {}).get("version")
    print(f"{'version':<10} {'date':<26} {'status':<11} {'previous':<10} manifest_sha256")
    for entry in index["releases"]:
        marker = " *" if entry["version"] == latest else ""
        line = (
            f"{entry['version']:<10} {entry['date']:<26} {entry['status']:<11} "
            f"{entry.get('previous') or '-':<10} {entry['manifest_sha256']}{marker}"
        )
        if entry["status"] == "yanked":
            line += f"  (yanked {entry.get('yanked_at', '')}: {entry.get('yanked_reason', '')})"
        print(line)
    return 0


def cmd_yank(args: argparse.Namespace) -> int:
    from pipeline.release.catalog import yank

    try:
        print(yank(_root(args), args.version, args.reason))
    except (KeyError, ValueError) as exc:
        return _fail(str(exc).strip("'\""), 1)
    return 0


def add_parsers(commands: Any) -> None:
    """Register verify, diff, releases and yank on an argparse subparsers object."""
    verify_parser = commands.add_parser(
        "verify",
        help="recompute checksums, row counts, content hashes and invariants of releases",
        description="Exit non-zero, naming the file, when any release file differs from what was published.",
    )
    verify_parser.add_argument("version", nargs="?", help="X.Y.Z (default: every release in index.json)")
    _add_root(verify_parser)
    verify_parser.set_defaults(func=cmd_verify)

    diff_parser = commands.add_parser(
        "diff",
        help="what changed between two releases, fact by fact",
        description="Schema changes, then every row added (+), removed (-) or changed (~), by table.",
    )
    diff_parser.add_argument("old", help="X.Y.Z or latest")
    diff_parser.add_argument("new", help="X.Y.Z or latest")
    diff_parser.add_argument("--evidence", action="store_true", help="list evidence rows, not only counts")
    _add_root(diff_parser)
    diff_parser.set_defaults(func=cmd_diff)

    releases_parser = commands.add_parser(
        "releases", help="list releases", description="Every release in index.json; * marks latest."
    )
    releases_parser.add_argument("--json", action="store_true", help="print index.json")
    _add_root(releases_parser)
    releases_parser.set_defaults(func=cmd_releases)

    yank_parser = commands.add_parser(
        "yank",
        help="mark a release yanked (its files stay; latest moves to the newest release left)",
        description="Yanking records a status and reason in index.json; nothing is deleted.",
    )
    yank_parser.add_argument("version", help="X.Y.Z")
    yank_parser.add_argument("--reason", required=True, help="why the release must not be used")
    _add_root(yank_parser)
    yank_parser.set_defaults(func=cmd_yank)
