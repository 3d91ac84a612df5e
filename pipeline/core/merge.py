"""Merge claims from all documents into the dataset's tables: one fact, one row, all its evidence.

When claims about one fact disagree (a join year, a launch site), the value with
the most supporting claims wins, ties going to the more precise, then to the
alphabetically first, so the choice is deterministic; every claim keeps its
evidence row and the disagreement is listed in the `conflicts` frame.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

import pandas as pd

from pipeline.core.claims import AgreementClaim, DocumentClaims, MembershipClaim, MissionClaim, Span
from pipeline.core.documents import SourceDocument
from schemas.tables import empty_frame

ROLE_PRIORITY = ("founder", "signatory", "partner", "member")
STATUS_ORDER = ("proposed", "announced", "signed", "active", "terminated")


def stable_id(prefix: str, *key: object) -> str:
    """A 16-hex id derived from canonical content only."""
    payload = json.dumps(key, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"{prefix}_{hashlib.sha256(payload.encode('utf-8')).hexdigest()[:16]}"


def choose_date(values: Iterable[str | None]) -> str | None:
    """The best-supported year, then the most precise date stated for it."""
    dates = [v for v in values if v]
    if not dates:
        return None
    by_year = Counter(d[:4] for d in dates)
    year = sorted(by_year, key=lambda y: (-by_year[y], -max(len(d) for d in dates if d[:4] == y), y))[0]
    in_year = Counter(d for d in dates if d[:4] == year)
    return sorted(in_year, key=lambda d: (-len(d), -in_year[d], d))[0]


def choose_value(values: Iterable[str | None]) -> str | None:
    """The most often stated value; ties go to the longest, then alphabetical order."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return sorted(counts, key=lambda v: (-counts[v], -len(v), v))[0]


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date else None


def _conflicts(
    table: str, fact_id: str, attribute: str, claims: Sequence[Any], chosen: str | None
) -> list[dict[str, Any]]:
    values = {getattr(c, attribute) for c in claims if getattr(c, attribute)}
    if attribute in ("joined", "launch_date", "signed"):
        disagree = len({v[:4] for v in values}) > 1
    else:
        disagree = len(values) > 1
    if not disagree:
        return []
    return [
        {
            "fact_table": table,
            "fact_id": fact_id,
            "attribute": attribute,
            "value": getattr(c, attribute),
            "chosen": getattr(c, attribute) == chosen,
            "doc_id": c.span.doc_id,
            "char_start": c.span.start,
            "char_end": c.span.end,
        }
        for c in claims
        if getattr(c, attribute)
    ]


def merge_memberships(claims: Sequence[MembershipClaim]) -> tuple[list[dict], dict[str, list[Span]], list]:
    groups: dict[tuple[str, str], list[MembershipClaim]] = defaultdict(list)
    for claim in claims:
        groups[(claim.member, claim.organization)].append(claim)
    rows, spans, conflicts = [], {}, []
    for (member, organization), group in groups.items():
        fact_id = stable_id("mem", member, organization)
        roles = Counter(c.role for c in group)
        role = (
            "founder"
            if roles["founder"]
            else sorted(roles, key=lambda r: (-roles[r], ROLE_PRIORITY.index(r)))[0]
        )
        joined = choose_date(c.joined for c in group)
        first = group[0]
        rows.append(
            {
                "membership_id": fact_id,
                "member": member,
                "member_type": choose_value(c.member_type for c in group) or first.member_type,
                "member_iso3": choose_value(c.member_iso3 for c in group),
                "organization": organization,
                "role": role,
                "joined": joined,
                "joined_year": _year(joined),
            }
        )
        spans[fact_id] = [c.span for c in group]
        conflicts += _conflicts("memberships", fact_id, "joined", group, joined)
    return rows, spans, conflicts


def merge_missions(claims: Sequence[MissionClaim]) -> tuple[list[dict], dict[str, list[Span]], list]:
    groups: dict[str, list[MissionClaim]] = defaultdict(list)
    for claim in claims:
        groups[claim.name].append(claim)
    rows, spans, conflicts = [], {}, []
    for name, group in groups.items():
        fact_id = stable_id("mis", name)
        row: dict[str, Any] = {"mission_id": fact_id, "name": name}
        for attribute in ("target", "launch_site", "launch_vehicle"):
            row[attribute] = choose_value(getattr(c, attribute) for c in group)
            conflicts += _conflicts("missions", fact_id, attribute, group, row[attribute])
        row["launch_date"] = choose_date(c.launch_date for c in group)
        row["launch_year"] = _year(row["launch_date"])
        conflicts += _conflicts("missions", fact_id, "launch_date", group, row["launch_date"])
        row["partners"] = sorted({p for c in group for p in c.partners})
        rows.append(row)
        spans[fact_id] = [c.span for c in group]
    return rows, spans, conflicts


def _agreement_group_key(claim: AgreementClaim) -> tuple:
    if claim.collective:
        return (claim.agreement_type, ("*", claim.title.casefold()), None)
    return (claim.agreement_type, claim.parties, claim.signed[:4] if claim.signed else None)


def _fold_china_into_its_bodies(groups: dict[tuple, list[AgreementClaim]]) -> None:
    """A group whose Chinese side is "China" joins the one group of the same type and year that names
    the same other parties with a Chinese body instead ("China and Equatorial Guinea signed an ILRS
    memorandum in June" is CNSA's memorandum with Equatorial Guinea of 17 June)."""
    from pipeline.core.rules.common import CHINA, is_chinese_body

    for key in [k for k in groups if CHINA in k[1] and k[2] and k[1][0] != "*"]:
        others = set(key[1]) - {CHINA}
        targets = [
            k
            for k in groups
            if k != key
            and k[0] == key[0]
            and k[2] == key[2]
            and CHINA not in k[1]
            and others <= set(k[1])
            and all(is_chinese_body(p) for p in set(k[1]) - others)
            and any(is_chinese_body(p) for p in k[1])
        ]
        if len(targets) == 1:  # the claims keep their evidence and take the named body's side
            groups[targets[0]].extend(replace(c, parties=targets[0][1]) for c in groups.pop(key))


