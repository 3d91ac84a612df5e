"""The evidence report: one self-contained HTML file per release (`report.html`).

It holds a summary of counts, a chart of memberships over time per framework (inline SVG), the
fact tables (each row linking to the words behind it), and every document with the spans its facts
were read from highlighted. Spans may overlap (one sentence often backs several facts): the text is
cut at every span boundary and each piece is one `<mark>` listing, in `data-ev`, every evidence row
covering it, so the pieces of one evidence row, joined, are exactly its quote. Clicking a highlight
shows the facts it backs. No external script, style sheet, font or image.
"""

from __future__ import annotations

import html
import itertools
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from pipeline.analysis.explain import FACT_TABLES, fact_label
from schemas.tables import TABLES

__all__ = ["REPORT_NAME", "highlight_text", "membership_chart", "render_report", "write_report"]

REPORT_NAME = "report.html"
# Characters of document text shown in full; past this, documents show excerpts around their evidence,
# so a corpus of thousands of articles still gives a report a browser opens.
FULL_TEXT_BUDGET = 20_000_000
EXCERPT_MARGIN = 160
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7a5c00", "#444444")
FACT_COLUMNS = {
    "memberships": ["member", "member_type", "member_iso3", "organization", "role", "joined"],
    "agreements": ["title", "agreement_type", "parties", "signed", "status"],
    "missions": ["name", "target", "launch_date", "launch_site", "launch_vehicle", "partners"],
}


def _e(value: Any) -> str:
    """Escape for HTML text and attributes; carriage returns kept as references so the DOM keeps them."""
    return html.escape(str(value), quote=True).replace("\r", "&#13;")


def _cell(value: Any) -> str:
    if value is None:
        return '<span class="null">—</span>'
    if isinstance(value, (list, tuple)):
        return _e(", ".join(str(v) for v in value)) if value else '<span class="null">none</span>'
    return _e(value)


def _read_tables(release_dir: Path) -> tuple[dict[str, list[dict[str, Any]]], dict[str, str]]:
    tables, meta = {}, {}
    for table in TABLES:
        path = release_dir / "data" / f"{table}.parquet"
        if not path.exists():
            tables[table] = []
            continue
        arrow_table = pq.read_table(path)
        tables[table] = arrow_table.to_pylist()
        for key, value in (arrow_table.schema.metadata or {}).items():
            if key in (b"dataset", b"version"):
                meta[key.decode()] = value.decode()
    return tables, meta


