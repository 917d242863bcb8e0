"""Spoken answers in the web app: upload, background transcription with progress, playback,
and bad recordings refused with a clear message and nothing saved."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("faster_whisper", reason="the speech extra is not installed")
pytestmark = pytest.mark.skipif(
    not (shutil.which("espeak-ng") and shutil.which("sox")), reason="espeak-ng and sox are needed"
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from deepdive.store import Store  # noqa: E402
from deepdive.web.app import WebConfig, create_app  # noqa: E402
from tests.test_speech import CLIPS, speak  # noqa: E402


@pytest.fixture
def client(private_database: str) -> Iterator[TestClient]:
    with TestClient(create_app(WebConfig(db_url=private_database))) as c:
        yield c


def _upload(client: TestClient, path: Path, name: str, mime: str) -> str:
    page = client.get("/").text
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    with path.open("rb") as fh:
        r = client.post(
            "/practise/audio",
            data={"csrf": token},
            files={"audio": (name, fh, mime)},
            follow_redirects=False,
        )
    assert r.status_code == 303, r.text
    return r.headers["location"]


def _wait(client: TestClient, job_url: str) -> tuple[int, str]:
    for _ in range(200):
        r = client.get(job_url, follow_redirects=False)
        if r.status_code == 303 or "job-error" in r.text:
            return r.status_code, r.headers.get("location", r.text)
        assert 'http-equiv="refresh"' in r.text and "<progress" in r.text
        time.sleep(0.2)
    raise AssertionError("the job did not finish")


def test_upload_transcribe_and_play_back(
    client: TestClient, tmp_path: Path, private_database: str
) -> None:
    clip = speak(" ".join(CLIPS), tmp_path / "answer.wav")
    status, location = _wait(client, _upload(client, clip, "answer.wav", "audio/wav"))
    assert status == 303 and location.startswith("/attempts/")
    page = client.get(location).text
    assert 'id="player"' in page and "words a minute" in page
    assert len(re.findall(r'data-t0="[0-9.]+"', page)) >= 3
    audio = client.get(f"{location}/recording")
    assert audio.headers["content-type"] == "audio/wav" and audio.content == clip.read_bytes()
    assert Store(private_database).list_attempts()[0].source == "audio"


def test_silent_recording_fails_clearly_and_saves_nothing(
    client: TestClient, tmp_path: Path, private_database: str
) -> None:
    silence = tmp_path / "silence.wav"
    subprocess.run(
        ["sox", "-n", "-r", "16000", "-c", "1", str(silence), "trim", "0", "3"], check=True
    )
    status, page = _wait(client, _upload(client, silence, "silence.wav", "audio/wav"))
    assert status == 200 and "no speech found" in page
    assert Store(private_database).count_attempts() == 0


def test_unsupported_and_empty_uploads(client: TestClient, tmp_path: Path) -> None:
    page = client.get("/").text
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    r = client.post(
        "/practise/audio",
        data={"csrf": token},
        files={"audio": ("notes.txt", b"hello", "text/plain")},
    )
    assert r.status_code == 400 and "not supported" in r.text
    r = client.post(
        "/practise/audio", data={"csrf": token}, files={"audio": ("a.wav", b"", "audio/wav")}
    )
    assert r.status_code == 400 and "empty" in r.text
    r = client.post(
        "/practise/audio", data={"csrf": "nope"}, files={"audio": ("a.wav", b"x", "audio/wav")}
    )
    assert r.status_code == 403


def test_upload_limit(client: TestClient) -> None:
    r = client.post(
        "/practise/audio",
        content=b"x" * 25_000_100,
        headers={"content-type": "multipart/form-data; boundary=zzz"},
    )
    assert r.status_code == 413 and "25 MB" in r.text
