"""`spacecoop explain FACT_ID`: the fact, each quote in its context from documents.text, the documents."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from analysis_helpers import D1, squash

from pipeline.analysis.explain import CLOSE, OPEN, context_window, explain
from pipeline.analysis.query import connect, locate_release
from pipeline.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _ids(root: Path, sql: str) -> list[str]:
    with connect(locate_release(root)) as con:
        return [r[0] for r in con.execute(sql).fetchall()]


def test_context_window_cuts_at_words_and_blank_lines() -> None:
    start = D1.index("Kenya")
    end = D1.index("2024.", start) + 5
    before, after = context_window(D1, start, end, width=60)
    assert D1[:start].endswith(before.removeprefix("…"))
    assert before.startswith("…") and before[1] != " "  # cut inside the paragraph, at a word
    assert after == ""  # the blank line ends the paragraph
    before, after = context_window(D1, 0, 8, width=200)
    assert before == "" and D1[8:].startswith(after.removesuffix("…"))
    peru = D1.index("Peru")
    before, _ = context_window(D1, peru, peru + 4, width=400)
    assert before == ""  # nothing from the paragraph above


def test_explains_every_seed_fact_with_exact_quotes_in_context(
    seeds_release: Path, seeds_build: Path
) -> None:
    with duckdb.connect(str(seeds_release / "release.duckdb"), read_only=True) as con:
        texts = dict(con.execute("select doc_id, text from documents").fetchall())
        facts = con.execute(
            "select membership_id from memberships union all select agreement_id from agreements "
            "union all select mission_id from missions"
        ).fetchall()
        evidence_count = con.execute("select count(*) from evidence").fetchone()[0]
    seen = 0
    with connect(locate_release(seeds_build)) as con:
        for (fact_id,) in facts:
            ex = explain(con, fact_id)
            assert ex.fact_id == fact_id and ex.evidence, fact_id
            for view in ex.evidence:
                text = texts[view.doc_id]
                assert text[view.char_start : view.char_end] == view.quote
                assert text[: view.char_start].endswith(view.before.removeprefix("…"))
                assert text[view.char_end :].startswith(view.after.removesuffix("…"))
                assert f"{OPEN}{squash(view.quote)}{CLOSE}" in view.marked()
                seen += 1
            assert {d["doc_id"] for d in ex.documents} == {v.doc_id for v in ex.evidence}
    assert seen == evidence_count


def test_cli_shows_fact_quotes_conflicts_and_documents(small_root: Path, capsys) -> None:
    (kenya,) = _ids(small_root, "select membership_id from memberships where member = 'Kenya'")
    code, out, err = run(capsys, "explain", kenya[:8], "--root", str(small_root), "--color", "never")
    assert code == 0, err
    assert out.startswith(f"memberships {kenya}: Kenya — ILRS (member)")
    assert "evidence: 2 spans in 2 documents" in out
    assert "[[Kenya joined the ILRS in 2024.]]" in squash(out)  # (wrapped to the terminal's width)
    assert "[[Kenya joined in 2023.]]" in squash(out)
    assert "chosen joined = 2023" in out and "joined = 2024" in out
    assert "d1.txt" in out and "d2.txt" in out
    code, out, _ = run(capsys, "explain", kenya, "--root", str(small_root), "--color", "always")
    assert "\x1b[1;7mKenya" in out


def test_evidence_id_explains_its_fact(small_root: Path, capsys) -> None:
    (evidence_id,) = _ids(
        small_root, "select evidence_id from evidence where fact_table = 'agreements' and doc_id = 'd1'"
    )
    code, out, _ = run(capsys, "explain", evidence_id, "--root", str(small_root), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["table"] == "agreements" and data["focus"] == evidence_id
    (view,) = data["evidence"]
    assert view["quote"] == "the Artemis Accords in December 2024. Kenya"
    assert D1[: view["char_start"]].endswith(view["before"])


def test_unknown_and_ambiguous_ids_say_how_to_find_one(small_root: Path, capsys) -> None:
    code, out, err = run(capsys, "explain", "mem_ffffffffffffffff", "--root", str(small_root))
    assert code == 1 and out == ""
    assert "no fact with id" in err and "spacecoop query" in err
    code, _, err = run(capsys, "explain", "mem_", "--root", str(small_root))
    assert code == 1 and "matches 4 facts" in err
    code, _, err = run(capsys, "explain", "mem_1", "--root", str(small_root / "missing"))
    assert code == 2 and "spacecoop build" in err
