"""Drive a real terminal program with tmux: type, read the screen, wait for text."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import time
import uuid
from pathlib import Path


class Tmux:
    def __init__(
        self, command: list[str], cwd: Path, env: dict[str, str], width: int = 120
    ) -> None:
        if not shutil.which("tmux"):
            raise RuntimeError("tmux is not installed (apt-get install tmux)")
        self.socket = f"deepdive-{uuid.uuid4().hex[:8]}"
        self.log = cwd / "tmux-output.txt"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items() if k.isidentifier())
        shell = f"env {exports} {shlex.join(command)}; echo EXIT=$?; sleep 30"
        self._tmux(
            "new-session", "-d", "-s", "t", "-x", str(width), "-y", "50", "-c", str(cwd), shell
        )
        self._tmux("set-option", "-t", "t", "history-limit", "20000")

    def _tmux(self, *args: str) -> str:
        r = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True)
        return r.stdout

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", "t", "-l", text)

    def enter(self) -> None:
        self._tmux("send-keys", "-t", "t", "Enter")

    def line(self, text: str = "") -> None:
        if text:
            self.type(text)
        self.enter()

    def ctrl_d(self) -> None:
        self._tmux("send-keys", "-t", "t", "C-d")

    def hex_bytes(self, data: bytes) -> None:
        self._tmux("send-keys", "-t", "t", "-H", *[f"{b:02x}" for b in data])

    def paste(self, text: str) -> None:
        path = self.log.with_suffix(".paste")
        path.write_text(text, encoding="utf-8")
        self._tmux("load-buffer", str(path))
        self._tmux("paste-buffer", "-t", "t")

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-J", "-t", "t", "-S", "-20000")

    def wait_for(self, needle: str, timeout: float = 20.0, count: int = 1) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.screen()
            if text.count(needle) >= count:
                return text
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {needle!r}; screen:\n{self.screen()[-3000:]}")

    def close(self) -> None:
        self._tmux("kill-server")
