"""Shared fixtures: one seeds build per test session (building is the slow part)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the seeds once through Dagster (the real `spacecoop build`) into a temporary folder."""
    from pipeline.cli import main

    out = tmp_path_factory.mktemp("build")
    os.environ["DAGSTER_HOME"] = str(tmp_path_factory.mktemp("dagster_home"))
    assert main(["build", "--seeds", str(SEEDS), "--output", str(out)]) == 0
    return out / "releases"


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the seeds."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target
