"""Match predicted rows to gold facts; precision, recall, F1, attribute accuracy, evidence.

Scoring is corpus-level. Gold facts stated in several documents are merged first, because
the dataset must hold such a fact once:

- memberships are keyed by (member, organization) and missions by name, each name through
  :class:`~pipeline.evaluation.names.NameKeys`; predicted rows sharing a key count once
  (the first one is scored, the others are listed as duplicates);
- agreements have no natural key: a gold agreement and a row match when
  :func:`AgreementMatcher.similarity` is positive (compatible years, overlapping parties,
  shared title words, same type), and pairs are taken greedily, most similar first.

A row matching an optional gold fact is neither a true nor a false positive. A row
matching a negative (a fact the text hedges, denies or leaves pending) is reported; it is
also a false positive unless it matches a required or optional fact.
Attribute accuracy is measured on matched pairs, over the gold facts that annotate the
attribute. Metrics are rounded to three decimals, as printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.evaluation.gold import DATE_ATTRIBUTES, FACT_TABLES, GoldFact, GoldSet
from pipeline.evaluation.names import NameKeys, fold

__all__ = [
    "ROLE_CLASSES",
    "AgreementMatcher",
    "AttributeScore",
    "EvaluationReport",
    "EvidenceCheck",
    "TableScore",
    "check_evidence",
    "score",
]

Row = Mapping[str, Any]
Check = Callable[[Row, Row], float]

ID_COLUMNS = {"memberships": "membership_id", "agreements": "agreement_id", "missions": "mission_id"}
# Roles compared by class: signatories and partners are members of what they signed up to.
ROLE_CLASSES = {
    "founder": "founder",
    "member": "member",
    "signatory": "member",
    "partner": "member",
    "observer": "observer",
}
# function words, and the pieces of a version suffix ("v1.0"), are not title words
TITLE_STOPWORDS = frozenset(
    {"the", "of", "on", "in", "for", "and", "a", "an", "to", "with", "between", "v1", "0"}
)
_YEAR = re.compile(r"^(\d{4})")
DIGITS = 3


# --- small helpers -----------------------------------------------------------------------------


def year_of(value: object) -> int | None:
    """The year an ISO date (or a year) starts with, else None."""
    if value is None:
        return None
    m = _YEAR.match(str(value))
    return int(m.group(1)) if m else None


def as_list(value: object) -> list[Any]:
    """A list from None, a scalar, a list/tuple or an array."""
    if value is None:
        return []
    if isinstance(value, list | tuple | set | frozenset):
        return list(value)
    if hasattr(value, "tolist"):
        return list(value.tolist())
    return [value]


def is_empty(value: object) -> bool:
    """No annotation: None, "" or an empty list."""
    return value is None or value == "" or (isinstance(value, list | tuple) and not value)


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    """|a & b| / |a | b|; 1.0 for two empty sets."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def title_words(text: object) -> set[str]:
    """The folded words of a title, minus function words."""
    return set(fold(text).split()) - TITLE_STOPWORDS


def rounded(x: float) -> float:
    return round(x, DIGITS)


def row_year(row: Row, date_column: str, year_column: str) -> int | None:
    """A row's year from its date, else from its integer year column."""
    return year_of(row.get(date_column)) or year_of(row.get(year_column))


# --- report records ----------------------------------------------------------------------------


@dataclass(slots=True)
class AttributeScore:
    """Accuracy of one attribute over the matched pairs whose gold fact annotates it."""

    n: int = 0
    total: float = 0.0

    @property
    def accuracy(self) -> float | None:
        return rounded(self.total / self.n) if self.n else None


