"""`spacecoop releases` and `spacecoop yank`: yanking is a status in the index, never a deletion."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from release_fixtures import EGYPT, GHANA, KENYA, release, snapshot

from pipeline.cli import main
from pipeline.release.database import latest_database_info


def _index(root: Path) -> list[dict]:
    return json.loads((root / "index.json").read_text())["releases"]


def test_releases_lists_every_release_and_marks_latest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release(tmp_path, KENYA)
    second = release(tmp_path, KENYA + GHANA)
    assert main(["releases", "--root", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split()[:3] == ["0.1.0", "2025-01-01T00:00:00+00:00", "superseded"]
    manifest_sha = json.loads((tmp_path / "latest.json").read_text())["manifest_sha256"]
    assert lines[2].split() == ["0.2.0", "2025-01-01T00:00:00+00:00", "current", "0.1.0", manifest_sha, "*"]
    assert second.path.name == "v0.2.0"


def test_yanking_the_current_release_moves_latest_back_and_keeps_the_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release(tmp_path, KENYA)
    release(tmp_path, KENYA + GHANA)
    files = snapshot(tmp_path / "v0.2.0")
    assert main(["yank", "0.2.0", "--reason", "Ghana misread", "--root", str(tmp_path)]) == 0
    assert "latest is now 0.1.0" in capsys.readouterr().out
    assert snapshot(tmp_path / "v0.2.0") == files
    assert [(e["version"], e["status"]) for e in _index(tmp_path)] == [
        ("0.1.0", "current"),
        ("0.2.0", "yanked"),
    ]
    assert _index(tmp_path)[1]["yanked_reason"] == "Ghana misread"
    latest = json.loads((tmp_path / "latest.json").read_text())
    info = latest_database_info(tmp_path / "latest.duckdb")
    assert latest["version"] == "0.1.0" and info["version"] == "0.1.0" and info["path"].endswith("v0.1.0")
    registry = pq.read_table(tmp_path / "registry.parquet").to_pylist()
    assert sorted(r["status"] for r in registry if r["table"] == "memberships") == ["active", "yanked"]
    assert main(["verify", "--root", str(tmp_path)]) == 0  # a yanked release still verifies
    assert "(yanked)" in capsys.readouterr().out

    assert main(["yank", "0.2.0", "--reason", "again", "--root", str(tmp_path)]) == 1
    assert "already yanked" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["yank", "0.1.0", "--root", str(tmp_path)])  # a reason is required

    # The next release follows the newest release left, and never reuses the yanked number.
    after = release(tmp_path, KENYA + GHANA + EGYPT)
    manifest = json.loads((after.path / "manifest.json").read_text())
    assert (after.version, manifest["previous_version"]) == ("0.2.1", "0.1.0")
    assert main(["releases", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "(yanked 20" in out and "Ghana misread" in out


def test_yanking_an_older_release_leaves_latest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    release(tmp_path, KENYA)
    release(tmp_path, KENYA + GHANA)
    latest = (tmp_path / "latest.json").read_bytes()
    assert main(["yank", "v0.1.0", "--reason", "superseded by a fix", "--root", str(tmp_path)]) == 0
    assert "latest is unchanged" in capsys.readouterr().out
    assert (tmp_path / "latest.json").read_bytes() == latest
    assert main(["yank", "0.9.0", "--reason", "x", "--root", str(tmp_path)]) == 1
    assert "no release 0.9.0" in capsys.readouterr().err


def test_yanking_every_release_empties_latest(tmp_path: Path) -> None:
    release(tmp_path, KENYA)
    assert main(["yank", "0.1.0", "--reason", "bad", "--root", str(tmp_path)]) == 0
    assert json.loads((tmp_path / "latest.json").read_text()) == {"version": None, "manifest_sha256": None}
    assert not (tmp_path / "latest.duckdb").exists()
    assert (tmp_path / "v0.1.0" / "manifest.json").exists()
    assert release(tmp_path, KENYA).version == "0.1.1"  # a new first release; 0.1.0 stays yanked
