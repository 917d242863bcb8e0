"""The interactive story builder driven in a real terminal (tmux)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from deepdive.store import Store
from tests.terminal import Tmux

pytestmark = pytest.mark.skipif(not shutil.which("tmux"), reason="tmux is not installed")


def _start(tmp_path: Path, url: str, *args: str) -> Tmux:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONIOENCODING": "utf-8",
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "DATABASE_URL": url,
    }
    return Tmux([sys.executable, "-m", "deepdive", "prep", "demo", *args], tmp_path, env)


def test_interactive_prep_nudges_and_saves(tmp_path: Path, private_database: str) -> None:
    t = _start(tmp_path, private_database)
    try:
        t.wait_for("team / switcher / solo")
        t.line("switcher")
        t.wait_for("What changed because of your project?")
        t.line("It worked really well.")
        t.wait_for("Add a number")
        t.line("Cut bread waste by about a fifth in a simulation.")
        t.wait_for("better.")
        t.wait_for("Who had the problem")
        t.line("skip")
        t.wait_for("How did you turn it into an ML task")
        t.line("quit")
        screen = t.wait_for("EXIT=0")
        assert "Saved the fact sheet 'demo' (stopped early)" in screen
        assert "2-3 minute outline" in screen and "Traceback" not in screen
    finally:
        t.close()
    persona, entries = Store(private_database).get_fact_sheet("demo")
    assert persona == "switcher"
    assert entries == {"impact": "Cut bread waste by about a fifth in a simulation."}


def test_ctrl_d_saves_what_was_written_and_editing_keeps_entries(
    tmp_path: Path, private_database: str
) -> None:
    t = _start(tmp_path, private_database, "--persona", "solo")
    try:
        t.wait_for("What changed because of your project?")
        t.line("Cut review time by 40% for the support team.")
        t.wait_for("Who had the problem")
        t.ctrl_d()
        t.wait_for("EXIT=0")
    finally:
        t.close()
    t = _start(tmp_path, private_database)
    try:
        t.wait_for("team / switcher / solo [solo]")
        t.line()
        t.wait_for("[now: Cut review time by 40%")
        t.line()
        t.wait_for("Who had the problem")
        t.line("Support agents spent an hour a day routing tickets by hand.")
        t.wait_for("How did you turn it into an ML task")
        t.line("quit")
        t.wait_for("EXIT=0")
    finally:
        t.close()
    _, entries = Store(private_database).get_fact_sheet("demo")
    assert entries["impact"].startswith("Cut review time by 40%")
    assert entries["business"].startswith("Support agents")