@dataclass(slots=True)
class TableScore:
    """Counts, metrics and listings for one fact table."""

    table: str
    tp: int
    fp: int
    fn: int
    attributes: dict[str, AttributeScore] = field(default_factory=dict)
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    negatives_extracted: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    predicted_rows: int = 0
    gold_facts: int = 0

    @property
    def precision(self) -> float:
        return rounded(self.tp / (self.tp + self.fp)) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return rounded(self.tp / (self.tp + self.fn)) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return rounded(2 * p * r / (p + r)) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "attributes": {k: {"n": v.n, "accuracy": v.accuracy} for k, v in self.attributes.items()},
            "false_positives": self.false_positives,
            "missed": self.missed,
            "negatives_extracted": self.negatives_extracted,
            "duplicates": self.duplicates,
            "predicted_rows": self.predicted_rows,
            "gold_facts": self.gold_facts,
        }


@dataclass(slots=True)
class EvidenceCheck:
    """The contract's evidence invariants, checked against each document's text."""

    present: bool
    rows: int = 0
    exact: int = 0
    facts: int = 0
    facts_without_evidence: int = 0
    unknown_facts: int = 0  # evidence rows whose (fact_table, fact_id) is in no fact table
    unknown_docs: int = 0  # evidence rows whose document text could not be found
    inexact: list[str] = field(default_factory=list)

    @property
    def exact_quotes(self) -> float | None:
        return rounded(self.exact / self.rows) if self.rows else None

    def to_dict(self) -> dict[str, Any]:
        if not self.present:
            return {"present": False}
        return {
            "present": True,
            "rows": self.rows,
            "exact_quotes": self.exact_quotes,
            "facts_without_evidence": self.facts_without_evidence,
            "facts": self.facts,
            "unknown_facts": self.unknown_facts,
            "unknown_docs": self.unknown_docs,
            "inexact": self.inexact,
        }


@dataclass(slots=True)
class EvaluationReport:
    """Everything `spacecoop evaluate` prints."""

    gold_docs: int
    tables: dict[str, TableScore]
    evidence: EvidenceCheck
    source: str = ""
    gold_dir: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        """Mean of the per-table F1s as reported."""
        return rounded(sum(t.f1 for t in self.tables.values()) / len(self.tables)) if self.tables else 0.0

    def gate_failures(self, min_f1: float | None) -> list[str]:
        """Why a regression gate at ``min_f1`` fails: low F1s and extracted negatives."""
        out: list[str] = []
        for name, t in self.tables.items():
            if min_f1 is not None and t.f1 < min_f1:
                out.append(f"{name}: F1 {t.f1:.3f} < {min_f1:.3f}")
            if t.negatives_extracted:
                out.append(f"{name}: {len(t.negatives_extracted)} negative(s) extracted")
        return out

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "tables_dir": self.source,
            "gold_dir": self.gold_dir,
            "gold_docs": self.gold_docs,
        }
        out.update({name: t.to_dict() for name, t in self.tables.items()})
        out["evidence"] = self.evidence.to_dict()
        out["macro_f1"] = self.macro_f1
        out["notes"] = self.notes
        return out


# --- gold merging ------------------------------------------------------------------------------


@dataclass(slots=True)
class MergedFact:
    """A gold fact merged over the documents that state it."""

    attrs: dict[str, Any]
    docs: set[str]

    @classmethod
    def of(cls, fact: GoldFact) -> MergedFact:
        return cls(dict(fact.attrs), {fact.doc})

    def absorb(self, fact: GoldFact) -> None:
        """Add another statement: fill unannotated attributes, keep the most precise date,
        take the union of mission partners."""
        self.docs.add(fact.doc)
        for name, value in fact.attrs.items():
            if is_empty(value):
                continue
            current = self.attrs.get(name)
            if name == "partners":
                self.attrs[name] = sorted({*as_list(current), *as_list(value)})
            elif is_empty(current) or (name in DATE_ATTRIBUTES and len(str(value)) > len(str(current))):
                self.attrs[name] = value


