"""The command line as a user runs it: output, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import DEEPDIVE
from tests.test_analysis import ANSWER, check_schema


def run(
    args: list[str], env: dict[str, str], stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*DEEPDIVE, *args], input=stdin, capture_output=True, env=env, timeout=60)


def test_analyze_json(tmp_path: Path, cli_env: dict[str, str]) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ANSWER, encoding="utf-8")
    r = run(["analyze", str(f), "--json"], cli_env)
    assert r.returncode == 0, r.stderr
    check_schema(json.loads(r.stdout), ANSWER)


def test_analyze_stdin_report(cli_env: dict[str, str]) -> None:
    r = run(["analyze", "-"], cli_env, ANSWER.encode())
    assert r.returncode == 0
    out = r.stdout.decode()
    for heading in ("Scores", "Parts and time", "Findings", "Follow-ups to prepare"):
        assert heading in out
    assert "[hook]" in out


def test_markdown(cli_env: dict[str, str]) -> None:
    r = run(["analyze", "-", "--markdown"], cli_env, ANSWER.encode())
    assert r.returncode == 0
    assert r.stdout.decode().startswith("# deepdive report")


def test_demo(cli_env: dict[str, str]) -> None:
    r = run(["demo", "--width", "100"], cli_env)
    assert r.returncode == 0
    assert "Follow-ups to prepare" in r.stdout.decode()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("caf\u00e9 ".encode("latin-1") * 3, "not UTF-8"),
        (b"word " * 30000, "limit is 100 KB"),
        (
            (
                "Wir haben ein Modell trainiert, das die Betrugsfälle um ein Drittel reduziert "
                "hat, und die Daten kamen aus den Transaktionen der letzten zwei Jahre."
            ).encode(),
            "English",
        ),
        # a greeting or a test line is no deep dive, and is not kept
        (b"Hi.", "the answer has 1 word; write at least 30"),
        (b"We used XGBoost and it worked well.", "has 7 words"),
    ],
)
def test_bad_input_is_refused_in_one_line(
    data: bytes, reason: str, cli_env: dict[str, str]
) -> None:
    r = run(["analyze", "-"], cli_env, data)
    assert r.returncode == 1
    err = r.stderr.decode()
    assert reason in err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    assert "No attempts" in run(["history"], cli_env).stdout.decode()
    assert r.stdout == b""


def test_missing_file_is_a_usage_error(cli_env: dict[str, str], tmp_path: Path) -> None:
    r = run(["analyze", str(tmp_path / "nope.txt")], cli_env)
    assert r.returncode == 2
    assert "no such file" in r.stderr.decode()


def test_directory_is_a_usage_error(cli_env: dict[str, str], tmp_path: Path) -> None:
    r = run(["analyze", str(tmp_path)], cli_env)
    assert r.returncode == 2


def test_unknown_option_is_a_usage_error(cli_env: dict[str, str]) -> None:
    r = run(["analyze", "--bogus", "-"], cli_env, b"x")
    assert r.returncode == 2


def test_json_and_markdown_are_exclusive(cli_env: dict[str, str]) -> None:
    r = run(["analyze", "-", "--json", "--markdown"], cli_env, ANSWER.encode())
    assert r.returncode == 2


def test_checks_listing_and_detail(cli_env: dict[str, str]) -> None:
    r = run(["checks"], cli_env)
    assert r.returncode == 0
    assert "no_baseline" in r.stdout.decode()
    r = run(["checks", "no_baseline"], cli_env)
    assert r.returncode == 0
    assert "Why interviewers care" in r.stdout.decode()
    r = run(["checks", "nope"], cli_env)
    assert r.returncode == 2


def test_no_command_prints_help(cli_env: dict[str, str]) -> None:
    r = run([], cli_env)
    assert r.returncode == 2
    assert b"analyze" in r.stdout


def test_version(cli_env: dict[str, str]) -> None:
    r = run(["--version"], cli_env)
    assert r.returncode == 0
    assert r.stdout.decode().startswith("deepdive ")


def test_too_big_a_file_says_its_real_size(tmp_path: Path, cli_env: dict[str, str]) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(b"a" * 10_000_000)
    r = run(["analyze", str(f)], cli_env)
    assert r.returncode != 0
    assert b"is 10.0 MB; the limit is 100 KB" in r.stderr and b"Traceback" not in r.stderr
    r = run(["analyze", "-"], cli_env, b"word " * 30_000)
    assert r.returncode != 0 and b"over 100 KB" in r.stderr


def test_a_corrupt_database_prints_the_report_and_exits_1(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    db = tmp_path / "corrupt.db"
    db.write_bytes(b"not a database " * 500)
    r = run(["--db", f"sqlite:///{db}", "analyze", "-", "--json"], cli_env, ANSWER.encode())
    assert r.returncode == 1
    assert json.loads(r.stdout)["schema"] == "deepdive.analysis/1"  # the report is not lost
    err = r.stderr.decode()
    assert err.count("\n") == 1 and "file is not a database" in err and "sqlalche.me" not in err


def test_an_empty_database_file_is_noted(tmp_path: Path, cli_env: dict[str, str]) -> None:
    db = tmp_path / "empty.db"
    db.write_bytes(b"")
    r = run(["--db", f"sqlite:///{db}", "analyze", "-", "--json"], cli_env, ANSWER.encode())
    assert r.returncode == 0 and b"was an empty file" in r.stderr


def test_serve_on_a_busy_port_says_so(cli_env: dict[str, str]) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        r = run(["serve", "--port", str(port)], cli_env)
    assert r.returncode == 1
    assert b"already in use" in r.stderr and b"is running" not in r.stdout


def test_nul_characters_get_one_rule_everywhere(cli_env: dict[str, str]) -> None:
    from deepdive.inputs import InputError, validate

    with pytest.raises(InputError, match="NUL"):
        validate("I built a model\x00 that people liked a lot.")
    r = run(["analyze", "-"], cli_env, b"I built a model\x00 that people liked a lot.")
    assert r.returncode != 0 and b"binary" in r.stderr


@pytest.mark.parametrize("width", ["0", "-5", "5", "49", "1001", "wide"])
def test_a_width_no_report_fits_is_refused_with_a_message(width: str) -> None:
    for args in (
        ["analyze", "--no-save", "--width", width, "-"],
        ["bank", "show", "depth-dropout", "--width", width],
    ):
        r = subprocess.run(
            [*DEEPDIVE, *args], input="x", capture_output=True, text=True, timeout=60
        )
        assert r.returncode == 2 and "--width" in r.stderr and "Traceback" not in r.stderr
        assert r.stdout == ""


def test_a_utf16_answer_is_held_to_the_limit_by_its_text(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    text = (
        "I built a churn model for a subscription app and it cut churn by eight percent. " * 900
    )[:71000]
    answer = tmp_path / "answer16.txt"
    answer.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))  # 142 KB on disk
    r = run(["analyze", "--no-save", "--json", str(answer)], cli_env)
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("command", [["followups", "-"], ["drill", "-", "--replies", "REPLIES"]])
@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"Hi.", "write at least 30"), (b"", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary")],
)
def test_follow_ups_and_the_drill_refuse_what_analyze_refuses(
    command: list[str], data: bytes, reason: str, cli_env: dict[str, str], tmp_path: Path
) -> None:
    replies = tmp_path / "replies.txt"
    replies.write_text("We compared it with the rules engine on the same month.\n")
    args = [str(replies) if a == "REPLIES" else a for a in command]
    r = run(args, cli_env, data)
    err = r.stderr.decode()
    assert r.returncode == 1 and reason in err and "Traceback" not in err, err
    assert r.stdout == b""


@pytest.mark.parametrize(
    "command",
    [["prep", "--from"], ["import"], ["bank", "import"], ["analyze"]],
)
def test_a_directory_or_a_missing_file_is_named_as_such(
    command: list[str], cli_env: dict[str, str], tmp_path: Path
) -> None:
    r = run([*command, str(tmp_path)], cli_env)
    assert r.returncode == 2 and "is a directory, not a file" in r.stderr.decode()
    r = run([*command, str(tmp_path / "nosuch.md")], cli_env)
    assert r.returncode == 2 and "no such file" in r.stderr.decode()


def test_a_bad_replies_file_is_named(cli_env: dict[str, str], tmp_path: Path) -> None:
    overview = tmp_path / "overview.txt"
    overview.write_text(ANSWER)
    replies = tmp_path / "replies.dat"
    replies.write_bytes(bytes(range(256)) * 2)
    r = run(["drill", str(overview), "--replies", str(replies)], cli_env)
    err = r.stderr.decode()
    assert r.returncode == 1 and f"the replies file {replies} looks like a binary file" in err


def test_followups_with_a_seed_lists_what_drill_with_that_seed_asks(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    overview = tmp_path / "o.txt"
    overview.write_text(ANSWER, encoding="utf-8")
    listed = run(["followups", str(overview), "--seed", "5", "--json"], cli_env)
    planned = [q["question"] for q in json.loads(listed.stdout)["questions"]]
    replies = tmp_path / "r.txt"
    replies.write_text("\n---\n".join(["It was a trade-off on latency."] * 9), encoding="utf-8")
    args = ["drill", str(overview), "--replies", str(replies), "--seed", "5", "--json", "--no-save"]
    asked = json.loads(run(args, cli_env).stdout)
    assert [t["question"] for t in asked["turns"]] == planned[: len(asked["turns"])] and planned


@pytest.mark.parametrize(("count", "said"), [(1, "unasked"), (20, "not used")])
def test_replies_that_do_not_line_up_with_the_questions_get_a_note(
    tmp_path: Path, cli_env: dict[str, str], count: int, said: str
) -> None:
    overview = tmp_path / "o.txt"
    overview.write_text(ANSWER, encoding="utf-8")
    replies = tmp_path / "r.txt"
    replies.write_text("\n---\n".join(["It was a trade-off on latency."] * count), encoding="utf-8")
    args = ["drill", str(overview), "--replies", str(replies), "--json", "--no-save"]
    r = run(args, cli_env)
    assert r.returncode == 0, r.stderr
    assert said in r.stderr.decode() and "deepdive: note:" in r.stderr.decode()
    json.loads(r.stdout)  # the record itself is untouched


def test_replies_for_every_question_need_no_note(tmp_path: Path, cli_env: dict[str, str]) -> None:
    overview = tmp_path / "o.txt"
    overview.write_text(ANSWER, encoding="utf-8")
    planned = json.loads(run(["followups", str(overview), "--seed", "2", "--json"], cli_env).stdout)
    replies = tmp_path / "r.txt"
    text = "\n---\n".join(["It was a trade-off on latency."] * len(planned["questions"]))
    replies.write_text(text, encoding="utf-8")
    args = ["drill", str(overview), "--replies", str(replies), "--seed", "2", "--json", "--no-save"]
    r = run(args, cli_env)
    assert r.returncode == 0 and b"note:" not in r.stderr, r.stderr
