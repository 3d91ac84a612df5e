"""Intake: every file under the corpus folder becomes either a document or a rejection with a reason.

`intake_corpus` walks the corpus (hidden files and folders, whose names start with ".", are not inputs),
never follows symbolic links, and classifies each file on its own, so one bad file never stops the
others. A file is rejected when it:

- is a symbolic link, or anything that is not a regular file (links are refused outright: following
  one could read outside the corpus folder);
- resolves outside the corpus folder;
- has an extension no reader supports (`.pdf`, `.docx`, images, ...);
- is larger than `max_bytes`;
- disappears, or changes, while it is being read;
- is empty or holds only whitespace;
- holds binary content (a known binary signature such as PDF, ZIP/.docx or an image, or NUL bytes
  in text that is not UTF-16/UTF-32 with a byte-order mark);
- holds the same bytes as a file accepted before it (in sorted path order): the first path is the
  document, every later one is rejected as "duplicate of <first path>", so both paths are recorded.

Rejections carry the path relative to the corpus, the sha256 of the bytes when they could be read safely
(None otherwise) and a reason a person understands. Nothing in a file is ever evaluated or executed.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.documents import (
    HTML_SUFFIXES,
    SUPPORTED_SUFFIXES,
    SourceDocument,
    decode_bytes,
    make_document,
)
from pipeline.core.html_text import html_to_text

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

# Leading bytes of formats that are not text, whatever the file is called.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (e.g. .docx, .xlsx, .odt)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 file (e.g. old .doc or .xls)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"{\\rtf", "an RTF document"),
)
TEXT_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16 / UTF-32 little- or big-endian


@dataclass(frozen=True, slots=True)
class Accepted:
    document: SourceDocument


@dataclass(frozen=True, slots=True)
class Rejected:
    path: str  # relative to the corpus folder
    sha256: str | None  # of the raw bytes; None when the file could not (or must not) be read
    reason: str
    bytes: int | None = None


class _Changed(Exception):
    """The file changed between the start and the end of reading it."""


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def list_inputs(corpus: Path) -> list[Path]:
    """Every non-hidden entry under `corpus` that is not a directory, sorted; links are not followed."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(corpus, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        # A link to a folder appears in `dirs` but is not walked: report it as an input to refuse.
        for name in list(dirs):
            if os.path.islink(os.path.join(folder, name)):
                dirs.remove(name)
                found.append(Path(folder, name))
        found += [Path(folder, name) for name in files if not name.startswith(".")]
    return sorted(found, key=lambda p: p.relative_to(corpus).as_posix())


