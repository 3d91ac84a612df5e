"""Claims: what one span of one document states, before claims are merged into facts."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """Where a claim was read: `documents.text[start:end]` of `doc_id`, and by which rule."""

    doc_id: str
    start: int
    end: int
    method: str


@dataclass(frozen=True, slots=True)
class MembershipClaim:
    member: str
    member_type: str
    member_iso3: str | None
    organization: str
    role: str
    joined: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class AgreementClaim:
    title: str
    agreement_type: str
    parties: tuple[str, ...]
    signed: str | None
    status: str
    span: Span
    collective: bool = False  # a multilateral instrument known by its title: claims add parties


@dataclass(frozen=True, slots=True)
class MissionClaim:
    name: str
    target: str | None
    launch_date: str | None
    launch_site: str | None
    launch_vehicle: str | None
    partners: tuple[str, ...]
    span: Span


@dataclass(slots=True)
class DocumentClaims:
    """Everything extracted from one document."""

    doc_id: str
    memberships: list[MembershipClaim] = field(default_factory=list)
    agreements: list[AgreementClaim] = field(default_factory=list)
    missions: list[MissionClaim] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (used to cache one document's extraction)."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocumentClaims:
        def span(d: dict[str, Any]) -> Span:
            return Span(**d)

        return cls(
            doc_id=data["doc_id"],
            memberships=[MembershipClaim(**{**c, "span": span(c["span"])}) for c in data["memberships"]],
            agreements=[
                AgreementClaim(**{**c, "parties": tuple(c["parties"]), "span": span(c["span"])})
                for c in data["agreements"]
            ],
            missions=[
                MissionClaim(**{**c, "partners": tuple(c["partners"]), "span": span(c["span"])})
                for c in data["missions"]
            ],
        )
