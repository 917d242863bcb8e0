"""`deepdive history`, `export`, `import` and saving from `analyze`/`drill`, as a user runs them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import DEEPDIVE

OVERVIEW = Path(__file__).parent / "drill" / "overview.txt"


def run(
    args: list[str], env: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*DEEPDIVE, *args], input=stdin, capture_output=True, text=True, env=env, timeout=60
    )


def _history(env: dict[str, str], *extra: str) -> list[dict[str, object]]:
    r = run(["history", "--json", *extra], env)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_analyze_saves_unless_told_not_to(cli_env: dict[str, str]) -> None:
    r = run(
        ["analyze", str(OVERVIEW), "--project", "fraud", "--tag", "v1", "--width", "80"], cli_env
    )
    assert r.returncode == 0 and "Saved as attempt 1" in r.stdout
    run(["analyze", str(OVERVIEW), "--json"], cli_env)
    run(["analyze", str(OVERVIEW), "--no-save"], cli_env)
    rows = _history(cli_env)
    assert len(rows) == 2
    assert _history(cli_env, "--project", "fraud")[0]["tags"] == ["v1"]


def test_history_show_and_delete(cli_env: dict[str, str]) -> None:
    run(["analyze", str(OVERVIEW)], cli_env)
    r = run(["history", "show", "1", "--json"], cli_env)
    assert json.loads(r.stdout)["schema"] == "deepdive.analysis/1"
    r = run(["history", "show", "99"], cli_env)
    assert r.returncode == 2 and "no attempt with id 99" in r.stderr
    r = run(["history", "delete", "1"], cli_env, stdin="y\n")  # not a terminal: does not ask
    assert r.returncode == 1 and "nothing deleted" in r.stderr
    assert len(_history(cli_env)) == 1
    r = run(["history", "delete", "1", "--yes"], cli_env)
    assert r.returncode == 0 and _history(cli_env) == []


def test_delete_all_needs_confirmation(cli_env: dict[str, str]) -> None:
    for _ in range(2):
        run(["analyze", str(OVERVIEW)], cli_env)
    assert run(["history", "delete", "--all"], cli_env).returncode == 1
    r = run(["history", "delete", "--all", "--yes"], cli_env)
    assert r.returncode == 0 and "Deleted 2" in r.stdout


def test_an_id_with_all_deletes_nothing(cli_env: dict[str, str]) -> None:
    for _ in range(2):
        run(["analyze", str(OVERVIEW)], cli_env)
    r = run(["history", "delete", "2", "--all", "--yes"], cli_env)
    assert r.returncode == 2 and "not both" in r.stderr
    assert len(_history(cli_env)) == 2


def test_options_before_the_subcommand_apply_or_are_refused(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    run(["analyze", str(OVERVIEW), "--project", "fraud"], cli_env)
    run(["analyze", str(OVERVIEW), "--project", "churn"], cli_env)
    r = run(["history", "--project", "churn", "trend", "--json"], cli_env)
    assert r.returncode == 0 and json.loads(r.stdout)["attempts"] == 1
    assert json.loads(run(["history", "trend", "--json"], cli_env).stdout)["attempts"] == 2
    svg = tmp_path / "trend.svg"
    r = run(["history", "trend", "--json", "--svg", str(svg)], cli_env)
    assert json.loads(r.stdout)["attempts"] == 2 and f"Wrote {svg}" in r.stderr  # JSON kept whole
    assert "TOP_" not in run(["history", "--help"], cli_env).stdout
    r = run(["history", "--since", "2020-01-01", "trend"], cli_env)
    assert r.returncode == 2 and "--since does not apply to 'history trend'" in r.stderr
    r = run(["history", "trend", "--project", "nosuch"], cli_env)
    assert r.returncode == 0 and "No attempts for the project 'nosuch'" in r.stdout
    for limit in ("0", "-1"):
        r = run(["history", "list", "--limit", limit], cli_env)
        assert r.returncode == 2 and "--limit must be at least 1" in r.stderr
    assert len(_history(cli_env, "--limit", "1")) == 1


def test_trend_text_svg_png(cli_env: dict[str, str], tmp_path: Path) -> None:
    weak = tmp_path / "weak.txt"
    weak.write_text(
        "We had a project at work about customers and we used XGBoost for it because everyone "
        "uses it. We trained it on the data we had and it worked well, and people liked it, so "
        "we shipped it and moved on to the next thing.",
        encoding="utf-8",
    )
    run(["analyze", str(weak)], cli_env)
    run(["analyze", str(OVERVIEW)], cli_env)
    svg, png = tmp_path / "t.svg", tmp_path / "t.png"
    r = run(["history", "trend", "--svg", str(svg), "--png", str(png)], cli_env)
    assert r.returncode == 0, r.stderr
    assert "2 attempts" in r.stdout and "Overall" in r.stdout
    assert svg.read_text(encoding="utf-8").startswith("<svg") and "<polyline" in svg.read_text()
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from matplotlib.image import imread

    assert imread(str(png)).shape[0] > 100


def test_export_import_via_cli(cli_env: dict[str, str], tmp_path: Path) -> None:
    run(["analyze", str(OVERVIEW), "--project", "x"], cli_env)
    out = tmp_path / "all.json"
    assert run(["export", str(out)], cli_env).returncode == 0
    other = dict(cli_env, DATABASE_URL=f"sqlite:///{tmp_path / 'other.db'}")
    r = run(["import", str(out)], other)
    assert (
        r.returncode == 0 and "Imported 1 attempt (0 already there), 0 drill sessions" in r.stdout
    )
    r = run(["import", str(out)], other)
    assert "Imported 0 attempts (1 already there)" in r.stdout
    questions = tmp_path / "mine.yaml"
    questions.write_text("- text: What is a p-value?\n  round: ml_breadth\n", encoding="utf-8")
    r = run(["import", str(questions)], other)
    assert r.returncode == 1 and "a file of questions goes to 'deepdive bank import'" in r.stderr
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"schema": "deepdive.export/7", "attempts": [], "drill_sessions": []}', encoding="utf-8"
    )
    r = run(["import", str(bad)], other)
    assert r.returncode == 1 and "newer deepdive" in r.stderr and "nothing was imported" in r.stderr
    assert run(["import", str(tmp_path / "missing.json")], other).returncode == 2


def test_drill_saves_its_session(cli_env: dict[str, str], tmp_path: Path) -> None:
    replies = tmp_path / "r.txt"
    replies.write_text(
        "Because it beat the baseline by 7 points [/red] with lags [lag_1, lag_7].\n",
        encoding="utf-8",
    )
    r = run(
        ["drill", str(OVERVIEW), "--replies", str(replies), "--json", "--project", "fraud"], cli_env
    )
    assert r.returncode == 0, r.stderr
    from deepdive.store import Store

    store = Store(cli_env["DATABASE_URL"])
    rows = store.list_attempts(project="fraud")
    assert len(rows) == 1
    assert len(store.list_drills(rows[0].uid)) == 1
    # the history shows which attempts were drilled, and the drill itself
    listed = run(["history"], cli_env).stdout
    assert "drills" in listed.splitlines()[0] and listed.splitlines()[1].split()[5] == "1"
    assert _history(cli_env)[0]["drills"] == 1
    shown = run(["history", "show", str(rows[0].id), "--width", "100"], cli_env).stdout
    assert "Drill of" in shown and "Q1." in shown
    assert "by 7 points [/red] with lags [lag_1, lag_7]." in shown and "Drill summary" in shown
    # a drill started (on the web) and left before any question is neither counted nor shown
    store.save_drill({"turns": []}, attempt_uid=rows[0].uid)
    assert run(["history"], cli_env).stdout.splitlines()[1].split()[5] == "1"
    assert run(["history", "show", str(rows[0].id)], cli_env).stdout.count("Drill of") == 1


def test_broken_database_is_reported_not_a_traceback(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    env = dict(cli_env, DATABASE_URL=f"sqlite:///{bad}")
    r = run(["history"], env)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    r = run(["analyze", str(OVERVIEW), "--json"], env)
    assert r.returncode == 1 and "not saved to history" in r.stderr  # report printed, not saved
    json.loads(r.stdout)


def test_a_read_only_store_gets_one_line_and_status_1_everywhere(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    db = tmp_path / "ro.db"
    run(["history"], dict(cli_env, DATABASE_URL=f"sqlite:///{db}"))  # create it
    env = dict(cli_env, DATABASE_URL=f"sqlite:///file:{db}?mode=ro&uri=true")
    replies = tmp_path / "replies.txt"
    replies.write_text("I compared it with the rules engine.\n---\nWe held out the last month.\n")
    answer = tmp_path / "bn.txt"
    answer.write_text("It normalises each feature with the batch mean and variance.\n")
    for args in (
        ["analyze", str(OVERVIEW)],
        ["drill", str(OVERVIEW), "--replies", str(replies)],
        ["drill", str(OVERVIEW), "--replies", str(replies), "--json"],
        ["bank", "practice", "depth-batchnorm", "--answer", str(answer)],
        ["bank", "add", "--text", "How would you design a feature store for fraud models?"],
    ):
        r = run(args, env)
        assert r.returncode == 1, (args, r.stderr)
        assert "readonly database" in r.stderr and "[SQL:" not in r.stderr, (args, r.stderr)
        assert "Traceback" not in r.stderr


def test_exports_to_a_bad_place_say_so_and_leave_nothing(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    run(["analyze", str(OVERVIEW)], cli_env)
    out = tmp_path / "out"
    out.mkdir()
    for args in (
        ["export", str(out / "missing" / "x.json")],
        ["export", str(out)],
        ["history", "trend", "--svg", str(out / "missing" / "t.svg")],
        ["history", "trend", "--svg", str(out)],
    ):
        r = run(args, cli_env)
        assert r.returncode == 1, args
        assert "Traceback" not in r.stderr and "deepdive: cannot write" in r.stderr, r.stderr
    assert list(out.iterdir()) == [] and not (tmp_path / "out.tmp").exists()


def test_history_list_shows_tags(cli_env: dict[str, str]) -> None:
    run(["analyze", str(OVERVIEW), "--tag", "second-try", "--tag", "calm"], cli_env)
    run(["analyze", str(OVERVIEW), "--project", "fraud"], cli_env)
    lines = run(["history"], cli_env).stdout.splitlines()
    assert lines[0].split()[-2:] == ["project", "tags"]
    tagged = [line for line in lines if "#second-try" in line]
    assert len(tagged) == 1 and "#calm" in tagged[0]
    assert not any("#" in line for line in lines if "fraud" in line)
