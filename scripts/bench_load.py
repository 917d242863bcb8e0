"""Load figures for ``make bench``: the web server under many people practising at once.

Each measure starts ``deepdive serve --workers 2`` on a fresh SQLite file and drives it from
this process over loopback:

* **open loop** — a 300-word answer posted to ``/api/analyze`` at a fixed rate (10 a second)
  for ``BENCH_LOAD_SECONDS`` (60), whether or not earlier requests have finished, the way
  independent users arrive: p50 / p99 latency and errors;
* **capacity** — back-to-back requests from 4 clients for 15 s: analyses a second, and per core;
* **pages under heavy posts** — 8 clients posting 100 KB answers non-stop while a ninth fetches
  ``/static/app.js`` and ``/`` ten times a second: p99 of those GETs (the event loop must stay
  free while analyses run);
* **memory under big bodies** — 20 uploads of a 24 MB file at once to ``/practise/audio``:
  peak resident memory of the server and its workers together.
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

WORKERS = 2
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "60"))


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    port: int

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def start(tmp: Path, name: str) -> Server:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [
            *(sys.executable, "-m", "deepdive", "--db", f"sqlite:///{tmp / (name + '.db')}"),
            *("serve", "--port", str(port), "--workers", str(WORKERS)),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = Server(proc, port)
    for _ in range(150):
        try:
            if httpx.get(server.base + "/", timeout=2).status_code == 200:
                # both workers warm: the first analysis in a process loads the vocabularies
                for _ in range(2 * WORKERS):
                    httpx.post(
                        server.base + "/api/analyze",
                        json={"text": "I built a churn model. " * 40, "save": False},
                        timeout=30,
                    )
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    stop(server)
    raise RuntimeError("the server did not start")


def stop(server: Server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.proc.kill()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] if ordered else float("nan")


def open_loop(server: Server, text: str, rate: float, seconds: float) -> dict[str, float]:
    """Requests sent on a fixed schedule, not waiting for each other."""
    latencies: list[float] = []
    errors = 0

    async def one(http: httpx.AsyncClient, at: float) -> None:
        nonlocal errors
        await asyncio.sleep(max(0.0, at - time.monotonic()))
        t0 = time.perf_counter()
        try:
            r = await http.post(server.base + "/api/analyze", json={"text": text, "save": False})
            errors += r.status_code != 200
        except httpx.HTTPError:
            errors += 1
        latencies.append(time.perf_counter() - t0)

    async def run() -> None:
        limits = httpx.Limits(max_connections=200)
        async with httpx.AsyncClient(timeout=30, limits=limits) as http:
            t0 = time.monotonic() + 0.2
            n = int(rate * seconds)
            await asyncio.gather(*(one(http, t0 + i / rate) for i in range(n)))

    asyncio.run(run())
    return {
        "requests": len(latencies),
        "errors": errors,
        "p50": 1000 * percentile(latencies, 0.5),
        "p99": 1000 * percentile(latencies, 0.99),
    }


def capacity(server: Server, text: str, clients: int = 4, seconds: float = 15) -> float:
    """Analyses a second with ``clients`` posting back to back."""
    done = 0

    async def client(http: httpx.AsyncClient, until: float) -> None:
        nonlocal done
        while time.monotonic() < until:
            r = await http.post(server.base + "/api/analyze", json={"text": text, "save": False})
            done += r.status_code == 200

    async def run() -> float:
        async with httpx.AsyncClient(timeout=30) as http:
            t0 = time.monotonic()
            await asyncio.gather(*(client(http, t0 + seconds) for _ in range(clients)))
            return time.monotonic() - t0

    elapsed = asyncio.run(run())
    return done / elapsed


def pages_under_posts(server: Server, big: str, seconds: float = 20) -> dict[str, float]:
    """p99 of static and page GETs while 8 clients post 100 KB answers."""
    gets: list[float] = []
    posts = 0
    failed = 0

    async def poster(http: httpx.AsyncClient, until: float) -> None:
        nonlocal posts, failed
        while time.monotonic() < until:
            r = await http.post(server.base + "/api/analyze", json={"text": big, "save": False})
            posts += 1
            failed += r.status_code != 200

    async def getter(http: httpx.AsyncClient, until: float) -> None:
        await asyncio.sleep(1.0)  # let the posters get going
        while time.monotonic() < until:
            for path in ("/static/app.js", "/"):
                t0 = time.perf_counter()
                r = await http.get(server.base + path)
                if r.status_code == 200:
                    gets.append(time.perf_counter() - t0)
            await asyncio.sleep(0.1)

    async def run() -> None:
        async with httpx.AsyncClient(timeout=60) as http:
            until = time.monotonic() + seconds
            await asyncio.gather(getter(http, until), *(poster(http, until) for _ in range(8)))

    asyncio.run(run())
    return {
        "gets": len(gets),
        "p99": 1000 * percentile(gets, 0.99),
        "posts": posts,
        "post_errors": failed,
    }


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except OSError:
            continue
        m = re.search(r"VmRSS:\s+(\d+)", status)
        total += int(m.group(1)) if m else 0
    return total / 1024


def memory_under_uploads(server: Server, parallel: int = 20, size: int = 24_000_000) -> float:
    """Peak RSS (MB) of the server tree while ``parallel`` uploads of ``size`` bytes arrive."""
    with httpx.Client(base_url=server.base, timeout=120) as http:
        page = http.get("/").text
        csrf = re.search(r'name="csrf" value="([^"]+)"', page)
        cookies = dict(http.cookies)
    token = csrf.group(1) if csrf else ""
    blob = b"\0" * size
    peak = _tree_rss_mb(server.proc.pid)
    running = True

    def sample() -> None:
        nonlocal peak
        while running:
            peak = max(peak, _tree_rss_mb(server.proc.pid))
            time.sleep(0.05)

    async def upload(http: httpx.AsyncClient) -> None:
        files = {"audio": ("big.txt", blob, "text/plain")}
        await http.post("/practise/audio", data={"csrf": token}, files=files)

    async def run() -> None:
        async with httpx.AsyncClient(base_url=server.base, timeout=120, cookies=cookies) as http:
            await asyncio.gather(*(upload(http) for _ in range(parallel)))

    watcher = threading.Thread(target=sample)
    watcher.start()
    try:
        asyncio.run(run())
    finally:
        running = False
        watcher.join()
    return peak


def load_numbers(text_300: str, text_100k: str, tmp: Path) -> dict[str, float]:
    """Every load figure, each on its own fresh server."""
    out: dict[str, float] = {}
    server = start(tmp, "open")
    try:
        for k, v in open_loop(server, text_300, 10, SECONDS).items():
            out["open_" + k] = v
        out["capacity"] = capacity(server, text_300)
    finally:
        stop(server)
    out["per_core"] = out["capacity"] / (os.cpu_count() or 1)
    server = start(tmp, "pages")
    try:
        for k, v in pages_under_posts(server, text_100k).items():
            out["pages_" + k] = v
    finally:
        stop(server)
    server = start(tmp, "memory")
    try:
        out["idle_rss"] = _tree_rss_mb(server.proc.pid)
        out["upload_rss"] = memory_under_uploads(server)
    finally:
        stop(server)
    return out


if __name__ == "__main__":
    import tempfile

    sentence = "We cut missed deliveries by a third with a gradient boosted model. "
    words = (sentence * 30).split()
    with tempfile.TemporaryDirectory() as d:
        print(load_numbers(" ".join(words[:300]), sentence * 1400, Path(d)))
