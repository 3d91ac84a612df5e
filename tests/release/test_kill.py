"""A publisher killed at any step keeps latest.json and earlier releases; the next publish succeeds."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from release_fixtures import CHANGE, GHANA, KENYA, release, snapshot

from pipeline.release.database import latest_database_info
from pipeline.release.publish import CRASH_ENV, CRASH_POINTS
from pipeline.release.verify import verify

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
PUBLISH = (
    "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
    "from release_fixtures import release; release(Path(sys.argv[2]), sys.argv[3])"
)


def _publish_and_die(root: Path, text: str, point: str) -> subprocess.CompletedProcess:
    env = {**os.environ, CRASH_ENV: point, "PYTHONPATH": str(PROJECT)}
    return subprocess.run(
        [sys.executable, "-c", PUBLISH, str(HERE), str(root), text],
        env=env,
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".staging-") or p.name.endswith(".tmp"))


def _assert_consistent(root: Path, version: str) -> None:
    index = json.loads((root / "index.json").read_text())
    versions = [e["version"] for e in index["releases"]]
    assert versions == sorted(set(versions), key=versions.index)  # each once
    assert [e["status"] for e in index["releases"]][-1] == "current"
    assert sum(e["status"] == "current" for e in index["releases"]) == 1
    latest = json.loads((root / "latest.json").read_text())
    assert latest == {"version": version, "manifest_sha256": index["releases"][-1]["manifest_sha256"]}
    assert pq.read_schema(root / "registry.parquet").metadata[b"version"] == version.encode()
    assert latest_database_info(root / "latest.duckdb") == {
        **latest,
        "path": str((root / f"v{version}").resolve()),
    }
    manifest = json.loads((root / f"v{version}" / "manifest.json").read_text())
    with duckdb.connect(str(root / "latest.duckdb"), read_only=True) as con:  # views over the newest release
        assert (
            con.sql("select count(*) from memberships").fetchone()[0]
            == manifest["tables"]["memberships"]["rows"]
        )
    root_problems, reports = verify(root)
    assert not root_problems and all(r.ok for r in reports), [str(p) for r in reports for p in r.problems]
    assert not _leftovers(root)


@pytest.mark.parametrize("point", CRASH_POINTS)
def test_sigkill_at_each_step_keeps_latest_and_earlier_releases(tmp_path: Path, point: str) -> None:
    release(tmp_path, KENYA + CHANGE)
    latest_before = (tmp_path / "latest.json").read_bytes()
    first_before = snapshot(tmp_path / "v0.1.0")

    killed = _publish_and_die(tmp_path, KENYA + CHANGE + GHANA, point)
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    if point != "latest":  # killed before latest.json was replaced: it is byte for byte what it was
        assert (tmp_path / "latest.json").read_bytes() == latest_before
    assert snapshot(tmp_path / "v0.1.0") == first_before
    assert bool(_leftovers(tmp_path)) == (point in ("staging", "staged"))
    assert (tmp_path / "v0.2.0").exists() == (point not in ("staging", "staged"))

    again = release(tmp_path, KENYA + CHANGE + GHANA)
    assert again.version == "0.2.0"
    # Before the rename nothing was published, so this publishes; after it, the next publish
    # finishes the interrupted one and then finds nothing new to publish.
    assert again.published == (point in ("staging", "staged"))
    assert snapshot(tmp_path / "v0.1.0") == first_before
    _assert_consistent(tmp_path, "0.2.0")


def test_sigkill_during_the_first_publish_leaves_no_latest(tmp_path: Path) -> None:
    killed = _publish_and_die(tmp_path, KENYA, "staged")
    assert killed.returncode == -signal.SIGKILL
    assert not (tmp_path / "latest.json").exists() and not (tmp_path / "v0.1.0").exists()
    assert release(tmp_path, KENYA).version == "0.1.0"
    _assert_consistent(tmp_path, "0.1.0")


def test_a_failing_rename_cleans_its_staging_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release(tmp_path, KENYA)
    root_before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}

    def refuse(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "rename", refuse)
    with pytest.raises(OSError, match="disk full"):
        release(tmp_path, KENYA + GHANA)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == root_before
    assert not _leftovers(tmp_path) and not (tmp_path / "v0.2.0").exists()
    assert release(tmp_path, KENYA + GHANA).version == "0.2.0"
    _assert_consistent(tmp_path, "0.2.0")
