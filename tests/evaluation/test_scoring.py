"""`spacecoop evaluate`: gold loading, name keys, matching, metrics, evidence, report, CLI."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.evaluation.cli import add_parser
from pipeline.evaluation.gold import GoldFormatError, load_gold
from pipeline.evaluation.names import NameKeys
from pipeline.evaluation.report import format_json, format_text
from pipeline.evaluation.run import document_texts, evaluate_corpus, evaluate_tables
from pipeline.evaluation.scoring import AgreementMatcher, check_evidence, score

PROJECT = Path(__file__).resolve().parents[2]
SHARED = Path("/work/shared")


@pytest.fixture(scope="module")
def names() -> NameKeys:
    return NameKeys()


def write_gold(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


GOLD_A = """\
doc: a.txt
memberships:
  - {member: Egypt, organization: ILRS, role: member, joined: 2023}
  - {member: Pakistan, organization: ILRS, role: founder}
agreements:
  - title: "Memorandum on lunar samples"
    agreement_type: memorandum
    parties: [China, France]
    signed: "2024"
missions:
  - {name: "Chang'e 6", target: Moon, launch_date: "2024-05", partners: [France, Pakistan]}
optional:
  memberships:
    - {member: Thailand, organization: APSCO}
  agreements:
    - {title: "Outer Space Treaty", agreement_type: treaty, parties: [], signed: "1967"}
negatives:
  - {table: memberships, member: Indonesia, organization: ILRS}
  - {table: agreements, title: "Memorandum", agreement_type: memorandum, parties: [CNSA, Malaysia]}
"""

GOLD_B = """\
doc: b.txt
memberships:
  - {member: Egypt, organization: International Lunar Research Station, joined: "2023-12"}
missions:
  - name: "Chang’e-6"
    launch_date: 2024-05-03
    launch_site: Wenchang Satellite Launch Center
    partners: [European Space Agency]
