"""Where things are under a release root, and the few primitives that read and replace them.

Every function here takes the release root as a local `pathlib.Path` and does one
small thing (read a JSON file, replace a file atomically, list the release
folders). The rest of `pipeline.release` goes through these, so swapping in
`pyarrow.fs` (S3, GCS) later means reimplementing this module, not the callers;
an object store would replace `os.replace` with a conditional put and the
directory rename with "upload everything, then write latest.json last".
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

DATASET = "spacecoop"
INDEX = "index.json"
LATEST = "latest.json"
LATEST_DATABASE = "latest.duckdb"
REGISTRY = "registry.parquet"
STAGING_PREFIX = ".staging-"
VERSION_DIR = re.compile(r"^v(\d+)\.(\d+)\.(\d+)$")


def default_root() -> Path:
    """`$SPACECOOP_OUTPUT/releases`, or `output/releases` (what `spacecoop build` writes)."""
    return Path(os.environ.get("SPACECOOP_OUTPUT", "output")) / "releases"


def normalize_version(version: str) -> str:
    """'v0.2.0' or '0.2.0' -> '0.2.0'."""
    text = version.strip()
    text = text[1:] if text[:1] in ("v", "V") else text
    if not VERSION_DIR.match(f"v{text}"):
        raise ValueError(f"not a release version: {version!r} (expected X.Y.Z)")
    return text


def version_key(version: str) -> tuple[int, int, int]:
    major, minor, patch = (int(p) for p in normalize_version(version).split("."))
    return major, minor, patch


def release_dir(root: Path, version: str) -> Path:
    return root / f"v{normalize_version(version)}"


def release_folders(root: Path) -> list[Path]:
    """Every `vX.Y.Z` folder under `root`, oldest version first (published or not)."""
    if not root.is_dir():
        return []
    folders = [p for p in root.iterdir() if p.is_dir() and VERSION_DIR.match(p.name)]
    return sorted(folders, key=lambda p: version_key(p.name))


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def dump_json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def write_json(path: Path, data: object) -> None:
    path.write_text(dump_json(data), encoding="utf-8")


def temp_path(path: Path) -> Path:
    """A hidden sibling of `path` to write before `os.replace`; stale ones are cleaned under the lock."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def atomic_replace(path: Path, write: Callable[[Path], None]) -> None:
    """Call `write(tmp)`, fsync it, then rename it over `path`: readers see the old file or the new one."""
    tmp = temp_path(path)
    tmp.unlink(missing_ok=True)
    try:
        write(tmp)
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(path.parent)


def atomic_write_json(path: Path, data: object) -> None:
    atomic_replace(path, lambda tmp: write_json(tmp, data))


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def publish_lock(root: Path) -> Iterator[None]:
    """An exclusive lock on the release root; a second publisher (or yank) waits for the first.

    The kernel drops the lock when its holder dies, even by SIGKILL.
    """
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".lock").open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def read_index(root: Path) -> dict:
    path = root / INDEX
    return read_json(path) if path.exists() else {"dataset": DATASET, "releases": []}


def read_latest(root: Path) -> dict | None:
    """latest.json, or None before the first release (or when every release is yanked)."""
    path = root / LATEST
    if not path.exists():
        return None
    latest = read_json(path)
    return latest if latest.get("version") else None


def index_entry(index: dict, version: str) -> dict | None:
    wanted = normalize_version(version)
    return next((e for e in index["releases"] if e["version"] == wanted), None)


def resolve_version(root: Path, version: str | None) -> str:
    """A version as given, or the one latest.json names when `version` is None or 'latest'."""
    if version is None or version == "latest":
        latest = read_latest(root)
        if latest is None:
            raise FileNotFoundError(f"no release under {root} (latest.json is missing or empty)")
        return latest["version"]
    return normalize_version(version)


def chain(root: Path, version: str) -> list[str]:
    """The versions from the first release to `version`, following each manifest's previous_version."""
    versions: list[str] = []
    current: str | None = normalize_version(version)
    while current is not None and current not in versions:
        versions.append(current)
        current = read_json(release_dir(root, current) / "manifest.json").get("previous_version")
    return versions[::-1]


def make_writable(path: Path) -> None:
    path.chmod(path.stat().st_mode | stat.S_IWUSR)


def force_rmtree(folder: Path) -> None:
    """Remove a folder even when publishing left it read-only."""

    def retry(function: Callable[..., object], path: str, _exc: object) -> None:
        target = Path(path)
        for item in (target.parent, target):
            if item.exists():
                make_writable(item)
        function(path)

    if folder.exists():
        for item in (folder, *folder.rglob("*")):
            if item.is_dir() and not item.is_symlink():
                make_writable(item)
        shutil.rmtree(folder, onerror=retry)


def clean_stale(root: Path) -> list[str]:
    """Remove staging folders and temp files a killed publisher left behind. Call under the lock only."""
    removed = []
    for item in sorted(root.iterdir()) if root.is_dir() else []:
        if item.name.startswith(STAGING_PREFIX) and item.is_dir():
            force_rmtree(item)
            removed.append(item.name)
        elif item.is_file() and item.name.startswith(".") and item.name.endswith((".tmp", ".tmp.wal")):
            item.unlink()
            removed.append(item.name)
    return removed
