"""The readable text of an HTML page: article content kept, navigation and boilerplate dropped.

The page is rendered as Markdown-shaped plain text, so the segmenter sees its structure:
headings become ``# Title`` lines, list items ``- item`` lines, table rows ``| a | b |``
lines (a ``|---|`` rule after a header row), and other blocks paragraphs between blank lines.
"""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "br", "ul", "ol", "table", "thead", "tbody", "tfoot",
    "blockquote", "figcaption", "dd", "dt", "header", "pre", "figure", "address", "dl",
}  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SKIP_TAGS = {"script", "style", "nav", "footer", "noscript", "template", "svg", "form", "button", "aside"}
_SKIP_MARKERS = (
    "cookie",
    "consent",
    "banner",
    "newsletter",
    "subscribe",
    "share",
    "social",
    "advert",
    "menu",
    "comment",  # readers' comments under the article: not the publisher's text
    "disqus",
    "replies",
)
_VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "wbr", "source", "area", "col", "base", "embed"}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []  # finished lines; "" separates blocks
        self._line: list[str] = []
        self._prefix = ""
        self._skip_depth = 0
        self._stack: list[bool] = []  # per open element: does it start a skipped region?
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._header_row = False
        self._rows_in_table = 0
        self._table_depth = 0
        self._in_sup = False  # inside <sup>: a footnote mark ("2021<sup>c</sup>") is no part of the text
        self._spans: list[tuple[int, int]] = []  # (rowspan, colspan) of each cell of the open row
        self._pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows still to fill) from a rowspan
        self._last_header: tuple[list[str], set[int]] | None = None  # cells and colspan columns

    # --- tags ---------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        marker = " ".join(value or "" for name, value in attrs if name in ("class", "id", "role")).lower()
        skipped = tag in _SKIP_TAGS or any(word in marker for word in _SKIP_MARKERS)
        if tag not in _VOID_TAGS:
            self._stack.append(skipped)
            if skipped:
                self._skip_depth += 1
        if self._skip_depth:
            return
        if tag == "sup":
            self._in_sup = True
        if tag == "table":
            self._end_block()
            self._rows_in_table = 0
            self._table_depth += 1
            self._pending, self._last_header = {}, None
        elif tag in ("thead", "tbody", "tfoot") and self._table_depth:
            pass
        elif tag == "tr":
            self._row, self._header_row, self._spans = [], False, []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            self._header_row = self._header_row or tag == "th"
            self._spans.append((_span(attrs, "rowspan"), _span(attrs, "colspan")))
        elif tag in _HEADINGS or tag == "title":
            self._end_block()
            self._prefix = "#" * _HEADINGS.get(tag, 1) + " "
        elif tag == "li":
            self._end_line()
            self._prefix = "- "
        elif tag == "caption" or (tag in _BLOCK_TAGS and self._row is None):
            self._end_block()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS or not self._stack:
            return
        skipped_here = self._stack.pop()
        if skipped_here:
            self._skip_depth -= 1
            return
        if self._skip_depth:
            return
        if tag == "sup":
            self._in_sup = False
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._emit_row()
        elif tag == "table":
            self._table_depth = max(0, self._table_depth - 1)
            self._end_block()
        elif tag in ("thead", "tbody", "tfoot") and self._table_depth:
            pass
        elif tag in _HEADINGS or tag in ("caption", "title"):
            self._end_block()
        elif tag == "li":
            self._end_line()
        elif tag in ("ul", "ol") or (tag in _BLOCK_TAGS and self._row is None):
            self._end_block()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._skip_depth or (self._in_sup and len(data.strip()) <= 3):
            return
        target = self._cell if self._cell is not None else self._line
        target.append(data)

    # --- output -------------------------------------------------------------------------------

    def _laid_out(self) -> tuple[list[str], set[int]]:
        """The open row's cells on the table's grid: a cell spanning rows fills its column in the rows
        below, a cell spanning columns fills each of them; also the columns filled by a colspan."""
        out: list[str] = []
        wide: set[int] = set()
        cells = list(zip(self._row or [], self._spans, strict=False))
        while cells or any(col >= len(out) for col in self._pending):
            col = len(out)
            if col in self._pending:
                text, left = self._pending.pop(col)
                if left > 1:
                    self._pending[col] = (text, left - 1)
                out.append(text)
                continue
            if not cells:
                out.append("")
                continue
            text, (rows, cols) = cells.pop(0)
            for k in range(cols):
                if rows > 1:
                    self._pending[col + k] = (text, rows - 1)
                if cols > 1:
                    wide.add(col + k)
                out.append(text)
        return out, wide

    def _emit_row(self) -> None:
        cells, wide = self._laid_out()
        self._row = None
        if not any(cells):
            return
        line = "| " + " | ".join(c.replace("|", "/") for c in cells) + " |"
        if self._header_row and self._last_header is not None and self._rows_in_table == 1:
            # a second header row ("| Sub-region | State | Framework x4 |" over "| APSCO | ILRS | ... |"):
            # one header, the lower cell where the upper one spans several columns
            upper, upper_wide = self._last_header
            merged = [
                low if i in upper_wide or not up else up if up == low else f"{up} {low}"
                for i, (up, low) in enumerate(zip(upper, cells, strict=False))
            ]
            self.blocks[-2:] = ["| " + " | ".join(c.replace("|", "/") for c in merged) + " |",
                                "|" + "---|" * len(merged)]  # fmt: skip
            self._last_header = None
            return
        self.blocks.append(line)
        self._rows_in_table += 1
        if self._header_row and self._rows_in_table == 1:
            self.blocks.append("|" + "---|" * len(cells))
            self._last_header = (cells, wide)

    def _end_line(self) -> None:
        text = " ".join("".join(self._line).split())
        self._line = []
        if text:
            self.blocks.append(self._prefix + text)
        self._prefix = ""

    def _end_block(self) -> None:
        self._end_line()
        if self.blocks and self.blocks[-1] != "":
            self.blocks.append("")

    def text(self) -> str:
        self._end_block()
        while self.blocks and self.blocks[-1] == "":
            self.blocks.pop()
        return "\n".join(self.blocks) + ("\n" if self.blocks else "")


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    """A cell's rowspan or colspan (1 when absent or not a small number)."""
    value = next((v for k, v in attrs if k == name), None) or "1"
    return int(value) if value.strip().isdigit() and 0 < int(value) <= 50 else 1


def html_to_text(html: str) -> str:
    """Visible article text as Markdown-shaped plain text (see the module docstring)."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return collector.text()
