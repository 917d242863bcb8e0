"""deepdive: an offline practice coach for the ML project deep-dive interview question."""

from __future__ import annotations

from deepdive.analysis import SCHEMA, Analysis
from deepdive.engine import analyze
from deepdive.inputs import InputError

__all__ = ["SCHEMA", "Analysis", "InputError", "analyze"]
__version__ = "0.1.0"
