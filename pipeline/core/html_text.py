"""The readable text of an HTML page: article content kept, navigation and boilerplate dropped."""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "blockquote", "figcaption", "caption", "dd", "dt", "header", "pre",
}  # fmt: skip
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
)
_VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "wbr", "source", "area", "col", "base", "embed"}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0
        self._stack: list[bool] = []  # per open element: does it start a skipped region?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        marker = " ".join(value or "" for name, value in attrs if name in ("class", "id", "role")).lower()
        skipped = tag in _SKIP_TAGS or any(word in marker for word in _SKIP_MARKERS)
        if tag not in _VOID_TAGS:
            self._stack.append(skipped)
            if skipped:
                self._skip_depth += 1
        if tag in _BLOCK_TAGS:
            self._newline()
        if tag in ("td", "th") and not self._skip_depth:
            self.parts.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS or not self._stack:
            return
        if self._stack.pop():
            self._skip_depth -= 1
        if tag in _BLOCK_TAGS:
            self._newline()
        if tag == "tr" and not self._skip_depth:
            self.parts.append(" |")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(" ".join(data.split()) if data.strip() else (" " if data else ""))

    def _newline(self) -> None:
        if not self._skip_depth:
            self.parts.append("\n")


def html_to_text(html: str) -> str:
    """Visible article text, one block per line; table cells joined with ' | '."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = []
    for line in "".join(collector.parts).split("\n"):
        cleaned = " ".join(line.split())
        if cleaned.startswith("| "):
            cleaned = cleaned[2:]
        if cleaned and cleaned != "|":
            lines.append(cleaned)
    return "\n".join(lines) + ("\n" if lines else "")
