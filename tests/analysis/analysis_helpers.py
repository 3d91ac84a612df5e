"""Shared by the analysis tests: a small hand-built release and a reader of the report's highlights."""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import duckdb

from pipeline.core.claims import AgreementClaim, DocumentClaims, MembershipClaim, Span
from pipeline.core.documents import SourceDocument
from pipeline.core.merge import build_tables
from pipeline.release.publish import publish

PROJECT = Path(__file__).resolve().parents[2]

# Two documents; spans nest (same start), overlap partially, and two sources disagree on a date.
D1 = (
    "Thailand joined the ILRS in 2024 and signed the Artemis Accords in December 2024. "
    "Kenya joined the ILRS in 2024.\n\nPeru signed the Artemis Accords in May 2024."
)
D2 = "Thailand, which joined the ILRS in 2024, went on to sign the Artemis Accords.\nKenya joined in 2023."
ISO3 = {"Thailand": "THA", "Kenya": "KEN", "Peru": "PER"}


def _doc(doc_id: str, text: str) -> SourceDocument:
    raw = text.encode("utf-8")
    return SourceDocument(
        doc_id, f"{doc_id}.txt", hashlib.sha256(raw).hexdigest(), None, text, "utf-8", len(raw)
    )


def _span(doc_id: str, text: str, quote: str, method: str) -> Span:
    start = text.index(quote)
    return Span(doc_id, start, start + len(quote), method)


def _member(member: str, org: str, role: str, joined: str | None, span: Span) -> MembershipClaim:
    return MembershipClaim(member, "country", ISO3[member], org, role, joined, span)


def small_tables() -> tuple[list[SourceDocument], list[DocumentClaims]]:
    d1 = DocumentClaims("d1")
    d1.memberships += [
        _member(
            "Thailand",
            "ILRS",
            "member",
            "2024",
            _span("d1", D1, "Thailand joined the ILRS in 2024", "rule:joined"),
        ),
        _member(
            "Thailand",
            "Artemis Accords",
            "signatory",
            "2024-12",
            _span("d1", D1, D1[: D1.index(". ") + 1], "rule:joined"),
        ),
        _member(
            "Kenya",
            "ILRS",
            "member",
            "2024",
            _span("d1", D1, "Kenya joined the ILRS in 2024.", "rule:joined"),
        ),
        _member(
            "Peru",
            "Artemis Accords",
            "signatory",
            "2024-05",
            _span("d1", D1, "Peru signed the Artemis", "rule:joined"),
        ),
    ]
    d1.agreements.append(
        AgreementClaim(
            "Artemis Accords",
            "accord",
            ("Thailand",),
            None,
            "signed",
            _span("d1", D1, "the Artemis Accords in December 2024. Kenya", "rule:accord"),
        )
    )
    d2 = DocumentClaims("d2")
    d2.memberships += [
        _member(
            "Thailand",
            "ILRS",
            "member",
            "2024",
            _span("d2", D2, "Thailand, which joined the ILRS in 2024", "rule:joined"),
        ),
        _member("Kenya", "ILRS", "member", "2023", _span("d2", D2, "Kenya joined in 2023.", "rule:joined")),
    ]
    return [_doc("d1", D1), _doc("d2", D2)], [d1, d2]


def publish_small(root: Path) -> Path:
    """Publish the small release under `root`; return the release folder."""
    documents, claims = small_tables()
    tables = build_tables(documents, claims)
    inputs = [{"path": d.source_path, "sha256": d.sha256, "bytes": d.bytes} for d in documents]
    result = publish(tables, inputs, root, build_time=datetime(2025, 1, 1, tzinfo=UTC))
    assert result.published, result.message
    return result.path


def evidence_rows(release_dir: Path) -> list[dict]:
    with duckdb.connect(str(release_dir / "release.duckdb"), read_only=True) as con:
        cursor = con.execute("select * from evidence")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def document_texts(release_dir: Path) -> dict[str, str]:
    with duckdb.connect(str(release_dir / "release.duckdb"), read_only=True) as con:
        return dict(con.execute("select doc_id, text from documents").fetchall())


@dataclass
class DocView:
    """One document as the report shows it: its text and, per evidence id, the marked intervals."""

    text: str = ""
    pieces: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    anchors: dict[str, int] = field(default_factory=dict)
    focused: list[tuple[int, int]] = field(default_factory=list)


class HighlightReader(HTMLParser):
    """Reads every `div.doctext`: its text, the `<mark data-ev>` pieces and the `a.anchor` ids."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.docs: dict[str, DocView] = {}
        self.excerpts: list[tuple[str, int, DocView]] = []  # (doc_id, offset, view) of each div.excerpt
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self._doc: DocView | None = None
        self._mark: tuple[int, list[str], bool] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.hrefs.append(a["href"][1:])
        if tag == "div" and "doctext" in a.get("class", "").split():
            self._doc = self.docs.setdefault(a["data-doc"], DocView())
        elif tag == "div" and "excerpt" in a.get("class", "").split():
            self._doc = DocView()
            self.excerpts.append((a["data-doc"], int(a["data-offset"]), self._doc))
        elif self._doc is not None and tag == "mark":
            focus = "focus" in a.get("class", "").split()
            self._mark = (len(self._doc.text), a["data-ev"].split(), focus)
        elif self._doc is not None and tag == "a" and "anchor" in a.get("class", "").split():
            self._doc.anchors[a["id"].removeprefix("ev-")] = len(self._doc.text)

    def handle_endtag(self, tag: str) -> None:
        if self._doc is None:
            return
        if tag == "mark" and self._mark is not None:
            start, ids, focus = self._mark
            end = len(self._doc.text)
            for evidence_id in ids:
                self._doc.pieces.setdefault(evidence_id, []).append((start, end))
            if focus:
                self._doc.focused.append((start, end))
            self._mark = None
        elif tag == "div":
            self._doc = None

    def handle_data(self, data: str) -> None:
        if self._doc is not None:
            self._doc.text += data


def read_highlights(html: str) -> HighlightReader:
    reader = HighlightReader()
    reader.feed(html)
    reader.close()
    return reader


def check_highlights(reader: HighlightReader, texts: dict[str, str], evidence: list[dict]) -> None:
    """The report shows each document's exact text, and each evidence row's pieces, joined, are exactly
    its span `[char_start, char_end)` and its quote; its anchor sits at char_start."""
    assert set(reader.docs) == set(texts)
    for doc_id, view in reader.docs.items():
        assert view.text == texts[doc_id], f"{doc_id}: the report's text differs from documents.text"
    assert evidence, "no evidence to check"
    for e in evidence:
        view = reader.docs[e["doc_id"]]
        pieces = sorted(view.pieces.get(e["evidence_id"], []))
        assert pieces, f"{e['evidence_id']} is not highlighted"
        assert pieces[0][0] == e["char_start"] and pieces[-1][1] == e["char_end"], e["evidence_id"]
        assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces)), "pieces not contiguous"
        shown = "".join(view.text[s:t] for s, t in pieces)
        assert shown == e["quote"], e["evidence_id"]
        assert view.anchors[e["evidence_id"]] == e["char_start"]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)
