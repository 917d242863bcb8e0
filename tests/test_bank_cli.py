"""``deepdive bank`` as a user runs it: output at a fixed width, JSON, exit codes, errors."""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from deepdive.cli import main
from deepdive.store import Store
from deepdive.user_questions import list_user_questions
from tests.conftest import ROOT
from tests.terminal import Tmux

GOLDEN = Path(__file__).parent / "golden"
ANSWER = (
    "Batch norm standardises the activations going into each layer using the mean and "
    "variance of the current mini-batch, so the next layer keeps seeing inputs on a similar "
    "scale. At test time the layer switches to the running mean and variance it tracked "
    "during training."
)


def bank(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["bank", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("DEEPDIVE_REGEN_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {name}; regenerate with DEEPDIVE_REGEN_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


def test_show_matches_golden(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = bank(capsys, monkeypatch, "show", "depth-batchnorm", "--width", "80")
    assert code == 0
    _golden("bank_show.txt", out)


def test_practice_matches_golden(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ANSWER, encoding="utf-8")
    args = ("practice", "depth-batchnorm", "--answer", str(f), "--width", "80")
    code, out, err = bank(capsys, monkeypatch, *args)
    # with the answer from a file, the question heads the report (typed, it is the prompt)
    assert code == 0 and out.startswith("Question (depth-batchnorm):\nWhy does batch") and not err
    _golden("bank_practice.txt", out)


def test_list_filters_and_json(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = bank(
        capsys, monkeypatch, "list", "--round", "ml_depth", "--difficulty", "3", "--json"
    )
    rows = json.loads(out)
    assert code == 0 and rows and {(r["round"], r["difficulty"]) for r in rows} == {("ml_depth", 3)}
    code, out, _ = bank(capsys, monkeypatch, "list", "--topic", "nlp", "--width", "90")
    lines = out.splitlines()
    assert lines[-1].endswith("questions") and all(len(line) <= 90 for line in lines)


def test_search_ranks_and_random_is_repeatable(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = bank(capsys, monkeypatch, "search", "batchnorm", "--json", "--limit", "3")
    hits = json.loads(out)
    assert code == 0 and hits[0]["id"] == "depth-batchnorm" and len(hits) <= 3
    code, out, err = bank(capsys, monkeypatch, "search", "kl divergance", "--json")
    assert code == 0 and json.loads(out)[0]["id"] == "br-entropy-kl-divergence"
    assert err == "searched for “kl divergence”\n"
    code, out, err = bank(capsys, monkeypatch, "search", "batchnorm", "--limit", "2")
    assert err.startswith("see one in full") and out.splitlines()[0].split() == [
        "id",
        "round",
        "level",
        "match",
        "question",
    ]
    assert out.splitlines()[1].startswith("depth-batchnorm ")
    first = bank(capsys, monkeypatch, "random", "--round", "behavioral", "--seed", "7")[1]
    again = bank(capsys, monkeypatch, "random", "--round", "behavioral", "--seed", "7")[1]
    assert first == again and "(id beh-" in first


def test_practice_json_and_deep_dive_questions_get_the_full_analysis(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = bank(capsys, monkeypatch, "practice", "depth-batchnorm", "--json", stdin=ANSWER)
    payload = json.loads(out)
    assert code == 0 and payload["covered"] == 2 and payload["follow_ups"]
    code, out, _ = bank(
        capsys, monkeypatch, "practice", "pdd-overview", "--json", "--no-save", stdin=ANSWER
    )
    assert code == 0 and json.loads(out)["schema"] == "deepdive.analysis/1"
    # a deep-dive question about one part is checked by its key points, not as a whole story
    code, out, _ = bank(
        capsys, monkeypatch, "practice", "pdd-class-imbalance", "--json", "--no-save", stdin=ANSWER
    )
    assert code == 0 and json.loads(out)["schema"] == "deepdive.coverage/1"
    # a deep-dive question of your own, with no key points, is read as a whole story
    text = "Tell me about the most impactful ML project you led at your last job."
    assert bank(capsys, monkeypatch, "add", "--text", text, "--round", "project_deep_dive")[0] == 0
    code, out, _ = bank(
        capsys, monkeypatch, "practice", "my-1", "--json", "--no-save", stdin=ANSWER
    )
    assert code == 0 and json.loads(out)["schema"] == "deepdive.analysis/1"


def test_add_import_export_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = bank(
        capsys,
        monkeypatch,
        "add",
        "--text",
        "How would you shard a feature store?",
        "--company",
        "Acme",
    )
    assert code == 0 and out.startswith("Added: my-1")
    md = tmp_path / "loop.md"
    md.write_text(
        "## company: Beta\n- How would you shard a feature store?\n- What is a p-value?\n"
    )
    code, out, _ = bank(capsys, monkeypatch, "import", str(md))
    assert code == 0 and "0 added, 2 reported again" in out
    code, out, _ = bank(capsys, monkeypatch, "list", "--company", "beta", "--json")
    # both were asked at Beta: the report of your own question keeps the company too
    assert [q["id"] for q in json.loads(out)] == ["br-p-value", "my-1"]
    exported = tmp_path / "mine.yaml"
    assert bank(capsys, monkeypatch, "export", "-o", str(exported))[0] == 0
    assert "shard a feature store" in exported.read_text()
    # deleting asks first: with no terminal to answer on, only --yes deletes
    code, _, err = bank(capsys, monkeypatch, "delete", "my-1")
    assert code == 1 and "nothing deleted (confirm with --yes)" in err
    assert bank(capsys, monkeypatch, "show", "my-1")[0] == 0
    code, out, _ = bank(capsys, monkeypatch, "delete", "my-1", "--yes")
    assert code == 0 and "Deleted my-1" in out


def test_bad_import_names_lines_and_imports_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    private_database: str,
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("text,difficulty\nGood question?,2\nBad one?,9\n", encoding="utf-8")
    code, _, err = bank(capsys, monkeypatch, "import", str(bad))
    assert code == 1
    assert "bad.csv:3: difficulty must be 1, 2 or 3" in err and "nothing was imported" in err
    assert list_user_questions(Store(private_database)) == []


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("show", "nope"), 2, "no question with id 'nope'"),
        (("import", "questions.docx"), 2, "no such file: questions.docx"),
        (("import", str(ROOT / "pyproject.toml")), 1, "unknown file type"),
        (("import", "missing.yaml"), 2, "no such file: missing.yaml"),
        (("delete", "depth-batchnorm"), 2, "no question of yours with id"),
        (("random", "--company", "Nowhere"), 2, "no question matches these filters"),
        (("practice", "depth-batchnorm"), 1, "the answer is empty"),
        (("add",), 2, "give the question with --text"),
        (("add", "--text", "Why that loss?", "--asked", "soon"), 1, "date asked 'soon'"),
        (("search", "x", "--limit", "0"), 2, "--limit must be at least 1"),
        (("show", "br-precison-recall"), 2, "did you mean br-precision-recall?"),
        (("show", "precision"), 2, "find one with: deepdive bank search 'precision'"),
        (("show", "sd-zorblax-wibble"), 2, "deepdive bank search 'zorblax wibble'"),
        (("list", "--mine", "--topic", "nlpp"), 2, "did you mean nlp?"),
        (("random", "--topic", "evaluaton"), 2, "no question has the topic 'evaluaton'; did you"),
        (("random", "--topic", "zzzz"), 2, "topics include"),
    ],
)
def test_errors_are_one_line_with_an_exit_code(
    args: tuple[str, ...],
    code: int,
    message: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    got, _, err = bank(capsys, monkeypatch, *args)
    assert got == code and message in err and "Traceback" not in err


def test_an_unreachable_store_still_lists_the_shipped_bank(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    code, out, err = bank(capsys, monkeypatch, "list", "--round", "ml_depth")
    assert code == 0 and "depth-batchnorm" in out and "shipped bank only" in err


@pytest.mark.skipif(not shutil.which("tmux"), reason="tmux is not installed")
def test_interactive_add_and_typed_practice(tmp_path: Path, private_database: str) -> None:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONIOENCODING": "utf-8",
        "LANG": "C.UTF-8",
        "DATABASE_URL": private_database,
    }
    t = Tmux([sys.executable, "-m", "deepdive", "bank", "add"], tmp_path, env)
    try:
        t.wait_for("Question:")
        t.line("How would you detect label noise in a large dataset?")
        t.wait_for("Round (")
        t.line("")
        t.wait_for("Company")
        t.line("Acme")
        t.wait_for("Date asked")
        t.line("2026-05")
        t.wait_for("Topics")
        t.line("data quality")
        t.wait_for("Key point")
        t.line("look at disagreements between the model and the labels")
        t.wait_for("Key point", count=2)
        t.line("")
        t.wait_for("Follow-up")
        t.line("")
        t.wait_for("EXIT=0")
    finally:
        t.close()
    (q,) = list_user_questions(Store(private_database))
    assert q.company == "Acme" and q.asked_on == "2026-05" and q.key_points
    t = Tmux([sys.executable, "-m", "deepdive", "bank", "practice", q.id], tmp_path, env)
    try:
        t.wait_for("Finish with a line holding only '.'")
        t.line("I would train a model and look at disagreements between the model and the labels.")
        t.line(".")
        screen = t.wait_for("EXIT=0")
    finally:
        t.close()
    assert "Key points covered: 1 of 1" in screen


def test_plan_matches_golden_and_practice_feeds_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ("plan", "--round", "ml_depth", "--days", "3", "--per-day", "2", "--start", "2026-12-04")
    code, out, _ = bank(capsys, monkeypatch, *args, "--width", "80")
    assert code == 0
    _golden("bank_plan.txt", out)
    weak = tmp_path / "weak.txt"
    weak.write_text(
        "Dropout is a regularizer that helps neural networks generalize.", encoding="utf-8"
    )
    _, before, _ = bank(capsys, monkeypatch, *args, "--json")
    bank(capsys, monkeypatch, "practice", "depth-dropout", "--answer", str(weak), "--no-save")
    _, after, _ = bank(capsys, monkeypatch, *args, "--json")
    assert after == before  # nothing saved
    code, _, _ = bank(capsys, monkeypatch, "practice", "depth-dropout", "--answer", str(weak))
    assert code == 0
    later = (date.today() + timedelta(days=5)).isoformat()
    code, out, _ = bank(
        capsys,
        monkeypatch,
        "plan",
        "--round",
        "ml_depth",
        "--days",
        "3",
        "--start",
        later,
        "--json",
    )
    first = json.loads(out)["items"][0]
    assert first["question"] == "depth-dropout" and first["focus"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--days", "0"), "--days must be between 1 and 90"),
        (("--per-day", "50"), "--per-day must be between 1 and 20"),
        (("--start", "tomorrow"), "--start must be a date"),
    ],
)
def test_plan_refuses_bad_options(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    message: str,
) -> None:
    code, _, err = bank(capsys, monkeypatch, "plan", *args)
    assert code == 2 and message in err


def test_lint_reports_the_shipped_bank_clean(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = bank(capsys, monkeypatch, "lint")
    assert code == 0 and out.endswith("questions, no problems\n")
    code, out, _ = bank(capsys, monkeypatch, "lint", "--json")
    assert code == 0 and json.loads(out)["problems"] == []


@pytest.mark.parametrize(
    "args",
    [("show", ""), ("show", "  "), ("search", ""), ("search", "   ")],
)
def test_an_empty_id_or_query_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: tuple[str, str]
) -> None:
    code, _out, err = bank(capsys, monkeypatch, *args)
    assert code == 2 and "empty" in err and "Traceback" not in err


def test_listed_questions_are_shown_whole_wrapped_under_their_column() -> None:
    from deepdive.bank import find, shipped
    from deepdive.bank_cli import render_rows

    q = find(shipped(), "sd-feed-ranking")
    out = render_rows([(q, None)], 70)
    assert all(len(line) <= 70 for line in out.splitlines()) and len(out.splitlines()) > 2
    assert (
        " ".join(
            line[len("sd-feed-ranking") + 2 + 20 + 7 :].strip() for line in out.splitlines()[1:]
        )
        == q.text
    )


def test_a_question_without_key_points_is_said_before_the_answer_is_read(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "How would you explain gradient checkpointing to a new teammate?"
    assert bank(capsys, monkeypatch, "add", "--text", text, "--round", "ml_depth")[0] == 0
    # the answer file does not exist: the key points are what is said, before it is opened
    code, out, err = bank(capsys, monkeypatch, "practice", "my-1", "--answer", "/no/such/file")
    assert code == 1 and "has no key points to check against" in err and not out


@pytest.mark.parametrize("name", ["ml_depth", "depth", "ML depth", "ml-depth", "Depth"])
def test_a_round_is_taken_by_the_name_people_say(
    name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = bank(capsys, monkeypatch, "random", "--round", name, "--json", "--seed", "3")
    assert code == 0 and json.loads(out)["round"] == "ml_depth"


def test_an_unknown_round_is_a_usage_error_naming_the_rounds(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(SystemExit) as stop:
        bank(capsys, monkeypatch, "random", "--round", "nonsense")
    err = capsys.readouterr().err
    assert stop.value.code == 2 and "unknown round 'nonsense' (one of project_deep_dive" in err


def test_search_says_what_to_do_next_off_the_table(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = bank(capsys, monkeypatch, "search", "dropout", "--limit", "1")
    assert code == 0 and "depth-dropout" in out and "deepdive bank" not in out
    assert "deepdive bank practice depth-dropout" in err


def test_an_id_is_found_whatever_its_case_or_spaces(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = bank(capsys, monkeypatch, "show", " DEPTH-DROPOUT ", "--json")
    assert code == 0 and json.loads(out)["id"] == "depth-dropout"
