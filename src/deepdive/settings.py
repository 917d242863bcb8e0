"""Timing and length settings, loaded and validated from ``data/thresholds.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from deepdive.datafiles import fail, load_data, require


@dataclass(frozen=True)
class Settings:
    words_per_minute: float
    lead_seconds: float
    opening_stretch: float
    target_seconds: tuple[float, float]
    min_words: int
    max_words: int
    max_chars: int


@cache
def settings() -> Settings:
    """The shared settings."""
    name = "thresholds.yaml"
    cfg = load_data(name)
    target = require(name, cfg, "target_seconds", list)
    if len(target) != 2 or not all(isinstance(t, int | float) for t in target):
        raise fail(name, cfg, "'target_seconds' must be a list of two numbers")
    if not 0 < target[0] <= target[1]:
        raise fail(name, cfg, "'target_seconds' must be two positive numbers, low to high")
    wpm = require(name, cfg, "words_per_minute", float)
    if wpm <= 0:
        raise fail(name, cfg, "'words_per_minute' must be positive")
    return Settings(
        words_per_minute=wpm,
        lead_seconds=require(name, cfg, "lead_seconds", float),
        opening_stretch=require(name, cfg, "opening_stretch", float),
        target_seconds=(float(target[0]), float(target[1])),
        min_words=require(name, cfg, "min_words", int),
        max_words=require(name, cfg, "max_words", int),
        max_chars=require(name, cfg, "max_chars", int),
    )
