"""Source documents: find them, read their bytes, decode them without changing a character."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.html_text import html_to_text

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
# Byte-order marks other than UTF-8's, longest first (UTF-32-LE's mark starts with UTF-16-LE's).
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
PREFERRED_SINGLE_BYTE = "cp1252"


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """One decoded document; evidence offsets index into `text`."""

    doc_id: str
    source_path: str
    sha256: str
    title: str | None
    text: str
    encoding: str
    bytes: int

    @property
    def chars(self) -> int:
        return len(self.text)


def discover(corpus: Path) -> list[Path]:
    """Supported regular files under `corpus`, sorted by relative path. Hidden files are skipped and
    symbolic links are never followed (the intake reports them as rejections)."""
    found = []
    for folder, dirs, files in os.walk(corpus, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = Path(folder, name)
            if (
                not name.startswith(".")
                and path.suffix.lower() in SUPPORTED_SUFFIXES
                and not path.is_symlink()
            ):
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(corpus).as_posix())


def doc_id_for(relative_path: str) -> str:
    """The document id: its path relative to the corpus, without the extension."""
    stem, _, _ = relative_path.rpartition(".")
    return stem or relative_path


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode raw bytes exactly (no newline translation); return (text, encoding).

    UTF-8 is tried first (a UTF-8 byte-order mark is kept as a character so offsets match the bytes
    decoded); UTF-16/UTF-32 with a byte-order mark are decoded as such (the mark is consumed by the
    codec); anything else goes to charset-normalizer. When Windows-1252 fits as well as its best guess
    (no more mess), Windows-1252 wins (it is what Latin-1 text means in practice). The text returned is
    always `raw.decode(encoding)`, never a repaired or normalised copy.
    """
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw))
    if not matches:
        return raw.decode("utf-8", errors="replace"), "utf-8-replace"
    best = matches[0]
    encoding = best.encoding
    # Mostly-ASCII English text gives near-identical scores to every Western code page (cp1250, cp775,
    # ...); whenever Windows-1252 decodes the bytes with no more mess than the best guess, it wins.
    tied = [m for m in matches if m.chaos <= best.chaos]
    if any(PREFERRED_SINGLE_BYTE in m.could_be_from_charset for m in tied):
        encoding = PREFERRED_SINGLE_BYTE
    try:
        return raw.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return raw.decode("utf-8", errors="replace"), "utf-8-replace"


def read_document(path: Path, corpus: Path) -> SourceDocument:
    """Read one file of the corpus into a SourceDocument."""
    raw = path.read_bytes()
    text, encoding = decode_bytes(raw)
    if path.suffix.lower() in HTML_SUFFIXES:
        text = html_to_text(text)
    return make_document(path.relative_to(corpus).as_posix(), raw, text, encoding)


def make_document(relative: str, raw: bytes, text: str, encoding: str) -> SourceDocument:
    """The document for a file at `relative` whose `raw` bytes were decoded to `text`."""
    return SourceDocument(
        doc_id=doc_id_for(relative),
        source_path=relative,
        sha256=hashlib.sha256(raw).hexdigest(),
        title=find_title(text),
        text=text,
        encoding=encoding,
        bytes=len(raw),
    )


def find_title(text: str, max_chars: int = 160) -> str | None:
    """The first line that reads like a title: several words, short, not a sentence run-on."""
    for line in text.splitlines()[:15]:
        candidate = " ".join(line.split()).lstrip("# ").strip()
        if 3 <= len(candidate.split()) <= 20 and len(candidate) <= max_chars and not candidate.endswith(","):
            return candidate
    return None
