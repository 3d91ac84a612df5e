"""Gold annotations: one YAML file per document, read into typed records.

A gold file looks like this (every section may be missing or empty)::

    doc: 07_opinion_hedged_queue.md
    memberships:
      - {member: India, organization: Artemis Accords, role: signatory, joined: "2023-06"}
    agreements:
      - {title: "...", agreement_type: memorandum, parties: [China, Luxembourg], signed: "2018"}
    missions:
      - {name: "Chang'e 6", target: Moon, partners: [France]}
    optional:           # facts stated only weakly: neither rewarded nor penalised
      memberships: []
      agreements: []
      missions: []
    negatives:          # facts the document does NOT state (hedged, denied, pending...)
      - {table: memberships, member: Indonesia, organization: ILRS}

Other top-level keys (``comment``, ``encoding``) are ignored. Dates are kept as ISO
strings at the precision written; an unquoted YAML date or year becomes its string.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

__all__ = ["DATE_ATTRIBUTES", "FACT_TABLES", "GoldFact", "GoldFormatError", "GoldSet", "load_gold"]

FACT_TABLES: tuple[str, ...] = ("memberships", "agreements", "missions")
DATE_ATTRIBUTES = frozenset({"joined", "signed", "launch_date"})
LIST_ATTRIBUTES = frozenset({"parties", "partners"})


class GoldFormatError(ValueError):
    """A gold file that does not follow the format above."""


@dataclass(frozen=True, slots=True)
class GoldFact:
    """One annotated fact: its table, the gold file it comes from, and its attributes."""

    table: str
    doc: str
    attrs: Mapping[str, Any]

    def get(self, name: str, default: Any = None) -> Any:
        """An attribute's value, or ``default`` when it is not annotated."""
        return self.attrs.get(name, default)


@dataclass(slots=True)
class GoldSet:
    """Every gold fact of a folder, per table, before any merging across documents."""

    docs: list[str] = field(default_factory=list)
    required: dict[str, list[GoldFact]] = field(default_factory=lambda: {t: [] for t in FACT_TABLES})
    optional: dict[str, list[GoldFact]] = field(default_factory=lambda: {t: [] for t in FACT_TABLES})
    negatives: dict[str, list[GoldFact]] = field(default_factory=lambda: {t: [] for t in FACT_TABLES})

    def counts(self) -> dict[str, dict[str, int]]:
        """Facts per table and kind (required / optional / negatives), as annotated."""
        return {
            table: {
                "required": len(self.required[table]),
                "optional": len(self.optional[table]),
                "negatives": len(self.negatives[table]),
            }
            for table in FACT_TABLES
        }


def _scalar(value: Any) -> Any:
    """YAML dates and years as ISO strings; other values unchanged."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _attrs(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        raise GoldFormatError(f"{where}: a fact must be a mapping, got {type(raw).__name__}")
    out: dict[str, Any] = {}
    for name, value in raw.items():
        name = str(name)
        if name in LIST_ATTRIBUTES:
            if value is None:
                value = []
            elif isinstance(value, str):
                value = [value]
            elif not isinstance(value, list):
                raise GoldFormatError(f"{where}: {name} must be a list")
            value = [str(v) for v in value]
        elif name in DATE_ATTRIBUTES and value is not None:
            value = str(_scalar(value))
        else:
            value = _scalar(value)
        out[name] = value
    return out


def _section(raw: Any, where: str) -> list[Any]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise GoldFormatError(f"{where}: expected a list of facts")
    return raw


def load_gold_file(path: Path, into: GoldSet) -> None:
    """Add the facts of one gold file to ``into``."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, Mapping):
        raise GoldFormatError(f"{path}: the top level must be a mapping")
    doc = str(data.get("doc") or path.stem)
    into.docs.append(doc)
    optional = data.get("optional") or {}
    if not isinstance(optional, Mapping):
        raise GoldFormatError(f"{path}: optional must be a mapping of tables")
    for table in FACT_TABLES:
        for i, raw in enumerate(_section(data.get(table), f"{path}: {table}")):
            into.required[table].append(GoldFact(table, doc, _attrs(raw, f"{path}: {table}[{i}]")))
        for i, raw in enumerate(_section(optional.get(table), f"{path}: optional.{table}")):
            into.optional[table].append(GoldFact(table, doc, _attrs(raw, f"{path}: optional.{table}[{i}]")))
    for i, raw in enumerate(_section(data.get("negatives"), f"{path}: negatives")):
        attrs = _attrs(raw, f"{path}: negatives[{i}]")
        table = attrs.pop("table", None)
        if table not in FACT_TABLES:
            raise GoldFormatError(f"{path}: negatives[{i}] needs table: one of {', '.join(FACT_TABLES)}")
        into.negatives[table].append(GoldFact(table, doc, attrs))


def load_gold(gold_dir: Path) -> GoldSet:
    """Read every ``*.yaml`` / ``*.yml`` file of ``gold_dir`` in name order."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"gold folder {gold_dir} does not exist")
    gold = GoldSet()
    paths = sorted(p for p in gold_dir.iterdir() if p.is_file() and p.suffix in (".yaml", ".yml"))
    for path in paths:
        load_gold_file(path, gold)
    return gold
