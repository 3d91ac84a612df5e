"""The evidence report (report.html): self-contained, every span highlighted where the evidence says."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from analysis_helpers import check_highlights, document_texts, evidence_rows, read_highlights

from pipeline.analysis.report import (
    _read_tables,
    highlight_text,
    membership_chart,
    render_report,
    write_report,
)
from pipeline.cli import main
from pipeline.release.layout import read_json


class Resources(HTMLParser):
    """Everything that would make a browser fetch something."""

    def __init__(self) -> None:
        super().__init__()
        self.fetches: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "embed", "video", "audio", "source") and a.get("src"):
            self.fetches.append(f"{tag} src={a['src']}")
        if tag == "link":
            self.fetches.append(f"link {a}")
        if tag == "a" and a.get("href") and not a["href"].startswith("#"):
            self.fetches.append(f"a href={a['href']}")


def test_every_release_carries_its_report(seeds_release: Path) -> None:
    manifest = read_json(seeds_release / "manifest.json")
    assert "report.html" in manifest["files"]
    assert "  report.html" in (seeds_release / "SHA256SUMS").read_text()


def test_report_is_self_contained(seeds_release: Path) -> None:
    html = (seeds_release / "report.html").read_text(encoding="utf-8")
    parser = Resources()
    parser.feed(html)
    assert parser.fetches == []
    assert "@import" not in html and "url(" not in html
    assert re.search(r"<script>", html) and "<style>" in html  # inline only


def test_seeds_report_highlights_every_quote_where_the_evidence_says(seeds_release: Path) -> None:
    html = (seeds_release / "report.html").read_text(encoding="utf-8")
    check_highlights(read_highlights(html), document_texts(seeds_release), evidence_rows(seeds_release))


def test_overlapping_spans_are_each_highlighted_exactly(small_release: Path) -> None:
    html = (small_release / "report.html").read_text(encoding="utf-8")
    reader = read_highlights(html)
    evidence = evidence_rows(small_release)
    check_highlights(reader, document_texts(small_release), evidence)
    d1 = reader.docs["d1"]
    spans = sorted((e["char_start"], e["char_end"]) for e in evidence if e["doc_id"] == "d1")
    assert spans[0][0] == spans[1][0]  # two spans start at the same offset (one nested in the other)
    assert any(a[0] < b[0] < a[1] < b[1] for a in spans for b in spans)  # and some overlap partially
    covered = [len([i for i, ps in d1.pieces.items() if any(s <= p < t for s, t in ps)]) for p in range(100)]
    assert max(covered) == 2
    assert 'class="ev d2"' in html


def test_table_rows_link_to_their_evidence(small_release: Path) -> None:
    html = (small_release / "report.html").read_text(encoding="utf-8")
    reader = read_highlights(html)
    evidence = evidence_rows(small_release)
    for e in evidence:
        assert f"ev-{e['evidence_id']}" in reader.hrefs, f"no link to {e['evidence_id']}"
        assert f"fact-{e['fact_id']}" in reader.ids, f"no row for {e['fact_id']}"
    assert set(reader.hrefs) <= reader.ids | {"summary", "chart", "sources", "tables", "documents"}
    for e in evidence:  # each fact's row holds the links to its own evidence
        row = re.search(rf'<tr id="fact-{e["fact_id"]}".*?</tr>', html, flags=re.S)
        assert row and f'href="#ev-{e["evidence_id"]}"' in row.group(0)


def test_highlight_text_handles_nested_partial_and_adjacent_spans() -> None:
    text = "abcdefghij"
    spans = [(0, 4, "A"), (0, 2, "B"), (3, 7, "C"), (7, 9, "D")]
    html = highlight_text(text, spans)
    reader = read_highlights(f'<div class="doctext" data-doc="x">{html}</div>')
    view = reader.docs["x"]
    assert view.text == text
    for start, end, evidence_id in spans:
        pieces = view.pieces[evidence_id]
        assert "".join(text[s:t] for s, t in pieces) == text[start:end]
        assert view.anchors[evidence_id] == start
    assert ">&lt;b&gt;&amp;</mark>" in highlight_text("a<b>&\r", [(1, 5, "E")])
    assert "&#13;" in highlight_text("a\rb", [])


def test_chart_plots_dated_memberships_per_framework() -> None:
    rows = [
        {"organization": "ILRS", "joined_year": 2021, "member_type": "country"},
        {"organization": "ILRS", "joined_year": 2023, "member_type": "country"},
        {"organization": "ILRS", "joined_year": None, "member_type": "country"},
        {"organization": "APSCO", "joined_year": None, "member_type": "country"},
    ]
    svg = membership_chart(rows)
    assert svg.count('<polyline class="series"') == 1 and 'data-org="ILRS"' in svg
    assert "ILRS</b> — 3 members, 2 with a year joined" in svg
    assert "APSCO</b> — 1 member, 0 with a year joined" in svg
    assert ">ILRS 2</text>" in svg
    assert "No membership" in membership_chart([rows[3]])


def test_report_is_deterministic_and_regenerable(
    small_release: Path, small_root: Path, tmp_path: Path, capsys
) -> None:
    first = write_report(small_release, tmp_path / "a.html").read_bytes()
    second = write_report(small_release, tmp_path / "b.html").read_bytes()
    assert first == second
    assert main(["report", "--root", str(small_root)]) == 0
    assert capsys.readouterr().out.strip() == (small_release / "report.html").resolve().as_uri()
    target = tmp_path / "again.html"
    assert main(["report", "--root", str(small_root), "--output", str(target)]) == 0
    assert target.exists() and "evidence report" in target.read_text(encoding="utf-8")


def test_past_the_text_budget_documents_show_excerpts_around_their_evidence(small_release: Path) -> None:
    tables, _ = _read_tables(small_release)
    reader = read_highlights(
        render_report(tables, "0.1.0", full_text_budget=len(tables["documents"][0]["text"]))
    )
    texts = document_texts(small_release)
    assert set(reader.docs) == {"d1"} and reader.excerpts  # d1 in full, d2 as excerpts
    for e in evidence_rows(small_release):
        if e["doc_id"] == "d1":
            continue
        (doc_id, offset, view), *more = [x for x in reader.excerpts if e["evidence_id"] in x[2].pieces]
        assert not more and doc_id == "d2"
        assert view.text == texts["d2"][offset : offset + len(view.text)]
        pieces = sorted(view.pieces[e["evidence_id"]])
        assert (offset + pieces[0][0], offset + pieces[-1][1]) == (e["char_start"], e["char_end"])
        assert "".join(view.text[a:b] for a, b in pieces) == e["quote"]
