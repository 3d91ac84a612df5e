"""HTML pages are read as Markdown-shaped text, so their structure reaches the segmenter."""

from __future__ import annotations

from pipeline.core.extract import extract_text
from pipeline.core.html_text import html_to_text

PAGE = """<html><head><title>Register</title></head><body>
<nav><a href="/">Artemis Accords tracker</a></nav>
<div class="cookie-banner">We share data with advertising partners.</div>
<article>
<h1>Who has joined the ILRS?</h1>
<p>The table lists the participants.</p>
<table><thead><tr><th>Participating state</th><th>Accession</th></tr></thead>
<tbody><tr><td>Bolivia</td><td>18 March 2025</td></tr><tr><td>Senegal</td><td>2024</td></tr></tbody></table>
<h2>Institutional partners</h2>
<p>These universities have signed partnership letters with the programme office:</p>
<ul><li>Belarusian State University, Minsk</li><li>Kazan Federal University</li></ul>
</article>
<footer>&copy; 2025 Monitor</footer>
</body></html>"""


def test_structure_is_rendered_as_markdown() -> None:
    text = html_to_text(PAGE)
    assert "# Who has joined the ILRS?" in text
    assert (
        "| Participating state | Accession |\n|---|---|\n| Bolivia | 18 March 2025 |\n| Senegal | 2024 |"
        in text
    )
    assert "- Belarusian State University, Minsk\n- Kazan Federal University" in text
    assert "advertising" not in text and "tracker" not in text and "2025 Monitor" not in text


def test_table_and_list_of_a_page_about_one_framework_are_read_as_members() -> None:
    claims = extract_text("p", html_to_text(PAGE)).memberships
    found = {(c.member, c.organization, c.joined) for c in claims}
    assert ("Bolivia", "ILRS", "2025-03-18") in found
    assert ("Senegal", "ILRS", "2024") in found
    assert {"Belarusian State University", "Kazan Federal University"} <= {c.member for c in claims}


def test_readers_comments_under_an_article_are_not_its_text() -> None:
    page = (
        "<html><body><article><p>Laos joined the ILRS in 2024.</p></article>"
        '<section id="comments"><h2>Comments (1)</h2><div class="comment"><p>Italy has been in the ILRS '
        "since 2023, it's official.</p></div></section></body></html>"
    )
    text = html_to_text(page)
    assert "Laos joined the ILRS" in text
    assert "Italy" not in text


def test_a_table_with_rowspans_colspans_and_two_header_rows_is_laid_out_on_its_grid() -> None:
    page = (
        "<table><thead><tr><th rowspan='2'>Region</th><th rowspan='2'>State</th>"
        "<th colspan='2'>Framework</th></tr><tr><th>APSCO</th><th>ILRS</th></tr></thead><tbody>"
        "<tr><td rowspan='2'>East Asia</td><td>China</td><td>Member</td>"
        "<td>Founder, 2021<sup>c</sup></td></tr>"
        "<tr><td>Mongolia</td><td>Member</td><td>no</td></tr></tbody></table>"
    )
    assert html_to_text(page).splitlines() == [
        "| Region | State | APSCO | ILRS |",
        "|---|---|---|---|",
        "| East Asia | China | Member | Founder, 2021 |",
        "| East Asia | Mongolia | Member | no |",
    ]
