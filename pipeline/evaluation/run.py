"""Evaluate a corpus (built in process, without Dagster) or already-built tables.

Quotes are checked against the ``documents`` table's ``text``, which by the contract is
what evidence offsets index into. For a plain-text file that text must be the file's
bytes decoded in the file's own encoding, so when the source folder is at hand each
plain-text document's ``text`` is compared with its file decoded as the pipeline decodes
it (UTF-8, else the detected encoding); a document whose text differs is not trusted and
its quotes count as inexact. (The shared reference scorer decodes plain-text files as
UTF-8 only, so it counts every quote of a Windows-1252 file as inexact; this evaluator
does not, and says so in the report's notes.)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.core.documents import TEXT_SUFFIXES, decode_bytes, discover, doc_id_for, read_document
from pipeline.evaluation.gold import load_gold
from pipeline.evaluation.names import NameKeys
from pipeline.evaluation.scoring import EvaluationReport, Row, score

__all__ = ["TABLES", "document_texts", "evaluate_corpus", "evaluate_tables", "load_tables", "rows_of"]

TABLES: tuple[str, ...] = ("memberships", "agreements", "missions", "evidence", "documents")
Tables = Mapping[str, pd.DataFrame | Sequence[Row] | None]


def load_tables(tables_dir: Path) -> dict[str, list[dict[str, Any]] | None]:
    """Rows of ``<table>.parquet`` in ``tables_dir`` (None for a missing file). A release
    folder holding ``data/`` is accepted for its ``data/`` folder."""
    tables_dir = Path(tables_dir)
    if not tables_dir.is_dir():
        raise FileNotFoundError(f"tables folder {tables_dir} does not exist")
    if not any(tables_dir.glob("*.parquet")) and (tables_dir / "data").is_dir():
        tables_dir = tables_dir / "data"
    out: dict[str, list[dict[str, Any]] | None] = {}
    for name in TABLES:
        path = tables_dir / f"{name}.parquet"
        out[name] = pq.read_table(path).to_pylist() if path.exists() else None
    return out


def _frame_rows(name: str, frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Plain Python rows of a frame: through the table's Arrow schema when it fits."""
    from schemas.tables import ARROW_SCHEMAS, to_arrow

    if name in ARROW_SCHEMAS:
        try:
            return to_arrow(name, frame).to_pylist()
        except (KeyError, TypeError, ValueError, pa.ArrowException):
            pass  # not conformant: read it as it is
    return pa.Table.from_pandas(frame, preserve_index=False).to_pylist()


def rows_of(tables: Tables) -> dict[str, list[dict[str, Any]] | None]:
    """Rows of in-memory tables (DataFrames or sequences of mappings)."""
    out: dict[str, list[dict[str, Any]] | None] = {}
    for name in TABLES:
        table = tables.get(name)
        if table is None:
            out[name] = None
        elif isinstance(table, pd.DataFrame):
            out[name] = _frame_rows(name, table)
        else:
            out[name] = [dict(row) for row in table]
    return out


def document_texts(
    documents: Sequence[Row] | None, docs_dir: Path | None
) -> tuple[dict[str, str | None], list[str]]:
    """doc_id -> the text its evidence indexes into, plus notes for the report.

    Texts come from the ``documents`` table; a plain-text document whose text is not its
    file decoded maps to None. Documents missing from the table are read from ``docs_dir``.
    """
    notes: list[str] = []
    root = Path(docs_dir) if docs_dir is not None else None
    files: dict[str, Path] = {}
    if root is not None and root.is_dir():
        files = {doc_id_for(p.relative_to(root).as_posix()): p for p in discover(root)}
    texts: dict[str, str | None] = {}
    for row in documents or ():
        doc_id, text = str(row.get("doc_id")), row.get("text")
        if text is None:
            continue
        texts[doc_id] = text
        source = row.get("source_path")
        path = root / str(source) if root is not None and source else files.get(doc_id)
        if path is None or not path.is_file() or path.suffix.lower() not in TEXT_SUFFIXES:
            continue
        decoded, encoding = decode_bytes(path.read_bytes())
        if decoded != text:
            texts[doc_id] = None
            notes.append(
                f"{doc_id}: documents.text is not the file decoded as {encoding}; its quotes count as inexact"
            )
        elif encoding.replace("_", "-").lower() not in ("utf-8", "ascii"):
            notes.append(
                f"{doc_id}: decoded as {encoding}, not UTF-8; quotes checked against documents.text "
                "(the shared reference scorer decodes plain text as UTF-8 and would count them inexact)"
            )
    for doc_id, path in files.items():
        if doc_id not in texts and root is not None:
            texts[doc_id] = read_document(path, root).text
    return texts, notes


def _gold_coverage_notes(gold_docs: Sequence[str], documents: Sequence[Row] | None) -> list[str]:
    if not documents:
        return []
    known = {str(d.get("source_path")) for d in documents} | {str(d.get("doc_id")) for d in documents}
    known |= {Path(k).name for k in known}
    missing = [doc for doc in gold_docs if doc not in known and Path(doc).stem not in known]
    return [f"gold file for {doc}, which is not among the documents" for doc in missing]


def evaluate_tables(
    tables: Path | str | Tables,
    gold_dir: Path,
    docs_dir: Path | None = None,
    names: NameKeys | None = None,
) -> EvaluationReport:
    """Evaluate built tables (a folder of Parquet files, e.g. a release's ``data/``, or a
    mapping of frames) against the gold folder; ``docs_dir`` is the source corpus."""
    if isinstance(tables, str | Path):
        rows = load_tables(Path(tables))
        source = str(tables)
    else:
        rows = rows_of(tables)
        source = "in-memory tables"
    gold = load_gold(Path(gold_dir))
    texts, notes = document_texts(rows.get("documents"), docs_dir)
    report = score(rows, gold, texts, names)
    report.source = source
    report.gold_dir = str(gold_dir)
    missing = [name for name in TABLES if rows.get(name) is None]
    if missing:
        notes.insert(0, f"missing tables: {', '.join(missing)}")
    report.notes = notes + _gold_coverage_notes(gold.docs, rows.get("documents"))
    return report


def evaluate_corpus(corpus_dir: Path, gold_dir: Path, names: NameKeys | None = None) -> EvaluationReport:
    """Extract and merge the corpus in process (the pure core, no Dagster), then evaluate."""
    from pipeline.core.extract import extract_document
    from pipeline.core.merge import build_tables

    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus folder {corpus_dir} does not exist")
    documents = [read_document(path, corpus_dir) for path in discover(corpus_dir)]
    frames = build_tables(documents, [extract_document(d) for d in documents])
    report = evaluate_tables(frames, gold_dir, corpus_dir, names)
    report.source = f"{corpus_dir} (built in process)"
    return report
