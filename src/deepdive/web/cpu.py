"""CPU-heavy work in the web server, one piece at a time per process.

Analyses run in the thread pool (the endpoints that call them are plain ``def``), so the event
loop stays free. Several analyses running at once in one process would still share one core
under the GIL and take it from the event loop in turn; queued behind a lock they wait without
holding the GIL, so static files and pages keep answering in milliseconds while answers are
analysed. Throughput is unchanged: one process never analyses faster than one core. More
processes (``deepdive serve --workers N``) analyse in parallel.
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
