"""The contract's invariants on evidence, as plain functions over the tables."""

from __future__ import annotations

import pandas as pd

ID_COLUMNS = {"memberships": "membership_id", "agreements": "agreement_id", "missions": "mission_id"}


def evidence_problems(
    evidence: pd.DataFrame, documents: pd.DataFrame, facts: dict[str, pd.DataFrame]
) -> list[str]:
    """Human-readable violations: inexact quotes, unknown ids, facts without evidence."""
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    known = {(table, fact_id) for table, frame in facts.items() for fact_id in frame[ID_COLUMNS[table]]}
    problems = []
    for row in evidence.itertuples(index=False):
        text = texts.get(row.doc_id)
        if text is None:
            problems.append(f"evidence {row.evidence_id}: unknown doc_id {row.doc_id}")
        elif text[row.char_start : row.char_end] != row.quote:
            problems.append(
                f"evidence {row.evidence_id}: quote is not {row.doc_id}[{row.char_start}:{row.char_end}]"
            )
        if (row.fact_table, row.fact_id) not in known:
            problems.append(f"evidence {row.evidence_id}: unknown fact {row.fact_table}/{row.fact_id}")
    backed = set(zip(evidence["fact_table"], evidence["fact_id"], strict=True))
    problems += [f"{table}/{fact_id}: no evidence" for table, fact_id in sorted(known - backed)]
    return problems


def reference_problems(
    evidence: pd.DataFrame,
    conflicts: pd.DataFrame,
    documents: pd.DataFrame,
    facts: dict[str, pd.DataFrame],
) -> list[str]:
    """Referential integrity: every fact_id and doc_id that evidence or conflicts name exists."""
    doc_ids = set(documents["doc_id"])
    fact_ids = {table: set(frame[ID_COLUMNS[table]]) for table, frame in facts.items()}
    problems = []
    for name, frame, id_column in (("evidence", evidence, "evidence_id"), ("conflicts", conflicts, None)):
        for position, row in enumerate(frame[["fact_table", "fact_id", "doc_id"]].itertuples(index=False)):
            label = f"{name} {frame[id_column].iat[position]}" if id_column else f"{name} row {position}"
            if row.doc_id not in doc_ids:
                problems.append(f"{label}: doc_id {row.doc_id} is not in documents")
            if row.fact_id not in fact_ids.get(row.fact_table, ()):
                problems.append(f"{label}: fact_id {row.fact_id} is not in {row.fact_table}")
    return problems


def duplicate_ids(frame: pd.DataFrame, column: str) -> list[str]:
    """Values of `column` that occur more than once, sorted."""
    counts = frame[column].value_counts()
    return sorted(str(value) for value in counts[counts > 1].index)