"""


@pytest.fixture()
def gold_dir(tmp_path: Path) -> Path:
    return write_gold(tmp_path / "gold", {"a.yaml": GOLD_A, "b.yaml": GOLD_B})


# --- gold -------------------------------------------------------------------------------------


def test_load_gold_reads_every_section(gold_dir: Path) -> None:
    gold = load_gold(gold_dir)
    assert gold.docs == ["a.txt", "b.txt"]
    assert gold.counts()["memberships"] == {"required": 3, "optional": 1, "negatives": 1}
    assert gold.counts()["agreements"] == {"required": 1, "optional": 1, "negatives": 1}
    egypt = gold.required["memberships"][0]
    assert egypt.doc == "a.txt" and egypt.get("joined") == "2023"  # an unquoted year becomes a string
    assert gold.required["missions"][1].get("launch_date") == "2024-05-03"  # so does a YAML date
    assert "table" not in gold.negatives["memberships"][0].attrs


def test_load_gold_rejects_a_negative_without_table(tmp_path: Path) -> None:
    folder = write_gold(tmp_path / "bad", {"x.yaml": "negatives:\n  - {member: Peru, organization: ILRS}\n"})
    with pytest.raises(GoldFormatError, match="needs table"):
        load_gold(folder)


# --- names ------------------------------------------------------------------------------------


def test_names_resolve_through_the_gazetteer(names: NameKeys) -> None:
    assert names.key("Türkiye") == names.key("Turkey")
    assert names.key("Republic of Korea") == names.key("South Korea")
    assert names.key("CNSA") == names.key("China National Space Administration")
    assert names.key("Chang’e-4") == names.key("Chang'e 4")
    assert names.key("the Moon") == names.key("Moon") == names.key("lunar")
    assert names.key("Beijing") != names.key("China")  # capitals are not parties
    assert names.key("Université  d'Été du Nord") == "universite d ete du nord"  # unknown: folded
    assert names.key(None) == ""


def test_chinese_side(names: NameKeys) -> None:
    for chinese in ("China", "CNSA", "Chinese Academy of Sciences", "Deep Space Exploration Laboratory"):
        assert names.is_chinese_key(names.key(chinese)), chinese
    for foreign in ("France", "European Space Agency", "Azercosmos"):
        assert not names.is_chinese_key(names.key(foreign)), foreign


# --- memberships and missions -----------------------------------------------------------------


def membership(member: str, organization: str, **attrs: Any) -> dict[str, Any]:
    return {"member": member, "organization": organization, **attrs}


def test_memberships_counts_merge_optional_negatives_duplicates(gold_dir: Path) -> None:
    rows = [
        membership("Egypt", "ILRS", role="member", joined="2023-12", joined_year=2023),
        membership("Arab Republic of Egypt", "ILRS", role="member"),  # same key: a duplicate
        membership("Thailand", "APSCO", role="member"),  # optional: neither tp nor fp
        membership("Indonesia", "ILRS", role="member"),  # negative: fp and reported
    ]
    t = score({"memberships": rows}, load_gold(gold_dir)).tables["memberships"]
    assert (t.tp, t.fp, t.fn) == (1, 1, 1)  # Egypt stated twice is one gold fact; Pakistan missed
    assert t.precision == 0.5 and t.recall == 0.5 and t.f1 == 0.5
    assert t.negatives_extracted == ["Indonesia | ILRS"]
    assert t.missed == ["Pakistan | ILRS"]
    assert t.duplicates == ["Arab Republic of Egypt | ILRS"]
    assert t.attributes["joined"].n == 1 and t.attributes["joined"].accuracy == 1.0
    assert t.attributes["role"].accuracy == 1.0


def test_membership_attributes_can_be_wrong(gold_dir: Path) -> None:
    rows = [membership("Egypt", "ILRS", role="founder", joined="2022"), membership("Pakistan", "ILRS")]
    t = score({"memberships": rows}, load_gold(gold_dir)).tables["memberships"]
    assert (t.tp, t.fp, t.fn) == (2, 0, 0)
    assert t.attributes["joined"].accuracy == 0.0
    assert t.attributes["role"].n == 2 and t.attributes["role"].accuracy == 0.0


def test_missions_merge_across_documents_and_score_attributes(gold_dir: Path) -> None:
    row = {
        "name": "Chang'e 6",
        "target": "far side of the Moon",
        "launch_date": "2024-05-03",
        "launch_site": "Wenchang Space Launch Site",
        "partners": ["France", "European Space Agency"],
    }
    t = score({"missions": [row]}, load_gold(gold_dir)).tables["missions"]
    assert (t.tp, t.fp, t.fn) == (1, 0, 0)
    acc = {k: v.accuracy for k, v in t.attributes.items()}
    assert acc["launch_date"] == 1.0 and acc["target"] == 1.0 and acc["launch_site"] == 1.0
    assert acc["partners"] == round(2 / 3, 3)  # gold partners merged: ESA, France, Pakistan
    assert t.attributes["launch_vehicle"].n == 0


@pytest.mark.parametrize(("date", "right"), [("2024-05-03", True), ("2024-05", False), ("2024-05-09", False)])
def test_mission_launch_date_is_the_most_precise_gold_date(gold_dir: Path, date: str, right: bool) -> None:
    # gold says "2024-05" in one document and 2024-05-03 in the other: the merged fact keeps the day
    t = score({"missions": [{"name": "Chang'e 6", "launch_date": date}]}, load_gold(gold_dir))
    assert t.tables["missions"].attributes["launch_date"].accuracy == float(right)


# --- agreements -------------------------------------------------------------------------------


def test_agreement_similarity_rules(names: NameKeys) -> None:
    m = AgreementMatcher(names)
    gold = {
        "title": "Memorandum on lunar samples",
        "agreement_type": "memorandum",
        "parties": ["China", "France"],
    }
    gold_2024 = {**gold, "signed": "2024"}
    same = {
        "title": "Lunar samples memorandum",
        "agreement_type": "memorandum",
        "parties": ["China", "France"],
    }
    assert m.similarity(gold, same) > 1.0
    assert m.similarity(gold_2024, {**same, "signed": "2023-05"}) == 0.0  # years differ
    assert m.similarity(gold_2024, {**same, "signed_year": 2024}) > 1.0
    # half the parties in common, but only the Chinese side: not the same agreement
    trio = {**gold, "parties": ["China", "China National Space Administration", "France"]}
    assert m.similarity(trio, {**same, "parties": ["China", "CNSA", "France"]}) > 1.0
    assert m.similarity(trio, {**same, "parties": ["China", "CNSA", "Italy"]}) == 0.0
    dsel = {**gold, "parties": ["China", "Deep Space Exploration Laboratory", "France"]}
    assert m.similarity(dsel, {**same, "parties": ["China", "DSEL", "Italy"]}) == 0.0


def test_agreements_greedy_one_to_one_and_optional(gold_dir: Path) -> None:
    rows = [
        {
            "title": "Memorandum",
            "agreement_type": "memorandum",
            "parties": ["China", "France"],
            "signed": "2024",
        },
        {
            "title": "Memorandum on lunar samples",
            "agreement_type": "memorandum",
            "parties": ["China", "France"],
        },
        {"title": "Outer Space Treaty", "agreement_type": "treaty", "parties": ["China"], "signed": "1967"},
        {"title": "Memorandum", "agreement_type": "memorandum", "parties": ["CNSA", "Malaysia"]},
    ]
    t = score({"agreements": rows}, load_gold(gold_dir)).tables["agreements"]
    # one gold agreement: the better match takes it, the other row is a false positive;
    # the treaty has no parties in gold, so nothing matches it; the Malaysia row is a negative
    assert (t.tp, t.fp, t.fn) == (1, 3, 0)
    assert len(t.negatives_extracted) == 1 and "Malaysia" in t.negatives_extracted[0]
    assert "Memorandum | ['China', 'France'] | 2024" in t.false_positives  # the weaker match lost
    assert t.attributes["signed"].accuracy == 0.0  # the stronger one, matched, has no date
    assert t.attributes["parties"].accuracy == 1.0


# --- evidence ---------------------------------------------------------------------------------


def test_evidence_check() -> None:
    text = "Egypt joined the ILRS in 2023."
    facts = {"memberships": [{"membership_id": "m1"}, {"membership_id": "m2"}]}
    evidence = [
        {
            "fact_table": "memberships",
            "fact_id": "m1",
            "doc_id": "d",
            "char_start": 0,
            "char_end": 5,
            "quote": "Egypt",
        },
        {
            "fact_table": "memberships",
            "fact_id": "m1",
            "doc_id": "d",
            "char_start": 1,
            "char_end": 5,
            "quote": "Egypt",
        },
        {
            "fact_table": "missions",
            "fact_id": "x",
            "doc_id": "gone",
            "char_start": 0,
            "char_end": 1,
            "quote": "E",
        },
    ]
    ev = check_evidence(evidence, facts, {"d": text})
    assert (ev.rows, ev.exact, ev.exact_quotes) == (3, 1, 0.333)
    assert (ev.facts, ev.facts_without_evidence) == (2, 1)
    assert (ev.unknown_facts, ev.unknown_docs) == (1, 1)
    assert not check_evidence(None, facts, {}).present


def test_document_text_that_is_not_the_decoded_file_is_not_trusted(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_bytes(b"Line one\r\nL\xe9gende du CNES\r\n")  # cp1252, CRLF
    (docs / "b.txt").write_bytes(b"plain")
    documents = [
        {"doc_id": "a", "source_path": "a.txt", "text": "Line one\nLégende du CNES\n"},  # newlines translated
        {"doc_id": "b", "source_path": "b.txt", "text": "plain"},
    ]
    texts, notes = document_texts(documents, docs)
    assert texts["a"] is None and texts["b"] == "plain"
    assert any("a: documents.text is not the file decoded" in n for n in notes)
    good = [{**documents[0], "text": b"Line one\r\nL\xe9gende du CNES\r\n".decode("cp1252")}]
    texts, notes = document_texts(good, docs)
    assert texts["a"] == good[0]["text"] and texts["b"] == "plain"  # b read from the folder
    assert any("not UTF-8" in n for n in notes)


# --- report and CLI ---------------------------------------------------------------------------


def test_report_layout_and_json(gold_dir: Path) -> None:
    report = score({"memberships": [membership("Indonesia", "ILRS")], "evidence": []}, load_gold(gold_dir))
    text = format_text(report, verbose=True)
    lines = text.splitlines()
    assert re.fullmatch(
        r"memberships  P 0\.000  R 0\.000  F1 0\.000  \(tp 0 fp 1 fn 2; negatives extracted 1\)  attrs: ",
        lines[0],
    )
    assert "    negatives_extracted: Indonesia | ILRS" in lines
    assert "evidence     rows 0  exact quotes None  facts without evidence 1/1" in lines
    assert lines[-1] == "macro F1 0.000"
    data = json.loads(format_json(report))
    assert data["memberships"]["fp"] == 1 and data["evidence"]["facts"] == 1 and data["macro_f1"] == 0.0


def run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="spacecoop")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def test_cli_scores_parquet_tables_and_gates(gold_dir: Path, tmp_path: Path, capsys: Any) -> None:
    tables = tmp_path / "release" / "data"
    tables.mkdir(parents=True)
    rows = [
        {
            "membership_id": "m1",
            "member": "Egypt",
            "organization": "ILRS",
            "role": "member",
            "joined": "2023",
        },
        {
            "membership_id": "m2",
            "member": "Pakistan",
            "organization": "ILRS",
            "role": "founder",
            "joined": None,
        },
    ]
    pq.write_table(pa.Table.from_pylist(rows), tables / "memberships.parquet")
    out = tmp_path / "eval.json"
    argv = ["evaluate", str(gold_dir), "--tables", str(tmp_path / "release"), "--seeds", str(tmp_path)]
    assert run_cli([*argv, "--json", str(out)]) == 0
    assert capsys.readouterr().out.startswith("memberships  P 1.000  R 1.000  F1 1.000  (tp 2 fp 0 fn 0;")
    assert json.loads(out.read_text(encoding="utf-8"))["memberships"]["tp"] == 2
    assert run_cli([*argv, "--min-f1", "0.5"]) == 1  # agreements and missions are empty
    assert "gate failed: agreements: F1 0.000 < 0.500" in capsys.readouterr().err
    assert run_cli(["evaluate", str(tmp_path / "nowhere"), "--tables", str(tables)]) == 2


# --- whole corpora ----------------------------------------------------------------------------

CORPORA = [
    pytest.param(PROJECT / "tests/corpus/docs", PROJECT / "tests/corpus/gold", id="test-corpus"),
    pytest.param(
        PROJECT / "seeds",
        SHARED / "gold",
        id="seeds",
        marks=pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="/work/shared is absent"),
    ),
]


@pytest.mark.parametrize(("docs", "gold"), CORPORA)
def test_evaluate_corpus_report_structure(docs: Path, gold: Path) -> None:
    report = evaluate_corpus(docs, gold)
    assert report.gold_docs == len(list(gold.glob("*.yaml")))
    assert list(report.tables) == ["memberships", "agreements", "missions"]
    gold_set = load_gold(gold)
    for name, t in report.tables.items():
        assert t.tp + t.fn == t.gold_facts > 0, name
        assert t.tp + t.fp <= t.predicted_rows, name
        assert all(0.0 <= x <= 1.0 for x in (t.precision, t.recall, t.f1)), name
        assert t.attributes and all(a.n <= t.tp for a in t.attributes.values()), name
        assert len(gold_set.required[name]) >= t.gold_facts, name
    assert report.evidence.present and report.evidence.rows > 0
    assert report.evidence.facts == sum(t.predicted_rows for t in report.tables.values())
    lines = format_text(report).splitlines()
    assert [line.split()[0] for line in lines[:5]] == [
        "memberships",
        "agreements",
        "missions",
        "evidence",
        "macro",
    ]
    assert json.loads(format_json(report))["macro_f1"] == report.macro_f1


def test_evaluate_tables_on_parquet_matches_in_process(tmp_path: Path) -> None:
    from pipeline.core.documents import discover, read_document
    from pipeline.core.extract import extract_document
    from pipeline.core.merge import build_tables
    from schemas.tables import to_arrow

    docs, gold = PROJECT / "tests/corpus/docs", PROJECT / "tests/corpus/gold"
    documents = [read_document(p, docs) for p in discover(docs)]
    frames = build_tables(documents, [extract_document(d) for d in documents])
    for name, frame in frames.items():
        pq.write_table(to_arrow(name, frame), tmp_path / f"{name}.parquet")
    from_files = evaluate_tables(tmp_path, gold, docs).to_dict()
    in_memory = evaluate_tables(frames, gold, docs).to_dict()
    for key in ("memberships", "agreements", "missions", "evidence", "macro_f1"):
        assert from_files[key] == in_memory[key], key
