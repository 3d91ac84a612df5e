"""`spacecoop query | explain | dictionary | report`: the analyst's commands.

Register them with `add_parsers(commands)` on the top-level parser's sub-parsers object. Exit
status: 0 on success; 1 when the query fails (DuckDB's message is printed), the fact is unknown
or the dictionary is out of date; 2 when there is no release to read (the message says to run
`spacecoop build`, or names the releases there are).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_parsers"]

QUERY_EXAMPLES = """\
examples:
  spacecoop query "select organization, count(*) as members from memberships group by 1 order by 2 desc"
  spacecoop query "select * from memberships where organization = 'ILRS'" --format csv > ilrs.csv
  spacecoop query --file docs/queries.sql --format json      # the last statement's rows
  spacecoop query "select count(*) from evidence" --version 0.1.0 --root /data/spacecoop/releases

  # which countries belong to both the ILRS and the Artemis Accords, according to which sources?
  spacecoop query "select m.member, m.organization, e.doc_id, e.evidence_id, e.quote
    from memberships m join evidence e on e.fact_id = m.membership_id
    where m.organization in ('ILRS', 'Artemis Accords') and m.member_type = 'country'
      and m.member in (select member from memberships where organization = 'ILRS'
                       intersect select member from memberships where organization = 'Artemis Accords')
    order by all"

tables: memberships, agreements, missions, documents, evidence, conflicts
(columns: `spacecoop dictionary --stdout`; more questions: docs/queries.sql)
"""

EXPLAIN_EXAMPLES = """\
examples:
  spacecoop explain mem_0e699d6d9e2f85f9            # a membership, its quotes in context, its documents
  spacecoop explain mem_0e69                         # a unique prefix is enough
  spacecoop explain evi_ded7acb8db6b9519             # the fact an evidence row supports
  spacecoop explain agr_3949a839fa2cabb5 --format json --version 0.1.0

find ids with e.g.: spacecoop query "select membership_id, member, organization from memberships"
"""

DICTIONARY_EXAMPLES = """\
examples:
  spacecoop dictionary                       # regenerate docs/data-dictionary.md
  spacecoop dictionary --stdout | less       # read it
  spacecoop dictionary --check               # exit 1 if docs/data-dictionary.md is out of date (CI)
"""

REPORT_EXAMPLES = """\
examples:
  spacecoop report                           # path of the newest release's report.html
  spacecoop report --version 0.1.0 --output /tmp/report-0.1.0.html   # (re)generate one
