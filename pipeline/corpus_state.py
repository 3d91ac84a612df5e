"""What the corpus folder holds, compared with what it held at the last look (no Dagster here).

The corpus sensor keeps a `CorpusState` in its cursor: per document id, the file's size, modification
time and a short sha256 of its bytes, plus the extractor version. A file whose size and mtime are
unchanged is not re-read (like make or rsync), so a tick over an unchanged corpus reads no document.
`plan_tick` turns two states into the partitions to add or delete and the extraction runs to request.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core.documents import SUPPORTED_SUFFIXES, discover, doc_id_for

HASH_CHARS = 16
# More documents to (re-)extract than this in one tick become runs over partition ranges, not one
# run per document (documents inside a range that did not change are served from the extraction cache).
MAX_SINGLE_DOCUMENT_RUNS = 20
# A range run holds at most this many partitions (the same chunk as the extraction's backfill policy).
MAX_PARTITIONS_PER_RUN = 1000


@dataclass(frozen=True, slots=True)
class FileState:
    path: str  # relative to the corpus
    size: int
    mtime_ns: int
    sha: str  # first HASH_CHARS hex digits of the sha256 of the bytes


@dataclass(slots=True)
class CorpusState:
    extractor_version: str = ""
    files: dict[str, FileState] = field(default_factory=dict)  # by doc_id

    def encode(self) -> str:
        """A compact cursor: zlib-compressed JSON, base64."""
        payload = {
            "v": self.extractor_version,
            "f": {d: [s.path, s.size, s.mtime_ns, s.sha] for d, s in sorted(self.files.items())},
        }
        raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        return base64.b64encode(zlib.compress(raw, 6)).decode("ascii")

    @classmethod
    def decode(cls, cursor: str | None) -> CorpusState:
        """The state a cursor holds; an empty state for no cursor or one this code cannot read."""
        if not cursor:
            return cls()
        try:
            payload = json.loads(zlib.decompress(base64.b64decode(cursor)))
            files = {d: FileState(p, int(s), int(m), h) for d, (p, s, m, h) in payload["f"].items()}
            return cls(payload["v"], files)
        except (ValueError, KeyError, TypeError, zlib.error):
            return cls()

    def content_key(self, doc_id: str) -> str:
        """What a run for this document is keyed by: its bytes and the extractor that reads them."""
        return f"{doc_id}:{self.files[doc_id].sha}:{self.extractor_version}"


def short_sha(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()[:HASH_CHARS]


def scan(corpus: Path, extractor_version: str, previous: CorpusState | None = None) -> CorpusState:
    """The corpus as it is now; files unchanged in size and mtime keep their previous hash unread."""
    known = previous.files if previous else {}
    files: dict[str, FileState] = {}
    for path in discover(corpus):
        relative = path.relative_to(corpus).as_posix()
        doc_id = doc_id_for(relative)
        if doc_id in files:  # "a.txt" and "a.md": one id, the first path wins (the contract needs unique ids)
            continue
        stat = path.stat()
        old = known.get(doc_id)
        if old and (old.path, old.size, old.mtime_ns) == (relative, stat.st_size, stat.st_mtime_ns):
            files[doc_id] = old
        else:
            files[doc_id] = FileState(relative, stat.st_size, stat.st_mtime_ns, short_sha(path))
    return CorpusState(extractor_version, files)


@dataclass(frozen=True, slots=True)
class ExtractionRun:
    """One run to request: one document, or a range of the (insertion-ordered) partition keys."""

    run_key: str
    partition_key: str | None = None
    range_start: str | None = None
    range_end: str | None = None
    documents: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TickPlan:
    add_partitions: list[str]
    delete_partitions: list[str]
    runs: list[ExtractionRun]
    new: list[str]
    changed: list[str]
    removed: list[str]


def plan_tick(
    previous: CorpusState,
    current: CorpusState,
    registered: Sequence[str],
    max_single_runs: int = MAX_SINGLE_DOCUMENT_RUNS,
    max_per_run: int = MAX_PARTITIONS_PER_RUN,
) -> TickPlan:
    """Partitions to add/delete and runs to request, given the last state, this one and the partitions.

    A document is run when its content key (bytes hash + extractor version) differs from the last
    state's; an unchanged corpus yields no run. New partitions are appended after the registered ones,
    in document-id order, so a range over them is contiguous.
    """
    registered_set = set(registered)
    new = sorted(d for d in current.files if d not in previous.files)
    changed = sorted(
        d
        for d in current.files
        if d in previous.files
        and (
            previous.files[d].sha != current.files[d].sha
            or previous.extractor_version != current.extractor_version
        )
    )
    removed = sorted(d for d in previous.files if d not in current.files)
    add = sorted(d for d in current.files if d not in registered_set)
    delete = [d for d in registered if d not in current.files]
    order = [d for d in registered if d in current.files] + add
    # A partition (re-)registered now is run too, even if the cursor knew its document.
    to_run = sorted({*new, *changed, *add})
    runs = _runs(current, order, to_run, max_single_runs, max_per_run)
    return TickPlan(add, delete, runs, new, changed, removed)


def _runs(
    current: CorpusState, order: list[str], to_run: list[str], max_single: int, max_per_run: int
) -> list[ExtractionRun]:
    if not to_run:
        return []
    if len(to_run) <= max_single:
        return [
            ExtractionRun(current.content_key(d), partition_key=d, documents=(d,)) for d in sorted(to_run)
        ]
    # One contiguous span of the partition order covers every document to run (documents in between
    # are served from the cache), cut into runs of at most `max_per_run` partitions.
    position = {d: i for i, d in enumerate(order)}
    first, last = min(position[d] for d in to_run), max(position[d] for d in to_run)
    runs = []
    for start in range(first, last + 1, max_per_run):
        keys = order[start : min(start + max_per_run, last + 1)]
        digest = hashlib.sha256("\n".join(current.content_key(d) for d in keys).encode("utf-8")).hexdigest()
        runs.append(
            ExtractionRun(
                f"range:{digest[:32]}", range_start=keys[0], range_end=keys[-1], documents=tuple(keys)
            )
        )
    return runs


def locate(corpus: Path, doc_id: str) -> Path | None:
    """The file of the corpus whose id is `doc_id` (without listing the whole corpus)."""
    base = corpus / doc_id
    for suffix in SUPPORTED_SUFFIXES:
        candidate = base.with_name(base.name + suffix)
        if candidate.is_file():
            return candidate
    if base.parent.is_dir():  # upper-case or mixed-case suffixes
        for candidate in sorted(base.parent.iterdir()):
            if (
                candidate.is_file()
                and candidate.suffix.lower() in SUPPORTED_SUFFIXES
                and candidate.name[: -len(candidate.suffix)] == base.name
            ):
                return candidate
    return None


def fingerprint(corpus: Path, versions: Iterable[str]) -> str:
    """A cheap digest of the corpus listing (paths, sizes, mtimes) and code versions; reads no bytes."""
    digest = hashlib.sha256()
    for version in versions:
        digest.update(f"{version}\n".encode())
    for path in discover(corpus):
        stat = path.stat()
        digest.update(f"{path.relative_to(corpus).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:32]


def code_version(packages: Mapping[str, Path]) -> str:
    """A hash of every .py/.csv file under the given package folders (recursively)."""
    digest = hashlib.sha256()
    for name, root in sorted(packages.items()):
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".csv") and "__pycache__" not in path.parts:
                digest.update(f"{name}/{path.relative_to(root).as_posix()}\0".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
