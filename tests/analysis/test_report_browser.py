"""The evidence report rendered by a real headless browser (Chromium): the DOM's highlights are where the
evidence says, a highlight opens the facts it backs, and the first page renders (screenshot).

Set SPACECOOP_SCREENSHOT=docs/report-screenshot.png to also save the screenshot there.
"""

from __future__ import annotations

import html as htmllib
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from analysis_helpers import check_highlights, document_texts, evidence_rows, read_highlights

from pipeline.analysis.explain import fact_label
from pipeline.analysis.query import connect, locate_release

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Chromium is not installed (Debian: `apt-get install chromium`); the browser test renders "
    "report.html in headless Chromium",
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]


def chromium(tmp_path: Path, *args: str) -> str:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def dump_dom(tmp_path: Path, report: Path, fragment: str = "") -> str:
    url = report.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    return chromium(tmp_path, "--virtual-time-budget=3000", "--dump-dom", url)


def panel_text(dom: str) -> str:
    match = re.search(r'<div id="panel-body">(.*?)</div></aside>', dom, flags=re.S)
    assert match, "no evidence panel in the rendered page"
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", match.group(1)))


@pytest.mark.parametrize("which", ["seeds", "small"])
def test_rendered_highlights_are_where_the_evidence_says(
    which: str, seeds_release: Path, small_release: Path, tmp_path: Path
) -> None:
    release = seeds_release if which == "seeds" else small_release
    dom = dump_dom(tmp_path, release / "report.html")
    assert "<mark" in dom and "<svg" in dom
    check_highlights(read_highlights(dom), document_texts(release), evidence_rows(release))


def test_selecting_a_highlight_shows_the_facts_it_backs(
    small_release: Path, small_root: Path, tmp_path: Path
) -> None:
    evidence = {e["evidence_id"]: e for e in evidence_rows(small_release)}
    # the agreement's span overlaps two membership spans: selecting it must show its fact and highlight it
    (target,) = [e for e in evidence.values() if e["fact_table"] == "agreements"]
    dom = dump_dom(tmp_path, small_release / "report.html", f"ev-{target['evidence_id']}")
    reader = read_highlights(dom)
    view = reader.docs[target["doc_id"]]
    # the first piece of the span is clicked: every evidence row covering it is selected, whole
    first = min(view.pieces[target["evidence_id"]])
    selected = [i for i, pieces in view.pieces.items() if first in pieces]
    assert target["evidence_id"] in selected and len(selected) == 2
    assert set(view.focused) == {p for i in selected for p in view.pieces[i]}
    shown = panel_text(dom)
    with connect(locate_release(small_root)) as con:
        cursor = con.execute("select * from agreements where agreement_id = ?", [target["fact_id"]])
        row = dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))
    assert fact_label("agreements", row) in shown
    assert target["quote"] in shown and target["evidence_id"] in shown
    assert re.search(rf'<tr id="fact-{target["fact_id"]}"[^>]*class="current"', dom)


def test_first_page_screenshot(seeds_release: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    chromium(
        tmp_path, "--window-size=1400,1000", f"--screenshot={shot}", (seeds_release / "report.html").as_uri()
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1400, 1000)
    assert len(data) > 30_000, "the screenshot looks blank"
    if os.environ.get("SPACECOOP_SCREENSHOT"):
        shutil.copyfile(shot, os.environ["SPACECOOP_SCREENSHOT"])
