"""CPU-heavy work in the web server, one piece at a time per process.

Analyses run in the thread pool (the endpoints that call them are plain ``def``), so the event
loop stays free. Several analyses running at once in one process would still share one core
under the GIL and take it from the event loop in turn; queued behind a lock they wait without
holding the GIL, so static files and pages keep answering in milliseconds while answers are
analysed. Throughput is unchanged: one process never analyses faster than one core. More
processes (``deepdive serve --workers N``) analyse in parallel.

A queued analysis still holds one of the thread pool's 40 slots while it waits, so with 40 or
more analyses queued in one process, plain pages wait for a slot too (as they did before the
lock); ``make bench`` measures 8 clients posting 100 KB answers at once.
"""

from __future__ import annotations

import threading

from deepdive.analysis import Analysis
from deepdive.engine import analyze as _analyze
from deepdive.speech import Transcript

_GATE = threading.Lock()


def analyze(text: str, transcript: Transcript | None = None) -> Analysis:
    """:func:`deepdive.engine.analyze`, one call at a time in this process."""
    with _GATE:
        return _analyze(text, transcript)