def _read_stable(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, read without following a link, refusing if it changes while being read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        before = os.fstat(fd)
        if not stat.S_ISREG(before.st_mode):
            raise IsADirectoryError(path)
        if before.st_size > max_bytes:
            raise _TooLarge(before.st_size)
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise _TooLarge(total)
        after = os.fstat(fd)
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    now = os.stat(path, follow_symlinks=False)  # replaced or deleted by name while we read?
    if (
        len(raw) != before.st_size
        or (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns)
        or (now.st_ino, now.st_dev, now.st_size, now.st_mtime_ns)
        != (before.st_ino, before.st_dev, before.st_size, before.st_mtime_ns)
    ):
        raise _Changed
    return raw


def binary_kind(raw: bytes) -> str | None:
    """What a binary file looks like ("a PDF document", "binary data (NUL bytes)"), or None for text."""
    for signature, kind in BINARY_SIGNATURES:
        if raw.startswith(signature):
            return kind
    if raw.startswith(TEXT_BOMS) or raw.startswith(b"\x00\x00\xfe\xff"):
        return None  # UTF-16/32 text legitimately contains NUL bytes
    if b"\x00" in raw:
        return "binary data (it contains NUL bytes)"
    return None


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def classify(
    path: Path,
    corpus: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    read: Callable[[Path, int], bytes] = _read_stable,
) -> Accepted | Rejected:
    """Decide what one file of the corpus is: a document, or a rejection with its reason."""
    try:
        relative = path.relative_to(corpus).as_posix()
    except ValueError:
        return Rejected(path.as_posix(), None, "the path is outside the corpus folder; refused")

    def reject(reason: str, raw: bytes | None = None) -> Rejected:
        sha = hashlib.sha256(raw).hexdigest() if raw is not None else None
        return Rejected(relative, sha, reason, len(raw) if raw is not None else None)

    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return reject("the file disappeared before it could be read (deleted during the build?)")
    if stat.S_ISLNK(info.st_mode):
        target = os.readlink(path)
        resolved = path.resolve()
        where = "outside the corpus folder" if not resolved.is_relative_to(corpus.resolve()) else "a link"
        return reject(f"symbolic link to {target!r} ({where}); links are refused, copy the file instead")
    if not path.resolve().is_relative_to(corpus.resolve()):
        return reject("the path resolves outside the corpus folder; refused")
    if not stat.S_ISREG(info.st_mode):
        return reject("not a regular file (a device, socket or pipe); refused")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        kind = f"'{suffix}'" if suffix else "no extension"
        return reject(
            f"unsupported file type ({kind}); supported: {', '.join(SUPPORTED_SUFFIXES)}",
            _hash_if_small(path, max_bytes),
        )
    try:
        raw = read(path, max_bytes)
    except _TooLarge as error:
        return Rejected(
            relative,
            _stream_sha256(path),
            f"too large: {_size(error.size)} is above the {_size(max_bytes)} limit (--max-document-bytes)",
            error.size,
        )
    except FileNotFoundError:
        return reject("the file disappeared while it was being read (deleted during the build?)")
    except _Changed:
        return reject("the file changed while it was being read; run the build again once it is stable")
    except OSError as error:
        return reject(f"could not be read: {error.strerror or error}")
    if not raw.strip():
        return reject("empty file" if not raw else "the file holds only whitespace", raw)
    kind = binary_kind(raw)
    if kind is not None:
        return reject(f"binary content: looks like {kind}, not {suffix} text; no reader for it", raw)
    text, encoding = decode_bytes(raw)
    if encoding.endswith("-replace"):
        return reject("not text in any encoding that could be recognised", raw)
    if "\x00" in text:
        return reject("binary content: the decoded text contains NUL characters", raw)
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text) // 100):
        return reject(f"binary content: {controls} control characters in {len(text)} decoded characters", raw)
    if suffix in HTML_SUFFIXES:
        text = html_to_text(text)
    if not text.strip():
        return reject("no text: the file holds only markup or whitespace", raw)
    return Accepted(make_document(relative, raw, text, encoding))


def _stream_sha256(path: Path) -> str | None:
    """The sha256 of a file too large to hold in memory (None if it cannot be read safely)."""
    digest = hashlib.sha256()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        while chunk := os.read(fd, 1 << 20):
            digest.update(chunk)
    finally:
        os.close(fd)
    return digest.hexdigest()


def _hash_if_small(path: Path, max_bytes: int) -> bytes | None:
    try:
        return _read_stable(path, max_bytes)
    except (OSError, _TooLarge, _Changed):
        return None


def intake_corpus(
    corpus: Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[SourceDocument], list[Rejected]]:
    """Every input file, once: the documents (sorted by path) and the rejections (sorted by path)."""
    corpus = corpus.resolve()
    documents: list[SourceDocument] = []
    rejections: list[Rejected] = []
    first_path: dict[str, str] = {}  # sha256 -> path of the document holding those bytes
    doc_ids: dict[str, str] = {}
    for path in list_inputs(corpus):
        try:
            outcome = classify(path, corpus, max_bytes)
        except Exception as error:  # one bad file never stops the others
            relative = path.relative_to(corpus).as_posix()
            outcome = Rejected(relative, None, f"could not be processed: {type(error).__name__}: {error}")
        if isinstance(outcome, Rejected):
            rejections.append(outcome)
            continue
        document = outcome.document
        if document.sha256 in first_path:
            original = first_path[document.sha256]
            rejections.append(
                Rejected(document.source_path, document.sha256, f"duplicate of {original}", document.bytes)
            )
            continue
        if document.doc_id in doc_ids:  # e.g. "a.txt" and "a.md"
            other = doc_ids[document.doc_id]
            rejections.append(
                Rejected(
                    document.source_path,
                    document.sha256,
                    f"same document id {document.doc_id!r} as {other}; rename one of them",
                    document.bytes,
                )
            )
            continue
        first_path[document.sha256] = document.source_path
        doc_ids[document.doc_id] = document.source_path
        documents.append(document)
    return documents, rejections


def rejection_rows(rejections: list[Rejected]) -> list[dict]:
    return [
        {"source_path": r.path, "sha256": r.sha256, "bytes": r.bytes, "reason": r.reason} for r in rejections
    ]