"""


def _add_release_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--version",
        dest="release_version",
        metavar="V",
        default=None,
        help="release X.Y.Z to read (default: the newest, as named by latest.json)",
    )
    parser.add_argument(
        "--root",
        default=None,
        metavar="DIR",
        help="release root (default: $SPACECOOP_OUTPUT/releases, else output/releases)",
    )


def _fail(message: str, code: int = 1, hint: str | None = None) -> int:
    print(f"error: {message}", file=sys.stderr)
    if hint:
        print(f"hint: {hint}", file=sys.stderr)
    return code


def _release(args: argparse.Namespace) -> Any:
    from pipeline.analysis.query import locate_release

    return locate_release(args.root, args.release_version)


def cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    from pipeline.analysis.query import ReleaseNotFound, connect, format_result, hint_for, run_query

    if args.file is not None:
        try:
            sql = Path(args.file).read_text(encoding="utf-8")
        except OSError as exc:
            return _fail(f"cannot read {args.file}: {exc.strerror}", 2)
    elif args.sql == "-":
        sql = sys.stdin.read()
    else:
        sql = args.sql
    if not sql or not sql.strip():
        return _fail(
            "no query given",
            2,
            'e.g. spacecoop query "select * from memberships limit 5" (spacecoop query --help for more)',
        )
    try:
        release = _release(args)
    except ReleaseNotFound as exc:
        return _fail(str(exc), 2)
    try:
        with connect(release) as con:
            result = run_query(con, sql)
    except duckdb.Error as exc:
        return _fail(str(exc).strip(), 1, hint_for(exc))
    if args.format == "table" and not args.quiet:
        print(f"-- release v{release.version} ({release.path})", file=sys.stderr)
    print(format_result(result, args.format, args.max_width))
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    import duckdb

    from pipeline.analysis.explain import FactNotFound, explain, format_explanation, format_explanation_json
    from pipeline.analysis.query import ReleaseNotFound, connect

    try:
        release = _release(args)
        with connect(release) as con:
            explanation = explain(con, args.fact_id, release.version, args.context)
    except ReleaseNotFound as exc:
        return _fail(str(exc), 2)
    except FactNotFound as exc:
        return _fail(str(exc), 1)
    except duckdb.Error as exc:
        return _fail(f"cannot read release: {exc}", 1, "check it with `spacecoop verify`")
    if args.format == "json":
        print(format_explanation_json(explanation))
        return 0
    color = args.color == "always" or (
        args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    )
    width = max(60, min(120, _terminal_width()))
    print(format_explanation(explanation, color=color, width=width))
    return 0


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


def cmd_dictionary(args: argparse.Namespace) -> int:
    from pipeline.analysis.dictionary import render_dictionary

    text = render_dictionary()
    if args.stdout:
        sys.stdout.write(text)
        return 0
    target = Path(args.output)
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current != text:
            return _fail(
                f"{target} is out of date with schemas/tables.py",
                1,
                "run `spacecoop dictionary` and commit it",
            )
        print(f"{target} is up to date")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() and target.read_text(encoding="utf-8") == text:
        print(f"{target} is up to date")
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from pipeline.analysis.query import ReleaseNotFound
    from pipeline.analysis.report import REPORT_NAME, write_report

    try:
        release = _release(args)
    except ReleaseNotFound as exc:
        return _fail(str(exc), 2)
    existing = release.path / REPORT_NAME
    if args.output is None and existing.exists():
        print(existing.resolve().as_uri())
        return 0
    output = Path(args.output) if args.output else Path(f"report-v{release.version}.html")
    target = write_report(release.path, output)
    print(f"wrote {target} — open {target.resolve().as_uri()} in a browser")
    return 0


def add_parsers(commands: Any) -> None:
    """Register query, explain, dictionary and report on an argparse sub-parsers object."""
    formatter = argparse.RawDescriptionHelpFormatter

    query = commands.add_parser(
        "query",
        help="run SQL against a release (read-only) and print the rows",
        description="Run SQL against a release's DuckDB database, read-only (no writes, no other files). "
        "Several statements may be given; the last one's rows are printed. On a bad query the exit "
        "status is 1 and DuckDB's message is printed.",
        epilog=QUERY_EXAMPLES,
        formatter_class=formatter,
    )
    query.add_argument("sql", nargs="?", help="the SQL to run ('-' reads it from stdin)")
    query.add_argument("--file", "-f", metavar="FILE", help="read the SQL from FILE instead")
    query.add_argument(
        "--format", choices=("table", "csv", "json"), default="table", help="output format (default: table)"
    )
    query.add_argument(
        "--max-width", type=int, default=80, metavar="N", help="cut table cells longer than N (0: never)"
    )
    query.add_argument("--quiet", "-q", action="store_true", help="do not name the release on stderr")
    _add_release_options(query)
    query.set_defaults(func=cmd_query)

    explain = commands.add_parser(
        "explain",
        help="show a fact, every quote behind it in context, and its documents",
        description="Show a fact (memberships, agreements or missions), each evidence span with the quote "
        "marked [[like this]] inside its surrounding text from documents.text, any conflicting claims, "
        "and the documents quoted.",
        epilog=EXPLAIN_EXAMPLES,
        formatter_class=formatter,
    )
    explain.add_argument(
        "fact_id", metavar="FACT_ID", help="mem_…, agr_…, mis_… (or a unique prefix), or evi_…"
    )
    explain.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    explain.add_argument(
        "--context", type=int, default=200, metavar="N", help="characters of context around each quote"
    )
    explain.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="highlight quotes in color"
    )
    _add_release_options(explain)
    explain.set_defaults(func=cmd_explain)

    dictionary = commands.add_parser(
        "dictionary",
        help="regenerate docs/data-dictionary.md from the schemas",
        description="Write the data dictionary (every table and column, with types, nullability, allowed "
        "values and descriptions) generated from the Pandera models in schemas/tables.py.",
        epilog=DICTIONARY_EXAMPLES,
        formatter_class=formatter,
    )
    dictionary.add_argument(
        "--output", default="docs/data-dictionary.md", metavar="FILE", help="default: docs/data-dictionary.md"
    )
    dictionary.add_argument("--check", action="store_true", help="only check FILE is up to date")
    dictionary.add_argument("--stdout", action="store_true", help="print it instead of writing a file")
    dictionary.set_defaults(func=cmd_dictionary)

    report = commands.add_parser(
        "report",
        help="locate (or regenerate) a release's HTML evidence report",
        description="Every release carries report.html: counts, memberships over time, the tables with "
        "links to their evidence, and every document with its evidence highlighted. Without --output "
        "this prints the report's file:// address; with --output it writes the report there.",
        epilog=REPORT_EXAMPLES,
        formatter_class=formatter,
    )
    report.add_argument("--output", metavar="FILE", help="write the report to FILE")
    _add_release_options(report)
    report.set_defaults(func=cmd_report)
