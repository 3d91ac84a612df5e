"""`spacecoop build` reuses per-document extraction: one changed document, one extraction."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.cli import main


def test_second_build_re_extracts_only_the_changed_document(
    tiny_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    output = tmp_path / "output"
    build = ["build", "--seeds", str(tiny_corpus), "--output", str(output)]
    assert main(build) == 0
    assert "(2 extracted, 0 reused from cache)" in capsys.readouterr().out

    path = tiny_corpus / "003_462b628faf4474e7.txt"
    path.write_bytes(
        path.read_bytes() + b"\nKenya joined the International Lunar Research Station in 2025.\n"
    )
    assert main(build) == 0
    out = capsys.readouterr().out
    assert "read 2 documents" in out
    assert "(1 extracted, 1 reused from cache)" in out
    assert "extracted: 003_462b628faf4474e7" in out
    assert "published v0.2.0" in out or "published v1.0.0" in out
    assert os.environ["DAGSTER_HOME"] == str(tmp_path / "home")
