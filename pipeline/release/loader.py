"""Read one table of a pinned release, after checking that it is the release you pinned.

    from pipeline.release import load

    PIN = {"version": "0.2.0", "manifest_sha256": "3da0d9a5…"}   # from `spacecoop releases` or latest.json
    memberships = load("memberships", root="output/releases", **PIN)

The manifest's sha256 is checked against the pin, then the table file's size
and sha256 against the manifest, and the bytes that were checked are the bytes
that are parsed. The manifest lists a sha256 for every file of the release, so
pinning (version, manifest sha256) pins every byte of the data.

This module needs only the standard library, pandas and pyarrow, so a project
that does not install spacecoop can copy it.
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq


class PinMismatchError(ValueError):
    """The release on disk is not the one pinned, or a file differs from its manifest."""


class YankedReleaseWarning(UserWarning):
    """The pinned release has been yanked: read its reason in index.json and move to another one."""


def _root(root: str | os.PathLike[str] | None) -> Path:
    if root is not None:
        return Path(root)
    return Path(os.environ.get("SPACECOOP_OUTPUT", "output")) / "releases"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pin(root: str | os.PathLike[str] | None = None, version: str | None = None) -> dict[str, str]:
    """{"version", "manifest_sha256"} of `version` (default: latest), as recorded: paste it into code."""
    folder = _root(root)
    if version is None:
        latest = json.loads((folder / "latest.json").read_text(encoding="utf-8"))
        return {"version": latest["version"], "manifest_sha256": latest["manifest_sha256"]}
    wanted = version.lstrip("vV")
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    for entry in index["releases"]:
        if entry["version"] == wanted:
            return {"version": wanted, "manifest_sha256": entry["manifest_sha256"]}
    raise KeyError(f"no release {wanted} in {folder / 'index.json'}")


def _warn_if_yanked(folder: Path, version: str) -> None:
    index_path = folder / "index.json"
    if not index_path.exists():
        return
    for entry in json.loads(index_path.read_text(encoding="utf-8")).get("releases", []):
        if entry.get("version") == version and entry.get("status") == "yanked":
            warnings.warn(
                f"release {version} is yanked: {entry.get('yanked_reason', 'no reason given')}",
                YankedReleaseWarning,
                stacklevel=3,
            )


def _types_mapper(arrow_type: pa.DataType) -> object:
    if pa.types.is_int64(arrow_type):
        return pd.Int64Dtype()
    if pa.types.is_list(arrow_type):
        return pd.ArrowDtype(arrow_type)
    return None


def load(
    table: str,
    version: str | None = None,
    root: str | os.PathLike[str] | None = None,
    manifest_sha256: str | None = None,
) -> pd.DataFrame:
    """The table as a DataFrame, read from `root/v<version>/` after its checksums are checked.

    `version=None` reads latest.json's version (unpinned). With `manifest_sha256`
    the manifest must hash to it; pass both to pin a release exactly. Raises
    PinMismatchError on any mismatch; warns YankedReleaseWarning for a yanked release.
    """
    folder = _root(root)
    if version is None:
        version = json.loads((folder / "latest.json").read_text(encoding="utf-8"))["version"]
        if version is None:
            raise FileNotFoundError(f"{folder / 'latest.json'} names no release")
    version = version.lstrip("vV")
    release = folder / f"v{version}"
    manifest_bytes = (release / "manifest.json").read_bytes()
    actual = _sha256(manifest_bytes)
    if manifest_sha256 is not None and actual != manifest_sha256.strip().lower():
        raise PinMismatchError(
            f"{release / 'manifest.json'}: sha256 {actual} is not the pinned {manifest_sha256.strip()}"
        )
    manifest = json.loads(manifest_bytes)
    if manifest.get("version") != version:
        raise PinMismatchError(f"{release / 'manifest.json'} is for version {manifest.get('version')}")
    entry = manifest["tables"].get(table)
    if entry is None:
        raise KeyError(f"release {version} has no table {table!r}; tables: {', '.join(manifest['tables'])}")
    path = release / entry["path"]
    data = path.read_bytes()
    if len(data) != entry["bytes"] or _sha256(data) != entry["sha256"]:
        raise PinMismatchError(f"{path}: size or sha256 differs from the manifest")
    _warn_if_yanked(folder, version)
    return pq.read_table(pa.BufferReader(data)).to_pandas(types_mapper=_types_mapper)


PINNED_SQL = """\
SELECT t.* FROM read_parquet('{release}/data/{table}.parquet') t,
  (SELECT CASE
     WHEN sha256(m.content) <> '{manifest_sha256}' THEN error('manifest.json is not the pinned release')
     WHEN sha256(d.content) <> json_extract_string(decode(m.content), '$.tables.{table}.sha256')
       THEN error('{table}.parquet differs from its manifest')
     ELSE true END AS pinned
   FROM read_blob('{release}/manifest.json') m, read_blob('{release}/data/{table}.parquet') d) p
WHERE p.pinned"""


def pinned_sql(
    table: str, version: str, manifest_sha256: str, root: str | os.PathLike[str] | None = None
) -> str:
    """One DuckDB statement reading `table` of a pinned release; it raises unless both checksums match."""
    release = (_root(root) / f"v{version.lstrip('vV')}").as_posix().replace("'", "''")
    if not table.isidentifier() or not all(c in "0123456789abcdef" for c in manifest_sha256):
        raise ValueError("table must be a plain name and manifest_sha256 lowercase hex")
    return PINNED_SQL.format(release=release, table=table, manifest_sha256=manifest_sha256)
