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
        if tag == "table":
            self._end_block()
            self._rows_in_table = 0
            self._table_depth += 1
        elif tag in ("thead", "tbody", "tfoot") and self._table_depth:
            pass
        elif tag == "tr":
            self._row, self._header_row = [], False
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            self._header_row = self._header_row or tag == "th"
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
        if self._skip_depth:
            return
        target = self._cell if self._cell is not None else self._line
        target.append(data)

    # --- output -------------------------------------------------------------------------------

    def _emit_row(self) -> None:
        cells = self._row or []
        self._row = None
        if not any(cells):
            return
        self.blocks.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
        self._rows_in_table += 1
        if self._header_row and self._rows_in_table == 1:
            self.blocks.append("|" + "---|" * len(cells))

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


def html_to_text(html: str) -> str:
    """Visible article text as Markdown-shaped plain text (see the module docstring)."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return collector.text()
