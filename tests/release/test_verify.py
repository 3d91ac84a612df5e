"""`spacecoop verify`: passes on every release; one changed byte anywhere fails it and names the file."""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from release_fixtures import CHANGE, GHANA, KENYA, flip_byte, release

from pipeline.cli import main
from pipeline.release.hashing import content_hash
from pipeline.release.verify import verify_release

RELEASE_FILES = [
    "CHANGELOG.md",
    "SHA256SUMS",
    "data/agreements.parquet",
    "data/conflicts.parquet",
    "data/documents.parquet",
    "data/evidence.parquet",
    "data/memberships.parquet",
    "data/missions.parquet",
    "datapackage.json",
    "diff/changes.parquet",
    "diff/schema_changes.json",
    "fact_ids.json",
    "manifest.json",
    "rejections.parquet",
    "release.duckdb",
    "report.html",
]


@pytest.fixture()
def two_releases(tmp_path: Path) -> Path:
    release(tmp_path, KENYA + CHANGE)
    release(tmp_path, KENYA + CHANGE + GHANA)
    return tmp_path


def _verify(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["verify", *extra, "--root", str(root)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_every_release_has_the_documented_files_and_verifies(
    two_releases: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for version in ("v0.1.0", "v0.2.0"):
        files = sorted(
            p.relative_to(two_releases / version).as_posix() for p in (two_releases / version).rglob("*")
        )
        assert [f for f in files if "." in f.rsplit("/", 1)[-1] or f == "SHA256SUMS"] == RELEASE_FILES
    code, out = _verify(two_releases, capsys)
    assert code == 0, out
    assert "v0.1.0  ok" in out and "v0.2.0  ok" in out and "verified 2 release(s)" in out


@pytest.mark.parametrize("name", RELEASE_FILES)
def test_one_flipped_byte_fails_and_names_the_file(
    two_releases: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    flip_byte(two_releases / "v0.1.0" / name)
    code, out = _verify(two_releases, capsys)
    assert code == 1
    named = {line.split(": ", 1)[0].strip() for line in out.splitlines() if line.startswith("  v0.1.0/")}
    assert named == {f"v0.1.0/{name}"}, out
    assert "v0.2.0  ok" in out  # the other release is untouched and still passes


@pytest.mark.parametrize("offset", [0, 64, -2])
def test_flips_in_checksum_lists_blame_the_list(two_releases: Path, offset: int) -> None:
    sums = two_releases / "v0.2.0" / "SHA256SUMS"
    flip_byte(sums, offset % sums.stat().st_size)
    report = verify_release(two_releases, "0.2.0")
    assert {p.path for p in report.problems} == {"v0.2.0/SHA256SUMS"}


def test_a_manifest_that_differs_from_the_index_is_named(two_releases: Path) -> None:
    flip_byte(two_releases / "v0.2.0" / "manifest.json", 20)
    report = verify_release(two_releases, "v0.2.0")
    assert [p.path for p in report.problems] == ["v0.2.0/manifest.json"]
    assert "differs from the recorded" in report.problems[0].message


def test_extra_and_missing_files_are_named(two_releases: Path) -> None:
    folder = two_releases / "v0.1.0"
    folder.chmod(folder.stat().st_mode | stat.S_IWUSR)
    (folder / "notes.txt").write_text("added later\n")
    (folder / "CHANGELOG.md").unlink()
    problems = {(p.path, p.message) for p in verify_release(two_releases, "0.1.0").problems}
    assert ("v0.1.0/notes.txt", "is not part of the release (not listed in SHA256SUMS)") in problems
    assert ("v0.1.0/CHANGELOG.md", "is missing") in problems


def _writable(path: Path) -> Path:
    path.chmod(path.stat().st_mode | stat.S_IWUSR)
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_evidence_invariant_is_recomputed_even_when_every_checksum_agrees(
    two_releases: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Forge a release consistently (checksums, content hash, index) but with a wrong quote."""
    folder = two_releases / "v0.2.0"
    for path in [folder, *folder.rglob("*")]:
        _writable(path)
    evidence_path = folder / "data" / "evidence.parquet"
    evidence = pq.read_table(evidence_path)
    quotes = evidence["quote"].to_pylist()
    quotes[0] = "X" + quotes[0][1:]
    forged = evidence.set_column(evidence.schema.get_field_index("quote"), "quote", pa.array(quotes))
    new_hash = content_hash(forged, ["evidence_id"])
    metadata = {**forged.schema.metadata, b"content_hash": new_hash.encode()}
    pq.write_table(forged.replace_schema_metadata(metadata), evidence_path)
    manifest = json.loads((folder / "manifest.json").read_text())
    entry = manifest["tables"]["evidence"]
    entry.update(sha256=_sha(evidence_path), bytes=evidence_path.stat().st_size, content_hash=new_hash)
    package = json.loads((folder / "datapackage.json").read_text())
    next(r for r in package["resources"] if r["name"] == "evidence")["hash"] = f"sha256:{entry['sha256']}"
    (folder / "datapackage.json").write_text(json.dumps(package))
    manifest["files"]["datapackage.json"]["sha256"] = _sha(folder / "datapackage.json")
    (folder / "manifest.json").write_text(json.dumps(manifest))
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    sums = "".join(f"{_sha(folder / f)}  {f}\n" for f in files if f != "SHA256SUMS")
    (folder / "SHA256SUMS").write_text(sums)
    manifest_sha = _sha(folder / "manifest.json")
    index = json.loads((two_releases / "index.json").read_text())
    index["releases"][-1]["manifest_sha256"] = manifest_sha
    (two_releases / "index.json").write_text(json.dumps(index))
    (two_releases / "latest.json").write_text(
        json.dumps({"version": "0.2.0", "manifest_sha256": manifest_sha})
    )

    code, out = _verify(two_releases, capsys, "0.2.0")
    assert code == 1
    assert "v0.2.0/data/evidence.parquet: evidence invariant broken" in out
    assert "quote is not d1[" in out


def test_unknown_version_and_missing_root_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    release(tmp_path, KENYA)
    code, out = _verify(tmp_path, capsys, "0.9.0")
    assert code == 1 and "v0.9.0: release folder is missing" in out
    code, out = _verify(tmp_path / "nowhere", capsys)
    assert code == 2 and "does not exist" in out
