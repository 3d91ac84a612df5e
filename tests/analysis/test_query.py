"""`spacecoop query`: runs read-only against a release, prints rows, fails with DuckDB's message."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
from pathlib import Path

import pytest
from analysis_helpers import PROJECT

from pipeline.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_prints_a_readable_table_of_the_newest_release(seeds_build: Path, capsys) -> None:
    sql = "select organization, count(*) as members from memberships group by 1 order by 2 desc, 1"
    code, out, err = run(capsys, "query", sql, "--root", str(seeds_build))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split("│")[0].strip() == "organization" and "members" in lines[0]
    assert set(lines[1]) <= {"─", "┼"}
    assert "ILRS" in out and re.search(r"^\(\d+ rows?\)$", lines[-1])
    assert "release v" in err  # which release answered


def test_bad_query_exits_non_zero_with_duckdbs_message(seeds_build: Path, capsys) -> None:
    code, out, err = run(capsys, "query", "selec 1", "--root", str(seeds_build))
    assert code == 1 and out == ""
    assert "Parser Error" in err and "selec" in err
    code, _, err = run(capsys, "query", "select nope from memberships", "--root", str(seeds_build))
    assert code == 1 and "Binder Error" in err and "dictionary" in err
    code, _, err = run(capsys, "query", "select * from member", "--root", str(seeds_build))
    assert code == 1 and "Catalog Error" in err and "memberships" in err


def test_is_read_only(seeds_build: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "query", "create table x as select 1", "--root", str(seeds_build))
    assert code == 1 and "read-only" in err
    code, _, err = run(capsys, "query", "delete from memberships", "--root", str(seeds_build))
    assert code == 1
    target = tmp_path / "out.csv"
    code, _, err = run(capsys, "query", f"copy memberships to '{target}'", "--root", str(seeds_build))
    assert code == 1 and not target.exists()
    code, out, _ = run(capsys, "query", "select count(*) from memberships", "--root", str(seeds_build))
    assert code == 0 and "(1 row)" in out


def test_no_release_says_to_build_first(tmp_path: Path, capsys) -> None:
    code, out, err = run(capsys, "query", "select 1", "--root", str(tmp_path / "nothing"))
    assert code == 2 and out == ""
    assert "run `spacecoop build`" in err


def test_unknown_version_names_the_releases_there(seeds_build: Path, capsys) -> None:
    code, _, err = run(capsys, "query", "select 1", "--version", "9.9.9", "--root", str(seeds_build))
    assert code == 2 and "v9.9.9" in err and "v0." in err
    code, _, err = run(capsys, "query", "select 1", "--version", "nine", "--root", str(seeds_build))
    assert code == 2 and "X.Y.Z" in err


def test_version_and_output_folder_select_a_release(seeds_build: Path, capsys) -> None:
    latest = json.loads((seeds_build / "latest.json").read_text())["version"]
    # the output folder (holding releases/) is accepted as --root too
    code, out, _ = run(
        capsys, "query", "select 1 as one", "--version", latest, "--root", str(seeds_build.parent), "-q"
    )
    assert code == 0 and "one" in out


def test_csv_and_json_formats(seeds_build: Path, capsys) -> None:
    sql = "select member, organization, joined_year from memberships order by membership_id"
    code, out, _ = run(capsys, "query", sql, "--format", "json", "--root", str(seeds_build))
    assert code == 0
    records = json.loads(out)
    code, out, _ = run(capsys, "query", sql, "--format", "csv", "--root", str(seeds_build))
    rows = list(csv.DictReader(io.StringIO(out)))
    code, out, _ = run(
        capsys,
        "query",
        "select count(*) as n from memberships",
        "--format",
        "json",
        "--root",
        str(seeds_build),
    )
    assert len(records) == len(rows) == json.loads(out)[0]["n"] > 0
    assert [r["member"] for r in records] == [r["member"] for r in rows]
    assert all(isinstance(r["joined_year"], int | None) for r in records)
    code, out, _ = run(
        capsys,
        "query",
        "select parties from agreements limit 1",
        "--format",
        "csv",
        "--root",
        str(seeds_build),
    )
    assert isinstance(json.loads(next(csv.DictReader(io.StringIO(out)))["parties"]), list)


def test_sql_from_a_file_and_stdin(seeds_build: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    script = tmp_path / "q.sql"
    script.write_text("select 41 as a;\nselect 42 as answer;\n")
    code, out, _ = run(capsys, "query", "--file", str(script), "--root", str(seeds_build), "-q")
    assert code == 0 and "answer" in out and "42" in out and "41" not in out
    monkeypatch.setattr("sys.stdin", io.StringIO("select 7 as seven"))
    code, out, _ = run(capsys, "query", "-", "--root", str(seeds_build), "-q")
    assert code == 0 and "seven" in out
    code, _, err = run(capsys, "query", "--root", str(seeds_build))
    assert code == 2 and "no query given" in err


def _readme_command() -> list[str]:
    """The README's one-command answer to 'which countries are in both the ILRS and the Artemis Accords'."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:bash|sh|console)?\n(.*?)```", readme, flags=re.S)
    for block in blocks:
        if "spacecoop query" in block and "Artemis Accords" in block and "ILRS" in block:
            command = block[block.index("spacecoop query") :]
            args = shlex.split(command, comments=True)
            return args[1 : args.index("spacecoop", 1) if "spacecoop" in args[1:] else len(args)]
    raise AssertionError("README has no `spacecoop query` answer to the ILRS ∩ Artemis Accords question")


def test_readme_answers_ilrs_and_artemis_in_one_command(seeds_build: Path, small_root: Path, capsys) -> None:
    args = _readme_command()
    code, out, err = run(capsys, *args, "--root", str(seeds_build))
    assert code == 0, err
    assert "member" in out.splitlines()[0]
    # the seeds name no country in both, but a release that does answers with its sources and quotes
    code, out, err = run(capsys, *args, "--root", str(small_root), "--format", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert {r["member"] for r in rows} == {"Thailand"}
    assert {(r["organization"], r["doc_id"]) for r in rows} == {
        ("Artemis Accords", "d1"),
        ("ILRS", "d1"),
        ("ILRS", "d2"),
    }
    assert all(r["quote"] for r in rows)
