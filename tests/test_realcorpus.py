"""The real corpus: loading it, scoring it leave-one-source-out, and keeping its texts out of
the repository."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from deepdive import analyze
from deepdive.evaluation import METHOD_FINDINGS
from deepdive.real_evaluation import evaluate_real
from deepdive.realcorpus import RealCorpusError, default_folder, groups, load_real

ROOT = Path(__file__).resolve().parent.parent
SHINGLE = 8  # words in a row that may not appear both in a real text and in the repository


def write_corpus(folder: Path, entries: dict[str, object], texts: dict[str, str]) -> Path:
    (folder / "texts").mkdir(parents=True)
    (folder / "corpus.json").write_text(json.dumps(entries), encoding="utf-8")
    for key, text in texts.items():
        (folder / "texts" / f"{key}.txt").write_text(text, encoding="utf-8")
    return folder


def entry(group: str, ownership: str = "calibrated", **sections: bool) -> dict[str, object]:
    parts = ("hook", "problem", "data", "modeling", "evaluation", "reflection")
    return {
        "kind": "interview_answer",
        "source_group": group,
        "labels": {
            "sections": {p: sections.get(p, False) for p in parts},
            "mistakes": ["vague_result"],
            "ownership": ownership,
            "rating": 2.5,
        },
    }


def test_load_skips_unlabelled_and_sorts(tmp_path: Path) -> None:
    folder = write_corpus(
        tmp_path / "rd",
        {"b1": entry("g2", problem=True), "a1": entry("g1"), "c1": {"labels": None}},
        {"a1": "We built a churn model.", "b1": "I predicted demand.", "c1": "x"},
    )
    answers = load_real(folder)
    assert [a.id for a in answers] == ["a1", "b1"]
    assert answers[1].sections["problem"] and not answers[0].sections["problem"]
    assert answers[0].rating == 2.5
    assert groups(answers) == ["g1", "g2"]


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ({"a1": {"kind": "interview_answer", "labels": {"sections": {}}}}, "'a1' is malformed"),
        ({"a1": dict(entry("g1"), kind="novel")}, "unknown kind"),
    ],
)
def test_malformed_entries_are_named(
    tmp_path: Path, entries: dict[str, object], message: str
) -> None:
    folder = write_corpus(tmp_path / "rd", entries, {"a1": "We built a model."})
    with pytest.raises(RealCorpusError, match=message):
        load_real(folder)


def test_missing_corpus_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RealCorpusError, match="no real corpus"):
        load_real(tmp_path / "nowhere")


def test_each_group_is_analysed_by_an_analyser_fitted_without_it(tmp_path: Path) -> None:
    folder = write_corpus(
        tmp_path / "rd",
        {"a1": entry("g1"), "a2": entry("g1"), "b1": entry("g2")},
        {k: "I built a model that predicted churn." for k in ("a1", "a2", "b1")},
    )
    answers = load_real(folder)
    seen: list[set[str]] = []

    def analyzer_for(training: list[object]) -> object:
        seen.append({a.group for a in training})  # type: ignore[attr-defined]
        return analyze

    reports = evaluate_real(answers, analyzer_for)  # type: ignore[arg-type]
    assert seen == [{"g2"}, {"g1"}]
    assert reports["all"].answers == 3 and reports["g1"].answers == 2
    assert set(reports["all"].findings) == set(METHOD_FINDINGS)


def real_texts() -> list[str]:
    try:
        return [a.text for a in load_real()]
    except RealCorpusError as exc:
        pytest.skip(f"real corpus not available: {exc}")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def test_no_real_text_is_copied_into_the_repository() -> None:
    shingles = set()
    for text in real_texts():
        words = _words(text)
        shingles.update(" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))
    hits = []
    for path in sorted(ROOT.rglob("*")):
        rel = path.relative_to(ROOT)
        if not path.is_file() or rel.parts[0] in {".git", ".venv", "build"} or "cache" in str(rel):
            continue
        if path.suffix not in {".py", ".txt", ".md", ".yaml", ".json", ".jsonl", ".html", ""}:
            continue
        words = _words(path.read_text(encoding="utf-8", errors="ignore"))
        for i in range(len(words) - SHINGLE + 1):
            if " ".join(words[i : i + SHINGLE]) in shingles:
                hits.append(f"{rel}: {' '.join(words[i : i + SHINGLE])}")
                break
    assert not hits, "real-corpus text found in the repository:\n" + "\n".join(hits)


def test_default_folder_is_beside_the_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DEEPDIVE_REALDEV", raising=False)
    assert default_folder() == ROOT.parent / "shared" / "realdev"
    monkeypatch.setenv("DEEPDIVE_REALDEV", "/somewhere/else")
    assert default_folder() == Path("/somewhere/else")
