"""Intake: every file becomes one document or one rejection with a reason; decoding keeps offsets exact."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pipeline.core import intake
from pipeline.core.documents import SourceDocument, decode_bytes
from pipeline.core.extract import extract_text
from pipeline.core.intake import Accepted, Rejected, classify, intake_corpus
from pipeline.core.merge import build_tables

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MARS = SEEDS / "003_462b628faf4474e7.txt"  # Tianwen-1 and other missions; contains ’ (cp1252-encodable)


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _one(corpus: Path) -> Accepted | Rejected:
    documents, rejections = intake_corpus(corpus)
    assert len(documents) + len(rejections) == 1
    return Accepted(documents[0]) if documents else rejections[0]


def _facts_and_exact_quotes(documents: list[SourceDocument]) -> dict:
    tables = build_tables(documents, [extract_text(d.doc_id, d.text) for d in documents])
    texts = {d.doc_id: d.text for d in documents}
    for row in tables["evidence"].itertuples():
        assert 0 <= row.char_start < row.char_end <= len(texts[row.doc_id])
        assert texts[row.doc_id][row.char_start : row.char_end] == row.quote
    return {t: sorted(tables[t].iloc[:, 0]) for t in ("memberships", "agreements", "missions")}


# --- rejections ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \r\n\t\n  ", "only whitespace"),
        ("nul.txt", b"ILRS\x00\x01\x02 members", "NUL bytes"),
        ("fake.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 ...", "PDF"),
        ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        ("word.txt", b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        ("report.pdf", b"%PDF-1.4 tiny", "unsupported file type ('.pdf')"),
        ("letter.docx", b"PK\x03\x04", "unsupported file type ('.docx')"),
        ("data.csv", b"a,b\n1,2\n", "unsupported file type ('.csv')"),
        ("README", b"no extension", "no extension"),
        ("noise.txt", bytes(range(1, 32)) * 50, "control characters"),
    ],
)
def test_bad_files_are_rejected_with_a_reason_and_sha(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    _write(tmp_path, name, data)
    outcome = _one(tmp_path)
    assert isinstance(outcome, Rejected), outcome
    assert outcome.path == name
    assert reason in outcome.reason
    assert outcome.sha256 == hashlib.sha256(data).hexdigest()


def test_file_above_the_size_limit_is_rejected_but_hashed(tmp_path: Path) -> None:
    data = b"Pakistan joined the ILRS in 2023. " * 100
    _write(tmp_path, "big.txt", data)
    documents, rejections = intake_corpus(tmp_path, max_bytes=1000)
    assert documents == []
    (rejected,) = rejections
    assert "too large" in rejected.reason and "limit" in rejected.reason
    assert rejected.sha256 == hashlib.sha256(data).hexdigest() and rejected.bytes == len(data)
    assert len(intake_corpus(tmp_path, max_bytes=len(data))[0]) == 1  # the limit is inclusive


def test_same_bytes_under_two_names_is_one_document_and_a_duplicate_rejection(tmp_path: Path) -> None:
    data = MARS.read_bytes()
    _write(tmp_path, "a.txt", data)
    _write(tmp_path, "z/copy.txt", data)
    documents, rejections = intake_corpus(tmp_path)
    assert [d.source_path for d in documents] == ["a.txt"]
    assert [(r.path, r.reason, r.sha256) for r in rejections] == [
        ("z/copy.txt", "duplicate of a.txt", documents[0].sha256)
    ]


def test_two_files_with_the_same_doc_id_keep_the_first(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", b"Pakistan joined the ILRS in 2023.")
    _write(tmp_path, "a.md", b"Egypt joined the ILRS in 2024.")
    documents, rejections = intake_corpus(tmp_path)
    assert [d.source_path for d in documents] == ["a.md"]
    assert "same document id 'a'" in rejections[0].reason


def test_symbolic_links_are_refused_without_reading_the_target(tmp_path: Path) -> None:
    corpus, outside = tmp_path / "corpus", tmp_path / "secret.txt"
    corpus.mkdir()
    outside.write_text("Pakistan joined the ILRS in 2023.")
    _write(corpus, "inside.txt", b"Egypt joined the ILRS in 2024.")
    (corpus / "escape.txt").symlink_to(outside)
    (corpus / "alias.txt").symlink_to(corpus / "inside.txt")
    (corpus / "linked_dir").symlink_to(tmp_path, target_is_directory=True)
    documents, rejections = intake_corpus(corpus)
    assert [d.source_path for d in documents] == ["inside.txt"]
    reasons = {r.path: r.reason for r in rejections}
    assert set(reasons) == {"alias.txt", "escape.txt", "linked_dir"}
    assert "outside the corpus folder" in reasons["escape.txt"]
    assert all("symbolic link" in reason for reason in reasons.values())
    assert all(r.sha256 is None for r in rejections)


def test_paths_that_escape_the_corpus_are_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(tmp_path, "secret.txt", b"Pakistan joined the ILRS in 2023.")
    for path in (corpus / ".." / "secret.txt", tmp_path / "secret.txt"):
        outcome = classify(path, corpus)
        assert isinstance(outcome, Rejected) and "outside the corpus folder" in outcome.reason
        assert outcome.sha256 is None


def test_deleted_before_reading(tmp_path: Path) -> None:
    outcome = classify(tmp_path / "gone.txt", tmp_path)
    assert isinstance(outcome, Rejected) and "disappeared" in outcome.reason


def test_deleted_or_changed_while_reading(tmp_path: Path) -> None:
    path = _write(tmp_path, "moving.txt", b"Pakistan joined the ILRS in 2023.")

    def delete_then_read(p: Path, limit: int) -> bytes:
        os.unlink(p)
        return intake._read_stable(p, limit)

    def change_while_reading(p: Path, limit: int) -> bytes:
        raw = p.read_bytes()
        p.write_bytes(raw + b" Egypt joined the ILRS in 2024.")
        raise intake._Changed

    changed = classify(path, tmp_path, read=change_while_reading)
    assert isinstance(changed, Rejected) and "changed while it was being read" in changed.reason
    deleted = classify(path, tmp_path, read=delete_then_read)
    assert isinstance(deleted, Rejected) and "disappeared" in deleted.reason


def test_read_stable_notices_a_file_replaced_under_its_name(tmp_path: Path, monkeypatch) -> None:
    path = _write(tmp_path, "a.txt", b"first version of the text")
    real_stat = os.stat

    def stat_after_replacement(p, *args, **kwargs):
        if Path(p) == path:
            path.unlink()
            path.write_bytes(b"a completely different and longer text")
            monkeypatch.setattr(intake.os, "stat", real_stat)
        return real_stat(p, *args, **kwargs)

    monkeypatch.setattr(intake.os, "stat", stat_after_replacement)
    with pytest.raises(intake._Changed):
        intake._read_stable(path, 10_000)


def test_one_unreadable_file_never_stops_the_others(tmp_path: Path, monkeypatch) -> None:
    _write(tmp_path, "a.txt", b"Pakistan joined the ILRS in 2023.")
    _write(tmp_path, "b.txt", b"Egypt joined the ILRS in 2024.")
    real = intake.classify

    def flaky(path: Path, corpus: Path, max_bytes: int = 1) -> Accepted | Rejected:
        if path.name == "a.txt":
            raise RuntimeError("boom")
        return real(path, corpus, max_bytes)

    monkeypatch.setattr(intake, "classify", flaky)
    documents, rejections = intake_corpus(tmp_path)
    assert [d.doc_id for d in documents] == ["b"]
    assert [(r.path, r.reason) for r in rejections] == [
        ("a.txt", "could not be processed: RuntimeError: boom")
    ]


def test_hidden_files_are_not_inputs(tmp_path: Path) -> None:
    _write(tmp_path, ".DS_Store", b"\x00\x00\x00\x01Bud1")
    _write(tmp_path, ".git/config", b"[core]")
    _write(tmp_path, "a.txt", b"Pakistan joined the ILRS in 2023.")
    documents, rejections = intake_corpus(tmp_path)
    assert [d.doc_id for d in documents] == ["a"] and rejections == []


# --- accepted, with exact text --------------------------------------------------------------------------


def test_names_with_spaces_and_non_ascii_letters(tmp_path: Path) -> None:
    data = MARS.read_bytes()
    _write(tmp_path, "Mars – naïve dossier/Tianwen 1 über.txt", data)
    (document,) = intake_corpus(tmp_path)[0]
    assert document.source_path == "Mars – naïve dossier/Tianwen 1 über.txt"
    assert document.doc_id == "Mars – naïve dossier/Tianwen 1 über"
    assert _facts_and_exact_quotes([document]) == _facts_and_exact_quotes([_seed_document()])


def _seed_document() -> SourceDocument:
    data = MARS.read_bytes()
    return SourceDocument(
        "seed", "seed.txt", hashlib.sha256(data).hexdigest(), None, data.decode(), "utf-8", len(data)
    )


ASCII_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})


def _latin1(text: str) -> str:
    return text.translate(ASCII_QUOTES).replace("Hainan", "Hainan (Haïnan, café)")


@pytest.mark.parametrize(
    ("transform", "codec", "encoding"),
    [
        (str, "cp1252", "cp1252"),
        (_latin1, "latin-1", "cp1252"),  # Latin-1 text is decoded as its superset Windows-1252
        (lambda t: "\ufeff" + t, "utf-8", "utf-8"),  # the UTF-8 BOM is kept as a character
        (str, "utf-16", "utf-16"),  # native order with a BOM
        (str, "utf-16-bom-be", "utf-16"),
        (lambda t: t.replace("\n", "\r\n"), "utf-8", "utf-8"),
        (lambda t: t.replace("\n", "\r\n"), "cp1252", "cp1252"),
    ],
    ids=["cp1252", "latin-1", "utf-8-bom", "utf-16-bom", "utf-16-be-bom", "crlf", "crlf-cp1252"],
)
def test_encodings_decode_exactly_and_give_the_same_facts(tmp_path: Path, transform, codec, encoding) -> None:
    text = transform(MARS.read_text(encoding="utf-8"))
    raw = b"\xfe\xff" + text.encode("utf-16-be") if codec == "utf-16-bom-be" else text.encode(codec)
    _write(tmp_path, "doc.txt", raw)
    outcome = _one(tmp_path)
    assert isinstance(outcome, Accepted), outcome
    document = outcome.document
    assert document.encoding == encoding
    assert document.text == raw.decode(encoding) == text  # exactly the bytes decoded: no newline changes
    assert document.sha256 == hashlib.sha256(raw).hexdigest()
    plain = SourceDocument("plain", "plain.txt", "0" * 64, None, text, "utf-8", len(raw))
    facts = _facts_and_exact_quotes([document])
    assert facts == _facts_and_exact_quotes([plain])
    assert len(facts["missions"]) >= 1


def test_a_single_line_of_several_megabytes(tmp_path: Path) -> None:
    sentence = (
        "On July 23, 2020 the Tianwen-1 spacecraft lifted off from the Wenchang Satellite Launch Center. "
    )
    raw = (sentence * (3_000_000 // len(sentence))).encode()
    assert b"\n" not in raw and len(raw) > 2_900_000
    _write(tmp_path, "one_line.txt", raw)
    outcome = _one(tmp_path)
    assert isinstance(outcome, Accepted)
    facts = _facts_and_exact_quotes([outcome.document])
    assert len(facts["missions"]) == 1


def test_html_is_read_as_its_text(tmp_path: Path) -> None:
    _write(tmp_path, "page.html", b"<html><body><p>Pakistan joined the ILRS in 2023.</p></body></html>")
    outcome = _one(tmp_path)
    assert isinstance(outcome, Accepted) and "Pakistan joined the ILRS" in outcome.document.text
    _write(tmp_path / "x", "only_markup.htm", b"<html><script>var a = 1;</script></html>")
    assert "no text" in intake_corpus(tmp_path / "x")[1][0].reason


def test_malformed_tables_do_not_break_extraction() -> None:
    ragged = (
        "ILRS partners\n\n"
        "| Country | Joined |\n|---|---|\n| Pakistan | 2023 | extra | cells |\n| Egypt |\n"
        "| no header row | 2024 |\n|---|\n||||\n"
        "Country,Joined\nBelarus,2023,,\n,\n"
    )
    _facts_and_exact_quotes([SourceDocument("t", "t.md", "0" * 64, None, ragged, "utf-8", len(ragged))])


def test_two_documents_that_contradict_each_other_are_recorded_as_a_conflict() -> None:
    texts = {
        "a": "Pakistan joined the International Lunar Research Station (ILRS) in May 2023.\n",
        "b": "Pakistan joined the International Lunar Research Station (ILRS) in 2024.\n",
    }
    documents = [SourceDocument(k, f"{k}.txt", "0" * 64, None, v, "utf-8", len(v)) for k, v in texts.items()]
    tables = build_tables(documents, [extract_text(d.doc_id, d.text) for d in documents])
    (membership,) = tables["memberships"].itertuples()
    conflicts = tables["conflicts"]
    assert set(conflicts["doc_id"]) == {"a", "b"} and set(conflicts["attribute"]) == {"joined"}
    assert set(conflicts["value"]) == {"2023-05", "2024"}
    assert conflicts.loc[conflicts["chosen"], "value"].tolist() == [membership.joined]
    for row in conflicts.itertuples():
        assert row.char_end <= len(texts[row.doc_id])


# --- property-based -------------------------------------------------------------------------------------

FACTY = st.sampled_from(
    [
        "Pakistan joined the ILRS in 2023. ",
        "Egypt signed a memorandum with the China National Space Administration on 2019-03-04. ",
        "Chang'e 6 launched from Wenchang on a Long March 5 in May 2024 with France and Sweden. ",
        "| Country | Joined |\n|---|---|\n| Belarus | 2023 |\n",
        "The Artemis Accords were signed by Brazil in 2021.\r\n",
        "\ufeff",
        "\r\n",
        "APSCO members: Bangladesh, Iran, Mongolia, Pakistan, Peru, Thailand and Türkiye. ",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(FACTY, st.text(max_size=40)), max_size=12).map("".join),
)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(raw=st.binary(max_size=600))
def test_decoder_never_crashes_and_is_exact(raw: bytes) -> None:
    text, encoding = decode_bytes(raw)
    assert isinstance(text, str)
    if not encoding.endswith("-replace"):
        assert raw.decode(encoding) == text


@FUZZ
@given(text=st.text(max_size=300), encoding=st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_decoder_round_trips_unicode_with_a_bom_or_utf8(text: str, encoding: str) -> None:
    # UTF-16-LE starting with U+0000 is byte-identical to a UTF-32-LE BOM: genuinely ambiguous (and binary).
    assume(not (encoding == "utf-16" and text.startswith("\x00")))
    raw = text.encode(encoding)
    decoded, _ = decode_bytes(raw)
    if encoding == "utf-8" or raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        assert decoded == text


@FUZZ
@given(raw=st.binary(max_size=600), name=st.sampled_from(["a.txt", "b.md", "c.html", "d.bin"]))
def test_intake_classifies_any_bytes(tmp_path_factory: pytest.TempPathFactory, raw: bytes, name: str) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    _write(folder, name, raw)
    documents, rejections = intake_corpus(folder)
    assert len(documents) + len(rejections) == 1
    for document in documents:
        assert document.chars == len(document.text) and document.text.strip()
        if not name.endswith(".html"):
            assert document.text == raw.decode(document.encoding)
    for rejection in rejections:
        assert rejection.reason and rejection.path == name


@FUZZ
@given(texts=st.lists(TEXTS, min_size=1, max_size=3))
def test_extractor_offsets_are_inside_and_quotes_exact(texts: list[str]) -> None:
    documents = [
        SourceDocument(
            f"d{i}", f"d{i}.txt", "0" * 64, None, text, "utf-8", len(text.encode("utf-8", "surrogatepass"))
        )
        for i, text in enumerate(texts)
    ]
    _facts_and_exact_quotes(documents)


# --- untrusted text ---------------------------------------------------------------------------------------

# Builtins that run code (not `re.compile`), and modules that unpickle or spawn processes.
FORBIDDEN = re.compile(
    r"(?<![\w.])(eval|exec|compile|__import__)\(|\b(pickle|marshal|shelve|subprocess|os\.system|yaml\.load)\b"
)


def test_reading_and_extraction_never_evaluate_or_unpickle_anything() -> None:
    """Documents are data: no code path from a file's bytes to the claims can run code or unpickle."""
    root = Path(__file__).resolve().parents[2] / "pipeline"
    sources = [*sorted((root / "core").rglob("*.py")), root / "extraction_cache.py", root / "corpus_state.py"]
    offenders = [
        f"{path.relative_to(root)}: {match.group(0)}"
        for path in sources
        for match in FORBIDDEN.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_a_document_full_of_code_is_just_text() -> None:
    marker = Path("/tmp/spacecoop_fuzz_pwned")
    text = (
        f"__import__('os').system('touch {marker}') {{{{7*7}}}} ${{jndi:x}} <script>alert(1)</script> "
        "cos\nsystem\n(S'touch x'\ntR. Pakistan joined the ILRS in 2023."
    )
    facts = _facts_and_exact_quotes([SourceDocument("c", "c.txt", "0" * 64, None, text, "utf-8", len(text))])
    assert len(facts["memberships"]) == 1
    assert not marker.exists()


def test_discover_never_follows_links(tmp_path: Path) -> None:
    from pipeline.core.documents import discover

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Kenya joined the ILRS.", encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("not part of the corpus", encoding="utf-8")
    (corpus / "link.txt").symlink_to(outside)
    assert [p.name for p in discover(corpus)] == ["a.txt"]
