"""The interactive drill driven in a real terminal (tmux): replies, skip, quit, Ctrl-D, an
empty reply, a 5,000-word reply and bytes that are not UTF-8."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.terminal import Tmux

pytestmark = pytest.mark.skipif(not shutil.which("tmux"), reason="tmux is not installed")
OVERVIEW = Path(__file__).parent / "drill" / "overview.txt"


@pytest.fixture
def drill(tmp_path: Path) -> Iterator[Tmux]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONIOENCODING": "utf-8",
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
    }
    cmd = [sys.executable, "-m", "deepdive", "drill", str(OVERVIEW), "--seed", "1", "--max", "4"]
    t = Tmux(cmd, tmp_path, env)
    t.wait_for("Q1/4")
    yield t
    t.close()


def test_reply_skip_and_quit(drill: Tmux) -> None:
    drill.line("LightGBM, because it beat logistic regression by 7 points of precision and a")
    drill.line("deep model was too slow to serve.")
    drill.line()
    screen = drill.wait_for("Q2/4")
    assert "✓" in screen
    drill.line("skip")
    drill.line()
    drill.wait_for("Q3/4")
    assert "(skipped)" in drill.screen()
    drill.line("quit")
    drill.line()
    screen = drill.wait_for("EXIT=0")
    assert "Drill summary" in screen and "Rehearse next" in screen
    assert "Traceback" not in screen


def test_ctrl_d_on_an_empty_reply_ends_with_summary(drill: Tmux) -> None:
    drill.ctrl_d()
    screen = drill.wait_for("EXIT=0")
    assert "Drill summary" in screen and "Asked 0" in screen


def test_ctrl_d_finishes_a_reply_and_the_drill_goes_on(drill: Tmux) -> None:
    drill.line("I'd say it was mostly luck, honestly, we did not measure much.")
    drill.ctrl_d()
    drill.wait_for("Q2/4")
    drill.ctrl_d()  # on an empty reply: the drill ends
    screen = drill.wait_for("EXIT=0")
    assert "Asked 1" in screen and "Traceback" not in screen


def test_empty_reply_counts_as_skipped(drill: Tmux) -> None:
    drill.line()
    screen = drill.wait_for("Q2/4")
    assert "(skipped)" in screen


def test_five_thousand_word_reply(drill: Tmux) -> None:
    sentence = "because we compared it against logistic regression on a held-out month "
    words = (sentence * 500).split()[:5000]
    lines = [" ".join(words[i : i + 20]) for i in range(0, len(words), 20)]
    drill.paste("\n".join(lines) + "\n")
    drill.line()
    screen = drill.wait_for("Q2/4", timeout=60)
    assert "→" in screen.split("Q2/4")[0]
    assert "Traceback" not in screen


def test_non_utf8_bytes(drill: Tmux) -> None:
    drill.type("We chose it because ")
    drill.hex_bytes(b"\xff\xfe")
    drill.line(" it was faster than the baseline.")
    drill.line()
    screen = drill.wait_for("Q2/4")
    assert "not UTF-8" in screen
    assert "Traceback" not in screen


def test_an_empty_line_after_skip_skips_nothing_more(drill: Tmux) -> None:
    drill.line("skip")
    drill.line()  # out of habit: every reply ends with an empty line
    drill.wait_for("Q2/4")
    drill.line("quit")
    screen = drill.wait_for("EXIT=0")
    assert "skipped 1; 2 not reached." in screen, screen
