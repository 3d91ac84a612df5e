"""Fixtures for the Dagster shell: a tiny corpus, settings pointing at temporary folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.defs.resources import PipelineSettings

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# The two smallest seeds: enough to show per-document behaviour, quick to extract.
TINY = ("003_462b628faf4474e7.txt", "002_d0e6a732fe21cc11.txt")


@pytest.fixture()
def tiny_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in TINY:
        shutil.copyfile(SEEDS / name, corpus / name)
    return corpus


@pytest.fixture()
def settings(tiny_corpus: Path, tmp_path: Path) -> PipelineSettings:
    return PipelineSettings(corpus_dir=str(tiny_corpus), output_dir=str(tmp_path / "output"))
