"""The whole pipeline on the seeds: valid tables, exact evidence, identical rebuilds, a queryable release."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from schemas.tables import CONTRACT_TABLES, from_arrow, validate

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _release(root: Path) -> Path:
    version = json.loads((root / "latest.json").read_text())["version"]
    return root / f"v{version}"


def _tables(release: Path) -> dict:
    return {t: from_arrow(pq.read_table(release / "data" / f"{t}.parquet")) for t in CONTRACT_TABLES}


def test_release_layout_and_manifest(seeds_build: Path) -> None:
    release = _release(seeds_build)
    manifest = json.loads((release / "manifest.json").read_text())
    assert manifest["version"] == "0.1.0"
    assert {i["path"] for i in manifest["inputs"]} == {p.name for p in SEEDS.glob("*.txt")}
    for table in CONTRACT_TABLES:
        entry = manifest["tables"][table]
        assert (release / entry["path"]).stat().st_size == entry["bytes"]
    assert all(manifest["invariants"].values())


def test_tables_pass_their_pandera_models(seeds_build: Path) -> None:
    for table, frame in _tables(_release(seeds_build)).items():
        validate(table, frame)
    assert len(_tables(_release(seeds_build))["memberships"]) > 0


def test_every_quote_is_exactly_its_span_of_the_decoded_file(seeds_build: Path) -> None:
    tables = _tables(_release(seeds_build))
    docs = tables["documents"].set_index("doc_id")
    for source_path, text in zip(docs["source_path"], docs["text"], strict=True):
        assert text == (SEEDS / source_path).read_bytes().decode("utf-8")
    for row in tables["evidence"].itertuples():
        assert docs.loc[row.doc_id, "text"][row.char_start : row.char_end] == row.quote


def test_every_fact_has_evidence(seeds_build: Path) -> None:
    tables = _tables(_release(seeds_build))
    backed = set(zip(tables["evidence"]["fact_table"], tables["evidence"]["fact_id"], strict=True))
    for table, column in (
        ("memberships", "membership_id"),
        ("agreements", "agreement_id"),
        ("missions", "mission_id"),
    ):
        assert {(table, i) for i in tables[table][column]} <= backed


def test_second_build_of_same_inputs_makes_no_release_and_identical_tables(
    seeds_build: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.environ["DAGSTER_HOME"] = str(tmp_path / "home")
    assert main(["build", "--seeds", str(SEEDS), "--output", str(tmp_path / "other")]) == 0
    first = _release(seeds_build)
    second = _release(tmp_path / "other" / "releases")
    for table in CONTRACT_TABLES:
        a = pq.read_table(first / "data" / f"{table}.parquet")
        b = pq.read_table(second / "data" / f"{table}.parquet")
        assert a.equals(b), table
        assert (first / "data" / f"{table}.parquet").read_bytes() == (
            second / "data" / f"{table}.parquet"
        ).read_bytes()
    capsys.readouterr()
    assert main(["build", "--seeds", str(SEEDS), "--output", str(tmp_path / "other")]) == 0
    assert "nothing changed" in capsys.readouterr().out


def test_release_database_answers_read_only_from_another_directory(seeds_build: Path, tmp_path: Path) -> None:
    database = _release(seeds_build) / "release.duckdb"
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with duckdb.connect(str(database), read_only=True) as con:
            rows = con.execute(
                "select organization, count(*) from memberships group by 1 order by 1"
            ).fetchall()
    finally:
        os.chdir(cwd)
    counts = dict(rows)
    assert counts.get("ILRS", 0) >= 10


def test_release_files_are_read_only(seeds_build: Path) -> None:
    release = _release(seeds_build)
    for path in release.rglob("*"):
        assert not path.stat().st_mode & 0o222, path