def _fold_pairs_into_their_multilateral(groups: dict[tuple, list[AgreementClaim]]) -> None:
    """A pair with China ("| Indonesia | APSCO Convention | 2005 |") joins the one group of the same
    type, year and title whose parties include both (the Convention's eight signatories)."""
    from pipeline.core.rules.common import CHINA

    for key in [k for k in groups if len(k[1]) == 2 and CHINA in k[1] and k[2] and k[1][0] != "*"]:
        titles = {c.title.casefold() for c in groups[key]}
        targets = [
            k
            for k in groups
            if k != key
            and k[0] == key[0]
            and k[2] == key[2]
            and len(k[1]) > 2
            and set(key[1]) <= set(k[1])
            and titles & {c.title.casefold() for c in groups[k]}
        ]
        if len(targets) == 1:
            groups[targets[0]].extend(replace(c, parties=targets[0][1]) for c in groups.pop(key))


def merge_agreements(claims: Sequence[AgreementClaim]) -> tuple[list[dict], dict[str, list[Span]], list]:
    """Group by (type, parties, year); an undated claim joins the one dated group it fits, if unique."""
    groups: dict[tuple, list[AgreementClaim]] = defaultdict(list)
    undated: list[AgreementClaim] = []
    for claim in claims:
        (groups[_agreement_group_key(claim)] if claim.signed or claim.collective else undated).append(claim)
    for claim in undated:
        fits = [k for k in groups if k[0] == claim.agreement_type and k[1] == claim.parties and k[2]]
        groups[fits[0] if len(fits) == 1 else _agreement_group_key(claim)].append(claim)
    _fold_china_into_its_bodies(groups)
    _fold_pairs_into_their_multilateral(groups)
    rows, spans, conflicts = [], {}, []
    for (agreement_type, parties, year), group in groups.items():
        title = choose_value(c.title for c in group) or agreement_type
        fact_id = stable_id("agr", agreement_type, list(parties), year if year else title.casefold())
        parties = tuple(sorted({p for c in group for p in c.parties}))
        signed = choose_date(c.signed for c in group)
        rows.append(
            {
                "agreement_id": fact_id,
                "title": title,
                "agreement_type": agreement_type,
                "parties": sorted(parties),
                "signed": signed,
                "signed_year": _year(signed),
                "status": max((c.status for c in group), key=STATUS_ORDER.index),
            }
        )
        spans[fact_id] = [c.span for c in group]
        conflicts += _conflicts("agreements", fact_id, "signed", group, signed)
    return rows, spans, conflicts


def _frame(table: str, rows: list[dict], sort_by: str | list[str]) -> pd.DataFrame:
    template = empty_frame(table)
    if not rows:
        return template
    frame = pd.DataFrame(rows, columns=list(template.columns)).sort_values(sort_by, kind="stable")
    return frame.reset_index(drop=True).astype(template.dtypes.to_dict())


def evidence_rows(table: str, spans: dict[str, list[Span]], texts: dict[str, str]) -> list[dict[str, Any]]:
    """One row per distinct (fact, document, span); methods that found the same span are joined."""
    methods: dict[tuple[str, str, int, int], set[str]] = defaultdict(set)
    for fact_id, fact_spans in spans.items():
        for span in fact_spans:
            methods[(fact_id, span.doc_id, span.start, span.end)].add(span.method)
    rows = []
    for (fact_id, doc_id, start, end), found_by in sorted(methods.items()):
        rows.append(
            {
                "evidence_id": stable_id("evi", table, fact_id, doc_id, start, end),
                "fact_table": table,
                "fact_id": fact_id,
                "doc_id": doc_id,
                "char_start": start,
                "char_end": end,
                "quote": texts[doc_id][start:end],
                "method": "+".join(sorted(found_by)),
            }
        )
    return rows


MERGERS: dict[str, tuple[Callable, str, str]] = {
    "memberships": (merge_memberships, "membership_id", "memberships"),
    "agreements": (merge_agreements, "agreement_id", "agreements"),
    "missions": (merge_missions, "mission_id", "missions"),
}


def build_tables(
    documents: Sequence[SourceDocument], extracted: Sequence[DocumentClaims]
) -> dict[str, pd.DataFrame]:
    """The five contract tables plus `conflicts`, sorted by id so equal inputs give equal frames."""
    texts = {d.doc_id: d.text for d in documents}
    tables: dict[str, pd.DataFrame] = {}
    evidence: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    for table, (merge, id_column, attribute) in MERGERS.items():
        claims = [c for doc in extracted for c in getattr(doc, attribute)]
        rows, spans, table_conflicts = merge(claims)
        tables[table] = _frame(table, rows, id_column)
        evidence += evidence_rows(table, spans, texts)
        conflicts += table_conflicts
    tables["documents"] = _frame(
        "documents",
        [
            {
                "doc_id": d.doc_id,
                "source_path": d.source_path,
                "sha256": d.sha256,
                "title": d.title,
                "text": d.text,
                "chars": d.chars,
                "encoding": d.encoding,
                "bytes": d.bytes,
            }
            for d in documents
        ],
        "doc_id",
    )
    tables["evidence"] = _frame("evidence", evidence, "evidence_id")
    tables["conflicts"] = _frame(
        "conflicts", conflicts, ["fact_table", "fact_id", "attribute", "doc_id", "char_start", "value"]
    )
    return tables
