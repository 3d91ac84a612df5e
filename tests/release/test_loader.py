"""A downstream project pins (version, manifest sha256) and reads through DuckDB and the Python loader."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from release_fixtures import CHANGE, GHANA, KENYA, flip_byte, release

from pipeline.release import PinMismatchError, load, pin
from pipeline.release.catalog import yank
from pipeline.release.loader import YankedReleaseWarning, pinned_sql

DOCS = Path(__file__).resolve().parents[2] / "docs" / "releases.md"
DOC_ROOT = "output/releases"
DOC_SHA = re.search(r'"manifest_sha256": "([0-9a-f]{64})"', DOCS.read_text()).group(1)


def _doc_block(heading: str, language: str) -> str:
    section = DOCS.read_text().split(heading, 1)[1]
    return section.split(f"```{language}\n", 1)[1].split("```", 1)[0]


def _from_docs(block: str, root: Path, version: str, manifest_sha256: str) -> str:
    """The documented snippet, pointed at this test's release root and pin."""
    return (
        block.replace(DOC_ROOT, str(root))
        .replace("v0.2.0", f"v{version}")
        .replace("0.2.0", version)
        .replace(DOC_SHA, manifest_sha256)
    )


@pytest.fixture()
def pinned(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    release(tmp_path, KENYA + CHANGE)
    release(tmp_path, KENYA + CHANGE + GHANA)
    return tmp_path, pin(tmp_path, "0.1.0")  # pin the older release on purpose


def test_downstream_reads_the_pinned_release_through_python_and_duckdb(pinned: tuple[Path, dict]) -> None:
    root, pin_ = pinned
    assert pin_["version"] == "0.1.0" and len(pin_["manifest_sha256"]) == 64

    namespace: dict = {}
    exec(_from_docs(_doc_block("### Python", "python"), root, **pin_), namespace)  # the documented one-liner
    memberships = namespace["memberships"]
    assert memberships["member"].tolist() == ["Kenya"]  # 0.1.0, not latest (which has Ghana too)
    assert str(memberships["joined_year"].dtype) == "Int64"

    sql = _from_docs(_doc_block("### DuckDB", "sql"), root, **pin_)
    rows = duckdb.sql(sql).fetchall()
    assert [r[1] for r in rows] == ["Kenya"]
    assert duckdb.sql(pinned_sql("memberships", root=root, **pin_)).fetchall() == rows

    missions = load("missions", root=root, **pin_)
    assert list(missions["partners"].tolist()[0]) == ["France"]
    via_duckdb = duckdb.sql(pinned_sql("missions", root=root, **pin_)).fetchall()
    assert via_duckdb[0][missions.columns.get_loc("partners")] == ["France"]


def test_a_wrong_pin_or_an_altered_file_is_refused_by_both(pinned: tuple[Path, dict]) -> None:
    root, pin_ = pinned
    wrong = {**pin_, "manifest_sha256": pin(root)["manifest_sha256"]}  # latest's sha with 0.1.0
    with pytest.raises(PinMismatchError, match="not the pinned"):
        load("memberships", root=root, **wrong)
    with pytest.raises(duckdb.Error, match="not the pinned release"):
        duckdb.sql(pinned_sql("memberships", root=root, **wrong)).fetchall()

    flip_byte(root / "v0.1.0" / "data" / "memberships.parquet")
    with pytest.raises(PinMismatchError, match=r"memberships\.parquet"):
        load("memberships", root=root, **pin_)
    with pytest.raises(duckdb.Error):
        duckdb.sql(pinned_sql("memberships", root=root, **pin_)).fetchall()
    assert load("documents", root=root, **pin_)["doc_id"].tolist() == ["d1"]  # other files still load


def test_unpinned_load_reads_latest_and_yanked_releases_warn(pinned: tuple[Path, dict]) -> None:
    root, _ = pinned
    assert sorted(load("memberships", root=root)["member"]) == ["Ghana", "Kenya"]
    yank(root, "0.2.0", "test")
    assert load("memberships", root=root)["member"].tolist() == ["Kenya"]  # latest moved back
    with pytest.warns(YankedReleaseWarning, match="test"):
        load("memberships", version="0.2.0", root=root)
    with pytest.raises(KeyError, match="no table"):
        load("launches", root=root)
