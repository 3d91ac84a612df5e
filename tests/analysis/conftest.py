"""Fixtures for the analysis tests: the seeds release (built once per session) and a small hand-built one."""

from __future__ import annotations

from pathlib import Path

import pytest
from analysis_helpers import publish_small

from pipeline.release.layout import read_latest, release_dir


@pytest.fixture(scope="session")
def seeds_release(seeds_build: Path) -> Path:
    """The newest release folder of the seeds build."""
    return release_dir(seeds_build, read_latest(seeds_build)["version"])


@pytest.fixture(scope="session")
def small_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A release root holding one small release (two documents, overlapping spans, one conflict)."""
    root = tmp_path_factory.mktemp("small") / "releases"
    publish_small(root)
    return root


@pytest.fixture(scope="session")
def small_release(small_root: Path) -> Path:
    return release_dir(small_root, read_latest(small_root)["version"])
