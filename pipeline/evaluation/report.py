"""Format an :class:`~pipeline.evaluation.scoring.EvaluationReport` as text or JSON.

The text summary has one line per table, then the evidence line and the macro F1::

    memberships  P 0.938  R 0.833  F1 0.882  (tp 15 fp 1 fn 3; negatives extracted 0)  attrs: role 1.0
    evidence     rows 73  exact quotes 1.0  facts without evidence 0/58
    macro F1 0.912
"""

from __future__ import annotations

import json

from pipeline.evaluation.scoring import EvaluationReport, TableScore

__all__ = ["format_json", "format_text"]

LISTINGS = ("missed", "false_positives", "negatives_extracted")


def _table_line(name: str, t: TableScore) -> str:
    attrs = ", ".join(f"{attr} {s.accuracy}" for attr, s in t.attributes.items() if s.n)
    return (
        f"{name:12s} P {t.precision:.3f}  R {t.recall:.3f}  F1 {t.f1:.3f}  "
        f"(tp {t.tp} fp {t.fp} fn {t.fn}; negatives extracted {len(t.negatives_extracted)})"
        f"  attrs: {attrs}"
    )


def format_text(report: EvaluationReport, verbose: bool = False) -> str:
    """The summary; with ``verbose``, also every miss, false positive, extracted negative,
    duplicate row and inexact quote. Notes (missing tables, encodings) always follow."""
    lines: list[str] = []
    for name, t in report.tables.items():
        lines.append(_table_line(name, t))
        if verbose:
            for label in LISTINGS:
                lines += [f"    {label}: {item}" for item in getattr(t, label)]
            lines += [f"    duplicate (not scored): {item}" for item in t.duplicates]
    ev = report.evidence
    if ev.present:
        lines.append(
            f"evidence     rows {ev.rows}  exact quotes {ev.exact_quotes}  "
            f"facts without evidence {ev.facts_without_evidence}/{ev.facts}"
        )
        if verbose:
            if ev.unknown_facts:
                lines.append(f"    evidence rows pointing at no fact: {ev.unknown_facts}")
            if ev.unknown_docs:
                lines.append(f"    evidence rows pointing at no document: {ev.unknown_docs}")
            lines += [f"    inexact: {item}" for item in ev.inexact]
    else:
        lines.append("evidence     missing")
    lines.append(f"macro F1 {report.macro_f1:.3f}")
    lines += [f"note: {note}" for note in report.notes]
    return "\n".join(lines)


def format_json(report: EvaluationReport) -> str:
    """The full report as indented JSON."""
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False, default=str)