def merge_keyed(facts: Iterable[GoldFact], key: Callable[[Row], Any]) -> dict[Any, MergedFact]:
    """Gold facts merged by key, in order of first statement."""
    merged: dict[Any, MergedFact] = {}
    for fact in facts:
        k = key(fact.attrs)
        if k in merged:
            merged[k].absorb(fact)
        else:
            merged[k] = MergedFact.of(fact)
    return merged


def attribute_scores(
    pairs: Sequence[tuple[Row, Row]], checks: Mapping[str, Check]
) -> dict[str, AttributeScore]:
    """Per attribute: how often the matched row agrees with the gold fact annotating it."""
    out: dict[str, AttributeScore] = {}
    for name, check in checks.items():
        s = AttributeScore()
        for gold, pred in pairs:
            if not is_empty(gold.get(name)):
                s.n += 1
                s.total += float(check(gold, pred))
        out[name] = s
    return out


# --- memberships and missions: keyed -----------------------------------------------------------


def score_keyed(
    table: str,
    rows: Sequence[Row],
    gold: GoldSet,
    key: Callable[[Row], Any],
    describe: Callable[[Row], str],
    checks: Mapping[str, Check],
) -> TableScore:
    """Score a table whose facts have a key."""
    required = merge_keyed(gold.required[table], key)
    optional = {key(f.attrs) for f in gold.optional[table]}
    negative = {key(f.attrs) for f in gold.negatives[table]}
    predicted: dict[Any, Row] = {}
    duplicates: list[str] = []
    for row in rows:
        k = key(row)
        if k in predicted:
            duplicates.append(describe(row))
        else:
            predicted[k] = row
    matched = [k for k in predicted if k in required]
    false_pos = [k for k in predicted if k not in required and k not in optional]
    missed = [k for k in required if k not in predicted]
    pairs = [(required[k].attrs, predicted[k]) for k in matched]
    return TableScore(
        table=table,
        tp=len(matched),
        fp=len(false_pos),
        fn=len(missed),
        attributes=attribute_scores(pairs, checks),
        false_positives=sorted(describe(predicted[k]) for k in false_pos),
        missed=sorted(describe(required[k].attrs) for k in missed),
        negatives_extracted=sorted(describe(predicted[k]) for k in predicted if k in negative),
        duplicates=sorted(duplicates),
        predicted_rows=len(rows),
        gold_facts=len(required),
    )


# --- agreements: similarity and greedy matching ------------------------------------------------


