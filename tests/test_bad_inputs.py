"""`spacecoop build` over the seeds plus one file of each bad kind: every bad file is listed with its reason,
the good documents give exactly the facts the seeds alone give, and a failing table publishes nothing."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import pipeline.defs.assets as assets
from pipeline.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LIMIT = 100_000
DUPLICATE_OF = "000_3ca7a22999d00677.txt"

# name -> (bytes, words the reason must contain); symlinks are added separately
BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty file"),
    "whitespace only.md": (b"  \r\n\t \n", "only whitespace"),
    "nul bytes.txt": (b"Pakistan joined the ILRS in 2023.\x00\x00\x01\x02", "NUL bytes"),
    "scan.txt": (b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n1 0 obj", "PDF"),
    "photo.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "unsupported file type ('.png')"),
    "report.pdf": (b"%PDF-1.4\n", "unsupported file type ('.pdf')"),
    "letter.docx": (b"PK\x03\x04\x14\x00\x06\x00", "unsupported file type ('.docx')"),
    "members.csv": (b"country,joined\nPakistan,2023,extra\nEgypt\n", "unsupported file type ('.csv')"),
    "huge.txt": (b"Pakistan joined the ILRS in 2023.\n" * (LIMIT // 30), "too large"),
    "Kopie – naïve 000.txt": ((SEEDS / DUPLICATE_OF).read_bytes(), f"duplicate of {DUPLICATE_OF}"),
}
LINKS = {"escape.txt": "outside the corpus folder", "alias.txt": "symbolic link"}
COMPARED = ("memberships", "agreements", "missions", "evidence", "conflicts", "documents")


def _release(root: Path) -> Path:
    return root / f"v{json.loads((root / 'latest.json').read_text())['version']}"


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    base = tmp_path_factory.mktemp("bad_inputs")
    corpus = base / "corpus"
    shutil.copytree(SEEDS, corpus)
    for name, (data, _) in BAD_FILES.items():
        (corpus / name).write_bytes(data)
    (base / "outside.txt").write_text("Egypt joined the ILRS in 2024.", encoding="utf-8")
    (corpus / "escape.txt").symlink_to(base / "outside.txt")
    (corpus / "alias.txt").symlink_to(corpus / "001_fd0d75f5af020f7a.txt")
    os.environ["DAGSTER_HOME"] = str(base / "home")
    argv = [
        "build",
        "--seeds",
        str(corpus),
        "--output",
        str(base / "out"),
        "--max-document-bytes",
        str(LIMIT),
    ]
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        assert main(argv) == 0
    return base / "out" / "releases", stdout.getvalue()


def test_every_bad_file_is_listed_with_its_reason(bad_build: tuple[Path, str]) -> None:
    root, output = bad_build
    rejections = pq.read_table(_release(root) / "rejections.parquet").to_pandas().set_index("source_path")
    expected = {**{n: r for n, (_, r) in BAD_FILES.items()}, **LINKS}
    assert sorted(rejections.index) == sorted(expected)
    for name, words in expected.items():
        reason = rejections.loc[name, "reason"]
        assert words in reason, (name, reason)
        assert f"rejected: {name}: {reason}" in output
    for name, (data, _) in BAD_FILES.items():
        assert rejections.loc[name, "sha256"] == hashlib.sha256(data).hexdigest(), name
    assert rejections.loc[list(LINKS), "sha256"].isna().all()  # links are never followed
    manifest = json.loads((_release(root) / "manifest.json").read_text())
    assert manifest["rejections"]["rows"] == len(expected)
    assert "rejections.parquet" in manifest["files"]


def test_every_input_file_is_in_exactly_one_place(bad_build: tuple[Path, str]) -> None:
    root, _ = bad_build
    release = _release(root)
    documents = set(pq.read_table(release / "data" / "documents.parquet")["source_path"].to_pylist())
    rejected = set(pq.read_table(release / "rejections.parquet")["source_path"].to_pylist())
    inputs = {p.name for p in SEEDS.iterdir()} | set(BAD_FILES) | set(LINKS)
    assert not documents & rejected
    assert documents | rejected == inputs
    assert pq.read_table(release / "data" / "documents.parquet")["encoding"].to_pylist() == ["utf-8"] * 5


def test_good_documents_give_exactly_the_facts_of_the_seeds_alone(
    bad_build: tuple[Path, str], seeds_build: Path
) -> None:
    root, _ = bad_build
    for table in COMPARED:
        clean = pq.read_table(_release(seeds_build) / "data" / f"{table}.parquet")
        mixed = pq.read_table(_release(root) / "data" / f"{table}.parquet")
        assert clean.num_rows == mixed.num_rows and clean.equals(mixed), table
    assert pq.read_table(_release(seeds_build) / "rejections.parquet").num_rows == 0


def _corrupt_memberships(real):
    def build_tables(documents, claims):
        tables = real(documents, claims)
        frame = tables["memberships"].copy()
        frame.loc[frame.index[0], "member_type"] = "planet"
        frame.loc[frame.index[1], "joined"] = "sometime in 2021"
        tables["memberships"] = frame
        return tables

    return build_tables


def test_a_table_failing_its_checks_publishes_nothing_and_says_why(
    seeds_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    shutil.copytree(seeds_build, out / "releases")  # a previous release that must stay current
    latest_before = (out / "releases" / "latest.json").read_bytes()
    releases_before = sorted(p.name for p in (out / "releases").iterdir())
    monkeypatch.setattr(assets, "build_tables", _corrupt_memberships(assets.build_tables))
    os.environ["DAGSTER_HOME"] = str(tmp_path / "home")
    capsys.readouterr()
    assert main(["build", "--seeds", str(SEEDS), "--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert "no release was published" in err
    assert "memberships_matches_contract" in err
    assert "table 'memberships' failed validation" in err
    assert "column 'member_type' failed check \"isin(" in err and "'planet'" in err
    assert "column 'joined' failed check \"str_matches(" in err and "'sometime in 2021'" in err
    assert "row 0:" in err
    assert (out / "releases" / "latest.json").read_bytes() == latest_before
    assert sorted(p.name for p in (out / "releases").iterdir()) == releases_before


def test_the_rejections_model_refuses_nonsense() -> None:
    from pandera.errors import SchemaErrors

    from schemas.tables import validate

    with pytest.raises(SchemaErrors):
        validate(
            "rejections", pd.DataFrame([{"source_path": "a", "sha256": "xyz", "bytes": -1, "reason": ""}])
        )
