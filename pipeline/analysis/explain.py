"""`spacecoop explain FACT_ID`: a fact, each quote behind it in its context, and the documents quoted.

The context is cut from `documents.text` around `[char_start:char_end]` (about 200 characters, at
word boundaries, never across a blank line), so what is shown is exactly what the offsets say.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import asdict, dataclass, field
from typing import Any

import duckdb

from pipeline.analysis.query import _plain

__all__ = [
    "FACT_TABLES",
    "EvidenceView",
    "Explanation",
    "FactNotFound",
    "context_window",
    "explain",
    "fact_label",
    "format_explanation",
]

FACT_TABLES = {"memberships": "membership_id", "agreements": "agreement_id", "missions": "mission_id"}
PREFIXES = {"mem_": "memberships", "agr_": "agreements", "mis_": "missions"}
OPEN, CLOSE = "[[", "]]"
ANSI_ON, ANSI_OFF = "\x1b[1;7m", "\x1b[0m"
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n")


class FactNotFound(LookupError):
    """No fact (or more than one) matches the id given; the message says how to find one."""


@dataclass(frozen=True)
class EvidenceView:
    evidence_id: str
    doc_id: str
    char_start: int
    char_end: int
    method: str
    quote: str
    before: str
    after: str

    def marked(self, open_: str = OPEN, close: str = CLOSE) -> str:
        """The context on one line, the quote between markers."""
        return f"{_squash(self.before)}{open_}{_squash(self.quote)}{close}{_squash(self.after)}"


@dataclass(frozen=True)
class Explanation:
    version: str
    table: str
    fact_id: str
    fact: dict[str, Any]
    evidence: list[EvidenceView]
    documents: list[dict[str, Any]]
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    focus: str | None = None  # the evidence id asked about, when one was given

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["fact"] = _plain(self.fact)
        data["conflicts"] = _plain(self.conflicts)
        for view, item in zip(self.evidence, data["evidence"], strict=True):
            item["context"] = view.marked()
        return data


def fact_label(table: str, row: dict[str, Any]) -> str:
    """A short human name for a fact row."""
    if table == "memberships":
        return f"{row['member']} — {row['organization']} ({row['role']})"
    if table == "agreements":
        parties = ", ".join(row.get("parties") or [])
        return f"{row['title']} [{parties}]" if parties else str(row["title"])
    if table == "missions":
        return str(row["name"])
    return str(row)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def context_window(text: str, start: int, end: int, width: int = 200) -> tuple[str, str]:
    """Text before and after `text[start:end]`: about `width` characters in all (at least 40 a side),
    cut at word boundaries and at blank lines; an ellipsis marks a cut inside a paragraph."""
    side = max(40, (width - (end - start)) // 2)
    lo, hi = max(0, start - side), min(len(text), end + side)
    before, after = text[lo:start], text[end:hi]
    breaks = list(_PARAGRAPH.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    elif lo > 0:
        space = before.find(" ")
        before = "…" + (before[space + 1 :] if 0 <= space < len(before) - 1 else before)
    paragraph = _PARAGRAPH.search(after)
    if paragraph:
        after = after[: paragraph.start()]
    elif hi < len(text):
        space = after.rfind(" ")
        after = (after[:space] if space > 0 else after) + "…"
    return before, after


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _find_fact(con: duckdb.DuckDBPyConnection, fact_id: str) -> tuple[str, dict[str, Any], str | None]:
    wanted = fact_id.strip()
    focus = None
    if wanted.startswith("evi_"):
        hits = _rows(con, "SELECT * FROM evidence WHERE starts_with(evidence_id, ?)", [wanted])
        if len(hits) == 1:
            focus = hits[0]["evidence_id"]
            wanted = hits[0]["fact_id"]
        elif len(hits) > 1:
            raise FactNotFound(f"{fact_id} matches {len(hits)} evidence rows; give more of the id")
    tables = [PREFIXES[wanted[:4]]] if wanted[:4] in PREFIXES else list(FACT_TABLES)
    found = []
    for table in tables:
        key = FACT_TABLES[table]
        for row in _rows(con, f"SELECT * FROM {table} WHERE starts_with({key}, ?)", [wanted]):
            found.append((table, row))
    exact = [(t, r) for t, r in found if r[FACT_TABLES[t]] == wanted]
    if exact or len(found) == 1:
        table, row = (exact or found)[0]
        return table, row, focus
    if found:
        listing = ", ".join(r[FACT_TABLES[t]] for t, r in found[:10])
        raise FactNotFound(f"{fact_id!r} matches {len(found)} facts ({listing}); give more of the id")
    raise FactNotFound(
        f"no fact with id {fact_id!r}. Fact ids start with mem_, agr_ or mis_; find one with e.g. "
        'spacecoop query "select membership_id, member, organization from memberships"'
    )


def explain(con: duckdb.DuckDBPyConnection, fact_id: str, version: str = "", width: int = 200) -> Explanation:
    """Everything that backs the fact `fact_id` (an id, a unique prefix of one, or an evidence id)."""
    table, fact, focus = _find_fact(con, fact_id)
    key = fact[FACT_TABLES[table]]
    evidence = _rows(
        con,
        "SELECT e.*, d.text FROM evidence e JOIN documents d USING (doc_id) "
        "WHERE e.fact_table = ? AND e.fact_id = ? ORDER BY e.doc_id, e.char_start, e.evidence_id",
        [table, key],
    )
    views = []
    for e in evidence:
        before, after = context_window(e["text"], e["char_start"], e["char_end"], width)
        views.append(
            EvidenceView(
                e["evidence_id"],
                e["doc_id"],
                e["char_start"],
                e["char_end"],
                e["method"],
                e["quote"],
                before,
                after,
            )
        )
    doc_ids = sorted({v.doc_id for v in views})
    documents = _rows(
        con,
        "SELECT doc_id, source_path, title, sha256, chars FROM documents WHERE list_contains(?, doc_id) "
        "ORDER BY doc_id",
        [doc_ids],
    )
    conflicts = _rows(
        con,
        "SELECT attribute, value, chosen, doc_id, char_start, char_end FROM conflicts "
        "WHERE fact_table = ? AND fact_id = ? ORDER BY attribute, chosen DESC, value, doc_id, char_start",
        [table, key],
    )
    return Explanation(version, table, key, fact, views, documents, conflicts, focus)


def _value(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def _colorize(wrapped: str) -> str:
    """Swap the markers for reverse video, line by line, so the indentation stays plain."""
    out, inside = [], False
    for line in wrapped.split("\n"):
        body = line.lstrip(" ")
        indent = line[: len(line) - len(body)]
        start = ANSI_ON if inside else ""
        if OPEN in body:
            inside = True
        if CLOSE in body:
            inside = False
        body = body.replace(OPEN, ANSI_ON).replace(CLOSE, ANSI_OFF)
        out.append(indent + start + body + (ANSI_OFF if inside else ""))
    return "\n".join(out)


def format_explanation(ex: Explanation, *, color: bool = False, width: int = 100) -> str:
    """The explanation as text for a terminal; the quote marked [[like this]] (or in reverse video)."""
    title = f"{ex.table} {ex.fact_id}: {fact_label(ex.table, ex.fact)}"
    lines = [title + (f"   (release v{ex.version})" if ex.version else "")]
    pad = max(len(k) for k in ex.fact)
    lines += [f"  {k:<{pad}}  {_value(v)}" for k, v in ex.fact.items() if k != FACT_TABLES[ex.table]]
    docs = len({v.doc_id for v in ex.evidence})
    spans = len(ex.evidence)
    lines += ["", f"evidence: {spans} span{'s' * (spans != 1)} in {docs} document{'s' * (docs != 1)}"]
    for n, view in enumerate(ex.evidence, 1):
        star = "  ← asked about" if view.evidence_id == ex.focus else ""
        lines.append(
            f"  [{n}] {view.doc_id}  chars {view.char_start}–{view.char_end}  "
            f"method {view.method}  ({view.evidence_id}){star}"
        )
        wrapped = textwrap.fill(
            view.marked(),
            width=width,
            initial_indent="      ",
            subsequent_indent="      ",
            break_on_hyphens=False,
        )
        lines.append(_colorize(wrapped) if color else wrapped)
    if ex.conflicts:
        lines += ["", "conflicts: the sources disagree on"]
        for c in ex.conflicts:
            chosen = "chosen " if c["chosen"] else "       "
            lines.append(
                f"  {chosen}{c['attribute']} = {c['value']}  ({c['doc_id']} chars {c['char_start']}–"
                f"{c['char_end']})"
            )
    lines += ["", "documents:"]
    for d in ex.documents:
        lines.append(f"  {d['doc_id']}  {d['title'] or '(untitled)'}")
        lines.append(f"      {d['source_path']}  {d['chars']} chars  sha256 {d['sha256']}")
    return "\n".join(lines)


def format_explanation_json(ex: Explanation) -> str:
    return json.dumps(ex.to_json(), indent=2, ensure_ascii=False)