def highlight_text(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """`text` as HTML with every span marked; overlapping spans split into flat pieces.

    Each piece covered by at least one span is `<mark class="ev dN" data-ev="id id …">` (N: how many
    spans cover it, up to 3), and an empty `<a class="anchor" id="ev-ID">` precedes the first piece of
    each span, so `#ev-ID` links land on it.
    """
    spans = sorted(spans)
    starts: dict[int, list[str]] = defaultdict(list)
    ends: dict[int, list[str]] = defaultdict(list)
    for start, end, evidence_id in spans:
        starts[start].append(evidence_id)
        ends[end].append(evidence_id)
    bounds = sorted({0, len(text), *starts, *ends})
    active: list[str] = []
    out: list[str] = []
    for lo, hi in itertools.pairwise(bounds):
        active = [i for i in active if i not in ends.get(lo, ())] + starts.get(lo, [])
        out += [f'<a class="anchor" id="ev-{_e(i)}"></a>' for i in starts.get(lo, [])]
        piece = _e(text[lo:hi])
        if active:
            ids = " ".join(active)
            out.append(f'<mark class="ev d{min(len(active), 3)}" data-ev="{_e(ids)}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000):
        if top / step <= 6:
            return step
    return max(1, top // 5)


def membership_chart(memberships: list[dict[str, Any]]) -> str:
    """Inline SVG: per framework, the cumulative number of members by the year they joined.

    Members whose year is not stated are not plotted (dates are never guessed); the legend counts them.
    """
    by_org: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in memberships:
        by_org[row["organization"]].append(row)
    orgs = sorted(by_org, key=lambda o: (-len(by_org[o]), o))
    years = sorted({r["joined_year"] for r in memberships if r["joined_year"] is not None})
    legend = []
    for n, org in enumerate(orgs):
        rows = by_org[org]
        dated = sum(r["joined_year"] is not None for r in rows)
        color = PALETTE[n % len(PALETTE)] if dated else "#bbbbbb"
        note = f"{len(rows)} member{'s' * (len(rows) != 1)}, {dated} with a year joined"
        legend.append(
            f'<li><span class="swatch" style="background:{color}"></span><b>{_e(org)}</b> — {note}</li>'
        )
    legend_html = f'<ul class="legend">{"".join(legend)}</ul>'
    if not years:
        return '<p class="muted">No membership in this release states the year it began.</p>' + legend_html
    first, last = years[0] - 1, years[-1] + 1
    span_years = max(1, last - first)
    width, height, left, right, top, bottom = 640, 280, 48, 130, 16, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = {
        org: Counter(r["joined_year"] for r in by_org[org] if r["joined_year"] is not None) for org in orgs
    }
    peak = max(sum(c.values()) for c in totals.values()) or 1
    step = _nice_step(peak)
    y_max = ((peak + step - 1) // step) * step

    def x(year: float) -> float:
        return left + (year - first) / span_years * plot_w

    def y(count: float) -> float:
        return top + plot_h - count / y_max * plot_h

    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        'aria-label="Members per framework by year joined (cumulative)" xmlns="http://www.w3.org/2000/svg">',
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#fafafa" stroke="#ddd"/>',
    ]
    for value in range(0, y_max + 1, step):
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            'stroke="#e6e6e6"/>'
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" class="tick">{value}</text>'
        )
    year_step = 1 if span_years <= 14 else (span_years + 13) // 14
    for year in range(first, last + 1, year_step):
        parts.append(
            f'<line x1="{x(year):.1f}" x2="{x(year):.1f}" y1="{top + plot_h}" y2="{top + plot_h + 4}" '
            f'stroke="#888"/><text x="{x(year):.1f}" y="{top + plot_h + 18}" text-anchor="middle" '
            f'class="tick">{year}</text>'
        )
    for n, org in enumerate(orgs):
        counts = totals[org]
        if not counts:
            continue
        color = PALETTE[n % len(PALETTE)]
        cumulative, points, dots = 0, [(x(first), y(0))], []
        for year in range(first + 1, last):
            if counts.get(year):
                points.append((x(year), y(cumulative)))
                cumulative += counts[year]
                points.append((x(year), y(cumulative)))
                dots.append(
                    f'<circle cx="{x(year):.1f}" cy="{y(cumulative):.1f}" r="3.5" fill="{color}">'
                    f"<title>{_e(org)}: {cumulative} by {year} (+{counts[year]} in {year})</title></circle>"
                )
        points.append((x(last), y(cumulative)))
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        parts.append(
            f'<polyline class="series" data-org="{_e(org)}" points="{path}" fill="none" '
            f'stroke="{color}" stroke-width="2.5"/>'
        )
        parts += dots
        parts.append(
            f'<text x="{x(last) + 6:.1f}" y="{y(cumulative) + 4:.1f}" fill="{color}" class="label">'
            f"{_e(org)} {cumulative}</text>"
        )
    parts.append(
        f'<text x="{left}" y="{height - 4}" class="tick">year joined →</text>'
        f'<text x="12" y="{top + 10}" class="tick" transform="rotate(-90 12 {top + 10})" '
        'text-anchor="end">members (cumulative)</text></svg>'
    )
    return "".join(parts) + legend_html


def _summary(tables: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    evidence = tables["evidence"]
    facts = sum(len(tables[t]) for t in FACT_TABLES)
    docs_per_fact: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in evidence:
        docs_per_fact[(e["fact_table"], e["fact_id"])].add(e["doc_id"])
    multi = sum(len(d) > 1 for d in docs_per_fact.values())
    cards = [(facts, "facts"), *((len(tables[t]), t) for t in TABLES)]
    card_html = "".join(f'<div class="card"><b>{n}</b><span>{_e(label)}</span></div>' for n, label in cards)
    orgs = Counter(r["organization"] for r in tables["memberships"])
    countries = Counter(r["organization"] for r in tables["memberships"] if r["member_type"] == "country")
    org_rows = "".join(
        f"<tr><td>{_e(o)}</td><td class=num>{n}</td><td class=num>{countries.get(o, 0)}</td></tr>"
        for o, n in sorted(orgs.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    methods = Counter(e["method"] for e in evidence)
    method_rows = "".join(
        f"<tr><td><code>{_e(m)}</code></td><td class=num>{n}</td></tr>"
        for m, n in sorted(methods.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    per_doc = Counter(e["doc_id"] for e in evidence)
    doc_rows = "".join(
        f'<tr><td><a href="#doc-{_e(d["doc_id"])}">{_e(d["doc_id"])}</a></td>'
        f"<td class=num>{per_doc.get(d['doc_id'], 0)}</td><td class=num>{d['chars']}</td></tr>"
        for d in tables["documents"]
    )
    return {
        "cards": f'<div class="cards">{card_html}</div>'
        f'<p class="muted">{multi} of {facts} facts are stated in more than one document; '
        f"{len(tables['conflicts'])} conflict rows record where sources disagree.</p>",
        "frameworks": '<table class="orgs"><caption>Members per framework</caption><tr><th>framework</th>'
        f"<th>members</th><th>countries</th></tr>{org_rows}</table>",
        "sources": '<div class="grid3">'
        "<table><caption>Evidence per extraction method</caption><tr><th>method</th><th>spans</th></tr>"
        f"{method_rows}</table>"
        "<table><caption>Documents</caption><tr><th>document</th><th>spans</th><th>chars</th></tr>"
        f"{doc_rows}</table></div>",
    }


def _fact_tables(tables: dict[str, list[dict[str, Any]]]) -> str:
    evidence_by_fact: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in sorted(tables["evidence"], key=lambda e: (e["doc_id"], e["char_start"], e["evidence_id"])):
        evidence_by_fact[e["fact_id"]].append(e)
    sections = []
    for table, key in FACT_TABLES.items():
        columns = FACT_COLUMNS[table]
        head = "".join(f"<th>{_e(c)}</th>" for c in [key, *columns, "evidence"])
        rows = []
        for row in sorted(tables[table], key=lambda r: fact_label(table, r)):
            links = " ".join(
                f'<a class="evlink" href="#ev-{_e(e["evidence_id"])}" '
                f'title="{_e(e["doc_id"])} [{e["char_start"]}:{e["char_end"]}] {_e(e["method"])}: '
                f'{_e(e["quote"][:200])}">{_e(e["doc_id"][:3])}:{e["char_start"]}</a>'
                for e in evidence_by_fact.get(row[key], [])
            )
            cells = "".join(f"<td>{_cell(row.get(c))}</td>" for c in columns)
            rows.append(
                f'<tr id="fact-{_e(row[key])}" data-fact="{_e(row[key])}">'
                f"<td><code>{_e(row[key])}</code></td>"
                f'{cells}<td class="links">{links}</td></tr>'
            )
        sections.append(
            f'<h3 id="table-{table}">{table} <span class="muted">({len(tables[table])})</span></h3>'
            f'<div class="scroll"><table class="facts" data-table="{table}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )
    conflicts = tables["conflicts"]
    if conflicts:
        rows = "".join(
            f'<tr><td><a href="#fact-{_e(c["fact_id"])}">{_e(c["fact_id"])}</a></td>'
            f"<td>{_e(c['attribute'])}</td>"
            f"<td>{_e(c['value'])}</td><td>{'yes' if c['chosen'] else ''}</td><td>{_e(c['doc_id'])}</td>"
            f"<td class=num>{c['char_start']}–{c['char_end']}</td></tr>"
            for c in conflicts
        )
        sections.append(
            f'<h3 id="table-conflicts">conflicts <span class="muted">({len(conflicts)})</span></h3>'
            '<div class="scroll"><table class="facts"><thead><tr><th>fact</th><th>attribute</th>'
            "<th>value</th>"
            f"<th>chosen</th><th>document</th><th>span</th></tr></thead><tbody>{rows}</tbody></table></div>"
        )
    else:
        sections.append('<h3 id="table-conflicts">conflicts</h3><p class="muted">No source disagrees.</p>')
    return "".join(sections)


def _windows(spans: list[tuple[int, int, str]], length: int, margin: int) -> list[tuple[int, int]]:
    """Stretches of text around the spans, `margin` characters either side, merged where they meet."""
    windows: list[list[int]] = []
    for start, end, _ in sorted(spans):
        lo, hi = max(0, start - margin), min(length, end + margin)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    return [(lo, hi) for lo, hi in windows]


def _documents(tables: dict[str, list[dict[str, Any]]], budget: int = FULL_TEXT_BUDGET) -> str:
    """Each document's text with its spans marked: in full while the report's text budget lasts, then
    only excerpts around the spans (`div.excerpt`, `data-offset` its start in documents.text)."""
    spans_by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in tables["evidence"]:
        spans_by_doc[e["doc_id"]].append((e["char_start"], e["char_end"], e["evidence_id"]))
    sections, used = [], 0
    for doc in tables["documents"]:
        spans = spans_by_doc.get(doc["doc_id"], [])
        text, doc_id = doc["text"], _e(doc["doc_id"])
        if used + len(text) <= budget:
            used += len(text)
            body = f'<div class="doctext" data-doc="{doc_id}">{highlight_text(text, spans)}</div>'
            note = ""
        else:
            parts = []
            for lo, hi in _windows(spans, len(text), EXCERPT_MARGIN):
                inside = [(s - lo, t - lo, i) for s, t, i in spans if lo <= s and t <= hi]
                cut = (" cut-l" if lo > 0 else "") + (" cut-r" if hi < len(text) else "")
                parts.append(
                    f'<div class="excerpt{cut}" data-doc="{doc_id}" data-offset="{lo}">'
                    f"{highlight_text(text[lo:hi], inside)}</div>"
                )
            body = "".join(parts) or '<p class="muted">No evidence in this document.</p>'
            note = " · excerpts around the evidence (the full text is in documents.text)"
        sections.append(
            f'<section class="doc" id="doc-{doc_id}"><h3>{_e(doc["title"] or doc["doc_id"])}</h3>'
            f'<p class="muted"><code>{doc_id}</code> · {_e(doc["source_path"])} · {doc["chars"]} '
            f"chars · {len(spans)} evidence spans · sha256 <code>{_e(doc['sha256'][:16])}…</code>{note}</p>"
            f"{body}</section>"
        )
    return "".join(sections)


def _script_data(tables: dict[str, list[dict[str, Any]]]) -> str:
    facts = {}
    for table, key in FACT_TABLES.items():
        for row in tables[table]:
            facts[row[key]] = {"table": table, "label": fact_label(table, row)}
    evidence = {
        e["evidence_id"]: {
            "fact": e["fact_id"],
            "doc": e["doc_id"],
            "start": e["char_start"],
            "end": e["char_end"],
            "method": e["method"],
            "quote": e["quote"],
        }
        for e in tables["evidence"]
    }
    data = json.dumps({"facts": facts, "evidence": evidence}, ensure_ascii=False, sort_keys=True)
    return data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


STYLE = """
:root{--ink:#1d1d1f;--muted:#6b6b70;--line:#e2e2e6;--accent:#0072B2}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
 color:var(--ink)}
header{padding:20px 32px 8px;border-bottom:1px solid var(--line);background:#f6f8fb}
header h1{margin:0;font-size:24px}
nav a{margin-right:14px}
body{padding-right:340px}
main{padding:8px 32px 48px}
.chartrow{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
.chartrow>div{flex:0 1 660px}.chartrow table{margin-top:36px}
h2{margin-top:32px;border-bottom:1px solid var(--line);padding-bottom:4px}
a{color:var(--accent)}
.muted{color:var(--muted)}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:110px;background:#fff}
.card b{display:block;font-size:24px}.card span{color:var(--muted);font-size:13px}
.grid3{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:18px;align-items:start}
table{border-collapse:collapse;font-size:13px}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto}
table.facts tr:target{background:#fff4c2}
table.facts tr.current{background:#fff4c2}
.null{color:#aaa}
a.evlink{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px;white-space:nowrap}
.chart .tick{font-size:11px;fill:#555}.chart .label{font-size:12px;font-weight:600}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px 18px;font-size:13px}
.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;vertical-align:-1px}
.excerpt{white-space:pre-wrap;font:14px/1.6 Georgia,"DejaVu Serif",serif;border-left:3px solid var(--line);
 padding:4px 12px;margin:8px 0;background:#fff}
.excerpt.cut-l::before{content:"… ";color:#aaa}.excerpt.cut-r::after{content:" …";color:#aaa}
.doctext{white-space:pre-wrap;font:14px/1.6 Georgia,"DejaVu Serif",serif;border:1px solid var(--line);
 border-radius:6px;padding:14px 18px;background:#fff;max-height:70vh;overflow:auto}
mark.ev{cursor:pointer;border-radius:2px;color:inherit;box-shadow:inset 0 -1px #d4a20066}
mark.d1{background:#fff1a8}mark.d2{background:#ffd86b}mark.d3{background:#ffb347}
mark.focus{outline:2px solid #d55e00;background:#ffcf99}
aside#panel{position:fixed;right:0;top:0;bottom:0;width:340px;overflow:auto;border-left:1px solid var(--line);
 background:#fbfbfd;padding:16px;font-size:13px}
aside#panel h2{margin-top:0;font-size:16px}
aside .item{border:1px solid var(--line);border-radius:6px;padding:8px;margin:8px 0;background:#fff}
aside blockquote{margin:6px 0;padding-left:8px;border-left:3px solid #ffb347;font-family:Georgia,serif}
@media (max-width:1000px){body{padding-right:0}aside#panel{position:static;width:auto;border:0}}
"""

SCRIPT = """
(function(){
  var DATA = JSON.parse(document.getElementById('report-data').textContent);
  var panel = document.getElementById('panel-body');
  function esc(s){var d=document.createElement('div');d.textContent=String(s);return d.innerHTML;}
  function marksOf(id){return Array.prototype.filter.call(document.querySelectorAll('mark.ev'),
    function(m){return m.getAttribute('data-ev').split(' ').indexOf(id) >= 0;});}
  function clearFocus(){Array.prototype.forEach.call(document.querySelectorAll('mark.focus,tr.current'),
    function(m){m.classList.remove('focus');m.classList.remove('current');});}
  function show(ids){
    clearFocus();
    var html = '<p class="muted">' + ids.length + ' evidence span' + (ids.length==1?'':'s') +
      ' cover' + (ids.length==1?'s':'') + ' this text.</p>';
    ids.forEach(function(id){
      var e = DATA.evidence[id]; if(!e) return;
      var f = DATA.facts[e.fact] || {table:'?', label:e.fact};
      marksOf(id).forEach(function(m){m.classList.add('focus');});
      var row = document.getElementById('fact-' + e.fact); if(row) row.classList.add('current');
      html += '<div class="item fact" data-ev="' + esc(id) + '"><b class="fact-label">' + esc(f.label) +
        '</b><br><span class="muted">' + esc(f.table) + '</span> <a href="#fact-' + esc(e.fact) + '">' +
        esc(e.fact) + '</a><blockquote>' + esc(e.quote) + '</blockquote><span class="muted">' +
        esc(e.doc) + ' [' + e.start + ':' + e.end + '] · ' + esc(e.method) + ' · ' + esc(id) +
        '</span></div>';
    });
    panel.innerHTML = html;
  }
  document.addEventListener('click', function(ev){
    var m = ev.target.closest ? ev.target.closest('mark.ev') : null;
    if(m){show(m.getAttribute('data-ev').split(' '));}
  });
  function fromHash(){
    var h = decodeURIComponent(location.hash.slice(1));
    if(h.indexOf('ev-') === 0){
      var marks = marksOf(h.slice(3));
      if(marks.length){marks[0].click();}
    }
  }
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
"""


def render_report(
    tables: dict[str, list[dict[str, Any]]],
    version: str = "",
    build_time: str = "",
    full_text_budget: int = FULL_TEXT_BUDGET,
) -> str:
    """The report as one HTML string (a function of the tables and the version only)."""
    title = f"spacecoop {('v' + version) if version else ''} — evidence report".replace("  ", " ")
    built = f" · built {_e(build_time)}" if build_time else ""
    summary = _summary(tables)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title>
<style>{STYLE}</style></head>
<body>
<header><h1>{_e(title)}</h1>
<p class="muted">China's international space cooperation, as the sources state it. Every fact below links to
the exact words it was read from; click a highlighted passage to see the facts it backs.{built}</p>
<nav><a href="#summary">Summary</a><a href="#chart">Memberships over time</a><a href="#sources">Sources</a>
<a href="#tables">Tables</a>
<a href="#documents">Documents</a></nav></header>
<aside id="panel"><h2>Evidence</h2><div id="panel-body"><p class="muted">Click a highlighted passage in a
document (or an evidence link in a table) to see the facts it supports.</p></div></aside>
<main>
<h2 id="summary">Summary</h2>{summary["cards"]}
<h2 id="chart">Memberships over time, per framework</h2>
<div class="chartrow"><div><p class="muted">Cumulative members by the year the sources say they joined.</p>
{membership_chart(tables["memberships"])}</div>{summary["frameworks"]}</div>
<h2 id="sources">Sources and extraction methods</h2>{summary["sources"]}
<h2 id="tables">Tables</h2>
<p class="muted">Each row's evidence links (document:offset) jump to the highlighted quote.</p>
{_fact_tables(tables)}
<h2 id="documents">Documents</h2>
<p class="muted">Highlights mark evidence spans; darker where several spans overlap.</p>
{_documents(tables, full_text_budget)}
</main>
<script type="application/json" id="report-data">{_script_data(tables)}</script>
<script>{SCRIPT}</script>
</body></html>
"""


def write_report(release_dir: Path, output: Path | None = None, *, build_time: str = "") -> Path:
    """Write the evidence report of the release in `release_dir` (default: `release_dir/report.html`)."""
    release_dir = Path(release_dir)
    tables, meta = _read_tables(release_dir)
    manifest = release_dir / "manifest.json"
    if manifest.exists() and not build_time:
        build_time = json.loads(manifest.read_text(encoding="utf-8")).get("build_time") or ""
    target = Path(output) if output else release_dir / REPORT_NAME
    target.write_text(render_report(tables, meta.get("version", ""), build_time), encoding="utf-8")
    return target