class AgreementMatcher:
    """Similarity between agreements, and the greedy matching built on it."""

    def __init__(self, names: NameKeys) -> None:
        self.names = names

    def parties(self, row: Row) -> frozenset[str]:
        return self.names.keys(as_list(row.get("parties")))

    def similarity(self, gold: Row, pred: Row) -> float:
        """0 when the two cannot be the same agreement, else a score (higher is closer).

        Incompatible: both signing years known and different, or both naming non-Chinese
        parties with none in common (sharing only the Chinese side is not enough).
        Otherwise they match on party overlap (Jaccard >= 0.5) backed by the title (at least
        a third of the gold title's words), the type, or a bilateral gold agreement; or on
        the title (>= 0.6 of its words) with some party overlap (>= 0.3).
        """
        g_year = year_of(gold.get("signed"))
        p_year = row_year(pred, "signed", "signed_year")
        if g_year is not None and p_year is not None and g_year != p_year:
            return 0.0
        g_parties, p_parties = self.parties(gold), self.parties(pred)
        g_foreign = {p for p in g_parties if not self.names.is_chinese_key(p)}
        p_foreign = {p for p in p_parties if not self.names.is_chinese_key(p)}
        if g_foreign and p_foreign and not g_foreign & p_foreign:
            return 0.0
        party = jaccard(g_parties, p_parties) if g_parties else 0.0
        g_words = title_words(gold.get("title"))
        title = len(g_words & title_words(pred.get("title"))) / len(g_words) if g_words else 0.0
        same_type = gold.get("agreement_type") == pred.get("agreement_type")
        if party >= 0.5 and (title >= 0.34 or same_type or len(g_parties) <= 2):
            return 1.0 + party + title + float(same_type)
        if title >= 0.6 and party >= 0.3:
            return 0.5 + title + party
        return 0.0

    def merge_gold(self, facts: Iterable[GoldFact]) -> list[MergedFact]:
        """Gold agreements of several documents merged when clearly the same instrument:
        strongly similar (>= 1.5) and of the same type; the first such earlier fact wins."""
        merged: list[MergedFact] = []
        for fact in facts:
            for m in merged:
                if (
                    m.attrs.get("agreement_type") == fact.get("agreement_type")
                    and self.similarity(m.attrs, fact.attrs) >= 1.5
                ):
                    m.absorb(fact)
                    break
            else:
                merged.append(MergedFact.of(fact))
        return merged

    def match(self, gold: Sequence[Row], rows: Sequence[Row]) -> list[tuple[int, int]]:
        """Greedy one-to-one matching, most similar pair first; returns (gold, row) indices.
        Ties go to the later gold fact, then the later row."""
        candidates = [
            (sim, gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(rows)
            if (sim := self.similarity(g, p)) > 0
        ]
        candidates.sort(reverse=True)
        used_gold: set[int] = set()
        used_rows: set[int] = set()
        pairs: list[tuple[int, int]] = []
        for _, gi, pi in candidates:
            if gi not in used_gold and pi not in used_rows:
                used_gold.add(gi)
                used_rows.add(pi)
                pairs.append((gi, pi))
        return pairs

    def matches_any(self, facts: Iterable[GoldFact], row: Row) -> bool:
        return any(self.similarity(f.attrs, row) > 0 for f in facts)


def describe_agreement(row: Row) -> str:
    return f"{row.get('title')} | {as_list(row.get('parties'))} | {row.get('signed')}"


def score_agreements(
    rows: Sequence[Row], gold: GoldSet, matcher: AgreementMatcher, checks: Mapping[str, Check]
) -> TableScore:
    """Score the agreements table by greedy similarity matching."""
    required = matcher.merge_gold(gold.required["agreements"])
    gold_rows = [m.attrs for m in required]
    pairs = matcher.match(gold_rows, rows)
    matched_gold = {gi for gi, _ in pairs}
    matched_rows = {pi for _, pi in pairs}
    unmatched = [r for pi, r in enumerate(rows) if pi not in matched_rows]
    false_pos = [r for r in unmatched if not matcher.matches_any(gold.optional["agreements"], r)]
    negatives = [r for r in rows if matcher.matches_any(gold.negatives["agreements"], r)]
    missed = [g for gi, g in enumerate(gold_rows) if gi not in matched_gold]
    return TableScore(
        table="agreements",
        tp=len(pairs),
        fp=len(false_pos),
        fn=len(missed),
        attributes=attribute_scores([(gold_rows[gi], rows[pi]) for gi, pi in pairs], checks),
        false_positives=sorted(map(describe_agreement, false_pos)),
        missed=sorted(map(describe_agreement, missed)),
        negatives_extracted=sorted(map(describe_agreement, negatives)),
        predicted_rows=len(rows),
        gold_facts=len(gold_rows),
    )


# --- evidence ----------------------------------------------------------------------------------


def check_evidence(
    evidence: Sequence[Row] | None,
    facts: Mapping[str, Sequence[Row]],
    texts: Mapping[str, str | None],
    max_listed: int = 50,
) -> EvidenceCheck:
    """Every quote must equal ``texts[doc_id][char_start:char_end]``; every fact row needs
    evidence; every evidence row must point at an existing fact. ``texts`` holds each
    document's text (None for a document whose text cannot be trusted)."""
    if evidence is None:
        return EvidenceCheck(present=False)
    check = EvidenceCheck(present=True, rows=len(evidence))
    fact_keys = [(t, row.get(ID_COLUMNS[t])) for t in FACT_TABLES for row in facts.get(t) or ()]
    ids = set(fact_keys)
    for row in evidence:
        doc_id = str(row.get("doc_id"))
        text = texts.get(doc_id)
        start, end = row.get("char_start"), row.get("char_end")
        if (row.get("fact_table"), row.get("fact_id")) not in ids:
            check.unknown_facts += 1
        if text is None:
            check.unknown_docs += doc_id not in texts
        elif start is not None and end is not None and text[int(start) : int(end)] == row.get("quote"):
            check.exact += 1
            continue
        if len(check.inexact) < max_listed:
            check.inexact.append(f"{doc_id} [{start}:{end}] {row.get('quote')!r}")
    backed = {(row.get("fact_table"), row.get("fact_id")) for row in evidence}
    check.facts = len(fact_keys)
    check.facts_without_evidence = sum(k not in backed for k in fact_keys)
    return check


# --- the whole report --------------------------------------------------------------------------


def _checks(names: NameKeys) -> dict[str, dict[str, Check]]:
    def same_name(attr: str) -> Check:
        return lambda g, p: names.key(g.get(attr)) == names.key(p.get(attr))

    def same_set(attr: str) -> Check:
        return lambda g, p: jaccard(names.keys(as_list(g.get(attr))), names.keys(as_list(p.get(attr))))

    def same_year(date: str, year: str) -> Check:
        return lambda g, p: year_of(g.get(date)) == row_year(p, date, year)

    def role_class(role: object) -> object:
        return ROLE_CLASSES.get(str(role), role)

    return {
        "memberships": {
            "joined": same_year("joined", "joined_year"),
            "role": lambda g, p: role_class(g.get("role")) == role_class(p.get("role")),
        },
        "agreements": {
            "signed": same_year("signed", "signed_year"),
            "agreement_type": lambda g, p: g.get("agreement_type") == p.get("agreement_type"),
            "parties": same_set("parties"),
        },
        "missions": {
            # the row's date must be the gold date, or a more precise date within it
            "launch_date": lambda g, p: str(p.get("launch_date") or "").startswith(str(g.get("launch_date"))),
            "target": same_name("target"),
            "launch_site": same_name("launch_site"),
            "launch_vehicle": same_name("launch_vehicle"),
            "partners": same_set("partners"),
        },
    }


def score(
    tables: Mapping[str, Sequence[Row] | None],
    gold: GoldSet,
    texts: Mapping[str, str | None] | None = None,
    names: NameKeys | None = None,
) -> EvaluationReport:
    """Score fact tables (rows as mappings, column names as in the contract) against gold.

    ``texts`` maps doc_id to the document text evidence offsets index into; missing
    documents count as inexact quotes.
    """
    names = names or NameKeys()
    checks = _checks(names)

    def membership_key(row: Row) -> tuple[str, str]:
        return names.key(row.get("member")), names.key(row.get("organization"))

    def mission_key(row: Row) -> str:
        return names.key(row.get("name"))

    scores = {
        "memberships": score_keyed(
            "memberships",
            tables.get("memberships") or [],
            gold,
            membership_key,
            lambda r: f"{r.get('member')} | {r.get('organization')}",
            checks["memberships"],
        ),
        "agreements": score_agreements(
            tables.get("agreements") or [], gold, AgreementMatcher(names), checks["agreements"]
        ),
        "missions": score_keyed(
            "missions",
            tables.get("missions") or [],
            gold,
            mission_key,
            lambda r: str(r.get("name")),
            checks["missions"],
        ),
    }
    facts = {t: tables.get(t) or [] for t in FACT_TABLES}
    evidence = check_evidence(tables.get("evidence"), facts, texts or {})
    return EvaluationReport(gold_docs=len(gold.docs), tables=scores, evidence=evidence)
