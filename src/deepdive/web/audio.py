"""Spoken answers in the web app: upload or record, transcribe in the background with
progress kept in the store (any worker can report it), then show the feedback with playback."""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
import time
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from deepdive.store import Store, StoreError
from deepdive.web.app import MAX_UPLOAD, FriendlyError, html
from deepdive.web.security import csrf_ok

router = APIRouter(include_in_schema=False)
SUFFIXES = {
    "audio/webm": ".webm",
    "audio/ogg": ".ogg",
    "audio/wav": ".wav",
    "audio/x-wav": ".wav",
    "audio/mpeg": ".mp3",
    "audio/mp4": ".m4a",
    "audio/flac": ".flac",
}

# The type a recording is served with, by its file suffix: audio types only, whatever the
# uploader claimed.
SERVED_TYPES = {
    ".wav": "audio/wav",
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".aac": "audio/aac",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".opus": "audio/ogg",
    ".webm": "audio/webm",
    ".flac": "audio/flac",
}
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def served_type(mime: str) -> str:
    """An audio type to serve a stored recording with (never the uploader's HTML or script)."""
    mime = mime.split(";")[0].strip().lower()
    if mime in SERVED_TYPES.values():
        return mime
    suffix = SUFFIXES.get(mime)
    return SERVED_TYPES.get(suffix or "", "application/octet-stream")


def _transcribe_job(store: Store, job: str, path: Path, mime: str, project: str | None) -> None:
    from deepdive.inputs import InputError
    from deepdive.speech import SpeechError, transcribe
    from deepdive.web.cpu import analyze

    last = [0.0]

    def progress(fraction: float) -> None:
        now = time.monotonic()
        if now - last[0] > 0.5 or fraction >= 1.0:
            last[0] = now
            store.update_job(job, progress=round(0.95 * fraction, 3))

    try:
        transcript = transcribe(path, progress)
        analysis = analyze(transcript.text, transcript)
        row = store.save_attempt(transcript.text, analysis, project=project, source="audio")
        store.save_recording(row.uid, path.read_bytes(), mime)
        store.update_job(job, progress=1.0, status="done", attempt_id=row.id)
    except (SpeechError, InputError) as exc:
        store.update_job(job, status="failed", message=f"Cannot use this recording: {exc}.")
    except StoreError as exc:
        store.update_job(job, status="failed", message=f"The history database failed: {exc}")
    except Exception:
        store.update_job(job, status="failed", message="Something went wrong; nothing was saved.")
    finally:
        path.unlink(missing_ok=True)


@router.post("/practise/audio")
async def upload_audio(request: Request) -> Response:
    form = await request.form()
    if not csrf_ok(request.session, form.get("csrf")):
        raise FriendlyError(403, "This form has expired. Reload the page and try again.")
    upload = form.get("audio")
    if upload is None or isinstance(upload, str) or not (upload.filename or upload.size):
        raise FriendlyError(400, "Choose a recording to upload, or record one.")
    if not upload.size:
        raise FriendlyError(400, f"The file {upload.filename or ''} is empty: no sound to read.")
    if upload.size > MAX_UPLOAD:
        raise FriendlyError(
            413, f"The recording is too large: the limit is {MAX_UPLOAD // 1_000_000} MB."
        )
    mime = (upload.content_type or "").split(";")[0].strip().lower()
    suffix = Path(upload.filename or "").suffix.lower() or SUFFIXES.get(mime, ".webm")
    from deepdive.speech import AUDIO_SUFFIXES

    if suffix not in AUDIO_SUFFIXES:
        raise FriendlyError(
            400, f"{suffix} files are not supported; use {', '.join(AUDIO_SUFFIXES)}."
        )
    # the form parser has spooled the file to disk; copy it in chunks, never whole in memory
    with tempfile.NamedTemporaryFile(suffix=suffix, delete=False) as fh:
        await upload.seek(0)
        await run_in_threadpool(shutil.copyfileobj, upload.file, fh, 1 << 20)
        path = Path(fh.name)
    store: Store = request.app.state.store
    job = store.create_job()
    project = str(form.get("project") or "").strip()[:200] or None
    threading.Thread(
        target=_transcribe_job,
        args=(store, job, path, SERVED_TYPES.get(suffix, "application/octet-stream"), project),
        daemon=True,
    ).start()
    return RedirectResponse(f"/jobs/{job}", status_code=303)


@router.get("/jobs/{uid}")
async def job_page(request: Request, uid: str) -> Response:
    store: Store = request.app.state.store
    try:
        job = store.get_job(uid)
    except KeyError:
        raise FriendlyError(404, "There is no such transcription job.") from None
    if job["status"] == "done":
        return RedirectResponse(f"/attempts/{job['attempt_id']}", status_code=303)
    return html(request, "job.html", job=job, percent=round(100 * job["progress"]))


@router.get("/api/jobs/{uid}", include_in_schema=True, tags=["api"], summary="A transcription job")
async def job_json(request: Request, uid: str) -> Response:
    store: Store = request.app.state.store
    try:
        return JSONResponse(store.get_job(uid))
    except KeyError:
        raise FriendlyError(404, "no such job") from None


@router.get("/attempts/{attempt_id}/recording")
async def recording(request: Request, attempt_id: int) -> Response:
    store: Store = request.app.state.store
    try:
        row, _, _ = store.get_attempt(attempt_id)
        mime, data = store.get_recording(row.uid)
    except KeyError:
        raise FriendlyError(404, "This attempt has no recording.") from None
    headers = {"Cache-Control": "private, max-age=3600", "Accept-Ranges": "bytes"}
    media = served_type(mime)
    wanted = _RANGE.match(request.headers.get("range", "").strip())
    if wanted and data and (wanted.group(1) or wanted.group(2)):
        size = len(data)
        if wanted.group(1):
            start = int(wanted.group(1))
            end = min(int(wanted.group(2)), size - 1) if wanted.group(2) else size - 1
        else:  # the last N bytes
            start, end = max(0, size - int(wanted.group(2))), size - 1
        if start >= size or start > end:
            return Response(status_code=416, headers={"Content-Range": f"bytes */{size}"})
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        return Response(data[start : end + 1], status_code=206, media_type=media, headers=headers)
    return Response(data, media_type=media, headers=headers)
